package engine

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// An incident history is the one part of a manifest that grows without bound: a provider
// declares every outage it has had. These benchmarks multiply the Kakao incident to see what
// one more incident costs each evaluator, so a change to the incident helpers can be judged
// by its per-incident cost rather than by one small manifest:
//
//	go test -run '^$' -bench Incidents -benchtime 40x ./internal/engine/
//
// (allocs at 10 copies - allocs at 1) / 9 is the cost of one incident.

// incidentCopies are the history lengths benchmarked.
var incidentCopies = []int{1, 10, 40}

// withIncidentCopies returns a deep copy of doc whose incidents are repeated n times. Copy k
// has its ids suffixed and every timestamp moved k*14 days later: two weeks apart, the copies
// form no series under the 24-hour repeat rules, so each is judged as the original is.
func withIncidentCopies(t testing.TB, doc any, n int) any {
	t.Helper()
	root, ok := doc.(map[string]any)
	if !ok {
		t.Fatalf("manifest is %T, not a mapping", doc)
	}
	incs, ok := root["incidents"].([]any)
	if !ok || len(incs) == 0 {
		t.Fatal("manifest declares no incidents to repeat")
	}
	out := make(map[string]any, len(root))
	for k, v := range root {
		out[k] = v
	}
	var all []any
	for k := range n {
		for _, inc := range incs {
			c := shiftTimes(inc, time.Duration(k)*14*24*time.Hour).(map[string]any)
			if k > 0 {
				c["id"] = fmt.Sprintf("%v-copy%d", c["id"], k)
			}
			all = append(all, c)
		}
	}
	out["incidents"] = all
	return out
}

// shiftTimes deep-copies v, moving every RFC 3339 timestamp string by d (in its own offset).
func shiftTimes(v any, d time.Duration) any {
	switch x := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = shiftTimes(e, d)
		}
		return m
	case []any:
		s := make([]any, len(x))
		for i, e := range x {
			s[i] = shiftTimes(e, d)
		}
		return s
	case string:
		if ts, err := time.Parse(time.RFC3339, x); err == nil && strings.Contains(x, "T") {
			return ts.Add(d).Format(time.RFC3339)
		}
		return x
	default:
		return v
	}
}

func incidentEngine(tb testing.TB, ev Evaluator) *Engine {
	tb.Helper()
	e, err := New(context.Background(), Options{Policies: []PolicySource{Builtin()}, AsOf: "2026-11-22", Evaluator: ev})
	if err != nil {
		tb.Fatal(err)
	}
	return e
}

// BenchmarkIncidents is the Kakao manifest with its incident history repeated, on each
// evaluator.
func BenchmarkIncidents(b *testing.B) {
	doc := benchDoc(b, benchManifests[0].path)
	for _, ev := range []Evaluator{EvaluatorTopdown, EvaluatorIRVM} {
		e := incidentEngine(b, ev)
		for _, n := range incidentCopies {
			d := Document{Name: "kakao", Value: withIncidentCopies(b, doc, n)}
			b.Run(fmt.Sprintf("%s/x%d", ev, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					e.EvaluateOne(context.Background(), d)
				}
			})
		}
		// The same history with the incident declared not a disaster: no ministry reports to
		// judge, which is what most of a real history is.
		d := Document{Name: "kakao", Value: withIncidentCopies(b, doc, 10)}
		for _, inc := range d.Value.(map[string]any)["incidents"].([]any) {
			inc.(map[string]any)["disaster"] = false
		}
		b.Run(fmt.Sprintf("%s/x10-not-disaster", ev), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				e.EvaluateOne(context.Background(), d)
			}
		})
		if f := e.vmFallbacks.Load(); f != 0 {
			b.Fatalf("%s: %d documents fell back to topdown", ev, f)
		}
	}
}

// TestIncidentCopies holds the stress manifest to what the benchmark assumes: every copy of
// an incident is judged like the original (the same verdicts, one violation per copy where
// the original has one), and irvm agrees with topdown on it without falling back.
func TestIncidentCopies(t *testing.T) {
	if testing.Short() {
		t.Skip("evaluates the bundle on two evaluators")
	}
	doc := benchDoc(t, benchManifests[0].path)
	td := incidentEngine(t, EvaluatorTopdown)
	vm := incidentEngine(t, EvaluatorIRVM)
	one := td.EvaluateOne(context.Background(), Document{Name: "kakao", Value: withIncidentCopies(t, doc, 1)})
	const n = 4
	stress := Document{Name: "kakao", Value: withIncidentCopies(t, doc, n)}
	many := td.EvaluateOne(context.Background(), stress)
	if len(one.Results) != len(many.Results) {
		t.Fatalf("%d results with one copy, %d with %d", len(one.Results), len(many.Results), n)
	}
	incidentViolations := 0
	for i, r := range one.Results {
		m := many.Results[i]
		if r.Status != m.Status {
			t.Errorf("%s: %s with one copy, %s with %d", r.Control, r.Status, m.Status, n)
		}
		per := 0
		for _, v := range r.Violations {
			if strings.HasPrefix(v.Pointer, "/incidents/") {
				per++
			}
		}
		got := 0
		for _, v := range m.Violations {
			if strings.HasPrefix(v.Pointer, "/incidents/") {
				got++
			}
		}
		if got != per*n {
			t.Errorf("%s: %d incident violations with %d copies, want %d (%d per copy)", r.Control, got, n, per*n, per)
		}
		incidentViolations += per
	}
	if incidentViolations == 0 {
		t.Fatal("the Kakao incident raises no violation: the stress manifest measures nothing")
	}
	if got := vm.EvaluateOne(context.Background(), stress); !reflect.DeepEqual(got, many) {
		t.Error("irvm and topdown disagree on the stress manifest")
	}
	if f := vm.vmFallbacks.Load(); f != 0 {
		t.Errorf("irvm fell back to topdown on %d documents", f)
	}
}

// BenchmarkIncidentControls is each control alone on one and on ten copies of the Kakao
// incident (topdown), to find where the per-incident cost goes.
func BenchmarkIncidentControls(b *testing.B) {
	ctx := context.Background()
	e := incidentEngine(b, EvaluatorTopdown)
	doc := benchDoc(b, benchManifests[0].path)
	for _, n := range []int{1, 10} {
		in, err := ast.InterfaceToValue(withIncidentCopies(b, doc, n))
		if err != nil {
			b.Fatal(err)
		}
		queries := map[string]string{
			"facts": "x := data.resilcheck.lib.incidents.facts",
			"un":    "x := data.resilcheck.lib.incidents.un",
			"true":  "t := true",
		}
		names := []string{"facts", "un", "true"}
		for _, c := range e.controls {
			queries[c.ID] = oneControlQuery(c)
			names = append(names, c.ID)
		}
		for _, name := range names {
			q, err := e.lazyQuery(ctx, queries[name])
			if err != nil {
				b.Fatal(err)
			}
			b.Run(fmt.Sprintf("x%d/%s", n, name), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := q.Eval(ctx, rego.EvalParsedInput(in)); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkIncidentInput is the conversion of the stress manifest to a Rego value, which every
// evaluation pays before any policy runs: the floor under the per-incident cost.
func BenchmarkIncidentInput(b *testing.B) {
	doc := benchDoc(b, benchManifests[0].path)
	for _, n := range []int{1, 10} {
		d := withIncidentCopies(b, doc, n)
		b.Run(fmt.Sprintf("x%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ast.InterfaceToValue(d); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
