package resilcheck.controls.un_notice_test

import data.resilcheck.controls.un_notice

run := {"as_of": "2026-11-22"}

provider := {
	"name": "Example",
	"categories": ["value-added"],
	"origin": "domestic",
	"metrics": {
		"window": {"from": "2025-10-01", "to": "2025-12-31"},
		"dailyAverageUsers": 1000000,
		"telecomRevenueKRW": 10000000000,
	},
}

services := [
	{"id": "chat", "name": "Chat", "deployments": [{"datacenter": "dc1", "mode": "active"}]},
	{"id": "pay", "name": "Pay", "paid": true, "deployments": [{"datacenter": "dc1", "mode": "active"}]},
	{"id": "vm", "name": "VM", "cloud": true, "paid": true, "deployments": [{"datacenter": "dc1", "mode": "active"}]},
]

full := ["fact", "cause", "response", "contact"]

manifest(inc) := {"provider": provider, "services": services, "incidents": [inc]}

# outage(start, end) is a free-service software outage with the given timeline.
outage(start, end) := {
	"id": "out-1",
	"cause": "software",
	"startedAt": start,
	"restoredAt": end,
	"services": ["chat"],
}

noticed(inc, at, contents) := object.union(inc, {"userNotices": [{"at": at, "channels": ["app"], "contents": contents}]})

violations(inc) := vs if {
	vs := un_notice.violations with input as manifest(inc) with data.resilcheck.run as run
}

test_exactly_two_hours_is_exempt_from_2025_03_28 if {
	count(violations(outage("2025-04-01T10:00:00+09:00", "2025-04-01T12:00:00+09:00"))) == 0
}

test_two_hours_and_a_minute_needs_a_notice if {
	vs := violations(outage("2025-04-01T10:00:00+09:00", "2025-04-01T12:01:00+09:00"))
	count(vs) == 1
	some v in vs
	v.pointer == "/incidents/0"
	v.evidence.threshold_minutes == 120
	v.evidence.outage_minutes == 121
	v.evidence.services == ["chat"]
	v.evidence.notice_due == "2025-04-01T13:00:00+09:00"
}

test_four_hours_applied_before_2025_03_28 if {
	inc := object.union(outage("2024-06-01T10:00:00+09:00", "2024-06-01T14:00:00+09:00"), {"services": ["pay"]})
	count(violations(inc)) == 0
	longer := object.union(inc, {"restoredAt": "2024-06-01T14:01:00+09:00"})
	some v in violations(longer)
	v.evidence.threshold_minutes == 240
}

test_rule_in_force_at_start_not_at_restoration if {
	# Started the day before the amendment: the 4-hour threshold and the free-service
	# exemption still apply, although it ended after 2025-03-28.
	inc := outage("2025-03-27T22:00:00+09:00", "2025-03-28T03:00:00+09:00")
	count(violations(inc)) == 0
	paid := object.union(inc, {"services": ["pay"]})
	some v in violations(paid)
	v.evidence.threshold_minutes == 240
}

test_free_services_covered_from_2025_03_28 if {
	some v in violations(outage("2025-03-28T00:00:00+09:00", "2025-03-28T03:00:00+09:00"))
	v.evidence.services == ["chat"]
}

test_timely_complete_notice_passes if {
	inc := noticed(outage("2025-04-01T10:00:00+09:00", "2025-04-01T15:00:00+09:00"), "2025-04-01T13:00:00+09:00", full)
	count(violations(inc)) == 0
}

test_late_notice_fails if {
	inc := noticed(outage("2025-04-01T10:00:00+09:00", "2025-04-01T15:00:00+09:00"), "2025-04-01T13:01:00+09:00", full)
	vs := violations(inc)
	count(vs) == 1
	some v in vs
	v.pointer == "/incidents/0/userNotices/0/at"
	v.evidence.late_minutes == 1
}

test_notice_in_another_offset_is_compared_as_an_instant if {
	# 2025-03-31T23:00-05:00 is 2025-04-01T13:00+09:00: exactly on time.
	inc := noticed(outage("2025-04-01T10:00:00+09:00", "2025-04-01T15:00:00+09:00"), "2025-03-31T23:00:00-05:00", full)
	count(violations(inc)) == 0
}

test_missing_contents_are_named if {
	inc := noticed(outage("2025-04-01T10:00:00+09:00", "2025-04-01T15:00:00+09:00"), "2025-04-01T12:30:00+09:00", ["fact", "response"])
	vs := violations(inc)
	count(vs) == 1
	some v in vs
	v.evidence.missing_contents == ["cause", "contact"]
	contains(v.msg_ko, "원인, 상담 연락처")
}

test_cause_may_follow_while_ongoing if {
	inc := noticed(
		object.remove(outage("2026-11-22T10:00:00+09:00", ""), ["restoredAt"]),
		"2026-11-22T12:10:00+09:00", ["fact", "response", "contact"],
	)
	count(violations(inc)) == 0
}

test_short_outage_in_critical_facility_needs_notice_from_detection if {
	inc := object.union(outage("2025-04-01T10:00:00+09:00", "2025-04-01T10:30:00+09:00"), {"criticalFacility": true, "detectedAt": "2025-04-01T10:05:00+09:00"})
	some v in violations(inc)
	v.evidence.notice_due == "2025-04-01T11:05:00+09:00"
	v.evidence.critical_facility == true
}

test_exemptions if {
	base := outage("2025-04-01T10:00:00+09:00", "2025-04-01T18:00:00+09:00")
	count(violations(object.union(base, {"preAnnouncedMaintenance": true}))) == 0
	count(violations(object.union(base, {"carrierLineFault": true}))) == 0
	count(violations(object.union(base, {"services": ["vm"]}))) == 0
	count(violations(base)) == 1
}

test_ongoing_outage_not_judged_before_due if {
	inc := object.remove(outage("2026-11-22T22:00:00+09:00", ""), ["restoredAt"])
	count(violations(inc)) == 0
}

test_not_applicable_below_revenue if {
	small := object.union(provider, {"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 1000000, "telecomRevenueKRW": 9999999999}})
	not un_notice.applies with input as {"provider": small} with data.resilcheck.run as run
}

test_contact_point_given_late_fails if {
	inc := object.union(outage("2025-04-01T10:00:00+09:00", "2025-04-01T18:00:00+09:00"), {"userNotices": [
		{"at": "2025-04-01T12:30:00+09:00", "channels": ["app"], "contents": ["fact", "cause", "response"]},
		{"at": "2025-04-01T13:01:00+09:00", "channels": ["sms"], "contents": ["contact"]},
	]})
	vs := violations(inc)
	count(vs) == 1
	some v in vs
	v.evidence.late_contents == {"contact": "2025-04-01T13:01:00+09:00"}
	v.pointer == "/incidents/0/userNotices/1/contents"
}

test_cause_may_follow_after_the_deadline if {
	inc := object.union(outage("2025-04-01T10:00:00+09:00", "2025-04-01T18:00:00+09:00"), {"userNotices": [
		{"at": "2025-04-01T12:30:00+09:00", "channels": ["app"], "contents": ["fact", "response", "contact"]},
		{"at": "2025-04-01T17:00:00+09:00", "channels": ["app"], "contents": ["cause"]},
	]})
	count(violations(inc)) == 0
}
