# METADATA
# title: Messaging and authentication are active in two buildings
# description: |
#   Core functions (sending and receiving messages, authentication and login) need a higher
#   level of distribution than other services: they must be active, serving traffic, in at
#   least two datacenters in different buildings. A standby or cold deployment does not
#   count, because it needs a failover that may not happen (Kakao, 2022-10-15). MSIT ordered
#   this of Kakao (joint investigation order, 2022-12-06; reported, not in the statute texts)
#   and the disaster-management basic plan carries it. Guidance from that day for major
#   providers and service-stability duty holders that run messaging or authentication. A
#   datacenter that declares no building is taken to be its own building.
# related_resources:
#   - https://www.law.go.kr/법령/방송통신발전기본법
#   - https://www.msit.go.kr/
# scope: package
# custom:
#   id: KR-MSIT-2022-CORE-FUNCTIONS
#   severity: high
#   kind: guidance
#   regulation: BCDA
#   title_ko: 메시지 수발신·인증 기능의 두 건물 이상 활성 운영
#   description_ko: 핵심 기능(메시지 수발신, 인증·로그인)은 다른 서비스보다 높은 수준으로 분산되어야 한다. 서로 다른 건물에 있는 두 곳 이상의 데이터센터에서 활성으로 트래픽을 처리해야 하며, 대기(standby)나 콜드 배치는 전환이 필요하므로 인정하지 않는다(카카오, 2022-10-15). 과학기술정보통신부가 카카오에 시정 요구했고(2022-12-06 합동 조사 결과, 보도) 방송통신재난관리기본계획에 반영했다. 그날부터 메시지·인증 서비스를 운영하는 주요방송통신사업자와 서비스 안정성 확보 의무자에 대한 권고(guidance)로 판단한다. 건물을 신고하지 않은 데이터센터는 독립된 건물로 본다.
#   citation:
#     law: Framework Act on Broadcasting and Communications Development
#     law_ko: 방송통신발전 기본법
#     article: Art. 35(2)3 라
#     in_force: "2022-12-06"
#     source: MSIT joint investigation order on the 2022-10-15 Pangyo datacenter fire (2022-12-06, reported); disaster-management basic plan
#     text: MSIT joint investigation order 2022-12-06 (reported); BCDA Art. 35(2)3 (basic plan)
#     text_ko: 과학기술정보통신부 합동 조사 결과 조치 요구(2022-12-06, 보도); 방송통신발전 기본법 제35조제2항제3호(기본계획)
#     guidance: true
#   remediation:
#     en: Run messaging and authentication active-active in at least two datacenters in different buildings, each able to carry the required load, and declare both deployments as mode active.
#     ko: 메시지 수발신과 인증 서비스를 서로 다른 건물의 두 곳 이상 데이터센터에서 각각 필요한 부하를 감당하도록 액티브-액티브로 운영하고, 두 배치를 mode active로 신고하십시오.
#   frameworks:
#     - KR-BCDA
#     - KR-TBA
#   in_force:
#     - from: "2022-12-06"
#       parties: [carrier, major-vas, major-idc, stability]
#       label: guidance
#       citation: MSIT joint investigation order 2022-12-06 (reported)
#       citation_ko: 과학기술정보통신부 합동 조사 결과 조치 요구(2022-12-06, 보도)
#       basis: MSIT joint investigation of the 2022-10-15 Pangyo datacenter fire, results and orders of 2022-12-06 (reported, not in the statute texts); guidance, not law
package resilcheck.controls.dm_core_functions

import data.resilcheck.lib.inforce
import data.resilcheck.lib.siteloss
import data.resilcheck.lib.time

# in_force is this package's METADATA custom.in_force (a Go test holds them equal). The
# order is reported, not statute: the control is guidance from the day it was issued, for the
# providers it was addressed to and those like them (major providers and service-stability
# duty holders).
in_force := [{"from": "2022-12-06", "parties": ["carrier", "major-vas", "major-idc", "stability"], "label": "guidance", "citation": "MSIT joint investigation order 2022-12-06 (reported)", "citation_ko": "과학기술정보통신부 합동 조사 결과 조치 요구(2022-12-06, 보도)", "basis": "MSIT joint investigation of the 2022-10-15 Pangyo datacenter fire, results and orders of 2022-12-06 (reported, not in the statute texts); guidance, not law"}]

default applies := false

# Only providers that run messaging or authentication have core functions to judge.
applies if {
	inforce.binds(in_force, time.as_of)
	has_core_function
}

reason := r if {
	r := inforce.why_not(in_force, time.as_of)
} else := {
	"en": "no messaging or authentication service declared (services[].coreFunction)",
	"ko": "메시지 수발신·인증 서비스(services[].coreFunction)가 신고되지 않았습니다",
} if {
	not has_core_function
}

core_functions := {"messaging", "authentication"}

has_core_function if {
	some s in input.services
	s.coreFunction in core_functions
}

building(id) := siteloss.building_of(siteloss.dc[id])

building(id) := id if not siteloss.dc[id]

violations contains {
	"msg": sprintf("%s (%s) is active only in %s; a core function must be active in at least two datacenters (standby and cold deployments do not count)", [s.id, s.coreFunction, where(active)]),
	"msg_ko": sprintf("핵심 기능 %s %s에서만 활성입니다. 두 곳 이상의 데이터센터에서 활성이어야 하며 대기·콜드 배치는 인정되지 않습니다.", [data.resilcheck.lib.text.josa(sprintf("%s(%s)", [s.id, function_ko[s.coreFunction]]), "가"), where(active)]),
	"pointer": sprintf("/services/%d/deployments", [i]),
	"evidence": {
		"service": s.id,
		"core_function": s.coreFunction,
		"active_datacenters": sort(active),
		"other_deployments": sort({sprintf("%s (%s)", [d.datacenter, d.mode]) | some d in s.deployments; d.mode != "active"}),
		"min_active_datacenters": 2,
	},
} if {
	applies
	some i, s in input.services
	s.coreFunction in core_functions
	active := siteloss.active_datacenters(s)
	count(active) < 2
}

violations contains {
	"msg": sprintf("%s (%s) is active in %s, but all of them are in building %s: one fire or power cut-off takes every copy", [s.id, s.coreFunction, where(active), b]),
	"msg_ko": sprintf("핵심 기능 %s %s에서 활성이지만 모두 건물 %s 안에 있어 한 번의 화재나 전원 차단으로 모두 멈춥니다.", [data.resilcheck.lib.text.josa(sprintf("%s(%s)", [s.id, function_ko[s.coreFunction]]), "가"), where(active), b]),
	"pointer": sprintf("/services/%d/deployments", [i]),
	"evidence": {"service": s.id, "core_function": s.coreFunction, "active_datacenters": sort(active), "building": b},
} if {
	applies
	some i, s in input.services
	s.coreFunction in core_functions
	active := siteloss.active_datacenters(s)
	count(active) >= 2
	buildings := {building(d) | some d in active}
	count(buildings) == 1
	some b in buildings
}

where(sites) := "no datacenter" if {
	count(sites) == 0
} else := concat(", ", sort(sites))

# function_ko names a core function in a Korean message.
function_ko := {
	"messaging": "메시지 수발신", "authentication": "인증", "payment": "결제", "mobility": "모빌리티",
	"maps": "지도", "mail": "메일", "search": "검색", "content": "콘텐츠", "commerce": "커머스",
	"cloud-infrastructure": "클라우드 인프라", "operations-tooling": "운영 도구", "other": "기타",
}
