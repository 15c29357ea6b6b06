# METADATA
# title: Large carriers publish a yearly service-stability report on their website by June 30
# description: |
#   A facilities-based carrier bound by the stability duty (telecom-service revenue of KRW 1
#   trillion or more, and 100,000 subscribers or 500,000 lines or more) writes a yearly
#   report on the stability of its services (general efforts, investment, internal training)
#   and publishes it on its own internet homepage by June 30 every year. A report is
#   identified by the year of its deadline. Judged: the most recent reports whose deadline
#   had passed on the audit date, and every year the manifest declares, each only if the duty
#   bound the carrier on its deadline, from the first report (taken as due 2025-06-30: an
#   audit default, since the duty came into force on 2024-06-30 itself). A report without
#   the address it is published at is not shown to be on the homepage and fails. What the
#   report says is not judged.
# related_resources:
#   - https://www.law.go.kr/법령/전기통신사업법
# scope: package
# custom:
#   id: KR-TBA-32-10-REPORT
#   severity: medium
#   kind: law
#   regulation: TBA
#   title_ko: 기간통신사업자의 서비스 안정성 보고서 홈페이지 공개(매년 6월 30일까지)
#   description_ko: 서비스 안정성 확보 의무가 있는 회선설비 보유사업자는 전기통신역무등의 안정성에 관한 보고서(일반적인 노력, 투자, 내부 교육 등)를 작성하여 매년 6월 30일까지 자신의 인터넷 홈페이지에 공개하여야 한다. 감사일에 기한이 지난 최근 연도분과 매니페스트에 신고된 모든 연도분을 그 기한에 의무가 있었던 경우에만, 최초 보고서(감사 기본값으로 2025년 6월 30일 기한분)부터 판단한다. 공개 주소(url)가 없는 보고서는 홈페이지 공개가 확인되지 않아 위반으로 본다.
#   citation:
#     law: Telecommunications Business Act
#     law_ko: 전기통신사업법
#     article: Art. 32-10(4)
#     decree: Enforcement Decree Art. 37-12(3)
#     in_force: "2024-06-30"
#     text: TBA Art. 32-10(4); Decree Art. 37-12(3)
#     text_ko: 전기통신사업법 제32조의10제4항; 같은 법 시행령 제37조의12제3항
#   remediation:
#     en: Publish the yearly service-stability report on your website by June 30 and record each (year, publishedOn, url) under governance.carrierStabilityReports.
#     ko: 매년 6월 30일까지 서비스 안정성 보고서를 홈페이지에 공개하고 공개 내역(year, publishedOn, url)을 governance.carrierStabilityReports에 기록하십시오.
#   frameworks:
#     - KR-TBA
#   in_force:
#     - from: "2024-06-30"
#       parties: [carrier-stability]
#       label: law
#       citation: TBA Art. 32-10(4); Decree Art. 37-12(3)
#       citation_ko: 전기통신사업법 제32조의10제4항; 같은 법 시행령 제37조의12제3항
#       basis: Act No. 19856 (2023-12-29) Addenda Art. 1 item 2, six months after promulgation (2024-06-30); Decree No. 34617 Addenda, Art. 37-12 from 2024-06-30; first report taken as due 2025-06-30 (audit default)
package resilcheck.controls.cr_stability_report

import data.resilcheck.lib.governance
import data.resilcheck.lib.incidents
import data.resilcheck.lib.inforce
import data.resilcheck.lib.params
import data.resilcheck.lib.time

# in_force is this package's METADATA custom.in_force (a Go test holds them equal).
in_force := [{"from": "2024-06-30", "parties": ["carrier-stability"], "label": "law", "citation": "TBA Art. 32-10(4); Decree Art. 37-12(3)", "citation_ko": "전기통신사업법 제32조의10제4항; 같은 법 시행령 제37조의12제3항", "basis": "Act No. 19856 (2023-12-29) Addenda Art. 1 item 2, six months after promulgation (2024-06-30); Decree No. 34617 Addenda, Art. 37-12 from 2024-06-30; first report taken as due 2025-06-30 (audit default)"}]

# Violations are only judged where the control applies, so a direct query of violations
# agrees with the engine's verdict.
default applies := false

applies if inforce.binds(in_force, time.as_of)

reason := inforce.why_not(in_force, time.as_of)

path := ["governance", "carrierStabilityReports"]

reports := object.get(input, path, [])

due_month_day := params.now("cr_report_due_month_day")

# The first report year is an audit default (the duty came into force on 2024-06-30, the very
# day a 2024 report would have been due): shown with its label in every finding.
first := incidents.param("cr_report_first_year", time.as_of_ns)

basis := governance.param_basis("cr_report_due_month_day", time.as_of_ns)

# The report of year y is due on the deadline day of year y.
due(y) := sprintf("%04d-%s", [y, due_month_day])

# A report is owed only from the first report year and if the duty bound the carrier on its
# deadline (time model rule 1). The scope test reads the current metrics: the most recent
# reports (this year's once June 30 has passed, and last year's) are always judged; older
# years when the manifest declares them.
owed(y) if {
	y >= first.value
	inforce.binds(in_force, due(y))
}

required_years := {y |
	some y in {time.as_of_year - 1, time.as_of_year}
	governance.passed(due(y))
	owed(y)
}

declared_owed := {y | some y in governance.declared_years(reports, first.value); owed(y)}

dues := {y: due(y) | some y in (required_years | declared_owed)}

# The reports in the shape of governance.annual_findings (same indexes): published on =
# submitted on, the homepage address = the evidence.
as_submission(r) := {"year": r.year, "submittedOn": r.publishedOn, "evidence": object.get(r, "url", "")} if {
	r.publishedOn
} else := {"year": r.year, "evidence": object.get(r, "url", "")}

findings := governance.annual_findings([as_submission(r) | some r in reports], dues)

evidence(f) := {
	"report_year": f.year,
	"due": f.due,
	"basis": basis,
	"first_report_year": first.value,
	"first_report_label": first.label,
	"first_report_basis": first.basis,
}

violations contains {
	"msg": sprintf("the service-stability report for %d has not been published on the homepage; it was due by %s (TBA 32-10(4); Decree 37-12(3))", [f.year, f.due]),
	"msg_ko": sprintf("%d년도 서비스 안정성 보고서를 홈페이지에 공개하지 않았습니다(공개 기한 %s, 전기통신사업법 제32조의10제4항, 시행령 제37조의12제3항).", [f.year, f.due]),
	"pointer": governance.missing_pointer(path, f),
	"key": sprintf("report-%d", [f.year]),
	"evidence": object.union(evidence(f), {"as_of": time.as_of}),
} if {
	applies
	some f in findings
	f.kind == "missing"
}

violations contains {
	"msg": sprintf("the service-stability report for %d was published on %s, %d days after the %s deadline (Decree 37-12(3))", [f.year, f.on, f.days_late, f.due]),
	"msg_ko": sprintf("%d년도 서비스 안정성 보고서를 공개 기한(%s)보다 %d일 늦은 %s에 공개했습니다(시행령 제37조의12제3항).", [f.year, f.due, f.days_late, f.on]),
	"pointer": governance.pointer(array.concat(path, [f.index, "publishedOn"])),
	"key": sprintf("report-%d:late", [f.year]),
	"evidence": object.union(evidence(f), {"published_on": f.on, "days_late": f.days_late}),
} if {
	applies
	some f in findings
	f.kind == "late"
}

violations contains {
	"msg": sprintf("the service-stability report for %d (published on %s) gives no url: it must be published on the carrier's internet homepage (Decree 37-12(3))", [f.year, f.on]),
	"msg_ko": sprintf("%d년도 서비스 안정성 보고서(%s 공개)의 공개 주소(url)가 없습니다. 인터넷 홈페이지에 공개해야 합니다(시행령 제37조의12제3항).", [f.year, f.on]),
	"pointer": governance.pointer(array.concat(path, [f.index])),
	"key": sprintf("report-%d:url", [f.year]),
	"evidence": object.union(evidence(f), {"published_on": f.on, "missing": "url"}),
} if {
	applies
	some f in findings
	f.kind == "no_evidence"
}
