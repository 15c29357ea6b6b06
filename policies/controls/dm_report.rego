# METADATA
# title: Disasters reported to the ministry without delay, with updates and a final report
# description: |
#   A major provider reports a broadcasting-communications disaster (its status, cause,
#   emergency actions and recovery plan) to the Minister of Science and ICT without delay
#   (BCDA Art. 38(1)), then reports damage, recovery and measures from time to time until it
#   ends: to the ministry while no disaster task force (대책본부) exists, otherwise to the task
#   force (Art. 39(4); Decree Art. 27). The law sets no hour: resilcheck judges "without
#   delay" against the audit default report_without_delay_minutes (from detection, or from
#   the start when detection is not declared), expects a progress report at least every
#   dm_report_update_interval_minutes while the disaster lasts, and a final report within
#   dm_report_final_minutes of restoration. All three numbers are audit defaults, not law,
#   and can be overridden. The four contents must each appear in the reports of a disaster
#   (one report may give the cause another lacked) once the first report was due; reports
#   that declare no contents at all are not judged for them. A report declared to the
#   ministry after one declared to the task force, with none to the task force at that
#   moment, went to the wrong recipient (interpretation: the task force is taken to exist
#   from its first declared report). Which incidents are disasters is decided in
#   lib/incidents.rego. Each incident is judged by the law in force, and only if the
#   provider was bound, on the Korean date it started (carriers from 2017-07-26, the earliest
#   wording in the statute texts; value-added providers and datacenter operators from
#   2023-07-04).
# related_resources:
#   - https://www.law.go.kr/법령/방송통신발전기본법
# scope: package
# custom:
#   id: KR-BCDA-38-REPORT
#   severity: high
#   kind: law
#   regulation: BCDA
#   title_ko: 방송통신재난 발생 시 지체 없는 보고 및 경과 보고
#   description_ko: 주요방송통신사업자는 방송통신재난이 발생하면 그 현황, 원인, 응급조치 내용 및 복구대책을 지체 없이 과학기술정보통신부장관에게 보고하고(제38조제1항), 재난이 종료될 때까지 피해상황, 복구상황 및 처리대책을 수시로 보고하여야 한다. 대책본부가 구성되지 않은 경우에만 장관에게, 그렇지 않으면 대책본부에 보고한다(제39조제4항, 시행령 제27조). 법령에 시간 기준이 없으므로 '지체 없이'와 경과·최종 보고 주기는 감사 기본값(법정 기준 아님)으로 판단한다. 네 가지 보고 내용은 최초 보고 기한이 지나면 해당 재난의 보고들 전체에 각각 나타나야 하며, 보고 내용을 전혀 신고하지 않은 경우에는 판단하지 않는다. 대책본부에 보고한 뒤 같은 시각 대책본부 보고 없이 장관에게만 보고하면 보고 대상이 잘못된 것으로 본다(해석상 대책본부는 처음 신고된 대책본부 보고부터 존재한 것으로 봄). 각 장애는 시작된 한국 날짜에 시행 중이던 법령으로, 그날 의무가 적용된 경우에만 판단한다(기간통신사업자 2017-07-26부터, 부가통신·집적정보통신시설 사업자 2023-07-04부터).
#   citation:
#     law: Framework Act on Broadcasting and Communications Development
#     law_ko: 방송통신발전 기본법
#     article: Art. 38(1), Art. 39(4)
#     decree: Enforcement Decree Art. 27
#     in_force: "2017-07-26"
#     text: BCDA Art. 38(1), 39(4); Decree Art. 27
#     text_ko: 방송통신발전 기본법 제38조제1항, 제39조제4항; 같은 법 시행령 제27조
#   remediation:
#     en: Report every disaster to MSIT as soon as it is detected with its status, cause, emergency actions and recovery plan, send progress reports (to the disaster task force once one is set up) until service is restored, close with a final report, and record each under incidents[].ministryReports with its time, kind, contents and recipient.
#     ko: 재난을 인지하는 즉시 현황, 원인, 응급조치 내용, 복구대책을 과학기술정보통신부에 보고하고, 복구될 때까지 경과를 수시로(대책본부가 구성되면 대책본부에) 보고한 뒤 최종 보고로 마무리하십시오. 각 보고는 incidents[].ministryReports에 시각, 종류, 내용(contents), 보고 대상(recipient)과 함께 기록하십시오.
#   frameworks:
#     - KR-BCDA
#   in_force:
#     - until: "2017-07-26"
#       parties: [carrier]
#       verifiable: false
#       label: law
#       citation: BCDA Art. 38(1), 39(4); Decree Art. 27 (wording before 2017-07-26 not in the statute texts)
#     - from: "2017-07-26"
#       until: "2023-07-04"
#       parties: [carrier]
#       label: law
#       citation: BCDA Art. 38(1), 39(4); Decree Art. 27
#       citation_ko: 방송통신발전 기본법 제38조제1항, 제39조제4항; 같은 법 시행령 제27조
#       basis: Act 38(1) and Decree 27 as amended 2017-07-26 (earliest wording in the statute texts)
#     - from: "2023-07-04"
#       parties: [carrier, major-vas, major-idc]
#       label: law
#       citation: BCDA Art. 38(1), 39(4); Decree Art. 27
#       citation_ko: 방송통신발전 기본법 제38조제1항, 제39조제4항; 같은 법 시행령 제27조
#       basis: Act No. 19152 (2023-01-03) and Decree No. 33611, in force 2023-07-04, made major value-added providers and datacenter operators major providers
package resilcheck.controls.dm_report

import data.resilcheck.lib.incidents
import data.resilcheck.lib.inforce
import data.resilcheck.lib.scope
import data.resilcheck.lib.time

# in_force is this package's METADATA custom.in_force (a Go test holds them equal).
in_force := [
	{"until": "2017-07-26", "parties": ["carrier"], "verifiable": false, "label": "law", "citation": "BCDA Art. 38(1), 39(4); Decree Art. 27 (wording before 2017-07-26 not in the statute texts)"},
	{"from": "2017-07-26", "until": "2023-07-04", "parties": ["carrier"], "label": "law", "citation": "BCDA Art. 38(1), 39(4); Decree Art. 27", "citation_ko": "방송통신발전 기본법 제38조제1항, 제39조제4항; 같은 법 시행령 제27조", "basis": "Act 38(1) and Decree 27 as amended 2017-07-26 (earliest wording in the statute texts)"},
	{"from": "2023-07-04", "parties": ["carrier", "major-vas", "major-idc"], "label": "law", "citation": "BCDA Art. 38(1), 39(4); Decree Art. 27", "citation_ko": "방송통신발전 기본법 제38조제1항, 제39조제4항; 같은 법 시행령 제27조", "basis": "Act No. 19152 (2023-01-03) and Decree No. 33611, in force 2023-07-04, made major value-added providers and datacenter operators major providers"},
]

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

# of_kind(x): the provider is of party x's kind (its size aside).
of_kind("carrier") if scope.facilities_based

of_kind("major-vas") if scope.value_added

of_kind("major-idc") if count(scope.colo_sites) + count(scope.own_use_sites) > 0

# disasters are the judged incidents that are disasters and that the duty bound when they
# started (time model rule 2): the law in force on the Korean date an incident started, and
# only if the provider was bound then. An incident from before a provider was bound (a
# value-added provider's outage of 2022-10-15) is not judged here.
disasters[i] := {
	"facts": f,
	"reports": reports,
	"report_at": report_at,
	"report_times": sort([t | some t in report_at]),
} if {
	some i, f in incidents.facts
	f.disaster
	inforce.binds(in_force, f.start_date)
	reports := object.get(input.incidents[i], "ministryReports", [])
	report_at := incidents.instants(reports)
}

# without_delay[i] is the first-report limit in force when disaster i started, and due[i] when
# its first report was due: detection plus that limit.
without_delay[i] := incidents.report_due[i].limit if some i, _ in disasters

due[i] := incidents.report_due[i].due_ns if some i, _ in disasters

report_pointer(i, inc) := sprintf("/incidents/%d/ministryReports", [i]) if {
	_ := inc.ministryReports
} else := sprintf("/incidents/%d", [i])

violations contains {
	"msg": sprintf("no ministry report for disaster %s (%s); the first report was due by %s", [inc.id, incidents.disaster_basis(inc), incidents.kst_timestamp(due[i])]),
	"msg_ko": sprintf("재난 %s에 대한 과학기술정보통신부 보고가 없습니다(최초 보고 기한 %s).", [inc.id, incidents.kst_timestamp(due[i])]),
	"pointer": report_pointer(i, inc),
	"key": "first-report",
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
	"key": "first-report:late",
	"evidence": {
		"incident": inc.id,
		"detected_at": incidents.kst_timestamp(d.facts.detected_ns),
		"first_report_at": incidents.kst_timestamp(first),
		"minutes": minutes,
		"limit_minutes": entry.value,
		"limit_label": entry.label,
		"limit_basis": entry.basis,
		"contents": contents_note(i),
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
	"key": sprintf("progress-after:%s", [incidents.kst_timestamp(a)]),
	"evidence": {
		"incident": inc.id,
		"from": incidents.kst_timestamp(a),
		"to": incidents.kst_timestamp(b),
		"gap_minutes": gap,
		"ongoing": d.facts.ongoing,
		"limit_minutes": entry.value,
		"limit_label": entry.label,
		"limit_basis": entry.basis,
		"contents": contents_note(i),
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
	"msg_ko": sprintf("재난 %s %s에 복구되었으나 %s까지 최종 보고가 없습니다.", [data.resilcheck.lib.text.josa(inc.id, "가"), inc.restoredAt, incidents.kst_timestamp(due)]),
	"pointer": report_pointer(i, inc),
	"key": "final-report",
	"evidence": {
		"incident": inc.id,
		"restored_at": inc.restoredAt,
		"due": incidents.kst_timestamp(due),
		"limit_minutes": entry.value,
		"limit_label": entry.label,
		"limit_basis": entry.basis,
		"as_of": time.as_of,
		"contents": contents_note(i),
	},
} if {
	some i, d in disasters
	count(d.reports) > 0
	d.facts.restored
	final := incidents.final_report_due[i]
	entry := final.limit
	due := final.due_ns
	time.as_of_ns > due
	not final_by(d, due)
	inc := input.incidents[i]
}

final_by(d, due) if {
	some j, r in d.reports
	r.kind == "final"
	d.report_at[j] <= due
}

# --- what the reports said (Art. 38(1): 그 현황, 원인, 응급조치 내용 및 복구대책) ---

required_contents := ["status", "cause", "emergency-actions", "recovery-plan"]

contents_ko := {"status": "현황", "cause": "원인", "emergency-actions": "응급조치 내용", "recovery-plan": "복구대책"}

# made[i] are the indexes of the reports of disaster i made by the audit date.
made[i] := {j | some j, t in d.report_at; t <= time.as_of_ns} if some i, d in disasters

# declaring[i] are those of them that declare their contents.
declaring[i] := {j | some j in js; is_array(disasters[i].reports[j].contents)} if some i, js in made

# contents_note(i) says, for the evidence of any finding about disaster i, whether its reports'
# contents were judged. Reports that declare no contents at all are not judged for them: the
# field is new, and an absent list is "not declared", not "said nothing" (judging it would
# fail every manifest written before the field existed, for a record the schema leaves
# optional); the other findings say so.
contents_note(i) := "not declared on any report: the four contents (status, cause, emergency-actions, recovery-plan) are not judged" if {
	count(declaring[i]) == 0
} else := sprintf("declared on %d of %d reports", [count(declaring[i]), count(made[i])])

# Each of the four contents must appear in the reports of the disaster, taken together (the
# cause may follow in a later report), once the first report was due. Judged only when some
# report declares its contents; reports that declare none are listed.
violations contains {
	"msg": sprintf("the ministry reports on disaster %s never gave: %s (BCDA Art. 38(1) asks for status, cause, emergency actions and recovery plan)", [inc.id, concat(", ", missing)]),
	"msg_ko": sprintf("재난 %s의 보고에 다음 내용이 없습니다: %s(제38조제1항: 현황, 원인, 응급조치 내용 및 복구대책).", [inc.id, concat(", ", [contents_ko[c] | some c in missing])]),
	"pointer": sprintf("/incidents/%d/ministryReports", [i]),
	"key": "contents",
	"evidence": {
		"incident": inc.id,
		"missing_contents": missing,
		"required_contents": required_contents,
		"reports_declaring_contents": sort(declaring[i]),
		"reports_without_contents": sort(made[i] - declaring[i]),
		"first_report_due": incidents.kst_timestamp(due[i]),
	},
} if {
	some i, js in declaring
	count(js) > 0
	time.as_of_ns > due[i]
	told := {c | some j in js; some c in disasters[i].reports[j].contents}
	missing := [c | some c in required_contents; not c in told]
	count(missing) > 0
	inc := input.incidents[i]
}

# --- to whom (Art. 39(4); Decree Art. 27) ---
# Progress reports go to the ministry only while no task force (대책본부) exists, otherwise to
# the task force. The manifest does not declare when a task force was set up; a report
# declared to it shows one existed from then (interpretation). A report declared to the
# ministry after that, with no report to the task force at the same moment (a copy to the
# ministry is harmless), went to the wrong recipient. Reports without a recipient are not
# judged.
task_force_from[i] := min({d.report_at[j] | some j in made[i]; d.reports[j].recipient == "task-force"}) if {
	some i, d in disasters
	some j in made[i]
	d.reports[j].recipient == "task-force"
}

violations contains {
	"msg": sprintf("report %d on disaster %s (%s) went to the ministry although reports had gone to the disaster task force since %s: once a task force exists, progress reports go to it (BCDA Art. 39(4); Decree Art. 27)", [j, inc.id, incidents.kst_timestamp(t), incidents.kst_timestamp(t0)]),
	"msg_ko": sprintf("재난 %s의 %d번 보고(%s)는 %s부터 대책본부에 보고하고 있었는데도 과학기술정보통신부장관에게 했습니다. 대책본부가 구성되면 대책본부에 보고해야 합니다(제39조제4항, 시행령 제27조).", [inc.id, j, incidents.kst_timestamp(t), incidents.kst_timestamp(t0)]),
	"pointer": sprintf("/incidents/%d/ministryReports/%d/recipient", [i, j]),
	"key": "recipient",
	"evidence": {
		"incident": inc.id,
		"report_at": incidents.kst_timestamp(t),
		"recipient": "msit",
		"task_force_reports_from": incidents.kst_timestamp(t0),
		"label": "interpretation",
		"basis": "Decree Art. 27: to the ministry only where no task force is set up; the task force is taken to exist from the first report declared to it",
	},
} if {
	some i, t0 in task_force_from
	d := disasters[i]
	some j in made[i]
	d.reports[j].recipient == "msit"
	t := d.report_at[j]
	t > t0
	not task_force_report_at(d, t)
	inc := input.incidents[i]
}

task_force_report_at(d, t) if {
	some k, r in d.reports
	r.recipient == "task-force"
	d.report_at[k] == t
}

# Incidents that started before the duty bound the provider are noted beside the verdict.
notes contains n if {
	applies
	some n in incidents.unbound_notes(in_force)
}
