# METADATA
# title: Battery monitoring samples lithium-ion batteries at least every 10 seconds
# description: |
#   The battery monitoring system of every lithium-ion UPS battery plant in a datacenter the
#   provider operates samples cells at least every dc_bms_max_sampling_seconds (10 s), so a
#   thermal runaway is seen before it becomes a fire (in Pangyo, 2022, the monitoring saw
#   nothing). The protective-measure duty is Network Act Art. 46(1) and Decree Art. 37(2)2; the
#   10-second figure is from MSIT's 2024 datacenter protection guideline (reported, not
#   verified in statute text), and the control applies only on audit dates from the
#   guideline's date. An undeclared sampling interval is a violation saying what to declare.
# related_resources:
#   - https://www.law.go.kr/법령/정보통신망이용촉진및정보보호등에관한법률
# scope: package
# custom:
#   id: KR-NETACT-46-BMS-SAMPLING
#   severity: high
#   kind: law
#   regulation: Network Act
#   title_ko: 리튬이온 배터리 감시장치 측정 주기(10초 이하)
#   description_ko: 운영하는 집적정보통신시설의 리튬이온 UPS 배터리 감시장치(BMS)는 10초 이하 주기로 측정하여 열폭주를 화재 전에 감지할 수 있어야 한다. 보호조치 의무는 정보통신망법 제46조제1항과 시행령 제37조제2항제2호에 근거하며, 10초 기준은 2024년 과학기술정보통신부 보호지침(보도 내용, 법령 본문으로 확인되지 않음)에 따른다.
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
#     en: Configure the battery monitoring system to sample at least every 10 seconds and declare datacenters[].ups.battery.monitoringSamplingSeconds.
#     ko: 배터리 감시장치의 측정 주기를 10초 이하로 설정하고 datacenters[].ups.battery.monitoringSamplingSeconds를 신고하십시오.
#   frameworks:
#     - KR-NETACT
package resilcheck.controls.dc_bms_sampling

import data.resilcheck.lib.incidents
import data.resilcheck.lib.params
import data.resilcheck.lib.scope
import data.resilcheck.lib.time

default applies := false

applies if {
	scope.idc_protect
	params.now("dc_bms_max_sampling_seconds")
}

limit := incidents.param("dc_bms_max_sampling_seconds", time.as_of_ns)

violations contains {
	"msg": sprintf("the battery monitoring at datacenter %s samples every %v seconds (limit %v seconds)", [d.id, seconds, limit.value]),
	"msg_ko": sprintf("집적정보통신시설 %s의 배터리 감시 주기가 %v초입니다(기준 %v초 이하).", [d.id, seconds, limit.value]),
	"pointer": sprintf("/datacenters/%d/ups/battery/monitoringSamplingSeconds", [i]),
	"evidence": {"datacenter": d.id, "sampling_seconds": seconds, "limit_seconds": limit.value, "limit_label": limit.label, "limit_basis": limit.basis},
} if {
	some i, d in scope.lithium_datacenters
	seconds := d.ups.battery.monitoringSamplingSeconds
	seconds > limit.value
}

violations contains {
	"msg": sprintf("datacenter %s runs lithium-ion batteries but does not declare its battery monitoring interval (declare ups.battery.monitoringSamplingSeconds)", [d.id]),
	"msg_ko": sprintf("집적정보통신시설 %s는 리튬이온 배터리를 쓰지만 배터리 감시 주기를 신고하지 않았습니다(ups.battery.monitoringSamplingSeconds).", [d.id]),
	"pointer": sprintf("/datacenters/%d/ups/battery", [i]),
	"evidence": {"datacenter": d.id, "missing": "ups.battery.monitoringSamplingSeconds", "limit_seconds": limit.value},
} if {
	some i, d in scope.lithium_datacenters
	not d.ups.battery.monitoringSamplingSeconds
}
