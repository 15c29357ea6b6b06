package reports

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// encoderIndented is the reference: what encoding/json's encoder writes.
func encoderIndented(t *testing.T, v any) string {
	t.Helper()
	return encodeReference(t, v, "  ")
}

// encodeReference is encoding/json's encoder with HTML unescaped, indented by indent
// ("" for compact).
func encodeReference(t *testing.T, v any, indent string) string {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	if indent != "" {
		enc.SetIndent("", indent)
	}
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func fastIndented(t *testing.T, v any) string {
	t.Helper()
	var b bytes.Buffer
	if err := writeIndentedJSON(&b, v); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestIndentedJSONMatchesEncoder(t *testing.T) {
	cases := map[string]any{
		"empty object":        map[string]any{},
		"empty array":         []any{},
		"empties inside":      map[string]any{"a": map[string]any{}, "b": []any{}, "c": []any{[]any{}, map[string]any{}}},
		"scalars":             []any{nil, true, false, 0, -1.5, 1e21, "x"},
		"escapes in strings":  []any{`quote " here`, `back\slash`, "new\nline\ttab", "ctl \u0001", `"`, `\`, `\"`, "{[,:]}"},
		"html is not escaped": "<a href=\"x\">&</a>",
		"unicode":             map[string]any{"한국어 키": "값 \u2028 \u2029 😀"},
		"keys with syntax":    map[string]any{"a,b": 1, "c:d": 2, "{": 3, `"`: 4},
		"nested":              map[string]any{"x": []any{map[string]any{"y": []any{1, 2, map[string]any{"z": nil}}}}},
		"string top level":    "plain",
		"number top level":    42,
	}
	for name, v := range cases {
		t.Run(name, func(t *testing.T) {
			if got, want := fastIndented(t, v), encoderIndented(t, v); got != want {
				t.Fatalf("got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// TestIndentedJSONMatchesEncoderOnRandomValues: seeded random documents of every shape.
func TestIndentedJSONMatchesEncoderOnRandomValues(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("ab\"\\/{}[],: \n\t\u0000\u001f<>&한😀\u2028")
	var gen func(depth int) any
	str := func() string {
		var sb strings.Builder
		for range r.IntN(8) {
			sb.WriteRune(alphabet[r.IntN(len(alphabet))])
		}
		return sb.String()
	}
	gen = func(depth int) any {
		k := r.IntN(8)
		if depth > 4 {
			k = r.IntN(4)
		}
		switch k {
		case 0:
			return nil
		case 1:
			return r.IntN(2) == 0
		case 2:
			return json.Number(fmt.Sprint(r.IntN(2000) - 1000))
		case 3:
			return str()
		case 4, 5:
			a := make([]any, r.IntN(4))
			for i := range a {
				a[i] = gen(depth + 1)
			}
			return a
		default:
			m := map[string]any{}
			for range r.IntN(4) {
				m[str()] = gen(depth + 1)
			}
			return m
		}
	}
	for i := range 2000 {
		v := gen(0)
		if got, want := fastIndented(t, v), encoderIndented(t, v); got != want {
			t.Fatalf("value %d:\ngot:\n%s\nwant:\n%s", i, got, want)
		}
	}
}

// TestIndentedJSONMatchesEncoderOnGoldens: every JSON and SARIF golden report, decoded and
// written again, comes out as the encoder writes it.
func TestIndentedJSONMatchesEncoderOnGoldens(t *testing.T) {
	var files []string
	for _, pattern := range []string{"testdata/*/*.json", "testdata/*/*.sarif", "testdata/*/*/*.json", "testdata/*/*/*.sarif"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	if len(files) < 4 {
		t.Fatalf("only %d golden reports found", len(files))
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var v any
		d := json.NewDecoder(bytes.NewReader(raw))
		d.UseNumber()
		if err := d.Decode(&v); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if got, want := fastIndented(t, v), encoderIndented(t, v); got != want {
			t.Errorf("%s: the fast indenter differs from the encoder", f)
		}
	}
}

func BenchmarkIndentedJSON(b *testing.B) {
	raw, err := os.ReadFile("testdata/scenarios/kakao-2022-10-15.en.json")
	if err != nil {
		b.Skip("no golden report:", err)
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		b.Fatal(err)
	}
	b.Run("encoder", func(b *testing.B) {
		for b.Loop() {
			enc := json.NewEncoder(io.Discard)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			if err := enc.Encode(v); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("fast", func(b *testing.B) {
		for b.Loop() {
			if err := writeIndentedJSON(io.Discard, v); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// Indenting a large value in flushed pieces gives the same bytes as indenting it whole, and
// no piece runs far past flushAt.
func TestIndentIntoFlushesTheSameBytes(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var items []any
	for i := range 4000 {
		items = append(items, map[string]any{
			"id":       fmt.Sprintf("svc-%d", i),
			"note":     strings.Repeat(`a\"b,c:{d}[e]\\`, r.IntN(4)),
			"children": []any{json.Number("1"), nil, true, map[string]any{}, []any{}},
		})
	}
	compact, err := json.Marshal(map[string]any{"results": items})
	if err != nil {
		t.Fatal(err)
	}
	want := appendIndentedAt(nil, compact, "  ", 2)
	var got []byte
	pieces := 0
	rest := indentInto(nil, compact, "  ", 2, func(b []byte) {
		if len(b) > flushAt+4096 {
			t.Fatalf("a piece of %d bytes", len(b))
		}
		got = append(got, b...)
		pieces++
	})
	got = append(got, rest...)
	if !bytes.Equal(got, want) {
		t.Fatal("the flushed pieces differ from the whole")
	}
	if pieces < len(want)/flushAt/2 {
		t.Errorf("%d pieces for %d bytes", pieces, len(want))
	}
}
