package parallel

import (
	"context"
	"sync/atomic"
	"testing"
)

func TestFor(t *testing.T) {
	tests := []struct {
		name       string
		n, workers int
	}{
		{"nothing to do", 0, 4},
		{"one item runs inline", 1, 4},
		{"one worker", 50, 1},
		{"more items than workers", 1000, 3},
		{"more workers than items", 3, 16},
		{"default workers", 200, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			seen := make([]int32, tc.n)
			var running, peak atomic.Int32
			For(tc.n, tc.workers, func(i int) {
				now := running.Add(1)
				for {
					p := peak.Load()
					if now <= p || peak.CompareAndSwap(p, now) {
						break
					}
				}
				atomic.AddInt32(&seen[i], 1)
				running.Add(-1)
			})
			for i, c := range seen {
				if c != 1 {
					t.Fatalf("item %d ran %d times", i, c)
				}
			}
			if tc.workers > 0 && int(peak.Load()) > tc.workers {
				t.Fatalf("%d calls ran at once, limit %d", peak.Load(), tc.workers)
			}
		})
	}
}

// Ahead hands over every result in order, making at most one the caller has not taken yet;
// stopping early, or a cancelled context, ends it without calling next again.
func TestAhead(t *testing.T) {
	counter := func(n int, made *atomic.Int32) func() (int, bool) {
		return func() (int, bool) {
			i := int(made.Load())
			if i == n {
				return 0, false
			}
			made.Add(1)
			return i, true
		}
	}
	var made atomic.Int32
	results, stop := Ahead(context.Background(), counter(50, &made))
	want := 0
	for v := range results {
		if v != want {
			t.Fatalf("got %d, want %d", v, want)
		}
		want++
		if ahead := int(made.Load()) - want; ahead > 1 {
			t.Fatalf("%d results made ahead of the caller", ahead)
		}
	}
	stop()
	if want != 50 {
		t.Fatalf("%d results, want 50", want)
	}

	made.Store(0)
	results, stop = Ahead(context.Background(), counter(1000, &made))
	<-results
	stop()
	stop() // a second stop is harmless
	if n := made.Load(); n > 3 {
		t.Errorf("next was called %d times after one result was taken and the rest stopped", n)
	}

	made.Store(0)
	ctx, cancel := context.WithCancel(context.Background())
	results, stop = Ahead(ctx, counter(1000, &made))
	<-results
	cancel()
	n := 0
	for range results {
		n++
	}
	stop()
	if n > 2 || made.Load() > 3 {
		t.Errorf("after the cancellation: %d more results handed over, next called %d times", n, made.Load())
	}
}
