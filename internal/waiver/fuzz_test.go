package waiver

import (
	"errors"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode"

	"github.com/resilcheck/resilcheck/internal/audit"
	"github.com/resilcheck/resilcheck/internal/manifest"
)

// FuzzWaiverLoad feeds arbitrary bytes to Load, as a YAML or a JSON file. Without -fuzz it
// runs the seed corpus only (the waiver files of the tests and testdata), so it is cheap
// in go test. It asserts what the run relies on: Load never panics; every error names the
// file and every problem has its position; a waiver set it accepts holds only waivers the
// schema and the loader promise (a visible reason and approver, a real date, a usable
// glob, a position); and the same bytes load to the same result. Applying an accepted set
// must not panic either, and each of its notes names a waiver.
func FuzzWaiverLoad(f *testing.F) {
	f.Add([]byte(validWaivers), false)
	for _, tc := range rejected {
		f.Add([]byte(tc.body), false)
	}
	entries, err := os.ReadDir("testdata")
	if err != nil || len(entries) == 0 {
		f.Fatalf("the seed corpus in testdata: %d files, %v", len(entries), err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join("testdata", e.Name()))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, strings.HasSuffix(e.Name(), ".json"))
	}
	f.Add([]byte(`{"apiVersion": "resilcheck/v1", "kind": "WaiverSet", "waivers": [{"control": "KR-X", "reason": "          ", "approvedBy": "\u3164", "expires": "2026-02-30"}]}`), true)
	f.Add([]byte("apiVersion: resilcheck/v1\nkind: WaiverSet\nwaivers: []\n---\napiVersion: resilcheck/v1\n"), false)

	controlID := regexp.MustCompile(`^[A-Z0-9][A-Z0-9-]*$`)
	f.Fuzz(func(t *testing.T, data []byte, isJSON bool) {
		name := "w.yaml"
		if isJSON {
			name = "w.json"
		}
		load := func() (*Set, error) {
			fsys := manifest.FromFS(fstest.MapFS{name: {Data: data}})
			return Load(name, manifest.Options{FS: fsys, MaxDepth: 32, MaxNodes: 10_000})
		}
		set, err := load()
		again, errAgain := load()
		if !reflect.DeepEqual(set, again) || errString(err) != errString(errAgain) {
			t.Fatalf("same bytes, different results:\n%v, %v\n%v, %v", set, err, again, errAgain)
		}

		if err != nil {
			if set != nil {
				t.Fatalf("both a set and an error: %v", err)
			}
			var pe *ProblemsError
			if !errors.As(err, &pe) {
				t.Fatalf("error is not a list of problems with positions: %v", err)
			}
			if len(pe.Problems) == 0 {
				t.Fatalf("an error with no problem in it")
			}
			for _, p := range pe.Problems {
				if strings.HasPrefix(p.Message, "internal error") {
					t.Fatalf("decoder panicked: %s", p.Message)
				}
				if p.File != name {
					t.Fatalf("problem without its file: %+v", p)
				}
				// A column without a line is broken; a line without a column is printed as
				// file:line (the YAML decoder reports some errors at the end of input so).
				if p.Line < 0 || p.Column < 0 || (p.Column > 0 && p.Line == 0) {
					t.Fatalf("problem with a broken position: %+v", p)
				}
				if strings.TrimSpace(p.Message) == "" {
					t.Fatalf("problem without a message: %+v", p)
				}
			}
			return
		}

		if set == nil || set.File != name {
			t.Fatalf("accepted set %+v does not name its file", set)
		}
		for i, w := range set.Waivers {
			if !controlID.MatchString(w.Control) {
				t.Errorf("waiver %d: control %q is not a control id", i, w.Control)
			}
			if !visible(w.Reason) || len([]rune(w.Reason)) < 10 {
				t.Errorf("waiver %d: reason %q accepted", i, w.Reason)
			}
			if !visible(w.ApprovedBy) {
				t.Errorf("waiver %d: approvedBy %q accepted", i, w.ApprovedBy)
			}
			if d, err := time.Parse(time.DateOnly, w.Expires); err != nil || d.Format(time.DateOnly) != w.Expires {
				t.Errorf("waiver %d: expires %q is not a date", i, w.Expires)
			}
			if _, err := path.Match(w.Manifest, ""); err != nil {
				t.Errorf("waiver %d: manifest %q is not a glob", i, w.Manifest)
			}
			if w.Pointer != "" && !strings.HasPrefix(w.Pointer, "/") {
				t.Errorf("waiver %d: pointer %q is not a JSON pointer", i, w.Pointer)
			}
			if w.At.File != name || w.At.Line < 1 || w.At.Column < 1 {
				t.Errorf("waiver %d: position %+v", i, w.At)
			}
		}

		// A failed result for every waiver, with one violation its pointer covers and one
		// it may not: every branch of Apply gets something to say.
		r := &audit.Report{AsOf: "2026-11-22"}
		for _, w := range set.Waivers {
			m := strings.NewReplacer("*", "x", "?", "x", "[", "", "]", "", "\\", "").Replace(w.Manifest)
			r.Results = append(r.Results, audit.Result{Manifest: m, Control: w.Control, Status: audit.StatusFail,
				Violations: []audit.Violation{{Pointer: w.Pointer + "/0"}, {Pointer: "/other"}}})
		}
		for _, n := range set.Apply(r, r.AsOf) {
			if n.File != name || n.Line < 1 || !strings.HasPrefix(n.Message, "waiver for ") {
				t.Errorf("note %q does not name its waiver", n)
			}
		}
	})
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// visible is the property blank promises, checked another way: some letter, digit,
// punctuation or symbol that is not one of the characters Unicode says to show as nothing.
func visible(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool {
		return unicode.In(r, unicode.L, unicode.N, unicode.P, unicode.S) &&
			!unicode.In(r, unicode.Other_Default_Ignorable_Code_Point, unicode.Variation_Selector)
	}) >= 0
}
