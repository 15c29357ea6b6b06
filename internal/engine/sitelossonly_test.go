package engine

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/resilcheck/resilcheck/internal/audit"
	"github.com/resilcheck/resilcheck/internal/corpus"
)

// TestSiteLossOnlyMatchesFull: an engine told to evaluate only the site-loss analysis gives
// exactly the analysis the full query gives, byte for byte, on every bundled manifest and
// on a generated provider of thousands of services, with and without simulated failures,
// on the stored plans, on a plan made at run time (the compiled bundle) and on topdown;
// and it judges no control.
func TestSiteLossOnlyMatchesFull(t *testing.T) {
	ctx := context.Background()
	docs := bundledManifests(t)
	if !testing.Short() {
		big, err := corpus.Large(corpus.Spec{Seed: 3, Services: 3000, Datacenters: 60, Incidents: 1, Shape: corpus.Layered})
		if err != nil {
			t.Fatal(err)
		}
		value, _, _ := decodeLarge(t, big.Encode(corpus.JSONFormat))
		docs = append(docs, Document{Name: "generated", Value: value, Pos: pos})
	}
	fails := [][]string{nil, {"skcc-pangyo"}, {"skcc-pangyo", "anyang"}}
	evaluators := []struct {
		name string
		opts Options
	}{
		{"stored plans", Options{Policies: []PolicySource{Builtin()}}},
		{"planned at run time", Options{Policies: []PolicySource{Builtin()}, Evaluator: EvaluatorIRVM, compileBuiltin: true}},
		{"topdown", Options{Policies: []PolicySource{Builtin()}, Evaluator: EvaluatorTopdown}},
	}
	for _, ev := range evaluators {
		for _, fail := range fails {
			t.Run(ev.name+"/fail="+strings.Join(fail, "+"), func(t *testing.T) {
				full, only := ev.opts, ev.opts
				full.Fail, only.Fail = fail, fail
				only.SiteLossOnly = true
				ef, eo := newEngine(t, full), newEngine(t, only)
				if ev.name == "stored plans" && (ef.prebuilt == nil || eo.prebuilt == nil) {
					t.Fatal(regenerate)
				}
				want, got := ef.Evaluate(ctx, docs), eo.Evaluate(ctx, docs)
				analysed := 0
				for i := range docs {
					if len(got[i].Results) != 0 || got[i].Scopes != nil {
						t.Errorf("%s: the site-loss-only engine judged %d controls and %d scopes", docs[i].Name, len(got[i].Results), len(got[i].Scopes))
					}
					if want[i].SiteLoss != nil {
						analysed++
					}
					a, _ := json.Marshal(want[i].SiteLoss)
					b, _ := json.Marshal(got[i].SiteLoss)
					if string(a) != string(b) {
						t.Errorf("%s: site-loss-only analysis differs from the full query's:\nfull: %.400s\nonly: %.400s", docs[i].Name, a, b)
					}
				}
				if analysed < len(docs)/2 {
					t.Errorf("only %d of %d documents have an analysis: the comparison shows little", analysed, len(docs))
				}
				if ev.name == "topdown" {
					return
				}
				// Same output proves little on its own: the main plan binds the analysis too.
				// The site-loss engine must have judged on irvm, with no fallback, on a plan
				// that binds the analysis alone.
				if eo.vm == nil || eo.vmFallbacks.Load() != 0 {
					t.Fatalf("irvm did not judge (%q), or %d documents fell back to topdown", eo.vmReason, eo.vmFallbacks.Load())
				}
				input, err := ast.InterfaceToValue(docs[0].Value)
				if err != nil {
					t.Fatal(err)
				}
				rs, err := eo.vm(ctx, input)
				if err != nil || len(rs) != 1 {
					t.Fatalf("the site-loss plan: %d results, %v", len(rs), err)
				}
				var bound []string
				for k := range rs[0].Bindings {
					bound = append(bound, k)
				}
				if len(bound) != 1 || bound[0] != "siteloss" {
					t.Errorf("the site-loss engine's plan binds %v, want only siteloss", bound)
				}
			})
		}
	}
}

// TestSiteLossOnlyUnfinished: an analysis that does not finish leaves no analysis and an
// error with the timeout on every control, as a full evaluation that timed out does, so
// simulate can say the manifest was not analysed.
func TestSiteLossOnlyUnfinished(t *testing.T) {
	ctx := context.Background()
	docs := bundledManifests(t)
	for _, ev := range []Evaluator{EvaluatorAuto, EvaluatorTopdown} {
		e := newEngine(t, Options{Policies: []PolicySource{Builtin()}, SiteLossOnly: true, Timeout: time.Nanosecond, Evaluator: ev})
		out := e.EvaluateOne(ctx, docs[0])
		if out.SiteLoss != nil {
			t.Errorf("%s: an analysis within 1ns", ev)
		}
		if len(out.Results) != len(e.controls) || len(out.Results) == 0 {
			t.Fatalf("%s: %d results, want one error per control (%d)", ev, len(out.Results), len(e.controls))
		}
		for _, r := range out.Results {
			if r.Status != audit.StatusError || !strings.Contains(r.Reason, "timed out after 1ns") {
				t.Errorf("%s: %s: %s %q, want an error saying it timed out", ev, r.Control, r.Status, r.Reason)
			}
		}
	}
}
