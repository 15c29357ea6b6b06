package irvm

import (
	"context"
	"io/fs"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/resilcheck/resilcheck/policies"
)

// indexesComprehensions reports whether queries compiled with c now get the comprehension
// indexes topdown uses (an EvalModeTopdown compiler), on a query of the shape OPA indexes.
func indexesComprehensions(t *testing.T, c *ast.Compiler) bool {
	t.Helper()
	qc := c.QueryCompiler()
	body, err := qc.Compile(ast.MustParseBody(`value = input[i]; keys = [j | value = input[j]]`))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	ast.WalkTerms(body, func(term *ast.Term) bool {
		if _, ok := term.Value.(*ast.ArrayComprehension); ok && qc.ComprehensionIndex(term) != nil {
			found = true
		}
		return found
	})
	return found
}

// TestPrepareLeavesCompilerToTopdown: the engine plans irvm's query on the compiler its
// topdown queries use; after Prepare, queries compiled with it are still indexed as
// topdown needs, which they are not after a plain rego.New with a target plugin.
func TestPrepareLeavesCompilerToTopdown(t *testing.T) {
	Register()
	ctx := context.Background()
	c := compileModules(t, `package p
r := 1`)
	if !indexesComprehensions(t, c) {
		t.Fatal("a fresh compiler does not index the probe's comprehension: the probe is broken")
	}
	if _, err := rego.New(rego.Query(`x := data.p.r`), rego.Compiler(c), rego.Store(inmem.New()), rego.Target(Target)).
		PrepareForEval(WithData(ctx, ast.NewObject())); err != nil {
		t.Fatal(err)
	}
	if indexesComprehensions(t, c) {
		t.Fatal("rego no longer leaves a target plugin's compiler in IR mode: Prepare's rego.EvalMode and this test can go")
	}
	c.WithEvalMode(ast.EvalModeTopdown)

	q, err := Prepare(ctx, c, inmem.NewFromObject(map[string]any{"base": 2}), ast.MustParseBody(`x := data.p.r + data.base`))
	if err != nil {
		t.Fatal(err)
	}
	if !indexesComprehensions(t, c) {
		t.Fatal("Prepare left the compiler in IR mode")
	}
	rs, err := q.Eval(ctx)
	if err != nil || len(rs) != 1 || rs[0].Bindings["x"] == nil || rs[0].Bindings["x"].(interface{ String() string }).String() != "3" {
		t.Fatalf("got %v, %v", rs, err)
	}
}

// TestPrepareErrorsAndPanics: a query the planner refuses and a panic while preparing are
// both errors the caller can fall back on.
func TestPrepareErrorsAndPanics(t *testing.T) {
	ctx := context.Background()
	c := compileModules(t, `package p
r := 1`)
	if _, err := Prepare(ctx, c, inmem.New(), ast.MustParseBody(`x := [ch | some ch in "abc"]`)); err == nil || !strings.Contains(err.Error(), "non-var head") {
		t.Fatalf("got %v, want the planner's refusal", err)
	}
	boom := func(*rego.Rego) { panic("boom") }
	if _, err := Prepare(ctx, c, inmem.New(), ast.MustParseBody(`x := data.p.r`), boom); err == nil || !strings.Contains(err.Error(), "boom") {
		t.Fatalf("got %v, want the panic as an error", err)
	}
}

// BenchmarkOwnCompiler is what planning on a compiler of its own would add to preparing
// irvm's query: parsing (from the embedded sources) and compiling the bundle a second
// time, against planning on the compiler topdown already has.
func BenchmarkOwnCompiler(b *testing.B) {
	srcs := map[string]string{}
	if err := fs.WalkDir(policies.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") || strings.HasSuffix(p, "_test.rego") {
			return err
		}
		bs, err := fs.ReadFile(policies.FS, p)
		srcs[p] = string(bs)
		return err
	}); err != nil {
		b.Fatal(err)
	}
	compile := func(b *testing.B) *ast.Compiler {
		mods := map[string]*ast.Module{}
		for p, src := range srcs {
			m, err := ast.ParseModuleWithOpts(p, src, ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
			if err != nil {
				b.Fatal(err)
			}
			mods[p] = m
		}
		c := ast.NewCompiler().WithStrict(true).WithEnablePrintStatements(false)
		if c.Compile(mods); c.Failed() {
			b.Fatal(c.Errors)
		}
		return c
	}
	c := compile(b)
	query := ast.MustParseBody(mainQuery(c))
	store := inmem.NewFromObjectWithOpts(runData("2026-11-22", nil, nil), inmem.OptRoundTripOnWrite(false), inmem.OptReturnASTValuesOnRead(true))
	ctx := context.Background()
	b.Run("compile", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			compile(b)
		}
	})
	b.Run("plan-shared", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Prepare(ctx, c, store, query.Copy()); err != nil {
				b.Fatal(err)
			}
		}
	})
}
