package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xeipuuv/gojsonschema"

	"github.com/resilcheck/resilcheck/reports"
)

const (
	minimalManifest = "testdata/valid/minimal.yaml"
	scenarioDir     = "testdata/manifests"
	officerControl  = "KR-BCDA-39-2-OFFICER"
	asOf            = "--as-of=2026-11-22"
)

// customMeta is complete package METADATA for a custom control.
const customMeta = `# METADATA
# title: Services declare an owner team
# description: Every service names the team that owns it.
# scope: package
# custom:
#   id: ACME-OWNER
#   severity: low
#   kind: guidance
#   regulation: ACME
#   title_ko: 서비스 소유 팀
#   citation:
#     law: ACME engineering standard
#     article: Sec. 4
#     text: ACME Std. Sec. 4
#   remediation:
#     en: Add a team label.
#     ko: 팀 레이블을 추가하십시오.
`

const customBody = `
default applies := true

violations contains {"msg": "metadata.labels has no team", "pointer": "/metadata/labels"} if {
	not input.metadata.labels.team
}
`

var httpSendPolicy = customMeta + "package resilcheck.controls.acme_owner\n" + customBody +
	"\nremote := http.send({\"method\": \"GET\", \"url\": \"https://example.com\"})\n"

func policyDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// report is the subset of the JSON report these tests read.
type report struct {
	Summary   map[string]int `json:"summary"`
	ExitCode  int            `json:"exit_code"`
	Manifests []struct {
		Name     string            `json:"name"`
		File     string            `json:"file"`
		Problems []json.RawMessage `json:"problems"`
		Scopes   []json.RawMessage `json:"scopes"`
	} `json:"manifests"`
	Results []struct {
		Manifest string `json:"manifest"`
		Control  string `json:"control"`
		Status   string `json:"status"`
		Reason   string `json:"reason"`
	} `json:"results"`
	Controls []struct {
		ID     string `json:"id"`
		Custom bool   `json:"custom"`
	} `json:"controls"`
}

func parseReport(t *testing.T, out string) report {
	t.Helper()
	var r report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("report is not JSON: %v\n%s", err, out)
	}
	return r
}

func (r report) status(manifest, control string) string {
	for _, res := range r.Results {
		if res.Manifest == manifest && res.Control == control {
			return res.Status
		}
	}
	return ""
}

func checkSchema(t *testing.T, doc string) {
	t.Helper()
	res, err := gojsonschema.Validate(
		gojsonschema.NewReferenceLoader("file://"+filepath.ToSlash(filepath.Join(repoRoot, "schemas", "report.v1.schema.json"))),
		gojsonschema.NewStringLoader(doc))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res.Errors() {
		t.Errorf("report does not match schemas/report.v1.schema.json: %s", e)
	}
}

// officerManifest is minimal.yaml with an officer the ministry heard of after 31 days.
func officerManifest(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot, minimalManifest))
	if err != nil {
		t.Fatal(err)
	}
	doc := strings.Replace(string(b), "datacenters:\n", "governance:\n  officer: {appointed: true, appointedOn: 2025-01-01, ministryNotifiedOn: 2025-02-01}\ndatacenters:\n", 1)
	p := filepath.Join(t.TempDir(), "officer.yaml")
	if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCheckScenariosJSON(t *testing.T) {
	out, stderr, code := runCLI(t, "", "check", asOf, "-f", "json", scenarioDir)
	if code != ExitFailed {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, ExitFailed, stderr)
	}
	checkSchema(t, out)
	r := parseReport(t, out)
	if r.ExitCode != ExitFailed || r.Summary["fail"] == 0 || len(r.Manifests) < 2 {
		t.Fatalf("report: exit_code %d, summary %v, %d manifests", r.ExitCode, r.Summary, len(r.Manifests))
	}
	if got := r.status("kakao-2022-10-15", officerControl); got != "fail" {
		t.Fatalf("kakao %s = %q, want fail", officerControl, got)
	}
}

func TestCheckDeterministic(t *testing.T) {
	for _, format := range reports.Formats() {
		t.Run(format, func(t *testing.T) {
			args := []string{"check", asOf, "-f", format, scenarioDir, minimalManifest}
			first, _, _ := runCLI(t, "", args...)
			second, _, _ := runCLI(t, "", args...)
			if first != second || first == "" {
				t.Fatalf("two runs on the same input produced different %s", format)
			}
		})
	}
}

// TestCheckInputOrderIrrelevant: naming the same inputs in another order, with ./
// prefixes or as absolute paths changes only the recorded command line.
func TestCheckInputOrderIrrelevant(t *testing.T) {
	withoutCommand := func(out string) map[string]any {
		t.Helper()
		var doc map[string]any
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatalf("report is not JSON: %v", err)
		}
		delete(doc, "command")
		return doc
	}
	a, _, _ := runCLI(t, "", "check", asOf, "-f", "json", scenarioDir, minimalManifest)
	b, _, _ := runCLI(t, "", "check", asOf, "-f", "json", "./"+minimalManifest, "./"+scenarioDir+"/")
	if !reflect.DeepEqual(withoutCommand(a), withoutCommand(b)) {
		t.Fatal("reordering the inputs (and prefixing ./) changed the report beyond its command line")
	}
	c, _, _ := runCLI(t, "", "check", asOf, "-f", "json", filepath.Join(repoRoot, scenarioDir), filepath.Join(repoRoot, minimalManifest))
	if !reflect.DeepEqual(withoutCommand(a), withoutCommand(c)) {
		t.Fatal("absolute paths inside the working directory changed the report beyond its command line")
	}
}

func TestCheckInvalidAmongValid(t *testing.T) {
	out, stderr, code := runCLI(t, "", "check", asOf, "-f", "json", minimalManifest, "testdata/invalid/unknown-field.yaml", "testdata/invalid/syntax-error.yaml")
	if code != ExitInputError {
		t.Fatalf("exit %d, want %d", code, ExitInputError)
	}
	for _, want := range []string{"testdata/invalid/unknown-field.yaml:12:1:", "testdata/invalid/syntax-error.yaml:8:3:"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	checkSchema(t, out)
	r := parseReport(t, out)
	if r.ExitCode != ExitInputError {
		t.Fatalf("exit_code = %d", r.ExitCode)
	}
	judged, invalid := 0, 0
	for _, m := range r.Manifests {
		if len(m.Problems) > 0 {
			invalid++
		} else if len(m.Scopes) > 0 {
			judged++
		}
	}
	if judged != 1 || invalid != 2 {
		t.Fatalf("%d judged, %d invalid manifests; want 1 and 2", judged, invalid)
	}
	if got := r.status("example-minimal", officerControl); got != "fail" {
		t.Fatalf("valid manifest %s = %q, want fail", officerControl, got)
	}
}

func TestCheckStdin(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(repoRoot, minimalManifest))
	if err != nil {
		t.Fatal(err)
	}
	out, _, code := runCLI(t, string(b), "check", asOf, "-f", "json", "-")
	r := parseReport(t, out)
	if code != ExitFailed || len(r.Manifests) != 1 || r.Manifests[0].File != "<stdin>" {
		t.Fatalf("exit %d, manifests %+v", code, r.Manifests)
	}
}

func TestCheckDataOverrideChangesVerdict(t *testing.T) {
	m := officerManifest(t)
	out, _, _ := runCLI(t, "", "check", asOf, "-f", "json", m)
	if got := parseReport(t, out).status("example-minimal", officerControl); got != "fail" {
		t.Fatalf("without override: %s = %q, want fail (notice after 31 days)", officerControl, got)
	}
	data := filepath.Join(t.TempDir(), "data.yaml")
	if err := os.WriteFile(data, []byte("resilcheck:\n  overrides:\n    dm_officer_notify_days: 45\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, _ = runCLI(t, "", "check", asOf, "-f", "json", "-d", data, m)
	if got := parseReport(t, out).status("example-minimal", officerControl); got != "pass" {
		t.Fatalf("with a 45-day override: %s = %q, want pass", officerControl, got)
	}
}

func TestCheckCustomPolicies(t *testing.T) {
	tests := []struct {
		name       string
		files      map[string]string
		wantCode   int
		wantStderr []string
	}{
		{"custom control added", map[string]string{"owner.rego": customMeta + "package resilcheck.controls.acme_owner\n" + customBody}, ExitFailed, nil},
		{"custom module rewriting the audit date", map[string]string{"run.rego": "package resilcheck.run\n\nas_of := \"2000-01-01\"\n"}, ExitBundleBroken,
			[]string{"run.rego:1: package resilcheck.run: only packages under resilcheck.controls.<new name>"}},
		{"custom module extending a built-in control", map[string]string{"officer.rego": customMeta + "package resilcheck.controls.dm_officer\n" + customBody}, ExitBundleBroken,
			[]string{"officer.rego:", "resilcheck.controls.dm_officer is a built-in control package"}},
		{"custom control without metadata", map[string]string{"owner.rego": "package resilcheck.controls.acme_owner\n" + customBody}, ExitBundleBroken,
			[]string{"owner.rego:1: control package resilcheck.controls.acme_owner has no package-scope METADATA"}},
		{"custom control with incomplete metadata", map[string]string{"owner.rego": strings.Replace(customMeta, "#   severity: low\n", "", 1) + "package resilcheck.controls.acme_owner\n" + customBody}, ExitBundleBroken,
			[]string{"owner.rego:1:", "missing custom.severity"}},
		{"custom control calling http.send", map[string]string{"owner.rego": httpSendPolicy}, ExitBundleBroken,
			[]string{fmt.Sprintf("owner.rego:%d:", strings.Count(httpSendPolicy[:strings.Index(httpSendPolicy, "remote :=")], "\n")+1), "http.send is not allowed"}},
		{"duplicate id", map[string]string{"owner.rego": strings.Replace(customMeta, "ACME-OWNER", officerControl, 1) + "package resilcheck.controls.acme_owner\n" + customBody}, ExitBundleBroken,
			[]string{"duplicate control id " + officerControl}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := policyDir(t, tc.files)
			out, stderr, code := runCLI(t, "", "check", asOf, "-f", "json", "-p", dir, minimalManifest)
			if code != tc.wantCode {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, tc.wantCode, stderr)
			}
			for _, w := range tc.wantStderr {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
			if tc.wantCode == ExitBundleBroken {
				if out != "" {
					t.Errorf("a broken bundle must not produce a report, got:\n%s", out)
				}
				return
			}
			r := parseReport(t, out)
			if got := r.status("example-minimal", "ACME-OWNER"); got != "fail" {
				t.Fatalf("ACME-OWNER = %q, want fail", got)
			}
			for _, c := range r.Controls {
				if c.ID == "ACME-OWNER" && !c.Custom {
					t.Fatal("custom control not marked custom")
				}
			}
		})
	}
}

func TestCheckFailOn(t *testing.T) {
	// Each case states only what holds whatever the built-in catalogue is, so adding a
	// control does not break it.
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"default fails on any failure", nil, ExitFailed},
		{"none never fails", []string{"--fail-on", "none"}, ExitOK},
		{"unknown severity is a usage error", []string{"--fail-on", "urgent"}, ExitInputError},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"check", asOf, "-f", "json"}, tc.args...)
			_, stderr, code := runCLI(t, "", append(args, minimalManifest)...)
			if code != tc.want {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, tc.want, stderr)
			}
		})
	}
}

func TestCheckFailOnThreshold(t *testing.T) {
	// The same failing custom control, once low and once critical, against a --fail-on
	// critical gate: only the critical one may trip it. The comparison needs a manifest the
	// built-in controls do not already fail at critical, or the gate would be 1 either way
	// and prove nothing.
	withSeverity := func(sev string) string {
		return policyDir(t, map[string]string{"owner.rego": strings.Replace(customMeta, "#   severity: low\n", "#   severity: "+sev+"\n", 1) +
			"package resilcheck.controls.acme_owner\n" + customBody})
	}
	gate := []string{"check", asOf, "-f", "json", "--fail-on", "critical"}
	out, stderr, builtin := runCLI(t, "", append(gate, minimalManifest)...)
	if builtin != ExitOK {
		t.Fatalf("%s already fails the critical gate with the built-in controls (exit %d): choose a manifest without critical failures\n%s", minimalManifest, builtin, stderr)
	}
	if got := parseReport(t, out).Summary["fail"]; got == 0 {
		t.Fatalf("%s fails no control at all: the gate is not exercised", minimalManifest)
	}
	tests := []struct {
		severity string
		want     int
	}{
		{"low", ExitOK},
		{"high", ExitOK},
		{"critical", ExitFailed},
	}
	for _, tc := range tests {
		t.Run(tc.severity, func(t *testing.T) {
			_, stderr, code := runCLI(t, "", append(gate, "-p", withSeverity(tc.severity), minimalManifest)...)
			if code != tc.want {
				t.Fatalf("a failing %s custom control against --fail-on critical: exit %d, want %d\n%s", tc.severity, code, tc.want, stderr)
			}
		})
	}
}

func TestCheckOutputFiles(t *testing.T) {
	dir := t.TempDir()
	main := filepath.Join(dir, "report.json")
	extra := filepath.Join(dir, "extra.json")
	out, stderr, code := runCLI(t, "", "check", asOf, "-f", "json", "-o", main, "--report", "json="+extra, minimalManifest)
	if code != ExitFailed || out != "" {
		t.Fatalf("exit %d, stdout %q, stderr %s", code, out, stderr)
	}
	a, err := os.ReadFile(main)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(extra)
	if err != nil {
		t.Fatal(err)
	}
	if string(a) != string(b) {
		t.Fatal("-o and --report from one evaluation differ")
	}
	checkSchema(t, string(a))
}

func TestCheckUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no paths", []string{"check"}, "no input"},
		{"unknown format", []string{"check", "-f", "yaml", minimalManifest}, `unknown format "yaml"`},
		{"bad report flag", []string{"check", "--report", "json", minimalManifest}, "want FORMAT=FILE"},
		{"bad as-of", []string{"check", "--as-of", "2026/11/22", minimalManifest}, "YYYY-MM-DD"},
		{"bad lang", []string{"check", "--lang", "jp", minimalManifest}, "want en or ko"},
		{"flag after path", []string{"check", minimalManifest, "-f", "json"}, "must come before the arguments"},
		{"data file touching the run", []string{"check", "-d", minimalManifest, minimalManifest}, "only resilcheck.overrides may be set"},
		{"bad size", []string{"check", "--max-file-size", "lots", minimalManifest}, "--max-file-size"},
		{"unknown evaluator", []string{"check", "--evaluator", "wasm", minimalManifest}, `--evaluator "wasm": want auto, topdown, irvm`},
		{"after -- a dash argument is a path", []string{"check", "--", "-f"}, "-f: no such file or directory"},
		{"empty path", []string{"check", ""}, `"": empty path`},
		{"missing policy directory", []string{"check", "-p", "no-such-dir", minimalManifest}, "--policy no-such-dir: no such directory"},
		{"two reports to one file", []string{"check", "--report", "json=" + os.DevNull, "--report", "sarif=" + os.DevNull, minimalManifest}, "already writes that file"},
		{"report onto the output", []string{"check", "-o", os.DevNull, "--report", "sarif=" + os.DevNull, minimalManifest}, "-o " + os.DevNull + " already writes that file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, stderr, code := runCLI(t, "", tc.args...)
			if code != ExitInputError || !strings.Contains(stderr, tc.want) {
				t.Fatalf("exit %d, stderr %q; want %d and %q", code, stderr, ExitInputError, tc.want)
			}
		})
	}
}

func TestCheckWaivers(t *testing.T) {
	dir := t.TempDir()
	write := func(name, expires string) string {
		p := filepath.Join(dir, name)
		content := "apiVersion: resilcheck/v1\nkind: WaiverSet\nwaivers:\n  - control: " + officerControl +
			"\n    manifest: example-minimal\n    reason: appointment pending board approval\n    approvedBy: CISO\n    expires: \"" + expires + "\"\n"
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	active, expired := write("active.yaml", "2026-12-31"), write("expired.yaml", "2026-01-31")
	out, _, _ := runCLI(t, "", "check", asOf, "-f", "json", "--waivers", active, minimalManifest)
	r := parseReport(t, out)
	if got := r.status("example-minimal", officerControl); got != "waived" || r.Summary["waived"] != 1 {
		t.Fatalf("with an active waiver: %s = %q, summary %v", officerControl, got, r.Summary)
	}
	checkSchema(t, out)
	out, stderr, _ := runCLI(t, "", "check", asOf, "-f", "json", "--waivers", expired, minimalManifest)
	if got := parseReport(t, out).status("example-minimal", officerControl); got != "fail" || !strings.Contains(stderr, "expired on 2026-01-31") {
		t.Fatalf("with an expired waiver: %s = %q; stderr %q", officerControl, got, stderr)
	}
	// -q keeps the report and drops the warning, before or after the command name.
	for _, args := range [][]string{{"check", "-q"}, {"-q", "check"}} {
		quietOut, stderr, _ := runCLI(t, "", append(args, asOf, "-f", "json", "--waivers", expired, minimalManifest)...)
		if got := parseReport(t, quietOut).status("example-minimal", officerControl); got != "fail" || strings.Contains(stderr, "warning:") {
			t.Errorf("%v with an expired waiver: %s = %q, stderr %q", args, officerControl, got, stderr)
		}
	}
	_, stderr, code := runCLI(t, "", "check", asOf, "-f", "json", "--waivers", minimalManifest, minimalManifest)
	if code != ExitInputError || !strings.Contains(stderr, "invalid waiver file") {
		t.Fatalf("a manifest given as waiver file: exit %d, stderr %q", code, stderr)
	}
}

// TestCheckRefusesToOverwriteAnInput: -o naming the manifest itself is a usage error, and
// the manifest is left as it was.
func TestCheckRefusesToOverwriteAnInput(t *testing.T) {
	m := officerManifest(t)
	before, err := os.ReadFile(m)
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"-o", m}, {"--report", "sarif=" + m}} {
		_, stderr, code := runCLI(t, "", append(append([]string{"check", asOf, "-f", "json"}, args...), m)...)
		if code != ExitInputError || !strings.Contains(stderr, "refusing to overwrite it with a report") {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
		if after, _ := os.ReadFile(m); string(after) != string(before) {
			t.Fatalf("%v: the input manifest was overwritten", args)
		}
	}
}

// TestCheckRefusesToOverwriteDataAndWaivers: the --data and --waivers files are inputs too;
// a report over either is refused and the file is left as it was. A --data path that never
// ends (a device) is refused at the size limit instead of exhausting memory.
func TestCheckRefusesToOverwriteDataAndWaivers(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data.yaml")
	waivers := filepath.Join(dir, "waivers.yaml")
	files := map[string]string{
		data:    "resilcheck:\n  overrides:\n    dm_officer_notify_days: 45\n",
		waivers: "apiVersion: resilcheck/v1\nkind: WaiverSet\nwaivers: []\n",
	}
	for p, content := range files {
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, target := range []string{data, waivers} {
		_, stderr, code := runCLI(t, "", "check", asOf, "-f", "json", "-d", data, "--waivers", waivers, "-o", target, minimalManifest)
		if code != ExitInputError || !strings.Contains(stderr, "refusing to overwrite it with a report") {
			t.Errorf("-o %s: exit %d, stderr %q", filepath.Base(target), code, stderr)
		}
		if after, _ := os.ReadFile(target); string(after) != files[target] {
			t.Fatalf("%s was overwritten", filepath.Base(target))
		}
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		_, stderr, code := runCLI(t, "", "check", asOf, "--max-file-size", "1MiB", "-d", "/dev/zero", minimalManifest)
		if code != ExitInputError || !strings.Contains(stderr, "over the 1048576-byte limit") {
			t.Errorf("-d /dev/zero: exit %d, stderr %q", code, stderr)
		}
	}
}

// TestCheckEvaluatorsAgree: the report on every bundled scenario is the same byte for byte
// whichever evaluator judges (only the recorded command line differs).
func TestCheckEvaluatorsAgree(t *testing.T) {
	var want string
	for _, ev := range []string{"topdown", "irvm", "auto"} {
		out, stderr, code := runCLI(t, "", "check", "--as-of", "2026-11-22", "-f", "json", "--evaluator", ev, "testdata/manifests/")
		if code != ExitFailed {
			t.Fatalf("%s: exit %d, stderr %q", ev, code, stderr)
		}
		got := strings.Replace(out, `"`+ev+`"`, `"EVALUATOR"`, 1)
		if want == "" {
			want = got
			continue
		}
		if got != want {
			t.Errorf("--evaluator %s changed the report", ev)
		}
	}
}
