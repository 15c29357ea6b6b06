# METADATA
# title: Disasters reported to the ministry without delay, with updates and a final report
# description: |
#   A major provider reports a broadcasting-communications disaster (its status, cause,
#   emergency actions and recovery plan) to the Minister of Science and ICT without delay, then
#   reports progress from time to time until it ends. The law sets no hour: resilcheck judges
#   "without delay" against the audit default report_without_delay_minutes (from detection, or
#   from the start when detection is not declared), expects a progress report at least every
#   dm_report_update_interval_minutes while the disaster lasts, and a final report within
#   dm_report_final_minutes of restoration. All three numbers are audit defaults, not law, and
#   can be overridden. Which incidents are disasters is decided in lib/incidents.rego: the
#   declared `disaster` flag, else a fire/power/flood/earthquake/cyberattack cause or a
#   critical affected service. Scope is decided on the audit date, like every duty: an
#   incident from before a provider was bound (value-added providers from 2023-07-04) is judged
#   as today's rules would judge it.
# related_resources:
#   - https://www.law.go.kr/법령/방송통신발전기본법
# scope: package
# custom:
#   id: KR-BCDA-38-REPORT
#   severity: high
#   kind: law
#   regulation: BCDA
#   title_ko: 방송통신재난 발생 시 지체 없는 보고 및 경과 보고
#   description_ko: 주요방송통신사업자는 방송통신재난이 발생하면 그 현황, 원인, 응급조치 내용 및 복구대책을 지체 없이 과학기술정보통신부장관에게 보고하고, 재난이 종료될 때까지 피해·복구 상황을 수시로 보고하여야 한다. 법령에 시간 기준이 없으므로 '지체 없이'와 경과·최종 보고 주기는 감사 기본값(법정 기준 아님)으로 판단한다.
#   citation:
#     law: Framework Act on Broadcasting and Communications Development
#     law_ko: 방송통신발전 기본법
#     article: Art. 38(1), Art. 39(4)
#     decree: Enforcement Decree Art. 27
#     in_force: "2023-07-04"
#     text: BCDA Art. 38(1), 39(4); Decree Art. 27
#     text_ko: 방송통신발전 기본법 제38조제1항, 제39조제4항; 같은 법 시행령 제27조
#   remediation:
#     en: Report every disaster to MSIT as soon as it is detected, send progress reports until service is restored, close with a final report, and record each under incidents[].ministryReports with its time and kind.
#     ko: 재난을 인지하는 즉시 과학기술정보통신부에 보고하고, 복구될 때까지 경과를 수시로 보고한 뒤 최종 보고로 마무리하십시오. 각 보고는 incidents[].ministryReports에 시각과 종류(initial/update/final)를 기록하십시오.
#   frameworks:
#     - KR-BCDA
package resilcheck.controls.dm_report

import data.resilcheck.lib.incidents
import data.resilcheck.lib.scope
import data.resilcheck.lib.time

default applies := false

applies if scope.disaster_management

# disasters are the judged incidents that are disasters. Like every duty, scope is decided on
# the audit date, so an incident from before the provider was bound (value-added providers
# from 2023-07-04) is judged as today's rules would judge it.
disasters[i] := {
	"facts": f,
	"reports": reports,
	"report_at": report_at,
	"report_times": sort([t | some t in report_at]),
} if {
	some i, f in incidents.facts
	f.disaster
	reports := object.get(input.incidents[i], "ministryReports", [])
	report_at := incidents.instants(reports)
}

# without_delay[i] is the first-report limit in force when disaster i started, and due[i] when
# its first report was due: detection plus that limit.
without_delay[i] := incidents.param("report_without_delay_minutes", d.facts.start_ns) if some i, d in disasters

due[i] := disasters[i].facts.detected_ns + (entry.value * time.minute_ns) if some i, entry in without_delay

report_pointer(i, inc) := sprintf("/incidents/%d/ministryReports", [i]) if {
	_ := inc.ministryReports
} else := sprintf("/incidents/%d", [i])

violations contains {
	"msg": sprintf("no ministry report for disaster %s (%s); the first report was due by %s", [inc.id, incidents.disaster_basis(inc), incidents.kst_timestamp(due[i])]),
	"msg_ko": sprintf("재난 %s에 대한 과학기술정보통신부 보고가 없습니다(최초 보고 기한 %s).", [inc.id, incidents.kst_timestamp(due[i])]),
	"pointer": report_pointer(i, inc),
	"evidence": {
		"incident": inc.id,
		"disaster_basis": incidents.disaster_basis(inc),
		"detected_at": incidents.kst_timestamp(d.facts.detected_ns),
		"due": incidents.kst_timestamp(due[i]),
		"limit_minutes": entry.value,
		"limit_label": entry.label,
		"limit_basis": entry.basis,
		"as_of": time.as_of,
	},
} if {
	some i, d in disasters
	count(d.reports) == 0
	time.as_of_ns > due[i]
	entry := without_delay[i]
	inc := input.incidents[i]
}

violations contains {
	"msg": sprintf("the first ministry report on disaster %s came %v minutes after detection (limit %v minutes, %s)", [inc.id, minutes, entry.value, entry.label]),
	"msg_ko": sprintf("재난 %s의 최초 보고가 인지 후 %v분 만에 이루어졌습니다(기준 %v분, %s).", [inc.id, minutes, entry.value, entry.label]),
	"pointer": sprintf("/incidents/%d/ministryReports/%d/at", [i, first_index]),
	"evidence": {
		"incident": inc.id,
		"detected_at": incidents.kst_timestamp(d.facts.detected_ns),
		"first_report_at": incidents.kst_timestamp(first),
		"minutes": minutes,
		"limit_minutes": entry.value,
		"limit_label": entry.label,
		"limit_basis": entry.basis,
	},
} if {
	some i, d in disasters
	first := d.report_times[0]
	first > due[i]
	first_index := min({j | some j, t in d.report_at; t == first})
	entry := without_delay[i]
	minutes := (first - d.facts.detected_ns) / time.minute_ns
	inc := input.incidents[i]
}

# Progress reports: from the first report to the end of the disaster (restoration, or the
# audit date while it is ongoing), no interval may exceed the update default. Reports made
# after restoration do not count as progress reports.
violations contains {
	"msg": sprintf("disaster %s went %v minutes without a progress report to the ministry (from %s to %s; limit %v minutes, %s)", [inc.id, gap, incidents.kst_timestamp(a), incidents.kst_timestamp(b), entry.value, entry.label]),
	"msg_ko": sprintf("재난 %s에 대해 %s부터 %s까지 %v분 동안 경과 보고가 없었습니다(기준 %v분, %s).", [inc.id, incidents.kst_timestamp(a), incidents.kst_timestamp(b), gap, entry.value, entry.label]),
	"pointer": sprintf("/incidents/%d/ministryReports", [i]),
	"evidence": {
		"incident": inc.id,
		"from": incidents.kst_timestamp(a),
		"to": incidents.kst_timestamp(b),
		"gap_minutes": gap,
		"ongoing": d.facts.ongoing,
		"limit_minutes": entry.value,
		"limit_label": entry.label,
		"limit_basis": entry.basis,
	},
} if {
	some i, d in disasters
	end := d.facts.end_ns
	points := array.concat([t | some t in d.report_times; t < end], [end])
	count(points) > 1
	entry := incidents.param("dm_report_update_interval_minutes", d.facts.start_ns)

	# Compared in ns: a division per interval only for the intervals that are too long.
	limit_ns := entry.value * time.minute_ns
	some k in numbers.range(1, count(points) - 1)
	a := points[k - 1]
	b := points[k]
	b - a > limit_ns
	gap := (b - a) / time.minute_ns
	inc := input.incidents[i]
}

violations contains {
	"msg": sprintf("disaster %s was restored at %s but no final report reached the ministry by %s", [inc.id, inc.restoredAt, incidents.kst_timestamp(due)]),
	"msg_ko": sprintf("재난 %s가 %s에 복구되었으나 %s까지 최종 보고가 없습니다.", [inc.id, inc.restoredAt, incidents.kst_timestamp(due)]),
	"pointer": report_pointer(i, inc),
	"evidence": {
		"incident": inc.id,
		"restored_at": inc.restoredAt,
		"due": incidents.kst_timestamp(due),
		"limit_minutes": entry.value,
		"limit_label": entry.label,
		"limit_basis": entry.basis,
		"as_of": time.as_of,
	},
} if {
	some i, d in disasters
	count(d.reports) > 0
	d.facts.restored
	entry := incidents.param("dm_report_final_minutes", d.facts.start_ns)
	due := d.facts.end_ns + (entry.value * time.minute_ns)
	time.as_of_ns > due
	not final_by(d, due)
	inc := input.incidents[i]
}

final_by(d, due) if {
	some j, r in d.reports
	r.kind == "final"
	d.report_at[j] <= due
}
