package main

import (
	"math"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"

	"github.com/resilcheck/resilcheck/internal/hugeheap"
)

// The collector's settings for `check`. A run is short-lived: compiling a custom bundle
// allocates many small, long-lived AST nodes, and at the default GOGC=100 the collector runs
// several times before the first document is judged, so check starts at GOGC=400. The soft
// memory limit caps what GOGC=400 lets a sweep's heap grow to; a sweep's live heap is a window
// of documents and results, well under the limit, so there the limit bounds memory without
// making the collector run more (README, Performance).
//
// One large manifest is different: its judging keeps every failure domain's analysis live at
// once, and a live heap over the soft limit makes the collector run without pause (a manifest
// of 10,000 services spent more than half its CPU collecting). At a live heap of half the
// limit, the limit already collects after every limit/2 bytes allocated, as often as GOGC=100
// would; past that it collects more often than Go's defaults. So from there the run falls back
// to them, GOGC=100 and a heap about twice what is live, for the rest of the process, capped
// only by the container's memory (80% of its cgroup limit, when one is set) so that a heavy
// manifest in a container is collected harder rather than killed.
const (
	startGCPercent  = 400
	softMemoryLimit = 256 << 20
	liveHeapMetric  = "/gc/heap/live:bytes"
	gcWatchInterval = 25 * time.Millisecond
)

// tuneGC applies check's collector settings and watches the live heap until the run ends
// (call the function it returns). An explicit GOGC or GOMEMLIMIT in the environment wins,
// and then nothing is watched.
func tuneGC(stdio appIO) (stop func()) {
	if stdio.Getenv == nil || stdio.Getenv("GOGC") != "" || stdio.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	prevPercent := debug.SetGCPercent(startGCPercent)
	prevLimit := debug.SetMemoryLimit(softMemoryLimit)
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		watchLiveHeap(done, gcWatchInterval, readLiveHeap, relaxGC)
	}()
	return func() {
		close(done)
		wg.Wait()
		debug.SetGCPercent(prevPercent)
		debug.SetMemoryLimit(prevLimit)
	}
}

// watchLiveHeap calls relax once, the first time live() reaches half the soft limit, and
// returns then or when done is closed.
func watchLiveHeap(done <-chan struct{}, every time.Duration, live func() uint64, relax func()) {
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-done:
			return
		case <-tick.C:
			if live() >= softMemoryLimit/2 {
				relax()
				return
			}
		}
	}
}

func relaxGC() {
	debug.SetMemoryLimit(relaxedLimit(readFile(hugeheap.CgroupV2MemoryMax), readFile(hugeheap.CgroupV1MemoryMax)))
	debug.SetGCPercent(100)
}

// relaxedLimit is the memory limit once the collector is relaxed: 80% of the container's
// memory limit from the cgroup v2 file, else the v1 file (the text given, empty when
// unreadable: a host has one or the other), never below the soft limit, and no limit when no
// container limit is set.
func relaxedLimit(v2, v1 string) int64 {
	n := hugeheap.ContainerLimit(v2, v1)
	if n == 0 {
		return math.MaxInt64
	}
	return max(softMemoryLimit, int64(n/10*8))
}

func readFile(path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	return string(b)
}

// readLiveHeap is the heap the last collection found live (zero before the first one).
func readLiveHeap() uint64 {
	sample := []metrics.Sample{{Name: liveHeapMetric}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return sample[0].Value.Uint64()
}
