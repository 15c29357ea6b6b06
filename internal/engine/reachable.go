package engine

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/topdown/builtins"
)

// OPA's graph.reachable (v1.22.2, topdown/reachable.go) marks a node reached only when it
// leaves the queue, so a node is queued once per path that leads to it: on a dependency graph
// of layers where every service needs every service of the layer below, the work grows as
// width^depth, and the builtin never looks at the context, so no timeout can stop it. The site-
// loss library calls graph.reachable once per service; 14 layers of 4 services took minutes.
//
// reachable computes the same set (every node reachable from the initial ones, counting only
// nodes that are keys of the graph, the initial ones included when they are keys) with each
// node queued at most once, and stops when the evaluation is cancelled. It replaces OPA's
// implementation for every evaluation in this process, on topdown and irvm alike (irvm calls
// topdown's builtins); the bundle itself is unchanged, so opa and conftest still run it,
// at OPA's cost on such graphs. The differential test against OPA's implementation is
// TestReachableMatchesOPA.
func reachable(bctx topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	graph, err := builtins.ObjectOperand(operands[0].Value, 1)
	if err != nil {
		return err
	}
	var queue []*ast.Term
	switch initial := operands[1].Value.(type) {
	case *ast.Array:
		initial.Foreach(func(t *ast.Term) { queue = append(queue, t) })
	case ast.Set:
		queue = append(queue, initial.Slice()...)
	default:
		return builtins.NewOperandTypeErr(2, initial, "{array, set}")
	}
	queued := ast.NewSet(queue...)
	reached := ast.NewSet()
	for i := 0; i < len(queue); i++ {
		if i&1023 == 1023 {
			if err := cancelled(bctx); err != nil {
				return err
			}
		}
		node := queue[i]
		edges := graph.Get(node)
		if edges == nil {
			continue
		}
		reached.Add(node)
		visit := func(n *ast.Term) {
			if !queued.Contains(n) {
				queued.Add(n)
				queue = append(queue, n)
			}
		}
		switch v := edges.Value.(type) {
		case ast.Set:
			v.Foreach(visit)
		case *ast.Array:
			v.Foreach(visit)
		}
	}
	return iter(ast.NewTerm(reached))
}

// cancelled is the error a long builtin returns once its evaluation was cancelled or ran out
// of time, the same one topdown gives when it notices between expressions.
func cancelled(bctx topdown.BuiltinContext) error {
	if bctx.Cancel != nil && bctx.Cancel.Cancelled() {
		return &topdown.Error{Code: topdown.CancelErr, Message: "caller cancelled query execution", Location: bctx.Location}
	}
	if bctx.Context != nil && bctx.Context.Err() != nil {
		return &topdown.Error{Code: topdown.CancelErr, Message: bctx.Context.Err().Error(), Location: bctx.Location}
	}
	return nil
}

// opaReachable is OPA's own implementation, kept for the differential test.
var opaReachable topdown.BuiltinFunc

func init() {
	opaReachable = topdown.GetBuiltin(ast.ReachableBuiltin.Name)
	topdown.RegisterBuiltinFunc(ast.ReachableBuiltin.Name, reachable)
}
