package suggest

import "testing"

func TestClosest(t *testing.T) {
	candidates := []string{"datacenters", "services", "incidents", "governance"}
	tests := []struct {
		name, in   string
		candidates []string
		max        int
		want       string
	}{
		{"one letter off", "datacentres", candidates, 2, "datacenters"},
		{"case only", "Services", candidates, 2, "services"},
		{"too far", "zzz", candidates, 2, ""},
		{"exactly at the limit", "incidentz", candidates, 1, "incidents"},
		{"over the limit", "inccidentz", candidates, 1, ""},
		{"no candidates", "x", nil, 5, ""},
		{"nothing within a generous limit", "x", []string{"abcdefgh"}, 5, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Closest(tt.in, tt.candidates, tt.max); got != tt.want {
				t.Errorf("Closest(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
			}
		})
	}
}

func TestClosestTiesAreOrderIndependent(t *testing.T) {
	a := Closest("cat", []string{"cut", "bat"}, 2)
	b := Closest("cat", []string{"bat", "cut"}, 2)
	if a != "bat" || b != "bat" {
		t.Errorf("ties: %q and %q, want the alphabetically first, bat", a, b)
	}
}

func TestDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{{"", "", 0}, {"abc", "", 3}, {"kitten", "sitting", 3}, {"데이터", "데이타", 1}} {
		if got := Distance(tc.a, tc.b); got != tc.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}
