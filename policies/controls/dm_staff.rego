# METADATA
# title: Dedicated disaster-management department or staff
# description: |
#   A major provider whose previous-year telecommunications revenue is KRW 1 trillion or
#   more runs a department dedicated to communications disaster management; one with KRW
#   10 billion up to 1 trillion keeps at least two staff dedicated to it. Below KRW 10
#   billion the duty does not apply; a major provider that does not declare its telecom
#   revenue fails, because the duty cannot be sized.
# related_resources:
#   - https://www.law.go.kr/법령/방송통신발전기본법
# scope: package
# custom:
#   id: KR-BCDA-39-2-STAFF
#   severity: medium
#   kind: law
#   regulation: BCDA
#   title_ko: 통신재난관리 전담부서 또는 전담인력 운용
#   description_ko: 전년도 전기통신역무 매출액이 1조원 이상인 주요통신사업자는 통신재난관리 전담부서를, 100억원 이상 1조원 미만인 주요통신사업자는 2명 이상의 통신재난관리 전담인력을 운용하여야 한다. 100억원 미만이면 의무가 없으며, 전기통신역무 매출액을 신고하지 않은 주요사업자는 의무 규모를 판단할 수 없으므로 불합격으로 본다.
#   citation:
#     law: Framework Act on Broadcasting and Communications Development
#     law_ko: 방송통신발전 기본법
#     article: Art. 39-2(2)
#     decree: Enforcement Decree Art. 27-2(3)
#     in_force: "2023-07-04"
#     text: BCDA Art. 39-2(2); Decree Art. 27-2(3)
#     text_ko: 방송통신발전 기본법 제39조의2제2항; 같은 법 시행령 제27조의2제3항
#   remediation:
#     en: With telecom revenue of KRW 1 trillion or more, set up a department dedicated to communications disaster management; from KRW 10 billion, assign at least two full-time staff. Declare provider.metrics.telecomRevenueKRW and governance.disasterTeam.
#     ko: 전기통신역무 매출액이 1조원 이상이면 통신재난관리 전담부서를 두고, 100억원 이상이면 2명 이상의 전담인력을 배치하십시오. provider.metrics.telecomRevenueKRW와 governance.disasterTeam을 신고하십시오.
#   frameworks:
#     - KR-BCDA
package resilcheck.controls.dm_staff

import data.resilcheck.lib.governance
import data.resilcheck.lib.params
import data.resilcheck.lib.scope
import data.resilcheck.lib.time

# Violations are only judged where the control applies, so a direct query of violations
# agrees with the engine's verdict.
default applies := false

applies if {
	scope.disaster_management
	not revenue_declared
}

applies if {
	scope.disaster_management
	revenue >= staff_min_revenue
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
	"evidence": {"missing": "provider.metrics.telecomRevenueKRW"},
} if {
	applies
	scope.disaster_management
	not revenue_declared
}

violations contains {
	"msg": sprintf("telecom revenue of KRW %s is at least KRW %s, but no dedicated disaster-management department is declared", [krw(revenue), krw(department_min_revenue)]),
	"msg_ko": sprintf("전기통신역무 매출액(%s원)이 %s원 이상이지만 통신재난관리 전담부서가 신고되지 않았습니다.", [krw(revenue), krw(department_min_revenue)]),
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
	"msg": sprintf("telecom revenue of KRW %s requires at least %d dedicated disaster-management staff; %s", [krw(revenue), min_staff, staff_shortfall]),
	"msg_ko": sprintf("전기통신역무 매출액이 %s원이면 통신재난관리 전담인력이 %d명 이상 필요합니다. %s", [krw(revenue), min_staff, staff_shortfall_ko]),
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

# krw(x) prints an amount in whole won: YAML may carry large amounts as floats (1.2e12),
# which %d cannot print.
krw(x) := format_int(x, 10)
