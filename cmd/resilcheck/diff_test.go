package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDiffCLI runs `resilcheck diff` on two real audits of the Kakao scenario: exit 0 with
// the fixes listed forwards, 1 backwards (every fix is a new finding), 2 on bad input, and
// nothing on standard error unless the input was bad.
func TestDiffCLI(t *testing.T) {
	dir := t.TempDir()
	before := filepath.Join(dir, "before.json")
	after := filepath.Join(dir, "after.json")
	for out, in := range map[string]string{before: "testdata/manifests/kakao-2022-10-15.yaml", after: "testdata/manifests/kakao-remediated.yaml"} {
		if _, stderr, code := runCLI(t, "", "check", "--as-of", "2026-11-22", "-q", "-f", "json", "-o", out, in); code > 1 {
			t.Fatalf("check %s: exit %d: %s", in, code, stderr)
		}
	}
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte("{\n  \"tool\": {\"name\": \"resilcheck\"},\n  \"as_of\": 2026\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	manifestFile := filepath.Join(dir, "m.yaml")
	if err := os.WriteFile(manifestFile, []byte("# a manifest\napiVersion: resilcheck/v1\nkind: ProviderManifest\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	t.Run("fixed", func(t *testing.T) {
		stdout, stderr, code := runCLI(t, "", "diff", before, after)
		if code != 0 || stderr != "" {
			t.Fatalf("exit %d, stderr %q", code, stderr)
		}
		for _, want := range []string{"fixed (13)", "KR-BCDA-36-PLAN", "paired by provider Kakao Corp.", "No regressions."} {
			if !strings.Contains(stdout, want) {
				t.Errorf("stdout lacks %q:\n%s", want, stdout)
			}
		}
	})
	t.Run("regressed", func(t *testing.T) {
		stdout, stderr, code := runCLI(t, "", "diff", "-f", "json", after, before)
		if code != 1 || stderr != "" {
			t.Fatalf("exit %d, stderr %q", code, stderr)
		}
		var d struct {
			Regressed bool           `json:"regressed"`
			Counts    map[string]int `json:"counts"`
		}
		if err := json.Unmarshal([]byte(stdout), &d); err != nil {
			t.Fatalf("stdout is not JSON: %v", err)
		}
		if !d.Regressed || d.Counts["new"] != 13 {
			t.Errorf("regressed=%v new=%d, want true and 13", d.Regressed, d.Counts["new"])
		}
	})
	t.Run("ko and stdin", func(t *testing.T) {
		in, err := os.ReadFile(before)
		if err != nil {
			t.Fatal(err)
		}
		stdout, stderr, code := runCLI(t, string(in), "diff", "--lang", "ko", "-f", "markdown", "-", after)
		if code != 0 || stderr != "" {
			t.Fatalf("exit %d, stderr %q", code, stderr)
		}
		if !strings.Contains(stdout, "### 해소 (13)") {
			t.Errorf("markdown in Korean lacks the fixed heading:\n%s", stdout)
		}
	})
	for _, tc := range []struct {
		name string
		args []string
		want string // in stderr
	}{
		{"malformed report", []string{"diff", bad, after}, bad + ":4:1: invalid JSON"},
		{"manifest instead of a report", []string{"diff", manifestFile, after}, manifestFile + ":2:1: this is a manifest, not a report"},
		{"missing file", []string{"diff", filepath.Join(dir, "nope.json"), after}, "nope.json"},
		{"one argument", []string{"diff", before}, "expected OLD.json NEW.json, got 1 argument"},
		{"flag after the reports", []string{"diff", before, after, "-f", "json"}, "flag -f must come before the arguments"},
		{"unknown format", []string{"diff", "-f", "xml", before, after}, `unknown format "xml"`},
		{"bad --pair", []string{"diff", "--pair", "x", before, after}, `--pair "x": want OLDNAME=NEWNAME`},
		{"--pair of an unknown name", []string{"diff", "--pair", "a=kakao-remediated", before, after}, `the earlier report has no manifest named "a"`},
		{"both on stdin", []string{"diff", "-", "-"}, "only one of the reports can be standard input"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, "", tc.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			if stdout != "" {
				t.Errorf("stdout %q, want nothing", stdout)
			}
			if !strings.Contains(stderr, tc.want) {
				t.Errorf("stderr %q lacks %q", stderr, tc.want)
			}
		})
	}
	t.Run("--pair by name", func(t *testing.T) {
		stdout, _, code := runCLI(t, "", "diff", "--pair", "kakao-2022-10-15=kakao-remediated", before, after)
		if code != 0 || !strings.Contains(stdout, "paired by --pair") {
			t.Errorf("exit %d:\n%s", code, stdout)
		}
	})
}
