package manifest

import (
	"strconv"
	"strings"
	"sync"

	"github.com/resilcheck/resilcheck/internal/audit"
)

// posEntry is where one value of a document was written. The entries of a document are kept
// in one slice in document order (a value, then the values inside it), so a decoder adds
// one entry per value with an append and no pointer string is built unless a person is
// shown one: maps keyed by pointers were a large share of decoding time and memory.
type posEntry struct {
	name            string // the key naming it in its mapping; "" in a list and at the root
	elem            int32  // its index in its list; -1 in a mapping and at the root
	end             int32  // one past the last entry of the values inside it
	line, col       int32
	keyLine, keyCol int32 // where its key was written; 0 outside a mapping
}

// posTable is the entries of one document; entry 0 is the document's root value. 32 bits
// hold the lines, columns and entries of any file under 2 GiB.
type posTable []posEntry

// add records a value about to be decoded and returns its index; its position is set once
// the value's first token is known, and its end by close.
func (t *posTable) add(name string, elem int, keyLine, keyCol int) int32 {
	*t = append(*t, posEntry{name: name, elem: int32(elem), keyLine: int32(keyLine), keyCol: int32(keyCol)})
	return int32(len(*t) - 1)
}

func (t posTable) at(e int32, line, col int) {
	t[e].line, t[e].col = int32(line), int32(col)
}

// close marks the entries added since e as the values inside it.
func (t posTable) close(e int32) {
	t[e].end = int32(len(t))
}

// child finds the value named by one reference token of a JSON pointer among the values
// directly inside e: in a mapping the last entry of that name wins, as a key written in a
// mapping overrides what a YAML merge key brought in; in a list the token is the index,
// written the way Join writes it.
func (t posTable) child(x *posIndex, e int32, token string) (int32, bool) {
	if len(x.lists) > 0 || len(x.maps) > 0 {
		if c, ok, indexed := x.child(e, token); indexed {
			return c, ok
		}
	}
	first := e + 1
	end := t[e].end
	if first >= end {
		return 0, false
	}
	if t[first].elem >= 0 {
		i, ok := listIndex(token)
		if !ok {
			return 0, false
		}
		for c := first; c < end; c = t[c].end {
			if t[c].elem == i {
				return c, true
			}
		}
		return 0, false
	}
	name, ok := unescape(token)
	if !ok {
		return 0, false
	}
	found, hit := int32(0), false
	for c := first; c < end; c = t[c].end {
		if t[c].elem < 0 && t[c].name == name {
			found, hit = c, true
		}
	}
	return found, hit
}

// find returns the deepest entry a pointer leads to and whether it names that entry exactly.
func (t posTable) find(x *posIndex, pointer string) (int32, bool) {
	if len(t) == 0 {
		return -1, false
	}
	if pointer == "" {
		return 0, true
	}
	if pointer[0] != '/' {
		return 0, false
	}
	e := int32(0)
	for rest := pointer[1:]; ; {
		token, more := rest, ""
		i := strings.IndexByte(rest, '/')
		if i >= 0 {
			token, more = rest[:i], rest[i+1:]
		}
		c, ok := t.child(x, e, token)
		if !ok {
			return e, false
		}
		e = c
		if i < 0 {
			return e, true
		}
		rest = more
	}
}

// listIndex reads a list index as Join writes it: decimal digits without a sign or a
// leading zero.
func listIndex(token string) (int32, bool) {
	if token == "" || len(token) > 9 || (token[0] == '0' && len(token) > 1) {
		return 0, false
	}
	n := int32(0)
	for i := 0; i < len(token); i++ {
		c := token[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int32(c-'0')
	}
	return n, true
}

// unescape decodes a reference token escaped by escape; any other use of "~" names nothing.
func unescape(token string) (string, bool) {
	if strings.IndexByte(token, '~') < 0 {
		return token, true
	}
	var sb strings.Builder
	for i := 0; i < len(token); i++ {
		c := token[i]
		if c != '~' {
			sb.WriteByte(c)
			continue
		}
		if i+1 == len(token) {
			return "", false
		}
		switch token[i+1] {
		case '0':
			sb.WriteByte('~')
		case '1':
			sb.WriteByte('/')
		default:
			return "", false
		}
		i++
	}
	return sb.String(), true
}

// Pos returns where the value at pointer was written: the exact place when the pointer
// names a value in the document, else the nearest ancestor that does. File is always set.
func (d *Document) Pos(pointer string) audit.Position {
	e, _ := d.pos.find(d.index(), pointer)
	if e < 0 {
		return audit.Position{File: d.File}
	}
	p := d.pos[e]
	return audit.Position{File: d.File, Line: int(p.line), Column: int(p.col)}
}

// KeyPos is like Pos but, for a member of a mapping, returns where its key was written,
// which is where a person looks for a misspelt or unexpected field.
func (d *Document) KeyPos(pointer string) audit.Position {
	if e, exact := d.pos.find(d.index(), pointer); exact && d.pos[e].keyLine > 0 {
		p := d.pos[e]
		return audit.Position{File: d.File, Line: int(p.keyLine), Column: int(p.keyCol)}
	}
	return d.Pos(pointer)
}

// pointerTo is the JSON pointer of entry e, given the entries open around it (stack, the
// root first, e last): built only when a problem names it.
func (t posTable) pointerTo(stack []int32) string {
	var sb strings.Builder
	for _, e := range stack[1:] {
		sb.WriteByte('/')
		if t[e].elem >= 0 {
			sb.WriteString(strconv.Itoa(int(t[e].elem)))
		} else {
			sb.WriteString(escape(t[e].name))
		}
	}
	return sb.String()
}

// keyLine finds the first member named name among the closed entries from the entry from
// on (siblings, each followed by the values inside it) and returns the line of its key.
// Called only for a name seen already, so a mapping pays for it only when it has a
// duplicate or overrides a merged key.
func (t posTable) keyLine(from int32, name string) (int, bool) {
	for c := from; c < int32(len(t)); c = t[c].end {
		if t[c].elem < 0 && t[c].name == name {
			return int(t[c].keyLine), true
		}
	}
	return 0, false
}

// manyChildren is how many values a list or mapping holds before a lookup in it goes
// through an index rather than along its members: a provider with 10,000 services has a
// finding placed in most of them, and walking to each would make placing them quadratic.
const manyChildren = 64

// posIndex leads straight to the members of the large lists and mappings of a document.
// It is built at the first lookup, so decoding never pays for it and a document nobody
// asks about never has one.
type posIndex struct {
	once  sync.Once
	lists map[int32][]int32          // a large list -> the entries of its elements, in order
	maps  map[int32]map[string]int32 // a large mapping -> its members' entries (the last of a name)
}

// child is posTable.child for the containers indexed; indexed is false for the others.
func (x *posIndex) child(e int32, token string) (c int32, ok, indexed bool) {
	if elems, ok := x.lists[e]; ok {
		i, ok := listIndex(token)
		if !ok || int(i) >= len(elems) {
			return 0, false, true
		}
		return elems[i], true, true
	}
	if members, ok := x.maps[e]; ok {
		name, ok := unescape(token)
		if !ok {
			return 0, false, true
		}
		c, ok := members[name]
		return c, ok, true
	}
	return 0, false, false
}

func (d *Document) index() *posIndex {
	d.idx.once.Do(func() { d.pos.buildIndex(&d.idx) })
	return &d.idx
}

// buildIndex indexes the large containers. Each entry is stepped over at most manyChildren
// times while counting, so building is linear in the entries.
func (t posTable) buildIndex(x *posIndex) {
	for e := range t {
		first, end := int32(e)+1, t[e].end
		n := 0
		for c := first; c < end && n < manyChildren; c = t[c].end {
			n++
		}
		if n < manyChildren {
			continue
		}
		if t[first].elem >= 0 {
			var elems []int32
			for c := first; c < end; c = t[c].end {
				elems = append(elems, c)
			}
			if x.lists == nil {
				x.lists = map[int32][]int32{}
			}
			x.lists[int32(e)] = elems
			continue
		}
		members := map[string]int32{}
		for c := first; c < end; c = t[c].end {
			members[t[c].name] = c
		}
		if x.maps == nil {
			x.maps = map[int32]map[string]int32{}
		}
		x.maps[int32(e)] = members
	}
}
