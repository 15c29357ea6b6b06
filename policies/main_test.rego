package resilcheck.main_test

import data.resilcheck.main

run := {"as_of": "2026-11-22"}

major := {
	"name": "Example",
	"categories": ["value-added"],
	"origin": "domestic",
	"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 10000000},
}

late_officer := {"provider": major, "governance": {"officer": {"appointed": true, "appointedOn": "2025-01-01", "ministryNotifiedOn": "2025-02-01"}}}

test_failing_control_is_reported if {
	r := main.results.dm_officer with input as late_officer with data.resilcheck.run as run
	r.status == "fail"
	r.applies == true
	some v in r.violations
	v.pointer == "/governance/officer/ministryNotifiedOn"
}

test_deny_prefixes_package_and_pointer if {
	some msg in main.deny with input as late_officer with data.resilcheck.run as run
	startswith(msg, "dm_officer: the ministry was notified on 2025-02-01")
	endswith(msg, "(at /governance/officer/ministryNotifiedOn)")
}

test_passing_control_has_no_denial if {
	m := {"provider": major, "governance": {"officer": {"appointed": true, "role": "department-head", "appointedOn": "2025-01-01", "ministryNotifiedOn": "2025-01-31"}}}
	main.results.dm_officer.status == "pass" with input as m with data.resilcheck.run as run
	denials := {msg | some msg in main.deny; startswith(msg, "dm_officer:")} with input as m with data.resilcheck.run as run
	count(denials) == 0
}

test_small_provider_not_applicable_and_silent if {
	small := {"provider": object.union(major, {"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 10}})}
	r := main.results.dm_officer with input as small with data.resilcheck.run as run
	r.status == "not_applicable"
	r.violations == []

	# Plain OPA users see why, as the CLI's reports do.
	contains(r.reason.en, "dailyAverageUsers 10 < 10,000,000")
}

test_test_packages_are_not_controls if {
	names := {name | some name, _ in main.results} with input as late_officer with data.resilcheck.run as run
	every name in names {
		not endswith(name, "_test")
	}
	"dm_officer" in names
}

test_summary_counts_every_control if {
	s := main.summary with input as late_officer with data.resilcheck.run as run
	n := count(main.results) with input as late_officer with data.resilcheck.run as run
	(s.pass + s.fail) + s.not_applicable == n
	s.fail >= 1
}

test_warns_without_run_date if {
	count(main.warn) == 1 with input as late_officer
}

test_no_warning_with_run_date if {
	count(main.warn) == 0 with input as late_officer with data.resilcheck.run as run
}

test_bare_string_violation_message if {
	main.message("plain") == "plain"
	main.at("plain") == ""
	main.message({"msg": "m", "pointer": "/a"}) == "m"
	main.at({"msg": "m", "pointer": "/a"}) == " (at /a)"
	main.at({"msg": "m"}) == ""
}
