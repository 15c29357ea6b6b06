package resilcheck.controls.dc_zone_isolation_test

import data.resilcheck.controls.dc_zone_isolation

run := {"as_of": "2022-10-15"}

operator := {
	"name": "Example DC",
	"categories": ["datacenter-operator"],
	"origin": "domestic",
	"metrics": {"window": {"from": "2021-10-01", "to": "2021-12-31"}},
}

site(extra) := object.union({"id": "dc1", "name": "DC 1", "operator": "Example DC", "ownership": "own", "serverRoomAreaM2": 500}, extra)

violations(extra) := vs if {
	vs := dc_zone_isolation.violations with input as {"provider": operator, "datacenters": [site(extra)]} with data.resilcheck.run as run
}

test_zone_isolation_and_bypass_pass if {
	count(violations({"zonePowerIsolation": true, "ups": {"bypass": true}})) == 0
}

test_no_zone_isolation_fails if {
	vs := violations({"zonePowerIsolation": false, "ups": {"bypass": true}})
	count(vs) == 1
	some v in vs
	v.pointer == "/datacenters/0/zonePowerIsolation"
	v.evidence.zone_power_isolation == false
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

test_applies_before_the_2024_guideline if {
	# Pangyo, 2022: the general protective-measure duty already bound the operator.
	dc_zone_isolation.applies with input as {"provider": operator, "datacenters": [site({})]} with data.resilcheck.run as run
}
