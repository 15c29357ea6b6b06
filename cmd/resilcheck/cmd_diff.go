package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/resilcheck/resilcheck/internal/auditdiff"
	"github.com/resilcheck/resilcheck/internal/manifest"
	"github.com/resilcheck/resilcheck/internal/validate"
)

func diffCommand(stdio appIO) *cli.Command {
	return &cli.Command{
		Name:      "diff",
		Usage:     "say what changed between two JSON reports: new, fixed, still failing, waivers, bundle changes",
		ArgsUsage: "OLD.json NEW.json",
		Description: "Compares two reports of resilcheck check -f json, an earlier and a later audit.\n" +
			"Manifests are paired by --pair OLD=NEW first, then by equal metadata.name, then, per\n" +
			"provider, the one manifest left on each side; the rest were added or removed.\n" +
			"Findings are matched by control, JSON pointer and key, never by line or message.\n" +
			"Exits 1 when anything regressed (a new finding, a lapsed waiver, a control newly\n" +
			"failing or in error, a new manifest that fails), 0 otherwise, 2 on bad input.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "text, markdown or json"},
			langFlag("language of text and markdown output: en or ko"),
			&cli.StringSliceFlag{Name: "pair", Usage: "pair the earlier audit's manifest `OLD=NEW` with the later one's (repeatable)"},
			&cli.StringFlag{Name: "max-file-size", Value: "64MiB", Usage: "refuse reports larger than `SIZE` (bytes, or with KiB, MiB, GiB, KB, MB, GB)"},
		},
		CustomHelpTemplate: withExamples(
			"resilcheck diff before.json after.json",
			"resilcheck diff -f markdown --lang ko --pair old.yaml=new.yaml before.json after.json",
		),
		Action: func(c *cli.Context) error {
			format := c.String("format")
			if err := oneOf("format", format, auditdiff.Formats...); err != nil {
				return err
			}
			lang, err := checkLang(c)
			if err != nil {
				return err
			}
			if err := argsOnly(c); err != nil {
				return err
			}
			if c.NArg() != 2 {
				return withCode(ExitInputError, fmt.Errorf("diff: expected OLD.json NEW.json, got %d %s", c.NArg(), plural(c.NArg(), "argument", "arguments")))
			}
			oldPath, newPath := c.Args().Get(0), c.Args().Get(1)
			if oldPath == "-" && newPath == "-" {
				return withCode(ExitInputError, errors.New("diff: only one of the reports can be standard input"))
			}
			pairs := map[string]string{}
			for _, p := range c.StringSlice("pair") {
				o, n, ok := strings.Cut(p, "=")
				if !ok || o == "" || n == "" {
					return withCode(ExitInputError, fmt.Errorf("diff: --pair %q: want OLDNAME=NEWNAME", p))
				}
				if prev, dup := pairs[o]; dup {
					return withCode(ExitInputError, fmt.Errorf("diff: --pair names %q twice (=%s and =%s)", o, prev, n))
				}
				pairs[o] = n
			}
			maxSize, err := parseSize(c.String("max-file-size"))
			if err != nil {
				return withCode(ExitInputError, err)
			}
			if err := validate.Ready(); err != nil {
				return withCode(ExitBundleBroken, err)
			}
			opts := manifest.Options{MaxFileSize: maxSize, Stdin: stdio.Stdin}
			old, err := auditdiff.Load(oldPath, opts)
			if err != nil {
				return withCode(ExitInputError, err)
			}
			new, err := auditdiff.Load(newPath, opts)
			if err != nil {
				return withCode(ExitInputError, err)
			}
			d, err := auditdiff.Compare(old, new, auditdiff.Options{Pairs: pairs, OldReport: oldPath, NewReport: newPath})
			if err != nil {
				return withCode(ExitInputError, fmt.Errorf("diff: %w", err))
			}
			if err := auditdiff.Render(stdio.Stdout, d, format, lang); err != nil {
				return err
			}
			if d.Regressed {
				return reported(ExitFailed)
			}
			return nil
		},
	}
}
