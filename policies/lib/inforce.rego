# METADATA
# title: When a duty binds whom
# description: |
#   A control lists the periods its duty is in force (REGULATIONS.md "Time model"):
#   [{"from", "until"?, "parties"?, "label", "citation", "citation_ko", "basis"}], the same
#   list as its METADATA custom.in_force (a Go test holds the two equal). A period binds the
#   parties it names (party ids of lib.scope); one without parties binds whoever the control
#   itself selects. A period with "verifiable": false is a stretch where the duty existed but
#   its wording is not in the statute texts: it binds no one and says so.
#   A standing duty is judged with binds(periods, as_of); an incident duty with
#   binds(periods, the Korean date the incident started).
package resilcheck.lib.inforce

import data.resilcheck.lib.scope

# open(p, d): period p covers the Korean date d (YYYY-MM-DD compare as strings do).
open(p, d) if {
	object.get(p, "from", "") <= d
	not p.until
} else if {
	object.get(p, "from", "") <= d
	d < p.until
}

# live(periods, d) are the verifiable periods covering d.
live(periods, d) := [p | some p in periods; open(p, d); not p.verifiable == false]

# binds(periods, d): some verifiable period covers d and binds a party bound on d. It is
# asked of every control on the audit date and on each incident's date, so it tries the
# periods as it goes rather than collecting them first as live does.
binds(periods, d) if {
	some p in periods
	not p.verifiable == false
	open(p, d)
	party_bound(p, d)
}

# party_bound(p, d): period p names no parties, or one of them is bound on d. One else
# chain: the first branch that holds ends the look-up.
party_bound(p, d) if {
	not p.parties
} else if {
	bound := scope.parties_at[d]
	some x in p.parties
	x in bound
} else if {
	not scope.parties_at[d]
	some x in p.parties
	scope.bound(x, d)
}

# period_on(periods, d) is the period in force on d (the latest-starting one when several
# cover d, e.g. a duty extended to more parties): its citation and label are the ones printed.
period_on(periods, d) := ps[count(ps) - 1] if {
	ps := sort_by_from(live(periods, d))
	count(ps) > 0
}

sort_by_from(ps) := [ps[i] | some k in sort({[object.get(q, "from", ""), j] | some j, q in ps}); i := k[1]]

# first_from(periods) is the earliest date a verifiable period starts.
first_from(periods) := min({p.from | some p in periods; not p.verifiable == false})

# why_not(periods, d) is {"en", "ko"}: why the duty does not bind on d: not in force yet (or
# any more), not verifiable then, or, for each party a period in force names, the failed
# scope test with its numbers. Undefined when the duty binds.
why_not(periods, d) := r if {
	not binds(periods, d)
	r := reason(periods, d, count(live(periods, d)) == 0)
}

# reason(periods, d, none_live): none_live says no verifiable period covers d (computed once
# by the caller: each branch below would otherwise rebuild the list).
reason(periods, d, true) := {
	"en": sprintf("not verifiable on %s: the wording before %s is not in the statute texts", [d, p.until]),
	"ko": sprintf("%s 기준 판단 불가: %s 이전 조문은 법령 원문에 없습니다", [d, p.until]),
} if {
	some p in periods
	p.verifiable == false
	open(p, d)
	concerns(p)
} else := parties_reason(periods, d) if {
	count(named_parties(periods)) > 0
	not first_date_is_ours(periods)
} else := {
	"en": sprintf("not in force on %s (in force from %s)", [d, first_from(periods)]),
	"ko": sprintf("%s에는 시행 전입니다(%s 시행)", [d, first_from(periods)]),
} if {
	d < first_from(periods)
} else := {
	"en": sprintf("not in force on %s (in force %s until %s)", [d, first_from(periods), last_until(periods)]),
	"ko": sprintf("%s에는 효력이 없습니다(%s부터 %s까지 시행)", [d, first_from(periods), last_until(periods)]),
}

# first_date_is_ours(periods): the provider is of the kind of some party the duty names, and
# the duty's first date is that party's first date for each of them: then "not in force on D
# (in force from X)" is the whole truth for this provider. Otherwise (a value-added provider
# and a duty that reached carriers first, a provider of no named kind) each party says why.
first_date_is_ours(periods) if {
	ours := {x | some x in named_parties(periods); scope.of_kind(x)}
	count(ours) > 0
	every x in ours {
		party_first_from(periods, x) == first_from(periods)
	}
}

party_first_from(periods, x) := min({p.from | some p in periods; not p.verifiable == false; x in object.get(p, "parties", [])})

# named_parties are the parties any verifiable period names.
named_parties(periods) := {x | some p in periods; not p.verifiable == false; some x in p.parties}

# parties_reason(periods, d) says, for each party the duty names, why it does not bind this
# provider on d: its own test failed (with the numbers), or the duty reaches that party only
# from a later date.
parties_reason(periods, d) := {"en": concat("; ", [r.en | some r in rs]), "ko": concat("; ", [r.ko | some r in rs])} if {
	rs := [party_reason(periods, x, d) | some x in sort(named_parties(periods))]
}

party_reason(periods, x, d) := later_branch(x, f) if {
	scope.bound(x, d)
	f := min({p.from | some p in periods; not p.verifiable == false; x in object.get(p, "parties", []); d < p.from})
} else := scope.why_not_on(x, d) if {
	not scope.bound(x, d)
} else := {
	"en": sprintf("%s: not in force on %s", [scope.party_titles[x].en, d]),
	"ko": sprintf("%s: %s에는 효력이 없습니다", [scope.party_titles[x].ko, d]),
}

reason(periods, d, false) := {"en": concat("; ", [r.en | some r in rs]), "ko": concat("; ", [r.ko | some r in rs])} if {
	rs := array.concat(
		[scope.why_not_on(x, d) | some x in sort(in_force_parties(periods, d))],
		[later_branch(x, f) | some [x, f] in sort(later_parties(periods, d))],
	)
}

# concerns(p): an unverifiable period p is about this provider: it names no parties, or the
# provider is of the kind of one it names (numbers aside: the wording, thresholds included,
# is what is unknown then). A value-added provider is not told a carrier-only stretch is
# unverifiable.
concerns(p) if not p.parties

concerns(p) if {
	some x in p.parties
	scope.of_kind(x)
}

last_until(periods) := max({p.until | some p in periods; p.until})

# in_force_parties are the parties a period covering d names.
in_force_parties(periods, d) := {x |
	some p in live(periods, d)
	some x in p.parties
}

# later_parties are the parties the duty reaches only from a later date, with that date.
later_parties(periods, d) := {[x, f] |
	some p in periods
	not p.verifiable == false
	d < p.from
	some x in p.parties
	not x in in_force_parties(periods, d)
	f := min({q.from | some q in periods; not q.verifiable == false; x in object.get(q, "parties", []); d < q.from})
}

later_branch(x, f) := {
	"en": sprintf("%s: not in force until %s", [scope.party_titles[x].en, f]),
	"ko": sprintf("%s: %s부터 시행", [scope.party_titles[x].ko, f]),
}

# citation_on(periods, d) is the citation of the period in force on d.
citation_on(periods, d) := {"en": p.citation, "ko": object.get(p, "citation_ko", p.citation), "label": p.label} if {
	p := period_on(periods, d)
}
