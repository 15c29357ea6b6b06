package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"testing"

	"github.com/resilcheck/resilcheck/internal/audit"
	"github.com/resilcheck/resilcheck/internal/manifest"
)

const corpusDir = "testdata/invalid"

// corpusArgs are extra flags for corpus cases that need them.
var corpusArgs = map[string][]string{
	"too-large.yaml": {"--max-file-size", "256"},
}

var summaryRE = regexp.MustCompile(`^(\d+) documents? valid, (\d+) invalid in (\d+) files?\n$`)

// TestValidateCorpus runs `resilcheck validate` on every malformed case and compares its
// stderr with the case's golden .expected file (go test ./cmd/resilcheck -update rewrites
// them). Every case must exit 2 and count at least one invalid document.
func TestValidateCorpus(t *testing.T) {
	entries, err := os.ReadDir(filepath.Join(repoRoot, corpusDir))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	names := map[string]bool{}
	for _, e := range entries {
		names[e.Name()] = true
	}
	for _, e := range entries {
		name := e.Name()
		if source, ok := strings.CutSuffix(name, ".expected"); ok && !names[source] {
			// -update never deletes a golden, so one left by a removed case would look pinned.
			t.Errorf("%s/%s has no case %s next to it", corpusDir, name, source)
		}
		if e.IsDir() || strings.HasSuffix(name, ".expected") || strings.HasPrefix(name, ".") {
			continue
		}
		n++
		t.Run(name, func(t *testing.T) {
			path := corpusDir + "/" + name
			args := append([]string{"validate"}, corpusArgs[name]...)
			stdout, stderr, code := runCLI(t, "", append(args, path)...)
			if code != ExitInputError {
				t.Errorf("exit code = %d, want %d\nstderr:\n%s", code, ExitInputError, stderr)
			}
			m := summaryRE.FindStringSubmatch(stdout)
			if m == nil || m[2] == "0" || m[3] != "1" {
				t.Errorf("summary = %q, want one file with invalid documents", stdout)
			}
			golden := filepath.Join(repoRoot, corpusDir, strings.TrimSuffix(name, filepath.Ext(name))+filepath.Ext(name)+".expected")
			compareGolden(t, golden, stderr)
		})
	}
	if n < 25 {
		t.Errorf("corpus has %d cases, want at least 25", n)
	}
}

func compareGolden(t *testing.T, golden, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/resilcheck -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("stderr differs from %s\n--- got:\n%s--- want:\n%s", filepath.Base(golden), got, want)
	}
}

// TestValidateRuntimeCases covers inputs that cannot live in git reliably: missing and
// unreadable paths, symbolic link loops, standard input.
func TestValidateRuntimeCases(t *testing.T) {
	valid, err := os.ReadFile(filepath.Join(repoRoot, "testdata/valid/minimal.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		setup    func(t *testing.T, dir string) []string // returns the validate arguments
		stdin    string
		wantCode int
		// wantStderr lines, with the temporary directory written as $TMP
		wantStderr string
		wantStdout string
	}{
		{
			name:       "missing file",
			setup:      func(t *testing.T, dir string) []string { return []string{dir + "/nope.yaml"} },
			wantCode:   2,
			wantStderr: "$TMP/nope.yaml: no such file or directory\n",
			wantStdout: "0 documents valid, 1 invalid in 1 file\n",
		},
		{
			name: "unreadable file",
			setup: func(t *testing.T, dir string) []string {
				if os.Geteuid() == 0 || runtime.GOOS == "windows" {
					t.Skip("permissions are not enforced for this user")
				}
				p := filepath.Join(dir, "secret.yaml")
				writeFile(t, p, string(valid))
				if err := os.Chmod(p, 0); err != nil {
					t.Fatal(err)
				}
				return []string{p}
			},
			wantCode:   2,
			wantStderr: "$TMP/secret.yaml: permission denied\n",
			wantStdout: "0 documents valid, 1 invalid in 1 file\n",
		},
		{
			name: "directory symlink loop",
			setup: func(t *testing.T, dir string) []string {
				d := filepath.Join(dir, "manifests")
				writeFile(t, filepath.Join(d, "a.yaml"), string(valid))
				symlink(t, ".", filepath.Join(d, "loop"))
				return []string{d}
			},
			wantCode:   2,
			wantStderr: "$TMP/manifests/loop: symbolic link loop: it leads back to a directory already being read\n",
			wantStdout: "1 document valid, 1 invalid in 2 files\n",
		},
		{
			name: "symlink to the parent directory",
			setup: func(t *testing.T, dir string) []string {
				d := filepath.Join(dir, "manifests")
				writeFile(t, filepath.Join(d, "a.yaml"), string(valid))
				symlink(t, "..", filepath.Join(d, "up"))
				return []string{d}
			},
			wantCode:   2,
			wantStderr: "$TMP/manifests/up/manifests: directory loop: it leads back to a directory already being read\n",
			wantStdout: "1 document valid, 1 invalid in 2 files\n",
		},
		{
			name: "self-referencing symlink",
			setup: func(t *testing.T, dir string) []string {
				d := filepath.Join(dir, "manifests")
				writeFile(t, filepath.Join(d, "a.yaml"), string(valid))
				symlink(t, "self.yaml", filepath.Join(d, "self.yaml"))
				return []string{d}
			},
			wantCode:   2,
			wantStderr: "$TMP/manifests/self.yaml: symbolic link loop: too many levels of symbolic links\n",
			wantStdout: "1 document valid, 1 invalid in 2 files\n",
		},
		{
			name: "same file named three ways is judged once",
			setup: func(t *testing.T, dir string) []string {
				p := filepath.Join(dir, "m.yaml")
				writeFile(t, p, string(valid))
				symlink(t, "m.yaml", filepath.Join(dir, "link.yaml"))
				return []string{p, dir + "/./m.yaml", dir}
			},
			wantCode:   0,
			wantStdout: "1 document valid, 0 invalid in 1 file\n",
		},
		{
			name: "manifest names repeated across files",
			setup: func(t *testing.T, dir string) []string {
				writeFile(t, filepath.Join(dir, "a.yaml"), string(valid))
				writeFile(t, filepath.Join(dir, "b.yaml"), string(valid))
				return []string{dir}
			},
			wantCode:   2,
			wantStderr: "$TMP/b.yaml:6:9: /metadata/name: metadata.name \"example-minimal\" is already used by the manifest at $TMP/a.yaml:6:9; names must be unique across one run\n",
			wantStdout: "1 document valid, 1 invalid in 2 files\n",
		},
		{
			name:       "empty directory",
			setup:      func(t *testing.T, dir string) []string { return []string{dir} },
			wantCode:   2,
			wantStderr: "$TMP: no manifest files (*.yaml, *.yml, *.json) in this directory\n",
			wantStdout: "0 documents valid, 1 invalid in 1 file\n",
		},
		{
			name:       "valid manifest on stdin",
			setup:      func(t *testing.T, dir string) []string { return []string{"-"} },
			stdin:      string(valid),
			wantCode:   0,
			wantStdout: "1 document valid, 0 invalid in 1 file\n",
		},
		{
			name:       "invalid manifest on stdin",
			setup:      func(t *testing.T, dir string) []string { return []string{"-", "-"} },
			stdin:      "apiVersion: resilcheck/v1\nkind: ProviderManifest\nmetadata: {name: x}\n",
			wantCode:   2,
			wantStderr: "<stdin>:1:1: missing required field \"provider\"\n",
			wantStdout: "0 documents valid, 1 invalid in 1 file\n",
		},
		{
			name:       "stdin over the size limit",
			setup:      func(t *testing.T, dir string) []string { return []string{"--max-file-size", "100", "-"} },
			stdin:      string(valid),
			wantCode:   2,
			wantStderr: "<stdin>: input is over the 100-byte limit (raise it with --max-file-size)\n",
			wantStdout: "0 documents valid, 1 invalid in 1 file\n",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			args := append([]string{"validate"}, tc.setup(t, dir)...)
			stdout, stderr, code := runCLI(t, tc.stdin, args...)
			stderr = strings.ReplaceAll(stderr, filepath.ToSlash(dir), "$TMP")
			if code != tc.wantCode {
				t.Errorf("exit code = %d, want %d", code, tc.wantCode)
			}
			if stderr != tc.wantStderr {
				t.Errorf("stderr = %q, want %q", stderr, tc.wantStderr)
			}
			if stdout != tc.wantStdout {
				t.Errorf("stdout = %q, want %q", stdout, tc.wantStdout)
			}
		})
	}
}

// TestValidateMixedDirectory checks that one bad file neither hides the others' problems
// nor stops the good files from being validated.
func TestValidateMixedDirectory(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, "testdata/valid/minimal.yaml", filepath.Join(dir, "a-valid.yaml"))
	copyFile(t, "testdata/invalid/unknown-datacenter.yaml", filepath.Join(dir, "b-unknown-dc.yaml"))
	copyFile(t, "testdata/invalid/syntax-error.json", filepath.Join(dir, "nested", "c-syntax.json"))
	copyFile(t, "testdata/valid/example.json", filepath.Join(dir, "nested", "d-valid.json"))
	writeFile(t, filepath.Join(dir, "notes.txt"), "not a manifest, not read")

	stdout, stderr, code := runCLI(t, "", "validate", dir)
	if code != ExitInputError {
		t.Errorf("exit code = %d, want %d", code, ExitInputError)
	}
	if want := "2 documents valid, 2 invalid in 4 files\n"; stdout != want {
		t.Errorf("stdout = %q, want %q", stdout, want)
	}
	stderr = strings.ReplaceAll(stderr, filepath.ToSlash(dir), "$TMP")
	want := "$TMP/b-unknown-dc.yaml:26:22: /services/0/deployments/1/datacenter: unknown datacenter \"pangyo-b\"\n" +
		"$TMP/nested/c-syntax.json:4:41: invalid JSON: invalid character '}' looking for beginning of object key string\n"
	if stderr != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr, want)
	}
}

// TestValidateWholeCorpus validates the corpus directory in one run: every case file must
// be reported, in name order.
func TestValidateWholeCorpus(t *testing.T) {
	stdout, stderr, code := runCLI(t, "", "validate", "-f", "json", corpusDir)
	if code != ExitInputError {
		t.Fatalf("exit code = %d, want %d", code, ExitInputError)
	}
	if stderr != "" {
		t.Errorf("json output must leave stderr empty, got %q", stderr)
	}
	var res validation
	if err := json.Unmarshal([]byte(stdout), &res); err != nil {
		t.Fatalf("decode json output: %v\n%s", err, stdout)
	}
	var paths []string
	for _, f := range res.Files {
		paths = append(paths, f.Path)
		if len(f.Problems) == 0 {
			t.Errorf("%s: no problems reported", f.Path)
		}
		for _, p := range f.Problems {
			if p.File != f.Path || p.Message == "" {
				t.Errorf("%s: malformed problem %+v", f.Path, p)
			}
		}
	}
	if !sort.StringsAreSorted(paths) {
		t.Errorf("files not in name order: %v", paths)
	}
	if res.Valid || res.Summary.Files != len(res.Files) || res.Summary.Invalid < len(res.Files) {
		t.Errorf("summary %+v does not match %d invalid files", res.Summary, len(res.Files))
	}
}

func TestValidateValidAndUsage(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStdout string
		wantStderr string // substring
	}{
		{"valid directory", []string{"validate", "testdata/valid/"}, 0, "5 documents valid, 0 invalid in 4 files\n", ""},
		{"quiet", []string{"validate", "-q", "testdata/valid/"}, 0, "", ""},
		{"global quiet", []string{"-q", "validate", "testdata/valid/"}, 0, "", ""},
		{"no path", []string{"validate"}, 2, "", "no PATH given"},
		{"unknown format", []string{"validate", "-f", "xml", "testdata/valid"}, 2, "", `unknown format "xml"`},
		{"bad size limit", []string{"validate", "--max-file-size", "0", "testdata/valid"}, 2, "", "must be positive"},
		{"size limit with a unit, as check takes it", []string{"validate", "--max-file-size", "1MiB", "testdata/valid/"}, 0, "5 documents valid, 0 invalid in 4 files\n", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, "", tc.args...)
			if code != tc.wantCode {
				t.Errorf("exit code = %d, want %d (stderr %q)", code, tc.wantCode, stderr)
			}
			if stdout != tc.wantStdout {
				t.Errorf("stdout = %q, want %q", stdout, tc.wantStdout)
			}
			if tc.wantStderr == "" && stderr != "" || !strings.Contains(stderr, tc.wantStderr) {
				t.Errorf("stderr = %q, want it to contain %q", stderr, tc.wantStderr)
			}
		})
	}
}

func TestSchemaCommand(t *testing.T) {
	manifestSchema, err := os.ReadFile(filepath.Join(repoRoot, "schemas/manifest.v1.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStdout string // exact unless empty
		wantIn     string // substring of stdout or stderr
	}{
		{"default is manifest", []string{"schema"}, 0, string(manifestSchema), ""},
		{"by name", []string{"schema", "manifest"}, 0, string(manifestSchema), ""},
		{"by versioned name", []string{"schema", "manifest.v1"}, 0, string(manifestSchema), ""},
		{"by file name", []string{"schema", "manifest.v1.schema.json"}, 0, string(manifestSchema), ""},
		{"list", []string{"schema", "--list"}, 0, "", "manifest\tv1\tmanifest.v1.schema.json\n"},
		{"unknown", []string{"schema", "nope"}, 2, "", `unknown schema "nope" (known: manifest`},
		{"too many", []string{"schema", "a", "b"}, 2, "", "at most one NAME"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, "", tc.args...)
			if code != tc.wantCode {
				t.Errorf("exit code = %d, want %d (stderr %q)", code, tc.wantCode, stderr)
			}
			if tc.wantStdout != "" && stdout != tc.wantStdout {
				t.Errorf("stdout differs from the schema file (%d vs %d bytes)", len(stdout), len(tc.wantStdout))
			}
			if !strings.Contains(stdout+stderr, tc.wantIn) {
				t.Errorf("output %q lacks %q", stdout+stderr, tc.wantIn)
			}
		})
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot, from))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, to, string(b))
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("symlinks unavailable: %v", err)
	}
}

// TestGlobalFlagsAfterCommand: -q and --no-color are accepted after the command name as
// well as before it, for every command. What they do is tested where it shows: -q in
// TestCheckWaivers, TestBaselineGate and the validate tests, --no-color on a terminal in
// TestNoColorOnATerminal.
func TestGlobalFlagsAfterCommand(t *testing.T) {
	for _, args := range [][]string{
		{"check", "--no-color", "-q", "--as-of", "2026-11-22", "--fail-on", "none", "testdata/valid/minimal.yaml"},
		{"--no-color", "-q", "check", "--as-of", "2026-11-22", "--fail-on", "none", "testdata/valid/minimal.yaml"},
		{"simulate", "--no-color", "-q", "--as-of", "2026-11-22", "testdata/valid/minimal.yaml"},
		{"rules", "--no-color"},
		{"validate", "--no-color", "-q", "testdata/valid/minimal.yaml"},
	} {
		_, errOut, code := runCLI(t, "", args...)
		if code != 0 && code != 1 || strings.Contains(errOut, "flag provided but not defined") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
	}
}

// TestValidateWindowsChangeNothing validates the corpus and a repeated name one file at a
// time and all at once: the report is the same, and the repeat names the first use even when
// the first use's window is long gone.
func TestValidateWindowsChangeNothing(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, "testdata/valid/minimal.yaml", filepath.Join(dir, "a.yaml"))
	copyFile(t, "testdata/valid/example.json", filepath.Join(dir, "b.json"))
	copyFile(t, "testdata/valid/minimal.yaml", filepath.Join(dir, "c.yaml"))
	run := func(window int) string {
		t.Helper()
		saved := validateWindow
		validateWindow = window
		defer func() { validateWindow = saved }()
		stdout, _, code := runCLI(t, "", "validate", "-f", "json", dir, corpusDir)
		if code != ExitInputError {
			t.Fatalf("window %d: exit code = %d, want %d", window, code, ExitInputError)
		}
		return stdout
	}
	one, all := run(1), run(64)
	if one != all {
		t.Fatalf("one file at a time:\n%s\nall at once:\n%s", one, all)
	}
	var res validation
	if err := json.Unmarshal([]byte(one), &res); err != nil {
		t.Fatal(err)
	}
	var repeat []audit.Problem
	for _, f := range res.Files {
		if strings.HasSuffix(f.Path, "/c.yaml") {
			repeat = f.Problems
		}
	}
	if len(repeat) != 1 || !strings.Contains(repeat[0].Message, "already used by the manifest at "+filepath.ToSlash(dir)+"/a.yaml:") {
		t.Fatalf("c.yaml problems = %+v, want one naming a.yaml's metadata.name", repeat)
	}
}

// An interrupted validate prints nothing of its partial result and stops reading: 143 for
// SIGTERM, with the reason on standard error. The context is cancelled before the run, so
// not a file is read.
func TestValidateInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(&interruptError{sig: syscall.SIGTERM})
	var out, errOut bytes.Buffer
	app := newApp(appIO{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }})
	code := finish(app.RunContext(ctx, []string{"resilcheck", "validate", "-f", "json", filepath.Join(repoRoot, "testdata/manifests")}), &errOut)
	if code != 143 || out.Len() > 0 || !strings.Contains(errOut.String(), "validate: interrupted by SIGTERM: nothing printed") {
		t.Errorf("exit %d, stdout %q, stderr %q: want 143, nothing printed, and why", code, out.String(), errOut.String())
	}
	st := manifest.Open([]string{filepath.Join(repoRoot, "testdata/manifests")}, manifest.Options{})
	if res := validateStream(ctx, st); len(res.Files) > 0 {
		t.Errorf("a cancelled validation read %d files", len(res.Files))
	}
}
