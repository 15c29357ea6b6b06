package irvm

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/types"
)

// bothTargets prepares the query with the module on topdown and on irvm, with the given
// options, and returns what each gives for the same sequence of evaluations.
func bothTargets(t *testing.T, module, query string, evals int, opts func() []func(*rego.Rego)) map[string][]string {
	t.Helper()
	Register()
	out := map[string][]string{}
	for _, target := range []string{"rego", Target} {
		args := append(opts(), rego.Query(query), rego.Module("p.rego", module), rego.Target(target))
		q, err := rego.New(args...).PrepareForEval(WithData(context.Background(), ast.NewObject()))
		if err != nil {
			t.Fatalf("%s: %v", target, err)
		}
		for range evals {
			rs, err := q.Eval(context.Background())
			if err != nil {
				t.Fatalf("%s: %v", target, err)
			}
			out[target] = append(out[target], fmt.Sprint(rs))
		}
	}
	return out
}

// TestCustomBuiltinIsNeverConstant: a rule that calls a function given to rego is judged
// anew on every evaluation, as topdown does, even though such functions seldom declare
// themselves non-deterministic.
func TestCustomBuiltinIsNeverConstant(t *testing.T) {
	decl := &rego.Function{Name: "test.tick", Decl: types.NewFunction(types.Args(types.N), types.N)}
	got := bothTargets(t, "package p\n\nr := test.tick(1)\n", "x := data.p.r", 3, func() []func(*rego.Rego) {
		var n atomic.Int64 // a fresh counter per target
		return []func(*rego.Rego){rego.Function1(decl, func(rego.BuiltinContext, *ast.Term) (*ast.Term, error) {
			return ast.IntNumberTerm(int(n.Add(1))), nil
		})}
	})
	if fmt.Sprint(got["rego"]) != fmt.Sprint(got[Target]) {
		t.Fatalf("topdown %v, irvm %v", got["rego"], got[Target])
	}
}

// TestCustomBuiltinMayKeepItsOperands: a caller's function that returns (a view of) its
// operand slice must not see it reused for the next call.
func TestCustomBuiltinMayKeepItsOperands(t *testing.T) {
	decl := &rego.Function{Name: "test.pair", Decl: types.NewFunction(types.Args(types.A, types.A), types.A)}
	got := bothTargets(t, "package p\n\nr := [test.pair(1, 2), test.pair(3, 4)]\n", "x := data.p.r", 1, func() []func(*rego.Rego) {
		return []func(*rego.Rego){rego.FunctionDyn(decl, func(_ rego.BuiltinContext, terms []*ast.Term) (*ast.Term, error) {
			return ast.ArrayTerm(terms[:2]...), nil
		})}
	})
	if fmt.Sprint(got["rego"]) != fmt.Sprint(got[Target]) {
		t.Fatalf("topdown %v, irvm %v", got["rego"], got[Target])
	}
}
