package irvm

import (
	"errors"

	"github.com/open-policy-agent/opa/v1/ast"
)

const (
	constChunkBits = 10
	constChunks    = 1 << 10
)

// constTable holds a program's constant terms, which operands index (operand). It is
// filled in chunks that never move, so that a lazily compiled program can add the
// constants of a function while evaluations read those of the functions compiled before:
// a chunk and its entries are written before the function that uses them is marked
// ready, and read only after. Index 0 is nil (noOperand).
type constTable struct {
	n      int
	chunks [constChunks]*[1 << constChunkBits]*ast.Term
}

var errTooManyConstants = errors.New("too many constants in the plan")

// add stores t and returns its operand.
func (t *constTable) add(term *ast.Term) (operand, error) {
	if t.n == 0 {
		t.n = 1 // noOperand's
	}
	i := t.n
	if i >= constChunks<<constChunkBits {
		return noOperand, errTooManyConstants
	}
	ch := t.chunks[i>>constChunkBits]
	if ch == nil {
		ch = new([1 << constChunkBits]*ast.Term)
		t.chunks[i>>constChunkBits] = ch
	}
	ch[i&(1<<constChunkBits-1)] = term
	t.n++
	return operand(^int32(i)), nil
}

// at returns the term of a constant operand.
func (t *constTable) at(o operand) *ast.Term {
	i := ^int32(o)
	ch := t.chunks[i>>constChunkBits]
	if ch == nil {
		return nil
	}
	return ch[i&(1<<constChunkBits-1)]
}
