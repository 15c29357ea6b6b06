package reports

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/resilcheck/resilcheck/internal/audit"
)

// sweepProviders are the providers of the synthetic sweep: several manifests each, some
// with Korean names, one whose name needs escaping.
var sweepProviders = []string{
	"Kakao Corp.", "NAVER Corp.", "SK C&C", "주식회사 예시클라우드", "Toss <Viva Republica>",
	"Coupang Corp.", "LG Uplus", "KT Cloud", "Small Host | Seoul", "NHN Cloud", "Daum Hosting",
}

// sweepSource builds a sweep of manifests one at a time, deterministically, without ever
// holding the whole report: the head (controls, tool, bundle) and a function for the
// i-th manifest with its results. Verdicts vary with i so providers and controls rank
// differently: failures, errors, waivers, notes, input problems and site losses all occur.
func sweepSource() (*audit.Report, func(i int) (audit.Manifest, []audit.Result)) {
	head := fixtureReport()
	head.Manifests, head.Results, head.Inputs, head.Summary = nil, nil, nil, audit.Summary{}
	head.Command = []string{"resilcheck", "check", "--as-of", head.AsOf, "-f", "markdown", "sweep/"}
	controls := head.Controls
	gen := func(i int) (audit.Manifest, []audit.Result) {
		file := fmt.Sprintf("sweep/%03d.yaml", i)
		m := audit.Manifest{Name: fmt.Sprintf("site-%03d", i), File: file,
			Provider: sweepProviders[(i*7)%len(sweepProviders)], Source: "synthetic"}
		var results []audit.Result
		if i%29 == 11 {
			// A file that does not validate: every control unjudged.
			m.Provider = ""
			m.Problems = []audit.Problem{{Position: audit.Position{File: file, Line: 4, Column: 3}, Pointer: "/provider", Message: "missing property \"name\""}}
			for _, c := range controls {
				results = append(results, audit.Result{Manifest: m.Name, Control: c.ID, Status: audit.StatusError, Reason: "invalid manifest: 1 problem", ReasonKo: "유효하지 않은 매니페스트: 문제 1건"})
			}
			return m, results
		}
		if i%10 == 3 {
			m.SiteLoss = &audit.SiteLoss{Failures: []audit.FailureOutcome{
				{Domain: audit.FailureDomain{ID: "dc-a", Kind: "datacenter", Datacenters: []string{"dc-a"}},
					Broken: []audit.ServiceImpact{{Service: "login", Reason: "no-surviving-deployment", Cause: "only active in dc-a"}},
					Lost:   1, Surviving: 1},
				{Domain: audit.FailureDomain{ID: "dc-b", Kind: "datacenter", Datacenters: []string{"dc-b"}}, Surviving: 2},
			}}
		}
		for j, c := range controls {
			if (i+j)%3 != 0 {
				continue // a few controls each keeps the goldens small
			}
			res := audit.Result{Manifest: m.Name, Control: c.ID}
			switch (i*3 + j*5 + i/7) % 9 {
			case 0, 1, 2:
				res.Status = audit.StatusFail
				res.Violations = []audit.Violation{{
					Message: fmt.Sprintf("%s: %d of %d services lack a second site", c.ID, j+1, i%5+2), MessageKo: fmt.Sprintf("%s: 서비스 %d개 중 %d개에 두 번째 사이트가 없음", c.ID, i%5+2, j+1),
					Pointer: fmt.Sprintf("/services/%d", j), Position: audit.Position{File: file, Line: 10 + j, Column: 5},
					Evidence: map[string]any{"service": fmt.Sprintf("svc-%d", j), "sites": []any{"dc-a"}},
				}}
			case 3:
				if i%4 == 0 {
					res.Status, res.Reason = audit.StatusError, "evaluation timed out"
				} else {
					res.Status = audit.StatusPass
				}
			case 4:
				res.Status = audit.StatusWaived
				res.Violations = []audit.Violation{{Message: "accepted risk", Pointer: "/datacenters/0", Position: audit.Position{File: file, Line: 6, Column: 3}}}
				res.Waiver = &audit.Waiver{Control: c.ID, Manifest: m.Name, Reason: "migration under way", ApprovedBy: "CISO", Expires: "2027-06-30"}
			case 5, 6:
				res.Status = audit.StatusPass
				if j%3 == 0 {
					res.Notes = []audit.Violation{{Message: "records not judged", MessageKo: "기록은 판단하지 않음"}}
				}
			default:
				res.Status, res.Reason, res.ReasonKo = audit.StatusNotApplicable, "not a major provider", "주요 사업자 아님"
			}
			results = append(results, res)
		}
		return m, results
	}
	return head, gen
}

// sweepReport is the synthetic sweep of n manifests as one report.
func sweepReport(n int) *audit.Report {
	r, gen := sweepSource()
	for i := range n {
		m, results := gen(i)
		r.Manifests = append(r.Manifests, m)
		r.Results = append(r.Results, results...)
		r.Inputs = append(r.Inputs, audit.Input{Path: m.File, SHA256: fmt.Sprintf("%064x", i*7919)})
		for _, res := range results {
			r.Summary.Add(res.Status)
		}
	}
	if r.Summary.Fail > 0 {
		r.ExitCode = 1
	}
	return r
}

// sweepGoldenSize is the sweep the goldens pin: past the threshold, so it has a portfolio.
const sweepGoldenSize = sweepThreshold + 21

// sweepGoldens are the golden files of the sweep, for TestNoOrphanGoldens.
func sweepGoldens() []string {
	var out []string
	for _, format := range []string{"html", "markdown"} {
		for _, v := range variants(format) {
			out = append(out, filepath.Join("sweep", "report."+v.name+"."+extensions[format]))
		}
	}
	return out
}

// TestGoldenSweep pins the portfolio layout of both formats that aggregate, in both
// languages, and checks the pages are what their readers can take: valid HTML with only
// the renderer's own markup, markdown without control characters.
func TestGoldenSweep(t *testing.T) {
	allowed := htmlTags(t, render(t, "html", Options{Lang: "en"}, fixtureReport()))
	allowed["body class"] = true // the sweep's own layout
	for _, format := range []string{"html", "markdown"} {
		for _, v := range variants(format) {
			t.Run(format+"/"+v.name, func(t *testing.T) {
				got := render(t, format, v.opts, sweepReport(sweepGoldenSize))
				if again := render(t, format, v.opts, sweepReport(sweepGoldenSize)); !bytes.Equal(got, again) {
					t.Fatalf("two renders differ:\n%s", firstDiff(got, again))
				}
				if err := checkOutput(format, v.opts, got, "", allowed); err != nil {
					t.Fatal(err)
				}
				checkGolden(t, filepath.Join("sweep", "report."+v.name+"."+extensions[format]), got)
			})
		}
	}
}

// The portfolio starts at sweepThreshold manifests, not one before.
func TestSweepThreshold(t *testing.T) {
	for _, n := range []int{sweepThreshold - 1, sweepThreshold, sweepThreshold + 1} {
		for _, format := range []string{"html", "markdown"} {
			for _, lang := range []string{"en", "ko"} {
				out := string(render(t, format, Options{Lang: lang}, sweepReport(n)))
				sweep := n >= sweepThreshold
				portfolio := tr(lang, "heading.portfolio")
				if got := strings.Contains(out, portfolio); got != sweep {
					t.Errorf("%d manifests, %s/%s: portfolio = %v, want %v", n, format, lang, got, sweep)
				}
				switch format {
				case "markdown":
					// What only a small run lists: every manifest's row, why each control does
					// not apply, every input's digest.
					for _, small := range []string{"## " + tr(lang, "heading.summary"), "## " + tr(lang, "heading.notapplicable"), "| `sweep/000.yaml` |"} {
						if got := strings.Contains(out, small); got == sweep {
							t.Errorf("%d manifests, markdown/%s: has %q = %v, want %v", n, lang, small, got, !sweep)
						}
					}
				case "html":
					if got := strings.Contains(out, `<body class="sweep">`); got != sweep {
						t.Errorf("%d manifests, html/%s: sweep layout = %v, want %v", n, lang, got, sweep)
					}
					// The html report keeps every manifest's section either way.
					if got := strings.Count(out, `<section class="manifest">`); got != n+1 {
						t.Errorf("%d manifests, html/%s: %d sections, want %d", n, lang, got, n+1)
					}
				}
			}
		}
	}
}

// sweepOf is a sweep whose manifests have exactly the given failures and errors, one
// manifest per entry, named and provided as given.
type sweepEntry struct {
	name, provider string
	fail, errors   int
}

func sweepOf(entries []sweepEntry) *audit.Report {
	r := fixtureReport()
	r.Manifests, r.Results, r.Inputs, r.Summary = nil, nil, nil, audit.Summary{}
	for _, e := range entries {
		r.Manifests = append(r.Manifests, audit.Manifest{Name: e.name, File: e.name + ".yaml", Provider: e.provider})
		for k, c := range r.Controls {
			st := audit.StatusPass
			switch {
			case k < e.fail:
				st = audit.StatusFail
			case k < e.fail+e.errors:
				st = audit.StatusError
			}
			res := audit.Result{Manifest: e.name, Control: c.ID, Status: st}
			if st == audit.StatusFail {
				res.Violations = []audit.Violation{{Message: "fails in " + e.name, Position: audit.Position{File: e.name + ".yaml", Line: 1, Column: 1}}}
			}
			r.Results = append(r.Results, res)
			r.Summary.Add(st)
		}
	}
	return r
}

// Providers read worst first: by failures, then errors, then name, summed over their
// manifests; the controls failing most come first; the markdown details follow the same
// order as the providers, manifest by manifest.
func TestSweepOrdering(t *testing.T) {
	entries := []sweepEntry{
		{"a-1", "Alpha", 2, 0}, {"a-2", "Alpha", 1, 0}, // Alpha: 3 fail, 0 error
		{"b-1", "Bravo", 3, 2}, // Bravo: 3 fail, 2 errors
		{"c-1", "Charlie", 5, 0},
		{"d-1", "Delta", 0, 4},
		{"e-1", "Echo", 3, 0}, // ties Alpha: by name
	}
	for i := len(entries); i < sweepThreshold; i++ {
		entries = append(entries, sweepEntry{fmt.Sprintf("z-%03d", i), fmt.Sprintf("Zulu %03d", i), 0, 0})
	}
	r := sweepOf(entries)
	md := string(render(t, "markdown", Options{}, r))
	table := md[strings.Index(md, "### "+tr("en", "heading.worstproviders")):]
	var got []string
	for _, line := range strings.Split(table, "\n")[4:9] {
		got = append(got, strings.TrimSpace(strings.Split(line, "|")[1]))
	}
	if want := []string{"Charlie", "Bravo", "Alpha", "Echo", "Delta"}; !slices.Equal(got, want) {
		t.Errorf("providers in the order %q, want %q", got, want)
	}
	// The controls: the k-th control fails in every manifest with more than k failures.
	failing := md[strings.Index(md, "### "+tr("en", "heading.failingmost")):]
	first := strings.Split(failing, "\n")[4]
	if !strings.Contains(first, "`"+r.Controls[0].ID+"`") || !strings.HasSuffix(first, "| 5 |") {
		t.Errorf("the control failing most is not first with 5 manifests: %q", first)
	}
	details := md[strings.Index(md, "## "+tr("en", "heading.failures")):strings.Index(md, "## "+tr("en", "heading.errors"))]
	order := regexp.MustCompile("(?m)^### .* · `([a-z]-[0-9]+)`$").FindAllStringSubmatch(details, -1)
	var manifests []string
	for _, m := range order {
		if len(manifests) == 0 || manifests[len(manifests)-1] != m[1] {
			manifests = append(manifests, m[1])
		}
	}
	if want := []string{"c-1", "b-1", "e-1", "a-1", "a-2"}; !slices.Equal(manifests, want) {
		t.Errorf("markdown details in the order %q, want %q", manifests, want)
	}
	html := string(render(t, "html", Options{}, r))
	var rows []string
	for _, m := range regexp.MustCompile(`<tr><td>([A-Za-z]+)</td><td class="n">`).FindAllStringSubmatch(html, 5) {
		rows = append(rows, m[1])
	}
	if want := []string{"Charlie", "Bravo", "Alpha", "Echo", "Delta"}; !slices.Equal(rows, want) {
		t.Errorf("html providers in the order %q, want %q", rows, want)
	}
}

// A markdown sweep prints the worst providers and the details of the worst manifests
// within its budget, and says what it left out.
func TestSweepMarkdownCaps(t *testing.T) {
	t.Run("providers and manifests", func(t *testing.T) {
		var entries []sweepEntry
		for i := range 3 * mdSweepProviders {
			entries = append(entries, sweepEntry{fmt.Sprintf("m-%03d", i), fmt.Sprintf("P%03d", i), i % 7, i % 3})
		}
		md := string(render(t, "markdown", Options{}, sweepOf(entries)))
		if got := len(regexp.MustCompile(`(?m)^\| P[0-9]{3} \|`).FindAllString(md, -1)); got != mdSweepProviders {
			t.Errorf("%d provider rows, want %d", got, mdSweepProviders)
		}
		if want := fmt.Sprintf(tr("en", "label.moreproviders"), 2*mdSweepProviders, 2*mdSweepProviders); !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q", want)
		}
		shown := map[string]bool{}
		for _, m := range regexp.MustCompile("(?m)^### .* · `(m-[0-9]+)`$").FindAllStringSubmatch(md, -1) {
			shown[m[1]] = true
		}
		if len(shown) != mdSweepManifests {
			t.Errorf("details of %d manifests, want %d", len(shown), mdSweepManifests)
		}
		// The worst have 6 failures (i%7 == 6) and, among those, 2 errors (i%3 == 2).
		for name := range shown {
			var i int
			fmt.Sscanf(name, "m-%d", &i)
			if i%7 != 6 {
				t.Errorf("%s has %d failures; a worse manifest was left out", name, i%7)
			}
		}
		if want := fmt.Sprintf(tr("en", "label.sweepleftout"), mdSweepManifests, len(entries)-mdSweepManifests); !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q", want)
		}
	})
	t.Run("budget", func(t *testing.T) {
		// Each manifest's failure takes a fifth of the budget: four fit, the fifth does not.
		r := sweepOf(slices.Repeat([]sweepEntry{{"", "P", 1, 0}}, sweepThreshold))
		for i := range r.Manifests {
			name := fmt.Sprintf("m-%03d", i)
			r.Manifests[i].Name = name
			for k := range r.Results[i*len(r.Controls) : (i+1)*len(r.Controls)] {
				res := &r.Results[i*len(r.Controls)+k]
				res.Manifest = name
				if res.Status == audit.StatusFail {
					res.Violations[0].Message = strings.Repeat("x", mdSweepBudget/5)
				}
			}
		}
		md := string(render(t, "markdown", Options{}, r))
		if got := strings.Count(md, strings.Repeat("x", mdSweepBudget/5)); got != 4 {
			t.Errorf("details of %d manifests, want 4 within the budget", got)
		}
		if len(md) > mdSweepBudget+64<<10 {
			t.Errorf("the report is %d bytes, over its budget of %d and a head", len(md), mdSweepBudget)
		}
	})
	t.Run("input problems", func(t *testing.T) {
		// Every manifest's problems, worst or not, as far as mdSweepProblems allows.
		const n = 2 * sweepThreshold
		r := sweepOf(slices.Repeat([]sweepEntry{{"m", "P", 0, 0}}, n))
		for i := range r.Manifests {
			r.Manifests[i].Problems = []audit.Problem{{Position: audit.Position{File: fmt.Sprintf("broken-%03d.yaml", i), Line: 1, Column: 1}, Message: strings.Repeat("p", 1000)}}
		}
		md := string(render(t, "markdown", Options{}, r))
		rows := regexp.MustCompile("(?m)^\\| `broken-[0-9]+\\.yaml:1:1` \\|.*$").FindAllString(md, -1)
		row := len(rows[0]) + 1
		if len(rows)*row > mdSweepProblems || (len(rows)+1)*row <= mdSweepProblems {
			t.Errorf("%d problems of %d bytes printed, want as many as fit in %d", len(rows), row, mdSweepProblems)
		}
		if want := fmt.Sprintf(tr("en", "label.moreproblems"), n-len(rows)); !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q", want)
		}
	})
	t.Run("the worst does not fit", func(t *testing.T) {
		// The details stop at the first manifest that does not fit, so they always read
		// worst first: a smaller one further down is not printed in its place.
		entries := []sweepEntry{{"m-0", "P", 2, 0}}
		for i := 1; i < sweepThreshold; i++ {
			entries = append(entries, sweepEntry{fmt.Sprintf("m-%d", i), "P", 1, 0})
		}
		r := sweepOf(entries)
		for i := range r.Results {
			if r.Results[i].Manifest == "m-0" && r.Results[i].Status == audit.StatusFail {
				r.Results[i].Violations[0].Message = strings.Repeat("y", mdSweepBudget)
			}
		}
		md := string(render(t, "markdown", Options{}, r))
		if strings.Contains(md, "yyyy") || strings.Contains(md, "fails in m-1") || !strings.Contains(md, tr("en", "label.sweepnodetail")) {
			t.Error("details printed past a manifest that did not fit, or their absence is not explained")
		}
	})
}

// The formats that aggregate keep compact summaries only: rendering thousands of
// manifests through their streams must not grow the live heap with the manifests. The
// spools go to disk from their first byte, so what the heap holds is what the streams keep.
func TestSweepMemoryIsBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("renders thousands of manifests")
	}
	t.Setenv("TMPDIR", t.TempDir())
	defer func(n int) { spoolInMemory = n }(spoolInMemory)
	spoolInMemory = 0 // every spool on disk from its first byte: the heap holds what the stream keeps
	const early, total = 300, 3000
	head, gen := sweepSource()
	live := func() uint64 {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}
	for _, format := range []string{"html", "markdown"} {
		t.Run(format, func(t *testing.T) {
			s, err := NewStream(format, Options{Lang: "ko"})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			h := *head
			if err := s.Begin(&h); err != nil {
				t.Fatal(err)
			}
			var atEarly uint64
			for i := range total {
				m, results := gen(i)
				if err := s.Add(m, results); err != nil {
					t.Fatal(err)
				}
				if i == early {
					atEarly = live()
				}
			}
			grown := int64(live()) - int64(atEarly)
			t.Logf("live heap grew by %d KiB over %d manifests", grown>>10, total-early)
			// Kept whole, as before the streams, 2,700 more manifests grew it by 16 MiB.
			if grown > 1<<20 {
				t.Errorf("the live heap grew by %d KiB over %d manifests; the stream keeps them", grown>>10, total-early)
			}
			var out bytes.Buffer
			if err := s.Finish(&out); err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(out.Bytes(), []byte(tr("ko", "heading.portfolio"))) {
				t.Error("no portfolio")
			}
		})
	}
}

// The sweep prints on A4 pages in Chromium, Korean included, without a page per manifest.
func TestSweepHTMLInChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a headless browser")
	}
	chromium := findChromium(t)
	for _, lang := range []string{"en", "ko"} {
		t.Run(lang, func(t *testing.T) {
			dir := t.TempDir()
			page := filepath.Join(dir, "sweep."+lang+".html")
			if err := os.WriteFile(page, render(t, "html", Options{Lang: lang}, sweepReport(sweepGoldenSize)), 0o644); err != nil {
				t.Fatal(err)
			}
			url := "file://" + filepath.ToSlash(page)
			base := chromiumFlags
			dom, errOut, err := runTool(t, 2*time.Minute, chromium, append(base, "--user-data-dir="+filepath.Join(dir, "profile-dom"), "--dump-dom", url)...)
			if err != nil {
				t.Fatalf("chromium --dump-dom: %v\n%s", err, errOut)
			}
			if bad := browserProblems(errOut); len(bad) > 0 {
				t.Errorf("chromium logged console output or load errors:\n%s", strings.Join(bad, "\n"))
			}
			if !strings.Contains(dom, "</html>") || !strings.Contains(dom, tr(lang, "heading.failingmost")) {
				t.Errorf("dumped DOM is incomplete (%d bytes)", len(dom))
			}
			// Printed as a sweep and, for comparison, with a page per manifest as a small
			// run prints: the sweep takes fewer pages, every one A4.
			pages := func(name string, doc []byte) int {
				path := filepath.Join(dir, name+".html")
				if err := os.WriteFile(path, doc, 0o644); err != nil {
					t.Fatal(err)
				}
				pdf := filepath.Join(dir, name+".pdf")
				_, errOut, err := runTool(t, 3*time.Minute, chromium, append(base, "--user-data-dir="+filepath.Join(dir, "profile-"+name), "--no-pdf-header-footer", "--print-to-pdf="+pdf, "file://"+filepath.ToSlash(path))...)
				if err != nil {
					t.Fatalf("chromium --print-to-pdf: %v\n%s", err, errOut)
				}
				out, err := os.ReadFile(pdf)
				if err != nil {
					t.Fatal(err)
				}
				boxes := regexp.MustCompile(`/MediaBox \[0 0 (\d+)[.\d]* (\d+)[.\d]*\]`).FindAllSubmatch(out, -1)
				for _, b := range boxes {
					if (string(b[1]) != "594" && string(b[1]) != "595") || (string(b[2]) != "841" && string(b[2]) != "842") {
						t.Errorf("%s: page size %s×%s pt is not A4", name, b[1], b[2])
						break
					}
				}
				return len(boxes)
			}
			doc, err := os.ReadFile(page)
			if err != nil {
				t.Fatal(err)
			}
			sweep := pages("sweep", doc)
			paged := pages("paged", bytes.Replace(doc, []byte(`<body class="sweep">`), []byte("<body>"), 1))
			if sweep < 2 || sweep >= paged {
				t.Errorf("the sweep printed %d pages, with a page per manifest %d: want fewer, and more than one", sweep, paged)
			}
		})
	}
}
