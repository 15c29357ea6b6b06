# METADATA
# title: No single datacenter, power feed or building takes a service or its data down
# description: |
#   The disaster-management basic plan provides distribution and multiplexing of servers,
#   storage, network and power supply (BCDA Art. 35(2)3 라); the provider's plan follows it
#   (36(2)) and must be carried out (36-2(1)). resilcheck checks the result, not the paper
#   (interpretation: the law sets no test): every single datacenter, power feed (substation)
#   and shared building is taken down in turn, and every service that is then unavailable
#   beyond its RTO on its own account (no surviving deployment, too little capacity, a
#   standby that cannot be reached or is too slow) is a violation naming the failure and the
#   cause; a site alone on its substation is reported once, as the datacenter
#   (evidence.same_loss lists the feed). A service some failure takes down only through a
#   lost dependency is a violation once per dependency link (key lost-through:<dependency>),
#   naming the failures that break the dependency in place, so the findings grow with the
#   services and their dependencies, not with the failures times the services lost. Storage
#   is judged too: a service's data survives the loss of a datacenter or building only where
#   a copy is declared outside it, as a replica (data.replicaDatacenters) or a backup
#   (data.backups[].datacenter); an active deployment in another site holds a copy only when
#   replication is declared (or not declared at all), never with data.replication none. A
#   lost power feed destroys no data, so only datacenters and buildings are judged for data;
#   a service that declares no data block is not judged for data (its other findings say
#   so). Binds major carriers, value-added providers and datacenter operators from
#   2023-07-04, when 35(2)3 라 took its wording; carriers' plan contents before then are not
#   in the statute texts. `resilcheck simulate` runs the same analysis for anyone.
# related_resources:
#   - https://www.law.go.kr/법령/방송통신발전기본법
# scope: package
# custom:
#   id: KR-BCDA-35-REDUNDANCY
#   severity: critical
#   kind: law
#   regulation: BCDA
#   title_ko: 단일 데이터센터·전력 인입·건물 손실 시에도 서비스와 데이터 유지
#   description_ko: 방송통신재난관리기본계획에는 서버, 저장장치, 네트워크, 전력공급장치 등의 분산 및 다중화가 포함되어야 하고(방송통신발전 기본법 제35조제2항제3호 라목), 사업자는 이에 따른 방송통신재난관리계획을 수립·이행하여야 한다(제36조제2항, 제36조의2제1항). resilcheck는 그 결과를 판단한다(해석이며 법령에 판단 기준은 없음). 데이터센터, 전력 인입(변전소), 공유 건물을 하나씩 잃었다고 보고, 그때 자체 배치 때문에 RTO를 넘겨 이용할 수 없게 되는 서비스(남는 배치 없음, 용량 부족, 대기 시스템 전환 불가 또는 지연)는 손실과 그 원인을 밝혀 위반으로 보고하고, 의존 서비스 손실로만 이용할 수 없게 되는 서비스는 의존 관계마다 한 번, 그 의존 서비스를 잃게 하는 손실과 함께 위반으로 보고한다. 저장장치도 판단한다. 서비스의 데이터는 그 밖에 복제본(data.replicaDatacenters)이나 백업(data.backups[].datacenter)이 신고된 경우에만 데이터센터나 건물 손실에도 남으며, 다른 곳의 활성 배치는 복제가 신고된(또는 복제 방식이 신고되지 않은) 경우에만 사본으로 보고 data.replication이 none이면 사본으로 보지 않는다. 전력 인입 손실은 데이터를 없애지 않으므로 데이터는 데이터센터와 건물 손실로만 판단하고, data를 신고하지 않은 서비스는 데이터를 판단하지 않는다. 주요방송통신사업자(기간통신·부가통신·집적정보통신시설)에게 2023-07-04부터 적용되며, 그 이전 기간통신사업자에 대한 계획 내용 조문은 법령 원문에 없다.
#   citation:
#     law: Framework Act on Broadcasting and Communications Development
#     law_ko: 방송통신발전 기본법
#     article: Art. 35(2)3 라, Art. 36(2), Art. 36-2(1)
#     in_force: "2023-07-04"
#     text: BCDA Art. 35(2)3 라 with Art. 36(2), 36-2(1)
#     text_ko: 방송통신발전 기본법 제35조제2항제3호 라목, 제36조제2항, 제36조의2제1항
#   remediation:
#     en: Run every service active (or as a standby whose failover tooling survives, within its RTO) in at least two datacenters that share no building and no single power feed, together with everything it depends on; keep a replica or backup of every service's data in a datacenter outside each building it runs in, and declare it under data. `resilcheck simulate` shows what each loss takes down.
#     ko: 모든 서비스와 그 의존 서비스를 건물과 단일 전력 인입을 공유하지 않는 두 곳 이상의 데이터센터에서 활성으로(또는 전환 도구가 살아남고 RTO 안에 전환되는 대기 시스템으로) 운영하고, 모든 서비스 데이터의 복제본이나 백업을 운영 중인 각 건물 밖의 데이터센터에 두고 data에 신고하십시오. `resilcheck simulate`로 각 손실의 영향을 확인할 수 있습니다.
#   frameworks:
#     - KR-BCDA
#   in_force:
#     - until: "2023-07-04"
#       parties: [carrier]
#       verifiable: false
#       label: interpretation
#       citation: BCDA Art. 35(2)3 라 with Art. 36(2), 36-2(1) (the plan contents before 2023-07-04 are not in the statute texts)
#     - from: "2023-07-04"
#       parties: [carrier, major-vas, major-idc]
#       label: interpretation
#       citation: BCDA Art. 35(2)3 라 with Art. 36(2), 36-2(1)
#       citation_ko: 방송통신발전 기본법 제35조제2항제3호 라목, 제36조제2항, 제36조의2제1항
#       basis: Art. 35(2) as amended 2023-01-03 (Act No. 19152, in force 2023-07-04); the site-loss test is resilcheck's reading of 분산 및 다중화 (distribution and multiplexing)
package resilcheck.controls.dm_redundancy

import data.resilcheck.lib.inforce
import data.resilcheck.lib.scope
import data.resilcheck.lib.siteloss
import data.resilcheck.lib.time

# in_force is this package's METADATA custom.in_force (a Go test holds them equal).
in_force := [
	{"until": "2023-07-04", "parties": ["carrier"], "verifiable": false, "label": "interpretation", "citation": "BCDA Art. 35(2)3 라 with Art. 36(2), 36-2(1) (the plan contents before 2023-07-04 are not in the statute texts)"},
	{"from": "2023-07-04", "parties": ["carrier", "major-vas", "major-idc"], "label": "interpretation", "citation": "BCDA Art. 35(2)3 라 with Art. 36(2), 36-2(1)", "citation_ko": "방송통신발전 기본법 제35조제2항제3호 라목, 제36조제2항, 제36조의2제1항", "basis": "Art. 35(2) as amended 2023-01-03 (Act No. 19152, in force 2023-07-04); the site-loss test is resilcheck's reading of 분산 및 다중화 (distribution and multiplexing)"},
]

default applies := false

# A provider that declares no services (a datacenter operator judged on its facilities) has
# nothing to lose here.
applies if {
	inforce.binds(in_force, time.as_of)
	count(siteloss.ids) > 0
}

reason := r if {
	r := inforce.why_not(concerning, time.as_of)
} else := {
	"en": "no services declared: nothing to lose with a site (the facilities are judged by the datacenter controls)",
	"ko": "신고된 서비스가 없어 사이트 손실로 잃을 것이 없습니다(시설은 데이터센터 통제 항목에서 판단합니다)",
} if {
	count(siteloss.ids) == 0
}

# concerning are the periods that concern this provider for the reason: lib.inforce says "not
# verifiable" while a verifiable-false period covers the date, whichever parties it names, but
# for a provider that is of none of that period's party kinds (a value-added provider on
# 2023-07-03) the duty was simply not yet in force, and the reason must say that.
concerning := [p | some p in in_force; concerns(p)]

concerns(p) if not p.verifiable == false

concerns(p) if {
	some x in p.parties
	of_kind(x)
}

# of_kind(x): the provider is of party x's kind (its size aside).
of_kind("carrier") if scope.facilities_based

of_kind("major-vas") if scope.value_added

of_kind("major-idc") if count(scope.colo_sites) + count(scope.own_use_sites) > 0

domain_word := {"datacenter": "datacenter", "power-feed": "power feed", "building": "building"}

domain_word_ko := {"datacenter": "데이터센터", "power-feed": "전력 인입(변전소)", "building": "건물"}

# takes_down says which datacenters a feed or building failure takes with it.
takes_down(dom) := "" if {
	dom.kind == "datacenter"
} else := sprintf(" (taking down %s)", [concat(", ", dom.datacenters)])

takes_down_ko(dom) := "" if {
	dom.kind == "datacenter"
} else := sprintf("(%s 포함)", [concat(", ", dom.datacenters)])

# The services a failure breaks in place (their own deployments, capacity or failover fail)
# are reported per failure, with the cause. Everything else a failure takes down goes down
# through a dependency on them, which is the same whichever failure it is: that is reported
# once per dependency link (below), so the findings grow with the services and the edges, not
# with the failures times the services they take down.
violations contains {
	"msg": sprintf("%s is unavailable when %s %s is lost%s: %s", [b.service, domain_word[dom.kind], dom.id, takes_down(dom), siteloss.chain_text(chain)]),
	"msg_ko": sprintf("%s %s%s 손실 시 %s 서비스를 이용할 수 없습니다: %s", [domain_word_ko[dom.kind], dom.id, takes_down_ko(dom), b.service, siteloss.chain_text(array.concat(path, [siteloss.korean(cause)]))]),
	"pointer": sprintf("/services/%d", [siteloss.svc_index[b.service]]),
	"key": sprintf("lost-with:%s:%s", [dom.kind, dom.id]),
	"evidence": object.union(
		{
			"failure_domain": dom,
			"same_loss": siteloss.same_loss[key],
			"service": b.service,
			"reason": b.reason,
			"chain": chain,
			"cause_phrase": cause,
			"detail": b.detail,
			"detail_phrase": b.detail_phrase,
			"label": "interpretation",
		},
		data_note(b.service),
	),
} if {
	applies
	some key, f in judged
	dom := f.domain
	some b in f.broken
	here := broken_at[failure_name(dom)]
	path := in_place_path(b, here)
	cause := in_place_cause(b, here)
	chain := array.concat(path, [siteloss.english(cause)])
}

# judged are the report's summaries (siteloss.summary) of the failures the control judges:
# per failure, only the services broken in place, never the chains of everything lost.
judged := {key: siteloss.summary(dom) | some key, dom in siteloss.judged_domains}

failure_name(dom) := sprintf("%s %s", [dom.kind, dom.id])

# broken_at[name][sid] is the entry of a service broken in place by the failure named name.
broken_at := {failure_name(f.domain): {b.service: b | some b in f.broken} | some _, f in judged}

# in_place_chain(b, here) is the chain of a service broken in place: the service and its cause,
# or, when its standby cannot be reached because the failover tooling is lost, the tooling and
# why that is lost. Tooling that goes down through its own dependencies ends the chain there:
# its dependency links say the rest, once for every failure.
in_place_path(b, _) := [b.service] if {
	b.cause
} else := [b.service, b.via]

# in_place_cause(b, here) ends that chain, as a phrase (siteloss.phrase) both languages render.
in_place_cause(b, here) := b.cause_phrase if {
	b.cause
} else := here[b.via].cause_phrase if {
	here[b.via].cause
} else := siteloss.phrase("failover-needs-lost", {"tooling": here[b.via].via}) if {
	here[b.via].via
} else := siteloss.phrase("lost-through-dependencies", {})

# links are the report's dependents for the judged failures: {service, via, lost_with}, one
# per dependency edge some judged failure takes down, lost_with naming the failures that
# break via in place. Only the links of services that some failure takes down through a dependency alone are
# reported: a service broken in place wherever its dependency is lost has its own findings,
# and a link would only repeat them.
links := [l | some l in siteloss.links([f | some _, f in judged]); lost_through(l.service)]

# lost_through(sid) holds when some judged failure takes sid down without breaking it in place.
# A link's service is lost in some judged failure (a chain of links leads to a service that
# failure breaks in place), so a service no failure breaks in place is lost through a
# dependency wherever it is lost. One that some failure breaks in place is lost through a
# dependency exactly where a failure breaks in place something it depends on, directly or not,
# and not the service itself: what a failure takes down is what it breaks in place and what
# depends on that. Its dependencies are tried first, then theirs, which settles nearly every
# service; only the rest have their whole dependency closure walked. (Reading every failure's
# lost set instead cost the failures times the services each takes down, and kept the sets.)
lost_through(sid) if {
	not broken_in[sid]
} else if {
	some dep in siteloss.direct_deps[sid]
	some n, _ in broken_in[dep]
	not broken_in[sid][n]
} else if {
	some dep in siteloss.direct_deps[sid]
	some z in siteloss.direct_deps[dep]
	some n, _ in broken_in[z]
	not broken_in[sid][n]
} else if {
	some z in graph.reachable(siteloss.direct_deps, siteloss.direct_deps[sid])
	some n, _ in broken_in[z]
	not broken_in[sid][n]
}

# broken_in[sid] names the judged failures that break sid in place.
broken_in := object.union_n([{sid: {n: true}} | some n, here in broken_at; some sid, _ in here])

# through[sid] are the dependencies through which sid is lost in some failure: when a link's
# via is among them, via also goes down with its own dependencies, in failures lost_with
# does not name.
through := object.union_n([{l.service: {l.via: true}} | some l in links])

violations contains {
	"msg": sprintf("%s is lost whenever %s is lost (%s)", [l.service, l.via, when_en(l.via, l.lost_with)]),
	"msg_ko": sprintf("%s 서비스가 손실되면 %s 서비스도 이용할 수 없습니다(%s)", [l.via, l.service, when_ko(l.via, l.lost_with)]),
	"pointer": sprintf("/services/%d", [siteloss.svc_index[l.service]]),
	"key": sprintf("lost-through:%s", [l.via]),
	"evidence": object.union_n([
		{
			"service": l.service,
			"via": l.via,
			"lost_with": l.lost_with,
			"reason": "dependency-lost",
			"label": "interpretation",
		},
		example(l),
		via_through(l.via),
	]),
} if {
	applies
	some l in links
}

# when_en(via, lost_with) and when_ko(via, lost_with) say when a link's via is lost: with the
# failures that break it in place (lost_with, the same in every link to via), and through its
# own dependencies (the first three named, each with a link of its own). They, and the words
# they are made of, take the via rather than the link, so they are worded once per via
# however many services depend on it (OPA keeps a function's value per argument value).
when_en(via, lost_with) := concat("; or ", [x | some x in [with_en(lost_with), own_en(via)]; x != ""])

when_ko(via, lost_with) := concat("; ", [x | some x in [with_ko(lost_with), own_ko(via)]; x != ""])

with_en(lost_with) := "" if {
	count(lost_with) == 0
} else := sprintf("with %s", [concat(", ", lost_with)])

with_ko(lost_with) := "" if {
	count(lost_with) == 0
} else := sprintf("%s 손실 시", [concat(", ", [name_ko[n] | some n in lost_with])])

own_en(via) := "" if {
	count(own(via)) == 0
} else := sprintf("through its own %s %s", [plural(own(via), "dependency", "dependencies"), named(own(via))])

own_ko(via) := "" if {
	count(own(via)) == 0
} else := sprintf("%s 서비스가 의존하는 %s 손실 시", [via, named(own(via))])

own(via) := object.get(own_of, via, [])

# own_of sorts each service's own lost dependencies once; own(via) is asked several times per
# via, and a hub's users would each sort its dependencies again.
own_of := {v: sort(object.keys(ds)) | some v, ds in through}

plural(xs, one, _) := one if count(xs) == 1

plural(xs, _, many) := many if count(xs) > 1

# named(xs) names the first three of a sorted list and counts the rest, so a link's message and
# evidence stay short whatever via's fan-out.
named(xs) := concat(", ", xs) if {
	count(xs) <= 3
} else := sprintf("%s (+%d)", [concat(", ", array.slice(xs, 0, 3)), count(xs) - 3])

name_ko := {failure_name(f.domain): sprintf("%s %s", [domain_word_ko[f.domain.kind], f.domain.id]) | some _, f in judged}

# example(l) is one short chain for the auditor: in the first failure that breaks via in place
# and not the service itself, the service, via and via's cause; three links whatever the
# failures and the depth.
example(l) := {"example": {"failure": n, "chain": in_place_chain_from(l.service, broken_at[n][l.via], broken_at[n])}} if {
	ns := [n | some n in l.lost_with; not broken_at[n][l.service]]
	n := ns[0]
} else := {}

in_place_chain_from(sid, b, here) := array.concat(array.concat([sid], in_place_path(b, here)), [siteloss.english(in_place_cause(b, here))])

via_through(via) := {} if {
	count(own(via)) == 0
} else := {"via_lost_through": array.slice(own(via), 0, 3), "via_lost_through_count": count(own(via))}

# data_note(sid) tells a finding about a service that declares no data block that its data
# was not judged: absent data is not declared, and whether the service keeps state at all is
# not known.
data_note(sid) := {"data": "no data block declared: data survival not judged"} if {
	not has_data(sid)
} else := {}

has_data(sid) if is_object(siteloss.svc[sid].data)

# --- storage: where each service's data survives (35(2)3 라, 저장장치의 분산 및 다중화) ---

# copies(s) are the datacenters declared to hold a copy of a service's data: replicas and
# backups.
copies(s) := {d | some d in object.get(s.data, "replicaDatacenters", [])} | {b.datacenter | some b in object.get(s.data, "backups", [])}

# primary(s) are the datacenters where the data is served from: the active deployments (the
# deployments, when none is active).
primary(s) := siteloss.active_datacenters(s) if {
	count(siteloss.active_datacenters(s)) > 0
} else := {d.datacenter | some d in s.deployments}

# units(s) are the sets of datacenters each holding one body of the service's data, with its
# copies. With replication none, an active deployment in a second site holds data of its own
# that nothing copies there: each active site is a unit with the declared copies. Otherwise
# (replication declared, or not declared at all) the active deployments are taken to share
# the data, so together with the copies they are one unit.
units(s) := {sort({a} | copies(s)) | some a in primary(s)} if {
	s.data.replication == "none"
} else := {sort(primary(s) | copies(s))}

replication_word(s) := s.data.replication if {
	is_string(s.data.replication)
} else := "not declared (the active deployments are taken as holding the data)"

# data_domains are the failure domains that can destroy data: a datacenter, or a building
# holding several (a lost power feed leaves the data in place). A whole object, since it is
# looked up by key (see siteloss.performer).
data_domains := {key: dom | some key, dom in siteloss.single_domains; dom.kind in {"datacenter", "building"}}

# data_lost[[i, key]] is what the loss of domain key destroys of service i's data: the units
# entirely inside it. A building is reported only for units no single datacenter of it holds
# alone (those are reported as the datacenter). Each unit names the domains that destroy it
# (lost_with), so only those are tried: trying every domain for every service costs the
# services times the datacenters.
data_lost[[i, key]] := lost if {
	some i, s in siteloss.services
	is_object(s.data)
	count(primary(s)) > 0
	some key in {k | some u in units(s); some k in lost_with(u)}
	lost := {u | some u in units(s); key in lost_with(u)}
}

# lost_with(u) are the keys of the failure domains whose loss destroys unit u (a sorted set
# of datacenters) and is reported for it: a unit of one datacenter with that datacenter, a
# unit of several with each building that holds them all. A datacenter holds only itself, and
# a building's loss of a one-datacenter unit is reported as the datacenter.
lost_with(u) := {["datacenter", u[0]] | _ := data_domains[["datacenter", u[0]]]} if {
	count(u) == 1
} else := {key |
	some key, _ in object.get(building_keys, u[0], {})
	dom := data_domains[key]
	count({d | some d in u} - {d | some d in dom.datacenters}) == 0
}

building_keys := object.union_n([{d: {["building", b]: true}} | some b, ds in siteloss.in_building; some d in ds])

violations contains {
	"msg": sprintf("the data of %s is lost with %s %s%s: it is kept only in %s, with no replica or backup outside it%s", [s.id, domain_word[dom.kind], dom.id, takes_down(dom), concat(", ", held), none_note(s)]),
	"msg_ko": sprintf("%s %s%s 손실 시 %s 서비스의 데이터가 사라집니다: 데이터가 %s에만 있고 그 밖에 복제본이나 백업이 없습니다%s.", [domain_word_ko[dom.kind], dom.id, takes_down_ko(dom), s.id, concat(", ", held), none_note_ko(s)]),
	"pointer": sprintf("/services/%d/data", [i]),
	"key": sprintf("data-lost-with:%s:%s", [dom.kind, dom.id]),
	"evidence": {
		"service": s.id,
		"failure_domain": dom,
		"data_datacenters": held,
		"replication": replication_word(s),
		"replica_datacenters": object.get(s.data, "replicaDatacenters", []),
		"backup_datacenters": sort({b.datacenter | some b in object.get(s.data, "backups", [])}),
		"active_datacenters": sort(siteloss.active_datacenters(s)),
		"label": "interpretation",
		"basis": "BCDA Art. 35(2)3 라 (storage distributed and multiplexed): data survives a site only where a copy is declared outside it",
	},
} if {
	applies
	some [i, key], lost in data_lost
	s := siteloss.services[i]
	dom := data_domains[key]
	held := sort({d | some u in lost; some d in u})
}

none_note(s) := " (replication: none, so its other active sites hold no copy)" if {
	s.data.replication == "none"
	count(siteloss.active_datacenters(s)) > 1
} else := ""

none_note_ko(s) := "(replication: none이므로 다른 활성 사이트는 사본이 아닙니다)" if {
	s.data.replication == "none"
	count(siteloss.active_datacenters(s)) > 1
} else := ""
