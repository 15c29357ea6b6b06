package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/resilcheck/resilcheck/internal/audit"
	"github.com/resilcheck/resilcheck/internal/check"
	"github.com/resilcheck/resilcheck/internal/engine"
	"github.com/resilcheck/resilcheck/reports"
)

func rulesCommand(stdio appIO) *cli.Command {
	return &cli.Command{
		Name:  "rules",
		Usage: "list the controls: id, severity, kind, legal basis and title",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "text, json or markdown"},
			langFlag("en or ko"),
			&cli.StringSliceFlag{Name: "policy", Aliases: []string{"p"}, Usage: "add the controls in `DIR` (repeatable)"},
		},
		CustomHelpTemplate: withExamples(
			"resilcheck rules",
			"resilcheck rules -f markdown --lang ko",
			"resilcheck rules -p my-policies/",
		),
		Action: func(c *cli.Context) error {
			lang, err := checkLang(c)
			if err != nil {
				return err
			}
			render := map[string]func(io.Writer, []audit.Control, string) error{
				"text": rulesText, "json": rulesJSON, "markdown": rulesMarkdown,
			}[c.String("format")]
			if render == nil {
				return oneOf("format", c.String("format"), "text", "json", "markdown")
			}
			eng, err := loadEngine(c, today(), nil)
			if err != nil {
				return err
			}
			return render(stdio.Stdout, eng.Controls(), lang)
		},
	}
}

// loadEngine builds the engine the way check does, from the shared bundle flags.
func loadEngine(c *cli.Context, asOf string, data []string) (*engine.Engine, error) {
	policies, err := policyDirs(c)
	if err != nil {
		return nil, err
	}
	eng, err := check.Engine(commandContext(c), check.Options{PolicyDirs: policies, DataFiles: data, AsOf: asOf})
	if err != nil {
		return nil, engineError(err)
	}
	return eng, nil
}

func rulesText(w io.Writer, controls []audit.Control, lang string) error {
	rows := [][]string{{"ID", "SEVERITY", "KIND", "IN FORCE", "BASIS", "TITLE"}}
	for _, c := range controls {
		title := c.Title.In(lang)
		if c.Custom {
			title += " (custom)"
		}
		rows = append(rows, []string{c.ID, string(c.Severity), string(c.Kind), inForceFrom(c), c.Citation.In(lang), title})
	}
	// Padded by display width rather than with text/tabwriter, which counts runes: with
	// --lang ko the Korean basis column would push every title out of line.
	widths := make([]int, len(rows[0])-1)
	for _, row := range rows {
		for i := range widths {
			widths[i] = max(widths[i], reports.DisplayWidth(row[i]))
		}
	}
	var b strings.Builder
	for _, row := range rows {
		for i, cell := range row[:len(widths)] {
			b.WriteString(cell)
			b.WriteString(strings.Repeat(" ", widths[i]-reports.DisplayWidth(cell)+2))
		}
		b.WriteString(row[len(widths)])
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "\n%d controls\n", len(controls))
	_, err := io.WriteString(w, b.String())
	return err
}

func rulesJSON(w io.Writer, controls []audit.Control, _ string) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(map[string]any{"controls": controls})
}

func rulesMarkdown(w io.Writer, controls []audit.Control, lang string) error {
	head := "| ID | Severity | Kind | In force | Legal basis | Title |\n|---|---|---|---|---|---|\n"
	if lang == "ko" {
		head = "| ID | 심각도 | 구분 | 시행 | 근거 | 제목 |\n|---|---|---|---|---|---|\n"
	}
	if _, err := io.WriteString(w, head); err != nil {
		return err
	}
	for _, c := range controls {
		// Titles and citations of custom controls are arbitrary text: escape them as the
		// reports do, so a `*` or `<` cannot restyle or swallow the rest of the table.
		if _, err := fmt.Fprintf(w, "| `%s` | %s | %s | %s | %s | %s |\n", c.ID, c.Severity, c.Kind, inForceFrom(c),
			reports.MarkdownCitation(c.Citation, lang), reports.MarkdownText(c.Title.In(lang))); err != nil {
			return err
		}
	}
	return nil
}

// inForceFrom is the first date the duty binds anyone ("2023-07-04"), or "-" for a control
// that declares no periods (a custom control may not) or whose first period is resilience
// practice binding no named party: practice has no date, only a nominal start.
func inForceFrom(c audit.Control) string {
	var first *audit.Period
	for i, p := range c.InForce {
		if p.Verifiable != nil && !*p.Verifiable {
			continue
		}
		if first == nil || p.From < first.From {
			first = &c.InForce[i]
		}
	}
	if first == nil || (first.Label == "guidance" && len(first.Parties) == 0) {
		return "-"
	}
	return first.From
}
