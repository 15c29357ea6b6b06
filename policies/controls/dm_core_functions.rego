# METADATA
# title: Messaging and authentication are active in at least two sites
# description: |
#   Core functions (sending and receiving messages, authentication and login) need a higher
#   level of distribution than other services: they must be active, serving traffic, in at
#   least two datacenters. A standby or cold deployment does not count, because it needs a
#   failover that may not happen (Kakao, 2022-10-15). MSIT ordered this of Kakao (joint
#   investigation order, 2022-12-06; reported, not in the statute texts) and the
#   disaster-management basic plan carries it. Guidance from that day for
#   주요방송통신사업자 (major carriers, value-added providers and datacenter operators, BCDA
#   35(1)) that run messaging or authentication; a service-stability duty holder (TBA 22-7)
#   that is not one of them is not bound. Two active datacenters in one building pass here:
#   surviving the loss of a building or power feed is judged by KR-BCDA-35-REDUNDANCY.
# related_resources:
#   - https://www.law.go.kr/법령/방송통신발전기본법
#   - https://www.msit.go.kr/
# scope: package
# custom:
#   id: KR-MSIT-2022-CORE-FUNCTIONS
#   severity: high
#   kind: guidance
#   regulation: BCDA
#   title_ko: 메시지 수발신·인증 기능의 두 곳 이상 활성 운영
#   description_ko: 핵심 기능(메시지 수발신, 인증·로그인)은 다른 서비스보다 높은 수준으로 분산되어야 한다. 두 곳 이상의 데이터센터에서 활성으로 트래픽을 처리해야 하며, 대기(standby)나 콜드 배치는 전환이 필요하므로 인정하지 않는다(카카오, 2022-10-15). 과학기술정보통신부가 카카오에 시정 요구했고(2022-12-06 합동 조사 결과, 보도) 방송통신재난관리기본계획에 반영했다. 그날부터 메시지·인증 서비스를 운영하는 주요방송통신사업자(방송통신발전 기본법 제35조제1항의 기간통신·부가통신·집적정보통신시설 사업자)에 대한 권고(guidance)로 판단하며, 주요방송통신사업자가 아닌 서비스 안정성 확보 의무자(전기통신사업법 제22조의7)는 대상이 아니다. 같은 건물의 활성 데이터센터 두 곳도 여기서는 충족으로 보며, 건물이나 전력 인입 손실에 대한 생존은 KR-BCDA-35-REDUNDANCY가 판단한다.
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
#     en: Run messaging and authentication active-active in at least two datacenters, each able to carry the required load, and declare both deployments as mode active.
#     ko: 메시지 수발신과 인증 서비스를 두 곳 이상의 데이터센터에서 각각 필요한 부하를 감당하도록 액티브-액티브로 운영하고, 두 배치를 mode active로 신고하십시오.
#   frameworks:
#     - KR-BCDA
#   in_force:
#     - from: "2022-12-06"
#       parties: [carrier, major-vas, major-idc]
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
# 주요방송통신사업자 the rulebook's section A addresses (REGULATIONS.md "Obligations" A).
in_force := [{"from": "2022-12-06", "parties": ["carrier", "major-vas", "major-idc"], "label": "guidance", "citation": "MSIT joint investigation order 2022-12-06 (reported)", "citation_ko": "과학기술정보통신부 합동 조사 결과 조치 요구(2022-12-06, 보도)", "basis": "MSIT joint investigation of the 2022-10-15 Pangyo datacenter fire, results and orders of 2022-12-06 (reported, not in the statute texts); guidance, not law"}]

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

where(sites) := "no datacenter" if {
	count(sites) == 0
} else := concat(", ", sort(sites))

# function_ko names a core function in a Korean message.
function_ko := {
	"messaging": "메시지 수발신", "authentication": "인증", "payment": "결제", "mobility": "모빌리티",
	"maps": "지도", "mail": "메일", "search": "검색", "content": "콘텐츠", "commerce": "커머스",
	"cloud-infrastructure": "클라우드 인프라", "operations-tooling": "운영 도구", "other": "기타",
}
