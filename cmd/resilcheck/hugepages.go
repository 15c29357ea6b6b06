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

// Huge pages for the heap (internal/hugeheap). Every process starts with its first 64 MiB of
// heap in huge pages, which holds one ordinary manifest's run; a run over larger inputs grows
// into a further region reserved here before it allocates much.

// smallInput is the size below which the inputs are taken for one ordinary manifest, whose
// heap stays within the start-up reservation.
const smallInput = 64 << 10

// planHeap is how much more heap to reserve in huge pages for inputs of inputBytes
// (math.MaxInt64 when unknown: standard input) on sys; 0 for none.
func planHeap(inputBytes int64, sys hugeheap.System) uint64 {
	if inputBytes < smallInput {
		return 0
	}
	return sys.Allows(hugeheap.LargeReservation)
}

// inputSize is the total size of the manifests at paths, counted only until it reaches
// enough (a directory holding thousands is not walked to its end to learn that it is large),
// or math.MaxInt64 for standard input, whose size is unknown. A directory counts the files
// its walk would load (manifest extensions, no dot-names; symbolic links to directories are
// not followed here). Paths that cannot be read count nothing here (the run reports them).
func inputSize(paths []string, enough int64) int64 {
	var total int64
	for _, p := range paths {
		if p == "-" {
			return math.MaxInt64
		}
		fi, err := os.Stat(p)
		switch {
		case err != nil:
		case fi.IsDir():
			total += dirSize(p, enough-total)
		default:
			total += fi.Size()
		}
		if total >= enough {
			return total
		}
	}
	return total
}

// dirSize is the size of the manifests under dir, counted until it reaches enough.
func dirSize(dir string, enough int64) int64 {
	var total int64
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
		if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() {
			total += fi.Size()
		}
		if total >= enough {
			return filepath.SkipAll
		}
		return nil
	})
	return total
}

// prepareHeap reserves the heap for huge pages as planHeap decides for the inputs at paths,
// unless RESILCHECK_HUGEPAGES is "off". Call it before the collector is tuned and before the
// run allocates much.
func prepareHeap(paths []string, getenv func(string) string) {
	if hugeheap.Off(getenv) {
		return
	}
	inputs := inputSize(paths, smallInput)
	if inputs < smallInput {
		return // before reading the system: the usual one-manifest run
	}
	hugeheap.Reserve(planHeap(inputs, hugeheap.Current()))
}
