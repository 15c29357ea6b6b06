package resilcheck.controls.cl_corrective_test

import data.resilcheck.controls.cl_corrective

as_of := "2026-11-22"

cloud := {"name": "CloudCo", "categories": ["cloud"], "origin": "domestic"}

manifest(p, os) := {"provider": p, "governance": {"correctiveOrders": os}}

order(extra) := object.union({"id": "c-1", "issuedOn": "2026-03-02", "dueOn": "2026-06-02", "basis": "cloud-30-5"}, extra)

violations_of(m, d) := vs if {
	vs := cl_corrective.violations with input as m with data.resilcheck.run as {"as_of": d}
}

applies_on(m, d) if cl_corrective.applies with input as m with data.resilcheck.run as {"as_of": d}

reason_on(m, d) := r if {
	r := cl_corrective.reason with input as m with data.resilcheck.run as {"as_of": d}
}

test_order_carried_out_on_time_passes if {
	m := manifest(cloud, [order({"completedOn": "2026-04-30"})])
	applies_on(m, as_of)
	count(violations_of(m, as_of)) == 0
}

test_completed_on_due_date_is_on_time_and_a_day_later_is_late if {
	count(violations_of(manifest(cloud, [order({"completedOn": "2026-06-02"})]), as_of)) == 0
	vs := violations_of(manifest(cloud, [order({"completedOn": "2026-06-03"})]), as_of)
	count(vs) == 1
	some v in vs
	v.pointer == "/governance/correctiveOrders/0/completedOn"
	v.evidence.days_late == 1
	v.msg == "stop or corrective order c-1 (issued 2026-03-02) was carried out on 2026-06-03, 1 days after its due date 2026-06-02"
	startswith(v.msg_ko, "중지ㆍ시정명령 c-1(2026-03-02 발령)의 이행일(2026-06-03)")
}

test_open_order_is_due_on_its_due_date_and_overdue_the_day_after if {
	m := manifest(cloud, [order({})])
	count(violations_of(m, "2026-06-02")) == 0
	some v in violations_of(m, "2026-06-03")
	v.pointer == "/governance/correctiveOrders/0/dueOn"
	v.evidence.days_late == 1
	v.evidence.citation == "Cloud Act Art. 30(5); Art. 37(1)5"
}

test_order_without_due_date_fails_naming_it if {
	some v in violations_of(manifest(cloud, [{"id": "c-2", "issuedOn": "2026-03-02", "basis": "cloud-30-5"}]), as_of)
	v.pointer == "/governance/correctiveOrders/0"
	contains(v.msg, "c-2 (issued 2026-03-02) declares no due date")
}

test_other_bases_are_not_judged if {
	m := manifest(cloud, [order({"basis": "tba-92"}), {"id": "c-3", "issuedOn": "2026-03-02", "dueOn": "2026-06-02"}])
	count(violations_of(m, as_of)) == 0
}

test_cloud_service_declared_on_a_service_binds if {
	m := {"provider": {"name": "X", "categories": ["value-added"]}, "services": [{"id": "s", "cloud": true}], "governance": {"correctiveOrders": [order({})]}}
	some v in violations_of(m, as_of)
	v.evidence.order == "c-1"
}

test_day_before_2015_09_28_is_not_in_force_with_reason if {
	m := manifest(cloud, [])
	not applies_on(m, "2015-09-27")
	reason_on(m, "2015-09-27").en == "not in force on 2015-09-27 (in force from 2015-09-28)"
	applies_on(m, "2015-09-28")
}

test_order_issued_before_the_act_is_not_judged if {
	m := manifest(cloud, [order({"issuedOn": "2015-09-27", "dueOn": "2015-10-27"})])
	count(violations_of(m, as_of)) == 0
}

test_not_a_cloud_provider_is_not_applicable_with_reason if {
	m := manifest({"name": "X", "categories": ["value-added"]}, [order({})])
	not applies_on(m, as_of)
	contains(reason_on(m, as_of).en, "cloud service provider (Cloud Act 2(3)): no cloud category or cloud service declared")
}
