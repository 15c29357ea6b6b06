package check

import (
	"bufio"
	"context"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/resilcheck/resilcheck/internal/audit"
	"github.com/resilcheck/resilcheck/internal/engine"
)

// expectation is one reviewed verdict from testdata/manifests/expected.tsv.
type expectation struct {
	manifest, asOf, control string
	status                  audit.Status
}

func readExpectations(t *testing.T, path string) []expectation {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []expectation
	header := false
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if strings.HasPrefix(text, "#") || strings.TrimSpace(text) == "" {
			continue
		}
		fields := strings.Split(text, "\t")
		if len(fields) != 4 {
			t.Fatalf("%s:%d: want 4 tab-separated fields, got %d", path, line, len(fields))
		}
		if !header {
			header = true
			continue
		}
		out = append(out, expectation{fields[0], fields[1], fields[2], audit.Status(fields[3])})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestScenarioExpectations judges every bundled scenario on each audit date its reviewed
// expectations name, and compares every verdict. The rows were reviewed against the
// declared facts, so a policy change that flips one shows here with the row to re-review.
// Every control in the bundle must have a row per (manifest, date), so a new control cannot
// slip in without someone reviewing what it says about the real scenarios. Both evaluators
// are held to the same rows.
func TestScenarioExpectations(t *testing.T) {
	for _, ev := range []engine.Evaluator{engine.EvaluatorTopdown, engine.EvaluatorIRVM} {
		t.Run(string(ev), func(t *testing.T) { scenarioExpectations(t, ev) })
	}
}

func scenarioExpectations(t *testing.T, evaluator engine.Evaluator) {
	const dir = "../../testdata/manifests"
	exps := readExpectations(t, dir+"/expected.tsv")
	if len(exps) == 0 {
		t.Fatal("no expectations read")
	}
	byDate := map[string][]expectation{}
	for _, e := range exps {
		byDate[e.asOf] = append(byDate[e.asOf], e)
	}
	dates := make([]string, 0, len(byDate))
	for d := range byDate {
		dates = append(dates, d)
	}
	sort.Strings(dates)

	ctx := context.Background()
	for _, date := range dates {
		t.Run(date, func(t *testing.T) {
			r, err := Run(ctx, Options{Paths: []string{dir}, AsOf: date, Evaluator: evaluator})
			if err != nil {
				t.Fatal(err)
			}
			if HasProblems(r) {
				t.Fatalf("scenario manifests have input problems: %+v", r.Manifests)
			}
			got := map[[2]string]audit.Result{}
			for _, res := range r.Results {
				got[[2]string{res.Manifest, res.Control}] = res
			}
			expected := map[[2]string]bool{}
			manifests := map[string]bool{}
			for _, e := range byDate[date] {
				key := [2]string{e.manifest, e.control}
				expected[key] = true
				manifests[e.manifest] = true
				res, ok := got[key]
				switch {
				case !ok:
					t.Errorf("%s %s: no result (control renamed or removed?)", e.manifest, e.control)
				case res.Status != e.status:
					t.Errorf("%s %s as of %s: %s, reviewed expectation %s (violations: %+v; reason: %s)",
						e.manifest, e.control, date, res.Status, e.status, res.Violations, res.Reason)
				case res.Status == audit.StatusNotApplicable && (res.Reason == "" || res.Reason == engine.NoReason || res.ReasonKo == ""):
					t.Errorf("%s %s as of %s: not applicable without a reason in both languages (en %q, ko %q)",
						e.manifest, e.control, date, res.Reason, res.ReasonKo)
				}
			}
			for key := range got {
				if manifests[key[0]] && !expected[key] {
					t.Errorf("%s %s as of %s: no reviewed expectation in expected.tsv; review the verdict and add a row", key[0], key[1], date)
				}
			}
		})
	}
}

// TestNoVerdictOutsideTheLawInForce: on every audit date, a control that passes or fails
// a scenario has a period in force that day (its METADATA custom.in_force), so no report
// holds a provider to a duty that did not exist yet, and a failure always cites an article
// in force. 2022-10-15 is the day of the fire, before the 2023 amendments.
func TestNoVerdictOutsideTheLawInForce(t *testing.T) {
	ctx := context.Background()
	for _, date := range []string{"2015-01-01", "2022-10-15", "2023-07-03", "2023-07-04", "2024-01-01", "2026-10-01"} {
		r, err := Run(ctx, Options{Paths: []string{"../../testdata/manifests"}, AsOf: date})
		if err != nil {
			t.Fatal(err)
		}
		byID := map[string]audit.Control{}
		for _, c := range r.Controls {
			byID[c.ID] = c
		}
		for _, res := range r.Results {
			if res.Status != audit.StatusPass && res.Status != audit.StatusFail {
				continue
			}
			if byID[res.Control].PeriodOn(date) == nil {
				t.Errorf("%s %s on %s: %s, but the control has no period in force that day", res.Manifest, res.Control, date, res.Status)
			}
		}
	}
}
