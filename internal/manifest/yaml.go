package manifest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/resilcheck/resilcheck/internal/audit"
)

// builder turns one parsed document into plain values and a position table. Problems that
// leave the document unusable but let decoding go on (a duplicate key, a non-string key)
// are collected; limits abort the document at once through a *fatal.
type builder struct {
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
	// stack is the position entries of the values being decoded, the root first and the
	// current value last: the pointer of the current value, spelt out only for a problem.
	stack []int32
}

// fatal stops decoding one document.
type fatal struct{ problem audit.Problem }

func (f *fatal) Error() string { return f.problem.Message }

func (b *builder) reset(doc *Document) {
	b.doc = doc
	b.nodes, b.copying = 0, 0
	b.problems = nil
	b.root = nil
	b.anchors = nil
	b.stack = append(b.stack[:0], doc.pos.add("", -1, 0, 0))
}

// open adds the entry of a value inside the current one (a member named name, or the
// element at index elem) and makes it the current value.
func (b *builder) open(name string, elem, keyLine, keyCol int) {
	b.stack = append(b.stack, b.doc.pos.add(name, elem, keyLine, keyCol))
}

// shut ends the current value: the entries added since it opened are inside it.
func (b *builder) shut() {
	b.doc.pos.close(b.stack[len(b.stack)-1])
	b.stack = b.stack[:len(b.stack)-1]
}

// here records where the current value starts.
func (b *builder) here(line, col int) {
	b.doc.pos.at(b.stack[len(b.stack)-1], line, col)
}

// pointer is the JSON pointer of the current value.
func (b *builder) pointer() string { return b.doc.pos.pointerTo(b.stack) }

// member is the JSON pointer of the member name of the current value.
func (b *builder) member(name string) string { return b.pointer() + "/" + escape(name) }

func (b *builder) problem(p audit.Position, pointer, msg string) {
	b.problems = append(b.problems, audit.Problem{Position: p, Pointer: pointer, Message: msg})
}

// enter checks the nesting depth before the caller recurses, and counts the values a YAML
// alias or merge key copies. Only copies count: what is written out is already bounded by
// the file size, while a few lines of aliases can multiply into billions of values ("billion
// laughs"), so an honest manifest of 10,000 services never meets the limit and a bomb does.
func (b *builder) enter(p audit.Position, depth int) error {
	if depth > b.opts.MaxDepth {
		return &fatal{audit.Problem{Position: p, Pointer: b.pointer(),
			Message: fmt.Sprintf("nested more than %d levels deep", b.opts.MaxDepth)}}
	}
	if b.copying == 0 {
		return nil
	}
	b.nodes++
	if b.nodes > b.opts.MaxNodes {
		return &fatal{audit.Problem{Position: p, Pointer: b.pointer(),
			Message: fmt.Sprintf("YAML aliases copy more than %d values into this document", b.opts.MaxNodes)}}
	}
	return nil
}

// finish files a decoded document (or its problems) under src.
func (b *builder) finish(src *Source, value any, start audit.Position, err error) {
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

func describe(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case []any:
		return "a list"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case json.Number:
		return "a number"
	}
	return fmt.Sprintf("%T", v)
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// fastYAMLEnabled lets the benchmarks time the library's parser on the same files.
var fastYAMLEnabled = true

func decodeYAML(src *Source, data []byte, b *builder) {
	if fastYAMLEnabled {
		if root, release, ok := fastYAML(data); ok {
			b.document(src, root, 0)
			b.root = nil
			release()
			return
		}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
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
			// Lines are indexed only here: a file that decodes never needs them.
			lines := newLineIndex(data)
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
		b.document(src, &root, index)
	}
}

// document converts one parsed YAML document and files it under src.
func (b *builder) document(src *Source, root *yaml.Node, index int) {
	// One position entry per value: sized from the nodes up front, the table is not
	// copied as it grows (aliases may add more; append still copes).
	doc := &Document{File: src.Path, Index: index, pos: make(posTable, 0, countNodes(root))}
	b.reset(doc)
	b.root = root
	start := nodePos(src.Path, root)
	if len(root.Content) == 1 {
		start = nodePos(src.Path, root.Content[0])
	}
	value, err := b.yamlValue(root, 0, nil)
	doc.pos.close(0)
	b.finish(src, value, start, err)
}

// countNodes is how many values n holds, itself included unless it is the document:
// mapping keys aside, one per node.
func countNodes(n *yaml.Node) int {
	c := 1
	if n.Kind == yaml.DocumentNode {
		c = 0
	}
	switch n.Kind {
	case yaml.MappingNode:
		for i := 1; i < len(n.Content); i += 2 {
			c += countNodes(n.Content[i])
		}
	case yaml.SequenceNode, yaml.DocumentNode:
		for _, x := range n.Content {
			c += countNodes(x)
		}
	}
	return c
}

func isEmptyDocument(n *yaml.Node) bool {
	if n.Kind != yaml.DocumentNode {
		return false
	}
	if len(n.Content) == 0 {
		return true
	}
	c := n.Content[0]
	return c.Kind == yaml.ScalarNode && c.Tag == "!!null" && c.Value == "" && c.Style == 0
}

// parserProblems are the errors go.yaml.in/yaml raises in its parser rather than its
// scanner. For those it reports a 0-based line (the scanner's are 1-based), so the line
// must be shifted to agree with the editor.
var parserProblems = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected <document start>": true,
	"did not find expected <stream-start>":   true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
	"found duplicate %TAG directive":         true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}

var unknownAnchorRE = regexp.MustCompile(`^yaml: unknown anchor '(.*)' referenced$`)

// yamlErrorPos recovers the position of a parser error. go.yaml.in/yaml reports only the
// line, so the column is the first character written on it, where the bad construct is
// usually found. readUpTo is the last line of the documents already decoded.
func yamlErrorPos(file string, err error, lines *lineIndex, readUpTo int) audit.Position {
	if m := unknownAnchorRE.FindStringSubmatch(err.Error()); m != nil {
		// Reported without a position: the first use of the alias after the documents
		// already read (an earlier document may use the same name for its own anchor) is
		// where it is wrong.
		from := 0
		if readUpTo > 0 && readUpTo < len(lines.starts) {
			from = lines.starts[readUpTo]
		}
		if i := bytes.Index(lines.data[from:], []byte("*"+m[1])); i >= 0 {
			return lines.pos(file, from+i)
		}
	}
	// go.yaml.in/yaml leaves the line out when it is the first (its 0-based line 0).
	line, msg := 0, yamlErrorCore(err.Error())
	if m := yamlLineRE.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
	}
	switch {
	case parserProblems[msg]:
		// The parser reports where the enclosing block or flow collection started, often
		// the first line of the file, 0-based. Find the first line at which the same error
		// appears.
		line = firstFailingLine(lines, msg, line+1)
	case line == 0:
		line = 1
	}
	if line < 1 || line > len(lines.starts) {
		return audit.Position{File: file, Line: line}
	}
	start := lines.starts[line-1]
	off := start
	for off < len(lines.data) && (lines.data[off] == ' ' || lines.data[off] == '\t') {
		off++
	}
	if off >= len(lines.data) || lines.data[off] == '\n' || lines.data[off] == '\r' {
		off = start
	}
	return lines.pos(file, off)
}

// maxBisect bounds the bytes firstFailingLine re-parses, at most ~log2(lines) times, so a
// hostile file cannot turn one syntax error into seconds of work.
const maxBisect = 256 << 10

// firstFailingLine returns the smallest number of leading lines that, parsed alone, fail
// with the same error (msg, as yamlErrorCore gives it) as the whole file: the line a person
// has to fix. Block YAML parses
// cleanly up to the bad line, so the search is a binary search over line counts.
func firstFailingLine(lines *lineIndex, msg string, fallback int) int {
	if len(lines.data) > maxBisect {
		return fallback
	}
	n := len(lines.starts)
	fails := func(k int) bool {
		end := len(lines.data)
		if k < n {
			end = lines.starts[k]
		}
		dec := yaml.NewDecoder(bytes.NewReader(lines.data[:end]))
		for {
			var node yaml.Node
			err := dec.Decode(&node)
			if err == nil {
				continue
			}
			if errors.Is(err, io.EOF) {
				return false
			}
			return yamlErrorCore(err.Error()) == msg
		}
	}
	k := sort.Search(n, func(k int) bool { return k > 0 && fails(k) })
	if k < 1 || k > n {
		return fallback
	}
	return k
}

// unreadDocuments counts the documents that start after line errLine (1-based) and hold
// something besides comments, and returns the line of the first. A "---" at the start of a
// line always starts a document in YAML (a scalar may not contain one there), so the count
// holds even though the text after a syntax error is not parsed.
func unreadDocuments(lines *lineIndex, errLine int) (count, from int) {
	if errLine < 1 {
		return 0, 0
	}
	started, filled, at := false, false, 0
	close := func() {
		if started && filled {
			if count == 0 {
				from = at
			}
			count++
		}
	}
	for i := errLine; i < len(lines.starts); i++ {
		end := len(lines.data)
		if i+1 < len(lines.starts) {
			end = lines.starts[i+1]
		}
		text := strings.TrimRight(string(lines.data[lines.starts[i]:end]), "\r\n")
		if rest, ok := strings.CutPrefix(text, "---"); ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t') {
			close()
			started, filled, at = true, hasContent(rest), i+1
			continue
		}
		if started && !filled && hasContent(text) {
			filled = true
		}
	}
	close()
	return count, from
}

// hasContent reports whether a line of YAML holds more than blanks, a comment or a
// document end marker.
func hasContent(line string) bool {
	t := strings.TrimSpace(line)
	if rest, ok := strings.CutPrefix(t, "..."); ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t') {
		return false
	}
	return t != "" && t[0] != '#'
}

func yamlErrorMessage(err error) string {
	return "invalid YAML: " + yamlErrorCore(err.Error())
}

// yamlErrorCore is a go.yaml.in/yaml error without its "yaml: " and "line N: " prefixes.
func yamlErrorCore(msg string) string {
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		return m[2]
	}
	return strings.TrimPrefix(msg, "yaml: ")
}

func nodePos(file string, n *yaml.Node) audit.Position {
	return audit.Position{File: file, Line: n.Line, Column: n.Column}
}

// jsonNumberRE matches the numbers JSON can write, which may be kept exactly as written.
var jsonNumberRE = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$`)

// yamlValue converts n into the current value (its entry is open). active holds the
// anchors being expanded on the current path, so an alias that contains itself is caught
// instead of recursing until the depth limit.
func (b *builder) yamlValue(n *yaml.Node, depth int, active []*yaml.Node) (any, error) {
	pos := nodePos(b.doc.File, n)
	if err := b.enter(pos, depth); err != nil {
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
		return b.yamlValue(n.Content[0], depth, active)
	case yaml.AliasNode:
		if n.Alias == nil {
			return nil, &fatal{audit.Problem{Position: pos, Pointer: b.pointer(), Message: "alias to an unknown anchor"}}
		}
		if err := b.ownAlias(n); err != nil {
			return nil, err
		}
		for _, a := range active {
			if a == n.Alias {
				return nil, &fatal{audit.Problem{Position: pos, Pointer: b.pointer(),
					Message: fmt.Sprintf("alias *%s refers to a value that contains it", n.Value)}}
			}
		}
		b.copying++
		v, err := b.yamlValue(n.Alias, depth, active)
		b.copying--
		// The value was written at the anchor; the place to show for this pointer is
		// where the alias stands.
		b.here(n.Line, n.Column)
		return v, err
	case yaml.ScalarNode:
		b.here(n.Line, n.Column)
		return b.scalar(n, pos)
	case yaml.SequenceNode:
		b.here(n.Line, n.Column)
		if n.Anchor != "" {
			active = append(active[:len(active):len(active)], n)
		}
		out := make([]any, 0, len(n.Content))
		for i, c := range n.Content {
			b.open("", i, 0, 0)
			v, err := b.yamlValue(c, depth+1, active)
			if err != nil {
				return nil, err
			}
			b.shut()
			out = append(out, v)
		}
		return out, nil
	case yaml.MappingNode:
		b.here(n.Line, n.Column)
		if n.Anchor != "" {
			active = append(active[:len(active):len(active)], n)
		}
		return b.mapping(n, depth, active)
	}
	return nil, &fatal{audit.Problem{Position: pos, Pointer: b.pointer(), Message: "unsupported YAML node"}}
}

// mapping converts n into the current value. Merged members are entries of the current
// value too, written before its own members, so that its own members win a lookup.
func (b *builder) mapping(n *yaml.Node, depth int, active []*yaml.Node) (any, error) {
	out := make(map[string]any, len(n.Content)/2)
	// YAML merge keys ("<<: *defaults") go first, last source first, so that earlier
	// sources and then the keys written in the mapping itself override both the values and
	// the remembered positions.
	var merges []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		if err := b.ownAlias(n.Content[i]); err != nil {
			return nil, err
		}
		if k := deref(n.Content[i]); k.Kind == yaml.ScalarNode && k.ShortTag() == "!!merge" {
			m := n.Content[i+1]
			if err := b.ownAlias(m); err != nil {
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
		if err := b.ownAlias(s); err != nil {
			return nil, err
		}
		target := deref(s)
		spos := nodePos(b.doc.File, s)
		if target.Kind != yaml.MappingNode {
			b.problem(spos, b.pointer(), "a merge key (<<) needs a mapping or a list of mappings")
			continue
		}
		for _, a := range active {
			if a == target {
				return nil, &fatal{audit.Problem{Position: spos, Pointer: b.pointer(), Message: "merge key (<<) refers to a mapping that contains it"}}
			}
		}
		b.copying++
		merged, err := b.mapping(target, depth, append(active, target))
		b.copying--
		if err != nil {
			return nil, err
		}
		for k, v := range merged.(map[string]any) {
			out[k] = v
		}
	}

	own := int32(len(b.doc.pos)) // the first entry of the members written in n itself
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := deref(k)
		if key.Kind == yaml.ScalarNode && key.ShortTag() == "!!merge" {
			continue
		}
		if key.Kind != yaml.ScalarNode || key.ShortTag() != "!!str" {
			b.problem(nodePos(b.doc.File, k), b.pointer(), fmt.Sprintf("mapping key %s is %s, not a string; quote it", keyText(key), tagName(key)))
			continue
		}
		name := key.Value
		if _, seen := out[name]; seen {
			// Seen already: merged in (which a member written here overrides) or a duplicate.
			if at, dup := b.doc.pos.keyLine(own, name); dup {
				b.problem(nodePos(b.doc.File, k), b.member(name), fmt.Sprintf("duplicate key %q (first written at line %d)", name, at))
				continue
			}
		}
		b.open(name, -1, k.Line, k.Column)
		val, err := b.yamlValue(v, depth+1, active)
		if err != nil {
			return nil, err
		}
		b.shut()
		out[name] = val
	}
	return out, nil
}

// ownAlias refuses an alias whose anchor was written in an earlier document of the stream.
func (b *builder) ownAlias(n *yaml.Node) error {
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
	return &fatal{audit.Problem{Position: nodePos(b.doc.File, n), Pointer: b.pointer(), Message: fmt.Sprintf(
		"alias *%s refers to the anchor &%s of an earlier document (line %d); an anchor applies only within its own document: write the value again, or anchor it in this document",
		n.Value, n.Alias.Anchor, n.Alias.Line)}}
}

// collectAnchors records the anchored nodes written in the tree under n, not following
// aliases. Bounded by the size of the text: each node is visited once.
func collectAnchors(n *yaml.Node, into map[*yaml.Node]bool) {
	if n.Anchor != "" {
		into[n] = true
	}
	for _, c := range n.Content {
		collectAnchors(c, into)
	}
}

func deref(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}

func keyText(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode {
		return n.Value
	}
	return "(a " + kindName(n.Kind) + ")"
}

func tagName(n *yaml.Node) string {
	if n.Kind != yaml.ScalarNode {
		return "a " + kindName(n.Kind)
	}
	switch n.ShortTag() {
	case "!!int":
		return "an integer"
	case "!!float":
		return "a number"
	case "!!bool":
		return "a boolean"
	case "!!null":
		return "null"
	case "!!timestamp":
		return "a timestamp"
	}
	return "tagged " + n.ShortTag()
}

func kindName(k yaml.Kind) string {
	switch k {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	case yaml.AliasNode:
		return "alias"
	}
	return "scalar"
}

// scalar keeps numbers exact (json.Number) and dates and timestamps as the text written:
// the schema and the policies compare those strings, and a time.Time would lose the
// offset the author wrote.
func (b *builder) scalar(n *yaml.Node, pos audit.Position) (any, error) {
	switch tag := n.ShortTag(); tag {
	case "!!str", "!!timestamp", "!!binary":
		if tag == "!!str" && n.Style == 0 {
			if msg := plainNumberProblem(n.Value); msg != "" {
				b.problem(pos, b.pointer(), msg)
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
			b.problem(pos, b.pointer(), fmt.Sprintf("number %s has a leading zero, which YAML 1.1 reads as octal; write it without the leading zero (or quote it if it is text)", n.Value))
			return nil, nil
		}
		if i, err := strconv.ParseInt(plain, 0, 64); err == nil {
			return json.Number(strconv.FormatInt(i, 10)), nil
		}
		if u, err := strconv.ParseUint(strings.TrimPrefix(plain, "+"), 0, 64); err == nil {
			return json.Number(strconv.FormatUint(u, 10)), nil
		}
		b.problem(pos, b.pointer(), integerRangeProblem(n.Value))
		return nil, nil
	case "!!float":
		if special := strings.ToLower(strings.TrimLeft(n.Value, "+-")); special == ".inf" || special == ".nan" {
			b.problem(pos, b.pointer(), fmt.Sprintf("%s is not a finite number", n.Value))
			return nil, nil
		}
		// A long run of digits is resolved as a float when it overflows 64-bit integers;
		// it is still an integer as written, and would not be kept exactly.
		if plain := strings.ReplaceAll(n.Value, "_", ""); decimalRE.MatchString(plain) {
			if msg := integerProblem(n.Value, plain, 10); msg != "" {
				b.problem(pos, b.pointer(), msg)
				return nil, nil
			}
		}
		if len(n.Value) > maxNumberLength {
			b.problem(pos, b.pointer(), tooLongProblem(n.Value))
			return nil, nil
		}
		if jsonNumberRE.MatchString(n.Value) {
			return json.Number(n.Value), nil
		}
		f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			b.problem(pos, b.pointer(), fmt.Sprintf("%s is not a finite number", n.Value))
			return nil, nil
		}
		return json.Number(strconv.FormatFloat(f, 'g', -1, 64)), nil
	default:
		b.problem(pos, b.pointer(), fmt.Sprintf("unsupported YAML tag %s", n.Tag))
		return nil, nil
	}
}
