package policies_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/resilcheck/resilcheck/internal/audit"
	"github.com/resilcheck/resilcheck/internal/check"
	"github.com/resilcheck/resilcheck/internal/engine"
	"github.com/resilcheck/resilcheck/internal/manifest"
)

// tree is this directory as a policy source: main.rego included, so its tests run too.
func tree() engine.PolicySource {
	return engine.PolicySource{Name: "policies", FS: os.DirFS(".")}
}

// TestRego runs every Rego unit test through OPA's own tester, compiled in the sandbox the
// CLI uses, so `go test ./...` proves the bundle is what `opa test` would accept.
func TestRego(t *testing.T) {
	results, err := engine.RunTests(context.Background(), engine.TestOptions{Policies: []engine.PolicySource{tree()}})
	if err != nil {
		t.Fatal(err)
	}
	if len(results) == 0 {
		t.Fatal("no Rego tests found")
	}
	for _, r := range results {
		switch {
		case r.Error != nil:
			t.Errorf("%s:%d: %s.%s: error: %v", r.Location.File, r.Location.Row, r.Package, r.Name, r.Error)
		case r.Fail:
			t.Errorf("%s:%d: %s.%s: FAIL", r.Location.File, r.Location.Row, r.Package, r.Name)
		}
	}
	t.Logf("%d Rego tests", len(results))
}

// evidence is what the tests of one control show.
type evidence struct{ pass, fail bool }

// TestEveryControlTestsPassAndFail reads each control's tests and requires at least one
// that shows the control passing (no violations) and one that shows it failing. It reads the
// test bodies: an iteration over violations or a positive count is a failing case; a
// negated look-up, an empty set or a count of zero is a passing one; a count compared with a
// table value (table tests) is taken as both. Helpers in the test package that wrap the
// violations are followed one level, which is how the tests are written.
func TestEveryControlTestsPassAndFail(t *testing.T) {
	mods := parseTree(t)
	controls := map[string]bool{}
	for _, m := range mods {
		p := m.Package.Path.String()
		if strings.HasPrefix(p, engine.ControlsPrefix) && !strings.HasSuffix(p, "_test") {
			controls[p] = true
		}
	}
	found := map[string]*evidence{}
	for c := range controls {
		found[c] = &evidence{}
	}
	for _, m := range mods {
		if !strings.HasSuffix(m.Package.Path.String(), "_test") {
			continue
		}
		scanTests(m, controls, found)
	}
	names := make([]string, 0, len(found))
	for c := range found {
		names = append(names, c)
	}
	sort.Strings(names)
	for _, c := range names {
		e := found[c]
		if !e.pass {
			t.Errorf("%s: no test shows the control passing (e.g. count(violations) == 0 on a compliant manifest)", c)
		}
		if !e.fail {
			t.Errorf("%s: no test shows the control failing (e.g. some v in violations on a non-compliant manifest)", c)
		}
	}
	if len(names) == 0 {
		t.Fatal("no controls found")
	}
}

func parseTree(t *testing.T) []*ast.Module {
	t.Helper()
	var mods []*ast.Module
	err := filepath.WalkDir(".", func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		m, err := ast.ParseModuleWithOpts(p, string(b), ast.ParserOptions{RegoVersion: ast.RegoV1})
		if err != nil {
			return err
		}
		mods = append(mods, m)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return mods
}

// scanTests records, for every control a test module exercises, whether its tests show a
// passing and a failing case.
func scanTests(m *ast.Module, controls map[string]bool, found map[string]*evidence) {
	aliases := map[string]string{} // import alias -> control package
	for _, imp := range m.Imports {
		ref, ok := imp.Path.Value.(ast.Ref)
		if !ok || !controls[ref.String()] {
			continue
		}
		alias := string(imp.Alias)
		if alias == "" {
			alias = string(ref[len(ref)-1].Value.(ast.String))
		}
		aliases[alias] = ref.String()
	}
	// violationsOf names the control whose violations term t is, or "".
	var helpers map[string]string
	locals := map[string]string{} // test-local variables holding violations: vs := violations(m)
	violationsOf := func(t *ast.Term) string {
		switch v := t.Value.(type) {
		case ast.Var:
			return locals[string(v)]
		case ast.Ref:
			s := v.String()
			for c := range controls {
				if strings.HasPrefix(s, c+".violations") {
					return c
				}
			}
			if head, ok := v[0].Value.(ast.Var); ok && len(v) >= 2 {
				if c, ok := aliases[string(head)]; ok && v[1].Value.Compare(ast.String("violations")) == 0 {
					return c
				}
				if c, ok := helpers[string(head)]; ok && len(v) == 1 {
					return c
				}
			}
			if head, ok := v[0].Value.(ast.Var); ok {
				if c, ok := locals[string(head)]; ok {
					return c
				}
				if len(v) == 1 {
					return helpers[string(head)]
				}
			}
		case ast.Call:
			if op, ok := v[0].Value.(ast.Ref); ok && len(op) == 1 {
				if name, ok := op[0].Value.(ast.Var); ok {
					return helpers[string(name)]
				}
			}
		}
		return ""
	}
	// Helpers: non-test rules of the test package whose value is a control's violations.
	helpers = map[string]string{}
	for _, r := range m.Rules {
		name := r.Head.Name.String()
		if strings.HasPrefix(name, "test_") {
			continue
		}
		ast.WalkTerms(r, func(t *ast.Term) bool {
			if c := violationsOf(t); c != "" {
				helpers[name] = c
				return true
			}
			return false
		})
	}
	for _, r := range m.Rules {
		if !strings.HasPrefix(r.Head.Name.String(), "test_") {
			continue
		}
		clear(locals)
		ast.WalkExprs(r.Body, func(x *ast.Expr) bool {
			if terms, ok := x.Terms.([]*ast.Term); ok && len(terms) == 3 && !x.Negated {
				if op := terms[0].String(); op == "assign" || op == "eq" {
					if name, ok := terms[1].Value.(ast.Var); ok {
						if c := violationsOf(terms[2]); c != "" {
							locals[string(name)] = c
							return false
						}
					}
				}
			}
			classify(x, violationsOf, found)
			return false
		})
	}
}

// classify records what one expression of a test shows.
func classify(x *ast.Expr, violationsOf func(*ast.Term) string, found map[string]*evidence) {
	mark := func(c string, pass, fail bool) {
		if e := found[c]; e != nil {
			e.pass = e.pass || pass
			e.fail = e.fail || fail
		}
	}
	// Any mention inside the expression, and which control it is.
	control := ""
	ast.WalkTerms(x, func(t *ast.Term) bool {
		if c := violationsOf(t); c != "" {
			control = c
			return true
		}
		return false
	})
	if control == "" {
		return
	}
	if x.Negated {
		mark(control, true, false)
		return
	}
	switch terms := x.Terms.(type) {
	case *ast.SomeDecl:
		mark(control, false, true)
	case []*ast.Term:
		if len(terms) == 3 {
			op := terms[0].String()
			lhs, rhs := terms[1], terms[2]
			cnt := isCount(lhs, violationsOf) || isCount(rhs, violationsOf)
			other := rhs
			if isCount(rhs, violationsOf) {
				other = lhs
			}
			num, isNum := other.Value.(ast.Number)
			switch {
			case cnt && !isNum && (op == "equal" || op == "eq"):
				mark(control, true, true) // table test: count compared with a case's expectation
			case cnt && isNum:
				n, _ := json.Number(num).Int64()
				switch op {
				case "equal", "eq":
					mark(control, n == 0, n > 0)
				case "gt":
					mark(control, false, n >= 0)
				case "neq":
					mark(control, false, n == 0) // count != 3 says nothing of a failing case
				case "gte":
					mark(control, false, n >= 1)
				case "lt":
					mark(control, n <= 1, false) // only count < 1 is a passing case
				case "lte":
					mark(control, n == 0, false)
				}
			case op == "equal" || op == "eq":
				if isEmpty(lhs) || isEmpty(rhs) {
					mark(control, true, false)
				} else {
					mark(control, false, true) // v := violations[...] or some_v == ...
				}
			default:
				if strings.HasPrefix(op, "internal.member") {
					mark(control, false, true)
				}
			}
			return
		}
		// A bare reference: violations[x] or a helper call used as a condition.
		mark(control, false, true)
	case *ast.Term:
		if _, ok := terms.Value.(ast.Ref); ok {
			mark(control, false, true)
		}
	}
}

func isCount(t *ast.Term, violationsOf func(*ast.Term) string) bool {
	call, ok := t.Value.(ast.Call)
	return ok && len(call) == 2 && call[0].String() == "count" && violationsOf(call[1]) != ""
}

func isEmpty(t *ast.Term) bool {
	switch v := t.Value.(type) {
	case ast.Set:
		return v.Len() == 0
	case *ast.Array:
		return v.Len() == 0
	case ast.Call:
		return len(v) == 1 && v[0].String() == "set"
	}
	return false
}

// scenarioInputs are the manifests the OPA and conftest comparisons run on.
func scenarioInputs(t *testing.T) []string {
	t.Helper()
	paths, err := filepath.Glob("../testdata/manifests/*.yaml")
	if err != nil || len(paths) == 0 {
		t.Skip("no scenarios in testdata/manifests")
	}
	return paths
}

const asOf = "2026-11-22"

// engineFailures is what the engine finds: control package (short name) -> sorted messages.
func engineFailures(t *testing.T, path string) map[string][]string {
	t.Helper()
	r, err := check.Run(context.Background(), check.Options{Paths: []string{path}, AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	if check.HasProblems(r) {
		t.Fatalf("%s has input problems", path)
	}
	pkgs := map[string]string{}
	for _, c := range r.Controls {
		pkgs[c.ID] = strings.TrimPrefix(c.Package, "resilcheck.controls.")
	}
	out := map[string][]string{}
	for _, res := range r.Results {
		if res.Status != audit.StatusFail {
			continue
		}
		for _, v := range res.Violations {
			out[pkgs[res.Control]] = append(out[pkgs[res.Control]], v.Message)
		}
	}
	for k := range out {
		sort.Strings(out[k])
	}
	return out
}

// runFiles writes the run context and a scenario converted to JSON into a temp dir.
func runFiles(t *testing.T, scenario string) (runFile, inputFile string) {
	t.Helper()
	dir := t.TempDir()
	runFile = filepath.Join(dir, "run.json")
	if err := os.WriteFile(runFile, []byte(`{"resilcheck": {"run": {"as_of": "`+asOf+`"}}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	inputFile = filepath.Join(dir, "input.json")
	raw := loadJSON(t, scenario)
	if err := os.WriteFile(inputFile, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	return runFile, inputFile
}

func loadJSON(t *testing.T, path string) []byte {
	t.Helper()
	docs := manifestValues(t, path)
	if len(docs) != 1 {
		t.Skipf("%s has %d documents", path, len(docs))
	}
	b, err := json.Marshal(docs[0])
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestOPACompatible runs the real opa binary, when installed, on this tree: check --strict,
// the unit tests, and resilcheck.main on every scenario, which must fail exactly the
// controls the engine fails, with the same messages.
func TestOPACompatible(t *testing.T) {
	opa, err := exec.LookPath("opa")
	if err != nil {
		skipOrRequire(t, "opa is not on PATH")
	}
	for _, args := range [][]string{{"check", "--strict", "."}, {"test", "."}} {
		if out, err := exec.Command(opa, args...).CombinedOutput(); err != nil {
			t.Fatalf("opa %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	failures := 0
	defer func() {
		if failures == 0 && !t.Failed() {
			t.Error("the engine found no failures in any scenario: the comparison proves nothing")
		}
	}()
	for _, scenario := range scenarioInputs(t) {
		t.Run(filepath.Base(scenario), func(t *testing.T) {
			runFile, input := runFiles(t, scenario)
			out, err := exec.Command(opa, "eval", "--format", "json", "-d", ".", "-d", runFile, "-i", input, "data.resilcheck.main.results").Output()
			if err != nil {
				t.Fatalf("opa eval: %v\n%s", err, out)
			}
			var doc struct {
				Result []struct {
					Expressions []struct {
						Value map[string]struct {
							Status     string `json:"status"`
							Violations []struct {
								Msg string `json:"msg"`
							} `json:"violations"`
						} `json:"value"`
					} `json:"expressions"`
				} `json:"result"`
			}
			if err := json.Unmarshal(out, &doc); err != nil || len(doc.Result) != 1 {
				t.Fatalf("opa eval output: %v\n%s", err, out)
			}
			got := map[string][]string{}
			for pkg, r := range doc.Result[0].Expressions[0].Value {
				if r.Status != "fail" {
					continue
				}
				for _, v := range r.Violations {
					got[pkg] = append(got[pkg], v.Msg)
				}
				sort.Strings(got[pkg])
			}
			want := engineFailures(t, scenario)
			failures += len(want)
			compareFailures(t, "opa eval", got, want)
		})
	}
}

// TestConftestCompatible runs conftest, when installed, with the resilcheck.main namespace:
// its deny messages must be the engine's failures, prefixed with the control package.
func TestConftestCompatible(t *testing.T) {
	conftest, err := exec.LookPath("conftest")
	if err != nil {
		skipOrRequire(t, "conftest is not on PATH")
	}
	failures := 0
	defer func() {
		if failures == 0 && !t.Failed() {
			t.Error("the engine found no failures in any scenario: the comparison proves nothing")
		}
	}()
	for _, scenario := range scenarioInputs(t) {
		t.Run(filepath.Base(scenario), func(t *testing.T) {
			runFile, _ := runFiles(t, scenario)
			out, _ := exec.Command(conftest, "test", "--no-color", "--output", "json", "--policy", ".", "--namespace", "resilcheck.main", "--data", runFile, scenario).Output()
			var doc []struct {
				Failures []struct {
					Msg string `json:"msg"`
				} `json:"failures"`
			}
			if err := json.Unmarshal(out, &doc); err != nil || len(doc) != 1 {
				t.Fatalf("conftest output: %v\n%s", err, out)
			}
			got := map[string][]string{}
			for _, f := range doc[0].Failures {
				pkg, msg, ok := strings.Cut(f.Msg, ": ")
				if !ok {
					t.Fatalf("deny message without a package prefix: %q", f.Msg)
				}
				if i := strings.LastIndex(msg, " (at /"); i >= 0 {
					msg = msg[:i]
				}
				got[pkg] = append(got[pkg], msg)
			}
			for k := range got {
				sort.Strings(got[k])
			}
			want := engineFailures(t, scenario)
			failures += len(want)
			compareFailures(t, "conftest", got, want)
		})
	}
}

func compareFailures(t *testing.T, tool string, got, want map[string][]string) {
	t.Helper()
	g, _ := json.MarshalIndent(got, "", "  ")
	w, _ := json.MarshalIndent(want, "", "  ")
	if string(g) != string(w) {
		t.Fatalf("%s and the engine disagree\n%s:\n%s\nengine:\n%s", tool, tool, g, w)
	}
}

func manifestValues(t *testing.T, path string) []any {
	t.Helper()
	var out []any
	for _, src := range manifest.Load([]string{path}, manifest.Options{}) {
		if len(src.Problems) > 0 {
			t.Fatalf("%s: %v", path, src.Problems)
		}
		for _, d := range src.Documents {
			out = append(out, d.Value)
		}
	}
	return out
}

// skipOrRequire skips a test whose external tool is missing, except where
// RESILCHECK_REQUIRE_TOOLS is set (CI installs the tools): there a missing tool fails the
// test, so a broken install cannot turn the portability checks into silent skips.
func skipOrRequire(t *testing.T, reason string) {
	t.Helper()
	if os.Getenv("RESILCHECK_REQUIRE_TOOLS") != "" {
		t.Fatalf("%s, and RESILCHECK_REQUIRE_TOOLS is set", reason)
	}
	t.Skip(reason)
}
