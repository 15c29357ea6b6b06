package irvm

import (
	"fmt"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/ir"
)

// render writes statements compactly: op(target; operands), constants from lits.
func render(lits *constTable, instrs []instr) string {
	var parts []string
	for _, in := range instrs {
		ops := []string{}
		for _, o := range []operand{in.a, in.b} {
			if o != noOperand {
				ops = append(ops, renderOperand(lits, o))
			}
		}
		if in.x != nil {
			for _, o := range in.x.args {
				ops = append(ops, renderOperand(lits, o))
			}
		}
		parts = append(parts, fmt.Sprintf("%d(%d; %s)", in.op, in.target, strings.Join(ops, " ")))
	}
	return strings.Join(parts, ", ")
}

func renderOperand(lits *constTable, o operand) string {
	if !o.isLocal() {
		return lits.at(o).String()
	}
	return fmt.Sprintf("L%d", o)
}

func TestFuse(t *testing.T) {
	cc := &compiler{consts: &constTable{}}
	l := func(i int32) operand { return localOperand(i) }
	c := func(s string) operand { return cc.constant(ast.StringTerm(s)) }
	mk := func(op opcode, target int32) instr { return instr{op: op, target: target, a: noOperand, b: noOperand} }
	add := func(op opcode, target int32, a, b operand) instr { return instr{op: op, target: target, a: a, b: b} }
	fused := func(op opcode, target int32, args ...operand) instr {
		return instr{op: op, target: target, a: noOperand, b: noOperand, x: &instrExtra{args: args}}
	}
	tests := []struct {
		name     string
		in, want []instr
	}{
		{"literal array",
			[]instr{mk(opMakeArray, 5), add(opArrayAppend, 5, c("a"), noOperand), add(opArrayAppend, 5, l(3), noOperand)},
			[]instr{fused(opArrayOf, 5, c("a"), l(3))}},
		{"literal set and object",
			[]instr{mk(opMakeSet, 5), add(opSetAdd, 5, l(3), noOperand), mk(opMakeObject, 6), add(opObjectInsert, 6, c("k"), l(5))},
			[]instr{fused(opSetOf, 5, l(3)), fused(opObjectOf, 6, c("k"), l(5))}},
		{"nested: the inner collection is built first",
			[]instr{mk(opMakeObject, 6), mk(opMakeArray, 7), add(opArrayAppend, 7, c("x"), noOperand), add(opObjectInsert, 6, c("k"), l(7))},
			[]instr{fused(opArrayOf, 7, c("x")), fused(opObjectOf, 6, c("k"), l(7))}},
		{"a simple statement in between moves before the build",
			[]instr{mk(opMakeArray, 5), add(opArrayAppend, 5, l(3), noOperand), {op: opMakeConst, target: 9, a: noOperand, b: cc.constant(ast.IntNumberTerm(1))}, add(opArrayAppend, 5, l(9), noOperand)},
			[]instr{{op: opMakeConst, target: 9, a: noOperand, b: cc.constant(ast.IntNumberTerm(1))}, fused(opArrayOf, 5, l(3), l(9))}},
		{"the collection read before it is complete",
			[]instr{mk(opMakeArray, 5), add(opArrayAppend, 5, l(3), noOperand), add(opAssignVar, 8, l(5), noOperand), add(opArrayAppend, 5, l(4), noOperand)},
			[]instr{fused(opArrayOf, 5, l(3)), add(opAssignVar, 8, l(5), noOperand), add(opArrayAppend, 5, l(4), noOperand)}},
		{"an element's local reassigned after its add",
			[]instr{mk(opMakeArray, 5), add(opArrayAppend, 5, l(3), noOperand), add(opAssignVar, 3, l(4), noOperand), add(opArrayAppend, 5, l(3), noOperand)},
			[]instr{fused(opArrayOf, 5, l(3)), add(opAssignVar, 3, l(4), noOperand), add(opArrayAppend, 5, l(3), noOperand)}},
		{"a statement that may be undefined ends the run",
			[]instr{mk(opMakeArray, 5), add(opArrayAppend, 5, l(3), noOperand), add(opDot, 8, l(0), c("k")), add(opArrayAppend, 5, l(8), noOperand)},
			[]instr{fused(opArrayOf, 5, l(3)), add(opDot, 8, l(0), c("k")), add(opArrayAppend, 5, l(8), noOperand)}},
		{"nothing added: left alone",
			[]instr{mk(opMakeArray, 5), add(opDot, 8, l(0), c("k")), add(opArrayAppend, 5, l(8), noOperand)},
			[]instr{mk(opMakeArray, 5), add(opDot, 8, l(0), c("k")), add(opArrayAppend, 5, l(8), noOperand)}},
		{"an element that is the collection itself",
			[]instr{mk(opMakeArray, 5), add(opArrayAppend, 5, l(5), noOperand)},
			[]instr{mk(opMakeArray, 5), add(opArrayAppend, 5, l(5), noOperand)}},
	}
	// An add further than maxGap statements from the previous one is left alone.
	far := []instr{mk(opMakeArray, 5), add(opArrayAppend, 5, c("a"), noOperand)}
	farWant := []instr{fused(opArrayOf, 5, c("a"))}
	for range maxGap + 1 {
		far = append(far, mk(opMakeSet, 9))
		farWant = append(farWant, mk(opMakeSet, 9))
	}
	far = append(far, add(opArrayAppend, 5, c("b"), noOperand))
	farWant = append(farWant, add(opArrayAppend, 5, c("b"), noOperand))
	tests = append(tests, struct {
		name     string
		in, want []instr
	}{"an add too far away", far, farWant})

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, want := render(cc.consts, cc.fuse(tt.in)), render(cc.consts, tt.want); got != want {
				t.Fatalf("got  %s\nwant %s", got, want)
			}
		})
	}
}

// fakeStmt is a statement kind irvm does not know.
type fakeStmt struct{ ir.Location }

// TestCompileRefuses: what irvm cannot execute is an error when the query is prepared.
func TestCompileRefuses(t *testing.T) {
	plan := func(stmts ...ir.Stmt) *ir.Policy {
		return &ir.Policy{
			Static: &ir.Static{Strings: []*ir.StringConst{{Value: "x"}}},
			Plans:  &ir.Plans{Plans: []*ir.Plan{{Name: "eval", Blocks: []*ir.Block{{Stmts: stmts}}}}},
			Funcs:  &ir.Funcs{},
		}
	}
	tests := []struct {
		name string
		pol  *ir.Policy
		want string
	}{
		{"no plan", &ir.Policy{}, "no plan"},
		{"unknown statement", plan(&fakeStmt{}), "unsupported statement"},
		{"unknown builtin", plan(&ir.CallStmt{Func: "no.such.builtin", Result: 2}), "no implementation"},
		{"string out of range", plan(&ir.DotStmt{Source: ir.Operand{Value: ir.Input}, Key: ir.Operand{Value: ir.StringIndex(7)}, Target: 2}), "out of range"},
		{"function without input and data", &ir.Policy{
			Plans: &ir.Plans{Plans: []*ir.Plan{{Name: "eval"}}},
			Funcs: &ir.Funcs{Funcs: []*ir.Func{{Name: "g0.f", Params: []ir.Local{0}, Return: 1}}},
		}, "expected input and data"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := compile(tt.pol, ast.NewTerm(ast.NewObject()), nil)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
}
