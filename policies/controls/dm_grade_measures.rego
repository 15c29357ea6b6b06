# METADATA
# title: Management measures for each designated communications facility
# description: |
#   A major communications provider (주요통신사업자) takes, for each communications facility
#   whose grade the ministry has designated, the management measures "우회통신경로의 확보,
#   통신시설에 대한 출입제한조치, 안정적 전원공급, 재난대응 전담인력의 운용 등" according to the
#   designated grade (BCDA 35-3(3)). Judged on the audit date for the facilities of the grading
#   in force then (the latest governance.facilityGrades[] entry for a year not after the audit
#   year that itemises facilities; older gradings are superseded and later ones not yet in
#   force: interpretation), and only those with designated true: each of the four named
#   measures (bypassRoute, accessRestricted, stablePower, responseStaff) declared false or not
#   declared fails by facility and measure. The grade-specific standards are set by an MSIT
#   notice (고시) that is not in the statute texts, so the level each grade requires is not
#   judged, only that each named measure is in place. Bound: carriers, value-added and
#   datacenter majors from 2023-07-04 (35-2(1)3 "<개정 2023.1.3>"); for carriers before then
#   the wording is not in the statute texts. Fine for not managing a facility by the
#   standards up to KRW 30M (48(1)2).
# related_resources:
#   - https://www.law.go.kr/법령/방송통신발전기본법
# scope: package
# custom:
#   id: KR-BCDA-35-3-GRADE-MEASURES
#   severity: medium
#   kind: law
#   regulation: BCDA
#   title_ko: 지정 등급에 따른 통신시설 관리조치
#   description_ko: 주요통신사업자는 과학기술정보통신부장관이 지정한 등급에 따라 통신시설마다 우회통신경로의 확보, 통신시설에 대한 출입제한조치, 안정적 전원공급, 재난대응 전담인력의 운용 등의 관리조치를 취하여야 한다(제35조의3제3항). 감사 기준일에 시행 중인 등급(감사 연도 이전 연도분 중 시설을 열거한 가장 최근의 governance.facilityGrades[]; 이전 등급은 대체되고 이후 등급은 아직 시행 전으로 본다, 해석)의 시설 중 지정(designated true)된 시설만 판단하며, 네 가지 관리조치(bypassRoute, accessRestricted, stablePower, responseStaff) 중 false이거나 신고되지 않은 항목은 시설과 항목별로 실패로 판단한다. 등급별 구체적인 관리기준은 법령 원문에 없는 과학기술정보통신부 고시로 정하므로 등급별 수준은 판단하지 않고, 각 관리조치의 이행 여부만 판단한다. 기간통신ㆍ부가통신ㆍ집적정보통신시설 주요통신사업자에게 2023년 7월 4일부터 적용되며(제35조의2제1항제3호 "<개정 2023.1.3>"), 그 전의 기간통신사업자에 대한 조문은 법령 원문에 없다. 기준에 따라 통신시설을 관리하지 아니하면 3천만원 이하의 과태료(제48조제1항제2호).
#   citation:
#     law: Framework Act on Broadcasting and Communications Development
#     law_ko: 방송통신발전 기본법
#     article: Art. 35-3(3)
#     in_force: "2023-07-04"
#     text: BCDA Art. 35-3(3); Art. 48(1)2
#     text_ko: 방송통신발전 기본법 제35조의3제3항; 제48조제1항제2호
#   remediation:
#     en: For every communications facility with a designated grade, secure a bypass communication route, restrict access, ensure a stable power supply and assign staff dedicated to disaster response at the level the MSIT notice sets for its grade, and declare each measure under governance.facilityGrades[].facilities[].
#     ko: 등급이 지정된 모든 통신시설에 대하여 고시가 등급별로 정한 수준으로 우회통신경로를 확보하고 출입을 제한하며 안정적 전원공급과 재난대응 전담인력을 갖추고, 각 조치를 governance.facilityGrades[].facilities[]에 신고하십시오.
#   frameworks:
#     - KR-BCDA
#   in_force:
#     - until: "2023-07-04"
#       parties: [carrier]
#       verifiable: false
#       label: law
#       citation: BCDA Art. 35-3(3) (wording for carriers before 2023-07-04 not in the statute texts)
#     - from: "2023-07-04"
#       parties: [carrier, major-vas, major-idc]
#       label: law
#       citation: BCDA Art. 35-3(3); Art. 48(1)2
#       citation_ko: 방송통신발전 기본법 제35조의3제3항; 제48조제1항제2호
#       basis: Art. 35-2(1)3 as amended by Act No. 19152 (2023-01-03), in force 2023-07-04, names the majors of Art. 35(1)1, 4 and 5 주요통신사업자
package resilcheck.controls.dm_grade_measures

import data.resilcheck.lib.governance
import data.resilcheck.lib.inforce
import data.resilcheck.lib.time

# in_force is this package's METADATA custom.in_force (a Go test holds them equal).
in_force := [
	{"until": "2023-07-04", "parties": ["carrier"], "verifiable": false, "label": "law", "citation": "BCDA Art. 35-3(3) (wording for carriers before 2023-07-04 not in the statute texts)"},
	{"from": "2023-07-04", "parties": ["carrier", "major-vas", "major-idc"], "label": "law", "citation": "BCDA Art. 35-3(3); Art. 48(1)2", "citation_ko": "방송통신발전 기본법 제35조의3제3항; 제48조제1항제2호", "basis": "Art. 35-2(1)3 as amended by Act No. 19152 (2023-01-03), in force 2023-07-04, names the majors of Art. 35(1)1, 4 and 5 주요통신사업자"},
]

default applies := false

applies if inforce.binds(in_force, time.as_of)

reason := inforce.why_not(in_force, time.as_of)

path := ["governance", "facilityGrades"]

grades := object.get(input, path, [])

# The four measures 35-3(3) names, with their Korean subjects (particle included).
measures := [
	{"field": "bypassRoute", "en": "a secured bypass communication route", "ko": "우회통신경로의 확보가"},
	{"field": "accessRestricted", "en": "access restriction", "ko": "통신시설에 대한 출입제한조치가"},
	{"field": "stablePower", "en": "a stable power supply", "ko": "안정적 전원공급이"},
	{"field": "responseStaff", "en": "staff dedicated to disaster response", "ko": "재난대응 전담인력의 운용이"},
]

not_judged := "grade-specific levels are set by an MSIT notice (고시) under Art. 35-3(3) that is not in the statute texts: only whether each named measure is in place is judged"

# The grading in force on the audit date: the latest year not after the audit year among the
# gradings that itemise facilities (interpretation).
itemised_years := {g.year | some g in grades; g.year <= time.as_of_year; is_array(g.facilities)}

current_year := max(itemised_years) if count(itemised_years) > 0

# designated maps [grading index, facility index] to each designated facility of the grading
# in force.
designated[[gi, fi]] := f if {
	some gi, g in grades
	g.year == current_year
	some fi, f in g.facilities
	f.designated == true
}

violations contains {
	"msg": sprintf("designated communications facility %s does not declare %s (%s)", [desc_en(f), m.en, m.field]),
	"msg_ko": sprintf("지정 통신시설 %s: %s 신고되지 않았습니다(%s).", [desc_ko(f), m.ko, m.field]),
	"pointer": governance.pointer(array.concat(path, [k[0], "facilities", k[1]])),
	"evidence": evidence(f, m, null),
} if {
	applies
	some k, f in designated
	some m in measures
	not has_field(f, m.field)
}

violations contains {
	"msg": sprintf("designated communications facility %s lacks %s (%s is %v)", [desc_en(f), m.en, m.field, f[m.field]]),
	"msg_ko": sprintf("지정 통신시설 %s: %s 이행되지 않았습니다(%s %v).", [desc_ko(f), m.ko, m.field, f[m.field]]),
	"pointer": governance.pointer(array.concat(path, [k[0], "facilities", k[1], m.field])),
	"evidence": evidence(f, m, f[m.field]),
} if {
	applies
	some k, f in designated
	some m in measures
	has_field(f, m.field)
	f[m.field] != true
}

has_field(f, name) if _ := f[name]

# desc_en(f) / desc_ko(f) name a facility with its name, grade and grading year.
desc_en(f) := sprintf("%s (%s; grade %s; grading for %d)", [f.id, f.name, grade(f), current_year]) if {
	f.name
} else := sprintf("%s (grade %s; grading for %d)", [f.id, grade(f), current_year])

desc_ko(f) := sprintf("%s(%s, %s등급, %d년도 등급)", [f.id, f.name, grade(f), current_year]) if {
	f.name
} else := sprintf("%s(%s등급, %d년도 등급)", [f.id, grade(f), current_year])

grade(f) := object.get(f, "grade", "?")

evidence(f, m, declared) := {
	"facility": f.id,
	"grade": grade(f),
	"grading_year": current_year,
	"measure": m.field,
	"declared": declared,
	"not_judged": not_judged,
	"citation": inforce.citation_on(in_force, time.as_of).en,
}

# notes say what was not judged (the engine reports violations only).
notes contains {
	"msg": sprintf("grading for %d: %d designated facilities judged; %s", [current_year, count(designated), not_judged]),
	"msg_ko": sprintf("%d년도 등급: 지정 통신시설 %d곳을 판단했습니다. 등급별 관리기준(고시)은 법령 원문에 없어 판단하지 않습니다.", [current_year, count(designated)]),
	"pointer": governance.pointer(path),
	"evidence": {"grading_year": current_year, "designated": count(designated)},
} if {
	applies
	current_year
}

notes contains {
	"msg": "no grading that itemises facilities (governance.facilityGrades[].facilities) for a year up to the audit year: no designated facility to judge",
	"msg_ko": "감사 연도까지의 등급 중 시설을 열거한 것(governance.facilityGrades[].facilities)이 없어 판단할 지정 통신시설이 없습니다.",
	"pointer": governance.nearest_pointer(path),
	"evidence": {"as_of": time.as_of},
} if {
	applies
	count(itemised_years) == 0
}
