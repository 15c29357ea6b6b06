package reports

import (
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

// renderJUnit writes one testsuite per manifest and one testcase per control verdict, so a
// CI test tab lists each legal duty like a test. Not applicable and waived verdicts are
// skipped (the message says which and why); a control that could not be evaluated, and a
// manifest that could not be loaded, are errors.
func renderJUnit(w io.Writer, r *audit.Report, _ Options) error {
	v := newView(r)
	out := junitSuites{Name: nonEmpty(r.Tool.Name, "resilcheck")}
	for i, m := range v.manifests {
		s := junitSuite{Name: m.Name, ID: strconv.Itoa(i), File: m.File, Properties: junitMeta(r, m)}
		if len(m.Problems) > 0 {
			var body strings.Builder
			for _, p := range m.Problems {
				fmt.Fprintf(&body, "%s: %s", location(p.Position, m.File), p.Message)
				if p.Pointer != "" {
					fmt.Fprintf(&body, " (%s)", p.Pointer)
				}
				body.WriteString("\n")
			}
			s.Cases = append(s.Cases, junitCase{
				Name:      sarifInputRule + " manifest loads and matches the schema",
				Classname: "input",
				Error:     &junitOutcome{Message: m.Problems[0].Message, Type: "input", Body: body.String()},
			})
			s.Errors++
		}
		for _, res := range m.All {
			c := res.Control
			tc := junitCase{
				Name:      strings.TrimSpace(c.ID + " " + c.Title.En),
				Classname: nonEmpty(c.Regulation, c.ID),
				SystemOut: junitControlInfo(c),
			}
			switch res.Status {
			case audit.StatusFail:
				tc.Failure = &junitOutcome{Message: junitFailureMessage(res), Type: string(c.Severity), Body: junitFailureBody(m, res)}
				s.Failures++
			case audit.StatusError:
				tc.Error = &junitOutcome{Message: res.Reason, Type: "evaluation", Body: res.Reason}
				s.Errors++
			case audit.StatusWaived:
				tc.Skipped = &junitOutcome{Message: "waived: " + waiverLine("en", waiverOf(res)), Type: "waived", Body: junitFailureBody(m, res)}
				s.Skipped++
			case audit.StatusNotApplicable:
				tc.Skipped = &junitOutcome{Message: "not applicable: " + res.Reason, Type: "not_applicable", Body: res.ReasonKo}
				s.Skipped++
			}
			s.Cases = append(s.Cases, tc)
		}
		s.Tests = len(s.Cases)
		out.Tests += s.Tests
		out.Failures += s.Failures
		out.Errors += s.Errors
		out.Suites = append(out.Suites, s)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

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
func junitMeta(r *audit.Report, m manifestView) []junitProperty {
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
	for _, in := range r.Inputs {
		if in.Path == m.File {
			ps = append(ps, junitProperty{"manifest.sha256", in.SHA256})
		}
	}
	for _, sc := range m.Scopes {
		ps = append(ps, junitProperty{"scope." + sc.ID, strconv.FormatBool(sc.Applies)})
	}
	return ps
}

func junitFailureMessage(res resultView) string {
	switch len(res.Violations) {
	case 0:
		return res.Control.Title.En
	case 1:
		return res.Violations[0].Message
	}
	return fmt.Sprintf("%s (and %d more)", res.Violations[0].Message, len(res.Violations)-1)
}

func junitFailureBody(m manifestView, res resultView) string {
	var b strings.Builder
	for _, vi := range res.Violations {
		fmt.Fprintf(&b, "%s: %s\n", location(vi.Position, m.File), vi.Message)
		if vi.Pointer != "" {
			fmt.Fprintf(&b, "  pointer: %s\n", vi.Pointer)
		}
		if len(vi.Evidence) > 0 {
			fmt.Fprintf(&b, "  evidence: %s\n", evidenceLine(vi.Evidence))
		}
	}
	c := res.Control
	if res.Status == audit.StatusFail {
		fmt.Fprintf(&b, "remediation: %s\n", c.Remediation.En)
	}
	fmt.Fprintf(&b, "legal basis: %s\n", citationLine(c.Citation, "en"))
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
