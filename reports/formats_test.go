package reports

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/resilcheck/resilcheck/internal/audit"
)

func TestLookup(t *testing.T) {
	for _, f := range []string{"text", "json", "sarif", "junit", "markdown", "html", "csv"} {
		if _, err := Lookup(f); err != nil {
			t.Errorf("Lookup(%q): %v", f, err)
		}
	}
	_, err := Lookup("nope")
	if err == nil {
		t.Fatal(`Lookup("nope") succeeded`)
	}
	for _, f := range Formats() {
		if !strings.Contains(err.Error(), f) {
			t.Errorf("error %q does not list format %q", err, f)
		}
	}
}

func TestWriteFile(t *testing.T) {
	boom := errors.New("boom")
	tests := []struct {
		name     string
		existing string // content before the write; "" for no file
		write    func(io.Writer) error
		wantErr  bool
		want     string // content after
	}{
		{"new file", "", func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }, false, "new"},
		{"replaces", "old", func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }, false, "new"},
		{"failure leaves nothing", "", func(w io.Writer) error { io.WriteString(w, "half"); return boom }, true, ""},
		{"failure keeps the old report", "old", func(w io.Writer) error { io.WriteString(w, "half"); return boom }, true, "old"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "report.sarif")
			if tt.existing != "" {
				if err := os.WriteFile(path, []byte(tt.existing), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			err := WriteFile(path, tt.write)
			if (err != nil) != tt.wantErr {
				t.Fatalf("WriteFile error = %v, want error %v", err, tt.wantErr)
			}
			if tt.wantErr && !errors.Is(err, boom) {
				t.Errorf("error %v does not wrap the writer's error", err)
			}
			got, readErr := os.ReadFile(path)
			switch {
			case tt.want == "" && readErr == nil:
				t.Errorf("a failed write left %s behind", path)
			case tt.want != "" && string(got) != tt.want:
				t.Errorf("content = %q, want %q", got, tt.want)
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if e.Name() != "report.sarif" {
					t.Errorf("temporary file %s left behind", e.Name())
				}
			}
		})
	}
}

// unescapers turn each format's escaping back into plain text, so the content checks below
// look at what a reader sees rather than at escaping details.
var mdUnescape = regexp.MustCompile(`\\([\\` + "`" + `*_\[\]#|])`)

func plain(format string, b []byte) string {
	s := string(b)
	switch format {
	case "html", "junit":
		return html.UnescapeString(s)
	case "markdown":
		return html.UnescapeString(mdUnescape.ReplaceAllString(s, "$1"))
	}
	return s
}

// TestEveryFormatCarriesControlMetadata checks the house rule that every format shows every
// control's id and legal basis, and the fix for every failure.
func TestEveryFormatCarriesControlMetadata(t *testing.T) {
	r := fixtureReport()
	for _, format := range Formats() {
		for _, v := range variants(format) {
			t.Run(format+"/"+v.name, func(t *testing.T) {
				// Unwrapped, so that a citation or a fix is found whole.
				opts := v.opts
				opts.Width = 1 << 20
				out := plain(format, render(t, format, opts, r))
				for _, c := range r.Controls {
					if !strings.Contains(out, c.ID) {
						t.Errorf("control %s is missing", c.ID)
					}
					cit := c.Citation.Text
					if localised[format] || labelled[format] {
						cit = c.Citation.In(v.opts.Lang)
					}
					if !strings.Contains(out, cit) {
						t.Errorf("citation %q of %s is missing", cit, c.ID)
					}
				}
				if format == "csv" {
					return // one row per verdict: no room for remediation text
				}
				for _, res := range r.Results {
					if res.Status != audit.StatusFail {
						continue
					}
					c, _ := r.ControlByID(res.Control)
					fix := c.Remediation.En
					if localised[format] || labelled[format] {
						fix = c.Remediation.In(v.opts.Lang)
					}
					if !strings.Contains(out, fix) {
						t.Errorf("remediation of failed %s is missing: %q", c.ID, fix)
					}
				}
			})
		}
	}
}

func TestCatalogueIsTranslated(t *testing.T) {
	for key, e := range catalogue {
		if e[0] == "" || e[1] == "" {
			t.Errorf("catalogue entry %q lacks a translation: %q", key, e)
		}
	}
	for _, s := range audit.Statuses {
		if _, ok := catalogue["status."+string(s)]; !ok {
			t.Errorf("status %q has no catalogue entry", s)
		}
	}
	for _, s := range audit.Severities {
		if _, ok := catalogue["severity."+string(s)]; !ok {
			t.Errorf("severity %q has no catalogue entry", s)
		}
	}
}

func TestLanguage(t *testing.T) {
	r := fixtureReport()
	for format := range localised {
		t.Run(format, func(t *testing.T) {
			en := plain(format, render(t, format, Options{Lang: "en"}, r))
			ko := plain(format, render(t, format, Options{Lang: "ko"}, r))
			for _, c := range r.Controls {
				if !strings.Contains(ko, c.Title.Ko) {
					t.Errorf("Korean report lacks the Korean title of %s", c.ID)
				}
				if strings.Contains(en, c.Title.Ko) {
					t.Errorf("English report shows the Korean title of %s", c.ID)
				}
			}
			for _, key := range []string{"status.fail", "label.remediation", "label.citation"} {
				if !strings.Contains(ko, tr("ko", key)) {
					t.Errorf("Korean report lacks %q", tr("ko", key))
				}
			}
		})
	}
}

func TestTextColour(t *testing.T) {
	r := fixtureReport()
	if out := render(t, "text", Options{}, r); bytes.Contains(out, []byte("\x1b[")) {
		t.Error("text without Color contains ANSI escapes")
	}
	if out := render(t, "text", Options{Color: true}, r); !bytes.Contains(out, []byte(ansiRed)) {
		t.Error("text with Color has no red for failures")
	}
}

// TestTextIsInertOnATerminal: control characters and bidi overrides from a manifest or a
// custom policy print as escapes; only the renderer's own colour codes reach the terminal.
func TestTextIsInertOnATerminal(t *testing.T) {
	r := fixtureReport()
	r.Manifests[0].Provider = "Evil\x1b]0;pwned\a\x1b[2J\u202eabc"
	r.Results[0].Violations[0].Message = "cursor\x1b[1A\u009bup"
	for _, color := range []bool{false, true} {
		out := string(render(t, "text", Options{Lang: "en", Color: color}, r))
		for _, bad := range []string{"\x1b]", "\a", "\x1b[2J", "\x1b[1A", "\u202e", "\u009b"} {
			if strings.Contains(out, bad) {
				t.Errorf("color=%v: output contains %q", color, bad)
			}
		}
		for _, want := range []string{`Evil\x1b]0;pwned\x07\x1b[2J\u202eabc`, `cursor\x1b[1A\x9bup`} {
			if !strings.Contains(out, want) {
				t.Errorf("color=%v: output lacks the escaped text %q", color, want)
			}
		}
		if !color && strings.Contains(out, "\x1b") {
			t.Error("uncoloured output contains an escape character")
		}
	}
}

func TestCSV(t *testing.T) {
	r := fixtureReport()
	out := render(t, "csv", Options{}, r)
	if !bytes.HasPrefix(out, []byte("\xef\xbb\xbf")) {
		t.Fatal("csv does not start with a UTF-8 byte-order mark")
	}
	if n, crlf := bytes.Count(out, []byte("\n")), bytes.Count(out, []byte("\r\n")); n != crlf {
		t.Errorf("%d of %d line endings are not CRLF", n-crlf, n)
	}
	rows, err := csv.NewReader(bytes.NewReader(out[3:])).ReadAll()
	if err != nil {
		t.Fatalf("csv does not parse back: %v", err)
	}
	if !slices.Equal(rows[0], csvHeader("en")) {
		t.Errorf("header = %q", rows[0])
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	want := 0
	for _, m := range r.Manifests {
		want += len(m.Problems)
	}
	for _, res := range r.Results {
		want += max(1, len(res.Violations))
	}
	if got := len(rows) - 1; got != want {
		t.Errorf("%d data rows, want %d (one per violation, per other verdict and per input problem)", got, want)
	}
	var redundancy [][]string
	for _, row := range rows[1:] {
		if len(row) != len(csvColumns) {
			t.Fatalf("row of %d cells, header of %d: %q", len(row), len(csvColumns), row)
		}
		if row[col["as_of"]] != r.AsOf {
			t.Errorf("row without the audit date: %q", row)
		}
		if row[col["control"]] == "KR-BCDA-35-REDUNDANCY" && row[col["manifest"]] == "kakao" {
			redundancy = append(redundancy, row)
		}
	}
	if len(redundancy) != 2 {
		t.Fatalf("%d kakao redundancy rows, want one per violation (2)", len(redundancy))
	}
	for i, row := range redundancy {
		if row[col["status"]] != "fail" || row[col["finding"]] != strconv.Itoa(i+1) || row[col["findings"]] != "2" ||
			row[col["message"]] == "" || row[col["pointer"]] == "" || row[col["title_ko"]] == "" {
			t.Errorf("kakao redundancy row %d = %q", i+1, row)
		}
	}
	if got := redundancy[0][col["location"]]; got != "testdata/manifests/kakao.yaml:24:5" {
		t.Errorf("first finding at %q", got)
	}
	ko := render(t, "csv", Options{Lang: "ko"}, r)
	koRows, err := csv.NewReader(bytes.NewReader(ko[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(koRows[0], csvHeader("ko")) || koRows[0][col["control"]] != "통제 항목" {
		t.Errorf("Korean header = %q", koRows[0])
	}
	if len(koRows) != len(rows) {
		t.Errorf("the Korean report has %d rows, the English one %d: --lang changes headers, not rows", len(koRows), len(rows))
	}
}

func TestCSVFormulaInjection(t *testing.T) {
	tests := []struct{ in, want string }{
		{"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
		{"+1", "'+1"},
		{"-2 days", "'-2 days"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"},
		{"kakao", "kakao"},
		{"", ""},
		{"a=b", "a=b"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := csvSafe(tt.in); got != tt.want {
				t.Errorf("csvSafe(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	r := fixtureReport()
	r.Manifests[0].Provider = "=cmd|' /C calc'!A0"
	if out := render(t, "csv", Options{}, r); !bytes.Contains(out, []byte(`'=cmd|`)) {
		t.Error("a provider starting with = is not defused in the csv")
	}
}

func TestHTMLIsSelfContainedAndEscaped(t *testing.T) {
	r := fixtureReport()
	r.Manifests[0].Provider = `<script>alert("x")</script>`
	r.Results[0].Violations[0].Message = `<img src=x onerror=alert(1)>`
	out := string(render(t, "html", Options{Lang: "ko"}, r))
	for _, bad := range []string{"<script", "<img", "onerror=alert", "<link", " src=", "@import", "url("} {
		if strings.Contains(out, bad) {
			t.Errorf("html contains %q", bad)
		}
	}
	for _, want := range []string{`<meta charset="utf-8">`, "size: A4;", `"Noto Sans KR", "Malgun Gothic", "Apple SD Gothic Neo", NanumGothic, sans-serif`, "break-before: page", `lang="ko"`, "&lt;script&gt;"} {
		if !strings.Contains(out, want) {
			t.Errorf("html lacks %q", want)
		}
	}
	for _, want := range []string{"pangyo", "kakaotalk", r.Bundle.Digest, r.Inputs[1].SHA256, "SCOPE-MAJOR-VAS", "46,000,000", "1.22.2"} {
		if !strings.Contains(out, want) {
			t.Errorf("html lacks %q", want)
		}
	}
}

func TestMarkdownEscapes(t *testing.T) {
	out := string(render(t, "markdown", Options{}, fixtureReport()))
	if !strings.Contains(out, "&lt;kakao-login&gt;") {
		t.Error("angle brackets from a message reach the markdown unescaped")
	}
	if !strings.Contains(out, "<details><summary>") {
		t.Error("passes are not folded into <details>")
	}

	// Control characters from a manifest are shown, not written: ESC would restyle a
	// terminal and BEL ring it when the summary is printed.
	r := fixtureReport()
	r.Manifests[0].Provider = "Evil\x1b[31mCorp\a"
	r.Manifests[0].Name = "m\x1bname"
	out = string(render(t, "markdown", Options{}, r))
	if strings.ContainsAny(out, "\x1b\a") {
		t.Error("raw ESC or BEL bytes reach the markdown report")
	}
	if !strings.Contains(out, `Evil\x1b\[31mCorp\x07`) {
		t.Errorf("the control characters are not shown as escapes:\n%s", out)
	}
}

func TestSARIFStructure(t *testing.T) {
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID         string         `json:"id"`
						HelpURI    string         `json:"helpUri"`
						Properties map[string]any `json:"properties"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Invocations []struct {
				ExecutionSuccessful bool `json:"executionSuccessful"`
				ExitCode            int  `json:"exitCode"`
				Notifications       []struct {
					AssociatedRule struct{ ID string } `json:"associatedRule"`
				} `json:"toolExecutionNotifications"`
			} `json:"invocations"`
			Results []struct {
				RuleID    string            `json:"ruleId"`
				RuleIndex int               `json:"ruleIndex"`
				Level     string            `json:"level"`
				Prints    map[string]string `json:"partialFingerprints"`
				Locations []struct {
					Physical struct {
						Artifact struct {
							URI       string `json:"uri"`
							URIBaseID string `json:"uriBaseId"`
						} `json:"artifactLocation"`
						Region struct{ StartLine int } `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				Suppressions []struct{ Kind, Justification string } `json:"suppressions"`
			} `json:"results"`
		} `json:"runs"`
	}
	parse := func(r *audit.Report) {
		t.Helper()
		log.Runs = nil
		if err := json.Unmarshal(render(t, "sarif", Options{}, r), &log); err != nil {
			t.Fatal(err)
		}
	}
	r := fixtureReport()
	parse(r)
	run := log.Runs[0]
	rules := run.Tool.Driver.Rules
	if len(rules) != len(r.Controls)+1 || rules[len(rules)-1].ID != sarifInputRule {
		t.Fatalf("%d rules, want one per control plus %s", len(rules), sarifInputRule)
	}
	for _, rule := range rules[:len(rules)-1] {
		if rule.Properties["security-severity"] == nil || rule.Properties["citation"] == nil {
			t.Errorf("rule %s lacks security-severity or citation", rule.ID)
		}
	}
	if rules[0].HelpURI != "https://www.law.go.kr/%EB%B2%95%EB%A0%B9/%EB%B0%A9%EC%86%A1%ED%86%B5%EC%8B%A0%EB%B0%9C%EC%A0%84%EA%B8%B0%EB%B3%B8%EB%B2%95" {
		t.Errorf("helpUri is not the percent-encoded law page: %q", rules[0].HelpURI)
	}
	count := map[string]int{}
	for _, res := range run.Results {
		if rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %s has ruleIndex %d pointing at %s", res.RuleID, res.RuleIndex, rules[res.RuleIndex].ID)
		}
		count[res.RuleID]++
		if len(res.Locations) == 0 || res.Locations[0].Physical.Artifact.URIBaseID != "%SRCROOT%" || strings.HasPrefix(res.Locations[0].Physical.Artifact.URI, "/") {
			t.Errorf("result %s lacks a relative %%SRCROOT%% location", res.RuleID)
		}
	}
	want := map[string]int{
		"KR-BCDA-35-REDUNDANCY": 2, "KR-MSIT-OPS-TOOLING": 1, "RES-DRILL-12M": 1, "KR-NET-46-PROTECT": 2,
		"KR-BCDA-36-PLAN": 1, sarifInputRule: 2,
	}
	if !mapsEqual(count, want) {
		t.Errorf("results per rule = %v, want %v (fail and waived only, one per violation)", count, want)
	}
	levels := map[string]string{}
	for _, res := range run.Results {
		levels[res.RuleID] = res.Level
		if res.RuleID == "KR-BCDA-36-PLAN" && (len(res.Suppressions) != 1 || res.Suppressions[0].Kind != "external" || res.Suppressions[0].Justification == "") {
			t.Errorf("waived result has suppressions %+v", res.Suppressions)
		}
	}
	for id, lvl := range map[string]string{"KR-BCDA-35-REDUNDANCY": "error", "KR-NET-46-PROTECT": "error", "KR-BCDA-36-PLAN": "warning", "RES-DRILL-12M": "note"} {
		if levels[id] != lvl {
			t.Errorf("level of %s = %q, want %q", id, levels[id], lvl)
		}
	}
	inv := run.Invocations[0]
	if inv.ExecutionSuccessful || inv.ExitCode != 1 || len(inv.Notifications) != 1 || inv.Notifications[0].AssociatedRule.ID != "KR-TBA-33-NOTICE" {
		t.Errorf("invocation = %+v, want a failed execution with one notification for the errored control", inv)
	}

	// Moving a finding to another line must not change its fingerprint; moving it to
	// another pointer must.
	before := map[int]string{}
	for i, res := range run.Results {
		before[i] = res.Prints[sarifFingerprint]
	}
	moved := fixtureReport()
	for i := range moved.Results {
		for j := range moved.Results[i].Violations {
			moved.Results[i].Violations[j].Line += 7
		}
	}
	parse(moved)
	for i, res := range log.Runs[0].Results {
		if res.Prints[sarifFingerprint] != before[i] {
			t.Errorf("fingerprint of result %d (%s) changed when only its line moved", i, res.RuleID)
		}
	}
	renamed := fixtureReport()
	renamed.Results[0].Violations[0].Pointer = "/services/5"
	parse(renamed)
	if log.Runs[0].Results[0].Prints[sarifFingerprint] == before[0] {
		t.Error("fingerprint did not change when the finding moved to another pointer")
	}
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestJUnitCounts(t *testing.T) {
	var doc junitSuites
	if err := xml.Unmarshal(render(t, "junit", Options{}, fixtureReport()), &doc); err != nil {
		t.Fatal(err)
	}
	type counts struct{ tests, failures, errors, skipped int }
	want := map[string]counts{
		"kakao":                          {10, 3, 1, 3},
		"pangyo-idc":                     {10, 1, 0, 5},
		"testdata/manifests/broken.yaml": {11, 0, 11, 0},
	}
	for _, s := range doc.Suites {
		got := counts{s.Tests, s.Failures, s.Errors, s.Skipped}
		if got != want[s.Name] {
			t.Errorf("suite %s counts = %+v, want %+v", s.Name, got, want[s.Name])
		}
		var f, e, sk int
		for _, c := range s.Cases {
			if c.Failure != nil {
				f++
			}
			if c.Error != nil {
				e++
			}
			if c.Skipped != nil {
				sk++
			}
		}
		if f != s.Failures || e != s.Errors || sk != s.Skipped || len(s.Cases) != s.Tests {
			t.Errorf("suite %s attributes disagree with its testcases", s.Name)
		}
	}
	if doc.Tests != 31 || doc.Failures != 4 || doc.Errors != 12 {
		t.Errorf("testsuites totals = %d/%d/%d, want 31/4/12", doc.Tests, doc.Failures, doc.Errors)
	}
}

// BenchmarkRender measures each renderer on the fixture (go test -bench Render ./reports).
func BenchmarkRender(b *testing.B) {
	r := fixtureReport()
	for _, format := range Formats() {
		rd, err := Lookup(format)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(format, func(b *testing.B) {
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := rd.Render(&buf, r, Options{Lang: "ko"}); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(int64(buf.Len()))
		})
	}
}

// TestHTMLMatrixScales checks that a run over many manifests keeps the control matrix to a
// fixed width instead of one column per manifest.
func TestHTMLMatrixScales(t *testing.T) {
	tests := []struct {
		name      string
		manifests int
		wantCols  bool
	}{
		{"few manifests: a column each", 3, true},
		{"many manifests: counts", htmlMatrixColumns + 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := fixtureReport()
			for i := len(r.Manifests); i < tt.manifests; i++ {
				m := r.Manifests[1]
				m.Name = fmt.Sprintf("idc-%d", i)
				r.Manifests = append(r.Manifests, m)
				r.Results = append(r.Results, audit.Result{Manifest: m.Name, Control: "KR-NET-46-PROTECT", Status: audit.StatusPass})
			}
			out := string(render(t, "html", Options{}, r))
			head := out[strings.Index(out, `<table class="matrix">`):]
			head = head[:strings.Index(head, "</thead>")]
			if got := strings.Contains(head, "<th>pangyo-idc</th>"); got != tt.wantCols {
				t.Errorf("matrix has a column per manifest = %v, want %v", got, tt.wantCols)
			}
		})
	}
}

func TestHelpers(t *testing.T) {
	t.Run("shellJoin", func(t *testing.T) {
		tests := []struct {
			in   []string
			want string
		}{
			{[]string{"resilcheck", "check", "--report", "sarif=out/x.sarif", "a b.yaml"}, "resilcheck check --report sarif=out/x.sarif 'a b.yaml'"},
			{[]string{"resilcheck", "it's", ""}, `resilcheck 'it'\''s' ''`},
			{[]string{"resilcheck", "매니페스트.yaml"}, "resilcheck 매니페스트.yaml"},
		}
		for _, tt := range tests {
			if got := shellJoin(tt.in); got != tt.want {
				t.Errorf("shellJoin(%q) = %q, want %q", tt.in, got, tt.want)
			}
		}
	})
	t.Run("linkTarget", func(t *testing.T) {
		tests := []struct{ in, want string }{
			{"https://www.law.go.kr/법령/전기통신사업법", "https://www.law.go.kr/%EB%B2%95%EB%A0%B9/%EC%A0%84%EA%B8%B0%ED%86%B5%EC%8B%A0%EC%82%AC%EC%97%85%EB%B2%95"},
			{"https://example.com/a_(b)", "https://example.com/a_%28b%29"},
			{"javascript:alert(1)", ""},
			{"/relative/path", ""},
			{"", ""},
		}
		for _, tt := range tests {
			if got := linkTarget(tt.in); got != tt.want {
				t.Errorf("linkTarget(%q) = %q, want %q", tt.in, got, tt.want)
			}
		}
	})
	t.Run("relURI", func(t *testing.T) {
		tests := []struct{ in, want string }{
			{"testdata/manifests/kakao.yaml", "testdata/manifests/kakao.yaml"},
			{"dir with space/a.yaml", "dir%20with%20space/a.yaml"},
		}
		for _, tt := range tests {
			if got := relURI(tt.in); got != tt.want {
				t.Errorf("relURI(%q) = %q, want %q", tt.in, got, tt.want)
			}
		}
	})
	t.Run("sarifArtifactAt", func(t *testing.T) {
		tests := []struct{ in, wantURI, wantBase string }{
			{"testdata/manifests/kakao.yaml", "testdata/manifests/kakao.yaml", sarifSrcRoot},
			{"dir with space/a.yaml", "dir%20with%20space/a.yaml", sarifSrcRoot},
			{"/srv/manifests/a b.yaml", "file:///srv/manifests/a%20b.yaml", ""},
			{"C:/manifests/a.yaml", "file:///C:/manifests/a.yaml", ""},
		}
		for _, tt := range tests {
			if got := sarifArtifactAt(tt.in); got.URI != tt.wantURI || got.URIBaseID != tt.wantBase {
				t.Errorf("sarifArtifactAt(%q) = %q base %q, want %q base %q", tt.in, got.URI, got.URIBaseID, tt.wantURI, tt.wantBase)
			}
		}
	})
	t.Run("MarkdownCitation", func(t *testing.T) {
		tests := []struct {
			name string
			in   audit.Citation
			lang string
			want string
		}{
			{"linked", audit.Citation{Text: "TBA Art. 33", URL: "https://www.law.go.kr/x"}, "en", "[TBA Art. 33](https://www.law.go.kr/x)"},
			{"no URL", audit.Citation{Text: "TBA Art. 33"}, "en", "TBA Art. 33"},
			{"script URL dropped, not an empty link", audit.Citation{Text: "x", URL: "javascript:alert(1)"}, "en", "x"},
			{"text escaped", audit.Citation{Text: "a_b [c]"}, "en", `a\_b \[c\]`},
			{"korean line linked", audit.Citation{Text: "TBA Art. 33", TextKo: "전기통신사업법 제33조", URL: "https://www.law.go.kr/x"}, "ko", "[전기통신사업법 제33조](https://www.law.go.kr/x)"},
			{"korean line unused in english", audit.Citation{Text: "TBA Art. 33", TextKo: "전기통신사업법 제33조"}, "en", "TBA Art. 33"},
			{"korean falls back to english line", audit.Citation{Text: "TBA Art. 33"}, "ko", "TBA Art. 33"},
			{"korean built from parts uses the korean law name", audit.Citation{Law: "Telecommunications Business Act", LawKo: "전기통신사업법", Article: "Art. 33"}, "ko", "전기통신사업법; Art. 33"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				if got := MarkdownCitation(tt.in, tt.lang); got != tt.want {
					t.Errorf("MarkdownCitation(%+v) = %q, want %q", tt.in, got, tt.want)
				}
			})
		}
	})
	t.Run("valueString", func(t *testing.T) {
		tests := []struct {
			name string
			in   any
			want string
		}{
			{"string stays bare", "R&D <lab>", "R&D <lab>"},
			{"list keeps angle brackets and ampersands", []any{"a<b", "R&D"}, `["a<b","R&D"]`},
			{"object keys sorted", map[string]any{"b": 1, "a": true}, `{"a":true,"b":1}`},
			{"null", nil, "null"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				if got := valueString(tt.in); got != tt.want {
					t.Errorf("valueString(%v) = %q, want %q", tt.in, got, tt.want)
				}
			})
		}
	})
	t.Run("compareArticles", func(t *testing.T) {
		in := []string{"Art. 46(6)-(7)", "Art. 39-2(1)", "Art. 9", "Art. 39", "Art. 35(2)3", "Art. 46(1)"}
		want := []string{"Art. 9", "Art. 35(2)3", "Art. 39", "Art. 39-2(1)", "Art. 46(1)", "Art. 46(6)-(7)"}
		got := append([]string(nil), in...)
		slices.SortFunc(got, compareArticles)
		if !slices.Equal(got, want) {
			t.Errorf("article order = %q, want %q", got, want)
		}
	})
	t.Run("location", func(t *testing.T) {
		tests := []struct {
			p        audit.Position
			fallback string
			want     string
		}{
			{audit.Position{File: "a.yaml", Line: 3, Column: 7}, "b.yaml", "a.yaml:3:7"},
			{audit.Position{Line: 3}, "b.yaml", "b.yaml:3"},
			{audit.Position{}, "b.yaml", "b.yaml"},
		}
		for _, tt := range tests {
			if got := location(tt.p, tt.fallback); got != tt.want {
				t.Errorf("location(%+v, %q) = %q, want %q", tt.p, tt.fallback, got, tt.want)
			}
		}
	})
}

// TestSettingsFileIsRecorded: the settings file a run read is named, with its digest, in
// every format that records the invocation.
func TestSettingsFileIsRecorded(t *testing.T) {
	r := fixtureReport()
	r.Settings = &audit.SettingsUse{File: ".resilcheck.yaml", SHA256: "sha256:0123abcd"}
	for _, format := range []string{"text", "markdown", "html", "json", "sarif"} {
		out := plain(format, render(t, format, Options{Width: 1 << 20}, r))
		if !strings.Contains(out, ".resilcheck.yaml") || !strings.Contains(out, "sha256:0123abcd") {
			t.Errorf("%s does not name the settings file and its digest", format)
		}
	}
	r.Settings = nil
	for _, format := range []string{"text", "json", "sarif"} {
		if out := plain(format, render(t, format, Options{}, r)); strings.Contains(out, ".resilcheck.yaml") {
			t.Errorf("%s names a settings file the run did not read", format)
		}
	}
}
