package main

import (
	"math"
	"os"
	"strings"
)

// Huge pages for the heap. Linux faults anonymous memory in a 4 KiB page at a time unless a
// region is marked for transparent huge pages (madvise MADV_HUGEPAGE, when THP is in its
// "madvise" mode, a common default), and Go stopped marking its heap in 1.21. A run over many manifests grows its
// heap to a couple of hundred megabytes, one manifest of 10,000 services to about a gigabyte,
// and on a virtual machine a fault costs tens of microseconds: faulting the heap in was a third
// of a 100-file run's CPU. So a run first grows the heap by one allocation it never touches,
// marks the region (and the heap below it) for huge pages, and drops the allocation: the heap
// then grows into that region at one fault per 2 MiB. Nothing else changes (the allocation
// is never written; the collector reclaims it), and RESILCHECK_HUGEPAGES=off turns it off.

const (
	// smallInput is the size below which the inputs are taken for one ordinary manifest:
	// its heap stays within a small reservation, which is left for the collector to reclaim
	// in its own time (returning it at once cost more than it saved).
	smallInput       = 64 << 10
	smallReservation = 64 << 20
	// largeReservation is the heap region a larger run grows into; it is returned to the
	// system at once (never touched, so cheaply), so it weighs on neither the memory limit nor
	// the collector.
	largeReservation = 1 << 30
)

// heapPlan is how much heap to reserve for huge pages, and whether to return it to the
// system at once; size 0 when there is nothing to do.
type heapPlan struct {
	size    uint64
	release bool
}

// planHeap decides from the inputs' size (math.MaxInt64 when unknown: a directory or standard
// input) and the system: THP's mode as /sys/kernel/mm/transparent_hugepage/enabled gives it
// (only "madvise" needs asking; "always" gives huge pages anyway, "never" none), the
// overcommit policy (strict accounting, 2, could refuse the reservation, which Go cannot
// survive), whether the address space is limited, and the memory installed (a reservation
// is at most a quarter of it).
func planHeap(inputBytes int64, thpMode, overcommit string, addressSpaceLimited bool, ram uint64) heapPlan {
	if selected(thpMode) != "madvise" || strings.TrimSpace(overcommit) == "2" || addressSpaceLimited {
		return heapPlan{}
	}
	p := heapPlan{size: largeReservation, release: true}
	if inputBytes < smallInput {
		p = heapPlan{size: smallReservation}
	}
	if ram > 0 && p.size > ram/4 {
		p.size = ram / 4
	}
	if p.size < smallReservation {
		return heapPlan{}
	}
	return p
}

// selected is the bracketed choice in a sysfs mode list such as "always [madvise] never".
func selected(modes string) string {
	for _, f := range strings.Fields(modes) {
		if len(f) > 2 && f[0] == '[' && f[len(f)-1] == ']' {
			return f[1 : len(f)-1]
		}
	}
	return ""
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
	if getenv != nil && getenv("RESILCHECK_HUGEPAGES") == "off" {
		return
	}
	reserveHugePages(planHeap(inputSize(paths), readSmall("/sys/kernel/mm/transparent_hugepage/enabled"),
		readSmall("/proc/sys/vm/overcommit_memory"), addressSpaceLimited(), installedMemory()))
}

// readSmall reads a short system file, "" when it cannot.
func readSmall(path string) string {
	b, err := os.ReadFile(path)
	if err != nil || len(b) > 256 {
		return ""
	}
	return string(b)
}
