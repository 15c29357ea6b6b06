package reports

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/resilcheck/resilcheck/internal/audit"
	"github.com/resilcheck/resilcheck/internal/check"
	"github.com/resilcheck/resilcheck/internal/corpus"
)

// sarifCollisions renders r as SARIF and returns, for every fingerprint two results share,
// a line naming the rule and the two messages.
func sarifCollisions(t *testing.T, r *audit.Report) []string {
	t.Helper()
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID              string `json:"ruleId"`
				Message             struct{ Text string }
				PartialFingerprints map[string]string `json:"partialFingerprints"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(render(t, "sarif", Options{}, r), &log); err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	var out []string
	for _, res := range log.Runs[0].Results {
		fp := res.PartialFingerprints[sarifFingerprint]
		if fp == "" {
			t.Fatalf("result of %s has no %s fingerprint", res.RuleID, sarifFingerprint)
		}
		if first, dup := seen[fp]; dup {
			out = append(out, res.RuleID+": "+first+" | "+res.Message.Text)
			continue
		}
		seen[fp] = res.Message.Text
	}
	return out
}

// TestFingerprintsAreUnique: GitHub code scanning merges results that share a fingerprint
// into one alert, hiding the others, so every finding of every bundled scenario, and of a
// generated population judged on two dates, must have a fingerprint of its own.
func TestFingerprintsAreUnique(t *testing.T) {
	if testing.Short() {
		t.Skip("evaluates the whole policy bundle")
	}
	for name, r := range scenarios(t) {
		for _, c := range sarifCollisions(t, r) {
			t.Errorf("%s: shared fingerprint: %s", name, c)
		}
	}
	dir := t.TempDir()
	if _, err := corpus.WritePopulation(dir, 150, 7, corpus.YAMLFormat); err != nil {
		t.Fatal(err)
	}
	for _, asOf := range []string{"2024-06-15", "2026-12-01"} {
		r, err := check.Run(context.Background(), check.Options{Paths: []string{dir}, AsOf: asOf})
		if err != nil {
			t.Fatal(err)
		}
		byRule := map[string][]string{}
		for _, c := range sarifCollisions(t, r) {
			rule, _, _ := strings.Cut(c, ":")
			byRule[rule] = append(byRule[rule], c)
		}
		for rule, cs := range byRule {
			t.Errorf("population on %s: %s: %d shared fingerprints, e.g. %s", asOf, rule, len(cs), cs[0])
		}
	}
}

// TestSARIFBaselineState: against a baseline, each SARIF result says whether its finding
// is new; a failure that lists no violation takes the mark of its verdict, the only place
// a baseline can mark it.
func TestSARIFBaselineState(t *testing.T) {
	r := fixtureReport()
	r.Baseline = &audit.BaselineUse{File: "old.json", SHA256: "abc", Findings: 2, Held: 2}
	var bare, listed *audit.Result
	for i := range r.Results {
		res := &r.Results[i]
		if res.Status == audit.StatusFail && len(res.Violations) > 0 && listed == nil {
			listed = res
		}
	}
	if listed == nil {
		t.Fatal("the fixture has no failure with violations")
	}
	r.Results = append(r.Results, audit.Result{Manifest: listed.Manifest, Control: listed.Control, Status: audit.StatusFail, Baseline: true})
	bare = &r.Results[len(r.Results)-1]
	listed.Violations[0].Baseline = true
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID        string `json:"ruleId"`
				BaselineState string `json:"baselineState"`
				Properties    struct {
					Pointer string `json:"pointer"`
				} `json:"properties"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(render(t, "sarif", Options{}, r), &log); err != nil {
		t.Fatal(err)
	}
	states := map[string]int{}
	var bareState, listedState string
	for _, res := range log.Runs[0].Results {
		states[res.BaselineState]++
		if res.RuleID == bare.Control && res.Properties.Pointer == "" {
			bareState = res.BaselineState
		}
		if res.RuleID == listed.Control && res.Properties.Pointer == listed.Violations[0].Pointer {
			listedState = res.BaselineState
		}
	}
	if bareState != "unchanged" || listedState != "unchanged" {
		t.Errorf("held findings: bare failure %q, listed violation %q; want unchanged", bareState, listedState)
	}
	if states["new"] == 0 || states[""] > 0 {
		t.Errorf("baseline states %v: every result has one, and the findings not held are new", states)
	}
	// The text report marks the held bare failure on its verdict line.
	marked := false
	for _, line := range strings.Split(string(render(t, "text", Options{Width: 1000}, r)), "\n") {
		if strings.Contains(line, bare.Control) && strings.Contains(line, "(in the baseline)") {
			marked = true
		}
	}
	if !marked {
		t.Error("the text report does not mark the held failure that lists no violation")
	}
}
