package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// action is the part of action.yml the tests read.
type action struct {
	Inputs map[string]struct {
		Default *string `yaml:"default"`
	} `yaml:"inputs"`
	Runs struct {
		Using string       `yaml:"using"`
		Steps []actionStep `yaml:"steps"`
	} `yaml:"runs"`
}

type actionStep struct {
	ID   string            `yaml:"id"`
	Uses string            `yaml:"uses"`
	Run  string            `yaml:"run"`
	Env  map[string]string `yaml:"env"`
	If   string            `yaml:"if"`
}

// actionInputsNotFlags are the action's inputs that are not flags of check.
var actionInputsNotFlags = []string{"paths", "upload-sarif", "sarif-file"}

var longFlag = regexp.MustCompile(`(?:^|[\s(])(--[a-z][a-z-]*)`)

func readAction(t *testing.T) action {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var a action
	if err := yaml.Unmarshal(b, &a); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	return a
}

// commandHelp is the option names `resilcheck COMMAND --help` lists.
func commandHelp(t *testing.T, command string) map[string]bool {
	t.Helper()
	out, stderr, code := runCLI(t, "", command, "--help")
	if code != ExitOK {
		t.Fatalf("%s --help: exit %d: %s", command, code, stderr)
	}
	return helpOptions(out)
}

// TestActionMatchesCheck: every input of the GitHub Action other than the paths and the
// SARIF upload is a flag of check, every flag its script passes is in check --help, and every
// input reaches the script.
func TestActionMatchesCheck(t *testing.T) {
	a := readAction(t)
	if a.Runs.Using != "composite" {
		t.Errorf("runs.using = %q, want composite", a.Runs.Using)
	}
	options := commandHelp(t, "check")
	step := checkStep(t, a)
	for name, in := range a.Inputs {
		if !slices.Contains(actionInputsNotFlags, name) && !options["--"+name] {
			t.Errorf("action input %s is not a flag of check --help", name)
		}
		env := "INPUT_" + strings.ToUpper(strings.ReplaceAll(name, "-", "_"))
		if step.Env[env] != "${{ inputs."+name+" }}" || !strings.Contains(step.Run, "$"+env) {
			t.Errorf("action input %s does not reach the check script as $%s", name, env)
		}
		// An input that passed a default would hide the repository's settings file.
		if !slices.Contains(actionInputsNotFlags, name) && (in.Default == nil || *in.Default != "") {
			t.Errorf("action input %s has a default: an empty input must pass no flag", name)
		}
	}
	passed := longFlag.FindAllStringSubmatch(step.Run, -1)
	if len(passed) < 4 {
		t.Fatalf("found only %d flags in the check script: the test no longer reads it", len(passed))
	}
	for _, m := range passed {
		if !options[m[1]] {
			t.Errorf("the action passes %s, which check --help does not list", m[1])
		}
	}
	var uploads bool
	for _, s := range a.Runs.Steps {
		if strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@") {
			uploads = strings.Contains(s.If, "inputs.upload-sarif == 'true'")
		}
	}
	if !uploads {
		t.Error("no upload-sarif step conditioned on the upload-sarif input")
	}
}

func checkStep(t *testing.T, a action) actionStep {
	t.Helper()
	for _, s := range a.Runs.Steps {
		if s.ID == "check" {
			return s
		}
	}
	t.Fatal("action.yml has no step with id check")
	return actionStep{}
}

// TestActionCheckScript runs the action's check script with bash as the runner would, with
// the built binary on PATH: the flags it builds work, the exit status is its output, and the
// SARIF report for the upload is written, also when the main report already is it.
func TestActionCheckScript(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	step := checkStep(t, readAction(t))
	// Two manifests (of different names: names are unique across a run).
	var manifests [][]byte
	for _, f := range []string{"valid/minimal.yaml", "manifests/small-provider.yaml"} {
		b, err := os.ReadFile(filepath.Join(repoRoot, "testdata", filepath.FromSlash(f)))
		if err != nil {
			t.Fatal(err)
		}
		manifests = append(manifests, b)
	}
	tests := []struct {
		name  string
		in    map[string]string
		code  string
		files []string
	}{
		{"defaults", map[string]string{"PATHS": "a.yaml\nb.yaml", "UPLOAD_SARIF": "false", "SARIF_FILE": "resilcheck.sarif"}, "1", nil},
		{"fail-on none, output, sarif upload", map[string]string{"PATHS": "a.yaml b.yaml", "FAIL_ON": "none", "FORMAT": "json", "LANG": "ko", "OUTPUT": "out.json", "UPLOAD_SARIF": "true", "SARIF_FILE": "r.sarif"}, "0", []string{"out.json", "r.sarif"}},
		{"the main report is the SARIF file", map[string]string{"PATHS": "a.yaml", "FORMAT": "sarif", "OUTPUT": "r.sarif", "UPLOAD_SARIF": "true", "SARIF_FILE": "r.sarif"}, "1", []string{"r.sarif"}},
		{"bad input", map[string]string{"PATHS": "a.yaml", "FAIL_ON": "severe", "UPLOAD_SARIF": "false", "SARIF_FILE": "resilcheck.sarif"}, "2", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for i, f := range []string{"a.yaml", "b.yaml"} {
				if err := os.WriteFile(filepath.Join(dir, f), manifests[i], 0o644); err != nil {
					t.Fatal(err)
				}
			}
			outputs := filepath.Join(dir, "github-output")
			cmd := exec.Command(bash, "-e", "-c", step.Run)
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "PATH="+filepath.Dir(binPath)+string(os.PathListSeparator)+os.Getenv("PATH"), "GITHUB_OUTPUT="+outputs, "NO_COLOR=1", "RESILCHECK_AS_OF=2026-11-22")
			for _, k := range []string{"PATHS", "FORMAT", "FAIL_ON", "LANG", "OUTPUT", "UPLOAD_SARIF", "SARIF_FILE"} {
				cmd.Env = append(cmd.Env, "INPUT_"+k+"="+tt.in[k])
			}
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("the script failed (it must report the status, not fail): %v\n%s", err, out)
			}
			b, err := os.ReadFile(outputs)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimSpace(string(b)); got != "exit-code="+tt.code {
				t.Errorf("outputs %q, want exit-code=%s", got, tt.code)
			}
			for _, f := range tt.files {
				if fi, err := os.Stat(filepath.Join(dir, f)); err != nil || fi.Size() == 0 {
					t.Errorf("%s not written: %v", f, err)
				}
			}
		})
	}
}

// TestPreCommitHooks: each hook runs a resilcheck command with flags its --help lists, and
// works on a manifest as pre-commit calls it (the file names last).
func TestPreCommitHooks(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(repoRoot, ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var hooks []struct {
		ID       string   `yaml:"id"`
		Entry    string   `yaml:"entry"`
		Args     []string `yaml:"args"`
		Language string   `yaml:"language"`
	}
	if err := yaml.Unmarshal(b, &hooks); err != nil {
		t.Fatalf(".pre-commit-hooks.yaml: %v", err)
	}
	want := map[string]string{"resilcheck-validate": "validate", "resilcheck-check": "check"}
	for _, h := range hooks {
		f := append(strings.Fields(h.Entry), h.Args...)
		if len(f) < 2 || f[0] != "resilcheck" || want[h.ID] != f[1] {
			t.Errorf("hook %s runs %q, want resilcheck %s", h.ID, h.Entry, want[h.ID])
			continue
		}
		delete(want, h.ID)
		options := commandHelp(t, f[1])
		for _, arg := range f[2:] {
			if name, _, _ := strings.Cut(arg, "="); strings.HasPrefix(name, "-") && !options[name] {
				t.Errorf("hook %s passes %s, which %s --help does not list", h.ID, name, f[1])
			}
		}
		args := append(f[1:], "--as-of", "2026-11-22", "testdata/valid/minimal.yaml")
		if f[1] == "validate" {
			args = append(f[1:], "testdata/valid/minimal.yaml")
		}
		if _, stderr, code := runCLI(t, "", args...); code != ExitOK && code != ExitFailed {
			t.Errorf("hook %s on a manifest: exit %d: %s", h.ID, code, stderr)
		}
	}
	for id := range want {
		t.Errorf("no hook %s", id)
	}
}

// TestDockerfile: where no Docker daemon runs the image is not built (.ci/run says so), so
// what the image promises is held here: the version it stamps reaches a variable that
// exists, the binary is static, the last stage is distroless or scratch and runs as a
// non-root user, and the build context leaves the scenarios out.
func TestDockerfile(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(repoRoot, "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	for _, want := range []string{"CGO_ENABLED=0", "-X main.toolVersion=${VERSION}", "./cmd/resilcheck"} {
		if !strings.Contains(text, want) {
			t.Errorf("Dockerfile lacks %q", want)
		}
	}
	src, err := os.ReadFile("app.go")
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^var toolVersion = `).Match(src) {
		t.Error("the Dockerfile stamps main.toolVersion, which app.go no longer declares")
	}
	from := regexp.MustCompile(`(?m)^FROM\s+(\S+)`).FindAllStringSubmatch(text, -1)
	if len(from) < 2 {
		t.Fatalf("want a multi-stage build, found %d FROM lines", len(from))
	}
	if last := from[len(from)-1][1]; !strings.HasPrefix(last, "gcr.io/distroless/static") && last != "scratch" {
		t.Errorf("the image is based on %s, want distroless/static or scratch", last)
	}
	users := regexp.MustCompile(`(?m)^USER\s+(\S+)`).FindAllStringSubmatch(text, -1)
	if len(users) == 0 || strings.HasPrefix(users[len(users)-1][1], "root") || strings.HasPrefix(users[len(users)-1][1], "0") {
		t.Errorf("the image's user is %v, want a non-root one", users)
	}
	ignore, err := os.ReadFile(filepath.Join(repoRoot, ".dockerignore"))
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^\*\*/testdata$`).Match(ignore) {
		t.Error(".dockerignore does not keep testdata (the bundled scenarios) out of the build")
	}
}
