# METADATA
# title: Service-stability measures in place
# description: |
#   A value-added provider bound by the service-stability duty takes, within its own powers,
#   the measures the decree lists: pre-checks of its equipment, server multiplexing or
#   delivery optimisation for traffic peaks, capacity planning ahead of traffic growth, a
#   Korean-language support channel (real time in business hours, otherwise within three
#   business days), notice to users of interruptions and slowdowns with a contact point, and
#   a way for users to take their data when they leave. Each measure that is declared false
#   or not declared at all is a violation naming it.
# related_resources:
#   - https://www.law.go.kr/법령/전기통신사업법시행령
# scope: package
# custom:
#   id: KR-TBA-22-7-MEASURES
#   severity: high
#   kind: law
#   regulation: TBA
#   title_ko: 서비스 안정성 확보 조치 이행
#   description_ko: 서비스 안정성 확보 의무가 있는 부가통신사업자는 자신의 권한과 책임 범위에서 사업용전기통신설비의 사전점검, 트래픽 집중에 대비한 서버 다중화 또는 전송량 최적화, 트래픽 증가에 대비한 용량 확보, 한국어 이용자 요구사항 처리(영업시간 중 실시간, 불가 시 3영업일 이내), 서비스 중단·속도 저하 시 연락처 고지, 이용 종료 시 이용자 자료 전송 수단 확보 등의 조치를 하여야 한다. 조치가 false이거나 신고되지 않으면 조치별로 위반으로 본다.
#   citation:
#     law: Telecommunications Business Act
#     law_ko: 전기통신사업법
#     article: Art. 22-7(1)
#     decree: Enforcement Decree Art. 30-8(2)
#     in_force: "2023-07-04"
#     text: TBA Art. 22-7(1); Decree Art. 30-8(2)
#     text_ko: 전기통신사업법 제22조의7제1항; 같은 법 시행령 제30조의8제2항
#   remediation:
#     en: Put each measure of Decree Art. 30-8(2) in place and declare it true under governance.stabilityMeasures; keep the internal guideline the decree asks for as evidence.
#     ko: 시행령 제30조의8제2항의 각 조치를 이행하고 governance.stabilityMeasures에 true로 신고하십시오. 시행령이 요구하는 자체 지침을 증빙으로 보관하십시오.
#   frameworks:
#     - KR-TBA
package resilcheck.controls.ss_measures

import data.resilcheck.lib.governance
import data.resilcheck.lib.scope

# Violations are only judged where the control applies, so a direct query of violations
# agrees with the engine's verdict.
default applies := false

applies if scope.stability

path := ["governance", "stabilityMeasures"]

declared := object.get(input, path, null)

# The manifest's measure fields and the decree items they stand for.
measures := {
	"equipmentPreChecks": {
		"item": "Decree Art. 30-8(2)1(b)",
		"en": "pre-checks of business telecom equipment to prevent technical errors",
		"ko": "사업용전기통신설비의 사전점검 등 기술적 오류 방지 조치",
	},
	"serverMultiplexing": {
		"item": "Decree Art. 30-8(2)1(c)",
		"en": "server multiplexing or delivery optimisation for traffic peaks",
		"ko": "트래픽 집중에 대비한 서버 다중화 또는 콘텐츠 전송량 최적화",
	},
	"capacityPlanning": {
		"item": "Decree Art. 30-8(2)1(d)",
		"en": "capacity planning ahead of traffic growth",
		"ko": "트래픽 증가에 대비한 서버 용량 증설 등 조치 마련",
	},
	"koreanSupportChannel": {
		"item": "Decree Art. 30-8(2)2(a)",
		"en": "a Korean-language support channel answering in real time in business hours, otherwise within 3 business days",
		"ko": "영업시간 중 실시간, 불가 시 3영업일 이내에 처리하는 한국어 이용자 요구사항 처리 시스템",
	},
	"slowdownNotice": {
		"item": "Decree Art. 30-8(2)2(b)",
		"en": "notice to users of interruptions and slowdowns, with a contact point",
		"ko": "서비스 중단·속도 저하 등 중대한 변동사항 발생 시 상담 연락처 등 고지",
	},
	"dataExport": {
		"item": "Decree Art. 30-8(2)2(c)",
		"en": "a way for users to take their data when they leave",
		"ko": "이용계약 해지·휴폐업 시 이용자 자료 전송 수단 확보",
	},
}

violations contains {
	"msg": "no service-stability measures are declared (governance.stabilityMeasures is missing)",
	"msg_ko": "서비스 안정성 확보 조치가 신고되지 않았습니다(governance.stabilityMeasures 누락).",
	"pointer": governance.nearest_pointer(path),
	"evidence": {"missing": "governance.stabilityMeasures", "measures": sort(object.keys(measures))},
} if {
	applies
	declared == null
}

violations contains {
	"msg": sprintf("service-stability measure %s is not in place: %s (%s)", [name, m.en, m.item]),
	"msg_ko": sprintf("서비스 안정성 확보 조치(%s: %s, %s)를 이행하지 않았습니다.", [name, m.ko, m.item]),
	"pointer": governance.pointer(array.concat(path, [name])),
	"evidence": {"measure": name, "declared": false, "item": m.item},
} if {
	applies
	some name, m in measures
	declared[name] == false
}

violations contains {
	"msg": sprintf("service-stability measure %s is not declared: %s (%s)", [name, m.en, m.item]),
	"msg_ko": sprintf("서비스 안정성 확보 조치(%s: %s, %s)의 이행 여부가 신고되지 않았습니다.", [name, m.ko, m.item]),
	"pointer": governance.pointer(path),
	"evidence": {"measure": name, "declared": "not declared", "item": m.item},
} if {
	applies
	declared != null
	some name, m in measures
	not name in object.keys(declared)
}
