package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// openTerminal opens a pseudo-terminal: what a program writes to tty, master reads.
func openTerminal(t *testing.T) (master, tty *os.File) {
	t.Helper()
	m, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	if err := unix.IoctlSetPointerInt(int(m.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		m.Close()
		t.Skipf("unlocking the pseudo-terminal: %v", err)
	}
	n, err := unix.IoctlGetInt(int(m.Fd()), unix.TIOCGPTN)
	if err != nil {
		m.Close()
		t.Skipf("naming the pseudo-terminal: %v", err)
	}
	s, err := os.OpenFile("/dev/pts/"+strconv.Itoa(n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		m.Close()
		t.Skipf("opening the pseudo-terminal: %v", err)
	}
	return m, s
}

// TestNoColorOnATerminal: the text report on a terminal is coloured, and --no-color (before
// or after the command name) or NO_COLOR turns the colour off; the other tests run without a
// terminal, where colour is never on.
func TestNoColorOnATerminal(t *testing.T) {
	run := func(env string, args ...string) string {
		t.Helper()
		master, tty := openTerminal(t)
		defer master.Close()
		got := make(chan []byte)
		go func() {
			var b bytes.Buffer
			_, _ = io.Copy(&b, master) // ends with an error once the terminal side is closed
			got <- b.Bytes()
		}()
		inProcess.Lock()
		var errOut bytes.Buffer
		app := newApp(appIO{Stdin: strings.NewReader(""), Stdout: tty, Stderr: &errOut, Getenv: func(k string) string {
			if k == "NO_COLOR" {
				return env
			}
			return ""
		}})
		_ = app.Run(append([]string{"resilcheck"}, args...))
		inProcess.Unlock()
		tty.Close()
		return string(<-got)
	}
	check := []string{"check", "--no-config", "--as-of", "2026-11-22", "--fail-on", "none", filepath.Join(repoRoot, "testdata", "valid", "minimal.yaml")}
	if out := run("", check...); !strings.Contains(out, "\x1b[") {
		t.Fatalf("the text report on a terminal has no colour: %q", out[:min(len(out), 200)])
	}
	for name, out := range map[string]string{
		"--no-color after check":  run("", append([]string{"check", "--no-color"}, check[1:]...)...),
		"--no-color before check": run("", append([]string{"--no-color"}, check...)...),
		"NO_COLOR=1":              run("1", check...),
	} {
		if strings.Contains(out, "\x1b[") || !strings.Contains(out, "minimal") {
			t.Errorf("%s: colour on, or no report: %q", name, out[:min(len(out), 200)])
		}
	}
}
