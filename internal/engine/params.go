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

// paramFuncs are the parameter look-ups whose first argument names a parameter.
var paramFuncs = map[string]bool{
	"data.resilcheck.lib.params.now":      true,
	"data.resilcheck.lib.params.at":       true,
	"data.resilcheck.lib.params.in_force": true,
}

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

// Params lists the parameters control id uses, found by walking its compiled rules and,
// transitively, the helper rules they refer to, with the values in force on the audit date.
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
				case ast.Call:
					if name, ok := paramName(v); ok {
						all[name] = true
						if isDirect {
							direct[name] = true
						}
					}
				case ast.Ref:
					if v.HasPrefix(ast.DefaultRootRef) && !v.HasPrefix(ci.ref) {
						next = append(next, e.compiler.GetRules(v)...)
					}
				}
				return false
			})
			ast.WalkExprs(r, func(x *ast.Expr) bool {
				if x.IsCall() {
					if name, ok := paramName(ast.Call(x.Terms.([]*ast.Term))); ok {
						all[name] = true
						if isDirect {
							direct[name] = true
						}
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
	// A helper reached from the control may itself be in the control package (already
	// walked as direct); GetRules for the params package returns the look-up functions,
	// whose own bodies name no parameter, so they add nothing.

	names := make([]string, 0, len(all))
	for n := range all {
		names = append(names, n)
	}
	sort.Strings(names)
	if len(names) == 0 {
		return nil, nil
	}
	vals, err := e.lookupParams(ctx, names)
	if err != nil {
		return nil, err
	}
	out := make([]Param, 0, len(names))
	for _, n := range names {
		p := vals[n]
		p.Name = n
		p.Direct = direct[n]
		out = append(out, p)
	}
	return out, nil
}

// paramName reads the literal parameter name out of a params.now/at call.
func paramName(call ast.Call) (string, bool) {
	if len(call) < 2 {
		return "", false
	}
	op, ok := call[0].Value.(ast.Ref)
	if !ok || !paramFuncs[op.String()] {
		return "", false
	}
	s, ok := call[1].Value.(ast.String)
	return string(s), ok
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
	q, err := ast.ParseBodyWithOpts(`names := {n | some n, _ in data.resilcheck.params.table}`, ast.ParserOptions{RegoVersion: ast.RegoV1})
	if err != nil {
		return err
	}
	rs, err := rego.New(rego.ParsedQuery(q), rego.Compiler(e.compiler), rego.Store(e.store)).Eval(ctx)
	if err != nil || len(rs) != 1 {
		return &BundleError{Problems: []Problem{{Message: "parameter table data.resilcheck.params.table is unreadable"}}}
	}
	known := map[string]bool{}
	list, _ := rs[0].Bindings["names"].([]any)
	var knownList []string
	for _, n := range list {
		if s, ok := n.(string); ok {
			known[s] = true
			knownList = append(knownList, s)
		}
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
