package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/resilcheck/resilcheck/schemas"
)

// TestInitStarterChecksCleanly: for each kind of provider, init writes a manifest with the
// schema modeline and the schema beside it, and that manifest validates and checks with exit 0.
func TestInitStarterChecksCleanly(t *testing.T) {
	saved := clock
	clock = func() time.Time { return time.Date(2026, 11, 22, 3, 0, 0, 0, time.UTC) }
	t.Cleanup(func() { clock = saved })
	schema, err := schemas.Read("manifest")
	if err != nil {
		t.Fatal(err)
	}
	// Categories are written in the schema's order, whatever the order of the flags.
	for _, cats := range [][]string{nil, {"facilities-based"}, {"datacenter-operator"}, {"cloud", "value-added", "cloud"}, manifestCategories} {
		t.Run(strings.Join(cats, "+"), func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "new", "acme.yaml")
			args := []string{"init"}
			for _, c := range cats {
				args = append(args, "--category", c)
			}
			stdout, stderr, code := runInProcess(t, nil, append(args, file)...)
			if code != ExitOK || stderr != "" || !strings.Contains(stdout, "wrote "+file+"\n") {
				t.Fatalf("init: exit %d, stdout %q, stderr %q", code, stdout, stderr)
			}
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if first, _, _ := strings.Cut(string(b), "\n"); first != "# yaml-language-server: $schema=manifest.v1.schema.json" {
				t.Errorf("first line %q is not the schema modeline", first)
			}
			if got, err := os.ReadFile(filepath.Join(filepath.Dir(file), "manifest.v1.schema.json")); err != nil || !bytes.Equal(got, schema) {
				t.Errorf("the schema beside the manifest is not the embedded one (%v)", err)
			}
			var want []string
			for _, c := range manifestCategories {
				if slices.Contains(cats, c) || (len(cats) == 0 && c == "value-added") {
					want = append(want, c)
				}
			}
			if !strings.Contains(string(b), "categories: ["+strings.Join(want, ", ")+"]") {
				t.Errorf("the manifest does not declare %v:\n%s", want, b)
			}
			if _, stderr, code := runInProcess(t, nil, "validate", file); code != ExitOK {
				t.Errorf("validate: exit %d: %s", code, stderr)
			}
			out, stderr, code := runInProcess(t, nil, "check", "--as-of", "2026-11-22", "-f", "json", file)
			if code != ExitOK {
				t.Errorf("check: exit %d: %s", code, stderr)
			}
			var r struct {
				Summary map[string]int `json:"summary"`
			}
			if err := json.Unmarshal([]byte(out), &r); err != nil {
				t.Fatal(err)
			}
			if r.Summary["pass"]+r.Summary["not_applicable"] == 0 || r.Summary["fail"]+r.Summary["error"] != 0 {
				t.Errorf("summary %v: want every control judged, none failed", r.Summary)
			}
		})
	}
}

// TestInitNeverOverwrites: an existing manifest, settings file or different schema file is
// refused (exit 2) before anything is written; an identical schema is kept as it is.
func TestInitNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if _, stderr, code := runInProcess(t, nil, "init", "-q", "--config"); code != ExitOK {
		t.Fatalf("init: exit %d: %s", code, stderr)
	}
	for _, f := range []string{"manifest.yaml", "manifest.v1.schema.json", configFileName} {
		if _, err := os.Stat(f); err != nil {
			t.Fatalf("init did not write %s: %v", f, err)
		}
	}
	before, _ := os.ReadFile("manifest.yaml")
	_, stderr, code := runInProcess(t, nil, "init", "--category", "cloud")
	if code != ExitInputError || !strings.Contains(stderr, "manifest.yaml exists") {
		t.Errorf("second init: exit %d, stderr %q", code, stderr)
	}
	if after, _ := os.ReadFile("manifest.yaml"); !bytes.Equal(before, after) {
		t.Error("the second init changed manifest.yaml")
	}

	// Another manifest beside the same (identical) schema is fine; a settings file is not
	// written over.
	if _, stderr, code := runInProcess(t, nil, "init", "-q", "other.yaml"); code != ExitOK {
		t.Errorf("a second manifest beside an identical schema: exit %d: %s", code, stderr)
	}
	_, stderr, code = runInProcess(t, nil, "init", "--config", "third.yaml")
	if code != ExitInputError || !strings.Contains(stderr, configFileName+" exists") {
		t.Errorf("init --config over a settings file: exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat("third.yaml"); err == nil {
		t.Error("a refused init wrote its manifest anyway")
	}

	// A schema file of other content (an older version, an edited copy) is left alone, and
	// the manifest is not written.
	sub := filepath.Join(dir, "sub")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(sub, "manifest.v1.schema.json"), []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code = runInProcess(t, nil, "init", filepath.Join(sub, "m.yaml"))
	if code != ExitInputError || !strings.Contains(stderr, "manifest.v1.schema.json exists") {
		t.Errorf("init over another schema file: exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(sub, "m.yaml")); err == nil {
		t.Error("a refused init wrote its manifest anyway")
	}
}

// TestInitSettingsFile: the settings file init writes lists every setting of check, and
// uncommenting all of them gives a file check accepts.
func TestInitSettingsFile(t *testing.T) {
	t.Chdir(t.TempDir())
	if _, stderr, code := runInProcess(t, nil, "init", "-q", "--config"); code != ExitOK {
		t.Fatalf("init: exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(configFileName)
	if err != nil {
		t.Fatal(err)
	}
	setting := regexp.MustCompile(`(?m)^# ([a-z-]+): .*$`)
	var names []string
	var uncommented strings.Builder
	for _, m := range setting.FindAllStringSubmatch(string(b), -1) {
		names = append(names, m[1])
		uncommented.WriteString(strings.TrimPrefix(m[0], "# ") + "\n")
	}
	out, _, _ := runInProcess(t, nil, "check", "--show-config")
	var shown []string
	for _, line := range strings.Split(out, "\n")[2:] {
		if f := strings.Fields(line); len(f) > 0 {
			shown = append(shown, f[0])
		}
	}
	if !slices.Equal(names, shown) {
		t.Errorf("the settings file lists %v, check has %v", names, shown)
	}
	if err := os.WriteFile(configFileName, []byte(uncommented.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := runInProcess(t, nil, "check", "--show-config"); code != ExitOK {
		t.Errorf("every setting uncommented: exit %d: %s\n%s", code, stderr, uncommented.String())
	}
}

// TestInitCategories: init offers exactly the schema's provider categories and refuses others.
func TestInitCategories(t *testing.T) {
	b, err := schemas.Read("manifest")
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Definitions struct {
			Provider struct {
				Properties struct {
					Categories struct {
						Items struct {
							Enum []string `json:"enum"`
						} `json:"items"`
					} `json:"categories"`
				} `json:"properties"`
			} `json:"provider"`
		} `json:"definitions"`
	}
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	if enum := s.Definitions.Provider.Properties.Categories.Items.Enum; !slices.Equal(enum, manifestCategories) {
		t.Errorf("init's categories %v, the schema's %v", manifestCategories, enum)
	}
	_, stderr, code := runInProcess(t, nil, "init", "--category", "isp", filepath.Join(t.TempDir(), "m.yaml"))
	if code != ExitInputError || !strings.Contains(stderr, `unknown category "isp"`) {
		t.Errorf("unknown category: exit %d, stderr %q", code, stderr)
	}
}
