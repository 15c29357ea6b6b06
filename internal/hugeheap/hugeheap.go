// Package hugeheap lays the heap out in transparent huge pages. Linux faults anonymous
// memory in 4 KiB at a time unless a region is marked for transparent huge pages (madvise
// MADV_HUGEPAGE, when THP is in its "madvise" mode, a common default), and Go stopped marking
// its heap in 1.21. On a virtual machine a fault costs tens of microseconds: faulting the heap
// in was a third of a 100-file run's CPU, and half of a one-manifest run's.
//
// The runtime maps each part of the heap afresh as it first grows into it, which drops any
// mark made beforehand. So the heap is first grown by one allocation left unwritten, that
// region (and the heap below it) is marked, and the allocation is let go: the heap then
// grows into the region at one fault per 2 MiB. Importing the package does this for 64 MiB
// above the heap in use while the packages initialise, before most of a process's
// allocations; Reserve does it again, larger, for a run over large inputs.
// RESILCHECK_HUGEPAGES=off turns both off, and so does GODEBUG=disablethp=1, the runtime's
// own switch against huge pages for the heap.
package hugeheap

import (
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
)

const (
	// StartReservation is the region reserved as the process starts: the whole heap of one
	// ordinary manifest's run fits in it.
	StartReservation = 64 << 20
	// LargeReservation is the region a run over large inputs grows into.
	LargeReservation = 1 << 30
	// EnvSwitch names the environment variable that, set to "off", turns all of it off.
	EnvSwitch = "RESILCHECK_HUGEPAGES"
)

// System is what decides whether a reservation is safe and useful here.
type System struct {
	// THPMode is /sys/kernel/mm/transparent_hugepage/enabled, such as "always [madvise]
	// never": only "madvise" needs asking; "always" gives huge pages anyway, "never" none.
	THPMode string
	// THPDisabled is whether huge pages are off for this process (PR_SET_THP_DISABLE, as
	// /proc/self/status reports it), which advice does not override.
	THPDisabled bool
	// Overcommit is /proc/sys/vm/overcommit_memory: under strict accounting ("2") the
	// reservation could be refused, which Go cannot survive.
	Overcommit string
	// AddressSpaceLimited is whether RLIMIT_AS or RLIMIT_DATA bounds the process: the
	// runtime would fail to map the reservation past either, fatally.
	AddressSpaceLimited bool
	// RAM is the memory installed in bytes, 0 when unknown; MemoryLimit the container's
	// memory limit (its cgroup's), 0 when none.
	RAM, MemoryLimit uint64
}

// Allows is how much of want may be reserved on s: 0 when nothing, else at most a quarter of
// the RAM and of the container's limit, and never less than StartReservation. Only on 64-bit
// platforms, where address space is plentiful and the heap is laid out in 64 MiB arenas.
func (s System) Allows(want uint64) uint64 {
	if !is64bit || selected(s.THPMode) != "madvise" || s.THPDisabled ||
		strings.TrimSpace(s.Overcommit) == "2" || s.AddressSpaceLimited {
		return 0
	}
	for _, m := range []uint64{s.RAM, s.MemoryLimit} {
		if m > 0 && want > m/4 {
			want = m / 4
		}
	}
	if want < StartReservation {
		return 0
	}
	return want
}

const is64bit = ^uint(0)>>63 == 1

// Current reads the System this process runs on.
func Current() System {
	return System{
		THPMode:             readSmall("/sys/kernel/mm/transparent_hugepage/enabled"),
		THPDisabled:         thpDisabled(),
		Overcommit:          readSmall("/proc/sys/vm/overcommit_memory"),
		AddressSpaceLimited: addressSpaceLimited(),
		RAM:                 installedMemory(),
		MemoryLimit:         ContainerLimit(readSmall(CgroupV2MemoryMax), readSmall(CgroupV1MemoryMax)),
	}
}

// Where a container's memory limit is read: a host has one or the other.
const (
	CgroupV2MemoryMax = "/sys/fs/cgroup/memory.max"
	CgroupV1MemoryMax = "/sys/fs/cgroup/memory/memory.limit_in_bytes"
)

// ContainerLimit is the memory limit the cgroup v2 file gives, else the v1 file's (the texts
// given, empty when unreadable); 0 when none is set ("max" in v2, a value near 2^63 in v1).
func ContainerLimit(v2, v1 string) uint64 {
	text := strings.TrimSpace(v2)
	if text == "" {
		text = strings.TrimSpace(v1)
	}
	n, err := strconv.ParseUint(text, 10, 64)
	if err != nil || n >= 1<<62 {
		return 0
	}
	return n
}

// Off reports whether getenv turns huge pages off: RESILCHECK_HUGEPAGES=off, or the runtime's
// GODEBUG=disablethp=1 (the last disablethp setting in GODEBUG counts, as for the runtime).
func Off(getenv func(string) string) bool {
	if getenv == nil {
		return false
	}
	if getenv(EnvSwitch) == "off" {
		return true
	}
	off := false
	for _, kv := range strings.Split(getenv("GODEBUG"), ",") {
		if k, v, ok := strings.Cut(strings.TrimSpace(kv), "="); ok && k == "disablethp" {
			off = v == "1"
		}
	}
	return off
}

// Reserve grows the heap by size bytes it leaves unwritten, marks that region and the heap
// below it for huge pages, and returns the region to the system at once (unwritten, so
// cheaply: it weighs on neither a memory limit nor the collector). It forces a collection:
// call it once, before a large run allocates much.
func Reserve(size uint64) {
	if size == 0 || uint64(uintptr(size)) != size {
		return
	}
	reserve(uintptr(size), false)
	debug.FreeOSMemory()
}

// startedInHugePages reports whether the start-up reservation was made.
var startedInHugePages bool

func init() {
	if Off(os.Getenv) {
		return
	}
	size := Current().Allows(StartReservation)
	if size == 0 {
		return
	}
	// Reserving that much would start a collection while the region is still held; stop
	// the collector until the one collection that lets it go.
	percent := debug.SetGCPercent(-1)
	reserve(uintptr(size), true)
	runtime.GC()
	debug.SetGCPercent(percent)
	startedInHugePages = true
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

// thpDisabled reports whether /proc/self/status says huge pages are off for this process
// ("THP_enabled:\t0").
func thpDisabled() bool {
	for _, line := range strings.Split(readFile("/proc/self/status", 1<<16), "\n") {
		if v, ok := strings.CutPrefix(line, "THP_enabled:"); ok {
			return strings.TrimSpace(v) == "0"
		}
	}
	return false
}

// readSmall reads a short system file, "" when it cannot.
func readSmall(path string) string { return readFile(path, 256) }

// readFile reads a system file of at most limit bytes, "" when it cannot.
func readFile(path string, limit int) string {
	b, err := os.ReadFile(path)
	if err != nil || len(b) > limit {
		return ""
	}
	return string(b)
}
