package resilcheck.controls.ss_report_test

import data.resilcheck.controls.ss_report

run := {"as_of": "2026-11-22"}

bound := {
	"name": "Example",
	"categories": ["value-added"],
	"origin": "domestic",
	"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 1000000, "trafficSharePercent": 1},
}

manifest(reports) := {"provider": bound, "governance": {"stabilityReports": reports}}

violations_of(m, as_of) := vs if {
	vs := ss_report.violations with input as m with data.resilcheck.run as {"as_of": as_of}
}

test_passes_when_submitted_on_january_31 if {
	m := manifest([{"year": 2026, "submittedOn": "2026-01-31"}])
	ss_report.applies with input as m with data.resilcheck.run as run
	count(violations_of(m, run.as_of)) == 0
}

test_february_1_is_one_day_late if {
	vs := violations_of(manifest([{"year": 2026, "submittedOn": "2026-02-01"}]), run.as_of)
	count(vs) == 1
	some v in vs
	v.pointer == "/governance/stabilityReports/0/submittedOn"
	v.evidence == {"report_year": 2026, "due": "2026-01-31", "submitted_on": "2026-02-01", "days_late": 1, "basis": "TBA Art. 22-7(3)"}
}

test_missing_report_names_year_and_due_date if {
	vs := violations_of(manifest([{"year": 2025, "submittedOn": "2025-01-20"}]), run.as_of)
	count(vs) == 1
	some v in vs
	v.pointer == "/governance/stabilityReports"
	v.evidence.report_year == 2026
	v.evidence.due == "2026-01-31"
}

test_in_january_last_years_report_is_the_latest_due if {
	count(violations_of(manifest([{"year": 2025, "submittedOn": "2025-01-20"}]), "2026-01-31")) == 0
	some v in violations_of(manifest([]), "2026-01-31")
	v.evidence.report_year == 2025
}

test_first_report_due_2024_01_31 if {
	count(violations_of(manifest([]), "2024-01-31")) == 0
	some v in violations_of(manifest([]), "2024-02-01")
	v.evidence.report_year == 2024
}

test_no_report_demanded_for_2023 if {
	count(violations_of(manifest([]), "2023-12-31")) == 0
}

test_not_applicable_when_only_one_threshold_met if {
	heavy := object.union(bound, {"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 50000000, "trafficSharePercent": 0.99}})
	not ss_report.applies with input as {"provider": heavy} with data.resilcheck.run as run
	r := ss_report.reason with input as {"provider": heavy} with data.resilcheck.run as run
	r.en == "service-stability duty holder (TBA 22-7): trafficSharePercent 0.99% < 1%"
}

test_not_in_force_the_day_before_2023_07_04 if {
	m := manifest([])
	not ss_report.applies with input as m with data.resilcheck.run as {"as_of": "2023-07-03"}
	r := ss_report.reason with input as m with data.resilcheck.run as {"as_of": "2023-07-03"}
	r.en == "not in force on 2023-07-03 (in force from 2023-07-04)"
	count(violations_of(m, "2023-07-03")) == 0
	ss_report.applies with input as m with data.resilcheck.run as {"as_of": "2023-07-04"}
}

test_declared_report_for_a_year_before_the_duty_is_not_judged if {
	# The report "due" 2023-01-31 was never owed: the duty began 2023-07-04.
	m := manifest([{"year": 2023, "submittedOn": "2023-05-01"}, {"year": 2026, "submittedOn": "2026-01-20"}])
	count(violations_of(m, run.as_of)) == 0
}

test_submitted_at_counts_on_its_korean_date if {
	# 2026-01-31T14:59Z is 23:59 on January 31 in Korea: on time.
	count(violations_of(manifest([{"year": 2026, "submittedAt": "2026-01-31T14:59:00Z"}]), run.as_of)) == 0

	# 2026-01-31T15:30Z is 00:30 on February 1 in Korea: one day late.
	vs := violations_of(manifest([{"year": 2026, "submittedAt": "2026-01-31T15:30:00Z"}]), run.as_of)
	count(vs) == 1
	some v in vs
	v.pointer == "/governance/stabilityReports/0/submittedAt"
	v.evidence.submitted_on == "2026-02-01"
	v.evidence.days_late == 1
}

test_submitted_at_after_the_audit_date_is_not_yet_submitted if {
	some v in violations_of(manifest([{"year": 2026, "submittedAt": "2026-11-23T09:00:00+09:00"}]), run.as_of)
	v.evidence.report_year == 2026
	v.pointer == "/governance/stabilityReports/0"
}
