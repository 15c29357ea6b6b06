package irvm

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/test/cases"
	"github.com/open-policy-agent/opa/v1/test/cases/testdata"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/types"
	"github.com/open-policy-agent/opa/v1/util"
)

// TestConformance runs OPA's own evaluation corpus through topdown and irvm: the Rego v1
// cases OPA holds topdown and its Wasm compiler to, embedded in the OPA module
// (test/cases/testdata.V1), so the corpus is always that of the OPA version in go.mod and
// needs neither the network nor a module cache path. Each case runs as written, and
// again with strict builtin errors (as the engine evaluates), where topdown's outcome is
// the expectation.
//
// Every case where irvm does not do what the case expects, or answers otherwise than
// topdown, must be named in the exceptions file with the kind of divergence and why; and
// every exception must still diverge, in the way it says, so the file stays true across
// OPA upgrades and irvm fixes.
//
// One case: go test ./internal/irvm -run 'TestConformance/cases/<note>' -v

const exceptionsFile = "testdata/conformance-exceptions.yaml"

// minCorpus guards against a corpus that silently shrank (moved or renamed in an OPA
// upgrade): a handful of cases passing says nothing about irvm.
const minCorpus = 1000

// Divergence kinds, as the exceptions file names them.
const (
	kindPrepare     = "prepare"      // irvm refuses the query at PrepareForEval (mostly OPA's planner)
	kindError       = "error"        // irvm fails evaluating where a result is expected
	kindNoError     = "no-error"     // an error is expected; irvm returns results instead
	kindOtherError  = "other-error"  // both fail, but irvm's error is not the expected one
	kindWrongResult = "wrong-result" // irvm returns other results: a silent wrong answer
	kindDuplicates  = "duplicates"   // the same solutions, but topdown repeats some (the target contract is a set)
	kindUnstable    = "unstable"     // a second evaluation of the prepared query answers otherwise; topdown's does not
)

var kinds = []string{kindPrepare, kindError, kindNoError, kindOtherError, kindWrongResult, kindDuplicates, kindUnstable}

type exception struct {
	Note   string `json:"note"`   // one note (all the cases that have it)
	Match  string `json:"match"`  // or every note this regexp matches in full
	Strict bool   `json:"strict"` // the run with strict builtin errors rather than as written
	Kind   string `json:"kind"`
	Why    string `json:"why"`

	re *regexp.Regexp
}

func (e *exception) String() string {
	s := "note " + e.Note
	if e.Match != "" {
		s = "match " + e.Match
	}
	if e.Strict {
		s += " (strict)"
	}
	return s
}

func (e *exception) matches(r caseRef) bool {
	if e.Strict != r.strict {
		return false
	}
	if e.re != nil {
		return e.re.MatchString(r.note)
	}
	return e.Note == r.note
}

func parseExceptions(bs []byte) ([]*exception, error) {
	var list []*exception
	if err := util.Unmarshal(bs, &list); err != nil {
		return nil, err
	}
	for i, e := range list {
		switch {
		case (e.Note == "") == (e.Match == ""):
			return nil, fmt.Errorf("entry %d: want exactly one of note and match", i+1)
		case !slices.Contains(kinds, e.Kind):
			return nil, fmt.Errorf("%v: kind %q is not one of %v", e, e.Kind, kinds)
		case strings.TrimSpace(e.Why) == "":
			return nil, fmt.Errorf("%v: no why: every exception says why irvm differs", e)
		}
		if e.Match != "" {
			re, err := regexp.Compile("^(?:" + e.Match + ")$")
			if err != nil {
				return nil, fmt.Errorf("%v: %w", e, err)
			}
			e.re = re
		}
	}
	return list, nil
}

// loadCorpus reads OPA's v1 cases as cases.Load does, from the copy embedded in OPA.
func loadCorpus(t *testing.T) []cases.TestCase {
	t.Helper()
	var all []cases.TestCase
	err := fs.WalkDir(testdata.V1, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		bs, err := fs.ReadFile(testdata.V1, path)
		if err != nil {
			return err
		}
		var set cases.Set
		if err := util.Unmarshal(bs, &set); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		for i := range set.Cases {
			set.Cases[i].Filename = path
		}
		all = append(all, set.Cases...)
		return nil
	})
	if err != nil {
		t.Fatalf("OPA's conformance corpus: %v", err)
	}
	if len(all) < minCorpus {
		t.Fatalf("OPA's conformance corpus has %d cases, expected at least %d: has it moved?", len(all), minCorpus)
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].Note < all[j].Note })
	return all
}

// registerSleep adds test.sleep, which the corpus's time caching case calls, as OPA's
// Wasm conformance test does.
var registerSleep = sync.OnceFunc(func() {
	rego.RegisterBuiltin1(&rego.Function{
		Name: "test.sleep",
		Decl: types.NewFunction(types.Args(types.S), types.NewNull()),
	}, func(_ rego.BuiltinContext, op *ast.Term) (*ast.Term, error) {
		d, _ := time.ParseDuration(string(op.Value.(ast.String)))
		time.Sleep(d)
		return ast.NullTerm(), nil
	})
})

// caseRun is what one evaluator did with a case.
type caseRun struct {
	prepErr error
	evalErr error
	rs      rego.ResultSet
	// again is the String of a second evaluation of the same prepared query on the same
	// input: what an evaluation leaves behind must not change the next.
	again string
}

func (r caseRun) err() error {
	if r.prepErr != nil {
		return r.prepErr
	}
	return r.evalErr
}

func (r caseRun) String() string {
	switch {
	case r.prepErr != nil:
		return "prepare error: " + r.prepErr.Error()
	case r.evalErr != nil:
		return "error: " + r.evalErr.Error()
	}
	return fmt.Sprintf("%v (%d results)", resultSet(r.rs, false, false), len(r.rs))
}

// caseTimeout bounds one evaluation: a case that runs away is a divergence to see, not a
// hung test.
const caseTimeout = 20 * time.Second

// runCase evaluates a case on topdown and irvm, prepared as the engine prepares them: one
// compiler, one store. The irvm query is evaluated on other input first, as the engine's
// prepared query judges one manifest after another.
func runCase(tc cases.TestCase, strict bool) (td, vm caseRun, err error) {
	popts := ast.ParserOptions{RegoVersion: ast.RegoV1}
	if tc.ExperimentalKeywords {
		popts.Capabilities = ast.CapabilitiesForThisVersion(ast.CapabilitiesExperimentalKeywords(true))
	}
	mods := map[string]*ast.Module{}
	for i, src := range tc.Modules {
		name := fmt.Sprintf("test-%d.rego", i)
		m, err := ast.ParseModuleWithOpts(name, src, popts)
		if err != nil {
			return td, vm, fmt.Errorf("parse: %w", err)
		}
		mods[name] = m
	}
	c := ast.NewCompiler().WithCapabilities(popts.Capabilities)
	if c.Compile(mods); c.Failed() {
		return td, vm, fmt.Errorf("compile: %w", c.Errors)
	}
	data := map[string]any{}
	if tc.Data != nil {
		data = *tc.Data
	}
	store := inmem.NewFromObjectWithOpts(data, inmem.OptRoundTripOnWrite(false), inmem.OptReturnASTValuesOnRead(true))
	var input ast.Value
	switch {
	case tc.InputTerm != nil:
		term, err := ast.ParseTerm(*tc.InputTerm)
		if err != nil {
			return td, vm, fmt.Errorf("input_term: %w", err)
		}
		input = term.Value
	case tc.Input != nil:
		if input, err = ast.InterfaceToValue(*tc.Input); err != nil {
			return td, vm, fmt.Errorf("input: %w", err)
		}
	}
	ctx := context.Background()
	run := func(target string) (r caseRun) {
		defer func() {
			if p := recover(); p != nil {
				r = caseRun{evalErr: fmt.Errorf("panic: %v", p)}
			}
		}()
		body, err := ast.ParseBodyWithOpts(tc.Query, popts)
		if err != nil {
			return caseRun{prepErr: err}
		}
		var q rego.PreparedEvalQuery
		if target == Target {
			q, err = Prepare(ctx, c, store, body, rego.StrictBuiltinErrors(strict))
		} else {
			q, err = rego.New(rego.ParsedQuery(body), rego.Compiler(c), rego.Store(store),
				rego.StrictBuiltinErrors(strict)).PrepareForEval(ctx)
		}
		if err != nil {
			return caseRun{prepErr: err}
		}
		ectx, cancel := context.WithTimeout(ctx, caseTimeout)
		defer cancel()
		var opts []rego.EvalOption
		if input != nil {
			opts = append(opts, rego.EvalParsedInput(input))
		}
		if target == Target {
			// First an evaluation on other input, whose outcome does not matter: only what
			// it may leave behind in the prepared query (pooled state, shared constants).
			other := []rego.EvalOption{rego.EvalParsedInput(ast.MustParseTerm(`{"other": ["input"]}`).Value)}
			if input != nil {
				other = nil
			}
			_, _ = q.Eval(ectx, other...)
		}
		rs, err := q.Eval(ectx, opts...)
		r = caseRun{evalErr: err, rs: rs}
		rs, err = q.Eval(ectx, opts...)
		r.again = caseRun{evalErr: err, rs: rs}.String()
		return r
	}
	// irvm first: topdown must find the compiler as it was before planning.
	vm = run(Target)
	return run("rego"), vm, nil
}

// resultSet is a result set as OPA's own conformance tests compare them: a set of
// binding objects, arrays sorted where the case says so.
func resultSet(rs rego.ResultSet, sortBindings, ignoreGenerated bool) ast.Set {
	out := ast.NewSet()
	for _, r := range rs {
		obj := ast.NewObject()
		for k, v := range r.Bindings {
			if ignoreGenerated && strings.HasPrefix(k, "__localq") {
				continue
			}
			if a, ok := v.([]any); ok && sortBindings {
				a = slices.Clone(a)
				slices.SortFunc(a, util.Compare)
				v = a
			}
			val, err := ast.InterfaceToValue(v)
			if err != nil {
				val = ast.String(fmt.Sprintf("unconvertible %T: %v", v, err))
			}
			obj.Insert(ast.StringTerm(k), ast.NewTerm(val))
		}
		out.Add(ast.NewTerm(obj))
	}
	return out
}

func wantSet(want []map[string]any) ast.Set {
	out := ast.NewSet()
	for _, b := range want {
		obj := ast.NewObject()
		for k, v := range b {
			obj.Insert(ast.StringTerm(k), ast.NewTerm(ast.MustInterfaceToValue(v)))
		}
		out.Add(ast.NewTerm(obj))
	}
	return out
}

// check says how a run falls short of what the case expects, "" when it does not: the
// assertions of OPA's own topdown test (v1/topdown/exported_test.go).
func check(tc cases.TestCase, r caseRun) (kind, msg string) {
	err := r.err()
	if tc.WantError != nil || tc.WantErrorCode != nil {
		switch {
		case err == nil:
			return kindNoError, fmt.Sprintf("want an error, got %v", r)
		case r.prepErr != nil:
			return kindPrepare, r.String()
		case tc.WantError != nil && !strings.Contains(err.Error(), *tc.WantError):
			return kindOtherError, fmt.Sprintf("want an error containing %q, got %v", *tc.WantError, err)
		case tc.WantErrorCode != nil && errorCode(err) != *tc.WantErrorCode:
			return kindOtherError, fmt.Sprintf("want error code %q, got %v", *tc.WantErrorCode, err)
		}
		return "", ""
	}
	switch {
	case r.prepErr != nil:
		return kindPrepare, r.String()
	case r.evalErr != nil:
		return kindError, r.String()
	case tc.WantResult != nil:
		want, got := wantSet(*tc.WantResult), resultSet(r.rs, tc.SortBindings, tc.IgnoreGeneratedVars)
		if want.Compare(got) != 0 {
			return kindWrongResult, fmt.Sprintf("want %v, got %v", want, got)
		}
	case tc.WantDefined != nil:
		if *tc.WantDefined != (len(r.rs) > 0) {
			return kindWrongResult, fmt.Sprintf("want defined=%v, got %v", *tc.WantDefined, r)
		}
	}
	return "", ""
}

func errorCode(err error) string {
	var te *topdown.Error
	if errors.As(err, &te) {
		return te.Code
	}
	return ""
}

// compare is how irvm diverges from topdown, "" when it does not. Errors must agree in
// kind (the code of a topdown.Error, which is what a case can ask for), not in wording.
func compare(tc cases.TestCase, td, vm caseRun) (kind, msg string) {
	switch tderr, vmerr := td.err(), vm.err(); {
	case tderr != nil && vmerr == nil:
		return kindNoError, fmt.Sprintf("topdown fails (%v), irvm returns %v", tderr, vm)
	case tderr == nil && vm.prepErr != nil:
		return kindPrepare, vm.String()
	case tderr == nil && vmerr != nil:
		return kindError, vm.String()
	case tderr != nil:
		if errorCode(tderr) != errorCode(vmerr) {
			return kindOtherError, fmt.Sprintf("topdown %v, irvm %v", tderr, vmerr)
		}
		return "", ""
	}
	w := resultSet(td.rs, tc.SortBindings, tc.IgnoreGeneratedVars)
	g := resultSet(vm.rs, tc.SortBindings, tc.IgnoreGeneratedVars)
	switch {
	case w.Compare(g) != 0:
		return kindWrongResult, fmt.Sprintf("topdown %v, irvm %v", w, g)
	case len(td.rs) != len(vm.rs):
		return kindDuplicates, fmt.Sprintf("topdown %d results, irvm %d", len(td.rs), len(vm.rs))
	}
	return "", ""
}

// stable says how irvm's second evaluation differs from its first where topdown's does
// not (a case with a non-deterministic builtin may differ on both).
func stable(td, vm caseRun) (kind, msg string) {
	if td.again == td.String() && vm.again != vm.String() {
		return kindUnstable, fmt.Sprintf("first %v, then %s", vm, vm.again)
	}
	return "", ""
}

// caseRef names one run of one case: its index in the corpus, its note, and whether it
// ran with strict builtin errors where the case does not ask for them.
type caseRef struct {
	index  int
	note   string
	strict bool
}

type verdict struct{ kind, msg string }

// reconcile holds the runs against the exceptions: a divergence no exception names, one
// of another kind than its exception says, and an exception that names no run, or a run
// that no longer diverges, are each a problem. Runs left out (by -run) prove nothing.
func reconcile(exceptions []*exception, runs []caseRef, ran map[caseRef]bool, diverged map[caseRef]verdict) []string {
	var problems []string
	hits := map[*exception]int{}
	for _, r := range runs {
		var known *exception
		for _, e := range exceptions {
			if e.matches(r) {
				known = e
				break
			}
		}
		if known != nil {
			hits[known]++
		}
		if !ran[r] {
			continue
		}
		mode := "as written"
		if r.strict {
			mode = "with strict builtin errors"
		}
		d, ok := diverged[r]
		switch {
		case ok && known == nil:
			problems = append(problems, fmt.Sprintf("%q (%s): irvm diverges (%s) and no exception names it: %s", r.note, mode, d.kind, d.msg))
		case ok && known.Kind != d.kind:
			problems = append(problems, fmt.Sprintf("%q (%s): irvm diverges as %s, but exception %v says %s: %s", r.note, mode, d.kind, known, known.Kind, d.msg))
		case !ok && known != nil:
			problems = append(problems, fmt.Sprintf("%q (%s): no longer diverges: take it out of exception %v", r.note, mode, known))
		}
	}
	for _, e := range exceptions {
		if hits[e] == 0 {
			problems = append(problems, fmt.Sprintf("exception %v names no case of the corpus: remove it", e))
		}
	}
	return problems
}

func TestConformance(t *testing.T) {
	Register()
	registerSleep()
	corpus := loadCorpus(t)
	bs, err := os.ReadFile(exceptionsFile)
	if err != nil {
		t.Fatal(err)
	}
	exceptions, err := parseExceptions(bs)
	if err != nil {
		t.Fatalf("%s: %v", exceptionsFile, err)
	}

	var runs []caseRef
	for i, tc := range corpus {
		runs = append(runs, caseRef{i, tc.Note, false})
		if !tc.StrictError {
			runs = append(runs, caseRef{i, tc.Note, true})
		}
	}
	var mu sync.Mutex
	ran := map[caseRef]bool{}
	diverged := map[caseRef]verdict{}
	t.Run("cases", func(t *testing.T) {
		for i, tc := range corpus {
			t.Run(tc.Note, func(t *testing.T) {
				if len(tc.Env) == 0 {
					t.Parallel()
				}
				for k, v := range tc.Env {
					t.Setenv(k, v)
				}
				// As written: the case says what is right, and OPA's own test holds
				// topdown to it; a topdown miss is a fault of this harness.
				td, vm, err := runCase(tc, tc.StrictError)
				if err != nil {
					t.Fatalf("%s: %v", tc.Filename, err)
				}
				if kind, msg := check(tc, td); kind != "" {
					t.Fatalf("%s: topdown does not meet the case (%s): %s", tc.Filename, kind, msg)
				}
				kind, msg := check(tc, vm)
				if kind == "" {
					kind, msg = compare(tc, td, vm)
				}
				if kind == "" {
					kind, msg = stable(td, vm)
				}
				mu.Lock()
				r := caseRef{i, tc.Note, false}
				ran[r] = true
				if kind != "" {
					diverged[r] = verdict{kind, msg + "\n\ttopdown: " + td.String() + "\n\tirvm:    " + vm.String()}
				}
				mu.Unlock()
				if tc.StrictError {
					return
				}
				// With strict builtin errors, as the engine evaluates: topdown is the
				// expectation.
				td, vm, err = runCase(tc, true)
				if err != nil {
					t.Fatalf("%s: %v", tc.Filename, err)
				}
				kind, msg = compare(tc, td, vm)
				if kind == "" {
					kind, msg = stable(td, vm)
				}
				mu.Lock()
				r = caseRef{i, tc.Note, true}
				ran[r] = true
				if kind != "" {
					diverged[r] = verdict{kind, msg + "\n\ttopdown: " + td.String() + "\n\tirvm:    " + vm.String()}
				}
				mu.Unlock()
			})
		}
	})
	for _, p := range reconcile(exceptions, runs, ran, diverged) {
		t.Errorf("%s: %s", exceptionsFile, p)
	}
	t.Logf("%d cases in the corpus, %d runs of %d: %d diverge from topdown or the case",
		len(corpus), len(ran), len(runs), len(diverged))
}

// TestConformanceExceptions holds the bookkeeping of the exceptions to its word, on made
// up runs: otherwise a broken reconcile would pass every corpus.
func TestConformanceExceptions(t *testing.T) {
	exceptions, err := parseExceptions([]byte(`
- note: planned away
  kind: prepare
  why: the planner refuses it
- match: "dup/.*"
  kind: duplicates
  why: a set
- note: strict only
  strict: true
  kind: error
  why: extra builtin call
- note: fixed since
  kind: wrong-result
  why: was wrong
- note: not in the corpus
  kind: error
  why: gone
`))
	if err != nil {
		t.Fatal(err)
	}
	runs := []caseRef{
		{0, "planned away", false}, {1, "dup/a", false}, {2, "dup/b", false},
		{3, "strict only", false}, {3, "strict only", true}, {4, "fixed since", false},
		{5, "unnamed", false}, {6, "wrong kind", false}, {7, "left out by -run", false},
		{8, "dup/c", false}, {1, "dup/a", true},
	}
	ran := map[caseRef]bool{}
	for _, r := range runs {
		ran[r] = r.note != "left out by -run"
	}
	diverged := map[caseRef]verdict{
		runs[0]:  {kindPrepare, ""},
		runs[1]:  {kindDuplicates, ""},
		runs[2]:  {kindDuplicates, ""},
		runs[4]:  {kindError, ""},
		runs[6]:  {kindError, "unnamed"},
		runs[9]:  {kindWrongResult, "a pattern does not excuse another kind"},
		runs[10]: {kindDuplicates, "the strict run needs an exception of its own"},
	}
	got := reconcile(exceptions, runs, ran, diverged)
	want := []string{
		`"fixed since" (as written): no longer diverges`,
		`"unnamed" (as written): irvm diverges (error) and no exception names it`,
		`"dup/c" (as written): irvm diverges as wrong-result, but exception match dup/.* says duplicates`,
		`"dup/a" (with strict builtin errors): irvm diverges (duplicates) and no exception names it`,
		`exception note not in the corpus names no case of the corpus`,
	}
	if len(got) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("problem %d: got %q, want it to start with %q", i, got[i], want[i])
		}
	}

	for _, bad := range []string{
		`[{note: a, match: b, kind: error, why: x}]`,
		`[{kind: error, why: x}]`,
		`[{note: a, kind: slow, why: x}]`,
		`[{note: a, kind: error, why: "  "}]`,
		`[{match: "(", kind: error, why: x}]`,
	} {
		if _, err := parseExceptions([]byte(bad)); err == nil {
			t.Errorf("%s: accepted", bad)
		}
	}
}
