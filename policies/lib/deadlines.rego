# METADATA
# title: Deadlines of the incidents in progress
# description: |
#   What an open incident owes and by when, judged at an instant (data.resilcheck.run.now, RFC
#   3339; data.resilcheck.run.as_of is its Korean date) rather than at the end of an audit
#   date: the user notice, the ministry report and its updates and final report, the
#   datacenter report and the notice to the lessor of a leased site, the notices to suspended
#   tenants and their resumption, the cloud outage, breach and leak notices (the leak also to
#   the ministry) and the damages notice. Every trigger and due instant
#   is read from the rules the controls judge with (lib/incidents and the incident controls),
#   so `resilcheck deadlines` during an outage and `resilcheck check` after it agree. An
#   ongoing incident is measured as if it went on, so a duty whose threshold it has not
#   crossed yet is listed as pending with the instant it will be crossed. A restored incident
#   is listed only for the duties after restoration that are still due.
package resilcheck.deadlines

import data.resilcheck.controls.cl_breach_notice
import data.resilcheck.controls.cl_leak_notice
import data.resilcheck.controls.cl_notice
import data.resilcheck.controls.dc_lessor_notice
import data.resilcheck.controls.dc_report
import data.resilcheck.controls.dc_tenant_notice
import data.resilcheck.controls.dm_report
import data.resilcheck.controls.un_damages
import data.resilcheck.controls.un_notice
import data.resilcheck.lib.cloudnotice
import data.resilcheck.lib.incidents
import data.resilcheck.lib.inforce
import data.resilcheck.lib.time as ktime

# now_ns is the instant judged: the only clock, given by the caller.
now_ns := time.parse_rfc3339_ns(data.resilcheck.run.now)

# An ongoing incident is measured a year past now: beyond every threshold of the rules (hours
# for notices, a day for the repeated-interruption windows), so each duty it would trigger by
# going on has its instant.
horizon_ns := now_ns + (366 * ktime.day_ns)

# report is the entry point: the rules judged with the audit instant set to now and ongoing
# incidents measured to the horizon.
report := r if {
	n := now_ns
	h := horizon_ns
	r := at_now with data.resilcheck.lib.time.as_of_ns as n
		with data.resilcheck.lib.incidents.ongoing_end_ns as h
}

at_now := {
	"now": incidents.kst_timestamp(now_ns),
	"as_of": ktime.as_of,
	"incidents": [x | some i in sort(object.keys(listed)); x := listed[i]],
}

# listed[i] is judged incident i with the duties worth listing: every duty of an open
# incident; of a restored one, the duties still due (the final report, the damages notice, a
# notice whose time has not run out) and a tenant's resumption while the tenant is still
# suspended. What a restored incident left overdue is check's to report: listing
# it would keep every old incident on the on-call list.
listed[i] := object.union(incident_entry(i), {"duties": ds}) if {
	some i, f in incidents.facts
	ds := [d | some d in duties(i); shown(f, d)]
	count(ds) > 0
}

shown(f, _) if f.ongoing

shown(f, d) if {
	f.restored
	d.status == "due"
}

# A tenant's resumption arises when the reason for the suspension ends, which the service's
# restoration does not settle; every other pending duty of a restored incident can no longer
# arise (an outage that is over does not pass its threshold any more).
shown(f, d) if {
	f.restored
	d.duty == "tenant-resume"
	d.status == "pending"
}

incident_entry(i) := object.union(
	{
		"id": inc.id,
		"index": i,
		"started_at": incidents.kst_timestamp(f.start_ns),
		"detected_at": incidents.kst_timestamp(f.detected_ns),
		"ongoing": f.ongoing,
		"outage_minutes": floor((min([f.end_ns, now_ns]) - f.start_ns) / ktime.minute_ns),
		"disaster": f.disaster,
	},
	restored_at(f),
) if {
	inc := input.incidents[i]
	f := incidents.facts[i]
}

restored_at(f) := {"restored_at": incidents.kst_timestamp(f.end_ns)} if f.restored

else := {}

duties(i) := array.concat(
	array.concat(
		array.concat(user_notice(i), ministry_reports(i)),
		array.concat(array.concat(datacenter_report(i), lessor_notice(i)), tenant_notices(i)),
	),
	array.concat(
		array.concat(cloud_notice(i), cloud_breach_notice(i)),
		array.concat(cloud_leak_notices(i), damages_notice(i)),
	),
)

# dated(trigger, due, dones) is the status and instants of a duty that arose at trigger and is
# due at due; dones are the instants (by now) of the records that answer it.
dated(trigger, due, dones) := object.union(
	{
		"status": status(trigger, due, dones),
		"triggered_at": incidents.kst_timestamp(trigger),
		"due_at": incidents.kst_timestamp(due),
	},
	done_fields(due, dones),
)

status(trigger, due, dones) := "done" if {
	count(dones) > 0
} else := "pending" if {
	now_ns < trigger
} else := "overdue" if {
	now_ns > due
} else := "due"

done_fields(due, dones) := {"done_at": incidents.kst_timestamp(t), "late": t > due} if {
	t := min(dones)
} else := {}

# period(periods, d) is the citation of the period in force on d, with its label and the date
# it came into force.
period(periods, d) := {
	"en": p.citation,
	"ko": object.get(p, "citation_ko", p.citation),
	"label": p.label,
	"in_force_from": object.get(p, "from", ""),
} if {
	p := inforce.period_on(periods, d)
}

limit_of(entry) := {"value": entry.value, "label": entry.label, "basis": entry.basis}

# --- user notice (TBA Art. 33(2); Decree Art. 37-21(1)) ---

user_notice(i) := [object.union(
	object.union(
		{
			"duty": "user-notice",
			"package": "un_notice",
			"after_restoration": false,
			"services": n.duty.services,
			"clock": un_notice.clock[t.short],
			"limit": limit_of(n.delay),
			"citation": period(un_notice.in_force, f.start_date),
		},
		dated(n.duty.trigger_ns, n.due, notice_complete(f)),
	),
	object.union(notice_progress(f), short_limit(t)),
)] if {
	n := un_notice.noticeable[i]
	f := incidents.facts[i]
	t := incidents.tba[i]
} else := [unbound("user-notice", "un_notice", why)] if {
	f := incidents.facts[i]
	not f.start_date in un_notice.bound_dates
	why := why_not(un_notice.in_force, f.start_date, un_notice.reason)
} else := [{
	"duty": "user-notice",
	"package": "un_notice",
	"after_restoration": false,
	"status": "exempt",
	"reason": {
		"en": sprintf("exempt as a whole under Decree Art. 37-21(1) item %s", [t.exempt]),
		"ko": sprintf("시행령 제37조의21제1항제%s호에 따라 전부 제외", [t.exempt]),
	},
}] if {
	t := incidents.tba[i]
	t.exempt != ""
} else := [{
	"duty": "user-notice",
	"package": "un_notice",
	"after_restoration": false,
	"status": "exempt",
	"reason": {
		"en": sprintf("no affected service is under the notice duty: %s", [concat("; ", [sprintf("%s: %s", [id, why.en]) | some id, why in ex])]),
		"ko": sprintf("고지 의무 대상 서비스가 없습니다: %s", [concat("; ", [sprintf("%s: %s", [id, why.ko]) | some id, why in ex])]),
	},
}] if {
	incidents.tba[i]
	ex := incidents.notice_exempt_services(i)
} else := []

# notice_complete(f) are the instants, by now, at which the notices had told users everything
# owed by the deadline (un_notice.prompt_contents: the fact, the response and a contact; the
# cause may follow): the user notice is done at the first of them, so a notice that is on time
# but incomplete is still due, as KR-TBA-33-NOTICE judges it.
notice_complete(f) := {t |
	some t in f.notice_times
	t <= now_ns
	told := {c | some j, x in f.notices; f.notice_at[j] <= t; some c in object.get(x, "contents", [])}
	count(un_notice.prompt_contents - told) == 0
}

# notice_progress(f) is what the notices said by now: the first notice and what is still
# missing of the contents owed by the deadline.
notice_progress(f) := {"first_notice_at": incidents.kst_timestamp(first), "missing_contents": sort(un_notice.prompt_contents - told)} if {
	first := min({t | some t in f.notice_times; t <= now_ns})
	told := {c | some j, x in f.notices; f.notice_at[j] <= now_ns; some c in object.get(x, "contents", [])}
} else := {}

# short_limit(t) is the short-outage limit where it sets the clock (item 5 could apply): the
# duty arises when the interruption passes it. Elsewhere the clock runs from detection and
# the limit plays no part.
short_limit(t) := {"threshold": limit_of(t.threshold)} if t.short == "possible"

else := {}

unbound(duty, pkg, why) := {
	"duty": duty,
	"package": pkg,
	"after_restoration": false,
	"status": "not_bound",
	"reason": why,
}

# why_not(periods, d, fallback) says why a duty did not bind on d; fallback (the control's
# reason on the audit date) when the periods alone do not say.
why_not(periods, d, fallback) := r if {
	r := inforce.why_not(periods, d)
} else := fallback

# --- ministry report (BCDA Art. 38(1), 39(4); Decree Art. 27) ---

ministry_reports(i) := array.concat(array.concat(first_report(i, d), update_report(d)), final_report(i, d)) if {
	d := dm_report.disasters[i]
} else := [unbound("ministry-report", "dm_report", why)] if {
	f := incidents.facts[i]
	f.disaster
	why := why_not(dm_report.concerning, f.start_date, dm_report.reason)
} else := []

reports_by_now(d) := {t | some t in d.report_times; t <= now_ns}

first_report(i, d) := [object.union(
	{
		"duty": "ministry-report",
		"package": "dm_report",
		"after_restoration": false,
		"basis": incidents.disaster_basis(input.incidents[i]),
		"limit": limit_of(dm_report.without_delay[i]),
		"citation": period(dm_report.in_force, d.facts.start_date),
	},
	dated(d.facts.detected_ns, dm_report.due[i], reports_by_now(d)),
)]

# While a disaster lasts, the next progress report is due the update interval after the last
# report (BCDA Art. 39(4): 수시로; the interval is an audit default).
update_report(d) := [object.union(
	{
		"duty": "ministry-update",
		"package": "dm_report",
		"after_restoration": false,
		"limit": limit_of(entry),
		"citation": period(dm_report.in_force, d.facts.start_date),
	},
	dated(last, last + (entry.value * ktime.minute_ns), set()),
)] if {
	d.facts.ongoing
	rs := reports_by_now(d)
	count(rs) > 0
	last := max(rs)
	entry := incidents.param("dm_report_update_interval_minutes", d.facts.start_ns)
} else := []

final_report(i, d) := [object.union(
	{
		"duty": "ministry-final-report",
		"package": "dm_report",
		"after_restoration": true,
		"limit": limit_of(due.limit),
		"citation": period(dm_report.in_force, d.facts.start_date),
	},
	dated(d.facts.end_ns, due.due_ns, {t | some j, r in d.reports; r.kind == "final"; t := d.report_at[j]; t <= now_ns}),
)] if {
	due := incidents.final_report_due[i]
} else := [after_restoration("ministry-final-report", "dm_report", limit_of(incidents.param("dm_report_final_minutes", d.facts.start_ns)), period(dm_report.in_force, d.facts.start_date))]

# after_restoration is a duty of an ongoing incident that arises only once service is back.
after_restoration(duty, pkg, limit, citation) := {
	"duty": duty,
	"package": pkg,
	"after_restoration": true,
	"status": "pending",
	"limit": limit,
	"citation": citation,
}

# --- datacenter report (Network Act Art. 46(6)-(7); Decree Art. 40, 41 2) ---

datacenter_report(i) := [object.union(
	{
		"duty": "datacenter-report",
		"package": "dc_report",
		"after_restoration": false,
		"datacenter": c.datacenter,
		"rule": c.rule,
		"threshold": {"value": c.limit_minutes, "basis": c.limit_basis},
		"limit": limit_of(dc_report.due[i].limit),
		"citation": period(dc_report.in_force, incidents.facts[i].start_date),
	},
	dated(c.trigger_ns, dc_report.due[i].due_ns, {t | some t in dc_report.report_times[i]; t <= now_ns}),
)] if {
	c := dc_report.reportable[i]
} else := [unbound("datacenter-report", "dc_report", dc_report.reason)] if {
	not dc_report.applies
	incidents.interruption(input.incidents[i])
	count(object.get(input.incidents[i], "datacenters", [])) > 0
} else := []

# --- cloud notice (Cloud Computing Act Art. 25(1)3; Decree Art. 16-17) ---

cloud_notice(i) := [object.union(
	{
		"duty": "cloud-notice",
		"package": "cl_notice",
		"after_restoration": false,
		"services": [c.service],
		"rule": c.rule,
		"threshold": limit_of(c.limit),
		"limit": limit_of(cl_notice.due[i].limit),
		"citation": period(cl_notice.in_force, incidents.facts[i].start_date),
	},
	dated(c.trigger_ns, cl_notice.due[i].due_ns, {x[0] | some x in object.get(cl_notice.valid, i, set()); x[0] <= now_ns}),
)] if {
	c := cl_notice.noticeable[i]
} else := []

# --- lessor notice (Network Act Art. 46(7); Decree Art. 41 2, 40(1)) ---

# The law sets no period for the notice: the limit is the control's audit default, counted
# from the moment the interruption became reportable, with its label and basis.
lessor_notice(i) := [object.union(
	{
		"duty": "lessor-notice",
		"package": "dc_lessor_notice",
		"after_restoration": false,
		"datacenter": c.datacenter,
		"rule": c.rule,
		"threshold": {"value": c.limit_minutes, "basis": c.limit_basis},
		"limit": limit_of(dc_lessor_notice.delays[i]),
		"citation": period(dc_lessor_notice.in_force, incidents.facts[i].start_date),
	},
	dated(c.trigger_ns, dc_lessor_notice.due_ns[i], {t | some t in dc_lessor_notice.notice_times[i]; t <= now_ns}),
)] if {
	c := dc_lessor_notice.reportable[i]
} else := [unbound("lessor-notice", "dc_lessor_notice", why)] if {
	incidents.interruption(input.incidents[i])
	some dc in object.get(input.incidents[i], "datacenters", [])
	dc_lessor_notice.lessee_sites[dc]
	why := inforce.why_not(dc_lessor_notice.in_force, incidents.facts[i].start_date)
} else := []

# --- tenant-suspension notices (Network Act Art. 46-2(2)-(3)) ---

# Each suspension of the incident owes its own notice and, once the reason for it has gone,
# the resumption of the service; both "immediately", the control's audit default.
tenant_notices(i) := [d |
	some j in sort({x.j | some x in dc_tenant_notice.suspensions; x.i == i})
	some x in dc_tenant_notice.suspensions
	x.i == i
	x.j == j
	some d in [tenant_notice(x), tenant_resume(x)]
] if {
	some x in dc_tenant_notice.suspensions
	x.i == i
} else := [unbound("tenant-notice", "dc_tenant_notice", why)] if {
	some s in object.get(input.incidents[i], "tenantSuspensions", [])
	ktime.ns(s.at) <= now_ns
	why := inforce.why_not(dc_tenant_notice.in_force, incidents.facts[i].start_date)
} else := []

tenant_fields(duty, x) := {
	"duty": duty,
	"package": "dc_tenant_notice",
	"after_restoration": false,
	"tenant": input.incidents[x.i].tenantSuspensions[x.j].tenant,
	"limit": limit_of(x.minutes),
	"citation": period(dc_tenant_notice.in_force, incidents.facts[x.i].start_date),
}

tenant_notice(x) := object.union(
	tenant_fields("tenant-notice", x),
	dated(x.at_ns, x.due_ns, {t | t := dc_tenant_notice.notified[x]}),
)

# The resumption is due once the reason has ended; until then it is pending with no instant,
# unless the service is back already.
tenant_resume(x) := object.union(
	tenant_fields("tenant-resume", x),
	dated(r.ended_ns, r.due_ns, {t | t := dc_tenant_notice.resumed[x]}),
) if {
	r := dc_tenant_notice.resume_due[x]
} else := object.union(tenant_fields("tenant-resume", x), {"status": "done", "done_at": incidents.kst_timestamp(t)}) if {
	t := dc_tenant_notice.resumed[x]
} else := object.union(tenant_fields("tenant-resume", x), {"status": "pending"})

# --- cloud breach notice (Cloud Computing Act Art. 25(1)1; Decree Art. 17(1)-(4)) ---

cloud_breach_notice(i) := [object.union(
	{
		"duty": "cloud-breach-notice",
		"package": "cl_breach_notice",
		"after_restoration": false,
		"services": cloudnotice.named_cloud(input.incidents[i]),
		"clock": sprintf("from %s", [cl_breach_notice.clocks[i]]),
		"limit": limit_of(b.delay),
		"citation": period(cl_breach_notice.in_force, f.start_date),
	},
	dated(f.detected_ns, b.due_ns, cloud_user_notices(i)),
)] if {
	b := cl_breach_notice.breaches[i]
	f := incidents.facts[i]
} else := [unbound("cloud-breach-notice", "cl_breach_notice", why)] if {
	inc := input.incidents[i]
	cloudnotice.breach(inc)
	cloudnotice.on_cloud(inc)
	why := inforce.why_not(cl_breach_notice.in_force, incidents.facts[i].start_date)
} else := []

# cloud_user_notices(i) are the instants, by now, of the user notices about incident i sent by
# a method of Cloud Decree 17(2), the ones the breach and leak controls count as an answer.
cloud_user_notices(i) := {t | some _, t in cloudnotice.valid(i); t <= now_ns}

# --- cloud leak notices (Cloud Computing Act Art. 25(1)2, 25(2); Decree Art. 17(1)-(5)) ---

# A leak owes two notices from when the provider learned of it: the users without delay and
# the ministry immediately, each with the control's own audit default.
cloud_leak_notices(i) := [
	object.union(leak_fields("cloud-leak-notice", i, l.user), dated(l.clock_ns, l.user_due_ns, cloud_user_notices(i))),
	object.union(leak_fields("cloud-leak-ministry-notice", i, l.ministry), dated(l.clock_ns, l.ministry_due_ns, cl_leak_notice.ministry_notice_times[i])),
] if {
	l := cl_leak_notice.leaks[i]
} else := [unbound("cloud-leak-notice", "cl_leak_notice", why)] if {
	inc := input.incidents[i]
	cloudnotice.leak(inc)
	cloudnotice.on_cloud(inc)
	why := inforce.why_not(cl_leak_notice.in_force, incidents.facts[i].start_date)
} else := []

leak_fields(duty, i, entry) := {
	"duty": duty,
	"package": "cl_leak_notice",
	"after_restoration": false,
	"services": cloudnotice.named_cloud(input.incidents[i]),
	"clock": sprintf("from %s", [cl_leak_notice.leaks[i].source]),
	"limit": limit_of(entry),
	"citation": period(cl_leak_notice.in_force, incidents.facts[i].start_date),
}

# --- damages notice (TBA Art. 33(2); Decree Art. 37-21(2)) ---

damages_notice(i) := [object.union(
	{
		"duty": "damages-notice",
		"package": "un_damages",
		"after_restoration": true,
		"services": d.paid,
		"limit": {"value": d.limit.value, "label": d.limit.label, "basis": d.limit.basis, "unit": "days"},
		"citation": period(un_damages.in_force, f.start_date),
	},
	dated(f.end_ns, ktime.day_end_ns(d.date), {t | t := ktime.ns(input.incidents[i].damagesNotice.at); t <= now_ns}),
)] if {
	d := un_damages.due[i]
	f := incidents.facts[i]
} else := [object.union(
	after_restoration("damages-notice", "un_damages", object.union(limit_of(incidents.param("un_damages_notice_days", f.start_ns)), {"unit": "days"}), period(un_damages.in_force, f.start_date)),
	{"services": u.services},
)] if {
	u := incidents.ud[i]
	f := incidents.facts[i]
	f.ongoing
	un_damages.applies
	f.start_date in un_damages.bound_dates
} else := []
