package engine

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/resilcheck/resilcheck/internal/audit"
	"github.com/resilcheck/resilcheck/internal/suggest"
)

// paramTableRef is data.resilcheck.params, built rather than parsed: package variables
// are initialised by every command at start-up, and the parser costs more than the value.
var paramTableRef = ast.Ref{ast.DefaultRootDocument, ast.StringTerm("resilcheck"), ast.StringTerm("params")}

// Param is audit.Param: the engine reads parameters, and the reports render them.
type Param = audit.Param

// Control returns the catalogue entry for id.
func (e *Engine) Control(id string) (audit.Control, bool) {
	for _, c := range e.controls {
		if c.ID == id {
			return c.Control, true
		}
	}
	return audit.Control{}, false
}

// Params lists the parameters control id uses, with the values in force on the audit date.
// They are found by walking the control's compiled rules and, transitively, the helper rules
// they refer to, collecting every string literal that names a parameter of the table: helpers
// wrap params.at/params.now (e.g. a function returning value and basis), so looking for
// those calls alone would miss parameters read through a helper.
func (e *Engine) Params(ctx context.Context, id string) ([]Param, error) {
	var ci *controlInfo
	for _, c := range e.controls {
		if c.ID == id {
			ci = c
		}
	}
	if ci == nil {
		return nil, fmt.Errorf("unknown control %s", id)
	}
	names, err := e.paramNames(ctx)
	if err != nil {
		return nil, err
	}
	c, err := e.bundle()
	if err != nil {
		return nil, err
	}
	known := make(map[string]bool, len(names))
	for _, n := range names {
		known[n] = true
	}
	direct := map[string]bool{}
	all := map[string]bool{}
	visited := map[*ast.Rule]bool{}
	var walk func(rules []*ast.Rule, isDirect bool)
	walk = func(rules []*ast.Rule, isDirect bool) {
		var next []*ast.Rule
		for _, r := range rules {
			if visited[r] {
				continue
			}
			visited[r] = true
			ast.WalkTerms(r, func(t *ast.Term) bool {
				switch v := t.Value.(type) {
				case ast.String:
					if known[string(v)] {
						all[string(v)] = true
						if isDirect {
							direct[string(v)] = true
						}
					}
				case ast.Ref:
					// The parameter table names every parameter: walking into it would
					// make every control appear to use all of them.
					if v.HasPrefix(ast.DefaultRootRef) && !v.HasPrefix(ci.ref) && !v.HasPrefix(paramTableRef) {
						next = append(next, c.GetRulesForVirtualDocument(v)...)
					}
				}
				return false
			})
		}
		if len(next) > 0 {
			walk(next, false)
		}
	}
	var own []*ast.Rule
	for _, f := range ci.files {
		if m, ok := c.Modules[f]; ok {
			own = append(own, m.Rules...)
		}
	}
	walk(own, true)
	used := make([]string, 0, len(all))
	for n := range all {
		used = append(used, n)
	}
	sort.Strings(used)
	if len(used) == 0 {
		return nil, nil
	}
	vals, err := e.lookupParams(ctx, used)
	if err != nil {
		return nil, err
	}
	out := make([]Param, 0, len(used))
	for _, n := range used {
		p := vals[n]
		p.Name = n
		p.Direct = direct[n]
		out = append(out, p)
	}
	return out, nil
}

// lookupParams reads each parameter's entry in force on the audit date, or its override.
func (e *Engine) lookupParams(ctx context.Context, names []string) (map[string]Param, error) {
	in := make([]any, len(names))
	for i, n := range names {
		in[i] = n
	}
	q, err := parseQuery(`entries := {n: e |
		some n in input.names
		e := data.resilcheck.lib.params.in_force(n, data.resilcheck.lib.time.as_of_ns)
	}
	overrides := {n: v | some n in input.names; v := data.resilcheck.overrides[n]}`)
	if err != nil {
		return nil, err
	}
	c, err := e.bundle()
	if err != nil {
		return nil, err
	}
	rs, err := rego.New(rego.ParsedQuery(q), rego.Compiler(c), rego.Store(e.store),
		rego.Input(map[string]any{"names": in})).Eval(ctx)
	if err != nil {
		return nil, fmt.Errorf("look up parameters: %w", err)
	}
	out := map[string]Param{}
	if len(rs) != 1 {
		return out, nil
	}
	for n, p := range paramEntries(rs[0].Bindings["entries"]) {
		out[n] = p
	}
	overrides, _ := rs[0].Bindings["overrides"].(map[string]any)
	for n, v := range overrides {
		p := out[n]
		p.Value, p.Label, p.From = v, "override", ""
		p.Basis = "--data override" + prefixIf("; default basis: ", p.Basis)
		out[n] = p
	}
	for _, n := range names {
		if _, ok := out[n]; !ok {
			out[n] = Param{Value: nil, Label: "not in force", Basis: "no entry in force on " + e.asOf}
		}
	}
	return out, nil
}

func prefixIf(prefix, s string) string {
	if s == "" {
		return ""
	}
	return prefix + s
}

// checkOverrides refuses an override for a parameter that does not exist, or of another
// type than the parameter's own values: a typo in the name would change nothing, and a
// string where a number belongs would make every comparison with it undefined, so a
// control could pass on a number the user never meant. Either way the user would believe
// the run used their value.
func (e *Engine) checkOverrides(ctx context.Context, overrides overrideSet) error {
	if len(overrides.values) == 0 {
		return nil
	}
	types, err := e.paramTypes(ctx)
	if err != nil {
		return err
	}
	knownList := make([]string, 0, len(types))
	for n := range types {
		knownList = append(knownList, n)
	}
	sort.Strings(knownList)
	var probs []audit.Problem
	for _, n := range sortedKeys(overrides.values) {
		at := overrides.where[n]
		want, ok := types[n]
		if !ok {
			m := fmt.Sprintf("unknown parameter %q", n)
			if s := Suggest(n, knownList); s != "" {
				m += fmt.Sprintf(" (did you mean %q?)", s)
			}
			probs = append(probs, audit.Problem{Position: at, Message: m})
			continue
		}
		if got := regoTypeName(overrides.values[n]); !slices.Contains(want, got) {
			probs = append(probs, audit.Problem{Position: at, Message: fmt.Sprintf("parameter %q takes a %s, got %s %s", n, strings.Join(want, " or "), got, describeValue(overrides.values[n]))})
		}
	}
	// One line per problem, in file and line order.
	sort.SliceStable(probs, func(i, j int) bool {
		if probs[i].File != probs[j].File {
			return probs[i].File < probs[j].File
		}
		return probs[i].Line < probs[j].Line
	})
	if err := dataErrors(probs); err != nil {
		return err
	}
	return nil
}

// describeValue shows a short rendering of a rejected override value.
func describeValue(v any) string {
	b, err := json.Marshal(v)
	if err != nil || len(b) > 40 {
		return ""
	}
	return string(b)
}

// Suggest returns the candidate closest to s, if it is close enough to be a plausible typo
// (within a third of its length, at least two edits), or "".
func Suggest(s string, candidates []string) string {
	return suggest.Closest(s, candidates, max(2, len(s)/3))
}

// paramNames lists the parameters of data.resilcheck.params.table, sorted.
func (e *Engine) paramNames(ctx context.Context) ([]string, error) {
	types, err := e.paramTypes(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(types))
	for n := range types {
		out = append(out, n)
	}
	sort.Strings(out)
	return out, nil
}

// paramTypes maps every parameter of data.resilcheck.params.table to the Rego type names
// (number, string, boolean...) its values take across its effective-dated entries. The
// table is a constant of the bundle: on the prebuilt path it was read when the bundle was.
func (e *Engine) paramTypes(ctx context.Context) (map[string][]string, error) {
	if e.prebuilt != nil {
		return sortedParamTypes(e.prebuilt.ParamTypes), nil
	}
	q, err := parseQuery(`types := {n: ts | some n, entries in data.resilcheck.params.table; ts := {type_name(x.value) | some x in entries}}`)
	if err != nil {
		return nil, err
	}
	c, err := e.bundle()
	if err != nil {
		return nil, err
	}
	rs, err := rego.New(rego.ParsedQuery(q), rego.Compiler(c), rego.Store(e.store)).Eval(ctx)
	if err != nil || len(rs) != 1 {
		return nil, &BundleError{Problems: []Problem{{Message: "parameter table data.resilcheck.params.table is unreadable"}}}
	}
	raw, _ := rs[0].Bindings["types"].(map[string]any)
	out := make(map[string][]string, len(raw))
	for n, v := range raw {
		list, _ := v.([]any)
		for _, t := range list {
			if s, ok := t.(string); ok {
				out[n] = append(out[n], s)
			}
		}
		sort.Strings(out[n])
	}
	return out, nil
}

// regoTypeName names a decoded JSON/YAML value's type the way Rego's type_name does.
func regoTypeName(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case float64, float32, int, int64, json.Number:
		return "number"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", v)
}

// ScopeTest is audit.ScopeTest.
type ScopeTest = audit.ScopeTest

// ScopeParamNames are the parameters any party test reads: the shared scope helper reads them
// all, so `explain` shows them beside the tests rather than as every control's own.
func (e *Engine) ScopeParamNames(ctx context.Context) (map[string]bool, error) {
	all, _, err := e.partyTests(ctx)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, v := range all {
		m, _ := v.(map[string]any)
		en, _ := m["en"].(string)
		for _, n := range slotNames(en) {
			out[n] = true
		}
	}
	return out, nil
}

// partyTests reads lib.scope's party_tests (the test of each party, with {parameter} slots)
// and branch_from (the date each branch came into force).
func (e *Engine) partyTests(ctx context.Context) (tests, froms map[string]any, err error) {
	q, err := e.lazyQuery(ctx, "tests := data.resilcheck.lib.scope.party_tests; from := data.resilcheck.lib.scope.branch_from")
	if err != nil {
		return nil, nil, err
	}
	rs, err := q.Eval(ctx)
	if err != nil || len(rs) != 1 {
		return nil, nil, err
	}
	tests, _ = rs[0].Bindings["tests"].(map[string]any)
	froms, _ = rs[0].Bindings["from"].(map[string]any)
	return tests, froms, nil
}

// ScopeTests describes the party tests named (lib.scope party ids), in the order given.
// Unknown parties are skipped: a custom control may name none.
func (e *Engine) ScopeTests(ctx context.Context, parties []string) ([]ScopeTest, error) {
	all, froms, err := e.partyTests(ctx)
	if err != nil {
		return nil, err
	}
	var out []ScopeTest
	for _, party := range parties {
		m, ok := all[party].(map[string]any)
		if !ok {
			continue
		}
		en, _ := m["en"].(string)
		ko, _ := m["ko"].(string)
		names := slotNames(en)
		vals, err := e.lookupParams(ctx, names)
		if err != nil {
			return nil, err
		}
		st := ScopeTest{Party: party}
		st.From, _ = froms[party].(string)
		var first map[string]Param
		for _, n := range names {
			p := vals[n]
			if p.Value == nil {
				// Not in force yet on the audit date: show the numbers it starts with.
				if first == nil {
					if first, err = e.firstParams(ctx, names); err != nil {
						return nil, err
					}
				}
				p = first[n]
			}
			p.Name = n
			st.Params = append(st.Params, p)
			en = strings.ReplaceAll(en, "{"+n+"}", audit.GroupDigits(p.Value))
			ko = strings.ReplaceAll(ko, "{"+n+"}", audit.GroupDigits(p.Value))
		}
		st.Test = audit.Text{En: en, Ko: ko}
		out = append(out, st)
	}
	return out, nil
}

// slotNames are the distinct {name} slots of s, in order.
func slotNames(s string) []string {
	var out []string
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			return out
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			return out
		}
		if n := s[i+1 : i+j]; !slices.Contains(out, n) {
			out = append(out, n)
		}
		s = s[i+j+1:]
	}
}

// firstParams reads each parameter's first entry (for a test not yet in force).
func (e *Engine) firstParams(ctx context.Context, names []string) (map[string]Param, error) {
	in := make([]any, len(names))
	for i, n := range names {
		in[i] = n
	}
	q, err := parseQuery(`entries := {n: data.resilcheck.params.table[n][0] | some n in input.names}`)
	if err != nil {
		return nil, err
	}
	c, err := e.bundle()
	if err != nil {
		return nil, err
	}
	rs, err := rego.New(rego.ParsedQuery(q), rego.Compiler(c), rego.Store(e.store),
		rego.Input(map[string]any{"names": in})).Eval(ctx)
	if err != nil || len(rs) != 1 {
		return nil, err
	}
	return paramEntries(rs[0].Bindings["entries"]), nil
}

// paramEntries reads a {name: table entry} binding into Params.
func paramEntries(v any) map[string]Param {
	out := map[string]Param{}
	entries, _ := v.(map[string]any)
	for n, e := range entries {
		m, _ := e.(map[string]any)
		p := Param{Value: m["value"]}
		p.Label, _ = m["label"].(string)
		p.Basis, _ = m["basis"].(string)
		p.From, _ = m["from"].(string)
		out[n] = p
	}
	return out
}
