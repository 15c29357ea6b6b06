package reports

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/resilcheck/resilcheck/internal/audit"
)

// mdEscaper neutralises text from manifests and policies in GitHub-flavoured Markdown:
// punctuation that starts emphasis, links, code or table cells is backslash-escaped, and
// angle brackets become entities because GitHub would otherwise treat <name> as an HTML
// tag and drop it from a job summary.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "#", `\#`, "|", `\|`,
	"<", "&lt;", ">", "&gt;", "&", "&amp;", "\r\n", " ", "\n", " ",
)

// md escapes s for Markdown and shows control characters (ESC, BEL...) as \x1b escapes, as
// the text report does: a job summary or a terminal must not act on bytes from a manifest.
func md(s string) string { return safe(mdEscaper.Replace(s)) }

// mdCode is s as an inline code span that survives a table cell.
func mdCode(s string) string {
	s = safe(strings.NewReplacer("|", `\|`, "\r\n", " ", "\n", " ").Replace(s))
	if strings.Contains(s, "`") {
		return "`` " + s + " ``"
	}
	return "`" + s + "`"
}

var statusIcon = map[audit.Status]string{
	audit.StatusError:         "⛔",
	audit.StatusFail:          "❌",
	audit.StatusWaived:        "⚠️",
	audit.StatusPass:          "✅",
	audit.StatusNotApplicable: "➖",
}

// renderMarkdown writes a report sized for a GitHub job summary or a merge-request
// comment: the verdict table first, each failure with what to fix and why, and everything
// that passed folded away in <details> so reviewers see the failures without scrolling.
func renderMarkdown(w io.Writer, v *view, opts Options) error {
	r := v.r
	b := bufio.NewWriter(w)
	L := opts.lang()
	p := func(format string, args ...any) { fmt.Fprintf(b, format+"\n", args...) }

	p("# %s", tr(L, "title"))
	p("")
	p("%s **%s** · %s · %s · %s", tr(L, "label.asof"), r.AsOf, count(L, len(v.manifests), "label.manifests"),
		count(L, len(v.controls), "label.controls"), summaryLine(L, r.Summary))
	p("")
	p("## %s", tr(L, "heading.summary"))
	p("")
	p("| %s | %s | %s %s | %s %s | %s %s | %s %s | %s %s | %s |", tr(L, "heading.manifest"), tr(L, "label.provider"),
		statusIcon[audit.StatusError], statusWord(L, audit.StatusError),
		statusIcon[audit.StatusFail], statusWord(L, audit.StatusFail),
		statusIcon[audit.StatusWaived], statusWord(L, audit.StatusWaived),
		statusIcon[audit.StatusPass], statusWord(L, audit.StatusPass),
		statusIcon[audit.StatusNotApplicable], statusWord(L, audit.StatusNotApplicable),
		tr(L, "heading.problems"))
	p("|---|---|--:|--:|--:|--:|--:|--:|")
	for _, m := range v.manifests {
		s := m.Summary
		p("| %s | %s | %d | %d | %d | %d | %d | %d |", mdCode(m.Name), md(m.Provider), s.Error, s.Fail, s.Waived, s.Pass, s.NotApplicable, len(m.Problems))
	}

	section := func(st audit.Status, heading string) {
		first := true
		for _, m := range v.manifests {
			for _, res := range m.Results {
				if res.Status != st {
					continue
				}
				if first {
					p("")
					p("## %s", tr(L, heading))
					first = false
				}
				mdResult(p, L, r.AsOf, m, res)
			}
		}
		if first && st == audit.StatusFail {
			p("")
			p("## %s", tr(L, heading))
			p("")
			p("%s", tr(L, "label.nofailures"))
		}
	}
	section(audit.StatusFail, "heading.failures")

	// A table of (manifest, control, text) rows under a heading, written only when it has a
	// row: the notes on passing controls (what a pass does not cover), then why each
	// not-applicable control does not apply (an auditor hands these up as well as failures).
	table := func(heading, column string, rows func(m manifestView, res resultView) []string) {
		first := true
		for _, m := range v.manifests {
			for _, res := range m.Results {
				for _, text := range rows(m, res) {
					if first {
						p("")
						p("## %s", tr(L, heading))
						p("")
						p("| %s | %s | %s |", tr(L, "label.manifest"), tr(L, "label.control"), tr(L, column))
						p("|---|---|---|")
						first = false
					}
					p("| %s | %s | %s |", mdCode(m.Name), mdCode(res.Control.ID), md(text))
				}
			}
		}
	}
	table("heading.passnotes", "label.note", func(_ manifestView, res resultView) []string {
		var out []string
		for _, n := range res.Notes {
			if res.Status == audit.StatusPass {
				out = append(out, message(n, L))
			}
		}
		return out
	})
	table("heading.notapplicable", "label.reason", func(_ manifestView, res resultView) []string {
		if res.Status != audit.StatusNotApplicable {
			return nil
		}
		return []string{reasonIn(res.Result, L)}
	})

	hasProblems := false
	for _, m := range v.manifests {
		hasProblems = hasProblems || len(m.Problems) > 0
	}
	if hasProblems {
		p("")
		p("## %s", tr(L, "heading.problems"))
		p("")
		p("| %s | %s | %s |", tr(L, "label.location"), tr(L, "label.pointer"), tr(L, "label.reason"))
		p("|---|---|---|")
		for _, m := range v.manifests {
			for _, pr := range m.Problems {
				ptr := ""
				if pr.Pointer != "" {
					ptr = mdCode(pr.Pointer)
				}
				p("| %s | %s | %s |", mdCode(location(pr.Position, m.File)), ptr, md(pr.Message))
			}
		}
		for _, m := range v.manifests {
			if u := unjudgedLine(L, m); u != "" {
				p("")
				p("%s: %s", mdCode(m.Name), md(u))
			}
		}
	}
	section(audit.StatusError, "heading.errors")
	section(audit.StatusWaived, "heading.waived")
	mdSiteLoss(p, L, v.manifests)

	p("")
	p("<details><summary>%s</summary>", tr(L, "heading.byreg"))
	p("")
	p("| %s | %s | %s | %s | %s | %s |", tr(L, "label.control"), tr(L, "label.title"), tr(L, "label.severity"),
		tr(L, "label.kind"), tr(L, "label.citation"), tr(L, "label.results"))
	p("|---|---|---|---|---|---|")
	for _, g := range v.regulations() {
		p("| **%s** | | | | | %s |", md(g.Name), md(summaryLine(L, g.Summary)))
		for _, c := range g.Controls {
			s := v.controlSummary(c.ID)
			p("| %s %s | %s | %s | %s | %s | %s |", statusIcon[worst(s)], mdCode(c.ID), md(c.Title.In(L)),
				severityWord(L, c.Severity), kindWord(L, c.Kind), MarkdownCitation(c.Citation, L), md(summaryLine(L, s)))
		}
	}
	p("")
	p("</details>")

	p("")
	p("<details><summary>%s</summary>", tr(L, "heading.metadata"))
	p("")
	p("| | |")
	p("|---|---|")
	tool := r.Tool.Name + " " + r.Tool.Version
	p("| %s | %s |", tr(L, "label.tool"), mdCode(tool))
	p("| %s | %s |", tr(L, "label.opa"), mdCode(r.Tool.OPAVersion))
	if r.Tool.GoVersion != "" {
		p("| %s | %s |", tr(L, "label.go"), mdCode(r.Tool.GoVersion))
	}
	p("| %s | %s |", tr(L, "label.bundle"), mdCode(r.Bundle.Digest))
	if len(r.Bundle.Custom) > 0 {
		p("| %s | %s |", tr(L, "label.custom"), mdCode(strings.Join(r.Bundle.Custom, ", ")))
	}
	p("| %s | %s |", tr(L, "label.asof"), r.AsOf)
	if len(r.Command) > 0 {
		p("| %s | %s |", tr(L, "label.command"), mdCode(strings.Join(r.Command, " ")))
	}
	p("| %s | %d |", tr(L, "label.exitcode"), r.ExitCode)
	for _, in := range r.Inputs {
		p("| %s | %s |", mdCode(in.Path), mdCode("sha256:"+in.SHA256))
	}
	p("")
	p("</details>")
	return b.Flush()
}

// mdSiteLoss writes what each failure takes down, per manifest with a site-loss analysis:
// a row for every failure that takes a service down, one line for those that take none.
func mdSiteLoss(p func(string, ...any), L string, manifests []manifestView) {
	first := true
	for _, m := range manifests {
		sl := m.SiteLoss
		if sl == nil || len(sl.Failures) == 0 {
			continue
		}
		if first {
			p("")
			p("## %s", tr(L, "heading.siteloss"))
			first = false
		}
		p("")
		p("### %s", mdCode(m.Name))
		var harmless []string
		rows := 0
		for _, f := range sl.Failures {
			head := domainLabel(L, f.Domain, mdCode, md)
			if len(f.Unavailable) == 0 {
				harmless = append(harmless, head)
				continue
			}
			if rows == 0 {
				p("")
				p("| %s | %s | %s |", tr(L, "label.domain"), tr(L, "label.unavailable"), tr(L, "label.surviving"))
				p("|---|---|---|")
			}
			rows++
			var lost []string
			for _, u := range f.Unavailable {
				lost = append(lost, fmt.Sprintf("**%s** (%s): %s", md(u.Service), md(term(L, u.Reason)), md(strings.Join(u.Chain, " → "))))
			}
			surviving := tr(L, "label.none")
			if len(f.Surviving) > 0 {
				surviving = md(strings.Join(f.Surviving, ", "))
			}
			p("| %s | %s | %s |", head, strings.Join(lost, "<br>"), surviving)
		}
		if len(harmless) > 0 {
			p("")
			p("%s: %s · %s: %s", tr(L, "label.domain"), strings.Join(harmless, ", "), tr(L, "label.unavailable"), tr(L, "label.none"))
		}
		for _, c := range sl.Cycles {
			p("")
			p("%s: %s", tr(L, "heading.cycles"), mdCode(strings.Join(c, " → ")))
		}
	}
}

// mdResult writes one non-passing result: heading, violations with location and
// evidence, then the waiver or the fix, and the legal basis.
func mdResult(p func(string, ...any), L, asOf string, m manifestView, res resultView) {
	c := res.Control
	p("")
	p("### %s %s · %s · %s", statusIcon[res.Status], mdCode(c.ID), md(c.Title.In(L)), mdCode(m.Name))
	p("")
	p("**%s:** %s · **%s:** %s · **%s:** %s", tr(L, "label.severity"), severityWord(L, c.Severity),
		tr(L, "label.kind"), kindWord(L, c.Kind), tr(L, "label.citation"), MarkdownCitation(c.Citation, L))
	if cited := citeOn(c, asOf, L); cited != citationLine(c.Citation, L) {
		p("")
		p("**%s:** %s", tr(L, "label.inforce"), md(cited))
	}
	if res.Reason != "" {
		p("")
		p("**%s:** %s", tr(L, "label.reason"), md(reasonIn(res.Result, L)))
	}
	for _, n := range res.Notes {
		p("")
		p("**%s:** %s", tr(L, "label.note"), md(message(n, L)))
	}
	if len(res.Violations) > 0 {
		p("")
		p("| %s | %s | %s |", tr(L, "label.location"), tr(L, "label.finding"), tr(L, "label.evidence"))
		p("|---|---|---|")
		for _, vi := range res.Violations {
			var ev []string
			for _, e := range evidence(vi.Evidence) {
				ev = append(ev, mdCode(e.Key+"="+e.Value))
			}
			p("| %s<br>%s | %s | %s |", mdCode(location(vi.Position, m.File)), mdCode(vi.Pointer), md(message(vi, L)), strings.Join(ev, " "))
		}
	}
	if res.Waiver != nil {
		p("")
		p("**%s:** %s", tr(L, "label.waiver"), md(waiverLine(L, res.Waiver)))
	}
	if res.Status == audit.StatusFail {
		p("")
		p("**%s:** %s", tr(L, "label.remediation"), md(c.Remediation.In(L)))
	}
}

// MarkdownCitation is the citation line in lang in Markdown, linked to law.go.kr when the
// control names the page. A URL that is not http(s) is dropped rather than rendered as an empty
// or script link. Exported for the rules command's catalogue, so custom controls render
// the same way there as in reports.
func MarkdownCitation(c audit.Citation, lang string) string {
	text := md(citationLine(c, lang))
	if u := linkTarget(c.URL); u != "" {
		return "[" + text + "](" + u + ")"
	}
	return text
}

// MarkdownText escapes text from manifests and policies for a Markdown paragraph or table
// cell (see mdEscaper).
func MarkdownText(s string) string { return md(s) }
