# METADATA
# title: Power can be cut zone by zone and the UPS can be bypassed
# description: |
#   Every datacenter the provider operates can cut power to one zone without a whole-building
#   cut-off, and its UPS can be bypassed so power keeps flowing while a UPS or battery is
#   isolated. In Pangyo, 2022, firefighters needed water, power could not be cut selectively,
#   and the whole building went dark. The duty to keep the facility running and protect it
#   from fire is Network Act Art. 46(1) and Decree Art. 37(2)2; staged/zone cut-off and UPS
#   bypass are named in MSIT's 2024 datacenter protection guideline (reported, not verified in
#   statute text). An undeclared capability is a violation saying what to declare.
# related_resources:
#   - https://www.law.go.kr/법령/정보통신망이용촉진및정보보호등에관한법률
# scope: package
# custom:
#   id: KR-NETACT-46-ZONE-ISOLATION
#   severity: critical
#   kind: law
#   regulation: Network Act
#   title_ko: 구역별 전원 차단 및 UPS 우회 가능
#   description_ko: 운영하는 집적정보통신시설은 건물 전체가 아닌 구역별로 전원을 차단할 수 있어야 하고, UPS나 배터리를 분리하는 동안에도 전력을 공급할 수 있도록 UPS 우회(bypass) 경로를 갖추어야 한다. 보호조치 의무는 정보통신망법 제46조제1항과 시행령 제37조제2항제2호에 근거하며, 세부 기준은 2024년 과학기술정보통신부 보호지침(보도 내용, 법령 본문으로 확인되지 않음)에 따른다.
#   citation:
#     law: Act on Promotion of Information and Communications Network Utilization and Information Protection
#     law_ko: 정보통신망 이용촉진 및 정보보호 등에 관한 법률
#     article: Art. 46(1)
#     decree: Enforcement Decree Art. 37(2)2
#     in_force: "2023-07-04"
#     text: Network Act Art. 46(1); Decree Art. 37(2)2; MSIT datacenter protection guideline 2024 (reported, not verified in statute text)
#     text_ko: 정보통신망 이용촉진 및 정보보호 등에 관한 법률 제46조제1항; 같은 법 시행령 제37조제2항제2호; 과학기술정보통신부 데이터센터 보호지침 2024(보도 내용이며 법령 원문으로 확인되지 않음)
#     source: MSIT datacenter protection guideline 2024 (reported)
#   remediation:
#     en: Re-engineer the power distribution so each zone can be cut off on its own and the UPS can be bypassed, then declare datacenters[].zonePowerIsolation and ups.bypass.
#     ko: 구역별로 전원을 차단할 수 있도록 배전 계통을 개선하고 UPS 우회 경로를 마련한 뒤 datacenters[].zonePowerIsolation과 ups.bypass를 신고하십시오.
#   frameworks:
#     - KR-NETACT
package resilcheck.controls.dc_zone_isolation

import data.resilcheck.lib.scope

default applies := false

applies if scope.idc_protect

violations contains {
	"msg": sprintf("power at datacenter %s cannot be cut zone by zone: a fire anywhere forces a whole-building cut-off", [d.id]),
	"msg_ko": sprintf("집적정보통신시설 %s는 구역별 전원 차단이 불가능하여 화재 시 건물 전체의 전원을 차단해야 합니다.", [d.id]),
	"pointer": sprintf("/datacenters/%d/zonePowerIsolation", [i]),
	"evidence": {"datacenter": d.id, "zone_power_isolation": false},
} if {
	some i, d in scope.operated_sites
	d.zonePowerIsolation == false
}

violations contains {
	"msg": sprintf("datacenter %s does not declare whether power can be cut zone by zone (declare zonePowerIsolation)", [d.id]),
	"msg_ko": sprintf("집적정보통신시설 %s의 구역별 전원 차단 가능 여부가 신고되지 않았습니다(zonePowerIsolation).", [d.id]),
	"pointer": sprintf("/datacenters/%d", [i]),
	"evidence": {"datacenter": d.id, "missing": "zonePowerIsolation"},
} if {
	some i, d in scope.operated_sites
	not "zonePowerIsolation" in object.keys(d)
}

violations contains {
	"msg": sprintf("the UPS at datacenter %s cannot be bypassed: isolating a UPS or battery cuts the load it feeds", [d.id]),
	"msg_ko": sprintf("집적정보통신시설 %s의 UPS는 우회 경로가 없어 UPS나 배터리를 분리하면 부하 전원이 끊깁니다.", [d.id]),
	"pointer": sprintf("/datacenters/%d/ups/bypass", [i]),
	"evidence": {"datacenter": d.id, "ups_bypass": false},
} if {
	some i, d in scope.operated_sites
	d.ups.bypass == false
}

violations contains {
	"msg": sprintf("datacenter %s does not declare whether its UPS can be bypassed (declare ups.bypass)", [d.id]),
	"msg_ko": sprintf("집적정보통신시설 %s의 UPS 우회 가능 여부가 신고되지 않았습니다(ups.bypass).", [d.id]),
	"pointer": ups_pointer(i, d),
	"evidence": {"datacenter": d.id, "missing": "ups.bypass"},
} if {
	some i, d in scope.operated_sites
	not "bypass" in object.keys(object.get(d, "ups", {}))
}

ups_pointer(i, d) := sprintf("/datacenters/%d/ups", [i]) if d.ups

ups_pointer(i, d) := sprintf("/datacenters/%d", [i]) if not d.ups
