# METADATA
# title: Disaster management plan submitted by September 30
# description: |
#   A major provider draws up next year's broadcasting and communications disaster
#   management plan following the ministry's guideline and submits it by September 30
#   (Korean date). Judged: the plan for the audit year, the plan for the next year once
#   September 30 has passed, and every plan year the manifest declares, from the first plan
#   year the duty existed (2024, after the amendments in force 2023-07-04).
# related_resources:
#   - https://www.law.go.kr/법령/방송통신발전기본법
# scope: package
# custom:
#   id: KR-BCDA-36-PLAN
#   severity: medium
#   kind: law
#   regulation: BCDA
#   title_ko: 방송통신재난관리계획 제출(매년 9월 30일까지)
#   description_ko: 주요방송통신사업자는 수립지침에 따라 다음 연도의 방송통신재난관리계획을 수립하여 매년 9월 30일까지 과학기술정보통신부장관에게 제출하여야 한다. 감사 연도의 계획, 9월 30일이 지난 경우 다음 연도의 계획, 그리고 매니페스트에 신고된 모든 계획 연도를 의무가 생긴 첫해(2023년 7월 4일 시행 개정에 따른 2024년 계획)부터 판단한다.
#   citation:
#     law: Framework Act on Broadcasting and Communications Development
#     law_ko: 방송통신발전 기본법
#     article: Art. 36(2)
#     decree: Enforcement Decree Art. 24(2)
#     in_force: "2021-12-09"
#     text: BCDA Art. 36(2); Decree Art. 24(2)
#     text_ko: 방송통신발전 기본법 제36조제2항; 같은 법 시행령 제24조제2항
#   remediation:
#     en: Submit next year's disaster management plan to the ministry by September 30 every year and record each submission (year, submittedOn, evidence) under governance.disasterPlans.
#     ko: 매년 9월 30일까지 다음 연도의 방송통신재난관리계획을 과학기술정보통신부에 제출하고, 제출 내역(연도, 제출일, 증빙)을 governance.disasterPlans에 기록하십시오.
#   frameworks:
#     - KR-BCDA
#   in_force:
#     - until: "2021-12-09"
#       parties: [carrier]
#       verifiable: false
#       label: law
#       citation: BCDA Art. 36(2); Decree Art. 24(2) (wording before 2021-12-09 not in the statute texts)
#     - from: "2021-12-09"
#       until: "2023-07-04"
#       parties: [carrier]
#       label: law
#       citation: BCDA Art. 36(2); Decree Art. 24(2)
#       citation_ko: 방송통신발전 기본법 제36조제2항; 같은 법 시행령 제24조제2항
#       basis: Decree 24(2) as amended 2021-12-09
#     - from: "2023-07-04"
#       parties: [carrier, major-vas, major-idc]
#       label: law
#       citation: BCDA Art. 36(2); Decree Art. 24(2)
#       citation_ko: 방송통신발전 기본법 제36조제2항; 같은 법 시행령 제24조제2항
#       basis: Act No. 19152 (2023-01-03) and Decree No. 33611, in force 2023-07-04; first plan owed by value-added and datacenter majors is for 2024 (interpretation)
package resilcheck.controls.dm_plan

import data.resilcheck.lib.governance
import data.resilcheck.lib.inforce
import data.resilcheck.lib.params
import data.resilcheck.lib.scope
import data.resilcheck.lib.time

# in_force is this package's METADATA custom.in_force (a Go test holds them equal).
in_force := [
	{"until": "2021-12-09", "parties": ["carrier"], "verifiable": false, "label": "law", "citation": "BCDA Art. 36(2); Decree Art. 24(2) (wording before 2021-12-09 not in the statute texts)"},
	{"from": "2021-12-09", "until": "2023-07-04", "parties": ["carrier"], "label": "law", "citation": "BCDA Art. 36(2); Decree Art. 24(2)", "citation_ko": "방송통신발전 기본법 제36조제2항; 같은 법 시행령 제24조제2항", "basis": "Decree 24(2) as amended 2021-12-09"},
	{"from": "2023-07-04", "parties": ["carrier", "major-vas", "major-idc"], "label": "law", "citation": "BCDA Art. 36(2); Decree Art. 24(2)", "citation_ko": "방송통신발전 기본법 제36조제2항; 같은 법 시행령 제24조제2항", "basis": "Act No. 19152 (2023-01-03) and Decree No. 33611, in force 2023-07-04; first plan owed by value-added and datacenter majors is for 2024 (interpretation)"},
]

# Violations are only judged where the control applies, so a direct query of violations
# agrees with the engine's verdict.
default applies := false

applies if inforce.binds(in_force, time.as_of)

reason := inforce.why_not(in_force, time.as_of)

path := ["governance", "disasterPlans"]

# Submissions are dated by submittedOn or submittedAt (governance.dated).
plans := governance.dated(object.get(input, path, []))

due_month_day := params.now("dm_plan_due_month_day")

basis := governance.param_basis("dm_plan_due_month_day", time.as_of_ns)

# The plan for year y is due on the deadline day of year y-1.
due(y) := sprintf("%04d-%s", [y - 1, due_month_day])

# A plan year is owed only if the duty bound the provider on its deadline (time model rule
# 1): a carrier from the deadline of 2022-09-30, a value-added or datacenter major from that
# of 2023-09-30 (the plan for 2024). The scope test reads the current metrics only, so it says
# nothing about earlier years: the current and (once its deadline has passed) the next year's
# plans are always due; older years are judged when the manifest declares them.
owed(y) if inforce.binds(in_force, due(y))

required_years := {y |
	some y in {time.as_of_year, time.as_of_year + 1}
	governance.passed(due(y))
	owed(y)
}

declared_owed := {y | some y in governance.declared_years(plans, 0); owed(y)}

dues := {y: due(y) | some y in (required_years | declared_owed)}

findings := governance.annual_findings(plans, dues)

# Act No. 19152's 부칙 제2조 applies the basic-plan parts to value-added and datacenter majors
# from the first basic plan set after 2023-07-04: the plan for 2024, due 2023-09-30, is
# taken as the first they owe (rulebook: interpretation). A finding on that year for a
# provider not bound as a carrier then prints the reading; a carrier owed it by the older
# wording as well. The period from 2023-07-04 stays law: it also carries the carriers' duty
# and every later plan year, which rest on the text alone.
first_plan_year := 2024

first_plan(y) := {
	"first_plan_label": "interpretation",
	"first_plan_note": sprintf("the plan for %d, due %s, is taken as the first owed by value-added and datacenter majors (Act No. 19152, addendum Art. 2: from the first basic plan set after 2023-07-04)", [y, due(y)]),
	"first_plan_note_ko": sprintf("%d년도 계획(제출 기한 %s)을 부가통신·데이터센터 주요방송통신사업자가 처음 제출해야 하는 계획으로 봅니다(법률 제19152호 부칙 제2조: 2023년 7월 4일 이후 처음 수립하는 기본계획부터)", [y, due(y)]),
} if {
	y == first_plan_year
	not scope.bound("carrier", due(y))
} else := {}

violations contains {
	"msg": sprintf("the disaster management plan for %d has not been submitted; it was due by %s", [f.year, f.due]),
	"msg_ko": sprintf("%d년도 방송통신재난관리계획을 제출하지 않았습니다(제출 기한 %s).", [f.year, f.due]),
	"pointer": governance.missing_pointer(path, f),
	"key": sprintf("plan-%d", [f.year]),
	"evidence": object.union({"plan_year": f.year, "due": f.due, "as_of": time.as_of, "basis": basis}, first_plan(f.year)),
} if {
	applies
	some f in findings
	f.kind == "missing"
}

violations contains {
	"msg": sprintf("the disaster management plan for %d was submitted on %s, %d days after the %s deadline", [f.year, f.on, f.days_late, f.due]),
	"msg_ko": sprintf("%d년도 방송통신재난관리계획을 제출 기한(%s)보다 %d일 늦은 %s에 제출했습니다.", [f.year, f.due, f.days_late, f.on]),
	"pointer": governance.pointer(array.concat(path, [f.index, governance.dated_field(path, f.index)])),
	"key": sprintf("plan-%d:late", [f.year]),
	"evidence": object.union({"plan_year": f.year, "due": f.due, "submitted_on": f.on, "days_late": f.days_late, "basis": basis}, first_plan(f.year)),
} if {
	applies
	some f in findings
	f.kind == "late"
}
