# METADATA
# title: Facility grades submitted with evidence by September 30
# description: |
#   A major provider classifies each of its communications facilities (buildings, cable
#   tunnels and other structures, including datacenters) into grades and submits the
#   grades with their supporting evidence to the ministry by September 30 every year; the
#   ministry designates the grades by November 30. Judged like the disaster management plan:
#   the grading for the audit year, the next year's once September 30 has passed, and every
#   year the manifest declares, each only if the duty bound the provider on its deadline
#   (the first grading owed is for 2024, due 2023-09-30). Carriers graded before 2023-07-04,
#   but that wording is not in the statute texts: not verifiable then.
# related_resources:
#   - https://www.law.go.kr/법령/방송통신발전기본법
# scope: package
# custom:
#   id: KR-BCDA-35-3-GRADING
#   severity: medium
#   kind: law
#   regulation: BCDA
#   title_ko: 통신시설 등급 분류 및 근거자료 제출(매년 9월 30일까지)
#   description_ko: 주요통신사업자는 각 통신시설의 등급을 분류하여 그 근거자료와 함께 매년 9월 30일까지 과학기술정보통신부장관에게 제출하여야 하며, 장관은 11월 30일까지 등급을 지정한다. 방송통신재난관리계획과 같은 방식으로 감사 연도분, 9월 30일이 지난 경우 다음 연도분, 매니페스트에 신고된 모든 연도분을 판단하되, 제출 기한에 의무가 적용되던 연도만 판단한다(첫 제출은 2023-09-30까지의 2024년분). 2023-07-04 이전 기간통신사업자에 대한 조문은 법령 원문에 없어 판단할 수 없다.
#   citation:
#     law: Framework Act on Broadcasting and Communications Development
#     law_ko: 방송통신발전 기본법
#     article: Art. 35-3(1)
#     decree: Enforcement Decree Art. 23-3(3)
#     in_force: "2023-07-04"
#     text: BCDA Art. 35-3(1); Decree Art. 23-3(3)
#     text_ko: 방송통신발전 기본법 제35조의3제1항; 같은 법 시행령 제23조의3제3항
#   remediation:
#     en: Grade every communications facility under the ministry's criteria, submit the grades with their supporting evidence by September 30 each year, and record each submission (year, submittedOn, evidence) under governance.facilityGrades.
#     ko: 고시된 기준에 따라 모든 통신시설의 등급을 분류하여 매년 9월 30일까지 근거자료와 함께 제출하고, 제출 내역(연도, 제출일, 근거자료)을 governance.facilityGrades에 기록하십시오.
#   frameworks:
#     - KR-BCDA
#   in_force:
#     - until: "2023-07-04"
#       parties: [carrier]
#       verifiable: false
#       label: law
#       citation: BCDA Art. 35-3(1); Decree Art. 23-3(3) (carriers' wording before 2023-07-04 not in the statute texts)
#     - from: "2023-07-04"
#       parties: [carrier, major-vas, major-idc]
#       label: law
#       citation: BCDA Art. 35-3(1); Decree Art. 23-3(3)
#       citation_ko: 방송통신발전 기본법 제35조의3제1항; 같은 법 시행령 제23조의3제3항
#       basis: Decree 23-3(1),(3) as amended 2023-07-03 (Decree No. 33611, in force 2023-07-04) extended grading to all 주요통신사업자; first grading owed is for 2024, due 2023-09-30
package resilcheck.controls.dm_grading

import data.resilcheck.lib.governance
import data.resilcheck.lib.inforce
import data.resilcheck.lib.params
import data.resilcheck.lib.scope
import data.resilcheck.lib.time

# in_force is this package's METADATA custom.in_force (a Go test holds them equal).
in_force := [
	{"until": "2023-07-04", "parties": ["carrier"], "verifiable": false, "label": "law", "citation": "BCDA Art. 35-3(1); Decree Art. 23-3(3) (carriers' wording before 2023-07-04 not in the statute texts)"},
	{"from": "2023-07-04", "parties": ["carrier", "major-vas", "major-idc"], "label": "law", "citation": "BCDA Art. 35-3(1); Decree Art. 23-3(3)", "citation_ko": "방송통신발전 기본법 제35조의3제1항; 같은 법 시행령 제23조의3제3항", "basis": "Decree 23-3(1),(3) as amended 2023-07-03 (Decree No. 33611, in force 2023-07-04) extended grading to all 주요통신사업자; first grading owed is for 2024, due 2023-09-30"},
]

# Violations are only judged where the control applies, so a direct query of violations
# agrees with the engine's verdict.
default applies := false

applies if inforce.binds(in_force, time.as_of)

reason := inforce.why_not(concerning, time.as_of)

# concerning are the periods that concern this provider for the reason: lib.inforce says "not
# verifiable" while a verifiable-false period covers the date, whichever parties it names, but
# for a provider that is of none of that period's party kinds (a value-added provider on
# 2023-07-03) the duty was simply not yet in force, and the reason must say that.
concerning := [p | some p in in_force; concerns(p)]

concerns(p) if not p.verifiable == false

concerns(p) if {
	some x in p.parties
	of_kind(x)
}

# of_kind(x): the provider is of party x's kind (its size aside, which the thresholds of the
# unverifiable years may not even have had).
of_kind("carrier") if scope.facilities_based

of_kind("major-vas") if scope.value_added

of_kind("major-idc") if count(scope.colo_sites) + count(scope.own_use_sites) > 0

path := ["governance", "facilityGrades"]

# Submissions are dated by submittedOn or submittedAt (governance.dated).
grades := governance.dated(object.get(input, path, []))

due_month_day := params.now("dm_grading_due_month_day")

basis := governance.param_basis("dm_grading_due_month_day", time.as_of_ns)

# The grading for year y is submitted on the deadline day of year y-1, as the schema's
# `year` convention for facilityGrades states.
due(y) := sprintf("%04d-%s", [y - 1, due_month_day])

# A grading year is owed only if the duty bound the provider on its deadline (time model
# rule 1), exactly as for plans: from the deadline of 2023-09-30 (the grading for 2024) for
# every 주요통신사업자; carriers' earlier gradings are not verifiable. The scope test reads
# the current metrics only: the current and (once due) the next year's gradings are always
# judged, older years when declared.
owed(y) if inforce.binds(in_force, due(y))

required_years := {y |
	some y in {time.as_of_year, time.as_of_year + 1}
	governance.passed(due(y))
	owed(y)
}

declared_owed := {y | some y in governance.declared_years(grades, 0); owed(y)}

dues := {y: due(y) | some y in (required_years | declared_owed)}

findings := governance.annual_findings(grades, dues)

violations contains {
	"msg": sprintf("the facility grades for %d have not been submitted; they were due by %s", [f.year, f.due]),
	"msg_ko": sprintf("%d년도분 통신시설 등급과 근거자료를 제출하지 않았습니다(제출 기한 %s).", [f.year, f.due]),
	"pointer": governance.missing_pointer(path, f),
	"key": sprintf("grades-%d", [f.year]),
	"evidence": {"grading_year": f.year, "due": f.due, "as_of": time.as_of, "basis": basis},
} if {
	applies
	some f in findings
	f.kind == "missing"
}

violations contains {
	"msg": sprintf("the facility grades for %d were submitted on %s, %d days after the %s deadline", [f.year, f.on, f.days_late, f.due]),
	"msg_ko": sprintf("%d년도분 통신시설 등급을 제출 기한(%s)보다 %d일 늦은 %s에 제출했습니다.", [f.year, f.due, f.days_late, f.on]),
	"pointer": governance.pointer(array.concat(path, [f.index, governance.dated_field(path, f.index)])),
	"key": sprintf("grades-%d:late", [f.year]),
	"evidence": {"grading_year": f.year, "due": f.due, "submitted_on": f.on, "days_late": f.days_late, "basis": basis},
} if {
	applies
	some f in findings
	f.kind == "late"
}

# The Act asks for the grades "with their supporting evidence": a submission that names no
# evidence cannot show it was complete.
violations contains {
	"msg": sprintf("the facility grades for %d submitted on %s name no supporting evidence", [f.year, f.on]),
	"msg_ko": sprintf("%s에 제출한 %d년도분 통신시설 등급에 근거자료가 기재되어 있지 않습니다.", [f.on, f.year]),
	"pointer": governance.pointer(array.concat(path, [f.index])),
	"key": sprintf("grades-%d:evidence", [f.year]),
	"evidence": {"grading_year": f.year, "submitted_on": f.on, "missing": "evidence"},
} if {
	applies
	some f in findings
	f.kind == "no_evidence"
}
