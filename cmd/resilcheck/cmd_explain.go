package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/resilcheck/resilcheck/internal/audit"
	"github.com/resilcheck/resilcheck/internal/engine"
	"github.com/resilcheck/resilcheck/reports"
)

func explainCommand(stdio appIO) *cli.Command {
	flags := []cli.Flag{
		&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "text or json"},
		&cli.StringFlag{Name: "as-of", Usage: "show the parameters in force on `DATE` (YYYY-MM-DD); default today in Korea"},
		langFlag("en or ko"),
	}
	return &cli.Command{
		Name:      "explain",
		Usage:     "explain one control: what it checks, its legal basis, remediation and the parameters in force",
		ArgsUsage: "CONTROL-ID",
		Flags:     append(flags, bundleFlags()...),
		CustomHelpTemplate: withExamples(
			"resilcheck explain KR-TBA-33-NOTICE",
			"resilcheck explain --as-of 2022-10-15 --lang ko KR-TBA-33-NOTICE",
		),
		Action: func(c *cli.Context) error {
			if err := argsOnly(c); err != nil {
				return err
			}
			if c.NArg() != 1 {
				return withCode(ExitInputError, fmt.Errorf("explain: give exactly one control id (see `resilcheck rules`)"))
			}
			lang, err := checkLang(c)
			if err != nil {
				return err
			}
			format := c.String("format")
			if err := oneOf("format", format, "text", "json"); err != nil {
				return err
			}
			asOf, err := parseAsOf(c.String("as-of"))
			if err != nil {
				return withCode(ExitInputError, err)
			}
			eng, err := loadEngine(c, asOf, c.StringSlice("data"))
			if err != nil {
				return err
			}
			ctrl, err := findControl(eng.Controls(), c.Args().First())
			if err != nil {
				return withCode(ExitInputError, err)
			}
			params, err := eng.Params(commandContext(c), ctrl.ID)
			if err != nil {
				return withCode(ExitBundleBroken, err)
			}
			tests, err := eng.ScopeTests(commandContext(c), ctrl.Parties())
			if err != nil {
				return withCode(ExitBundleBroken, err)
			}
			scopeParams, err := eng.ScopeParamNames(commandContext(c))
			if err != nil {
				return withCode(ExitBundleBroken, err)
			}
			params = withoutScopeParams(params, scopeParams)
			if format == "json" {
				enc := json.NewEncoder(stdio.Stdout)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				if params == nil {
					params = []engine.Param{}
				}
				if tests == nil {
					tests = []engine.ScopeTest{}
				}
				return enc.Encode(map[string]any{"as_of": asOf, "control": ctrl, "in_force_on_as_of": ctrl.PeriodOn(asOf),
					"scope_tests": tests, "parameters": params})
			}
			return explainText(stdio.Stdout, ctrl, params, tests, asOf, lang)
		},
	}
}

// withoutScopeParams drops the parameters a control reads only through the shared scope
// tests: the scope helper reads every party's thresholds, and the ones that matter are shown
// beside the tests of the control's own parties.
func withoutScopeParams(params []engine.Param, inTests map[string]bool) []engine.Param {
	var out []engine.Param
	for _, p := range params {
		if p.Direct || !inTests[p.Name] {
			out = append(out, p)
		}
	}
	return out
}

// findControl resolves an id (case-insensitively) or a package name, and otherwise
// suggests the nearest id so a typo costs one more command, not a trip to the docs.
func findControl(controls []audit.Control, arg string) (audit.Control, error) {
	ids := make([]string, 0, len(controls))
	for _, c := range controls {
		if strings.EqualFold(c.ID, arg) || c.Package == arg || strings.TrimPrefix(c.Package, "resilcheck.controls.") == arg {
			return c, nil
		}
		ids = append(ids, c.ID)
	}
	msg := fmt.Sprintf("unknown control %q", arg)
	if s := engine.Suggest(arg, ids); s != "" {
		msg += fmt.Sprintf("; did you mean %s?", s)
	} else {
		msg += "; `resilcheck rules` lists them"
	}
	return audit.Control{}, fmt.Errorf("%s", msg)
}

// formatValue prints a parameter value: integers with digit grouping, so 10000000000 reads
// as 10,000,000,000, as the reasons in the bundle print them.
func formatValue(v any) string {
	switch x := v.(type) {
	case json.Number:
		return engine.GroupDigits(x)
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

func explainText(w io.Writer, c audit.Control, params []engine.Param, tests []engine.ScopeTest, asOf, lang string) error {
	var b strings.Builder
	ko := lang == "ko"
	label := func(en, k string) string {
		if ko {
			return k
		}
		return en
	}
	fmt.Fprintf(&b, "%s  %s\n", c.ID, c.Title.In(lang))
	fmt.Fprintf(&b, "%s: %s   %s: %s   %s: %s\n",
		label("Severity", "심각도"), reports.CodeIn(lang, "severity", string(c.Severity)), label("Kind", "구분"), reports.CodeIn(lang, "kind", string(c.Kind)),
		label("Regulation", "규제"), reports.CodeIn(lang, "reg", c.Regulation))
	if c.Custom {
		fmt.Fprintln(&b, label("Custom control (loaded with --policy)", "사용자 정의 통제(--policy)"))
	}
	fmt.Fprintf(&b, "\n%s\n", strings.TrimSpace(c.Description.In(lang)))

	fmt.Fprintf(&b, "\n%s\n", label("Legal basis", "법적 근거"))
	if ko && c.Citation.TextKo != "" {
		// The Korean citation already names the law, article and decree as Korean statutes
		// are cited; the English parts would mix two languages in one line.
		fmt.Fprintf(&b, "  %s\n", c.Citation.TextKo)
	} else {
		law := c.Citation.Law
		if ko && c.Citation.LawKo != "" {
			law = c.Citation.LawKo
		}
		fmt.Fprintf(&b, "  %s, %s\n", law, c.Citation.Article)
		if c.Citation.Decree != "" {
			fmt.Fprintf(&b, "  %s\n", c.Citation.Decree)
		}
	}
	if c.Citation.InForce != "" {
		fmt.Fprintf(&b, "  %s %s\n", label("In force from", "시행일"), c.Citation.InForce)
	}
	if c.Citation.Source != "" {
		fmt.Fprintf(&b, "  %s: %s\n", label("Source", "출처"), c.Citation.Source)
	}
	if cited := c.Citation.In(lang); !(ko && cited == c.Citation.TextKo) {
		fmt.Fprintf(&b, "  %s: %s\n", label("Cited as", "인용"), cited)
	}
	if len(c.InForce) > 0 {
		fmt.Fprintf(&b, "\n%s\n", label("In force", "시행 기간"))
		for _, p := range c.InForce {
			span := p.From
			if span == "" {
				span = label("(earlier)", "(이전)")
			}
			if p.Until != "" {
				span += " .. " + p.Until
			} else {
				span += " .."
			}
			who := strings.Join(p.Parties, ", ")
			if who == "" {
				who = label("(whoever the control selects)", "(통제 항목이 정하는 대상)")
			}
			cite := p.Citation
			if ko && p.CitationKo != "" {
				cite = p.CitationKo
			}
			if p.Verifiable != nil && !*p.Verifiable {
				cite = label("not verifiable: wording not in the statute texts", "판단 불가: 조문이 법령 원문에 없음")
			}
			fmt.Fprintf(&b, "  %-24s %s  [%s]\n      %s\n", span, who, reports.CodeIn(lang, "value", p.Label), cite)
		}
		if on := c.PeriodOn(asOf); on != nil {
			cite := on.Citation
			if ko && on.CitationKo != "" {
				cite = on.CitationKo
			}
			fmt.Fprintf(&b, "  %s %s: %s  [%s]\n", label("Cited on", "기준일"), asOf, cite, reports.CodeIn(lang, "value", on.Label))
		} else {
			fmt.Fprintf(&b, "  %s %s\n", label("Not in force on", "시행되지 않는 날짜:"), asOf)
		}
	}
	if len(tests) > 0 {
		fmt.Fprintf(&b, "\n%s %s\n", label("Scope tests, numbers in force on", "적용 대상 기준, 기준일"), asOf)
		for _, t := range tests {
			since := ""
			if t.From > asOf {
				since = fmt.Sprintf(" (%s %s)", label("not in force until", "시행일"), t.From)
			}
			fmt.Fprintf(&b, "  %s%s: %s\n", t.Party, since, t.Test.In(lang))
		}
	}
	if len(c.RelatedResources) > 0 {
		fmt.Fprintf(&b, "\n%s\n", label("Related resources", "관련 자료"))
		for _, r := range c.RelatedResources {
			fmt.Fprintf(&b, "  %s\n", r)
		}
	}
	fmt.Fprintf(&b, "\n%s\n  %s\n", label("Remediation", "조치 방법"), c.Remediation.In(lang))

	fmt.Fprintf(&b, "\n%s %s\n", label("Parameters in force on", "적용 기준값, 기준일"), asOf)
	if len(params) == 0 {
		fmt.Fprintf(&b, "  %s\n", label("(none: the control uses no regulatory parameter)", "(없음)"))
	}
	for _, p := range params {
		via := ""
		if !p.Direct {
			via = label(" (via a shared helper)", " (공통 규칙 경유)")
		}
		fmt.Fprintf(&b, "  %s = %s  [%s]%s\n", p.Name, formatValue(p.Value), reports.CodeIn(lang, "value", p.Label), via)
		if p.Basis != "" {
			// The bases are English citations and notes in the parameter table; a Korean
			// page shows their Korean wording.
			detail := reports.ParamBasisIn(p.Basis, lang)
			if p.From != "" {
				detail += "; " + label("from ", "시행 ") + p.From
			}
			fmt.Fprintf(&b, "      %s\n", detail)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
