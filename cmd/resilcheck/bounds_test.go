package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// layeredManifest is the minimal example with depth layers of width services, each needing
// every service of the layer below: width^depth dependency paths. OPA's graph.reachable
// queues a service once per path, which made this shape run for minutes under --timeout 2s.
func layeredManifest(t *testing.T, depth, width int) string {
	t.Helper()
	base, err := os.ReadFile(filepath.Join(repoRoot, "testdata/valid/minimal.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	head, _, ok := strings.Cut(string(base), "services:\n")
	if !ok {
		t.Fatal("minimal.yaml has no services")
	}
	var b strings.Builder
	b.WriteString(head)
	b.WriteString("services:\n")
	for l := 0; l < depth; l++ {
		for w := 0; w < width; w++ {
			fmt.Fprintf(&b, "  - id: s%d-%d\n    name: S%d-%d\n    critical: true\n", l, w, l, w)
			b.WriteString("    deployments:\n      - {datacenter: dc-north, mode: active}\n      - {datacenter: dc-south, mode: active}\n")
			if l > 0 {
				var below []string
				for x := 0; x < width; x++ {
					below = append(below, fmt.Sprintf("s%d-%d", l-1, x))
				}
				fmt.Fprintf(&b, "    dependsOn: [%s]\n", strings.Join(below, ", "))
			}
		}
	}
	path := filepath.Join(t.TempDir(), "layered.yaml")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// The case: 14 layers of 4 under --timeout 2s judges on every evaluator, with the same
// verdicts, and no control runs out of time.
func TestLayeredDependenciesJudgeOnEveryEvaluator(t *testing.T) {
	path := layeredManifest(t, 14, 4)
	volatile := regexp.MustCompile(`(?m)^.*("--evaluator"|"(topdown|irvm|auto)"|-o|\.json").*$\n`)
	var first string
	for _, ev := range []string{"topdown", "irvm", "auto"} {
		out := filepath.Join(t.TempDir(), "report.json")
		_, stderr, code := runCLI(t, "", "check", "--as-of", "2026-11-22", "--timeout", "2s", "--evaluator", ev, "-f", "json", "-o", out, path)
		if code != 1 {
			t.Fatalf("%s: exit %d, want 1 (failed controls); stderr:\n%s", ev, code, stderr)
		}
		raw, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		report := volatile.ReplaceAllString(string(raw), "")
		if strings.Contains(report, `"status": "error"`) {
			t.Fatalf("%s: a control errored:\n%s", ev, report)
		}
		if first == "" {
			first = report
		} else if report != first {
			t.Fatalf("%s judged differently from topdown", ev)
		}
	}
}
