package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"syscall"

	"github.com/open-policy-agent/opa/v1/version"
	"github.com/urfave/cli/v2"

	"github.com/resilcheck/resilcheck/internal/engine"
)

// Exit codes. They are part of the interface CI gates rely on: keep README in step.
const (
	ExitOK           = 0 // compliant, or the command succeeded
	ExitFailed       = 1 // failed controls at or above --fail-on; services lost in simulate
	ExitInputError   = 2 // bad input or bad usage
	ExitBundleBroken = 3 // the policy bundle does not compile or lacks metadata
	// ExitInterrupted plus the signal number is the status of a run stopped by a signal:
	// 130 for SIGINT (Ctrl-C), 143 for SIGTERM, the values a shell reports for a process
	// the signal killed, so scripts and CI runners read it the same way either way.
	ExitInterrupted = 128
)

// toolVersion is set at build time with -ldflags "-X main.toolVersion=v1.2.3"; otherwise it
// comes from the module's build info, and "devel" when that has none.
var toolVersion = ""

// appIO is the process's I/O, injected so tests run the whole CLI in-process too.
type appIO struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
}

// exitError carries an exit code through urfave/cli back to main.
type exitError struct {
	code int
	err  error
	// reported is true when the command already printed everything the user needs, so main
	// must not print the error again.
	reported bool
}

func (e *exitError) Error() string {
	if e.err == nil {
		return "exit status " + strconv.Itoa(e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

func withCode(code int, err error) error { return &exitError{code: code, err: err} }

// reported marks an exit code whose cause the command has already written out.
func reported(code int) error { return &exitError{code: code, reported: true} }

func exitCode(err error) int {
	if err == nil {
		return ExitOK
	}
	// Checked first: an interruption explains whatever error the command met on its way
	// out (a cancelled evaluation, a write it abandoned).
	var ie *interruptError
	if errors.As(err, &ie) {
		return ExitInterrupted + int(ie.sig)
	}
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	// Anything else that escapes a command is a usage problem urfave/cli found (unknown
	// flag, missing argument) or an input we could not read.
	return ExitInputError
}

// interruptError is the cause of a run's cancellation by a signal.
type interruptError struct {
	sig syscall.Signal
}

func (e *interruptError) Error() string {
	switch e.sig {
	case syscall.SIGINT:
		return "interrupted by SIGINT"
	case syscall.SIGTERM:
		return "interrupted by SIGTERM"
	}
	return "interrupted by signal " + strconv.Itoa(int(e.sig))
}

// interruption is the *interruptError that cancelled ctx, or nil while ctx runs (or when
// it ended some other way). A command calls it after each step that honours ctx: a step
// cut short by a signal produced partial results that must not be reported as verdicts.
func interruption(ctx context.Context) error {
	var ie *interruptError
	if ctx.Err() != nil && errors.As(context.Cause(ctx), &ie) {
		return ie
	}
	return nil
}

func isReported(err error) bool {
	var ee *exitError
	return errors.As(err, &ee) && ee.reported
}

// versions reports the tool, OPA and Go versions.
func versions() (tool, opa, goVersion string) {
	tool = toolVersion
	if tool == "" {
		tool = "devel"
		if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			tool = bi.Main.Version
		}
	}
	return tool, version.Version, runtime.Version()
}

// globalFlags apply to every command.
var globalFlags = []cli.Flag{
	&cli.BoolFlag{Name: "no-color", Usage: "never colour output (the NO_COLOR environment variable does the same)"},
	&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print only errors and the report itself"},
}

func newApp(stdio appIO) *cli.App {
	app := &cli.App{
		Name:      "resilcheck",
		Usage:     "check service providers and datacenters against Korea's resilience rules",
		UsageText: "resilcheck [global options] command [options] PATH...",
		Description: "resilcheck judges declared provider manifests against the disaster-management,\n" +
			"service-stability, outage-notice and datacenter-protection duties of Korean law,\n" +
			"and writes audit reports (text, json, sarif, junit, markdown, html, csv).",
		// The app's own help command (below) keeps urfave/cli from adding --help here.
		Flags:       append(slices.Clone(globalFlags), cli.HelpFlag),
		Reader:      stdio.Stdin,
		Writer:      stdio.Stdout,
		ErrWriter:   stdio.Stderr,
		HideVersion: true,
		CustomAppHelpTemplate: cli.AppHelpTemplate + examplesBlock([]string{
			"resilcheck check --fail-on high -f sarif -o audit.sarif manifests/",
			"resilcheck explain KR-TBA-33-NOTICE",
			"resilcheck completion bash > /etc/bash_completion.d/resilcheck",
		}),
		EnableBashCompletion: true,
		// main owns exiting: urfave/cli must never call os.Exit itself.
		ExitErrHandler: func(*cli.Context, error) {},
		// The root runs only when no command matched: with no arguments it is a request
		// for help, with one it is a mistyped command, which urfave/cli would otherwise
		// answer with "No help topic" and no suggestion.
		Action: func(c *cli.Context) error {
			if !c.Args().Present() {
				return cli.ShowAppHelp(c)
			}
			return unknownCommand(c, stdio, c.Args().First())
		},
		OnUsageError: usageError(stdio),
		Commands: []*cli.Command{
			// One command per file. Add a line here when a command lands.
			versionCommand(stdio),
			checkCommand(stdio),
			rulesCommand(stdio),
			explainCommand(stdio),
			testCommand(stdio),
			validateCommand(stdio),
			schemaCommand(stdio),
			initCommand(stdio),
			simulateCommand(stdio),
			diffCommand(stdio),
			deadlinesCommand(stdio),
			keygenCommand(stdio),
			verifyCommand(stdio),
			completionCommand(stdio),
			helpCommand(stdio),
		},
	}
	// The global flags are accepted after the command name too (`resilcheck check -q ...`),
	// as users type them; flagAnywhere reads them at either place.
	for _, cmd := range app.Commands {
		for _, g := range globalFlags {
			if !hasFlag(cmd, g.Names()[0]) {
				cmd.Flags = append(cmd.Flags, g)
			}
		}
		cmd.OnUsageError = usageError(stdio)
		// urfave/cli gives every command a "help" subcommand, so `check help` printed help
		// instead of judging a file named help; --help stays.
		cmd.HideHelpCommand = true
	}
	return app
}

// helpCommand replaces urfave/cli's own, which answers `help chek` with "No help topic"
// and no suggestion; it is the same command otherwise.
func helpCommand(stdio appIO) *cli.Command {
	return &cli.Command{
		Name:      "help",
		Aliases:   []string{"h"},
		Usage:     "show the list of commands or the help of one command",
		ArgsUsage: "[COMMAND]",
		CustomHelpTemplate: withExamples(
			"resilcheck help check",
		),
		Action: func(c *cli.Context) error {
			name := c.Args().First()
			switch {
			case name == "":
				return cli.ShowAppHelp(c)
			case c.App.Command(name) == nil:
				return unknownCommand(c, stdio, name)
			}
			// Asked of this command's own context, ShowCommandHelp would look among the
			// help command's subcommands; the root's context holds the app's commands.
			return cli.ShowCommandHelp(c.Lineage()[1], name)
		},
	}
}

// commandNames lists the visible commands by their first name, in the order of the help.
func commandNames(app *cli.App) []string {
	var names []string
	for _, cmd := range app.VisibleCommands() {
		names = append(names, cmd.Name)
	}
	return names
}

// unknownCommand reports a command name that matches none, with the closest one and the
// list of commands, as a usage error.
func unknownCommand(c *cli.Context, stdio appIO, name string) error {
	names := commandNames(c.App)
	msg := fmt.Sprintf("resilcheck: unknown command %q", name)
	// Aliases are candidates too, so "hlp" finds help; the suggestion names the command.
	var candidates []string
	for _, cmd := range c.App.VisibleCommands() {
		candidates = append(candidates, cmd.Names()...)
	}
	if s := engine.Suggest(name, candidates); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", c.App.Command(s).Name)
	}
	fmt.Fprintf(stdio.Stderr, "%s\ncommands: %s\nrun 'resilcheck --help' for what each does\n", msg, strings.Join(names, ", "))
	return reported(ExitInputError)
}

// usageError is every command's OnUsageError: urfave/cli would print the whole help to
// standard output after the message, where a report is expected, and suggest nothing.
// An unknown flag gets the closest flag of the same command; any other parse error (a
// value that is not a duration, say) is passed on as it is. Both exit 2.
func usageError(stdio appIO) cli.OnUsageErrorFunc {
	return func(c *cli.Context, err error, isSubcommand bool) error {
		helpCmd := "resilcheck --help"
		flags := c.App.VisibleFlags()
		if isSubcommand && c.Command != nil {
			helpCmd = "resilcheck " + c.Command.Name + " --help"
			flags = c.Command.VisibleFlags()
		}
		const undefined = "flag provided but not defined: "
		text := err.Error()
		if !strings.HasPrefix(text, undefined) {
			fmt.Fprintf(stdio.Stderr, "resilcheck: %s\nrun '%s' for its options\n", text, helpCmd)
			return reported(ExitInputError)
		}
		// The flag package names the flag with one dash whichever way it was typed.
		name := strings.TrimLeft(strings.TrimPrefix(text, undefined), "-")
		msg := fmt.Sprintf("resilcheck: unknown flag %s", dashed(name))
		if isSubcommand && c.Command != nil {
			msg += fmt.Sprintf(" for %q", c.Command.Name)
		}
		// One letter is one edit from every other letter: a suggestion for -x, or of -d,
		// would be a guess.
		var candidates []string
		for _, f := range flags {
			for _, n := range f.Names() {
				if len([]rune(n)) > 1 {
					candidates = append(candidates, n)
				}
			}
		}
		if len([]rune(name)) > 1 {
			if s := engine.Suggest(name, candidates); s != "" {
				msg += fmt.Sprintf("; did you mean %s?", dashed(s))
			}
		}
		fmt.Fprintf(stdio.Stderr, "%s\nrun '%s' for its options\n", msg, helpCmd)
		return reported(ExitInputError)
	}
}

// dashed writes a flag name the way help shows it: -q, --quiet.
func dashed(name string) string {
	if len([]rune(name)) == 1 {
		return "-" + name
	}
	return "--" + name
}

// withExamples is the help template of a command with an EXAMPLES block: urfave/cli's
// command template, which has no place for examples, followed by them.
func withExamples(examples ...string) string {
	return cli.CommandHelpTemplate + examplesBlock(examples)
}

// examplesBlock renders examples as help does its other sections. Each is a quoted
// template string, so nothing in an example is read as template syntax.
func examplesBlock(examples []string) string {
	var b strings.Builder
	b.WriteString("\nEXAMPLES:\n")
	for _, e := range examples {
		b.WriteString("   {{" + strconv.Quote(e) + "}}\n")
	}
	return b.String()
}

func hasFlag(cmd *cli.Command, name string) bool {
	for _, f := range cmd.Flags {
		if slices.Contains(f.Names(), name) {
			return true
		}
	}
	return false
}

// flagAnywhere is true for a boolean flag given before or after the command name: a
// command's flag shadows the global one of the same name, so each level of the context
// lineage is asked.
func flagAnywhere(c *cli.Context, name string) bool {
	for _, ctx := range c.Lineage() {
		if ctx.Bool(name) {
			return true
		}
	}
	return false
}

// noColor reports whether colour is off for this run.
func noColor(c *cli.Context, stdio appIO) bool {
	return flagAnywhere(c, "no-color") || stdio.Getenv("NO_COLOR") != ""
}
