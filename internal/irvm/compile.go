package irvm

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/ir"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// opcode numbers the executable statements; a switch over small integers is a jump table,
// which a type switch over ir's statement structs is not.
type opcode uint8

const (
	opReturnLocal opcode = iota
	opCall
	opCallBuiltin
	opCallDynamic
	opBlock
	opBreak
	opDot
	opDotBase // a DotStmt on base data: keys are read as storage paths, as topdown reads them
	opLen
	opScan
	opNot
	opAssignInt
	opAssignVar
	opAssignVarOnce
	opResetLocal
	opMakeConst // null and number literals: immutable, so one term per statement
	opMakeArray
	opMakeObject
	opMakeSet
	opEqual
	opNotEqual
	opIsArray
	opIsObject
	opIsSet
	opIsDefined
	opIsUndefined
	opArrayAppend
	opObjectInsert
	opObjectInsertOnce
	opObjectMerge
	opSetAdd
	opWith
	opNop
	opResultSetAdd
	opArrayOf  // a literal array, fused from MakeArrayStmt and its ArrayAppendStmts
	opObjectOf // a literal object, fused from MakeObjectStmt and its ObjectInsertStmts
	opSetOf    // a literal set, fused from MakeSetStmt and its SetAddStmts
	opCount    // number of opcodes
)

var opNames = [opCount]string{
	opReturnLocal: "ReturnLocalStmt", opCall: "CallStmt (function)", opCallBuiltin: "CallStmt (builtin)",
	opCallDynamic: "CallDynamicStmt", opBlock: "BlockStmt", opBreak: "BreakStmt", opDot: "DotStmt",
	opDotBase: "DotStmt (base data)", opLen: "LenStmt", opScan: "ScanStmt", opNot: "NotStmt",
	opAssignInt: "AssignIntStmt",
	opAssignVar: "AssignVarStmt", opAssignVarOnce: "AssignVarOnceStmt", opResetLocal: "ResetLocalStmt",
	opMakeConst: "MakeNullStmt/MakeNumberIntStmt/MakeNumberRefStmt", opMakeArray: "MakeArrayStmt",
	opMakeObject: "MakeObjectStmt", opMakeSet: "MakeSetStmt", opEqual: "EqualStmt",
	opNotEqual: "NotEqualStmt", opIsArray: "IsArrayStmt", opIsObject: "IsObjectStmt", opIsSet: "IsSetStmt",
	opIsDefined: "IsDefinedStmt", opIsUndefined: "IsUndefinedStmt", opArrayAppend: "ArrayAppendStmt",
	opObjectInsert: "ObjectInsertStmt", opObjectInsertOnce: "ObjectInsertOnceStmt",
	opObjectMerge: "ObjectMergeStmt", opSetAdd: "SetAddStmt", opWith: "WithStmt", opNop: "NopStmt",
	opResultSetAdd: "ResultSetAddStmt", opArrayOf: "fused literal array", opObjectOf: "fused literal object",
	opSetOf: "fused literal set",
}

func (o opcode) String() string {
	if o < opCount {
		return opNames[o]
	}
	return fmt.Sprintf("opcode(%d)", uint8(o))
}

// operand is a local (>= 0) or a constant (< 0: ^o indexes the program's constTable).
// Four bytes rather than a local beside a pointer: an instruction has two, and a plan
// tens of thousands of instructions.
type operand int32

func localOperand(l int32) operand { return operand(l) }

func (o operand) isLocal() bool { return o >= 0 }

// noOperand fills the operand fields a statement does not use, so that no analysis
// mistakes them for local 0 (input): the constant at index 0, which is nil.
const noOperand operand = -1

// instr is one executable statement. It is kept small (the fields most statements use,
// and a pointer to the rest) because the plan of a real bundle has tens of thousands, and
// a one-manifest run spends more on the pages they fill than on running them: a scan's
// value local shares n, a constant result is operand b, and the location is a reference
// resolved only for an error message (locTable).
type instr struct {
	op     opcode
	loc    uint32 // locTable reference; 0 for none
	target int32  // result, target, key (scan), local (with), array/object/set, return source
	n      int32  // break index, array capacity, function index, scan value local
	a, b   operand
	body   *block
	x      *instrExtra
}

// ext returns the statement's extra fields, allocating them on first use.
func (c *compiler) ext(in *instr) *instrExtra {
	if in.x == nil {
		in.x = c.extras.next()
	}
	return in.x
}

// slab hands out values from chunks: a plan has tens of thousands of statements, and one
// allocation per chunk rather than per value is most of what preparing it costs.
type slab[T any] struct{ free []T }

func (s *slab[T]) next() *T {
	if len(s.free) == 0 {
		s.free = make([]T, 512)
	}
	x := &s.free[0]
	s.free = s.free[1:]
	return x
}

// take returns n values, with no room to grow into the next ones.
func (s *slab[T]) take(n int) []T {
	if n > len(s.free) {
		if n > 1024 {
			return make([]T, n)
		}
		s.free = make([]T, 4096)
	}
	out := s.free[:n:n]
	s.free = s.free[n:]
	return out
}

// instrExtra holds what only calls, nested blocks, with and fused literals need; what
// only a dynamic call or a with needs is further out (rare), since the others are
// thousands in a plan.
type instrExtra struct {
	blocks []*block
	args   []operand
	bi     *builtin
	// astLoc is a builtin call's location for the builtin context, made on its first call:
	// most calls a plan has never run in a given process.
	astLoc atomic.Pointer[ast.Location]
	rare   *rareExtra
}

type rareExtra struct {
	path  []operand // dynamic call path
	wpath []*ast.Term
}

// more returns the extra fields of a dynamic call or a with, allocating them on first use.
func (x *instrExtra) more() *rareExtra {
	if x.rare == nil {
		x.rare = &rareExtra{}
	}
	return x.rare
}

type block struct{ instrs []instr }

// function is a planned function: a rule (params input and data), a partial rule, or a
// user function (more params).
type function struct {
	name    string
	params  []int32
	ret     int32
	blocks  []*block
	nlocals int
	loc     uint32 // of its first statement, for conflict errors (locTable)
	isFunc  bool   // a Rego function (takes arguments) rather than a rule
	// constant: a rule that does not read input, directly or through what it calls, and
	// calls only deterministic builtins. Base data is fixed per program, so outside `with`
	// its value is the same in every evaluation and is computed once per program: the
	// parameter table, a large object literal, was rebuilt for every manifest otherwise.
	constant bool

	// ready is set once the fields above the name are compiled. A program compiled
	// lazily (NewQuery) compiles a function on its first call, from src.
	ready atomic.Bool
	src   *ir.Func
}

type builtin struct {
	name     string
	f        topdown.BuiltinFunc
	decl     *ast.Builtin
	relation bool
	void     bool
	// custom marks a function given to rego (rego.FunctionN): its purity is unknown (it
	// seldom sets Nondeterministic) and it may keep its operand slice, so a rule calling
	// it is never constant and it gets operands of its own.
	custom bool
}

// program is a policy ready to evaluate; it is immutable and shared by all evaluations.
type program struct {
	funcs   []*function
	plan    []*block
	nlocals int
	data    *ast.Term
	files   []string
	locs    *locTable
	lits    *constTable    // constant operands' terms
	dynamic map[string]int // function path joined by "\x00" -> function index
	// consts are the values of constant rules once computed, by function index: apart for
	// evaluations without and with strict builtin errors, since a builtin error that leaves
	// a rule undefined in the one is an error in the other.
	consts [2][]atomic.Pointer[ast.Term]
	pool   vmPool

	// lazy holds what compiling a function on its first call needs; nil once every
	// function is compiled.
	lazy *lazyCompiler
}

// lazyCompiler compiles the functions of a lazily compiled program, one caller at a time:
// the compiler's tables and slabs are not safe for concurrent use.
type lazyCompiler struct {
	mu   sync.Mutex
	c    *compiler
	plan *StoredPlan  // where the functions' bodies are decoded from
	dec  *bodyDecoder // compiles the encoded bodies of a plan read by ReadPlan
}

type compiler struct {
	pol      *ir.Policy
	files    []string
	funcIdx  map[string]int
	builtins map[string]*builtin
	extra    map[string]*topdown.Builtin
	maxLocal int
	ints     map[int64]operand
	locs     *locTable
	irLocs   []*ir.Location // see locTable

	instrs slab[instr]
	extras slab[instrExtra]
	blks   slab[block]
	ops    slab[operand]
	consts *constTable
	// Constant operands made so far, so that one term serves every use: of the static
	// strings by index (0 for none yet), of the booleans, null and integers.
	strOps          []operand
	falseOp, trueOp operand
	nullOp          operand
	constErr        error // the table is full: the statement being compiled fails
	base            baseScratch
	// fuse's working memory, reused from one run to the next
	fuseElems    []operand
	fuseRecorded []int32
}

// compile turns a planned policy into a program, refusing anything it cannot execute:
// an unknown statement, function or builtin is a prepare-time error, never an eval-time
// panic.
func compile(pol *ir.Policy, data *ast.Term, extra map[string]*topdown.Builtin) (*program, error) {
	return compileMode(pol, data, extra, nil)
}

// compileLazy is compile for a program that compiles each function on its first call. A
// one-manifest run of the built-in bundle calls about half of the plan's functions, and
// compiling the rest was a fifth of its time. The checks that need no function compiled
// still fail here: a builtin the plan names that has no implementation, a call of a name
// that is neither a planned function nor a builtin, the query's own blocks. What is left,
// a statement irvm cannot run inside a function, is an error of the evaluation that first
// calls it (compileAll finds it ahead).
//
// A stored plan read by ReadPlan also decodes a function's body on its first call; the
// names its calls use are checked from its table of names.
func compileLazy(sp *StoredPlan, data *ast.Term, extra map[string]*topdown.Builtin) (*program, error) {
	return compileMode(sp.pol, data, extra, sp)
}

// compileMode compiles every function at once when sp is nil, else on first call.
func compileMode(pol *ir.Policy, data *ast.Term, extra map[string]*topdown.Builtin, sp *StoredPlan) (*program, error) {
	lazy := sp != nil
	if pol == nil || pol.Plans == nil || len(pol.Plans.Plans) == 0 {
		return nil, fmt.Errorf("irvm: policy has no plan")
	}
	if len(pol.Plans.Plans) != 1 {
		return nil, fmt.Errorf("irvm: policy has %d plans, expected one query", len(pol.Plans.Plans))
	}
	var funcs []*ir.Func
	if pol.Funcs != nil {
		funcs = pol.Funcs.Funcs
	}
	c := &compiler{
		pol:      pol,
		funcIdx:  make(map[string]int, len(funcs)),
		builtins: map[string]*builtin{},
		extra:    extra,
		ints:     map[int64]operand{},
		locs:     &locTable{},
		consts:   &constTable{},
	}
	if lazy && sp.encoded {
		c.locs.enc = sp.enc
	}
	if pol.Static != nil {
		c.strOps = make([]operand, len(pol.Static.Strings)) // made on first use (str)
		for _, f := range pol.Static.Files {
			c.files = append(c.files, f.Value)
		}
	}
	c.locs.files = c.files
	p := &program{data: data, files: c.files, locs: c.locs, lits: c.consts, dynamic: map[string]int{}}
	// Only a CallDynamicStmt looks functions up by path; a plan read by ReadPlan says
	// whether it has one, and most have none.
	byPath := !lazy || !sp.encoded || sp.dynamicCalls
	for i, f := range funcs {
		if _, dup := c.funcIdx[f.Name]; dup {
			return nil, fmt.Errorf("irvm: function %s planned twice", f.Name)
		}
		c.funcIdx[f.Name] = i
		if byPath && len(f.Path) > 0 {
			p.dynamic[strings.Join(f.Path, "\x00")] = i
		}
	}
	if lazy {
		if err := c.resolveNames(pol, sp.names); err != nil {
			return nil, err
		}
		fns := make([]function, len(funcs)) // one allocation: a plan has about a thousand
		p.funcs = make([]*function, len(funcs))
		for i, f := range funcs {
			if len(f.Params) < 2 {
				return nil, fmt.Errorf("irvm: func %s: expected input and data parameters, got %d", f.Name, len(f.Params))
			}
			fn := &fns[i]
			fn.name, fn.isFunc, fn.src = f.Name, len(f.Params) > 2, f
			p.funcs[i] = fn
		}
		p.lazy = &lazyCompiler{c: c, plan: sp}
		if sp.encoded {
			// Read by ReadPlan: compiled straight from the encoding.
			p.lazy.dec = &bodyDecoder{r: planReader{names: sp.names}, c: c}
		}
	} else {
		for _, f := range funcs {
			fn, err := c.function(f)
			if err != nil {
				return nil, fmt.Errorf("irvm: func %s: %w", f.Name, err)
			}
			p.funcs = append(p.funcs, fn)
		}
	}
	c.maxLocal = int(ir.Data)
	if lazy && sp.encoded {
		blocks, err, bad := p.lazy.dec.decodeBlocks(sp.plans[0], sp.planEnd[0], nil)
		if bad != nil {
			return nil, fmt.Errorf("irvm: decode plan: plan %s: %w", pol.Plans.Plans[0].Name, bad)
		}
		if err != nil {
			return nil, fmt.Errorf("irvm: plan %w", err)
		}
		p.plan = blocks
	} else {
		for i, b := range pol.Plans.Plans[0].Blocks {
			cb, err := c.block(b)
			if err != nil {
				return nil, fmt.Errorf("irvm: plan block %d: %w", i, err)
			}
			p.plan = append(p.plan, cb)
		}
	}
	p.nlocals = c.maxLocal + 1
	markBaseLookups(p.plan, int32(ir.Data), c.maxLocal+1, &c.base)
	c.publishLocations()
	if !lazy {
		markConstants(p.funcs)
		for _, fn := range p.funcs {
			fn.ready.Store(true)
		}
	}
	for i := range p.consts {
		p.consts[i] = make([]atomic.Pointer[ast.Term], len(p.funcs))
	}
	p.pool.init(p)
	return p, nil
}

func (c *compiler) function(f *ir.Func) (*function, error) {
	fn := &function{name: f.Name, isFunc: len(f.Params) > 2}
	return fn, c.compileFunction(fn, f, f.Blocks)
}

// compileFunction fills in fn's compiled fields from f and its blocks, leaving constant
// to the caller.
func (c *compiler) compileFunction(fn *function, f *ir.Func, blocks []*ir.Block) error {
	if len(f.Params) < 2 {
		return fmt.Errorf("expected input and data parameters, got %d", len(f.Params))
	}
	c.maxLocal = int(f.Return)
	fn.ret = int32(f.Return)
	// From scratch: a lazy compile that failed (or panicked) part-way is tried again.
	fn.params, fn.blocks, fn.loc = nil, nil, 0
	for _, l := range f.Params {
		fn.params = append(fn.params, c.local(l))
	}
	for i, b := range blocks {
		cb, err := c.block(b)
		if err != nil {
			return fmt.Errorf("block %d: %w", i, err)
		}
		fn.blocks = append(fn.blocks, cb)
	}
	fn.nlocals = c.maxLocal + 1
	markBaseLookups(fn.blocks, fn.params[1], fn.nlocals, &c.base)
	for i, b := range blocks {
		if len(b.Stmts) > 0 {
			// Fusing keeps a block's first location first.
			fn.loc = fn.blocks[i].instrs[0].loc
			break
		}
	}
	return nil
}

// resolveNames checks, without compiling the functions, that every builtin the plan
// declares has an implementation and that every name a call uses (names, the stored
// plan's table) is a planned function or a builtin: the prepare-time errors a lazily
// compiled program keeps.
func (c *compiler) resolveNames(pol *ir.Policy, names []string) error {
	if pol.Static != nil {
		for _, bf := range pol.Static.BuiltinFuncs {
			if _, err := c.builtin(bf.Name); err != nil {
				return fmt.Errorf("irvm: %w", err)
			}
		}
	}
	for _, name := range names {
		if _, ok := c.funcIdx[name]; !ok {
			if _, err := c.builtin(name); err != nil {
				return fmt.Errorf("irvm: %w", err)
			}
		}
	}
	return nil
}

// ensure returns function fi compiled, compiling it (and, to judge whether it is
// constant, what it calls) on the first call.
func (p *program) ensure(fi int) (*function, error) {
	fn := p.funcs[fi]
	if fn.ready.Load() {
		return fn, nil
	}
	lc := p.lazy
	lc.mu.Lock()
	defer lc.mu.Unlock()
	if err := lc.compile(p.funcs, fi, map[int]bool{}); err != nil {
		return nil, err
	}
	return fn, nil
}

// compile compiles function fi if it is not yet, and decides whether it is constant: a
// rule is constant if it is independent and everything it calls is constant, so the
// callees of an independent rule are compiled with it. Rego rules cannot recurse, so the
// calls form no cycle; one met anyway (visiting) is taken as not constant, which only
// costs a recomputation.
func (lc *lazyCompiler) compile(funcs []*function, fi int, visiting map[int]bool) error {
	fn := funcs[fi]
	if fn.ready.Load() {
		return nil
	}
	if lc.dec != nil {
		if err := lc.dec.decodeFunction(fn, fn.src, lc.plan.bodies[fi], lc.plan.bodyEnd[fi]); err != nil {
			return err
		}
	} else {
		blocks, err := lc.plan.body(fi)
		if err != nil {
			return err
		}
		if err := lc.c.compileFunction(fn, fn.src, blocks); err != nil {
			return fmt.Errorf("irvm: func %s: %w", fn.name, err)
		}
	}
	fn.constant = !fn.isFunc && len(fn.params) == 2 && independent(fn, fn.blocks)
	if fn.constant {
		visiting[fi] = true
		fn.constant = lc.calleesConstant(funcs, fn.blocks, visiting)
		delete(visiting, fi)
	}
	fn.src = nil
	lc.c.publishLocations()
	fn.ready.Store(true)
	return nil
}

// calleesConstant is callsOnlyConstants for a lazily compiled program: it compiles each
// callee first.
func (lc *lazyCompiler) calleesConstant(funcs []*function, blocks []*block, visiting map[int]bool) bool {
	for _, b := range blocks {
		for i := range b.instrs {
			in := &b.instrs[i]
			if in.op == opCall {
				ci := int(in.n)
				if visiting[ci] {
					return false
				}
				if err := lc.compile(funcs, ci, visiting); err != nil || !funcs[ci].constant {
					return false // a callee that does not compile fails when it is called
				}
			}
			if in.body != nil && !lc.calleesConstant(funcs, []*block{in.body}, visiting) {
				return false
			}
			if in.x != nil && !lc.calleesConstant(funcs, in.x.blocks, visiting) {
				return false
			}
		}
	}
	return true
}

// compileAll compiles every function of a lazily compiled program, as compile would have:
// the first error is returned.
func (p *program) compileAll() error {
	for fi := range p.funcs {
		if _, err := p.ensure(fi); err != nil {
			return err
		}
	}
	return nil
}

func (c *compiler) local(l ir.Local) int32 {
	if int(l) > c.maxLocal {
		c.maxLocal = int(l)
	}
	return int32(l)
}

func (c *compiler) operand(o ir.Operand) (operand, error) {
	switch v := o.Value.(type) {
	case ir.Local:
		return localOperand(c.local(v)), nil
	case ir.StringIndex:
		if int(v) < 0 || int(v) >= len(c.strOps) {
			return noOperand, fmt.Errorf("string index %d out of range", v)
		}
		return c.str(int(v)), nil
	case ir.Bool:
		return c.boolean(bool(v)), nil
	default:
		return noOperand, fmt.Errorf("unsupported operand %T", o.Value)
	}
}

func (c *compiler) operands(os []ir.Operand) ([]operand, error) {
	out := c.ops.take(len(os))
	for i, o := range os {
		var err error
		if out[i], err = c.operand(o); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// str returns the operand of static string i, which must be in range, making its term on
// first use: a plan has thousands, of which a run reaches a part.
func (c *compiler) str(i int) operand {
	o := c.strOps[i]
	if o == 0 {
		o = c.constant(ast.StringTerm(c.pol.Static.Strings[i].Value))
		c.strOps[i] = o
	}
	return o
}

func (c *compiler) boolean(v bool) operand {
	o := &c.falseOp
	if v {
		o = &c.trueOp
	}
	if *o == 0 {
		*o = c.constant(ast.BooleanTerm(v))
	}
	return *o
}

func (c *compiler) null() operand {
	if c.nullOp == 0 {
		c.nullOp = c.constant(ast.NullTerm())
	}
	return c.nullOp
}

func (c *compiler) intTerm(v int64) operand {
	if o, ok := c.ints[v]; ok {
		return o
	}
	o := c.constant(ast.IntNumberTerm(int(v)))
	c.ints[v] = o
	return o
}

// constant adds a term to the program's constants. A full table sets constErr, which
// fails the statement.
func (c *compiler) constant(t *ast.Term) operand {
	o, err := c.consts.add(t)
	if err != nil && c.constErr == nil {
		c.constErr = err
	}
	return o
}

func (c *compiler) blocks(bs []*ir.Block) ([]*block, error) {
	out := make([]*block, len(bs))
	for i, b := range bs {
		var err error
		if out[i], err = c.block(b); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (c *compiler) block(b *ir.Block) (*block, error) {
	out := c.blks.next()
	out.instrs = c.instrs.take(len(b.Stmts))[:0]
	for _, s := range b.Stmts {
		in, err := c.stmt(s)
		if err != nil {
			return nil, err
		}
		out.instrs = append(out.instrs, in)
	}
	out.instrs = c.fuse(out.instrs)
	return out, nil
}

func (c *compiler) stmt(s ir.Stmt) (instr, error) {
	var err error
	in := instr{loc: c.irLocation(s.GetLocation()), a: noOperand, b: noOperand}
	switch s := s.(type) {
	case *ir.ReturnLocalStmt:
		in.op, in.target = opReturnLocal, c.local(s.Source)
	case *ir.CallStmt:
		c.ext(&in) // always present for this statement, even with nothing in it
		in.target = c.local(s.Result)
		if c.ext(&in).args, err = c.operands(s.Args); err != nil {
			return in, err
		}
		if i, ok := c.funcIdx[s.Func]; ok {
			in.op, in.n = opCall, int32(i)
			break
		}
		in.op = opCallBuiltin
		if c.ext(&in).bi, err = c.builtin(s.Func); err != nil {
			return in, err
		}
	case *ir.CallDynamicStmt:
		c.ext(&in) // always present for this statement, even with nothing in it
		in.op, in.target = opCallDynamic, c.local(s.Result)
		for _, a := range s.Args {
			c.ext(&in).args = append(c.ext(&in).args, localOperand(c.local(a)))
		}
		if c.ext(&in).more().path, err = c.operands(s.Path); err != nil {
			return in, err
		}
	case *ir.BlockStmt:
		c.ext(&in) // always present for this statement, even with nothing in it
		in.op = opBlock
		if c.ext(&in).blocks, err = c.blocks(s.Blocks); err != nil {
			return in, err
		}
	case *ir.BreakStmt:
		in.op, in.n = opBreak, int32(s.Index)
	case *ir.DotStmt:
		in.op, in.target = opDot, c.local(s.Target)
		if in.a, err = c.operand(s.Source); err != nil {
			return in, err
		}
		if in.b, err = c.operand(s.Key); err != nil {
			return in, err
		}
	case *ir.LenStmt:
		in.op, in.target = opLen, c.local(s.Target)
		if in.a, err = c.operand(s.Source); err != nil {
			return in, err
		}
	case *ir.ScanStmt:
		in.op, in.a = opScan, localOperand(c.local(s.Source))
		in.target, in.n = c.local(s.Key), c.local(s.Value)
		if in.body, err = c.block(s.Block); err != nil {
			return in, err
		}
	case *ir.NotStmt:
		in.op = opNot
		if in.body, err = c.block(s.Block); err != nil {
			return in, err
		}
	case *ir.AssignIntStmt:
		in.op, in.target, in.b = opAssignInt, c.local(s.Target), c.intTerm(s.Value)
	case *ir.AssignVarStmt:
		in.op, in.target = opAssignVar, c.local(s.Target)
		if in.a, err = c.operand(s.Source); err != nil {
			return in, err
		}
	case *ir.AssignVarOnceStmt:
		in.op, in.target = opAssignVarOnce, c.local(s.Target)
		if in.a, err = c.operand(s.Source); err != nil {
			return in, err
		}
	case *ir.ResetLocalStmt:
		in.op, in.target = opResetLocal, c.local(s.Target)
	case *ir.MakeNullStmt:
		in.op, in.target, in.b = opMakeConst, c.local(s.Target), c.null()
	case *ir.MakeNumberIntStmt:
		in.op, in.target, in.b = opMakeConst, c.local(s.Target), c.intTerm(s.Value)
	case *ir.MakeNumberRefStmt:
		if s.Index < 0 || s.Index >= len(c.strOps) {
			return in, fmt.Errorf("number string index %d out of range", s.Index)
		}
		str := c.pol.Static.Strings[s.Index].Value
		// A number literal reaches the planner as its source text, which is what
		// ast.Number holds: big and fractional values stay exact.
		in.op, in.target, in.b = opMakeConst, c.local(s.Target), c.constant(ast.NewTerm(ast.Number(str)))
	case *ir.MakeArrayStmt:
		in.op, in.target, in.n = opMakeArray, c.local(s.Target), s.Capacity
	case *ir.MakeObjectStmt:
		in.op, in.target = opMakeObject, c.local(s.Target)
	case *ir.MakeSetStmt:
		in.op, in.target = opMakeSet, c.local(s.Target)
	case *ir.EqualStmt:
		in.op = opEqual
		if in.a, err = c.operand(s.A); err != nil {
			return in, err
		}
		if in.b, err = c.operand(s.B); err != nil {
			return in, err
		}
	case *ir.NotEqualStmt:
		in.op = opNotEqual
		if in.a, err = c.operand(s.A); err != nil {
			return in, err
		}
		if in.b, err = c.operand(s.B); err != nil {
			return in, err
		}
	case *ir.IsArrayStmt:
		in.op = opIsArray
		in.a, err = c.operand(s.Source)
	case *ir.IsObjectStmt:
		in.op = opIsObject
		in.a, err = c.operand(s.Source)
	case *ir.IsSetStmt:
		in.op = opIsSet
		in.a, err = c.operand(s.Source)
	case *ir.IsDefinedStmt:
		in.op, in.target = opIsDefined, c.local(s.Source)
	case *ir.IsUndefinedStmt:
		in.op, in.target = opIsUndefined, c.local(s.Source)
	case *ir.ArrayAppendStmt:
		in.op, in.target = opArrayAppend, c.local(s.Array)
		in.a, err = c.operand(s.Value)
	case *ir.ObjectInsertStmt:
		in.op, in.target = opObjectInsert, c.local(s.Object)
		if in.a, err = c.operand(s.Key); err != nil {
			return in, err
		}
		in.b, err = c.operand(s.Value)
	case *ir.ObjectInsertOnceStmt:
		in.op, in.target = opObjectInsertOnce, c.local(s.Object)
		if in.a, err = c.operand(s.Key); err != nil {
			return in, err
		}
		in.b, err = c.operand(s.Value)
	case *ir.ObjectMergeStmt:
		in.op = opObjectMerge
		in.a, in.b = localOperand(c.local(s.A)), localOperand(c.local(s.B))
		in.target = c.local(s.Target)
	case *ir.SetAddStmt:
		in.op, in.target = opSetAdd, c.local(s.Set)
		in.a, err = c.operand(s.Value)
	case *ir.WithStmt:
		c.ext(&in) // always present for this statement, even with nothing in it
		in.op, in.target = opWith, c.local(s.Local)
		// in.n is set by markBaseLookups when the with replaces (part of) data.
		for _, idx := range s.Path {
			if idx < 0 || idx >= len(c.strOps) {
				return in, fmt.Errorf("with path string index %d out of range", idx)
			}
			c.ext(&in).more().wpath = append(c.ext(&in).more().wpath, c.consts.at(c.str(idx)))
		}
		if in.a, err = c.operand(s.Value); err != nil {
			return in, err
		}
		in.body, err = c.block(s.Block)
	case *ir.NopStmt:
		in.op = opNop
	case *ir.ResultSetAddStmt:
		in.op, in.target = opResultSetAdd, c.local(s.Value)
	default:
		var buf bytes.Buffer
		_ = ir.Pretty(&buf, s)
		return in, fmt.Errorf("unsupported statement %T: %s", s, strings.TrimSpace(buf.String()))
	}
	if err == nil {
		err = c.constErr
	}
	return in, err
}

// builtin resolves a builtin by name: functions given to rego (rego.FunctionN) first, as
// topdown does, then OPA's own implementations.
func (c *compiler) builtin(name string) (*builtin, error) {
	if b, ok := c.builtins[name]; ok {
		return b, nil
	}
	b := &builtin{name: name}
	if x, ok := c.extra[name]; ok && x != nil && x.Func != nil {
		b.f, b.decl, b.custom = x.Func, x.Decl, true
	} else {
		b.f, b.decl = topdown.GetBuiltin(name), ast.BuiltinMap[name]
	}
	if b.f == nil || b.decl == nil {
		return nil, fmt.Errorf("builtin %s has no implementation", name)
	}
	b.relation = b.decl.Relation
	b.void = b.decl.Decl != nil && b.decl.Decl.Result() == nil
	c.builtins[name] = b
	return b, nil
}

// markConstants finds the constant rules: a fixpoint, since a rule is constant only if
// every rule it calls is.
func markConstants(funcs []*function) {
	for _, fn := range funcs {
		fn.constant = !fn.isFunc && len(fn.params) == 2 && independent(fn, fn.blocks)
	}
	for changed := true; changed; {
		changed = false
		for _, fn := range funcs {
			if fn.constant && !callsOnlyConstants(funcs, fn.blocks) {
				fn.constant, changed = false, true
			}
		}
	}
}

// independent reports whether the blocks use the function's input parameter only to
// pass it on to planned functions, and nothing else that varies between evaluations.
func independent(fn *function, blocks []*block) bool {
	uses := func(o operand) bool {
		return o.isLocal() && int32(o) == fn.params[0]
	}
	for _, b := range blocks {
		for i := range b.instrs {
			in := &b.instrs[i]
			switch in.op {
			case opCallDynamic, opWith:
				return false
			case opCall:
				// Passing input on is fine: the callee is checked itself.
			default:
				if in.op == opCallBuiltin && (in.x.bi.decl.Nondeterministic || in.x.bi.custom) {
					return false
				}
				if uses(in.a) || uses(in.b) {
					return false
				}
				if in.x != nil {
					for _, a := range in.x.args {
						if uses(a) {
							return false
						}
					}
				}
			}
			// Locals read by index rather than through an operand.
			switch in.op {
			case opIsDefined, opIsUndefined, opReturnLocal, opResultSetAdd, opArrayAppend,
				opObjectInsert, opObjectInsertOnce, opSetAdd:
				if in.target == fn.params[0] {
					return false
				}
			}
			if in.body != nil && !independent(fn, []*block{in.body}) {
				return false
			}
			if in.x != nil && !independent(fn, in.x.blocks) {
				return false
			}
		}
	}
	return true
}

func callsOnlyConstants(funcs []*function, blocks []*block) bool {
	for _, b := range blocks {
		for i := range b.instrs {
			in := &b.instrs[i]
			if in.op == opCall && !funcs[in.n].constant {
				return false
			}
			if in.body != nil && !callsOnlyConstants(funcs, []*block{in.body}) {
				return false
			}
			if in.x != nil && !callsOnlyConstants(funcs, in.x.blocks) {
				return false
			}
		}
	}
	return true
}

// markBaseLookups finds the DotStmts that look up a key in base data (the data parameter,
// or what a chain of lookups and scans reached from it) and makes them opDotBase. Topdown
// reads such a ref from the store, turning each key into a storage path segment: the
// number 2 finds the key "2" of a JSON object, and the string "1" index 1 of an array.
// The planner plans them as plain DotStmts, where 2 finds nothing in {"2": "bar"}; so
// `data.nested[2]` was undefined here and "bar" on topdown. A value bound to a variable
// first (`obj := data.nested; obj[2]`) is no longer read from the store, on topdown
// either: the planner copies it to another local (AssignVarStmt), which this analysis
// does not follow.
//
// A local counts as base data only if every statement that writes it is such a lookup or
// a scan's value, from a local that is base data itself.
// baseScratch is markBaseLookups' working memory, reused from one function to the next.
type baseScratch struct {
	// By local: slices rather than maps, since locals are small integers and clearing a
	// map that once grew large costs its size for every function after.
	into        [][]int32 // the locals a local is looked up or scanned from
	other, base []bool
	used        []int32 // the locals into has entries for
}

// reset readies the scratch for a function whose locals are below n.
func (sc *baseScratch) reset(n int) {
	for _, l := range sc.used {
		sc.into[l] = sc.into[l][:0]
	}
	sc.used = sc.used[:0]
	clear(sc.other)
	clear(sc.base)
	for len(sc.other) < n {
		sc.into, sc.other, sc.base = append(sc.into, nil), append(sc.other, false), append(sc.base, false)
	}
}

func (sc *baseScratch) addInto(to, from int32) {
	if len(sc.into[to]) == 0 {
		sc.used = append(sc.used, to)
	}
	sc.into[to] = append(sc.into[to], from)
}

func markBaseLookups(blocks []*block, data int32, nlocals int, sc *baseScratch) {
	sc.reset(nlocals)
	other := sc.other // written otherwise: never base data
	var withs []*instr
	var walk func([]*block)
	walk = func(bs []*block) {
		for _, b := range bs {
			for i := range b.instrs {
				in := &b.instrs[i]
				switch in.op {
				case opDot:
					if in.a.isLocal() {
						sc.addInto(in.target, int32(in.a))
					} else {
						other[in.target] = true
					}
				case opScan:
					sc.addInto(in.n, int32(in.a))
					other[in.target] = true
				case opWith:
					if in.target == data {
						withs = append(withs, in)
					} else {
						other[in.target] = true
					}
				case opReturnLocal, opResultSetAdd, opIsDefined, opIsUndefined, opBlock, opBreak,
					opNot, opEqual, opNotEqual, opIsArray, opIsObject, opIsSet, opNop:
					// They write no local.
				default:
					other[in.target] = true
				}
				if in.body != nil {
					walk([]*block{in.body})
				}
				if in.x != nil {
					walk(in.x.blocks)
				}
			}
		}
	}
	walk(blocks)
	for _, in := range withs {
		in.n = 1
	}
	if other[data] {
		return
	}
	base := sc.base
	base[data] = true
	for changed := true; changed; {
		changed = false
		for _, to := range sc.used {
			froms := sc.into[to]
			if base[to] || other[to] {
				continue
			}
			all := true
			for _, f := range froms {
				all = all && base[f]
			}
			if all {
				base[to], changed = true, true
			}
		}
	}
	var mark func([]*block)
	mark = func(bs []*block) {
		for _, b := range bs {
			for i := range b.instrs {
				in := &b.instrs[i]
				if in.op == opDot && in.a.isLocal() && base[int32(in.a)] {
					in.op = opDotBase
				}
				if in.body != nil {
					mark([]*block{in.body})
				}
				if in.x != nil {
					mark(in.x.blocks)
				}
			}
		}
	}
	mark(blocks)
}
