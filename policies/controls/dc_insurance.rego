# METADATA
# title: Colocation operators insured against liability from the first day of operation
# description: |
#   A colocation datacenter operator (one that runs a facility for other providers' services)
#   takes out liability insurance covering losses from the destruction, damage or other
#   operating failure of the facility at the same time as it starts the business. Judged for
#   every datacenter it operates: cover must exist and must start no later than the day the
#   facility started operating. The minimum insured amounts of Decree Annex 3 are not
#   judged.
# related_resources:
#   - https://www.law.go.kr/법령/정보통신망이용촉진및정보보호등에관한법률
# scope: package
# custom:
#   id: KR-NETACT-46-INSURANCE
#   severity: high
#   kind: law
#   regulation: Network Act
#   title_ko: 집적정보통신시설 사업자 책임보험 가입(사업 개시와 동시)
#   description_ko: 타인의 정보통신서비스를 위해 집적정보통신시설을 운영하는 사업자는 시설의 멸실, 훼손 그 밖의 운영장애로 발생한 피해를 보상하기 위하여 사업 개시와 동시에 책임보험에 가입하여야 한다. 시행령 별표 3의 최저보험금액은 판단하지 않는다.
#   citation:
#     law: Act on Promotion of Information and Communications Network Utilization and Information Protection
#     law_ko: 정보통신망 이용촉진 및 정보보호 등에 관한 법률
#     article: Art. 46(2)
#     decree: Enforcement Decree Art. 38(1)
#     in_force: "2023-07-04"
#     text: Network Act Art. 46(2); Decree Art. 38(1)
#     text_ko: 정보통신망 이용촉진 및 정보보호 등에 관한 법률 제46조제2항; 같은 법 시행령 제38조제1항
#   remediation:
#     en: Hold liability insurance for every facility from the day it starts operating, and declare datacenters[].liabilityInsurance (insured, since) and operatingSince.
#     ko: 시설별로 운영 개시일부터 책임보험에 가입하고 datacenters[].liabilityInsurance(insured, since)와 operatingSince를 신고하십시오.
#   frameworks:
#     - KR-NETACT
package resilcheck.controls.dc_insurance

import data.resilcheck.lib.scope
import data.resilcheck.lib.time

default applies := false

applies if {
	scope.idc_protect
	scope.datacenter_operator
}

violations contains {
	"msg": sprintf("datacenter %s does not declare liability insurance (declare liabilityInsurance with insured and since)", [d.id]),
	"msg_ko": sprintf("집적정보통신시설 %s의 책임보험 정보가 없습니다(liabilityInsurance의 insured와 since를 신고하십시오).", [d.id]),
	"pointer": sprintf("/datacenters/%d", [i]),
	"evidence": {"datacenter": d.id, "missing": "liabilityInsurance"},
} if {
	some i, d in scope.operated_sites
	not d.liabilityInsurance
}

violations contains {
	"msg": sprintf("datacenter %s is operated without liability insurance", [d.id]),
	"msg_ko": sprintf("집적정보통신시설 %s가 책임보험 없이 운영되고 있습니다.", [d.id]),
	"pointer": sprintf("/datacenters/%d/liabilityInsurance/insured", [i]),
	"evidence": {"datacenter": d.id, "insured": false},
} if {
	some i, d in scope.operated_sites
	d.liabilityInsurance.insured == false
}

violations contains {
	"msg": sprintf("the liability insurance of datacenter %s started on %s, %d days after the facility started operating on %s", [d.id, since, days, d.operatingSince]),
	"msg_ko": sprintf("집적정보통신시설 %s는 %s에 운영을 시작했으나 책임보험은 %d일 뒤인 %s부터 가입되었습니다.", [d.id, d.operatingSince, days, since]),
	"pointer": sprintf("/datacenters/%d/liabilityInsurance/since", [i]),
	"evidence": {"datacenter": d.id, "operating_since": d.operatingSince, "insured_since": since, "uninsured_days": days},
} if {
	some i, d in scope.operated_sites
	d.liabilityInsurance.insured == true
	since := d.liabilityInsurance.since
	days := time.days_between(d.operatingSince, since)
	days > 0
}

violations contains {
	"msg": sprintf("datacenter %s does not declare %s, so cover from the first day of operation cannot be judged", [d.id, concat(" and ", missing)]),
	"msg_ko": sprintf("집적정보통신시설 %s의 %s 정보가 없어 운영 개시일부터 보험에 가입했는지 판단할 수 없습니다.", [d.id, concat(", ", missing)]),
	"pointer": sprintf("/datacenters/%d", [i]),
	"evidence": {"datacenter": d.id, "missing": missing},
} if {
	some i, d in scope.operated_sites
	d.liabilityInsurance.insured == true
	missing := [name | some name in ["operatingSince", "liabilityInsurance.since"]; not declared(d, name)]
	count(missing) > 0
}

declared(d, "operatingSince") if d.operatingSince

declared(d, "liabilityInsurance.since") if d.liabilityInsurance.since
