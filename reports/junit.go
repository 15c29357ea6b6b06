package reports

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/resilcheck/resilcheck/internal/audit"
)

// JUnit XML as the Jenkins xUnit plugin's schema (junit-10.xsd) defines it, which is also
// what GitLab and GitHub test reporters read. Only attributes that schema knows are used;
// time is left out because a control has no meaningful duration and a clock would make
// the output differ between runs.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string          `xml:"name,attr"`
	Tests      int             `xml:"tests,attr"`
	Failures   int             `xml:"failures,attr"`
	Errors     int             `xml:"errors,attr"`
	Skipped    int             `xml:"skipped,attr"`
	ID         string          `xml:"id,attr"`
	File       string          `xml:"file,attr,omitempty"`
	Properties []junitProperty `xml:"properties>property"`
	Cases      []junitCase     `xml:"testcase"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitOutcome `xml:"failure,omitempty"`
	Error     *junitOutcome `xml:"error,omitempty"`
	Skipped   *junitOutcome `xml:"skipped,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitOutcome struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Body    string `xml:",chardata"`
}

// junitStream writes one testsuite per manifest and one testcase per control verdict, so a
// CI test tab lists each legal duty like a test. Not applicable and waived verdicts are
// skipped (the message says which and why); a control that could not be evaluated, and a
// manifest that could not be loaded, are errors. The suites are spooled as they come; the
// totals on <testsuites> are written at the end.
type junitStream struct {
	head   *audit.Report
	v      *view
	suites spool
	enc    *xml.Encoder
	digest map[string]string // input path -> sha256, as far as head.Inputs has come
	seen   int               // head.Inputs indexed so far
	lang   string

	tests, failures, errors int
}

func newJUnitStream(opts Options) Stream {
	return &junitStream{digest: map[string]string{}, lang: opts.lang()}
}

func (s *junitStream) Begin(head *audit.Report) error {
	s.head, s.v = head, newView(head)
	// One encoder for every suite: it puts each after the first on a line of its own, one
	// level in, exactly as it would inside <testsuites>.
	s.enc = xml.NewEncoder(&s.suites)
	s.enc.Indent("  ", "  ")
	return nil
}

func (s *junitStream) Add(man audit.Manifest, results []audit.Result) error {
	m := s.v.add(man, results)
	for ; s.seen < len(s.head.Inputs); s.seen++ {
		in := s.head.Inputs[s.seen]
		s.digest[in.Path] = in.SHA256
	}
	st := junitSuite{Name: m.Name, ID: strconv.Itoa(s.v.added - 1), File: m.File, Properties: junitMeta(s.head, m, s.digest[m.File])}
	if len(m.Problems) > 0 {
		var body strings.Builder
		for _, p := range m.Problems {
			fmt.Fprintf(&body, "%s: %s", location(p.Position, m.File), p.Message)
			if p.Pointer != "" {
				fmt.Fprintf(&body, " (%s)", p.Pointer)
			}
			body.WriteString("\n")
		}
		st.Cases = append(st.Cases, junitCase{
			Name:      sarifInputRule + " manifest loads and matches the schema",
			Classname: "input",
			Error:     &junitOutcome{Message: m.Problems[0].Message, Type: "input", Body: body.String()},
		})
		st.Errors++
	}
	L := s.lang
	for _, res := range m.All {
		c := res.Control
		tc := junitCase{
			Name:      strings.TrimSpace(c.ID + " " + c.Title.In(L)),
			Classname: nonEmpty(c.Regulation, c.ID),
			SystemOut: junitControlInfo(c),
		}
		switch res.Status {
		case audit.StatusFail:
			tc.Failure = &junitOutcome{Message: junitFailureMessage(res, L), Type: string(c.Severity), Body: junitFailureBody(m, res, L)}
			st.Failures++
		case audit.StatusError:
			tc.Error = &junitOutcome{Message: res.Reason, Type: "evaluation", Body: res.Reason}
			st.Errors++
		case audit.StatusWaived:
			tc.Skipped = &junitOutcome{Message: statusWord(L, audit.StatusWaived) + ": " + waiverLine(L, waiverOf(res)), Type: "waived", Body: junitFailureBody(m, res, L)}
			st.Skipped++
		case audit.StatusNotApplicable:
			// The message is why, in the report's language; the body has both languages,
			// as the other machine-readable fields do.
			tc.Skipped = &junitOutcome{Message: tr(L, "label.skipped.na") + ": " + nonEmpty(reasonIn(res.Result, L), tr(L, "label.noreason")),
				Type: "not_applicable", Body: strings.TrimSpace(res.Reason + "\n" + res.ReasonKo)}
			st.Skipped++
		}
		st.Cases = append(st.Cases, tc)
	}
	st.Tests = len(st.Cases)
	s.tests += st.Tests
	s.failures += st.Failures
	s.errors += st.Errors
	return s.enc.EncodeElement(st, xml.StartElement{Name: xml.Name{Local: "testsuite"}})
}

func (s *junitStream) Finish(w io.Writer) error {
	// The encoder writes the start tag with its attributes escaped; the suites go between
	// it and the end tag.
	var top bytes.Buffer
	if err := xml.NewEncoder(&top).Encode(junitSuites{Name: nonEmpty(s.head.Tool.Name, "resilcheck"), Tests: s.tests, Failures: s.failures, Errors: s.errors}); err != nil {
		return err
	}
	start := strings.TrimSuffix(top.String(), "</testsuites>")
	bw := bufio.NewWriter(w)
	bw.WriteString(xml.Header)
	bw.WriteString(start)
	if s.v.added > 0 {
		bw.WriteString("\n")
		if err := s.suites.copyTo(bw); err != nil {
			return err
		}
		bw.WriteString("\n")
	}
	bw.WriteString("</testsuites>\n")
	return bw.Flush()
}

func (s *junitStream) Close() error { return s.suites.Close() }

// waiverOf returns the waiver, or an empty one for a waived result the engine left without
// it, so rendering never dereferences nil.
func waiverOf(r resultView) *audit.Waiver {
	if r.Waiver == nil {
		return &audit.Waiver{}
	}
	return r.Waiver
}

// junitMeta is the audit metadata each suite carries: consumers show suites one at a time,
// so each must be reproducible on its own.
func junitMeta(r *audit.Report, m manifestView, digest string) []junitProperty {
	ps := []junitProperty{
		{"resilcheck.version", r.Tool.Version},
		{"opa.version", r.Tool.OPAVersion},
	}
	if r.Tool.GoVersion != "" {
		ps = append(ps, junitProperty{"go.version", r.Tool.GoVersion})
	}
	ps = append(ps, junitProperty{"bundle.digest", r.Bundle.Digest}, junitProperty{"as_of", r.AsOf})
	if len(r.Bundle.Custom) > 0 {
		ps = append(ps, junitProperty{"bundle.custom", strings.Join(r.Bundle.Custom, ",")})
	}
	if len(r.Command) > 0 {
		ps = append(ps, junitProperty{"command", shellJoin(r.Command)})
	}
	ps = append(ps, junitProperty{"manifest.file", m.File}, junitProperty{"manifest.document", strconv.Itoa(m.Document)})
	if m.Provider != "" {
		ps = append(ps, junitProperty{"manifest.provider", m.Provider})
	}
	if digest != "" {
		ps = append(ps, junitProperty{"manifest.sha256", digest})
	}
	for _, sc := range m.Scopes {
		ps = append(ps, junitProperty{"scope." + sc.ID, strconv.FormatBool(sc.Applies)})
	}
	return ps
}

func junitFailureMessage(res resultView, lang string) string {
	switch len(res.Violations) {
	case 0:
		return res.Control.Title.In(lang)
	case 1:
		return message(res.Violations[0], lang)
	}
	return message(res.Violations[0], lang) + " " + fmt.Sprintf(tr(lang, "label.andmore"), len(res.Violations)-1)
}

func junitFailureBody(m manifestView, res resultView, lang string) string {
	var b strings.Builder
	for _, vi := range res.Violations {
		fmt.Fprintf(&b, "%s: %s\n", location(vi.Position, m.File), message(vi, lang))
		if vi.Pointer != "" {
			fmt.Fprintf(&b, "  %s: %s\n", strings.ToLower(tr(lang, "label.pointer")), vi.Pointer)
		}
		if len(vi.Evidence) > 0 {
			fmt.Fprintf(&b, "  %s: %s\n", strings.ToLower(tr(lang, "label.evidence")), evidenceLine(vi.Evidence, lang))
		}
	}
	c := res.Control
	if res.Status == audit.StatusFail {
		fmt.Fprintf(&b, "%s: %s\n", strings.ToLower(tr(lang, "label.remediation")), c.Remediation.In(lang))
	}
	fmt.Fprintf(&b, "%s: %s\n", strings.ToLower(tr(lang, "label.citation")), citationLine(c.Citation, lang))
	return b.String()
}

// junitControlInfo is the control's metadata in system-out, so even a passing testcase
// names its legal basis and severity in the CI test view.
func junitControlInfo(c audit.Control) string {
	var b strings.Builder
	fmt.Fprintf(&b, "control: %s\n", c.ID)
	if c.Title.Ko != "" {
		fmt.Fprintf(&b, "title_ko: %s\n", c.Title.Ko)
	}
	fmt.Fprintf(&b, "severity: %s\nkind: %s\n", c.Severity, c.Kind)
	fmt.Fprintf(&b, "legal basis: %s\n", citationLine(c.Citation, "en"))
	if c.Citation.TextKo != "" {
		fmt.Fprintf(&b, "근거 법령: %s\n", c.Citation.TextKo)
	}
	if c.Citation.Law != "" {
		fmt.Fprintf(&b, "law: %s", c.Citation.Law)
		if c.Citation.LawKo != "" {
			fmt.Fprintf(&b, " (%s)", c.Citation.LawKo)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func nonEmpty(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}
