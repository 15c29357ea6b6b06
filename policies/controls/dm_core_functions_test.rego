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
		{"name": "two datacenters in one building", "m": svc("authentication", [{"datacenter": "a1", "mode": "active"}, {"datacenter": "a2", "mode": "active"}]), "want": 0},
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

# REGULATIONS.md DM-CORE-FUNCTIONS: "active in ≥ 2 sites (not cold standby)". One active site
# fails; two active datacenters pass even in one building (that loss is DM-REDUNDANCY's).
test_threshold_is_two_active_datacenters if {
	[one] := [v | some v in violations(svc("authentication", [{"datacenter": "a1", "mode": "active"}]))]
	one.evidence.active_datacenters == ["a1"]
	one.evidence.min_active_datacenters == 2
	count(violations(svc("authentication", [{"datacenter": "a1", "mode": "active"}, {"datacenter": "a2", "mode": "active"}]))) == 0
	[none] := [v | some v in violations(svc("messaging", [{"datacenter": "a1", "mode": "standby"}, {"datacenter": "a2", "mode": "cold"}]))]
	none.evidence.active_datacenters == []
	contains(none.msg, "active only in no datacenter")
}

test_applies_only_with_a_core_function if {
	dm_core_functions.applies with input as svc("messaging", [{"datacenter": "b", "mode": "active"}]) with data.resilcheck.run as run
	not dm_core_functions.applies with input as svc("maps", [{"datacenter": "b", "mode": "active"}]) with data.resilcheck.run as run
}

reason_on(m, as_of) := r if {
	r := dm_core_functions.reason with input as m with data.resilcheck.run as {"as_of": as_of}
}

kakao := object.union(major, {"metrics": {"window": {"from": "2021-10-01", "to": "2021-12-31"}, "dailyAverageUsers": 40000000, "trafficSharePercent": 1.2}})

single := [{"datacenter": "a1", "mode": "active"}, {"datacenter": "b", "mode": "standby"}]

telco := {"name": "Telco", "categories": ["facilities-based"], "origin": "domestic", "metrics": {"lines": 500000}}

test_day_before_the_order_is_not_in_force if {
	m := object.union(svc("messaging", single), {"provider": telco})
	not dm_core_functions.applies with input as m with data.resilcheck.run as {"as_of": "2022-12-05"}
	count(dm_core_functions.violations) == 0 with input as m with data.resilcheck.run as {"as_of": "2022-12-05"}
	contains(reason_on(m, "2022-12-05").en, "not in force on 2022-12-05")
	some v in dm_core_functions.violations with input as m with data.resilcheck.run as {"as_of": "2022-12-06"}
	v.evidence.active_datacenters == ["a1"]
}

# REGULATIONS.md section A binds 주요방송통신사업자 only: Kakao in 2022 (a service-stability
# duty holder, not yet a major value-added provider) owed nothing here until 2023-07-04.
test_stability_duty_holder_alone_is_not_bound if {
	m := object.union(svc("messaging", single), {"provider": kakao})
	not dm_core_functions.applies with input as m with data.resilcheck.run as {"as_of": "2022-12-06"}
	r := reason_on(m, "2022-12-06")
	contains(r.en, "major value-added provider (BCDA 35(1)4): not in force on 2022-12-06 (from 2023-07-04)")
	not contains(r.en, "22-7")
	dm_core_functions.applies with input as m with data.resilcheck.run as {"as_of": "2023-07-04"}
	mid := object.union(major, {"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 5000000, "trafficSharePercent": 1.5}})
	m2 := object.union(svc("messaging", single), {"provider": mid})
	not dm_core_functions.applies with input as m2 with data.resilcheck.run as run
	contains(reason_on(m2, run.as_of).en, "dailyAverageUsers 5,000,000 < 10,000,000")
}

test_reason_without_a_core_function if {
	reason_on(svc("maps", single), run.as_of).en == "no messaging or authentication service declared (services[].coreFunction)"
}

test_not_applicable_below_every_scope_with_reason if {
	small := object.union(major, {"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 999999, "trafficSharePercent": 0.99}})
	m := object.union(svc("messaging", single), {"provider": small})
	not dm_core_functions.applies with input as m with data.resilcheck.run as run
	contains(reason_on(m, run.as_of).en, "trafficSharePercent 0.99% < 2%")
}

test_carrier_is_judged if {
	carrier := {"name": "Telco", "categories": ["facilities-based"], "origin": "domestic", "metrics": {"lines": 500000}}
	m := object.union(svc("messaging", single), {"provider": carrier})
	count(violations(m)) == 1
}

test_major_datacenter_operator_built_from_a_site if {
	idc := {
		"name": "IDC",
		"categories": ["datacenter-operator"],
		"origin": "domestic",
		"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "revenueKRW": 10000000000},
	}
	m := object.union(svc("authentication", single), {"provider": idc, "datacenters": array.concat(sites, [{"id": "dc1", "name": "dc1", "operator": "idc", "ownership": "own", "serverRoomAreaM2": 22500}])})
	dm_core_functions.applies with input as m with data.resilcheck.run as run
	count(violations(m)) == 1
}
