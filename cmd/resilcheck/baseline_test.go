package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBaselineGate: --baseline passes an unchanged manifest that fails, fails again on a
// finding the baseline lacks (the same manifest audited a year later owes the next year's
// plan and grades), keeps every finding in the report with the held ones marked, and refuses
// a baseline that is not a report or a report written over it.
func TestBaselineGate(t *testing.T) {
	dir := t.TempDir()
	kakao, err := os.ReadFile(filepath.Join(repoRoot, "testdata", "manifests", "kakao-2022-10-15.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "kakao.yaml"), kakao, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := runCLIIn(t, dir, "", "check", "--as-of", "2026-11-22", "-f", "json", "-o", "old.json", "kakao.yaml"); code != ExitFailed {
		t.Fatalf("the baseline run: exit %d, want 1: %s", code, stderr)
	}

	var old struct {
		Results []struct {
			Status     string
			Violations []struct{}
		}
	}
	readJSON(t, filepath.Join(dir, "old.json"), &old)
	findings := 0
	for _, r := range old.Results {
		if r.Status == "fail" {
			findings += max(1, len(r.Violations))
		}
	}
	// Given by absolute path, the baseline is recorded relative to the working directory.
	_, stderr, code := runCLIIn(t, dir, "", "check", "--as-of", "2026-11-22", "--baseline", filepath.Join(dir, "old.json"), "-f", "json", "-o", "same.json", "kakao.yaml")
	if want := fmt.Sprintf("baseline old.json: %d of its %d findings found again", findings, findings); code != ExitOK || !strings.Contains(stderr, want) {
		t.Fatalf("unchanged manifest against its baseline: exit %d, stderr %q", code, stderr)
	}
	if _, stderr, code := runCLIIn(t, dir, "", "check", "-q", "--as-of", "2026-11-22", "--baseline", "old.json", "-f", "json", "-o", "quiet.json", "kakao.yaml"); code != ExitOK || stderr != "" {
		t.Errorf("-q against the baseline: exit %d, stderr %q; want 0 and nothing", code, stderr)
	}
	var same struct {
		Summary  struct{ Fail int }
		Baseline struct {
			File           string
			Findings, Held int
		}
		Results []struct {
			Status     string
			Violations []struct{ Baseline bool }
		}
	}
	readJSON(t, filepath.Join(dir, "same.json"), &same)
	if same.Summary.Fail == 0 || same.Baseline.File != "old.json" || same.Baseline.Held != findings {
		t.Errorf("the report hides the failures or the baseline: %+v %+v", same.Summary, same.Baseline)
	}
	for _, r := range same.Results {
		for _, v := range r.Violations {
			if r.Status == "fail" && !v.Baseline {
				t.Errorf("a held finding is not marked: %+v", r)
			}
		}
	}

	_, stderr, code = runCLIIn(t, dir, "", "check", "--as-of", "2027-11-22", "--baseline", "old.json", "-f", "sarif", "-o", "later.sarif", "kakao.yaml")
	if code != ExitFailed {
		t.Fatalf("a year later, with new findings: exit %d, want 1: %s", code, stderr)
	}
	sarif, err := os.ReadFile(filepath.Join(dir, "later.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(sarif), `"baselineState": "new"`) || !strings.Contains(string(sarif), `"baselineState": "unchanged"`) {
		t.Error("the SARIF report does not tell new findings from unchanged ones")
	}

	if _, stderr, code = runCLIIn(t, dir, "", "check", "--baseline", "kakao.yaml", "kakao.yaml"); code != ExitInputError || !strings.Contains(stderr, "not a report") {
		t.Errorf("a manifest as baseline: exit %d, stderr %q", code, stderr)
	}
	if _, stderr, code = runCLIIn(t, dir, "", "check", "--as-of", "2026-11-22", "--baseline", "old.json", "-f", "json", "-o", "old.json", "kakao.yaml"); code != ExitInputError {
		t.Errorf("a report written over its baseline: exit %d, stderr %q", code, stderr)
	}
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatal(err)
	}
}
