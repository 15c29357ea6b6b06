# METADATA
# title: Corrective orders under the Telecommunications Business Act carried out by their due date
# description: |
#   The ministry may order a telecom provider to correct a breach of, among others, the
#   service-stability duties of value-added providers (TBA 22-7, 22-8) and of large carriers
#   (32-10) (92(1)1). Each such order (governance.correctiveOrders[] with basis tba-92) must
#   be carried out by its due date; the ministry may extend the period once for force majeure
#   (92(4)), and dueOn is then the extended date. An order still open after its due date on
#   the audit date, or carried out after it, fails with the days late; an order that declares
#   no due date fails, naming it. Orders issued on a day the provider was not bound are not
#   judged. Bound: service-stability duty holders from 2020-12-10 (92(1)1 wording before
#   2023-07-04 not in the statute texts: older wording reported), and carriers under 32-10
#   from 2024-06-30 (Addendum to Act No. 19856, Art. 1(2)). A provider that must appoint a
#   domestic agent (22-8) is a service-stability duty holder, so it is covered. Orders under
#   92(1) for other articles (such as the user notice of 33(2)) are outside this control.
#   Fine for not carrying out an order up to KRW 10M (104(5)17).
# related_resources:
#   - https://www.law.go.kr/법령/전기통신사업법
# scope: package
# custom:
#   id: KR-TBA-92-CORRECTIVE
#   severity: medium
#   kind: law
#   regulation: TBA
#   title_ko: 전기통신사업법 제92조에 따른 시정명령 이행(이행기한까지)
#   description_ko: 과학기술정보통신부장관은 부가통신사업자의 서비스 안정성 확보 의무(제22조의7, 제22조의8)와 기간통신사업자의 서비스 안정성 확보 의무(제32조의10) 등을 위반한 전기통신사업자에게 시정을 명할 수 있다(제92조제1항제1호). 근거가 tba-92인 governance.correctiveOrders[]의 각 시정명령은 이행기한까지 이행되어야 하며, 천재지변 등으로 기간이 한 번 연장된 경우(제92조제4항) dueOn은 연장된 기한이다. 감사 기준일에 이행기한이 지났는데도 이행되지 않았거나 이행기한 후에 이행한 명령은 지연 일수와 함께 실패로 판단하고, 이행기한을 신고하지 않은 명령도 그 명령을 지목하여 실패로 판단한다. 의무가 사업자를 구속하지 않던 날에 발령된 명령은 판단하지 않는다. 적용 대상은 2020년 12월 10일부터 서비스 안정성 확보 의무 부가통신사업자(2023년 7월 4일 이전의 제92조제1항제1호 조문은 법령 원문에 없어 종전 문언 보고로 표시), 2024년 6월 30일부터 제32조의10의 기간통신사업자(부칙 <제19856호> 제1조제2호)이다. 국내대리인 지정 의무자(제22조의8)는 서비스 안정성 확보 의무자이므로 포함된다. 다른 조항(예를 들어 제33조제2항 이용자 고지)에 대한 제92조제1항 시정명령은 이 항목에서 판단하지 않는다. 불이행 시 1천만원 이하의 과태료(제104조제5항제17호).
#   citation:
#     law: Telecommunications Business Act
#     law_ko: 전기통신사업법
#     article: Art. 92(1)1
#     in_force: "2020-12-10"
#     text: TBA Art. 92(1)1, 92(4); Art. 104(5)17
#     text_ko: 전기통신사업법 제92조제1항제1호, 제4항; 제104조제5항제17호
#   remediation:
#     en: Carry out every corrective order under TBA Art. 92(1) about the service-stability duties by its due date (the extended date if the ministry extended it under Art. 92(4)), and record each order (id, issuedOn, dueOn, completedOn, basis tba-92) under governance.correctiveOrders.
#     ko: 서비스 안정성 확보 의무에 관한 전기통신사업법 제92조제1항 시정명령은 이행기한(제92조제4항에 따라 연장된 경우 연장된 기한)까지 이행하고, 각 명령(id, 발령일 issuedOn, 이행기한 dueOn, 이행일 completedOn, 근거 tba-92)을 governance.correctiveOrders에 기록하십시오.
#   frameworks:
#     - KR-TBA
#   in_force:
#     - from: "2020-12-10"
#       until: "2023-07-04"
#       parties: [stability]
#       label: law-older-wording-reported
#       citation: TBA Art. 92(1)1 (Art. 22-7, 22-8)
#       citation_ko: 전기통신사업법 제92조제1항제1호(제22조의7, 제22조의8)
#       basis: Art. 22-7 in force 2020-12-10 (Addendum to Act No. 17352); Art. 92(1) as worded before 2023-07-04 is not in the statute texts
#     - from: "2023-07-04"
#       until: "2024-06-30"
#       parties: [stability]
#       label: law
#       citation: TBA Art. 92(1)1 (Art. 22-7, 22-8)
#       citation_ko: 전기통신사업법 제92조제1항제1호(제22조의7, 제22조의8)
#       basis: Act No. 19153 (2023-01-03), in force 2023-07-04; the current Art. 92(1)1 names Art. 22-7 to 22-9
#     - from: "2024-06-30"
#       parties: [stability, carrier-stability]
#       label: law
#       citation: TBA Art. 92(1)1 (Art. 22-7, 22-8, 32-10)
#       citation_ko: 전기통신사업법 제92조제1항제1호(제22조의7, 제22조의8, 제32조의10)
#       basis: Art. 92(1)1 as amended by Act No. 19856 (2023-12-29) to cover Art. 32-10, in force 2024-06-30 (its Addendum, Art. 1(2))
package resilcheck.controls.ss_corrective

import data.resilcheck.lib.inforce
import data.resilcheck.lib.orders
import data.resilcheck.lib.time

# in_force is this package's METADATA custom.in_force (a Go test holds them equal).
in_force := [
	{"from": "2020-12-10", "until": "2023-07-04", "parties": ["stability"], "label": "law-older-wording-reported", "citation": "TBA Art. 92(1)1 (Art. 22-7, 22-8)", "citation_ko": "전기통신사업법 제92조제1항제1호(제22조의7, 제22조의8)", "basis": "Art. 22-7 in force 2020-12-10 (Addendum to Act No. 17352); Art. 92(1) as worded before 2023-07-04 is not in the statute texts"},
	{"from": "2023-07-04", "until": "2024-06-30", "parties": ["stability"], "label": "law", "citation": "TBA Art. 92(1)1 (Art. 22-7, 22-8)", "citation_ko": "전기통신사업법 제92조제1항제1호(제22조의7, 제22조의8)", "basis": "Act No. 19153 (2023-01-03), in force 2023-07-04; the current Art. 92(1)1 names Art. 22-7 to 22-9"},
	{"from": "2024-06-30", "parties": ["stability", "carrier-stability"], "label": "law", "citation": "TBA Art. 92(1)1 (Art. 22-7, 22-8, 32-10)", "citation_ko": "전기통신사업법 제92조제1항제1호(제22조의7, 제22조의8, 제32조의10)", "basis": "Art. 92(1)1 as amended by Act No. 19856 (2023-12-29) to cover Art. 32-10, in force 2024-06-30 (its Addendum, Art. 1(2))"},
]

basis := "tba-92"

default applies := false

applies if inforce.binds(in_force, time.as_of)

reason := inforce.why_not(in_force, time.as_of)

items := orders.corrective_items(basis, {"en": "corrective order", "ko": "시정명령"})

# An order is judged only if the duty bound the provider on the day it was issued.
judged[i] := item if {
	some i, item in items
	inforce.binds(in_force, item.rec.issuedOn)
}

evidence(item) := {
	"order": item.rec.id,
	"basis": basis,
	"citation": inforce.citation_on(in_force, item.rec.issuedOn).en,
	"label": inforce.citation_on(in_force, item.rec.issuedOn).label,
}

violations contains v if {
	applies
	some item in judged
	v := orders.order_violation(item, orders.order_status(item), evidence(item))
}

# notes explain the orders not judged (the engine reports violations only).
notes contains orders.unbound_note(item, inforce.why_not(in_force, item.rec.issuedOn)) if {
	applies
	some i, item in items
	not judged[i]
}
