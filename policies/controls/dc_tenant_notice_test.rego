package resilcheck.controls.dc_tenant_notice_test

import data.resilcheck.controls.dc_tenant_notice

run := {"as_of": "2026-11-22"}

# A small colocation operator: no size test applies to 46-2.
operator := {"name": "Small IDC", "categories": ["datacenter-operator"], "origin": "domestic"}

sites := [{"id": "dc1", "name": "DC 1", "operator": "Small IDC", "ownership": "own", "serverRoomAreaM2": 120}]

good := {
	"tenant": "Tenant A",
	"ground": "tenant-anomaly",
	"at": "2026-03-01T10:00:00+09:00",
	"notifiedAt": "2026-03-01T11:00:00+09:00",
	"contents": ["reason", "datetime", "duration", "details"],
	"reasonEndedAt": "2026-03-01T14:00:00+09:00",
	"resumedAt": "2026-03-01T15:00:00+09:00",
}

incident(suspensions) := {"id": "i1", "cause": "cyberattack", "startedAt": "2026-03-01T09:50:00+09:00", "restoredAt": "2026-03-01T15:00:00+09:00", "datacenters": ["dc1"], "tenantSuspensions": suspensions}

manifest(suspensions) := {"provider": operator, "datacenters": sites, "incidents": [incident(suspensions)]}

violations_on(suspensions, as_of) := vs if {
	vs := dc_tenant_notice.violations with input as manifest(suspensions) with data.resilcheck.run as {"as_of": as_of}
}

violations(suspensions) := violations_on(suspensions, run.as_of)

test_notice_and_resumption_at_their_deadlines_pass if {
	dc_tenant_notice.applies with input as manifest([good]) with data.resilcheck.run as run
	count(violations([good])) == 0
}

test_bound_operator_without_suspensions_passes if {
	vs := dc_tenant_notice.violations with input as {"provider": operator, "datacenters": sites} with data.resilcheck.run as run
	count(vs) == 0
}

test_notice_one_minute_late_fails if {
	vs := violations([object.union(good, {"notifiedAt": "2026-03-01T11:01:00+09:00"})])
	count(vs) == 1
	some v in vs
	v.pointer == "/incidents/0/tenantSuspensions/0/notifiedAt"
	v.evidence.late_minutes == 1
	v.evidence.notice_due == "2026-03-01T11:00:00+09:00"
	v.evidence.immediately_label == "audit-default"
	contains(v.msg, "60 min: audit-default")
}

test_advance_notice_passes if {
	count(violations([object.union(good, {"notifiedAt": "2026-03-01T09:00:00+09:00"})])) == 0
}

test_no_notice_fails if {
	vs := violations([object.remove(good, {"notifiedAt"})])
	count(vs) == 1
	some v in vs
	v.pointer == "/incidents/0/tenantSuspensions/0"
	v.evidence.tenant == "Tenant A"
	v.evidence.ground == "tenant-anomaly"
}

test_each_missing_content_fails_by_name if {
	vs := violations([object.union(good, {"contents": ["reason", "datetime"]})])
	count(vs) == 2
	{v.evidence.missing_content | some v in vs} == {"duration", "details"}
	some v in vs
	v.pointer == "/incidents/0/tenantSuspensions/0/contents"
}

test_resumption_one_minute_late_fails if {
	vs := violations([object.union(good, {"resumedAt": "2026-03-01T15:01:00+09:00"})])
	count(vs) == 1
	some v in vs
	v.pointer == "/incidents/0/tenantSuspensions/0/resumedAt"
	v.evidence.resume_due == "2026-03-01T15:00:00+09:00"
	v.evidence.late_minutes == 1
}

test_not_resumed_after_the_reason_ended_fails if {
	vs := violations([object.remove(good, {"resumedAt"})])
	count(vs) == 1
	some v in vs
	v.pointer == "/incidents/0/tenantSuspensions/0"
	v.evidence.reason_ended_at == "2026-03-01T14:00:00+09:00"
}

test_ongoing_suspension_is_not_judged_for_resumption if {
	count(violations([object.remove(good, {"reasonEndedAt", "resumedAt"})])) == 0
}

test_not_yet_due_on_the_audit_date if {
	late_night := object.union(object.remove(good, {"notifiedAt", "reasonEndedAt", "resumedAt"}), {"at": "2026-11-22T23:30:00+09:00"})
	count(violations([late_night])) == 0
	due_in_day := object.union(late_night, {"at": "2026-11-22T22:58:00+09:00"})
	count(violations([due_in_day])) == 1
}

reason_on(m, as_of) := r if {
	r := dc_tenant_notice.reason with input as m with data.resilcheck.run as {"as_of": as_of}
}

# REGULATIONS.md In-force dates, DC-TENANT-NOTICE: "throughout" (46-2(2)-(3) unmarked), and
# SCOPE-COLO binds every colocation operator throughout: no date is "not verifiable" or
# "not in force", however early.
test_binds_a_colocation_operator_throughout if {
	dc_tenant_notice.applies with input as manifest([]) with data.resilcheck.run as {"as_of": "2001-01-01"}
	dc_tenant_notice.applies with input as manifest([]) with data.resilcheck.run as {"as_of": "2008-02-28"}
	dc_tenant_notice.applies with input as manifest([]) with data.resilcheck.run as {"as_of": "2009-01-27"}
}

# A suspension in an incident of 2001 is judged like one of today: a notice an hour after
# the suspension fails the 60-minute default, one within it passes.
early(s) := object.union(incident([s]), {"startedAt": "2001-01-01T09:50:00+09:00"})

test_suspension_in_an_early_incident_is_judged if {
	on_time := {"tenant": "Tenant A", "at": "2001-01-01T10:00:00+09:00", "notifiedAt": "2001-01-01T10:30:00+09:00", "contents": ["reason", "datetime", "duration", "details"]}
	ok := dc_tenant_notice.violations with input as {"provider": operator, "datacenters": sites, "incidents": [early(on_time)]} with data.resilcheck.run as {"as_of": "2001-01-02"}
	count(ok) == 0
	late := object.union(on_time, {"notifiedAt": "2001-01-01T11:10:00+09:00"})
	vs := dc_tenant_notice.violations with input as {"provider": operator, "datacenters": sites, "incidents": [early(late)]} with data.resilcheck.run as {"as_of": "2001-01-02"}
	[v] := [v | some v in vs]
	v.key == "notice:late"
}

# Before the timing default's first entry nothing may pass silently: a suspension of 1999
# with no notice at all fails like one of today.
test_suspension_before_2000_without_notice_fails if {
	s := {"tenant": "Tenant A", "at": "1999-06-01T10:00:00+09:00"}
	inc := object.union(incident([s]), {"startedAt": "1999-06-01T09:50:00+09:00"})
	vs := dc_tenant_notice.violations with input as {"provider": operator, "datacenters": sites, "incidents": [inc]} with data.resilcheck.run as {"as_of": "1999-06-02"}
	count(vs) > 0
}

test_not_applicable_without_a_site_run_for_others if {
	m := {"provider": object.union(operator, {"categories": ["value-added"]}), "datacenters": [object.union(sites[0], {"operatedFor": ["own"]})]}
	not dc_tenant_notice.applies with input as m with data.resilcheck.run as run
	contains(reason_on(m, run.as_of).en, "no site run for others")
}

# Without a notice or a resumption both findings point at the suspension: the keys name the
# duty, and the missing contents their item.
test_findings_are_keyed_by_duty_part if {
	vs := violations([object.remove(good, {"notifiedAt", "resumedAt"})])
	{[v.key, v.pointer] | some v in vs} == {["notice", "/incidents/0/tenantSuspensions/0"], ["resumption", "/incidents/0/tenantSuspensions/0"]}
	late := object.union(good, {"notifiedAt": "2026-03-01T12:00:00+09:00", "resumedAt": "2026-03-01T16:00:00+09:00", "contents": ["reason", "datetime"]})
	{v.key | some v in violations([late])} == {"notice:late", "resumption:late", "contents:duration", "contents:details"}
}
