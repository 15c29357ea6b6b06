package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/resilcheck/resilcheck/internal/audit"
	"github.com/resilcheck/resilcheck/internal/check"
	"github.com/resilcheck/resilcheck/internal/corpus"
	"github.com/resilcheck/resilcheck/internal/engine"
	"github.com/resilcheck/resilcheck/internal/manifest"
	"github.com/resilcheck/resilcheck/reports"
)

// simulateJSON runs `simulate -f json` and decodes what it printed.
func simulateJSON(t *testing.T, stdin string, args ...string) (reports.Simulation, int) {
	t.Helper()
	out, errOut, code := runCLI(t, stdin, append([]string{"simulate", "-f", "json"}, args...)...)
	var s reports.Simulation
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("simulate %v: output is not JSON: %v\nstdout:\n%s\nstderr:\n%s", args, err, out, errOut)
	}
	return s, code
}

func failureNamed(t *testing.T, m reports.SimulatedManifest, kind, id string) audit.FailureOutcome {
	t.Helper()
	if m.SiteLoss == nil {
		t.Fatalf("%s: no site-loss analysis", m.Name)
	}
	for _, f := range m.SiteLoss.Failures {
		if f.Domain.Kind == kind && f.Domain.ID == id {
			return f
		}
	}
	t.Fatalf("%s: no failure %s %s", m.Name, kind, id)
	return audit.FailureOutcome{}
}

// TestSimulateKakao checks the 2022-10-15 reconstruction against what happened: losing
// Pangyo takes every service down, and the standby in Anyang is unreachable because the
// failover tooling ran only in Pangyo.
func TestSimulateKakao(t *testing.T) {
	s, code := simulateJSON(t, "", "--as-of", "2022-10-15", "testdata/manifests/kakao-2022-10-15.yaml")
	if code != ExitFailed {
		t.Errorf("exit code = %d, want %d", code, ExitFailed)
	}
	m := s.Manifests[0]
	pangyo := failureNamed(t, m, "datacenter", "skcc-pangyo")
	// Every service is broken in place: the standbys' failover tooling is lost with the site.
	if pangyo.Surviving != 0 || pangyo.Lost != 12 || len(pangyo.Broken) != 12 {
		t.Errorf("losing skcc-pangyo: %d lost (%d broken in place), %d surviving; want all 12 down", pangyo.Lost, len(pangyo.Broken), pangyo.Surviving)
	}
	want := map[string]struct {
		reason string
		chain  []string
	}{
		"ops-tooling":         {"no-surviving-deployment", []string{"ops-tooling", "only active in skcc-pangyo"}},
		"daum-mail":           {"no-surviving-deployment", nil},
		"kakao-webtoon":       {"no-surviving-deployment", nil},
		"kakaotalk":           {"standby-unreachable", []string{"kakaotalk", "ops-tooling", "only active in skcc-pangyo"}},
		"kakao-account-login": {"standby-unreachable", []string{"kakao-account-login", "ops-tooling", "only active in skcc-pangyo"}},
		"talk-drawer-plus":    {"standby-unreachable", nil},
		"daum-portal":         {"standby-unreachable", nil},
		"kakao-map":           {"standby-unreachable", nil},
		"kakao-t":             {"standby-unreachable", nil},
		"kakaopay":            {"standby-unreachable", nil},
		"kakaotalk-gift":      {"standby-unreachable", nil},
		"melon":               {"standby-unreachable", nil},
	}
	seen := 0
	for _, u := range m.SiteLoss.Index().Explain(pangyo, 0) {
		w, ok := want[u.Service]
		if !ok {
			t.Errorf("unexpected lost service %s", u.Service)
			continue
		}
		seen++
		if u.Reason != w.reason {
			t.Errorf("%s: reason %s, want %s", u.Service, u.Reason, w.reason)
		}
		if w.chain != nil && !slices.Equal(u.Chain, w.chain) {
			t.Errorf("%s: chain %q, want %q", u.Service, u.Chain, w.chain)
		}
	}
	if seen != len(want) {
		t.Errorf("%d of the %d services lost with skcc-pangyo explained", seen, len(want))
	}
	for _, f := range m.SiteLoss.Failures {
		if f.Domain.ID != "skcc-pangyo" && f.Lost > 0 {
			t.Errorf("losing %s %s takes down %d services, want none", f.Domain.Kind, f.Domain.ID, f.Lost)
		}
	}
	if s.Summary.FailuresWithLoss != 1 {
		t.Errorf("failures with loss = %d, want 1", s.Summary.FailuresWithLoss)
	}
}

func TestSimulateScenariosThatSurvive(t *testing.T) {
	cases := []struct {
		name, asOf, file string
	}{
		{"naver on the day of the fire", "2022-10-15", "testdata/manifests/naver-2022-10-15.yaml"},
		{"kakao after remediation", "2026-10-01", "testdata/manifests/kakao-remediated.yaml"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, code := simulateJSON(t, "", "--as-of", tc.asOf, tc.file)
			if code != ExitOK {
				t.Errorf("exit code = %d, want 0", code)
			}
			m := s.Manifests[0]
			if m.SiteLoss == nil || len(m.SiteLoss.Failures) < 3 {
				t.Fatalf("expected every datacenter, feed and building analysed, got %+v", m.SiteLoss)
			}
			for _, f := range m.SiteLoss.Failures {
				if f.Lost > 0 || len(f.Broken) > 0 {
					t.Errorf("losing %s %s takes down %d services (%+v)", f.Domain.Kind, f.Domain.ID, f.Lost, f.Broken)
				}
			}
		})
	}
}

// TestCheckRedundancyControls checks the controls built on the analysis, through `check`.
func TestCheckRedundancyControls(t *testing.T) {
	controls := []string{"KR-BCDA-35-REDUNDANCY", "KR-MSIT-2022-OPS-TOOLING", "KR-MSIT-2022-CORE-FUNCTIONS"}
	cases := []struct {
		name, asOf, file string
		want             audit.Status
	}{
		{"kakao fails once the BCDA scope is in force", "2023-07-04", "testdata/manifests/kakao-2022-10-15.yaml", audit.StatusFail},
		{"naver passes", "2023-07-04", "testdata/manifests/naver-2022-10-15.yaml", audit.StatusPass},
		{"kakao remediated passes", "2026-10-01", "testdata/manifests/kakao-remediated.yaml", audit.StatusPass},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out, errOut, _ := runCLI(t, "", "check", "-f", "json", "--as-of", tc.asOf, tc.file)
			var r audit.Report
			if err := json.Unmarshal([]byte(out), &r); err != nil {
				t.Fatalf("check output is not JSON: %v\nstderr:\n%s", err, errOut)
			}
			got := map[string]audit.Result{}
			for _, res := range r.Results {
				got[res.Control] = res
			}
			for _, id := range controls {
				res, ok := got[id]
				if !ok {
					t.Errorf("%s: no result", id)
					continue
				}
				if res.Status != tc.want {
					t.Errorf("%s: status %s, want %s (%+v)", id, res.Status, tc.want, res.Violations)
				}
				if tc.want != audit.StatusFail {
					continue
				}
				named := false
				for _, v := range res.Violations {
					named = named || strings.Contains(v.Message, "skcc-pangyo")
				}
				if !named {
					t.Errorf("%s: no violation names skcc-pangyo: %+v", id, res.Violations)
				}
			}
		})
	}
}

func TestSimulateFail(t *testing.T) {
	kakao := "testdata/manifests/kakao-2022-10-15.yaml"
	cases := []struct {
		name     string
		args     []string
		wantCode int
		wantID   string
		wantDCs  []string
		wantLost int
	}{
		{"one datacenter", []string{"--fail", "skcc-pangyo", kakao}, ExitFailed, "skcc-pangyo", []string{"skcc-pangyo"}, 12},
		{"one of two feeds loses nothing", []string{"--fail", "substation-pangyo-a", kakao}, ExitOK, "substation-pangyo-a", []string{}, 0},
		{"both feeds take the site", []string{"--fail", "substation-pangyo-b", "--fail", "substation-pangyo-a", kakao}, ExitFailed, "substation-pangyo-a+substation-pangyo-b", []string{"skcc-pangyo"}, 12},
		{"a standby site alone", []string{"--fail", "anyang", kakao}, ExitOK, "anyang", []string{"anyang"}, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, code := simulateJSON(t, "", append([]string{"--as-of", "2022-10-15"}, tc.args...)...)
			if code != tc.wantCode {
				t.Errorf("exit code = %d, want %d", code, tc.wantCode)
			}
			fs := s.Manifests[0].SiteLoss.Failures
			if len(fs) != 1 {
				t.Fatalf("got %d failures, want the one combination", len(fs))
			}
			f := fs[0]
			if f.Domain.Kind != "combination" || f.Domain.ID != tc.wantID || !slices.Equal(f.Domain.Datacenters, tc.wantDCs) {
				t.Errorf("domain = %+v, want combination %s losing %v", f.Domain, tc.wantID, tc.wantDCs)
			}
			if f.Lost != tc.wantLost || f.Lost+f.Surviving != 12 {
				t.Errorf("%d services lost, %d surviving; want %d lost of 12", f.Lost, f.Surviving, tc.wantLost)
			}
		})
	}
}

// TestSimulateFailAcrossManifests loses a site only one of two providers uses: the other
// provider loses nothing, and the id is not an error because one input declares it.
func TestSimulateFailAcrossManifests(t *testing.T) {
	out, errOut, code := runCLI(t, "", "simulate", "--as-of", "2026-01-01", "--fail", "tower",
		"testdata/siteloss/campus.yaml", "testdata/manifests/naver-2022-10-15.yaml")
	if code != ExitFailed {
		t.Errorf("exit code = %d, want %d\nstderr:\n%s", code, ExitFailed, errOut)
	}
	for _, want := range []string{
		"DOWN  combination tower (takes down tower): 2 of 8 services unavailable",
		"OK    combination tower: none of this manifest's datacenters is lost",
		"simulate: 1 of 2 failures takes services down",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestSimulateFailFromStdin(t *testing.T) {
	doc := readRepoFile(t, "testdata/siteloss/campus.yaml")
	s, code := simulateJSON(t, doc, "--as-of", "2026-01-01", "--fail", "campus-1", "-")
	if code != ExitFailed {
		t.Errorf("exit code = %d, want %d", code, ExitFailed)
	}
	f := s.Manifests[0].SiteLoss.Failures[0]
	if !slices.Equal(f.Domain.Datacenters, []string{"hall-a", "hall-b"}) {
		t.Errorf("campus-1 takes down %v, want hall-a and hall-b", f.Domain.Datacenters)
	}
}

func TestSimulateUsageErrors(t *testing.T) {
	cases := []struct {
		name       string
		stdin      string
		args       []string
		wantStderr []string
	}{
		{"unknown id lists the known ones", "", []string{"simulate", "--fail", "pangyo", "testdata/manifests/kakao-2022-10-15.yaml"},
			[]string{`unknown failure domain "pangyo"`, "datacenters: anyang, metro-3, metro-4, skcc-pangyo", "power feeds: substation-anyang", "buildings:   anyang-dc"}},
		{"no input", "", []string{"simulate"}, []string{"no input"}},
		{"bad format", "", []string{"simulate", "-f", "sarif", "testdata/siteloss/campus.yaml"}, []string{"want text, json, dot, mermaid or svg"}},
		{"bad date", "", []string{"simulate", "--as-of", "15/10/2022", "testdata/siteloss/campus.yaml"}, []string{"YYYY-MM-DD"}},
		{"flag after path", "", []string{"simulate", "testdata/siteloss/campus.yaml", "--fail", "x"}, []string{"must come before the arguments"}},
		{"file over --max-file-size", "", []string{"simulate", "--max-file-size", "100", "testdata/siteloss/campus.yaml"}, []string{"over the 100-byte limit"}},
		{"unknown evaluator", "", []string{"simulate", "--evaluator", "fast", "testdata/siteloss/campus.yaml"}, []string{`--evaluator "fast"`}},
		{"invalid manifest", "apiVersion: resilcheck/v1\nkind: ProviderManifest\n", []string{"simulate", "-"}, []string{"<stdin>"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, errOut, code := runCLI(t, tc.stdin, tc.args...)
			if code != ExitInputError {
				t.Errorf("exit code = %d, want %d\nstderr:\n%s", code, ExitInputError, errOut)
			}
			for _, w := range tc.wantStderr {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errOut)
				}
			}
		})
	}
}

// TestSimulateText pins the human-readable table on the synthetic campus, which has one
// service lost for every reason, a cycle, a shared building, a shared substation and a
// failover that works.
func TestSimulateText(t *testing.T) {
	out, errOut, code := runCLI(t, "", "simulate", "--as-of", "2026-01-01", "testdata/siteloss/campus.yaml")
	if code != ExitFailed {
		t.Errorf("exit code = %d, want %d\nstderr:\n%s", code, ExitFailed, errOut)
	}
	compareGolden(t, filepath.Join(repoRoot, "testdata/siteloss/campus.golden.txt"), out)
}

func readRepoFile(t *testing.T, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot, rel))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestRedundancyFollowsTheBCDAScope: on the day of the fire Kakao was bound by the TBA
// stability duty but not yet by BCDA Art. 35 (in force 2023-07-04), so the BCDA control is
// not applicable then, while the site-loss analysis itself still shows what the fire took.
func TestRedundancyFollowsTheBCDAScope(t *testing.T) {
	out, errOut, _ := runCLI(t, "", "check", "-f", "json", "--as-of", "2022-10-15", "testdata/manifests/kakao-2022-10-15.yaml")
	var r audit.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("check output is not JSON: %v\nstderr:\n%s", err, errOut)
	}
	found := false
	for _, res := range r.Results {
		if res.Control == "KR-BCDA-35-REDUNDANCY" {
			found = true
			if res.Status != audit.StatusNotApplicable {
				t.Errorf("KR-BCDA-35-REDUNDANCY as of 2022-10-15: %s, want not_applicable", res.Status)
			}
		}
	}
	if !found {
		t.Fatal("no KR-BCDA-35-REDUNDANCY result")
	}
	if len(r.Manifests) != 1 || r.Manifests[0].SiteLoss == nil || len(r.Manifests[0].SiteLoss.Failures) == 0 {
		t.Fatalf("site-loss analysis missing from the report: %+v", r.Manifests)
	}
}

// TestSimulateTextOfALargeLoss: past reports.SimulateListed lost services, a failure lists only the
// services broken in place, with their chains, and counts the others, instead of a line for
// every service it takes down.
func TestSimulateTextOfALargeLoss(t *testing.T) {
	var b strings.Builder
	b.WriteString(readRepoFile(t, "testdata/siteloss/campus.yaml"))
	for i := range reports.SimulateListed + 10 {
		fmt.Fprintf(&b, "  - id: dep-%02d\n    name: Dep %d\n    dependsOn: [login]\n    deployments:\n      - {datacenter: tower, mode: active}\n      - {datacenter: vault, mode: active}\n", i, i)
	}
	path := filepath.Join(t.TempDir(), "large.yaml")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"simulate", "--as-of", "2026-01-01", "--fail", "campus-1", path}
	s, code := simulateJSON(t, "", args[1:]...)
	if code != ExitFailed {
		t.Fatalf("exit code = %d, want %d", code, ExitFailed)
	}
	f := s.Manifests[0].SiteLoss.Failures[0]
	if f.Lost <= reports.SimulateListed {
		t.Fatalf("losing campus-1 takes %d services down, want more than %d", f.Lost, reports.SimulateListed)
	}
	out, errOut, _ := runCLI(t, "", args...)
	if !strings.Contains(out, "login    no-surviving-deployment  login → only active in hall-a, hall-b") {
		t.Errorf("the root login is not listed with its cause:\n%s%s", out, errOut)
	}
	more := fmt.Sprintf("and %d more services lost through dependencies on these", f.Lost-len(f.Broken))
	if !strings.Contains(out, more) {
		t.Errorf("no %q in:\n%s", more, out)
	}
	if strings.Contains(out, "dep-07") {
		t.Errorf("a service lost through a dependency is listed:\n%s", out)
	}
	if want := fmt.Sprintf("%d of %d services unavailable", f.Lost, f.Lost+f.Surviving); !strings.Contains(out, want) {
		t.Errorf("no %q in:\n%s", want, out)
	}
}

// TestSimulateUnfinishedIsNotAPass: an evaluation cut off by --timeout leaves no analysis;
// simulate must say so and exit 1, not report that the bundle has no analysis and exit 0.
func TestSimulateUnfinishedIsNotAPass(t *testing.T) {
	// 1ns: the site-loss analysis of this small manifest alone can finish within a millisecond.
	args := []string{"--timeout", "1ns", "--as-of", "2026-01-01", "testdata/siteloss/campus.yaml"}
	s, code := simulateJSON(t, "", args...)
	if code != ExitFailed {
		t.Errorf("exit code = %d, want %d", code, ExitFailed)
	}
	if s.Summary.Unfinished != 1 || !strings.Contains(s.Manifests[0].Error, "timed out") {
		t.Errorf("summary %+v, error %q: want the manifest unfinished, timed out", s.Summary, s.Manifests[0].Error)
	}
	out, _, code := runCLI(t, "", append([]string{"simulate"}, args...)...)
	if code != ExitFailed || !strings.Contains(out, "not analysed: the evaluation did not finish: evaluation timed out") || strings.Contains(out, "the policy bundle has none") {
		t.Errorf("exit %d, output:\n%s", code, out)
	}
}

// TestSimulatePictures: -f dot, mermaid and svg draw each failure that takes services down,
// with the exit code of the text output; a run where everything survives draws one node
// saying so.
func TestSimulatePictures(t *testing.T) {
	cases := []struct {
		name   string
		args   []string
		code   int
		want   []string // in every format
		absent []string
	}{
		{"kakao loses pangyo", []string{"--as-of", "2022-10-15", "testdata/manifests/kakao-2022-10-15.yaml"}, ExitFailed,
			[]string{"kakao-2022-10-15: datacenter skcc-pangyo", "12 of 12 services down, 0 survive", "ops-tooling", "talk-drawer-plus"},
			[]string{"datacenter anyang"}},
		{"campus: every failure with a loss, once per outcome", []string{"--as-of", "2026-01-01", "testdata/siteloss/campus.yaml"}, ExitFailed,
			[]string{"building campus-1", "datacenter hall-a", "same outcome: power feed sub-1 (hall-a)", "datacenter tower", "power feed sub-2", "survives"},
			[]string{"synthetic-campus: power feed sub-1"}},
		{"--fail that loses nothing", []string{"--as-of", "2022-10-15", "--fail", "anyang", "testdata/manifests/kakao-2022-10-15.yaml"}, 0,
			[]string{"no failure takes a service down"}, []string{"ops-tooling"}},
	}
	prefixes := map[string]string{"dot": "digraph ", "mermaid": "flowchart LR\n", "svg": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "}
	for _, tc := range cases {
		for _, format := range []string{"dot", "mermaid", "svg"} {
			t.Run(tc.name+"/"+format, func(t *testing.T) {
				out, errOut, code := runCLI(t, "", append([]string{"simulate", "-f", format}, tc.args...)...)
				if code != tc.code || errOut != "" {
					t.Fatalf("exit code = %d, want %d\nstderr:\n%s", code, tc.code, errOut)
				}
				if !strings.HasPrefix(out, prefixes[format]) {
					t.Errorf("output starts %.60q, want %q", out, prefixes[format])
				}
				for _, w := range tc.want {
					if !strings.Contains(out, w) {
						t.Errorf("output lacks %q", w)
					}
				}
				for _, w := range tc.absent {
					if strings.Contains(out, w) {
						t.Errorf("output has %q", w)
					}
				}
			})
		}
	}
}

// TestFailIDsComeFromTheSiteLossLibrary: --fail accepts exactly the datacenters, power feeds
// and buildings the site-loss library takes down, whichever manifest declares them, and names
// them all when an id is unknown.
func TestFailIDsComeFromTheSiteLossLibrary(t *testing.T) {
	sources := manifest.Load([]string{
		filepath.Join(repoRoot, "testdata/manifests/kakao-2022-10-15.yaml"),
		filepath.Join(repoRoot, "testdata/siteloss/campus.yaml"),
	}, manifest.Options{})
	ids := newDeclaredIDs(true)
	for _, src := range sources {
		for _, d := range src.Documents {
			ids.inspect(context.Background(), d)
		}
	}
	for _, id := range []string{"skcc-pangyo", "substation-pangyo-a", "sk-pangyo-campus-a", "anyang-dc"} {
		if err := ids.check([]string{id}); err != nil {
			t.Errorf("--fail %s: %v", id, err)
		}
	}
	err := ids.check([]string{"skcc-pangyo", "pangyo", "services"})
	if err == nil {
		t.Fatal("--fail pangyo: no error")
	}
	if exitCode(err) != ExitInputError {
		t.Errorf("--fail pangyo: %v is not an input error", err)
	}
	for _, want := range []string{
		`unknown failure domain "pangyo", "services"; known ids:`,
		"\n  datacenters: anyang, ",
		"\n  power feeds: ", "substation-pangyo-a, substation-pangyo-b",
		"\n  buildings:   anyang-dc, ",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	if strings.Contains(err.Error(), "skcc-pangyo\"") {
		t.Errorf("a known id is reported unknown:\n%v", err)
	}
}

// TestSimulateKorean: --lang ko reaches the text and the pictures; a bad language is an
// input error.
func TestSimulateKorean(t *testing.T) {
	out, errOut, code := runCLI(t, "", "simulate", "--lang", "ko", "--as-of", "2026-01-01", "testdata/siteloss/campus.yaml")
	if code != ExitFailed || !strings.Contains(out, "중단  건물 campus-1 (hall-a, hall-b 손실)") {
		t.Errorf("exit %d, text:\n%s\nstderr:\n%s", code, out, errOut)
	}
	out, _, _ = runCLI(t, "", "simulate", "--lang", "ko", "-f", "dot", "--as-of", "2026-01-01", "testdata/siteloss/campus.yaml")
	if !strings.Contains(out, "건물 campus-1") {
		t.Errorf("the Korean picture does not name the building in Korean:\n%s", out)
	}
	if _, errOut, code := runCLI(t, "", "simulate", "--lang", "jp", "testdata/siteloss/campus.yaml"); code != ExitInputError {
		t.Errorf("--lang jp: exit %d, stderr:\n%s", code, errOut)
	}
}

// simulateBefore is what simulate printed when it loaded every input, judged every control
// over them in memory (check.Run) and encoded the whole simulation at the end: the
// reference the streaming, site-loss-only simulate must match byte for byte. Paths are
// relative to the repository root.
func simulateBefore(t *testing.T, stdin, format, asOf string, fail []string, paths ...string) (string, int) {
	t.Helper()
	// The output names inputs as given: load them as the CLI does, from the root.
	inProcess.Lock()
	wd, err := os.Getwd()
	if err == nil {
		err = os.Chdir(repoRoot)
	}
	if err != nil {
		inProcess.Unlock()
		t.Fatal(err)
	}
	sources := manifest.Load(paths, manifest.Options{Stdin: strings.NewReader(stdin)})
	if err := os.Chdir(wd); err != nil {
		panic(err) // every later test would run in the wrong directory
	}
	inProcess.Unlock()
	r, err := check.Run(context.Background(), check.Options{AsOf: asOf, Fail: fail, Sources: sources, Timeout: engine.DefaultTimeout})
	if err != nil {
		t.Fatal(err)
	}
	services := map[reports.DocKey][]string{}
	for _, src := range sources {
		for _, d := range src.Documents {
			services[reports.DocKey{File: d.File, Index: d.Index}] = declaredServices(d)
		}
	}
	sim := reports.NewSimulation(r, fail, services)
	var b bytes.Buffer
	if format == "json" {
		enc := json.NewEncoder(&b)
		enc.SetIndent("", "  ")
		if err := enc.Encode(sim); err != nil {
			t.Fatal(err)
		}
	} else if err := reports.WriteSimulation(&b, sim, format, "en", false); err != nil {
		t.Fatal(err)
	}
	code := ExitOK
	switch {
	case check.HasProblems(r):
		code = ExitInputError
	case sim.Summary.FailuresWithLoss > 0, sim.Summary.Unfinished > 0:
		code = ExitFailed
	}
	return b.String(), code
}

// manyFiles writes a population of n generated manifests, and a copy of the Kakao
// reconstruction named to come last, into a new directory.
func manyFiles(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	if _, err := corpus.WritePopulation(dir, n, 7, corpus.YAMLFormat); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(repoRoot, "testdata/manifests/kakao-2022-10-15.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "zz-kakao.yaml"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestSimulateStreamsAsBefore: simulate, streaming its inputs a window at a time and
// judging only the site-loss analysis, prints byte for byte what it printed when it held
// everything and judged every control, with the same exit code: on each bundled scenario,
// on all of them at once (invalid inputs too), and on a directory of more files than a
// window, in the text, JSON and a picture format, with and without --fail.
func TestSimulateStreamsAsBefore(t *testing.T) {
	many := manyFiles(t, 150)
	cases := []struct {
		name, asOf string
		fail       []string
		paths      []string
	}{
		{"kakao", "2022-10-15", nil, []string{"testdata/manifests/kakao-2022-10-15.yaml"}},
		{"kakao loses pangyo", "2022-10-15", []string{"skcc-pangyo"}, []string{"testdata/manifests/kakao-2022-10-15.yaml"}},
		{"campus", "2026-01-01", nil, []string{"testdata/siteloss/campus.yaml"}},
		{"every bundled input", "2026-01-01", nil, []string{"testdata/manifests", "testdata/siteloss", "testdata/valid", "testdata/invalid"}},
		{"many files", "2026-11-22", nil, []string{many}},
		{"many files, pangyo lost", "2026-11-22", []string{"skcc-pangyo"}, []string{many}},
	}
	for _, tc := range cases {
		for _, format := range []string{"text", "json", "dot"} {
			t.Run(tc.name+"/"+format, func(t *testing.T) {
				want, wantCode := simulateBefore(t, "", format, tc.asOf, tc.fail, tc.paths...)
				args := []string{"simulate", "-f", format, "--as-of", tc.asOf}
				for _, f := range tc.fail {
					args = append(args, "--fail", f)
				}
				got, errOut, code := runCLI(t, "", append(args, tc.paths...)...)
				if code != wantCode {
					t.Errorf("exit code = %d, want %d\nstderr:\n%s", code, wantCode, errOut)
				}
				if got != want {
					t.Errorf("output differs from the in-memory full evaluation's at byte %d of %d:\ngot:  %.300q\nwant: %.300q",
						firstDifference(got, want), len(want), got[min(firstDifference(got, want), len(got)):], want[min(firstDifference(got, want), len(want)):])
				}
				if len(want) < 100 {
					t.Errorf("the reference output is only %q", want)
				}
			})
		}
	}
}

func firstDifference(a, b string) int {
	for i := 0; i < min(len(a), len(b)); i++ {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// TestSimulateStdin: standard input, which can be read only once, is simulated as a file is.
func TestSimulateStdin(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(repoRoot, "testdata/manifests/kakao-2022-10-15.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"text", "json"} {
		want, wantCode := simulateBefore(t, string(b), format, "2022-10-15", []string{"skcc-pangyo"}, "-")
		got, errOut, code := runCLI(t, string(b), "simulate", "-f", format, "--as-of", "2022-10-15", "--fail", "skcc-pangyo", "-")
		if got != want || code != wantCode || code != ExitFailed {
			t.Errorf("%s: exit %d (want %d), stderr %q; output:\n%.600s\nwant:\n%.600s", format, code, wantCode, errOut, got, want)
		}
		if !strings.Contains(got, "skcc-pangyo") {
			t.Errorf("%s: the analysis of standard input does not name the lost site:\n%.600s", format, got)
		}
	}
	// An id standard input does not declare is refused as for a file.
	out, errOut, code := runCLI(t, string(b), "simulate", "--as-of", "2022-10-15", "--fail", "pangyo", "-")
	if code != ExitInputError || out != "" || !strings.Contains(errOut, `unknown failure domain "pangyo"`) || !strings.Contains(errOut, "skcc-pangyo") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

// TestSimulateUnknownFailAcrossManyFiles: over more files than one window, an id no file
// declares is an input error that writes nothing and lists the ids of the first file and
// of the last; an id only the last file declares is accepted.
func TestSimulateUnknownFailAcrossManyFiles(t *testing.T) {
	many := manyFiles(t, 150)
	for _, format := range []string{"text", "json", "svg"} {
		out, errOut, code := runCLI(t, "", "simulate", "-f", format, "--as-of", "2026-11-22", "--fail", "skcc-pangyo", "--fail", "no-such-site", many)
		if code != ExitInputError || out != "" {
			t.Errorf("%s: exit %d, stdout %.200q: want 2 and nothing written", format, code, out)
		}
		first := firstDatacenter(t, filepath.Join(many, corpus.FileName(0, corpus.YAMLFormat)))
		for _, want := range []string{`unknown failure domain "no-such-site"; known ids:`, "skcc-pangyo", first} {
			if !strings.Contains(errOut, want) {
				t.Errorf("%s: stderr lacks %q:\n%.1000s", format, want, errOut)
			}
		}
	}
	s, code := simulateJSON(t, "", "--as-of", "2026-11-22", "--fail", "skcc-pangyo", many)
	if code != ExitFailed || s.Summary.Manifests != 151 || s.Summary.FailuresWithLoss == 0 {
		t.Errorf("--fail skcc-pangyo: exit %d, summary %+v: want every manifest analysed and Kakao's loss", code, s.Summary)
	}
}

// firstDatacenter is the first datacenter id a generated manifest declares.
func firstDatacenter(t *testing.T, path string) string {
	t.Helper()
	src := manifest.Load([]string{path}, manifest.Options{})
	if len(src) != 1 || len(src[0].Documents) == 0 {
		t.Fatalf("%s: not loaded", path)
	}
	root, _ := src[0].Documents[0].Value.(map[string]any)
	dcs, _ := root["datacenters"].([]any)
	if len(dcs) == 0 {
		t.Fatalf("%s declares no datacenter", path)
	}
	id, _ := dcs[0].(map[string]any)["id"].(string)
	if id == "" {
		t.Fatalf("%s: the first datacenter has no id", path)
	}
	return id
}

// TestSimulateUnfinishedAcrossManyFiles: when no evaluation of a many-file run finishes,
// every manifest says so, and the run exits 1.
func TestSimulateUnfinishedAcrossManyFiles(t *testing.T) {
	many := manyFiles(t, 100)
	s, code := simulateJSON(t, "", "--timeout", "1ns", "--as-of", "2026-11-22", many)
	if code != ExitFailed || s.Summary.Manifests != 101 || s.Summary.Unfinished != 101 || s.Summary.Failures != 0 {
		t.Fatalf("exit %d, summary %+v: want all 101 manifests unfinished", code, s.Summary)
	}
	for _, m := range s.Manifests {
		if m.SiteLoss != nil || !strings.Contains(m.Error, "timed out after 1ns") {
			t.Errorf("%s: analysis %v, error %q", m.Name, m.SiteLoss != nil, m.Error)
		}
	}
}
