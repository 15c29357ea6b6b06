package resilcheck.controls.dm_grading_test

import data.resilcheck.controls.dm_grading

run := {"as_of": "2026-11-22"}

major := {
	"name": "Example",
	"categories": ["value-added"],
	"origin": "domestic",
	"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 10000000},
}

manifest(grades) := {"provider": major, "governance": {"facilityGrades": grades}}

on_time := [
	{"year": 2026, "submittedOn": "2025-09-30", "evidence": "grading-2026.pdf"},
	{"year": 2027, "submittedOn": "2026-09-25", "evidence": "grading-2027.pdf"},
]

violations_of(m, as_of) := vs if {
	vs := dm_grading.violations with input as m with data.resilcheck.run as {"as_of": as_of}
}

test_passes_when_graded_on_time_with_evidence if {
	dm_grading.applies with input as manifest(on_time) with data.resilcheck.run as run
	count(violations_of(manifest(on_time), run.as_of)) == 0
}

test_fails_when_next_year_grading_missing if {
	vs := violations_of(manifest([on_time[0]]), run.as_of)
	count(vs) == 1
	some v in vs
	v.pointer == "/governance/facilityGrades"
	v.evidence.grading_year == 2027
	v.evidence.due == "2026-09-30"
}

test_october_1_is_one_day_late if {
	m := manifest([on_time[0], {"year": 2027, "submittedOn": "2026-10-01", "evidence": "late.pdf"}])
	vs := violations_of(m, run.as_of)
	count(vs) == 1
	some v in vs
	v.pointer == "/governance/facilityGrades/1/submittedOn"
	v.evidence.days_late == 1
}

test_fails_without_evidence if {
	m := manifest([on_time[0], {"year": 2027, "submittedOn": "2026-09-01", "evidence": " "}])
	vs := violations_of(m, run.as_of)
	count(vs) == 1
	some v in vs
	v.pointer == "/governance/facilityGrades/1"
	v.evidence == {"grading_year": 2027, "submitted_on": "2026-09-01", "missing": "evidence"}
}

test_evidence_on_a_later_resubmission_is_enough if {
	m := manifest([on_time[0], {"year": 2027, "submittedOn": "2026-09-01"}, {"year": 2027, "submittedOn": "2026-09-20", "evidence": "annex.pdf"}])
	count(violations_of(m, run.as_of)) == 0
}

test_not_due_on_september_30 if {
	count(violations_of(manifest([on_time[0]]), "2026-09-30")) == 0
}

test_missing_governance_points_at_root if {
	some v in violations_of({"provider": major}, run.as_of)
	v.pointer == ""
	v.evidence.grading_year == 2026
}

test_first_gradings_due_2023_09_30 if {
	vs := violations_of(manifest([]), "2023-10-01")
	count(vs) == 1
	some v in vs
	v.evidence.grading_year == 2024
}

test_not_applicable_to_small_provider if {
	small := object.union(major, {"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 5000000}})
	not dm_grading.applies with input as {"provider": small} with data.resilcheck.run as run
}

reason_on(m, as_of) := r if {
	r := dm_grading.reason with input as m with data.resilcheck.run as {"as_of": as_of}
}

test_nothing_demanded_before_the_first_deadline if {
	dm_grading.applies with input as manifest([]) with data.resilcheck.run as {"as_of": "2023-09-30"}
	count(violations_of(manifest([]), "2023-09-30")) == 0
}

test_declared_years_before_the_duty_are_not_judged if {
	m := manifest(array.concat(on_time, [{"year": 2023, "submittedOn": "2023-01-05"}]))
	count(violations_of(m, run.as_of)) == 0
}

test_declared_past_year_is_judged_for_lateness if {
	m := manifest(array.concat(on_time, [{"year": 2025, "submittedOn": "2024-10-02", "evidence": "g.pdf"}]))
	vs := violations_of(m, run.as_of)
	count(vs) == 1
	some v in vs
	v.evidence.days_late == 2
	v.evidence.due == "2024-09-30"
}

test_value_added_day_before_2023_07_04_is_not_in_force if {
	not dm_grading.applies with input as manifest([]) with data.resilcheck.run as {"as_of": "2023-07-03"}
	r := reason_on(manifest([]), "2023-07-03")
	r.en == "not in force on 2023-07-03 (in force from 2023-07-04)"
	contains(r.ko, "2023-07-04 시행")
	dm_grading.applies with input as manifest([]) with data.resilcheck.run as {"as_of": "2023-07-04"}
}

test_not_applicable_below_thresholds_with_reason if {
	small := object.union(major, {"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 9999999, "trafficSharePercent": 1.99}})
	contains(reason_on({"provider": small}, run.as_of).en, "dailyAverageUsers 9,999,999 < 10,000,000 and trafficSharePercent 1.99% < 2%")
}

carrier := {
	"name": "Telco",
	"categories": ["facilities-based"],
	"origin": "domestic",
	"metrics": {"window": {"from": "2021-10-01", "to": "2021-12-31"}, "subscribers": 100000},
}

test_carrier_day_before_2023_07_04_is_not_verifiable if {
	m := {"provider": carrier}
	not dm_grading.applies with input as m with data.resilcheck.run as {"as_of": "2023-07-03"}
	startswith(reason_on(m, "2023-07-03").en, "not verifiable on 2023-07-03: the wording before 2023-07-04")
}

test_carrier_owes_the_2024_grading_first if {
	m := {"provider": carrier, "governance": {"facilityGrades": [{"year": 2023, "submittedOn": "2022-11-01"}]}}
	vs := violations_of(m, "2023-10-01")
	{v.evidence.grading_year | some v in vs} == {2024}
}

test_major_datacenter_operator_built_from_a_site if {
	idc := {
		"name": "IDC",
		"categories": ["datacenter-operator"],
		"origin": "domestic",
		"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "revenueKRW": 10000000000},
	}
	m := {"provider": idc, "datacenters": [{"id": "dc1", "ownership": "own", "serverRoomAreaM2": 22500}]}
	vs := violations_of(m, run.as_of)
	{v.evidence.grading_year | some v in vs} == {2026, 2027}
	below := {"provider": object.union(idc, {"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "revenueKRW": 9999999999}}), "datacenters": m.datacenters}
	not dm_grading.applies with input as below with data.resilcheck.run as run
	contains(reason_on(below, run.as_of).en, "revenueKRW 9,999,999,999 < 10,000,000,000")
}

# Both years missing point at the same list: the keys carry the grading year.
test_missing_years_are_keyed_by_year if {
	vs := violations_of(manifest([]), run.as_of)
	{[v.key, v.pointer] | some v in vs} == {["grades-2026", "/governance/facilityGrades"], ["grades-2027", "/governance/facilityGrades"]}
}

test_late_and_evidence_findings_are_keyed if {
	m := manifest([on_time[0], {"year": 2027, "submittedOn": "2026-10-01"}])
	{v.key | some v in violations_of(m, run.as_of)} == {"grades-2027:late", "grades-2027:evidence"}
}
