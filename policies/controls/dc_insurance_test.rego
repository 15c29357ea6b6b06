package resilcheck.controls.dc_insurance_test

import data.resilcheck.controls.dc_insurance

run := {"as_of": "2026-11-22"}

operator := {
	"name": "Example DC",
	"categories": ["datacenter-operator"],
	"origin": "domestic",
	"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}},
}

site(extra) := object.union({"id": "dc1", "name": "DC 1", "operator": "Example DC", "ownership": "own", "serverRoomAreaM2": 500, "operatingSince": "2020-03-01"}, extra)

violations(extra) := vs if {
	vs := dc_insurance.violations with input as {"provider": operator, "datacenters": [site(extra)]} with data.resilcheck.run as run
}

test_insured_from_day_one_passes if {
	count(violations({"liabilityInsurance": {"insured": true, "since": "2020-03-01"}})) == 0
	count(violations({"liabilityInsurance": {"insured": true, "since": "2020-02-01"}})) == 0
}

test_insured_a_day_late_fails if {
	vs := violations({"liabilityInsurance": {"insured": true, "since": "2020-03-02"}})
	count(vs) == 1
	some v in vs
	v.pointer == "/datacenters/0/liabilityInsurance/since"
	v.evidence.uninsured_days == 1
}

test_uninsured_fails if {
	some v in violations({"liabilityInsurance": {"insured": false}})
	v.pointer == "/datacenters/0/liabilityInsurance/insured"
}

test_undeclared_insurance_fails if {
	some v in violations({})
	v.evidence.missing == "liabilityInsurance"
}

test_missing_dates_are_named if {
	vs := violations({"liabilityInsurance": {"insured": true}})
	count(vs) == 1
	some v in vs
	v.evidence.missing == ["liabilityInsurance.since"]
	ws := dc_insurance.violations with input as {"provider": operator, "datacenters": [object.remove(site({"liabilityInsurance": {"insured": true}}), ["operatingSince"])]} with data.resilcheck.run as run
	some w in ws
	w.evidence.missing == ["operatingSince", "liabilityInsurance.since"]
}

test_own_datacenter_of_a_non_operator_is_not_judged if {
	own := {"name": "Big", "categories": ["value-added"], "origin": "domestic", "metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 1000000, "ictRevenueKRW": 10000000000}}
	not dc_insurance.applies with input as {"provider": own, "datacenters": [site({})]} with data.resilcheck.run as run
	dc_insurance.applies with input as {"provider": operator, "datacenters": [site({})]} with data.resilcheck.run as run
}
