package resilcheck.controls.dm_officer_test

import data.resilcheck.controls.dm_officer

run := {"as_of": "2026-11-22"}

major := {
	"name": "Example",
	"categories": ["value-added"],
	"origin": "domestic",
	"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 10000000},
}

manifest(officer) := {"provider": major, "governance": {"officer": officer}}

test_passes_when_notified_on_day_30 if {
	m := manifest({"appointed": true, "appointedOn": "2025-01-01", "ministryNotifiedOn": "2025-01-31"})
	dm_officer.applies with input as m with data.resilcheck.run as run
	count(dm_officer.violations) == 0 with input as m with data.resilcheck.run as run
}

test_fails_when_notified_on_day_31 if {
	m := manifest({"appointed": true, "appointedOn": "2025-01-01", "ministryNotifiedOn": "2025-02-01"})
	some v in dm_officer.violations with input as m with data.resilcheck.run as run
	v.pointer == "/governance/officer/ministryNotifiedOn"
	v.evidence.days == 31
}

test_fails_when_not_appointed if {
	m := manifest({"appointed": false})
	some v in dm_officer.violations with input as m with data.resilcheck.run as run
	v.pointer == "/governance/officer/appointed"
}

test_fails_when_officer_missing if {
	m := {"provider": major}
	some v in dm_officer.violations with input as m with data.resilcheck.run as run
	v.evidence.missing == "governance.officer"
}

test_unnotified_is_not_overdue_within_30_days if {
	m := manifest({"appointed": true, "appointedOn": "2026-11-01"})
	count(dm_officer.violations) == 0 with input as m with data.resilcheck.run as run
}

test_unnotified_is_overdue_after_30_days if {
	m := manifest({"appointed": true, "appointedOn": "2026-10-01"})
	some v in dm_officer.violations with input as m with data.resilcheck.run as run
	v.evidence.due == "2026-10-31"
}

test_not_applicable_below_thresholds if {
	small := object.union(major, {"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 9999999, "trafficSharePercent": 1.99}})
	not dm_officer.applies with input as {"provider": small} with data.resilcheck.run as run
}

test_applies_at_exactly_ten_million_users if {
	dm_officer.applies with input as {"provider": major} with data.resilcheck.run as run
}

test_notice_after_the_audit_date_has_not_happened_yet if {
	# Appointed 2026-09-01, notice dated 2026-12-01: on 2026-11-22 the notice is overdue and
	# has not happened yet.
	m := manifest({"appointed": true, "appointedOn": "2026-09-01", "ministryNotifiedOn": "2026-12-01"})
	some v in dm_officer.violations with input as m with data.resilcheck.run as run
	v.pointer == "/governance/officer"
	v.evidence.due == "2026-10-01"
}

test_no_violations_where_not_applicable if {
	small := object.union(major, {"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 5}})
	count(dm_officer.violations) == 0 with input as {"provider": small} with data.resilcheck.run as run
}

test_override_of_notice_period_applies if {
	m := manifest({"appointed": true, "appointedOn": "2025-01-01", "ministryNotifiedOn": "2025-01-21"})
	some v in dm_officer.violations with input as m with data.resilcheck.run as run with data.resilcheck.overrides as {"dm_officer_notify_days": 10}
	v.evidence.limit_days == 10
}
