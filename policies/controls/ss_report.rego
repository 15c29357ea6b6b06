# METADATA
# title: Service-stability report submitted by the end of January
# description: |
#   A value-added provider bound by the service-stability duty writes up how it implemented
#   the stability measures and its plan for them, and submits it to the ministry by the end
#   of January every year (the report due on January 31 of year Y is the report for Y). The
#   duty was added by the amendments in force 2023-07-04, so the first report was due
#   2024-01-31. Judged: the most recent report whose deadline had passed on the audit date,
#   and every year the manifest declares, each only if the duty bound the provider on its
#   deadline. A submission counts on its Korean date (submittedOn, or the Korean date of
#   submittedAt).
# related_resources:
#   - https://www.law.go.kr/법령/전기통신사업법
# scope: package
# custom:
#   id: KR-TBA-22-7-REPORT
#   severity: medium
#   kind: law
#   regulation: TBA
#   title_ko: 서비스 안정성 확보 조치 이행 현황 및 계획 제출(매년 1월 말까지)
#   description_ko: 서비스 안정성 확보 의무가 있는 부가통신사업자는 조치의 이행 현황 및 계획에 관한 자료를 작성하여 매년 1월 말까지 과학기술정보통신부장관에게 제출하여야 한다. 2023년 7월 4일 시행 개정으로 생긴 의무로 첫 제출 기한은 2024년 1월 31일이다. 감사일에 기한이 지난 가장 최근 연도분과 매니페스트에 신고된 모든 연도분을, 각 기한에 의무가 있었던 경우에만 판단한다. 제출일은 한국 날짜(submittedOn 또는 submittedAt의 한국 날짜)로 본다.
#   citation:
#     law: Telecommunications Business Act
#     law_ko: 전기통신사업법
#     article: Art. 22-7(3)
#     in_force: "2023-07-04"
#     text: TBA Art. 22-7(3)
#     text_ko: 전기통신사업법 제22조의7제3항
#   remediation:
#     en: Submit the year's service-stability implementation status and plan to the ministry by January 31 and record each submission (year, submittedOn or submittedAt, evidence) under governance.stabilityReports.
#     ko: 매년 1월 31일까지 서비스 안정성 확보 조치의 이행 현황 및 계획을 과학기술정보통신부에 제출하고, 제출 내역(연도, 제출일 또는 제출 시각, 증빙)을 governance.stabilityReports에 기록하십시오.
#   frameworks:
#     - KR-TBA
#   in_force:
#     - from: "2023-07-04"
#       parties: [stability]
#       label: law
#       citation: TBA Art. 22-7(3)
#       citation_ko: 전기통신사업법 제22조의7제3항
#       basis: "added by Act No. 19153 (2023-01-03), in force 2023-07-04; first report due 2024-01-31"
package resilcheck.controls.ss_report

import data.resilcheck.lib.governance
import data.resilcheck.lib.inforce
import data.resilcheck.lib.params
import data.resilcheck.lib.time

# in_force is this package's METADATA custom.in_force (a Go test holds them equal).
in_force := [{"from": "2023-07-04", "parties": ["stability"], "label": "law", "citation": "TBA Art. 22-7(3)", "citation_ko": "전기통신사업법 제22조의7제3항", "basis": "added by Act No. 19153 (2023-01-03), in force 2023-07-04; first report due 2024-01-31"}]

# Violations are only judged where the control applies, so a direct query of violations
# agrees with the engine's verdict.
default applies := false

applies if inforce.binds(in_force, time.as_of)

reason := inforce.why_not(in_force, time.as_of)

path := ["governance", "stabilityReports"]

# reports are the declared submissions, dated by submittedOn or submittedAt.
reports := governance.dated(object.get(input, path, []))

due_month_day := params.now("ss_report_due_month_day")

basis := governance.param_basis("ss_report_due_month_day", time.as_of_ns)

# The report for year y is due by the deadline day of year y itself.
due(y) := sprintf("%04d-%s", [y, due_month_day])

# A report year is owed only if the duty bound the provider on its deadline (time model rule
# 1): the first is the one due 2024-01-31.
owed(y) if inforce.binds(in_force, due(y))

# Scope is computed from the last three months of the previous year, which is what binds the
# report due this January; in early January, before that deadline, the latest report due is
# last year's.
latest_due_year := time.as_of_year if governance.passed(due(time.as_of_year))

else := time.as_of_year - 1

required_years := {latest_due_year | owed(latest_due_year)}

declared_owed := {y | some y in governance.declared_years(reports, 0); owed(y)}

dues := {y: due(y) | some y in (required_years | declared_owed)}

findings := governance.annual_findings(reports, dues)

violations contains {
	"msg": sprintf("the service-stability report for %d has not been submitted; it was due by %s", [f.year, f.due]),
	"msg_ko": sprintf("%d년도 서비스 안정성 확보 조치 이행 현황 및 계획을 제출하지 않았습니다(제출 기한 %s).", [f.year, f.due]),
	"pointer": governance.missing_pointer(path, f),
	"evidence": {"report_year": f.year, "due": f.due, "as_of": time.as_of, "basis": basis},
} if {
	applies
	some f in findings
	f.kind == "missing"
}

violations contains {
	"msg": sprintf("the service-stability report for %d was submitted on %s, %d days after the %s deadline", [f.year, f.on, f.days_late, f.due]),
	"msg_ko": sprintf("%d년도 서비스 안정성 확보 조치 이행 현황 및 계획을 제출 기한(%s)보다 %d일 늦은 %s에 제출했습니다.", [f.year, f.due, f.days_late, f.on]),
	"pointer": governance.pointer(array.concat(path, [f.index, submitted_field(f.index)])),
	"evidence": {"report_year": f.year, "due": f.due, "submitted_on": f.on, "days_late": f.days_late, "basis": basis},
} if {
	applies
	some f in findings
	f.kind == "late"
}

# submitted_field(i) is the field that dates submission i.
submitted_field(i) := governance.dated_field(path, i)
