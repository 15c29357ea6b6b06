package engine

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	prebuiltmeta "github.com/resilcheck/resilcheck/internal/engine/prebuilt"
	"github.com/resilcheck/resilcheck/internal/irvm"
	"github.com/resilcheck/resilcheck/internal/manifest"
)

// Benchmarks over the full built-in bundle. BenchmarkControls times each control on its
// own, which is how to find the control that dominates a slow run:
//
//	go test -run '^$' -bench Controls -benchtime 20x ./internal/engine/

var benchManifests = []struct{ name, path string }{
	{"kakao", "../../testdata/manifests/kakao-2022-10-15.yaml"},
	{"minimal", "../../testdata/valid/minimal.yaml"},
	{"naver", "../../testdata/manifests/naver-2022-10-15.yaml"},
	{"skcc", "../../testdata/manifests/skcc-pangyo-2022-10-15.yaml"},
	{"small", "../../testdata/manifests/small-provider.yaml"},
	{"kakao-remediated", "../../testdata/manifests/kakao-remediated.yaml"},
}

func benchEngine(b *testing.B) *Engine {
	b.Helper()
	e, err := New(context.Background(), Options{Policies: []PolicySource{Builtin()}, AsOf: "2026-11-22"})
	if err != nil {
		b.Fatal(err)
	}
	return e
}

// benchDoc reads a YAML manifest as a plain decoded value (benchmarks and tests alike).
func benchDoc(b testing.TB, path string) any {
	b.Helper()
	docs := decodeFile(b, path)
	if len(docs) != 1 {
		b.Fatalf("%s: %d documents, want 1", path, len(docs))
	}
	return docs[0]
}

// decodeFile decodes every document of a file with the manifest loader, not a plain YAML
// decoder: that one reads an unquoted date as a timestamp, and the documents judged here
// must be the ones a run judges.
func decodeFile(b testing.TB, path string) []any {
	b.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	src := manifest.Decode(path, raw, manifest.Options{})
	if len(src.Problems) > 0 || len(src.Documents) == 0 {
		b.Fatalf("%s: %d documents, problems %v", path, len(src.Documents), src.Problems)
	}
	out := make([]any, len(src.Documents))
	for i, d := range src.Documents {
		out[i] = d.Value
	}
	return out
}

// BenchmarkNew builds an engine of the built-in bundle ready to judge: from the prebuilt
// files (prebuilt, with the stored plan prepared for irvm) and by compiling the bundle
// (compiled, with the topdown query prepared), what a one-manifest run waits for.
func BenchmarkNew(b *testing.B) {
	b.Run("prebuilt", func(b *testing.B) {
		for b.Loop() {
			e := benchEngine(b)
			if e.prebuilt == nil || e.vmQuery(context.Background()) == nil {
				b.Fatalf("not prebuilt: %s", e.vmReason)
			}
		}
	})
	b.Run("compiled", func(b *testing.B) {
		for b.Loop() {
			_, err := New(context.Background(), Options{Policies: []PolicySource{Builtin()}, AsOf: "2026-11-22", compileBuiltin: true})
			if err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkFirstManifest is a one-manifest run's engine work after the first: the built-in
// engine made from the prebuilt files, then one document judged, functions compiled as it
// calls them. The stored plan is read, and its bodies decoded, once per process, so only
// the first iteration pays for that; a whole process (README, Performance) pays it once.
func BenchmarkFirstManifest(b *testing.B) {
	for _, m := range benchManifests[:2] {
		doc := benchDoc(b, m.path)
		b.Run(m.name, func(b *testing.B) {
			for b.Loop() {
				e := benchEngine(b)
				if out := e.EvaluateOne(context.Background(), Document{Name: m.name, Value: doc}); len(out.Results) == 0 {
					b.Fatal("no results")
				}
			}
		})
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

// BenchmarkControls is each control (and the scope and site-loss helpers) alone, on the
// Kakao scenario and on the small provider (where most controls do not apply, so what is
// left is the cost of deciding that).
func BenchmarkControls(b *testing.B) {
	ctx := context.Background()
	e := benchEngine(b)
	for _, m := range []struct{ name, path string }{benchManifests[0], {"small", "../../testdata/manifests/small-provider.yaml"}} {
		in, err := ast.InterfaceToValue(benchDoc(b, m.path))
		if err != nil {
			b.Fatal(err)
		}
		run := func(name string, q *rego.PreparedEvalQuery) {
			b.Run(m.name+"/"+name, func(b *testing.B) {
				for b.Loop() {
					if _, err := q.Eval(ctx, rego.EvalParsedInput(in)); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
		for _, c := range e.controls {
			q, err := e.lazyQuery(ctx, oneControlQuery(c))
			if err != nil {
				b.Fatal(err)
			}
			run(c.ID, q)
		}
		for _, extra := range []string{"scopes := [x | x := data.resilcheck.lib.scope.decisions]", "siteloss := [x | x := data.resilcheck.lib.siteloss.report]", "t := true"} {
			q, err := e.lazyQuery(ctx, extra)
			if err != nil {
				b.Fatal(err)
			}
			run(strings.Fields(extra)[0], q)
		}
	}
}

// BenchmarkBuild splits New into its phases, to see which one a change moves:
//
//	go test -run '^$' -bench Build -benchmem ./internal/engine/
func BenchmarkBuild(b *testing.B) {
	ctx := context.Background()
	files, err := readSources([]PolicySource{Builtin()}, false)
	if err != nil {
		b.Fatal(err)
	}
	var eval []File
	for _, f := range files {
		if !f.Test {
			eval = append(eval, f)
		}
	}
	mods, probs := parseFiles(eval)
	if len(probs) > 0 {
		b.Fatal(probs)
	}
	controls, probs := collectControls(mods, nil)
	if len(probs) > 0 {
		b.Fatal(probs)
	}
	compiler, err := compile(mods, true)
	if err != nil {
		b.Fatal(err)
	}
	e := &Engine{compiler: compiler, controls: controls}
	b.Run("read", func(b *testing.B) {
		for b.Loop() {
			if _, err := readSources([]PolicySource{Builtin()}, false); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("parse", func(b *testing.B) {
		for b.Loop() {
			parseFiles(eval)
		}
	})
	b.Run("metadata", func(b *testing.B) {
		for b.Loop() {
			collectControls(mods, nil)
		}
	})
	for _, verify := range []bool{true, false} {
		name := "compile-builtin"
		if verify {
			name = "compile-verified"
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if _, err := compile(mods, verify); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("prebuilt-load", func(b *testing.B) {
		for b.Loop() {
			list, err := listSources([]PolicySource{Builtin()}, false)
			if err != nil {
				b.Fatal(err)
			}
			if loadPrebuilt(list) == nil {
				b.Fatal(regenerate)
			}
		}
	})
	b.Run("prebuilt-decode", func(b *testing.B) {
		for b.Loop() {
			if _, err := irvm.DecodePlan(prebuiltPlan[len(planHeader(&prebuiltmeta.Bundle)):]); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("prebuilt-prepare", func(b *testing.B) {
		pe := &Engine{store: newStore(Options{AsOf: "2026-11-22"}, map[string]any{})}
		for b.Loop() {
			if _, err := pe.prebuiltQuery(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("prepare", func(b *testing.B) {
		for b.Loop() {
			if _, err := e.prepare(ctx, mainQuery(controls)); err != nil {
				b.Fatal(err)
			}
		}
	})
}
