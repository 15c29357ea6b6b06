package reports

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
