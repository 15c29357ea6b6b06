package resilcheck.controls.dc_insurance_test

import data.resilcheck.controls.dc_insurance

run := {"as_of": "2026-11-22"}

window := {"from": "2025-10-01", "to": "2025-12-31"}

operator := {
	"name": "Example DC",
	"categories": ["datacenter-operator"],
	"origin": "domestic",
	"metrics": {"window": window},
}

site(extra) := object.union({"id": "dc1", "name": "DC 1", "operator": "Example DC", "ownership": "own", "serverRoomAreaM2": 500, "operatingSince": "2020-03-01"}, extra)

violations_on(doc, as_of) := vs if {
	vs := dc_insurance.violations with input as doc with data.resilcheck.run as {"as_of": as_of}
}

violations(extra) := violations_on({"provider": operator, "datacenters": [site(extra)]}, run.as_of)

applies_on(doc, as_of) if dc_insurance.applies with input as doc with data.resilcheck.run as {"as_of": as_of}

reason_on(doc, as_of) := r if {
	r := dc_insurance.reason with input as doc with data.resilcheck.run as {"as_of": as_of}
}

test_insured_from_day_one_passes if {
	count(violations({"liabilityInsurance": {"insured": true, "since": "2020-03-01"}})) == 0
	count(violations({"liabilityInsurance": {"insured": true, "since": "2020-02-01"}})) == 0
}

test_insured_a_day_late_fails_naming_both_dates if {
	vs := violations({"liabilityInsurance": {"insured": true, "since": "2020-03-02", "coverageKRW": 1000000000}})
	count(vs) == 1
	some v in vs
	v.pointer == "/datacenters/0/liabilityInsurance/since"
	v.evidence.uninsured_days == 1
	v.evidence.operating_since == "2020-03-01"
	v.evidence.insured_since == "2020-03-02"
	v.evidence.coverage_krw == 1000000000
	contains(v.msg, "starts on 2020-03-02, after the site started operating on 2020-03-01")
}

test_amounts_are_not_judged_and_say_so if {
	some v in violations({"liabilityInsurance": {"insured": false, "coverageKRW": 1}})
	v.evidence.amounts == "minimum sums (Decree Art. 38(2), annex 3) not judged until the annex is added"
	count(violations({"liabilityInsurance": {"insured": true, "since": "2020-03-01", "coverageKRW": 1}})) == 0
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
	ws := violations_on({"provider": operator, "datacenters": [object.remove(site({"liabilityInsurance": {"insured": true}}), ["operatingSince"])]}, run.as_of)
	some w in ws
	w.evidence.missing == ["operatingSince", "liabilityInsurance.since"]
}

test_any_size_colocation_site_is_bound if {
	tiny := {"provider": operator, "datacenters": [site({"serverRoomAreaM2": 20})]}
	applies_on(tiny, run.as_of)
	some v in violations_on(tiny, run.as_of)
	v.evidence.missing == "liabilityInsurance"
}

test_public_institution_is_still_a_colocation_operator if {
	doc := {"provider": object.union(operator, {"publicInstitution": true}), "datacenters": [site({})]}
	applies_on(doc, run.as_of)
	some v in violations_on(doc, run.as_of)
	v.evidence.missing == "liabilityInsurance"
}

test_own_use_operator_is_not_bound if {
	own := {"name": "Big", "categories": ["value-added"], "origin": "domestic", "metrics": {"window": window, "dailyAverageUsers": 1000000, "ictRevenueKRW": 10000000000}}
	doc := {"provider": own, "datacenters": [site({})]}
	not applies_on(doc, run.as_of)
	contains(reason_on(doc, run.as_of).en, "colocation operator (Network Act 46(2)): no site run for others")
	applies_on({"provider": operator, "datacenters": [site({})]}, run.as_of)
}

test_exclusive_lessee_is_not_bound if {
	doc := {"provider": operator, "datacenters": [site({"ownership": "leased-exclusive"})]}
	not applies_on(doc, run.as_of)
	contains(reason_on(doc, run.as_of).en, "no site run for others")
}

test_operated_for_others_and_own_is_judged if {
	p := object.union(operator, {"categories": ["value-added"]})
	doc := {"provider": p, "datacenters": [site({"operatedFor": ["others", "own"]})]}
	some v in violations_on(doc, run.as_of)
	v.evidence.missing == "liabilityInsurance"
}

test_older_wording_before_2023_07_04 if {
	doc := {"provider": operator, "datacenters": [site({"liabilityInsurance": {"insured": false}})]}
	some v in violations_on(doc, "2023-07-03")
	v.evidence.label == "law-older-wording-reported"
	endswith(v.msg, "(older wording reported)")
	some w in violations_on(doc, "2023-07-04")
	w.evidence.label == "law"
}

# REGULATIONS.md In-force dates, DC-INSURANCE: "throughout" (46(2) unmarked); Decree 38(1) as
# worded before 2023-07-04 is not in the statute texts, so earlier dates are judged under the
# older-wording label, however early, and never "not verifiable".
test_binds_throughout_with_the_older_wording_label if {
	early := {"operatingSince": "2000-01-01"}
	insured := {"provider": operator, "datacenters": [site(object.union(early, {"liabilityInsurance": {"insured": true, "since": "2000-01-01"}}))]}
	applies_on(insured, "2001-01-01")
	count(violations_on(insured, "2001-01-01")) == 0
	late := {"provider": operator, "datacenters": [site(object.union(early, {"liabilityInsurance": {"insured": true, "since": "2000-01-02"}}))]}
	[v] := [v | some v in violations_on(late, "2001-01-01")]
	v.evidence.uninsured_days == 1
	v.evidence.label == "law-older-wording-reported"
	endswith(v.msg, "(older wording reported)")

	# The day before the old 2011-08-29 start is judged like any other day.
	[w] := [w | some w in violations_on(late, "2011-08-28")]
	w.evidence.label == "law-older-wording-reported"
}

test_early_dates_name_the_scope_not_a_missing_wording if {
	doc := {"provider": operator, "datacenters": [site({"ownership": "leased-exclusive"})]}
	not applies_on(doc, "2001-01-01")
	r := reason_on(doc, "2001-01-01")
	contains(r.en, "no site run for others")
	not contains(r.en, "not verifiable")
}
