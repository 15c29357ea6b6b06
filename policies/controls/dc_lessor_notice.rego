# METADATA
# title: Exclusive lessees notify the datacenter operator of a reportable interruption
# description: |
#   From 2023-07-04 a provider that leases space in a colocation datacenter and runs it
#   exclusively notifies the datacenter operator that leased it the facility, as well as
#   reporting to the ministry, when service at that leased site is interrupted by a disaster
#   or another cause for the period of Decree 40(1): dc_report_min_continuous_minutes (30)
#   or more continuously, or dc_report_repeat_count (2) or more interruptions within
#   dc_report_repeat_window_hours (24) adding up to dc_report_repeat_total_minutes (45) or
#   more, the window counted from the first interruption of the series (audit default, as for
#   the ministry report). The law sets no period for the notice: it is judged against the
#   audit default dc_lessor_notice_minutes (as "without delay", not law), counted from the
#   moment the interruption became reportable. A leak of user information (kind leak)
#   interrupts nothing and is not counted. Only interruptions at the provider's
#   exclusively leased sites are judged, each by the law in force when it started and only
#   if the provider was bound then. A series is answered by the notice recorded on the
#   interruption that made it reportable, or by one on another member of the series given at
#   or after that moment.
# related_resources:
#   - https://www.law.go.kr/법령/정보통신망이용촉진및정보보호등에관한법률
# scope: package
# custom:
#   id: KR-NETACT-46-LESSOR-NOTICE
#   severity: medium
#   kind: law
#   regulation: Network Act
#   title_ko: 임차시설 배타적 운영자의 서비스 중단 시 임대 사업자 통지
#   description_ko: 2023년 7월 4일부터 집적된 정보통신시설을 임차하여 배타적으로 운영·관리하는 정보통신서비스 제공자는 재난 등으로 임차시설에서 정보통신서비스가 연속 30분 이상 중단되거나 24시간 이내에 2회 이상 중단되어 그 합이 45분 이상이면 과학기술정보통신부장관에게 보고하고 시설을 임대한 집적정보통신시설 사업자에게 통지하여야 한다. 통지 기한은 법령에 없어 감사 기본값('지체 없이'와 같이, 법정 기준 아님)으로 보고 대상이 된 시각부터 판단하며, 각 중단은 시작 시점의 법령과 적용 대상 여부로 판단한다. 이용자 정보 유출(kind leak)은 서비스 중단이 아니므로 세지 않는다.
#   citation:
#     law: Act on Promotion of Information and Communications Network Utilization and Information Protection
#     law_ko: 정보통신망 이용촉진 및 정보보호 등에 관한 법률
#     article: Art. 46(7)
#     decree: Enforcement Decree Art. 41 2, 40(1)
#     in_force: "2023-07-04"
#     text: Network Act Art. 46(7); Decree Art. 41 2, 40(1)
#     text_ko: 정보통신망 이용촉진 및 정보보호 등에 관한 법률 제46조제7항; 같은 법 시행령 제41조제2호, 제40조제1항
#   remediation:
#     en: When service at an exclusively leased site is interrupted for 30 minutes (or a series reaches 45 minutes within 24 hours), notify the datacenter operator that leased you the space as well as MSIT, and record it under incidents[].datacenterReport.lessorNotifiedAt.
#     ko: 배타적으로 운영하는 임차시설에서 서비스가 30분(또는 24시간 이내 누적 45분) 중단되면 과학기술정보통신부 보고와 함께 시설을 임대한 집적정보통신시설 사업자에게 즉시 통지하고 incidents[].datacenterReport.lessorNotifiedAt에 기록하십시오.
#   frameworks:
#     - KR-NETACT
#   in_force:
#     - from: "2023-07-04"
#       parties: [idc-lessee]
#       label: law
#       citation: Network Act Art. 46(7); Decree Art. 41 2, 40(1)
#       citation_ko: 정보통신망 이용촉진 및 정보보호 등에 관한 법률 제46조제7항; 같은 법 시행령 제41조제2호, 제40조제1항
#       basis: 46(7) added by Act No. 19154 (2023-01-03) and Decree 41 by Decree No. 33612, in force 2023-07-04; no period for the notice in law (audit default)
package resilcheck.controls.dc_lessor_notice

import data.resilcheck.lib.incidents
import data.resilcheck.lib.inforce
import data.resilcheck.lib.scope
import data.resilcheck.lib.time

# in_force is this package's METADATA custom.in_force (a Go test holds them equal).
in_force := [{"from": "2023-07-04", "parties": ["idc-lessee"], "label": "law", "citation": "Network Act Art. 46(7); Decree Art. 41 2, 40(1)", "citation_ko": "정보통신망 이용촉진 및 정보보호 등에 관한 법률 제46조제7항; 같은 법 시행령 제41조제2호, 제40조제1항", "basis": "46(7) added by Act No. 19154 (2023-01-03) and Decree 41 by Decree No. 33612, in force 2023-07-04; no period for the notice in law (audit default)"}]

# Violations are only judged where the control applies, so a direct query of violations
# agrees with the engine's verdict. A bound lessee with no reportable interruption passes.
default applies := false

applies if inforce.binds(in_force, time.as_of)

reason := inforce.why_not(in_force, time.as_of)

# lessee_sites[id] is each exclusively leased site (ownership leased-exclusive) by its id.
lessee_sites[d.id] := d if some d in scope.lessee_sites

# groups holds, per leased site, the judged interruptions there that started while the duty
# bound the provider (time model rule 2); a leak interrupts nothing (incidents.interruption).
groups[dc] := g if {
	applies
	some dc, _ in lessee_sites
	g := [k |
		some k, inc in incidents.judged
		incidents.interruption(inc)
		dc in object.get(inc, "datacenters", [])
		inforce.binds(in_force, incidents.facts[k].start_date)
	]
	count(g) > 0
}

# candidates[k] are the ways interruption k became reportable (Decree 40(1)), each with its
# trigger instant, with the thresholds in force when it started.
candidates[k] contains {"rule": "continuous", "trigger_ns": t, "datacenter": dc, "limit_minutes": limit.value, "limit_basis": limit.basis} if {
	some dc, g in groups
	some k in g
	f := incidents.facts[k]
	limit := incidents.param("dc_report_min_continuous_minutes", f.start_ns)
	f.minutes >= limit.value
	t := f.start_ns + (limit.value * time.minute_ns)
}

limits := incidents.repeat_limits(groups, "dc_report_repeat_window_hours", "dc_report_repeat_count", "dc_report_repeat_total_minutes")

series[dc] := incidents.repeat_triggers(incidents.timeline(g), limits) if some dc, g in groups

candidates[k] contains {"rule": "repeated", "trigger_ns": r.trigger_ns, "datacenter": dc, "limit_minutes": limits[k][2], "limit_basis": basis, "series": r.series, "members": r.members} if {
	some dc, triggers in series
	some k, r in triggers
	basis := incidents.param("dc_report_repeat_total_minutes", incidents.facts[k].start_ns).basis
}

# reportable[k] is the earliest way k became reportable (continuous first on a tie).
reportable[k] := incidents.earliest_trigger(cs) if some k, cs in candidates

delay(k) := incidents.param("dc_lessor_notice_minutes", incidents.facts[k].start_ns)

due_ns[k] := c.trigger_ns + (delay(k).value * time.minute_ns) if some k, c in reportable

# delays[k] is the notice period applied to k, with its label and basis (read by lib/deadlines,
# which can reach a control's rules but not its functions).
delays[k] := delay(k) if some k, _ in reportable

# notice_recorded(inc) is the lessor notice incident inc records: where the rulebook puts it,
# under the report on the interruption, else at the top-level alias older manifests used (the
# validator rejects the two when they disagree, so taking the first loses nothing).
notice_recorded(inc) := t if {
	t := inc.datacenterReport.lessorNotifiedAt
} else := inc.lessorNotifiedAt

# notified_at[j] is when the lessor was told of incident j, if by the audit date.
notified_at[j] := t if {
	some j, inc in incidents.judged
	t := time.ns(notice_recorded(inc))
	t <= time.as_of_ns
}

# notice_times[k] are the notices that answer for k: its own, and for a series, notices on
# other members of the series given at or after the trigger.
notice_times[k] := {t | t := notified_at[k]} | {t |
	c.rule == "repeated"
	some j in c.members
	j != k
	t := notified_at[j]
	t >= c.trigger_ns
} if some k, c in reportable

rule_text(k, c) := {
	"en": sprintf("%d min continuous, at least %v min (Decree 40(1)1)", [round(incidents.facts[k].minutes), c.limit_minutes]),
	"ko": sprintf("연속 %d분 중단, 기준 %v분 이상(시행령 제40조제1항제1호)", [round(incidents.facts[k].minutes), c.limit_minutes]),
} if {
	c.rule == "continuous"
} else := {
	"en": sprintf("%d interruptions within %v h totalling %d min, at least %v min (Decree 40(1)2)", [c.series.count, hours, round(c.series.total_minutes), c.limit_minutes]),
	"ko": sprintf("%v시간 이내 %d회 중단, 합계 %d분, 기준 %v분 이상(시행령 제40조제1항제2호)", [hours, c.series.count, round(c.series.total_minutes), c.limit_minutes]),
} if {
	hours := incidents.param("dc_report_repeat_window_hours", incidents.facts[k].start_ns).value
}

evidence(k) := ev if {
	c := reportable[k]
	f := incidents.facts[k]
	base := {
		"incident": input.incidents[k].id,
		"datacenter": c.datacenter,
		"lessor": object.get(lessee_sites[c.datacenter], "operator", "not declared"),
		"rule": c.rule,
		"outage_minutes": f.minutes,
		"threshold_minutes": c.limit_minutes,
		"threshold_basis": c.limit_basis,
		"started_on": f.start_date,
		"reportable_at": incidents.kst_timestamp(c.trigger_ns),
		"due": incidents.kst_timestamp(due_ns[k]),
		"notice_minutes": delay(k).value,
		"notice_label": delay(k).label,
		"notice_basis": delay(k).basis,
	}
	ev := object.union_n([base, object.filter(c, {"series"}), incidents.window_anchor(c)])
}

violations contains {
	"msg": sprintf("the operator that leased site %s (%s) was not notified of interruption %s (%s; reportable at %s, notice due by %s: %v min, %s, no period in law; Network Decree 41 2)", [ev.datacenter, ev.lessor, ev.incident, why.en, ev.reportable_at, ev.due, ev.notice_minutes, ev.notice_label]),
	"msg_ko": sprintf("임차시설 %s의 서비스 중단 %s 시설을 임대한 집적정보통신시설 사업자(%s)에게 통지하지 않았습니다(%s, 보고 대상 시각 %s, 통지 기한 %s: %v분, %s, 법정 기한 없음, 시행령 제41조제2호).", [ev.datacenter, data.resilcheck.lib.text.josa(ev.incident, "를"), ev.lessor, why.ko, ev.reportable_at, ev.due, ev.notice_minutes, ev.notice_label]),
	"pointer": sprintf("/incidents/%d", [k]),
	"evidence": object.union(ev, {"as_of": time.as_of}),
} if {
	some k, c in reportable
	count(notice_times[k]) == 0
	time.as_of_ns > due_ns[k]
	ev := evidence(k)
	why := rule_text(k, c)
}

violations contains {
	"msg": sprintf("the operator that leased site %s (%s) was notified of interruption %s at %s, after the notice was due by %s (%v min, %s, no period in law; %s)", [ev.datacenter, ev.lessor, ev.incident, at, ev.due, ev.notice_minutes, ev.notice_label, why.en]),
	"msg_ko": sprintf("임차시설 %s의 서비스 중단 %s에 대한 임대 사업자(%s) 통지(%s)가 기한(%s, %v분, %s)보다 늦었습니다(%s).", [ev.datacenter, ev.incident, ev.lessor, at, ev.due, ev.notice_minutes, ev.notice_label, why.ko]),
	"pointer": late_pointer(k),
	"evidence": object.union(ev, {"notified_at": at, "late_minutes": (first - due_ns[k]) / time.minute_ns}),
} if {
	some k, c in reportable
	count(notice_times[k]) > 0
	first := min(notice_times[k])
	first > due_ns[k]
	ev := evidence(k)
	why := rule_text(k, c)
	at := incidents.kst_timestamp(first)
}

# late_pointer(k) points at the field k recorded its notice in, the one notice_recorded read.
late_pointer(k) := sprintf("/incidents/%d/datacenterReport/lessorNotifiedAt", [k]) if {
	input.incidents[k].datacenterReport.lessorNotifiedAt
} else := sprintf("/incidents/%d/lessorNotifiedAt", [k]) if {
	input.incidents[k].lessorNotifiedAt
} else := sprintf("/incidents/%d", [k])
