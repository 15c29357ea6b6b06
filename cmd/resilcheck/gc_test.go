package main

import (
	"runtime/metrics"
	"sync/atomic"
	"testing"
	"time"
)

func TestLiveHeapMetricExists(t *testing.T) {
	for _, d := range metrics.All() {
		if d.Name == liveHeapMetric {
			if d.Kind != metrics.KindUint64 {
				t.Fatalf("%s is of kind %v, want uint64", liveHeapMetric, d.Kind)
			}
			return
		}
	}
	t.Fatalf("the runtime has no metric %s: the collector would never be relaxed", liveHeapMetric)
}

func TestWatchLiveHeapRelaxesOnceAtHalfTheLimit(t *testing.T) {
	var live atomic.Uint64
	var relaxed atomic.Int32
	done := make(chan struct{})
	returned := make(chan struct{})
	go func() {
		watchLiveHeap(done, time.Millisecond, live.Load, func() { relaxed.Add(1) })
		close(returned)
	}()
	live.Store(softMemoryLimit/2 - 1)
	time.Sleep(20 * time.Millisecond)
	if n := relaxed.Load(); n != 0 {
		t.Fatalf("relaxed %d times below half the limit", n)
	}
	live.Store(softMemoryLimit / 2)
	select {
	case <-returned:
	case <-time.After(10 * time.Second):
		t.Fatal("the watcher did not return after relaxing")
	}
	if n := relaxed.Load(); n != 1 {
		t.Fatalf("relaxed %d times, want once", n)
	}
	close(done)
}

func TestWatchLiveHeapStopsWhenDone(t *testing.T) {
	done := make(chan struct{})
	returned := make(chan struct{})
	go func() {
		watchLiveHeap(done, time.Millisecond, func() uint64 { return 0 }, func() { t.Error("relaxed with no live heap") })
		close(returned)
	}()
	close(done)
	select {
	case <-returned:
	case <-time.After(10 * time.Second):
		t.Fatal("the watcher did not return when done")
	}
}
