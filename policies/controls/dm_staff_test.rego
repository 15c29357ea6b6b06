package resilcheck.controls.dm_staff_test

import data.resilcheck.controls.dm_staff

run := {"as_of": "2026-11-22"}

provider(revenue) := {
	"name": "Example",
	"categories": ["value-added"],
	"origin": "domestic",
	"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 10000000, "telecomRevenueKRW": revenue},
}

manifest(revenue, team) := {"provider": provider(revenue), "governance": {"disasterTeam": team}}

violations_of(m) := vs if {
	vs := dm_staff.violations with input as m with data.resilcheck.run as run
}

reason_on(m, as_of) := r if {
	r := dm_staff.reason with input as m with data.resilcheck.run as {"as_of": as_of}
}

test_department_at_exactly_one_trillion_passes if {
	m := manifest(1000000000000, {"dedicatedDepartment": true, "departmentName": "Disaster Response Office"})
	dm_staff.applies with input as m with data.resilcheck.run as run
	count(violations_of(m)) == 0
}

test_staff_alone_is_not_enough_at_exactly_one_trillion if {
	vs := violations_of(manifest(1000000000000, {"dedicatedStaff": 5}))
	count(vs) == 1
	some v in vs
	v.pointer == "/governance/disasterTeam"
	v.evidence.dedicated_department == "not declared"
	v.evidence.department_min_telecom_revenue_krw == 1000000000000
	v.msg == "telecom revenue of KRW 1,000,000,000,000 is at least KRW 1,000,000,000,000, but no dedicated disaster-management department is declared"
}

test_department_false_points_at_field if {
	some v in violations_of(manifest(2000000000000, {"dedicatedDepartment": false}))
	v.pointer == "/governance/disasterTeam/dedicatedDepartment"
	v.evidence.dedicated_department == false
}

test_one_won_below_one_trillion_two_staff_pass if {
	count(violations_of(manifest(999999999999, {"dedicatedStaff": 2}))) == 0
}

test_one_won_below_one_trillion_one_staff_fails if {
	vs := violations_of(manifest(999999999999, {"dedicatedStaff": 1}))
	count(vs) == 1
	some v in vs
	v.pointer == "/governance/disasterTeam/dedicatedStaff"
	v.evidence.dedicated_staff == 1
	v.evidence.min_staff == 2
	contains(v.msg, "requires at least 2 dedicated disaster-management staff; 1 declared")
}

test_exactly_ten_billion_is_bound if {
	m := {"provider": provider(10000000000)}
	dm_staff.applies with input as m with data.resilcheck.run as run
	some v in violations_of(m)
	v.pointer == ""
	v.evidence.dedicated_staff == "not declared"
	v.evidence.min_telecom_revenue_krw == 10000000000
}

test_one_won_below_ten_billion_is_not_applicable_with_reason if {
	m := manifest(9999999999, {})
	not dm_staff.applies with input as m with data.resilcheck.run as run
	count(violations_of(m)) == 0
	r := reason_on(m, run.as_of)
	contains(r.en, "telecom revenue KRW 9,999,999,999 < KRW 10,000,000,000")
	contains(r.ko, "9,999,999,999원 < 10,000,000,000원")
}

test_staff_count_missing_fails_even_with_department if {
	some v in violations_of(manifest(50000000000, {"dedicatedDepartment": true}))
	v.pointer == "/governance/disasterTeam"
}

test_undeclared_revenue_fails if {
	m := {"provider": object.union(object.remove(provider(0), ["metrics"]), {"metrics": object.remove(provider(0).metrics, ["telecomRevenueKRW"])})}
	dm_staff.applies with input as m with data.resilcheck.run as run
	vs := violations_of(m)
	count(vs) == 1
	some v in vs
	v.pointer == "/provider/metrics"
	v.evidence.missing == "provider.metrics.telecomRevenueKRW"
}

test_not_applicable_outside_disaster_management_scope if {
	small := object.union(provider(2000000000000), {"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 100}})
	not dm_staff.applies with input as {"provider": small} with data.resilcheck.run as run
	contains(reason_on({"provider": small}, run.as_of).en, "dailyAverageUsers 100 < 10,000,000")
}

test_message_prints_float_revenue_in_whole_won if {
	some v in violations_of(manifest(1.2e12, {}))
	v.msg == "telecom revenue of KRW 1,200,000,000,000 is at least KRW 1,000,000,000,000, but no dedicated disaster-management department is declared"
}

test_value_added_day_before_2023_07_04_is_not_in_force if {
	m := manifest(2000000000000, {})
	not dm_staff.applies with input as m with data.resilcheck.run as {"as_of": "2023-07-03"}
	contains(reason_on(m, "2023-07-03").en, "major value-added provider (BCDA 35(1)4): not in force until 2023-07-04")
	dm_staff.applies with input as m with data.resilcheck.run as {"as_of": "2023-07-04"}
}

carrier(revenue) := {
	"name": "Telco",
	"categories": ["facilities-based"],
	"origin": "domestic",
	"metrics": {"window": {"from": "2021-10-01", "to": "2021-12-31"}, "subscribers": 100000, "telecomRevenueKRW": revenue},
}

test_carrier_bound_from_2021_12_09 if {
	m := {"provider": carrier(500000000000), "governance": {"disasterTeam": {"dedicatedStaff": 1}}}
	dm_staff.applies with input as m with data.resilcheck.run as {"as_of": "2021-12-09"}
	some v in dm_staff.violations with input as m with data.resilcheck.run as {"as_of": "2021-12-09"}
	v.evidence.dedicated_staff == 1
}

test_carrier_day_before_2021_12_09_is_not_in_force if {
	m := {"provider": carrier(500000000000)}
	not dm_staff.applies with input as m with data.resilcheck.run as {"as_of": "2021-12-08"}
	startswith(reason_on(m, "2021-12-08").en, "not in force on 2021-12-08 (in force from 2021-12-09)")
}

test_major_datacenter_operator_built_from_a_site if {
	idc := {
		"name": "IDC",
		"categories": ["datacenter-operator"],
		"origin": "domestic",
		"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "revenueKRW": 10000000000, "telecomRevenueKRW": 20000000000},
	}
	site := [{"id": "dc1", "ownership": "own", "serverRoomAreaM2": 22500}]
	m := {"provider": idc, "datacenters": site, "governance": {"disasterTeam": {"dedicatedStaff": 2}}}
	dm_staff.applies with input as m with data.resilcheck.run as run
	count(violations_of(m)) == 0
	not dm_staff.applies with input as {"provider": idc} with data.resilcheck.run as run
}
