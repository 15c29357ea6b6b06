package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/resilcheck/resilcheck/internal/audit"
	"github.com/resilcheck/resilcheck/internal/check"
)

// fakeClock is the time a progress line reads; the test moves it.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time { return c.t }

func TestProgressLineStaysOffAQuickRun(t *testing.T) {
	clock := &fakeClock{time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)}
	var w bytes.Buffer
	p := newProgressLine(&w, clock.now)
	p.update(check.Progress{FilesTotal: 3})
	clock.t = clock.t.Add(300 * time.Millisecond)
	p.update(check.Progress{Files: 3, FilesTotal: 3, Manifests: 3})
	p.clear()
	clock.t = clock.t.Add(600 * time.Millisecond)
	p.done()
	if w.Len() != 0 {
		t.Errorf("a run under a second wrote %q", w.String())
	}
}

func TestProgressLineOnALongRun(t *testing.T) {
	clock := &fakeClock{time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)}
	var w bytes.Buffer
	p := newProgressLine(&w, clock.now)
	p.update(check.Progress{FilesTotal: 128})
	clock.t = clock.t.Add(500 * time.Millisecond)
	p.update(check.Progress{Files: 64, FilesTotal: 128, Manifests: 64})
	if w.Len() != 0 {
		t.Fatalf("the bar showed before a second had passed: %q", w.String())
	}
	clock.t = clock.t.Add(time.Second)
	p.update(check.Progress{Files: 96, FilesTotal: 128, Manifests: 97})
	bar := w.String()
	if !strings.Contains(bar, "judging") || !strings.Contains(bar, "(96/128") || !strings.Contains(bar, "files/") {
		t.Fatalf("bar = %q, want what is judged, the count and the rate", bar)
	}
	// The last window fills the bar, which then clears itself.
	p.update(check.Progress{Files: 128, FilesTotal: 128, Manifests: 130,
		Summary: audit.Summary{Pass: 10, Fail: 20, NotApplicable: 30, Waived: 1, Error: 2}})
	p.clear()
	cleared := w.String()[len(bar):]
	if strings.TrimSpace(cleared) != "" || !strings.Contains(cleared, "\r") {
		t.Errorf("clear wrote %q, want the line blanked", cleared)
	}
	clock.t = clock.t.Add(700 * time.Millisecond)
	p.done()
	const want = "resilcheck: judged 128 files and 130 manifests in 2.2s: 10 pass, 20 fail, 30 not applicable, 1 waived, 2 error\n"
	if got := w.String()[len(bar)+len(cleared):]; got != want {
		t.Errorf("closing line = %q, want %q", got, want)
	}
}
