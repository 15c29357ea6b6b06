package resilcheck.controls.ss_agent_test

import data.resilcheck.controls.ss_agent

run := {"as_of": "2026-11-22"}

foreign := {
	"name": "Example Global",
	"categories": ["value-added"],
	"origin": "foreign",
	"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 1000000, "trafficSharePercent": 1},
}

agent := {"name": "Example Korea Ltd.", "appointedInWriting": true, "appointedOn": "2021-03-02", "address": "Seoul"}

manifest(a) := {"provider": object.union(foreign, {"domesticAgent": a})}

violations_of(m) := vs if {
	vs := ss_agent.violations with input as m with data.resilcheck.run as run
}

test_passes_with_written_appointment_and_address if {
	ss_agent.applies with input as manifest(agent) with data.resilcheck.run as run
	count(violations_of(manifest(agent))) == 0
}

test_fails_without_agent if {
	vs := violations_of({"provider": foreign})
	count(vs) == 1
	some v in vs
	v.pointer == "/provider"
	v.evidence.missing == "provider.domesticAgent"
}

test_fails_when_not_in_writing if {
	vs := violations_of(manifest(object.union(agent, {"appointedInWriting": false})))
	count(vs) == 1
	some v in vs
	v.pointer == "/provider/domesticAgent/appointedInWriting"
	v.evidence.appointed_in_writing == false
}

test_fails_when_writing_not_declared if {
	some v in violations_of(manifest(object.remove(agent, ["appointedInWriting"])))
	v.pointer == "/provider/domesticAgent"
	v.evidence.missing == "provider.domesticAgent.appointedInWriting"
}

test_fails_without_address if {
	vs := violations_of(manifest(object.remove(agent, ["address"])))
	count(vs) == 1
	some v in vs
	v.evidence.missing == "provider.domesticAgent.address"
}

test_not_applicable_to_domestic_provider if {
	not ss_agent.applies with input as {"provider": object.union(foreign, {"origin": "domestic"})} with data.resilcheck.run as run
}

test_not_applicable_to_foreign_provider_below_stability_scope if {
	small := object.union(foreign, {"metrics": {"dailyAverageUsers": 999999}})
	not ss_agent.applies with input as {"provider": small} with data.resilcheck.run as run
}

test_no_violations_where_not_applicable if {
	count(violations_of({"provider": object.union(foreign, {"origin": "domestic"})})) == 0
}
