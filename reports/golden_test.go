package reports

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/resilcheck/resilcheck/internal/audit"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// extensions name golden files; every registered format must have one (checked below).
var extensions = map[string]string{
	"csv": "csv", "html": "html", "json": "json", "junit": "xml",
	"markdown": "md", "sarif": "sarif", "text": "txt",
}

// localised formats render differently per language; the others carry both languages.
var localised = map[string]bool{"text": true, "markdown": true, "html": true}

// labelled formats carry both languages but name their columns in the report's language.
// JUnit and SARIF word their messages in the report's language too.
var labelled = map[string]bool{"csv": true, "junit": true, "sarif": true}

// variant is one rendering of a format worth pinning in a golden file.
type variant struct {
	name string
	opts Options
}

func variants(format string) []variant {
	vs := []variant{{"en", Options{Lang: "en"}}}
	if localised[format] || labelled[format] {
		vs = append(vs, variant{"ko", Options{Lang: "ko"}})
	}
	if format == "text" {
		vs = append(vs, variant{"en.color", Options{Lang: "en", Color: true}})
	}
	return vs
}

func render(t testing.TB, format string, opts Options, r *audit.Report) []byte {
	t.Helper()
	rd, err := Lookup(format)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := rd.Render(&buf, r, opts); err != nil {
		t.Fatalf("render %s: %v", format, err)
	}
	return buf.Bytes()
}

func TestEveryFormatHasAGoldenExtension(t *testing.T) {
	for _, f := range Formats() {
		if extensions[f] == "" {
			t.Errorf("format %q has no golden-file extension in extensions", f)
		}
	}
}

// TestGoldenFixture pins every format on the programmatic fixture and proves that two
// renders of the same report are byte-identical (no map order, no clock).
func TestGoldenFixture(t *testing.T) {
	for _, format := range Formats() {
		for _, v := range variants(format) {
			t.Run(format+"/"+v.name, func(t *testing.T) {
				first := render(t, format, v.opts, fixtureReport())
				second := render(t, format, v.opts, fixtureReport())
				if !bytes.Equal(first, second) {
					t.Fatalf("two renders differ:\n%s", firstDiff(first, second))
				}
				checkGolden(t, filepath.Join("fixture", "report."+v.name+"."+extensions[format]), first)
			})
		}
	}
}

// checkGolden compares got with testdata/<name>, or rewrites it under -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	goldensSeen.Store(filepath.ToSlash(path), true)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./reports -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test ./reports -update and review the diff)\n%s", path, firstDiff(want, got))
	}
}

// firstDiff shows the first differing line, enough to see what changed without a diff tool.
func firstDiff(want, got []byte) string {
	wl, gl := bytes.Split(want, []byte("\n")), bytes.Split(got, []byte("\n"))
	for i := range max(len(wl), len(gl)) {
		var w, g []byte
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if !bytes.Equal(w, g) {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + string(w) + "\n  got:  " + string(g)
		}
	}
	return ""
}

// TestNoOrphanGoldens fails on a golden file no test compares any more (a renamed format
// or variant, a removed scenario): -update never deletes one, and a stale golden reads as
// pinned output when nothing pins it.
func TestNoOrphanGoldens(t *testing.T) {
	want := map[string]bool{}
	for _, format := range Formats() {
		for _, v := range variants(format) {
			want[filepath.Join("fixture", "report."+v.name+"."+extensions[format])] = true
		}
	}
	scenarioFiles, err := filepath.Glob(filepath.Join("..", "testdata", "manifests", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range scenarioFiles {
		name := strings.TrimSuffix(filepath.Base(f), ".yaml")
		for _, format := range Formats() {
			for _, v := range variants(format) {
				if !v.opts.Color {
					want[filepath.Join("scenarios", name+"."+v.name+"."+extensions[format])] = true
				}
			}
		}
	}
	for _, g := range sweepGoldens() {
		want[g] = true
	}
	for _, dir := range []string{"fixture", "scenarios", "sweep"} {
		entries, err := os.ReadDir(filepath.Join("testdata", dir))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if rel := filepath.Join(dir, e.Name()); !want[rel] {
				t.Errorf("testdata/%s is compared by no test: delete it, or pin it again", filepath.ToSlash(rel))
			}
		}
	}
}
