package resilcheck.controls.cr_measures_test

import data.resilcheck.controls.cr_measures

run := {"as_of": "2026-11-22"}

carrier := {
	"name": "Telco",
	"categories": ["facilities-based"],
	"origin": "domestic",
	"metrics": {"telecomRevenueKRW": 1000000000000, "subscribers": 100000},
}

all_in_place := {"vulnerabilityAssessment": true, "coreEquipmentMonitoring": true, "trafficDistribution": true}

manifest(measures) := {"provider": carrier, "governance": {"carrierMeasures": measures}}

violations_on(m, as_of) := vs if {
	vs := cr_measures.violations with input as m with data.resilcheck.run as {"as_of": as_of}
}

test_all_three_in_place_passes if {
	cr_measures.applies with input as manifest(all_in_place) with data.resilcheck.run as run
	count(violations_on(manifest(all_in_place), run.as_of)) == 0
}

test_a_measure_declared_false_fails_by_name if {
	vs := violations_on(manifest(object.union(all_in_place, {"trafficDistribution": false})), run.as_of)
	count(vs) == 1
	some v in vs
	v.pointer == "/governance/carrierMeasures/trafficDistribution"
	v.evidence.measure == "trafficDistribution"
	v.evidence.declared == false
	contains(v.msg, "the stability measure 'traffic distribution' is declared not in place")
	contains(v.evidence.not_judged, "Art. 61")
}

test_undeclared_measures_fail_by_name if {
	vs := violations_on(manifest({"vulnerabilityAssessment": true}), run.as_of)
	count(vs) == 2
	{v.evidence.measure | some v in vs} == {"coreEquipmentMonitoring", "trafficDistribution"}
	some v in vs
	v.pointer == "/governance/carrierMeasures"
}

test_no_governance_points_at_the_root if {
	vs := violations_on({"provider": carrier}, run.as_of)
	count(vs) == 3
	{v.pointer | some v in vs} == {""}
}

reason_on(m, as_of) := r if {
	r := cr_measures.reason with input as m with data.resilcheck.run as {"as_of": as_of}
}

test_day_before_2024_06_30_is_not_in_force_with_reason if {
	not cr_measures.applies with input as manifest({}) with data.resilcheck.run as {"as_of": "2024-06-29"}
	reason_on(manifest({}), "2024-06-29").en == "not in force on 2024-06-29 (in force from 2024-06-30)"
	contains(reason_on(manifest({}), "2024-06-29").ko, "2024-06-30 시행")
	count(violations_on(manifest({}), "2024-06-30")) == 3
}

test_revenue_threshold_is_inclusive if {
	below := {"provider": object.union(carrier, {"metrics": {"telecomRevenueKRW": 999999999999, "subscribers": 100000}})}
	not cr_measures.applies with input as below with data.resilcheck.run as run
	contains(reason_on(below, run.as_of).en, "telecomRevenueKRW 999,999,999,999 < 1,000,000,000,000")
}

test_subscribers_or_lines_suffice if {
	few := {"provider": object.union(carrier, {"metrics": {"telecomRevenueKRW": 1000000000000, "subscribers": 99999, "lines": 499999}})}
	not cr_measures.applies with input as few with data.resilcheck.run as run
	contains(reason_on(few, run.as_of).en, "subscribers 99,999 < 100,000 and lines 499,999 < 500,000")
	lines := {"provider": object.union(carrier, {"metrics": {"telecomRevenueKRW": 1000000000000, "lines": 500000}})}
	cr_measures.applies with input as lines with data.resilcheck.run as run
}

test_value_added_provider_is_not_bound if {
	vas := {"provider": object.union(carrier, {"categories": ["value-added"]})}
	not cr_measures.applies with input as vas with data.resilcheck.run as run
	contains(reason_on(vas, run.as_of).en, "category facilities-based not declared")
}
