package resilcheck.controls.guide_replication_test

import data.resilcheck.controls.guide_replication

run := {"as_of": "2026-11-22"}

svc(block) := {
	"id": "talk",
	"name": "Talk",
	"critical": true,
	"deployments": [{"datacenter": "a", "mode": "active"}],
	"data": block,
}

manifest(services) := {"provider": {"name": "Example", "categories": ["value-added"], "origin": "domestic", "metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}}}, "services": services}

violations_of(m) := vs if {
	vs := guide_replication.violations with input as m with data.resilcheck.run as run
}

test_sync_passes if {
	m := manifest([svc({"replication": "sync", "replicaDatacenters": ["b"]})])
	guide_replication.applies with input as m with data.resilcheck.run as run
	count(violations_of(m)) == 0
}

test_async_with_rpo_passes if {
	count(violations_of(manifest([svc({"replication": "async", "rpoMinutes": 0})]))) == 0
}

test_async_without_rpo_fails if {
	vs := violations_of(manifest([svc({"replication": "async"})]))
	count(vs) == 1
	some v in vs
	v.pointer == "/services/0/data"
	v.evidence == {"service": "talk", "replication": "async", "missing": "data.rpoMinutes"}
}

test_none_fails_at_field if {
	vs := violations_of(manifest([svc({"replication": "none", "rpoMinutes": 1440})]))
	count(vs) == 1
	some v in vs
	v.pointer == "/services/0/data/replication"
}

test_undeclared_replication_fails if {
	some v in violations_of(manifest([svc({"rpoMinutes": 5})]))
	v.evidence.missing == "data.replication"
}

test_service_without_data_is_not_judged if {
	count(violations_of(manifest([object.remove(svc({}), ["data"])]))) == 0
}

test_non_critical_service_is_not_judged if {
	other := object.union(svc({"replication": "none"}), {"id": "blog", "critical": false})
	vs := violations_of(manifest([other, svc({"replication": "none"})]))
	count(vs) == 1
	some v in vs
	v.pointer == "/services/1/data/replication"
}

test_reason_when_no_service_is_critical if {
	m := manifest([object.union(svc({"replication": "none"}), {"critical": false})])
	not guide_replication.applies with input as m with data.resilcheck.run as run
	count(guide_replication.violations) == 0 with input as m with data.resilcheck.run as run
	r := guide_replication.reason with input as m with data.resilcheck.run as run
	r.en == "no service declared critical (services[].critical)"
	contains(r.ko, "services[].critical")
}

test_guidance_period_and_the_day_before if {
	m := manifest([svc({"replication": "none"})])
	guide_replication.applies with input as m with data.resilcheck.run as {"as_of": "2000-01-01"}
	not guide_replication.applies with input as m with data.resilcheck.run as {"as_of": "1999-12-31"}
	r := guide_replication.reason with input as m with data.resilcheck.run as {"as_of": "1999-12-31"}
	r.en == "not in force on 1999-12-31 (in force from 2000-01-01)"
	guide_replication.in_force == [{"from": "2000-01-01", "label": "guidance", "citation": "resilience practice (not law)"}]
}
