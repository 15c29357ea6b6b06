package engine

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/types"

	"github.com/resilcheck/resilcheck/internal/audit"
	"github.com/resilcheck/resilcheck/policies"
)

// major is a provider bound by the disaster-management duties.
func major(officer any) map[string]any {
	m := map[string]any{
		"apiVersion": "resilcheck/v1",
		"kind":       "ProviderManifest",
		"metadata":   map[string]any{"name": "example"},
		"provider": map[string]any{
			"name":       "Example",
			"categories": []any{"value-added"},
			"origin":     "domestic",
			"metrics": map[string]any{
				"window":            map[string]any{"from": "2025-10-01", "to": "2025-12-31"},
				"dailyAverageUsers": json.Number("10000000"),
			},
		},
	}
	if officer != nil {
		m["governance"] = map[string]any{"officer": officer}
	}
	return m
}

// core is a slice of the built-in bundle (the shared library, the parameters and one
// control) so these tests pin the engine's behaviour and not every control's.
func core(t *testing.T) PolicySource {
	t.Helper()
	m := fstest.MapFS{}
	names := []string{"controls/dm_officer.rego", "controls/dm_officer_test.rego"}
	for _, dir := range []string{"lib", "data"} {
		entries, err := fs.ReadDir(policies.FS, dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if !strings.HasSuffix(e.Name(), "_test.rego") {
				names = append(names, dir+"/"+e.Name())
			}
		}
	}
	for _, name := range names {
		b, err := fs.ReadFile(policies.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		m[name] = &fstest.MapFile{Data: b}
	}
	return PolicySource{Name: "policies", FS: m}
}

func pos(p string) audit.Position { return audit.Position{File: "m.yaml", Line: len(p) + 1} }

func newEngine(t *testing.T, opts Options) *Engine {
	t.Helper()
	if opts.Policies == nil {
		opts.Policies = []PolicySource{core(t)}
	}
	if opts.AsOf == "" {
		opts.AsOf = "2026-11-22"
	}
	e, err := New(context.Background(), opts)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return e
}

func resultFor(t *testing.T, o Outcome, id string) audit.Result {
	t.Helper()
	for _, r := range o.Results {
		if r.Control == id {
			return r
		}
	}
	t.Fatalf("no result for %s in %+v", id, o.Results)
	return audit.Result{}
}

const officerID = "KR-BCDA-39-2-OFFICER"

func TestEvaluateVerdicts(t *testing.T) {
	e := newEngine(t, Options{})
	small := major(nil)
	small["provider"].(map[string]any)["metrics"].(map[string]any)["dailyAverageUsers"] = json.Number("5")
	tests := []struct {
		name     string
		doc      map[string]any
		want     audit.Status
		pointer  string
		evidence map[string]string
	}{
		{"notified in time passes", major(map[string]any{"appointed": true, "appointedOn": "2025-01-01", "ministryNotifiedOn": "2025-01-31"}), audit.StatusPass, "", nil},
		{"notified late fails", major(map[string]any{"appointed": true, "appointedOn": "2025-01-01", "ministryNotifiedOn": "2025-02-01"}), audit.StatusFail, "/governance/officer/ministryNotifiedOn", map[string]string{"days": "31", "limit_days": "30"}},
		{"missing officer fails", major(nil), audit.StatusFail, "/governance", nil},
		{"small provider is not applicable", small, audit.StatusNotApplicable, "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o := e.EvaluateOne(context.Background(), Document{Name: "example", Value: tc.doc, Pos: pos})
			r := resultFor(t, o, officerID)
			if r.Status != tc.want {
				t.Fatalf("status = %s, want %s (%+v)", r.Status, tc.want, r)
			}
			if tc.pointer == "" {
				if len(r.Violations) != 0 {
					t.Fatalf("unexpected violations %+v", r.Violations)
				}
				return
			}
			v := r.Violations[0]
			if v.Pointer != tc.pointer || v.Message == "" || v.MessageKo == "" {
				t.Fatalf("violation = %+v", v)
			}
			if v.Position.Line != len(tc.pointer)+1 || v.Position.File != "m.yaml" {
				t.Fatalf("position not mapped through Pos: %+v", v.Position)
			}
			for k, want := range tc.evidence {
				got, err := json.Marshal(v.Evidence[k])
				if err != nil || string(got) != want {
					t.Fatalf("evidence[%s] = %s, want %s (integers must stay integers)", k, got, want)
				}
			}
			if len(o.Scopes) == 0 {
				t.Fatal("no scope decisions")
			}
		})
	}
}

func TestOverrideChangesVerdict(t *testing.T) {
	doc := major(map[string]any{"appointed": true, "appointedOn": "2025-01-01", "ministryNotifiedOn": "2025-02-01"})
	e := newEngine(t, Options{Data: []DataFile{{Name: "o.yaml", Content: []byte("resilcheck:\n  overrides:\n    dm_officer_notify_days: 45\n")}}})
	r := resultFor(t, e.EvaluateOne(context.Background(), Document{Name: "x", Value: doc}), officerID)
	if r.Status != audit.StatusPass {
		t.Fatalf("with a 45-day override the 31-day notice should pass, got %+v", r)
	}
	ps, err := e.Params(context.Background(), officerID)
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, p := range ps {
		if p.Name == "dm_officer_notify_days" {
			found = true
			if p.Label != "override" || !p.Direct {
				t.Fatalf("param = %+v", p)
			}
		}
	}
	if !found {
		t.Fatalf("dm_officer_notify_days not among %+v", ps)
	}
}

func TestParamsIncludeScopeThresholds(t *testing.T) {
	e := newEngine(t, Options{})
	ps, err := e.Params(context.Background(), officerID)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Param{}
	for _, p := range ps {
		got[p.Name] = p
	}
	if p, ok := got["major_vas_min_users"]; !ok || p.Direct || p.Label != "law" {
		t.Fatalf("major_vas_min_users via scope helper = %+v (all %+v)", p, ps)
	}
	if p := got["dm_officer_notify_days"]; !p.Direct || p.Label != "law" {
		t.Fatalf("dm_officer_notify_days = %+v", p)
	}
}

// TestDataFileRejected: every refusal of a --data file names the file, line and column.
func TestDataFileRejected(t *testing.T) {
	tests := []struct{ name, content, want string }{
		{"other top-level key", "resilcheck:\n  overrides: {}\nother: 1\n", `data file d.yaml:3:1: top-level key "other" is not allowed`},
		{"run context", "resilcheck:\n  run:\n    as_of: 2020-01-01\n", "data file d.yaml:2:3: resilcheck.run may not be overwritten"},
		{"params table", "resilcheck:\n  params: {}\n  overrides: {}\n", "data file d.yaml:2:3: resilcheck.params may not be overwritten"},
		{"not an object", "[1, 2]\n", "data file d.yaml:1:1: a data file must be a mapping of fields at the top level, not a list"},
		{"overrides not an object", "resilcheck:\n  overrides: [1]\n", `data file d.yaml:2:14: "resilcheck.overrides" must be an object`},
		{"unknown parameter", "resilcheck:\n  overrides:\n    dm_officer_notify_dayz: 3\n", `data file d.yaml:3:5: unknown parameter "dm_officer_notify_dayz" (did you mean "dm_officer_notify_days"?)`},
		{"bad yaml", "resilcheck: [\n", "data file d.yaml:1:1: invalid YAML"},
		{"empty file", "", "data file d.yaml: file is empty"},
		{"two documents", "resilcheck:\n  overrides: {}\n---\nresilcheck:\n  overrides: {}\n", "data file d.yaml:4:1: a data file holds one document, this one has 2"},
		{"string for a number", "resilcheck:\n  overrides:\n    dm_officer_notify_days: \"abc\"\n", `data file d.yaml:3:5: parameter "dm_officer_notify_days" takes a number, got string "abc"`},
		{"number for a boolean", "resilcheck:\n  overrides:\n    un_notice_free_services_exempt: 1\n", `takes a boolean, got number`},
		{"number for a month-day", "resilcheck:\n  overrides:\n    dm_plan_due_month_day: 930\n", `takes a string, got number`},
		{"every problem at once", "resilcheck:\n  overrides:\n    nope: 1\n    dm_officer_notify_days: x\n",
			"data file d.yaml:3:5: unknown parameter \"nope\"\ndata file d.yaml:4:5: parameter \"dm_officer_notify_days\" takes a number"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New(context.Background(), Options{Policies: []PolicySource{core(t)}, AsOf: "2026-01-01",
				Data: []DataFile{{Name: "d.yaml", Content: []byte(tc.content)}}})
			var de *DataError
			if !errors.As(err, &de) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want DataError containing %q", err, tc.want)
			}
		})
	}
}

// TestDataFileLaterWins: of two data files, the later one's value and position count.
func TestDataFileLaterWins(t *testing.T) {
	_, err := New(context.Background(), Options{Policies: []PolicySource{core(t)}, AsOf: "2026-01-01", Data: []DataFile{
		{Name: "a.yaml", Content: []byte("resilcheck:\n  overrides:\n    dm_officer_notify_days: 40\n")},
		{Name: "b.json", Content: []byte("{\"resilcheck\": {\"overrides\": {\n  \"dm_officer_notify_days\": \"forty\"}}}")},
	}})
	if err == nil || !strings.Contains(err.Error(), "data file b.json:2:3: parameter \"dm_officer_notify_days\" takes a number, got string") {
		t.Fatalf("err = %v", err)
	}
}

const goodMeta = `# METADATA
# title: Custom check
# description: A custom control.
# scope: package
# custom:
#   id: CUSTOM-1
#   severity: low
#   kind: guidance
#   regulation: Internal
#   title_ko: 사용자 점검
#   citation:
#     law: Internal policy
#     article: Sec. 1
#     text: Internal Sec. 1
#   remediation:
#     en: Fix it.
#     ko: 고치십시오.
`

func customSource(files map[string]string) PolicySource {
	m := fstest.MapFS{}
	for n, c := range files {
		m[n] = &fstest.MapFile{Data: []byte(c)}
	}
	return PolicySource{Name: "custom", FS: m, Custom: true}
}

func TestBundleErrors(t *testing.T) {
	body := "\ndefault applies := false\n\napplies if input.provider\n\nviolations contains \"x\" if false\n"
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"no metadata", map[string]string{"c.rego": "package resilcheck.controls.c\n" + body}, []string{"custom/c.rego:1:", "no package-scope METADATA"}},
		{"missing severity", map[string]string{"c.rego": strings.Replace(goodMeta, "#   severity: low\n", "", 1) + "package resilcheck.controls.c\n" + body}, []string{"custom/c.rego:1:", "missing custom.severity"}},
		{"bad severity", map[string]string{"c.rego": strings.Replace(goodMeta, "severity: low", "severity: urgent", 1) + "package resilcheck.controls.c\n" + body}, []string{`custom.severity "urgent"`}},
		{"bad kind", map[string]string{"c.rego": strings.Replace(goodMeta, "kind: guidance", "kind: advice", 1) + "package resilcheck.controls.c\n" + body}, []string{`custom.kind "advice"`}},
		{"missing remediation ko", map[string]string{"c.rego": strings.Replace(goodMeta, "#     ko: 고치십시오.\n", "", 1) + "package resilcheck.controls.c\n" + body}, []string{"missing custom.remediation.ko"}},
		{"duplicate id", map[string]string{"c.rego": strings.Replace(goodMeta, "CUSTOM-1", officerID, 1) + "package resilcheck.controls.c\n" + body}, []string{"duplicate control id " + officerID}},
		{"no violations rule", map[string]string{"c.rego": goodMeta + "package resilcheck.controls.c\n\ndefault applies := false\n"}, []string{`no "violations" rule`}},
		{"http.send", map[string]string{"c.rego": goodMeta + "package resilcheck.controls.c\n" + body + "\nx := http.send({\"method\": \"get\", \"url\": \"http://example.com\"})\n"}, []string{"custom/c.rego:", "http.send is not allowed"}},
		{"time.now_ns", map[string]string{"c.rego": goodMeta + "package resilcheck.controls.c\n" + body + "\nx := time.now_ns()\n"}, []string{"time.now_ns is not allowed", "reads the clock"}},
		{"syntax error", map[string]string{"c.rego": "package resilcheck.controls.c\n\nallow if {\n"}, []string{"custom/c.rego:"}},
		// The checks the built-in bundle skips at run time still apply to custom policies.
		{"type error", map[string]string{"c.rego": goodMeta + "package resilcheck.controls.c\n" + body + "\nx := 1 + \"one\"\n"}, []string{"custom/c.rego:26:", "plus: invalid argument"}},
		{"unused import (strict)", map[string]string{"c.rego": goodMeta + "package resilcheck.controls.c\n\nimport data.resilcheck.lib.time\n" + body}, []string{"custom/c.rego:", "import data.resilcheck.lib.time unused"}},
		{"recursion", map[string]string{"c.rego": goodMeta + "package resilcheck.controls.c\n" + body + "\np if q\n\nq if p\n"}, []string{"custom/c.rego:26:", "is recursive"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New(context.Background(), Options{Policies: []PolicySource{core(t), customSource(tc.files)}, AsOf: "2026-01-01"})
			var be *BundleError
			if !errors.As(err, &be) {
				t.Fatalf("err = %v, want BundleError", err)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Fatalf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

func TestCustomControlAndTestFilesExcluded(t *testing.T) {
	src := customSource(map[string]string{
		"c.rego": goodMeta + "package resilcheck.controls.c\n\ndefault applies := true\n\nviolations contains {\"msg\": \"no services\", \"pointer\": \"/services\"} if not input.services\n",
		// A test file is not part of the evaluated bundle, even if it would not compile.
		"c_test.rego": "package resilcheck.controls.c_test\n\ntest_x if undefined_function(1)\n",
	})
	e := newEngine(t, Options{Policies: []PolicySource{core(t), src}})
	c, ok := e.Control("CUSTOM-1")
	if !ok || !c.Custom || c.Package != "resilcheck.controls.c" || !c.Citation.Guidance {
		t.Fatalf("custom control = %+v", c)
	}
	r := resultFor(t, e.EvaluateOne(context.Background(), Document{Name: "x", Value: major(nil)}), "CUSTOM-1")
	if r.Status != audit.StatusFail || r.Violations[0].Pointer != "/services" {
		t.Fatalf("result = %+v", r)
	}
}

func TestCustomCitationTextKo(t *testing.T) {
	// text_ko is optional: a custom control without it still loads, and reports fall back
	// to the English line.
	tests := []struct {
		name   string
		meta   string
		wantKo string
	}{
		{"absent", goodMeta, ""},
		{"present", strings.Replace(goodMeta, "#     text: Internal Sec. 1\n", "#     text: Internal Sec. 1\n#     text_ko: 내부 규정 제1조\n", 1), "내부 규정 제1조"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := customSource(map[string]string{"c.rego": tc.meta + "package resilcheck.controls.c\n\ndefault applies := false\n\nviolations contains \"x\" if false\n"})
			e := newEngine(t, Options{Policies: []PolicySource{core(t), src}})
			c, ok := e.Control("CUSTOM-1")
			if !ok {
				t.Fatal("custom control not loaded")
			}
			if c.Citation.TextKo != tc.wantKo || c.Citation.Text != "Internal Sec. 1" {
				t.Fatalf("citation = %+v, want text_ko %q", c.Citation, tc.wantKo)
			}
		})
	}
}

func TestBrokenControlIsolated(t *testing.T) {
	// Two values for one complete rule is a conflict at evaluation time: only this control
	// may turn into an error; the built-ins still judge. On irvm the document falls back
	// to topdown, so the reasons are the same whichever evaluator ran first.
	src := customSource(map[string]string{
		"c.rego": goodMeta + "package resilcheck.controls.c\n\ndefault applies := true\n\nn := 1 if input.kind\n\nn := 2 if input.apiVersion\n\nviolations contains \"too many\" if n > 0\n",
	})
	for _, ev := range []Evaluator{EvaluatorTopdown, EvaluatorIRVM} {
		t.Run(string(ev), func(t *testing.T) {
			e := newEngine(t, Options{Policies: []PolicySource{core(t), src}, Evaluator: ev})
			o := e.EvaluateOne(context.Background(), Document{Name: "x", Value: major(nil)})
			if r := resultFor(t, o, "CUSTOM-1"); r.Status != audit.StatusError || !strings.Contains(r.Reason, "conflict") {
				t.Fatalf("broken control = %+v", r)
			}
			if r := resultFor(t, o, officerID); r.Status != audit.StatusFail {
				t.Fatalf("built-in control = %+v", r)
			}
			if len(o.Scopes) == 0 {
				t.Fatal("scopes lost in the fallback path")
			}
			if ev == EvaluatorIRVM && (e.vm == nil || e.vmFallbacks.Load() != 1) {
				t.Fatalf("irvm prepared: %v (%s), documents handed back to topdown: %d; want prepared and 1",
					e.vm != nil, e.vmReason, e.vmFallbacks.Load())
			}
		})
	}
}

func TestTimeout(t *testing.T) {
	src := customSource(map[string]string{
		"c.rego": goodMeta + "package resilcheck.controls.c\n\ndefault applies := true\n\nviolations contains \"slow\" if {\n\tcount([x | some x in numbers.range(1, 100000000)]) < 0\n}\n",
	})
	for _, ev := range []Evaluator{EvaluatorTopdown, EvaluatorIRVM} {
		t.Run(string(ev), func(t *testing.T) {
			e := newEngine(t, Options{Policies: []PolicySource{core(t), src}, Timeout: 50 * time.Millisecond, Evaluator: ev})
			o := e.EvaluateOne(context.Background(), Document{Name: "x", Value: major(nil)})
			if r := resultFor(t, o, "CUSTOM-1"); r.Status != audit.StatusError || !strings.Contains(r.Reason, "timed out") {
				t.Fatalf("result = %+v", r)
			}
		})
	}
}

func TestEvaluateOrderAndDeterminism(t *testing.T) {
	e := newEngine(t, Options{Workers: 4})
	docs := make([]Document, 40)
	for i := range docs {
		var off any
		if i%2 == 0 {
			off = map[string]any{"appointed": false}
		}
		docs[i] = Document{Name: string(rune('a' + i%26)), Value: major(off)}
	}
	first, _ := json.Marshal(e.Evaluate(context.Background(), docs))
	second, _ := json.Marshal(e.Evaluate(context.Background(), docs))
	if string(first) != string(second) {
		t.Fatal("two evaluations differ")
	}
	out := e.Evaluate(context.Background(), docs)
	for i, o := range out {
		r := resultFor(t, o, officerID)
		want := audit.StatusFail
		if r.Manifest != docs[i].Name || r.Status != want {
			t.Fatalf("doc %d: %+v", i, r)
		}
		if i%2 == 0 && r.Violations[0].Pointer != "/governance/officer/appointed" {
			t.Fatalf("doc %d out of order: %+v", i, r)
		}
	}
}

func TestDigestCoversCustomAndData(t *testing.T) {
	a := newEngine(t, Options{}).Digest()
	b := newEngine(t, Options{Data: []DataFile{{Name: "d.yaml", Content: []byte("resilcheck:\n  overrides: {}\n")}}}).Digest()
	c := newEngine(t, Options{Policies: []PolicySource{core(t), customSource(map[string]string{"c.rego": goodMeta + "package resilcheck.controls.c\n\ndefault applies := false\n\nviolations contains \"x\" if false\n"})}}).Digest()
	if a == b || a == c || b == c || !strings.HasPrefix(a, "sha256:") {
		t.Fatalf("digests not distinct: %s %s %s", a, b, c)
	}
	if a != newEngine(t, Options{}).Digest() {
		t.Fatal("digest not stable")
	}
}

func TestSuggest(t *testing.T) {
	ids := []string{"KR-BCDA-39-2-OFFICER", "KR-BCDA-38-REPORT"}
	tests := []struct{ in, want string }{
		{"KR-BCDA-39-2-OFICER", "KR-BCDA-39-2-OFFICER"},
		{"kr-bcda-38-report", "KR-BCDA-38-REPORT"},
		{"SOMETHING-ELSE-ENTIRELY", ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := Suggest(tc.in, ids); got != tc.want {
				t.Fatalf("Suggest(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestForbiddenBuiltins(t *testing.T) {
	got := strings.Join(ForbiddenBuiltins(), " ")
	for _, want := range []string{"http.send", "net.lookup_ip_addr", "time.now_ns", "rand.intn", "opa.runtime", "uuid.rfc4122"} {
		if !strings.Contains(got, want) {
			t.Errorf("%s is not forbidden", want)
		}
	}
	for _, pure := range []string{"time.parse_rfc3339_ns", "net.cidr_contains", "net.cidr_merge", "uuid.parse"} {
		if strings.Contains(got, pure) {
			t.Errorf("%s is pure and must stay available", pure)
		}
	}
}

func TestRunTests(t *testing.T) {
	src := customSource(map[string]string{
		"c.rego":      goodMeta + "package resilcheck.controls.c\n\ndefault applies := true\n\nviolations contains \"x\" if input.bad\n",
		"c_test.rego": "package resilcheck.controls.c_test\n\nimport data.resilcheck.controls.c\n\ntest_passes if count(c.violations) == 0 with input as {}\n\ntest_fails if count(c.violations) == 0 with input as {\"bad\": true}\n",
	})
	res, err := RunTests(context.Background(), TestOptions{Policies: []PolicySource{core(t), src}})
	if err != nil {
		t.Fatal(err)
	}
	outcome := map[string]bool{}
	builtin := 0
	for _, r := range res {
		if r.Error != nil {
			t.Fatalf("%s: %v", r.Name, r.Error)
		}
		if r.Package == "data.resilcheck.controls.c_test" {
			outcome[r.Name] = r.Pass()
		} else {
			builtin++
		}
	}
	if !outcome["test_passes"] || outcome["test_fails"] || len(outcome) != 2 {
		t.Fatalf("custom outcomes = %v", outcome)
	}
	if builtin == 0 {
		t.Fatal("built-in tests did not run")
	}
	for i := 1; i < len(res); i++ {
		a, b := res[i-1].Location, res[i].Location
		if a.File > b.File || (a.File == b.File && a.Row > b.Row) {
			t.Fatalf("results out of order at %d: %s:%d after %s:%d", i, b.File, b.Row, a.File, a.Row)
		}
	}
}

func TestRunTestsSandboxed(t *testing.T) {
	src := customSource(map[string]string{
		"c_test.rego": "package x_test\n\ntest_clock if time.now_ns() > 0\n",
	})
	_, err := RunTests(context.Background(), TestOptions{Policies: []PolicySource{src}})
	var be *BundleError
	if !errors.As(err, &be) || !strings.Contains(err.Error(), "time.now_ns is not allowed") || !strings.Contains(err.Error(), "custom/c_test.rego:3") {
		t.Fatalf("err = %v", err)
	}
}

func TestMalformedViolations(t *testing.T) {
	tests := []struct {
		name, rule string
		want       audit.Status
		reason     string
	}{
		{"number", "violations contains 42 if true", audit.StatusError, "violation is a json.Number"},
		{"object without msg", "violations contains {\"pointer\": \"/a\"} if true", audit.StatusError, "no \"msg\" string"},
		{"relative pointer", "violations contains {\"msg\": \"m\", \"pointer\": \"a/b\"} if true", audit.StatusError, "not a JSON pointer"},
		{"bare string is a message", "violations contains \"plain message\" if true", audit.StatusFail, ""},
		{"evidence scalar is wrapped", "violations contains {\"msg\": \"m\", \"pointer\": \"\", \"evidence\": 3} if true", audit.StatusFail, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := customSource(map[string]string{"c.rego": goodMeta + "package resilcheck.controls.c\n\ndefault applies := true\n\n" + tc.rule + "\n"})
			e := newEngine(t, Options{Policies: []PolicySource{core(t), src}})
			r := resultFor(t, e.EvaluateOne(context.Background(), Document{Name: "x", Value: major(nil)}), "CUSTOM-1")
			if r.Status != tc.want || !strings.Contains(r.Reason, tc.reason) {
				t.Fatalf("result = %+v, want %s with reason containing %q", r, tc.want, tc.reason)
			}
			if tc.want == audit.StatusFail && r.Violations[0].Message == "" {
				t.Fatalf("no message: %+v", r)
			}
		})
	}
}

func TestDigestIgnoresWhereCustomPoliciesLive(t *testing.T) {
	files := map[string]string{"c.rego": goodMeta + "package resilcheck.controls.c\n\ndefault applies := false\n\nviolations contains \"x\" if false\n"}
	a, b := customSource(files), customSource(files)
	b.Name = "../elsewhere/custom"
	da := newEngine(t, Options{Policies: []PolicySource{core(t), a}}).Digest()
	db := newEngine(t, Options{Policies: []PolicySource{core(t), b}}).Digest()
	if da != db {
		t.Fatalf("same policies in another directory: %s vs %s", da, db)
	}
}

// TestOneQueryMatchesPerControl pins the one prepared query to the per-control fallback
// queries: however the main query is shaped for speed, it must judge every control of the
// built-in bundle exactly as that control judges on its own.
func TestOneQueryMatchesPerControl(t *testing.T) {
	ctx := context.Background()
	e := newEngine(t, Options{Policies: []PolicySource{Builtin()}})
	cases := []struct{ name, path string }{
		{"kakao", "../../testdata/manifests/kakao-2022-10-15.yaml"},
		{"kakao remediated", "../../testdata/manifests/kakao-remediated.yaml"},
		{"naver", "../../testdata/manifests/naver-2022-10-15.yaml"},
		{"datacenter operator", "../../testdata/manifests/skcc-pangyo-2022-10-15.yaml"},
		{"small provider", "../../testdata/manifests/small-provider.yaml"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			v := benchDoc(t, tc.path)
			doc := Document{Name: tc.name, Value: v, Pos: pos}
			one := e.EvaluateOne(ctx, doc)
			input, err := ast.InterfaceToValue(v)
			if err != nil {
				t.Fatal(err)
			}
			each := e.evaluateSeparately(ctx, &doc, input, e.limitFor(&doc))
			statuses := map[audit.Status]int{}
			for i, r := range one.Results {
				statuses[r.Status]++
				if r.Status == audit.StatusError {
					t.Errorf("%s: %s", r.Control, r.Reason)
				}
				a, _ := json.Marshal(r)
				b, _ := json.Marshal(each.Results[i])
				if string(a) != string(b) {
					t.Errorf("%s:\n one query: %s\n alone:     %s", r.Control, a, b)
				}
			}
			if len(one.Results) != len(e.controls) || statuses[audit.StatusPass]+statuses[audit.StatusFail] == 0 {
				t.Fatalf("nothing judged: %v", statuses)
			}
			a, _ := json.Marshal([]any{one.Scopes, one.SiteLoss})
			b, _ := json.Marshal([]any{each.Scopes, each.SiteLoss})
			if string(a) != string(b) {
				t.Errorf("scopes or site loss differ:\n one query: %s\n alone:     %s", a, b)
			}
		})
	}
}

func TestControlBindings(t *testing.T) {
	cases := []struct {
		name string
		v    any
		n    int
		ok   bool
	}{
		{"one tuple per control", []any{[]any{[]any{true}, []any{}, []any{}, []any{}}, []any{[]any{}, []any{}, []any{"why"}, []any{}}}, 2, true},
		{"missing binding", nil, 1, false},
		{"not a list", map[string]any{}, 1, false},
		{"too few tuples", []any{[]any{[]any{true}, []any{}, []any{}, []any{}}}, 2, false},
		{"too many tuples", []any{[]any{[]any{true}, []any{}, []any{}, []any{}}, []any{[]any{}, []any{}, []any{}, []any{}}}, 1, false},
		{"a pair, as before reasons and notes", []any{[]any{[]any{true}, []any{}}}, 1, false},
		{"tuple of five", []any{[]any{[]any{true}, []any{}, []any{}, []any{}, []any{}}}, 1, false},
		{"tuple not a list", []any{"x"}, 1, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			pairs, ok := controlBindings(tc.v, tc.n)
			if ok != tc.ok || (ok && len(pairs) != tc.n) {
				t.Fatalf("controlBindings = %v, %v; want ok=%v with %d pairs", pairs, ok, tc.ok, tc.n)
			}
		})
	}
}

// TestBuiltinBundlePassesEveryCheck is what lets a run without custom policies skip the
// compiler's verification stages: the embedded bundle passes all of them, strict.
func TestBuiltinBundlePassesEveryCheck(t *testing.T) {
	files, err := readSources([]PolicySource{Builtin()}, true)
	if err != nil {
		t.Fatal(err)
	}
	mods, probs := parseFiles(files) // the _test.rego files too: `resilcheck test` compiles them
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if _, err := compile(mods, true); err != nil {
		t.Fatal(err)
	}
}

// TestSkippedChecksChangeNothing: the verification stages only report, so an engine that
// skips them judges every bundled manifest exactly as one that runs them.
func TestSkippedChecksChangeNothing(t *testing.T) {
	ctx := context.Background()
	fast := newEngine(t, Options{Policies: []PolicySource{Builtin()}, compileBuiltin: true})
	full := newEngine(t, Options{Policies: []PolicySource{Builtin()}, verifyAll: true})
	// The type checker records a type for every rule: only the full compilation ran it.
	typed := ast.MustParseRef("data.resilcheck.lib.time.day_ns")
	if types.Compare(fast.compiler.TypeEnv.GetByRef(typed), types.A) != 0 || types.Compare(full.compiler.TypeEnv.GetByRef(typed), types.N) != 0 {
		t.Fatal("the two engines did not run different stages; the comparison would prove nothing")
	}
	for _, doc := range bundledManifests(t) {
		a, _ := json.Marshal(fast.EvaluateOne(ctx, doc))
		b, _ := json.Marshal(full.EvaluateOne(ctx, doc))
		if string(a) != string(b) {
			t.Errorf("%s: outcomes differ\n skipped checks: %s\n every check:    %s", doc.Name, a, b)
		}
		if strings.Contains(string(a), `"status":"error"`) {
			t.Errorf("%s: a control errored: %s", doc.Name, a)
		}
	}
}

func filepathGlob(patterns ...string) ([]string, error) {
	var out []string
	for _, p := range patterns {
		m, err := filepath.Glob(p)
		if err != nil {
			return nil, err
		}
		out = append(out, m...)
	}
	return out, nil
}

// bundledManifests are every manifest the repository ships that should judge cleanly.
func bundledManifests(t *testing.T) []Document {
	t.Helper()
	paths, err := filepathGlob("../../testdata/manifests/*.yaml", "../../testdata/valid/*.yaml", "../../testdata/siteloss/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var docs []Document
	for _, path := range paths {
		for i, v := range decodeFile(t, path) {
			docs = append(docs, Document{Name: fmt.Sprintf("%s#%d", path, i), Value: v, Pos: pos})
		}
	}
	if len(docs) < 8 {
		t.Fatalf("only %d bundled manifests found", len(docs))
	}
	return docs
}

// TestIRVMMatchesTopdown: the engine's two evaluators give byte-identical outcomes on every
// bundled manifest, in plain checks, in site-loss simulations and with an override.
func TestIRVMMatchesTopdown(t *testing.T) {
	ctx := context.Background()
	docs := bundledManifests(t)
	runs := []struct {
		name string
		opts Options
	}{
		{"check", Options{}},
		{"simulate a datacenter fire", Options{Fail: []string{"skcc-pangyo"}}},
		{"override", Options{Data: []DataFile{{Name: "d.json", Content: []byte(`{"resilcheck":{"overrides":{"major_vas_min_users":1}}}`)}}}},
	}
	for _, run := range runs {
		t.Run(run.name, func(t *testing.T) {
			td, vm := run.opts, run.opts
			td.Policies, vm.Policies = []PolicySource{Builtin()}, []PolicySource{Builtin()}
			td.Evaluator, vm.Evaluator = EvaluatorTopdown, EvaluatorIRVM
			// irvm planned at run time; the prebuilt plan has TestPrebuiltMatchesCompiled.
			vm.compileBuiltin = true
			a, b := newEngine(t, td), newEngine(t, vm)
			outA, outB := a.Evaluate(ctx, docs), b.Evaluate(ctx, docs)
			if b.vm == nil {
				t.Fatalf("irvm was not used: %s", b.vmReason)
			}
			if n := b.vmFallbacks.Load(); n != 0 {
				t.Fatalf("irvm handed %d documents back to topdown; the comparison would prove nothing", n)
			}
			if a.vmTried {
				t.Fatal("the topdown engine prepared irvm")
			}
			for i := range docs {
				ja, _ := json.Marshal(outA[i])
				jb, _ := json.Marshal(outB[i])
				if string(ja) != string(jb) {
					t.Errorf("%s:\n topdown: %s\n irvm:    %s", docs[i].Name, ja, jb)
				}
			}
		})
	}
}

func TestAutoEvaluatorUsesIRVMForBatches(t *testing.T) {
	ctx := context.Background()
	docs := bundledManifests(t)
	for len(docs) < VMBatchMin {
		docs = append(docs, docs...)
	}
	// Without the prebuilt plan, irvm must be planned first (with it, see
	// TestPrebuiltMatchesCompiled, one document is judged on irvm).
	e := newEngine(t, Options{Policies: []PolicySource{Builtin()}, compileBuiltin: true})
	e.Evaluate(ctx, docs[:1])
	if e.vmTried {
		t.Fatal("one document prepared irvm; planning would cost more than it saves")
	}
	e.Evaluate(ctx, docs[:VMBatchMin])
	if e.vm == nil || e.vmFallbacks.Load() != 0 {
		t.Fatalf("a batch of %d was not judged by irvm: %s (%d handed back to topdown)", VMBatchMin, e.vmReason, e.vmFallbacks.Load())
	}
	// A run told it judges VMBatchMin documents uses irvm for a batch of one of them too.
	e = newEngine(t, Options{Policies: []PolicySource{Builtin()}, compileBuiltin: true})
	e.Expect(VMBatchMin)
	e.Evaluate(ctx, docs[:1])
	if e.vm == nil || e.vmFallbacks.Load() != 0 {
		t.Fatalf("one document of a run of %d was not judged by irvm: %s", VMBatchMin, e.vmReason)
	}
}

func TestUnknownEvaluator(t *testing.T) {
	_, err := New(context.Background(), Options{Policies: []PolicySource{Builtin()}, AsOf: "2026-11-22", Evaluator: "wasm"})
	if err == nil || !strings.Contains(err.Error(), `unknown evaluator "wasm"`) {
		t.Fatalf("err = %v", err)
	}
}

// siteLossViaJSON is the reference convertSiteLoss is held to: encoding/json's decoding
// of the same value into the model.
func siteLossViaJSON(v any) *audit.SiteLoss {
	list, _ := v.([]any)
	if len(list) != 1 || list[0] == nil {
		return nil
	}
	b, err := json.Marshal(list[0])
	if err != nil {
		return nil
	}
	var sl audit.SiteLoss
	if err := json.Unmarshal(b, &sl); err != nil {
		return nil
	}
	return &sl
}

func TestConvertSiteLossMatchesJSONDecoding(t *testing.T) {
	ctx := context.Background()
	e := newEngine(t, Options{Policies: []PolicySource{Builtin()}, Fail: []string{"skcc-pangyo", "anyang"}})
	plain := newEngine(t, Options{Policies: []PolicySource{Builtin()}})
	q, err := e.lazyQuery(ctx, extrasQuery)
	if err != nil {
		t.Fatal(err)
	}
	qPlain, err := plain.lazyQuery(ctx, extrasQuery)
	if err != nil {
		t.Fatal(err)
	}
	var values []any
	for _, doc := range bundledManifests(t) {
		in, err := ast.InterfaceToValue(doc.Value)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range []*rego.PreparedEvalQuery{q, qPlain} {
			rs, err := q.Eval(ctx, rego.EvalParsedInput(in))
			if err != nil || len(rs) != 1 {
				t.Fatalf("%s: %v", doc.Name, err)
			}
			values = append(values, rs[0].Bindings["siteloss"])
		}
	}
	withCycles := false
	for _, v := range values {
		if sl := siteLossViaJSON(v); sl != nil && len(sl.Cycles) > 0 {
			withCycles = true
		}
	}
	if !withCycles {
		t.Log("no bundled manifest has a dependency cycle; the hand-made cases cover cycles")
	}
	values = append(values,
		nil,
		[]any{},
		[]any{nil},
		[]any{"not an object"},
		[]any{map[string]any{}},
		[]any{map[string]any{"failures": []any{}, "cycles": []any{[]any{"a", "b"}, []any{}}}},
		[]any{map[string]any{"failures": []any{map[string]any{"domain": map[string]any{"kind": "datacenter", "id": "x"}, "broken": []any{}, "lost": json.Number("0"), "surviving": json.Number("3")}}}},
		[]any{map[string]any{"failures": []any{map[string]any{"broken": []any{map[string]any{"service": "s", "reason": "r", "cause": "only active in x"}, map[string]any{"service": "t", "reason": "standby-unreachable", "via": "tool"}}, "lost": json.Number("2")}}}},
		[]any{map[string]any{"failures": []any{map[string]any{"broken": []any{map[string]any{"service": "s", "cause": 1}}}}}},
		[]any{map[string]any{"failures": []any{map[string]any{"lost": json.Number("1.5")}}}},
		[]any{map[string]any{"failures": []any{map[string]any{"lost": "two"}}}},
		[]any{map[string]any{"failures": []any{map[string]any{"surviving": []any{"s"}}}}},
		[]any{map[string]any{"failures": []any{}, "dependents": []any{map[string]any{"service": "app", "via": "login", "lost_with": []any{"datacenter x"}}}}},
		[]any{map[string]any{"failures": []any{}, "dependents": []any{map[string]any{"service": "app", "lost_with": []any{"datacenter x", false}}}}},
		[]any{map[string]any{"failures": []any{}, "dependents": "none"}},
		[]any{map[string]any{"failures": "none"}},
		[]any{map[string]any{"failures": []any{map[string]any{"notes": []any{map[string]any{"service": true}}}}}},
	)
	for i, v := range values {
		a, _ := json.Marshal(convertSiteLoss(v))
		b, _ := json.Marshal(siteLossViaJSON(v))
		if string(a) != string(b) {
			t.Errorf("value %d:\n direct: %s\n json:   %s", i, a, b)
		}
	}
}

func TestWhileCompiling(t *testing.T) {
	ran := make(chan struct{}, 1)
	hook := func() { ran <- struct{}{} }
	newEngine(t, Options{WhileCompiling: hook})
	select {
	case <-ran:
	case <-time.After(10 * time.Second):
		t.Fatal("WhileCompiling never ran for an engine that compiled")
	}
	// A bundle refused before compiling (incomplete metadata) never starts it, so a caller
	// that waits on its result only after New succeeded cannot block.
	bad := customSource(map[string]string{"c.rego": "package resilcheck.controls.c\n\ndefault applies := false\n\nviolations contains \"x\" if false\n"})
	if _, err := New(context.Background(), Options{Policies: []PolicySource{core(t), bad}, AsOf: "2026-11-22", WhileCompiling: hook}); err == nil {
		t.Fatal("a control without metadata was accepted")
	}
	select {
	case <-ran:
		t.Fatal("WhileCompiling ran although New failed before compiling")
	case <-time.After(50 * time.Millisecond):
	}
}

// TestPanicIsAnErrorResult: a document that makes evaluation panic (here: a Pos function
// that does) gets an error result per control instead of crashing the run.
func TestPanicIsAnErrorResult(t *testing.T) {
	e := newEngine(t, Options{})
	doc := Document{Name: "x", Value: major(nil), Pos: func(string) audit.Position { panic("boom") }}
	out := e.Evaluate(context.Background(), []Document{doc})
	r := resultFor(t, out[0], officerID)
	if r.Status != audit.StatusError || !strings.Contains(r.Reason, "internal error while evaluating") || !strings.Contains(r.Reason, "boom") {
		t.Fatalf("result = %+v", r)
	}
}
