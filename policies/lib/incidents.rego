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

import data.resilcheck.lib.params
import data.resilcheck.lib.scope
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
} else := [false, ktime.as_of_ns]

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
	not inc.cause in disaster_causes
}

# User notice channels that reach users individually or on the service's own screen
# (TBA Decree Art. 37-21(3) 1-4); `press` is the fallback when none of them works.
user_channels := {"email", "sms", "web", "app", "sns"}

# notices_pointer(i) points at the notices of incident i, or at the incident when it declares
# none. Only findings need it, so it is not a fact: no sprintf for an incident that is fine.
notices_pointer(i) := sprintf("/incidents/%d/userNotices", [i]) if {
	_ := all[i].userNotices
} else := sprintf("/incidents/%d", [i])

# user_notified(notices) holds when one of the notices reached users through a user channel.
user_notified(notices) if {
	some n in notices
	some c in n.channels
	c in user_channels
	ktime.ns(n.at)
}

press_notice_times(notices) := {ktime.ns(n.at) | some n in notices; "press" in n.channels}

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

# window_start(tl, p, after) is the first position of timeline tl whose start is later than
# after (p itself qualifies). The window is short next to a long history: gallop back from p
# by powers of two to a position known to start too early, then scan only from there, so an
# interruption costs the size of its window, not the length of the history.
window_start(tl, p, after) := (outside + 1) + count([1 | some j in numbers.range(outside + 1, p); tl[j][0] <= after]) if {
	outside := max(array.concat([-1], [pos |
		some e in numbers.range(0, 24)
		pos := p - bits.lsh(1, e)
		pos >= 0
		tl[pos][0] <= after
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
# An incident is judged by the rule in force when it started: the outage threshold (4 hours
# before 2025-03-28, 2 hours from then) and whether free services were exempt. Incidents
# before the first dated entry are not judged.

# un[i] is the notice duty of judged incident i when users had to be told of it under Art.
# 33(2) (absent otherwise): the threshold entry in force when it started, the ids of the
# services whose users had to be told, the paid ones among the covered services (for the
# damages notice), and when the duty arose. Art. 37-21(1) asks for notice "without delay" but
# exempts an unforeseen outage of no more than the threshold, so the duty can only be known
# once the outage has gone past it: the clock starts at start + threshold. An outage in a
# designated critical facility has no such exemption, so its clock starts at detection.
un[i] := {
	"threshold": threshold,
	"services": services,
	"paid": paid,
	"trigger_ns": un_trigger_ns(inc, f, threshold.value),
} if {
	some i, f in facts
	inc := all[i]
	threshold := param("un_notice_min_outage_minutes", f.start_ns)
	not un_exempt(inc, f.minutes, threshold.value)
	covered := un_services(inc)
	paid := [s.id | some s in covered; s.paid == true]
	services := noticeable_ids(free_services_exempt(f.start_ns), covered, paid)
	count(services) > 0
}

# noticeable_ids(free, covered, paid) are the ids of the covered services whose users had to
# be told: all of them, or only the paid ones while free services were exempt (paid defaults
# to false, so the exempt ones are exactly those not paid).
noticeable_ids(true, _, paid) := paid

noticeable_ids(false, covered, _) := [s.id | some s in covered]

# un_services are the affected services the TBA notice rule covers (unknown ids are ignored:
# the loader reports dangling references): cloud services have their own rule (Decree Art.
# 37-21(1)6). An incident that names no service stands for the provider's service as a whole,
# judged with the schema's defaults (not paid, not cloud).
un_services(inc) := [s |
	some id in object.get(inc, "services", [])
	s := services_by_id[id]
	not s.cloud == true
] if {
	count(object.get(inc, "services", [])) > 0
} else := [{"id": "", "name": "(unspecified)"}]

# un_exempt(inc, minutes, threshold): a Decree Art. 37-21(1) exemption covers the whole
# incident: pre-announced maintenance (1), a carrier line fault for a value-added provider
# (2), or an outage of no more than the threshold outside a critical facility (5).
un_exempt(inc, _, _) if inc.preAnnouncedMaintenance == true

un_exempt(inc, _, _) if carrier_exempt(inc)

un_exempt(inc, minutes, threshold) if {
	not inc.criticalFacility == true
	minutes <= threshold
}

carrier_exempt(inc) if {
	inc.carrierLineFault == true
	scope.value_added
}

# free_services_exempt(t): free services were exempt at instant t (before 2025-03-28).
default free_services_exempt(_) := false

free_services_exempt(t) if param("un_notice_free_services_exempt", t).value == true

un_trigger_ns(inc, f, threshold) := f.detected_ns if {
	inc.criticalFacility == true
} else := f.start_ns + (threshold * ktime.minute_ns)
