package main

import (
	"fmt"
	"io"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/resilcheck/resilcheck/internal/audit"
	"github.com/resilcheck/resilcheck/internal/check"
)

// progressAfter is how long a run stays silent before it shows progress: a single manifest
// is judged in a fraction of it, and a line that flashes and vanishes only distracts.
const progressAfter = time.Second

// progressLine shows a long run on a terminal: a bar with files judged, rate and time left
// on standard error once the run has taken progressAfter, then a closing line of what was
// judged. The caller creates it only for a terminal and without -q, so a pipe, a log file
// or a report never sees either.
type progressLine struct {
	w     *delayedWriter
	bar   *progressbar.ProgressBar
	last  check.Progress
	start time.Time
	now   func() time.Time
}

func newProgressLine(w io.Writer, now func() time.Time) *progressLine {
	p := &progressLine{start: now(), now: now}
	p.w = &delayedWriter{w: w, from: p.start.Add(progressAfter), now: now}
	return p
}

// update is check.Options.Progress.
func (p *progressLine) update(pr check.Progress) {
	p.last = pr
	if p.bar == nil {
		// Created at the first call, when the judging starts, not when the line first shows,
		// so the rate and the time left count from the start. Updates come a window of files
		// at a time, a few a second at most: no throttle needed.
		p.bar = progressbar.NewOptions(pr.FilesTotal,
			progressbar.OptionSetWriter(p.w),
			progressbar.OptionSetDescription("judging"),
			progressbar.OptionSetWidth(24),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("files"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionClearOnFinish(),
		)
	}
	_ = p.bar.Set(pr.Files)
}

// clear takes the bar off the terminal before anything else is printed there.
func (p *progressLine) clear() {
	if p.bar != nil && p.w.open() {
		_ = p.bar.Clear()
	}
}

// done says, for a run that took long enough to show the bar, what was judged and how long
// it took.
func (p *progressLine) done() {
	if elapsed := p.now().Sub(p.start); elapsed >= progressAfter {
		fmt.Fprintln(p.w.w, closingLine(p.last, elapsed))
	}
}

func closingLine(pr check.Progress, elapsed time.Duration) string {
	s := pr.Summary
	return fmt.Sprintf("resilcheck: judged %d %s and %d %s in %s: %s",
		pr.Files, plural(pr.Files, "file", "files"), pr.Manifests, plural(pr.Manifests, "manifest", "manifests"),
		elapsed.Round(100*time.Millisecond), tally(s))
}

func tally(s audit.Summary) string {
	return fmt.Sprintf("%d pass, %d fail, %d not applicable, %d waived, %d error", s.Pass, s.Fail, s.NotApplicable, s.Waived, s.Error)
}

// delayedWriter drops what is written before from: the bar renders from its first update,
// and a run that ends sooner leaves the terminal as it found it.
type delayedWriter struct {
	w    io.Writer
	from time.Time
	now  func() time.Time
}

func (d *delayedWriter) open() bool { return !d.now().Before(d.from) }

func (d *delayedWriter) Write(b []byte) (int, error) {
	if !d.open() {
		return len(b), nil
	}
	return d.w.Write(b)
}
