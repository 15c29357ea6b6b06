package resilcheck.lib.incidents_test

import data.resilcheck.lib.incidents

run := {"as_of": "2026-11-22"}

services := [
	{"id": "chat", "name": "Chat", "critical": true, "deployments": [{"datacenter": "dc1", "mode": "active"}]},
	{"id": "blog", "name": "Blog", "deployments": [{"datacenter": "dc1", "mode": "active"}]},
]

inc(id, cause, start, end) := {"id": id, "cause": cause, "startedAt": start, "restoredAt": end, "services": ["blog"]}

test_disaster_rule if {
	cases := [
		{"name": "fire is a disaster cause", "inc": inc("a", "fire", "2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z"), "want": true},
		{"name": "software on an ordinary service is not", "inc": inc("a", "software", "2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z"), "want": false},
		{"name": "software on a critical service is", "inc": object.union(inc("a", "software", "2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z"), {"services": ["chat"]}), "want": true},
		{"name": "declared false wins over the cause", "inc": object.union(inc("a", "fire", "2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z"), {"disaster": false}), "want": false},
		{"name": "declared true wins over the cause", "inc": object.union(inc("a", "overload", "2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z"), {"disaster": true}), "want": true},
	]
	every c in cases {
		got := is_disaster(c.inc)
		got == c.want
	}
}

is_disaster(i) if {
	incidents.disaster(i) with input as {"services": services} with data.resilcheck.run as run
}

is_disaster(i) := false if {
	not incidents.disaster(i) with input as {"services": services} with data.resilcheck.run as run
}

test_ongoing_incident_is_measured_to_the_end_of_the_audit_date if {
	i := object.remove(inc("a", "power", "2026-11-22T23:00:00+09:00", ""), ["restoredAt"])

	# Up to 23:59:59.999999999 on the audit date: a nanosecond short of an hour.
	f := incidents.facts[0] with input as {"incidents": [i]} with data.resilcheck.run as run
	f.minutes > 59.9999
	f.minutes < 60
	f.ongoing == true
	f.restored == false
}

test_restoration_after_the_audit_date_is_ongoing if {
	i := inc("a", "power", "2026-11-22T23:00:00+09:00", "2026-11-23T01:00:00+09:00")
	f := incidents.facts[0] with input as {"incidents": [i]} with data.resilcheck.run as run
	f.ongoing == true
	f.restored == false
	f.end_ns == time.parse_rfc3339_ns("2026-11-23T00:00:00+09:00") - 1
}

test_restoration_by_the_audit_date_ends_the_incident if {
	i := inc("a", "power", "2026-11-22T22:00:00+09:00", "2026-11-22T23:30:00+09:00")
	f := incidents.facts[0] with input as {"incidents": [i]} with data.resilcheck.run as run
	f.restored == true
	f.ongoing == false
	f.minutes == 90
}

test_incidents_after_the_audit_date_are_not_judged if {
	m := {"incidents": [
		inc("a", "power", "2026-11-22T23:59:00+09:00", "2026-11-23T00:30:00+09:00"),
		inc("b", "power", "2026-11-23T00:00:00+09:00", "2026-11-23T00:30:00+09:00"),
	]}
	j := incidents.judged with input as m with data.resilcheck.run as run
	object.keys(j) == {0}
}

test_timeline_orders_by_start_then_position if {
	m := {"incidents": [
		inc("late", "power", "2026-03-01T12:00:00+09:00", "2026-03-01T12:10:00+09:00"),
		inc("tie-1", "power", "2026-03-01T10:00:00+09:00", "2026-03-01T10:05:00+09:00"),
		inc("tie-2", "power", "2026-03-01T01:00:00Z", "2026-03-01T01:20:00Z"),
	]}
	tl := incidents.timeline([0, 1, 2]) with input as m with data.resilcheck.run as run
	[e[1] | some e in tl] == [1, 2, 0]
	[e[2] | some e in tl] == [5, 20, 10]
}

# history(n, gap_hours, minutes) is n interruptions, gap_hours apart, of the given minutes.
history(n, gap_hours, minutes) := [inc(sprintf("i%d", [k]), "power", start, end) |
	some k in numbers.range(0, n - 1)
	t := time.parse_rfc3339_ns("2026-01-01T00:00:00+09:00") + ((k * gap_hours) * 3600000000000)
	start := sprintf("%s+09:00", [time.format([t + 32400000000000, "UTC", "2006-01-02T15:04:05"])])
	end := sprintf("%s+09:00", [time.format([(t + 32400000000000) + (minutes * 60000000000), "UTC", "2006-01-02T15:04:05"])])
]

triggers(incs, window_hours, n, total) := r if {
	limits := {k: [(window_hours * 3600) * 1000000000, n, total] | some k, _ in incs}
	r := incidents.repeat_triggers(incidents.timeline(numbers.range(0, count(incs) - 1)), limits) with input as {"incidents": incs} with data.resilcheck.run as run
}

test_series_rule_cases if {
	cases := [
		{"name": "two of 20 and 25 within a day reach 45", "incs": [inc("a", "power", "2026-03-01T10:00:00+09:00", "2026-03-01T10:20:00+09:00"), inc("b", "power", "2026-03-02T09:00:00+09:00", "2026-03-02T09:25:00+09:00")], "want": {1: "2026-03-02T09:25:00+09:00"}},
		{"name": "exactly 24 hours apart is inside the window (이내: at most)", "incs": [inc("a", "power", "2026-03-01T10:00:00+09:00", "2026-03-01T10:20:00+09:00"), inc("b", "power", "2026-03-02T10:00:00+09:00", "2026-03-02T10:25:00+09:00")], "want": {1: "2026-03-02T10:25:00+09:00"}},
		{"name": "24 hours and a minute apart is outside the window", "incs": [inc("a", "power", "2026-03-01T10:00:00+09:00", "2026-03-01T10:20:00+09:00"), inc("b", "power", "2026-03-02T10:01:00+09:00", "2026-03-02T10:26:00+09:00")], "want": {}},
		{"name": "a long first interruption makes the second trigger at its start", "incs": [inc("a", "power", "2026-03-01T10:00:00+09:00", "2026-03-01T11:00:00+09:00"), inc("b", "power", "2026-03-01T12:00:00+09:00", "2026-03-01T12:01:00+09:00")], "want": {1: "2026-03-01T12:00:00+09:00"}},
		{
			"name": "an interruption exactly a window before is inside it", "incs": [
				inc("a", "power", "2026-03-01T00:00:00+09:00", "2026-03-01T00:01:00+09:00"),
				inc("b", "power", "2026-03-01T01:00:00+09:00", "2026-03-01T01:40:00+09:00"),
				inc("c", "power", "2026-03-01T10:00:00+09:00", "2026-03-01T10:01:00+09:00"),
				inc("d", "power", "2026-03-01T20:00:00+09:00", "2026-03-01T20:01:00+09:00"),
				inc("e", "power", "2026-03-02T01:00:00+09:00", "2026-03-02T01:10:00+09:00"),
			],
			# From b (exactly 24 hours before e): 40 + 1 + 1 minutes, and e's third minute
			# makes 45; a, 25 hours before e, is outside.
			"want": {4: "2026-03-02T01:03:00+09:00"},
		},
		{"name": "a lone interruption is never a series", "incs": [inc("a", "power", "2026-03-01T10:00:00+09:00", "2026-03-01T12:00:00+09:00")], "want": {}},
	]
	every c in cases {
		got := {k: incidents.kst_timestamp(r.trigger_ns) | some k, r in triggers(c.incs, 24, 2, 45)}
		got == c.want
	}
}

test_series_window_is_found_in_a_long_history if {
	# 300 interruptions of 10 minutes every 5 hours: each window of 24 hours holds 5, and a
	# series first reaches 45 minutes on the fifth of them.
	incs := history(300, 5, 10)
	r := triggers(incs, 24, 2, 45)
	r[4].series.count == 5
	r[4].series.total_minutes == 50
	incidents.kst_timestamp(r[4].trigger_ns) == "2026-01-01T20:05:00+09:00"
	r[299].series.count == 5
	r[299].series.incidents == ["i295", "i296", "i297", "i298", "i299"]
	not r[3]
}

test_param_override_wins_whatever_its_value if {
	t := time.parse_rfc3339_ns("2022-10-15T15:27:00+09:00")
	over := {"un_notice_free_services_exempt": false}
	p := incidents.param("un_notice_free_services_exempt", t) with data.resilcheck.overrides as over
	p == {"value": false, "label": "override", "basis": "run override (data.resilcheck.overrides)"}

	# Without it, the entry in force on the date: free services were still exempt in 2022.
	q := incidents.param("un_notice_free_services_exempt", t) with data.resilcheck.overrides as {}
	q.value == true
	q.label == "reported"
}

# --- the notice rule's view of an incident (TBA Decree Art. 37-21(1)) ---

notice_provider := {"name": "P", "categories": ["value-added"], "origin": "domestic", "metrics": {"telecomRevenueKRW": 10000000000, "dailyAverageUsers": 1000000}}

notice_services := [
	{"id": "chat", "name": "Chat", "dailyUsers": 1000000, "deployments": []},
	{"id": "pay", "name": "Pay", "paid": true, "dailyUsers": 1000000, "deployments": []},
	{"id": "vm", "name": "VM", "cloud": true, "paid": true, "dailyUsers": 1000000, "deployments": []},
]

tba_of(i) := x if {
	x := incidents.tba[0] with input as {"provider": notice_provider, "services": notice_services, "incidents": [i]} with data.resilcheck.run as run
}

un_of(i) := x if {
	x := incidents.un with input as {"provider": notice_provider, "services": notice_services, "incidents": [i]} with data.resilcheck.run as run
}

ud_of(i) := x if {
	x := incidents.ud with input as {"provider": notice_provider, "services": notice_services, "incidents": [i]} with data.resilcheck.run as run
}

maint(window) := object.union(
	{"id": "m", "cause": "maintenance", "startedAt": "2026-03-01T01:00:00+09:00", "restoredAt": "2026-03-01T04:00:00+09:00", "services": ["chat"], "preAnnouncedMaintenance": true},
	window,
)

test_maintenance_inside_the_announced_window_is_item_1 if {
	t := tba_of(maint({"announcedWindow": {"from": "2026-03-01T00:00:00+09:00", "to": "2026-03-01T04:00:00+09:00"}}))
	t.maintenance == "within"
	t.exempt == "1"
	t.minutes == 0
}

test_maintenance_overrun_is_judged_from_the_window_end if {
	# Announced 01:00-03:00, ran 01:00-04:00: the hour after 03:00 is not exempt, and
	# maintenance is not a short-outage cause, so the duty arises when the window ends.
	i := maint({"announcedWindow": {"from": "2026-03-01T01:00:00+09:00", "to": "2026-03-01T03:00:00+09:00"}})
	t := tba_of(i)
	t.maintenance == "overrun"
	t.minutes == 60
	t.exempt == ""
	incidents.kst_timestamp(t.trigger_ns) == "2026-03-01T03:00:00+09:00"
	un_of(i)[0].services == ["chat"]
}

test_maintenance_before_and_after_the_window_adds_up if {
	i := maint({"announcedWindow": {"from": "2026-03-01T02:00:00+09:00", "to": "2026-03-01T03:00:00+09:00"}, "cause": "software"})
	t := tba_of(i)
	t.minutes == 120
	t.exempt == "5"
	longer := object.union(i, {"restoredAt": "2026-03-01T04:01:00+09:00"})
	u := tba_of(longer)
	u.minutes == 121
	u.exempt == ""

	# 60 minutes before the window, then 60 after 03:00: the limit is reached at 04:00.
	incidents.kst_timestamp(u.trigger_ns) == "2026-03-01T04:00:00+09:00"
}

test_maintenance_without_a_window_cannot_show_item_1 if {
	t := tba_of(maint({}))
	t.maintenance == "no-window"
	t.minutes == 180
	t.exempt == ""
	g := incidents.notice_grounds(0) with input as {"provider": notice_provider, "services": notice_services, "incidents": [maint({})]} with data.resilcheck.run as run
	contains(g.en, "without announcedWindow")
}

test_short_outage_by_cause if {
	base := {"id": "s", "startedAt": "2026-03-01T10:00:00+09:00", "restoredAt": "2026-03-01T10:30:00+09:00", "services": ["chat"]}
	every c in ["overload", "equipment", "network", "software"] {
		tba_of(object.union(base, {"cause": c})).exempt == "5"
	}
	every c in ["fire", "power", "flood", "earthquake", "cyberattack", "maintenance", "other"] {
		t := tba_of(object.union(base, {"cause": c}))
		t.exempt == ""
		t.short == "cause"
	}
	tba_of(base).short == "cause-undeclared"
	tba_of(base).exempt == ""
	tba_of(object.union(base, {"cause": "software", "criticalFacility": true})).exempt == ""
}

test_carrier_line_fault_is_item_2_for_value_added_providers_only if {
	i := {"id": "c", "cause": "carrier-line", "startedAt": "2026-03-01T10:00:00+09:00", "restoredAt": "2026-03-01T18:00:00+09:00", "services": ["chat"]}
	tba_of(i).exempt == "2"
	tba_of(object.union(i, {"cause": "network", "carrierLineFault": true})).exempt == "2"
	carrier := object.union(notice_provider, {"categories": ["value-added", "facilities-based"]})
	t := incidents.tba[0] with input as {"provider": carrier, "services": notice_services, "incidents": [i]} with data.resilcheck.run as run
	t.exempt == ""
}

test_leaks_are_not_interruptions if {
	i := {"id": "l", "kind": "leak", "cause": "cyberattack", "startedAt": "2026-03-01T10:00:00+09:00", "services": ["chat"]}
	not tba_of(i)
}

test_damages_reach_paid_cloud_services_and_notices_do_not if {
	i := {"id": "o", "cause": "fire", "startedAt": "2026-03-01T10:00:00+09:00", "restoredAt": "2026-03-01T18:00:00+09:00", "services": ["chat", "pay", "vm"]}
	un_of(i)[0].services == ["chat", "pay"]
	ud_of(i)[0].services == ["pay", "vm"]
}

test_unnamed_service_is_sized_with_the_providers_users if {
	i := {"id": "o", "cause": "fire", "startedAt": "2026-03-01T10:00:00+09:00", "restoredAt": "2026-03-01T18:00:00+09:00"}
	un_of(i)[0].services == ["(unspecified)"]
	few := object.union(notice_provider, {"metrics": {"telecomRevenueKRW": 10000000000, "dailyAverageUsers": 999999}})
	u := incidents.un with input as {"provider": few, "services": notice_services, "incidents": [i]} with data.resilcheck.run as run
	count(u) == 0
}

test_disaster_basis_without_a_cause_names_the_critical_service if {
	i := {"id": "a", "startedAt": "2026-01-01T00:00:00Z", "services": ["chat"]}
	b := incidents.disaster_basis(i) with input as {"services": services} with data.resilcheck.run as run
	b == "a critical service was affected"
}

# window_start counts a short history outright and gallops through a long one: both give the
# first position at or after the window's start, ties included.
test_window_start_short_and_long_histories if {
	tl := [[t, j, 1] | some j in numbers.range(0, 39); t := (j - (j % 3)) * 10]
	every p in [0, 1, 5, 15, 16, 17, 30, 39] {
		every back in [0, 1, 10, 20, 25, 100, 1000] {
			after := tl[p][0] - back
			incidents.window_start(tl, p, after) == count([j | some j in numbers.range(0, p); tl[j][0] < after])
		}
	}
	incidents.window_start(tl, 39, 370) == 39
	incidents.window_start(tl, 39, 360) == 36
	incidents.window_start(tl, 5, 30) == 3
}
