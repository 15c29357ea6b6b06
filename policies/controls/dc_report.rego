# METADATA
# title: Datacenter service interruptions reported to the ministry in writing without delay
# description: |
#   An operator bound by the datacenter protection duty (a colocation operator, or a provider
#   running its own or an exclusively leased datacenter) reports in writing to the Minister
#   of Science and ICT, without delay, the status, cause, emergency actions and recovery plan
#   of an interruption at a datacenter it operates that lasted 30 minutes or more
#   continuously, or of two or more interruptions within 24 hours adding up to 45 minutes or
#   more (exactly 30 and exactly 45 minutes count). The 24 hours run from the first
#   interruption of the series. "Without delay" is judged against the audit default
#   dc_report_without_delay_minutes (not law), counted from the moment the interruption
#   reached the threshold. A series is satisfied by the report recorded on the interruption
#   that made it reportable, or by a report on another member of the series made at or after
#   that moment. Interruptions before the rule's date are not judged.
# related_resources:
#   - https://www.law.go.kr/법령/정보통신망이용촉진및정보보호등에관한법률
# scope: package
# custom:
#   id: KR-NETACT-46-REPORT
#   severity: high
#   kind: law
#   regulation: Network Act
#   title_ko: 집적정보통신시설 서비스 중단 시 지체 없는 서면 보고
#   description_ko: 집적정보통신시설 사업자등은 운영하는 시설에서 정보통신서비스 제공이 연속 30분 이상 중단되거나 24시간 이내에 2회 이상 중단되어 그 합이 45분 이상이면 중단 현황, 원인, 응급조치 및 복구대책을 지체 없이 과학기술정보통신부장관에게 문서로 보고하여야 한다. '지체 없이'는 감사 기본값(법정 기준 아님)으로 판단한다.
#   citation:
#     law: Act on Promotion of Information and Communications Network Utilization and Information Protection
#     law_ko: 정보통신망 이용촉진 및 정보보호 등에 관한 법률
#     article: Art. 46(6)-(7)
#     decree: Enforcement Decree Art. 40-41
#     in_force: "2023-07-04"
#     text: Network Act Art. 46(6)-(7); Decree Art. 40(1)-(3), 41
#     text_ko: 정보통신망 이용촉진 및 정보보호 등에 관한 법률 제46조제6항 및 제7항; 같은 법 시행령 제40조제1항부터 제3항까지, 제41조
#   remediation:
#     en: Send MSIT a written report as soon as an interruption reaches 30 minutes (or a series reaches 45 minutes within 24 hours), and record it under incidents[].datacenterReport.
#     ko: 서비스 중단이 30분(또는 24시간 이내 누적 45분)에 이르면 즉시 과학기술정보통신부에 문서로 보고하고 incidents[].datacenterReport에 기록하십시오.
#   frameworks:
#     - KR-NETACT
package resilcheck.controls.dc_report

import data.resilcheck.lib.incidents
import data.resilcheck.lib.scope
import data.resilcheck.lib.time

default applies := false

applies if scope.idc_protect

operated_ids := {input.datacenters[i].id | some i in scope.operated_datacenter_indexes}

# groups holds, per operated datacenter, the judged interruptions there (indexes).
groups[dc] := [i | some i, inc in incidents.judged; dc in object.get(inc, "datacenters", [])] if some dc in operated_ids

# candidates[k] are the ways interruption k made a report due, each with its trigger instant.
candidates[k] contains {"rule": "continuous", "trigger_ns": t, "datacenter": dc, "limit_minutes": limit.value, "limit_basis": limit.basis} if {
	some dc, g in groups
	some k in g
	f := incidents.facts[k]
	limit := incidents.param("dc_report_min_continuous_minutes", f.start_ns)
	f.minutes >= limit.value
	t := f.start_ns + (limit.value * time.minute_ns)
}

# limits[k] is the series rule in force when interruption k started.
limits := incidents.repeat_limits(groups, "dc_report_repeat_window_hours", "dc_report_repeat_count", "dc_report_repeat_total_minutes")

# series[dc] holds the series triggers of each group, computed once per group.
series[dc] := incidents.repeat_triggers(incidents.timeline(g), limits) if some dc, g in groups

candidates[k] contains {"rule": "repeated", "trigger_ns": r.trigger_ns, "datacenter": dc, "limit_minutes": limits[k][2], "limit_basis": basis, "series": r.series, "members": r.members} if {
	some dc, triggers in series
	some k, r in triggers
	basis := incidents.param("dc_report_repeat_total_minutes", incidents.facts[k].start_ns).basis
}

# reportable[k] is the earliest way k made a report due (continuous first on a tie).
reportable[k] := incidents.earliest_trigger(cs) if some k, cs in candidates

due_ns[k] := c.trigger_ns + (incidents.param("dc_report_without_delay_minutes", incidents.facts[k].start_ns).value * time.minute_ns) if some k, c in reportable

# report_times[k] are the reports that answer for k: its own, and for a series, reports on
# other members of the series made at or after the trigger.
report_times[k] := {t | t := time.ns(input.incidents[k].datacenterReport.at)} | {t |
	c.rule == "repeated"
	some j in c.members
	j != k
	t := time.ns(input.incidents[j].datacenterReport.at)
	t >= c.trigger_ns
} if some k, c in reportable

evidence(k) := ev if {
	c := reportable[k]
	inc := input.incidents[k]
	f := incidents.facts[k]
	delay := incidents.param("dc_report_without_delay_minutes", f.start_ns)
	base := {
		"incident": inc.id,
		"datacenter": c.datacenter,
		"rule": c.rule,
		"outage_minutes": f.minutes,
		"threshold_minutes": c.limit_minutes,
		"threshold_basis": c.limit_basis,
		"reportable_at": incidents.kst_timestamp(c.trigger_ns),
		"due": incidents.kst_timestamp(due_ns[k]),
		"without_delay_minutes": delay.value,
		"without_delay_label": delay.label,
	}
	ev := object.union(base, object.filter(c, {"series"}))
}

violations contains {
	"msg": sprintf("no written report to the ministry for the interruption %s at datacenter %s (%s rule: reportable at %s, due by %s)", [ev.incident, ev.datacenter, ev.rule, ev.reportable_at, ev.due]),
	"msg_ko": sprintf("집적정보통신시설 %s의 서비스 중단 %s에 대한 서면 보고가 없습니다(보고 대상 시각 %s, 기한 %s).", [ev.datacenter, ev.incident, ev.reportable_at, ev.due]),
	"pointer": sprintf("/incidents/%d", [k]),
	"evidence": object.union(ev, {"as_of": time.as_of}),
} if {
	some k, _ in reportable
	count(report_times[k]) == 0
	time.as_of_ns > due_ns[k]
	ev := evidence(k)
}

violations contains {
	"msg": sprintf("the written report on interruption %s at datacenter %s came at %s, after it was due at %s", [ev.incident, ev.datacenter, incidents.kst_timestamp(first), ev.due]),
	"msg_ko": sprintf("집적정보통신시설 %s의 서비스 중단 %s 보고(%s)가 기한(%s)보다 늦었습니다.", [ev.datacenter, ev.incident, incidents.kst_timestamp(first), ev.due]),
	"pointer": late_pointer(k),
	"evidence": object.union(ev, {"reported_at": incidents.kst_timestamp(first), "late_minutes": (first - due_ns[k]) / time.minute_ns}),
} if {
	some k, _ in reportable
	count(report_times[k]) > 0
	first := min(report_times[k])
	first > due_ns[k]
	ev := evidence(k)
}

late_pointer(k) := sprintf("/incidents/%d/datacenterReport/at", [k]) if input.incidents[k].datacenterReport

late_pointer(k) := sprintf("/incidents/%d", [k]) if not input.incidents[k].datacenterReport
