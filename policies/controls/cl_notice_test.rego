package resilcheck.controls.cl_notice_test

import data.resilcheck.controls.cl_notice

run := {"as_of": "2026-11-22"}

provider := {
	"name": "Example Cloud",
	"categories": ["cloud"],
	"origin": "domestic",
	"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}},
}

services := [
	{"id": "vm", "name": "VM", "cloud": true, "deployments": [{"datacenter": "dc1", "mode": "active"}]},
	{"id": "site", "name": "Web site", "deployments": [{"datacenter": "dc1", "mode": "active"}]},
	{"id": "db", "name": "DB", "cloud": true, "cloudNoticeMinutes": 30, "deployments": [{"datacenter": "dc1", "mode": "active"}]},
]

outage(id, start, end) := {"id": id, "cause": "software", "startedAt": start, "restoredAt": end, "services": ["vm"]}

noticed(inc, notices) := object.union(inc, {"userNotices": notices})

violations(incs) := vs if {
	vs := cl_notice.violations with input as {"provider": provider, "services": services, "incidents": incs} with data.resilcheck.run as run
}

full := ["fact", "cause", "response", "prevention-advice", "department", "contact"]

email(at) := {"at": at, "channels": ["email"], "contents": full}

# --- thresholds: 10 minutes in a row, 15 in total within 24 hours ---

test_exactly_ten_minutes_needs_a_notice if {
	vs := violations([outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:10:00+09:00")])
	count(vs) == 1
	some v in vs
	v.pointer == "/incidents/0"
	v.evidence.rule == "continuous"
	v.evidence.threshold_minutes == 10
	v.evidence.threshold_label == "law"
	v.evidence.noticeable_at == "2026-03-01T10:10:00+09:00"
	v.evidence.due == "2026-03-01T11:10:00+09:00"
	v.evidence.law.label == "law"
	contains(v.msg, "10 minutes")
}

test_nine_minutes_needs_none if {
	count(violations([outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:09:00+09:00")])) == 0
}

test_timely_notice_passes if {
	inc := noticed(outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:40:00+09:00"), [email("2026-03-01T11:10:00+09:00")])
	cl_notice.applies with input as {"provider": provider, "services": services, "incidents": [inc]} with data.resilcheck.run as run
	count(violations([inc])) == 0
}

test_late_notice_fails if {
	inc := noticed(outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:40:00+09:00"), [email("2026-03-01T11:11:00+09:00")])
	vs := violations([inc])
	count(vs) == 1
	some v in vs
	v.evidence.late_minutes == 1
	v.pointer == "/incidents/0/userNotices"
}

test_two_outages_totalling_15_minutes_need_a_notice if {
	a := outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:08:00+09:00")
	b := outage("b", "2026-03-01T22:00:00+09:00", "2026-03-01T22:07:00+09:00")
	vs := violations([a, b])
	count(vs) == 1
	some v in vs
	v.pointer == "/incidents/1"
	v.evidence.rule == "repeated"
	v.evidence.series.total_minutes == 15
	v.evidence.noticeable_at == "2026-03-01T22:07:00+09:00"
}

test_two_outages_totalling_14_minutes_need_none if {
	a := outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:08:00+09:00")
	b := outage("b", "2026-03-01T22:00:00+09:00", "2026-03-01T22:06:00+09:00")
	count(violations([a, b])) == 0
}

test_notice_on_an_earlier_member_after_the_trigger_answers_the_series if {
	a := outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:08:00+09:00")
	b := outage("b", "2026-03-01T22:00:00+09:00", "2026-03-01T22:07:00+09:00")
	count(violations([noticed(a, [email("2026-03-01T22:30:00+09:00")]), b])) == 0
}

# --- the contract period replaces both numbers for its service ---

db(start, end) := object.union(outage("a", start, end), {"services": ["db"]})

test_contract_period_replaces_ten_minutes if {
	count(violations([db("2026-03-01T10:00:00+09:00", "2026-03-01T10:29:00+09:00")])) == 0
	vs := violations([db("2026-03-01T10:00:00+09:00", "2026-03-01T10:30:00+09:00")])
	count(vs) == 1
	some v in vs
	v.evidence.threshold_minutes == 30
	v.evidence.threshold_label == "contract"
	v.evidence.noticeable_at == "2026-03-01T10:30:00+09:00"
}

test_contract_period_replaces_fifteen_minutes_in_total if {
	a := object.union(outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:15:00+09:00"), {"services": ["db"]})
	b := object.union(outage("b", "2026-03-01T12:00:00+09:00", "2026-03-01T12:14:00+09:00"), {"services": ["db"]})
	count(violations([a, b])) == 0
	c := object.union(b, {"restoredAt": "2026-03-01T12:15:00+09:00"})
	vs := violations([a, c])
	count(vs) == 1
	some v in vs
	v.evidence.rule == "repeated"
	v.evidence.threshold_minutes == 30
}

# --- what is judged here ---

test_pre_announced_maintenance_is_not_counted if {
	a := object.union(outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T11:00:00+09:00"), {"preAnnouncedMaintenance": true})
	b := outage("b", "2026-03-01T22:00:00+09:00", "2026-03-01T22:07:00+09:00")
	count(violations([a, b])) == 0
}

test_non_cloud_services_are_not_judged if {
	inc := object.union(outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T12:00:00+09:00"), {"services": ["site"]})
	count(violations([inc])) == 0
}

test_breaches_and_leaks_are_left_to_their_controls if {
	base := outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T12:00:00+09:00")
	count(violations([object.union(base, {"kind": "breach"})])) == 0
	count(violations([object.union(base, {"kind": "leak"})])) == 0
	count(violations([object.union(base, {"kind": "outage"})])) == 1
}

# --- contents (Decree 17(1)) ---

test_each_missing_item_fails_by_name if {
	inc := noticed(outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:40:00+09:00"), [{"at": "2026-03-01T10:30:00+09:00", "channels": ["email"], "contents": ["fact", "cause", "response", "contact"]}])
	vs := violations([inc])
	{v.evidence.missing_content | some v in vs} == {"prevention-advice", "department"}
	every v in vs {
		v.pointer == "/incidents/0/userNotices/0/contents"
	}
}

test_cause_may_follow_while_ongoing_but_is_owed_once_restored if {
	contents := [c | some c in full; c != "cause"]
	ongoing := object.remove(outage("a", "2026-11-22T10:00:00+09:00", ""), ["restoredAt"])
	count(violations([noticed(ongoing, [{"at": "2026-11-22T10:30:00+09:00", "channels": ["sms"], "contents": contents}])])) == 0
	restored := outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:40:00+09:00")
	vs := violations([noticed(restored, [{"at": "2026-03-01T10:30:00+09:00", "channels": ["sms"], "contents": contents}])])
	count(vs) == 1
	some v in vs
	v.evidence.missing_content == "cause"
}

test_prompt_item_told_after_the_deadline_fails if {
	inc := noticed(outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:40:00+09:00"), [
		{"at": "2026-03-01T10:30:00+09:00", "channels": ["email"], "contents": ["fact", "cause", "response", "prevention-advice", "contact"]},
		{"at": "2026-03-01T11:11:00+09:00", "channels": ["email"], "contents": ["department"]},
	])
	vs := violations([inc])
	count(vs) == 1
	some v in vs
	v.evidence.late_content == "department"
	v.pointer == "/incidents/0/userNotices/1/contents"
}

# --- methods (Decree 17(2)-(4)) ---

test_each_method_of_17_2_counts if {
	every c in ["phone", "mobile", "post", "email", "sms", "sns"] {
		inc := noticed(outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:40:00+09:00"), [{"at": "2026-03-01T10:30:00+09:00", "channels": [c], "contents": full}])
		count(violations([inc])) == 0
	}
}

test_press_only_is_no_notice if {
	inc := noticed(outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:40:00+09:00"), [{"at": "2026-03-01T10:30:00+09:00", "channels": ["press"], "contents": full}])
	vs := violations([inc])
	count(vs) == 2
	some v in vs
	v.pointer == "/incidents/0/userNotices/0/channels"
	some w in vs
	w.pointer == "/incidents/0/userNotices"
}

newspaper := {"at": "2026-03-01T10:30:00+09:00", "channels": ["newspaper"], "contents": full}

test_newspaper_without_the_ministry_report_fails if {
	inc := noticed(outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:40:00+09:00"), [newspaper])
	some v in violations([inc])
	v.pointer == "/incidents/0/userNotices/0/channels"
	contains(v.msg, "no ministryNotices entry of kind notice-impossible")
}

test_newspaper_with_a_written_timely_ministry_report_passes if {
	m := {"at": "2026-03-01T11:30:00+09:00", "kind": "notice-impossible", "written": true, "contents": ["reason", "notice"]}
	inc := object.union(noticed(outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:40:00+09:00"), [newspaper]), {"ministryNotices": [m]})
	count(violations([inc])) == 0
}

test_ministry_report_not_in_writing_late_or_incomplete_fails if {
	m := {"at": "2026-03-01T11:31:00+09:00", "kind": "notice-impossible", "contents": ["reason"]}
	inc := object.union(noticed(outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:40:00+09:00"), [newspaper]), {"ministryNotices": [m]})
	vs := violations([inc])
	count(vs) == 3
	{v.pointer | some v in vs} == {"/incidents/0/ministryNotices/0", "/incidents/0/ministryNotices/0/contents", "/incidents/0/ministryNotices"}
}

# --- the screen notice is kept up for cl_notice_display_days ---

test_screen_notice_shown_15_days_passes if {
	inc := noticed(outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:40:00+09:00"), [{"at": "2026-03-01T10:30:00+09:00", "channels": ["web"], "contents": full, "displayedDays": 15}])
	count(violations([inc])) == 0
}

test_screen_notice_shown_14_days_fails if {
	inc := noticed(outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:40:00+09:00"), [{"at": "2026-03-01T10:30:00+09:00", "channels": ["web", "app"], "contents": full, "displayedDays": 14}])
	vs := violations([inc])
	count(vs) == 1
	some v in vs
	v.pointer == "/incidents/0/userNotices/0/displayedDays"
	v.evidence.displayed_days == 14
	v.evidence.min_days == 15
	contains(v.msg_ko, "15일 이상 필요")
}

test_screen_notice_without_displayed_days_fails if {
	inc := noticed(outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:40:00+09:00"), [{"at": "2026-03-01T10:30:00+09:00", "channels": ["app"], "contents": full}])
	some v in violations([inc])
	v.evidence.missing == "displayedDays"
}

test_recent_screen_notice_not_judged_yet if {
	inc := noticed(outage("a", "2026-11-20T10:00:00+09:00", "2026-11-20T10:40:00+09:00"), [{"at": "2026-11-20T10:30:00+09:00", "channels": ["web"], "contents": full, "displayedDays": 2}])
	count(violations([inc])) == 0
}

# --- in force from 2015-09-28 ---

test_not_applicable_without_cloud if {
	m := {"provider": object.union(provider, {"categories": ["value-added"]}), "services": [services[1]]}
	not cl_notice.applies with input as m with data.resilcheck.run as run
	r := cl_notice.reason with input as m with data.resilcheck.run as run
	r.en == "cloud service provider (Cloud Act 2(3)): no cloud category or cloud service declared"
}

test_not_in_force_the_day_before_2015_09_28 if {
	m := {"provider": provider, "services": services}
	not cl_notice.applies with input as m with data.resilcheck.run as {"as_of": "2015-09-27"}
	r := cl_notice.reason with input as m with data.resilcheck.run as {"as_of": "2015-09-27"}
	r.en == "not in force on 2015-09-27 (in force from 2015-09-28)"
	cl_notice.applies with input as m with data.resilcheck.run as {"as_of": "2015-09-28"}
}

test_outage_before_2015_09_28_is_not_judged if {
	count(violations([outage("a", "2015-09-27T10:00:00+09:00", "2015-09-27T12:00:00+09:00")])) == 0
	count(violations([outage("a", "2015-09-28T10:00:00+09:00", "2015-09-28T12:00:00+09:00")])) == 1
}

# An outage that names no service, at a provider in the cloud category, stands for its cloud
# service as a whole and is judged by the statutory thresholds (10 minutes continuous).
test_outage_naming_no_service_is_judged_for_the_provider if {
	whole := object.remove(outage("whole", "2026-05-01T10:00:00+09:00", "2026-05-01T13:00:00+09:00"), ["services"])
	vs := violations([whole])
	count(vs) > 0
	some v in vs
	contains(v.msg, "(unspecified)")
	short := object.remove(outage("short", "2026-05-01T10:00:00+09:00", "2026-05-01T10:09:00+09:00"), ["services"])
	count(violations([short])) == 0
}

# Findings that share a pointer are told apart by their keys: the missing or late item, the
# parts of the report that notice was impossible.
test_findings_are_keyed_by_duty_part if {
	start := "2026-03-01T10:00:00+09:00"
	end := "2026-03-01T10:40:00+09:00"
	missing := noticed(outage("a", start, end), [{"at": "2026-03-01T10:30:00+09:00", "channels": ["email"], "contents": ["fact", "cause", "response", "contact"]}])
	{v.key | some v in violations([missing])} == {"contents:prevention-advice", "contents:department"}
	late_item := noticed(outage("a", start, end), [
		{"at": "2026-03-01T10:30:00+09:00", "channels": ["email"], "contents": ["fact", "cause", "response", "contact"]},
		{"at": "2026-03-01T11:11:00+09:00", "channels": ["web"], "contents": ["prevention-advice", "department"], "displayedDays": 14},
	])
	{v.key | some v in violations([late_item])} == {"contents:prevention-advice:late", "contents:department:late", "display-days"}
	m := {"at": "2026-03-01T11:31:00+09:00", "kind": "notice-impossible", "contents": ["reason"]}
	impossible := object.union(noticed(outage("a", start, end), [newspaper]), {"ministryNotices": [m]})
	{v.key | some v in violations([impossible])} == {"written", "contents:notice", "impossible-report:late"}
}

test_notice_findings_are_keyed if {
	some v in violations([outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:40:00+09:00")])
	v.key == "user-notice"
	press := noticed(outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:40:00+09:00"), [
		{"at": "2026-03-01T10:30:00+09:00", "channels": ["press"], "contents": full},
		email("2026-03-01T11:11:00+09:00"),
	])
	{w.key | some w in violations([press])} == {"user-notice:late", "channels"}
}
