// Package waiver applies accepted exceptions to a report: a failed control that an
// accountable person accepted, for a reason, until a date, is reported as waived instead of
// failed. Waivers always expire, and an expired or unused waiver is reported back so stale
// exceptions do not linger silently.
package waiver

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/resilcheck/resilcheck/internal/audit"
)

// Waiver is one accepted exception (schemas/waivers.v1.schema.json).
type Waiver struct {
	Control    string `json:"control"`
	Manifest   string `json:"manifest,omitempty"`
	Pointer    string `json:"pointer,omitempty"`
	Reason     string `json:"reason"`
	ApprovedBy string `json:"approvedBy"`
	Expires    string `json:"expires"`
	// At is where the waiver is written, for notes about it.
	At audit.Position `json:"-"`
}

// Set is the waivers of one file.
type Set struct {
	File    string
	Waivers []Waiver
}

// Note says something about a waiver the user should act on: it expired, or it matched
// nothing (a typo in the control id, or the failure it covered is fixed).
type Note struct {
	audit.Position
	Message string
}

func (n Note) String() string {
	return fmt.Sprintf("%s:%d:%d: %s", n.File, n.Line, n.Column, n.Message)
}

// Apply turns every failed result that an unexpired waiver covers into a waived one, and
// recounts the summary. asOf is the audit date (YYYY-MM-DD): a waiver applies through its
// expiry date inclusive. It returns notes for expired and unused waivers, in file order.
func (s *Set) Apply(r *audit.Report, asOf string) []Note {
	if s == nil {
		return nil
	}
	used := make([]bool, len(s.Waivers))
	expiredHit := make([]bool, len(s.Waivers))
	for i := range r.Results {
		res := &r.Results[i]
		if res.Status != audit.StatusFail {
			continue
		}
		for wi, w := range s.Waivers {
			if !w.covers(res) {
				continue
			}
			// Dates are YYYY-MM-DD, so string order is date order.
			if w.Expires < asOf {
				expiredHit[wi] = true
				res.Reason = joinReason(res.Reason, fmt.Sprintf("waiver expired on %s", w.Expires))
				continue
			}
			used[wi] = true
			res.Status = audit.StatusWaived
			res.Waiver = &audit.Waiver{
				Control:    w.Control,
				Manifest:   w.Manifest,
				Reason:     w.Reason,
				ApprovedBy: w.ApprovedBy,
				Expires:    w.Expires,
			}
			break
		}
	}
	r.Summary = audit.Summary{}
	for _, res := range r.Results {
		r.Summary.Add(res.Status)
	}

	var notes []Note
	for wi, w := range s.Waivers {
		switch {
		case expiredHit[wi]:
			notes = append(notes, Note{w.At, fmt.Sprintf("waiver for %s expired on %s: the failure it covered is reported again", w.Control, w.Expires)})
		case !used[wi] && w.Expires < asOf:
			notes = append(notes, Note{w.At, fmt.Sprintf("waiver for %s expired on %s and matches no failure: remove it", w.Control, w.Expires)})
		case !used[wi]:
			notes = append(notes, Note{w.At, fmt.Sprintf("waiver for %s matches no failed result: check the control id and manifest, or remove it", w.Control)})
		}
	}
	sort.SliceStable(notes, func(i, j int) bool { return notes[i].Line < notes[j].Line })
	return notes
}

// covers reports whether w applies to a failed result, ignoring expiry. Result.Manifest is
// the manifest's metadata.name, which is what Waiver.Manifest matches.
func (w Waiver) covers(res *audit.Result) bool {
	if w.Control != res.Control {
		return false
	}
	if w.Manifest != "" {
		ok, err := path.Match(w.Manifest, res.Manifest)
		if err != nil || !ok {
			return false
		}
	}
	if w.Pointer != "" {
		if len(res.Violations) == 0 {
			return false
		}
		for _, v := range res.Violations {
			if !underPointer(v.Pointer, w.Pointer) {
				return false
			}
		}
	}
	return true
}

// underPointer reports whether p is prefix or lies below it, segment-wise (so /services/1
// does not cover /services/10).
func underPointer(p, prefix string) bool {
	return p == prefix || strings.HasPrefix(p, strings.TrimSuffix(prefix, "/")+"/")
}

func joinReason(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}
