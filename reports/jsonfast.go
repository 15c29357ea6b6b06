package reports

import (
	"encoding/json"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/resilcheck/resilcheck/internal/audit"
)

// appendResultJSON appends r as encoding/json writes it with HTML left unescaped, the form
// of every item of the JSON report: a sweep writes tens of thousands of results, and
// encoding/json's reflection (and its sorting of evidence keys through reflect values) was
// most of what rendering them cost. ok is false for what it does not write itself (a
// waiver, evidence holding a value of another type, a number encoding/json would refuse):
// the caller encodes that result with encoding/json, which is what a test holds this to.
func appendResultJSON(b []byte, r *audit.Result) (_ []byte, ok bool) {
	if r.Waiver != nil {
		return b, false
	}
	b = append(b, `{"manifest":`...)
	b = appendJSONString(b, r.Manifest)
	b = append(b, `,"control":`...)
	b = appendJSONString(b, r.Control)
	b = append(b, `,"status":`...)
	b = appendJSONString(b, string(r.Status))
	if r.Reason != "" {
		b = append(b, `,"reason":`...)
		b = appendJSONString(b, r.Reason)
	}
	if r.ReasonKo != "" {
		b = append(b, `,"reason_ko":`...)
		b = appendJSONString(b, r.ReasonKo)
	}
	if len(r.Violations) > 0 {
		b = append(b, `,"violations":`...)
		if b, ok = appendViolationsJSON(b, r.Violations); !ok {
			return b, false
		}
	}
	if len(r.Notes) > 0 {
		b = append(b, `,"notes":`...)
		if b, ok = appendViolationsJSON(b, r.Notes); !ok {
			return b, false
		}
	}
	if r.Baseline {
		b = append(b, `,"baseline":true`...)
	}
	return append(b, '}'), true
}

func appendViolationsJSON(b []byte, vs []audit.Violation) (_ []byte, ok bool) {
	b = append(b, '[')
	for i := range vs {
		if i > 0 {
			b = append(b, ',')
		}
		v := &vs[i]
		b = append(b, `{"message":`...)
		b = appendJSONString(b, v.Message)
		if v.MessageKo != "" {
			b = append(b, `,"message_ko":`...)
			b = appendJSONString(b, v.MessageKo)
		}
		b = append(b, `,"pointer":`...)
		b = appendJSONString(b, v.Pointer)
		if v.Key != "" {
			b = append(b, `,"key":`...)
			b = appendJSONString(b, v.Key)
		}
		if v.Baseline {
			b = append(b, `,"baseline":true`...)
		}
		b = append(b, `,"file":`...)
		b = appendJSONString(b, v.File)
		if v.Line != 0 {
			b = append(b, `,"line":`...)
			b = strconv.AppendInt(b, int64(v.Line), 10)
		}
		if v.Column != 0 {
			b = append(b, `,"column":`...)
			b = strconv.AppendInt(b, int64(v.Column), 10)
		}
		if len(v.Evidence) > 0 {
			b = append(b, `,"evidence":`...)
			if b, ok = appendAnyJSON(b, v.Evidence); !ok {
				return b, false
			}
		}
		b = append(b, '}')
	}
	return append(b, ']'), true
}

// appendAnyJSON writes the values evidence is made of (what ast.JSON returns, and ints).
func appendAnyJSON(b []byte, v any) (_ []byte, ok bool) {
	switch x := v.(type) {
	case nil:
		return append(b, "null"...), true
	case bool:
		return strconv.AppendBool(b, x), true
	case string:
		return appendJSONString(b, x), true
	case int:
		return strconv.AppendInt(b, int64(x), 10), true
	case json.Number:
		if x == "" {
			return append(b, '0'), true
		}
		if !validJSONNumber(string(x)) {
			return b, false
		}
		return append(b, x...), true
	case []any:
		if x == nil {
			return append(b, "null"...), true
		}
		b = append(b, '[')
		for i, e := range x {
			if i > 0 {
				b = append(b, ',')
			}
			if b, ok = appendAnyJSON(b, e); !ok {
				return b, false
			}
		}
		return append(b, ']'), true
	case map[string]any:
		return appendSortedMap(b, x, appendAnyJSON)
	}
	return b, false
}

// appendSortedMap writes m as encoding/json writes a map: keys sorted, nil as null, each
// value by value (ok false when it declines one).
func appendSortedMap[V any](b []byte, m map[string]V, value func([]byte, V) ([]byte, bool)) (_ []byte, ok bool) {
	if m == nil {
		return append(b, "null"...), true
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b = append(b, '{')
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, k)
		b = append(b, ':')
		if b, ok = value(b, m[k]); !ok {
			return b, false
		}
	}
	return append(b, '}'), true
}

const hexDigits = "0123456789abcdef"

// appendJSONString quotes s as encoding/json does with HTML escaping off: quotes,
// backslashes and control characters escaped, invalid UTF-8 as U+FFFD, and the JavaScript
// line separators U+2028 and U+2029 escaped.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// validJSONNumber is JSON's number grammar, which encoding/json holds a json.Number to. Only a
// number starts with a minus or a digit and ends with a digit, so within those bounds
// json.Valid decides it.
func validJSONNumber(s string) bool {
	return s != "" && (s[0] == '-' || '0' <= s[0] && s[0] <= '9') && '0' <= s[len(s)-1] && s[len(s)-1] <= '9' && json.Valid([]byte(s))
}
