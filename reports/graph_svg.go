package reports

import (
	"html/template"

	"github.com/resilcheck/resilcheck/internal/audit"
	"slices"
	"strings"
)

// The picture as SVG, laid out here by a small layered (Sugiyama-style) layout: every
// service in a column by its longest chain to the lost domain (the domain rightmost, so a
// chain reads left to right as the text report prints it), long edges broken by dummy
// points, a few barycenter sweeps against crossings, and columns centred. Every loop runs
// over slices in the graph's own order and every coordinate is rounded to a tenth, so the
// same input gives the same bytes; a picture holds at most lostListed + graphSurvivorsShown
// + 3 nodes, so its layout costs the same whatever the size of the manifest.

const (
	svgColGap   = 44.0
	svgRowGap   = 12.0
	svgDummyH   = 10.0
	svgPad      = 12.0
	svgFont     = `"Noto Sans KR", "Malgun Gothic", "Apple SD Gothic Neo", NanumGothic, sans-serif`
	svgLabelPx  = 12.0
	svgSubPx    = 10.0
	svgMinNodeW = 84.0
)

// textWidth estimates how wide s renders at px: Hangul and other wide characters take a
// full em, the rest about 0.6 em. An estimate is enough, since boxes carry padding.
func textWidth(s string, px float64) float64 {
	w := 0.0
	for _, r := range s {
		switch {
		case r >= 0x1100 && (r <= 0x115f || (r >= 0x2e80 && r <= 0xa4cf) || (r >= 0xac00 && r <= 0xd7a3) || (r >= 0xf900 && r <= 0xfaff) || (r >= 0xff00 && r <= 0xff60)):
			w += px
		case r == ' ' || r == '.' || r == ',' || r == 'i' || r == 'l' || r == 'j' || r == 't' || r == 'f' || r == '·':
			w += 0.35 * px
		default:
			w += 0.6 * px
		}
	}
	return w
}

// clip shortens s to at most n characters, so one long id cannot widen a column without
// bound; the node's tooltip keeps it whole.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

type placed struct {
	x, y, w, h float64
	layer      int
	dummy      bool
}

type layout struct {
	nodes  []placed // the graph's nodes, then the dummy points of long edges
	routes [][]int  // per edge, the nodes it passes: from, dummies, to
	back   []bool   // per edge, whether it runs against the layering (a cycle)
	// outY and inY are where each edge leaves its first node and enters its last, spread
	// over the node's side in the order of the other ends, so edges sharing a node stay
	// apart and do not cross at it.
	outY, inY []float64
	w, h      float64
}

func nodeSize(n gNode) (float64, float64) {
	w := textWidth(clip(n.label, 40), svgLabelPx) * 1.05
	h := 26.0
	if n.sub != "" {
		w = max(w, textWidth(clip(n.sub, 48), svgSubPx))
		h = 38
	}
	return max(w+18, svgMinNodeW), h
}

// layoutGraph places g's nodes and routes its edges.
func layoutGraph(g lossGraph) layout {
	n := len(g.nodes)
	out := make([][]int, n) // edge indexes leaving each node
	for i, e := range g.edges {
		out[e.from] = append(out[e.from], i)
	}
	// Longest path to a sink; an edge to a node still on the DFS stack closes a cycle and
	// does not constrain the layering.
	layer := make([]int, n)
	state := make([]int8, n) // 0 new, 1 on stack, 2 done
	back := make([]bool, len(g.edges))
	var visit func(v int)
	visit = func(v int) {
		state[v] = 1
		l := 0
		if g.nodes[v].kind != nodeDomain {
			l = 1
		}
		for _, ei := range out[v] {
			t := g.edges[ei].to
			switch state[t] {
			case 0:
				visit(t)
			case 1:
				back[ei] = true
				continue
			}
			l = max(l, layer[t]+1)
		}
		layer[v] = l
		state[v] = 2
	}
	for v := range n {
		if state[v] == 0 {
			visit(v)
		}
	}
	top := 0
	for v := range n {
		top = max(top, layer[v])
	}
	for v, nd := range g.nodes {
		if nd.kind == nodeMoreDown && len(out[v]) == 0 {
			layer[v] = max(top, 1)
		}
	}

	lay := layout{back: back}
	for v, nd := range g.nodes {
		w, h := nodeSize(nd)
		lay.nodes = append(lay.nodes, placed{w: w, h: h, layer: layer[v]})
	}
	// Long edges pass through a dummy point in every layer they cross.
	lay.routes = make([][]int, len(g.edges))
	for i, e := range g.edges {
		r := []int{e.from}
		if !back[i] {
			for l := layer[e.from] - 1; l > layer[e.to]; l-- {
				r = append(r, len(lay.nodes))
				lay.nodes = append(lay.nodes, placed{h: svgDummyH, layer: l, dummy: true})
			}
		}
		lay.routes[i] = append(r, e.to)
	}

	layers := make([][]int, top+1)
	for v, p := range lay.nodes {
		layers[p.layer] = append(layers[p.layer], v)
	}
	// Neighbours across adjacent layers, from the routes.
	up := make([][]int, len(lay.nodes))   // in the layer above (closer to the domain)
	down := make([][]int, len(lay.nodes)) // in the layer below
	for i, r := range lay.routes {
		if back[i] {
			continue
		}
		for k := 0; k+1 < len(r); k++ {
			a, b := r[k], r[k+1]
			if lay.nodes[a].layer != lay.nodes[b].layer+1 {
				continue
			}
			up[a] = append(up[a], b)
			down[b] = append(down[b], a)
		}
	}
	pos := make([]float64, len(lay.nodes))
	reindex := func(l int) {
		for i, v := range layers[l] {
			pos[v] = float64(i)
		}
	}
	for l := range layers {
		reindex(l)
	}
	sweep := func(l int, nb [][]int) {
		bary := make(map[int]float64, len(layers[l]))
		for _, v := range layers[l] {
			if len(nb[v]) == 0 {
				bary[v] = pos[v]
				continue
			}
			s := 0.0
			for _, u := range nb[v] {
				s += pos[u]
			}
			bary[v] = s / float64(len(nb[v]))
		}
		slices.SortStableFunc(layers[l], func(a, b int) int {
			switch {
			case bary[a] < bary[b]:
				return -1
			case bary[a] > bary[b]:
				return 1
			}
			return 0
		})
		reindex(l)
	}
	for range 3 {
		for l := 1; l <= top; l++ {
			sweep(l, up)
		}
		for l := top - 1; l >= 0; l-- {
			sweep(l, down)
		}
	}

	// Columns: the deepest layer leftmost, the domain rightmost; nodes centred in their
	// column and each column centred vertically.
	colW := make([]float64, top+1)
	colH := make([]float64, top+1)
	for l, vs := range layers {
		for i, v := range vs {
			colW[l] = max(colW[l], lay.nodes[v].w)
			if i > 0 {
				colH[l] += svgRowGap
			}
			colH[l] += lay.nodes[v].h
		}
	}
	maxH := slices.Max(colH)
	x := 0.0
	for l := top; l >= 0; l-- {
		y := (maxH - colH[l]) / 2
		for _, v := range layers[l] {
			p := &lay.nodes[v]
			if p.dummy {
				p.x, p.w = x, colW[l]
			} else {
				p.x = x + (colW[l]-p.w)/2
			}
			p.y = y
			y += p.h + svgRowGap
		}
		x += colW[l]
		if l > 0 {
			x += svgColGap
		}
	}
	lay.w, lay.h = x, maxH
	for i := range lay.nodes {
		lay.nodes[i].x, lay.nodes[i].y = round1(lay.nodes[i].x), round1(lay.nodes[i].y)
	}
	lay.ports()
	return lay
}

// ports spreads the ends of the forward edges over the middle of their nodes' sides.
func (lay *layout) ports() {
	lay.outY = make([]float64, len(lay.routes))
	lay.inY = make([]float64, len(lay.routes))
	leaving := make([][]int, len(lay.nodes))
	entering := make([][]int, len(lay.nodes))
	centre := func(v int) float64 { return lay.nodes[v].y + lay.nodes[v].h/2 }
	for i, r := range lay.routes {
		lay.outY[i], lay.inY[i] = centre(r[0]), centre(r[len(r)-1])
		if lay.back[i] {
			continue
		}
		leaving[r[0]] = append(leaving[r[0]], i)
		entering[r[len(r)-1]] = append(entering[r[len(r)-1]], i)
	}
	spread := func(v int, edges []int, other func(i int) int, set []float64) {
		if len(edges) < 2 {
			return
		}
		slices.SortStableFunc(edges, func(a, b int) int {
			ya, yb := centre(other(a)), centre(other(b))
			switch {
			case ya < yb:
				return -1
			case ya > yb:
				return 1
			}
			return 0
		})
		p := lay.nodes[v]
		band := p.h * 0.6
		for k, i := range edges {
			set[i] = round1(p.y + (p.h-band)/2 + band*float64(k)/float64(len(edges)-1))
		}
	}
	for v := range lay.nodes {
		spread(v, leaving[v], func(i int) int { return lay.routes[i][1] }, lay.outY)
		spread(v, entering[v], func(i int) int { r := lay.routes[i]; return r[len(r)-2] }, lay.inY)
	}
}

func round1(v float64) float64 {
	if v < 0 {
		return -float64(int64(-v*10+0.5)) / 10
	}
	return float64(int64(v*10+0.5)) / 10
}

var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#39;", "\r", "", "\x00", "")

// xmlText escapes s for SVG text and attribute values, dropping what XML 1.0 forbids.
func xmlText(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' {
			return -1
		}
		if r == 0xfffe || r == 0xffff {
			return -1
		}
		return r
	}, s)
	return xmlEscaper.Replace(s)
}

type legendItem struct {
	node  bool
	nk    nodeKind
	ek    edgeKind
	label string
	w     float64
}

// legendFor lists the kinds of node and edge g shows, in a fixed order.
func legendFor(lang string, g lossGraph) []legendItem {
	hasN, hasE := map[nodeKind]bool{}, map[edgeKind]bool{}
	for _, n := range g.nodes {
		hasN[n.kind] = true
	}
	for _, e := range g.edges {
		hasE[e.kind] = true
	}
	var items []legendItem
	for _, k := range []struct {
		k   nodeKind
		key string
	}{{nodeDomain, "legend.domain"}, {nodeBroken, "legend.broken"}, {nodeDown, "legend.down"}, {nodeSurvives, "legend.survives"}} {
		if hasN[k.k] {
			items = append(items, legendItem{node: true, nk: k.k, label: graphWord(lang, k.key)})
		}
	}
	for _, k := range []struct {
		k   edgeKind
		key string
	}{{edgeCause, "legend.cause"}, {edgeDepends, "legend.depends"}, {edgeTooling, "legend.tooling"}, {edgeSurvives, "legend.survive"}} {
		if hasE[k.k] {
			items = append(items, legendItem{ek: k.k, label: graphWord(lang, k.key)})
		}
	}
	for i := range items {
		items[i].w = 26 + textWidth(items[i].label, svgSubPx) + 16
	}
	return items
}

// svgPanel is one failure's picture, positioned at the origin.
type svgPanel struct {
	g      lossGraph
	lay    layout
	legend []legendItem
	rows   [][]legendItem
	w, h   float64
}

func newPanel(lang string, g lossGraph) svgPanel {
	p := svgPanel{g: g, lay: layoutGraph(g), legend: legendFor(lang, g)}
	p.w = max(p.lay.w, textWidth(g.title, 13)*1.05, textWidth(g.caption, 11), 360)
	var row []legendItem
	rowW := 0.0
	for _, it := range p.legend {
		if len(row) > 0 && rowW+it.w > p.w {
			p.rows = append(p.rows, row)
			row, rowW = nil, 0
		}
		row = append(row, it)
		rowW += it.w
	}
	if len(row) > 0 {
		p.rows = append(p.rows, row)
	}
	p.w += 2 * svgPad
	p.h = svgPad + 40 + p.lay.h + 14 + float64(len(p.rows))*18 + svgPad
	return p
}

const svgHeader = 40.0 // the title and caption lines above the graph

// draw writes the panel's elements, offset by dy.
func (p svgPanel) draw(w *errWriter, dy float64) {
	g, lay := p.g, p.lay
	w.printf(`<g transform="translate(0 %s)">`+"\n", num(dy))
	w.printf(`<rect x="0.5" y="0.5" width="%s" height="%s" rx="4" fill="#ffffff" stroke="#d0d5dd"/>`+"\n", num(p.w-1), num(p.h-1))
	w.printf(`<text x="%s" y="%s" font-size="13" font-weight="700" fill="#101828">%s</text>`+"\n", num(svgPad), num(svgPad+13), xmlText(g.title))
	w.printf(`<text x="%s" y="%s" font-size="11" fill="#475467">%s</text>`+"\n", num(svgPad), num(svgPad+30), xmlText(g.caption))
	ox, oy := svgPad+round1((p.w-2*svgPad-lay.w)/2), svgPad+svgHeader
	w.printf(`<g transform="translate(%s %s)">`+"\n", num(ox), num(oy))
	for i, e := range g.edges {
		p.drawEdge(w, i, e)
	}
	for i, n := range g.nodes {
		drawNode(w, lay.nodes[i], n)
	}
	w.str("</g>\n")
	ly := oy + lay.h + 14
	for _, row := range p.rows {
		x := svgPad
		for _, it := range row {
			if it.node {
				s := nodeStyles[it.nk]
				w.printf(`<rect x="%s" y="%s" width="18" height="11" rx="2" fill="%s" stroke="%s" stroke-width="%s"/>`, num(x), num(ly), s.fill, s.stroke, num(min(s.width, 2)))
			} else {
				s := edgeStyles[it.ek]
				w.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="%s"%s/>`, num(x), num(ly+5.5), num(x+18), num(ly+5.5), s.stroke, num(s.width), dashAttr(s.dash))
			}
			w.printf(`<text x="%s" y="%s" font-size="10" fill="#344054">%s</text>`+"\n", num(x+24), num(ly+9.5), xmlText(it.label))
			x += it.w
		}
		ly += 18
	}
	w.str("</g>\n")
}

func dashAttr(d string) string {
	if d == "" {
		return ""
	}
	return ` stroke-dasharray="` + d + `"`
}

func drawNode(w *errWriter, p placed, n gNode) {
	s := nodeStyles[n.kind]
	w.str("<g>")
	if n.title != "" {
		w.printf("<title>%s</title>", xmlText(n.title))
	}
	w.printf(`<rect x="%s" y="%s" width="%s" height="%s" rx="%s" fill="%s" stroke="%s" stroke-width="%s"%s/>`,
		num(p.x), num(p.y), num(round1(p.w)), num(p.h), map[bool]string{true: "1", false: "6"}[n.kind == nodeDomain], s.fill, s.stroke, num(s.width), dashAttr(s.dash))
	cx := num(round1(p.x + p.w/2))
	weight := "600"
	if n.kind == nodeMoreDown || n.kind == nodeMoreSurvive {
		weight = "400"
	}
	if n.sub == "" {
		w.printf(`<text x="%s" y="%s" text-anchor="middle" font-size="12" font-weight="%s" fill="%s">%s</text>`, cx, num(p.y+17), weight, s.font, xmlText(clip(n.label, 40)))
	} else {
		w.printf(`<text x="%s" y="%s" text-anchor="middle" font-size="12" font-weight="%s" fill="%s">%s</text>`, cx, num(p.y+16), weight, s.font, xmlText(clip(n.label, 40)))
		w.printf(`<text x="%s" y="%s" text-anchor="middle" font-size="10" fill="%s">%s</text>`, cx, num(p.y+30), s.font, xmlText(clip(n.sub, 48)))
	}
	w.str("</g>\n")
}

// drawEdge draws edge i along its route: smooth curves between columns, straight through
// the columns its dummies stand in, an arrowhead at the node it points to.
func (p svgPanel) drawEdge(w *errWriter, i int, e gEdge) {
	lay := p.lay
	s := edgeStyles[e.kind]
	r := lay.routes[i]
	var d strings.Builder
	var ex, ey float64
	var head string
	if lay.back[i] {
		// Against the layering (a cycle): the node pointed to stands further left, so the
		// edge runs back from the left side of one to the right side of the other, low on
		// both so it stays clear of the forward edges between them.
		a, b := lay.nodes[r[0]], lay.nodes[r[len(r)-1]]
		x1, y1 := a.x, a.y+a.h-4
		ex, ey = round1(b.x+b.w), b.y+b.h-4
		mx := round1((x1 + ex + 6) / 2)
		d.WriteString("M" + num(x1) + " " + num(y1) + " C" + num(mx) + " " + num(y1) + " " + num(mx) + " " + num(ey) + " " + num(ex+6) + " " + num(ey))
		head = num(ex) + "," + num(ey) + " " + num(ex+7) + "," + num(ey-3.5) + " " + num(ex+7) + "," + num(ey+3.5)
	} else {
		a := lay.nodes[r[0]]
		x, y := round1(a.x+a.w), lay.outY[i]
		d.WriteString("M" + num(x) + " " + num(y))
		for k := 1; k < len(r); k++ {
			b := lay.nodes[r[k]]
			nx, ny := b.x, round1(b.y+b.h/2)
			last := k == len(r)-1
			if last {
				nx -= 6 // leave room for the arrowhead
				ny = lay.inY[i]
			}
			mx := round1((x + nx) / 2)
			d.WriteString(" C" + num(mx) + " " + num(y) + " " + num(mx) + " " + num(ny) + " " + num(nx) + " " + num(ny))
			x, y = nx, ny
			if b.dummy && !last {
				x = round1(b.x + b.w)
				d.WriteString(" L" + num(x) + " " + num(y))
			}
		}
		ex, ey = x+6, y
		head = num(ex) + "," + num(ey) + " " + num(ex-7) + "," + num(ey-3.5) + " " + num(ex-7) + "," + num(ey+3.5)
	}
	w.printf(`<path d="%s" fill="none" stroke="%s" stroke-width="%s"%s/>`, d.String(), s.stroke, num(s.width), dashAttr(s.dash))
	w.printf(`<polygon points="%s" fill="%s"/>`+"\n", head, s.stroke)
}

// svgOpen starts an SVG document of w × h, scaled down to fit its container.
func svgOpen(w *errWriter, lang, label string, width, height float64) {
	w.printf(`<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="%s" lang="%s" width="%s" height="%s" viewBox="0 0 %s %s" font-family="%s" style="max-width:100%%;height:auto">`+"\n",
		xmlText(label), lang, num(width), num(height), num(width), num(height), xmlText(svgFont))
}

// writeSVGDocument stacks every failure's panel in one standalone SVG document.
func writeSVGDocument(w *errWriter, lang string, gs []lossGraph) {
	w.str(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	if len(gs) == 0 {
		msg := graphWord(lang, "none")
		width := textWidth(msg, 12) + 2*svgPad + 20
		svgOpen(w, lang, msg, width, 44)
		s := nodeStyles[nodeSurvives]
		w.printf(`<rect x="1" y="1" width="%s" height="42" rx="6" fill="%s" stroke="%s"/>`+"\n", num(round1(width-2)), s.fill, s.stroke)
		w.printf(`<text x="%s" y="27" font-size="12" fill="%s">%s</text>`+"\n", num(svgPad+10), s.font, xmlText(msg))
		w.str("</svg>\n")
		return
	}
	panels := make([]svgPanel, len(gs))
	width, height := 0.0, 0.0
	for i, g := range gs {
		panels[i] = newPanel(lang, g)
		width = max(width, panels[i].w)
		if i > 0 {
			height += 16
		}
		height += panels[i].h
	}
	svgOpen(w, lang, graphWord(lang, "title"), round1(width), round1(height))
	y := 0.0
	for _, p := range panels {
		p.draw(w, y)
		y += p.h + 16
	}
	w.str("</svg>\n")
}

// lossSVG is one failure's picture as an SVG element for the HTML report.
func lossSVG(lang string, g lossGraph) string {
	var b strings.Builder
	w := &errWriter{w: &b}
	p := newPanel(lang, g)
	svgOpen(w, lang, g.title+" — "+g.caption, round1(p.w), round1(p.h))
	p.draw(w, 0)
	w.str("</svg>")
	return b.String()
}

// lossPictures are the SVG pictures of the failures of sl that take services down, for the
// HTML report. The SVG is built here with every text and attribute value escaped, so the
// template may place it as it is.
func lossPictures(lang, name string, sl *audit.SiteLoss) []template.HTML {
	var out []template.HTML
	for _, g := range graphs(lang, []GraphManifest{{Name: name, SiteLoss: sl}}) {
		out = append(out, template.HTML(lossSVG(lang, g)))
	}
	return out
}
