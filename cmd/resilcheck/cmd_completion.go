package main

import (
	_ "embed"
	"fmt"

	"github.com/urfave/cli/v2"
)

// The bash and zsh scripts follow urfave/cli v2's completion protocol (its
// autocomplete/bash_autocomplete and zsh_autocomplete): the shell runs the command line
// typed so far with --generate-bash-completion appended, and the binary prints one
// candidate a line, flags when the word being completed starts with a dash. They differ
// from the library's in calling the binary directly rather than through eval, so a
// command line with $(...) in it is never executed by pressing Tab. Fish needs no
// protocol: urfave/cli writes a static script from the command tree.
var (
	//go:embed completion/bash.sh
	bashCompletion string
	//go:embed completion/zsh.zsh
	zshCompletion string
)

var completionShells = []string{"bash", "zsh", "fish"}

func completionCommand(stdio appIO) *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print a shell completion script for bash, zsh or fish",
		ArgsUsage: "bash|zsh|fish",
		Description: "Prints the script to standard output; load it from the shell's start-up file:\n" +
			"bash: source <(resilcheck completion bash)    zsh: source <(resilcheck completion zsh)\n" +
			"fish: resilcheck completion fish > ~/.config/fish/completions/resilcheck.fish",
		CustomHelpTemplate: withExamples(
			"resilcheck completion bash > /etc/bash_completion.d/resilcheck",
			"resilcheck completion fish > ~/.config/fish/completions/resilcheck.fish",
		),
		Action: func(c *cli.Context) error {
			if err := argsOnly(c); err != nil {
				return err
			}
			if c.NArg() != 1 {
				return withCode(ExitInputError, fmt.Errorf("completion: expected one shell, %s; got %d %s", orList(completionShells), c.NArg(), plural(c.NArg(), "argument", "arguments")))
			}
			shell := c.Args().First()
			if err := oneOf("shell", shell, completionShells...); err != nil {
				return err
			}
			script := ""
			switch shell {
			case "bash":
				script = bashCompletion
			case "zsh":
				script = zshCompletion
			case "fish":
				s, err := c.App.ToFishCompletion()
				if err != nil {
					return fmt.Errorf("completion: %w", err)
				}
				script = s
			}
			_, err := fmt.Fprint(stdio.Stdout, script)
			return err
		},
	}
}
