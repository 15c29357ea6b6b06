package resilcheck.controls.cl_leak_notice_test

import data.resilcheck.controls.cl_leak_notice

run := {"as_of": "2026-11-22"}

provider := {
	"name": "Example Cloud",
	"categories": ["cloud"],
	"origin": "domestic",
	"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}},
}

services := [
	{"id": "storage", "name": "Object storage", "cloud": true},
	{"id": "site", "name": "Web site"},
]

all_contents := ["fact", "cause", "response", "prevention-advice", "department", "contact"]

# The leak happened on Mar 1 and was learned of on Mar 3 at 09:00 KST.
leak := {
	"id": "l1",
	"kind": "leak",
	"cause": "cyberattack",
	"startedAt": "2026-03-01T02:00:00+09:00",
	"detectedAt": "2026-03-02T09:00:00+09:00",
	"restoredAt": "2026-03-03T12:00:00+09:00",
	"services": ["storage"],
	"dataLeak": {"detectedAt": "2026-03-03T09:00:00+09:00", "description": "object keys of 12 tenants"},
}

email(at) := {"at": at, "channels": ["email"], "contents": all_contents}

msit(at) := {"at": at, "kind": "leak", "contents": ["leaked-information", "when-how", "containment"]}

told(inc, users, ministry) := object.union(inc, {"userNotices": users, "ministryNotices": ministry})

manifest(incs) := {"provider": provider, "services": services, "incidents": incs}

violations(incs) := vs if {
	vs := cl_leak_notice.violations with input as manifest(incs) with data.resilcheck.run as run
}

test_both_notices_at_their_deadlines_pass if {
	cl_leak_notice.applies with input as manifest([]) with data.resilcheck.run as run
	count(violations([told(leak, [email("2026-03-03T10:00:00+09:00")], [msit("2026-03-03T10:00:00+09:00")])])) == 0
}

test_bound_provider_without_leaks_passes if {
	count(violations([])) == 0
}

test_nothing_told_fails_twice if {
	vs := violations([leak])
	count(vs) == 2
	some u in vs
	u.pointer == "/incidents/0"
	u.evidence.due == "2026-03-03T10:00:00+09:00"
	u.evidence.clock_source == "dataLeak.detectedAt"
	u.evidence.without_delay_label == "audit-default"
	contains(u.msg, "no notice to users of the leak of user information l1 on storage")
	some m in vs
	m.evidence.ministry_due == "2026-03-03T10:00:00+09:00"
	m.evidence.immediately_minutes == 60
	m.evidence.immediately_label == "audit-default"
	contains(m.msg, "MSIT was not told")
	contains(m.msg, "by 2026-03-03T10:00:00+09:00 (60 minutes: audit-default")
	contains(m.msg_ko, "즉시")
}

test_ministry_one_minute_late_fails if {
	vs := violations([told(leak, [email("2026-03-03T10:00:00+09:00")], [msit("2026-03-03T10:01:00+09:00")])])
	count(vs) == 1
	some v in vs
	v.pointer == "/incidents/0/ministryNotices/0/at"
	v.evidence.late_minutes == 1
}

test_users_one_minute_late_fails if {
	vs := violations([told(leak, [email("2026-03-03T10:01:00+09:00")], [msit("2026-03-03T09:30:00+09:00")])])
	count(vs) == 1
	some v in vs
	v.pointer == "/incidents/0/userNotices/0/at"
	v.evidence.late_minutes == 1
}

test_clock_falls_back_to_detected_at_then_started_at if {
	no_leak_time := object.union(object.remove(leak, {"dataLeak"}), {"dataLeak": {"description": "keys"}})
	some v in violations([no_leak_time])
	v.evidence.clock_source == "detectedAt"
	v.evidence.leak_known_at == "2026-03-02T09:00:00+09:00"
	bare := object.remove(no_leak_time, {"detectedAt"})
	some w in violations([bare])
	w.evidence.clock_source == "startedAt"
	w.evidence.leak_known_at == "2026-03-01T02:00:00+09:00"
}

test_data_leak_without_kind_is_a_leak if {
	inc := object.union(object.remove(leak, {"kind"}), {"cause": "software"})
	count(violations([inc])) == 2
	not_leak := object.remove(inc, {"dataLeak"})
	count(violations([not_leak])) == 0
}

test_leak_of_a_non_cloud_service_is_not_judged if {
	count(violations([object.union(leak, {"services": ["site"]})])) == 0
}

test_each_missing_ministry_item_fails_by_name if {
	m := {"at": "2026-03-03T09:30:00+09:00", "kind": "leak", "contents": ["containment"]}
	vs := violations([told(leak, [email("2026-03-03T09:30:00+09:00")], [m])])
	count(vs) == 2
	{v.evidence.missing_content | some v in vs} == {"leaked-information", "when-how"}
	some v in vs
	v.pointer == "/incidents/0/ministryNotices/0/contents"
	v.evidence.leaked_information_known == true
}

test_leaked_information_only_where_known if {
	unknown := object.union(object.remove(leak, {"dataLeak"}), {"dataLeak": {"detectedAt": "2026-03-03T09:00:00+09:00"}})
	m := {"at": "2026-03-03T09:30:00+09:00", "kind": "leak", "contents": ["when-how", "containment"]}
	count(violations([told(unknown, [email("2026-03-03T09:30:00+09:00")], [m])])) == 0
}

test_ministry_contents_may_span_notices if {
	a := {"at": "2026-03-03T09:30:00+09:00", "kind": "leak", "contents": ["when-how", "containment"]}
	b := {"at": "2026-03-04T09:30:00+09:00", "kind": "leak", "contents": ["leaked-information"]}
	count(violations([told(leak, [email("2026-03-03T09:30:00+09:00")], [a, b])])) == 0
}

test_notice_impossible_report_is_not_a_leak_notice if {
	m := {"at": "2026-03-03T09:30:00+09:00", "kind": "notice-impossible", "written": true, "contents": ["reason", "notice"]}
	vs := violations([told(leak, [email("2026-03-03T09:30:00+09:00")], [m])])
	count(vs) == 1
	some v in vs
	v.pointer == "/incidents/0/ministryNotices"
}

test_user_notice_items_are_judged if {
	n := {"at": "2026-03-03T09:30:00+09:00", "channels": ["email"], "contents": ["fact", "cause", "response", "prevention-advice", "contact"]}
	vs := violations([told(leak, [n], [msit("2026-03-03T09:30:00+09:00")])])
	count(vs) == 1
	some v in vs
	v.evidence.missing_content == "department"
	v.pointer == "/incidents/0/userNotices/0/contents"
}

test_not_yet_due_on_the_audit_date if {
	fresh := object.union(leak, {"startedAt": "2026-11-22T22:00:00+09:00", "detectedAt": "2026-11-22T22:00:00+09:00", "restoredAt": "2026-11-22T23:30:00+09:00", "dataLeak": {"detectedAt": "2026-11-22T23:30:00+09:00"}})
	count(violations([fresh])) == 0
}

reason_on(m, as_of) := r if {
	r := cl_leak_notice.reason with input as m with data.resilcheck.run as {"as_of": as_of}
}

test_day_before_the_cloud_act_is_not_in_force_with_reason if {
	not cl_leak_notice.applies with input as manifest([]) with data.resilcheck.run as {"as_of": "2015-09-27"}
	reason_on(manifest([]), "2015-09-27").en == "not in force on 2015-09-27 (in force from 2015-09-28)"
	cl_leak_notice.applies with input as manifest([]) with data.resilcheck.run as {"as_of": "2015-09-28"}
}

test_leak_starting_before_the_act_is_not_judged_and_after_is if {
	old := object.union(leak, {"startedAt": "2015-09-27T10:00:00+09:00", "detectedAt": "2015-09-27T10:00:00+09:00", "restoredAt": "2015-09-28T10:00:00+09:00", "dataLeak": {"detectedAt": "2015-09-28T09:00:00+09:00"}})
	vs := cl_leak_notice.violations with input as manifest([old]) with data.resilcheck.run as {"as_of": "2015-10-10"}
	count(vs) == 0
	new := object.union(old, {"startedAt": "2015-09-28T00:00:00+09:00"})
	vs2 := cl_leak_notice.violations with input as manifest([new]) with data.resilcheck.run as {"as_of": "2015-10-10"}
	count(vs2) == 2
}

test_not_applicable_without_a_cloud_service_with_reason if {
	m := {"provider": object.union(provider, {"categories": ["value-added"]}), "services": [services[1]]}
	not cl_leak_notice.applies with input as m with data.resilcheck.run as run
	contains(reason_on(m, run.as_of).en, "no cloud category or cloud service declared")
}

# Nothing told: the user and the ministry findings share the incident's pointer and are told
# apart by their keys; each missing item is keyed by its name.
test_findings_are_keyed_by_duty_part if {
	{[v.key, v.pointer] | some v in violations([leak])} == {["user-notice", "/incidents/0"], ["ministry-notice", "/incidents/0"]}
	partial := told(leak, [object.union(email("2026-03-03T10:01:00+09:00"), {"contents": ["fact", "response", "prevention-advice", "department", "contact"]})], [object.union(msit("2026-03-03T10:01:00+09:00"), {"contents": ["when-how"]})])
	{v.key | some v in violations([partial])} == {"user-notice:late", "contents:cause", "ministry-notice:late", "contents:leaked-information", "contents:containment"}
}
