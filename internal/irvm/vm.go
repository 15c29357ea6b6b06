package irvm

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/ir"
	"github.com/open-policy-agent/opa/v1/metrics"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/topdown/builtins"
	"github.com/open-policy-agent/opa/v1/topdown/cache"
	"github.com/open-policy-agent/opa/v1/topdown/print"
	"github.com/open-policy-agent/opa/v1/util"
)

// Control flow results of executing a statement or a block, besides a break index >= 0
// (0 leaves the current block, n leaves n enclosing blocks more).
const (
	cont = -1 // go on with the next statement
	ret  = -2 // a ReturnLocalStmt ran: leave the function
)

// cancelEvery is how many statements run between two looks at the context: often enough
// for a timeout to stop a runaway evaluation within microseconds, rarely enough to cost
// nothing measurable.
const cancelEvery = 4096

// callMemo caches calls of Rego functions by their arguments, as topdown does for ground
// arguments. It is a variable only so the benchmark can measure what it is worth.
var callMemo = true

// coverage counts executed statements by opcode while a test asks for it; nil otherwise.
// It is how the tests prove every statement kind ran under the differential checks.
var coverage atomic.Pointer[[opCount]atomic.Uint64]

// undef marks a memoised rule whose value is undefined.
var undef = &ast.Term{Value: ast.Null{}}

type memoLevel struct {
	rules []*ast.Term // by function index; nil = not evaluated yet
	// Function calls: a hash of function and arguments to the first entry with it (plus
	// one), entries chained by next; arguments are kept in args. Slices rather than a
	// slice per key, so a call costs no allocation once the level has grown.
	calls   map[uint64]int32
	entries []callEntry
	args    []*ast.Term
}

type callEntry struct {
	fn, off, n, next int32
	result           *ast.Term
}

func (l *memoLevel) reset() {
	clear(l.rules)
	clear(l.calls)
	clear(l.entries)
	l.entries = l.entries[:0]
	clear(l.args)
	l.args = l.args[:0]
}

func (l *memoLevel) lookup(h uint64, fi int, args []*ast.Term) (*ast.Term, bool) {
	for i := l.calls[h]; i > 0; i = l.entries[i-1].next {
		e := &l.entries[i-1]
		if int(e.fn) == fi && sameArgs(l.args[e.off:e.off+e.n], args) {
			return e.result, true
		}
	}
	return nil, false
}

func (l *memoLevel) store(h uint64, fi int, args []*ast.Term, result *ast.Term) {
	if l.calls == nil {
		l.calls = map[uint64]int32{}
	}
	l.entries = append(l.entries, callEntry{fn: int32(fi), off: int32(len(l.args)), n: int32(len(args)), next: l.calls[h], result: result})
	l.args = append(l.args, args...)
	l.calls[h] = int32(len(l.entries))
}

// vm is the mutable state of one evaluation; vms are pooled per program.
type vm struct {
	p      *program
	lits   *constTable // p.lits
	ctx    context.Context
	done   <-chan struct{}
	steps  uint32
	strict bool // rego.StrictBuiltinErrors: a failing builtin is an error, not undefined

	stack  []*ast.Term // locals of all active frames
	argbuf []*ast.Term // arguments being passed to a planned function

	memos []*memoLevel // the base level, then one per active WithStmt
	memo  *memoLevel   // memos[depth]
	depth int

	fn     *function // the function being executed, nil in the plan
	retval *ast.Term

	// A builtin's outputs reach the vm through biIter (m.collect, bound once so a call
	// allocates no closure): biOut is the first, biAll all of a relation's (walk).
	bctx     topdown.BuiltinContext
	biOut    *ast.Term
	biAll    []*ast.Term
	biRel    bool
	biCalled bool
	biIter   func(*ast.Term) error

	// replaced holds, for each `with data...` in force whose value is a collection, the
	// collections of (the copy of) that value, for baseLookup.
	replaced []map[*ast.Term]struct{}

	result  ast.Set                    // what ResultSetAddStmt collects
	sc      scanState                  // the innermost scan running
	objStep func(k, v *ast.Term) error // m.stepObject, bound once
	terms   []ast.Term                 // where the terms this evaluation makes come from
	pairs   [][2]*ast.Term             // an object literal's pairs while it is built
}

type vmPool struct{ pool sync.Pool }

func (vp *vmPool) init(p *program) {
	vp.pool.New = func() any {
		m := &vm{p: p, lits: p.lits}
		m.biIter = m.collect
		m.objStep = m.stepObject
		return m
	}
}

func (vp *vmPool) get() *vm { return vp.pool.Get().(*vm) }

// put clears everything that refers to the evaluation's values, so a pooled vm does not
// keep a manifest alive.
func (vp *vmPool) put(m *vm) {
	clear(m.stack[:cap(m.stack)])
	m.stack = m.stack[:0]
	clear(m.argbuf[:cap(m.argbuf)])
	m.argbuf = m.argbuf[:0]
	for _, l := range m.memos {
		l.reset()
	}
	m.terms = nil
	clear(m.replaced[:cap(m.replaced)])
	m.replaced = m.replaced[:0]
	m.depth, m.memo = 0, nil
	m.ctx, m.done, m.fn, m.retval, m.result, m.biOut = nil, nil, nil, nil, nil, nil
	m.bctx = topdown.BuiltinContext{}
	m.sc = scanState{}
	clear(m.biAll[:cap(m.biAll)])
	m.biAll = m.biAll[:0]
	vp.pool.Put(m)
}

// Eval runs the plan and returns the set of result objects rego expects from a target.
func (p *program) Eval(ctx context.Context, ectx *rego.EvalContext, runtime ast.Value) (ast.Value, error) {
	a := evalArgs{
		strict:   ectx.StrictBuiltinErrors(),
		now:      ectx.Time(),
		metrics:  ectx.Metrics(),
		seed:     ectx.Seed(),
		iqCache:  ectx.InterQueryBuiltinCache(),
		iqvCache: ectx.InterQueryBuiltinValueCache(),
		ndb:      ectx.NDBCache(),
		print:    ectx.PrintHook(),
		caps:     ectx.Capabilities(),
		runtime:  runtime,
	}
	if v := ectx.ParsedInput(); v != nil {
		a.input = ast.NewTerm(v)
	} else if raw := ectx.RawInput(); raw != nil {
		v, err := ast.InterfaceToValue(*raw)
		if err != nil {
			return nil, fmt.Errorf("irvm: input: %w", err)
		}
		a.input = ast.NewTerm(v)
	}
	return p.eval(ctx, &a)
}

// evalArgs is what one evaluation is given: by rego's EvalContext for the target plugin,
// by Query for a stored plan.
type evalArgs struct {
	input    *ast.Term
	strict   bool
	now      time.Time
	metrics  metrics.Metrics
	seed     io.Reader
	iqCache  cache.InterQueryCache
	iqvCache cache.InterQueryValueCache
	ndb      builtins.NDBCache
	print    print.Hook
	caps     *ast.Capabilities
	runtime  ast.Value
}

// eval runs the plan on a.
//
// A panic inside the evaluation (a bug here, or in a builtin) is returned as an error:
// irvm is the newer evaluator, and an engine can fall back to topdown on an error where a
// crash would take every document of a batch down.
func (p *program) eval(ctx context.Context, a *evalArgs) (result ast.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			result, err = nil, fmt.Errorf("irvm: internal error: %v", r)
		}
	}()
	input := a.input

	m := p.pool.get()
	defer p.pool.put(m)
	m.ctx, m.done, m.steps, m.strict = ctx, ctx.Done(), 0, a.strict
	if len(m.memos) == 0 {
		m.memos = append(m.memos, &memoLevel{rules: make([]*ast.Term, len(p.funcs))})
	}
	m.depth, m.memo = 0, m.memos[0]
	m.result = ast.NewSet()

	now := a.now
	if now.IsZero() {
		now = time.Now()
	}
	mx := a.metrics
	if mx == nil {
		mx = metrics.NoOp()
	}
	seed := a.seed
	if seed == nil {
		// topdown's default: rand.intn and uuid.rfc4122 read their seed from it.
		seed = rand.Reader
	}
	m.bctx = topdown.BuiltinContext{
		Context:                     ctx,
		Metrics:                     mx,
		Seed:                        seed,
		Time:                        ast.NewTerm(ast.Number(strconv.FormatInt(now.UnixNano(), 10))),
		Cancel:                      topdown.NewCancel(),
		Cache:                       builtins.Cache{},
		InterQueryBuiltinCache:      a.iqCache,
		InterQueryBuiltinValueCache: a.iqvCache,
		NDBuiltinCache:              a.ndb,
		PrintHook:                   a.print,
		Capabilities:                a.caps,
	}
	if a.runtime != nil {
		m.bctx.Runtime = ast.NewTerm(a.runtime)
	}
	// A builtin that runs long on its own (numbers.range over a huge span, a big
	// comprehension inside one call) never returns to the statement loop that polls ctx:
	// cancel it the way topdown does, from outside, the moment ctx is done.
	defer context.AfterFunc(ctx, m.bctx.Cancel.Cancel)()

	locals := m.frame(p.nlocals)
	locals[ir.Input] = input
	locals[ir.Data] = p.data
	for _, b := range p.plan {
		if _, err := m.block(locals, b); err != nil {
			if ctxErr := ctx.Err(); ctxErr != nil && !errors.Is(err, ctxErr) {
				// A builtin stopped by the cancellation above reports it in its own words;
				// callers test for the context's error.
				return nil, fmt.Errorf("irvm: evaluation cancelled: %w (%v)", ctxErr, err)
			}
			return nil, err
		}
	}
	return m.result, nil
}

// frame reserves n cleared locals on the stack. The slice stays valid for the frame's
// lifetime even if a nested call grows the stack into a new array: no other frame
// touches it.
func (m *vm) frame(n int) []*ast.Term {
	base := len(m.stack)
	if base+n > cap(m.stack) {
		grown := make([]*ast.Term, base, 2*(base+n))
		copy(grown, m.stack)
		m.stack = grown
	}
	m.stack = m.stack[:base+n]
	locals := m.stack[base : base+n : base+n]
	clear(locals)
	return locals
}

func (m *vm) cancelled() error {
	select {
	case <-m.done:
		m.bctx.Cancel.Cancel()
		return fmt.Errorf("irvm: evaluation cancelled: %w", m.ctx.Err())
	default:
		return nil
	}
}

func (m *vm) read(locals []*ast.Term, o operand) *ast.Term {
	if o >= 0 {
		return locals[o]
	}
	return m.lits.at(o)
}

func equal(a, b *ast.Term) bool {
	if a == b {
		return true
	}
	if x, ok := a.Value.(ast.String); ok {
		y, ok := b.Value.(ast.String)
		return ok && x == y
	}
	return a.Value.Compare(b.Value) == 0
}

// block executes one block and reports cont when it ran to its end, ret when the
// function returned, or the break index relative to the block's container.
func (m *vm) block(locals []*ast.Term, b *block) (int, error) {
	for i := range b.instrs {
		in := &b.instrs[i]
		m.steps++
		if m.steps%cancelEvery == 0 {
			if err := m.cancelled(); err != nil {
				return 0, err
			}
		}
		if c := coverage.Load(); c != nil {
			c[in.op].Add(1)
		}
		r, err := m.exec(locals, in)
		if err != nil {
			return 0, err
		}
		if r != cont {
			return r, nil
		}
	}
	return cont, nil
}

// exec executes one statement: cont when it is defined, a break index (0 when it is
// undefined), or ret.
func (m *vm) exec(locals []*ast.Term, in *instr) (int, error) {
	switch in.op {
	case opDot:
		src, key := m.read(locals, in.a), m.read(locals, in.b)
		if src == nil || key == nil {
			return 0, nil
		}
		// dot, by hand: the commonest statement, and a call too complex to inline.
		var v *ast.Term
		switch x := src.Value.(type) {
		case ast.Object:
			v = x.Get(key)
		case *ast.Array:
			v = x.Get(key)
		case ast.Set:
			if x.Contains(key) {
				v = key
			}
		}
		if v == nil {
			return 0, nil
		}
		locals[in.target] = v
	case opDotBase:
		src, key := m.read(locals, in.a), m.read(locals, in.b)
		if src == nil || key == nil {
			return 0, nil
		}
		v := m.baseLookup(src, key)
		if v == nil {
			return 0, nil
		}
		locals[in.target] = v
	case opEqual:
		a, b := m.read(locals, in.a), m.read(locals, in.b)
		if a == nil || b == nil || !equal(a, b) {
			return 0, nil
		}
	case opNotEqual:
		a, b := m.read(locals, in.a), m.read(locals, in.b)
		if a == nil || b == nil || equal(a, b) {
			return 0, nil
		}
	case opAssignVar:
		v := m.read(locals, in.a)
		locals[in.target] = v
	case opAssignVarOnce:
		v := m.read(locals, in.a)
		if old := locals[in.target]; old != nil && v != nil && !equal(old, v) {
			return 0, m.conflict(in)
		}
		locals[in.target] = v
	case opMakeConst, opAssignInt:
		locals[in.target] = m.lits.at(in.b)
	case opIsDefined:
		if locals[in.target] == nil {
			return 0, nil
		}
	case opIsUndefined:
		if locals[in.target] != nil {
			return 0, nil
		}
	case opResetLocal:
		locals[in.target] = nil
	case opBreak:
		return int(in.n), nil
	case opReturnLocal:
		m.retval = locals[in.target]
		return ret, nil
	case opBlock:
		for _, b := range in.x.blocks {
			r, err := m.block(locals, b)
			if err != nil {
				return 0, err
			}
			switch {
			case r == ret:
				return ret, nil
			case r > 0:
				return r - 1, nil
			}
		}
	case opNot:
		r, err := m.block(locals, in.body)
		if err != nil {
			return 0, err
		}
		switch {
		case r == cont: // the negated block was defined
			return 0, nil
		case r == ret:
			return ret, nil
		case r > 0:
			return r - 1, nil
		}
	case opScan:
		return m.scan(locals, in)
	case opCall:
		return m.callStmt(locals, in)
	case opCallBuiltin:
		return m.callBuiltin(locals, in)
	case opCallDynamic:
		return m.callDynamic(locals, in)
	case opLen:
		src := m.read(locals, in.a)
		if src == nil {
			return 0, nil
		}
		n := 0
		switch x := src.Value.(type) {
		case ast.String:
			n = utf8.RuneCountInString(string(x))
		case *ast.Array:
			n = x.Len()
		case ast.Object:
			n = x.Len()
		case ast.Set:
			n = x.Len()
		}
		locals[in.target] = ast.InternedTerm(n)
	case opMakeArray:
		locals[in.target] = m.newTerm(ast.NewArrayWithCapacity(int(in.n)))
	case opMakeObject:
		locals[in.target] = m.newTerm(ast.NewObject())
	case opMakeSet:
		locals[in.target] = m.newTerm(ast.NewSet())
	case opIsArray:
		if v := m.read(locals, in.a); v == nil || !isArray(v.Value) {
			return 0, nil
		}
	case opIsObject:
		if v := m.read(locals, in.a); v == nil || !isObject(v.Value) {
			return 0, nil
		}
	case opIsSet:
		if v := m.read(locals, in.a); v == nil || !isSet(v.Value) {
			return 0, nil
		}
	case opArrayAppend:
		t, v := locals[in.target], m.read(locals, in.a)
		arr, ok := t.Value.(*ast.Array)
		if !ok || v == nil {
			return 0, fmt.Errorf("irvm: %s: append to %s", where(m.location(in)), typeName(t))
		}
		// The array term was made by this evaluation (MakeArrayStmt), so it is updated in
		// place, as the Wasm runtime does.
		t.Value = arr.Append(v)
	case opObjectInsert:
		t, k, v := locals[in.target], m.read(locals, in.a), m.read(locals, in.b)
		obj, ok := t.Value.(ast.Object)
		if !ok || k == nil || v == nil {
			return 0, fmt.Errorf("irvm: %s: insert into %s", where(m.location(in)), typeName(t))
		}
		obj.Insert(k, v)
	case opObjectInsertOnce:
		t, k, v := locals[in.target], m.read(locals, in.a), m.read(locals, in.b)
		obj, ok := t.Value.(ast.Object)
		if !ok || k == nil || v == nil {
			return 0, fmt.Errorf("irvm: %s: insert into %s", where(m.location(in)), typeName(t))
		}
		if old := obj.Get(k); old != nil {
			if !equal(old, v) {
				return 0, &topdown.Error{Code: topdown.ConflictErr, Location: m.location(in), Message: "object keys must be unique"}
			}
			return cont, nil
		}
		obj.Insert(k, v)
	case opSetAdd:
		t, v := locals[in.target], m.read(locals, in.a)
		set, ok := t.Value.(ast.Set)
		if !ok || v == nil {
			return 0, fmt.Errorf("irvm: %s: add to %s", where(m.location(in)), typeName(t))
		}
		set.Add(v)
	case opArrayOf:
		elems := make([]*ast.Term, len(in.x.args))
		for i, a := range in.x.args {
			if elems[i] = m.read(locals, a); elems[i] == nil {
				return 0, fmt.Errorf("irvm: %s: undefined array element", where(m.location(in)))
			}
		}
		locals[in.target] = m.newTerm(ast.NewArray(elems...))
	case opObjectOf:
		obj, err := m.objectOf(locals, in)
		if err != nil {
			return 0, err
		}
		locals[in.target] = m.newTerm(obj)
	case opSetOf:
		set := ast.NewSetWithCapacity(len(in.x.args))
		for _, a := range in.x.args {
			v := m.read(locals, a)
			if v == nil {
				return 0, fmt.Errorf("irvm: %s: undefined set element", where(m.location(in)))
			}
			set.Add(v)
		}
		locals[in.target] = m.newTerm(set)
	case opObjectMerge:
		return m.merge(locals, in)
	case opWith:
		return m.with(locals, in)
	case opResultSetAdd:
		if v := locals[in.target]; v != nil {
			m.result.Add(v)
		}
	case opNop:
	default:
		return 0, fmt.Errorf("irvm: internal error: opcode %d", in.op)
	}
	return cont, nil
}

// maxPairsChecked bounds the literals built from pairs at once: their keys are compared
// pairwise, which only small literals (most have two to five keys) can afford.
const maxPairsChecked = 16

// objectOf builds an object literal. ast.NewObject takes all pairs in one allocation
// where inserting them one by one costs one per key, but it keeps duplicate keys as they
// come: a literal whose keys may repeat (computed keys that turn out equal) is built by
// insertion, where the later value replaces the earlier as it always has.
func (m *vm) objectOf(locals []*ast.Term, in *instr) (ast.Object, error) {
	args := in.x.args
	n := len(args) / 2
	pairs := m.pairs[:0]
	for i := 0; i < len(args); i += 2 {
		k, v := m.read(locals, args[i]), m.read(locals, args[i+1])
		if k == nil || v == nil {
			clear(pairs)
			return nil, fmt.Errorf("irvm: %s: undefined object key or value", where(m.location(in)))
		}
		pairs = append(pairs, [2]*ast.Term{k, v})
	}
	m.pairs = pairs
	defer clear(pairs)
	if n <= maxPairsChecked && distinctKeys(pairs) {
		return ast.NewObject(pairs...), nil
	}
	obj := ast.NewObjectWithCapacity(n)
	for _, kv := range pairs {
		obj.Insert(kv[0], kv[1])
	}
	return obj, nil
}

func distinctKeys(pairs [][2]*ast.Term) bool {
	for i := 1; i < len(pairs); i++ {
		for j := range i {
			if equal(pairs[i][0], pairs[j][0]) {
				return false
			}
		}
	}
	return true
}

func isArray(v ast.Value) bool  { _, ok := v.(*ast.Array); return ok }
func isObject(v ast.Value) bool { _, ok := v.(ast.Object); return ok }
func isSet(v ast.Value) bool    { _, ok := v.(ast.Set); return ok }

func typeName(t *ast.Term) string {
	if t == nil {
		return "undefined"
	}
	return ast.ValueName(t.Value)
}

func where(loc *ast.Location) string {
	if loc == nil {
		return "?"
	}
	return fmt.Sprintf("%s:%d", loc.File, loc.Row)
}

// errStopScan ends an object iteration early; it never escapes scan.
var errStopScan = errors.New("stop scan")

// scanState is the scan in progress; it lives in the vm, and is saved on the Go stack by
// nested scans, so iterating an object needs no closure allocated per scan.
type scanState struct {
	locals []*ast.Term
	in     *instr
	out    int
	err    error
}

// scan runs the body once per element, in ast's (sorted) order, which is topdown's. In
// the body, break 0 goes on with the next element and break 1 leaves the scan.
func (m *vm) scan(locals []*ast.Term, in *instr) (int, error) {
	src := locals[in.a]
	if src == nil {
		return cont, nil
	}
	saved := m.sc
	m.sc = scanState{locals: locals, in: in, out: cont}
	switch x := src.Value.(type) {
	case *ast.Array:
		for i := range x.Len() {
			if !m.step(ast.InternedTerm(i), x.Elem(i)) {
				break
			}
		}
	case ast.Object:
		_ = x.Iter(m.objStep)
	case ast.Set:
		for _, e := range x.Slice() {
			if !m.step(e, e) {
				break
			}
		}
	}
	out, err := m.sc.out, m.sc.err
	m.sc = saved
	if err != nil {
		return 0, err
	}
	return out, nil
}

// step runs the body of the current scan for one element and reports whether to go on.
func (m *vm) step(k, v *ast.Term) bool {
	sc := &m.sc
	sc.locals[sc.in.target], sc.locals[sc.in.n] = k, v
	r, err := m.block(sc.locals, sc.in.body)
	// m.sc may have been replaced and restored by a nested scan: re-read it.
	sc = &m.sc
	switch {
	case err != nil:
		sc.err = err
		return false
	case r == ret:
		sc.out = ret
		return false
	case r == 1:
		return false
	case r > 1:
		sc.out = r - 2
		return false
	}
	return true
}

func (m *vm) stepObject(k, v *ast.Term) error {
	if m.step(k, v) {
		return nil
	}
	return errStopScan
}

func (m *vm) callStmt(locals []*ast.Term, in *instr) (int, error) {
	v, err := m.callWith(locals, int(in.n), in.x.args)
	if err != nil {
		return 0, err
	}
	if v == nil {
		return 0, nil
	}
	locals[in.target] = v
	return cont, nil
}

// callWith calls planned function fi with the operands read from locals, in the vm's
// argument buffer. An undefined argument is passed as such: input is undefined when there
// is none.
func (m *vm) callWith(locals []*ast.Term, fi int, args []operand) (*ast.Term, error) {
	base := len(m.argbuf)
	for _, a := range args {
		m.argbuf = append(m.argbuf, m.read(locals, a))
	}
	v, err := m.call(fi, m.argbuf[base:])
	m.argbuf = m.argbuf[:base]
	return v, err
}

// call runs planned function fi. Rules (input and data only) are evaluated once per
// memo level; functions once per distinct argument list, as topdown caches them.
func (m *vm) call(fi int, args []*ast.Term) (*ast.Term, error) {
	fn := m.p.funcs[fi]
	if !fn.ready.Load() {
		var err error
		if fn, err = m.p.ensure(fi); err != nil {
			return nil, err
		}
	}
	memo := m.memo
	var h uint64
	if fn.constant && m.shareConstants() {
		if v := m.constants()[fi].Load(); v != nil {
			if v == undef {
				return nil, nil
			}
			return v, nil
		}
	}
	if !fn.isFunc {
		if v := memo.rules[fi]; v != nil {
			if v == undef {
				return nil, nil
			}
			return v, nil
		}
	} else if callMemo {
		h = uint64(fi)*1099511628211 + 14695981039346656037
		for _, a := range args[2:] {
			if a != nil {
				h ^= uint64(a.Value.Hash())
			}
			h *= 1099511628211
		}
		if v, ok := memo.lookup(h, fi, args[2:]); ok {
			return v, nil
		}
	}

	saved := m.fn
	m.fn = fn
	base := len(m.stack)
	locals := m.frame(fn.nlocals)
	for i, p := range fn.params {
		locals[p] = args[i]
	}
	var result *ast.Term
	returned := false
	for _, b := range fn.blocks {
		r, err := m.block(locals, b)
		if err != nil {
			m.fn = saved
			m.stack = m.stack[:base]
			return nil, err
		}
		if r == ret {
			result, returned = m.retval, true
			break
		}
	}
	if !returned {
		result = locals[fn.ret]
	}
	m.fn = saved
	m.stack = m.stack[:base]

	if !fn.isFunc {
		v := result
		if v == nil {
			v = undef
		}
		memo.rules[fi] = v
		if fn.constant && m.shareConstants() {
			m.constants()[fi].CompareAndSwap(nil, v)
		}
	} else if callMemo {
		memo.store(h, fi, args[2:], result)
	}
	return result, nil
}

func sameArgs(a, b []*ast.Term) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] && (a[i] == nil || b[i] == nil || !a[i].Equal(b[i])) {
			return false
		}
	}
	return true
}

// callDynamic calls the function whose path the operands spell. Not found: the statement
// is undefined (break 0), so the planned fallback over base data runs. Found but
// undefined: the whole lookup is, three blocks up, as the Wasm compiler does.
func (m *vm) callDynamic(locals []*ast.Term, in *instr) (int, error) {
	var sb strings.Builder
	for i, o := range in.x.rare.path {
		v := m.read(locals, o)
		if v == nil {
			return 0, nil
		}
		s, ok := v.Value.(ast.String)
		if !ok {
			return 0, nil
		}
		if i > 0 {
			sb.WriteByte(0)
		}
		sb.WriteString(string(s))
	}
	fi, ok := m.p.dynamic[sb.String()]
	if !ok {
		return 0, nil
	}
	v, err := m.callWith(locals, fi, in.x.args)
	if err != nil {
		return 0, err
	}
	if v == nil {
		return 3, nil
	}
	locals[in.target] = v
	return cont, nil
}

func (m *vm) collect(t *ast.Term) error {
	m.biCalled = true
	if m.biRel {
		m.biAll = append(m.biAll, t)
		return nil
	}
	if m.biOut == nil {
		m.biOut = t
	}
	return nil
}

// callBuiltin calls OPA's implementation. A builtin error makes the call undefined, as
// topdown does unless strict builtin errors are asked for; a Halt stops the evaluation.
func (m *vm) callBuiltin(locals []*ast.Term, in *instr) (int, error) {
	bi := in.x.bi
	if v, ok, handled := m.fastBuiltin(locals, in); handled {
		if !ok {
			return 0, nil
		}
		locals[in.target] = v
		return cont, nil
	}
	// OPA's builtins do not keep their operand slice, so it comes from the vm's buffer; the
	// non-deterministic ones may (their cache keys on it), and so may a caller's function,
	// so those get their own.
	base := len(m.argbuf)
	for _, a := range in.x.args {
		v := m.read(locals, a)
		if v == nil {
			m.argbuf = m.argbuf[:base]
			return 0, nil
		}
		m.argbuf = append(m.argbuf, v)
	}
	args := m.argbuf[base:len(m.argbuf):len(m.argbuf)]
	if bi.decl.Nondeterministic || bi.custom {
		args = append([]*ast.Term(nil), args...)
	}
	m.biOut, m.biRel, m.biAll, m.biCalled = nil, bi.relation, m.biAll[:0], false
	bctx := m.bctx
	loc := in.x.astLoc.Load()
	if loc == nil {
		if loc = m.p.locs.astLocation(in.loc); loc != nil {
			in.x.astLoc.Store(loc)
		}
	}
	bctx.Location = loc
	err := bi.f(bctx, args, m.biIter)
	clear(m.argbuf[base:])
	m.argbuf = m.argbuf[:base]
	if err != nil {
		// Exactly topdown's test: only a Halt itself stops the evaluation.
		if h, ok := err.(topdown.Halt); ok { //nolint:errorlint
			return 0, h.Err
		}
		if m.strict {
			return 0, err
		}
		if cerr := m.cancelled(); cerr != nil {
			return 0, cerr
		}
		return 0, nil
	}
	switch {
	case bi.relation:
		locals[in.target] = m.newTerm(ast.NewArray(append([]*ast.Term(nil), m.biAll...)...))
		clear(m.biAll)
	case bi.void:
		// A void builtin (print) has no value: it is defined when it yielded.
		if !m.biCalled {
			return 0, nil
		}
	case m.biOut == nil:
		return 0, nil
	default:
		locals[in.target] = m.biOut
	}
	m.biOut = nil
	return cont, nil
}

// fastBuiltin computes the commonest builtins of a sweep (a few thousand calls per
// document) as their topdown implementations do, without the operand buffer, the
// builtin context and the result callback a call through topdown costs. handled is false
// for any other builtin, one a caller replaced (custom), or operands the builtin refuses
// (an error, strict or not, is the general path's to report); ok is false when an operand
// is undefined.
func (m *vm) fastBuiltin(locals []*ast.Term, in *instr) (v *ast.Term, ok, handled bool) {
	bi := in.x.bi
	if bi.custom {
		return nil, false, false
	}
	args := in.x.args
	switch bi.decl {
	case ast.Count:
		a := m.read(locals, args[0])
		if a == nil {
			return nil, false, true
		}
		switch x := a.Value.(type) {
		case *ast.Array:
			return ast.InternedTerm(x.Len()), true, true
		case ast.Object:
			return ast.InternedTerm(x.Len()), true, true
		case ast.Set:
			return ast.InternedTerm(x.Len()), true, true
		case ast.String:
			return ast.InternedTerm(utf8.RuneCountInString(string(x))), true, true
		}
		return nil, false, false
	case ast.Member:
		a, c := m.read(locals, args[0]), m.read(locals, args[1])
		if a == nil || c == nil {
			return nil, false, true
		}
		switch x := c.Value.(type) {
		case ast.Set:
			return ast.InternedTerm(x.Contains(a)), true, true
		case *ast.Array:
			return ast.InternedTerm(x.Until(a.Equal)), true, true
		case ast.Object:
			return ast.InternedTerm(x.Until(func(_, v *ast.Term) bool { return a.Equal(v) })), true, true
		}
		return ast.InternedTerm(false), true, true
	case ast.GreaterThan, ast.GreaterThanEq, ast.LessThan, ast.LessThanEq:
		a, b := m.read(locals, args[0]), m.read(locals, args[1])
		if a == nil || b == nil {
			return nil, false, true
		}
		c := a.Value.Compare(b.Value)
		var r bool
		switch bi.decl {
		case ast.GreaterThan:
			r = c > 0
		case ast.GreaterThanEq:
			r = c >= 0
		case ast.LessThan:
			r = c < 0
		default:
			r = c <= 0
		}
		return ast.InternedTerm(r), true, true
	case ast.Plus, ast.Minus, ast.Multiply:
		a, b := m.read(locals, args[0]), m.read(locals, args[1])
		if a == nil || b == nil {
			return nil, false, true
		}
		// Integers that fit an int64, with a result that does too: topdown takes those
		// through big.Int once they leave the int32 window (every nanosecond timestamp
		// does), parsing both operands and allocating for a result with the same digits.
		// Anything else (floats, sets for minus, an overflow) goes the general way.
		x, isNum := a.Value.(ast.Number)
		y, isNum2 := b.Value.(ast.Number)
		if !isNum || !isNum2 {
			return nil, false, false
		}
		i, iok := x.Int64()
		j, jok := y.Int64()
		if !iok || !jok {
			return nil, false, false
		}
		r, fits := int64Arith(bi.decl, i, j)
		if !fits {
			return nil, false, false
		}
		return ast.InternedTerm(int(r)), true, true
	case ast.Sprintf:
		f, list := m.read(locals, args[0]), m.read(locals, args[1])
		if f == nil || list == nil {
			return nil, false, true
		}
		format, isStr := f.Value.(ast.String)
		arr, isArr := list.Value.(*ast.Array)
		if !isStr || !isArr {
			return nil, false, false
		}
		out, done := sprintfPlain(string(format), arr)
		if !done {
			return nil, false, false
		}
		return ast.StringTerm(out), true, true
	case ast.ObjectGet:
		obj, path, dflt := m.read(locals, args[0]), m.read(locals, args[1]), m.read(locals, args[2])
		if obj == nil || path == nil || dflt == nil {
			return nil, false, true
		}
		o, isObj := obj.Value.(ast.Object)
		if !isObj {
			return nil, false, false
		}
		arr, isArr := path.Value.(*ast.Array)
		if !isArr {
			if v := o.Get(path); v != nil {
				return v, true, true
			}
			return dflt, true, true
		}
		curr := obj
		for i := range arr.Len() {
			if curr = curr.Get(arr.Elem(i)); curr == nil {
				return dflt, true, true
			}
		}
		return curr, true, true
	}
	return nil, false, false
}

// sprintfPlain is sprintf's result for a format whose verbs are only %s, %v, %d and %%,
// without flags, width or precision, one argument each: what topdown's sprintf (fmt.Sprintf
// over the arguments it converts) writes, without boxing each argument for fmt. done is false
// for anything else, or any argument fmt would print otherwise (a number under %s, a string
// under %d, a float or an integer past int64), which the general path then formats.
func sprintfPlain(format string, args *ast.Array) (out string, done bool) {
	var b strings.Builder
	b.Grow(len(format) + 8*args.Len())
	next := 0
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		if i++; i == len(format) {
			return "", false
		}
		verb := format[i]
		if verb == '%' {
			b.WriteByte('%')
			continue
		}
		if next == args.Len() || (verb != 's' && verb != 'v' && verb != 'd') {
			return "", false
		}
		switch v := args.Elem(next).Value.(type) {
		case ast.String:
			if verb == 'd' {
				return "", false
			}
			b.WriteString(string(v))
		case ast.Number:
			n := string(v)
			if verb == 's' || strings.ContainsAny(n, ".eE") {
				return "", false
			}
			x, err := strconv.ParseInt(n, 10, 64)
			if err != nil {
				return "", false
			}
			b.WriteString(strconv.FormatInt(x, 10))
		default:
			if verb == 'd' {
				return "", false
			}
			b.WriteString(v.String())
		}
		next++
	}
	if next != args.Len() {
		return "", false
	}
	return b.String(), true
}

// int64Arith is i op j for plus, minus and multiply, and whether it fits an int64.
func int64Arith(op *ast.Builtin, i, j int64) (int64, bool) {
	switch op {
	case ast.Plus:
		r := i + j
		return r, (r > i) == (j > 0)
	case ast.Minus:
		r := i - j
		return r, (r < i) == (j > 0)
	default:
		if i == 0 || j == 0 {
			return 0, true
		}
		r := i * j
		return r, r/j == i && !(i == -1 && j == math.MinInt64) && !(j == -1 && i == math.MinInt64)
	}
}

func (m *vm) conflict(in *instr) error {
	if m.fn == nil {
		return &topdown.Error{Code: topdown.ConflictErr, Location: m.location(in), Message: "query produced conflicting values"}
	}
	name := m.fn.name
	if i := strings.IndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	loc := m.p.locs.astLocation(m.fn.loc)
	if loc == nil {
		loc = m.location(in)
	}
	if m.fn.isFunc {
		return &topdown.Error{Code: topdown.ConflictErr, Location: loc, Message: "function " + name + " produced conflicting values for the same inputs"}
	}
	return &topdown.Error{Code: topdown.ConflictErr, Location: loc, Message: "rule " + name + " produced conflicting values"}
}

// merge combines the base document (A) with the virtual one (B) under the same path as
// topdown does: objects merge key by key, and anywhere else the base document wins.
func (m *vm) merge(locals []*ast.Term, in *instr) (int, error) {
	a, b := locals[in.a], locals[in.b]
	switch {
	case a == nil:
		locals[in.target] = b
	case b == nil:
		locals[in.target] = a
	default:
		locals[in.target] = ast.NewTerm(mergeValues(a.Value, b.Value))
	}
	return cont, nil
}

func mergeValues(a, b ast.Value) ast.Value {
	ao, ok1 := a.(ast.Object)
	bo, ok2 := b.(ast.Object)
	if !ok1 || !ok2 {
		return a
	}
	out := ast.NewObjectWithCapacity(ao.Len() + bo.Len())
	ao.Foreach(func(k, v *ast.Term) {
		if w := bo.Get(k); w != nil {
			out.Insert(k, ast.NewTerm(mergeValues(v.Value, w.Value)))
			return
		}
		out.Insert(k, v)
	})
	bo.Foreach(func(k, v *ast.Term) {
		if ao.Get(k) == nil {
			out.Insert(k, v)
		}
	})
	return out
}

// with replaces a local (or a path inside it) for the duration of a block, with a fresh
// memo level: rules evaluated under `with` must not see or leave cached values.
func (m *vm) with(locals []*ast.Term, in *instr) (int, error) {
	saved := locals[in.target]
	v := m.read(locals, in.a)
	replaced := false
	if in.n == 1 && v != nil && isComposite(v.Value) {
		// A ref into the value of a `with data...` is not read from the store on topdown,
		// so its keys are not storage paths: lookups in this copy (which shares no term
		// with base data, or the set could not tell them apart) are plain ones.
		v = v.Copy()
		m.replaced = append(m.replaced, composites(v, map[*ast.Term]struct{}{}))
		replaced = true
	}
	switch {
	case in.x.rare == nil || len(in.x.rare.wpath) == 0:
		// The planner restores an undefined input this way too: nil is a value here.
		locals[in.target] = v
	case v == nil:
		return 0, nil
	default:
		locals[in.target] = upsert(saved, in.x.rare.wpath, v)
	}
	m.pushMemo()
	r, err := m.block(locals, in.body)
	m.popMemo()
	locals[in.target] = saved
	if replaced {
		m.replaced[len(m.replaced)-1] = nil
		m.replaced = m.replaced[:len(m.replaced)-1]
	}
	if err != nil {
		return 0, err
	}
	switch {
	case r == cont:
		return cont, nil
	case r == 0:
		return 0, nil
	case r == ret:
		return ret, nil
	default:
		return r - 1, nil
	}
}

func isComposite(v ast.Value) bool {
	switch v.(type) {
	case ast.Object, *ast.Array, ast.Set:
		return true
	}
	return false
}

// composites adds t and the collections inside it to set, by identity.
func composites(t *ast.Term, set map[*ast.Term]struct{}) map[*ast.Term]struct{} {
	switch x := t.Value.(type) {
	case ast.Object:
		set[t] = struct{}{}
		x.Foreach(func(_, v *ast.Term) { composites(v, set) })
	case *ast.Array:
		set[t] = struct{}{}
		x.Foreach(func(e *ast.Term) { composites(e, set) })
	case ast.Set:
		set[t] = struct{}{}
		x.Foreach(func(e *ast.Term) { composites(e, set) })
	}
	return set
}

// dot is DotStmt: key in an object or array, or membership in a set; nil when undefined.
func dot(src, key *ast.Term) *ast.Term {
	switch x := src.Value.(type) {
	case ast.Object:
		return x.Get(key)
	case *ast.Array:
		return x.Get(key)
	case ast.Set:
		if x.Contains(key) {
			return key
		}
	}
	return nil
}

// baseLookup is a DotStmt on base data, read as topdown reads a ref from the store
// (storage.NewPathForRef, then the store's lookup): a number key is its text, which
// finds an object's string key, and a string key that is an integer indexes an array.
// Base data is JSON, so its objects have only string keys and a plain lookup that finds
// something finds what the store would. Inside the value of a `with data...` there is no
// store: topdown looks keys up as they are.
func (m *vm) baseLookup(src, key *ast.Term) *ast.Term {
	if v := dot(src, key); v != nil {
		return v
	}
	for _, set := range m.replaced {
		if _, ok := set[src]; ok {
			return nil
		}
	}
	switch x := src.Value.(type) {
	case ast.Object:
		if n, ok := key.Value.(ast.Number); ok {
			return x.Get(ast.StringTerm(n.String()))
		}
	case *ast.Array:
		if s, ok := key.Value.(ast.String); ok {
			if i, ok := util.Atoi(string(s)); ok && i >= 0 && i < x.Len() {
				return x.Elem(i)
			}
		}
	}
	return nil
}

// upsert returns doc with value at path, copying the objects along the path and creating
// those missing (or replacing non-objects), never modifying doc.
func upsert(doc *ast.Term, path []*ast.Term, value *ast.Term) *ast.Term {
	if len(path) == 0 {
		return value
	}
	obj := ast.NewObject()
	if doc != nil {
		if o, ok := doc.Value.(ast.Object); ok {
			o.Foreach(func(k, v *ast.Term) { obj.Insert(k, v) })
		}
	}
	obj.Insert(path[0], upsert(obj.Get(path[0]), path[1:], value))
	return ast.NewTerm(obj)
}

func (m *vm) pushMemo() {
	m.depth++
	if m.depth == len(m.memos) {
		m.memos = append(m.memos, &memoLevel{rules: make([]*ast.Term, len(m.p.funcs))})
	}
	m.memo = m.memos[m.depth]
}

// popMemo leaves a with block; its level is cleared now so the next push starts empty.
func (m *vm) popMemo() {
	m.memo.reset()
	m.depth--
	m.memo = m.memos[m.depth]
}

// termChunk is how many terms are allocated at once: collections made by the plan need
// a term each, and one allocation per term was a tenth of all allocations.
const termChunk = 128

// newTerm returns a term for v from the current chunk. Chunks are never reused: terms
// end up in results that outlive the evaluation.
func (m *vm) newTerm(v ast.Value) *ast.Term {
	if len(m.terms) == cap(m.terms) {
		m.terms = make([]ast.Term, 0, termChunk)
	}
	m.terms = append(m.terms, ast.Term{Value: v})
	return &m.terms[len(m.terms)-1]
}

// location is where a statement came from, for error messages.
func (m *vm) location(in *instr) *ast.Location {
	l, ok := m.p.locs.at(in.loc)
	if !ok {
		return nil
	}
	return m.p.locs.position(l)
}

// shareConstants reports whether constant rules may take and give values shared between
// evaluations: not under `with`, where input or data differ from the program's.
func (m *vm) shareConstants() bool { return m.depth == 0 }

// constants are the shared values of constant rules for this evaluation's builtin error
// mode. A strict evaluation stores a value only when computing it raised no error, so the
// value is the same in every strict evaluation, and an error recurs in each.
func (m *vm) constants() []atomic.Pointer[ast.Term] {
	if m.strict {
		return m.p.consts[1]
	}
	return m.p.consts[0]
}
