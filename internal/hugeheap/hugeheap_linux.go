package hugeheap

import (
	"runtime"
	"runtime/metrics"
	"syscall"
	"unsafe"
)

const (
	hugePage = 2 << 20
	// pageSize is the runtime's page, the unit of its large allocations.
	pageSize = 8 << 10
	// heapArena is the unit in which Go's heap is laid out on 64-bit Linux: the heap used so
	// far lies in the arena of any object allocated now.
	heapArena = 64 << 20
	// MADV_HUGEPAGE and MADV_COLLAPSE, which package syscall does not name.
	madvHugePage = 14
	madvCollapse = 25
)

// heapProbe keeps the probe on the heap: its address says where the heap in use lies.
var heapProbe *[64]byte

// heapCap is address space held above the start-up reservation for the life of the process,
// never touched. Memory the heap has used once is zeroed before it is used again, and an
// allocation that starts in such memory is zeroed whole: without the cap, the region the
// start-up reservation leaves free lies at the top of the heap, where a larger reservation
// (Reserve) would start in it and be written through, a gigabyte faulted in.
//
//lint:ignore U1000 held, never read: its address space is the point
var heapCap []byte

// reserve grows the heap by size bytes it never touches and marks that region and the heap
// below it within its arena for huge pages; the caller lets the region go. At start-up the
// region is capped (heapCap), and the 2 MiB pages below it that already hold 4 KiB pages are
// turned into huge pages too (MADV_COLLAPSE): the heap the process allocated before the
// reservation sits in them part used, and the rest of each would otherwise be faulted in
// 4 KiB at a time.
func reserve(size uintptr, atStart bool) {
	var mapped, idle uintptr
	if atStart {
		mapped, idle = heapExtent()
	}
	heapProbe = new([64]byte)
	block := make([]byte, size)
	start := uintptr(unsafe.Pointer(unsafe.SliceData(block)))
	low := min(uintptr(unsafe.Pointer(heapProbe))&^(heapArena-1), start)
	heapProbe = nil
	if atStart {
		// Larger than any free run below the block, so it lands above it, in memory never
		// used: nothing is zeroed.
		heapCap = make([]byte, idle+pageSize)
	}
	beg := (low + hugePage - 1) &^ (hugePage - 1)
	end := (start + uintptr(len(block))) &^ (hugePage - 1)
	if beg < end {
		// Parts of the range below the block may be unmapped: the advice still applies to
		// what is mapped (the error then only says so), and a failure costs nothing but speed.
		_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, beg, end-beg, madvHugePage)
	}
	if atStart {
		// The heap mapped so far is one run of address space of that many bytes, which the
		// block starts inside or just above. Each 2 MiB page is asked alone: one unmapped,
		// reserved or untouched fails without stopping the rest, and a kernel without
		// MADV_COLLAPSE (before 6.1) refuses them all; either way only speed is lost.
		top := (start + hugePage - 1) &^ (hugePage - 1)
		for p := max(beg, (start-min(start, mapped))&^(hugePage-1)); p < top; p += hugePage {
			_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, p, hugePage, madvCollapse)
		}
	}
	runtime.KeepAlive(block)
}

// heapClasses are the runtime's accounts of the heap's address space: together, all of it
// that is mapped; the last two, what of it is free.
var heapClasses = [...]string{
	"/memory/classes/heap/objects:bytes",
	"/memory/classes/heap/unused:bytes",
	"/memory/classes/heap/stacks:bytes",
	"/memory/classes/heap/free:bytes",
	"/memory/classes/heap/released:bytes",
}

// heapExtent is how much address space the heap has mapped, and how much of that is free.
// From runtime/metrics, not runtime.ReadMemStats, which stops the world and flushes every
// cache of spans: at start-up, over a hundred fresh pages of the runtime's bookkeeping.
func heapExtent() (mapped, free uintptr) {
	var samples [len(heapClasses)]metrics.Sample
	for i, name := range heapClasses {
		samples[i].Name = name
	}
	metrics.Read(samples[:])
	for i, s := range samples {
		if s.Value.Kind() != metrics.KindUint64 {
			continue
		}
		n := uintptr(s.Value.Uint64())
		mapped += n
		if i >= len(heapClasses)-2 {
			free += n
		}
	}
	return mapped, free
}

// addressSpaceLimited reports whether RLIMIT_AS bounds the process, where a reservation of
// address space could fail.
func addressSpaceLimited() bool {
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_AS, &lim); err != nil {
		return true
	}
	return lim.Cur != ^uint64(0)
}

// installedMemory is the machine's RAM in bytes, 0 when unknown.
func installedMemory() uint64 {
	var si syscall.Sysinfo_t
	if err := syscall.Sysinfo(&si); err != nil {
		return 0
	}
	return uint64(si.Totalram) * uint64(si.Unit)
}
