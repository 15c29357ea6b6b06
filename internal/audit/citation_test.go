package audit

import "testing"

func TestCitationIn(t *testing.T) {
	both := Citation{Text: "BCDA Art. 38(1)", TextKo: "방송통신발전 기본법 제38조제1항"}
	enOnly := Citation{Text: "Internal Sec. 1"}
	tests := []struct {
		name string
		c    Citation
		lang string
		want string
	}{
		{"korean requested and present", both, "ko", "방송통신발전 기본법 제38조제1항"},
		{"english requested", both, "en", "BCDA Art. 38(1)"},
		{"unknown language is english", both, "ja", "BCDA Art. 38(1)"},
		{"empty language is english", both, "", "BCDA Art. 38(1)"},
		{"korean requested but missing falls back", enOnly, "ko", "Internal Sec. 1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.c.In(tc.lang); got != tc.want {
				t.Fatalf("In(%q) = %q, want %q", tc.lang, got, tc.want)
			}
		})
	}
}
