package main

import (
	"math"
	"runtime/debug"
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

// currentGC reads the collector settings without changing them.
func currentGC() (percent int, limit int64) {
	percent = debug.SetGCPercent(100)
	debug.SetGCPercent(percent)
	return percent, debug.SetMemoryLimit(-1)
}

func TestTuneGCSetsAndRestores(t *testing.T) {
	debug.SetGCPercent(123)
	debug.SetMemoryLimit(999 << 20)
	t.Cleanup(func() { debug.SetGCPercent(100); debug.SetMemoryLimit(math.MaxInt64) })

	stop := tuneGC(appIO{Getenv: func(string) string { return "" }})
	if p, l := currentGC(); p != startGCPercent || l != softMemoryLimit {
		t.Errorf("during the run: GOGC %d, limit %d; want %d, %d", p, l, startGCPercent, softMemoryLimit)
	}
	stop()
	if p, l := currentGC(); p != 123 || l != 999<<20 {
		t.Errorf("after the run: GOGC %d, limit %d; want the settings from before, 123 and %d", p, l, 999<<20)
	}
}

func TestTuneGCLeavesExplicitSettings(t *testing.T) {
	debug.SetGCPercent(123)
	debug.SetMemoryLimit(999 << 20)
	t.Cleanup(func() { debug.SetGCPercent(100); debug.SetMemoryLimit(math.MaxInt64) })
	for _, name := range []string{"GOGC", "GOMEMLIMIT"} {
		stop := tuneGC(appIO{Getenv: func(k string) string {
			if k == name {
				return "200"
			}
			return ""
		}})
		if p, l := currentGC(); p != 123 || l != 999<<20 {
			t.Errorf("with %s set: GOGC %d, limit %d; want them untouched", name, p, l)
		}
		stop()
	}
}

func TestWatchLiveHeapRelaxesOnceAtHalfTheLimit(t *testing.T) {
	var live atomic.Uint64
	var reads, relaxed atomic.Int32
	read := func() uint64 { reads.Add(1); return live.Load() }
	done := make(chan struct{})
	returned := make(chan struct{})
	live.Store(softMemoryLimit/2 - 1)
	go func() {
		watchLiveHeap(done, time.Millisecond, read, func() { relaxed.Add(1) })
		close(returned)
	}()
	waitFor(t, func() bool { return reads.Load() >= 5 })
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
	var reads atomic.Int32
	go func() {
		watchLiveHeap(done, time.Millisecond, func() uint64 { reads.Add(1); return 0 }, func() {})
		close(returned)
	}()
	waitFor(t, func() bool { return reads.Load() >= 1 })
	close(done)
	select {
	case <-returned:
	case <-time.After(10 * time.Second):
		t.Fatal("the watcher did not return when done")
	}
}

func TestRelaxedLimit(t *testing.T) {
	for _, c := range []struct {
		v2, v1 string
		want   int64
	}{
		{"", "", math.MaxInt64},
		{"max\n", "", math.MaxInt64},
		{"2147483648\n", "", 2147483648 / 10 * 8},
		{"", "1073741824\n", 1073741824 / 10 * 8},
		{"", "9223372036854771712\n", math.MaxInt64}, // v1's "no limit"
		{"max\n", "1073741824\n", math.MaxInt64},     // v2 decides where it is present
		{"104857600\n", "", softMemoryLimit},         // never below the soft limit
	} {
		if got := relaxedLimit(c.v2, c.v1); got != c.want {
			t.Errorf("relaxedLimit(%q, %q) = %d, want %d", c.v2, c.v1, got, c.want)
		}
	}
}

// waitFor polls cond until it holds, failing the test after 10 seconds.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !cond(); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("condition not met within 10 s")
		}
	}
}
