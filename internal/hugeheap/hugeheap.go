// Package hugeheap lays the heap out in transparent huge pages. Linux faults anonymous
// memory in 4 KiB at a time unless a region is marked for transparent huge pages (madvise
// MADV_HUGEPAGE, when THP is in its "madvise" mode, a common default), and Go stopped marking
// its heap in 1.21. On a virtual machine a fault costs tens of microseconds: faulting the heap
// in was a third of a 100-file run's CPU, and half of a one-manifest run's.
//
// The runtime maps each part of the heap afresh as it first grows into it, which drops any
// mark made beforehand. So the heap is first grown by one allocation left unwritten, that
// region (and the heap below it) is marked, and the allocation is let go: the heap then
// grows into the region at one fault per 2 MiB. Importing the package does this for the
// first 64 MiB while the packages initialise, before most of a process's allocations;
// Reserve does it again, larger, for a run over large inputs. RESILCHECK_HUGEPAGES=off turns
// both off.
package hugeheap

import (
	"os"
	"runtime"
	"runtime/debug"
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
	// Overcommit is /proc/sys/vm/overcommit_memory: under strict accounting ("2") the
	// reservation could be refused, which Go cannot survive.
	Overcommit string
	// AddressSpaceLimited is whether RLIMIT_AS bounds the process.
	AddressSpaceLimited bool
	// RAM is the memory installed in bytes, 0 when unknown.
	RAM uint64
}

// Allows is how much of want may be reserved on s: 0 when nothing, else at most a quarter of
// the RAM, and never less than StartReservation.
func (s System) Allows(want uint64) uint64 {
	if selected(s.THPMode) != "madvise" || strings.TrimSpace(s.Overcommit) == "2" || s.AddressSpaceLimited {
		return 0
	}
	if s.RAM > 0 && want > s.RAM/4 {
		want = s.RAM / 4
	}
	if want < StartReservation {
		return 0
	}
	return want
}

// Current reads the System this process runs on.
func Current() System {
	return System{
		THPMode:             readSmall("/sys/kernel/mm/transparent_hugepage/enabled"),
		Overcommit:          readSmall("/proc/sys/vm/overcommit_memory"),
		AddressSpaceLimited: addressSpaceLimited(),
		RAM:                 installedMemory(),
	}
}

// Off reports whether getenv turns huge pages off.
func Off(getenv func(string) string) bool {
	return getenv != nil && getenv(EnvSwitch) == "off"
}

// Reserve grows the heap by size bytes it leaves unwritten, marks that region and the heap
// below it for huge pages, and returns the region to the system at once (unwritten, so
// cheaply: it weighs on neither a memory limit nor the collector). It forces a collection: call it
// once, before a large run allocates much.
func Reserve(size uint64) {
	if size == 0 || uint64(uintptr(size)) != size {
		return
	}
	reserve(uintptr(size), false)
	debug.FreeOSMemory()
}

// startedInHugePages reports whether the start-up reservation was made.
var startedInHugePages bool

// StartedInHugePages reports whether the heap was reserved in huge pages as the process
// started.
func StartedInHugePages() bool { return startedInHugePages }

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

// readSmall reads a short system file, "" when it cannot.
func readSmall(path string) string {
	b, err := os.ReadFile(path)
	if err != nil || len(b) > 256 {
		return ""
	}
	return string(b)
}
