package manifest

import (
	"bytes"
	"fmt"
	"math/rand"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

// naivePos is the definition lineIndex.pos must agree with: count lines and characters from
// the start of the data.
func naivePos(data []byte, off int) (line, col int) {
	if off > len(data) {
		off = len(data)
	}
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	return bytes.Count(data[:off], []byte{'\n'}) + 1, utf8.RuneCount(data[start:off]) + 1
}

// TestLineIndexAgreesWithCounting asks for positions in increasing order (as the JSON
// decoder does), in random order and past the end, on text with multi-byte characters and
// empty lines: the cached path and the search must both give the counted answer.
func TestLineIndexAgreesWithCounting(t *testing.T) {
	data := []byte("{\"이름\": \"카카오\",\n\n  \"a\": [1, 2, \"ü\"],\n\"b\": {}}\n{\"c\": 3}")
	rng := rand.New(rand.NewSource(1))
	var offs []int // tokens start on character boundaries
	for i := 0; i <= len(data)+2; i++ {
		if i >= len(data) || utf8.RuneStart(data[i]) {
			offs = append(offs, i)
		}
	}
	orders := map[string][]int{"increasing": offs}
	shuffled := append([]int(nil), offs...)
	rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	orders["random"] = shuffled
	for name, order := range orders {
		x := newLineIndex(data)
		for _, off := range order {
			got := x.pos("f", off)
			line, col := naivePos(data, off)
			if got.Line != line || got.Column != col {
				t.Fatalf("%s: offset %d: %d:%d, want %d:%d", name, off, got.Line, got.Column, line, col)
			}
		}
	}
}

// TestMinifiedJSONPositions: a one-line document reports the same positions as counting
// gives, for every value (the case that was quadratic).
func TestMinifiedJSONPositions(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"apiVersion":"resilcheck/v1","labels":{`)
	keys := make([]string, 0, 500)
	for i := 0; i < 500; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		k := fmt.Sprintf("k%03d", i)
		keys = append(keys, k)
		fmt.Fprintf(&b, `"%s":"값%d"`, k, i)
	}
	b.WriteString("}}")
	data := []byte(b.String())
	src := Decode("m.json", data, Options{})
	if len(src.Problems) > 0 || len(src.Documents) != 1 {
		t.Fatalf("decode: %+v", src.Problems)
	}
	docs := src.Documents
	sort.Strings(keys)
	for _, k := range []string{keys[0], keys[250], keys[499]} {
		p := docs[0].Pos("/labels/" + k)
		off := bytes.Index(data, []byte(`"`+k+`":`)) + len(k) + 3
		line, col := naivePos(data, off)
		if p.Line != line || p.Column != col {
			t.Errorf("/labels/%s at %d:%d, want %d:%d", k, p.Line, p.Column, line, col)
		}
	}
}

// BenchmarkMinifiedJSON compares a one-line document with its pretty-printed twin; they
// should cost about the same (they did not: the minified one was quadratic in its length).
func BenchmarkMinifiedJSON(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		var mini, pretty strings.Builder
		mini.WriteString(`{"labels":{`)
		pretty.WriteString("{\n  \"labels\": {\n")
		for i := 0; i < n; i++ {
			if i > 0 {
				mini.WriteByte(',')
				pretty.WriteString(",\n")
			}
			fmt.Fprintf(&mini, `"k%d":"v%d"`, i, i)
			fmt.Fprintf(&pretty, "    \"k%d\": \"v%d\"", i, i)
		}
		mini.WriteString("}}")
		pretty.WriteString("\n  }\n}\n")
		for name, text := range map[string]string{"minified": mini.String(), "pretty": pretty.String()} {
			data := []byte(text)
			b.Run(fmt.Sprintf("%s-%d", name, n), func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					if src := Decode("m.json", data, Options{}); len(src.Problems) > 0 {
						b.Fatal(src.Problems)
					}
				}
			})
		}
	}
}
