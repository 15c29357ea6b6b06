package manifest

import (
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// fastYAML parses the block YAML manifests are written in, one document of mappings,
// lists, one-line scalars and one-line flow lists and mappings, into the tree
// go.yaml.in/yaml builds for it: the same kinds, styles, tags, values, lines and columns,
// the tag of a plain scalar resolved by the library's own rules.
// Its parser was most of the time spent decoding a manifest.
//
// ok is false for anything else (anchors, aliases, tags, block scalars, scalars or flow
// collections over several lines, complex keys, directives, tabs, carriage returns, several
// documents) and for every syntax error: the caller then decodes the file with
// go.yaml.in/yaml, so the library alone decides what is an error and how it is put.
//
// release hands the tree's memory back for the next parse: call it once nothing of the tree
// is used any more (the builder keeps no node), and never touch the tree after.
func fastYAML(data []byte) (doc *yaml.Node, release func(), ok bool) {
	if _, ok := fastChars(data); !ok {
		return nil, nil, false
	}
	p := &fastParser{s: string(data)}
	defer func() {
		if r := recover(); r != nil {
			if _, declined := r.(fastDecline); !declined {
				panic(r)
			}
			p.release()
			doc, release, ok = nil, nil, false
		}
	}()
	return p.document(), p.release, true
}

// slabSize is how many nodes, or Content pointers, a slab holds.
const slabSize = 128

// Slabs are reused from parse to parse: a document's tree is garbage as soon as the builder
// has converted it, and a sweep allocated every file's tree afresh (an eighth of all it
// allocated). A slab comes back cleared, so no node of an earlier file shows through.
var (
	nodeSlabs = sync.Pool{New: func() any { s := make([]yaml.Node, slabSize); return &s }}
	ptrSlabs  = sync.Pool{New: func() any { s := make([]*yaml.Node, slabSize); return &s }}
)

// release clears the slabs the parse took and returns them to their pools.
func (p *fastParser) release() {
	for _, s := range p.nodeSlabs {
		clear(*s)
		nodeSlabs.Put(s)
	}
	for _, s := range p.ptrSlabs {
		clear(*s)
		ptrSlabs.Put(s)
	}
	p.nodeSlabs, p.ptrSlabs, p.nodes, p.ptrs = nil, nil, nil, nil
}

// fastChars checks that data holds only characters the fast parser treats exactly as
// go.yaml.in/yaml does: no tab, carriage return or other control character, none of the
// line breaks YAML knows besides "\n" (NEL, LS, PS), no byte order mark or noncharacter
// the library refuses. It returns the number of lines.
func fastChars(data []byte) (lines int, ok bool) {
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			if c == '\n' {
				lines++
			} else if c < 0x20 || c == 0x7F {
				return 0, false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r < 0xA0 || r == 0x2028 || r == 0x2029 || r == 0xFEFF || r == 0xFFFE || r == 0xFFFF ||
			(r == utf8.RuneError && size == 1) {
			return 0, false
		}
		i += size
	}
	return lines + 1, true
}

// fastDecline is the panic that abandons the fast parser.
type fastDecline struct{}

type fastParser struct {
	s      string // the file
	ls, le int    // the current line: its first byte and its end ('\n' or len(s))
	line   int    // its number, 1-based
	ind    int    // its indentation when it holds content; -1 past the last line
	pos    int    // where the parser is on it
	// Nodes and the Content of collections come from pooled slabs (nodeSlabs, ptrSlabs):
	// nodes and ptrs are what is left of the current ones.
	nodes     []yaml.Node
	ptrs      []*yaml.Node
	nodeSlabs []*[]yaml.Node
	ptrSlabs  []*[]*yaml.Node
	stack     []*yaml.Node // the members of the collections being parsed
	begun     bool         // a "---" or a line of content was met: no "---" may follow
	depth     int          // block collections open
	// The last column counted: its line, byte offset and column.
	colLine, colOff, colCol int
	// strs holds each distinct scalar met once, in memory of its own. A value must not be a
	// substring of s: a name or an id kept after the document is dropped (a report's
	// summary, the run's table of manifest names) would keep the whole file alive with it,
	// and a sweep of 10,000 files grew by that much. Keys and values repeat within a file,
	// so they are copied once each.
	strs map[string]string
}

// own is s in memory of its own, the same string for the same text within the file.
func (p *fastParser) own(s string) string {
	if c, ok := p.strs[s]; ok {
		return c
	}
	if p.strs == nil {
		p.strs = make(map[string]string, 64)
	}
	c := strings.Clone(s)
	p.strs[c] = c
	return c
}

func (p *fastParser) decline() { panic(fastDecline{}) }

// maxFastDepth is how deep block collections may nest, far below the library's own limit
// (10,000) and far above the builder's.
const maxFastDepth = 1000

// maxFastKey is the longest key taken: the library refuses a key of more than 1,024
// characters, and counting them exactly is not worth it for a key that long.
const maxFastKey = 1000

func (p *fastParser) document() *yaml.Node {
	p.line = 1
	p.setLine(0)
	p.toContent()
	if p.ind < 0 {
		p.decline()
	}
	p.pos = p.ls + p.ind
	root := p.block(p.ind)
	if p.ind >= 0 {
		p.decline()
	}
	doc := p.node(yaml.DocumentNode, root.Line, root.Column)
	p.stack = append(p.stack, root)
	doc.Content = p.collect(len(p.stack) - 1)
	return doc
}

func (p *fastParser) setLine(off int) {
	p.ls = off
	if e := strings.IndexByte(p.s[off:], '\n'); e >= 0 {
		p.le = off + e
	} else {
		p.le = len(p.s)
	}
}

// toContent moves from the current line to the first line, it included, that holds more
// than blanks and a comment, and sets ind; a document marker declines, except a "---"
// before the content.
func (p *fastParser) toContent() {
	for {
		i := p.ls
		for i < p.le && p.s[i] == ' ' {
			i++
		}
		if i < p.le && p.s[i] != '#' {
			if i == p.ls && p.le-i >= 3 && (p.s[i:i+3] == "---" || p.s[i:i+3] == "...") &&
				(p.le-i == 3 || p.s[i+3] == ' ') {
				if p.begun || p.s[i] == '.' {
					p.decline()
				}
				p.begun = true // a second "---" would start a second document
				p.pos = i + 3
				p.endLine()
			} else {
				p.ind = i - p.ls
				p.begun = true
				return
			}
		}
		if p.le >= len(p.s) {
			p.ind = -1
			return
		}
		p.line++
		p.setLine(p.le + 1)
	}
}

// next moves to the next line of content.
func (p *fastParser) next() {
	if p.le >= len(p.s) {
		p.ind = -1
		return
	}
	p.line++
	p.setLine(p.le + 1)
	p.toContent()
}

// endLine checks that only blanks and a comment follow pos on the line.
func (p *fastParser) endLine() {
	i := p.pos
	for i < p.le && p.s[i] == ' ' {
		i++
	}
	if i < p.le && (p.s[i] != '#' || p.s[i-1] != ' ') {
		p.decline()
	}
}

// col is the 1-based column of off on the current line, in characters as the library
// counts them.
func (p *fastParser) col(off int) int {
	// Counted on from the last column asked on the line, so a long line of flow members
	// is not counted from its start for each.
	from, c := p.ls, 1
	if p.colLine == p.line && p.colOff <= off {
		from, c = p.colOff, p.colCol
	}
	ascii := true
	for i := from; i < off; i++ {
		if p.s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		c += off - from
	} else {
		c += utf8.RuneCountInString(p.s[from:off])
	}
	p.colLine, p.colOff, p.colCol = p.line, off, c
	return c
}

func (p *fastParser) node(kind yaml.Kind, line, col int) *yaml.Node {
	if len(p.nodes) == 0 {
		slab := nodeSlabs.Get().(*[]yaml.Node)
		p.nodeSlabs = append(p.nodeSlabs, slab)
		p.nodes = *slab
	}
	n := &p.nodes[0]
	p.nodes = p.nodes[1:]
	n.Kind, n.Line, n.Column = kind, line, col
	return n
}

func (p *fastParser) scalar(style yaml.Style, value string, off int) *yaml.Node {
	n := p.node(yaml.ScalarNode, p.line, p.col(off))
	n.Style, n.Value = style, p.own(value)
	switch {
	case style != 0 || (value != "" && !mayResolve[value[0]]):
		n.Tag = "!!str"
	default:
		// The library's own resolver, once, as its parser does: left empty, the tag would
		// be resolved again at each of the builder's ShortTag calls, each time through a
		// deferred closure and an allocation.
		n.Tag = n.ShortTag()
	}
	return n
}

// mayResolve marks the first characters of the plain scalars go.yaml.in/yaml may resolve
// to a tag other than !!str (its resolve table): any other is a string.
var mayResolve = func() (t [256]bool) {
	for _, c := range "+-0123456789yYnNtTfFoO~<." {
		t[c] = true
	}
	return t
}()

// collect moves the members stacked from base on into a Content slice.
func (p *fastParser) collect(base int) []*yaml.Node {
	k := len(p.stack) - base
	if k > len(p.ptrs) {
		if k > slabSize {
			p.ptrs = make([]*yaml.Node, k) // a long list: of its own, not pooled
		} else {
			slab := ptrSlabs.Get().(*[]*yaml.Node)
			p.ptrSlabs = append(p.ptrSlabs, slab)
			p.ptrs = *slab
		}
	}
	c := p.ptrs[:k:k]
	p.ptrs = p.ptrs[k:]
	copy(c, p.stack[base:])
	clear(p.stack[base:])
	p.stack = p.stack[:base]
	return c
}

func (p *fastParser) isEntry(off int) bool {
	return p.s[off] == '-' && (off+1 == p.le || p.s[off+1] == ' ')
}

// block parses the list or mapping at pos, which is at column ind of its line.
func (p *fastParser) block(ind int) *yaml.Node {
	if p.isEntry(p.pos) {
		return p.sequence(ind, false)
	}
	return p.mapping(ind)
}

// open counts a block collection opening; close the end of one.
func (p *fastParser) open() {
	if p.depth++; p.depth > maxFastDepth {
		p.decline()
	}
}

func (p *fastParser) close() { p.depth-- }

// sequence parses a block list whose first "-" is at pos, column ind. An indentless list
// (the value of a key written at the same column) ends at the next key of that mapping.
func (p *fastParser) sequence(ind int, indentless bool) *yaml.Node {
	p.open()
	n := p.node(yaml.SequenceNode, p.line, ind+1)
	base := len(p.stack)
	for {
		p.pos++
		p.stack = append(p.stack, p.value(ind, false))
		if p.ind < ind {
			break
		}
		if p.ind > ind {
			p.decline()
		}
		if !p.isEntry(p.ls + ind) {
			if !indentless {
				p.decline()
			}
			break
		}
		p.pos = p.ls + ind
	}
	n.Content = p.collect(base)
	p.close()
	return n
}

// mapping parses a block mapping whose first key is at pos, column ind.
func (p *fastParser) mapping(ind int) *yaml.Node {
	p.open()
	n := p.node(yaml.MappingNode, p.line, ind+1)
	base := len(p.stack)
	for {
		p.stack = append(p.stack, p.key())
		p.stack = append(p.stack, p.value(ind, true))
		if p.ind < ind {
			break
		}
		if p.ind > ind {
			p.decline()
		}
		p.pos = p.ls + ind
	}
	n.Content = p.collect(base)
	p.close()
	return n
}

// key parses the key at pos and the ":" after it.
func (p *fastParser) key() *yaml.Node {
	start := p.pos
	var n *yaml.Node
	switch p.s[start] {
	case '"', '\'':
		n = p.quoted()
		for p.pos < p.le && p.s[p.pos] == ' ' {
			p.pos++
		}
		if p.pos == p.le || p.s[p.pos] != ':' || (p.pos+1 < p.le && p.s[p.pos+1] != ' ') {
			p.decline()
		}
	default:
		p.plainStart(start)
		i := start
		for ; i < p.le; i++ {
			c := p.s[i]
			if c == ':' && (i+1 == p.le || p.s[i+1] == ' ') {
				break
			}
			if c == '#' && p.s[i-1] == ' ' {
				p.decline()
			}
		}
		if i == p.le {
			p.decline()
		}
		end := i
		for p.s[end-1] == ' ' {
			end--
		}
		n = p.scalar(0, p.s[start:end], start)
		p.pos = i
	}
	if p.pos-start > maxFastKey {
		p.decline()
	}
	p.pos++ // the ':'
	return n
}

// isKey reports whether a key and its ":" start at off.
func (p *fastParser) isKey(off int) bool {
	s := p.s
	i := off
	switch s[off] {
	case '[', '{':
		return false
	case '"', '\'':
		q := s[off]
		for i++; i < p.le && s[i] != q; i++ {
			if q == '"' && s[i] == '\\' {
				i++
			} else if q == '\'' && i+1 < p.le && s[i+1] == '\'' && s[i] == '\'' {
				i++
			}
		}
		if i >= p.le {
			return false
		}
		for i++; i < p.le && s[i] == ' '; i++ {
		}
		return i < p.le && s[i] == ':' && (i+1 == p.le || s[i+1] == ' ')
	}
	for ; i < p.le; i++ {
		if s[i] == ':' && (i+1 == p.le || s[i+1] == ' ') {
			return true
		}
		if s[i] == '#' && i > off && s[i-1] == ' ' {
			return false
		}
	}
	return false
}

// value parses what follows a ":" (inMapping) or a "-" at pos, in the mapping or list at
// column owner, and moves to the next line of content after it.
func (p *fastParser) value(owner int, inMapping bool) *yaml.Node {
	mark := p.pos
	i := p.pos
	for i < p.le && p.s[i] == ' ' {
		i++
	}
	if i == p.le || p.s[i] == '#' {
		// The value is on the lines below, or empty: the library places an empty value
		// right after its indicator.
		line, col := p.line, p.col(mark)
		p.next()
		if p.ind > owner {
			p.pos = p.ls + p.ind
			if !p.isEntry(p.pos) && !p.isKey(p.pos) {
				p.decline()
			}
			return p.block(p.ind)
		}
		if inMapping && p.ind == owner && p.isEntry(p.ls+owner) {
			p.pos = p.ls + owner
			return p.sequence(owner, true)
		}
		n := p.node(yaml.ScalarNode, line, col)
		n.Tag = "!!null"
		return n
	}
	p.pos = i
	if !inMapping {
		if p.isEntry(i) {
			return p.sequence(i-p.ls, false)
		}
		if p.isKey(i) {
			return p.mapping(i - p.ls)
		}
	}
	var n *yaml.Node
	switch p.s[i] {
	case '"', '\'':
		n = p.quoted()
	case '[':
		n = p.flowSequence(1)
	case '{':
		n = p.flowMapping(1)
	default:
		n = p.plain()
	}
	p.endLine()
	p.next()
	if p.ind > owner {
		p.decline() // a scalar continued on the next line, or a syntax error
	}
	return n
}

// plainStart declines a plain scalar starting at off with an indicator.
func (p *fastParser) plainStart(off int) {
	switch p.s[off] {
	case ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', '?', ':', ' ':
		p.decline()
	case '-':
		if off+1 == p.le || p.s[off+1] == ' ' {
			p.decline()
		}
	}
}

// plain parses a plain scalar at pos that ends the line (but for a comment).
func (p *fastParser) plain() *yaml.Node {
	start := p.pos
	p.plainStart(start)
	end := p.le
	for i := start + 1; i < p.le; i++ {
		c := p.s[i]
		if c == ':' && (i+1 == p.le || p.s[i+1] == ' ') {
			p.decline()
		}
		if c == '#' && p.s[i-1] == ' ' {
			end = i
			break
		}
	}
	p.pos = end
	for p.s[end-1] == ' ' {
		end--
	}
	return p.scalar(0, p.s[start:end], start)
}

// flowPlain parses a plain scalar inside a one-line flow collection; it may hold no
// indicator the library reads differently there.
func (p *fastParser) flowPlain() *yaml.Node {
	start := p.pos
	p.plainStart(start)
	i := start
	for ; i < p.le; i++ {
		c := p.s[i]
		if c == ',' || c == ']' || c == '}' {
			break
		}
		if c == '?' || c == '[' || c == '{' || (c == '#' && p.s[i-1] == ' ') {
			p.decline()
		}
		if c == ':' {
			// Part of the scalar unless a blank or an indicator follows.
			if i+1 == p.le || strings.IndexByte(" ,[]{}?#", p.s[i+1]) >= 0 {
				p.decline()
			}
		}
	}
	if i == p.le {
		p.decline()
	}
	p.pos = i
	for p.s[i-1] == ' ' {
		i--
	}
	return p.scalar(0, p.s[start:i], start)
}

// maxFastFlow is how deep one-line flow collections may nest, far below the library's
// own limit.
const maxFastFlow = 32

// flowNode parses a member of a one-line flow collection, depth deep in flow collections.
func (p *fastParser) flowNode(depth int) *yaml.Node {
	switch p.s[p.pos] {
	case '"', '\'':
		return p.quoted()
	case '[':
		return p.flowSequence(depth + 1)
	case '{':
		return p.flowMapping(depth + 1)
	}
	return p.flowPlain()
}

func (p *fastParser) skipSpaces() {
	for p.pos < p.le && p.s[p.pos] == ' ' {
		p.pos++
	}
	if p.pos == p.le {
		p.decline()
	}
}

// flowSequence parses "[a, b, c]" written on one line.
func (p *fastParser) flowSequence(depth int) *yaml.Node {
	return p.flowCollection(yaml.SequenceNode, ']', depth, func() {
		p.stack = append(p.stack, p.flowNode(depth))
	})
}

// flowMapping parses "{k: v, k2: v2}" written on one line, its keys scalars.
func (p *fastParser) flowMapping(depth int) *yaml.Node {
	return p.flowCollection(yaml.MappingNode, '}', depth, func() {
		var k *yaml.Node
		if c := p.s[p.pos]; c == '"' || c == '\'' {
			start := p.pos
			k = p.quoted()
			if p.pos-start > maxFastKey {
				p.decline()
			}
		} else {
			start := p.pos
			p.plainStart(start)
			i := start
			for ; i < p.le && p.s[i] != ':'; i++ {
				if c := p.s[i]; c == ',' || c == '?' || c == '[' || c == ']' || c == '{' || c == '}' || (c == '#' && p.s[i-1] == ' ') {
					p.decline()
				}
			}
			end := i
			for end > start && p.s[end-1] == ' ' {
				end--
			}
			k = p.scalar(0, p.s[start:end], start)
			p.pos = i
			if i-start > maxFastKey {
				p.decline()
			}
		}
		if p.pos+1 >= p.le || p.s[p.pos] != ':' || p.s[p.pos+1] != ' ' {
			p.decline()
		}
		p.pos++
		p.skipSpaces()
		p.stack = append(p.stack, k, p.flowNode(depth))
	})
}

// flowCollection parses a one-line flow collection at pos, of kind, ending at closer: item
// parses one member (a value, or a key and its value) onto the stack; members are separated
// by commas.
func (p *fastParser) flowCollection(kind yaml.Kind, closer byte, depth int, item func()) *yaml.Node {
	if depth > maxFastFlow {
		p.decline()
	}
	n := p.node(kind, p.line, p.col(p.pos))
	n.Style = yaml.FlowStyle
	base := len(p.stack)
	p.pos++
	p.skipSpaces()
	if p.s[p.pos] != closer {
		for {
			item()
			p.skipSpaces()
			if p.s[p.pos] == closer {
				break
			}
			if p.s[p.pos] != ',' {
				p.decline()
			}
			p.pos++
			p.skipSpaces()
		}
	}
	p.pos++
	n.Content = p.collect(base)
	return n
}

// quoted parses a single- or double-quoted scalar at pos that ends on its line.
func (p *fastParser) quoted() *yaml.Node {
	start := p.pos
	q := p.s[start]
	plain := true // no escape: the value is the text between the quotes
	i := start + 1
	for ; i < p.le; i++ {
		c := p.s[i]
		if c == q {
			if q == '\'' && i+1 < p.le && p.s[i+1] == '\'' {
				plain = false
				i++
				continue
			}
			break
		}
		if c == '\\' && q == '"' {
			plain = false
			i++
		}
	}
	if i >= p.le {
		p.decline() // continued on the next line
	}
	p.pos = i + 1
	style := yaml.DoubleQuotedStyle
	if q == '\'' {
		style = yaml.SingleQuotedStyle
	}
	body := p.s[start+1 : i]
	if plain {
		return p.scalar(style, body, start)
	}
	if q == '\'' {
		return p.scalar(style, strings.ReplaceAll(body, "''", "'"), start)
	}
	return p.scalar(style, p.unescape(body), start)
}

// unescape decodes the escapes of a double-quoted scalar as the library does.
func (p *fastParser) unescape(body string) string {
	b := make([]byte, 0, len(body))
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c != '\\' {
			b = append(b, c)
			continue
		}
		i++
		if i == len(body) {
			p.decline()
		}
		n := 0
		switch body[i] {
		case '0':
			b = append(b, 0)
		case 'a':
			b = append(b, '\a')
		case 'b':
			b = append(b, '\b')
		case 't':
			b = append(b, '\t')
		case 'n':
			b = append(b, '\n')
		case 'v':
			b = append(b, '\v')
		case 'f':
			b = append(b, '\f')
		case 'r':
			b = append(b, '\r')
		case 'e':
			b = append(b, 0x1B)
		case ' ', '"', '\'', '\\':
			b = append(b, body[i])
		case 'N':
			b = append(b, "\u0085"...)
		case '_':
			b = append(b, "\u00a0"...)
		case 'L':
			b = append(b, "\u2028"...)
		case 'P':
			b = append(b, "\u2029"...)
		case 'x':
			n = 2
		case 'u':
			n = 4
		case 'U':
			n = 8
		default:
			p.decline()
		}
		if n == 0 {
			continue
		}
		if i+n >= len(body) {
			p.decline()
		}
		r := int64(0)
		for _, h := range []byte(body[i+1 : i+1+n]) {
			var d byte
			switch {
			case h >= '0' && h <= '9':
				d = h - '0'
			case h >= 'a' && h <= 'f':
				d = h - 'a' + 10
			case h >= 'A' && h <= 'F':
				d = h - 'A' + 10
			default:
				p.decline()
			}
			r = r<<4 | int64(d)
		}
		if (r >= 0xD800 && r <= 0xDFFF) || r > 0x10FFFF {
			p.decline()
		}
		b = utf8.AppendRune(b, rune(r))
		i += n
	}
	return string(b)
}
