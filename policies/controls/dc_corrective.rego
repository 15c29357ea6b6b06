# METADATA
# title: Corrective orders after the yearly datacenter inspection carried out by their due date
# description: |
#   The ministry inspects every year whether a datacenter operator under Network Act 46(1)
#   (a colocation operator or an operator of its own datacenter above the Decree 37(1)
#   thresholds) carries out its protective measures (46(3); Decree 39(1) "매년") and may order
#   it to correct what needs supplementing; matters inspected under BCDA 36-2(2) are left out
#   of this inspection (46(3) proviso), so their orders are BCDA orders. Each order with basis
#   network-46-3 (governance.correctiveOrders[]) must be carried out by its due date: an order
#   still open after its due date on the audit date, or carried out after it, fails with the
#   days late; an order that declares no due date fails, naming it. Orders issued on a day the
#   duty did not bind the provider are not judged. An exclusive lessee (46(7)) is not an
#   addressee: 46(3) orders go to 집적정보통신시설 사업자등, the operators of 46(1). Fine for not
#   carrying out an order up to KRW 30M (76(2)6의5). In force from 2023-07-04 (46(3)
#   "<신설 2023.1.3>", Addendum to Act No. 19154).
# related_resources:
#   - https://www.law.go.kr/법령/정보통신망이용촉진및정보보호등에관한법률
# scope: package
# custom:
#   id: KR-NETACT-46-CORRECTIVE
#   severity: medium
#   kind: law
#   regulation: Network Act
#   title_ko: 집적정보통신시설 보호조치 이행점검에 따른 시정명령 이행(이행기한까지)
#   description_ko: 과학기술정보통신부장관은 정보통신망법 제46조제1항의 집적정보통신시설 사업자등(시행령 제37조제1항 기준 이상의 집적정보통신시설 사업자와 자체 집적정보통신시설 운영자)의 보호조치 이행 여부를 매년 점검하고(법 제46조제3항, 시행령 제39조제1항) 보완이 필요한 사항에 대하여 시정을 명할 수 있다. 방송통신발전 기본법 제36조의2제2항에 따라 점검한 사항은 이 점검에서 제외된다(제46조제3항 단서). 근거가 network-46-3인 governance.correctiveOrders[]의 각 시정명령은 이행기한까지 이행되어야 한다. 감사 기준일에 이행기한이 지났는데도 이행되지 않았거나 이행기한 후에 이행한 명령은 지연 일수와 함께 실패로 판단하고, 이행기한을 신고하지 않은 명령도 그 명령을 지목하여 실패로 판단한다. 의무가 사업자를 구속하지 않던 날에 발령된 명령은 판단하지 않는다. 임차시설을 배타적으로 운영하는 자(제46조제7항)는 제46조제3항 시정명령의 상대방(집적정보통신시설 사업자등)이 아니다. 불이행 시 3천만원 이하의 과태료(제76조제2항제6호의5). 2023년 7월 4일부터 시행(제46조제3항 "<신설 2023.1.3>", 부칙 <제19154호>).
#   citation:
#     law: Act on Promotion of Information and Communications Network Utilization and Information Protection
#     law_ko: 정보통신망 이용촉진 및 정보보호 등에 관한 법률
#     article: Art. 46(3)
#     decree: Enforcement Decree Art. 39(1)
#     in_force: "2023-07-04"
#     text: Network Act Art. 46(3); Decree Art. 39(1)
#     text_ko: 정보통신망법 제46조제3항; 같은 법 시행령 제39조제1항
#   remediation:
#     en: Carry out every corrective order issued after the yearly datacenter inspection by its due date, and record each order (id, issuedOn, dueOn, completedOn, basis network-46-3) under governance.correctiveOrders.
#     ko: 집적정보통신시설 보호조치 이행점검에 따른 시정명령은 이행기한까지 이행하고, 각 명령(id, 발령일 issuedOn, 이행기한 dueOn, 이행일 completedOn, 근거 network-46-3)을 governance.correctiveOrders에 기록하십시오.
#   frameworks:
#     - KR-NETACT
#   in_force:
#     - from: "2023-07-04"
#       parties: [idc-colo, idc-own]
#       label: law
#       citation: Network Act Art. 46(3); Decree Art. 39(1)
#       citation_ko: 정보통신망법 제46조제3항; 같은 법 시행령 제39조제1항
#       basis: Art. 46(3) added by Act No. 19154 (2023-01-03), in force 2023-07-04; Decree No. 33612
package resilcheck.controls.dc_corrective

import data.resilcheck.lib.inforce
import data.resilcheck.lib.orders
import data.resilcheck.lib.time

# in_force is this package's METADATA custom.in_force (a Go test holds them equal).
in_force := [{"from": "2023-07-04", "parties": ["idc-colo", "idc-own"], "label": "law", "citation": "Network Act Art. 46(3); Decree Art. 39(1)", "citation_ko": "정보통신망법 제46조제3항; 같은 법 시행령 제39조제1항", "basis": "Art. 46(3) added by Act No. 19154 (2023-01-03), in force 2023-07-04; Decree No. 33612"}]

basis := "network-46-3"

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
