package irvm

import (
	"context"
	"fmt"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage"
)

// Prepare plans query over the modules compiled in c and prepares it for irvm, with the
// base data document of store; opts are further rego options (rego.StrictBuiltinErrors,
// rego.FunctionN ...).
//
// c may be the compiler topdown evaluates with: planning only reads it. rego switches the
// compiler of any target plugin to IR mode, in which the queries compiled later skip
// the comprehension indexes topdown uses, so Prepare asks rego to leave it in topdown
// mode; the switch still writes to c inside rego.New, so Prepare must not run while
// another goroutine compiles a query with c (evaluating is fine).
//
// A panic in OPA's planner or in irvm's compilation is returned as an error: a caller
// can fall back to topdown.
func Prepare(ctx context.Context, c *ast.Compiler, store storage.Store, query ast.Body, opts ...func(*rego.Rego)) (q rego.PreparedEvalQuery, err error) {
	defer func() {
		if r := recover(); r != nil {
			q, err = rego.PreparedEvalQuery{}, fmt.Errorf("irvm: preparing the query: %v", r)
		}
	}()
	Register()
	data, err := ReadStore(ctx, store)
	if err != nil {
		return rego.PreparedEvalQuery{}, err
	}
	args := append([]func(*rego.Rego){
		rego.ParsedQuery(query),
		rego.Compiler(c),
		rego.Store(store),
		rego.Target(Target),
		rego.EvalMode(ast.EvalModeTopdown),
	}, opts...)
	return rego.New(args...).PrepareForEval(WithData(ctx, data))
}
