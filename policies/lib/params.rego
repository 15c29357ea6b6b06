# METADATA
# title: Effective-dated parameters
# description: |
#   Looks up a regulatory number as it stood on a given instant. Defaults live in
#   data.resilcheck.params (policies/data/params.rego); a run may override any of them through
#   data.resilcheck.overrides (the -d/--data file), which wins on every date.
package resilcheck.lib.params

import data.resilcheck.lib.time

# at(name, t) is the value of parameter name in force at instant t (ns): the entry with the
# latest `from` date not after t's Korean date. An override replaces the whole history.
# An override is taken whatever its value (false included): binding it is the presence test,
# so one rule body decides, instead of a look-up and a separate has_override scan.
at(name, t) := v if {
	v := data.resilcheck.overrides[name]
} else := in_force(name, t).value

# now(name) is the value in force on the audit date. Most parameters have never been amended:
# unifying the table entry with a one-element array is the whole look-up, with no count and no
# second function call; an amended parameter (or one not yet in force) takes in_force_on.
now(name) := v if {
	v := data.resilcheck.overrides[name]
} else := v if {
	[e] := data.resilcheck.params.table[name]
	e.from <= time.as_of
	v := e.value
} else := in_force_on(name, time.as_of).value

# in_force(name, t) is the whole parameter entry in force at instant t (value, from, basis,
# label). An entry holds from the start of its `from` date in Korea, so t is compared with
# that instant: day_start_ns is cached per date (a handful of distinct ones), where rendering
# t's own Korean date would cost a sprintf per look-up.
in_force(name, t) := e if {
	[e] := data.resilcheck.params.table[name]
	t >= time.day_start_ns(e.from)
} else := entries[i] if {
	entries := data.resilcheck.params.table[name]
	count(entries) > 1
	latest := max({e.from | some e in entries; t >= time.day_start_ns(e.from)})
	some i, e in entries
	e.from == latest
}

# in_force_on(name, d) is the entry in force on the Korean date d (YYYY-MM-DD). Dates in
# that form order as strings do, so no date is parsed: look-ups run on every parameter use
# of every manifest, and parsing dates dominated them.
in_force_on(name, d) := entries[0] if {
	# Most parameters have never been amended: one entry, nothing to compare.
	entries := data.resilcheck.params.table[name]
	count(entries) == 1
	entries[0].from <= d
} else := entries[i] if {
	entries := data.resilcheck.params.table[name]
	latest := max({e.from | some e in entries; e.from <= d})
	some i, e in entries
	e.from == latest
}

# Refers to data.resilcheck.overrides alone: naming data.resilcheck would make every rule
# under it a dependency of every parameter look-up.
has_override(name) if {
	some key, _ in data.resilcheck.overrides
	key == name
}
