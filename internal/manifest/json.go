package manifest

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/resilcheck/resilcheck/internal/audit"
)

// jsonScanner reads JSON text into the values encoding/json decodes it to with UseNumber
// (map[string]any, []any, string, json.Number, bool, nil), one pass over the bytes, keeping
// the line and column as it goes. It replaced a walk over encoding/json's token stream:
// that saw duplicate keys and token offsets, but was several times slower, and the offset of
// an error inside a token was the count of bytes its scanner had seen, not a place in the
// file. It accepts exactly the JSON encoding/json accepts, a stream of values being a
// stream of documents, and says what encoding/json says of the rest, but names a character
// written in several bytes whole (not its first byte) and says a key was expected where the
// token stream said nothing.
type jsonScanner struct {
	file string
	data []byte
	off  int
	b    *builder

	line      int // 1-based line of off
	lineStart int // offset where that line starts
	colOff    int // an offset on the current line whose column is known...
	col       int // ...and that column, so a long line is counted once, not once per value

	keys map[string]string // member names seen in this file, so a name repeated in every object is one string
}

// errJSONEnd is the input ending inside a value.
var errJSONEnd = errors.New("unexpected end of input (unclosed object or array?)")

// jsonSyntaxError is invalid JSON at an offset; decoding cannot go past it.
type jsonSyntaxError struct {
	msg string
	off int
}

func (e *jsonSyntaxError) Error() string { return e.msg }

func decodeJSON(src *Source, data []byte, b *builder) {
	s := &jsonScanner{file: src.Path, data: data, b: b, line: 1, col: 1}
	for index := 0; ; index++ {
		s.space()
		if s.onlySeparatorsLeft() {
			return
		}
		start := s.pos(s.off)
		doc := &Document{File: src.Path, Index: index}
		b.reset(doc)
		value, err := s.value(0, "looking for beginning of value")
		if err != nil {
			var f *fatal
			if !errors.As(err, &f) {
				// A syntax error: the stream cannot be read past it.
				src.fail(s.errorPos(err), "invalid JSON: "+err.Error())
				return
			}
		}
		doc.pos.close(0)
		b.finish(src, value, start, err)
		if err != nil {
			return
		}
	}
}

// onlySeparatorsLeft reports whether the rest of the input is commas and colons between
// blanks, which the decoder this one replaced skipped at the end of a stream without a word.
func (s *jsonScanner) onlySeparatorsLeft() bool {
	for i := s.off; i < len(s.data); i++ {
		switch s.data[i] {
		case ' ', '\t', '\r', '\n', ',', ':':
		default:
			return false
		}
	}
	return true
}

// space skips blanks, counting lines: a line ends at "\n", "\r\n" or a lone "\r", as in
// lineIndex.
func (s *jsonScanner) space() {
	for s.off < len(s.data) {
		switch s.data[s.off] {
		case ' ', '\t':
			s.off++
		case '\n':
			s.off++
			s.newLine()
		case '\r':
			s.off++
			if s.off == len(s.data) || s.data[s.off] != '\n' {
				s.newLine()
			}
		default:
			return
		}
	}
}

func (s *jsonScanner) newLine() {
	s.line++
	s.lineStart, s.colOff, s.col = s.off, s.off, 1
}

// pos is where offset off of the current line is; columns count characters.
func (s *jsonScanner) pos(off int) audit.Position {
	if off < s.colOff {
		s.colOff, s.col = s.lineStart, 1
	}
	s.col += utf8.RuneCount(s.data[s.colOff:off])
	s.colOff = off
	return audit.Position{File: s.file, Line: s.line, Column: s.col}
}

// errorPos is where a syntax error is: the character it names, or the end of the input.
// Neither is ever past the end of the current line: a token holds no line break.
func (s *jsonScanner) errorPos(err error) audit.Position {
	var se *jsonSyntaxError
	if errors.As(err, &se) {
		return s.pos(se.off)
	}
	return s.pos(len(s.data))
}

// invalid is encoding/json's message for an unexpected character, naming the whole
// character where it named only the first byte of one written in several.
func (s *jsonScanner) invalid(off int, context string) error {
	if off >= len(s.data) {
		return errJSONEnd
	}
	r, _ := utf8.DecodeRune(s.data[off:])
	msg := "invalid character " + quoteRune(r)
	if context != "" {
		msg += " " + context
	}
	return &jsonSyntaxError{msg: msg, off: off}
}

// value reads the value at s.off (blanks skipped) into the current entry; context is what
// encoding/json says was expected when the character there cannot start a value.
func (s *jsonScanner) value(depth int, context string) (any, error) {
	if s.off >= len(s.data) {
		return nil, errJSONEnd
	}
	start := s.off
	var v any
	switch c := s.data[s.off]; {
	case c == '{' || c == '[':
		s.off++
	case c == '"':
		str, err := s.string()
		if err != nil {
			return nil, err
		}
		v = str
	case c == 't':
		if err := s.literal("true"); err != nil {
			return nil, err
		}
		v = true
	case c == 'f':
		if err := s.literal("false"); err != nil {
			return nil, err
		}
		v = false
	case c == 'n':
		if err := s.literal("null"); err != nil {
			return nil, err
		}
	case c == '-' || c >= '0' && c <= '9':
		num, err := s.number()
		if err != nil {
			return nil, err
		}
		v = num
	default:
		return nil, s.invalid(s.off, context)
	}
	// As encoding/json's token stream did: the token is read, then the depth checked.
	pos := s.pos(start)
	if err := s.b.enter(pos, depth); err != nil {
		return nil, err
	}
	s.b.here(pos.Line, pos.Column)
	switch s.data[start] {
	case '{':
		return s.object(depth)
	case '[':
		return s.array(depth)
	}
	if n, ok := v.(json.Number); ok {
		// JSON sets no bound on numbers; the pipeline does, and YAML refuses the same values.
		if msg := jsonNumberProblem(string(n)); msg != "" {
			s.b.problem(pos, s.b.pointer(), msg)
			return nil, nil
		}
	}
	return v, nil
}

func (s *jsonScanner) object(depth int) (any, error) {
	out := map[string]any{}
	s.space()
	if s.off < len(s.data) && s.data[s.off] == '}' {
		s.off++
		return out, nil
	}
	for {
		if s.off >= len(s.data) {
			return nil, errJSONEnd
		}
		if s.data[s.off] != '"' {
			return nil, s.invalid(s.off, "looking for beginning of object key string")
		}
		kpos := s.pos(s.off)
		name, err := s.key()
		if err != nil {
			return nil, err
		}
		s.space()
		if s.off >= len(s.data) {
			return nil, errJSONEnd
		}
		if s.data[s.off] != ':' {
			return nil, s.invalid(s.off, "after object key")
		}
		s.off++
		s.space()
		_, dup := out[name]
		s.b.open(name, -1, kpos.Line, kpos.Column)
		v, err := s.value(depth+1, "looking for beginning of value")
		if err != nil {
			return nil, err
		}
		s.b.shut()
		if dup {
			at, _ := s.b.doc.pos.keyLine(s.b.stack[len(s.b.stack)-1]+1, name)
			s.b.problem(kpos, s.b.member(name), fmt.Sprintf("duplicate key %q (first written at line %d)", name, at))
		} else {
			out[name] = v
		}
		s.space()
		if s.off >= len(s.data) {
			return nil, errJSONEnd
		}
		switch s.data[s.off] {
		case ',':
			s.off++
			s.space()
		case '}':
			s.off++
			return out, nil
		default:
			return nil, s.invalid(s.off, "after object key:value pair")
		}
	}
}

func (s *jsonScanner) array(depth int) (any, error) {
	out := []any{}
	s.space()
	if s.off < len(s.data) && s.data[s.off] == ']' {
		s.off++
		return out, nil
	}
	for i := 0; ; i++ {
		s.b.open("", i, 0, 0)
		v, err := s.value(depth+1, "looking for beginning of value")
		if err != nil {
			return nil, err
		}
		s.b.shut()
		out = append(out, v)
		s.space()
		if s.off >= len(s.data) {
			return nil, errJSONEnd
		}
		switch s.data[s.off] {
		case ',':
			s.off++
			s.space()
		case ']':
			s.off++
			return out, nil
		default:
			return nil, s.invalid(s.off, "after array element")
		}
	}
}

// literal reads true, false or null.
func (s *jsonScanner) literal(word string) error {
	for i := 1; i < len(word); i++ {
		at := s.off + i
		if at >= len(s.data) {
			return errJSONEnd
		}
		if s.data[at] != word[i] {
			return s.invalid(at, fmt.Sprintf("in literal %s (expecting %s)", word, quoteASCII(word[i])))
		}
	}
	s.off += len(word)
	return nil
}

// quoteRune names a character in a message as encoding/json does.
func quoteRune(r rune) string {
	switch r {
	case '\'':
		return `'\''`
	case '"':
		return `'"'`
	}
	quoted := strconv.Quote(string(r))
	return "'" + quoted[1:len(quoted)-1] + "'"
}

func quoteASCII(c byte) string { return "'" + string(c) + "'" }

// number reads a number as JSON writes it and keeps its text; what follows it is judged by
// the caller, as encoding/json's scanner ends a number at the first byte that cannot go on.
func (s *jsonScanner) number() (json.Number, error) {
	d, i := s.data, s.off
	if d[i] == '-' {
		i++
		if i >= len(d) {
			return "", errJSONEnd
		}
		if d[i] < '0' || d[i] > '9' {
			return "", s.invalid(i, "in numeric literal")
		}
	}
	if d[i] == '0' {
		i++
	} else {
		for i < len(d) && d[i] >= '0' && d[i] <= '9' {
			i++
		}
	}
	if i < len(d) && d[i] == '.' {
		i++
		if i >= len(d) {
			return "", errJSONEnd
		}
		if d[i] < '0' || d[i] > '9' {
			return "", s.invalid(i, "after decimal point in numeric literal")
		}
		for i < len(d) && d[i] >= '0' && d[i] <= '9' {
			i++
		}
	}
	if i < len(d) && (d[i] == 'e' || d[i] == 'E') {
		i++
		if i < len(d) && (d[i] == '+' || d[i] == '-') {
			i++
		}
		if i >= len(d) {
			return "", errJSONEnd
		}
		if d[i] < '0' || d[i] > '9' {
			return "", s.invalid(i, "in exponent of numeric literal")
		}
		for i < len(d) && d[i] >= '0' && d[i] <= '9' {
			i++
		}
	}
	n := json.Number(d[s.off:i])
	s.off = i
	return n, nil
}

// key reads a member name. Names repeat in every object of a kind, so each is allocated
// once per file.
func (s *jsonScanner) key() (string, error) {
	raw, plain, err := s.quoted()
	if err != nil {
		return "", err
	}
	if !plain {
		return unquoteJSON(raw), nil
	}
	if k, ok := s.keys[string(raw)]; ok {
		return k, nil
	}
	if s.keys == nil {
		s.keys = map[string]string{}
	}
	k := string(raw)
	s.keys[k] = k
	return k, nil
}

func (s *jsonScanner) string() (string, error) {
	raw, plain, err := s.quoted()
	if err != nil {
		return "", err
	}
	if plain {
		return string(raw), nil
	}
	return unquoteJSON(raw), nil
}

// quoted checks the string at s.off as encoding/json's scanner does and returns what is
// between its quotes and whether it holds no escape. The input is valid UTF-8 already.
func (s *jsonScanner) quoted() ([]byte, bool, error) {
	d := s.data
	start := s.off + 1
	plain := true
	for i := start; i < len(d); {
		c := d[i]
		switch {
		case c == '"':
			s.off = i + 1
			return d[start:i], plain, nil
		case c < 0x20:
			return nil, false, s.invalid(i, "in string literal")
		case c == '\\':
			plain = false
			i++
			if i >= len(d) {
				return nil, false, errJSONEnd
			}
			switch d[i] {
			case 'b', 'f', 'n', 'r', 't', '\\', '/', '"':
				i++
			case 'u':
				i++
				for k := 0; k < 4; k++ {
					if i >= len(d) {
						return nil, false, errJSONEnd
					}
					if !isHex(d[i]) {
						return nil, false, s.invalid(i, `in \u hexadecimal character escape`)
					}
					i++
				}
			default:
				return nil, false, s.invalid(i, "in string escape code")
			}
		default:
			i++
		}
	}
	return nil, false, errJSONEnd
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// unquoteJSON decodes the escapes of a string quoted has checked, as encoding/json does:
// a \u escape that is half of a surrogate pair without its other half becomes U+FFFD.
func unquoteJSON(s []byte) string {
	b := make([]byte, 0, len(s))
	for r := 0; r < len(s); {
		c := s[r]
		if c != '\\' {
			b = append(b, c)
			r++
			continue
		}
		r++
		switch s[r] {
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			rr := hex4(s[r+1:])
			r += 5
			if utf16.IsSurrogate(rr) {
				if r+6 <= len(s) && s[r] == '\\' && s[r+1] == 'u' {
					if dec := utf16.DecodeRune(rr, hex4(s[r+2:])); dec != utf8.RuneError {
						b = utf8.AppendRune(b, dec)
						r += 6
						continue
					}
				}
				rr = utf8.RuneError
			}
			b = utf8.AppendRune(b, rr)
			continue
		default: // '"', '\\', '/'
			b = append(b, s[r])
		}
		r++
	}
	return string(b)
}

// hex4 reads the four hexadecimal digits quoted has checked.
func hex4(s []byte) rune {
	var r rune
	for _, c := range s[:4] {
		switch {
		case c <= '9':
			c -= '0'
		case c <= 'F':
			c = c - 'A' + 10
		default:
			c = c - 'a' + 10
		}
		r = r<<4 | rune(c)
	}
	return r
}
