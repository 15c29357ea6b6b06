package resilcheck.controls.dm_redundancy_test

import data.resilcheck.controls.dm_redundancy

run := {"as_of": "2026-11-22"}

major := {
	"name": "Example",
	"categories": ["value-added"],
	"origin": "domestic",
	"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 20000000},
}

sites := [
	{"id": "east", "name": "east", "operator": "op-a", "ownership": "own", "building": "b-east", "powerFeeds": ["sub-e"]},
	{"id": "west", "name": "west", "operator": "op-b", "ownership": "own", "building": "b-west", "powerFeeds": ["sub-w"]},
	{"id": "annex", "name": "annex", "operator": "op-b", "ownership": "own", "building": "b-west", "powerFeeds": ["sub-a"]},
]

manifest(svcs) := {"provider": major, "datacenters": sites, "services": svcs}

active(d) := {"datacenter": d, "mode": "active"}

test_passes_when_every_service_is_active_in_two_buildings if {
	m := manifest([
		{"id": "login", "name": "login", "critical": true, "deployments": [active("east"), active("west")], "data": {"replicaDatacenters": ["west"]}},
		{"id": "talk", "name": "talk", "dependsOn": ["login"], "deployments": [active("east"), active("annex")]},
	])
	dm_redundancy.applies with input as m with data.resilcheck.run as run
	count(dm_redundancy.violations) == 0 with input as m with data.resilcheck.run as run
}

test_fails_naming_the_datacenter_and_the_chain if {
	m := manifest([
		{"id": "login", "name": "login", "deployments": [active("east")]},
		{"id": "talk", "name": "talk", "dependsOn": ["login"], "deployments": [active("east"), active("west")]},
	])
	vs := dm_redundancy.violations with input as m with data.resilcheck.run as run
	some v in vs
	v.pointer == "/services/1"
	v.evidence.failure_domain.id == "east"
	v.evidence.reason == "dependency-lost"
	v.msg == "talk is unavailable when datacenter east is lost: talk -> login -> only active in east"
	count(vs) == 2
}

test_fails_when_both_sites_share_a_building if {
	m := manifest([{"id": "talk", "name": "talk", "deployments": [active("west"), active("annex")]}])
	some v in dm_redundancy.violations with input as m with data.resilcheck.run as run
	v.evidence.failure_domain == {"kind": "building", "id": "b-west", "datacenters": ["annex", "west"]}
	v.msg == "talk is unavailable when building b-west is lost (taking down annex, west): talk -> only active in annex, west"
}

test_failover_within_rto_passes if {
	m := manifest([
		{"id": "tool", "name": "tool", "deployments": [active("east"), active("west")]},
		{"id": "talk", "name": "talk", "deployments": [active("east"), {"datacenter": "west", "mode": "standby", "recoveryMinutes": 20}], "recovery": {"rtoMinutes": 30, "performedBy": "tool"}},
	])
	count(dm_redundancy.violations) == 0 with input as m with data.resilcheck.run as run
}

test_active_copy_in_a_second_site_counts_as_a_data_copy if {
	m := manifest([{"id": "pay", "name": "pay", "critical": true, "deployments": [active("east"), active("west")], "data": {"replication": "none"}}])
	count(dm_redundancy.violations) == 0 with input as m with data.resilcheck.run as run
}

test_backup_in_another_site_counts_as_a_data_copy if {
	m := manifest([{"id": "pay", "name": "pay", "critical": true, "deployments": [active("east")], "data": {"backups": [{"datacenter": "west"}]}}])
	vs := dm_redundancy.violations with input as m with data.resilcheck.run as run
	every v in vs {
		v.pointer == "/services/0"
	}
	count(vs) == 1
}

test_critical_data_without_copy_elsewhere_fails if {
	m := manifest([
		{"id": "pay", "name": "pay", "critical": true, "deployments": [active("east"), {"datacenter": "west", "mode": "cold", "recoveryMinutes": 10}], "recovery": {"rtoMinutes": 60}, "data": {"replication": "none"}},
	])
	some v in dm_redundancy.violations with input as m with data.resilcheck.run as run
	v.pointer == "/services/0/data"
	v.evidence.data_datacenters == ["east"]
}

test_not_applicable_to_small_providers if {
	small := object.union(major, {"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 500000}})
	not dm_redundancy.applies with input as {"provider": small} with data.resilcheck.run as run
}

test_not_applicable_before_the_bcda_scope_existed if {
	# Kakao's 2022 metrics: bound by the TBA stability duty, not yet by BCDA Art. 35.
	kakao := object.union(major, {"metrics": {"window": {"from": "2021-10-01", "to": "2021-12-31"}, "dailyAverageUsers": 40000000, "trafficSharePercent": 1.2}})
	m := {"provider": kakao, "datacenters": sites, "services": [{"id": "talk", "name": "talk", "deployments": [active("east")]}]}
	not dm_redundancy.applies with input as m with data.resilcheck.run as {"as_of": "2022-10-15"}
	dm_redundancy.applies with input as m with data.resilcheck.run as {"as_of": "2023-07-04"}
}

test_not_applicable_without_services if {
	not dm_redundancy.applies with input as {"provider": major, "datacenters": sites} with data.resilcheck.run as run
}
