package parallel

import (
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
