// Package reports renders an audit.Report in every output format resilcheck supports.
// One renderer per file, one registry: the CLI asks the registry for a format by name and
// an unknown name is an error, never a silent fallback.
package reports

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

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
}

// Renderer writes one format.
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
var registry = map[string]Renderer{
	"csv":      RendererFunc(renderCSV),
	"html":     RendererFunc(renderHTML),
	"json":     RendererFunc(renderJSON),
	"junit":    RendererFunc(renderJUnit),
	"markdown": RendererFunc(renderMarkdown),
	"sarif":    RendererFunc(renderSARIF),
	"text":     RendererFunc(renderText),
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

// Lookup returns the renderer for a format name.
func Lookup(format string) (Renderer, error) {
	r, ok := registry[format]
	if !ok {
		return nil, fmt.Errorf("unknown format %q (known: %s)", format, strings.Join(Formats(), ", "))
	}
	return r, nil
}

// WriteFile writes a file atomically: the content goes to a temporary file in the same
// directory, which is synced and renamed over path only after write succeeded. A failed
// run never leaves a half-written report behind.
//
// A path that names something other than a regular file is not replaced: a directory is
// an error, and a device or named pipe (-o /dev/stdout, a FIFO another CI step reads) is
// written to directly, because renaming over it would swap the device for a plain file.
// A symbolic link is followed, so the link survives and its target gets the report.
func WriteFile(path string, write func(io.Writer) error) (err error) {
	target := path
	if fi, statErr := os.Stat(path); statErr == nil {
		switch {
		case fi.IsDir():
			return fmt.Errorf("write %s: is a directory", path)
		case !fi.Mode().IsRegular():
			return writeInPlace(path, write)
		}
		if target, err = filepath.EvalSymlinks(path); err != nil {
			return fmt.Errorf("write %s: %w", path, pathErr(err))
		}
	}
	tmp, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, pathErr(err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
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
	if err = os.Rename(tmp.Name(), target); err != nil {
		return fmt.Errorf("write %s: %w", path, pathErr(err))
	}
	return nil
}

// writeInPlace writes to an existing device or pipe, which has no content to protect.
func writeInPlace(path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, pathErr(err))
	}
	werr := write(f)
	cerr := f.Close()
	if werr != nil {
		return fmt.Errorf("write %s: %w", path, pathErr(werr))
	}
	if cerr != nil {
		return fmt.Errorf("write %s: %w", path, pathErr(cerr))
	}
	return nil
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
