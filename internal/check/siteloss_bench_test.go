package check

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/resilcheck/resilcheck/internal/audit"
	"github.com/resilcheck/resilcheck/internal/engine"
)

// The site-loss analysis runs inside every check, so its cost on a large, deeply layered
// provider must stay close to the cost of the same provider without dependencies. Compare:
//
//	go test -run '^$' -bench SiteLoss -benchtime 20x ./internal/check/
//
// Each benchmark judges one generated manifest with every built-in control, the scope
// decisions and the site-loss analysis (the same single evaluation `check` runs).

// siteLossShape describes a generated provider.
type siteLossShape struct {
	datacenters int
	chains      int // independent dependency chains
	depth       int // services per chain: each depends on the next, the last on nothing
	deps        bool
	ladder      bool // each service also depends on the one two steps down (diamonds)
}

// genSiteLossManifest builds a provider with shape.chains*shape.depth services plus one
// operations-tooling and one login service. Every service is active in two datacenters
// except the bottom of each chain, which is active in one and has a standby elsewhere whose
// failover the tooling performs; so losing that one datacenter takes the whole chain down
// (with dependencies) and every chain is walked to its root. Two datacenters share a
// building and two share a substation, so every kind of failure domain is analysed.
func genSiteLossManifest(s siteLossShape) map[string]any {
	dc := func(i int) string { return fmt.Sprintf("dc-%02d", i%s.datacenters) }
	var dcs []any
	for i := range s.datacenters {
		building, feeds := fmt.Sprintf("bldg-%02d", i), []any{fmt.Sprintf("sub-%02d-a", i), fmt.Sprintf("sub-%02d-b", i)}
		if i == 1 {
			building = "bldg-00"
		}
		if i == 2 || i == 3 {
			feeds = []any{"sub-shared"}
		}
		dcs = append(dcs, map[string]any{"id": dc(i), "name": dc(i), "operator": fmt.Sprintf("op-%d", i%3),
			"ownership": "own", "building": building, "powerFeeds": feeds})
	}
	active := func(d string) map[string]any { return map[string]any{"datacenter": d, "mode": "active"} }
	services := []any{
		map[string]any{"id": "ops", "name": "ops", "critical": true, "coreFunction": "operations-tooling",
			"deployments": []any{active(dc(0)), active(dc(4)), active(dc(7))}},
		map[string]any{"id": "login", "name": "login", "critical": true, "coreFunction": "authentication",
			"deployments": []any{active(dc(1)), active(dc(5)), active(dc(8))}},
	}
	for c := range s.chains {
		for k := range s.depth {
			id := fmt.Sprintf("svc-%02d-%03d", c, k)
			svc := map[string]any{"id": id, "name": id, "critical": k == 0}
			if k == s.depth-1 {
				svc["deployments"] = []any{active(dc(c)), map[string]any{"datacenter": dc(c + 5), "mode": "standby", "recoveryMinutes": 10}}
				svc["recovery"] = map[string]any{"rtoMinutes": 5, "performedBy": "ops"}
			} else {
				svc["deployments"] = []any{active(dc(c + k)), active(dc(c + k + 1))}
			}
			if s.deps {
				var on []any
				if k+1 < s.depth {
					on = append(on, fmt.Sprintf("svc-%02d-%03d", c, k+1))
				}
				if s.ladder && k+2 < s.depth {
					on = append(on, fmt.Sprintf("svc-%02d-%03d", c, k+2))
				}
				on = append(on, "login")
				svc["dependsOn"] = on
			}
			services = append(services, svc)
		}
	}
	return map[string]any{
		"apiVersion": "resilcheck/v1",
		"kind":       "ProviderManifest",
		"metadata":   map[string]any{"name": "bench-siteloss"},
		"provider": map[string]any{"name": "Bench", "categories": []any{"value-added"}, "origin": "domestic",
			"metrics": map[string]any{"window": map[string]any{"from": "2025-10-01", "to": "2025-12-31"},
				"dailyAverageUsers": 20000000, "trafficSharePercent": 3}},
		"datacenters": dcs,
		"services":    services,
	}
}

// asDocument round-trips through JSON so numbers are json.Number, as the loader produces.
func asDocument(tb testing.TB, m map[string]any) engine.Document {
	tb.Helper()
	b, err := json.Marshal(m)
	if err != nil {
		tb.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		tb.Fatal(err)
	}
	return engine.Document{Name: "bench-siteloss", Value: v, Pos: func(string) audit.Position { return audit.Position{} }}
}

func BenchmarkSiteLoss(b *testing.B) {
	ctx := context.Background()
	eng, err := Engine(ctx, benchOptions())
	if err != nil {
		b.Fatal(err)
	}
	cases := []struct {
		name  string
		shape siteLossShape
	}{
		{"200-services/no-deps", siteLossShape{datacenters: 10, chains: 10, depth: 20}},
		{"200-services/deep-chains", siteLossShape{datacenters: 10, chains: 10, depth: 20, deps: true}},
		{"200-services/one-chain-of-200", siteLossShape{datacenters: 10, chains: 1, depth: 200, deps: true}},
		{"60-services/ladder-no-deps", siteLossShape{datacenters: 10, chains: 5, depth: 12}},
		{"60-services/ladder", siteLossShape{datacenters: 10, chains: 5, depth: 12, deps: true, ladder: true}},
	}
	for _, tc := range cases {
		doc := asDocument(b, genSiteLossManifest(tc.shape))
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				out := eng.EvaluateOne(ctx, doc)
				if out.SiteLoss == nil || len(out.SiteLoss.Failures) == 0 {
					b.Fatalf("no site-loss analysis: %+v", out.Results)
				}
			}
		})
	}
}

// TestSiteLossBenchManifest makes sure the benchmark measures what it claims: with
// dependencies, losing a chain's bottom datacenter takes the whole chain down and the
// chain of the top service is walked to the root.
func TestSiteLossBenchManifest(t *testing.T) {
	ctx := context.Background()
	eng, err := Engine(ctx, benchOptions())
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name      string
		deps      bool
		wantLost  int // services lost with dc-03 (the bottom of chain 3)
		wantChain int // length of svc-03-000's chain (services plus the cause)
	}{
		{"with dependencies", true, 20, 21},
		{"without dependencies", false, 1, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc := asDocument(t, genSiteLossManifest(siteLossShape{datacenters: 10, chains: 10, depth: 20, deps: tc.deps}))
			out := eng.EvaluateOne(ctx, doc)
			if out.SiteLoss == nil {
				t.Fatalf("no site-loss analysis: %+v", out.Results)
			}
			var lost []audit.LostService
			ix := out.SiteLoss.Index()
			for _, f := range out.SiteLoss.Failures {
				if f.Domain.Kind == "datacenter" && f.Domain.ID == "dc-03" {
					for _, u := range ix.Explain(f, 0) {
						if u.Service >= "svc-03-" && u.Service < "svc-04-" {
							lost = append(lost, u)
						}
					}
				}
			}
			if len(lost) != tc.wantLost {
				t.Fatalf("losing dc-03 takes %d services of chain 3, want %d", len(lost), tc.wantLost)
			}
			if tc.wantChain > 0 && (lost[0].Service != "svc-03-000" || len(lost[0].Chain) != tc.wantChain) {
				t.Errorf("chain of %s = %v, want %d elements", lost[0].Service, lost[0].Chain, tc.wantChain)
			}
		})
	}
}
