package reports

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
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

// MarkdownCode is text as an inline code span that survives a table cell, for the other
// commands that write Markdown (resilcheck diff), so every Markdown the tool writes is
// escaped alike.
func MarkdownCode(s string) string { return mdCode(s) }

var statusIcon = map[audit.Status]string{
	audit.StatusError:         "⛔",
	audit.StatusFail:          "❌",
	audit.StatusWaived:        "⚠️",
	audit.StatusPass:          "✅",
	audit.StatusNotApplicable: "➖",
}

// The parts of a markdown report that the manifests add to, each gathered in a spool of
// its own in the order the report prints them.
const (
	mdRows          = iota // the summary table's rows
	mdFailures             // each failure in full
	mdPassNotes            // notes on passing controls
	mdNotApplicable        // why each not-applicable control does not apply
	mdProblems             // input problems
	mdUnjudged             // the one line per broken manifest on what was not judged
	mdErrors               // each error in full
	mdWaived               // each waived failure in full
	mdSiteLossPart         // what each failure takes down
	mdParts
)

// mdDetail are the parts a sweep prints for its worst manifests only. A sweep prints the
// input problems of every manifest, up to mdSweepProblems bytes: a file that does not load
// fails nothing, so it would rank below every failure, and it must not pass unseen. The
// other parts belong to a run small enough to print every manifest.
var mdDetail = []int{mdFailures, mdErrors, mdWaived, mdSiteLossPart}

// A sweep's markdown report stays readable and fits a GitHub job summary (1 MiB): its
// details cover at most mdSweepManifests manifests, worst first, and stop before they pass
// mdSweepBudget bytes (a generated provider's failures take 50 to 150 KB); its provider
// table lists the mdSweepProviders worst providers and its input problems take at most
// mdSweepProblems bytes, which with the tables of controls leaves room under the limit.
// The JSON report has everything.
const (
	mdSweepManifests = 20
	mdSweepBudget    = 768 << 10
	mdSweepProviders = 50
	mdSweepProblems  = 64 << 10
)

// markdownStream writes a report sized for a GitHub job summary or a merge-request comment:
// the verdict table first, each failure with what to fix and why, and everything that
// passed folded away in <details> so reviewers see the failures without scrolling. Each
// manifest's parts are rendered into spools as it arrives; the title and the tables that
// count the whole run are written at the end, before the spooled parts. A sweep leads with
// its portfolio and keeps the details of its worst manifests only.
type markdownStream struct {
	opts  Options
	lang  string
	v     *view
	pf    portfolio
	parts [mdParts]spool
	// kept are the manifests whose parts may still be printed: every manifest while the
	// run is smaller than a sweep, in input order; then the mdSweepManifests worst, worst
	// first, the only ones whose parts a sweep prints (a manifest outside them when it
	// arrives can never enter them, so its parts are not even rendered).
	kept  []*mdManifest
	sweep bool
	// problemsFit is how much of the problems and unjudged parts a sweep prints, whole
	// lines within mdSweepProblems; problemsLeft counts the problems beyond it.
	problemsFit  [mdParts]int64
	problemsLeft int
}

// mdManifest is what the report keeps of a manifest: enough to rank it, and where its
// parts are in the spools.
type mdManifest struct {
	name         string
	seq          int
	fail, errors int
	spans        [mdParts][2]int64
}

func (a *mdManifest) compare(b *mdManifest) int {
	return cmp.Or(worseFirst(a.fail, a.errors, a.name, b.fail, b.errors, b.name), cmp.Compare(a.seq, b.seq))
}

func newMarkdownStream(opts Options) Stream { return &markdownStream{opts: opts, lang: opts.lang()} }

func (s *markdownStream) Begin(head *audit.Report) error {
	s.v = newView(head)
	return nil
}

func (s *markdownStream) Close() error {
	var errs []error
	for i := range s.parts {
		errs = append(errs, s.parts[i].Close())
	}
	return errors.Join(errs...)
}

func (s *markdownStream) Add(man audit.Manifest, results []audit.Result) error {
	m := s.v.add(man, results)
	s.pf.add(m)
	rec := &mdManifest{name: m.Name, seq: s.v.added, fail: m.Summary.Fail, errors: m.Summary.Error}
	if !s.sweep && s.v.added >= sweepThreshold {
		// Now a sweep whatever follows: what only a small run prints is dropped, and only
		// the worst manifests so far stay candidates for the details.
		s.sweep = true
		for _, i := range []int{mdRows, mdPassNotes, mdNotApplicable} {
			if err := s.parts[i].Close(); err != nil {
				return err
			}
			s.parts[i] = spool{}
		}
		slices.SortStableFunc(s.kept, (*mdManifest).compare)
		s.kept = s.kept[:min(len(s.kept), mdSweepManifests)]
	}
	if s.sweep {
		at, _ := slices.BinarySearchFunc(s.kept, rec, (*mdManifest).compare)
		if at >= mdSweepManifests {
			rec = nil
		} else {
			s.kept = slices.Insert(s.kept, at, rec)
			s.kept = s.kept[:min(len(s.kept), mdSweepManifests)]
		}
	} else {
		s.kept = append(s.kept, rec)
	}
	return s.render(m, rec)
}

// render writes a manifest's parts to the spools and records where they are in rec; a
// nil rec (a manifest of a sweep outside its worst) gets only the parts every manifest
// prints. Write errors are kept by fmt and returned once at the end.
func (s *markdownStream) render(m manifestView, rec *mdManifest) error {
	L, asOf := s.lang, s.v.r.AsOf
	detail := rec != nil
	if !detail {
		rec = &mdManifest{}
	}
	var err error
	for i := range mdParts {
		part := &s.parts[i]
		always := i == mdProblems || i == mdUnjudged
		if s.sweep && !always && (!detail || !slices.Contains(mdDetail, i)) {
			continue
		}
		p := func(format string, args ...any) {
			if _, werr := fmt.Fprintf(part, format+"\n", args...); werr != nil && err == nil {
				err = werr
			}
		}
		rec.spans[i][0] = part.n
		switch i {
		case mdRows:
			sm := m.Summary
			p("| %s | %s | %d | %d | %d | %d | %d | %d |", mdCode(m.Name), md(providerName(m.Manifest, L)), sm.Error, sm.Fail, sm.Waived, sm.Pass, sm.NotApplicable, len(m.Problems))
		case mdFailures, mdErrors, mdWaived:
			st := audit.StatusFail
			if i == mdErrors {
				st = audit.StatusError
			} else if i == mdWaived {
				st = audit.StatusWaived
			}
			for _, res := range m.Results {
				if res.Status == st {
					mdResult(p, L, asOf, m, res)
				}
			}
		case mdPassNotes:
			for _, res := range m.Results {
				if res.Status == audit.StatusPass {
					for _, n := range res.Notes {
						p("| %s | %s | %s |", mdCode(m.Name), mdCode(res.Control.ID), md(message(n, L)))
					}
				}
			}
		case mdNotApplicable:
			for _, res := range m.Results {
				if res.Status == audit.StatusNotApplicable {
					p("| %s | %s | %s |", mdCode(m.Name), mdCode(res.Control.ID), md(reasonIn(res.Result, L)))
				}
			}
		case mdProblems:
			for _, pr := range m.Problems {
				ptr := ""
				if pr.Pointer != "" {
					ptr = mdCode(pr.Pointer)
				}
				p("| %s | %s | %s |", mdCode(location(pr.Position, m.File)), ptr, md(pr.Message))
			}
		case mdUnjudged:
			if u := unjudgedLine(L, m); u != "" {
				p("")
				p("%s: %s", mdCode(m.Name), md(u))
			}
		case mdSiteLossPart:
			mdSiteLoss(p, L, m)
		}
		rec.spans[i][1] = part.n
		if always && part.n <= mdSweepProblems {
			s.problemsFit[i] = part.n
		} else if i == mdProblems {
			s.problemsLeft += len(m.Problems)
		}
	}
	return err
}

// Finish writes the report: a small run manifest by manifest, a sweep portfolio first.
func (s *markdownStream) Finish(w io.Writer) error {
	v, r, L := s.v, s.v.r, s.lang
	b := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(b, format+"\n", args...) }
	var err error
	// part copies what the kept manifests (the shown ones, in a sweep) added to part i.
	part := func(i int, shown []*mdManifest) {
		if err != nil {
			return
		}
		if !s.sweep {
			err = s.parts[i].copyTo(b)
			return
		}
		for _, m := range shown {
			if err = s.parts[i].copyRange(b, m.spans[i][0], m.spans[i][1]); err != nil {
				return
			}
		}
	}
	// has tells whether the shown manifests added anything to part i.
	has := func(i int, shown []*mdManifest) bool {
		if !s.sweep {
			return s.parts[i].n > 0
		}
		for _, m := range shown {
			if m.spans[i][1] > m.spans[i][0] {
				return true
			}
		}
		return false
	}

	p("# %s", tr(L, "title"))
	p("")
	p("%s **%s** · %s · %s · %s", tr(L, "label.asof"), r.AsOf, count(L, v.added, "label.manifests"),
		count(L, len(v.controls), "label.controls"), summaryLine(L, r.Summary))
	p("")
	statusColumns := fmt.Sprintf("%s %s | %s %s | %s %s | %s %s | %s %s | %s",
		statusIcon[audit.StatusError], statusWord(L, audit.StatusError),
		statusIcon[audit.StatusFail], statusWord(L, audit.StatusFail),
		statusIcon[audit.StatusWaived], statusWord(L, audit.StatusWaived),
		statusIcon[audit.StatusPass], statusWord(L, audit.StatusPass),
		statusIcon[audit.StatusNotApplicable], statusWord(L, audit.StatusNotApplicable),
		tr(L, "heading.problems"))
	var shown []*mdManifest
	if s.sweep {
		shown = s.sweepHead(p, statusColumns)
	} else {
		p("## %s", tr(L, "heading.summary"))
		p("")
		p("| %s | %s | %s |", tr(L, "heading.manifest"), tr(L, "label.provider"), statusColumns)
		p("|---|---|--:|--:|--:|--:|--:|--:|")
		part(mdRows, nil)
	}

	p("")
	p("## %s", tr(L, "heading.failures"))
	switch {
	case has(mdFailures, shown):
		part(mdFailures, shown)
	case r.Summary.Fail == 0:
		p("")
		p("%s", tr(L, "label.nofailures"))
	default:
		p("")
		p("%s", tr(L, "label.sweepnodetail"))
	}

	// The notes on passing controls (what a pass does not cover), then why each
	// not-applicable control does not apply (an auditor hands these up as well as failures).
	for _, t := range []struct {
		i               int
		heading, column string
	}{{mdPassNotes, "heading.passnotes", "label.note"}, {mdNotApplicable, "heading.notapplicable", "label.reason"}} {
		if !s.sweep && has(t.i, nil) {
			p("")
			p("## %s", tr(L, t.heading))
			p("")
			p("| %s | %s | %s |", tr(L, "label.manifest"), tr(L, "label.control"), tr(L, t.column))
			p("|---|---|---|")
			part(t.i, nil)
		}
	}

	if s.parts[mdProblems].n > 0 {
		p("")
		p("## %s", tr(L, "heading.problems"))
		p("")
		p("| %s | %s | %s |", tr(L, "label.location"), tr(L, "label.pointer"), tr(L, "label.reason"))
		p("|---|---|---|")
		for _, i := range []int{mdProblems, mdUnjudged} {
			if err != nil {
				break
			}
			if !s.sweep {
				err = s.parts[i].copyTo(b)
			} else {
				err = s.parts[i].copyRange(b, 0, s.problemsFit[i])
			}
		}
		if s.sweep && s.problemsLeft > 0 {
			p("")
			p("%s", fmt.Sprintf(tr(L, "label.moreproblems"), s.problemsLeft))
		}
	}
	for _, t := range []struct {
		i       int
		heading string
	}{{mdErrors, "heading.errors"}, {mdWaived, "heading.waived"}, {mdSiteLossPart, "heading.siteloss"}} {
		if has(t.i, shown) {
			p("")
			p("## %s", tr(L, t.heading))
			part(t.i, shown)
		}
	}

	p("")
	p("<details><summary>%s</summary>", tr(L, "heading.byreg"))
	p("")
	p("| %s | %s | %s | %s | %s | %s |", tr(L, "label.control"), tr(L, "label.title"), tr(L, "label.severity"),
		tr(L, "label.kind"), tr(L, "label.citation"), tr(L, "label.results"))
	p("|---|---|---|---|---|---|")
	for _, g := range v.regulations() {
		p("| **%s** | | | | | %s |", md(regulationName(L, g.Name)), md(summaryLine(L, g.Summary)))
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
	if st := r.Settings; st != nil {
		p("| %s | %s (%s) |", tr(L, "label.settings"), mdCode(st.File), st.SHA256)
	}
	p("| %s | %d |", tr(L, "label.exitcode"), r.ExitCode)
	if s.sweep {
		// One line per input would be most of a sweep's report.
		p("| %s | %s |", tr(L, "label.inputs"), fmt.Sprintf(tr(L, "label.sweepinputs"), len(r.Inputs)))
	} else {
		for _, in := range r.Inputs {
			p("| %s | %s |", mdCode(in.Path), mdCode("sha256:"+in.SHA256))
		}
	}
	p("")
	p("</details>")
	if err != nil {
		return err
	}
	return b.Flush()
}

// sweepHead writes a sweep's portfolio: the providers worst first, the controls failing
// most, and what the report leaves out. It returns the manifests whose details follow,
// worst first.
func (s *markdownStream) sweepHead(p func(string, ...any), statusColumns string) []*mdManifest {
	L := s.lang
	var shown []*mdManifest
	size := int64(0)
	for _, m := range s.kept {
		n := int64(0)
		for _, i := range mdDetail {
			n += m.spans[i][1] - m.spans[i][0]
		}
		if n == 0 {
			continue
		}
		if size+n > mdSweepBudget {
			break
		}
		size += n
		shown = append(shown, m)
	}
	providers := s.pf.worstProviders()
	p("## %s", tr(L, "heading.portfolio"))
	p("")
	p("%s", fmt.Sprintf(tr(L, "label.portfolio"), s.v.added, len(providers)))
	p("")
	p("### %s", tr(L, "heading.worstproviders"))
	p("")
	p("| %s | %s | %s |", tr(L, "label.provider"), tr(L, "label.manifestcount"), statusColumns)
	p("|---|--:|--:|--:|--:|--:|--:|--:|")
	for _, t := range providers[:min(len(providers), mdSweepProviders)] {
		sm := t.Summary
		p("| %s | %d | %d | %d | %d | %d | %d | %d |", md(t.Name), t.Manifests, sm.Error, sm.Fail, sm.Waived, sm.Pass, sm.NotApplicable, t.Problems)
	}
	if rest := providers[min(len(providers), mdSweepProviders):]; len(rest) > 0 {
		p("")
		p("%s", fmt.Sprintf(tr(L, "label.moreproviders"), len(rest), manifestCount(rest)))
	}
	p("")
	p("### %s", tr(L, "heading.failingmost"))
	p("")
	if failing := s.pf.failingMost(s.v); len(failing) > 0 {
		p("| %s | %s | %s |", tr(L, "label.control"), tr(L, "label.citation"), tr(L, "label.failingmanifests"))
		p("|---|---|--:|")
		for _, c := range failing {
			p("| %s %s | %s | %d |", mdCode(c.Control.ID), md(c.Control.Title.In(L)), MarkdownCitation(c.Control.Citation, L), c.Failing)
		}
	} else {
		p("%s", tr(L, "label.nofailures"))
	}
	p("")
	p("%s", fmt.Sprintf(tr(L, "label.sweepleftout"), len(shown), s.v.added-len(shown)))
	return shown
}

// mdSiteLoss writes what each failure takes down in a manifest with a site-loss analysis:
// a row for every failure that takes a service down, one line for those that take none.
// The report writes the heading once, before the first manifest that has one.
func mdSiteLoss(p func(string, ...any), L string, m manifestView) {
	sl := m.SiteLoss
	if sl == nil || len(sl.Failures) == 0 {
		return
	}
	p("")
	p("### %s", mdCode(m.Name))
	var harmless []string
	rows := 0
	ix := sl.Index()
	for _, f := range sl.Failures {
		head := domainLabel(L, f.Domain, mdCode, md)
		if f.Lost == 0 {
			harmless = append(harmless, head)
			continue
		}
		if rows == 0 {
			p("")
			p("| %s | %s | %s |", tr(L, "label.domain"), tr(L, "label.unavailable"), tr(L, "label.surviving"))
			p("|---|---|---|")
		}
		rows++
		listed := ix.Explain(f, lostListed)
		var lost []string
		for _, u := range listed {
			lost = append(lost, fmt.Sprintf("**%s** (%s): %s", md(u.Service), md(term(L, u.Reason)), md(chainText(L, u.Chain, u.CausePhrase))))
		}
		if more := f.Lost - len(listed); more > 0 {
			lost = append(lost, md(fmt.Sprintf(tr(L, "label.morelost"), more)))
		}
		surviving := tr(L, "label.none")
		if f.Surviving > 0 {
			surviving = strconv.Itoa(f.Surviving)
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
			for _, e := range evidence(vi.Evidence, L) {
				ev = append(ev, md(e.Key)+": "+md(e.Value))
			}
			p("| %s<br>%s | %s | %s |", mdCode(location(vi.Position, m.File)), mdCode(vi.Pointer), md(message(vi, L)), strings.Join(ev, "<br>"))
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
