// Package validate decides whether a decoded manifest document is a valid ProviderManifest:
// first against the embedded JSON Schema, then the rules a schema cannot express (ids that
// must resolve, ids that must be unique, dates that must exist and be in order). Every
// finding is an audit.Problem with a JSON pointer and the line and column it lands on.
package validate

import (
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

// compiled is the manifest schema, built on first use and shared: compiling it is far
// dearer than validating one document.
var compiled = sync.OnceValues(func() (*compiledSchema, error) {
	raw, err := schemas.Read(ManifestSchema)
	if err != nil {
		return nil, err
	}
	s, err := gojsonschema.NewSchemaLoader().Compile(gojsonschema.NewBytesLoader(raw))
	if err != nil {
		return nil, fmt.Errorf("compile manifest schema: %w", err)
	}
	var tree map[string]any
	if err := json.Unmarshal(raw, &tree); err != nil {
		return nil, fmt.Errorf("parse manifest schema: %w", err)
	}
	return &compiledSchema{schema: s, tree: tree}, nil
})

type compiledSchema struct {
	schema *gojsonschema.Schema
	// tree is the schema as plain JSON, walked alongside a document to find what the
	// compiled form does not expose: formats, enum lists, the fields allowed at a place.
	tree map[string]any
}

// Ready compiles the schema now and reports whether it is usable, so a broken build is
// found at start-up instead of as a problem on every document.
func Ready() error {
	_, err := compiled()
	return err
}

// Document validates one decoded document. Problems come sorted by line, column, pointer.
func Document(d *manifest.Document) []audit.Problem {
	c, err := compiled()
	if err != nil {
		return []audit.Problem{{Position: d.Pos(""), Message: "cannot validate: " + err.Error()}}
	}
	v := &validator{doc: d, schema: c}
	v.schemaErrors()
	v.formats(d.Value, c.tree, "")
	v.references()
	return sortProblems(v.problems)
}

type validator struct {
	doc      *manifest.Document
	schema   *compiledSchema
	problems []audit.Problem
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
// "path:line:column: pointer: message", leaving out what is unknown.
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
	return sb.String()
}

// Sort orders problems of many files by file, then as Document does.
func Sort(ps []audit.Problem) []audit.Problem { return sortProblems(ps) }

// UniqueNames reports documents whose metadata.name repeats an earlier document's: reports
// key results by that name, so it must be unique across the inputs of one run. The
// problem is attached to every repeat, never to the first use.
func UniqueNames(docs []*manifest.Document) map[*manifest.Document][]audit.Problem {
	out := map[*manifest.Document][]audit.Problem{}
	first := map[string]*manifest.Document{}
	for _, d := range docs {
		root, _ := d.Value.(map[string]any)
		meta, _ := root["metadata"].(map[string]any)
		name, ok := meta["name"].(string)
		if !ok {
			continue
		}
		prev, seen := first[name]
		if !seen {
			first[name] = d
			continue
		}
		p := prev.Pos("/metadata/name")
		out[d] = append(out[d], audit.Problem{Position: d.Pos("/metadata/name"), Pointer: "/metadata/name",
			Message: fmt.Sprintf("metadata.name %q is already used by the manifest at %s:%d:%d; names must be unique across one run", name, p.File, p.Line, p.Column)})
	}
	return out
}
