# METADATA
# title: Datacenter access control, disaster protection, staffing and contingency plan
# description: |
#   Every datacenter the provider operates takes the protective measures of Network Act
#   Art. 46(1) and Decree Art. 37(2): control and monitoring of physical access (item 1),
#   physical protection against fire, flood and earthquake (item 2), operating staff assigned
#   around the clock (item 3), and an internal management plan including a contingency plan
#   (item 4). Fire protection is judged as declared fire suppression that is not `none`.
#   Each measure that is declared false, or not declared, is a separate violation naming it.
#   A provider in scope that declares no operated datacenter at all is asked to declare them.
# related_resources:
#   - https://www.law.go.kr/법령/정보통신망이용촉진및정보보호등에관한법률
# scope: package
# custom:
#   id: KR-NETACT-46-PROTECTION
#   severity: high
#   kind: law
#   regulation: Network Act
#   title_ko: 집적정보통신시설 출입통제·재해대비·상주인력·비상계획
#   description_ko: 운영하는 집적정보통신시설은 정보통신망법 제46조제1항과 시행령 제37조제2항에 따라 출입 통제 및 감시, 화재·수해·지진 등 재해로부터의 물리적 보호, 24시간 관리인원 배치, 비상시 계획을 포함한 내부관리계획을 갖추어야 한다. 각 조치가 없거나 신고되지 않으면 항목별로 위반으로 본다.
#   citation:
#     law: Act on Promotion of Information and Communications Network Utilization and Information Protection
#     law_ko: 정보통신망 이용촉진 및 정보보호 등에 관한 법률
#     article: Art. 46(1)
#     decree: Enforcement Decree Art. 37(2)1-4
#     in_force: "2023-07-04"
#     text: Network Act Art. 46(1); Decree Art. 37(2)1-4
#     text_ko: 정보통신망 이용촉진 및 정보보호 등에 관한 법률 제46조제1항; 같은 법 시행령 제37조제2항제1호부터 제4호까지
#   remediation:
#     en: Put each missing measure in place (logged access control, flood and seismic protection, fire suppression, 24x7 on-site staff, a written contingency plan with realistic fire scenarios) and declare it under datacenters[].physicalProtection and fireSuppression.
#     ko: 누락된 보호조치(출입 통제·기록, 침수·내진 대비, 소화설비, 24시간 상주 인력, 현실적인 화재 시나리오를 담은 비상계획)를 갖추고 datacenters[].physicalProtection과 fireSuppression에 신고하십시오.
#   frameworks:
#     - KR-NETACT
package resilcheck.controls.dc_physical

import data.resilcheck.lib.scope

default applies := false

applies if scope.idc_protect

measures := [
	{"key": "accessControl", "item": "Decree Art. 37(2)1", "en": "controlled, logged physical access", "ko": "출입 통제 및 감시"},
	{"key": "floodProtection", "item": "Decree Art. 37(2)2", "en": "protection against flooding", "ko": "침수 대비"},
	{"key": "earthquakeProtection", "item": "Decree Art. 37(2)2", "en": "seismic protection", "ko": "내진 대비"},
	{"key": "staffed24x7", "item": "Decree Art. 37(2)3", "en": "operating staff on site around the clock", "ko": "24시간 관리인원 상주"},
	{"key": "contingencyPlan", "item": "Decree Art. 37(2)4", "en": "a contingency plan", "ko": "비상시 계획"},
]

violations contains {
	"msg": sprintf("datacenter %s lacks %s (physicalProtection.%s is false; %s)", [d.id, m.en, m.key, m.item]),
	"msg_ko": sprintf("집적정보통신시설 %s에 %s 조치가 없습니다(physicalProtection.%s = false, %s).", [d.id, m.ko, m.key, m.item]),
	"pointer": sprintf("/datacenters/%d/physicalProtection/%s", [i, m.key]),
	"evidence": {"datacenter": d.id, "measure": m.key, "value": false, "basis": m.item},
} if {
	some i, d in scope.operated_sites
	some m in measures
	d.physicalProtection[m.key] == false
}

violations contains {
	"msg": sprintf("datacenter %s does not declare %s (declare physicalProtection.%s; %s)", [d.id, m.en, m.key, m.item]),
	"msg_ko": sprintf("집적정보통신시설 %s의 %s 여부가 신고되지 않았습니다(physicalProtection.%s, %s).", [d.id, m.ko, m.key, m.item]),
	"pointer": protection_pointer(i, d),
	"evidence": {"datacenter": d.id, "missing": sprintf("physicalProtection.%s", [m.key]), "basis": m.item},
} if {
	some i, d in scope.operated_sites
	some m in measures
	not m.key in object.keys(object.get(d, "physicalProtection", {}))
}

protection_pointer(i, d) := sprintf("/datacenters/%d/physicalProtection", [i]) if d.physicalProtection

protection_pointer(i, d) := sprintf("/datacenters/%d", [i]) if not d.physicalProtection

violations contains {
	"msg": sprintf("datacenter %s has no fire suppression (fireSuppression.type is none; Decree Art. 37(2)2)", [d.id]),
	"msg_ko": sprintf("집적정보통신시설 %s에 소화설비가 없습니다(fireSuppression.type = none, 시행령 제37조제2항제2호).", [d.id]),
	"pointer": sprintf("/datacenters/%d/fireSuppression/type", [i]),
	"evidence": {"datacenter": d.id, "fire_suppression": "none", "basis": "Decree Art. 37(2)2"},
} if {
	some i, d in scope.operated_sites
	d.fireSuppression.type == "none"
}

violations contains {
	"msg": sprintf("datacenter %s does not declare its fire suppression (declare fireSuppression.type; Decree Art. 37(2)2)", [d.id]),
	"msg_ko": sprintf("집적정보통신시설 %s의 소화설비가 신고되지 않았습니다(fireSuppression.type, 시행령 제37조제2항제2호).", [d.id]),
	"pointer": sprintf("/datacenters/%d", [i]),
	"evidence": {"datacenter": d.id, "missing": "fireSuppression", "basis": "Decree Art. 37(2)2"},
} if {
	some i, d in scope.operated_sites
	not d.fireSuppression
}

violations contains {
	"msg": "the provider is bound to protect the datacenters it operates but declares none (list them under datacenters with ownership own or leased-exclusive)",
	"msg_ko": "집적정보통신시설 보호조치 대상이지만 운영하는 시설이 신고되지 않았습니다(datacenters에 ownership이 own 또는 leased-exclusive인 시설을 기재하십시오).",
	"pointer": sites_pointer,
	"evidence": {"missing": "datacenters[ownership in {own, leased-exclusive}]", "scope": scope.decisions.idc_protect.evidence},
} if {
	scope.idc_protect
	count(scope.operated_datacenter_indexes) == 0
}

sites_pointer := "/datacenters" if input.datacenters

sites_pointer := "" if not input.datacenters
