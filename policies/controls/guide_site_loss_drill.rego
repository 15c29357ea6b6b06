# METADATA
# title: Critical services pass a site-loss drill every year
# description: |
#   Every critical service has rehearsed the loss of a whole datacenter within the last 12
#   months (guide_drill_max_age_days), and that drill passed and recovered within the
#   service's RTO. Kakao had replicas elsewhere in 2022 but had never failed over a whole
#   site, and its failover tooling burned with Pangyo. Resilience practice, not law; applies
#   to any manifest that declares a critical service.
#   The linked statute is context only: BCDA Art. 35(2)3 asks major providers for
#   distribution and multiplexing of servers, storage, network and power.
# related_resources:
#   - https://www.law.go.kr/법령/방송통신발전기본법
# scope: package
# custom:
#   id: GUIDE-SITE-LOSS-DRILL
#   severity: low
#   kind: guidance
#   regulation: Guidance
#   title_ko: 핵심 서비스의 연 1회 이상 데이터센터 상실 대비 전환 훈련
#   description_ko: 모든 핵심 서비스는 최근 12개월 이내에 데이터센터 전체 상실을 가정한 전환 훈련을 실시하고, 그 훈련이 성공했으며 실제 복구 시간이 서비스의 RTO 이내여야 한다. 2022년 카카오는 다른 데이터센터에 복제본이 있었으나 데이터센터 단위 전환을 해 본 적이 없었고 전환 도구도 판교와 함께 멈췄다. 법령이 아닌 복원력 모범 관행이며, 핵심 서비스를 신고한 모든 매니페스트에 적용된다.
#   citation:
#     law: Resilience practice (not law)
#     article: "-"
#     text: "guidance: a site-loss failover drill within the last 12 months whose achieved RTO met the target"
#     text_ko: "권고(법령 아님): 최근 12개월 내 사이트 손실 장애 전환 훈련을 하고 달성한 RTO가 목표를 충족할 것"
#     source: MSIT joint investigation of the 2022-10-15 Pangyo datacenter fire (2022-12-06); resilience practice
#     guidance: true
#   remediation:
#     en: Run a failover drill that takes a whole datacenter out at least once a year for each critical service, record it under services[].drills with scenario site-loss, achievedRtoMinutes and result, and fix what kept it from recovering within the RTO.
#     ko: 핵심 서비스마다 데이터센터 하나를 통째로 제외하는 전환 훈련을 연 1회 이상 실시하여 services[].drills에 scenario site-loss, achievedRtoMinutes, result로 기록하고, RTO 안에 복구하지 못한 원인을 개선하십시오.
#   frameworks:
#     - resilience-practice
#   in_force:
#     - from: "2000-01-01"
#       label: guidance
#       citation: resilience practice (not law)
package resilcheck.controls.guide_site_loss_drill

import data.resilcheck.lib.governance
import data.resilcheck.lib.inforce
import data.resilcheck.lib.params
import data.resilcheck.lib.time

# in_force is this package's METADATA custom.in_force (a Go test holds them equal). Resilience
# practice has no statutory date: the period only says so.
in_force := [{"from": "2000-01-01", "label": "guidance", "citation": "resilience practice (not law)"}]

# Violations are only judged where the control applies, so a direct query of violations
# agrees with the engine's verdict.
default applies := false

applies if {
	inforce.binds(in_force, time.as_of)
	governance.has_critical_service
}

reason := r if {
	r := inforce.why_not(in_force, time.as_of)
} else := {
	"en": "no service declared critical (services[].critical)",
	"ko": "핵심 서비스로 신고된 서비스가 없습니다(services[].critical).",
} if {
	inforce.binds(in_force, time.as_of)
	not governance.has_critical_service
}

max_age_days := params.now("guide_drill_max_age_days")

basis := governance.param_basis("guide_drill_max_age_days", time.as_of_ns)

# recent[i] lists the indexes of service i's site-loss drills held in the window ending on
# the audit date; drills dated after it have not happened yet.
recent := {i: [j |
	some j, d in object.get(s, "drills", [])
	d.scenario == "site-loss"
	age := time.days_between(d.date, time.as_of)
	age >= 0
	age <= max_age_days
] |
	some i, s in governance.critical_services
}

qualifies(s, d) if {
	d.result == "pass"
	d.achievedRtoMinutes <= s.recovery.rtoMinutes
}

past_site_loss_dates(s) := {d.date |
	some d in object.get(s, "drills", [])
	d.scenario == "site-loss"
	time.days_between(d.date, time.as_of) >= 0
}

last_site_loss_drill(s) := max(dates) if {
	dates := past_site_loss_dates(s)
	count(dates) > 0
} else := "none"

violations contains {
	"msg": sprintf("critical service %s has had no site-loss drill in the %d days to %s (last: %s)", [s.id, max_age_days, time.as_of, last]),
	"msg_ko": sprintf("핵심 서비스 %s에 대해 %s까지 최근 %d일 동안 데이터센터 상실 전환 훈련이 실시되지 않았습니다(마지막 훈련: %s).", [s.id, time.as_of, max_age_days, ko_date(last)]),
	"pointer": governance.service_pointer(i, s, ["drills"]),
	"evidence": {"service": s.id, "as_of": time.as_of, "max_age_days": max_age_days, "last_site_loss_drill": last, "basis": basis},
} if {
	applies
	some i, s in governance.critical_services
	count(recent[i]) == 0
	last := last_site_loss_drill(s)
}

# When recent drills exist but none qualifies, the most recent one tells what to fix.
violations contains {
	"msg": sprintf("critical service %s: the site-loss drill of %s does not show recovery within the RTO: %s", [s.id, d.date, concat("; ", reasons)]),
	"msg_ko": sprintf("핵심 서비스 %s의 %s 데이터센터 상실 전환 훈련은 RTO 이내 복구를 입증하지 못했습니다: %s", [s.id, d.date, concat("; ", reasons_ko)]),
	"pointer": governance.pointer(["services", i, "drills", j]),
	"evidence": {
		"service": s.id,
		"drill_date": d.date,
		"result": d.result,
		"achieved_rto_minutes": object.get(d, "achievedRtoMinutes", "not recorded"),
		"rto_minutes": object.get(s, ["recovery", "rtoMinutes"], "not declared"),
		"age_days": time.days_between(d.date, time.as_of),
		"max_age_days": max_age_days,
		"basis": basis,
	},
} if {
	applies
	some i, s in governance.critical_services
	count(recent[i]) > 0
	drills := s.drills
	not any_qualifies(s, drills, recent[i])
	j := latest(drills, recent[i])
	d := drills[j]
	reasons := [r.en | some r in shortfalls(s, d)]
	reasons_ko := [r.ko | some r in shortfalls(s, d)]
}

any_qualifies(s, drills, idx) if {
	some j in idx
	qualifies(s, drills[j])
}

# latest(drills, idx) is the index of the latest drill among idx; on a tie, the one listed last.
latest(drills, idx) := max({j |
	some j in idx
	drills[j].date == max({drills[k].date | some k in idx})
})

shortfalls(s, d) := array.concat(array.concat(result_shortfall(d), achieved_shortfall(d)), rto_shortfall(s, d))

result_shortfall(d) := [{"en": sprintf("result was %s, not pass", [d.result]), "ko": sprintf("훈련 결과가 pass가 아닌 %s", [d.result])}] if d.result != "pass"

else := []

achieved_shortfall(d) := [{"en": "achieved RTO not recorded", "ko": "실제 복구 시간 미기록"}] if not d.achievedRtoMinutes

else := []

rto_shortfall(s, d) := [{"en": "the service declares no RTO", "ko": "서비스 RTO 미설정"}] if not s.recovery.rtoMinutes

else := [{"en": sprintf("achieved %v min exceeds the RTO of %v min", [d.achievedRtoMinutes, s.recovery.rtoMinutes]), "ko": sprintf("실제 복구 %v분이 RTO %v분을 초과", [d.achievedRtoMinutes, s.recovery.rtoMinutes])}] if {
	d.achievedRtoMinutes > s.recovery.rtoMinutes
}

else := []

ko_date("none") := "없음"

ko_date(d) := d if d != "none"
