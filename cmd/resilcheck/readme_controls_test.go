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
it. ` + "`kind`" + ` is ` + "`law`" + ` (statute text), ` + "`guideline`" + ` (a reported ministry guideline or
another reported source, not in the statute texts: never presented as a breach of law, severity
medium at most) or ` + "`guidance`" + ` (resilience practice). "In force" is the first date the duty
binds anyone; who it binds from when, and the article cited on each date, are in
` + "`resilcheck rules -f json`" + ` (` + "`in_force`" + `) and ` + "`resilcheck explain ID`" + `. ` + "`resilcheck rules --lang ko`" + `
prints the catalogue in Korean. Regulatory numbers live in ` + "`policies/data/params.rego`" + `, each with the
date it took effect, so an incident is judged by the rule in force when it started. See "The
law in time and in scope" below for how dates and parties are decided, and "Coverage" for
every duty of the rulebook and the control that judges it.

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
