package check

import (
	"github.com/resilcheck/resilcheck/internal/audit"
)

// Baseline holds the findings of an earlier audit that a CI gate accepts, so that only new
// findings fail it (check --baseline). A finding is the same finding when its manifest
// (metadata.name), control, JSON pointer and key match: the identity SARIF fingerprints and
// `resilcheck diff` use, never a line or a message, so an edit above a finding or a reworded
// message does not make it new.
type Baseline struct {
	// File and SHA256 name the report the findings came from, for the new report's record.
	File, SHA256 string
	findings     map[string]bool
}

// NewBaseline takes the failed and waived findings of an earlier report.
func NewBaseline(r *audit.Report, file, sha256 string) *Baseline {
	b := &Baseline{File: file, SHA256: sha256, findings: map[string]bool{}}
	for _, res := range r.Results {
		for _, v := range res.Findings() {
			b.findings[baselineKey(res.Manifest, res.Control, v)] = true
		}
	}
	return b
}

// Len is how many findings the baseline holds.
func (b *Baseline) Len() int { return len(b.findings) }

func baselineKey(manifest, control string, v audit.Violation) string {
	return manifest + "\x00" + control + "\x00" + v.FindingID()
}

// mark flags the violations of a failed result that the baseline holds and reports how many
// findings it held and whether it held them all: such a result stays failed in every report,
// its findings marked, but does not fail the gate.
func (b *Baseline) mark(res *audit.Result) (held int, all bool) {
	if b == nil || res.Status != audit.StatusFail {
		return 0, false
	}
	vs := res.Findings()
	for i, v := range vs {
		if b.findings[baselineKey(res.Manifest, res.Control, v)] {
			held++
			if len(res.Violations) > 0 {
				res.Violations[i].Baseline = true
			}
		}
	}
	res.Baseline = held == len(vs)
	return held, res.Baseline
}
