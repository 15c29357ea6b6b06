package main

import (
	"strings"
	"testing"
)

func TestTestCommand(t *testing.T) {
	control := customMeta + "package resilcheck.controls.acme_owner\n" + customBody
	passing := "package resilcheck.controls.acme_owner_test\n\nimport data.resilcheck.controls.acme_owner\n\n" +
		"test_team_label_passes if count(acme_owner.violations) == 0 with input as {\"metadata\": {\"labels\": {\"team\": \"sre\"}}}\n\n" +
		"test_missing_label_fails if count(acme_owner.violations) == 1 with input as {\"metadata\": {}}\n"
	failing := "package resilcheck.controls.acme_owner_test\n\nimport data.resilcheck.controls.acme_owner\n\n" +
		"test_wrong_expectation if count(acme_owner.violations) == 0 with input as {\"metadata\": {}}\n"
	clock := "package acme_test\n\ntest_clock if time.now_ns() > 0\n"
	tests := []struct {
		name   string
		args   []string
		code   int
		wants  []string
		stderr string
	}{
		{"built-in tests pass", []string{"test"}, ExitOK, []string{"PASS: "}, ""},
		{"verbose lists each test", []string{"test", "-v"}, ExitOK, []string{"test_passes_when_notified_in_writing_on_day_30: PASS"}, ""},
		{"custom tests pass", []string{"test", "-v", "--run", "acme", policyDir(t, map[string]string{"owner.rego": control, "owner_test.rego": passing})}, ExitOK,
			[]string{"test_team_label_passes: PASS", "test_missing_label_fails: PASS", "PASS: 2/2"}, ""},
		{"custom test fails", []string{"test", policyDir(t, map[string]string{"owner.rego": control, "owner_test.rego": failing})}, ExitFailed,
			[]string{"test_wrong_expectation: FAIL", "FAIL: 1/"}, ""},
		{"sandboxed builtin", []string{"test", policyDir(t, map[string]string{"clock_test.rego": clock})}, ExitBundleBroken, nil, "time.now_ns is not allowed"},
		{"not a directory", []string{"test", "README.md"}, ExitInputError, nil, "not a directory"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, stderr, code := runCLI(t, "", tc.args...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stdout:\n%s\nstderr:\n%s", code, tc.code, out, stderr)
			}
			for _, w := range tc.wants {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			switch {
			case tc.stderr == "" && stderr != "":
				t.Errorf("stderr = %q, want it empty", stderr)
			case !strings.Contains(stderr, tc.stderr):
				t.Errorf("stderr lacks %q:\n%s", tc.stderr, stderr)
			}
		})
	}
}
