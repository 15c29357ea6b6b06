package main

// This file is the shared harness for CLI tests. runCLI runs a command in this process,
// through the same app and exit-status mapping main uses, with its own standard streams:
// fast, and counted in coverage. TestMain also builds the real binary once, for runBinary:
// the tests of what only a process has (signals, the environment main reads, shell
// completion, another program running ours). Add tests in your own *_test.go file in this
// package and call runCLI; paths are relative to the repository root.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// update regenerates golden files instead of comparing against them:
// go test ./cmd/resilcheck -update
var update = flag.Bool("update", false, "rewrite golden files with the current output")

var (
	binPath  string // the resilcheck binary under test
	repoRoot string // working directory of every runCLI call
)

func TestMain(m *testing.M) {
	flag.Parse()
	os.Exit(buildAndRun(m))
}

func buildAndRun(m *testing.M) int {
	dir, err := os.MkdirTemp("", "resilcheck-cli-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "cli tests:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	binPath = filepath.Join(dir, "resilcheck")
	// Without the VCS stamp, as a test binary has none: the binary then reports the same
	// version as a command run in process (TestBinaryMatchesInProcess).
	build := exec.Command("go", "build", "-buildvcs=false", "-o", binPath, ".")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "cli tests: build resilcheck:", err)
		return 1
	}
	if repoRoot, err = filepath.Abs(filepath.Join("..", "..")); err != nil {
		fmt.Fprintln(os.Stderr, "cli tests:", err)
		return 1
	}
	return m.Run()
}

// runCLI runs resilcheck with args from the repository root, in this process, feeding it
// stdin, with NO_COLOR set so output is plain. It returns what the command wrote and the
// exit status main would end with.
func runCLI(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return runCLIIn(t, repoRoot, stdin, args...)
}

// inProcess serialises in-process runs: a command reads the working directory and os.Args
// (for the command line a report records), which are the process's own.
var inProcess sync.Mutex

// runCLIIn is runCLI from another working directory.
func runCLIIn(t *testing.T, dir, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	inProcess.Lock()
	defer inProcess.Unlock()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := os.Chdir(wd); err != nil {
			panic(err) // every later test would run in the wrong directory
		}
	}()
	argv := append([]string{"resilcheck"}, args...)
	savedArgs := os.Args
	os.Args = argv
	defer func() { os.Args = savedArgs }()
	var out, errOut bytes.Buffer
	getenv := func(k string) string {
		if k == "NO_COLOR" {
			return "1"
		}
		return os.Getenv(k)
	}
	app := newApp(appIO{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut, Getenv: getenv})
	code = finish(app.RunContext(context.Background(), argv), &errOut)
	return out.String(), errOut.String(), code
}

// runBinary runs the built binary as runCLI runs the command in process: for what only a
// separate process shows. It fails the test only when the binary could not be run at all.
func runBinary(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return runBinaryIn(t, repoRoot, stdin, args...)
}

// runBinaryIn is runBinary from another working directory.
func runBinaryIn(t *testing.T, dir, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(binPath, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	cmd.Stdin = bytes.NewBufferString(stdin)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exitErr *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exitErr):
		code = exitErr.ExitCode()
	default:
		t.Fatalf("run resilcheck %v: %v", args, err)
	}
	return out.String(), errOut.String(), code
}

// TestCPUProfile: RESILCHECK_CPU_PROFILE writes a pprof profile of the whole run without
// changing what the run prints or its exit status; an unwritable path only warns.
func TestCPUProfile(t *testing.T) {
	run := func(env string) (string, string, int) {
		cmd := exec.Command(binPath, "check", "--as-of", "2026-11-22", "-f", "json", "testdata/valid/minimal.yaml")
		cmd.Dir = repoRoot
		cmd.Env = append(os.Environ(), "NO_COLOR=1", env)
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		err := cmd.Run()
		code := 0
		var exitErr *exec.ExitError
		if errors.As(err, &exitErr) {
			code = exitErr.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return out.String(), errOut.String(), code
	}
	plainOut, _, plainCode := run("RESILCHECK_CPU_PROFILE=")
	path := filepath.Join(t.TempDir(), "cpu.pprof")
	out, stderr, code := run("RESILCHECK_CPU_PROFILE=" + path)
	if out != plainOut || code != plainCode || stderr != "" {
		t.Fatalf("profiling changed the run: exit %d (want %d), stderr %q", code, plainCode, stderr)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) < 2 || b[0] != 0x1f || b[1] != 0x8b { // pprof profiles are gzipped protobuf
		t.Fatalf("not a pprof profile: %d bytes starting %x", len(b), b[:min(len(b), 4)])
	}
	_, stderr, code = run("RESILCHECK_CPU_PROFILE=" + filepath.Join(t.TempDir(), "no", "such", "dir", "cpu.pprof"))
	if code != plainCode || !strings.Contains(stderr, "warning: RESILCHECK_CPU_PROFILE") {
		t.Fatalf("unwritable profile path: exit %d, stderr %q", code, stderr)
	}
}

// TestVersionNamesTheBundle: `version` prints the digest a report of the built-in bundle
// records, so an auditor can match a binary to a report without running an audit.
func TestVersionNamesTheBundle(t *testing.T) {
	out, stderr, code := runCLI(t, "", "version", "-f", "json")
	if code != 0 {
		t.Fatalf("version -f json: exit %d: %s", code, stderr)
	}
	var v map[string]string
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	report, _, _ := runCLI(t, "", "check", "--as-of", "2026-11-22", "-f", "json", "testdata/valid/minimal.yaml")
	var r struct {
		Bundle struct{ Digest string } `json:"bundle"`
	}
	if err := json.Unmarshal([]byte(report), &r); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(v["bundle"], "sha256:") || v["bundle"] != r.Bundle.Digest {
		t.Errorf("version says bundle %q, a report of the built-in bundle %q", v["bundle"], r.Bundle.Digest)
	}
	text, _, _ := runCLI(t, "", "version")
	if !strings.Contains(text, "\nbundle "+r.Bundle.Digest+"\n") || !strings.HasPrefix(text, "resilcheck ") {
		t.Errorf("version text = %q", text)
	}
}

func TestRecordedCommandIsTheSameAnywhere(t *testing.T) {
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"check", "-o", "/audit/2026/out.json", "m.yaml"}, []string{"resilcheck", "check", "-o", "2026/out.json", "m.yaml"}},
		{[]string{"check", "--output=/audit/out.json", "--report", "sarif=/audit/r.sarif", "--report=junit=/tmp/j.xml", "m.yaml"},
			[]string{"resilcheck", "check", "--output=out.json", "--report", "sarif=r.sarif", "--report=junit=../tmp/j.xml", "m.yaml"}},
		{[]string{"check", "-o", "rel/out.json", "--", "-o", "/audit/x.yaml"}, []string{"resilcheck", "check", "-o", "rel/out.json", "--", "-o", "/audit/x.yaml"}},
		{[]string{"check", "-p", "/audit/policies", "/audit/m.yaml"}, []string{"resilcheck", "check", "-p", "/audit/policies", "/audit/m.yaml"}},
		{[]string{"check", "--baseline", "/audit/2025/old.json", "--baseline=/audit/old.json", "m.yaml"}, []string{"resilcheck", "check", "--baseline", "2025/old.json", "--baseline=old.json", "m.yaml"}},
	}
	for _, tt := range tests {
		if got := recordedCommand(tt.args, "/audit"); !slices.Equal(got, tt.want) {
			t.Errorf("recordedCommand(%q) = %q, want %q", tt.args, got, tt.want)
		}
	}

	// The same audit written by absolute path from two directories: the same bytes.
	minimal, err := os.ReadFile(filepath.Join(repoRoot, "testdata", "valid", "minimal.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var reports [][]byte
	for _, dir := range []string{t.TempDir(), filepath.Join(t.TempDir(), "deeper")} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "m.yaml"), minimal, 0o644); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dir, "out.json")
		cmd := exec.Command(binPath, "check", "--as-of", "2026-11-22", "-f", "json", "-o", out, "--report", "sarif="+filepath.Join(dir, "out.sarif"), "m.yaml")
		cmd.Dir = dir
		var exitErr *exec.ExitError
		if b, err := cmd.CombinedOutput(); err != nil && !(errors.As(err, &exitErr) && exitErr.ExitCode() == ExitFailed) {
			t.Fatalf("%v: %s", err, b)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		reports = append(reports, b)
	}
	if !bytes.Equal(reports[0], reports[1]) {
		t.Errorf("the same audit from two directories differs:\n%s\n---\n%s", reports[0], reports[1])
	}
	if !bytes.Contains(reports[0], []byte(`"out.json"`)) {
		t.Errorf("the recorded command does not name the report relative to the working directory:\n%s", reports[0])
	}
}

// TestBinaryMatchesInProcess: the harness runs commands in this process; the built binary
// must answer the same, byte for byte and exit status alike, for a passing, a failing and
// a refused run.
func TestBinaryMatchesInProcess(t *testing.T) {
	for _, args := range [][]string{
		{"check", "--as-of", "2026-11-22", "-f", "json", "testdata/manifests"},
		{"check", "--as-of", "2026-11-22", "-f", "text", "--lang", "ko", "testdata/manifests/small-provider.yaml"},
		{"validate", "testdata/invalid"},
		{"check", "--no-such-flag"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			out, errOut, code := runCLI(t, "", args...)
			bout, berrOut, bcode := runBinary(t, "", args...)
			if code != bcode || out != bout || errOut != berrOut {
				t.Errorf("in process: exit %d, %d bytes out, stderr %q\nbinary:     exit %d, %d bytes out, stderr %q",
					code, len(out), errOut, bcode, len(bout), berrOut)
			}
			if out == "" && errOut == "" {
				t.Error("the command printed nothing: the comparison shows nothing")
			}
		})
	}
}
