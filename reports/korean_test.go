package reports

import (
	"encoding/csv"
	"html"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/resilcheck/resilcheck/internal/audit"
)

// TestKoreanReportsHaveNoEnglishProse renders every bundled scenario in Korean and looks for
// English prose: two or more English words in a row, or a common English word on its own.
// Ids, file paths, field names and numbers with units are not words here (they hold a digit,
// a hyphen, a dot, a slash or brackets, or are upper-case abbreviations); the manifests'
// own names and sources, scope bases (citations) and the ids the evidence names are allowed.
// No evidence value is allowed as English: a value the policies word in English only gets a
// Korean twin (key_ko) or a structured form the reports word, and this test holds it to that.
func TestKoreanReportsHaveNoEnglishProse(t *testing.T) {
	if testing.Short() {
		t.Skip("evaluates the whole policy bundle")
	}
	for name, r := range scenarios(t) {
		allowed := allowedEnglish(r)
		for _, format := range []string{"text", "markdown", "html", "csv"} {
			t.Run(name+"/"+format, func(t *testing.T) {
				// The text report is rendered without wrapping, so that an allowed value
				// is found whole.
				out := readable(format, render(t, format, Options{Lang: "ko", Width: 1 << 20}, r))
				for _, a := range allowed {
					out = strings.ReplaceAll(out, a, " ")
				}
				seen := map[string]bool{}
				for _, run := range englishRuns(out) {
					if !seen[run] {
						seen[run] = true
						i := strings.Index(out, strings.Fields(run)[0])
						t.Errorf("English in the Korean report: %q in %q", run, out[max(0, i-60):min(len(out), i+60)])
					}
				}
			})
		}
	}
}

// readable is what a reader of the format sees: HTML without its markup and style sheet, a
// CSV without the columns that carry the English twin of a Korean one.
func readable(format string, b []byte) string {
	s := plain(format, b)
	switch format {
	case "html":
		s = regexp.MustCompile(`(?s)<style.*?</style>|<[^>]*>`).ReplaceAllString(string(b), " ")
		s = html.UnescapeString(s)
	case "csv":
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(s, "\ufeff"))).ReadAll()
		if err != nil || len(rows) == 0 {
			return s
		}
		var keep []int
		for i := range rows[0] {
			// The English twins of Korean columns, and the columns of codes a sheet
			// filters on (the same in every language).
			if i < len(csvColumns) && (strings.Contains(csvColumns[i].ko, "(영문)") || csvCodes[csvColumns[i].en]) {
				continue
			}
			keep = append(keep, i)
		}
		var out strings.Builder
		for _, row := range rows {
			for _, i := range keep {
				if i < len(row) {
					out.WriteString(row[i] + "\n")
				}
			}
		}
		return out.String()
	}
	return s
}

// allowedEnglish lists what may stay in English in a Korean report of r, longest first so
// that a value is removed before a part of it.
func allowedEnglish(r *audit.Report) []string {
	var out []string
	add := func(s string) {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	for _, m := range r.Manifests {
		add(m.Name)
		add(m.File)
		add(m.Source)
		add(m.Provider)
		for _, sc := range m.Scopes {
			add(sc.Basis)
		}
	}
	for _, c := range r.Controls {
		add(c.Citation.Source)
	}
	// Service ids, as the site-loss section and the evidence name them.
	for _, m := range r.Manifests {
		if m.SiteLoss == nil {
			continue
		}
		for _, l := range m.SiteLoss.Dependents {
			add(l.Service)
			add(l.Via)
		}
		for _, f := range m.SiteLoss.Failures {
			for _, b := range f.Broken {
				add(b.Service)
			}
		}
	}
	for _, res := range r.Results {
		for _, v := range res.Violations {
			for k, x := range v.Evidence {
				if !namesSomething[k] {
					continue
				}
				if s, ok := x.(string); ok {
					add(s)
				}
				if list, ok := strings_(x); ok {
					for _, s := range list {
						add(s)
					}
				}
			}
		}
	}
	add(strings.Join(r.Command, " "))
	add(r.Tool.Name)
	slices.SortFunc(out, func(a, b string) int { return len(b) - len(a) })
	return out
}

var (
	wordToken = regexp.MustCompile(`^[(\["']*([A-Za-z]{2,})[)\]"',.;:!?]*$`)
	camel     = regexp.MustCompile(`^[a-z]+[A-Z]`) // a field name: lastInspectionOn
	csvCodes  = map[string]bool{"severity": true, "kind": true, "regulation": true, "status": true}
	// loneEnglish are words that are prose even on their own.
	loneEnglish = map[string]bool{
		"the": true, "of": true, "and": true, "is": true, "not": true, "in": true, "with": true,
		"datacenter": true, "power": true, "feed": true, "building": true, "none": true,
		"yes": true, "no": true, "fail": true, "pass": true, "waived": true, "error": true,
		"only": true, "lost": true, "active": true, "standby": true, "cold": true,
	}
)

// englishRuns finds English prose in s: runs of two or more English words, or a word of
// loneEnglish alone. Upper-case abbreviations (RTO, UPS, KST, SNS) are units and names.
func englishRuns(s string) []string {
	var out, run []string
	flush := func() {
		if len(run) >= 2 || (len(run) == 1 && loneEnglish[strings.ToLower(run[0])]) {
			out = append(out, strings.Join(run, " "))
		}
		run = run[:0]
	}
	value := false // the token follows "field:" or "field =": a manifest value, quoted
	for _, tok := range strings.Fields(s) {
		m := wordToken.FindStringSubmatch(tok)
		quoted := value
		value = strings.HasSuffix(tok, ":") || tok == "="
		if m == nil || m[1] == strings.ToUpper(m[1]) || camel.MatchString(m[1]) || quoted {
			flush()
			continue
		}
		run = append(run, m[1])
	}
	flush()
	return out
}

// TestTextReportFitsHundredColumns: no line of the text report of a bundled scenario is
// wider than 100 terminal cells, in either language (Hangul takes two).
func TestTextReportFitsHundredColumns(t *testing.T) {
	if testing.Short() {
		t.Skip("evaluates the whole policy bundle")
	}
	for name, r := range scenarios(t) {
		for _, lang := range []string{"en", "ko"} {
			out := string(render(t, "text", Options{Lang: lang}, r))
			for i, l := range strings.Split(out, "\n") {
				if w := DisplayWidth(l); w > 100 {
					t.Errorf("%s/%s line %d is %d cells wide: %q", name, lang, i+1, w, l)
				}
			}
		}
	}
}

// TestNotApplicableSaysWhy: every not-applicable verdict of every bundled scenario has its
// reason in the text, Markdown, HTML, CSV and JUnit reports, in the report's language.
func TestNotApplicableSaysWhy(t *testing.T) {
	if testing.Short() {
		t.Skip("evaluates the whole policy bundle")
	}
	for name, r := range scenarios(t) {
		for _, format := range []string{"text", "markdown", "html", "csv", "junit"} {
			for _, lang := range []string{"en", "ko"} {
				out := plain(format, render(t, format, Options{Lang: lang, Width: 1 << 20}, r))
				if format == "markdown" {
					out = strings.ReplaceAll(out, "\\", "")
				}
				for _, res := range r.Results {
					if res.Status != audit.StatusNotApplicable {
						continue
					}
					why := reasonIn(res, lang)
					if why == "" {
						t.Errorf("%s: %s is not applicable without a reason", name, res.Control)
						continue
					}
					if !strings.Contains(out, why) {
						t.Errorf("%s/%s/%s: the reason %s does not apply is missing: %q", name, format, lang, res.Control, why)
					}
				}
			}
		}
	}
}

// TestPhrasesMatchThePolicies: the Korean cause that ends a chain in the redundancy control's
// Korean message (siteloss.rego's korean()) is the one the reports word from the phrase
// (i18n.go), so the two catalogues cannot drift apart unnoticed.
func TestPhrasesMatchThePolicies(t *testing.T) {
	if testing.Short() {
		t.Skip("evaluates the whole policy bundle")
	}
	checked := 0
	for _, r := range scenarios(t) {
		for _, res := range r.Results {
			if res.Control != "KR-BCDA-35-REDUNDANCY" && res.Control != "KR-MSIT-2022-OPS-TOOLING" {
				continue
			}
			for _, v := range res.Violations {
				p := phraseOf(v.Evidence["cause_phrase"])
				if p == nil {
					continue
				}
				checked++
				if ko := phrase("ko", p, ""); !strings.Contains(v.MessageKo, ko) {
					t.Errorf("%s: the Korean message %q does not end its chain with %q", res.Control, v.MessageKo, ko)
				}
				if en := phrase("en", p, ""); !strings.Contains(v.Message, en) {
					t.Errorf("%s: the message %q does not end its chain with %q", res.Control, v.Message, en)
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no site-loss finding carries a cause phrase")
	}
}
