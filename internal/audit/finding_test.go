package audit

import (
	"slices"
	"testing"
)

func TestFindings(t *testing.T) {
	listed := []Violation{{Pointer: "/a", Key: "2026"}, {Pointer: "/a"}}
	tests := []struct {
		name string
		res  Result
		want []string // FindingIDs
	}{
		{"violations", Result{Status: StatusFail, Violations: listed}, []string{"/a\x002026", "/a"}},
		{"waived", Result{Status: StatusWaived, Violations: listed[1:]}, []string{"/a"}},
		{"a failure that lists none is one finding at the root", Result{Status: StatusFail, Reason: "why"}, []string{""}},
		{"a pass has none", Result{Status: StatusPass}, nil},
		{"an error has none", Result{Status: StatusError, Reason: "timeout"}, nil},
		{"not applicable has none", Result{Status: StatusNotApplicable}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, v := range tt.res.Findings() {
				got = append(got, v.FindingID())
			}
			if !slices.Equal(got, tt.want) {
				t.Fatalf("findings %q, want %q", got, tt.want)
			}
		})
	}
	bare := Result{Status: StatusFail, Reason: "no plan", ReasonKo: "계획 없음", Baseline: true}.Findings()[0]
	if bare.Message != "no plan" || bare.MessageKo != "계획 없음" || !bare.Baseline {
		t.Fatalf("a bare failure's finding carries its reason and baseline mark: %+v", bare)
	}
}
