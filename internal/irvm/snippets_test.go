package irvm

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/types"
	"github.com/open-policy-agent/opa/v1/util"
)

// snippet is a small policy evaluated by both evaluators.
type snippet struct {
	name   string
	module string // package p unless it says otherwise
	extra  string // a second module
	query  string
	input  string // JSON; "" means no input
	data   string // JSON base data; "" means {}
	// want is what the test expects beyond agreement, so a case where both evaluators
	// return nothing cannot pass by accident.
	want outcomeKind
}

type outcomeKind int

const (
	defined   outcomeKind = iota // at least one result
	undefined                    // no result
	failed                       // an evaluation error
)

func compileModules(t *testing.T, srcs ...string) *ast.Compiler {
	t.Helper()
	mods := map[string]*ast.Module{}
	for i, src := range srcs {
		if src == "" {
			continue
		}
		name := "m" + string(rune('0'+i)) + ".rego"
		m, err := ast.ParseModuleWithOpts(name, src, ast.ParserOptions{RegoVersion: ast.RegoV1})
		if err != nil {
			t.Fatalf("parse: %v", err)
		}
		mods[name] = m
	}
	c := ast.NewCompiler()
	if c.Compile(mods); c.Failed() {
		t.Fatalf("compile: %v", c.Errors)
	}
	return c
}

func jsonValue(t *testing.T, s string) ast.Value {
	t.Helper()
	var x any
	if err := util.UnmarshalJSON([]byte(s), &x); err != nil {
		t.Fatalf("bad JSON %q: %v", s, err)
	}
	v, err := ast.InterfaceToValue(x)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func runSnippet(t *testing.T, s snippet) {
	t.Helper()
	c := compileModules(t, s.module, s.extra)
	data := map[string]any{}
	if s.data != "" {
		if err := util.UnmarshalJSON([]byte(s.data), &data); err != nil {
			t.Fatal(err)
		}
	}
	p := preparePair(t, c, s.query, data)
	var input ast.Value
	if s.input != "" {
		input = jsonValue(t, s.input)
	}
	want, got := evalOne(t, p.topdown, input), evalOne(t, p.irvm, input)
	switch {
	case want.err != nil || got.err != nil:
		if want.err == nil || got.err == nil {
			t.Fatalf("errors differ\ntopdown: %v %v\nirvm:    %v %v", want.err, want.value, got.err, got.value)
		}
		if s.want != failed {
			t.Fatalf("both failed, expected %v: %v", s.want, want.err)
		}
		// Conflicts must be reported as conflicts, so the engine's message is the same.
		if strings.Contains(want.err.Error(), "conflict") != strings.Contains(got.err.Error(), "conflict") {
			t.Fatalf("error kinds differ\ntopdown: %v\nirvm:    %v", want.err, got.err)
		}
		return
	}
	// The target contract returns a set of results, so results are compared as sets.
	w, g := asSet(want.value), asSet(got.value)
	if ast.Compare(w, g) != 0 {
		t.Fatalf("results differ\ntopdown: %v\nirvm:    %v", w, g)
	}
	switch n := w.Len(); {
	case s.want == failed:
		t.Fatalf("expected an error, both returned %v", w)
	case s.want == defined && n == 0:
		t.Fatal("both undefined, expected a result")
	case s.want == undefined && n > 0:
		t.Fatalf("expected undefined, both returned %v", w)
	}
}

func asSet(v ast.Value) ast.Set {
	s := ast.NewSet()
	v.(*ast.Array).Foreach(s.Add)
	return s
}

// snippetCases exercise each IR statement kind and topdown's edge cases.
var snippetCases = []snippet{
	// else chains, in rules and functions
	{name: "function else chain", module: `package p
f(x) := "big" if x > 10
else := "mid" if x > 5
else := "small"`, query: `a := [data.p.f(1), data.p.f(6), data.p.f(11)]`},
	{name: "rule else falls through to undefined", module: `package p
r := 1 if input.x == 1
else := 2 if input.x == 2`, query: `x := data.p.r`, input: `{"x": 3}`, want: undefined},
	{name: "rule else second branch", module: `package p
r := 1 if input.x == 1
else := 2 if input.x == 2`, query: `x := data.p.r`, input: `{"x": 2}`},
	{name: "default rule", module: `package p
default allow := false
allow if input.user == "admin"`, query: `x := data.p.allow`, input: `{"user": "bob"}`},

	// negation and undefined
	{name: "not undefined ref", module: `package p
deny if not input.ok`, query: `x := data.p.deny`, input: `{}`},
	{name: "not false", module: `package p
deny if not input.ok`, query: `x := data.p.deny`, input: `{"ok": false}`},
	{name: "not true", module: `package p
deny if not input.ok`, query: `x := [v | v := data.p.deny]`, input: `{"ok": true}`},
	{name: "not of function call", module: `package p
pos(x) if x > 0
r := [x | some x in input.xs; not pos(x)]`, query: `x := data.p.r`, input: `{"xs": [1, -1, 0, 2]}`},
	{name: "undefined function result", module: `package p
f(x) := y if { x > 1; y := x * 2 }`, query: `a := [v | v := data.p.f(0)]; b := [v | v := data.p.f(2)]`},
	{name: "no input", module: `package p
r := input.a`, query: `x := [v | v := data.p.r]`},
	{name: "expression false stops the query", module: `package p`, query: `x := 1; false`, want: undefined},

	// every, some ... in, comprehensions
	{name: "every over array", module: `package p
ok if every x in input.xs { x > 0 }`, query: `x := [v | v := data.p.ok]`, input: `{"xs": [1, 2, 3]}`},
	{name: "every fails", module: `package p
ok if every x in input.xs { x > 1 }`, query: `x := [v | v := data.p.ok]`, input: `{"xs": [1, 2, 3]}`},
	{name: "every over empty and object and scalar", module: `package p
e if every x in [] { x > 1 }
o if every k, v in input.o { startswith(k, "a"); v > 0 }
s if every x in input.n { x > 1 }`, query: `x := [[v | v := data.p.e], [v | v := data.p.o], [v | v := data.p.s]]`, input: `{"o": {"ab": 1, "ac": 2}, "n": 3}`},
	{name: "some in with key", module: `package p
s contains k if { some k, v in input.obj; v > 1 }`, query: `x := data.p.s`, input: `{"obj": {"b": 2, "a": 3, "c": 1}}`},
	{name: "membership", module: `package p`, query: `a := 1 in {"k": 1}; b := "a" in {"a"}; c := 3 in [1, 2]; d := "k" in input.o`, input: `{"o": {"k": 1}}`},
	{name: "array comprehension order over object and set", module: `package p`,
		query: `a := [k | some k, _ in input.obj]; b := [x | some x in {"b", "a", 3, [1], {"z": 1}}]; c := [v | some v in input.obj]`,
		input: `{"obj": {"z": 1, "b": 2, "a": 3, "1": 0}}`},
	{name: "nested comprehensions", module: `package p
r := {s.id: {d | some d in s.deps; d != s.id} | some s in input.services}`,
		query: `x := data.p.r`, input: `{"services": [{"id": "a", "deps": ["b", "a"]}, {"id": "b", "deps": []}]}`},
	{name: "object comprehension conflict", module: `package p
r := {k: v | some v in input.xs; k := "same"}`, query: `x := data.p.r`, input: `{"xs": [1, 2]}`, want: failed},
	{name: "array and object patterns", module: `package p
r := [a, b] if [a, b] := input.pair
s := x if {"k": x} := input.o`, query: `x := [data.p.r, data.p.s]`, input: `{"pair": [1, "two"], "o": {"k": [3]}}`},
	{name: "array pattern length mismatch", module: `package p
r := a if [a, _] := input.pair`, query: `x := [v | v := data.p.r]`, input: `{"pair": [1, 2, 3]}`},
	{name: "iteration with duplicate values", module: `package p`, query: `some x in input.xs`, input: `{"xs": [1, 1, 2]}`},

	// partial rules, ref heads and dynamic lookups
	{name: "partial set and object", module: `package p
s contains x if some x in input.xs
o[k] := count(v) if some k, v in input.m`, query: `a := data.p.s; b := data.p.o`, input: `{"xs": [3, 1, 3], "m": {"a": [1], "b": []}}`},
	{name: "partial object key conflict", module: `package p
o[k] := v if some k, v in input.m
o["a"] := 99`, query: `x := data.p.o`, input: `{"m": {"a": 1}}`, want: failed},
	{name: "ref head rules", module: `package p
q[r].allow := true if some r in ["a", "b"]
q.c.allow := false`, query: `x := [data.p.q.a.allow, data.p.q.c.allow]; y := data.p.q`},
	{name: "dynamic package lookup", module: `package p.a
allow if input.user == "alice"`, extra: `package p.b
allow if input.user == "bob"`, query: `x := [data.p[k].allow | some k in ["a", "b", "c"]]`, input: `{"user": "bob"}`},
	{name: "dynamic lookup of undefined rule", module: `package p.a
allow if input.user == "alice"`, extra: `package p.b
allow if input.user == "bob"`, query: `k := input.k; x := data.p[k].allow`, input: `{"user": "carol", "k": "a"}`, want: undefined},
	{name: "whole package as object", module: `package p
a := 1
b contains 2
c(x) := x`, query: `x := data.p`},
	{name: "virtual and base documents under one path", module: `package p
a := 1
b contains 2`, query: `x := data.p`, data: `{"p": {"c": {"d": 3}, "e": [4]}}`},
	{name: "virtual and base documents overlap", module: `package p
a := {"k": 1, "v": {"w": 1}}
b := 1`, query: `x := data.p`, data: `{"p": {"a": {"k": 2, "j": 3, "v": {"z": 2}}, "b": {"o": 1}}}`},
	{name: "base and virtual data", module: `package p
r := data.base.limit * 2
s := [x | some x in data.base.list; x > data.base.limit]`, query: `x := [data.p.r, data.p.s, data.base]`, data: `{"base": {"limit": 2, "list": [1, 2, 3, 4]}}`},
	{name: "iterate data", module: `package p
r := 1`, query: `x := [k | some k, _ in data.base]; y := data.p`, data: `{"base": {"b": 1, "a": 2}}`},

	// conflicts
	{name: "complete rule conflict", module: `package p
r := 1 if input.x
r := 2 if input.x`, query: `x := data.p.r`, input: `{"x": true}`, want: failed},
	{name: "complete rule same value twice", module: `package p
r := 1 if input.x
r := 1 if input.x`, query: `x := data.p.r`, input: `{"x": true}`},
	{name: "function conflict", module: `package p
f(x) := 1 if x > 0
f(x) := 2 if x > 1`, query: `x := data.p.f(5)`, want: failed},

	// with
	{name: "with input", module: `package p
r if input.x == 1`, query: `x := data.p.r with input.x as 1`},
	{name: "with input whole", module: `package p
r := input`, query: `x := data.p.r with input as {"a": [1]}`, input: `{"b": 2}`},
	{name: "with data", module: `package p
r := data.base.v + 1`, query: `a := data.p.r; b := data.p.r with data.base.v as 10; c := data.p.r`, data: `{"base": {"v": 1}}`},
	{name: "with new path", module: `package p
r := data.cfg.deep.v`, query: `x := data.p.r with data.cfg.deep.v as "set"`},
	{name: "with function mock", module: `package p
f(x) := x + 1
g(x) := x * 10
r := f(2)`, query: `a := data.p.r; b := data.p.r with data.p.f as data.p.g`},
	{name: "with builtin mock", module: `package p
r := count([1, 2])`, query: `x := data.p.r with count as 7`},
	{name: "with undefined block", module: `package p
r if input.x == 1`, query: `x := data.p.r with input.x as 2`, want: undefined},

	// builtins
	{name: "builtin error is undefined", module: `package p
a := to_number("abc")
b := 1 / 0
c := count(input.n)
d := sprintf("%d", ["x"])`, query: `x := [[v | v := data.p.a], [v | v := data.p.b], [v | v := data.p.c], [v | v := data.p.d]]`, input: `{"n": 3}`},
	{name: "big and exact numbers", module: `package p`, query: `a := 12345678901234567890123 + 1; b := input.big * 2; c := 0.1 + 0.2; d := 1 == 1.0; e := input.big > 1e20; f := 7 % 3; g := 10 / 4`,
		input: `{"big": 98765432109876543210}`},
	{name: "numbers.range and sets", module: `package p`, query: `a := numbers.range(1, 5); b := {1, 2} | {3}; c := {1, 2} & {2}; d := {1, 2} - {1}; e := count(set()); f := sum([]); g := max({3, 1})`},
	{name: "graph reachability", module: `package p`,
		query: `a := graph.reachable(input.g, ["a"]); b := graph.reachable_paths(input.g, ["a"])`,
		input: `{"g": {"a": ["b"], "b": ["c", "a"], "c": [], "d": ["a"]}}`},
	{name: "time builtins", module: `package p`,
		query: `a := time.parse_rfc3339_ns("2022-10-15T15:19:00+09:00"); b := time.add_date(a, 0, 1, 0); c := time.date(b); d := time.parse_ns("2006-01-02", "2026-11-22"); e := time.diff(a, d); f := time.weekday(a)`},
	{name: "strings and objects", module: `package p`,
		query: `a := sprintf("%s has %d (%v)", ["x", 3, [1, "a"]]); b := count("héllo"); c := object.get(input, ["a", "b"], "dflt"); d := object.union({"a": 1}, {"b": 2}); e := concat(",", ["b", "a"]); f := sort(["b", "a", "c"]); g := json.marshal({"k": [1]}); h := upper("ş"); i := object.keys({"b": 1, "a": 2}); j := array.concat([1], [2]); k := regex.match("^a+$", "aaa")`,
		input: `{"a": {"c": 1}}`},
	{name: "walk relation", module: `package p`, query: `x := [p | walk(input, [p, _])]; y := [v | walk(input, [["a"], v])]`, input: `{"a": [1, {"b": 2}]}`},
	{name: "equality of mixed types", module: `package p`, query: `a := [1] == [1.0]; b := {"a": 1} == {"a": 1.0}; c := null == false; d := "1" == 1`},
	{name: "memoised function with equal arguments", module: `package p
f(x) := sprintf("%v", [x])`, query: `a := [data.p.f(1), data.p.f(1.0), data.p.f(1)]; b := [data.p.f([1]), data.p.f([1.0])]`},
	{name: "complete rule conflict in one body", module: `package p
r := x if some x in input.xs`, query: `x := data.p.r`, input: `{"xs": [1, 2]}`, want: failed},
	{name: "function with several outputs", module: `package p
f(xs) := y if some y in xs`, query: `x := data.p.f([1, 2])`, want: failed},
	{name: "default function", module: `package p
default f(_) := 0
f(x) := 1 if x > 5`, query: `x := [data.p.f(1), data.p.f(9)]`},
	{name: "odd keys and indexes", module: `package p`,
		query: `a := [v | v := input.xs[1.0]]; b := [v | v := input.xs[-1]]; o := {1: "a", [2]: "b"}; c := [o[1], o[[2]]]; st := {3, 4}; d := [v | v := st[4]]; f := [v | v := input.xs["0"]]`,
		input: `{"xs": [10, 20]}`},
	// Topdown reads a ref into base data from the store, where every key is a path
	// segment (a string): the number 2 finds the key "2", and "1" indexes an array.
	{name: "number and string keys into base data", module: `package p
nested := data.nested[2]
arr := data.arr["1"]
idx := data.arr[1]
bound := data.nested[k] if k := input.two
scanned := [v | some k; v := data.deep[k][2]]
plus := data.arr["+1"]
float := data.nested[2.0]
neg := data.arr["-1"]
copied := obj[2] if obj := data.nested
r := [[v | v := nested], [v | v := arr], [v | v := idx], [v | v := bound], scanned, [v | v := plus], [v | v := float], [v | v := neg], [v | v := copied]]`,
		query: `x := data.p.r`, input: `{"two": 2}`,
		data: `{"nested": {"2": "bar", "2.0": "float"}, "arr": ["a0", "a1"], "deep": {"a": {"2": "deep"}}}`},
	{name: "number keys into base data under with", module: `package p
in_value := y if y := data.nested[2] with data.nested as {"2": "with"}
number_key := y if y := data.nested[2] with data.nested as {2: "with"}
beside := y if y := data.nested[2] with data.other as 1
below := y if y := data.nested[input.two] with data.nested.x as 1
aliased := y if y := data.nested[2] with data.other as data.nested
r := [[v | v := in_value], [v | v := number_key], [v | v := beside], [v | v := below], [v | v := aliased]]`,
		query: `x := data.p.r`, input: `{"two": 2}`, data: `{"nested": {"2": "bar"}}`},
	// Without a seed given to rego, both read crypto/rand; the values are cached per
	// evaluation, so the set has one element.
	{name: "random builtins", module: `package p`,
		query: `a := count({rand.intn("k", 100) | some _ in numbers.range(1, 20)}); b := count({uuid.rfc4122("k") | some _ in numbers.range(1, 20)})`},
	// the builtins the vm computes itself, and the operands it leaves to topdown
	{name: "fast builtins", module: `package p`,
		query: `a := [count("héllo"), count([1, 2]), count({"a": 1}), count({1, 2, 3})]; b := [1 in {1}, 2 in [1, 2], "v" in {"k": "v"}, 1 in "1", 3 in [1, 2]]; c := [1 < 2, "b" > "a", [1] >= [1], null <= false, {"a": 1} > 2, 2 <= 2.0]; d := [object.get({"a": {"b": 1}}, ["a", "b"], 0), object.get({"a": 1}, ["a", "x"], "dflt"), object.get({"a": 1}, [], 0), object.get({"a": 1}, "a", 0), object.get({"a": 1}, "z", 7), object.get({[1]: 2}, [[1]], 0)]`},
	// integer arithmetic on the vm up to int64's edges, topdown's past them and for anything
	// but two integers; operands from input, so nothing is folded ahead
	// sprintf with plain verbs on the vm, anything else through topdown's: formats and
	// arguments from input, so the planner folds nothing
	{name: "fast sprintf", module: `package p
f(format, args) := sprintf(format, args)
s := sprintf("%v and %s", [{1, "a"}, {"k": [1, 2.5]}])`,
		query: `x := [[c[0], data.p.f(c[0], c[1])] | some c in input.cases]; y := data.p.s`,
		input: `{"cases": [["%s and %v", ["a", "b"]], ["%d", [5]], ["%d", [5.0]], ["%d", [1e3]], ["%v", [1.5]], ["%s", [5]],
			["%d", ["x"]], ["%v%%", [true]], ["%v", [null]], ["%v", [[1, "a"]]], ["%v", [{"k": "v"}]], ["%s", [{"k": 1}]],
			["%5s", ["a"]], ["%q", ["a"]], ["%s %s", ["a"]], ["%s", ["a", "b"]], ["%", []], ["100%%", []], ["%v", [-0]],
			["%d", [9223372036854775807]], ["%d", [9223372036854775808]], ["%v", [123456789012345678901234567890]],
			["héllo %s", ["wörld"]], ["%v", [-12]], ["%s-%d-%v", ["a", 2, "c"]], ["%d%%", [-7]], ["no verbs", []],
			["%v", [1e400]], ["%s", [""]], ["%%%s%%", ["x"]], ["%x", [255]], ["%.2f", [1.5]]]}`},
	{name: "fast integer arithmetic refuses a string", module: `package p
f(a, b) := a + b`, query: `x := data.p.f(input.a, input.s)`, input: `{"a": 1, "s": "1"}`, want: undefined},
	{name: "fast integer arithmetic results", module: `package p
ops(a, b) := [a + b, a - b, a * b, b - a]`,
		query: `x := [data.p.ops(n[0], n[1]) | some n in input.pairs]; y := {1, 2} - {1}`,
		input: `{"pairs": [[2147483647, 1], [9223372036854775807, 1], [-9223372036854775808, 1], [-9223372036854775808, -1], [4294967296, 4294967296], [3037000499, 3037000499], [-1, -9223372036854775808], [1700000000000000000, 86400000000000], [1e3, 1], [1.5, 1], [10.0, 1], [0, -0], [5, 7], [0, -9223372036854775808]]}`},
	{name: "fast builtin count refuses a number", module: `package p
f(x) := count(x)`, query: `x := data.p.f(input.n)`, input: `{"n": 3}`, want: undefined},
	{name: "fast builtin object.get refuses a non-object", module: `package p
f(x) := object.get(x, "a", 0)`, query: `x := data.p.f(input.n)`, input: `{"n": [1]}`, want: undefined},
	{name: "fast builtins with undefined operands", module: `package p
r := count(input.missing)
s := object.get(input, "a", input.missing)
t := input.missing < 1`, query: `x := [data.p.r]`, input: `{"a": 1}`, want: undefined},
	// object literals: built from all pairs at once unless keys may repeat
	{name: "object literal with computed keys", module: `package p
f(a, b, c) := {a: 1, b: [a], c: {"n": c}}`, query: `x := data.p.f("k", "l", "m"); y := data.p.f(2, 1, 3); z := count(x)`},
	{name: "object literal whose computed keys coincide", module: `package p
f(a, b) := {a: 1, b: 2}`, query: `x := data.p.f("k", "k"); y := data.p.f(1, 1.0); z := data.p.f([1], [1])`},
	{name: "object literal with many keys", module: `package p
f(a) := {"k01": a, "k02": a, "k03": a, "k04": a, "k05": a, "k06": a, "k07": a, "k08": a, "k09": a,
	"k10": a, "k11": a, "k12": a, "k13": a, "k14": a, "k15": a, "k16": a, "k17": a, a: "last"}`,
		query: `x := data.p.f("k01"); y := data.p.f("k99"); z := data.p.f(1) == data.p.f(1)`},
	{name: "empty collections", module: `package p`, query: `a := [x | some x in []]; b := {x | some x in {}}; c := {k: v | some k, v in {}}; d := count({}); e := [] == []; f := {} == set()`},
}

func TestSnippets(t *testing.T) {
	for _, s := range snippetCases {
		t.Run(s.name, func(t *testing.T) { runSnippet(t, s) })
	}
}

// TestStatementCoverage runs the snippets and one real scenario counting the statements
// irvm executes: every kind the planner emits must have run under the differential
// checks at least once.
func TestStatementCoverage(t *testing.T) {
	var counts [opCount]atomic.Uint64
	coverage.Store(&counts)
	defer coverage.Store(nil)
	for _, s := range snippetCases {
		t.Run(s.name, func(t *testing.T) { runSnippet(t, s) })
	}
	c := compiledBundle(t)
	p := preparePair(t, c, mainQuery(c), runData("2026-11-22", []string{"skcc-pangyo"}, nil))
	requireSame(t, p, manifests(t)["kakao-2022-10-15.yaml#0"])
	for op := range opCount {
		if op == opNop { // the planner never emits NopStmt
			continue
		}
		if counts[op].Load() == 0 {
			t.Errorf("no test executed %v", op)
		}
	}
}

// TestCustomBuiltin checks that functions given to rego (rego.FunctionN) are called.
func TestCustomBuiltin(t *testing.T) {
	Register()
	decl := &rego.Function{Name: "test.double", Decl: types.NewFunction(types.Args(types.N), types.N)}
	impl := func(_ rego.BuiltinContext, a *ast.Term) (*ast.Term, error) {
		n, ok := a.Value.(ast.Number)
		if !ok {
			return nil, errors.New("not a number")
		}
		i, _ := n.Int()
		return ast.IntNumberTerm(2 * i), nil
	}
	for _, target := range []string{"rego", Target} {
		q, err := rego.New(rego.Query(`x := test.double(21); y := [v | v := test.double(input.s)]`), rego.Function1(decl, impl),
			rego.Target(target)).PrepareForEval(WithData(context.Background(), ast.NewObject()))
		if err != nil {
			t.Fatalf("%s: %v", target, err)
		}
		rs, err := q.Eval(context.Background(), rego.EvalInput(map[string]any{"s": "a"}))
		if err != nil {
			t.Fatalf("%s: %v", target, err)
		}
		if len(rs) != 1 || rs[0].Bindings["x"] == nil || rs[0].Bindings["x"].(interface{ String() string }).String() != "42" {
			t.Fatalf("%s: got %v", target, rs)
		}
		if y, _ := rs[0].Bindings["y"].([]any); len(y) != 0 {
			t.Fatalf("%s: a failing custom builtin must be undefined, got %v", target, y)
		}
	}
}

// TestPrepareErrors: what irvm (or OPA's planner before it) cannot run is refused when
// the query is prepared, so the engine can fall back to topdown, never at evaluation.
func TestPrepareErrors(t *testing.T) {
	Register()
	c := compileModules(t, `package p
r := 1`)
	data := WithData(context.Background(), ast.NewObject())
	tests := []struct {
		name  string
		ctx   context.Context
		query string
		want  string
	}{
		{"no data", context.Background(), `x := data.p.r`, "no base data"},
		{"data not an object", WithData(context.Background(), ast.NewArray()), `x := data.p.r`, "must be an object"},
		// The planner cannot iterate a literal scalar; topdown finds nothing to iterate.
		{"iteration over a string literal", data, `x := [c | some c in "abc"]`, "non-var head"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := rego.New(rego.Query(tt.query), rego.Compiler(c), rego.Store(inmem.New()), rego.Target(Target)).PrepareForEval(tt.ctx)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

// TestCancellation checks that a long evaluation stops at the context's deadline.
func TestCancellation(t *testing.T) {
	Register()
	c := compileModules(t, `package p
r := count([x | some i in numbers.range(1, 3000); some j in numbers.range(1, 3000); x := i * j])`)
	q, err := rego.New(rego.Query(`x := data.p.r`), rego.Compiler(c), rego.Store(inmem.New()), rego.Target(Target)).
		PrepareForEval(WithData(context.Background(), ast.NewObject()))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = q.Eval(ctx)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("got %v, want a deadline error", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("cancellation took %s", d)
	}
}

// TestStrictBuiltinErrors checks that rego.StrictBuiltinErrors turns a failing builtin
// into an evaluation error under irvm as under topdown, and that without it both are
// undefined.
func TestStrictBuiltinErrors(t *testing.T) {
	Register()
	c := compileModules(t, `package p
r := to_number(input.s)`)
	for _, strict := range []bool{false, true} {
		for _, target := range []string{"rego", Target} {
			q, err := rego.New(rego.Query(`x := data.p.r`), rego.Compiler(c), rego.Store(inmem.New()),
				rego.StrictBuiltinErrors(strict), rego.Target(target)).PrepareForEval(WithData(context.Background(), ast.NewObject()))
			if err != nil {
				t.Fatal(err)
			}
			rs, err := q.Eval(context.Background(), rego.EvalInput(map[string]any{"s": "not a number"}))
			switch {
			case strict && err == nil:
				t.Errorf("%s strict: got %v, want an error", target, rs)
			case !strict && (err != nil || len(rs) != 0):
				t.Errorf("%s: got %v, %v, want undefined", target, rs, err)
			}
		}
	}
}

// TestPanicIsAnError: a panic during evaluation (here in a custom builtin) is an error the
// engine can recover from, and the next evaluation is unaffected.
func TestPanicIsAnError(t *testing.T) {
	Register()
	decl := &rego.Function{Name: "test.explode", Decl: types.NewFunction(types.Args(types.B), types.B)}
	impl := func(_ rego.BuiltinContext, a *ast.Term) (*ast.Term, error) {
		if a.Value.Compare(ast.Boolean(true)) == 0 {
			panic("boom")
		}
		return a, nil
	}
	q, err := rego.New(rego.Query(`x := [y | some i in numbers.range(1, 3); y := test.explode(input.b)]`), rego.Function1(decl, impl),
		rego.Target(Target)).PrepareForEval(WithData(context.Background(), ast.NewObject()))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := q.Eval(context.Background(), rego.EvalInput(map[string]any{"b": true})); err == nil || !strings.Contains(err.Error(), "boom") {
		t.Fatalf("got %v, want the panic as an error", err)
	}
	rs, err := q.Eval(context.Background(), rego.EvalInput(map[string]any{"b": false}))
	if err != nil || len(rs) != 1 {
		t.Fatalf("evaluation after a panic: %v, %v", rs, err)
	}
	if got := fmt.Sprint(rs[0].Bindings["x"]); got != "[false false false]" {
		t.Fatalf("got %s", got)
	}
}

// TestConstantRules checks which rules are computed once per program, and that sharing
// their values between evaluations changes no result.
func TestConstantRules(t *testing.T) {
	c := compileModules(t, `package p
table := {"a": [1, 2], "b": {"c": 3}}
derived := count(table.a) + 1
from_input := input.x
calls_input := from_input + 1
from_data := data.base.v
broken := x if some x in [1, 2]
defaulted := 5 if false
whole_input := [input, {"in": input}, {input}]
r := [table[input.k], derived, from_input, calls_input, from_data, [v | v := defaulted], whole_input]
s := [v | v := broken]`)
	query := `x := data.p.r; y := [v | v := data.p.s]`
	data := map[string]any{"base": map[string]any{"v": 7}}
	p := preparePair(t, c, `x := data.p.r`, data)
	for i, in := range []string{`{"k": "a", "x": 1}`, `{"k": "b", "x": 2}`, `{"k": "z", "x": 3}`, `{"k": "a", "x": 1}`} {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			if out := requireSame(t, p, jsonValue(t, in)); out.err != nil {
				t.Fatal(out.err)
			}
		})
	}
	// Under with, constants that read data see the data of the with.
	with := preparePair(t, c, `a := data.p.from_data; b := data.p.from_data with data.base.v as 9; c := data.p.from_data`, data)
	if out := requireSame(t, with, jsonValue(t, `{}`)); out.err != nil {
		t.Fatal(out.err)
	}
	// A constant that fails fails every time: errors are not kept.
	broken := preparePair(t, c, `y := data.p.s`, data)
	for i := range 2 {
		t.Run(fmt.Sprint("broken ", i), func(t *testing.T) {
			if out := requireSame(t, broken, jsonValue(t, `{}`)); out.err == nil {
				t.Fatal("want a conflict error")
			}
		})
	}

	captureOnce.Do(func() { rego.RegisterPlugin(captureTarget, &capture) })
	if _, err := rego.New(rego.Query(query), rego.Compiler(c), rego.Store(inmem.New()), rego.Target(captureTarget)).
		PrepareForEval(context.Background()); err != nil {
		t.Fatal(err)
	}
	prog, err := compile(capture.pol, ast.NewTerm(ast.NewObject()), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{
		"table": true, "derived": true, "broken": true, "defaulted": true,
		"s":          true, // it calls only constants
		"from_data":  true, // base data is fixed per program
		"from_input": false, "calls_input": false, "r": false, "whole_input": false,
	}
	for _, fn := range prog.funcs {
		name := fn.name[strings.LastIndexByte(fn.name, '.')+1:]
		if w, ok := want[name]; ok && fn.constant != w {
			t.Errorf("%s: constant = %v, want %v", fn.name, fn.constant, w)
		}
		delete(want, name)
	}
	if len(want) > 0 {
		t.Errorf("rules not planned: %v", want)
	}
}

// TestIndependentReadsEveryOperand: the planner copies input to a temporary before use,
// so no Rego reaches these statements with input as a direct operand; the analysis must
// still see it there, in fused literals and builtin arguments alike.
func TestIndependentReadsEveryOperand(t *testing.T) {
	fn := &function{params: []int32{0, 1}}
	input, data := localOperand(0), localOperand(1)
	k, _ := (&constTable{}).add(ast.StringTerm("k"))
	tests := []struct {
		name string
		in   instr
		want bool
	}{
		{"fused array of input", instr{op: opArrayOf, a: noOperand, b: noOperand, x: &instrExtra{args: []operand{input}}}, false},
		{"fused object of data", instr{op: opObjectOf, a: noOperand, b: noOperand, x: &instrExtra{args: []operand{k, data}}}, true},
		{"dot on input", instr{op: opDot, a: input, b: k}, false},
		{"assign from data", instr{op: opAssignVar, target: 5, a: data, b: noOperand}, true},
		{"return input", instr{op: opReturnLocal, target: 0, a: noOperand, b: noOperand}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := independent(fn, []*block{{instrs: []instr{tt.in}}}); got != tt.want {
				t.Fatalf("independent = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestDocumentedDivergences: the differences the package documentation admits are still
// there, and still as it says; when one goes away (an OPA upgrade, an irvm fix), the
// documentation and this test change with it.
func TestDocumentedDivergences(t *testing.T) {
	tests := []struct {
		name, module, query, data, input string
		topdown, irvm                    string
	}{
		{
			name: "duplicate solutions", module: `package p`, query: `some x in input.xs`, input: `{"xs": [1, 1, 2]}`,
			topdown: `[{"bindings": {"x": 1}, "expressions": [true]}, {"bindings": {"x": 1}, "expressions": [true]}, {"bindings": {"x": 2}, "expressions": [true]}]`,
			irvm:    `[{"bindings": {"x": 1}, "expressions": [true]}, {"bindings": {"x": 2}, "expressions": [true]}]`,
		},
		{
			name: "with on a path inside an object of base data", module: `package p
above := y if y := data.a with data.a.b as {"x": 1}
at := y if y := data.a.b with data.a.b as {"x": 1}`,
			query: `x := [data.p.above, data.p.at]`, data: `{"a": {"b": {"y": 2}, "c": 3}}`,
			topdown: `[{"bindings": {"x": [{"b": {"x": 1, "y": 2}, "c": 3}, {"x": 1}]}, "expressions": [true]}]`,
			irvm:    `[{"bindings": {"x": [{"b": {"x": 1}, "c": 3}, {"x": 1}]}, "expressions": [true]}]`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := map[string]any{}
			if tt.data != "" {
				if err := util.UnmarshalJSON([]byte(tt.data), &data); err != nil {
					t.Fatal(err)
				}
			}
			p := preparePair(t, compileModules(t, tt.module), tt.query, data)
			var input ast.Value
			if tt.input != "" {
				input = jsonValue(t, tt.input)
			}
			for name, c := range map[string]struct {
				q    rego.PreparedEvalQuery
				want string
			}{"topdown": {p.topdown, tt.topdown}, "irvm": {p.irvm, tt.irvm}} {
				out := evalOne(t, c.q, input)
				if out.err != nil {
					t.Fatalf("%s: %v", name, out.err)
				}
				if ast.Compare(out.value, jsonValue(t, c.want)) != 0 {
					t.Errorf("%s: got %v, the documentation says %s", name, out.value, c.want)
				}
			}
		})
	}
}
