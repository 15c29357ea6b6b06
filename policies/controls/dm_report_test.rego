package resilcheck.controls.dm_report_test

import data.resilcheck.controls.dm_report

run := {"as_of": "2026-11-22"}

major := {
	"name": "Example",
	"categories": ["value-added"],
	"origin": "domestic",
	"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 10000000},
}

services := [
	{"id": "chat", "name": "Chat", "critical": true, "deployments": [{"datacenter": "dc1", "mode": "active"}]},
	{"id": "blog", "name": "Blog", "deployments": [{"datacenter": "dc1", "mode": "active"}]},
]

manifest(inc) := {"provider": major, "services": services, "incidents": [inc]}

fire := {
	"id": "fire-1",
	"cause": "fire",
	"startedAt": "2026-03-01T10:00:00+09:00",
	"detectedAt": "2026-03-01T10:05:00+09:00",
	"restoredAt": "2026-03-01T20:00:00+09:00",
	"services": ["blog"],
}

with_reports(inc, reports) := object.union(inc, {"ministryReports": reports})

test_passes_with_timely_initial_and_final if {
	m := manifest(with_reports(fire, [
		{"at": "2026-03-01T11:05:00+09:00", "kind": "initial"},
		{"at": "2026-03-01T21:00:00+09:00", "kind": "final"},
	]))
	dm_report.applies with input as m with data.resilcheck.run as run
	count(dm_report.violations) == 0 with input as m with data.resilcheck.run as run
}

test_fails_one_minute_past_the_default if {
	m := manifest(with_reports(fire, [
		{"at": "2026-03-01T11:06:00+09:00", "kind": "initial"},
		{"at": "2026-03-01T21:00:00+09:00", "kind": "final"},
	]))
	vs := dm_report.violations with input as m with data.resilcheck.run as run
	count(vs) == 1
	some v in vs
	v.pointer == "/incidents/0/ministryReports/0/at"
	v.evidence.minutes == 61
	v.evidence.limit_minutes == 60
	v.evidence.limit_label == "audit-default"
}

test_measures_from_start_without_detection if {
	inc := object.remove(fire, ["detectedAt"])
	m := manifest(with_reports(inc, [
		{"at": "2026-03-01T11:05:00+09:00", "kind": "initial"},
		{"at": "2026-03-01T21:00:00+09:00", "kind": "final"},
	]))
	some v in dm_report.violations with input as m with data.resilcheck.run as run
	v.evidence.minutes == 65
	v.evidence.detected_at == "2026-03-01T10:00:00+09:00"
}

test_reports_across_offsets_are_compared_as_instants if {
	# 02:05 UTC is 11:05 in Korea: exactly 60 minutes after detection.
	m := manifest(with_reports(fire, [
		{"at": "2026-03-01T02:05:00Z", "kind": "initial"},
		{"at": "2026-03-01T07:00:00-05:00", "kind": "final"},
	]))
	count(dm_report.violations) == 0 with input as m with data.resilcheck.run as run
}

test_fails_without_any_report if {
	m := manifest(fire)
	vs := dm_report.violations with input as m with data.resilcheck.run as run
	count(vs) == 1
	some v in vs
	v.pointer == "/incidents/0"
	v.evidence.due == "2026-03-01T11:05:00+09:00"
	v.evidence.disaster_basis == "cause \"fire\" is a disaster cause"
	contains(v.msg, "no ministry report for disaster fire-1")
}

test_empty_report_list_points_at_the_list if {
	m := manifest(with_reports(fire, []))
	some v in dm_report.violations with input as m with data.resilcheck.run as run
	v.pointer == "/incidents/0/ministryReports"
}

test_missing_report_not_judged_before_due if {
	inc := object.union(object.remove(fire, ["restoredAt"]), {"startedAt": "2026-11-22T23:30:00+09:00", "detectedAt": "2026-11-22T23:30:00+09:00"})
	m := manifest(inc)
	count(dm_report.violations) == 0 with input as m with data.resilcheck.run as run
}

test_software_fault_on_critical_service_is_a_disaster if {
	inc := object.union(fire, {"cause": "software", "services": ["chat"]})
	some v in dm_report.violations with input as manifest(inc) with data.resilcheck.run as run
	v.evidence.disaster_basis == "a critical service was affected"
}

test_software_fault_on_ordinary_service_is_not_a_disaster if {
	inc := object.union(fire, {"cause": "software"})
	count(dm_report.violations) == 0 with input as manifest(inc) with data.resilcheck.run as run
}

test_explicit_flag_overrides_cause if {
	inc := object.union(fire, {"disaster": false})
	count(dm_report.violations) == 0 with input as manifest(inc) with data.resilcheck.run as run
}

test_long_disaster_needs_progress_reports if {
	inc := object.union(fire, {"restoredAt": "2026-03-03T10:00:00+09:00"})
	m := manifest(with_reports(inc, [
		{"at": "2026-03-01T10:30:00+09:00", "kind": "initial"},
		{"at": "2026-03-02T10:30:00+09:00", "kind": "update"},
		{"at": "2026-03-03T10:30:00+09:00", "kind": "final"},
	]))
	vs := dm_report.violations with input as m with data.resilcheck.run as run
	count(vs) == 0
}

test_progress_gap_over_a_day_fails if {
	inc := object.union(fire, {"restoredAt": "2026-03-03T10:00:00+09:00"})
	m := manifest(with_reports(inc, [
		{"at": "2026-03-01T10:30:00+09:00", "kind": "initial"},
		{"at": "2026-03-02T10:31:00+09:00", "kind": "update"},
		{"at": "2026-03-03T10:30:00+09:00", "kind": "final"},
	]))
	vs := dm_report.violations with input as m with data.resilcheck.run as run
	count(vs) == 1
	some v in vs
	v.evidence.gap_minutes == 1441
	v.evidence.from == "2026-03-01T10:30:00+09:00"
	v.evidence.to == "2026-03-02T10:31:00+09:00"
}

test_ongoing_disaster_needs_updates_up_to_the_audit_date if {
	inc := object.union(object.remove(fire, ["restoredAt"]), {"startedAt": "2026-11-20T10:00:00+09:00", "detectedAt": "2026-11-20T10:00:00+09:00"})
	m := manifest(with_reports(inc, [{"at": "2026-11-20T10:10:00+09:00", "kind": "initial"}]))
	some v in dm_report.violations with input as m with data.resilcheck.run as run
	v.evidence.ongoing == true
	v.evidence.to == "2026-11-22T23:59:59+09:00"
}

test_missing_final_report_fails if {
	m := manifest(with_reports(fire, [{"at": "2026-03-01T10:30:00+09:00", "kind": "initial"}]))
	vs := dm_report.violations with input as m with data.resilcheck.run as run
	count(vs) == 1
	some v in vs
	v.evidence.due == "2026-03-02T20:00:00+09:00"
	v.pointer == "/incidents/0/ministryReports"
}

test_override_changes_the_limit if {
	m := manifest(with_reports(fire, [
		{"at": "2026-03-01T10:40:00+09:00", "kind": "initial"},
		{"at": "2026-03-01T21:00:00+09:00", "kind": "final"},
	]))
	some v in dm_report.violations with input as m with data.resilcheck.run as run with data.resilcheck.overrides as {"report_without_delay_minutes": 30}
	v.evidence.limit_minutes == 30
	v.evidence.limit_label == "override"
}

test_incident_before_value_added_duty_is_judged_with_todays_scope if {
	inc := object.union(fire, {"startedAt": "2022-10-15T15:19:00+09:00", "detectedAt": "2022-10-15T15:19:00+09:00", "restoredAt": "2022-10-20T23:00:00+09:00"})
	some v in dm_report.violations with input as manifest(inc) with data.resilcheck.run as run
	v.evidence.due == "2022-10-15T16:19:00+09:00"
}

test_not_applicable_below_thresholds if {
	small := object.union(major, {"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 9999999}})
	not dm_report.applies with input as {"provider": small, "incidents": [fire]} with data.resilcheck.run as run
}
