# METADATA
# title: Lithium-ion battery rooms separated from the UPS and other electrical equipment (reported 2024 guideline)
# description: |
#   The reported 2024 revision of MSIT's datacenter protection guideline (the 고시 under Network
#   Decree Art. 37(3), not in the statute texts) asks that lithium-ion UPS batteries sit in a
#   room physically separated from the UPS and other electrical equipment, so a battery fire
#   does not take the power plant with it (the 2022 Pangyo fire). Judged from 2024-01-01 (tool
#   date, not verified) for the sites under Network Act 46 protective measures only (colocation
#   and own-use sites of a bound operator, exclusively leased sites). A failure is "below the
#   reported 2024 MSIT guideline", not a breach of statute. A site that does not declare its UPS
#   battery is asked to (a rotary UPS has no battery plant to declare). Power cables running
#   above batteries are not in the manifest schema and are not judged.
# related_resources:
#   - https://www.law.go.kr/법령/정보통신망이용촉진및정보보호등에관한법률
# scope: package
# custom:
#   id: KR-NETACT-46-BATTERY-SEPARATION
#   severity: medium
#   kind: guideline
#   regulation: Network Act
#   title_ko: 리튬이온 배터리실과 UPS 등 전기설비의 물리적 분리(2024년 지침, 보도 내용)
#   description_ko: 보도된 2024년 과학기술정보통신부 집적정보통신시설 보호조치 기준(정보통신망법 시행령 제37조제3항의 고시, 법령 원문에 없음)은 리튬이온 UPS 배터리를 UPS 및 다른 전기설비와 물리적으로 분리된 공간에 두도록 한다. 2024년 1월 1일(도구 기준일, 확인되지 않음)부터 정보통신망법 제46조 보호조치 대상 시설(의무 대상 사업자의 시설과 배타적 임차시설)에만 판단한다. 미달은 법률 위반이 아니라 '보도된 2024년 지침 기준 미달'로 표시한다. UPS 배터리를 신고하지 않은 시설에는 신고를 요구한다(회전형 UPS는 배터리가 없음).
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
#     en: Move lithium-ion batteries into a fire-separated room apart from the UPS and switchgear, and declare datacenters[].ups.battery.chemistry and separatedFromUps.
#     ko: 리튬이온 배터리를 UPS 및 배전설비와 방화 구획된 별도 공간으로 옮기고, datacenters[].ups.battery의 chemistry와 separatedFromUps를 신고하십시오.
#   frameworks:
#     - KR-NETACT
#   in_force:
#     - from: "2024-01-01"
#       parties: [idc-colo, idc-own, idc-lessee]
#       label: guideline
#       citation: MSIT datacenter protection guideline (고시 under Network Decree Art. 37(3)), 2024 revision (reported, not verified in statute text)
#       citation_ko: 과학기술정보통신부 집적정보통신시설 보호조치 기준 고시(정보통신망법 시행령 제37조제3항) 2024년 개정(보도 내용이며 법령 원문으로 확인되지 않음)
#       basis: not in the statute texts; tool date 2024-01-01 for the 2024 revision (not verified); only sites under Network Act 46(1) and 46(7)
package resilcheck.controls.dc_battery_separation

import data.resilcheck.lib.inforce
import data.resilcheck.lib.scope
import data.resilcheck.lib.time

# in_force is this package's METADATA custom.in_force (a Go test holds them equal).
in_force := [{"from": "2024-01-01", "parties": ["idc-colo", "idc-own", "idc-lessee"], "label": "guideline", "citation": "MSIT datacenter protection guideline (고시 under Network Decree Art. 37(3)), 2024 revision (reported, not verified in statute text)", "citation_ko": "과학기술정보통신부 집적정보통신시설 보호조치 기준 고시(정보통신망법 시행령 제37조제3항) 2024년 개정(보도 내용이며 법령 원문으로 확인되지 않음)", "basis": "not in the statute texts; tool date 2024-01-01 for the 2024 revision (not verified); only sites under Network Act 46(1) and 46(7)"}]

# judged[i] are the protected sites this item is about: a lithium-ion battery plant, or a UPS
# whose battery is not declared (a rotary UPS has none).
judged[i] := d if {
	some i, d in scope.operated_sites
	d.ups.battery.chemistry == "lithium-ion"
}

judged[i] := d if {
	some i, d in scope.operated_sites
	not d.ups.battery
	not d.ups.kind == "rotary"
}

# Violations are only judged where the control applies, so a direct query of violations
# agrees with the engine's verdict.
default applies := false

applies if {
	inforce.binds(in_force, time.as_of)
	count(judged) > 0
}

reason := r if {
	r := inforce.why_not(in_force, time.as_of)
} else := {
	"en": "no protected site runs a lithium-ion UPS battery (the sites declare another chemistry or a rotary UPS)",
	"ko": "보호조치 대상 시설에 리튬이온 UPS 배터리가 없습니다(다른 종류의 배터리 또는 회전형 UPS).",
} if {
	inforce.binds(in_force, time.as_of)
	count(judged) == 0
}

guideline := {"en": "the reported 2024 MSIT guideline", "ko": "보도된 2024년 과학기술정보통신부 지침"}

label := "guideline"

violations contains {
	"msg": sprintf("datacenter %s does not declare its UPS battery, needed to judge it against %s (lithium-ion batteries apart from the UPS and other electrical equipment): declare ups.battery with its chemistry and separatedFromUps", [d.id, guideline.en]),
	"msg_ko": sprintf("집적정보통신시설 %s의 UPS 배터리 정보가 없어 %s(리튬이온 배터리와 UPS 등 전기설비의 분리)에 비추어 판단할 수 없습니다(ups.battery의 종류와 separatedFromUps를 신고하십시오).", [d.id, guideline.ko]),
	"pointer": missing_pointer(i, d),
	"evidence": {"datacenter": d.id, "missing": "ups.battery", "label": label},
} if {
	applies
	some i, d in judged
	not d.ups.battery
}

missing_pointer(i, d) := sprintf("/datacenters/%d/ups", [i]) if d.ups

else := sprintf("/datacenters/%d", [i])

violations contains {
	"msg": sprintf("datacenter %s is below %s: its lithium-ion batteries share a room with the UPS or other electrical equipment (ups.battery.separatedFromUps is false)", [d.id, guideline.en]),
	"msg_ko": sprintf("집적정보통신시설 %s는 %s 기준에 미달합니다: 리튬이온 배터리가 UPS 등 전기설비와 같은 공간에 있습니다(ups.battery.separatedFromUps = false).", [d.id, guideline.ko]),
	"pointer": sprintf("/datacenters/%d/ups/battery/separatedFromUps", [i]),
	"evidence": {"datacenter": d.id, "chemistry": "lithium-ion", "separated_from_ups": false, "label": label},
} if {
	applies
	some i, d in judged
	d.ups.battery.chemistry == "lithium-ion"
	d.ups.battery.separatedFromUps == false
}

violations contains {
	"msg": sprintf("datacenter %s runs lithium-ion batteries but does not declare whether they are separated from the UPS, needed to judge it against %s (declare ups.battery.separatedFromUps)", [d.id, guideline.en]),
	"msg_ko": sprintf("집적정보통신시설 %s는 리튬이온 배터리를 쓰지만 UPS와의 분리 여부를 신고하지 않아 %s에 비추어 판단할 수 없습니다(ups.battery.separatedFromUps).", [d.id, guideline.ko]),
	"pointer": sprintf("/datacenters/%d/ups/battery", [i]),
	"evidence": {"datacenter": d.id, "chemistry": "lithium-ion", "missing": "ups.battery.separatedFromUps", "label": label},
} if {
	applies
	some i, d in judged
	d.ups.battery.chemistry == "lithium-ion"
	not "separatedFromUps" in object.keys(d.ups.battery)
}
