package main

import (
	"github.com/urfave/cli/v2"

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
			format := c.String("format")
			if err := oneOf("format", format, reports.RulesFormats...); err != nil {
				return err
			}
			eng, err := loadEngine(c, today(), nil)
			if err != nil {
				return err
			}
			return reports.WriteRules(stdio.Stdout, eng.Controls(), format, lang)
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
