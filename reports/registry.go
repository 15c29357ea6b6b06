// Package reports renders an audit.Report in every output format resilcheck supports.
// One renderer per file, one registry: the CLI asks the registry for a format by name and
// an unknown name is an error, never a silent fallback.
package reports

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/resilcheck/resilcheck/internal/audit"
)

// Options are the presentation choices a caller makes for one rendering.
type Options struct {
	// Lang is "en" or "ko": the language of titles, remediation, headings and status words
	// in the human-readable formats. Machine-readable formats carry both languages.
	Lang string
	// Color enables ANSI colour in the text format (only ever true on a terminal without
	// NO_COLOR or --no-color).
	Color bool
	// Width is the column the text format wraps its lines at, in terminal cells (Hangul
	// takes two): the terminal's width when writing to one, else 0 for the default of 100.
	Width int
}

// defaultTextWidth is the text format's default width: a printed page or a code review pane.
const defaultTextWidth = 100

func (o Options) width() int {
	if o.Width > 0 {
		return o.Width
	}
	return defaultTextWidth
}

// Renderer writes one format from a report held in memory.
type Renderer interface {
	// Render writes the report to w. It must be deterministic: the same report and options
	// always produce the same bytes.
	Render(w io.Writer, r *audit.Report, opts Options) error
}

// RendererFunc adapts a function to Renderer.
type RendererFunc func(w io.Writer, r *audit.Report, opts Options) error

// Render calls f.
func (f RendererFunc) Render(w io.Writer, r *audit.Report, opts Options) error { return f(w, r, opts) }

// registry is the one list of formats. Each format lives in its own file; adding one is a
// line here, so there is no init-time registration to reason about.
var registry = map[string]func(Options) Stream{
	"csv":      newCSVStream,
	"html":     newHTMLStream,
	"json":     newJSONStream,
	"junit":    newJUnitStream,
	"markdown": newMarkdownStream,
	"sarif":    newSARIFStream,
	"text":     newTextStream,
}

// Formats lists the format names, sorted.
func Formats() []string {
	names := make([]string, 0, len(registry))
	for n := range registry {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Lookup returns the renderer for a format name: its stream, fed a report held in memory.
func Lookup(format string) (Renderer, error) {
	if _, ok := registry[format]; !ok {
		return nil, unknownFormat(format)
	}
	return RendererFunc(func(w io.Writer, r *audit.Report, opts Options) error {
		s, _ := NewStream(format, opts)
		return renderWhole(s, w, r)
	}), nil
}

func unknownFormat(format string) error {
	return fmt.Errorf("unknown format %q (known: %s)", format, strings.Join(Formats(), ", "))
}

// WriteFile writes a file atomically: the content goes to a temporary file in the same
// directory, which is synced and renamed over path only after write succeeded. A failed
// run never leaves a half-written report behind.
//
// A path that names something other than a regular file is not replaced: a directory is
// an error, and a device or named pipe (-o /dev/stdout, a FIFO another CI step reads) is
// written to directly, because renaming over it would swap the device for a plain file.
// A symbolic link is followed, so the link survives and its target gets the report.
func WriteFile(path string, write func(io.Writer) error) error {
	return WriteFileContext(context.Background(), path, write)
}

// WriteFileContext is WriteFile for a run that may be interrupted: once ctx is done,
// writing stops, the temporary file is removed and path is left as it was; the error
// wraps context.Cause(ctx). After a successful write it also removes the temporary files
// an earlier writer of the same report left behind when it was killed (see staleTemp).
func WriteFileContext(ctx context.Context, path string, write func(io.Writer) error) (err error) {
	if err := interrupted(ctx); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	target := path
	if fi, statErr := os.Stat(path); statErr == nil {
		switch {
		case fi.IsDir():
			return fmt.Errorf("write %s: is a directory", path)
		case !fi.Mode().IsRegular():
			return writeInPlace(ctx, path, write)
		}
		if target, err = filepath.EvalSymlinks(path); err != nil {
			return fmt.Errorf("write %s: %w", path, pathErr(err))
		}
	}
	dir, base := filepath.Split(target)
	tmp, err := os.CreateTemp(dir, tempPrefix(base)+"*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, pathErr(err))
	}
	// Keyed on the rename, not on err: a renderer that panics returns no error, and its
	// temporary file must go as well on the panic's way up.
	renamed := false
	defer func() {
		if !renamed {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	wb := newWriteBehind(tmp)
	defer wb.Close() // before the file is closed, on a panic's way up too
	err = write(ctxWriter{ctx, wb})
	if cerr := wb.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, pathErr(err))
	}
	if err = tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, pathErr(err))
	}
	// Without the sync, a crash after the rename can leave an empty file under the final
	// name on some file systems: exactly the half-written report the rename is there to
	// prevent.
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, pathErr(err))
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, pathErr(err))
	}
	// The last moment to honour an interruption: a renderer that wrote everything in one
	// call never saw it, and after the rename the report is in place.
	if err = interrupted(ctx); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), target); err != nil {
		return fmt.Errorf("write %s: %w", path, pathErr(err))
	}
	renamed = true
	removeStaleTemps(dir, base, time.Now())
	return nil
}

// tempPrefix starts the name of every temporary file written for the report named base.
// os.CreateTemp appends a decimal random number to it; staleTemp relies on both.
func tempPrefix(base string) string { return "." + base + ".tmp-" }

// staleTempAge is how long a temporary file of ours must have gone unmodified before a
// later write of the same report removes it. A writer that is alive keeps its file's
// modification time fresh and needs well under a minute for the largest report, so a
// file this old was left by a writer that was killed (SIGKILL, a power cut) and cannot
// clean up. Removing one a stopped writer still owns would only make that writer fail;
// it never exposes a half-written report.
const staleTempAge = 10 * time.Minute

// staleTemp reports whether name, a directory entry beside the report named base, is a
// temporary file WriteFile made for that report: exactly tempPrefix(base) followed by
// decimal digits. Anything else (another report's, a user's file with a similar name)
// is never touched.
func staleTemp(name, base string) bool {
	digits, ok := strings.CutPrefix(name, tempPrefix(base))
	if !ok || digits == "" {
		return false
	}
	for _, c := range digits {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// removeStaleTemps removes the temporary files of the report base in dir that were last
// modified before now-staleTempAge. It is housekeeping: a file it cannot read or remove
// stays, and the write it follows has succeeded anyway.
func removeStaleTemps(dir, base string, now time.Time) {
	if dir == "" {
		dir = "."
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range ents {
		// A regular file only: never a symbolic link (whose target is someone else's) or a
		// directory, whatever its name.
		if !e.Type().IsRegular() || !staleTemp(e.Name(), base) {
			continue
		}
		fi, err := e.Info()
		if err != nil || now.Sub(fi.ModTime()) < staleTempAge {
			continue
		}
		os.Remove(filepath.Join(dir, e.Name()))
	}
}

// writeInPlace writes to an existing device or pipe, which has no content to protect.
func writeInPlace(ctx context.Context, path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, pathErr(err))
	}
	werr := write(ctxWriter{ctx, f})
	cerr := f.Close()
	if werr != nil {
		return fmt.Errorf("write %s: %w", path, pathErr(werr))
	}
	if cerr != nil {
		return fmt.Errorf("write %s: %w", path, pathErr(cerr))
	}
	return nil
}

// interrupted is the cause of ctx's end, or nil while it runs.
func interrupted(ctx context.Context) error {
	if ctx.Err() == nil {
		return nil
	}
	return context.Cause(ctx)
}

// ctxWriter stops a rendering once ctx is done: an interrupted run must not spend its
// last moments writing a report it is about to throw away.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := interrupted(c.ctx); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}

// pathErr drops the operation and path os wraps around an error: they would name the
// temporary file, which the user never asked for and which no longer exists.
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
