// Package validate decides whether a decoded manifest document is a valid ProviderManifest:
// first against the embedded JSON Schema, then the rules a schema cannot express (ids that
// must resolve, ids that must be unique, dates that must exist and be in order). Every
// finding is an audit.Problem with a JSON pointer and the line and column it lands on.
package validate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/xeipuuv/gojsonschema"

	"github.com/resilcheck/resilcheck/internal/audit"
	"github.com/resilcheck/resilcheck/internal/manifest"
	"github.com/resilcheck/resilcheck/schemas"
)

// ManifestSchema is the embedded schema documents are validated against.
const ManifestSchema = "manifest"

// cache holds each embedded schema compiled once and shared: compiling is far dearer than
// validating one document, and a run validates many.
var cache sync.Map // schema name -> func() (*compiledSchema, error)

func compile(name string) (*compiledSchema, error) {
	f, _ := cache.LoadOrStore(name, sync.OnceValues(func() (*compiledSchema, error) {
		raw, err := schemas.Read(name)
		if err != nil {
			return nil, err
		}
		// Decoded once, as gojsonschema decodes a schema itself (numbers as json.Number),
		// and shared by the compiler and the tree: decoding it twice was a fifth of
		// compiling it. Neither writes to it.
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		var doc any
		if err := dec.Decode(&doc); err != nil {
			return nil, fmt.Errorf("parse %s schema: %w", name, err)
		}
		tree, ok := doc.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("parse %s schema: not a JSON object", name)
		}
		s, err := gojsonschema.NewSchemaLoader().Compile(gojsonschema.NewRawLoader(strippedForCompiler(tree)))
		if err != nil {
			return nil, fmt.Errorf("compile %s schema: %w", name, err)
		}
		c := &compiledSchema{schema: s, tree: tree}
		c.keywords = keywordTree(c)
		return c, nil
	}))
	return f.(func() (*compiledSchema, error))()
}

func compiled() (*compiledSchema, error) { return compile(ManifestSchema) }

type compiledSchema struct {
	schema *gojsonschema.Schema
	// tree is the schema as plain JSON, as written: the fields allowed at a place and the
	// enum lists for messages are read from it.
	tree map[string]any
	// keywords is what the document walk checks itself (enum, uniqueItems, ids, dates and
	// timestamps), which the compiled copy leaves out.
	keywords *keywordNode
}

// Ready compiles the schema now and reports whether it is usable, so a broken build is
// found at start-up instead of as a problem on every document.
func Ready() error {
	_, err := compiled()
	return err
}

// Document validates one decoded manifest document: the schema, then the rules a schema
// cannot express. Problems come sorted by line, column, pointer. A valid timestamp written
// in a form the policies cannot read (lower-case t or z, a leap second) is rewritten in
// d.Value to the same instant in the form they read (see parseTimestamp).
func Document(d *manifest.Document) (problems []audit.Problem) {
	defer recoverInto(d, &problems)
	v, problems := newValidator(ManifestSchema, d)
	if v == nil {
		return problems
	}
	v.evaluated = true
	v.schemaErrors()
	v.walk(d.Value, v.schema.keywords)
	v.references()
	return sortProblems(v.problems)
}

// Against validates a document against another embedded schema (e.g. "waivers"), with the
// same messages and the same strict date and date-time checks as Document. Rules beyond
// the schema are the caller's.
func Against(schema string, d *manifest.Document) (problems []audit.Problem) {
	defer recoverInto(d, &problems)
	v, problems := newValidator(schema, d)
	if v == nil {
		return problems
	}
	v.schemaErrors()
	v.walk(d.Value, v.schema.keywords)
	return sortProblems(v.problems)
}

// recoverInto turns a panic while validating one document into a problem on it, so one
// document that trips a bug cannot take a whole run down. It is a last resort: the
// validator is written not to panic, and the problem asks to report it.
func recoverInto(d *manifest.Document, problems *[]audit.Problem) {
	if r := recover(); r != nil {
		*problems = []audit.Problem{{Position: d.Pos(""), Message: fmt.Sprintf("internal error while validating (please report it): %v", r)}}
	}
}

func newValidator(schema string, d *manifest.Document) (*validator, []audit.Problem) {
	c, err := compile(schema)
	if err != nil {
		return nil, []audit.Problem{{Position: d.Pos(""), Message: "cannot validate: " + err.Error()}}
	}
	return &validator{doc: d, schema: c}, nil
}

type validator struct {
	doc      *manifest.Document
	schema   *compiledSchema
	problems []audit.Problem
	// evaluated is set for a manifest, whose dates the policies compute with: they must
	// then fall in the years OPA's nanosecond clock reaches (other schemas' dates, such as
	// a waiver's expiry, are read by Go).
	evaluated bool
	// at is the path from the document to the value the walk is looking at; its pointer
	// is spelt out only for a problem, not for each of the document's values.
	at []pathToken
}

// pathToken is a member name, or an index when index >= 0.
type pathToken struct {
	name  string
	index int
}

// pointer is the JSON pointer of the value the walk is looking at.
func (v *validator) pointer() string {
	tokens := make([]any, len(v.at))
	for i, t := range v.at {
		if t.index >= 0 {
			tokens[i] = t.index
		} else {
			tokens[i] = t.name
		}
	}
	return manifest.Join("", tokens...)
}

func (v *validator) add(pointer, msg string) {
	v.problems = append(v.problems, audit.Problem{Position: v.doc.Pos(pointer), Pointer: pointer, Message: msg})
}

func (v *validator) addAtKey(pointer, msg string) {
	v.problems = append(v.problems, audit.Problem{Position: v.doc.KeyPos(pointer), Pointer: pointer, Message: msg})
}

// sortProblems orders problems as a person reads a file and drops exact repeats.
func sortProblems(ps []audit.Problem) []audit.Problem {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		if a.Pointer != b.Pointer {
			return a.Pointer < b.Pointer
		}
		return a.Message < b.Message
	})
	out := ps[:0]
	for i, p := range ps {
		if i > 0 && p == ps[i-1] {
			continue
		}
		out = append(out, p)
	}
	return out
}

// Format renders a problem the way compilers do, so editors and CI log viewers link it:
// "path:line:column: pointer: message", leaving out what is unknown. It goes to a
// terminal, and file names and keys (hence pointers) come from untrusted input, so
// control characters print as escapes (audit.Printable).
func Format(p audit.Problem) string {
	var sb strings.Builder
	sb.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&sb, ":%d", p.Line)
		if p.Column > 0 {
			fmt.Fprintf(&sb, ":%d", p.Column)
		}
	}
	sb.WriteString(": ")
	if p.Pointer != "" {
		sb.WriteString(p.Pointer)
		sb.WriteString(": ")
	}
	sb.WriteString(p.Message)
	return audit.Printable(sb.String())
}

// Sort orders problems of many files by file, then as Document does.
func Sort(ps []audit.Problem) []audit.Problem { return sortProblems(ps) }

// UniqueNames reports documents whose metadata.name repeats an earlier document's: reports
// key results by that name, so it must be unique across the inputs of one run. The
// problem is attached to every repeat, never to the first use.
func UniqueNames(docs []*manifest.Document) map[*manifest.Document][]audit.Problem {
	out := map[*manifest.Document][]audit.Problem{}
	names := NewNames()
	for _, d := range docs {
		if ps := names.Check(d); len(ps) > 0 {
			out[d] = ps
		}
	}
	return out
}

// Names is UniqueNames for documents that stream past: it keeps where each name was first
// used, not the documents, so a sweep holds one position per manifest.
type Names struct{ first map[string]audit.Position }

func NewNames() *Names { return &Names{first: map[string]audit.Position{}} }

// Check is the problem of d when its metadata.name repeats that of a document checked
// before; nil for a first use or a document without a name.
func (n *Names) Check(d *manifest.Document) []audit.Problem {
	root, _ := d.Value.(map[string]any)
	meta, _ := root["metadata"].(map[string]any)
	name, ok := meta["name"].(string)
	if !ok {
		return nil
	}
	p, seen := n.first[name]
	if !seen {
		n.first[name] = d.Pos("/metadata/name")
		return nil
	}
	return []audit.Problem{{Position: d.Pos("/metadata/name"), Pointer: "/metadata/name",
		Message: fmt.Sprintf("metadata.name %q is already used by the manifest at %s:%d:%d; names must be unique across one run", name, p.File, p.Line, p.Column)}}
}

// FileError is a file that cannot be used as what it was given for (a waiver file, a report
// to compare or to take as a baseline): every problem found, each with its file:line:column
// where the file shows one.
type FileError struct {
	What     string // "waiver file", "report"
	Problems []audit.Problem
}

func (e *FileError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = Format(p)
	}
	return "invalid " + e.What + ":\n" + strings.Join(lines, "\n")
}
