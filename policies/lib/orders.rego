# METADATA
# title: Orders and requests with a due date
# description: |
#   Shared logic for the records of what the ministry ordered or asked by a due date:
#   corrective orders (governance.correctiveOrders[], split by basis; absent = bcda-36-2),
#   orders to supplement a disaster management plan (governance.disasterPlans[].supplementOrder)
#   and data requests (governance.dataRequests[], split by basis). All dates are Korean dates.
#   A record is met when carried out on or before its due date: the day after the due date is
#   the first day of non-compliance (BCDA Decree 28-4(1)1: "시정명령 이행기한 만료일의 다음 날").
#   A record dated after the audit date has not happened yet: an order issued later is not
#   seen, and a completion dated later leaves the order open on the audit date.
package resilcheck.lib.orders

import data.resilcheck.lib.governance
import data.resilcheck.lib.time

corrective_path := ["governance", "correctiveOrders"]

request_path := ["governance", "dataRequests"]

# corrective_orders(basis) maps the index of each corrective order under basis (an order
# without basis is a BCDA 36-2(2) order, as the schema says) issued by the audit date to it.
corrective_orders(basis) := {i: o |
	some i, o in object.get(input, corrective_path, [])
	object.get(o, "basis", "bcda-36-2") == basis
	governance.happened(o.issuedOn)
}

# data_requests(basis) maps the index of each data request under basis received by the
# audit date to it.
data_requests(basis) := {i: r |
	some i, r in object.get(input, request_path, [])
	r.basis == basis
	governance.happened(r.receivedOn)
}

# done_on(rec, field) is the date in field when it is not after the audit date.
done_on(rec, field) := d if {
	d := rec[field]
	governance.happened(d)
}

# status(rec, due_field, done_field) judges one record on the audit date:
#   {"kind": "no_due"}: no due date declared;
#   {"kind": "late", "due", "on", "days_late"}: carried out after the due date;
#   {"kind": "met", "due", "on"}: carried out on or before the due date;
#   {"kind": "overdue", "due", "days_late"}: not carried out by the audit date, which is
#     after the due date (days_late counts to the audit date);
#   {"kind": "pending", "due"}: not carried out, not yet due.
status(rec, due_field, done_field) := {"kind": "no_due"} if {
	not rec[due_field]
} else := {"kind": "late", "due": rec[due_field], "on": on, "days_late": time.days_between(rec[due_field], on)} if {
	on := done_on(rec, done_field)
	on > rec[due_field]
} else := {"kind": "met", "due": rec[due_field], "on": on} if {
	on := done_on(rec, done_field)
} else := {"kind": "overdue", "due": rec[due_field], "days_late": time.days_between(rec[due_field], time.as_of)} if {
	governance.passed(rec[due_field])
} else := {"kind": "pending", "due": rec[due_field]}

# later_done(rec, field) is the evidence of a completion dated after the audit date (which
# leaves the record open on the audit date), else nothing.
later_done(rec, field) := {sprintf("%s_after_as_of", [field]): rec[field]} if {
	not governance.happened(rec[field])
} else := {}

# --- orders (corrective and supplement orders): issuedOn, dueOn, completedOn ---
# An item is {"rec": the order, "path": the order's path in the manifest, "name": {"en", "ko"}
# naming the order ("corrective order co-1" / "시정명령 co-1")}; ev is the control's evidence
# (basis, citation). order_violation is undefined for a met or pending order.
order_violation(item, f, ev) := {
	"msg": sprintf("%s (issued %s) declares no due date (dueOn), so whether it was carried out in time cannot be shown", [item.name.en, item.rec.issuedOn]),
	"msg_ko": sprintf("%s(%s 발령)의 이행기한(dueOn)이 신고되지 않아 기한 내 이행 여부를 확인할 수 없습니다.", [item.name.ko, item.rec.issuedOn]),
	"pointer": governance.pointer(item.path),
	"evidence": object.union(ev, {"issued_on": item.rec.issuedOn, "missing": "dueOn", "as_of": time.as_of}),
} if {
	f.kind == "no_due"
}

order_violation(item, f, ev) := {
	"msg": sprintf("%s (issued %s) was due by %s and had not been carried out by %s: %d days overdue", [item.name.en, item.rec.issuedOn, f.due, time.as_of, f.days_late]),
	"msg_ko": sprintf("%s(%s 발령)의 이행기한(%s)이 지났으나 감사 기준일(%s)까지 이행되지 않았습니다(%d일 경과).", [item.name.ko, item.rec.issuedOn, f.due, time.as_of, f.days_late]),
	"pointer": governance.pointer(array.concat(item.path, ["dueOn"])),
	"evidence": object.union(object.union(ev, {"issued_on": item.rec.issuedOn, "due": f.due, "days_late": f.days_late, "as_of": time.as_of}), later_done(item.rec, "completedOn")),
} if {
	f.kind == "overdue"
}

order_violation(item, f, ev) := {
	"msg": sprintf("%s (issued %s) was carried out on %s, %d days after its due date %s", [item.name.en, item.rec.issuedOn, f.on, f.days_late, f.due]),
	"msg_ko": sprintf("%s(%s 발령)의 이행일(%s)이 이행기한(%s)보다 %d일 늦었습니다.", [item.name.ko, item.rec.issuedOn, f.on, f.due, f.days_late]),
	"pointer": governance.pointer(array.concat(item.path, ["completedOn"])),
	"evidence": object.union(ev, {"issued_on": item.rec.issuedOn, "due": f.due, "completed_on": f.on, "days_late": f.days_late}),
} if {
	f.kind == "late"
}

# corrective_items(basis, noun) maps the index of each corrective order under basis issued by
# the audit date to its item, named by noun ({"en": "corrective order", "ko": "시정명령"}).
corrective_items(basis, noun) := {i: {
	"rec": o,
	"path": array.concat(corrective_path, [i]),
	"name": {"en": sprintf("%s %s", [noun.en, o.id]), "ko": sprintf("%s %s", [noun.ko, o.id])},
} |
	some i, o in corrective_orders(basis)
}

# order_status(item) is the status of an order item (dueOn, completedOn).
order_status(item) := status(item.rec, "dueOn", "completedOn")

# unbound_note(item, r) says an order was not judged because the duty did not bind the
# provider on the day it was issued; r is inforce.why_not on that day.
unbound_note(item, r) := {
	"msg": sprintf("%s (issued %s) is not judged: %s", [item.name.en, item.rec.issuedOn, r.en]),
	"msg_ko": sprintf("%s(%s 발령): 판단하지 않습니다 - %s", [item.name.ko, item.rec.issuedOn, r.ko]),
	"pointer": governance.pointer(item.path),
	"evidence": {"issued_on": item.rec.issuedOn, "reason": r.en, "reason_ko": r.ko},
}

# --- data requests: receivedOn, dueOn, answeredOn, justification ---
# The law sets no period for an answer ("정당한 사유가 없으면 그 요청에 따라야"): a request is judged
# against the due date it declares, and one without a due date is not judged (there is no
# audit default for it). A declared justification (정당한 사유) turns a missed due date into a
# pass, noted as an interpretation: whether the reason is legitimate is the ministry's call.
request_items(basis) := {i: {
	"rec": r,
	"path": array.concat(request_path, [i]),
	"name": {"en": sprintf("data request %s", [r.id]), "ko": sprintf("자료제출 요청 %s", [r.id])},
} |
	some i, r in data_requests(basis)
}

# request_status(item) is the status of a request item (dueOn, answeredOn).
request_status(item) := status(item.rec, "dueOn", "answeredOn")

justified(r) if trim_space(object.get(r, "justification", "")) != ""

missed(f) if f.kind in {"late", "overdue"}

request_violation(item, f, ev) := {
	"msg": sprintf("%s (received %s) was due by %s and had not been answered by %s: %d days overdue, with no justification declared", [item.name.en, item.rec.receivedOn, f.due, time.as_of, f.days_late]),
	"msg_ko": sprintf("%s(%s 접수)의 제출기한(%s)이 지났으나 감사 기준일(%s)까지 제출하지 않았고 정당한 사유도 신고되지 않았습니다(%d일 경과).", [item.name.ko, item.rec.receivedOn, f.due, time.as_of, f.days_late]),
	"pointer": governance.pointer(array.concat(item.path, ["dueOn"])),
	"evidence": object.union(object.union(ev, {"received_on": item.rec.receivedOn, "due": f.due, "days_late": f.days_late, "as_of": time.as_of}), later_done(item.rec, "answeredOn")),
} if {
	f.kind == "overdue"
	not justified(item.rec)
}

request_violation(item, f, ev) := {
	"msg": sprintf("%s (received %s) was answered on %s, %d days after its due date %s, with no justification declared", [item.name.en, item.rec.receivedOn, f.on, f.days_late, f.due]),
	"msg_ko": sprintf("%s(%s 접수)의 제출일(%s)이 제출기한(%s)보다 %d일 늦었고 정당한 사유도 신고되지 않았습니다.", [item.name.ko, item.rec.receivedOn, f.on, f.due, f.days_late]),
	"pointer": governance.pointer(array.concat(item.path, ["answeredOn"])),
	"evidence": object.union(ev, {"received_on": item.rec.receivedOn, "due": f.due, "answered_on": f.on, "days_late": f.days_late}),
} if {
	f.kind == "late"
	not justified(item.rec)
}

# request_note(item, f, ev) explains a request that passes without having been answered by
# its due date (a declared justification) or that is not judged (no due date).
request_note(item, f, ev) := {
	"msg": sprintf("%s (received %s) missed its due date %s but declares a justification; the law asks for the data only without a legitimate reason (정당한 사유), so it passes on the provider's word (interpretation)", [item.name.en, item.rec.receivedOn, f.due]),
	"msg_ko": sprintf("%s(%s 접수): 제출기한(%s)을 지키지 않았으나 정당한 사유가 신고되어 통과로 봅니다(해석: 사유의 정당성은 과학기술정보통신부가 판단).", [item.name.ko, item.rec.receivedOn, f.due]),
	"pointer": governance.pointer(array.concat(item.path, ["justification"])),
	"evidence": object.union(ev, {"received_on": item.rec.receivedOn, "due": f.due, "days_late": f.days_late, "justification": item.rec.justification, "label": "interpretation"}),
} if {
	missed(f)
	justified(item.rec)
}

request_note(item, f, ev) := {
	"msg": sprintf("%s (received %s) declares no due date (dueOn) and is not judged: the law sets no period and resilcheck has no audit default for one", [item.name.en, item.rec.receivedOn]),
	"msg_ko": sprintf("%s(%s 접수): 제출기한(dueOn)이 신고되지 않아 판단하지 않습니다(법령에 기한이 없고 감사 기본값도 없습니다).", [item.name.ko, item.rec.receivedOn]),
	"pointer": governance.pointer(item.path),
	"evidence": object.union(ev, {"received_on": item.rec.receivedOn, "missing": "dueOn", "judged": false}),
} if {
	f.kind == "no_due"
}

# unbound_request_note(item, r): a request received when the duty did not bind the provider.
unbound_request_note(item, r) := {
	"msg": sprintf("%s (received %s) is not judged: %s", [item.name.en, item.rec.receivedOn, r.en]),
	"msg_ko": sprintf("%s(%s 접수): 판단하지 않습니다 - %s", [item.name.ko, item.rec.receivedOn, r.ko]),
	"pointer": governance.pointer(item.path),
	"evidence": {"received_on": item.rec.receivedOn, "reason": r.en, "reason_ko": r.ko},
}
