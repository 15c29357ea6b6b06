# METADATA
# title: Lithium-ion battery rooms separated from the UPS and other electrical equipment
# description: |
#   Every datacenter the provider operates (own or exclusively leased) keeps its lithium-ion
#   UPS batteries in a room physically separated from the UPS and other electrical equipment,
#   so a battery fire does not take the power plant with it (the 2022 Pangyo fire). The duty
#   to protect the facility from fire is Network Act Art. 46(1) and Decree Art. 37(2)2; the
#   separation itself is from MSIT's 2024 datacenter protection guideline (reported, not
#   verified in statute text). Power cables running above batteries are not in the manifest
#   schema and are not judged. A datacenter that does not declare its UPS battery is a
#   violation saying what to declare.
# related_resources:
#   - https://www.law.go.kr/법령/정보통신망이용촉진및정보보호등에관한법률
# scope: package
# custom:
#   id: KR-NETACT-46-BATTERY-SEPARATION
#   severity: high
#   kind: law
#   regulation: Network Act
#   title_ko: 리튬이온 배터리실과 UPS 등 전기설비의 물리적 분리
#   description_ko: 운영하는 모든 집적정보통신시설에서 리튬이온 UPS 배터리를 UPS 및 다른 전기설비와 물리적으로 분리된 공간에 두어야 한다. 화재로부터 시설을 보호할 의무는 정보통신망법 제46조제1항과 시행령 제37조제2항제2호에 근거하며, 분리 기준은 2024년 과학기술정보통신부 집적정보통신시설 보호지침(보도 내용, 법령 본문으로 확인되지 않음)에 따른다.
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
#     en: Move lithium-ion batteries into a fire-separated room apart from the UPS and switchgear, and declare datacenters[].ups.battery.chemistry and separatedFromUps.
#     ko: 리튬이온 배터리를 UPS 및 배전설비와 방화 구획된 별도 공간으로 옮기고, datacenters[].ups.battery의 chemistry와 separatedFromUps를 신고하십시오.
#   frameworks:
#     - KR-NETACT
package resilcheck.controls.dc_battery_separation

import data.resilcheck.lib.scope

default applies := false

applies if scope.idc_protect

violations contains {
	"msg": sprintf("datacenter %s does not declare its UPS battery (declare ups.battery with its chemistry and whether it is separated from the UPS)", [d.id]),
	"msg_ko": sprintf("집적정보통신시설 %s의 UPS 배터리 정보가 없습니다(ups.battery의 종류와 UPS와의 분리 여부를 신고하십시오).", [d.id]),
	"pointer": pointer,
	"evidence": {"datacenter": d.id, "missing": "ups.battery"},
} if {
	some i, d in scope.operated_sites
	not d.ups.battery
	not d.ups.kind == "rotary" # a rotary UPS has no battery plant to declare
	pointer := missing_pointer(i, d)
}

missing_pointer(i, d) := sprintf("/datacenters/%d/ups", [i]) if d.ups

missing_pointer(i, d) := sprintf("/datacenters/%d", [i]) if not d.ups

violations contains {
	"msg": sprintf("datacenter %s keeps lithium-ion batteries in the same room as the UPS or other electrical equipment", [d.id]),
	"msg_ko": sprintf("집적정보통신시설 %s의 리튬이온 배터리가 UPS 등 전기설비와 같은 공간에 있습니다.", [d.id]),
	"pointer": sprintf("/datacenters/%d/ups/battery/separatedFromUps", [i]),
	"evidence": {"datacenter": d.id, "chemistry": "lithium-ion", "separated_from_ups": false},
} if {
	some i, d in scope.operated_sites
	d.ups.battery.chemistry == "lithium-ion"
	d.ups.battery.separatedFromUps == false
}

violations contains {
	"msg": sprintf("datacenter %s runs lithium-ion batteries but does not declare whether they are separated from the UPS (declare ups.battery.separatedFromUps)", [d.id]),
	"msg_ko": sprintf("집적정보통신시설 %s는 리튬이온 배터리를 쓰지만 UPS와의 분리 여부를 신고하지 않았습니다(ups.battery.separatedFromUps).", [d.id]),
	"pointer": sprintf("/datacenters/%d/ups/battery", [i]),
	"evidence": {"datacenter": d.id, "chemistry": "lithium-ion", "missing": "ups.battery.separatedFromUps"},
} if {
	some i, d in scope.operated_sites
	d.ups.battery.chemistry == "lithium-ion"
	not "separatedFromUps" in object.keys(d.ups.battery)
}
