# METADATA
# title: Each operated datacenter is fed from at least two substations
# description: |
#   Every datacenter the provider operates draws utility power through at least
#   dc_min_power_feeds (2) independent feeds from distinct substations, so one substation or
#   line fault does not put the whole site on batteries and generators. Feeds are counted by
#   distinct substation id: two feeds from one substation share its fate and count once. The
#   duty to keep the facility running is Network Act Art. 46(1) and Decree Art. 37(2)2; the
#   two-feed figure is from MSIT's 2024 datacenter protection guideline (reported, not
#   verified in statute text), and the control applies only on audit dates from the
#   guideline's date.
# related_resources:
#   - https://www.law.go.kr/법령/정보통신망이용촉진및정보보호등에관한법률
# scope: package
# custom:
#   id: KR-NETACT-46-POWER-FEEDS
#   severity: critical
#   kind: law
#   regulation: Network Act
#   title_ko: 서로 다른 변전소로부터의 이중 수전
#   description_ko: 운영하는 집적정보통신시설은 서로 다른 변전소에서 2회선 이상으로 전력을 공급받아야 한다. 같은 변전소에서 오는 회선은 하나로 본다. 안정적 운영 의무는 정보통신망법 제46조제1항과 시행령 제37조제2항제2호에 근거하며, 2회선 기준은 2024년 과학기술정보통신부 보호지침(보도 내용, 법령 본문으로 확인되지 않음)에 따른다.
#   citation:
#     law: Act on Promotion of Information and Communications Network Utilization and Information Protection
#     law_ko: 정보통신망 이용촉진 및 정보보호 등에 관한 법률
#     article: Art. 46(1)
#     decree: Enforcement Decree Art. 37(2)2
#     in_force: "2024-01-01"
#     text: Network Act Art. 46(1); Decree Art. 37(2)2; MSIT datacenter protection guideline 2024 (reported, not verified in statute text)
#     text_ko: 정보통신망 이용촉진 및 정보보호 등에 관한 법률 제46조제1항; 같은 법 시행령 제37조제2항제2호; 과학기술정보통신부 데이터센터 보호지침 2024(보도 내용이며 법령 원문으로 확인되지 않음)
#     source: MSIT datacenter protection guideline 2024 (reported)
#   remediation:
#     en: Contract a second utility feed from a different substation and list every feed's substation under datacenters[].powerFeeds.
#     ko: 다른 변전소에서 두 번째 수전 회선을 확보하고 datacenters[].powerFeeds에 회선별 변전소를 모두 기재하십시오.
#   frameworks:
#     - KR-NETACT
package resilcheck.controls.dc_power_feeds

import data.resilcheck.lib.incidents
import data.resilcheck.lib.params
import data.resilcheck.lib.scope
import data.resilcheck.lib.time

default applies := false

applies if {
	scope.idc_protect
	params.now("dc_min_power_feeds")
}

limit := incidents.param("dc_min_power_feeds", time.as_of_ns)

violations contains {
	"msg": sprintf("datacenter %s is fed from %d distinct substation(s) (%s); at least %d are required", [d.id, count(substations), concat(", ", sort(substations)), limit.value]),
	"msg_ko": sprintf("집적정보통신시설 %s는 서로 다른 변전소 %d곳(%s)에서만 전력을 받습니다(기준 %d곳 이상).", [d.id, count(substations), concat(", ", sort(substations)), limit.value]),
	"pointer": sprintf("/datacenters/%d/powerFeeds", [i]),
	"evidence": {"datacenter": d.id, "substations": sort(substations), "distinct_feeds": count(substations), "min_feeds": limit.value, "limit_label": limit.label, "limit_basis": limit.basis},
} if {
	some i, d in scope.operated_sites
	d.powerFeeds
	substations := {f | some f in d.powerFeeds}
	count(substations) < limit.value
}

violations contains {
	"msg": sprintf("datacenter %s does not declare its power feeds (list the substation of each feed under powerFeeds)", [d.id]),
	"msg_ko": sprintf("집적정보통신시설 %s의 수전 회선이 신고되지 않았습니다(powerFeeds에 회선별 변전소를 기재하십시오).", [d.id]),
	"pointer": sprintf("/datacenters/%d", [i]),
	"evidence": {"datacenter": d.id, "missing": "powerFeeds", "min_feeds": limit.value},
} if {
	some i, d in scope.operated_sites
	not d.powerFeeds
}
