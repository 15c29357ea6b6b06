package main

import (
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/resilcheck/resilcheck/internal/hugeheap"
	"github.com/resilcheck/resilcheck/internal/manifest"
)

// Huge pages for the heap (internal/hugeheap). Every process starts with 64 MiB of its
// heap in huge pages; a run over large inputs grows into a further region reserved here
// before it allocates much.

// What makes a run large: its heap outgrows the start-up reservation, and reserving more
// (about 20 ms) pays. A batch keeps a window of documents at a time and grows with their
// number up to that: 30 ordinary manifests (884 KB) ran faster without, 50 (1.6 MB) with. One
// manifest's judging grows with its services: one of 300 (173 KB) ran faster without, one of
// 1,000 (532 KB) with.
const (
	largeTotal = 1 << 20
	largeFile  = 256 << 10
)

// inputs is what the heap plan reads of a run's inputs.
type inputs struct {
	total   int64 // bytes, math.MaxInt64 when unknown (standard input)
	largest int64 // bytes of the largest file
}

func (in inputs) large() bool { return in.total >= largeTotal || in.largest >= largeFile }

// planHeap is how much more heap to reserve in huge pages for in on sys; 0 for none.
func planHeap(in inputs, sys hugeheap.System) uint64 {
	if !in.large() {
		return 0
	}
	return sys.Allows(hugeheap.LargeReservation)
}

// measureInputs sizes the manifests at paths, only until they are large (a directory holding
// thousands is not walked to its end to learn that it is large). Standard input, a named pipe
// or a device is taken as large. A directory counts the files of manifest extensions and
// without dot-names under it, as the loader's walk reads them, but does not follow symbolic
// links below it (which the loader does): a run found small only grows its heap in 4 KiB
// pages past the start-up reservation. Paths that cannot be read count nothing here (the run
// reports them).
func measureInputs(paths []string) inputs {
	var in inputs
	add := func(size int64) bool {
		in.total += size
		in.largest = max(in.largest, size)
		return in.large()
	}
	for _, p := range paths {
		if p == "-" {
			return inputs{total: math.MaxInt64}
		}
		fi, err := os.Stat(p)
		switch {
		case err != nil:
		case fi.IsDir():
			// The loader follows a directory named through a symbolic link; WalkDir does not.
			if target, err := filepath.EvalSymlinks(p); err == nil {
				p = target
			}
			walkManifests(p, add)
		case fi.Mode().IsRegular():
			add(fi.Size())
		default:
			return inputs{total: math.MaxInt64} // a pipe or a device: its size is unknown
		}
		if in.large() {
			break
		}
	}
	return in
}

// walkManifests calls add with the size of each manifest under dir until it returns true.
func walkManifests(dir string, add func(size int64) (enough bool)) {
	_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return nil
		case path != dir && strings.HasPrefix(d.Name(), "."):
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		case d.IsDir() || !manifest.IsManifestFile(d.Name()):
			return nil
		}
		if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() && add(fi.Size()) {
			return filepath.SkipAll
		}
		return nil
	})
}

// prepareHeap reserves the heap for huge pages as planHeap decides for the inputs at paths,
// unless RESILCHECK_HUGEPAGES is "off". Call it before the collector is tuned and before the
// run allocates much.
func prepareHeap(paths []string, getenv func(string) string) {
	if hugeheap.Off(getenv) {
		return
	}
	in := measureInputs(paths)
	if !in.large() {
		return // before reading the system: the usual run
	}
	hugeheap.Reserve(planHeap(in, hugeheap.Current()))
}
