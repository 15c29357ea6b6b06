package irvm

import (
	"context"
	"sync"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/ir"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
)

var benchDocs = []struct{ name, key string }{
	{"kakao", "kakao-2022-10-15.yaml#0"},
	{"small", "small-provider.yaml#0"},
	{"minimal", "minimal.yaml#0"},
}

// BenchmarkEval judges one manifest per op with the engine's main query, topdown against
// irvm: the ratio is the speed-up a batch gets.
func BenchmarkEval(b *testing.B) {
	c := compiledBundle(b)
	p := preparePair(b, c, mainQuery(c), runData("2026-11-22", nil, nil))
	docs := manifests(b)
	ctx := context.Background()
	for _, d := range benchDocs {
		input, ok := docs[d.key]
		if !ok {
			b.Fatalf("no manifest %s", d.key)
		}
		for _, ev := range []struct {
			name string
			q    rego.PreparedEvalQuery
			memo bool
		}{
			{"topdown", p.topdown, true},
			{"irvm", p.irvm, true},
			{"irvm-nocallmemo", p.irvm, false},
		} {
			b.Run(d.name+"/"+ev.name, func(b *testing.B) {
				defer func(old bool) { callMemo = old }(callMemo)
				callMemo = ev.memo
				b.ReportAllocs()
				for b.Loop() {
					if _, err := ev.q.Eval(ctx, rego.EvalParsedInput(input)); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkEvalParallel is batch throughput: every core judging manifests, as the engine's
// worker pool does. ns/op is wall time per manifest, so 1e9/(ns/op) is manifests per
// second on this machine.
func BenchmarkEvalParallel(b *testing.B) {
	c := compiledBundle(b)
	p := preparePair(b, c, mainQuery(c), runData("2026-11-22", nil, nil))
	docs := manifests(b)
	ctx := context.Background()
	for _, d := range benchDocs[:2] {
		input := docs[d.key]
		for _, ev := range []struct {
			name string
			q    rego.PreparedEvalQuery
		}{{"topdown", p.topdown}, {"irvm", p.irvm}} {
			b.Run(d.name+"/"+ev.name, func(b *testing.B) {
				b.ReportAllocs()
				b.RunParallel(func(pb *testing.PB) {
					for pb.Next() {
						if _, err := ev.q.Eval(ctx, rego.EvalParsedInput(input)); err != nil {
							b.Error(err)
							return
						}
					}
				})
			})
		}
	}
}

// BenchmarkPrepare is what preparing the main query costs on an already compiled bundle:
// topdown compiles the query only, irvm also plans the whole bundle and converts the plan.
func BenchmarkPrepare(b *testing.B) {
	c := compiledBundle(b)
	query := mainQuery(c)
	data := runData("2026-11-22", nil, nil)
	dv, err := ast.InterfaceToValue(data)
	if err != nil {
		b.Fatal(err)
	}
	store := inmem.NewFromObjectWithOpts(data, inmem.OptRoundTripOnWrite(false), inmem.OptReturnASTValuesOnRead(true))
	Register()
	ctx := context.Background()
	b.Run("topdown", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := rego.New(rego.Query(query), rego.Compiler(c), rego.Store(store)).PrepareForEval(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
	// Planning and conversion apart: the planner's output is captured once, then only
	// irvm's conversion of it into a program is timed.
	var pol *ir.Policy
	captureOnce.Do(func() { rego.RegisterPlugin(captureTarget, &capture) })
	if _, err := rego.New(rego.Query(query), rego.Compiler(c), rego.Store(store), rego.Target(captureTarget)).PrepareForEval(ctx); err != nil {
		b.Fatal(err)
	}
	pol = capture.pol
	b.Run("irvm-convert-only", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := compile(pol, ast.NewTerm(dv), nil); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("irvm", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := rego.New(rego.Query(query), rego.Compiler(c), rego.Store(store), rego.Target(Target)).
				PrepareForEval(WithData(ctx, dv)); err != nil {
				b.Fatal(err)
			}
		}
	})
}

const captureTarget = "irvm-test-capture"

var (
	captureOnce sync.Once
	capture     capturePlugin
)

// capturePlugin keeps the planned policy rego hands to a target, to time conversion alone.
type capturePlugin struct{ pol *ir.Policy }

func (*capturePlugin) IsTarget(t string) bool { return t == captureTarget }

func (c *capturePlugin) PrepareForEval(_ context.Context, pol *ir.Policy, _ ...rego.PrepareOption) (rego.TargetPluginEval, error) {
	c.pol = pol
	return nil, nil
}
