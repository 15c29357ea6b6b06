package reports

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

// readmeSection returns the text between <!-- section:name --> and its closing marker.
func readmeSection(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	open, closing := "<!-- section:"+name+" -->", "<!-- /section:"+name+" -->"
	i, j := strings.Index(s, open), strings.Index(s, closing)
	if i < 0 || j < i {
		t.Fatalf("README.md has no section %q", name)
	}
	return s[i+len(open) : j]
}

var yamlFence = regexp.MustCompile("(?s)```yaml\n(.*?)```")

// resilcheckInvocation is one command line in a snippet that runs resilcheck.
type resilcheckInvocation struct {
	args []string // after "resilcheck"
}

// invocations finds every resilcheck command in the string values of a YAML document
// (run:, script: items), splitting at shell separators so "a && resilcheck ..." counts.
func invocations(node any) []resilcheckInvocation {
	var out []resilcheckInvocation
	switch n := node.(type) {
	case map[string]any:
		keys := make([]string, 0, len(n))
		for k := range n {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			out = append(out, invocations(n[k])...)
		}
	case []any:
		for _, e := range n {
			out = append(out, invocations(e)...)
		}
	case string:
		for _, line := range strings.Split(n, "\n") {
			for _, cmd := range regexp.MustCompile(`&&|\|\||;|\|`).Split(line, -1) {
				f := strings.Fields(cmd)
				if len(f) > 1 && f[0] == "resilcheck" { // a bare "resilcheck" is a name (category:), not a command
					out = append(out, resilcheckInvocation{args: f[1:]})
				}
			}
		}
	}
	return out
}

// helpFlags reads the flag names (long and short) from urfave/cli help output.
var helpFlagLine = regexp.MustCompile(`(?m)^\s+(-{1,2}[A-Za-z][^\n]*?)\s{2,}`)
var helpFlagName = regexp.MustCompile(`(?:^|[\s,])(-{1,2}[A-Za-z][A-Za-z0-9-]*)`)

func helpFlags(help string) map[string]bool {
	flags := map[string]bool{}
	for _, m := range helpFlagLine.FindAllStringSubmatch(help, -1) {
		for _, f := range helpFlagName.FindAllStringSubmatch(m[1], -1) {
			flags[f[1]] = true
		}
	}
	return flags
}

func TestHelpFlags(t *testing.T) {
	help := `OPTIONS:
   --format value, -f value                       report format: csv, html (default: "text")
   --report FORMAT=FILE [ --report FORMAT=FILE ]  also write a report
   --help, -h                                     show help
`
	got := helpFlags(help)
	for _, f := range []string{"--format", "-f", "--report", "--help", "-h"} {
		if !got[f] {
			t.Errorf("helpFlags missed %s in %v", f, got)
		}
	}
	if len(got) != 5 {
		t.Errorf("helpFlags found %v, want 5 flags", got)
	}
}

// TestREADMECIExamples keeps the CI snippets in the README honest: both parse as YAML, have
// the shape their CI system needs, and use only flags the real binary accepts.
func TestREADMECIExamples(t *testing.T) {
	section := readmeSection(t, "ci-examples")
	blocks := yamlFence.FindAllStringSubmatch(section, -1)
	if len(blocks) != 2 {
		t.Fatalf("ci-examples has %d yaml blocks, want 2 (GitHub Actions, GitLab CI)", len(blocks))
	}
	var docs []map[string]any
	for i, b := range blocks {
		var doc map[string]any
		if err := yaml.Unmarshal([]byte(b[1]), &doc); err != nil {
			t.Fatalf("yaml block %d does not parse: %v", i+1, err)
		}
		docs = append(docs, doc)
	}
	gh, gl := blocks[0][1], docs[1]
	if !strings.Contains(gh, "github/codeql-action/upload-sarif@") || !strings.Contains(gh, "security-events: write") {
		t.Error("the GitHub Actions example does not upload SARIF to code scanning with security-events: write")
	}
	job, _ := gl["resilcheck"].(map[string]any)
	artifacts, _ := job["artifacts"].(map[string]any)
	rep, _ := artifacts["reports"].(map[string]any)
	junitFile, _ := rep["junit"].(string)
	if junitFile == "" {
		t.Fatal("the GitLab example does not publish artifacts:reports:junit")
	}

	var calls []resilcheckInvocation
	for _, d := range docs {
		calls = append(calls, invocations(d)...)
	}
	if len(calls) < 2 {
		t.Fatalf("found %d resilcheck commands in the snippets, want at least 2", len(calls))
	}
	if !strings.Contains(strings.Join(calls[len(calls)-1].args, " "), "junit="+junitFile) {
		t.Errorf("the GitLab job publishes %s but no resilcheck command writes it", junitFile)
	}

	if testing.Short() {
		t.Skip("builds the resilcheck binary")
	}
	bin := buildResilcheck(t)
	global := helpFlags(runHelp(t, bin, "--help"))
	checkFlags := helpFlags(runHelp(t, bin, "check", "--help"))
	if !checkFlags["--report"] || !checkFlags["--fail-on"] {
		t.Fatalf("could not read the flags of resilcheck check --help: %v", checkFlags)
	}
	for _, call := range calls {
		seenCheck := false
		for i, a := range call.args {
			if a == "check" {
				seenCheck = true
				continue
			}
			if !strings.HasPrefix(a, "-") || a == "-" {
				continue
			}
			name, _, _ := strings.Cut(a, "=")
			known := checkFlags
			if !seenCheck {
				known = global
			}
			if !known[name] {
				t.Errorf("README uses %s, which resilcheck %s--help does not list", name, map[bool]string{true: "check ", false: ""}[seenCheck])
			}
			// A format named in the snippet must be one the registry knows.
			if (name == "--report" || name == "-f" || name == "--format") && i+1 < len(call.args) {
				format, _, _ := strings.Cut(call.args[i+1], "=")
				if _, err := Lookup(format); err != nil {
					t.Errorf("README: %s %s: %v", name, call.args[i+1], err)
				}
			}
		}
		if !seenCheck {
			t.Errorf("README runs resilcheck without the check command: %q", call.args)
		}
	}
}

func buildResilcheck(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "resilcheck")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/resilcheck")
	cmd.Dir = ".."
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/resilcheck: %v\n%s", err, out)
	}
	return bin
}

func runHelp(t *testing.T, bin string, args ...string) string {
	t.Helper()
	out, errOut, err := runTool(t, time.Minute, bin, args...)
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", bin, strings.Join(args, " "), err, errOut)
	}
	return out + errOut
}
