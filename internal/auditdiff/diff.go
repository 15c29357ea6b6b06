// Package auditdiff compares two audit reports of the same estate, an earlier and a later
// one, and says what changed: findings that are new, fixed, still failing, newly waived or
// whose waiver lapsed, verdicts that moved between pass, not applicable and error, and
// controls the policy bundle added, removed or re-graded. Comparing is pure (two
// *audit.Report in, a Diff out); reading reports from files and rendering a Diff live in
// their own files of this package.
//
// A finding's identity is its manifest, its control, its JSON pointer and its key — the
// identity SARIF fingerprints use — never its line or its message, which move and are
// reworded without the finding changing.
package auditdiff

import (
	"fmt"
	"sort"
	"strings"

	"github.com/resilcheck/resilcheck/internal/audit"
)

// Kind is what happened to one control on one manifest between the two audits.
type Kind string

// The kinds of change, in the order reports list them: regressions first.
const (
	// KindNew is a failing finding the earlier audit did not have.
	KindNew Kind = "new"
	// KindWaiverExpired is a finding that was waived and now fails.
	KindWaiverExpired Kind = "waiver_expired"
	// KindStatusChanged is a verdict that moved without failing findings to compare:
	// between pass, not applicable and error, or out of or into error.
	KindStatusChanged Kind = "status_changed"
	// KindControlAdded is the verdict of a control only the later bundle has, listed when
	// it is not a pass or not applicable.
	KindControlAdded Kind = "control_added"
	// KindControlRemoved is the verdict of a control only the earlier bundle had, listed
	// when it was not a pass or not applicable: its findings are gone, not fixed.
	KindControlRemoved Kind = "control_removed"
	// KindNewlyWaived is a finding that now has a waiver.
	KindNewlyWaived Kind = "newly_waived"
	// KindFixed is a finding of the earlier audit (failing or waived) that is gone.
	KindFixed Kind = "fixed"
	// KindStillFailing is a finding both audits fail.
	KindStillFailing Kind = "still_failing"
)

// Kinds lists every kind in report order.
var Kinds = []Kind{KindNew, KindWaiverExpired, KindStatusChanged, KindControlAdded,
	KindControlRemoved, KindNewlyWaived, KindFixed, KindStillFailing}

func (k Kind) rank() int {
	for i, x := range Kinds {
		if x == k {
			return i
		}
	}
	return len(Kinds)
}

// How a manifest of one audit was matched with one of the other.
const (
	PairedByFlag     = "pair"     // named by the user (--pair OLD=NEW)
	PairedByName     = "name"     // same metadata.name
	PairedByProvider = "provider" // the only unpaired manifest of that provider on each side
)

// Diff is everything that changed between two audits.
type Diff struct {
	Old Side `json:"old"`
	New Side `json:"new"`
	// BundleChanged is true when the policy bundle digests differ.
	BundleChanged bool            `json:"bundle_changed"`
	Controls      []ControlChange `json:"controls"`
	Manifests     []ManifestDiff  `json:"manifests"`
	Counts        Counts          `json:"counts"`
	// Regressed is true when anything got worse: a new finding, a lapsed waiver, a control
	// newly failing or in error, a new manifest that fails. It decides the exit status.
	Regressed bool `json:"regressed"`
}

// Side identifies one of the two audits.
type Side struct {
	// Report is how the caller named the report (its path); empty when not given.
	Report    string        `json:"report,omitempty"`
	AsOf      string        `json:"as_of"`
	Tool      audit.Tool    `json:"tool"`
	Bundle    audit.Bundle  `json:"bundle"`
	Manifests int           `json:"manifests"`
	Summary   audit.Summary `json:"summary"`
}

// ControlChange is a change to the control catalogue between the two bundles.
type ControlChange struct {
	Kind        string         `json:"kind"` // added, removed, severity_changed
	Control     string         `json:"control"`
	Title       audit.Text     `json:"title"`
	OldSeverity audit.Severity `json:"old_severity,omitempty"`
	NewSeverity audit.Severity `json:"new_severity,omitempty"`
}

// The kinds of ControlChange.
const (
	ControlAdded           = "added"
	ControlRemoved         = "removed"
	ControlSeverityChanged = "severity_changed"
)

// ManifestDiff is what changed for one manifest: a pair, or a manifest only one audit has.
type ManifestDiff struct {
	Old *ManifestRef `json:"old,omitempty"` // nil: the manifest is new
	New *ManifestRef `json:"new,omitempty"` // nil: the manifest is gone
	// PairedBy says how Old and New were matched; empty when one of them is nil.
	PairedBy   string  `json:"paired_by,omitempty"`
	Entries    []Entry `json:"entries"`
	Regression bool    `json:"regression"`
}

// ManifestRef is a manifest as one audit saw it.
type ManifestRef struct {
	Name     string        `json:"name"`
	File     string        `json:"file"`
	Document int           `json:"document"`
	Provider string        `json:"provider,omitempty"`
	Summary  audit.Summary `json:"summary"`
}

// Entry is one kind of change of one control on one manifest. One control can have several
// entries (a new finding and a fixed one in the same control); each finding is in one.
type Entry struct {
	Kind     Kind           `json:"kind"`
	Control  string         `json:"control"`
	Title    audit.Text     `json:"title"`
	Severity audit.Severity `json:"severity"`
	// From and To are the control's verdicts in the two audits; empty where the audit has
	// no verdict (the manifest or the control is absent from it).
	From       audit.Status `json:"from,omitempty"`
	To         audit.Status `json:"to,omitempty"`
	Reason     audit.Text   `json:"reason,omitempty"`
	Findings   []Finding    `json:"findings,omitempty"`
	Regression bool         `json:"regression"`
}

// Finding is one violation, as the audit it is reported from wrote it: the later one,
// except for fixed and removed findings, which only the earlier one has.
type Finding struct {
	Pointer string         `json:"pointer"`
	Key     string         `json:"key,omitempty"`
	Message audit.Text     `json:"message"`
	At      audit.Position `json:"at"`
}

// Counts tallies entries by kind, and manifests by what happened to them.
type Counts struct {
	New              int `json:"new"`
	WaiverExpired    int `json:"waiver_expired"`
	StatusChanged    int `json:"status_changed"`
	ControlAdded     int `json:"control_added"`
	ControlRemoved   int `json:"control_removed"`
	NewlyWaived      int `json:"newly_waived"`
	Fixed            int `json:"fixed"`
	StillFailing     int `json:"still_failing"`
	ManifestsAdded   int `json:"manifests_added"`
	ManifestsRemoved int `json:"manifests_removed"`
	// ManifestsUnchanged counts pairs with no entry at all.
	ManifestsUnchanged int `json:"manifests_unchanged"`
}

// Of is the number of entries of kind k.
func (c Counts) Of(k Kind) int {
	switch k {
	case KindNew:
		return c.New
	case KindWaiverExpired:
		return c.WaiverExpired
	case KindStatusChanged:
		return c.StatusChanged
	case KindControlAdded:
		return c.ControlAdded
	case KindControlRemoved:
		return c.ControlRemoved
	case KindNewlyWaived:
		return c.NewlyWaived
	case KindFixed:
		return c.Fixed
	case KindStillFailing:
		return c.StillFailing
	}
	return 0
}

func (c *Counts) add(k Kind) {
	switch k {
	case KindNew:
		c.New++
	case KindWaiverExpired:
		c.WaiverExpired++
	case KindStatusChanged:
		c.StatusChanged++
	case KindControlAdded:
		c.ControlAdded++
	case KindControlRemoved:
		c.ControlRemoved++
	case KindNewlyWaived:
		c.NewlyWaived++
	case KindFixed:
		c.Fixed++
	case KindStillFailing:
		c.StillFailing++
	}
}

// Options tune a comparison.
type Options struct {
	// Pairs matches manifests by name, earlier audit's name to later audit's name, before
	// any automatic pairing: for a manifest that was renamed.
	Pairs map[string]string
	// OldReport and NewReport name the two reports in the Diff (Side.Report).
	OldReport, NewReport string
}

// Compare says what changed from old to new. It fails only when Options.Pairs names a
// manifest a report does not have, or names one twice.
func Compare(old, new *audit.Report, opts Options) (*Diff, error) {
	d := &Diff{
		Old:           side(old, opts.OldReport),
		New:           side(new, opts.NewReport),
		BundleChanged: old.Bundle.Digest != new.Bundle.Digest,
		Controls:      []ControlChange{},
		Manifests:     []ManifestDiff{},
	}
	oldCat, newCat := controlsByID(old), controlsByID(new)
	d.Controls = catalogueChanges(oldCat, newCat)

	pairs, err := pairManifests(old.Manifests, new.Manifests, opts.Pairs)
	if err != nil {
		return nil, err
	}
	oldRes, newRes := resultsByManifest(old), resultsByManifest(new)
	for _, p := range pairs {
		md := ManifestDiff{PairedBy: p.by, Entries: []Entry{}}
		var before, after map[string]audit.Result
		if p.old != nil {
			md.Old = ref(p.old, oldRes[p.old.Name])
			before = oldRes[p.old.Name]
		}
		if p.new != nil {
			md.New = ref(p.new, newRes[p.new.Name])
			after = newRes[p.new.Name]
		}
		switch {
		case p.old == nil:
			d.Counts.ManifestsAdded++
			// A manifest the earlier audit did not have: its failures and errors are new,
			// its passes are not news.
			md.Entries = compareManifest(nil, after, oldCat, newCat)
		case p.new == nil:
			d.Counts.ManifestsRemoved++
		default:
			md.Entries = compareManifest(before, after, oldCat, newCat)
			if len(md.Entries) == 0 {
				d.Counts.ManifestsUnchanged++
			}
		}
		for _, e := range md.Entries {
			d.Counts.add(e.Kind)
			md.Regression = md.Regression || e.Regression
		}
		d.Regressed = d.Regressed || md.Regression
		d.Manifests = append(d.Manifests, md)
	}
	return d, nil
}

func side(r *audit.Report, label string) Side {
	return Side{Report: label, AsOf: r.AsOf, Tool: r.Tool, Bundle: r.Bundle, Manifests: len(r.Manifests), Summary: r.Summary}
}

func ref(m *audit.Manifest, results map[string]audit.Result) *ManifestRef {
	r := &ManifestRef{Name: m.Name, File: m.File, Document: m.Document, Provider: m.Provider}
	for _, res := range results {
		r.Summary.Add(res.Status)
	}
	return r
}

func controlsByID(r *audit.Report) map[string]audit.Control {
	out := make(map[string]audit.Control, len(r.Controls))
	for _, c := range r.Controls {
		out[c.ID] = c
	}
	return out
}

func catalogueChanges(oldCat, newCat map[string]audit.Control) []ControlChange {
	out := []ControlChange{}
	for id, o := range oldCat {
		n, ok := newCat[id]
		switch {
		case !ok:
			out = append(out, ControlChange{Kind: ControlRemoved, Control: id, Title: o.Title, OldSeverity: o.Severity})
		case o.Severity != n.Severity:
			out = append(out, ControlChange{Kind: ControlSeverityChanged, Control: id, Title: n.Title, OldSeverity: o.Severity, NewSeverity: n.Severity})
		}
	}
	for id, n := range newCat {
		if _, ok := oldCat[id]; !ok {
			out = append(out, ControlChange{Kind: ControlAdded, Control: id, Title: n.Title, NewSeverity: n.Severity})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Kind != out[j].Kind {
			return out[i].Kind < out[j].Kind
		}
		return out[i].Control < out[j].Control
	})
	return out
}

func resultsByManifest(r *audit.Report) map[string]map[string]audit.Result {
	out := map[string]map[string]audit.Result{}
	for _, res := range r.Results {
		m := out[res.Manifest]
		if m == nil {
			m = map[string]audit.Result{}
			out[res.Manifest] = m
		}
		m[res.Control] = res
	}
	return out
}

type pair struct {
	old, new *audit.Manifest
	by       string
}

// pairManifests matches the manifests of the two audits: first the pairs the user named,
// then equal names, then, per provider, the one manifest left on each side. The rest were
// added or removed.
func pairManifests(olds, news []audit.Manifest, named map[string]string) ([]pair, error) {
	oldBy, newBy := map[string]*audit.Manifest{}, map[string]*audit.Manifest{}
	for i := range olds {
		oldBy[olds[i].Name] = &olds[i]
	}
	for i := range news {
		newBy[news[i].Name] = &news[i]
	}
	usedOld, usedNew := map[string]bool{}, map[string]bool{}
	var out []pair
	oldNames := make([]string, 0, len(named))
	for o := range named {
		oldNames = append(oldNames, o)
	}
	sort.Strings(oldNames)
	for _, o := range oldNames {
		n := named[o]
		om, nm := oldBy[o], newBy[n]
		switch {
		case om == nil:
			return nil, fmt.Errorf("pair %s=%s: the earlier report has no manifest named %q", o, n, o)
		case nm == nil:
			return nil, fmt.Errorf("pair %s=%s: the later report has no manifest named %q", o, n, n)
		case usedNew[n]:
			return nil, fmt.Errorf("pair %s=%s: %q is already paired", o, n, n)
		}
		usedOld[o], usedNew[n] = true, true
		out = append(out, pair{old: om, new: nm, by: PairedByFlag})
	}
	for i := range olds {
		o := &olds[i]
		if usedOld[o.Name] {
			continue
		}
		if n := newBy[o.Name]; n != nil && !usedNew[n.Name] {
			usedOld[o.Name], usedNew[n.Name] = true, true
			out = append(out, pair{old: o, new: n, by: PairedByName})
		}
	}
	leftOld, leftNew := map[string][]*audit.Manifest{}, map[string][]*audit.Manifest{}
	for i := range olds {
		if o := &olds[i]; !usedOld[o.Name] && o.Provider != "" {
			leftOld[o.Provider] = append(leftOld[o.Provider], o)
		}
	}
	for i := range news {
		if n := &news[i]; !usedNew[n.Name] && n.Provider != "" {
			leftNew[n.Provider] = append(leftNew[n.Provider], n)
		}
	}
	for prov, os := range leftOld {
		if ns := leftNew[prov]; len(os) == 1 && len(ns) == 1 {
			usedOld[os[0].Name], usedNew[ns[0].Name] = true, true
			out = append(out, pair{old: os[0], new: ns[0], by: PairedByProvider})
		}
	}
	for i := range olds {
		if o := &olds[i]; !usedOld[o.Name] {
			out = append(out, pair{old: o})
		}
	}
	for i := range news {
		if n := &news[i]; !usedNew[n.Name] {
			out = append(out, pair{new: n})
		}
	}
	sort.Slice(out, func(i, j int) bool { return pairKey(out[i]) < pairKey(out[j]) })
	return out, nil
}

// pairKey orders manifests by the later audit's name (the one a reader acts on), then the
// earlier one's; \x00 keeps "a" before "a-b" whatever follows.
func pairKey(p pair) string {
	var o, n string
	if p.old != nil {
		o = p.old.Name
	}
	if p.new != nil {
		n = p.new.Name
	} else {
		n = o
	}
	return n + "\x00" + o
}

// compareManifest lists the changes of every control between two sets of verdicts of one
// manifest; before is nil for a manifest only the later audit has.
func compareManifest(before, after map[string]audit.Result, oldCat, newCat map[string]audit.Control) []Entry {
	ids := map[string]bool{}
	for id := range before {
		ids[id] = true
	}
	for id := range after {
		ids[id] = true
	}
	var out []Entry
	for id := range ids {
		b, inOld := before[id]
		a, inNew := after[id]
		_, catOld := oldCat[id]
		_, catNew := newCat[id]
		meta := newCat[id]
		if !catNew {
			meta = oldCat[id]
		}
		e := Entry{Control: id, Title: meta.Title, Severity: meta.Severity}
		if inOld {
			e.From = b.Status
		}
		if inNew {
			e.To = a.Status
		}
		switch {
		case inNew && !catOld && before != nil:
			// A control the later bundle brought: nothing to compare it with.
			if isNews(a.Status) {
				e.Kind, e.Reason, e.Findings = KindControlAdded, reason(a), findings(a.Violations)
				e.Regression = a.Status == audit.StatusFail || a.Status == audit.StatusError
				out = append(out, e)
			}
		case inOld && !catNew:
			if isNews(b.Status) {
				e.Kind, e.Reason, e.Findings = KindControlRemoved, reason(b), findings(b.Violations)
				out = append(out, e)
			}
		case b.Status == audit.StatusError || a.Status == audit.StatusError || !(judged(b.Status) || judged(a.Status)):
			// An error hides the findings, and pass or not applicable have none: only the
			// verdict can be compared.
			if e.From == e.To || (!inOld && !isNews(a.Status)) {
				continue
			}
			e.Kind, e.Reason = KindStatusChanged, reason(a)
			if !inNew {
				e.Reason = reason(b)
			}
			if a.Status == audit.StatusFail || a.Status == audit.StatusWaived {
				e.Findings = findings(a.Violations)
			}
			e.Regression = a.Status == audit.StatusError || a.Status == audit.StatusFail
			out = append(out, e)
		default:
			out = append(out, compareFindings(e, b, a)...)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Kind != out[j].Kind {
			return out[i].Kind.rank() < out[j].Kind.rank()
		}
		return out[i].Control < out[j].Control
	})
	return out
}

// isNews is true for a verdict worth listing on its own: pass and not applicable are not.
func isNews(s audit.Status) bool {
	return s == audit.StatusFail || s == audit.StatusWaived || s == audit.StatusError
}

// judged is true for a verdict that carries findings.
func judged(s audit.Status) bool { return s == audit.StatusFail || s == audit.StatusWaived }

func reason(r audit.Result) audit.Text { return audit.Text{En: r.Reason, Ko: r.ReasonKo} }

// compareFindings matches the findings of a control judged by both audits (at least one of
// them failing or waived) by identity, and sorts each into its kind.
func compareFindings(base Entry, b, a audit.Result) []Entry {
	was := identities(b)
	now := identities(a)
	waived := func(r audit.Result) bool { return r.Status == audit.StatusWaived }
	byKind := map[Kind][]Finding{}
	for id, olds := range was {
		news := now[id]
		k := min(len(olds), len(news))
		for _, v := range news[:k] {
			switch {
			case waived(b) && waived(a):
				// Still accepted: not news.
			case waived(b):
				byKind[KindWaiverExpired] = append(byKind[KindWaiverExpired], finding(v))
			case waived(a):
				byKind[KindNewlyWaived] = append(byKind[KindNewlyWaived], finding(v))
			default:
				byKind[KindStillFailing] = append(byKind[KindStillFailing], finding(v))
			}
		}
		for _, v := range olds[k:] {
			byKind[KindFixed] = append(byKind[KindFixed], finding(v))
		}
	}
	for id, news := range now {
		k := min(len(was[id]), len(news))
		for _, v := range news[k:] {
			if waived(a) {
				byKind[KindNewlyWaived] = append(byKind[KindNewlyWaived], finding(v))
			} else {
				byKind[KindNew] = append(byKind[KindNew], finding(v))
			}
		}
	}
	var out []Entry
	for _, k := range Kinds {
		fs := byKind[k]
		if len(fs) == 0 {
			continue
		}
		sort.Slice(fs, func(i, j int) bool { return findingLess(fs[i], fs[j]) })
		e := base
		e.Kind, e.Findings = k, fs
		e.Regression = k == KindNew || k == KindWaiverExpired
		if k == KindFixed && !judged(a.Status) {
			e.Reason = reason(a) // why it no longer applies, when that is the fix
		}
		out = append(out, e)
	}
	return out
}

// identities groups a judged result's findings (audit.Result.Findings) by identity; a
// failed verdict that lists no violation is one finding, so it can still be fixed.
func identities(r audit.Result) map[string][]audit.Violation {
	out := map[string][]audit.Violation{}
	for _, v := range r.Findings() {
		id := v.FindingID()
		out[id] = append(out[id], v)
	}
	for _, l := range out {
		sort.SliceStable(l, func(i, j int) bool { return l[i].Message < l[j].Message })
	}
	return out
}

func finding(v audit.Violation) Finding {
	return Finding{Pointer: v.Pointer, Key: v.Key, Message: audit.Text{En: v.Message, Ko: v.MessageKo}, At: v.Position}
}

func findings(vs []audit.Violation) []Finding {
	out := make([]Finding, 0, len(vs))
	for _, v := range vs {
		out = append(out, finding(v))
	}
	sort.Slice(out, func(i, j int) bool { return findingLess(out[i], out[j]) })
	return out
}

func findingLess(a, b Finding) bool {
	if c := strings.Compare(a.Pointer, b.Pointer); c != 0 {
		return c < 0
	}
	if a.Key != b.Key {
		return a.Key < b.Key
	}
	return a.Message.En < b.Message.En
}
