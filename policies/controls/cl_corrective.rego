# METADATA
# title: Cloud stop and corrective orders carried out by their due date
# description: |
#   The ministry may order a cloud service provider that breached Cloud Act 25(1) (telling
#   users of breaches, leaks and interruptions) or 27 (returning and destroying users' data)
#   to stop the breach or correct it (30(5)). Each such order (governance.correctiveOrders[]
#   with basis cloud-30-5) must be carried out by its due date: an order still open after its
#   due date on the audit date, or carried out after it, fails with the days late; an order
#   that declares no due date fails, naming it. Orders issued on a day the provider was not a
#   cloud service provider are not judged. Fine for not carrying out an order up to KRW 10M
#   (37(1)5). In force from 2015-09-28 (Addendum to Act No. 13234); 30(5) was amended on
#   2017-07-26 only in the ministry's name.
# related_resources:
#   - https://www.law.go.kr/법령/클라우드컴퓨팅발전및이용자보호에관한법률
# scope: package
# custom:
#   id: KR-CLOUD-30-CORRECTIVE
#   severity: medium
#   kind: law
#   regulation: Cloud Act
#   title_ko: 클라우드컴퓨팅서비스 중지명령ㆍ시정명령 이행(이행기한까지)
#   description_ko: 과학기술정보통신부장관은 클라우드컴퓨팅법 제25조제1항(침해사고ㆍ정보 유출ㆍ서비스 중단의 이용자 통지) 또는 제27조(이용자 정보의 반환ㆍ파기)를 위반한 클라우드컴퓨팅서비스 제공자에게 위반행위의 중지나 시정을 위하여 필요한 조치를 명할 수 있다(제30조제5항). 근거가 cloud-30-5인 governance.correctiveOrders[]의 각 명령은 이행기한까지 이행되어야 한다. 감사 기준일에 이행기한이 지났는데도 이행되지 않았거나 이행기한 후에 이행한 명령은 지연 일수와 함께 실패로 판단하고, 이행기한을 신고하지 않은 명령도 그 명령을 지목하여 실패로 판단한다. 클라우드컴퓨팅서비스 제공자가 아니던 날에 발령된 명령은 판단하지 않는다. 불이행 시 1천만원 이하의 과태료(제37조제1항제5호). 2015년 9월 28일부터 시행(부칙 <제13234호>); 제30조제5항은 2017년 7월 26일 부처 명칭만 개정되었다.
#   citation:
#     law: Act on the Development of Cloud Computing and Protection of its Users
#     law_ko: 클라우드컴퓨팅 발전 및 이용자 보호에 관한 법률
#     article: Art. 30(5)
#     in_force: "2015-09-28"
#     text: Cloud Act Art. 30(5); Art. 37(1)5
#     text_ko: 클라우드컴퓨팅법 제30조제5항; 제37조제1항제5호
#   remediation:
#     en: Carry out every stop or corrective order under Cloud Act Art. 30(5) by its due date, and record each order (id, issuedOn, dueOn, completedOn, basis cloud-30-5) under governance.correctiveOrders.
#     ko: 클라우드컴퓨팅법 제30조제5항에 따른 중지명령ㆍ시정명령은 이행기한까지 이행하고, 각 명령(id, 발령일 issuedOn, 이행기한 dueOn, 이행일 completedOn, 근거 cloud-30-5)을 governance.correctiveOrders에 기록하십시오.
#   frameworks:
#     - KR-CLOUD
#   in_force:
#     - from: "2015-09-28"
#       parties: [cloud]
#       label: law
#       citation: Cloud Act Art. 30(5); Art. 37(1)5
#       citation_ko: 클라우드컴퓨팅법 제30조제5항; 제37조제1항제5호
#       basis: Act No. 13234 (2015-03-27), in force 2015-09-28; Art. 30(5) amended 2017-07-26 only in the ministry's name
package resilcheck.controls.cl_corrective

import data.resilcheck.lib.inforce
import data.resilcheck.lib.orders
import data.resilcheck.lib.time

# in_force is this package's METADATA custom.in_force (a Go test holds them equal).
in_force := [{"from": "2015-09-28", "parties": ["cloud"], "label": "law", "citation": "Cloud Act Art. 30(5); Art. 37(1)5", "citation_ko": "클라우드컴퓨팅법 제30조제5항; 제37조제1항제5호", "basis": "Act No. 13234 (2015-03-27), in force 2015-09-28; Art. 30(5) amended 2017-07-26 only in the ministry's name"}]

basis := "cloud-30-5"

default applies := false

applies if inforce.binds(in_force, time.as_of)

reason := inforce.why_not(in_force, time.as_of)

items := orders.corrective_items(basis, {"en": "stop or corrective order", "ko": "중지ㆍ시정명령"})

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
