# METADATA
# title: Users told of a service interruption without delay
# description: |
#   A telecommunications provider tells the users of each interrupted service under the duty,
#   without delay, that service was interrupted, why, what is being done and where to ask. An
#   incident is judged by the rule in force on the day it started, and only if the duty bound
#   the provider then. Exempt only as the decree lists: 1 an interruption inside the
#   maintenance window announced in advance (the part outside it is judged); 2 a carrier's
#   line fault behind a value-added service; 3 a value-added service of a provider below KRW
#   10bn telecom revenue, or with fewer than 1,000,000 daily users; 4 (before 2025-03-28,
#   reported) a free service; 5 an unforeseen interruption caused by overload, equipment,
#   network or software faults that lasted no more than the limit (4 hours before 2025-03-28,
#   reported; 2 hours from then), never in a designated critical facility and never for other
#   causes; 6 cloud services (control cl_notice). The notice is due within the audit default
#   un_notice_without_delay_minutes (not law) of the moment the interruption passed the limit
#   where item 5 could apply, else of detection.
# related_resources:
#   - https://www.law.go.kr/법령/전기통신사업법시행령
# scope: package
# custom:
#   id: KR-TBA-33-NOTICE
#   severity: high
#   kind: law
#   regulation: TBA
#   title_ko: 서비스 중단 시 이용자에 대한 지체 없는 고지
#   description_ko: 전기통신사업자는 고지 의무 대상 서비스의 제공이 중단되면 중단 사실, 원인, 대응조치 현황 및 상담 연락처를 지체 없이 이용자에게 알려야 한다. 장애는 발생 당일의 규정으로, 그날 의무가 있었던 경우에만 판단한다. 제외는 시행령이 정한 경우뿐이다. 제1호 미리 고지한 범위의 점검(범위 밖 중단은 판단), 제2호 기간통신사업자 회선 장애로 인한 부가통신역무 중단, 제3호 전기통신역무 매출액 100억원 미만 사업자 또는 일평균 이용자 100만명 미만 서비스, 제4호(2025년 3월 28일 전, 보도 기준) 무료 서비스, 제5호 이용 집중·설비·네트워크·소프트웨어 장애로 기준 시간(2025년 3월 28일 전 4시간, 보도 기준; 이후 2시간) 이내 중단(중요통신시설 장애 및 그 밖의 원인 제외), 제6호 클라우드컴퓨팅서비스. '지체 없이'는 감사 기본값(법정 기준 아님)으로, 제5호가 적용될 수 있으면 기준 시간을 넘긴 때부터, 그 밖에는 인지한 때부터 판단한다.
#   citation:
#     law: Telecommunications Business Act
#     law_ko: 전기통신사업법
#     article: Art. 33(2)
#     decree: Enforcement Decree Art. 37-21(1)
#     in_force: "2019-06-25"
#     text: TBA Art. 33(2); Decree Art. 37-21(1) (formerly Art. 37-11 to 37-13 as then numbered, reported)
#     text_ko: 전기통신사업법 제33조제2항; 같은 법 시행령 제37조의21제1항(종전 제37조의11~제37조의13(당시 번호), 보도 기준)
#   remediation:
#     en: Tell the users of every interrupted service under the duty the fact, cause, response status and a contact point without delay (at once unless a short unforeseen overload, equipment, network or software outage may still end within the limit), and record each notice under incidents[].userNotices with its time, channels and contents; declare cause, criticalFacility and, for maintenance, announcedWindow.
#     ko: 고지 의무 대상 서비스가 중단되면 중단 사실, 원인, 대응조치 현황, 상담 연락처를 지체 없이(이용 집중·설비·네트워크·소프트웨어 장애로 기준 시간 안에 끝날 수 있는 경우가 아니면 즉시) 이용자에게 알리고, 각 고지를 incidents[].userNotices에 시각·방법·내용과 함께 기록하십시오. cause, criticalFacility와 점검의 경우 announcedWindow를 신고하십시오.
#   frameworks:
#     - KR-TBA
#   in_force:
#     - from: "2019-06-25"
#       until: "2025-03-28"
#       parties: [notice]
#       label: reported
#       citation: TBA Art. 33(2); Decree Art. 37-11 to 37-13 (as then numbered; reported)
#       citation_ko: 전기통신사업법 제33조제2항; 같은 법 시행령 제37조의11~제37조의13(당시 조문 번호, 보도 기준)
#       basis: "wording before Decree No. 35406 not in the statute texts (reported: 4-hour short-outage limit, free services exempt); start date reported, consistent with Decree No. 29886 (2019-06-25)"
#     - from: "2025-03-28"
#       parties: [notice]
#       label: law
#       citation: TBA Art. 33(2); Decree Art. 37-21(1)
#       citation_ko: 전기통신사업법 제33조제2항; 같은 법 시행령 제37조의21제1항
#       basis: "Decree No. 35406 (2025-03-28, in force on promulgation): 2-hour limit, item 4 (free services) deleted; numbered 37-21 in the current text"
package resilcheck.controls.un_notice

import data.resilcheck.lib.incidents
import data.resilcheck.lib.inforce
import data.resilcheck.lib.scope
import data.resilcheck.lib.time

# in_force is this package's METADATA custom.in_force (a Go test holds them equal).
in_force := [
	{"from": "2019-06-25", "until": "2025-03-28", "parties": ["notice"], "label": "reported", "citation": "TBA Art. 33(2); Decree Art. 37-11 to 37-13 (as then numbered; reported)", "citation_ko": "전기통신사업법 제33조제2항; 같은 법 시행령 제37조의11~제37조의13(당시 조문 번호, 보도 기준)", "basis": "wording before Decree No. 35406 not in the statute texts (reported: 4-hour short-outage limit, free services exempt); start date reported, consistent with Decree No. 29886 (2019-06-25)"},
	{"from": "2025-03-28", "parties": ["notice"], "label": "law", "citation": "TBA Art. 33(2); Decree Art. 37-21(1)", "citation_ko": "전기통신사업법 제33조제2항; 같은 법 시행령 제37조의21제1항", "basis": "Decree No. 35406 (2025-03-28, in force on promulgation): 2-hour limit, item 4 (free services) deleted; numbered 37-21 in the current text"},
]

# Violations are only judged where the control applies, so a direct query of violations
# agrees with the engine's verdict.
default applies := false

applies if inforce.binds(in_force, time.as_of)

reason := inforce.why_not(in_force, time.as_of)

# bound_dates are the days incidents started on when the duty bound the provider: decided once
# per date, not once per incident.
bound_dates := {d | some d in incidents.start_dates; inforce.binds(in_force, d)}

required_contents := {"fact", "cause", "response", "contact"}

contents_ko := {"fact": "중단 사실", "cause": "원인", "response": "대응조치 현황", "contact": "상담 연락처"}

# The fact, the response status and the contact point are owed within the notice deadline.
# The cause may not be known yet (the Cloud Act decree says so outright; TBA is silent): it is
# owed by restoration, not by the deadline.
prompt_contents := {"fact", "response", "contact"}

# content_first_ns(f, c) is when users were first told c about the incident with facts f.
content_first_ns(f, c) := min({f.notice_at[j] | some j, n in f.notices; c in object.get(n, "contents", [])})

# While an outage is ongoing the cause may not be known yet; it is owed once service is back.
deferrable(f) := {"cause"} if f.ongoing

deferrable(f) := set() if not f.ongoing

# noticeable[i] is each incident users had to be told of, with its facts and its notice
# deadline, derived once.
noticeable[i] := {"inc": input.incidents[i], "facts": f, "due": due, "delay": delay, "duty": u} if {
	applies
	some i, u in incidents.un
	f := incidents.facts[i]
	f.start_date in bound_dates
	d := incidents.un_due[i]
	due := d.due_ns
	delay := d.limit
}

# rule_note(d) marks a finding that rests on the rule as reported for the day d (before
# 2025-03-28): never presented as a breach of the statute texts.
rule_note(d) := {"en": " [rule in force then as reported, not in the statute texts]", "ko": " [당시 규정은 보도 기준이며 법령 원문에 없음]"} if {
	inforce.citation_on(in_force, d).label == "reported"
} else := {"en": "", "ko": ""}

clock := {
	"possible": "from the moment the interruption passed the short-outage limit (audit default)",
	"critical-facility": "from detection (audit default)",
	"cause-undeclared": "from detection (audit default)",
	"cause": "from detection (audit default)",
}

clock_ko := {
	"possible": "중단이 단시간 장애 기준을 넘은 때부터(점검 기본값)",
	"critical-facility": "탐지 시각부터(점검 기본값)",
	"cause-undeclared": "탐지 시각부터(점검 기본값)",
	"cause": "탐지 시각부터(점검 기본값)",
}

# evidence(i) is what every finding on noticeable incident i shows. Only findings need it: a
# function is evaluated on demand, so a compliant incident renders no timestamp. A verdict
# that rests on the 2025-03-28 cut-over or on item 5's cause list carries that reading's label.
evidence(i) := object.union_n([base_evidence(i), incidents.cutover_evidence(i), incidents.cause_mapping_evidence(i)])

base_evidence(i) := {
	"incident": n.inc.id,
	"services": n.duty.services,
	"exempt_services": {id: why.en | some id, why in incidents.notice_exempt_services(i)},
	"exempt_services_ko": incidents.exempt_text_ko(incidents.notice_exempt_services(i)),
	"started_at": n.inc.startedAt,
	"outage_minutes": t.minutes,
	"ongoing": n.facts.ongoing,
	"cause": object.get(n.inc, "cause", "not declared"),
	"cause_ko": incidents.cause_ko(object.get(n.inc, "cause", "미신고")),
	"critical_facility": object.get(n.inc, "criticalFacility", false),
	"maintenance": t.maintenance,
	"not_exempt_because": incidents.notice_grounds(i).en,
	"not_exempt_because_ko": incidents.notice_grounds(i).ko,
	"threshold_minutes": n.duty.threshold.value,
	"threshold_basis": n.duty.threshold.basis,
	"threshold_label": n.duty.threshold.label,
	"duty_arose_at": incidents.kst_timestamp(n.duty.trigger_ns),
	"clock": clock[t.short],
	"clock_ko": clock_ko[t.short],
	"notice_due": incidents.kst_timestamp(n.due),
	"without_delay_minutes": n.delay.value,
	"without_delay_label": n.delay.label,
	"rule": inforce.citation_on(in_force, n.facts.start_date),
} if {
	n := noticeable[i]
	t := incidents.tba[i]
}

violations contains {
	"msg": sprintf("no user notice for incident %s: %s; users had to be told by %s%s", [inc.id, grounds.en, ev.notice_due, note.en]),
	"msg_ko": sprintf("장애 %s에 대한 이용자 고지가 없습니다: %s. %s까지 고지해야 했습니다.%s", [inc.id, grounds.ko, ev.notice_due, note.ko]),
	"pointer": incidents.notices_pointer(i),
	"evidence": object.union(ev, {"as_of": time.as_of}),
} if {
	some i, n in noticeable
	count(n.facts.notices) == 0
	time.as_of_ns > n.due
	inc := n.inc
	ev := evidence(i)
	grounds := incidents.notice_grounds(i)
	note := rule_note(n.facts.start_date)
}

violations contains {
	"msg": sprintf("users were first told of incident %s at %s, after the notice was due at %s (%v minutes allowed from %s)%s", [inc.id, incidents.kst_timestamp(first), ev.notice_due, ev.without_delay_minutes, ev.duty_arose_at, note.en]),
	"msg_ko": sprintf("장애 %s의 최초 이용자 고지(%s)가 기한(%s, %s부터 %v분)보다 늦었습니다.%s", [inc.id, incidents.kst_timestamp(first), ev.notice_due, ev.duty_arose_at, ev.without_delay_minutes, note.ko]),
	"pointer": sprintf("/incidents/%d/userNotices/%d/at", [i, idx]),
	"evidence": object.union(ev, {"first_notice_at": incidents.kst_timestamp(first), "late_minutes": (first - n.due) / time.minute_ns}),
} if {
	some i, n in noticeable
	first := n.facts.notice_times[0]
	first > n.due
	idx := min({j | some j, t in n.facts.notice_at; t == first})
	inc := n.inc
	ev := evidence(i)
	note := rule_note(n.facts.start_date)
}

violations contains {
	"msg": sprintf("the notices about incident %s never told users: %s%s", [inc.id, concat(", ", sort(missing)), note.en]),
	"msg_ko": sprintf("장애 %s의 고지에 다음 내용이 빠졌습니다: %s%s", [inc.id, concat(", ", [contents_ko[c] | some c in sort(missing)]), note.ko]),
	"pointer": sprintf("/incidents/%d/userNotices", [i]),
	"evidence": object.union(evidence(i), {"missing_contents": sort(missing), "required_contents": sort(required_contents)}),
} if {
	some i, n in noticeable
	count(n.facts.notices) > 0
	missing := (required_contents - incidents.notice_contents(n.facts.notices)) - deferrable(n.facts)
	count(missing) > 0
	inc := n.inc
	note := rule_note(n.facts.start_date)
}

violations contains {
	"msg": sprintf("the notices about incident %s gave %s only after the notice was due at %s%s", [inc.id, concat(", ", [sprintf("%s at %s", [c, late[c]]) | some c in sort(object.keys(late))]), ev.notice_due, note.en]),
	"msg_ko": sprintf("장애 %s의 고지에서 %s 기한(%s)보다 늦게 안내되었습니다.%s", [inc.id, data.resilcheck.lib.text.josa(concat(", ", [sprintf("%s(%s)", [contents_ko[c], late[c]]) | some c in sort(object.keys(late))]), "가"), ev.notice_due, note.ko]),
	"pointer": late_pointer(i, n.facts, late),
	"evidence": object.union(ev, {"late_contents": late}),
} if {
	some i, n in noticeable
	n.facts.notice_times[0] <= n.due

	# What was told by the deadline, in one pass over the notices: a content is late when it
	# is not among it, and only then is its first mention looked up.
	told := {c |
		some j, x in n.facts.notices
		n.facts.notice_at[j] <= n.due
		some c in object.get(x, "contents", [])
	}
	late := {c: incidents.kst_timestamp(content_first_ns(n.facts, c)) |
		some c in prompt_contents
		not c in told
		content_first_ns(n.facts, c)
	}
	count(late) > 0
	inc := n.inc
	ev := evidence(i)
	note := rule_note(n.facts.start_date)
}

# late_pointer points at the contents of the notice that first gave the late content (the
# first of them alphabetically when several were late).
late_pointer(i, f, late) := sprintf("/incidents/%d/userNotices/%d/contents", [i, j]) if {
	c := sort(object.keys(late))[0]
	t := content_first_ns(f, c)
	j := min({j | some j, n in f.notices; f.notice_at[j] == t; c in object.get(n, "contents", [])})
}

# Incidents that started before the duty bound the provider are noted beside the verdict.
notes contains n if {
	applies
	some n in incidents.unbound_notes(in_force)
}

# Services sized from a stand-in users window are noted beside the verdict.
notes contains n if {
	applies
	some n in scope.service_window_notes(time.as_of)
}
