package reports

import (
	"os"
	"sync"
)

// A large report is rendered at the end of its run, from the spools, and the run cannot end
// before it is on disk: a 10,000-manifest SARIF report is 1.7 GB, and its last seconds were
// spent indenting a megabyte, then waiting while the system copied it into the page cache,
// then indenting the next, and at the end waiting for the disk in one fsync. writeBehind
// overlaps the three once a report is past its first few megabytes: the renderer fills one
// buffer while a goroutine writes the previous one, and every few megabytes the system is
// asked to start writing what it has (startWriteback), so the fsync that ends the report
// waits for the last few only. A small report is written as a buffered writer would: a
// goroutine and a megabyte of fresh buffer cost a one-manifest run more than they save.
const (
	// firstBuffer is the buffer a report starts with, and the only one a small report uses.
	firstBuffer = 64 << 10
	// writeBehindAfter is how much is written in place before writing moves behind.
	writeBehindAfter  = 4 << 20
	writeBehindBuffer = 1 << 20
	// writeBehindBuffers bounds what is in flight: one being filled, one being written, one
	// waiting between them.
	writeBehindBuffers = 3
	writebackEvery     = 8 << 20
)

type writeBehind struct {
	f       *os.File
	cur     []byte
	inPlace int64 // bytes written before the goroutine started
	made    int   // full-size buffers allocated so far
	free    chan []byte
	full    chan []byte // nil until writing moves behind
	done    chan struct{}
	closed  bool

	mu  sync.Mutex
	err error // the first failed write; nothing is written after it
}

func newWriteBehind(f *os.File) *writeBehind {
	return &writeBehind{f: f, cur: make([]byte, 0, firstBuffer)}
}

// Write copies p into the buffer being filled, handing each full one on; it fails once a
// write has.
func (w *writeBehind) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		k := copy(w.cur[len(w.cur):cap(w.cur)], p)
		w.cur, p = w.cur[:len(w.cur)+k], p[k:]
		if len(w.cur) == cap(w.cur) {
			w.handOn()
		}
	}
	if err := w.failed(); err != nil {
		return 0, err
	}
	return n, nil
}

// handOn passes the full buffer on: written at once while the report is small, else to the
// goroutine, with an empty buffer to fill in its place.
func (w *writeBehind) handOn() {
	if w.full == nil && w.inPlace < writeBehindAfter {
		if w.failed() == nil {
			k, err := w.f.Write(w.cur)
			w.inPlace += int64(k)
			w.fail(err)
		}
		w.cur = w.cur[:0]
		return
	}
	if w.full == nil {
		w.free = make(chan []byte, writeBehindBuffers)
		w.full = make(chan []byte, writeBehindBuffers)
		w.done = make(chan struct{})
		go w.drain()
	}
	w.full <- w.cur
	w.cur = w.next()
}

// next is an empty buffer: a new one until writeBehindBuffers exist, then one the writer
// has finished with (which bounds what is in flight).
func (w *writeBehind) next() []byte {
	if w.made < writeBehindBuffers {
		select {
		case b := <-w.free:
			return b
		default:
			w.made++
			return make([]byte, 0, writeBehindBuffer)
		}
	}
	return <-w.free
}

// drain writes the buffers handed over, in order, until full is closed.
func (w *writeBehind) drain() {
	defer close(w.done)
	written, started := w.inPlace, int64(0)
	for b := range w.full {
		if w.failed() == nil {
			k, err := w.f.Write(b)
			written += int64(k)
			w.fail(err)
			if err == nil && written-started >= writebackEvery {
				startWriteback(w.f, started, written-started)
				started = written
			}
		}
		if cap(b) == writeBehindBuffer { // the first, small one is not reused
			w.free <- b[:0]
		}
	}
}

func (w *writeBehind) fail(err error) {
	if err == nil {
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err == nil {
		w.err = err
	}
}

func (w *writeBehind) failed() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}

// Close writes what is left and waits for the writer; the file stays open. Closing again
// does nothing.
func (w *writeBehind) Close() error {
	if w.closed {
		return w.failed()
	}
	w.closed = true
	if w.full == nil {
		if len(w.cur) > 0 && w.failed() == nil {
			_, err := w.f.Write(w.cur)
			w.fail(err)
		}
		w.cur = nil
		return w.failed()
	}
	if len(w.cur) > 0 {
		w.full <- w.cur
	}
	w.cur = nil
	close(w.full)
	<-w.done
	return w.failed()
}
