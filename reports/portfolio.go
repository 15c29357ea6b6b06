package reports

import (
	"cmp"
	"slices"

	"github.com/resilcheck/resilcheck/internal/audit"
)

// sweepThreshold is how many manifests make a run a sweep. From this many on, the formats
// that aggregate (html, markdown) lead with a portfolio: the providers worst first and the
// controls failing most, which a reader of hundreds of manifests needs before any single
// one. Below it a report reads manifest by manifest, as it always has.
const sweepThreshold = 100

// portfolio is what a sweep's summary needs, kept compact while the manifests stream past:
// a tally per provider and, per control, how many manifests fail it. Its size grows with
// the providers and controls, never with the findings.
type portfolio struct {
	providers map[string]*providerTally
	failing   map[string]int // control id → manifests failing it
}

// providerTally is one provider's verdicts over every manifest that declares it.
type providerTally struct {
	Name      string
	Manifests int
	Summary   audit.Summary
	Problems  int
}

// controlTally is a control with the number of manifests that fail it.
type controlTally struct {
	Control audit.Control
	Failing int
}

// add counts one manifest. A manifest that names no provider (one that did not load) is a
// provider of its own, under its manifest name, so its errors are not pooled with others'.
func (p *portfolio) add(m manifestView) {
	if p.providers == nil {
		p.providers, p.failing = map[string]*providerTally{}, map[string]int{}
	}
	name := m.Provider
	if name == "" {
		name = m.Name
	}
	t := p.providers[name]
	if t == nil {
		t = &providerTally{Name: name}
		p.providers[name] = t
	}
	t.Manifests++
	t.Problems += len(m.Problems)
	t.Summary.Pass += m.Summary.Pass
	t.Summary.Fail += m.Summary.Fail
	t.Summary.Waived += m.Summary.Waived
	t.Summary.Error += m.Summary.Error
	t.Summary.NotApplicable += m.Summary.NotApplicable
	// A control judged twice on one manifest (a custom policy reusing an id) still counts
	// the manifest once.
	var seen []string
	for _, r := range m.Results {
		if r.Status == audit.StatusFail && !slices.Contains(seen, r.Control.ID) {
			seen = append(seen, r.Control.ID)
			p.failing[r.Control.ID]++
		}
	}
}

// worseFirst orders by failures, then errors, both most first, then by name: the order
// in which a sweep's reader should look at providers and manifests.
func worseFirst(failA, errA int, nameA string, failB, errB int, nameB string) int {
	return cmp.Or(cmp.Compare(failB, failA), cmp.Compare(errB, errA), cmp.Compare(nameA, nameB))
}

// worstProviders lists the providers worst first.
func (p *portfolio) worstProviders() []providerTally {
	out := make([]providerTally, 0, len(p.providers))
	for _, t := range p.providers {
		out = append(out, *t)
	}
	slices.SortFunc(out, func(a, b providerTally) int {
		return worseFirst(a.Summary.Fail, a.Summary.Error, a.Name, b.Summary.Fail, b.Summary.Error, b.Name)
	})
	return out
}

// failingMost lists the controls failed by at least one manifest, most failing manifests
// first, then by id.
func (p *portfolio) failingMost(v *view) []controlTally {
	out := make([]controlTally, 0, len(p.failing))
	for id, n := range p.failing {
		out = append(out, controlTally{Control: v.control(id), Failing: n})
	}
	slices.SortFunc(out, func(a, b controlTally) int {
		return cmp.Or(cmp.Compare(b.Failing, a.Failing), cmp.Compare(a.Control.ID, b.Control.ID))
	})
	return out
}

// manifestCount is the number of manifests over the providers in ts.
func manifestCount(ts []providerTally) int {
	n := 0
	for _, t := range ts {
		n += t.Manifests
	}
	return n
}
