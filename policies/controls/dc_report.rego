# METADATA
# title: Datacenter service interruptions reported to the ministry in writing without delay
# description: |
#   From 2023-07-04 an operator under Network Act Art. 46(1) (colocation, or own-use meeting
#   Decree 37(1)2) and an exclusive lessee (46(7); Decree 41 2, which reports the same way)
#   report to the Minister of Science and ICT, without delay and in writing (Decree 40(3)), an
#   interruption of service at a site it operates caused by a disaster or another physical or
#   functional failure that lasted dc_report_min_continuous_minutes (30) or more continuously,
#   or a series of dc_report_repeat_count (2) or more interruptions within
#   dc_report_repeat_window_hours (24) whose minutes add up to dc_report_repeat_total_minutes
#   (45) or more (Decree 40(1); the window start is not fixed: audit default, counted from the
#   first interruption of the series). The report covers the six items of Decree 40(2).
#   A leak of user information (kind leak) interrupts nothing and is not counted.
#   Each interruption is judged by the law in force when it started, and only if the party
#   running the site was bound then; its thresholds are those in force at its start. "Without
#   delay" is the audit default dc_report_without_delay_minutes (not law), counted from the
#   moment the interruption reached the threshold. A series is answered by the report on the
#   interruption that made it reportable, or by a report on another member made at or after
#   that moment. A report declared not in writing (datacenterReport.written false) fails, and
#   a report whose contents are declared fails for each of the six items it leaves out.
# related_resources:
#   - https://www.law.go.kr/법령/정보통신망이용촉진및정보보호등에관한법률
# scope: package
# custom:
#   id: KR-NETACT-46-REPORT
#   severity: high
#   kind: law
#   regulation: Network Act
#   title_ko: 집적정보통신시설 서비스 중단 시 지체 없는 서면 보고
#   description_ko: 2023년 7월 4일부터 정보통신망법 제46조제1항의 집적정보통신시설 사업자등(집적정보통신시설 사업자, 시행령 제37조제1항제2호 요건을 갖춘 자체 운영자)과 임차시설을 배타적으로 운영하는 자(제46조제7항, 시행령 제41조제2호, 같은 방법으로 보고)는 운영하는 시설에서 재난이나 재해 및 그 밖의 물리적·기능적 결함 등으로 정보통신서비스 제공이 연속 30분 이상 중단되거나 24시간 이내에 2회 이상 중단되어 그 합이 45분 이상이면 지체 없이 과학기술정보통신부장관에게 문서로 보고하여야 하며(시행령 제40조제3항), 보고에는 시행령 제40조제2항의 여섯 가지 사항이 포함되어야 한다. 각 중단은 시작 시점의 법령과 기준으로, 그때 시설 운영자가 의무 대상이었던 경우에만 판단한다. '지체 없이'는 감사 기본값(법정 기준 아님)으로 판단한다. 서면이 아닌 보고(datacenterReport.written = false)와 신고된 보고 내용에서 빠진 항목은 각각 위반으로 본다. 이용자 정보 유출(kind leak)은 서비스 중단이 아니므로 세지 않는다.
#   citation:
#     law: Act on Promotion of Information and Communications Network Utilization and Information Protection
#     law_ko: 정보통신망 이용촉진 및 정보보호 등에 관한 법률
#     article: Art. 46(6)-(7)
#     decree: Enforcement Decree Art. 40, 41 2
#     in_force: "2023-07-04"
#     text: Network Act Art. 46(6)-(7); Decree Art. 40(1)-(3), 41 2
#     text_ko: 정보통신망 이용촉진 및 정보보호 등에 관한 법률 제46조제6항 및 제7항; 같은 법 시행령 제40조제1항부터 제3항까지, 제41조제2호
#   remediation:
#     en: Send MSIT a written report covering the six items of Decree Art. 40(2) as soon as an interruption reaches 30 minutes (or a series reaches 45 minutes within 24 hours), and record it under incidents[].datacenterReport (at, written, contents).
#     ko: 서비스 중단이 30분(또는 24시간 이내 누적 45분)에 이르면 시행령 제40조제2항의 여섯 가지 사항을 담아 즉시 과학기술정보통신부에 문서로 보고하고 incidents[].datacenterReport(at, written, contents)에 기록하십시오.
#   frameworks:
#     - KR-NETACT
#   in_force:
#     - from: "2023-07-04"
#       parties: [idc-colo, idc-own, idc-lessee]
#       label: law
#       citation: Network Act Art. 46(6)-(7); Decree Art. 40, 41 2
#       citation_ko: 정보통신망 이용촉진 및 정보보호 등에 관한 법률 제46조제6항 및 제7항; 같은 법 시행령 제40조, 제41조제2호
#       basis: 46(6), (7) added by Act No. 19154 (2023-01-03), Decree 40 and 41 by Decree No. 33612, in force 2023-07-04
package resilcheck.controls.dc_report

import data.resilcheck.lib.incidents
import data.resilcheck.lib.inforce
import data.resilcheck.lib.scope
import data.resilcheck.lib.time

# in_force is this package's METADATA custom.in_force (a Go test holds them equal).
in_force := [{"from": "2023-07-04", "parties": ["idc-colo", "idc-own", "idc-lessee"], "label": "law", "citation": "Network Act Art. 46(6)-(7); Decree Art. 40, 41 2", "citation_ko": "정보통신망 이용촉진 및 정보보호 등에 관한 법률 제46조제6항 및 제7항; 같은 법 시행령 제40조, 제41조제2호", "basis": "46(6), (7) added by Act No. 19154 (2023-01-03), Decree 40 and 41 by Decree No. 33612, in force 2023-07-04"}]

# Violations are only judged where the control applies, so a direct query of violations
# agrees with the engine's verdict.
default applies := false

applies if inforce.binds(in_force, time.as_of)

reason := inforce.why_not(in_force, time.as_of)

# site_parties[id] are the parties that run the declared site id: for others (46(1)1), for
# the provider's own services (46(1)2), or leased and run exclusively (46(7)).
branches := {"idc-colo": scope.colo_sites, "idc-own": scope.own_use_sites, "idc-lessee": scope.lessee_sites}

site_parties := {d.id: ps |
	some i, d in scope.all_datacenters
	ps := {x | some x, sites in branches; sites[i]}
	count(ps) > 0
}

# bound_at_start(dc, k): interruption k started while the duty was in force and bound a
# party running site dc (time model rule 2).
bound_at_start(dc, k) if {
	d := incidents.facts[k].start_date
	inforce.binds(in_force, d)
	some x in site_parties[dc]
	scope.bound(x, d)
}

# groups holds, per site, the judged interruptions there (indexes). A leak of user
# information (kind leak) interrupts nothing, so it is never one of them.
groups[dc] := g if {
	applies
	some dc, _ in site_parties
	g := [k |
		some k, inc in incidents.judged
		incidents.interruption(inc)
		dc in object.get(inc, "datacenters", [])
		bound_at_start(dc, k)
	]
	count(g) > 0
}

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

delay(k) := incidents.param("dc_report_without_delay_minutes", incidents.facts[k].start_ns)

# due[k] is when the duty k triggered was due, with the limit applied ({"due_ns", "limit"}).
due[k] := incidents.without_delay(c.trigger_ns, "dc_report_without_delay_minutes", incidents.facts[k].start_ns) if some k, c in reportable

due_ns[k] := d.due_ns if some k, d in due

# report_at[j] is when the report recorded on incident j was made, if made by the audit date.
report_at[j] := t if {
	some j, inc in incidents.judged
	t := time.ns(inc.datacenterReport.at)
	t <= time.as_of_ns
}

# answering[k] are the incidents whose reports answer for k: its own, and for a series,
# reports on other members of the series made at or after the trigger.
answering[k] := {k | report_at[k]} | {j |
	c.rule == "repeated"
	some j in c.members
	j != k
	report_at[j] >= c.trigger_ns
} if some k, c in reportable

report_times[k] := {report_at[j] | some j in answering[k]} if some k, _ in answering

# A lessee reports the same way (Decree 41 2 applying Art. 40(2)-(3)).
duty(dc) := {"en": "Network Act Art. 46(7); Decree Art. 41 2 (as Art. 40)", "ko": "정보통신망법 제46조제7항, 시행령 제41조제2호(제40조 준용)"} if {
	"idc-lessee" in site_parties[dc]
} else := {"en": "Network Act Art. 46(6); Decree Art. 40", "ko": "정보통신망법 제46조제6항, 시행령 제40조"}

# rule_text(k, c) says, with the numbers in force when k started, why k was reportable.
rule_text(k, c) := {
	"en": sprintf("%d min continuous, at least %v min (Decree Art. 40(1)1)", [round(incidents.facts[k].minutes), c.limit_minutes]),
	"ko": sprintf("연속 %d분 중단, 기준 %v분 이상(시행령 제40조제1항제1호)", [round(incidents.facts[k].minutes), c.limit_minutes]),
} if {
	c.rule == "continuous"
} else := {
	"en": sprintf("%d interruptions within %v h totalling %d min, at least %v min (Decree Art. 40(1)2)", [c.series.count, hours, round(c.series.total_minutes), c.limit_minutes]),
	"ko": sprintf("%v시간 이내 %d회 중단, 합계 %d분, 기준 %v분 이상(시행령 제40조제1항제2호)", [hours, c.series.count, round(c.series.total_minutes), c.limit_minutes]),
} if {
	hours := incidents.param("dc_report_repeat_window_hours", incidents.facts[k].start_ns).value
}

evidence(k) := ev if {
	c := reportable[k]
	inc := input.incidents[k]
	f := incidents.facts[k]
	base := {
		"incident": inc.id,
		"datacenter": c.datacenter,
		"rule": c.rule,
		"outage_minutes": f.minutes,
		"threshold_minutes": c.limit_minutes,
		"threshold_basis": c.limit_basis,
		"started_on": f.start_date,
		"duty": duty(c.datacenter).en,
		"reportable_at": incidents.kst_timestamp(c.trigger_ns),
		"due": incidents.kst_timestamp(due_ns[k]),
		"without_delay_minutes": delay(k).value,
		"without_delay_label": delay(k).label,
	}
	ev := object.union_n([base, object.filter(c, {"series"}), incidents.window_anchor(c)])
}

violations contains {
	"msg": sprintf("no written report to the ministry for interruption %s at datacenter %s (%s; reportable at %s, due without delay by %s: audit default %v min; %s)", [ev.incident, ev.datacenter, why.en, ev.reportable_at, ev.due, ev.without_delay_minutes, ev.duty]),
	"msg_ko": sprintf("집적정보통신시설 %s의 서비스 중단 %s에 대한 서면 보고가 없습니다(%s, 보고 대상 시각 %s, 기한 %s: 감사 기본값 %v분, %s).", [ev.datacenter, ev.incident, why.ko, ev.reportable_at, ev.due, ev.without_delay_minutes, duty(ev.datacenter).ko]),
	"pointer": sprintf("/incidents/%d", [k]),
	"key": "report",
	"evidence": object.union(ev, {"as_of": time.as_of}),
} if {
	some k, c in reportable
	count(report_times[k]) == 0
	time.as_of_ns > due_ns[k]
	ev := evidence(k)
	why := rule_text(k, c)
}

violations contains {
	"msg": sprintf("the written report on interruption %s at datacenter %s came at %s, after it was due without delay by %s (audit default %v min; %s)", [ev.incident, ev.datacenter, incidents.kst_timestamp(first), ev.due, ev.without_delay_minutes, why.en]),
	"msg_ko": sprintf("집적정보통신시설 %s의 서비스 중단 %s 보고(%s)가 기한(%s, 감사 기본값 %v분)보다 늦었습니다(%s).", [ev.datacenter, ev.incident, incidents.kst_timestamp(first), ev.due, ev.without_delay_minutes, why.ko]),
	"pointer": late_pointer(k),
	"key": "report:late",
	"evidence": object.union(ev, {"reported_at": incidents.kst_timestamp(first), "late_minutes": (first - due_ns[k]) / time.minute_ns}),
} if {
	some k, c in reportable
	count(report_times[k]) > 0
	first := min(report_times[k])
	first > due_ns[k]
	ev := evidence(k)
	why := rule_text(k, c)
}

late_pointer(k) := sprintf("/incidents/%d/datacenterReport/at", [k]) if input.incidents[k].datacenterReport.at

else := sprintf("/incidents/%d", [k])

# report_sites[j] are the sites whose reportable interruptions the report on incident j
# answers for: the form and contents of that report are judged once, whatever it answers.
report_sites[j] contains reportable[k].datacenter if {
	some k, js in answering
	some j in js
}

violations contains {
	"msg": sprintf("the report on interruption %s (datacenters %s) was not made in writing (datacenterReport.written is false; Decree Art. 40(3) asks for a report in writing)", [inc.id, concat(", ", sort(dcs))]),
	"msg_ko": sprintf("서비스 중단 %s(시설 %s)의 보고가 문서로 이루어지지 않았습니다(datacenterReport.written = false, 시행령 제40조제3항).", [inc.id, concat(", ", sort(dcs))]),
	"pointer": sprintf("/incidents/%d/datacenterReport/written", [j]),
	"key": "written",
	"evidence": {"incident": inc.id, "datacenters": sort(dcs), "written": false, "basis": "Decree Art. 40(3)"},
} if {
	some j, dcs in report_sites
	inc := input.incidents[j]
	inc.datacenterReport.written == false
}

# The six items of Decree Art. 40(2), as the manifest names them.
report_items := [
	{"key": "datetime-place", "item": 1, "en": "the date, time and place of the interruption", "ko": "중단이 발생한 일시 및 장소"},
	{"key": "cause-damage", "item": 2, "en": "its cause and the damage", "ko": "중단이 발생한 원인 및 피해내용"},
	{"key": "emergency-actions", "item": 3, "en": "the emergency actions", "ko": "응급조치 사항"},
	{"key": "recovery-measures", "item": 4, "en": "the response and recovery measures", "ko": "대응 및 복구대책"},
	{"key": "next-steps", "item": 5, "en": "the next steps planned", "ko": "향후 조치계획"},
	{"key": "other", "item": 6, "en": "other matters needed for response and recovery", "ko": "그 밖에 대응 및 복구에 필요한 사항"},
]

violations contains {
	"msg": sprintf("the report on interruption %s (datacenters %s) does not cover %s (datacenterReport.contents lacks %s; Decree Art. 40(2)%d)", [inc.id, concat(", ", sort(dcs)), it.en, it.key, it.item]),
	"msg_ko": sprintf("서비스 중단 %s(시설 %s)의 보고에 %s 빠져 있습니다(datacenterReport.contents에 %s 없음, 시행령 제40조제2항제%d호).", [inc.id, concat(", ", sort(dcs)), data.resilcheck.lib.text.josa(it.ko, "가"), it.key, it.item]),
	"pointer": sprintf("/incidents/%d/datacenterReport/contents", [j]),
	"key": sprintf("contents:%s", [it.key]),
	"evidence": {"incident": inc.id, "datacenters": sort(dcs), "missing": it.key, "item": it.item, "declared": contents, "basis": sprintf("Decree Art. 40(2)%d", [it.item])},
} if {
	some j, dcs in report_sites
	inc := input.incidents[j]
	contents := inc.datacenterReport.contents
	some it in report_items
	not it.key in contents
}
