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

doc(extra) := {"provider": operator, "datacenters": [site(extra)]}

violations_on(d, as_of) := vs if {
	vs := dc_power_feeds.violations with input as d with data.resilcheck.run as {"as_of": as_of}
}

violations(extra) := violations_on(doc(extra), run.as_of)

applies_on(d, as_of) if dc_power_feeds.applies with input as d with data.resilcheck.run as {"as_of": as_of}

reason_on(d, as_of) := r if {
	r := dc_power_feeds.reason with input as d with data.resilcheck.run as {"as_of": as_of}
}

test_two_substations_pass if {
	applies_on(doc({}), run.as_of)
	count(violations({"powerFeeds": ["sub-a", "sub-b"]})) == 0
}

test_one_substation_is_below_the_guideline if {
	vs := violations({"powerFeeds": ["sub-a"]})
	count(vs) == 1
	some v in vs
	v.pointer == "/datacenters/0/powerFeeds"
	v.evidence.distinct_feeds == 1
	v.evidence.min_feeds == 2
	v.evidence.limit_label == "guideline"
	contains(v.msg, "is below the reported 2024 MSIT guideline: it is fed from 1 distinct substation(s) (sub-a), fewer than 2")
}

test_message_reads_the_parameter if {
	vs := dc_power_feeds.violations with input as doc({"powerFeeds": ["sub-a", "sub-b"]})
		with data.resilcheck.run as run
		with data.resilcheck.overrides as {"dc_min_power_feeds": 3}
	some v in vs
	contains(v.msg, "fewer than 3")
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

test_day_before_the_guideline_is_not_in_force_with_reason if {
	d := doc({"powerFeeds": ["sub-a"]})
	not applies_on(d, "2023-12-31")
	reason_on(d, "2023-12-31").en == "not in force on 2023-12-31 (in force from 2024-01-01)"
	count(violations_on(d, "2024-01-01")) == 1
	not applies_on(d, "2022-10-15")
}

test_only_sites_under_dc_protect if {
	small := doc({"serverRoomAreaM2": 499.99, "powerFeeds": ["sub-a"]})
	not applies_on(small, run.as_of)
	contains(reason_on(small, run.as_of).en, "499.99 < 500")
}

test_exclusive_lessee_with_a_tiny_site_is_judged if {
	tenant := object.union(operator, {"categories": ["value-added"]})
	cage := site({"ownership": "leased-exclusive", "serverRoomAreaM2": 5, "powerFeeds": ["sub-a"]})
	some v in violations_on({"provider": tenant, "datacenters": [cage]}, run.as_of)
	v.evidence.distinct_feeds == 1
}

test_public_institution_is_not_under_dc_protect if {
	d := {"provider": object.union(operator, {"publicInstitution": true}), "datacenters": [site({})]}
	not applies_on(d, run.as_of)
	contains(reason_on(d, run.as_of).en, "public institution")
}
