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

li(separated) := {"ups": {"battery": {"chemistry": "lithium-ion", "separatedFromUps": separated}}}

doc(sites) := {"provider": operator, "datacenters": sites}

violations_on(d, as_of) := vs if {
	vs := dc_battery_separation.violations with input as d with data.resilcheck.run as {"as_of": as_of}
}

violations(sites) := violations_on(doc(sites), run.as_of)

applies_on(d, as_of) if dc_battery_separation.applies with input as d with data.resilcheck.run as {"as_of": as_of}

reason_on(d, as_of) := r if {
	r := dc_battery_separation.reason with input as d with data.resilcheck.run as {"as_of": as_of}
}

test_separated_lithium_passes if {
	applies_on(doc([site(li(true))]), run.as_of)
	count(violations([site(li(true))])) == 0
}

test_unseparated_lithium_is_below_the_guideline if {
	vs := violations([site(li(false))])
	count(vs) == 1
	some v in vs
	v.pointer == "/datacenters/0/ups/battery/separatedFromUps"
	v.evidence.separated_from_ups == false
	v.evidence.label == "guideline"
	contains(v.msg, "is below the reported 2024 MSIT guideline: ")
	not contains(v.msg, "breach")
}

test_undeclared_separation_fails if {
	some v in violations([site({"ups": {"battery": {"chemistry": "lithium-ion"}}})])
	v.evidence.missing == "ups.battery.separatedFromUps"
	v.pointer == "/datacenters/0/ups/battery"
}

test_lead_acid_only_is_not_applicable_with_reason if {
	d := doc([site({"ups": {"battery": {"chemistry": "lead-acid", "separatedFromUps": false}}})])
	not applies_on(d, run.as_of)
	count(violations_on(d, run.as_of)) == 0
	startswith(reason_on(d, run.as_of).en, "no protected site runs a lithium-ion UPS battery")
}

test_missing_ups_asks_for_declaration if {
	some v in violations([site({})])
	v.pointer == "/datacenters/0"
	v.evidence.missing == "ups.battery"
	some w in violations([site({"ups": {"bypass": true}})])
	w.pointer == "/datacenters/0/ups"
}

test_rotary_ups_has_no_battery_to_declare if {
	d := doc([site({"ups": {"kind": "rotary", "bypass": true}})])
	not applies_on(d, run.as_of)
	startswith(reason_on(d, run.as_of).en, "no protected site runs a lithium-ion UPS battery")
}

test_static_ups_without_battery_still_asks if {
	some v in violations([site({"ups": {"kind": "static", "bypass": true}})])
	v.evidence.missing == "ups.battery"
}

test_rotary_ups_with_lithium_battery_is_still_judged if {
	some v in violations([site({"ups": {"kind": "rotary", "battery": {"chemistry": "lithium-ion", "separatedFromUps": false}}})])
	v.pointer == "/datacenters/0/ups/battery/separatedFromUps"
}

test_rented_colocation_space_is_not_judged if {
	sites := [
		site(li(true)),
		object.union(site(li(false)), {"id": "rented", "ownership": "colocation"}),
	]
	count(violations(sites)) == 0
}

test_second_site_pointer_is_precise if {
	sites := [site(li(true)), object.union(site(li(false)), {"id": "dc2", "ownership": "leased-exclusive"})]
	some v in violations(sites)
	v.pointer == "/datacenters/1/ups/battery/separatedFromUps"
	v.evidence.datacenter == "dc2"
}

test_only_sites_under_dc_protect_floor_500_vs_499_99 if {
	applies_on(doc([site(li(false))]), run.as_of)
	small := doc([object.union(site(li(false)), {"serverRoomAreaM2": 499.99})])
	not applies_on(small, run.as_of)
	contains(reason_on(small, run.as_of).en, "server-room floor (m2) 499.99 < 500")
}

test_day_before_the_guideline_is_not_in_force_with_reason if {
	d := doc([site(li(false))])
	not applies_on(d, "2023-12-31")
	reason_on(d, "2023-12-31").en == "not in force on 2023-12-31 (in force from 2024-01-01)"
	count(violations_on(d, "2023-12-31")) == 0
	count(violations_on(d, "2024-01-01")) == 1
}

test_exclusive_lessee_with_a_tiny_site_is_judged if {
	tenant := object.union(operator, {"categories": ["value-added"]})
	d := {"provider": tenant, "datacenters": [object.union(site(li(false)), {"ownership": "leased-exclusive", "serverRoomAreaM2": 8})]}
	some v in violations_on(d, run.as_of)
	v.evidence.datacenter == "dc1"
}

test_public_institution_is_not_under_dc_protect if {
	d := {"provider": object.union(operator, {"publicInstitution": true}), "datacenters": [site(li(false))]}
	not applies_on(d, run.as_of)
	contains(reason_on(d, run.as_of).en, "public institution (Network Decree 37(1) proviso)")
}
