# METADATA
# title: Users of paid services told how to claim damages within 30 days of restoration
# description: |
#   Within the un_damages_notice_days parameter (30 days) of the day service resumed, a
#   provider tells the users of an interrupted paid service who may claim damages, the
#   criteria, and the procedure and method, by e-mail, text message, a website or app screen
#   notice, or SNS. Exempt only: items 1-3 and 5 of the outage-notice exemptions (an
#   interruption inside the announced maintenance window, a carrier's line fault behind a
#   value-added service, a value-added service below the revenue or user floor, a short
#   unforeseen overload, equipment, network or software outage outside a critical facility)
#   and services with no monthly or periodic fee. Cloud services are not exempt here: a paid
#   cloud service under the item-3 test owes the damages notice. An incident is judged by the
#   rule in force on the day it started. Days are Korean calendar days counted from the day
#   after restoration (the last day ends 24:00 KST). An ongoing incident, or one whose days
#   have not run out on the audit date, is not judged yet for a missing notice.
# related_resources:
#   - https://www.law.go.kr/법령/전기통신사업법시행령
# scope: package
# custom:
#   id: KR-TBA-33-DAMAGES
#   severity: medium
#   kind: law
#   regulation: TBA
#   title_ko: 손해배상 청구 안내(복구 후 30일 이내)
#   description_ko: 유료 서비스의 제공이 중단된 경우 서비스가 재개되거나 장애 원인이 해소된 날부터 30일(un_damages_notice_days) 이내에 손해배상의 청구권자, 기준, 절차 및 방법을 전자우편, 문자메시지, 홈페이지·앱 접속화면 게시 또는 SNS로 이용자에게 알려야 한다. 제외는 고지 의무 제외 사유 제1호부터 제3호까지 및 제5호와 매월 또는 일정시기에 결제하는 이용요금이 없는 서비스뿐이며, 클라우드컴퓨팅서비스(제6호)는 제외되지 않는다. 장애는 발생 당일의 규정으로 판단한다.
#   citation:
#     law: Telecommunications Business Act
#     law_ko: 전기통신사업법
#     article: Art. 33(2)
#     decree: Enforcement Decree Art. 37-21(2)
#     in_force: "2019-06-25"
#     text: TBA Art. 33(2); Decree Art. 37-21(2) (formerly Art. 37-11 to 37-13 as then numbered, reported)
#     text_ko: 전기통신사업법 제33조제2항; 같은 법 시행령 제37조의21제2항(종전 제37조의11~제37조의13(당시 번호), 보도 기준)
#   remediation:
#     en: Within the limit after restoration, tell the users of every affected paid service (cloud services included) who may claim damages, the criteria and the procedure, by e-mail, SMS, a web or app screen notice, SNS or the method agreed in the contract (declare contractAgreedMethod), and record it under incidents[].damagesNotice with at, contents and channels.
#     ko: 복구일부터 기한 이내에 영향을 받은 유료 서비스(클라우드컴퓨팅서비스 포함) 이용자에게 손해배상 청구권자, 기준, 절차 및 방법을 전자우편, 문자메시지, 홈페이지·앱 접속화면 게시, SNS 또는 계약 시 정한 방법(contractAgreedMethod 신고)으로 알리고 incidents[].damagesNotice에 일시, 내용, 방법을 기록하십시오.
#   frameworks:
#     - KR-TBA
#   in_force:
#     - from: "2019-06-25"
#       until: "2025-03-28"
#       label: reported
#       citation: TBA Art. 33(2); Decree Art. 37-11 to 37-13 (as then numbered; reported)
#       citation_ko: 전기통신사업법 제33조제2항; 같은 법 시행령 제37조의11~제37조의13(당시 조문 번호, 보도 기준)
#       basis: "wording before Decree No. 35406 not in the statute texts (reported: free services exempt, 30 days); the current exemptions are applied otherwise"
#     - from: "2025-03-28"
#       label: law
#       citation: TBA Art. 33(2); Decree Art. 37-21(2)
#       citation_ko: 전기통신사업법 제33조제2항; 같은 법 시행령 제37조의21제2항
#       basis: "Decree No. 35406 (2025-03-28): exempt only items 1-3 and 5 of 37-21(1) and services without a monthly or periodic fee; binds a telecom provider with a service under the item-3 test, cloud services included (item 6 is not an exemption here)"
package resilcheck.controls.un_damages

import data.resilcheck.lib.incidents
import data.resilcheck.lib.inforce
import data.resilcheck.lib.scope
import data.resilcheck.lib.time

# in_force is this package's METADATA custom.in_force (a Go test holds them equal). Its
# periods name no party: the duty reaches cloud services, which the notice party (lib.scope
# "notice") leaves out, so the control sizes the services itself (damages_bound).
in_force := [
	{"from": "2019-06-25", "until": "2025-03-28", "label": "reported", "citation": "TBA Art. 33(2); Decree Art. 37-11 to 37-13 (as then numbered; reported)", "citation_ko": "전기통신사업법 제33조제2항; 같은 법 시행령 제37조의11~제37조의13(당시 조문 번호, 보도 기준)", "basis": "wording before Decree No. 35406 not in the statute texts (reported: free services exempt, 30 days); the current exemptions are applied otherwise"},
	{"from": "2025-03-28", "label": "law", "citation": "TBA Art. 33(2); Decree Art. 37-21(2)", "citation_ko": "전기통신사업법 제33조제2항; 같은 법 시행령 제37조의21제2항", "basis": "Decree No. 35406 (2025-03-28): exempt only items 1-3 and 5 of 37-21(1) and services without a monthly or periodic fee; binds a telecom provider with a service under the item-3 test, cloud services included (item 6 is not an exemption here)"},
]

# Violations are only judged where the control applies, so a direct query of violations
# agrees with the engine's verdict.
default applies := false

applies if {
	inforce.binds(in_force, time.as_of)
	damages_bound(time.as_of)
}

reason := inforce.why_not(in_force, time.as_of) if {
	not inforce.binds(in_force, time.as_of)
} else := no_service_reason(time.as_of) if {
	not damages_bound(time.as_of)
}

services := object.get(input, "services", [])

# damages_bound(d): on date d some declared service is under the damages notice: a service
# under the notice duty, or a cloud service passing the same item-3 test.
damages_bound(d) if count(scope.notice_services(d)) > 0

damages_bound(d) if {
	some s in services
	s.cloud == true
	scope.service_noticeable(s, d)
}

title := {"en": "telecom provider with a service under the damages notice (TBA 33(2); Decree 37-21(2))", "ko": "손해배상 안내 대상 서비스가 있는 전기통신사업자(전기통신사업법 제33조제2항, 시행령 제37조의21제2항)"}

no_service_reason(d) := {"en": sprintf("%s: %s", [title.en, concat("; ", sort([r.en | some r in rs]))]), "ko": sprintf("%s: %s", [title.ko, concat("; ", sort([r.ko | some r in rs]))])} if {
	rs := {r | some s in services; r := scope.service_notice_reason(s, d)}
	count(rs) > 0
} else := {"en": sprintf("%s: no service declared", [title.en]), "ko": sprintf("%s: 신고된 서비스 없음", [title.ko])}

# bound_dates are the days incidents started on when the duty bound the provider.
bound_dates := {d | some d in incidents.start_dates; inforce.binds(in_force, d); damages_bound(d)}

required_contents := ["claimants", "criteria", "procedure"]

contents_text := {
	"claimants": {"en": "who may claim damages", "ko": "손해배상의 청구권자"},
	"criteria": {"en": "the criteria for damages", "ko": "손해배상의 기준"},
	"procedure": {"en": "the procedure and method of claiming", "ko": "손해배상의 절차 및 방법"},
}

# due[i] is the last Korean date for the damages notice of a restored incident that hit a
# paid service under the duty: the limit counts from the day after restoration.
due[i] := {"date": time.add_days(restored_on, limit.value), "restored_on": restored_on, "limit": limit, "paid": u.services} if {
	applies
	some i, u in incidents.ud
	f := incidents.facts[i]
	f.start_date in bound_dates
	f.restored
	restored_on := time.kst_date_string(f.end_ns)
	limit := incidents.param("un_damages_notice_days", f.start_ns)
}

rule_note(d) := {"en": " [rule in force then as reported, not in the statute texts]", "ko": " [당시 규정은 보도 기준이며 법령 원문에 없음]"} if {
	inforce.citation_on(in_force, d).label == "reported"
} else := {"en": "", "ko": ""}

# A verdict on an incident that spans the 2025-03-28 cut-over carries that reading's label.
evidence(i, inc, d) := object.union(base_evidence(i, inc, d), incidents.cutover_evidence(i))

base_evidence(i, inc, d) := {
	"incident": inc.id,
	"paid_services": d.paid,
	"exempt_services": {id: why.en | some id, why in incidents.damages_exempt_services(i)},
	"exempt_services_ko": incidents.exempt_text_ko(incidents.damages_exempt_services(i)),
	"restored_at": inc.restoredAt,
	"restored_on": d.restored_on,
	"due": d.date,
	"limit_days": d.limit.value,
	"limit_basis": d.limit.basis,
	"limit_label": d.limit.label,
	"rule": inforce.citation_on(in_force, incidents.facts[i].start_date),
}

violations contains {
	"msg": sprintf("no damages notice for incident %s: paid services %s were restored on %s and users had to be told how to claim damages by %s (%d days)%s", [inc.id, concat(", ", d.paid), d.restored_on, d.date, d.limit.value, note.en]),
	"msg_ko": sprintf("장애 %s에 대한 손해배상 안내가 없습니다. 유료 서비스(%s)가 %s에 복구되었으므로 %s까지(%d일) 안내해야 했습니다.%s", [inc.id, concat(", ", d.paid), d.restored_on, d.date, d.limit.value, note.ko]),
	"pointer": sprintf("/incidents/%d", [i]),
	"key": "damages-notice",
	"evidence": object.union(evidence(i, inc, d), {"as_of": time.as_of}),
} if {
	some i, d in due
	inc := input.incidents[i]
	not inc.damagesNotice
	time.as_of_ns > time.day_end_ns(d.date)
	note := rule_note(incidents.facts[i].start_date)
}

violations contains {
	"msg": sprintf("the damages notice for incident %s came on %s, %d days after restoration on %s (limit %d days)%s", [inc.id, given_on, days, d.restored_on, d.limit.value, note.en]),
	"msg_ko": sprintf("장애 %s의 손해배상 안내가 복구일(%s)부터 %d일 뒤인 %s에 이루어졌습니다(기한 %d일).%s", [inc.id, d.restored_on, days, given_on, d.limit.value, note.ko]),
	"pointer": sprintf("/incidents/%d/damagesNotice/at", [i]),
	"key": "damages-notice:late",
	"evidence": object.union(evidence(i, inc, d), {"given_on": given_on, "days": days}),
} if {
	some i, d in due
	inc := input.incidents[i]
	given_on := time.kst_date_string(time.ns(inc.damagesNotice.at))

	# Dates in this form order as strings do: later than the due date is more days after
	# restoration than the limit, and the days are counted only for a late notice.
	given_on > d.date
	days := time.days_between(d.restored_on, given_on)
	note := rule_note(incidents.facts[i].start_date)
}

# Decree Art. 37-21(2) 1-3: each item the declared contents leave out is its own finding.
violations contains {
	"msg": sprintf("the damages notice for incident %s does not tell users %s (%s)%s", [inc.id, contents_text[c].en, c, note.en]),
	"msg_ko": sprintf("장애 %s의 손해배상 안내에 %s(%s)%s 빠졌습니다.%s", [inc.id, contents_text[c].ko, c, substring(data.resilcheck.lib.text.josa(contents_text[c].ko, "가"), count(contents_text[c].ko), -1), note.ko]),
	"pointer": sprintf("/incidents/%d/damagesNotice/contents", [i]),
	"key": sprintf("contents:%s", [c]),
	"evidence": object.union(evidence(i, inc, d), {"missing_content": c, "declared_contents": declared, "required_contents": required_contents}),
} if {
	some i, d in due
	inc := input.incidents[i]
	time.ns(inc.damagesNotice.at) <= time.as_of_ns
	declared := inc.damagesNotice.contents
	some c in required_contents
	not c in declared
	note := rule_note(incidents.facts[i].start_date)
}

# Decree Art. 37-21(3): the damages notice goes out by e-mail, SMS, a web or app screen
# notice, or SNS, or (37-21(4)) by a method agreed in the contract at signing; the press
# fallback of the proviso covers only the fact of an interruption.
violations contains {
	"msg": sprintf("the damages notice for incident %s went out only by %s, none of e-mail, SMS, web or app screen notice, or SNS, nor a method agreed in the contract%s", [inc.id, concat(", ", channels), note.en]),
	"msg_ko": sprintf("장애 %s의 손해배상 안내를 %s만 했습니다. 전자우편·문자·홈페이지·앱 접속화면·SNS나 계약 시 정한 방법 중 어느 것도 쓰지 않았습니다.%s", [inc.id, data.resilcheck.lib.text.josa(concat(", ", channels), "로"), note.ko]),
	"pointer": sprintf("/incidents/%d/damagesNotice/channels", [i]),
	"key": "channels",
	"evidence": object.union(evidence(i, inc, d), {"channels": channels, "user_channels": sort(incidents.user_channels)}),
} if {
	some i, d in due
	inc := input.incidents[i]
	time.ns(inc.damagesNotice.at) <= time.as_of_ns
	channels := inc.damagesNotice.channels
	count({c | some c in channels; c in incidents.user_channels}) == 0
	not inc.damagesNotice.contractAgreedMethod == true
	note := rule_note(incidents.facts[i].start_date)
}

# Incidents that started before the duty bound the provider are noted beside the verdict.
notes contains n if {
	applies
	some n in incidents.unbound_notes(in_force)
}

# Services sized from a stand-in users window are noted beside the verdict.
notes contains n if {
	applies
	some n in scope.service_window_notes(time.as_of)
}
