# METADATA
# title: Cloud users told without delay of an unannounced outage, with the decree's contents and methods
# description: |
#   A cloud computing service provider tells the affected users without delay when a cloud
#   service is interrupted without prior announcement for 10 minutes or more continuously, or
#   two or more times within 24 hours of the first interruption for 15 minutes or more in
#   total (exactly 10 and exactly 15 minutes count), or for the period set in the contract
#   with its users (services[].cloudNoticeMinutes), which replaces both numbers for that
#   service. "Without delay" is judged against the audit default cl_notice_without_delay_minutes
#   (not law), counted from the moment the threshold was reached. The notice tells what
#   happened, the cause (which may follow once known: owed once service is back), the
#   provider's containment actions, how users can prevent or limit damage, and the department
#   and contact; it goes out by phone, mobile phone, post, e-mail, text message, a posting on
#   the service's access screen kept up for at least cl_notice_display_days days, or a similar
#   method. A notice in national newspapers replaces it only where notice was impossible and
#   MSIT was told in writing without delay of the reason and the notice. Pre-announced
#   maintenance is not an unannounced outage; breaches and leaks are judged by their own
#   controls.
# related_resources:
#   - https://www.law.go.kr/법령/클라우드컴퓨팅발전및이용자보호에관한법률
# scope: package
# custom:
#   id: KR-CLOUD-25-NOTICE
#   severity: high
#   kind: law
#   regulation: Cloud Act
#   title_ko: 클라우드 서비스 중단 시 이용자 통지(내용·방법·접속화면 게시)
#   description_ko: 클라우드컴퓨팅서비스 제공자는 사전 예고 없이 서비스가 연속 10분 이상 중단되거나, 최초 중단부터 24시간 이내에 2회 이상 중단되어 그 합이 15분 이상이면(계약으로 기간을 정한 경우 services[].cloudNoticeMinutes의 그 기간) 지체 없이 발생 내용, 발생 원인(확인되면 지체 없이), 피해 확산 방지 조치 현황, 이용자의 피해 예방·확산 방지 방법, 담당부서 및 연락처를 전화, 휴대전화, 우편, 전자우편, 문자메시지, 접속화면 게시(15일 이상) 또는 이와 유사한 방법으로 알려야 한다. 신문 공고는 통지가 곤란하여 그 사유와 공고 내용을 과학기술정보통신부장관에게 문서로 지체 없이 통보한 경우에만 통지를 갈음한다. '지체 없이'는 감사 기본값(법정 기준 아님)으로 판단한다.
#   citation:
#     law: Act on the Development of Cloud Computing and Protection of its Users
#     law_ko: 클라우드컴퓨팅 발전 및 이용자 보호에 관한 법률
#     article: Art. 25(1)3
#     decree: Enforcement Decree Art. 16-17
#     in_force: "2015-09-28"
#     text: Cloud Computing Act Art. 25(1)3; Decree Art. 16, 17(1)-(4)
#     text_ko: 클라우드컴퓨팅 발전 및 이용자 보호에 관한 법률 제25조제1항제3호; 같은 법 시행령 제16조, 제17조제1항부터 제4항까지
#   remediation:
#     en: Notify affected cloud users as soon as an unannounced outage reaches 10 minutes (or a series reaches 15 minutes within 24 hours, or the contract period), with what happened, the cause, your containment actions, users' own precautions, and the department and contact, by phone, mobile, post, e-mail, SMS or a screen notice kept up 15 days; record each notice under incidents[].userNotices with channels, contents and displayedDays, and a newspaper notice's written report to MSIT under incidents[].ministryNotices.
#     ko: 예고 없는 중단이 10분(또는 24시간 이내 누적 15분, 계약으로 정한 기간)에 이르면 즉시 발생 내용, 원인, 피해 확산 방지 조치, 이용자의 피해 예방 방법, 담당부서 및 연락처를 전화, 휴대전화, 우편, 전자우편, 문자메시지 또는 15일 이상의 접속화면 게시로 알리고, 각 통지를 incidents[].userNotices에 방법·내용·displayedDays와 함께, 신문 공고 시 과학기술정보통신부에 대한 서면 통보를 incidents[].ministryNotices에 기록하십시오.
#   frameworks:
#     - KR-CLOUD
#   in_force:
#     - from: "2015-09-28"
#       parties: [cloud]
#       label: law
#       citation: Cloud Computing Act Art. 25(1)3; Decree Art. 16, 17(1)-(4)
#       citation_ko: 클라우드컴퓨팅 발전 및 이용자 보호에 관한 법률 제25조제1항제3호; 같은 법 시행령 제16조, 제17조제1항부터 제4항까지
#       basis: "Act No. 13234 (in force 2015-09-28) and Decree No. 26550 (from 2015-09-28); Decree 16 and 17(1)-(3) unmarked, 17(4) amended 2017-07-26"
package resilcheck.controls.cl_notice

import data.resilcheck.lib.cloudnotice
import data.resilcheck.lib.incidents
import data.resilcheck.lib.inforce
import data.resilcheck.lib.time

# in_force is this package's METADATA custom.in_force (a Go test holds them equal).
in_force := [{"from": "2015-09-28", "parties": ["cloud"], "label": "law", "citation": "Cloud Computing Act Art. 25(1)3; Decree Art. 16, 17(1)-(4)", "citation_ko": "클라우드컴퓨팅 발전 및 이용자 보호에 관한 법률 제25조제1항제3호; 같은 법 시행령 제16조, 제17조제1항부터 제4항까지", "basis": "Act No. 13234 (in force 2015-09-28) and Decree No. 26550 (from 2015-09-28); Decree 16 and 17(1)-(3) unmarked, 17(4) amended 2017-07-26"}]

# Violations are only judged where the control applies, so a direct query of violations
# agrees with the engine's verdict.
default applies := false

applies if inforce.binds(in_force, time.as_of)

reason := inforce.why_not(in_force, time.as_of)

# bound_dates are the days incidents started on when the duty bound the provider.
bound_dates := {d | some d in incidents.start_dates; inforce.binds(in_force, d)}

cloud_services := {s.id: s | some s in object.get(input, "services", []); s.cloud == true}

# groups holds, per cloud service, its unannounced interruptions (indexes): incidents of kind
# outage (or no kind), not pre-announced maintenance, that started when the duty bound.
groups[svc] := [i |
	some i, inc in incidents.judged
	svc in affected(inc)
	object.get(inc, "kind", "outage") == "outage"
	not inc.preAnnouncedMaintenance == true
	incidents.facts[i].start_date in bound_dates
] if {
	applies
	some svc in all_services
}

# An incident that names no service, at a provider in the cloud category, stands for its
# cloud service as a whole (as for the breach and leak notices, lib/cloudnotice): it is
# judged under the statutory thresholds as the service "(unspecified)".
unnamed := "(unspecified)"

all_services := object.keys(cloud_services) | {unnamed}

affected(inc) := object.get(inc, "services", []) if {
	count(object.get(inc, "services", [])) > 0
} else := [unnamed] if {
	cloudnotice.on_cloud(inc)
} else := []

# limit(svc, name, t) is the threshold of service svc at instant t: the period set in the
# contract (Act 25(1)3, "당사자 간 계약으로 기간을 정하였을 경우에는 그 기간") replaces both decree
# numbers, the continuous 10 and the 15 in total (interpretation: the contract period is
# applied to both rules); otherwise the parameter in force.
limit(svc, name, t) := {"value": m, "label": "contract", "basis": sprintf("services[%s].cloudNoticeMinutes: the period set in the contract (Cloud Act Art. 25(1)3; applied to the continuous and the 24-hour rule, interpretation)", [svc])} if {
	m := cloud_services[svc].cloudNoticeMinutes
} else := incidents.param(name, t)

candidates[k] contains {"rule": "continuous", "trigger_ns": t, "service": svc, "limit": lim} if {
	some svc, g in groups
	some k in g
	f := incidents.facts[k]
	lim := limit(svc, "cl_notice_min_minutes", f.start_ns)
	f.minutes >= lim.value
	t := f.start_ns + (lim.value * time.minute_ns)
}

# limits[svc][k] is the series rule for service svc in force when interruption k started.
limits[svc] := {k: [(window * 60) * time.minute_ns, n, lim.value] |
	some k in g
	s := incidents.facts[k].start_ns
	window := incidents.param("cl_notice_repeat_window_hours", s).value
	n := incidents.param("cl_notice_repeat_count", s).value
	lim := limit(svc, "cl_notice_repeat_total_minutes", s)
} if some svc, g in groups

# series[svc] holds the series triggers of each group, computed once per group.
series[svc] := incidents.repeat_triggers(incidents.timeline(g), limits[svc]) if some svc, g in groups

candidates[k] contains {"rule": "repeated", "trigger_ns": r.trigger_ns, "service": svc, "limit": lim, "series": r.series, "members": r.members} if {
	some svc, triggers in series
	some k, r in triggers
	lim := limit(svc, "cl_notice_repeat_total_minutes", incidents.facts[k].start_ns)
}

# noticeable[k] is the earliest way k made a notice due (continuous first on a tie).
noticeable[k] := incidents.earliest_trigger(cs) if some k, cs in candidates

delay(k) := incidents.param("cl_notice_without_delay_minutes", incidents.facts[k].start_ns)

# due[k] is when the duty k triggered was due, with the limit applied ({"due_ns", "limit"}).
due[k] := incidents.without_delay(c.trigger_ns, "cl_notice_without_delay_minutes", incidents.facts[k].start_ns) if some k, c in noticeable

due_ns[k] := d.due_ns if some k, d in due

# The methods of Decree 17(2), shared with the breach and leak notices (lib/cloudnotice). A
# notice in national newspapers replaces them only where notice was impossible and MSIT was
# told (17(3)-(4)).
channels := cloudnotice.channels

screen_channels := cloudnotice.screen_channels

impossible_notices(i) := [[j, m] | some j, m in object.get(input.incidents[i], "ministryNotices", []); m.kind == "notice-impossible"]

accepted(i) := channels | {"newspaper"} if {
	count(impossible_notices(i)) > 0
} else := channels

accepted_notice(i, j) if {
	ok := accepted(i)
	some c in input.incidents[i].userNotices[j].channels
	c in ok
}

# answers[k] are the notices given by the audit date that answer for k, as [instant,
# incident, notice index]: its own, and for a series, notices on other members given at or
# after the trigger. valid[k] are those sent by an accepted method.
answers[k] := {[t, k, j] | some j, t in incidents.facts[k].notice_at; t <= time.as_of_ns} | {[t, m, j] |
	c.rule == "repeated"
	some m in c.members
	m != k
	some j, t in incidents.facts[m].notice_at
	t >= c.trigger_ns
	t <= time.as_of_ns
} if some k, c in noticeable

valid[k] := {x | some x in answers[k]; accepted_notice(x[1], x[2])} if some k, _ in answers

evidence(k) := ev if {
	c := noticeable[k]
	inc := input.incidents[k]
	f := incidents.facts[k]
	d := delay(k)
	base := {
		"incident": inc.id,
		"service": c.service,
		"rule": c.rule,
		"outage_minutes": f.minutes,
		"threshold_minutes": c.limit.value,
		"threshold_basis": c.limit.basis,
		"threshold_label": c.limit.label,
		"noticeable_at": incidents.kst_timestamp(c.trigger_ns),
		"due": incidents.kst_timestamp(due_ns[k]),
		"without_delay_minutes": d.value,
		"without_delay_label": d.label,
		"law": inforce.citation_on(in_force, f.start_date),
	}
	ev := object.union(base, object.filter(c, {"series"}))
}

violations contains {
	"msg": sprintf("no user notice for the unannounced outage %s of cloud service %s (%s rule, %v minutes: noticeable at %s, due by %s, %v minutes later)", [ev.incident, ev.service, ev.rule, ev.threshold_minutes, ev.noticeable_at, ev.due, ev.without_delay_minutes]),
	"msg_ko": sprintf("클라우드 서비스 %s의 예고 없는 중단 %s에 대한 이용자 통지가 없습니다(기준 %v분, 통지 대상 시각 %s, 기한 %s).", [ev.service, ev.incident, ev.threshold_minutes, ev.noticeable_at, ev.due]),
	"pointer": incidents.notices_pointer(k),
	"key": "user-notice",
	"evidence": object.union(ev, {"as_of": time.as_of}),
} if {
	some k, v in valid
	count(v) == 0
	time.as_of_ns > due_ns[k]
	ev := evidence(k)
}

violations contains {
	"msg": sprintf("cloud users were first told of outage %s of %s at %s, after the notice was due at %s", [ev.incident, ev.service, incidents.kst_timestamp(first), ev.due]),
	"msg_ko": sprintf("클라우드 서비스 %s의 중단 %s 최초 통지(%s)가 기한(%s)보다 늦었습니다.", [ev.service, ev.incident, incidents.kst_timestamp(first), ev.due]),
	"pointer": incidents.notices_pointer(k),
	"key": "user-notice:late",
	"evidence": object.union(ev, {"first_notice_at": incidents.kst_timestamp(first), "late_minutes": (first - due_ns[k]) / time.minute_ns}),
} if {
	some k, v in valid
	count(v) > 0
	first := min({x[0] | some x in v})
	first > due_ns[k]
	ev := evidence(k)
}

# A notice by no method of 17(2) (press only, or a newspaper without the notice-impossible
# report to MSIT) is its own finding.
violations contains {
	"msg": sprintf("notice %d about outage %s of cloud service %s went out only by %s, not a method of Cloud Decree 17(2) (%s)%s", [j, inc.id, noticeable[k].service, concat(", ", n.channels), concat(", ", sort(channels)), newspaper_note(k, n).en]),
	"msg_ko": sprintf("클라우드 서비스 %s의 중단 %s에 대한 통지 %s %s만 이루어져 시행령 제17조제2항의 방법(전화, 휴대전화, 우편, 전자우편, 문자메시지, 접속화면 게시 등)이 아닙니다%s", [noticeable[k].service, inc.id, data.resilcheck.lib.text.josa(format_int(j, 10), "는"), data.resilcheck.lib.text.josa(concat(", ", n.channels), "로"), newspaper_note(k, n).ko]),
	"pointer": sprintf("/incidents/%d/userNotices/%d/channels", [k, j]),
	"key": "channels",
	"evidence": object.union(evidence(k), {"notice_at": n.at, "channels": n.channels, "accepted_channels": sort(accepted(k))}),
} if {
	some k, xs in answers
	some x in xs
	x[1] == k
	j := x[2]
	not accepted_notice(k, j)
	inc := input.incidents[k]
	n := inc.userNotices[j]
}

newspaper_note(k, n) := {
	"en": "; a newspaper notice replaces the notice only where notice was impossible and MSIT was told (17(3)-(4)): no ministryNotices entry of kind notice-impossible",
	"ko": ". 신문 공고는 통지가 곤란하여 과학기술정보통신부장관에게 통보한 경우에만 통지를 갈음합니다(제17조제3항·제4항; ministryNotices의 notice-impossible 없음)",
} if {
	"newspaper" in n.channels
	count(impossible_notices(k)) == 0
} else := {"en": "", "ko": ""}

# --- contents (Decree 17(1)); item 5 is "담당부서 및 연락처": the department and the contact ---
required_contents := ["fact", "cause", "response", "prevention-advice", "department", "contact"]

# The cause may follow: "발생 원인을 바로 알기 어려운 경우에는 나머지 사항을 먼저 알리고, 발생 원인이 확인되면
# 지체 없이" (17(1) proviso). When it became known is not declared: it is owed once service is
# back, never by the first deadline.
prompt_contents := [c | some c in required_contents; c != "cause"]

contents_text := {
	"fact": {"en": "what happened", "ko": "발생 내용", "no": "1"},
	"cause": {"en": "the cause", "ko": "발생 원인", "no": "2"},
	"response": {"en": "the provider's containment actions", "ko": "피해 확산 방지 조치 현황", "no": "3"},
	"prevention-advice": {"en": "how users can prevent or limit damage", "ko": "이용자의 피해 예방 또는 확산 방지 방법", "no": "4"},
	"department": {"en": "the department in charge", "ko": "담당부서", "no": "5"},
	"contact": {"en": "the contact", "ko": "연락처", "no": "5"},
}

notice_contents(x) := object.get(input.incidents[x[1]].userNotices[x[2]], "contents", [])

told(k, by) := {c | some x in valid[k]; x[0] <= by; some c in notice_contents(x)}

# owed_contents(k) are the items owed on the audit date: the prompt ones once the deadline has
# passed, the cause once the outage is over.
owed_contents(k) := {c | some c in prompt_contents; time.as_of_ns > due_ns[k]} | {"cause" | incidents.facts[k].restored}

first_valid_pointer(k) := sprintf("/incidents/%d/userNotices/%d/contents", [x[1], x[2]]) if {
	x := sort(valid[k])[0]
}

violations contains {
	"msg": sprintf("the notices about outage %s of cloud service %s never told users %s (Cloud Decree 17(1)%s)", [inc.id, noticeable[k].service, contents_text[c].en, contents_text[c].no]),
	"msg_ko": sprintf("클라우드 서비스 %s의 중단 %s에 대한 이용자 통지에 %s 빠졌습니다(시행령 제17조제1항제%s호).", [noticeable[k].service, inc.id, data.resilcheck.lib.text.josa(contents_text[c].ko, "가"), contents_text[c].no]),
	"pointer": first_valid_pointer(k),
	"key": sprintf("contents:%s", [c]),
	"evidence": object.union(evidence(k), {"missing_content": c, "required_contents": required_contents}),
} if {
	some k, v in valid
	count(v) > 0
	said := told(k, time.as_of_ns)
	some c in owed_contents(k)
	not c in said
	inc := input.incidents[k]
}

# A prompt item first told after the deadline, where the first notice itself was on time.
violations contains {
	"msg": sprintf("the notices about outage %s of cloud service %s told users %s (Cloud Decree 17(1)%s) only at %s, after the notice was due at %s", [inc.id, noticeable[k].service, contents_text[c].en, contents_text[c].no, at, incidents.kst_timestamp(due_ns[k])]),
	"msg_ko": sprintf("클라우드 서비스 %s의 중단 %s에 대한 이용자 통지에서 %s(시행령 제17조제1항제%s호)%s 기한(%s) 후인 %s에 알렸습니다.", [noticeable[k].service, inc.id, contents_text[c].ko, contents_text[c].no, substring(data.resilcheck.lib.text.josa(contents_text[c].ko, "를"), count(contents_text[c].ko), -1), incidents.kst_timestamp(due_ns[k]), at]),
	"pointer": sprintf("/incidents/%d/userNotices/%d/contents", [x[1], x[2]]),
	"key": sprintf("contents:%s:late", [c]),
	"evidence": object.union(evidence(k), {"late_content": c, "told_at": at}),
} if {
	some k, v in valid
	count(v) > 0
	min({y[0] | some y in v}) <= due_ns[k]
	said := told(k, due_ns[k])
	some c in prompt_contents
	not c in said
	x := sort([y | some y in v; c in notice_contents(y)])[0]
	at := incidents.kst_timestamp(x[0])
	inc := input.incidents[k]
}

# --- the screen notice stays up for the display minimum (17(2) proviso) ---
# A screen notice whose minimum has not yet run out on the audit date may still be up, so it
# is not judged yet.
violations contains {
	"msg": sprintf("the screen notice about outage %s was displayed for %v days (at least %v required)", [inc.id, n.displayedDays, days.value]),
	"msg_ko": sprintf("중단 %s에 대한 접속화면 게시가 %v일 동안만 유지되었습니다(%v일 이상 필요).", [inc.id, n.displayedDays, days.value]),
	"pointer": sprintf("/incidents/%d/userNotices/%d/displayedDays", [k, j]),
	"key": "display-days",
	"evidence": {"incident": inc.id, "notice_at": n.at, "channels": n.channels, "displayed_days": n.displayedDays, "min_days": days.value, "min_basis": days.basis},
} if {
	some [k, j, n, days] in screen_notices
	inc := input.incidents[k]
	n.displayedDays < days.value
}

violations contains {
	"msg": sprintf("the screen notice about outage %s does not declare how long it was displayed (declare displayedDays; at least %v days required)", [inc.id, days.value]),
	"msg_ko": sprintf("중단 %s에 대한 접속화면 게시 기간이 신고되지 않았습니다(displayedDays, %v일 이상 필요).", [inc.id, days.value]),
	"pointer": sprintf("/incidents/%d/userNotices/%d", [k, j]),
	"key": "display-days",
	"evidence": {"incident": inc.id, "notice_at": n.at, "channels": n.channels, "missing": "displayedDays", "min_days": days.value},
} if {
	some [k, j, n, days] in screen_notices
	inc := input.incidents[k]
	not "displayedDays" in object.keys(n)
}

# screen_notices are the own screen notices of noticeable incidents whose display minimum,
# counted from the notice, has run out by the audit date, as [k, j, notice, days].
screen_notices contains [k, j, n, days] if {
	some k, _ in noticeable
	some j, t in incidents.facts[k].notice_at
	n := input.incidents[k].userNotices[j]
	some c in n.channels
	c in screen_channels
	days := incidents.param("cl_notice_display_days", t)
	time.as_of_ns > t + (days.value * time.day_ns)
}

# --- a newspaper notice in place of the notice: MSIT told in writing without delay (17(4)) ---
# newspaper_used[k] is the first newspaper notice about k that stood in for the notice.
newspaper_used[k] := min({t |
	some j, t in incidents.facts[k].notice_at
	t <= time.as_of_ns
	"newspaper" in input.incidents[k].userNotices[j].channels
}) if {
	some k, _ in noticeable
	count(impossible_notices(k)) > 0
}

violations contains {
	"msg": sprintf("the report to MSIT that notice about outage %s was impossible (ministryNotices %d) is not declared as made in writing (Cloud Decree 17(4))", [inc.id, j]),
	"msg_ko": sprintf("중단 %s의 통지 곤란 사유 통보(ministryNotices %d)가 문서로 이루어졌다고 신고되지 않았습니다(시행령 제17조제4항).", [inc.id, j]),
	"pointer": sprintf("/incidents/%d/ministryNotices/%d", [k, j]),
	"key": "written",
	"evidence": object.union(evidence(k), {"ministry_notice_at": m.at, "written": object.get(m, "written", "not declared")}),
} if {
	some k, _ in newspaper_used
	some [j, m] in impossible_notices(k)
	not m.written == true
	inc := input.incidents[k]
}

violations contains {
	"msg": sprintf("the report to MSIT that notice about outage %s was impossible does not give %s (Cloud Decree 17(4))", [inc.id, c]),
	"msg_ko": sprintf("중단 %s의 통지 곤란 사유 통보에 %s 빠졌습니다(시행령 제17조제4항).", [inc.id, data.resilcheck.lib.text.josa({"reason": "불가피한 사유", "notice": "공고 내용"}[c], "가")]),
	"pointer": sprintf("/incidents/%d/ministryNotices/%d/contents", [k, j]),
	"key": sprintf("contents:%s", [c]),
	"evidence": object.union(evidence(k), {"missing_content": c, "declared_contents": declared}),
} if {
	some k, _ in newspaper_used
	some [j, m] in impossible_notices(k)
	declared := m.contents
	some c in ["reason", "notice"]
	not c in declared
	inc := input.incidents[k]
}

violations contains {
	"msg": sprintf("MSIT was told that notice about outage %s was impossible at %s, after it was due at %s (%v minutes after the newspaper notice of %s)", [inc.id, incidents.kst_timestamp(told_at), incidents.kst_timestamp(due), d.value, incidents.kst_timestamp(t)]),
	"msg_ko": sprintf("중단 %s의 통지 곤란 사유 통보(%s)가 기한(%s, 신문 공고 %s부터 %v분)보다 늦었습니다.", [inc.id, incidents.kst_timestamp(told_at), incidents.kst_timestamp(due), incidents.kst_timestamp(t), d.value]),
	"pointer": sprintf("/incidents/%d/ministryNotices", [k]),
	"key": "impossible-report:late",
	"evidence": object.union(evidence(k), {"newspaper_notice_at": incidents.kst_timestamp(t), "ministry_notice_at": incidents.kst_timestamp(told_at), "ministry_notice_due": incidents.kst_timestamp(due)}),
} if {
	some k, t in newspaper_used
	d := delay(k)
	due := t + (d.value * time.minute_ns)
	told_at := min({time.ns(m.at) | some [_, m] in impossible_notices(k)})
	told_at > due
	inc := input.incidents[k]
}

# Incidents that started before the duty bound the provider are noted beside the verdict.
notes contains n if {
	applies
	some n in incidents.unbound_notes(in_force)
}
