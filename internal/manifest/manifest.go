// Package manifest finds and decodes manifest files (YAML or JSON, one or many documents per
// file) into plain Go values, remembering where every value and key was written so that
// later stages can point a person at file:line:column. Bad input never fails a load: every
// defect becomes an audit.Problem attached to the file it came from.
package manifest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/resilcheck/resilcheck/internal/audit"
	"github.com/resilcheck/resilcheck/internal/parallel"
)

// StdinName is Document.File and Source.Path for input read from "-".
const StdinName = "<stdin>"

// Default limits. A real manifest is a few hundred kilobytes and a few thousand nodes deep
// at most six levels; the limits sit far above that and far below what hurts.
const (
	DefaultMaxFileSize = 16 << 20
	DefaultMaxDepth    = 64
	DefaultMaxNodes    = 250_000
)

// Document is one decoded document.
type Document struct {
	File  string // the path as the user gave it, slash-separated; "<stdin>" for "-"
	Index int    // 0-based document index within the file
	Value any    // the decoded document

	pos posTable // where every value (and the key naming it) was written
	idx posIndex // built from pos at the first lookup
}

// Source is one input file (or a path that could not be read as one).
type Source struct {
	Path      string          // as Document.File
	SHA256    string          // hex sha256 of the raw bytes ("" if unreadable)
	Documents []*Document     // the documents that decoded into a mapping, in file order
	Problems  []audit.Problem // load-level problems (syntax, size, encoding, unreadable...)
	// Rejected counts the documents that could not be decoded, so summaries can say how many
	// documents were invalid; a file-level failure (unreadable, empty, too large) counts 1.
	Rejected int
}

// Options tune a load. Zero values select safe defaults.
type Options struct {
	MaxFileSize int64     // default 16 MiB when 0
	Stdin       io.Reader // used for "-"
	// MaxDepth limits nesting of mappings and sequences, checked before recursing so a
	// hostile file cannot exhaust the stack. Default 64.
	MaxDepth int
	// MaxNodes limits the values YAML aliases and merge keys copy into one document, which
	// defuses "billion laughs" documents; values written out are bounded by MaxFileSize.
	// Default 250,000.
	MaxNodes int
	// FS is where paths are read from; nil means the operating system.
	FS FileSystem
	// Subject names what one document of the input is, for messages: "a manifest" by
	// default; the waiver and data-file readers say what they read.
	Subject string
}

func (o Options) withDefaults() Options {
	if o.Subject == "" {
		o.Subject = "a manifest"
	}
	if o.MaxFileSize <= 0 {
		o.MaxFileSize = DefaultMaxFileSize
	}
	if o.MaxDepth <= 0 {
		o.MaxDepth = DefaultMaxDepth
	}
	if o.MaxNodes <= 0 {
		o.MaxNodes = DefaultMaxNodes
	}
	if o.FS == nil {
		o.FS = osFS{}
	}
	return o
}

// IsManifestFile reports whether a file found while walking a directory is a manifest
// candidate. Files named explicitly are loaded whatever their extension.
func IsManifestFile(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml", ".json":
		return true
	}
	return false
}

// Load reads every path: files, directories (recursively, in name order, manifest
// extensions only, skipping names that start with a dot) and "-" for standard input. It never fails as a whole: every problem is
// data on the Source it concerns. A file reached twice (named twice, through a directory and
// by name, or through a symlink) is loaded once, at its first mention.
func Load(paths []string, opts Options) []*Source {
	st := Open(paths, opts)
	return st.Read(0, st.Len())
}

// A Stream is the inputs of a run, found but not yet read: a run reads and decodes them a
// window at a time (Read), so a sweep of thousands of files holds only one window's bytes and
// decoded documents at once, never the whole population.
type Stream struct {
	sources []*Source
	reads   []func() // reads[i] reads and decodes sources[i]; nil when it is complete already
}

// Open finds every input the way Load does (same order, same duplicates skipped, same
// problems for paths that cannot be found) without reading any file; standard input is
// read now, since it can only be read once.
func Open(paths []string, opts Options) *Stream {
	l := &loader{opts: opts.withDefaults(), seen: map[string]bool{}, st: &Stream{}}
	if _, ok := l.opts.FS.(osFS); ok {
		l.wd, _ = os.Getwd()
	}
	for _, p := range paths {
		l.add(p)
	}
	return l.st
}

// SortByPath puts the sources in the order reports list them, by path, so a run can hand
// each window's manifests to its reports as they are judged, with no reordering across
// windows. Which of two paths to the same file is kept is still decided by first mention.
func (s *Stream) SortByPath() {
	idx := make([]int, len(s.sources))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return s.sources[idx[a]].Path < s.sources[idx[b]].Path })
	sources, reads := make([]*Source, len(idx)), make([]func(), len(idx))
	for to, from := range idx {
		sources[to], reads[to] = s.sources[from], s.reads[from]
	}
	s.sources, s.reads = sources, reads
}

// Len is the number of sources: files, standard input and paths that could not be read.
func (s *Stream) Len() int { return len(s.sources) }

// Read reads and decodes sources [i, j) on every core and returns them; each is read once,
// and the stream keeps no reference to it afterwards, so its documents go when the caller
// drops them.
func (s *Stream) Read(i, j int) []*Source {
	out := append([]*Source(nil), s.sources[i:j]...)
	reads := s.reads[i:j]
	parallel.For(len(reads), 0, func(k int) {
		if reads[k] != nil {
			reads[k]()
			reads[k] = nil
		}
	})
	for k := i; k < j; k++ {
		s.sources[k] = nil
	}
	return out
}

type loader struct {
	opts Options
	seen map[string]bool // canonical paths already loaded
	st   *Stream
	wd   string // the working directory absolute paths are shown relative to; "" for none
}

// source adds a source to the stream; read, when not nil, fills it later.
func (l *loader) source(src *Source, read func()) {
	l.st.sources = append(l.st.sources, src)
	l.st.reads = append(l.st.reads, read)
}

func (l *loader) add(p string) {
	if p == "-" {
		if l.seen["-"] {
			return
		}
		l.seen["-"] = true
		src := &Source{Path: StdinName}
		l.source(src, nil)
		if l.opts.Stdin == nil {
			src.fail(audit.Position{File: StdinName}, "standard input is not available")
			return
		}
		if data, ok := l.readAll(src, l.opts.Stdin, 0); ok {
			opts := l.opts
			l.st.reads[len(l.st.reads)-1] = func() { decode(src, data, false, opts) }
		}
		return
	}
	if p == "" {
		// filepath.Clean would show it as ".", which exists: the message would contradict
		// itself. An empty argument is usually an unset shell variable.
		l.failPath(`""`, "empty path: name a file, a directory, or - for standard input")
		return
	}
	display := displayPath(p, l.wd)
	fi, err := l.opts.FS.Stat(p)
	if err != nil {
		l.failPath(display, describeFSError(err))
		return
	}
	key := l.opts.FS.Canonical(p)
	if fi.IsDir() {
		before := l.st.Len()
		found := l.walk(p, display, []string{key})
		if found == 0 && l.st.Len() == before {
			l.failPath(display, "no manifest files (*.yaml, *.yml, *.json) in this directory")
		}
		return
	}
	l.loadFile(p, display, key, fi)
}

// walk loads the manifest files under dir and returns how many it found. ancestors are the
// canonical paths of the directories being walked, to stop symlink loops.
func (l *loader) walk(dir, display string, ancestors []string) int {
	entries, err := l.opts.FS.ReadDir(dir)
	if err != nil {
		l.failPath(display, describeFSError(err))
		return 0
	}
	found := 0
	for _, e := range entries { // sorted by name: the order is deterministic
		if strings.HasPrefix(e.Name(), ".") {
			// .git, .github/workflows/*.yml, .pre-commit-config.yaml...: tooling, never
			// manifests. Named explicitly, a dot file is still read.
			continue
		}
		full := filepath.Join(dir, e.Name())
		shown := display + "/" + e.Name()
		if display == "." {
			shown = e.Name()
		}
		mode := e.Type()
		viaLink := mode&fs.ModeSymlink != 0
		if viaLink {
			fi, err := l.opts.FS.Stat(full)
			if err != nil {
				if IsManifestFile(e.Name()) || isLoop(err) {
					l.failPath(shown, describeFSError(err))
				} // else a dangling link to something we would not read anyway: noise
				continue
			}
			mode = fi.Mode().Type()
		}
		switch {
		case mode.IsDir():
			key := l.opts.FS.Canonical(full)
			if indexOf(ancestors, key) >= 0 {
				kind := "directory loop" // reached through a symlink higher up, or a bind mount
				if viaLink {
					kind = "symbolic link loop"
				}
				l.failPath(shown, kind+": it leads back to a directory already being read")
				continue
			}
			found += l.walk(full, shown, append(ancestors[:len(ancestors):len(ancestors)], key))
		case mode.IsRegular() && IsManifestFile(e.Name()):
			found++
			fi, err := l.opts.FS.Stat(full)
			if err != nil {
				l.failPath(shown, describeFSError(err))
				continue
			}
			l.loadFile(full, shown, l.opts.FS.Canonical(full), fi)
		}
	}
	return found
}

// failPath records a path that could not be read as a Source of its own.
func (l *loader) failPath(display, msg string) {
	src := &Source{Path: display}
	src.fail(audit.Position{File: display}, msg)
	l.source(src, nil)
}

// isLoop reports whether err is the operating system refusing a chain of symbolic links
// that never ends (ELOOP); its text is the portable way to tell across platforms.
func isLoop(err error) bool {
	return strings.Contains(err.Error(), "too many levels of symbolic links")
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

func (l *loader) loadFile(path, display, key string, fi fs.FileInfo) {
	if l.seen[key] {
		return
	}
	l.seen[key] = true
	src := &Source{Path: display}
	if fi.Mode().IsRegular() && fi.Size() > l.opts.MaxFileSize {
		src.fail(audit.Position{File: display}, fmt.Sprintf("file is %d bytes, over the %d-byte limit (raise it with --max-file-size)", fi.Size(), l.opts.MaxFileSize))
		l.source(src, nil)
		return
	}
	isJSON := strings.EqualFold(filepath.Ext(path), ".json")
	l.source(src, func() {
		f, err := l.opts.FS.Open(path)
		if err != nil {
			src.fail(audit.Position{File: display}, describeFSError(err))
			return
		}
		data, ok := l.readAll(src, f, fi.Size())
		f.Close()
		if ok {
			decode(src, data, isJSON, l.opts)
		}
	})
}

// readAll reads at most MaxFileSize+1 bytes, so a stream that lied about its size (or has
// none, like stdin) is still refused without being read whole, and records the digest.
func (l *loader) readAll(src *Source, r io.Reader, sizeHint int64) ([]byte, bool) {
	var buf bytes.Buffer
	if sizeHint > 0 && sizeHint <= l.opts.MaxFileSize {
		buf.Grow(int(sizeHint) + bytes.MinRead) // one allocation instead of repeated doubling
	}
	_, err := buf.ReadFrom(io.LimitReader(r, l.opts.MaxFileSize+1))
	data := buf.Bytes()
	if err != nil {
		src.fail(audit.Position{File: src.Path}, "cannot read: "+describeFSError(err))
		return nil, false
	}
	if int64(len(data)) > l.opts.MaxFileSize {
		src.fail(audit.Position{File: src.Path}, fmt.Sprintf("input is over the %d-byte limit (raise it with --max-file-size)", l.opts.MaxFileSize))
		return nil, false
	}
	sum := sha256.Sum256(data)
	src.SHA256 = hex.EncodeToString(sum[:])
	return data, true
}

// Decode decodes content already in memory as if it had been read from path (JSON when
// the name ends in .json, YAML otherwise), with the same limits, positions and problems as
// Load. MaxFileSize is not applied: the caller read the bytes.
func Decode(path string, content []byte, opts Options) *Source {
	src := &Source{Path: path}
	sum := sha256.Sum256(content)
	src.SHA256 = hex.EncodeToString(sum[:])
	decode(src, content, strings.EqualFold(filepath.Ext(path), ".json"), opts.withDefaults())
	return src
}

// decode fills src from the raw bytes of one file. It is the part fuzzing exercises.
func decode(src *Source, data []byte, isJSON bool, opts Options) {
	defer func() {
		// The decoders are meant to turn every defect into a Problem; this is the last
		// line of defence so one hostile file cannot take the whole run down.
		if r := recover(); r != nil {
			src.Documents = nil
			src.fail(audit.Position{File: src.Path}, fmt.Sprintf("internal error while decoding (please report it): %v", r))
		}
	}()
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		src.fail(audit.Position{File: src.Path, Line: 1, Column: 1}, "file is UTF-16 encoded; save it as UTF-8")
		return
	}
	if !utf8.Valid(data) {
		off := invalidUTF8Offset(data)
		p := newLineIndex(data).pos(src.Path, off)
		src.fail(p, fmt.Sprintf("file is not valid UTF-8: byte 0x%02x cannot start a character; save it as UTF-8", data[off]))
		return
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF")) // a UTF-8 byte order mark carries no meaning
	if len(bytes.TrimSpace(data)) == 0 {
		src.fail(audit.Position{File: src.Path}, "file is empty")
		return
	}
	var b builder
	b.opts = opts
	if isJSON {
		decodeJSON(src, data, &b)
	} else {
		decodeYAML(src, data, &b)
	}
	if len(src.Documents) == 0 && len(src.Problems) == 0 {
		src.fail(audit.Position{File: src.Path}, "file has no documents (only comments or document separators)")
	}
}

// fail records a problem that makes the whole file (or one document) unusable.
func (s *Source) fail(p audit.Position, msg string) {
	s.Problems = append(s.Problems, audit.Problem{Position: p, Message: msg})
	s.Rejected++
}

func invalidUTF8Offset(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return 0
}

// displayPath is how a path is shown: slash-separated and cleaned, so the same file named
// as "./a.yaml" and "a.yaml" reads the same in every report. An absolute path inside wd
// is shown relative to it: CI scripts often pass "$PWD/manifests", and a report must not
// change with the directory the repository was checked out to (SARIF viewers also resolve
// locations against the checkout root). Paths outside wd stay absolute.
func displayPath(p, wd string) string {
	p = filepath.Clean(p)
	if wd != "" && filepath.IsAbs(p) {
		if rel, err := filepath.Rel(wd, p); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			p = rel
		}
	}
	return filepath.ToSlash(p)
}

// describeFSError turns an os error into the short reason a person needs; the path is
// already on the Problem, so it is not repeated.
func describeFSError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or directory"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	if isLoop(err) {
		return "symbolic link loop: too many levels of symbolic links"
	}
	return err.Error()
}

// lineIndex maps byte offsets to 1-based line and column (columns count characters).
// Offsets are mostly asked for in increasing order (the JSON decoder walks its tokens), so
// the last answer is kept and the next one on the same line counts only the characters in
// between: recounting from the start of the line made a minified (one-line) file quadratic.
type lineIndex struct {
	data   []byte
	starts []int

	lastLine, lastOff, lastCol int
}

// A lone carriage return ends a line too: YAML counts it as a line break (so the lines of
// its errors do), and so do editors.
func newLineIndex(data []byte) *lineIndex {
	starts := []int{0}
	for i, c := range data {
		if c == '\n' || c == '\r' && (i+1 == len(data) || data[i+1] != '\n') {
			starts = append(starts, i+1)
		}
	}
	return &lineIndex{data: data, starts: starts, lastLine: -1}
}

func (x *lineIndex) pos(file string, off int) audit.Position {
	if off > len(x.data) {
		off = len(x.data)
	}
	var line, col int
	if x.lastLine >= 0 && off >= x.lastOff && (x.lastLine+1 == len(x.starts) || off < x.starts[x.lastLine+1]) {
		line = x.lastLine
		col = x.lastCol + utf8.RuneCount(x.data[x.lastOff:off])
	} else {
		line = sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > off }) - 1
		col = utf8.RuneCount(x.data[x.starts[line]:off]) + 1
	}
	x.lastLine, x.lastOff, x.lastCol = line, off, col
	return audit.Position{File: file, Line: line + 1, Column: col}
}

// escape encodes one reference token of an RFC 6901 JSON pointer.
func escape(token string) string {
	if !strings.ContainsAny(token, "~/") {
		return token
	}
	return strings.ReplaceAll(strings.ReplaceAll(token, "~", "~0"), "/", "~1")
}

// Join appends reference tokens to a JSON pointer, escaping them.
func Join(pointer string, tokens ...any) string {
	var sb strings.Builder
	sb.WriteString(pointer)
	for _, t := range tokens {
		sb.WriteByte('/')
		switch v := t.(type) {
		case int:
			sb.WriteString(strconv.Itoa(v))
		case string:
			sb.WriteString(escape(v))
		default:
			sb.WriteString(escape(fmt.Sprint(v)))
		}
	}
	return sb.String()
}
