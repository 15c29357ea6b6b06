# METADATA
# title: Each protected site is fed from as many substations as the reported 2024 guideline asks
# description: |
#   The reported 2024 revision of MSIT's datacenter protection guideline (the 고시 under Network
#   Decree Art. 37(3), not in the statute texts) asks that a site draws utility power through at
#   least dc_min_power_feeds (2) feeds from different substations, so one substation or line
#   fault does not put the whole site on batteries and generators. Feeds are counted by
#   distinct substation id: two feeds from one substation share its fate and count once.
#   Judged from 2024-01-01 (tool date, not verified) for the sites under Network Act 46
#   protective measures only. A failure is "below the reported 2024 MSIT guideline", not a
#   breach of statute.
# related_resources:
#   - https://www.law.go.kr/법령/정보통신망이용촉진및정보보호등에관한법률
# scope: package
# custom:
#   id: KR-NETACT-46-POWER-FEEDS
#   severity: medium
#   kind: guideline
#   regulation: Network Act
#   title_ko: 서로 다른 변전소로부터의 다중 수전(2024년 지침, 보도 내용)
#   description_ko: 보도된 2024년 과학기술정보통신부 집적정보통신시설 보호조치 기준(정보통신망법 시행령 제37조제3항의 고시, 법령 원문에 없음)은 서로 다른 변전소에서 2회선(dc_min_power_feeds) 이상으로 전력을 공급받도록 한다. 같은 변전소에서 오는 회선은 하나로 본다. 2024년 1월 1일(도구 기준일, 확인되지 않음)부터 정보통신망법 제46조 보호조치 대상 시설에만 판단한다. 미달은 법률 위반이 아니라 '보도된 2024년 지침 기준 미달'로 표시한다.
#   citation:
#     law: MSIT datacenter protection guideline, 2024 revision (reported, not verified in statute text)
#     law_ko: 과학기술정보통신부 집적정보통신시설 보호조치 기준 고시 2024년 개정(보도 내용)
#     article: 고시 under Network Decree Art. 37(3)
#     decree: Network Act Enforcement Decree Art. 37(3)
#     in_force: "2024-01-01"
#     text: MSIT datacenter protection guideline (고시 under Network Decree Art. 37(3)), 2024 revision (reported, not verified in statute text)
#     text_ko: 과학기술정보통신부 집적정보통신시설 보호조치 기준 고시(정보통신망법 시행령 제37조제3항) 2024년 개정(보도 내용이며 법령 원문으로 확인되지 않음)
#     source: MSIT datacenter protection guideline 2024 (reported)
#   remediation:
#     en: Contract further utility feeds from different substations and list every feed's substation under datacenters[].powerFeeds.
#     ko: 다른 변전소에서 추가 수전 회선을 확보하고 datacenters[].powerFeeds에 회선별 변전소를 모두 기재하십시오.
#   frameworks:
#     - KR-NETACT
#   in_force:
#     - from: "2024-01-01"
#       parties: [idc-colo, idc-own, idc-lessee]
#       label: guideline
#       citation: MSIT datacenter protection guideline (고시 under Network Decree Art. 37(3)), 2024 revision (reported, not verified in statute text)
#       citation_ko: 과학기술정보통신부 집적정보통신시설 보호조치 기준 고시(정보통신망법 시행령 제37조제3항) 2024년 개정(보도 내용이며 법령 원문으로 확인되지 않음)
#       basis: not in the statute texts; tool date 2024-01-01 for the 2024 revision (not verified); only sites under Network Act 46(1) and 46(7)
package resilcheck.controls.dc_power_feeds

import data.resilcheck.lib.incidents
import data.resilcheck.lib.inforce
import data.resilcheck.lib.scope
import data.resilcheck.lib.time

# in_force is this package's METADATA custom.in_force (a Go test holds them equal).
in_force := [{"from": "2024-01-01", "parties": ["idc-colo", "idc-own", "idc-lessee"], "label": "guideline", "citation": "MSIT datacenter protection guideline (고시 under Network Decree Art. 37(3)), 2024 revision (reported, not verified in statute text)", "citation_ko": "과학기술정보통신부 집적정보통신시설 보호조치 기준 고시(정보통신망법 시행령 제37조제3항) 2024년 개정(보도 내용이며 법령 원문으로 확인되지 않음)", "basis": "not in the statute texts; tool date 2024-01-01 for the 2024 revision (not verified); only sites under Network Act 46(1) and 46(7)"}]

# Violations are only judged where the control applies, so a direct query of violations
# agrees with the engine's verdict. A bound party always has a protected site.
default applies := false

applies if inforce.binds(in_force, time.as_of)

reason := inforce.why_not(in_force, time.as_of)

limit := incidents.param("dc_min_power_feeds", time.as_of_ns)

guideline := {"en": "the reported 2024 MSIT guideline", "ko": "보도된 2024년 과학기술정보통신부 지침"}

violations contains {
	"msg": sprintf("datacenter %s is below %s: it is fed from %d distinct substation(s) (%s), fewer than %d", [d.id, guideline.en, count(substations), concat(", ", sort(substations)), limit.value]),
	"msg_ko": sprintf("집적정보통신시설 %s는 %s 기준에 미달합니다: 서로 다른 변전소 %d곳(%s)에서만 전력을 받습니다(기준 %d곳 이상).", [d.id, guideline.ko, count(substations), concat(", ", sort(substations)), limit.value]),
	"pointer": sprintf("/datacenters/%d/powerFeeds", [i]),
	"evidence": {"datacenter": d.id, "substations": sort(substations), "distinct_feeds": count(substations), "min_feeds": limit.value, "limit_label": limit.label, "limit_basis": limit.basis},
} if {
	applies
	some i, d in scope.operated_sites
	d.powerFeeds
	substations := {f | some f in d.powerFeeds}
	count(substations) < limit.value
}

violations contains {
	"msg": sprintf("datacenter %s does not declare its power feeds, needed to judge it against %s (at least %d substations): list the substation of each feed under powerFeeds", [d.id, guideline.en, limit.value]),
	"msg_ko": sprintf("집적정보통신시설 %s의 수전 회선이 신고되지 않아 %s(변전소 %d곳 이상)에 비추어 판단할 수 없습니다(powerFeeds에 회선별 변전소를 기재하십시오).", [d.id, guideline.ko, limit.value]),
	"pointer": sprintf("/datacenters/%d", [i]),
	"evidence": {"datacenter": d.id, "missing": "powerFeeds", "min_feeds": limit.value, "limit_label": limit.label},
} if {
	applies
	some i, d in scope.operated_sites
	not d.powerFeeds
}
