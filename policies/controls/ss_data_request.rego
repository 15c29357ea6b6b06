# METADATA
# title: The ministry's data requests after a slowdown or interruption answered by their due date
# description: |
#   When a slowdown or interruption of a service-stability duty holder's service is judged to
#   have harmed its stability, the ministry may ask for data to check how the measures of TBA
#   22-7(1) are carried out, and the provider "정당한 사유가 없으면 그 요청에 따라야 한다" (22-7(4)).
#   Each request (governance.dataRequests[] with basis tba-22-7-4) is judged against the due
#   date it declares: answered on or before it passes; unanswered after it on the audit date,
#   or answered after it, fails with the days late, unless a justification (정당한 사유) is
#   declared, which turns the miss into a pass noted as an interpretation (whether the reason
#   is legitimate is the ministry's call). The law sets no period and resilcheck has no audit
#   default for one, so a request without a due date is not judged (a note says so). Requests
#   received on a day the provider was not bound are not judged. In force from 2023-07-04
#   (22-7(4) "<신설 2023.1.3>", Addendum to Act No. 19153). Fine for not complying without a
#   legitimate reason, or for false data, up to KRW 10M (104(5)2의4).
# related_resources:
#   - https://www.law.go.kr/법령/전기통신사업법
# scope: package
# custom:
#   id: KR-TBA-22-7-DATA-REQUEST
#   severity: medium
#   kind: law
#   regulation: TBA
#   title_ko: 서비스 장애 후 과학기술정보통신부 자료 제출 요청 이행(제출기한까지)
#   description_ko: 전기통신서비스 전송 속도 저하 등 장애나 서비스 중단으로 서비스 안정성 확보에 저해가 되었다고 판단되는 경우 과학기술정보통신부장관은 제22조의7제1항에 따른 조치의 이행 현황을 확인하기 위하여 관련 자료의 제출을 요청할 수 있으며, 요청을 받은 부가통신사업자는 정당한 사유가 없으면 그 요청에 따라야 한다(제22조의7제4항). 근거가 tba-22-7-4인 governance.dataRequests[]의 각 요청은 신고된 제출기한으로 판단한다. 기한까지 제출하면 통과, 감사 기준일에 기한이 지났는데도 제출하지 않았거나 기한 후에 제출하면 지연 일수와 함께 실패로 판단한다. 다만 정당한 사유(justification)가 신고된 경우 통과로 보고 해석으로 표시한다(사유의 정당성은 과학기술정보통신부가 판단). 법령에 기한이 없고 감사 기본값도 없으므로 제출기한이 신고되지 않은 요청은 판단하지 않는다. 의무가 사업자를 구속하지 않던 날에 접수된 요청은 판단하지 않는다. 2023년 7월 4일부터 시행(제22조의7제4항 "<신설 2023.1.3>", 부칙 <제19153호>). 정당한 사유 없이 따르지 않거나 거짓 자료를 제출하면 1천만원 이하의 과태료(제104조제5항제2호의4).
#   citation:
#     law: Telecommunications Business Act
#     law_ko: 전기통신사업법
#     article: Art. 22-7(4)
#     in_force: "2023-07-04"
#     text: TBA Art. 22-7(4); Art. 104(5)2의4
#     text_ko: 전기통신사업법 제22조의7제4항; 제104조제5항제2호의4
#   remediation:
#     en: Answer every data request the ministry makes under TBA Art. 22-7(4) by its due date, or record the legitimate reason for not doing so, and record each request (id, basis tba-22-7-4, receivedOn, dueOn, answeredOn, justification) under governance.dataRequests.
#     ko: 전기통신사업법 제22조의7제4항에 따른 자료 제출 요청에는 제출기한까지 응하거나 응하지 못하는 정당한 사유를 기록하고, 각 요청(id, 근거 tba-22-7-4, 접수일 receivedOn, 제출기한 dueOn, 제출일 answeredOn, 정당한 사유 justification)을 governance.dataRequests에 기록하십시오.
#   frameworks:
#     - KR-TBA
#   in_force:
#     - from: "2023-07-04"
#       parties: [stability]
#       label: law
#       citation: TBA Art. 22-7(4)
#       citation_ko: 전기통신사업법 제22조의7제4항
#       basis: Art. 22-7(4) added by Act No. 19153 (2023-01-03), in force 2023-07-04
package resilcheck.controls.ss_data_request

import data.resilcheck.lib.inforce
import data.resilcheck.lib.orders
import data.resilcheck.lib.time

# in_force is this package's METADATA custom.in_force (a Go test holds them equal).
in_force := [{"from": "2023-07-04", "parties": ["stability"], "label": "law", "citation": "TBA Art. 22-7(4)", "citation_ko": "전기통신사업법 제22조의7제4항", "basis": "Art. 22-7(4) added by Act No. 19153 (2023-01-03), in force 2023-07-04"}]

basis := "tba-22-7-4"

default applies := false

applies if inforce.binds(in_force, time.as_of)

reason := inforce.why_not(in_force, time.as_of)

items := orders.request_items(basis)

# A request is judged only if the duty bound the provider on the day it was received.
judged[i] := item if {
	some i, item in items
	inforce.binds(in_force, item.rec.receivedOn)
}

evidence(item) := {
	"request": item.rec.id,
	"basis": basis,
	"citation": inforce.citation_on(in_force, item.rec.receivedOn).en,
}

violations contains v if {
	applies
	some item in judged
	v := orders.request_violation(item, orders.request_status(item), evidence(item))
}

# notes explain the requests that pass on a declared justification and those not judged
# (no due date, or received before the duty bound); the engine reports violations only.
notes contains n if {
	applies
	some item in judged
	n := orders.request_note(item, orders.request_status(item), evidence(item))
}

notes contains orders.unbound_request_note(item, inforce.why_not(in_force, item.rec.receivedOn)) if {
	applies
	some i, item in items
	not judged[i]
}
