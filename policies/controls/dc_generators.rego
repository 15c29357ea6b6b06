# METADATA
# title: Standby generators and UPS are redundant
# description: |
#   Every datacenter the provider operates has at least dc_min_generators standby generator(s)
#   with a redundant scheme (N+1 or better) and a redundant UPS (N+1 or better), so the loss
#   of one unit does not drop the load when utility power fails. The duty to keep the facility
#   running is Network Act Art. 46(1) and Decree Art. 37(2)2; the generator count and the
#   redundancy of UPS and generators are from MSIT's 2024 datacenter protection guideline
#   (reported, not verified in statute text), and the control applies only on audit dates
#   from the guideline's date. An undeclared generator plant or redundancy scheme is a
#   violation saying what to declare.
# related_resources:
#   - https://www.law.go.kr/법령/정보통신망이용촉진및정보보호등에관한법률
# scope: package
# custom:
#   id: KR-NETACT-46-STANDBY-POWER
#   severity: critical
#   kind: law
#   regulation: Network Act
#   title_ko: 비상발전기 및 UPS 이중화
#   description_ko: 운영하는 집적정보통신시설은 비상발전기를 갖추고 발전기와 UPS를 N+1 이상으로 이중화하여 한 대가 고장 나도 부하 전원이 유지되어야 한다. 안정적 운영 의무는 정보통신망법 제46조제1항과 시행령 제37조제2항제2호에 근거하며, 세부 기준은 2024년 과학기술정보통신부 보호지침(보도 내용, 법령 본문으로 확인되지 않음)에 따른다.
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
#     en: Install standby generators and UPS units with at least N+1 redundancy and declare datacenters[].generators (count, redundancy) and ups.redundancy.
#     ko: 비상발전기와 UPS를 N+1 이상으로 이중화하고 datacenters[].generators(count, redundancy)와 ups.redundancy를 신고하십시오.
#   frameworks:
#     - KR-NETACT
package resilcheck.controls.dc_generators

import data.resilcheck.lib.incidents
import data.resilcheck.lib.params
import data.resilcheck.lib.scope
import data.resilcheck.lib.time

default applies := false

applies if {
	scope.idc_protect
	params.now("dc_min_generators")
}

limit := incidents.param("dc_min_generators", time.as_of_ns)

# A plain `N` scheme has no spare unit; every other scheme in the schema has at least one.
redundant_schemes := {"N+1", "2N", "2N+1"}

violations contains {
	"msg": sprintf("datacenter %s does not declare its standby generators (declare generators.count and generators.redundancy)", [d.id]),
	"msg_ko": sprintf("집적정보통신시설 %s의 비상발전기가 신고되지 않았습니다(generators.count, generators.redundancy).", [d.id]),
	"pointer": sprintf("/datacenters/%d", [i]),
	"evidence": {"datacenter": d.id, "missing": "generators", "min_generators": limit.value},
} if {
	some i, d in scope.operated_sites
	not d.generators
}

violations contains {
	"msg": sprintf("datacenter %s has %d standby generator(s); at least %d required", [d.id, d.generators.count, limit.value]),
	"msg_ko": sprintf("집적정보통신시설 %s의 비상발전기는 %d대입니다(기준 %d대 이상).", [d.id, d.generators.count, limit.value]),
	"pointer": sprintf("/datacenters/%d/generators/count", [i]),
	"evidence": {"datacenter": d.id, "generators": d.generators.count, "min_generators": limit.value, "limit_label": limit.label, "limit_basis": limit.basis},
} if {
	some i, d in scope.operated_sites
	d.generators.count < limit.value
}

violations contains {
	"msg": sprintf("the %s at datacenter %s %s", [unit.en, d.id, problem.en]),
	"msg_ko": sprintf("집적정보통신시설 %s의 %s %s", [d.id, unit.ko, problem.ko]),
	"pointer": problem.pointer,
	"evidence": {"datacenter": d.id, "equipment": unit.key, "redundancy": object.get(plant, "redundancy", null), "accepted": sort(redundant_schemes)},
} if {
	some i, d in scope.operated_sites
	some unit in [
		{"key": "generators", "en": "standby generators", "ko": "비상발전기는"},
		{"key": "ups", "en": "UPS", "ko": "UPS는"},
	]
	judged_plant(d, unit.key)
	plant := object.get(d, unit.key, {})
	problem := redundancy_problem(i, unit.key, plant)
}

# A missing generator plant is reported once, above; a missing UPS is asked for here.
judged_plant(_, "ups")

judged_plant(d, "generators") if d.generators

redundancy_problem(i, key, plant) := {
	"en": "have no spare unit (redundancy N); N+1 or better is required",
	"ko": "예비 설비가 없습니다(N 구성). N+1 이상이어야 합니다.",
	"pointer": sprintf("/datacenters/%d/%s/redundancy", [i, key]),
} if {
	plant.redundancy == "N"
}

redundancy_problem(i, key, plant) := {
	"en": sprintf("do not declare a redundancy scheme (declare %s.redundancy)", [key]),
	"ko": sprintf("이중화 구성이 신고되지 않았습니다(%s.redundancy).", [key]),
	"pointer": declared_pointer(i, key, plant),
} if {
	not plant.redundancy
}

declared_pointer(i, key, plant) := sprintf("/datacenters/%d/%s", [i, key]) if plant != {}

declared_pointer(i, _, plant) := sprintf("/datacenters/%d", [i]) if plant == {}
