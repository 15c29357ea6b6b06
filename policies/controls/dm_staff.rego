# METADATA
# title: Dedicated disaster-management department or staff
# description: |
#   A 주요통신사업자 (major carrier, value-added provider or datacenter operator) whose
#   previous-year telecommunications-service revenue is at least the department threshold
#   (KRW 1 trillion) runs a department dedicated to communications disaster management; one
#   at least at the staff threshold (KRW 10 billion) and below the department threshold keeps
#   at least two staff dedicated to it (BCDA Art. 39-2(2); Decree Art. 27-2(3)). Below the
#   staff threshold the duty does not apply (not applicable, with the numbers); a provider
#   that does not declare its telecom revenue fails, because the duty cannot be sized. The
#   duty was inserted in force 2021-12-09 (carriers); value-added providers and datacenter
#   operators are bound from 2023-07-04.
# related_resources:
#   - https://www.law.go.kr/법령/방송통신발전기본법
# scope: package
# custom:
#   id: KR-BCDA-39-2-STAFF
#   severity: medium
#   kind: law
#   regulation: BCDA
#   title_ko: 통신재난관리 전담부서 또는 전담인력 운용
#   description_ko: 전년도 전기통신역무 매출액이 1조원 이상인 주요통신사업자는 통신재난관리 전담부서를, 100억원 이상 1조원 미만인 주요통신사업자는 2명 이상의 통신재난관리 전담인력을 운용하여야 한다. 100억원 미만이면 의무가 없으며(해당 없음, 수치와 함께 표시), 전기통신역무 매출액을 신고하지 않은 주요통신사업자는 의무 규모를 판단할 수 없으므로 불합격으로 본다. 이 의무는 2021-12-09에 신설되어 기간통신사업자에게 적용되었고, 부가통신·집적정보통신시설 사업자에게는 2023-07-04부터 적용된다.
#   citation:
#     law: Framework Act on Broadcasting and Communications Development
#     law_ko: 방송통신발전 기본법
#     article: Art. 39-2(2)
#     decree: Enforcement Decree Art. 27-2(3)
#     in_force: "2021-12-09"
#     text: BCDA Art. 39-2(2); Decree Art. 27-2(3)
#     text_ko: 방송통신발전 기본법 제39조의2제2항; 같은 법 시행령 제27조의2제3항
#   remediation:
#     en: With telecom revenue of KRW 1 trillion or more, set up a department dedicated to communications disaster management; from KRW 10 billion, assign at least two full-time staff. Declare provider.metrics.telecomRevenueKRW and governance.disasterTeam.
#     ko: 전기통신역무 매출액이 1조원 이상이면 통신재난관리 전담부서를 두고, 100억원 이상이면 2명 이상의 전담인력을 배치하십시오. provider.metrics.telecomRevenueKRW와 governance.disasterTeam을 신고하십시오.
#   frameworks:
#     - KR-BCDA
#   in_force:
#     - from: "2021-12-09"
#       until: "2023-07-04"
#       parties: [carrier]
#       label: law
#       citation: BCDA Art. 39-2(2); Decree Art. 27-2(3)
#       citation_ko: 방송통신발전 기본법 제39조의2제2항; 같은 법 시행령 제27조의2제3항
#       basis: Act 39-2(2) inserted 2021-06-08 (Act No. 18198, in force six months after promulgation); Decree 27-2(3) inserted 2021-12-09
#     - from: "2023-07-04"
#       parties: [carrier, major-vas, major-idc]
#       label: law
#       citation: BCDA Art. 39-2(2); Decree Art. 27-2(3)
#       citation_ko: 방송통신발전 기본법 제39조의2제2항; 같은 법 시행령 제27조의2제3항
#       basis: Act No. 19152 (2023-01-03) and Decree No. 33611, in force 2023-07-04, made major value-added providers and datacenter operators 주요통신사업자
package resilcheck.controls.dm_staff

import data.resilcheck.lib.governance
import data.resilcheck.lib.inforce
import data.resilcheck.lib.params
import data.resilcheck.lib.scope
import data.resilcheck.lib.text
import data.resilcheck.lib.time

# in_force is this package's METADATA custom.in_force (a Go test holds them equal). The duty
# was inserted (신설) in force 2021-12-09: before then there was none, so the reason is "not
# in force", not "not verifiable".
in_force := [
	{"from": "2021-12-09", "until": "2023-07-04", "parties": ["carrier"], "label": "law", "citation": "BCDA Art. 39-2(2); Decree Art. 27-2(3)", "citation_ko": "방송통신발전 기본법 제39조의2제2항; 같은 법 시행령 제27조의2제3항", "basis": "Act 39-2(2) inserted 2021-06-08 (Act No. 18198, in force six months after promulgation); Decree 27-2(3) inserted 2021-12-09"},
	{"from": "2023-07-04", "parties": ["carrier", "major-vas", "major-idc"], "label": "law", "citation": "BCDA Art. 39-2(2); Decree Art. 27-2(3)", "citation_ko": "방송통신발전 기본법 제39조의2제2항; 같은 법 시행령 제27조의2제3항", "basis": "Act No. 19152 (2023-01-03) and Decree No. 33611, in force 2023-07-04, made major value-added providers and datacenter operators 주요통신사업자"},
]

# Violations are only judged where the control applies, so a direct query of violations
# agrees with the engine's verdict.
default applies := false

bound if inforce.binds(in_force, time.as_of)

# An undeclared revenue cannot size the duty: the provider fails naming it (a missing value
# needed to size a duty is a failure, REGULATIONS.md "Obligations").
applies if {
	bound
	not revenue_declared
}

applies if {
	bound
	revenue >= staff_min_revenue
}

reason := r if {
	r := inforce.why_not(in_force, time.as_of)
} else := {
	"en": sprintf("telecom revenue KRW %s < KRW %s: no dedicated department or staff is required (Decree Art. 27-2(3))", [text.group(revenue), text.group(staff_min_revenue)]),
	"ko": sprintf("전기통신역무 매출액 %s원 < %s원: 통신재난관리 전담부서·전담인력 의무가 없습니다(시행령 제27조의2제3항)", [text.group(revenue), text.group(staff_min_revenue)]),
} if {
	revenue_declared
	revenue < staff_min_revenue
}

revenue_declared if object.get(scope.metrics, "telecomRevenueKRW", null) != null

revenue := scope.telecom_revenue

team := object.get(input, ["governance", "disasterTeam"], {})

staff_min_revenue := params.now("dm_staff_min_telecom_revenue_krw")

department_min_revenue := params.now("dm_staff_department_min_telecom_revenue_krw")

min_staff := params.now("dm_staff_min_count")

basis := governance.param_basis("dm_staff_department_min_telecom_revenue_krw", time.as_of_ns)

violations contains {
	"msg": "previous-year telecom revenue is not declared (provider.metrics.telecomRevenueKRW), so the dedicated department or staff duty cannot be sized",
	"msg_ko": "전년도 전기통신역무 매출액(provider.metrics.telecomRevenueKRW)이 신고되지 않아 전담부서 또는 전담인력 의무의 규모를 판단할 수 없습니다.",
	"pointer": governance.nearest_pointer(["provider", "metrics", "telecomRevenueKRW"]),
	"evidence": {"missing": "provider.metrics.telecomRevenueKRW", "min_telecom_revenue_krw": staff_min_revenue, "department_min_telecom_revenue_krw": department_min_revenue},
} if {
	applies
	not revenue_declared
}

violations contains {
	"msg": sprintf("telecom revenue of KRW %s is at least KRW %s, but no dedicated disaster-management department is declared", [text.group(revenue), text.group(department_min_revenue)]),
	"msg_ko": sprintf("전기통신역무 매출액(%s원)이 %s원 이상이지만 통신재난관리 전담부서가 신고되지 않았습니다.", [text.group(revenue), text.group(department_min_revenue)]),
	"pointer": governance.nearest_pointer(["governance", "disasterTeam", "dedicatedDepartment"]),
	"evidence": {
		"telecom_revenue_krw": revenue,
		"department_min_telecom_revenue_krw": department_min_revenue,
		"dedicated_department": object.get(team, "dedicatedDepartment", "not declared"),
		"basis": basis,
	},
} if {
	applies
	revenue_declared
	revenue >= department_min_revenue
	not team.dedicatedDepartment == true
}

violations contains {
	"msg": sprintf("telecom revenue of KRW %s (at least KRW %s, below KRW %s) requires at least %d dedicated disaster-management staff; %s", [text.group(revenue), text.group(staff_min_revenue), text.group(department_min_revenue), min_staff, staff_shortfall]),
	"msg_ko": sprintf("전기통신역무 매출액이 %s원(%s원 이상 %s원 미만)이면 통신재난관리 전담인력이 %d명 이상 필요합니다. %s", [text.group(revenue), text.group(staff_min_revenue), text.group(department_min_revenue), min_staff, staff_shortfall_ko]),
	"pointer": governance.nearest_pointer(["governance", "disasterTeam", "dedicatedStaff"]),
	"evidence": {
		"telecom_revenue_krw": revenue,
		"min_telecom_revenue_krw": staff_min_revenue,
		"department_min_telecom_revenue_krw": department_min_revenue,
		"dedicated_staff": object.get(team, "dedicatedStaff", "not declared"),
		"min_staff": min_staff,
		"basis": basis,
	},
} if {
	applies
	revenue_declared
	revenue >= staff_min_revenue
	revenue < department_min_revenue
	not enough_staff
}

enough_staff if team.dedicatedStaff >= min_staff

staff_shortfall := sprintf("%d declared", [team.dedicatedStaff]) if team.dedicatedStaff

else := "the number is not declared (governance.disasterTeam.dedicatedStaff)"

staff_shortfall_ko := sprintf("신고된 인원은 %d명입니다.", [team.dedicatedStaff]) if team.dedicatedStaff

else := "전담인력 수(governance.disasterTeam.dedicatedStaff)가 신고되지 않았습니다."
