package reports

import (
	"cmp"
	"encoding/json"
	"fmt"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/resilcheck/resilcheck/internal/audit"
)

// view is the report rearranged the way every human-readable format reads it: manifests in
// input order, each with its results sorted most urgent first. Renderers never iterate the
// model's maps or rely on the engine's ordering, so their output stays byte-stable even if
// the engine changes how it sorts. A view is built a manifest at a time (add), as a stream
// receives them, and keeps only counts: no format holds the manifests themselves.
type view struct {
	r        *audit.Report   // the report's head: see Stream.Begin
	controls []audit.Control // catalogue order: regulation, then id
	byID     map[string]int  // index into controls

	added      int                       // manifests added
	problems   int                       // input problems over every manifest added
	perControl map[string]*audit.Summary // each control's verdicts over the manifests it could judge
}

type manifestView struct {
	audit.Manifest
	// All is every verdict on the manifest, most urgent first.
	All []resultView
	// Results is All without Unjudged: the verdicts worth a line each.
	Results []resultView
	// Unjudged are the error verdicts of a manifest with input problems: the engine marks
	// every control as not evaluated, and the problems themselves say why, so the
	// human-readable formats summarise these in one line instead of one per control.
	Unjudged []resultView
	Summary  audit.Summary
}

type resultView struct {
	audit.Result
	Control    audit.Control
	Violations []audit.Violation // sorted copy of Result.Violations
}

// statusRank orders statuses as audit.Statuses does: error and fail before pass.
func statusRank(s audit.Status) int {
	if i := slices.Index(audit.Statuses, s); i >= 0 {
		return i
	}
	return len(audit.Statuses)
}

// newView starts a view of the report whose head is r.
func newView(r *audit.Report) *view {
	v := &view{r: r, byID: map[string]int{}, perControl: map[string]*audit.Summary{}}
	v.controls = slices.Clone(r.Controls)
	slices.SortStableFunc(v.controls, func(a, b audit.Control) int {
		return cmp.Or(cmp.Compare(a.Regulation, b.Regulation), cmp.Compare(a.ID, b.ID))
	})
	for i, c := range v.controls {
		v.byID[c.ID] = i
	}
	return v
}

// add arranges one manifest and its results, counts them, and returns the arrangement.
func (v *view) add(man audit.Manifest, results []audit.Result) manifestView {
	m := manifestView{Manifest: man}
	// The results are ordered through their indexes: a resultView holds its control's whole
	// text, and sorting the views themselves moved that for every swap.
	controls := make([]audit.Control, len(results))
	order := make([]int, len(results))
	for i, res := range results {
		controls[i], order[i] = v.control(res.Control), i
		m.Summary.Add(res.Status)
	}
	slices.SortStableFunc(order, func(i, j int) int {
		return cmp.Or(
			cmp.Compare(statusRank(results[i].Status), statusRank(results[j].Status)),
			cmp.Compare(controls[j].Severity.Rank(), controls[i].Severity.Rank()),
			cmp.Compare(controls[i].ID, controls[j].ID),
		)
	})
	m.All = make([]resultView, 0, len(results))
	for _, i := range order {
		m.All = append(m.All, resultView{Result: results[i], Control: controls[i], Violations: sortedViolations(results[i].Violations)})
	}
	for _, rv := range m.All {
		if len(m.Problems) > 0 && rv.Status == audit.StatusError {
			m.Unjudged = append(m.Unjudged, rv)
			continue
		}
		m.Results = append(m.Results, rv)
		s := v.perControl[rv.Control.ID]
		if s == nil {
			s = &audit.Summary{}
			v.perControl[rv.Control.ID] = s
		}
		s.Add(rv.Status)
	}
	v.added++
	v.problems += len(m.Problems)
	return m
}

// unjudgedLine is the one-line summary of a manifest's unjudged controls, e.g.
// "40 controls not evaluated: invalid manifest: 2 problems".
func unjudgedLine(lang string, m manifestView) string {
	if len(m.Unjudged) == 0 {
		return ""
	}
	reason := m.Unjudged[0].Reason
	for _, u := range m.Unjudged[1:] {
		if u.Reason != reason {
			reason = ""
			break
		}
	}
	s := count(lang, len(m.Unjudged), "label.controls") + " " + tr(lang, "label.notevaluated")
	if reason != "" {
		s += ": " + reason
	}
	return s
}

// control returns the catalogue entry for id, or a minimal stand-in that still names it.
func (v *view) control(id string) audit.Control {
	if i, ok := v.byID[id]; ok {
		return v.controls[i]
	}
	return audit.Control{ID: id, Title: audit.Text{En: id}}
}

// sortedViolations is a copy of in in the order reports list findings: by place, then
// pointer and message.
func sortedViolations(in []audit.Violation) []audit.Violation {
	byPlace := func(a, b audit.Violation) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column),
			cmp.Compare(a.Pointer, b.Pointer),
			cmp.Compare(a.Message, b.Message),
		)
	}
	out := slices.Clone(in)
	if !slices.IsSortedFunc(out, byPlace) { // most come in order: the policies sort them
		slices.SortStableFunc(out, byPlace)
	}
	return out
}

// controlSummary counts one control's verdicts over the manifests it could judge; the
// unjudged verdicts of a broken manifest would otherwise mark every control as an error.
func (v *view) controlSummary(id string) audit.Summary {
	if s := v.perControl[id]; s != nil {
		return *s
	}
	return audit.Summary{}
}

// worst is the most urgent status in a summary; a control that never ran reads as n/a.
func worst(s audit.Summary) audit.Status {
	switch {
	case s.Error > 0:
		return audit.StatusError
	case s.Fail > 0:
		return audit.StatusFail
	case s.Waived > 0:
		return audit.StatusWaived
	case s.Pass > 0:
		return audit.StatusPass
	}
	return audit.StatusNotApplicable
}

// regulations groups the catalogue by regulation, in name order.
func (v *view) regulations() []regulationGroup {
	var out []regulationGroup
	for _, c := range v.controls {
		name := c.Regulation
		if name == "" {
			name = "other"
		}
		if len(out) == 0 || out[len(out)-1].Name != name {
			out = append(out, regulationGroup{Name: name})
		}
		g := &out[len(out)-1]
		g.Controls = append(g.Controls, c)
		s := v.controlSummary(c.ID)
		g.Summary.Pass += s.Pass
		g.Summary.Fail += s.Fail
		g.Summary.Waived += s.Waived
		g.Summary.Error += s.Error
		g.Summary.NotApplicable += s.NotApplicable
	}
	return out
}

type regulationGroup struct {
	Name     string
	Controls []audit.Control
	Summary  audit.Summary
}

// location renders file:line:column, leaving out what is unknown. fallback names the file
// when the position has none (the violation is somewhere in the manifest).
func location(p audit.Position, fallback string) string {
	f := p.File
	if f == "" {
		f = fallback
	}
	switch {
	case p.Line > 0 && p.Column > 0:
		return f + ":" + strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Column)
	case p.Line > 0:
		return f + ":" + strconv.Itoa(p.Line)
	}
	return f
}

// kv is one evidence entry, its value already rendered.
type kv struct{ Key, Value string }

func valueString(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	// json.Marshal would write <, > and & as \u003c escapes, which a reader of the text or
	// Markdown report sees literally; each format escapes for itself.
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Sprint(v)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// evidenceLine is the evidence on one line: "Service: kakaotalk · Outage: 8 h 33 min".
func evidenceLine(m map[string]any, lang string) string {
	var b strings.Builder
	for i, e := range evidence(m, lang) {
		if i > 0 {
			b.WriteString(" · ")
		}
		b.WriteString(e.Key + ": " + e.Value)
	}
	return b.String()
}

// regulationName is a group of the control matrix in lang.
func regulationName(lang, reg string) string {
	if _, ok := catalogue["reg."+reg]; !ok {
		return reg
	}
	return tr(lang, "reg."+reg)
}

// providerName is the provider as lang names it: the Korean name (provider.nameKo) in a
// Korean report when the manifest gives one.
func providerName(m audit.Manifest, lang string) string {
	if lang == "ko" && m.ProviderKo != "" {
		return m.ProviderKo
	}
	return m.Provider
}

// message picks the violation message in lang, falling back to English.
func message(v audit.Violation, lang string) string {
	if lang == "ko" && v.MessageKo != "" {
		return v.MessageKo
	}
	return v.Message
}

// citationLine is the one-line legal basis in lang (Korean only where the control has a
// Korean line), built from the parts when the control has no text of its own (a custom
// policy may omit it).
func citationLine(c audit.Citation, lang string) string {
	if t := c.In(lang); t != "" {
		return t
	}
	parts := []string{}
	for _, p := range []string{lawName(c, lang), c.Article, c.Decree, c.Source} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, "; ")
}

// citeOn is the citation a result prints: the article in force on the audit date (the period
// of the duty in force then, when the control declares periods), with the source it rests on
// unless that is plain statute, e.g. "TBA Art. 33(2); Decree Art. 37-11 (as then numbered;
// reported) [reported, not in statute text]".
func citeOn(c audit.Control, asOf, lang string) string {
	p := c.PeriodOn(asOf)
	if p == nil {
		return citationLine(c.Citation, lang)
	}
	s := p.Citation
	if lang == "ko" && p.CitationKo != "" {
		s = p.CitationKo
	} else if lang == "ko" && c.Citation.TextKo != "" {
		// A period without a Korean citation: the control's own Korean line, rather than
		// English in a Korean report.
		s = c.Citation.TextKo
	}
	if s == "" {
		s = citationLine(c.Citation, lang)
	}
	// The source the period rests on, unless the citation already says it in those words.
	if p.Label != "" && p.Label != "law" && !strings.Contains(s, tr(lang, "basis."+p.Label)) {
		s += " [" + tr(lang, "basis."+p.Label) + "]"
	}
	return s
}

// reasonIn is why a result is not applicable (or errored), in lang.
func reasonIn(res audit.Result, lang string) string {
	if lang == "ko" && res.ReasonKo != "" {
		return res.ReasonKo
	}
	return res.Reason
}

// domainLabel names a failure domain for a report line, e.g. "power feed sub-a (dc-1,
// dc-2)": its kind in lang, its id and, unless it is a datacenter itself, the datacenters
// lost with it. id and list escape for the format.
func domainLabel(lang string, d audit.FailureDomain, id, list func(string) string) string {
	s := term(lang, d.Kind) + " " + id(d.ID)
	if d.Kind != "datacenter" && len(d.Datacenters) > 0 {
		s += " (" + list(strings.Join(d.Datacenters, ", ")) + ")"
	}
	return s
}

// lawName is the law's name in lang.
func lawName(c audit.Citation, lang string) string {
	if lang == "ko" && c.LawKo != "" {
		return c.LawKo
	}
	return c.Law
}

// lawNote is the law's name to print after the citation line, or "" when it would add
// nothing: the line already names the law (Korean lines start with it), or the line is
// Korean and the law has no Korean name, where the English one would only mix languages.
func lawNote(c audit.Citation, lang string) string {
	name := lawName(c, lang)
	if lang == "ko" && c.TextKo != "" && c.LawKo == "" {
		return ""
	}
	if name == "" || strings.Contains(citationLine(c, lang), name) {
		return ""
	}
	return name
}

// manifestLabel names a manifest for headings: its name, and the file when they differ.
func manifestLabel(m audit.Manifest) string {
	if m.File == "" || m.File == m.Name {
		return m.Name
	}
	if m.Document > 0 {
		return fmt.Sprintf("%s (%s#%d)", m.Name, m.File, m.Document)
	}
	return m.Name + " (" + m.File + ")"
}

// lang normalises Options.Lang: anything but "ko" is English.
func (o Options) lang() string {
	if o.Lang == "ko" {
		return "ko"
	}
	return "en"
}

// linkTarget makes a link target safe for Markdown and SARIF: only http(s) URLs, with
// non-ASCII (law.go.kr paths are Korean) and parentheses percent-encoded so the URL is a
// valid RFC 3986 URI and does not end a Markdown link early. Anything else yields "".
func linkTarget(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return ""
	}
	return strings.NewReplacer("(", "%28", ")", "%29").Replace(u.String())
}

// relURI turns a report path into a relative URI reference with slashes, escaping what a
// URI cannot hold (spaces, non-ASCII).
func relURI(p string) string {
	return (&url.URL{Path: filepath.ToSlash(p)}).String()
}
