package hugeheap

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"unsafe"
)

// hugeBytesAt is how much of the mapping holding addr is in transparent huge pages, as
// /proc/self/smaps says; -1 when it does not say.
func hugeBytesAt(addr uintptr) int64 {
	b, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		return -1
	}
	inside := false
	for _, line := range strings.Split(string(b), "\n") {
		fields := strings.Fields(line)
		if len(fields) > 0 && strings.Contains(fields[0], "-") && !strings.HasSuffix(fields[0], ":") {
			lo, hi, _ := strings.Cut(fields[0], "-")
			from, err1 := strconv.ParseUint(lo, 16, 64)
			to, err2 := strconv.ParseUint(hi, 16, 64)
			inside = err1 == nil && err2 == nil && uint64(addr) >= from && uint64(addr) < to
			continue
		}
		if inside && len(fields) >= 2 && fields[0] == "AnonHugePages:" {
			kb, err := strconv.ParseInt(fields[1], 10, 64)
			if err != nil {
				return -1
			}
			return kb << 10
		}
	}
	return -1
}

// hugeBytesIn is how much of the whole 2 MiB pages within [addr, addr+n) is in huge pages.
// The heap is one mapping around it, whose total would count huge pages elsewhere: the range
// is first made a mapping of its own, by advice that changes nothing but core dumps.
func hugeBytesIn(addr, n uintptr) int64 {
	lo := (addr + hugePage - 1) &^ (hugePage - 1)
	hi := (addr + n) &^ (hugePage - 1)
	if lo >= hi {
		return -1
	}
	const madvDontDump = 16
	if _, _, errno := syscall.Syscall(syscall.SYS_MADVISE, lo, hi-lo, madvDontDump); errno != 0 {
		return -1
	}
	return hugeBytesAt(lo)
}

// kernelGivesHugePages reports whether a region marked for huge pages gets one when touched:
// not where the kernel cannot find 2 MiB free at once (defrag off or deferred, fragmented or
// scarce memory, a tight container).
func kernelGivesHugePages() bool {
	region, err := syscall.Mmap(-1, 0, 2*hugePage, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return false
	}
	defer syscall.Munmap(region)
	lo := (addr(region) + hugePage - 1) &^ (hugePage - 1)
	if _, _, errno := syscall.Syscall(syscall.SYS_MADVISE, lo, hugePage, madvHugePage); errno != 0 {
		return false
	}
	region[lo-addr(region)] = 1
	return hugeBytesAt(lo) >= hugePage
}

// hugePageChild marks a test process started to measure huge pages in a fresh process.
const hugePageChild = "RESILCHECK_TEST_HUGEPAGE_CHILD"

// inChild runs the test named name in a fresh process with env added, and returns the numbers
// it printed as "key=value" words. It skips where this process could not reserve (THP not in
// madvise mode or off for the process, limits) or the kernel gives no huge page on request.
func inChild(t *testing.T, name string, env ...string) map[string]int64 {
	t.Helper()
	if Current().Allows(StartReservation) == 0 {
		t.Skip("no huge pages may be reserved here")
	}
	if !kernelGivesHugePages() {
		t.Skip("the kernel gives no huge page on request here")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^"+name+"$", "-test.count=1")
	cmd.Env = append(append(os.Environ(), hugePageChild+"=1"), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	said := map[string]int64{}
	for _, w := range strings.Fields(string(out)) {
		k, v, ok := strings.Cut(w, "=")
		if n, err := strconv.ParseInt(v, 10, 64); ok && err == nil {
			said[k] = n
		}
	}
	if said["huge"] < 0 || said["before"] < 0 {
		t.Skip("the kernel does not report AnonHugePages")
	}
	return said
}

// touched allocates n bytes and writes to every page of them.
func touched(n int) []byte {
	b := make([]byte, n)
	for i := 0; i < len(b); i += 4096 {
		b[i] = 1
	}
	return b
}

func addr(b []byte) uintptr { return uintptr(unsafe.Pointer(unsafe.SliceData(b))) }

func flag(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Importing the package reserves the heap as the process starts: what a process allocates
// once its packages have initialised comes in huge pages, the reservation itself is no longer
// live, and RESILCHECK_HUGEPAGES=off or GODEBUG=disablethp=1 leave the heap in 4 KiB pages.
func TestHeapStartsInHugePages(t *testing.T) {
	if os.Getenv(hugePageChild) != "" {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		grown := touched(16 << 20)
		fmt.Printf("started=%d huge=%d live=%d\n", flag(startedInHugePages), hugeBytesIn(addr(grown), uintptr(len(grown))), ms.HeapAlloc)
		runtime.KeepAlive(grown)
		return
	}
	on := inChild(t, "TestHeapStartsInHugePages")
	// 16 MiB hold at least seven whole 2 MiB pages wherever they start.
	if on["started"] != 1 || on["huge"] < 7*hugePage {
		t.Errorf("of 16 MiB grown after start-up, %d bytes are in huge pages (reserved: %d)", on["huge"], on["started"])
	}
	if on["live"] >= StartReservation {
		t.Errorf("the heap holds %d bytes after start-up: the reservation was kept", on["live"])
	}
	for _, env := range []string{EnvSwitch + "=off", "GODEBUG=disablethp=1"} {
		off := inChild(t, "TestHeapStartsInHugePages", env)
		if off["started"] != 0 || off["huge"] != 0 {
			t.Errorf("with %s, %d bytes of 16 MiB grown are in huge pages (reserved: %d)", env, off["huge"], off["started"])
		}
	}
}

// peakResident is the most memory the process has held resident so far, in bytes.
func peakResident() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return -1
	}
	return int64(ru.Maxrss) << 10
}

// A large reservation is not written, not even where it starts in memory the heap has used
// and let go, which the runtime zeroes before it hands it out again: the region the start-up
// reservation left free, or garbage at the top of the heap as here.
func TestReserveTouchesNothing(t *testing.T) {
	if os.Getenv(hugePageChild) != "" {
		garbage := touched(16 << 20)
		runtime.KeepAlive(garbage)
		garbage = nil
		runtime.GC()
		before := peakResident()
		Reserve(256 << 20)
		fmt.Printf("started=%d grown=%d\n", flag(startedInHugePages), peakResident()-before)
		return
	}
	for _, env := range []string{EnvSwitch + "=on", EnvSwitch + "=off"} {
		said := inChild(t, "TestReserveTouchesNothing", env)
		// The runtime's own bookkeeping for a quarter of a gigabyte is well under a megabyte.
		if said["grown"] > 32<<20 {
			t.Errorf("%s: reserving 256 MiB held %d more bytes resident at its peak (start-up reservation: %d)", env, said["grown"], said["started"])
		}
	}
}

// Reserve, for a large run, makes the heap grown after it come in huge pages.
func TestReserveGrowsInHugePages(t *testing.T) {
	if os.Getenv(hugePageChild) != "" {
		Reserve(256 << 20)
		grown := touched(64 << 20)
		fmt.Printf("huge=%d\n", hugeBytesIn(addr(grown), uintptr(len(grown))))
		runtime.KeepAlive(grown)
		return
	}
	// Off, so that only Reserve marks anything.
	said := inChild(t, "TestReserveGrowsInHugePages", EnvSwitch+"=off")
	if said["huge"] < 31*hugePage {
		t.Errorf("of the 64 MiB grown after the reservation, %d bytes are in huge pages", said["huge"])
	}
}

// The heap a process used before the start-up reservation is collapsed into huge pages:
// its 2 MiB pages were part used, and the rest of each would be faulted in 4 KiB at a time.
func TestReserveCollapsesTheHeapBelow(t *testing.T) {
	if os.Getenv(hugePageChild) != "" {
		early := touched(256 << 10)
		page := addr(early) &^ (hugePage - 1)
		// Left unwritten, between: the reservation starts in another 2 MiB page than early's.
		spacer := make([]byte, 2*hugePage)
		before := hugeBytesAt(page)
		reserve(StartReservation, true)
		fmt.Printf("before=%d huge=%d\n", before, hugeBytesIn(page, hugePage))
		runtime.KeepAlive(early)
		runtime.KeepAlive(spacer)
		return
	}
	// A zero-length request still has its advice checked: EINVAL where the kernel has no
	// MADV_COLLAPSE (before 6.1).
	if _, _, errno := syscall.Syscall(syscall.SYS_MADVISE, 0, 0, madvCollapse); errno != 0 {
		t.Skipf("no MADV_COLLAPSE here: %v", errno)
	}
	said := inChild(t, "TestReserveCollapsesTheHeapBelow", EnvSwitch+"=off")
	if said["before"] != 0 || said["huge"] != hugePage {
		t.Errorf("the 2 MiB page holding heap allocated before the reservation held %d bytes of huge pages before it and %d after", said["before"], said["huge"])
	}
}
