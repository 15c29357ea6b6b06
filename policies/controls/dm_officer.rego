# METADATA
# title: Disaster-management officer appointed and notified
# description: |
#   A major provider designates a disaster-management officer (BCDA Art. 39-2(1)): the head
#   of the department in charge of disaster-related work as a whole or, where there is no
#   such department, an officer or employee chosen for relevance and capability (Decree
#   Art. 27-2(1)); and it notifies the ministry in writing within dm_officer_notify_days of
#   the designation (27-2(2)). The law sets no appointment deadline: the officer must be in
#   post on the audit date once the duty binds (audit default). The officer's declared role
#   shows which branch of 27-2(1) was used: an undeclared role is noted beside the verdict
#   (not judged), and a designated employee beside a declared dedicated
#   disaster-management department fails (interpretation: that department heads the
#   disaster work, 27-2(4)). A notice declared not in writing is no notice; one whose form is
#   not declared is taken as written, as ministryNotifiedOn is defined (evidence says so).
#   Carriers are bound from 2017-07-26 (the earliest wording in the statute texts), major
#   value-added providers and datacenter operators from 2023-07-04; an officer appointed
#   before the duty reached the provider is taken as designated on the day it did
#   (interpretation).
# related_resources:
#   - https://www.law.go.kr/법령/방송통신발전기본법
# scope: package
# custom:
#   id: KR-BCDA-39-2-OFFICER
#   severity: medium
#   kind: law
#   regulation: BCDA
#   title_ko: 방송통신재난관리책임자 지정 및 서면 통보
#   description_ko: 주요방송통신사업자는 방송통신재난 관련 업무를 총괄하는 부서의 장을(그런 부서가 없으면 업무 관련성과 수행능력을 고려하여 임직원 중에서) 방송통신재난관리책임자로 지정하고, 지정일부터 30일 이내에 과학기술정보통신부장관에게 서면으로 알려야 한다. 지정 기한은 법령에 없으므로 의무가 적용되는 감사일에 책임자가 지정되어 있어야 한다(감사 기본값). 책임자의 지위(role)를 신고하지 않으면 판단하지 않고 참고 사항으로 남기며, 통신재난관리 전담부서가 있는데 임직원 중에서 지정했다고 신고하면 불합격으로 본다(해석). 서면이 아닌 통보는 통보로 보지 않으며, 서면 여부를 신고하지 않은 통보는 ministryNotifiedOn의 정의대로 서면 통보로 본다. 기간통신사업자는 2017-07-26부터, 부가통신·집적정보통신시설 사업자는 2023-07-04부터 적용된다.
#   citation:
#     law: Framework Act on Broadcasting and Communications Development
#     law_ko: 방송통신발전 기본법
#     article: Art. 39-2(1)
#     decree: Enforcement Decree Art. 27-2(1)-(2)
#     in_force: "2017-07-26"
#     text: BCDA Art. 39-2(1); Decree Art. 27-2(1)-(2)
#     text_ko: 방송통신발전 기본법 제39조의2제1항; 같은 법 시행령 제27조의2제1항 및 제2항
#   remediation:
#     en: Designate the head of the department in charge of disaster-related work (or, without one, a suitable officer or employee) as disaster-management officer, notify the ministry in writing within 30 days, and record appointedOn, role, ministryNotifiedOn and notifiedInWriting under governance.officer.
#     ko: 방송통신재난 관련 업무를 총괄하는 부서의 장(그런 부서가 없으면 적합한 임직원)을 방송통신재난관리책임자로 지정하고 30일 이내에 과학기술정보통신부에 서면으로 알린 뒤, governance.officer에 지정일, 지위(role), 통보일, 서면 여부를 기록하십시오.
#   frameworks:
#     - KR-BCDA
#   in_force:
#     - until: "2017-07-26"
#       parties: [carrier]
#       verifiable: false
#       label: law
#       citation: BCDA Art. 39-2(1); Decree Art. 27-2(1)-(2) (wording before 2017-07-26 not in the statute texts)
#     - from: "2017-07-26"
#       until: "2023-07-04"
#       parties: [carrier]
#       label: law
#       citation: BCDA Art. 39-2(1); Decree Art. 27-2(1)-(2)
#       citation_ko: 방송통신발전 기본법 제39조의2제1항; 같은 법 시행령 제27조의2제1항 및 제2항
#       basis: Decree 27-2(2) as amended 2017-07-26 (earliest wording in the statute texts)
#     - from: "2023-07-04"
#       parties: [carrier, major-vas, major-idc]
#       label: law
#       citation: BCDA Art. 39-2(1); Decree Art. 27-2(1)-(2)
#       citation_ko: 방송통신발전 기본법 제39조의2제1항; 같은 법 시행령 제27조의2제1항 및 제2항
#       basis: Act No. 19152 (2023-01-03) and Decree No. 33611, in force 2023-07-04, made major value-added providers and datacenter operators major providers
package resilcheck.controls.dm_officer

import data.resilcheck.lib.incidents
import data.resilcheck.lib.inforce
import data.resilcheck.lib.params
import data.resilcheck.lib.scope
import data.resilcheck.lib.time

# in_force is this package's METADATA custom.in_force (a Go test holds them equal).
in_force := [
	{"until": "2017-07-26", "parties": ["carrier"], "verifiable": false, "label": "law", "citation": "BCDA Art. 39-2(1); Decree Art. 27-2(1)-(2) (wording before 2017-07-26 not in the statute texts)"},
	{"from": "2017-07-26", "until": "2023-07-04", "parties": ["carrier"], "label": "law", "citation": "BCDA Art. 39-2(1); Decree Art. 27-2(1)-(2)", "citation_ko": "방송통신발전 기본법 제39조의2제1항; 같은 법 시행령 제27조의2제1항 및 제2항", "basis": "Decree 27-2(2) as amended 2017-07-26 (earliest wording in the statute texts)"},
	{"from": "2023-07-04", "parties": ["carrier", "major-vas", "major-idc"], "label": "law", "citation": "BCDA Art. 39-2(1); Decree Art. 27-2(1)-(2)", "citation_ko": "방송통신발전 기본법 제39조의2제1항; 같은 법 시행령 제27조의2제1항 및 제2항", "basis": "Act No. 19152 (2023-01-03) and Decree No. 33611, in force 2023-07-04, made major value-added providers and datacenter operators major providers"},
]

# Violations are judged only where the control applies, so querying them directly with
# `opa eval` gives the same answer as the engine.
default applies := false

applies if inforce.binds(in_force, time.as_of)

reason := inforce.why_not(concerning, time.as_of)

# concerning are the periods that concern this provider for the reason: lib.inforce says "not
# verifiable" while a verifiable-false period covers the date, whichever parties it names, but
# for a provider that is of none of that period's party kinds the duty was simply not in
# force for it, and the reason must say that.
concerning := [p | some p in in_force; concerns(p)]

concerns(p) if not p.verifiable == false

concerns(p) if {
	some x in p.parties
	of_kind(x)
}

# of_kind(x): the provider is of party x's kind (its size aside, which the thresholds of the
# unverifiable years may not even have had).
of_kind("carrier") if scope.facilities_based

of_kind("major-vas") if scope.value_added

of_kind("major-idc") if count(scope.colo_sites) + count(scope.own_use_sites) > 0

officer := object.get(input, ["governance", "officer"], null)

# duty_from is the first date the duty bound this provider (by its current metrics): the
# start of a period, or the day a party it names came into scope, whichever binds first.
duty_from := min({d |
	some d in ({p.from | some p in in_force; p.from} | {scope.branch_from[x] | some p in in_force; some x in object.get(p, "parties", [])})
	d <= time.as_of
	inforce.binds(in_force, d)
})

# clock_from is the day the notice period starts: the appointment, or, for an officer
# appointed before the duty reached the provider, the day it did (interpretation: the
# designation then takes effect under 39-2(1)).
clock_from := duty_from if {
	officer.appointedOn < duty_from
} else := officer.appointedOn

clock_text := sprintf("the appointment on %s", [clock_from]) if {
	clock_from == officer.appointedOn
} else := sprintf("%s, when the duty reached the provider (appointed on %s)", [clock_from, officer.appointedOn])

clock_text_ko := sprintf("지정일(%s)", [clock_from]) if {
	clock_from == officer.appointedOn
} else := sprintf("의무 적용일(%s, 지정일 %s)", [clock_from, officer.appointedOn])

clock_note := {} if {
	clock_from == officer.appointedOn
} else := {
	"clock_from": clock_from,
	"clock_label": "interpretation",
	"clock_basis": sprintf("appointed on %s, before the duty bound this provider (%s): the notice period runs from %s", [officer.appointedOn, duty_from, duty_from]),
}

# limit_entry is the notice period in force on the day the clock started, with its label.
limit_entry := incidents.param("dm_officer_notify_days", time.day_start_ns(clock_from))

limit := limit_entry.value

due := time.add_days(clock_from, limit)

# notified_on is the notice date, when it had happened by the audit date: a notice dated
# after the audit date has not happened yet from the audit's point of view.
notified_on := officer.ministryNotifiedOn if time.day_start_ns(officer.ministryNotifiedOn) <= time.as_of_ns

# Decree 27-2(2) asks for notice "서면으로" (in writing). A notice declared not in writing is
# no notice. One whose form is not declared is taken as written: ministryNotifiedOn is defined
# as the date the ministry was notified in writing, so the declaration already says so; the
# evidence notes that the form was not declared separately.
written_on := notified_on if not officer.notifiedInWriting == false

writing_note := {"notified_in_writing": officer.notifiedInWriting} if {
	is_boolean(officer.notifiedInWriting)
} else := {"notified_in_writing": "not declared: ministryNotifiedOn is taken as the written notice its field describes"}

# The law sets no deadline to appoint the officer: the tool asks for one in post on the audit
# date once the provider is bound (an audit default), and a finding of none says so.
in_post := {
	"label": "audit-default",
	"basis": "BCDA Art. 39-2(1) sets no appointment deadline: an officer in post on the audit date once the provider is bound (audit default, not law)",
	"basis_ko": "방송통신발전 기본법 제39조의2제1항은 지정 기한을 정하지 않음: 의무 대상이 된 뒤 점검일에 책임자가 지정되어 있어야 함(점검 기본값, 법정 기준 아님)",
}

violations contains {
	"msg": "no disaster-management officer is declared (governance.officer is missing)",
	"msg_ko": "방송통신재난관리책임자가 신고되지 않았습니다(governance.officer 누락).",
	"pointer": "/governance",
	"evidence": object.union({"missing": "governance.officer", "as_of": time.as_of}, in_post),
} if {
	applies
	officer == null
}

violations contains {
	"msg": "no disaster-management officer is appointed",
	"msg_ko": "방송통신재난관리책임자가 지정되지 않았습니다.",
	"pointer": "/governance/officer/appointed",
	"evidence": object.union({"appointed": false, "as_of": time.as_of}, in_post),
} if {
	applies
	officer.appointed == false
}

violations contains {
	"msg": sprintf("the officer's appointment date is not declared, so the %d-day written notice cannot be judged", [params.now("dm_officer_notify_days")]),
	"msg_ko": sprintf("방송통신재난관리책임자 지정일이 없어 %d일 이내 서면 통보 여부를 판단할 수 없습니다.", [params.now("dm_officer_notify_days")]),
	"pointer": "/governance/officer",
	"evidence": {"missing": "governance.officer.appointedOn"},
} if {
	applies
	officer.appointed == true
	not officer.appointedOn
}

# Decree 27-2(1) says who may be designated; the declared role is the record that shows it.
# The field is newer than most manifests, so an undeclared role is a note beside the verdict,
# not a failure: the designation itself (appointed, notified) is what the law fines.
notes contains {
	"msg": "the officer's role is not declared (governance.officer.role: department-head or designated-employee), so which branch of Decree Art. 27-2(1) was used is not judged",
	"msg_ko": "방송통신재난관리책임자의 지위(governance.officer.role: department-head 또는 designated-employee)가 신고되지 않아 시행령 제27조의2제1항의 어느 경우인지 판단하지 않았습니다.",
	"pointer": "/governance/officer",
	"evidence": {
		"missing": "governance.officer.role",
		"allowed": ["department-head", "designated-employee"],
		"label": "interpretation",
		"basis": "Decree Art. 27-2(1) names who is designated: the head of the department in charge of disaster-related work, or, without one, an officer or employee; an undeclared role shows neither",
	},
} if {
	applies
	officer.appointed == true
	not officer.role
}

# A designated employee is allowed only where no department is in charge of the disaster
# work; a declared dedicated disaster-management department (Decree 27-2(3)) is one (it heads
# that work, 27-2(4)): interpretation.
violations contains {
	"msg": "the officer is a designated employee, but a dedicated disaster-management department is declared: Decree Art. 27-2(1) designates the head of that department",
	"msg_ko": "통신재난관리 전담부서가 신고되어 있는데 방송통신재난관리책임자를 임직원 중에서 지정했습니다. 시행령 제27조의2제1항에 따라 그 부서의 장을 지정해야 합니다.",
	"pointer": "/governance/officer/role",
	"evidence": {
		"role": officer.role,
		"dedicated_department": true,
		"department_name": object.get(input, ["governance", "disasterTeam", "departmentName"], "not declared"),
		"label": "interpretation",
		"basis": "Decree Art. 27-2(1) proviso: an employee only where no department is in charge of disaster-related work; the dedicated department of 27-2(3) is in charge of it (27-2(4))",
	},
} if {
	applies
	officer.appointed == true
	officer.role == "designated-employee"
	input.governance.disasterTeam.dedicatedDepartment == true
}

violations contains {
	"msg": sprintf("the ministry has not been notified of the officer appointed on %s; written notice was due by %s (%d days)", [officer.appointedOn, due, limit]),
	"msg_ko": sprintf("%s에 지정된 방송통신재난관리책임자를 통보하지 않았습니다(서면 통보 기한 %s, %d일).", [officer.appointedOn, due, limit]),
	"pointer": "/governance/officer",
	"evidence": object.union(clock_note, {"appointed_on": officer.appointedOn, "due": due, "limit_days": limit, "limit_label": limit_entry.label, "limit_basis": limit_entry.basis, "as_of": time.as_of}),
} if {
	applies
	officer.appointed == true
	not notified_on
	time.as_of_ns > time.day_end_ns(due)
}

violations contains {
	"msg": sprintf("the ministry was notified on %s of the officer appointed on %s, but not in writing (notifiedInWriting: false); written notice was due by %s (%d days)", [notified_on, officer.appointedOn, due, limit]),
	"msg_ko": sprintf("%s에 지정된 방송통신재난관리책임자를 %s에 통보했으나 서면이 아니었습니다(notifiedInWriting: false). 서면 통보 기한은 %s(%d일)입니다.", [officer.appointedOn, notified_on, due, limit]),
	"pointer": "/governance/officer/notifiedInWriting",
	"evidence": object.union(clock_note, {"appointed_on": officer.appointedOn, "notified_on": notified_on, "notified_in_writing": false, "due": due, "limit_days": limit, "limit_label": limit_entry.label, "as_of": time.as_of}),
} if {
	applies
	officer.appointed == true
	notified_on
	officer.notifiedInWriting == false
	time.as_of_ns > time.day_end_ns(due)
}

violations contains {
	"msg": sprintf("the ministry was notified on %s, %d days after %s (limit %d days)", [written_on, days, clock_text, limit]),
	"msg_ko": sprintf("%s부터 %d일 뒤인 %s에 통보했습니다(기한 %d일).", [clock_text_ko, days, written_on, limit]),
	"pointer": "/governance/officer/ministryNotifiedOn",
	"evidence": object.union(object.union(clock_note, writing_note), {"appointed_on": officer.appointedOn, "notified_on": written_on, "days": days, "limit_days": limit, "limit_label": limit_entry.label}),
} if {
	applies
	officer.appointed == true
	days := time.days_between(clock_from, written_on)
	days > limit
}
