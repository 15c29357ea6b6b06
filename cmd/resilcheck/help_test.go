package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestUnknownCommand: a mistyped command exits 2 with the closest command and the list of
// commands on standard error, whether typed as the command or asked of help.
func TestUnknownCommand(t *testing.T) {
	for _, args := range [][]string{{"chek"}, {"help", "chek"}, {"-q", "chek", "x.yaml"}} {
		out, stderr, code := runCLI(t, "", args...)
		if code != ExitInputError || out != "" {
			t.Errorf("%q: exit %d, stdout %q; want exit 2 and nothing on stdout", args, code, out)
		}
		if !strings.HasPrefix(stderr, `resilcheck: unknown command "chek"; did you mean "check"?`+"\n") {
			t.Errorf("%q: stderr %q", args, stderr)
		}
		if !strings.Contains(stderr, "commands: version, check, rules,") || !strings.Contains(stderr, "completion") {
			t.Errorf("%q: stderr does not list the commands: %q", args, stderr)
		}
	}
	_, stderr, code := runCLI(t, "", "xyzzy")
	if code != ExitInputError || !strings.Contains(stderr, `unknown command "xyzzy"`) || strings.Contains(stderr, "did you mean") {
		t.Errorf("xyzzy: exit %d, stderr %q; want exit 2 and no suggestion", code, stderr)
	}
	// An alias is a candidate; the suggestion names the command.
	if _, stderr, _ := runCLI(t, "", "hh"); !strings.Contains(stderr, `did you mean "help"?`) {
		t.Errorf("hh: stderr %q", stderr)
	}
	// Without arguments the root still shows the help, and succeeds.
	if out, _, code := runCLI(t, ""); code != ExitOK || !strings.Contains(out, "COMMANDS:") {
		t.Errorf("no arguments: exit %d, stdout %q", code, out)
	}
}

// TestUnknownFlag: an unknown flag exits 2 naming it and the closest flag of the same
// command, on standard error only (the help used to go to standard output, where a
// report is expected).
func TestUnknownFlag(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"check", "--fial-on", "high", "testdata/valid/minimal.yaml"}, `resilcheck: unknown flag --fial-on for "check"; did you mean --fail-on?`},
		{[]string{"check", "-fial-on", "high", "testdata/valid/minimal.yaml"}, `resilcheck: unknown flag --fial-on for "check"; did you mean --fail-on?`},
		{[]string{"validate", "--formt", "json", "testdata/valid/minimal.yaml"}, `resilcheck: unknown flag --formt for "validate"; did you mean --format?`},
		{[]string{"diff", "--pairs", "a=b", "x.json", "y.json"}, `resilcheck: unknown flag --pairs for "diff"; did you mean --pair?`},
		{[]string{"--quite", "check", "testdata/valid/minimal.yaml"}, `resilcheck: unknown flag --quite; did you mean --quiet?`},
		// One letter: no guess.
		{[]string{"check", "-x", "testdata/valid/minimal.yaml"}, `resilcheck: unknown flag -x for "check"` + "\n"},
		// Another command's flag, far from any of this one's.
		{[]string{"version", "--waivers", "w.yaml"}, `resilcheck: unknown flag --waivers for "version"` + "\n"},
	}
	for _, tt := range tests {
		out, stderr, code := runCLI(t, "", tt.args...)
		if code != ExitInputError || out != "" {
			t.Errorf("%q: exit %d, stdout %q; want exit 2 and nothing on stdout", tt.args, code, out)
		}
		if !strings.HasPrefix(stderr, tt.want) {
			t.Errorf("%q: stderr %q, want it to start %q", tt.args, stderr, tt.want)
		}
		if !strings.Contains(stderr, "--help' for its options") {
			t.Errorf("%q: stderr %q does not point to --help", tt.args, stderr)
		}
	}
	// Other parse errors are passed on as they are, with the same status.
	_, stderr, code := runCLI(t, "", "check", "--timeout", "soon", "testdata/valid/minimal.yaml")
	if code != ExitInputError || !strings.Contains(stderr, `invalid value "soon" for flag -timeout`) {
		t.Errorf("--timeout soon: exit %d, stderr %q", code, stderr)
	}
}

// TestCompletion: the bash script parses and, loaded into bash, completes commands and a
// command's flags from the binary; the fish script covers every command.
func TestCompletion(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	script, stderr, code := runCLI(t, "", "completion", "bash")
	if code != ExitOK {
		t.Fatalf("completion bash: exit %d: %s", code, stderr)
	}
	path := filepath.Join(t.TempDir(), "resilcheck.bash")
	if err := os.WriteFile(path, []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := exec.Command(bash, "-n", path).CombinedOutput(); err != nil {
		t.Fatalf("bash -n: %v: %s", err, b)
	}
	complete := func(words ...string) []string {
		t.Helper()
		// COMP_WORDS[0] is the binary under test, as it would be the resilcheck on PATH.
		prog := `source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _resilcheck_complete; printf '%s\n' "${COMPREPLY[@]}"`
		cmd := exec.Command(bash, append([]string{"-c", prog, "bash", path, binPath}, words...)...)
		cmd.Dir = repoRoot
		b, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("complete %q: %v: %s", words, err, b)
		}
		return strings.Fields(string(b))
	}
	if got := complete("ch"); !slices.Equal(got, []string{"check"}) {
		t.Errorf("complete ch = %q, want [check]", got)
	}
	if got := complete("check", "--fa"); !slices.Equal(got, []string{"--fail-on"}) {
		t.Errorf("complete check --fa = %q, want [--fail-on]", got)
	}
	if got := complete("simulate", "--"); !slices.Contains(got, "--fail") || slices.Contains(got, "--fail-on") {
		t.Errorf("complete simulate -- = %q, want simulate's flags", got)
	}

	if zsh, err := exec.LookPath("zsh"); err == nil {
		script, _, _ := runCLI(t, "", "completion", "zsh")
		zpath := filepath.Join(t.TempDir(), "_resilcheck")
		if err := os.WriteFile(zpath, []byte(script), 0o644); err != nil {
			t.Fatal(err)
		}
		if b, err := exec.Command(zsh, "-n", zpath).CombinedOutput(); err != nil {
			t.Errorf("zsh -n: %v: %s", err, b)
		}
	} else if script, _, code := runCLI(t, "", "completion", "zsh"); code != ExitOK || !strings.Contains(script, "--generate-bash-completion") {
		t.Errorf("completion zsh: exit %d, %q", code, script)
	}

	fish, stderr, code := runCLI(t, "", "completion", "fish")
	if code != ExitOK {
		t.Fatalf("completion fish: exit %d: %s", code, stderr)
	}
	for _, name := range helpCommands(t) {
		offered := regexp.MustCompile(`__fish_resilcheck_no_subcommand' -a '` + name + `[ ']`)
		if !offered.MatchString(fish) || !strings.Contains(fish, "__fish_seen_subcommand_from "+name) {
			t.Errorf("the fish script does not complete %s", name)
		}
	}
	if !strings.Contains(fish, "__fish_seen_subcommand_from check' -f -l fail-on") {
		t.Error("the fish script does not complete check --fail-on")
	}

	for _, args := range [][]string{{"completion"}, {"completion", "tcsh"}, {"completion", "bash", "zsh"}} {
		if out, _, code := runCLI(t, "", args...); code != ExitInputError || out != "" {
			t.Errorf("%q: exit %d, stdout %q; want exit 2", args, code, out)
		}
	}
}

// helpCommands lists the commands in the root help, by their first name.
func helpCommands(t *testing.T) []string {
	t.Helper()
	out, stderr, code := runCLI(t, "", "--help")
	if code != ExitOK {
		t.Fatalf("--help: exit %d: %s", code, stderr)
	}
	i := strings.Index(out, "COMMANDS:\n")
	if i < 0 {
		t.Fatalf("--help has no COMMANDS:\n%s", out)
	}
	var names []string
	for _, line := range strings.Split(out[i+len("COMMANDS:\n"):], "\n") {
		if !strings.HasPrefix(line, "   ") {
			break
		}
		names = append(names, strings.TrimSuffix(strings.Fields(line)[0], ","))
	}
	if len(names) < 12 {
		t.Fatalf("--help lists %d commands: %q", len(names), names)
	}
	return names
}

// helpExamples is the EXAMPLES block of a help page, one command line each.
func helpExamples(help string) []string {
	i := strings.Index(help, "\nEXAMPLES:\n")
	if i < 0 {
		return nil
	}
	var ex []string
	for _, line := range strings.Split(help[i+len("\nEXAMPLES:\n"):], "\n") {
		if !strings.HasPrefix(line, "   ") {
			break
		}
		ex = append(ex, strings.TrimSpace(line))
	}
	return ex
}

// The flag names (long and short) in a help page's OPTIONS, as the README's examples are
// checked in reports/readme_examples_test.go.
var (
	optionLine = regexp.MustCompile(`(?m)^\s+(-{1,2}[A-Za-z][^\n]*?)\s{2,}`)
	optionName = regexp.MustCompile(`(?:^|[\s,])(-{1,2}[A-Za-z][A-Za-z0-9-]*)`)
	// pathLike is an argument that names a file or directory.
	pathLike = regexp.MustCompile(`/|\.(ya?ml|json|sarif|xml|pub)$`)
)

func helpOptions(help string) map[string]bool {
	flags := map[string]bool{}
	for _, m := range optionLine.FindAllStringSubmatch(help, -1) {
		for _, f := range optionName.FindAllStringSubmatch(m[1], -1) {
			flags[f[1]] = true
		}
	}
	return flags
}

// TestHelpExamples: every command's help, and the root's, ends with 1-3 examples; each
// names a real command and only flags that command's help lists; and the examples that
// read only files of this repository and write nothing run without a usage error.
func TestHelpExamples(t *testing.T) {
	commands := helpCommands(t)
	help := map[string]string{}
	for _, name := range commands {
		out, stderr, code := runCLI(t, "", name, "--help")
		if code != ExitOK {
			t.Fatalf("%s --help: exit %d: %s", name, code, stderr)
		}
		help[name] = out
	}
	root, _, _ := runCLI(t, "", "--help")
	pages := map[string]string{"resilcheck": root}
	for name, out := range help {
		pages["resilcheck "+name] = out
	}
	// help --help is the root's page; help's own examples are on `help help`.
	pages["resilcheck help help"], _, _ = runCLI(t, "", "help", "help")

	ran := 0
	for page, out := range pages {
		examples := helpExamples(out)
		if len(examples) < 1 || len(examples) > 3 {
			t.Errorf("%s --help has %d examples, want 1 to 3:\n%s", page, len(examples), out)
		}
		for _, ex := range examples {
			f := strings.Fields(ex)
			if len(f) < 2 || f[0] != "resilcheck" || help[f[1]] == "" {
				t.Errorf("%s --help: example %q does not run a resilcheck command", page, ex)
				continue
			}
			options := helpOptions(help[f[1]])
			runnable := f[1] != "keygen" && f[1] != "init" // they write files where they run
			for _, arg := range f[2:] {
				if arg == "--" {
					break
				}
				if strings.ContainsAny(arg, "<>|") {
					runnable = false
					continue
				}
				if strings.HasPrefix(arg, "-") {
					name, _, _ := strings.Cut(arg, "=")
					if !options[name] {
						t.Errorf("%s --help: example %q uses %s, which %s --help does not list", page, ex, name, f[1])
					}
					if slices.Contains([]string{"-o", "--output", "--report", "--attest"}, name) {
						runnable = false
					}
					continue
				}
				if pathLike.MatchString(arg) {
					if _, err := os.Stat(filepath.Join(repoRoot, arg)); err != nil {
						runnable = false
					}
				}
			}
			if !runnable {
				continue
			}
			ran++
			if _, stderr, code := runCLI(t, "", f[1:]...); code != ExitOK && code != ExitFailed {
				t.Errorf("%s --help: example %q exits %d: %s", page, ex, code, stderr)
			}
		}
	}
	if ran < 8 {
		t.Errorf("only %d examples could be run; the check has stopped checking", ran)
	}
}

// TestHelpIsAPathAfterACommand: `check help` judges a file named help, as any other word
// after the command would be; `--help` and `help check` still show the help.
func TestHelpIsAPathAfterACommand(t *testing.T) {
	_, stderr, code := runCLI(t, "", "check", "--as-of", "2026-11-22", "help")
	if code != ExitInputError || !strings.Contains(stderr, "help: no such file") {
		t.Errorf("check help: exit %d, stderr %q; want the missing file named help", code, stderr)
	}
	for _, args := range [][]string{{"check", "--help"}, {"help", "check"}} {
		if out, _, code := runCLI(t, "", args...); code != 0 || !strings.Contains(out, "resilcheck check - ") {
			t.Errorf("%v: exit %d, %q", args, code, out)
		}
	}
}
