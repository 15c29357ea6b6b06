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
#   Every lost service carries the chain of lost dependencies down to the root cause.
#
#   Cost: the dependency closure of each service is computed once per manifest; each failure
#   domain then classifies only the services deployed in the lost datacenters and finds every
#   lost service with one graph.reachable over the reversed dependency graph.
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
} else := {id: services[i] |
	some id in ids
	i := min([j | some j, s in services; s.id == id])
}

# svc_index is the position of each service in input.services, for JSON pointers.
svc_index := {s.id: i | some i, s in services} if {
	count(ids) == count(services)
} else := {id: min([j | some j, s in services; s.id == id]) | some id in ids}

dc := {d.id: d | some d in datacenters} if {
	count(dc_ids) == count(datacenters)
} else := {id: datacenters[i] |
	some id in dc_ids
	i := min([j | some j, d in datacenters; d.id == id])
}

# deps is the dependency graph over declared services. Undeclared ids are ignored here (the
# reference check reports them); a self-dependency is kept so it shows up as a cycle.
deps := {id: {d | some d in object.get(s, "dependsOn", []); d in ids} | some id, s in svc}

# direct_deps leaves out self-edges: a service is never its own lost dependency.
direct_deps := {id: others | some id, ds in deps; others := ds - {id}}

dep_edges := [[d, id] | some id, ds in direct_deps; some d in ds]

# rev is the reversed dependency graph: a lost service takes down everything in rev[id].
rev := {id: tos |
	some id in ids
	tos := {to | [id, to] = dep_edges[_]}
}

# closure[id] is every service id reaches through its dependencies (itself only via a cycle).
closure := {id: graph.reachable(deps, ds) | some id, ds in deps}

# rank[id] is well-founded along dependencies: a dependency outside id's cycle reaches strictly
# fewer services, so following the smallest-rank lost dependency always ends at a root cause.
rank := {id: count(reach) | some id, c in closure; reach := c | {id}}

in_cycle contains id if {
	some id in ids
	id in closure[id]
}

# scc[id] is the strongly connected component (the tangle of cycles) id belongs to.
scc[id] := {y | some y in closure[id]; id in closure[y]} if some id in in_cycle

# performer[id] is the service that performs id's failover, when it is a declared service.
performer[id] := p if {
	some id, s in svc
	p := s.recovery.performedBy
	p in ids
	p != id
}

# services_in[d] lists the services with a deployment in datacenter d: the only ones a loss
# of d needs to look at before following dependencies.
services_in := {d: sids |
	some d in dc_ids
	sids := {s.id | some s in services; some dep in s.deployments; dep.datacenter == d}
}

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

# sole_feed lists [datacenter, feed] for each datacenter with a single feed: the only sites
# that one lost feed takes down.
sole_feed := [[pair[0], f] | some pair in dc_feeds; count(pair[1]) == 1; some f in pair[1]]

single_domains[[kind, id]] := dom if {
	some id in dc_ids
	kind := "datacenter"
	dom := {"kind": kind, "id": id, "datacenters": [id]}
}

single_domains[[kind, id]] := dom if {
	some id in feeds
	kind := "power-feed"
	alone := {d | [d, id] = sole_feed[_]}
	lost := sort(alone)
	dom := {"kind": kind, "id": id, "datacenters": lost}
}

single_domains[[kind, id]] := dom if {
	some id in buildings
	kind := "building"
	inside := {datacenters[i].id | datacenters[i].building == id}
	lost := sort(inside)
	count(lost) > 1
	dom := {"kind": kind, "id": id, "datacenters": lost}
}

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
	"cause": sprintf("only %s in %s", [deployed_word(s), where(s.deployments)]),
	"detail": sprintf("every deployment is in the lost datacenter(s) %s", [where(s.deployments)]),
} if {
	count(surviving) == 0
} else := {
	"state": "broken",
	"reason": "insufficient-capacity",
	"cause": sprintf("%v%% capacity left outside %s, %v%% required", [total, where(lost_deps), required(s)]),
	"detail": sprintf("the deployments outside %s carry %v%% of the load even after failover; %v%% is required", [where(lost_deps), total, required(s)]),
} if {
	total := active + sum([capacity(d) | some d in surviving; d.mode in {"standby", "cold"}])
	total < required(s)
	lost_deps := [d | some d in s.deployments; d.datacenter in lost]
} else := {
	"state": "broken",
	"reason": slow_reason(slow),
	"cause": slow_cause(s, slow[0]),
	"detail": sprintf("the surviving %s cannot take over within the RTO", [where(slow)]),
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

slow_cause(s, d) := sprintf("%s standby in %s needs %v min, RTO %v min", [d.mode, d.datacenter, d.recoveryMinutes, rto(s)]) if {
	d.recoveryMinutes
	rto(s)
} else := sprintf("cold standby in %s has no declared recovery time", [d.datacenter]) if {
	not d.recoveryMinutes
} else := sprintf("cold standby in %s but no RTO is declared", [d.datacenter])

failover_note(s, takeover) := sprintf("survives by failover to %s; no RTO is declared, so the failover time is not judged", [where(takeover)]) if {
	not rto(s)
} else := sprintf("survives by failover to %s within the RTO of %v min", [where(takeover), rto(s)])

# --- one failure domain ---

# outcome(dom) is the FailureOutcome of audit.SiteLoss for one failure domain. Domains that
# lose the same datacenters (a site alone on its substation, say) share one analysis: loss is
# a function of the lost datacenters only, and OPA caches a function per argument value.
outcome(dom) := object.union(loss(dom.datacenters), {"domain": dom})

# loss(dcs) is what losing the datacenters dcs (a sorted array) takes down.
loss(dcs) := judge(lost_dcs, local) if {
	lost_dcs := {d | some d in dcs}
	local := {sid: classify(svc[sid], lost_dcs) | some d in dcs; some sid in services_in[d]}
}

# unscathed is the outcome of a loss that breaks no service and makes none fail over: most
# domains of a redundant provider, and every domain that holds no deployment.
unscathed := {"unavailable": [], "surviving": sort(ids), "notes": []}

# judge(lost_dcs, local) follows dependencies and failover tooling from the services the
# lost datacenters touched (local: their own classification) to everything that is lost.
judge(lost_dcs, local) := unscathed if {
	every st in local {
		st.state == "ok"
	}
} else := {
	"unavailable": [impacts[sid] | some sid in sort(lost)],
	"surviving": sort(ids - lost),
	"notes": [{"service": sid, "note": local[sid].note} | some sid in sort(object.keys(failover) - lost)],
} if {
	broken := {sid | some sid, st in local; st.state == "broken"}
	failover := {sid: object.get(performer, sid, null) | some sid, st in local; st.state == "failover"}

	# A failover whose tooling depends on the very service it must bring back is a deadlock:
	# the tooling cannot work until the service is up, and the service waits for the tooling.
	deadlocked := {sid |
		some sid, p in failover
		p != null
		not p in broken
		sid in closure[p]
	}
	roots := broken | deadlocked
	needs := {p: edges |
		some p in {q | some q in failover; q != null}
		edges := rev[p] | {sid | some sid, q in failover; q == p; not sid in deadlocked}
	}
	lost := graph.reachable(object.union(rev, needs), roots)
	[via, chains] := trace(lost, roots, failover)
	impacts := {sid: impact(sid, local, via, chains[sid], lost_dcs) | some sid in lost}
}

# trace(lost, roots, failover) is [via, chains]: the lost neighbour each lost service that is
# not a root follows, and each lost service's chain down to its root cause. When every lost
# service is a root (broken in the lost datacenters themselves, or deadlocked) there is
# nothing to follow and each chain is the service alone: the usual loss of a site that
# services do not back each other up from, answered without building the forest.
trace(lost, roots, failover) := [{}, {sid: [sid] | some sid in lost}] if {
	lost == roots
} else := [via, chains(via, lost, roots)] if {
	via := {sid: v |
		some sid in lost
		not sid in roots
		v := pick_via(sid, lost, roots, failover)
	}
}

# chains(via, lost, roots) maps each lost service to its chain. When every service that follows
# another follows a root (services that lose their failover tooling or a dependency broken in
# the lost site, the usual shape), each chain is the service and its root. Otherwise the chains
# are read off the forest below; only services caught in a loop of failovers have no top, and
# theirs are ordered one by one.
chains(via, lost, roots) := object.union({r: [r] | some r in roots}, {sid: [sid, v.to] | some sid, v in via}) if {
	count(via) + count(roots) == count(lost)
	every v in via {
		v.to in roots
	}
} else := object.union(sliced, {sid: ordered_chain(sid, vg) | some sid in lost; not at[sid]}) if {
	vg := object.union({r: [] | some r in roots}, {sid: [v.to] | some sid, v in via})

	# vg is a forest (one edge per node): what a service reaches in it is its chain, ordered
	# by each member's own reach (its height above the root). Chains share their tails, so
	# only the chain of each top (a lost service no other one follows) is ordered; every
	# service on it takes the slice from its own position, at the cost of a copy.
	followed := {v.to | some v in via}
	tops := sort(lost - followed)
	paths := {t: chain_from(t, vg, roots) | some t in tops}
	at := object.union_n([{n: [t, i] | some i, n in paths[t]} | some t in tops])
	sliced := {sid: array.slice(p, ti[1], count(p)) | some sid, ti in at; p := paths[ti[0]]}
}

# chain_from(t, vg, roots) is t's chain. When the one path from t ends at a root, each member
# reaches exactly the rest of the path, so the path is already in order of height; a path that
# runs into a loop of failovers (members of equal height) is ordered by ordered_chain.
chain_from(t, vg, roots) := p if {
	some p in graph.reachable_paths(vg, {t})
	p[count(p) - 1] in roots
} else := ordered_chain(t, vg)

# ordered_chain(sid, vg) orders what sid reaches by height, highest first, then by id.
ordered_chain(sid, vg) := [n |
	some pair in sort([[0 - count(graph.reachable(vg, {m})), m] | some m in graph.reachable(vg, {sid})])
	n := pair[1]
]

# pick_via(sid, ...) is the one lost neighbour sid's chain follows: its failover tooling first
# (that is why a standby elsewhere did not help), then its lowest-ranked lost dependency, and
# inside a cycle the member where the loss entered it.
pick_via(sid, lost, roots, failover) := {"reason": "standby-unreachable", "to": failover[sid]} if {
	failover[sid] in lost
} else := {"reason": "dependency-lost", "to": y} if {
	lower := [[rank[y], y] | some y in direct_deps[sid]; y in lost; rank[y] < rank[sid]]
	count(lower) > 0
	y := min(lower)[1]
} else := {"reason": "dependency-lost", "to": z} if {
	z := min({z |
		some z in direct_deps[sid]
		z in lost
		cycle_exit(z, lost, roots, failover)
	})
} else := {"reason": "dependency-cycle", "to": z} if {
	z := min({z |
		some z in scc[sid]
		z != sid
		z in lost
		cycle_exit(z, lost, roots, failover)
	})
}

cycle_exit(z, _, roots, _) if z in roots

cycle_exit(z, lost, _, failover) if failover[z] in lost

cycle_exit(z, lost, _, _) if {
	some y in direct_deps[z]
	y in lost
	rank[y] < rank[z]
}

# impact is one unavailable service. A service broken in the lost datacenters is its own root
# cause (its chain is itself), the commonest case: its classification says it all, without
# the explain and root_cause calls the others need.
impact(sid, local, via, path, lost_dcs) := {
	"service": sid,
	"reason": st.reason,
	"chain": [sid, st.cause],
	"detail": st.detail,
} if {
	st := local[sid]
	st.state == "broken"
	path == [sid]
} else := {
	"service": sid,
	"reason": reason,
	"chain": array.concat(path, [root_cause(path[count(path) - 1], local, lost_dcs)]),
	"detail": detail,
} if {
	[reason, detail] := explain(sid, local, via)
}

explain(sid, local, via) := [local[sid].reason, local[sid].detail] if {
	local[sid].state == "broken"
} else := ["dependency-cycle", sprintf("its failover is performed by %s, which itself depends on %s", [performer[sid], sid])] if {
	local[sid].state == "failover"
	not via[sid]
} else := ["standby-unreachable", sprintf("the standby in %s could take over, but its failover is performed by %s, which is lost", [local[sid].takeover, v.to])] if {
	v := via[sid]
	v.reason == "standby-unreachable"
} else := ["dependency-lost", sprintf("depends on %s, which is lost", [v.to])] if {
	v := via[sid]
	v.reason == "dependency-lost"
} else := ["dependency-cycle", sprintf("is in a dependency cycle with %s, which is lost", [v.to])] if {
	v := via[sid]
}

root_cause(root, local, _) := local[root].cause if {
	local[root].state == "broken"
} else := sprintf("failover needs %s, which depends on %s", [performer[root], root]) if {
	local[root].state == "failover"
} else := "lost in a failover loop"

# chain_text(chain) is a chain for a message: whole when short, else its first three and last
# two links around a count of the rest, so a deep chain stays readable (evidence keeps it all).
chain_text(chain) := concat(" -> ", chain) if {
	count(chain) <= 6
} else := sprintf("%s -> ... (%d more) ... -> %s", [
	concat(" -> ", array.slice(chain, 0, 3)),
	count(chain) - 5,
	concat(" -> ", array.slice(chain, count(chain) - 2, count(chain))),
])

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

cycles := sort({cycle_of(scc[id]) | some id in in_cycle})

# --- the results ---

# singles maps [kind, id] to the outcome of every single failure domain; controls judge these
# whatever a simulation asked for.
singles[key] := outcome(dom) if some key, dom in single_domains

kind_order := {"datacenter": 0, "building": 1, "power-feed": 2}

# judged maps [kind, id] to the single failures controls report on: those that lose at least
# one datacenter, each distinct set of lost datacenters once. A site alone on its substation
# is reported as the datacenter, not again as the feed; a substation or building that takes
# several sites down is reported as itself. same_loss[key] lists the failures folded into key.
judged[key] := singles[key] if {
	some key, dom in single_domains
	count(dom.datacenters) > 0
	[o, id, _] := min(same_datacenters[dom.datacenters])
	[o, id] == [kind_order[dom.kind], dom.id]
}

# same_datacenters groups the single failure domains by the datacenters they lose, each as
# [kind_order, id, kind], so the first of a group is its min.
same_datacenters := {dcs: group |
	some dcs in {dom.datacenters | some dom in single_domains}
	group := {[kind_order[k[0]], k[1], k[0]] | single_domains[k].datacenters == dcs}
}

same_loss[key] := sort({sprintf("%s %s", [m[2], m[1]]) |
	some m in same_datacenters[dom.datacenters]
	[m[2], m[1]] != key
}) if some key, dom in single_domains

# report is audit.SiteLoss: every single failure domain in kind then id order, or the requested
# combination only.
report := {
	"failures": [singles[key] | some key in sort(object.keys(single_domains))],
	"cycles": cycles,
} if {
	count(fail) == 0
} else := {
	"failures": [outcome(combination)],
	"cycles": cycles,
}
