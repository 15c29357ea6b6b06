package audit

import (
	"os/exec"
	"strings"
	"testing"
)

// TestLayering: the report model is the bottom layer and the renderers consume it without
// knowing the engine, so neither pulls in OPA or another internal package (README,
// Architecture). A renderer that needs an engine type moves the type here.
func TestLayering(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command to list the dependencies")
	}
	for pkg, allowed := range map[string][]string{
		".":             {"/internal/audit"},
		"../../reports": {"/internal/audit", "/reports"},
	} {
		out, err := exec.Command("go", "list", "-deps", pkg).Output()
		if err != nil {
			t.Fatalf("go list -deps %s: %v", pkg, err)
		}
		for _, dep := range strings.Fields(string(out)) {
			bad := strings.HasPrefix(dep, "github.com/open-policy-agent/")
			if rest, ok := strings.CutPrefix(dep, "github.com/resilcheck/resilcheck"); ok && rest != "" {
				bad = true
				for _, a := range allowed {
					if rest == a {
						bad = false
					}
				}
			}
			if bad {
				t.Errorf("%s depends on %s", pkg, dep)
			}
		}
	}
}
