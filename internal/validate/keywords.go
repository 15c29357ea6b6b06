package validate

import (
	"encoding/json"
	"fmt"
	"math/big"
	"slices"
	"time"

	"github.com/resilcheck/resilcheck/internal/manifest"
)

// The keywords a document walk checks itself instead of gojsonschema. gojsonschema compares
// every enum value and every item of a uniqueItems array by marshalling it to JSON, decoding
// and marshalling it again, and runs a regular expression per id: together more than half of
// its time on a manifest. Those keywords are taken out of the copy of the schema it compiles
// (see strippedForCompiler) and checked here, on the schema as written, with gojsonschema's
// own semantics and the messages schemaError gives them. The date and date-time formats and
// the timestamp pattern are checked here anyway, more strictly (schemaError ignores
// gojsonschema's reports of them), so gojsonschema no longer checks them at all.

// idPattern is the schema's pattern for an id.
const idPattern = "^[a-z0-9][a-z0-9._-]{0,99}$"

// jsonType is a bit per JSON type, as the schema's "type" names them.
type jsonType uint8

const (
	typeNull jsonType = 1 << iota
	typeBoolean
	typeInteger
	typeNumber
	typeString
	typeArray
	typeObject
)

var typeNames = map[string]jsonType{
	"null": typeNull, "boolean": typeBoolean, "integer": typeInteger, "number": typeNumber,
	"string": typeString, "array": typeArray, "object": typeObject,
}

// keywordNode is one schema node, its $ref followed, with what the walk checks at it.
type keywordNode struct {
	types  jsonType // allowed types; 0 when the node does not constrain the type
	format string   // "date" or "date-time", else ""
	id     bool     // the id pattern applies
	// enum holds the canonical JSON of every allowed value (gojsonschema's comparison), and
	// enumStrings the allowed strings, which a string value is looked up in directly.
	enum        map[string]bool
	enumStrings map[string]bool
	unique      bool

	props      map[string]*keywordNode
	additional *keywordNode
	items      *keywordNode
	hasItems   bool // the node declares items: its object members are not walked

	// live: this node or one below it checks something; a walk skips the rest.
	live bool
}

// keywordTree builds the walk's nodes for a schema tree. Nodes reached through the same
// $ref are shared, which also ends recursion in a recursive schema.
func keywordTree(c *compiledSchema) *keywordNode {
	b := keywordBuilder{c: c, refs: map[string]*keywordNode{}}
	root := b.node(c.tree)
	// live spreads up from the nodes that check something; shared nodes make the graph
	// cyclic in general, so it is repeated until nothing changes (a few rounds).
	for changed := true; changed; {
		changed = false
		for _, n := range b.all {
			if n.live {
				continue
			}
			for _, ch := range n.children() {
				if ch != nil && ch.live {
					n.live, changed = true, true
					break
				}
			}
		}
	}
	return root
}

type keywordBuilder struct {
	c    *compiledSchema
	refs map[string]*keywordNode
	all  []*keywordNode
}

func (b *keywordBuilder) node(raw map[string]any) *keywordNode {
	if raw == nil {
		return nil
	}
	if ref, ok := raw["$ref"].(string); ok {
		if n, seen := b.refs[ref]; seen {
			return n
		}
		n := &keywordNode{}
		b.refs[ref] = n
		b.fill(n, b.c.resolve(raw))
		return n
	}
	n := &keywordNode{}
	b.fill(n, raw)
	return n
}

func (b *keywordBuilder) fill(n *keywordNode, s map[string]any) {
	b.all = append(b.all, n)
	if s == nil {
		return
	}
	switch t := s["type"].(type) {
	case string:
		n.types = typeNames[t]
	case []any:
		for _, x := range t {
			if name, ok := x.(string); ok {
				n.types |= typeNames[name]
			}
		}
	}
	if f, ok := s["format"].(string); ok && (f == "date" || f == "date-time") {
		n.format = f
	}
	n.id = s["pattern"] == idPattern
	if vals, ok := s["enum"].([]any); ok {
		n.enum = make(map[string]bool, len(vals))
		n.enumStrings = map[string]bool{}
		for _, x := range vals {
			if str, ok := x.(string); ok {
				n.enumStrings[str] = true
			}
			if j, err := canonicalJSON(x); err == nil {
				n.enum[j] = true
			}
		}
	}
	n.unique = s["uniqueItems"] == true
	n.live = n.format != "" || n.id || n.enum != nil || n.unique
	if props, ok := s["properties"].(map[string]any); ok {
		n.props = make(map[string]*keywordNode, len(props))
		for k, p := range props {
			if p, ok := p.(map[string]any); ok {
				n.props[k] = b.node(p)
			}
		}
	}
	if a, ok := s["additionalProperties"].(map[string]any); ok {
		n.additional = b.node(a)
	}
	if _, ok := s["items"]; ok {
		n.hasItems = true
	}
	if it, ok := s["items"].(map[string]any); ok {
		n.items = b.node(it)
	}
}

func (n *keywordNode) children() []*keywordNode {
	out := make([]*keywordNode, 0, len(n.props)+2)
	for _, p := range n.props {
		out = append(out, p)
	}
	return append(out, n.additional, n.items)
}

// member is the node of an object's member, as gojsonschema picks it: the property's own
// schema, else additionalProperties.
func (n *keywordNode) member(name string) *keywordNode {
	if p, ok := n.props[name]; ok {
		return p
	}
	return n.additional
}

// admits reports whether gojsonschema goes on validating value at this node: on a type it
// does not allow, it reports the type and checks nothing else there or below.
func (n *keywordNode) admits(value any) bool {
	if n.types == 0 {
		return true
	}
	switch x := value.(type) {
	case nil:
		return n.types&typeNull != 0
	case bool:
		return n.types&typeBoolean != 0
	case string:
		return n.types&typeString != 0
	case json.Number:
		if n.types&typeNumber != 0 {
			return true
		}
		r, ok := new(big.Rat).SetString(string(x))
		return n.types&typeInteger != 0 && ok && r.IsInt()
	case []any:
		return n.types&typeArray != 0
	case map[string]any:
		return n.types&typeObject != 0
	}
	return true
}

// checkFormat checks x against a "date" or "date-time" format and returns, for a valid
// timestamp written otherwise, the form the policies read.
func (v *validator) checkFormat(format, x string) (string, bool) {
	switch format {
	case "date":
		d, err := time.Parse(time.DateOnly, x)
		if err != nil {
			v.add(v.pointer(), fmt.Sprintf("%s is not a valid date (YYYY-MM-DD)%s", quote(x), reason(err)))
		} else if p := yearProblem(x, d.Year()); p != "" && v.evaluated {
			v.add(v.pointer(), p)
		}
	case "date-time":
		if c := v.checkTimestamp(x); c != "" && c != x {
			return c, true
		}
	}
	return "", false
}

// walk checks value against n (the keywords above) and returns the replacement for a
// string value when a valid timestamp must be written in the form the policies read.
func (v *validator) walk(value any, n *keywordNode) (string, bool) {
	if n == nil || !n.live || !n.admits(value) {
		return "", false
	}
	if n.enum != nil && !n.allows(value) {
		v.add(v.pointer(), fmt.Sprintf("%s is not an allowed value (allowed: %s)", quote(value), v.enumValues(v.pointer())))
	}
	switch x := value.(type) {
	case string:
		if n.id && !isID(x) {
			v.add(v.pointer(), fmt.Sprintf("%s is not a valid id: use lowercase letters, digits, '.', '_' and '-', starting with a letter or digit, at most 100 characters", quote(x)))
		}
		return v.checkFormat(n.format, x)
	case map[string]any:
		if n.hasItems {
			return "", false
		}
		for k, child := range x {
			s := n.member(k)
			if s == nil || !s.live {
				continue
			}
			v.at = append(v.at, pathToken{name: k, index: -1})
			c, ok := v.walk(child, s)
			v.at = v.at[:len(v.at)-1]
			if ok {
				x[k] = c
			}
		}
	case []any:
		if n.unique {
			v.uniqueItems(x)
		}
		if n.items == nil || !n.items.live {
			return "", false
		}
		for i, child := range x {
			v.at = append(v.at, pathToken{index: i})
			c, ok := v.walk(child, n.items)
			v.at = v.at[:len(v.at)-1]
			if ok {
				x[i] = c
			}
		}
	}
	return "", false
}

// allows is gojsonschema's enum test: the value's canonical JSON is one of the allowed
// values'. A string is looked up as it is, which is the same test.
func (n *keywordNode) allows(value any) bool {
	if s, ok := value.(string); ok {
		return n.enumStrings[s]
	}
	j, err := canonicalJSON(value)
	return err == nil && n.enum[j]
}

// uniqueItems reports every item equal to an earlier one, at its own index, as gojsonschema
// does (items compared by canonical JSON). Lists of strings, the only kind the schemas
// declare unique, are compared as they are.
func (v *validator) uniqueItems(items []any) {
	strs := make([]string, 0, len(items))
	for _, item := range items {
		s, ok := item.(string)
		if !ok {
			v.uniqueByJSON(items)
			return
		}
		strs = append(strs, s)
	}
	// Short lists, nearly all of them, are compared pairwise; long ones through a set, so a
	// list of 100,000 ids costs linear time.
	var seen map[string]bool
	if len(strs) > 16 {
		seen = make(map[string]bool, len(strs))
	}
	for j, s := range strs {
		var dup bool
		if seen != nil {
			dup = seen[s]
			seen[s] = true
		} else {
			dup = slices.Contains(strs[:j], s)
		}
		if dup {
			v.add(manifest.Join(v.pointer(), j), fmt.Sprintf("%s is listed more than once (items must be unique)", quote(items[j])))
		}
	}
}

// uniqueByJSON is uniqueItems for lists holding anything but strings: a string is keyed by
// itself, anything else by its canonical JSON, which cannot be taken for a string's key.
func (v *validator) uniqueByJSON(items []any) {
	seen := make(map[string]bool, len(items))
	for j, item := range items {
		key := "s"
		if s, ok := item.(string); ok {
			key += s
		} else {
			canon, err := canonicalJSON(item)
			if err != nil {
				continue
			}
			key = "j" + canon
		}
		if seen[key] {
			v.add(manifest.Join(v.pointer(), j), fmt.Sprintf("%s is listed more than once (items must be unique)", quote(item)))
		}
		seen[key] = true
	}
}

// canonicalJSON is gojsonschema's marshalWithoutNumber: marshalled, decoded without
// json.Number and marshalled again, so that 1.0 and 1 compare equal.
func canonicalJSON(x any) (string, error) {
	b, err := json.Marshal(x)
	if err != nil {
		return "", err
	}
	var plain any
	if err := json.Unmarshal(b, &plain); err != nil {
		return "", err
	}
	b, err = json.Marshal(plain)
	return string(b), err
}

// isID matches idPattern without a regular expression: 1 to 100 bytes, each a lowercase
// ASCII letter, a digit, '.', '_' or '-', the first a letter or digit.
func isID(s string) bool {
	if len(s) == 0 || len(s) > 100 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case (c == '.' || c == '_' || c == '-') && i > 0:
		default:
			return false
		}
	}
	return true
}

// strippedForCompiler is a copy of a schema node without the keywords the walk checks:
// enum, uniqueItems, the date and date-time formats, the id and timestamp patterns. It
// follows the schema's structure (a property named "enum" is a property, not the keyword);
// everything else is left as written, and the tree itself is not changed.
func strippedForCompiler(node map[string]any) map[string]any {
	out := make(map[string]any, len(node))
	for k, v := range node {
		switch k {
		case "enum", "uniqueItems":
			continue
		case "format":
			if v == "date" || v == "date-time" {
				continue
			}
		case "pattern":
			if v == idPattern || v == timestampPattern {
				continue
			}
		case "properties", "definitions", "patternProperties", "dependencies":
			if named, ok := v.(map[string]any); ok {
				m := make(map[string]any, len(named))
				for name, s := range named {
					m[name] = strippedSchema(s)
				}
				v = m
			}
		case "items", "additionalProperties", "additionalItems", "not", "contains", "propertyNames", "if", "then", "else", "allOf", "anyOf", "oneOf":
			v = strippedSchema(v)
		}
		out[k] = v
	}
	return out
}

// strippedSchema strips a schema, or each schema of a list of them; anything else (a
// boolean schema, a list of required names) is kept.
func strippedSchema(x any) any {
	switch s := x.(type) {
	case map[string]any:
		return strippedForCompiler(s)
	case []any:
		out := make([]any, len(s))
		for i, e := range s {
			out[i] = strippedSchema(e)
		}
		return out
	}
	return x
}
