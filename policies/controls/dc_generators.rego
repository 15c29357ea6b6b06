# METADATA
# title: Standby generators and redundant UPS and generators (reported 2024 guideline)
# description: |
#   The reported 2024 revision of MSIT's datacenter protection guideline (the 고시 under Network
#   Decree Art. 37(3), not in the statute texts) asks that a site has at least
#   dc_min_generators (1) standby generator(s) and that generators and UPS are redundant (N+1
#   or better), so the loss of one unit does not drop the load when utility power fails.
#   Judged from 2024-01-01 (tool date, not verified) for the sites under Network Act 46
#   protective measures only. An undeclared generator plant or redundancy scheme fails, saying
#   what to declare. A failure is "below the reported 2024 MSIT guideline", not a breach of
#   statute.
# related_resources:
#   - https://www.law.go.kr/법령/정보통신망이용촉진및정보보호등에관한법률
# scope: package
# custom:
#   id: KR-NETACT-46-STANDBY-POWER
#   severity: medium
#   kind: guideline
#   regulation: Network Act
#   title_ko: 비상발전기 및 UPS·발전기 이중화(2024년 지침, 보도 내용)
#   description_ko: 보도된 2024년 과학기술정보통신부 집적정보통신시설 보호조치 기준(정보통신망법 시행령 제37조제3항의 고시, 법령 원문에 없음)은 비상발전기를 1대(dc_min_generators) 이상 갖추고 발전기와 UPS를 N+1 이상으로 이중화하여 한 대가 고장 나도 부하 전원이 유지되도록 한다. 2024년 1월 1일(도구 기준일, 확인되지 않음)부터 정보통신망법 제46조 보호조치 대상 시설에만 판단한다. 발전기나 이중화 구성을 신고하지 않으면 불합격이다. 미달은 법률 위반이 아니라 '보도된 2024년 지침 기준 미달'로 표시한다.
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
#     en: Install standby generators and UPS units with at least N+1 redundancy and declare datacenters[].generators (count, redundancy) and ups.redundancy.
#     ko: 비상발전기와 UPS를 N+1 이상으로 이중화하고 datacenters[].generators(count, redundancy)와 ups.redundancy를 신고하십시오.
#   frameworks:
#     - KR-NETACT
#   in_force:
#     - from: "2024-01-01"
#       parties: [idc-colo, idc-own, idc-lessee]
#       label: guideline
#       citation: MSIT datacenter protection guideline (고시 under Network Decree Art. 37(3)), 2024 revision (reported, not verified in statute text)
#       citation_ko: 과학기술정보통신부 집적정보통신시설 보호조치 기준 고시(정보통신망법 시행령 제37조제3항) 2024년 개정(보도 내용이며 법령 원문으로 확인되지 않음)
#       basis: not in the statute texts; tool date 2024-01-01 for the 2024 revision (not verified); only sites under Network Act 46(1) and 46(7)
package resilcheck.controls.dc_generators

import data.resilcheck.lib.incidents
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

limit := incidents.param("dc_min_generators", time.as_of_ns)

guideline := {"en": "the reported 2024 MSIT guideline", "ko": "보도된 2024년 과학기술정보통신부 지침"}

# A plain `N` scheme has no spare unit; every other scheme in the schema has at least one.
redundant_schemes := {"N+1", "2N", "2N+1"}

violations contains {
	"msg": sprintf("datacenter %s does not declare its standby generators, needed to judge it against %s (at least %d, N+1 or better): declare generators.count and generators.redundancy", [d.id, guideline.en, limit.value]),
	"msg_ko": sprintf("집적정보통신시설 %s의 비상발전기가 신고되지 않아 %s(%d대 이상, N+1 이상)에 비추어 판단할 수 없습니다(generators.count, generators.redundancy).", [d.id, guideline.ko, limit.value]),
	"pointer": sprintf("/datacenters/%d", [i]),
	"key": "generators",
	"evidence": {"datacenter": d.id, "missing": "generators", "min_generators": limit.value, "limit_label": limit.label},
} if {
	applies
	some i, d in scope.operated_sites
	not d.generators
}

violations contains {
	"msg": sprintf("datacenter %s is below %s: it has %d standby generator(s), fewer than %d", [d.id, guideline.en, d.generators.count, limit.value]),
	"msg_ko": sprintf("집적정보통신시설 %s는 %s 기준에 미달합니다: 비상발전기가 %d대입니다(기준 %d대 이상).", [d.id, guideline.ko, d.generators.count, limit.value]),
	"pointer": sprintf("/datacenters/%d/generators/count", [i]),
	"key": "generators.count",
	"evidence": {"datacenter": d.id, "generators": d.generators.count, "min_generators": limit.value, "limit_label": limit.label, "limit_basis": limit.basis},
} if {
	applies
	some i, d in scope.operated_sites
	d.generators.count < limit.value
}

violations contains {
	"msg": sprintf("datacenter %s %s: its %s %s", [d.id, problem.lead, unit.en, problem.en]),
	"msg_ko": sprintf("집적정보통신시설 %s%s: %s %s", [d.id, problem.lead_ko, unit.ko, problem.ko]),
	"pointer": problem.pointer,
	"key": sprintf("%s.redundancy", [unit.key]),
	"evidence": {"datacenter": d.id, "equipment": unit.key, "redundancy": object.get(plant, "redundancy", null), "accepted": sort(redundant_schemes), "label": "guideline"},
} if {
	applies
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
	"lead": sprintf("is below %s", [guideline.en]),
	"lead_ko": sprintf("는 %s 기준에 미달합니다", [guideline.ko]),
	"en": "have no spare unit (redundancy N); N+1 or better is asked for",
	"ko": "예비 설비가 없습니다(N 구성). N+1 이상이어야 합니다.",
	"pointer": sprintf("/datacenters/%d/%s/redundancy", [i, key]),
} if {
	plant.redundancy == "N"
}

redundancy_problem(i, key, plant) := {
	"lead": sprintf("cannot be judged against %s", [guideline.en]),
	"lead_ko": sprintf("는 %s에 비추어 판단할 수 없습니다", [guideline.ko]),
	"en": sprintf("do not declare a redundancy scheme (declare %s.redundancy)", [key]),
	"ko": sprintf("이중화 구성이 신고되지 않았습니다(%s.redundancy).", [key]),
	"pointer": declared_pointer(i, key, plant),
} if {
	not plant.redundancy
}

declared_pointer(i, key, plant) := sprintf("/datacenters/%d/%s", [i, key]) if plant != {}

declared_pointer(i, _, plant) := sprintf("/datacenters/%d", [i]) if plant == {}
