package reports

import (
	"bufio"
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

// renderCSV writes one row per manifest × control for spreadsheets. The file starts with a
// UTF-8 byte-order mark, without which Excel decodes the Korean columns as the system code
// page, and uses CRLF as RFC 4180 asks. Input problems of a manifest that never loaded
// become rows with control "input" and status error, so the sheet shows every manifest.
func renderCSV(w io.Writer, r *audit.Report, _ Options) error {
	bw := bufio.NewWriter(w)
	if _, err := bw.WriteString("\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	row := func(cells ...string) {
		for i, c := range cells {
			cells[i] = csvSafe(c)
		}
		// Errors stick in the csv.Writer and surface from Error() below.
		_ = cw.Write(cells)
	}
	_ = cw.Write(csvHeader)
	v := newView(r)
	for _, m := range v.manifests {
		for _, p := range m.Problems {
			row(m.Name, m.File, m.Provider, "input", "input problem", "입력 문제", "", "", "", "",
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
			row(m.Name, m.File, m.Provider, c.ID, c.Title.En, c.Title.Ko, string(c.Severity), string(c.Kind),
				c.Regulation, citationLine(c.Citation, "en"), string(res.Status), strconv.Itoa(len(res.Violations)),
				first, loc, reason, reasonKo, citeOn(c, r.AsOf, "en"))
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

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
