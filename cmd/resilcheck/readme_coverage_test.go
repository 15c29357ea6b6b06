package main

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"
)

// rulebook is REGULATIONS.md, kept beside the repository (as CI lays it out).
const rulebook = "../../../shared/REGULATIONS.md"

var (
	dutyID      = regexp.MustCompile(`\*\*([A-Z]{2}-[A-Z0-9-]+)\*\*`)
	scopeID     = regexp.MustCompile(`\| (SCOPE-[A-Z-]+) \|`)
	controlCell = regexp.MustCompile("`((?:KR|GUIDE)-[A-Z0-9-]+)`")
)

// TestReadmeCoverage keeps the README's coverage table complete in both directions: every
// duty and scope test of the rulebook has a row (judged by a control, or why not), every
// control named there exists, and every control of the bundle is named, so nothing is
// silently missing.
func TestReadmeCoverage(t *testing.T) {
	raw, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(raw)
	const begin, end = "<!-- section:coverage -->", "<!-- /section:coverage -->"
	i, j := strings.Index(readme, begin), strings.Index(readme, end)
	if i < 0 || j < i {
		t.Fatal("README.md has no coverage section markers")
	}
	section := readme[i:j]
	rows := map[string]string{}
	for _, line := range strings.Split(section, "\n") {
		if cells := strings.Split(line, "|"); len(cells) > 2 {
			rows[strings.TrimSpace(cells[1])] = line
		}
	}

	out, errOut, code := runCLI(t, "", "rules", "-f", "json")
	if code != 0 {
		t.Fatalf("rules -f json exited %d: %s", code, errOut)
	}
	var cat struct {
		Controls []struct {
			ID string `json:"id"`
		} `json:"controls"`
	}
	if err := json.Unmarshal([]byte(out), &cat); err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, c := range cat.Controls {
		known[c.ID] = true
	}
	named := map[string]bool{}
	for _, m := range controlCell.FindAllStringSubmatch(section, -1) {
		named[m[1]] = true
		if !known[m[1]] {
			t.Errorf("coverage names %s, which the bundle does not have", m[1])
		}
	}
	for id := range known {
		if !named[id] {
			t.Errorf("control %s is not in the README coverage table", id)
		}
	}

	book, err := os.ReadFile(rulebook)
	if err != nil {
		// A clone without the rulebook beside it cannot check the first direction; CI has it.
		if os.Getenv("RESILCHECK_REQUIRE_TOOLS") != "" {
			t.Fatalf("the rulebook is not beside the repository: %v", err)
		}
		t.Skipf("the rulebook is not beside the repository: %v", err)
	}
	ids := map[string]bool{}
	for _, m := range dutyID.FindAllStringSubmatch(string(book), -1) {
		ids[m[1]] = true
	}
	for _, m := range scopeID.FindAllStringSubmatch(string(book), -1) {
		ids[m[1]] = true
	}
	if len(ids) < 40 {
		t.Fatalf("read only %d duty and scope ids from %s: has its format changed?", len(ids), rulebook)
	}
	for id := range ids {
		if _, ok := rows[id]; !ok {
			t.Errorf("%s of the rulebook has no row in the README coverage table", id)
		}
	}
}
