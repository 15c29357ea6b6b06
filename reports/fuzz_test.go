package reports

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/resilcheck/resilcheck/internal/audit"
)

// fuzzReport is the fixture report with the four fuzzed strings put wherever a manifest, a
// custom policy or a waiver file can put text of its own: names, files, messages in both
// languages, pointers, evidence keys and values, reasons, waiver fields, site-loss chains,
// a control's id and catalogue texts, the command line.
func fuzzReport(name, msg, msgKo, ev string) *audit.Report {
	r := smallFixture()
	const victim = "kakao"
	ctl := r.Controls[0].ID
	for i := range r.Manifests {
		m := &r.Manifests[i]
		if m.Name != victim {
			continue
		}
		m.Name, m.File, m.Provider, m.Source = name, ev, msg, msgKo
		m.Scopes[0].Title = audit.Text{En: msg, Ko: msgKo}
		m.Scopes[0].Basis = ev
		m.Scopes[0].Evidence[ev] = msg
		m.Scopes[0].Evidence["nested"] = map[string]any{ev: []any{name, 1.5, nil, true}}
		f := &m.SiteLoss.Failures[0]
		f.Domain.ID = ev
		f.Broken[1].Cause = msg
		f.Broken[0].Detail = msgKo
		f.Broken[0].Via, f.Broken[1].Service = name, name
		m.SiteLoss.Dependents = append(m.SiteLoss.Dependents, audit.DependencyLink{Service: ev, Via: name, LostWith: []string{msg, msgKo}})
		m.SiteLoss.Failures[1].Notes = append(m.SiteLoss.Failures[1].Notes, audit.ServiceNote{Service: name, Note: msg})
		m.SiteLoss.Cycles = append(m.SiteLoss.Cycles, []string{name, ev, name})
	}
	for i := range r.Manifests {
		if p := r.Manifests[i].Problems; len(p) > 0 {
			p[0].Message, p[0].Pointer, p[0].File = msg, ev, name
		}
	}
	c := &r.Controls[0]
	c.ID, c.Regulation = ev, name
	c.Title, c.Description, c.Remediation = audit.Text{En: msg, Ko: msgKo}, audit.Text{En: msgKo, Ko: msg}, audit.Text{En: msg, Ko: msgKo}
	c.Citation.Text, c.Citation.TextKo, c.Citation.Article = msg, msgKo, ev
	c.RelatedResources = append(c.RelatedResources, ev)
	fuzzed := audit.Violation{Message: msg, MessageKo: msgKo, Pointer: ev,
		Position: audit.Position{File: name, Line: 3, Column: 7},
		Evidence: map[string]any{ev: msgKo, "value": msg, "list": []any{name, ev}}}
	for i := range r.Results {
		res := &r.Results[i]
		if res.Control == ctl {
			res.Control = ev
		}
		if res.Manifest != victim {
			continue
		}
		res.Manifest = name
		switch res.Status {
		case audit.StatusFail, audit.StatusWaived:
			res.Violations = append(res.Violations, fuzzed)
			res.Notes = append(res.Notes, fuzzed)
		case audit.StatusError, audit.StatusNotApplicable:
			res.Reason, res.ReasonKo = msg, msgKo
		}
		if res.Waiver != nil {
			res.Waiver.Reason, res.Waiver.ApprovedBy, res.Waiver.Manifest = msg, msgKo, name
		}
	}
	r.Command = append(r.Command, name, msg)
	r.Inputs = append(r.Inputs, audit.Input{Path: name, SHA256: ev})
	return r
}

// smallFixture is the fixture cut to one judged manifest, the one that did not load, and
// a control for each status: every kind of place text goes, at a third of the rendering
// cost, which is most of what one fuzzing execution costs.
func smallFixture() *audit.Report {
	r := fixtureReport()
	keep := map[string]bool{"KR-BCDA-35-REDUNDANCY": true, "KR-BCDA-36-PLAN": true, "KR-TBA-33-NOTICE": true,
		"KR-BCDA-39-2-OFFICER": true, "KR-NET-46-PROTECT": true}
	r.Controls = slices.DeleteFunc(r.Controls, func(c audit.Control) bool { return !keep[c.ID] })
	r.Manifests = slices.DeleteFunc(r.Manifests, func(m audit.Manifest) bool { return m.Name == "pangyo-idc" })
	r.Results = slices.DeleteFunc(r.Results, func(res audit.Result) bool { return !keep[res.Control] || res.Manifest == "pangyo-idc" })
	r.Summary = audit.Summary{}
	for _, res := range r.Results {
		r.Summary.Add(res.Status)
	}
	return r
}

// FuzzRender renders a report full of hostile text in every format and language and checks
// each output is what its consumer can read: JSON valid and read back with the text intact,
// SARIF valid JSON and UTF-8 (as the spec requires), JUnit well-formed XML, CSV valid
// UTF-8 in rows of one width, HTML valid UTF-8 without any element or attribute the
// renderer did not write itself, and text and markdown valid UTF-8 free of the terminal
// control characters the input carried.
//
// go test ./reports -run '^$' -fuzz '^FuzzRender$' -fuzztime 10m
func FuzzRender(f *testing.F) {
	seeds := [][4]string{
		{"kakao", "service down", "서비스 중단", "pangyo"},
		{"", "", "", ""},
		// Terminal escapes: colour, clear screen, title change, bell, C1 CSI, bidi override.
		{"evil\x1b[2J\x07", "\x1b]0;pwned\x07 msg \x9b31m", "재난\x1b[31m 보고\u202e", "\x00\x01\x7f\u2066key"},
		// Invalid UTF-8, alone and next to Korean.
		{"\xff\xfe", "bad \xc3\x28 byte", "한\xed\xa0\x80국", "\x80\x9b"},
		// Markup and formula injection in every format.
		{`<script>alert(1)</script>`, `]]></failure><x a="`, "| col | <b>굵게</b> |\n# heading", "=HYPERLINK(\"http://x\")"},
		{`"quoted", with, commas`, "line one\r\nline two\rthree", "탭\t문자", "-1+2"},
		{"javascript:alert(1)", "<img src=x onerror=alert(1)>", "&amp; &lt;", "{{.}}"},
		// Long strings: a policy may emit kilobytes, and cutting them is not the renderers' job.
		{strings.Repeat("가", 500), strings.Repeat("x\x1b", 1500), strings.Repeat("긴 메시지 ", 300), strings.Repeat("k\xff", 200)},
	}
	for _, s := range seeds {
		f.Add(s[0], s[1], s[2], s[3])
	}
	allowed := htmlTags(f, render(f, "html", Options{Lang: "en"}, fixtureReport()))
	f.Fuzz(func(t *testing.T, name, msg, msgKo, ev string) {
		for _, format := range Formats() {
			for _, v := range variants(format) {
				out := render(t, format, v.opts, fuzzReport(name, msg, msgKo, ev))
				if err := checkOutput(format, v.opts, out, name, allowed); err != nil {
					t.Fatalf("%s/%s: %v", format, v.name, err)
				}
			}
		}
	})
}

// sgr is the colour sequence the text renderer writes itself with Options.Color.
var sgr = regexp.MustCompile(`\x1b\[[0-9;]*m`)

func checkOutput(format string, opts Options, out []byte, name string, allowedTags map[string]bool) error {
	switch format {
	case "json":
		if !json.Valid(out) {
			return errors.New("not valid JSON")
		}
		var r audit.Report
		if err := json.Unmarshal(out, &r); err != nil {
			return err
		}
		// The round trip keeps the text, with U+FFFD for each byte that is not UTF-8.
		if !slices.ContainsFunc(r.Manifests, func(m audit.Manifest) bool { return m.Name == validUTF8(name) }) {
			return errors.New("the manifest name does not survive a round trip")
		}
	case "sarif":
		if !utf8.Valid(out) {
			return errors.New("not valid UTF-8")
		}
		var log struct {
			Version string `json:"version"`
			Runs    []any  `json:"runs"`
		}
		if err := json.Unmarshal(out, &log); err != nil {
			return err
		}
		if log.Version != "2.1.0" || len(log.Runs) != 1 {
			return errors.New("not a SARIF 2.1.0 log with one run")
		}
	case "junit":
		d := xml.NewDecoder(bytes.NewReader(out))
		for {
			_, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				return err
			}
		}
	case "csv":
		// Spreadsheets are told the file is UTF-8 (by its byte-order mark).
		if !utf8.Valid(out) {
			return errors.New("not valid UTF-8")
		}
		cr := csv.NewReader(bytes.NewReader(out))
		rows, err := cr.ReadAll() // FieldsPerRecord 0: every row as wide as the header
		if err != nil {
			return err
		}
		if len(rows) < 2 {
			return errors.New("no data rows")
		}
	case "text", "markdown":
		s := string(out)
		if opts.Color {
			s = sgr.ReplaceAllString(s, "")
		}
		if i := strings.IndexFunc(s, controlChar); i >= 0 {
			return errorAt("raw control character", s, i)
		}
		if !utf8.ValidString(s) {
			return errors.New("not valid UTF-8")
		}
	case "html":
		if !utf8.Valid(out) {
			return errors.New("not valid UTF-8")
		}
		if _, err := html.Parse(bytes.NewReader(out)); err != nil {
			return err
		}
		for tag := range htmlTags(nil, out) {
			if !allowedTags[tag] {
				return errors.New("<" + tag + "> is markup the renderer does not write: input became markup")
			}
		}
	}
	return nil
}

// controlChar is a character a terminal or a markdown viewer acts on rather than shows:
// C0 and C1 controls other than newline and tab, DEL, and the bidirectional overrides and
// isolates that reorder what is displayed.
func controlChar(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

func errorAt(what, s string, i int) error {
	lo, hi := max(0, i-40), min(len(s), i+40)
	return errors.New(what + " near " + strings.ReplaceAll(string([]rune(s[lo:hi])), "\x1b", "<ESC>"))
}

// htmlTags is the set of element names in an HTML document, and of "element attribute"
// pairs, as a browser's tokenizer sees them (script and style contents are text).
func htmlTags(tb testing.TB, doc []byte) map[string]bool {
	tags := map[string]bool{}
	z := html.NewTokenizer(bytes.NewReader(doc))
	for {
		switch z.Next() {
		case html.ErrorToken:
			if z.Err() != io.EOF && tb != nil {
				tb.Fatal(z.Err())
			}
			return tags
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			tags[string(name)] = true
			for more {
				var key []byte
				key, _, more = z.TagAttr()
				tags[string(name)+" "+string(key)] = true
			}
		}
	}
}

// TestInvalidUTF8 pins what FuzzRender found: bytes that are not UTF-8 (a file name, a
// custom policy's base64.decode) reached the text, markdown, HTML and CSV reports raw. Every
// format now shows U+FFFD for them, as encoding/json always did for the JSON report.
func TestInvalidUTF8(t *testing.T) {
	r := fuzzReport("bad\xff\x9bname", "msg \xc3\x28", "한\xed\xa0\x80국", "ev\x80")
	for _, format := range Formats() {
		for _, v := range variants(format) {
			out := render(t, format, v.opts, r)
			if !utf8.Valid(out) {
				t.Errorf("%s/%s: not valid UTF-8", format, v.name)
			}
			if !bytes.Contains(out, []byte("bad\uFFFD\uFFFDname")) && !bytes.Contains(out, []byte(`bad\ufffd\ufffdname`)) {
				t.Errorf("%s/%s: the manifest name is not shown with U+FFFD for its bad bytes", format, v.name)
			}
		}
	}
}

// TestFuzzChecksCatch shows each of FuzzRender's checks rejects the defect it is there for,
// so a passing fuzz run means something.
func TestFuzzChecksCatch(t *testing.T) {
	good := func(format string) string {
		return string(render(t, format, Options{Lang: "en"}, fuzzReport("n", "m", "k", "e")))
	}
	allowed := htmlTags(t, []byte(good("html")))
	bad := []struct{ format, out string }{
		{"json", `{"manifests": [}`},
		{"json", strings.Replace(good("json"), `"name": "n"`, `"name": "x"`, 1)},
		{"sarif", strings.Replace(good("sarif"), "resilcheck", "resil\xffcheck", 1)},
		{"junit", strings.Replace(good("junit"), "<testcase ", "<testcase <", 1)},
		{"csv", good("csv") + "a,b\r\n"},
		{"csv", good("csv") + "\xff"},
		{"text", good("text") + "\x1b]0;title\x07"},
		{"text", good("text") + "\u202e"},
		{"markdown", good("markdown") + "\x9b"},
		{"html", strings.Replace(good("html"), "</body>", "<img src=x></body>", 1)},
		{"html", strings.Replace(good("html"), "<table", `<table onclick="x"`, 1)},
		{"html", good("html") + "\xff"},
	}
	for _, b := range bad {
		if err := checkOutput(b.format, Options{Lang: "en"}, []byte(b.out), "n", allowed); err == nil {
			t.Errorf("%s: a defective output passed the check (%.60q...)", b.format, b.out[max(0, len(b.out)-60):])
		}
	}
}
