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

test_incident_before_value_added_duty_is_not_judged if {
	# Kakao's outage of 2022-10-15: value-added providers were not bound until 2023-07-04.
	inc := object.union(fire, {"startedAt": "2022-10-15T15:19:00+09:00", "detectedAt": "2022-10-15T15:19:00+09:00", "restoredAt": "2022-10-20T23:00:00+09:00"})
	dm_report.applies with input as manifest(inc) with data.resilcheck.run as run
	count(dm_report.violations) == 0 with input as manifest(inc) with data.resilcheck.run as run
}

test_incident_is_judged_from_the_korean_date_it_started if {
	before := object.union(fire, {"startedAt": "2023-07-03T23:59:00+09:00", "detectedAt": "2023-07-03T23:59:00+09:00", "restoredAt": "2023-07-04T10:00:00+09:00"})
	count(dm_report.violations) == 0 with input as manifest(before) with data.resilcheck.run as run

	# 15:00 UTC on 2023-07-03 is midnight of 2023-07-04 in Korea.
	on := object.union(fire, {"startedAt": "2023-07-03T15:00:00Z", "detectedAt": "2023-07-03T15:00:00Z", "restoredAt": "2023-07-04T10:00:00+09:00"})
	some v in dm_report.violations with input as manifest(on) with data.resilcheck.run as run
	v.evidence.due == "2023-07-04T01:00:00+09:00"
}

test_not_applicable_below_thresholds if {
	small := object.union(major, {"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 9999999}})
	not dm_report.applies with input as {"provider": small, "incidents": [fire]} with data.resilcheck.run as run
	r := dm_report.reason with input as {"provider": small, "incidents": [fire]} with data.resilcheck.run as run
	contains(r.en, "dailyAverageUsers 9,999,999 < 10,000,000")
}

reason_on(m, as_of) := r if {
	r := dm_report.reason with input as m with data.resilcheck.run as {"as_of": as_of}
}

violations_of(m) := vs if {
	vs := dm_report.violations with input as m with data.resilcheck.run as run
}

test_value_added_day_before_2023_07_04_is_not_in_force if {
	m := {"provider": major}
	not dm_report.applies with input as m with data.resilcheck.run as {"as_of": "2023-07-03"}
	r := reason_on(m, "2023-07-03")
	contains(r.en, "major value-added provider (BCDA 35(1)4): not in force until 2023-07-04")
	dm_report.applies with input as m with data.resilcheck.run as {"as_of": "2023-07-04"}
}

# --- contents (Art. 38(1)) ---

timely := [
	{"at": "2026-03-01T11:05:00+09:00", "kind": "initial", "contents": ["status", "emergency-actions"]},
	{"at": "2026-03-01T21:00:00+09:00", "kind": "final", "contents": ["cause", "recovery-plan"]},
]

test_four_contents_across_the_reports_pass if {
	count(violations_of(manifest(with_reports(fire, timely)))) == 0
}

test_a_missing_content_fails_naming_it if {
	reports := [timely[0], object.union(timely[1], {"contents": ["recovery-plan"]})]
	vs := violations_of(manifest(with_reports(fire, reports)))
	count(vs) == 1
	some v in vs
	v.pointer == "/incidents/0/ministryReports"
	v.evidence.missing_contents == ["cause"]
	v.msg == "the ministry reports on disaster fire-1 never gave: cause (BCDA Art. 38(1) asks for status, cause, emergency actions and recovery plan)"
	contains(v.msg_ko, "원인")
}

test_reports_without_contents_are_listed_when_others_declare_them if {
	reports := [timely[0], {"at": "2026-03-01T21:00:00+09:00", "kind": "final"}]
	some v in violations_of(manifest(with_reports(fire, reports)))
	v.evidence.missing_contents == ["cause", "recovery-plan"]
	v.evidence.reports_without_contents == [1]
}

test_contents_not_declared_anywhere_are_not_judged_and_noted if {
	plain := [
		{"at": "2026-03-01T11:05:00+09:00", "kind": "initial"},
		{"at": "2026-03-01T21:00:00+09:00", "kind": "final"},
	]
	count(violations_of(manifest(with_reports(fire, plain)))) == 0
	late := [{"at": "2026-03-01T11:06:00+09:00", "kind": "initial"}, plain[1]]
	some v in violations_of(manifest(with_reports(fire, late)))
	startswith(v.evidence.contents, "not declared on any report")
}

test_contents_not_judged_before_the_first_report_is_due if {
	inc := object.union(object.remove(fire, ["restoredAt"]), {"startedAt": "2026-11-22T23:00:00+09:00", "detectedAt": "2026-11-22T23:00:00+09:00"})
	m := manifest(with_reports(inc, [{"at": "2026-11-22T23:10:00+09:00", "kind": "initial", "contents": ["status"]}]))
	count(violations_of(m)) == 0
}

# --- recipient (Art. 39(4); Decree Art. 27) ---

test_report_to_the_ministry_after_the_task_force_fails if {
	inc := object.union(fire, {"restoredAt": "2026-03-02T10:00:00+09:00"})
	reports := [
		{"at": "2026-03-01T10:30:00+09:00", "kind": "initial", "recipient": "msit"},
		{"at": "2026-03-01T20:00:00+09:00", "kind": "update", "recipient": "task-force"},
		{"at": "2026-03-02T09:00:00+09:00", "kind": "update", "recipient": "msit"},
		{"at": "2026-03-02T11:00:00+09:00", "kind": "final", "recipient": "task-force"},
	]
	vs := violations_of(manifest(with_reports(inc, reports)))
	count(vs) == 1
	some v in vs
	v.pointer == "/incidents/0/ministryReports/2/recipient"
	v.key == "recipient"
	v.evidence.task_force_reports_from == "2026-03-01T20:00:00+09:00"
	v.evidence.label == "interpretation"
}

test_copy_to_the_ministry_beside_the_task_force_passes if {
	reports := [
		{"at": "2026-03-01T10:30:00+09:00", "kind": "initial", "recipient": "task-force"},
		{"at": "2026-03-01T21:00:00+09:00", "kind": "final", "recipient": "task-force"},
		{"at": "2026-03-01T21:00:00+09:00", "kind": "final", "recipient": "msit"},
	]
	count(violations_of(manifest(with_reports(fire, reports)))) == 0
}

test_ministry_before_any_task_force_report_passes if {
	reports := [
		{"at": "2026-03-01T10:30:00+09:00", "kind": "initial", "recipient": "msit"},
		{"at": "2026-03-01T21:00:00+09:00", "kind": "final", "recipient": "task-force"},
	]
	count(violations_of(manifest(with_reports(fire, reports)))) == 0
}

# --- parties ---

carrier := {
	"name": "Telco",
	"categories": ["facilities-based"],
	"origin": "domestic",
	"metrics": {"window": {"from": "2021-10-01", "to": "2021-12-31"}, "subscribers": 100000},
}

test_carrier_incident_of_2022_is_judged if {
	inc := object.union(fire, {"startedAt": "2022-10-15T15:19:00+09:00", "detectedAt": "2022-10-15T15:19:00+09:00", "restoredAt": "2022-10-15T20:00:00+09:00"})
	m := {"provider": carrier, "services": services, "incidents": [inc]}
	some v in dm_report.violations with input as m with data.resilcheck.run as {"as_of": "2022-10-20"}
	v.evidence.due == "2022-10-15T16:19:00+09:00"
}

test_carrier_day_before_2017_07_26_is_not_verifiable if {
	m := {"provider": carrier}
	not dm_report.applies with input as m with data.resilcheck.run as {"as_of": "2017-07-25"}
	startswith(reason_on(m, "2017-07-25").en, "not verifiable on 2017-07-25: the wording before 2017-07-26")
}

test_major_datacenter_operator_built_from_a_site if {
	idc := {
		"name": "IDC",
		"categories": ["datacenter-operator"],
		"origin": "domestic",
		"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "revenueKRW": 10000000000},
	}
	m := {"provider": idc, "datacenters": [{"id": "dc1", "ownership": "own", "serverRoomAreaM2": 22500}], "services": services, "incidents": [fire]}
	dm_report.applies with input as m with data.resilcheck.run as run
	some v in violations_of(m)
	contains(v.msg, "no ministry report for disaster fire-1")
	not dm_report.applies with input as object.remove(m, ["datacenters"]) with data.resilcheck.run as run
}

# An incident that started before the duty reached the provider is not judged, and the pass
# says so in a note instead of reading as "reported properly".
test_incident_before_the_duty_is_noted_not_judged if {
	old := object.union(fire, {"id": "old", "startedAt": "2023-07-03T10:00:00+09:00", "detectedAt": "2023-07-03T10:05:00+09:00", "restoredAt": "2023-07-03T20:00:00+09:00"})
	m := manifest(old)
	count(dm_report.violations) == 0 with input as m with data.resilcheck.run as run
	ns := dm_report.notes with input as m with data.resilcheck.run as run
	some n in ns
	n.pointer == "/incidents/0"
	contains(n.msg, "incident old (started 2023-07-03) is not judged")
	contains(n.msg, "major value-added provider (BCDA 35(1)4): not in force")
}

# Gaps, the missing final report and the missing contents all point at the report list: the
# keys tell them apart, a gap by the report it follows.
test_findings_on_the_report_list_are_keyed if {
	inc := object.union(fire, {"restoredAt": "2026-03-04T10:00:00+09:00"})
	m := manifest(with_reports(inc, [
		{"at": "2026-03-01T10:30:00+09:00", "kind": "initial", "contents": ["status"]},
		{"at": "2026-03-02T20:00:00+09:00", "kind": "update"},
	]))
	vs := violations_of(m)
	{v.pointer | some v in vs} == {"/incidents/0/ministryReports"}
	{v.key | some v in vs} == {
		"progress-after:2026-03-01T10:30:00+09:00",
		"progress-after:2026-03-02T20:00:00+09:00",
		"final-report",
		"contents",
	}
}

test_first_report_findings_are_keyed if {
	some v in violations_of(manifest(fire))
	v.key == "first-report"
	some w in violations_of(manifest(with_reports(fire, [{"at": "2026-03-01T11:06:00+09:00", "kind": "final"}])))
	w.key == "first-report:late"
}
