package resilcheck.controls.ss_measures_test

import data.resilcheck.controls.ss_measures

run := {"as_of": "2026-11-22"}

bound := {
	"name": "Example",
	"categories": ["value-added"],
	"origin": "domestic",
	"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 1000000, "trafficSharePercent": 1},
}

all_in_place := {
	"nonDiscrimination": true,
	"equipmentPreChecks": true,
	"serverMultiplexing": true,
	"capacityPlanning": true,
	"carrierPriorNotice": true,
	"koreanSupportChannel": true,
	"slowdownNotice": true,
	"dataExport": true,
	"paymentMeans": true,
	"internalGuideline": true,
}

manifest(measures) := {"provider": bound, "governance": {"stabilityMeasures": measures}}

violations_of(m) := vs if {
	vs := ss_measures.violations with input as m with data.resilcheck.run as run
}

violations_on(m, as_of) := vs if {
	vs := ss_measures.violations with input as m with data.resilcheck.run as {"as_of": as_of}
}

test_passes_with_every_measure_in_place if {
	ss_measures.applies with input as manifest(all_in_place) with data.resilcheck.run as run
	count(violations_of(manifest(all_in_place))) == 0
}

test_false_measure_is_named_at_its_field if {
	vs := violations_of(manifest(object.union(all_in_place, {"serverMultiplexing": false})))
	count(vs) == 1
	some v in vs
	v.pointer == "/governance/stabilityMeasures/serverMultiplexing"
	v.evidence.measure == "serverMultiplexing"
	v.evidence.declared == false
	v.evidence.item == "Decree Art. 30-8(2)1(c)"
	v.evidence.rule.label == "law"
	not contains(v.msg, "older wording")
}

test_missing_measure_is_named_at_parent if {
	vs := violations_of(manifest(object.remove(all_in_place, ["dataExport"])))
	count(vs) == 1
	some v in vs
	v.pointer == "/governance/stabilityMeasures"
	v.evidence.measure == "dataExport"
	v.evidence.declared == "not declared"
}

test_each_new_item_fails_by_name_when_undeclared if {
	items := {"nonDiscrimination": "Decree Art. 30-8(2)1(a)", "carrierPriorNotice": "Decree Art. 30-8(2)1(e)", "paymentMeans": "Decree Art. 30-8(2)3", "internalGuideline": "Decree Art. 30-8(2)4"}
	every name, item in items {
		vs := violations_of(manifest(object.remove(all_in_place, [name])))
		count(vs) == 1
		some v in vs
		v.evidence.measure == name
		v.evidence.item == item
		contains(v.msg, name)
	}
}

test_each_new_item_fails_by_name_when_false if {
	every name in ["nonDiscrimination", "carrierPriorNotice", "paymentMeans", "internalGuideline"] {
		vs := violations_of(manifest(object.union(all_in_place, {name: false})))
		count(vs) == 1
		some v in vs
		v.pointer == sprintf("/governance/stabilityMeasures/%s", [name])
	}
}

test_the_six_older_fields_alone_leave_the_four_new_items_undeclared if {
	older := object.remove(all_in_place, ["nonDiscrimination", "carrierPriorNotice", "paymentMeans", "internalGuideline"])
	vs := violations_of(manifest(older))
	{v.evidence.measure | some v in vs} == {"nonDiscrimination", "carrierPriorNotice", "paymentMeans", "internalGuideline"}
}

test_each_gap_is_its_own_violation if {
	vs := violations_of(manifest({"koreanSupportChannel": false, "capacityPlanning": true}))
	count(vs) == 9
	not "capacityPlanning" in {v.evidence.measure | some v in vs}
}

test_missing_block_is_one_violation if {
	vs := violations_of({"provider": bound, "governance": {}})
	count(vs) == 1
	some v in vs
	v.pointer == "/governance"
	v.evidence.missing == "governance.stabilityMeasures"
	count(v.evidence.measures) == 10
}

test_not_applicable_below_one_percent_traffic if {
	light := object.union(bound, {"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 1000000, "trafficSharePercent": 0.99}})
	not ss_measures.applies with input as {"provider": light} with data.resilcheck.run as run
	r := ss_measures.reason with input as {"provider": light} with data.resilcheck.run as run
	r.en == "service-stability duty holder (TBA 22-7): trafficSharePercent 0.99% < 1%"
}

test_not_applicable_below_one_million_users if {
	few := object.union(bound, {"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 999999, "trafficSharePercent": 40}})
	not ss_measures.applies with input as {"provider": few} with data.resilcheck.run as run
	r := ss_measures.reason with input as {"provider": few} with data.resilcheck.run as run
	contains(r.en, "dailyAverageUsers 999,999 < 1,000,000")
}

test_not_in_force_the_day_before_2020_12_10 if {
	m := manifest({})
	not ss_measures.applies with input as m with data.resilcheck.run as {"as_of": "2020-12-09"}
	r := ss_measures.reason with input as m with data.resilcheck.run as {"as_of": "2020-12-09"}
	r.en == "not in force on 2020-12-09 (in force from 2020-12-10)"
	count(violations_on(m, "2020-12-09")) == 0
	ss_measures.applies with input as m with data.resilcheck.run as {"as_of": "2020-12-10"}
}

test_before_2023_07_04_the_current_list_is_judged_as_older_wording_reported if {
	vs := violations_on(manifest(object.remove(all_in_place, ["paymentMeans"])), "2023-07-03")
	count(vs) == 1
	some v in vs
	v.evidence.rule.label == "law-older-wording-reported"
	contains(v.msg, "(older wording reported: the current list of Decree Art. 30-8(2) is judged)")
	ws := violations_on(manifest(object.remove(all_in_place, ["paymentMeans"])), "2023-07-04")
	some w in ws
	w.evidence.rule.label == "law"
	not contains(w.msg, "older wording")
}
