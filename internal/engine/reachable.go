package engine

import (
	"slices"
	"strings"

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
	if idx := graphIndexFor(bctx, graph); idx != nil {
		return idx.reachable(bctx, queue, iter)
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

// The site-loss library asks graph.reachable of the same graph many times in one evaluation:
// the reversed dependency graph once per failure domain, the dependency graph once per
// failover tooling. Each call on OPA's values hashes every node it meets into two sets; on a
// manifest of 10,000 services that was a fifth of the evaluation. A graph met a second time
// in an evaluation is therefore indexed once, its nodes numbered in sorted order, and walked
// over the numbers; the answer is built in that order, so OPA's later sort of the set (to
// iterate or compare it) finds it already sorted. A graph seen once is walked as above:
// indexing it would cost more than the one walk.
//
// The index is kept in the evaluation's builtin cache, so it lives as long as the evaluation
// and no longer, and it holds the graph value it was built from: the identity of that value is
// the key, and holding it keeps its address from being reused. Only graphs whose keys are all
// strings (every graph the bundle builds) are indexed; any other is walked as above.
type graphIndex struct {
	graph ast.Object
	ids   map[string]int32
	terms []*ast.Term // by number, in sorted order
	adj   [][]int32

	// The walk's marks, queue and answer, kept between walks: a site loss walks the same
	// graph once per failure domain, and allocating them afresh each time was a third of
	// what the walks allocate. marks is all false between walks. An evaluation is one
	// goroutine, and the index lives in its cache, so no two walks share them at once.
	marks  []bool
	queue  []int32
	answer []*ast.Term
}

// graphIndexes is the builtin-cache entry: the graphs met once, and the indexes built.
type graphIndexes struct {
	seen    map[ast.Object]bool
	indexes map[ast.Object]*graphIndex
}

type graphIndexesKey struct{}

const maxGraphsSeenOnce = 32

// graphIndexFor is the index of graph in this evaluation, built on its second use; nil when
// the graph is met for the first time, cannot be indexed, or there is no evaluation cache.
func graphIndexFor(bctx topdown.BuiltinContext, graph ast.Object) *graphIndex {
	if bctx.Cache == nil {
		return nil
	}
	entry, _ := bctx.Cache.Get(graphIndexesKey{})
	gi, ok := entry.(*graphIndexes)
	if !ok {
		gi = &graphIndexes{seen: map[ast.Object]bool{}, indexes: map[ast.Object]*graphIndex{}}
		bctx.Cache.Put(graphIndexesKey{}, gi)
	}
	if idx, ok := gi.indexes[graph]; ok {
		return idx
	}
	if !gi.seen[graph] {
		// Every graph met once would otherwise stay alive until the evaluation ends (one
		// per failure domain whose tooling is lost, say); the graphs asked again are asked
		// again soon.
		if len(gi.seen) >= maxGraphsSeenOnce {
			clear(gi.seen)
		}
		gi.seen[graph] = true
		return nil
	}
	idx := newGraphIndex(graph)
	gi.indexes[graph] = idx // nil too: not indexable, and not tried again
	return idx
}

func newGraphIndex(graph ast.Object) *graphIndex {
	keys := graph.Keys()
	names := make([]string, len(keys))
	for i, k := range keys {
		s, ok := k.Value.(ast.String)
		if !ok {
			return nil
		}
		names[i] = string(s)
	}
	order := make([]int, len(keys))
	for i := range order {
		order[i] = i
	}
	// Strings order by their bytes in OPA's term order too.
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(names[a], names[b]) })
	idx := &graphIndex{graph: graph, ids: make(map[string]int32, len(keys)), terms: make([]*ast.Term, len(keys)), adj: make([][]int32, len(keys))}
	for n, i := range order {
		idx.ids[names[i]] = int32(n)
		idx.terms[n] = keys[i]
	}
	for n, k := range idx.terms {
		var edges []int32
		add := func(t *ast.Term) {
			if s, ok := t.Value.(ast.String); ok {
				if m, ok := idx.ids[string(s)]; ok {
					edges = append(edges, m)
				}
			}
		}
		switch v := graph.Get(k).Value.(type) {
		case ast.Set:
			v.Foreach(add)
		case *ast.Array:
			v.Foreach(add)
		}
		idx.adj[n] = edges
	}
	return idx
}

// reachable is the walk over the index from the initial nodes: the same set as the walk on
// OPA's values (a node counts when it is a key of the graph).
func (idx *graphIndex) reachable(bctx topdown.BuiltinContext, initial []*ast.Term, iter func(*ast.Term) error) error {
	if idx.marks == nil {
		idx.marks = make([]bool, len(idx.terms))
	}
	visited, queue := idx.marks, idx.queue[:0]
	// Every mark set is cleared before the answer is passed on: under topdown, iter goes on
	// with the query, which may walk this graph again before iter returns.
	done := func() {
		for _, n := range queue {
			visited[n] = false
		}
		idx.queue = queue[:0]
	}
	for _, t := range initial {
		if s, ok := t.Value.(ast.String); ok {
			if n, ok := idx.ids[string(s)]; ok && !visited[n] {
				visited[n] = true
				queue = append(queue, n)
			}
		}
	}
	for i := 0; i < len(queue); i++ {
		if i&1023 == 1023 {
			if err := cancelled(bctx); err != nil {
				done()
				return err
			}
		}
		for _, m := range idx.adj[queue[i]] {
			if !visited[m] {
				visited[m] = true
				queue = append(queue, m)
			}
		}
	}
	terms := idx.answer[:0]
	if scanMarks(len(queue), len(idx.terms)) {
		for n, v := range visited {
			if v {
				terms = append(terms, idx.terms[n])
			}
		}
	} else {
		slices.Sort(queue)
		for _, n := range queue {
			terms = append(terms, idx.terms[n])
		}
	}
	// NewSet copies the terms into a set of its own, so the slice can be used again.
	answer := ast.SetTerm(terms...)
	idx.answer = terms[:0]
	done()
	return iter(answer)
}

// scanMarks says whether an answer of k of a graph's n nodes is put in order by reading the
// marks in number order rather than by sorting: the marks cost a pass over every node, the
// sort k log k comparisons, so a large answer (the services a site loss takes down, often
// thousands) reads the marks and a small one sorts.
func scanMarks(k, n int) bool { return k > n/16 }

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
