# METADATA
# title: Disaster-management officer appointed and notified
# description: |
#   A major provider appoints a disaster-management officer and notifies the Minister of
#   Science and ICT in writing within 30 days of the appointment.
# related_resources:
#   - https://www.law.go.kr/법령/방송통신발전기본법
# scope: package
# custom:
#   id: KR-BCDA-39-2-OFFICER
#   severity: medium
#   kind: law
#   regulation: BCDA
#   title_ko: 재난관리책임자 지정 및 통보
#   description_ko: 주요방송통신사업자는 재난관리책임자를 지정하고 지정일부터 30일 이내에 과학기술정보통신부장관에게 서면으로 통보하여야 한다.
#   citation:
#     law: Framework Act on Broadcasting and Communications Development
#     law_ko: 방송통신발전 기본법
#     article: Art. 39-2(1)
#     decree: Enforcement Decree Art. 27-2(1)-(2)
#     in_force: "2023-07-04"
#     text: BCDA Art. 39-2(1); Decree Art. 27-2(1)-(2)
#     text_ko: 방송통신발전 기본법 제39조의2제1항; 같은 법 시행령 제27조의2제1항 및 제2항
#   remediation:
#     en: Appoint a disaster-management officer and send the ministry written notice within 30 days; record both dates under governance.officer.
#     ko: 재난관리책임자를 지정하고 30일 이내에 과학기술정보통신부에 서면으로 통보한 뒤, governance.officer에 지정일과 통보일을 기록하십시오.
#   frameworks:
#     - KR-BCDA
package resilcheck.controls.dm_officer

import data.resilcheck.lib.params
import data.resilcheck.lib.scope
import data.resilcheck.lib.time

default applies := false

applies if scope.disaster_management

officer := object.get(input, ["governance", "officer"], null)

# limit is the notice period in force on the day the officer was appointed.
limit := params.at("dm_officer_notify_days", time.day_start_ns(officer.appointedOn))

due := time.add_days(officer.appointedOn, limit)

# notified_on is the notice date, when it had happened by the audit date: a notice dated
# after the audit date has not happened yet from the audit's point of view.
notified_on := officer.ministryNotifiedOn if time.day_start_ns(officer.ministryNotifiedOn) <= time.as_of_ns

# Violations are judged only where the control applies, so querying them directly with
# `opa eval` gives the same answer as the engine.
violations contains {
	"msg": "no disaster-management officer is declared (governance.officer is missing)",
	"msg_ko": "재난관리책임자가 신고되지 않았습니다(governance.officer 누락).",
	"pointer": "/governance",
	"evidence": {"missing": "governance.officer"},
} if {
	applies
	officer == null
}

violations contains {
	"msg": "no disaster-management officer is appointed",
	"msg_ko": "재난관리책임자가 지정되지 않았습니다.",
	"pointer": "/governance/officer/appointed",
	"evidence": {"appointed": false},
} if {
	applies
	officer.appointed == false
}

violations contains {
	"msg": "the officer's appointment date is not declared, so the 30-day notice cannot be judged",
	"msg_ko": "재난관리책임자 지정일이 없어 30일 이내 통보 여부를 판단할 수 없습니다.",
	"pointer": "/governance/officer",
	"evidence": {"missing": "governance.officer.appointedOn"},
} if {
	applies
	officer.appointed == true
	not officer.appointedOn
}

violations contains {
	"msg": sprintf("the ministry has not been notified of the officer appointed on %s; notice was due by %s", [officer.appointedOn, due]),
	"msg_ko": sprintf("%s에 지정된 재난관리책임자를 통보하지 않았습니다(기한 %s).", [officer.appointedOn, due]),
	"pointer": "/governance/officer",
	"evidence": {"appointed_on": officer.appointedOn, "due": due, "limit_days": limit, "as_of": time.as_of},
} if {
	applies
	officer.appointed == true
	not notified_on
	time.as_of_ns > time.day_end_ns(due)
}

violations contains {
	"msg": sprintf("the ministry was notified on %s, %d days after the appointment on %s (limit %d days)", [notified_on, days, officer.appointedOn, limit]),
	"msg_ko": sprintf("지정일(%s)부터 %d일 뒤인 %s에 통보했습니다(기한 %d일).", [officer.appointedOn, days, notified_on, limit]),
	"pointer": "/governance/officer/ministryNotifiedOn",
	"evidence": {"appointed_on": officer.appointedOn, "notified_on": notified_on, "days": days, "limit_days": limit},
} if {
	applies
	officer.appointed == true
	days := time.days_between(officer.appointedOn, notified_on)
	days > limit
}
