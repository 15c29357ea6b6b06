package resilcheck.controls.dm_grade_measures_test

import data.resilcheck.controls.dm_grade_measures

as_of := "2026-11-22"

major := {
	"name": "Example",
	"categories": ["value-added"],
	"origin": "domestic",
	"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 10000000},
}

carrier := {
	"name": "Telco",
	"categories": ["facilities-based"],
	"origin": "domestic",
	"metrics": {"subscribers": 100000},
}

all_measures := {"bypassRoute": true, "accessRestricted": true, "stablePower": true, "responseStaff": true}

facility(extra) := object.union(object.union({"id": "hub-1", "name": "Seoul hub", "grade": "A", "designated": true}, all_measures), extra)

grading(year, fs) := {"year": year, "submittedOn": sprintf("%d-09-20", [year - 1]), "evidence": "E", "facilities": fs}

manifest(p, gs) := {"provider": p, "governance": {"facilityGrades": gs}}

violations_of(m, d) := vs if {
	vs := dm_grade_measures.violations with input as m with data.resilcheck.run as {"as_of": d}
}

notes_of(m, d) := ns if {
	ns := dm_grade_measures.notes with input as m with data.resilcheck.run as {"as_of": d}
}

applies_on(m, d) if dm_grade_measures.applies with input as m with data.resilcheck.run as {"as_of": d}

reason_on(m, d) := r if {
	r := dm_grade_measures.reason with input as m with data.resilcheck.run as {"as_of": d}
}

test_designated_facility_with_all_four_measures_passes if {
	m := manifest(major, [grading(2026, [facility({})])])
	applies_on(m, as_of)
	count(violations_of(m, as_of)) == 0
}

test_each_measure_false_fails_by_facility_and_measure if {
	m := manifest(major, [grading(2026, [facility({"bypassRoute": false, "stablePower": false})])])
	vs := violations_of(m, as_of)
	count(vs) == 2
	{v.evidence.measure | some v in vs} == {"bypassRoute", "stablePower"}
	some v in vs
	v.evidence.measure == "bypassRoute"
	v.pointer == "/governance/facilityGrades/0/facilities/0/bypassRoute"
	v.msg == "designated communications facility hub-1 (Seoul hub; grade A; grading for 2026) lacks a secured bypass communication route (bypassRoute is false)"
	v.msg_ko == "지정 통신시설 hub-1(Seoul hub, A등급, 2026년도 등급): 우회통신경로의 확보가 이행되지 않았습니다(bypassRoute false)."
	v.evidence.declared == false
	contains(v.evidence.not_judged, "grade-specific levels")
}

test_each_missing_measure_fails_naming_it if {
	f := {"id": "hub-2", "grade": "B", "designated": true}
	vs := violations_of(manifest(major, [grading(2026, [f])]), as_of)
	count(vs) == 4
	{v.evidence.measure | some v in vs} == {"bypassRoute", "accessRestricted", "stablePower", "responseStaff"}
	some v in vs
	v.evidence.measure == "responseStaff"
	v.pointer == "/governance/facilityGrades/0/facilities/0"
	v.msg == "designated communications facility hub-2 (grade B; grading for 2026) does not declare staff dedicated to disaster response (responseStaff)"
	v.evidence.declared == null
}

test_facilities_not_designated_are_not_judged if {
	m := manifest(major, [grading(2026, [
		{"id": "east", "grade": "D", "designated": false},
		{"id": "west", "grade": "C"},
	])])
	count(violations_of(m, as_of)) == 0
}

test_the_grading_in_force_is_the_latest_up_to_the_audit_year if {
	m := manifest(major, [
		grading(2025, [facility({"accessRestricted": false})]),
		grading(2026, [facility({})]),
		grading(2027, [facility({"stablePower": false})]),
	])
	count(violations_of(m, as_of)) == 0
	vs := violations_of(m, "2027-01-01")
	count(vs) == 1
	some v in vs
	v.evidence.grading_year == 2027
	v.pointer == "/governance/facilityGrades/2/facilities/0/stablePower"
}

test_a_grading_without_facilities_does_not_replace_an_itemised_one if {
	m := manifest(major, [grading(2025, [facility({"responseStaff": false})]), {"year": 2026, "submittedOn": "2025-09-20"}])
	some v in violations_of(m, as_of)
	v.evidence.grading_year == 2025
}

test_no_itemised_grading_passes_with_a_note if {
	m := manifest(major, [{"year": 2026, "submittedOn": "2025-09-20"}])
	count(violations_of(m, as_of)) == 0
	some n in notes_of(m, as_of)
	contains(n.msg, "no designated facility to judge")
}

test_day_before_2023_07_04_is_not_applicable_with_reason if {
	m := manifest(major, [grading(2023, [facility({"bypassRoute": false})])])
	not applies_on(m, "2023-07-03")

	# The carriers' unverifiable stretch does not concern a value-added provider.
	reason_on(m, "2023-07-03").en == "not in force on 2023-07-03 (in force from 2023-07-04)"
	contains(reason_on(m, "2023-07-03").ko, "2023-07-04 시행")
	some v in violations_of(m, "2023-07-04")
	v.evidence.measure == "bypassRoute"
}

test_carrier_before_2023_07_04_is_not_verifiable if {
	m := manifest(carrier, [grading(2023, [facility({"bypassRoute": false})])])
	not applies_on(m, "2022-10-15")
	startswith(reason_on(m, "2022-10-15").en, "not verifiable on 2022-10-15")
	applies_on(m, "2023-07-04")
}

test_not_a_major_is_not_applicable_with_numbers if {
	small := object.union(major, {"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 9999999}})
	not applies_on({"provider": small}, as_of)
	contains(reason_on({"provider": small}, as_of).en, "dailyAverageUsers 9,999,999 < 10,000,000")
}
