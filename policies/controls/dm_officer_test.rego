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

good := {"appointed": true, "appointedOn": "2025-01-01", "ministryNotifiedOn": "2025-01-31", "role": "department-head", "notifiedInWriting": true}

with_officer(o) := manifest(object.union(good, o))

violations_of(m, as_of) := vs if {
	vs := dm_officer.violations with input as m with data.resilcheck.run as {"as_of": as_of}
}

reason_on(m, as_of) := r if {
	r := dm_officer.reason with input as m with data.resilcheck.run as {"as_of": as_of}
}

test_passes_when_notified_in_writing_on_day_30 if {
	dm_officer.applies with input as manifest(good) with data.resilcheck.run as run
	count(violations_of(manifest(good), run.as_of)) == 0
}

test_fails_when_notified_on_day_31 if {
	vs := violations_of(with_officer({"ministryNotifiedOn": "2025-02-01"}), run.as_of)
	count(vs) == 1
	some v in vs
	v.pointer == "/governance/officer/ministryNotifiedOn"
	v.evidence.days == 31
	v.evidence.limit_days == 30
	v.evidence.limit_label == "law"
	v.msg == "the ministry was notified on 2025-02-01, 31 days after the appointment on 2025-01-01 (limit 30 days)"
}

test_fails_when_not_appointed if {
	some v in violations_of(manifest({"appointed": false}), run.as_of)
	v.pointer == "/governance/officer/appointed"
}

test_fails_when_officer_missing if {
	some v in violations_of({"provider": major}, run.as_of)
	v.evidence.missing == "governance.officer"
}

test_fails_when_appointment_date_missing if {
	vs := violations_of(manifest({"appointed": true, "role": "department-head"}), run.as_of)
	count(vs) == 1
	some v in vs
	v.evidence.missing == "governance.officer.appointedOn"
	contains(v.msg, "30-day written notice")
}

test_undeclared_role_is_a_note_not_a_failure if {
	m := manifest(object.remove(good, ["role"]))
	count(violations_of(m, run.as_of)) == 0
	vs := dm_officer.notes with input as m with data.resilcheck.run as run
	count(vs) == 1
	some v in vs
	v.pointer == "/governance/officer"
	v.evidence.missing == "governance.officer.role"
	v.evidence.label == "interpretation"
}

test_designated_employee_without_a_department_passes if {
	m := {"provider": major, "governance": {"officer": object.union(good, {"role": "designated-employee"}), "disasterTeam": {"dedicatedStaff": 2}}}
	count(violations_of(m, run.as_of)) == 0
}

test_designated_employee_beside_a_dedicated_department_fails if {
	m := {"provider": major, "governance": {"officer": object.union(good, {"role": "designated-employee"}), "disasterTeam": {"dedicatedDepartment": true, "departmentName": "Network Safety Office"}}}
	vs := violations_of(m, run.as_of)
	count(vs) == 1
	some v in vs
	v.pointer == "/governance/officer/role"
	v.evidence.department_name == "Network Safety Office"
	v.evidence.label == "interpretation"
}

test_department_head_beside_a_dedicated_department_passes if {
	m := {"provider": major, "governance": {"officer": good, "disasterTeam": {"dedicatedDepartment": true}}}
	count(violations_of(m, run.as_of)) == 0
}

test_notice_not_in_writing_fails_once_the_period_is_over if {
	m := with_officer({"notifiedInWriting": false, "ministryNotifiedOn": "2025-01-05"})
	vs := violations_of(m, run.as_of)
	count(vs) == 1
	some v in vs
	v.pointer == "/governance/officer/notifiedInWriting"
	v.evidence.due == "2025-01-31"
	v.evidence.notified_on == "2025-01-05"
}

test_notice_not_in_writing_is_not_yet_late_within_the_period if {
	m := with_officer({"appointedOn": "2026-11-01", "notifiedInWriting": false, "ministryNotifiedOn": "2026-11-05"})
	count(violations_of(m, run.as_of)) == 0
}

test_form_of_notice_not_declared_is_taken_as_written_and_noted if {
	m := manifest(object.remove(good, ["notifiedInWriting"]))
	count(violations_of(m, run.as_of)) == 0
	late := manifest(object.union(object.remove(good, ["notifiedInWriting"]), {"ministryNotifiedOn": "2025-02-01"}))
	some v in violations_of(late, run.as_of)
	startswith(v.evidence.notified_in_writing, "not declared")
}

test_unnotified_is_not_overdue_on_day_30 if {
	m := manifest({"appointed": true, "appointedOn": "2026-10-23", "role": "department-head"})
	count(violations_of(m, run.as_of)) == 0
}

test_unnotified_is_overdue_on_day_31 if {
	m := manifest({"appointed": true, "appointedOn": "2026-10-22", "role": "department-head"})
	vs := violations_of(m, run.as_of)
	count(vs) == 1
	some v in vs
	v.evidence.due == "2026-11-21"
	v.evidence.limit_label == "law"
}

test_notice_after_the_audit_date_has_not_happened_yet if {
	m := with_officer({"appointedOn": "2026-09-01", "ministryNotifiedOn": "2026-12-01"})
	some v in violations_of(m, run.as_of)
	v.pointer == "/governance/officer"
	v.evidence.due == "2026-10-01"
}

test_override_of_notice_period_applies if {
	m := with_officer({"ministryNotifiedOn": "2025-01-21"})
	some v in dm_officer.violations with input as m with data.resilcheck.run as run with data.resilcheck.overrides as {"dm_officer_notify_days": 10}
	v.evidence.limit_days == 10
	v.evidence.limit_label == "override"
}

test_officer_appointed_before_the_duty_counts_from_the_day_it_bound if {
	# A value-added provider bound from 2023-07-04 that had an officer since 2020.
	early := with_officer({"appointedOn": "2020-03-01", "ministryNotifiedOn": "2023-08-03"})
	count(violations_of(early, run.as_of)) == 0
	late := with_officer({"appointedOn": "2020-03-01", "ministryNotifiedOn": "2023-08-04"})
	vs := violations_of(late, run.as_of)
	count(vs) == 1
	some v in vs
	v.evidence.clock_from == "2023-07-04"
	v.evidence.clock_label == "interpretation"
	v.evidence.days == 31
}

test_applies_at_exactly_ten_million_users if {
	dm_officer.applies with input as {"provider": major} with data.resilcheck.run as run
}

test_not_applicable_below_thresholds_with_reason if {
	small := object.union(major, {"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 9999999, "trafficSharePercent": 1.99}})
	not dm_officer.applies with input as {"provider": small} with data.resilcheck.run as run
	count(violations_of({"provider": small}, run.as_of)) == 0
	contains(reason_on({"provider": small}, run.as_of).en, "dailyAverageUsers 9,999,999 < 10,000,000")
}

test_value_added_day_before_2023_07_04_is_not_in_force if {
	m := {"provider": major}
	not dm_officer.applies with input as m with data.resilcheck.run as {"as_of": "2023-07-03"}
	r := reason_on(m, "2023-07-03")
	contains(r.en, "major value-added provider (BCDA 35(1)4): not in force until 2023-07-04")
	contains(r.ko, "2023-07-04부터 시행")
	dm_officer.applies with input as m with data.resilcheck.run as {"as_of": "2023-07-04"}
}

carrier := {
	"name": "Telco",
	"categories": ["facilities-based"],
	"origin": "domestic",
	"metrics": {"window": {"from": "2021-10-01", "to": "2021-12-31"}, "subscribers": 100000},
}

test_carrier_is_bound_before_2023 if {
	m := {"provider": carrier, "governance": {"officer": object.union(good, {"appointedOn": "2022-01-10", "ministryNotifiedOn": "2022-03-01"})}}
	dm_officer.applies with input as m with data.resilcheck.run as {"as_of": "2022-10-15"}
	some v in violations_of(m, "2022-10-15")
	v.evidence.days == 50
}

test_carrier_day_before_2017_07_26_is_not_verifiable if {
	m := {"provider": carrier}
	not dm_officer.applies with input as m with data.resilcheck.run as {"as_of": "2017-07-25"}
	startswith(reason_on(m, "2017-07-25").en, "not verifiable on 2017-07-25: the wording before 2017-07-26")
}

test_major_datacenter_operator_built_from_a_site if {
	idc := {
		"name": "IDC",
		"categories": ["datacenter-operator"],
		"origin": "domestic",
		"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "revenueKRW": 10000000000},
	}
	m := {"provider": idc, "datacenters": [{"id": "dc1", "ownership": "own", "serverRoomAreaM2": 22500}]}
	dm_officer.applies with input as m with data.resilcheck.run as run
	some v in violations_of(m, run.as_of)
	v.evidence.missing == "governance.officer"

	# The category alone does not make a datacenter operator.
	not dm_officer.applies with input as {"provider": idc} with data.resilcheck.run as run
}

test_value_added_before_2017_07_26_is_told_its_own_date_not_the_carriers if {
	r := reason_on({"provider": major}, "2017-07-25")
	contains(r.en, "major value-added provider (BCDA 35(1)4): not in force on 2017-07-25 (from 2023-07-04)")
	not contains(r.en, "not verifiable")
}

# --- in post on the audit date: an audit default, printed with the finding ---

test_missing_or_unappointed_officer_prints_the_audit_default if {
	some v in violations_of({"provider": major}, run.as_of)
	v.evidence.label == "audit-default"
	contains(v.evidence.basis, "no appointment deadline")
	contains(v.evidence.basis_ko, "점검 기본값")
	some w in violations_of(manifest({"appointed": false}), run.as_of)
	w.evidence.label == "audit-default"
}

test_major_without_officer_judged_from_2023_07_04_not_the_day_before if {
	early := object.union(major, {"metrics": {"window": {"from": "2022-10-01", "to": "2022-12-31"}, "dailyAverageUsers": 10000000}})
	some v in violations_of({"provider": early}, "2023-07-04")
	v.evidence.label == "audit-default"
	count(violations_of({"provider": early}, "2023-07-03")) == 0
}
