package irvm

import (
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/types"
)

// memoModule calls g on the numbers 1..n twice over; body is g's body.
func memoModule(n int, body string) string {
	nums := make([]string, n)
	for i := range nums {
		nums[i] = fmt.Sprint(i + 1)
	}
	list := "[" + strings.Join(nums, ", ") + "]"
	return "package p\n\ng(x) := " + body + "\n\nr := [g(i) | some i in " + list + "]\n\ns := [g(i) | some i in " + list + "]\n"
}

// builtinCalls evaluates x := [data.p.r, data.p.s] on irvm and topdown, requires the same
// result, and returns how many builtin calls irvm made.
func builtinCalls(t *testing.T, module string, opts ...func(*rego.Rego)) uint64 {
	t.Helper()
	Register()
	var counts [opCount]atomic.Uint64
	results := map[string]string{}
	for _, target := range []string{"rego", Target} {
		if target == Target {
			coverage.Store(&counts)
		}
		args := append(append([]func(*rego.Rego){}, opts...), rego.Query("x := [data.p.r, data.p.s]"), rego.Module("p.rego", module), rego.Target(target))
		rs, err := rego.New(args...).Eval(WithData(t.Context(), ast.NewObject()))
		coverage.Store(nil)
		if err != nil {
			t.Fatalf("%s: %v", target, err)
		}
		results[target] = fmt.Sprint(rs)
	}
	if results["rego"] != results[Target] {
		t.Fatalf("topdown %s\nirvm    %s", results["rego"], results[Target])
	}
	return counts[opCallBuiltin].Load()
}

// A pure function whose calls do not repeat stops being memoised after memoWatch calls:
// the second round of the same arguments runs its body again, with the same results.
func TestMemoLetsGoOfCallsThatDoNotRepeat(t *testing.T) {
	n := memoWatch + 8
	if got := builtinCalls(t, memoModule(n, "x * 3")); got != uint64(2*n) {
		t.Fatalf("g's body ran %d times, want %d (memoised for the first %d calls only)", got, 2*n, memoWatch)
	}
	// Calls that repeat keep it: 1..n called twice in a row hits the memo half the time.
	twice := "package p\n\ng(x) := x * 3\n\nr := [y | some i in numbers.range(1, 40); some _ in [1, 2]; y := g(i)]\n\ns := 1\n"
	if got := builtinCalls(t, twice); got != 40+1 { // g's body once per number, and numbers.range
		t.Fatalf("g's body ran %d times, want 40", got-1)
	}
}

// A function that calls a custom builtin (or a non-deterministic one) stays memoised
// however seldom its calls repeat: calling it again could change what it returns.
func TestMemoKeepsImpureFunctions(t *testing.T) {
	n := memoWatch + 8
	decl := &rego.Function{Name: "test.tick", Decl: types.NewFunction(types.Args(types.N), types.N)}
	var ticks atomic.Int64
	tick := rego.Function1(decl, func(_ rego.BuiltinContext, x *ast.Term) (*ast.Term, error) {
		ticks.Add(1)
		return x, nil
	})
	if got := builtinCalls(t, memoModule(n, "test.tick(x)"), tick); got != uint64(n) {
		t.Fatalf("test.tick ran %d times on irvm, want %d (once per argument)", got, n)
	}
	// Through a pure-looking caller too: h calls g, which calls the custom builtin.
	module := strings.Replace(memoModule(n, "test.tick(x)"), "[g(i) |", "[h(i) |", 2) + "\nh(x) := g(x) + 0\n"
	if got := builtinCalls(t, module, tick); got != uint64(2*n) { // plus: h runs, g is memoised
		t.Fatalf("%d builtin calls on irvm, want %d (test.tick once per argument, plus each time)", got, 2*n)
	}
}
