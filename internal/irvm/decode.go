package irvm

import (
	"fmt"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/ir"
)

// bodyDecoder compiles a function of a stored plan straight from its encoded body into
// instructions, without building OPA's ir statements first: for a one-manifest run, those
// statements were half of what preparing the plan allocated, and were dropped as soon as
// the function was compiled. What it makes is what compiler.stmt makes of the decoded
// statements (TestStoredPlansMatchPrepare and TestDirectDecodeMatchesCompile hold the two
// to the same answers and instructions).
type bodyDecoder struct {
	r   planReader // only its input and the names: no statement slabs
	c   *compiler
	end int // offset in the whole encoding of the end of what r reads (locTable)
}

// decodeFunction fills in fn's compiled fields from f and its encoded blocks, as
// compileFunction does from decoded ones. A body that does not decode is reported as
// StoredPlan.body reports it, a statement that does not compile as compileFunction does.
func (d *bodyDecoder) decodeFunction(fn *function, f *ir.Func, body []byte, end int) error {
	if len(f.Params) < 2 {
		return fmt.Errorf("irvm: func %s: expected input and data parameters, got %d", f.Name, len(f.Params))
	}
	c := d.c
	c.maxLocal = int(f.Return)
	fn.ret = int32(f.Return)
	// From scratch: a lazy compile that failed (or panicked) part-way is tried again.
	fn.params, fn.blocks, fn.loc = nil, nil, 0
	for _, l := range f.Params {
		fn.params = append(fn.params, c.local(l))
	}
	var first uint32
	blocks, err, bad := d.decodeBlocks(body, end, &first)
	if bad != nil {
		return fmt.Errorf("irvm: decode plan: func %s: %w", f.Name, bad)
	}
	if err != nil {
		return fmt.Errorf("irvm: func %s: %w", f.Name, err)
	}
	fn.blocks = blocks
	fn.loc = first
	fn.nlocals = c.maxLocal + 1
	markBaseLookups(fn.blocks, fn.params[1], fn.nlocals, &c.base)
	return nil
}

// decodeBlocks compiles a list of encoded blocks, the whole of body, which ends at offset
// end of the encoding: err is a statement that does not compile (naming its block, as
// compileFunction does), bad an encoding that does not decode. first, when set, receives
// the location of the first statement of the first block that has one.
func (d *bodyDecoder) decodeBlocks(body []byte, end int, first *uint32) (blocks []*block, err, bad error) {
	d.r.b, d.r.err, d.end = body, nil, end
	n := d.r.list()
	if n > 0 {
		blocks = make([]*block, 0, n)
	}
	for i := 0; i < n && d.r.err == nil; i++ {
		var loc uint32
		cb, err := d.block(&loc)
		if d.r.err != nil {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("block %d: %w", i, err), nil
		}
		if first != nil && *first == 0 {
			*first = loc
		}
		blocks = append(blocks, cb)
	}
	if d.r.err == nil && len(d.r.b) > 0 {
		d.r.fail(fmt.Sprintf("%d bytes after the body", len(d.r.b)))
	}
	if d.r.err != nil {
		return nil, nil, d.r.err
	}
	return blocks, nil, nil
}

// location reads past a statement's location, returning its reference (locTable).
func (d *bodyDecoder) location() uint32 {
	ref := uint32(d.end-len(d.r.b)) + 1
	for range 5 { // File, Row, Col, EndRow, EndCol
		d.r.int()
	}
	return ref
}

// blocks is compiler.blocks on encoded blocks. A decoding error leaves d.r.err set and
// what was read so far; the caller looks at it before anything else.
func (d *bodyDecoder) blocks() ([]*block, error) {
	n := d.r.list()
	out := make([]*block, max(n, 0))
	for i := range out {
		b, err := d.block(nil)
		if err != nil || d.r.err != nil {
			return nil, err
		}
		out[i] = b
	}
	return out, nil
}

// block is compiler.block on an encoded block; first, when set, receives the location of
// its first statement.
func (d *bodyDecoder) block(first *uint32) (*block, error) {
	c := d.c
	out := c.blks.next()
	n := max(d.r.list(), 0)
	out.instrs = c.instrs.take(n)[:0]
	for i := 0; i < n; i++ {
		in, err := d.stmt()
		if d.r.err != nil {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		if i == 0 && first != nil {
			*first = in.loc
		}
		out.instrs = append(out.instrs, in)
	}
	out.instrs = c.fuse(out.instrs)
	return out, nil
}

// operand is compiler.operand on an encoded operand.
func (d *bodyDecoder) operand() (operand, error) {
	switch k := d.r.uint(); k {
	case oLocal:
		return localOperand(d.c.local(d.r.local())), nil
	case oString:
		v := d.r.int()
		if v < 0 || v >= int64(len(d.c.strOps)) {
			return noOperand, fmt.Errorf("string index %d out of range", v)
		}
		return d.c.str(int(v)), nil
	case oFalse:
		return d.c.boolean(false), nil
	case oTrue:
		return d.c.boolean(true), nil
	default:
		d.r.fail(fmt.Sprintf("unknown operand kind %d", k))
		return noOperand, nil
	}
}

// operands is compiler.operands on an encoded list.
func (d *bodyDecoder) operands() ([]operand, error) {
	n := max(d.r.list(), 0)
	out := d.c.ops.take(n)
	for i := range out {
		var err error
		if out[i], err = d.operand(); err != nil || d.r.err != nil {
			return nil, err
		}
	}
	return out, nil
}

// operand2 reads two operands, the first error winning.
func (d *bodyDecoder) operand2() (a, b operand, err error) {
	if a, err = d.operand(); err != nil {
		return a, b, err
	}
	b, err = d.operand()
	return a, b, err
}

// stmt is compiler.stmt on an encoded statement, reading its fields in planWriter.stmt's
// order. A decoding error sets d.r.err and returns a zero instruction.
func (d *bodyDecoder) stmt() (instr, error) {
	c, r := d.c, &d.r
	k := r.uint()
	in := instr{loc: d.location(), a: noOperand, b: noOperand}
	if r.err != nil {
		return in, nil
	}
	var err error
	switch k {
	case kReturnLocal:
		in.op, in.target = opReturnLocal, c.local(r.local())
	case kCall:
		name := r.name()
		x := c.ext(&in) // always present for this statement, even with nothing in it
		if x.args, err = d.operands(); err != nil || r.err != nil {
			return in, err
		}
		in.target = c.local(r.local())
		if i, ok := c.funcIdx[name]; ok {
			in.op, in.n = opCall, int32(i)
			break
		}
		in.op = opCallBuiltin
		if x.bi, err = c.builtin(name); err != nil {
			return in, err
		}
	case kCallDynamic:
		x := c.ext(&in) // always present for this statement, even with nothing in it
		if n := r.list(); n >= 0 {
			for range n {
				x.args = append(x.args, localOperand(c.local(r.local())))
			}
		}
		in.op, in.target = opCallDynamic, c.local(r.local())
		x.more().path, err = d.operands()
	case kBlock:
		x := c.ext(&in) // always present for this statement, even with nothing in it
		in.op = opBlock
		x.blocks, err = d.blocks()
	case kBreak:
		in.op, in.n = opBreak, int32(uint32(r.uint()))
	case kDot:
		in.op = opDot
		if in.a, in.b, err = d.operand2(); err != nil {
			return in, err
		}
		in.target = c.local(r.local())
	case kLen:
		in.op = opLen
		if in.a, err = d.operand(); err != nil {
			return in, err
		}
		in.target = c.local(r.local())
	case kScan:
		in.op, in.a = opScan, localOperand(c.local(r.local()))
		in.target = c.local(r.local())
		in.n = c.local(r.local())
		in.body, err = d.block(nil)
	case kNot:
		in.op = opNot
		in.body, err = d.block(nil)
	case kAssignInt:
		v := r.int()
		in.op, in.target, in.b = opAssignInt, c.local(r.local()), c.intTerm(v)
	case kAssignVar, kAssignVarOnce:
		in.op = opAssignVar
		if k == kAssignVarOnce {
			in.op = opAssignVarOnce
		}
		if in.a, err = d.operand(); err != nil {
			return in, err
		}
		in.target = c.local(r.local())
	case kResetLocal:
		in.op, in.target = opResetLocal, c.local(r.local())
	case kMakeNull:
		in.op, in.target, in.b = opMakeConst, c.local(r.local()), c.null()
	case kMakeNumberInt:
		v := r.int()
		in.op, in.target, in.b = opMakeConst, c.local(r.local()), c.intTerm(v)
	case kMakeNumberRef:
		idx := r.int()
		in.op, in.target = opMakeConst, c.local(r.local())
		if r.err != nil {
			return in, nil
		}
		if idx < 0 || idx >= int64(len(c.strOps)) {
			return in, fmt.Errorf("number string index %d out of range", idx)
		}
		// A number literal reaches the planner as its source text, which is what
		// ast.Number holds: big and fractional values stay exact.
		in.b = c.constant(ast.NewTerm(ast.Number(c.pol.Static.Strings[idx].Value)))
	case kMakeArray:
		in.op, in.n = opMakeArray, int32(r.int())
		in.target = c.local(r.local())
	case kMakeObject:
		in.op, in.target = opMakeObject, c.local(r.local())
	case kMakeSet:
		in.op, in.target = opMakeSet, c.local(r.local())
	case kEqual, kNotEqual:
		in.op = opEqual
		if k == kNotEqual {
			in.op = opNotEqual
		}
		in.a, in.b, err = d.operand2()
	case kIsArray:
		in.op = opIsArray
		in.a, err = d.operand()
	case kIsObject:
		in.op = opIsObject
		in.a, err = d.operand()
	case kIsSet:
		in.op = opIsSet
		in.a, err = d.operand()
	case kIsDefined:
		in.op, in.target = opIsDefined, c.local(r.local())
	case kIsUndefined:
		in.op, in.target = opIsUndefined, c.local(r.local())
	case kArrayAppend:
		in.op = opArrayAppend
		if in.a, err = d.operand(); err != nil {
			return in, err
		}
		in.target = c.local(r.local())
	case kObjectInsert, kObjectInsertOnce:
		in.op = opObjectInsert
		if k == kObjectInsertOnce {
			in.op = opObjectInsertOnce
		}
		if in.a, in.b, err = d.operand2(); err != nil {
			return in, err
		}
		in.target = c.local(r.local())
	case kObjectMerge:
		in.op = opObjectMerge
		in.a = localOperand(c.local(r.local()))
		in.b = localOperand(c.local(r.local()))
		in.target = c.local(r.local())
	case kSetAdd:
		in.op = opSetAdd
		if in.a, err = d.operand(); err != nil {
			return in, err
		}
		in.target = c.local(r.local())
	case kWith:
		x := c.ext(&in) // always present for this statement, even with nothing in it
		in.op, in.target = opWith, c.local(r.local())
		// in.n is set by markBaseLookups when the with replaces (part of) data.
		if n := r.list(); n >= 0 {
			for range n {
				idx := r.int()
				if r.err != nil {
					return in, nil
				}
				if idx < 0 || idx >= int64(len(c.strOps)) {
					return in, fmt.Errorf("with path string index %d out of range", idx)
				}
				x.more().wpath = append(x.more().wpath, c.consts.at(c.str(int(idx))))
			}
		}
		if in.a, err = d.operand(); err != nil {
			return in, err
		}
		in.body, err = d.block(nil)
	case kNop:
		in.op = opNop
	case kResultSetAdd:
		in.op, in.target = opResultSetAdd, c.local(r.local())
	default:
		r.fail(fmt.Sprintf("unknown statement kind %d", k))
	}
	if err == nil {
		err = c.constErr
	}
	return in, err
}
