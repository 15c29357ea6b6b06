package auditdiff

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/resilcheck/resilcheck/internal/audit"
	"github.com/resilcheck/resilcheck/reports"
)

// Formats lists the formats Render writes.
var Formats = []string{"text", "markdown", "json"}

// Render writes d in format ("text", "markdown" or "json") and lang ("en" or "ko"; json is
// the same in both). An unknown format is an error.
func Render(w io.Writer, d *Diff, format, lang string) error {
	bw := bufio.NewWriter(w)
	var err error
	switch format {
	case "json":
		enc := json.NewEncoder(bw)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		err = enc.Encode(d)
	case "text":
		renderText(bw, d, lang)
	case "markdown":
		renderMarkdown(bw, d, lang)
	default:
		return fmt.Errorf("unknown diff format %q", format)
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

// safe shows control characters as escapes: names, pointers and messages come from the
// inputs, and a terminal or job summary must not act on them.
func safe(s string) string { return audit.Printable(s) }

// md and mdCode escape text from the reports as the markdown report does, so a name or
// message cannot open a link, a table cell or an HTML tag.
func md(s string) string { return reports.MarkdownText(s) }

func mdCode(s string) string { return reports.MarkdownCode(s) }

func statusWord(lang string, s audit.Status) string {
	if s == "" {
		return tr(lang, "status.absent")
	}
	return tr(lang, "status."+string(s))
}

func severityWord(lang string, s audit.Severity) string {
	if s == "" || !s.Valid() {
		return safe(string(s))
	}
	return tr(lang, "severity."+string(s))
}

// sideLine describes one audit: the report, its date, bundle and tool.
func sideLine(lang string, s Side, code func(string) string) string {
	name := s.Report
	if name == "" {
		name = tr(lang, "label.unnamed")
	}
	return fmt.Sprintf("%s — %s %s, %s %s, %s %s (OPA %s)", code(name),
		tr(lang, "label.asof"), code(s.AsOf), tr(lang, "label.bundle"), code(s.Bundle.Digest),
		safe(s.Tool.Name), code(s.Tool.Version), code(s.Tool.OPAVersion))
}

func manifestTitle(lang string, m ManifestDiff, code func(string) string) string {
	switch {
	case m.Old == nil:
		return fmt.Sprintf("%s (%s)", code(m.New.Name), tr(lang, "manifest.added"))
	case m.New == nil:
		return fmt.Sprintf("%s (%s)", code(m.Old.Name), tr(lang, "manifest.removed"))
	case m.Old.Name == m.New.Name:
		return code(m.New.Name)
	}
	by := tr(lang, "paired."+m.PairedBy)
	if m.PairedBy == PairedByProvider {
		by = fmt.Sprintf(by, code(m.New.Provider))
	}
	return fmt.Sprintf("%s → %s (%s)", code(m.Old.Name), code(m.New.Name), by)
}

func manifestFiles(m ManifestDiff, code func(string) string) string {
	loc := func(r *ManifestRef) string {
		if r.Document > 0 {
			return fmt.Sprintf("%s#%d", code(r.File), r.Document)
		}
		return code(r.File)
	}
	switch {
	case m.Old == nil:
		return loc(m.New)
	case m.New == nil:
		return loc(m.Old)
	case m.Old.File == m.New.File && m.Old.Document == m.New.Document:
		return loc(m.New)
	}
	return loc(m.Old) + " → " + loc(m.New)
}

func summaryLine(lang string, s audit.Summary) string {
	var parts []string
	for _, x := range []struct {
		st audit.Status
		n  int
	}{{audit.StatusError, s.Error}, {audit.StatusFail, s.Fail}, {audit.StatusWaived, s.Waived},
		{audit.StatusPass, s.Pass}, {audit.StatusNotApplicable, s.NotApplicable}} {
		if x.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", x.n, statusWord(lang, x.st)))
		}
	}
	if len(parts) == 0 {
		return tr(lang, "label.noresults")
	}
	return strings.Join(parts, ", ")
}

func countsLine(lang string, c Counts) string {
	var parts []string
	for _, k := range Kinds {
		parts = append(parts, fmt.Sprintf("%d %s", c.Of(k), tr(lang, "kind."+string(k))))
	}
	return strings.Join(parts, ", ")
}

func manifestCountsLine(lang string, c Counts) string {
	return fmt.Sprintf(tr(lang, "summary.manifests"), c.ManifestsAdded, c.ManifestsRemoved, c.ManifestsUnchanged)
}

func verdict(lang string, d *Diff) string {
	if d.Regressed {
		return tr(lang, "result.regressed")
	}
	return tr(lang, "result.ok")
}

func controlChangeLine(lang string, c ControlChange, code func(string) string, text func(string) string) string {
	head := fmt.Sprintf("%s %s", code(c.Control), text(c.Title.In(lang)))
	switch c.Kind {
	case ControlAdded:
		return fmt.Sprintf("%s: %s (%s)", tr(lang, "control.added"), head, severityWord(lang, c.NewSeverity))
	case ControlRemoved:
		return fmt.Sprintf("%s: %s (%s)", tr(lang, "control.removed"), head, severityWord(lang, c.OldSeverity))
	}
	return fmt.Sprintf("%s: %s (%s → %s)", tr(lang, "control.severity_changed"), head,
		severityWord(lang, c.OldSeverity), severityWord(lang, c.NewSeverity))
}

func entryHead(lang string, e Entry, code func(string) string, text func(string) string) string {
	s := fmt.Sprintf("%s %s (%s)", code(e.Control), text(e.Title.In(lang)), severityWord(lang, e.Severity))
	if e.From != e.To {
		s += fmt.Sprintf(" — %s → %s", statusWord(lang, e.From), statusWord(lang, e.To))
	}
	if r := e.Reason.In(lang); r != "" {
		s += ": " + text(r)
	}
	return s
}

// entryMark flags a regression where it is listed, since status changes can go either way.
func entryMark(lang string, e Entry) string {
	if e.Regression {
		return " " + tr(lang, "mark.regression")
	}
	return ""
}

func findingLine(lang string, f Finding, code func(string) string, text func(string) string) string {
	ptr := f.Pointer
	if ptr == "" {
		ptr = "/"
	}
	s := code(ptr)
	if f.Key != "" {
		s += " [" + code(f.Key) + "]"
	}
	if m := f.Message.In(lang); m != "" {
		s += ": " + text(m)
	}
	return s
}

// groups splits a manifest's entries (sorted by kind) into runs of one kind.
func groups(es []Entry) [][]Entry {
	var out [][]Entry
	for i := 0; i < len(es); {
		j := i
		for j < len(es) && es[j].Kind == es[i].Kind {
			j++
		}
		out = append(out, es[i:j])
		i = j
	}
	return out
}

// listed is true for a manifest worth a section: added, removed, or with changes.
func listed(m ManifestDiff) bool { return m.Old == nil || m.New == nil || len(m.Entries) > 0 }

func renderText(w io.Writer, d *Diff, lang string) {
	p := func(format string, args ...any) { fmt.Fprintf(w, format+"\n", args...) }
	plain := func(s string) string { return safe(s) }
	p("%s", tr(lang, "title"))
	p("  %s %s", tr(lang, "label.old"), sideLine(lang, d.Old, plain))
	p("  %s %s", tr(lang, "label.new"), sideLine(lang, d.New, plain))
	if d.BundleChanged {
		p("  %s", tr(lang, "bundle.changed"))
	} else {
		p("  %s", tr(lang, "bundle.same"))
	}
	if len(d.Controls) > 0 {
		p("")
		p("%s", tr(lang, "heading.controls"))
		for _, c := range d.Controls {
			p("  %s", controlChangeLine(lang, c, plain, plain))
		}
	}
	for _, m := range d.Manifests {
		if !listed(m) {
			continue
		}
		p("")
		mark := ""
		if m.Regression {
			mark = " " + tr(lang, "mark.regression")
		}
		p("%s %s%s", tr(lang, "heading.manifest"), manifestTitle(lang, m, plain), mark)
		p("  %s", manifestFiles(m, plain))
		if m.Old == nil || m.New == nil {
			r := m.New
			if r == nil {
				r = m.Old
			}
			p("  %s", summaryLine(lang, r.Summary))
		}
		for _, g := range groups(m.Entries) {
			p("  %s (%d)", tr(lang, "kind."+string(g[0].Kind)), len(g))
			for _, e := range g {
				p("    %s%s", entryHead(lang, e, plain, plain), entryMark(lang, e))
				for _, f := range e.Findings {
					p("      - %s", findingLine(lang, f, plain, plain))
				}
			}
		}
	}
	p("")
	p("%s: %s", tr(lang, "heading.summary"), countsLine(lang, d.Counts))
	p("%s: %s", tr(lang, "heading.manifests"), manifestCountsLine(lang, d.Counts))
	p("%s", verdict(lang, d))
}

func renderMarkdown(w io.Writer, d *Diff, lang string) {
	p := func(format string, args ...any) { fmt.Fprintf(w, format+"\n", args...) }
	p("# %s", tr(lang, "title"))
	p("")
	p("- **%s** %s", tr(lang, "label.old"), sideLine(lang, d.Old, mdCode))
	p("- **%s** %s", tr(lang, "label.new"), sideLine(lang, d.New, mdCode))
	if d.BundleChanged {
		p("- %s", tr(lang, "bundle.changed"))
	} else {
		p("- %s", tr(lang, "bundle.same"))
	}
	p("")
	p("**%s**", verdict(lang, d))
	p("")
	p("| %s | %s |", tr(lang, "label.change"), tr(lang, "label.count"))
	p("|---|---:|")
	for _, k := range Kinds {
		p("| %s | %d |", tr(lang, "kind."+string(k)), d.Counts.Of(k))
	}
	p("")
	p("%s: %s", tr(lang, "heading.manifests"), manifestCountsLine(lang, d.Counts))
	if len(d.Controls) > 0 {
		p("")
		p("## %s", tr(lang, "heading.controls"))
		p("")
		for _, c := range d.Controls {
			p("- %s", controlChangeLine(lang, c, mdCode, md))
		}
	}
	for _, m := range d.Manifests {
		if !listed(m) {
			continue
		}
		p("")
		mark := ""
		if m.Regression {
			mark = " " + tr(lang, "mark.regression")
		}
		p("## %s%s", manifestTitle(lang, m, mdCode), mark)
		p("")
		p("%s", manifestFiles(m, mdCode))
		if m.Old == nil || m.New == nil {
			r := m.New
			if r == nil {
				r = m.Old
			}
			p("")
			p("%s", summaryLine(lang, r.Summary))
		}
		for _, g := range groups(m.Entries) {
			p("")
			p("### %s (%d)", tr(lang, "kind."+string(g[0].Kind)), len(g))
			p("")
			for _, e := range g {
				p("- %s%s", entryHead(lang, e, mdCode, md), entryMark(lang, e))
				for _, f := range e.Findings {
					p("  - %s", findingLine(lang, f, mdCode, md))
				}
			}
		}
	}
}
