package manifest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unsafe"

	"go.yaml.in/yaml/v3"

	"github.com/resilcheck/resilcheck/internal/corpus"
)

// referenceYAML is what go.yaml.in/yaml makes of data when it holds exactly one document.
func referenceYAML(data []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var root yaml.Node
	if err := dec.Decode(&root); err != nil {
		return nil, err
	}
	var more yaml.Node
	if err := dec.Decode(&more); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("more than one document (%v)", err)
	}
	return &root, nil
}

// sameTree compares every field of the trees the builder reads, and the tags of scalars as
// the library's parser sets them.
func sameTree(got, want *yaml.Node, at string) error {
	if got.Kind != want.Kind || got.Style != want.Style || got.ShortTag() != want.ShortTag() ||
		(got.Kind == yaml.ScalarNode && got.Tag != want.Tag) ||
		got.Value != want.Value || got.Anchor != want.Anchor || (got.Alias == nil) != (want.Alias == nil) ||
		len(got.Content) != len(want.Content) {
		return fmt.Errorf("%s: got kind %d style %d tag %s value %q anchor %q, %d members;\nwant kind %d style %d tag %s value %q anchor %q, %d members",
			at, got.Kind, got.Style, got.ShortTag(), got.Value, got.Anchor, len(got.Content),
			want.Kind, want.Style, want.ShortTag(), want.Value, want.Anchor, len(want.Content))
	}
	// The document node's own place is not read: the builder starts at its value.
	if got.Kind != yaml.DocumentNode && (got.Line != want.Line || got.Column != want.Column) {
		return fmt.Errorf("%s (%q): at %d:%d, want %d:%d", at, got.Value, got.Line, got.Column, want.Line, want.Column)
	}
	for i := range got.Content {
		if err := sameTree(got.Content[i], want.Content[i], fmt.Sprintf("%s/%d", at, i)); err != nil {
			return err
		}
	}
	return nil
}

// checkFast holds the fast parser to the library on data: the same tree, or declined.
// It reports whether the fast parser took the input.
func checkFast(t testing.TB, data []byte) bool {
	t.Helper()
	got, release, ok := fastYAML(data)
	if !ok {
		return false
	}
	defer release()
	want, err := referenceYAML(data)
	if err != nil {
		t.Fatalf("fast parser took input the library refuses (%v):\n%s", err, data)
	}
	if err := sameTree(got, want, ""); err != nil {
		t.Fatalf("%v\ninput:\n%s", err, data)
	}
	return true
}

// fastSnippets are the forms a hand-written manifest takes and their neighbours: each is
// either taken and held to the library, or declined; taken says which must be taken.
var fastSnippets = []struct {
	in    string
	taken bool
}{
	{"a: 1\n", true},
	{"a: 1", true},
	{"a:\n", true},
	{"a:", true},
	{"a:\nb:\n", true},
	{"a:   \nb: 2\n", true},
	{"a: # note\nb: 2\n", true},
	{"a:\n  b:\n  c: 1\n", true},
	{"a:\n  b:\nc: 1\n", true},
	{"# head\na: 1 # line\n# between\nb: 2\n  # indented\n# foot\n", true},
	{"\n\n  # x\n\na: 1\n\n\n", true},
	{"---\na: 1\n", true},
	{"--- # doc\na: 1\n", true},
	{"a: 1\n---\nb: 2\n", false},
	{"---\n---\na: 1\n", false},
	{"# c\n---\n# d\na: 1\n", true},
	{"---: 1\n", true},
	{"a: 1\n...\n", false},
	{"%YAML 1.2\n---\na: 1\n", false},
	{"- a\n- b\n", true},
	{"- - a\n  - b\n- c\n", true},
	{"- - - a\n", true},
	{"-\n- \n-   # c\n- x\n", true},
	{"- key: v\n  other: w\n- key: x\n", true},
	{"-   key: v\n    other: w\n", true},
	{"- key:\n    deep: 1\n  next: 2\n", true},
	{"- key:\n  - a\n  - b\n  next: 2\n", true},
	{"a:\n- x\n- y\nb: 1\n", true},
	{"a:\n-\n- y\n", true},
	{"a:\n- k: 1\n  j: 2\n- k: 3\nb:\n- z\n", true},
	{"a:\n    - x\n    - y\nb:\n      c: 1\n", true},
	{"a:\n  - x\n  b: 1\n", false},
	{"a:\n  b: 1\n c: 2\n", false},
	{"a: b\n  c\n", false},
	{"- a\n  b\n", false},
	{"a: b\n\n  c\n", false},
	{"a: b\n  # c\n  d\n", false},
	{"a: b: c\n", false},
	{"a: b:\n", false},
	{"a: - b\n", false},
	{"a: b:c\n", true},
	{"url: http://example.com:8080/x?y=1#z\n", true},
	{"a: b #c\nd: e#f\n", true},
	{"time: 09:00\nratio: 1:2\n", true},
	{"a: x, y, [z]\nb: {c}\n", false},
	{"a: x, y]\n", true},
	{"a:    spaced   value   \n", true},
	{"a b c: d e f\n", true},
	{"a : 1\nb  :  2\n", true},
	{"\"quoted key\": 1\n'single': 2\n\"a\" : 3\n", true},
	{"\"a\":b\n", false},
	{"a: \"x \\\" y \\\\ z \\n \\t \\/ w\"\n", false},
	{"a: \"x \\\" y \\\\ z \\n \\t \\0 \\a \\b \\e \\f \\r \\v \\N \\_ \\L \\P \\' \\ \"\n", true},
	{"a: \"\\x41\\u00e9\\u00E9\\U0001F600\\u3131\"\n", true},
	{"a: \"\\ud800\"\n", false},
	{"a: \"\\x4\"\n", false},
	{"a: \"\\q\"\n", false},
	{"a: 'it''s ''quoted'''\nb: ''\nc: \"\"\n", true},
	{"a: 'multi\n  line'\n", false},
	{"a: \"multi\n  line\"\n", false},
	{"a: \"x\" y\n", false},
	{"a: \"x\"   # c\n", true},
	{"a: 'x'#c\n", false},
	{"a: '#not a comment'\nb: \"#\"\n", true},
	{"n: [1, 2.5, -3, 0x1F, 1e3, .inf, -.Inf, .nan, 0o17, 0b101, 1_000, +5, 007, 0]\n", true},
	{"b: [true, false, True, FALSE, yes, no, on, off, y, n]\n", true},
	{"z: [null, Null, NULL, ~, '', \"null\"]\n", true},
	{"d: [2024-01-01, 2024-1-1, 2024-01-01T09:00:00+09:00, 2024-01-01 09:00:00, '2024-01-01']\n", true},
	{"a: 123456789012345678901234567890\nb: -9223372036854775809\nc: 1.0\nd: 1.\ne: .5\n", true},
	{"a: []\nb: {}\nc: [ ]\nd: { }\n", true},
	{"a: [x]\nb: [ x , 'y' , \"z\" ]\n", true},
	{"a: {x: 1, 'y': \"2\", z: [3]}\n", true},
	{"a: {x: 1, 'y': \"2\", \"z\": three four}\n", true},
	{"a: {x: 1\n", false},
	{"a: [x,\n  y]\n", false},
	{"a: [x, [y]]\n", true},
	{"a: [x, {y: 1}]\n", true},
	{"a: [x,]\n", false},
	{"a: [[], {}, [[x]], {k: [1, {m: n}]}]\n", true},
	{"a: [{k: v}, {k: w}]\n- x\n", false},
	{"a: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n", false},
	{"a: {[x]: 1}\n", false},
	{"a: {k: v}: 1\n", false},
	{"- {k: v}: 1\n", false},
	{"a: [x]: 1\n", false},
	{"a: [x y, -1, a-b]\n", true},
	{"a: [x:y]\n", true},
	{"a: [x] # c\n", true},
	{"a: [x]#c\n", false},
	{"a: [x] y\n", false},
	{"a: {x:1}\n", false},
	{"- [a, b]\n- {c: d}\n- []\n", true},
	{"a: &x 1\nb: *x\n", false},
	{"a: !!str 1\n", false},
	{"a: |\n  text\n", false},
	{"a: >-\n  text\n", false},
	{"? a\n: b\n", false},
	{"a:\tb\n", false},
	{"a: b\r\nc: d\r\n", false},
	{"a: b\u2028c: d\n", false},
	{"a: b\u0085\n", false},
	{"a: \u00a0b\n", true},
	{"a: x\u00a0\n", true},
	{"a: \x7f\n", false},
	{"이름: 값\n설명: 한국어 설명 # 주석\n목록: [가, '나', \"다\"]\n", true},
	{"서비스:\n  - 이름: 카카오톡\n    비고: \"따옴표\"\n    빈값:\n", true},
	{"키: {가: 나, 다: 라}\n", true},
	{"emoji: 😀 ok\nk😀: [😀, '😀']\n", true},
	{"a: 1\na: 2\n", true},
	{"1: a\ntrue: b\nnull: c\n~: d\n2024-01-01: e\n", true},
	{"<<: {a: 1}\nb: 2\n", true},
	{"a: -\n", false},
	{"a: -1\nb: -x\nc: --x\n", true},
	{"-a: 1\n", true},
	{"a: ?x\n", false},
	{"a: :x\n", false},
	{"a: @x\n", false},
	{"a: `x`\n", false},
	{"a: %x\n", false},
	{"a: x%\nb: x@y\nc: x`\nd: x!\ne: x&y\nf: x*\ng: x|y\nh: x>y\n", true},
	{"a: b\n  c: d\n", false},
	{"a:\n  b\n", false},
	{"  a: 1\n  b: 2\n", true},
	{"  a: 1\nb: 2\n", false},
	{"- a\nb: 1\n", false},
	{"a: 1\n- b\n", false},
	{"x\n", false},
	{"[a, b]\n", false},
	{"# only a comment\n", false},
	{"", false},
	{strings.Repeat("k", 1001) + ": v\n", false},
	{strings.Repeat("k", 900) + ": v\n", true},
	{"a:\n  - b: 1\n    c:\n      - d\n      - e: f\n        g: h\n  - i\n", true},
	{"a:\n  -\n    b: 1\n  -\n    - c\n", true},
	{"a: \"\"\nb: ''\nc: \" x \"\n", true},
	{"a: 'x' \nb: \"y\"  \n", true},
	{"a:  \t\n", false},
	{"\"a\": \"b\"\n\"c\":\n  - \"d\"\n", true},
	{"'a''b': 1\n\"a\\\"b\": 2\n", true},
	{"\"a\\\nb\": 1\n", false},
	{"a: x  \n   \nb: y\n", true},
	{"a:\n\n\n  b: 1\n", true},
	{"a:\n  \n  b: 1\n", true},
	{"- a: 1\n\n- b: 2\n", true},
	{"a: ---\nb: ...\n", true},
	{"a:\n---\n", false},
	{"a: 1\n--- \n", false},
	{"a: 1\n---x: 2\n", true},
	{"...x: 1\n", true},
	{"a: 1 #\n", true},
	{"a: 1 #comment: x\n", true},
	{"a: \"1\" #c\n", true},
	{"a\"b: c'd\n", true},
	{"a: b\"c\n", true},
	{"- # c\n  a: 1\n", true},
	{"a: # c\n  - 1\n", true},
	{strings.Repeat("- ", 500) + "x\n", true},
	{strings.Repeat("- ", 1001) + "x\n", false},
	{strings.Repeat("- ", 10001) + "x\n", false},
	{"a: {" + strings.Repeat("k", 1001) + ": v}\n", false},
	{"a: {'" + strings.Repeat("k", 1001) + "': v}\n", false},
	{"a: [-]\n", true},
	{"a: [t: 1]\n", false},
	{"a: {t: 09:00, u: x:y}\n", true},
	{"0: {0?: 0}\n", false},
	{"\u00a0a: 1\n", true},
	{"a:\n\u00a0 b: 1\n", true},
	{"a: 1\u3000\nb: \u3000\n\u3000: c\n", true},
	{"한: [가, 나]\n둘: {셋: 넷}\n- x\n", false},
	{"a: b\nc: '한글 ''따옴표'''\nd: \"\\uAC00\"\n", true},
	{"0: [0?]\n", false},
	{"0: [?0]\n", false},
	{"0: {a: b?}\n", false},
}

// TestMayResolve checks the shortcut past the library's resolver: a plain scalar whose first
// character is not marked resolves to !!str, whatever follows it.
func TestMayResolve(t *testing.T) {
	marked := 0
	for c := 0; c < 256; c++ {
		if mayResolve[c] {
			marked++
			continue
		}
		for _, rest := range []string{"", "1", "0", ".5", "rue", "ull", "2024-01-01", "<", "~", "e3"} {
			v := string([]byte{byte(c)}) + rest
			if tag := (&yaml.Node{Kind: yaml.ScalarNode, Value: v}).ShortTag(); tag != "!!str" {
				t.Errorf("%q resolves to %s, but its first character is not marked", v, tag)
			}
		}
	}
	// Every character marked is one the resolver reads further.
	for _, v := range []string{"+1", "-1", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "y", "Y", "n", "N",
		"true", "True", "false", "False", "o", "O", "~", "<<", ".5"} {
		if !mayResolve[v[0]] {
			t.Errorf("%q: first character not marked", v)
		}
	}
	if marked != 25 {
		t.Errorf("%d characters marked", marked)
	}
}

func TestFastYAMLSnippets(t *testing.T) {
	for i, c := range fastSnippets {
		t.Run(fmt.Sprintf("%d %.30q", i, c.in), func(t *testing.T) {
			if took := checkFast(t, []byte(c.in)); took != c.taken {
				_, err := referenceYAML([]byte(c.in))
				t.Fatalf("fast parser took it: %v, want %v (the library: %v)", took, c.taken, err)
			}
			matchReference(t, []byte(c.in), false, Options{})
		})
	}
}

// population is a generated population of manifests, the files a batch reads.
func population(n int) map[string][]byte {
	files := map[string][]byte{}
	for i := 0; i < n; i++ {
		d := corpus.Population(1, i)
		files[corpus.FileName(i, corpus.YAMLFormat)] = d.Encode(corpus.YAMLFormat)
	}
	return files
}

// TestFastYAMLMatchesLibrary holds the fast parser to the library on every manifest under
// testdata and a generated population, as trees and through the whole decode.
func TestFastYAMLMatchesLibrary(t *testing.T) {
	files := corpusFiles(t)
	for name, data := range population(60) {
		files["population/"+name] = data
	}
	taken, yamlFiles, takenTestdata, yamlTestdata := 0, 0, 0, 0
	for path, data := range files {
		if strings.EqualFold(filepath.Ext(path), ".json") {
			continue
		}
		generated := strings.HasPrefix(path, "population/")
		yamlFiles++
		if !generated {
			yamlTestdata++
		}
		t.Run(path, func(t *testing.T) {
			if checkFast(t, data) {
				taken++
				if !generated {
					takenTestdata++
				}
			}
			matchReference(t, data, false, Options{})
		})
	}
	t.Logf("%d of %d YAML files took the fast path (%d of %d under testdata)", taken, yamlFiles, takenTestdata, yamlTestdata)
	// A file the fast parser declines is compared with nothing here: most of testdata must
	// be taken for "every manifest under testdata" to mean something.
	if takenTestdata < yamlTestdata/2 {
		t.Errorf("only %d of %d YAML files under testdata took the fast path", takenTestdata, yamlTestdata)
	}
}

// TestPopulationTakesFastPath catches a fast parser that quietly declines what manifests
// are made of, which would cost the speed without failing any other test.
func TestPopulationTakesFastPath(t *testing.T) {
	files := population(200)
	large, err := corpus.Large(corpus.Spec{Seed: 1, Services: 300, Datacenters: 30, Incidents: 5, Shape: corpus.Layered})
	if err != nil {
		t.Fatal(err)
	}
	files["large.yaml"] = large.Encode(corpus.YAMLFormat)
	for _, p := range []string{"../../testdata/valid/minimal.yaml"} {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files[p] = data
	}
	for name, data := range files {
		if !checkFast(t, data) {
			t.Errorf("%s was declined", name)
		}
	}
}

// FuzzFastYAMLMatchesReference holds the fast parser to the library on arbitrary input:
// the same tree, or declined. Without -fuzz it runs the seeds.
func FuzzFastYAMLMatchesReference(f *testing.F) {
	for path, data := range corpusFiles(f) {
		if !strings.EqualFold(filepath.Ext(path), ".json") {
			f.Add(data)
		}
	}
	for _, c := range fastSnippets {
		f.Add([]byte(c.in))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkFast(t, data)
	})
}

// BenchmarkDecodeYAML decodes whole files (parse, values, positions) with the fast parser
// and, for comparison in the same run, with the library's: a manifest of the population,
// the same one with Korean text in every value, and a provider with 1,000 services.
func BenchmarkDecodeYAML(b *testing.B) {
	pop := corpus.Population(1, 1)
	large, err := corpus.Large(corpus.Spec{Seed: 1, Services: 1000, Datacenters: 100, Incidents: 12, Shape: corpus.Layered})
	if err != nil {
		b.Fatal(err)
	}
	popData := pop.Encode(corpus.YAMLFormat)
	korean := bytes.ReplaceAll(popData, []byte("name: "), []byte("name: 가상 이름 "))
	for _, f := range []struct {
		name string
		data []byte
	}{{"population", popData}, {"korean", korean}, {"large-1000", large.Encode(corpus.YAMLFormat)}} {
		_, release, ok := fastYAML(f.data)
		if !ok {
			b.Fatalf("%s: declined", f.name)
		}
		release()
		for _, fast := range []bool{true, false} {
			name := f.name + "/fast"
			if !fast {
				name = f.name + "/library"
			}
			b.Run(name, func(b *testing.B) {
				defer func(was bool) { fastYAMLEnabled = was }(fastYAMLEnabled)
				fastYAMLEnabled = fast
				b.SetBytes(int64(len(f.data)))
				b.ReportAllocs()
				for b.Loop() {
					src := &Source{Path: "m.yaml"}
					decode(src, f.data, false, Options{}.withDefaults())
					if len(src.Documents) != 1 {
						b.Fatal(src.Problems)
					}
				}
			})
		}
	}
}

// No decoded value may point into the file's text: one kept after its document (a manifest
// name in a run's table, an id in a report's summary) would keep the whole file alive.
func TestFastYAMLValuesOwnTheirMemory(t *testing.T) {
	src := "a: one\nb: [one, 'two', \"thr\\u0065e\"]\nc:\n  - d: one\n    e: 12\n"
	p := fastParser{s: src}
	root := p.document()
	base := uintptr(unsafe.Pointer(unsafe.StringData(p.s)))
	seen := map[string]uintptr{}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.ScalarNode && n.Value != "" {
			at := uintptr(unsafe.Pointer(unsafe.StringData(n.Value)))
			if at >= base && at < base+uintptr(len(p.s)) {
				t.Errorf("%q points into the file's text", n.Value)
			}
			if prev, ok := seen[n.Value]; ok && prev != at {
				t.Errorf("%q is copied more than once", n.Value)
			}
			seen[n.Value] = at
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(root)
	p.release()
	if len(seen) < 7 {
		t.Fatalf("only %d distinct scalars seen", len(seen))
	}
}

// Slabs go back to a pool after each parse: a tree parsed after another must carry nothing
// of it (a style, a tag, a value or members left in a reused node), on either order.
func TestFastYAMLReusedSlabsCarryNothing(t *testing.T) {
	styled := []byte("a: 'one'\nb: [\"two\", {c: 3}]\nd:\n  - e: \"four\"\n    f: [5, 6]\n")
	plain := []byte("x: 1\ny:\n  - z\n  - w: v\n")
	for range 3 {
		for _, data := range [][]byte{styled, plain, styled} {
			if !checkFast(t, data) {
				t.Fatalf("declined:\n%s", data)
			}
		}
	}
}
