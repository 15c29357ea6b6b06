# METADATA
# title: Lithium-ion UPS batteries over 20 kWh inspected yearly or every two years
# description: |
#   From 2024-07-01 a UPS with a lithium-ion battery plant over 20 kWh is subject to the
#   statutory pre-use and regular inspections: every year when the plant is 1,000 kWh or
#   more or sits in a multi-use building, otherwise every two years; a UPS already installed
#   had its first regular inspection due by 2025-06-30. The basis is the Electrical Safety
#   Management Act and Electric Utility Act enforcement rules as amended 2023-12-06 (reported,
#   not verified in statute text); the rulebook lists the duty with the datacenter protective
#   measures of Network Act Art. 46(1), which is why it is grouped there and judged for every
#   datacenter the provider operates. An inspection before 2024-07-01 was not under this
#   regime and does not count. A year runs to the same date; from Feb 29 it ends on Feb 28.
#   Lead-acid plants (inspected above 70 kWh) are not judged.
# related_resources:
#   - https://www.law.go.kr/법령/전기안전관리법시행규칙
# scope: package
# custom:
#   id: KR-NETACT-46-UPS-INSPECTION
#   severity: high
#   kind: law
#   regulation: Network Act
#   title_ko: 리튬이온 UPS(20kWh 초과) 정기검사
#   description_ko: 2024년 7월 1일부터 20kWh를 초과하는 리튬이온 이차전지를 쓰는 UPS는 사용전검사와 정기검사를 받아야 한다. 1,000kWh 이상이거나 다중이용시설 건물 안에 있으면 1년, 그 밖에는 2년마다 검사하며, 기존 설비는 2025년 6월 30일까지 첫 정기검사를 받아야 한다. 근거는 2023년 12월 6일 개정된 전기안전관리법·전기사업법 시행규칙(보도 내용, 법령 본문으로 확인되지 않음)이며, 집적정보통신시설 보호조치(정보통신망법 제46조제1항)와 함께 판단한다.
#   citation:
#     law: Electrical Safety Management Act (enforcement rules); grouped with Network Act Art. 46(1)
#     law_ko: 전기안전관리법 시행규칙, 전기사업법 시행규칙
#     article: regular inspection of UPS equipment (enforcement rules as amended 2023-12-06)
#     decree: Network Act Enforcement Decree Art. 37(2)2
#     in_force: "2024-07-01"
#     text: UPS with lithium batteries > 20 kWh inspected before use, then yearly (>= 1,000 kWh or multi-use building) or every 2 years, from 2024-07-01 (reported, not verified in statute text)
#     text_ko: "리튬 배터리 20kWh 초과 UPS는 사용 전 검사 후 매년(1,000kWh 이상 또는 다중이용건축물) 또는 2년마다 정기검사, 2024-07-01부터(보도 내용이며 법령 원문으로 확인되지 않음)"
#     source: Korea Electrical Safety Corporation announcement 2023-12-13 (reported)
#   remediation:
#     en: Book the statutory UPS inspection with the Korea Electrical Safety Corporation on the required cycle and declare datacenters[].ups.lastInspectionOn, ups.battery.capacityKWh and multiUseBuilding.
#     ko: 한국전기안전공사에 주기에 맞춰 UPS 정기검사를 받고 datacenters[].ups.lastInspectionOn, ups.battery.capacityKWh, multiUseBuilding을 신고하십시오.
#   frameworks:
#     - KR-NETACT
package resilcheck.controls.dc_ups_inspection

import data.resilcheck.lib.incidents
import data.resilcheck.lib.params
import data.resilcheck.lib.scope
import data.resilcheck.lib.time

default applies := false

applies if {
	scope.idc_protect
	params.now("ups_inspection_min_kwh")
}

min_kwh := incidents.param("ups_inspection_min_kwh", time.as_of_ns)

yearly_kwh := params.now("ups_inspection_yearly_min_kwh")

regime_start := params.in_force("ups_inspection_min_kwh", time.as_of_ns).from

existing_due := params.now("ups_inspection_existing_due")

# covered[i] holds the inspection cycle of each plant over the size threshold.
covered[i] := {"datacenter": d, "capacity_kwh": kwh, "interval_years": years, "cycle_basis": basis} if {
	some i, d in scope.lithium_datacenters
	kwh := d.ups.battery.capacityKWh
	kwh > min_kwh.value
	[years, basis] := cycle(d, kwh)
}

cycle(_, kwh) := [params.now("ups_inspection_yearly_interval_years"), sprintf("yearly: %v kWh >= %v kWh", [kwh, yearly_kwh])] if kwh >= yearly_kwh

cycle(d, kwh) := [params.now("ups_inspection_yearly_interval_years"), "yearly: in a multi-use building"] if {
	kwh < yearly_kwh
	d.multiUseBuilding == true
}

cycle(d, kwh) := [params.now("ups_inspection_interval_years"), sprintf("every 2 years: %v kWh, not in a multi-use building", [kwh])] if {
	kwh < yearly_kwh
	not d.multiUseBuilding == true
}

# add_years(d, n) is the date n years after d; a period from Feb 29 ends on Feb 28.
add_years(d, n) := sprintf("%04d-02-28", [to_number(substring(d, 0, 4)) + n]) if endswith(d, "-02-29")

add_years(d, n) := sprintf("%04d%s", [to_number(substring(d, 0, 4)) + n, substring(d, 4, -1)]) if not endswith(d, "-02-29")

# last_regime_inspection is the last inspection made under the 2024 regime, if any.
last_regime_inspection(d) := d.ups.lastInspectionOn if time.days_between(regime_start, d.ups.lastInspectionOn) >= 0

violations contains {
	"msg": sprintf("the UPS at datacenter %s (%v kWh lithium-ion, %s) was last inspected on %s; the next inspection was due by %s", [d.id, c.capacity_kwh, c.cycle_basis, last, due]),
	"msg_ko": sprintf("집적정보통신시설 %s의 UPS(리튬이온 %vkWh)는 %s에 마지막으로 검사를 받았으며, 다음 검사 기한(%s)이 지났습니다.", [d.id, c.capacity_kwh, last, due]),
	"pointer": sprintf("/datacenters/%d/ups/lastInspectionOn", [i]),
	"evidence": {"datacenter": d.id, "capacity_kwh": c.capacity_kwh, "multi_use_building": object.get(d, "multiUseBuilding", false), "interval_years": c.interval_years, "cycle": c.cycle_basis, "last_inspection_on": last, "due": due, "as_of": time.as_of},
} if {
	some i, c in covered
	d := c.datacenter
	last := last_regime_inspection(d)
	due := add_years(last, c.interval_years)
	time.as_of_ns > time.day_end_ns(due)
}

violations contains {
	"msg": sprintf("the UPS at datacenter %s (%v kWh lithium-ion, over %v kWh) has no inspection on record since %s; the first was due by %s", [d.id, c.capacity_kwh, min_kwh.value, regime_start, existing_due]),
	"msg_ko": sprintf("집적정보통신시설 %s의 UPS(리튬이온 %vkWh)는 %s 이후 검사 기록이 없습니다(첫 정기검사 기한 %s).", [d.id, c.capacity_kwh, regime_start, existing_due]),
	"pointer": sprintf("/datacenters/%d/ups", [i]),
	"evidence": {"datacenter": d.id, "capacity_kwh": c.capacity_kwh, "min_kwh": min_kwh.value, "last_inspection_on": object.get(d.ups, "lastInspectionOn", null), "regime_start": regime_start, "due": existing_due, "as_of": time.as_of},
} if {
	some i, c in covered
	d := c.datacenter
	not last_regime_inspection(d)
	time.as_of_ns > time.day_end_ns(existing_due)
}

violations contains {
	"msg": sprintf("datacenter %s runs a lithium-ion UPS battery but does not declare its capacity (declare ups.battery.capacityKWh; over %v kWh it must be inspected)", [d.id, min_kwh.value]),
	"msg_ko": sprintf("집적정보통신시설 %s는 리튬이온 UPS 배터리를 쓰지만 용량을 신고하지 않았습니다(ups.battery.capacityKWh, %vkWh 초과 시 검사 대상).", [d.id, min_kwh.value]),
	"pointer": sprintf("/datacenters/%d/ups/battery", [i]),
	"evidence": {"datacenter": d.id, "missing": "ups.battery.capacityKWh", "min_kwh": min_kwh.value},
} if {
	some i, d in scope.lithium_datacenters
	not "capacityKWh" in object.keys(d.ups.battery)
}
