package resilcheck.controls.guide_shared_fate_test

import data.resilcheck.controls.guide_shared_fate

run := {"as_of": "2026-11-22"}

dc(id, operator, building, feeds) := {"id": id, "name": id, "operator": operator, "ownership": "colocation", "building": building, "powerFeeds": feeds}

manifest(sites, deployments) := {
	"datacenters": sites,
	"services": [{"id": "talk", "name": "talk", "critical": true, "deployments": [{"datacenter": d, "mode": "active"} | some d in deployments]}],
}

shared(m) := {v.evidence.shared | some v in guide_shared_fate.violations with input as m with data.resilcheck.run as run}

test_cases if {
	cases := [
		{"name": "independent", "sites": [dc("x", "op-1", "bx", ["s1"]), dc("y", "op-2", "by", ["s2"])], "want": set()},
		{"name": "one operator", "sites": [dc("x", "op-1", "bx", ["s1"]), dc("y", "op-1", "by", ["s2"])], "want": {"operator"}},
		{"name": "one building", "sites": [dc("x", "op-1", "b", ["s1"]), dc("y", "op-2", "b", ["s2"])], "want": {"building"}},
		{"name": "one substation among others", "sites": [dc("x", "op-1", "bx", ["s1", "s3"]), dc("y", "op-2", "by", ["s2", "s3"])], "want": {"power-feed"}},
		{"name": "everything shared", "sites": [dc("x", "op", "b", ["s"]), dc("y", "op", "b", ["s"])], "want": {"operator", "building", "power-feed"}},
	]
	every c in cases {
		shared(manifest(c.sites, ["x", "y"])) == c.want
	}
}

test_single_site_is_left_to_the_redundancy_control if {
	shared(manifest([dc("x", "op", "b", ["s"])], ["x"])) == set()
}

test_replica_datacenter_counts_as_a_copy if {
	m := {
		"datacenters": [dc("x", "op", "bx", ["s1"]), dc("y", "op", "by", ["s2"])],
		"services": [{"id": "talk", "name": "talk", "critical": true, "deployments": [{"datacenter": "x", "mode": "active"}], "data": {"replicaDatacenters": ["y"]}}],
	}
	some v in guide_shared_fate.violations with input as m with data.resilcheck.run as run
	v.evidence == {"service": "talk", "datacenters": ["x", "y"], "shared": "operator", "operator": "op"}
}

test_undeclared_building_is_not_assumed_shared if {
	m := {
		"datacenters": [{"id": "x", "name": "x", "operator": "op-1", "ownership": "own"}, {"id": "y", "name": "y", "operator": "op-2", "ownership": "own"}],
		"services": [{"id": "talk", "name": "talk", "critical": true, "deployments": [{"datacenter": "x", "mode": "active"}, {"datacenter": "y", "mode": "active"}]}],
	}
	shared(m) == set()
}

test_reason_when_no_service_is_critical if {
	m := {"datacenters": [dc("x", "op", "b", ["s"]), dc("y", "op", "b", ["s"])], "services": [{"id": "talk", "name": "talk", "critical": false, "deployments": [{"datacenter": "x", "mode": "active"}, {"datacenter": "y", "mode": "active"}]}]}
	not guide_shared_fate.applies with input as m with data.resilcheck.run as run
	count(guide_shared_fate.violations) == 0 with input as m with data.resilcheck.run as run
	r := guide_shared_fate.reason with input as m with data.resilcheck.run as run
	r.en == "no service declared critical (services[].critical)"
	contains(r.ko, "services[].critical")
}

test_guidance_period_and_the_day_before if {
	m := manifest([dc("x", "op", "b", ["s"]), dc("y", "op", "b", ["s"])], ["x", "y"])
	guide_shared_fate.applies with input as m with data.resilcheck.run as {"as_of": "2000-01-01"}
	not guide_shared_fate.applies with input as m with data.resilcheck.run as {"as_of": "1999-12-31"}
	r := guide_shared_fate.reason with input as m with data.resilcheck.run as {"as_of": "1999-12-31"}
	r.en == "not in force on 1999-12-31 (in force from 2000-01-01)"
	guide_shared_fate.in_force == [{"from": "2000-01-01", "label": "guidance", "citation": "resilience practice (not law)"}]
}
