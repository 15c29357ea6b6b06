# METADATA
# title: Critical services declare recovery time and recovery point objectives
# description: |
#   Every critical service states how long it may be down (RTO, recovery.rtoMinutes) and
#   how much data it may lose (RPO, data.rpoMinutes). Without them neither a drill nor a
#   site-loss analysis can say whether recovery was good enough. Resilience practice, not
#   law; applies to any manifest that declares a critical service.
#   The linked statute is context only: BCDA Art. 35(2)3 asks major providers for
#   distribution and multiplexing of servers, storage, network and power.
# related_resources:
#   - https://www.law.go.kr/법령/방송통신발전기본법
# scope: package
# custom:
#   id: GUIDE-RTO-RPO
#   severity: low
#   kind: guidance
#   regulation: Guidance
#   title_ko: 핵심 서비스의 목표 복구 시간(RTO)과 목표 복구 시점(RPO) 설정
#   description_ko: 모든 핵심 서비스는 허용 가능한 중단 시간(RTO, recovery.rtoMinutes)과 데이터 손실 범위(RPO, data.rpoMinutes)를 정해 두어야 한다. 이 값이 없으면 훈련 결과나 데이터센터 상실 분석이 충분했는지 판단할 수 없다. 법령이 아닌 복원력 모범 관행이며, 핵심 서비스를 신고한 모든 매니페스트에 적용된다.
#   citation:
#     law: Resilience practice (not law)
#     article: "-"
#     text: "guidance: declared RTO and RPO for every critical service"
#     text_ko: "권고(법령 아님): 모든 핵심 서비스의 목표 복구 시간(RTO)과 목표 복구 시점(RPO) 선언"
#     source: MSIT joint investigation of the 2022-10-15 Pangyo datacenter fire (2022-12-06); resilience practice
#     guidance: true
#   remediation:
#     en: Set recovery.rtoMinutes and data.rpoMinutes for every service marked critical, agreed with the business and tested in drills.
#     ko: 핵심 서비스마다 업무 부서와 합의하고 훈련으로 검증한 recovery.rtoMinutes와 data.rpoMinutes를 설정하십시오.
#   frameworks:
#     - resilience-practice
#   in_force:
#     - from: "2000-01-01"
#       label: guidance
#       citation: resilience practice (not law)
package resilcheck.controls.guide_rto_rpo

import data.resilcheck.lib.governance
import data.resilcheck.lib.inforce
import data.resilcheck.lib.time

# in_force is this package's METADATA custom.in_force (a Go test holds them equal). Resilience
# practice has no statutory date: the period only says so.
in_force := [{"from": "2000-01-01", "label": "guidance", "citation": "resilience practice (not law)"}]

# Violations are only judged where the control applies, so a direct query of violations
# agrees with the engine's verdict.
default applies := false

applies if {
	inforce.binds(in_force, time.as_of)
	governance.has_critical_service
}

reason := r if {
	r := inforce.why_not(in_force, time.as_of)
} else := {
	"en": "no service declared critical (services[].critical)",
	"ko": "핵심 서비스로 신고된 서비스가 없습니다(services[].critical).",
} if {
	inforce.binds(in_force, time.as_of)
	not governance.has_critical_service
}

objectives := {
	"rto": {"path": ["recovery", "rtoMinutes"], "field": "recovery.rtoMinutes", "en": "recovery time objective", "ko": "목표 복구 시간(RTO)"},
	"rpo": {"path": ["data", "rpoMinutes"], "field": "data.rpoMinutes", "en": "recovery point objective", "ko": "목표 복구 시점(RPO)"},
}

violations contains {
	"msg": sprintf("critical service %s declares no %s (%s)", [s.id, o.en, o.field]),
	"msg_ko": sprintf("핵심 서비스 %s에 %s 설정되어 있지 않습니다(%s).", [s.id, data.resilcheck.lib.text.josa(o.ko, "가"), o.field]),
	"pointer": governance.service_pointer(i, s, o.path),
	"key": name,
	"evidence": {"service": s.id, "missing": o.field},
} if {
	applies
	some i, s in governance.critical_services
	some name, o in objectives
	object.get(s, o.path, null) == null
}
