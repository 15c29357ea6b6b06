package reports

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/resilcheck/resilcheck/internal/audit"
)

// RulesFormats are the formats WriteRules writes.
var RulesFormats = []string{"text", "json", "markdown"}

// WriteRules lists the controls, as `resilcheck rules` prints them, in format and lang.
func WriteRules(w io.Writer, controls []audit.Control, format, lang string) error {
	switch format {
	case "text":
		return rulesText(w, controls, lang)
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(map[string]any{"controls": controls})
	case "markdown":
		return rulesMarkdown(w, controls, lang)
	}
	return fmt.Errorf("unknown rules format %q", format)
}

func rulesText(w io.Writer, controls []audit.Control, lang string) error {
	rows := [][]string{{"ID", tr(lang, "rules.col.severity"), tr(lang, "rules.col.kind"), tr(lang, "rules.col.inforce"),
		tr(lang, "rules.col.basis"), tr(lang, "rules.col.title")}}
	for _, c := range controls {
		title := c.Title.In(lang)
		if c.Custom {
			title += tr(lang, "rules.custom")
		}
		rows = append(rows, []string{c.ID, string(c.Severity), string(c.Kind), inForceFrom(c, lang), c.Citation.In(lang), title})
	}
	// Padded by display width: with --lang ko the Korean basis column would otherwise push
	// every title out of line.
	_, err := io.WriteString(w, padColumns(rows)+fmt.Sprintf(tr(lang, "rules.count"), len(controls)))
	return err
}

func rulesMarkdown(w io.Writer, controls []audit.Control, lang string) error {
	if _, err := io.WriteString(w, tr(lang, "rules.md.head")); err != nil {
		return err
	}
	for _, c := range controls {
		// Titles and citations of custom controls are arbitrary text: escape them as the
		// reports do, so a `*` or `<` cannot restyle or swallow the rest of the table.
		if _, err := fmt.Fprintf(w, "| `%s` | %s | %s | %s | %s | %s |\n", c.ID, c.Severity, c.Kind, inForceFrom(c, lang),
			MarkdownCitation(c.Citation, lang), MarkdownText(c.Title.In(lang))); err != nil {
			return err
		}
	}
	return nil
}

// inForceFrom is the first date the duty binds anyone ("2023-07-04"), "throughout" for a duty
// whose first period has no start (the texts show no date it began), or "-" for a control
// that declares no periods (a custom control may not) or whose first period is resilience
// practice binding no named party: practice has no date, only a nominal start.
func inForceFrom(c audit.Control, lang string) string {
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
	if first.From == "" {
		return tr(lang, "rules.throughout")
	}
	return first.From
}
