package resilcheck.deadlines_test

import data.resilcheck.controls.cl_leak_notice
import data.resilcheck.controls.dc_lessor_notice
import data.resilcheck.controls.dc_tenant_notice
import data.resilcheck.controls.dm_report
import data.resilcheck.controls.un_notice
import data.resilcheck.deadlines

window := {"from": "2025-10-01", "to": "2025-12-31"}

# A value-added provider above the notice sizes and the major-provider size (BCDA 35(1)4).
provider := {
	"name": "Example",
	"categories": ["value-added"],
	"origin": "domestic",
	"metrics": {"window": window, "dailyAverageUsers": 10000000, "telecomRevenueKRW": 10000000000},
}

services := [
	{"id": "chat", "name": "Chat", "dailyUsers": 1000000, "deployments": [{"datacenter": "dc1", "mode": "active"}]},
	{"id": "pay", "name": "Pay", "paid": true, "dailyUsers": 1000000, "deployments": [{"datacenter": "dc1", "mode": "active"}]},
]

manifest(incs) := {"provider": provider, "services": services, "incidents": incs}

# at(now, doc) is the deadlines report of doc judged at the instant now.
at(now, doc) := r if {
	r := deadlines.report with input as doc with data.resilcheck.run as {"as_of": substring(now, 0, 10), "now": now}
}

# duty(now, doc, name) is the one duty called name of the first listed incident.
duty(now, doc, name) := d if {
	some d in at(now, doc).incidents[0].duties
	d.duty == name
}

# software(start) is an ongoing software outage of chat: the short-outage exemption (item 5)
# can apply until it passes the limit.
software(start) := {"id": "sw", "cause": "software", "startedAt": start, "services": ["chat"]}

full := ["fact", "cause", "response", "contact"]

noticed(inc, at_, contents) := object.union(inc, {"userNotices": [{"at": at_, "channels": ["app"], "contents": contents}]})

# --- user notice: pending, due, overdue, done ---

test_user_notice_is_pending_until_the_outage_passes_the_two_hour_limit if {
	d := duty("2026-03-01T11:00:00+09:00", manifest([software("2026-03-01T10:00:00+09:00")]), "user-notice")
	d.status == "pending"
	d.triggered_at == "2026-03-01T12:00:00+09:00"
	d.due_at == "2026-03-01T13:00:00+09:00"
	d.threshold.value == 120
	d.threshold.label == "law"
	d.limit.value == 60
	d.limit.label == "audit-default"
	d.citation.en == "TBA Art. 33(2); Decree Art. 37-21(1)"
	d.citation.in_force_from == "2025-03-28"
	d.services == ["chat"]
}

test_user_notice_is_due_once_the_limit_is_passed if {
	d := duty("2026-03-01T12:30:00+09:00", manifest([software("2026-03-01T10:00:00+09:00")]), "user-notice")
	d.status == "due"
}

test_user_notice_is_due_at_the_due_instant_itself if {
	d := duty("2026-03-01T13:00:00+09:00", manifest([software("2026-03-01T10:00:00+09:00")]), "user-notice")
	d.status == "due"
}

test_user_notice_is_overdue_after_its_due_instant if {
	r := at("2026-03-01T13:00:01+09:00", manifest([software("2026-03-01T10:00:00+09:00")]))
	some d in r.incidents[0].duties
	d.duty == "user-notice"
	d.status == "overdue"
	r.now == "2026-03-01T13:00:01+09:00"
	r.incidents[0].ongoing == true
	r.incidents[0].outage_minutes == 180
}

test_user_notice_done_with_its_instant if {
	inc := noticed(software("2026-03-01T10:00:00+09:00"), "2026-03-01T12:10:00+09:00", full)
	d := duty("2026-03-01T14:00:00+09:00", manifest([inc]), "user-notice")
	d.status == "done"
	d.done_at == "2026-03-01T12:10:00+09:00"
	d.late == false
	d.missing_contents == []
}

test_user_notice_done_late_says_so if {
	inc := noticed(software("2026-03-01T10:00:00+09:00"), "2026-03-01T13:30:00+09:00", full)
	d := duty("2026-03-01T14:00:00+09:00", manifest([inc]), "user-notice")
	d.status == "done"
	d.late == true
}

test_a_notice_without_a_contact_is_not_done if {
	inc := noticed(software("2026-03-01T10:00:00+09:00"), "2026-03-01T12:10:00+09:00", ["fact", "response"])
	d := duty("2026-03-01T14:00:00+09:00", manifest([inc]), "user-notice")
	d.status == "overdue"
	d.first_notice_at == "2026-03-01T12:10:00+09:00"
	d.missing_contents == ["contact"]
	not d.done_at
}

test_a_notice_recorded_after_now_is_not_done_yet if {
	inc := noticed(software("2026-03-01T10:00:00+09:00"), "2026-03-01T12:50:00+09:00", full)
	d := duty("2026-03-01T12:30:00+09:00", manifest([inc]), "user-notice")
	d.status == "due"
}

# --- the user-notice thresholds, and the day before the 2-hour rule came into force ---

test_four_hour_limit_the_day_before_2025_03_28 if {
	# A paid service: free ones were exempt then (item 4, reported).
	inc := object.union(software("2025-03-27T10:00:00+09:00"), {"services": ["pay"]})
	d := duty("2025-03-27T11:00:00+09:00", manifest([inc]), "user-notice")
	d.triggered_at == "2025-03-27T14:00:00+09:00"
	d.due_at == "2025-03-27T15:00:00+09:00"
	d.threshold.value == 240
	d.threshold.label == "reported"
	d.citation.label == "reported"
	d.citation.in_force_from == "2019-06-25"
}

test_free_services_exempt_the_day_before_2025_03_28 if {
	d := duty("2025-03-27T11:00:00+09:00", manifest([software("2025-03-27T10:00:00+09:00")]), "user-notice")
	d.status == "exempt"
	contains(d.reason.en, "chat: item 4 (before 2025-03-28, reported): free service")
}

test_two_hour_limit_from_2025_03_28 if {
	d := duty("2025-03-28T11:00:00+09:00", manifest([software("2025-03-28T10:00:00+09:00")]), "user-notice")
	d.triggered_at == "2025-03-28T12:00:00+09:00"
	d.threshold.value == 120
}

test_a_fire_owes_the_notice_from_detection if {
	inc := object.union(software("2026-03-01T10:00:00+09:00"), {"cause": "fire", "detectedAt": "2026-03-01T10:05:00+09:00"})
	d := duty("2026-03-01T10:30:00+09:00", manifest([inc]), "user-notice")
	d.status == "due"
	d.triggered_at == "2026-03-01T10:05:00+09:00"
	d.due_at == "2026-03-01T11:05:00+09:00"

	# The short-outage limit plays no part in a fire's clock.
	not d.threshold
	d.clock == "from detection (audit default)"
}

test_a_critical_facility_owes_the_notice_at_once if {
	inc := object.union(software("2026-03-01T10:00:00+09:00"), {"criticalFacility": true})
	d := duty("2026-03-01T10:30:00+09:00", manifest([inc]), "user-notice")
	d.triggered_at == "2026-03-01T10:00:00+09:00"
	d.due_at == "2026-03-01T11:00:00+09:00"
}

test_an_override_moves_the_due_instant if {
	doc := manifest([software("2026-03-01T10:00:00+09:00")])
	r := deadlines.report with input as doc
		with data.resilcheck.run as {"as_of": "2026-03-01", "now": "2026-03-01T11:00:00+09:00"}
		with data.resilcheck.overrides as {"un_notice_without_delay_minutes": 30}
	some d in r.incidents[0].duties
	d.duty == "user-notice"
	d.due_at == "2026-03-01T12:30:00+09:00"
	d.limit.label == "override"
}

# --- ministry report: first report, updates, final report; the day before it bound ---

fire(start) := {
	"id": "fire",
	"cause": "fire",
	"startedAt": start,
	"services": ["chat"],
}

test_ministry_report_due_from_detection if {
	d := duty("2026-03-01T10:30:00+09:00", manifest([fire("2026-03-01T10:00:00+09:00")]), "ministry-report")
	d.status == "due"
	d.triggered_at == "2026-03-01T10:00:00+09:00"
	d.due_at == "2026-03-01T11:00:00+09:00"
	d.limit.label == "audit-default"
	d.basis == "cause \"fire\" is a disaster cause"
}

test_ministry_report_done_then_the_next_update_is_due if {
	inc := object.union(fire("2026-03-01T10:00:00+09:00"), {"ministryReports": [{"at": "2026-03-01T10:40:00+09:00", "kind": "initial"}]})
	doc := manifest([inc])
	first := duty("2026-03-02T09:00:00+09:00", doc, "ministry-report")
	first.status == "done"
	first.done_at == "2026-03-01T10:40:00+09:00"
	update := duty("2026-03-02T09:00:00+09:00", doc, "ministry-update")
	update.status == "due"
	update.due_at == "2026-03-02T10:40:00+09:00"
	late := duty("2026-03-02T10:41:00+09:00", doc, "ministry-update")
	late.status == "overdue"
}

test_ministry_report_not_bound_the_day_before_2023_07_04 if {
	d := duty("2023-07-03T10:30:00+09:00", manifest([fire("2023-07-03T10:00:00+09:00")]), "ministry-report")
	d.status == "not_bound"
	contains(d.reason.en, "not in force until 2023-07-04")
}

test_ministry_report_bound_on_2023_07_04 if {
	d := duty("2023-07-04T10:30:00+09:00", manifest([fire("2023-07-04T10:00:00+09:00")]), "ministry-report")
	d.status == "due"
	d.citation.in_force_from == "2023-07-04"
}

test_final_report_listed_while_due_after_restoration if {
	inc := object.union(fire("2026-03-01T10:00:00+09:00"), {
		"restoredAt": "2026-03-01T20:00:00+09:00",
		"ministryReports": [{"at": "2026-03-01T10:40:00+09:00", "kind": "initial"}],
	})
	r := at("2026-03-02T09:00:00+09:00", manifest([inc]))
	[d.duty | some d in r.incidents[0].duties] == ["ministry-final-report"]
	r.incidents[0].duties[0].due_at == "2026-03-02T20:00:00+09:00"
	r.incidents[0].restored_at == "2026-03-01T20:00:00+09:00"

	# Once it is overdue, a restored incident is for the audit, not the on-call list.
	count(at("2026-03-02T20:00:01+09:00", manifest([inc])).incidents) == 0
}

test_final_report_pending_while_the_disaster_lasts if {
	d := duty("2026-03-01T10:30:00+09:00", manifest([fire("2026-03-01T10:00:00+09:00")]), "ministry-final-report")
	d.status == "pending"
	not d.due_at
}

# --- datacenter report: 30 minutes in a row ---

operator := {
	"name": "Example DC",
	"categories": ["datacenter-operator"],
	"origin": "domestic",
	"metrics": {"window": window},
}

sites := [{"id": "dc1", "name": "DC 1", "operator": "Example DC", "ownership": "own", "serverRoomAreaM2": 800}]

power(start) := {"id": "pw", "cause": "power", "startedAt": start, "datacenters": ["dc1"]}

test_datacenter_report_pending_until_30_minutes if {
	doc := {"provider": operator, "datacenters": sites, "incidents": [power("2026-03-01T10:00:00+09:00")]}
	d := duty("2026-03-01T10:20:00+09:00", doc, "datacenter-report")
	d.status == "pending"
	d.triggered_at == "2026-03-01T10:30:00+09:00"
	d.due_at == "2026-03-01T11:30:00+09:00"
	d.threshold.value == 30
	d.datacenter == "dc1"
	d.rule == "continuous"
}

test_datacenter_report_done if {
	inc := object.union(power("2026-03-01T10:00:00+09:00"), {"datacenterReport": {"at": "2026-03-01T11:00:00+09:00"}})
	doc := {"provider": operator, "datacenters": sites, "incidents": [inc]}
	d := duty("2026-03-01T12:00:00+09:00", doc, "datacenter-report")
	d.status == "done"
	d.done_at == "2026-03-01T11:00:00+09:00"
}

test_datacenter_report_not_in_force_the_day_before_2023_07_04 if {
	doc := {"provider": operator, "datacenters": sites, "incidents": [power("2023-07-03T10:00:00+09:00")]}
	d := duty("2023-07-03T11:00:00+09:00", doc, "datacenter-report")
	d.status == "not_bound"
	contains(d.reason.en, "2023-07-04")
}

# --- cloud notice: 10 minutes in a row ---

test_cloud_notice_after_ten_minutes if {
	doc := {
		"provider": {"name": "Example Cloud", "categories": ["cloud"], "origin": "domestic", "metrics": {"window": window}},
		"services": [{"id": "vm", "name": "VM", "cloud": true, "deployments": [{"datacenter": "dc1", "mode": "active"}]}],
		"incidents": [{"id": "c", "cause": "software", "startedAt": "2026-03-01T10:00:00+09:00", "services": ["vm"]}],
	}
	d := duty("2026-03-01T10:05:00+09:00", doc, "cloud-notice")
	d.status == "pending"
	d.triggered_at == "2026-03-01T10:10:00+09:00"
	d.due_at == "2026-03-01T11:10:00+09:00"
	d.threshold.value == 10
	overdue := duty("2026-03-01T11:11:00+09:00", doc, "cloud-notice")
	overdue.status == "overdue"
}

# --- damages notice: after restoration, 30 days ---

test_damages_notice_pending_while_ongoing if {
	inc := object.union(fire("2026-03-01T10:00:00+09:00"), {"services": ["pay"]})
	d := duty("2026-03-01T11:00:00+09:00", manifest([inc]), "damages-notice")
	d.status == "pending"
	d.services == ["pay"]
	d.limit.value == 30
	d.limit.unit == "days"
}

test_damages_notice_due_30_days_after_restoration if {
	inc := object.union(fire("2026-03-01T10:00:00+09:00"), {"services": ["pay"], "restoredAt": "2026-03-02T10:00:00+09:00"})
	d := duty("2026-03-10T09:00:00+09:00", manifest([inc]), "damages-notice")
	d.status == "due"
	d.due_at == "2026-04-01T23:59:59+09:00"
	count(at("2026-04-02T00:00:00+09:00", manifest([inc])).incidents) == 0
}

# --- one source of truth: what check judges later for the same facts ---

test_due_instants_match_what_the_controls_judge_later if {
	inc := object.union(fire("2026-03-01T10:00:00+09:00"), {"detectedAt": "2026-03-01T10:05:00+09:00"})
	doc := manifest([inc])
	notice := duty("2026-03-01T10:30:00+09:00", doc, "user-notice")
	report := duty("2026-03-01T10:30:00+09:00", doc, "ministry-report")

	# The audit a week later, after restoration, with nothing done.
	later := manifest([object.union(inc, {"restoredAt": "2026-03-02T10:00:00+09:00"})])
	some v in un_notice.violations with input as later with data.resilcheck.run as {"as_of": "2026-03-08"}
	v.evidence.notice_due == notice.due_at
	some w in dm_report.violations with input as later with data.resilcheck.run as {"as_of": "2026-03-08"}
	w.key == "first-report"
	w.evidence.due == report.due_at
}

test_incidents_started_after_now_are_not_listed if {
	count(at("2026-03-01T09:59:00+09:00", manifest([fire("2026-03-01T10:00:00+09:00")])).incidents) == 0
}

# --- lessor notice: from 2023-07-04, no period in law (audit default) ---

lessee_doc(incs) := {
	"provider": {"name": "Example", "categories": ["value-added"], "origin": "domestic"},
	"datacenters": [{"id": "cage1", "name": "Cage 1", "operator": "Big IDC", "ownership": "leased-exclusive"}],
	"incidents": incs,
}

cage_outage(start) := {"id": "cage", "cause": "power", "startedAt": start, "datacenters": ["cage1"]}

test_lessor_notice_pending_then_due_then_overdue if {
	doc := lessee_doc([cage_outage("2026-03-01T10:00:00+09:00")])
	p := duty("2026-03-01T10:20:00+09:00", doc, "lessor-notice")
	p.status == "pending"
	p.triggered_at == "2026-03-01T10:30:00+09:00"
	p.due_at == "2026-03-01T11:30:00+09:00"
	p.datacenter == "cage1"
	p.rule == "continuous"
	p.threshold.value == 30
	p.limit.value == 60
	p.limit.label == "audit-default"
	contains(p.limit.basis, "no period in law")
	p.citation.en == "Network Act Art. 46(7); Decree Art. 41 2, 40(1)"
	p.citation.in_force_from == "2023-07-04"
	duty("2026-03-01T11:00:00+09:00", doc, "lessor-notice").status == "due"
	duty("2026-03-01T11:30:01+09:00", doc, "lessor-notice").status == "overdue"
}

test_lessor_notice_done_on_time_and_late if {
	on_time := lessee_doc([object.union(cage_outage("2026-03-01T10:00:00+09:00"), {"lessorNotifiedAt": "2026-03-01T11:00:00+09:00"})])
	d := duty("2026-03-01T12:00:00+09:00", on_time, "lessor-notice")
	d.status == "done"
	d.done_at == "2026-03-01T11:00:00+09:00"
	d.late == false
	late := lessee_doc([object.union(cage_outage("2026-03-01T10:00:00+09:00"), {"lessorNotifiedAt": "2026-03-01T11:45:00+09:00"})])
	l := duty("2026-03-01T12:00:00+09:00", late, "lessor-notice")
	l.status == "done"
	l.late == true

	# A notice recorded after now is not done yet.
	duty("2026-03-01T11:40:00+09:00", late, "lessor-notice").status == "overdue"
}

test_lessor_notice_done_from_either_location if {
	at := "2026-03-01T11:00:00+09:00"
	for_report := lessee_doc([object.union(cage_outage("2026-03-01T10:00:00+09:00"), {"datacenterReport": {"lessorNotifiedAt": at}})])
	r := duty("2026-03-01T12:00:00+09:00", for_report, "lessor-notice")
	r.status == "done"
	r.done_at == at
	r.late == false

	# Both given: the duty reads the rulebook location, as the control does.
	both := lessee_doc([object.union(cage_outage("2026-03-01T10:00:00+09:00"), {"datacenterReport": {"lessorNotifiedAt": "2026-03-01T11:45:00+09:00"}, "lessorNotifiedAt": at})])
	b := duty("2026-03-01T12:00:00+09:00", both, "lessor-notice")
	b.done_at == "2026-03-01T11:45:00+09:00"
	b.late == true
}

test_lessor_notice_not_bound_the_day_before_2023_07_04 if {
	d := duty("2023-07-03T11:00:00+09:00", lessee_doc([cage_outage("2023-07-03T10:00:00+09:00")]), "lessor-notice")
	d.status == "not_bound"
	contains(d.reason.en, "2023-07-04")
	b := duty("2023-07-04T11:00:00+09:00", lessee_doc([cage_outage("2023-07-04T10:00:00+09:00")]), "lessor-notice")
	b.status == "due"
}

test_lessor_notice_not_bound_for_an_outage_started_before_2023_07_04 if {
	# Still going after the article came into force: the law of the start date governs.
	d := duty("2023-07-04T01:00:00+09:00", lessee_doc([cage_outage("2023-07-03T23:00:00+09:00")]), "lessor-notice")
	d.status == "not_bound"
	contains(d.reason.en, "2023-07-04")
}

test_no_lessor_notice_at_an_own_site if {
	doc := {"provider": operator, "datacenters": sites, "incidents": [power("2026-03-01T10:00:00+09:00")]}
	r := at("2026-03-01T11:00:00+09:00", doc)
	count([d | some d in r.incidents[0].duties; d.duty == "lessor-notice"]) == 0
}

# --- tenant-suspension notices and resumption (Network Act 46-2) ---

colo := {"name": "Small IDC", "categories": ["datacenter-operator"], "origin": "domestic"}

colo_sites := [{"id": "dc1", "name": "DC 1", "operator": "Small IDC", "ownership": "own", "serverRoomAreaM2": 120}]

suspended(start, suspensions) := {
	"provider": colo,
	"datacenters": colo_sites,
	"incidents": [{"id": "i1", "cause": "cyberattack", "startedAt": start, "datacenters": ["dc1"], "tenantSuspensions": suspensions}],
}

tenant_duties(now, doc, name) := [d | some d in at(now, doc).incidents[0].duties; d.duty == name]

test_tenant_notice_due_then_overdue_per_suspension if {
	doc := suspended("2026-03-01T09:50:00+09:00", [
		{"tenant": "Tenant A", "at": "2026-03-01T10:00:00+09:00"},
		{"tenant": "Tenant B", "at": "2026-03-01T10:30:00+09:00", "notifiedAt": "2026-03-01T10:40:00+09:00"},
	])
	[a, b] := tenant_duties("2026-03-01T10:45:00+09:00", doc, "tenant-notice")
	a.tenant == "Tenant A"
	a.status == "due"
	a.triggered_at == "2026-03-01T10:00:00+09:00"
	a.due_at == "2026-03-01T11:00:00+09:00"
	a.limit.value == 60
	a.limit.label == "audit-default"
	a.citation.en == "Network Act Art. 46-2(2)-(3)"
	b.tenant == "Tenant B"
	b.status == "done"
	b.done_at == "2026-03-01T10:40:00+09:00"
	b.late == false
	[o, _] := tenant_duties("2026-03-01T11:00:01+09:00", doc, "tenant-notice")
	o.status == "overdue"
}

test_tenant_notice_done_late if {
	doc := suspended("2026-03-01T09:50:00+09:00", [{"tenant": "Tenant A", "at": "2026-03-01T10:00:00+09:00", "notifiedAt": "2026-03-01T11:10:00+09:00"}])
	[d] := tenant_duties("2026-03-01T12:00:00+09:00", doc, "tenant-notice")
	d.status == "done"
	d.late == true
}

test_tenant_resumption_pending_until_the_reason_ends_then_due if {
	s := {"tenant": "Tenant A", "at": "2026-03-01T10:00:00+09:00", "reasonEndedAt": "2026-03-01T14:00:00+09:00"}
	doc := suspended("2026-03-01T09:50:00+09:00", [s])
	[p] := tenant_duties("2026-03-01T13:00:00+09:00", doc, "tenant-resume")
	p.status == "pending"
	not p.due_at
	p.limit.value == 60
	[d] := tenant_duties("2026-03-01T14:30:00+09:00", doc, "tenant-resume")
	d.status == "due"
	d.triggered_at == "2026-03-01T14:00:00+09:00"
	d.due_at == "2026-03-01T15:00:00+09:00"
	[o] := tenant_duties("2026-03-01T15:00:01+09:00", doc, "tenant-resume")
	o.status == "overdue"
	late := suspended("2026-03-01T09:50:00+09:00", [object.union(s, {"resumedAt": "2026-03-01T15:30:00+09:00"})])
	[l] := tenant_duties("2026-03-01T16:00:00+09:00", late, "tenant-resume")
	l.status == "done"
	l.late == true
}

test_tenant_resumption_recorded_without_the_reason_ending_is_done if {
	# The service came back before any reasonEndedAt was recorded: nothing is owed any more,
	# and with no instant the reason ended there is no due instant to be late against.
	s := {"tenant": "Tenant A", "at": "2026-03-01T10:00:00+09:00", "resumedAt": "2026-03-01T11:00:00+09:00"}
	[d] := tenant_duties("2026-03-01T12:00:00+09:00", suspended("2026-03-01T09:50:00+09:00", [s]), "tenant-resume")
	d.status == "done"
	d.done_at == "2026-03-01T11:00:00+09:00"
	not d.due_at
	not d.late
}

# DC-TENANT-NOTICE binds every colocation operator throughout (REGULATIONS.md L109, L138):
# the days the duty used to start on (2008-02-29, and 2009-01-28 for the colocation test)
# list the notice as owed like any other, with no in-force date to print.
test_tenant_notice_owed_on_any_date if {
	every day in ["2001-01-01", "2008-02-28", "2009-01-27"] {
		doc := suspended(sprintf("%sT09:50:00+09:00", [day]), [{"tenant": "Tenant A", "at": sprintf("%sT10:00:00+09:00", [day])}])
		[d] := tenant_duties(sprintf("%sT10:30:00+09:00", [day]), doc, "tenant-notice")
		d.status == "due"
		[o] := tenant_duties(sprintf("%sT11:00:01+09:00", [day]), doc, "tenant-notice")
		o.status == "overdue"
	}
}

test_tenant_notice_prints_no_in_force_date if {
	doc := suspended("2001-01-01T09:50:00+09:00", [{"tenant": "Tenant A", "at": "2001-01-01T10:00:00+09:00"}])
	[d] := tenant_duties("2001-01-01T10:30:00+09:00", doc, "tenant-notice")
	d.citation.in_force_from == ""
	d.citation.label == "law"
}

test_tenant_notice_not_bound_for_a_lessee if {
	# A lessee suspends no tenant under 46-2: the duty is the colocation operator's.
	doc := lessee_doc([object.union(cage_outage("2026-03-01T09:50:00+09:00"), {"tenantSuspensions": [{"tenant": "T", "at": "2026-03-01T10:00:00+09:00"}]})])
	[d] := tenant_duties("2026-03-01T10:30:00+09:00", doc, "tenant-notice")
	d.status == "not_bound"
	d.reason.en == dc_tenant_notice.reason.en with input as doc with data.resilcheck.run as {"as_of": "2026-03-01"}
}

# --- cloud breach notice (Cloud Act 25(1)1) ---

cloud_provider := {"name": "Example Cloud", "categories": ["cloud"], "origin": "domestic", "metrics": {"window": window}}

cloud_doc(inc) := {
	"provider": cloud_provider,
	"services": [{"id": "vm", "name": "VM", "cloud": true, "deployments": [{"datacenter": "dc1", "mode": "active"}]}],
	"incidents": [inc],
}

breach(start) := {"id": "b", "kind": "breach", "cause": "cyberattack", "startedAt": start, "detectedAt": "2026-03-01T10:20:00+09:00", "services": ["vm"]}

cloud_notice_at(inc, at_) := object.union(inc, {"userNotices": [{"at": at_, "channels": ["email"], "contents": ["fact"]}]})

test_cloud_breach_notice_due_from_detection_then_overdue if {
	doc := cloud_doc(breach("2026-03-01T10:00:00+09:00"))
	d := duty("2026-03-01T10:30:00+09:00", doc, "cloud-breach-notice")
	d.status == "due"
	d.triggered_at == "2026-03-01T10:20:00+09:00"
	d.due_at == "2026-03-01T11:20:00+09:00"
	d.clock == "from detectedAt"
	d.services == ["vm"]
	d.limit.value == 60
	d.limit.label == "audit-default"
	d.citation.en == "Cloud Act Art. 25(1)1; Decree Art. 17(1)-(4)"
	duty("2026-03-01T11:20:01+09:00", doc, "cloud-breach-notice").status == "overdue"
}

test_cloud_breach_notice_done_on_time_late_and_by_a_wrong_method if {
	on_time := cloud_doc(cloud_notice_at(breach("2026-03-01T10:00:00+09:00"), "2026-03-01T11:00:00+09:00"))
	d := duty("2026-03-01T12:00:00+09:00", on_time, "cloud-breach-notice")
	d.status == "done"
	d.late == false
	late := cloud_doc(cloud_notice_at(breach("2026-03-01T10:00:00+09:00"), "2026-03-01T11:30:00+09:00"))
	l := duty("2026-03-01T12:00:00+09:00", late, "cloud-breach-notice")
	l.status == "done"
	l.late == true

	# Telling the press is no notice to users (Decree 17(2)).
	press := cloud_doc(object.union(breach("2026-03-01T10:00:00+09:00"), {"userNotices": [{"at": "2026-03-01T11:00:00+09:00", "channels": ["press"]}]}))
	duty("2026-03-01T12:00:00+09:00", press, "cloud-breach-notice").status == "overdue"
}

test_cloud_breach_notice_not_bound_the_day_before_2015_09_28 if {
	inc := {"id": "b", "kind": "breach", "startedAt": "2015-09-27T10:00:00+09:00", "services": ["vm"]}
	d := duty("2015-09-27T10:30:00+09:00", cloud_doc(inc), "cloud-breach-notice")
	d.status == "not_bound"
	contains(d.reason.en, "2015-09-28")
	b := duty("2015-09-28T10:30:00+09:00", cloud_doc(object.union(inc, {"startedAt": "2015-09-28T10:00:00+09:00"})), "cloud-breach-notice")
	b.status == "due"
}

# --- cloud leak notices (Cloud Act 25(1)2, 25(2)) ---

leak(start) := {"id": "l", "kind": "leak", "startedAt": start, "services": ["vm"], "dataLeak": {"detectedAt": "2026-03-01T12:00:00+09:00"}}

test_cloud_leak_owes_users_and_the_ministry_from_when_it_was_known if {
	doc := cloud_doc(leak("2026-03-01T10:00:00+09:00"))
	u := duty("2026-03-01T12:30:00+09:00", doc, "cloud-leak-notice")
	u.status == "due"
	u.triggered_at == "2026-03-01T12:00:00+09:00"
	u.due_at == "2026-03-01T13:00:00+09:00"
	u.clock == "from dataLeak.detectedAt"
	u.limit.label == "audit-default"
	u.citation.en == "Cloud Act Art. 25(1)2, 25(2); Decree Art. 17(1)-(5)"
	m := duty("2026-03-01T12:30:00+09:00", doc, "cloud-leak-ministry-notice")
	m.status == "due"
	m.due_at == "2026-03-01T13:00:00+09:00"
	contains(m.limit.basis, "25(2)")
	duty("2026-03-01T13:00:01+09:00", doc, "cloud-leak-ministry-notice").status == "overdue"
}

test_cloud_leak_notices_done_on_time_and_late if {
	inc := object.union(cloud_notice_at(leak("2026-03-01T10:00:00+09:00"), "2026-03-01T12:30:00+09:00"), {"ministryNotices": [{"kind": "leak", "at": "2026-03-01T13:30:00+09:00"}]})
	doc := cloud_doc(inc)
	u := duty("2026-03-01T14:00:00+09:00", doc, "cloud-leak-notice")
	u.status == "done"
	u.late == false
	m := duty("2026-03-01T14:00:00+09:00", doc, "cloud-leak-ministry-notice")
	m.status == "done"
	m.done_at == "2026-03-01T13:30:00+09:00"
	m.late == true
}

test_cloud_leak_notice_not_bound_the_day_before_2015_09_28 if {
	inc := {"id": "l", "kind": "leak", "startedAt": "2015-09-27T10:00:00+09:00", "services": ["vm"]}
	d := duty("2015-09-27T10:30:00+09:00", cloud_doc(inc), "cloud-leak-notice")
	d.status == "not_bound"
	contains(d.reason.en, "2015-09-28")
	u := duty("2015-09-28T10:30:00+09:00", cloud_doc(object.union(inc, {"startedAt": "2015-09-28T10:00:00+09:00"})), "cloud-leak-notice")
	u.status == "due"
}

# --- one source of truth for the new duties ---

test_new_due_instants_match_what_the_controls_judge_later if {
	lessor := duty("2026-03-01T11:00:00+09:00", lessee_doc([cage_outage("2026-03-01T10:00:00+09:00")]), "lessor-notice")
	later := lessee_doc([object.union(cage_outage("2026-03-01T10:00:00+09:00"), {"restoredAt": "2026-03-01T12:00:00+09:00"})])
	some v in dc_lessor_notice.violations with input as later with data.resilcheck.run as {"as_of": "2026-03-08"}
	v.evidence.due == lessor.due_at

	leakdoc := cloud_doc(leak("2026-03-01T10:00:00+09:00"))
	m := duty("2026-03-01T12:30:00+09:00", leakdoc, "cloud-leak-ministry-notice")
	some w in cl_leak_notice.violations with input as leakdoc with data.resilcheck.run as {"as_of": "2026-03-08"}
	w.key == "ministry-notice"
	w.evidence.ministry_due == m.due_at

	tdoc := suspended("2026-03-01T09:50:00+09:00", [{"tenant": "Tenant A", "at": "2026-03-01T10:00:00+09:00"}])
	[t] := tenant_duties("2026-03-01T10:30:00+09:00", tdoc, "tenant-notice")
	some x in dc_tenant_notice.violations with input as tdoc with data.resilcheck.run as {"as_of": "2026-03-08"}
	x.key == "notice"
	x.evidence.notice_due == t.due_at
}

# A restored incident stays on the list while any of its duties is still due, not only those
# that arise with the restoration: here the tenant's resumption, due an hour after the reason
# ended, outlives the outage. Its overdue tenant notice is not listed: once nothing is due, a
# restored incident is for the audit.
test_restored_incident_listed_while_any_duty_is_due if {
	doc := suspended("2026-03-01T09:50:00+09:00", [{"tenant": "Tenant A", "at": "2026-03-01T10:00:00+09:00", "reasonEndedAt": "2026-03-01T14:00:00+09:00"}])
	restored := json.patch(doc, [{"op": "add", "path": "/incidents/0/restoredAt", "value": "2026-03-01T13:00:00+09:00"}])
	r := at("2026-03-01T14:30:00+09:00", restored)
	[d.duty | some d in r.incidents[0].duties] == ["tenant-resume"]
	r.incidents[0].duties[0].due_at == "2026-03-01T15:00:00+09:00"
	count(at("2026-03-01T15:00:01+09:00", restored).incidents) == 0

	# Restored while the tenant is still suspended: the resumption is yet to arise, and the
	# incident stays listed rather than dropping off until the reason ends.
	[p] := [d | some d in at("2026-03-01T13:30:00+09:00", restored).incidents[0].duties; d.duty == "tenant-resume"]
	p.status == "pending"
}

# A short software outage's user notice is pending while it lasts; once it is restored short
# of the threshold nothing is owed and the incident leaves the list.
test_restored_short_software_outage_is_not_listed if {
	inc := software("2026-03-01T10:00:00+09:00")
	[d] := [d | some d in at("2026-03-01T10:20:00+09:00", manifest([inc])).incidents[0].duties; d.duty == "user-notice"]
	d.status == "pending"
	restored := object.union(inc, {"restoredAt": "2026-03-01T10:30:00+09:00"})
	count(at("2026-03-01T11:00:00+09:00", manifest([restored])).incidents) == 0
}
