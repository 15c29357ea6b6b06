// Package reports renders an audit.Report in every output format resilcheck supports.
// One renderer per file, one registry: the CLI asks the registry for a format by name and
// an unknown name is an error, never a silent fallback.
package reports

import (
	"fmt"
	"io"
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
// directory, which is renamed over path only after write succeeded. A failed run never
// leaves a half-written report behind.
func WriteFile(path string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
