package reports

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/resilcheck/resilcheck/internal/audit"
)

func drawLoss(t testing.TB, format, lang string, ms ...GraphManifest) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteLossGraph(&b, format, lang, ms); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return b.Bytes()
}

func fixtureGraphManifests() []GraphManifest {
	var ms []GraphManifest
	for _, m := range fixtureReport().Manifests {
		ms = append(ms, GraphManifest{Name: m.Name, SiteLoss: m.SiteLoss})
	}
	return ms
}

// graphEdges names g's edges "from -kind-> to" by their nodes' labels, sorted.
func graphEdges(g lossGraph) []string {
	kinds := map[edgeKind]string{edgeCause: "cause", edgeDepends: "depends", edgeTooling: "tooling", edgeSurvives: "survives"}
	var out []string
	for _, e := range g.edges {
		out = append(out, g.nodes[e.from].label+" -"+kinds[e.kind]+"-> "+g.nodes[e.to].label)
	}
	slices.Sort(out)
	return out
}

// TestLossGraphDrawsTheChain: the lost domain, the services broken in place and down through
// a dependency, and the three kinds of edge, each where the analysis puts it.
func TestLossGraphDrawsTheChain(t *testing.T) {
	gs := graphs("en", fixtureGraphManifests())
	if len(gs) != 1 {
		t.Fatalf("%d pictures, want 1 (only the pangyo failure takes services down)", len(gs))
	}
	g := gs[0]
	want := []string{
		"kakao-login -tooling-> ops-console",
		"kakaotalk -depends-> kakao-login",
		"ops-console -cause-> datacenter pangyo",
	}
	if got := graphEdges(g); !slices.Equal(got, want) {
		t.Errorf("edges:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	kinds := map[string]nodeKind{}
	for _, n := range g.nodes {
		kinds[n.label] = n.kind
	}
	for label, k := range map[string]nodeKind{"datacenter pangyo": nodeDomain, "kakao-login": nodeBroken, "ops-console": nodeBroken, "kakaotalk": nodeDown} {
		if got, ok := kinds[label]; !ok || got != k {
			t.Errorf("node %s: kind %d (present %v), want %d", label, got, ok, k)
		}
	}
	if g.caption != "3 of 5 services down, 2 survive" {
		t.Errorf("caption %q", g.caption)
	}
	svg := string(drawLoss(t, "svg", "en", fixtureGraphManifests()...))
	for what, frag := range map[string]string{
		"a failover-tooling edge, dashed":  `stroke="#7a2e9a" stroke-width="1.6" stroke-dasharray="6 3"/>`,
		"a dependency edge, solid":         `stroke="#475467" stroke-width="1.3"/>`,
		"a root-cause edge":                `stroke="#dc6803" stroke-width="2.2"/>`,
		"a service broken in place in red": `fill="#fee4e2" stroke="#b42318"`,
		"the lost domain highlighted":      `fill="#fef0c7" stroke="#dc6803" stroke-width="3"`,
	} {
		if !strings.Contains(svg, frag) {
			t.Errorf("the SVG has no %s (%s)", what, frag)
		}
	}
}

// TestLossGraphSurvivorsAndSameOutcome: services that survive by failover are drawn green
// and capped, and a failure with the outcome of one already drawn is named, not redrawn.
func TestLossGraphSurvivorsAndSameOutcome(t *testing.T) {
	r := fixtureReport()
	sl := r.Manifests[0].SiteLoss
	f := &sl.Failures[0]
	for i := range graphSurvivorsShown + 2 {
		f.Notes = append(f.Notes, audit.ServiceNote{Service: fmt.Sprintf("svc-%02d", i), Note: "survives by failover to ansan"})
	}
	feed := *f
	feed.Domain = audit.FailureDomain{Kind: "power-feed", ID: "feed-a", Datacenters: []string{"pangyo"}}
	sl.Failures = append(sl.Failures, feed)
	gs := graphs("en", []GraphManifest{{Name: "m", SiteLoss: sl}})
	if len(gs) != 1 {
		t.Fatalf("%d pictures, want 1: the feed loses what the datacenter does", len(gs))
	}
	g := gs[0]
	if !strings.Contains(g.caption, "same outcome: power feed feed-a (pangyo)") {
		t.Errorf("caption %q does not name the failure with the same outcome", g.caption)
	}
	survivors, more := 0, ""
	for _, n := range g.nodes {
		switch n.kind {
		case nodeSurvives:
			survivors++
		case nodeMoreSurvive:
			more = n.label
		}
	}
	if survivors != graphSurvivorsShown || more != "… and 2 more survive" {
		t.Errorf("%d survivors drawn and %q, want %d and the count of 2 more", survivors, more, graphSurvivorsShown)
	}
	if got := graphEdges(g); !slices.Contains(got, "svc-00 -survives-> datacenter pangyo") {
		t.Errorf("no survivor edge in %v", got)
	}
	if svg := string(drawLoss(t, "svg", "en", GraphManifest{Name: "m", SiteLoss: sl})); !strings.Contains(svg, `fill="#dcfae6" stroke="#067647"`) {
		t.Error("survivors are not green in the SVG")
	}
}

// largeLoss is a failure of a manifest of n services: 50 broken in place, every other one
// lost through a chain of dependencies on them.
func largeLoss(n int) *audit.SiteLoss {
	id := func(i int) string { return fmt.Sprintf("svc-%05d", i) }
	f := audit.FailureOutcome{Domain: audit.FailureDomain{Kind: "datacenter", ID: "dc-1", Datacenters: []string{"dc-1"}}, Lost: n}
	sl := &audit.SiteLoss{}
	for i := range n {
		if i < 50 {
			f.Broken = append(f.Broken, audit.ServiceImpact{Service: id(i), Reason: "no-surviving-deployment", Cause: "only active in dc-1"})
			continue
		}
		sl.Dependents = append(sl.Dependents, audit.DependencyLink{Service: id(i), Via: id(i - 50), LostWith: []string{"datacenter dc-1"}})
	}
	sl.Failures = []audit.FailureOutcome{f}
	return sl
}

// TestLossGraphIsBounded: a 10,000-service loss draws the services the tables list and
// counts the rest, in every format.
func TestLossGraphIsBounded(t *testing.T) {
	sl := largeLoss(10_000)
	gs := graphs("en", []GraphManifest{{Name: "big", SiteLoss: sl}})
	if len(gs) != 1 {
		t.Fatalf("%d pictures", len(gs))
	}
	if n := len(gs[0].nodes); n != lostListed+2 {
		t.Errorf("%d nodes, want %d: the domain, %d services and the count of the rest", n, lostListed+2, lostListed)
	}
	want := fmt.Sprintf("… and %d more services down", 10_000-lostListed)
	for _, format := range GraphFormats {
		out := drawLoss(t, format, "en", GraphManifest{Name: "big", SiteLoss: sl})
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("%s: no %q", format, want)
		}
		if len(out) > 64<<10 {
			t.Errorf("%s: %d bytes for a capped picture", format, len(out))
		}
		if bytes.Contains(out, []byte("svc-09999")) {
			t.Errorf("%s: draws a service past the cap", format)
		}
	}
}

// hostileLoss names a service and a manifest with what DOT, Mermaid, XML and HTML reserve.
func hostileLoss() GraphManifest {
	bad := "a\"b<c>&d\\e#f'g;\n--> x"
	return GraphManifest{Name: `m"<script>`, SiteLoss: &audit.SiteLoss{
		Failures: []audit.FailureOutcome{{
			Domain: audit.FailureDomain{Kind: "building", ID: "b&<1>", Datacenters: []string{"dc\"1", "dc-2", "dc-3", "dc-4"}},
			Broken: []audit.ServiceImpact{
				{Service: bad, Reason: "no-surviving-deployment", Cause: "only active in dc\"1", Detail: "<b>&amp;"},
				{Service: "x", Reason: "standby-unreachable", Via: bad},
			},
			Lost: 3, Surviving: 1,
			Notes: []audit.ServiceNote{{Service: "s]\"", Note: "survives </title><script>"}},
		}},
		Dependents: []audit.DependencyLink{{Service: "y{}", Via: bad}},
	}}
}

// cycleLoss has a dependency cycle among lost services: a and b depend on each other, and
// c fails over through a.
func cycleLoss() *audit.SiteLoss {
	return &audit.SiteLoss{
		Failures: []audit.FailureOutcome{{
			Domain: audit.FailureDomain{Kind: "datacenter", ID: "dc", Datacenters: []string{"dc"}},
			Broken: []audit.ServiceImpact{
				{Service: "a", Reason: "dependency-cycle", Via: "b"},
				{Service: "c", Reason: "no-surviving-deployment", Cause: "only active in dc"},
			},
			Lost: 3,
		}},
		Dependents: []audit.DependencyLink{{Service: "b", Via: "a"}, {Service: "a", Via: "c"}},
	}
}

// TestLossGraphCycle: an edge closing a cycle is drawn back, from the left side of the
// node it leaves, and the layout still gives every node a place.
func TestLossGraphCycle(t *testing.T) {
	g := graphs("en", []GraphManifest{{Name: "cycle", SiteLoss: cycleLoss()}})[0]
	lay := layoutGraph(g)
	backs := 0
	for i, e := range g.edges {
		if !lay.back[i] {
			if lay.nodes[e.from].x >= lay.nodes[e.to].x {
				t.Errorf("forward edge %s → %s does not run left to right", g.nodes[e.from].label, g.nodes[e.to].label)
			}
			continue
		}
		backs++
		if lay.nodes[e.from].x <= lay.nodes[e.to].x {
			t.Errorf("back edge %s → %s does not run right to left", g.nodes[e.from].label, g.nodes[e.to].label)
		}
	}
	if backs != 1 {
		t.Errorf("%d edges drawn back, want the one closing the cycle", backs)
	}
}

// checkSVG parses doc as XML and wants a self-contained SVG: an svg root in the SVG
// namespace, nothing executable, nothing fetched.
func checkSVG(t *testing.T, doc []byte) { checkXML(t, doc, true) }

// checkXML parses doc as an SVG document; ours also holds only drawing elements (Graphviz
// wraps tooltips in links without a target).
func checkXML(t *testing.T, doc []byte, ours bool) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(doc))
	depth, roots := 0, 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
				if e.Name.Local != "svg" || e.Name.Space != "http://www.w3.org/2000/svg" {
					t.Errorf("root element %s in %q", e.Name.Local, e.Name.Space)
				}
			}
			switch e.Name.Local {
			case "script", "image", "foreignObject", "use", "style":
				t.Errorf("SVG holds a <%s> element", e.Name.Local)
			case "a":
				if !ours {
					break
				}
				t.Errorf("SVG holds a <%s> element", e.Name.Local)
			}
			for _, a := range e.Attr {
				if (ours && a.Name.Local == "href") || strings.HasPrefix(a.Name.Local, "on") || strings.Contains(a.Value, "url(") {
					t.Errorf("SVG attribute %s=%q refers elsewhere or runs code", a.Name.Local, a.Value)
				}
			}
			depth++
		case xml.EndElement:
			depth--
		}
	}
	if roots != 1 {
		t.Errorf("%d root elements", roots)
	}
}

var (
	mermaidNode     = regexp.MustCompile(`^    (f\d+n\d+)\["([^"]*)"\]:::(\w+)$`)
	mermaidEdge     = regexp.MustCompile(`^    (f\d+n\d+) (-->|-\.->|==>) (f\d+n\d+)$`)
	mermaidSub      = regexp.MustCompile(`^  subgraph (f\d+) \["([^"]*)"\]$`)
	mermaidClassDef = regexp.MustCompile(`^  classDef (\w+) [a-z-]+:[^ ,]+(,[a-z-]+:[^,]+)*$`)
	mermaidLink     = regexp.MustCompile(`^  linkStyle (\d+) stroke:#[0-9a-f]{6},stroke-width:[\d.]+px$`)
	mermaidNone     = regexp.MustCompile(`^  none\["([^"]*)"\]:::(\w+)$`)
	// A label may hold only the line break and small-text tags the writer puts there.
	mermaidTag = regexp.MustCompile(`<[^>]*>`)
)

// checkMermaid parses a flowchart as the writer emits it: every line one statement of
// Mermaid's flowchart grammar, subgraphs closed, nodes declared once and before their
// edges, every class defined, one linkStyle per edge, labels free of what ends them.
func checkMermaid(t *testing.T, doc string) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(doc, "\n"), "\n")
	if lines[0] != "flowchart LR" {
		t.Fatalf("first line %q", lines[0])
	}
	classes, nodes := map[string]bool{}, map[string]bool{}
	open, edges, styles := false, 0, 0
	label := func(l string) {
		for _, tag := range mermaidTag.FindAllString(l, -1) {
			if tag != "<br/>" && tag != "<small>" && tag != "</small>" {
				t.Errorf("label %q holds the tag %s", l, tag)
			}
		}
		if strings.ContainsAny(mermaidTag.ReplaceAllString(l, ""), "<>\"") {
			t.Errorf("label %q is not escaped", l)
		}
	}
	for i, l := range lines[1:] {
		switch m := []([]string){mermaidClassDef.FindStringSubmatch(l), mermaidSub.FindStringSubmatch(l), mermaidNode.FindStringSubmatch(l), mermaidEdge.FindStringSubmatch(l), mermaidLink.FindStringSubmatch(l), mermaidNone.FindStringSubmatch(l)}; {
		case m[0] != nil:
			classes[m[0][1]] = true
		case m[1] != nil:
			if open {
				t.Errorf("line %d: subgraph inside a subgraph", i+2)
			}
			open = true
			label(m[1][2])
		case l == "    direction LR" && open:
		case l == "  end":
			if !open {
				t.Errorf("line %d: end without subgraph", i+2)
			}
			open = false
		case m[2] != nil:
			if nodes[m[2][1]] {
				t.Errorf("line %d: node %s declared twice", i+2, m[2][1])
			}
			nodes[m[2][1]] = true
			label(m[2][2])
			if !classes[m[2][3]] {
				t.Errorf("line %d: class %s not defined", i+2, m[2][3])
			}
		case m[3] != nil:
			if !nodes[m[3][1]] || !nodes[m[3][3]] {
				t.Errorf("line %d: edge between undeclared nodes: %s", i+2, l)
			}
			edges++
		case m[4] != nil:
			if n, _ := strconv.Atoi(m[4][1]); n != styles || n >= edges {
				t.Errorf("line %d: linkStyle %d out of order or past the %d edges", i+2, n, edges)
			}
			styles++
		case m[5] != nil:
			label(m[5][1])
		default:
			t.Errorf("line %d is no flowchart statement: %q", i+2, l)
		}
	}
	if open {
		t.Error("a subgraph is not closed")
	}
	if styles != edges {
		t.Errorf("%d linkStyles for %d edges", styles, edges)
	}
}

// graphCases are what every format is checked on: the fixture, a hostile one, a large one
// and nothing to draw.
func graphCases() map[string][]GraphManifest {
	return map[string][]GraphManifest{
		"fixture": fixtureGraphManifests(),
		"hostile": {hostileLoss()},
		"large":   {{Name: "big", SiteLoss: largeLoss(2_000)}},
		"cycle":   {{Name: "cycle", SiteLoss: cycleLoss()}},
		"none":    {{Name: "ok", SiteLoss: &audit.SiteLoss{Failures: []audit.FailureOutcome{{Domain: audit.FailureDomain{Kind: "datacenter", ID: "a"}, Surviving: 3}}}}},
	}
}

func TestLossGraphSVGIsWellFormed(t *testing.T) {
	for name, ms := range graphCases() {
		for _, lang := range []string{"en", "ko"} {
			t.Run(name+"/"+lang, func(t *testing.T) {
				out := drawLoss(t, "svg", lang, ms...)
				checkSVG(t, out)
				if !bytes.Equal(out, drawLoss(t, "svg", lang, ms...)) {
					t.Error("two renders differ")
				}
			})
		}
	}
	if out := drawLoss(t, "svg", "en", hostileLoss()); bytes.Contains(out, []byte("<script>")) || !bytes.Contains(out, []byte("a&quot;b&lt;c&gt;&amp;d")) {
		t.Error("the hostile names are not escaped")
	}
}

func TestLossGraphMermaidParses(t *testing.T) {
	for name, ms := range graphCases() {
		t.Run(name, func(t *testing.T) { checkMermaid(t, string(drawLoss(t, "mermaid", "en", ms...))) })
	}
}

// TestLossGraphDOTRendersWithGraphviz hands every case to Graphviz's dot, which must accept
// it without a warning and draw every node.
func TestLossGraphDOTRendersWithGraphviz(t *testing.T) {
	dot, err := exec.LookPath("dot")
	if err != nil {
		needTool(t, "dot not on PATH (Debian package graphviz)")
		return
	}
	for name, ms := range graphCases() {
		t.Run(name, func(t *testing.T) {
			in := filepath.Join(t.TempDir(), "loss.dot")
			src := drawLoss(t, "dot", "en", ms...)
			if err := os.WriteFile(in, src, 0o644); err != nil {
				t.Fatal(err)
			}
			out, errOut, err := runTool(t, time.Minute, dot, "-Tsvg", in)
			if err != nil || strings.TrimSpace(errOut) != "" {
				t.Fatalf("dot -Tsvg: %v\n%s\n%s", err, errOut, src)
			}
			checkXML(t, []byte(out), false)
			declared := len(regexp.MustCompile(`(?m)^    f\d+n\d+ \[`).FindAll(src, -1))
			if drawn := strings.Count(out, `class="node"`); name != "none" && drawn != declared {
				t.Errorf("dot drew %d nodes of %d", drawn, declared)
			}
		})
	}
}

// TestLossGraphGoldens pins the Kakao 2022 picture in every format and language.
func TestLossGraphGoldens(t *testing.T) {
	if testing.Short() {
		t.Skip("evaluates the whole policy bundle")
	}
	r := scenarios(t)["kakao-2022-10-15"]
	if r == nil {
		t.Fatal("no Kakao scenario")
	}
	m := r.Manifests[0]
	ext := map[string]string{"dot": "dot", "mermaid": "mmd", "svg": "svg"}
	for _, format := range GraphFormats {
		for _, lang := range []string{"en", "ko"} {
			out := drawLoss(t, format, lang, GraphManifest{Name: m.Name, SiteLoss: m.SiteLoss})
			checkGolden(t, filepath.Join("graph", "kakao-2022-10-15."+lang+"."+ext[format]), out)
		}
	}
}

// TestHTMLHasLossPictures: the HTML report carries one inline, well-formed SVG per failure
// that takes services down, in both languages.
func TestHTMLHasLossPictures(t *testing.T) {
	figure := regexp.MustCompile(`(?s)<figure class="lossgraph">(.*?)</figure>`)
	for _, lang := range []string{"en", "ko"} {
		out := render(t, "html", Options{Lang: lang}, fixtureReport())
		figs := figure.FindAllSubmatch(out, -1)
		if len(figs) != 1 {
			t.Fatalf("%s: %d pictures, want 1", lang, len(figs))
		}
		checkSVG(t, figs[0][1])
		if want := term(lang, "standby-unreachable"); !bytes.Contains(figs[0][1], []byte(want)) {
			t.Errorf("%s: the picture does not say %q", lang, want)
		}
	}
}

// TestLossGraphInChromium renders the Kakao picture on its own in headless Chromium: no
// console output or load errors, and a screenshot that is not blank.
func TestLossGraphInChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a headless browser")
	}
	chromium := findChromium(t)
	r := scenarios(t)["kakao-2022-10-15"]
	m := r.Manifests[0]
	for _, lang := range []string{"en", "ko"} {
		t.Run(lang, func(t *testing.T) {
			dir := t.TempDir()
			page := filepath.Join(dir, "loss."+lang+".svg")
			if err := os.WriteFile(page, drawLoss(t, "svg", lang, GraphManifest{Name: m.Name, SiteLoss: m.SiteLoss}), 0o644); err != nil {
				t.Fatal(err)
			}
			shot := filepath.Join(dir, "loss.png")
			_, errOut, err := runTool(t, 2*time.Minute, chromium,
				append(chromiumFlags, "--user-data-dir="+filepath.Join(dir, "profile"), "--window-size=1000,520", "--screenshot="+shot, "file://"+filepath.ToSlash(page))...)
			if err != nil {
				t.Fatalf("chromium --screenshot: %v\n%s", err, errOut)
			}
			if bad := browserProblems(errOut); len(bad) > 0 {
				t.Errorf("chromium logged problems for the picture:\n%s", strings.Join(bad, "\n"))
			}
			png, err := os.ReadFile(shot)
			if err != nil || !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) {
				t.Fatalf("no PNG screenshot: %v", err)
			}
			// A blank 1000×520 page compresses to a few kilobytes; the picture does not.
			if len(png) < 30_000 {
				t.Errorf("screenshot is only %d bytes; the picture probably rendered blank", len(png))
			}
			if dst := os.Getenv("RESILCHECK_SCREENSHOT_DIR"); dst != "" {
				if err := os.WriteFile(filepath.Join(dst, "loss."+lang+".png"), png, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

func TestWriteLossGraphRefusesUnknownFormat(t *testing.T) {
	if err := WriteLossGraph(io.Discard, "png", "en", nil); err == nil || !strings.Contains(err.Error(), "dot, mermaid, svg") {
		t.Errorf("err = %v", err)
	}
}

// BenchmarkLossGraph measures drawing one failure: the fixture's small loss and a capped
// 10,000-service one (go test -bench LossGraph ./reports).
func BenchmarkLossGraph(b *testing.B) {
	cases := []struct {
		name string
		m    GraphManifest
	}{
		{"fixture", fixtureGraphManifests()[0]},
		{"10000", GraphManifest{Name: "big", SiteLoss: largeLoss(10_000)}},
	}
	for _, c := range cases {
		for _, format := range GraphFormats {
			b.Run(c.name+"/"+format, func(b *testing.B) {
				var buf bytes.Buffer
				for b.Loop() {
					buf.Reset()
					if err := WriteLossGraph(&buf, format, "en", []GraphManifest{c.m}); err != nil {
						b.Fatal(err)
					}
				}
				b.SetBytes(int64(buf.Len()))
			})
		}
	}
}

// TestKakaoHTMLPrintsThePicture prints the Kakao 2022 HTML report to A4 in headless Chromium,
// in English and Korean: the browser logs no problem, and one printed page holds the whole
// Pangyo picture, from its title to its legend (the figure is not split across pages).
func TestKakaoHTMLPrintsThePicture(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a headless browser")
	}
	chromium := findChromium(t)
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		needTool(t, "pdftotext not on PATH (Debian package poppler-utils)")
		return
	}
	r := scenarios(t)["kakao-2022-10-15"]
	for _, lang := range []string{"en", "ko"} {
		t.Run(lang, func(t *testing.T) {
			dir := t.TempDir()
			page := filepath.Join(dir, "kakao."+lang+".html")
			if err := os.WriteFile(page, render(t, "html", Options{Lang: lang}, r), 0o644); err != nil {
				t.Fatal(err)
			}
			pdf := filepath.Join(dir, "kakao.pdf")
			_, errOut, err := runTool(t, 2*time.Minute, chromium,
				append(chromiumFlags, "--user-data-dir="+filepath.Join(dir, "profile"), "--no-pdf-header-footer", "--print-to-pdf="+pdf, "file://"+filepath.ToSlash(page))...)
			if err != nil {
				t.Fatalf("chromium --print-to-pdf: %v\n%s", err, errOut)
			}
			if bad := browserProblems(errOut); len(bad) > 0 {
				t.Errorf("chromium logged problems for the report:\n%s", strings.Join(bad, "\n"))
			}
			text, errOut, err := runTool(t, time.Minute, pdftotext, "-layout", pdf, "-")
			if err != nil {
				t.Fatalf("pdftotext: %v\n%s", err, errOut)
			}
			title := "kakao-2022-10-15: " + term(lang, "datacenter") + " skcc-pangyo"
			legend := graphWord(lang, "legend.tooling")
			found := false
			for _, p := range strings.Split(text, "\f") {
				if strings.Contains(p, title) && strings.Contains(p, graphCaption(lang, audit.FailureOutcome{Lost: 12})) {
					found = true
					if !strings.Contains(p, legend) || !strings.Contains(p, "ops-tooling") {
						t.Errorf("the page with the picture's title lacks its nodes or legend:\n%s", p)
					}
				}
			}
			if !found {
				t.Errorf("no printed page shows the picture %q", title)
			}
		})
	}
}

// TestChainTitleInKorean: a Korean tooltip words the cause and the detail from their phrases;
// a cause or detail with no phrase the catalogue knows leaves no English behind: the chain
// ends with the lost domain and the detail is left out.
func TestChainTitleInKorean(t *testing.T) {
	cause := &audit.Phrase{Code: "only-active-in", Args: map[string]string{"where": "pangyo"}}
	detail := &audit.Phrase{Code: "failover-needs-lost", Args: map[string]string{"tooling": "ops-console"}}
	u := audit.LostService{Service: "kakaotalk", Chain: []string{"kakaotalk", "kakao-login", "only active in pangyo"},
		Broken: true, Detail: "its failover needs ops-console, which is lost", DetailPhrase: detail, CausePhrase: cause}
	causes := map[string]string{"kakao-login": "only active in pangyo"}
	if got, want := chainTitle("ko", u, "데이터센터 pangyo", causes), "kakaotalk → kakao-login → pangyo에서만 활성\n장애 전환에 필요한 ops-console 서비스도 손실"; got != want {
		t.Errorf("Korean title:\n got %q\nwant %q", got, want)
	}
	if got, want := chainTitle("en", u, "datacenter pangyo", causes), "kakaotalk → kakao-login → only active in pangyo\nits failover needs ops-console, which is lost"; got != want {
		t.Errorf("English title:\n got %q\nwant %q", got, want)
	}
	u.CausePhrase = &audit.Phrase{Code: "a-cause-from-a-newer-bundle"}
	u.DetailPhrase = nil
	if got, want := chainTitle("ko", u, "데이터센터 pangyo", causes), "kakaotalk → kakao-login → 데이터센터 pangyo"; got != want {
		t.Errorf("Korean title without a known phrase:\n got %q\nwant %q", got, want)
	}
}
