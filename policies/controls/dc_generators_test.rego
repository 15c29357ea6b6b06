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

doc(extra) := {"provider": operator, "datacenters": [site(extra)]}

violations_on(d, as_of) := vs if {
	vs := dc_generators.violations with input as d with data.resilcheck.run as {"as_of": as_of}
}

violations(extra) := violations_on(doc(extra), run.as_of)

applies_on(d, as_of) if dc_generators.applies with input as d with data.resilcheck.run as {"as_of": as_of}

reason_on(d, as_of) := r if {
	r := dc_generators.reason with input as d with data.resilcheck.run as {"as_of": as_of}
}

good := {"generators": {"count": 1, "redundancy": "N+1"}, "ups": {"redundancy": "2N"}}

test_one_redundant_generator_and_ups_pass if {
	applies_on(doc(good), run.as_of)
	count(violations(good)) == 0
}

test_zero_generators_are_below_the_guideline if {
	vs := violations(object.union(good, {"generators": {"count": 0, "redundancy": "N+1"}}))
	count(vs) == 1
	some v in vs
	v.pointer == "/datacenters/0/generators/count"
	v.evidence.generators == 0
	v.evidence.min_generators == 1
	contains(v.msg, "is below the reported 2024 MSIT guideline: it has 0 standby generator(s), fewer than 1")
}

test_message_reads_the_parameter if {
	vs := dc_generators.violations with input as doc(good)
		with data.resilcheck.run as run
		with data.resilcheck.overrides as {"dc_min_generators": 2}
	some v in vs
	contains(v.msg, "it has 1 standby generator(s), fewer than 2")
}

test_plain_n_is_not_redundant if {
	vs := violations(object.union(good, {"generators": {"count": 3, "redundancy": "N"}, "ups": {"redundancy": "N"}}))
	{v.pointer | some v in vs} == {"/datacenters/0/generators/redundancy", "/datacenters/0/ups/redundancy"}
	some v in vs
	contains(v.msg, "is below the reported 2024 MSIT guideline: its UPS have no spare unit")
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

test_day_before_the_guideline_is_not_in_force_with_reason if {
	d := doc({})
	not applies_on(d, "2023-12-31")
	reason_on(d, "2023-12-31").en == "not in force on 2023-12-31 (in force from 2024-01-01)"
	count(violations_on(d, "2024-01-01")) == 2
}

test_only_sites_under_dc_protect if {
	small := doc({"serverRoomAreaM2": 499.99})
	not applies_on(small, run.as_of)
	contains(reason_on(small, run.as_of).en, "499.99 < 500")
}

test_exclusive_lessee_with_a_tiny_site_is_judged if {
	tenant := object.union(operator, {"categories": ["value-added"]})
	cage := site(object.union(good, {"ownership": "leased-exclusive", "serverRoomAreaM2": 5, "generators": {"count": 0, "redundancy": "N+1"}}))
	some v in violations_on({"provider": tenant, "datacenters": [cage]}, run.as_of)
	v.evidence.generators == 0
}

test_public_institution_is_not_under_dc_protect if {
	d := {"provider": object.union(operator, {"publicInstitution": true}), "datacenters": [site({})]}
	not applies_on(d, run.as_of)
	contains(reason_on(d, run.as_of).en, "public institution")
}

# Both missing plants point at the site: the keys name the equipment.
test_findings_are_keyed_by_equipment if {
	{[v.key, v.pointer] | some v in violations({})} == {["generators", "/datacenters/0"], ["ups.redundancy", "/datacenters/0"]}
	{v.key | some v in violations({"generators": {"count": 0, "redundancy": "N"}, "ups": {"redundancy": "2N"}})} == {"generators.count", "generators.redundancy"}
}
