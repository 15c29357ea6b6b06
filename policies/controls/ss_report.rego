# METADATA
# title: Service-stability report submitted by the end of January
# description: |
#   A value-added provider bound by the service-stability duty writes up how it implemented
#   the stability measures and its plan for them, and submits it to the ministry by the end
#   of January every year. Judged: the most recent report whose deadline had passed on the
#   audit date (the one the declared metrics trigger), and every year the manifest declares,
#   from the first report the duty asked for (2024, due 2024-01-31).
# related_resources:
#   - https://www.law.go.kr/법령/전기통신사업법
# scope: package
# custom:
#   id: KR-TBA-22-7-REPORT
#   severity: medium
#   kind: law
#   regulation: TBA
#   title_ko: 서비스 안정성 확보 조치 이행 현황 및 계획 제출(매년 1월 말까지)
#   description_ko: 서비스 안정성 확보 의무가 있는 부가통신사업자는 조치의 이행 현황 및 계획에 관한 자료를 작성하여 매년 1월 말까지 과학기술정보통신부장관에게 제출하여야 한다. 감사일에 기한이 지난 가장 최근 연도분과 매니페스트에 신고된 모든 연도분을 의무가 생긴 첫해(2024년 1월 31일 기한분)부터 판단한다.
#   citation:
#     law: Telecommunications Business Act
#     law_ko: 전기통신사업법
#     article: Art. 22-7(3)
#     in_force: "2023-07-04"
#     text: TBA Art. 22-7(3)
#     text_ko: 전기통신사업법 제22조의7제3항
#   remediation:
#     en: Submit the year's service-stability implementation status and plan to the ministry by January 31 and record each submission (year, submittedOn, evidence) under governance.stabilityReports.
#     ko: 매년 1월 31일까지 서비스 안정성 확보 조치의 이행 현황 및 계획을 과학기술정보통신부에 제출하고, 제출 내역(연도, 제출일, 증빙)을 governance.stabilityReports에 기록하십시오.
#   frameworks:
#     - KR-TBA
package resilcheck.controls.ss_report

import data.resilcheck.lib.governance
import data.resilcheck.lib.params
import data.resilcheck.lib.scope
import data.resilcheck.lib.time

# Violations are only judged where the control applies, so a direct query of violations
# agrees with the engine's verdict.
default applies := false

# The report duty was added on top of the older stability duty: before it was in force
# (first_year undefined) there is nothing to judge.
applies if {
	scope.stability
	first_year
}

path := ["governance", "stabilityReports"]

reports := object.get(input, path, [])

first_year := params.now("ss_report_first_year")

due_month_day := params.now("ss_report_due_month_day")

basis := governance.param_basis("ss_report_due_month_day", time.as_of_ns)

# The report for year y is due by the deadline day of year y itself.
due(y) := sprintf("%04d-%s", [y, due_month_day])

# Scope is computed from the last three months of the previous year, which is what binds the
# report due this January; in early January, before that deadline, the latest report due is
# last year's.
latest_due_year := time.as_of_year if governance.passed(due(time.as_of_year))

else := time.as_of_year - 1

required_years := {latest_due_year | latest_due_year >= first_year}

dues := {y: due(y) | some y in (required_years | governance.declared_years(reports, first_year))}

findings := governance.annual_findings(reports, dues)

violations contains {
	"msg": sprintf("the service-stability report for %d has not been submitted; it was due by %s", [f.year, f.due]),
	"msg_ko": sprintf("%d년도 서비스 안정성 확보 조치 이행 현황 및 계획을 제출하지 않았습니다(제출 기한 %s).", [f.year, f.due]),
	"pointer": governance.missing_pointer(path, f),
	"evidence": {"report_year": f.year, "due": f.due, "as_of": time.as_of, "first_report_year": first_year, "basis": basis},
} if {
	applies
	some f in findings
	f.kind == "missing"
}

violations contains {
	"msg": sprintf("the service-stability report for %d was submitted on %s, %d days after the %s deadline", [f.year, f.on, f.days_late, f.due]),
	"msg_ko": sprintf("%d년도 서비스 안정성 확보 조치 이행 현황 및 계획을 제출 기한(%s)보다 %d일 늦은 %s에 제출했습니다.", [f.year, f.due, f.days_late, f.on]),
	"pointer": governance.pointer(array.concat(path, [f.index, "submittedOn"])),
	"evidence": {"report_year": f.year, "due": f.due, "submitted_on": f.on, "days_late": f.days_late, "basis": basis},
} if {
	applies
	some f in findings
	f.kind == "late"
}
