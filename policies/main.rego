# METADATA
# title: Portable entry point for plain OPA and conftest
# description: |
#   Judges the input with every control under data.resilcheck.controls, for people who run
#   the bundle with `opa eval` or `conftest test` instead of the resilcheck CLI. The CLI does
#   not evaluate this package: it queries the controls directly and reads their metadata.
#   The run context must be supplied as data.resilcheck.run ({"as_of": "YYYY-MM-DD"}), e.g.
#   `opa eval -d policies -d run.json -i manifest.json data.resilcheck.main.summary`.
package resilcheck.main

# controls are the control packages: those that decide `applies`. Loading a directory with
# `opa` or conftest also loads the _test.rego packages, which are not controls; naming the
# rule first keeps them from being evaluated at all (iterating the whole tree would run every
# unit test on every input).
controls[name] := data.resilcheck.controls[name] if {
	_ := data.resilcheck.controls[name].applies
	not endswith(name, "_test")
}

# status_of(pkg) is the verdict, computed exactly as the CLI does: a control that does not
# apply is not_applicable; one that applies fails when it has violations.
status_of(pkg) := "not_applicable" if not object.get(pkg, "applies", false) == true

status_of(pkg) := "fail" if {
	object.get(pkg, "applies", false) == true
	count(object.get(pkg, "violations", set())) > 0
}

status_of(pkg) := "pass" if {
	object.get(pkg, "applies", false) == true
	count(object.get(pkg, "violations", set())) == 0
}

# results has one entry per control package: whether it applies, its status, when it
# applies its violations, and when it does not the reason (a duty not in force on the audit
# date, a party not bound, with the numbers), as the CLI reports it.
results[name] := object.union(
	{
		"applies": applies,
		"status": status_of(pkg),
		"violations": violations,
	},
	reason_of(pkg, applies),
) if {
	some name, pkg in controls
	applies := object.get(pkg, "applies", false) == true
	violations := [v | applies; some v in object.get(pkg, "violations", set())]
}

reason_of(pkg, applies) := {"reason": pkg.reason} if {
	applies == false
	pkg.reason
} else := {}

# message(v) reads a violation's text: the contract's {"msg": ...} object, or a bare string.
message(v) := v.msg if is_object(v)

message(v) := v if is_string(v)

# deny is conftest's failure rule: one message per violation, prefixed with the control
# package that raised it, and the JSON pointer when there is one.
deny contains msg if {
	some name, r in results
	some v in r.violations
	msg := sprintf("%s: %s%s", [name, message(v), at(v)])
}

at(v) := sprintf(" (at %s)", [v.pointer]) if {
	is_object(v)
	v.pointer != ""
}

at(v) := "" if not is_object(v)

at(v) := "" if {
	is_object(v)
	object.get(v, "pointer", "") == ""
}

# warn tells conftest users that date-dependent duties cannot be judged without a run date.
warn contains "data.resilcheck.run.as_of is not set: deadlines cannot be judged (pass --data run.json with {\"resilcheck\": {\"run\": {\"as_of\": \"YYYY-MM-DD\"}}})" if {
	not data.resilcheck.run.as_of
}

# summary counts results by status, like the CLI report's summary.
summary := {s: n |
	some s in ["pass", "fail", "not_applicable"]
	n := count([name | some name, r in results; r.status == s])
}
