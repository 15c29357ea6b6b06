package hugeheap

import (
	"runtime"
	"runtime/metrics"
	"strings"
	"syscall"
	"unsafe"
)

const (
	hugePage = 2 << 20
	// heapArena is the unit in which Go's heap is laid out on 64-bit Linux: the heap used so
	// far lies in the arena of any object allocated now.
	heapArena = 64 << 20
	// MADV_HUGEPAGE and MADV_COLLAPSE, which package syscall does not name.
	madvHugePage = 14
	madvCollapse = 25
)

// heapProbe keeps the probe on the heap: its address says where the heap in use lies.
var heapProbe *[64]byte

// reserve grows the heap by size bytes it leaves unwritten (but one) and marks that region
// and the heap below it within its arena for huge pages; the caller lets the region go. At
// start-up the 2 MiB pages below the region that already hold 4 KiB pages are turned into huge
// pages too (MADV_COLLAPSE): the heap the process allocated before the reservation sits in
// them part used, and the rest of each would otherwise be faulted in 4 KiB at a time.
func reserve(size uintptr, atStart bool) {
	var mapped uintptr
	if atStart {
		mapped = heapMapped()
	}
	heapProbe = new([64]byte)
	block, start := untouched(size)
	low := min(uintptr(unsafe.Pointer(heapProbe))&^(heapArena-1), start)
	heapProbe = nil
	beg := (low + hugePage - 1) &^ (hugePage - 1)
	end := (start + size) &^ (hugePage - 1)
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

// untouched allocates size bytes on the heap without writing them, and returns the
// allocation (to keep alive) and where it starts. make would zero whatever part of them the
// heap has used before (and an allocation that starts in such memory is zeroed whole: a
// gigabyte written through where the region the start-up reservation left free lies at the
// top of the heap); a strings.Builder grows into memory it does not clear, and its one byte
// written is what gives its address.
func untouched(size uintptr) (*strings.Builder, uintptr) {
	b := new(strings.Builder)
	b.Grow(int(size))
	b.WriteByte(0)
	return b, uintptr(unsafe.Pointer(unsafe.StringData(b.String())))
}

// heapClasses are the runtime's accounts of the heap's address space: together, all of it
// that is mapped.
var heapClasses = [...]string{
	"/memory/classes/heap/objects:bytes",
	"/memory/classes/heap/unused:bytes",
	"/memory/classes/heap/stacks:bytes",
	"/memory/classes/heap/free:bytes",
	"/memory/classes/heap/released:bytes",
}

// heapMapped is how much address space the heap has mapped. From runtime/metrics, not
// runtime.ReadMemStats, which stops the world and flushes every cache of spans: at start-up,
// over a hundred fresh pages of the runtime's bookkeeping.
func heapMapped() (mapped uintptr) {
	var samples [len(heapClasses)]metrics.Sample
	for i, name := range heapClasses {
		samples[i].Name = name
	}
	metrics.Read(samples[:])
	for _, s := range samples {
		if s.Value.Kind() != metrics.KindUint64 {
			continue
		}
		mapped += uintptr(s.Value.Uint64())
	}
	return mapped
}

// addressSpaceLimited reports whether RLIMIT_AS or RLIMIT_DATA bounds the process, where a
// reservation of address space could fail: since Linux 4.7 RLIMIT_DATA counts the writable
// private mappings the heap is made of.
func addressSpaceLimited() bool {
	for _, resource := range []int{syscall.RLIMIT_AS, syscall.RLIMIT_DATA} {
		var lim syscall.Rlimit
		if err := syscall.Getrlimit(resource, &lim); err != nil || lim.Cur != ^uint64(0) {
			return true
		}
	}
	return false
}

// installedMemory is the machine's RAM in bytes, 0 when unknown.
func installedMemory() uint64 {
	var si syscall.Sysinfo_t
	if err := syscall.Sysinfo(&si); err != nil {
		return 0
	}
	return uint64(si.Totalram) * uint64(si.Unit)
}
