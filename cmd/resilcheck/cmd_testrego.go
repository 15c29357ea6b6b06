package main

// The `test` command lives in cmd_testrego.go because Go treats any file named *_test.go
// as a test file.

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/open-policy-agent/opa/v1/tester"
	"github.com/urfave/cli/v2"

	"github.com/resilcheck/resilcheck/internal/engine"
)

func testCommand(stdio appIO) *cli.Command {
	return &cli.Command{
		Name:      "test",
		Usage:     "run the Rego unit tests of the built-in policies and of custom policy directories",
		ArgsUsage: "[DIR...]",
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "verbose", Aliases: []string{"v"}, Usage: "list every test, not only failures"},
			&cli.StringFlag{Name: "run", Usage: "only run tests whose name matches `REGEX`"},
			&cli.DurationFlag{Name: "timeout", Usage: "time limit per test (default OPA's 5s)"},
		},
		CustomHelpTemplate: withExamples(
			"resilcheck test",
			"resilcheck test -v --run notice my-policies/",
		),
		Action: func(c *cli.Context) error {
			if err := argsOnly(c); err != nil {
				return err
			}
			srcs := []engine.PolicySource{engine.Builtin()}
			for _, d := range c.Args().Slice() {
				fi, err := os.Stat(d)
				if err != nil || !fi.IsDir() {
					return withCode(ExitInputError, fmt.Errorf("test: %s is not a directory", d))
				}
				srcs = append(srcs, engine.PolicySource{Name: filepath.ToSlash(filepath.Clean(d)), FS: os.DirFS(d), Custom: true})
			}
			results, err := engine.RunTests(commandContext(c), engine.TestOptions{
				Policies: srcs,
				Filter:   c.String("run"),
				Timeout:  c.Duration("timeout"),
			})
			if err != nil {
				var be *engine.BundleError
				if errors.As(err, &be) {
					return withCode(ExitBundleBroken, err)
				}
				return withCode(ExitInputError, err)
			}
			ch := make(chan *tester.Result, len(results))
			failed := 0
			for _, r := range results {
				if !r.Pass() && !r.Skip {
					failed++
				}
				ch <- r
			}
			close(ch)
			rep := tester.PrettyReporter{Output: stdio.Stdout, Verbose: c.Bool("verbose"), FailureLine: true}
			if err := rep.Report(ch); err != nil {
				return withCode(ExitInputError, err)
			}
			if len(results) == 0 {
				return withCode(ExitFailed, errors.New("test: no tests found"))
			}
			if failed > 0 {
				return reported(ExitFailed)
			}
			return nil
		},
	}
}
