package check

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
)

// The pipeline reads, validates and judges a window of files at a time and drops each
// window's documents; the report must not depend on where the windows fall: same bytes with
// a window of 3 files as with one window for everything, including a name reused across
// windows, a file that does not parse and a file with two documents.
func TestWindowsChangeNothing(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile(minimal)
	if err != nil {
		t.Fatal(err)
	}
	named := func(name string) string {
		return strings.Replace(string(good), "name: example-minimal", "name: "+name, 1)
	}
	for i := 0; i < 11; i++ {
		writeFile(t, dir, fmt.Sprintf("m%02d.yaml", i), named(fmt.Sprintf("provider-%02d", i)))
	}
	writeFile(t, dir, "m04b.yaml", named("provider-01")) // the name of a file two windows back
	writeFile(t, dir, "m07b.yaml", "apiVersion: [unclosed\n")
	writeFile(t, dir, "m09b.yaml", named("stream-a")+"---\n"+named("stream-b"))

	render := func(size int) []byte {
		defer func(prev int) { window = prev }(window)
		window = size
		return renderJSON(t, run(t, Options{Paths: []string{dir}}))
	}
	whole, windowed := render(1000), render(3)
	if !bytes.Equal(whole, windowed) {
		t.Fatalf("windows of 3 files changed the report:\n%s\n---\n%s", whole, windowed)
	}
	for _, want := range []string{`provider-01\" is already used by the manifest at `, "m01.yaml:6:", "stream-b", "m07b.yaml"} {
		if !bytes.Contains(whole, []byte(want)) {
			t.Errorf("report lacks %q", want)
		}
	}
}
