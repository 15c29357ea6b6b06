package reports

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The tests in this file hand rendered reports to the programs that consume them in real
// life: Microsoft's SARIF multitool, xmllint with the Jenkins xUnit JUnit schema, and a
// headless Chromium. Each skips when its tool is missing, unless RESILCHECK_REQUIRE_TOOLS
// is set (CI sets it), where a missing tool is a failure: a green CI run must mean the
// validators ran.

func needTool(t *testing.T, format string, args ...any) {
	t.Helper()
	if os.Getenv("RESILCHECK_REQUIRE_TOOLS") != "" {
		t.Fatalf(format+" (RESILCHECK_REQUIRE_TOOLS is set)", args...)
	}
	t.Skipf(format, args...)
}

// writeTemp renders format to a file under a fresh temporary directory.
func writeTemp(t *testing.T, dir, name, format string, opts Options) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, render(t, format, opts, fixtureReport()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func runTool(t *testing.T, timeout time.Duration, name string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err = cmd.Run()
	return o.String(), e.String(), err
}

// sarifMultitool finds the validator: RESILCHECK_SARIF_MULTITOOL names the command (CI
// points it at node_modules/.bin/sarif-multitool), else it is looked up on PATH.
func sarifMultitool(t *testing.T) []string {
	t.Helper()
	if cmd := strings.Fields(os.Getenv("RESILCHECK_SARIF_MULTITOOL")); len(cmd) > 0 {
		return cmd
	}
	if p, err := exec.LookPath("sarif-multitool"); err == nil {
		return []string{p}
	}
	needTool(t, "sarif-multitool not found: set RESILCHECK_SARIF_MULTITOOL to its path (npm install @microsoft/sarif-multitool)")
	return nil
}

var multitoolError = regexp.MustCompile(`(?m)^.*: error [A-Z]+[0-9]+: .*$`)
var multitoolWarning = regexp.MustCompile(`(?m)^.*: warning [A-Z]+[0-9]+: .*$`)

func TestSARIFMultitool(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the SARIF multitool")
	}
	tool := sarifMultitool(t)
	dir := t.TempDir()
	good := writeTemp(t, dir, "report.sarif", "sarif", Options{})
	// The multitool exits 0 even when a file is invalid, so the test reads its findings; a
	// broken log proves that reading actually catches errors.
	bad := filepath.Join(dir, "bad.sarif")
	if err := os.WriteFile(bad, []byte(`{"version":"2.1.0","runs":[{"tool":{"driver":{}},"results":[]}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	validate := func(paths ...string) string {
		args := append(append(tool[1:], "validate"), paths...)
		out, errOut, err := runTool(t, 3*time.Minute, tool[0], args...)
		if err != nil {
			t.Fatalf("%s validate: %v\n%s%s", tool[0], err, out, errOut)
		}
		return out + errOut
	}
	if out := validate(bad); !multitoolError.MatchString(out) {
		t.Fatalf("the multitool reported no error on an invalid log; its output format changed?\n%s", out)
	}
	// One invocation for all files: the multitool's start-up dominates its run time, and
	// each finding names its file.
	files := append([]string{good}, scenarioFiles(t, dir, "sarif", "sarif")...)
	out := validate(files...)
	if want := fmt.Sprintf("Done. %d files scanned.", len(files)); len(files) > 1 && !strings.Contains(out, want) {
		t.Errorf("the multitool did not report %q:\n%s", want, out)
	}
	if errs := multitoolError.FindAllString(out, -1); len(errs) > 0 {
		t.Errorf("sarif-multitool found %d errors:\n%s", len(errs), strings.Join(errs, "\n"))
	}
	for _, w := range multitoolWarning.FindAllString(out, -1) {
		t.Logf("multitool: %s", w)
	}
}

// scenarioFiles renders format for every bundled scenario into dir (none under -short,
// where the bundle is not evaluated).
func scenarioFiles(t *testing.T, dir, format, ext string) []string {
	t.Helper()
	if testing.Short() {
		return nil
	}
	var out []string
	for name, r := range scenarios(t) {
		path := filepath.Join(dir, "scenario-"+name+"."+ext)
		if err := os.WriteFile(path, render(t, format, Options{}, r), 0o644); err != nil {
			t.Fatal(err)
		}
		out = append(out, path)
	}
	slices.Sort(out)
	return out
}

func TestJUnitSchema(t *testing.T) {
	xsd := os.Getenv("RESILCHECK_JUNIT_XSD")
	if xsd == "" {
		needTool(t, "RESILCHECK_JUNIT_XSD is not set (path to the Jenkins xUnit junit-10.xsd)")
	}
	if _, err := exec.LookPath("xmllint"); err != nil {
		needTool(t, "xmllint not on PATH (Debian: libxml2-utils)")
	}
	dir := t.TempDir()
	good := writeTemp(t, dir, "report.xml", "junit", Options{})
	files := append([]string{good}, scenarioFiles(t, dir, "junit", "xml")...)
	out, errOut, err := runTool(t, time.Minute, "xmllint", append([]string{"--noout", "--schema", xsd}, files...)...)
	if err != nil {
		t.Fatalf("xmllint rejects a JUnit report: %v\n%s%s", err, out, errOut)
	}
	// The schema must be strict enough to notice a missing required attribute.
	bad := filepath.Join(dir, "bad.xml")
	if err := os.WriteFile(bad, []byte(`<testsuites><testsuite name="x"><testcase/></testsuite></testsuites>`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := runTool(t, time.Minute, "xmllint", "--noout", "--schema", xsd, bad); err == nil {
		t.Fatal("xmllint accepted an invalid JUnit file; is RESILCHECK_JUNIT_XSD the right schema?")
	}
}

// TestHTMLInChromium loads the HTML report in headless Chromium, once per language. With no
// scripts in the page there is no console to attach to over CDP; Chromium's own log on
// stderr (--enable-logging=stderr) carries console messages as "CONSOLE" lines and
// uncaught errors, so the test reads that, checks --dump-dom returns the whole document
// (the page parsed to its end), and takes an A4-sized screenshot that must be a real PNG.
func TestHTMLInChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a headless browser")
	}
	chromium := findChromium(t)
	for _, lang := range []string{"en", "ko"} {
		t.Run(lang, func(t *testing.T) {
			dir := t.TempDir()
			page := writeTemp(t, dir, "report."+lang+".html", "html", Options{Lang: lang})
			url := "file://" + filepath.ToSlash(page)
			base := chromiumFlags
			dom, errOut, err := runTool(t, 2*time.Minute, chromium,
				append(base, "--user-data-dir="+filepath.Join(dir, "profile-dom"), "--dump-dom", url)...)
			if err != nil {
				t.Fatalf("chromium --dump-dom: %v\n%s", err, errOut)
			}
			if bad := browserProblems(errOut); len(bad) > 0 {
				t.Errorf("chromium logged console output or load errors for the report:\n%s", strings.Join(bad, "\n"))
			}
			if !strings.Contains(dom, "</html>") || !strings.Contains(dom, "KR-BCDA-35-REDUNDANCY") || !strings.Contains(dom, `<figure class="lossgraph"><svg`) {
				t.Errorf("dumped DOM is incomplete (%d bytes)", len(dom))
			}
			shot := filepath.Join(dir, "report.png")
			_, errOut, err = runTool(t, 2*time.Minute, chromium,
				append(base, "--user-data-dir="+filepath.Join(dir, "profile-shot"), "--window-size=1240,1754", "--screenshot="+shot, url)...)
			if err != nil {
				t.Fatalf("chromium --screenshot: %v\n%s", err, errOut)
			}
			png, err := os.ReadFile(shot)
			if err != nil {
				t.Fatalf("no screenshot: %v", err)
			}
			if !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) {
				t.Fatalf("screenshot is not a PNG")
			}
			// A blank 1240×1754 page compresses to a few kilobytes; the report does not.
			if len(png) < 50_000 {
				t.Errorf("screenshot is only %d bytes; the page probably rendered blank", len(png))
			}
			if lang == "en" {
				// Printing proves the print CSS: A4 pages (595×842 pt) and a page break before
				// each manifest and the metadata, so at least one page more than manifests.
				pdf := filepath.Join(dir, "report.pdf")
				_, errOut, err = runTool(t, 2*time.Minute, chromium,
					append(base, "--user-data-dir="+filepath.Join(dir, "profile-pdf"), "--no-pdf-header-footer", "--print-to-pdf="+pdf, url)...)
				if err != nil {
					t.Fatalf("chromium --print-to-pdf: %v\n%s", err, errOut)
				}
				doc, err := os.ReadFile(pdf)
				if err != nil {
					t.Fatal(err)
				}
				boxes := regexp.MustCompile(`/MediaBox \[0 0 (\d+)[.\d]* (\d+)[.\d]*\]`).FindAllSubmatch(doc, -1)
				if min := len(fixtureReport().Manifests) + 1; len(boxes) < min {
					t.Errorf("printed %d pages, want at least %d (a page per manifest)", len(boxes), min)
				}
				for _, b := range boxes {
					if (string(b[1]) != "594" && string(b[1]) != "595") || (string(b[2]) != "841" && string(b[2]) != "842") {
						t.Errorf("page size %s×%s pt is not A4", b[1], b[2])
						break
					}
				}
				checkPrintedFooters(t, pdf, len(boxes), fixtureReport().AsOf)
			}
			if dst := os.Getenv("RESILCHECK_SCREENSHOT_DIR"); dst != "" {
				if err := os.WriteFile(filepath.Join(dst, "report."+lang+".png"), png, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// checkPrintedFooters reads the printed pages' text back (pdftotext, from Debian's
// poppler-utils) and wants on every page the audit's identity and "page / pages", so a
// page separated from the rest still says which audit it belongs to.
func checkPrintedFooters(t *testing.T, pdf string, pages int, asOf string) {
	t.Helper()
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		needTool(t, "pdftotext not on PATH (Debian package poppler-utils)")
		return
	}
	text, errOut, err := runTool(t, time.Minute, pdftotext, "-layout", pdf, "-")
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, errOut)
	}
	printed := strings.Split(strings.TrimRight(text, "\f"), "\f")
	if len(printed) != pages {
		t.Fatalf("pdftotext read %d pages, the PDF has %d", len(printed), pages)
	}
	for i, page := range printed {
		footer := regexp.MustCompile(`(?m)` + regexp.QuoteMeta(asOf) + ` · sha256:[0-9a-f]{12}….*\b` + strconv.Itoa(i+1) + `\s*/\s*` + strconv.Itoa(pages) + `\s*$`)
		if !footer.MatchString(page) {
			t.Errorf("page %d of %d has no footer with the audit date, bundle and page number:\n%s", i+1, pages, page)
			break
		}
	}
}

// findChromium returns the browser's path, or skips (fails under RESILCHECK_REQUIRE_TOOLS).
func findChromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	needTool(t, "chromium not on PATH")
	return ""
}

// chromiumFlags run the browser headless as root in a container, with nothing of its own
// reaching the network, and its log on stderr, where browserProblems reads it.
var chromiumFlags = []string{
	"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
	"--disable-background-networking", "--disable-component-update", "--disable-sync",
	"--enable-logging=stderr", "--v=0",
}

// browserProblems picks the lines of Chromium's stderr log that show the page misbehaving:
// console messages (the report has no scripts, so any is a problem), uncaught errors and
// failed loads (the report must need no other file or the network).
func browserProblems(log string) []string {
	var out []string
	for _, line := range strings.Split(log, "\n") {
		if strings.Contains(line, ":CONSOLE") || strings.Contains(line, "Uncaught") || strings.Contains(line, "net::ERR_") {
			out = append(out, line)
		}
	}
	return out
}

func TestBrowserProblems(t *testing.T) {
	tests := []struct {
		name string
		log  string
		want int
	}{
		{"clean", "[1:1:1122/043528.877137:WARNING:ui/base/idle/idle_linux.cc:111] None of the known D-Bus ScreenSaver services could be used.", 0},
		{"console and uncaught", `[31406:31406:1122/043530.054202:INFO:CONSOLE:1] "boom", source: file:///tmp/x.html (1)
[31406:31406:1122/043530.054280:INFO:CONSOLE:1] "Uncaught ReferenceError: f is not defined", source: file:///tmp/x.html (1)`, 2},
		{"failed load", "[1:1:1122/000000.0:ERROR:net/url_request.cc:1] net::ERR_FILE_NOT_FOUND file:///tmp/style.css", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := browserProblems(tt.log); len(got) != tt.want {
				t.Errorf("browserProblems found %d lines %q, want %d", len(got), got, tt.want)
			}
		})
	}
}
