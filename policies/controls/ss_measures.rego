# METADATA
# title: Service-stability measures in place
# description: |
#   A value-added provider bound by the service-stability duty (at least 1,000,000 daily users
#   and 1 % of domestic traffic) takes, within its own powers, the measures Decree Art.
#   30-8(2) lists: stable service without discrimination by device or carrier (1가),
#   pre-checks of its equipment (1나), server multiplexing or delivery optimisation for
#   traffic peaks (1다), capacity planning ahead of traffic growth (1라), prior notice to
#   carriers of acts such as traffic-route changes (1마), a Korean-language support channel
#   (2가), notice to users of interruptions and slowdowns with a contact point (2나), a way for
#   users to take their data when they leave (2다), reasonable means of payment (3), and an
#   internal guideline covering them (4). Each measure declared false or not declared at all
#   is a violation naming it. Before 2023-07-04 the duty existed in an older wording not in
#   the statute texts: the current list is judged and labelled as such.
# related_resources:
#   - https://www.law.go.kr/법령/전기통신사업법시행령
# scope: package
# custom:
#   id: KR-TBA-22-7-MEASURES
#   severity: high
#   kind: law
#   regulation: TBA
#   title_ko: 서비스 안정성 확보 조치 이행
#   description_ko: 서비스 안정성 확보 의무가 있는 부가통신사업자(일평균 이용자 100만명 이상이고 트래픽 1% 이상)는 자신의 권한과 책임 범위에서 시행령 제30조의8제2항의 조치를 하여야 한다. 단말장치·기간통신사업자에 따른 차별 없는 서비스 제공(1가), 사업용전기통신설비의 사전점검(1나), 서버 다중화 또는 전송량 최적화(1다), 트래픽 증가에 대비한 용량 확보(1라), 트래픽 경로 변경 등에 대한 기간통신사업자 사전 통보(1마), 한국어 이용자 요구사항 처리(2가), 중단·속도 저하 시 연락처 고지(2나), 이용자 자료 전송 수단(2다), 합리적인 결제수단(3), 이에 관한 자체 지침(4). 조치가 false이거나 신고되지 않으면 조치별로 위반으로 본다. 2023년 7월 4일 전에는 법령 원문에 없는 종전 문언의 의무였으므로 현행 목록으로 판단하고 그 사실을 표시한다.
#   citation:
#     law: Telecommunications Business Act
#     law_ko: 전기통신사업법
#     article: Art. 22-7(1)
#     decree: Enforcement Decree Art. 30-8(2)
#     in_force: "2020-12-10"
#     text: TBA Art. 22-7(1); Decree Art. 30-8(2)
#     text_ko: 전기통신사업법 제22조의7제1항; 같은 법 시행령 제30조의8제2항
#   remediation:
#     en: Put each measure of Decree Art. 30-8(2) in place and declare it true under governance.stabilityMeasures (nonDiscrimination, equipmentPreChecks, serverMultiplexing, capacityPlanning, carrierPriorNotice, koreanSupportChannel, slowdownNotice, dataExport, paymentMeans, internalGuideline); keep the internal guideline as evidence.
#     ko: 시행령 제30조의8제2항의 각 조치를 이행하고 governance.stabilityMeasures에 true로 신고하십시오(nonDiscrimination, equipmentPreChecks, serverMultiplexing, capacityPlanning, carrierPriorNotice, koreanSupportChannel, slowdownNotice, dataExport, paymentMeans, internalGuideline). 자체 지침을 증빙으로 보관하십시오.
#   frameworks:
#     - KR-TBA
#   in_force:
#     - from: "2020-12-10"
#       until: "2023-07-04"
#       parties: [stability]
#       label: law-older-wording-reported
#       citation: TBA Art. 22-7(1); Decree Art. 30-8(2) (wording before 2023-07-04 not in the statute texts; current items judged)
#       citation_ko: 전기통신사업법 제22조의7제1항; 같은 법 시행령 제30조의8제2항(2023. 7. 4. 전 문언은 법령 원문에 없음, 현행 조치 목록으로 판단)
#       basis: "Act No. 17352 (in force 2020-12-10) and Decree No. 31223; the measures as then worded are not in the statute texts (older wording reported)"
#     - from: "2023-07-04"
#       parties: [stability]
#       label: law
#       citation: TBA Art. 22-7(1); Decree Art. 30-8(2)
#       citation_ko: 전기통신사업법 제22조의7제1항; 같은 법 시행령 제30조의8제2항
#       basis: "Decree No. 33613 (in force 2023-07-04); 30-8(2) amended again by Decree No. 35254 (2025-02-11, in force 2026-02-12): the change is not visible in the statute texts, the current list is judged"
package resilcheck.controls.ss_measures

import data.resilcheck.lib.governance
import data.resilcheck.lib.inforce
import data.resilcheck.lib.time

# in_force is this package's METADATA custom.in_force (a Go test holds them equal).
in_force := [
	{"from": "2020-12-10", "until": "2023-07-04", "parties": ["stability"], "label": "law-older-wording-reported", "citation": "TBA Art. 22-7(1); Decree Art. 30-8(2) (wording before 2023-07-04 not in the statute texts; current items judged)", "citation_ko": "전기통신사업법 제22조의7제1항; 같은 법 시행령 제30조의8제2항(2023. 7. 4. 전 문언은 법령 원문에 없음, 현행 조치 목록으로 판단)", "basis": "Act No. 17352 (in force 2020-12-10) and Decree No. 31223; the measures as then worded are not in the statute texts (older wording reported)"},
	{"from": "2023-07-04", "parties": ["stability"], "label": "law", "citation": "TBA Art. 22-7(1); Decree Art. 30-8(2)", "citation_ko": "전기통신사업법 제22조의7제1항; 같은 법 시행령 제30조의8제2항", "basis": "Decree No. 33613 (in force 2023-07-04); 30-8(2) amended again by Decree No. 35254 (2025-02-11, in force 2026-02-12): the change is not visible in the statute texts, the current list is judged"},
]

# Violations are only judged where the control applies, so a direct query of violations
# agrees with the engine's verdict.
default applies := false

applies if inforce.binds(in_force, time.as_of)

reason := inforce.why_not(in_force, time.as_of)

# rule is the citation and label of the period in force on the audit date; note marks a
# finding judged by the current list on a date whose wording is not in the statute texts.
rule := inforce.citation_on(in_force, time.as_of)

note := {"en": " (older wording reported: the current list of Decree Art. 30-8(2) is judged)", "ko": " (종전 문언은 법령 원문에 없어 현행 제30조의8제2항 목록으로 판단)"} if {
	rule.label == "law-older-wording-reported"
} else := {"en": "", "ko": ""}

path := ["governance", "stabilityMeasures"]

declared := object.get(input, path, null)

# The manifest's measure fields and the decree items they stand for.
measures := {
	"nonDiscrimination": {
		"item": "Decree Art. 30-8(2)1(a)",
		"en": "stable service without discrimination by the user's device or carrier",
		"ko": "단말장치 또는 기간통신사업자에 따른 차별 없는 안정적 서비스 제공 조치",
	},
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
	"carrierPriorNotice": {
		"item": "Decree Art. 30-8(2)1(e)",
		"en": "prior notice to carriers of acts, such as traffic-route changes, expected to affect stability seriously",
		"ko": "트래픽 경로 변경 등 안정적 서비스 제공에 중대한 영향을 미칠 행위 시 기간통신사업자에 대한 사전 통보",
	},
	"koreanSupportChannel": {
		"item": "Decree Art. 30-8(2)2(a)",
		"en": "online and automated-phone systems taking requests in Korean, in real time in business hours, otherwise within 3 business days",
		"ko": "영업시간 중 실시간, 불가 시 3영업일 이내에 처리하는 한국어 온라인·전화자동응답 처리시스템",
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
	"paymentMeans": {
		"item": "Decree Art. 30-8(2)3",
		"en": "reasonable means of paying for the service",
		"ko": "이용요금의 합리적인 결제수단 마련",
	},
	"internalGuideline": {
		"item": "Decree Art. 30-8(2)4",
		"en": "an internal guideline covering the measures of items 1 to 3",
		"ko": "제1호부터 제3호까지의 조치에 대한 자체 지침 마련",
	},
}

violations contains {
	"msg": sprintf("no service-stability measures are declared (governance.stabilityMeasures is missing)%s", [note.en]),
	"msg_ko": sprintf("서비스 안정성 확보 조치가 신고되지 않았습니다(governance.stabilityMeasures 누락).%s", [note.ko]),
	"pointer": governance.nearest_pointer(path),
	"evidence": {"missing": "governance.stabilityMeasures", "measures": sort(object.keys(measures)), "rule": rule},
} if {
	applies
	declared == null
}

violations contains {
	"msg": sprintf("service-stability measure %s is not in place: %s (%s)%s", [name, m.en, m.item, note.en]),
	"msg_ko": sprintf("서비스 안정성 확보 조치(%s: %s, %s)를 이행하지 않았습니다.%s", [name, m.ko, m.item, note.ko]),
	"pointer": governance.pointer(array.concat(path, [name])),
	"evidence": {"measure": name, "declared": false, "item": m.item, "rule": rule},
} if {
	applies
	some name, m in measures
	declared[name] == false
}

violations contains {
	"msg": sprintf("service-stability measure %s is not declared: %s (%s)%s", [name, m.en, m.item, note.en]),
	"msg_ko": sprintf("서비스 안정성 확보 조치(%s: %s, %s)의 이행 여부가 신고되지 않았습니다.%s", [name, m.ko, m.item, note.ko]),
	"pointer": governance.pointer(path),
	"evidence": {"measure": name, "declared": "not declared", "item": m.item, "rule": rule},
} if {
	applies
	declared != null
	some name, m in measures
	not name in object.keys(declared)
}
