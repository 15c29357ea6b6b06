package resilcheck.controls.dm_core_functions_test

import data.resilcheck.controls.dm_core_functions

run := {"as_of": "2026-11-22"}

major := {
	"name": "Example",
	"categories": ["value-added"],
	"origin": "domestic",
	"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 20000000},
}

sites := [
	{"id": "a1", "name": "a1", "operator": "op", "ownership": "own", "building": "tower-a"},
	{"id": "a2", "name": "a2", "operator": "op", "ownership": "own", "building": "tower-a"},
	{"id": "b", "name": "b", "operator": "op", "ownership": "own"},
]

svc(fn, deployments) := {"provider": major, "datacenters": sites, "services": [{"id": "s", "name": "s", "coreFunction": fn, "deployments": deployments}]}

violations(m) := vs if {
	vs := dm_core_functions.violations with input as m with data.resilcheck.run as run
}

test_cases if {
	cases := [
		{"name": "active-active in two buildings", "m": svc("messaging", [{"datacenter": "a1", "mode": "active"}, {"datacenter": "b", "mode": "active"}]), "want": 0},
		{"name": "standby does not count", "m": svc("messaging", [{"datacenter": "a1", "mode": "active"}, {"datacenter": "b", "mode": "standby"}]), "want": 1},
		{"name": "cold does not count", "m": svc("authentication", [{"datacenter": "a1", "mode": "active"}, {"datacenter": "b", "mode": "cold"}]), "want": 1},
		{"name": "one building", "m": svc("authentication", [{"datacenter": "a1", "mode": "active"}, {"datacenter": "a2", "mode": "active"}]), "want": 1},
		{"name": "other functions not judged", "m": svc("maps", [{"datacenter": "a1", "mode": "active"}]), "want": 0},
	]
	every c in cases {
		count(violations(c.m)) == c.want
	}
}

test_single_site_names_the_standby if {
	some v in violations(svc("messaging", [{"datacenter": "a1", "mode": "active"}, {"datacenter": "b", "mode": "standby"}]))
	v.pointer == "/services/0/deployments"
	v.evidence.active_datacenters == ["a1"]
	v.evidence.other_deployments == ["b (standby)"]
}

test_one_building_names_it if {
	some v in violations(svc("authentication", [{"datacenter": "a1", "mode": "active"}, {"datacenter": "a2", "mode": "active"}]))
	v.evidence.building == "tower-a"
}

test_undeclared_building_is_its_own if {
	count(violations(svc("messaging", [{"datacenter": "b", "mode": "active"}, {"datacenter": "a1", "mode": "active"}]))) == 0
}

test_applies_only_with_a_core_function if {
	dm_core_functions.applies with input as svc("messaging", [{"datacenter": "b", "mode": "active"}]) with data.resilcheck.run as run
	not dm_core_functions.applies with input as svc("maps", [{"datacenter": "b", "mode": "active"}]) with data.resilcheck.run as run
}
