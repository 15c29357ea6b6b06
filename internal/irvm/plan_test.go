package irvm

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/ir"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/test/cases"
)

// TestStoredPlansMatchPrepare: for every case of OPA's conformance corpus that irvm
// prepares, the plan survives EncodePlan and DecodePlan exactly (OPA's own JSON form of
// the plan is the reference), and a Query made from the decoded plan answers what the
// rego-prepared irvm query answers, results and errors alike, as written and with strict
// builtin errors. The corpus exercises every statement kind the planner emits.
func TestStoredPlansMatchPrepare(t *testing.T) {
	Register()
	registerSleep()
	corpus := loadCorpus(t)
	var mu sync.Mutex
	kinds := map[string]bool{}
	compared := 0
	t.Run("cases", func(t *testing.T) {
		for _, tc := range corpus {
			t.Run(tc.Note, func(t *testing.T) {
				t.Parallel()
				seen := map[string]bool{}
				for _, strict := range []bool{false, true} {
					got, err := storedPlanCase(tc, strict, seen)
					if err != nil {
						t.Errorf("%s (strict %v): %v", tc.Filename, strict, err)
					}
					mu.Lock()
					if got {
						compared++
					}
					for k := range seen {
						kinds[k] = true
					}
					mu.Unlock()
				}
			})
		}
	})
	for _, k := range stmtKinds {
		if !kinds[k] && k != "CallDynamicStmt" && k != "NopStmt" {
			t.Errorf("no case of the corpus planned a %s: the round trip of that kind is untested", k)
		}
	}
	// Two runs a case (as written, strict); a few cases irvm does not prepare or whose answers
	// vary (the clock, random numbers) are left out, and no more.
	if compared < minCorpus || compared < 2*len(corpus)*99/100 {
		t.Fatalf("only %d runs of %d cases compared", compared, len(corpus))
	}
	t.Logf("%d runs of %d cases compared", compared, len(corpus))
}

// storedPlanCase compares one case; false when irvm does not prepare it or its answers
// vary from one evaluation to the next (the clock, random numbers).
func storedPlanCase(tc cases.TestCase, strict bool, kinds map[string]bool) (bool, error) {
	popts := ast.ParserOptions{RegoVersion: ast.RegoV1}
	if tc.ExperimentalKeywords {
		popts.Capabilities = ast.CapabilitiesForThisVersion(ast.CapabilitiesExperimentalKeywords(true))
	}
	mods := map[string]*ast.Module{}
	for i, src := range tc.Modules {
		m, err := ast.ParseModuleWithOpts(fmt.Sprintf("test-%d.rego", i), src, popts)
		if err != nil {
			return false, nil
		}
		mods[m.Package.Location.File] = m
	}
	c := ast.NewCompiler().WithCapabilities(popts.Capabilities)
	if c.Compile(mods); c.Failed() {
		return false, nil
	}
	body, err := ast.ParseBodyWithOpts(tc.Query, popts)
	if err != nil {
		return false, nil
	}
	data := map[string]any{}
	if tc.Data != nil {
		data = *tc.Data
	}
	store := inmem.NewFromObjectWithOpts(data, inmem.OptRoundTripOnWrite(false), inmem.OptReturnASTValuesOnRead(true))
	var input ast.Value
	switch {
	case tc.InputTerm != nil:
		input = ast.MustParseTerm(*tc.InputTerm).Value
	case tc.Input != nil:
		input = ast.MustInterfaceToValue(*tc.Input)
	}
	ctx, cancel := context.WithTimeout(context.Background(), caseTimeout)
	defer cancel()

	pol, err := Plan(ctx, c, store, body, rego.StrictBuiltinErrors(strict))
	if err != nil {
		// Only a case irvm cannot take at all may be left out here.
		if _, perr := Prepare(ctx, c, store, body, rego.StrictBuiltinErrors(strict)); perr == nil {
			return false, fmt.Errorf("prepared but not planned: %v", err)
		}
		return false, nil
	}
	enc, err := EncodePlan(pol)
	if err != nil {
		return false, err
	}
	dec, err := DecodePlan(enc)
	if err != nil {
		return false, err
	}
	want, err := json.Marshal(pol)
	if err != nil {
		return false, err
	}
	got, err := json.Marshal(dec)
	if err != nil {
		return false, err
	}
	if !bytes.Equal(want, got) {
		return false, fmt.Errorf("the decoded plan differs:\n want %s\n got  %s", want, got)
	}
	if again, _ := EncodePlan(dec); !bytes.Equal(again, enc) {
		return false, fmt.Errorf("the decoded plan encodes otherwise")
	}
	_ = ir.Walk(stmtVisitor(func(s ir.Stmt) {
		name := fmt.Sprintf("%T", s)
		kinds[name[strings.LastIndexByte(name, '.')+1:]] = true
	}), dec)

	prepared, err := Prepare(ctx, c, store, body, rego.StrictBuiltinErrors(strict))
	if err != nil {
		return false, fmt.Errorf("planned but not prepared: %v", err)
	}
	base, err := ReadStore(ctx, store)
	if err != nil {
		return false, err
	}
	q, err := NewQuery(dec, base, QueryOptions{StrictBuiltinErrors: strict})
	if err != nil {
		return false, fmt.Errorf("NewQuery: %v", err)
	}
	var opts []rego.EvalOption
	if input != nil {
		opts = append(opts, rego.EvalParsedInput(input))
	}
	outcome := func(rs rego.ResultSet, err error) string {
		if err != nil {
			return "error: " + err.Error()
		}
		return resultSet(rs, false, false).String()
	}
	first := outcome(prepared.Eval(ctx, opts...))
	if second := outcome(prepared.Eval(ctx, opts...)); first != second {
		return false, nil
	}
	if stored := outcome(q.Eval(ctx, input)); stored != first {
		return false, fmt.Errorf("the stored plan answers otherwise:\n prepared: %s\n stored:   %s", first, stored)
	}
	// Compiled on demand, every function is what compiling them all at once makes of it.
	if err := q.CompileAll(); err != nil {
		return false, fmt.Errorf("CompileAll: %v", err)
	}
	eager, err := compile(dec, ast.NewTerm(base), nil)
	if err != nil {
		return false, fmt.Errorf("compiled on demand, not at once: %v", err)
	}
	for i, fn := range eager.funcs {
		if lazy := q.p.funcs[i]; lazy.constant != fn.constant || lazy.nlocals != fn.nlocals || len(lazy.blocks) != len(fn.blocks) {
			return false, fmt.Errorf("func %s compiled on demand: constant %v, %d locals, %d blocks; at once: %v, %d, %d",
				fn.name, lazy.constant, lazy.nlocals, len(lazy.blocks), fn.constant, fn.nlocals, len(fn.blocks))
		}
	}
	// Read by ReadPlan, the functions are compiled straight from their encoding: the same
	// answer, and instruction for instruction what compiling the decoded plan makes.
	sp, err := ReadPlan(enc)
	if err != nil {
		return false, err
	}
	direct, err := NewStoredQuery(sp, base, QueryOptions{StrictBuiltinErrors: strict})
	if err != nil {
		return false, fmt.Errorf("NewStoredQuery: %v", err)
	}
	if stored := outcome(direct.Eval(ctx, input)); stored != first {
		return false, fmt.Errorf("the plan compiled from its encoding answers otherwise:\n prepared: %s\n direct:   %s", first, stored)
	}
	if err := direct.CompileAll(); err != nil {
		return false, fmt.Errorf("CompileAll from the encoding: %v", err)
	}
	for i, fn := range eager.funcs {
		if want, got := describeFunction(eager, fn), describeFunction(direct.p, direct.p.funcs[i]); got != want {
			return false, fmt.Errorf("func %s compiled from its encoding:\n%s\ncompiled from the decoded plan:\n%s", fn.name, got, want)
		}
	}
	return true, nil
}

// describeFunction renders a compiled function, every field an instruction has, so that
// two compilations of one function can be compared: locations as p resolves them, since
// a reference means one thing in a program compiled from the encoding and another in one
// compiled from decoded statements.
func describeFunction(p *program, fn *function) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s params %v ret %d locals %d isFunc %v constant %v loc %s\n",
		fn.name, fn.params, fn.ret, fn.nlocals, fn.isFunc, fn.constant, describeASTLoc(p.locs.astLocation(fn.loc)))
	describeBlocks(&b, p, fn.blocks, "")
	return b.String()
}

func describeASTLoc(l *ast.Location) string {
	if l == nil {
		return "-"
	}
	return fmt.Sprintf("%s:%d:%d", l.File, l.Row, l.Col)
}

// describeOperand gives a constant as its term: its index depends on the order
// functions were compiled in.
func describeOperand(p *program, o operand) string {
	if !o.isLocal() {
		return fmt.Sprintf("const %v", p.lits.at(o))
	}
	return fmt.Sprint(int32(o))
}

func describeBlocks(b *strings.Builder, p *program, bs []*block, indent string) {
	for i, bl := range bs {
		if bl == nil {
			fmt.Fprintf(b, "%sblock %d nil\n", indent, i)
			continue
		}
		fmt.Fprintf(b, "%sblock %d (%d)\n", indent, i, len(bl.instrs))
		for j := range bl.instrs {
			in := &bl.instrs[j]
			fmt.Fprintf(b, "%s %v target %d n %d a %s b %s", indent, in.op, in.target, in.n,
				describeOperand(p, in.a), describeOperand(p, in.b))
			if l, ok := p.locs.at(in.loc); ok {
				fmt.Fprintf(b, " loc %d:%d:%d-%d:%d", l.File, l.Row, l.Col, l.EndRow, l.EndCol)
			} else if in.loc != 0 {
				b.WriteString(" loc unresolved")
			}
			if x := in.x; x != nil {
				fmt.Fprintf(b, " x{args")
				for _, a := range x.args {
					b.WriteString(" " + describeOperand(p, a))
				}
				if r := x.rare; r != nil {
					b.WriteString(" path")
					for _, a := range r.path {
						b.WriteString(" " + describeOperand(p, a))
					}
					fmt.Fprintf(b, " wpath %v", r.wpath)
				}
				if x.bi != nil {
					fmt.Fprintf(b, " builtin %s", x.bi.name)
				}
				fmt.Fprintf(b, " at %s blocks %d}", describeASTLoc(p.locs.astLocation(in.loc)), len(x.blocks))
			}
			b.WriteString("\n")
			if in.body != nil {
				describeBlocks(b, p, []*block{in.body}, indent+"  ")
			}
			if in.x != nil {
				describeBlocks(b, p, in.x.blocks, indent+"  ")
			}
		}
	}
}

type stmtVisitor func(ir.Stmt)

func (v stmtVisitor) Before(x any) {
	if s, ok := x.(ir.Stmt); ok {
		v(s)
	}
}
func (v stmtVisitor) Visit(any) (ir.Visitor, error) { return v, nil }
func (v stmtVisitor) After(any)                     {}

// TestDecodePlanRefusesDamage: a plan cut short, with a byte changed or from another
// encoding is an error, never a panic or a half-read plan.
func TestDecodePlanRefusesDamage(t *testing.T) {
	c := compileModules(t, `package p
r contains x if { some x in input.xs; x > 1 }
f(a) := a + 1
s := f(count(r))`)
	pol, err := Plan(context.Background(), c, nil, ast.MustParseBody(`x := data.p.s; y := data.p.r`))
	if err != nil {
		t.Fatal(err)
	}
	enc, err := EncodePlan(pol)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := DecodePlan(enc); err != nil {
		t.Fatal(err)
	}
	for n := 0; n < len(enc); n++ {
		if _, err := DecodePlan(enc[:n]); err == nil {
			t.Fatalf("a plan cut to %d of %d bytes decoded", n, len(enc))
		}
	}
	if _, err := DecodePlan(append(enc, 0)); err == nil {
		t.Fatal("a trailing byte was accepted")
	}
	for i := len(planMagic); i < len(enc); i++ {
		damaged := bytes.Clone(enc)
		damaged[i] ^= 0xff
		_, _ = DecodePlan(damaged) // must not panic; a changed index may still decode
	}
}
