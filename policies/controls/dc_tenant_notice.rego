# METADATA
# title: Colocation operators tell a suspended tenant at once and resume at once when the reason ends
# description: |
#   A colocation datacenter operator (any size) that suspends all or part of a tenant's
#   service under its terms of use (an anomaly in the tenant's systems threatening others,
#   an external intrusion threatening the facility, or a request by MSIT or KISA after a
#   serious intrusion) tells the tenant immediately the reason, the date and time, the
#   duration and the details of the suspension, and resumes the service immediately once the
#   reason has gone. "Immediately" is judged against the audit default
#   dc_tenant_notice_minutes (not law): the notice counted from the start of the suspension
#   (an advance notice counts), the resumption from when the reason ended. Each suspension is
#   judged by the law in force, and only if the operator was bound, when its incident
#   started. The duty binds throughout: 46-2(2)-(3) carry no amendment marker (46-2(1) carries
#   markers from 2009 on; a 2008 amendment to it shows only in an addendum).
# related_resources:
#   - https://www.law.go.kr/법령/정보통신망이용촉진및정보보호등에관한법률
# scope: package
# custom:
#   id: KR-NETACT-46-2-TENANT-NOTICE
#   severity: medium
#   kind: law
#   regulation: Network Act
#   title_ko: 집적정보통신시설 사업자의 서비스 중단 시 시설이용자 즉시 통지 및 즉시 재개
#   description_ko: 집적정보통신시설 사업자(규모 무관)는 이용약관에 따라 시설이용자의 서비스 제공을 중단하는 경우 중단사유, 발생일시, 기간 및 내용 등을 구체적으로 밝혀 시설이용자에게 즉시 알려야 하고, 중단사유가 없어지면 즉시 서비스 제공을 재개하여야 한다. '즉시'는 감사 기본값(법정 기준 아님)으로 통지는 중단 시각부터, 재개는 중단사유가 없어진 시각부터 판단하며, 각 중단은 해당 사고 시작 시점의 법령과 적용 대상 여부로 판단한다. 제46조의2제2항·제3항에는 개정 표시가 없어(제1항에는 2009년부터 개정 표시가 있고, 2008년 개정은 부칙에서만 확인됨) 이 의무는 시기와 관계없이 적용된다.
#   citation:
#     law: Act on Promotion of Information and Communications Network Utilization and Information Protection
#     law_ko: 정보통신망 이용촉진 및 정보보호 등에 관한 법률
#     article: Art. 46-2(2)-(3)
#     text: Network Act Art. 46-2(2)-(3)
#     text_ko: 정보통신망 이용촉진 및 정보보호 등에 관한 법률 제46조의2제2항 및 제3항
#   remediation:
#     en: When you suspend a tenant's service, tell the tenant at once the reason, date and time, duration and details, resume as soon as the reason has gone, and record each suspension under incidents[].tenantSuspensions (at, notifiedAt, contents, reasonEndedAt, resumedAt).
#     ko: 시설이용자의 서비스를 중단하면 즉시 중단사유, 발생일시, 기간 및 내용을 알리고 중단사유가 없어지면 즉시 재개하며, 각 중단을 incidents[].tenantSuspensions(at, notifiedAt, contents, reasonEndedAt, resumedAt)에 기록하십시오.
#   frameworks:
#     - KR-NETACT
#   in_force:
#     - parties: [colo]
#       label: law
#       citation: Network Act Art. 46-2(2)-(3)
#       citation_ko: 정보통신망 이용촉진 및 정보보호 등에 관한 법률 제46조의2제2항 및 제3항
#       basis: in force throughout (46-2(2)-(3) carry no amendment marker); 46-2(1) amended by Act No. 8867 (2008-02-29), Act No. 9637 (2009-04-22, in force 2009-07-23), in 2013 and in 2017
package resilcheck.controls.dc_tenant_notice

import data.resilcheck.lib.governance
import data.resilcheck.lib.incidents
import data.resilcheck.lib.inforce
import data.resilcheck.lib.time

# in_force is this package's METADATA custom.in_force (a Go test holds them equal).
in_force := [{"parties": ["colo"], "label": "law", "citation": "Network Act Art. 46-2(2)-(3)", "citation_ko": "정보통신망 이용촉진 및 정보보호 등에 관한 법률 제46조의2제2항 및 제3항", "basis": "in force throughout (46-2(2)-(3) carry no amendment marker); 46-2(1) amended by Act No. 8867 (2008-02-29), Act No. 9637 (2009-04-22, in force 2009-07-23), in 2013 and in 2017"}]

# Violations are only judged where the control applies, so a direct query of violations
# agrees with the engine's verdict. A bound operator that suspended no tenant passes.
default applies := false

applies if inforce.binds(in_force, time.as_of)

reason := inforce.why_not(in_force, time.as_of)

# suspensions holds each suspension that began by the audit date, of an incident that started
# while the duty bound the operator (time model rule 2), with its notice deadline from the
# "immediately" default in force when the incident started.
suspensions contains {"i": i, "j": j, "at_ns": at, "due_ns": at + (n.value * time.minute_ns), "minutes": n} if {
	applies
	some i, f in incidents.facts
	inforce.binds(in_force, f.start_date)
	some j, s in object.get(input.incidents[i], "tenantSuspensions", [])
	at := time.ns(s.at)
	at <= time.as_of_ns
	n := incidents.param("dc_tenant_notice_minutes", f.start_ns)
}

# happened(ts) is the instant of ts if it is not after the audit date (later records are a
# future the audit must not see).
happened(ts) := t if {
	t := time.ns(ts)
	t <= time.as_of_ns
}

# notified_ns(x), resumed_ns(x): when the tenant of suspension x was told, and when its service
# resumed, if by the audit date (functions of x, so a negation of them is safe when the field
# is absent).
notified_ns(x) := happened(input.incidents[x.i].tenantSuspensions[x.j].notifiedAt)

resumed_ns(x) := happened(input.incidents[x.i].tenantSuspensions[x.j].resumedAt)

# notified[x], resumed[x] and resume_due[x] are, per suspension, what the functions here give
# (read by lib/deadlines, which can reach a control's rules but not its functions).
notified[x] := notified_ns(x) if some x in suspensions

resumed[x] := resumed_ns(x) if some x in suspensions

resume_due[x] := resumption(x) if some x in suspensions

ptr(x, field) := governance.nearest_pointer(["incidents", x.i, "tenantSuspensions", x.j, field])

evidence(x) := {
	"incident": input.incidents[x.i].id,
	"tenant": s.tenant,
	"ground": object.get(s, "ground", "not declared"),
	"suspended_at": incidents.kst_timestamp(x.at_ns),
	"notice_due": incidents.kst_timestamp(x.due_ns),
	"immediately_minutes": x.minutes.value,
	"immediately_label": x.minutes.label,
	"immediately_basis": x.minutes.basis,
	"started_on": incidents.facts[x.i].start_date,
} if {
	s := input.incidents[x.i].tenantSuspensions[x.j]
}

violations contains {
	"msg": sprintf("tenant %s was not told of the suspension of its service at %s (incident %s); it had to be told immediately, by %s (%v min: %s, not a number in law; Network Act 46-2(2))", [ev.tenant, ev.suspended_at, ev.incident, ev.notice_due, ev.immediately_minutes, ev.immediately_label]),
	"msg_ko": sprintf("시설이용자 %s에게 %s의 서비스 중단(사고 %s)을 알리지 않았습니다. 즉시, 즉 %s까지 알려야 했습니다(%v분: %s, 법정 기준 아님, 정보통신망법 제46조의2제2항).", [ev.tenant, ev.suspended_at, ev.incident, ev.notice_due, ev.immediately_minutes, ev.immediately_label]),
	"pointer": ptr(x, "notifiedAt"),
	"key": "notice",
	"evidence": object.union(ev, {"as_of": time.as_of}),
} if {
	some x in suspensions
	not notified_ns(x)
	time.as_of_ns > x.due_ns
	ev := evidence(x)
}

violations contains {
	"msg": sprintf("tenant %s was told of the suspension at %s only at %s, after it was due immediately, by %s (%v min: %s, not a number in law; Network Act 46-2(2))", [ev.tenant, ev.suspended_at, at, ev.notice_due, ev.immediately_minutes, ev.immediately_label]),
	"msg_ko": sprintf("시설이용자 %s에 대한 %s 서비스 중단 통지(%s)가 기한(%s, %v분: %s)보다 늦었습니다(정보통신망법 제46조의2제2항).", [ev.tenant, ev.suspended_at, at, ev.notice_due, ev.immediately_minutes, ev.immediately_label]),
	"pointer": sprintf("/incidents/%d/tenantSuspensions/%d/notifiedAt", [x.i, x.j]),
	"key": "notice:late",
	"evidence": object.union(ev, {"notified_at": at, "late_minutes": (t - x.due_ns) / time.minute_ns}),
} if {
	some x in suspensions
	t := notified_ns(x)
	t > x.due_ns
	ev := evidence(x)
	at := incidents.kst_timestamp(t)
}

# 46-2(2): "중단사유, 발생일시, 기간 및 내용 등을 구체적으로 밝혀".
contents := {
	"reason": {"en": "the reason", "ko": "중단사유"},
	"datetime": {"en": "the date and time", "ko": "발생일시"},
	"duration": {"en": "the duration", "ko": "기간"},
	"details": {"en": "the details", "ko": "내용"},
}

violations contains {
	"msg": sprintf("the notice to tenant %s of the suspension at %s did not state %s (Network Act 46-2(2))", [ev.tenant, ev.suspended_at, contents[c].en]),
	"msg_ko": sprintf("시설이용자 %s에 대한 %s 서비스 중단 통지에 %s 빠졌습니다(정보통신망법 제46조의2제2항).", [ev.tenant, ev.suspended_at, data.resilcheck.lib.text.josa(contents[c].ko, "가")]),
	"pointer": ptr(x, "contents"),
	"key": sprintf("contents:%s", [c]),
	"evidence": object.union(ev, {"missing_content": c, "required_contents": sort(object.keys(contents))}),
} if {
	some x in suspensions
	s := input.incidents[x.i].tenantSuspensions[x.j]
	notified_ns(x)
	said := {y | some y in object.get(s, "contents", [])}
	some c, _ in contents
	not c in said
	ev := evidence(x)
}

# 46-2(3): resumed immediately once the reason has gone (judged once reasonEndedAt is
# declared and has happened).
resumption(x) := {"ended_ns": e, "due_ns": e + (x.minutes.value * time.minute_ns)} if {
	e := happened(input.incidents[x.i].tenantSuspensions[x.j].reasonEndedAt)
}

violations contains {
	"msg": sprintf("the service of tenant %s was not resumed after the reason for its suspension ended at %s; it had to resume immediately, by %s (%v min: %s, not a number in law; Network Act 46-2(3))", [ev.tenant, ended, due, ev.immediately_minutes, ev.immediately_label]),
	"msg_ko": sprintf("시설이용자 %s의 서비스를 중단사유가 없어진 %s 이후 재개하지 않았습니다. 즉시, 즉 %s까지 재개해야 했습니다(%v분: %s, 법정 기준 아님, 정보통신망법 제46조의2제3항).", [ev.tenant, ended, due, ev.immediately_minutes, ev.immediately_label]),
	"pointer": ptr(x, "resumedAt"),
	"key": "resumption",
	"evidence": object.union(ev, {"reason_ended_at": ended, "resume_due": due, "as_of": time.as_of}),
} if {
	some x in suspensions
	r := resumption(x)
	not resumed_ns(x)
	time.as_of_ns > r.due_ns
	ev := evidence(x)
	ended := incidents.kst_timestamp(r.ended_ns)
	due := incidents.kst_timestamp(r.due_ns)
}

violations contains {
	"msg": sprintf("the service of tenant %s was resumed at %s, after the reason ended at %s: it had to resume immediately, by %s (%v min: %s, not a number in law; Network Act 46-2(3))", [ev.tenant, at, ended, due, ev.immediately_minutes, ev.immediately_label]),
	"msg_ko": sprintf("시설이용자 %s의 서비스를 중단사유가 없어진 %s 이후 %s에 재개하여 기한(%s, %v분: %s)보다 늦었습니다(정보통신망법 제46조의2제3항).", [ev.tenant, ended, at, due, ev.immediately_minutes, ev.immediately_label]),
	"pointer": sprintf("/incidents/%d/tenantSuspensions/%d/resumedAt", [x.i, x.j]),
	"key": "resumption:late",
	"evidence": object.union(ev, {"reason_ended_at": ended, "resume_due": due, "resumed_at": at, "late_minutes": (t - r.due_ns) / time.minute_ns}),
} if {
	some x in suspensions
	r := resumption(x)
	t := resumed_ns(x)
	t > r.due_ns
	ev := evidence(x)
	ended := incidents.kst_timestamp(r.ended_ns)
	due := incidents.kst_timestamp(r.due_ns)
	at := incidents.kst_timestamp(t)
}
