# METADATA
# title: Cloud business end told 30 days ahead and posted until the end; user data returned, then destroyed
# description: |
#   A cloud computing service provider that ends all or part of its business tells its users,
#   at least 30 days before the end date, what ends and why, the end date, that they may ask
#   for their data back, that data not taken back by the end are destroyed, how to get them
#   back, and the department and contact, and keeps this posted on its website until the end
#   date. It returns users' data, usable, before the end date and then destroys its copy
#   irrecoverably. "사업 종료일부터 30일 전까지" is counted backwards without the end date
#   itself (Civil Act Art. 157 by analogy, time model rule 5): the last day to tell users is
#   the 31st day before the end date. The return is due by the day before the end date;
#   destruction is judged from the day after it (no period in law: interpretation). The
#   notice channels (Decree 19(3)) are not declared for a business end and are not judged.
# related_resources:
#   - https://www.law.go.kr/법령/클라우드컴퓨팅발전및이용자보호에관한법률
# scope: package
# custom:
#   id: KR-CLOUD-27-SHUTDOWN
#   severity: high
#   kind: law
#   regulation: Cloud Act
#   title_ko: 클라우드 사업 종료 30일 전 통지 및 종료일까지 홈페이지 게시, 이용자 정보 반환 및 파기
#   description_ko: 클라우드컴퓨팅서비스 제공자는 사업의 전부 또는 일부를 종료하려는 경우 사업 종료일부터 30일 전까지 종료하려는 사업의 내용 및 사유, 사업 종료일, 이용자 정보 반환 요구권, 종료일 전까지 반환받지 아니하면 파기된다는 사실, 반환 방법 및 절차, 담당부서 및 연락처를 이용자에게 알리고 사업 종료일까지 인터넷 홈페이지에 게시하여야 하며, 사업 종료일 전까지 이용자 정보를 반환한 뒤 파기하여야 한다. '30일 전까지'는 종료일 전날부터 거꾸로 30일을 세어(민법 제157조 유추) 그 첫날의 전날까지로 판단한다(예컨대 종료일이 7월 31일이면 6월 30일까지). 통지 방법(시행령 제19조제3항)은 신고 항목이 없어 판단하지 않는다.
#   citation:
#     law: Act on the Development of Cloud Computing and Protection of its Users
#     law_ko: 클라우드컴퓨팅 발전 및 이용자 보호에 관한 법률
#     article: Art. 27(4)
#     decree: Enforcement Decree Art. 19(2), (4)-(5)
#     in_force: "2015-09-28"
#     text: Cloud Computing Act Art. 27(4); Decree Art. 19(2), (4)-(5)
#     text_ko: 클라우드컴퓨팅 발전 및 이용자 보호에 관한 법률 제27조제4항; 같은 법 시행령 제19조제2항, 제4항 및 제5항
#   remediation:
#     en: Tell users at least 30 full days before the business end date what ends and why, the end date, the return right, destruction, the return method and the department and contact; keep it posted on your website until the end date; return users' data before the end date and destroy your copies afterwards; record it under cloud.businessTermination.
#     ko: 사업 종료일 30일 전까지(예컨대 종료일이 7월 31일이면 6월 30일까지) 종료 사업의 내용 및 사유, 종료일, 반환 요구권, 파기 사실, 반환 방법, 담당부서 및 연락처를 이용자에게 알리고 종료일까지 홈페이지에 게시하며, 종료일 전까지 이용자 정보를 반환한 뒤 파기하고 cloud.businessTermination에 기록하십시오.
#   frameworks:
#     - KR-CLOUD
#   in_force:
#     - from: "2015-09-28"
#       parties: [cloud]
#       label: law
#       citation: Cloud Act Art. 27(4); Decree Art. 19(2), (4)-(5)
#       citation_ko: 클라우드컴퓨팅 발전 및 이용자 보호에 관한 법률 제27조제4항; 같은 법 시행령 제19조제2항, 제4항 및 제5항
#       basis: Act No. 13234 (2015-03-27), in force six months after promulgation (2015-09-28); Decree No. 26550, in force 2015-09-28; Art. 27 and Decree 19 carry no amendment marker
package resilcheck.controls.cl_shutdown

import data.resilcheck.lib.governance
import data.resilcheck.lib.incidents
import data.resilcheck.lib.inforce
import data.resilcheck.lib.time

# in_force is this package's METADATA custom.in_force (a Go test holds them equal).
in_force := [{"from": "2015-09-28", "parties": ["cloud"], "label": "law", "citation": "Cloud Act Art. 27(4); Decree Art. 19(2), (4)-(5)", "citation_ko": "클라우드컴퓨팅 발전 및 이용자 보호에 관한 법률 제27조제4항; 같은 법 시행령 제19조제2항, 제4항 및 제5항", "basis": "Act No. 13234 (2015-03-27), in force six months after promulgation (2015-09-28); Decree No. 26550, in force 2015-09-28; Art. 27 and Decree 19 carry no amendment marker"}]

# Violations are only judged where the control applies, so a direct query of violations
# agrees with the engine's verdict. A bound provider that declares no business end passes.
default applies := false

applies if inforce.binds(in_force, time.as_of)

reason := inforce.why_not(in_force, time.as_of)

path := ["cloud", "businessTermination"]

ptr(field) := governance.nearest_pointer(array.concat(path, [field]))

# The day count, as for a contract's end (cl_contract_end): "사업 종료일부터 30일 전까지",
# counted backwards without the end date (Civil Act Art. 157 and 159 by analogy, time model
# rule 5). For an end date E and N = 30, the 30 days are E-1 ... E-30 and users must be told
# by 24:00 KST of E-31 (E = 2026-09-30: by 2026-08-30; Aug 31 is a day late).
bt := input.cloud.businessTermination

# terminated is the declared business end with its deadlines and the Korean date users were
# told on (absent: not told, or told after the audit date, a future the audit must not see).
terminated := object.union(
	{"ends_on": bt.endsOn, "scope": object.get(bt, "scope", "not declared"), "days": days, "notice_due": time.add_days(bt.endsOn, 0 - (days.value + 1)), "return_due": time.add_days(bt.endsOn, -1)},
	noticed(bt),
) if {
	days := incidents.param("cl_shutdown_notice_days", time.day_start_ns(bt.endsOn))
}

noticed(b) := {"noticed_on": d} if {
	d := time.kst_date_string(time.ns(b.noticeAt))
	governance.happened(d)
} else := {}

# A deadline is judged only if the duty bound the provider on it (time model rule 1).
owed(d) if inforce.binds(in_force, d)

day_count(f) := sprintf("%d days before the end date %s, not counting it: by %s", [f.days.value, f.ends_on, f.notice_due])

day_count_ko(f) := sprintf("사업 종료일 %s 불산입 %d일 전, 즉 %s까지", [f.ends_on, f.days.value, f.notice_due])

notice_evidence(f) := {
	"ends_on": f.ends_on,
	"scope": f.scope,
	"notice_days": f.days.value,
	"notice_days_basis": f.days.basis,
	"notice_due": f.notice_due,
	"day_count": "Civil Act Art. 157 counted backwards (interpretation, time model rule 5): the end date is not counted, so the notice is due by the day before the first of the N days",
}

violations contains {
	"msg": sprintf("users were not told of the business end on %s; the notice was due %s (Cloud Decree 19(2))", [f.ends_on, day_count(f)]),
	"msg_ko": sprintf("사업 종료(%s) 사실을 이용자에게 알리지 않았습니다. 통지 기한은 %s였습니다(시행령 제19조제2항).", [f.ends_on, day_count_ko(f)]),
	"pointer": ptr("noticeAt"),
	"key": "notice",
	"evidence": object.union(notice_evidence(f), {"as_of": time.as_of}),
} if {
	applies
	f := terminated
	not f.noticed_on
	governance.passed(f.notice_due)
	owed(f.notice_due)
}

violations contains {
	"msg": sprintf("users were told of the business end on %s, %d days late: the notice was due %s (Cloud Decree 19(2))", [f.noticed_on, late, day_count(f)]),
	"msg_ko": sprintf("사업 종료 통지를 %s에 하여 %d일 늦었습니다. 통지 기한은 %s였습니다(시행령 제19조제2항).", [f.noticed_on, late, day_count_ko(f)]),
	"pointer": governance.pointer(array.concat(path, ["noticeAt"])),
	"key": "notice:late",
	"evidence": object.union(notice_evidence(f), {"noticed_on": f.noticed_on, "days_late": late}),
} if {
	applies
	f := terminated
	f.noticed_on > f.notice_due
	owed(f.notice_due)
	late := time.days_between(f.notice_due, f.noticed_on)
}

# Decree 19(2) 1-6.
contents := {
	"what-and-why": {"en": "what business ends and why", "ko": "종료하려는 사업의 내용 및 그 사유", "no": "1"},
	"end-date": {"en": "the end date", "ko": "사업 종료일", "no": "2"},
	"return-right": {"en": "that the data can be asked back", "ko": "이용자 정보의 반환을 요구할 수 있다는 사실", "no": "3"},
	"destruction": {"en": "that data not taken back by the end date are destroyed", "ko": "종료일 전까지 반환받지 아니하면 파기된다는 사실", "no": "4"},
	"return-method": {"en": "how to get the data back", "ko": "이용자 정보의 반환 방법 및 절차", "no": "5"},
	"contact": {"en": "the department and contact", "ko": "담당부서 및 연락처", "no": "6"},
}

violations contains {
	"msg": sprintf("the notice of the business end on %s did not tell %s (Cloud Decree 19(2)%s)", [f.ends_on, contents[c].en, contents[c].no]),
	"msg_ko": sprintf("사업 종료(%s) 통지에 %s 빠졌습니다(시행령 제19조제2항제%s호).", [f.ends_on, data.resilcheck.lib.text.josa(contents[c].ko, "가"), contents[c].no]),
	"pointer": ptr("contents"),
	"key": sprintf("contents:%s", [c]),
	"evidence": object.union(notice_evidence(f), {"missing_content": c, "required_contents": sort(object.keys(contents))}),
} if {
	applies
	f := terminated
	f.noticed_on
	owed(f.notice_due)
	said := {x | some x in object.get(bt, "contents", [])}
	some c, _ in contents
	not c in said
}

# Posted on the provider's website until the end date (19(2) "사업 종료일까지 … 인터넷 홈페이지에
# 게시"): owed from the notice deadline; a posting that ended before the end date, as far as
# the audit date shows, fails.
violations contains {
	"msg": sprintf("the business end on %s was not posted on the website (declare postedUntil; it must stay posted until %s, Cloud Decree 19(2))", [f.ends_on, f.ends_on]),
	"msg_ko": sprintf("사업 종료(%s) 사실을 인터넷 홈페이지에 게시하지 않았습니다(postedUntil; 종료일 %s까지 게시, 시행령 제19조제2항).", [f.ends_on, f.ends_on]),
	"pointer": ptr("postedUntil"),
	"key": "posting",
	"evidence": object.union(notice_evidence(f), {"as_of": time.as_of}),
} if {
	applies
	f := terminated
	governance.passed(f.notice_due)
	owed(f.notice_due)
	not bt.postedUntil
}

violations contains {
	"msg": sprintf("the website posting of the business end on %s came down on %s, before the end date (Cloud Decree 19(2))", [f.ends_on, bt.postedUntil]),
	"msg_ko": sprintf("사업 종료(%s) 홈페이지 게시를 종료일 전인 %s에 내렸습니다(시행령 제19조제2항).", [f.ends_on, bt.postedUntil]),
	"pointer": governance.pointer(array.concat(path, ["postedUntil"])),
	"key": "posting:early",
	"evidence": object.union(notice_evidence(f), {"posted_until": bt.postedUntil}),
} if {
	applies
	f := terminated
	owed(f.notice_due)
	bt.postedUntil < f.ends_on
	bt.postedUntil < time.as_of
}

# --- return before the end date, then destruction (27(4); Decree 19(4)-(5)) ---

return_evidence(f) := {
	"ends_on": f.ends_on,
	"scope": f.scope,
	"return_due": f.return_due,
	"return_rule": "Decree 19(4) 종료일 전까지: by the day before the end date",
}

returned_on := d if {
	d := bt.returnedOn
	governance.happened(d)
}

destroyed_on := d if {
	d := bt.destroyedOn
	governance.happened(d)
}

violations contains {
	"msg": sprintf("users' data were not returned before the business end on %s; they were due back by %s (Cloud Act 27(4); Decree 19(4))", [f.ends_on, f.return_due]),
	"msg_ko": sprintf("사업 종료일(%s) 전까지 이용자 정보를 반환하지 않았습니다. %s까지 반환해야 했습니다(법 제27조제4항, 시행령 제19조제4항).", [f.ends_on, f.return_due]),
	"pointer": ptr("returnedOn"),
	"key": "return",
	"evidence": object.union(return_evidence(f), {"as_of": time.as_of}),
} if {
	applies
	f := terminated
	governance.passed(f.return_due)
	owed(f.ends_on)
	not returned_on
}

violations contains {
	"msg": sprintf("users' data were returned on %s, %d days after %s, the day before the business end on %s (Cloud Act 27(4); Decree 19(4))", [returned_on, late, f.return_due, f.ends_on]),
	"msg_ko": sprintf("이용자 정보를 %s에 반환하여 사업 종료일(%s) 전날인 %s보다 %d일 늦었습니다(법 제27조제4항, 시행령 제19조제4항).", [returned_on, f.ends_on, f.return_due, late]),
	"pointer": governance.pointer(array.concat(path, ["returnedOn"])),
	"key": "return:late",
	"evidence": object.union(return_evidence(f), {"returned_on": returned_on, "days_late": late}),
} if {
	applies
	f := terminated
	owed(f.ends_on)
	returned_on > f.return_due
	late := time.days_between(f.return_due, returned_on)
}

# Destruction has no period in law: judged from the day after the end date (interpretation).
violations contains {
	"msg": sprintf("the provider's copies of users' data have not been destroyed after the business end on %s (Cloud Act 27(4); Decree 19(5); judged from the day after the end date: interpretation)", [f.ends_on]),
	"msg_ko": sprintf("사업 종료일(%s) 이후 이용자 정보를 파기하지 않았습니다(법 제27조제4항, 시행령 제19조제5항; 종료일 다음 날부터 판단: 해석).", [f.ends_on]),
	"pointer": ptr("destroyedOn"),
	"key": "destruction",
	"evidence": object.union(return_evidence(f), {"as_of": time.as_of, "destruction_rule": "no period in law: owed once the business has ended (interpretation)"}),
} if {
	applies
	f := terminated
	governance.passed(f.ends_on)
	owed(f.ends_on)
	not destroyed_on
}

violations contains {
	"msg": sprintf("users' data were destroyed on %s, before they were returned on %s: return first, then destroy (Cloud Act 27(4); Decree 19(4)-(5))", [destroyed_on, returned_on]),
	"msg_ko": sprintf("이용자 정보를 반환(%s)하기 전인 %s에 파기했습니다. 반환 후 파기해야 합니다(법 제27조제4항, 시행령 제19조제4항·제5항).", [returned_on, destroyed_on]),
	"pointer": governance.pointer(array.concat(path, ["destroyedOn"])),
	"key": "destruction:before-return",
	"evidence": object.union(return_evidence(terminated), {"returned_on": returned_on, "destroyed_on": destroyed_on}),
} if {
	applies
	owed(terminated.ends_on)
	destroyed_on < returned_on
}
