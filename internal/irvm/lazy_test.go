package irvm

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/ir"
)

// funcByName finds a planned function by the suffix of its name (the planner prefixes
// g0., g1., ...).
func funcByName(t *testing.T, p *program, suffix string) *function {
	t.Helper()
	var found *function
	for _, fn := range p.funcs {
		if strings.HasSuffix(fn.name, suffix) {
			if found != nil {
				t.Fatalf("two functions end in %q: %s and %s", suffix, found.name, fn.name)
			}
			found = fn
		}
	}
	if found == nil {
		t.Fatalf("no function ends in %q", suffix)
	}
	return found
}

// TestNewQueryCompilesOnDemand: a stored plan's functions are compiled when first called,
// the constant rules are found as when compiling them all at once, and CompileAll compiles
// the rest.
func TestNewQueryCompilesOnDemand(t *testing.T) {
	c := compileModules(t, `package p
table := {"a": 1, "b": 2}
scale := table.b * 10
onlyA(x) := x + scale
onlyB(x) := x - 1
r := onlyA(input.n) if input.kind == "a"
r := onlyB(input.n) if input.kind == "b"`)
	pol, err := Plan(context.Background(), c, nil, ast.MustParseBody(`x := data.p.r`))
	if err != nil {
		t.Fatal(err)
	}
	enc, err := EncodePlan(pol)
	if err != nil {
		t.Fatal(err)
	}
	dec, err := DecodePlan(enc)
	if err != nil {
		t.Fatal(err)
	}
	q, err := NewQuery(dec, ast.NewObject(), QueryOptions{StrictBuiltinErrors: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, fn := range q.p.funcs {
		if fn.ready.Load() {
			t.Fatalf("%s compiled before any evaluation", fn.name)
		}
	}
	rs, err := q.Eval(context.Background(), ast.MustParseTerm(`{"kind": "a", "n": 1}`).Value)
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(rs[0].Bindings["x"]); got != "21" {
		t.Fatalf("x = %s, want 21", got)
	}
	if !funcByName(t, q.p, ".onlyA").ready.Load() || !funcByName(t, q.p, ".scale").ready.Load() {
		t.Fatal("a function the evaluation called is not compiled")
	}
	if funcByName(t, q.p, ".onlyB").ready.Load() {
		t.Fatal("onlyB was compiled although nothing called it")
	}
	if !funcByName(t, q.p, ".scale").constant || !funcByName(t, q.p, ".table").constant {
		t.Fatal("scale and table read no input: they are constant")
	}
	if funcByName(t, q.p, ".r").constant {
		t.Fatal("r reads input: it is not constant")
	}
	if err := q.CompileAll(); err != nil {
		t.Fatal(err)
	}
	for _, fn := range q.p.funcs {
		if !fn.ready.Load() {
			t.Fatalf("%s not compiled by CompileAll", fn.name)
		}
	}
	// The same evaluation again, everything compiled: the same answer.
	again, err := q.Eval(context.Background(), ast.MustParseTerm(`{"kind": "b", "n": 1}`).Value)
	if err != nil || fmt.Sprint(again[0].Bindings["x"]) != "0" {
		t.Fatalf("kind b: %v, %v; want x = 0", again, err)
	}
}

// TestNewQueryRefuses: compiled on demand, a plan is still refused at once for what needs
// no function compiled; a function irvm cannot run fails the evaluation that calls it, and
// CompileAll, naming the function.
func TestNewQueryRefuses(t *testing.T) {
	callF := &ir.CallStmt{Func: "g0.data.p.f", Args: []ir.Operand{{Value: ir.Input}, {Value: ir.Data}}, Result: 2}
	policy := func(body ...ir.Stmt) *ir.Policy {
		return &ir.Policy{
			Static: &ir.Static{Strings: []*ir.StringConst{{Value: "x"}}},
			Plans:  &ir.Plans{Plans: []*ir.Plan{{Name: "eval", Blocks: []*ir.Block{{Stmts: []ir.Stmt{callF}}}}}},
			Funcs: &ir.Funcs{Funcs: []*ir.Func{{Name: "g0.data.p.f", Params: []ir.Local{0, 1}, Return: 3,
				Blocks: []*ir.Block{{Stmts: body}}}}},
		}
	}
	for _, tt := range []struct {
		name string
		pol  *ir.Policy
		want string
	}{
		{"unknown builtin in a function", policy(&ir.CallStmt{Func: "no.such.builtin", Result: 4}), "no implementation"},
		{"function without input and data", &ir.Policy{
			Plans: &ir.Plans{Plans: []*ir.Plan{{Name: "eval"}}},
			Funcs: &ir.Funcs{Funcs: []*ir.Func{{Name: "g0.f", Params: []ir.Local{0}, Return: 1}}},
		}, "expected input and data"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewQuery(tt.pol, ast.NewObject(), QueryOptions{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
	t.Run("unknown statement in a function", func(t *testing.T) {
		q, err := NewQuery(policy(&fakeStmt{}), ast.NewObject(), QueryOptions{})
		if err != nil {
			t.Fatalf("refused before the function was called: %v", err)
		}
		if _, err := q.Eval(context.Background(), nil); err == nil || !strings.Contains(err.Error(), "func g0.data.p.f") || !strings.Contains(err.Error(), "unsupported statement") {
			t.Fatalf("evaluation: got %v, want the function named and the statement refused", err)
		}
		if err := q.CompileAll(); err == nil || !strings.Contains(err.Error(), "unsupported statement") {
			t.Fatalf("CompileAll: got %v", err)
		}
	})
}

// TestStrictEvaluationsShareConstants: with strict builtin errors, a constant rule is
// still computed once per program, and one whose builtin fails is an error every time,
// never a value kept from an evaluation without strict errors.
func TestStrictEvaluationsShareConstants(t *testing.T) {
	c := compileModules(t, `package p
table := {"a": 1, "b": 2}
bad := to_number("not a number")
ok := table[input.k]
fails := bad + input.n`)
	ctx := context.Background()
	for _, strict := range []bool{false, true} {
		t.Run(fmt.Sprint("strict=", strict), func(t *testing.T) {
			pol, err := Plan(ctx, c, nil, ast.MustParseBody(`x := data.p.ok; y := data.p.fails`))
			if err != nil {
				t.Fatal(err)
			}
			q, err := NewQuery(pol, ast.NewObject(), QueryOptions{StrictBuiltinErrors: strict})
			if err != nil {
				t.Fatal(err)
			}
			for i := range 2 {
				rs, err := q.Eval(ctx, ast.MustParseTerm(`{"k": "b", "n": 1}`).Value)
				if strict {
					if err == nil || !strings.Contains(err.Error(), "to_number") {
						t.Fatalf("evaluation %d: got %v, %v; want the builtin's error", i, rs, err)
					}
				} else if err != nil || len(rs) != 0 {
					t.Fatalf("evaluation %d: got %v, %v; want undefined", i, rs, err)
				}
			}
			mode := 0
			if strict {
				mode = 1
			}
			table, bad := funcByName(t, q.p, ".table"), funcByName(t, q.p, ".bad")
			if !table.constant || !bad.constant {
				t.Fatal("table and bad read no input: they are constant")
			}
			for fi, fn := range q.p.funcs {
				kept := q.p.consts[mode][fi].Load() != nil
				switch {
				case fn == table && !kept:
					t.Fatal("table was not kept for the next evaluation")
				case fn == bad && kept == strict:
					t.Fatalf("bad kept = %v with strict = %v: an error must not be kept, undefined may", kept, strict)
				}
				if q.p.consts[1-mode][fi].Load() != nil {
					t.Fatalf("%s kept for the other error mode", fn.name)
				}
			}
		})
	}
}

// TestStoredPlanDecodesOnDemand: a plan read by ReadPlan decodes a function's body when a
// query first calls it; queries share the plan, on many goroutines; a damaged body is an
// error of the evaluation that reaches it, naming the function.
func TestStoredPlanDecodesOnDemand(t *testing.T) {
	c := compileModules(t, `package p
onlyA(x) := x + 1
onlyB(x) := x - 1
r := onlyA(input.n) if input.kind == "a"
r := onlyB(input.n) if input.kind == "b"`)
	ctx := context.Background()
	pol, err := Plan(ctx, c, nil, ast.MustParseBody(`x := data.p.r`))
	if err != nil {
		t.Fatal(err)
	}
	enc, err := EncodePlan(pol)
	if err != nil {
		t.Fatal(err)
	}
	sp, err := ReadPlan(enc)
	if err != nil {
		t.Fatal(err)
	}
	queries := make([]*Query, 2)
	// A query compiles a stored body straight from its encoding, so decoded is compiled,
	// in every query that shares the plan.
	decoded := func(suffix string) bool {
		in := 0
		for _, q := range queries {
			if funcByName(t, q.p, suffix).ready.Load() {
				in++
			}
		}
		if in != 0 && in != len(queries) {
			t.Fatalf("%s compiled in %d of %d queries that all called it or none", suffix, in, len(queries))
		}
		return in > 0
	}
	for i := range queries {
		if queries[i], err = NewStoredQuery(sp, ast.NewObject(), QueryOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rs, err := queries[g%2].Eval(ctx, ast.MustParseTerm(`{"kind": "a", "n": 1}`).Value)
			if err != nil || len(rs) != 1 || fmt.Sprint(rs[0].Bindings["x"]) != "2" {
				t.Errorf("goroutine %d: %v, %v; want x = 2", g, rs, err)
			}
		}()
	}
	wg.Wait()
	if !decoded(".onlyA") || decoded(".onlyB") {
		t.Fatalf("decoded: onlyA %v, onlyB %v; want only what was called", decoded(".onlyA"), decoded(".onlyB"))
	}
	full, err := sp.Policy()
	if err != nil {
		t.Fatal(err)
	}
	if again, err := EncodePlan(full); err != nil || !bytes.Equal(again, enc) {
		t.Fatalf("the plan read on demand encodes otherwise (%v)", err)
	}

	damaged, err := ReadPlan(enc)
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range damaged.pol.Funcs.Funcs {
		if strings.HasSuffix(f.Name, ".onlyB") {
			damaged.bodies[i] = []byte{0xff}
		}
	}
	q, err := NewStoredQuery(damaged, ast.NewObject(), QueryOptions{})
	if err != nil {
		t.Fatalf("a damaged body was noticed before it was needed: %v", err)
	}
	if _, err := q.Eval(ctx, ast.MustParseTerm(`{"kind": "a", "n": 1}`).Value); err != nil {
		t.Fatalf("an evaluation that does not reach the damaged body: %v", err)
	}
	if _, err := q.Eval(ctx, ast.MustParseTerm(`{"kind": "b", "n": 1}`).Value); err == nil || !strings.Contains(err.Error(), "onlyB") {
		t.Fatalf("the evaluation that reaches the damaged body: got %v, want an error naming onlyB", err)
	}
	if err := q.CompileAll(); err == nil {
		t.Fatal("CompileAll passed a damaged body")
	}
}

// TestLazyCompileRetriesFromScratch: a function whose callee panics while being compiled
// is not published, and the next call compiles it again from scratch, failing the same way,
// never with the fields of the first attempt doubled.
func TestLazyCompileRetriesFromScratch(t *testing.T) {
	callB := &ir.CallStmt{Func: "g0.data.p.b", Args: []ir.Operand{{Value: ir.Input}, {Value: ir.Data}}, Result: 2}
	callA := &ir.CallStmt{Func: "g0.data.p.a", Args: []ir.Operand{{Value: ir.Input}, {Value: ir.Data}}, Result: 2}
	pol := &ir.Policy{
		Plans: &ir.Plans{Plans: []*ir.Plan{{Name: "eval", Blocks: []*ir.Block{{Stmts: []ir.Stmt{callA}}}}}},
		Funcs: &ir.Funcs{Funcs: []*ir.Func{
			{Name: "g0.data.p.a", Params: []ir.Local{0, 1}, Return: 3, Blocks: []*ir.Block{{Stmts: []ir.Stmt{callB}}}},
			{Name: "g0.data.p.b", Params: []ir.Local{0, 1}, Return: 3, Blocks: []*ir.Block{{}, nil}}, // nil: compiling it panics
		}},
	}
	q, err := NewQuery(pol, ast.NewObject(), QueryOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var first string
	for i := range 3 {
		_, err := q.Eval(context.Background(), nil)
		if err == nil {
			t.Fatalf("evaluation %d: no error from a function that cannot compile", i)
		}
		if i == 0 {
			first = err.Error()
		} else if err.Error() != first {
			t.Fatalf("evaluation %d failed otherwise than the first:\n first: %s\n now:   %s", i, first, err)
		}
	}
	if a := funcByName(t, q.p, ".a"); a.ready.Load() || len(a.params) > 2 {
		t.Fatalf("a: ready %v with %d params after failed compiles", a.ready.Load(), len(a.params))
	}
}

// TestStoredPlanDynamicCalls: a plan read by ReadPlan indexes its functions by path only
// when a statement calls one by path, and such a call still finds its function.
func TestStoredPlanDynamicCalls(t *testing.T) {
	str := func(i int) ir.Operand { return ir.Operand{Value: ir.StringIndex(i)} }
	policy := func(dynamic bool) *ir.Policy {
		var call ir.Stmt = &ir.CallStmt{Func: "g0.data.p.f", Args: []ir.Operand{{Value: ir.Input}, {Value: ir.Data}}, Result: 3}
		if dynamic {
			call = &ir.CallDynamicStmt{Args: []ir.Local{ir.Input, ir.Data}, Result: 3, Path: []ir.Operand{str(0), str(1), str(2), str(3)}}
		}
		consts := []*ir.StringConst{{Value: "g0"}, {Value: "data"}, {Value: "p"}, {Value: "f"}, {Value: "x"}}
		return &ir.Policy{
			Static: &ir.Static{Strings: consts},
			Plans: &ir.Plans{Plans: []*ir.Plan{{Name: "eval", Blocks: []*ir.Block{{Stmts: []ir.Stmt{
				call,
				&ir.MakeObjectStmt{Target: 4},
				&ir.ObjectInsertStmt{Key: str(4), Value: ir.Operand{Value: ir.Local(3)}, Object: 4},
				&ir.ResultSetAddStmt{Value: 4},
			}}}}}},
			Funcs: &ir.Funcs{Funcs: []*ir.Func{{
				Name: "g0.data.p.f", Params: []ir.Local{0, 1}, Return: 2, Path: []string{"g0", "data", "p", "f"},
				Blocks: []*ir.Block{
					{Stmts: []ir.Stmt{&ir.MakeNumberIntStmt{Value: 7, Target: 2}}},
					{Stmts: []ir.Stmt{&ir.ReturnLocalStmt{Source: 2}}},
				},
			}}},
		}
	}
	for _, dynamic := range []bool{false, true} {
		enc, err := EncodePlan(policy(dynamic))
		if err != nil {
			t.Fatal(err)
		}
		sp, err := ReadPlan(enc)
		if err != nil {
			t.Fatal(err)
		}
		if sp.dynamicCalls != dynamic {
			t.Fatalf("dynamic call %v: the plan says %v", dynamic, sp.dynamicCalls)
		}
		q, err := NewStoredQuery(sp, ast.NewObject(), QueryOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if indexed := len(q.p.dynamic) > 0; indexed != dynamic {
			t.Fatalf("dynamic call %v: functions indexed by path %v", dynamic, indexed)
		}
		rs, err := q.Eval(context.Background(), nil)
		if err != nil || len(rs) != 1 || fmt.Sprint(rs[0].Bindings["x"]) != "7" {
			t.Fatalf("dynamic call %v: %v, %v; want x = 7", dynamic, rs, err)
		}
		// Decoded in full, the plan is indexed by path whatever it calls.
		pol, err := DecodePlan(enc)
		if err != nil {
			t.Fatal(err)
		}
		full, err := NewQuery(pol, ast.NewObject(), QueryOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if len(full.p.dynamic) != 1 {
			t.Fatalf("NewQuery indexed %d functions by path, want 1", len(full.p.dynamic))
		}
	}
}
