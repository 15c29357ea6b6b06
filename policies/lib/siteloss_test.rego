package resilcheck.lib.siteloss_test

import data.resilcheck.lib.siteloss

run := {"as_of": "2026-11-22"}

dc(id, building, feeds) := {"id": id, "name": id, "operator": "op", "ownership": "own", "building": building, "powerFeeds": feeds}

active(d) := {"datacenter": d, "mode": "active"}

# Three sites: a and b share one building, b and c share one substation; d stands alone.
sites := [
	dc("a", "campus", ["sub-1"]),
	dc("b", "campus", ["sub-2"]),
	dc("c", "tower-c", ["sub-2"]),
	dc("d", "tower-d", ["sub-3", "sub-4"]),
]

manifest(svcs) := {"datacenters": sites, "services": svcs}

# outcome_of(m, kind, id) is the explained outcome of one failure domain: every lost service
# with its chain.
outcome_of(m, kind, id) := o if {
	some o in siteloss.explained.failures with input as m with data.resilcheck.run as run
	o.domain.kind == kind
	o.domain.id == id
}

lost_ids(o) := {u.service | some u in o.unavailable}

impact_of(o, sid) := u if {
	some u in o.unavailable
	u.service == sid
}

test_active_in_two_sites_survives_either if {
	m := manifest([{"id": "web", "name": "web", "deployments": [active("a"), active("d")]}])
	count(outcome_of(m, "datacenter", "a").unavailable) == 0
	count(outcome_of(m, "datacenter", "d").unavailable) == 0
	outcome_of(m, "datacenter", "a").surviving == ["web"]
}

test_only_active_in_one_site_is_lost_with_it if {
	m := manifest([{"id": "web", "name": "web", "deployments": [active("d")]}])
	u := impact_of(outcome_of(m, "datacenter", "d"), "web")
	u.reason == "no-surviving-deployment"
	u.chain == ["web", "only active in d"]
}

test_two_datacenters_in_one_building_are_lost_together if {
	m := manifest([{"id": "web", "name": "web", "deployments": [active("a"), active("b")]}])
	o := outcome_of(m, "building", "campus")
	o.domain.datacenters == ["a", "b"]
	impact_of(o, "web").reason == "no-surviving-deployment"
	count(outcome_of(m, "datacenter", "a").unavailable) == 0
}

test_one_datacenter_building_is_not_a_separate_domain if {
	m := manifest([{"id": "web", "name": "web", "deployments": [active("c")]}])
	not outcome_of(m, "building", "tower-c")
}

test_two_datacenters_on_one_substation_are_lost_together if {
	m := manifest([{"id": "web", "name": "web", "deployments": [active("b"), active("c")]}])
	o := outcome_of(m, "power-feed", "sub-2")
	o.domain.datacenters == ["b", "c"]
	impact_of(o, "web").chain == ["web", "only active in b, c"]
}

test_dual_fed_site_survives_one_substation if {
	m := manifest([{"id": "web", "name": "web", "deployments": [active("d")]}])
	o := outcome_of(m, "power-feed", "sub-3")
	o.domain.datacenters == []
	o.surviving == ["web"]
}

test_capacity_too_small_after_loss if {
	m := manifest([{"id": "web", "name": "web", "requiredCapacityPercent": 100, "deployments": [
		{"datacenter": "a", "mode": "active", "capacityPercent": 60},
		{"datacenter": "d", "mode": "active", "capacityPercent": 60},
	]}])
	u := impact_of(outcome_of(m, "datacenter", "a"), "web")
	u.reason == "insufficient-capacity"
	u.chain == ["web", "60% capacity left outside a, 100% required"]
}

test_lower_required_capacity_survives if {
	m := manifest([{"id": "web", "name": "web", "requiredCapacityPercent": 50, "deployments": [
		{"datacenter": "a", "mode": "active", "capacityPercent": 60},
		{"datacenter": "d", "mode": "active", "capacityPercent": 60},
	]}])
	count(outcome_of(m, "datacenter", "a").unavailable) == 0
}

test_dependency_on_lost_service_is_lost_with_chain if {
	m := manifest([
		{"id": "login", "name": "login", "deployments": [active("a")]},
		{"id": "api", "name": "api", "dependsOn": ["login"], "deployments": [active("a"), active("d")]},
		{"id": "talk", "name": "talk", "dependsOn": ["api"], "deployments": [active("d")]},
	])
	o := outcome_of(m, "datacenter", "a")
	lost_ids(o) == {"login", "api", "talk"}
	u := impact_of(o, "talk")
	u.reason == "dependency-lost"
	u.chain == ["talk", "api", "login", "only active in a"]
	u.detail == "depends on api, which is lost"
}

test_chain_follows_the_shortest_way_to_the_root if {
	# api depends on a deep path (mid -> login) and directly on login; the chain takes the
	# dependency that reaches fewest services.
	m := manifest([
		{"id": "login", "name": "login", "deployments": [active("a")]},
		{"id": "mid", "name": "mid", "dependsOn": ["login"], "deployments": [active("d")]},
		{"id": "api", "name": "api", "dependsOn": ["mid", "login"], "deployments": [active("d")]},
	])
	impact_of(outcome_of(m, "datacenter", "a"), "api").chain == ["api", "login", "only active in a"]
}

failover_manifest(tool_sites, recovery, standby) := manifest([
	{"id": "tool", "name": "tool", "coreFunction": "operations-tooling", "deployments": [active(d) | some d in tool_sites]},
	{
		"id": "talk", "name": "talk",
		"deployments": [active("a"), standby],
		"recovery": recovery,
	},
])

test_standby_unreachable_when_performer_is_lost if {
	m := failover_manifest(["a"], {"rtoMinutes": 60, "performedBy": "tool"}, {"datacenter": "d", "mode": "standby", "recoveryMinutes": 30})
	u := impact_of(outcome_of(m, "datacenter", "a"), "talk")
	u.reason == "standby-unreachable"
	u.chain == ["talk", "tool", "only active in a"]
}

test_standby_takes_over_when_performer_survives if {
	m := failover_manifest(["a", "d"], {"rtoMinutes": 60, "performedBy": "tool"}, {"datacenter": "d", "mode": "standby", "recoveryMinutes": 30})
	o := outcome_of(m, "datacenter", "a")
	count(o.unavailable) == 0
	o.notes == [{
		"service": "talk", "note": "survives by failover to d within the RTO of 60 min",
		"note_phrase": {"code": "failover-within-rto", "args": {"where": "d", "rto": "60"}},
	}]
}

test_standby_without_rto_survives_with_a_note if {
	m := failover_manifest(["a", "d"], {"performedBy": "tool"}, {"datacenter": "d", "mode": "standby"})
	o := outcome_of(m, "datacenter", "a")
	count(o.unavailable) == 0
	contains(o.notes[0].note, "no RTO is declared")
}

test_cold_standby_slower_than_rto if {
	m := failover_manifest(["a", "d"], {"rtoMinutes": 60, "performedBy": "tool"}, {"datacenter": "d", "mode": "cold", "recoveryMinutes": 240})
	u := impact_of(outcome_of(m, "datacenter", "a"), "talk")
	u.reason == "cold-standby-too-slow"
	u.chain == ["talk", "cold standby in d needs 240 min, RTO 60 min"]
}

test_cold_standby_without_recovery_time_is_too_slow if {
	m := failover_manifest(["a", "d"], {"rtoMinutes": 60}, {"datacenter": "d", "mode": "cold"})
	u := impact_of(outcome_of(m, "datacenter", "a"), "talk")
	u.reason == "cold-standby-too-slow"
	u.chain == ["talk", "cold standby in d has no declared recovery time"]
}

test_cold_standby_without_rto_is_too_slow if {
	m := failover_manifest(["a", "d"], {}, {"datacenter": "d", "mode": "cold", "recoveryMinutes": 30})
	impact_of(outcome_of(m, "datacenter", "a"), "talk").chain == ["talk", "cold standby in d but no RTO is declared"]
}

test_cold_standby_within_rto_survives if {
	m := failover_manifest(["a", "d"], {"rtoMinutes": 60}, {"datacenter": "d", "mode": "cold", "recoveryMinutes": 45})
	count(outcome_of(m, "datacenter", "a").unavailable) == 0
}

test_warm_standby_slower_than_rto if {
	m := failover_manifest(["a", "d"], {"rtoMinutes": 10}, {"datacenter": "d", "mode": "standby", "recoveryMinutes": 30})
	impact_of(outcome_of(m, "datacenter", "a"), "talk").reason == "standby-too-slow"
}

test_failover_deadlock_when_tooling_depends_on_the_service if {
	m := manifest([
		{"id": "tool", "name": "tool", "dependsOn": ["login"], "deployments": [active("a"), active("d")]},
		{"id": "login", "name": "login", "deployments": [active("a"), {"datacenter": "d", "mode": "standby"}], "recovery": {"performedBy": "tool"}},
	])
	o := outcome_of(m, "datacenter", "a")
	lost_ids(o) == {"login", "tool"}
	impact_of(o, "login").reason == "dependency-cycle"
	impact_of(o, "tool").chain == ["tool", "login", "failover needs tool, which depends on login"]
}

cyclic := manifest([
	{"id": "c", "name": "c", "dependsOn": ["a"], "deployments": [active("a"), active("d")]},
	{"id": "a", "name": "a", "dependsOn": ["b"], "deployments": [active("a"), active("d")]},
	{"id": "b", "name": "b", "dependsOn": ["c", "root"], "deployments": [active("a"), active("d")]},
	{"id": "root", "name": "root", "deployments": [active("a")]},
	{"id": "self", "name": "self", "dependsOn": ["self"], "deployments": [active("d")]},
])

test_cycles_reported_once_rotated_to_smallest_id if {
	r := siteloss.report with input as cyclic with data.resilcheck.run as run
	r.cycles == [["a", "b", "c"], ["self"]]
}

test_cycle_is_lost_through_its_exit_without_looping if {
	o := outcome_of(cyclic, "datacenter", "a")
	lost_ids(o) == {"a", "b", "c", "root"}
	impact_of(o, "b").chain == ["b", "root", "only active in a"]
	ua := impact_of(o, "a")
	ua.reason == "dependency-lost"
	ua.chain == ["a", "b", "root", "only active in a"]

	# c's only dependency (a) is not where the loss entered the cycle: the chain jumps to b.
	uc := impact_of(o, "c")
	uc.reason == "dependency-cycle"
	uc.chain == ["c", "b", "root", "only active in a"]
	uc.detail == "is in a dependency cycle with b, which is lost"
}

test_cycle_survives_when_nothing_in_it_is_lost if {
	o := outcome_of(cyclic, "datacenter", "d")
	{"a", "b", "c", "root"} == {x | some x in o.surviving}
	impact_of(o, "self").chain == ["self", "only active in d"]
}

test_combination_via_run_fail if {
	m := manifest([{"id": "web", "name": "web", "deployments": [active("a"), active("d")]}])
	r := siteloss.explained with input as m with data.resilcheck.run as {"as_of": "2026-11-22", "fail": ["d", "campus"]}
	count(r.failures) == 1
	o := r.failures[0]
	o.domain == {"kind": "combination", "id": "campus+d", "datacenters": ["a", "b", "d"]}
	o.unavailable[0].chain == ["web", "only active in a, d"]
}

test_combination_of_both_feeds_takes_a_dual_fed_site if {
	m := manifest([{"id": "web", "name": "web", "deployments": [active("d")]}])
	r := siteloss.report with input as m with data.resilcheck.run as {"as_of": "2026-11-22", "fail": ["sub-3", "sub-4", "nowhere"]}
	r.failures[0].domain.datacenters == ["d"]
	siteloss.unknown_fail == {"nowhere"} with input as m with data.resilcheck.run as {"as_of": "2026-11-22", "fail": ["sub-3", "nowhere"]}
}

test_failures_sorted_by_kind_then_id if {
	m := manifest([{"id": "web", "name": "web", "deployments": [active("d")]}])
	r := siteloss.report with input as m with data.resilcheck.run as run
	keys := [[o.domain.kind, o.domain.id] | some o in r.failures]
	keys == sort(keys)
	keys[0] == ["building", "campus"]
	count(keys) == 9
}

test_no_services_no_datacenters if {
	r := siteloss.report with input as {} with data.resilcheck.run as run
	r == {"failures": [], "dependents": [], "cycles": []}
}

test_judged_folds_a_lone_substation_into_its_datacenter if {
	m := manifest([{"id": "web", "name": "web", "deployments": [active("a")]}])
	keys := object.keys(siteloss.judged) with input as m with data.resilcheck.run as run
	keys == {["datacenter", "a"], ["datacenter", "b"], ["datacenter", "c"], ["datacenter", "d"], ["building", "campus"], ["power-feed", "sub-2"]}
	siteloss.same_loss[["datacenter", "a"]] == ["power-feed sub-1"] with input as m with data.resilcheck.run as run
}

test_standby_unreachable_when_the_performer_loses_a_dependency if {
	m := manifest([
		{"id": "sso", "name": "sso", "deployments": [active("a")]},
		{"id": "tool", "name": "tool", "dependsOn": ["sso"], "deployments": [active("a"), active("d")]},
		{"id": "talk", "name": "talk", "deployments": [active("a"), {"datacenter": "d", "mode": "standby"}], "recovery": {"performedBy": "tool"}},
	])
	u := impact_of(outcome_of(m, "datacenter", "a"), "talk")
	u.reason == "standby-unreachable"
	u.chain == ["talk", "tool", "sso", "only active in a"]
	u.detail == "the standby in d could take over, but its failover is performed by tool, which is lost"
}

test_service_untouched_by_the_loss_survives_even_without_redundancy if {
	m := manifest([{"id": "web", "name": "web", "deployments": [active("d")]}])
	o := outcome_of(m, "datacenter", "a")
	o.surviving == ["web"]
	o.unavailable == []
}

test_chain_text_elides_the_middle_of_deep_chains if {
	siteloss.chain_text(["a", "b", "c"]) == "a -> b -> c"
	siteloss.chain_text(["a", "b", "c", "d", "e", "f"]) == "a -> b -> c -> d -> e -> f"
	siteloss.chain_text(["a", "b", "c", "d", "e", "f", "g", "cause"]) == "a -> b -> c -> ... (3 more) ... -> g -> cause"
}

# x and y perform each other's failover and both are lost (x through its dependency c), so
# their chains run into that loop: t's chain is ordered from t, and every service on it takes
# the rest of t's chain, whatever order its own loop would give.
standby_in_d(id, deps, by) := {"id": id, "name": id, "dependsOn": deps, "deployments": [active("a"), {"datacenter": "d", "mode": "standby"}], "recovery": {"performedBy": by}}

test_chains_into_a_failover_loop_are_sliced_from_the_top if {
	m := manifest([
		{"id": "c", "name": "c", "deployments": [active("a")]},
		standby_in_d("x", ["c"], "y"),
		standby_in_d("y", [], "x"),
		{"id": "t", "name": "t", "dependsOn": ["y"], "deployments": [active("d")]},
	])
	o := outcome_of(m, "datacenter", "a")
	chains := {u.service: u.chain | some u in o.unavailable}
	chains == {
		"c": ["c", "only active in a"],
		"t": ["t", "x", "y", "failover needs x, which depends on y"],
		"x": ["x", "y", "failover needs x, which depends on y"],
		"y": ["y", "failover needs x, which depends on y"],
	}
}

# Every lost service broken in the lost site itself (the dependency is in the same site): each
# chain is the service and its own cause, whichever way trace answers it, and a dependent in
# another site still gets the chain through its dependency.
test_chains_when_every_lost_service_is_a_root if {
	m := manifest([
		{"id": "db", "name": "db", "deployments": [active("d")]},
		{"id": "api", "name": "api", "dependsOn": ["db"], "deployments": [active("d")]},
		{"id": "web", "name": "web", "dependsOn": ["api"], "deployments": [active("a")]},
	])
	o := outcome_of(m, "datacenter", "d")
	impact_of(o, "db").chain == ["db", "only active in d"]
	impact_of(o, "api").chain == ["api", "only active in d"]
	impact_of(o, "web").chain == ["web", "api", "only active in d"]
	a := outcome_of(m, "datacenter", "a")
	[u.chain | some u in a.unavailable] == [["web", "only active in a"]]
}

# --- cycles and ranks, against the definition ---

# dep_graph(edges) is a manifest of the services named in edges (id -> ids it depends on), each
# active in d, so that only the dependency analysis is under test.
dep_graph(edges) := {"datacenters": sites, "services": [{"id": id, "name": id, "dependsOn": ds, "deployments": [active("d")]} | some id, ds in edges]}

# agrees(m) holds when the cycles and ranks of m are what their definitions say, computed the
# slow way from every service's closure: two services share a cycle when each reaches the
# other; a dependency ranks after the service that depends on it, unless they share a cycle,
# and then they share the rank.
agrees(m) if {
	# One evaluation under one input gives all three: each `with` evaluates the analysis anew.
	r := [siteloss.direct_deps, siteloss.cycle, siteloss.rank] with input as m with data.resilcheck.run as run
	agrees_on(r[0], r[1], r[2])
}

agrees_on(g, cycle, rank) if {
	reach := {id: graph.reachable(g, ds) | some id, ds in g}
	{id: {x | some x in ra; id in reach[x]} | some id, ra in reach; id in ra} == {id: {x | some x, c in cycle; c == cycle[id]} | some id, _ in cycle}
	count(rank) == count(g)
	every a, ds in g {
		every b in ds {
			ordered(rank, reach, a, b)
		}
	}
}

ordered(rank, reach, a, b) if {
	a in reach[b]
	rank[a] == rank[b]
}

ordered(rank, reach, a, b) if {
	not a in reach[b]
	rank[a] < rank[b]
}

# ids(prefix, n) are n ids: prefix0 ... prefix(n-1).
ids(prefix, n) := [sprintf("%s%d", [prefix, i]) | some i in numbers.range(0, n - 1)]

test_a_long_chain_is_ranked_top_down if {
	chain := ids("c", 40)
	m := dep_graph({id: deps | some i, id in chain; deps := [chain[j] | some j in [i + 1]; j < 40]})
	agrees(m)
	r := siteloss.rank with input as m
	[r[id] | some id in chain] == sort([r[id] | some id in chain])
	siteloss.cycles == [] with input as m
}

test_cycles_inside_cycles_and_between_them if {
	# a ring of six with chords (its shortest cycle is the one reported), a ring of three
	# below it, a self-dependency and a chain through them all.
	m := dep_graph({
		"top": ["r0"],
		"r0": ["r1"], "r1": ["r2", "r4"], "r2": ["r3"], "r3": ["r4", "r0"], "r4": ["r5"], "r5": ["r0", "mid"],
		"mid": ["s0"], "s0": ["s1"], "s1": ["s2"], "s2": ["s0", "self"],
		"self": ["self", "bottom"], "bottom": [],
	})
	agrees(m)
	cs := siteloss.cycles with input as m
	cs == [["r0", "r1", "r4", "r5"], ["s0", "s1", "s2"], ["self"]]
}

test_fan_in_on_a_tangle_of_hubs if {
	hubs := ids("h", 6)
	m := dep_graph(object.union(
		{id: [hubs[(i + k) % 6] | some k in [0, 2, 3]] | some i, id in ids("svc", 40)},
		{"h0": ["h1"], "h1": ["h2"], "h2": ["h0", "h3"], "h3": ["h4"], "h4": ["h5"], "h5": []},
	))
	agrees(m)
	siteloss.cycles == [["h0", "h1", "h2"]] with input as m
}

# Twenty-four disconnected parts, each a pair of services depending on each other, and one
# part of two cycles with a service between them: the parts all start in one part and a round
# of splitting finds one component per part it splits, so twenty rounds leave some for the
# exact pass, and x, on no cycle, must still rank between its cycles.
test_many_disconnected_cycles_beyond_the_spelled_out_rounds if {
	m := dep_graph(object.union_n(array.concat(
		[{sprintf("u%02d", [i]): [sprintf("v%02d", [i])], sprintf("v%02d", [i]): [sprintf("u%02d", [i])]} | some i in numbers.range(0, 23)],
		[{"a": ["b", "x"], "b": ["a"], "x": ["c"], "c": ["d"], "d": ["c", "e"], "e": []}],
	)))
	r := [siteloss.split_rounds.parts, siteloss.direct_deps, siteloss.cycle, siteloss.rank, siteloss.cycles] with input as m
	count(r[0]) > 0
	agrees_on(r[1], r[2], r[3])
	count(r[4]) == 26
}

test_no_dependencies_no_cycles if {
	m := dep_graph({"x": [], "y": [], "z": ["x"]})
	agrees(m)
	siteloss.cycle == {} with input as m
}

# --- which lost dependency a chain follows ---

test_chain_takes_a_dependency_broken_in_the_site_first if {
	# top depends on front, broken in a itself, and on back, lost through base below it
	# (front also depends on back): the chain stops at front.
	m := manifest([
		{"id": "base", "name": "base", "deployments": [active("a")]},
		{"id": "back", "name": "back", "dependsOn": ["base"], "deployments": [active("d")]},
		{"id": "front", "name": "front", "dependsOn": ["back"], "deployments": [active("a")]},
		{"id": "top", "name": "top", "dependsOn": ["back", "front"], "deployments": [active("d")]},
	])
	impact_of(outcome_of(m, "datacenter", "a"), "top").chain == ["top", "front", "only active in a"]
}

test_chain_takes_the_deepest_of_several_lost_dependencies if {
	# x depends on h1 and h2 of a stack h1 -> h2 -> h3 -> base, lost with base: the chain
	# goes through h2, the one further down.
	m := manifest([
		{"id": "base", "name": "base", "deployments": [active("a")]},
		{"id": "h3", "name": "h3", "dependsOn": ["base"], "deployments": [active("d")]},
		{"id": "h2", "name": "h2", "dependsOn": ["h3"], "deployments": [active("d")]},
		{"id": "h1", "name": "h1", "dependsOn": ["h2"], "deployments": [active("d")]},
		{"id": "x", "name": "x", "dependsOn": ["h1", "h2"], "deployments": [active("d")]},
	])
	impact_of(outcome_of(m, "datacenter", "a"), "x").chain == ["x", "h2", "h3", "base", "only active in a"]
}

# A lost chain longer than 64 is put in order by rank rather than by graph.reachable_paths;
# with a failover link in it, the ranks need not follow the path, which is then found the
# slow way. Both give the path itself.
long_chain(n, bottom) := [svc |
	some i in numbers.range(0, n - 1)
	svc := object.union(
		{"id": sprintf("c%02d", [i]), "name": "c", "deployments": [active("d")], "dependsOn": [sprintf("c%02d", [i + 1]) | i + 1 < n]},
		object.get({n - 1: bottom}, i, {}),
	)
]

test_a_long_lost_chain_is_followed_to_its_root if {
	m := manifest(long_chain(70, {"deployments": [active("a")]}))
	o := outcome_of(m, "datacenter", "a")
	count(o.unavailable) == 70
	impact_of(o, "c00").chain == array.concat([sprintf("c%02d", [i]) | some i in numbers.range(0, 69)], ["only active in a"])
	impact_of(o, "c60").chain == array.concat([sprintf("c%02d", [i]) | some i in numbers.range(60, 69)], ["only active in a"])
}

test_a_long_lost_chain_through_failover_tooling if {
	bottom := {"deployments": [active("a"), {"datacenter": "d", "mode": "standby"}], "recovery": {"performedBy": "tool"}}
	m := manifest(array.concat(long_chain(70, bottom), [
		{"id": "tool", "name": "tool", "dependsOn": ["sso"], "deployments": [active("d")]},
		{"id": "sso", "name": "sso", "deployments": [active("a")]},
	]))
	o := outcome_of(m, "datacenter", "a")
	count(o.unavailable) == 72
	impact_of(o, "c00").chain == array.concat([sprintf("c%02d", [i]) | some i in numbers.range(0, 69)], ["tool", "sso", "only active in a"])
	impact_of(o, "c69").reason == "standby-unreachable"
}

# --- the report: broken in place per failure, dependency links once ---

report_of(m) := r if {
	r := siteloss.report with input as m with data.resilcheck.run as run
}

summary_of(r, kind, id) := f if {
	some f in r.failures
	f.domain.kind == kind
	f.domain.id == id
}

# Every failure that loses datacenter a: a itself, its building and its lone substation. The
# services that depend on a service of a below run in c and d, which no single failure loses
# together, so they are never broken in place.
with_a := ["building campus", "datacenter a", "power-feed sub-1"]

test_report_chain_is_one_root_and_a_link_per_edge if {
	r := report_of(manifest([
		{"id": "base", "name": "base", "deployments": [active("a")]},
		{"id": "mid", "name": "mid", "dependsOn": ["base"], "deployments": [active("c"), active("d")]},
		{"id": "top", "name": "top", "dependsOn": ["mid"], "deployments": [active("c"), active("d")]},
	]))
	f := summary_of(r, "datacenter", "a")
	f.broken == [{
		"service": "base", "reason": "no-surviving-deployment",
		"detail": "every deployment is in the lost datacenter(s) a",
		"detail_phrase": {"code": "all-deployments-lost", "args": {"where": "a"}},
		"cause": "only active in a",
		"cause_phrase": {"code": "only-active-in", "args": {"where": "a"}},
	}]
	[f.lost, f.surviving] == [3, 0]
	r.dependents == [
		{"service": "mid", "via": "base", "lost_with": with_a},
		{"service": "top", "via": "mid", "lost_with": []},
	]
	summary_of(r, "datacenter", "d").broken == []
	[summary_of(r, "datacenter", "b").lost, summary_of(r, "datacenter", "b").surviving] == [0, 3]
	not "surviving" in object.keys(r.dependents[0])
}

test_report_diamond_links_each_edge_once if {
	r := report_of(manifest([
		{"id": "base", "name": "base", "deployments": [active("a")]},
		{"id": "left", "name": "left", "dependsOn": ["base"], "deployments": [active("d")]},
		{"id": "right", "name": "right", "dependsOn": ["base"], "deployments": [active("d")]},
		{"id": "top", "name": "top", "dependsOn": ["left", "right"], "deployments": [active("d")]},
	]))
	summary_of(r, "datacenter", "a").lost == 4
	[[l.service, l.via] | some l in r.dependents] == [["left", "base"], ["right", "base"], ["top", "left"], ["top", "right"]]
}

test_report_cycle_is_a_loop_of_links if {
	r := report_of(manifest([
		{"id": "root", "name": "root", "deployments": [active("a")]},
		{"id": "x", "name": "x", "dependsOn": ["y"], "deployments": [active("c"), active("d")]},
		{"id": "y", "name": "y", "dependsOn": ["x", "root"], "deployments": [active("c"), active("d")]},
	]))
	summary_of(r, "datacenter", "a").lost == 3
	r.dependents == [
		{"service": "x", "via": "y", "lost_with": []},
		{"service": "y", "via": "root", "lost_with": with_a},
		{"service": "y", "via": "x", "lost_with": []},
	]
	r.cycles == [["x", "y"]]
}

test_report_a_service_lost_in_two_domains_is_linked_once if {
	# login runs only in c, which is lost alone or with b on their shared substation; web,
	# active in a and d, goes down with it either way.
	r := report_of(manifest([
		{"id": "login", "name": "login", "deployments": [active("c")]},
		{"id": "web", "name": "web", "dependsOn": ["login"], "deployments": [active("a"), active("d")]},
	]))
	r.dependents == [{"service": "web", "via": "login", "lost_with": ["datacenter c", "power-feed sub-2"]}]
	summary_of(r, "datacenter", "c").lost == 2
	summary_of(r, "power-feed", "sub-2").lost == 2
	summary_of(r, "datacenter", "a").lost == 0
	summary_of(r, "datacenter", "a").broken == []
}

test_report_standby_unreachable_goes_on_via_its_tooling if {
	r := report_of(manifest([
		{"id": "tool", "name": "tool", "deployments": [active("a")]},
		{"id": "svc", "name": "svc", "recovery": {"performedBy": "tool", "rtoMinutes": 30}, "deployments": [active("a"), {"datacenter": "d", "mode": "standby", "recoveryMinutes": 10}]},
	]))
	f := summary_of(r, "datacenter", "a")
	f.broken[0] == {
		"service": "svc", "reason": "standby-unreachable",
		"detail": "the standby in d could take over, but its failover is performed by tool, which is lost",
		"detail_phrase": {"code": "failover-tooling-lost", "args": {"takeover": "d", "tooling": "tool"}},
		"via": "tool",
	}
	f.broken[1].service == "tool"
	f.lost == 2
	r.dependents == []
}

test_report_of_a_fail_combination if {
	m := manifest([
		{"id": "web", "name": "web", "deployments": [active("a"), active("d")]},
		{"id": "app", "name": "app", "dependsOn": ["web"], "deployments": [active("c")]},
	])
	r := siteloss.report with input as m with data.resilcheck.run as {"as_of": "2026-11-22", "fail": ["d", "a"]}
	count(r.failures) == 1
	r.failures[0].domain == {"kind": "combination", "id": "a+d", "datacenters": ["a", "d"]}
	r.failures[0].broken[0].cause == "only active in a, d"
	[r.failures[0].lost, r.failures[0].surviving] == [2, 0]
	r.dependents == [{"service": "app", "via": "web", "lost_with": ["combination a+d"]}]
}

# The report's counts agree with the explained outcome, failure by failure.
test_report_counts_agree_with_the_explained_chains if {
	r := report_of(cyclic)
	e := siteloss.explained with input as cyclic with data.resilcheck.run as run
	every i, f in r.failures {
		f.lost == count(e.failures[i].unavailable)
		f.surviving == count(e.failures[i].surviving)
	}
}

# Every phrase code the analysis produces has English words of its own: a code that fell
# through english() would leave the report's detail, cause or note undefined.
test_every_phrase_has_english_and_korean if {
	codes := {
		"only-active-in": {"where": "a"}, "only-deployed-in": {"where": "a"},
		"all-deployments-lost": {"where": "a"},
		"capacity-left": {"left": "50", "where": "a", "required": "100"},
		"capacity-short": {"left": "50", "where": "a", "required": "100"},
		"standby-too-slow": {"where": "a"},
		"standby-needs": {"mode": "cold", "datacenter": "a", "minutes": "90", "rto": "60"},
		"cold-no-recovery-time": {"datacenter": "a"}, "cold-no-rto": {"datacenter": "a"},
		"failover-no-rto": {"where": "a"}, "failover-within-rto": {"where": "a", "rto": "60"},
		"failover-depends-on-service": {"tooling": "t", "service": "s"},
		"failover-tooling-lost": {"takeover": "a", "tooling": "t"},
		"dependency-lost": {"via": "v"}, "dependency-cycle-with": {"via": "v"},
		"failover-needs-dependent": {"tooling": "t", "service": "s"},
		"failover-loop": {}, "failover-needs-lost": {"tooling": "t"},
		"lost-through-dependencies": {},
	}
	every code, args in codes {
		siteloss.english(siteloss.phrase(code, args)) != ""
		siteloss.korean(siteloss.phrase(code, args)) != ""
	}

	# korean() falls back to English, so the codes it words (the causes a control's Korean
	# message ends a chain with) are held to words of their own.
	every code in {
		"only-active-in", "only-deployed-in", "capacity-left", "standby-needs",
		"cold-no-recovery-time", "cold-no-rto", "failover-needs-dependent", "failover-loop",
		"failover-needs-lost", "lost-through-dependencies",
	} {
		siteloss.korean(siteloss.phrase(code, codes[code])) != siteloss.english(siteloss.phrase(code, codes[code]))
	}
	siteloss.korean(siteloss.phrase("standby-needs", codes["standby-needs"])) == "콜드 대기 시스템(a)의 전환에 90분 필요, RTO 60분"
	siteloss.english(siteloss.phrase("capacity-left", codes["capacity-left"])) == "50% capacity left outside a, 100% required"
}

# --- what a loss takes down, asked without its lost set ---

deadlock := manifest([
	{"id": "tool", "name": "tool", "dependsOn": ["login"], "deployments": [active("a"), active("d")]},
	{"id": "login", "name": "login", "deployments": [active("a"), {"datacenter": "d", "mode": "standby"}], "recovery": {"performedBy": "tool"}},
	{"id": "app", "name": "app", "dependsOn": ["login"], "deployments": [active("c"), active("d")]},
])

tooling_chain := manifest(array.concat(long_chain(5, {"deployments": [active("a"), {"datacenter": "d", "mode": "standby"}], "recovery": {"performedBy": "tool"}}), [
	{"id": "tool", "name": "tool", "dependsOn": ["sso"], "deployments": [active("d")]},
	{"id": "sso", "name": "sso", "deployments": [active("a")]},
]))

# takes_down(dcs, sid) holds for exactly the members of lost_by(dcs), in every judged failure:
# through dependencies, cycles, failover tooling lost with the site or through its own
# dependencies, and deadlocked failovers.
takes_down_matches_lost_by if {
	every _, dom in siteloss.judged_domains {
		{sid | some sid in siteloss.ids; siteloss.takes_down(dom.datacenters, sid)} == siteloss.lost_by(dom.datacenters)
	}
}

test_takes_down_matches_the_lost_sets if {
	every m in [cyclic, deadlock, tooling_chain] {
		takes_down_matches_lost_by with input as m with data.resilcheck.run as run
		lost := siteloss.lost_by(["a"]) with input as m with data.resilcheck.run as run
		count(lost) > 1
	}
}

# The report's counts (lost_count, which keeps no lost set) agree with the explained outcome
# where failover tooling is lost too, and where a failover deadlocks.
test_report_counts_agree_where_tooling_is_lost if {
	every m in [deadlock, tooling_chain] {
		r := report_of(m)
		e := siteloss.explained with input as m with data.resilcheck.run as run
		every i, f in r.failures {
			f.lost == count(e.failures[i].unavailable)
			f.surviving == count(e.failures[i].surviving)
		}
	}
	summary_of(report_of(tooling_chain), "datacenter", "a").lost == 7
	summary_of(report_of(deadlock), "datacenter", "a").lost == 3
}
