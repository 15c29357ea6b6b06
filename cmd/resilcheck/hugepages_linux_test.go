package main

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
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

// Where the kernel gives huge pages on request, heap grown after the reservation comes in huge
// pages. The measure is taken in a fresh process: runs judged in this one have reserved
// their own heap already.
func TestReservedHeapGrowsInHugePages(t *testing.T) {
	if os.Getenv(hugePageChild) != "" {
		reserveHugePages(heapPlan{size: 256 << 20, release: true})
		grown := make([]byte, 64<<20)
		for i := 0; i < len(grown); i += 4096 {
			grown[i] = 1
		}
		fmt.Printf("huge=%d\n", hugeBytesAt(uintptr(unsafe.Pointer(unsafe.SliceData(grown)))))
		runtime.KeepAlive(grown)
		return
	}
	if selected(readSmall("/sys/kernel/mm/transparent_hugepage/enabled")) != "madvise" {
		t.Skip("transparent huge pages are not in madvise mode here")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestReservedHeapGrowsInHugePages$", "-test.count=1")
	cmd.Env = append(os.Environ(), hugePageChild+"=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	_, after, ok := strings.Cut(string(out), "huge=")
	if !ok {
		t.Fatalf("the child said nothing of huge pages: %s", out)
	}
	huge, err := strconv.ParseInt(strings.Fields(after)[0], 10, 64)
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if huge < 0 {
		t.Skip("the kernel does not report AnonHugePages")
	}
	if huge < 32<<20 {
		t.Errorf("the 64 MiB grown after the reservation hold %d bytes of huge pages", huge)
	}
}
