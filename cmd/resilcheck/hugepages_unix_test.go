//go:build unix

package main

import (
	"math"
	"path/filepath"
	"syscall"
	"testing"
)

// A named pipe's size is unknown until it is read, as standard input's is: taken as large.
func TestMeasureInputsPipe(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "manifest.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no named pipe here: %v", err)
	}
	if got := measureInputs([]string{fifo}); got != (inputs{total: math.MaxInt64}) {
		t.Errorf("measureInputs(fifo) = %+v, want it large", got)
	}
}
