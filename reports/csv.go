package reports

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/resilcheck/resilcheck/internal/audit"
)

// csvHeader is the column contract of the csv format; spreadsheets and scripts key on it.
var csvHeader = []string{
	"manifest", "file", "provider", "control", "title", "title_ko", "severity", "kind",
	"regulation", "citation", "status", "violations", "first_violation", "location", "reason",
	"reason_ko", "citation_on_audit_date",
}

// csvStream writes one row per manifest × control for spreadsheets. The file starts with a
// UTF-8 byte-order mark, without which Excel decodes the Korean columns as the system code
// page, and uses CRLF as RFC 4180 asks. Input problems of a manifest that never loaded
// become rows with control "input" and status error, so the sheet shows every manifest.
// Nothing in a row depends on the rest of the run, so rows are spooled as they come.
type csvStream struct {
	head *audit.Report
	v    *view
	body spool
	cw   *csv.Writer
}

func newCSVStream(Options) Stream { return &csvStream{} }

func (s *csvStream) Begin(head *audit.Report) error {
	s.head, s.v = head, newView(head)
	if _, err := s.body.WriteString("\ufeff"); err != nil {
		return err
	}
	s.cw = csv.NewWriter(&s.body)
	s.cw.UseCRLF = true
	return s.cw.Write(csvHeader)
}

func (s *csvStream) row(cells ...string) {
	for i, c := range cells {
		cells[i] = csvSafe(c)
	}
	// Errors stick in the csv.Writer and surface from Error() below.
	_ = s.cw.Write(cells)
}

func (s *csvStream) Add(man audit.Manifest, results []audit.Result) error {
	m := s.v.add(man, results)
	for _, p := range m.Problems {
		s.row(m.Name, m.File, m.Provider, "input", "input problem", "입력 문제", "", "", "", "",
			string(audit.StatusError), "0", p.Message, location(p.Position, m.File), p.Pointer, "", "")
	}
	for _, res := range m.All {
		c := res.Control
		first, loc := "", ""
		if len(res.Violations) > 0 {
			first, loc = res.Violations[0].Message, location(res.Violations[0].Position, m.File)
		}
		reason, reasonKo := res.Reason, res.ReasonKo
		if res.Waiver != nil {
			reason, reasonKo = waiverLine("en", res.Waiver), waiverLine("ko", res.Waiver)
		}
		s.row(m.Name, m.File, m.Provider, c.ID, c.Title.En, c.Title.Ko, string(c.Severity), string(c.Kind),
			c.Regulation, citationLine(c.Citation, "en"), string(res.Status), strconv.Itoa(len(res.Violations)),
			first, loc, reason, reasonKo, citeOn(c, s.head.AsOf, "en"))
	}
	s.cw.Flush()
	return s.cw.Error()
}

func (s *csvStream) Finish(w io.Writer) error { return s.body.copyTo(w) }

func (s *csvStream) Close() error { return s.body.Close() }

// csvSafe defuses CSV formula injection (OWASP): a spreadsheet evaluates a cell that starts
// with = + - @ (or a tab/CR that some strip first) as a formula, and manifest text is
// attacker-controllable in a shared audit. A leading apostrophe makes the cell literal text.
//
// Bytes that are not UTF-8 become U+FFFD, as in the JSON report: the byte-order mark
// tells the spreadsheet the whole file is UTF-8.
func csvSafe(s string) string {
	s = validUTF8(s)
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
