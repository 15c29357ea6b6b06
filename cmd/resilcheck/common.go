package main

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/resilcheck/resilcheck/internal/audit"
)

// Helpers every command shares, so a flag means the same and fails with the same message
// whichever command it is given to.

// oneOf accepts value if it is one of allowed; otherwise it is a usage error (exit 2)
// saying what it is and what is accepted, e.g. `unknown format "xml": want text or json`.
func oneOf(what, value string, allowed ...string) error {
	if slices.Contains(allowed, value) {
		return nil
	}
	return withCode(ExitInputError, fmt.Errorf("unknown %s %q: want %s", what, value, orList(allowed)))
}

// orList joins choices as a sentence: "a", "a or b", "a, b or c".
func orList(choices []string) string {
	if len(choices) < 2 {
		return strings.Join(choices, "")
	}
	return strings.Join(choices[:len(choices)-1], ", ") + " or " + choices[len(choices)-1]
}

// langFlag is the language flag of the commands with human-readable output.
func langFlag(usage string) cli.Flag {
	return &cli.StringFlag{Name: "lang", Value: "en", Usage: usage}
}

// checkLang validates --lang.
func checkLang(c *cli.Context) (string, error) {
	lang := c.String("lang")
	return lang, oneOf("language", lang, "en", "ko")
}

// commandContext is the command's context; urfave/cli leaves it nil when an app is run
// without one (as tests may).
func commandContext(c *cli.Context) context.Context {
	if c.Context != nil {
		return c.Context
	}
	return context.Background()
}

// toolInfo is the tool identity recorded in every report.
func toolInfo() audit.Tool {
	tool, opaVersion, goVersion := versions()
	return audit.Tool{Name: "resilcheck", Version: tool, OPAVersion: opaVersion, GoVersion: goVersion}
}
