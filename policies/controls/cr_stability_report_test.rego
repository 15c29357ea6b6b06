package resilcheck.controls.cr_stability_report_test

import data.resilcheck.controls.cr_stability_report

run := {"as_of": "2026-11-22"}

carrier := {
	"name": "Telco",
	"categories": ["facilities-based"],
	"origin": "domestic",
	"metrics": {"telecomRevenueKRW": 1000000000000, "lines": 500000},
}

on_time := [
	{"year": 2025, "publishedOn": "2025-06-30", "url": "https://telco.example/stability/2025"},
	{"year": 2026, "publishedOn": "2026-06-12", "url": "https://telco.example/stability/2026"},
]

manifest(reports) := {"provider": carrier, "governance": {"carrierStabilityReports": reports}}

violations_on(m, as_of) := vs if {
	vs := cr_stability_report.violations with input as m with data.resilcheck.run as {"as_of": as_of}
}

test_reports_published_on_time_pass if {
	cr_stability_report.applies with input as manifest(on_time) with data.resilcheck.run as run
	count(violations_on(manifest(on_time), run.as_of)) == 0
}

test_published_on_june_30_is_on_time_july_1_is_one_day_late if {
	m := manifest([on_time[0], object.union(on_time[1], {"publishedOn": "2026-07-01"})])
	vs := violations_on(m, run.as_of)
	count(vs) == 1
	some v in vs
	v.pointer == "/governance/carrierStabilityReports/1/publishedOn"
	v.evidence.days_late == 1
	v.evidence.due == "2026-06-30"
}

test_missing_report_names_year_and_deadline if {
	vs := violations_on(manifest([on_time[0]]), run.as_of)
	count(vs) == 1
	some v in vs
	v.pointer == "/governance/carrierStabilityReports"
	v.evidence.report_year == 2026
	v.evidence.due == "2026-06-30"
	v.evidence.first_report_label == "audit-default"
	contains(v.msg, "due by 2026-06-30")
}

test_report_without_url_fails if {
	m := manifest([on_time[0], object.remove(on_time[1], {"url"})])
	vs := violations_on(m, run.as_of)
	count(vs) == 1
	some v in vs
	v.pointer == "/governance/carrierStabilityReports/1"
	v.evidence.missing == "url"
}

test_this_years_report_not_due_on_june_30_overdue_on_july_1 if {
	count(violations_on(manifest([on_time[0]]), "2026-06-30")) == 0
	some v in violations_on(manifest([on_time[0]]), "2026-07-01")
	v.evidence.report_year == 2026
}

test_first_report_is_2025 if {
	count(violations_on(manifest([]), "2025-06-30")) == 0
	vs := violations_on(manifest([]), "2025-07-01")
	count(vs) == 1
	some v in vs
	v.evidence.report_year == 2025
	v.evidence.first_report_year == 2025
	v.evidence.first_report_label == "audit-default"
}

test_2024_is_not_owed_even_if_declared if {
	m := manifest(array.concat(on_time, [{"year": 2024}]))
	count(violations_on(m, run.as_of)) == 0
}

test_declared_past_year_is_judged if {
	m := manifest([{"year": 2025, "publishedOn": "2025-07-10", "url": "https://telco.example/s"}, on_time[1]])
	vs := violations_on(m, "2027-03-01")
	{v.evidence.report_year | some v in vs} == {2025}
	some v in vs
	v.evidence.days_late == 10
}

test_report_dated_after_the_audit_date_is_not_seen if {
	some v in violations_on(manifest([on_time[0], object.union(on_time[1], {"publishedOn": "2026-12-01"})]), run.as_of)
	v.pointer == "/governance/carrierStabilityReports/1"
	v.evidence.report_year == 2026
}

reason_on(m, as_of) := r if {
	r := cr_stability_report.reason with input as m with data.resilcheck.run as {"as_of": as_of}
}

test_day_before_2024_06_30_is_not_in_force_with_reason if {
	not cr_stability_report.applies with input as manifest([]) with data.resilcheck.run as {"as_of": "2024-06-29"}
	reason_on(manifest([]), "2024-06-29").en == "not in force on 2024-06-29 (in force from 2024-06-30)"
	cr_stability_report.applies with input as manifest([]) with data.resilcheck.run as {"as_of": "2024-06-30"}
	count(violations_on(manifest([]), "2024-06-30")) == 0
}

test_small_carrier_is_not_bound_with_reason if {
	small := {"provider": object.union(carrier, {"metrics": {"telecomRevenueKRW": 999999999999, "lines": 500000}})}
	not cr_stability_report.applies with input as small with data.resilcheck.run as run
	contains(reason_on(small, run.as_of).en, "carrier under the stability duty (TBA 32-10): telecomRevenueKRW 999,999,999,999 < 1,000,000,000,000")
}

# Both years missing point at the same list: the keys carry the report year.
test_findings_are_keyed_by_year if {
	{[v.key, v.pointer] | some v in violations_on(manifest([]), run.as_of)} == {
		["report-2025", "/governance/carrierStabilityReports"],
		["report-2026", "/governance/carrierStabilityReports"],
	}
	m := manifest([on_time[0], {"year": 2026, "publishedOn": "2026-07-01"}])
	{v.key | some v in violations_on(m, run.as_of)} == {"report-2026:late", "report-2026:url"}
}
