package engine

import (
	"fmt"
	"sort"
	"strings"

	"github.com/resilcheck/resilcheck/internal/audit"
	"github.com/resilcheck/resilcheck/internal/manifest"
)

// DataFile is a --data file: YAML or JSON shaped {"resilcheck": {"overrides": {...}}}, the
// same file `opa eval -d FILE` accepts.
type DataFile struct {
	Name    string
	Content []byte
}

// DataError is a --data file that cannot be used, with the place in it when there is
// one. The CLI maps it to exit status 2.
type DataError struct {
	File         string
	Line, Column int // 0 when the problem is the file as a whole
	Msg          string
	// More are further problems found in the same pass, so one run reports them all.
	More []*DataError
}

func (e *DataError) Error() string {
	var b strings.Builder
	e.write(&b)
	for _, m := range e.More {
		b.WriteByte('\n')
		m.write(&b)
	}
	return b.String()
}

func (e *DataError) write(b *strings.Builder) {
	b.WriteString("data file ")
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(b, ":%d:%d", e.Line, e.Column)
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
}

// dataErrors turns located problems into one DataError (nil for none).
func dataErrors(problems []audit.Problem) *DataError {
	if len(problems) == 0 {
		return nil
	}
	errs := make([]*DataError, len(problems))
	for i, p := range problems {
		errs[i] = &DataError{File: p.File, Line: p.Line, Column: p.Column, Msg: p.Message}
	}
	errs[0].More = errs[1:]
	return errs[0]
}

// overrideSet is the merged overrides of the data files and, for each, where it was
// written in the file that set it last.
type overrideSet struct {
	values map[string]any
	where  map[string]audit.Position
}

// parseData merges the overrides of every data file, later files winning per parameter.
// Anything other than resilcheck.overrides is refused: the run context and the parameter
// table belong to the tool, and silently accepting other keys would let a data file change
// verdicts in ways a reviewer of the report cannot see. Files are decoded by the manifest
// loader, so every refusal names the line and column, as for a manifest.
func parseData(files []DataFile) (overrideSet, error) {
	set := overrideSet{values: map[string]any{}, where: map[string]audit.Position{}}
	for _, f := range files {
		src := manifest.Decode(f.Name, f.Content, manifest.Options{Subject: "a data file"})
		if err := dataErrors(src.Problems); err != nil {
			return overrideSet{}, err
		}
		if len(src.Documents) == 0 { // the decoder reports an empty file; be safe anyway
			return overrideSet{}, &DataError{File: f.Name, Msg: "no document"}
		}
		if len(src.Documents) > 1 {
			p := src.Documents[1].Pos("")
			return overrideSet{}, dataErrors([]audit.Problem{{Position: p, Message: fmt.Sprintf(
				"a data file holds one document, this one has %d: merge them under one resilcheck.overrides", len(src.Documents))}})
		}
		doc := src.Documents[0]
		if err := dataErrors(overrideProblems(doc)); err != nil {
			return overrideSet{}, err
		}
		ov := doc.Value.(map[string]any)["resilcheck"].(map[string]any)["overrides"].(map[string]any)
		for k, v := range ov {
			set.values[k] = v
			set.where[k] = doc.KeyPos(manifest.Join("/resilcheck/overrides", k))
		}
	}
	return set, nil
}

// overrideProblems checks the shape {"resilcheck": {"overrides": {...}}} and nothing else.
func overrideProblems(doc *manifest.Document) []audit.Problem {
	at := func(key bool, pointer, msg string) audit.Problem {
		p := doc.Pos(pointer)
		if key {
			p = doc.KeyPos(pointer)
		}
		return audit.Problem{Position: p, Pointer: pointer, Message: msg}
	}
	top := doc.Value.(map[string]any) // the decoder refuses any other top level
	var probs []audit.Problem
	for _, k := range sortedKeys(top) {
		if k != "resilcheck" {
			probs = append(probs, at(true, manifest.Join("", k), fmt.Sprintf("top-level key %q is not allowed: only resilcheck.overrides may be set", k)))
		}
	}
	rc, ok := top["resilcheck"].(map[string]any)
	if !ok {
		return append(probs, at(false, "/resilcheck", `"resilcheck" must be an object holding "overrides"`))
	}
	for _, k := range sortedKeys(rc) {
		if k != "overrides" {
			probs = append(probs, at(true, manifest.Join("/resilcheck", k), fmt.Sprintf("resilcheck.%s may not be overwritten: only resilcheck.overrides may be set", k)))
		}
	}
	if _, ok := rc["overrides"].(map[string]any); !ok {
		probs = append(probs, at(false, "/resilcheck/overrides", `"resilcheck.overrides" must be an object of parameter name to value`))
	}
	return probs
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
