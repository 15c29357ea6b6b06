package main

// This file is the shared harness for CLI tests: TestMain builds the real binary once, and
// runCLI runs it the way a user or CI would. Add tests in your own *_test.go file in this
// package and call runCLI; paths are relative to the repository root.

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
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
	build := exec.Command("go", "build", "-o", binPath, ".")
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

// runCLI runs the built binary with args from the repository root, feeding it stdin, with
// NO_COLOR set so output is plain. It returns what the process wrote and its exit code;
// it fails the test only when the binary could not be run at all.
func runCLI(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(binPath, args...)
	cmd.Dir = repoRoot
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
