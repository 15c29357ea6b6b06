package manifest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/resilcheck/resilcheck/internal/audit"
)

// The decoder must give what the reference decoder (reference_test.go: positions in maps,
// JSON through encoding/json's token stream) gives: the same documents, values, positions
// of every value and key, and problems, except for these deliberate improvements, each
// checked where it applies rather than waved through:
//
//  1. JSON, an error inside a token (a literal, a number, a string): the position is the
//     character the message names. The reference gave encoding/json's count of the bytes
//     its scanner had read since the last delimiter, which pointed anywhere before it.
//  2. JSON, a character written in several bytes: the message names the character ('한');
//     the reference named its first byte as if it were a character of its own ('í').
//  3. JSON, a first member of an object that does not start with a quote: the message says
//     "looking for beginning of object key string", as it does for the members after it;
//     the reference said only "invalid character 'x'".

// decodeBoth runs both decoders on the same bytes.
func decodeBoth(data []byte, isJSON bool, opts Options) (got, want *Source, positions map[*Document]*refPositions) {
	got, want = &Source{Path: "f"}, &Source{Path: "f"}
	decode(got, data, isJSON, opts.withDefaults())
	positions = refDecode(want, data, isJSON, opts.withDefaults())
	return got, want, positions
}

func matchReference(t *testing.T, data []byte, isJSON bool, opts Options) {
	t.Helper()
	got, want, positions := decodeBoth(data, isJSON, opts)
	if got.Rejected != want.Rejected || len(got.Documents) != len(want.Documents) || len(got.Problems) != len(want.Problems) {
		t.Fatalf("rejected %d, %d documents, problems %v;\nreference: rejected %d, %d documents, problems %v",
			got.Rejected, len(got.Documents), got.Problems, want.Rejected, len(want.Documents), want.Problems)
	}
	for i, p := range got.Problems {
		if err := sameProblem(data, isJSON, p, want.Problems[i]); err != nil {
			t.Fatalf("problem %d: %v", i, err)
		}
	}
	for i, d := range got.Documents {
		w := want.Documents[i]
		if d.File != w.File || d.Index != w.Index {
			t.Fatalf("document %d is %s#%d, reference %s#%d", i, d.File, d.Index, w.File, w.Index)
		}
		if !reflect.DeepEqual(d.Value, w.Value) {
			t.Fatalf("document %d value\n got %#v\nwant %#v", i, d.Value, w.Value)
		}
		ref := positions[w]
		for _, ptr := range pointersIn(d.Value, "") {
			// The value itself, its key, and a member or element it does not have (the
			// nearest ancestor answers).
			for _, q := range []string{ptr, ptr + "/no such member", ptr + "/999999"} {
				if g, r := d.Pos(q), ref.Pos(w.File, q); g != r {
					t.Fatalf("document %d: Pos(%q) = %v, reference %v", i, q, g, r)
				}
				if g, r := d.KeyPos(q), ref.KeyPos(w.File, q); g != r {
					t.Fatalf("document %d: KeyPos(%q) = %v, reference %v", i, q, g, r)
				}
			}
		}
		for _, q := range []string{"no slash", "/~2", "/~", "/a~1b~0c"} {
			if g, r := d.Pos(q), ref.Pos(w.File, q); g != r {
				t.Fatalf("document %d: Pos(%q) = %v, reference %v", i, q, g, r)
			}
		}
	}
}

// pointersIn lists the pointer of every value in v, in a fixed order.
func pointersIn(v any, at string) []string {
	out := []string{at}
	switch x := v.(type) {
	case []any:
		for i, e := range x {
			out = append(out, pointersIn(e, Join(at, i))...)
		}
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			out = append(out, pointersIn(x[k], Join(at, k))...)
		}
	}
	return out
}

// sameProblem accepts the reference's problem, or the improvements listed above.
func sameProblem(data []byte, isJSON bool, got, want audit.Problem) error {
	named, isSyntax := namedCharacter(got.Message)
	if isJSON && isSyntax {
		// Improvement 1 is checked for every syntax error, changed or not: the position
		// holds the character the message names.
		off, ok := offsetOf(data, got.Line, got.Column)
		if !ok {
			return fmt.Errorf("%v: no such position in the input", got)
		}
		if r, _ := utf8.DecodeRune(trimBOM(data)[off:]); r != named {
			return fmt.Errorf("%v: the character there is %q, the message names %q", got, r, named)
		}
	}
	if got == want {
		return nil
	}
	if got.File != want.File || got.Pointer != want.Pointer {
		return fmt.Errorf("%+v, reference %+v", got, want)
	}
	if !isJSON || !isSyntax {
		return fmt.Errorf("%+v, reference %+v", got, want)
	}
	// Improvements 2 and 3, written as what the reference said instead.
	firstByte := got.Message
	if named >= utf8.RuneSelf {
		firstByte = strings.Replace(got.Message, quoteRune(named), refQuoteChar(string(named)[0]), 1)
	}
	if want.Message != got.Message && want.Message != firstByte &&
		want.Message+" looking for beginning of object key string" != firstByte {
		return fmt.Errorf("message %q, reference %q", got.Message, want.Message)
	}
	return nil
}

// namedCharacter is the character a JSON syntax error names ("invalid character 'x' ...").
func namedCharacter(msg string) (rune, bool) {
	rest, ok := strings.CutPrefix(msg, "invalid JSON: invalid character ")
	if !ok {
		return 0, false
	}
	if strings.HasPrefix(rest, `'\''`) {
		return '\'', true
	}
	// Other than a quote itself, a quoted character holds no quote.
	end := strings.IndexByte(rest[min(1, len(rest)):], '\'')
	if !strings.HasPrefix(rest, "'") || end < 0 {
		return 0, false
	}
	quoted := rest[1 : 1+end]
	if quoted == `"` {
		return '"', true
	}
	s, err := strconv.Unquote(`"` + quoted + `"`)
	if err != nil {
		return 0, false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return r, true
}

// refQuoteChar is how encoding/json names a byte in a message.
func refQuoteChar(c byte) string {
	s := strconv.Quote(string(rune(c)))
	return "'" + s[1:len(s)-1] + "'"
}

func trimBOM(data []byte) []byte { return bytes.TrimPrefix(data, []byte("\uFEFF")) }

// offsetOf is the byte offset of a 1-based line and column (in characters), counting lines
// as lineIndex does.
func offsetOf(data []byte, line, col int) (int, bool) {
	data = trimBOM(data)
	starts := newLineIndex(data).starts
	if line < 1 || line > len(starts) || col < 1 {
		return 0, false
	}
	off := starts[line-1]
	for c := 1; c < col; c++ {
		if off >= len(data) {
			return 0, false
		}
		_, size := utf8.DecodeRune(data[off:])
		off += size
	}
	return off, true
}

// corpusFiles is every manifest under testdata, the valid, the invalid and the scenarios.
func corpusFiles(t testing.TB) map[string][]byte {
	files := map[string][]byte{}
	err := filepath.WalkDir("../../testdata", func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !IsManifestFile(path) {
			return err
		}
		data, err := os.ReadFile(path)
		files[path] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 50 {
		t.Fatalf("only %d manifests under testdata", len(files))
	}
	return files
}

// jsonEdgeCases are JSON inputs for every error encoding/json reports and every way a
// value can be written, most of which the corpus does not hold.
var jsonEdgeCases = []string{
	`{"a": 1}{"b": 2}`, "{\"a\": 1}\n,\n{\"b\": 2}", `{"a": 1},`, `{"a": 1} :`, `[1]`, `"x"`, `1x`, `{"a": tru}`,
	`{"a": fals}`, `{"a": nul}`, `{"a": nulll}`, `{"a": -}`, `{"a": -x}`, `{"a": 1.}`, `{"a": 1.e5}`, `{"a": 1e}`,
	`{"a": 1e+}`, `{"a": 01}`, `{"a": -0.5E-3}`, `{"a": 1E400}`, `{"a": +1}`, `{"a": .5}`, `{"a": [1,]}`,
	`{"a": [,1]}`, `{"a": [1 2]}`, `{"a": [1 }`, `{"a": [1,}`, `{,}`, `{1: 2}`, `{]`, `{"a" 1}`, `{"a"}`,
	`{"a": }`, `{"a"::1}`, `{"a": 1,}`, `{"a": 1 "b": 2}`, `{"a": 1]`, `{"a": 1`, `{"a": "x`, `{"a": "x\`,
	`{"a": "x\u12`, `{"a": "\u12g4"}`, `{"a": "\x"}`, `{"a": "\'"}`, "{\"a\": \"x\ny\"}", "{\"a\": \"\t\"}",
	`{"a": "\ud83d\ude00 \ud83d x \ude00 \ud83d\u0041 \ud83d\\u0041 \u0000 \/\b\f\n\r\t\"\\"}`,
	`{"\u0061": 1, "a\u0062": 2}`, `{"a": 1, "\u0061": 2}`, `{"a": 1, "a": {"b": 1e999}}`,
	`{"a": 한}`, `{"이름": "값", "b": ü}`, "{\"a\": \u00a01}", "{\"a\": \ufeff1}", `{한: 1}`, `{"a": [1] 한}`,
	"{\"a\":\r1,\r\n\"b\":\r\r[\n2]}", "{\"a\": [1,\n\n", "\n\n{\"a\"\n:\n\"b\"\n,\n\"c\"\n:\n[\n]\n}\n\n[]", `[[[[[[1]]]]]]`,
	`{"a": {"b": {"c": {"d": {"e": 1}}}}}`, `{"a": 18446744073709551616}`, `{"a": -9223372036854775809}`,
	`{"a": 0.` + strings.Repeat("1", 120) + `}`, `{"a": true, "b": false, "c": null, "d": [], "e": {}}`,
	`{"": 1, "a/b": 2, "c~d": {"~1": 3}}`, `{"a": [{"b": [{"c": 1}]}, {"b": []}]}`, "\t", "{\"a\": 1}\x00",
	`]`, `}`, `:`, `{"a": [1]]`, `{"a": {}}}`, `{"a": '1'}`,
}

// yamlEdgeCases cover merges, aliases and duplicates, where positions are remembered in an
// order of their own.
var yamlEdgeCases = []string{
	"a: &a {x: 1, y: 1}\nb: &b {y: 2, z: 2}\nc:\n  <<: [*a, *b]\n  x: 3\n",
	"a: &a {x: 1}\nb:\n  <<: *a\n  x: 2\n  x: 3\n",
	"a: &a {x: {p: 1}}\nb:\n  <<: *a\n  x: {q: 2}\n",
	"base: &base\n  <<: {deep: 1}\n  k: v\nuse:\n  <<: *base\n  extra: [*base, *base]\n",
	"a: &a [1, {b: &b {c: 2}}]\nd: *a\ne: *b\nf: [*b, *a]\n",
	"? &k key\n: 1\n*k : 2\n",
	"a: 1\na: 2\n",
	"a: {b: 1, b: 2}\n",
	"a: &x 1\n---\nb: *x\n",
	"- 1\n---\na: [1, 2, [3, [4]]]\n---\n",
	"a: !!int 012\nb: 0x1F\nc: 1_000\nd: 1e400\ne: .inf\nf: !!binary aGk=\ng: 2020-01-01\n",
	"a: &a\n  b: *a\n",
	"a: {<<: [1]}\n",
	"a:\n  b: c\n d: e\n",
	"a: [\n",
	"\"a~b/c\": {\"\": 1}\n",
}

// largeContainers are documents whose lists and mappings hold more than manyChildren
// values, which lookups reach through posIndex: merged members overridden, aliases of
// large values, pointers past the end.
func largeContainers() (yamlDocs, jsonDocs []string) {
	var y, j, members strings.Builder
	y.WriteString("defaults: &d\n")
	for i := 0; i < 3*manyChildren; i++ {
		fmt.Fprintf(&y, "  k%d: %d\n", i, i)
		fmt.Fprintf(&members, "%s\"k%d\": [%d, {\"x\": \"%d\"}]", map[bool]string{true: "", false: ", "}[i == 0], i, i, i)
	}
	y.WriteString("big:\n  <<: *d\n  k1: own\n  k100: {nested: [1, 2]}\nlist: &l\n")
	for i := 0; i < 2*manyChildren; i++ {
		fmt.Fprintf(&y, "  - {id: s%d, tier: %d}\n", i, i%3)
	}
	y.WriteString("again: *l\nwrapped: [*l, *d]\n")
	fmt.Fprintf(&j, `{"big": {%s}, "list": [`, members.String())
	for i := 0; i < 2*manyChildren; i++ {
		fmt.Fprintf(&j, "%s\n  {\"id\": %d}", map[bool]string{true: "", false: ","}[i == 0], i)
	}
	j.WriteString("]}")
	return []string{y.String()}, []string{j.String(), `{"a": 1, "a": 2, ` + members.String() + "}"}
}

func TestDecoderMatchesReference(t *testing.T) {
	optionSets := map[string]Options{"defaults": {}, "tight limits": {MaxDepth: 3, MaxNodes: 20}}
	bigYAML, bigJSON := largeContainers()
	for i, c := range bigYAML {
		t.Run(fmt.Sprintf("large yaml %d", i), func(t *testing.T) { matchReference(t, []byte(c), false, Options{}) })
	}
	for i, c := range bigJSON {
		t.Run(fmt.Sprintf("large json %d", i), func(t *testing.T) { matchReference(t, []byte(c), true, Options{}) })
	}
	for path, data := range corpusFiles(t) {
		isJSON := strings.EqualFold(filepath.Ext(path), ".json")
		inputs := map[string]struct {
			data   []byte
			isJSON bool
		}{path: {data, isJSON}}
		// The corpus is mostly YAML: each document it holds is also written as JSON,
		// indented and on one line, so the JSON scanner meets every real manifest.
		src := &Source{Path: path}
		decode(src, data, isJSON, Options{}.withDefaults())
		var indented, minified []byte
		for _, d := range src.Documents {
			a, err := json.MarshalIndent(d.Value, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			b, _ := json.Marshal(d.Value)
			indented = append(append(indented, a...), '\n')
			minified = append(minified, b...)
		}
		if len(src.Documents) > 0 {
			inputs[path+" as indented JSON"] = struct {
				data   []byte
				isJSON bool
			}{indented, true}
			inputs[path+" as one-line JSON"] = struct {
				data   []byte
				isJSON bool
			}{minified, true}
		}
		for name, in := range inputs {
			for oname, opts := range optionSets {
				t.Run(name+"/"+oname, func(t *testing.T) { matchReference(t, in.data, in.isJSON, opts) })
			}
		}
	}
	for i, c := range jsonEdgeCases {
		for oname, opts := range optionSets {
			t.Run(fmt.Sprintf("json %d %.30q/%s", i, c, oname), func(t *testing.T) { matchReference(t, []byte(c), true, opts) })
		}
	}
	for i, c := range yamlEdgeCases {
		for oname, opts := range optionSets {
			t.Run(fmt.Sprintf("yaml %d %.30q/%s", i, c, oname), func(t *testing.T) { matchReference(t, []byte(c), false, opts) })
		}
	}
}

// TestImprovementsAreChecked makes sure the exceptions above are needed: each input below
// differs from the reference, and only in the way its exception allows.
func TestImprovementsAreChecked(t *testing.T) {
	for _, tc := range []struct{ name, in, got, ref string }{
		{"error inside a token", `{"a": tru}`, "1:10 invalid JSON: invalid character '}' in literal true (expecting 'e')", "1:8 invalid JSON: invalid character '}' in literal true (expecting 'e')"},
		{"a character of several bytes", `{"a": 한}`, "1:7 invalid JSON: invalid character '한' looking for beginning of value", "1:5 invalid JSON: invalid character 'í' looking for beginning of value"},
		{"first member", `{1: 2}`, "1:2 invalid JSON: invalid character '1' looking for beginning of object key string", "1:2 invalid JSON: invalid character '1'"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, want, _ := decodeBoth([]byte(tc.in), true, Options{})
			show := func(s *Source) string {
				if len(s.Problems) != 1 {
					return fmt.Sprint(s.Problems)
				}
				p := s.Problems[0]
				return fmt.Sprintf("%d:%d %s", p.Line, p.Column, p.Message)
			}
			if show(got) != tc.got || show(want) != tc.ref {
				t.Fatalf("got %q, reference %q; want %q, %q", show(got), show(want), tc.got, tc.ref)
			}
			if err := sameProblem([]byte(tc.in), true, got.Problems[0], want.Problems[0]); err != nil {
				t.Fatal(err)
			}
			// The same difference is refused on the YAML path, where nothing changed.
			if err := sameProblem([]byte(tc.in), false, got.Problems[0], want.Problems[0]); err == nil {
				t.Fatal("a difference on the YAML path was accepted")
			}
		})
	}
}

// FuzzDecoderMatchesReference holds the decoder to the reference on arbitrary input. Without
// -fuzz it runs the seeds: the corpus and the edge cases above.
func FuzzDecoderMatchesReference(f *testing.F) {
	for path, data := range corpusFiles(f) {
		f.Add(data, strings.HasSuffix(path, ".json"))
	}
	for _, c := range jsonEdgeCases {
		f.Add([]byte(c), true)
	}
	for _, c := range yamlEdgeCases {
		f.Add([]byte(c), false)
	}
	f.Fuzz(func(t *testing.T, data []byte, isJSON bool) {
		matchReference(t, data, isJSON, Options{MaxDepth: 32, MaxNodes: 10_000})
	})
}
