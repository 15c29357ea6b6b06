package irvm

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sync"
	"unsafe"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/ir"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
)

type captureKey struct{}

// Plan plans query over the modules compiled in c, as Prepare does, and returns the plan
// instead of preparing it: what a build step stores so that a later process can evaluate
// the query (NewQuery) without parsing or compiling the policies. The plan is checked to be
// one irvm can run. store may be nil: the plan does not depend on base data, which is read
// at evaluation. The same caveat as Prepare applies to sharing c.
func Plan(ctx context.Context, c *ast.Compiler, store storage.Store, query ast.Body, opts ...func(*rego.Rego)) (pol *ir.Policy, err error) {
	defer func() {
		if r := recover(); r != nil {
			pol, err = nil, fmt.Errorf("irvm: planning the query: %v", r)
		}
	}()
	Register()
	if store == nil {
		store = inmem.New()
	}
	args := append([]func(*rego.Rego){
		rego.ParsedQuery(query),
		rego.Compiler(c),
		rego.Store(store),
		rego.Target(Target),
		rego.EvalMode(ast.EvalModeTopdown),
	}, opts...)
	var got *ir.Policy
	if _, err := rego.New(args...).PrepareForEval(context.WithValue(ctx, captureKey{}, &got)); err != nil {
		return nil, err
	}
	if got == nil {
		return nil, errors.New("irvm: rego planned nothing")
	}
	return got, nil
}

// The plan encoding: compact, versioned, and independent of Go's and OPA's JSON
// encodings. OPA's own JSON form of ir.Policy does not come back as the planner made it
// (operands decode to pointers), and decoding the bundle's plan from it takes longer than
// compiling the bundle; this one decodes in a few milliseconds.
//
// Layout: the magic, then the policy; integers are varints, a string is its length and
// bytes, a list is its length plus one (0 for a nil list, so nil and empty survive), a
// statement is its kind (stmtKinds), its location and its fields in declaration order.
// The names calls use are listed once, after the static section, and a call gives the
// index of its name. A function's blocks come last in its record, and a plan's after its
// name, each after their length in bytes, so a reader can leave them undecoded until
// they are compiled (ReadPlan), and compile them from the encoding. After the table of
// names, a flag says whether any statement is a CallDynamicStmt, so that a query of a plan without
// one need not index the functions by path.
const planMagic = "irvm-plan/3\n"

// stmtKinds numbers the statement kinds in the encoding. Appending is compatible; any other
// change needs a new planMagic.
var stmtKinds = []string{
	"ReturnLocalStmt", "CallStmt", "CallDynamicStmt", "BlockStmt", "BreakStmt", "DotStmt",
	"LenStmt", "ScanStmt", "NotStmt", "AssignIntStmt", "AssignVarStmt", "AssignVarOnceStmt",
	"ResetLocalStmt", "MakeNullStmt", "MakeNumberIntStmt", "MakeNumberRefStmt", "MakeArrayStmt",
	"MakeObjectStmt", "MakeSetStmt", "EqualStmt", "NotEqualStmt", "IsArrayStmt", "IsObjectStmt",
	"IsSetStmt", "IsDefinedStmt", "IsUndefinedStmt", "ArrayAppendStmt", "ObjectInsertStmt",
	"ObjectInsertOnceStmt", "ObjectMergeStmt", "SetAddStmt", "WithStmt", "NopStmt",
	"ResultSetAddStmt",
}

const (
	kReturnLocal = iota
	kCall
	kCallDynamic
	kBlock
	kBreak
	kDot
	kLen
	kScan
	kNot
	kAssignInt
	kAssignVar
	kAssignVarOnce
	kResetLocal
	kMakeNull
	kMakeNumberInt
	kMakeNumberRef
	kMakeArray
	kMakeObject
	kMakeSet
	kEqual
	kNotEqual
	kIsArray
	kIsObject
	kIsSet
	kIsDefined
	kIsUndefined
	kArrayAppend
	kObjectInsert
	kObjectInsertOnce
	kObjectMerge
	kSetAdd
	kWith
	kNop
	kResultSetAdd
)

// Operand kinds.
const (
	oLocal = iota
	oString
	oFalse
	oTrue
)

type planWriter struct {
	b       []byte
	names   map[string]int // called name -> index in order
	order   []string
	dynamic *bool // set when a CallDynamicStmt is written
}

func (w *planWriter) int(v int64)      { w.b = binary.AppendVarint(w.b, v) }
func (w *planWriter) uint(v int)       { w.b = binary.AppendUvarint(w.b, uint64(v)) }
func (w *planWriter) local(l ir.Local) { w.int(int64(l)) }
func (w *planWriter) str(s string)     { w.uint(len(s)); w.b = append(w.b, s...) }

// list writes a length that keeps nil apart from empty.
func (w *planWriter) list(n int, isNil bool) {
	if isNil {
		w.uint(0)
		return
	}
	w.uint(n + 1)
}

// name writes the index of a called name, numbering names in the order of first use.
func (w *planWriter) name(s string) {
	i, ok := w.names[s]
	if !ok {
		i = len(w.order)
		w.names[s] = i
		w.order = append(w.order, s)
	}
	w.uint(i)
}

func (w *planWriter) strs(ss []string) {
	w.list(len(ss), ss == nil)
	for _, s := range ss {
		w.str(s)
	}
}

func (w *planWriter) locals(ls []ir.Local) {
	w.list(len(ls), ls == nil)
	for _, l := range ls {
		w.local(l)
	}
}

func (w *planWriter) location(l *ir.Location) {
	w.int(int64(l.File))
	w.int(int64(l.Row))
	w.int(int64(l.Col))
	w.int(int64(l.EndRow))
	w.int(int64(l.EndCol))
}

func (w *planWriter) operand(o ir.Operand) error {
	switch v := o.Value.(type) {
	case ir.Local:
		w.uint(oLocal)
		w.local(v)
	case ir.StringIndex:
		w.uint(oString)
		w.int(int64(v))
	case ir.Bool:
		if v {
			w.uint(oTrue)
		} else {
			w.uint(oFalse)
		}
	default:
		return fmt.Errorf("operand %T cannot be encoded", o.Value)
	}
	return nil
}

func (w *planWriter) operands(os []ir.Operand) error {
	w.list(len(os), os == nil)
	for _, o := range os {
		if err := w.operand(o); err != nil {
			return err
		}
	}
	return nil
}

func (w *planWriter) blocks(bs []*ir.Block) error {
	w.list(len(bs), bs == nil)
	for _, b := range bs {
		if err := w.block(b); err != nil {
			return err
		}
	}
	return nil
}

func (w *planWriter) block(b *ir.Block) error {
	if b == nil {
		return errors.New("nil block")
	}
	w.list(len(b.Stmts), b.Stmts == nil)
	for _, s := range b.Stmts {
		if err := w.stmt(s); err != nil {
			return err
		}
	}
	return nil
}

func (w *planWriter) stmt(s ir.Stmt) error {
	ops := func(os ...ir.Operand) error {
		for _, o := range os {
			if err := w.operand(o); err != nil {
				return err
			}
		}
		return nil
	}
	kind := func(k int) { w.uint(k); w.location(s.GetLocation()) }
	switch s := s.(type) {
	case *ir.ReturnLocalStmt:
		kind(kReturnLocal)
		w.local(s.Source)
	case *ir.CallStmt:
		kind(kCall)
		w.name(s.Func)
		if err := w.operands(s.Args); err != nil {
			return err
		}
		w.local(s.Result)
	case *ir.CallDynamicStmt:
		kind(kCallDynamic)
		if w.dynamic != nil {
			*w.dynamic = true
		}
		w.locals(s.Args)
		w.local(s.Result)
		return w.operands(s.Path)
	case *ir.BlockStmt:
		kind(kBlock)
		return w.blocks(s.Blocks)
	case *ir.BreakStmt:
		kind(kBreak)
		w.uint(int(s.Index))
	case *ir.DotStmt:
		kind(kDot)
		if err := ops(s.Source, s.Key); err != nil {
			return err
		}
		w.local(s.Target)
	case *ir.LenStmt:
		kind(kLen)
		if err := ops(s.Source); err != nil {
			return err
		}
		w.local(s.Target)
	case *ir.ScanStmt:
		kind(kScan)
		w.local(s.Source)
		w.local(s.Key)
		w.local(s.Value)
		return w.block(s.Block)
	case *ir.NotStmt:
		kind(kNot)
		return w.block(s.Block)
	case *ir.AssignIntStmt:
		kind(kAssignInt)
		w.int(s.Value)
		w.local(s.Target)
	case *ir.AssignVarStmt:
		kind(kAssignVar)
		if err := ops(s.Source); err != nil {
			return err
		}
		w.local(s.Target)
	case *ir.AssignVarOnceStmt:
		kind(kAssignVarOnce)
		if err := ops(s.Source); err != nil {
			return err
		}
		w.local(s.Target)
	case *ir.ResetLocalStmt:
		kind(kResetLocal)
		w.local(s.Target)
	case *ir.MakeNullStmt:
		kind(kMakeNull)
		w.local(s.Target)
	case *ir.MakeNumberIntStmt:
		kind(kMakeNumberInt)
		w.int(s.Value)
		w.local(s.Target)
	case *ir.MakeNumberRefStmt:
		kind(kMakeNumberRef)
		w.int(int64(s.Index))
		w.local(s.Target)
	case *ir.MakeArrayStmt:
		kind(kMakeArray)
		w.int(int64(s.Capacity))
		w.local(s.Target)
	case *ir.MakeObjectStmt:
		kind(kMakeObject)
		w.local(s.Target)
	case *ir.MakeSetStmt:
		kind(kMakeSet)
		w.local(s.Target)
	case *ir.EqualStmt:
		kind(kEqual)
		return ops(s.A, s.B)
	case *ir.NotEqualStmt:
		kind(kNotEqual)
		return ops(s.A, s.B)
	case *ir.IsArrayStmt:
		kind(kIsArray)
		return ops(s.Source)
	case *ir.IsObjectStmt:
		kind(kIsObject)
		return ops(s.Source)
	case *ir.IsSetStmt:
		kind(kIsSet)
		return ops(s.Source)
	case *ir.IsDefinedStmt:
		kind(kIsDefined)
		w.local(s.Source)
	case *ir.IsUndefinedStmt:
		kind(kIsUndefined)
		w.local(s.Source)
	case *ir.ArrayAppendStmt:
		kind(kArrayAppend)
		if err := ops(s.Value); err != nil {
			return err
		}
		w.local(s.Array)
	case *ir.ObjectInsertStmt:
		kind(kObjectInsert)
		if err := ops(s.Key, s.Value); err != nil {
			return err
		}
		w.local(s.Object)
	case *ir.ObjectInsertOnceStmt:
		kind(kObjectInsertOnce)
		if err := ops(s.Key, s.Value); err != nil {
			return err
		}
		w.local(s.Object)
	case *ir.ObjectMergeStmt:
		kind(kObjectMerge)
		w.local(s.A)
		w.local(s.B)
		w.local(s.Target)
	case *ir.SetAddStmt:
		kind(kSetAdd)
		if err := ops(s.Value); err != nil {
			return err
		}
		w.local(s.Set)
	case *ir.WithStmt:
		kind(kWith)
		w.local(s.Local)
		w.list(len(s.Path), s.Path == nil)
		for _, p := range s.Path {
			w.int(int64(p))
		}
		if err := ops(s.Value); err != nil {
			return err
		}
		return w.block(s.Block)
	case *ir.NopStmt:
		kind(kNop)
	case *ir.ResultSetAddStmt:
		kind(kResultSetAdd)
		w.local(s.Value)
	default:
		return fmt.Errorf("statement %T cannot be encoded", s)
	}
	return nil
}

// EncodePlan writes a plan in irvm's plan encoding, for DecodePlan. It covers what the
// planner puts in a policy; of a builtin's declaration it keeps only the name (DecodePlan
// takes the declaration from this OPA version's builtins), which is all irvm reads.
func EncodePlan(pol *ir.Policy) ([]byte, error) {
	if pol == nil {
		return nil, errors.New("irvm: no plan to encode")
	}
	head := &planWriter{b: []byte(planMagic)}
	head.static(pol.Static)
	// The plans and functions first, numbering the names they call; then the table.
	body := &planWriter{names: map[string]int{}, dynamic: new(bool)}
	if err := body.code(pol); err != nil {
		return nil, fmt.Errorf("irvm: encode plan: %w", err)
	}
	head.list(len(body.order), false)
	for _, s := range body.order {
		head.str(s)
	}
	if *body.dynamic {
		head.uint(1)
	} else {
		head.uint(0)
	}
	head.b = append(head.b, body.b...)
	head.list(len(pol.UnplannedRules), pol.UnplannedRules == nil)
	for _, u := range pol.UnplannedRules {
		head.str(u.Path)
		if u.Location == nil {
			head.uint(0)
		} else {
			head.uint(1)
			head.location(u.Location)
		}
	}
	return head.b, nil
}

func (w *planWriter) static(s *ir.Static) {
	if s == nil {
		w.uint(0)
	} else {
		w.uint(1)
		w.list(len(s.Strings), s.Strings == nil)
		for _, c := range s.Strings {
			w.str(c.Value)
		}
		w.list(len(s.BuiltinFuncs), s.BuiltinFuncs == nil)
		for _, b := range s.BuiltinFuncs {
			w.str(b.Name)
		}
		w.list(len(s.Files), s.Files == nil)
		for _, c := range s.Files {
			w.str(c.Value)
		}
	}
}

// code writes the plans and the functions.
func (w *planWriter) code(pol *ir.Policy) error {
	if pol.Plans == nil {
		w.uint(0)
	} else {
		w.uint(1)
		w.list(len(pol.Plans.Plans), pol.Plans.Plans == nil)
		for _, p := range pol.Plans.Plans {
			w.str(p.Name)
			body := &planWriter{names: w.names, order: w.order, dynamic: w.dynamic}
			if err := body.blocks(p.Blocks); err != nil {
				return fmt.Errorf("plan %s: %w", p.Name, err)
			}
			w.order = body.order
			w.uint(len(body.b))
			w.b = append(w.b, body.b...)
		}
	}
	if pol.Funcs == nil {
		w.uint(0)
	} else {
		w.uint(1)
		w.list(len(pol.Funcs.Funcs), pol.Funcs.Funcs == nil)
		for _, f := range pol.Funcs.Funcs {
			w.str(f.Name)
			w.locals(f.Params)
			w.local(f.Return)
			w.strs(f.Path)
			body := &planWriter{names: w.names, order: w.order, dynamic: w.dynamic}
			if err := body.blocks(f.Blocks); err != nil {
				return fmt.Errorf("func %s: %w", f.Name, err)
			}
			w.order = body.order
			w.uint(len(body.b))
			w.b = append(w.b, body.b...)
		}
	}
	return nil
}

// planReader decodes; the first error sticks and every later read returns zero values, so
// the decoding code reads straight through and looks at the error once.
type planReader struct {
	b     []byte
	err   error
	names []string
	// Statements, blocks and operands come from slabs: one allocation for many.
	slabs stmtSlabs
	blks  slab[ir.Block]
	opnds slab[ir.Operand]
}

func (r *planReader) fail(msg string) {
	if r.err == nil {
		r.err = errors.New(msg)
	}
}

// prefixed reads a run of bytes written after its length, failing with msg when the length
// runs past the encoding.
func (r *planReader) prefixed(msg string) []byte {
	n := r.uint()
	if r.err == nil && n > len(r.b) {
		r.fail(msg)
	}
	if r.err != nil {
		return nil
	}
	b := r.b[:n:n]
	r.b = r.b[n:]
	return b
}

func (r *planReader) int() int64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail("truncated or malformed integer")
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *planReader) uint() int {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 || v > math.MaxInt32 {
		r.fail("truncated or malformed length")
		return 0
	}
	r.b = r.b[n:]
	return int(v)
}

func (r *planReader) local() ir.Local { return ir.Local(r.int()) }

func (r *planReader) str() string {
	n := r.uint()
	if r.err != nil {
		return ""
	}
	if n > len(r.b) {
		r.fail("truncated string")
		return ""
	}
	if n == 0 {
		return ""
	}
	// The plan's own bytes, not a copy: see ReadPlan.
	s := unsafe.String(&r.b[0], n)
	r.b = r.b[n:]
	return s
}

// list reads a length written by planWriter.list: -1 for nil.
func (r *planReader) list() int {
	n := r.uint() - 1
	if n > len(r.b) { // every element takes at least one byte
		r.fail("list longer than the plan")
		return -1
	}
	return n
}

func (r *planReader) name() string {
	i := r.uint()
	if i >= len(r.names) {
		r.fail("name index out of range")
		return ""
	}
	return r.names[i]
}

// skipStrs reads past what strs reads.
func (r *planReader) skipStrs() {
	n := r.list()
	for range max(n, 0) {
		l := r.uint()
		if r.err != nil {
			return
		}
		if l > len(r.b) {
			r.fail("truncated string")
			return
		}
		r.b = r.b[l:]
	}
}

func (r *planReader) strs() []string {
	n := r.list()
	if n < 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = r.str()
	}
	return out
}

func (r *planReader) locals() []ir.Local {
	n := r.list()
	if n < 0 {
		return nil
	}
	out := make([]ir.Local, n)
	for i := range out {
		out[i] = r.local()
	}
	return out
}

func (r *planReader) location(l *ir.Location) {
	l.File = int(r.int())
	l.Row = int(r.int())
	l.Col = int(r.int())
	l.EndRow = int(r.int())
	l.EndCol = int(r.int())
}

func (r *planReader) operand() ir.Operand {
	switch k := r.uint(); k {
	case oLocal:
		return ir.Operand{Value: r.local()}
	case oString:
		return ir.Operand{Value: ir.StringIndex(r.int())}
	case oFalse:
		return ir.Operand{Value: ir.Bool(false)}
	case oTrue:
		return ir.Operand{Value: ir.Bool(true)}
	default:
		r.fail(fmt.Sprintf("unknown operand kind %d", k))
		return ir.Operand{Value: ir.Local(0)}
	}
}

func (r *planReader) operands() []ir.Operand {
	n := r.list()
	if n < 0 {
		return nil
	}
	out := r.opnds.take(n)
	for i := range out {
		out[i] = r.operand()
	}
	return out
}

func (r *planReader) blocks() []*ir.Block {
	n := r.list()
	if n < 0 {
		return nil
	}
	out := make([]*ir.Block, n)
	for i := range out {
		out[i] = r.block()
	}
	return out
}

func (r *planReader) block() *ir.Block {
	b := r.blks.next()
	n := r.list()
	if n < 0 {
		return b
	}
	b.Stmts = make([]ir.Stmt, n)
	for i := range b.Stmts {
		if b.Stmts[i] = r.stmt(); r.err != nil {
			return b
		}
	}
	return b
}

func (r *planReader) stmt() ir.Stmt {
	k := r.uint()
	var loc ir.Location
	r.location(&loc)
	sl := &r.slabs
	switch k {
	case kReturnLocal:
		s := sl.returnLocal.next()
		s.Location = loc
		s.Source = r.local()
		return s
	case kCall:
		s := sl.call.next()
		s.Location = loc
		s.Func = r.name()
		s.Args = r.operands()
		s.Result = r.local()
		return s
	case kCallDynamic:
		s := sl.callDynamic.next()
		s.Location = loc
		s.Args = r.locals()
		s.Result = r.local()
		s.Path = r.operands()
		return s
	case kBlock:
		s := sl.block.next()
		s.Location = loc
		s.Blocks = r.blocks()
		return s
	case kBreak:
		s := sl.brk.next()
		s.Location = loc
		s.Index = uint32(r.uint())
		return s
	case kDot:
		s := sl.dot.next()
		s.Location = loc
		s.Source = r.operand()
		s.Key = r.operand()
		s.Target = r.local()
		return s
	case kLen:
		s := sl.len.next()
		s.Location = loc
		s.Source = r.operand()
		s.Target = r.local()
		return s
	case kScan:
		s := sl.scan.next()
		s.Location = loc
		s.Source = r.local()
		s.Key = r.local()
		s.Value = r.local()
		s.Block = r.block()
		return s
	case kNot:
		s := sl.not.next()
		s.Location = loc
		s.Block = r.block()
		return s
	case kAssignInt:
		s := sl.assignInt.next()
		s.Location = loc
		s.Value = r.int()
		s.Target = r.local()
		return s
	case kAssignVar:
		s := sl.assignVar.next()
		s.Location = loc
		s.Source = r.operand()
		s.Target = r.local()
		return s
	case kAssignVarOnce:
		s := sl.assignVarOnce.next()
		s.Location = loc
		s.Source = r.operand()
		s.Target = r.local()
		return s
	case kResetLocal:
		s := sl.resetLocal.next()
		s.Location = loc
		s.Target = r.local()
		return s
	case kMakeNull:
		s := sl.makeNull.next()
		s.Location = loc
		s.Target = r.local()
		return s
	case kMakeNumberInt:
		s := sl.makeNumberInt.next()
		s.Location = loc
		s.Value = r.int()
		s.Target = r.local()
		return s
	case kMakeNumberRef:
		s := sl.makeNumberRef.next()
		s.Location = loc
		s.Index = int(r.int())
		s.Target = r.local()
		return s
	case kMakeArray:
		s := sl.makeArray.next()
		s.Location = loc
		s.Capacity = int32(r.int())
		s.Target = r.local()
		return s
	case kMakeObject:
		s := sl.makeObject.next()
		s.Location = loc
		s.Target = r.local()
		return s
	case kMakeSet:
		s := sl.makeSet.next()
		s.Location = loc
		s.Target = r.local()
		return s
	case kEqual:
		s := sl.equal.next()
		s.Location = loc
		s.A = r.operand()
		s.B = r.operand()
		return s
	case kNotEqual:
		s := sl.notEqual.next()
		s.Location = loc
		s.A = r.operand()
		s.B = r.operand()
		return s
	case kIsArray:
		s := sl.isArray.next()
		s.Location = loc
		s.Source = r.operand()
		return s
	case kIsObject:
		s := sl.isObject.next()
		s.Location = loc
		s.Source = r.operand()
		return s
	case kIsSet:
		s := sl.isSet.next()
		s.Location = loc
		s.Source = r.operand()
		return s
	case kIsDefined:
		s := sl.isDefined.next()
		s.Location = loc
		s.Source = r.local()
		return s
	case kIsUndefined:
		s := sl.isUndefined.next()
		s.Location = loc
		s.Source = r.local()
		return s
	case kArrayAppend:
		s := sl.arrayAppend.next()
		s.Location = loc
		s.Value = r.operand()
		s.Array = r.local()
		return s
	case kObjectInsert:
		s := sl.objectInsert.next()
		s.Location = loc
		s.Key = r.operand()
		s.Value = r.operand()
		s.Object = r.local()
		return s
	case kObjectInsertOnce:
		s := sl.objectInsertOnce.next()
		s.Location = loc
		s.Key = r.operand()
		s.Value = r.operand()
		s.Object = r.local()
		return s
	case kObjectMerge:
		s := sl.objectMerge.next()
		s.Location = loc
		s.A = r.local()
		s.B = r.local()
		s.Target = r.local()
		return s
	case kSetAdd:
		s := sl.setAdd.next()
		s.Location = loc
		s.Value = r.operand()
		s.Set = r.local()
		return s
	case kWith:
		s := sl.with.next()
		s.Location = loc
		s.Local = r.local()
		if n := r.list(); n >= 0 {
			s.Path = make([]int, n)
			for i := range s.Path {
				s.Path[i] = int(r.int())
			}
		}
		s.Value = r.operand()
		s.Block = r.block()
		return s
	case kNop:
		s := sl.nop.next()
		s.Location = loc
		return s
	case kResultSetAdd:
		s := sl.resultSetAdd.next()
		s.Location = loc
		s.Value = r.local()
		return s
	default:
		r.fail(fmt.Sprintf("unknown statement kind %d", k))
		return &ir.NopStmt{}
	}
}

// stmtSlabs hold the decoded statements, a chunk per kind.
type stmtSlabs struct {
	returnLocal      slab[ir.ReturnLocalStmt]
	call             slab[ir.CallStmt]
	callDynamic      slab[ir.CallDynamicStmt]
	block            slab[ir.BlockStmt]
	brk              slab[ir.BreakStmt]
	dot              slab[ir.DotStmt]
	len              slab[ir.LenStmt]
	scan             slab[ir.ScanStmt]
	not              slab[ir.NotStmt]
	assignInt        slab[ir.AssignIntStmt]
	assignVar        slab[ir.AssignVarStmt]
	assignVarOnce    slab[ir.AssignVarOnceStmt]
	resetLocal       slab[ir.ResetLocalStmt]
	makeNull         slab[ir.MakeNullStmt]
	makeNumberInt    slab[ir.MakeNumberIntStmt]
	makeNumberRef    slab[ir.MakeNumberRefStmt]
	makeArray        slab[ir.MakeArrayStmt]
	makeObject       slab[ir.MakeObjectStmt]
	makeSet          slab[ir.MakeSetStmt]
	equal            slab[ir.EqualStmt]
	notEqual         slab[ir.NotEqualStmt]
	isArray          slab[ir.IsArrayStmt]
	isObject         slab[ir.IsObjectStmt]
	isSet            slab[ir.IsSetStmt]
	isDefined        slab[ir.IsDefinedStmt]
	isUndefined      slab[ir.IsUndefinedStmt]
	arrayAppend      slab[ir.ArrayAppendStmt]
	objectInsert     slab[ir.ObjectInsertStmt]
	objectInsertOnce slab[ir.ObjectInsertOnceStmt]
	objectMerge      slab[ir.ObjectMergeStmt]
	setAdd           slab[ir.SetAddStmt]
	with             slab[ir.WithStmt]
	nop              slab[ir.NopStmt]
	resultSetAdd     slab[ir.ResultSetAddStmt]
}

// DecodePlan reads a plan written by EncodePlan, every function's body included. The
// plan's strings share b's bytes: b must not be modified afterwards.
func DecodePlan(b []byte) (*ir.Policy, error) {
	sp, err := ReadPlan(b)
	if err != nil {
		return nil, err
	}
	return sp.Policy()
}

// StoredPlan is a plan written by EncodePlan, read except for its functions' bodies, which
// are decoded when a query first calls the function (NewStoredQuery): a run that reaches
// half of a large plan decodes half of it. It is safe for concurrent use, and any number of
// queries may share it.
type StoredPlan struct {
	pol    *ir.Policy // the plans' and functions' Blocks are left nil: see plans, body
	names  []string   // every name a call uses
	bodies [][]byte   // each function's encoded blocks
	plans  [][]byte   // each plan's encoded blocks
	paths  [][]byte   // each function's encoded path, when it is not decoded (dynamicCalls)
	// enc is the whole encoding, which locations are read from (locTable); bodyEnd and
	// planEnd are where in it bodies and plans end.
	enc              []byte
	bodyEnd, planEnd []int
	// encoded is set for a plan read by ReadPlan, which queries compile from plans and
	// bodies; storedPlanOf's plan is decoded already.
	encoded bool
	// dynamicCalls: some statement of an encoded plan is a CallDynamicStmt.
	dynamicCalls bool

	mu      sync.Mutex
	r       planReader    // decodes the bodies, from its slabs
	decoded [][]*ir.Block // bodies decoded so far
	done    []bool
}

// ReadPlan reads a plan written by EncodePlan, leaving the plans' and functions' blocks
// encoded: a query compiles the plan's from the encoding when it is made, a function's
// when it is first called. A truncated or foreign plan is an error here, blocks that do not
// decode an error when they are first needed; damage that still decodes (a changed index)
// is not seen, so a stored plan must be checked by digest (the engine's prebuilt plan is).
// The plan keeps b, and its strings share b's bytes (most of a stored plan's strings are
// never used by a given run, and copying them was a tenth of its memory): b must not be
// modified afterwards.
func ReadPlan(b []byte) (*StoredPlan, error) {
	if !bytes.HasPrefix(b, []byte(planMagic)) {
		return nil, errors.New("irvm: not a plan of this encoding (" + planMagic[:len(planMagic)-1] + ")")
	}
	if int64(len(b)) >= math.MaxUint32 {
		return nil, errors.New("irvm: plan too large")
	}
	r := &planReader{b: b[len(planMagic):]}
	sp := &StoredPlan{enc: b}
	sp.pol = r.policy(sp)
	if r.err == nil && len(r.b) > 0 {
		r.fail(fmt.Sprintf("%d bytes after the plan", len(r.b)))
	}
	if r.err != nil {
		return nil, fmt.Errorf("irvm: decode plan at byte %d: %w", len(b)-len(r.b), r.err)
	}
	sp.names = r.names
	sp.r.names = r.names
	sp.encoded = true
	sp.decoded = make([][]*ir.Block, len(sp.bodies))
	sp.done = make([]bool, len(sp.bodies))
	return sp, nil
}

// body returns function i's blocks, decoding them on the first call.
func (sp *StoredPlan) body(i int) ([]*ir.Block, error) {
	sp.mu.Lock()
	defer sp.mu.Unlock()
	if sp.done[i] {
		return sp.decoded[i], nil
	}
	r := &sp.r
	r.b, r.err = sp.bodies[i], nil
	blocks := r.blocks()
	if r.err == nil && len(r.b) > 0 {
		r.fail(fmt.Sprintf("%d bytes after the body", len(r.b)))
	}
	if r.err != nil {
		return nil, fmt.Errorf("irvm: decode plan: func %s: %w", sp.pol.Funcs.Funcs[i].Name, r.err)
	}
	sp.decoded[i], sp.done[i] = blocks, true
	return blocks, nil
}

// storedPlanOf wraps a plan already decoded in full, so it compiles as a stored one does.
func storedPlanOf(pol *ir.Policy) *StoredPlan {
	sp := &StoredPlan{pol: pol}
	seen := map[string]bool{}
	var walk func(bs []*ir.Block)
	walk = func(bs []*ir.Block) {
		for _, b := range bs {
			if b == nil {
				continue
			}
			for _, s := range b.Stmts {
				switch s := s.(type) {
				case *ir.CallStmt:
					if !seen[s.Func] {
						seen[s.Func] = true
						sp.names = append(sp.names, s.Func)
					}
				case *ir.BlockStmt:
					walk(s.Blocks)
				case *ir.ScanStmt:
					walk([]*ir.Block{s.Block})
				case *ir.NotStmt:
					walk([]*ir.Block{s.Block})
				case *ir.WithStmt:
					walk([]*ir.Block{s.Block})
				}
			}
		}
	}
	if pol.Plans != nil {
		for _, p := range pol.Plans.Plans {
			walk(p.Blocks)
		}
	}
	if pol.Funcs != nil {
		for _, f := range pol.Funcs.Funcs {
			walk(f.Blocks)
			sp.decoded = append(sp.decoded, f.Blocks)
			sp.done = append(sp.done, true)
		}
	}
	return sp
}

// Policy returns the whole plan, every body decoded, as a copy that shares nothing a later
// decoding writes.
func (sp *StoredPlan) Policy() (*ir.Policy, error) {
	pol := *sp.pol
	if sp.encoded && sp.pol.Plans != nil && sp.pol.Plans.Plans != nil {
		plans := make([]*ir.Plan, len(sp.pol.Plans.Plans))
		for i, p := range sp.pol.Plans.Plans {
			r := &planReader{b: sp.plans[i], names: sp.names}
			q := *p
			q.Blocks = r.blocks()
			if r.err == nil && len(r.b) > 0 {
				r.fail(fmt.Sprintf("%d bytes after the plan's blocks", len(r.b)))
			}
			if r.err != nil {
				return nil, fmt.Errorf("irvm: decode plan: plan %s: %w", p.Name, r.err)
			}
			plans[i] = &q
		}
		pol.Plans = &ir.Plans{Plans: plans}
	}
	if sp.pol.Funcs != nil && sp.pol.Funcs.Funcs != nil {
		funcs := make([]*ir.Func, len(sp.pol.Funcs.Funcs))
		for i, f := range sp.pol.Funcs.Funcs {
			blocks, err := sp.body(i)
			if err != nil {
				return nil, err
			}
			g := *f
			g.Blocks = blocks
			if sp.paths != nil {
				r := &planReader{b: sp.paths[i]}
				if g.Path = r.strs(); r.err != nil {
					return nil, fmt.Errorf("irvm: decode plan: func %s: path: %w", f.Name, r.err)
				}
			}
			funcs[i] = &g
		}
		pol.Funcs = &ir.Funcs{Funcs: funcs}
	}
	return &pol, nil
}

func (r *planReader) policy(sp *StoredPlan) *ir.Policy {
	pol := &ir.Policy{}
	if r.uint() == 1 {
		s := &ir.Static{}
		if n := r.list(); n >= 0 {
			s.Strings = make([]*ir.StringConst, n)
			consts := make([]ir.StringConst, n)
			for i := range s.Strings {
				consts[i].Value = r.str()
				s.Strings[i] = &consts[i]
			}
		}
		if n := r.list(); n >= 0 {
			s.BuiltinFuncs = make([]*ir.BuiltinFunc, n)
			for i := range s.BuiltinFuncs {
				bf := &ir.BuiltinFunc{Name: r.str()}
				if b, ok := ast.BuiltinMap[bf.Name]; ok {
					bf.Decl = b.Decl
				}
				s.BuiltinFuncs[i] = bf
			}
		}
		if n := r.list(); n >= 0 {
			s.Files = make([]*ir.StringConst, n)
			for i := range s.Files {
				s.Files[i] = &ir.StringConst{Value: r.str()}
			}
		}
		pol.Static = s
	}
	if n := r.list(); n >= 0 {
		r.names = make([]string, n)
		for i := range r.names {
			r.names[i] = r.str()
		}
	}
	switch r.uint() {
	case 0:
	case 1:
		sp.dynamicCalls = true
	default:
		r.fail("malformed dynamic-call flag")
	}
	if r.uint() == 1 {
		pol.Plans = &ir.Plans{}
		if n := r.list(); n >= 0 {
			pol.Plans.Plans = make([]*ir.Plan, n)
			for i := range pol.Plans.Plans {
				p := &ir.Plan{Name: r.str()}
				body := r.prefixed("plan longer than the plan file")
				if r.err != nil {
					return pol
				}
				sp.plans = append(sp.plans, body)
				sp.planEnd = append(sp.planEnd, len(sp.enc)-len(r.b))
				pol.Plans.Plans[i] = p
			}
		}
	}
	if r.uint() == 1 {
		pol.Funcs = &ir.Funcs{}
		if n := r.list(); n >= 0 {
			pol.Funcs.Funcs = make([]*ir.Func, n)
			funcs := make([]ir.Func, n) // one allocation for about a thousand
			sp.bodies, sp.bodyEnd = make([][]byte, 0, n), make([]int, 0, n)
			var params slab[ir.Local]
			for i := range pol.Funcs.Funcs {
				f := &funcs[i]
				f.Name = r.str()
				if n := r.list(); n >= 0 {
					f.Params = params.take(n)
					for j := range f.Params {
						f.Params[j] = r.local()
					}
				}
				f.Return = r.local()
				if sp.dynamicCalls {
					f.Path = r.strs()
				} else {
					// Only a dynamic call reads a path: left encoded for Policy.
					start := r.b
					r.skipStrs()
					if sp.paths == nil {
						sp.paths = make([][]byte, len(pol.Funcs.Funcs))
					}
					sp.paths[i] = start[: len(start)-len(r.b) : len(start)-len(r.b)]
				}
				body := r.prefixed("function body longer than the plan")
				if r.err != nil {
					return pol
				}
				sp.bodies = append(sp.bodies, body)
				sp.bodyEnd = append(sp.bodyEnd, len(sp.enc)-len(r.b))
				pol.Funcs.Funcs[i] = f
			}
		}
	}
	if n := r.list(); n >= 0 {
		pol.UnplannedRules = make([]*ir.UnplannedRule, n)
		for i := range pol.UnplannedRules {
			u := &ir.UnplannedRule{Path: r.str()}
			if r.uint() == 1 {
				u.Location = &ir.Location{}
				r.location(u.Location)
			}
			pol.UnplannedRules[i] = u
		}
	}
	return pol
}
