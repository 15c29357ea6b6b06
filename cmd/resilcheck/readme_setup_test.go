package main

import (
	"os"
	"strings"
	"testing"
)

// TestReadmeSetupIsWhatCIRuns: the README's set-up block is two commands, one that runs the
// main job on the bundled examples and one that runs the tests, and .ci/run runs both as
// written, so neither can drift from what CI proves on every landing.
func TestReadmeSetupIsWhatCIRuns(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	ci, err := os.ReadFile("../../.ci/run")
	if err != nil {
		t.Fatal(err)
	}
	_, setup, ok := strings.Cut(string(readme), "\n## Set up\n")
	if !ok {
		t.Fatal("README has no \"## Set up\" section")
	}
	_, block, ok := strings.Cut(setup, "```sh\n")
	if !ok {
		t.Fatal("the set-up section has no sh block")
	}
	block, _, _ = strings.Cut(block, "```")
	var commands []string
	for _, line := range strings.Split(strings.TrimSpace(block), "\n") {
		cmd, _, _ := strings.Cut(line, "#")
		commands = append(commands, strings.TrimSpace(cmd))
	}
	if len(commands) != 2 || !strings.HasPrefix(commands[0], "go run ./cmd/resilcheck check ") || commands[1] != "go test ./..." {
		t.Fatalf("set-up block is %q, want the check on the bundled examples, then go test ./...", commands)
	}
	for _, cmd := range commands {
		found := false
		for _, line := range strings.Split(string(ci), "\n") {
			line = strings.TrimSpace(line)
			if line == cmd || strings.HasPrefix(line, cmd+" ") {
				found = true
			}
		}
		if !found {
			t.Errorf(".ci/run never runs the README's %q", cmd)
		}
	}
}
