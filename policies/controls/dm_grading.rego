# METADATA
# title: Facility grades submitted with evidence by September 30
# description: |
#   A major provider classifies each of its communications facilities (buildings, cable
#   tunnels and other structures, including datacenters) into grades and submits the
#   grades with their supporting evidence to the ministry by September 30 every year; the
#   ministry designates the grades by November 30. Judged like the disaster management plan:
#   the grading for the audit year, the next year's once September 30 has passed, and every
#   year the manifest declares, from the first grading year the duty existed (2024).
# related_resources:
#   - https://www.law.go.kr/법령/방송통신발전기본법
# scope: package
# custom:
#   id: KR-BCDA-35-3-GRADING
#   severity: medium
#   kind: law
#   regulation: BCDA
#   title_ko: 통신시설 등급 분류 및 근거자료 제출(매년 9월 30일까지)
#   description_ko: 주요통신사업자는 각 통신시설의 등급을 분류하여 그 근거자료와 함께 매년 9월 30일까지 과학기술정보통신부장관에게 제출하여야 하며, 장관은 11월 30일까지 등급을 지정한다. 방송통신재난관리계획과 같은 방식으로 감사 연도분, 9월 30일이 지난 경우 다음 연도분, 매니페스트에 신고된 모든 연도분을 의무가 생긴 첫해(2024년분)부터 판단한다.
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
package resilcheck.controls.dm_grading

import data.resilcheck.lib.governance
import data.resilcheck.lib.params
import data.resilcheck.lib.scope
import data.resilcheck.lib.time

# Violations are only judged where the control applies, so a direct query of violations
# agrees with the engine's verdict.
default applies := false

applies if scope.disaster_management

path := ["governance", "facilityGrades"]

grades := object.get(input, path, [])

first_year := params.now("dm_grading_first_year")

due_month_day := params.now("dm_grading_due_month_day")

basis := governance.param_basis("dm_grading_due_month_day", time.as_of_ns)

# The grading for year y is submitted on the deadline day of year y-1, as the schema's
# `year` convention for facilityGrades states.
due(y) := sprintf("%04d-%s", [y - 1, due_month_day])

# As for plans, the current metrics only say the provider is bound now: the current and
# (once due) the next year's gradings are always judged, older years when declared.
required_years := {y |
	some y in {time.as_of_year, time.as_of_year + 1}
	y >= first_year
	governance.passed(due(y))
}

dues := {y: due(y) | some y in (required_years | governance.declared_years(grades, first_year))}

findings := governance.annual_findings(grades, dues)

violations contains {
	"msg": sprintf("the facility grades for %d have not been submitted; they were due by %s", [f.year, f.due]),
	"msg_ko": sprintf("%d년도분 통신시설 등급과 근거자료를 제출하지 않았습니다(제출 기한 %s).", [f.year, f.due]),
	"pointer": governance.missing_pointer(path, f),
	"evidence": {"grading_year": f.year, "due": f.due, "as_of": time.as_of, "first_grading_year": first_year, "basis": basis},
} if {
	applies
	some f in findings
	f.kind == "missing"
}

violations contains {
	"msg": sprintf("the facility grades for %d were submitted on %s, %d days after the %s deadline", [f.year, f.on, f.days_late, f.due]),
	"msg_ko": sprintf("%d년도분 통신시설 등급을 제출 기한(%s)보다 %d일 늦은 %s에 제출했습니다.", [f.year, f.due, f.days_late, f.on]),
	"pointer": governance.pointer(array.concat(path, [f.index, "submittedOn"])),
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
	"evidence": {"grading_year": f.year, "submitted_on": f.on, "missing": "evidence"},
} if {
	applies
	some f in findings
	f.kind == "no_evidence"
}
