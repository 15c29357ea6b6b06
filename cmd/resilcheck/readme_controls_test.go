package main

import (
	"os"
	"strings"
	"testing"
)

// controlsIntro heads the README's control catalogue; the table under it is the output of
// `resilcheck rules -f markdown`, so the README lists exactly the controls the bundle has.
const controlsIntro = `## Controls

Every control is one Rego package under ` + "`policies/controls/`" + ` with its unit tests beside
it. ` + "`kind`" + ` says whether it enforces law or is resilience guidance (lower severity, never
presented as law); the legal basis is carried into every report format. ` + "`resilcheck rules\n--lang ko`" + ` prints the catalogue in Korean, ` + "`resilcheck explain ID`" + ` one control with the
parameters in force on a date. Regulatory numbers live in ` + "`policies/data/params.rego`" + `,
each with the date it took effect, so an incident is judged by the rule in force when it
started.

`

// TestReadmeControlCatalogue fails when the README's control table differs from what the
// bundle declares; `go test ./cmd/resilcheck -run ReadmeControl -update` rewrites it.
func TestReadmeControlCatalogue(t *testing.T) {
	out, errOut, code := runCLI(t, "", "rules", "-f", "markdown")
	if code != 0 {
		t.Fatalf("rules -f markdown exited %d: %s", code, errOut)
	}
	want := controlsIntro + out
	const path = "../../README.md"
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(raw)
	const begin, end = "<!-- section:controls -->\n", "<!-- /section:controls -->"
	i, j := strings.Index(readme, begin), strings.Index(readme, end)
	if i < 0 || j < i {
		t.Fatal("README.md has no controls section markers")
	}
	got := readme[i+len(begin) : j]
	if got == want {
		return
	}
	if *update {
		if err := os.WriteFile(path, []byte(readme[:i+len(begin)]+want+readme[j:]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README.md control catalogue is out of date; run: go test ./cmd/resilcheck -run ReadmeControl -update")
}
