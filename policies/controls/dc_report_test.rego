package resilcheck.controls.dc_report_test

import data.resilcheck.controls.dc_report

run := {"as_of": "2026-11-22"}

operator := {
	"name": "Example DC",
	"categories": ["datacenter-operator"],
	"origin": "domestic",
	"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}},
}

sites := [
	{"id": "dc1", "name": "DC 1", "operator": "Example DC", "ownership": "own", "serverRoomAreaM2": 800},
	{"id": "rented", "name": "Rented", "operator": "Other", "ownership": "colocation"},
]

outage(id, start, end) := {"id": id, "cause": "power", "startedAt": start, "restoredAt": end, "datacenters": ["dc1"]}

reported(inc, at) := object.union(inc, {"datacenterReport": {"at": at}})

violations(incs) := vs if {
	vs := dc_report.violations with input as {"provider": operator, "datacenters": sites, "incidents": incs} with data.resilcheck.run as run
}

test_exactly_30_minutes_is_reportable if {
	vs := violations([outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:30:00+09:00")])
	count(vs) == 1
	some v in vs
	v.pointer == "/incidents/0"
	v.evidence.rule == "continuous"
	v.evidence.reportable_at == "2026-03-01T10:30:00+09:00"
	v.evidence.due == "2026-03-01T11:30:00+09:00"
	v.evidence.without_delay_label == "audit-default"
}

test_29_minutes_is_not_reportable if {
	count(violations([outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:29:00+09:00")])) == 0
}

test_timely_report_passes if {
	inc := reported(outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T12:00:00+09:00"), "2026-03-01T11:30:00+09:00")
	count(violations([inc])) == 0
}

test_late_report_fails if {
	inc := reported(outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T12:00:00+09:00"), "2026-03-01T02:31:00Z")
	vs := violations([inc])
	count(vs) == 1
	some v in vs
	v.pointer == "/incidents/0/datacenterReport/at"
	v.evidence.late_minutes == 1
}

test_two_interruptions_totalling_45_minutes_are_reportable if {
	a := outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:20:00+09:00")
	b := outage("b", "2026-03-02T09:00:00+09:00", "2026-03-02T09:25:00+09:00")
	vs := violations([a, b])
	count(vs) == 1
	some v in vs
	v.pointer == "/incidents/1"
	v.evidence.rule == "repeated"
	v.evidence.reportable_at == "2026-03-02T09:25:00+09:00"
	v.evidence.series.count == 2
	v.evidence.series.total_minutes == 45
}

test_two_interruptions_totalling_44_minutes_are_not if {
	a := outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:20:00+09:00")
	b := outage("b", "2026-03-02T09:00:00+09:00", "2026-03-02T09:24:00+09:00")
	count(violations([a, b])) == 0
}

test_window_is_24_hours_from_the_first if {
	a := outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:20:00+09:00")
	b := outage("b", "2026-03-02T10:00:00+09:00", "2026-03-02T10:25:00+09:00")
	count(violations([a, b])) == 0
}

test_series_report_on_the_other_member_counts_if_made_after_the_trigger if {
	a := reported(outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:20:00+09:00"), "2026-03-02T09:40:00+09:00")
	b := outage("b", "2026-03-02T09:00:00+09:00", "2026-03-02T09:25:00+09:00")
	count(violations([a, b])) == 0
	early := reported(a, "2026-03-01T10:30:00+09:00")
	count(violations([early, b])) == 1
}

test_order_in_manifest_does_not_matter if {
	a := outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T10:20:00+09:00")
	b := outage("b", "2026-03-02T09:00:00+09:00", "2026-03-02T09:25:00+09:00")
	some v in violations([b, a])
	v.pointer == "/incidents/0"
}

test_interruptions_at_rented_space_are_not_judged if {
	inc := object.union(outage("a", "2026-03-01T10:00:00+09:00", "2026-03-01T12:00:00+09:00"), {"datacenters": ["rented"]})
	count(violations([inc])) == 0
}

test_not_judged_before_due if {
	inc := object.remove(outage("a", "2026-11-22T23:00:00+09:00", ""), ["restoredAt"])
	count(violations([inc])) == 0
}

test_own_datacenter_of_a_large_provider_applies if {
	own := {"name": "Big", "categories": ["value-added"], "origin": "domestic", "metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 1000000, "ictRevenueKRW": 10000000000}}
	dc_report.applies with input as {"provider": own, "datacenters": sites} with data.resilcheck.run as run
	small := object.union(own, {"metrics": {"dailyAverageUsers": 999999}})
	not dc_report.applies with input as {"provider": small, "datacenters": sites} with data.resilcheck.run as run
}

test_rule_in_force_from_2023_07_04 if {
	before := outage("a", "2023-07-03T10:00:00+09:00", "2023-07-03T12:00:00+09:00")
	count(violations([before])) == 0
	from := outage("a", "2023-07-04T00:00:00+09:00", "2023-07-04T02:00:00+09:00")
	some v in violations([from])
	v.evidence.threshold_basis == "Network Act Art. 46(6) (added 2023-01-03, in force 2023-07-04); Decree Art. 40"
}
