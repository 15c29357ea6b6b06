# METADATA
# title: Cloud contract end told 30 days ahead; user data returned before the end, then destroyed
# description: |
#   A cloud computing service provider tells the user, at least 30 days before a contract
#   ends, the end date and time, that the user may ask for the data back, that data not
#   taken back by the end are destroyed, how to get them back, and the department and
#   contact, by phone, mobile phone, post, email, text message or a similar method. It
#   returns the data, usable, before the end date and then destroys its copy irrecoverably.
#   "30일 전까지" is counted backwards without the end date itself (Civil Act Art. 157 by
#   analogy, time model rule 5): the 30 days are the 30 days before the end date, so the
#   last day to tell the user is the 31st day before it. Return and destruction are judged
#   once the end date has come: the return is due by the day before it, destruction once the
#   contract has ended (no period in law: from the day after the end date, interpretation).
#   A contract that provides otherwise (contractOverride) governs instead (Art. 27(5)): that
#   termination passes, shown with the interpretation it rests on.
# related_resources:
#   - https://www.law.go.kr/법령/클라우드컴퓨팅발전및이용자보호에관한법률
# scope: package
# custom:
#   id: KR-CLOUD-27-CONTRACT-END
#   severity: medium
#   kind: law
#   regulation: Cloud Act
#   title_ko: 클라우드 계약 종료 30일 전 통지, 종료일 전 이용자 정보 반환 및 파기
#   description_ko: 클라우드컴퓨팅서비스 제공자는 이용자와의 계약이 종료되기 30일 전까지 계약 종료 일시, 이용자 정보 반환 요구권, 종료일 전까지 반환받지 아니하면 파기된다는 사실, 반환 방법 및 절차, 담당부서 및 연락처를 전화, 휴대전화, 우편, 전자우편, 문자메시지 또는 이와 유사한 방법으로 알리고, 계약 종료일 전까지 이용자 정보를 활용 가능한 상태로 반환한 뒤 복원이 불가능한 방법으로 파기하여야 한다. '30일 전까지'는 종료일 전날부터 거꾸로 30일을 세어(민법 제157조 유추) 그 첫날의 전날까지로 판단한다(예컨대 종료일이 7월 31일이면 6월 30일까지). 계약으로 달리 정한 경우(제27조제5항)에는 그에 따른다.
#   citation:
#     law: Act on the Development of Cloud Computing and Protection of its Users
#     law_ko: 클라우드컴퓨팅 발전 및 이용자 보호에 관한 법률
#     article: Art. 27(3), (5)-(6)
#     decree: Enforcement Decree Art. 19(1), (3)-(5)
#     in_force: "2015-09-28"
#     text: Cloud Computing Act Art. 27(3), (5)-(6); Decree Art. 19(1), (3)-(5)
#     text_ko: 클라우드컴퓨팅 발전 및 이용자 보호에 관한 법률 제27조제3항, 제5항 및 제6항; 같은 법 시행령 제19조제1항, 제3항부터 제5항까지
#   remediation:
#     en: Tell each user at least 30 full days before the contract's end date (end date and time, return right, destruction, return method, department and contact) by phone, post, email, SMS or similar; return the data before the end date and destroy your copy afterwards; record each termination under cloud.contractTerminations (noticeAt, contents, channels, returnedOn, destroyedOn, or contractOverride where the contract provides otherwise).
#     ko: 계약 종료일 30일 전까지(예컨대 종료일이 7월 31일이면 6월 30일까지) 이용자에게 종료 일시, 반환 요구권, 파기 사실, 반환 방법, 담당부서 및 연락처를 전화·우편·전자우편·문자메시지 등으로 알리고, 종료일 전까지 이용자 정보를 반환한 뒤 파기하며, 각 계약 종료를 cloud.contractTerminations(noticeAt, contents, channels, returnedOn, destroyedOn, 계약으로 달리 정한 경우 contractOverride)에 기록하십시오.
#   frameworks:
#     - KR-CLOUD
#   in_force:
#     - from: "2015-09-28"
#       parties: [cloud]
#       label: law
#       citation: Cloud Act Art. 27(3), (5)-(6); Decree Art. 19(1), (3)-(5)
#       citation_ko: 클라우드컴퓨팅 발전 및 이용자 보호에 관한 법률 제27조제3항, 제5항 및 제6항; 같은 법 시행령 제19조제1항, 제3항부터 제5항까지
#       basis: Act No. 13234 (2015-03-27), in force six months after promulgation (2015-09-28); Decree No. 26550, in force 2015-09-28; Art. 27 and Decree 19 carry no amendment marker
package resilcheck.controls.cl_contract_end

import data.resilcheck.lib.governance
import data.resilcheck.lib.incidents
import data.resilcheck.lib.inforce
import data.resilcheck.lib.time

# in_force is this package's METADATA custom.in_force (a Go test holds them equal).
in_force := [{"from": "2015-09-28", "parties": ["cloud"], "label": "law", "citation": "Cloud Act Art. 27(3), (5)-(6); Decree Art. 19(1), (3)-(5)", "citation_ko": "클라우드컴퓨팅 발전 및 이용자 보호에 관한 법률 제27조제3항, 제5항 및 제6항; 같은 법 시행령 제19조제1항, 제3항부터 제5항까지", "basis": "Act No. 13234 (2015-03-27), in force six months after promulgation (2015-09-28); Decree No. 26550, in force 2015-09-28; Art. 27 and Decree 19 carry no amendment marker"}]

# Violations are only judged where the control applies, so a direct query of violations
# agrees with the engine's verdict. A bound provider that declares no ended contract passes.
default applies := false

applies if inforce.binds(in_force, time.as_of)

reason := inforce.why_not(in_force, time.as_of)

path := ["cloud", "contractTerminations"]

terms := object.get(input, path, [])

# The day count. Decree 19(1): "계약이 종료되기 30일 전까지". A period counted backwards from
# an event leaves out the event's day and ends at the start of its last day (Civil Act Art.
# 157 and 159 by analogy, time model rule 5): for a contract ending on E with N = 30, the 30
# days are E-1 ... E-30, so the notice is due by 24:00 KST of E-31 (E = 2026-07-31: the 30
# days are Jul 30 back to Jul 1, the last day to tell the user is Jun 30; Jul 1 is a day
# late). N is the parameter cl_contract_end_notice_days in force on the end date.
notice_due(e, n) := time.add_days(e, 0 - (n + 1))

# "계약 및 사업 종료일 전까지 이용자 정보를 반환" (Decree 19(4)): before the end date, so by E-1.
return_due(e) := time.add_days(e, -1)

# facts[k] is what every finding on termination k needs: the notice rule in force on its end
# date, its deadlines and the Korean date it was noticed on (absent: not told, or told after
# the audit date, a future the audit must not see).
facts[k] := object.union(
	{"index": k, "id": t.id, "ends_on": t.endsOn, "days": days, "notice_due": notice_due(t.endsOn, days.value), "return_due": return_due(t.endsOn)},
	noticed(t),
) if {
	some k, t in terms
	not t.contractOverride == true
	days := incidents.param("cl_contract_end_notice_days", time.day_start_ns(t.endsOn))
}

noticed(t) := {"noticed_on": d} if {
	d := time.kst_date_string(time.ns(t.noticeAt))
	governance.happened(d)
} else := {}

# A deadline is judged only if the duty bound the provider on it (time model rule 1).
owed(d) if inforce.binds(in_force, d)

ptr(k, field) := governance.nearest_pointer(array.concat(path, [k, field]))

day_count(f) := sprintf("%d days before %s, not counting the end date: by %s", [f.days.value, f.ends_on, f.notice_due])

day_count_ko(f) := sprintf("종료일 %s 불산입 %d일 전, 즉 %s까지", [f.ends_on, f.days.value, f.notice_due])

notice_evidence(f) := {
	"contract": f.id,
	"ends_on": f.ends_on,
	"notice_days": f.days.value,
	"notice_days_basis": f.days.basis,
	"notice_due": f.notice_due,
	"day_count": "Civil Act Art. 157 counted backwards (interpretation, time model rule 5): the end date is not counted, so the notice is due by the day before the first of the N days",
}

violations contains {
	"msg": sprintf("the user of contract %s was not told of its end on %s; the notice was due %s (Cloud Decree 19(1))", [f.id, f.ends_on, day_count(f)]),
	"msg_ko": sprintf("계약 %s의 종료(%s) 사실을 이용자에게 알리지 않았습니다. 통지 기한은 %s였습니다(시행령 제19조제1항).", [f.id, f.ends_on, day_count_ko(f)]),
	"pointer": ptr(f.index, "noticeAt"),
	"key": "notice",
	"evidence": object.union(notice_evidence(f), {"as_of": time.as_of}),
} if {
	applies
	some f in facts
	not f.noticed_on
	governance.passed(f.notice_due)
	owed(f.notice_due)
}

violations contains {
	"msg": sprintf("the user of contract %s was told on %s, %d days late: the notice was due %s (Cloud Decree 19(1))", [f.id, f.noticed_on, late, day_count(f)]),
	"msg_ko": sprintf("계약 %s의 종료 통지를 %s에 하여 %d일 늦었습니다. 통지 기한은 %s였습니다(시행령 제19조제1항).", [f.id, f.noticed_on, late, day_count_ko(f)]),
	"pointer": governance.pointer(array.concat(path, [f.index, "noticeAt"])),
	"key": "notice:late",
	"evidence": object.union(notice_evidence(f), {"noticed_on": f.noticed_on, "days_late": late}),
} if {
	applies
	some f in facts
	f.noticed_on > f.notice_due
	owed(f.notice_due)
	late := time.days_between(f.notice_due, f.noticed_on)
}

# Decree 19(1) 1-5.
contents := {
	"end-datetime": {"en": "the end date and time", "ko": "계약 종료 일시", "no": "1"},
	"return-right": {"en": "that the data can be asked back", "ko": "이용자 정보의 반환을 요구할 수 있다는 사실", "no": "2"},
	"destruction": {"en": "that data not taken back by the end are destroyed", "ko": "종료일 전까지 반환받지 아니하면 파기된다는 사실", "no": "3"},
	"return-method": {"en": "how to get the data back", "ko": "이용자 정보의 반환 방법 및 절차", "no": "4"},
	"contact": {"en": "the department and contact", "ko": "담당부서 및 연락처", "no": "5"},
}

violations contains {
	"msg": sprintf("the notice of the end of contract %s did not tell %s (Cloud Decree 19(1)%s)", [f.id, contents[c].en, contents[c].no]),
	"msg_ko": sprintf("계약 %s의 종료 통지에 %s 빠졌습니다(시행령 제19조제1항제%s호).", [f.id, data.resilcheck.lib.text.josa(contents[c].ko, "가"), contents[c].no]),
	"pointer": ptr(f.index, "contents"),
	"key": sprintf("contents:%s", [c]),
	"evidence": object.union(notice_evidence(f), {"missing_content": c, "required_contents": sort(object.keys(contents))}),
} if {
	applies
	some f in facts
	f.noticed_on
	owed(f.notice_due)
	said := {x | some x in object.get(terms[f.index], "contents", [])}
	some c, _ in contents
	not c in said
}

# Decree 19(3): 전화, 휴대전화, 우편, 전자우편, 문자메시지 "또는 이와 유사한 방법" (`other`).
channels := {"phone", "mobile", "post", "email", "sms", "other"}

violations contains {
	"msg": sprintf("the notice of the end of contract %s declares no method of Cloud Decree 19(3) (%s)", [f.id, concat(", ", sort(channels))]),
	"msg_ko": sprintf("계약 %s의 종료 통지 방법이 시행령 제19조제3항의 방법(전화, 휴대전화, 우편, 전자우편, 문자메시지 또는 이와 유사한 방법)으로 신고되지 않았습니다.", [f.id]),
	"pointer": ptr(f.index, "channels"),
	"key": "channels",
	"evidence": object.union(notice_evidence(f), {"channels": object.get(terms[f.index], "channels", []), "accepted_channels": sort(channels)}),
} if {
	applies
	some f in facts
	f.noticed_on
	owed(f.notice_due)
	count({c | some c in object.get(terms[f.index], "channels", []); c in channels}) == 0
}

# --- return before the end date, then destruction (27(3); Decree 19(4)-(5)) ---

return_evidence(f) := {
	"contract": f.id,
	"ends_on": f.ends_on,
	"return_due": f.return_due,
	"return_rule": "Decree 19(4) 종료일 전까지: by the day before the end date",
}

returned_on(k) := d if {
	d := terms[k].returnedOn
	governance.happened(d)
}

destroyed_on(k) := d if {
	d := terms[k].destroyedOn
	governance.happened(d)
}

violations contains {
	"msg": sprintf("the data of contract %s, which ended on %s, were not returned; they were due back by %s, the day before the end date (Cloud Act 27(3); Decree 19(4))", [f.id, f.ends_on, f.return_due]),
	"msg_ko": sprintf("%s에 종료된 계약 %s의 이용자 정보를 반환하지 않았습니다. 종료일 전날인 %s까지 반환해야 했습니다(법 제27조제3항, 시행령 제19조제4항).", [f.ends_on, f.id, f.return_due]),
	"pointer": ptr(f.index, "returnedOn"),
	"key": "return",
	"evidence": object.union(return_evidence(f), {"as_of": time.as_of}),
} if {
	applies
	some f in facts
	governance.passed(f.return_due)
	owed(f.ends_on)
	not returned_on(f.index)
}

violations contains {
	"msg": sprintf("the data of contract %s were returned on %s, %d days after %s, the day before the end date %s (Cloud Act 27(3); Decree 19(4))", [f.id, on, late, f.return_due, f.ends_on]),
	"msg_ko": sprintf("계약 %s의 이용자 정보를 %s에 반환하여 종료일(%s) 전날인 %s보다 %d일 늦었습니다(법 제27조제3항, 시행령 제19조제4항).", [f.id, on, f.ends_on, f.return_due, late]),
	"pointer": governance.pointer(array.concat(path, [f.index, "returnedOn"])),
	"key": "return:late",
	"evidence": object.union(return_evidence(f), {"returned_on": on, "days_late": late}),
} if {
	applies
	some f in facts
	owed(f.ends_on)
	on := returned_on(f.index)
	on > f.return_due
	late := time.days_between(f.return_due, on)
}

# Destruction has no period in law: owed once the contract has ended (27(3) "계약이 종료되었을
# 때에는 … 파기하여야 한다"), judged from the day after the end date (interpretation).
violations contains {
	"msg": sprintf("the provider's copy of the data of contract %s, which ended on %s, has not been destroyed (Cloud Act 27(3); Decree 19(5); judged from the day after the end date: interpretation)", [f.id, f.ends_on]),
	"msg_ko": sprintf("%s에 종료된 계약 %s의 이용자 정보를 파기하지 않았습니다(법 제27조제3항, 시행령 제19조제5항; 종료일 다음 날부터 판단: 해석).", [f.ends_on, f.id]),
	"pointer": ptr(f.index, "destroyedOn"),
	"key": "destruction",
	"evidence": object.union(return_evidence(f), {"as_of": time.as_of, "destruction_rule": "no period in law: owed once the contract has ended (interpretation)"}),
} if {
	applies
	some f in facts
	governance.passed(f.ends_on)
	owed(f.ends_on)
	not destroyed_on(f.index)
}

violations contains {
	"msg": sprintf("the data of contract %s were destroyed on %s, before they were returned on %s: return first, then destroy (Cloud Act 27(3); Decree 19(4)-(5))", [f.id, gone, back]),
	"msg_ko": sprintf("계약 %s의 이용자 정보를 반환(%s)하기 전인 %s에 파기했습니다. 반환 후 파기해야 합니다(법 제27조제3항, 시행령 제19조제4항·제5항).", [f.id, back, gone]),
	"pointer": governance.pointer(array.concat(path, [f.index, "destroyedOn"])),
	"key": "destruction:before-return",
	"evidence": object.union(return_evidence(f), {"returned_on": back, "destroyed_on": gone}),
} if {
	applies
	some f in facts
	owed(f.ends_on)
	back := returned_on(f.index)
	gone := destroyed_on(f.index)
	gone < back
}

# notes list the terminations whose contract provides otherwise (27(5)): they pass, and the
# note shows why in the report. Whether the contract in fact provides otherwise is not in the
# manifest: an interpretation resting on the declaration.
notes contains {
	"msg": sprintf("contract %s (ends %s) declares that it provides otherwise for return, destruction and notice (Cloud Act Art. 27(5)): not judged", [t.id, t.endsOn]),
	"msg_ko": sprintf("계약 %s(%s 종료)은 반환·파기·통지를 달리 정한다고 신고되어 판단하지 않았습니다(클라우드컴퓨팅법 제27조제5항).", [t.id, t.endsOn]),
	"pointer": governance.pointer(array.concat(path, [k, "contractOverride"])),
	"evidence": {
		"contract": t.id,
		"ends_on": t.endsOn,
		"label": "interpretation",
		"basis": "Cloud Act Art. 27(5): a contract that specially provides otherwise governs return and destruction, and Decree 19(6) shows it may set the notice's method and timing too; declared contractOverride, not verified",
	},
} if {
	applies
	some k, t in terms
	t.contractOverride == true
}
