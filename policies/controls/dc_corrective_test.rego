package resilcheck.controls.dc_corrective_test

import data.resilcheck.controls.dc_corrective

as_of := "2026-11-22"

colo := {"name": "IDC", "categories": ["datacenter-operator"], "origin": "domestic"}

colo_site := [{"id": "dc1", "name": "DC 1", "operator": "IDC", "ownership": "own", "serverRoomAreaM2": 500}]

own_use := {
	"name": "Portal",
	"categories": ["value-added"],
	"origin": "domestic",
	"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 1000000, "ictRevenueKRW": 10000000000},
}

own_site := [{"id": "own1", "name": "Own DC", "operator": "Portal", "ownership": "own", "operatedFor": ["own"], "serverRoomAreaM2": 500}]

manifest(p, sites, os) := {"provider": p, "datacenters": sites, "governance": {"correctiveOrders": os}}

order(extra) := object.union({"id": "co-1", "issuedOn": "2026-03-02", "dueOn": "2026-06-02", "basis": "network-46-3"}, extra)

violations_of(m, d) := vs if {
	vs := dc_corrective.violations with input as m with data.resilcheck.run as {"as_of": d}
}

applies_on(m, d) if dc_corrective.applies with input as m with data.resilcheck.run as {"as_of": d}

reason_on(m, d) := r if {
	r := dc_corrective.reason with input as m with data.resilcheck.run as {"as_of": d}
}

test_order_completed_on_time_passes if {
	m := manifest(colo, colo_site, [order({"completedOn": "2026-05-30"})])
	applies_on(m, as_of)
	count(violations_of(m, as_of)) == 0
}

test_completed_on_due_date_is_on_time_and_a_day_later_is_late if {
	count(violations_of(manifest(colo, colo_site, [order({"completedOn": "2026-06-02"})]), as_of)) == 0
	vs := violations_of(manifest(colo, colo_site, [order({"completedOn": "2026-06-03"})]), as_of)
	count(vs) == 1
	some v in vs
	v.pointer == "/governance/correctiveOrders/0/completedOn"
	v.evidence.days_late == 1
	v.evidence.citation == "Network Act Art. 46(3); Decree Art. 39(1)"
	contains(v.msg, "carried out on 2026-06-03, 1 days after its due date 2026-06-02")
}

test_open_order_is_due_on_its_due_date_and_overdue_the_day_after if {
	m := manifest(colo, colo_site, [order({})])
	count(violations_of(m, "2026-06-02")) == 0
	some v in violations_of(m, "2026-06-03")
	v.pointer == "/governance/correctiveOrders/0/dueOn"
	v.evidence.days_late == 1
	contains(v.msg_ko, "이행되지 않았습니다(1일 경과)")
}

test_order_without_due_date_fails_naming_it if {
	m := manifest(colo, colo_site, [{"id": "co-9", "issuedOn": "2026-03-02", "basis": "network-46-3"}])
	some v in violations_of(m, as_of)
	v.pointer == "/governance/correctiveOrders/0"
	contains(v.msg, "co-9")
}

test_only_network_orders_are_judged if {
	m := manifest(colo, colo_site, [order({"basis": "bcda-36-2"}), {"id": "co-2", "issuedOn": "2026-03-02", "dueOn": "2026-06-02"}])
	count(violations_of(m, as_of)) == 0
}

test_own_use_operator_is_bound if {
	m := manifest(own_use, own_site, [order({})])
	some v in violations_of(m, as_of)
	v.evidence.order == "co-1"
}

test_day_before_2023_07_04_is_not_in_force_with_reason if {
	m := manifest(colo, colo_site, [])
	not applies_on(m, "2023-07-03")
	reason_on(m, "2023-07-03").en == "not in force on 2023-07-03 (in force from 2023-07-04)"
	contains(reason_on(m, "2023-07-03").ko, "2023-07-04 시행")
	applies_on(m, "2023-07-04")
}

test_order_issued_before_the_duty_is_not_judged if {
	m := manifest(colo, colo_site, [order({"issuedOn": "2023-07-03", "dueOn": "2023-08-03"})])
	count(violations_of(m, as_of)) == 0
	some n in dc_corrective.notes with input as m with data.resilcheck.run as {"as_of": as_of}
	contains(n.msg, "not in force on 2023-07-03")
}

test_exclusive_lessee_is_not_an_addressee if {
	lessee := {"name": "Tenant", "categories": ["value-added"], "origin": "domestic"}
	m := manifest(lessee, [{"id": "l1", "name": "Cage", "operator": "IDC", "ownership": "leased-exclusive"}], [order({})])
	not applies_on(m, as_of)
	r := reason_on(m, as_of)
	contains(r.en, "colocation operator under Network Act 46(1)1: no site run for others")
	contains(r.en, "own-datacenter operator under Network Act 46(1)2: no own-use site")
}

test_small_colocation_site_and_public_institution_are_not_bound if {
	small := [object.union(colo_site[0], {"serverRoomAreaM2": 499})]
	not applies_on(manifest(colo, small, []), as_of)
	contains(reason_on(manifest(colo, small, []), as_of).en, "server-room floor (m2) 499 < 500")
	public := object.union(colo, {"publicInstitution": true})
	not applies_on(manifest(public, colo_site, []), as_of)
	contains(reason_on(manifest(public, colo_site, []), as_of).en, "public institution")
}
