package manifest

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/resilcheck/resilcheck/internal/audit"
)

// loadString decodes one in-memory file the way Load decodes a file on disk.
func loadString(t *testing.T, name, content string, opts Options) *Source {
	t.Helper()
	src := &Source{Path: name}
	decode(src, []byte(content), strings.HasSuffix(name, ".json"), opts.withDefaults())
	return src
}

func TestValues(t *testing.T) {
	tests := []struct {
		name string
		file string
		in   string
		want any
	}{
		{
			name: "numbers stay exact",
			file: "m.yaml",
			in:   "big: 1500000000000\nneg: -3\nhex: 0x10\nfloat: 1.50\nexp: 1e12\nlead: .5\n",
			want: map[string]any{"big": json.Number("1500000000000"), "neg": json.Number("-3"), "hex": json.Number("16"),
				"float": json.Number("1.50"), "exp": json.Number("1e12"), "lead": json.Number("0.5")},
		},
		{
			name: "dates and timestamps are kept as written",
			file: "m.yaml",
			in:   "d: 2022-10-15\nts: 2022-10-15T15:19:00+09:00\nq: \"2022-10-15\"\n",
			want: map[string]any{"d": "2022-10-15", "ts": "2022-10-15T15:19:00+09:00", "q": "2022-10-15"},
		},
		{
			name: "scalars",
			file: "m.yaml",
			in:   "t: true\nf: false\nn: null\ntilde: ~\nempty:\nyes: yes\nquoted: \"123\"\n",
			want: map[string]any{"t": true, "f": false, "n": nil, "tilde": nil, "empty": nil, "yes": "yes", "quoted": "123"},
		},
		{
			name: "merge keys: written keys win, then earlier sources",
			file: "m.yaml",
			in:   "a: &a {x: 1, y: 1}\nb: &b {y: 2, z: 2}\nc:\n  <<: [*a, *b]\n  x: 3\n",
			want: map[string]any{
				"a": map[string]any{"x": json.Number("1"), "y": json.Number("1")},
				"b": map[string]any{"y": json.Number("2"), "z": json.Number("2")},
				"c": map[string]any{"x": json.Number("3"), "y": json.Number("1"), "z": json.Number("2")},
			},
		},
		{
			name: "aliases expand",
			file: "m.yaml",
			in:   "feeds: &f [sub-a, sub-b]\nother: *f\n",
			want: map[string]any{"feeds": []any{"sub-a", "sub-b"}, "other": []any{"sub-a", "sub-b"}},
		},
		{
			name: "json keeps numbers exact",
			file: "m.json",
			in:   `{"big": 1000000000000, "f": 2.50, "list": [true, null, "x"], "o": {}}`,
			want: map[string]any{"big": json.Number("1000000000000"), "f": json.Number("2.50"),
				"list": []any{true, nil, "x"}, "o": map[string]any{}},
		},
		{
			name: "byte order mark is ignored",
			file: "m.json",
			in:   "\uFEFF{\"a\": 1}",
			want: map[string]any{"a": json.Number("1")},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := loadString(t, tc.file, tc.in, Options{})
			if len(src.Problems) != 0 || len(src.Documents) != 1 {
				t.Fatalf("problems %v, %d documents", src.Problems, len(src.Documents))
			}
			if got := src.Documents[0].Value; !reflect.DeepEqual(got, tc.want) {
				t.Errorf("value\n got %#v\nwant %#v", got, tc.want)
			}
		})
	}
}

func TestPositions(t *testing.T) {
	const yamlDoc = "# comment\nmetadata:\n  name: x\n  labels:\n    a/b: one\n    \"t~x\": two\nservices:\n  - id: s\n    deployments:\n      - {datacenter: dc, mode: active}\n"
	const jsonDoc = "{\n  \"metadata\": {\"name\": \"x\", \"labels\": {\"a/b\": \"one\", \"t~x\": \"two\"}},\n  \"services\": [\n    {\"id\": \"s\", \"deployments\": [{\"datacenter\": \"dc\", \"mode\": \"active\"}]}\n  ]\n}\n"
	type want struct {
		pointer   string
		line, col int
		key       bool
	}
	tests := []struct {
		name  string
		file  string
		in    string
		wants []want
	}{
		{"yaml", "m.yaml", yamlDoc, []want{
			{"", 2, 1, false},
			{"/metadata/name", 3, 9, false},
			{"/metadata/name", 3, 3, true},
			{"/metadata/labels/a~1b", 5, 10, false},
			{"/metadata/labels/t~0x", 6, 12, false},
			{"/services/0/deployments/0/datacenter", 10, 22, false},
			{"/services/0/deployments/0/datacenter", 10, 10, true},
			{"/services/0/deployments/0/nope/deeper", 10, 9, false}, // nearest ancestor
			{"/services/7", 8, 3, false},
			{"/services/0", 8, 5, true}, // no key: falls back to the value
		}},
		{"json", "m.json", jsonDoc, []want{
			{"", 1, 1, false},
			{"/metadata/name", 2, 24, false},
			{"/metadata/name", 2, 16, true},
			{"/metadata/labels/a~1b", 2, 47, false},
			{"/metadata/labels/t~0x", 2, 61, false},
			{"/services/0/deployments/0/datacenter", 4, 48, false},
			{"/services/0/deployments/0/mode", 4, 54, true},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := loadString(t, tc.file, tc.in, Options{})
			if len(src.Documents) != 1 {
				t.Fatalf("problems: %v", src.Problems)
			}
			d := src.Documents[0]
			for _, w := range tc.wants {
				got := d.Pos(w.pointer)
				if w.key {
					got = d.KeyPos(w.pointer)
				}
				if exp := (audit.Position{File: tc.file, Line: w.line, Column: w.col}); got != exp {
					t.Errorf("pos(%q, key=%v) = %v, want %v", w.pointer, w.key, got, exp)
				}
			}
		})
	}
}

func TestProblems(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		in       string
		opts     Options
		want     []string // "line:col pointer: message" for each problem
		docs     int
		rejected int
	}{
		{"empty", "e.yaml", "", Options{}, []string{"0:0 : file is empty"}, 0, 1},
		{"whitespace", "e.yaml", "  \n\n", Options{}, []string{"0:0 : file is empty"}, 0, 1},
		{"comments only", "c.yaml", "# a\n# b\n", Options{}, []string{"0:0 : file has no documents (only comments or document separators)"}, 0, 1},
		{"separators only", "s.yaml", "---\n---\n", Options{}, []string{"0:0 : file has no documents (only comments or document separators)"}, 0, 1},
		{"not utf-8", "u.yaml", "a: 1\nb: \xff\n", Options{}, []string{"2:4 : file is not valid UTF-8: byte 0xff cannot start a character; save it as UTF-8"}, 0, 1},
		{"duplicate yaml key", "d.yaml", "a: 1\nb: 2\na: 3\n", Options{}, []string{`3:1 /a: duplicate key "a" (first written at line 1)`}, 0, 1},
		{"duplicate json key", "d.json", "{\"a\": 1,\n \"a\": 2}", Options{}, []string{`2:2 /a: duplicate key "a" (first written at line 1)`}, 0, 1},
		{"boolean key", "k.yaml", "true: 1\n", Options{}, []string{"1:1 : mapping key true is a boolean, not a string; quote it"}, 0, 1},
		{"null key", "k.yaml", "a:\n  ~: 1\n", Options{}, []string{"2:3 /a: mapping key ~ is null, not a string; quote it"}, 0, 1},
		{"complex key", "k.yaml", "? [a]\n: 1\n", Options{}, []string{"1:3 : mapping key (a list) is a list, not a string; quote it"}, 0, 1},
		{"top-level list", "l.yaml", "- a\n", Options{}, []string{"1:1 : a manifest must be a mapping of fields at the top level, not a list"}, 0, 1},
		{"top-level null", "n.yaml", "null\n", Options{}, []string{"1:1 : a manifest must be a mapping of fields at the top level, not null"}, 0, 1},
		{"depth limit", "d.yaml", "a: [[[1]]]\n", Options{MaxDepth: 2}, []string{"1:6 /a/0/0: nested more than 2 levels deep"}, 0, 1},
		{"json depth limit", "d.json", `{"a": [[[1]]]}`, Options{MaxDepth: 2}, []string{"1:9 /a/0/0: nested more than 2 levels deep"}, 0, 1},
		{"node limit", "n.yaml", "a: &a [1, 2, 3]\nb: [*a, *a, *a]\n", Options{MaxNodes: 10}, []string{"1:11 /b/2/1: YAML aliases copy more than 10 values into this document"}, 0, 1},
		{"values written out do not count", "n.yaml", "a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]\nb: {c: 1, d: 2}\n", Options{MaxNodes: 10}, nil, 1, 0},
		{"values written out do not count in JSON", "n.json", `{"a": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]}`, Options{MaxNodes: 10}, nil, 1, 0},
		{"nan", "n.yaml", "a: .nan\n", Options{}, []string{"1:4 /a: .nan is not a finite number"}, 0, 1},
		{"json number beyond float64", "n.json", "{\"a\": 1,\n \"b\": -1e999999}", Options{}, []string{"2:7 /b: number -1e999999 is out of range: a number must fit a 64-bit floating-point value (at most about 1.8e308 either side of zero)"}, 0, 1},
		{"yaml syntax", "s.yaml", "a: 1\nb:\n  c: 1\n d: 2\n", Options{}, []string{"4:2 : invalid YAML: did not find expected key"}, 0, 1},
		// The character named, not where encoding/json's count of scanned bytes pointed (1:8).
		{"json syntax", "s.json", "{\"a\": tru}", Options{}, []string{"1:10 : invalid JSON: invalid character '}' in literal true (expecting 'e')"}, 0, 1},
		{"json truncated", "s.json", "{\"a\": [1,\n", Options{}, []string{"2:1 : invalid JSON: unexpected end of input (unclosed object or array?)"}, 0, 1},
		{
			name: "second document broken, first kept",
			file: "m.yaml",
			in:   "a: 1\n---\nb: [\n",
			want: []string{"3:1 : invalid YAML: did not find expected node content"},
			docs: 1, rejected: 1,
		},
		{
			name: "bad document between good ones",
			file: "m.yaml",
			in:   "a: 1\n---\n- x\n---\nc: 3\n",
			want: []string{"3:1 : a manifest must be a mapping of fields at the top level, not a list"},
			docs: 2, rejected: 1,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := loadString(t, tc.file, tc.in, tc.opts)
			var got []string
			for _, p := range src.Problems {
				if p.File != tc.file {
					t.Errorf("problem without the file: %+v", p)
				}
				got = append(got, strings.Join([]string{itoa(p.Line) + ":" + itoa(p.Column), p.Pointer + ": " + p.Message}, " "))
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("problems\n got %q\nwant %q", got, tc.want)
			}
			if len(src.Documents) != tc.docs || src.Rejected != tc.rejected {
				t.Errorf("documents = %d, rejected = %d; want %d, %d", len(src.Documents), src.Rejected, tc.docs, tc.rejected)
			}
		})
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestMultiDocumentIndex(t *testing.T) {
	src := loadString(t, "m.yaml", "---\na: 1\n---\n---\nb: 2\n...\n", Options{})
	if len(src.Problems) != 0 || len(src.Documents) != 2 {
		t.Fatalf("problems %v, %d documents", src.Problems, len(src.Documents))
	}
	// Index counts every document in the stream, empty ones too, so it matches what an
	// editor shows.
	if src.Documents[0].Index != 0 || src.Documents[1].Index != 2 {
		t.Errorf("indexes = %d, %d; want 0, 2", src.Documents[0].Index, src.Documents[1].Index)
	}
	if p := src.Documents[1].Pos("/b"); p.Line != 5 {
		t.Errorf("second document positions are file lines: got %v", p)
	}
}

func TestLoadPaths(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, content string) {
		t.Helper()
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("b.yaml", "b: 1\n")
	write("a.YML", "a: 1\n")
	write("sub/c.json", `{"c": 1}`)
	write("sub/readme.md", "# not a manifest\n")
	write("z/big.yaml", "k: "+strings.Repeat("x", 200)+"\n")
	write("other.txt", "x: 1\n")
	write(".github/workflows/ci.yml", "on: push\n")
	write(".hidden.yaml", "h: 1\n")

	slash := filepath.ToSlash(dir)
	sources := Load([]string{dir, filepath.Join(dir, "b.yaml"), filepath.Join(dir, "other.txt"), "-", "-", filepath.Join(dir, "missing.yaml")},
		Options{MaxFileSize: 100, Stdin: strings.NewReader("s: 1\n")})
	var got []string
	for _, s := range sources {
		line := strings.TrimPrefix(s.Path, slash+"/")
		for _, p := range s.Problems {
			line += " | " + p.Message
		}
		got = append(got, line)
	}
	want := []string{
		"a.YML",
		"b.yaml",
		"sub/c.json",
		"z/big.yaml | file is 204 bytes, over the 100-byte limit (raise it with --max-file-size)",
		"other.txt", // named explicitly: read whatever its extension
		"<stdin>",   // "-" twice reads stdin once
		"missing.yaml | no such file or directory",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sources\n got %q\nwant %q", got, want)
	}
	sum := sha256.Sum256([]byte("b: 1\n"))
	if sources[1].SHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("sha256 = %s", sources[1].SHA256)
	}
	if sources[3].SHA256 != "" {
		t.Errorf("a file refused for size must have no hash, got %s", sources[3].SHA256)
	}
	if d := sources[5].Documents; len(d) != 1 || d[0].File != StdinName {
		t.Errorf("stdin documents = %+v", d)
	}
}

func TestLoadWithoutStdin(t *testing.T) {
	sources := Load([]string{"-"}, Options{})
	if len(sources) != 1 || len(sources[0].Problems) != 1 || sources[0].Problems[0].Message != "standard input is not available" {
		t.Errorf("got %+v", sources)
	}
}

func TestJoin(t *testing.T) {
	tests := []struct {
		name string
		base string
		toks []any
		want string
	}{
		{"root", "", []any{"a"}, "/a"},
		{"index", "/a", []any{3, "b"}, "/a/3/b"},
		{"escapes", "", []any{"a/b", "c~d"}, "/a~1b/c~0d"},
		{"empty token", "", []any{""}, "/"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Join(tc.base, tc.toks...); got != tc.want {
				t.Errorf("Join = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestLoadSymlinks(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string)
		want  []string // relative path | messages
	}{
		{
			name: "link to its own directory",
			setup: func(t *testing.T, dir string) {
				mustSymlink(t, ".", filepath.Join(dir, "self"))
			},
			want: []string{"a.yaml", "self | symbolic link loop: it leads back to a directory already being read"},
		},
		{
			name: "link to the parent",
			setup: func(t *testing.T, dir string) {
				mustSymlink(t, "..", filepath.Join(dir, "up"))
			},
			want: []string{"a.yaml", "up/" + "root | directory loop: it leads back to a directory already being read"},
		},
		{
			name: "link that points at itself",
			setup: func(t *testing.T, dir string) {
				mustSymlink(t, "loop.yaml", filepath.Join(dir, "loop.yaml"))
			},
			want: []string{"a.yaml", "loop.yaml | symbolic link loop: too many levels of symbolic links"},
		},
		{
			name: "dangling link to a manifest",
			setup: func(t *testing.T, dir string) {
				mustSymlink(t, "gone.yaml", filepath.Join(dir, "b.yaml"))
			},
			want: []string{"a.yaml", "b.yaml | no such file or directory"},
		},
		{
			name: "dangling link to something else is ignored",
			setup: func(t *testing.T, dir string) {
				mustSymlink(t, "gone", filepath.Join(dir, "notes"))
			},
			want: []string{"a.yaml"},
		},
		{
			name: "link to a file in the same directory is read once",
			setup: func(t *testing.T, dir string) {
				mustSymlink(t, "a.yaml", filepath.Join(dir, "z.yaml"))
			},
			want: []string{"a.yaml"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			top := t.TempDir()
			dir := filepath.Join(top, "root")
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "a.yaml"), []byte("a: 1\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			tc.setup(t, dir)
			var got []string
			for _, s := range Load([]string{dir}, Options{}) {
				line := strings.TrimPrefix(s.Path, filepath.ToSlash(dir)+"/")
				for _, p := range s.Problems {
					line += " | " + p.Message
				}
				got = append(got, line)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestLoadUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("permissions are not enforced for root")
	}
	dir := t.TempDir()
	f := filepath.Join(dir, "a.yaml")
	sub := filepath.Join(dir, "sub")
	if err := os.WriteFile(f, []byte("a: 1\n"), 0o000); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(sub, 0o000); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(sub, 0o755) })
	var got []string
	for _, s := range Load([]string{dir}, Options{}) {
		got = append(got, strings.TrimPrefix(s.Path, filepath.ToSlash(dir)+"/")+" | "+s.Problems[0].Message)
	}
	want := []string{"a.yaml | permission denied", "sub | permission denied"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// deniedFS is a file system that refuses to open or list the names in deny, as a disk
// refuses a file or directory its user may not read.
type deniedFS struct {
	fstest.MapFS
	deny map[string]bool
}

func (d deniedFS) Open(name string) (fs.File, error) {
	if d.deny[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return d.MapFS.Open(name)
}

func (d deniedFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if d.deny[name] {
		return nil, &fs.PathError{Op: "readdirent", Path: name, Err: fs.ErrPermission}
	}
	return d.MapFS.ReadDir(name)
}

// TestLoadUnreadableAsAnyUser is TestLoadUnreadable where permissions cannot be taken away
// (root, as CI runs): a file that cannot be read and a directory that cannot be listed are
// each a problem on their path, and the readable file beside them is still loaded.
func TestLoadUnreadableAsAnyUser(t *testing.T) {
	fsys := deniedFS{
		MapFS: fstest.MapFS{
			"d/a.yaml":     {Data: []byte("a: 1\n")},
			"d/b.yaml":     {Data: []byte("b: 2\n")},
			"d/sub/c.yaml": {Data: []byte("c: 3\n")},
		},
		deny: map[string]bool{"d/a.yaml": true, "d/sub": true},
	}
	var got []string
	for _, s := range Load([]string{"d"}, Options{FS: FromFS(fsys)}) {
		line := s.Path + " |"
		for _, p := range s.Problems {
			line += " " + p.Message
		}
		line += " | " + strconv.Itoa(len(s.Documents)) + " documents"
		got = append(got, line)
	}
	want := []string{"d/a.yaml | permission denied | 0 documents", "d/b.yaml | | 1 documents", "d/sub | permission denied | 0 documents"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func mustSymlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("symlinks unavailable: %v", err)
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("input/output error") }

// TestLoadReadError covers a read that fails midway (a disk error, a closed pipe), which
// permissions cannot reproduce when the tests run as root.
func TestLoadReadError(t *testing.T) {
	src := Load([]string{"-"}, Options{Stdin: failingReader{}})
	if len(src) != 1 || len(src[0].Problems) != 1 || src[0].Problems[0].Message != "cannot read: input/output error" || src[0].Rejected != 1 {
		t.Errorf("got %+v", src)
	}
}

// TestAnchorsExample checks the valid example written with anchors and merge keys: merged
// values equal their source, and positions point where each value was written.
func TestAnchorsExample(t *testing.T) {
	const path = "../../testdata/valid/anchors.yaml"
	srcs := Load([]string{path}, Options{})
	if len(srcs) != 1 || len(srcs[0].Problems) != 0 || len(srcs[0].Documents) != 2 {
		t.Fatalf("load: %+v", srcs)
	}
	a, b := srcs[0].Documents[0], srcs[0].Documents[1]
	dcs := a.Value.(map[string]any)["datacenters"].([]any)
	dc2 := dcs[1].(map[string]any)
	if dc2["id"] != "dc-2" || dc2["operator"] != "Example Colo Co." || dc2["building"] != "campus-1" {
		t.Errorf("merged datacenter = %v", dc2)
	}
	svcs := a.Value.(map[string]any)["services"].([]any)
	if !reflect.DeepEqual(svcs[0].(map[string]any)["deployments"], svcs[1].(map[string]any)["deployments"]) {
		t.Errorf("aliased deployments differ: %v", svcs)
	}
	if !reflect.DeepEqual(a.Value.(map[string]any)["provider"], b.Value.(map[string]any)["provider"]) {
		t.Errorf("the provider written again differs between documents")
	}
	tests := []struct {
		name    string
		doc     *Document
		pointer string
		line    int
	}{
		{"merged value: where the anchor wrote it", a, "/datacenters/1/operator", 22},
		{"overriding key: where it is written", a, "/datacenters/1/id", 26},
		{"alias: where the alias stands", a, "/services/1/deployments", 37},
		{"inside an alias: where the anchor wrote it", a, "/services/1/deployments/0/mode", 32},
		{"second document: file lines", b, "/incidents/0/startedAt", 56},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.doc.Pos(tc.pointer); got.Line != tc.line || got.File != path {
				t.Errorf("Pos(%q) = %v, want line %d", tc.pointer, got, tc.line)
			}
		})
	}
}

// TestLoadFromFS reads through an in-memory file system: directories, extensions, order,
// explicit files and missing paths behave as on disk.
func TestLoadFromFS(t *testing.T) {
	fsys := fstest.MapFS{
		"m/b.yaml":         {Data: []byte("b: 1\n")},
		"m/a.json":         {Data: []byte(`{"a": 1}`)},
		"m/sub/c.yml":      {Data: []byte("c: [1, 2\n")},
		"m/sub/notes.txt":  {Data: []byte("ignored")},
		"m/.hidden/d.yaml": {Data: []byte("d: 1\n")},
		"empty/x.txt":      {Data: []byte("")},
	}
	var got []string
	for _, s := range Load([]string{"m", "./m/b.yaml", "empty", "nope.yaml"}, Options{FS: FromFS(fsys)}) {
		line := s.Path + " docs=" + strconv.Itoa(len(s.Documents))
		for _, p := range s.Problems {
			line += " | " + strconv.Itoa(p.Line) + ": " + p.Message
		}
		got = append(got, line)
	}
	want := []string{
		"m/a.json docs=1",
		"m/b.yaml docs=1",
		"m/sub/c.yml docs=0 | 1: invalid YAML: did not find expected ',' or ']'",
		"empty docs=0 | 0: no manifest files (*.yaml, *.yml, *.json) in this directory",
		"nope.yaml docs=0 | 0: no such file or directory",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// BenchmarkLoad decodes one document with positions: the minimal manifest and the Kakao
// scenario (430 lines), what a batch pays per file before validation, as YAML and as the
// same document written as indented JSON.
func BenchmarkLoad(b *testing.B) {
	for _, m := range []struct{ name, path string }{
		{"minimal", "../../testdata/valid/minimal.yaml"},
		{"kakao", "../../testdata/manifests/kakao-2022-10-15.yaml"},
	} {
		data, err := os.ReadFile(m.path)
		if err != nil {
			b.Fatal(err)
		}
		src := &Source{Path: "m.yaml"}
		decode(src, data, false, Options{}.withDefaults())
		if len(src.Documents) != 1 {
			b.Fatal(src.Problems)
		}
		asJSON, err := json.MarshalIndent(src.Documents[0].Value, "", "  ")
		if err != nil {
			b.Fatal(err)
		}
		for _, f := range []struct {
			suffix string
			data   []byte
			isJSON bool
		}{{"", data, false}, {"-json", asJSON, true}} {
			b.Run(m.name+f.suffix, func(b *testing.B) {
				b.SetBytes(int64(len(f.data)))
				b.ReportAllocs()
				for b.Loop() {
					src := &Source{Path: "m"}
					decode(src, f.data, f.isJSON, Options{}.withDefaults())
					if len(src.Documents) != 1 {
						b.Fatal(src.Problems)
					}
				}
			})
		}
	}
}

func TestDisplayPath(t *testing.T) {
	wd := filepath.FromSlash("/home/ci/repo")
	tests := []struct {
		name, path, wd, want string
	}{
		{"relative is cleaned", "./manifests//a.yaml", wd, "manifests/a.yaml"},
		{"relative going up stays as given", "../other/a.yaml", wd, "../other/a.yaml"},
		{"absolute inside the working directory", filepath.Join(wd, "manifests", "a.yaml"), wd, "manifests/a.yaml"},
		{"the working directory itself", wd, wd, "."},
		{"absolute outside stays absolute", filepath.FromSlash("/srv/manifests/a.yaml"), wd, "/srv/manifests/a.yaml"},
		{"sibling with a common prefix stays absolute", filepath.FromSlash("/home/ci/repo2/a.yaml"), wd, "/home/ci/repo2/a.yaml"},
		{"no working directory (fs.FS)", filepath.Join(wd, "a.yaml"), "", "/home/ci/repo/a.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := displayPath(tt.path, tt.wd); got != tt.want {
				t.Errorf("displayPath(%q, %q) = %q, want %q", tt.path, tt.wd, got, tt.want)
			}
		})
	}
}

// TestLoadAbsolutePathInWorkingDirectory: "$PWD/x.yaml" and "x.yaml" name the file the
// same way in every report, so reports do not depend on where the checkout lives.
func TestLoadAbsolutePathInWorkingDirectory(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "m.yaml"), []byte("a: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	wd, err := os.Getwd() // the temporary directory may itself be reached through a link
	if err != nil {
		t.Fatal(err)
	}
	for _, arg := range []string{"m.yaml", "./m.yaml", filepath.Join(wd, "m.yaml")} {
		sources := Load([]string{arg}, Options{})
		if len(sources) != 1 || sources[0].Path != "m.yaml" || len(sources[0].Documents) != 1 || sources[0].Documents[0].File != "m.yaml" {
			t.Errorf("Load(%q): path %q, %d documents", arg, sources[0].Path, len(sources[0].Documents))
		}
	}
}

func TestLoadEmptyPath(t *testing.T) {
	sources := Load([]string{""}, Options{})
	if len(sources) != 1 || len(sources[0].Problems) != 1 || sources[0].Path != `""` ||
		!strings.HasPrefix(sources[0].Problems[0].Message, "empty path") || sources[0].Rejected != 1 {
		t.Fatalf("Load(\"\") = %+v", sources[0])
	}
}
