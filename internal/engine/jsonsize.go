package engine

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"
)

// jsonSize is len(json.Marshal(v)) for the values a policy's evidence converts to (maps,
// slices, strings, json.Number, booleans, null), without writing them: the findings limits
// only need the size, and marshalling every finding's evidence (reflection, sorted map
// keys, a buffer) was a measurable part of a sweep's CPU. ok is false for anything else,
// and for a number encoding/json would refuse: the caller marshals then.
func jsonSize(v any) (n int, ok bool) {
	switch x := v.(type) {
	case nil:
		return 4, true
	case bool:
		if x {
			return 4, true
		}
		return 5, true
	case string:
		return jsonStringSize(x), true
	case json.Number:
		if x == "" {
			return 1, true // encoding/json writes an empty Number as 0
		}
		if !validNumber(string(x)) {
			return 0, false
		}
		return len(x), true
	case int:
		return len(strconv.Itoa(x)), true
	case map[string]any:
		if x == nil {
			return 4, true
		}
		n = 2 // {}
		if len(x) > 1 {
			n += len(x) - 1 // commas
		}
		for k, e := range x {
			m, ok := jsonSize(e)
			if !ok {
				return 0, false
			}
			n += jsonStringSize(k) + 1 + m
		}
		return n, true
	case []any:
		if x == nil {
			return 4, true
		}
		n = 2 // []
		if len(x) > 1 {
			n += len(x) - 1
		}
		for _, e := range x {
			m, ok := jsonSize(e)
			if !ok {
				return 0, false
			}
			n += m
		}
		return n, true
	}
	return 0, false
}

// jsonStringSize is the length of s as json.Marshal quotes it: HTML characters, control
// characters, invalid UTF-8 and the JavaScript line separators escaped.
func jsonStringSize(s string) int {
	n := 2
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			switch {
			case b == '\\' || b == '"' || b == '\b' || b == '\f' || b == '\n' || b == '\r' || b == '\t':
				n += 2
			case b < 0x20 || b == '<' || b == '>' || b == '&':
				n += 6 // \u00XX
			default:
				n++
			}
			i++
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case c == utf8.RuneError && size == 1:
			n += 6 // \ufffd
		case c == '\u2028' || c == '\u2029':
			n += 6
		default:
			n += size
		}
		i += size
	}
	return n
}

// validNumber is JSON's number grammar, which encoding/json holds a json.Number to. Only a
// number starts with a minus or a digit and ends with a digit, so within those bounds
// json.Valid decides it.
func validNumber(s string) bool {
	return s != "" && (s[0] == '-' || '0' <= s[0] && s[0] <= '9') && '0' <= s[len(s)-1] && s[len(s)-1] <= '9' && json.Valid([]byte(s))
}
