package waiver

import (
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
			waiver:     Waiver{Control: "KR-NETACT-46-ZONE-ISOLATION", Manifest: "kakao", Reason: "x", ApprovedBy: "y", Expires: "2030-01-01"},
			wantStatus: []audit.Status{audit.StatusFail, audit.StatusFail, audit.StatusPass},
			wantNote:   "matches no failed result",
		},
		{
			name:       "pointer must cover every violation, segment-wise",
			waiver:     Waiver{Control: "KR-NETACT-46-BATTERY-SEPARATION", Pointer: "/datacenters/1", Reason: "x", ApprovedBy: "y", Expires: "2030-01-01"},
			wantStatus: []audit.Status{audit.StatusFail, audit.StatusFail, audit.StatusPass},
			wantNote:   "matches no failed result",
		},
		{
			name:       "pointer covering every violation waives",
			waiver:     Waiver{Control: "KR-NETACT-46-BATTERY-SEPARATION", Pointer: "/datacenters", Reason: "x", ApprovedBy: "y", Expires: "2030-01-01"},
			wantStatus: []audit.Status{audit.StatusFail, audit.StatusWaived, audit.StatusPass},
		},
		{
			name:       "a passing control is never waived",
			waiver:     Waiver{Control: "KR-NETACT-46-ZONE-ISOLATION", Manifest: "naver", Reason: "x", ApprovedBy: "y", Expires: "2030-01-01"},
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
