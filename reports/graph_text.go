package reports

import (
	"strconv"
	"strings"
)

// The picture as text for other tools: DOT for Graphviz and Mermaid for Markdown viewers.
// Both name nodes f<failure>n<node> (never by service id, which may hold what either
// syntax reserves) and carry the ids in quoted labels.

type graphStyle struct {
	fill, stroke, font string
	width              float64
	dash               string // SVG stroke-dasharray, "" for solid
}

var nodeStyles = map[nodeKind]graphStyle{
	nodeDomain:      {fill: "#fef0c7", stroke: "#dc6803", font: "#101828", width: 3},
	nodeBroken:      {fill: "#fee4e2", stroke: "#b42318", font: "#7a271a", width: 2},
	nodeDown:        {fill: "#fef3f2", stroke: "#f04438", font: "#7a271a", width: 1},
	nodeSurvives:    {fill: "#dcfae6", stroke: "#067647", font: "#074d31", width: 1.5},
	nodeMoreDown:    {fill: "#ffffff", stroke: "#f04438", font: "#7a271a", width: 1, dash: "4 3"},
	nodeMoreSurvive: {fill: "#ffffff", stroke: "#067647", font: "#074d31", width: 1, dash: "4 3"},
}

var edgeStyles = map[edgeKind]graphStyle{
	edgeCause:    {stroke: "#dc6803", width: 2.2},
	edgeDepends:  {stroke: "#475467", width: 1.3},
	edgeTooling:  {stroke: "#7a2e9a", width: 1.6, dash: "6 3"},
	edgeSurvives: {stroke: "#067647", width: 1.3, dash: "2 3"},
}

// dotQuote quotes s as a DOT string: only the quote and the backslash (which starts
// Graphviz's label escapes) need escaping; line breaks become \n.
func dotQuote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\r", "", "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}

// num prints a coordinate to a tenth, the same way on every platform.
func num(v float64) string { return strconv.FormatFloat(round1(v), 'f', -1, 64) }

func writeDOT(w *errWriter, lang string, gs []lossGraph) {
	w.printf("digraph %s {\n", dotQuote(graphWord(lang, "title")))
	w.str("  graph [rankdir=LR, nodesep=0.25, ranksep=0.6, fontname=\"sans-serif\", fontsize=12];\n")
	w.str("  node [shape=box, style=\"rounded,filled\", fontname=\"sans-serif\", fontsize=11];\n")
	w.str("  edge [arrowsize=0.7];\n")
	if len(gs) == 0 {
		w.printf("  none [label=%s, fillcolor=%q, color=%q];\n", dotQuote(graphWord(lang, "none")), nodeStyles[nodeSurvives].fill, nodeStyles[nodeSurvives].stroke)
	}
	for gi, g := range gs {
		w.printf("  subgraph cluster_%d {\n", gi+1)
		w.printf("    label=%s;\n    labeljust=l;\n    color=\"#d0d5dd\";\n", dotQuote(g.title+"\n"+g.caption))
		for ni, n := range g.nodes {
			s := nodeStyles[n.kind]
			label := n.label
			if n.sub != "" {
				label += "\n" + n.sub
			}
			style := "rounded,filled"
			if s.dash != "" {
				style += ",dashed"
			}
			if n.kind == nodeDomain {
				style = "filled,bold"
			}
			w.printf("    f%dn%d [label=%s, style=%q, fillcolor=%q, color=%q, fontcolor=%q, penwidth=%s",
				gi+1, ni, dotQuote(label), style, s.fill, s.stroke, s.font, num(s.width))
			if n.title != "" {
				w.printf(", tooltip=%s", dotQuote(n.title))
			}
			w.str("];\n")
		}
		for _, e := range g.edges {
			s := edgeStyles[e.kind]
			w.printf("    f%dn%d -> f%dn%d [color=%q, penwidth=%s", gi+1, e.from, gi+1, e.to, s.stroke, num(s.width))
			switch e.kind {
			case edgeTooling:
				w.str(", style=dashed")
			case edgeSurvives:
				w.str(", style=dotted")
			case edgeCause:
				w.str(", style=bold")
			}
			w.str("];\n")
		}
		w.str("  }\n")
	}
	w.str("}\n")
}

// mermaidLabel escapes s for a quoted Mermaid label, where the quote ends the label, '#'
// starts an entity and labels are HTML.
func mermaidLabel(s string) string {
	r := strings.NewReplacer("#", "#35;", `"`, "#quot;", "<", "#lt;", ">", "#gt;", "&", "#amp;", "\r", "", "\n", "<br/>")
	return r.Replace(s)
}

var mermaidClasses = []struct {
	name string
	kind nodeKind
}{
	{"domain", nodeDomain}, {"broken", nodeBroken}, {"down", nodeDown},
	{"survives", nodeSurvives}, {"moredown", nodeMoreDown}, {"moresurvive", nodeMoreSurvive},
}

func mermaidClass(k nodeKind) string {
	for _, c := range mermaidClasses {
		if c.kind == k {
			return c.name
		}
	}
	return "down"
}

var mermaidArrows = map[edgeKind]string{
	edgeCause:    "==>",
	edgeDepends:  "-->",
	edgeTooling:  "-.->",
	edgeSurvives: "-.->",
}

func writeMermaid(w *errWriter, lang string, gs []lossGraph) {
	w.str("flowchart LR\n")
	for _, c := range mermaidClasses {
		s := nodeStyles[c.kind]
		w.printf("  classDef %s fill:%s,stroke:%s,color:%s,stroke-width:%spx", c.name, s.fill, s.stroke, s.font, num(s.width))
		if s.dash != "" {
			w.printf(",stroke-dasharray:%s", s.dash)
		}
		w.str("\n")
	}
	if len(gs) == 0 {
		w.printf("  none[\"%s\"]:::survives\n", mermaidLabel(graphWord(lang, "none")))
		return
	}
	link := 0
	var styles []string
	for gi, g := range gs {
		w.printf("  subgraph f%d [\"%s\"]\n", gi+1, mermaidLabel(g.title+"\n"+g.caption))
		w.str("    direction LR\n")
		for ni, n := range g.nodes {
			label := mermaidLabel(n.label)
			if n.sub != "" {
				label += "<br/><small>" + mermaidLabel(n.sub) + "</small>"
			}
			w.printf("    f%dn%d[\"%s\"]:::%s\n", gi+1, ni, label, mermaidClass(n.kind))
		}
		for _, e := range g.edges {
			w.printf("    f%dn%d %s f%dn%d\n", gi+1, e.from, mermaidArrows[e.kind], gi+1, e.to)
			s := edgeStyles[e.kind]
			styles = append(styles, "  linkStyle "+strconv.Itoa(link)+" stroke:"+s.stroke+",stroke-width:"+num(s.width)+"px")
			link++
		}
		w.str("  end\n")
	}
	for _, s := range styles {
		w.str(s + "\n")
	}
}
