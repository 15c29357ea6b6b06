package reports

import (
	"fmt"
	"strings"
	"testing"

	"github.com/resilcheck/resilcheck/internal/audit"
)

// TestLargeSiteLossIsCounted: a failure that takes more than lostListed services down lists
// that many with their chains, the broken ones first, and counts the rest, in the text,
// Markdown and HTML reports; the JSON report keeps every link.
func TestLargeSiteLossIsCounted(t *testing.T) {
	r := smallFixture()
	m := &r.Manifests[0]
	const extra = lostListed + 5
	f := &m.SiteLoss.Failures[0]
	f.Lost += extra
	f.Surviving = 0
	for i := range extra {
		m.SiteLoss.Dependents = append(m.SiteLoss.Dependents, audit.DependencyLink{Service: fmt.Sprintf("dep-%02d", i), Via: "kakaotalk"})
	}
	more := f.Lost - lostListed
	for _, format := range []string{"text", "markdown", "html"} {
		out := string(render(t, format, Options{Lang: "en"}, r))
		if !strings.Contains(out, fmt.Sprintf("… and %d more lost with them", more)) {
			t.Errorf("%s: no count of the %d services not listed", format, more)
		}
		// The services broken in place (their reasons) come before the first dependent.
		first := strings.Index(out, "dep-00")
		if first < 0 || strings.Contains(out, fmt.Sprintf("dep-%02d", extra-1)) {
			t.Errorf("%s: lists the wrong services", format)
			continue
		}
		start := strings.LastIndex(out[:first], tr("en", "label.unavailable"))
		if start < 0 {
			t.Errorf("%s: no list of unavailable services before the dependents", format)
			continue
		}
		listing := out[start:first]
		for _, reason := range []string{"no-surviving-deployment", "standby-unreachable"} {
			if !strings.Contains(listing, term("en", reason)) {
				t.Errorf("%s: the service broken in place by %s is not listed before the dependents", format, reason)
			}
		}
	}
	if out := string(render(t, "json", Options{}, r)); !strings.Contains(out, fmt.Sprintf(`"service": "dep-%02d"`, extra-1)) {
		t.Error("json: a dependency link is missing")
	}
}
