# METADATA
# title: No more than 5 MWh of lithium-ion battery per fire compartment
# description: |
#   In every datacenter the provider operates, no single fire compartment holds more than
#   dc_max_mwh_per_compartment (5 MWh) of lithium-ion battery energy, so one battery fire stays
#   small enough to fight. A plant whose total capacity is within the limit passes without
#   declaring compartments. The protective-measure duty is Network Act Art. 46(1) and Decree
#   Art. 37(2)2; the 5 MWh figure is from MSIT's 2024 datacenter protection guideline
#   (reported, not verified in statute text), and the control applies only on audit dates from
#   the guideline's date.
# related_resources:
#   - https://www.law.go.kr/법령/정보통신망이용촉진및정보보호등에관한법률
# scope: package
# custom:
#   id: KR-NETACT-46-BATTERY-COMPARTMENT
#   severity: high
#   kind: law
#   regulation: Network Act
#   title_ko: 방화구획당 리튬이온 배터리 용량 5MWh 이하
#   description_ko: 운영하는 집적정보통신시설의 방화구획 하나에 들어가는 리튬이온 배터리 용량은 5MWh 이하여야 한다. 보호조치 의무는 정보통신망법 제46조제1항과 시행령 제37조제2항제2호에 근거하며, 5MWh 기준은 2024년 과학기술정보통신부 보호지침(보도 내용, 법령 본문으로 확인되지 않음)에 따른다.
#   citation:
#     law: Act on Promotion of Information and Communications Network Utilization and Information Protection
#     law_ko: 정보통신망 이용촉진 및 정보보호 등에 관한 법률
#     article: Art. 46(1)
#     decree: Enforcement Decree Art. 37(2)2
#     in_force: "2024-01-01"
#     text: Network Act Art. 46(1); Decree Art. 37(2)2; MSIT datacenter protection guideline 2024 (reported, not verified in statute text)
#     text_ko: 정보통신망 이용촉진 및 정보보호 등에 관한 법률 제46조제1항; 같은 법 시행령 제37조제2항제2호; 과학기술정보통신부 데이터센터 보호지침 2024(보도 내용이며 법령 원문으로 확인되지 않음)
#     source: MSIT datacenter protection guideline 2024 (reported)
#   remediation:
#     en: Split the lithium-ion battery plant so that no fire compartment holds more than 5 MWh, and declare datacenters[].ups.battery.maxMWhPerFireCompartment (or capacityKWh when the whole plant is within the limit).
#     ko: 방화구획 하나에 5MWh를 넘는 리튬이온 배터리가 없도록 분산 배치하고 datacenters[].ups.battery.maxMWhPerFireCompartment(전체 용량이 기준 이하이면 capacityKWh)를 신고하십시오.
#   frameworks:
#     - KR-NETACT
package resilcheck.controls.dc_battery_compartment

import data.resilcheck.lib.incidents
import data.resilcheck.lib.params
import data.resilcheck.lib.scope
import data.resilcheck.lib.time

default applies := false

applies if {
	scope.idc_protect
	params.now("dc_max_mwh_per_compartment")
}

limit := incidents.param("dc_max_mwh_per_compartment", time.as_of_ns)

violations contains {
	"msg": sprintf("datacenter %s holds %v MWh of lithium-ion battery in one fire compartment (limit %v MWh)", [d.id, mwh, limit.value]),
	"msg_ko": sprintf("집적정보통신시설 %s의 방화구획 하나에 리튬이온 배터리 %vMWh가 있습니다(기준 %vMWh 이하).", [d.id, mwh, limit.value]),
	"pointer": sprintf("/datacenters/%d/ups/battery/maxMWhPerFireCompartment", [i]),
	"evidence": {"datacenter": d.id, "max_mwh_per_compartment": mwh, "limit_mwh": limit.value, "limit_label": limit.label, "limit_basis": limit.basis},
} if {
	some i, d in scope.lithium_datacenters
	mwh := d.ups.battery.maxMWhPerFireCompartment
	mwh > limit.value
}

violations contains {
	"msg": sprintf("datacenter %s does not declare the largest lithium-ion battery energy in one fire compartment (declare ups.battery.maxMWhPerFireCompartment, or capacityKWh if the plant is within %v MWh)", [d.id, limit.value]),
	"msg_ko": sprintf("집적정보통신시설 %s의 방화구획당 최대 리튬이온 배터리 용량이 신고되지 않았습니다(ups.battery.maxMWhPerFireCompartment, 전체 %vMWh 이하이면 capacityKWh).", [d.id, limit.value]),
	"pointer": sprintf("/datacenters/%d/ups/battery", [i]),
	"evidence": {"datacenter": d.id, "missing": "ups.battery.maxMWhPerFireCompartment", "capacity_kwh": object.get(d.ups.battery, "capacityKWh", null), "limit_mwh": limit.value},
} if {
	some i, d in scope.lithium_datacenters
	not "maxMWhPerFireCompartment" in object.keys(d.ups.battery)
	not within_limit_overall(d)
}

# A plant whose whole capacity is within the limit cannot exceed it in any one compartment.
within_limit_overall(d) if d.ups.battery.capacityKWh <= limit.value * 1000
