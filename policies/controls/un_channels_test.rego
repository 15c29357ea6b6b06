package resilcheck.controls.un_channels_test

import data.resilcheck.controls.un_channels

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

services := [{"id": "chat", "name": "Chat", "deployments": [{"datacenter": "dc1", "mode": "active"}]}]

outage := {
	"id": "out-1",
	"cause": "fire",
	"startedAt": "2025-04-01T10:00:00+09:00",
	"restoredAt": "2025-04-01T18:00:00+09:00",
	"services": ["chat"],
}

violations(notices) := vs if {
	m := {"provider": provider, "services": services, "incidents": [object.union(outage, {"userNotices": notices})]}
	vs := un_channels.violations with input as m with data.resilcheck.run as run
}

press := {"at": "2025-04-01T12:30:00+09:00", "channels": ["press"], "contents": ["fact"]}

test_press_only_fails if {
	vs := violations([press])
	count(vs) == 1
	some v in vs
	v.pointer == "/incidents/0/userNotices"
	v.evidence.press_notice_at == "2025-04-01T12:30:00+09:00"
	v.evidence.follow_up_due == "2025-04-01T13:30:00+09:00"
}

test_press_then_app_passes if {
	count(violations([press, {"at": "2025-04-01T15:00:00+09:00", "channels": ["app"]}])) == 0
}

test_press_and_sms_in_one_notice_passes if {
	count(violations([{"at": "2025-04-01T12:30:00+09:00", "channels": ["press", "sms"]}])) == 0
}

test_each_direct_channel_counts if {
	every c in ["email", "sms", "web", "app", "sns"] {
		count(violations([press, {"at": "2025-04-01T16:00:00+09:00", "channels": [c]}])) == 0
	}
}

test_press_only_not_judged_before_follow_up_is_due if {
	m := {"provider": provider, "services": services, "incidents": [object.union(object.remove(outage, ["restoredAt"]), {
		"startedAt": "2026-11-22T10:00:00+09:00",
		"userNotices": [{"at": "2026-11-22T23:30:00+09:00", "channels": ["press"]}],
	})]}
	count(un_channels.violations) == 0 with input as m with data.resilcheck.run as run
}

test_exempt_incident_not_judged if {
	m := {"provider": provider, "services": services, "incidents": [object.union(outage, {"preAnnouncedMaintenance": true, "userNotices": [press]})]}
	count(un_channels.violations) == 0 with input as m with data.resilcheck.run as run
}

test_not_applicable_below_users if {
	small := object.union(provider, {"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 999999, "telecomRevenueKRW": 10000000000}})
	not un_channels.applies with input as {"provider": small} with data.resilcheck.run as run
}
