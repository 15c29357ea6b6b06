package resilcheck.controls.dc_ups_inspection_test

import data.resilcheck.controls.dc_ups_inspection

run := {"as_of": "2026-11-22"}

operator := {
	"name": "Example DC",
	"categories": ["datacenter-operator"],
	"origin": "domestic",
	"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}},
}

site(ups, extra) := object.union({"id": "dc1", "name": "DC 1", "operator": "Example DC", "ownership": "own", "serverRoomAreaM2": 500, "ups": ups}, extra)

li(kwh) := {"chemistry": "lithium-ion", "capacityKWh": kwh}

violations(s) := vs if {
	vs := dc_ups_inspection.violations with input as {"provider": operator, "datacenters": [s]} with data.resilcheck.run as run
}

test_exactly_20_kwh_is_not_covered if {
	count(violations(site({"battery": li(20)}, {}))) == 0
}

test_over_20_kwh_without_inspection_fails if {
	vs := violations(site({"battery": li(20.5)}, {}))
	count(vs) == 1
	some v in vs
	v.pointer == "/datacenters/0/ups"
	v.evidence.due == "2025-06-30"
	v.evidence.regime_start == "2024-07-01"
}

test_two_year_cycle_passes_on_the_due_date if {
	# Inspected 2024-11-22: the next inspection is due on 2026-11-22, the audit date itself.
	count(violations(site({"battery": li(500), "lastInspectionOn": "2024-11-22"}, {}))) == 0
}

test_two_year_cycle_overdue_the_day_after if {
	vs := violations(site({"battery": li(500), "lastInspectionOn": "2024-11-21"}, {}))
	count(vs) == 1
	some v in vs
	v.pointer == "/datacenters/0/ups/lastInspectionOn"
	v.evidence.due == "2026-11-21"
	v.evidence.interval_years == 2
}

test_1000_kwh_is_yearly if {
	some v in violations(site({"battery": li(1000), "lastInspectionOn": "2025-11-21"}, {}))
	v.evidence.interval_years == 1
	v.evidence.due == "2026-11-21"
	count(violations(site({"battery": li(999), "lastInspectionOn": "2025-11-21"}, {}))) == 0
}

test_multi_use_building_is_yearly if {
	some v in violations(site({"battery": li(100), "lastInspectionOn": "2025-11-21"}, {"multiUseBuilding": true}))
	v.evidence.cycle == "yearly: in a multi-use building"
}

test_inspection_before_the_regime_does_not_count if {
	some v in violations(site({"battery": li(100), "lastInspectionOn": "2024-06-30"}, {}))
	v.evidence.last_inspection_on == "2024-06-30"
	v.evidence.due == "2025-06-30"
}

test_feb_29_period_ends_on_feb_28 if {
	vs := dc_ups_inspection.violations with input as {"provider": operator, "datacenters": [site({"battery": li(1000), "lastInspectionOn": "2028-02-29"}, {})]} with data.resilcheck.run as {"as_of": "2029-03-01"}
	some v in vs
	v.evidence.due == "2029-02-28"
}

test_undeclared_capacity_fails if {
	some v in violations(site({"battery": {"chemistry": "lithium-ion"}}, {}))
	v.evidence.missing == "ups.battery.capacityKWh"
}

test_lead_acid_not_judged if {
	count(violations(site({"battery": {"chemistry": "lead-acid", "capacityKWh": 5000}}, {}))) == 0
}

test_not_applicable_before_2024_07_01 if {
	m := {"provider": operator, "datacenters": [site({"battery": li(500)}, {})]}
	not dc_ups_inspection.applies with input as m with data.resilcheck.run as {"as_of": "2024-06-30"}
	dc_ups_inspection.applies with input as m with data.resilcheck.run as {"as_of": "2024-07-01"}
}
