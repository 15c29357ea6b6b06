# METADATA
# title: Time helpers
# description: |
#   Korean-calendar arithmetic for deadlines. Every timestamp in a manifest carries its own
#   UTC offset; statutory deadlines (Sep 30, end of January, "within 30 days") are Korean
#   dates, so instants are shifted to UTC+09:00 before their calendar date is taken.
#   The audit date comes from data.resilcheck.run.as_of, never from the clock, so an audit
#   can be replayed.
package resilcheck.lib.time

# Korea has used UTC+09:00 without daylight saving since 1988. The constants are written out
# (9 h, 1 min and 24 h in ns) rather than multiplied: every date helper reads them, and a rule
# body of arithmetic costs three builtin calls per evaluation where a literal costs none.
kst_offset_ns := 32400000000000

minute_ns := 60000000000

day_ns := 86400000000000

# ns(ts) is the instant of an RFC 3339 timestamp, in nanoseconds since the epoch.
ns(ts) := time.parse_rfc3339_ns(ts)

# kst_date(t) is the Korean calendar date [year, month, day] of the instant t (ns).
kst_date(t) := time.date(t + kst_offset_ns)

# kst_date_string(t) is the Korean calendar date of the instant t as YYYY-MM-DD: the UTC date
# of t shifted by the offset, formatted by one builtin (Go pads the year to four digits, as
# %04d did) instead of time.date and a sprintf.
kst_date_string(t) := time.format([t + 32400000000000, "UTC", "2006-01-02"])

# day_start_ns(d) is midnight at the start of the Korean date d (YYYY-MM-DD).
day_start_ns(d) := time.parse_ns("2006-01-02", d) - 32400000000000

# day_end_ns(d) is the last nanosecond of the Korean date d: a deadline "by d" is met by
# anything up to and including this instant.
day_end_ns(d) := time.parse_ns("2006-01-02", d) + 53999999999999

# Date arithmetic below works on the dates' UTC midnights: the Korean offset is the same on
# both sides, so it cancels, and each helper is a few builtins with no call to another helper
# (a user function call costs several builtins' worth; these run per drill, filing and due
# date).

# days_between(a, b) is the number of Korean calendar days from date a to date b.
days_between(a, b) := (time.parse_ns("2006-01-02", b) - time.parse_ns("2006-01-02", a)) / 86400000000000

# add_days(d, n) is the Korean date n days after date d.
add_days(d, n) := time.format([time.add_date(time.parse_ns("2006-01-02", d), 0, 0, n), "UTC", "2006-01-02"])

# as_of is the audit date (YYYY-MM-DD) the run was given.
as_of := data.resilcheck.run.as_of

# as_of_ns is the end of the audit date in Korea: everything on that date has happened.
as_of_ns := day_end_ns(as_of)

# as_of_year is the calendar year of the audit date.
as_of_year := to_number(substring(as_of, 0, 4))
