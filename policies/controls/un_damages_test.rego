package resilcheck.controls.un_damages_test

import data.resilcheck.controls.un_damages

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
	{"id": "vm", "name": "VM", "cloud": true, "paid": true, "dailyUsers": 1000000, "deployments": [{"datacenter": "dc1", "mode": "active"}]},
	{"id": "tiny-vm", "name": "Tiny VM", "cloud": true, "paid": true, "dailyUsers": 999999, "deployments": [{"datacenter": "dc1", "mode": "active"}]},
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

full := {"contents": ["claimants", "criteria", "procedure"], "channels": ["email"]}

notice(at) := object.union(outage, {"damagesNotice": object.union(full, {"at": at})})

test_day_30_passes if {
	un_damages.applies with input as {"provider": provider, "services": services, "incidents": [notice("2025-05-31T18:00:00+09:00")]} with data.resilcheck.run as run
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
	v.evidence.limit_days == 30
	v.evidence.rule.label == "law"
	contains(v.msg, "(limit 30 days)")
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
	v.evidence.exempt_services == {"chat": "no monthly or periodic fee (paid not true)"}
	v.evidence.exempt_services_ko == "chat: 매월 또는 일정시기에 결제하는 이용요금 없음(paid가 true가 아님)"
}

test_missing_notice_not_judged_before_due if {
	inc := object.union(outage, {"startedAt": "2026-11-01T10:00:00+09:00", "restoredAt": "2026-11-01T18:00:00+09:00"})
	count(violations(inc)) == 0
}

test_free_services_exempt if {
	count(violations(object.union(outage, {"services": ["chat"]}))) == 0
}

test_ongoing_incident_not_judged if {
	count(violations(object.remove(outage, ["restoredAt"]))) == 0
}

# --- exemptions: items 1-3 and 5 only ---

test_item_1_within_the_announced_window_is_exempt_and_an_overrun_is_not if {
	m := object.union(outage, {"cause": "maintenance", "preAnnouncedMaintenance": true, "announcedWindow": {"from": "2025-05-01T10:00:00+09:00", "to": "2025-05-01T18:00:00+09:00"}})
	count(violations(m)) == 0
	count(violations(object.union(m, {"restoredAt": "2025-05-01T18:01:00+09:00"}))) == 1
	count(violations(object.remove(m, ["announcedWindow"]))) == 1
}

test_item_2_carrier_line_fault_is_exempt if {
	count(violations(object.union(outage, {"carrierLineFault": true}))) == 0
}

test_item_5_short_outage_by_cause if {
	short := object.union(outage, {"restoredAt": "2025-05-01T12:00:00+09:00"})
	count(violations(short)) == 0
	count(violations(object.union(short, {"restoredAt": "2025-05-01T12:01:00+09:00"}))) == 1
	count(violations(object.union(short, {"criticalFacility": true}))) == 1
	count(violations(object.union(short, {"cause": "fire"}))) == 1
	count(violations(object.remove(short, ["cause"]))) == 1
}

test_item_3_provider_revenue_below_10bn_is_exempt if {
	poor := object.union(provider, {"metrics": object.union(metrics, {"telecomRevenueKRW": 9999999999})})
	m := {"provider": poor, "services": services, "incidents": [outage]}
	count(un_damages.violations) == 0 with input as m with data.resilcheck.run as run
	not un_damages.applies with input as m with data.resilcheck.run as run
}

# --- item 6 is not an exemption here: paid cloud services owe the damages notice ---

test_paid_cloud_service_owes_the_damages_notice if {
	vs := violations(object.union(outage, {"services": ["vm"]}))
	count(vs) == 1
	some v in vs
	v.evidence.paid_services == ["vm"]
}

test_cloud_service_below_1000000_users_is_exempt_by_item_3 if {
	vs := violations(object.union(outage, {"services": ["vm", "tiny-vm"]}))
	some v in vs
	v.evidence.paid_services == ["vm"]
	v.evidence.exempt_services == {"tiny-vm": "service tiny-vm: daily users 999,999 < 1,000,000"}
	count(violations(object.union(outage, {"services": ["tiny-vm"]}))) == 0
}

test_cloud_only_provider_is_bound_by_its_paid_cloud_service if {
	m := {"provider": provider, "services": [services[2]], "incidents": [object.union(outage, {"services": ["vm"]})]}
	un_damages.applies with input as m with data.resilcheck.run as run
	count(un_damages.violations) == 1 with input as m with data.resilcheck.run as run
}

test_not_applicable_reason_names_each_service if {
	m := {"provider": provider, "services": [services[3]]}
	not un_damages.applies with input as m with data.resilcheck.run as run
	r := un_damages.reason with input as m with data.resilcheck.run as run
	r.en == "telecom provider with a service under the damages notice (TBA 33(2); Decree 37-21(2)): service tiny-vm: daily users 999,999 < 1,000,000"
}

# --- contents and channels, when declared ---

test_each_missing_content_fails_by_name if {
	inc := object.union(outage, {"damagesNotice": {"at": "2025-05-10T10:00:00+09:00", "contents": ["claimants"], "channels": ["sms"]}})
	vs := violations(inc)
	count(vs) == 2
	{v.evidence.missing_content | some v in vs} == {"criteria", "procedure"}
	every v in vs {
		v.pointer == "/incidents/0/damagesNotice/contents"
	}
}

test_undeclared_contents_and_channels_are_not_judged if {
	count(violations(object.union(outage, {"damagesNotice": {"at": "2025-05-10T10:00:00+09:00"}}))) == 0
}

test_press_only_damages_notice_fails if {
	inc := object.union(outage, {"damagesNotice": {"at": "2025-05-10T10:00:00+09:00", "contents": full.contents, "channels": ["press"]}})
	vs := violations(inc)
	count(vs) == 1
	some v in vs
	v.pointer == "/incidents/0/damagesNotice/channels"
	v.evidence.channels == ["press"]
}

# Decree 37-21(4): a method agreed in the contract at signing may be used instead of the
# listed channels, for the damages notice as for the notice of the interruption.
test_a_contract_agreed_method_serves_the_damages_notice if {
	notice := {"at": "2025-05-10T10:00:00+09:00", "contents": full.contents, "channels": ["press"], "contractAgreedMethod": true}
	count(violations(object.union(outage, {"damagesNotice": notice}))) == 0
	count(violations(object.union(outage, {"damagesNotice": object.union(notice, {"contractAgreedMethod": false})}))) == 1
}

test_each_user_channel_serves_the_damages_notice if {
	every c in ["email", "sms", "web", "app", "sns"] {
		count(violations(object.union(outage, {"damagesNotice": {"at": "2025-05-10T10:00:00+09:00", "contents": full.contents, "channels": [c]}}))) == 0
	}
}

# --- in force from 2019-06-25 (reported before 2025-03-28) ---

test_not_in_force_the_day_before_2019_06_25 if {
	m := {"provider": provider, "services": services}
	not un_damages.applies with input as m with data.resilcheck.run as {"as_of": "2019-06-24"}
	r := un_damages.reason with input as m with data.resilcheck.run as {"as_of": "2019-06-24"}
	r.en == "not in force on 2019-06-24 (in force from 2019-06-25)"
	un_damages.applies with input as m with data.resilcheck.run as {"as_of": "2019-06-25"}
}

test_incident_before_2019_06_25_is_not_judged if {
	before := object.union(outage, {"startedAt": "2019-06-24T10:00:00+09:00", "restoredAt": "2019-06-24T18:00:00+09:00"})
	count(violations(before)) == 0
	after := object.union(outage, {"startedAt": "2019-06-25T10:00:00+09:00", "restoredAt": "2019-06-25T18:00:00+09:00"})
	count(violations(after)) == 1
}

test_incident_before_2025_03_28_rests_on_the_reported_rule if {
	before := object.union(outage, {"startedAt": "2025-03-27T10:00:00+09:00", "restoredAt": "2025-03-27T18:00:00+09:00"})
	some v in violations(before)
	v.evidence.rule.label == "reported"
	v.evidence.limit_label == "reported"
	contains(v.msg, "[rule in force then as reported, not in the statute texts]")
	after := object.union(outage, {"startedAt": "2025-03-28T10:00:00+09:00", "restoredAt": "2025-03-28T18:00:00+09:00"})
	some w in violations(after)
	w.evidence.rule.label == "law"
}

# The missing contents share their pointer: each is keyed by its item.
test_findings_are_keyed_by_duty_part if {
	inc := object.union(outage, {"damagesNotice": {"at": "2025-06-01T09:00:00+09:00", "contents": ["claimants"], "channels": ["press"]}})
	{v.key | some v in violations(inc)} == {"damages-notice:late", "contents:criteria", "contents:procedure", "channels"}
	some w in violations(outage)
	w.key == "damages-notice"
}

# --- former article number and the 2025-03-28 cut-over by start time ---

test_reported_rule_cites_the_former_damages_article if {
	before := object.union(outage, {"startedAt": "2025-03-27T10:00:00+09:00", "restoredAt": "2025-03-27T18:00:00+09:00"})
	some v in violations(before)
	v.evidence.rule.en == "TBA Art. 33(2); Decree Art. 37-11 to 37-13 (as then numbered; reported)"
	v.evidence.rule.ko == "전기통신사업법 제33조제2항; 같은 법 시행령 제37조의11~제37조의13(당시 조문 번호, 보도 기준)"
	v.evidence.limit_basis == "TBA Decree Art. 37-11 to 37-13 (as then numbered; reported, not in the statute texts)"
	not v.evidence.cutover_label
}

test_outage_spanning_the_cut_over_prints_the_interpretation if {
	across := object.union(outage, {"startedAt": "2025-03-27T20:00:00+09:00", "restoredAt": "2025-03-28T02:00:00+09:00"})
	some v in violations(across)
	v.evidence.rule.label == "reported"
	v.evidence.cutover_label == "interpretation"
	contains(v.evidence.cutover_note, "2025-03-28")
	after := object.union(outage, {"startedAt": "2025-03-28T00:00:00+09:00", "restoredAt": "2025-03-28T06:00:00+09:00"})
	some w in violations(after)
	w.evidence.rule.label == "law"
	not w.evidence.cutover_label
}

test_early_outage_is_judged_without_the_cut_over_label if {
	early := object.union(outage, {"startedAt": "2020-01-01T10:00:00+09:00", "restoredAt": "2020-01-01T18:00:00+09:00"})
	some v in violations(early)
	v.evidence.rule.label == "reported"
	not v.evidence.cutover_label
}
