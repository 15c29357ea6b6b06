// Package irvm evaluates OPA's intermediate representation (the planner's output, package
// ir) with a small direct interpreter, registered as a rego target plugin. Topdown spends
// most of a manifest's evaluation in per-expression unification and backtracking; the
// planned IR has none of that, so batches of manifests are judged several times faster
// with the same builtins and the same ast values, hence the same answers.
//
// Use:
//
//	q, err := irvm.Prepare(ctx, compiler, store, body) // or, by hand:
//	irvm.Register() // once; idempotent
//	data, err := irvm.ReadStore(ctx, store) // or any ast.Object of the base data
//	q, err := rego.New(rego.ParsedQuery(body), rego.Compiler(c), rego.Store(store),
//		rego.Target(irvm.Target)).PrepareForEval(irvm.WithData(ctx, data))
//	rs, err := q.Eval(ctx, rego.EvalParsedInput(input))
//
// A plan can also be made once and stored, so that a later process evaluates the query
// without the policies' source, a compiler or rego's preparation:
//
//	pol, err := irvm.Plan(ctx, compiler, store, body, opts...) // at build time
//	b, err := irvm.EncodePlan(pol)
//	sp, err := irvm.ReadPlan(b) // at run time: bodies are decoded on first call
//	q, err := irvm.NewStoredQuery(sp, data, irvm.QueryOptions{StrictBuiltinErrors: true})
//	rs, err := q.Eval(ctx, input)
//
// The stored plan is OPA's IR, not irvm's compiled program, so what runs is what the
// target plugin would compile from the same plan; TestStoredPlansMatchPrepare holds the
// two to the same answers on OPA's conformance corpus. A plan depends on the policies and
// on the OPA version that planned it: whoever stores one must store those with it.
//
// Design. rego hands the target the plan of one query (ir.Policy); compile turns it once
// into a program: statements become small opcode records, literal collections built
// element by element are fused into one statement, functions are indexed, builtins
// resolved, and rules that depend on neither input nor anything non-deterministic are
// marked constant, to be computed once per program. A stored plan (NewQuery) is
// compiled the same way, one function at a time on its first call, since a run of a
// large bundle may call only part of it. Eval runs that program on pooled
// per-evaluation state (locals, memo levels per `with`), so one prepared query serves
// many documents on many goroutines.
//
// Semantics follow topdown, as the differential tests check: values are ast's (so
// ordering, equality and numbers are OPA's), builtins are topdown's own implementations, a
// failing builtin is undefined (an error with rego.StrictBuiltinErrors), a Halt error and
// conflicting rule or function values are evaluation errors, rules are computed once per
// evaluation and functions once per distinct argument list, and the context is checked
// every few thousand statements. Statement semantics (blocks, break indices, undefined
// propagation, scans, with) are those of OPA's Wasm compiler, the reference for the IR,
// except where the plan says less than topdown does: a ref into base data is read as
// topdown reads it from the store, each key a path segment (`data.nested[2]` finds the
// key "2"), which the plan's DotStmt does not do.
//
// Coupling to OPA's planner. The plan is OPA's (internal/planner, reached only through
// rego), planned from a compiled *ast.Compiler; irvm owns nothing between the Rego and the
// IR, so an OPA upgrade can change what it runs. TestConformance holds irvm to OPA's own
// evaluation corpus, as written and with strict builtin errors, against topdown; the
// divergences it knows are in testdata/conformance-exceptions.yaml, each with its reason,
// and the test fails on a new one and on one that went away. Prepare plans on the
// caller's compiler, the one topdown uses, rather than on one of its own: planning only
// reads it, while compiling the bundle again would cost several times the planning and
// keep a second compiled bundle in memory. The one write is rego's: it switches a target
// plugin's compiler to IR mode, which later topdown query compiles would inherit (no
// comprehension indexes); Prepare asks it (rego.EvalMode) to leave topdown mode.
//
// Not supported: tracing, instrumentation, metrics, the builtin error list and the
// non-deterministic builtin cache (rego's options for them are ignored), partial
// evaluation, and whatever OPA's planner refuses (it fails PrepareForEval; iterating a
// literal scalar, `some c in "abc"`, is one). The target contract returns a set of
// results, so a query with duplicate solutions yields them once, where topdown repeats
// them. Under `with data.a.b as x` where base data.a.b is an object, topdown reads
// data.a with x merged into that object (though data.a.b is x alone); irvm gives x in
// both, as the plan says. TestDocumentedDivergences holds these two to their word.
package irvm

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/ir"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage"
)

// Target is the name to pass to rego.Target once Register has run.
const Target = "irvm"

var registerOnce sync.Once

// Register makes the irvm target known to the rego package. It is safe to call any number
// of times; the registry in rego is global and panics on a second registration.
func Register() {
	registerOnce.Do(func() { rego.RegisterPlugin(Target, plugin{}) })
}

type dataKey struct{}

// WithData returns a context carrying the base data document (the JSON object under
// `data`) for PrepareForEval. A target plugin is never handed the store, and rules are
// planned rather than stored, so the only data irvm needs is the base document, and it
// must come this way: preparing without it is an error rather than a silently empty
// `data`. The value must not be modified afterwards.
func WithData(ctx context.Context, data ast.Value) context.Context {
	return context.WithValue(ctx, dataKey{}, data)
}

// ReadStore reads the whole base document of a store, for WithData: an engine that keeps
// its data in a store for topdown can prepare irvm queries on the same data.
func ReadStore(ctx context.Context, store storage.Store) (ast.Value, error) {
	var out ast.Value
	err := storage.Txn(ctx, store, storage.TransactionParams{}, func(txn storage.Transaction) error {
		v, err := store.Read(ctx, txn, storage.RootPath)
		if err != nil {
			return err
		}
		if av, ok := v.(ast.Value); ok {
			out = av
			return nil
		}
		out, err = ast.InterfaceToValue(v)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("irvm: read store: %w", err)
	}
	return out, nil
}

// ErrNoData is returned by PrepareForEval when the context carries no base data.
var ErrNoData = errors.New("irvm: no base data document: prepare with irvm.WithData(ctx, data)")

type plugin struct{}

func (plugin) IsTarget(t string) bool { return t == Target }

func (plugin) PrepareForEval(ctx context.Context, pol *ir.Policy, opts ...rego.PrepareOption) (rego.TargetPluginEval, error) {
	cfg := &rego.PrepareConfig{}
	for _, o := range opts {
		o(cfg)
	}
	if into, ok := ctx.Value(captureKey{}).(**ir.Policy); ok {
		// Plan: compiled only to prove irvm can run it, on empty data.
		prog, err := compile(pol, ast.NewTerm(ast.NewObject()), cfg.BuiltinFuncs())
		if err == nil {
			*into = pol
		}
		return prog, err
	}
	data, ok := ctx.Value(dataKey{}).(ast.Value)
	if !ok || data == nil {
		return nil, ErrNoData
	}
	if _, ok := data.(ast.Object); !ok {
		return nil, fmt.Errorf("irvm: base data must be an object, got %s", ast.ValueName(data))
	}
	return compile(pol, ast.NewTerm(data), cfg.BuiltinFuncs())
}
