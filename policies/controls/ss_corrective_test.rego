package resilcheck.controls.ss_corrective_test

import data.resilcheck.controls.ss_corrective

as_of := "2026-11-22"

stable := {
	"name": "Portal",
	"categories": ["value-added"],
	"origin": "domestic",
	"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 1000000, "trafficSharePercent": 1},
}

telco := {
	"name": "Telco",
	"categories": ["facilities-based"],
	"origin": "domestic",
	"metrics": {"telecomRevenueKRW": 1000000000000, "subscribers": 100000},
}

manifest(p, os) := {"provider": p, "governance": {"correctiveOrders": os}}

order(extra) := object.union({"id": "t-1", "issuedOn": "2026-03-02", "dueOn": "2026-06-02", "basis": "tba-92"}, extra)

violations_of(m, d) := vs if {
	vs := ss_corrective.violations with input as m with data.resilcheck.run as {"as_of": d}
}

applies_on(m, d) if ss_corrective.applies with input as m with data.resilcheck.run as {"as_of": d}

reason_on(m, d) := r if {
	r := ss_corrective.reason with input as m with data.resilcheck.run as {"as_of": d}
}

test_order_carried_out_on_time_passes if {
	m := manifest(stable, [order({"completedOn": "2026-05-02"})])
	applies_on(m, as_of)
	count(violations_of(m, as_of)) == 0
}

test_completed_on_due_date_is_on_time_and_a_day_later_is_late if {
	count(violations_of(manifest(stable, [order({"completedOn": "2026-06-02"})]), as_of)) == 0
	vs := violations_of(manifest(stable, [order({"completedOn": "2026-06-03"})]), as_of)
	count(vs) == 1
	some v in vs
	v.pointer == "/governance/correctiveOrders/0/completedOn"
	v.evidence.days_late == 1
	v.evidence.citation == "TBA Art. 92(1)1 (Art. 22-7, 22-8, 32-10)"
	contains(v.msg_ko, "이행기한(2026-06-02)보다 1일 늦었습니다")
}

test_open_order_is_due_on_its_due_date_and_overdue_the_day_after if {
	m := manifest(stable, [order({})])
	count(violations_of(m, "2026-06-02")) == 0
	some v in violations_of(m, "2026-06-03")
	v.pointer == "/governance/correctiveOrders/0/dueOn"
	v.msg == "corrective order t-1 (issued 2026-03-02) was due by 2026-06-02 and had not been carried out by 2026-06-03: 1 days overdue"
}

test_order_without_due_date_fails_naming_it if {
	some v in violations_of(manifest(stable, [{"id": "t-2", "issuedOn": "2026-03-02", "basis": "tba-92"}]), as_of)
	v.pointer == "/governance/correctiveOrders/0"
	v.evidence.order == "t-2"
}

test_other_bases_are_not_judged if {
	count(violations_of(manifest(stable, [order({"basis": "network-46-3"}), {"id": "x", "issuedOn": "2026-03-02", "dueOn": "2026-03-03"}]), as_of)) == 0
}

test_stability_orders_before_2023_07_04_carry_the_older_wording_label if {
	m := manifest(stable, [order({"issuedOn": "2022-03-02", "dueOn": "2022-06-02"})])
	applies_on(m, "2022-10-15")
	some v in violations_of(m, "2022-10-15")
	v.evidence.label == "law-older-wording-reported"
	v.evidence.citation == "TBA Art. 92(1)1 (Art. 22-7, 22-8)"
	v.evidence.days_late == 135
}

test_day_before_2020_12_10_is_not_in_force_with_reason if {
	m := manifest(stable, [])
	not applies_on(m, "2020-12-09")
	reason_on(m, "2020-12-09").en == "not in force on 2020-12-09 (in force from 2020-12-10)"
	applies_on(m, "2020-12-10")
}

test_carrier_bound_from_2024_06_30 if {
	m := manifest(telco, [order({})])
	not applies_on(m, "2024-06-29")
	r := reason_on(m, "2024-06-29")
	contains(r.en, "carrier under the stability duty (TBA 32-10): not in force until 2024-06-30")
	contains(r.ko, "2024-06-30부터 시행")
	applies_on(m, "2024-06-30")
	some v in violations_of(m, as_of)
	v.evidence.order == "t-1"
}

test_carrier_order_issued_before_2024_06_30_is_not_judged if {
	m := manifest(telco, [order({"issuedOn": "2024-06-29", "dueOn": "2024-07-29"})])
	count(violations_of(m, as_of)) == 0
	some n in ss_corrective.notes with input as m with data.resilcheck.run as {"as_of": as_of}
	contains(n.msg, "not in force until 2024-06-30")
}

test_below_the_stability_test_is_not_applicable_with_numbers if {
	small := object.union(stable, {"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 1000000, "trafficSharePercent": 0.99}})
	not applies_on({"provider": small}, as_of)
	contains(reason_on({"provider": small}, as_of).en, "trafficSharePercent 0.99% < 1%")
}
