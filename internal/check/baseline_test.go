package check

import (
	"slices"
	"testing"

	"github.com/resilcheck/resilcheck/internal/audit"
)

func TestBaselineMarksWhatItHolds(t *testing.T) {
	earlier := &audit.Report{Results: []audit.Result{
		{Manifest: "m", Control: "A", Status: audit.StatusFail, Violations: []audit.Violation{{Pointer: "/x", Key: "2026"}, {Pointer: "/y"}}},
		{Manifest: "m", Control: "B", Status: audit.StatusWaived, Violations: []audit.Violation{{Pointer: "/z"}}},
		{Manifest: "m", Control: "C", Status: audit.StatusFail}, // a failure with no violation listed
		{Manifest: "m", Control: "D", Status: audit.StatusPass},
	}}
	b := NewBaseline(earlier, "old.json", "abc")
	if b.Len() != 4 {
		t.Fatalf("baseline holds %d findings, want 4 (two of A, B's waived one, C's bare failure)", b.Len())
	}
	tests := []struct {
		name     string
		res      audit.Result
		held     int
		all      bool
		baseline []bool
	}{
		{"same findings, lines moved", audit.Result{Manifest: "m", Control: "A", Status: audit.StatusFail,
			Violations: []audit.Violation{{Pointer: "/y", Position: audit.Position{Line: 9}}, {Pointer: "/x", Key: "2026"}}}, 2, true, []bool{true, true}},
		{"the same pointer without its key", audit.Result{Manifest: "m", Control: "A", Status: audit.StatusFail,
			Violations: []audit.Violation{{Pointer: "/x"}}}, 0, false, []bool{false}},
		{"a new key at a known pointer", audit.Result{Manifest: "m", Control: "A", Status: audit.StatusFail,
			Violations: []audit.Violation{{Pointer: "/x", Key: "2026"}, {Pointer: "/x", Key: "2027"}}}, 1, false, []bool{true, false}},
		{"a waived finding that now fails", audit.Result{Manifest: "m", Control: "B", Status: audit.StatusFail,
			Violations: []audit.Violation{{Pointer: "/z"}}}, 1, true, []bool{true}},
		{"a bare failure again", audit.Result{Manifest: "m", Control: "C", Status: audit.StatusFail}, 1, true, nil},
		{"another manifest", audit.Result{Manifest: "n", Control: "A", Status: audit.StatusFail,
			Violations: []audit.Violation{{Pointer: "/y"}}}, 0, false, []bool{false}},
		{"a control that passed before", audit.Result{Manifest: "m", Control: "D", Status: audit.StatusFail}, 0, false, nil},
		{"not a failure", audit.Result{Manifest: "m", Control: "A", Status: audit.StatusWaived,
			Violations: []audit.Violation{{Pointer: "/y"}}}, 0, false, []bool{false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := tt.res
			held, all := b.mark(&res)
			if held != tt.held || all != tt.all {
				t.Errorf("mark = %d, %v; want %d, %v", held, all, tt.held, tt.all)
			}
			// The verdict carries the mark too: for a bare failure it is the only place.
			if res.Baseline != tt.all {
				t.Errorf("result marked %v, want %v", res.Baseline, tt.all)
			}
			for i, want := range tt.baseline {
				if res.Violations[i].Baseline != want {
					t.Errorf("violation %d marked %v, want %v", i, res.Violations[i].Baseline, want)
				}
			}
		})
	}
	var none *Baseline
	res := audit.Result{Manifest: "m", Control: "A", Status: audit.StatusFail, Violations: []audit.Violation{{Pointer: "/y"}}}
	if held, all := none.mark(&res); held != 0 || all || res.Violations[0].Baseline {
		t.Error("no baseline marked something")
	}
}

// TestBaselineGate: a run measured against its own report fails no gate and records the
// baseline; against a baseline that lacks a finding it fails as before.
func TestBaselineGate(t *testing.T) {
	first := run(t, Options{Paths: []string{kakao}})
	out, err := Stream(t.Context(), Options{Paths: []string{kakao}, AsOf: "2026-11-22", Baseline: NewBaseline(first, "old.json", "abc")}, &collector{})
	if err != nil {
		t.Fatal(err)
	}
	if out.Gate.Failed("") {
		t.Error("a run against its own report as baseline failed the gate")
	}
	if out.Report.Baseline == nil || out.Report.Baseline.File != "old.json" || out.Report.Baseline.Held == 0 || out.BaselinedResults == 0 {
		t.Errorf("the report records baseline %+v, %d results held", out.Report.Baseline, out.BaselinedResults)
	}
	if out.Report.Summary != first.Summary {
		t.Errorf("the baseline changed the verdicts: %+v, before %+v", out.Report.Summary, first.Summary)
	}
	failed := slices.IndexFunc(first.Results, func(r audit.Result) bool { return r.Status == audit.StatusFail })
	if failed < 0 {
		t.Fatal("the Kakao scenario fails nothing")
	}
	partial := *first
	partial.Results = slices.Delete(slices.Clone(first.Results), failed, failed+1) // its findings are new
	out, err = Stream(t.Context(), Options{Paths: []string{kakao}, AsOf: "2026-11-22", Baseline: NewBaseline(&partial, "old.json", "abc")}, &collector{})
	if err != nil {
		t.Fatal(err)
	}
	if !out.Gate.Failed("") {
		t.Errorf("%s failed and is not in the baseline, yet the gate passed", first.Results[failed].Control)
	}
}
