// Package engine compiles the Rego control bundle once and judges manifests with it: it
// loads the built-in and custom policies, checks every control's metadata, sandboxes the
// builtins (no network, clock or randomness), prepares one query over all controls and
// evaluates documents concurrently. It turns Rego output into the audit model and knows
// nothing about files on disk, terminals or report formats.
package engine

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/resilcheck/resilcheck/internal/audit"
	"github.com/resilcheck/resilcheck/internal/irvm"
	"github.com/resilcheck/resilcheck/internal/parallel"
)

// DefaultTimeout bounds the evaluation of one document.
const DefaultTimeout = 10 * time.Second

// Options configure an engine. The run context (as-of date, simulated failures, parameter
// overrides) is fixed per engine because it lives in the store the query is prepared on.
type Options struct {
	// Policies are the Rego sources, usually Builtin() followed by --policy directories.
	Policies []PolicySource
	// AsOf is the audit date, YYYY-MM-DD.
	AsOf string
	// Fail lists failure-domain ids the site-loss simulation takes down (simulate only).
	Fail []string
	// SiteLossOnly evaluates the site-loss analysis alone, not the controls or the scope
	// decisions: what simulate prints. An outcome then has no results unless the analysis
	// could not finish, when every control carries the reason as an error (as a timed-out
	// full evaluation would), so the caller can tell "not finished" from "no analysis".
	SiteLossOnly bool
	// Data are --data files of parameter overrides.
	Data []DataFile
	// Timeout bounds the evaluation of one document of up to ItemsPerTimeout services,
	// datacenters and incidents, and grows by itself for each started ItemsPerTimeout more;
	// zero means DefaultTimeout.
	Timeout time.Duration
	// Workers is the number of documents evaluated at once; zero means GOMAXPROCS.
	Workers int
	// Evaluator picks what runs the query: EvaluatorAuto (the default), EvaluatorTopdown
	// or EvaluatorIRVM.
	Evaluator Evaluator
	// WhileCompiling, if set, is started on its own goroutine when the bundle starts to
	// compile: parsing uses every core, compiling only one, so work the caller has that
	// does not need the engine (reading and validating the inputs) runs best then. On the
	// prebuilt path it starts as the stored plan starts to load, which is the same
	// moment's counterpart. It is never called when New fails before compiling; New does
	// not wait for it.
	WhileCompiling func()

	// verifyAll runs every compiler check even without custom policies (tests compare the
	// two compilations).
	verifyAll bool
	// compileBuiltin compiles the built-in bundle rather than use its prebuilt files (tests
	// compare the two).
	compileBuiltin bool
}

// Evaluator names what evaluates the prepared query.
type Evaluator string

const (
	// EvaluatorAuto uses irvm for batches of at least VMBatchMin documents, where planning
	// the bundle once pays for itself, and for every run of the prebuilt built-in bundle,
	// whose plan costs nothing to make; topdown otherwise.
	EvaluatorAuto Evaluator = "auto"
	// EvaluatorTopdown is OPA's own evaluator: the reference, and what `opa eval` runs.
	EvaluatorTopdown Evaluator = "topdown"
	// EvaluatorIRVM plans the bundle to OPA's intermediate representation and runs it with
	// internal/irvm: the same answers (the differential tests hold it to topdown's), several
	// times faster per document, for a one-off planning cost.
	EvaluatorIRVM Evaluator = "irvm"
)

// Evaluators lists the accepted Evaluator values, for flags and their help.
func Evaluators() []Evaluator { return []Evaluator{EvaluatorAuto, EvaluatorTopdown, EvaluatorIRVM} }

// VMBatchMin is the batch size from which EvaluatorAuto switches to irvm. Planning the
// bundle costs 26-36 ms once; irvm then saves about 6 ms of CPU per Kakao-sized manifest and
// 1.6 ms per small one, spread over every core. From 16 documents a batch of realistic
// manifests wins it back; below, a handful of small ones would lose.
const VMBatchMin = 16

// Engine is a compiled bundle with a prepared query. It is safe for concurrent use.
type Engine struct {
	// compiler is the compiled bundle; read it through bundle(). On the prebuilt path
	// (prebuilt != nil) it is compiled from sources on first need.
	compiler    *ast.Compiler
	compileOnce sync.Once
	compileErr  error
	sources     []PolicySource
	prebuilt    *prebuilt

	store    storage.Store
	controls []*controlInfo
	digest   string
	timeout  time.Duration
	workers  int
	asOf     string
	// siteLossOnly: the query is sitelossQuery (see Options.SiteLossOnly).
	siteLossOnly bool

	// query is the main query on topdown: prepared by New on the compile path, on first
	// need (through lazy) on the prebuilt path.
	query *rego.PreparedEvalQuery
	// queryText is the main query's text, made on first need on the prebuilt path, where
	// a run that judges from the stored plan never needs it.
	queryText func() string

	evaluator Evaluator
	// vm is the main query prepared for irvm on first need (nil when preparing failed:
	// topdown then judges everything, with the same answers); guarded by lazyMu.
	vm       evalFunc
	vmTried  bool
	vmReason string // why vm is nil after a try, for tests and debugging
	// vmLoad prepares the stored plan, on the prebuilt path; New starts it.
	vmLoad func() (evalFunc, error)
	// vmFallbacks counts documents irvm could not judge cleanly and topdown judged
	// instead; the tests hold it at zero on every bundled manifest.
	vmFallbacks atomic.Int64
	// expected is how many documents the run judges in all (Expect), 0 when not told.
	expected atomic.Int64

	// lazy holds the fallback queries (one per control, and the extras), prepared on first
	// need, keyed by their query text.
	lazyMu sync.Mutex
	lazy   map[string]*rego.PreparedEvalQuery
}

// evalFunc evaluates the main query on one input.
type evalFunc func(ctx context.Context, input ast.Value) (rego.ResultSet, error)

// New loads, checks and compiles the bundle and prepares the evaluation query. Errors are
// *BundleError (the policies are unusable) or *DataError (a --data file is).
//
// The unchanged built-in bundle, without custom policies, is not parsed or compiled: its
// prebuilt metadata and irvm plan (see PrebuiltDir) stand in for it, unless the evaluator
// is topdown.
func New(ctx context.Context, opts Options) (*Engine, error) {
	if _, err := time.Parse("2006-01-02", opts.AsOf); err != nil {
		return nil, fmt.Errorf("as-of date %q is not a YYYY-MM-DD date", opts.AsOf)
	}
	if opts.Evaluator != "" && !slices.Contains(Evaluators(), opts.Evaluator) {
		return nil, fmt.Errorf("unknown evaluator %q (want one of auto, topdown, irvm)", opts.Evaluator)
	}
	if mayUsePrebuilt(opts) && onlyBuiltin(opts) {
		// Decoding the stored plan needs nothing of what follows, which takes a one-manifest
		// run several milliseconds before it could start otherwise.
		go func() { _, _ = storedPlanFor(opts.SiteLossOnly)() }()
	}
	overrides, err := parseData(opts.Data)
	if err != nil {
		return nil, err
	}
	if mayUsePrebuilt(opts) {
		// The files are hashed, not read: only compiling needs their contents.
		list, err := listSources(opts.Policies, false)
		if err != nil {
			return nil, err
		}
		if !slices.ContainsFunc(list, func(f sourceFile) bool { return f.Custom }) {
			if pb := loadPrebuilt(list); pb != nil {
				return newPrebuilt(ctx, opts, overrides, list, pb)
			}
		}
	}
	files, err := readSources(opts.Policies, false)
	if err != nil {
		return nil, err
	}
	custom := map[string]bool{}
	var evalFiles []File
	for _, f := range files {
		if f.Custom {
			custom[f.Name] = true
		}
		if !f.Test {
			evalFiles = append(evalFiles, f)
		}
	}
	mods, probs := parseFiles(evalFiles)
	if len(probs) > 0 {
		return nil, &BundleError{Problems: probs}
	}
	if probs := lockBuiltins(mods, custom); len(probs) > 0 {
		return nil, &BundleError{Problems: probs}
	}
	controls, probs := collectControls(mods, custom)
	if len(probs) > 0 {
		return nil, &BundleError{Problems: probs}
	}
	// Compiling takes one core for most of the build: what does not need the compiled
	// bundle (the store, the digest, parsing the query) is done on another meanwhile.
	aside := make(chan besideCompile, 1)
	go func() { aside <- buildBesideCompile(opts, overrides.values, files, controls) }()
	if opts.WhileCompiling != nil {
		go opts.WhileCompiling()
	}
	// Sources that are not custom are the built-in bundle (or, in tests, slices of it).
	compiler, err := compile(mods, len(custom) > 0 || opts.verifyAll)
	if err != nil {
		return nil, err
	}
	side := <-aside

	e := assemble(opts, side.store, controls, side.digest, func() string { return side.queryText })
	e.compiler = compiler
	if err := e.checkOverrides(ctx, overrides); err != nil {
		return nil, err
	}
	if side.queryErr != nil {
		return nil, &BundleError{Problems: []Problem{{Message: "prepare query: " + side.queryErr.Error()}}}
	}
	q, err := e.prepareParsed(ctx, side.query)
	if err != nil {
		return nil, &BundleError{Problems: []Problem{{Message: "prepare query: " + err.Error()}}}
	}
	e.query = &q
	return e, nil
}

func assemble(opts Options, store storage.Store, controls []*controlInfo, digest string, queryText func() string) *Engine {
	e := &Engine{
		store:     store,
		controls:  controls,
		digest:    digest,
		timeout:   opts.Timeout,
		workers:   opts.Workers,
		asOf:      opts.AsOf,
		lazy:      map[string]*rego.PreparedEvalQuery{},
		queryText: queryText,
		evaluator: opts.Evaluator,

		siteLossOnly: opts.SiteLossOnly,
	}
	if e.evaluator == "" {
		e.evaluator = EvaluatorAuto
	}
	if e.timeout <= 0 {
		e.timeout = DefaultTimeout
	}
	if e.workers <= 0 {
		e.workers = runtime.GOMAXPROCS(0)
	}
	return e
}

// newPrebuilt is New for the unchanged built-in bundle: the catalogue and parameter types
// come from the prebuilt metadata, and the stored plan is prepared in the background while
// the caller loads its inputs (WhileCompiling, started at once).
func newPrebuilt(ctx context.Context, opts Options, overrides overrideSet, evalFiles []sourceFile, pb *prebuilt) (*Engine, error) {
	controls, err := prebuiltControls(pb)
	if err != nil {
		return nil, &BundleError{Problems: []Problem{{Message: err.Error()}}}
	}
	if opts.WhileCompiling != nil {
		go opts.WhileCompiling()
	}
	d := pb.Policies
	if len(opts.Data) > 0 {
		if d, err = sourceDigest(evalFiles, opts.Data); err != nil {
			return nil, &BundleError{Problems: []Problem{{Message: "read policies: " + err.Error()}}}
		}
	}
	e := assemble(opts, newStore(opts, overrides.values), controls, d,
		sync.OnceValue(func() string { return queryFor(opts, controls) }))
	e.sources, e.prebuilt = opts.Policies, pb
	if err := e.checkOverrides(ctx, overrides); err != nil {
		return nil, err
	}
	// Its own context: the result is kept for every later caller.
	e.vmLoad = sync.OnceValues(func() (evalFunc, error) { return e.prebuiltQuery(context.Background()) })
	go func() { _, _ = e.vmLoad() }()
	return e, nil
}

// bundle returns the compiled bundle, compiling it on the first call on the prebuilt path.
// The prebuilt metadata was read from this same bundle compiled with every check, so only
// parsing and compiling are left.
func (e *Engine) bundle() (*ast.Compiler, error) {
	e.compileOnce.Do(func() {
		if e.compiler != nil {
			return
		}
		files, err := readSources(e.sources, false)
		if err != nil {
			e.compileErr = err
			return
		}
		mods, probs := parseFiles(files)
		if len(probs) > 0 {
			e.compileErr = &BundleError{Problems: probs}
			return
		}
		e.compiler, e.compileErr = compile(mods, false)
	})
	return e.compiler, e.compileErr
}

// besideCompile is the part of an engine that does not depend on the compiled bundle.
type besideCompile struct {
	store     storage.Store
	digest    string
	queryText string
	query     ast.Body
	queryErr  error
}

func buildBesideCompile(opts Options, overrides map[string]any, files []File, controls []*controlInfo) besideCompile {
	b := besideCompile{
		store:  newStore(opts, overrides),
		digest: digest(files, opts.Data),
	}
	b.queryText = queryFor(opts, controls)
	b.query, b.queryErr = parseQuery(b.queryText)
	return b
}

// newStore holds the base data: the run context and the overrides.
func newStore(opts Options, overrides map[string]any) storage.Store {
	fail := make([]any, 0, len(opts.Fail))
	for _, f := range opts.Fail {
		fail = append(fail, f)
	}
	return inmem.NewFromObjectWithOpts(map[string]any{
		"resilcheck": map[string]any{
			"run":       map[string]any{"as_of": opts.AsOf, "fail": fail},
			"overrides": overrides,
		},
	}, inmem.OptRoundTripOnWrite(false), inmem.OptReturnASTValuesOnRead(true))
}

// verificationStages are the compiler stages that only look for mistakes (type errors,
// unused imports, recursion, builtins outside the sandbox, ...) and change nothing that is
// evaluated. The built-in bundle is embedded in the binary and cannot change after the
// build, and these checks are properties of its source text: the test suite
// (TestBuiltinBundlePassesEveryCheck) and CI's `opa check --strict` prove them once, so a run
// without custom policies skips them instead of re-proving them on every start, which is
// about a quarter of the compile time. Custom policies always get every check.
var verificationStages = []ast.StageID{
	ast.StageCheckUnusedImports,
	ast.StageCheckKeywordOverrides,
	ast.StageCheckDuplicateImports,
	ast.StageCheckVoidCalls,
	ast.StageCheckRuleConflicts,
	ast.StageCheckUndefinedFuncs,
	ast.StageCheckSafetyRuleHeads,
	ast.StageCheckRecursion,
	ast.StageCheckTypes,
	ast.StageCheckUnsafeBuiltins,
	ast.StageCheckDeprecatedBuiltins,
	ast.StageBuildRequiredCapabilities,
}

// compile compiles the modules against the sandboxed capabilities. With verify it runs
// every stage in strict mode; without, it skips the verification stages (see
// verificationStages), which only the unchanged built-in bundle may do.
func compile(mods map[string]*ast.Module, verify bool) (*ast.Compiler, error) {
	c := ast.NewCompiler().
		WithStrict(verify).
		WithCapabilities(sandboxCapabilities()).
		WithEnablePrintStatements(false)
	if !verify {
		c = c.WithSkipStages(verificationStages...)
	}
	c.Compile(mods)
	if !c.Failed() {
		return c, nil
	}
	var probs []Problem
	for _, e := range c.Errors {
		p := Problem{Message: explainSandbox(e.Message)}
		if e.Location != nil {
			p.File, p.Line = e.Location.File, e.Location.Row
		}
		probs = append(probs, p)
	}
	sort.SliceStable(probs, func(i, j int) bool {
		if probs[i].File != probs[j].File {
			return probs[i].File < probs[j].File
		}
		return probs[i].Line < probs[j].Line
	})
	return nil, &BundleError{Problems: probs}
}

func parseQuery(body string) (ast.Body, error) {
	return ast.ParseBodyWithOpts(body, ast.ParserOptions{RegoVersion: ast.RegoV1})
}

func (e *Engine) prepare(ctx context.Context, body string) (rego.PreparedEvalQuery, error) {
	q, err := parseQuery(body)
	if err != nil {
		return rego.PreparedEvalQuery{}, err
	}
	return e.prepareParsed(ctx, q)
}

// prepareParsed compiles only the query: the compiler is already compiled and the store
// holds all the data, so nothing of the bundle is loaded or compiled again.
func (e *Engine) prepareParsed(ctx context.Context, q ast.Body) (rego.PreparedEvalQuery, error) {
	c, err := e.bundle()
	if err != nil {
		return rego.PreparedEvalQuery{}, err
	}
	return rego.New(
		rego.ParsedQuery(q),
		rego.Compiler(c),
		rego.Store(e.store),
		rego.StrictBuiltinErrors(true),
	).PrepareForEval(ctx)
}

// controlTerm is the query fragment judging one control: the values of its `applies` rule;
// only where it applies, its violations and its notes (what it did not judge or read by
// interpretation, shown beside a verdict); and only where it does not, its `reason` (a duty
// not in force, a party not bound). Comprehensions keep the tuple defined when a rule is
// undefined for a document. Each comprehension tests `applies` itself instead of closing over
// the first one's result: the evaluator caches the rule's value, and a closure-free term is
// what keeps the query cheap to compile.
func controlTerm(c *controlInfo) string {
	return fmt.Sprintf("[[x | x := %[1]s.applies], [x | %[1]s.applies == true; some x in %[1]s.violations], [x | not %[1]s.applies == true; x := %[1]s.reason], [x | %[1]s.applies == true; some x in %[1]s.notes]]",
		c.ref)
}

const extrasQuery = "scopes := [x | x := data.resilcheck.lib.scope.decisions]; " + sitelossQuery

// sitelossQuery is the site-loss analysis alone (Options.SiteLossOnly).
const sitelossQuery = "siteloss := [x | x := data.resilcheck.lib.siteloss.report]"

// queryFor is the query an engine of opts evaluates: the main query, or the site-loss
// analysis alone.
func queryFor(opts Options, controls []*controlInfo) string {
	if opts.SiteLossOnly {
		return sitelossQuery
	}
	return mainQuery(controls)
}

// mainQuery judges every control, and computes the scope decisions and site-loss analysis,
// in one evaluation so shared helpers (scope tests, parameters) are computed once per
// document. main.rego is deliberately not part of it: it is the entry point for plain OPA.
//
// The controls are one array-valued expression rather than an expression (and a variable)
// per control: the query compiler's safety reordering is quadratic in the number of
// expressions of a body, and with one expression preparing the query takes less than half
// the time it did, at no cost to evaluation.
func mainQuery(controls []*controlInfo) string {
	parts := make([]string, len(controls))
	for i, c := range controls {
		parts[i] = controlTerm(c)
	}
	return "controls := [" + strings.Join(parts, ", ") + "]; " + extrasQuery
}

// oneControlQuery is mainQuery for one control, without the extras.
func oneControlQuery(c *controlInfo) string { return "controls := [" + controlTerm(c) + "]" }

// controlBinding is one control's [applies, violations, reason, notes] values.
type controlBinding [4]any

// controlBindings splits the "controls" binding into each control's values. It reports false
// unless there is exactly one tuple of four per control, so a result of an unexpected shape
// can never pass for "not applicable".
func controlBindings(v any, n int) ([]controlBinding, bool) {
	list, ok := v.([]any)
	if !ok || len(list) != n {
		return nil, false
	}
	out := make([]controlBinding, n)
	for i, x := range list {
		t, ok := x.([]any)
		if !ok || len(t) != len(controlBinding{}) {
			return nil, false
		}
		copy(out[i][:], t)
	}
	return out, true
}

// Controls is the catalogue, sorted by id.
func (e *Engine) Controls() []audit.Control {
	out := make([]audit.Control, len(e.controls))
	for i, c := range e.controls {
		out[i] = c.Control
	}
	return out
}

// Digest identifies the policy and data files that judge the inputs.
func (e *Engine) Digest() string { return e.digest }

// Document is one manifest to judge.
type Document struct {
	// Name is what results are keyed by (the manifest's metadata.name).
	Name string
	// Value is the decoded document: map[string]any, []any, string, json.Number, bool, nil.
	Value any
	// Pos maps a JSON pointer to where it lands in the source file.
	Pos func(pointer string) audit.Position
}

// Outcome is what the engine found for one document.
type Outcome struct {
	Results  []audit.Result // one per control, in control-id order
	Scopes   []audit.Scope  // sorted by id
	SiteLoss *audit.SiteLoss
}

// Expect tells the engine how many documents the run will judge over all its Evaluate
// calls, so that EvaluatorAuto chooses for the run rather than for each batch: a sweep
// judged a window at a time would otherwise judge its small first and last windows on
// topdown.
func (e *Engine) Expect(n int) { e.expected.Store(int64(n)) }

// Evaluate judges the documents on a bounded worker pool; outcomes are in input order, so
// the caller's sort is the only ordering that matters.
func (e *Engine) Evaluate(ctx context.Context, docs []Document) []Outcome {
	var vm evalFunc
	batch := max(int64(len(docs)), e.expected.Load())
	if e.evaluator == EvaluatorIRVM || (e.evaluator == EvaluatorAuto && (batch >= VMBatchMin || e.prebuilt != nil)) {
		vm = e.vmQuery(ctx)
	}
	out := make([]Outcome, len(docs))
	parallel.For(len(docs), e.workers, func(i int) { out[i] = e.evaluateOne(ctx, &docs[i], vm) })
	return out
}

// EvaluateOne judges a single document (with irvm when the engine was told to use it, or
// when the plan is prebuilt and costs nothing to prepare).
func (e *Engine) EvaluateOne(ctx context.Context, doc Document) Outcome {
	var vm evalFunc
	if e.evaluator == EvaluatorIRVM || (e.evaluator == EvaluatorAuto && e.prebuilt != nil) {
		vm = e.vmQuery(ctx)
	}
	return e.evaluateOne(ctx, &doc, vm)
}

// evaluateOne judges a document with the one main query: on irvm when vm is set, else on
// topdown. Anything but a clean result from irvm (an error, a result of an unexpected
// shape) is judged again by topdown, so a document's verdicts and error reasons are always
// topdown's when the two could differ. When the main query fails or runs out of time, each
// control is judged on its own (evaluateSeparately), so one broken or slow control is the
// only `error` and the others keep their verdicts, on either evaluator.
func (e *Engine) evaluateOne(ctx context.Context, doc *Document, vm evalFunc) (out Outcome) {
	// The loader and the validator turn a panic on one document into a problem on it; so
	// does evaluation, so one document that trips a bug cannot take a batch down.
	defer func() {
		if r := recover(); r != nil {
			out = e.allErrors(doc, fmt.Sprintf("internal error while evaluating (please report it): %v", r))
		}
	}()

	input, err := ast.InterfaceToValue(doc.Value)
	if err != nil {
		return e.allErrors(doc, "input cannot be converted for evaluation: "+err.Error())
	}
	limit := e.limitFor(doc)
	// The main query has limit.d on whichever evaluators it takes; compiling the bundle
	// for topdown on first need (the prebuilt path) is not the document's time.
	left := limit.d
	timedOut := false
	if vm != nil {
		vmCtx, cancel := context.WithTimeout(ctx, left)
		start := time.Now()
		rs, err := bounded(vmCtx, func(ctx context.Context) (rego.ResultSet, error) { return vm(ctx, input) })
		left -= time.Since(start)
		if err == nil {
			if out, ok := e.outcome(doc, rs); ok {
				cancel()
				return out
			}
		}
		timedOut = vmCtx.Err() != nil
		cancel()
		if !timedOut {
			e.vmFallbacks.Add(1)
		}
	}
	if !timedOut {
		if q, err := e.mainTopdown(ctx); err == nil {
			tdCtx, cancel := context.WithTimeout(ctx, left)
			rs, err := bounded(tdCtx, func(ctx context.Context) (rego.ResultSet, error) {
				return q.Eval(ctx, rego.EvalParsedInput(input))
			})
			cancel()
			if err == nil {
				if out, ok := e.outcome(doc, rs); ok {
					return out
				}
			}
		}
	}
	if ctx.Err() != nil {
		return e.allErrors(doc, limit.reason(ctx.Err()))
	}
	if e.siteLossOnly {
		return e.siteLossAgain(ctx, doc, input, limit)
	}
	return e.evaluateSeparately(ctx, doc, input, limit)
}

// mainTopdown is the main query on topdown, prepared on first need on the prebuilt path.
func (e *Engine) mainTopdown(ctx context.Context) (*rego.PreparedEvalQuery, error) {
	if e.query != nil {
		return e.query, nil
	}
	return e.lazyQuery(ctx, e.queryText())
}

// bounded runs one evaluation and returns when it ends or when ctx is done, whichever comes
// first. Topdown and irvm stop soon after ctx is done, between expressions, but a builtin
// that never looks at the context (OPA's graph.reachable_paths, a custom function) runs to
// its end; bounded leaves it to finish in the background, so --timeout holds in wall time
// on both evaluators and a result that arrives late is never used. A panic in the
// evaluation is an error here, since it happens on another goroutine.
func bounded(ctx context.Context, eval func(context.Context) (rego.ResultSet, error)) (rego.ResultSet, error) {
	type answer struct {
		rs  rego.ResultSet
		err error
	}
	done := make(chan answer, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- answer{err: fmt.Errorf("internal error while evaluating (please report it): %v", r)}
			}
		}()
		rs, err := eval(ctx)
		done <- answer{rs, err}
	}()
	select {
	case a := <-done:
		if a.err == nil && ctx.Err() != nil {
			// Finished at the deadline: a verdict must not depend on which of the two the
			// scheduler saw first.
			return nil, ctx.Err()
		}
		return a.rs, a.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// outcome reads the main query's result; ok is false when it does not have the expected
// shape (exactly one result, one [applies, violations, reason, notes] tuple per control, the scope
// decisions and the site-loss report each an array of at most one value).
func (e *Engine) outcome(doc *Document, rs rego.ResultSet) (Outcome, bool) {
	if len(rs) != 1 {
		return Outcome{}, false
	}
	b := rs[0].Bindings
	if e.siteLossOnly {
		if !atMostOne(b["siteloss"]) {
			return Outcome{}, false
		}
		return Outcome{SiteLoss: convertSiteLoss(b["siteloss"])}, true
	}
	pairs, ok := controlBindings(b["controls"], len(e.controls))
	if !ok || !atMostOne(b["scopes"]) || !atMostOne(b["siteloss"]) {
		return Outcome{}, false
	}
	out := Outcome{Results: make([]audit.Result, len(e.controls))}
	for i, av := range pairs {
		out.Results[i] = e.result(doc, e.controls[i], av)
	}
	out.Scopes = convertScopes(b["scopes"])
	out.SiteLoss = convertSiteLoss(b["siteloss"])
	e.noteStandInWindows(&out)
	return out, true
}

// atMostOne reports whether v is the binding of an `[x | x := ...]` comprehension: an
// array of zero or one values.
func atMostOne(v any) bool {
	list, ok := v.([]any)
	return ok && len(list) <= 1
}

// vmQuery prepares the main query for irvm, once: from the stored plan on the prebuilt
// path, else by planning it on the compiled bundle. Planning needs the compiled bundle and
// the store's base data; it runs under lazyMu because rego switches the shared compiler to
// IR mode while it compiles the query, and the topdown fallback queries, prepared under the
// same lock, must see it switched back.
func (e *Engine) vmQuery(ctx context.Context) evalFunc {
	e.lazyMu.Lock()
	defer e.lazyMu.Unlock()
	if e.vmTried {
		return e.vm
	}
	var q evalFunc
	var err error
	if e.vmLoad != nil {
		q, err = e.vmLoad()
	} else {
		q, err = e.prepareVM(ctx)
	}
	if err != nil {
		e.vmReason = err.Error()
		// A cancelled caller says nothing about irvm: let the next batch try again.
		e.vmTried = e.vmLoad != nil || ctx.Err() == nil
		return nil
	}
	e.vmTried = true
	e.vm = q
	return e.vm
}

// irvmOptions are the rego options the main query is planned and prepared with for irvm,
// here and by GeneratePrebuilt: strict builtin errors as on topdown, and the sandbox's
// capabilities for the builtins that consult them (topdown hands them the compiler's).
func irvmOptions(c *ast.Compiler) []func(*rego.Rego) {
	return []func(*rego.Rego){rego.StrictBuiltinErrors(true), rego.Capabilities(c.Capabilities())}
}

// prepareVM plans the main query for irvm on the engine's compiler: irvm.Prepare leaves it
// as topdown needs it, and lazyMu, held by vmQuery, keeps other query compiles out
// meanwhile. A panic in OPA's planner or in irvm's compilation is an error: topdown then
// judges everything.
func (e *Engine) prepareVM(ctx context.Context) (evalFunc, error) {
	c, err := e.bundle()
	if err != nil {
		return nil, err
	}
	body, err := parseQuery(e.queryText())
	if err != nil {
		return nil, err
	}
	q, err := irvm.Prepare(ctx, c, e.store, body, irvmOptions(c)...)
	if err != nil {
		return nil, err
	}
	return func(ctx context.Context, input ast.Value) (rego.ResultSet, error) {
		return q.Eval(ctx, rego.EvalParsedInput(input))
	}, nil
}

// A limit is the wall time one document may take, and how it was set.
type limit struct {
	d     time.Duration
	scale int // how many times --timeout: one per started ItemsPerTimeout items
	items int
}

// ItemsPerTimeout is how many services, datacenters and incidents one --timeout covers: a
// provider with 10,000 services is honest, and its site-loss analysis alone takes longer
// than a small provider's whole audit, so the limit grows with what there is to judge.
const ItemsPerTimeout = 1000

// limitFor is --timeout for every started ItemsPerTimeout items of the document.
func (e *Engine) limitFor(doc *Document) limit {
	items := 0
	if m, ok := doc.Value.(map[string]any); ok {
		for _, k := range []string{"services", "datacenters", "incidents"} {
			if list, ok := m[k].([]any); ok {
				items += len(list)
			}
		}
	}
	scale := max(1, (items+ItemsPerTimeout-1)/ItemsPerTimeout)
	return limit{d: e.timeout * time.Duration(scale), scale: scale, items: items}
}

// reason says why an evaluation stopped, with the bound that was hit.
func (l limit) reason(err error) string {
	if !errors.Is(err, context.DeadlineExceeded) {
		return "evaluation cancelled"
	}
	if l.scale == 1 {
		return fmt.Sprintf("evaluation timed out after %s", l.d)
	}
	return fmt.Sprintf("evaluation timed out after %s (--timeout %s for each started %d services, datacenters and incidents: %d here)",
		l.d, l.d/time.Duration(l.scale), ItemsPerTimeout, l.items)
}

func (e *Engine) allErrors(doc *Document, reason string) Outcome {
	out := Outcome{Results: make([]audit.Result, len(e.controls))}
	for i, c := range e.controls {
		out.Results[i] = errorResult(doc, c, reason)
	}
	return out
}

// errorResult is the verdict of a control that could not judge the document.
func errorResult(doc *Document, c *controlInfo, reason string) audit.Result {
	return audit.Result{Manifest: doc.Name, Control: c.ID, Status: audit.StatusError, Reason: truncateText(reason)}
}

// evaluateSeparately is the slow path after the one-query evaluation failed or ran out of
// time: every control is judged by a query of its own, on topdown, within a fresh limit
// shared by all of them, so a document costs at most twice --timeout and the outcome is the
// same whichever evaluator ran the main query.
func (e *Engine) evaluateSeparately(ctx context.Context, doc *Document, input ast.Value, limit limit) Outcome {
	// Compiled on first need on the prebuilt path: not the document's time. (A failure
	// shows in each control's result.)
	_, _ = e.bundle()
	ctx, cancel := context.WithTimeout(ctx, limit.d)
	defer cancel()
	out := Outcome{Results: make([]audit.Result, len(e.controls))}
	// All at once rather than on the worker pool: a control that stalls holds its goroutine
	// until the deadline, and a pool of two would let two such controls time out the rest.
	var wg sync.WaitGroup
	for i, c := range e.controls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out.Results[i] = e.evaluateControl(ctx, doc, input, c, limit)
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		q, err := e.lazyQuery(ctx, extrasQuery)
		if err != nil {
			return
		}
		rs, err := bounded(ctx, func(ctx context.Context) (rego.ResultSet, error) {
			return q.Eval(ctx, rego.EvalParsedInput(input))
		})
		if err == nil && len(rs) == 1 {
			out.Scopes = convertScopes(rs[0].Bindings["scopes"])
			out.SiteLoss = convertSiteLoss(rs[0].Bindings["siteloss"])
		}
	}()
	wg.Wait()
	e.noteStandInWindows(&out)
	return out
}

// siteLossAgain is evaluateSeparately for a site-loss-only engine: the analysis once more on
// topdown within a fresh limit, as the full evaluation's fallback gives it, so a document
// gets the same analysis, or none, either way. When it does not finish, every control
// carries the reason, as it would after a full evaluation that timed out.
func (e *Engine) siteLossAgain(ctx context.Context, doc *Document, input ast.Value, limit limit) Outcome {
	_, _ = e.bundle() // compiled on first need on the prebuilt path: not the document's time
	ctx, cancel := context.WithTimeout(ctx, limit.d)
	defer cancel()
	q, err := e.lazyQuery(ctx, sitelossQuery)
	if err != nil {
		return e.allErrors(doc, "prepare: "+err.Error())
	}
	rs, err := bounded(ctx, func(ctx context.Context) (rego.ResultSet, error) {
		return q.Eval(ctx, rego.EvalParsedInput(input))
	})
	switch {
	case err != nil && ctx.Err() != nil:
		return e.allErrors(doc, limit.reason(ctx.Err()))
	case err != nil:
		return e.allErrors(doc, evalReason(err))
	case len(rs) != 1:
		return Outcome{}
	}
	return Outcome{SiteLoss: convertSiteLoss(rs[0].Bindings["siteloss"])}
}

// evaluateControl judges one control on its own.
func (e *Engine) evaluateControl(ctx context.Context, doc *Document, input ast.Value, c *controlInfo, limit limit) audit.Result {
	q, err := e.lazyQuery(ctx, oneControlQuery(c))
	if err != nil {
		return errorResult(doc, c, "prepare: "+err.Error())
	}
	rs, err := bounded(ctx, func(ctx context.Context) (rego.ResultSet, error) {
		return q.Eval(ctx, rego.EvalParsedInput(input))
	})
	switch {
	case err != nil && ctx.Err() != nil:
		return errorResult(doc, c, limit.reason(ctx.Err()))
	case err != nil:
		return errorResult(doc, c, evalReason(err))
	case len(rs) != 1:
		return errorResult(doc, c, "query was undefined")
	}
	pairs, ok := controlBindings(rs[0].Bindings["controls"], 1)
	if !ok {
		return errorResult(doc, c, "query result has an unexpected shape")
	}
	return e.result(doc, c, pairs[0])
}

// noteStandInWindows adds a note to every pass and fail that rests on a party sized from
// metrics measured over another window than the statutory one (REGULATIONS.md time model,
// rule 4: every verdict that depends on them says so). The scope decision carries the note;
// a control rests on the parties its periods name.
func (e *Engine) noteStandInWindows(out *Outcome) {
	notes := map[string]audit.Violation{}
	for _, sc := range out.Scopes {
		en, _ := sc.Evidence["window_note"].(string)
		if !sc.Applies || en == "" {
			continue
		}
		ko, _ := sc.Evidence["window_note_ko"].(string)
		notes[strings.ReplaceAll(sc.ID, "_", "-")] = audit.Violation{Message: en, MessageKo: ko, Pointer: "/provider/metrics/window"}
	}
	if len(notes) == 0 {
		return
	}
	for i := range out.Results {
		r := &out.Results[i]
		if r.Status != audit.StatusPass && r.Status != audit.StatusFail {
			continue
		}
		for _, party := range e.controls[i].Parties() {
			if n, ok := notes[party]; ok {
				r.Notes = append(r.Notes, n)
				break
			}
		}
	}
}

// lazyQuery prepares a fallback query once and keeps it.
func (e *Engine) lazyQuery(ctx context.Context, body string) (*rego.PreparedEvalQuery, error) {
	e.lazyMu.Lock()
	defer e.lazyMu.Unlock()
	if q, ok := e.lazy[body]; ok {
		return q, nil
	}
	q, err := e.prepare(ctx, body)
	if err != nil {
		return nil, err
	}
	e.lazy[body] = &q
	return &q, nil
}

// evalReason keeps the first line of an evaluation error, with its Rego location.
func evalReason(err error) string {
	msg := err.Error()
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
	}
	return "evaluation error: " + msg
}

// result turns the bindings of one control into a verdict.
func (e *Engine) result(doc *Document, c *controlInfo, b controlBinding) audit.Result {
	r := audit.Result{Manifest: doc.Name, Control: c.ID}
	applies, violations := b[0], b[1]
	a, _ := applies.([]any)
	if len(a) == 1 {
		if _, ok := a[0].(bool); !ok {
			// "yes" or 1 would otherwise read as not applicable and hide the control.
			return errorResult(doc, c, fmt.Sprintf("applies must be true or false, not %s", compactJSON(a[0])))
		}
	}
	if len(a) != 1 || a[0] != true {
		r.Status = audit.StatusNotApplicable
		r.Reason, r.ReasonKo = convertReason(b[2])
		r.Reason, r.ReasonKo = truncateText(r.Reason), truncateText(r.ReasonKo)
		return r
	}
	notes, err := findings(doc, b[3])
	if err != nil {
		return errorResult(doc, c, "malformed note: "+err.Error())
	}
	all, err := findings(doc, violations)
	if err != nil {
		return errorResult(doc, c, "malformed violation: "+err.Error())
	}
	r.Notes, r.Violations = limitFindingsNoted(notes, all)
	if len(r.Violations) == 0 {
		r.Status = audit.StatusPass
		return r
	}
	r.Status = audit.StatusFail
	return r
}

// findings converts a control's violations (or notes), places each in the manifest and
// orders them by where they land.
func findings(doc *Document, v any) ([]audit.Violation, error) {
	list, _ := v.([]any)
	var vs []audit.Violation
	for _, x := range list {
		f, err := convertViolation(x)
		if err != nil {
			return nil, err
		}
		if doc.Pos != nil {
			f.Position = doc.Pos(f.Pointer)
		}
		vs = append(vs, f)
	}
	sort.SliceStable(vs, func(i, j int) bool {
		a, b := vs[i], vs[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Pointer != b.Pointer {
			return a.Pointer < b.Pointer
		}
		return a.Message < b.Message
	})
	return vs, nil
}

// NoReason is the reason of a not-applicable result whose control gave none.
const NoReason = "the control gave no reason"

// convertReason reads a control's `reason`: {"en", "ko"} or a bare string. A control that
// gives none (a custom policy written before reasons existed) is still not applicable, with
// a reason that says it gave none rather than an empty one.
func convertReason(v any) (en, ko string) {
	list, _ := v.([]any)
	if len(list) == 1 {
		switch x := list[0].(type) {
		case string:
			en = x
		case map[string]any:
			en, _ = x["en"].(string)
			ko, _ = x["ko"].(string)
		}
	}
	if en == "" {
		en = NoReason
		if ko == "" {
			ko = "통제 항목이 사유를 밝히지 않았습니다"
		}
	}
	return en, ko
}

// convertViolation reads the contract's {"msg", "msg_ko", "pointer", "key", "evidence"} object.
// A bare string is accepted as a message, as conftest does, so policies ported from it
// keep working.
func convertViolation(v any) (audit.Violation, error) {
	switch x := v.(type) {
	case string:
		return audit.Violation{Message: x}, nil
	case map[string]any:
		msg, ok := x["msg"].(string)
		if !ok || msg == "" {
			return audit.Violation{}, fmt.Errorf("violation has no \"msg\" string: %s", compactJSON(x))
		}
		out := audit.Violation{Message: msg}
		if ko, ok := x["msg_ko"].(string); ok {
			out.MessageKo = ko
		}
		if p, ok := x["pointer"].(string); ok {
			if p != "" && !strings.HasPrefix(p, "/") {
				return audit.Violation{}, fmt.Errorf("pointer %q is not a JSON pointer", p)
			}
			out.Pointer = p
		}
		switch k := x["key"].(type) {
		case nil:
		case string:
			out.Key = k
		default:
			return audit.Violation{}, fmt.Errorf("violation key is not a string: %s", compactJSON(x))
		}
		switch ev := x["evidence"].(type) {
		case nil:
		case map[string]any:
			out.Evidence = ev
		default:
			out.Evidence = map[string]any{"value": ev}
		}
		return out, nil
	default:
		return audit.Violation{}, fmt.Errorf("violation is a %T, not an object", v)
	}
}

func compactJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	if len(b) > 200 {
		return string(b[:200]) + "..."
	}
	return string(b)
}

// convertScopes reads data.resilcheck.lib.scope.decisions.
func convertScopes(v any) []audit.Scope {
	list, _ := v.([]any)
	if len(list) != 1 {
		return nil
	}
	m, _ := list[0].(map[string]any)
	out := make([]audit.Scope, 0, len(m))
	for id, d := range m {
		dm, ok := d.(map[string]any)
		if !ok {
			continue
		}
		s := audit.Scope{ID: id}
		s.Applies, _ = dm["applies"].(bool)
		s.Basis, _ = dm["basis"].(string)
		if t, ok := dm["title"].(map[string]any); ok {
			s.Title.En, _ = t["en"].(string)
			s.Title.Ko, _ = t["ko"].(string)
		}
		s.Evidence, _ = dm["evidence"].(map[string]any)
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// convertSiteLoss reads data.resilcheck.lib.siteloss.report, whose JSON shape is the
// model's SiteLoss. When the package is absent the binding is empty and the manifest has
// no site-loss section; a report of another shape is dropped whole, as a JSON decode into
// the model would. It reads the decoded values directly: going through JSON text cost a
// tenth of a batch's evaluation time.
func convertSiteLoss(v any) *audit.SiteLoss {
	list, _ := v.([]any)
	if len(list) != 1 || list[0] == nil {
		return nil
	}
	var d shapeReader
	m := d.object(list[0])
	sl := &audit.SiteLoss{}
	for _, f := range array(&d, m["failures"], &sl.Failures) {
		fm := d.object(f)
		out := audit.FailureOutcome{Lost: d.int(fm["lost"]), Surviving: d.int(fm["surviving"])}
		dm := d.object(fm["domain"])
		out.Domain = audit.FailureDomain{Kind: d.str(dm["kind"]), ID: d.str(dm["id"]), Datacenters: d.strings(dm["datacenters"])}
		for _, u := range array(&d, fm["broken"], &out.Broken) {
			um := d.object(u)
			out.Broken = append(out.Broken, audit.ServiceImpact{
				Service: d.str(um["service"]), Reason: d.str(um["reason"]), Detail: d.str(um["detail"]),
				Cause: d.str(um["cause"]), Via: d.str(um["via"]),
				DetailPhrase: d.phrase(um["detail_phrase"]), CausePhrase: d.phrase(um["cause_phrase"]),
			})
		}
		for _, n := range array(&d, fm["notes"], &out.Notes) {
			nm := d.object(n)
			out.Notes = append(out.Notes, audit.ServiceNote{Service: d.str(nm["service"]), Note: d.str(nm["note"]), NotePhrase: d.phrase(nm["note_phrase"])})
		}
		sl.Failures = append(sl.Failures, out)
	}
	for _, l := range array(&d, m["dependents"], &sl.Dependents) {
		lm := d.object(l)
		sl.Dependents = append(sl.Dependents, audit.DependencyLink{
			Service: d.str(lm["service"]), Via: d.str(lm["via"]),
			LostWith: d.strings(lm["lost_with"]),
		})
	}
	for _, c := range array(&d, m["cycles"], &sl.Cycles) {
		sl.Cycles = append(sl.Cycles, d.strings(c))
	}
	if d.bad {
		return nil
	}
	return sl
}

// shapeReader reads decoded JSON values (nil, bool, string, json.Number, []any,
// map[string]any) into typed fields with encoding/json's rules: absent or null leaves the
// zero value, an array (even empty) makes a non-nil slice, and any value of the wrong type
// marks the whole read bad.
type shapeReader struct{ bad bool }

func (d *shapeReader) object(v any) map[string]any {
	if v == nil {
		return nil
	}
	m, ok := v.(map[string]any)
	d.bad = d.bad || !ok
	return m
}

func (d *shapeReader) str(v any) string {
	if v == nil {
		return ""
	}
	s, ok := v.(string)
	d.bad = d.bad || !ok
	return s
}

// int reads a whole number, as a JSON decode into an int field would: a fraction or a
// number out of range marks the read bad.
func (d *shapeReader) int(v any) int {
	if v == nil {
		return 0
	}
	var s string
	switch n := v.(type) {
	case json.Number:
		s = string(n)
	case int:
		return n
	case int64:
		return int(n)
	case float64:
		if n != math.Trunc(n) || math.Abs(n) >= math.MaxInt64 {
			d.bad = true
			return 0
		}
		return int(n)
	default:
		d.bad = true
		return 0
	}
	i, err := strconv.Atoi(s)
	d.bad = d.bad || err != nil
	return i
}

// array returns the elements of v and, when v is an array, points *into at a non-nil empty
// slice with room for them (as json.Unmarshal leaves an empty array non-nil).
func array[T any](d *shapeReader, v any, into *[]T) []any {
	if v == nil {
		return nil
	}
	list, ok := v.([]any)
	if !ok {
		d.bad = true
		return nil
	}
	*into = make([]T, 0, len(list))
	return list
}

func (d *shapeReader) strings(v any) []string {
	var out []string
	for _, x := range array(d, v, &out) {
		out = append(out, d.str(x))
	}
	return out
}

// phrase reads a siteloss phrase ({code, args}); absent or null is nil.
func (d *shapeReader) phrase(v any) *audit.Phrase {
	if v == nil {
		return nil
	}
	m := d.object(v)
	p := &audit.Phrase{Code: d.str(m["code"])}
	if args := d.object(m["args"]); len(args) > 0 {
		p.Args = make(map[string]string, len(args))
		for k, a := range args {
			p.Args[k] = d.str(a)
		}
	}
	return p
}
