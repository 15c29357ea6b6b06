package reports

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/resilcheck/resilcheck/internal/audit"
)

// ANSI styles for the text format. Plain SGR codes: every terminal that sets a TTY
// understands them and nothing else is needed.
const (
	ansiReset   = "\x1b[0m"
	ansiBold    = "\x1b[1m"
	ansiDim     = "\x1b[2m"
	ansiRed     = "\x1b[31m"
	ansiGreen   = "\x1b[32m"
	ansiYellow  = "\x1b[33m"
	ansiMagenta = "\x1b[35m"
	ansiCyan    = "\x1b[36m"
)

// styled is text that may hold this renderer's own ANSI codes. Everything else that
// reaches the terminal is a plain string and passes through safe first: manifests and
// custom policies are untrusted, and a YAML "\e]0;...\a" in a provider name must print as
// text, not retitle the terminal, move the cursor or hide the failures below it.
type styled string

// safe is audit.Printable (control characters and bidi overrides print as escapes) after
// validUTF8: a stray 0x9b byte is a control sequence introducer to a terminal that takes
// 8-bit controls.
func safe(s string) string { return audit.Printable(validUTF8(s)) }

// validUTF8 replaces each byte of s that is not UTF-8 with U+FFFD, as encoding/json does
// in the JSON and SARIF reports, so every format shows the same text. File names and a
// custom policy's strings (base64.decode) can hold any bytes.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s { // an invalid byte ranges as utf8.RuneError, which is U+FFFD
		b.WriteRune(r)
	}
	return b.String()
}

// textWriter carries the rendering state: one buffered writer, the language and whether
// to colour. Write errors are kept and reported once at the end instead of checked per line.
type textWriter struct {
	w     *bufio.Writer
	lang  string
	color bool
	width int // wrap at this many cells; 0 never wraps
}

func (t *textWriter) style(code, s string) styled {
	s = safe(s)
	if !t.color || s == "" {
		return styled(s)
	}
	return styled(code + s + ansiReset)
}

// line prints one line; plain string arguments are made safe, styled ones already are. A
// line wider than the report goes on under itself, two cells further in.
func (t *textWriter) line(format string, args ...any) { t.hanging(-1, format, args...) }

// hanging prints one line as line does; its continuation lines start at column hang (or, when
// hang < 0, two cells in from the line's own indentation), so that they align with the
// text after a label or a location.
func (t *textWriter) hanging(hang int, format string, args ...any) {
	for i, a := range args {
		if s, ok := a.(string); ok {
			args[i] = safe(s)
		}
	}
	s := fmt.Sprintf(format, args...)
	if hang < 0 {
		hang = len(s) - len(strings.TrimLeft(s, " ")) + 2
	}
	for _, l := range wrap(s, t.width, hang) {
		t.w.WriteString(l)
		t.w.WriteByte('\n')
	}
}

// labelHang is the column after "label: " at indent, where a labelled value's continuation
// lines align.
func labelHang(indent, label string) int { return len(indent) + DisplayWidth(label) + 2 }

// wrap breaks s at spaces into lines of at most width cells, the continuation lines indented
// by hang cells; a word wider than a line is cut. ANSI codes take no cells. A width of 0, or
// one that leaves the continuation lines less than a third of it, keeps s whole.
func wrap(s string, width, hang int) []string {
	if width <= 0 || cells(s) <= width {
		return []string{s}
	}
	if hang > width*2/3 {
		hang = width * 2 / 3
	}
	indent := strings.Repeat(" ", hang)
	lead := len(s) - len(strings.TrimLeft(s, " "))
	var out []string
	cur, w := s[:lead], lead
	fresh := true // nothing but indentation on cur yet
	for _, word := range strings.Split(s[lead:], " ") {
		ww := cells(word)
		if !fresh && w+1+ww > width {
			out = append(out, cur)
			cur, w, fresh = indent, hang, true
		}
		if fresh && word == "" {
			continue // a run of spaces at a break is the break
		}
		if !fresh {
			cur += " "
			w++
		}
		for w+ww > width && w+1 < width { // a word longer than a whole line
			head, rest := cutCells(word, width-w)
			out = append(out, cur+head)
			cur, w, word = indent, hang, rest
			ww = cells(word)
		}
		cur += word
		w += ww
		fresh = false
	}
	return append(out, cur)
}

// cells is the display width of s without its ANSI escape sequences.
func cells(s string) int {
	if !strings.Contains(s, "\x1b[") {
		return DisplayWidth(s)
	}
	return DisplayWidth(ansiCode.ReplaceAllString(s, ""))
}

var ansiCode = regexp.MustCompile(`\x1b\[[0-9;]*m`)

// cutCells splits s after at most n cells (at least one rune).
func cutCells(s string, n int) (string, string) {
	w := 0
	for i, r := range s {
		rw := DisplayWidth(string(r))
		if w+rw > n && i > 0 {
			return s[:i], s[i:]
		}
		w += rw
	}
	return s, ""
}

func statusStyle(s audit.Status) string {
	switch s {
	case audit.StatusFail:
		return ansiRed + ansiBold
	case audit.StatusError:
		return ansiMagenta + ansiBold
	case audit.StatusWaived:
		return ansiYellow
	case audit.StatusPass:
		return ansiGreen
	}
	return ansiDim
}

// statusTag is the status word padded to a fixed display width so the control ids line up
// in both languages (Hangul takes two terminal cells per rune).
func (t *textWriter) statusTag(s audit.Status) styled {
	word := strings.ToUpper(statusWord(t.lang, s))
	return t.style(statusStyle(s), word) + styled(strings.Repeat(" ", max(1, 10-DisplayWidth(word))))
}

// DisplayWidth counts terminal cells: wide (East Asian) runes take two. Exported for the
// rules command, whose Korean columns must line up the same way.
func DisplayWidth(s string) int {
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Hangul, r) || unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x30ff) || (r >= 0xff01 && r <= 0xff60) {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// textStream writes the terminal report: what to fix first, per manifest, then a one-line
// verdict per control grouped by regulation, then the metadata an auditor needs to
// reproduce the run. Passing results are counted, not listed, so a clean run fits a screen.
// The manifests are spooled as they come; the title line, which counts them, and what
// follows them are written at the end.
type textStream struct {
	opts Options
	v    *view
	body spool
	t    *textWriter
}

func newTextStream(opts Options) Stream { return &textStream{opts: opts} }

func (s *textStream) Begin(head *audit.Report) error {
	s.v = newView(head)
	s.t = &textWriter{w: bufio.NewWriter(&s.body), lang: s.opts.lang(), color: s.opts.Color, width: s.opts.width()}
	return nil
}

func (s *textStream) Close() error { return s.body.Close() }

func (s *textStream) Add(man audit.Manifest, results []audit.Result) error {
	t, r := s.t, s.v.r
	L := t.lang
	m := s.v.add(man, results)
	t.line("")
	head := t.style(ansiBold, manifestLabel(m.Manifest))
	if p := providerName(m.Manifest, L); p != "" {
		head += styled(" · " + safe(p))
	}
	t.line("%s", head)
	for _, p := range m.Problems {
		t.line("  %s%s  %s", t.statusTag(audit.StatusError), location(p.Position, m.File), p.Message)
	}
	if u := unjudgedLine(L, m); u != "" {
		t.line("  %s", t.style(ansiDim, u))
	}
	var counted audit.Summary
	var notApplicable, noted []resultView
	for _, res := range m.Results {
		switch res.Status {
		case audit.StatusPass:
			counted.Add(res.Status)
			if len(res.Notes) > 0 {
				noted = append(noted, res)
			}
			continue
		case audit.StatusNotApplicable:
			counted.Add(res.Status)
			notApplicable = append(notApplicable, res)
			continue
		}
		c := res.Control
		const indent = "            "
		title := c.Title.In(L)
		if res.Baseline && len(res.Violations) == 0 {
			// A failure that lists no violation has its baseline mark on the verdict alone.
			title += " (" + tr(L, "label.inbaseline") + ")"
		}
		t.hanging(len(indent), "  %s%s  %s  %s", t.statusTag(res.Status), t.style(ansiBold, c.ID), severityWord(L, c.Severity), title)
		if res.Reason != "" {
			t.hanging(labelHang(indent, tr(L, "label.reason")), "%s%s: %s", indent, tr(L, "label.reason"), reasonIn(res.Result, L))
		}
		for _, vi := range res.Violations {
			msg := message(vi, L)
			if vi.Baseline {
				msg += " (" + tr(L, "label.inbaseline") + ")"
			}
			t.hanging(len(indent)+2, "%s%s  %s", indent, t.style(ansiCyan, location(vi.Position, m.File)), msg)
			if len(vi.Evidence) > 0 {
				t.hanging(labelHang(indent+"  ", tr(L, "label.evidence")), "%s  %s", indent, t.style(ansiDim, tr(L, "label.evidence")+": "+evidenceLine(vi.Evidence, L)))
			}
		}
		for _, n := range res.Notes {
			t.hanging(labelHang(indent, tr(L, "label.note")), "%s%s: %s", indent, tr(L, "label.note"), message(n, L))
		}
		if res.Waiver != nil {
			t.hanging(labelHang(indent, tr(L, "label.waiver")), "%s%s: %s", indent, tr(L, "label.waiver"), waiverLine(L, res.Waiver))
		}
		if res.Status == audit.StatusFail {
			t.hanging(labelHang(indent, tr(L, "label.remediation")), "%s%s: %s", indent, tr(L, "label.remediation"), c.Remediation.In(L))
		}
		t.hanging(labelHang(indent, tr(L, "label.citation")), "%s%s: %s", indent, tr(L, "label.citation"), citeOn(c, r.AsOf, L))
	}
	if counted.Pass+counted.NotApplicable > 0 {
		t.line("  %s", t.style(ansiDim, fmt.Sprintf("%d %s · %d %s",
			counted.Pass, statusWord(L, audit.StatusPass), counted.NotApplicable, statusWord(L, audit.StatusNotApplicable))))
	}
	// What qualifies a pass (a record not judged, a reading by interpretation).
	for _, res := range noted {
		for _, n := range res.Notes {
			t.line("  %s", t.style(ansiDim, fmt.Sprintf("%s %s: %s: %s", statusWord(L, audit.StatusPass), res.Control.ID, tr(L, "label.note"), message(n, L))))
		}
	}
	// Why each duty does not apply: an auditor defends a "not applicable" as much as a fail.
	for _, res := range notApplicable {
		t.line("  %s", t.style(ansiDim, fmt.Sprintf("%s %s: %s", statusWord(L, audit.StatusNotApplicable), res.Control.ID, reasonIn(res.Result, L))))
	}
	t.siteLoss(m.SiteLoss)
	return t.w.Flush()
}

func (s *textStream) Finish(w io.Writer) error {
	v, r := s.v, s.v.r
	t := &textWriter{w: bufio.NewWriter(w), lang: s.t.lang, color: s.t.color, width: s.t.width}
	L := t.lang
	t.line("%s · %s %s · %s · %s", t.style(ansiBold, tr(L, "title")),
		tr(L, "label.asof"), r.AsOf, count(L, v.added, "label.manifests"), count(L, len(v.controls), "label.controls"))
	if err := t.w.Flush(); err != nil {
		return err
	}
	if err := s.body.copyTo(w); err != nil {
		return err
	}

	t.line("")
	t.line("%s", t.style(ansiBold, tr(L, "heading.byreg")))
	for _, g := range v.regulations() {
		t.line("  %s  %s", t.style(ansiBold, regulationName(L, g.Name)), summaryLine(L, g.Summary))
		for _, c := range g.Controls {
			s := v.controlSummary(c.ID)
			t.hanging(14, "    %s%s  %s  [%s]", t.statusTag(worst(s)), c.ID, c.Title.In(L), citationLine(c.Citation, L))
		}
	}
	problems := v.problems
	total := tr(L, "label.total") + ": " + summaryLine(L, r.Summary)
	if problems > 0 {
		total += fmt.Sprintf(" · %d %s", problems, strings.ToLower(tr(L, "heading.problems")))
	}
	t.line("%s", t.style(ansiBold, total))

	t.line("")
	meta := fmt.Sprintf("%s %s · OPA %s", r.Tool.Name, r.Tool.Version, r.Tool.OPAVersion)
	if r.Tool.GoVersion != "" {
		meta += " · " + r.Tool.GoVersion
	}
	t.line("%s", t.style(ansiDim, meta))
	t.line("%s", t.style(ansiDim, tr(L, "label.bundle")+": "+r.Bundle.Digest))
	if len(r.Bundle.Custom) > 0 {
		t.line("%s", t.style(ansiDim, tr(L, "label.custom")+": "+strings.Join(r.Bundle.Custom, ", ")))
	}
	if len(r.Command) > 0 {
		t.line("%s", t.style(ansiDim, tr(L, "label.command")+": "+strings.Join(r.Command, " ")))
	}
	if st := r.Settings; st != nil {
		t.line("%s", t.style(ansiDim, tr(L, "label.settings")+": "+st.File+" ("+st.SHA256+")"))
	}
	for _, in := range r.Inputs {
		t.line("%s", t.style(ansiDim, "sha256:"+in.SHA256+"  "+in.Path))
	}
	return t.w.Flush()
}

// summaryLine is "2 fail · 1 waived · 3 pass" with zero counts left out.
// siteLoss writes what each failure takes down, as the HTML report's table does: the
// answer to "what goes down if this datacenter burns" belongs in the terminal too. The
// failures that take nothing down share one line, so the ones that matter stand out. Each
// failure lists the services it breaks in place and the ones lost with them, each with its
// chain, up to lostListed of them: past that it says how many more, so the report of a
// provider of thousands of services stays readable (the JSON report holds everything).
func (t *textWriter) siteLoss(sl *audit.SiteLoss) {
	if sl == nil || len(sl.Failures) == 0 {
		return
	}
	L := t.lang
	t.line("  %s", t.style(ansiBold, tr(L, "heading.siteloss")))
	var harmless []string
	ix := sl.Index()
	for _, f := range sl.Failures {
		head := domainLabel(L, f.Domain, safe, safe)
		if f.Lost == 0 {
			harmless = append(harmless, head)
			continue
		}
		surviving := tr(L, "label.none")
		if f.Surviving > 0 {
			surviving = strconv.Itoa(f.Surviving)
		}
		t.line("    %s  %s: %d · %s: %s", t.style(ansiBold, head), tr(L, "label.unavailable"), f.Lost, tr(L, "label.surviving"), surviving)
		lost := ix.Explain(f, lostListed)
		for _, u := range lost {
			line := fmt.Sprintf("      %s (%s): %s", safe(u.Service), term(L, u.Reason), safe(chainText(L, u.Chain, u.CausePhrase)))
			if d := phrase(L, u.DetailPhrase, u.Detail); d != "" {
				line += " · " + safe(d)
			}
			t.line("%s", line)
		}
		if more := f.Lost - len(lost); more > 0 {
			t.line("      %s", t.style(ansiDim, fmt.Sprintf(tr(L, "label.morelost"), more)))
		}
		for _, n := range f.Notes {
			t.line("      %s", t.style(ansiDim, safe(n.Service)+": "+safe(phrase(L, n.NotePhrase, n.Note))))
		}
	}
	if len(harmless) > 0 {
		t.line("    %s: %s · %s: %s", tr(L, "label.domain"), strings.Join(harmless, ", "), tr(L, "label.unavailable"), tr(L, "label.none"))
	}
	for _, c := range sl.Cycles {
		t.line("    %s: %s", tr(L, "heading.cycles"), safe(strings.Join(c, " → ")))
	}
}

// lostListed is how many lost services a failure lists with their chains in the text and
// Markdown reports.
const lostListed = 20

func summaryLine(lang string, s audit.Summary) string {
	counts := []struct {
		st audit.Status
		n  int
	}{
		{audit.StatusError, s.Error}, {audit.StatusFail, s.Fail}, {audit.StatusWaived, s.Waived},
		{audit.StatusPass, s.Pass}, {audit.StatusNotApplicable, s.NotApplicable},
	}
	var parts []string
	for _, c := range counts {
		if c.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", c.n, statusWord(lang, c.st)))
		}
	}
	if len(parts) == 0 {
		return "0"
	}
	return strings.Join(parts, " · ")
}

// waiverLine is the reason with who approved it and until when.
func waiverLine(lang string, w *audit.Waiver) string {
	s := w.Reason
	var extra []string
	if w.ApprovedBy != "" {
		extra = append(extra, tr(lang, "label.approvedby")+" "+w.ApprovedBy)
	}
	if w.Expires != "" {
		extra = append(extra, tr(lang, "label.expires")+" "+w.Expires)
	}
	if len(extra) > 0 {
		s += " (" + strings.Join(extra, ", ") + ")"
	}
	return s
}
