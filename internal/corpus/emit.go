package corpus

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// Map is a mapping that keeps its keys in the order they were set: the generator never
// ranges over a Go map, so the same seed gives the same bytes.
type Map struct {
	keys []string
	vals []any
}

// M builds a Map from key, value pairs; a nil value leaves its key out, so optional fields
// read as one expression.
func M(kv ...any) *Map {
	m := &Map{}
	for i := 0; i+1 < len(kv); i += 2 {
		m.Set(kv[i].(string), kv[i+1])
	}
	return m
}

// Set appends key with value; nil values (and nil *Map) are skipped.
func (m *Map) Set(key string, v any) *Map {
	switch x := v.(type) {
	case nil:
		return m
	case *Map:
		if x == nil {
			return m
		}
	}
	m.keys = append(m.keys, key)
	m.vals = append(m.vals, v)
	return m
}

// Len is the number of keys.
func (m *Map) Len() int { return len(m.keys) }

// YAML renders v (a *Map at the top) as block YAML in the style of the bundled scenarios:
// two-space indentation, sequences of mappings indented under their key, short lists of
// scalars in flow style, dates and timestamps quoted.
func YAML(header string, v *Map) []byte {
	var b bytes.Buffer
	b.Grow(32 << 10)
	for _, line := range strings.Split(strings.TrimRight(header, "\n"), "\n") {
		if line != "" {
			b.WriteString("# " + line + "\n")
		}
	}
	writeYAMLMap(&b, v, 0, "")
	return b.Bytes()
}

func writeYAMLMap(b *bytes.Buffer, m *Map, col int, first string) {
	pad := strings.Repeat(" ", col)
	for i, k := range m.keys {
		if i == 0 && first != "" {
			b.WriteString(first)
		} else {
			b.WriteString(pad)
		}
		b.WriteString(k)
		b.WriteByte(':')
		switch x := m.vals[i].(type) {
		case *Map:
			if x.Len() == 0 {
				b.WriteString(" {}\n")
				continue
			}
			b.WriteByte('\n')
			writeYAMLMap(b, x, col+2, "")
		case []any:
			writeYAMLList(b, x, col)
		default:
			b.WriteByte(' ')
			b.WriteString(yamlScalar(x))
			b.WriteByte('\n')
		}
	}
}

func writeYAMLList(b *bytes.Buffer, l []any, col int) {
	if len(l) == 0 {
		b.WriteString(" []\n")
		return
	}
	if flow, ok := flowList(l); ok && col+len(flow) < 96 {
		b.WriteString(" " + flow + "\n")
		return
	}
	b.WriteByte('\n')
	pad := strings.Repeat(" ", col+2)
	for _, item := range l {
		switch x := item.(type) {
		case *Map:
			if x.Len() == 0 {
				b.WriteString(pad + "- {}\n")
				continue
			}
			writeYAMLMap(b, x, col+4, pad+"- ")
		default:
			b.WriteString(pad + "- " + yamlScalar(x) + "\n")
		}
	}
}

// flowList renders a list of scalars as [a, b, c] when every item reads back unchanged in
// flow context.
func flowList(l []any) (string, bool) {
	parts := make([]string, len(l))
	for i, item := range l {
		switch x := item.(type) {
		case string:
			if plainSafe(x) && !strings.ContainsAny(x, ",[]{}") {
				parts[i] = x
			} else {
				parts[i] = quote(x)
			}
		case *Map, []any:
			return "", false
		default:
			parts[i] = yamlScalar(x)
		}
	}
	return "[" + strings.Join(parts, ", ") + "]", true
}

func yamlScalar(v any) string {
	switch x := v.(type) {
	case string:
		if plainSafe(x) {
			return x
		}
		return quote(x)
	default:
		return jsonScalar(v)
	}
}

func jsonScalar(v any) string {
	switch x := v.(type) {
	case string:
		return quote(x)
	case int:
		return strconv.Itoa(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	}
	panic(fmt.Sprintf("corpus: unsupported scalar %T", v))
}

// plainSafe reports whether s can be written as a plain YAML scalar and read back as the
// same string: it starts with a letter, holds only letters, digits, spaces and a few
// punctuation marks that mean nothing to YAML mid-scalar, and is no YAML keyword.
// Everything else (dates, timestamps, numbers-looking ids) is double-quoted.
func plainSafe(s string) bool {
	if s == "" || strings.TrimSpace(s) != s {
		return false
	}
	for i, r := range s {
		if i == 0 && !unicode.IsLetter(r) {
			return false
		}
		switch {
		case unicode.IsLetter(r), unicode.IsDigit(r), r == ' ':
		case strings.ContainsRune("._-/()&+,'", r):
		default:
			return false
		}
	}
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "y", "n", "null":
		return false
	}
	return true
}

// quote writes s as a JSON string, which is also a valid double-quoted YAML scalar.
func quote(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

// JSON renders v as indented JSON (two spaces), keys in insertion order.
func JSON(v *Map) []byte {
	var b bytes.Buffer
	b.Grow(48 << 10)
	writeJSON(&b, v, 0)
	b.WriteByte('\n')
	return b.Bytes()
}

func writeJSON(b *bytes.Buffer, v any, col int) {
	pad := strings.Repeat(" ", col+2)
	switch x := v.(type) {
	case *Map:
		if x.Len() == 0 {
			b.WriteString("{}")
			return
		}
		b.WriteString("{\n")
		for i, k := range x.keys {
			b.WriteString(pad + quote(k) + ": ")
			writeJSON(b, x.vals[i], col+2)
			if i < len(x.keys)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(strings.Repeat(" ", col) + "}")
	case []any:
		if len(x) == 0 {
			b.WriteString("[]")
			return
		}
		b.WriteString("[\n")
		for i, item := range x {
			b.WriteString(pad)
			writeJSON(b, item, col+2)
			if i < len(x)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(strings.Repeat(" ", col) + "]")
	default:
		b.WriteString(jsonScalar(x))
	}
}
