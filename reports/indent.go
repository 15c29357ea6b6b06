package reports

import (
	"bytes"
	"encoding/json"
	"io"
)

// writeIndentedJSON writes v as encoding/json's Encoder does with SetIndent("", "  ") and
// SetEscapeHTML(false), byte for byte, about twice as fast on a large report: the encoder
// re-scans its whole compact output with a validating state machine to indent it, while
// output it has just produced needs no validation, only a pass that tracks strings.
func writeIndentedJSON(w io.Writer, v any) error {
	var compact bytes.Buffer
	enc := json.NewEncoder(&compact)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	src := bytes.TrimSuffix(compact.Bytes(), []byte("\n"))
	out := appendIndented(make([]byte, 0, len(src)+len(src)/2), src, "  ")
	_, err := w.Write(append(out, '\n'))
	return err
}

// appendIndented appends src, compact JSON as encoding/json writes it (valid, no space
// outside strings), indented as json.Indent(dst, src, "", indent) would: one element per
// line, ": " after keys, and empty objects and arrays kept as {} and [].
func appendIndented(dst, src []byte, indent string) []byte {
	return appendIndentedAt(dst, src, indent, 0)
}

// appendIndentedAt is appendIndented for a value that sits depth levels deep in the
// document it belongs to: its inner lines are indented that much further.
func appendIndentedAt(dst, src []byte, indent string, depth int) []byte {
	return indentInto(dst, src, indent, depth, nil)
}

// flushAt is how much indented output indentInto gathers before handing it to flush: a
// manifest of 10,000 services is one result of tens of megabytes, and indenting it whole
// into one buffer faulted in that much fresh memory.
const flushAt = 32 << 10

// indentInto is appendIndentedAt that, given flush, hands it the output gathered so far
// each time it passes flushAt (at the end of an element) and starts again in dst's space;
// what is left at the end is returned.
func indentInto(dst, src []byte, indent string, depth int, flush func([]byte)) []byte {
	newline := func(dst []byte) []byte {
		dst = append(dst, '\n')
		for range depth {
			dst = append(dst, indent...)
		}
		return dst
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch c {
		case '"':
			// Copy the whole string; a backslash escapes the next byte (\" and \\ included;
			// \uXXXX continues with plain hex digits). Most strings have no backslash, so
			// the closing quote is looked for directly.
			j := i + 1
			for j < len(src) {
				k := bytes.IndexByte(src[j:], '"')
				if k < 0 {
					j = len(src)
					break
				}
				b := bytes.IndexByte(src[j:j+k], '\\')
				if b < 0 {
					j += k
					break
				}
				j += b + 2
			}
			dst = append(dst, src[i:min(j+1, len(src))]...)
			i = j
		case '{', '[':
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				dst = append(dst, c, src[i+1])
				i++
				continue
			}
			depth++
			dst = newline(append(dst, c))
		case '}', ']':
			depth--
			dst = append(newline(dst), c)
		case ',':
			dst = newline(append(dst, c))
			if flush != nil && len(dst) >= flushAt {
				flush(dst)
				dst = dst[:0]
			}
		case ':':
			dst = append(dst, ':', ' ')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}
