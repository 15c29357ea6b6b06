package resilcheck.controls.cl_breach_notice_test

import data.resilcheck.controls.cl_breach_notice

run := {"as_of": "2026-11-22"}

provider := {
	"name": "Example Cloud",
	"categories": ["cloud"],
	"origin": "domestic",
	"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}},
}

services := [
	{"id": "vm", "name": "VM", "cloud": true},
	{"id": "site", "name": "Web site"},
]

all_contents := ["fact", "cause", "response", "prevention-advice", "department", "contact"]

# A breach detected at 10:00 KST and over by 10:01: no outage at all is needed.
breach := {
	"id": "b1",
	"kind": "breach",
	"cause": "cyberattack",
	"startedAt": "2026-03-01T09:30:00+09:00",
	"detectedAt": "2026-03-01T10:00:00+09:00",
	"restoredAt": "2026-03-01T10:01:00+09:00",
	"services": ["vm"],
}

email(at) := {"at": at, "channels": ["email"], "contents": all_contents}

noticed(inc, notices) := object.union(inc, {"userNotices": notices})

manifest(incs) := {"provider": provider, "services": services, "incidents": incs}

violations(incs) := vs if {
	vs := cl_breach_notice.violations with input as manifest(incs) with data.resilcheck.run as run
}

test_notice_at_the_deadline_passes if {
	cl_breach_notice.applies with input as manifest([]) with data.resilcheck.run as run
	count(violations([noticed(breach, [email("2026-03-01T11:00:00+09:00")])])) == 0
}

test_bound_provider_without_incidents_passes if {
	cl_breach_notice.applies with input as manifest([]) with data.resilcheck.run as run
	count(violations([])) == 0
}

test_one_minute_late_fails if {
	vs := violations([noticed(breach, [email("2026-03-01T11:01:00+09:00")])])
	count(vs) == 1
	some v in vs
	v.pointer == "/incidents/0/userNotices/0/at"
	v.evidence.late_minutes == 1
	v.evidence.due == "2026-03-01T11:00:00+09:00"
	v.evidence.without_delay_minutes == 60
	v.evidence.without_delay_label == "audit-default"
	contains(v.msg, "60 minutes after detection: audit-default")
	contains(v.msg_ko, "탐지 후 60분")
}

test_no_notice_fails_whatever_the_duration if {
	vs := violations([breach])
	count(vs) == 1
	some v in vs
	v.pointer == "/incidents/0"
	v.evidence.detected_at == "2026-03-01T10:00:00+09:00"
	v.evidence.clock_source == "detectedAt"
	v.evidence.due == "2026-03-01T11:00:00+09:00"
	v.evidence.law_on == "2026-03-01"
	contains(v.msg, "no notice to users of the intrusion incident b1 on vm")
	contains(v.msg, "no minimum duration")
}

test_clock_runs_from_start_without_detected_at if {
	inc := object.remove(breach, {"detectedAt"})
	vs := violations([noticed(inc, [email("2026-03-01T10:31:00+09:00")])])
	some v in vs
	v.evidence.clock_source == "startedAt"
	v.evidence.due == "2026-03-01T10:30:00+09:00"
	v.evidence.late_minutes == 1
	count(violations([noticed(inc, [email("2026-03-01T10:30:00+09:00")])])) == 0
}

test_cyberattack_cause_of_an_outage_is_an_intrusion if {
	inc := object.union(object.remove(breach, {"kind"}), {"kind": "outage"})
	count(violations([inc])) == 1
}

test_breach_kind_without_cyberattack_cause_is_an_intrusion if {
	inc := object.union(breach, {"cause": "other"})
	count(violations([inc])) == 1
}

test_other_incidents_are_not_judged if {
	inc := object.union(breach, {"kind": "outage", "cause": "software"})
	count(violations([inc])) == 0
}

test_breach_of_a_non_cloud_service_is_not_judged if {
	inc := object.union(breach, {"services": ["site"]})
	count(violations([inc])) == 0
}

test_breach_naming_no_service_stands_for_the_cloud_provider if {
	inc := object.remove(breach, {"services"})
	some v in violations([inc])
	v.evidence.services == "(the provider's cloud service as a whole)"
}

test_not_yet_due_on_the_audit_date if {
	late_night := object.union(breach, {"startedAt": "2026-11-22T23:00:00+09:00", "detectedAt": "2026-11-22T23:00:00+09:00", "restoredAt": "2026-11-22T23:01:00+09:00"})
	count(violations([late_night])) == 0
	due_in_day := object.union(late_night, {"startedAt": "2026-11-22T22:58:00+09:00", "detectedAt": "2026-11-22T22:58:00+09:00"})
	count(violations([due_in_day])) == 1
}

test_notice_dated_after_the_audit_date_is_not_seen if {
	vs := violations([noticed(breach, [email("2026-11-23T09:00:00+09:00")])])
	some v in vs
	v.pointer == "/incidents/0/userNotices"
	v.evidence.as_of == "2026-11-22"
}

test_press_is_not_a_notice_to_users if {
	vs := violations([noticed(breach, [{"at": "2026-03-01T10:30:00+09:00", "channels": ["press"], "contents": all_contents}])])
	count(vs) == 2
	some v in vs
	v.pointer == "/incidents/0/userNotices/0/channels"
	v.evidence.channels == ["press"]
	some w in vs
	w.pointer == "/incidents/0/userNotices"
}

test_newspaper_only_where_notice_was_impossible if {
	paper := [{"at": "2026-03-01T10:30:00+09:00", "channels": ["newspaper"], "contents": all_contents}]
	vs := violations([noticed(breach, paper)])
	some v in vs
	v.pointer == "/incidents/0/userNotices/0/channels"
	contains(v.msg, "no ministryNotices entry of kind notice-impossible")
	excused := object.union(noticed(breach, paper), {"ministryNotices": [{"at": "2026-03-01T10:40:00+09:00", "kind": "notice-impossible", "written": true, "contents": ["reason", "notice"]}]})
	count(violations([excused])) == 0
}

test_sns_and_phone_are_accepted if {
	count(violations([noticed(breach, [{"at": "2026-03-01T10:30:00+09:00", "channels": ["phone"], "contents": all_contents}])])) == 0
	count(violations([noticed(breach, [{"at": "2026-03-01T10:30:00+09:00", "channels": ["sns"], "contents": all_contents}])])) == 0
}

test_each_missing_item_fails_by_name if {
	n := {"at": "2026-03-01T10:30:00+09:00", "channels": ["email"], "contents": ["fact", "cause", "response", "contact"]}
	vs := violations([noticed(breach, [n])])
	count(vs) == 2
	{v.evidence.missing_content | some v in vs} == {"prevention-advice", "department"}
	some v in vs
	v.pointer == "/incidents/0/userNotices/0/contents"

	# The particle follows the item's last syllable: 방법이, 담당부서가.
	{v.evidence.missing_content: substring(v.msg_ko, indexof(v.msg_ko, "통지에 ") + 4, -1) | some v in vs} == {
		"prevention-advice": "이용자의 피해 예방 또는 확산 방지 방법이 빠졌습니다(클라우드컴퓨팅법 시행령 제17조제1항제4호).",
		"department": "담당부서가 빠졌습니다(클라우드컴퓨팅법 시행령 제17조제1항제5호).",
	}
}

test_cause_may_follow_while_the_incident_is_open if {
	open := object.remove(breach, {"restoredAt"})
	n := {"at": "2026-03-01T10:30:00+09:00", "channels": ["email"], "contents": ["fact", "response", "prevention-advice", "department", "contact"]}
	count(violations([noticed(open, [n])])) == 0
	vs := violations([noticed(breach, [n])])
	count(vs) == 1
	some v in vs
	v.evidence.missing_content == "cause"
	contains(v.msg_ko, "통지에 발생 원인이 빠졌습니다")
}

test_cause_told_later_passes if {
	first := {"at": "2026-03-01T10:30:00+09:00", "channels": ["email"], "contents": ["fact", "response", "prevention-advice", "department", "contact"]}
	later := {"at": "2026-03-02T10:30:00+09:00", "channels": ["email"], "contents": ["cause"]}
	count(violations([noticed(breach, [first, later])])) == 0
}

test_item_told_only_after_the_deadline_is_late if {
	first := {"at": "2026-03-01T10:30:00+09:00", "channels": ["email"], "contents": ["fact", "cause", "response", "department", "contact"]}
	later := {"at": "2026-03-01T11:01:00+09:00", "channels": ["sms"], "contents": ["prevention-advice"]}
	vs := violations([noticed(breach, [first, later])])
	count(vs) == 1
	some v in vs
	v.evidence.late_content == "prevention-advice"
	contains(v.msg_ko, "방지 방법(시행령 제17조제1항제4호)을 기한 후인")
	v.evidence.told_at == "2026-03-01T11:01:00+09:00"
	v.pointer == "/incidents/0/userNotices/1/contents"
	on_time := object.union(later, {"at": "2026-03-01T11:00:00+09:00"})
	count(violations([noticed(breach, [first, on_time])])) == 0
}

test_screen_notice_kept_15_days_passes_14_fails if {
	n := {"at": "2026-03-01T10:30:00+09:00", "channels": ["web"], "contents": all_contents, "displayedDays": 15}
	count(violations([noticed(breach, [n])])) == 0
	vs := violations([noticed(breach, [object.union(n, {"displayedDays": 14})])])
	count(vs) == 1
	some v in vs
	v.pointer == "/incidents/0/userNotices/0/displayedDays"
	v.evidence.min_days == 15
	vs2 := violations([noticed(breach, [object.remove(n, {"displayedDays"})])])
	some w in vs2
	w.evidence.missing == "displayedDays"
}

test_override_of_the_default_is_labelled if {
	vs := cl_breach_notice.violations with input as manifest([noticed(breach, [email("2026-03-01T10:31:00+09:00")])])
		with data.resilcheck.run as run
		with data.resilcheck.overrides as {"cl_notice_without_delay_minutes": 30}
	some v in vs
	v.evidence.without_delay_label == "override"
	v.evidence.late_minutes == 1
}

reason_on(m, as_of) := r if {
	r := cl_breach_notice.reason with input as m with data.resilcheck.run as {"as_of": as_of}
}

test_day_before_the_cloud_act_is_not_in_force_with_reason if {
	not cl_breach_notice.applies with input as manifest([]) with data.resilcheck.run as {"as_of": "2015-09-27"}
	r := reason_on(manifest([]), "2015-09-27")
	r.en == "not in force on 2015-09-27 (in force from 2015-09-28)"
	contains(r.ko, "2015-09-28 시행")
	cl_breach_notice.applies with input as manifest([]) with data.resilcheck.run as {"as_of": "2015-09-28"}
}

test_incident_before_the_act_is_not_judged_and_after_is if {
	old := object.union(breach, {"startedAt": "2015-09-27T23:00:00+09:00", "detectedAt": "2015-09-27T23:00:00+09:00", "restoredAt": "2015-09-27T23:01:00+09:00"})
	vs := cl_breach_notice.violations with input as manifest([old]) with data.resilcheck.run as {"as_of": "2015-10-10"}
	count(vs) == 0
	first_day := object.union(old, {"startedAt": "2015-09-28T00:00:00+09:00", "detectedAt": "2015-09-28T00:00:00+09:00", "restoredAt": "2015-09-28T00:01:00+09:00"})
	vs2 := cl_breach_notice.violations with input as manifest([first_day]) with data.resilcheck.run as {"as_of": "2015-10-10"}
	count(vs2) == 1
}

test_not_applicable_without_a_cloud_service_with_reason if {
	m := {"provider": object.union(provider, {"categories": ["value-added"]}), "services": [services[1]]}
	not cl_breach_notice.applies with input as m with data.resilcheck.run as run
	contains(reason_on(m, run.as_of).en, "cloud service provider (Cloud Act 2(3)): no cloud category or cloud service declared")
}

# The user-notice findings (lib/cloudnotice) that share a pointer are told apart by their
# keys: the missing or late item, the display.
test_findings_are_keyed_by_duty_part if {
	n := {"at": "2026-03-01T10:30:00+09:00", "channels": ["email"], "contents": ["fact", "cause", "response", "contact"]}
	{v.key | some v in violations([noticed(breach, [n])])} == {"contents:prevention-advice", "contents:department"}
	later := {"at": "2026-03-01T11:01:00+09:00", "channels": ["web"], "contents": ["prevention-advice", "department"]}
	{v.key | some v in violations([noticed(breach, [n, later])])} == {"contents:prevention-advice:late", "contents:department:late", "display-days"}
	some u in violations([breach])
	u.key == "user-notice"
	press := {"at": "2026-03-01T10:30:00+09:00", "channels": ["press"], "contents": all_contents}
	{w.key | some w in violations([noticed(breach, [press, email("2026-03-01T11:01:00+09:00")])])} == {"user-notice:late", "channels"}
}
