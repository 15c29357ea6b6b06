package main

import (
	"fmt"
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
			if err := oneOf("format", format, reports.ExplainFormats...); err != nil {
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
			return reports.WriteExplanation(stdio.Stdout, reports.NewExplanation(asOf, ctrl, params, tests, scopeParams), format, lang)
		},
	}
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
