package resilcheck.controls.un_damages_test

import data.resilcheck.controls.un_damages

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
]

outage := {
	"id": "out-1",
	"cause": "equipment",
	"startedAt": "2025-05-01T10:00:00+09:00",
	"restoredAt": "2025-05-01T18:00:00+09:00",
	"services": ["chat", "pay"],
}

violations(inc) := vs if {
	vs := un_damages.violations with input as {"provider": provider, "services": services, "incidents": [inc]} with data.resilcheck.run as run
}

notice(at) := object.union(outage, {"damagesNotice": {"at": at}})

test_day_30_passes if {
	count(violations(notice("2025-05-31T18:00:00+09:00"))) == 0
}

test_day_31_fails if {
	vs := violations(notice("2025-06-01T09:00:00+09:00"))
	count(vs) == 1
	some v in vs
	v.pointer == "/incidents/0/damagesNotice/at"
	v.evidence.days == 31
	v.evidence.due == "2025-05-31"
	v.evidence.paid_services == ["pay"]
}

test_korean_date_decides_across_offsets if {
	# 2025-05-31T20:00-05:00 is 2025-06-01 10:00 in Korea: day 31.
	some v in violations(notice("2025-05-31T20:00:00-05:00"))
	v.evidence.given_on == "2025-06-01"

	# 2025-05-31T14:59Z is 23:59 on day 30 in Korea.
	count(violations(notice("2025-05-31T14:59:00Z"))) == 0
}

test_restoration_after_midnight_korea_counts_from_korean_date if {
	# Restored 2025-05-01T16:30Z = 2025-05-02 01:30 in Korea: day 30 is 2025-06-01.
	inc := object.union(notice("2025-06-01T12:00:00+09:00"), {"restoredAt": "2025-05-01T16:30:00Z"})
	count(violations(inc)) == 0
}

test_missing_notice_fails_after_due if {
	vs := violations(outage)
	count(vs) == 1
	some v in vs
	v.pointer == "/incidents/0"
	v.evidence.due == "2025-05-31"
}

test_missing_notice_not_judged_before_due if {
	inc := object.union(outage, {"startedAt": "2026-11-01T10:00:00+09:00", "restoredAt": "2026-11-01T18:00:00+09:00"})
	count(violations(inc)) == 0
}

test_free_services_exempt if {
	count(violations(object.union(outage, {"services": ["chat"]}))) == 0
}

test_notice_exemptions_apply if {
	count(violations(object.union(outage, {"preAnnouncedMaintenance": true}))) == 0
	count(violations(object.union(outage, {"restoredAt": "2025-05-01T12:00:00+09:00"}))) == 0
	count(violations(object.union(outage, {"restoredAt": "2025-05-01T12:00:00+09:00", "criticalFacility": true}))) == 1
}

test_ongoing_incident_not_judged if {
	count(violations(object.remove(outage, ["restoredAt"]))) == 0
}
