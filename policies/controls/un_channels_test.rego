package resilcheck.controls.un_channels_test

import data.resilcheck.controls.un_channels

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

services := [{"id": "chat", "name": "Chat", "paid": true, "dailyUsers": 1000000, "deployments": [{"datacenter": "dc1", "mode": "active"}]}]

outage := {
	"id": "out-1",
	"cause": "fire",
	"startedAt": "2025-04-01T10:00:00+09:00",
	"restoredAt": "2025-04-01T18:00:00+09:00",
	"services": ["chat"],
}

manifest(inc, notices) := {"provider": provider, "services": services, "incidents": [object.union(inc, {"userNotices": notices})]}

violations(notices) := vs if {
	vs := un_channels.violations with input as manifest(outage, notices) with data.resilcheck.run as run
}

press := {"at": "2025-04-01T12:30:00+09:00", "channels": ["press"], "contents": ["fact"]}

test_press_only_fails if {
	vs := violations([press])
	count(vs) == 1
	some v in vs
	v.pointer == "/incidents/0/userNotices"
	v.evidence.press_notice_at == "2025-04-01T12:30:00+09:00"
	v.evidence.follow_up_due == "2025-04-01T13:30:00+09:00"
	v.evidence.rule.en == "TBA Art. 33(2); Decree Art. 37-21(3)-(4)"
	contains(v.msg, "due within 60 minutes")
}

test_newspaper_only_is_press_only if {
	some v in violations([object.union(press, {"channels": ["newspaper"]})])
	v.evidence.press_notice_at == "2025-04-01T12:30:00+09:00"
}

test_press_then_app_passes if {
	un_channels.applies with input as manifest(outage, [press]) with data.resilcheck.run as run
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

test_contract_agreed_method_satisfies_the_channel if {
	count(violations([{"at": "2025-04-01T10:30:00+09:00", "channels": ["post"], "contractAgreedMethod": true}])) == 0
}

test_other_channel_only_fails_once_the_notice_was_due if {
	# A fire: no exemption could apply, so the notice was due an hour after the start.
	vs := violations([{"at": "2025-04-01T10:30:00+09:00", "channels": ["phone", "post"]}])
	count(vs) == 1
	some v in vs
	v.evidence.channels == ["phone", "post"]
	v.evidence.notice_due == "2025-04-01T11:00:00+09:00"
}

test_other_channel_only_not_judged_before_the_notice_is_due if {
	inc := object.union(object.remove(outage, ["restoredAt"]), {"startedAt": "2026-11-22T23:30:00+09:00"})
	m := manifest(inc, [{"at": "2026-11-22T23:40:00+09:00", "channels": ["phone"]}])
	count(un_channels.violations) == 0 with input as m with data.resilcheck.run as run
}

test_press_only_not_judged_before_follow_up_is_due if {
	m := {"provider": provider, "services": services, "incidents": [object.union(object.remove(outage, ["restoredAt"]), {
		"startedAt": "2026-11-22T10:00:00+09:00",
		"userNotices": [{"at": "2026-11-22T23:30:00+09:00", "channels": ["press"]}],
	})]}
	count(un_channels.violations) == 0 with input as m with data.resilcheck.run as run
}

test_exempt_incident_not_judged if {
	inc := object.union(outage, {"cause": "maintenance", "preAnnouncedMaintenance": true, "announcedWindow": {"from": "2025-04-01T09:00:00+09:00", "to": "2025-04-01T18:00:00+09:00"}})
	count(un_channels.violations) == 0 with input as manifest(inc, [press]) with data.resilcheck.run as run
}

test_not_applicable_below_users if {
	small := object.union(provider, {"metrics": object.union(metrics, {"dailyAverageUsers": 999999})})
	few := [object.union(services[0], {"dailyUsers": 999999})]
	m := {"provider": small, "services": few}
	not un_channels.applies with input as m with data.resilcheck.run as run
	r := un_channels.reason with input as m with data.resilcheck.run as run
	contains(r.en, "service chat: daily users 999,999 < 1,000,000")
}

test_not_in_force_the_day_before_2019_06_25 if {
	m := manifest(outage, [press])
	not un_channels.applies with input as m with data.resilcheck.run as {"as_of": "2019-06-24"}
	r := un_channels.reason with input as m with data.resilcheck.run as {"as_of": "2019-06-24"}
	r.en == "not in force on 2019-06-24 (in force from 2019-06-25)"
	un_channels.applies with input as m with data.resilcheck.run as {"as_of": "2019-06-25"}
}

test_incident_before_2019_06_25_is_not_judged if {
	before := object.union(outage, {"startedAt": "2019-06-24T10:00:00+09:00", "restoredAt": "2019-06-24T18:00:00+09:00"})
	p := object.union(press, {"at": "2019-06-24T12:30:00+09:00"})
	count(un_channels.violations) == 0 with input as manifest(before, [p]) with data.resilcheck.run as run
	after := object.union(outage, {"startedAt": "2019-06-25T10:00:00+09:00", "restoredAt": "2019-06-25T18:00:00+09:00"})
	q := object.union(press, {"at": "2019-06-25T12:30:00+09:00"})
	vs := un_channels.violations with input as manifest(after, [q]) with data.resilcheck.run as run
	some v in vs
	v.evidence.rule.label == "reported"
	contains(v.msg, "[rule in force then as reported, not in the statute texts]")
}

# --- former article number and the 2025-03-28 cut-over by start time ---

violations_of(inc, notices) := vs if {
	vs := un_channels.violations with input as manifest(inc, notices) with data.resilcheck.run as run
}

test_outage_spanning_the_cut_over_cites_the_former_article_and_prints_the_interpretation if {
	across := object.union(outage, {"startedAt": "2025-03-27T20:00:00+09:00", "restoredAt": "2025-03-28T02:00:00+09:00"})
	some v in violations_of(across, [object.union(press, {"at": "2025-03-27T20:30:00+09:00"})])
	v.evidence.rule.en == "TBA Art. 33(2); Decree Art. 37-11 to 37-13 (as then numbered; reported)"
	v.evidence.rule.ko == "전기통신사업법 제33조제2항; 같은 법 시행령 제37조의11~제37조의13(당시 조문 번호, 보도 기준)"
	v.evidence.cutover_label == "interpretation"
	contains(v.evidence.cutover_note_ko, "2025-03-28")
}

test_outage_ending_the_day_before_the_cut_over_carries_no_cut_over_label if {
	before := object.union(outage, {"startedAt": "2025-03-27T10:00:00+09:00", "restoredAt": "2025-03-27T23:59:00+09:00"})
	some v in violations_of(before, [{"at": "2025-03-27T10:30:00+09:00", "channels": ["phone"], "contents": ["fact"]}])
	v.evidence.rule.label == "reported"
	not v.evidence.cutover_label
}

# Restored at 00:00 on the day of the amendment exactly, the outage never ran under the new
# rule; a minute later it did.
test_outage_restored_at_the_cut_over_instant_carries_no_label if {
	at_midnight := object.union(outage, {"startedAt": "2025-03-27T20:00:00+09:00", "restoredAt": "2025-03-28T00:00:00+09:00"})
	some v in violations_of(at_midnight, [object.union(press, {"at": "2025-03-27T20:30:00+09:00"})])
	not v.evidence.cutover_label
	some w in violations_of(object.union(at_midnight, {"restoredAt": "2025-03-28T00:01:00+09:00"}), [object.union(press, {"at": "2025-03-27T20:30:00+09:00"})])
	w.evidence.cutover_label == "interpretation"
}

test_early_outage_is_judged_without_the_cut_over_label if {
	early := object.union(outage, {"startedAt": "2020-01-01T10:00:00+09:00", "restoredAt": "2020-01-01T18:00:00+09:00"})
	some v in violations_of(early, [object.union(press, {"at": "2020-01-01T10:30:00+09:00"})])
	v.evidence.rule.label == "reported"
	not v.evidence.cutover_label
}
