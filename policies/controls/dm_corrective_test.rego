package resilcheck.controls.dm_corrective_test

import data.resilcheck.controls.dm_corrective

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

manifest(p, os) := {"provider": p, "governance": {"correctiveOrders": os}}

order(extra) := object.union({"id": "co-1", "issuedOn": "2026-03-02", "dueOn": "2026-06-02"}, extra)

violations_of(m, d) := vs if {
	vs := dm_corrective.violations with input as m with data.resilcheck.run as {"as_of": d}
}

applies_on(m, d) if dm_corrective.applies with input as m with data.resilcheck.run as {"as_of": d}

reason_on(m, d) := r if {
	r := dm_corrective.reason with input as m with data.resilcheck.run as {"as_of": d}
}

notes_of(m, d) := ns if {
	ns := dm_corrective.notes with input as m with data.resilcheck.run as {"as_of": d}
}

test_order_completed_before_due_date_passes if {
	m := manifest(major, [order({"completedOn": "2026-05-20"})])
	applies_on(m, as_of)
	count(violations_of(m, as_of)) == 0
}

test_no_orders_passes if {
	applies_on(manifest(major, []), as_of)
	count(violations_of({"provider": major}, as_of)) == 0
}

test_completed_on_due_date_is_on_time_and_a_day_later_is_one_day_late if {
	count(violations_of(manifest(major, [order({"completedOn": "2026-06-02"})]), as_of)) == 0
	vs := violations_of(manifest(major, [order({"completedOn": "2026-06-03"})]), as_of)
	count(vs) == 1
	some v in vs
	v.pointer == "/governance/correctiveOrders/0/completedOn"
	v.evidence.days_late == 1
	v.evidence.due == "2026-06-02"
	v.evidence.completed_on == "2026-06-03"
	v.evidence.citation == "BCDA Art. 36-2(2); Art. 40-4(1)"
	v.msg == "corrective order co-1 (issued 2026-03-02) was carried out on 2026-06-03, 1 days after its due date 2026-06-02"
	contains(v.msg_ko, "이행기한(2026-06-02)보다 1일 늦었습니다")
}

test_open_order_is_not_late_on_its_due_date_and_overdue_the_day_after if {
	m := manifest(major, [order({})])
	count(violations_of(m, "2026-06-02")) == 0
	vs := violations_of(m, "2026-06-03")
	count(vs) == 1
	some v in vs
	v.pointer == "/governance/correctiveOrders/0/dueOn"
	v.evidence.days_late == 1
	v.msg == "corrective order co-1 (issued 2026-03-02) was due by 2026-06-02 and had not been carried out by 2026-06-03: 1 days overdue"
	contains(v.msg_ko, "감사 기준일(2026-06-03)까지 이행되지 않았습니다(1일 경과)")
}

test_open_order_counts_days_to_the_audit_date if {
	some v in violations_of(manifest(major, [order({})]), as_of)
	v.evidence.days_late == 173
	v.evidence.as_of == as_of
}

test_order_without_due_date_fails_naming_it if {
	m := manifest(major, [order({"completedOn": "2026-05-20"}), {"id": "co-2", "issuedOn": "2026-04-01", "completedOn": "2026-04-30"}])
	vs := violations_of(m, as_of)
	count(vs) == 1
	some v in vs
	v.pointer == "/governance/correctiveOrders/1"
	v.evidence.order == "co-2"
	v.evidence.missing == "dueOn"
	startswith(v.msg, "corrective order co-2 (issued 2026-04-01) declares no due date")
}

test_completion_dated_after_the_audit_date_leaves_the_order_open if {
	m := manifest(major, [order({"completedOn": "2026-12-01"})])
	some v in violations_of(m, as_of)
	v.pointer == "/governance/correctiveOrders/0/dueOn"
	v.evidence.completedOn_after_as_of == "2026-12-01"
}

test_order_issued_after_the_audit_date_is_not_seen if {
	m := manifest(major, [order({"issuedOn": "2026-12-01", "dueOn": "2026-12-02"})])
	count(violations_of(m, as_of)) == 0
}

test_orders_under_other_acts_are_left_to_their_controls if {
	m := manifest(major, [
		order({"basis": "network-46-3"}),
		order({"id": "co-2", "basis": "cloud-30-5"}),
		order({"id": "co-3", "basis": "tba-92"}),
	])
	count(violations_of(m, as_of)) == 0

	# An order without basis is a BCDA 36-2(2) order, as is one that says so.
	some v in violations_of(manifest(major, [order({"basis": "bcda-36-2"})]), as_of)
	v.evidence.basis == "bcda-36-2"
}

test_order_issued_before_the_value_added_major_was_bound_is_not_judged if {
	# Kakao's MSIT order of 2022-12-06 predates the 2023-07-04 amendments.
	m := manifest(major, [{"id": "msit-2022-12-06", "issuedOn": "2022-12-06", "dueOn": "2023-03-06"}])
	count(violations_of(m, as_of)) == 0
	some n in notes_of(m, as_of)
	contains(n.msg, "msit-2022-12-06")
	contains(n.evidence.reason, "major value-added provider (BCDA 35(1)4): not in force until 2023-07-04")
}

test_order_issued_on_the_first_day_is_judged if {
	m := manifest(major, [{"id": "co-0", "issuedOn": "2023-07-04", "dueOn": "2023-08-04"}])
	some v in violations_of(m, as_of)
	v.evidence.order == "co-0"
}

test_day_before_the_amendments_is_not_in_force_for_value_added_majors if {
	m := manifest(major, [])
	not applies_on(m, "2023-07-03")
	r := reason_on(m, "2023-07-03")
	contains(r.en, "major value-added provider (BCDA 35(1)4): not in force until 2023-07-04")
	contains(r.ko, "2023-07-04부터 시행")
	applies_on(m, "2023-07-04")
}

test_not_applicable_below_thresholds_with_numbers if {
	small := object.union(major, {"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 9999999}})
	not applies_on({"provider": small}, as_of)
	contains(reason_on({"provider": small}, as_of).en, "dailyAverageUsers 9,999,999 < 10,000,000")
}

test_carrier_bound_before_2023_is_judged if {
	m := manifest(carrier, [{"id": "co-c", "issuedOn": "2021-03-02", "dueOn": "2021-06-02", "completedOn": "2021-06-10"}])
	applies_on(m, "2022-10-15")
	some v in violations_of(m, "2022-10-15")
	v.evidence.days_late == 8
	v.evidence.label == "law"
}

test_carrier_before_2017_07_26_is_not_verifiable if {
	m := manifest(carrier, [])
	not applies_on(m, "2017-07-25")
	startswith(reason_on(m, "2017-07-25").en, "not verifiable on 2017-07-25: the wording before 2017-07-26")
	contains(reason_on(m, "2017-07-25").ko, "2017-07-26")
}

test_carrier_from_2017_07_26_needs_the_carrier_branch_of_2019_06_25 if {
	m := manifest(carrier, [])
	not applies_on(m, "2017-07-26")
	contains(reason_on(m, "2017-07-26").en, "major carrier (BCDA 35(1)1): not verifiable on 2017-07-26: the test's wording before 2019-06-25 is not in the statute texts")
	applies_on(m, "2019-06-25")
}

test_carrier_order_issued_before_its_scope_branch_is_not_judged if {
	m := manifest(carrier, [{"id": "co-old", "issuedOn": "2019-06-24", "dueOn": "2019-07-24"}])
	count(violations_of(m, as_of)) == 0
	some n in notes_of(m, as_of)
	n.pointer == "/governance/correctiveOrders/0"
}
