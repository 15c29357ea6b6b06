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
	some u in vs
	u.pointer == "/services/0"
	u.key == "lost-with:datacenter:east"
	u.msg == "login is unavailable when datacenter east is lost: login -> only active in east"
	some v in vs
	v.pointer == "/services/1"
	v.key == "lost-through:login"
	v.msg == "talk is lost whenever login is lost (with datacenter east)"
	v.msg_ko == "login 서비스가 손실되면 talk 서비스도 이용할 수 없습니다(데이터센터 east 손실 시)"
	v.evidence == {
		"service": "talk",
		"via": "login",
		"lost_with": ["datacenter east"],
		"reason": "dependency-lost",
		"label": "interpretation",
		"example": {"failure": "datacenter east", "chain": ["talk", "login", "only active in east"]},
	}
	count(vs) == 2
}

# A service lost only through a dependency is reported once per dependency link, whichever
# failures take the link's far end down: a chain of n services broken at its foot by k
# failures gives k + n - 1 findings, where one per failure and lost service gave k * n.
test_a_chain_gives_one_finding_per_link_and_per_failure_at_its_foot if {
	n := 10
	svcs := [s |
		some i in numbers.range(1, n)
		s := chain_member(i, n)
	]
	vs := dm_redundancy.violations with input as manifest(svcs) with data.resilcheck.run as run
	count(vs) == 3 + (n - 1)
	{v.key | some v in vs; v.pointer == sprintf("/services/%d", [n - 1])} == {"lost-with:datacenter:east", "lost-with:datacenter:west", "lost-with:building:b-west"}
	links := {[v.evidence.service, v.evidence.via] | some v in vs; startswith(v.key, "lost-through:")}
	links == {[sprintf("s%d", [i]), sprintf("s%d", [i + 1])] | some i in numbers.range(1, n - 1)}
	some foot in vs
	foot.key == sprintf("lost-through:s%d", [n])
	foot.evidence.lost_with == ["building b-west", "datacenter east", "datacenter west"]
	foot.msg == "s9 is lost whenever s10 is lost (with building b-west, datacenter east, datacenter west)"
	some up in vs
	up.key == "lost-through:s2"
	up.msg == "s1 is lost whenever s2 is lost (through its own dependency s3)"
	up.msg_ko == "s2 서비스가 손실되면 s1 서비스도 이용할 수 없습니다(s2 서비스가 의존하는 s3 손실 시)"
	up.evidence.lost_with == []
	up.evidence.via_lost_through == ["s3"]
	not up.evidence.example
}

# chain_member(i, n): s<i> depends on s<i+1>; all but the last run active in three
# datacenters, the last at half capacity in each of east and west, so losing either (or the
# building of west) breaks it in place.
chain_member(i, n) := {"id": sprintf("s%d", [i]), "name": "s", "dependsOn": [sprintf("s%d", [i + 1])], "deployments": [active("east"), active("west"), active("annex")]} if {
	i < n
} else := {"id": sprintf("s%d", [i]), "name": "s", "deployments": [
	{"datacenter": "east", "mode": "active", "capacityPercent": 50},
	{"datacenter": "west", "mode": "active", "capacityPercent": 50},
]}

# A service lost when its failover tooling is lost is broken in place: its chain names the
# tooling and why the tooling is lost, and the tooling's own loss is its own finding.
test_lost_failover_tooling_is_broken_in_place if {
	m := manifest([
		{"id": "tool", "name": "tool", "deployments": [active("east")]},
		{"id": "talk", "name": "talk", "deployments": [active("east"), {"datacenter": "west", "mode": "standby", "recoveryMinutes": 5}], "recovery": {"rtoMinutes": 30, "performedBy": "tool"}},
	])
	vs := dm_redundancy.violations with input as m with data.resilcheck.run as run
	{[v.pointer, v.key] | some v in vs} == {["/services/0", "lost-with:datacenter:east"], ["/services/1", "lost-with:datacenter:east"]}
	some v in vs
	v.pointer == "/services/1"
	v.evidence.reason == "standby-unreachable"
	v.evidence.chain == ["talk", "tool", "only active in east"]
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

test_replicated_data_passes if {
	m := manifest([{"id": "pay", "name": "pay", "deployments": [active("east"), active("west")], "data": {"replication": "sync", "replicaDatacenters": ["west"]}}])
	count(dm_redundancy.violations) == 0 with input as m with data.resilcheck.run as run
}

test_active_sites_with_replication_declared_hold_the_data if {
	m := manifest([{"id": "pay", "name": "pay", "deployments": [active("east"), active("west")], "data": {"replication": "async"}}])
	count(dm_redundancy.violations) == 0 with input as m with data.resilcheck.run as run
}

test_active_sites_without_a_declared_replication_mode_hold_the_data if {
	m := manifest([{"id": "pay", "name": "pay", "deployments": [active("east"), active("west")], "data": {"rpoMinutes": 5}}])
	count(dm_redundancy.violations) == 0 with input as m with data.resilcheck.run as run
}

test_two_active_sites_with_replication_none_and_no_backup_fail if {
	m := manifest([{"id": "pay", "name": "pay", "deployments": [active("east"), active("west")], "data": {"replication": "none"}}])
	vs := dm_redundancy.violations with input as m with data.resilcheck.run as run
	count(vs) == 2
	{v.evidence.failure_domain.id | some v in vs} == {"east", "west"}
	some v in vs
	v.evidence.failure_domain.id == "east"
	v.pointer == "/services/0/data"
	v.evidence.data_datacenters == ["east"]
	v.evidence.replication == "none"
	v.evidence.label == "interpretation"
	v.msg == "the data of pay is lost with datacenter east: it is kept only in east, with no replica or backup outside it (replication: none, so its other active sites hold no copy)"
}

with_vault := array.concat(sites, [{"id": "vault", "name": "vault", "operator": "op-c", "ownership": "own", "building": "b-vault", "powerFeeds": ["sub-v"]}])

test_replication_none_with_a_backup_elsewhere_passes if {
	m := {"provider": major, "datacenters": with_vault, "services": [{"id": "pay", "name": "pay", "deployments": [active("east"), active("west")], "data": {"replication": "none", "backups": [{"datacenter": "vault"}]}}]}
	count(dm_redundancy.violations) == 0 with input as m with data.resilcheck.run as run
}

test_copies_all_in_one_building_are_lost_with_it if {
	# Replicated from west to annex, both in building b-west: either datacenter alone may go,
	# the building takes every copy.
	vs := dm_redundancy.violations with input as manifest([{"id": "pay", "name": "pay", "deployments": [active("west")], "data": {"replicaDatacenters": ["annex"]}}]) with data.resilcheck.run as run
	some v in vs
	v.pointer == "/services/0/data"
	v.evidence.failure_domain == {"kind": "building", "id": "b-west", "datacenters": ["annex", "west"]}
	v.evidence.data_datacenters == ["annex", "west"]
	not data_finding_for(vs, "west")
	not data_finding_for(vs, "annex")

	# With replication none and a backup in annex, east's data survives, west's dies with the
	# building (its copy is next door).
	m := manifest([{"id": "pay", "name": "pay", "deployments": [active("east"), active("west")], "data": {"replication": "none", "backups": [{"datacenter": "annex"}]}}])
	ws := dm_redundancy.violations with input as m with data.resilcheck.run as run
	count(ws) == 1
	some w in ws
	w.evidence.failure_domain.id == "b-west"
	w.evidence.data_datacenters == ["annex", "west"]
}

data_finding_for(vs, id) if {
	some v in vs
	v.pointer == "/services/0/data"
	v.evidence.failure_domain.id == id
}

test_a_lost_power_feed_destroys_no_data if {
	fed := [
		{"id": "east", "name": "east", "operator": "op-a", "ownership": "own", "building": "b-east", "powerFeeds": ["grid"]},
		{"id": "west", "name": "west", "operator": "op-b", "ownership": "own", "building": "b-west", "powerFeeds": ["grid"]},
	]
	m := {"provider": major, "datacenters": fed, "services": [{"id": "pay", "name": "pay", "deployments": [active("east"), active("west")], "data": {"replication": "async"}}]}
	vs := dm_redundancy.violations with input as m with data.resilcheck.run as run
	count(vs) == 1
	some v in vs
	v.pointer == "/services/0"
	v.evidence.failure_domain.kind == "power-feed"
}

test_no_data_block_is_not_judged_for_data_and_noted if {
	m := manifest([{"id": "talk", "name": "talk", "deployments": [active("east")]}])
	vs := dm_redundancy.violations with input as m with data.resilcheck.run as run
	count(vs) == 1
	some v in vs
	v.pointer == "/services/0"
	v.evidence.data == "no data block declared: data survival not judged"
}

test_backup_in_another_site_counts_as_a_data_copy if {
	m := manifest([{"id": "pay", "name": "pay", "critical": true, "deployments": [active("east")], "data": {"backups": [{"datacenter": "west"}]}}])
	vs := dm_redundancy.violations with input as m with data.resilcheck.run as run
	every v in vs {
		v.pointer == "/services/0"
	}
	count(vs) == 1
}

test_data_without_copy_elsewhere_fails if {
	m := manifest([
		{"id": "pay", "name": "pay", "critical": true, "deployments": [active("east"), {"datacenter": "west", "mode": "cold", "recoveryMinutes": 10}], "recovery": {"rtoMinutes": 60}, "data": {"replication": "none"}},
	])
	some v in dm_redundancy.violations with input as m with data.resilcheck.run as run
	v.pointer == "/services/0/data"
	v.evidence.data_datacenters == ["east"]
}

test_not_applicable_to_small_providers if {
	small := object.union(major, {"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 9999999}})
	m := {"provider": small, "datacenters": sites, "services": [{"id": "talk", "name": "talk", "deployments": [active("east")]}]}
	not dm_redundancy.applies with input as m with data.resilcheck.run as run
	count(dm_redundancy.violations) == 0 with input as m with data.resilcheck.run as run
	contains(reason_on(m, run.as_of).en, "dailyAverageUsers 9,999,999 < 10,000,000")
}

reason_on(m, as_of) := r if {
	r := dm_redundancy.reason with input as m with data.resilcheck.run as {"as_of": as_of}
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
	startswith(reason_on({"provider": major, "datacenters": sites}, run.as_of).en, "no services declared")
}

one_site := [{"id": "talk", "name": "talk", "deployments": [active("east")]}]

test_value_added_day_before_2023_07_04_is_not_in_force if {
	m := manifest(one_site)
	not dm_redundancy.applies with input as m with data.resilcheck.run as {"as_of": "2023-07-03"}
	reason_on(m, "2023-07-03").en == "not in force on 2023-07-03 (in force from 2023-07-04)"
	dm_redundancy.applies with input as m with data.resilcheck.run as {"as_of": "2023-07-04"}
}

carrier := {
	"name": "Telco",
	"categories": ["facilities-based"],
	"origin": "domestic",
	"metrics": {"window": {"from": "2022-10-01", "to": "2022-12-31"}, "subscribers": 100000},
}

test_carrier_day_before_2023_07_04_is_not_verifiable if {
	m := {"provider": carrier, "datacenters": sites, "services": one_site}
	not dm_redundancy.applies with input as m with data.resilcheck.run as {"as_of": "2023-07-03"}
	startswith(reason_on(m, "2023-07-03").en, "not verifiable on 2023-07-03: the wording before 2023-07-04")
	some v in dm_redundancy.violations with input as m with data.resilcheck.run as {"as_of": "2023-07-04"}
	v.evidence.failure_domain.id == "east"
}

test_major_datacenter_operator_built_from_a_site if {
	idc := {
		"name": "IDC",
		"categories": ["datacenter-operator"],
		"origin": "domestic",
		"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "revenueKRW": 10000000000},
	}
	dcs := [{"id": "dc1", "name": "dc1", "operator": "idc", "ownership": "own", "serverRoomAreaM2": 22500}]
	m := {"provider": idc, "datacenters": dcs, "services": [{"id": "portal", "name": "portal", "deployments": [active("dc1")], "data": {"replication": "none"}}]}
	dm_redundancy.applies with input as m with data.resilcheck.run as run
	vs := dm_redundancy.violations with input as m with data.resilcheck.run as run
	{v.pointer | some v in vs} == {"/services/0", "/services/0/data"}
	below := object.union(m, {"provider": object.union(idc, {"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "revenueKRW": 9999999999}})})
	not dm_redundancy.applies with input as below with data.resilcheck.run as run
}

# Each finding names the failure that takes the service (or its data) down in its key, so
# two losses of one service stay two findings for SARIF and a baseline.
test_keys_name_the_failure if {
	m := manifest([
		{"id": "login", "name": "login", "deployments": [active("east")], "data": {"replication": "none"}},
		{"id": "talk", "name": "talk", "deployments": [active("west"), active("annex")]},
	])
	vs := dm_redundancy.violations with input as m with data.resilcheck.run as run
	{[v.pointer, v.key] | some v in vs} == {
		["/services/0", "lost-with:datacenter:east"],
		["/services/0/data", "data-lost-with:datacenter:east"],
		["/services/1", "lost-with:building:b-west"],
	}
}

test_tooling_lost_through_its_dependencies_ends_the_chain_there if {
	m := manifest([
		{"id": "db", "name": "db", "deployments": [active("east")]},
		{"id": "tool", "name": "tool", "dependsOn": ["db"], "deployments": [active("east"), active("west")]},
		{"id": "talk", "name": "talk", "deployments": [active("east"), {"datacenter": "west", "mode": "standby", "recoveryMinutes": 5}], "recovery": {"rtoMinutes": 30, "performedBy": "tool"}},
	])
	vs := dm_redundancy.violations with input as m with data.resilcheck.run as run
	{[v.pointer, v.key] | some v in vs} == {
		["/services/0", "lost-with:datacenter:east"],
		["/services/1", "lost-through:db"],
		["/services/2", "lost-with:datacenter:east"],
	}
	some v in vs
	v.pointer == "/services/2"
	v.evidence.chain == ["talk", "tool", "lost through its own dependencies"]
}

# A service broken in place in every failure that takes its dependency down has no link
# finding: its own findings already say it is lost there.
test_no_link_finding_where_the_service_is_broken_in_place_anyway if {
	m := manifest([
		{"id": "login", "name": "login", "deployments": [active("east")]},
		{"id": "talk", "name": "talk", "dependsOn": ["login"], "deployments": [active("east")]},
	])
	vs := dm_redundancy.violations with input as m with data.resilcheck.run as run
	{[v.pointer, v.key] | some v in vs} == {["/services/0", "lost-with:datacenter:east"], ["/services/1", "lost-with:datacenter:east"]}
}

# lost_through's four ways of deciding, one test each. talk is broken in place when east is
# lost; when west is lost it goes down with login, which west does not break in place but
# takes down through store (broken in place there). No dependency of talk is broken in place
# by a failure that spares talk, so only its dependencies' dependencies show the link.
test_link_found_through_a_failure_that_breaks_only_a_deeper_dependency if {
	m := manifest([
		{"id": "store", "name": "store", "deployments": [active("west")]},
		{"id": "login", "name": "login", "dependsOn": ["store"], "deployments": [active("east"), active("west")]},
		{"id": "talk", "name": "talk", "dependsOn": ["login"], "deployments": [active("east")]},
	])
	vs := dm_redundancy.violations with input as m with data.resilcheck.run as run
	links := {[v.evidence.service, v.evidence.via] | some v in vs; startswith(v.key, "lost-through:")}
	links == {["login", "store"], ["talk", "login"]}
}

# One level deeper: west breaks only store, under db under login, so only talk's whole
# dependency closure shows that west takes talk down through a dependency.
test_link_found_through_a_failure_that_breaks_only_a_dependency_three_levels_down if {
	m := manifest([
		{"id": "store", "name": "store", "deployments": [active("west")]},
		{"id": "db", "name": "db", "dependsOn": ["store"], "deployments": [active("east"), active("west")]},
		{"id": "login", "name": "login", "dependsOn": ["db"], "deployments": [active("east"), active("west")]},
		{"id": "talk", "name": "talk", "dependsOn": ["login"], "deployments": [active("east")]},
	])
	vs := dm_redundancy.violations with input as m with data.resilcheck.run as run
	links := {[v.evidence.service, v.evidence.via] | some v in vs; startswith(v.key, "lost-through:")}
	links == {["db", "store"], ["login", "db"], ["talk", "login"]}
}

# The same, with talk also on the deeper failure's site: west breaks talk in place too, so
# talk is lost through a dependency nowhere and has no link.
test_no_link_where_every_failure_losing_the_service_breaks_it_in_place if {
	m := manifest([
		{"id": "store", "name": "store", "deployments": [active("west")]},
		{"id": "login", "name": "login", "dependsOn": ["store"], "deployments": [active("east"), active("west")]},
		{"id": "talk", "name": "talk", "dependsOn": ["login"], "deployments": [{"datacenter": "east", "mode": "active", "capacityPercent": 50}, {"datacenter": "west", "mode": "active", "capacityPercent": 50}]},
	])
	vs := dm_redundancy.violations with input as m with data.resilcheck.run as run
	links := {[v.evidence.service, v.evidence.via] | some v in vs; startswith(v.key, "lost-through:")}
	links == {["login", "store"]}
}

# talk is broken in place when east is lost, and login, its dependency, when west is: west
# spares talk's own deployment, so talk is lost there through login.
test_link_found_through_a_dependency_broken_where_the_service_is_not if {
	m := manifest([
		{"id": "login", "name": "login", "deployments": [active("west")]},
		{"id": "talk", "name": "talk", "dependsOn": ["login"], "deployments": [active("east")]},
	])
	vs := dm_redundancy.violations with input as m with data.resilcheck.run as run
	links := {[v.evidence.service, v.evidence.via] | some v in vs; startswith(v.key, "lost-through:")}
	links == {["talk", "login"]}
}
