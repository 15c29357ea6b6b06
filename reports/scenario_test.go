package reports

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/open-policy-agent/opa/v1/version"

	"github.com/resilcheck/resilcheck/internal/audit"
	"github.com/resilcheck/resilcheck/internal/check"
)

// scenarioAsOf fixes the audit date of the scenario golden files, so they change only when
// the rules or the renderers do, not with the calendar.
const scenarioAsOf = "2026-11-22"

var (
	scenarioOnce    sync.Once
	scenarioReports map[string]*audit.Report
	scenarioErr     error
)

// scenarios runs the real pipeline (loader, schema, Rego bundle, site loss) once over each
// bundled scenario in testdata/manifests, from the repository root so the report holds
// the same relative paths a user running resilcheck there would see.
func scenarios(t *testing.T) map[string]*audit.Report {
	t.Helper()
	scenarioOnce.Do(func() {
		root, err := filepath.Abs("..")
		if err != nil {
			scenarioErr = err
			return
		}
		files, err := filepath.Glob(filepath.Join(root, "testdata", "manifests", "*.yaml"))
		if err != nil || len(files) == 0 {
			scenarioErr = err
			return
		}
		wd, _ := os.Getwd()
		if err := os.Chdir(root); err != nil {
			scenarioErr = err
			return
		}
		defer os.Chdir(wd)
		scenarioReports = map[string]*audit.Report{}
		for _, f := range files {
			rel := filepath.ToSlash(filepath.Join("testdata", "manifests", filepath.Base(f)))
			r, err := check.Run(context.Background(), check.Options{
				Paths:   []string{rel},
				AsOf:    scenarioAsOf,
				Tool:    audit.Tool{Name: "resilcheck", Version: "v0.0.0-golden", OPAVersion: version.Version},
				Command: []string{"resilcheck", "check", "--as-of", scenarioAsOf, rel},
			})
			if err != nil {
				scenarioErr = err
				return
			}
			// The digest changes with every edit anywhere in the bundle, even to a comment;
			// pinning it keeps the golden diffs to what a reader would notice.
			r.Bundle.Digest = "sha256:(bundle digest)"
			if r.Summary.Fail+r.Summary.Error > 0 {
				r.ExitCode = 1
			}
			scenarioReports[strings.TrimSuffix(filepath.Base(f), ".yaml")] = r
		}
	})
	if scenarioErr != nil {
		t.Fatalf("run the bundled scenarios: %v", scenarioErr)
	}
	if len(scenarioReports) == 0 {
		t.Skip("no scenarios in testdata/manifests")
	}
	return scenarioReports
}

// TestGoldenScenarios pins every format on every bundled scenario. A change in a control,
// a parameter or a renderer shows up here as a reviewable diff.
func TestGoldenScenarios(t *testing.T) {
	if testing.Short() {
		t.Skip("evaluates the whole policy bundle")
	}
	for name, r := range scenarios(t) {
		for _, format := range Formats() {
			for _, v := range variants(format) {
				if v.opts.Color {
					continue // colour is pinned on the fixture; here it would only add bytes
				}
				t.Run(name+"/"+format+"/"+v.name, func(t *testing.T) {
					out := render(t, format, v.opts, r)
					if again := render(t, format, v.opts, r); !bytes.Equal(out, again) {
						t.Fatalf("two renders differ:\n%s", firstDiff(out, again))
					}
					checkGolden(t, filepath.Join("scenarios", name+"."+v.name+"."+extensions[format]), out)
				})
			}
		}
	}
}

// TestScenarioReportsCiteEveryControl is the metadata check of formats_test.go on the real
// bundle: every control the engine loaded appears with its citation in every format.
func TestScenarioReportsCiteEveryControl(t *testing.T) {
	if testing.Short() {
		t.Skip("evaluates the whole policy bundle")
	}
	for name, r := range scenarios(t) {
		for _, format := range Formats() {
			langs := []string{"en"}
			if localised[format] || labelled[format] {
				langs = append(langs, "ko")
			}
			for _, lang := range langs {
				t.Run(name+"/"+format+"/"+lang, func(t *testing.T) {
					// Unwrapped, so that a citation is found whole.
					out := plain(format, render(t, format, Options{Lang: lang, Width: 1 << 20}, r))
					for _, c := range r.Controls {
						if want := citationLine(c.Citation, lang); !strings.Contains(out, c.ID) || !strings.Contains(out, want) {
							t.Errorf("control %s or its citation %q is missing", c.ID, want)
						}
					}
				})
			}
		}
	}
}
