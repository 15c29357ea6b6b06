package main

import (
	"encoding/json"
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/resilcheck/resilcheck/internal/engine"
)

func versionCommand(stdio appIO) *cli.Command {
	return &cli.Command{
		Name:  "version",
		Usage: "print the resilcheck, OPA and Go versions and the built-in policy bundle's digest",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "text or json"},
		},
		CustomHelpTemplate: withExamples(
			"resilcheck version",
			"resilcheck version -f json",
		),
		Action: func(c *cli.Context) error {
			tool, opa, goVersion := versions()
			format := c.String("format")
			if format != "text" && format != "json" {
				return oneOf("format", format, "text", "json")
			}
			bundle, err := engine.BuiltinDigest()
			if err != nil {
				return withCode(ExitBundleBroken, fmt.Errorf("built-in bundle: %w", err))
			}
			if format == "text" {
				fmt.Fprintf(stdio.Stdout, "resilcheck %s\nopa %s\n%s\nbundle %s\n", tool, opa, goVersion, bundle)
				return nil
			}
			enc := json.NewEncoder(stdio.Stdout)
			enc.SetIndent("", "  ")
			return enc.Encode(map[string]string{"resilcheck": tool, "opa": opa, "go": goVersion, "bundle": bundle})
		},
	}
}
