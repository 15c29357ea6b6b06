package resilcheck.controls.dc_physical_test

import data.resilcheck.controls.dc_physical

run := {"as_of": "2026-11-22"}

operator := {
	"name": "Example DC",
	"categories": ["datacenter-operator"],
	"origin": "domestic",
	"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "datacenterFloorAreaM2": 600},
}

all_in_place := {
	"accessControl": true,
	"floodProtection": true,
	"earthquakeProtection": true,
	"staffed24x7": true,
	"contingencyPlan": true,
}

site(extra) := object.union({"id": "dc1", "name": "DC 1", "operator": "Example DC", "ownership": "own", "serverRoomAreaM2": 600}, extra)

violations(sites) := vs if {
	vs := dc_physical.violations with input as {"provider": operator, "datacenters": sites} with data.resilcheck.run as run
}

test_all_measures_pass if {
	count(violations([site({"physicalProtection": all_in_place, "fireSuppression": {"type": "gas"}})])) == 0
}

test_each_false_measure_is_named if {
	pp := object.union(all_in_place, {"staffed24x7": false, "contingencyPlan": false})
	vs := violations([site({"physicalProtection": pp, "fireSuppression": {"type": "gas"}})])
	{v.pointer | some v in vs} == {"/datacenters/0/physicalProtection/staffed24x7", "/datacenters/0/physicalProtection/contingencyPlan"}
	some v in vs
	v.evidence.measure == "contingencyPlan"
	v.evidence.basis == "Decree Art. 37(2)4"
}

test_undeclared_measure_is_named if {
	pp := object.remove(all_in_place, ["floodProtection"])
	vs := violations([site({"physicalProtection": pp, "fireSuppression": {"type": "gas"}})])
	count(vs) == 1
	some v in vs
	v.evidence.missing == "physicalProtection.floodProtection"
	v.pointer == "/datacenters/0/physicalProtection"
}

test_nothing_declared_lists_everything if {
	vs := violations([site({})])
	count(vs) == 6
	{v.pointer | some v in vs} == {"/datacenters/0"}
}

test_no_fire_suppression_fails if {
	some v in violations([site({"physicalProtection": all_in_place, "fireSuppression": {"type": "none"}})])
	v.pointer == "/datacenters/0/fireSuppression/type"
}

test_no_operated_datacenter_is_reported if {
	vs := violations([site({"ownership": "colocation"})])
	count(vs) == 1
	some v in vs
	v.pointer == "/datacenters"
	vs2 := dc_physical.violations with input as {"provider": operator} with data.resilcheck.run as run
	some w in vs2
	w.pointer == ""
}

test_not_applicable_for_small_own_site if {
	own := {"name": "Small", "categories": ["value-added"], "origin": "domestic", "metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 999999, "ictRevenueKRW": 10000000000}}
	not dc_physical.applies with input as {"provider": own, "datacenters": [site({})]} with data.resilcheck.run as run
}
