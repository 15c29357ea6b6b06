# METADATA
# title: Outage notices reach users through an individual or on-screen channel
# description: |
#   Outage notices go out by at least one of e-mail, text message, a notice on the website or
#   app screen, or SNS and similar individual electronic notice, or by the method agreed in
#   the contract when it was signed. Only when notice through telecom facilities is difficult
#   may the provider tell the press first, and it must then tell users by one of those methods
#   as soon as it can: a noticeable incident whose notices went to the press only is a
#   violation once the audit default un_notice_without_delay_minutes (not law) has passed since
#   the press notice. Notices by any other channel alone (phone, post) fail once the notice was
#   due. Incidents are judged by the rule in force on the day they started; incidents that
#   needed no notice (see un_notice) are not judged here.
# related_resources:
#   - https://www.law.go.kr/법령/전기통신사업법시행령
# scope: package
# custom:
#   id: KR-TBA-33-CHANNELS
#   severity: high
#   kind: law
#   regulation: TBA
#   title_ko: 이용자 고지 방법(전자우편·문자·접속화면·SNS)
#   description_ko: 서비스 중단 고지는 전자우편, 문자메시지, 홈페이지·앱 접속화면 게시, SNS 등 개별 전자고지 중 하나 이상의 방법 또는 계약 체결 시 미리 정한 방법으로 하여야 한다. 전기통신설비를 이용한 고지가 어려운 경우에만 언론사에 먼저 알릴 수 있으며, 이후 고지가 가능해지면 즉시 이용자에게 직접 고지하여야 한다. 장애는 발생 당일의 규정으로 판단한다.
#   citation:
#     law: Telecommunications Business Act
#     law_ko: 전기통신사업법
#     article: Art. 33(2)
#     decree: Enforcement Decree Art. 37-21(3)-(4)
#     in_force: "2019-06-25"
#     text: TBA Art. 33(2); Decree Art. 37-21(3)-(4) (formerly Art. 37-11 to 37-13 as then numbered, reported)
#     text_ko: 전기통신사업법 제33조제2항; 같은 법 시행령 제37조의21제3항 및 제4항(종전 제37조의11~제37조의13(당시 번호), 보도 기준)
#   remediation:
#     en: Notify users by e-mail, text message, a website or app screen notice, SNS, or the method agreed in the contract (declare contractAgreedMethod); if you had to go to the press first, follow up with a direct notice as soon as those channels work again, and record it under incidents[].userNotices.
#     ko: 전자우편, 문자메시지, 홈페이지·앱 접속화면 게시, SNS 또는 계약 시 정한 방법(contractAgreedMethod 신고)으로 이용자에게 고지하십시오. 언론사에 먼저 알린 경우에는 해당 방법이 복구되는 즉시 이용자에게 직접 고지하고 incidents[].userNotices에 기록하십시오.
#   frameworks:
#     - KR-TBA
#   in_force:
#     - from: "2019-06-25"
#       until: "2025-03-28"
#       parties: [notice]
#       label: reported
#       citation: TBA Art. 33(2); Decree Art. 37-11 to 37-13 (as then numbered; reported)
#       citation_ko: 전기통신사업법 제33조제2항; 같은 법 시행령 제37조의11~제37조의13(당시 조문 번호, 보도 기준)
#       basis: "wording before Decree No. 35406 not in the statute texts (reported); the current methods are applied"
#     - from: "2025-03-28"
#       parties: [notice]
#       label: law
#       citation: TBA Art. 33(2); Decree Art. 37-21(3)-(4)
#       citation_ko: 전기통신사업법 제33조제2항; 같은 법 시행령 제37조의21제3항 및 제4항
#       basis: "Decree No. 35406 (2025-03-28): 37-21(3) as amended; 37-21(4) contract-agreed method"
package resilcheck.controls.un_channels

import data.resilcheck.lib.incidents
import data.resilcheck.lib.inforce
import data.resilcheck.lib.scope
import data.resilcheck.lib.time

# in_force is this package's METADATA custom.in_force (a Go test holds them equal).
in_force := [
	{"from": "2019-06-25", "until": "2025-03-28", "parties": ["notice"], "label": "reported", "citation": "TBA Art. 33(2); Decree Art. 37-11 to 37-13 (as then numbered; reported)", "citation_ko": "전기통신사업법 제33조제2항; 같은 법 시행령 제37조의11~제37조의13(당시 조문 번호, 보도 기준)", "basis": "wording before Decree No. 35406 not in the statute texts (reported); the current methods are applied"},
	{"from": "2025-03-28", "parties": ["notice"], "label": "law", "citation": "TBA Art. 33(2); Decree Art. 37-21(3)-(4)", "citation_ko": "전기통신사업법 제33조제2항; 같은 법 시행령 제37조의21제3항 및 제4항", "basis": "Decree No. 35406 (2025-03-28): 37-21(3) as amended; 37-21(4) contract-agreed method"},
]

# Violations are only judged where the control applies, so a direct query of violations
# agrees with the engine's verdict.
default applies := false

applies if inforce.binds(in_force, time.as_of)

reason := inforce.why_not(in_force, time.as_of)

# bound_dates are the days incidents started on when the duty bound the provider.
bound_dates := {d | some d in incidents.start_dates; inforce.binds(in_force, d)}

rule_note(d) := {"en": " [rule in force then as reported, not in the statute texts]", "ko": " [당시 규정은 보도 기준이며 법령 원문에 없음]"} if {
	inforce.citation_on(in_force, d).label == "reported"
} else := {"en": "", "ko": ""}

# A verdict on an incident that spans the 2025-03-28 cut-over carries that reading's label
# (lib.incidents.cutover_evidence).

# unreached[i] is each noticeable incident with notices, none of which reached users by a
# method of 37-21(3) 1-4 or the contract's (37-21(4)).
unreached[i] := f if {
	applies
	some i, _ in incidents.un
	f := incidents.facts[i]
	f.start_date in bound_dates
	count(f.notices) > 0
	not incidents.user_notified(f.notices)
}

violations contains {
	"msg": sprintf("incident %s was announced through the press only (first at %s); users were never told directly by e-mail, SMS, web, app or SNS, due within %v minutes%s", [inc.id, incidents.kst_timestamp(press), delay.value, note.en]),
	"msg_ko": sprintf("장애 %s 언론사를 통해서만 알렸고(최초 %s), 전자우편·문자·홈페이지·앱·SNS로 이용자에게 직접 고지하지 않았습니다(%v분 이내).%s", [data.resilcheck.lib.text.josa(inc.id, "는"), incidents.kst_timestamp(press), delay.value, note.ko]),
	"pointer": sprintf("/incidents/%d/userNotices", [i]),
	"evidence": object.union(incidents.cutover_evidence(i), {
		"incident": inc.id,
		"press_notice_at": incidents.kst_timestamp(press),
		"user_channels": sort(incidents.user_channels),
		"follow_up_due": incidents.kst_timestamp(due),
		"without_delay_minutes": delay.value,
		"without_delay_label": delay.label,
		"rule": inforce.citation_on(in_force, f.start_date),
		"as_of": time.as_of,
	}),
} if {
	some i, f in unreached
	press := min(incidents.press_notice_times(f.notices))
	delay := incidents.param("un_notice_without_delay_minutes", f.start_ns)
	inc := input.incidents[i]
	due := press + (delay.value * time.minute_ns)
	time.as_of_ns > due
	note := rule_note(f.start_date)
}

violations contains {
	"msg": sprintf("incident %s was announced only by %s, none of e-mail, SMS, web or app screen notice, SNS or a contract-agreed method; users had to be told by %s%s", [inc.id, concat(", ", used), incidents.kst_timestamp(due), note.en]),
	"msg_ko": sprintf("장애 %s %s만 알렸고, 전자우편·문자·홈페이지·앱 접속화면·SNS 또는 계약 시 정한 방법으로 고지하지 않았습니다(기한 %s).%s", [data.resilcheck.lib.text.josa(inc.id, "는"), data.resilcheck.lib.text.josa(concat(", ", used), "로"), incidents.kst_timestamp(due), note.ko]),
	"pointer": sprintf("/incidents/%d/userNotices", [i]),
	"evidence": object.union(incidents.cutover_evidence(i), {
		"incident": inc.id,
		"channels": used,
		"user_channels": sort(incidents.user_channels),
		"notice_due": incidents.kst_timestamp(due),
		"without_delay_minutes": delay.value,
		"without_delay_label": delay.label,
		"rule": inforce.citation_on(in_force, f.start_date),
		"as_of": time.as_of,
	}),
} if {
	some i, f in unreached
	count(incidents.press_notice_times(f.notices)) == 0
	delay := incidents.param("un_notice_without_delay_minutes", f.start_ns)
	due := incidents.un[i].trigger_ns + (delay.value * time.minute_ns)
	time.as_of_ns > due
	inc := input.incidents[i]
	used := sort({c | some n in f.notices; some c in n.channels})
	note := rule_note(f.start_date)
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
