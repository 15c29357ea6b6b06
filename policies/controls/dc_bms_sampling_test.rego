package resilcheck.controls.dc_bms_sampling_test

import data.resilcheck.controls.dc_bms_sampling

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
	vs := dc_bms_sampling.violations with input as d with data.resilcheck.run as {"as_of": as_of}
}

violations(battery) := violations_on(doc(battery), run.as_of)

applies_on(d, as_of) if dc_bms_sampling.applies with input as d with data.resilcheck.run as {"as_of": as_of}

reason_on(d, as_of) := r if {
	r := dc_bms_sampling.reason with input as d with data.resilcheck.run as {"as_of": as_of}
}

test_exactly_ten_seconds_passes if {
	applies_on(doc({"chemistry": "lithium-ion", "monitoringSamplingSeconds": 10}), run.as_of)
	count(violations({"chemistry": "lithium-ion", "monitoringSamplingSeconds": 10})) == 0
}

test_10_1_seconds_is_below_the_guideline if {
	vs := violations({"chemistry": "lithium-ion", "monitoringSamplingSeconds": 10.1})
	count(vs) == 1
	some v in vs
	v.pointer == "/datacenters/0/ups/battery/monitoringSamplingSeconds"
	v.evidence.sampling_seconds == 10.1
	v.evidence.limit_seconds == 10
	v.evidence.limit_label == "guideline"
	contains(v.msg, "is below the reported 2024 MSIT guideline: its battery monitoring samples every 10.1 s, less often than every 10 s")
}

test_message_reads_the_parameter if {
	vs := dc_bms_sampling.violations with input as doc({"chemistry": "lithium-ion", "monitoringSamplingSeconds": 10})
		with data.resilcheck.run as run
		with data.resilcheck.overrides as {"dc_bms_max_sampling_seconds": 5}
	some v in vs
	contains(v.msg, "less often than every 5 s")
}

test_undeclared_interval_fails if {
	some v in violations({"chemistry": "lithium-ion"})
	v.evidence.missing == "ups.battery.monitoringSamplingSeconds"
	v.pointer == "/datacenters/0/ups/battery"
}

test_other_chemistries_are_not_applicable_with_reason if {
	d := doc({"chemistry": "lead-acid", "monitoringSamplingSeconds": 60})
	not applies_on(d, run.as_of)
	reason_on(d, run.as_of).en == "no protected site runs a lithium-ion UPS battery"
}

test_day_before_the_guideline_is_not_in_force_with_reason if {
	d := doc({"chemistry": "lithium-ion", "monitoringSamplingSeconds": 60})
	not applies_on(d, "2023-12-31")
	reason_on(d, "2023-12-31").en == "not in force on 2023-12-31 (in force from 2024-01-01)"
	count(violations_on(d, "2023-12-31")) == 0
	count(violations_on(d, "2024-01-01")) == 1
}

test_not_applicable_in_2022 if {
	not applies_on(doc({"chemistry": "lithium-ion", "monitoringSamplingSeconds": 60}), "2022-10-15")
}

test_exclusive_lessee_with_a_tiny_site_is_judged if {
	tenant := object.union(operator, {"categories": ["value-added"]})
	cage := object.union(site({"chemistry": "lithium-ion", "monitoringSamplingSeconds": 30}), {"ownership": "leased-exclusive", "serverRoomAreaM2": 5})
	some v in violations_on({"provider": tenant, "datacenters": [cage]}, run.as_of)
	v.evidence.sampling_seconds == 30
}

test_public_institution_is_not_under_dc_protect if {
	d := {"provider": object.union(operator, {"publicInstitution": true}), "datacenters": [site({"chemistry": "lithium-ion"})]}
	not applies_on(d, run.as_of)
	contains(reason_on(d, run.as_of).en, "public institution")
}
