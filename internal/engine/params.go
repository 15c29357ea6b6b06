package engine

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/resilcheck/resilcheck/internal/audit"
)

// paramTableRef is data.resilcheck.params, built rather than parsed: package variables
// are initialised by every command at start-up, and the parser costs more than the value.
var paramTableRef = ast.Ref{ast.DefaultRootDocument, ast.StringTerm("resilcheck"), ast.StringTerm("params")}

// Param is one regulatory parameter a control relies on, as it stands on the audit date.
type Param struct {
	Name  string `json:"name"`
	Value any    `json:"value"`
	// Label is law, guideline, guidance or audit-default; "override" when a --data file
	// replaced the value.
	Label string `json:"label"`
	Basis string `json:"basis,omitempty"`
	From  string `json:"from,omitempty"`
	// Direct is true when the control names the parameter itself rather than through a
	// shared helper such as a scope test.
	Direct bool `json:"direct"`
}

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
						next = append(next, e.compiler.GetRulesForVirtualDocument(v)...)
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
		if m, ok := e.compiler.Modules[f]; ok {
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
	q, err := ast.ParseBodyWithOpts(`entries := {n: e |
		some n in input.names
		e := data.resilcheck.lib.params.in_force(n, data.resilcheck.lib.time.as_of_ns)
	}
	overrides := {n: v | some n in input.names; v := data.resilcheck.overrides[n]}`, ast.ParserOptions{RegoVersion: ast.RegoV1})
	if err != nil {
		return nil, err
	}
	rs, err := rego.New(rego.ParsedQuery(q), rego.Compiler(e.compiler), rego.Store(e.store),
		rego.Input(map[string]any{"names": in})).Eval(ctx)
	if err != nil {
		return nil, fmt.Errorf("look up parameters: %w", err)
	}
	out := map[string]Param{}
	if len(rs) != 1 {
		return out, nil
	}
	entries, _ := rs[0].Bindings["entries"].(map[string]any)
	for n, v := range entries {
		m, _ := v.(map[string]any)
		p := Param{Value: m["value"]}
		p.Label, _ = m["label"].(string)
		p.Basis, _ = m["basis"].(string)
		p.From, _ = m["from"].(string)
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

// checkOverrides refuses an override for a parameter that does not exist: a typo would
// otherwise change nothing and the user would believe the run used their number.
func (e *Engine) checkOverrides(ctx context.Context, files []DataFile, overrides map[string]any) error {
	if len(overrides) == 0 {
		return nil
	}
	knownList, err := e.paramNames(ctx)
	if err != nil {
		return err
	}
	known := make(map[string]bool, len(knownList))
	for _, n := range knownList {
		known[n] = true
	}
	var unknown []string
	for n := range overrides {
		if !known[n] {
			unknown = append(unknown, n)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	sort.Strings(unknown)
	var msgs []string
	for _, n := range unknown {
		m := fmt.Sprintf("unknown parameter %q", n)
		if s := Suggest(n, knownList); s != "" {
			m += fmt.Sprintf(" (did you mean %q?)", s)
		}
		msgs = append(msgs, m)
	}
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = f.Name
	}
	return &DataError{File: strings.Join(names, ", "), Msg: strings.Join(msgs, "; ")}
}

// Suggest returns the candidate closest to s by edit distance, if it is close enough to be
// a plausible typo, or "".
func Suggest(s string, candidates []string) string {
	best, bestD := "", -1
	ls := strings.ToLower(s)
	for _, c := range candidates {
		d := levenshtein(ls, strings.ToLower(c))
		if bestD < 0 || d < bestD || (d == bestD && c < best) {
			best, bestD = c, d
		}
	}
	if bestD < 0 || bestD > max(2, len(s)/3) {
		return ""
	}
	return best
}

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// paramNames lists the parameters of data.resilcheck.params.table, sorted.
func (e *Engine) paramNames(ctx context.Context) ([]string, error) {
	q, err := ast.ParseBodyWithOpts(`names := {n | some n, _ in data.resilcheck.params.table}`, ast.ParserOptions{RegoVersion: ast.RegoV1})
	if err != nil {
		return nil, err
	}
	rs, err := rego.New(rego.ParsedQuery(q), rego.Compiler(e.compiler), rego.Store(e.store)).Eval(ctx)
	if err != nil || len(rs) != 1 {
		return nil, &BundleError{Problems: []Problem{{Message: "parameter table data.resilcheck.params.table is unreadable"}}}
	}
	list, _ := rs[0].Bindings["names"].([]any)
	out := make([]string, 0, len(list))
	for _, n := range list {
		if s, ok := n.(string); ok {
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out, nil
}
