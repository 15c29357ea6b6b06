package resilcheck.controls.dc_battery_compartment_test

import data.resilcheck.controls.dc_battery_compartment

run := {"as_of": "2026-11-22"}

operator := {
	"name": "Example DC",
	"categories": ["datacenter-operator"],
	"origin": "domestic",
	"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}},
}

site(battery) := {"id": "dc1", "name": "DC 1", "operator": "Example DC", "ownership": "own", "serverRoomAreaM2": 800, "ups": {"battery": battery}}

doc(battery) := {"provider": operator, "datacenters": [site(battery)]}

violations_on(d, as_of) := vs if {
	vs := dc_battery_compartment.violations with input as d with data.resilcheck.run as {"as_of": as_of}
}

violations(battery) := violations_on(doc(battery), run.as_of)

applies_on(d, as_of) if dc_battery_compartment.applies with input as d with data.resilcheck.run as {"as_of": as_of}

reason_on(d, as_of) := r if {
	r := dc_battery_compartment.reason with input as d with data.resilcheck.run as {"as_of": as_of}
}

test_exactly_five_mwh_passes if {
	applies_on(doc({"chemistry": "lithium-ion", "maxMWhPerFireCompartment": 5}), run.as_of)
	count(violations({"chemistry": "lithium-ion", "maxMWhPerFireCompartment": 5})) == 0
}

test_5_01_mwh_is_below_the_guideline if {
	vs := violations({"chemistry": "lithium-ion", "maxMWhPerFireCompartment": 5.01})
	count(vs) == 1
	some v in vs
	v.pointer == "/datacenters/0/ups/battery/maxMWhPerFireCompartment"
	v.evidence.max_mwh_per_compartment == 5.01
	v.evidence.limit_mwh == 5
	v.evidence.limit_label == "guideline"
	contains(v.msg, "is below the reported 2024 MSIT guideline: 5.01 MWh of lithium-ion battery in one fire compartment, above the 5 MWh limit")
}

test_message_reads_the_parameter if {
	vs := dc_battery_compartment.violations with input as doc({"chemistry": "lithium-ion", "maxMWhPerFireCompartment": 5})
		with data.resilcheck.run as run
		with data.resilcheck.overrides as {"dc_max_mwh_per_compartment": 4}
	some v in vs
	contains(v.msg, "above the 4 MWh limit")
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

test_other_chemistries_are_not_applicable_with_reason if {
	d := doc({"chemistry": "nickel-cadmium", "maxMWhPerFireCompartment": 50})
	not applies_on(d, run.as_of)
	count(violations_on(d, run.as_of)) == 0
	reason_on(d, run.as_of).en == "no protected site runs a lithium-ion UPS battery"
}

test_day_before_the_guideline_is_not_in_force_with_reason if {
	d := doc({"chemistry": "lithium-ion"})
	not applies_on(d, "2023-12-31")
	reason_on(d, "2023-12-31").en == "not in force on 2023-12-31 (in force from 2024-01-01)"
	applies_on(d, "2024-01-01")
}

test_site_outside_dc_protect_is_not_judged if {
	small := {"provider": operator, "datacenters": [object.union(site({"chemistry": "lithium-ion", "maxMWhPerFireCompartment": 9}), {"serverRoomAreaM2": 499.99})]}
	not applies_on(small, run.as_of)
	contains(reason_on(small, run.as_of).en, "499.99 < 500")
}

test_exclusive_lessee_with_a_tiny_site_is_judged if {
	tenant := object.union(operator, {"categories": ["value-added"]})
	cage := object.union(site({"chemistry": "lithium-ion", "maxMWhPerFireCompartment": 6}), {"ownership": "leased-exclusive", "serverRoomAreaM2": 5})
	some v in violations_on({"provider": tenant, "datacenters": [cage]}, run.as_of)
	v.evidence.max_mwh_per_compartment == 6
}
