package reports

import (
	"bytes"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

// TestWriteBehindKeepsEveryByteInOrder: writes of every size, from one byte to several
// buffers, straddling the first small buffer and the full-size ones, come out as written,
// and Close flushes the last partial buffer.
func TestWriteBehindKeepsEveryByteInOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	want := make([]byte, 3*writebackEvery+12345)
	for i := range want {
		want[i] = byte(rng.Uint32())
	}
	sizes := []int{1, 7, firstBuffer - 8, 1, writeBehindBuffer, 3 * writeBehindBuffer, 100}
	path := filepath.Join(t.TempDir(), "out")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := newWriteBehind(f)
	for rest, i := want, 0; len(rest) > 0; i++ {
		n := min(len(rest), sizes[i%len(sizes)]+rng.IntN(3))
		if k, err := w.Write(rest[:n]); k != n || err != nil {
			t.Fatalf("Write(%d bytes) = %d, %v", n, k, err)
		}
		rest = rest[n:]
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		i := 0
		for i < min(len(got), len(want)) && got[i] == want[i] {
			i++
		}
		t.Fatalf("file holds %d bytes, want %d; first difference at byte %d", len(got), len(want), i)
	}
	if w.made > writeBehindBuffers {
		t.Errorf("%d full-size buffers allocated, want at most %d", w.made, writeBehindBuffers)
	}
}

// TestWriteBehindReportsAFailedWrite: a write the file refuses fails the writes after it
// and Close, rather than being lost.
func TestWriteBehindReportsAFailedWrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path) // read-only: every write fails
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := newWriteBehind(f)
	chunk := make([]byte, writeBehindBuffer)
	var werr error
	for range 2 * writeBehindBuffers {
		if _, werr = w.Write(chunk); werr != nil {
			break
		}
	}
	cerr := w.Close()
	if cerr == nil {
		t.Fatal("Close after a failed write returned nil")
	}
	if werr != nil && werr.Error() != cerr.Error() {
		t.Errorf("Write failed with %v, Close with %v: want the same first error", werr, cerr)
	}
}

// TestWriteBehindReportsAFailureBehind: a write that fails on the writer's goroutine, past
// the part written in place, fails Close too.
func TestWriteBehindReportsAFailureBehind(t *testing.T) {
	r, f, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	go func() { // the reader goes away after taking a little more than the part in place
		_, _ = io.CopyN(io.Discard, r, writeBehindAfter+writeBehindBuffer)
		r.Close()
	}()
	w := newWriteBehind(f)
	chunk := make([]byte, writeBehindBuffer/2)
	for range 4 * writeBehindAfter / len(chunk) {
		if _, err := w.Write(chunk); err != nil {
			break
		}
	}
	if w.full == nil {
		t.Fatal("writing never moved behind")
	}
	if err := w.Close(); err == nil {
		t.Fatal("Close after a failed write behind returned nil")
	}
}

// TestWriteBehindSmallReportTakesSmallBuffer: a report of a few megabytes is written in
// place from one small buffer, with no goroutine and no full-size buffer (a megabyte of
// fresh memory is hundreds of page faults on a small run).
func TestWriteBehindSmallReportTakesSmallBuffer(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "out"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := newWriteBehind(f)
	for range writeBehindAfter / 1000 {
		if _, err := w.Write(make([]byte, 1000)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if w.made != 0 || w.full != nil {
		t.Errorf("%d bytes took %d full-size buffers, goroutine %v", writeBehindAfter/1000*1000, w.made, w.full != nil)
	}
}
