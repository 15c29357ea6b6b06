package waiver

import (
	"fmt"
	"strings"
	"testing"

	"github.com/resilcheck/resilcheck/internal/audit"
)

func report() *audit.Report {
	return &audit.Report{
		AsOf: "2026-11-22",
		Results: []audit.Result{
			{Manifest: "skcc-pangyo", Control: "KR-NETACT-46-ZONE-ISOLATION", Status: audit.StatusFail,
				Violations: []audit.Violation{{Pointer: "/datacenters/0/zonePowerIsolation"}}},
			{Manifest: "skcc-pangyo", Control: "KR-NETACT-46-BATTERY-SEPARATION", Status: audit.StatusFail,
				Violations: []audit.Violation{{Pointer: "/datacenters/0/ups"}, {Pointer: "/datacenters/10/ups"}}},
			{Manifest: "naver", Control: "KR-NETACT-46-ZONE-ISOLATION", Status: audit.StatusPass},
		},
	}
}

func TestApply(t *testing.T) {
	tests := []struct {
		name       string
		waiver     Waiver
		wantStatus []audit.Status
		wantNote   string
	}{
		{
			name:       "matching unexpired waiver waives the failure",
			waiver:     Waiver{Control: "KR-NETACT-46-ZONE-ISOLATION", Manifest: "skcc-*", Reason: "relocation", ApprovedBy: "CISO", Expires: "2026-11-22"},
			wantStatus: []audit.Status{audit.StatusWaived, audit.StatusFail, audit.StatusPass},
		},
		{
			name:       "expired waiver leaves the failure and says so",
			waiver:     Waiver{Control: "KR-NETACT-46-ZONE-ISOLATION", Reason: "relocation", ApprovedBy: "CISO", Expires: "2026-11-21"},
			wantStatus: []audit.Status{audit.StatusFail, audit.StatusFail, audit.StatusPass},
			wantNote:   "expired on 2026-11-21: the failure it covered is reported again",
		},
		{
			name:       "other manifest is not covered",
			waiver:     Waiver{Control: "KR-NETACT-46-ZONE-ISOLATION", Manifest: "kakao", Reason: "x", ApprovedBy: "y", Expires: "2027-01-01"},
			wantStatus: []audit.Status{audit.StatusFail, audit.StatusFail, audit.StatusPass},
			wantNote:   "matches no failed result",
		},
		{
			name:       "pointer must cover every violation, segment-wise",
			waiver:     Waiver{Control: "KR-NETACT-46-BATTERY-SEPARATION", Pointer: "/datacenters/1", Reason: "x", ApprovedBy: "y", Expires: "2027-01-01"},
			wantStatus: []audit.Status{audit.StatusFail, audit.StatusFail, audit.StatusPass},
			wantNote:   "pointer /datacenters/1 covers none of the 2 violations",
		},
		{
			name:       "pointer covering every violation waives",
			waiver:     Waiver{Control: "KR-NETACT-46-BATTERY-SEPARATION", Pointer: "/datacenters", Reason: "x", ApprovedBy: "y", Expires: "2027-01-01"},
			wantStatus: []audit.Status{audit.StatusFail, audit.StatusWaived, audit.StatusPass},
		},
		{
			name:       "a passing control is never waived",
			waiver:     Waiver{Control: "KR-NETACT-46-ZONE-ISOLATION", Manifest: "naver", Reason: "x", ApprovedBy: "y", Expires: "2027-01-01"},
			wantStatus: []audit.Status{audit.StatusFail, audit.StatusFail, audit.StatusPass},
			wantNote:   "matches no failed result",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := report()
			set := &Set{File: "w.yaml", Waivers: []Waiver{tt.waiver}}
			notes := set.Apply(r, r.AsOf)
			for i, want := range tt.wantStatus {
				if got := r.Results[i].Status; got != want {
					t.Errorf("result %d: status %s, want %s", i, got, want)
				}
			}
			if tt.wantNote == "" && len(notes) != 0 {
				t.Errorf("unexpected notes: %v", notes)
			}
			if tt.wantNote != "" && (len(notes) != 1 || !strings.Contains(notes[0].Message, tt.wantNote)) {
				t.Errorf("notes = %v, want one containing %q", notes, tt.wantNote)
			}
			var want audit.Summary
			for _, res := range r.Results {
				want.Add(res.Status)
			}
			if r.Summary != want {
				t.Errorf("summary %+v not recounted, want %+v", r.Summary, want)
			}
		})
	}
}

func TestApplyRecordsJustification(t *testing.T) {
	r := report()
	set := &Set{Waivers: []Waiver{{Control: "KR-NETACT-46-ZONE-ISOLATION", Reason: "zone switchgear arrives 2027-02", ApprovedBy: "CISO", Expires: "2027-03-31"}}}
	set.Apply(r, r.AsOf)
	w := r.Results[0].Waiver
	if w == nil || w.Reason != "zone switchgear arrives 2027-02" || w.ApprovedBy != "CISO" || w.Expires != "2027-03-31" {
		t.Fatalf("waiver not recorded on the result: %+v", w)
	}
}

// TestApplyNotes: what Apply says about each waiver must be true of it. Each waiver sits
// on its own line of w.yaml, so a note can name the waiver it refers to.
func TestApplyNotes(t *testing.T) {
	const (
		zone    = "KR-NETACT-46-ZONE-ISOLATION"
		battery = "KR-NETACT-46-BATTERY-SEPARATION"
	)
	threeViolations := func() *audit.Report {
		r := report()
		r.Results[1].Violations = append(r.Results[1].Violations, audit.Violation{Pointer: "/datacenters/2/ups"})
		return r
	}
	tests := []struct {
		name    string
		report  func() *audit.Report
		waivers []Waiver
		// wantStatus is the status of results 0 and 1 afterwards.
		wantStatus [2]audit.Status
		// wantNotes are the notes, in order, as "line: text the message holds".
		wantNotes []string
		// notNotes are texts no note may hold.
		notNotes []string
	}{
		{
			name:       "a waiver past the horizon still applies, with a warning",
			waivers:    []Waiver{{Control: zone, Expires: "9999-12-31"}},
			wantStatus: [2]audit.Status{audit.StatusWaived, audit.StatusFail},
			wantNotes:  []string{"1: expires on 9999-12-31, more than 1 year after the audit date 2026-11-22"},
		},
		{
			name:       "one year to the day is within the horizon",
			waivers:    []Waiver{{Control: zone, Expires: "2027-11-22"}},
			wantStatus: [2]audit.Status{audit.StatusWaived, audit.StatusFail},
		},
		{
			name:       "one day past the horizon",
			waivers:    []Waiver{{Control: zone, Expires: "2027-11-23"}},
			wantStatus: [2]audit.Status{audit.StatusWaived, audit.StatusFail},
			wantNotes:  []string{"1: expires on 2027-11-23, more than 1 year after"},
		},
		{
			name:       "an unused waiver past the horizon gets both notes",
			waivers:    []Waiver{{Control: "KR-NOPE", Expires: "2099-01-01"}},
			wantStatus: [2]audit.Status{audit.StatusFail, audit.StatusFail},
			wantNotes:  []string{"1: matches no failed result", "1: more than 1 year after"},
		},
		{
			name: "a duplicate names the first waiver, which applies",
			waivers: []Waiver{
				{Control: zone, Manifest: "skcc-pangyo", Reason: "first", Expires: "2027-01-01"},
				{Control: zone, Manifest: "skcc-pangyo", Reason: "second", Expires: "2027-06-01"},
			},
			wantStatus: [2]audit.Status{audit.StatusWaived, audit.StatusFail},
			wantNotes:  []string{"2: duplicates the waiver at w.yaml:1"},
			notNotes:   []string{"matches no failed result"},
		},
		{
			name: "a duplicate of a waiver that matches nothing still says it is one",
			waivers: []Waiver{
				{Control: "KR-NOPE", Expires: "2027-01-01"},
				{Control: "KR-NOPE", Expires: "2027-01-01"},
			},
			wantStatus: [2]audit.Status{audit.StatusFail, audit.StatusFail},
			wantNotes:  []string{"1: matches no failed result", "2: duplicates the waiver at w.yaml:1"},
		},
		{
			name: "a waiver shadowed by a broader earlier one names it",
			waivers: []Waiver{
				{Control: zone, Manifest: "skcc-*", Expires: "2027-01-01"},
				{Control: zone, Manifest: "skcc-pangyo", Expires: "2027-01-01"},
			},
			wantStatus: [2]audit.Status{audit.StatusWaived, audit.StatusFail},
			wantNotes:  []string{"2: matches only failures already waived by the waiver at w.yaml:1"},
			notNotes:   []string{"matches no failed result"},
		},
		{
			name: "an expired waiver before a current one is not said to leave the failure reported",
			waivers: []Waiver{
				{Control: zone, Expires: "2026-11-21"},
				{Control: zone, Expires: "2027-01-01"},
			},
			wantStatus: [2]audit.Status{audit.StatusWaived, audit.StatusFail},
			wantNotes:  []string{"1: expired on 2026-11-21; the waiver at w.yaml:2 waives the same failure"},
			notNotes:   []string{"reported again", "matches no failure"},
		},
		{
			name: "an expired waiver after a current one is not said to match nothing",
			waivers: []Waiver{
				{Control: zone, Expires: "2027-01-01"},
				{Control: zone, Expires: "2026-11-21"},
			},
			wantStatus: [2]audit.Status{audit.StatusWaived, audit.StatusFail},
			wantNotes:  []string{"2: expired on 2026-11-21; the waiver at w.yaml:1 waives the same failure"},
			notNotes:   []string{"matches no failure"},
		},
		{
			name:       "a pointer covering 1 of 3 violations says so, and that the control stays failed",
			report:     threeViolations,
			waivers:    []Waiver{{Control: battery, Pointer: "/datacenters/0", Expires: "2027-01-01"}},
			wantStatus: [2]audit.Status{audit.StatusFail, audit.StatusFail},
			wantNotes:  []string{"1: covers 1 of 3 violations of " + battery + " in skcc-pangyo (pointer /datacenters/0); the control stays failed"},
			notNotes:   []string{"matches no failed result"},
		},
		{
			name:       "a pointer covering none of the violations blames the pointer",
			waivers:    []Waiver{{Control: battery, Pointer: "/datacenters/1", Expires: "2027-01-01"}},
			wantStatus: [2]audit.Status{audit.StatusFail, audit.StatusFail},
			wantNotes:  []string{"1: pointer /datacenters/1 covers none of the 2 violations of " + battery + " in skcc-pangyo"},
			notNotes:   []string{"matches no failed result"},
		},
		{
			name: "two pointers that together cover every violation still leave it failed, each saying so",
			waivers: []Waiver{
				{Control: battery, Pointer: "/datacenters/0", Expires: "2027-01-01"},
				{Control: battery, Pointer: "/datacenters/10", Expires: "2027-01-01"},
			},
			wantStatus: [2]audit.Status{audit.StatusFail, audit.StatusFail},
			wantNotes:  []string{"1: covers 1 of 2 violations", "2: covers 1 of 2 violations"},
		},
		{
			name: "partial in several manifests: the first is named, the rest counted",
			report: func() *audit.Report {
				r := report()
				other := r.Results[1]
				other.Manifest = "skcc-ilsan"
				r.Results = append(r.Results, other)
				return r
			},
			waivers:    []Waiver{{Control: battery, Manifest: "skcc-*", Pointer: "/datacenters/0", Expires: "2027-01-01"}},
			wantStatus: [2]audit.Status{audit.StatusFail, audit.StatusFail},
			wantNotes:  []string{"1: covers 1 of 2 violations of " + battery + " in skcc-pangyo (pointer /datacenters/0); the control stays failed (likewise in 1 more manifest)"},
		},
		{
			name: "a pointer that misses says so even when another waiver waives the control",
			waivers: []Waiver{
				{Control: battery, Expires: "2027-01-01"},
				{Control: battery, Pointer: "/datacenters/1", Expires: "2027-01-01"},
			},
			wantStatus: [2]audit.Status{audit.StatusFail, audit.StatusWaived},
			wantNotes:  []string{"2: pointer /datacenters/1 covers none of the 2 violations"},
		},
		{
			name: "a partial pointer waiver beside one that waives the control is shadowed, not partial",
			waivers: []Waiver{
				{Control: battery, Expires: "2027-01-01"},
				{Control: battery, Pointer: "/datacenters/0", Expires: "2027-01-01"},
			},
			wantStatus: [2]audit.Status{audit.StatusFail, audit.StatusWaived},
			wantNotes:  []string{"2: matches only failures already waived by the waiver at w.yaml:1"},
			notNotes:   []string{"stays failed"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := report()
			if tt.report != nil {
				r = tt.report()
			}
			set := &Set{File: "w.yaml", Waivers: tt.waivers}
			for i := range set.Waivers {
				set.Waivers[i].At = audit.Position{File: "w.yaml", Line: i + 1, Column: 5}
			}
			notes := set.Apply(r, r.AsOf)
			for i, want := range tt.wantStatus {
				if got := r.Results[i].Status; got != want {
					t.Errorf("result %d: status %s, want %s", i, got, want)
				}
			}
			if len(notes) != len(tt.wantNotes) {
				t.Fatalf("notes = %q, want %d: %q", notes, len(tt.wantNotes), tt.wantNotes)
			}
			for i, want := range tt.wantNotes {
				line, text, _ := strings.Cut(want, ": ")
				if got := notes[i]; got.File != "w.yaml" || fmt.Sprint(got.Line) != line || !strings.Contains(got.Message, text) {
					t.Errorf("note %d = %q, want at w.yaml:%s, holding %q", i, got, line, text)
				}
			}
			for _, n := range notes {
				for _, bad := range tt.notNotes {
					if strings.Contains(n.Message, bad) {
						t.Errorf("note %q says %q, which is not true here", n, bad)
					}
				}
			}
			if r.Results[0].Status == audit.StatusWaived && strings.Contains(r.Results[0].Reason, "expired") {
				t.Errorf("a waived result says %q", r.Results[0].Reason)
			}
		})
	}
}
