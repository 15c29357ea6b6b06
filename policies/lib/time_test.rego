package resilcheck.lib.time_test

import data.resilcheck.lib.time

# The constants are literals for speed; these pin them to what they stand for.
test_constants if {
	time.kst_offset_ns == ((9 * 60) * 60) * 1000000000
	time.minute_ns == 60 * 1000000000
	time.day_ns == ((24 * 60) * 60) * 1000000000
}

test_kst_date_string_crosses_midnight if {
	# 15:00 UTC is midnight in Korea: the Korean date is the next day.
	time.kst_date_string(time.ns("2024-03-31T15:00:00Z")) == "2024-04-01"
	time.kst_date_string(time.ns("2024-03-31T14:59:59Z")) == "2024-03-31"
}

test_day_start_and_end if {
	time.day_start_ns("2024-04-01") == time.ns("2024-04-01T00:00:00+09:00")
	time.day_end_ns("2024-04-01") == time.ns("2024-04-02T00:00:00+09:00") - 1
}

test_days_between if {
	cases := [
		{"name": "same day", "a": "2024-03-01", "b": "2024-03-01", "want": 0},
		{"name": "across a leap day", "a": "2024-02-28", "b": "2024-03-01", "want": 2},
		{"name": "backwards is negative", "a": "2024-03-01", "b": "2024-02-28", "want": -2},
		{"name": "a year", "a": "2023-07-04", "b": "2024-07-04", "want": 366},
	]
	bad := [c.name | some c in cases; not days_between_is(c.a, c.b, c.want)]
	bad == []
}

days_between_is(a, b, want) if time.days_between(a, b) == want

test_add_days if {
	cases := [
		{"name": "zero", "d": "2024-12-31", "n": 0, "want": "2024-12-31"},
		{"name": "across a year end", "d": "2024-12-31", "n": 1, "want": "2025-01-01"},
		{"name": "across a leap day", "d": "2024-02-28", "n": 2, "want": "2024-03-01"},
		{"name": "thirty days", "d": "2025-09-15", "n": 30, "want": "2025-10-15"},
		{"name": "backwards", "d": "2025-01-01", "n": -1, "want": "2024-12-31"},
	]
	bad := [c.name | some c in cases; not add_days_is(c.d, c.n, c.want)]
	bad == []
}

add_days_is(d, n, want) if time.add_days(d, n) == want

test_kst_date_string_matches_the_calendar if {
	# time.format must agree with the calendar date of the shifted instant, written %04d-%02d-%02d.
	instants := [
		"1970-01-01T00:00:00Z", "2024-02-28T15:00:00Z", "2024-02-29T14:59:59.999999999Z",
		"2024-12-31T15:00:00Z", "2025-06-30T23:59:59+09:00", "2099-12-31T14:59:59Z",
	]
	bad := [ts |
		some ts in instants
		t := time.ns(ts)
		time.kst_date_string(t) != sprintf("%04d-%02d-%02d", time.kst_date(t))
	]
	bad == []
}
