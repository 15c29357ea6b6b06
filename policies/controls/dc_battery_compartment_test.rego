package resilcheck.controls.dc_battery_compartment_test

import data.resilcheck.controls.dc_battery_compartment

run := {"as_of": "2026-11-22"}

operator := {
	"name": "Example DC",
	"categories": ["datacenter-operator"],
	"origin": "domestic",
	"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}},
}

site(battery) := {"id": "dc1", "name": "DC 1", "operator": "Example DC", "ownership": "leased-exclusive", "serverRoomAreaM2": 800, "ups": {"battery": battery}}

violations(battery) := vs if {
	vs := dc_battery_compartment.violations with input as {"provider": operator, "datacenters": [site(battery)]} with data.resilcheck.run as run
}

test_exactly_five_mwh_passes if {
	count(violations({"chemistry": "lithium-ion", "maxMWhPerFireCompartment": 5})) == 0
}

test_over_five_mwh_fails if {
	vs := violations({"chemistry": "lithium-ion", "maxMWhPerFireCompartment": 5.1})
	count(vs) == 1
	some v in vs
	v.pointer == "/datacenters/0/ups/battery/maxMWhPerFireCompartment"
	v.evidence.max_mwh_per_compartment == 5.1
	v.evidence.limit_mwh == 5
}

test_small_plant_needs_no_compartment_figure if {
	count(violations({"chemistry": "lithium-ion", "capacityKWh": 5000})) == 0
}

test_large_plant_without_compartment_figure_fails if {
	some v in violations({"chemistry": "lithium-ion", "capacityKWh": 5001})
	v.evidence.missing == "ups.battery.maxMWhPerFireCompartment"
	v.evidence.capacity_kwh == 5001
}

test_nothing_declared_fails if {
	some v in violations({"chemistry": "lithium-ion"})
	v.evidence.capacity_kwh == null
}

test_other_chemistries_not_judged if {
	count(violations({"chemistry": "nickel-cadmium", "maxMWhPerFireCompartment": 50})) == 0
}

test_not_applicable_before_the_guideline if {
	m := {"provider": operator, "datacenters": [site({"chemistry": "lithium-ion"})]}
	not dc_battery_compartment.applies with input as m with data.resilcheck.run as {"as_of": "2023-12-31"}
}
