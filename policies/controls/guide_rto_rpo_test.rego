package resilcheck.controls.guide_rto_rpo_test

import data.resilcheck.controls.guide_rto_rpo

run := {"as_of": "2026-11-22"}

svc(extra) := object.union({"id": "talk", "name": "Talk", "critical": true, "deployments": [{"datacenter": "a", "mode": "active"}]}, extra)

manifest(services) := {"provider": {"name": "Example", "categories": ["value-added"], "origin": "domestic", "metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}}}, "services": services}

violations_of(m) := vs if {
	vs := guide_rto_rpo.violations with input as m with data.resilcheck.run as run
}

test_passes_with_both_objectives if {
	m := manifest([svc({"recovery": {"rtoMinutes": 30}, "data": {"rpoMinutes": 0}})])
	guide_rto_rpo.applies with input as m with data.resilcheck.run as run
	count(violations_of(m)) == 0
}

test_missing_rto_points_at_recovery if {
	vs := violations_of(manifest([svc({"recovery": {"failover": "manual"}, "data": {"rpoMinutes": 5}})]))
	count(vs) == 1
	some v in vs
	v.pointer == "/services/0/recovery"
	v.evidence == {"service": "talk", "missing": "recovery.rtoMinutes"}
}

test_missing_both_points_at_service if {
	vs := violations_of(manifest([{"id": "web", "name": "Web", "deployments": [{"datacenter": "a", "mode": "active"}]}, svc({})]))
	count(vs) == 2
	{v.pointer | some v in vs} == {"/services/1"}
	{v.evidence.missing | some v in vs} == {"recovery.rtoMinutes", "data.rpoMinutes"}
}

test_zero_rpo_counts_as_declared if {
	count(violations_of(manifest([svc({"recovery": {"rtoMinutes": 0}, "data": {"rpoMinutes": 0}})]))) == 0
}

test_not_applicable_without_critical_services if {
	m := manifest([object.union(svc({}), {"critical": false})])
	not guide_rto_rpo.applies with input as m with data.resilcheck.run as run
}

# field spells out path for messages and evidence: the two must not drift apart.
test_objective_field_is_the_dotted_path if {
	every o in guide_rto_rpo.objectives {
		o.field == concat(".", o.path)
	}
}

test_reason_when_no_service_is_critical if {
	m := manifest([object.union(svc({}), {"critical": false})])
	not guide_rto_rpo.applies with input as m with data.resilcheck.run as run
	count(guide_rto_rpo.violations) == 0 with input as m with data.resilcheck.run as run
	r := guide_rto_rpo.reason with input as m with data.resilcheck.run as run
	r.en == "no service declared critical (services[].critical)"
	contains(r.ko, "services[].critical")
}

test_guidance_period_and_the_day_before if {
	m := manifest([svc({})])
	guide_rto_rpo.applies with input as m with data.resilcheck.run as {"as_of": "2000-01-01"}
	not guide_rto_rpo.applies with input as m with data.resilcheck.run as {"as_of": "1999-12-31"}
	r := guide_rto_rpo.reason with input as m with data.resilcheck.run as {"as_of": "1999-12-31"}
	r.en == "not in force on 1999-12-31 (in force from 2000-01-01)"
	guide_rto_rpo.in_force == [{"from": "2000-01-01", "label": "guidance", "citation": "resilience practice (not law)"}]
}

# Both objectives missing point at the same service: the key tells the two findings apart.
test_missing_objectives_are_keyed_by_objective if {
	vs := violations_of(manifest([svc({})]))
	{[v.key, v.evidence.missing] | some v in vs} == {["rto", "recovery.rtoMinutes"], ["rpo", "data.rpoMinutes"]}
}
