package engine

import (
	"context"
	"os"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"go.yaml.in/yaml/v3"
)

// Benchmarks over the full built-in bundle. BenchmarkControls times each control on its
// own, which is how to find the control that dominates a slow run:
//
//	go test -run '^$' -bench Controls -benchtime 20x ./internal/engine/

var benchManifests = []struct{ name, path string }{
	{"kakao", "../../testdata/manifests/kakao-2022-10-15.yaml"},
	{"minimal", "../../testdata/valid/minimal.yaml"},
}

func benchEngine(b *testing.B) *Engine {
	b.Helper()
	e, err := New(context.Background(), Options{Policies: []PolicySource{Builtin()}, AsOf: "2026-11-22"})
	if err != nil {
		b.Fatal(err)
	}
	return e
}

func benchDoc(b *testing.B, path string) any {
	b.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	var doc any
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		b.Fatal(err)
	}
	return doc
}

func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		benchEngine(b)
	}
}

// BenchmarkEvaluateOne is one document through the one prepared query.
func BenchmarkEvaluateOne(b *testing.B) {
	e := benchEngine(b)
	for _, m := range benchManifests {
		doc := benchDoc(b, m.path)
		b.Run(m.name, func(b *testing.B) {
			for b.Loop() {
				e.EvaluateOne(context.Background(), Document{Name: m.name, Value: doc})
			}
		})
	}
}

// BenchmarkControls is each control (and the scope and site-loss helpers) alone.
func BenchmarkControls(b *testing.B) {
	ctx := context.Background()
	e := benchEngine(b)
	in, err := ast.InterfaceToValue(benchDoc(b, benchManifests[0].path))
	if err != nil {
		b.Fatal(err)
	}
	run := func(name string, q *rego.PreparedEvalQuery) {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if _, err := q.Eval(ctx, rego.EvalParsedInput(in)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	for _, c := range e.controls {
		q, err := e.singleQuery(ctx, c)
		if err != nil {
			b.Fatal(err)
		}
		run(c.ID, q)
	}
	q, err := e.extrasQuery(ctx)
	if err != nil {
		b.Fatal(err)
	}
	run("scopes+siteloss", q)
}
