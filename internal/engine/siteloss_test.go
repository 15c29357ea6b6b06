package engine

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/resilcheck/resilcheck/internal/corpus"
)

// TestSiteLossReportSizeAtScale holds the site-loss report of a generated provider of
// thousands of services to a size that grows with the manifest: every list entry (failures,
// services broken in place, notes, dependency links and the failures each names, cycle
// members) is at most siteLossSizeFactor times the services, dependency edges and failure
// domains together. The lost services counted over all failures (what a per-failure list
// of every lost service held) exceed that bound, so a report that listed them would fail.
// Each lost service must also be reachable from its failure's broken services through the
// links, as a reader following chains would find it.
func TestSiteLossReportSizeAtScale(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and analyses manifests of 2,000 services")
	}
	ctx := context.Background()
	e := newEngine(t, Options{Policies: []PolicySource{Builtin()}})
	q, err := e.lazyQuery(ctx, extrasQuery)
	if err != nil {
		t.Fatal(err)
	}
	for _, shape := range []corpus.Shape{corpus.Random, corpus.Layered} {
		t.Run(string(shape), func(t *testing.T) {
			doc, err := corpus.Large(corpus.Spec{Seed: 1, Services: 2000, Datacenters: 100, Incidents: 1, Shape: shape})
			if err != nil {
				t.Fatal(err)
			}
			value, services, edges := decodeLarge(t, doc.Encode(corpus.JSONFormat))
			in, err := ast.InterfaceToValue(value)
			if err != nil {
				t.Fatal(err)
			}
			rs, err := q.Eval(ctx, rego.EvalParsedInput(in))
			if err != nil || len(rs) != 1 {
				t.Fatalf("eval: %v", err)
			}
			sl := convertSiteLoss(rs[0].Bindings["siteloss"])
			if sl == nil {
				t.Fatal("no site-loss report")
			}
			entries, pairs := len(sl.Failures)+len(sl.Dependents), 0
			for _, f := range sl.Failures {
				entries += len(f.Broken) + len(f.Notes)
				pairs += f.Lost
				if f.Lost+f.Surviving != services {
					t.Fatalf("%s: %d lost + %d surviving, want %d services", f.Domain.Label(), f.Lost, f.Surviving, services)
				}
			}
			for _, l := range sl.Dependents {
				entries += len(l.LostWith)
			}
			for _, c := range sl.Cycles {
				entries += len(c)
			}
			bound := siteLossSizeFactor * (services + edges + len(sl.Failures))
			t.Logf("%d services, %d edges, %d failures: %d report entries (bound %d); %d lost services over all failures",
				services, edges, len(sl.Failures), entries, bound, pairs)
			if entries > bound {
				t.Errorf("the report holds %d entries, more than %d", entries, bound)
			}
			if pairs <= bound {
				t.Errorf("only %d lost services over all failures: the manifest does not tell a per-failure list from this one", pairs)
			}
			ix := sl.Index()
			for _, f := range sl.Failures {
				if got := len(ix.Explain(f, 0)); got != f.Lost {
					t.Fatalf("%s: the links reach %d lost services, the report counts %d", f.Domain.Label(), got, f.Lost)
				}
			}
		})
	}
}

// siteLossSizeFactor is the constant of the report's size bound.
const siteLossSizeFactor = 4

// decodeLarge decodes a generated manifest as the loader does (numbers as json.Number) and
// counts its services and dependency edges.
func decodeLarge(t *testing.T, b []byte) (value any, services, edges int) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&value); err != nil {
		t.Fatal(err)
	}
	list, _ := value.(map[string]any)["services"].([]any)
	for _, s := range list {
		deps, _ := s.(map[string]any)["dependsOn"].([]any)
		edges += len(deps)
	}
	return value, len(list), edges
}
