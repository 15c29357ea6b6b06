package irvm_test

import (
	"context"
	"fmt"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/resilcheck/resilcheck/internal/irvm"
)

// Preparing a query for irvm: register the target once, pass the base data document in
// the context given to PrepareForEval, and evaluate as usual.
func Example() {
	irvm.Register()
	mod := `package p
limit := data.run.limit
over contains name if {
	some name, n in input
	n > limit
}`
	data := ast.MustParseTerm(`{"run": {"limit": 2}}`).Value
	q, err := rego.New(
		rego.Query("x := data.p.over"),
		rego.Module("p.rego", mod),
		rego.Target(irvm.Target),
	).PrepareForEval(irvm.WithData(context.Background(), data))
	if err != nil {
		fmt.Println(err)
		return
	}
	rs, err := q.Eval(context.Background(), rego.EvalInput(map[string]any{"a": 1, "b": 3, "c": 5}))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rs[0].Bindings["x"])
	// Output: [b c]
}
