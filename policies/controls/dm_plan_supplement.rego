# METADATA
# title: Orders to supplement a disaster management plan carried out by their due date
# description: |
#   When a major provider draws up its disaster management plan without following the
#   ministry's planning guideline, the ministry may order it to supplement the plan (BCDA
#   36(3)). Each such order (governance.disasterPlans[].supplementOrder {issuedOn, dueOn,
#   completedOn}) must be carried out by the due date the order sets (the law sets no period):
#   an order still open after its due date on the audit date, or carried out after it, fails
#   with the days late; an order that declares no due date fails, naming the plan. Orders
#   issued on a day the duty did not bind the provider are not judged. 36(3) was added by Act
#   No. 18198 (2021-06-08, in force 2021-12-09) and applies from the first basic plan set after
#   that date (its Addendum, Art. 2): the basic plan for a year is set by November 30 of the
#   year before (Decree 24(3)), so orders about plans for 2023 onwards are judged and earlier
#   plan years are not (interpretation). Carriers are bound from 2021-12-09, value-added and
#   datacenter majors from 2023-07-04. Fine for not complying up to KRW 30M (48(1)3).
# related_resources:
#   - https://www.law.go.kr/법령/방송통신발전기본법
# scope: package
# custom:
#   id: KR-BCDA-36-3-PLAN-SUPPLEMENT
#   severity: medium
#   kind: law
#   regulation: BCDA
#   title_ko: 방송통신재난관리계획 보완명령 이행(이행기한까지)
#   description_ko: 과학기술정보통신부장관과 방송미디어통신위원회는 주요방송통신사업자가 수립지침에 따르지 아니하고 방송통신재난관리계획을 수립한 경우 보완을 명할 수 있다(제36조제3항). governance.disasterPlans[].supplementOrder(발령일 issuedOn, 이행기한 dueOn, 이행일 completedOn)의 각 보완명령은 명령이 정한 이행기한(법령에는 기간이 없음)까지 이행되어야 한다. 감사 기준일에 이행기한이 지났는데도 이행되지 않았거나 이행기한 후에 이행한 명령은 지연 일수와 함께 실패로 판단하고, 이행기한을 신고하지 않은 명령도 해당 계획을 지목하여 실패로 판단한다. 의무가 사업자를 구속하지 않던 날에 발령된 명령은 판단하지 않는다. 제36조제3항은 법률 제18198호(2021. 6. 8. 공포, 2021. 12. 9. 시행)로 신설되었고 그 시행 후 최초로 수립하는 방송통신재난관리기본계획부터 적용된다(부칙 제2조). 기본계획은 전년도 11월 30일까지 수립되므로(시행령 제24조제3항) 2023년도 이후 계획에 대한 보완명령만 판단한다(해석). 기간통신사업자는 2021년 12월 9일부터, 부가통신ㆍ집적정보통신시설 사업자는 2023년 7월 4일부터 적용된다. 불이행 시 3천만원 이하의 과태료(제48조제1항제3호).
#   citation:
#     law: Framework Act on Broadcasting and Communications Development
#     law_ko: 방송통신발전 기본법
#     article: Art. 36(3)
#     decree: Enforcement Decree Art. 24(3)
#     in_force: "2021-12-09"
#     text: BCDA Art. 36(3); Art. 48(1)3
#     text_ko: 방송통신발전 기본법 제36조제3항; 제48조제1항제3호
#   remediation:
#     en: Supplement a disaster management plan as ordered by the order's due date, and record the order (issuedOn, dueOn, completedOn) under the plan's governance.disasterPlans[].supplementOrder.
#     ko: 보완명령을 받은 방송통신재난관리계획은 이행기한까지 보완하고, 명령(발령일 issuedOn, 이행기한 dueOn, 이행일 completedOn)을 해당 계획의 governance.disasterPlans[].supplementOrder에 기록하십시오.
#   frameworks:
#     - KR-BCDA
#   in_force:
#     - from: "2021-12-09"
#       until: "2023-07-04"
#       parties: [carrier]
#       label: law
#       citation: BCDA Art. 36(3); Art. 48(1)3
#       citation_ko: 방송통신발전 기본법 제36조제3항; 제48조제1항제3호
#       basis: Art. 36(3) added by Act No. 18198 (2021-06-08), in force 2021-12-09, from the first basic plan set after that date (its Addendum, Art. 2)
#     - from: "2023-07-04"
#       parties: [carrier, major-vas, major-idc]
#       label: law
#       citation: BCDA Art. 36(3); Art. 48(1)3
#       citation_ko: 방송통신발전 기본법 제36조제3항; 제48조제1항제3호
#       basis: Act No. 19152 (2023-01-03) and Decree No. 33611, in force 2023-07-04, make value-added and datacenter majors 주요방송통신사업자
package resilcheck.controls.dm_plan_supplement

import data.resilcheck.lib.governance
import data.resilcheck.lib.inforce
import data.resilcheck.lib.orders
import data.resilcheck.lib.time

# in_force is this package's METADATA custom.in_force (a Go test holds them equal).
in_force := [
	{"from": "2021-12-09", "until": "2023-07-04", "parties": ["carrier"], "label": "law", "citation": "BCDA Art. 36(3); Art. 48(1)3", "citation_ko": "방송통신발전 기본법 제36조제3항; 제48조제1항제3호", "basis": "Art. 36(3) added by Act No. 18198 (2021-06-08), in force 2021-12-09, from the first basic plan set after that date (its Addendum, Art. 2)"},
	{"from": "2023-07-04", "parties": ["carrier", "major-vas", "major-idc"], "label": "law", "citation": "BCDA Art. 36(3); Art. 48(1)3", "citation_ko": "방송통신발전 기본법 제36조제3항; 제48조제1항제3호", "basis": "Act No. 19152 (2023-01-03) and Decree No. 33611, in force 2023-07-04, make value-added and datacenter majors 주요방송통신사업자"},
]

default applies := false

applies if inforce.binds(in_force, time.as_of)

reason := inforce.why_not(in_force, time.as_of)

path := ["governance", "disasterPlans"]

# Addendum to Act No. 18198, Art. 2: 36(3) applies from the first basic plan set after the
# Act took effect on 2021-12-09. The basic plan for year y is set by November 30 of y-1
# (Decree 24(3)), so the first is the basic plan for 2023, which combines the providers'
# plans for 2023 (interpretation).
first_plan_year := 2023

first_plan_year_basis := "Addendum to Act No. 18198, Art. 2: from the first basic plan set after 2021-12-09, the plan for 2023 (set by 2022-11-30, Decree 24(3)): interpretation"

# items maps the index of each plan with a supplement order issued by the audit date to the
# order as an order item.
items[i] := {
	"rec": plan.supplementOrder,
	"path": array.concat(path, [i, "supplementOrder"]),
	"name": {
		"en": sprintf("the order to supplement the disaster management plan for %d", [plan.year]),
		"ko": sprintf("%d년도 방송통신재난관리계획 보완명령", [plan.year]),
	},
	"year": plan.year,
} if {
	some i, plan in object.get(input, path, [])
	governance.happened(plan.supplementOrder.issuedOn)
}

# An order is judged only if the duty bound the provider on the day it was issued and the
# plan falls under 36(3) (plan years from 2023).
judged[i] := item if {
	some i, item in items
	inforce.binds(in_force, item.rec.issuedOn)
	item.year >= first_plan_year
}

evidence(item) := {
	"plan_year": item.year,
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
	some item in items
	not inforce.binds(in_force, item.rec.issuedOn)
}

notes contains {
	"msg": sprintf("%s (issued %s) is not judged: Art. 36(3) applies to plans from %d (%s)", [item.name.en, item.rec.issuedOn, first_plan_year, first_plan_year_basis]),
	"msg_ko": sprintf("%s(%s 발령): 판단하지 않습니다 - 제36조제3항은 %d년도 계획부터 적용됩니다(부칙 <제18198호> 제2조, 해석)", [item.name.ko, item.rec.issuedOn, first_plan_year]),
	"pointer": governance.pointer(item.path),
	"evidence": {"plan_year": item.year, "first_plan_year": first_plan_year, "basis": first_plan_year_basis, "label": "interpretation"},
} if {
	applies
	some item in items
	inforce.binds(in_force, item.rec.issuedOn)
	item.year < first_plan_year
}
