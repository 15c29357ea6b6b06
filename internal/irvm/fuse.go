package irvm

// The planner builds a literal collection one element at a time: MakeArrayStmt, then an
// ArrayAppendStmt per element, each append copying the array's header. fuse replaces
// such a run with one statement that builds the collection from its elements at once,
// which removes about a tenth of an evaluation's allocations. It only fuses what provably
// means the same: the collection is not read before the fused statement builds it, and
// no element's local is reassigned between its original add and that point.

// fusions maps a make statement to the add statement it absorbs and the fused result.
var fusions = map[opcode]struct{ add, fused opcode }{
	opMakeArray:  {opArrayAppend, opArrayOf},
	opMakeObject: {opObjectInsert, opObjectOf},
	opMakeSet:    {opSetAdd, opSetOf},
}

// maxGap bounds how far past its last add a collection's run is looked for. Runs are
// short (an element's own statements), but a block may hold thousands of statements that
// never touch the collection, and looking to the end of the block for each one made
// preparing the parameter table quadratic. Stopping early only fuses a shorter prefix.
const maxGap = 64

// fuse rewrites one block's statements until nothing more fuses: a collection nested in
// another becomes fusable once its parent was fused.
func (c *compiler) fuse(instrs []instr) []instr {
	for {
		out, changed := c.fuseOnce(instrs)
		if !changed {
			return out
		}
		instrs = out
	}
}

// fuseOnce rewrites instrs in place: what it writes lands at or before what it reads,
// since a fused run becomes one statement and everything else is copied one for one.
func (c *compiler) fuseOnce(instrs []instr) ([]instr, bool) {
	var out []instr // nil until something fuses: most blocks have nothing to fuse
	for i := 0; i < len(instrs); i++ {
		in := instrs[i]
		f, ok := fusions[in.op]
		if !ok {
			if out != nil {
				out = append(out, in)
			}
			continue
		}
		l := in.target
		elems := c.fuseElems[:0] // values; key, value pairs for objects
		recorded := c.fuseRecorded[:0]
		j, last := i+1, i
		for ; j < len(instrs) && j-last <= maxGap; j++ {
			s := &instrs[j]
			if writesAny(s, recorded) {
				break
			}
			if s.op == f.add && s.target == l {
				if reads(s.a, l) || reads(s.b, l) {
					break
				}
				elems = append(elems, s.a)
				if f.add == opObjectInsert {
					elems = append(elems, s.b)
				}
				recorded = appendLocal(recorded, s.a)
				recorded = appendLocal(recorded, s.b)
				last = j
				continue
			}
			if !simple(s) || touches(s, l) {
				break
			}
		}
		c.fuseElems, c.fuseRecorded = elems, recorded
		// Fuse up to the last add; what follows it is left as it was.
		if len(elems) == 0 {
			if out != nil {
				out = append(out, in)
			}
			continue
		}
		if out == nil {
			out = instrs[:i]
		}
		for k := i + 1; k < last; k++ {
			if s := &instrs[k]; s.op != f.add || s.target != l {
				out = append(out, *s)
			}
		}
		x := c.extras.next()
		x.args = c.ops.take(len(elems))
		copy(x.args, elems)
		out = append(out, instr{op: f.fused, target: l, a: noOperand, b: noOperand, loc: in.loc, x: x})
		i = last
	}
	if out == nil {
		return instrs, false
	}
	return out, true
}

func reads(o operand, l int32) bool { return o.isLocal() && int32(o) == l }

func appendLocal(ls []int32, o operand) []int32 {
	if o.isLocal() {
		return append(ls, int32(o))
	}
	return ls
}

// simple statements cannot be undefined, break or fail, so moving a collection's
// construction past them changes nothing but when it is built.
func simple(s *instr) bool {
	switch s.op {
	case opMakeConst, opMakeArray, opMakeObject, opMakeSet, opAssignVar, opAssignInt, opResetLocal,
		opArrayAppend, opObjectInsert, opSetAdd, opArrayOf, opObjectOf, opSetOf, opNop:
		return true
	}
	return false
}

// writesLocal reports whether a simple statement replaces the value of its target local
// (the add statements update their target's term in place instead).
func writesLocal(s *instr) bool {
	switch s.op {
	case opMakeConst, opMakeArray, opMakeObject, opMakeSet, opAssignVar, opAssignInt, opResetLocal,
		opArrayOf, opObjectOf, opSetOf:
		return true
	}
	return false
}

func writesAny(s *instr, ls []int32) bool {
	if !writesLocal(s) {
		return false
	}
	for _, l := range ls {
		if s.target == l {
			return true
		}
	}
	return false
}

// touches reports whether a simple statement reads or writes local l.
func touches(s *instr, l int32) bool {
	if s.target == l || reads(s.a, l) || reads(s.b, l) {
		return true
	}
	if s.x != nil {
		for _, a := range s.x.args {
			if reads(a, l) {
				return true
			}
		}
	}
	return false
}
