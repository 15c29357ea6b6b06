# METADATA
# title: Site-loss analysis
# description: |
#   What is left of a provider's services when one failure domain is lost: a datacenter, a
#   power feed (substation) or a building, or, when data.resilcheck.run.fail lists ids, exactly
#   that combination. A datacenter is lost with its feeds only when every feed it declares is
#   lost: a site on two substations survives one. Generators are deliberately not counted as a
#   substitute for a feed: their fuel is finite, and a fire-forced cut-off (Pangyo, 2022-10-15)
#   takes the generators down with the grid power, so only independent feeds are independence.
#   A building domain is reported only when it holds two or more datacenters; a one-datacenter
#   building is the same failure as that datacenter.
#
#   A service survives when its surviving active capacity meets requiredCapacityPercent and
#   everything it depends on survives; otherwise a standby or cold deployment may take over
#   when its failover tooling (recovery.performedBy) survives and it recovers within the RTO.
#
#   The report (audit.SiteLoss) grows with the services, the dependencies and the failure
#   domains, not with their product. Each failure lists only the services it breaks in place
#   (their own deployments, capacity or failover fail: no-surviving-deployment,
#   insufficient-capacity, cold-standby-too-slow, standby-too-slow, standby-unreachable, or
#   dependency-cycle for a failover whose tooling depends on the service itself), each with
#   its reason, detail and either its cause or, for standby-unreachable, the lost tooling it
#   goes on via; and counts of the services lost and surviving. Everything else a failure
#   takes down depends on those: the manifest's dependents list has one link
#   {service, via, lost_with} per dependency edge some failure takes down (service is lost
#   whenever via is; lost_with names the failures that break via in place), so a chain is
#   read by following links from a service to one its failure lists as broken. Dependency
#   cycles are listed once. The controls see more: judged keeps, per failure, every lost
#   service with its chain down to the root cause.
#
#   Cost: near-linear in the size of the manifest. Every grouping is built in one pass
#   (object.union_n), never by scanning a list once per key; no service's dependency closure
#   is materialised (a chain of n services has closures of n²/2 members in all); the
#   dependency cycles are found by forward-backward splitting, a few graph.reachable calls
#   over the whole graph. Each failure domain then classifies only the services deployed in
#   the lost datacenters and finds every lost service with one graph.reachable over the
#   reversed dependency graph.
package resilcheck.lib.siteloss

# --- the manifest, indexed once ---

datacenters := object.get(input, "datacenters", [])

services := object.get(input, "services", [])

dc_ids := {d.id | some d in datacenters}

ids := {s.id | some s in services}

# svc maps a service id to its declaration. Duplicate ids are a schema-level defect reported
# elsewhere; the first declaration wins so the analysis never fails on them.
svc := {s.id: s | some s in services} if {
	count(ids) == count(services)
} else := {id: services[i] | some id, i in first_declared(services)}

# svc_index is the position of each service in input.services, for JSON pointers.
svc_index := {s.id: i | some i, s in services} if {
	count(ids) == count(services)
} else := first_declared(services)

dc := {d.id: d | some d in datacenters} if {
	count(dc_ids) == count(datacenters)
} else := {id: datacenters[i] | some id, i in first_declared(datacenters)}

# first_declared(list) maps each id to the position of its first declaration in list.
# object.union_n keeps the last value given for a key, so it is given the list reversed;
# one pass, where looking each id up in the list would cost the square of its length.
first_declared(list) := object.union_n(array.reverse([{x.id: i} | some i, x in list]))

# deps is the dependency graph over declared services. Undeclared ids are ignored here (the
# reference check reports them); a self-dependency is kept so it shows up as a cycle.
deps := {id: {d | some d in object.get(s, "dependsOn", []); d in ids} | some id, s in svc}

# direct_deps leaves out self-edges: a service is never its own lost dependency.
direct_deps := {id: others | some id, ds in deps; others := ds - {id}}

# rev is the reversed dependency graph: a lost service takes down everything in rev[id].
# The edges are grouped by their target in one object.union_n over nested objects (which
# merges {d: {id: true}} key by key): scanning every edge once per service would cost the
# services times the edges. Every service is a key, as graph.reachable needs.
rev := {id: object.keys(object.get(dependents, id, {})) | some id in ids}

dependents := object.union_n([{d: {id: true}} | some id, ds in direct_deps; some d in ds])

# reach(id) is every service id reaches through its dependencies (itself only via a cycle),
# computed only for the services that need it: the failover tooling of a failover.
reach(id) := graph.reachable(deps, deps[id])

# needed_by(id) is every other service that depends on id, directly or not.
needed_by(id) := graph.reachable(rev, rev[id])

# performer[id] is the service that performs id's failover, when it is a declared service.
#
# This rule and the maps below that other rules look up by key (single_domains, singles,
# judged, same_loss) are whole objects, built once: OPA's topdown evaluates a look-up in a
# rule defined key by key (performer[id] := p if ...) by running the rule's body again for
# that key, which here means iterating the services or the domains once per look-up.
performer := {id: p |
	some id, s in svc
	p := s.recovery.performedBy
	p in ids
	p != id
}

# services_in[d] lists the services with a deployment in datacenter d: the only ones a loss
# of d needs to look at before following dependencies. Grouped in one pass, as rev is.
services_in := {d: object.keys(in_d) | some d, in_d in object.union_n([{dep.datacenter: {s.id: true}} |
	some s in services
	some dep in s.deployments
])}

feeds_of(d) := {f | some f in object.get(d, "powerFeeds", [])}

building_of(d) := object.get(d, "building", d.id)

# active_datacenters(s) are the datacenters where service s is deployed active, serving
# traffic: standby and cold deployments need a failover first.
active_datacenters(s) := {d.datacenter | some d in s.deployments; d.mode == "active"}

# --- failure domains ---

# dc_feeds pairs each declared datacenter with the set of feeds it declares, read once.
dc_feeds := [[d.id, feeds_of(d)] | some d in datacenters]

feeds := {f | some pair in dc_feeds; some f in pair[1]}

buildings := {b | some d in datacenters; b := d.building}

# lost_with_feeds(fs) is every datacenter all of whose declared feeds are in fs.
lost_with_feeds(fs) := {pair[0] |
	some pair in dc_feeds
	count(pair[1]) > 0
	count(pair[1] - fs) == 0
}

# alone_on[f] lists the datacenters whose single feed is f: the only sites that one lost feed
# takes down (a site on two feeds survives either). Grouped in one pass, as rev is.
alone_on := {f: object.keys(ds) | some f, ds in object.union_n([{f: {pair[0]: true}} |
	some pair in dc_feeds
	count(pair[1]) == 1
	some f in pair[1]
])}

# in_building[b] lists the datacenters in building b.
in_building := {b: object.keys(ds) | some b, ds in object.union_n([{d.building: {d.id: true}} | some d in datacenters])}

# single_domains maps [kind, id] to each failure domain: every datacenter, every power feed
# and every building of two or more datacenters.
single_domains := object.union_n([
	{["datacenter", id]: {"kind": "datacenter", "id": id, "datacenters": [id]} | some id in dc_ids},
	{["power-feed", id]: {"kind": "power-feed", "id": id, "datacenters": sort(object.get(alone_on, id, set()))} | some id in feeds},
	{["building", id]: {"kind": "building", "id": id, "datacenters": lost} |
		some id in buildings
		lost := sort(in_building[id])
		count(lost) > 1
	},
])

# fail is the combination a simulation asked for (data.resilcheck.run.fail), if any.
fail := {x | some x in data.resilcheck.run.fail}

known_ids := (dc_ids | feeds) | buildings

# unknown_fail lists requested ids that name no datacenter, power feed or building.
unknown_fail := fail - known_ids

combination := {
	"kind": "combination",
	"id": concat("+", sort(fail)),
	"datacenters": sort((((fail & dc_ids) | lost_with_feeds(fail)) | {d.id | some d in datacenters; d.building in fail})),
} if count(fail) > 0

# --- one service under one loss ---

capacity(dep) := object.get(dep, "capacityPercent", 100)

required(s) := object.get(s, "requiredCapacityPercent", 100)

rto(s) := s.recovery.rtoMinutes

# timely(s, dep) holds when a standby or cold deployment recovers within the service's RTO.
# A warm standby without a declared RTO or recovery time is taken at its word (and noted);
# a cold one must be built up, so both numbers are needed to judge it.
timely(s, dep) if {
	dep.mode == "standby"
	not rto(s)
}

timely(_, dep) if {
	dep.mode == "standby"
	not dep.recoveryMinutes
}

timely(s, dep) if dep.recoveryMinutes <= rto(s)

where(ds) := concat(", ", sort({d.datacenter | some d in ds}))

# classify(s, lost) is {"state": "ok" | "failover" | "broken", ...} for a service with a
# deployment in the lost datacenters, judged on its own deployments only. Most services of a
# redundant provider keep enough active capacity elsewhere: that is decided first, with one
# comprehension and no further call, and only the others build their surviving deployments.
classify(s, lost) := {"state": "ok"} if {
	sum([object.get(d, "capacityPercent", 100) | some d in s.deployments; d.mode == "active"; not d.datacenter in lost]) >= required(s)
} else := classify_surviving(s, lost, surviving, sum([capacity(d) | some d in surviving; d.mode == "active"])) if {
	surviving := [d | some d in s.deployments; not d.datacenter in lost]
}

classify_surviving(s, lost, surviving, active) := {"state": "ok"} if {
	active >= required(s)
} else := {
	"state": "broken",
	"reason": "no-surviving-deployment",
	"cause": phrase(sprintf("only-%s-in", [deployed_word(s)]), {"where": where(s.deployments)}),
	"detail": phrase("all-deployments-lost", {"where": where(s.deployments)}),
} if {
	count(surviving) == 0
} else := {
	"state": "broken",
	"reason": "insufficient-capacity",
	"cause": phrase("capacity-left", {"left": sprintf("%v", [total]), "where": where(lost_deps), "required": sprintf("%v", [required(s)])}),
	"detail": phrase("capacity-short", {"where": where(lost_deps), "left": sprintf("%v", [total]), "required": sprintf("%v", [required(s)])}),
} if {
	total := active + sum([capacity(d) | some d in surviving; d.mode in {"standby", "cold"}])
	total < required(s)
	lost_deps := [d | some d in s.deployments; d.datacenter in lost]
} else := {
	"state": "broken",
	"reason": slow_reason(slow),
	"cause": slow_cause(s, slow[0]),
	"detail": phrase("standby-too-slow", {"where": where(slow)}),
} if {
	takeover := [d | some d in surviving; d.mode in {"standby", "cold"}; timely(s, d)]
	active + sum([capacity(d) | some d in takeover]) < required(s)
	slow := [d | some d in surviving; d.mode in {"standby", "cold"}; not timely(s, d)]
} else := {
	"state": "failover",
	"takeover": where(takeover),
	"note": failover_note(s, takeover),
} if {
	takeover := [d | some d in surviving; d.mode in {"standby", "cold"}; timely(s, d)]
} else := {"state": "ok"}

deployed_word(s) := "active" if {
	every d in s.deployments {
		d.mode == "active"
	}
} else := "deployed"

slow_reason(slow) := "cold-standby-too-slow" if {
	some d in slow
	d.mode == "cold"
} else := "standby-too-slow"

slow_cause(s, d) := phrase("standby-needs", {"mode": d.mode, "datacenter": d.datacenter, "minutes": sprintf("%v", [d.recoveryMinutes]), "rto": sprintf("%v", [rto(s)])}) if {
	d.recoveryMinutes
	rto(s)
} else := phrase("cold-no-recovery-time", {"datacenter": d.datacenter}) if {
	not d.recoveryMinutes
} else := phrase("cold-no-rto", {"datacenter": d.datacenter})

failover_note(s, takeover) := phrase("failover-no-rto", {"where": where(takeover)}) if {
	not rto(s)
} else := phrase("failover-within-rto", {"where": where(takeover), "rto": sprintf("%v", [rto(s)])})

# --- phrases: the words of a detail, cause or note as a code and its arguments ---

# phrase(code, args) is one explanation as data: the report renders it in either language
# from the code and the arguments (all strings), and keeps the English text beside it for
# the readers of the JSON report that came before the structured form.
phrase(code, args) := {"code": code, "args": args}

# english(p) is the English text of a phrase, the text the report's detail, cause and note
# fields have always carried.
english(p) := sprintf("only active in %s", [p.args.where]) if {
	p.code == "only-active-in"
} else := sprintf("only deployed in %s", [p.args.where]) if {
	p.code == "only-deployed-in"
} else := sprintf("every deployment is in the lost datacenter(s) %s", [p.args.where]) if {
	p.code == "all-deployments-lost"
} else := sprintf("%s%% capacity left outside %s, %s%% required", [p.args.left, p.args.where, p.args.required]) if {
	p.code == "capacity-left"
} else := sprintf("the deployments outside %s carry %s%% of the load even after failover; %s%% is required", [p.args.where, p.args.left, p.args.required]) if {
	p.code == "capacity-short"
} else := sprintf("the surviving %s cannot take over within the RTO", [p.args.where]) if {
	p.code == "standby-too-slow"
} else := sprintf("%s standby in %s needs %s min, RTO %s min", [p.args.mode, p.args.datacenter, p.args.minutes, p.args.rto]) if {
	p.code == "standby-needs"
} else := sprintf("cold standby in %s has no declared recovery time", [p.args.datacenter]) if {
	p.code == "cold-no-recovery-time"
} else := sprintf("cold standby in %s but no RTO is declared", [p.args.datacenter]) if {
	p.code == "cold-no-rto"
} else := sprintf("survives by failover to %s; no RTO is declared, so the failover time is not judged", [p.args.where]) if {
	p.code == "failover-no-rto"
} else := sprintf("survives by failover to %s within the RTO of %s min", [p.args.where, p.args.rto]) if {
	p.code == "failover-within-rto"
} else := sprintf("its failover is performed by %s, which itself depends on %s", [p.args.tooling, p.args.service]) if {
	p.code == "failover-depends-on-service"
} else := sprintf("the standby in %s could take over, but its failover is performed by %s, which is lost", [p.args.takeover, p.args.tooling]) if {
	p.code == "failover-tooling-lost"
} else := sprintf("depends on %s, which is lost", [p.args.via]) if {
	p.code == "dependency-lost"
} else := sprintf("is in a dependency cycle with %s, which is lost", [p.args.via]) if {
	p.code == "dependency-cycle-with"
} else := sprintf("failover needs %s, which depends on %s", [p.args.tooling, p.args.service]) if {
	p.code == "failover-needs-dependent"
} else := "lost in a failover loop" if {
	p.code == "failover-loop"
} else := sprintf("its failover needs %s, which is lost", [p.args.tooling]) if {
	p.code == "failover-needs-lost"
} else := "lost through its own dependencies" if {
	p.code == "lost-through-dependencies"
}

# korean(p) is the Korean text of a phrase, for the controls' Korean messages. The
# renderers' catalogue (reports/i18n.go) holds the same wording; a test compares the two.
korean(p) := sprintf("%s에서만 활성", [p.args.where]) if {
	p.code == "only-active-in"
} else := sprintf("%s에만 배치", [p.args.where]) if {
	p.code == "only-deployed-in"
} else := sprintf("%s 밖의 잔존 용량 %s%%, 필요 용량 %s%%", [p.args.where, p.args.left, p.args.required]) if {
	p.code == "capacity-left"
} else := sprintf("%s(%s)의 전환에 %s분 필요, RTO %s분", [mode_ko[p.args.mode], p.args.datacenter, p.args.minutes, p.args.rto]) if {
	p.code == "standby-needs"
} else := sprintf("%s의 콜드 스탠바이에 복구 시간 미신고", [p.args.datacenter]) if {
	p.code == "cold-no-recovery-time"
} else := sprintf("%s에 콜드 스탠바이가 있으나 RTO 미신고", [p.args.datacenter]) if {
	p.code == "cold-no-rto"
} else := sprintf("장애 전환에 필요한 %s 서비스가 %s에 의존", [p.args.tooling, p.args.service]) if {
	p.code == "failover-needs-dependent"
} else := "장애 전환 순환으로 손실" if {
	p.code == "failover-loop"
} else := sprintf("장애 전환에 필요한 %s 서비스도 손실", [p.args.tooling]) if {
	p.code == "failover-needs-lost"
} else := "자체 의존 서비스를 통해 손실" if {
	p.code == "lost-through-dependencies"
} else := english(p)

mode_ko := {"standby": "대기 시스템", "cold": "콜드 대기 시스템"}

# --- one failure domain ---

# outcome(dom) is the FailureOutcome of audit.SiteLoss for one failure domain. Domains that
# lose the same datacenters (a site alone on its substation, say) share one analysis: loss is
# a function of the lost datacenters only, and OPA caches a function per argument value.
outcome(dom) := object.union(loss(dom.datacenters), {"domain": dom})

# loss(dcs) is what losing the datacenters dcs (a sorted array) takes down, every lost
# service with its chain: what the controls judge.
loss(dcs) := judge(local_of(dcs))

# local_of(dcs) classifies the services with a deployment in the lost datacenters dcs on their
# own deployments. The explained outcome (loss) and the report's summary share it, and
# roots_of below, through OPA's cache of function values.
local_of(dcs) := {sid: classify(svc[sid], lost_dcs) | some d in dcs; some sid in services_in[d]} if {
	lost_dcs := {d | some d in dcs}
}

# unscathed is the outcome of a loss that breaks no service and makes none fail over: most
# domains of a redundant provider, and every domain that holds no deployment.
unscathed := {"unavailable": [], "surviving": sort(ids), "notes": []}

# judge(local) follows dependencies and failover tooling from the services the lost
# datacenters touched (local: their own classification) to everything that is lost.
judge(local) := unscathed if {
	every st in local {
		st.state == "ok"
	}
} else := {
	"unavailable": [impacts[sid] | some sid in sort(c.lost)],
	"surviving": sort(ids - c.lost),
	"notes": failover_notes(local, c),
} if {
	c := lost_in(local)
	[via, chains] := trace(c.lost, c.roots, c.failover, local)
	impacts := {sid: impact(sid, local, via, chains[sid]) | some sid in c.lost}
}

# lost_in(local) is what a loss takes down, without explanations: where it starts (roots_of)
# and every lost service.
lost_in(local) := object.union(c, {"lost": lost_from(c.roots, c.failover, c.deadlocked)}) if {
	c := roots_of(local)
}

# roots_of(local) is where a loss starts: the services that fail over with their tooling
# (failover, to the performer or null), the failovers that wait on themselves (deadlocked),
# and the roots of the loss, the services broken in place and the deadlocked ones.
roots_of(local) := {"failover": failover, "deadlocked": deadlocked, "roots": roots} if {
	broken := {sid | some sid, st in local; st.state == "broken"}
	failover := {sid: object.get(performer, sid, null) | some sid, st in local; st.state == "failover"}

	# A failover whose tooling depends on the very service it must bring back is a deadlock:
	# the tooling cannot work until the service is up, and the service waits for the tooling.
	deadlocked := {sid |
		some sid, p in failover
		p != null
		not p in broken
		sid in reach(p)
	}
	roots := broken | deadlocked
}

# failover_notes are the notes of the services that survive a loss by failing over.
# (Each failover is looked up in the lost set rather than the two sets subtracted: OPA sorts
# both sets of a difference before it compares them, and the lost set is the large one.)
failover_notes(local, c) := [{"service": sid, "note": english(local[sid].note), "note_phrase": local[sid].note} |
	some sid in sort([sid | some sid, _ in c.failover; not sid in c.lost])
]

# lost_from(roots, failover, deadlocked) is everything lost with the roots: what depends on
# them, directly or not, and the services whose failover tooling is lost. Usually the tooling
# survives and one graph.reachable over rev says it all; only when some tooling is lost are
# its failovers added as edges, on a copy of rev (the copy costs a pass over the services,
# too much to pay in every failure domain).
lost_from(roots, failover, deadlocked) := lost if {
	lost := graph.reachable(rev, roots)
	every p in failover {
		not p in lost
	}
} else := graph.reachable(object.union(rev, failover_edges(failover, deadlocked)), roots)

# failover_edges(failover, deadlocked) are the edges a loss of failover tooling adds to rev: a
# lost performer takes down, besides its dependents, the services that fail over with it.
failover_edges(failover, deadlocked) := {p: edges |
	some p in {q | some q in failover; q != null}
	edges := rev[p] | {sid | some sid, q in failover; q == p; not sid in deadlocked}
}

# lost_count(c) is [n, watched] for a loss that starts at c (roots_of): n services lost, and
# which of the failing-over services and their tooling (the only members the report's summary
# asks about) are among them. It walks as lost_from does but keeps neither the lost set nor
# anything that holds it: OPA keeps every function's arguments and value for the whole
# evaluation, and a lost set kept for each failure domain is the square of the services in
# all when every loss takes a share of them down.
lost_count(c) := [count(lost), lost & watched] if {
	watched := object.keys(c.failover) | {p | some p in c.failover; p != null}
	lost := graph.reachable(rev, c.roots)
	every p in c.failover {
		not p in lost
	}
} else := [count(lost), lost & watched] if {
	watched := object.keys(c.failover) | {p | some p in c.failover; p != null}
	lost := graph.reachable(object.union(rev, failover_edges(c.failover, c.deadlocked)), c.roots)
}

# trace(lost, roots, failover, local) is [via, chains]: the lost neighbour each lost service
# that is not a root follows, and each lost service's chain down to its root and the root's
# cause. When every lost service is a root (broken in the lost datacenters themselves, or
# deadlocked) there is nothing to follow and each chain is the service and its cause: the
# usual loss of a site that services do not back each other up from, answered without
# building the forest.
trace(lost, roots, failover, local) := [{}, {sid: [sid, root_cause(sid, local)] | some sid in lost}] if {
	lost == roots
} else := [via, chains(via, lost, roots, local)] if {
	exits := cycle_exits(lost, roots, failover)
	via := {sid: v |
		some sid in lost
		not sid in roots
		v := pick_via(sid, lost, roots, failover, exits)
	}
}

# chains(via, lost, roots, local) maps each lost service to its chain, its root cause last.
# When every service that follows another follows a root (services that lose their failover
# tooling or a dependency broken in the lost site, the usual shape), each chain is the service,
# its root and the cause. Otherwise the chains are read off the forest below; only services
# caught in a loop of failovers have no top, and theirs are ordered one by one.
chains(via, lost, roots, local) := object.union(
	{r: [r, root_cause(r, local)] | some r in roots},
	{sid: [sid, v.to, root_cause(v.to, local)] | some sid, v in via},
) if {
	count(via) + count(roots) == count(lost)
	every v in via {
		v.to in roots
	}
} else := object.union(sliced, {sid: with_cause(ordered_chain(sid, vg), local) | some sid in lost; not at[sid]}) if {
	vg := object.union({r: [] | some r in roots}, {sid: [v.to] | some sid, v in via})

	# vg is a forest (one edge per node): what a service reaches in it is its chain, ordered
	# by each member's own reach (its height above the root). Chains share their tails, so
	# only the chain of each top (a lost service no other one follows) is ordered, with the
	# cause of its root added once; every service on it takes the slice from its own
	# position, at the cost of a copy.
	followed := {v.to | some v in via}
	tops := sort(lost - followed)
	paths := {t: chain_from(t, vg, roots) | some t in tops}
	at := object.union_n([{n: [t, i] | some i, n in paths[t]} | some t in tops])
	caused := {t: with_cause(p, local) | some t, p in paths}
	sliced := {sid: array.slice(p, ti[1], count(p)) | some sid, ti in at; p := caused[ti[0]]}
}

# with_cause(path, local) is a path with the cause of its last service added.
with_cause(path, local) := array.concat(path, [root_cause(path[count(path) - 1], local)])

# chain_from(t, vg, roots) is t's chain. When the one path from t ends at a root, each member
# reaches exactly the rest of the path, so the path is already in order of height; a path that
# runs into a loop of failovers (members of equal height) is ordered by ordered_chain.
#
# OPA's graph.reachable_paths copies the path and the set of nodes visited at every step, so
# it costs the square of a path's length. A long path is first put in the order of the ranks
# (along dependencies outside cycles, the order of the path) and kept when each member is
# followed by the next one in vg and the last is a root; failover-tooling links and cycles
# can break that order, and those paths are left to graph.reachable_paths.
chain_from(t, vg, roots) := p if {
	members := graph.reachable(vg, {t})
	count(members) > 64
	p := [m | some pair in sort([[rank[m], m] | some m in members]); m := pair[1]]
	p[0] == t
	every i, m in array.slice(p, 0, count(p) - 1) {
		vg[m] == [p[i + 1]]
	}
	p[count(p) - 1] in roots
} else := p if {
	some p in graph.reachable_paths(vg, {t})
	p[count(p) - 1] in roots
} else := ordered_chain(t, vg)

# ordered_chain(sid, vg) orders what sid reaches by height, highest first, then by id.
ordered_chain(sid, vg) := [n |
	some pair in sort([[0 - count(graph.reachable(vg, {m})), m] | some m in graph.reachable(vg, {sid})])
	n := pair[1]
]

# pick_via(sid, ...) is the one lost neighbour sid's chain follows: its failover tooling first
# (that is why a standby elsewhere did not help), then a lost dependency outside its cycle
# (cycle[y] == cycle[sid] holds for two services of one cycle only), and inside a cycle the
# member where the loss entered it. A dependency outside sid's cycle ranks after sid, so
# following them always ends at a root cause.
pick_via(sid, lost, roots, failover, exits) := {"reason": "standby-unreachable", "to": failover[sid]} if {
	failover[sid] in lost
} else := {"reason": "dependency-lost", "to": y} if {
	lower := {y | some y in direct_deps[sid]; y in lost; not cycle[y] == cycle[sid]}
	y := nearest(lower, roots)
} else := {"reason": "dependency-lost", "to": z} if {
	z := min({z | some z in direct_deps[sid]; z in exits.all})
} else := {"reason": "dependency-cycle", "to": z} if {
	z := min({z | some z in exits.first[cycle[sid]]; z != sid})
}

# nearest(ys, roots) is the dependency a chain follows among several lost ones: one broken in
# the lost datacenters itself when there is one (the chain ends there), else the one ranked
# last (when one of them depends on another, the chain takes the lower one and skips the
# link in between); ties, within a cycle, by the smallest id.
nearest(ys, roots) := y if {
	count(ys) == 1
	some y in ys
} else := min(ys & roots) if {
	count(ys & roots) > 0
} else := y if {
	last := max({rank[y] | some y in ys})
	y := min({y | some y in ys; rank[y] == last})
}

# cycle_exits(lost, roots, failover) are the lost members of cycles that lead out of them: a
# root, a member whose failover tooling is lost, or one with a lost dependency outside the
# cycle. first[c] keeps the two smallest of cycle c, so a member picks the smallest one that
# is not itself without going through them all.
cycle_exits(lost, roots, failover) := {"all": all, "first": first} if {
	all := {z | some z in lost; cycle[z]; cycle_exit(z, lost, roots, failover)}
	grouped := object.union_n([{cycle[z]: {z: true}} | some z in all])
	first := {c: array.slice(sort(object.keys(zs)), 0, 2) | some c, zs in grouped}
}

cycle_exit(z, _, roots, _) if z in roots

cycle_exit(z, lost, _, failover) if failover[z] in lost

cycle_exit(z, lost, _, _) if {
	some y in direct_deps[z]
	y in lost
	not cycle[y] == cycle[z]
}

# impact is one unavailable service, with its chain (the cause of its root included).
impact(sid, local, via, chain) := {
	"service": sid,
	"reason": reason,
	"chain": chain,
	"detail": english(detail),
	"detail_phrase": detail,
} if {
	[reason, detail] := explain(sid, local, via)
}

explain(sid, local, via) := [local[sid].reason, local[sid].detail] if {
	local[sid].state == "broken"
} else := ["dependency-cycle", phrase("failover-depends-on-service", {"tooling": performer[sid], "service": sid})] if {
	local[sid].state == "failover"
	not via[sid]
} else := ["standby-unreachable", phrase("failover-tooling-lost", {"takeover": local[sid].takeover, "tooling": v.to})] if {
	v := via[sid]
	v.reason == "standby-unreachable"
} else := ["dependency-lost", phrase("dependency-lost", {"via": v.to})] if {
	v := via[sid]
	v.reason == "dependency-lost"
} else := ["dependency-cycle", phrase("dependency-cycle-with", {"via": v.to})] if {
	v := via[sid]
}

# root_cause(root, local) ends a chain in English words; root_phrase is the same as data.
root_cause(root, local) := english(root_phrase(root, local))

root_phrase(root, local) := local[root].cause if {
	local[root].state == "broken"
} else := phrase("failover-needs-dependent", {"tooling": performer[root], "service": root}) if {
	local[root].state == "failover"
} else := phrase("failover-loop", {})

# cause_phrase(dcs, root) is the cause of a root of the loss of the datacenters dcs (a sorted
# array, as loss takes them) as a phrase, for a message or evidence that ends a chain with it.
cause_phrase(dcs, root) := root_phrase(root, local_of(dcs))

# chain_text(chain) is a chain for a message: whole when short, else its first three and last
# two links around a count of the rest, so a deep chain stays readable (evidence keeps it all).
chain_text(chain) := concat(" -> ", chain) if {
	count(chain) <= 6
} else := sprintf("%s -> ... (%d more) ... -> %s", [
	concat(" -> ", array.slice(chain, 0, 3)),
	count(chain) - 5,
	concat(" -> ", array.slice(chain, count(chain) - 2, count(chain))),
])

# --- the report: what breaks in place, and what goes down with it ---

# summary(dom) is the FailureOutcome of the report for one failure domain: the services broken
# in place, each with its reason and detail, and counts of the services lost and surviving.
# Whatever else is lost goes down through a dependency on them, which is the same whichever
# failure it is (see links), so it is not repeated per failure.
summary(dom) := object.union(brief(dom.datacenters), {"domain": dom})

brief(dcs) := {"broken": [], "lost": 0, "surviving": count(ids), "notes": []} if {
	every st in local_of(dcs) {
		st.state == "ok"
	}
} else := {
	"broken": [in_place(sid, local, c) | some sid in in_place_ids],
	"lost": n,
	"surviving": count(ids) - n,
	"notes": failover_notes(local, c),
} if {
	local := local_of(dcs)
	r := roots_of(local)
	[n, watched] := lost_count(r)

	# c.lost holds only the members asked about below: the failovers and their tooling.
	c := object.union(r, {"lost": watched})
	in_place_ids := c.roots | {sid | some sid, p in c.failover; p in c.lost; not sid in c.deadlocked}
}

# in_place(sid, local, c) is one service broken in place: a root of the loss ends a chain with
# its cause; a service whose standby could take over but whose failover tooling is lost
# (standby-unreachable) continues it via the tooling.
in_place(sid, local, c) := {
	"service": sid, "reason": reason,
	"detail": english(detail), "detail_phrase": detail,
	"cause": english(cause), "cause_phrase": cause,
} if {
	sid in c.roots
	[reason, detail] := explain(sid, local, {})
	cause := root_phrase(sid, local)
} else := {"service": sid, "reason": reason, "detail": english(detail), "detail_phrase": detail, "via": p} if {
	p := c.failover[sid]
	[reason, detail] := explain(sid, local, {sid: {"reason": "standby-unreachable", "to": p}})
}

# links(failures) lists, once for the manifest, every link a chain can follow from a service
# lost through a dependency: {service, via, lost_with} says service is lost whenever via, one
# of its dependencies, is lost, whichever failure takes via down. lost_with names the analysed
# failures that break via in place, as "kind id"; where via goes down through its own
# dependencies, its own links go on. A chain in one failure is read by following links from
# the service to a via listed among that failure's broken services. There is one link per
# dependency edge at most, so the list grows with the edges, not with the failures times the
# services; a dependency cycle is a loop of links (and is listed in cycles).
links(failures) := [{"service": x, "via": y, "lost_with": object.get(lost_with, y, [])} |
	some x in downstream
	some y in direct_deps[x]
	y in ever_lost
] if {
	broken_in := object.union_n([{u.service: {n: true}} |
		some f in failures
		n := sprintf("%s %s", [f.domain.kind, f.domain.id])
		some u in f.broken
	])

	# Sorted once per via: a via shared by many dependents is in as many links.
	lost_with := {y: sort(object.keys(ns)) | some y, ns in broken_in}
	downstream := graph.reachable(rev, {x | some r, _ in broken_in; some x in rev[r]})
	ever_lost := downstream | {r | some r, _ in broken_in}
}

# --- cycles ---

# cycle_of(c) orders a strongly connected component as a cycle starting at its smallest id.
# A tangle of many interlocking cycles is listed by its sorted members instead, because
# enumerating every path through it would be exponential.
cycle_of(c) := [m] if {
	count(c) == 1
	m := min(c)
} else := path if {
	m := min(c)
	sub := {y: {z | some z in deps[y]; z in c; z != m} | some y in c}
	enumerable(c, sub)
	closing := [[count(p), p] | some p in graph.reachable_paths(sub, {m}); m in deps[p[count(p) - 1]]]
	count(closing) > 0
	path := min(closing)[1]
} else := sort(c)

# enumerable(c, sub) holds when listing every path through the component is cheap: it is small,
# or it is one simple cycle (every member has a single successor inside it).
enumerable(c, _) if count(c) <= 8

enumerable(c, sub) if {
	count(c) > 8
	every y in c {
		count(sub[y]) <= 1
	}
}

cycles := sort({cycle_of(c) | some c in components})

# components are the strongly connected components that hold a cycle: those with two or more
# members, and a service that depends on itself.
components := {object.keys(ms) | some _, ms in object.union_n([{c: {id: true}} | some id, c in cycle])} | {{id} |
	some id, ds in deps
	id in ds
	not cycle[id]
}

# cycle[id] names the strongly connected component of each service that is on a cycle with
# another service; services on no such cycle have no entry. rank orders every service so
# that a service ranks before everything it depends on outside its own cycle, and the
# members of a cycle share a rank: a topological order of the cycles.
#
# Comparing every service's dependency closure with every other's would cost the square of
# the services on a long chain (the old way: rank was the size of the closure), and Rego has
# no loops; so both are read off forward-backward splitting (Fleischer, Hendrickson and
# Pinar, 2000), with every part of the graph split at once in each round:
#
#   - the services are in parts that no cycle crosses; at first, one part;
#   - a service with no dependent inside its part ("0") or no dependency inside it ("5") is
#     on no cycle: it is placed first or last in its part;
#   - of the others, one pivot per part: what the pivot reaches inside its part (F) and what
#     reaches it (B) take one graph.reachable each, for all the parts together, since no
#     edge followed leaves a part. F ∩ B is the pivot's component ("2"); B − F ("1"), the
#     rest ("3") and F − B ("4") are the next round's parts. A cycle through two of them
#     would pass through the pivot; an edge between them only runs from B − F to the others
#     and from the rest to F − B, so the digits, appended to the part's label, order the
#     services topologically.
#
# Pivots are chosen by a hash of the id, so a part is split the way quicksort splits a list,
# whatever the naming: a chain of 10,000 services takes about 25 rounds, each a pass over
# the edges that are left, and a graph without long chains far fewer. Twenty rounds are
# spelled out (a rule cannot call itself); what is left after them, in parts that are small
# by then, is ordered service by service: by how many services each reaches in its part,
# itself included (a dependency outside a service's cycle reaches fewer).
cycle := object.union_n(array.concat(split_rounds.cyclic, [{id: min(c) |
	some id, r in left_reach
	c := r & graph.reachable(left.up, {id})
	count(c) > 1
}]))

rank := object.union_n(array.concat(split_rounds.placed, [{id: sprintf("%s%09d", [split_rounds.parts[id], count(ids) - count(r | {id})]) |
	some id, r in left_reach
}]))

left := inside(split_rounds.parts)

left_reach := {id: graph.reachable(left.down, {id}) | some id, _ in split_rounds.parts}

split_rounds := rounds4(rounds4(rounds4(rounds4(rounds4({"parts": {id: "" | some id in ids}, "placed": [], "cyclic": []})))))

rounds4(st) := split(split(split(split(st))))

# inside(parts) is the dependency graph (down) and its reverse (up) with only the edges
# between two services of the same part. The edges are lists, not sets: they are only
# counted and followed, and a set per service costs a table per service per round.
inside(parts) := {
	"down": {id: [d | some d in direct_deps[id]; parts[d] == p] | some id, p in parts},
	"up": {id: [d | some d in rev[id]; parts[d] == p] | some id, p in parts},
}

# split(st) is one round. st.parts maps each service not yet placed to its part's label;
# st.placed and st.cyclic collect, one object per round, the rank of each service placed
# and the pivot of each service found on a cycle.
split(st) := st if {
	count(st.parts) == 0
} else := {
	"parts": parts,
	"placed": array.concat(st.placed, [object.union(ends, {id: concat("", [st.parts[id], "2"]) | some id in scc})]),
	"cyclic": array.concat(st.cyclic, [object.union(others, {x: x | some x in others})]),
} if {
	# The same graph as inside(st.parts), built here: a function's value is kept for the whole
	# evaluation, and each round's graph is as large as what is left to split.
	g := {
		"down": {id: [d | some d in direct_deps[id]; st.parts[d] == p] | some id, p in st.parts},
		"up": {id: [d | some d in rev[id]; st.parts[d] == p] | some id, p in st.parts},
	}
	ends := object.union(
		{id: concat("", [p, "5"]) | some id, p in st.parts; count(g.down[id]) == 0},
		{id: concat("", [p, "0"]) | some id, p in st.parts; count(g.up[id]) == 0},
	)
	by_part := object.union_n([{p: {[pivot_order[id], id]: true}} | some id, p in st.parts; not ends[id]])
	pivot := {p: min(object.keys(ms))[1] | some p, ms in by_part}
	pivots := {x | some x in pivot}
	f := graph.reachable(g.down, pivots)
	b := graph.reachable(g.up, pivots)
	scc := f & b
	others := {id: pivot[st.parts[id]] | some id in scc; not id in pivots}
	parts := {id: concat("", [p, side[[id in f, id in b]]]) |
		some id, p in st.parts
		not ends[id]
		not id in scc
	}
}

# side labels a service's next part by where it stands to its part's pivot: above it, below
# it or neither.
side := {[false, true]: "1", [false, false]: "3", [true, false]: "4"}

# pivot_order ranks the services by a hash of their ids, for choosing pivots.
pivot_order := {id: crypto.md5(id) | some id in ids}

# --- the results ---

# singles maps [kind, id] to the outcome of every single failure domain; controls judge these
# whatever a simulation asked for.
singles := {key: outcome(dom) | some key, dom in single_domains}

kind_order := {"datacenter": 0, "building": 1, "power-feed": 2}

# judged maps [kind, id] to the single failures controls report on: those that lose at least
# one datacenter, each distinct set of lost datacenters once. A site alone on its substation
# is reported as the datacenter, not again as the feed; a substation or building that takes
# several sites down is reported as itself. same_loss[key] lists the failures folded into key.
judged := {key: singles[key] | some key, _ in judged_domains}

# judged_domains are the failure domains of judged, without their outcomes: a control that
# looks at a few services can find the failures that take them down (takes_down) and explain
# only those (outcome), instead of every lost service of every failure.
judged_domains := {key: dom |
	some key, dom in single_domains
	count(dom.datacenters) > 0
	[o, id, _] := min(same_datacenters[dom.datacenters])
	[o, id] == [kind_order[dom.kind], dom.id]
}

# takes_down(dcs, sid) holds when losing the datacenters dcs (a sorted array) takes service sid
# down. Whatever a loss takes down is broken in place by it or depends, directly or not, on a
# service that is (the report's links rest on the same fact), so this is read off the loss's
# summary and what sid depends on: a control asking about a few services in every failure
# domain need not build (and keep) each domain's lost set, as lost_by does.
takes_down(dcs, sid) if {
	some b in brief(dcs).broken
	b.service == sid
}

takes_down(dcs, sid) if {
	some b in brief(dcs).broken
	b.service in reach(sid)
}

# lost_by(dcs) is the set of services lost with the datacenters dcs (a sorted array).
lost_by(dcs) := set() if {
	every st in local_of(dcs) {
		st.state == "ok"
	}
} else := lost_in(local_of(dcs)).lost

# same_datacenters groups the single failure domains by the datacenters they lose, each as
# [kind_order, id, kind], so the first of a group is its min. Grouped in one pass, as rev is.
same_datacenters := {dcs: object.keys(group) | some dcs, group in object.union_n([{dom.datacenters: {[kind_order[k[0]], k[1], k[0]]: true}} |
	some k, dom in single_domains
])}

# same_loss[key] lists the other failures folded into the judged failure key; its keys are
# those of judged_domains, and it is undefined for a failure folded into another or one that
# takes no datacenter down. Those are not listed because the feeds that take no datacenter
# down all share one group, and listing it for each of them cost the square of their number.
same_loss := {key: sort({sprintf("%s %s", [m[2], m[1]]) |
	some m in same_datacenters[dom.datacenters]
	[m[2], m[1]] != key
}) |
	some key, dom in judged_domains
}

# report is audit.SiteLoss: every single failure domain in kind then id order, or the requested
# combination only, each with the services it breaks in place; the links that take other
# services down with them (dependents); and the dependency cycles. Its size grows with the
# services, the dependencies and the failure domains, not with their product.
report := {
	"failures": failures,
	"dependents": links(failures),
	"cycles": cycles,
} if {
	count(fail) == 0
	failures := [summary(single_domains[key]) | some key in sort(object.keys(single_domains))]
} else := {
	"failures": failures,
	"dependents": links(failures),
	"cycles": cycles,
} if {
	failures := [summary(combination)]
}

# explained is report with every lost service of every failure and its chain, as the controls
# see them (in judged); the tests read it to check the chains.
explained := {
	"failures": [outcome(single_domains[key]) | some key in sort(object.keys(single_domains))],
	"cycles": cycles,
} if {
	count(fail) == 0
} else := {
	"failures": [outcome(combination)],
	"cycles": cycles,
}
