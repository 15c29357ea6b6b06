# METADATA
# title: No single datacenter, power feed or building takes a service down
# description: |
#   The disaster-management plan must provide distribution and multiplexing of servers,
#   storage, network and power supply (BCDA Art. 35(2)3 라). resilcheck checks the result, not
#   the paper: every single datacenter, power feed (substation) and shared building is taken
#   down in turn, and every service that is then unavailable beyond its RTO (no surviving
#   deployment, too little capacity, a standby that cannot be reached or is too slow, or a
#   lost dependency) is a violation naming the failure and the dependency chain; a site alone
#   on its substation is reported once, as the datacenter (evidence.same_loss lists the
#   feed). Critical
#   services that declare their data must keep a replica or backup outside each datacenter
#   they run in. It binds major providers (BCDA scope, in force 2023-07-04); `resilcheck
#   simulate` runs the same analysis for anyone.
# related_resources:
#   - https://www.law.go.kr/법령/방송통신발전기본법
# scope: package
# custom:
#   id: KR-BCDA-35-REDUNDANCY
#   severity: critical
#   kind: law
#   regulation: BCDA
#   title_ko: 단일 데이터센터·전력 인입·건물 손실 시에도 서비스 유지
#   description_ko: 방송통신재난관리계획에는 서버, 저장장치, 네트워크, 전력공급장치 등의 분산 및 다중화가 포함되어야 한다(방송통신발전 기본법 제35조제2항제3호 라목). resilcheck는 데이터센터, 전력 인입(변전소), 공유 건물을 하나씩 잃었다고 보고, 그때 RTO를 넘겨 이용할 수 없게 되는 서비스(남는 배치 없음, 용량 부족, 대기 시스템 전환 불가 또는 지연, 의존 서비스 손실)를 손실 원인과 의존 경로와 함께 위반으로 보고한다. 데이터를 신고한 핵심 서비스는 운영 중인 각 데이터센터 밖에 복제본이나 백업을 두어야 한다. 주요방송통신사업자(2023-07-04 시행)에 적용된다.
#   citation:
#     law: Framework Act on Broadcasting and Communications Development
#     law_ko: 방송통신발전 기본법
#     article: Art. 35(2)3 라
#     in_force: "2023-07-04"
#     text: BCDA Art. 35(2)3 라
#     text_ko: 방송통신발전 기본법 제35조제2항제3호 라목
#   remediation:
#     en: Run every service active (or as a standby whose failover tooling survives, within its RTO) in at least two datacenters that share no building and no single power feed, together with everything it depends on; keep a replica or backup of critical data outside each site. `resilcheck simulate` shows what each loss takes down.
#     ko: 모든 서비스와 그 의존 서비스를 건물과 단일 전력 인입을 공유하지 않는 두 곳 이상의 데이터센터에서 활성으로(또는 전환 도구가 살아남고 RTO 안에 전환되는 대기 시스템으로) 운영하고, 핵심 데이터의 복제본이나 백업을 각 데이터센터 밖에 두십시오. `resilcheck simulate`로 각 손실의 영향을 확인할 수 있습니다.
#   frameworks:
#     - KR-BCDA
package resilcheck.controls.dm_redundancy

import data.resilcheck.lib.governance
import data.resilcheck.lib.scope
import data.resilcheck.lib.siteloss

default applies := false

# The duty is BCDA Art. 35(2)3's, so it binds exactly the providers that article binds (the
# major-provider scope, in force from 2023-07-04): a control must never cite a law against a
# provider the law did not bind on the audit date. A provider that declares no services (a
# datacenter operator judged on its facilities) has nothing to lose here.
applies if {
	scope.disaster_management
	count(siteloss.ids) > 0
}

domain_word := {"datacenter": "datacenter", "power-feed": "power feed", "building": "building"}

domain_word_ko := {"datacenter": "데이터센터", "power-feed": "전력 인입(변전소)", "building": "건물"}

# takes_down says which datacenters a feed or building failure takes with it.
takes_down(dom) := "" if {
	dom.kind == "datacenter"
} else := sprintf(" (taking down %s)", [concat(", ", dom.datacenters)])

takes_down_ko(dom) := "" if {
	dom.kind == "datacenter"
} else := sprintf("(%s 포함)", [concat(", ", dom.datacenters)])

violations contains {
	"msg": sprintf("%s is unavailable when %s %s is lost%s: %s", [u.service, domain_word[dom.kind], dom.id, takes_down(dom), siteloss.chain_text(u.chain)]),
	"msg_ko": sprintf("%s %s%s 손실 시 %s 서비스를 이용할 수 없습니다: %s", [domain_word_ko[dom.kind], dom.id, takes_down_ko(dom), u.service, siteloss.chain_text(u.chain)]),
	"pointer": sprintf("/services/%d", [siteloss.svc_index[u.service]]),
	"evidence": {
		"failure_domain": dom,
		"same_loss": siteloss.same_loss[key],
		"service": u.service,
		"reason": u.reason,
		"chain": u.chain,
		"detail": u.detail,
	},
} if {
	some key, o in siteloss.judged
	dom := o.domain
	some u in o.unavailable
}

# data_sites(s) are the datacenters holding a service's data: where it is active (the primary
# copy) and where replicas and backups are kept.
data_sites(s) := (siteloss.active_datacenters(s) | {d | some d in object.get(s.data, "replicaDatacenters", [])}) | {b.datacenter | some b in object.get(s.data, "backups", [])}

violations contains {
	"msg": sprintf("critical service %s keeps its data only in %s: no replica or backup in another datacenter", [s.id, concat(", ", sort(sites))]),
	"msg_ko": sprintf("핵심 서비스 %s의 데이터가 %s에만 있고 다른 데이터센터에 복제본이나 백업이 없습니다.", [s.id, concat(", ", sort(sites))]),
	"pointer": sprintf("/services/%d/data", [i]),
	"evidence": {"service": s.id, "data_datacenters": sort(sites), "min_datacenters": 2},
} if {
	some i, s in governance.critical_services
	s.data
	sites := data_sites(s)
	count(sites) < 2
}
