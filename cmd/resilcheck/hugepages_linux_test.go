package main

import (
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// anonHugeBytes is the process's memory in transparent huge pages, -1 when the kernel does
// not say.
func anonHugeBytes(t *testing.T) int64 {
	t.Helper()
	b, err := os.ReadFile("/proc/self/smaps_rollup")
	if err != nil {
		return -1
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "AnonHugePages:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			if err != nil {
				t.Fatalf("AnonHugePages: %q", rest)
			}
			return kb << 10
		}
	}
	return -1
}

// Where the kernel gives huge pages on request, memory the heap grows into after the
// reservation comes in huge pages.
func TestReservedHeapGrowsInHugePages(t *testing.T) {
	if selected(readSmall("/sys/kernel/mm/transparent_hugepage/enabled")) != "madvise" {
		t.Skip("transparent huge pages are not in madvise mode here")
	}
	before := anonHugeBytes(t)
	if before < 0 {
		t.Skip("the kernel does not report AnonHugePages")
	}
	reserveHugePages(heapPlan{size: 256 << 20, release: true})
	grown := make([]byte, 64<<20)
	for i := 0; i < len(grown); i += 4096 {
		grown[i] = 1
	}
	after := anonHugeBytes(t)
	if after-before < 8<<20 {
		t.Errorf("huge pages went from %d to %d bytes after touching 64 MiB of new heap", before, after)
	}
	runtime.KeepAlive(grown)
}
