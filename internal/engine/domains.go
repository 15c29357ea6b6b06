package engine

import (
	"context"
	"fmt"
	"io/fs"
	"sort"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/resilcheck/resilcheck/policies"
)

// FailureDomains are the ids one manifest lets a simulation take down, each list sorted.
type FailureDomains struct {
	Datacenters []string
	PowerFeeds  []string
	Buildings   []string
}

// domainsQuery reads the failure domains the site-loss library simulates, so an id the
// simulation would not recognise is refused with the very sets it matches --fail against.
// The ids are needed before the run builds its engine, and an unknown id must not cost a
// bundle compile: the query compiles only the library's rules these three sets are derived
// from.
var domainsQuery = sync.OnceValues(func() (rego.PreparedEvalQuery, error) {
	const path = "lib/siteloss.rego"
	src, err := fs.ReadFile(policies.FS, path)
	if err != nil {
		return rego.PreparedEvalQuery{}, err
	}
	mod, err := ast.ParseModuleWithOpts(path, string(src), ast.ParserOptions{RegoVersion: ast.RegoV1})
	if err != nil {
		return rego.PreparedEvalQuery{}, err
	}
	mod.Rules = rulesFor(mod.Rules, "dc_ids", "feeds", "buildings")
	return rego.New(
		rego.ParsedModule(mod),
		rego.Query("dcs := data.resilcheck.lib.siteloss.dc_ids; "+
			"feeds := data.resilcheck.lib.siteloss.feeds; "+
			"buildings := data.resilcheck.lib.siteloss.buildings"),
	).PrepareForEval(context.Background())
})

// rulesFor keeps the rules named and every rule of the same package they refer to, however
// indirectly. A local variable that shares a rule's name keeps that rule too: harmless.
func rulesFor(rules []*ast.Rule, names ...string) []*ast.Rule {
	declared := map[string]bool{}
	for _, r := range rules {
		declared[r.Head.Name.String()] = true
	}
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
	}
	for grew := true; grew; {
		grew = false
		for _, r := range rules {
			if !want[r.Head.Name.String()] {
				continue
			}
			ast.WalkVars(r, func(v ast.Var) bool {
				if n := string(v); declared[n] && !want[n] {
					want[n], grew = true, true
				}
				return false
			})
		}
	}
	var out []*ast.Rule
	for _, r := range rules {
		if want[r.Head.Name.String()] {
			out = append(out, r)
		}
	}
	return out
}

// KnownFailureDomains are the datacenters, power feeds and buildings of doc (one decoded
// manifest document) as policies/lib/siteloss.rego derives them.
func KnownFailureDomains(ctx context.Context, doc any) (FailureDomains, error) {
	q, err := domainsQuery()
	if err != nil {
		return FailureDomains{}, fmt.Errorf("site-loss domains: %w", err)
	}
	rs, err := q.Eval(ctx, rego.EvalInput(doc))
	if err != nil {
		return FailureDomains{}, fmt.Errorf("site-loss domains: %w", err)
	}
	if len(rs) != 1 {
		// A document without the shape the library reads (not an object) declares none.
		return FailureDomains{}, nil
	}
	b := rs[0].Bindings
	return FailureDomains{Datacenters: sortedStrings(b["dcs"]), PowerFeeds: sortedStrings(b["feeds"]), Buildings: sortedStrings(b["buildings"])}, nil
}

func sortedStrings(v any) []string {
	list, _ := v.([]any)
	var out []string
	for _, x := range list {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}
