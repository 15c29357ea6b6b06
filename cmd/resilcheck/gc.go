package main

import (
	"math"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"
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
// of 10,000 services spent more than half its CPU collecting). Once the live heap reaches half
// the limit, the limit has stopped being a cap and become a cost, so the run falls back to
// Go's defaults: no limit, GOGC=100, a heap about twice what is live.
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
	debug.SetMemoryLimit(math.MaxInt64)
	debug.SetGCPercent(100)
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
