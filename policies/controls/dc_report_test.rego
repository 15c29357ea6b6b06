package resilcheck.controls.dc_report_test

import data.resilcheck.controls.dc_report

run := {"as_of": "2026-11-22"}

window := {"from": "2025-10-01", "to": "2025-12-31"}

operator := {
	"name": "Example DC",
	"categories": ["datacenter-operator"],
	"origin": "domestic",
	"metrics": {"window": window},
}

sites := [
	{"id": "dc1", "name": "DC 1", "operator": "Example DC", "ownership": "own", "serverRoomAreaM2": 800},
	{"id": "rented", "name": "Rented", "operator": "Other", "ownership": "colocation"},
]

outage(id, start, end) := {"id": id, "cause": "power", "startedAt": start, "restoredAt": end, "datacenters": ["dc1"]}

reported(inc, at) := object.union(inc, {"datacenterReport": {"at": at}})

report(inc, rep) := object.union(inc, {"datacenterReport": rep})

all_six := ["datetime-place", "cause-damage", "emergency-actions", "recovery-measures", "next-steps", "other"]

violations_on(doc, as_of) := vs if {
	vs := dc_report.violations with input as doc with data.resilcheck.run as {"as_of": as_of}
}

violations(incs) := violations_on({"provider": operator, "datacenters": sites, "incidents": incs}, run.as_of)

test_exactly_30_minutes_is_reportable if {
	vs := violations([outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:30:00+09:00")])
	count(vs) == 1
	some v in vs
	v.pointer == "/incidents/0"
	v.evidence.rule == "continuous"
	v.evidence.reportable_at == "2026-03-01T10:30:00+09:00"
	v.evidence.due == "2026-03-01T11:30:00+09:00"
	v.evidence.without_delay_label == "audit-default"
	v.evidence.duty == "Network Act Art. 46(6); Decree Art. 40"
	contains(v.msg, "30 min continuous, at least 30 min (Decree Art. 40(1)1)")
	contains(v.msg, "audit default 60 min")
}

test_29_minutes_is_not_reportable if {
	count(violations([outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:29:00+09:00")])) == 0
}

test_message_reads_the_threshold_in_force if {
	inc := outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:20:00+09:00")
	vs := dc_report.violations with input as {"provider": operator, "datacenters": sites, "incidents": [inc]}
		with data.resilcheck.run as run
		with data.resilcheck.overrides as {"dc_report_min_continuous_minutes": 20}
	some v in vs
	contains(v.msg, "20 min continuous, at least 20 min")
	v.evidence.threshold_minutes == 20
}

test_timely_report_passes if {
	inc := reported(outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T12:00:00+09:00"), "2026-03-01T11:30:00+09:00")
	count(violations([inc])) == 0
}

test_late_report_fails if {
	inc := reported(outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T12:00:00+09:00"), "2026-03-01T02:31:00Z")
	vs := violations([inc])
	count(vs) == 1
	some v in vs
	v.pointer == "/incidents/0/datacenterReport/at"
	v.evidence.late_minutes == 1
}

test_report_dated_after_the_audit_date_is_not_yet_made if {
	inc := reported(outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T12:00:00+09:00"), "2026-03-02T09:00:00+09:00")
	vs := violations_on({"provider": operator, "datacenters": sites, "incidents": [inc]}, "2026-03-01")
	count(vs) == 1
	some v in vs
	v.pointer == "/incidents/0"
	not v.evidence.reported_at
}

test_two_interruptions_totalling_45_minutes_are_reportable if {
	a := outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:20:00+09:00")
	b := outage("b", "2026-03-02T09:00:00+09:00", "2026-03-02T09:25:00+09:00")
	vs := violations([a, b])
	count(vs) == 1
	some v in vs
	v.pointer == "/incidents/1"
	v.evidence.rule == "repeated"
	v.evidence.reportable_at == "2026-03-02T09:25:00+09:00"
	v.evidence.series.count == 2
	v.evidence.series.total_minutes == 45
	contains(v.msg, "2 interruptions within 24 h totalling 45 min, at least 45 min (Decree Art. 40(1)2)")
}

test_two_interruptions_totalling_44_minutes_are_not if {
	a := outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:20:00+09:00")
	b := outage("b", "2026-03-02T09:00:00+09:00", "2026-03-02T09:24:00+09:00")
	count(violations([a, b])) == 0
}

# "24시간 이내" is at most 24 hours from the first interruption: a second one exactly 24 hours
# later is inside the window, one a minute later is not.
test_window_is_24_hours_from_the_first if {
	a := outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:20:00+09:00")
	b := outage("b", "2026-03-02T10:00:00+09:00", "2026-03-02T10:25:00+09:00")
	count(violations([a, b])) > 0
	c := outage("c", "2026-03-02T10:01:00+09:00", "2026-03-02T10:26:00+09:00")
	count(violations([a, c])) == 0
}

test_series_report_on_the_other_member_counts_if_made_after_the_trigger if {
	a := reported(outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:20:00+09:00"), "2026-03-02T09:40:00+09:00")
	b := outage("b", "2026-03-02T09:00:00+09:00", "2026-03-02T09:25:00+09:00")
	count(violations([a, b])) == 0
	early := reported(a, "2026-03-01T10:30:00+09:00")
	count(violations([early, b])) == 1
}

test_order_in_manifest_does_not_matter if {
	a := outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:20:00+09:00")
	b := outage("b", "2026-03-02T09:00:00+09:00", "2026-03-02T09:25:00+09:00")
	some v in violations([b, a])
	v.pointer == "/incidents/0"
}

test_interruptions_at_rented_space_are_not_judged if {
	inc := object.union(outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T12:00:00+09:00"), {"datacenters": ["rented"]})
	count(violations([inc])) == 0
}

test_not_judged_before_due if {
	inc := object.remove(outage("a", "2026-11-22T23:00:00+09:00", ""), ["restoredAt"])
	count(violations([inc])) == 0
}

test_report_not_in_writing_fails if {
	base := outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T12:00:00+09:00")
	vs := violations([report(base, {"at": "2026-03-01T10:45:00+09:00", "written": false})])
	count(vs) == 1
	some v in vs
	v.pointer == "/incidents/0/datacenterReport/written"
	v.evidence.datacenters == ["dc1"]
	contains(v.msg, "Decree Art. 40(3)")
	count(violations([report(base, {"at": "2026-03-01T10:45:00+09:00", "written": true, "contents": all_six})])) == 0
}

test_each_missing_report_item_fails_by_name if {
	base := outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T12:00:00+09:00")
	five := [c | some c in all_six; c != "next-steps"]
	vs := violations([report(base, {"at": "2026-03-01T10:45:00+09:00", "written": true, "contents": five})])
	count(vs) == 1
	some v in vs
	v.pointer == "/incidents/0/datacenterReport/contents"
	v.evidence.missing == "next-steps"
	v.evidence.item == 5
	four := ["datetime-place", "cause-damage", "emergency-actions", "recovery-measures"]
	ws := violations([report(base, {"at": "2026-03-01T10:45:00+09:00", "contents": four})])
	{w.evidence.missing | some w in ws} == {"next-steps", "other"}
}

test_contents_not_declared_are_not_judged if {
	base := outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T12:00:00+09:00")
	count(violations([reported(base, "2026-03-01T10:45:00+09:00")])) == 0
}

test_report_of_an_interruption_below_the_threshold_is_not_judged if {
	base := outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:10:00+09:00")
	count(violations([report(base, {"at": "2026-03-01T10:45:00+09:00", "written": false, "contents": []})])) == 0
}

own := {"name": "Big", "categories": ["value-added"], "origin": "domestic", "metrics": {"window": window, "dailyAverageUsers": 1000000, "ictRevenueKRW": 10000000000}}

test_own_datacenter_of_a_large_provider_applies if {
	dc_report.applies with input as {"provider": own, "datacenters": sites} with data.resilcheck.run as run
	small := object.union(own, {"metrics": {"dailyAverageUsers": 999999}})
	not dc_report.applies with input as {"provider": small, "datacenters": sites} with data.resilcheck.run as run
	r := dc_report.reason with input as {"provider": small, "datacenters": sites} with data.resilcheck.run as run
	contains(r.en, "dailyAverageUsers 999,999 < 1,000,000")
}

test_rule_in_force_from_2023_07_04 if {
	before := outage("a", "2023-07-03T10:00:00+09:00", "2023-07-03T12:00:00+09:00")
	count(violations([before])) == 0
	from := outage("a", "2023-07-04T00:00:00+09:00", "2023-07-04T02:00:00+09:00")
	some v in violations([from])
	v.evidence.threshold_basis == "Network Act Art. 46(6) (added 2023-01-03, in force 2023-07-04); Decree Art. 40"
	v.evidence.started_on == "2023-07-04"
}

test_start_date_is_the_korean_date if {
	# 2023-07-03T15:30Z is 2023-07-04 00:30 in Korea: judged.
	inc := outage("a", "2023-07-03T15:30:00Z", "2023-07-03T17:00:00Z")
	some v in violations([inc])
	v.evidence.started_on == "2023-07-04"
}

test_day_before_is_not_in_force_with_reason if {
	doc := {"provider": operator, "datacenters": sites}
	not dc_report.applies with input as doc with data.resilcheck.run as {"as_of": "2023-07-03"}
	r := dc_report.reason with input as doc with data.resilcheck.run as {"as_of": "2023-07-03"}
	r.en == "not in force on 2023-07-03 (in force from 2023-07-04)"
	dc_report.applies with input as doc with data.resilcheck.run as {"as_of": "2023-07-04"}
}

tenant := {"name": "Tenant", "categories": ["value-added"], "origin": "domestic", "metrics": {"window": window}}

test_exclusive_lessee_with_a_tiny_site_reports_the_same_way if {
	cage := [{"id": "dc1", "name": "Cage", "operator": "Other DC", "ownership": "leased-exclusive", "serverRoomAreaM2": 12}]
	inc := outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T11:00:00+09:00")
	vs := violations_on({"provider": tenant, "datacenters": cage, "incidents": [inc]}, run.as_of)
	count(vs) == 1
	some v in vs
	v.evidence.duty == "Network Act Art. 46(7); Decree Art. 41 2 (as Art. 40)"
	old := outage("b", "2023-07-03T10:00:00+09:00", "2023-07-03T11:00:00+09:00")
	count(violations_on({"provider": tenant, "datacenters": cage, "incidents": [old]}, run.as_of)) == 0
}

test_public_institution_is_not_a_46_1_operator if {
	doc := {"provider": object.union(operator, {"publicInstitution": true}), "datacenters": sites}
	not dc_report.applies with input as doc with data.resilcheck.run as run
	r := dc_report.reason with input as doc with data.resilcheck.run as run
	contains(r.en, "public institution (Network Decree 37(1) proviso)")
}

# An ongoing interruption is measured to the end of the audit date, a fraction of a minute
# short of a whole number: the message prints whole minutes, never a Go format error.
test_ongoing_interruption_prints_whole_minutes if {
	i := object.remove(outage("open", "2026-11-22T10:00:00+09:00", "2026-11-22T11:00:00+09:00"), ["restoredAt"])
	vs := violations([i])
	some v in vs
	not contains(v.msg, "%!")
	contains(v.msg, "840 min continuous")
}

# The missing items share the contents pointer: each is keyed by its item.
test_findings_are_keyed if {
	base := outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T12:00:00+09:00")
	four := ["datetime-place", "cause-damage", "emergency-actions", "recovery-measures"]
	vs := violations([report(base, {"at": "2026-03-01T11:45:00+09:00", "written": false, "contents": four})])
	{v.key | some v in vs} == {"report:late", "written", "contents:next-steps", "contents:other"}
	some w in violations([base])
	w.key == "report"
}

# --- the 24-hour window's start: an audit default printed with series findings ---

test_series_finding_prints_the_window_anchor_audit_default if {
	a := outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:20:00+09:00")
	b := outage("b", "2026-03-02T09:00:00+09:00", "2026-03-02T09:25:00+09:00")
	some v in violations([a, b])
	v.evidence.rule == "repeated"
	v.evidence.window_anchor_label == "audit-default"
	contains(v.evidence.window_anchor_note, "any 24-hour span")
	contains(v.evidence.window_anchor_note_ko, "점검 기본값")
}

test_continuous_finding_carries_no_window_anchor if {
	some v in violations([outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:30:00+09:00")])
	v.evidence.rule == "continuous"
	not v.evidence.window_anchor_label
}

test_series_on_2023_07_04_prints_the_anchor_and_the_day_before_is_not_judged if {
	early := object.union(operator, {"metrics": {"window": {"from": "2022-10-01", "to": "2022-12-31"}}})
	on := [outage("a", "2023-07-04T01:00:00+09:00", "2023-07-04T01:20:00+09:00"), outage("b", "2023-07-04T09:00:00+09:00", "2023-07-04T09:25:00+09:00")]
	some v in violations_on({"provider": early, "datacenters": sites, "incidents": on}, run.as_of)
	v.evidence.window_anchor_label == "audit-default"
	before := [outage("a", "2023-07-03T01:00:00+09:00", "2023-07-03T01:20:00+09:00"), outage("b", "2023-07-03T09:00:00+09:00", "2023-07-03T09:25:00+09:00")]
	count(violations_on({"provider": early, "datacenters": sites, "incidents": before}, run.as_of)) == 0
}

# A leak of user information at the site is not an interruption of service, however long it
# lasted: nothing is reportable under Art. 46(6).
test_a_leak_is_not_an_interruption if {
	leak := object.union(outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T12:00:00+09:00"), {"kind": "leak", "cause": "cyberattack", "dataLeak": {"detectedAt": "2026-03-01T10:30:00+09:00"}})
	count(violations([leak])) == 0
	count(violations([object.union(leak, {"kind": "outage"})])) == 1
}
