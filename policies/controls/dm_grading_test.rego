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
