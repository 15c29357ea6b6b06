package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/resilcheck/resilcheck/internal/attest"
)

// cosignBinary finds the real cosign. Without it the interoperability test skips, unless
// RESILCHECK_REQUIRE_TOOLS is set (CI installs cosign): there a missing tool fails it.
func cosignBinary(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("cosign")
	if err != nil {
		if os.Getenv("RESILCHECK_REQUIRE_TOOLS") != "" {
			t.Fatalf("cosign is not on PATH, and RESILCHECK_REQUIRE_TOOLS is set")
		}
		t.Skip("cosign is not on PATH (go install github.com/sigstore/cosign/v2/cmd/cosign@v2.6.5)")
	}
	return path
}

// runCosign runs cosign in dir, offline: keys are given, nothing goes to or comes from a
// transparency log.
func runCosign(t *testing.T, cosign, dir string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(cosign, args...)
	cmd.Dir = dir
	home := t.TempDir()
	cmd.Env = append(os.Environ(), "COSIGN_PASSWORD=interop", "HOME="+home, "TUF_ROOT="+filepath.Join(home, "tuf"))
	out, err := cmd.CombinedOutput()
	code := 0
	if exitErr, ok := err.(*exec.ExitError); ok {
		code = exitErr.ExitCode()
	} else if err != nil {
		t.Fatalf("run cosign %v: %v", args, err)
	}
	return string(out), code
}

// TestCosignInterop: the real cosign accepts what check --attest writes, for both key types,
// and refuses it for a changed report; resilcheck verify accepts an envelope cosign signed
// with its own key over our predicate.
func TestCosignInterop(t *testing.T) {
	cosign := cosignBinary(t)
	for _, alg := range []string{"ecdsa-p256", "ed25519"} {
		t.Run("cosign verifies "+alg, func(t *testing.T) {
			f := newAttestFixture(t, alg)
			verify := []string{"verify-blob-attestation", "--key", f.pub, "--signature", "out.att.json",
				"--type", attest.PredicateType, "--insecure-ignore-tlog=true"}
			for _, report := range f.outputs {
				if out, code := runCosign(t, cosign, f.dir, append(verify, report)...); code != 0 || !strings.Contains(out, "Verified OK") {
					t.Fatalf("cosign %s: exit %d:\n%s", report, code, out)
				}
			}
			restore := flipByte(t, filepath.Join(f.dir, "out.json"), middle)
			out, code := runCosign(t, cosign, f.dir, append(verify, "out.json")...)
			restore()
			if code == 0 || !strings.Contains(out, "no matching subject digest") {
				t.Errorf("cosign accepted a changed report: exit %d:\n%s", code, out)
			}
		})
	}

	t.Run("we verify cosign's", func(t *testing.T) {
		f := newAttestFixture(t, "ecdsa-p256")
		if out, code := runCosign(t, cosign, f.dir, "generate-key-pair"); code != 0 {
			t.Fatalf("cosign generate-key-pair: exit %d:\n%s", code, out)
		}
		// cosign signs a statement of its own making around our predicate.
		raw, err := os.ReadFile(filepath.Join(f.dir, "out.att.json"))
		if err != nil {
			t.Fatal(err)
		}
		var env struct{ Payload string }
		if err := json.Unmarshal(raw, &env); err != nil {
			t.Fatal(err)
		}
		payload, _ := base64.StdEncoding.DecodeString(env.Payload)
		var st struct {
			Predicate json.RawMessage `json:"predicate"`
		}
		if err := json.Unmarshal(payload, &st); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(f.dir, "predicate.json"), st.Predicate, 0o644); err != nil {
			t.Fatal(err)
		}
		out, code := runCosign(t, cosign, f.dir, "attest-blob", "--yes", "--key", "cosign.key", "--predicate", "predicate.json",
			"--type", attest.PredicateType, "--tlog-upload=false", "--output-signature", "cosign.att.json", "out.json")
		if code != 0 {
			t.Fatalf("cosign attest-blob: exit %d:\n%s", code, out)
		}
		signed, _ := os.ReadFile(filepath.Join(f.dir, "cosign.att.json"))
		if bytes.Equal(signed, raw) {
			t.Fatal("cosign wrote our own envelope back")
		}
		got, stderr, code := runIn(t, f.dir, append([]string{"verify", "--key", "cosign.pub", "--attestation", "cosign.att.json", "out.json"}, f.inputs...)...)
		if code != 0 || strings.Count(got, "Verified OK") != 4 {
			t.Fatalf("verify cosign's envelope: exit %d, stdout %q, stderr %q\nenvelope: %s", code, got, stderr, signed)
		}
		// Our key did not sign it, and a changed report is not its subject.
		if _, _, code := runIn(t, f.dir, "verify", "--key", f.pub, "--attestation", "cosign.att.json", "out.json"); code != ExitFailed {
			t.Errorf("cosign's envelope with our key: exit %d, want 1", code)
		}
		restore := flipByte(t, filepath.Join(f.dir, "out.json"), middle)
		defer restore()
		if _, _, code := runIn(t, f.dir, "verify", "--key", "cosign.pub", "--attestation", "cosign.att.json", "out.json"); code != ExitFailed {
			t.Errorf("cosign's envelope, changed report: exit %d, want 1", code)
		}
	})
}
