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

violations(battery) := vs if {
	vs := dc_bms_sampling.violations with input as {"provider": operator, "datacenters": [site(battery)]} with data.resilcheck.run as run
}

test_exactly_ten_seconds_passes if {
	count(violations({"chemistry": "lithium-ion", "monitoringSamplingSeconds": 10})) == 0
}

test_over_ten_seconds_fails if {
	vs := violations({"chemistry": "lithium-ion", "monitoringSamplingSeconds": 10.5})
	count(vs) == 1
	some v in vs
	v.pointer == "/datacenters/0/ups/battery/monitoringSamplingSeconds"
	v.evidence.sampling_seconds == 10.5
	v.evidence.limit_seconds == 10
	v.evidence.limit_label == "guideline"
}

test_undeclared_interval_fails if {
	some v in violations({"chemistry": "lithium-ion"})
	v.evidence.missing == "ups.battery.monitoringSamplingSeconds"
	v.pointer == "/datacenters/0/ups/battery"
}

test_other_chemistries_not_judged if {
	count(violations({"chemistry": "lead-acid", "monitoringSamplingSeconds": 60})) == 0
}

test_not_applicable_before_the_guideline if {
	m := {"provider": operator, "datacenters": [site({"chemistry": "lithium-ion", "monitoringSamplingSeconds": 60})]}
	not dc_bms_sampling.applies with input as m with data.resilcheck.run as {"as_of": "2022-10-15"}
	dc_bms_sampling.applies with input as m with data.resilcheck.run as run
}
