package engine

import (
	"context"
	"sort"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/tester"
)

// TestOptions configure a run of the Rego unit tests.
type TestOptions struct {
	Policies []PolicySource
	// Filter is a regular expression selecting tests by name, as `opa test --run`.
	Filter string
	// Timeout bounds each test; zero means OPA's default.
	Timeout time.Duration
}

// RunTests runs the Rego unit tests (test_* rules) of the sources with OPA's own tester,
// compiled in the same strict sandbox as the evaluated bundle, so a policy that passes
// here behaves the same under `resilcheck check`. Results are in file and line order.
func RunTests(ctx context.Context, opts TestOptions) ([]*tester.Result, error) {
	files, err := readSources(opts.Policies, true)
	if err != nil {
		return nil, err
	}
	mods, probs := parseFiles(files)
	if len(probs) > 0 {
		return nil, &BundleError{Problems: probs}
	}
	custom := map[string]bool{}
	for _, f := range files {
		custom[f.Name] = f.Custom
	}
	if probs := lockBuiltins(mods, custom); len(probs) > 0 {
		return nil, &BundleError{Problems: probs}
	}
	compiler := ast.NewCompiler().
		WithStrict(true).
		WithCapabilities(sandboxCapabilities()).
		WithEnablePrintStatements(true)
	r := tester.NewRunner().
		SetCompiler(compiler).
		SetModules(mods).
		SetDefaultRegoVersion(ast.RegoV1).
		CapturePrintOutput(true)
	if opts.Filter != "" {
		r = r.Filter(opts.Filter)
	}
	if opts.Timeout > 0 {
		r = r.SetTimeout(opts.Timeout)
	}
	ch, err := r.RunTests(ctx, nil)
	if err != nil {
		if errs, ok := err.(ast.Errors); ok {
			var probs []Problem
			for _, e := range errs {
				p := Problem{Message: explainSandbox(e.Message)}
				if e.Location != nil {
					p.File, p.Line = e.Location.File, e.Location.Row
				}
				probs = append(probs, p)
			}
			return nil, &BundleError{Problems: probs}
		}
		return nil, err
	}
	var results []*tester.Result
	for res := range ch {
		results = append(results, res)
	}
	sort.SliceStable(results, func(i, j int) bool {
		a, b := results[i].Location, results[j].Location
		if a == nil || b == nil {
			return results[i].Name < results[j].Name
		}
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Row < b.Row
	})
	return results, nil
}
