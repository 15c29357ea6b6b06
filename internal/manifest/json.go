package manifest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/resilcheck/resilcheck/internal/audit"
)

// jsonDecoder walks encoding/json's token stream, which (unlike json.Unmarshal) lets it
// see duplicate keys and know the byte offset of every token, hence its line and column.
type jsonDecoder struct {
	data  []byte
	dec   *json.Decoder
	lines *lineIndex
	b     *builder
}

func decodeJSON(src *Source, data []byte, b *builder) {
	d := &jsonDecoder{data: data, dec: json.NewDecoder(bytes.NewReader(data)), lines: newLineIndex(data), b: b}
	d.dec.UseNumber()
	for index := 0; ; index++ {
		start := d.skip(d.dec.InputOffset())
		if start >= int64(len(data)) {
			return
		}
		doc := &Document{File: src.Path, Index: index}
		b.reset(doc)
		value, err := d.value("", 0)
		if err != nil {
			var f *fatal
			if !errors.As(err, &f) {
				// A syntax error: the stream cannot be read past it.
				src.fail(d.errorPos(err, src.Path), "invalid JSON: "+jsonErrorMessage(err))
				return
			}
		}
		b.finish(src, value, d.lines.pos(src.Path, int(start)), err)
		if err != nil {
			return
		}
	}
}

// skip returns the offset of the next token at or after off: encoding/json consumes the
// separators between tokens as part of the next Token call.
func (d *jsonDecoder) skip(off int64) int64 {
	for off < int64(len(d.data)) {
		switch d.data[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
		default:
			return off
		}
	}
	return off
}

func (d *jsonDecoder) token() (json.Token, audit.Position, error) {
	start := d.skip(d.dec.InputOffset())
	tok, err := d.dec.Token()
	return tok, d.lines.pos(d.b.doc.File, int(start)), err
}

func (d *jsonDecoder) value(pointer string, depth int) (any, error) {
	tok, pos, err := d.token()
	if err != nil {
		return nil, err
	}
	if err := d.b.enter(pos, pointer, depth); err != nil {
		return nil, err
	}
	d.b.doc.setPos(pointer, pos)
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			return d.object(pointer, depth)
		case '[':
			return d.array(pointer, depth)
		}
		return nil, fmt.Errorf("unexpected %q", rune(t))
	case json.Number:
		// JSON sets no bound on numbers; the pipeline does, and YAML refuses the same values.
		if msg := jsonNumberProblem(string(t)); msg != "" {
			d.b.problem(pos, pointer, msg)
			return nil, nil
		}
		return t, nil
	case string, bool, nil:
		return t, nil
	}
	return nil, fmt.Errorf("unexpected token %v", tok)
}

func (d *jsonDecoder) object(pointer string, depth int) (any, error) {
	out := map[string]any{}
	first := map[string]audit.Position{}
	for d.dec.More() {
		tok, kpos, err := d.token()
		if err != nil {
			return nil, err
		}
		name, ok := tok.(string)
		if !ok {
			return nil, fmt.Errorf("object key is not a string")
		}
		child := Join(pointer, name)
		v, err := d.value(child, depth+1)
		if err != nil {
			return nil, err
		}
		if at, dup := first[name]; dup {
			d.b.problem(kpos, child, fmt.Sprintf("duplicate key %q (first written at line %d)", name, at.Line))
			continue
		}
		first[name] = kpos
		d.b.doc.setKeyPos(child, kpos)
		out[name] = v
	}
	if _, _, err := d.token(); err != nil { // the closing brace
		return nil, err
	}
	return out, nil
}

func (d *jsonDecoder) array(pointer string, depth int) (any, error) {
	out := []any{}
	for i := 0; d.dec.More(); i++ {
		v, err := d.value(Join(pointer, i), depth+1)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	if _, _, err := d.token(); err != nil { // the closing bracket
		return nil, err
	}
	return out, nil
}

func (d *jsonDecoder) errorPos(err error, file string) audit.Position {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		// Offset counts the bytes read before the offending one.
		return d.lines.pos(file, int(se.Offset))
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return d.lines.pos(file, len(d.data))
	}
	return d.lines.pos(file, int(d.dec.InputOffset()))
}

func jsonErrorMessage(err error) string {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return "unexpected end of input (unclosed object or array?)"
	}
	return err.Error()
}
