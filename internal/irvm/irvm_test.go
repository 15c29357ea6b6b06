package irvm

import (
	"context"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/resilcheck/resilcheck/internal/manifest"
	"github.com/resilcheck/resilcheck/policies"
)

// bundle is the built-in policy bundle compiled as the engine compiles it (Rego v1,
// annotations on, strict), once per test binary.
var bundle = sync.OnceValues(func() (*ast.Compiler, error) {
	mods := map[string]*ast.Module{}
	err := fs.WalkDir(policies.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") || strings.HasSuffix(p, "_test.rego") {
			return err
		}
		b, err := fs.ReadFile(policies.FS, p)
		if err != nil {
			return err
		}
		m, err := ast.ParseModuleWithOpts(p, string(b), ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
		if err != nil {
			return err
		}
		mods[p] = m
		return nil
	})
	if err != nil {
		return nil, err
	}
	c := ast.NewCompiler().WithStrict(true).WithEnablePrintStatements(false)
	if c.Compile(mods); c.Failed() {
		return nil, c.Errors
	}
	return c, nil
})

func compiledBundle(tb testing.TB) *ast.Compiler {
	tb.Helper()
	c, err := bundle()
	if err != nil {
		tb.Fatalf("compile bundle: %v", err)
	}
	return c
}

// mainQuery is the engine's query (internal/engine mainQuery) over the control packages
// the bundle has, in package order.
func mainQuery(c *ast.Compiler) string {
	seen := map[string]bool{}
	var pkgs []string
	for _, m := range c.Modules {
		p := m.Package.Path.String()
		if strings.HasPrefix(p, "data.resilcheck.controls.") && !seen[p] {
			seen[p] = true
			pkgs = append(pkgs, p)
		}
	}
	sort.Strings(pkgs)
	parts := make([]string, len(pkgs))
	for i, p := range pkgs {
		parts[i] = fmt.Sprintf("[[x | x := %s.applies], [x | %s.applies == true; some x in %s.violations]]", p, p, p)
	}
	return "controls := [" + strings.Join(parts, ", ") + "]; " +
		"scopes := [x | x := data.resilcheck.lib.scope.decisions]; " +
		"siteloss := [x | x := data.resilcheck.lib.siteloss.report]"
}

// runData is the engine's base data document.
func runData(asOf string, fail []string, overrides map[string]any) map[string]any {
	f := make([]any, len(fail))
	for i, x := range fail {
		f[i] = x
	}
	if overrides == nil {
		overrides = map[string]any{}
	}
	return map[string]any{"resilcheck": map[string]any{
		"run":       map[string]any{"as_of": asOf, "fail": f},
		"overrides": overrides,
	}}
}

// pair is one query prepared for both evaluators over the same compiler and data, irvm's
// with Prepare.
type pair struct {
	topdown, irvm rego.PreparedEvalQuery
}

func preparePair(tb testing.TB, c *ast.Compiler, query string, data map[string]any) pair {
	tb.Helper()
	Register()
	ctx := context.Background()
	store := inmem.NewFromObjectWithOpts(data, inmem.OptRoundTripOnWrite(false), inmem.OptReturnASTValuesOnRead(true))
	body, err := ast.ParseBodyWithOpts(query, ast.ParserOptions{RegoVersion: ast.RegoV1})
	if err != nil {
		tb.Fatal(err)
	}
	// irvm first, as the engine's fallback queries come after it: planning must leave the
	// shared compiler as topdown needs it.
	vm, err := Prepare(ctx, c, store, body)
	if err != nil {
		tb.Fatalf("prepare irvm: %v", err)
	}
	td, err := rego.New(rego.Query(query), rego.Compiler(c), rego.Store(store)).PrepareForEval(ctx)
	if err != nil {
		tb.Fatalf("prepare topdown: %v", err)
	}
	return pair{td, vm}
}

// outcome is a result set as one ast value, or the error.
type outcome struct {
	value ast.Value
	err   error
}

func evalOne(tb testing.TB, q rego.PreparedEvalQuery, input ast.Value) outcome {
	tb.Helper()
	var opts []rego.EvalOption
	if input != nil {
		opts = append(opts, rego.EvalParsedInput(input))
	}
	rs, err := q.Eval(context.Background(), opts...)
	if err != nil {
		return outcome{err: err}
	}
	list := make([]any, len(rs))
	for i, r := range rs {
		list[i] = map[string]any{"bindings": map[string]any(r.Bindings), "expressions": exprValues(r.Expressions)}
	}
	v, err := ast.InterfaceToValue(list)
	if err != nil {
		// Not Fatal: evalOne also runs on goroutines other than the test's.
		return outcome{err: fmt.Errorf("result is not convertible: %w", err)}
	}
	return outcome{value: v}
}

func exprValues(es []*rego.ExpressionValue) []any {
	out := make([]any, len(es))
	for i, e := range es {
		out[i] = e.Value
	}
	return out
}

// requireSame evaluates both and fails unless results are equal (ast.Compare) or both
// evaluations fail.
func requireSame(t *testing.T, p pair, input ast.Value) outcome {
	t.Helper()
	want, got := evalOne(t, p.topdown, input), evalOne(t, p.irvm, input)
	switch {
	case want.err != nil && got.err != nil:
		// Both fail: in the same kind (a topdown.Error's code), as the conformance corpus
		// asks; the wording may differ.
		if errorCode(want.err) != errorCode(got.err) {
			t.Fatalf("both fail, in different kinds\ntopdown: %v\nirvm:    %v", want.err, got.err)
		}
	case want.err != nil:
		t.Fatalf("topdown failed (%v), irvm returned %v", want.err, got.value)
	case got.err != nil:
		t.Fatalf("irvm failed (%v), topdown returned %v", got.err, want.value)
	case ast.Compare(want.value, got.value) != 0:
		t.Fatalf("results differ\ntopdown: %v\nirvm:    %v", truncate(want.value), truncate(got.value))
	}
	return want
}

func truncate(v ast.Value) string {
	s := v.String()
	if len(s) > 4000 {
		return s[:4000] + "..."
	}
	return s
}

// manifests loads every scenario the differential test runs, as the engine decodes them.
func manifests(tb testing.TB) map[string]ast.Value {
	tb.Helper()
	var paths []string
	for _, g := range []string{"manifests/*.yaml", "valid/*.yaml", "siteloss/*.yaml"} {
		m, err := filepath.Glob(filepath.Join("..", "..", "testdata", g))
		if err != nil {
			tb.Fatal(err)
		}
		paths = append(paths, m...)
	}
	if len(paths) == 0 {
		tb.Fatal("no manifests found under testdata")
	}
	out := map[string]ast.Value{}
	for _, src := range manifest.Load(paths, manifest.Options{}) {
		for _, d := range src.Documents {
			v, err := ast.InterfaceToValue(d.Value)
			if err != nil {
				tb.Fatalf("%s: %v", src.Path, err)
			}
			out[fmt.Sprintf("%s#%d", filepath.Base(src.Path), d.Index)] = v
		}
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func TestBundleScenarios(t *testing.T) {
	c := compiledBundle(t)
	query := mainQuery(c)
	docs := manifests(t)
	runs := []struct {
		name string
		data map[string]any
	}{
		{"audit", runData("2026-11-22", nil, nil)},
		{"as of the fire", runData("2022-10-15", nil, nil)},
		{"simulate pangyo", runData("2026-11-22", []string{"skcc-pangyo"}, nil)},
		{"simulate two sites", runData("2026-11-22", []string{"skcc-pangyo", "anyang"}, nil)},
		{"override", runData("2026-11-22", nil, map[string]any{"dm_officer_notify_days": 10, "major_vas_min_users": 1})},
	}
	for _, run := range runs {
		p := preparePair(t, c, query, run.data)
		for _, name := range sortedKeys(docs) {
			t.Run(run.name+"/"+name, func(t *testing.T) {
				out := requireSame(t, p, docs[name])
				if out.err != nil {
					t.Fatalf("the bundle failed on a scenario: %v", out.err)
				}
			})
		}
	}
}

// TestConcurrentEval shares one prepared query between goroutines, as the engine's worker
// pool does: every evaluation must see only its own input and memo (run with -race).
func TestConcurrentEval(t *testing.T) {
	c := compiledBundle(t)
	p := preparePair(t, c, mainQuery(c), runData("2026-11-22", nil, nil))
	docs := manifests(t)
	names := sortedKeys(docs)
	want := map[string]outcome{}
	for _, n := range names {
		want[n] = evalOne(t, p.topdown, docs[n])
	}
	const workers = 4
	errs := make(chan error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 2 * len(names) {
				n := names[(i+w)%len(names)]
				got := evalOne(t, p.irvm, docs[n])
				if got.err != nil || ast.Compare(got.value, want[n].value) != 0 {
					errs <- fmt.Errorf("%s: concurrent result differs (err %v)", n, got.err)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestReadStore reads stores that return ast values and stores that return Go values.
func TestReadStore(t *testing.T) {
	data := runData("2026-11-22", []string{"dc-1"}, map[string]any{"k": 1})
	want, err := ast.InterfaceToValue(data)
	if err != nil {
		t.Fatal(err)
	}
	for name, store := range map[string]storage.Store{
		"ast values": inmem.NewFromObjectWithOpts(data, inmem.OptReturnASTValuesOnRead(true)),
		"go values":  inmem.NewFromObject(data),
	} {
		t.Run(name, func(t *testing.T) {
			got, err := ReadStore(context.Background(), store)
			if err != nil {
				t.Fatal(err)
			}
			if ast.Compare(got, want) != 0 {
				t.Fatalf("got %v, want %v", got, want)
			}
		})
	}
}
