package resilcheck.controls.ss_agent_test

import data.resilcheck.controls.ss_agent

run := {"as_of": "2026-11-22"}

abroad := {
	"name": "Example Global",
	"categories": ["value-added"],
	"origin": "foreign",
	"koreanEstablishment": false,
	"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 1000000, "trafficSharePercent": 1},
}

agent := {"name": "Example Korea Ltd.", "appointedInWriting": true, "appointedOn": "2021-03-02", "address": "Seoul"}

affiliates := [{"id": "ex-kr", "name": "Example Korea Ltd.", "relation": "founded"}, {"id": "ex-pay", "name": "Example Pay Korea", "relation": "controlled"}]

manifest(a) := {"provider": object.union(abroad, {"domesticAgent": a})}

with_affiliates(a) := {"provider": object.union(abroad, {"domesticAgent": a, "domesticAffiliates": affiliates})}

violations_of(m) := vs if {
	vs := ss_agent.violations with input as m with data.resilcheck.run as run
}

violations_on(m, as_of) := vs if {
	vs := ss_agent.violations with input as m with data.resilcheck.run as {"as_of": as_of}
}

reason_of(p, as_of) := r if {
	r := ss_agent.reason with input as {"provider": p} with data.resilcheck.run as {"as_of": as_of}
}

test_passes_with_written_appointment_and_address if {
	ss_agent.applies with input as manifest(agent) with data.resilcheck.run as run
	count(violations_of(manifest(agent))) == 0
}

test_fails_without_agent if {
	vs := violations_of({"provider": abroad})
	count(vs) == 1
	some v in vs
	v.pointer == "/provider"
	v.evidence.missing == "provider.domesticAgent"
	v.evidence.rule.label == "law"
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

# --- who is bound: no Korean establishment, not "foreign" ---

test_not_applicable_with_a_korean_establishment if {
	p := object.union(abroad, {"koreanEstablishment": true})
	not ss_agent.applies with input as {"provider": p} with data.resilcheck.run as run
	reason_of(p, run.as_of).en == "provider without a Korean address or office (TBA 22-8): the provider has an address or place of business in Korea"
}

test_foreign_with_establishment_undeclared_is_not_applicable if {
	p := object.remove(abroad, ["koreanEstablishment"])
	not ss_agent.applies with input as {"provider": p} with data.resilcheck.run as run
	reason_of(p, run.as_of).en == "provider without a Korean address or office (TBA 22-8): provider.koreanEstablishment not declared"
	count(violations_of({"provider": p})) == 0
}

test_domestic_origin_without_establishment_is_bound if {
	p := object.union(abroad, {"origin": "domestic"})
	ss_agent.applies with input as {"provider": p} with data.resilcheck.run as run
}

test_not_applicable_below_stability_scope if {
	small := object.union(abroad, {"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 999999, "trafficSharePercent": 1}})
	not ss_agent.applies with input as {"provider": small} with data.resilcheck.run as run
	contains(reason_of(small, run.as_of).en, "dailyAverageUsers 999,999 < 1,000,000")
}

# --- in force: not verifiable before 2022-12-11, older wording until 2023-07-04 ---

test_not_verifiable_the_day_before_2022_12_11 if {
	not ss_agent.applies with input as {"provider": abroad} with data.resilcheck.run as {"as_of": "2022-12-10"}
	reason_of(abroad, "2022-12-10").en == "not verifiable on 2022-12-10: the wording before 2022-12-11 is not in the statute texts"
	count(violations_on({"provider": abroad}, "2022-12-10")) == 0
}

test_older_wording_from_2022_12_11_and_law_from_2023_07_04 if {
	some v in violations_on({"provider": abroad}, "2022-12-11")
	v.evidence.rule.label == "law-older-wording-reported"
	some w in violations_on({"provider": abroad}, "2023-07-04")
	w.evidence.rule.label == "law"
}

# --- 22-8(2): the agent among the provider's Korean corporations ---

test_affiliate_agent_passes if {
	a := object.union(agent, {"affiliateId": "ex-kr", "appointedOn": "2023-01-02"})
	count(violations_of(with_affiliates(a))) == 0
}

test_no_affiliates_declared_means_no_affiliate_test if {
	a := object.union(agent, {"appointedOn": "2023-01-02"})
	count(violations_of(manifest(a))) == 0
	count(violations_of({"provider": object.union(abroad, {"domesticAgent": a, "domesticAffiliates": []})})) == 0
}

test_agent_appointed_from_2022_12_11_must_be_an_affiliate if {
	a := object.union(agent, {"name": "Law Firm Kim", "appointedOn": "2022-12-11"})
	vs := violations_of(with_affiliates(a))
	count(vs) == 1
	some v in vs
	v.pointer == "/provider/domesticAgent"
	v.evidence.domestic_affiliates == ["ex-kr", "ex-pay"]
	v.evidence.affiliate_id == "not declared"
	contains(v.msg, "appointed on 2022-12-11, when the rule applied")
}

test_affiliate_id_naming_no_affiliate_fails if {
	a := object.union(agent, {"affiliateId": "ex-other", "appointedOn": "2024-01-02"})
	vs := violations_of(with_affiliates(a))
	count(vs) == 1
	some v in vs
	v.pointer == "/provider/domesticAgent/affiliateId"
	contains(v.msg, "affiliateId ex-other names no declared affiliate")
}

test_agent_appointed_before_2022_12_11_may_stay_until_2023_06_11 if {
	a := object.union(agent, {"name": "Law Firm Kim", "appointedOn": "2022-12-10"})
	count(violations_on(with_affiliates(a), "2023-06-11")) == 0
	vs := violations_on(with_affiliates(a), "2023-06-12")
	count(vs) == 1
	some v in vs
	contains(v.msg, "it had to be replaced by one of them by 2023-06-11")
}

test_undeclared_appointment_date_cannot_show_the_grace_period if {
	a := object.remove(object.union(agent, {"name": "Law Firm Kim"}), ["appointedOn"])
	some v in violations_on(with_affiliates(a), "2023-01-15")
	contains(v.msg, "appointedOn is not declared, so an appointment before 2022-12-11")
	some w in violations_of(with_affiliates(a))
	contains(w.msg, "in any case")
}
