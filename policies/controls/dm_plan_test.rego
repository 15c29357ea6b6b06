package resilcheck.controls.dm_plan_test

import data.resilcheck.controls.dm_plan

run := {"as_of": "2026-11-22"}

major := {
	"name": "Example",
	"categories": ["value-added"],
	"origin": "domestic",
	"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 10000000},
}

manifest(plans) := {"provider": major, "governance": {"disasterPlans": plans}}

on_time := [
	{"year": 2026, "submittedOn": "2025-09-30", "evidence": "MSIT-2025-0930"},
	{"year": 2027, "submittedOn": "2026-09-12", "evidence": "MSIT-2026-0912"},
]

violations_of(m, as_of) := vs if {
	vs := dm_plan.violations with input as m with data.resilcheck.run as {"as_of": as_of}
}

test_passes_when_both_plans_submitted_on_time if {
	dm_plan.applies with input as manifest(on_time) with data.resilcheck.run as run
	count(violations_of(manifest(on_time), run.as_of)) == 0
}

test_submitted_on_september_30_is_on_time_and_october_1_is_one_day_late if {
	m := manifest([on_time[0], {"year": 2027, "submittedOn": "2026-10-01"}])
	vs := violations_of(m, run.as_of)
	count(vs) == 1
	some v in vs
	v.pointer == "/governance/disasterPlans/1/submittedOn"
	v.evidence.days_late == 1
	v.evidence.due == "2026-09-30"
	v.evidence.plan_year == 2027
}

test_missing_next_year_plan_names_year_and_due_date if {
	vs := violations_of(manifest([on_time[0]]), run.as_of)
	count(vs) == 1
	some v in vs
	v.pointer == "/governance/disasterPlans"
	v.evidence == {"plan_year": 2027, "due": "2026-09-30", "as_of": "2026-11-22", "basis": "BCDA Art. 36(2); Decree Art. 24"}
}

test_next_year_plan_not_yet_due_on_september_30 if {
	count(violations_of(manifest([on_time[0]]), "2026-09-30")) == 0
}

test_next_year_plan_overdue_on_october_1 if {
	some v in violations_of(manifest([on_time[0]]), "2026-10-01")
	v.evidence.plan_year == 2027
}

test_missing_current_year_plan if {
	some v in violations_of(manifest([on_time[1]]), run.as_of)
	v.evidence.plan_year == 2026
	v.evidence.due == "2025-09-30"
}

test_declared_entry_without_date_is_pointed_at if {
	m := manifest([on_time[0], {"year": 2027}])
	some v in violations_of(m, run.as_of)
	v.pointer == "/governance/disasterPlans/1"
	v.evidence.plan_year == 2027
}

test_no_governance_points_at_document_root if {
	some v in violations_of({"provider": major}, run.as_of)
	v.pointer == ""
	v.evidence.plan_year == 2026
}

test_earliest_submission_decides if {
	m := manifest([
		{"year": 2026, "submittedOn": "2025-11-02"},
		{"year": 2026, "submittedOn": "2025-09-01"},
		on_time[1],
	])
	count(violations_of(m, run.as_of)) == 0
}

test_declared_past_year_is_judged_for_lateness if {
	m := manifest(array.concat(on_time, [{"year": 2025, "submittedOn": "2024-10-10"}]))
	vs := violations_of(m, run.as_of)
	count(vs) == 1
	some v in vs
	v.pointer == "/governance/disasterPlans/2/submittedOn"
	v.evidence.days_late == 10
}

test_submission_dated_after_audit_date_leaves_plan_missing if {
	m := manifest([{"year": 2026, "submittedOn": "2025-12-01"}])
	some v in violations_of(m, "2025-11-01")
	v.evidence.plan_year == 2026
	v.pointer == "/governance/disasterPlans/0"
}

test_first_plans_due_for_2024 if {
	vs := violations_of(manifest([]), "2023-11-01")
	count(vs) == 1
	some v in vs
	v.evidence.plan_year == 2024
	v.evidence.due == "2023-09-30"
}

test_nothing_demanded_before_first_deadline if {
	dm_plan.applies with input as manifest([]) with data.resilcheck.run as {"as_of": "2023-08-01"}
	count(violations_of(manifest([]), "2023-08-01")) == 0
}

test_years_before_the_duty_are_not_judged if {
	m := manifest(array.concat(on_time, [{"year": 2023}]))
	count(violations_of(m, run.as_of)) == 0
}

test_not_applicable_before_the_amendments if {
	not dm_plan.applies with input as manifest([]) with data.resilcheck.run as {"as_of": "2022-10-15"}
}

test_not_applicable_below_thresholds if {
	small := object.union(major, {"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 9999999, "trafficSharePercent": 1.99}})
	not dm_plan.applies with input as {"provider": small} with data.resilcheck.run as run
}

test_major_datacenter_operator_is_bound if {
	idc := {
		"name": "IDC",
		"categories": ["datacenter-operator"],
		"origin": "domestic",
		"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "datacenterIncomingPowerMW": 40, "revenueKRW": 10000000000},
	}
	site := [{"id": "dc1", "ownership": "own", "serverRoomAreaM2": 500}]
	some v in violations_of({"provider": idc, "datacenters": site}, run.as_of)
	v.evidence.plan_year == 2027

	# The category alone does not make a datacenter operator: it needs a site it runs.
	not dm_plan.applies with input as {"provider": idc} with data.resilcheck.run as run
}

reason_on(m, as_of) := r if {
	r := dm_plan.reason with input as m with data.resilcheck.run as {"as_of": as_of}
}

test_day_before_the_amendments_is_not_in_force_with_reason if {
	not dm_plan.applies with input as manifest([]) with data.resilcheck.run as {"as_of": "2023-07-03"}
	r := reason_on(manifest([]), "2023-07-03")
	contains(r.en, "major value-added provider (BCDA 35(1)4): not in force until 2023-07-04")
	contains(r.en, "major carrier (BCDA 35(1)1): category facilities-based not declared")
	contains(r.ko, "2023-07-04부터 시행")
	dm_plan.applies with input as manifest([]) with data.resilcheck.run as {"as_of": "2023-07-04"}
}

test_reason_names_the_failed_scope_test_with_numbers if {
	small := object.union(major, {"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 9999999, "trafficSharePercent": 1.99}})
	r := reason_on({"provider": small}, run.as_of)
	contains(r.en, "dailyAverageUsers 9,999,999 < 10,000,000 and trafficSharePercent 1.99% < 2%")
}

carrier := {
	"name": "Telco",
	"categories": ["facilities-based"],
	"origin": "domestic",
	"metrics": {"window": {"from": "2021-10-01", "to": "2021-12-31"}, "subscribers": 100000},
}

test_carrier_bound_from_2021_12_09_and_owes_the_plan_for_2023 if {
	m := {"provider": carrier}
	dm_plan.applies with input as m with data.resilcheck.run as {"as_of": "2022-10-15"}
	vs := violations_of(m, "2022-10-15")
	{v.evidence.plan_year | some v in vs} == {2023}
}

test_carrier_before_2021_12_09_is_not_verifiable if {
	m := {"provider": carrier}
	not dm_plan.applies with input as m with data.resilcheck.run as {"as_of": "2021-12-08"}
	r := reason_on(m, "2021-12-08")
	startswith(r.en, "not verifiable on 2021-12-08")
}

test_carrier_thresholds_are_inclusive_and_either_suffices if {
	below := {"provider": object.union(carrier, {"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "subscribers": 99999, "lines": 499999}})}
	not dm_plan.applies with input as below with data.resilcheck.run as run
	contains(reason_on(below, run.as_of).en, "subscribers 99,999 < 100,000 and lines 499,999 < 500,000")
	lines := {"provider": object.union(carrier, {"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "lines": 500000}})}
	dm_plan.applies with input as lines with data.resilcheck.run as run
}

# A submission instant with its offset counts on its Korean date: 14:59Z on Sep 30 is 23:59 in
# Korea (on time), 15:00Z is midnight on Oct 1 (one day late).
test_submitted_at_counts_on_its_korean_date if {
	on_time_at := [on_time[0], {"year": 2027, "submittedAt": "2026-09-30T14:59:00Z", "evidence": "MSIT-2026-0930"}]
	count(violations_of(manifest(on_time_at), run.as_of)) == 0
	late_at := [on_time[0], {"year": 2027, "submittedAt": "2026-09-30T15:00:00Z", "evidence": "MSIT-2026-1001"}]
	vs := violations_of(manifest(late_at), run.as_of)
	count(vs) == 1
	some v in vs
	v.evidence.days_late == 1
	v.pointer == "/governance/disasterPlans/1/submittedAt"
}

# Both years missing point at the same list: the keys carry the plan year.
test_missing_years_are_keyed_by_year if {
	vs := violations_of(manifest([]), run.as_of)
	{[v.key, v.pointer] | some v in vs} == {["plan-2026", "/governance/disasterPlans"], ["plan-2027", "/governance/disasterPlans"]}
}

test_late_plan_is_keyed if {
	m := manifest([on_time[0], {"year": 2027, "submittedOn": "2026-10-01"}])
	{v.key | some v in violations_of(m, run.as_of)} == {"plan-2027:late"}
}

# --- the first plan owed by value-added and datacenter majors (interpretation) ---

test_first_plan_for_2024_prints_the_interpretation if {
	some v in violations_of(manifest([]), "2023-11-01")
	v.evidence.plan_year == 2024
	v.evidence.first_plan_label == "interpretation"
	contains(v.evidence.first_plan_note, "due 2023-09-30")
	contains(v.evidence.first_plan_note_ko, "2023-09-30")
	late := manifest([{"year": 2024, "submittedOn": "2023-10-01"}])
	some w in violations_of(late, "2023-11-01")
	w.evidence.days_late == 1
	w.evidence.first_plan_label == "interpretation"
}

test_later_plan_years_carry_no_first_plan_label if {
	m := manifest([{"year": 2024, "submittedOn": "2023-09-30"}])
	some v in violations_of(m, "2024-10-01")
	v.evidence.plan_year == 2025
	not v.evidence.first_plan_label
}

test_a_carriers_2024_plan_is_plain_law if {
	some v in violations_of({"provider": carrier}, "2023-11-01")
	v.evidence.plan_year == 2024
	not v.evidence.first_plan_label
}

test_period_from_2023_07_04_stays_law_for_later_years if {
	some v in violations_of(manifest([{"year": 2024, "submittedOn": "2023-09-30"}]), "2024-10-01")
	not v.evidence.first_plan_label
	dm_plan.in_force[2].label == "law"
}
