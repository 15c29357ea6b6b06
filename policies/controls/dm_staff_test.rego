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

test_department_at_one_trillion_passes if {
	m := manifest(1000000000000, {"dedicatedDepartment": true, "departmentName": "Disaster Response Office"})
	dm_staff.applies with input as m with data.resilcheck.run as run
	count(violations_of(m)) == 0
}

test_staff_alone_is_not_enough_at_one_trillion if {
	vs := violations_of(manifest(1000000000000, {"dedicatedStaff": 5}))
	count(vs) == 1
	some v in vs
	v.pointer == "/governance/disasterTeam"
	v.evidence.dedicated_department == "not declared"
	v.evidence.department_min_telecom_revenue_krw == 1000000000000
}

test_department_false_points_at_field if {
	some v in violations_of(manifest(2000000000000, {"dedicatedDepartment": false}))
	v.pointer == "/governance/disasterTeam/dedicatedDepartment"
	v.evidence.dedicated_department == false
}

test_two_staff_below_one_trillion_passes if {
	count(violations_of(manifest(999999999999, {"dedicatedStaff": 2}))) == 0
}

test_one_staff_fails if {
	vs := violations_of(manifest(999999999999, {"dedicatedStaff": 1}))
	count(vs) == 1
	some v in vs
	v.pointer == "/governance/disasterTeam/dedicatedStaff"
	v.evidence.dedicated_staff == 1
	v.evidence.min_staff == 2
}

test_ten_billion_is_bound if {
	some v in violations_of({"provider": provider(10000000000)})
	v.pointer == ""
	v.evidence.dedicated_staff == "not declared"
}

test_staff_count_missing_fails_even_with_department if {
	some v in violations_of(manifest(50000000000, {"dedicatedDepartment": true}))
	v.pointer == "/governance/disasterTeam"
}

test_not_applicable_below_ten_billion if {
	not dm_staff.applies with input as manifest(9999999999, {}) with data.resilcheck.run as run
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
	small := object.union(provider(2000000000000), {"metrics": {"dailyAverageUsers": 100}})
	not dm_staff.applies with input as {"provider": small} with data.resilcheck.run as run
}

test_message_prints_float_revenue_in_whole_won if {
	some v in violations_of(manifest(1.2e12, {}))
	v.msg == "telecom revenue of KRW 1200000000000 is at least KRW 1000000000000, but no dedicated disaster-management department is declared"
}
