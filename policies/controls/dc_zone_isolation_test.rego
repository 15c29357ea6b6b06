package resilcheck.controls.dc_zone_isolation_test

import data.resilcheck.controls.dc_zone_isolation

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
	vs := dc_zone_isolation.violations with input as d with data.resilcheck.run as {"as_of": as_of}
}

violations(extra) := violations_on(doc(extra), run.as_of)

applies_on(d, as_of) if dc_zone_isolation.applies with input as d with data.resilcheck.run as {"as_of": as_of}

reason_on(d, as_of) := r if {
	r := dc_zone_isolation.reason with input as d with data.resilcheck.run as {"as_of": as_of}
}

test_zone_isolation_and_bypass_pass if {
	applies_on(doc({}), run.as_of)
	count(violations({"zonePowerIsolation": true, "ups": {"bypass": true}})) == 0
}

test_no_zone_isolation_is_below_the_guideline if {
	vs := violations({"zonePowerIsolation": false, "ups": {"bypass": true}})
	count(vs) == 1
	some v in vs
	v.pointer == "/datacenters/0/zonePowerIsolation"
	v.evidence.zone_power_isolation == false
	contains(v.msg, "is below the reported 2024 MSIT guideline: power cannot be cut zone by zone")
}

test_no_bypass_fails if {
	vs := violations({"zonePowerIsolation": true, "ups": {"bypass": false}})
	count(vs) == 1
	some v in vs
	v.pointer == "/datacenters/0/ups/bypass"
}

test_undeclared_capabilities_fail if {
	vs := violations({})
	{v.evidence.missing | some v in vs} == {"zonePowerIsolation", "ups.bypass"}
	{v.pointer | some v in vs} == {"/datacenters/0"}
	ws := violations({"zonePowerIsolation": true, "ups": {"redundancy": "2N"}})
	some w in ws
	w.pointer == "/datacenters/0/ups"
}

test_pangyo_2022_is_before_the_guideline if {
	# The 2022 fire predates the reported 2024 guideline: the general protective measures of
	# Decree 37(2) are KR-NETACT-46-PROTECTION's, not this item's.
	not applies_on(doc({"zonePowerIsolation": false}), "2022-10-15")
	reason_on(doc({}), "2022-10-15").en == "not in force on 2022-10-15 (in force from 2024-01-01)"
}

test_day_before_the_guideline_is_not_in_force_with_reason if {
	d := doc({"zonePowerIsolation": false, "ups": {"bypass": true}})
	not applies_on(d, "2023-12-31")
	reason_on(d, "2023-12-31").en == "not in force on 2023-12-31 (in force from 2024-01-01)"
	count(violations_on(d, "2024-01-01")) == 1
}

test_only_sites_under_dc_protect if {
	small := doc({"serverRoomAreaM2": 499.99, "zonePowerIsolation": false})
	not applies_on(small, run.as_of)
	contains(reason_on(small, run.as_of).en, "server-room floor (m2) 499.99 < 500")
	rented := {"provider": operator, "datacenters": [site({"zonePowerIsolation": true, "ups": {"bypass": true}}), site({"id": "rented", "ownership": "colocation", "zonePowerIsolation": false})]}
	count(violations_on(rented, run.as_of)) == 0
}

test_exclusive_lessee_with_a_tiny_site_is_judged if {
	tenant := object.union(operator, {"categories": ["value-added"]})
	cage := site({"ownership": "leased-exclusive", "serverRoomAreaM2": 5, "zonePowerIsolation": false, "ups": {"bypass": true}})
	some v in violations_on({"provider": tenant, "datacenters": [cage]}, run.as_of)
	v.pointer == "/datacenters/0/zonePowerIsolation"
}

test_public_institution_is_not_under_dc_protect if {
	d := {"provider": object.union(operator, {"publicInstitution": true}), "datacenters": [site({})]}
	not applies_on(d, run.as_of)
	contains(reason_on(d, run.as_of).en, "public institution")
}

# Both undeclared capabilities point at the site: the keys name the field.
test_findings_are_keyed_by_field if {
	{[v.key, v.pointer] | some v in violations({})} == {["zonePowerIsolation", "/datacenters/0"], ["ups.bypass", "/datacenters/0"]}
	{v.key | some v in violations({"zonePowerIsolation": false, "ups": {"bypass": false}})} == {"zonePowerIsolation", "ups.bypass"}
}
