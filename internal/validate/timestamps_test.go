package validate

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// Timestamps follow RFC 3339 (section 5.6 and its notes): lower-case t and z and a leap
// second are valid, an offset beyond 23:59 is not. What is accepted reaches the policies in
// a form OPA's time.parse_rfc3339_ns (Go's time.Parse) reads, or a control would silently
// not see the instant.
func TestTimestamps(t *testing.T) {
	const at = "m:18:37: /incidents/0/startedAt: "
	tests := []struct {
		name, in string
		want     []string // problems; none means valid
		canon    string   // the value handed on, when valid
	}{
		{name: "upper case", in: "2022-10-15T15:19:00+09:00", canon: "2022-10-15T15:19:00+09:00"},
		{name: "fraction", in: "2022-10-15T15:19:00.25Z", canon: "2022-10-15T15:19:00.25Z"},
		{name: "lower-case t and z", in: "2022-10-15t06:19:00z", canon: "2022-10-15T06:19:00Z"},
		{name: "lower-case t with an offset", in: "2022-10-15t15:19:00+09:00", canon: "2022-10-15T15:19:00+09:00"},
		{name: "unknown local offset", in: "2022-10-15T06:19:00-00:00", canon: "2022-10-15T06:19:00-00:00"},
		{name: "leap second in UTC", in: "2016-12-31T23:59:60Z", canon: "2016-12-31T23:59:59.999999999Z"},
		{name: "leap second with a fraction", in: "2016-12-31T23:59:60.5z", canon: "2016-12-31T23:59:59.999999999Z"},
		{name: "leap second in Korea", in: "2017-01-01T08:59:60+09:00", canon: "2017-01-01T08:59:59.999999999+09:00"},
		{name: "leap second at the end of June", in: "2015-06-30T23:59:60Z", canon: "2015-06-30T23:59:59.999999999Z"},
		{
			name: "second 60 where no leap second was inserted",
			in:   "2024-12-31T23:59:60Z",
			want: []string{at + `"2024-12-31T23:59:60Z" has second 60, which RFC 3339 allows only for a leap second, and none was inserted at 2024-12-31T23:59:60Z (the last was at the end of 2016-12-31, UTC)`},
		},
		{
			name: "second 60 at a minute that is not the last of the UTC day",
			in:   "2016-12-31T23:59:60+09:00",
			want: []string{at + `"2016-12-31T23:59:60+09:00" has second 60, which RFC 3339 allows only for a leap second, and none was inserted at 2016-12-31T14:59:60Z (the last was at the end of 2016-12-31, UTC)`},
		},
		{
			name: "offset of 24 hours",
			in:   "2022-10-15T15:19:00+24:00",
			want: []string{at + `"2022-10-15T15:19:00+24:00" has the UTC offset +24:00: RFC 3339 offsets run from -23:59 to +23:59`},
		},
		{
			name: "offset minute 60",
			in:   "2022-10-15T15:19:00+23:60",
			want: []string{at + `"2022-10-15T15:19:00+23:60" has the UTC offset +23:60: RFC 3339 offsets run from -23:59 to +23:59`},
		},
		{
			name: "comma before the fraction",
			in:   "2022-10-15T15:19:00,5+09:00",
			want: []string{at + `"2022-10-15T15:19:00,5+09:00" is not a valid RFC 3339 timestamp with a UTC offset`},
		},
		{
			name: "second 61",
			in:   "2016-12-31T23:59:61Z",
			want: []string{at + `"2016-12-31T23:59:61Z" is not a valid RFC 3339 timestamp with a UTC offset`},
		},
		{
			name: "before the years the policies compute with",
			in:   "1500-03-02T09:10:00+09:00",
			want: []string{at + `"1500-03-02T09:10:00+09:00" is outside the years 1900 to 2199 that resilcheck can compute with`},
		},
		{
			name: "after the years the policies compute with",
			in:   "2999-03-02T09:10:00+09:00",
			want: []string{at + `"2999-03-02T09:10:00+09:00" is outside the years 1900 to 2199 that resilcheck can compute with`},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := load(t, "m.yaml", base+"incidents:\n  - {id: i, cause: fire, startedAt: \""+tc.in+"\"}\n")
			got := render(Document(d))
			want := tc.want
			if want == nil {
				want = []string{}
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("problems\n got %q\nwant %q", got, want)
			}
			if tc.canon == "" {
				return
			}
			v := d.Value.(map[string]any)["incidents"].([]any)[0].(map[string]any)["startedAt"]
			if v != tc.canon {
				t.Errorf("value handed on = %q, want %q", v, tc.canon)
			}
			// The policies read instants with Go's time.Parse: it must take what was accepted.
			if _, err := time.Parse(time.RFC3339, tc.canon); err != nil {
				t.Errorf("the policies cannot read %q: %v", tc.canon, err)
			}
		})
	}
}

// Dates reach the policies as time.parse_ns("2006-01-02", d), whose nanosecond count
// covers only the years 1678 to 2261; a date outside it made a control quietly pass.
func TestDateYears(t *testing.T) {
	d := load(t, "m.yaml", strings.Replace(base, "from: 2024-10-01", "from: 1024-10-01", 1))
	got := render(Document(d))
	want := []string{`m:10:20: /provider/metrics/window/from: "1024-10-01" is outside the years 1900 to 2199 that resilcheck can compute with`}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems\n got %q\nwant %q", got, want)
	}
	// Waiver expiry dates are read by Go, not by the policies: no such bound.
	w := load(t, "w.yaml", "apiVersion: resilcheck/v1\nkind: WaiverSet\nwaivers:\n  - {control: KR-X, reason: accepted for now, approvedBy: CISO, expires: 2300-12-31}\n")
	if got := Against("waivers", w); len(got) != 0 {
		t.Errorf("waiver problems = %v", got)
	}
}

// matchRFC3339 must capture what rfc3339Shape's groups capture, and match exactly what it
// matches: checked on hand-picked strings and on every one- and two-byte edit of them.
func TestMatchRFC3339AgreesWithTheExpression(t *testing.T) {
	re := regexp.MustCompile(rfc3339Shape)
	seeds := []string{
		"2022-10-15T15:19:00+09:00", "2022-10-15t15:19:00z", "2022-10-15T15:19:00Z",
		"2016-12-31T23:59:60.5-00:30", "2022-10-15T15:19:00.123456789+09:00", "2022-10-15T15:19:00.+09:00",
		"2022-10-15T15:19+09:00", "2022-10-15 15:19:00+09:00", "2022-10-15T15:19:00+0900", "", "Z",
		"12022-10-15T15:19:00Z", "2022-10-15T15:19:00Zz", "2022-10-15T15:19:00+09:00\n", "٢٠٢٢-10-15T15:19:00Z",
	}
	alphabet := []byte("09:-+.TtZz x\n\xff")
	check := func(s string) {
		m, ok := matchRFC3339(s)
		g := re.FindStringSubmatch(s)
		if ok != (g != nil) {
			t.Fatalf("%q: matchRFC3339 %v, the expression %v", s, ok, g != nil)
		}
		if ok {
			got := []string{m.date, m.hh, m.mm, m.ss, m.frac, m.zone, m.sign, m.oh, m.om}
			if !slices.Equal(got, g[1:]) {
				t.Fatalf("%q: captured %q, the expression %q", s, got, g[1:])
			}
		}
	}
	matched := 0
	for _, s := range seeds {
		check(s)
		for i := 0; i <= len(s); i++ {
			for _, c := range alphabet {
				edits := []string{s[:i] + string(c) + s[i:]}
				if i < len(s) {
					edits = append(edits, s[:i]+string(c)+s[i+1:], s[:i]+s[i+1:])
				}
				for _, e := range edits {
					check(e)
					if _, ok := matchRFC3339(e); ok {
						matched++
					}
				}
			}
		}
	}
	if matched < 100 {
		t.Errorf("only %d edited strings matched: the comparison saw too few timestamps", matched)
	}
}
