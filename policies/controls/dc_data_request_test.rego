package resilcheck.controls.dc_data_request_test

import data.resilcheck.controls.dc_data_request

as_of := "2026-11-22"

colo := {"name": "IDC", "categories": ["datacenter-operator"], "origin": "domestic"}

site(area) := [{"id": "dc1", "name": "DC 1", "operator": "IDC", "ownership": "own", "serverRoomAreaM2": area}]

manifest(p, sites, rs) := {"provider": p, "datacenters": sites, "governance": {"dataRequests": rs}}

request(extra) := object.union({"id": "nr-1", "basis": "network-46-4", "receivedOn": "2026-05-02", "dueOn": "2026-05-16"}, extra)

violations_of(m, d) := vs if {
	vs := dc_data_request.violations with input as m with data.resilcheck.run as {"as_of": d}
}

notes_of(m, d) := ns if {
	ns := dc_data_request.notes with input as m with data.resilcheck.run as {"as_of": d}
}

applies_on(m, d) if dc_data_request.applies with input as m with data.resilcheck.run as {"as_of": d}

reason_on(m, d) := r if {
	r := dc_data_request.reason with input as m with data.resilcheck.run as {"as_of": d}
}

test_answered_on_time_passes if {
	m := manifest(colo, site(500), [request({"answeredOn": "2026-05-10"})])
	applies_on(m, as_of)
	count(violations_of(m, as_of)) == 0
}

test_answered_on_due_date_passes_and_a_day_later_fails if {
	count(violations_of(manifest(colo, site(500), [request({"answeredOn": "2026-05-16"})]), as_of)) == 0
	vs := violations_of(manifest(colo, site(500), [request({"answeredOn": "2026-05-17"})]), as_of)
	count(vs) == 1
	some v in vs
	v.pointer == "/governance/dataRequests/0/answeredOn"
	v.evidence.days_late == 1
	v.evidence.citation == "Network Act Art. 46(4)"
	contains(v.msg, "answered on 2026-05-17, 1 days after its due date 2026-05-16")
}

test_unanswered_is_due_on_its_due_date_and_overdue_the_day_after if {
	m := manifest(colo, site(500), [request({})])
	count(violations_of(m, "2026-05-16")) == 0
	some v in violations_of(m, "2026-05-17")
	v.pointer == "/governance/dataRequests/0/dueOn"
	v.evidence.days_late == 1
}

test_justification_passes_with_a_note if {
	m := manifest(colo, site(500), [request({"justification": "The requested floor plans are classified under a separate security order."})])
	count(violations_of(m, as_of)) == 0
	some n in notes_of(m, as_of)
	n.evidence.label == "interpretation"
	n.evidence.days_late == 190
}

test_request_without_due_date_is_not_judged if {
	m := manifest(colo, site(500), [{"id": "nr-2", "basis": "network-46-4", "receivedOn": "2026-05-02"}])
	count(violations_of(m, as_of)) == 0
	some n in notes_of(m, as_of)
	n.evidence.missing == "dueOn"
}

test_small_colocation_operator_is_an_addressee if {
	# 46(4) serves to check the size test, so it reaches operators below it.
	m := manifest(colo, site(100), [request({})])
	applies_on(m, as_of)
	some v in violations_of(m, as_of)
	v.evidence.request == "nr-1"
}

test_public_institution_is_an_addressee if {
	m := manifest(object.union(colo, {"publicInstitution": true}), site(500), [request({})])
	some v in violations_of(m, as_of)
	v.evidence.request == "nr-1"
}

test_stability_requests_are_left_to_their_control if {
	count(violations_of(manifest(colo, site(500), [request({"basis": "tba-22-7-4"})]), as_of)) == 0
}

test_day_before_2023_07_04_is_not_in_force_with_reason if {
	m := manifest(colo, site(500), [])
	not applies_on(m, "2023-07-03")
	reason_on(m, "2023-07-03").en == "not in force on 2023-07-03 (in force from 2023-07-04)"
	applies_on(m, "2023-07-04")
}

test_request_received_before_2023_07_04_is_not_judged if {
	m := manifest(colo, site(500), [request({"receivedOn": "2023-07-03", "dueOn": "2023-07-10"})])
	count(violations_of(m, as_of)) == 0
	some n in notes_of(m, as_of)
	n.pointer == "/governance/dataRequests/0"
}

test_exclusive_lessee_is_not_an_addressee if {
	lessee := {"name": "Tenant", "categories": ["value-added"], "origin": "domestic"}
	m := manifest(lessee, [{"id": "l1", "name": "Cage", "operator": "IDC", "ownership": "leased-exclusive"}], [request({})])
	not applies_on(m, as_of)
	r := reason_on(m, as_of)
	contains(r.en, "colocation operator (Network Act 46(2)): no site run for others")
	contains(r.en, "runs a site for its own services (Network Act 46(1)2, any size): no own-use site")
}

# Network Act 46(4) addresses every person of 46(1)2 whatever its size: a 100 m2 own-use site
# is enough (the request is how the ministry checks the size).
test_small_own_use_operator_is_an_addressee if {
	own := {"name": "Own", "categories": ["value-added"], "origin": "domestic"}
	m := {
		"provider": own,
		"datacenters": [{"id": "o1", "name": "Own room", "operator": "Own", "ownership": "own", "serverRoomAreaM2": 100}],
		"governance": {"dataRequests": [request({})]},
	}
	applies_on(m, as_of)
}
