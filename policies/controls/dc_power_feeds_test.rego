package resilcheck.controls.dc_power_feeds_test

import data.resilcheck.controls.dc_power_feeds

run := {"as_of": "2026-11-22"}

operator := {
	"name": "Example DC",
	"categories": ["datacenter-operator"],
	"origin": "domestic",
	"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}},
}

site(extra) := object.union({"id": "dc1", "name": "DC 1", "operator": "Example DC", "ownership": "own", "serverRoomAreaM2": 500}, extra)

violations(extra) := vs if {
	vs := dc_power_feeds.violations with input as {"provider": operator, "datacenters": [site(extra)]} with data.resilcheck.run as run
}

test_two_substations_pass if {
	count(violations({"powerFeeds": ["sub-a", "sub-b"]})) == 0
}

test_one_substation_fails if {
	vs := violations({"powerFeeds": ["sub-a"]})
	count(vs) == 1
	some v in vs
	v.pointer == "/datacenters/0/powerFeeds"
	v.evidence.distinct_feeds == 1
	v.evidence.min_feeds == 2
}

test_two_feeds_from_one_substation_count_once if {
	some v in violations({"powerFeeds": ["sub-a", "sub-a"]})
	v.evidence.substations == ["sub-a"]
}

test_empty_list_fails if {
	some v in violations({"powerFeeds": []})
	v.evidence.distinct_feeds == 0
}

test_undeclared_feeds_fail if {
	some v in violations({})
	v.evidence.missing == "powerFeeds"
	v.pointer == "/datacenters/0"
}

test_not_applicable_before_the_guideline if {
	not dc_power_feeds.applies with input as {"provider": operator, "datacenters": [site({})]} with data.resilcheck.run as {"as_of": "2022-10-15"}
}
