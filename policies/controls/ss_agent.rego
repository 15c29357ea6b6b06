# METADATA
# title: Provider without a Korean establishment appoints a domestic agent in writing
# description: |
#   A value-added provider in the service-stability scope that has no address or place of
#   business in Korea (being foreign is not the test: provider.koreanEstablishment is)
#   appoints, in writing, a domestic agent for the Korean contact channel for user requests,
#   the stability reports and data requests, and user-protection work. The agent has an
#   address or place of business in Korea, and where the provider has a domestic corporation
#   it founded or dominantly controls, the agent is one of them: for appointments from
#   2022-12-11, while an agent appointed earlier had to be replaced by such a corporation
#   within 6 months (by 2023-06-11). The duty is older than the texts show: before 2022-12-11
#   it is not verifiable; until 2023-07-04 22-8(1) stood in an older wording.
# related_resources:
#   - https://www.law.go.kr/법령/전기통신사업법
# scope: package
# custom:
#   id: KR-TBA-22-8-AGENT
#   severity: medium
#   kind: law
#   regulation: TBA
#   title_ko: 국내 주소·영업소가 없는 부가통신사업자의 국내대리인 서면 지정
#   description_ko: 국내에 주소 또는 영업소가 없는 부가통신사업자로서 서비스 안정성 확보 의무 기준(법 제22조의7제1항)에 해당하는 자는(국외 사업자인지가 아니라 provider.koreanEstablishment로 판단) 이용자 요구사항 처리를 위한 국내 연락 수단 확보, 자료 제출, 이용자 보호 업무 등을 대리하는 국내대리인을 서면으로 지정하여야 한다. 국내대리인은 국내에 주소 또는 영업소가 있는 자여야 하며, 사업자가 설립했거나 지배적인 영향력을 행사하는 국내 법인이 있으면 그 법인 중에서 지정하여야 한다(2022년 12월 11일 이후 지정분; 그 전에 지정한 경우 6개월 이내, 즉 2023년 6월 11일까지 변경). 2022년 12월 11일 전은 판단할 수 없고, 2023년 7월 4일까지는 제22조의8제1항의 종전 문언이 적용된다.
#   citation:
#     law: Telecommunications Business Act
#     law_ko: 전기통신사업법
#     article: Art. 22-8(1)-(2)
#     in_force: "2022-12-11"
#     text: TBA Art. 22-8(1)-(2)
#     text_ko: 전기통신사업법 제22조의8제1항 및 제2항
#   remediation:
#     en: Appoint in writing a domestic agent with an address or place of business in Korea, chosen among the Korean corporations you founded or control where any exist; declare it under provider.domesticAgent (appointedInWriting, appointedOn, address, affiliateId) and the corporations under provider.domesticAffiliates.
#     ko: 국내에 주소 또는 영업소가 있는 자(설립했거나 지배하는 국내 법인이 있으면 그 법인 중에서)를 국내대리인으로 서면 지정하고, provider.domesticAgent(appointedInWriting, appointedOn, address, affiliateId)와 provider.domesticAffiliates에 신고하십시오.
#   frameworks:
#     - KR-TBA
#   in_force:
#     - until: "2022-12-11"
#       parties: [agent]
#       verifiable: false
#       label: law
#       citation: TBA Art. 22-8 (wording before 2022-12-11 not in the statute texts)
#     - from: "2022-12-11"
#       until: "2023-07-04"
#       parties: [agent]
#       label: law-older-wording-reported
#       citation: TBA Art. 22-8(1)-(2) (22-8(1) as worded before 2023-07-04 not in the statute texts)
#       citation_ko: 전기통신사업법 제22조의8제1항 및 제2항(2023. 7. 4. 전 제1항 문언은 법령 원문에 없음)
#       basis: "22-8(2) as amended by Act No. 18869 (2022-06-10, in force 2022-12-11) for appointments from then; agents appointed earlier replaced within 6 months (Addenda Art. 3, 5)"
#     - from: "2023-07-04"
#       parties: [agent]
#       label: law
#       citation: TBA Art. 22-8(1)-(2)
#       citation_ko: 전기통신사업법 제22조의8제1항 및 제2항
#       basis: "22-8(1) as amended and 22-8(4) added by Act No. 19153 (2023-01-03), in force 2023-07-04"
package resilcheck.controls.ss_agent

import data.resilcheck.lib.inforce
import data.resilcheck.lib.time

# in_force is this package's METADATA custom.in_force (a Go test holds them equal).
in_force := [
	{"until": "2022-12-11", "parties": ["agent"], "verifiable": false, "label": "law", "citation": "TBA Art. 22-8 (wording before 2022-12-11 not in the statute texts)"},
	{"from": "2022-12-11", "until": "2023-07-04", "parties": ["agent"], "label": "law-older-wording-reported", "citation": "TBA Art. 22-8(1)-(2) (22-8(1) as worded before 2023-07-04 not in the statute texts)", "citation_ko": "전기통신사업법 제22조의8제1항 및 제2항(2023. 7. 4. 전 제1항 문언은 법령 원문에 없음)", "basis": "22-8(2) as amended by Act No. 18869 (2022-06-10, in force 2022-12-11) for appointments from then; agents appointed earlier replaced within 6 months (Addenda Art. 3, 5)"},
	{"from": "2023-07-04", "parties": ["agent"], "label": "law", "citation": "TBA Art. 22-8(1)-(2)", "citation_ko": "전기통신사업법 제22조의8제1항 및 제2항", "basis": "22-8(1) as amended and 22-8(4) added by Act No. 19153 (2023-01-03), in force 2023-07-04"},
]

# Violations are only judged where the control applies, so a direct query of violations
# agrees with the engine's verdict.
default applies := false

applies if inforce.binds(in_force, time.as_of)

reason := inforce.why_not(in_force, time.as_of)

rule := inforce.citation_on(in_force, time.as_of)

# The subsidiary rule of 22-8(2) applies to appointments from the day Act No. 18869 took
# effect (Addenda Art. 3); an agent appointed before then had to be replaced by one of the
# corporations within 6 months of it (Addenda Art. 5), i.e. by the end of 2023-06-11 counting
# as REGULATIONS.md's time model does (first day not counted).
affiliate_rule_from := "2022-12-11"

replacement_due := "2023-06-11"

agent := object.get(input, ["provider", "domesticAgent"], null)

affiliates := object.get(input, ["provider", "domesticAffiliates"], [])

affiliate_ids := {a.id | some a in affiliates}

violations contains {
	"msg": "a service-stability provider without an address or place of business in Korea has no domestic agent (provider.domesticAgent is missing)",
	"msg_ko": "국내에 주소 또는 영업소가 없는 서비스 안정성 확보 의무 사업자가 국내대리인을 지정하지 않았습니다(provider.domesticAgent 누락).",
	"pointer": "/provider",
	"evidence": {"korean_establishment": false, "missing": "provider.domesticAgent", "rule": rule},
} if {
	applies
	agent == null
}

violations contains {
	"msg": sprintf("the domestic agent %s was not appointed in writing", [agent.name]),
	"msg_ko": sprintf("국내대리인(%s)을 서면으로 지정하지 않았습니다.", [agent.name]),
	"pointer": "/provider/domesticAgent/appointedInWriting",
	"evidence": {"agent": agent.name, "appointed_in_writing": false, "rule": rule},
} if {
	applies
	agent.appointedInWriting == false
}

violations contains {
	"msg": sprintf("whether the domestic agent %s was appointed in writing is not declared", [agent.name]),
	"msg_ko": sprintf("국내대리인(%s)의 서면 지정 여부가 신고되지 않았습니다.", [agent.name]),
	"pointer": "/provider/domesticAgent",
	"evidence": {"agent": agent.name, "missing": "provider.domesticAgent.appointedInWriting", "rule": rule},
} if {
	applies
	agent != null
	not "appointedInWriting" in object.keys(agent)
}

# Art. 22-8(2): the agent must have an address or place of business in Korea; without one
# on record the audit cannot tell the agent qualifies.
violations contains {
	"msg": sprintf("the domestic agent %s has no address in Korea on record", [agent.name]),
	"msg_ko": sprintf("국내대리인(%s)의 국내 주소 또는 영업소가 신고되지 않았습니다.", [agent.name]),
	"pointer": "/provider/domesticAgent",
	"evidence": {"agent": agent.name, "missing": "provider.domesticAgent.address", "rule": rule},
} if {
	applies
	agent != null
	trim_space(object.get(agent, "address", "")) == ""
}

# Art. 22-8(2) second sentence: with domestic corporations the provider founded or controls,
# the agent is one of them. An agent appointed before 2022-12-11 may stay until 2023-06-11.
violations contains {
	"msg": sprintf("the domestic agent %s is not one of the Korean corporations the provider founded or controls (%s)%s; %s", [agent.name, concat(", ", sort(affiliate_ids)), affiliate_gap.en, timing.en]),
	"msg_ko": sprintf("국내대리인(%s)이 사업자가 설립했거나 지배하는 국내 법인(%s) 중 하나가 아닙니다%s. %s", [agent.name, concat(", ", sort(affiliate_ids)), affiliate_gap.ko, timing.ko]),
	"pointer": affiliate_pointer,
	"evidence": {
		"agent": agent.name,
		"affiliate_id": object.get(agent, "affiliateId", "not declared"),
		"domestic_affiliates": sort(affiliate_ids),
		"appointed_on": object.get(agent, "appointedOn", "not declared"),
		"affiliate_rule_from": affiliate_rule_from,
		"replacement_due": replacement_due,
		"rule": rule,
	},
} if {
	applies
	agent != null
	count(affiliate_ids) > 0
	not agent_is_affiliate
	timing := affiliate_rule_timing
}

agent_is_affiliate if agent.affiliateId in affiliate_ids

# affiliate_gap says what the declaration lacks.
affiliate_gap := {"en": " (domesticAgent.affiliateId not declared)", "ko": "(domesticAgent.affiliateId 미신고)"} if {
	not agent.affiliateId
} else := {"en": sprintf(" (affiliateId %s names no declared affiliate)", [agent.affiliateId]), "ko": sprintf("(affiliateId %s에 해당하는 법인이 신고되지 않음)", [agent.affiliateId])}

affiliate_pointer := "/provider/domesticAgent/affiliateId" if agent.affiliateId

else := "/provider/domesticAgent"

# affiliate_rule_timing is why the rule reaches this agent on the audit date (undefined while
# an agent appointed before 2022-12-11 is still within its 6 months).
affiliate_rule_timing := {
	"en": sprintf("appointed on %s, when the rule applied (appointments from %s)", [agent.appointedOn, affiliate_rule_from]),
	"ko": sprintf("%s 지정으로 이 규정(%s 이후 지정분)이 적용됩니다", [agent.appointedOn, affiliate_rule_from]),
} if {
	agent.appointedOn >= affiliate_rule_from
} else := {
	"en": sprintf("appointed on %s, so it had to be replaced by one of them by %s", [agent.appointedOn, replacement_due]),
	"ko": sprintf("%s 지정으로 %s까지 해당 법인으로 변경해야 했습니다", [agent.appointedOn, replacement_due]),
} if {
	agent.appointedOn
	replacement_due < time.as_of
} else := {
	"en": sprintf("appointedOn is not declared, and an agent appointed before %s had to be replaced by one of them by %s in any case", [affiliate_rule_from, replacement_due]),
	"ko": sprintf("지정일(appointedOn)이 신고되지 않았으며, %s 전에 지정했더라도 %s까지 해당 법인으로 변경해야 했습니다", [affiliate_rule_from, replacement_due]),
} if {
	not agent.appointedOn
	replacement_due < time.as_of
} else := {
	"en": sprintf("appointedOn is not declared, so an appointment before %s (which may stay until %s) cannot be shown", [affiliate_rule_from, replacement_due]),
	"ko": sprintf("지정일(appointedOn)이 신고되지 않아 %s 전 지정(%s까지 유예)임을 확인할 수 없습니다", [affiliate_rule_from, replacement_due]),
} if {
	not agent.appointedOn
}
