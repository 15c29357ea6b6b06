//go:build unix

package main

import (
	"bytes"
	"errors"
	"io"
	"maps"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// slowPolicy is a custom control that would run for hours: a nested loop that never
// matches. Topdown polls for cancellation at every step, so only a cancelled context
// (or --timeout) ends it early.
const slowPolicy = `# METADATA
# title: Slow
# description: Takes hours unless cancelled.
# scope: package
# custom:
#   id: ACME-SLOW
#   severity: low
#   kind: guidance
#   regulation: ACME
#   title_ko: 느린 통제
#   citation:
#     law: ACME engineering standard
#     article: Sec. 1
#     text: ACME Std. Sec. 1
#   remediation:
#     en: Nothing to do.
#     ko: 할 일 없음.
package resilcheck.controls.acme_slow

default applies := true

violations contains {"msg": "never", "pointer": ""} if {
	some i in numbers.range(1, 100000)
	some j in numbers.range(1, 100000)
	i * j == -1
}
`

// interruptSignals are the signals a run must survive cleanly, with the exit status each
// gives (128 + the signal number, as shells report a process killed by it).
var interruptSignals = []struct {
	sig  syscall.Signal
	name string
	code int
}{
	{syscall.SIGTERM, "SIGTERM", 143},
	{syscall.SIGINT, "SIGINT", 130},
}

// startCLI starts the built binary without waiting for it; wait returns its exit status
// (minus the signal number when a signal killed it) and standard error, failing the test
// if it has not ended within limit.
func startCLI(t *testing.T, args ...string) (cmd *exec.Cmd, wait func(limit time.Duration) (code int, stderr string)) {
	t.Helper()
	cmd = exec.Command(binPath, args...)
	cmd.Dir = repoRoot
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	var errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = io.Discard, &errOut
	// Standard input is a pipe the test never writes or closes: `check -` waits on it for
	// as long as the test likes.
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stdin.Close() })
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	t.Cleanup(func() { cmd.Process.Kill(); <-done })
	return cmd, func(limit time.Duration) (int, string) {
		t.Helper()
		select {
		case <-done:
		case <-time.After(limit):
			cmd.Process.Kill()
			<-done
			t.Fatalf("still running %s after the signal; stderr:\n%s", limit, errOut.String())
		}
		ws := cmd.ProcessState.Sys().(syscall.WaitStatus)
		if ws.Signaled() {
			return -int(ws.Signal()), errOut.String()
		}
		return ws.ExitStatus(), errOut.String()
	}
}

// dirContents maps each file name in dir to its content.
func dirContents(t *testing.T, dir string) map[string]string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = string(b)
	}
	return out
}

func skipIgnored(t *testing.T, sig syscall.Signal) {
	t.Helper()
	// An ignored signal stays ignored in the child (exec keeps SIG_IGN), and resilcheck
	// leaves it ignored as a background job expects.
	if signal.Ignored(sig) {
		t.Skipf("%v is ignored in this test process, so in the binary too", sig)
	}
}

// TestInterruptDuringEvaluation: SIGTERM or SIGINT while a control evaluates cancels the
// run: it ends promptly with 128+signal, says so on standard error, writes no report, and
// leaves the previous report and no temporary file in the output directory.
func TestInterruptDuringEvaluation(t *testing.T) {
	pol := policyDir(t, map[string]string{"slow.rego": slowPolicy})
	// A whole run of the built-in controls bounds how long start-up and compiling take, so
	// a signal sent well after that reaches the slow control while it evaluates.
	start := time.Now()
	if _, stderr, code := runCLI(t, "", "check", asOf, "-q", "-f", "json", "-o", filepath.Join(t.TempDir(), "r.json"), minimalManifest); code != ExitOK && code != ExitFailed {
		t.Fatalf("plain run: exit %d\n%s", code, stderr)
	}
	settle := 2*time.Since(start) + 500*time.Millisecond
	for _, s := range interruptSignals {
		t.Run(s.name, func(t *testing.T) {
			skipIgnored(t, s.sig)
			out := t.TempDir()
			report := filepath.Join(out, "report.json")
			if err := os.WriteFile(report, []byte("previous run"), 0o644); err != nil {
				t.Fatal(err)
			}
			cmd, wait := startCLI(t, "check", asOf, "--timeout", "1h", "-p", pol, "-f", "json", "-o", report,
				"--report", "sarif="+filepath.Join(out, "report.sarif"), minimalManifest)
			time.Sleep(settle)
			if err := cmd.Process.Signal(s.sig); err != nil {
				t.Fatal(err)
			}
			code, stderr := wait(30 * time.Second)
			if code != s.code {
				t.Errorf("exit status %d, want %d; stderr:\n%s", code, s.code, stderr)
			}
			// Stopped by the cancelled evaluation, not by the wind-down deadline.
			if strings.Contains(stderr, "did not stop within") {
				t.Errorf("the run ignored the cancellation until the wind-down deadline:\n%s", stderr)
			}
			if !strings.Contains(stderr, "interrupted by "+s.name) || !strings.Contains(stderr, "no report written") {
				t.Errorf("stderr does not say the run was interrupted and wrote nothing:\n%s", stderr)
			}
			if got, want := dirContents(t, out), map[string]string{"report.json": "previous run"}; !maps.Equal(got, want) {
				t.Errorf("output directory after the interrupted run: %q, want only the previous report", slices.Sorted(maps.Keys(got)))
			}
		})
	}
}

// TestInterruptWhileWriting: a signal that arrives while the first report is being written
// (here to a FIFO whose reader pauses, so the moment is certain) stops the run before the
// next report: it is not created, nothing temporary is left, and the exit status is 143.
func TestInterruptWhileWriting(t *testing.T) {
	skipIgnored(t, syscall.SIGTERM)
	out := t.TempDir()
	fifo := filepath.Join(out, "report.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	// The scenarios' markdown report is larger than a pipe holds, so the writer blocks
	// part-way until the reader goes on.
	manifests, err := filepath.Glob(filepath.Join(repoRoot, scenarioDir, "*.yaml"))
	if err != nil || len(manifests) == 0 {
		t.Fatalf("no scenario manifests: %v", err)
	}
	args := append([]string{"check", asOf, "-f", "markdown", "-o", fifo, "--report", "json=" + filepath.Join(out, "report.json")}, manifests...)
	cmd, wait := startCLI(t, args...)
	r, err := os.Open(fifo) // blocks until the binary opens the FIFO to write
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if _, err := io.ReadFull(r, make([]byte, 1)); err != nil {
		t.Fatalf("no report on the FIFO: %v", err)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	io.Copy(io.Discard, r)
	code, stderr := wait(30 * time.Second)
	if code != 143 {
		t.Errorf("exit status %d, want 143; stderr:\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "interrupted by SIGTERM") {
		t.Errorf("stderr does not say the run was interrupted:\n%s", stderr)
	}
	got := dirNames(t, out)
	if want := []string{"report.fifo"}; !slices.Equal(got, want) {
		t.Errorf("output directory after the interrupted run: %q, want only the FIFO", got)
	}
}

// dirNames lists the names in dir without reading them (a FIFO would block).
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	return names
}

// TestInterruptWhileReadingStdin: reading standard input does not watch the context, so a
// run waiting on input that never ends must still stop: within windDown of SIGTERM, with
// 143 and the interruption on standard error.
func TestInterruptWhileReadingStdin(t *testing.T) {
	skipIgnored(t, syscall.SIGTERM)
	// A signal that arrives before the process has installed its handler kills it by the
	// default action, with nothing said: on a loaded machine start-up can take longer than
	// the first wait, so that case is tried again with a longer one.
	for _, ready := range []time.Duration{500 * time.Millisecond, 2 * time.Second, 5 * time.Second} {
		cmd, wait := startCLI(t, "check", asOf, "-f", "json", "-")
		time.Sleep(ready)
		if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
			t.Fatal(err)
		}
		code, stderr := wait(windDown + 10*time.Second)
		if code == -int(syscall.SIGTERM) && stderr == "" {
			continue
		}
		if code != 143 || !strings.Contains(stderr, "interrupted by SIGTERM") {
			t.Errorf("exit status %d, want 143, and the interruption on stderr:\n%s", code, stderr)
		}
		return
	}
	t.Fatal("SIGTERM killed the process before its handler was installed, even 5 s after start")
}

// TestSecondSignalKills: the first signal asks the run to wind down; a second ends the
// process at once, by the signal's default action, however long winding down would take.
func TestSecondSignalKills(t *testing.T) {
	for _, s := range interruptSignals {
		t.Run(s.name, func(t *testing.T) {
			skipIgnored(t, s.sig)
			cmd, wait := startCLI(t, "check", asOf, "-f", "json", "-")
			time.Sleep(500 * time.Millisecond)
			if err := cmd.Process.Signal(s.sig); err != nil {
				t.Fatal(err)
			}
			// The kernel merges a signal into one of its kind still pending, which on a loaded
			// machine the first may still be: the second is sent again until the process is
			// gone, well within the wind-down (after which it would exit, not die).
			for range 12 {
				time.Sleep(250 * time.Millisecond)
				if err := cmd.Process.Signal(s.sig); err != nil {
					if !errors.Is(err, os.ErrProcessDone) {
						t.Fatal(err)
					}
					break
				}
			}
			// Death by the signal is the proof: winding down ends with an exit status,
			// never by a signal, so the wait can be generous on a loaded machine.
			if code, stderr := wait(windDown + 10*time.Second); code != -int(s.sig) {
				t.Errorf("exit status %d, want death by %s; stderr:\n%s", code, s.name, stderr)
			}
		})
	}
}
