package resilcheck.controls.dm_plan_supplement_test

import data.resilcheck.controls.dm_plan_supplement

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

manifest(p, plans) := {"provider": p, "governance": {"disasterPlans": plans}}

plan(year, order) := {"year": year, "submittedOn": sprintf("%d-09-30", [year - 1]), "supplementOrder": order}

order(extra) := object.union({"issuedOn": "2026-10-20", "dueOn": "2026-11-10"}, extra)

violations_of(m, d) := vs if {
	vs := dm_plan_supplement.violations with input as m with data.resilcheck.run as {"as_of": d}
}

notes_of(m, d) := ns if {
	ns := dm_plan_supplement.notes with input as m with data.resilcheck.run as {"as_of": d}
}

applies_on(m, d) if dm_plan_supplement.applies with input as m with data.resilcheck.run as {"as_of": d}

reason_on(m, d) := r if {
	r := dm_plan_supplement.reason with input as m with data.resilcheck.run as {"as_of": d}
}

test_supplement_completed_on_time_passes if {
	m := manifest(major, [plan(2027, order({"completedOn": "2026-11-05"}))])
	applies_on(m, as_of)
	count(violations_of(m, as_of)) == 0
}

test_plans_without_orders_pass if {
	m := manifest(major, [{"year": 2027, "submittedOn": "2026-09-20"}])
	applies_on(m, as_of)
	count(violations_of(m, as_of)) == 0
}

test_completed_on_due_date_is_on_time_and_a_day_later_is_late if {
	count(violations_of(manifest(major, [plan(2027, order({"completedOn": "2026-11-10"}))]), as_of)) == 0
	vs := violations_of(manifest(major, [plan(2027, order({"completedOn": "2026-11-11"}))]), as_of)
	count(vs) == 1
	some v in vs
	v.pointer == "/governance/disasterPlans/0/supplementOrder/completedOn"
	v.evidence.days_late == 1
	v.evidence.plan_year == 2027
	v.evidence.citation == "BCDA Art. 36(3); Art. 48(1)3"
	v.msg == "the order to supplement the disaster management plan for 2027 (issued 2026-10-20) was carried out on 2026-11-11, 1 days after its due date 2026-11-10"
	startswith(v.msg_ko, "2027년도 방송통신재난관리계획 보완명령(2026-10-20 발령)의 이행일(2026-11-11)")
}

test_open_order_is_due_on_its_due_date_and_overdue_the_day_after if {
	m := manifest(major, [plan(2027, order({}))])
	count(violations_of(m, "2026-11-10")) == 0
	vs := violations_of(m, "2026-11-11")
	count(vs) == 1
	some v in vs
	v.pointer == "/governance/disasterPlans/0/supplementOrder/dueOn"
	v.evidence.days_late == 1
	contains(v.msg_ko, "감사 기준일(2026-11-11)까지 이행되지 않았습니다(1일 경과)")
}

test_order_without_due_date_fails_naming_the_plan if {
	m := manifest(major, [plan(2026, {"issuedOn": "2025-10-20", "completedOn": "2025-11-01"})])
	some v in violations_of(m, as_of)
	v.pointer == "/governance/disasterPlans/0/supplementOrder"
	startswith(v.msg, "the order to supplement the disaster management plan for 2026 (issued 2025-10-20) declares no due date")
}

test_order_issued_after_the_audit_date_is_not_seen if {
	count(violations_of(manifest(major, [plan(2027, order({"issuedOn": "2026-12-01", "dueOn": "2026-12-02"}))]), as_of)) == 0
}

test_day_before_the_amendments_is_not_in_force_for_value_added_majors if {
	m := manifest(major, [])
	not applies_on(m, "2023-07-03")
	r := reason_on(m, "2023-07-03")
	contains(r.en, "major value-added provider (BCDA 35(1)4): not in force until 2023-07-04")
	contains(r.en, "major carrier (BCDA 35(1)1): category facilities-based not declared")
	applies_on(m, "2023-07-04")
}

test_carrier_day_before_2021_12_09_is_not_in_force if {
	m := manifest(carrier, [])
	not applies_on(m, "2021-12-08")
	reason_on(m, "2021-12-08").en == "not in force on 2021-12-08 (in force from 2021-12-09)"
	contains(reason_on(m, "2021-12-08").ko, "2021-12-09 시행")
	applies_on(m, "2021-12-09")
}

test_carrier_order_on_the_2023_plan_is_judged if {
	m := manifest(carrier, [plan(2023, {"issuedOn": "2022-10-20", "dueOn": "2022-11-10", "completedOn": "2022-11-15"})])
	some v in violations_of(m, "2022-12-01")
	v.evidence.days_late == 5
	v.evidence.plan_year == 2023
}

test_carrier_order_on_a_plan_before_2023_is_not_judged if {
	m := manifest(carrier, [plan(2022, {"issuedOn": "2021-12-15", "dueOn": "2022-01-15"})])
	applies_on(m, "2022-10-15")
	count(violations_of(m, "2022-10-15")) == 0
	some n in notes_of(m, "2022-10-15")
	n.evidence.first_plan_year == 2023
	n.evidence.label == "interpretation"
}

test_order_issued_before_the_party_was_bound_is_not_judged if {
	m := manifest(major, [plan(2024, {"issuedOn": "2023-07-03", "dueOn": "2023-08-03"})])
	count(violations_of(m, as_of)) == 0
	some n in notes_of(m, as_of)
	contains(n.msg, "not in force until 2023-07-04")
}
