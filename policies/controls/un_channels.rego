# METADATA
# title: Outage notices reach users through an individual or on-screen channel
# description: |
#   Outage and damages notices go out by at least one of e-mail, text message, a notice on the
#   website or app screen, or SNS and similar individual electronic notice. Only when none of
#   these works may the provider tell the press first, and it must then tell users through one
#   of them as soon as it can. A noticeable incident whose notices went to the press only is a
#   violation once the audit default un_notice_without_delay_minutes (not law) has passed since
#   the press notice. Incidents that needed no notice (see un_notice) are not judged here.
# related_resources:
#   - https://www.law.go.kr/법령/전기통신사업법시행령
# scope: package
# custom:
#   id: KR-TBA-33-CHANNELS
#   severity: high
#   kind: law
#   regulation: TBA
#   title_ko: 이용자 고지 방법(전자우편·문자·접속화면·SNS)
#   description_ko: 서비스 중단 고지는 전자우편, 문자메시지, 홈페이지·앱 접속화면 게시, SNS 등 개별 전자고지 중 하나 이상의 방법으로 하여야 한다. 이러한 방법으로 고지하기 어려운 경우에만 언론사에 먼저 알릴 수 있으며, 이후 고지가 가능해지면 즉시 이용자에게 직접 고지하여야 한다.
#   citation:
#     law: Telecommunications Business Act
#     law_ko: 전기통신사업법
#     article: Art. 33(2)
#     decree: Enforcement Decree Art. 37-21(3)
#     in_force: "2025-03-28"
#     text: TBA Art. 33(2); Decree Art. 37-21(3) (formerly Art. 37-11, 37-12, 37-13)
#     text_ko: 전기통신사업법 제33조제2항; 같은 법 시행령 제37조의21제3항(종전 제37조의11부터 제37조의13까지)
#   remediation:
#     en: Notify users by e-mail, text message, a website or app screen notice, or SNS; if you had to go to the press first, follow up with a direct notice as soon as those channels work again, and record it under incidents[].userNotices.
#     ko: 전자우편, 문자메시지, 홈페이지·앱 접속화면 게시 또는 SNS로 이용자에게 고지하십시오. 언론사에 먼저 알린 경우에는 해당 방법이 복구되는 즉시 이용자에게 직접 고지하고 incidents[].userNotices에 기록하십시오.
#   frameworks:
#     - KR-TBA
package resilcheck.controls.un_channels

import data.resilcheck.lib.incidents
import data.resilcheck.lib.scope
import data.resilcheck.lib.time

default applies := false

applies if scope.notice

violations contains {
	"msg": sprintf("incident %s was announced through the press only (first at %s); users were never told directly by e-mail, SMS, web, app or SNS", [inc.id, incidents.kst_timestamp(press)]),
	"msg_ko": sprintf("장애 %s는 언론사를 통해서만 알렸고(최초 %s), 전자우편·문자·홈페이지·앱·SNS로 이용자에게 직접 고지하지 않았습니다.", [inc.id, incidents.kst_timestamp(press)]),
	"pointer": sprintf("/incidents/%d/userNotices", [i]),
	"evidence": {
		"incident": inc.id,
		"press_notice_at": incidents.kst_timestamp(press),
		"user_channels": sort(incidents.user_channels),
		"follow_up_due": incidents.kst_timestamp(due),
		"without_delay_minutes": delay.value,
		"without_delay_label": delay.label,
		"as_of": time.as_of,
	},
} if {
	some i, _ in incidents.un
	f := incidents.facts[i]
	count(f.notices) > 0
	not incidents.user_notified(f.notices)
	press := min(incidents.press_notice_times(f.notices))
	delay := incidents.param("un_notice_without_delay_minutes", f.start_ns)
	inc := input.incidents[i]
	due := press + (delay.value * time.minute_ns)
	time.as_of_ns > due
}
