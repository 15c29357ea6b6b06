// Package check is the pipeline one `resilcheck check` runs: load the inputs, validate
// them, evaluate the controls, apply waivers, count and sort. It is the only place that
// knows the order of those steps; the CLI turns flags into Options and the report into
// output and an exit code.
package check

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"github.com/resilcheck/resilcheck/internal/audit"
	"github.com/resilcheck/resilcheck/internal/engine"
	"github.com/resilcheck/resilcheck/internal/manifest"
	"github.com/resilcheck/resilcheck/internal/parallel"
	"github.com/resilcheck/resilcheck/internal/validate"
	"github.com/resilcheck/resilcheck/internal/waiver"
)

// Options are everything one run needs. Nothing here is read from the environment.
type Options struct {
	Paths       []string // files, directories, "-" for stdin
	PolicyDirs  []string // --policy directories, added to the built-in bundle
	DataFiles   []string // --data files of parameter overrides
	AsOf        string   // YYYY-MM-DD audit date
	Fail        []string // failure domains to take down (simulate)
	Timeout     time.Duration
	MaxFileSize int64
	Stdin       io.Reader
	Workers     int
	Evaluator   engine.Evaluator // "" is engine.EvaluatorAuto

	// SiteLossOnly judges no control: each manifest gets its site-loss analysis alone (what
	// simulate prints), and verdicts only when the analysis did not finish (see
	// engine.Options.SiteLossOnly).
	SiteLossOnly bool
	// Inspect, when set, is shown every decoded document (valid or not) before the pipeline
	// drops it, for what a caller needs of the input itself (simulate: the declared ids).
	// It is called from several goroutines at once, before the document's manifest reaches
	// the sink.
	Inspect func(d *manifest.Document)
	// InputsRead, when set, is called once every input has been read (and inspected),
	// before the last window is judged: an error stops the run there, and Stream returns
	// it. (simulate refuses an unknown --fail id before judging a run of one window.)
	InputsRead func() error

	// Sources, when set, are the inputs already loaded (by a test, say): Paths, MaxFileSize
	// and Stdin are then not read again.
	Sources []*manifest.Source

	// Waivers is a waiver file (schemas/waivers.v1.schema.json); "" for none.
	Waivers string
	// Warn receives notes the user should act on but that do not change the verdict:
	// expired or unused waivers. Nil discards them.
	Warn func(msg string)
	// Baseline, when set, holds the findings of an earlier audit: a failed control whose
	// every finding it holds is marked so in the reports and does not fail the gate.
	Baseline *Baseline
	// Settings is the settings file the command read, recorded in the report.
	Settings *audit.SettingsUse

	// Progress, when set, is told how far a run is: once when the judging starts, then each
	// time a window of judged manifests has reached the reports, one call at a time. It must
	// return quickly: the reports wait.
	Progress func(Progress)

	Tool    audit.Tool
	Command []string // the command line as given, for the report
}

// Engine builds the engine for a run from the options: the built-in bundle plus the
// --policy directories, the --data files and the run context. The CLI's rules and explain
// commands use it too, so every command sees the same bundle.
func Engine(ctx context.Context, opts Options) (*engine.Engine, error) {
	return buildEngine(ctx, opts, nil)
}

// Progress is how far a run has got: what a progress line on a terminal shows.
type Progress struct {
	Files      int // input files read, validated and judged so far
	FilesTotal int // input files in the run
	Manifests  int // manifests handed to the reports so far
	// Summary counts the verdicts handed to the reports so far, waivers applied.
	Summary audit.Summary
}

// buildEngine is Engine with work to run while the bundle compiles (see
// engine.Options.WhileCompiling).
func buildEngine(ctx context.Context, opts Options, whileCompiling func()) (*engine.Engine, error) {
	srcs := []engine.PolicySource{engine.Builtin()}
	for _, d := range opts.PolicyDirs {
		// A -p path that is missing or not a directory is a mistyped input (the README's exit
		// 2), not a broken bundle (exit 3, which a CI gate reads as "the rules are wrong"):
		// so it is a plain error, not an *engine.BundleError, with the CLI's wording.
		fi, err := os.Stat(d)
		switch {
		case err != nil && os.IsNotExist(err):
			return nil, fmt.Errorf("--policy %s: no such directory", d)
		case err != nil:
			return nil, fmt.Errorf("--policy %s: %s", d, describe(err))
		case !fi.IsDir():
			return nil, fmt.Errorf("--policy %s: not a directory", d)
		}
		srcs = append(srcs, engine.PolicySource{Name: filepath.ToSlash(filepath.Clean(d)), FS: os.DirFS(d), Custom: true})
	}
	var data []engine.DataFile
	for _, f := range opts.DataFiles {
		b, err := readBounded(f, opts.MaxFileSize)
		if err != nil {
			return nil, &engine.DataError{File: f, Msg: describe(err)}
		}
		data = append(data, engine.DataFile{Name: filepath.ToSlash(f), Content: b})
	}
	return engine.New(ctx, engine.Options{
		Policies:       srcs,
		AsOf:           opts.AsOf,
		Fail:           opts.Fail,
		SiteLossOnly:   opts.SiteLossOnly,
		Data:           data,
		Timeout:        opts.Timeout,
		Workers:        opts.Workers,
		Evaluator:      opts.Evaluator,
		WhileCompiling: whileCompiling,
	})
}

func describe(err error) string {
	switch {
	case os.IsNotExist(err):
		return "does not exist"
	case os.IsPermission(err):
		return "permission denied"
	}
	return err.Error()
}

// Sink receives a run as it is judged: a reports.Stream is one, and several reports of one
// run are several sinks behind one.
type Sink interface {
	// Begin is called once, before any manifest, with the report's head: see
	// reports.Stream.Begin for what it holds and when.
	Begin(head *audit.Report) error
	// Add receives each manifest with its verdicts (waivers applied, sorted by control id),
	// in report order: by file, then document.
	Add(m audit.Manifest, results []audit.Result) error
}

// SinkError is a sink's failure (a report that could not be spooled): the run stops, since
// the report it was writing could no longer be complete.
type SinkError struct{ Err error }

func (e *SinkError) Error() string { return e.Err.Error() }
func (e *SinkError) Unwrap() error { return e.Err }

// Outcome is what a streamed run leaves once every manifest has gone to the sink.
type Outcome struct {
	// Report is the head the sink was given, now with every input and the summary.
	Report *audit.Report
	// Problems are every manifest's input problems, for standard error.
	Problems []audit.Problem
	// Gate decides the exit status.
	Gate Gate
	// BaselinedResults counts the failed verdicts whose findings the baseline held, so they
	// did not fail the gate (Report.Baseline counts the findings).
	BaselinedResults int
}

// Gate is what decides a run's exit status, tallied as the verdicts stream past.
type Gate struct {
	errors    bool // a control could not judge a manifest
	worstFail int  // the highest severity rank of a failed control; noFail when none failed
}

const noFail = -2 // below the rank of an unknown severity (-1)

// add counts one verdict; sev is the severity rank of its control.
func (g *Gate) add(res audit.Result, sev map[string]int) {
	switch res.Status {
	case audit.StatusError:
		g.errors = true
	case audit.StatusFail:
		rank, ok := sev[res.Control]
		if !ok {
			rank = -1
		}
		g.worstFail = max(g.worstFail, rank)
	}
}

// Failed reports whether any verdict at or above the threshold fails the gate. An error
// verdict counts as a failure whatever its control's severity: a control that could not
// judge has not shown compliance. threshold "" means any failure; "none" never fails.
func (g Gate) Failed(threshold string) bool {
	if threshold == "none" {
		return false
	}
	min := -1
	if threshold != "" {
		min = audit.Severity(threshold).Rank()
	}
	return g.errors || g.worstFail >= min
}

func severities(controls []audit.Control) map[string]int {
	sev := make(map[string]int, len(controls))
	for _, c := range controls {
		sev[c.ID] = c.Severity.Rank()
	}
	return sev
}

// Run judges the inputs and returns the whole report, held in memory: for one manifest, a
// simulation, a test. A sweep streams instead (Stream). An error means the run itself is
// broken (bad option, unusable bundle or data file); bad input is part of the report instead.
func Run(ctx context.Context, opts Options) (*audit.Report, error) {
	c := &collector{}
	out, err := Stream(ctx, opts, c)
	if err != nil {
		return nil, err
	}
	r := out.Report
	r.Manifests, r.Results = c.manifests, c.results
	return r, nil
}

// collector is the sink that keeps everything.
type collector struct {
	manifests []audit.Manifest
	results   []audit.Result
}

func (c *collector) Begin(*audit.Report) error {
	c.manifests, c.results = []audit.Manifest{}, []audit.Result{}
	return nil
}

func (c *collector) Add(m audit.Manifest, results []audit.Result) error {
	c.manifests = append(c.manifests, m)
	c.results = append(c.results, results...)
	return nil
}

// Stream judges the inputs a window at a time and hands every manifest to sink as soon as its
// window is judged; nothing of a manifest stays behind but its name's first use and its input
// problems. An error means the run itself is broken, the sink failed (*SinkError), or ctx was
// cancelled (its cause; reading stops there).
func Stream(ctx context.Context, opts Options, sink Sink) (*Outcome, error) {
	in := newInputs(opts)
	// Reading and validating the first window does not need the bundle: do it while the
	// bundle compiles, which is most of a one-manifest run's wall time and leaves a core idle.
	// Compiling parses on every core first, so the window waits for that to end; the
	// built-in bundle alone is not parsed (its stored plan is decoded on one core), and the
	// window starts at once, beside reading the prebuilt metadata.
	loaded := make(chan []*entry, 1)
	readWindow := func() { loaded <- in.next() }
	whileCompiling := readWindow
	if len(opts.PolicyDirs) == 0 && opts.Evaluator != engine.EvaluatorTopdown {
		go readWindow()
		whileCompiling = nil
	}
	eng, err := buildEngine(ctx, opts, whileCompiling)
	if err != nil {
		return nil, err
	}
	first := <-loaded
	// A broken waiver file stops the run before anything is judged: judging without it
	// would report accepted risks as failures.
	var waivers *waiver.Set
	if opts.Waivers != "" {
		if waivers, err = waiver.Load(opts.Waivers, manifest.Options{MaxFileSize: opts.MaxFileSize}); err != nil {
			return nil, err
		}
	}
	applier := waivers.Applier(opts.AsOf)
	out, err := judge(ctx, eng, opts, in, first, applier, sink)
	if err != nil {
		return nil, err
	}
	for _, n := range applier.Notes() {
		if opts.Warn != nil {
			opts.Warn(n.String())
		}
	}
	return out, nil
}

// entry is one document on its way through the pipeline.
type entry struct {
	m       audit.Manifest
	doc     *manifest.Document // nil when the document could not be judged, and once judged
	results []audit.Result
}

// window is how many input files one step of the pipeline reads, validates and judges
// before their documents are dropped (at most; see nextWindow): enough to keep every core
// busy, and few enough that a sweep of thousands of files holds a bounded number of decoded
// documents. The evaluator is chosen for the whole run (engine.Expect), not per window.
var window = 32 // a variable only so a test can show the window changes nothing

// rampWindows sizes the windows by nextWindow; off, every window is window files (tests that
// count windows).
var rampWindows = true

// inputs are a run's documents, read and validated a window at a time.
type inputs struct {
	opts    Options
	stream  *manifest.Stream   // nil when the caller loaded the sources (Options.Sources)
	sources []*manifest.Source // those, consumed from the front
	count   int                // sources read so far
	windows int                // windows read so far
	total   int                // sources in the run
	digests []audit.Input      // their paths and digests, for the report
	names   map[string]string  // metadata.name -> where it was first used
}

func newInputs(opts Options) *inputs {
	in := &inputs{opts: opts, names: map[string]string{}}
	// In report order, as a stream's are (manifest.Stream.SortByPath).
	in.sources = slices.Clone(opts.Sources)
	slices.SortStableFunc(in.sources, func(a, b *manifest.Source) int { return strings.Compare(a.Path, b.Path) })
	in.total = len(in.sources)
	if opts.Sources == nil {
		in.stream = manifest.Open(opts.Paths, manifest.Options{MaxFileSize: opts.MaxFileSize, Stdin: opts.Stdin})
		in.stream.SortByPath()
		in.sources = nil
		in.total = in.stream.Len()
	}
	return in
}

// nextWindow is how many files the next window reads: a quarter of window first, doubling
// to window, so the first documents are judged soon; and, once at most two windows are left,
// half of what is left (never under a quarter of window), so the last window, whose
// reports are rendered on one core after everything else is done, is small.
func (in *inputs) nextWindow() int {
	left := in.total - in.count
	if !rampWindows {
		return min(window, left)
	}
	least := max(window/4, 1)
	n := min(window, least<<min(in.windows, 8))
	if left <= 2*n {
		n = max((left+1)/2, least)
	}
	return min(n, left)
}

// next reads and validates the next window; nil when every input has been read.
func (in *inputs) next() []*entry {
	var srcs []*manifest.Source
	if in.stream != nil {
		start := in.count
		if start >= in.stream.Len() {
			return nil
		}
		srcs = in.stream.Read(start, start+in.nextWindow())
	} else {
		if len(in.sources) == 0 {
			return nil
		}
		n := in.nextWindow()
		srcs, in.sources = in.sources[:n], in.sources[n:]
	}
	in.count += len(srcs)
	in.windows++
	for _, src := range srcs {
		if src.SHA256 != "" {
			in.digests = append(in.digests, audit.Input{Path: src.Path, SHA256: src.SHA256})
		}
	}
	var entries []*entry
	for _, src := range srcs {
		if len(src.Problems) > 0 {
			// File-level problems (unreadable, syntax, size) have no document to hang on:
			// the file itself becomes the manifest entry.
			doc := 0
			if n := len(src.Documents); n > 0 {
				doc = src.Documents[n-1].Index + 1
			}
			entries = append(entries, &entry{m: audit.Manifest{Name: src.Path, File: src.Path, Document: doc, Problems: src.Problems}})
		}
		for _, d := range src.Documents {
			entries = append(entries, &entry{m: describeDoc(d), doc: d})
		}
	}
	// Validating one document reads nothing of another: on every core.
	parallel.For(len(entries), in.opts.Workers, func(i int) {
		if e := entries[i]; e.doc != nil {
			e.m.Problems = append(e.m.Problems, validate.Document(e.doc)...)
			if in.opts.Inspect != nil {
				in.opts.Inspect(e.doc)
			}
		}
	})
	in.dedupeNames(entries)
	if entries == nil {
		entries = []*entry{} // a window of files that held no document is not the end
	}
	return entries
}

// RunWith runs the pipeline on an engine the caller built (the benchmarks build one and
// judge many times), holding the report in memory as Run does.
func RunWith(ctx context.Context, eng *engine.Engine, opts Options) *audit.Report {
	in := newInputs(opts)
	c := &collector{}
	out, _ := judge(ctx, eng, opts, in, in.next(), nil, c) // a collector never fails
	out.Report.Manifests, out.Report.Results = c.manifests, c.results
	return out.Report
}

// StreamWith is Stream on an engine the caller built, without waivers.
func StreamWith(ctx context.Context, eng *engine.Engine, opts Options, sink Sink) (*Outcome, error) {
	in := newInputs(opts)
	return judge(ctx, eng, opts, in, in.next(), nil, sink)
}

// judge evaluates the inputs a window at a time, starting with first (already read), and
// hands each window's manifests to the sink in report order; their documents are dropped
// once judged, their results once the sink has them.
func judge(ctx context.Context, eng *engine.Engine, opts Options, in *inputs, first []*entry, applier *waiver.Applier, sink Sink) (*Outcome, error) {
	controls := eng.Controls()
	sort.SliceStable(controls, func(i, j int) bool { return controls[i].ID < controls[j].ID })
	r := &audit.Report{
		Tool:     opts.Tool,
		AsOf:     opts.AsOf,
		Command:  opts.Command,
		Bundle:   audit.Bundle{Digest: eng.Digest()},
		Inputs:   []audit.Input{},
		Controls: controls,
	}
	for _, d := range opts.PolicyDirs {
		r.Bundle.Custom = append(r.Bundle.Custom, filepath.ToSlash(filepath.Clean(d)))
	}
	if b := opts.Baseline; b != nil {
		r.Baseline = &audit.BaselineUse{File: b.File, SHA256: b.SHA256, Findings: b.Len()}
	}
	r.Settings = opts.Settings
	out := &Outcome{Report: r, Gate: Gate{worstFail: noFail}}
	if err := sink.Begin(r); err != nil {
		return nil, &SinkError{err}
	}
	if opts.Progress != nil {
		opts.Progress(Progress{FilesTotal: in.total}) // the judging starts: the clock of any rate shown
	}
	// Handing a window to the reports renders it on one core; meanwhile the next window is
	// read, validated and judged on every core. One window waits at most.
	type judgedWindow struct {
		entries []*entry
		inputs  []audit.Input
		files   int // input files read up to the end of this window
	}
	windows := make(chan judgedWindow, 1)
	var sinkErr error
	var failed atomic.Bool
	handed := make(chan struct{})
	go func() {
		defer close(handed)
		sev := severities(controls)
		manifests := 0
		for w := range windows {
			if sinkErr != nil {
				continue // drained, so the judging side never blocks
			}
			// The inputs read so far, ahead of their manifests, as the sink's head promises.
			r.Inputs = append(r.Inputs, w.inputs...)
			for _, e := range w.entries {
				applier.Apply(e.results)
				for i := range e.results {
					res := &e.results[i]
					r.Summary.Add(res.Status)
					held, all := opts.Baseline.mark(res)
					if held > 0 {
						r.Baseline.Held += held
					}
					if all {
						out.BaselinedResults++
						continue // stays failed in the reports; the gate accepted it
					}
					out.Gate.add(*res, sev)
				}
				out.Problems = append(out.Problems, e.m.Problems...)
				if err := sink.Add(e.m, e.results); err != nil {
					sinkErr = &SinkError{err}
					failed.Store(true)
					break
				}
				e.results = nil
			}
			if opts.Progress != nil && sinkErr == nil {
				manifests += len(w.entries)
				opts.Progress(Progress{Files: w.files, FilesTotal: in.total, Manifests: manifests, Summary: r.Summary})
			}
		}
	}()
	eng.Expect(in.total)
	// The next window is read and validated while this one is judged, so the cores the end
	// of a window leaves idle (its last documents judged one per core) have work.
	pending := first // read already
	ahead, stopReading := parallel.Ahead(ctx, func() (judgedWindow, bool) {
		entries := pending
		pending = nil
		if entries == nil {
			entries = in.next()
		}
		if entries == nil {
			return judgedWindow{}, false
		}
		w := judgedWindow{entries, slices.Clone(in.digests), in.count}
		in.digests = in.digests[:0]
		return w, true
	})
	var stopped error
	read := opts.InputsRead == nil
	for w := range ahead {
		if failed.Load() {
			break
		}
		// Interrupted: whatever is judged now is an error for every control, and the caller
		// writes no report; reading on would only delay the exit by the rest of the sweep.
		if ctx.Err() != nil {
			break
		}
		if !read && w.files >= in.total {
			read = true
			if stopped = opts.InputsRead(); stopped != nil {
				break
			}
		}
		judgeWindow(ctx, eng, controls, w.entries)
		windows <- w
	}
	stopReading()
	if stopped == nil && ctx.Err() != nil {
		stopped = context.Cause(ctx)
	}
	close(windows)
	<-handed
	if sinkErr != nil {
		return nil, sinkErr
	}
	if stopped != nil {
		return nil, stopped
	}
	return out, nil
}

// judgeWindow judges one window's documents and puts the window in report order, each
// manifest with its verdicts sorted by control id.
func judgeWindow(ctx context.Context, eng *engine.Engine, controls []audit.Control, entries []*entry) {
	var docs []engine.Document
	var judged []*entry
	for _, e := range entries {
		if len(e.m.Problems) > 0 || e.doc == nil {
			continue
		}
		judged = append(judged, e)
		docs = append(docs, engine.Document{Name: e.m.Name, Value: e.doc.Value, Pos: e.doc.Pos})
	}
	outcomes := eng.Evaluate(ctx, docs)
	for i, e := range judged {
		e.m.Scopes = outcomes[i].Scopes
		e.m.SiteLoss = outcomes[i].SiteLoss
		e.results = outcomes[i].Results
	}
	for _, e := range entries {
		e.doc = nil
		if len(e.m.Problems) == 0 {
			continue
		}
		reason := fmt.Sprintf("invalid manifest: %d problem", len(e.m.Problems))
		if len(e.m.Problems) != 1 {
			reason += "s"
		}
		for _, c := range controls {
			e.results = append(e.results, audit.Result{Manifest: e.m.Name, Control: c.ID, Status: audit.StatusError, Reason: reason})
		}
	}
	// The inputs come by path (manifest.Stream.SortByPath), so sorting within a window
	// puts the whole run in order.
	sort.SliceStable(entries, func(i, j int) bool {
		a, b := entries[i].m, entries[j].m
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Document < b.Document
	})
	for _, e := range entries {
		sort.SliceStable(e.results, func(i, j int) bool { return e.results[i].Control < e.results[j].Control })
	}
}

// describeDoc reads the report's view of a manifest without trusting its shape: an invalid
// document still gets the best name we can find.
func describeDoc(d *manifest.Document) audit.Manifest {
	m := audit.Manifest{File: d.File, Document: d.Index}
	root, _ := d.Value.(map[string]any)
	meta, _ := root["metadata"].(map[string]any)
	prov, _ := root["provider"].(map[string]any)
	if s, ok := meta["name"].(string); ok && strings.TrimSpace(s) != "" {
		m.Name = s
	} else if d.Index == 0 {
		m.Name = d.File
	} else {
		m.Name = fmt.Sprintf("%s#%d", d.File, d.Index)
	}
	m.Source, _ = meta["source"].(string)
	m.Provider, _ = prov["name"].(string)
	m.ProviderKo, _ = prov["nameKo"].(string)
	return m
}

// dedupeNames makes a repeated metadata.name an input problem: results, waivers and
// reports are keyed by it, so two manifests sharing one would be indistinguishable. The
// first use of a name is remembered by where it was written, since its document is dropped
// once judged.
func (in *inputs) dedupeNames(entries []*entry) {
	for _, e := range entries {
		at, ok := in.names[e.m.Name]
		if !ok {
			at = e.m.File
			if e.doc != nil {
				p := e.doc.Pos("/metadata/name")
				at = fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Column)
			}
			in.names[e.m.Name] = at
			continue
		}
		p := audit.Position{File: e.m.File}
		if e.doc != nil {
			p = e.doc.Pos("/metadata/name")
		}
		e.m.Problems = append(e.m.Problems, audit.Problem{Position: p, Pointer: "/metadata/name",
			Message: fmt.Sprintf("metadata.name %q is already used by the manifest at %s; names must be unique across one run", e.m.Name, at)})
		e.m.Name = fmt.Sprintf("%s#%d", e.m.File, e.m.Document)
	}
}

// HasProblems reports whether any input of a report held in memory could not be judged
// (exit status 2).
func HasProblems(r *audit.Report) bool {
	for _, m := range r.Manifests {
		if len(m.Problems) > 0 {
			return true
		}
	}
	return false
}

// Failed is Gate.Failed for a report held in memory.
func Failed(r *audit.Report, threshold string) bool {
	g := Gate{worstFail: noFail}
	sev := severities(r.Controls)
	for _, res := range r.Results {
		g.add(res, sev)
	}
	return g.Failed(threshold)
}

// readBounded reads at most limit bytes of a file (manifest.DefaultMaxFileSize when 0): a
// --data path naming a device or an endless stream must fail, not exhaust memory.
func readBounded(path string, limit int64) ([]byte, error) {
	if limit <= 0 {
		limit = manifest.DefaultMaxFileSize
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("file is over the %d-byte limit (raise it with --max-file-size)", limit)
	}
	return b, nil
}
