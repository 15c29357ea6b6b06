# METADATA
# title: Users of paid services told how to claim damages within 30 days of restoration
# description: |
#   Within 30 days of the day service resumed, a provider tells the users of a paid service
#   who may claim damages, the criteria and the procedure. Free services (no monthly or
#   periodic fee) are exempt, and so are the incidents exempt from the outage notice
#   (pre-announced maintenance, carrier line fault, a short unforeseen outage outside a
#   critical facility). Days are Korean calendar days counted from the day after restoration:
#   day 30 is on time, day 31 is late. An ongoing incident, or one whose 30 days have not run
#   out on the audit date, is not judged yet.
# related_resources:
#   - https://www.law.go.kr/법령/전기통신사업법시행령
# scope: package
# custom:
#   id: KR-TBA-33-DAMAGES
#   severity: medium
#   kind: law
#   regulation: TBA
#   title_ko: 손해배상 청구 안내(복구 후 30일 이내)
#   description_ko: 유료 서비스가 중단된 경우 서비스가 재개되거나 장애 원인이 해소된 날부터 30일 이내에 손해배상의 청구권자, 기준, 절차 및 방법을 이용자에게 알려야 한다. 무료 서비스와 고지 의무 면제 사유(사전 고지한 점검, 회선 장애, 기준 시간 이내의 장애)는 제외된다.
#   citation:
#     law: Telecommunications Business Act
#     law_ko: 전기통신사업법
#     article: Art. 33(2)
#     decree: Enforcement Decree Art. 37-21(2)
#     in_force: "2025-03-28"
#     text: TBA Art. 33(2); Decree Art. 37-21(2) (formerly Art. 37-11, 37-12, 37-13)
#     text_ko: 전기통신사업법 제33조제2항; 같은 법 시행령 제37조의21제2항(종전 제37조의11부터 제37조의13까지)
#   remediation:
#     en: Within 30 days of restoration, tell the users of every affected paid service who may claim damages, the criteria and the procedure, and record the date under incidents[].damagesNotice.
#     ko: 복구일부터 30일 이내에 영향을 받은 유료 서비스 이용자에게 손해배상 청구권자, 기준, 절차 및 방법을 알리고 incidents[].damagesNotice에 일시를 기록하십시오.
#   frameworks:
#     - KR-TBA
package resilcheck.controls.un_damages

import data.resilcheck.lib.incidents
import data.resilcheck.lib.scope
import data.resilcheck.lib.time

default applies := false

applies if scope.notice

# due[i] is the last Korean date for the damages notice of a noticeable, restored incident
# that hit at least one paid service.
due[i] := {"date": time.add_days(restored_on, limit.value), "restored_on": restored_on, "limit": limit, "paid": paid} if {
	some i, u in incidents.un
	paid := u.paid
	count(paid) > 0
	f := incidents.facts[i]
	f.restored
	restored_on := time.kst_date_string(f.end_ns)
	limit := incidents.param("un_damages_notice_days", f.start_ns)
}

evidence(inc, d) := {
	"incident": inc.id,
	"paid_services": d.paid,
	"restored_at": inc.restoredAt,
	"restored_on": d.restored_on,
	"due": d.date,
	"limit_days": d.limit.value,
	"limit_basis": d.limit.basis,
}

violations contains {
	"msg": sprintf("no damages notice for incident %s: paid services %s were restored on %s and users had to be told how to claim damages by %s", [inc.id, concat(", ", d.paid), d.restored_on, d.date]),
	"msg_ko": sprintf("장애 %s에 대한 손해배상 안내가 없습니다. 유료 서비스(%s)가 %s에 복구되었으므로 %s까지 안내해야 했습니다.", [inc.id, concat(", ", d.paid), d.restored_on, d.date]),
	"pointer": sprintf("/incidents/%d", [i]),
	"evidence": object.union(evidence(inc, d), {"as_of": time.as_of}),
} if {
	some i, d in due
	inc := input.incidents[i]
	not inc.damagesNotice
	time.as_of_ns > time.day_end_ns(d.date)
}

violations contains {
	"msg": sprintf("the damages notice for incident %s came on %s, %d days after restoration on %s (limit %d days)", [inc.id, given_on, days, d.restored_on, d.limit.value]),
	"msg_ko": sprintf("장애 %s의 손해배상 안내가 복구일(%s)부터 %d일 뒤인 %s에 이루어졌습니다(기한 %d일).", [inc.id, d.restored_on, days, given_on, d.limit.value]),
	"pointer": sprintf("/incidents/%d/damagesNotice/at", [i]),
	"evidence": object.union(evidence(inc, d), {"given_on": given_on, "days": days}),
} if {
	some i, d in due
	inc := input.incidents[i]
	given_on := time.kst_date_string(time.ns(inc.damagesNotice.at))

	# Dates in this form order as strings do: later than the due date is more days after
	# restoration than the limit, and the days are counted only for a late notice.
	given_on > d.date
	days := time.days_between(d.restored_on, given_on)
}
