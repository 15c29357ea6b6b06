package reports

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"

	"github.com/resilcheck/resilcheck/internal/audit"
)

// Stream renders one report while the run that produces it is still judging. A sweep of
// thousands of manifests makes a report of a gigabyte and more; held whole in memory until
// the end, it was most of a run's memory and, under the collector, most of its time.
//
// The run calls Begin once, Add for each manifest as soon as its verdicts are in (in report
// order: by file, then document), and Finish once the totals are known. What Add renders
// waits in a spool (memory first, then an unlinked temporary file), so the report is never
// whole in memory, and Finish writes it to its destination in one sequential pass: the
// destination is only touched once the run has succeeded.
type Stream interface {
	// Begin starts the report. head is the report being built: its tool, date, command,
	// bundle and controls are final; its Inputs hold at least the inputs of every manifest
	// added so far; its Manifests and Results stay empty; its Summary, complete Inputs and
	// ExitCode are final when Finish is called.
	Begin(head *audit.Report) error
	// Add renders one manifest and its verdicts (sorted by control id).
	Add(m audit.Manifest, results []audit.Result) error
	// Finish writes the whole report to w.
	Finish(w io.Writer) error
	// Close releases the spools; it is safe to call at any time, more than once.
	Close() error
}

// NewStream returns a stream for a format name.
func NewStream(format string, opts Options) (Stream, error) {
	f, ok := registry[format]
	if !ok {
		return nil, unknownFormat(format)
	}
	return f(opts), nil
}

// renderWhole renders a report held in memory through a format's stream: the one code
// path for both, so a small run's bytes are the same whichever way it was rendered.
func renderWhole(s Stream, w io.Writer, r *audit.Report) error {
	defer s.Close()
	head := *r
	head.Manifests, head.Results = nil, nil
	if err := s.Begin(&head); err != nil {
		return err
	}
	for _, g := range groups(r) {
		if err := s.Add(g.m, g.results); err != nil {
			return err
		}
	}
	return s.Finish(w)
}

type group struct {
	m       audit.Manifest
	results []audit.Result
}

// groups splits a report into its manifests with their results, in the report's manifest
// order. Results whose manifest is not listed still get a manifest of their own, after the
// listed ones, so nothing the engine produced is silently dropped from a report; a name
// listed twice gets every result under its first listing.
func groups(r *audit.Report) []group {
	out := make([]group, 0, len(r.Manifests))
	idx := make(map[string]int, len(r.Manifests))
	for _, m := range r.Manifests {
		if _, dup := idx[m.Name]; !dup {
			idx[m.Name] = len(out)
		}
		out = append(out, group{m: m})
	}
	for _, res := range r.Results {
		i, ok := idx[res.Manifest]
		if !ok {
			i = len(out)
			idx[res.Manifest] = i
			out = append(out, group{m: audit.Manifest{Name: res.Manifest, File: res.Manifest}})
		}
		out[i].results = append(out[i].results, res)
	}
	return out
}

// spoolInMemory is how much of a spool stays in memory before it moves to a temporary
// file: every report of a run of a few hundred manifests, so small runs touch no disk.
var spoolInMemory = 8 << 20 // a variable only so a test can make every spool spill

// spool holds rendered bytes until the report can be written: in memory while small, then
// in a temporary file that is unlinked as soon as it is created, so nothing is left behind
// whatever ends the process.
type spool struct {
	mem  bytes.Buffer
	file *os.File
	bw   *bufio.Writer
	n    int64 // bytes written
	// items counts what was written with item, for splicing into a JSON array.
	items int
	// removeOnClose is set where an open file cannot be unlinked (Windows).
	removeOnClose bool
	// enc writes each item into buf, which is kept from item to item: a fresh buffer
	// per item grew from nothing for every result of a sweep.
	buf  bytes.Buffer
	enc  *json.Encoder
	line []byte // what result writes, kept likewise
}

// result is item for a verdict, written by appendResultJSON when it can.
func (s *spool) result(r *audit.Result) error {
	b, ok := appendResultJSON(s.line[:0], r)
	if !ok {
		return s.item(*r)
	}
	return s.itemLine(b)
}

// itemLine writes b, one item's JSON built in s.line's space, as the next item.
func (s *spool) itemLine(b []byte) error {
	s.line = append(b, '\n')
	s.items++
	_, err := s.Write(s.line)
	return err
}

func (s *spool) Write(p []byte) (int, error) {
	s.n += int64(len(p))
	if s.file == nil {
		if s.mem.Len()+len(p) <= spoolInMemory {
			return s.mem.Write(p)
		}
		f, err := os.CreateTemp("", "resilcheck-spool-*")
		if err != nil {
			return 0, fmt.Errorf("spooling the report: %w", pathErr(err))
		}
		if os.Remove(f.Name()) != nil {
			s.removeOnClose = true
		}
		s.file, s.bw = f, bufio.NewWriterSize(f, 1<<20)
		if _, err := s.bw.Write(s.mem.Bytes()); err != nil {
			return 0, fmt.Errorf("spooling the report: %w", pathErr(err))
		}
		s.mem = bytes.Buffer{}
	}
	n, err := s.bw.Write(p)
	if err != nil {
		err = fmt.Errorf("spooling the report: %w", pathErr(err))
	}
	return n, err
}

func (s *spool) WriteString(str string) (int, error) { return s.Write([]byte(str)) }

// item writes one element of a JSON array, compact (encoding/json's output has no raw
// newline), one a line; splice indents them where the array lands.
func (s *spool) item(v any) error {
	if s.enc == nil {
		s.enc = json.NewEncoder(&s.buf)
		s.enc.SetEscapeHTML(false)
	}
	s.buf.Reset()
	// Encode writes nothing on an error, and ends the item with the newline it needs.
	if err := s.enc.Encode(v); err != nil {
		return err
	}
	s.items++
	_, err := s.Write(s.buf.Bytes())
	return err
}

// copyTo writes everything spooled to w.
func (s *spool) copyTo(w io.Writer) error {
	if s.file == nil {
		_, err := w.Write(s.mem.Bytes())
		return err
	}
	if err := s.bw.Flush(); err != nil {
		return fmt.Errorf("spooling the report: %w", pathErr(err))
	}
	if _, err := s.file.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("spooling the report: %w", pathErr(err))
	}
	_, err := io.Copy(w, bufio.NewReaderSize(s.file, 1<<20))
	return err
}

// copyRange writes the bytes spooled between offsets from and to (as counted by n) to w:
// the part one manifest added, for a report that picks some manifests' parts at the end.
func (s *spool) copyRange(w io.Writer, from, to int64) error {
	if from >= to {
		return nil
	}
	if s.file == nil {
		_, err := w.Write(s.mem.Bytes()[from:to])
		return err
	}
	if err := s.bw.Flush(); err != nil {
		return fmt.Errorf("spooling the report: %w", pathErr(err))
	}
	_, err := io.Copy(w, io.NewSectionReader(s.file, from, to-from))
	return err
}

// lines calls fn with each line spooled with item, without its newline.
func (s *spool) lines(fn func([]byte) error) error {
	if s.file == nil {
		// Held in memory: the lines are read in place, without a reader's buffer (a
		// megabyte of fresh memory is a measurable part of a one-manifest run).
		for rest := s.mem.Bytes(); len(rest) > 0; {
			line := rest
			if i := bytes.IndexByte(rest, '\n'); i >= 0 {
				line, rest = rest[:i], rest[i+1:]
			} else {
				rest = nil
			}
			if err := fn(line); err != nil {
				return err
			}
		}
		return nil
	}
	if err := s.bw.Flush(); err != nil {
		return fmt.Errorf("spooling the report: %w", pathErr(err))
	}
	if _, err := s.file.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("spooling the report: %w", pathErr(err))
	}
	br := bufio.NewReaderSize(s.file, 1<<20)
	for {
		line, err := br.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			// A line longer than the buffer (one large manifest's result): gather it whole,
			// appending each piece once.
			long := append([]byte(nil), line...)
			for err == bufio.ErrBufferFull {
				line, err = br.ReadSlice('\n')
				long = append(long, line...)
			}
			line = long
		}
		if len(line) > 0 {
			if ferr := fn(bytes.TrimSuffix(line, []byte("\n"))); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func (s *spool) Close() error {
	s.mem = bytes.Buffer{}
	if s.file == nil {
		return nil
	}
	err := s.file.Close()
	if s.removeOnClose {
		os.Remove(s.file.Name())
	}
	s.file, s.bw = nil, nil
	return err
}

// marshalCompact is encoding/json's compact form with HTML left unescaped, as every JSON
// report writes it.
func marshalCompact(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// splicedArray stands in a JSON document's skeleton for an array whose elements wait in a
// spool, or are encoded one by one as they are written (each, when s is nil); writeSpliced
// puts them in its place, indented as if the document had been encoded whole.
type splicedArray struct {
	s      *spool
	each   func(emit func(v any) error) error
	marker string
}

// splicedSlice is a splicedArray of the elements of xs, for a long array known whole:
// encoded in one piece, the catalogue of controls alone made the skeleton of a
// one-manifest report a fifth of a megabyte, held three times over (encoder, copy,
// indented copy). A nil slice is left as it is, so that it stays null.
func splicedSlice[T any](xs []T) any {
	if xs == nil {
		return xs
	}
	return &splicedArray{each: func(emit func(v any) error) error {
		for i := range xs {
			if err := emit(&xs[i]); err != nil {
				return err
			}
		}
		return nil
	}}
}

func (a *splicedArray) MarshalJSON() ([]byte, error) { return json.Marshal(a.marker) }

// writeSpliced writes skeleton as writeIndentedJSON would, with every splicedArray in it
// replaced by its spooled elements. A marker is a string no skeleton holds (one that would
// collide with a string in it is replaced by another), so the replacement can never land
// inside the document's own text.
func writeSpliced(w io.Writer, skeleton any, arrays ...*splicedArray) error {
	var compact []byte
	for salt := 0; ; salt++ {
		for i, a := range arrays {
			a.marker = "\x00splice-" + strconv.Itoa(salt) + "-" + strconv.Itoa(i)
		}
		var err error
		if compact, err = marshalCompact(skeleton); err != nil {
			return err
		}
		unique := true
		for _, a := range arrays {
			m, _ := json.Marshal(a.marker)
			if bytes.Count(compact, m) != 1 {
				unique = false
			}
		}
		if unique {
			break
		}
	}
	out := appendIndented(make([]byte, 0, len(compact)+len(compact)/2), compact, "  ")
	// In document order, which need not be the order they were given in.
	arrays = slices.Clone(arrays)
	at := make(map[*splicedArray]int, len(arrays))
	for _, a := range arrays {
		m, _ := json.Marshal(a.marker)
		at[a] = bytes.Index(out, m)
	}
	slices.SortFunc(arrays, func(a, b *splicedArray) int { return at[a] - at[b] })
	bw := bufio.NewWriterSize(w, 64<<10)
	for _, a := range arrays {
		m, _ := json.Marshal(a.marker)
		at := bytes.Index(out, m)
		// The marker's line gives the depth the array's elements are indented to.
		lineStart := bytes.LastIndexByte(out[:at], '\n') + 1
		indent := 0
		for lineStart+indent < at && out[lineStart+indent] == ' ' {
			indent++
		}
		if _, err := bw.Write(out[:at]); err != nil {
			return err
		}
		if err := a.write(bw, indent/2); err != nil {
			return err
		}
		out = out[at+len(m):]
	}
	if _, err := bw.Write(out); err != nil {
		return err
	}
	if err := bw.WriteByte('\n'); err != nil {
		return err
	}
	return bw.Flush()
}

// write writes the array with its elements one level deeper than depth.
func (a *splicedArray) write(w *bufio.Writer, depth int) error {
	pad := bytes.Repeat([]byte("  "), depth+1)
	first := true
	var buf []byte
	line := func(line []byte) error {
		if first {
			w.WriteByte('[')
		} else {
			w.WriteByte(',')
		}
		first = false
		w.WriteByte('\n')
		w.Write(pad)
		buf = indentInto(buf[:0], line, "  ", depth+1, func(b []byte) { w.Write(b) })
		_, err := w.Write(buf) // a failed write in flush is kept by w and returned here
		return err
	}
	var err error
	switch {
	case a.s == nil:
		var eb bytes.Buffer
		enc := json.NewEncoder(&eb)
		enc.SetEscapeHTML(false)
		err = a.each(func(v any) error {
			eb.Reset()
			if err := enc.Encode(v); err != nil {
				return err
			}
			return line(bytes.TrimSuffix(eb.Bytes(), []byte("\n")))
		})
	case a.s.items > 0:
		buf = make([]byte, 0, 64<<10)
		err = a.s.lines(line)
	}
	if err != nil {
		return err
	}
	if first {
		_, err := w.WriteString("[]")
		return err
	}
	w.WriteByte('\n')
	w.Write(pad[:2*depth])
	return w.WriteByte(']')
}
