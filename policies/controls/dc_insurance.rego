# METADATA
# title: Colocation operators insured against liability from the first day of business
# description: |
#   Every colocation operator (one that runs a facility for other providers' services, Network
#   Act 46(1)1), of any size and public institutions included, takes out liability insurance
#   covering losses from the destruction, damage or other operating failure of the facility "at
#   the same time as it starts the business" (46(2); Decree 38(1)). Own-use operators and
#   lessees are not bound. Judged for every site run for others: cover must be declared, in
#   place, and start no later than the day the site started operating. The minimum sums are in
#   Decree annex 3, which is not in the statute texts: cover below the minimum is not judged
#   until the annex is added. The duty binds throughout: 46(2) carries no amendment marker
#   (Decree 38(2) markers from 2011-08-29 date the decree's amendments, not the duty). Decree
#   38(1) as worded before 2023-07-04 is not in the statute texts: judged by the current
#   wording then, labelled older wording reported.
# related_resources:
#   - https://www.law.go.kr/법령/정보통신망이용촉진및정보보호등에관한법률
# scope: package
# custom:
#   id: KR-NETACT-46-INSURANCE
#   severity: high
#   kind: law
#   regulation: Network Act
#   title_ko: 집적정보통신시설 사업자 책임보험 가입(사업 개시와 동시)
#   description_ko: 타인의 정보통신서비스를 위해 집적정보통신시설을 운영하는 사업자(정보통신망법 제46조제1항제1호)는 규모와 관계없이, 공공기관도 포함하여, 시설의 멸실, 훼손 그 밖의 운영장애로 발생한 피해를 보상하기 위하여 사업 개시와 동시에 책임보험에 가입하여야 한다(제46조제2항, 시행령 제38조제1항). 자체 운영자와 임차사업자는 대상이 아니다. 타인을 위해 운영하는 시설마다 보험이 신고되어 있고 가입되어 있으며 시설 운영 개시일 이전부터 효력이 있어야 한다. 최저보험금액은 법령 원문에 없는 시행령 별표 3에 있어 별표가 추가될 때까지 판단하지 않는다. 제46조제2항에는 개정 표시가 없어 이 의무는 시기와 관계없이 적용된다(시행령 제38조제2항의 2011년 8월 29일 개정 표시는 시행령 개정일일 뿐 의무의 시작일이 아니다). 2023년 7월 4일 전의 시행령 제38조제1항 문언은 법령 원문에 없어 현행 문언으로 판단하고 구 조문(보도 내용)으로 표시한다.
#   citation:
#     law: Act on Promotion of Information and Communications Network Utilization and Information Protection
#     law_ko: 정보통신망 이용촉진 및 정보보호 등에 관한 법률
#     article: Art. 46(2)
#     decree: Enforcement Decree Art. 38
#     text: Network Act Art. 46(2); Decree Art. 38(1)-(2) (annex 3 minimum sums not in the statute texts)
#     text_ko: 정보통신망 이용촉진 및 정보보호 등에 관한 법률 제46조제2항; 같은 법 시행령 제38조제1항·제2항(별표 3 최저보험금액은 법령 원문에 없음)
#   remediation:
#     en: Hold liability insurance for every site run for others from the day it starts operating, and declare datacenters[].liabilityInsurance (insured, since, coverageKRW) and operatingSince.
#     ko: 타인을 위해 운영하는 시설마다 운영 개시일부터 책임보험에 가입하고 datacenters[].liabilityInsurance(insured, since, coverageKRW)와 operatingSince를 신고하십시오.
#   frameworks:
#     - KR-NETACT
#   in_force:
#     - until: "2023-07-04"
#       parties: [colo]
#       label: law-older-wording-reported
#       citation: Network Act Art. 46(2); Decree Art. 38
#       citation_ko: 정보통신망 이용촉진 및 정보보호 등에 관한 법률 제46조제2항; 같은 법 시행령 제38조
#       basis: in force throughout (46(2) unmarked; Decree 38(2) amendment markers from 2011-08-29); Decree 38(1) as worded before 2023-07-04 not in the statute texts
#     - from: "2023-07-04"
#       parties: [colo]
#       label: law
#       citation: Network Act Art. 46(2); Decree Art. 38(1)
#       citation_ko: 정보통신망 이용촉진 및 정보보호 등에 관한 법률 제46조제2항; 같은 법 시행령 제38조제1항
#       basis: Decree 38(1) as amended by Decree No. 33612, in force 2023-07-04 (사업 개시와 동시에)
package resilcheck.controls.dc_insurance

import data.resilcheck.lib.inforce
import data.resilcheck.lib.scope
import data.resilcheck.lib.time

# in_force is this package's METADATA custom.in_force (a Go test holds them equal).
in_force := [
	{"until": "2023-07-04", "parties": ["colo"], "label": "law-older-wording-reported", "citation": "Network Act Art. 46(2); Decree Art. 38", "citation_ko": "정보통신망 이용촉진 및 정보보호 등에 관한 법률 제46조제2항; 같은 법 시행령 제38조", "basis": "in force throughout (46(2) unmarked; Decree 38(2) amendment markers from 2011-08-29); Decree 38(1) as worded before 2023-07-04 not in the statute texts"},
	{"from": "2023-07-04", "parties": ["colo"], "label": "law", "citation": "Network Act Art. 46(2); Decree Art. 38(1)", "citation_ko": "정보통신망 이용촉진 및 정보보호 등에 관한 법률 제46조제2항; 같은 법 시행령 제38조제1항", "basis": "Decree 38(1) as amended by Decree No. 33612, in force 2023-07-04 (사업 개시와 동시에)"},
]

# Violations are only judged where the control applies, so a direct query of violations
# agrees with the engine's verdict.
default applies := false

applies if inforce.binds(in_force, time.as_of)

reason := inforce.why_not(in_force, time.as_of)

law := inforce.citation_on(in_force, time.as_of)

# The annex with the minimum sums is not in the statute texts: every finding says so.
amounts := "minimum sums (Decree Art. 38(2), annex 3) not judged until the annex is added"

note := {"en": " (older wording reported)", "ko": "(구 조문, 보도 내용)"} if {
	law.label == "law-older-wording-reported"
} else := {"en": "", "ko": ""}

common(d) := {"datacenter": d.id, "coverage_krw": object.get(d, ["liabilityInsurance", "coverageKRW"], null), "amounts": amounts, "label": law.label, "citation": law.en}

violations contains {
	"msg": sprintf("colocation site %s does not declare liability insurance (declare liabilityInsurance with insured and since)%s", [d.id, note.en]),
	"msg_ko": sprintf("집적정보통신시설 %s의 책임보험 정보가 없습니다(liabilityInsurance의 insured와 since를 신고하십시오)%s.", [d.id, note.ko]),
	"pointer": sprintf("/datacenters/%d", [i]),
	"evidence": object.union(common(d), {"missing": "liabilityInsurance"}),
} if {
	applies
	some i, d in scope.colo_sites
	not d.liabilityInsurance
}

violations contains {
	"msg": sprintf("colocation site %s is operated without liability insurance%s", [d.id, note.en]),
	"msg_ko": sprintf("집적정보통신시설 %s 책임보험 없이 운영되고 있습니다%s.", [data.resilcheck.lib.text.josa(d.id, "가"), note.ko]),
	"pointer": sprintf("/datacenters/%d/liabilityInsurance/insured", [i]),
	"evidence": object.union(common(d), {"insured": false}),
} if {
	applies
	some i, d in scope.colo_sites
	d.liabilityInsurance.insured == false
}

violations contains {
	"msg": sprintf("the liability insurance of colocation site %s starts on %s, after the site started operating on %s: uninsured for %d days from the start of business%s", [d.id, since, d.operatingSince, days, note.en]),
	"msg_ko": sprintf("집적정보통신시설 %s는 %s에 운영을 시작했으나 책임보험은 %s부터 가입되어 사업 개시 후 %d일 동안 보험이 없었습니다%s.", [d.id, d.operatingSince, since, days, note.ko]),
	"pointer": sprintf("/datacenters/%d/liabilityInsurance/since", [i]),
	"evidence": object.union(common(d), {"operating_since": d.operatingSince, "insured_since": since, "uninsured_days": days}),
} if {
	applies
	some i, d in scope.colo_sites
	d.liabilityInsurance.insured == true
	since := d.liabilityInsurance.since
	days := time.days_between(d.operatingSince, since)
	days > 0
}

violations contains {
	"msg": sprintf("colocation site %s does not declare %s, so cover from the first day of business cannot be judged%s", [d.id, concat(" and ", missing), note.en]),
	"msg_ko": sprintf("집적정보통신시설 %s의 %s 정보가 없어 사업 개시와 동시에 보험에 가입했는지 판단할 수 없습니다%s.", [d.id, concat(", ", missing), note.ko]),
	"pointer": sprintf("/datacenters/%d", [i]),
	"evidence": object.union(common(d), {"missing": missing}),
} if {
	applies
	some i, d in scope.colo_sites
	d.liabilityInsurance.insured == true
	missing := [name | some name in ["operatingSince", "liabilityInsurance.since"]; not declared(d, name)]
	count(missing) > 0
}

declared(d, "operatingSince") if d.operatingSince

declared(d, "liabilityInsurance.since") if d.liabilityInsurance.since
