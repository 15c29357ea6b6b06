package main

import (
	"math"
	"os"

	"github.com/resilcheck/resilcheck/internal/hugeheap"
)

// Huge pages for the heap (internal/hugeheap). Every process starts with its first 64 MiB of
// heap in huge pages, which holds one ordinary manifest's run; a run over larger inputs grows
// into a further region reserved here before it allocates much.

// smallInput is the size below which the inputs are taken for one ordinary manifest, whose
// heap stays within the start-up reservation.
const smallInput = 64 << 10

// planHeap is how much more heap to reserve in huge pages for inputs of inputBytes
// (math.MaxInt64 when unknown: a directory or standard input) on sys; 0 for none.
func planHeap(inputBytes int64, sys hugeheap.System) uint64 {
	if inputBytes < smallInput {
		return 0
	}
	return sys.Allows(hugeheap.LargeReservation)
}

// inputSize is the total size of the regular files among paths, or math.MaxInt64 when a
// path is a directory or standard input: without walking, such a run is taken as large.
// Paths that cannot be read count nothing here (the run reports them).
func inputSize(paths []string) int64 {
	var total int64
	for _, p := range paths {
		if p == "-" {
			return math.MaxInt64
		}
		fi, err := os.Stat(p)
		switch {
		case err != nil:
		case fi.IsDir():
			return math.MaxInt64
		default:
			total += fi.Size()
		}
	}
	return total
}

// prepareHeap reserves the heap for huge pages as planHeap decides for the inputs at paths,
// unless RESILCHECK_HUGEPAGES is "off". Call it before the collector is tuned and before the
// run allocates much.
func prepareHeap(paths []string, getenv func(string) string) {
	if hugeheap.Off(getenv) {
		return
	}
	inputs := inputSize(paths)
	if inputs < smallInput {
		return // before reading the system: the usual one-manifest run
	}
	hugeheap.Reserve(planHeap(inputs, hugeheap.Current()))
}
