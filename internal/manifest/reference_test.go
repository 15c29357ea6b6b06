package manifest

// The decoder as it was before the position table and the JSON scanner, kept as the
// reference TestDecoderMatchesReference and FuzzDecoderMatchesReference hold the decoder to:
// positions in maps keyed by JSON pointers, JSON through encoding/json's token stream. It
// shares the helpers that did not change (error positions, numbers, describe).

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/resilcheck/resilcheck/internal/audit"
)

// refPositions is what the reference remembers of one document.
type refPositions struct {
	pos  map[string]audit.Position // JSON pointer -> where the value starts
	keys map[string]audit.Position // JSON pointer -> where the key naming it starts
}

func (r *refPositions) Pos(file, pointer string) audit.Position {
	return r.lookup(file, r.pos, pointer)
}

func (r *refPositions) KeyPos(file, pointer string) audit.Position {
	if p, ok := r.keys[pointer]; ok {
		return p
	}
	return r.Pos(file, pointer)
}

func (r *refPositions) lookup(file string, table map[string]audit.Position, pointer string) audit.Position {
	for {
		if p, ok := table[pointer]; ok {
			return p
		}
		if pointer == "" {
			return audit.Position{File: file}
		}
		i := strings.LastIndexByte(pointer, '/')
		if i < 0 {
			pointer = ""
		} else {
			pointer = pointer[:i]
		}
	}
}

func (b *refBuilder) setPos(pointer string, p audit.Position) { b.cur.pos[pointer] = p }

func (b *refBuilder) setKeyPos(pointer string, p audit.Position) { b.cur.keys[pointer] = p }

// refDecode is decode with the reference decoders; positions maps each document kept to
// what the reference remembers of it.
func refDecode(src *Source, data []byte, isJSON bool, opts Options) (positions map[*Document]*refPositions) {
	b := refBuilder{opts: opts, positions: map[*Document]*refPositions{}}
	defer func() {
		if r := recover(); r != nil {
			src.Documents = nil
			src.fail(audit.Position{File: src.Path}, fmt.Sprintf("internal error while decoding (please report it): %v", r))
		}
	}()
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		src.fail(audit.Position{File: src.Path, Line: 1, Column: 1}, "file is UTF-16 encoded; save it as UTF-8")
		return nil
	}
	if !utf8.Valid(data) {
		off := invalidUTF8Offset(data)
		p := newLineIndex(data).pos(src.Path, off)
		src.fail(p, fmt.Sprintf("file is not valid UTF-8: byte 0x%02x cannot start a character; save it as UTF-8", data[off]))
		return nil
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if len(bytes.TrimSpace(data)) == 0 {
		src.fail(audit.Position{File: src.Path}, "file is empty")
		return nil
	}
	if isJSON {
		refDecodeJSON(src, data, &b)
	} else {
		refDecodeYAML(src, data, &b)
	}
	if len(src.Documents) == 0 && len(src.Problems) == 0 {
		src.fail(audit.Position{File: src.Path}, "file has no documents (only comments or document separators)")
	}
	return b.positions
}

// refBuilder turns one parsed document into plain values and a position table. Problems that
// leave the document unusable but let decoding go on (a duplicate key, a non-string key)
// are collected; limits abort the document at once through a *fatal.
type refBuilder struct {
	opts     Options
	doc      *Document
	nodes    int // values copied by aliases and merge keys so far
	copying  int // > 0 while decoding what an alias or merge key refers to
	problems []audit.Problem

	// root is the YAML document being converted and anchors the anchored nodes written in
	// it (filled at the first alias): go.yaml.in/yaml resolves an alias to the latest anchor
	// of that name anywhere in the stream, but YAML scopes anchors to their document.
	root    *yaml.Node
	anchors map[*yaml.Node]bool
	// lastLine is the last line a decoded YAML node of the stream was written on, so a
	// stream error without a position is looked for after the documents already read.
	lastLine int

	cur       *refPositions // the document being decoded
	positions map[*Document]*refPositions
}

// fatal stops decoding one document.

func (b *refBuilder) reset(doc *Document) {
	b.doc = doc
	b.cur = &refPositions{pos: map[string]audit.Position{}, keys: map[string]audit.Position{}}
	b.positions[doc] = b.cur
	b.nodes, b.copying = 0, 0
	b.problems = nil
	b.root = nil
	b.anchors = nil
}

func (b *refBuilder) problem(p audit.Position, pointer, msg string) {
	b.problems = append(b.problems, audit.Problem{Position: p, Pointer: pointer, Message: msg})
}

// enter checks the nesting depth before the caller recurses, and counts the values a YAML
// alias or merge key copies. Only copies count: what is written out is already bounded by
// the file size, while a few lines of aliases can multiply into billions of values ("billion
// laughs"), so an honest manifest of 10,000 services never meets the limit and a bomb does.
func (b *refBuilder) enter(p audit.Position, pointer string, depth int) error {
	if depth > b.opts.MaxDepth {
		return &fatal{audit.Problem{Position: p, Pointer: pointer,
			Message: fmt.Sprintf("nested more than %d levels deep", b.opts.MaxDepth)}}
	}
	if b.copying == 0 {
		return nil
	}
	b.nodes++
	if b.nodes > b.opts.MaxNodes {
		return &fatal{audit.Problem{Position: p, Pointer: pointer,
			Message: fmt.Sprintf("YAML aliases copy more than %d values into this document", b.opts.MaxNodes)}}
	}
	return nil
}

// finish files a decoded document (or its problems) under src.
func (b *refBuilder) finish(src *Source, value any, start audit.Position, err error) {
	var f *fatal
	if errors.As(err, &f) {
		b.problems = append(b.problems, f.problem)
	}
	if err == nil && len(b.problems) == 0 {
		if _, ok := value.(map[string]any); !ok {
			b.problem(start, "", fmt.Sprintf("%s must be a mapping of fields at the top level, not %s", b.opts.Subject, describe(value)))
		}
	}
	if len(b.problems) > 0 {
		src.Problems = append(src.Problems, b.problems...)
		src.Rejected++
		return
	}
	b.doc.Value = value
	src.Documents = append(src.Documents, b.doc)
}

func refDecodeYAML(src *Source, data []byte, b *refBuilder) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	lines := newLineIndex(data)
	for index := 0; ; index++ {
		var root yaml.Node
		err := dec.Decode(&root)
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			// The parser cannot resynchronise after a syntax error: whatever follows in the
			// file is never read, and the problem has to say so, or valid documents after a
			// broken one would vanish from the audit without a word.
			pos := yamlErrorPos(src.Path, err, lines, b.lastLine)
			msg := yamlErrorMessage(err)
			unread, from := unreadDocuments(lines, pos.Line)
			switch {
			case unread == 1:
				msg += fmt.Sprintf("; the document after it in this file (from line %d) was not read", from)
			case unread > 1:
				msg += fmt.Sprintf("; the %d documents after it in this file (from line %d) were not read", unread, from)
			}
			src.fail(pos, msg)
			src.Rejected += unread
			return
		}
		if isEmptyDocument(&root) {
			continue // "---" with nothing after it, or a trailing separator
		}
		doc := &Document{File: src.Path, Index: index}
		b.reset(doc)
		b.root = &root
		start := nodePos(src.Path, &root)
		if len(root.Content) == 1 {
			start = nodePos(src.Path, root.Content[0])
		}
		value, err := b.yamlValue(&root, "", 0, nil)
		b.finish(src, value, start, err)
	}
}

// yamlValue converts n. active holds the anchors being expanded on the current path, so an
// alias that contains itself is caught instead of recursing until the depth limit.
func (b *refBuilder) yamlValue(n *yaml.Node, pointer string, depth int, active []*yaml.Node) (any, error) {
	pos := nodePos(b.doc.File, n)
	if err := b.enter(pos, pointer, depth); err != nil {
		return nil, err
	}
	if n.Line > b.lastLine {
		b.lastLine = n.Line
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return b.yamlValue(n.Content[0], pointer, depth, active)
	case yaml.AliasNode:
		if n.Alias == nil {
			return nil, &fatal{audit.Problem{Position: pos, Pointer: pointer, Message: "alias to an unknown anchor"}}
		}
		if err := b.ownAlias(n, pointer); err != nil {
			return nil, err
		}
		for _, a := range active {
			if a == n.Alias {
				return nil, &fatal{audit.Problem{Position: pos, Pointer: pointer,
					Message: fmt.Sprintf("alias *%s refers to a value that contains it", n.Value)}}
			}
		}
		b.copying++
		v, err := b.yamlValue(n.Alias, pointer, depth, active)
		b.copying--
		// The value was written at the anchor; the place to show for this pointer is
		// where the alias stands.
		b.setPos(pointer, pos)
		return v, err
	case yaml.ScalarNode:
		b.setPos(pointer, pos)
		return b.scalar(n, pointer, pos)
	case yaml.SequenceNode:
		b.setPos(pointer, pos)
		if n.Anchor != "" {
			active = append(active[:len(active):len(active)], n)
		}
		out := make([]any, 0, len(n.Content))
		for i, c := range n.Content {
			v, err := b.yamlValue(c, Join(pointer, i), depth+1, active)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	case yaml.MappingNode:
		b.setPos(pointer, pos)
		if n.Anchor != "" {
			active = append(active[:len(active):len(active)], n)
		}
		return b.mapping(n, pointer, depth, active)
	}
	return nil, &fatal{audit.Problem{Position: pos, Pointer: pointer, Message: "unsupported YAML node"}}
}

func (b *refBuilder) mapping(n *yaml.Node, pointer string, depth int, active []*yaml.Node) (any, error) {
	out := make(map[string]any, len(n.Content)/2)
	// YAML merge keys ("<<: *defaults") go first, last source first, so that earlier
	// sources and then the keys written in the mapping itself override both the values and
	// the remembered positions.
	var merges []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		if err := b.ownAlias(n.Content[i], pointer); err != nil {
			return nil, err
		}
		if k := deref(n.Content[i]); k.Kind == yaml.ScalarNode && k.ShortTag() == "!!merge" {
			m := n.Content[i+1]
			if err := b.ownAlias(m, pointer); err != nil {
				return nil, err
			}
			if deref(m).Kind == yaml.SequenceNode {
				merges = append(merges, deref(m).Content...)
			} else {
				merges = append(merges, m)
			}
		}
	}
	for i := len(merges) - 1; i >= 0; i-- {
		s := merges[i]
		if err := b.ownAlias(s, pointer); err != nil {
			return nil, err
		}
		target := deref(s)
		spos := nodePos(b.doc.File, s)
		if target.Kind != yaml.MappingNode {
			b.problem(spos, pointer, "a merge key (<<) needs a mapping or a list of mappings")
			continue
		}
		for _, a := range active {
			if a == target {
				return nil, &fatal{audit.Problem{Position: spos, Pointer: pointer, Message: "merge key (<<) refers to a mapping that contains it"}}
			}
		}
		b.copying++
		merged, err := b.mapping(target, pointer, depth, append(active, target))
		b.copying--
		if err != nil {
			return nil, err
		}
		for k, v := range merged.(map[string]any) {
			out[k] = v
		}
	}
	b.setPos(pointer, nodePos(b.doc.File, n))

	first := map[string]audit.Position{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		kpos := nodePos(b.doc.File, k)
		key := deref(k)
		if key.Kind == yaml.ScalarNode && key.ShortTag() == "!!merge" {
			continue
		}
		if key.Kind != yaml.ScalarNode || key.ShortTag() != "!!str" {
			b.problem(kpos, pointer, fmt.Sprintf("mapping key %s is %s, not a string; quote it", keyText(key), tagName(key)))
			continue
		}
		name := key.Value
		child := Join(pointer, name)
		if at, dup := first[name]; dup {
			b.problem(kpos, child, fmt.Sprintf("duplicate key %q (first written at line %d)", name, at.Line))
			continue
		}
		first[name] = kpos
		b.setKeyPos(child, kpos)
		val, err := b.yamlValue(v, child, depth+1, active)
		if err != nil {
			return nil, err
		}
		out[name] = val
	}
	return out, nil
}

// ownAlias refuses an alias whose anchor was written in an earlier document of the stream.
func (b *refBuilder) ownAlias(n *yaml.Node, pointer string) error {
	if n.Kind != yaml.AliasNode || n.Alias == nil || b.root == nil {
		return nil
	}
	if b.anchors == nil {
		b.anchors = map[*yaml.Node]bool{}
		collectAnchors(b.root, b.anchors)
	}
	if b.anchors[n.Alias] {
		return nil
	}
	return &fatal{audit.Problem{Position: nodePos(b.doc.File, n), Pointer: pointer, Message: fmt.Sprintf(
		"alias *%s refers to the anchor &%s of an earlier document (line %d); an anchor applies only within its own document: write the value again, or anchor it in this document",
		n.Value, n.Alias.Anchor, n.Alias.Line)}}
}

// collectAnchors records the anchored nodes written in the tree under n, not following
// aliases. Bounded by the size of the text: each node is visited once.

// scalar keeps numbers exact (json.Number) and dates and timestamps as the text written:
// the schema and the policies compare those strings, and a time.Time would lose the
// offset the author wrote.
func (b *refBuilder) scalar(n *yaml.Node, pointer string, pos audit.Position) (any, error) {
	switch tag := n.ShortTag(); tag {
	case "!!str", "!!timestamp", "!!binary":
		if tag == "!!str" && n.Style == 0 {
			if msg := plainNumberProblem(n.Value); msg != "" {
				b.problem(pos, pointer, msg)
				return nil, nil
			}
		}
		return n.Value, nil
	case "!!null":
		return nil, nil
	case "!!bool":
		// ShortTag resolved the YAML 1.2 booleans (true, True, TRUE and the false forms).
		return strings.EqualFold(n.Value, "true"), nil
	case "!!int":
		// The same parse go.yaml.in/yaml uses to resolve the tag (0x, 0o, 0b, digits with
		// underscores), done here because n.Decode builds a decoder per scalar.
		plain := strings.ReplaceAll(n.Value, "_", "")
		if digits := strings.TrimLeft(plain, "+-"); len(digits) > 1 && digits[0] == '0' && digits[1] >= '0' && digits[1] <= '9' {
			// YAML 1.1 reads 0777 as octal 511; a count or an amount written that way would
			// silently change value, so it is refused rather than guessed.
			b.problem(pos, pointer, fmt.Sprintf("number %s has a leading zero, which YAML 1.1 reads as octal; write it without the leading zero (or quote it if it is text)", n.Value))
			return nil, nil
		}
		if i, err := strconv.ParseInt(plain, 0, 64); err == nil {
			return json.Number(strconv.FormatInt(i, 10)), nil
		}
		if u, err := strconv.ParseUint(strings.TrimPrefix(plain, "+"), 0, 64); err == nil {
			return json.Number(strconv.FormatUint(u, 10)), nil
		}
		b.problem(pos, pointer, integerRangeProblem(n.Value))
		return nil, nil
	case "!!float":
		if special := strings.ToLower(strings.TrimLeft(n.Value, "+-")); special == ".inf" || special == ".nan" {
			b.problem(pos, pointer, fmt.Sprintf("%s is not a finite number", n.Value))
			return nil, nil
		}
		// A long run of digits is resolved as a float when it overflows 64-bit integers;
		// it is still an integer as written, and would not be kept exactly.
		if plain := strings.ReplaceAll(n.Value, "_", ""); decimalRE.MatchString(plain) {
			if msg := integerProblem(n.Value, plain, 10); msg != "" {
				b.problem(pos, pointer, msg)
				return nil, nil
			}
		}
		if len(n.Value) > maxNumberLength {
			b.problem(pos, pointer, tooLongProblem(n.Value))
			return nil, nil
		}
		if jsonNumberRE.MatchString(n.Value) {
			return json.Number(n.Value), nil
		}
		f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			b.problem(pos, pointer, fmt.Sprintf("%s is not a finite number", n.Value))
			return nil, nil
		}
		return json.Number(strconv.FormatFloat(f, 'g', -1, 64)), nil
	default:
		b.problem(pos, pointer, fmt.Sprintf("unsupported YAML tag %s", n.Tag))
		return nil, nil
	}
}

// refJSONDecoder walks encoding/json's token stream, which (unlike json.Unmarshal) lets it
// see duplicate keys and know the byte offset of every token, hence its line and column.
type refJSONDecoder struct {
	data  []byte
	dec   *json.Decoder
	lines *lineIndex
	b     *refBuilder
}

func refDecodeJSON(src *Source, data []byte, b *refBuilder) {
	d := &refJSONDecoder{data: data, dec: json.NewDecoder(bytes.NewReader(data)), lines: newLineIndex(data), b: b}
	d.dec.UseNumber()
	for index := 0; ; index++ {
		start := d.skip(d.dec.InputOffset())
		if start >= int64(len(data)) {
			return
		}
		doc := &Document{File: src.Path, Index: index}
		b.reset(doc)
		value, err := d.value("", 0)
		if err != nil {
			var f *fatal
			if !errors.As(err, &f) {
				// A syntax error: the stream cannot be read past it.
				src.fail(d.errorPos(err, src.Path), "invalid JSON: "+refJSONErrorMessage(err))
				return
			}
		}
		b.finish(src, value, d.lines.pos(src.Path, int(start)), err)
		if err != nil {
			return
		}
	}
}

// skip returns the offset of the next token at or after off: encoding/json consumes the
// separators between tokens as part of the next Token call.
func (d *refJSONDecoder) skip(off int64) int64 {
	for off < int64(len(d.data)) {
		switch d.data[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
		default:
			return off
		}
	}
	return off
}

func (d *refJSONDecoder) token() (json.Token, audit.Position, error) {
	start := d.skip(d.dec.InputOffset())
	tok, err := d.dec.Token()
	return tok, d.lines.pos(d.b.doc.File, int(start)), err
}

func (d *refJSONDecoder) value(pointer string, depth int) (any, error) {
	tok, pos, err := d.token()
	if err != nil {
		return nil, err
	}
	if err := d.b.enter(pos, pointer, depth); err != nil {
		return nil, err
	}
	d.b.setPos(pointer, pos)
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			return d.object(pointer, depth)
		case '[':
			return d.array(pointer, depth)
		}
		return nil, fmt.Errorf("unexpected %q", rune(t))
	case json.Number:
		// JSON sets no bound on numbers; the pipeline does, and YAML refuses the same values.
		if msg := jsonNumberProblem(string(t)); msg != "" {
			d.b.problem(pos, pointer, msg)
			return nil, nil
		}
		return t, nil
	case string, bool, nil:
		return t, nil
	}
	return nil, fmt.Errorf("unexpected token %v", tok)
}

func (d *refJSONDecoder) object(pointer string, depth int) (any, error) {
	out := map[string]any{}
	first := map[string]audit.Position{}
	for d.dec.More() {
		tok, kpos, err := d.token()
		if err != nil {
			return nil, err
		}
		name, ok := tok.(string)
		if !ok {
			return nil, fmt.Errorf("object key is not a string")
		}
		child := Join(pointer, name)
		v, err := d.value(child, depth+1)
		if err != nil {
			return nil, err
		}
		if at, dup := first[name]; dup {
			d.b.problem(kpos, child, fmt.Sprintf("duplicate key %q (first written at line %d)", name, at.Line))
			continue
		}
		first[name] = kpos
		d.b.setKeyPos(child, kpos)
		out[name] = v
	}
	if _, _, err := d.token(); err != nil { // the closing brace
		return nil, err
	}
	return out, nil
}

func (d *refJSONDecoder) array(pointer string, depth int) (any, error) {
	out := []any{}
	for i := 0; d.dec.More(); i++ {
		v, err := d.value(Join(pointer, i), depth+1)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	if _, _, err := d.token(); err != nil { // the closing bracket
		return nil, err
	}
	return out, nil
}

func (d *refJSONDecoder) errorPos(err error, file string) audit.Position {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		// Offset counts the bytes read before the offending one.
		return d.lines.pos(file, int(se.Offset))
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return d.lines.pos(file, len(d.data))
	}
	return d.lines.pos(file, int(d.dec.InputOffset()))
}

func refJSONErrorMessage(err error) string {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return "unexpected end of input (unclosed object or array?)"
	}
	return err.Error()
}
