package engine

import (
	"encoding/json"
	"fmt"
	"unicode/utf8"

	"github.com/resilcheck/resilcheck/internal/audit"
)

// What one control may put in a report. A policy is code the auditor may not have written: a
// custom control that emits a 100 MB message or a million violations must not take the run
// down, and every format copies what it is given. The limits sit far above anything the
// built-in controls emit (their longest message is a few hundred bytes, their largest evidence
// under a kilobyte), so only a runaway policy meets them, and the report says where it did.
const (
	MaxMessageBytes  = 8 << 10  // one message, reason or Korean message
	MaxEvidenceBytes = 64 << 10 // one violation's evidence, as compact JSON
	MaxFindings      = 10000    // violations (and, separately, notes) of one control
	MaxFindingsBytes = 8 << 20  // all the violations (or notes) of one control
)

// truncateText cuts s to MaxMessageBytes on a character boundary and says how much went.
func truncateText(s string) string {
	if len(s) <= MaxMessageBytes {
		return s
	}
	cut := MaxMessageBytes
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return fmt.Sprintf("%s… [truncated: %d more bytes]", s[:cut], len(s)-cut)
}

// limitEvidence replaces evidence whose JSON is over MaxEvidenceBytes by a statement of its
// size; a part of a JSON value would be read as the whole of it. It also returns the size
// of the JSON of what it returns, so a finding's evidence is written out once, not twice.
func limitEvidence(ev map[string]any) (map[string]any, int) {
	if ev == nil {
		return nil, 0
	}
	if n, ok := jsonSize(ev); ok && n <= MaxEvidenceBytes {
		return ev, n
	}
	b, err := json.Marshal(ev)
	if err == nil && len(b) <= MaxEvidenceBytes {
		return ev, len(b)
	}
	var out map[string]any
	if err != nil {
		out = map[string]any{"truncated": "evidence cannot be written as JSON: " + err.Error()}
	} else {
		out = map[string]any{"truncated": fmt.Sprintf("evidence of %d bytes is over the %d-byte limit", len(b), MaxEvidenceBytes)}
	}
	b, _ = json.Marshal(out)
	return out, len(b)
}

// limitFinding applies the per-finding limits and returns the finding's size as counted
// against MaxFindingsBytes.
func limitFinding(f *audit.Violation) int {
	f.Message = truncateText(f.Message)
	f.MessageKo = truncateText(f.MessageKo)
	f.Pointer = truncateText(f.Pointer)
	var n int
	f.Evidence, n = limitEvidence(f.Evidence)
	return len(f.Message) + len(f.MessageKo) + len(f.Pointer) + n
}

// limitFindings keeps the findings (already in report order) that fit MaxFindings and
// MaxFindingsBytes; dropped is how many did not.
func limitFindings(fs []audit.Violation) (kept []audit.Violation, dropped int) {
	total := 0
	for i := range fs {
		total += limitFinding(&fs[i])
		if i >= MaxFindings || total > MaxFindingsBytes {
			return fs[:i], len(fs) - i
		}
	}
	return fs, 0
}

// droppedNote is the note that tells the reader a control said more than the report holds.
func droppedNote(what string, dropped, of int) audit.Violation {
	return audit.Violation{
		Message: fmt.Sprintf("%d of %d %s are not in this report: one control may report at most %d, %d bytes in all", dropped, of, what, MaxFindings, MaxFindingsBytes),
		MessageKo: fmt.Sprintf("%s %d건 중 %d건은 보고서에 싣지 않았습니다. 통제 항목 하나는 최대 %d건, 모두 %d바이트까지 보고할 수 있습니다", map[string]string{
			"violations": "위반", "notes": "참고 사항",
		}[what], of, dropped, MaxFindings, MaxFindingsBytes),
		Evidence: map[string]any{"dropped": dropped, "emitted": of, "max_findings": MaxFindings, "max_bytes": MaxFindingsBytes},
	}
}

// limitFindingsNoted limits a control's notes and violations, and adds a note for each of
// the two that lost findings, so every format says the list is not whole.
func limitFindingsNoted(notes, violations []audit.Violation) ([]audit.Violation, []audit.Violation) {
	keptNotes, droppedNotes := limitFindings(notes)
	keptViolations, droppedViolations := limitFindings(violations)
	if droppedViolations > 0 {
		keptNotes = append(keptNotes, droppedNote("violations", droppedViolations, len(violations)))
	}
	if droppedNotes > 0 {
		keptNotes = append(keptNotes, droppedNote("notes", droppedNotes, len(notes)))
	}
	return keptNotes, keptViolations
}
