package resilcheck.controls.dc_generators_test

import data.resilcheck.controls.dc_generators

run := {"as_of": "2026-11-22"}

operator := {
	"name": "Example DC",
	"categories": ["datacenter-operator"],
	"origin": "domestic",
	"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}},
}

site(extra) := object.union({"id": "dc1", "name": "DC 1", "operator": "Example DC", "ownership": "own", "serverRoomAreaM2": 500}, extra)

violations(extra) := vs if {
	vs := dc_generators.violations with input as {"provider": operator, "datacenters": [site(extra)]} with data.resilcheck.run as run
}

good := {"generators": {"count": 1, "redundancy": "N+1"}, "ups": {"redundancy": "2N"}}

test_one_redundant_generator_and_ups_pass if {
	count(violations(good)) == 0
}

test_zero_generators_fail if {
	vs := violations(object.union(good, {"generators": {"count": 0, "redundancy": "N+1"}}))
	count(vs) == 1
	some v in vs
	v.pointer == "/datacenters/0/generators/count"
	v.evidence.generators == 0
	v.evidence.min_generators == 1
}

test_plain_n_is_not_redundant if {
	vs := violations(object.union(good, {"generators": {"count": 3, "redundancy": "N"}, "ups": {"redundancy": "N"}}))
	{v.pointer | some v in vs} == {"/datacenters/0/generators/redundancy", "/datacenters/0/ups/redundancy"}
}

test_undeclared_redundancy_fails if {
	vs := violations({"generators": {"count": 2}, "ups": {"redundancy": "2N"}})
	count(vs) == 1
	some v in vs
	v.pointer == "/datacenters/0/generators"
	v.evidence.redundancy == null
}

test_missing_plants_ask_for_declarations if {
	vs := violations({})
	count(vs) == 2
	some v in vs
	v.evidence.missing == "generators"
	some w in vs
	w.evidence.equipment == "ups"
	w.pointer == "/datacenters/0"
}

test_not_applicable_before_the_guideline if {
	not dc_generators.applies with input as {"provider": operator, "datacenters": [site({})]} with data.resilcheck.run as {"as_of": "2023-12-31"}
}
