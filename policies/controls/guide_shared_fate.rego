# METADATA
# title: Copies of a critical service do not share one operator, building or power feed
# description: |
#   Running a critical service in two datacenters buys little when both sit in one building,
#   hang off one substation or are run by one operator: one fire, one power cut or one
#   operator's incident still takes every copy. Each critical service whose deployments and
#   data replicas span two or more datacenters is flagged when all of those datacenters share
#   an operator, a building or a power feed. A service in a single datacenter is the
#   redundancy control's finding, not this one's. Resilience practice, not law.
# related_resources:
#   - https://www.law.go.kr/법령/방송통신발전기본법
# scope: package
# custom:
#   id: GUIDE-SHARED-FATE
#   severity: medium
#   kind: guidance
#   regulation: Guidance
#   title_ko: 핵심 서비스 복제본의 운영사·건물·전력 인입 공유 금지
#   description_ko: 핵심 서비스를 두 데이터센터에서 운영해도 두 곳이 한 건물에 있거나, 한 변전소에서 전력을 받거나, 한 운영사가 운영하면 한 번의 화재, 정전, 운영사 사고로 모든 복제본이 멈춘다. 배치와 데이터 복제본이 두 곳 이상의 데이터센터에 걸친 핵심 서비스에 대해, 그 데이터센터들이 모두 같은 운영사, 건물 또는 전력 인입을 공유하면 지적한다. 한 데이터센터에만 있는 서비스는 이중화 통제 항목에서 다룬다. 법령이 아닌 복원력 모범 관행이다.
#   citation:
#     law: Resilience practice (not law)
#     article: "-"
#     text: "guidance: no single power feed, operator or building shared by all replicas of a critical service"
#     text_ko: "권고(법령 아님): 핵심 서비스의 모든 복제본이 하나의 전력 인입, 운영 주체 또는 건물을 함께 쓰지 않을 것"
#     source: MSIT joint investigation of the 2022-10-15 Pangyo datacenter fire (2022-12-06); resilience practice
#     guidance: true
#   remediation:
#     en: Place at least one copy of each critical service, and of its data, in a datacenter with a different operator, building and substation from the others.
#     ko: 각 핵심 서비스와 그 데이터의 복제본 중 적어도 하나를 운영사, 건물, 변전소가 다른 데이터센터에 두십시오.
#   frameworks:
#     - resilience-practice
#   in_force:
#     - from: "2000-01-01"
#       label: guidance
#       citation: resilience practice (not law)
package resilcheck.controls.guide_shared_fate

import data.resilcheck.lib.governance
import data.resilcheck.lib.inforce
import data.resilcheck.lib.siteloss
import data.resilcheck.lib.time

# in_force is this package's METADATA custom.in_force (a Go test holds them equal). Resilience
# practice has no statutory date: the period only says so.
in_force := [{"from": "2000-01-01", "label": "guidance", "citation": "resilience practice (not law)"}]

default applies := false

applies if {
	inforce.binds(in_force, time.as_of)
	governance.has_critical_service
}

reason := r if {
	r := inforce.why_not(in_force, time.as_of)
} else := {
	"en": "no service declared critical (services[].critical)",
	"ko": "핵심 서비스로 신고된 서비스가 없습니다(services[].critical).",
} if {
	inforce.binds(in_force, time.as_of)
	not governance.has_critical_service
}

# sites[i] are the declared datacenters holding a deployment or a data replica of the
# critical service at index i, when there are two or more of them.
sites[i] := ds if {
	applies
	some i, s in governance.critical_services
	ds := {d |
		some d in array.concat(
			[dep.datacenter | some dep in s.deployments],
			object.get(object.get(s, "data", {}), "replicaDatacenters", []),
		)
		siteloss.dc[d]
	}
	count(ds) >= 2
}

violations contains {
	"msg": sprintf("every copy of critical service %s (%s) is run by one operator, %s", [s.id, concat(", ", sort(ds)), op]),
	"msg_ko": sprintf("핵심 서비스 %s의 모든 복제본(%s)을 한 운영사(%s)가 운영합니다.", [s.id, concat(", ", sort(ds)), op]),
	"pointer": sprintf("/services/%d", [i]),
	"evidence": {"service": s.id, "datacenters": sort(ds), "shared": "operator", "operator": op},
} if {
	some i, ds in sites
	s := input.services[i]
	some op in shared_operator(ds)
}

violations contains {
	"msg": sprintf("every copy of critical service %s (%s) is in one building, %s", [s.id, concat(", ", sort(ds)), b]),
	"msg_ko": sprintf("핵심 서비스 %s의 모든 복제본(%s)이 한 건물(%s)에 있습니다.", [s.id, concat(", ", sort(ds)), b]),
	"pointer": sprintf("/services/%d", [i]),
	"evidence": {"service": s.id, "datacenters": sort(ds), "shared": "building", "building": b},
} if {
	some i, ds in sites
	s := input.services[i]
	some b in shared_building(ds)
}

violations contains {
	"msg": sprintf("every copy of critical service %s (%s) is fed from substation %s", [s.id, concat(", ", sort(ds)), f]),
	"msg_ko": sprintf("핵심 서비스 %s의 모든 복제본(%s)이 같은 변전소(%s)에서 전력을 받습니다.", [s.id, concat(", ", sort(ds)), f]),
	"pointer": sprintf("/services/%d", [i]),
	"evidence": {"service": s.id, "datacenters": sort(ds), "shared": "power-feed", "power_feed": f},
} if {
	some i, ds in sites
	s := input.services[i]
	some f in shared_feeds(ds)
}

# What a set of sites shares is computed once per distinct set: most critical services of a
# provider run in the same few datacenters, and a function is cached per argument value.

# shared_operator(ds) is the one operator of every site in ds, as a set of at most one.
shared_operator(ds) := ops if {
	ops := {siteloss.dc[d].operator | some d in ds}
	count(ops) == 1
} else := set()

# shared_building(ds) is the one building every site in ds declares, as a set of at most one.
shared_building(ds) := bs if {
	every d in ds {
		siteloss.dc[d].building
	}
	bs := {siteloss.dc[d].building | some d in ds}
	count(bs) == 1
} else := set()

# shared_feeds(ds) are the feeds every site in ds declares: the intersection, instead of
# testing every known feed.
shared_feeds(ds) := intersection({{g | some g in object.get(siteloss.dc[d], "powerFeeds", [])} | some d in ds})
