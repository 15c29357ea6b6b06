package resilcheck.controls.dc_physical_test

import data.resilcheck.controls.dc_physical

run := {"as_of": "2026-11-22"}

window := {"from": "2025-10-01", "to": "2025-12-31"}

operator := {
	"name": "Example DC",
	"categories": ["datacenter-operator"],
	"origin": "domestic",
	"metrics": {"window": window},
}

all_in_place := {
	"accessControl": true,
	"floodProtection": true,
	"earthquakeProtection": true,
	"staffed24x7": true,
	"contingencyPlan": true,
	"intrusionContainment": true,
}

# An SK C&C-like colocation site: the provider runs it (ownership own) in the datacenter
# business, so for others.
site(extra) := object.union({"id": "dc1", "name": "DC 1", "operator": "Example DC", "ownership": "own", "serverRoomAreaM2": 600}, extra)

good := site({"physicalProtection": all_in_place, "fireSuppression": {"type": "gas"}})

m(p, sites) := {"provider": p, "datacenters": sites}

violations_on(doc, as_of) := vs if {
	vs := dc_physical.violations with input as doc with data.resilcheck.run as {"as_of": as_of}
}

violations(sites) := violations_on(m(operator, sites), run.as_of)

applies_on(doc, as_of) if dc_physical.applies with input as doc with data.resilcheck.run as {"as_of": as_of}

reason_on(doc, as_of) := r if {
	r := dc_physical.reason with input as doc with data.resilcheck.run as {"as_of": as_of}
}

test_all_measures_pass if {
	applies_on(m(operator, [good]), run.as_of)
	count(violations([good])) == 0
}

test_each_false_measure_is_named_by_site_and_item if {
	pp := object.union(all_in_place, {"staffed24x7": false, "contingencyPlan": false})
	vs := violations([site({"physicalProtection": pp, "fireSuppression": {"type": "gas"}})])
	{v.pointer | some v in vs} == {"/datacenters/0/physicalProtection/staffed24x7", "/datacenters/0/physicalProtection/contingencyPlan"}
	some v in vs
	v.evidence.measure == "contingencyPlan"
	v.evidence.item == 4
	v.evidence.basis == "Decree Art. 37(2)4"
	v.evidence.label == "law"
}

test_staffing_message_does_not_claim_a_24x7_duty if {
	pp := object.union(all_in_place, {"staffed24x7": false})
	some v in violations([site({"physicalProtection": pp, "fireSuppression": {"type": "gas"}})])
	contains(v.msg, "management staff (recorded as staffed24x7)")
	v.evidence.item == 3
}

test_undeclared_measure_is_named if {
	pp := object.remove(all_in_place, ["floodProtection"])
	vs := violations([site({"physicalProtection": pp, "fireSuppression": {"type": "gas"}})])
	count(vs) == 1
	some v in vs
	v.evidence.missing == "physicalProtection.floodProtection"
	v.evidence.item == 2
	v.pointer == "/datacenters/0/physicalProtection"
}

test_intrusion_containment_is_item_5 if {
	pp := object.union(all_in_place, {"intrusionContainment": false})
	vs := violations([site({"physicalProtection": pp, "fireSuppression": {"type": "gas"}})])
	count(vs) == 1
	some v in vs
	v.pointer == "/datacenters/0/physicalProtection/intrusionContainment"
	v.evidence.basis == "Decree Art. 37(2)5"
}

test_nothing_declared_lists_every_item if {
	vs := violations([site({})])
	count(vs) == 7
	{v.pointer | some v in vs} == {"/datacenters/0"}
	{v.evidence.item | some v in vs} == {1, 2, 3, 4, 5}
}

test_no_fire_suppression_fails if {
	some v in violations([site({"physicalProtection": all_in_place, "fireSuppression": {"type": "none"}})])
	v.pointer == "/datacenters/0/fireSuppression/type"
	v.evidence.item == 2
}

# Rewritten for the per-site scope: rented, non-exclusive space is the colocation operator's
# to protect; the tenant is not a 46(1) operator and the control does not apply.
test_rented_space_only_is_not_applicable_with_reason if {
	doc := m(operator, [site({"ownership": "colocation"})])
	not applies_on(doc, run.as_of)
	count(violations_on(doc, run.as_of)) == 0
	r := reason_on(doc, run.as_of)
	contains(r.en, "colocation operator under Network Act 46(1)1: no site run for others")
	contains(r.en, "exclusive lessee under Network Act 46(7): no exclusively leased site")
	not applies_on({"provider": operator}, run.as_of)
}

test_operated_for_others_without_the_category_is_a_colocation_site if {
	p := object.union(operator, {"categories": ["value-added"]})
	doc := m(p, [site({"operatedFor": ["others"]})])
	some v in violations_on(doc, run.as_of)
	v.evidence.datacenter == "dc1"

	# Without operatedFor and without the category, the site is an own-use site, which needs
	# the users and revenue tests too.
	not applies_on(m(p, [site({})]), run.as_of)
}

test_floor_500_is_bound_and_499_99_is_not if {
	applies_on(m(operator, [site({"serverRoomAreaM2": 500})]), "2023-07-04")
	small := m(operator, [site({"serverRoomAreaM2": 499.99})])
	not applies_on(small, "2023-07-04")
	contains(reason_on(small, "2023-07-04").en, "server-room floor (m2) 499.99 < 500")
}

test_before_2023_07_04_colocation_has_no_size_test_and_items_1_to_4 if {
	tiny := m(operator, [site({"serverRoomAreaM2": 100, "physicalProtection": object.remove(all_in_place, ["intrusionContainment"]), "fireSuppression": {"type": "gas"}})])
	applies_on(tiny, "2023-07-03")
	count(violations_on(tiny, "2023-07-03")) == 0
	not applies_on(tiny, "2023-07-04")
}

test_older_wording_is_labelled if {
	doc := m(operator, [site({"physicalProtection": object.union(all_in_place, {"accessControl": false}), "fireSuppression": {"type": "gas"}})])
	vs := violations_on(doc, "2022-10-15")
	count(vs) == 1
	some v in vs
	v.evidence.label == "law-older-wording-reported"
	endswith(v.msg, "(older wording reported)")
}

test_before_2009_01_28_is_not_verifiable if {
	doc := m(operator, [good])
	not applies_on(doc, "2009-01-27")

	# The wording before 2009-01-28 is not in the statute texts, and this provider is a
	# colocation operator: the reason says so.
	startswith(reason_on(doc, "2009-01-27").en, "not verifiable on 2009-01-27: the wording before 2009-01-28")
	applies_on(doc, "2009-01-28")
}

own_user := {
	"name": "Big",
	"categories": ["value-added"],
	"origin": "domestic",
	"metrics": {"window": {"from": "2022-10-01", "to": "2022-12-31"}, "dailyAverageUsers": 1000000, "ictRevenueKRW": 10000000000},
}

test_own_use_operator_bound_from_2023_07_04 if {
	doc := m(own_user, [site({})])
	not applies_on(doc, "2023-07-03")
	r := reason_on(doc, "2023-07-03")
	contains(r.en, "own-datacenter operator under Network Act 46(1)2: not in force until 2023-07-04")
	contains(r.ko, "2023-07-04부터 시행")
	applies_on(doc, "2023-07-04")
	count(violations_on(doc, "2023-07-04")) == 7
}

test_not_applicable_for_own_site_below_users if {
	small := object.union(own_user, {"metrics": {"dailyAverageUsers": 999999}})
	doc := m(small, [site({})])
	not applies_on(doc, run.as_of)
	contains(reason_on(doc, run.as_of).en, "dailyAverageUsers 999,999 < 1,000,000")
}

test_exclusive_lessee_with_a_tiny_site_is_bound_from_2023_07_04 if {
	p := {"name": "Tenant", "categories": ["value-added"], "origin": "domestic", "metrics": {"window": window}}
	doc := m(p, [site({"ownership": "leased-exclusive", "serverRoomAreaM2": 10, "physicalProtection": object.union(all_in_place, {"accessControl": false}), "fireSuppression": {"type": "gas"}})])
	not applies_on(doc, "2023-07-03")
	contains(reason_on(doc, "2023-07-03").en, "exclusive lessee under Network Act 46(7): not in force until 2023-07-04")
	vs := violations_on(doc, "2023-07-04")
	count(vs) == 1
	some v in vs
	v.evidence.basis == "Decree Art. 41 1 applying Art. 37(2)1"
}

test_public_institution_excluded_from_2023_07_04 if {
	p := object.union(operator, {"publicInstitution": true})
	doc := m(p, [site({})])
	not applies_on(doc, run.as_of)
	contains(reason_on(doc, run.as_of).en, "public institution (Network Decree 37(1) proviso)")

	# The older 46(1) knew no such exclusion (older wording reported).
	applies_on(doc, "2023-07-03")
}

test_second_site_pointer_is_precise if {
	vs := violations([good, site({"id": "dc2", "physicalProtection": object.union(all_in_place, {"earthquakeProtection": false}), "fireSuppression": {"type": "water"}})])
	count(vs) == 1
	some v in vs
	v.pointer == "/datacenters/1/physicalProtection/earthquakeProtection"
	v.evidence.datacenter == "dc2"
}

# Every undeclared measure points at the site: each is keyed by its field.
test_findings_at_one_site_are_keyed_by_field if {
	{v.key | some v in violations([site({})])} == {
		"physicalProtection.accessControl", "physicalProtection.floodProtection",
		"physicalProtection.earthquakeProtection", "physicalProtection.staffed24x7",
		"physicalProtection.contingencyPlan", "physicalProtection.intrusionContainment",
		"fireSuppression",
	}
	some v in violations([site({"physicalProtection": object.union(all_in_place, {"floodProtection": false}), "fireSuppression": {"type": "gas"}})])
	v.key == "physicalProtection.floodProtection"
}
