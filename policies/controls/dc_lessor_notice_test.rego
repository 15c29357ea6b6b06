package resilcheck.controls.dc_lessor_notice_test

import data.resilcheck.controls.dc_lessor_notice
import data.resilcheck.controls.dc_report

run := {"as_of": "2026-11-22"}

provider := {"name": "Example", "categories": ["value-added"], "origin": "domestic"}

sites := [
	{"id": "cage1", "name": "Cage 1", "operator": "Big IDC", "ownership": "leased-exclusive"},
	{"id": "shared", "name": "Shared rack", "operator": "Other IDC", "ownership": "colocation"},
]

outage(id, start, end) := {"id": id, "cause": "power", "startedAt": start, "restoredAt": end, "datacenters": ["cage1"]}

# notified records the notice where the rulebook puts it; notified_alias at the deprecated
# top-level field that older manifests still use.
notified(inc, at) := object.union(inc, {"datacenterReport": {"lessorNotifiedAt": at}})

notified_alias(inc, at) := object.union(inc, {"lessorNotifiedAt": at})

manifest(incs) := {"provider": provider, "datacenters": sites, "incidents": incs}

violations_on(incs, as_of) := vs if {
	vs := dc_lessor_notice.violations with input as manifest(incs) with data.resilcheck.run as {"as_of": as_of}
}

violations(incs) := violations_on(incs, run.as_of)

test_notice_at_the_deadline_passes if {
	dc_lessor_notice.applies with input as manifest([]) with data.resilcheck.run as run
	inc := notified(outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T12:00:00+09:00"), "2026-03-01T11:30:00+09:00")
	count(violations([inc])) == 0
}

test_bound_lessee_without_interruptions_passes if {
	count(violations([])) == 0
}

test_one_minute_late_fails if {
	inc := notified(outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T12:00:00+09:00"), "2026-03-01T11:31:00+09:00")
	vs := violations([inc])
	count(vs) == 1
	some v in vs
	v.pointer == "/incidents/0/datacenterReport/lessorNotifiedAt"
	v.evidence.late_minutes == 1
	v.evidence.lessor == "Big IDC"
	v.evidence.notice_minutes == 60
	v.evidence.notice_label == "audit-default"
}

test_alias_is_still_read if {
	on_time := notified_alias(outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T12:00:00+09:00"), "2026-03-01T11:30:00+09:00")
	count(violations([on_time])) == 0
	late := notified_alias(outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T12:00:00+09:00"), "2026-03-01T11:31:00+09:00")
	vs := violations([late])
	count(vs) == 1
	some v in vs
	v.pointer == "/incidents/0/lessorNotifiedAt"
	v.evidence.notified_at == "2026-03-01T11:31:00+09:00"
	v.evidence.late_minutes == 1
}

test_notice_beside_the_ministry_report_is_read if {
	# The report object carries both: the ministry report time does not count as the notice.
	inc := object.union(outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T12:00:00+09:00"), {"datacenterReport": {"at": "2026-03-01T10:40:00+09:00", "lessorNotifiedAt": "2026-03-01T11:40:00+09:00"}})
	vs := violations([inc])
	count(vs) == 1
	some v in vs
	v.pointer == "/incidents/0/datacenterReport/lessorNotifiedAt"
	v.evidence.late_minutes == 10
}

test_report_without_a_notice_fails_as_missing if {
	inc := object.union(outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T12:00:00+09:00"), {"datacenterReport": {"at": "2026-03-01T10:40:00+09:00"}})
	vs := violations([inc])
	count(vs) == 1
	some v in vs
	v.pointer == "/incidents/0"
	not v.evidence.notified_at
}

test_notice_alone_is_not_a_ministry_report if {
	# The report object may hold only the lessor notice: DC-REPORT still finds no report.
	inc := notified(outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T12:00:00+09:00"), "2026-03-01T11:00:00+09:00")
	count(violations([inc])) == 0
	vs := dc_report.violations with input as manifest([inc]) with data.resilcheck.run as run
	count(vs) == 1
	some v in vs
	v.pointer == "/incidents/0"
}

test_both_given_the_rulebook_location_wins if {
	base := outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T12:00:00+09:00")

	# On time where the rulebook puts it, late at the alias: judged on time.
	on_time := notified_alias(notified(base, "2026-03-01T11:00:00+09:00"), "2026-03-01T11:50:00+09:00")
	count(violations([on_time])) == 0

	# Late where the rulebook puts it, on time at the alias: judged late, pointing there.
	late := notified_alias(notified(base, "2026-03-01T11:50:00+09:00"), "2026-03-01T11:00:00+09:00")
	vs := violations([late])
	count(vs) == 1
	some v in vs
	v.pointer == "/incidents/0/datacenterReport/lessorNotifiedAt"
	v.evidence.notified_at == "2026-03-01T11:50:00+09:00"
	v.evidence.late_minutes == 20
}

test_exactly_30_minutes_needs_a_notice if {
	vs := violations([outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:30:00+09:00")])
	count(vs) == 1
	some v in vs
	v.pointer == "/incidents/0"
	v.evidence.rule == "continuous"
	v.evidence.reportable_at == "2026-03-01T10:30:00+09:00"
	v.evidence.due == "2026-03-01T11:30:00+09:00"
	contains(v.msg, "30 min continuous, at least 30 min")
	contains(v.msg, "60 min, audit-default, no period in law")
}

test_29_minutes_needs_none if {
	count(violations([outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:29:00+09:00")])) == 0
}

test_two_interruptions_totalling_45_minutes_need_a_notice if {
	a := outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:20:00+09:00")
	b := outage("b", "2026-03-02T09:00:00+09:00", "2026-03-02T09:25:00+09:00")
	vs := violations([a, b])
	count(vs) == 1
	some v in vs
	v.pointer == "/incidents/1"
	v.evidence.rule == "repeated"
	v.evidence.series.total_minutes == 45
	contains(v.msg, "2 interruptions within 24 h totalling 45 min, at least 45 min")

	# Where the 24 hours start is the audit default, printed as DC-REPORT prints it.
	v.evidence.window_anchor_label == "audit-default"
	contains(v.evidence.window_anchor_note, "any 24-hour span")
}

test_continuous_lessor_finding_carries_no_window_anchor if {
	some v in violations([outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T12:00:00+09:00")])
	v.evidence.rule == "continuous"
	not v.evidence.window_anchor_label
}

test_two_interruptions_totalling_44_minutes_need_none if {
	a := outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:20:00+09:00")
	b := outage("b", "2026-03-02T09:00:00+09:00", "2026-03-02T09:24:00+09:00")
	count(violations([a, b])) == 0
}

test_series_answered_by_a_notice_on_another_member if {
	a := notified(outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:20:00+09:00"), "2026-03-02T09:30:00+09:00")
	b := outage("b", "2026-03-02T09:00:00+09:00", "2026-03-02T09:25:00+09:00")
	count(violations([a, b])) == 0
}

test_interruption_elsewhere_is_not_judged if {
	inc := object.union(outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T12:00:00+09:00"), {"datacenters": ["shared"]})
	count(violations([inc])) == 0
}

test_notice_after_the_audit_date_is_not_seen if {
	inc := notified(outage("a", "2026-11-20T10:00:00+09:00", "2026-11-20T12:00:00+09:00"), "2026-11-23T09:00:00+09:00")
	some v in violations([inc])
	v.pointer == "/incidents/0"
}

reason_on(m, as_of) := r if {
	r := dc_lessor_notice.reason with input as m with data.resilcheck.run as {"as_of": as_of}
}

test_day_before_2023_07_04_is_not_in_force_with_reason if {
	not dc_lessor_notice.applies with input as manifest([]) with data.resilcheck.run as {"as_of": "2023-07-03"}
	reason_on(manifest([]), "2023-07-03").en == "not in force on 2023-07-03 (in force from 2023-07-04)"
	dc_lessor_notice.applies with input as manifest([]) with data.resilcheck.run as {"as_of": "2023-07-04"}
}

test_interruption_before_2023_07_04_is_not_judged_and_after_is if {
	old := outage("a", "2023-07-03T23:00:00+09:00", "2023-07-04T01:00:00+09:00")
	count(violations_on([old], "2023-08-01")) == 0
	new := outage("b", "2023-07-04T00:00:00+09:00", "2023-07-04T01:00:00+09:00")
	count(violations_on([new], "2023-08-01")) == 1
}

test_not_applicable_without_a_leased_site_with_reason if {
	m := {"provider": provider, "datacenters": [sites[1]]}
	not dc_lessor_notice.applies with input as m with data.resilcheck.run as run
	contains(reason_on(m, run.as_of).en, "exclusive lessee under Network Act 46(7): no exclusively leased site")
}

# A leak of user information at the cage interrupts nothing: no notice to the lessor is owed.
test_a_leak_owes_no_lessor_notice if {
	leak := object.union(outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T12:00:00+09:00"), {"kind": "leak", "cause": "cyberattack"})
	count(violations([leak])) == 0
	count(violations([object.union(leak, {"kind": "outage"})])) == 1
}
