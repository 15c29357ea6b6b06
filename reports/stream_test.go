package reports

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/resilcheck/resilcheck/internal/audit"
)

// The JSON stream must write what encoding/json writes for the model itself: consumers
// validate against schemas/report.v1.schema.json, which describes audit.Report.
func TestJSONStreamIsTheModel(t *testing.T) {
	// The controls are written one by one, unless there are none: nil stays null.
	noControls, emptyControls := fixtureReport(), fixtureReport()
	noControls.Controls, emptyControls.Controls = nil, []audit.Control{}
	for name, r := range map[string]*audit.Report{"fixture": fixtureReport(), "fuzz seed": smallFixture(), "many": manyManifests(40),
		"no controls": noControls, "empty controls": emptyControls} {
		t.Run(name, func(t *testing.T) {
			var want bytes.Buffer
			if err := writeIndentedJSON(&want, r); err != nil {
				t.Fatal(err)
			}
			got := render(t, "json", Options{}, r)
			if !bytes.Equal(got, want.Bytes()) {
				t.Fatalf("the JSON stream differs from the model encoded whole: %s", firstDiff(want.Bytes(), got))
			}
		})
	}
	// Every field of the model, in order, with the same name and options.
	model, mirror := reflect.TypeFor[audit.Report](), reflect.TypeFor[jsonReport]()
	if model.NumField() != mirror.NumField() {
		t.Fatalf("audit.Report has %d fields, jsonReport %d", model.NumField(), mirror.NumField())
	}
	for i := range model.NumField() {
		a, b := model.Field(i), mirror.Field(i)
		if a.Name != b.Name || a.Tag != b.Tag {
			t.Errorf("field %d: audit.Report has %s `%s`, jsonReport %s `%s`", i, a.Name, a.Tag, b.Name, b.Tag)
		}
	}
}

// manyManifests is a report of n manifests, each with a failure carrying evidence, a pass
// and a not-applicable verdict, so every format has something to write for each.
func manyManifests(n int) *audit.Report {
	r := smallFixture()
	r.Manifests, r.Results, r.Inputs = nil, nil, nil
	ctrl := r.Controls[0].ID
	for i := range n {
		name := fmt.Sprintf("provider-%03d", i)
		file := fmt.Sprintf("m/%03d.yaml", i)
		r.Inputs = append(r.Inputs, audit.Input{Path: file, SHA256: strings.Repeat("ab", 32)})
		r.Manifests = append(r.Manifests, audit.Manifest{Name: name, File: file, Provider: "Provider " + name})
		r.Results = append(r.Results,
			audit.Result{Manifest: name, Control: ctrl, Status: audit.StatusFail, Violations: []audit.Violation{{
				Message: "missing " + name, Pointer: "/services/0", Position: audit.Position{File: file, Line: 3 + i, Column: 5},
				Evidence: map[string]any{"services": []any{"a", "b"}, "count": json.Number(fmt.Sprint(i))},
			}}},
			audit.Result{Manifest: name, Control: "KR-OTHER", Status: audit.StatusNotApplicable, Reason: "not bound", ReasonKo: "적용 대상 아님"},
		)
		r.Summary.Add(audit.StatusFail)
		r.Summary.Add(audit.StatusNotApplicable)
	}
	return r
}

// A sweep's report moves to a temporary file once it outgrows memory: the bytes are the same,
// and no file is left in the temporary directory, even while the run goes on.
func TestSpoolsSpillToDiskUnseen(t *testing.T) {
	r := manyManifests(200)
	want := map[string][]byte{}
	for _, f := range Formats() {
		want[f] = render(t, f, Options{}, r)
	}
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	defer func(n int) { spoolInMemory = n }(spoolInMemory)
	spoolInMemory = 512
	for _, f := range Formats() {
		s, err := NewStream(f, Options{})
		if err != nil {
			t.Fatal(err)
		}
		head := *r
		head.Manifests, head.Results = nil, nil
		if err := s.Begin(&head); err != nil {
			t.Fatal(err)
		}
		for _, g := range groups(r) {
			if err := s.Add(g.m, g.results); err != nil {
				t.Fatal(err)
			}
		}
		if ents, _ := os.ReadDir(tmp); len(ents) > 0 && runtime.GOOS != "windows" {
			t.Errorf("%s: %s is visible in the temporary directory while the run goes on", f, ents[0].Name())
		}
		if n, ok := openUnlinkedIn(tmp); ok && n == 0 {
			t.Errorf("%s: nothing spilled to the temporary directory (the rest of this test would pass in memory)", f)
		}
		var got bytes.Buffer
		if err := s.Finish(&got); err != nil {
			t.Fatal(err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want[f]) {
			t.Errorf("%s: spilled to disk, the report differs: %s", f, firstDiff(want[f], got.Bytes()))
		}
		if ents, _ := os.ReadDir(tmp); len(ents) > 0 {
			t.Errorf("%s: %s left in the temporary directory", f, ents[0].Name())
		}
	}
}

// openUnlinkedIn counts this process's open files that were created in dir and unlinked
// since: the spools that spilled. ok is false where /proc/self/fd does not say (not Linux).
func openUnlinkedIn(dir string) (n int, ok bool) {
	fds, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		return 0, false
	}
	for _, fd := range fds {
		target, err := os.Readlink(filepath.Join("/proc/self/fd", fd.Name()))
		if err == nil && strings.HasPrefix(target, dir+string(filepath.Separator)) && strings.HasSuffix(target, " (deleted)") {
			n++
		}
	}
	return n, true
}

// A spool that cannot move to disk fails the rendering with the reason, never truncates it.
func TestSpoolWithoutADiskFails(t *testing.T) {
	t.Setenv("TMPDIR", "/nonexistent-dir-for-resilcheck-test")
	defer func(n int) { spoolInMemory = n }(spoolInMemory)
	spoolInMemory = 64
	var s spool
	_, err := s.Write(bytes.Repeat([]byte("x"), 100))
	if err == nil || !strings.Contains(err.Error(), "spooling the report") {
		t.Fatalf("got %v, want an error about spooling", err)
	}
}

// A marker that a string of the report happens to spell must not be replaced inside it.
func TestSpliceMarkersNeverHitTheReportsText(t *testing.T) {
	r := manyManifests(3)
	r.Command = []string{"resilcheck", "\x00splice-0-0", "\x00splice-0-1", "\x00splice-1-0"}
	var want bytes.Buffer
	if err := writeIndentedJSON(&want, r); err != nil {
		t.Fatal(err)
	}
	if got := render(t, "json", Options{}, r); !bytes.Equal(got, want.Bytes()) {
		t.Fatalf("a command spelling a marker changed the report: %s", firstDiff(want.Bytes(), got))
	}
}

// A spool reuses one buffer for its items: an item that cannot be encoded adds nothing,
// and the items around it are written whole, each on its own line, as encoding/json
// writes them with HTML left unescaped.
func TestSpoolItemsReuseTheirBuffer(t *testing.T) {
	var s spool
	defer s.Close()
	long := map[string]any{"msg": strings.Repeat("<x> & ", 200)}
	if err := s.item(long); err != nil {
		t.Fatal(err)
	}
	if err := s.item(map[string]any{"bad": make(chan int)}); err == nil {
		t.Fatal("a channel was encoded")
	}
	if err := s.item([]any{"a", 1}); err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetEscapeHTML(false)
	for _, v := range []any{long, []any{"a", 1}} {
		if err := enc.Encode(v); err != nil {
			t.Fatal(err)
		}
	}
	var got bytes.Buffer
	if err := s.copyTo(&got); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() || s.items != 2 || s.n != int64(want.Len()) {
		t.Fatalf("spooled %d items, %d bytes:\n%q\nwant 2 items:\n%q", s.items, s.n, got.String(), want.String())
	}
}

// A spool past its memory holds its lines in a file; a line longer than the reading buffer
// (one large manifest's result) comes back whole, among short ones.
func TestSpoolLongLinesFromFile(t *testing.T) {
	var s spool
	defer s.Close()
	long := bytes.Repeat([]byte("0123456789abcdef"), (3<<20)/16+5)
	want := [][]byte{[]byte("first"), long, []byte("after"), bytes.Repeat([]byte("x"), spoolInMemory), []byte("last")}
	for _, l := range want {
		if _, err := s.Write(append(append([]byte(nil), l...), '\n')); err != nil {
			t.Fatal(err)
		}
	}
	if s.file == nil {
		t.Fatal("the spool stayed in memory")
	}
	var got [][]byte
	if err := s.lines(func(l []byte) error {
		got = append(got, append([]byte(nil), l...))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("%d lines, want %d", len(got), len(want))
	}
	for i := range want {
		if !bytes.Equal(got[i], want[i]) {
			t.Errorf("line %d: %d bytes, want %d", i, len(got[i]), len(want[i]))
		}
	}
}
