package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runIn runs the built binary in dir (check --attest and keygen write beside the working
// directory, and the attested names are relative to it).
func runIn(t *testing.T, dir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return runCLIIn(t, dir, "", args...)
}

func TestKeygen(t *testing.T) {
	dir := t.TempDir()
	out, stderr, code := runIn(t, dir, "keygen")
	if code != 0 || stderr != "" || !strings.Contains(out, "resilcheck.key") {
		t.Fatalf("keygen: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	key, err := os.Stat(filepath.Join(dir, "resilcheck.key"))
	if err != nil {
		t.Fatal(err)
	}
	if key.Mode().Perm() != 0o600 {
		t.Errorf("resilcheck.key mode %v, want 0600", key.Mode().Perm())
	}
	priv, _ := os.ReadFile(filepath.Join(dir, "resilcheck.key"))
	pub, _ := os.ReadFile(filepath.Join(dir, "resilcheck.pub"))
	if !bytes.HasPrefix(priv, []byte("-----BEGIN PRIVATE KEY-----")) || !bytes.HasPrefix(pub, []byte("-----BEGIN PUBLIC KEY-----")) {
		t.Fatalf("key files:\n%s\n%s", priv, pub)
	}

	// Never overwritten, and a refusal writes neither file.
	_, stderr, code = runIn(t, dir, "keygen")
	if again, _ := os.ReadFile(filepath.Join(dir, "resilcheck.key")); code != ExitInputError || !bytes.Equal(again, priv) || !strings.Contains(stderr, "refusing to overwrite") {
		t.Errorf("second keygen: exit %d, stderr %q, key changed: %v", code, stderr, !bytes.Equal(again, priv))
	}
	if err := os.WriteFile(filepath.Join(dir, "half.pub"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, code = runIn(t, dir, "keygen", "--prefix", "half"); code != ExitInputError {
		t.Errorf("keygen over an existing .pub: exit %d", code)
	}
	if _, err := os.Stat(filepath.Join(dir, "half.key")); err == nil {
		t.Error("a refused keygen left half.key behind")
	}

	if _, stderr, code = runIn(t, dir, "keygen", "--prefix", "ed", "--algorithm", "ed25519"); code != 0 {
		t.Fatalf("keygen ed25519: exit %d: %s", code, stderr)
	}
	if _, stderr, code = runIn(t, dir, "keygen", "--algorithm", "rsa", "--prefix", "r"); code != ExitInputError || !strings.Contains(stderr, "ecdsa-p256 or ed25519") {
		t.Errorf("keygen rsa: exit %d, stderr %q", code, stderr)
	}
}

// attestFixture is an audit written with --attest in a directory of its own: a manifest, a
// waiver file and a data file as inputs, a JSON and a SARIF report.
type attestFixture struct {
	dir     string
	pub     string
	outputs []string // the reports, relative to dir
	inputs  []string
}

func newAttestFixture(t *testing.T, algorithm string) attestFixture {
	t.Helper()
	dir := t.TempDir()
	minimal, err := os.ReadFile(filepath.Join(repoRoot, filepath.FromSlash(minimalManifest)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"m.yaml": string(minimal),
		"w.yaml": "apiVersion: resilcheck/v1\nkind: WaiverSet\nwaivers:\n  - control: " + officerControl +
			"\n    manifest: example-minimal\n    reason: appointment pending board approval\n    approvedBy: CISO\n    expires: \"2026-12-31\"\n",
		"d.yaml": "resilcheck:\n  overrides:\n    dm_officer_notify_days: 45\n",
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, stderr, code := runIn(t, dir, "keygen", "--algorithm", algorithm); code != 0 {
		t.Fatalf("keygen: %s", stderr)
	}
	_, stderr, code := runIn(t, dir, "check", asOf, "-f", "json", "-o", "out.json", "--report", "sarif=out.sarif",
		"--waivers", "w.yaml", "-d", "d.yaml", "--attest", "out.att.json", "--key", "resilcheck.key", "m.yaml")
	if code != ExitOK && code != ExitFailed {
		t.Fatalf("check --attest: exit %d: %s", code, stderr)
	}
	return attestFixture{dir: dir, pub: "resilcheck.pub", outputs: []string{"out.json", "out.sarif"}, inputs: []string{"m.yaml", "w.yaml", "d.yaml"}}
}

func (f attestFixture) verify(t *testing.T, env string, args ...string) (string, string, int) {
	t.Helper()
	return runIn(t, f.dir, append([]string{"verify", "--key", f.pub, "--attestation", env}, args...)...)
}

// flipByte changes one byte of a file in the middle, and returns a function that restores it.
func flipByte(t *testing.T, path string, at func(b []byte) int) func() {
	t.Helper()
	orig, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b := bytes.Clone(orig)
	b[at(b)] ^= 1
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return func() {
		if err := os.WriteFile(path, orig, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func middle(b []byte) int { return len(b) / 2 }

func TestAttestVerify(t *testing.T) {
	for _, alg := range []string{"ecdsa-p256", "ed25519"} {
		t.Run(alg, func(t *testing.T) {
			f := newAttestFixture(t, alg)
			env := "out.att.json"
			for _, report := range f.outputs {
				out, stderr, code := f.verify(t, env, append([]string{report}, f.inputs...)...)
				if code != 0 || stderr != "" || strings.Count(out, "Verified OK") != 4 {
					t.Fatalf("verify %s: exit %d, stdout %q, stderr %q", report, code, out, stderr)
				}
				for _, kind := range []string{"manifest", "waivers", "data"} {
					if !strings.Contains(out, "the "+kind+" input") {
						t.Errorf("verify does not name the %s input: %q", kind, out)
					}
				}
			}

			// One changed byte in a report, in each input, in the envelope's payload: exit 1.
			for _, file := range append(append([]string{}, f.outputs...), f.inputs...) {
				restore := flipByte(t, filepath.Join(f.dir, file), middle)
				args := []string{"out.json"}
				if strings.HasPrefix(file, "out.") {
					args = []string{file}
				} else {
					args = append(args, file)
				}
				out, stderr, code := f.verify(t, env, args...)
				if code != ExitFailed || out != "" || !strings.Contains(stderr, "verify FAILED") {
					t.Errorf("%s changed: exit %d, stdout %q, stderr %q; want exit 1", file, code, out, stderr)
				}
				restore()
			}
			restore := flipByte(t, filepath.Join(f.dir, env), func(b []byte) int {
				return bytes.Index(b, []byte(`"payload":"`)) + len(`"payload":"`) + 40
			})
			if _, stderr, code := f.verify(t, env, "out.json"); code != ExitFailed || !strings.Contains(stderr, "signature does not verify") {
				t.Errorf("payload changed: exit %d, stderr %q", code, stderr)
			}
			restore()
			// Any byte of the envelope: never a pass.
			raw, _ := os.ReadFile(filepath.Join(f.dir, env))
			for _, at := range []int{0, 3, 20, len(raw) / 3, len(raw) - 30, len(raw) - 3, len(raw) - 1} {
				restore := flipByte(t, filepath.Join(f.dir, env), func([]byte) int { return at })
				if _, stderr, code := f.verify(t, env, "out.json"); code != ExitFailed && code != ExitInputError {
					t.Errorf("envelope byte %d changed: exit %d, stderr %q", at, code, stderr)
				}
				restore()
			}

			// A malformed envelope, a key that is not a key, a missing file: exit 2.
			if err := os.WriteFile(filepath.Join(f.dir, "bad.json"), []byte(`{"payloadType":`), 0o644); err != nil {
				t.Fatal(err)
			}
			if _, stderr, code := f.verify(t, "bad.json", "out.json"); code != ExitInputError || !strings.Contains(stderr, "malformed attestation") {
				t.Errorf("malformed envelope: exit %d, stderr %q", code, stderr)
			}
			if _, stderr, code := runIn(t, f.dir, "verify", "--key", "resilcheck.key", "--attestation", env, "out.json"); code != ExitInputError || !strings.Contains(stderr, "PUBLIC KEY") {
				t.Errorf("private key as --key: exit %d, stderr %q", code, stderr)
			}
			if _, _, code := f.verify(t, env, "no-such-report.json"); code != ExitInputError {
				t.Errorf("missing report: exit %d", code)
			}
			if _, _, code := runIn(t, f.dir, "verify", "--key", f.pub, "out.json"); code != ExitInputError {
				t.Errorf("no --attestation: exit %d", code)
			}

			// Another signer's key: exit 1. A file that is not an input of the audit: exit 1.
			if _, stderr, code := runIn(t, f.dir, "keygen", "--prefix", "other", "--algorithm", alg); code != 0 {
				t.Fatal(stderr)
			}
			if _, stderr, code := runIn(t, f.dir, "verify", "--key", "other.pub", "--attestation", env, "out.json"); code != ExitFailed {
				t.Errorf("another key: exit %d, stderr %q", code, stderr)
			}
			if _, stderr, code := f.verify(t, env, "out.json", "other.pub"); code != ExitFailed || !strings.Contains(stderr, "not an input") {
				t.Errorf("a file that is not an input: exit %d, stderr %q", code, stderr)
			}
		})
	}
}

// The predicate records the waiver and data files beside the manifests, and the same audit
// attested twice gives the same bytes (both signature schemes are deterministic here).
func TestAttestationContent(t *testing.T) {
	f := newAttestFixture(t, "ecdsa-p256")
	first, err := os.ReadFile(filepath.Join(f.dir, "out.att.json"))
	if err != nil {
		t.Fatal(err)
	}
	var env struct{ Payload string }
	if err := json.Unmarshal(first, &env); err != nil {
		t.Fatal(err)
	}
	payload, _ := base64.StdEncoding.DecodeString(env.Payload)
	var st struct {
		Subject []struct {
			Name string `json:"name"`
		} `json:"subject"`
		Predicate struct {
			AsOf   string `json:"as_of"`
			Inputs []struct {
				Kind, Name string
				Digest     map[string]string
			} `json:"inputs"`
		} `json:"predicate"`
	}
	if err := json.Unmarshal(payload, &st); err != nil {
		t.Fatal(err)
	}
	if len(st.Subject) != 2 || st.Subject[0].Name != "out.json" || st.Subject[1].Name != "out.sarif" || st.Predicate.AsOf != "2026-11-22" {
		t.Errorf("statement: %s", payload)
	}
	var kinds []string
	for _, in := range st.Predicate.Inputs {
		if len(in.Digest["sha256"]) != 64 {
			t.Errorf("input %s has no digest", in.Name)
		}
		kinds = append(kinds, in.Kind+":"+in.Name)
	}
	if got := strings.Join(kinds, " "); got != "manifest:m.yaml waivers:w.yaml data:d.yaml" {
		t.Errorf("inputs = %s", got)
	}

	// Removed first, so a second run that wrote nothing cannot pass for one that wrote the same.
	if err := os.Remove(filepath.Join(f.dir, "out.att.json")); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := runIn(t, f.dir, "check", asOf, "-f", "json", "-o", "out.json", "--report", "sarif=out.sarif",
		"--waivers", "w.yaml", "-d", "d.yaml", "--attest", "out.att.json", "--key", "resilcheck.key", "m.yaml")
	if code != ExitOK && code != ExitFailed {
		t.Fatal(stderr)
	}
	if again, err := os.ReadFile(filepath.Join(f.dir, "out.att.json")); err != nil || !bytes.Equal(first, again) {
		t.Errorf("the same audit attested twice differs:\n%s\n%s", first, again)
	}
}

func TestAttestRefusals(t *testing.T) {
	dir := t.TempDir()
	if _, stderr, code := runIn(t, dir, "keygen"); code != 0 {
		t.Fatal(stderr)
	}
	m := filepath.Join(repoRoot, filepath.FromSlash(minimalManifest))
	if err := os.WriteFile(filepath.Join(dir, "notakey"), []byte("hello"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"no key", []string{"-o", "r.json", "--attest", "a.json"}, "give --key"},
		{"no attest", []string{"-o", "r.json", "--key", "resilcheck.key"}, "give --attest"},
		{"no report file", []string{"--attest", "a.json", "--key", "resilcheck.key"}, "no report file to attest"},
		{"attest over the report", []string{"-o", "r.json", "--attest", "r.json", "--key", "resilcheck.key"}, "-o writes the report there"},
		{"attest over another report", []string{"-o", "r.json", "--report", "sarif=a.json", "--attest", "a.json", "--key", "resilcheck.key"}, "a report is written there"},
		{"not a key", []string{"-o", "r.json", "--attest", "a.json", "--key", "notakey"}, "not a PEM private key"},
		{"public key", []string{"-o", "r.json", "--attest", "a.json", "--key", "resilcheck.pub"}, "want PRIVATE KEY"},
		{"attest over an input", []string{"-o", "r.json", "--attest", m, "--key", "resilcheck.key"}, "is an input of this run"},
		{"attest over the baseline", []string{"-o", "r.json", "--baseline", "base.json", "--attest", "base.json", "--key", "resilcheck.key"}, "is an input of this run"},
	}
	if _, stderr, code := runIn(t, dir, "check", asOf, "-f", "json", "-o", "base.json", m); code != ExitOK && code != ExitFailed {
		t.Fatal(stderr)
	}
	baseline, _ := os.ReadFile(filepath.Join(dir, "base.json"))
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before, _ := os.ReadFile(m)
			args := append(append([]string{"check", asOf, "-f", "json"}, tc.args...), m)
			_, stderr, code := runIn(t, dir, args...)
			if code != ExitInputError || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, ExitInputError, tc.want)
			}
			if _, err := os.Stat(filepath.Join(dir, "a.json")); err == nil {
				t.Error("an attestation was written")
			}
			if after, _ := os.ReadFile(m); !bytes.Equal(before, after) {
				t.Fatal("the input was overwritten")
			}
			if after, _ := os.ReadFile(filepath.Join(dir, "base.json")); !bytes.Equal(baseline, after) {
				t.Fatal("the baseline was overwritten")
			}
			os.Remove(filepath.Join(dir, "r.json"))
		})
	}

	// A report that cannot be written: no attestation either.
	if err := os.Mkdir(filepath.Join(dir, "adir"), 0o755); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := runIn(t, dir, "check", asOf, "-f", "json", "-o", "r.json", "--report", "sarif=adir", "--attest", "a.json", "--key", "resilcheck.key", m)
	if code != ExitInputError {
		t.Errorf("unwritable report: exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "a.json")); err == nil {
		t.Error("an attestation was written for a run that failed to write a report")
	}
}
