package validate

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// rfc3339Shape is RFC 3339's date-time (section 5.6) with the case-insensitive T and Z its
// note allows, as a regular expression; matchRFC3339 matches it without one (it is checked
// against this expression by a test). Field ranges are checked after matching, so a message
// can say which is wrong.
const rfc3339Shape = `^([0-9]{4}-[0-9]{2}-[0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?([Zz]|([+-])([0-9]{2}):([0-9]{2}))$`

// rfc3339Match is what the expression's groups capture: the date, hour, minute, second,
// fraction (with its dot, or ""), zone (Z, z or the whole offset), the offset's sign, hours
// and minutes ("" for Z).
type rfc3339Match struct {
	date, hh, mm, ss, frac, zone, sign, oh, om string
}

// matchRFC3339 matches s against rfc3339Shape; timestamps are checked by the thousand in a
// sweep, where the regular expression was most of validating them.
func matchRFC3339(s string) (rfc3339Match, bool) {
	digits := func(from, to int) bool {
		for i := from; i < to; i++ {
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		}
		return true
	}
	if len(s) < 20 || !digits(0, 4) || s[4] != '-' || !digits(5, 7) || s[7] != '-' || !digits(8, 10) ||
		(s[10] != 'T' && s[10] != 't') || !digits(11, 13) || s[13] != ':' || !digits(14, 16) || s[16] != ':' || !digits(17, 19) {
		return rfc3339Match{}, false
	}
	m := rfc3339Match{date: s[:10], hh: s[11:13], mm: s[14:16], ss: s[17:19]}
	i := 19
	if s[i] == '.' {
		j := i + 1
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j == i+1 {
			return rfc3339Match{}, false
		}
		m.frac, i = s[i:j], j
	}
	switch rest := s[i:]; {
	case rest == "Z" || rest == "z":
		m.zone = rest
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && digits(i+1, i+3) && rest[3] == ':' && digits(i+4, i+6):
		m.zone, m.sign, m.oh, m.om = rest, rest[:1], rest[1:3], rest[4:6]
	default:
		return rfc3339Match{}, false
	}
	return m, true
}

// leapSeconds are the UTC dates at whose end a leap second (23:59:60) was inserted, from
// IERS Bulletin C. RFC 3339 (section 5.7 and appendix D) allows second 60 only there. None
// has been inserted since 2016; a new one would have to be added here.
var leapSeconds = map[string]bool{
	"1972-06-30": true, "1972-12-31": true, "1973-12-31": true, "1974-12-31": true,
	"1975-12-31": true, "1976-12-31": true, "1977-12-31": true, "1978-12-31": true,
	"1979-12-31": true, "1981-06-30": true, "1982-06-30": true, "1983-06-30": true,
	"1985-06-30": true, "1987-12-31": true, "1989-12-31": true, "1990-12-31": true,
	"1992-06-30": true, "1993-06-30": true, "1994-06-30": true, "1995-12-31": true,
	"1997-06-30": true, "1998-12-31": true, "2005-12-31": true, "2008-12-31": true,
	"2012-06-30": true, "2015-06-30": true, "2016-12-31": true,
}

const lastLeapSecond = "2016-12-31"

// The years dates and instants may fall in. The policies count time as OPA does, in
// nanoseconds since 1970 held in 64 bits, which reach only from 1677 to 2262: outside,
// time.parse_rfc3339_ns and time.parse_ns fail, and a rule that cannot compute its
// deadline is silently undefined (a control passed). The bounds leave room for the years
// a rule adds to a date.
const (
	minYear = 1900
	maxYear = 2199
)

// yearProblem says what is wrong with the year of value s, or "" if nothing is.
func yearProblem(s string, year int) string {
	if year < minYear || year > maxYear {
		return fmt.Sprintf("%s is outside the years %d to %d that resilcheck can compute with", quote(s), minYear, maxYear)
	}
	return ""
}

// parseTimestamp checks s as an RFC 3339 date-time and returns it in the form Go's
// time.Parse(time.RFC3339, ...) reads the same instant from, which is how the policies read
// it: upper-case T and Z, and a leap second as the last nanosecond before it (Go and OPA
// count time without leap seconds, and the instant must stay after every other instant of
// its minute). problem is "" when s is valid; notRFC3339 is set when s does not even have
// the shape of one, so the caller can say what is missing.
func parseTimestamp(s string) (canon, problem string, notRFC3339 bool) {
	m, ok := matchRFC3339(s)
	if !ok {
		return "", "", true
	}
	date, hh, mm, ss, frac, zone := m.date, atoi(m.hh), atoi(m.mm), atoi(m.ss), m.frac, m.zone
	day, err := time.Parse(time.DateOnly, date)
	if err != nil || hh > 23 || mm > 59 || ss > 60 {
		return "", "", true
	}
	offset := 0
	if zone == "Z" || zone == "z" {
		zone = "Z"
	} else {
		oh, om := atoi(m.oh), atoi(m.om)
		if oh > 23 || om > 59 {
			return "", fmt.Sprintf("%s has the UTC offset %s: RFC 3339 offsets run from -23:59 to +23:59", quote(s), zone), false
		}
		offset = (oh*60 + om) * 60
		if m.sign == "-" {
			offset = -offset
		}
	}
	if p := yearProblem(s, day.Year()); p != "" {
		return "", p, false
	}
	clock := m.hh + ":" + m.mm + ":" + m.ss + frac
	if ss == 60 {
		utc := day.Add(time.Duration(hh)*time.Hour + time.Duration(mm)*time.Minute + 59*time.Second - time.Duration(offset)*time.Second)
		if utc.Hour() != 23 || utc.Minute() != 59 || !leapSeconds[utc.Format(time.DateOnly)] {
			return "", fmt.Sprintf("%s has second 60, which RFC 3339 allows only for a leap second, and none was inserted at %s (the last was at the end of %s, UTC)",
				quote(s), utc.Format("2006-01-02T15:04:")+"60Z", lastLeapSecond), false
		}
		clock = fmt.Sprintf("%02d:%02d:59.999999999", hh, mm)
	}
	canon = date + "T" + clock + zone
	if _, err := time.Parse(time.RFC3339, canon); err != nil {
		// Cannot happen for what the checks above let through; if it did, handing the value
		// on would let a control silently not see it.
		return "", fmt.Sprintf("%s cannot be read by the policies: %v", quote(s), err), false
	}
	return canon, "", false
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// offsetHint suggests the fix for a local time written without an offset.
func offsetHint(s string) string {
	return strings.Replace(s, " ", "T", 1) + "+09:00"
}
