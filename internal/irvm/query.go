package irvm

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/ir"
	"github.com/open-policy-agent/opa/v1/rego"
)

// QueryOptions configure a Query.
type QueryOptions struct {
	// StrictBuiltinErrors makes a failing builtin an evaluation error, as
	// rego.StrictBuiltinErrors does, rather than undefined.
	StrictBuiltinErrors bool
	// Capabilities are handed to the builtins that consult them (http.send, the net.*
	// lookups, JSON Schema references), as topdown hands them the compiler's.
	Capabilities *ast.Capabilities
}

// Query is a stored plan (Plan, EncodePlan, DecodePlan) ready to evaluate, without rego,
// a compiler or the policies' source: what lets a process judge with a bundle it never
// parsed. It is safe for concurrent use.
type Query struct {
	p    *program
	opts QueryOptions
}

// NewQuery prepares a plan for evaluation over the base data document data (an object;
// it must not be modified afterwards). Builtins are OPA's own. A panic in irvm's
// compilation is an error.
//
// The plan's functions are compiled on their first call, so a query that reaches few of
// them starts sooner. NewQuery still refuses a builtin without an implementation and a
// call of an unknown name; a statement irvm cannot run inside a function is an error of
// the first evaluation that calls it, or of CompileAll.
func NewQuery(pol *ir.Policy, data ast.Value, opts QueryOptions) (q *Query, err error) {
	defer func() {
		if r := recover(); r != nil {
			q, err = nil, fmt.Errorf("irvm: preparing the plan: %v", r)
		}
	}()
	if _, ok := data.(ast.Object); !ok {
		return nil, errors.New("irvm: base data must be an object")
	}
	return NewStoredQuery(storedPlanOf(pol), data, opts)
}

// NewStoredQuery is NewQuery for a plan read by ReadPlan: a function's body is decoded
// when the function is first called, and many queries may share sp.
func NewStoredQuery(sp *StoredPlan, data ast.Value, opts QueryOptions) (q *Query, err error) {
	defer func() {
		if r := recover(); r != nil {
			q, err = nil, fmt.Errorf("irvm: preparing the plan: %v", r)
		}
	}()
	if _, ok := data.(ast.Object); !ok {
		return nil, errors.New("irvm: base data must be an object")
	}
	p, err := compileLazy(sp, ast.NewTerm(data), nil)
	if err != nil {
		return nil, err
	}
	return &Query{p: p, opts: opts}, nil
}

// CompileAll compiles every function not compiled yet, returning the first error: what
// a build step or a test calls to know that every function of a stored plan runs.
func (q *Query) CompileAll() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("irvm: compiling the plan: %v", r)
		}
	}()
	return q.p.compileAll()
}

// Eval evaluates the query on input (nil for none). The result is what
// rego.PreparedEvalQuery.Eval returns for the same plan: one Result per solution, each
// with the query's variables as Bindings in rego's JSON form; Expressions are left empty,
// since a stored plan does not keep the query's text.
func (q *Query) Eval(ctx context.Context, input ast.Value) (rego.ResultSet, error) {
	a := evalArgs{strict: q.opts.StrictBuiltinErrors, caps: q.opts.Capabilities}
	if input != nil {
		a.input = ast.NewTerm(input)
	}
	v, err := q.p.eval(ctx, &a)
	if err != nil {
		return nil, err
	}
	return bindingsOf(v)
}

// bindingsOf converts a plan's result set as rego does for a target plugin
// (valueToQueryResult, generateResult): the planner already named the bindings after the
// query's variables and left out generated ones; rego's capture variables are dropped too.
func bindingsOf(v ast.Value) (rego.ResultSet, error) {
	set, ok := v.(ast.Set)
	if !ok {
		return nil, errors.New("illegal result type")
	}
	if set.Len() == 0 {
		return nil, nil
	}
	var rs rego.ResultSet
	err := set.Iter(func(t *ast.Term) error {
		obj, ok := t.Value.(ast.Object)
		if !ok {
			return errors.New("illegal result type")
		}
		r := rego.Result{Bindings: rego.Vars{}}
		var err error
		obj.Foreach(func(k, v *ast.Term) {
			name, ok := k.Value.(ast.String)
			if !ok {
				err = errors.New("illegal result type")
				return
			}
			if captured(string(name)) || err != nil {
				return
			}
			var x any
			if x, err = ast.JSON(v.Value); err == nil {
				r.Bindings[string(name)] = x
			}
		})
		if err != nil {
			return err
		}
		rs = append(rs, r)
		return nil
	})
	return rs, err
}

// captured reports a variable rego adds to hold an expression's value, or one the compiler
// generated; rego leaves both out of the bindings.
func captured(name string) bool {
	v := ast.Var(name)
	return strings.HasPrefix(name, ast.WildcardPrefix+"term") || strings.HasPrefix(name, "^term") ||
		v.IsGenerated() || v.IsWildcard()
}
