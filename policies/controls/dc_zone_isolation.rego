# METADATA
# title: Power can be cut zone by zone and the UPS can be bypassed (reported 2024 guideline)
# description: |
#   The reported 2024 revision of MSIT's datacenter protection guideline (the 고시 under Network
#   Decree Art. 37(3), not in the statute texts) asks for a staged, zone-by-zone power cut-off
#   and a UPS bypass, so power keeps flowing to the rest of the site while a UPS, a battery or
#   a zone is isolated. In Pangyo, 2022, firefighters needed water, power could not be cut
#   selectively and the whole building went dark. Judged from 2024-01-01 (tool date, not
#   verified) for the sites under Network Act 46 protective measures only. An undeclared
#   capability fails, saying what to declare. A failure is "below the reported 2024 MSIT
#   guideline", not a breach of statute.
# related_resources:
#   - https://www.law.go.kr/법령/정보통신망이용촉진및정보보호등에관한법률
# scope: package
# custom:
#   id: KR-NETACT-46-ZONE-ISOLATION
#   severity: medium
#   kind: guideline
#   regulation: Network Act
#   title_ko: 구역별 전원 차단 및 UPS 우회(2024년 지침, 보도 내용)
#   description_ko: 보도된 2024년 과학기술정보통신부 집적정보통신시설 보호조치 기준(정보통신망법 시행령 제37조제3항의 고시, 법령 원문에 없음)은 단계적·구역별 전원 차단과 UPS 우회(bypass)를 갖추어 UPS, 배터리 또는 구역을 분리하는 동안에도 나머지 시설에 전력을 공급하도록 한다. 2024년 1월 1일(도구 기준일, 확인되지 않음)부터 정보통신망법 제46조 보호조치 대상 시설에만 판단한다. 신고하지 않으면 불합격이다. 미달은 법률 위반이 아니라 '보도된 2024년 지침 기준 미달'로 표시한다.
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
#     en: Re-engineer the power distribution so each zone can be cut off on its own and the UPS can be bypassed, then declare datacenters[].zonePowerIsolation and ups.bypass.
#     ko: 구역별로 전원을 차단할 수 있도록 배전 계통을 개선하고 UPS 우회 경로를 마련한 뒤 datacenters[].zonePowerIsolation과 ups.bypass를 신고하십시오.
#   frameworks:
#     - KR-NETACT
#   in_force:
#     - from: "2024-01-01"
#       parties: [idc-colo, idc-own, idc-lessee]
#       label: guideline
#       citation: MSIT datacenter protection guideline (고시 under Network Decree Art. 37(3)), 2024 revision (reported, not verified in statute text)
#       citation_ko: 과학기술정보통신부 집적정보통신시설 보호조치 기준 고시(정보통신망법 시행령 제37조제3항) 2024년 개정(보도 내용이며 법령 원문으로 확인되지 않음)
#       basis: not in the statute texts; tool date 2024-01-01 for the 2024 revision (not verified); only sites under Network Act 46(1) and 46(7)
package resilcheck.controls.dc_zone_isolation

import data.resilcheck.lib.inforce
import data.resilcheck.lib.scope
import data.resilcheck.lib.time

# in_force is this package's METADATA custom.in_force (a Go test holds them equal).
in_force := [{"from": "2024-01-01", "parties": ["idc-colo", "idc-own", "idc-lessee"], "label": "guideline", "citation": "MSIT datacenter protection guideline (고시 under Network Decree Art. 37(3)), 2024 revision (reported, not verified in statute text)", "citation_ko": "과학기술정보통신부 집적정보통신시설 보호조치 기준 고시(정보통신망법 시행령 제37조제3항) 2024년 개정(보도 내용이며 법령 원문으로 확인되지 않음)", "basis": "not in the statute texts; tool date 2024-01-01 for the 2024 revision (not verified); only sites under Network Act 46(1) and 46(7)"}]

# Violations are only judged where the control applies, so a direct query of violations
# agrees with the engine's verdict. A bound party always has a protected site.
default applies := false

applies if inforce.binds(in_force, time.as_of)

reason := inforce.why_not(in_force, time.as_of)

guideline := {"en": "the reported 2024 MSIT guideline", "ko": "보도된 2024년 과학기술정보통신부 지침"}

violations contains {
	"msg": sprintf("datacenter %s is below %s: power cannot be cut zone by zone, so a fire anywhere forces a whole-site cut-off (zonePowerIsolation is false)", [d.id, guideline.en]),
	"msg_ko": sprintf("집적정보통신시설 %s는 %s 기준에 미달합니다: 구역별 전원 차단이 불가능하여 화재 시 시설 전체의 전원을 차단해야 합니다(zonePowerIsolation = false).", [d.id, guideline.ko]),
	"pointer": sprintf("/datacenters/%d/zonePowerIsolation", [i]),
	"key": "zonePowerIsolation",
	"evidence": {"datacenter": d.id, "zone_power_isolation": false, "label": "guideline"},
} if {
	applies
	some i, d in scope.operated_sites
	d.zonePowerIsolation == false
}

violations contains {
	"msg": sprintf("datacenter %s does not declare whether power can be cut zone by zone, needed to judge it against %s (declare zonePowerIsolation)", [d.id, guideline.en]),
	"msg_ko": sprintf("집적정보통신시설 %s의 구역별 전원 차단 가능 여부가 신고되지 않아 %s에 비추어 판단할 수 없습니다(zonePowerIsolation).", [d.id, guideline.ko]),
	"pointer": sprintf("/datacenters/%d", [i]),
	"key": "zonePowerIsolation",
	"evidence": {"datacenter": d.id, "missing": "zonePowerIsolation", "label": "guideline"},
} if {
	applies
	some i, d in scope.operated_sites
	not "zonePowerIsolation" in object.keys(d)
}

violations contains {
	"msg": sprintf("datacenter %s is below %s: its UPS cannot be bypassed, so isolating a UPS or battery cuts the load it feeds (ups.bypass is false)", [d.id, guideline.en]),
	"msg_ko": sprintf("집적정보통신시설 %s는 %s 기준에 미달합니다: UPS 우회 경로가 없어 UPS나 배터리를 분리하면 부하 전원이 끊깁니다(ups.bypass = false).", [d.id, guideline.ko]),
	"pointer": sprintf("/datacenters/%d/ups/bypass", [i]),
	"key": "ups.bypass",
	"evidence": {"datacenter": d.id, "ups_bypass": false, "label": "guideline"},
} if {
	applies
	some i, d in scope.operated_sites
	d.ups.bypass == false
}

violations contains {
	"msg": sprintf("datacenter %s does not declare whether its UPS can be bypassed, needed to judge it against %s (declare ups.bypass)", [d.id, guideline.en]),
	"msg_ko": sprintf("집적정보통신시설 %s의 UPS 우회 가능 여부가 신고되지 않아 %s에 비추어 판단할 수 없습니다(ups.bypass).", [d.id, guideline.ko]),
	"pointer": ups_pointer(i, d),
	"key": "ups.bypass",
	"evidence": {"datacenter": d.id, "missing": "ups.bypass", "label": "guideline"},
} if {
	applies
	some i, d in scope.operated_sites
	not "bypass" in object.keys(object.get(d, "ups", {}))
}

ups_pointer(i, d) := sprintf("/datacenters/%d/ups", [i]) if d.ups

else := sprintf("/datacenters/%d", [i])
