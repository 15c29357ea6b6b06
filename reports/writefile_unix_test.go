//go:build unix

package reports

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestWriteFileFIFO writes to a named pipe, the stand-in for -o /dev/stdout: the report
// must go through the pipe, and the pipe must still be a pipe afterwards (a rename would
// have replaced it with a regular file, or, run as root on a device, clobbered the device).
func TestWriteFileFIFO(t *testing.T) {
	path := filepath.Join(t.TempDir(), "report.fifo")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	got := make(chan string, 1)
	go func() {
		f, err := os.Open(path)
		if err != nil {
			got <- "open: " + err.Error()
			return
		}
		defer f.Close()
		b, _ := io.ReadAll(f)
		got <- string(b)
	}()
	if err := WriteFile(path, func(w io.Writer) error { _, err := io.WriteString(w, "report"); return err }); err != nil {
		t.Fatalf("WriteFile: %v", err)
	}
	if s := <-got; s != "report" {
		t.Errorf("the reader got %q, want the report", s)
	}
	fi, err := os.Lstat(path)
	if err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the pipe was replaced: mode %v, %v", fi.Mode(), err)
	}
}
