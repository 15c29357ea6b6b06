# METADATA
# title: Governance helpers
# description: |
#   Shared logic for the paper duties that come round every year (disaster management plans,
#   facility grades, service-stability reports) and for pointing at the nearest part of a
#   manifest that exists when a required record is missing, so reports can still show a
#   file position.
package resilcheck.lib.governance

import data.resilcheck.lib.params
import data.resilcheck.lib.time

# pointer(path) is the RFC 6901 JSON pointer of a path of object keys and array indexes:
# each segment preceded by a slash, so the empty path is the empty pointer.
pointer(path) := concat("/", array.concat([""], [escape(seg) | some seg in path]))

# Only keys need escaping, and few keys hold "~" or "/": strings.replace_n (and replace)
# build a replacement table on every call, and a pointer is made for every violation.
escape(seg) := sprintf("%v", [seg]) if {
	not is_string(seg)
} else := seg if {
	not contains(seg, "~")
	not contains(seg, "/")
} else := strings.replace_n({"~": "~0", "/": "~1"}, seg)

# nearest_pointer(path) is the pointer of the longest prefix of path present in the input:
# the missing field's parent, or its grandparent when the parent is missing too. A prefix is
# present only when every shorter one is, so counting the present prefixes finds it; the
# path itself and its parent, by far the usual answers, are tried first.
nearest_pointer(path) := pointer(path) if {
	object.get(input, path, null) != null
} else := pointer(parent) if {
	parent := array.slice(path, 0, count(path) - 1)
	object.get(input, parent, null) != null
} else := pointer(array.slice(path, 0, n)) if {
	n := count([i |
		some i in numbers.range(1, count(path))
		object.get(input, array.slice(path, 0, i), null) != null
	])
}

# service_pointer(i, s, rel) is nearest_pointer(array.concat(["services", i], rel)) for the
# service s declared at input.services[i], where rel is one or two plain keys (no "~" or "/"):
# the service itself is always there, so only rel is looked up, inside s, and the pointer is
# one sprintf. Controls about a service's missing field make one per violation, and the
# general helper (a walk from the root and a function call per segment) cost several times
# more. Undefined for a longer rel, which the general helper serves.
service_pointer(i, s, rel) := sprintf("/services/%d/%s", [i, concat("/", rel)]) if {
	count(rel) <= 2
	object.get(s, rel, null) != null
} else := sprintf("/services/%d/%s", [i, rel[0]]) if {
	count(rel) == 2
	object.get(s, rel[0], null) != null
} else := sprintf("/services/%d", [i]) if {
	count(rel) <= 2
}

# passed(due) holds when the deadline "by due" (a Korean date) had passed on the audit date.
# On the due date itself the duty can still be met, so it has not passed. Dates are
# zero-padded YYYY-MM-DD, so comparing the strings compares the days without parsing them.
passed(due) if due < time.as_of

# happened(date) holds when a declared date is not after the audit date: records dated later
# describe a future the audit must not see, so a replayed audit gives the same verdict.
happened(date) if date <= time.as_of

# param_basis(name, t) says where the value of a parameter in force at t comes from.
param_basis(name, t) := "run override (data.resilcheck.overrides)" if {
	params.has_override(name)
} else := params.in_force(name, t).basis

# annual_findings(subs, dues) judges yearly submissions (the manifest's `submission` shape)
# against dues, an object from year to its due date (YYYY-MM-DD). A year is judged by its
# earliest submission made by the audit date. Each finding is one of
#   {"kind": "missing", "year", "due", "index"?}: due date passed with nothing submitted;
#     index is that of an entry for the year without `submittedOn`, if one is declared;
#   {"kind": "late", "year", "due", "on", "index", "days_late"};
#   {"kind": "no_evidence", "year", "due", "on", "index"}: no submission for the year on file
#     names its evidence.
annual_findings(subs, dues) := (missing_findings(subs, dues, done) | late_findings(dues, done)) | no_evidence_findings(subs, dues, done) if {
	done := submitted(subs)
}

# submitted(subs) maps each year to the index and date of its earliest submission made by
# the audit date.
submitted(subs) := {y: {"index": i, "on": d} |
	some y in {s.year | some s in subs; happened(s.submittedOn)}
	d := min({s.submittedOn | some s in subs; s.year == y; happened(s.submittedOn)})
	i := min({j | some j, s in subs; s.year == y; s.submittedOn == d})
}

missing_findings(subs, dues, done) := {f |
	some y, due in dues
	passed(due)
	not done[y]
	f := object.union({"kind": "missing", "year": y, "due": due}, unsubmitted_entry(subs, y))
}

# unsubmitted_entry(subs, y) points a missing submission at the entry declared for it, if any.
unsubmitted_entry(subs, y) := {"index": i} if {
	i := min({j | some j, s in subs; s.year == y; not happened_submission(s)})
} else := {}

happened_submission(s) if happened(s.submittedOn)

# missing_pointer(path, f) is the JSON pointer of a "missing" finding about the submissions at
# path: the entry declared for the year, if any, else the nearest part of path present.
missing_pointer(path, f) := pointer(array.concat(path, [f.index])) if f.index

missing_pointer(path, f) := nearest_pointer(path) if not f.index

late_findings(dues, done) := {f |
	some y, sub in done
	due := dues[y]
	sub.on > due
	days := time.days_between(due, sub.on)
	f := {"kind": "late", "year": y, "due": due, "on": sub.on, "index": sub.index, "days_late": days}
}

no_evidence_findings(subs, dues, done) := {f |
	some y, sub in done
	due := dues[y]
	not has_evidence(subs, y)
	f := {"kind": "no_evidence", "year": y, "due": due, "on": sub.on, "index": sub.index}
}

has_evidence(subs, y) if {
	some s in subs
	s.year == y
	happened(s.submittedOn)
	trim_space(object.get(s, "evidence", "")) != ""
}

# dated(subs) are the declared submissions, each with submittedOn: one declaring only
# submittedAt (an instant with its UTC offset) counts on that instant's Korean date; when both
# are given the validator holds them equal, and submittedOn is used.
dated(subs) := [with_date(r) | some r in subs]

with_date(r) := r if {
	r.submittedOn
} else := object.union(r, {"submittedOn": time.kst_date_string(time.ns(r.submittedAt))}) if {
	r.submittedAt
} else := r

# dated_field(path, i) is the field that dates submission i at path, for pointers.
dated_field(path, i) := "submittedOn" if {
	object.get(input, array.concat(path, [i, "submittedOn"]), false)
} else := "submittedAt"

# declared_years(subs, first) are the years the manifest declares submissions for, from the
# first year the duty bound onwards.
declared_years(subs, first) := {s.year | some s in subs; s.year >= first}

# critical_services maps the index of each service declared critical to the service; the
# resilience guidance controls judge these.
critical_services := {i: s |
	some i, s in object.get(input, "services", [])
	s.critical == true
}

# has_critical_service decides whether the guidance controls apply: guidance is for every
# provider with a critical service, whatever its legal scope.
default has_critical_service := false

has_critical_service if count(critical_services) > 0
