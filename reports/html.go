package reports

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"html/template"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/resilcheck/resilcheck/internal/audit"
)

// htmlData is what the template sees: everything precomputed and ordered, so the template
// only lays out and html/template escapes every value (contextually: text, attributes, URLs).
type htmlData struct {
	Lang    string
	R       *audit.Report
	Added   int      // manifests in the report
	Columns []string // the manifests' names, when the matrix has a column per manifest
	Matrix  []htmlRegulation
	// PerManifest is true when the matrix has a column per manifest; beyond
	// htmlMatrixColumns manifests the page would overflow A4, so the matrix shows one
	// column of counts instead and each manifest's section carries its own verdicts.
	PerManifest bool
	Problems    int
	Command     string
	// Sweep is set from sweepThreshold manifests on: the page leads with the portfolio
	// (Providers worst first, Failing the controls failing most), and manifests no longer
	// start a printed page each.
	Sweep     bool
	Providers []providerTally
	Failing   []controlTally
	// M is the manifest the row and manifest parts lay out.
	M manifestView
}

type htmlRegulation struct {
	Name     string
	Summary  audit.Summary
	Controls []htmlMatrixRow
}

type htmlMatrixRow struct {
	Control audit.Control
	Cells   []audit.Status // one per manifest; "" when the control did not run on it
	Summary audit.Summary  // over the manifests it judged
}

// htmlStream writes one self-contained page for auditors: no scripts, no external assets,
// A4 print layout with each manifest starting a page (below sweepThreshold manifests: a
// sweep's would print a thousand pages), and a Korean font stack so Hangul renders on
// Windows, macOS and Linux alike. Each manifest's row of the providers table
// and its section are rendered into spools as it arrives; what counts the whole run (the
// summary, the portfolio, the matrix) is rendered at the end and written before them.
type htmlStream struct {
	opts     Options
	v        *view
	pf       portfolio
	rows     spool
	sections spool
	// columns are the verdicts of the first manifests, kept while the matrix can still
	// give each a column of its own.
	columns []htmlColumn
}

type htmlColumn struct {
	name   string
	status map[string]audit.Status // control id → verdict
}

func newHTMLStream(opts Options) Stream { return &htmlStream{opts: opts} }

func (s *htmlStream) Begin(head *audit.Report) error {
	s.v = newView(head)
	return nil
}

func (s *htmlStream) Close() error { return errors.Join(s.rows.Close(), s.sections.Close()) }

func (s *htmlStream) Add(man audit.Manifest, results []audit.Result) error {
	m := s.v.add(man, results)
	s.pf.add(m)
	if s.v.added <= htmlMatrixColumns {
		col := htmlColumn{name: m.Name, status: map[string]audit.Status{}}
		for _, res := range m.All {
			col.status[res.Control.ID] = res.Status
		}
		s.columns = append(s.columns, col)
	} else {
		s.columns = nil
	}
	d := &htmlData{Lang: s.opts.lang(), R: s.v.r, M: m}
	if err := executeHTML(&s.rows, "row", d); err != nil {
		return err
	}
	return executeHTML(&s.sections, "manifest", d)
}

func (s *htmlStream) Finish(w io.Writer) error {
	v, r := s.v, s.v.r
	d := &htmlData{Lang: s.opts.lang(), R: r, Added: v.added, Command: shellJoin(r.Command),
		PerManifest: v.added <= htmlMatrixColumns, Problems: v.problems, Sweep: v.added >= sweepThreshold}
	if d.PerManifest {
		for _, c := range s.columns {
			d.Columns = append(d.Columns, c.name)
		}
	}
	if d.Sweep {
		d.Providers, d.Failing = s.pf.worstProviders(), s.pf.failingMost(v)
	}
	for _, g := range v.regulations() {
		hg := htmlRegulation{Name: regulationName(d.Lang, g.Name), Summary: g.Summary}
		ctrls := slices.Clone(g.Controls)
		// Within a law, the matrix reads in article order, as the statute does.
		slices.SortStableFunc(ctrls, func(a, b audit.Control) int {
			return cmp.Or(compareArticles(a.Citation.Article, b.Citation.Article), cmp.Compare(a.ID, b.ID))
		})
		for _, c := range ctrls {
			row := htmlMatrixRow{Control: c, Summary: v.controlSummary(c.ID)}
			if d.PerManifest {
				for _, col := range s.columns {
					row.Cells = append(row.Cells, col.status[c.ID])
				}
			}
			hg.Controls = append(hg.Controls, row)
		}
		d.Matrix = append(d.Matrix, hg)
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	err := executeHTML(bw, "head", d)
	if err == nil {
		err = s.rows.copyTo(bw)
	}
	if err == nil {
		err = executeHTML(bw, "matrix", d)
	}
	if err == nil {
		err = s.sections.copyTo(bw)
	}
	if err == nil {
		err = executeHTML(bw, "tail", d)
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

// executeHTML writes one part of the page. html/template escapes markup but passes bytes
// that are not UTF-8 through, and the page declares UTF-8: they become U+FFFD, as in the
// JSON report. The template's own text is valid, so only bytes from manifests and policies
// change, and a part always ends in the template's text, so no sequence spans two parts.
func executeHTML(w io.Writer, part string, d *htmlData) error {
	var buf bytes.Buffer
	if err := htmlTemplate().ExecuteTemplate(&buf, part, d); err != nil {
		return err
	}
	_, err := io.WriteString(w, validUTF8(buf.String()))
	return err
}

// compareArticles orders article references by their numbers, so "Art. 9" sorts before
// "Art. 35(2)3" and "Art. 39-2(1)" after "Art. 39".
func compareArticles(a, b string) int {
	na, nb := articleNumbers(a), articleNumbers(b)
	if c := slices.Compare(na, nb); c != 0 {
		return c
	}
	return cmp.Compare(a, b)
}

func articleNumbers(s string) []int {
	var out []int
	n, in := 0, false
	for _, r := range s {
		if r >= '0' && r <= '9' {
			n, in = n*10+int(r-'0'), true
			continue
		}
		if in {
			out = append(out, n)
			n, in = 0, false
		}
	}
	if in {
		out = append(out, n)
	}
	return out
}

// htmlMatrixColumns is the most manifests the control matrix gives a column each; more do
// not fit the width of an A4 page.
const htmlMatrixColumns = 6

var htmlFuncs = template.FuncMap{
	"tr": tr,
	"shortDigest": func(d string) string {
		// Enough of the bundle digest to tell two printed audits apart in a page footer;
		// the report's metadata carries it whole.
		if algo, hex, ok := strings.Cut(d, ":"); ok && len(hex) > 12 {
			return algo + ":" + hex[:12] + "…"
		}
		return d
	},
	"count":    count,
	"term":     term,
	"unjudged": unjudgedLine,
	"status":   statusWord,
	"severity": severityWord,
	"kind":     kindWord,
	"text":     func(t audit.Text, lang string) string { return t.In(lang) },
	"msg":      message,
	"loc":      location,
	"evidence": evidence,
	"provider": providerName,
	"chain":    chainText,
	"phrase":   phrase,
	"cite":     citationLine,
	"citeon":   citeOn,
	"reason":   func(r resultView, lang string) string { return reasonIn(r.Result, lang) },
	"lawnote":  lawNote,
	"waiver":   waiverLine,
	"summary":  summaryLine,
	"link":     func(s string) string { return linkTarget(s) },
	"lower":    strings.ToLower,
	"join":     strings.Join,
	"add":      func(a, b int) int { return a + b },
	// lossindex and explain list a failure's lost services with their chains, as the text
	// report does; morelost is how many a long list leaves out.
	"lossindex": func(sl *audit.SiteLoss) *audit.LossIndex { return sl.Index() },
	"explain": func(ix *audit.LossIndex, f audit.FailureOutcome) []audit.LostService {
		return ix.Explain(f, lostListed)
	},
	"morelost": func(f audit.FailureOutcome, listed []audit.LostService) int { return f.Lost - len(listed) },
	// losspictures draws each failure that takes services down (graph_svg.go).
	"losspictures": lossPictures,
	"yesno": func(b bool, lang string) string {
		if b {
			return tr(lang, "label.applies")
		}
		return tr(lang, "label.notapplies")
	},
	"notable": func(rs []resultView) []resultView {
		var out []resultView
		for _, r := range rs {
			if r.Status != audit.StatusPass && r.Status != audit.StatusNotApplicable {
				out = append(out, r)
			}
		}
		return out
	},
	"passed": func(rs []resultView) []resultView {
		var out []resultView
		for _, r := range rs {
			if r.Status == audit.StatusPass || r.Status == audit.StatusNotApplicable {
				out = append(out, r)
			}
		}
		return out
	},
}

// htmlTemplate is parsed on first use: at package init it cost every run (a JSON report
// for CI included) about a millisecond of start-up.
var htmlTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report").Funcs(htmlFuncs).Parse(htmlSource))
})

const htmlSource = `{{define "head"}}<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="{{.R.Tool.Name}} {{.R.Tool.Version}}">
<title>{{tr .Lang "title"}} · {{.R.AsOf}}</title>
<style>
@page {
  size: A4; margin: 14mm 12mm 16mm;
  @bottom-left { content: "{{tr .Lang "title"}} · {{tr .Lang "label.asof"}} {{.R.AsOf}} · {{shortDigest .R.Bundle.Digest}}"; font-size: 7.5pt; color: #667085; }
  @bottom-right { content: counter(page) " / " counter(pages); font-size: 7.5pt; color: #667085; }
}
:root { --fail: #b42318; --error: #7a2e9a; --waived: #b54708; --pass: #067647; --na: #667085; --line: #d0d5dd; --bg: #f9fafb; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Noto Sans KR", "Malgun Gothic", "Apple SD Gothic Neo", NanumGothic, sans-serif; font-size: 10.5pt; line-height: 1.45; color: #101828; margin: 0 auto; max-width: 190mm; padding: 8mm 0; word-break: keep-all; overflow-wrap: break-word; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 13.5pt; margin: 7mm 0 2mm; border-bottom: 2px solid #101828; padding-bottom: 1mm; }
h3 { font-size: 11.5pt; margin: 5mm 0 1.5mm; }
h4 { font-size: 10.5pt; margin: 3mm 0 1mm; }
h1, h2, h3, h4 { break-after: avoid-page; break-inside: avoid; }
p { margin: 1mm 0; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 3mm; font-size: 9pt; }
th, td { border: 1px solid var(--line); padding: 1.2mm 1.8mm; text-align: left; vertical-align: top; }
th { background: var(--bg); font-weight: 600; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
code { overflow-wrap: anywhere; }
.nowrap { white-space: nowrap; }
code, .mono { font-family: "D2Coding", "Noto Sans Mono CJK KR", ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 8.5pt; }
.meta { color: #475467; }
.badge { display: inline-block; padding: 0 1.6mm; border-radius: 1mm; font-size: 8.5pt; font-weight: 600; color: #fff; white-space: nowrap; }
.s-fail { background: var(--fail); } .s-error { background: var(--error); } .s-waived { background: var(--waived); }
.s-pass { background: var(--pass); } .s-applies { background: #175cd3; } .s-not_applicable { background: var(--na); } .s-none { background: #fff; color: var(--na); border: 1px dashed var(--line); }
.sev { font-weight: 600; } .sev-critical { color: var(--fail); } .sev-high { color: #c4320a; } .sev-medium { color: var(--waived); } .sev-low, .sev-info { color: var(--na); }
.finding { border: 1px solid var(--line); border-left: 4px solid var(--na); border-radius: 1mm; padding: 2mm 3mm; margin: 2.5mm 0; break-inside: avoid; }
.finding.fail { border-left-color: var(--fail); } .finding.error { border-left-color: var(--error); } .finding.waived { border-left-color: var(--waived); }
.finding h4 { margin-top: 0; }
.finding dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.5mm 3mm; margin: 1.5mm 0 0; }
.finding dt { font-weight: 600; color: #344054; } .finding dd { margin: 0; }
ul.ev { margin: 0.5mm 0 0; padding-left: 5mm; color: #344054; }
.summary { display: flex; gap: 2mm; flex-wrap: wrap; margin: 2mm 0; }
.summary span { border: 1px solid var(--line); border-radius: 1mm; padding: 1mm 2.5mm; }
section.manifest { break-before: page; }
.matrix td.cell { text-align: center; }
.matrix tr.group th { background: #eaecf0; }
.lost { color: var(--fail); }
figure.lossgraph { margin: 2mm 0 3mm; break-inside: avoid; }
{{- if .Sweep}}
body.sweep section.manifest { break-before: auto; border-top: 2px solid var(--line); margin-top: 8mm; }
{{- end}}
@media print { body { padding: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
</style>
</head>
<body{{if .Sweep}} class="sweep"{{end}}>
{{- $L := .Lang}}
<header>
<h1>{{tr $L "title"}}</h1>
<p class="meta">{{tr $L "label.asof"}} <strong>{{.R.AsOf}}</strong> · {{count $L .Added "label.manifests"}} · {{count $L (len .R.Controls) "label.controls"}} · {{.R.Tool.Name}} {{.R.Tool.Version}}</p>
<div class="summary">
<span><span class="badge s-error">{{status $L "error"}}</span> {{.R.Summary.Error}}</span>
<span><span class="badge s-fail">{{status $L "fail"}}</span> {{.R.Summary.Fail}}</span>
<span><span class="badge s-waived">{{status $L "waived"}}</span> {{.R.Summary.Waived}}</span>
<span><span class="badge s-pass">{{status $L "pass"}}</span> {{.R.Summary.Pass}}</span>
<span><span class="badge s-not_applicable">{{status $L "not_applicable"}}</span> {{.R.Summary.NotApplicable}}</span>
{{- if .Problems}}<span><span class="badge s-error">{{tr $L "heading.problems"}}</span> {{.Problems}}</span>{{end}}
</div>
</header>{{if .Sweep}}{{template "portfolio" .}}{{end}}

<h2>{{tr $L "heading.providers"}}</h2>
<table>
<thead><tr><th>{{tr $L "heading.manifest"}}</th><th>{{tr $L "label.provider"}}</th><th>{{tr $L "label.file"}}</th><th>{{tr $L "label.results"}}</th></tr></thead>
<tbody>{{end}}{{define "portfolio"}}{{$L := .Lang}}
<h2>{{tr $L "heading.portfolio"}}</h2>
<p class="meta">{{printf (tr $L "label.portfolio") .Added (len .Providers)}}</p>
<h3>{{tr $L "heading.worstproviders"}}</h3>
<table>
<thead><tr><th>{{tr $L "label.provider"}}</th><th>{{tr $L "label.manifestcount"}}</th><th><span class="badge s-error">{{status $L "error"}}</span></th><th><span class="badge s-fail">{{status $L "fail"}}</span></th><th><span class="badge s-waived">{{status $L "waived"}}</span></th><th><span class="badge s-pass">{{status $L "pass"}}</span></th><th><span class="badge s-not_applicable">{{status $L "not_applicable"}}</span></th><th>{{tr $L "heading.problems"}}</th></tr></thead>
<tbody>
{{- range .Providers}}
<tr><td>{{.Name}}</td><td class="n">{{.Manifests}}</td><td class="n">{{.Summary.Error}}</td><td class="n">{{.Summary.Fail}}</td><td class="n">{{.Summary.Waived}}</td><td class="n">{{.Summary.Pass}}</td><td class="n">{{.Summary.NotApplicable}}</td><td class="n">{{.Problems}}</td></tr>
{{- end}}
</tbody>
</table>
<h3>{{tr $L "heading.failingmost"}}</h3>
{{- if .Failing}}
<table>
<thead><tr><th>{{tr $L "label.control"}}</th><th>{{tr $L "label.citation"}}</th><th>{{tr $L "label.failingmanifests"}}</th></tr></thead>
<tbody>
{{- range .Failing}}
<tr><td><code>{{.Control.ID}}</code><br>{{text .Control.Title $L}}</td><td>{{cite .Control.Citation $L}}</td><td class="n">{{.Failing}}</td></tr>
{{- end}}
</tbody>
</table>
{{- else}}
<p>{{tr $L "label.nofailures"}}</p>
{{- end}}{{end}}{{define "row"}}{{$L := .Lang}}{{with .M}}
<tr><td>{{.Name}}</td><td>{{provider .Manifest $L}}</td><td><code>{{.File}}</code></td><td>{{if .All}}{{summary $L .Summary}}{{end}}{{if and .All .Problems}} · {{end}}{{if .Problems}}{{len .Problems}} {{lower (tr $L "heading.problems")}}{{end}}</td></tr>{{end}}{{end}}{{define "matrix"}}{{$L := .Lang}}
</tbody>
</table>

<h2>{{tr $L "heading.matrix"}}</h2>
<table class="matrix">
<thead><tr><th>{{tr $L "label.article"}}</th><th>{{tr $L "label.control"}}</th><th class="nowrap">{{tr $L "label.severity"}}</th>{{if .PerManifest}}{{range .Columns}}<th>{{.}}</th>{{end}}{{else}}<th>{{tr $L "label.results"}}</th>{{end}}</tr></thead>
<tbody>
{{- range .Matrix}}
<tr class="group"><th colspan="{{if $.PerManifest}}{{add 3 (len $.Columns)}}{{else}}4{{end}}">{{.Name}} · {{summary $L .Summary}}</th></tr>
{{- range .Controls}}
<tr><td>{{if and (eq $L "ko") .Control.Citation.TextKo}}{{cite .Control.Citation $L}}{{else}}{{.Control.Citation.Article}}<br><span class="meta">{{cite .Control.Citation $L}}</span>{{end}}</td><td><code>{{.Control.ID}}</code><br>{{text .Control.Title $L}}</td><td class="nowrap"><span class="sev sev-{{.Control.Severity}}">{{severity $L .Control.Severity}}</span><br><span class="meta">{{kind $L .Control.Kind}}</span></td>
{{- if $.PerManifest}}{{range .Cells}}<td class="cell">{{if .}}<span class="badge s-{{.}}">{{status $L .}}</span>{{else}}<span class="badge s-none">–</span>{{end}}</td>{{end}}
{{- else}}<td>{{summary $L .Summary}}</td>{{end}}</tr>
{{- end}}
{{- end}}
</tbody>
</table>{{end}}{{define "manifest"}}{{$L := .Lang}}{{with .M}}
<section class="manifest">
<h2>{{tr $L "heading.manifest"}}: {{.Name}}</h2>
<p class="meta">{{with provider .Manifest $L}}{{tr $L "label.provider"}}: <strong>{{.}}</strong> · {{end}}{{tr $L "label.file"}}: <code>{{.File}}</code>{{if .Source}} · {{.Source}}{{end}} {{- if .All}} · {{summary $L .Summary}}{{end}}</p>

{{- if .Problems}}
<h3>{{tr $L "heading.problems"}}</h3>
<table>
<thead><tr><th>{{tr $L "label.location"}}</th><th>{{tr $L "label.pointer"}}</th><th>{{tr $L "label.reason"}}</th></tr></thead>
<tbody>
{{- $file := .File}}
{{- range .Problems}}
<tr><td><code>{{loc .Position $file}}</code></td><td><code>{{.Pointer}}</code></td><td>{{.Message}}</td></tr>
{{- end}}
</tbody>
</table>
{{- with unjudged $L .}}<p class="meta">{{.}}</p>{{end}}
{{- end}}

{{- if .Scopes}}
<h3>{{tr $L "heading.scopes"}}</h3>
<table>
<thead><tr><th>{{tr $L "label.scope"}}</th><th>{{tr $L "label.status"}}</th><th>{{tr $L "label.basis"}}</th><th>{{tr $L "label.evidence"}}</th></tr></thead>
<tbody>
{{- range .Scopes}}
<tr><td><code>{{.ID}}</code><br>{{text .Title $L}}</td><td>{{if .Applies}}<span class="badge s-applies">{{yesno .Applies $L}}</span>{{else}}<span class="badge s-not_applicable">{{yesno .Applies $L}}</span>{{end}}</td><td>{{.Basis}}</td><td>{{range evidence .Evidence $L}}{{.Key}}: {{.Value}}<br>{{end}}</td></tr>
{{- end}}
</tbody>
</table>
{{- end}}

{{- $m := .}}
{{- with notable .Results}}
<h3>{{tr $L "heading.findings"}}</h3>
{{- range .}}
<div class="finding {{.Status}}">
<h4><span class="badge s-{{.Status}}">{{status $L .Status}}</span> <code>{{.Control.ID}}</code> {{text .Control.Title $L}}</h4>
<dl>
<dt>{{tr $L "label.severity"}}</dt><dd><span class="sev sev-{{.Control.Severity}}">{{severity $L .Control.Severity}}</span> · {{kind $L .Control.Kind}}</dd>
<dt>{{tr $L "label.citation"}}</dt><dd>{{with link .Control.Citation.URL}}<a href="{{.}}">{{end}}{{cite .Control.Citation $L}}{{if link .Control.Citation.URL}}</a>{{end}}{{with lawnote .Control.Citation $L}} — {{.}}{{end}}{{with .Control.Citation.InForce}} ({{.}}){{end}}</dd>
{{- $on := citeon .Control $.R.AsOf $L}}{{if ne $on (cite .Control.Citation $L)}}<dt>{{tr $L "label.inforce"}}</dt><dd>{{$on}}</dd>{{end}}
{{- if .Reason}}<dt>{{tr $L "label.reason"}}</dt><dd>{{reason . $L}}</dd>{{end}}
{{- range .Notes}}<dt>{{tr $L "label.note"}}</dt><dd>{{msg . $L}}</dd>{{end}}
{{- range .Violations}}
<dt>{{tr $L "label.location"}}</dt><dd><code>{{loc .Position $m.File}}</code> <code class="meta">{{.Pointer}}</code><br>{{msg . $L}}
{{- with evidence .Evidence $L}}<ul class="ev">{{range .}}<li>{{.Key}}: {{.Value}}</li>{{end}}</ul>{{end}}</dd>
{{- end}}
{{- with .Waiver}}<dt>{{tr $L "label.waiver"}}</dt><dd>{{waiver $L .}}</dd>{{end}}
{{- if eq .Status "fail"}}<dt>{{tr $L "label.remediation"}}</dt><dd>{{text .Control.Remediation $L}}</dd>{{end}}
</dl>
</div>
{{- end}}
{{- end}}

{{- with passed .Results}}
<h3>{{tr $L "heading.passes"}}</h3>
<table>
<thead><tr><th>{{tr $L "label.control"}}</th><th>{{tr $L "label.status"}}</th><th>{{tr $L "label.citation"}}</th><th>{{tr $L "label.reason"}}</th></tr></thead>
<tbody>
{{- range .}}
<tr><td><code>{{.Control.ID}}</code><br>{{text .Control.Title $L}}</td><td><span class="badge s-{{.Status}}">{{status $L .Status}}</span></td><td>{{citeon .Control $.R.AsOf $L}}</td><td>{{reason . $L}}{{range .Notes}}<div class="meta">{{tr $L "label.note"}}: {{msg . $L}}</div>{{end}}</td></tr>
{{- end}}
</tbody>
</table>
{{- end}}

{{- with .SiteLoss}}{{$ix := lossindex .}}
<h3>{{tr $L "heading.siteloss"}}</h3>
<table>
<thead><tr><th>{{tr $L "label.domain"}}</th><th>{{tr $L "label.unavailable"}}</th><th>{{tr $L "label.surviving"}}</th></tr></thead>
<tbody>
{{- range .Failures}}
<tr><td><code>{{.Domain.ID}}</code><br><span class="meta">{{term $L .Domain.Kind}}{{if .Domain.Datacenters}}: {{join .Domain.Datacenters ", "}}{{end}}</span></td>
<td>{{$lost := explain $ix .}}{{range $lost}}<div class="lost"><strong>{{.Service}}</strong> <span class="meta">({{term $L .Reason}})</span></div><div class="meta">{{chain $L .Chain .CausePhrase}}{{with phrase $L .DetailPhrase .Detail}}<br>{{.}}{{end}}</div>{{else}}{{tr $L "label.none"}}{{end}}{{with morelost . $lost}}<div class="meta">{{printf (tr $L "label.morelost") .}}</div>{{end}}</td>
<td>{{if .Surviving}}{{.Surviving}}{{else}}{{tr $L "label.none"}}{{end}}{{range .Notes}}<div class="meta"><strong>{{.Service}}</strong>: {{phrase $L .NotePhrase .Note}}</div>{{end}}</td></tr>
{{- end}}
</tbody>
</table>
{{- range losspictures $L $m.Name .}}
<figure class="lossgraph">{{.}}</figure>
{{- end}}
{{- with .Cycles}}
<h4>{{tr $L "heading.cycles"}}</h4>
<ul>{{range .}}<li><code>{{join . " → "}}</code></li>{{end}}</ul>
{{- end}}
{{- end}}
</section>{{end}}{{end}}{{define "tail"}}{{$L := .Lang}}

<section class="manifest">
<h2>{{tr $L "heading.metadata"}}</h2>
<table>
<tbody>
<tr><th>{{tr $L "label.tool"}}</th><td>{{.R.Tool.Name}} {{.R.Tool.Version}}</td></tr>
<tr><th>{{tr $L "label.opa"}}</th><td>{{.R.Tool.OPAVersion}}</td></tr>
{{- with .R.Tool.GoVersion}}<tr><th>{{tr $L "label.go"}}</th><td>{{.}}</td></tr>{{end}}
<tr><th>{{tr $L "label.bundle"}}</th><td><code>{{.R.Bundle.Digest}}</code></td></tr>
{{- with .R.Bundle.Custom}}<tr><th>{{tr $L "label.custom"}}</th><td>{{range .}}<code>{{.}}</code><br>{{end}}</td></tr>{{end}}
<tr><th>{{tr $L "label.asof"}}</th><td>{{.R.AsOf}}</td></tr>
{{- with .Command}}<tr><th>{{tr $L "label.command"}}</th><td><code>{{.}}</code></td></tr>{{end}}
{{- with .R.Settings}}<tr><th>{{tr $L "label.settings"}}</th><td><code>{{.File}}</code> ({{.SHA256}})</td></tr>{{end}}
<tr><th>{{tr $L "label.exitcode"}}</th><td>{{.R.ExitCode}}</td></tr>
</tbody>
</table>
<h3>{{tr $L "label.inputs"}}</h3>
<table>
<thead><tr><th>{{tr $L "label.file"}}</th><th>SHA-256</th></tr></thead>
<tbody>
{{- range .R.Inputs}}
<tr><td><code>{{.Path}}</code></td><td><code>{{.SHA256}}</code></td></tr>
{{- end}}
</tbody>
</table>
</section>
</body>
</html>
{{end}}`
