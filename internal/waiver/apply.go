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
	"time"

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

// HorizonYears is how far past the audit date a waiver may expire before it draws a
// warning. A waiver is a temporary exception someone must look at again; one dated
// 9999-12-31 is a permanent exemption in disguise. It still applies: the warning asks for
// review, it does not second-guess the approver.
const HorizonYears = 1

// outcome is what happened to one waiver over a whole report.
type outcome struct {
	used bool
	// expiredHit: expired, and covered a failure no other waiver waived.
	expiredHit bool
	// waivedBy is the waiver that waived a failure this one also covers: an earlier one
	// when this one is current (the first current match applies), any one when this one
	// has expired. -1 for none.
	waivedBy int
	// partial is the first failed result of the waiver's control and manifest that its
	// pointer covers only in part (or not at all), and how many more there are.
	partial      *partial
	morePartials int
}

type partial struct {
	manifest       string
	covered, total int
}

// Apply turns every failed result that an unexpired waiver covers into a waived one, and
// recounts the summary. asOf is the audit date (YYYY-MM-DD): a waiver applies through its
// expiry date inclusive. When several current waivers cover a result, the first in the
// file applies. It returns notes, in file order, for waivers that expired, match nothing,
// are shadowed by an earlier one, cover only part of a result, or expire past the horizon.
//
// A result is the verdict of one control on one manifest, and a waiver applies to it
// whole or not at all: a pointer-limited waiver waives a result only when every violation
// lies below its pointer. Waiving some violations of a failed control would leave a
// verdict of "fail" whose listed violations include accepted ones, or a "waived" control
// with live violations; neither is true.
func (s *Set) Apply(r *audit.Report, asOf string) []Note {
	if s == nil {
		return nil
	}
	a := s.Applier(asOf)
	a.Apply(r.Results)
	r.Summary = audit.Summary{}
	for _, res := range r.Results {
		r.Summary.Add(res.Status)
	}
	return a.Notes()
}

// An Applier is Apply for a run whose results arrive a manifest at a time and are gone
// once reported: it keeps only what the notes need.
type Applier struct {
	s        *Set
	asOf     string
	out      []outcome
	covering []int
}

// Applier starts applying the set on the audit date asOf; nil for a nil set, whose
// Applier applies nothing.
func (s *Set) Applier(asOf string) *Applier {
	if s == nil {
		return nil
	}
	a := &Applier{s: s, asOf: asOf, out: make([]outcome, len(s.Waivers))}
	for wi := range a.out {
		a.out[wi].waivedBy = -1
	}
	return a
}

// Apply applies the set to results, in place.
func (a *Applier) Apply(results []audit.Result) {
	if a == nil {
		return
	}
	s, asOf, out := a.s, a.asOf, a.out
	covering := a.covering
	defer func() { a.covering = covering }()
	for i := range results {
		covering = covering[:0]
		res := &results[i]
		if res.Status != audit.StatusFail {
			continue
		}
		winner := -1
		for wi, w := range s.Waivers {
			if w.covers(res) {
				covering = append(covering, wi)
				// Dates are YYYY-MM-DD, so string order is date order.
				if winner < 0 && w.Expires >= asOf {
					winner = wi
				}
			}
		}
		for _, wi := range covering {
			switch {
			case wi == winner:
				out[wi].used = true
			case winner >= 0:
				if out[wi].waivedBy < 0 {
					out[wi].waivedBy = winner
				}
			default: // every waiver covering it has expired
				out[wi].expiredHit = true
				res.Reason = joinReason(res.Reason, fmt.Sprintf("waiver expired on %s", s.Waivers[wi].Expires))
			}
		}
		// Pointer waivers that match the control and manifest but not every violation.
		for wi, w := range s.Waivers {
			if w.Pointer == "" || w.Expires < asOf || !w.matches(res) || w.covers(res) {
				continue
			}
			o, covered := &out[wi], w.coveredBy(res)
			if winner >= 0 && covered > 0 {
				// Another waiver waives the control: "it stays failed" would be false.
				if o.waivedBy < 0 {
					o.waivedBy = winner
				}
				continue
			}
			if o.partial != nil {
				o.morePartials++
				continue
			}
			o.partial = &partial{manifest: res.Manifest, covered: covered, total: len(res.Violations)}
		}
		if winner >= 0 {
			w := s.Waivers[winner]
			res.Status = audit.StatusWaived
			res.Waiver = &audit.Waiver{
				Control:    w.Control,
				Manifest:   w.Manifest,
				Reason:     w.Reason,
				ApprovedBy: w.ApprovedBy,
				Expires:    w.Expires,
			}
		}
	}
}

// Notes are the notes Apply returns, for every result applied so far.
func (a *Applier) Notes() []Note {
	if a == nil {
		return nil
	}
	s, asOf, out := a.s, a.asOf, a.out
	horizon := ""
	if t, err := time.Parse(time.DateOnly, asOf); err == nil {
		horizon = t.AddDate(HorizonYears, 0, 0).Format(time.DateOnly)
	}
	var notes []Note
	for wi, w := range s.Waivers {
		if msg := s.note(wi, out[wi], asOf); msg != "" {
			notes = append(notes, Note{w.At, fmt.Sprintf("waiver for %s %s", w.Control, msg)})
		}
		if horizon != "" && w.Expires > horizon {
			notes = append(notes, Note{w.At, fmt.Sprintf("waiver for %s expires on %s, more than %s after the audit date %s (the review horizon): a waiver is a temporary exception; review it and set an earlier expiry", w.Control, w.Expires, years(HorizonYears), asOf)})
		}
	}
	sort.SliceStable(notes, func(i, j int) bool { return notes[i].Line < notes[j].Line })
	return notes
}

// note is what to tell the user about waiver wi after the report is judged, "" for
// nothing, written to follow "waiver for CONTROL".
func (s *Set) note(wi int, o outcome, asOf string) string {
	w := s.Waivers[wi]
	if o.used {
		return ""
	}
	if w.Expires < asOf {
		switch {
		case o.expiredHit:
			return fmt.Sprintf("expired on %s: the failure it covered is reported again", w.Expires)
		case o.waivedBy >= 0:
			return fmt.Sprintf("expired on %s; the waiver at %s waives the same failure: remove the expired one", w.Expires, s.at(o.waivedBy))
		}
		return fmt.Sprintf("expired on %s and matches no failure: remove it", w.Expires)
	}
	if d := s.duplicateOf(wi, asOf); d >= 0 {
		return fmt.Sprintf("duplicates the waiver at %s (same control, manifest and pointer; the first current waiver is the one that applies): remove one of them", s.at(d))
	}
	if o.waivedBy >= 0 {
		return fmt.Sprintf("matches only failures already waived by the waiver at %s (the first waiver that matches a failure applies): remove it or narrow the other", s.at(o.waivedBy))
	}
	if p := o.partial; p != nil {
		more := ""
		if o.morePartials > 0 {
			more = fmt.Sprintf(" (likewise in %d more manifest%s)", o.morePartials, plural(o.morePartials))
		}
		if p.covered == 0 {
			return fmt.Sprintf("does not apply: pointer %s covers none of the %d violation%s of %s in %s%s: check the pointer", w.Pointer, p.total, plural(p.total), w.Control, p.manifest, more)
		}
		return fmt.Sprintf("does not apply: it covers %d of %d violations of %s in %s (pointer %s); the control stays failed%s: a waiver applies only when it covers every violation, so widen the pointer or fix the others", p.covered, p.total, w.Control, p.manifest, w.Pointer, more)
	}
	return "matches no failed result: check the control id and manifest, or remove it"
}

// duplicateOf returns the first earlier current waiver with the same control, manifest
// and pointer as waiver wi, or -1. Such a waiver covers exactly the same results and
// comes first, so wi cannot apply while it is current, whatever their reasons or expiries.
func (s *Set) duplicateOf(wi int, asOf string) int {
	w := s.Waivers[wi]
	for i, e := range s.Waivers[:wi] {
		if e.Control == w.Control && e.Manifest == w.Manifest && e.Pointer == w.Pointer && e.Expires >= asOf {
			return i
		}
	}
	return -1
}

func (s *Set) at(wi int) string {
	p := s.Waivers[wi].At
	return fmt.Sprintf("%s:%d", p.File, p.Line)
}

func years(n int) string {
	return fmt.Sprintf("%d year%s", n, plural(n))
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// covers reports whether w applies to a failed result, ignoring expiry: it matches the
// result's control and manifest, and its pointer, if any, covers every violation.
func (w Waiver) covers(res *audit.Result) bool {
	if !w.matches(res) {
		return false
	}
	return w.Pointer == "" || (len(res.Violations) > 0 && w.coveredBy(res) == len(res.Violations))
}

// matches reports whether w names the result's control and manifest, whatever its
// pointer. Result.Manifest is the manifest's metadata.name, which Waiver.Manifest matches.
func (w Waiver) matches(res *audit.Result) bool {
	if w.Control != res.Control {
		return false
	}
	if w.Manifest != "" {
		ok, err := path.Match(w.Manifest, res.Manifest)
		if err != nil || !ok {
			return false
		}
	}
	return true
}

// coveredBy counts the result's violations at or below w's pointer.
func (w Waiver) coveredBy(res *audit.Result) int {
	n := 0
	for _, v := range res.Violations {
		if underPointer(v.Pointer, w.Pointer) {
			n++
		}
	}
	return n
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
