# METADATA
# title: Corrective orders after a disaster-management inspection carried out by their due date
# description: |
#   The ministry inspects whether a major provider carries out its disaster management plan
#   (at least once a year, Decree 24-2(1)) and may order it to correct what needs
#   supplementing (BCDA 36-2(2)). Each such order (governance.correctiveOrders[] with basis
#   bcda-36-2; an order without basis is one) must be carried out by its due date: an order
#   still open after its due date on the audit date, or carried out after it, fails with the
#   days late (the first day of non-compliance is the day after the due date, Decree
#   28-4(1)1); an order that declares no due date fails, naming it. Orders issued on a day
#   the duty did not bind the provider are not judged. Severity high: not complying exposes
#   the provider to a surcharge of up to 3% of the average yearly revenue of its last three
#   business years (Art. 40-4(1); Decree 28-4(1)), which applies from the first basic plan set
#   after 2021-12-09 (Addendum to Act No. 18198, Art. 2). The order power is in the statute
#   texts for carriers from 2017-07-26 (36-2(2) "<개정 2017.7.26>", since then changed only in
#   the ministry's name); value-added and datacenter majors are bound from 2023-07-04.
# related_resources:
#   - https://www.law.go.kr/법령/방송통신발전기본법
# scope: package
# custom:
#   id: KR-BCDA-36-2-CORRECTIVE
#   severity: high
#   kind: law
#   regulation: BCDA
#   title_ko: 방송통신재난관리계획 이행 점검에 따른 시정명령 이행(이행기한까지)
#   description_ko: 과학기술정보통신부장관과 방송미디어통신위원회는 주요방송통신사업자의 방송통신재난관리계획 이행 여부를 지도ㆍ점검하고(시행령 제24조의2제1항, 매년 1회 이상) 보완이 필요한 사항에 대하여 시정을 명할 수 있다(법 제36조의2제2항). 근거가 bcda-36-2인(근거가 없으면 bcda-36-2로 본다) governance.correctiveOrders[]의 각 시정명령은 이행기한까지 이행되어야 한다. 감사 기준일에 이행기한이 지났는데도 이행되지 않았거나 이행기한 후에 이행한 명령은 지연 일수와 함께 실패로 판단하고(시정명령을 따르지 않은 날은 이행기한 만료일의 다음 날, 시행령 제28조의4제1항제1호), 이행기한을 신고하지 않은 명령도 그 명령을 지목하여 실패로 판단한다. 의무가 사업자를 구속하지 않던 날에 발령된 명령은 판단하지 않는다. 시정명령 불이행에는 직전 3개 사업연도 연평균 매출액의 100분의 3 이하의 과징금이 부과될 수 있으므로(법 제40조의4제1항, 시행령 제28조의4제1항; 2021년 12월 9일 이후 최초로 수립되는 방송통신재난관리기본계획부터 적용, 부칙 <제18198호> 제2조) 심각도를 높음으로 둔다. 기간통신사업자에 대해서는 2017년 7월 26일부터 법령 원문으로 확인되며(제36조의2제2항 "<개정 2017.7.26>"), 부가통신ㆍ집적정보통신시설 사업자는 2023년 7월 4일부터 적용된다.
#   citation:
#     law: Framework Act on Broadcasting and Communications Development
#     law_ko: 방송통신발전 기본법
#     article: Art. 36-2(2)
#     decree: Enforcement Decree Art. 24-2, 28-4(1)
#     in_force: "2017-07-26"
#     text: BCDA Art. 36-2(2); Art. 40-4(1); Decree Art. 28-4(1)
#     text_ko: 방송통신발전 기본법 제36조의2제2항, 제40조의4제1항; 같은 법 시행령 제28조의4제1항
#   remediation:
#     en: Carry out every corrective order issued after a disaster-management inspection by its due date, and record each order (id, issuedOn, dueOn, completedOn, basis bcda-36-2) under governance.correctiveOrders.
#     ko: 방송통신재난관리계획 이행 점검에 따른 시정명령은 이행기한까지 이행하고, 각 명령(id, 발령일 issuedOn, 이행기한 dueOn, 이행일 completedOn, 근거 bcda-36-2)을 governance.correctiveOrders에 기록하십시오.
#   frameworks:
#     - KR-BCDA
#   in_force:
#     - until: "2017-07-26"
#       parties: [carrier]
#       verifiable: false
#       label: law
#       citation: BCDA Art. 36-2(2) (wording before 2017-07-26 not in the statute texts)
#     - from: "2017-07-26"
#       until: "2023-07-04"
#       parties: [carrier]
#       label: law
#       citation: BCDA Art. 36-2(2); Art. 40-4(1)
#       citation_ko: 방송통신발전 기본법 제36조의2제2항; 제40조의4제1항
#       basis: Art. 36-2(2) as amended 2017-07-26 (since then only the ministry's name changed); the Art. 40-4 surcharge applies from the first basic plan set after 2021-12-09 (Addendum to Act No. 18198, Art. 2)
#     - from: "2023-07-04"
#       parties: [carrier, major-vas, major-idc]
#       label: law
#       citation: BCDA Art. 36-2(2); Art. 40-4(1)
#       citation_ko: 방송통신발전 기본법 제36조의2제2항; 제40조의4제1항
#       basis: Act No. 19152 (2023-01-03) and Decree No. 33611, in force 2023-07-04, make value-added and datacenter majors 주요방송통신사업자
package resilcheck.controls.dm_corrective

import data.resilcheck.lib.inforce
import data.resilcheck.lib.orders
import data.resilcheck.lib.time

# in_force is this package's METADATA custom.in_force (a Go test holds them equal).
in_force := [
	{"until": "2017-07-26", "parties": ["carrier"], "verifiable": false, "label": "law", "citation": "BCDA Art. 36-2(2) (wording before 2017-07-26 not in the statute texts)"},
	{"from": "2017-07-26", "until": "2023-07-04", "parties": ["carrier"], "label": "law", "citation": "BCDA Art. 36-2(2); Art. 40-4(1)", "citation_ko": "방송통신발전 기본법 제36조의2제2항; 제40조의4제1항", "basis": "Art. 36-2(2) as amended 2017-07-26 (since then only the ministry's name changed); the Art. 40-4 surcharge applies from the first basic plan set after 2021-12-09 (Addendum to Act No. 18198, Art. 2)"},
	{"from": "2023-07-04", "parties": ["carrier", "major-vas", "major-idc"], "label": "law", "citation": "BCDA Art. 36-2(2); Art. 40-4(1)", "citation_ko": "방송통신발전 기본법 제36조의2제2항; 제40조의4제1항", "basis": "Act No. 19152 (2023-01-03) and Decree No. 33611, in force 2023-07-04, make value-added and datacenter majors 주요방송통신사업자"},
]

basis := "bcda-36-2"

default applies := false

applies if inforce.binds(in_force, time.as_of)

reason := inforce.why_not(in_force, time.as_of)

items := orders.corrective_items(basis, {"en": "corrective order", "ko": "시정명령"})

# An order is judged only if the duty bound the provider on the day it was issued (time
# model rule 1): an order issued earlier was not a 36-2(2) order to this party.
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

# notes explain the orders not judged (the engine reports violations only; notes are for
# tests and `opa eval` users).
notes contains orders.unbound_note(item, inforce.why_not(in_force, item.rec.issuedOn)) if {
	applies
	some i, item in items
	not judged[i]
}
