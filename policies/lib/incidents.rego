# METADATA
# title: Incident helpers
# description: |
#   Shared facts about the declared incidents: when each started, was detected and ended,
#   how long it lasted, whether it is a disaster, its first report and notice, and whether a
#   series of interruptions at one datacenter or of one service became reportable within a
#   24-hour window. An incident without restoredAt (or restored after the audit date) is still
#   ongoing and is measured up to the end of the audit date, so an audit can be replayed.
#   Incidents that start after the audit date are not judged at all.
package resilcheck.lib.incidents

import data.resilcheck.lib.inforce
import data.resilcheck.lib.params
import data.resilcheck.lib.scope
import data.resilcheck.lib.text
import data.resilcheck.lib.time as ktime

all := object.get(input, "incidents", [])

services_by_id := {s.id: s | some s in object.get(input, "services", [])}

# facts[i] is what every control needs of a judged incident (input.incidents[i], started by
# the audit date), derived once per evaluation: controls read it by index instead of calling
# helpers on the incident object, which topdown would re-run, and key its cache on, per call.
# start_date is the Korean date it started: incident duties are judged by the law in force, and
# for the parties bound, on that date (inforce.binds(periods, start_date)). restored is
# whether service came back by the audit date; an incident that is not is measured
# up to the end of that date (end_ns). Times are ns: notice_at[j] is that of notice j, and
# notice_times the same instants sorted. Ministry reports matter for disasters only, so their
# control reads them.
# Timestamps are parsed with the builtin itself: a user function call per timestamp costs
# more than the parse.
facts[i] := {
	"start_ns": s,
	"start_date": ktime.kst_date_string(s),
	"detected_ns": detected,
	"restored": end[0],
	"ongoing": end[0] == false,
	"end_ns": end[1],
	"minutes": (end[1] - s) / ktime.minute_ns,
	"disaster": disaster(inc),
	"notices": notices,
	"notice_at": notice_at,
	"notice_times": sort([t | some t in notice_at]),
} if {
	some i, inc in all
	s := time.parse_rfc3339_ns(inc.startedAt)
	s <= ktime.as_of_ns
	detected := detection(inc, s)
	end := restoration(inc)
	notices := object.get(inc, "userNotices", [])
	notice_at := {j: time.parse_rfc3339_ns(n.at) | some j, n in notices}
}

# instants(items) maps the index of each of items (notices, reports: objects with `at`) to
# its instant in ns.
instants(items) := {j: time.parse_rfc3339_ns(x.at) | some j, x in items}

# judged holds the incidents (by index into input.incidents) that had started by the audit date.
judged[i] := all[i] if some i, _ in facts

# interruption(inc) holds for an incident that may have interrupted service: an outage or an
# intrusion (which may or may not stop service; its start and end are taken as the
# interruption's), but not a leak of user information, which interrupts nothing.
interruption(inc) if not inc.kind == "leak"

# detection(inc, start) is when the provider knew of the incident; without detectedAt, the
# provider is taken to have known from the start (the stricter reading: "without delay" runs
# from there).
detection(inc, start) := time.parse_rfc3339_ns(inc.detectedAt) if inc.detectedAt

else := start

# restoration(inc) is [restored, end_ns]: whether the incident ended on or before the audit
# date, and when it ended (the end of the audit date for an ongoing incident).
restoration(inc) := [true, t] if {
	t := time.parse_rfc3339_ns(inc.restoredAt)
	t <= ktime.as_of_ns
} else := [false, ongoing_end_ns]

# ongoing_end_ns is where an ongoing incident is measured to: the end of the audit date, so an
# audit can be replayed. resilcheck deadlines (package resilcheck.deadlines) judges at an
# instant instead, and measures an ongoing incident as if it went on, so that a duty whose
# threshold it has not crossed yet shows when it will.
ongoing_end_ns := ktime.as_of_ns

# Causes that are a 방송통신재난 (BCDA Art. 2: disaster, or physical/functional failure of
# facilities) by their nature. Software faults, overloads and the like become disasters only
# when a critical service is hit, or when the provider says so.
disaster_causes := {"fire", "power", "flood", "earthquake", "cyberattack"}

# disaster(inc) decides whether an incident triggers the BCDA Art. 38 ministry report (true or
# false): an explicit `disaster` flag always wins; without it, the cause or a critical affected
# service decides (the default documented in the manifest schema). One else chain: the first
# rule that decides ends the look-up.
disaster(inc) if {
	inc.disaster == true
} else := false if {
	has_disaster_flag(inc)
} else if {
	inc.cause in disaster_causes
} else if {
	some id in object.get(inc, "services", [])
	services_by_id[id].critical == true
} else := false

has_disaster_flag(inc) if {
	_ := inc.disaster
}

is_disaster(inc) if disaster(inc)

else := false

# disaster_basis says which of the rules above made the incident a disaster (for evidence).
disaster_basis(inc) := "declared disaster: true" if inc.disaster == true

disaster_basis(inc) := sprintf("cause %q is a disaster cause", [inc.cause]) if {
	not has_disaster_flag(inc)
	inc.cause in disaster_causes
}

disaster_basis(inc) := "a critical service was affected" if {
	not has_disaster_flag(inc)
	not disaster_cause(inc)
}

# disaster_cause(inc): the declared cause is a disaster cause. A helper, because `not
# inc.cause in disaster_causes` is undefined, not true, when the incident declares no cause.
disaster_cause(inc) if inc.cause in disaster_causes

# User notice channels that reach users individually or on the service's own screen
# (TBA Decree Art. 37-21(3) 1-4); `press` is the fallback when none of them works.
user_channels := {"email", "sms", "web", "app", "sns"}

# Telling the press (언론사, 37-21(3) proviso): a newspaper notice is a notice to the press too.
press_channels := {"press", "newspaper"}

# notices_pointer(i) points at the notices of incident i, or at the incident when it declares
# none. Only findings need it, so it is not a fact: no sprintf for an incident that is fine.
notices_pointer(i) := sprintf("/incidents/%d/userNotices", [i]) if {
	_ := all[i].userNotices
} else := sprintf("/incidents/%d", [i])

# user_notified(notices) holds when one of the notices reached users by a method of Decree
# Art. 37-21(3) 1-4, or by the method agreed in the contract at signing (37-21(4)).
user_notified(notices) if {
	some n in notices
	some c in n.channels
	c in user_channels
	ktime.ns(n.at)
}

user_notified(notices) if {
	some n in notices
	n.contractAgreedMethod == true
	ktime.ns(n.at)
}

press_notice_times(notices) := {ktime.ns(n.at) | some n in notices; some c in n.channels; c in press_channels}

# notice_contents is everything the notices about an incident said, taken together: the cause
# may follow in a later notice once it is known.
notice_contents(notices) := {c | some n in notices; some c in object.get(n, "contents", [])}

# timeline(group) is the interruptions of a group (indexes into input.incidents: all at one
# datacenter, or all of one service) as [start_ns, index, minutes], in order of start (ties
# broken by position in the manifest). Build it once per group (in a rule, not a function
# called per incident): the series rules below are linear scans over it.
timeline(group) := sort([[facts[i].start_ns, i, facts[i].minutes] | some i in group])

# repeat_triggers(tl, limits) finds, for each interruption k of a timeline, the earliest
# instant at which k made a series reportable: counting from the start of some interruption
# of the series, at least min_count interruptions began within window_ns and their minutes
# add up to min_total, which was not yet true before k. limits[k] is [window_ns, min_count,
# min_total] in force when k started (absent = rule not in force). Both the datacenter rule
# (Network Act Decree Art. 40(1)2) and the cloud rule (Cloud Act Decree Art. 16(2)) count the
# window from the first interruption, which is why every earlier member is tried as the start.
# The result maps k to {"trigger_ns", "series": {"count", "total_minutes", "incidents"},
# "members"}: the series is every interruption that began in the window before k's start, k
# included, and members are their indexes into input.incidents.
repeat_triggers(tl, limits) := {k: {"trigger_ns": min(ts), "series": series, "members": members} |
	some p, ek in tl
	k := ek[1]
	[window, min_count, min_total] := limits[k]
	sk := ek[0]
	first := window_start(tl, p, sk - window)
	inside := numbers.range(first, p)

	# durs[a] is the length of the a-th interruption of the window; the last one is k. Taking
	# member a as the start of the series, the minutes before k are durs[a] up to, not
	# including, k.
	durs := [tl[j][2] | some j in inside]
	last := count(durs) - 1
	ts := {t |
		some a in numbers.range(0, last)
		before := sum(array.slice(durs, a, last))
		(last - a) + 1 >= min_count
		before + ek[2] >= min_total
		not series_met(last - a, before, min_count, min_total)
		t := sk + (max([0, min_total - before]) * ktime.minute_ns)
	}
	count(ts) > 0
	members := [tl[j][1] | some j in inside]
	series := {
		"count": count(inside),
		"total_minutes": sum(durs),
		"incidents": [all[i].id | some i in members],
	}
}

# repeat_limits(groups, window_param, count_param, total_param) maps each interruption of
# groups (arrays of indexes into input.incidents) to the limits of repeat_triggers from the
# series rule in force when it started: the window (in hours), count and total (in minutes)
# parameters named.
repeat_limits(groups, window_param, count_param, total_param) := {k: [window, n, total] |
	some g in groups
	some k in g
	s := facts[k].start_ns
	window := (params.at(window_param, s) * 60) * ktime.minute_ns
	n := params.at(count_param, s)
	total := params.at(total_param, s)
}

# window_start(tl, p, after) is the first position of timeline tl whose start is at or after
# after (p itself qualifies): "24시간 이내" is at most 24 hours, so an interruption exactly a
# window's length earlier is still inside it. The timeline is in order of start, so that is
# the number of positions up to p that start before after. A short history is counted
# outright; in a long one the window is short next to the history: gallop back from p by
# powers of two to a position known to start too early, then scan only from there, so an
# interruption costs the size of its window, not the length of the history.
window_start(tl, p, after) := count([1 | some j in numbers.range(0, p); tl[j][0] < after]) if {
	p < 16
} else := (outside + 1) + count([1 | some j in numbers.range(outside + 1, p); tl[j][0] < after]) if {
	outside := max(array.concat([-1], [pos |
		some e in numbers.range(0, 24)
		pos := p - bits.lsh(1, e)
		pos >= 0
		tl[pos][0] < after
	]))
}

series_met(n, total, min_count, min_total) if {
	n >= min_count
	total >= min_total
}

# earliest_trigger(cs) picks, from the ways cs an interruption made a duty due (each
# {"rule": "continuous" or "repeated", "trigger_ns", ...}), the earliest; on a tie the
# continuous rule wins.
earliest_trigger(cs) := [x | some x in cs; x.trigger_ns == first; not later_rule(x, cs, first)][0] if {
	first := min({x.trigger_ns | some x in cs})
}

later_rule(x, cs, first) if {
	x.rule == "repeated"
	some y in cs
	y.rule == "continuous"
	y.trigger_ns == first
}

# --- deadlines ---
# Every due instant of an incident duty is computed here or in its control, once: the controls
# judge against it and resilcheck deadlines (package resilcheck.deadlines) lists it.

# without_delay(trigger_ns, name, start_ns) is when a duty that arose at trigger_ns is due:
# {"due_ns", "limit"}, limit being the parameter name (minutes, a "without delay" read as an
# audit default unless overridden) in force when the incident started, with its label.
without_delay(trigger_ns, name, start_ns) := {"due_ns": trigger_ns + (limit.value * ktime.minute_ns), "limit": limit} if {
	limit := param(name, start_ns)
}

# un_due[i] is when users had to be told of judged incident i (TBA Art. 33(2)): within the
# audit default un_notice_without_delay_minutes of the moment the duty arose (un).
un_due[i] := without_delay(u.trigger_ns, "un_notice_without_delay_minutes", facts[i].start_ns) if some i, u in un

# report_due[i] is when the first ministry report on judged incident i was due, were it a
# disaster the duty bound (BCDA Art. 38(1)): detection plus the audit default
# report_without_delay_minutes.
report_due[i] := without_delay(f.detected_ns, "report_without_delay_minutes", f.start_ns) if {
	some i, f in facts
	f.disaster
}

# final_report_due[i] is when the final ministry report on restored disaster i was due:
# restoration plus the audit default dm_report_final_minutes.
final_report_due[i] := without_delay(f.end_ns, "dm_report_final_minutes", f.start_ns) if {
	some i, f in facts
	f.disaster
	f.restored
}

# kst_timestamp renders an instant (ns) as an RFC 3339 timestamp in Korean time, for evidence.
kst_timestamp(t) := sprintf("%s+09:00", [time.format([round(t) + ktime.kst_offset_ns, "UTC", "2006-01-02T15:04:05"])])

# param(name, t) is the parameter in force at instant t with its label and basis, for
# evidence; a run override is labelled as such, since its basis is the auditor's choice.
# Without an override, the entry in force already holds the value. An override is taken
# whatever its value (false included): binding it is the presence test (as in params.at), one
# look-up where has_override would scan the overrides and at would look the value up again.
param(name, t) := {"value": v, "label": "override", "basis": "run override (data.resilcheck.overrides)"} if {
	v := data.resilcheck.overrides[name]
} else := params.in_force(name, t)

# --- outage notice to users (TBA Art. 33(2); Decree Art. 37-21) ---
# An incident is judged by the rule in force when it started: the short-outage limit (4 hours
# before 2025-03-28, reported; 2 hours from then), whether free services were exempt (before
# 2025-03-28, reported), and which services were under the duty on that date. The controls
# (un_notice, un_channels, un_damages) judge an incident only if their duty bound on the day
# it started (inforce.binds(periods, facts[i].start_date)).

# start_dates are the Korean dates the judged incidents started on: the services under the
# notice duty are sized once per date, not once per incident.
start_dates := {f.start_date | some f in facts}

# notice_scope[d] are the ids of the declared services under the notice duty on date d:
# Decree Art. 37-21(1)3 (revenue per provider, daily users per service) and 6 (cloud services
# follow the Cloud Act) applied by lib.scope.
notice_scope[d] := scope.notice_services(d) if some d in start_dates

# damages_cloud_scope[d] are the cloud services that pass the item-3 test on date d: the
# damages notice exempts items 1-3 and 5 only (37-21(2) proviso), so a cloud service (item 6)
# still owes it.
damages_cloud_scope[d] := {s.id |
	some s in object.get(input, "services", [])
	s.cloud == true
	scope.service_noticeable(s, d)
} if some d in start_dates

# Causes that can be item 5's unforeseen, unavoidable reasons (가 overload, 나 a fault or error
# of telecom equipment, 다 a software anomaly or the like): an interpretation of the declared
# cause. Every other cause (fire, power, flood, earthquake, cyberattack, carrier-line,
# maintenance, other) is never exempt however short, and an undeclared cause cannot show the
# exemption.
short_outage_causes := {"overload", "equipment", "network", "software"}

# tba[i] is how the notice rule sees judged incident i (kind outage or breach: a leak is not
# an interruption of service), computed once and read by index by the three controls:
#   threshold    the short-outage limit in force when it started (param entry, minutes)
#   maintenance  "none"; "within" (item 1: inside the window announced in advance);
#                "overrun" (parts outside that window are not exempt); "no-window" (item 1
#                claimed without announcedWindow: the exemption cannot be shown)
#   segments     the parts of the interruption no announcement covers, [from_ns, to_ns]
#   minutes      their total length: the interruption that is judged
#   short        "possible" when item 5 can apply (qualifying cause, no critical facility),
#                else why not: "critical-facility", "cause-undeclared" or "cause"
#   exempt       the item exempting the whole incident ("1", "2" or "5"), "" for none
#   trigger_ns   when the duty arose (audit default clock): where item 5 could apply, when
#                the judged interruption passed the limit; otherwise at detection (else the
#                start), not before the judged part began
tba[i] := {
	"threshold": threshold,
	"maintenance": m[0],
	"segments": m[1],
	"minutes": minutes,
	"short": short,
	"exempt": exemption(inc, m[0], short, minutes, threshold.value),
	"trigger_ns": notice_trigger_ns(f, m[1], short, threshold.value),
} if {
	some i, f in facts
	inc := all[i]
	interruption(inc)
	threshold := param("un_notice_min_outage_minutes", f.start_ns)
	m := maintenance(inc, f)
	minutes := sum([len | some x in m[1]; len := x[1] - x[0]]) / ktime.minute_ns
	short := short_outage(inc)
}

# maintenance(inc, f) is [kind, segments] of tba (item 1, 미리 고지한 범위에서: only what the
# announcement covered is exempt).
maintenance(inc, f) := ["none", [[f.start_ns, f.end_ns]]] if {
	not inc.preAnnouncedMaintenance == true
} else := ["no-window", [[f.start_ns, f.end_ns]]] if {
	not inc.announcedWindow
} else := outside_window(f.start_ns, f.end_ns, time.parse_rfc3339_ns(inc.announcedWindow.from), time.parse_rfc3339_ns(inc.announcedWindow.to))

# outside_window(s, e, wf, wt): the parts of [s, e] before the window [wf, wt] and after it.
outside_window(s, e, wf, wt) := [kind, segs] if {
	segs := [x | some x in [[s, min([e, wf])], [max([s, wt]), e]]; x[0] < x[1]]
	kind := {true: "within", false: "overrun"}[count(segs) == 0]
}

short_outage(inc) := "critical-facility" if {
	inc.criticalFacility == true
} else := "cause-undeclared" if {
	not inc.cause
} else := "possible" if {
	inc.cause in short_outage_causes
} else := "cause"

# exemption(inc, mk, short, minutes, limit) is the item of Decree Art. 37-21(1) that exempts
# the whole incident: 1 an interruption inside the announced maintenance window, 2 a carrier's
# line fault behind a value-added service, 5 an unforeseen interruption of a qualifying cause,
# outside a critical facility, of no more than the limit (exactly the limit is not over it).
exemption(inc, mk, short, minutes, limit) := "1" if {
	mk == "within"
} else := "2" if {
	carrier_line_fault(inc)
} else := "5" if {
	short == "possible"
	minutes <= limit
} else := ""

# Item 2 is for value-added services: a provider in the facilities-based category has its
# services sized as basic services by lib.scope (no size exemption), and gets no item 2 either.
carrier_line_fault(inc) if {
	inc.carrierLineFault == true
	scope.value_added
	not scope.facilities_based
}

carrier_line_fault(inc) if {
	inc.cause == "carrier-line"
	not inc.carrierLineFault == false
	scope.value_added
	not scope.facilities_based
}

notice_trigger_ns(f, segs, short, limit) := f.start_ns if {
	count(segs) == 0
} else := reach(segs, limit * ktime.minute_ns) if {
	short == "possible"
} else := max([f.detected_ns, segs[0][0]])

# reach(segs, t) is the instant the segments (at most two) add up to t.
reach(segs, t) := segs[0][0] + t if {
	segs[0][1] - segs[0][0] >= t
} else := segs[1][0] + (t - (segs[0][1] - segs[0][0])) if {
	count(segs) > 1
} else := segs[0][0] + t

# un[i] is the notice duty of judged incident i when users had to be told of it under Art.
# 33(2) (absent otherwise): the threshold in force when it started, the ids of the services
# whose users had to be told, and when the duty arose.
un[i] := {
	"threshold": t.threshold,
	"services": services,
	"trigger_ns": t.trigger_ns,
} if {
	some i, t in tba
	t.exempt == ""
	f := facts[i]
	free := free_services_exempt(f.start_ns)
	services := [s.id |
		some s in covered_services(all[i])
		in_notice_scope(s, f.start_date)
		owed_unless_free(s, free)
	]
	count(services) > 0
}

# ud[i] is the damages notice duty of judged incident i (Decree Art. 37-21(2)): the paid
# services under it, cloud services included, when no whole-incident exemption applies.
ud[i] := {"services": paid} if {
	some i, t in tba
	t.exempt == ""
	d := facts[i].start_date
	paid := [s.id |
		some s in covered_services(all[i])
		s.paid == true
		in_damages_scope(s, d)
	]
	count(paid) > 0
}

owed_unless_free(_, false) := true

owed_unless_free(s, true) if s.paid == true

# covered_services(inc) are the affected services (unknown ids are ignored: the loader reports
# dangling references). An incident that names no service stands for the provider's service as
# a whole, sized with the provider's own daily users (schema defaults: not paid, not cloud).
covered_services(inc) := [s | some id in inc.services; s := services_by_id[id]] if {
	count(object.get(inc, "services", [])) > 0
} else := [unnamed_service]

unnamed_service := {"id": "(unspecified)", "name": "(unspecified)", "dailyUsers": scope.metrics.dailyAverageUsers} if {
	scope.declared("dailyAverageUsers")
} else := {"id": "(unspecified)", "name": "(unspecified)"}

in_notice_scope(s, d) if s.id in notice_scope[d]

in_notice_scope(s, d) if {
	s.id == unnamed_service.id
	scope.service_noticeable(s, d)
}

in_damages_scope(s, d) if in_notice_scope(s, d)

in_damages_scope(s, d) if s.id in damages_cloud_scope[d]

# free_services_exempt(t): free services were exempt at instant t (before 2025-03-28).
default free_services_exempt(_) := false

free_services_exempt(t) if param("un_notice_free_services_exempt", t).value == true

# notice_exempt_services(i) maps each affected service of incident i whose users did not have
# to be told to why ({"en", "ko"}), for evidence; damages_exempt_services(i) the same for the
# damages notice. Only findings need them.
notice_exempt_services(i) := {s.id: why |
	f := facts[i]
	free := free_services_exempt(f.start_ns)
	some s in covered_services(all[i])
	why := notice_service_exemption(s, f.start_date, free)
}

notice_service_exemption(s, d, free) := {"en": "item 6: cloud service (Cloud Act notice instead)", "ko": "제6호: 클라우드컴퓨팅서비스(클라우드컴퓨팅법에 따른 통지)"} if {
	s.cloud == true
} else := scope.service_notice_reason(s, d) if {
	not in_notice_scope(s, d)
} else := {"en": "item 4 (before 2025-03-28, reported): free service", "ko": "제4호(2025. 3. 28. 전, 보도 기준): 무료 서비스"} if {
	free
	not s.paid == true
}

damages_exempt_services(i) := {s.id: why |
	d := facts[i].start_date
	some s in covered_services(all[i])
	why := damages_service_exemption(s, d)
}

damages_service_exemption(s, d) := {"en": "no monthly or periodic fee (paid not true)", "ko": "매월 또는 일정시기에 결제하는 이용요금 없음(paid가 true가 아님)"} if {
	not s.paid == true
} else := scope.service_notice_reason(s, d) if {
	not in_damages_scope(s, d)
}

# notice_grounds(i) says why no exemption covered incident i ({"en", "ko"}), for messages and
# evidence of the notice controls.
notice_grounds(i) := {"en": concat("; ", [g.en | some g in gs]), "ko": concat("; ", [g.ko | some g in gs])} if {
	t := tba[i]
	gs := array.concat(maintenance_ground(t), [short_ground(t, all[i])])
}

maintenance_ground(t) := [{
	"en": sprintf("%v minutes fell outside the maintenance window announced in advance (item 1 exempts only what was announced)", [t.minutes]),
	"ko": sprintf("사전에 고지한 점검 시간 밖의 중단이 %v분입니다(제1호는 미리 고지한 범위만 제외)", [t.minutes]),
}] if {
	t.maintenance == "overrun"
} else := [{
	"en": "pre-announced maintenance is declared without announcedWindow, so the item-1 exemption cannot be shown",
	"ko": "사전 고지한 점검이라고 신고했으나 고지한 범위(announcedWindow)가 없어 제1호 제외를 확인할 수 없습니다",
}] if {
	t.maintenance == "no-window"
} else := []

short_ground(t, inc) := {
	"en": sprintf("the %v-minute interruption went past the %v-minute limit of the short-outage exemption (item 5)", [round(t.minutes), t.threshold.value]),
	"ko": sprintf("%v분 중단으로 단시간 장애 제외(제5호) 기준 %v분을 넘었습니다", [round(t.minutes), t.threshold.value]),
} if {
	t.short == "possible"
} else := {
	"en": "it occurred in a designated critical facility, which the short-outage exemption (item 5) does not cover",
	"ko": "중요통신시설의 장애로 단시간 장애 제외(제5호)가 적용되지 않습니다",
} if {
	t.short == "critical-facility"
} else := {
	"en": "its cause is not declared, so the short-outage exemption (item 5) cannot be shown",
	"ko": "장애 원인(cause)이 신고되지 않아 단시간 장애 제외(제5호)를 확인할 수 없습니다",
} if {
	t.short == "cause-undeclared"
} else := {
	"en": sprintf("cause %s is not one the short-outage exemption (item 5) covers (overload, equipment, network, software)", [inc.cause]),
	"ko": sprintf("장애 원인 %s 단시간 장애 제외(제5호) 사유(이용 집중, 설비 장애, 네트워크, 소프트웨어)가 아닙니다", [text.josa(sprintf("%s(%s)", [cause_ko(inc.cause), inc.cause]), "은")]),
}

# cause_ko(c) is the Korean of an incident cause code (the manifest's incidents[].cause
# enumeration), for Korean messages and evidence; a code it does not know stays as it is.
cause_ko(c) := object.get(cause_words, c, c)

cause_words := {
	"fire": "화재",
	"power": "정전",
	"flood": "수해",
	"earthquake": "지진",
	"overload": "이용 집중",
	"equipment": "설비 장애",
	"software": "소프트웨어",
	"network": "네트워크",
	"carrier-line": "통신회선 장애",
	"maintenance": "점검 작업",
	"cyberattack": "사이버 공격",
	"other": "기타",
}

# exempt_text_ko(ex) words a map of exempt services to why ({"en", "ko"}) in Korean as the
# reports word such a map ("id: why; id: why", ids in order), as the Korean twin of the
# English map the evidence keeps raw.
exempt_text_ko(ex) := concat("; ", [sprintf("%s: %s", [id, ex[id].ko]) | some id in sort(object.keys(ex))])

# unbound_notes(periods) are notes for the judged incidents an incident duty with these
# periods does not reach: the incident started before the duty bound the provider (or when
# the provider was not bound). A pass then says what it did not judge, instead of reading as
# "reported properly".
unbound_notes(periods) := {{
	"msg": sprintf("incident %s (started %s) is not judged: %s", [all[i].id, f.start_date, r.en]),
	"msg_ko": sprintf("장애 %s(%s 발생)은 판단하지 않았습니다: %s", [all[i].id, f.start_date, r.ko]),
	"pointer": sprintf("/incidents/%d", [i]),
	"evidence": {"incident": all[i].id, "started_on": f.start_date, "reason": r.en, "reason_ko": r.ko},
} |
	some i, f in facts
	r := inforce.why_not(periods, f.start_date)
}

# Decree No. 35406 amended Decree 37-21 on 2025-03-28 with no transitional clause. An
# interruption that began before that day and lasted into it is judged by the rule in force
# when it started (time model rule 2): a reading of the text, so a verdict that rests on it
# says so. cutover_evidence(i) is what the user-notice controls add to the evidence of
# incident i: the label and the note when the incident spans the cut-over, else nothing.
un_cutover_date := "2025-03-28"

cutover_evidence(i) := {
	"cutover_label": "interpretation",
	"cutover_note": sprintf("the interruption started before the %s amendment (Decree No. 35406) and lasted past it; it is judged by the rule in force when it started, as the amendment has no transitional clause", [un_cutover_date]),
	"cutover_note_ko": sprintf("중단이 %s 개정(대통령령 제35406호) 전에 시작되어 그 후까지 이어졌습니다. 개정 부칙에 경과규정이 없어 시작 당시의 규정으로 판단합니다", [un_cutover_date]),
} if {
	f := facts[i]
	f.start_date < un_cutover_date

	# Restored at 00:00 exactly, it never ran under the new rule.
	f.end_ns > ktime.day_start_ns(un_cutover_date)
} else := {}

# window_anchor(c) is what a finding on a series of interruptions (rule repeated) adds to its
# evidence: Network Decree 40(1)2 fixes the 24 hours ("24시간 이내") but not where they start,
# so any 24-hour span (every earlier interruption tried as the start) is the audit default the
# DC-REPORT and DC-LESSOR-NOTICE series findings print beside the law's numbers.
window_anchor(c) := {
	"window_anchor_label": "audit-default",
	"window_anchor_note": "Decree Art. 40(1)2 fixes 24 hours but not where they start: any 24-hour span counts (audit default, not law)",
	"window_anchor_note_ko": "시행령 제40조제1항제2호는 24시간을 정하나 그 기산점은 정하지 않음: 임의의 24시간을 기준으로 봄(점검 기본값, 법정 기준 아님)",
} if {
	c.rule == "repeated"
} else := {}

# cause_mapping_evidence(i) labels a verdict on incident i that rests on reading the declared
# cause against item 5's list (가 overload, 나 equipment faults, 다 software anomalies): the
# mapping of causes to those items is an interpretation. A critical facility or an undeclared
# cause decides without it.
cause_mapping_evidence(i) := {
	"cause_mapping_label": "interpretation",
	"cause_mapping_note": sprintf("the short-outage exemption's list of causes (item 5; Decree Art. 37-21(1), formerly 37-11 to 37-13) read against the declared cause: %s qualify, every other cause does not", [concat(", ", sort(short_outage_causes))]),
	"cause_mapping_note_ko": sprintf("짧은 중단 면제 사유의 원인 목록(제5호, 시행령 제37조의21제1항, 종전 제37조의11~제37조의13)을 신고된 원인에 대응시켜 읽음: %s만 해당하고 그 밖의 원인은 해당하지 않습니다", [concat(", ", [cause_ko(c) | some c in sort(short_outage_causes)])]),
} if {
	tba[i].short in {"possible", "cause"}
} else := {}
