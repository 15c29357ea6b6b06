# METADATA
# title: The ministry's datacenter data requests answered by their due date
# description: |
#   To check whether a provider is a datacenter operator under Network Act 46(1) and to
#   inspect its protective measures, the ministry may ask "제1항 각 호의 어느 하나에 해당하는
#   정보통신서비스 제공자" (colocation operators and operators of their own datacenters, whatever
#   their size) for data, and they "정당한 사유가 없으면 그 요구에 따라야" (46(4)). Each request
#   (governance.dataRequests[] with basis network-46-4) is judged against the due date it
#   declares: answered on or before it passes; unanswered after it on the audit date, or
#   answered after it, fails with the days late, unless a justification (정당한 사유) is
#   declared, which turns the miss into a pass noted as an interpretation. The law sets no
#   period and resilcheck has no audit default for one, so a request without a due date is not
#   judged (a note says so). Requests received on a day the provider was not bound are not
#   judged. Bound: every colocation operator (no size test) and own-use operators that pass
#   Decree 37(1); an own-use operator below those thresholds is also an addressee but cannot be
#   identified from the scope tests, and an exclusive lessee (46(7)) is not one. In force from
#   2023-07-04 (46(4) "<신설 2023.1.3>", Addendum to Act No. 19154). Fine up to KRW 10M
#   (76(4)4의5).
# related_resources:
#   - https://www.law.go.kr/법령/정보통신망이용촉진및정보보호등에관한법률
# scope: package
# custom:
#   id: KR-NETACT-46-DATA-REQUEST
#   severity: medium
#   kind: law
#   regulation: Network Act
#   title_ko: 집적정보통신시설 관련 과학기술정보통신부 자료 제출 요구 이행(제출기한까지)
#   description_ko: 과학기술정보통신부장관은 집적정보통신시설 사업자등에 해당하는지 여부의 확인과 보호조치 이행점검을 위하여 제46조제1항 각 호의 어느 하나에 해당하는 정보통신서비스 제공자(규모와 관계없이 집적정보통신시설 사업자와 자체 집적정보통신시설 운영자)에게 자료의 제출을 요구할 수 있고, 요구를 받은 자는 정당한 사유가 없으면 그 요구에 따라야 한다(제46조제4항). 근거가 network-46-4인 governance.dataRequests[]의 각 요구는 신고된 제출기한으로 판단한다. 기한까지 제출하면 통과, 감사 기준일에 기한이 지났는데도 제출하지 않았거나 기한 후에 제출하면 지연 일수와 함께 실패로 판단한다. 다만 정당한 사유(justification)가 신고된 경우 통과로 보고 해석으로 표시한다. 법령에 기한이 없고 감사 기본값도 없으므로 제출기한이 신고되지 않은 요구는 판단하지 않는다. 의무가 사업자를 구속하지 않던 날에 접수된 요구는 판단하지 않는다. 적용 대상은 모든 집적정보통신시설 사업자(규모 기준 없음)와 시행령 제37조제1항 기준 이상의 자체 운영자이며, 기준 미만의 자체 운영자도 요구 대상이나 범위 판단으로 식별할 수 없고, 임차시설 배타적 운영자(제46조제7항)는 대상이 아니다. 2023년 7월 4일부터 시행(제46조제4항 "<신설 2023.1.3>", 부칙 <제19154호>). 1천만원 이하의 과태료(제76조제4항제4호의5).
#   citation:
#     law: Act on Promotion of Information and Communications Network Utilization and Information Protection
#     law_ko: 정보통신망 이용촉진 및 정보보호 등에 관한 법률
#     article: Art. 46(4)
#     in_force: "2023-07-04"
#     text: Network Act Art. 46(4); Art. 76(4)4의5
#     text_ko: 정보통신망법 제46조제4항; 제76조제4항제4호의5
#   remediation:
#     en: Answer every data request the ministry makes under Network Act Art. 46(4) by its due date, or record the legitimate reason for not doing so, and record each request (id, basis network-46-4, receivedOn, dueOn, answeredOn, justification) under governance.dataRequests.
#     ko: 정보통신망법 제46조제4항에 따른 자료 제출 요구에는 제출기한까지 응하거나 응하지 못하는 정당한 사유를 기록하고, 각 요구(id, 근거 network-46-4, 접수일 receivedOn, 제출기한 dueOn, 제출일 answeredOn, 정당한 사유 justification)를 governance.dataRequests에 기록하십시오.
#   frameworks:
#     - KR-NETACT
#   in_force:
#     - from: "2023-07-04"
#       parties: [colo, own-site]
#       label: law
#       citation: Network Act Art. 46(4)
#       citation_ko: 정보통신망법 제46조제4항
#       basis: Art. 46(4) added by Act No. 19154 (2023-01-03), in force 2023-07-04
package resilcheck.controls.dc_data_request

import data.resilcheck.lib.inforce
import data.resilcheck.lib.orders
import data.resilcheck.lib.time

# in_force is this package's METADATA custom.in_force (a Go test holds them equal).
# 46(4) addresses the providers of 46(1)1 and 2 whatever their size (the request serves to
# check the size): "colo" is every colocation operator, "own-site" every provider running a
# site for its own services, neither sized.
in_force := [{"from": "2023-07-04", "parties": ["colo", "own-site"], "label": "law", "citation": "Network Act Art. 46(4)", "citation_ko": "정보통신망법 제46조제4항", "basis": "Art. 46(4) added by Act No. 19154 (2023-01-03), in force 2023-07-04"}]

basis := "network-46-4"

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
