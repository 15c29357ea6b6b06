# METADATA
# title: Effective-dated parameters
# description: |
#   Looks up a regulatory number as it stood on a given instant. Defaults live in
#   data.resilcheck.params (policies/data/params.rego); a run may override any of them through
#   data.resilcheck.overrides (the -d/--data file), which wins on every date.
package resilcheck.lib.params

import data.resilcheck.lib.time

# at(name, t) is the value of parameter name in force at instant t (ns): the entry with the
# latest `from` date not after t. An override replaces the whole history.
at(name, _) := data.resilcheck.overrides[name]

at(name, t) := entry.value if {
	not has_override(name)
	entry := in_force(name, t)
}

# now(name) is the value in force on the audit date.
now(name) := at(name, time.as_of_ns)

# in_force(name, t) is the whole parameter entry in force at t (value, from, basis, label).
in_force(name, t) := data.resilcheck.params.table[name][i] if {
	starts := [s |
		some e in data.resilcheck.params.table[name]
		s := time.day_start_ns(e.from)
		s <= t
	]
	latest := max(starts)
	some i, e in data.resilcheck.params.table[name]
	time.day_start_ns(e.from) == latest
}

# Refers to data.resilcheck.overrides alone: naming data.resilcheck would make every rule
# under it a dependency of every parameter look-up.
has_override(name) if {
	some key, _ in data.resilcheck.overrides
	key == name
}
