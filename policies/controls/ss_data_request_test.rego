package resilcheck.controls.ss_data_request_test

import data.resilcheck.controls.ss_data_request

as_of := "2026-11-22"

stable := {
	"name": "Portal",
	"categories": ["value-added"],
	"origin": "domestic",
	"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 1000000, "trafficSharePercent": 1},
}

manifest(rs) := {"provider": stable, "governance": {"dataRequests": rs}}

request(extra) := object.union({"id": "dr-1", "basis": "tba-22-7-4", "receivedOn": "2026-03-20", "dueOn": "2026-04-03"}, extra)

violations_of(m, d) := vs if {
	vs := ss_data_request.violations with input as m with data.resilcheck.run as {"as_of": d}
}

notes_of(m, d) := ns if {
	ns := ss_data_request.notes with input as m with data.resilcheck.run as {"as_of": d}
}

applies_on(m, d) if ss_data_request.applies with input as m with data.resilcheck.run as {"as_of": d}

reason_on(m, d) := r if {
	r := ss_data_request.reason with input as m with data.resilcheck.run as {"as_of": d}
}

test_answered_before_due_date_passes if {
	m := manifest([request({"answeredOn": "2026-04-01"})])
	applies_on(m, as_of)
	count(violations_of(m, as_of)) == 0
	count(notes_of(m, as_of)) == 0
}

test_answered_on_due_date_passes_and_a_day_later_fails if {
	count(violations_of(manifest([request({"answeredOn": "2026-04-03"})]), as_of)) == 0
	vs := violations_of(manifest([request({"answeredOn": "2026-04-04"})]), as_of)
	count(vs) == 1
	some v in vs
	v.pointer == "/governance/dataRequests/0/answeredOn"
	v.evidence.days_late == 1
	v.evidence.answered_on == "2026-04-04"
	v.evidence.citation == "TBA Art. 22-7(4)"
	v.msg == "data request dr-1 (received 2026-03-20) was answered on 2026-04-04, 1 days after its due date 2026-04-03, with no justification declared"
	contains(v.msg_ko, "제출일(2026-04-04)이 제출기한(2026-04-03)보다 1일 늦었고")
}

test_unanswered_is_due_on_its_due_date_and_overdue_the_day_after if {
	m := manifest([request({})])
	count(violations_of(m, "2026-04-03")) == 0
	vs := violations_of(m, "2026-04-04")
	count(vs) == 1
	some v in vs
	v.pointer == "/governance/dataRequests/0/dueOn"
	v.evidence.days_late == 1
	contains(v.msg, "had not been answered by 2026-04-04: 1 days overdue")
	contains(v.msg_ko, "정당한 사유도 신고되지 않았습니다(1일 경과)")
}

test_declared_justification_turns_a_miss_into_a_pass_with_a_note if {
	m := manifest([
		request({"justification": "Requested logs are held by a court order."}),
		request({"id": "dr-2", "answeredOn": "2026-04-10", "justification": "Partial answer on time; the rest needed a vendor report."}),
	])
	count(violations_of(m, as_of)) == 0
	ns := notes_of(m, as_of)
	count(ns) == 2
	some n in ns
	n.evidence.request == "dr-2"
	n.evidence.label == "interpretation"
	n.evidence.days_late == 7
	n.pointer == "/governance/dataRequests/1/justification"
}

test_blank_justification_is_no_justification if {
	some v in violations_of(manifest([request({"justification": "  "})]), as_of)
	v.evidence.request == "dr-1"
}

test_request_without_due_date_is_not_judged_and_noted if {
	m := manifest([{"id": "dr-3", "basis": "tba-22-7-4", "receivedOn": "2026-03-20"}])
	count(violations_of(m, as_of)) == 0
	some n in notes_of(m, as_of)
	n.evidence.judged == false
	n.pointer == "/governance/dataRequests/0"
	contains(n.msg, "declares no due date (dueOn) and is not judged")
}

test_answer_dated_after_the_audit_date_leaves_it_unanswered if {
	some v in violations_of(manifest([request({"answeredOn": "2026-12-01"})]), as_of)
	v.evidence.answeredOn_after_as_of == "2026-12-01"
}

test_datacenter_requests_are_left_to_their_control if {
	count(violations_of(manifest([request({"basis": "network-46-4"})]), as_of)) == 0
}

test_day_before_2023_07_04_is_not_in_force_with_reason if {
	m := manifest([])
	not applies_on(m, "2023-07-03")
	reason_on(m, "2023-07-03").en == "not in force on 2023-07-03 (in force from 2023-07-04)"
	contains(reason_on(m, "2023-07-03").ko, "2023-07-04 시행")
	applies_on(m, "2023-07-04")
}

test_request_received_before_2023_07_04_is_not_judged if {
	m := manifest([request({"receivedOn": "2023-07-03", "dueOn": "2023-07-10"})])
	count(violations_of(m, as_of)) == 0
	some n in notes_of(m, as_of)
	contains(n.msg, "not in force on 2023-07-03")
}

test_not_a_stability_duty_holder_is_not_applicable_with_numbers if {
	small := object.union(stable, {"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}, "dailyAverageUsers": 999999, "trafficSharePercent": 1}})
	m := {"provider": small, "governance": {"dataRequests": [request({})]}}
	not applies_on(m, as_of)
	contains(reason_on(m, as_of).en, "dailyAverageUsers 999,999 < 1,000,000")
}
