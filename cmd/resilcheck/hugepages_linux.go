package main

import (
	"runtime"
	"runtime/debug"
	"syscall"
	"unsafe"
)

const (
	hugePage = 2 << 20
	// heapArena is the unit in which Go's heap is laid out on 64-bit Linux: the heap used so
	// far lies in the arena of any object allocated now.
	heapArena = 64 << 20
	// madvHugePage is MADV_HUGEPAGE, which package syscall does not name.
	madvHugePage = 14
)

// heapProbe keeps the probe on the heap: its address says where the heap in use lies.
var heapProbe *[64]byte

// reserveHugePages grows the heap by p.size bytes it never touches, marks that region and the
// heap below it within its arena for huge pages, and lets the region go (back to the system
// at once when p.release).
func reserveHugePages(p heapPlan) {
	if p.size == 0 || uint64(uintptr(p.size)) != p.size {
		return
	}
	heapProbe = new([64]byte)
	block := make([]byte, p.size)
	start := uintptr(unsafe.Pointer(unsafe.SliceData(block)))
	low := min(uintptr(unsafe.Pointer(heapProbe))&^(heapArena-1), start)
	heapProbe = nil
	beg := (low + hugePage - 1) &^ (hugePage - 1)
	end := (start + uintptr(len(block))) &^ (hugePage - 1)
	if beg < end {
		// Parts of the range below the block may be unmapped: the advice still applies to
		// what is mapped (the error then only says so), and a failure costs nothing but speed.
		_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, beg, end-beg, madvHugePage)
	}
	runtime.KeepAlive(block)
	if p.release {
		debug.FreeOSMemory()
	}
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
