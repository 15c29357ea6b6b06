package resilcheck.controls.cl_contract_end_test

import data.resilcheck.controls.cl_contract_end

run := {"as_of": "2026-11-22"}

provider := {"name": "Example Cloud", "categories": ["cloud"], "origin": "domestic"}

all_contents := ["end-datetime", "return-right", "destruction", "return-method", "contact"]

# Ends on 2026-07-31: the 30 days before it, the end date not counted, are Jul 30 back to
# Jul 1, so the user must be told by Jun 30 (KST).
good := {
	"id": "c1",
	"endsOn": "2026-07-31",
	"noticeAt": "2026-06-30T23:59:00+09:00",
	"contents": all_contents,
	"channels": ["email"],
	"returnedOn": "2026-07-30",
	"destroyedOn": "2026-08-01",
}

manifest(terms) := {"provider": provider, "cloud": {"contractTerminations": terms}}

violations_on(terms, as_of) := vs if {
	vs := cl_contract_end.violations with input as manifest(terms) with data.resilcheck.run as {"as_of": as_of}
}

violations(terms) := violations_on(terms, run.as_of)

test_everything_on_time_passes if {
	cl_contract_end.applies with input as manifest([good]) with data.resilcheck.run as run
	count(violations([good])) == 0
}

test_bound_provider_without_terminations_passes if {
	cl_contract_end.applies with input as {"provider": provider} with data.resilcheck.run as run
	vs := cl_contract_end.violations with input as {"provider": provider} with data.resilcheck.run as run
	count(vs) == 0
}

test_notice_on_the_31st_day_before_passes_on_the_30th_is_one_day_late if {
	late := object.union(good, {"noticeAt": "2026-07-01T00:00:00+09:00"})
	vs := violations([late])
	count(vs) == 1
	some v in vs
	v.pointer == "/cloud/contractTerminations/0/noticeAt"
	v.evidence.notice_due == "2026-06-30"
	v.evidence.notice_days == 30
	v.evidence.days_late == 1
	contains(v.msg, "30 days before 2026-07-31, not counting the end date: by 2026-06-30")
	contains(v.msg_ko, "불산입 30일 전")
}

test_notice_day_is_the_korean_date if {
	# 15:00 UTC on Jun 30 is 00:00 on Jul 1 in Korea: one day late.
	vs := violations([object.union(good, {"noticeAt": "2026-06-30T15:00:00Z"})])
	some v in vs
	v.evidence.days_late == 1
	count(violations([object.union(good, {"noticeAt": "2026-06-30T14:59:00Z"})])) == 0
}

test_missing_notice_fails_once_the_day_has_passed if {
	unnoticed := object.remove(good, {"noticeAt"})
	count([v | some v in violations_on([unnoticed], "2026-06-30"); v.evidence.notice_due]) == 0
	vs := violations_on([unnoticed], "2026-07-01")
	count(vs) == 1
	some v in vs
	v.pointer == "/cloud/contractTerminations/0"
	v.evidence.as_of == "2026-07-01"
}

test_notice_dated_after_the_audit_date_is_not_seen if {
	vs := violations_on([good], "2026-06-15")
	count(vs) == 0
	future := object.union(good, {"noticeAt": "2026-06-30T10:00:00+09:00"})
	some v in violations_on([object.union(future, {"endsOn": "2026-07-10"})], "2026-06-20")
	v.evidence.notice_due == "2026-06-09"
	not v.evidence.noticed_on
}

test_each_missing_content_fails_by_name if {
	t := object.union(good, {"contents": ["end-datetime", "return-right", "contact"]})
	vs := violations([t])
	count(vs) == 2
	{v.evidence.missing_content | some v in vs} == {"destruction", "return-method"}
	some v in vs
	v.pointer == "/cloud/contractTerminations/0/contents"
}

test_undeclared_channels_fail if {
	vs := violations([object.remove(good, {"channels"})])
	count(vs) == 1
	some v in vs
	v.pointer == "/cloud/contractTerminations/0"
	count(violations([object.union(good, {"channels": ["other"]})])) == 0
}

test_return_on_the_end_date_is_one_day_late if {
	vs := violations([object.union(good, {"returnedOn": "2026-07-31"})])
	count(vs) == 1
	some v in vs
	v.pointer == "/cloud/contractTerminations/0/returnedOn"
	v.evidence.return_due == "2026-07-30"
	v.evidence.days_late == 1
}

test_missing_return_fails_from_the_end_date if {
	kept := object.remove(good, {"returnedOn", "destroyedOn"})
	count(violations_on([kept], "2026-07-30")) == 0
	vs := violations_on([kept], "2026-07-31")
	count(vs) == 1
	some v in vs
	v.evidence.return_due == "2026-07-30"
	v.pointer == "/cloud/contractTerminations/0"
}

test_missing_destruction_fails_from_the_day_after_the_end if {
	kept := object.remove(good, {"destroyedOn"})
	count(violations_on([kept], "2026-07-31")) == 0
	vs := violations_on([kept], "2026-08-01")
	count(vs) == 1
	some v in vs
	contains(v.msg, "has not been destroyed")
	contains(v.msg, "interpretation")
}

test_destroyed_before_returned_fails if {
	vs := violations([object.union(good, {"returnedOn": "2026-07-20", "destroyedOn": "2026-07-19"})])
	count(vs) == 1
	some v in vs
	v.pointer == "/cloud/contractTerminations/0/destroyedOn"
	v.evidence.destroyed_on == "2026-07-19"
	count(violations([object.union(good, {"returnedOn": "2026-07-20", "destroyedOn": "2026-07-20"})])) == 0
}

test_contract_override_passes_with_evidence if {
	t := {"id": "c2", "endsOn": "2026-07-31", "contractOverride": true}
	count(violations([t])) == 0
	os := cl_contract_end.notes with input as manifest([t]) with data.resilcheck.run as run
	some o in os
	o.evidence.label == "interpretation"
	o.pointer == "/cloud/contractTerminations/0/contractOverride"
	contains(o.msg, "Cloud Act Art. 27(5)")
}

reason_on(m, as_of) := r if {
	r := cl_contract_end.reason with input as m with data.resilcheck.run as {"as_of": as_of}
}

test_day_before_the_cloud_act_is_not_in_force_with_reason if {
	not cl_contract_end.applies with input as manifest([]) with data.resilcheck.run as {"as_of": "2015-09-27"}
	reason_on(manifest([]), "2015-09-27").en == "not in force on 2015-09-27 (in force from 2015-09-28)"
	cl_contract_end.applies with input as manifest([]) with data.resilcheck.run as {"as_of": "2015-09-28"}
}

test_notice_due_before_the_act_is_not_owed_but_the_return_is if {
	t := {"id": "early", "endsOn": "2015-10-10"}
	vs := violations_on([t], "2015-11-01")
	{v.pointer | some v in vs} == {"/cloud/contractTerminations/0"}
	count(vs) == 2
	not_notice := [v | some v in vs; v.evidence.notice_due]
	count(not_notice) == 0
}

test_not_applicable_without_a_cloud_service_with_reason if {
	m := {"provider": object.union(provider, {"categories": ["value-added"]})}
	not cl_contract_end.applies with input as m with data.resilcheck.run as run
	contains(reason_on(m, run.as_of).en, "no cloud category or cloud service declared")
}

# Nothing done: the notice, the return and the destruction all point at the termination and
# are told apart by their keys.
test_findings_are_keyed_by_obligation if {
	bare := object.remove(good, {"noticeAt", "contents", "channels", "returnedOn", "destroyedOn"})
	{[v.key, v.pointer] | some v in violations([bare])} == {
		["notice", "/cloud/contractTerminations/0"],
		["return", "/cloud/contractTerminations/0"],
		["destruction", "/cloud/contractTerminations/0"],
	}
	late := object.union(good, {"noticeAt": "2026-07-01T09:00:00+09:00", "contents": ["end-datetime"], "channels": ["press"], "returnedOn": "2026-08-02", "destroyedOn": "2026-08-01"})
	{v.key | some v in violations([late])} == {
		"notice:late", "contents:return-right", "contents:destruction", "contents:return-method",
		"contents:contact", "channels", "return:late", "destruction:before-return",
	}
}
