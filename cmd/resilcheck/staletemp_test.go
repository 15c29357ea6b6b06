package main

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// TestStaleTempRemoved: a report's temporary file that a killed run left (SIGKILL, out of
// memory) is removed by the next run that writes the same report, once it is old; a
// recent one, another report's and a user's file are kept.
func TestStaleTempRemoved(t *testing.T) {
	out := t.TempDir()
	old := time.Now().Add(-time.Hour)
	for name, mtime := range map[string]time.Time{
		".report.json.tmp-1234567": old,
		".report.json.tmp-7654321": time.Now(),
		".report.sarif.tmp-42":     old,
		".report.json.tmp-mine":    old,
	} {
		p := filepath.Join(out, name)
		if err := os.WriteFile(p, []byte(`{"half": `), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, mtime, mtime); err != nil {
			t.Fatal(err)
		}
	}
	if _, stderr, code := runCLI(t, "", "check", asOf, "-q", "-f", "json", "-o", filepath.Join(out, "report.json"), minimalManifest); code > ExitFailed {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	ents, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range ents {
		got = append(got, e.Name())
	}
	want := []string{".report.json.tmp-7654321", ".report.json.tmp-mine", ".report.sarif.tmp-42", "report.json"}
	if !slices.Equal(got, want) {
		t.Errorf("output directory after the run:\n got %q\nwant %q", got, want)
	}
}
