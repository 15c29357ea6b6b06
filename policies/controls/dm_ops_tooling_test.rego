package resilcheck.controls.dm_ops_tooling_test

import data.resilcheck.controls.dm_ops_tooling

run := {"as_of": "2026-11-22"}

major := {
	"name": "Example",
	"categories": ["value-added"],
	"origin": "domestic",
	"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 20000000},
}

sites := [
	{"id": "pangyo", "name": "pangyo", "operator": "op", "ownership": "colocation", "building": "campus", "powerFeeds": ["sub-p"]},
	{"id": "pangyo-2", "name": "pangyo-2", "operator": "op", "ownership": "colocation", "building": "campus", "powerFeeds": ["sub-p2"]},
	{"id": "anyang", "name": "anyang", "operator": "op", "ownership": "colocation", "building": "anyang", "powerFeeds": ["sub-a"]},
]

active(d) := {"datacenter": d, "mode": "active"}

standby(d) := {"datacenter": d, "mode": "standby", "recoveryMinutes": 30}

manifest(tool_sites) := {"provider": major, "datacenters": sites, "services": [
	{"id": "ops", "name": "ops", "coreFunction": "operations-tooling", "deployments": [active(d) | some d in tool_sites]},
	{"id": "talk", "name": "talk", "critical": true, "deployments": [active("pangyo"), standby("anyang")], "recovery": {"rtoMinutes": 60, "performedBy": "ops"}},
]}

violations(m) := vs if {
	vs := dm_ops_tooling.violations with input as m with data.resilcheck.run as run
}

test_tooling_only_in_the_failed_site_fails if {
	vs := violations(manifest(["pangyo"]))

	# runs in one site; lost with the datacenter (and its substation); lost with the campus
	count(vs) == 3
	some single in vs
	single.pointer == "/services/0/deployments"
	single.evidence.datacenters == ["pangyo"]
	some lost in vs
	lost.pointer == "/services/0"
	lost.evidence.failure_domain.id == "pangyo"
	lost.evidence.same_loss == ["power-feed sub-p"]
	lost.evidence.services == ["talk"]
}

test_tooling_in_two_sites_of_one_building_is_lost_with_the_building if {
	vs := violations(manifest(["pangyo", "pangyo-2"]))
	count(vs) == 1
	some v in vs
	v.evidence.failure_domain.kind == "building"
	v.evidence.failure_domain.id == "campus"
}

test_tooling_in_two_independent_sites_passes if {
	count(violations(manifest(["pangyo", "anyang"]))) == 0
}

test_tooling_depending_on_a_service_lost_with_the_site_fails if {
	m := {"provider": major, "datacenters": sites, "services": [
		{"id": "sso", "name": "sso", "deployments": [active("pangyo")]},
		{"id": "ops", "name": "ops", "dependsOn": ["sso"], "deployments": [active("pangyo"), active("anyang")]},
		{"id": "talk", "name": "talk", "critical": true, "deployments": [active("pangyo"), standby("anyang")], "recovery": {"performedBy": "ops"}},
	]}
	some v in violations(m)
	v.evidence.tool_chain == ["ops", "sso", "only active in pangyo"]
}

test_operations_tooling_dependency_is_judged_too if {
	m := {"provider": major, "datacenters": sites, "services": [
		{"id": "console", "name": "console", "coreFunction": "operations-tooling", "deployments": [active("anyang")]},
		{"id": "talk", "name": "talk", "critical": true, "dependsOn": ["console"], "deployments": [active("pangyo"), active("anyang")]},
	]}
	vs := violations(m)
	count(vs) == 2
	some v in vs
	v.evidence.tool == "console"
	v.evidence.min_datacenters == 2
	some w in vs
	w.evidence.failure_domain.id == "anyang"
}

test_undeclared_performer_fails if {
	m := {"provider": major, "datacenters": sites, "services": [{"id": "talk", "name": "talk", "critical": true, "deployments": [active("pangyo"), standby("anyang")], "recovery": {"performedBy": "ghost"}}]}
	some v in violations(m)
	v.pointer == "/services/0/recovery/performedBy"
}

test_non_critical_services_are_not_judged if {
	m := {"provider": major, "datacenters": sites, "services": [
		{"id": "ops", "name": "ops", "deployments": [active("pangyo")]},
		{"id": "blog", "name": "blog", "deployments": [active("pangyo"), standby("anyang")], "recovery": {"performedBy": "ops"}},
	]}
	count(violations(m)) == 0
}

reason_on(m, as_of) := r if {
	r := dm_ops_tooling.reason with input as m with data.resilcheck.run as {"as_of": as_of}
}

# Kakao's 2022 metrics: a service-stability duty holder (TBA 22-7), not yet a BCDA major.
kakao := object.union(major, {"metrics": {"window": {"from": "2021-10-01", "to": "2021-12-31"}, "dailyAverageUsers": 40000000, "trafficSharePercent": 1.2}})

telco := {"name": "Telco", "categories": ["facilities-based"], "origin": "domestic", "metrics": {"subscribers": 100000}}

test_day_before_the_order_is_not_in_force if {
	m := object.union(manifest(["pangyo"]), {"provider": telco})
	not dm_ops_tooling.applies with input as m with data.resilcheck.run as {"as_of": "2022-12-05"}
	count(dm_ops_tooling.violations) == 0 with input as m with data.resilcheck.run as {"as_of": "2022-12-05"}
	contains(reason_on(m, "2022-12-05").en, "not in force on 2022-12-05")
	count(dm_ops_tooling.violations) == 3 with input as m with data.resilcheck.run as {"as_of": "2022-12-06"}
}

# REGULATIONS.md section A binds 주요방송통신사업자 only: Kakao in 2022 (a service-stability
# duty holder, not yet a major value-added provider) owed nothing here until 2023-07-04.
test_stability_duty_holder_alone_is_not_bound if {
	m := object.union(manifest(["pangyo"]), {"provider": kakao})
	not dm_ops_tooling.applies with input as m with data.resilcheck.run as {"as_of": "2022-12-06"}
	count(dm_ops_tooling.violations) == 0 with input as m with data.resilcheck.run as {"as_of": "2022-12-06"}
	r := reason_on(m, "2022-12-06")
	contains(r.en, "major value-added provider (BCDA 35(1)4): not in force on 2022-12-06 (from 2023-07-04)")
	not contains(r.en, "22-7")
	count(dm_ops_tooling.violations) == 3 with input as m with data.resilcheck.run as {"as_of": "2023-07-04"}
}

test_not_applicable_below_every_scope_with_reason if {
	small := object.union(major, {"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 999999, "trafficSharePercent": 0.5}})
	m := object.union(manifest(["pangyo"]), {"provider": small})
	not dm_ops_tooling.applies with input as m with data.resilcheck.run as run
	r := reason_on(m, run.as_of)
	contains(r.en, "dailyAverageUsers 999,999 < 10,000,000")
	not contains(r.en, "22-7")
}

test_not_applicable_without_services if {
	m := {"provider": major, "datacenters": sites}
	not dm_ops_tooling.applies with input as m with data.resilcheck.run as run
	startswith(reason_on(m, run.as_of).en, "no services declared")
}

test_carrier_is_judged if {
	carrier := {"name": "Telco", "categories": ["facilities-based"], "origin": "domestic", "metrics": {"subscribers": 100000}}
	m := object.union(manifest(["pangyo"]), {"provider": carrier})
	dm_ops_tooling.applies with input as m with data.resilcheck.run as {"as_of": "2022-12-06"}
}

test_major_datacenter_operator_built_from_a_site if {
	idc := {
		"name": "IDC",
		"categories": ["datacenter-operator"],
		"origin": "domestic",
		"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "revenueKRW": 10000000000},
	}
	own := array.concat(sites, [{"id": "dc1", "name": "dc1", "operator": "idc", "ownership": "own", "serverRoomAreaM2": 22500}])
	m := object.union(manifest(["pangyo"]), {"provider": idc, "datacenters": own})
	dm_ops_tooling.applies with input as m with data.resilcheck.run as run
	count(dm_ops_tooling.violations) == 3 with input as m with data.resilcheck.run as run
	not dm_ops_tooling.applies with input as object.union(m, {"datacenters": sites}) with data.resilcheck.run as run
}

test_keys_name_the_finding if {
	vs := violations(manifest(["pangyo"]))
	{[v.pointer, v.key] | some v in vs} == {
		["/services/0/deployments", "single-site"],
		["/services/0", "lost-with:datacenter:pangyo"],
		["/services/0", "lost-with:building:campus"],
	}
}

# Only a site where a rescued service runs active is a failure its tooling must survive: talk
# keeps only a standby in pangyo (it runs active in anyang), so losing the tool with pangyo
# leaves talk serving and is not reported; the tool's single site still is.
test_tooling_lost_where_the_service_has_only_a_standby_is_not_reported if {
	m := {"provider": major, "datacenters": sites, "services": [
		{"id": "ops", "name": "ops", "coreFunction": "operations-tooling", "deployments": [active("pangyo")]},
		{"id": "talk", "name": "talk", "critical": true, "deployments": [active("anyang"), standby("pangyo")], "recovery": {"rtoMinutes": 60, "performedBy": "ops"}},
	]}
	vs := violations(m)
	{v.key | some v in vs} == {"single-site"}
}
