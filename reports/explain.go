package reports

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/resilcheck/resilcheck/internal/audit"
)

// ExplainFormats are the formats WriteExplanation writes.
var ExplainFormats = []string{"text", "json"}

// Explanation is one control as `resilcheck explain` shows it: the control, the parameters
// it reads and the scope tests of its parties, with the numbers in force on AsOf.
type Explanation struct {
	AsOf       string
	Control    audit.Control
	Params     []audit.Param
	ScopeTests []audit.ScopeTest
}

// NewExplanation is what explain shows of control c on asOf. inTests are the parameters
// any scope test reads: a parameter c reads only through the shared scope helper, which reads
// every party's thresholds, is left out, and the ones that matter show beside the tests of
// c's own parties.
func NewExplanation(asOf string, c audit.Control, params []audit.Param, tests []audit.ScopeTest, inTests map[string]bool) Explanation {
	var own []audit.Param
	for _, p := range params {
		if p.Direct || !inTests[p.Name] {
			own = append(own, p)
		}
	}
	return Explanation{AsOf: asOf, Control: c, Params: own, ScopeTests: tests}
}

// WriteExplanation writes x in format and lang.
func WriteExplanation(w io.Writer, x Explanation, format, lang string) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		params, tests := x.Params, x.ScopeTests
		if params == nil {
			params = []audit.Param{}
		}
		if tests == nil {
			tests = []audit.ScopeTest{}
		}
		return enc.Encode(map[string]any{"as_of": x.AsOf, "control": x.Control, "in_force_on_as_of": x.Control.PeriodOn(x.AsOf),
			"scope_tests": tests, "parameters": params})
	case "text":
		return explainText(w, x, lang)
	}
	return fmt.Errorf("unknown explain format %q", format)
}

// paramValue prints a parameter value: integers with digit grouping, so 10000000000 reads
// as 10,000,000,000, as the reasons in the bundle print them.
func paramValue(v any) string {
	switch x := v.(type) {
	case json.Number:
		return audit.GroupDigits(x)
	case nil:
		return "(none)"
	case string:
		return x
	default:
		b, err := json.Marshal(x)
		if err != nil {
			return fmt.Sprint(x)
		}
		return string(b)
	}
}

func explainText(w io.Writer, x Explanation, lang string) error {
	var b strings.Builder
	c, asOf := x.Control, x.AsOf
	ko := lang == "ko"
	label := func(key string) string { return tr(lang, "explain."+key) }
	fmt.Fprintf(&b, "%s  %s\n", c.ID, c.Title.In(lang))
	fmt.Fprintf(&b, "%s: %s   %s: %s   %s: %s\n",
		label("severity"), CodeIn(lang, "severity", string(c.Severity)), label("kind"), CodeIn(lang, "kind", string(c.Kind)),
		label("regulation"), CodeIn(lang, "reg", c.Regulation))
	if c.Custom {
		fmt.Fprintln(&b, label("custom"))
	}
	fmt.Fprintf(&b, "\n%s\n", strings.TrimSpace(c.Description.In(lang)))

	fmt.Fprintf(&b, "\n%s\n", label("basis"))
	if ko && c.Citation.TextKo != "" {
		// The Korean citation already names the law, article and decree as Korean statutes
		// are cited; the English parts would mix two languages in one line.
		fmt.Fprintf(&b, "  %s\n", c.Citation.TextKo)
	} else {
		fmt.Fprintf(&b, "  %s, %s\n", lawName(c.Citation, lang), c.Citation.Article)
		if c.Citation.Decree != "" {
			fmt.Fprintf(&b, "  %s\n", c.Citation.Decree)
		}
	}
	if c.Citation.InForce != "" {
		fmt.Fprintf(&b, "  %s %s\n", label("inforcefrom"), c.Citation.InForce)
	}
	if c.Citation.Source != "" {
		fmt.Fprintf(&b, "  %s: %s\n", label("source"), c.Citation.Source)
	}
	if cited := c.Citation.In(lang); !(ko && cited == c.Citation.TextKo) {
		fmt.Fprintf(&b, "  %s: %s\n", label("citedas"), cited)
	}
	if len(c.InForce) > 0 {
		fmt.Fprintf(&b, "\n%s\n", label("inforce"))
		for _, p := range c.InForce {
			span := p.From
			switch {
			case span == "" && p.Until == "":
				span = tr(lang, "rules.throughout") // as rules words a duty with no start or end
			case span == "":
				span = label("earlier") + " .. " + p.Until
			case p.Until != "":
				span += " .. " + p.Until
			default:
				span += " .."
			}
			who := strings.Join(p.Parties, ", ")
			if who == "" {
				who = label("whoever")
			}
			cite := p.Citation
			if ko && p.CitationKo != "" {
				cite = p.CitationKo
			}
			if p.Verifiable != nil && !*p.Verifiable {
				cite = label("unverifiable")
			}
			fmt.Fprintf(&b, "  %-24s %s  [%s]\n      %s\n", span, who, CodeIn(lang, "value", p.Label), cite)
		}
		if on := c.PeriodOn(asOf); on != nil {
			cite := on.Citation
			if ko && on.CitationKo != "" {
				cite = on.CitationKo
			}
			fmt.Fprintf(&b, "  %s %s: %s  [%s]\n", label("citedon"), asOf, cite, CodeIn(lang, "value", on.Label))
		} else {
			fmt.Fprintf(&b, "  %s %s\n", label("notinforce"), asOf)
		}
	}
	if len(x.ScopeTests) > 0 {
		fmt.Fprintf(&b, "\n%s %s\n", label("scopetests"), asOf)
		for _, t := range x.ScopeTests {
			since := ""
			if t.From > asOf {
				since = fmt.Sprintf(" (%s %s)", label("notuntil"), t.From)
			}
			fmt.Fprintf(&b, "  %s%s: %s\n", t.Party, since, t.Test.In(lang))
		}
	}
	if len(c.RelatedResources) > 0 {
		fmt.Fprintf(&b, "\n%s\n", label("related"))
		for _, r := range c.RelatedResources {
			fmt.Fprintf(&b, "  %s\n", r)
		}
	}
	fmt.Fprintf(&b, "\n%s\n  %s\n", label("remediation"), c.Remediation.In(lang))

	fmt.Fprintf(&b, "\n%s %s\n", label("params"), asOf)
	if len(x.Params) == 0 {
		fmt.Fprintf(&b, "  %s\n", label("noparams"))
	}
	for _, p := range x.Params {
		via := ""
		if !p.Direct {
			via = label("via")
		}
		fmt.Fprintf(&b, "  %s = %s  [%s]%s\n", p.Name, paramValue(p.Value), CodeIn(lang, "value", p.Label), via)
		if p.Basis != "" {
			// The bases are English citations and notes in the parameter table; a Korean
			// page shows their Korean wording.
			detail := ParamBasisIn(p.Basis, lang)
			if p.From != "" {
				detail += "; " + label("from") + p.From
			}
			fmt.Fprintf(&b, "      %s\n", detail)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
