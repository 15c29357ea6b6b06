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
]

outage(id, start, end) := {"id": id, "cause": "software", "startedAt": start, "restoredAt": end, "services": ["vm"]}

noticed(inc, notices) := object.union(inc, {"userNotices": notices})

violations(incs) := vs if {
	vs := cl_notice.violations with input as {"provider": provider, "services": services, "incidents": incs} with data.resilcheck.run as run
}

email(at) := {"at": at, "channels": ["email"], "contents": ["fact", "cause", "response", "contact"]}

test_exactly_ten_minutes_needs_a_notice if {
	vs := violations([outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:10:00+09:00")])
	count(vs) == 1
	some v in vs
	v.pointer == "/incidents/0"
	v.evidence.rule == "continuous"
	v.evidence.noticeable_at == "2026-03-01T10:10:00+09:00"
	v.evidence.due == "2026-03-01T11:10:00+09:00"
}

test_nine_minutes_needs_none if {
	count(violations([outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:09:00+09:00")])) == 0
}

test_timely_notice_passes if {
	inc := noticed(outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:40:00+09:00"), [email("2026-03-01T11:10:00+09:00")])
	count(violations([inc])) == 0
}

test_late_notice_fails if {
	inc := noticed(outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:40:00+09:00"), [email("2026-03-01T11:11:00+09:00")])
	some v in violations([inc])
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

test_pre_announced_maintenance_is_not_counted if {
	a := object.union(outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T11:00:00+09:00"), {"preAnnouncedMaintenance": true})
	b := outage("b", "2026-03-01T22:00:00+09:00", "2026-03-01T22:07:00+09:00")
	count(violations([a, b])) == 0
}

test_non_cloud_services_are_not_judged if {
	inc := object.union(outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T12:00:00+09:00"), {"services": ["site"]})
	count(violations([inc])) == 0
}

test_screen_notice_shown_15_days_passes if {
	inc := noticed(outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:40:00+09:00"), [{"at": "2026-03-01T10:30:00+09:00", "channels": ["web"], "displayedDays": 15}])
	count(violations([inc])) == 0
}

test_screen_notice_shown_14_days_fails if {
	inc := noticed(outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:40:00+09:00"), [{"at": "2026-03-01T10:30:00+09:00", "channels": ["web", "app"], "displayedDays": 14}])
	vs := violations([inc])
	count(vs) == 1
	some v in vs
	v.pointer == "/incidents/0/userNotices/0/displayedDays"
	v.evidence.displayed_days == 14
	v.evidence.min_days == 15
}

test_screen_notice_without_displayed_days_fails if {
	inc := noticed(outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:40:00+09:00"), [{"at": "2026-03-01T10:30:00+09:00", "channels": ["app"]}])
	some v in violations([inc])
	v.evidence.missing == "displayedDays"
}

test_recent_screen_notice_not_judged_yet if {
	inc := noticed(outage("a", "2026-11-20T10:00:00+09:00", "2026-11-20T10:40:00+09:00"), [{"at": "2026-11-20T10:30:00+09:00", "channels": ["web"], "displayedDays": 2}])
	count(violations([inc])) == 0
}

test_not_applicable_without_cloud if {
	m := {"provider": object.union(provider, {"categories": ["value-added"]}), "services": [services[1]]}
	not cl_notice.applies with input as m with data.resilcheck.run as run
}
