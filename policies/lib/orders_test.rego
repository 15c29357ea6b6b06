package resilcheck.lib.orders_test

import data.resilcheck.lib.orders

run := {"as_of": "2026-06-10"}

status_of(rec) := s if {
	s := orders.status(rec, "dueOn", "completedOn") with data.resilcheck.run as run
}

test_no_due_date if {
	status_of({"issuedOn": "2026-01-01"}) == {"kind": "no_due"}
	status_of({"issuedOn": "2026-01-01", "completedOn": "2026-01-02"}) == {"kind": "no_due"}
}

test_done_on_the_due_date_is_met_and_a_day_later_is_late if {
	status_of({"dueOn": "2026-06-01", "completedOn": "2026-06-01"}) == {"kind": "met", "due": "2026-06-01", "on": "2026-06-01"}
	status_of({"dueOn": "2026-06-01", "completedOn": "2026-06-02"}) == {"kind": "late", "due": "2026-06-01", "on": "2026-06-02", "days_late": 1}
}

test_open_on_the_due_date_is_pending_and_overdue_after if {
	status_of({"dueOn": "2026-06-10"}) == {"kind": "pending", "due": "2026-06-10"}
	status_of({"dueOn": "2026-06-09"}) == {"kind": "overdue", "due": "2026-06-09", "days_late": 1}
}

test_done_after_the_audit_date_is_still_open if {
	status_of({"dueOn": "2026-06-01", "completedOn": "2026-06-11"}) == {"kind": "overdue", "due": "2026-06-01", "days_late": 9}
	status_of({"dueOn": "2026-06-20", "completedOn": "2026-06-11"}) == {"kind": "pending", "due": "2026-06-20"}
}

test_later_done_names_a_completion_after_the_audit_date if {
	orders.later_done({"completedOn": "2026-06-11"}, "completedOn") == {"completedOn_after_as_of": "2026-06-11"} with data.resilcheck.run as run
	orders.later_done({"completedOn": "2026-06-10"}, "completedOn") == {} with data.resilcheck.run as run
	orders.later_done({}, "completedOn") == {} with data.resilcheck.run as run
}

manifest := {"governance": {
	"correctiveOrders": [
		{"id": "a", "issuedOn": "2026-01-01"},
		{"id": "b", "issuedOn": "2026-01-01", "basis": "bcda-36-2"},
		{"id": "c", "issuedOn": "2026-01-01", "basis": "tba-92"},
		{"id": "d", "issuedOn": "2026-06-11"},
	],
	"dataRequests": [
		{"id": "r1", "basis": "tba-22-7-4", "receivedOn": "2026-06-10"},
		{"id": "r2", "basis": "network-46-4", "receivedOn": "2026-01-01"},
		{"id": "r3", "basis": "tba-22-7-4", "receivedOn": "2026-06-11"},
	],
}}

test_corrective_orders_default_to_bcda_and_hide_later_orders if {
	os := orders.corrective_orders("bcda-36-2") with input as manifest with data.resilcheck.run as run
	{o.id | some o in os} == {"a", "b"}
	ts := orders.corrective_orders("tba-92") with input as manifest with data.resilcheck.run as run
	object.keys(ts) == {2}
}

test_corrective_items_name_and_point if {
	items := orders.corrective_items("tba-92", {"en": "corrective order", "ko": "시정명령"}) with input as manifest with data.resilcheck.run as run
	items[2].path == ["governance", "correctiveOrders", 2]
	items[2].name == {"en": "corrective order c", "ko": "시정명령 c"}
}

test_data_requests_by_basis_received_by_the_audit_date if {
	rs := orders.request_items("tba-22-7-4") with input as manifest with data.resilcheck.run as run
	object.keys(rs) == {0}
	rs[0].name.en == "data request r1"
}

test_justification_must_say_something if {
	orders.justified({"justification": "court order"})
	not orders.justified({"justification": " "})
	not orders.justified({})
}

item := {"rec": {"id": "r", "receivedOn": "2026-05-01", "dueOn": "2026-05-15"}, "path": ["governance", "dataRequests", 0], "name": {"en": "data request r", "ko": "자료제출 요청 r"}}

test_request_violation_only_without_justification if {
	f := {"kind": "overdue", "due": "2026-05-15", "days_late": 26}
	v := orders.request_violation(item, f, {}) with data.resilcheck.run as run
	v.pointer == "/governance/dataRequests/0/dueOn"
	v.evidence.days_late == 26
	justified := object.union(item, {"rec": object.union(item.rec, {"justification": "x"})})
	not orders.request_violation(justified, f, {}) with data.resilcheck.run as run
	n := orders.request_note(justified, f, {}) with data.resilcheck.run as run
	n.evidence.label == "interpretation"
}

test_order_violation_undefined_when_met_or_pending if {
	o := {"rec": {"id": "o", "issuedOn": "2026-01-01", "dueOn": "2026-06-10"}, "path": ["x"], "name": {"en": "o", "ko": "o"}}
	not orders.order_violation(o, {"kind": "pending", "due": "2026-06-10"}, {}) with data.resilcheck.run as run
	not orders.order_violation(o, {"kind": "met", "due": "2026-06-10", "on": "2026-06-01"}, {}) with data.resilcheck.run as run
}
