# METADATA
# title: Lithium-ion battery energy per fire compartment within the reported 2024 guideline
# description: |
#   The reported 2024 revision of MSIT's datacenter protection guideline (the 고시 under Network
#   Decree Art. 37(3), not in the statute texts) caps the lithium-ion battery energy in one fire
#   compartment at dc_max_mwh_per_compartment (5 MWh), so one battery fire stays small enough to
#   fight. Judged from 2024-01-01 (tool date, not verified) for the sites under Network Act 46
#   protective measures only that run a lithium-ion UPS battery plant. A plant whose whole
#   capacity is within the cap passes without declaring compartments. A failure is "below the
#   reported 2024 MSIT guideline", not a breach of statute.
# related_resources:
#   - https://www.law.go.kr/법령/정보통신망이용촉진및정보보호등에관한법률
# scope: package
# custom:
#   id: KR-NETACT-46-BATTERY-COMPARTMENT
#   severity: medium
#   kind: guideline
#   regulation: Network Act
#   title_ko: 방화구획당 리튬이온 배터리 용량 상한(2024년 지침, 보도 내용)
#   description_ko: 보도된 2024년 과학기술정보통신부 집적정보통신시설 보호조치 기준(정보통신망법 시행령 제37조제3항의 고시, 법령 원문에 없음)은 방화구획 하나의 리튬이온 배터리 용량을 5MWh(dc_max_mwh_per_compartment) 이하로 제한한다. 2024년 1월 1일(도구 기준일, 확인되지 않음)부터 정보통신망법 제46조 보호조치 대상 시설 중 리튬이온 UPS 배터리를 쓰는 시설에만 판단한다. 전체 용량이 기준 이하이면 방화구획별 용량을 신고하지 않아도 된다. 미달은 법률 위반이 아니라 '보도된 2024년 지침 기준 미달'로 표시한다.
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
#     en: Split the lithium-ion battery plant so that no fire compartment holds more than the guideline's limit, and declare datacenters[].ups.battery.maxMWhPerFireCompartment (or capacityKWh when the whole plant is within the limit).
#     ko: 방화구획 하나에 지침 기준을 넘는 리튬이온 배터리가 없도록 분산 배치하고 datacenters[].ups.battery.maxMWhPerFireCompartment(전체 용량이 기준 이하이면 capacityKWh)를 신고하십시오.
#   frameworks:
#     - KR-NETACT
#   in_force:
#     - from: "2024-01-01"
#       parties: [idc-colo, idc-own, idc-lessee]
#       label: guideline
#       citation: MSIT datacenter protection guideline (고시 under Network Decree Art. 37(3)), 2024 revision (reported, not verified in statute text)
#       citation_ko: 과학기술정보통신부 집적정보통신시설 보호조치 기준 고시(정보통신망법 시행령 제37조제3항) 2024년 개정(보도 내용이며 법령 원문으로 확인되지 않음)
#       basis: not in the statute texts; tool date 2024-01-01 for the 2024 revision (not verified); only sites under Network Act 46(1) and 46(7)
package resilcheck.controls.dc_battery_compartment

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

limit := incidents.param("dc_max_mwh_per_compartment", time.as_of_ns)

guideline := {"en": "the reported 2024 MSIT guideline", "ko": "보도된 2024년 과학기술정보통신부 지침"}

violations contains {
	"msg": sprintf("datacenter %s is below %s: %v MWh of lithium-ion battery in one fire compartment, above the %v MWh limit", [d.id, guideline.en, mwh, limit.value]),
	"msg_ko": sprintf("집적정보통신시설 %s는 %s 기준에 미달합니다: 방화구획 하나에 리튬이온 배터리 %vMWh가 있습니다(기준 %vMWh 이하).", [d.id, guideline.ko, mwh, limit.value]),
	"pointer": sprintf("/datacenters/%d/ups/battery/maxMWhPerFireCompartment", [i]),
	"evidence": {"datacenter": d.id, "max_mwh_per_compartment": mwh, "limit_mwh": limit.value, "limit_label": limit.label, "limit_basis": limit.basis},
} if {
	applies
	some i, d in scope.lithium_datacenters
	mwh := d.ups.battery.maxMWhPerFireCompartment
	mwh > limit.value
}

violations contains {
	"msg": sprintf("datacenter %s does not declare the largest lithium-ion battery energy in one fire compartment, needed to judge it against %s (at most %v MWh): declare ups.battery.maxMWhPerFireCompartment, or capacityKWh if the whole plant is within %v MWh", [d.id, guideline.en, limit.value, limit.value]),
	"msg_ko": sprintf("집적정보통신시설 %s의 방화구획당 최대 리튬이온 배터리 용량이 신고되지 않아 %s(%vMWh 이하)에 비추어 판단할 수 없습니다(ups.battery.maxMWhPerFireCompartment, 전체 %vMWh 이하이면 capacityKWh).", [d.id, guideline.ko, limit.value, limit.value]),
	"pointer": sprintf("/datacenters/%d/ups/battery", [i]),
	"evidence": {"datacenter": d.id, "missing": "ups.battery.maxMWhPerFireCompartment", "capacity_kwh": object.get(d.ups.battery, "capacityKWh", null), "limit_mwh": limit.value, "limit_label": limit.label},
} if {
	applies
	some i, d in scope.lithium_datacenters
	not "maxMWhPerFireCompartment" in object.keys(d.ups.battery)
	not within_limit_overall(d)
}

# A plant whose whole capacity is within the limit cannot exceed it in any one compartment.
within_limit_overall(d) if d.ups.battery.capacityKWh <= limit.value * 1000
