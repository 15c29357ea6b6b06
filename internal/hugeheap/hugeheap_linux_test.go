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

// hugePageChild marks a test process started to measure huge pages in a fresh process.
const hugePageChild = "RESILCHECK_TEST_HUGEPAGE_CHILD"

// inChild runs the test named name in a fresh process with env added, and returns the numbers
// it printed as "key=value" words; it skips where THP is not in madvise mode.
func inChild(t *testing.T, name string, env ...string) map[string]int64 {
	t.Helper()
	if selected(readSmall("/sys/kernel/mm/transparent_hugepage/enabled")) != "madvise" {
		t.Skip("transparent huge pages are not in madvise mode here")
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

// Importing the package reserves the start of the heap: what a process allocates once its
// packages have initialised comes in huge pages, the reservation itself is no longer live,
// and RESILCHECK_HUGEPAGES=off leaves the heap in 4 KiB pages.
func TestHeapStartsInHugePages(t *testing.T) {
	if os.Getenv(hugePageChild) != "" {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		grown := touched(16 << 20)
		fmt.Printf("started=%d huge=%d live=%d\n", map[bool]int{true: 1}[StartedInHugePages()], hugeBytesAt(addr(grown)), ms.HeapAlloc)
		runtime.KeepAlive(grown)
		return
	}
	on := inChild(t, "TestHeapStartsInHugePages")
	if on["started"] != 1 || on["huge"] < 8<<20 {
		t.Errorf("16 MiB grown after start-up hold %d bytes of huge pages (reserved: %d)", on["huge"], on["started"])
	}
	if on["live"] >= StartReservation {
		t.Errorf("the heap holds %d bytes after start-up: the reservation was kept", on["live"])
	}
	off := inChild(t, "TestHeapStartsInHugePages", EnvSwitch+"=off")
	if off["started"] != 0 || off["huge"] != 0 {
		t.Errorf("with %s=off, 16 MiB grown hold %d bytes of huge pages (reserved: %d)", EnvSwitch, off["huge"], off["started"])
	}
}

// peakResident is the most memory the process has held resident so far, in bytes.
func peakResident() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return -1
	}
	return ru.Maxrss << 10
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
		fmt.Printf("started=%d grown=%d\n", map[bool]int{true: 1}[StartedInHugePages()], peakResident()-before)
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
		fmt.Printf("huge=%d\n", hugeBytesAt(addr(grown)))
		runtime.KeepAlive(grown)
		return
	}
	// Off, so that only Reserve marks anything.
	said := inChild(t, "TestReserveGrowsInHugePages", EnvSwitch+"=off")
	if said["huge"] < 32<<20 {
		t.Errorf("the 64 MiB grown after the reservation hold %d bytes of huge pages", said["huge"])
	}
}

// The heap a process used before the start-up reservation is collapsed into huge pages:
// its 2 MiB pages were part used, and the rest of each would be faulted in 4 KiB at a time.
func TestReserveCollapsesTheHeapBelow(t *testing.T) {
	if os.Getenv(hugePageChild) != "" {
		early := touched(256 << 10)
		before := hugeBytesAt(addr(early))
		reserve(StartReservation, true)
		fmt.Printf("before=%d huge=%d\n", before, hugeBytesAt(addr(early)))
		runtime.KeepAlive(early)
		return
	}
	// A zero-length request still has its advice checked: EINVAL where the kernel has no
	// MADV_COLLAPSE (before 6.1).
	if _, _, errno := syscall.Syscall(syscall.SYS_MADVISE, 0, 0, madvCollapse); errno != 0 {
		t.Skipf("no MADV_COLLAPSE here: %v", errno)
	}
	said := inChild(t, "TestReserveCollapsesTheHeapBelow", EnvSwitch+"=off")
	if said["before"] != 0 || said["huge"] < hugePage {
		t.Errorf("the heap allocated before the reservation held %d bytes of huge pages before it and %d after", said["before"], said["huge"])
	}
}
