package resilcheck.controls.guide_site_loss_drill_test

import data.resilcheck.controls.guide_site_loss_drill

run := {"as_of": "2026-11-22"}

svc(drills) := {
	"id": "talk",
	"name": "Talk",
	"critical": true,
	"deployments": [{"datacenter": "a", "mode": "active"}],
	"recovery": {"rtoMinutes": 30},
	"drills": drills,
}

manifest(services) := {"provider": {"name": "Example", "categories": ["value-added"], "origin": "domestic", "metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}}}, "services": services}

drill(date, result, achieved) := {"date": date, "scenario": "site-loss", "result": result, "achievedRtoMinutes": achieved}

violations_of(m) := vs if {
	vs := guide_site_loss_drill.violations with input as m with data.resilcheck.run as run
}

test_passes_with_recent_drill_within_rto if {
	m := manifest([svc([drill("2026-03-01", "pass", 20)])])
	guide_site_loss_drill.applies with input as m with data.resilcheck.run as run
	count(violations_of(m)) == 0
}

test_achieved_equal_to_rto_passes if {
	count(violations_of(manifest([svc([drill("2026-03-01", "pass", 30)])]))) == 0
}

test_achieved_one_minute_over_rto_fails if {
	vs := violations_of(manifest([svc([drill("2026-03-01", "pass", 31)])]))
	count(vs) == 1
	some v in vs
	v.pointer == "/services/0/drills/0"
	v.evidence.achieved_rto_minutes == 31
	v.evidence.rto_minutes == 30
	contains(v.msg, "achieved 31 min exceeds the RTO of 30 min")
}

test_drill_365_days_old_counts if {
	count(violations_of(manifest([svc([drill("2025-11-22", "pass", 10)])]))) == 0
}

test_drill_366_days_old_is_too_old if {
	vs := violations_of(manifest([svc([drill("2025-11-21", "pass", 10)])]))
	count(vs) == 1
	some v in vs
	v.pointer == "/services/0/drills"
	v.evidence.last_site_loss_drill == "2025-11-21"
	v.evidence.max_age_days == 365
}

test_partial_result_fails_at_the_drill if {
	some v in violations_of(manifest([svc([drill("2026-05-01", "partial", 10)])]))
	v.pointer == "/services/0/drills/0"
	v.evidence.result == "partial"
}

test_other_scenarios_do_not_count if {
	d := {"date": "2026-05-01", "scenario": "tabletop", "result": "pass"}
	some v in violations_of(manifest([svc([d])]))
	v.evidence.last_site_loss_drill == "none"
	endswith(v.msg_ko, "(마지막 훈련: 없음).")
}

test_no_drills_points_at_service if {
	s := object.remove(svc([]), ["drills"])
	some v in violations_of(manifest([s]))
	v.pointer == "/services/0"
}

test_future_drill_is_ignored if {
	some v in violations_of(manifest([svc([drill("2026-12-01", "pass", 10)])]))
	v.evidence.last_site_loss_drill == "none"
}

test_one_qualifying_drill_in_the_window_is_enough if {
	count(violations_of(manifest([svc([drill("2026-01-10", "pass", 25), drill("2026-09-10", "fail", 300)])]))) == 0
}

test_latest_failing_drill_is_reported if {
	vs := violations_of(manifest([svc([drill("2026-09-10", "fail", 300), drill("2026-01-10", "partial", 45)])]))
	count(vs) == 1
	some v in vs
	v.pointer == "/services/0/drills/0"
	v.evidence.drill_date == "2026-09-10"
}

test_drill_without_rto_cannot_qualify if {
	s := object.remove(svc([drill("2026-03-01", "pass", 5)]), ["recovery"])
	some v in violations_of(manifest([s]))
	v.evidence.rto_minutes == "not declared"
	contains(v.msg, "the service declares no RTO")
}

test_not_applicable_without_critical_services if {
	s := object.union(svc([]), {"critical": false})
	not guide_site_loss_drill.applies with input as manifest([s]) with data.resilcheck.run as run
}

test_reason_when_no_service_is_critical if {
	m := manifest([object.union(svc([]), {"critical": false})])
	not guide_site_loss_drill.applies with input as m with data.resilcheck.run as run
	count(guide_site_loss_drill.violations) == 0 with input as m with data.resilcheck.run as run
	r := guide_site_loss_drill.reason with input as m with data.resilcheck.run as run
	r.en == "no service declared critical (services[].critical)"
	contains(r.ko, "services[].critical")
}

test_guidance_period_and_the_day_before if {
	m := manifest([svc([])])
	guide_site_loss_drill.applies with input as m with data.resilcheck.run as {"as_of": "2000-01-01"}
	not guide_site_loss_drill.applies with input as m with data.resilcheck.run as {"as_of": "1999-12-31"}
	r := guide_site_loss_drill.reason with input as m with data.resilcheck.run as {"as_of": "1999-12-31"}
	r.en == "not in force on 1999-12-31 (in force from 2000-01-01)"
	guide_site_loss_drill.in_force == [{"from": "2000-01-01", "label": "guidance", "citation": "resilience practice (not law)"}]
}
