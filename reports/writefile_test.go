package reports

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestWriteFileTargets covers the paths a user may hand to -o or --report that are not a
// plain new or existing file.
func TestWriteFileTargets(t *testing.T) {
	content := func(w io.Writer) error { _, err := io.WriteString(w, "report"); return err }
	tests := []struct {
		name    string
		setup   func(t *testing.T, dir string) string // returns the path to write
		wantErr string                                // substring; "" for success
		check   func(t *testing.T, dir, path string)
	}{
		{
			name: "missing directory names the report, not the temporary file",
			setup: func(t *testing.T, dir string) string {
				return filepath.Join(dir, "nope", "report.json")
			},
			wantErr: "nope/report.json: no such file or directory",
		},
		{
			name: "parent is a file",
			setup: func(t *testing.T, dir string) string {
				mustWrite(t, filepath.Join(dir, "file"), "x")
				return filepath.Join(dir, "file", "report.json")
			},
			wantErr: "file/report.json: not a directory",
		},
		{
			name: "existing directory is refused, not replaced",
			setup: func(t *testing.T, dir string) string {
				p := filepath.Join(dir, "reports")
				if err := os.Mkdir(p, 0o755); err != nil {
					t.Fatal(err)
				}
				return p
			},
			wantErr: "reports: is a directory",
			check: func(t *testing.T, dir, path string) {
				if fi, err := os.Stat(path); err != nil || !fi.IsDir() {
					t.Errorf("the directory was replaced: %v", err)
				}
			},
		},
		{
			name: "symbolic link keeps pointing at the report",
			setup: func(t *testing.T, dir string) string {
				mustWrite(t, filepath.Join(dir, "real.json"), "old")
				link := filepath.Join(dir, "latest.json")
				if err := os.Symlink("real.json", link); err != nil {
					t.Skipf("symlinks unavailable: %v", err)
				}
				return link
			},
			check: func(t *testing.T, dir, path string) {
				if target, err := os.Readlink(path); err != nil || target != "real.json" {
					t.Errorf("link = %q, %v; want it kept, pointing at real.json", target, err)
				}
				if b, _ := os.ReadFile(filepath.Join(dir, "real.json")); string(b) != "report" {
					t.Errorf("target content = %q, want the report", b)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := tt.setup(t, dir)
			err := WriteFile(path, content)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("WriteFile: %v", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(filepath.ToSlash(err.Error()), tt.wantErr)):
				t.Fatalf("WriteFile error = %v, want one containing %q", err, tt.wantErr)
			case err != nil && strings.Contains(err.Error(), ".tmp-"):
				t.Errorf("error %q names the temporary file", err)
			}
			if tt.check != nil {
				tt.check(t, dir, path)
			}
			leftovers, _ := filepath.Glob(filepath.Join(dir, ".*.tmp-*"))
			if len(leftovers) > 0 {
				t.Errorf("temporary files left behind: %v", leftovers)
			}
		})
	}
}

func mustWrite(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// errInterrupted stands in for the CLI's signal: the cause a cancelled run's context carries.
var errInterrupted = errors.New("interrupted by SIGTERM")

// TestWriteFileInterrupted: once the run's context is cancelled, at whatever point of the
// write, the report already in place is kept as it was, no temporary file is left, and
// the error carries the cause.
func TestWriteFileInterrupted(t *testing.T) {
	tests := []struct {
		name  string
		write func(cancel func()) func(io.Writer) error
	}{
		{"before the write", func(cancel func()) func(io.Writer) error {
			cancel()
			return func(w io.Writer) error { _, err := io.WriteString(w, "new report"); return err }
		}},
		{"between two writes", func(cancel func()) func(io.Writer) error {
			return func(w io.Writer) error {
				if _, err := io.WriteString(w, "new "); err != nil {
					return err
				}
				cancel()
				_, err := io.WriteString(w, "report")
				return err
			}
		}},
		{"after the last write", func(cancel func()) func(io.Writer) error {
			return func(w io.Writer) error {
				_, err := io.WriteString(w, "new report")
				cancel()
				return err
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "report.json")
			mustWrite(t, path, "previous report")
			ctx, cancel := context.WithCancelCause(context.Background())
			defer cancel(nil)
			err := WriteFileContext(ctx, path, tt.write(func() { cancel(errInterrupted) }))
			if !errors.Is(err, errInterrupted) {
				t.Fatalf("WriteFileContext = %v, want the interruption", err)
			}
			if b, _ := os.ReadFile(path); string(b) != "previous report" {
				t.Errorf("report = %q, want the previous one kept", b)
			}
			if names := dirNames(t, dir); !slices.Equal(names, []string{"report.json"}) {
				t.Errorf("directory holds %q, want only the previous report", names)
			}
		})
	}
}

// TestWriteFileRemovesStaleTemps: a write removes the temporary files a killed earlier
// writer of the same report left, once they are old enough that no live writer can own
// them, and nothing else.
func TestWriteFileRemovesStaleTemps(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-2 * staleTempAge)
	mk := func(name string, mtime time.Time) {
		t.Helper()
		p := filepath.Join(dir, name)
		mustWrite(t, p, "partial")
		if err := os.Chtimes(p, mtime, mtime); err != nil {
			t.Fatal(err)
		}
	}
	mk(".report.json.tmp-123", old)        // stale: removed
	mk(".report.json.tmp-4294967295", old) // stale: removed
	mk(".report.json.tmp-456", time.Now()) // a writer may be busy with it
	mk(".report.json.tmp-12a", old)        // not a name CreateTemp makes
	mk(".report.json.tmp-", old)
	mk(".report.json.tmp-123.bak", old)
	mk(".other.json.tmp-789", old) // another report's
	mk("report.json.tmp-1", old)
	mk("notes.txt", old)
	if err := os.Mkdir(filepath.Join(dir, ".report.json.tmp-999"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("notes.txt", filepath.Join(dir, ".report.json.tmp-555")); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(filepath.Join(dir, "report.json"), func(w io.Writer) error { _, err := io.WriteString(w, "report"); return err }); err != nil {
		t.Fatal(err)
	}
	want := []string{".other.json.tmp-789", ".report.json.tmp-", ".report.json.tmp-123.bak", ".report.json.tmp-12a",
		".report.json.tmp-456", ".report.json.tmp-555", ".report.json.tmp-999", "notes.txt", "report.json", "report.json.tmp-1"}
	if got := dirNames(t, dir); !slices.Equal(got, want) {
		t.Errorf("directory after the write:\n got %q\nwant %q", got, want)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "notes.txt")); string(b) != "partial" {
		t.Errorf("the symbolic link's target changed: %q", b)
	}
}

// TestTempNamesAreRecognised: the stale-file pattern matches the names os.CreateTemp
// really makes, so a change in its naming cannot silently stop the clean-up.
func TestTempNamesAreRecognised(t *testing.T) {
	dir := t.TempDir()
	for range 20 {
		f, err := os.CreateTemp(dir, tempPrefix("report.sarif")+"*")
		if err != nil {
			t.Fatal(err)
		}
		f.Close()
		if name := filepath.Base(f.Name()); !staleTemp(name, "report.sarif") {
			t.Fatalf("%q is not recognised as a temporary file of report.sarif", name)
		}
	}
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	return names
}

// TestWriteFilePanic: a renderer that panics (a bug meeting odd input) must not leave its
// temporary file behind; the panic itself goes on to the caller.
func TestWriteFilePanic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.json")
	mustWrite(t, path, "previous report")
	func() {
		defer func() {
			if recover() == nil {
				t.Error("the panic did not reach the caller")
			}
		}()
		WriteFile(path, func(w io.Writer) error {
			io.WriteString(w, "half a report")
			panic("renderer bug")
		})
	}()
	if names := dirNames(t, dir); !slices.Equal(names, []string{"report.json"}) {
		t.Errorf("directory holds %q, want only the previous report", names)
	}
	if b, _ := os.ReadFile(path); string(b) != "previous report" {
		t.Errorf("report = %q, want the previous one kept", b)
	}
}
