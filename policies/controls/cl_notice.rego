# METADATA
# title: Cloud users told without delay of an unannounced outage; screen notices kept up 15 days
# description: |
#   A cloud computing service provider tells the affected users without delay when a cloud
#   service is interrupted without prior announcement for 10 minutes or more continuously, or
#   two or more times within 24 hours of the first interruption for 15 minutes or more in
#   total (exactly 10 and exactly 15 minutes count). "Without delay" is judged against the
#   audit default cl_notice_without_delay_minutes (not law), counted from the moment the
#   threshold was reached. A notice on the service's screen (web or app) stays up for at least
#   15 days. Pre-announced maintenance is not an unannounced outage. A contract may set a
#   different period; that is not in the manifest and is not judged.
# related_resources:
#   - https://www.law.go.kr/법령/클라우드컴퓨팅발전및이용자보호에관한법률
# scope: package
# custom:
#   id: KR-CLOUD-25-NOTICE
#   severity: high
#   kind: law
#   regulation: Cloud Act
#   title_ko: 클라우드 서비스 중단 시 이용자 통지 및 접속화면 15일 게시
#   description_ko: 클라우드컴퓨팅서비스 제공자는 사전 예고 없이 서비스가 연속 10분 이상 중단되거나, 최초 중단부터 24시간 이내에 2회 이상 중단되어 그 합이 15분 이상이면 지체 없이 이용자에게 알려야 하며, 접속화면 게시로 알리는 경우 15일 이상 게시하여야 한다. '지체 없이'는 감사 기본값(법정 기준 아님)으로 판단한다.
#   citation:
#     law: Act on the Development of Cloud Computing and Protection of its Users
#     law_ko: 클라우드컴퓨팅 발전 및 이용자 보호에 관한 법률
#     article: Art. 25(1)3
#     decree: Enforcement Decree Art. 16-17
#     in_force: "2015-09-28"
#     text: Cloud Computing Act Art. 25(1)3; Decree Art. 16, 17(1)-(2)
#     text_ko: 클라우드컴퓨팅 발전 및 이용자 보호에 관한 법률 제25조제1항제3호; 같은 법 시행령 제16조, 제17조제1항 및 제2항
#   remediation:
#     en: Notify affected cloud users as soon as an unannounced outage reaches 10 minutes (or a series reaches 15 minutes within 24 hours), keep any screen notice up for 15 days, and record each notice with its channels and displayedDays under incidents[].userNotices.
#     ko: 예고 없는 중단이 10분(또는 24시간 이내 누적 15분)에 이르면 즉시 이용자에게 알리고, 접속화면 게시는 15일 이상 유지하며, 각 통지를 incidents[].userNotices에 방법과 displayedDays와 함께 기록하십시오.
#   frameworks:
#     - KR-CLOUD
package resilcheck.controls.cl_notice

import data.resilcheck.lib.incidents
import data.resilcheck.lib.scope
import data.resilcheck.lib.time

default applies := false

applies if scope.cloud_notice

cloud_ids := {s.id | some s in object.get(input, "services", []); s.cloud == true}

# groups holds, per cloud service, its unannounced interruptions (indexes).
groups[svc] := [i |
	some i, inc in incidents.judged
	svc in object.get(inc, "services", [])
	not inc.preAnnouncedMaintenance == true
] if some svc in cloud_ids

candidates[k] contains {"rule": "continuous", "trigger_ns": t, "service": svc, "limit_minutes": limit.value, "limit_basis": limit.basis} if {
	some svc, g in groups
	some k in g
	f := incidents.facts[k]
	limit := incidents.param("cl_notice_min_minutes", f.start_ns)
	f.minutes >= limit.value
	t := f.start_ns + (limit.value * time.minute_ns)
}

# limits[k] is the series rule in force when interruption k started.
limits := incidents.repeat_limits(groups, "cl_notice_repeat_window_hours", "cl_notice_repeat_count", "cl_notice_repeat_total_minutes")

# series[svc] holds the series triggers of each group, computed once per group.
series[svc] := incidents.repeat_triggers(incidents.timeline(g), limits) if some svc, g in groups

candidates[k] contains {"rule": "repeated", "trigger_ns": r.trigger_ns, "service": svc, "limit_minutes": limits[k][2], "limit_basis": basis, "series": r.series, "members": r.members} if {
	some svc, triggers in series
	some k, r in triggers
	basis := incidents.param("cl_notice_repeat_total_minutes", incidents.facts[k].start_ns).basis
}

# noticeable[k] is the earliest way k made a notice due (continuous first on a tie).
noticeable[k] := incidents.earliest_trigger(cs) if some k, cs in candidates

due_ns[k] := c.trigger_ns + (incidents.param("cl_notice_without_delay_minutes", incidents.facts[k].start_ns).value * time.minute_ns) if some k, c in noticeable

# notice_times[k] are the notices that answer for k: its own, and for a series, notices on
# other members of the series given at or after the trigger.
notice_times[k] := {t | some t in incidents.facts[k].notice_times} | {t |
	c.rule == "repeated"
	some j in c.members
	j != k
	some t in incidents.facts[j].notice_times
	t >= c.trigger_ns
} if some k, c in noticeable

evidence(k) := ev if {
	c := noticeable[k]
	inc := input.incidents[k]
	f := incidents.facts[k]
	delay := incidents.param("cl_notice_without_delay_minutes", f.start_ns)
	base := {
		"incident": inc.id,
		"service": c.service,
		"rule": c.rule,
		"outage_minutes": f.minutes,
		"threshold_minutes": c.limit_minutes,
		"threshold_basis": c.limit_basis,
		"noticeable_at": incidents.kst_timestamp(c.trigger_ns),
		"due": incidents.kst_timestamp(due_ns[k]),
		"without_delay_minutes": delay.value,
		"without_delay_label": delay.label,
	}
	ev := object.union(base, object.filter(c, {"series"}))
}

violations contains {
	"msg": sprintf("no user notice for the unannounced outage %s of cloud service %s (%s rule: noticeable at %s, due by %s)", [ev.incident, ev.service, ev.rule, ev.noticeable_at, ev.due]),
	"msg_ko": sprintf("클라우드 서비스 %s의 예고 없는 중단 %s에 대한 이용자 통지가 없습니다(통지 대상 시각 %s, 기한 %s).", [ev.service, ev.incident, ev.noticeable_at, ev.due]),
	"pointer": incidents.notices_pointer(k),
	"evidence": object.union(ev, {"as_of": time.as_of}),
} if {
	some k, _ in noticeable
	count(notice_times[k]) == 0
	time.as_of_ns > due_ns[k]
	ev := evidence(k)
}

violations contains {
	"msg": sprintf("cloud users were first told of outage %s of %s at %s, after the notice was due at %s", [ev.incident, ev.service, incidents.kst_timestamp(first), ev.due]),
	"msg_ko": sprintf("클라우드 서비스 %s의 중단 %s 최초 통지(%s)가 기한(%s)보다 늦었습니다.", [ev.service, ev.incident, incidents.kst_timestamp(first), ev.due]),
	"pointer": incidents.notices_pointer(k),
	"evidence": object.union(ev, {"first_notice_at": incidents.kst_timestamp(first), "late_minutes": (first - due_ns[k]) / time.minute_ns}),
} if {
	some k, _ in noticeable
	count(notice_times[k]) > 0
	first := min(notice_times[k])
	first > due_ns[k]
	ev := evidence(k)
}

screen_channels := {"web", "app"}

# A screen notice must stay up for the display minimum; one whose minimum has not yet run out
# on the audit date may still be up, so it is not judged yet.
violations contains {
	"msg": sprintf("the screen notice about outage %s was displayed for %v days (at least %v required)", [inc.id, n.displayedDays, days.value]),
	"msg_ko": sprintf("중단 %s에 대한 접속화면 게시가 %v일 동안만 유지되었습니다(15일 이상 필요).", [inc.id, n.displayedDays]),
	"pointer": sprintf("/incidents/%d/userNotices/%d/displayedDays", [k, j]),
	"evidence": {"incident": inc.id, "notice_at": n.at, "channels": n.channels, "displayed_days": n.displayedDays, "min_days": days.value, "min_basis": days.basis},
} if {
	some k, _ in noticeable
	inc := input.incidents[k]
	some j, n in incidents.facts[k].notices
	some c in n.channels
	c in screen_channels
	days := incidents.param("cl_notice_display_days", time.ns(n.at))
	n.displayedDays < days.value
	display_over(n, days.value)
}

violations contains {
	"msg": sprintf("the screen notice about outage %s does not declare how long it was displayed (declare displayedDays; at least %v days required)", [inc.id, days.value]),
	"msg_ko": sprintf("중단 %s에 대한 접속화면 게시 기간이 신고되지 않았습니다(displayedDays, 15일 이상 필요).", [inc.id]),
	"pointer": sprintf("/incidents/%d/userNotices/%d", [k, j]),
	"evidence": {"incident": inc.id, "notice_at": n.at, "channels": n.channels, "missing": "displayedDays", "min_days": days.value},
} if {
	some k, _ in noticeable
	inc := input.incidents[k]
	some j, n in incidents.facts[k].notices
	some c in n.channels
	c in screen_channels
	days := incidents.param("cl_notice_display_days", time.ns(n.at))
	not "displayedDays" in object.keys(n)
	display_over(n, days.value)
}

# display_over: the minimum display period counted from the notice has ended by the audit date.
display_over(n, min_days) if time.as_of_ns > time.ns(n.at) + (min_days * time.day_ns)
