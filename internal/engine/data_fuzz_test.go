package engine

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/storage"
)

// dataSeeds are the --data inputs of the engine's tests and the shapes around them.
var dataSeeds = []string{
	"resilcheck:\n  overrides:\n    dm_officer_notify_days: 45\n",
	"resilcheck:\n  overrides: {}\n",
	`{"resilcheck":{"overrides":{"major_vas_min_users":1}}}`,
	"{\"resilcheck\": {\"overrides\": {\n  \"dm_officer_notify_days\": \"forty\"}}}",
	"resilcheck:\n  overrides: {}\nother: 1\n",
	"resilcheck:\n  run:\n    as_of: 2020-01-01\n",
	"resilcheck:\n  params: {}\n  overrides: {}\n",
	"[1, 2]\n",
	"resilcheck:\n  overrides: [1]\n",
	"resilcheck:\n  overrides:\n    dm_officer_notify_dayz: 3\n",
	"resilcheck: [\n",
	"",
	"resilcheck:\n  overrides: {}\n---\nresilcheck:\n  overrides: {}\n",
	"resilcheck:\n  overrides:\n    dm_officer_notify_days: \"abc\"\n",
	"resilcheck:\n  overrides:\n    un_notice_free_services_exempt: 1\n",
	"resilcheck:\n  overrides:\n    dm_plan_due_month_day: 930\n",
	"resilcheck:\n  overrides:\n    nope: 1\n    dm_officer_notify_days: x\n",
	"resilcheck:\n  overrides:\n    a: &x {b: [1, 2.5, 0x10, null, true, \"s\"]}\n    c: *x\n    d: {<<: *x, e: 1e-400}\n",
	"resilcheck:\n  overrides:\n    big: 1e400\n    long: 100000000000000000000000\n",
	"resilcheck: &r\n  overrides: *r\n",
	"resilcheck:\n  overrides:\n    k: 0777\n",
	"{\"resilcheck\": {\"overrides\": {\"a\": 1, \"a\": 2}}}",
	"\xff\xfe",
}

// FuzzDataLoad feeds arbitrary bytes to the --data loader as a YAML or a JSON file. Without
// -fuzz it runs the seeds only. A refusal must be a DataError naming the file and, unless
// the file as a whole is at fault, a line and column; accepted overrides must decode the
// same every time, survive being written back as JSON, and be what the engine's store holds.
func FuzzDataLoad(f *testing.F) {
	for _, s := range dataSeeds {
		f.Add([]byte(s), strings.HasPrefix(s, "{"))
	}
	base := DataFile{Name: "base.yaml", Content: []byte("resilcheck:\n  overrides:\n    dm_officer_notify_days: 45\n    other: x\n")}
	f.Fuzz(func(t *testing.T, data []byte, isJSON bool) {
		name := "d.yaml"
		if isJSON {
			name = "d.json"
		}
		file := DataFile{Name: name, Content: data}
		set, err := parseData([]DataFile{file})
		again, err2 := parseData([]DataFile{file})
		if (err == nil) != (err2 == nil) || (err != nil && err.Error() != err2.Error()) || !reflect.DeepEqual(set, again) {
			t.Fatalf("two loads differ: %v / %v", err, err2)
		}
		if err != nil {
			checkRefusal(t, name, err)
			return
		}
		for k := range set.values {
			if p := set.where[k]; p.File != name || p.Line < 1 || p.Column < 1 {
				t.Fatalf("override %q has no position: %+v", k, p)
			}
		}

		// Written back as JSON, the overrides read the same.
		text, err := json.Marshal(map[string]any{"resilcheck": map[string]any{"overrides": set.values}})
		if err != nil {
			t.Fatalf("overrides do not marshal: %v", err)
		}
		back, err := parseData([]DataFile{{Name: "back.json", Content: text}})
		if err != nil {
			t.Fatalf("overrides written back as JSON are refused: %v\n%s", err, text)
		}
		if !reflect.DeepEqual(back.values, set.values) {
			t.Fatalf("JSON round trip changed the overrides:\n got %#v\nwant %#v", back.values, set.values)
		}

		// A later file wins per parameter.
		merged, err := parseData([]DataFile{base, file})
		if err != nil {
			t.Fatalf("merging after a good file: %v", err)
		}
		for k, v := range set.values {
			if !reflect.DeepEqual(merged.values[k], v) || merged.where[k] != set.where[k] {
				t.Fatalf("override %q: the later file did not win", k)
			}
		}

		// The engine puts the overrides in its store as they are.
		b := buildBesideCompile(Options{AsOf: "2026-01-01"}, set.values, nil, nil)
		got, err := storage.ReadOne(context.Background(), b.store, storage.MustParsePath("/resilcheck/overrides"))
		if err != nil {
			t.Fatalf("store read: %v", err)
		}
		want, err := ast.InterfaceToValue(set.values)
		if err != nil {
			t.Fatalf("overrides are not Rego values: %v", err)
		}
		gotValue, ok := got.(ast.Value)
		if !ok {
			gotValue, err = ast.InterfaceToValue(got)
			if err != nil {
				t.Fatal(err)
			}
		}
		if gotValue.Compare(want) != 0 {
			t.Fatalf("store holds %v, want %v", gotValue, want)
		}
	})
}

// wholeFile are the refusals about a file as a whole, which have no line to point at.
var wholeFile = []string{"file is empty", "file has no documents"}

func checkRefusal(t *testing.T, name string, err error) {
	t.Helper()
	var de *DataError
	if !errors.As(err, &de) {
		t.Fatalf("refusal is %T, not a *DataError: %v", err, err)
	}
	for _, e := range append([]*DataError{de}, de.More...) {
		if strings.Contains(e.Msg, "internal error") {
			t.Fatalf("the decoder panicked: %s", e.Msg)
		}
		if e.File != name || e.Msg == "" {
			t.Fatalf("refusal without its file or message: %+v", e)
		}
		located := e.Line > 0 && e.Column > 0
		if !located && !hasAnyPrefix(e.Msg, wholeFile) {
			t.Fatalf("refusal without a line and column: %s", e.Error())
		}
	}
	if !strings.HasPrefix(err.Error(), "data file "+name) {
		t.Fatalf("message does not start with the file: %q", err.Error())
	}
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}
