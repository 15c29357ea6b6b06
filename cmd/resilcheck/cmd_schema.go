package main

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/resilcheck/resilcheck/schemas"
)

func schemaCommand(stdio appIO) *cli.Command {
	return &cli.Command{
		Name:      "schema",
		Usage:     "print an embedded JSON Schema (default: manifest)",
		ArgsUsage: "[NAME]",
		Description: "Prints the JSON Schema resilcheck validates against, for editors and other\n" +
			"tools. NAME is a schema name (newest version), NAME.vN, or a file name; --list shows them.",
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "list", Aliases: []string{"l"}, Usage: "list the embedded schemas"},
		},
		CustomHelpTemplate: withExamples(
			"resilcheck schema --list",
			"resilcheck schema waivers > waivers.schema.json",
		),
		Action: func(c *cli.Context) error {
			if c.Bool("list") {
				for _, s := range schemas.List() {
					fmt.Fprintf(stdio.Stdout, "%s\tv%d\t%s\n", s.Name, s.Version, s.File)
				}
				return nil
			}
			if c.NArg() > 1 {
				return withCode(ExitInputError, fmt.Errorf("schema: expected at most one NAME, got %d", c.NArg()))
			}
			name := "manifest"
			if c.NArg() == 1 {
				name = c.Args().First()
			}
			b, err := schemas.Read(name)
			if err != nil {
				return withCode(ExitInputError, err)
			}
			_, err = stdio.Stdout.Write(b)
			return err
		},
	}
}
