package reports

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/resilcheck/resilcheck/internal/audit"
)

// csvColumns is the column contract of the csv format, in order; spreadsheets and scripts
// key on it, so a column is only ever added at the end. Each has its English and Korean
// header: --lang chooses the header row, never the columns.
var csvColumns = []struct{ en, ko string }{
	{"as_of", "기준일"},
	{"manifest", "매니페스트"},
	{"file", "파일"},
	{"document", "문서"},
	{"provider", "사업자"},
	{"control", "통제 항목"},
	{"title", "제목(영문)"},
	{"title_ko", "제목"},
	{"severity", "심각도"},
	{"kind", "구분"},
	{"regulation", "법령"},
	{"citation", "근거 조항"},
	{"citation_on_audit_date", "기준일에 시행 중인 조항"},
	{"status", "판정"},
	{"finding", "위반 번호"},
	{"findings", "위반 수"},
	{"message", "위반 내용(영문)"},
	{"message_ko", "위반 내용"},
	{"location", "위치"},
	{"pointer", "JSON 포인터"},
	{"reason", "사유(영문)"},
	{"reason_ko", "사유"},
}

// csvHeader is the header row in a language.
func csvHeader(lang string) []string {
	h := make([]string, len(csvColumns))
	for i, c := range csvColumns {
		h[i] = c.en
		if lang == "ko" {
			h[i] = c.ko
		}
	}
	return h
}

// csvStream writes one row per finding for spreadsheets: a failed or waived control gives a
// row for each violation (finding 1 of n, with its message, location and pointer), every
// other verdict one row with its reason, so a filter on status or control never hides a
// finding behind the first one. Input problems of a manifest become rows with control
// "input" and status error, so the sheet shows every manifest. The file starts with a UTF-8
// byte-order mark, without which Excel decodes the Korean columns as the system code page,
// and uses CRLF as RFC 4180 asks. Nothing in a row depends on the rest of the run, so rows
// are spooled as they come.
type csvStream struct {
	head *audit.Report
	v    *view
	lang string
	body spool
	cw   *csv.Writer
}

func newCSVStream(opts Options) Stream { return &csvStream{lang: opts.lang()} }

func (s *csvStream) Begin(head *audit.Report) error {
	s.head, s.v = head, newView(head)
	if _, err := s.body.WriteString("\ufeff"); err != nil {
		return err
	}
	s.cw = csv.NewWriter(&s.body)
	s.cw.UseCRLF = true
	return s.cw.Write(csvHeader(s.lang))
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
	doc := strconv.Itoa(man.Document)
	for i, p := range m.Problems {
		s.row(s.head.AsOf, m.Name, m.File, doc, m.Provider, "input", "input problem", "입력 문제", "", "", "", "", "",
			string(audit.StatusError), strconv.Itoa(i+1), strconv.Itoa(len(m.Problems)), p.Message, "",
			location(p.Position, m.File), p.Pointer, "", "")
	}
	for _, res := range m.All {
		c := res.Control
		reason, reasonKo := res.Reason, res.ReasonKo
		if res.Waiver != nil {
			reason, reasonKo = waiverLine("en", res.Waiver), waiverLine("ko", res.Waiver)
		}
		verdict := func(finding string, v audit.Violation, loc string) {
			s.row(s.head.AsOf, m.Name, m.File, doc, m.Provider, c.ID, c.Title.En, c.Title.Ko, string(c.Severity),
				string(c.Kind), c.Regulation, citationLine(c.Citation, s.lang), citeOn(c, s.head.AsOf, s.lang),
				string(res.Status), finding, strconv.Itoa(len(res.Violations)), v.Message, v.MessageKo, loc, v.Pointer,
				reason, reasonKo)
		}
		if len(res.Violations) == 0 {
			verdict("", audit.Violation{}, "")
			continue
		}
		for i, v := range sortedViolations(res.Violations) {
			verdict(strconv.Itoa(i+1), v, location(v.Position, m.File))
		}
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
