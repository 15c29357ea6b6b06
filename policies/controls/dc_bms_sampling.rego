# METADATA
# title: Battery monitoring samples lithium-ion batteries as often as the reported 2024 guideline asks
# description: |
#   The reported 2024 revision of MSIT's datacenter protection guideline (the 고시 under Network
#   Decree Art. 37(3), not in the statute texts) asks that the battery monitoring system of a
#   lithium-ion UPS battery plant samples at least every dc_bms_max_sampling_seconds (10 s), so
#   a thermal runaway is seen before it becomes a fire (in Pangyo, 2022, the monitoring saw
#   nothing). Judged from 2024-01-01 (tool date, not verified) for the sites under Network Act
#   46 protective measures only that run a lithium-ion UPS battery plant. An undeclared
#   interval fails, saying what to declare. A failure is "below the reported 2024 MSIT
#   guideline", not a breach of statute.
# related_resources:
#   - https://www.law.go.kr/법령/정보통신망이용촉진및정보보호등에관한법률
# scope: package
# custom:
#   id: KR-NETACT-46-BMS-SAMPLING
#   severity: medium
#   kind: guideline
#   regulation: Network Act
#   title_ko: 리튬이온 배터리 감시장치 측정 주기(2024년 지침, 보도 내용)
#   description_ko: 보도된 2024년 과학기술정보통신부 집적정보통신시설 보호조치 기준(정보통신망법 시행령 제37조제3항의 고시, 법령 원문에 없음)은 리튬이온 UPS 배터리 감시장치(BMS)가 10초(dc_bms_max_sampling_seconds) 이하 주기로 측정하여 열폭주를 화재 전에 감지하도록 한다. 2024년 1월 1일(도구 기준일, 확인되지 않음)부터 정보통신망법 제46조 보호조치 대상 시설 중 리튬이온 UPS 배터리를 쓰는 시설에만 판단한다. 측정 주기를 신고하지 않으면 불합격이다. 미달은 법률 위반이 아니라 '보도된 2024년 지침 기준 미달'로 표시한다.
#   citation:
#     law: MSIT datacenter protection guideline, 2024 revision (reported, not verified in statute text)
#     law_ko: 과학기술정보통신부 집적정보통신시설 보호조치 기준 고시 2024년 개정(보도 내용)
#     article: 고시 under Network Decree Art. 37(3)
#     decree: Network Act Enforcement Decree Art. 37(3)
#     in_force: "2024-01-01"
#     text: MSIT datacenter protection guideline (고시 under Network Decree Art. 37(3)), 2024 revision (reported, not verified in statute text)
#     text_ko: 과학기술정보통신부 집적정보통신시설 보호조치 기준 고시(정보통신망법 시행령 제37조제3항) 2024년 개정(보도 내용이며 법령 원문으로 확인되지 않음)
#     source: MSIT datacenter protection guideline 2024 (reported)
#   remediation:
#     en: Configure the battery monitoring system to sample at least as often as the guideline asks and declare datacenters[].ups.battery.monitoringSamplingSeconds.
#     ko: 배터리 감시장치의 측정 주기를 지침 기준 이하로 설정하고 datacenters[].ups.battery.monitoringSamplingSeconds를 신고하십시오.
#   frameworks:
#     - KR-NETACT
#   in_force:
#     - from: "2024-01-01"
#       parties: [idc-colo, idc-own, idc-lessee]
#       label: guideline
#       citation: MSIT datacenter protection guideline (고시 under Network Decree Art. 37(3)), 2024 revision (reported, not verified in statute text)
#       citation_ko: 과학기술정보통신부 집적정보통신시설 보호조치 기준 고시(정보통신망법 시행령 제37조제3항) 2024년 개정(보도 내용이며 법령 원문으로 확인되지 않음)
#       basis: not in the statute texts; tool date 2024-01-01 for the 2024 revision (not verified); only sites under Network Act 46(1) and 46(7)
package resilcheck.controls.dc_bms_sampling

import data.resilcheck.lib.incidents
import data.resilcheck.lib.inforce
import data.resilcheck.lib.scope
import data.resilcheck.lib.time

# in_force is this package's METADATA custom.in_force (a Go test holds them equal).
in_force := [{"from": "2024-01-01", "parties": ["idc-colo", "idc-own", "idc-lessee"], "label": "guideline", "citation": "MSIT datacenter protection guideline (고시 under Network Decree Art. 37(3)), 2024 revision (reported, not verified in statute text)", "citation_ko": "과학기술정보통신부 집적정보통신시설 보호조치 기준 고시(정보통신망법 시행령 제37조제3항) 2024년 개정(보도 내용이며 법령 원문으로 확인되지 않음)", "basis": "not in the statute texts; tool date 2024-01-01 for the 2024 revision (not verified); only sites under Network Act 46(1) and 46(7)"}]

# Violations are only judged where the control applies, so a direct query of violations
# agrees with the engine's verdict.
default applies := false

applies if {
	inforce.binds(in_force, time.as_of)
	count(scope.lithium_datacenters) > 0
}

reason := r if {
	r := inforce.why_not(in_force, time.as_of)
} else := {
	"en": "no protected site runs a lithium-ion UPS battery",
	"ko": "보호조치 대상 시설에 리튬이온 UPS 배터리가 없습니다.",
} if {
	inforce.binds(in_force, time.as_of)
	count(scope.lithium_datacenters) == 0
}

limit := incidents.param("dc_bms_max_sampling_seconds", time.as_of_ns)

guideline := {"en": "the reported 2024 MSIT guideline", "ko": "보도된 2024년 과학기술정보통신부 지침"}

violations contains {
	"msg": sprintf("datacenter %s is below %s: its battery monitoring samples every %v s, less often than every %v s", [d.id, guideline.en, seconds, limit.value]),
	"msg_ko": sprintf("집적정보통신시설 %s는 %s 기준에 미달합니다: 배터리 감시 주기가 %v초입니다(기준 %v초 이하).", [d.id, guideline.ko, seconds, limit.value]),
	"pointer": sprintf("/datacenters/%d/ups/battery/monitoringSamplingSeconds", [i]),
	"evidence": {"datacenter": d.id, "sampling_seconds": seconds, "limit_seconds": limit.value, "limit_label": limit.label, "limit_basis": limit.basis},
} if {
	applies
	some i, d in scope.lithium_datacenters
	seconds := d.ups.battery.monitoringSamplingSeconds
	seconds > limit.value
}

violations contains {
	"msg": sprintf("datacenter %s runs lithium-ion batteries but does not declare its battery monitoring interval, needed to judge it against %s (at least every %v s): declare ups.battery.monitoringSamplingSeconds", [d.id, guideline.en, limit.value]),
	"msg_ko": sprintf("집적정보통신시설 %s는 리튬이온 배터리를 쓰지만 배터리 감시 주기를 신고하지 않아 %s(%v초 이하)에 비추어 판단할 수 없습니다(ups.battery.monitoringSamplingSeconds).", [d.id, guideline.ko, limit.value]),
	"pointer": sprintf("/datacenters/%d/ups/battery", [i]),
	"evidence": {"datacenter": d.id, "missing": "ups.battery.monitoringSamplingSeconds", "limit_seconds": limit.value, "limit_label": limit.label},
} if {
	applies
	some i, d in scope.lithium_datacenters
	not "monitoringSamplingSeconds" in object.keys(d.ups.battery)
}
