package check

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"

	"github.com/resilcheck/resilcheck/internal/manifest"
)

// TestInputsReadStopsBeforeTheLastWindow: Options.InputsRead is called once every input has
// been read and inspected, before the last window is judged, and an error from it stops the
// run there: Stream returns it and the sink receives nothing more.
func TestInputsReadStopsBeforeTheLastWindow(t *testing.T) {
	fixedWindows(t, 2)
	paths := []string{"../../testdata/manifests/kakao-2022-10-15.yaml", "../../testdata/manifests/naver-2022-10-15.yaml",
		"../../testdata/manifests/small-provider.yaml", "../../testdata/siteloss/campus.yaml", "../../testdata/manifests/kakao-remediated.yaml"}
	stop := errors.New("stop")
	var inspected atomic.Int64
	calls := 0
	c := &collector{}
	opts := Options{Paths: paths, AsOf: "2026-11-22", SiteLossOnly: true,
		Inspect: func(*manifest.Document) { inspected.Add(1) },
		InputsRead: func() error {
			calls++
			if inspected.Load() != int64(len(paths)) {
				t.Errorf("%d of %d documents inspected when the inputs were all read", inspected.Load(), len(paths))
			}
			return stop
		}}
	if _, err := Stream(context.Background(), opts, c); !errors.Is(err, stop) {
		t.Fatalf("Stream: %v, want the hook's error", err)
	}
	// Windows of 2, 2 and 1 files: the last is never judged, and at most the two before it
	// reach the sink.
	if calls != 1 || len(c.manifests) > 4 {
		t.Errorf("hook called %d times, %d manifests reached the sink: want once, at most 4", calls, len(c.manifests))
	}
	for _, m := range c.manifests {
		if m.SiteLoss == nil && len(m.Problems) == 0 {
			t.Errorf("%s: no site-loss analysis", m.Name)
		}
	}
	opts.InputsRead = func() error { return nil }
	out, err := Stream(context.Background(), opts, c)
	if err != nil || out == nil {
		t.Fatalf("Stream: %v", err)
	}
}
