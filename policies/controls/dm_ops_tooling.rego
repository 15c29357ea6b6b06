# METADATA
# title: Failover tooling is multiplexed and survives the site it must rescue
# description: |
#   The tooling that performs a critical service's failover (its recovery.performedBy) and
#   every operations-tooling service a critical service depends on must itself run in at
#   least two datacenters, and must survive each failure (datacenter, shared building or
#   only power feed) that takes down a site where the critical service is active. On
#   2022-10-15 Kakao's data was replicated elsewhere, but the tooling that would bring the
#   standby up ran only in Pangyo; MSIT ordered the management tools multiplexed across
#   datacenters (joint investigation order, 2022-12-06; reported, not in the statute texts)
#   and the disaster-management basic plan carries the requirement. Guidance from that day
#   for 주요방송통신사업자 (major carriers, value-added providers and datacenter operators, BCDA
#   35(1)), each from the day its branch is in force; a service-stability duty holder (TBA
#   22-7) that is not one of them is not bound. Survival is judged by the site-loss analysis,
#   so tooling that depends on something lost with the site is lost too.
# related_resources:
#   - https://www.law.go.kr/법령/방송통신발전기본법
#   - https://www.msit.go.kr/
# scope: package
# custom:
#   id: KR-MSIT-2022-OPS-TOOLING
#   severity: high
#   kind: guidance
#   regulation: BCDA
#   title_ko: 운영·관리 도구의 데이터센터 간 이중화
#   description_ko: 핵심 서비스의 장애 전환을 수행하는 도구(recovery.performedBy)와 핵심 서비스가 의존하는 운영 도구 서비스는 두 곳 이상의 데이터센터에서 운영되어야 하고, 핵심 서비스가 활성으로 운영되는 곳을 앗아가는 손실(데이터센터, 공유 건물, 유일한 전력 인입)에도 살아남아야 한다. 2022년 10월 15일 카카오는 데이터를 다른 곳에 복제했지만 대기 시스템을 올릴 운영 도구가 판교에만 있었다. 과학기술정보통신부는 관리 도구의 데이터센터 간 이중화를 시정 요구했고(2022-12-06 합동 조사 결과, 보도) 방송통신재난관리기본계획에 반영했다. 그날부터 주요방송통신사업자(방송통신발전 기본법 제35조제1항의 기간통신·부가통신·집적정보통신시설 사업자, 각 대상의 시행일부터)에 대한 권고(guidance)로 판단하며, 주요방송통신사업자가 아닌 서비스 안정성 확보 의무자(전기통신사업법 제22조의7)는 대상이 아니다. 도구의 생존은 사이트 손실 분석으로 판단하므로, 도구가 의존하는 서비스가 함께 손실되면 도구도 손실된 것으로 본다.
#   citation:
#     law: Framework Act on Broadcasting and Communications Development
#     law_ko: 방송통신발전 기본법
#     article: Art. 35(2)3 나·라
#     in_force: "2022-12-06"
#     source: MSIT joint investigation order on the 2022-10-15 Pangyo datacenter fire (2022-12-06, reported); disaster-management basic plan
#     text: MSIT joint investigation order 2022-12-06 (reported); BCDA Art. 35(2)3 (basic plan)
#     text_ko: 과학기술정보통신부 합동 조사 결과 조치 요구(2022-12-06, 보도); 방송통신발전 기본법 제35조제2항제3호(기본계획)
#     guidance: true
#   remediation:
#     en: Deploy the operations and failover tooling active in at least two datacenters that share no building or single power feed with the sites it fails over from, make it independent of the services it must bring back, and drill a failover with the primary site's tooling switched off.
#     ko: 운영·장애 전환 도구를 전환 대상 데이터센터와 건물이나 단일 전력 인입을 공유하지 않는 두 곳 이상의 데이터센터에 활성으로 배치하고, 복구해야 할 서비스에 의존하지 않게 하며, 주 사이트의 도구를 끈 상태로 전환 훈련을 하십시오.
#   frameworks:
#     - KR-BCDA
#   in_force:
#     - from: "2022-12-06"
#       parties: [carrier, major-vas, major-idc]
#       label: guidance
#       citation: MSIT joint investigation order 2022-12-06 (reported)
#       citation_ko: 과학기술정보통신부 합동 조사 결과 조치 요구(2022-12-06, 보도)
#       basis: MSIT joint investigation of the 2022-10-15 Pangyo datacenter fire, results and orders of 2022-12-06 (reported, not in the statute texts); guidance, not law
package resilcheck.controls.dm_ops_tooling

import data.resilcheck.lib.governance
import data.resilcheck.lib.inforce
import data.resilcheck.lib.siteloss
import data.resilcheck.lib.time

# in_force is this package's METADATA custom.in_force (a Go test holds them equal). The
# order is reported, not statute: the control is guidance from the day it was issued, for the
# 주요방송통신사업자 the rulebook's section A addresses (REGULATIONS.md "Obligations" A).
in_force := [{"from": "2022-12-06", "parties": ["carrier", "major-vas", "major-idc"], "label": "guidance", "citation": "MSIT joint investigation order 2022-12-06 (reported)", "citation_ko": "과학기술정보통신부 합동 조사 결과 조치 요구(2022-12-06, 보도)", "basis": "MSIT joint investigation of the 2022-10-15 Pangyo datacenter fire, results and orders of 2022-12-06 (reported, not in the statute texts); guidance, not law"}]

default applies := false

# A provider that declares no services (a datacenter operator judged on its facilities) has
# nothing to lose here.
applies if {
	inforce.binds(in_force, time.as_of)
	count(siteloss.ids) > 0
}

reason := r if {
	r := inforce.why_not(in_force, time.as_of)
} else := {
	"en": "no services declared: no failover tooling to judge",
	"ko": "신고된 서비스가 없어 판단할 장애 전환 도구가 없습니다",
} if {
	count(siteloss.ids) == 0
}

critical := {s.id | some s in governance.critical_services}

# tools_of[sid] is the tooling a critical service relies on to be brought back: its failover
# performer and every operations-tooling service it depends on, directly or not. What
# depends on each tooling service is found once per tool (there are few), rather than each
# critical service's whole dependency closure.
tools_of[sid] := tools if {
	some sid in critical
	performer := {p | p := siteloss.performer[sid]}
	ops := {t | some t in tooling; t != sid; sid in siteloss.needed_by(t)}
	tools := performer | ops
}

tooling := {t | some t, s in siteloss.svc; s.coreFunction == "operations-tooling"}

# rescuers[t] lists the critical services that rely on tool t.
rescuers[t] := sort({sid | some sid, ts in tools_of; t in ts}) if some t in {t | some ts in tools_of; some t in ts}

# rescued_in[[t, key]] lists the services tool t rescues that are active in a datacenter the
# judged failure key loses. It is read off each rescued service's active deployments and the
# failures that lose each datacenter: trying every failure for every tool cost the tools
# times the failures times the services they rescue.
rescued_in := {tk: sort(object.keys(sids)) | some tk, sids in object.union_n([{[t, key]: {sid: true}} |
	some t, all in rescuers
	some sid in all
	some d in siteloss.svc[sid].deployments
	d.mode == "active"
	some key in object.keys(object.get(failures_losing, d.datacenter, {}))
])}

# failures_losing[d] are the keys of the judged failures that lose datacenter d.
failures_losing := object.union_n([{d: {key: true}} | some key, dom in siteloss.judged_domains; some d in dom.datacenters])

tool_sites(t) := {d.datacenter | some d in siteloss.svc[t].deployments}

violations contains {
	"msg": sprintf("%s, the failover tooling of %s, runs only in %s", [t, concat(", ", svcs), concat(", ", sort(sites))]),
	"msg_ko": sprintf("%s의 장애 전환 도구 %s %s에서만 운영됩니다.", [concat(", ", svcs), data.resilcheck.lib.text.josa(t, "가"), concat(", ", sort(sites))]),
	"pointer": sprintf("/services/%d/deployments", [siteloss.svc_index[t]]),
	"key": "single-site",
	"evidence": {"tool": t, "datacenters": sort(sites), "min_datacenters": 2, "relied_on_by": svcs},
} if {
	applies
	some t, svcs in rescuers
	sites := tool_sites(t)
	count(sites) < 2
}

violations contains {
	"msg": sprintf("%s, the failover tooling of %s, is lost with %s %s, where %s %s active: failover away from it cannot be performed (%s)", [t, concat(", ", svcs), word[dom.kind], dom.id, concat(", ", svcs), is_are(svcs), siteloss.chain_text(chain)]),
	"msg_ko": sprintf("장애 전환 도구 %s 서비스가 %s %s 손실 시 함께 손실되어, 그곳에서 활성인 %s 서비스의 장애 전환을 수행할 수 없습니다(%s).", [t, word_ko[dom.kind], dom.id, concat(", ", svcs), siteloss.chain_text(chain_ko)]),
	"pointer": sprintf("/services/%d", [siteloss.svc_index[t]]),
	"key": sprintf("lost-with:%s:%s", [dom.kind, dom.id]),
	"evidence": {"tool": t, "failure_domain": dom, "same_loss": siteloss.same_loss[key], "services": svcs, "tool_chain": chain, "cause_phrase": cause},
} if {
	applies

	# Only the failures that lose a site where a rescued service runs active are tried, so
	# the tool's chain (the whole failure explained) is built only where it is reported.
	some [t, key], svcs in rescued_in
	dom := siteloss.judged_domains[key]
	siteloss.takes_down(dom.datacenters, t)
	some u in siteloss.outcome(dom).unavailable
	u.service == t
	chain := u.chain
	cause := siteloss.cause_phrase(dom.datacenters, chain[count(chain) - 2])
	chain_ko := array.concat(array.slice(chain, 0, count(chain) - 1), [siteloss.korean(cause)])
}

violations contains {
	"msg": sprintf("%s names %s as the service performing its failover, but no such service is declared", [s.id, s.recovery.performedBy]),
	"msg_ko": sprintf("%s의 장애 전환 수행 서비스 %s services에 없습니다.", [s.id, data.resilcheck.lib.text.josa(s.recovery.performedBy, "가")]),
	"pointer": sprintf("/services/%d/recovery/performedBy", [i]),
	"key": "undeclared-performer",
	"evidence": {"service": s.id, "performed_by": s.recovery.performedBy},
} if {
	applies
	some i, s in input.services
	s.id in critical
	p := s.recovery.performedBy
	not p in siteloss.ids
}

is_are(list) := "is" if {
	count(list) == 1
} else := "are"

word := {"datacenter": "datacenter", "power-feed": "power feed", "building": "building"}

word_ko := {"datacenter": "데이터센터", "power-feed": "전력 인입(변전소)", "building": "건물"}
