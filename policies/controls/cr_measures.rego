# METADATA
# title: Large carriers take technical and managerial measures for service stability
# description: |
#   A facilities-based carrier with previous-year telecom-service revenue of KRW 1 trillion
#   or more and 100,000 subscribers or 500,000 lines or more takes technical and managerial
#   measures to provide its services stably, including vulnerability analysis and
#   assessment, management and monitoring of core equipment, and traffic distribution. Each
#   of the three named measures is judged: declared false or not declared fails by name.
#   The measures must meet the technical standards of TBA Art. 61; those standards are not in
#   the statute texts and are not judged.
# related_resources:
#   - https://www.law.go.kr/법령/전기통신사업법
# scope: package
# custom:
#   id: KR-TBA-32-10-MEASURES
#   severity: high
#   kind: law
#   regulation: TBA
#   title_ko: 기간통신사업자의 서비스 안정성 확보를 위한 기술적·관리적 조치
#   description_ko: 전년도 전기통신역무 매출액 1조원 이상이고 가입자 10만명 이상 또는 회선 50만 이상인 회선설비 보유사업자는 전기통신역무등을 안정적으로 제공하기 위하여 취약점 분석·평가, 핵심설비 관리 및 모니터링, 트래픽 분산 대책 등 기술적·관리적 조치를 취하여야 한다. 명시된 세 조치를 각각 판단하며, 제61조의 기술기준은 법령 원문에 없어 판단하지 않는다.
#   citation:
#     law: Telecommunications Business Act
#     law_ko: 전기통신사업법
#     article: Art. 32-10(2)
#     decree: Enforcement Decree Art. 37-12(1)
#     in_force: "2024-06-30"
#     text: TBA Art. 32-10(2); Decree Art. 37-12(1)
#     text_ko: 전기통신사업법 제32조의10제2항; 같은 법 시행령 제37조의12제1항
#   remediation:
#     en: Put in place vulnerability analysis and assessment, core-equipment management and monitoring, and traffic distribution measures, and declare each under governance.carrierMeasures.
#     ko: 취약점 분석·평가, 핵심설비 관리 및 모니터링, 트래픽 분산 대책을 마련하고 governance.carrierMeasures에 각각 신고하십시오.
#   frameworks:
#     - KR-TBA
#   in_force:
#     - from: "2024-06-30"
#       parties: [carrier-stability]
#       label: law
#       citation: TBA Art. 32-10(2); Decree Art. 37-12(1)
#       citation_ko: 전기통신사업법 제32조의10제2항; 같은 법 시행령 제37조의12제1항
#       basis: Act No. 19856 (2023-12-29) Addenda Art. 1 item 2, six months after promulgation (2024-06-30); Decree No. 34617 Addenda, Art. 37-12 from 2024-06-30
package resilcheck.controls.cr_measures

import data.resilcheck.lib.governance
import data.resilcheck.lib.inforce
import data.resilcheck.lib.time

# in_force is this package's METADATA custom.in_force (a Go test holds them equal).
in_force := [{"from": "2024-06-30", "parties": ["carrier-stability"], "label": "law", "citation": "TBA Art. 32-10(2); Decree Art. 37-12(1)", "citation_ko": "전기통신사업법 제32조의10제2항; 같은 법 시행령 제37조의12제1항", "basis": "Act No. 19856 (2023-12-29) Addenda Art. 1 item 2, six months after promulgation (2024-06-30); Decree No. 34617 Addenda, Art. 37-12 from 2024-06-30"}]

# Violations are only judged where the control applies, so a direct query of violations
# agrees with the engine's verdict.
default applies := false

applies if inforce.binds(in_force, time.as_of)

reason := inforce.why_not(in_force, time.as_of)

path := ["governance", "carrierMeasures"]

# The measures 32-10(2) names ("취약점 분석ㆍ평가, 핵심설비 관리 및 모니터링, 트래픽 분산 대책 등").
# "등" leaves room for others, and the TBA Art. 61 technical standards they must meet are not
# in the statute texts: neither is judged.
measures := {
	"vulnerabilityAssessment": {"en": "vulnerability analysis and assessment", "ko": "취약점 분석·평가"},
	"coreEquipmentMonitoring": {"en": "core-equipment management and monitoring", "ko": "핵심설비 관리 및 모니터링"},
	"trafficDistribution": {"en": "traffic distribution", "ko": "트래픽 분산 대책"},
}

evidence(m, declared) := {
	"measure": m,
	"declared": declared,
	"as_of": time.as_of,
	"citation": inforce.citation_on(in_force, time.as_of).en,
	"not_judged": "whether the measures meet the TBA Art. 61 technical standards (not in the statute texts)",
}

violations contains {
	"msg": sprintf("the stability measure '%s' is declared not in place (governance.carrierMeasures.%s: false; TBA 32-10(2))", [measures[m].en, m]),
	"msg_ko": sprintf("%s 조치가 없다고 신고되었습니다(governance.carrierMeasures.%s: false, 전기통신사업법 제32조의10제2항).", [measures[m].ko, m]),
	"pointer": governance.pointer(array.concat(path, [m])),
	"evidence": evidence(m, false),
} if {
	applies
	some m, _ in measures
	object.get(input, array.concat(path, [m]), null) == false
}

violations contains {
	"msg": sprintf("the stability measure '%s' is not declared (governance.carrierMeasures.%s; TBA 32-10(2))", [measures[m].en, m]),
	"msg_ko": sprintf("%s 조치가 신고되지 않았습니다(governance.carrierMeasures.%s, 전기통신사업법 제32조의10제2항).", [measures[m].ko, m]),
	"pointer": governance.nearest_pointer(array.concat(path, [m])),
	"evidence": evidence(m, "not declared"),
} if {
	applies
	some m, _ in measures
	object.get(input, array.concat(path, [m]), null) == null
}
