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
	"equipmentPreChecks": true,
	"serverMultiplexing": true,
	"capacityPlanning": true,
	"koreanSupportChannel": true,
	"slowdownNotice": true,
	"dataExport": true,
}

manifest(measures) := {"provider": bound, "governance": {"stabilityMeasures": measures}}

violations_of(m) := vs if {
	vs := ss_measures.violations with input as m with data.resilcheck.run as run
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
	v.evidence == {"measure": "serverMultiplexing", "declared": false, "item": "Decree Art. 30-8(2)1(c)"}
}

test_missing_measure_is_named_at_parent if {
	vs := violations_of(manifest(object.remove(all_in_place, ["dataExport"])))
	count(vs) == 1
	some v in vs
	v.pointer == "/governance/stabilityMeasures"
	v.evidence.measure == "dataExport"
	v.evidence.declared == "not declared"
}

test_each_gap_is_its_own_violation if {
	vs := violations_of(manifest({"koreanSupportChannel": false, "capacityPlanning": true}))
	count(vs) == 5
	{v.evidence.measure | some v in vs} == {"equipmentPreChecks", "serverMultiplexing", "koreanSupportChannel", "slowdownNotice", "dataExport"}
}

test_missing_block_is_one_violation if {
	vs := violations_of({"provider": bound, "governance": {}})
	count(vs) == 1
	some v in vs
	v.pointer == "/governance"
	v.evidence.missing == "governance.stabilityMeasures"
	count(v.evidence.measures) == 6
}

test_not_applicable_below_one_percent_traffic if {
	light := object.union(bound, {"metrics": {"trafficSharePercent": 0.99}})
	not ss_measures.applies with input as {"provider": light} with data.resilcheck.run as run
}

test_not_applicable_below_one_million_users if {
	few := object.union(bound, {"metrics": {"dailyAverageUsers": 999999, "trafficSharePercent": 40}})
	not ss_measures.applies with input as {"provider": few} with data.resilcheck.run as run
}
