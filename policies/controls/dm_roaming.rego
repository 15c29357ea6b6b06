# METADATA
# title: Disaster roaming measures of a major provider of mobile communications
# description: |
#   A major communications provider (주요통신사업자) that provides mobile communications service
#   takes the measures needed for the shared use of wireless facilities so that its users keep
#   mobile service in a disaster: "다른 이동통신사업자와의 협정 체결, 시스템 구축 등" (BCDA
#   37-2(1)). Applies only to a provider declaring provider.mobileNetwork true. Passes when
#   governance.disasterRoaming declares at least one agreement with another mobile operator
#   (agreementsWith) or a built roaming system (system true): the text lists them with "등"
#   as examples of the measures, so either one suffices (interpretation); measures declared in
#   place only from a date after the audit date (since) are not in place yet. When the Act
#   first imposed the duty is not in the statute texts; Decree 27-2(4)4 refers to it from
#   2021-12-09, so carriers are judged from then (earlier: not verifiable), and value-added
#   and datacenter majors from 2023-07-04. 37-2(1) was reworded on 2025-07-22 only in the
#   cross-reference defining mobile communications service (Addendum to Act No. 20677).
#   No fine attaches to 37-2(1) itself (48(1)4 concerns orders under 37-2(2)).
# related_resources:
#   - https://www.law.go.kr/법령/방송통신발전기본법
# scope: package
# custom:
#   id: KR-BCDA-37-2-ROAMING
#   severity: medium
#   kind: law
#   regulation: BCDA
#   title_ko: 재난 시 무선통신시설의 공동이용 조치(재난 로밍)
#   description_ko: 이동통신서비스를 제공하는 주요통신사업자는 이동통신서비스 이용자가 방송통신재난이 발생한 경우에도 이동통신서비스를 제공받을 수 있도록 다른 이동통신사업자와의 협정 체결, 시스템 구축 등 무선통신시설의 공동이용을 위하여 필요한 조치를 취하여야 한다(제37조의2제1항). provider.mobileNetwork가 true인 사업자에게만 적용한다. governance.disasterRoaming에 다른 이동통신사업자와의 협정(agreementsWith)이 하나 이상 있거나 시스템 구축(system true)이 신고되면 통과로 본다. 조문이 "등"으로 예시하므로 둘 중 하나로 충분하다고 해석한다. 감사 기준일 이후부터 시행되는 조치(since)는 아직 갖추어지지 않은 것으로 본다. 법률이 이 의무를 처음 부과한 시점은 법령 원문에 없으나 시행령 제27조의2제4항제4호("<신설 2021.12.9>")가 이를 언급하므로 기간통신사업자는 2021년 12월 9일부터 판단하고(그 전은 판단 불가), 부가통신ㆍ집적정보통신시설 주요통신사업자는 2023년 7월 4일부터 판단한다. 제37조의2제1항은 2025년 7월 22일 이동통신서비스 정의의 인용 조문만 바뀌었다(부칙 <제20677호>). 제37조의2제1항 자체에 대한 과태료는 없다(제48조제1항제4호는 제37조의2제2항의 명령에 관한 것).
#   citation:
#     law: Framework Act on Broadcasting and Communications Development
#     law_ko: 방송통신발전 기본법
#     article: Art. 37-2(1)
#     in_force: "2021-12-09"
#     text: BCDA Art. 37-2(1)
#     text_ko: 방송통신발전 기본법 제37조의2제1항
#   remediation:
#     en: Conclude disaster-roaming agreements with the other mobile network operators or build the roaming system, and declare them (agreementsWith, system, since) under governance.disasterRoaming.
#     ko: 다른 이동통신사업자와 재난 시 무선통신시설 공동이용(재난 로밍) 협정을 체결하거나 시스템을 구축하고, 이를 governance.disasterRoaming(agreementsWith, system, since)에 신고하십시오.
#   frameworks:
#     - KR-BCDA
#   in_force:
#     - until: "2021-12-09"
#       parties: [carrier]
#       verifiable: false
#       label: law
#       citation: BCDA Art. 37-2(1) (the date the Act first imposed it is not in the statute texts)
#     - from: "2021-12-09"
#       until: "2023-07-04"
#       parties: [carrier]
#       label: law
#       citation: BCDA Art. 37-2(1)
#       citation_ko: 방송통신발전 기본법 제37조의2제1항
#       basis: Decree Art. 27-2(4)4 "<신설 2021.12.9>" refers to the Art. 37-2 measures
#     - from: "2023-07-04"
#       parties: [carrier, major-vas, major-idc]
#       label: law
#       citation: BCDA Art. 37-2(1)
#       citation_ko: 방송통신발전 기본법 제37조의2제1항
#       basis: Art. 35-2(1)3 as amended by Act No. 19152 (2023-01-03), in force 2023-07-04, names the majors of Art. 35(1)1, 4 and 5 주요통신사업자; cross-reference reworded 2025-07-22 (Addendum to Act No. 20677)
package resilcheck.controls.dm_roaming

import data.resilcheck.lib.governance
import data.resilcheck.lib.inforce
import data.resilcheck.lib.time

# in_force is this package's METADATA custom.in_force (a Go test holds them equal).
in_force := [
	{"until": "2021-12-09", "parties": ["carrier"], "verifiable": false, "label": "law", "citation": "BCDA Art. 37-2(1) (the date the Act first imposed it is not in the statute texts)"},
	{"from": "2021-12-09", "until": "2023-07-04", "parties": ["carrier"], "label": "law", "citation": "BCDA Art. 37-2(1)", "citation_ko": "방송통신발전 기본법 제37조의2제1항", "basis": "Decree Art. 27-2(4)4 \"<신설 2021.12.9>\" refers to the Art. 37-2 measures"},
	{"from": "2023-07-04", "parties": ["carrier", "major-vas", "major-idc"], "label": "law", "citation": "BCDA Art. 37-2(1)", "citation_ko": "방송통신발전 기본법 제37조의2제1항", "basis": "Art. 35-2(1)3 as amended by Act No. 19152 (2023-01-03), in force 2023-07-04, names the majors of Art. 35(1)1, 4 and 5 주요통신사업자; cross-reference reworded 2025-07-22 (Addendum to Act No. 20677)"},
]

default applies := false

applies if {
	inforce.binds(in_force, time.as_of)
	mobile
}

mobile if input.provider.mobileNetwork == true

reason := r if {
	r := inforce.why_not(in_force, time.as_of)
} else := {
	"en": "does not provide mobile communications service (provider.mobileNetwork)",
	"ko": "이동통신서비스를 제공하지 않습니다(provider.mobileNetwork)",
} if {
	inforce.binds(in_force, time.as_of)
	not mobile
}

path := ["governance", "disasterRoaming"]

roaming := object.get(input, path, {})

agreements := [a | some a in object.get(roaming, "agreementsWith", []); trim_space(a) != ""]

# A measure is declared when an agreement is named or the system is built: "협정 체결, 시스템
# 구축 등" gives examples, so either suffices (interpretation).
declared if count(agreements) > 0

declared if roaming.system == true

reading := "\"다른 이동통신사업자와의 협정 체결, 시스템 구축 등\": either an agreement or the system suffices (interpretation)"

evidence := {
	"agreements": count(agreements),
	"system": object.get(roaming, "system", null),
	"reading": reading,
	"label": "interpretation",
	"citation": inforce.citation_on(in_force, time.as_of).en,
}

violations contains {
	"msg": "a major provider of mobile communications service declares no disaster-roaming measure (governance.disasterRoaming): no agreement with another mobile operator and no roaming system",
	"msg_ko": "이동통신서비스를 제공하는 주요통신사업자가 재난 시 무선통신시설 공동이용 조치(governance.disasterRoaming)를 신고하지 않았습니다. 다른 이동통신사업자와의 협정도, 시스템 구축도 없습니다.",
	"pointer": governance.nearest_pointer(path),
	"evidence": evidence,
} if {
	applies
	not input.governance.disasterRoaming
}

violations contains {
	"msg": "disaster roaming declares neither an agreement with another mobile operator (agreementsWith) nor a built roaming system (system true)",
	"msg_ko": "재난 로밍 조치에 다른 이동통신사업자와의 협정(agreementsWith)도, 시스템 구축(system true)도 신고되지 않았습니다.",
	"pointer": governance.pointer(path),
	"evidence": evidence,
} if {
	applies
	input.governance.disasterRoaming
	not declared
}

violations contains {
	"msg": sprintf("the disaster-roaming measures are in place only from %s, after the audit date %s", [roaming.since, time.as_of]),
	"msg_ko": sprintf("재난 로밍 조치는 감사 기준일(%s) 이후인 %s부터 시행됩니다.", [time.as_of, roaming.since]),
	"pointer": governance.pointer(array.concat(path, ["since"])),
	"evidence": object.union(evidence, {"since": roaming.since, "as_of": time.as_of}),
} if {
	applies
	declared
	not governance.happened(roaming.since)
}
