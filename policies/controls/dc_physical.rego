# METADATA
# title: Datacenter protective measures (access control, disasters, staff, contingency plan, intrusion containment)
# description: |
#   Every site under Network Act Art. 46 takes the protective measures of Decree Art. 37(2):
#   1 access control and monitoring of unauthorised persons; 2 physical and technical protection
#   against fire, earthquake, flood and other disasters (judged as floodProtection,
#   earthquakeProtection and a fire suppression that is not `none`); 3 selection and deployment
#   of management staff (the law does not say around the clock: the manifest's staffed24x7 is
#   read as the staffing record); 4 an internal management plan including a contingency plan;
#   5 measures to stop intrusion incidents spreading (judged from 2023-07-04). Sites judged:
#   those of a colocation operator (46(1)1) and, from 2023-07-04, those of an own-use operator
#   (46(1)2) that meets Decree 37(1)2 and exclusively leased sites (46(7); Decree 41 1, no size
#   test). Before 2023-07-04 only colocation operators were bound, under an older 46(1) whose
#   wording is not in the statute texts (no size test, items 1-4: older wording reported);
#   before 2009-01-28 nothing is verifiable. Public institutions are excluded from 46(1) from
#   2023-07-04 (Decree 37(1) proviso). Each measure declared false, or not declared, is a
#   separate violation naming the site and the item.
# related_resources:
#   - https://www.law.go.kr/법령/정보통신망이용촉진및정보보호등에관한법률
# scope: package
# custom:
#   id: KR-NETACT-46-PROTECTION
#   severity: high
#   kind: law
#   regulation: Network Act
#   title_ko: 집적정보통신시설 보호조치(접근 통제·재해 대비·관리인원·비상계획·침해사고 확산 차단)
#   description_ko: 정보통신망법 제46조의 대상 시설은 시행령 제37조제2항의 보호조치를 하여야 한다. 1 접근 권한이 없는 자의 접근 통제 및 감시, 2 화재·지진·수해 등 재해로부터의 물리적·기술적 보호(floodProtection, earthquakeProtection, 소화설비로 판단), 3 관리인원 선발·배치(법은 24시간 상주를 요구하지 않으며 staffed24x7을 관리인원 기록으로 읽음), 4 비상시 계획을 포함한 내부관리계획, 5 침해사고 확산 차단 조치(2023년 7월 4일부터 판단). 대상은 집적정보통신시설 사업자(제46조제1항제1호)의 시설과, 2023년 7월 4일부터 시행령 제37조제1항제2호 요건을 갖춘 자체 운영자(제1항제2호)의 시설 및 배타적으로 운영하는 임차시설(제46조제7항, 시행령 제41조제1호, 규모 요건 없음)이다. 2023년 7월 4일 전에는 법령 원문에 없는 구 조문에 따라 집적정보통신시설 사업자만 규모 요건 없이 제1호부터 제4호까지 적용하며(구 조문, 보도 내용), 2009년 1월 28일 전은 판단할 수 없다. 공공기관은 2023년 7월 4일부터 제외된다. 조치가 없거나 신고되지 않으면 시설과 항목별로 위반으로 본다.
#   citation:
#     law: Act on Promotion of Information and Communications Network Utilization and Information Protection
#     law_ko: 정보통신망 이용촉진 및 정보보호 등에 관한 법률
#     article: Art. 46(1), (7)
#     decree: Enforcement Decree Art. 37(1)-(2), 41 1
#     in_force: "2009-01-28"
#     text: Network Act Art. 46(1), (7); Decree Art. 37(1)-(2), 41 1
#     text_ko: 정보통신망 이용촉진 및 정보보호 등에 관한 법률 제46조제1항 및 제7항; 같은 법 시행령 제37조제1항·제2항, 제41조제1호
#   remediation:
#     en: Put each missing measure in place (access control and monitoring, flood and seismic protection, fire suppression, management staff, an internal management plan with a contingency plan, intrusion containment) and declare it under datacenters[].physicalProtection and fireSuppression.
#     ko: 누락된 보호조치(접근 통제 및 감시, 수해·지진 대비, 소화설비, 관리인원, 비상시 계획을 포함한 내부관리계획, 침해사고 확산 차단 조치)를 갖추고 datacenters[].physicalProtection과 fireSuppression에 신고하십시오.
#   frameworks:
#     - KR-NETACT
#   in_force:
#     - until: "2009-01-28"
#       parties: [idc-colo]
#       verifiable: false
#       label: law
#       citation: Network Act Art. 46(1); Decree Art. 37(2) (wording before 2009-01-28 not in the statute texts)
#     - from: "2009-01-28"
#       until: "2023-07-04"
#       parties: [idc-colo]
#       label: law-older-wording-reported
#       citation: Network Act Art. 46(1); Decree Art. 37(2)1-4
#       citation_ko: 정보통신망 이용촉진 및 정보보호 등에 관한 법률 제46조제1항; 같은 법 시행령 제37조제2항제1호부터 제4호까지
#       basis: older 46(1) (colocation operators only, no size test) not in the statute texts; Decree 37(2) amendment markers from 2009-01-28; items 1-4 (item 5 judged from 2023-07-04)
#     - from: "2023-07-04"
#       parties: [idc-colo, idc-own, idc-lessee]
#       label: law
#       citation: Network Act Art. 46(1), (7); Decree Art. 37(1)-(2), 41 1
#       citation_ko: 정보통신망 이용촉진 및 정보보호 등에 관한 법률 제46조제1항 및 제7항; 같은 법 시행령 제37조제1항·제2항, 제41조제1호
#       basis: Act No. 19154 (2023-01-03) and Decree No. 33612, in force 2023-07-04 (own-use branch, size tests, public-institution exclusion, exclusive lessees)
package resilcheck.controls.dc_physical

import data.resilcheck.lib.inforce
import data.resilcheck.lib.scope
import data.resilcheck.lib.time

# in_force is this package's METADATA custom.in_force (a Go test holds them equal).
in_force := [
	{"until": "2009-01-28", "parties": ["idc-colo"], "verifiable": false, "label": "law", "citation": "Network Act Art. 46(1); Decree Art. 37(2) (wording before 2009-01-28 not in the statute texts)"},
	{"from": "2009-01-28", "until": "2023-07-04", "parties": ["idc-colo"], "label": "law-older-wording-reported", "citation": "Network Act Art. 46(1); Decree Art. 37(2)1-4", "citation_ko": "정보통신망 이용촉진 및 정보보호 등에 관한 법률 제46조제1항; 같은 법 시행령 제37조제2항제1호부터 제4호까지", "basis": "older 46(1) (colocation operators only, no size test) not in the statute texts; Decree 37(2) amendment markers from 2009-01-28; items 1-4 (item 5 judged from 2023-07-04)"},
	{"from": "2023-07-04", "parties": ["idc-colo", "idc-own", "idc-lessee"], "label": "law", "citation": "Network Act Art. 46(1), (7); Decree Art. 37(1)-(2), 41 1", "citation_ko": "정보통신망 이용촉진 및 정보보호 등에 관한 법률 제46조제1항 및 제7항; 같은 법 시행령 제37조제1항·제2항, 제41조제1호", "basis": "Act No. 19154 (2023-01-03) and Decree No. 33612, in force 2023-07-04 (own-use branch, size tests, public-institution exclusion, exclusive lessees)"},
]

# Violations are only judged where the control applies, so a direct query of violations
# agrees with the engine's verdict. A bound party always has a site (scope.operated_sites is
# never empty then), so there is no "bound but declares no site" case left.
default applies := false

applies if inforce.binds(in_force, time.as_of)

reason := inforce.why_not(in_force, time.as_of)

# law is the citation and label of the period in force on the audit date.
law := inforce.citation_on(in_force, time.as_of)

# Item 5 (Decree 37(2)5) is judged from the amendments of 2023-07-04: when it was added is
# not shown in the statute texts (older wording reported).
item5_from := in_force[2].from

max_item := 5 if time.as_of >= item5_from

else := 4

note := {"en": " (older wording reported)", "ko": "(구 조문, 보도 내용)"} if {
	law.label == "law-older-wording-reported"
} else := {"en": "", "ko": ""}

measures := [
	{"key": "accessControl", "item": 1, "en": "access control and monitoring of unauthorised persons", "ko": "접근 권한이 없는 자의 접근 통제 및 감시"},
	{"key": "floodProtection", "item": 2, "en": "protection against floods", "ko": "수해 대비"},
	{"key": "earthquakeProtection", "item": 2, "en": "protection against earthquakes", "ko": "지진 대비"},
	{"key": "staffed24x7", "item": 3, "en": "management staff (recorded as staffed24x7)", "ko": "관리인원 선발·배치(staffed24x7로 기록)"},
	{"key": "contingencyPlan", "item": 4, "en": "an internal management plan including a contingency plan", "ko": "비상시 계획을 포함한 내부관리계획"},
	{"key": "intrusionContainment", "item": 5, "en": "measures to stop intrusion incidents spreading", "ko": "침해사고 확산 차단 조치"},
]

judged_measures := [m | some m in measures; m.item <= max_item]

# basis(i, n) is the provision behind item n at site i: an exclusive lessee takes the
# measures of Decree 37(2) through Decree 41 1.
basis(i, n) := {"en": sprintf("Decree Art. 41 1 applying Art. 37(2)%d", [n]), "ko": sprintf("시행령 제41조제1호, 제37조제2항제%d호", [n])} if {
	scope.lessee_sites[i]
} else := {"en": sprintf("Decree Art. 37(2)%d", [n]), "ko": sprintf("시행령 제37조제2항제%d호", [n])}

violations contains {
	"msg": sprintf("datacenter %s lacks %s (physicalProtection.%s is false; %s)%s", [d.id, m.en, m.key, b.en, note.en]),
	"msg_ko": sprintf("집적정보통신시설 %s에 %s 조치가 없습니다(physicalProtection.%s = false, %s)%s.", [d.id, m.ko, m.key, b.ko, note.ko]),
	"pointer": sprintf("/datacenters/%d/physicalProtection/%s", [i, m.key]),
	"key": sprintf("physicalProtection.%s", [m.key]),
	"evidence": {"datacenter": d.id, "item": m.item, "measure": m.key, "value": false, "basis": b.en, "label": law.label, "citation": law.en},
} if {
	applies
	some i, d in scope.operated_sites
	some m in judged_measures
	d.physicalProtection[m.key] == false
	b := basis(i, m.item)
}

violations contains {
	"msg": sprintf("datacenter %s does not declare %s (declare physicalProtection.%s; %s)%s", [d.id, m.en, m.key, b.en, note.en]),
	"msg_ko": sprintf("집적정보통신시설 %s의 %s 여부가 신고되지 않았습니다(physicalProtection.%s, %s)%s.", [d.id, m.ko, m.key, b.ko, note.ko]),
	"pointer": protection_pointer(i, d),
	"key": sprintf("physicalProtection.%s", [m.key]),
	"evidence": {"datacenter": d.id, "item": m.item, "missing": sprintf("physicalProtection.%s", [m.key]), "basis": b.en, "label": law.label, "citation": law.en},
} if {
	applies
	some i, d in scope.operated_sites
	some m in judged_measures
	not m.key in object.keys(object.get(d, "physicalProtection", {}))
	b := basis(i, m.item)
}

protection_pointer(i, d) := sprintf("/datacenters/%d/physicalProtection", [i]) if d.physicalProtection

else := sprintf("/datacenters/%d", [i])

violations contains {
	"msg": sprintf("datacenter %s has no fire suppression (fireSuppression.type is none; %s)%s", [d.id, b.en, note.en]),
	"msg_ko": sprintf("집적정보통신시설 %s에 소화설비가 없습니다(fireSuppression.type = none, %s)%s.", [d.id, b.ko, note.ko]),
	"pointer": sprintf("/datacenters/%d/fireSuppression/type", [i]),
	"key": "fireSuppression",
	"evidence": {"datacenter": d.id, "item": 2, "fire_suppression": "none", "basis": b.en, "label": law.label, "citation": law.en},
} if {
	applies
	some i, d in scope.operated_sites
	d.fireSuppression.type == "none"
	b := basis(i, 2)
}

violations contains {
	"msg": sprintf("datacenter %s does not declare its fire suppression (declare fireSuppression.type; %s)%s", [d.id, b.en, note.en]),
	"msg_ko": sprintf("집적정보통신시설 %s의 소화설비가 신고되지 않았습니다(fireSuppression.type, %s)%s.", [d.id, b.ko, note.ko]),
	"pointer": sprintf("/datacenters/%d", [i]),
	"key": "fireSuppression",
	"evidence": {"datacenter": d.id, "item": 2, "missing": "fireSuppression", "basis": b.en, "label": law.label, "citation": law.en},
} if {
	applies
	some i, d in scope.operated_sites
	not d.fireSuppression
	b := basis(i, 2)
}
