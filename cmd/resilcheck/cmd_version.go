package main

import (
	"encoding/json"
	"fmt"

	"github.com/urfave/cli/v2"
)

func versionCommand(stdio appIO) *cli.Command {
	return &cli.Command{
		Name:  "version",
		Usage: "print the resilcheck, OPA and Go versions",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "text or json"},
		},
		Action: func(c *cli.Context) error {
			tool, opa, goVersion := versions()
			switch c.String("format") {
			case "text":
				fmt.Fprintf(stdio.Stdout, "resilcheck %s\nopa %s\n%s\n", tool, opa, goVersion)
				return nil
			case "json":
				enc := json.NewEncoder(stdio.Stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(map[string]string{"resilcheck": tool, "opa": opa, "go": goVersion})
			default:
				return oneOf("format", c.String("format"), "text", "json")
			}
		},
	}
}
