package engine

import (
	"context"
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/topdown/builtins"
	"github.com/open-policy-agent/opa/v1/types"

	"github.com/resilcheck/resilcheck/internal/audit"
)

// callBuiltin runs a builtin on operands and returns its one output.
func callBuiltin(t *testing.T, f topdown.BuiltinFunc, bctx topdown.BuiltinContext, operands ...*ast.Term) (*ast.Term, error) {
	t.Helper()
	var out *ast.Term
	err := f(bctx, operands, func(x *ast.Term) error { out = x; return nil })
	return out, err
}

// randomGraph is a graph over n nodes with string and number ids, edges as arrays or sets,
// some edges to nodes that are not keys, and cycles.
func randomGraph(r *rand.Rand, n int) (*ast.Term, []*ast.Term) {
	node := func(i int) *ast.Term {
		if i%5 == 0 {
			return ast.IntNumberTerm(i)
		}
		return ast.StringTerm(fmt.Sprintf("n%d", i))
	}
	obj := ast.NewObject()
	for i := 0; i < n; i++ {
		if r.Intn(8) == 0 {
			continue // reachable only as a neighbour: never reported
		}
		var edges []*ast.Term
		for k := r.Intn(4); k > 0; k-- {
			edges = append(edges, node(r.Intn(n+3)))
		}
		if r.Intn(2) == 0 {
			obj.Insert(node(i), ast.ArrayTerm(edges...))
		} else {
			obj.Insert(node(i), ast.SetTerm(edges...))
		}
	}
	var start []*ast.Term
	for k := 1 + r.Intn(3); k > 0; k-- {
		start = append(start, node(r.Intn(n+2)))
	}
	return ast.NewTerm(obj), start
}

// TestIndexedReachableMatchesOPA asks each graph several times in one evaluation (one builtin
// cache), as the site-loss library does, so every call after the first walks the index.
func TestIndexedReachableMatchesOPA(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	indexed := 0
	for i := 0; i < 500; i++ {
		g, _ := randomGraph(r, 1+r.Intn(40))
		if i%2 == 0 {
			g = stringKeysOnly(g)
		}
		bctx := topdown.BuiltinContext{Cache: builtins.Cache{}}
		for k := 0; k < 6; k++ {
			_, start := randomGraph(r, 40)
			for _, initial := range []*ast.Term{ast.ArrayTerm(start...), ast.SetTerm(start...)} {
				want, wantErr := callBuiltin(t, opaReachable, topdown.BuiltinContext{}, g, initial)
				got, gotErr := callBuiltin(t, reachable, bctx, g, initial)
				if (wantErr == nil) != (gotErr == nil) || (wantErr == nil && want.Value.Compare(got.Value) != 0) {
					t.Fatalf("graph %v from %v (call %d): OPA %v (%v), ours %v (%v)", g, initial, k, want, wantErr, got, gotErr)
				}
				if gotErr == nil && !slices.IsSortedFunc(got.Value.(ast.Set).Slice(), ast.TermValueCompare) {
					t.Fatalf("not sorted: %v", got)
				}
			}
		}
		if entry, ok := bctx.Cache.Get(graphIndexesKey{}); ok && entry.(*graphIndexes).indexes[g.Value.(ast.Object)] != nil {
			indexed++
		}
	}
	if indexed < 200 {
		t.Fatalf("only %d of 500 graphs were indexed: the indexed walk was hardly tested", indexed)
	}
}

// The indexed walk puts a large answer in order by reading its marks and a small one by
// sorting; both give OPA's set, in order. A forest of chains of every length from every node
// gives answers of every size.
func TestIndexedReachableSmallAndLargeAnswers(t *testing.T) {
	const n = 600
	r := rand.New(rand.NewSource(3))
	obj := ast.NewObject()
	for i := 0; i < n; i++ {
		var edges []*ast.Term
		if i > 0 && r.Intn(12) != 0 {
			edges = append(edges, ast.StringTerm(fmt.Sprintf("n%03d", i-1)))
		}
		if r.Intn(30) == 0 {
			edges = append(edges, ast.StringTerm(fmt.Sprintf("n%03d", r.Intn(n))))
		}
		obj.Insert(ast.StringTerm(fmt.Sprintf("n%03d", i)), ast.ArrayTerm(edges...))
	}
	g := ast.NewTerm(obj)
	bctx := topdown.BuiltinContext{Cache: builtins.Cache{}}
	scanned, sorted := 0, 0
	for i := 0; i < n; i += 7 {
		initial := ast.SetTerm(ast.StringTerm(fmt.Sprintf("n%03d", i)), ast.StringTerm(fmt.Sprintf("n%03d", (i*13)%n)))
		for call := 0; call < 2; call++ {
			want, _ := callBuiltin(t, opaReachable, topdown.BuiltinContext{}, g, initial)
			got, err := callBuiltin(t, reachable, bctx, g, initial)
			if err != nil || want.Value.Compare(got.Value) != 0 {
				t.Fatalf("from %v (call %d): OPA %v, ours %v (%v)", initial, call, want, got, err)
			}
			if !slices.IsSortedFunc(got.Value.(ast.Set).Slice(), ast.TermValueCompare) {
				t.Fatalf("not sorted: %v", got)
			}
			if call == 1 {
				if scanMarks(got.Value.(ast.Set).Len(), n) {
					scanned++
				} else {
					sorted++
				}
			}
		}
	}
	if scanned < 5 || sorted < 5 {
		t.Fatalf("%d answers read off the marks and %d sorted: both ways must be tested", scanned, sorted)
	}
}

// Edge values that are neither sets nor arrays lead nowhere, and initial nodes may repeat or
// be of any type, on the indexed walk as on OPA's.
func TestIndexedReachableOddEdgesAndStarts(t *testing.T) {
	odd := []*ast.Term{ast.NullTerm(), ast.StringTerm("b"), ast.ObjectTerm(ast.Item(ast.StringTerm("b"), ast.StringTerm("c"))), ast.IntNumberTerm(3)}
	for _, e := range odd {
		g := ast.ObjectTerm(
			ast.Item(ast.StringTerm("a"), e),
			ast.Item(ast.StringTerm("b"), ast.SetTerm(ast.StringTerm("c"), ast.IntNumberTerm(1))),
			ast.Item(ast.StringTerm("c"), ast.ArrayTerm(ast.StringTerm("a"), ast.StringTerm("zz"))),
		)
		bctx := topdown.BuiltinContext{Cache: builtins.Cache{}}
		for _, initial := range []*ast.Term{
			ast.ArrayTerm(ast.StringTerm("a"), ast.StringTerm("a"), ast.IntNumberTerm(1)),
			ast.SetTerm(ast.StringTerm("b"), ast.NullTerm()),
			ast.ArrayTerm(ast.StringTerm("c")),
		} {
			for call := 0; call < 2; call++ {
				want, _ := callBuiltin(t, opaReachable, topdown.BuiltinContext{}, g, initial)
				got, err := callBuiltin(t, reachable, bctx, g, initial)
				if err != nil || want.Value.Compare(got.Value) != 0 {
					t.Fatalf("edges of a: %v, from %v (call %d): OPA %v, ours %v (%v)", e, initial, call, want, got, err)
				}
			}
		}
	}
}

// The indexed walk stops when the evaluation is cancelled, as the first walk does.
func TestIndexedReachableStopsWhenCancelled(t *testing.T) {
	g := layers(400, 4)
	cancel := topdown.NewCancel()
	bctx := topdown.BuiltinContext{Cache: builtins.Cache{}, Cancel: cancel}
	start := ast.ArrayTerm(ast.StringTerm("s399-0"))
	for call := 0; call < 2; call++ {
		if _, err := callBuiltin(t, reachable, bctx, g, start); err != nil {
			t.Fatalf("call %d before cancelling: %v", call, err)
		}
	}
	cancel.Cancel()
	if _, err := callBuiltin(t, reachable, bctx, g, start); err == nil || !strings.Contains(err.Error(), "cancel") {
		t.Fatalf("indexed walk after cancelling: error %v, want a cancellation", err)
	}
}

// The indexed walk keeps its marks between walks: a walk stopped by a cancellation, and a walk
// started from inside another one's answer (topdown goes on with the query in iter), must
// each leave them clear for the next.
func TestIndexedReachableMarksAreClearAfterEachWalk(t *testing.T) {
	// From s<l>-<w>: itself and every node of the layers below (OPA's walk is exponential on
	// this graph, so the answer is spelled out).
	const width = 4
	g := layers(400, width)
	from := func(l, w int) *ast.Term { return ast.ArrayTerm(ast.StringTerm(fmt.Sprintf("s%d-%d", l, w))) }
	want := func(l, w int) *ast.Term {
		terms := []*ast.Term{ast.StringTerm(fmt.Sprintf("s%d-%d", l, w))}
		for b := 0; b < l; b++ {
			for x := 0; x < width; x++ {
				terms = append(terms, ast.StringTerm(fmt.Sprintf("s%d-%d", b, x)))
			}
		}
		return ast.SetTerm(terms...)
	}
	cancel := topdown.NewCancel()
	bctx := topdown.BuiltinContext{Cache: builtins.Cache{}, Cancel: cancel}
	for call := 0; call < 2; call++ {
		if _, err := callBuiltin(t, reachable, bctx, g, from(399, 0)); err != nil {
			t.Fatal(err)
		}
	}
	cancel.Cancel()
	if _, err := callBuiltin(t, reachable, bctx, g, from(399, 0)); err == nil {
		t.Fatal("the walk after cancelling did not stop")
	}
	bctx.Cancel = topdown.NewCancel()
	var gotOuter, gotInner *ast.Term
	err := reachable(bctx, []*ast.Term{g, from(399, 1)}, func(x *ast.Term) error {
		gotOuter = x
		var err error
		gotInner, err = callBuiltin(t, reachable, bctx, g, from(200, 2))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if want(399, 1).Value.Compare(gotOuter.Value) != 0 || want(200, 2).Value.Compare(gotInner.Value) != 0 {
		t.Fatalf("outer walk %d nodes (want %d), inner walk %d (want %d)", gotOuter.Value.(ast.Set).Len(), want(399, 1).Value.(ast.Set).Len(), gotInner.Value.(ast.Set).Len(), want(200, 2).Value.(ast.Set).Len())
	}
	if after, _ := callBuiltin(t, reachable, bctx, g, from(3, 3)); want(3, 3).Value.Compare(after.Value) != 0 {
		t.Fatalf("walk after the nested ones: %v, want %v", after, want(3, 3))
	}
}

// stringKeysOnly drops the entries of g whose key is not a string (edges to them stay, as
// edges to nodes that are not keys).
func stringKeysOnly(g *ast.Term) *ast.Term {
	out := ast.NewObject()
	g.Value.(ast.Object).Foreach(func(k, v *ast.Term) {
		if _, ok := k.Value.(ast.String); ok {
			out.Insert(k, v)
		}
	})
	return ast.NewTerm(out)
}

func TestReachableMatchesOPA(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 2000; i++ {
		g, start := randomGraph(r, 1+r.Intn(30))
		for _, initial := range []*ast.Term{ast.ArrayTerm(start...), ast.SetTerm(start...)} {
			want, wantErr := callBuiltin(t, opaReachable, topdown.BuiltinContext{}, g, initial)
			got, gotErr := callBuiltin(t, topdown.GetBuiltin(ast.ReachableBuiltin.Name), topdown.BuiltinContext{}, g, initial)
			if (wantErr == nil) != (gotErr == nil) || (wantErr == nil && want.Value.Compare(got.Value) != 0) {
				t.Fatalf("graph %v from %v: OPA %v (%v), ours %v (%v)", g, initial, want, wantErr, got, gotErr)
			}
		}
	}
	for _, bad := range [][2]*ast.Term{
		{ast.ArrayTerm(), ast.SetTerm()},
		{ast.ObjectTerm(), ast.StringTerm("a")},
	} {
		_, wantErr := callBuiltin(t, opaReachable, topdown.BuiltinContext{}, bad[0], bad[1])
		_, gotErr := callBuiltin(t, topdown.GetBuiltin(ast.ReachableBuiltin.Name), topdown.BuiltinContext{}, bad[0], bad[1])
		if wantErr == nil || gotErr == nil || wantErr.Error() != gotErr.Error() {
			t.Errorf("operands %v: OPA error %v, ours %v", bad, wantErr, gotErr)
		}
	}
}

// layers is a dependency graph of depth layers of width services, each needing every
// service of the layer below: width^depth paths, depth*width nodes.
func layers(depth, width int) *ast.Term {
	obj := ast.NewObject()
	for l := 0; l < depth; l++ {
		for w := 0; w < width; w++ {
			var below []*ast.Term
			for x := 0; l > 0 && x < width; x++ {
				below = append(below, ast.StringTerm(fmt.Sprintf("s%d-%d", l-1, x)))
			}
			obj.Insert(ast.StringTerm(fmt.Sprintf("s%d-%d", l, w)), ast.SetTerm(below...))
		}
	}
	return ast.NewTerm(obj)
}

func TestReachableIsLinearOnLayeredGraphs(t *testing.T) {
	// OPA's implementation queues s0-* once per path: 4^29 times here, which no test could
	// wait for; ours visits each of the 120 nodes once.
	g := layers(30, 4)
	got, err := callBuiltin(t, reachable, topdown.BuiltinContext{}, g, ast.ArrayTerm(ast.StringTerm("s29-0")))
	if err != nil {
		t.Fatal(err)
	}
	if n := got.Value.(ast.Set).Len(); n != 29*4+1 {
		t.Fatalf("reached %d nodes, want %d", n, 29*4+1)
	}
}

func TestReachableStopsWhenCancelled(t *testing.T) {
	cancel := topdown.NewCancel()
	cancel.Cancel()
	g := layers(400, 4)
	_, err := callBuiltin(t, reachable, topdown.BuiltinContext{Cancel: cancel}, g, ast.ArrayTerm(ast.StringTerm("s399-0")))
	var te *topdown.Error
	if err == nil || !strings.Contains(err.Error(), "cancel") {
		t.Fatalf("error = %v (%T), want a cancellation", err, te)
	}
}

// A builtin that neither polls the context nor returns soon: what a custom function or an
// OPA builtin without cancellation checks looks like to the engine.
const stallBuiltin = "resilcheck_test.stall"

var registerStall = sync.OnceFunc(func() {
	rego.RegisterBuiltin1(&rego.Function{Name: stallBuiltin, Decl: types.NewFunction(types.Args(types.N), types.B)},
		func(_ rego.BuiltinContext, a *ast.Term) (*ast.Term, error) {
			ms, _ := a.Value.(ast.Number).Int()
			time.Sleep(time.Duration(ms) * time.Millisecond)
			return ast.BooleanTerm(true), nil
		})
})

func TestTimeoutHoldsInWallTime(t *testing.T) {
	registerStall()
	const stall = 20 * time.Second
	src := customSource(map[string]string{
		"c.rego": goodMeta + fmt.Sprintf("package resilcheck.controls.c\n\ndefault applies := true\n\nviolations contains \"slow\" if %s(%d)\n", stallBuiltin, stall.Milliseconds()),
	})
	var first []audit.Result
	for _, ev := range []Evaluator{EvaluatorTopdown, EvaluatorIRVM} {
		t.Run(string(ev), func(t *testing.T) {
			e := newEngine(t, Options{Policies: []PolicySource{core(t), src}, Timeout: time.Second, Evaluator: ev})
			start := time.Now()
			out := e.Evaluate(context.Background(), []Document{{Name: "a", Value: major(nil)}, {Name: "b", Value: major(nil)}})
			// Not a speed limit: the stalled builtin alone takes 20 s a call, so a run that
			// ends sooner cannot have waited for it.
			if took := time.Since(start); took >= stall {
				t.Fatalf("took %s: the timeout did not bound the run", took)
			}
			for _, o := range out {
				if r := resultFor(t, o, "CUSTOM-1"); r.Status != audit.StatusError || r.Reason != "evaluation timed out after 1s" {
					t.Fatalf("slow control = %+v", r)
				}
				if r := resultFor(t, o, officerID); r.Status != audit.StatusFail {
					t.Fatalf("built-in control beside the slow one = %+v", r)
				}
				if len(o.Scopes) == 0 {
					t.Fatal("scopes lost when the main query timed out")
				}
			}
			if first == nil {
				first = out[0].Results
			} else if fmt.Sprint(first) != fmt.Sprint(out[0].Results) {
				t.Fatalf("outcome differs from topdown's:\n%v\n%v", first, out[0].Results)
			}
		})
	}
}

func TestBuiltinErrorsAreErrors(t *testing.T) {
	for name, expr := range map[string]string{
		"to_number":      `to_number("abc") > 0`,
		"divide by zero": `1 / 0 > 0`,
		"json.unmarshal": `json.unmarshal("{")`,
	} {
		src := customSource(map[string]string{
			"c.rego": goodMeta + "package resilcheck.controls.c\n\ndefault applies := true\n\nviolations contains \"x\" if " + expr + "\n",
		})
		for _, ev := range []Evaluator{EvaluatorTopdown, EvaluatorIRVM} {
			t.Run(name+"/"+string(ev), func(t *testing.T) {
				e := newEngine(t, Options{Policies: []PolicySource{core(t), src}, Evaluator: ev})
				o := e.EvaluateOne(context.Background(), Document{Name: "x", Value: major(nil)})
				if r := resultFor(t, o, "CUSTOM-1"); r.Status != audit.StatusError || !strings.Contains(r.Reason, name) {
					t.Fatalf("control whose builtin failed = %+v, want an error naming %s", r, name)
				}
				if r := resultFor(t, o, officerID); r.Status != audit.StatusFail {
					t.Fatalf("built-in control = %+v", r)
				}
			})
		}
	}
}

func TestPolicyOutputIsBounded(t *testing.T) {
	src := customSource(map[string]string{
		"big.rego": goodMeta + `package resilcheck.controls.big

default applies := true

violations contains {"msg": concat("", array.concat(["보"], [sprintf("%01000000d", [0]) | some _ in numbers.range(1, 20)])), "pointer": "/provider"}

violations contains {"msg": "huge evidence", "evidence": {"blob": sprintf("%0100000d", [0])}}
`,
		"many.rego": strings.Replace(goodMeta, "CUSTOM-1", "CUSTOM-2", 1) + `package resilcheck.controls.many

default applies := true

violations contains sprintf("finding %06d", [i]) if some i in numbers.range(1, 12000)
`,
	})
	for _, ev := range []Evaluator{EvaluatorTopdown, EvaluatorIRVM} {
		t.Run(string(ev), func(t *testing.T) {
			e := newEngine(t, Options{Policies: []PolicySource{core(t), src}, Evaluator: ev})
			o := e.EvaluateOne(context.Background(), Document{Name: "x", Value: major(nil)})

			big := resultFor(t, o, "CUSTOM-1")
			if big.Status != audit.StatusFail || len(big.Violations) != 2 {
				t.Fatalf("big = %s with %d violations", big.Status, len(big.Violations))
			}
			var long, evidence audit.Violation
			for _, v := range big.Violations {
				if v.Message == "huge evidence" {
					evidence = v
				} else {
					long = v
				}
			}
			if len(long.Message) > MaxMessageBytes+64 || !strings.HasPrefix(long.Message, "보0") ||
				!strings.HasSuffix(long.Message, fmt.Sprintf("[truncated: %d more bytes]", 20000003-MaxMessageBytes)) {
				t.Errorf("long message: %d bytes, ends %q", len(long.Message), long.Message[max(0, len(long.Message)-40):])
			}
			if s, _ := evidence.Evidence["truncated"].(string); !strings.Contains(s, "over the 65536-byte limit") || len(evidence.Evidence) != 1 {
				t.Errorf("evidence = %.200v", evidence.Evidence)
			}

			many := resultFor(t, o, "CUSTOM-2")
			if many.Status != audit.StatusFail || len(many.Violations) != MaxFindings {
				t.Fatalf("many = %s with %d violations, want %d", many.Status, len(many.Violations), MaxFindings)
			}
			if last := many.Violations[MaxFindings-1].Message; last != fmt.Sprintf("finding %06d", MaxFindings) {
				t.Errorf("kept up to %q: not the first %d in report order", last, MaxFindings)
			}
			if len(many.Notes) != 1 || !strings.HasPrefix(many.Notes[0].Message, "2000 of 12000 violations are not in this report") {
				t.Errorf("notes = %+v", many.Notes)
			}
			if r := resultFor(t, o, officerID); r.Status != audit.StatusFail {
				t.Errorf("built-in control = %+v", r)
			}
		})
	}
}

func TestTruncateTextKeepsCharactersWhole(t *testing.T) {
	s := strings.Repeat("가", MaxMessageBytes) // 3 bytes each: the limit falls inside one
	got := truncateText(s)
	head, _, ok := strings.Cut(got, "… [truncated: ")
	if !ok || !utf8.ValidString(got) || len(head) != MaxMessageBytes-MaxMessageBytes%3 ||
		!strings.HasSuffix(got, fmt.Sprintf("%d more bytes]", len(s)-len(head))) {
		t.Fatalf("truncated to %d bytes (valid UTF-8: %v): ...%q", len(head), utf8.ValidString(got), got[len(got)-40:])
	}
	if short := strings.Repeat("가", 10); truncateText(short) != short {
		t.Fatal("a short text changed")
	}
}

func TestLimitGrowsWithTheDocument(t *testing.T) {
	e := &Engine{timeout: 10 * time.Second}
	items := func(n int) *Document {
		services := make([]any, n)
		return &Document{Value: map[string]any{"services": services, "datacenters": []any{1, 2}, "incidents": []any{3}}}
	}
	for _, tc := range []struct {
		services int
		want     time.Duration
		reason   string
	}{
		{0, 10 * time.Second, "evaluation timed out after 10s"},
		{997, 10 * time.Second, "evaluation timed out after 10s"},
		{998, 20 * time.Second, "evaluation timed out after 20s (--timeout 10s for each started 1000 services, datacenters and incidents: 1001 here)"},
		{9997, 100 * time.Second, "evaluation timed out after 1m40s (--timeout 10s for each started 1000 services, datacenters and incidents: 10000 here)"},
	} {
		l := e.limitFor(items(tc.services))
		if l.d != tc.want || l.reason(context.DeadlineExceeded) != tc.reason {
			t.Errorf("%d services: %s, %q; want %s, %q", tc.services, l.d, l.reason(context.DeadlineExceeded), tc.want, tc.reason)
		}
		if got := l.reason(context.Canceled); got != "evaluation cancelled" {
			t.Errorf("cancelled: %q", got)
		}
	}
	if l := e.limitFor(&Document{Value: "not a mapping"}); l.d != 10*time.Second {
		t.Errorf("a document that is not a mapping: %s", l.d)
	}
}
