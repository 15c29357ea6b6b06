package reports

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/resilcheck/resilcheck/internal/audit"
)

// The site-loss picture: for each failure that takes services down, the lost domain, the
// services it takes down (red: broken in place, or down through a dependency) and the
// services that survive it only by failing over (green), with dependency, failover-tooling
// and root-cause edges drawn differently, so the chain from any service to the root cause
// can be followed by eye. It is built from audit.SiteLoss alone, so the HTML report and
// `simulate` draw the same picture from the same analysis.
//
// A picture shows the services the report's tables list (lostListed: all of a small loss,
// else the ones broken in place first and then those reached from them) and counts the rest
// in a "… and N more" node, so a failure of a 10,000-service manifest gives a picture of
// bounded size, laid out in bounded time.

// GraphFormats are the formats WriteLossGraph draws.
var GraphFormats = []string{"dot", "mermaid", "svg"}

// GraphManifest is one manifest's site-loss analysis to draw.
type GraphManifest struct {
	Name     string
	SiteLoss *audit.SiteLoss
}

// graphSurvivorsShown caps the surviving services a picture names; more are counted.
const graphSurvivorsShown = 8

type nodeKind int

const (
	nodeDomain      nodeKind = iota
	nodeBroken               // broken in place by the failure
	nodeDown                 // down through a dependency
	nodeSurvives             // survives, with a note (typically by failover)
	nodeMoreDown             // "… and N more services down"
	nodeMoreSurvive          // "… and N more survive"
)

type edgeKind int

const (
	edgeCause    edgeKind = iota // a service broken in place → the lost domain
	edgeDepends                  // a service → the dependency it is lost through
	edgeTooling                  // a service → the lost service performing its failover
	edgeSurvives                 // a surviving service → the domain it fails over from
)

type gNode struct {
	label string // the service id or the domain
	sub   string // second line: the reason, the domain's datacenters
	title string // tooltip: the chain, the detail, the note
	kind  nodeKind
}

type gEdge struct {
	from, to int
	kind     edgeKind
}

// lossGraph is the picture of one failure.
type lossGraph struct {
	title   string // manifest: failure domain
	caption string // what it takes down, and failures with the same outcome
	nodes   []gNode
	edges   []gEdge
}

// pictured lists the failures of sl worth a picture: those that take services down, once per
// set of lost datacenters (a site alone on its substation fails the same way through either),
// each with the domains that have its outcome too.
func pictured(sl *audit.SiteLoss) (out []audit.FailureOutcome, same [][]audit.FailureDomain) {
	if sl == nil {
		return nil, nil
	}
	seen := map[string]int{}
	for _, f := range sl.Failures {
		if f.Lost == 0 {
			continue
		}
		key := strings.Join(f.Domain.Datacenters, "\x00")
		if i, ok := seen[key]; ok && len(f.Domain.Datacenters) > 0 {
			same[i] = append(same[i], f.Domain)
			continue
		}
		seen[key] = len(out)
		out = append(out, f)
		same = append(same, nil)
	}
	return out, same
}

// graphIndex is a site-loss analysis indexed once per manifest for any number of pictures.
type graphIndex struct {
	ix    *audit.LossIndex
	users map[string][]string // service → the services lost through it, in link order
}

func newGraphIndex(sl *audit.SiteLoss) graphIndex {
	g := graphIndex{ix: sl.Index(), users: map[string][]string{}}
	for _, l := range sl.Dependents {
		g.users[l.Via] = append(g.users[l.Via], l.Service)
	}
	return g
}

// build draws failure f of manifest name; same are the domains with the same outcome.
func (g graphIndex) build(lang, name string, f audit.FailureOutcome, same []audit.FailureDomain) lossGraph {
	pg := lossGraph{title: name + ": " + domainLabel(lang, f.Domain, plainText, plainText)}
	pg.caption = graphCaption(lang, f)
	if len(same) > 0 {
		labels := make([]string, len(same))
		for i, d := range same {
			labels[i] = domainLabel(lang, d, plainText, plainText)
		}
		pg.caption += " · " + fmt.Sprintf(graphWord(lang, "same"), strings.Join(labels, ", "))
	}
	dom := gNode{label: term(lang, f.Domain.Kind) + " " + f.Domain.ID, kind: nodeDomain, title: domainLabel(lang, f.Domain, plainText, plainText)}
	if f.Domain.Kind != "datacenter" && len(f.Domain.Datacenters) > 0 {
		dom.sub = shortList(f.Domain.Datacenters, 3)
	}
	pg.nodes = append(pg.nodes, dom)

	lost := g.ix.Explain(f, lostListed)
	causes := map[string]string{}
	for _, u := range f.Broken {
		if u.Via == "" {
			causes[u.Service] = u.Cause
		}
	}
	at := make(map[string]int, len(lost))
	for _, u := range lost {
		n := gNode{label: u.Service, sub: term(lang, u.Reason), kind: nodeDown, title: chainTitle(lang, u, dom.label, causes)}
		if u.Broken {
			n.kind = nodeBroken
		}
		at[u.Service] = len(pg.nodes)
		pg.nodes = append(pg.nodes, n)
	}
	more := -1
	if n := f.Lost - len(lost); n > 0 {
		more = len(pg.nodes)
		pg.nodes = append(pg.nodes, gNode{label: fmt.Sprintf(graphWord(lang, "moredown"), n), kind: nodeMoreDown})
	}
	for _, u := range f.Broken {
		i, ok := at[u.Service]
		if !ok {
			continue
		}
		switch j, shown := at[u.Via]; {
		case u.Via == "":
			pg.edges = append(pg.edges, gEdge{i, 0, edgeCause})
		case shown:
			pg.edges = append(pg.edges, gEdge{i, j, edgeTooling})
		case more >= 0:
			pg.edges = append(pg.edges, gEdge{i, more, edgeTooling})
		}
	}
	for _, u := range lost {
		for _, user := range g.users[u.Service] {
			if i, ok := at[user]; ok {
				pg.edges = append(pg.edges, gEdge{i, at[u.Service], edgeDepends})
			}
		}
	}

	var notes []audit.ServiceNote
	seen := map[string]bool{}
	for _, n := range f.Notes {
		if _, down := at[n.Service]; !down && !seen[n.Service] {
			seen[n.Service] = true
			notes = append(notes, n)
		}
	}
	for i, n := range notes {
		if i == graphSurvivorsShown {
			pg.nodes = append(pg.nodes, gNode{label: fmt.Sprintf(graphWord(lang, "moresurvive"), len(notes)-i), kind: nodeMoreSurvive})
			break
		}
		pg.edges = append(pg.edges, gEdge{len(pg.nodes), 0, edgeSurvives})
		title := n.Service + " " + n.Note
		if lang == "ko" {
			title = n.Service + ": " + graphWord(lang, "survives")
		}
		pg.nodes = append(pg.nodes, gNode{label: n.Service, sub: graphWord(lang, "survives"), title: title, kind: nodeSurvives})
	}
	slices.SortFunc(pg.edges, func(a, b gEdge) int {
		if a.from != b.from {
			return a.from - b.from
		}
		if a.to != b.to {
			return a.to - b.to
		}
		return int(a.kind) - int(b.kind)
	})
	pg.edges = slices.Compact(pg.edges)
	return pg
}

func plainText(s string) string { return s }

// chainTitle is a lost service's tooltip: its chain to the root cause and, for a service
// broken in place, the detail. A Korean picture words the cause and the detail from their
// phrases; a chain whose cause has no phrase the catalogue knows (an older bundle, a custom
// library) ends with the lost domain instead, and such a detail is left out, so no English
// sentence lands in a Korean picture.
func chainTitle(lang string, u audit.LostService, domain string, causes map[string]string) string {
	if lang != "ko" {
		t := strings.Join(u.Chain, " → ")
		if u.Detail != "" {
			t += "\n" + u.Detail
		}
		return t
	}
	var t string
	if knownPhrase(u.CausePhrase) {
		t = chainText(lang, u.Chain, u.CausePhrase)
	} else {
		ids := u.Chain
		if n := len(ids); n > 1 && causes[ids[n-2]] == ids[n-1] {
			ids = ids[:n-1]
		}
		t = strings.Join(ids, " → ") + " → " + domain
	}
	if knownPhrase(u.DetailPhrase) {
		t += "\n" + phrase(lang, u.DetailPhrase, "")
	}
	return t
}

// knownPhrase reports whether the catalogue words p.
func knownPhrase(p *audit.Phrase) bool {
	if p == nil {
		return false
	}
	_, ok := catalogue["phrase."+p.Code]
	return ok
}

// shortList joins ids, naming at most max of them.
func shortList(ids []string, max int) string {
	if len(ids) <= max {
		return strings.Join(ids, ", ")
	}
	return strings.Join(ids[:max], ", ") + ", … +" + strconv.Itoa(len(ids)-max)
}

// graphs draws every pictured failure of every manifest, in the order given.
func graphs(lang string, ms []GraphManifest) []lossGraph {
	var out []lossGraph
	for _, m := range ms {
		fs, same := pictured(m.SiteLoss)
		if len(fs) == 0 {
			continue
		}
		g := newGraphIndex(m.SiteLoss)
		for i, f := range fs {
			out = append(out, g.build(lang, m.Name, f, same[i]))
		}
	}
	return out
}

// WriteLossGraph draws the failures that take services down in ms as one document of format
// (see GraphFormats) in lang: a cluster per failure in DOT and Mermaid, a panel per failure
// in SVG. With no such failure, it draws a single node saying so.
func WriteLossGraph(w io.Writer, format, lang string, ms []GraphManifest) error {
	return writeLossGraphs(w, format, lang, graphs(lang, ms))
}

// graphCatalogue holds the picture's own strings; the report-wide ones come from tr and term.
var graphCatalogue = map[string][2]string{
	"moredown":        {"… and %d more services down", "… 외 서비스 %d개 중단"},
	"moresurvive":     {"… and %d more survive", "… 외 서비스 %d개 유지"},
	"survives":        {"survives", "유지"},
	"same":            {"same outcome: %s", "동일한 결과: %s"},
	"none":            {"no failure takes a service down", "서비스를 중단시키는 장애 없음"},
	"legend.domain":   {"lost domain", "손실 영역"},
	"legend.broken":   {"broken in place", "직접 중단"},
	"legend.down":     {"down through a dependency", "의존 서비스로 인해 중단"},
	"legend.survives": {"survives", "유지"},
	"legend.cause":    {"root cause", "근본 원인"},
	"legend.depends":  {"depends on", "의존"},
	"legend.tooling":  {"failover performed by", "전환 수행 도구"},
	"legend.survive":  {"fails over", "전환으로 유지"},
	"title":           {"What the failure takes down", "장애로 중단되는 서비스"},
}

func graphWord(lang, key string) string {
	e, ok := graphCatalogue[key]
	if !ok {
		return key
	}
	if lang == "ko" {
		return e[1]
	}
	return e[0]
}

// graphCaption says how much of the manifest f takes down.
func graphCaption(lang string, f audit.FailureOutcome) string {
	total := f.Lost + f.Surviving
	if lang == "ko" {
		return fmt.Sprintf("전체 서비스 %d개 중 %d개 중단, %d개 유지", total, f.Lost, f.Surviving)
	}
	return fmt.Sprintf("%d of %d services down, %d survive", f.Lost, total, f.Surviving)
}
