package resilcheck.controls.un_notice_test

import data.resilcheck.controls.un_notice

run := {"as_of": "2026-11-22"}

metrics := {
	"window": {"from": "2025-10-01", "to": "2025-12-31"},
	"dailyAverageUsers": 1000000,
	"telecomRevenueKRW": 10000000000,
}

provider := {
	"name": "Example",
	"categories": ["value-added"],
	"origin": "domestic",
	"metrics": metrics,
}

services := [
	{"id": "chat", "name": "Chat", "dailyUsers": 1000000, "deployments": [{"datacenter": "dc1", "mode": "active"}]},
	{"id": "pay", "name": "Pay", "paid": true, "dailyUsers": 1000000, "deployments": [{"datacenter": "dc1", "mode": "active"}]},
	{"id": "vm", "name": "VM", "cloud": true, "paid": true, "dailyUsers": 5000000, "deployments": [{"datacenter": "dc1", "mode": "active"}]},
	{"id": "small", "name": "Small", "paid": true, "dailyUsers": 999999, "deployments": [{"datacenter": "dc1", "mode": "active"}]},
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

violations_with(p, inc) := vs if {
	vs := un_notice.violations with input as {"provider": p, "services": services, "incidents": [inc]} with data.resilcheck.run as run
}

# --- thresholds: 120 vs 121 minutes from 2025-03-28, 240 vs 241 before ---

test_exactly_two_hours_is_exempt_from_2025_03_28 if {
	count(violations(outage("2025-04-01T10:00:00+09:00", "2025-04-01T12:00:00+09:00"))) == 0
}

test_two_hours_and_a_minute_needs_a_notice if {
	vs := violations(outage("2025-04-01T10:00:00+09:00", "2025-04-01T12:01:00+09:00"))
	count(vs) == 1
	some v in vs
	v.pointer == "/incidents/0"
	v.evidence.threshold_minutes == 120
	v.evidence.threshold_label == "law"
	v.evidence.outage_minutes == 121
	v.evidence.services == ["chat"]
	v.evidence.duty_arose_at == "2025-04-01T12:00:00+09:00"
	v.evidence.notice_due == "2025-04-01T13:00:00+09:00"
	v.evidence.rule.label == "law"
	v.evidence.rule.en == "TBA Art. 33(2); Decree Art. 37-21(1)"
	contains(v.msg, "the 121-minute interruption went past the 120-minute limit")
	not contains(v.msg, "reported")
}

test_four_hours_applied_before_2025_03_28 if {
	inc := object.union(outage("2024-06-01T10:00:00+09:00", "2024-06-01T14:00:00+09:00"), {"services": ["pay"]})
	count(violations(inc)) == 0
	longer := object.union(inc, {"restoredAt": "2024-06-01T14:01:00+09:00"})
	vs := violations(longer)
	count(vs) == 1
	some v in vs
	v.evidence.threshold_minutes == 240
	v.evidence.threshold_label == "reported"
	v.evidence.rule.label == "reported"
	v.evidence.rule.en == "TBA Art. 33(2); Decree Art. 37-11 to 37-13 (as then numbered; reported)"
	v.evidence.rule.ko == "전기통신사업법 제33조제2항; 같은 법 시행령 제37조의11~제37조의13(당시 조문 번호, 보도 기준)"
	contains(v.msg, "[rule in force then as reported, not in the statute texts]")
}

# --- the day of the amendment: 2025-03-27 vs 2025-03-28 start ---

test_rule_in_force_at_start_not_at_restoration if {
	# Started the day before the amendment: the 4-hour threshold and the free-service
	# exemption still apply, although it ended after 2025-03-28.
	inc := outage("2025-03-27T22:00:00+09:00", "2025-03-28T03:00:00+09:00")
	count(violations(inc)) == 0
	paid := object.union(inc, {"services": ["pay"]})
	some v in violations(paid)
	v.evidence.threshold_minutes == 240
}

test_three_hour_outage_exempt_on_2025_03_27_and_owed_on_2025_03_28 if {
	paid_before := object.union(outage("2025-03-27T10:00:00+09:00", "2025-03-27T13:00:00+09:00"), {"services": ["pay"]})
	count(violations(paid_before)) == 0
	paid_after := object.union(outage("2025-03-28T10:00:00+09:00", "2025-03-28T13:00:00+09:00"), {"services": ["pay"]})
	some v in violations(paid_after)
	v.evidence.threshold_minutes == 120
}

test_free_services_covered_from_2025_03_28 if {
	some v in violations(outage("2025-03-28T00:00:00+09:00", "2025-03-28T03:00:00+09:00"))
	v.evidence.services == ["chat"]
}

test_free_services_exempt_before_2025_03_28 if {
	# Item 4 (reported): a fire on 2025-03-27 hitting a free and a paid service owes notice for
	# the paid one only, and says why the free one is left out.
	inc := object.union(outage("2025-03-27T10:00:00+09:00", "2025-03-27T18:00:00+09:00"), {"cause": "fire", "services": ["chat", "pay"]})
	some v in violations(inc)
	v.evidence.services == ["pay"]
	contains(v.evidence.exempt_services.chat, "item 4")
}

# --- notices: timing and contents ---

test_timely_complete_notice_passes if {
	inc := noticed(outage("2025-04-01T10:00:00+09:00", "2025-04-01T15:00:00+09:00"), "2025-04-01T13:00:00+09:00", full)
	un_notice.applies with input as manifest(inc) with data.resilcheck.run as run
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

test_ongoing_outage_not_judged_before_due if {
	inc := object.remove(outage("2026-11-22T22:00:00+09:00", ""), ["restoredAt"])
	count(violations(inc)) == 0
}

# --- item 5: the short-outage exemption only for its causes, never in a critical facility ---

test_short_outage_exempt_for_each_qualifying_cause if {
	every c in ["overload", "equipment", "network", "software"] {
		count(violations(object.union(outage("2025-04-01T10:00:00+09:00", "2025-04-01T12:00:00+09:00"), {"cause": c}))) == 0
	}
}

test_short_outage_of_any_other_cause_is_not_exempt if {
	every c in ["fire", "power", "flood", "earthquake", "cyberattack", "carrier-line", "maintenance", "other"] {
		vs := violations(object.union(outage("2025-04-01T10:00:00+09:00", "2025-04-01T10:10:00+09:00"), {"cause": c, "carrierLineFault": false}))
		count(vs) == 1
		some v in vs

		# No exemption could apply: the clock runs from detection (here the start).
		v.evidence.duty_arose_at == "2025-04-01T10:00:00+09:00"
		v.evidence.notice_due == "2025-04-01T11:00:00+09:00"
		v.evidence.clock == "from detection (audit default)"
		contains(v.msg, sprintf("cause %s is not one the short-outage exemption (item 5) covers", [c]))
	}
}

# The Korean twins of the evidence name the cause in Korean, with the particle its last
# syllable takes (화재는, 사이버 공격은), and the clock in Korean.
test_korean_evidence_names_the_cause_with_its_particle if {
	every c, want in {"fire": "장애 원인 화재(fire)는 단시간", "cyberattack": "장애 원인 사이버 공격(cyberattack)은 단시간"} {
		some v in violations(object.union(outage("2025-04-01T10:00:00+09:00", "2025-04-01T10:10:00+09:00"), {"cause": c}))
		v.evidence.cause_ko == {"fire": "화재", "cyberattack": "사이버 공격"}[c]
		startswith(v.evidence.not_exempt_because_ko, want)
		not contains(v.evidence.not_exempt_because_ko, "(는)")
		startswith(v.msg_ko, sprintf("장애 %s에 대한 이용자 고지가 없습니다: %s", ["out-1", want]))
		v.evidence.clock_ko == "탐지 시각부터(점검 기본값)"
	}
}

test_fire_outage_clock_runs_from_detection if {
	inc := object.union(outage("2025-04-01T10:00:00+09:00", "2025-04-01T10:30:00+09:00"), {"cause": "fire", "detectedAt": "2025-04-01T10:05:00+09:00"})
	some v in violations(inc)
	v.evidence.notice_due == "2025-04-01T11:05:00+09:00"
	timely := noticed(inc, "2025-04-01T11:05:00+09:00", full)
	count(violations(timely)) == 0
}

test_undeclared_cause_cannot_show_the_exemption if {
	inc := object.remove(outage("2025-04-01T10:00:00+09:00", "2025-04-01T10:30:00+09:00"), ["cause"])
	vs := violations(inc)
	count(vs) == 1
	some v in vs
	v.evidence.cause == "not declared"
	contains(v.msg, "its cause is not declared, so the short-outage exemption (item 5) cannot be shown")
}

test_short_outage_in_critical_facility_needs_notice_from_detection if {
	inc := object.union(outage("2025-04-01T10:00:00+09:00", "2025-04-01T10:30:00+09:00"), {"criticalFacility": true, "detectedAt": "2025-04-01T10:05:00+09:00"})
	some v in violations(inc)
	v.evidence.notice_due == "2025-04-01T11:05:00+09:00"
	v.evidence.critical_facility == true
	contains(v.msg, "designated critical facility")
}

# --- item 1: only what the announced window covers ---

maintenance(end, window) := object.union(outage("2025-04-01T01:00:00+09:00", end), object.union({"cause": "maintenance", "preAnnouncedMaintenance": true}, window))

test_maintenance_inside_the_announced_window_is_exempt if {
	w := {"announcedWindow": {"from": "2025-04-01T00:00:00+09:00", "to": "2025-04-01T06:00:00+09:00"}}
	count(violations(maintenance("2025-04-01T06:00:00+09:00", w))) == 0
}

test_maintenance_overrun_is_not_exempt if {
	w := {"announcedWindow": {"from": "2025-04-01T00:00:00+09:00", "to": "2025-04-01T06:00:00+09:00"}}
	vs := violations(maintenance("2025-04-01T06:01:00+09:00", w))
	count(vs) == 1
	some v in vs
	v.evidence.maintenance == "overrun"
	v.evidence.outage_minutes == 1
	v.evidence.duty_arose_at == "2025-04-01T06:00:00+09:00"
	v.evidence.notice_due == "2025-04-01T07:00:00+09:00"
	contains(v.msg, "1 minutes fell outside the maintenance window announced in advance")
}

test_maintenance_without_announced_window_is_not_exempt if {
	vs := violations(maintenance("2025-04-01T02:00:00+09:00", {}))
	count(vs) == 1
	some v in vs
	v.evidence.maintenance == "no-window"
	contains(v.msg, "without announcedWindow")
}

# --- item 2: a carrier's line fault behind a value-added service ---

test_carrier_line_fault_exempts_a_value_added_service if {
	base := outage("2025-04-01T10:00:00+09:00", "2025-04-01T18:00:00+09:00")
	count(violations(object.union(base, {"carrierLineFault": true}))) == 0
	count(violations(object.union(base, {"cause": "carrier-line"}))) == 0
}

test_carrier_line_fault_does_not_exempt_a_carrier if {
	carrier := object.union(provider, {"categories": ["facilities-based", "value-added"]})
	base := outage("2025-04-01T10:00:00+09:00", "2025-04-01T18:00:00+09:00")
	count(violations_with(carrier, object.union(base, {"carrierLineFault": true}))) == 1
}

# --- item 3: provider revenue and service users on the day the incident started ---

test_service_with_999999_users_is_exempt_and_1000000_is_not if {
	base := outage("2025-04-01T10:00:00+09:00", "2025-04-01T18:00:00+09:00")
	count(violations(object.union(base, {"services": ["small"]}))) == 0
	vs := violations(object.union(base, {"services": ["small", "chat"]}))
	count(vs) == 1
	some v in vs
	v.evidence.services == ["chat"]
	v.evidence.exempt_services == {"small": "service small: daily users 999,999 < 1,000,000"}
	v.evidence.exempt_services_ko == "small: 서비스 small의 일 평균 이용자 999,999명 < 1,000,000명"
}

test_revenue_9999999999_is_exempt_and_10bn_is_not if {
	base := outage("2025-04-01T10:00:00+09:00", "2025-04-01T18:00:00+09:00")
	poor := object.union(provider, {"metrics": object.union(metrics, {"telecomRevenueKRW": 9999999999})})
	count(violations_with(poor, base)) == 0
	not un_notice.applies with input as {"provider": poor, "services": services} with data.resilcheck.run as run
	count(violations_with(provider, base)) == 1
}

test_not_applicable_below_revenue_names_the_numbers if {
	poor := object.union(provider, {"metrics": object.union(metrics, {"telecomRevenueKRW": 9999999999})})
	r := un_notice.reason with input as {"provider": poor, "services": services} with data.resilcheck.run as run
	contains(r.en, "telecom revenue KRW 9,999,999,999 < KRW 10,000,000,000")
}

# --- item 6: cloud services follow the Cloud Act ---

test_cloud_service_is_exempt if {
	count(violations(object.union(outage("2025-04-01T10:00:00+09:00", "2025-04-01T18:00:00+09:00"), {"services": ["vm"]}))) == 0
}

# --- in force from 2019-06-25 (reported) ---

test_not_in_force_the_day_before_2019_06_25 if {
	m := manifest(outage("2019-06-24T10:00:00+09:00", "2019-06-24T18:00:00+09:00"))
	not un_notice.applies with input as m with data.resilcheck.run as {"as_of": "2019-06-24"}
	r := un_notice.reason with input as m with data.resilcheck.run as {"as_of": "2019-06-24"}
	r.en == "not in force on 2019-06-24 (in force from 2019-06-25)"
	un_notice.applies with input as m with data.resilcheck.run as {"as_of": "2019-06-25"}
}

test_incident_started_before_2019_06_25_is_not_judged if {
	before := object.union(outage("2019-06-24T10:00:00+09:00", "2019-06-24T18:00:00+09:00"), {"cause": "fire", "services": ["pay"]})
	count(violations(before)) == 0
	after := object.union(before, {"startedAt": "2019-06-25T10:00:00+09:00", "restoredAt": "2019-06-25T18:00:00+09:00"})
	count(violations(after)) == 1
}

test_leak_is_not_an_interruption if {
	inc := object.union(outage("2025-04-01T10:00:00+09:00", "2025-04-01T18:00:00+09:00"), {"kind": "leak"})
	count(violations(inc)) == 0
}

# --- labels: the 2025-03-28 cut-over by start time, item 5's cause list ---

test_outage_spanning_the_cut_over_prints_the_interpretation if {
	# Started 23:00 on 2025-03-27, ended 04:00 on 2025-03-28: judged by the 4-hour rule of its
	# start, a reading the finding labels.
	inc := object.union(outage("2025-03-27T23:00:00+09:00", "2025-03-28T04:00:00+09:00"), {"services": ["pay"]})
	some v in violations(inc)
	v.evidence.threshold_minutes == 240
	v.evidence.cutover_label == "interpretation"
	contains(v.evidence.cutover_note, "judged by the rule in force when it started")
	contains(v.evidence.cutover_note_ko, "경과규정이 없어")
}

test_outage_ending_the_day_before_the_cut_over_carries_no_cut_over_label if {
	inc := object.union(outage("2025-03-27T18:00:00+09:00", "2025-03-27T23:59:00+09:00"), {"services": ["pay"]})
	some v in violations(inc)
	not v.evidence.cutover_label
}

test_outage_starting_on_the_cut_over_day_carries_no_cut_over_label if {
	some v in violations(outage("2025-03-28T00:00:00+09:00", "2025-03-28T03:00:00+09:00"))
	v.evidence.threshold_minutes == 120
	not v.evidence.cutover_label
}

test_early_outage_is_judged_without_the_cut_over_label if {
	# Long before any amendment the duty binds (reported) and the cut-over plays no part.
	inc := object.union(outage("2020-01-01T10:00:00+09:00", "2020-01-01T16:00:00+09:00"), {"services": ["pay"]})
	some v in violations(inc)
	v.evidence.rule.label == "reported"
	not v.evidence.cutover_label
}

test_verdict_on_the_cause_list_prints_the_interpretation if {
	# software is read as item 5 다 (the clock runs from the limit); fire is read as outside
	# item 5 (no exemption however short): both rest on the mapping.
	some v in violations(outage("2025-04-01T10:00:00+09:00", "2025-04-01T12:01:00+09:00"))
	v.evidence.cause_mapping_label == "interpretation"
	contains(v.evidence.cause_mapping_note, "equipment, network, overload, software")
	fire := object.union(outage("2025-04-01T10:00:00+09:00", "2025-04-01T10:30:00+09:00"), {"cause": "fire"})
	some w in violations(fire)
	w.evidence.cause_mapping_label == "interpretation"
}

test_verdict_not_resting_on_the_cause_list_carries_no_mapping_label if {
	critical := object.union(outage("2025-04-01T10:00:00+09:00", "2025-04-01T10:30:00+09:00"), {"criticalFacility": true})
	some v in violations(critical)
	not v.evidence.cause_mapping_label
	undeclared := object.remove(outage("2025-04-01T10:00:00+09:00", "2025-04-01T10:30:00+09:00"), ["cause"])
	some w in violations(undeclared)
	not w.evidence.cause_mapping_label
}
