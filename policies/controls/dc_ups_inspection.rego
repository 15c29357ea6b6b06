# METADATA
# title: Lithium-ion UPS inspected before first use and then periodically (reported Electrical Safety Management Act rules)
# description: |
#   Reported, not in the statute texts and not a Network Act duty: under the Electrical Safety
#   Management Act and Electric Utility Act enforcement rules as amended 2023-12-06 (in force
#   2024-07-01), a UPS whose lithium battery plant is over ups_inspection_min_kwh (20 kWh) is
#   inspected before first use when put in service from 2024-07-01 (ups.preUseInspectionOn on
#   or before ups.commissionedOn); one already in use before 2024-07-01 has its first
#   inspection by ups_inspection_existing_due (2025-06-30); then it is inspected every year
#   when the plant is ups_inspection_yearly_min_kwh (1,000 kWh) or more or sits in a multi-use
#   building, otherwise every 2 years. The id is historical (the rulebook lists the duty with
#   the datacenter measures); the duty binds the operator of the site whatever its Network Act
#   scope, so every site the provider runs (ownership own or leased-exclusive) is judged, and
#   rented colocation space, whose UPS is its operator's, is not. A UPS without commissionedOn
#   is taken to be in use before 2024-07-01 only when its site operated before then
#   (operatingSince); otherwise the missing date fails, since whether a pre-use inspection was
#   owed cannot be told. An inspection before 2024-07-01 was not under this regime and does not
#   count as the first regular one. A year runs to the same date; from Feb 29 it ends on Feb 28.
#   Lead-acid plants are not judged.
# related_resources:
#   - https://www.law.go.kr/법령/전기안전관리법시행규칙
# scope: package
# custom:
#   id: KR-NETACT-46-UPS-INSPECTION
#   severity: medium
#   kind: guideline
#   regulation: Network Act
#   title_ko: 리튬이온 UPS 사용전검사 및 정기검사(전기안전관리법 시행규칙, 보도 내용)
#   description_ko: 보도 내용이며 법령 원문에 없고 정보통신망법상 의무가 아니다. 2023년 12월 6일 개정된 전기안전관리법·전기사업법 시행규칙(2024년 7월 1일 시행)에 따라 리튬 배터리 용량이 20kWh(ups_inspection_min_kwh)를 초과하는 UPS는 2024년 7월 1일 이후 사용을 시작하면 사용 전에 검사를 받아야 하고(ups.preUseInspectionOn이 ups.commissionedOn 이전), 그 전부터 사용하던 설비는 2025년 6월 30일(ups_inspection_existing_due)까지 첫 검사를 받아야 한다. 이후 1,000kWh(ups_inspection_yearly_min_kwh) 이상이거나 다중이용건축물에 있으면 매년, 그 밖에는 2년마다 검사한다. 통제 id는 과거의 것이며, 이 의무는 정보통신망법 대상 여부와 관계없이 시설 운영자에게 있으므로 제공자가 운영하는 모든 시설(ownership own 또는 leased-exclusive)을 판단하고, UPS가 시설 사업자의 것인 임차 공간(colocation)은 판단하지 않는다. commissionedOn이 없는 UPS는 시설 운영 개시일(operatingSince)이 2024년 7월 1일 전인 경우에만 기존 설비로 보고, 그 밖에는 사용전검사 대상인지 알 수 없으므로 불합격으로 본다. 2024년 7월 1일 전의 검사는 첫 정기검사로 보지 않는다.
#   citation:
#     law: Electrical Safety Management Act and Electric Utility Act enforcement rules as amended 2023-12-06 (reported, not verified in statute text; not a Network Act duty)
#     law_ko: 전기안전관리법 시행규칙, 전기사업법 시행규칙(2023-12-06 개정, 보도 내용이며 법령 원문으로 확인되지 않음; 정보통신망법상 의무 아님)
#     article: UPS pre-use and regular inspection (enforcement rules as amended 2023-12-06)
#     in_force: "2024-07-01"
#     text: UPS with lithium batteries over 20 kWh inspected before first use (from 2024-07-01), then yearly (1,000 kWh or more, or a multi-use building) or every 2 years; UPS in use before 2024-07-01 first inspected by 2025-06-30 (reported, not verified in statute text; not a Network Act duty)
#     text_ko: "리튬 배터리 20kWh 초과 UPS는 2024-07-01부터 사용 전 검사, 이후 매년(1,000kWh 이상 또는 다중이용건축물) 또는 2년마다 정기검사, 기존 설비는 2025-06-30까지 첫 검사(보도 내용이며 법령 원문으로 확인되지 않음; 정보통신망법상 의무 아님)"
#     source: Korea Electrical Safety Corporation announcement 2023-12-13 (reported)
#   remediation:
#     en: Have the UPS inspected by the Korea Electrical Safety Corporation before first use and on the required cycle, and declare datacenters[].ups.commissionedOn, preUseInspectionOn, lastInspectionOn, ups.battery.capacityKWh and multiUseBuilding.
#     ko: 한국전기안전공사에서 UPS 사용전검사와 주기별 정기검사를 받고 datacenters[].ups.commissionedOn, preUseInspectionOn, lastInspectionOn, ups.battery.capacityKWh, multiUseBuilding을 신고하십시오.
#   frameworks:
#     - KR-NETACT
#   in_force:
#     - from: "2024-07-01"
#       label: reported
#       citation: Electrical Safety Management Act and Electric Utility Act enforcement rules as amended 2023-12-06 (reported, not in the statute texts; not a Network Act duty)
#       citation_ko: 전기안전관리법·전기사업법 시행규칙 2023-12-06 개정(보도 내용, 법령 원문에 없음; 정보통신망법상 의무 아님)
#       basis: Korea Electrical Safety Corporation announcement 2023-12-13 (reported); binds the operator of each site, whatever its Network Act scope
package resilcheck.controls.dc_ups_inspection

import data.resilcheck.lib.incidents
import data.resilcheck.lib.inforce
import data.resilcheck.lib.params
import data.resilcheck.lib.scope
import data.resilcheck.lib.time

# in_force is this package's METADATA custom.in_force (a Go test holds them equal).
in_force := [{"from": "2024-07-01", "label": "reported", "citation": "Electrical Safety Management Act and Electric Utility Act enforcement rules as amended 2023-12-06 (reported, not in the statute texts; not a Network Act duty)", "citation_ko": "전기안전관리법·전기사업법 시행규칙 2023-12-06 개정(보도 내용, 법령 원문에 없음; 정보통신망법상 의무 아님)", "basis": "Korea Electrical Safety Corporation announcement 2023-12-13 (reported); binds the operator of each site, whatever its Network Act scope"}]

regime_start := in_force[0].from

# run_sites are the sites whose UPS the provider runs: its own sites and exclusively leased
# ones. In rented colocation space the UPS is the facility operator's.
run_sites[i] := d if {
	some i, d in scope.all_datacenters
	d.ownership in {"own", "leased-exclusive"}
}

lithium[i] := d if {
	some i, d in run_sites
	d.ups.battery.chemistry == "lithium-ion"
}

# covered[i] are the lithium plants over the size threshold, or whose size is not declared
# (they are asked to declare it).
covered[i] := d if {
	some i, d in lithium
	d.ups.battery.capacityKWh > min_kwh
}

covered[i] := d if {
	some i, d in lithium
	not "capacityKWh" in object.keys(d.ups.battery)
}

min_kwh := params.now("ups_inspection_min_kwh")

yearly_kwh := params.now("ups_inspection_yearly_min_kwh")

existing_due := params.now("ups_inspection_existing_due")

# Violations are only judged where the control applies, so a direct query of violations
# agrees with the engine's verdict.
default applies := false

applies if {
	inforce.binds(in_force, time.as_of)
	count(covered) > 0
}

reason := r if {
	r := inforce.why_not(in_force, time.as_of)
} else := {
	"en": "the provider runs no site of its own (datacenters[].ownership own or leased-exclusive); the UPS in rented colocation space is its operator's",
	"ko": "제공자가 운영하는 시설(datacenters[].ownership own 또는 leased-exclusive)이 없습니다. 임차 공간(colocation)의 UPS는 시설 사업자의 것입니다.",
} if {
	inforce.binds(in_force, time.as_of)
	count(run_sites) == 0
} else := {
	"en": "no site the provider runs has a lithium-ion UPS battery",
	"ko": "제공자가 운영하는 시설에 리튬이온 UPS 배터리가 없습니다.",
} if {
	inforce.binds(in_force, time.as_of)
	count(lithium) == 0
} else := {
	"en": sprintf("no lithium-ion UPS battery over %v kWh at a site the provider runs (largest %v kWh)", [min_kwh, largest]),
	"ko": sprintf("제공자가 운영하는 시설에 %vkWh를 초과하는 리튬이온 UPS 배터리가 없습니다(최대 %vkWh).", [min_kwh, largest]),
} if {
	inforce.binds(in_force, time.as_of)
	count(covered) == 0
	largest := max({d.ups.battery.capacityKWh | some d in lithium})
}

note := {
	"en": "reported Electrical Safety Management Act rule, not in the statute texts and not a Network Act duty",
	"ko": "전기안전관리법 시행규칙, 보도 내용이며 법령 원문에 없고 정보통신망법상 의무가 아님",
}

label := incidents.param("ups_inspection_min_kwh", time.as_of_ns).label

# kind(d) is whether the UPS of site d came into service under the regime ("new": pre-use
# inspection owed), before it ("existing"), and on what that rests.
kind(d) := {"kind": "new", "commissioned_on": d.ups.commissionedOn, "basis": "ups.commissionedOn", "basis_ko": "ups.commissionedOn"} if {
	d.ups.commissionedOn >= regime_start
} else := {"kind": "existing", "commissioned_on": d.ups.commissionedOn, "basis": "ups.commissionedOn", "basis_ko": "ups.commissionedOn"} if {
	d.ups.commissionedOn < regime_start
} else := {
	"kind": "existing", "commissioned_on": null,
	"basis": sprintf("ups.commissionedOn not declared; taken as in use before %s because the site operates since %s", [regime_start, d.operatingSince]),
	"basis_ko": sprintf("ups.commissionedOn 미신고: 시설이 %s부터 운영되어 %s 전부터 사용한 것으로 봄", [d.operatingSince, regime_start]),
} if {
	d.operatingSince < regime_start
}

# cycle(d) is [interval in years, why] for a plant of declared size.
cycle(d) := [params.now("ups_inspection_yearly_interval_years"), sprintf("yearly: %v kWh >= %v kWh", [kwh, yearly_kwh])] if {
	kwh := d.ups.battery.capacityKWh
	kwh >= yearly_kwh
} else := [params.now("ups_inspection_yearly_interval_years"), "yearly: in a multi-use building"] if {
	d.multiUseBuilding == true
} else := [params.now("ups_inspection_interval_years"), sprintf("every %v years: %v kWh < %v kWh, not in a multi-use building", [params.now("ups_inspection_interval_years"), d.ups.battery.capacityKWh, yearly_kwh])]

# add_years(d, n) is the date n years after d; a period from Feb 29 ends on Feb 28.
add_years(d, n) := sprintf("%04d-02-28", [to_number(substring(d, 0, 4)) + n]) if endswith(d, "-02-29")

else := sprintf("%04d%s", [to_number(substring(d, 0, 4)) + n, substring(d, 4, -1)])

happened(date) if date <= time.as_of

# inspections(d, k) are the inspections on record under the regime, by the audit date: for a
# new UPS its pre-use inspection and its last one; for an existing UPS its last one from
# 2024-07-01.
inspections(d, k) := {x |
	some x in [object.get(d.ups, "preUseInspectionOn", ""), object.get(d.ups, "lastInspectionOn", "")]
	x != ""
	happened(x)
	k.kind == "new"
} | {x |
	x := d.ups.lastInspectionOn
	happened(x)
	x >= regime_start
}

base_evidence(d, k) := {
	"datacenter": d.id,
	"capacity_kwh": object.get(d.ups.battery, "capacityKWh", null),
	"min_kwh": min_kwh,
	"commissioned_on": k.commissioned_on,
	"commissioned_basis": k.basis,
	"commissioned_basis_ko": k.basis_ko,
	"regime_start": regime_start,
	"label": label,
	"basis": note.en,
}

# A UPS put in service under the regime is inspected before first use.
violations contains {
	"msg": sprintf("the UPS at datacenter %s (%v kWh lithium-ion, over %v kWh) was put in service on %s without an inspection before first use on record (ups.preUseInspectionOn; %s)", [d.id, d.ups.battery.capacityKWh, min_kwh, k.commissioned_on, note.en]),
	"msg_ko": sprintf("집적정보통신시설 %s의 UPS(리튬이온 %vkWh, %vkWh 초과)는 %s에 사용을 시작했으나 사용전검사 기록이 없습니다(ups.preUseInspectionOn; %s).", [d.id, d.ups.battery.capacityKWh, min_kwh, k.commissioned_on, note.ko]),
	"pointer": sprintf("/datacenters/%d/ups", [i]),
	"evidence": object.union(base_evidence(d, k), {"missing": "ups.preUseInspectionOn"}),
} if {
	applies
	some i, d in covered
	k := kind(d)
	k.kind == "new"
	happened(k.commissioned_on)
	not happened_pre_use(d)
}

happened_pre_use(d) if happened(d.ups.preUseInspectionOn)

violations contains {
	"msg": sprintf("the UPS at datacenter %s (%v kWh lithium-ion) was put in service on %s but inspected only on %s, not before first use (%s)", [d.id, d.ups.battery.capacityKWh, k.commissioned_on, pre, note.en]),
	"msg_ko": sprintf("집적정보통신시설 %s의 UPS(리튬이온 %vkWh)는 %s에 사용을 시작했으나 %s에야 검사를 받아 사용전검사가 아닙니다(%s).", [d.id, d.ups.battery.capacityKWh, k.commissioned_on, pre, note.ko]),
	"pointer": sprintf("/datacenters/%d/ups/preUseInspectionOn", [i]),
	"evidence": object.union(base_evidence(d, k), {"pre_use_inspection_on": pre, "days_after_commissioning": time.days_between(k.commissioned_on, pre)}),
} if {
	applies
	some i, d in covered
	k := kind(d)
	k.kind == "new"
	pre := d.ups.preUseInspectionOn
	happened(pre)
	pre > k.commissioned_on
}

# A UPS in use before the regime had its first inspection by the existing-plant deadline.
violations contains {
	"msg": sprintf("the UPS at datacenter %s (%v kWh lithium-ion, over %v kWh, in use before %s) has no inspection on record since %s; the first was due by %s (%s)", [d.id, d.ups.battery.capacityKWh, min_kwh, regime_start, regime_start, existing_due, note.en]),
	"msg_ko": sprintf("집적정보통신시설 %s의 UPS(리튬이온 %vkWh, %s 이전부터 사용)는 %s 이후 검사 기록이 없습니다(첫 검사 기한 %s; %s).", [d.id, d.ups.battery.capacityKWh, regime_start, regime_start, existing_due, note.ko]),
	"pointer": sprintf("/datacenters/%d/ups", [i]),
	"evidence": object.union(base_evidence(d, k), {"last_inspection_on": object.get(d.ups, "lastInspectionOn", null), "due": existing_due, "as_of": time.as_of}),
} if {
	applies
	some i, d in covered
	k := kind(d)
	k.kind == "existing"
	count(inspections(d, k)) == 0
	existing_due < time.as_of
}

# Then the regular cycle runs from the last inspection under the regime.
violations contains {
	"msg": sprintf("the UPS at datacenter %s (%v kWh lithium-ion, %s) was last inspected on %s; the next inspection was due by %s (%s)", [d.id, d.ups.battery.capacityKWh, c[1], last, due, note.en]),
	"msg_ko": sprintf("집적정보통신시설 %s의 UPS(리튬이온 %vkWh, %d년 주기)는 %s에 마지막으로 검사를 받았으며 다음 검사 기한(%s)이 지났습니다(%s).", [d.id, d.ups.battery.capacityKWh, c[0], last, due, note.ko]),
	"pointer": sprintf("/datacenters/%d/ups/lastInspectionOn", [i]),
	"evidence": object.union(base_evidence(d, k), {"multi_use_building": object.get(d, "multiUseBuilding", false), "interval_years": c[0], "cycle": c[1], "last_inspection_on": last, "due": due, "as_of": time.as_of}),
} if {
	applies
	some i, d in covered
	d.ups.battery.capacityKWh
	k := kind(d)
	done := inspections(d, k)
	count(done) > 0
	last := max(done)
	c := cycle(d)
	due := add_years(last, c[0])
	due < time.as_of
}

# Without commissionedOn (and with a site not shown to operate before the regime) whether a
# pre-use inspection was owed cannot be told.
violations contains {
	"msg": sprintf("the UPS at datacenter %s (%v kWh lithium-ion) does not declare when it was put in service (ups.commissionedOn), so whether it needed an inspection before first use (from %s) cannot be judged (%s)", [d.id, d.ups.battery.capacityKWh, regime_start, note.en]),
	"msg_ko": sprintf("집적정보통신시설 %s의 UPS(리튬이온 %vkWh)는 사용 개시일(ups.commissionedOn)이 신고되지 않아 사용전검사(%s부터) 대상인지 판단할 수 없습니다(%s).", [d.id, d.ups.battery.capacityKWh, regime_start, note.ko]),
	"pointer": sprintf("/datacenters/%d/ups", [i]),
	"evidence": {"datacenter": d.id, "missing": "ups.commissionedOn", "operating_since": object.get(d, "operatingSince", null), "regime_start": regime_start, "label": label, "basis": note.en},
} if {
	applies
	some i, d in covered
	not kind(d)
}

violations contains {
	"msg": sprintf("datacenter %s runs a lithium-ion UPS battery but does not declare its capacity (ups.battery.capacityKWh): over %v kWh it must be inspected (%s)", [d.id, min_kwh, note.en]),
	"msg_ko": sprintf("집적정보통신시설 %s는 리튬이온 UPS 배터리를 쓰지만 용량을 신고하지 않았습니다(ups.battery.capacityKWh, %vkWh 초과 시 검사 대상; %s).", [d.id, min_kwh, note.ko]),
	"pointer": sprintf("/datacenters/%d/ups/battery", [i]),
	"evidence": {"datacenter": d.id, "missing": "ups.battery.capacityKWh", "min_kwh": min_kwh, "label": label, "basis": note.en},
} if {
	applies
	some i, d in covered
	not "capacityKWh" in object.keys(d.ups.battery)
}
