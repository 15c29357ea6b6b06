package resilcheck.controls.cl_shutdown_test

import data.resilcheck.controls.cl_shutdown

run := {"as_of": "2026-11-22"}

provider := {"name": "Example Cloud", "categories": ["cloud"], "origin": "domestic"}

all_contents := ["what-and-why", "end-date", "return-right", "destruction", "return-method", "contact"]

# Ends on 2026-09-30: the 30 days before it, the end date not counted, are Sep 29 back to
# Aug 31, so users must be told by Aug 30 (KST).
good := {
	"scope": "part",
	"endsOn": "2026-09-30",
	"noticeAt": "2026-08-30T18:00:00+09:00",
	"postedUntil": "2026-09-30",
	"contents": all_contents,
	"returnedOn": "2026-09-29",
	"destroyedOn": "2026-10-05",
}

manifest(bt) := {"provider": provider, "cloud": {"businessTermination": bt}}

violations_on(bt, as_of) := vs if {
	vs := cl_shutdown.violations with input as manifest(bt) with data.resilcheck.run as {"as_of": as_of}
}

violations(bt) := violations_on(bt, run.as_of)

test_everything_on_time_passes if {
	cl_shutdown.applies with input as manifest(good) with data.resilcheck.run as run
	count(violations(good)) == 0
}

test_bound_provider_without_a_business_end_passes if {
	cl_shutdown.applies with input as {"provider": provider} with data.resilcheck.run as run
	vs := cl_shutdown.violations with input as {"provider": provider} with data.resilcheck.run as run
	count(vs) == 0
}

test_notice_on_the_31st_day_before_passes_on_the_30th_is_one_day_late if {
	vs := violations(object.union(good, {"noticeAt": "2026-08-31T09:00:00+09:00"}))
	count(vs) == 1
	some v in vs
	v.pointer == "/cloud/businessTermination/noticeAt"
	v.evidence.notice_due == "2026-08-30"
	v.evidence.days_late == 1
	v.evidence.scope == "part"
	contains(v.msg, "30 days before the end date 2026-09-30, not counting it: by 2026-08-30")
}

test_missing_notice_fails_once_the_day_has_passed if {
	unnoticed := object.remove(good, {"noticeAt", "postedUntil", "returnedOn", "destroyedOn"})
	count(violations_on(unnoticed, "2026-08-30")) == 0
	vs := violations_on(unnoticed, "2026-08-31")
	count(vs) == 2
	{v.pointer | some v in vs} == {"/cloud/businessTermination"}
	some v in vs
	v.evidence.as_of == "2026-08-31"
}

test_each_missing_content_fails_by_name if {
	vs := violations(object.union(good, {"contents": ["end-date", "return-right", "destruction", "return-method"]}))
	count(vs) == 2
	{v.evidence.missing_content | some v in vs} == {"what-and-why", "contact"}
	some v in vs
	v.pointer == "/cloud/businessTermination/contents"
}

test_posting_until_the_end_date_passes_a_day_short_fails if {
	vs := violations(object.union(good, {"postedUntil": "2026-09-29"}))
	count(vs) == 1
	some v in vs
	v.pointer == "/cloud/businessTermination/postedUntil"
	v.evidence.posted_until == "2026-09-29"
}

test_posting_still_up_before_the_end_is_not_judged_yet if {
	count(violations_on(object.union(good, {"postedUntil": "2026-09-30"}), "2026-09-10")) == 0
}

test_return_on_the_end_date_is_one_day_late if {
	vs := violations(object.union(good, {"returnedOn": "2026-09-30"}))
	count(vs) == 1
	some v in vs
	v.pointer == "/cloud/businessTermination/returnedOn"
	v.evidence.return_due == "2026-09-29"
	v.evidence.days_late == 1
}

test_missing_return_fails_from_the_end_date if {
	kept := object.remove(good, {"returnedOn", "destroyedOn"})
	count(violations_on(kept, "2026-09-29")) == 0
	vs := violations_on(kept, "2026-09-30")
	count(vs) == 1
	some v in vs
	v.evidence.return_due == "2026-09-29"
}

test_missing_destruction_fails_from_the_day_after_the_end if {
	kept := object.remove(good, {"destroyedOn"})
	count(violations_on(kept, "2026-09-30")) == 0
	vs := violations_on(kept, "2026-10-01")
	count(vs) == 1
	some v in vs
	v.pointer == "/cloud/businessTermination"
}

test_destroyed_before_returned_fails if {
	vs := violations(object.union(good, {"returnedOn": "2026-09-20", "destroyedOn": "2026-09-19"}))
	count(vs) == 1
	some v in vs
	v.pointer == "/cloud/businessTermination/destroyedOn"
}

reason_on(m, as_of) := r if {
	r := cl_shutdown.reason with input as m with data.resilcheck.run as {"as_of": as_of}
}

test_day_before_the_cloud_act_is_not_in_force_with_reason if {
	not cl_shutdown.applies with input as manifest(good) with data.resilcheck.run as {"as_of": "2015-09-27"}
	reason_on(manifest(good), "2015-09-27").en == "not in force on 2015-09-27 (in force from 2015-09-28)"
	cl_shutdown.applies with input as manifest(good) with data.resilcheck.run as {"as_of": "2015-09-28"}
}

test_notice_due_before_the_act_is_not_owed if {
	early := {"endsOn": "2015-10-10", "returnedOn": "2015-10-09", "destroyedOn": "2015-10-11"}
	count(violations_on(early, "2015-11-01")) == 0
}

test_not_applicable_without_a_cloud_service_with_reason if {
	m := {"provider": object.union(provider, {"categories": ["value-added"]})}
	not cl_shutdown.applies with input as m with data.resilcheck.run as run
	contains(reason_on(m, run.as_of).en, "no cloud category or cloud service declared")
}

# Nothing done: the notice, the posting, the return and the destruction all point at the
# business end and are told apart by their keys.
test_findings_are_keyed_by_obligation if {
	bare := object.remove(good, {"noticeAt", "postedUntil", "contents", "returnedOn", "destroyedOn"})
	{[v.key, v.pointer] | some v in violations(bare)} == {
		["notice", "/cloud/businessTermination"],
		["posting", "/cloud/businessTermination"],
		["return", "/cloud/businessTermination"],
		["destruction", "/cloud/businessTermination"],
	}
	late := object.union(good, {"noticeAt": "2026-09-01T09:00:00+09:00", "postedUntil": "2026-09-20", "contents": [c | some c in all_contents; c != "contact"], "returnedOn": "2026-10-02", "destroyedOn": "2026-10-01"})
	{v.key | some v in violations(late)} == {"notice:late", "contents:contact", "posting:early", "return:late", "destruction:before-return"}
}
