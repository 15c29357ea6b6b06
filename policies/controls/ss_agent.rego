# METADATA
# title: Foreign provider appoints a domestic agent in writing
# description: |
#   A value-added provider with no address or place of business in Korea that meets the
#   service-stability thresholds (the same test as TBA Art. 22-7(1): no separate decree
#   threshold exists for the agent) appoints, in writing, a domestic agent who handles the
#   Korean contact channel for user requests, the stability reports and data requests, and
#   user-protection work. The agent must have an address or place of business in Korea.
# related_resources:
#   - https://www.law.go.kr/법령/전기통신사업법
# scope: package
# custom:
#   id: KR-TBA-22-8-AGENT
#   severity: medium
#   kind: law
#   regulation: TBA
#   title_ko: 국외 부가통신사업자의 국내대리인 서면 지정
#   description_ko: 국내에 주소 또는 영업소가 없는 부가통신사업자로서 서비스 안정성 확보 의무 기준(법 제22조의7제1항)에 해당하는 자는 이용자 요구사항 처리를 위한 국내 연락 수단 확보, 자료 제출, 이용자 보호 업무 등을 대리하는 국내대리인을 서면으로 지정하여야 하며, 국내대리인은 국내에 주소 또는 영업소가 있는 자여야 한다.
#   citation:
#     law: Telecommunications Business Act
#     law_ko: 전기통신사업법
#     article: Art. 22-8(1)-(2)
#     in_force: "2023-07-04"
#     text: TBA Art. 22-8(1)-(2)
#     text_ko: 전기통신사업법 제22조의8제1항 및 제2항
#   remediation:
#     en: Appoint in writing a domestic agent with an address or place of business in Korea (a Korean subsidiary or controlled company where one exists) and declare it under provider.domesticAgent with appointedInWriting and address.
#     ko: 국내에 주소 또는 영업소가 있는 자(국내 법인 자회사나 지배 법인이 있으면 그 법인)를 국내대리인으로 서면 지정하고, provider.domesticAgent에 appointedInWriting과 address를 신고하십시오.
#   frameworks:
#     - KR-TBA
package resilcheck.controls.ss_agent

import data.resilcheck.lib.scope

# Violations are only judged where the control applies, so a direct query of violations
# agrees with the engine's verdict.
default applies := false

applies if {
	scope.stability
	scope.foreign
}

agent := object.get(input, ["provider", "domesticAgent"], null)

violations contains {
	"msg": "a foreign provider in the service-stability scope has no domestic agent (provider.domesticAgent is missing)",
	"msg_ko": "서비스 안정성 확보 의무 대상인 국외 사업자가 국내대리인을 지정하지 않았습니다(provider.domesticAgent 누락).",
	"pointer": "/provider",
	"evidence": {"origin": "foreign", "missing": "provider.domesticAgent"},
} if {
	applies
	agent == null
}

violations contains {
	"msg": sprintf("the domestic agent %s was not appointed in writing", [agent.name]),
	"msg_ko": sprintf("국내대리인(%s)을 서면으로 지정하지 않았습니다.", [agent.name]),
	"pointer": "/provider/domesticAgent/appointedInWriting",
	"evidence": {"agent": agent.name, "appointed_in_writing": false},
} if {
	applies
	agent.appointedInWriting == false
}

violations contains {
	"msg": sprintf("whether the domestic agent %s was appointed in writing is not declared", [agent.name]),
	"msg_ko": sprintf("국내대리인(%s)의 서면 지정 여부가 신고되지 않았습니다.", [agent.name]),
	"pointer": "/provider/domesticAgent",
	"evidence": {"agent": agent.name, "missing": "provider.domesticAgent.appointedInWriting"},
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
	"evidence": {"agent": agent.name, "missing": "provider.domesticAgent.address"},
} if {
	applies
	agent != null
	trim_space(object.get(agent, "address", "")) == ""
}
