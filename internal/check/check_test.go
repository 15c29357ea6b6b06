package check

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xeipuuv/gojsonschema"

	"github.com/resilcheck/resilcheck/internal/audit"
	"github.com/resilcheck/resilcheck/internal/engine"
	"github.com/resilcheck/resilcheck/reports"
)

const (
	minimal   = "../../testdata/valid/minimal.yaml"
	scenarios = "../../testdata/manifests"
	officer   = "KR-BCDA-39-2-OFFICER"
)

func run(t *testing.T, opts Options) *audit.Report {
	t.Helper()
	if opts.AsOf == "" {
		opts.AsOf = "2026-11-22"
	}
	opts.Tool = audit.Tool{Name: "resilcheck", Version: "test", OPAVersion: "test"}
	r, err := Run(context.Background(), opts)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return r
}

func renderJSON(t *testing.T, r *audit.Report) []byte {
	t.Helper()
	rend, err := reports.Lookup("json")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := rend.Render(&b, r, reports.Options{}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// validateReport checks a JSON report against schemas/report.v1.schema.json.
func validateReport(t *testing.T, doc []byte) {
	t.Helper()
	schema, err := filepath.Abs("../../schemas/report.v1.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	res, err := gojsonschema.Validate(gojsonschema.NewReferenceLoader("file://"+filepath.ToSlash(schema)), gojsonschema.NewBytesLoader(doc))
	if err != nil {
		t.Fatalf("validate report: %v", err)
	}
	for _, e := range res.Errors() {
		t.Errorf("report does not match its schema: %s", e)
	}
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func find(t *testing.T, r *audit.Report, manifest, control string) audit.Result {
	t.Helper()
	for _, res := range r.Results {
		if res.Manifest == manifest && res.Control == control {
			return res
		}
	}
	t.Fatalf("no result for %s / %s", manifest, control)
	return audit.Result{}
}

func TestScenariosMatchReportSchemaAndAreDeterministic(t *testing.T) {
	first := renderJSON(t, run(t, Options{Paths: []string{scenarios, minimal}}))
	validateReport(t, first)
	second := renderJSON(t, run(t, Options{Paths: []string{minimal, scenarios}, Workers: 1}))
	if !bytes.Equal(first, second) {
		t.Fatal("reports differ between runs (input order, worker count)")
	}
}

func TestReportShape(t *testing.T) {
	r := run(t, Options{Paths: []string{minimal}})
	if len(r.Manifests) != 1 || r.Manifests[0].Name != "example-minimal" || r.Manifests[0].Provider != "Example Messenger Inc." {
		t.Fatalf("manifests = %+v", r.Manifests)
	}
	if len(r.Manifests[0].Scopes) == 0 {
		t.Fatal("scope decisions missing")
	}
	if len(r.Results) != len(r.Controls) || len(r.Controls) == 0 {
		t.Fatalf("%d results for %d controls", len(r.Results), len(r.Controls))
	}
	for i := 1; i < len(r.Results); i++ {
		if r.Results[i-1].Control >= r.Results[i].Control {
			t.Fatalf("results not sorted by control: %s before %s", r.Results[i-1].Control, r.Results[i].Control)
		}
	}
	if len(r.Inputs) != 1 || len(r.Inputs[0].SHA256) != 64 {
		t.Fatalf("inputs = %+v", r.Inputs)
	}
	var sum audit.Summary
	for _, res := range r.Results {
		sum.Add(res.Status)
	}
	if sum != r.Summary {
		t.Fatalf("summary %+v disagrees with results %+v", r.Summary, sum)
	}
	// minimal.yaml declares no governance section: the officer control must find that.
	res := find(t, r, "example-minimal", officer)
	if res.Status != audit.StatusFail || res.Violations[0].Line == 0 || res.Violations[0].File != "../../testdata/valid/minimal.yaml" {
		t.Fatalf("officer result = %+v", res)
	}
}

func TestInvalidDocumentAmongValidOnes(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile(minimal)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "a-good.yaml", string(good))
	writeFile(t, dir, "b-bad.yaml", "apiVersion: resilcheck/v1\nkind: ProviderManifest\nmetadata:\n  name: broken\n")
	writeFile(t, dir, "c-syntax.yaml", "apiVersion: [\n")
	r := run(t, Options{Paths: []string{dir}})
	if !HasProblems(r) {
		t.Fatal("HasProblems = false")
	}
	byName := map[string]audit.Manifest{}
	for _, m := range r.Manifests {
		byName[m.Name] = m
	}
	if m := byName["example-minimal"]; len(m.Problems) != 0 || len(m.Scopes) == 0 {
		t.Fatalf("valid manifest not judged: %+v", m)
	}
	if res := find(t, r, "example-minimal", officer); res.Status != audit.StatusFail {
		t.Fatalf("valid manifest result = %+v", res)
	}
	if m := byName["broken"]; len(m.Problems) == 0 {
		t.Fatalf("invalid manifest has no problems: %+v", byName)
	}
	res := find(t, r, "broken", officer)
	if res.Status != audit.StatusError || !strings.HasPrefix(res.Reason, "invalid manifest: ") {
		t.Fatalf("invalid manifest result = %+v", res)
	}
	syntax := filepath.ToSlash(filepath.Join(dir, "c-syntax.yaml"))
	if m, ok := byName[syntax]; !ok || len(m.Problems) == 0 || m.Problems[0].Line == 0 {
		t.Fatalf("syntax error not reported with a position: %+v", byName)
	}
	if r.Summary.Error != 2*len(r.Controls) {
		t.Fatalf("summary = %+v", r.Summary)
	}
	validateReport(t, renderJSON(t, r))
}

func TestDuplicateNamesAreProblems(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile(minimal)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "a.yaml", string(good))
	writeFile(t, dir, "b.yaml", string(good))
	r := run(t, Options{Paths: []string{dir}})
	if len(r.Manifests) != 2 || len(r.Manifests[0].Problems) != 0 || len(r.Manifests[1].Problems) != 1 {
		t.Fatalf("manifests = %+v", r.Manifests)
	}
	if p := r.Manifests[1].Problems[0]; p.Pointer != "/metadata/name" || !strings.Contains(p.Message, "a.yaml:6:") {
		t.Fatalf("problem = %+v", p)
	}
}

func TestBrokenRun(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "c.rego", "package resilcheck.controls.nometa\n\ndefault applies := false\n\nviolations contains \"x\" if false\n")
	data := writeFile(t, dir, "d.yaml", "resilcheck:\n  run: {as_of: 2020-01-01}\n")
	tests := []struct {
		name   string
		opts   Options
		bundle bool
		want   string
	}{
		{"custom control without metadata", Options{PolicyDirs: []string{dir}}, true, "no package-scope METADATA"},
		// A -p path that is missing or not a directory is an input error (exit 2), as the CLI
		// reports it, not a broken bundle.
		{"missing policy dir", Options{PolicyDirs: []string{filepath.Join(dir, "nope")}}, false, "--policy " + filepath.Join(dir, "nope") + ": no such directory"},
		{"policy path not a directory", Options{PolicyDirs: []string{data}}, false, "--policy " + data + ": not a directory"},
		{"data file overwriting the run", Options{DataFiles: []string{data}}, false, "resilcheck.run may not be overwritten"},
		{"missing data file", Options{DataFiles: []string{filepath.Join(dir, "nope.yaml")}}, false, "does not exist"},
		{"bad as-of", Options{AsOf: "22/11/2026"}, false, "not a YYYY-MM-DD date"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.opts.Paths = []string{minimal}
			if tc.opts.AsOf == "" {
				tc.opts.AsOf = "2026-11-22"
			}
			_, err := Run(context.Background(), tc.opts)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
			var be *engine.BundleError
			if errors.As(err, &be) != tc.bundle {
				t.Fatalf("BundleError = %v, want %v (%v)", !tc.bundle, tc.bundle, err)
			}
		})
	}
}

func TestFailed(t *testing.T) {
	r := &audit.Report{
		Controls: []audit.Control{{ID: "H", Severity: audit.SeverityHigh}, {ID: "L", Severity: audit.SeverityLow}},
	}
	tests := []struct {
		name      string
		results   []audit.Result
		threshold string
		want      bool
	}{
		{"no failures", []audit.Result{{Control: "H", Status: audit.StatusPass}}, "", false},
		{"low failure, any threshold", []audit.Result{{Control: "L", Status: audit.StatusFail}}, "", true},
		{"low failure below high", []audit.Result{{Control: "L", Status: audit.StatusFail}}, "high", false},
		{"high failure at high", []audit.Result{{Control: "H", Status: audit.StatusFail}}, "high", true},
		{"high failure below critical", []audit.Result{{Control: "H", Status: audit.StatusFail}}, "critical", false},
		{"error fails whatever the severity", []audit.Result{{Control: "L", Status: audit.StatusError}}, "critical", true},
		{"waived does not fail", []audit.Result{{Control: "H", Status: audit.StatusWaived}}, "", false},
		{"none never fails", []audit.Result{{Control: "H", Status: audit.StatusFail}, {Control: "L", Status: audit.StatusError}}, "none", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r.Results = tc.results
			if got := Failed(r, tc.threshold); got != tc.want {
				t.Fatalf("Failed = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestStdin(t *testing.T) {
	good, err := os.ReadFile(minimal)
	if err != nil {
		t.Fatal(err)
	}
	r := run(t, Options{Paths: []string{"-"}, Stdin: bytes.NewReader(good)})
	if len(r.Manifests) != 1 || r.Manifests[0].File != "<stdin>" || HasProblems(r) {
		t.Fatalf("manifests = %+v", r.Manifests)
	}
	if res := find(t, r, "example-minimal", officer); res.Violations[0].File != "<stdin>" {
		t.Fatalf("violation position = %+v", res.Violations[0].Position)
	}
	var decoded map[string]any
	if err := json.Unmarshal(renderJSON(t, r), &decoded); err != nil {
		t.Fatal(err)
	}
}

// TestReportSchemaCoversModel walks the audit model by reflection alongside the schema and
// fails when a field of the model has no property in the schema, so a model change cannot
// silently ship reports the schema rejects (additionalProperties is false everywhere).
func TestReportSchemaCoversModel(t *testing.T) {
	raw, err := os.ReadFile("../../schemas/report.v1.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var schema map[string]any
	if err := json.Unmarshal(raw, &schema); err != nil {
		t.Fatal(err)
	}
	defs, _ := schema["definitions"].(map[string]any)
	resolve := func(n map[string]any) map[string]any {
		for {
			ref, ok := n["$ref"].(string)
			if !ok {
				return n
			}
			n, _ = defs[strings.TrimPrefix(ref, "#/definitions/")].(map[string]any)
		}
	}
	var walk func(path string, typ reflect.Type, node map[string]any)
	walk = func(path string, typ reflect.Type, node map[string]any) {
		node = resolve(node)
		if node == nil {
			t.Errorf("%s: no schema", path)
			return
		}
		if _, ok := node["description"]; !ok && path != "report" {
			t.Errorf("%s: schema has no description", path)
		}
		switch typ.Kind() {
		case reflect.Pointer:
			walk(path, typ.Elem(), node)
		case reflect.Slice:
			items, _ := node["items"].(map[string]any)
			walk(path+"[]", typ.Elem(), items)
		case reflect.Struct:
			props, _ := node["properties"].(map[string]any)
			var fields func(reflect.Type)
			fields = func(st reflect.Type) {
				for i := range st.NumField() {
					f := st.Field(i)
					if f.Anonymous {
						fields(f.Type)
						continue
					}
					name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
					if name == "" || name == "-" {
						continue
					}
					sub, ok := props[name].(map[string]any)
					if !ok {
						t.Errorf("%s.%s: the model has it, the schema does not", path, name)
						continue
					}
					walk(path+"."+name, f.Type, sub)
				}
			}
			fields(typ)
		}
	}
	walk("report", reflect.TypeOf(audit.Report{}), schema)
}

func TestWaivers(t *testing.T) {
	dir := t.TempDir()
	waivers := func(expires string) string {
		return writeFile(t, dir, "w-"+expires+".yaml", "apiVersion: resilcheck/v1\nkind: WaiverSet\nwaivers:\n"+
			"  - control: "+officer+"\n    manifest: example-minimal\n    reason: officer appointment pending board approval\n"+
			"    approvedBy: CISO\n    expires: \""+expires+"\"\n")
	}
	tests := []struct {
		name    string
		file    string
		want    audit.Status
		warning string
	}{
		{"unexpired waiver waives", waivers("2026-12-31"), audit.StatusWaived, ""},
		{"waiver applies through its expiry date", waivers("2026-11-22"), audit.StatusWaived, ""},
		{"expired waiver does not", waivers("2026-11-21"), audit.StatusFail, "expired on 2026-11-21"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var warnings []string
			r := run(t, Options{Paths: []string{minimal}, Waivers: tc.file, Warn: func(m string) { warnings = append(warnings, m) }})
			res := find(t, r, "example-minimal", officer)
			if res.Status != tc.want {
				t.Fatalf("status = %s, want %s", res.Status, tc.want)
			}
			if tc.want == audit.StatusWaived && (res.Waiver == nil || res.Waiver.ApprovedBy != "CISO") {
				t.Fatalf("waiver not recorded: %+v", res)
			}
			if tc.warning != "" && !strings.Contains(strings.Join(warnings, "\n"), tc.warning) {
				t.Fatalf("warnings %q lack %q", warnings, tc.warning)
			}
			var sum audit.Summary
			for _, x := range r.Results {
				sum.Add(x.Status)
			}
			if sum != r.Summary {
				t.Fatalf("summary %+v disagrees with results %+v", r.Summary, sum)
			}
			validateReport(t, renderJSON(t, r))
		})
	}
	bad := writeFile(t, dir, "bad.yaml", "apiVersion: resilcheck/v1\nkind: WaiverSet\nwaivers:\n  - control: "+officer+"\n")
	if _, err := Run(context.Background(), Options{Paths: []string{minimal}, AsOf: "2026-11-22", Waivers: bad}); err == nil || !strings.Contains(err.Error(), "bad.yaml:4:") {
		t.Fatalf("invalid waiver file: err = %v", err)
	}
}
