package check

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/resilcheck/resilcheck/internal/audit"
	"github.com/resilcheck/resilcheck/internal/manifest"
	"github.com/resilcheck/resilcheck/reports"
)

// The pipeline reads, validates and judges a window of files at a time and drops each
// window's documents; the report must not depend on where the windows fall: same bytes with
// a window of 3 files as with one window for everything, including a name reused across
// windows, a file that does not parse and a file with two documents.
func TestWindowsChangeNothing(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile(minimal)
	if err != nil {
		t.Fatal(err)
	}
	named := func(name string) string {
		return strings.Replace(string(good), "name: example-minimal", "name: "+name, 1)
	}
	for i := 0; i < 11; i++ {
		writeFile(t, dir, fmt.Sprintf("m%02d.yaml", i), named(fmt.Sprintf("provider-%02d", i)))
	}
	writeFile(t, dir, "m04b.yaml", named("provider-01")) // the name of a file two windows back
	writeFile(t, dir, "m07b.yaml", "apiVersion: [unclosed\n")
	writeFile(t, dir, "m09b.yaml", named("stream-a")+"---\n"+named("stream-b"))

	render := func(size int) []byte {
		defer func(prev int) { window = prev }(window)
		window = size
		return renderJSON(t, run(t, Options{Paths: []string{dir}}))
	}
	whole, windowed := render(1000), render(3)
	if !bytes.Equal(whole, windowed) {
		t.Fatalf("windows of 3 files changed the report:\n%s\n---\n%s", whole, windowed)
	}
	for _, want := range []string{`provider-01\" is already used by the manifest at `, "m01.yaml:6:", "stream-b", "m07b.yaml"} {
		if !bytes.Contains(whole, []byte(want)) {
			t.Errorf("report lacks %q", want)
		}
	}
}

// A sweep hands each window's manifests to its reports as they are judged; every format must
// come out as it does from the whole report held in memory, with files named out of order,
// a broken file and a file of two documents.
func TestStreamedReportsAreTheWholeOnes(t *testing.T) {
	defer func(prev int) { window = prev }(window)
	window = 2
	dir := t.TempDir()
	good, err := os.ReadFile(minimal)
	if err != nil {
		t.Fatal(err)
	}
	named := func(name string) string {
		return strings.Replace(string(good), "name: example-minimal", "name: "+name, 1)
	}
	var paths []string
	for _, i := range []int{5, 1, 3, 0, 4, 2} {
		paths = append(paths, writeFile(t, dir, fmt.Sprintf("m%02d.yaml", i), named(fmt.Sprintf("provider-%02d", i))))
	}
	paths = append(paths,
		writeFile(t, dir, "m03b.yaml", "apiVersion: [unclosed\n"),
		writeFile(t, dir, "m01b.yaml", named("stream-a")+"---\n"+named("stream-b")))
	whole := run(t, Options{Paths: paths})
	if len(whole.Manifests) != 9 || whole.Manifests[0].Name != "provider-00" {
		t.Fatalf("the run is not in report order: %+v", whole.Manifests)
	}
	for _, format := range reports.Formats() {
		rend, _ := reports.Lookup(format)
		var want bytes.Buffer
		if err := rend.Render(&want, whole, reports.Options{}); err != nil {
			t.Fatal(err)
		}
		s, err := reports.NewStream(format, reports.Options{})
		if err != nil {
			t.Fatal(err)
		}
		out, err := Stream(context.Background(), Options{Paths: paths, AsOf: "2026-11-22",
			Tool: audit.Tool{Name: "resilcheck", Version: "test", OPAVersion: "test"}}, s)
		if err != nil {
			t.Fatal(err)
		}
		if len(out.Problems) != 1 || !out.Gate.Failed("") {
			t.Errorf("%s: outcome has %d problems, failed=%v; want the broken file's one problem and a failure", format, len(out.Problems), out.Gate.Failed(""))
		}
		var got bytes.Buffer
		if err := s.Finish(&got); err != nil {
			t.Fatal(err)
		}
		s.Close()
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%s: the streamed report differs from the whole one (%d vs %d bytes)", format, got.Len(), want.Len())
		}
	}
}

// minimalCopies writes n copies of the minimal manifest into a new directory, m00.yaml named
// p00 and on, and returns the directory and the manifest's text.
func minimalCopies(t *testing.T, n int) (dir, good string) {
	t.Helper()
	b, err := os.ReadFile(minimal)
	if err != nil {
		t.Fatal(err)
	}
	dir, good = t.TempDir(), string(b)
	for i := range n {
		writeFile(t, dir, fmt.Sprintf("m%02d.yaml", i), strings.Replace(good, "name: example-minimal", fmt.Sprintf("name: p%02d", i), 1))
	}
	return dir, good
}

// fixedWindows makes every window n files, without nextWindow's ramp, until the test ends.
func fixedWindows(t *testing.T, n int) {
	prevWindow, prevRamp := window, rampWindows
	window, rampWindows = n, false
	t.Cleanup(func() { window, rampWindows = prevWindow, prevRamp })
}

type failingSink struct{ added int }

func (f *failingSink) Begin(*audit.Report) error { return nil }
func (f *failingSink) Add(audit.Manifest, []audit.Result) error {
	f.added++
	return errors.New("no space left on device")
}

// A report that can no longer be spooled stops the run: it could not be complete.
func TestAFailingSinkStopsTheRun(t *testing.T) {
	sink := &failingSink{}
	_, err := Stream(context.Background(), Options{Paths: []string{minimal, minimal + "-missing"}, AsOf: "2026-11-22"}, sink)
	var se *SinkError
	if !errors.As(err, &se) || !strings.Contains(err.Error(), "no space left") {
		t.Fatalf("got %v, want the sink's error", err)
	}
	if sink.added != 1 {
		t.Errorf("the run went on after the sink failed: %d manifests added", sink.added)
	}
}

// TestProgressCountsWhatReachedTheReports: the progress a terminal shows starts at zero with
// the run's size, grows window by window, and ends at every file with the report's totals.
func TestProgressCountsWhatReachedTheReports(t *testing.T) {
	fixedWindows(t, 2)
	dir, good := minimalCopies(t, 5)
	writeFile(t, dir, "m05.yaml", good+"---\n"+strings.Replace(good, "name: example-minimal", "name: second", 1))
	var seen []Progress
	r := run(t, Options{Paths: []string{dir}, Progress: func(p Progress) { seen = append(seen, p) }})
	if len(seen) != 4 {
		t.Fatalf("progress calls = %d, want the start and one per window of 2 files (3): %+v", len(seen), seen)
	}
	if seen[0] != (Progress{FilesTotal: 6}) {
		t.Errorf("first call = %+v, want nothing judged of 6 files", seen[0])
	}
	for i, want := range []struct{ files, manifests int }{{2, 2}, {4, 4}, {6, 7}} {
		if p := seen[i+1]; p.Files != want.files || p.Manifests != want.manifests || p.FilesTotal != 6 {
			t.Errorf("call %d = %+v, want %d files and %d manifests of 6 files", i+1, p, want.files, want.manifests)
		}
	}
	if last := seen[len(seen)-1]; last.Summary != r.Summary {
		t.Errorf("last call counts %+v, the report %+v", last.Summary, r.Summary)
	}
}

// TestWindowSizes: windows start at a quarter of window and double, so the first documents
// are judged soon; none is larger than window; and the last ones shrink, so the window
// rendered alone at the end is small. Every file is read once, in order.
func TestWindowSizes(t *testing.T) {
	sizes := func(total int) []int {
		in := &inputs{total: total}
		var out []int
		for in.count < in.total {
			n := in.nextWindow()
			if n <= 0 {
				t.Fatalf("%d files: a window of %d after %v", total, n, out)
			}
			out = append(out, n)
			in.count += n
			in.windows++
		}
		return out
	}
	if got, want := sizes(100), []int{8, 16, 32, 22, 11, 8, 3}; !slices.Equal(got, want) {
		t.Errorf("100 files: windows %v, want %v", got, want)
	}
	for _, total := range []int{1, 5, 8, 9, 31, 64, 1000, 10000} {
		got := sizes(total)
		sum := 0
		for _, n := range got {
			sum += n
			if n > window {
				t.Errorf("%d files: a window of %d, over %d", total, n, window)
			}
		}
		if sum != total {
			t.Errorf("%d files: windows %v read %d", total, got, sum)
		}
		if got[0] > window/4 || got[len(got)-1] > window/4 {
			t.Errorf("%d files: windows %v: the first and the last should be at most %d", total, got, window/4)
		}
	}
}

var errInterrupted = errors.New("interrupted")

// An interrupted sweep stops reading: Stream returns the cancellation's cause, and no window
// after the one being read when the run was cancelled is read.
func TestCancelledStreamStopsReading(t *testing.T) {
	fixedWindows(t, 2)
	dir, _ := minimalCopies(t, 12)
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	var inspected atomic.Int64
	inspect := func(*manifest.Document) {
		if inspected.Add(1) == 3 {
			cancel(errInterrupted) // in the second window
		}
	}
	c := &collector{}
	if _, err := Stream(ctx, Options{Paths: []string{dir}, AsOf: "2026-11-22", Inspect: inspect}, c); !errors.Is(err, errInterrupted) {
		t.Fatalf("Stream: %v, want the cancellation's cause", err)
	}
	if n := inspected.Load(); n > 4 {
		t.Errorf("%d of 12 files read; the run was cancelled in the second window of 2", n)
	}
	if len(c.manifests) > 2 {
		t.Errorf("%d manifests reached the reports; only the first window was judged before the cancellation", len(c.manifests))
	}
}
