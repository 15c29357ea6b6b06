package irvm

import (
	"sync/atomic"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/ir"
)

// locTable resolves an instruction's location reference (instr.loc, function.loc). A
// location is read only for an error message, a conflict or a builtin's context, so an
// instruction keeps four bytes rather than a pointer to a location of forty: compiled
// from its encoding (ReadPlan), the reference is one more than the offset of the
// statement's location in the encoding, which is read again when it is needed; compiled
// from decoded statements, one more than an index into irLocs. 0 is no location.
type locTable struct {
	enc   []byte
	files []string
	// irLocs are the decoded statements' locations compiled so far. A lazily compiled
	// program appends to them while evaluations run, so the compiler publishes a new
	// slice before it marks a function ready, and readers load it.
	irLocs atomic.Pointer[[]*ir.Location]
}

// at returns the location a reference names.
func (t *locTable) at(ref uint32) (ir.Location, bool) {
	if ref == 0 {
		return ir.Location{}, false
	}
	if t.enc != nil {
		if int64(ref) > int64(len(t.enc)) {
			return ir.Location{}, false
		}
		r := planReader{b: t.enc[ref-1:]}
		var l ir.Location
		r.location(&l)
		return l, r.err == nil
	}
	ls := t.irLocs.Load()
	if ls == nil || int64(ref) > int64(len(*ls)) {
		return ir.Location{}, false
	}
	return *(*ls)[ref-1], true
}

// astLocation is the location an error of topdown's or a builtin's context gives: none
// for a statement the planner placed nowhere, when the plan names no files either.
func (t *locTable) astLocation(ref uint32) *ast.Location {
	l, ok := t.at(ref)
	if !ok || (l.Row == 0 && l.File == 0 && len(t.files) == 0) {
		return nil
	}
	return t.position(l)
}

// position is a location as an error message gives it: file, row and column.
func (t *locTable) position(l ir.Location) *ast.Location {
	loc := &ast.Location{Row: l.Row, Col: l.Col}
	if l.File >= 0 && l.File < len(t.files) {
		loc.File = t.files[l.File]
	}
	return loc
}

// irLocation returns the reference of a decoded statement's location.
func (c *compiler) irLocation(l *ir.Location) uint32 {
	c.irLocs = append(c.irLocs, l)
	return uint32(len(c.irLocs))
}

// publishLocations makes the locations compiled so far readable by evaluations.
func (c *compiler) publishLocations() {
	if c.locs.enc == nil {
		ls := c.irLocs
		c.locs.irLocs.Store(&ls)
	}
}
