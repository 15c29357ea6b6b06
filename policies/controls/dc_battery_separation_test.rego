package resilcheck.controls.dc_battery_separation_test

import data.resilcheck.controls.dc_battery_separation

run := {"as_of": "2026-11-22"}

operator := {
	"name": "Example DC",
	"categories": ["datacenter-operator"],
	"origin": "domestic",
	"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}},
}

site(extra) := object.union({"id": "dc1", "name": "DC 1", "operator": "Example DC", "ownership": "own", "serverRoomAreaM2": 500}, extra)

violations(sites) := vs if {
	vs := dc_battery_separation.violations with input as {"provider": operator, "datacenters": sites} with data.resilcheck.run as run
}

test_separated_lithium_passes if {
	count(violations([site({"ups": {"battery": {"chemistry": "lithium-ion", "separatedFromUps": true}}})])) == 0
}

test_unseparated_lithium_fails if {
	vs := violations([site({"ups": {"battery": {"chemistry": "lithium-ion", "separatedFromUps": false}}})])
	count(vs) == 1
	some v in vs
	v.pointer == "/datacenters/0/ups/battery/separatedFromUps"
	v.evidence.separated_from_ups == false
}

test_undeclared_separation_fails if {
	some v in violations([site({"ups": {"battery": {"chemistry": "lithium-ion"}}})])
	v.evidence.missing == "ups.battery.separatedFromUps"
	v.pointer == "/datacenters/0/ups/battery"
}

test_lead_acid_is_not_judged if {
	count(violations([site({"ups": {"battery": {"chemistry": "lead-acid", "separatedFromUps": false}}})])) == 0
}

test_missing_ups_asks_for_declaration if {
	some v in violations([site({})])
	v.pointer == "/datacenters/0"
	v.evidence.missing == "ups.battery"
	some w in violations([site({"ups": {"bypass": true}})])
	w.pointer == "/datacenters/0/ups"
}

test_rotary_ups_has_no_battery_to_declare if {
	count(violations([site({"ups": {"kind": "rotary", "bypass": true}})])) == 0
}

test_static_ups_without_battery_still_asks if {
	some v in violations([site({"ups": {"kind": "static", "bypass": true}})])
	v.evidence.missing == "ups.battery"
}

test_rotary_ups_with_lithium_battery_is_still_judged if {
	some v in violations([site({"ups": {"kind": "rotary", "battery": {"chemistry": "lithium-ion", "separatedFromUps": false}}})])
	v.pointer == "/datacenters/0/ups/battery/separatedFromUps"
}

test_colocation_space_is_not_judged if {
	sites := [
		site({"ups": {"battery": {"chemistry": "lithium-ion", "separatedFromUps": true}}}),
		site({"id": "rented", "ownership": "colocation", "ups": {"battery": {"chemistry": "lithium-ion", "separatedFromUps": false}}}),
	]
	count(violations(sites)) == 0
}

test_second_site_pointer_is_precise if {
	sites := [
		site({"ups": {"battery": {"chemistry": "lithium-ion", "separatedFromUps": true}}}),
		site({"id": "dc2", "ownership": "leased-exclusive", "ups": {"battery": {"chemistry": "lithium-ion", "separatedFromUps": false}}}),
	]
	some v in violations(sites)
	v.pointer == "/datacenters/1/ups/battery/separatedFromUps"
	v.evidence.datacenter == "dc2"
}

test_not_applicable_below_floor_area if {
	m := {"provider": operator, "datacenters": [site({"serverRoomAreaM2": 499})]}
	not dc_battery_separation.applies with input as m with data.resilcheck.run as run
	dc_battery_separation.applies with input as {"provider": operator, "datacenters": [site({})]} with data.resilcheck.run as run
}
