package auditdiff

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/resilcheck/resilcheck/internal/audit"
	"github.com/resilcheck/resilcheck/internal/check"
	"github.com/resilcheck/resilcheck/internal/manifest"
	"github.com/resilcheck/resilcheck/reports"
)

// update regenerates the golden files: go test ./internal/auditdiff -update
var update = flag.Bool("update", false, "rewrite golden files with the current output")

// goldenAsOf fixes the audit date, so the goldens change with the rules, not the calendar.
const goldenAsOf = "2026-11-22"

var (
	kakaoOnce  sync.Once
	kakaoFiles map[string]string // "before", "after" -> JSON report path
	kakaoErr   error
)

// kakaoReports audits the bundled Kakao manifests before and after remediation with the
// real pipeline, from the repository root as a user would, and writes each as the JSON
// report `check -f json` prints, so the comparison reads what users feed it.
func kakaoReports(t *testing.T) map[string]string {
	t.Helper()
	kakaoOnce.Do(func() {
		root, err := filepath.Abs(filepath.Join("..", ".."))
		if err != nil {
			kakaoErr = err
			return
		}
		dir, err := os.MkdirTemp("", "auditdiff-golden-")
		if err != nil {
			kakaoErr = err
			return
		}
		wd, _ := os.Getwd()
		if err := os.Chdir(root); err != nil {
			kakaoErr = err
			return
		}
		defer os.Chdir(wd)
		kakaoFiles = map[string]string{}
		for side, rel := range map[string]string{
			"before": "testdata/manifests/kakao-2022-10-15.yaml",
			"after":  "testdata/manifests/kakao-remediated.yaml",
		} {
			r, err := check.Run(context.Background(), check.Options{
				Paths:   []string{rel},
				AsOf:    goldenAsOf,
				Tool:    audit.Tool{Name: "resilcheck", Version: "v0.0.0-golden", OPAVersion: "(opa version)"},
				Command: []string{"resilcheck", "check", "--as-of", goldenAsOf, "-f", "json", rel},
			})
			if err != nil {
				kakaoErr = err
				return
			}
			// The digest changes with every edit anywhere in the bundle, even a comment;
			// pinned, the goldens change only when a reader would notice.
			r.Bundle.Digest = "sha256:" + strings.Repeat("0", 64)
			render, err := reports.Lookup("json")
			if err != nil {
				kakaoErr = err
				return
			}
			var b bytes.Buffer
			if err := render.Render(&b, r, reports.Options{Lang: "en"}); err != nil {
				kakaoErr = err
				return
			}
			path := filepath.Join(dir, side+".json")
			if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
				kakaoErr = err
				return
			}
			kakaoFiles[side] = path
		}
	})
	if kakaoErr != nil {
		t.Fatalf("audit the Kakao scenarios: %v", kakaoErr)
	}
	return kakaoFiles
}

func loadKakao(t *testing.T) (before, after *audit.Report) {
	files := kakaoReports(t)
	var err error
	if before, err = Load(files["before"], manifest.Options{}); err != nil {
		t.Fatal(err)
	}
	if after, err = Load(files["after"], manifest.Options{}); err != nil {
		t.Fatal(err)
	}
	return before, after
}

// TestKakaoRemediation is the acceptance test: every control the 2022 set-up
// fails is listed as fixed after the remediation, and nothing regressed.
func TestKakaoRemediation(t *testing.T) {
	before, after := loadKakao(t)
	d, err := Compare(before, after, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var failed, fixed []string
	for _, r := range before.Results {
		if r.Status == audit.StatusFail {
			failed = append(failed, r.Control)
		}
	}
	if len(failed) == 0 {
		t.Fatal("the 2022 Kakao audit fails nothing: the scenario no longer tests anything")
	}
	if len(d.Manifests) != 1 || d.Manifests[0].PairedBy != PairedByProvider {
		t.Fatalf("want the two Kakao manifests paired by provider, got %+v", d.Manifests)
	}
	for _, e := range d.Manifests[0].Entries {
		if e.Kind == KindFixed {
			fixed = append(fixed, e.Control)
		}
	}
	sort.Strings(failed)
	if strings.Join(fixed, " ") != strings.Join(failed, " ") {
		t.Errorf("fixed controls:\n got %v\nwant %v", fixed, failed)
	}
	if d.Regressed {
		t.Error("the remediation regressed")
	}
	// Read backwards, every fixed finding is new again.
	back, err := Compare(after, before, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !back.Regressed || back.Counts.New != d.Counts.Fixed {
		t.Errorf("reversed: regressed=%v, %d new, want %d", back.Regressed, back.Counts.New, d.Counts.Fixed)
	}
}

func TestGolden(t *testing.T) {
	before, after := loadKakao(t)
	d, err := Compare(before, after, Options{OldReport: "kakao-2022-10-15.json", NewReport: "kakao-remediated.json"})
	if err != nil {
		t.Fatal(err)
	}
	// Read backwards, the same audits show how regressions are flagged.
	back, err := Compare(after, before, Options{OldReport: "kakao-remediated.json", NewReport: "kakao-2022-10-15.json"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		format, lang, file string
		reversed           bool
	}{
		{"text", "en", "kakao.txt", false},
		{"text", "ko", "kakao.ko.txt", false},
		{"markdown", "en", "kakao.md", false},
		{"markdown", "ko", "kakao.ko.md", false},
		{"json", "en", "kakao.json", false},
		{"text", "en", "kakao-reversed.txt", true},
	} {
		t.Run(tc.file, func(t *testing.T) {
			dd := d
			if tc.reversed {
				dd = back
			}
			var b bytes.Buffer
			if err := Render(&b, dd, tc.format, tc.lang); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", tc.file)
			if *update {
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (go test ./internal/auditdiff -update writes it)", err)
			}
			if !bytes.Equal(b.Bytes(), want) {
				t.Errorf("%s differs from the golden file (go test ./internal/auditdiff -update rewrites it):\n%s", path, b.String())
			}
		})
	}
	// JSON carries both languages, so there is one golden: ko must write the same bytes.
	var en, ko bytes.Buffer
	if err := Render(&en, d, "json", "en"); err != nil {
		t.Fatal(err)
	}
	if err := Render(&ko, d, "json", "ko"); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(en.Bytes(), ko.Bytes()) {
		t.Error("json differs between en and ko")
	}
}

// TestLoad: what is not a report is refused with the place it goes wrong.
func TestLoad(t *testing.T) {
	good, err := os.ReadFile(kakaoReports(t)["after"])
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// A second manifest of the same name, put first so the real one is the repeat.
	dupName := string(good)
	i := strings.Index(dupName, `"manifests": [`)
	if i < 0 {
		t.Fatal("no manifests array in the report")
	}
	dupName = dupName[:i] + `"manifests": [{"name": "kakao-remediated", "file": "x.yaml", "document": 0},` + dupName[i+len(`"manifests": [`):]
	orphan := strings.Replace(string(good), `"manifest": "kakao-remediated"`, `"manifest": "someone-else"`, 1)
	for _, tc := range []struct {
		name, content string
		want          string // a line of the error, with the file's base name
	}{
		{"syntax.json", "{\n  \"tool\": \n}\n", "syntax.json:3:1: "},
		{"manifest.yaml", "apiVersion: resilcheck/v1\nkind: ProviderManifest\n", `manifest.yaml:1:1: this is a manifest, not a report`},
		{"notreport.json", `{"tool": {"name": "resilcheck"}}`, `notreport.json:1:1: missing required field "as_of"`},
		{"wrongtype.json", strings.Replace(string(good), `"as_of": "2026-11-22"`, `"as_of": 20261122`, 1), `wrongtype.json:`},
		{"dupname.json", dupName, `manifest name "kakao-remediated" is listed twice`},
		{"orphan.json", orphan, `result for manifest "someone-else", which the report does not list`},
		{"empty.json", "", "file is empty"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := write(tc.name, tc.content)
			_, err := Load(p, manifest.Options{})
			var pe *ProblemsError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want a *ProblemsError", err)
			}
			msg := strings.ReplaceAll(err.Error(), dir+string(filepath.Separator), "")
			if !strings.Contains(msg, tc.want) {
				t.Errorf("error:\n%s\nwant it to contain %q", msg, tc.want)
			}
			for _, line := range strings.Split(msg, "\n")[1:] {
				if tc.name != "empty.json" && !strings.HasPrefix(line, tc.name+":") {
					t.Errorf("problem without its file: %q", line)
				}
			}
		})
	}
	if _, err := Load(dir, manifest.Options{}); err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("a directory: err = %v", err)
	}
}
