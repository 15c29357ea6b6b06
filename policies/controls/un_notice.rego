# METADATA
# title: Users told of a service interruption without delay
# description: |
#   A telecommunications provider tells users without delay that service was interrupted, why,
#   what is being done and where to ask. Exempt: interruptions within a pre-announced
#   maintenance, a carrier line fault behind a value-added service, and an unforeseen outage
#   (overload, equipment or software fault) that lasted no more than the threshold, unless it
#   was in a designated critical facility. The threshold is the one in force when the incident
#   started: 4 hours before 2025-03-28, 2 hours from then; free services were exempt before
#   2025-03-28 and are covered from then. Exactly the threshold is not over it. The notice is
#   due within the audit default un_notice_without_delay_minutes (not law) of the moment the
#   outage went past the threshold, or of detection in a critical facility. Cloud services
#   follow the Cloud Computing Act (control cl_notice). The article was renumbered
#   37-11 -> 37-12 -> 37-13 -> 37-21; the citation names the article in force now.
# related_resources:
#   - https://www.law.go.kr/법령/전기통신사업법시행령
# scope: package
# custom:
#   id: KR-TBA-33-NOTICE
#   severity: high
#   kind: law
#   regulation: TBA
#   title_ko: 서비스 중단 시 이용자에 대한 지체 없는 고지
#   description_ko: 전기통신사업자는 서비스 제공이 중단되면 중단 사실, 원인, 대응조치 현황 및 상담 연락처를 지체 없이 이용자에게 알려야 한다. 미리 고지한 점검, 기간통신사업자 회선 장애, 기준 시간 이내의 예상치 못한 장애(중요통신시설 장애 제외)는 제외된다. 기준 시간은 장애 발생 당시의 규정(2025년 3월 28일 전 4시간, 이후 2시간)을 따르며, 2025년 3월 28일 전에는 무료 서비스가 제외되었다. '지체 없이'는 감사 기본값(법정 기준 아님)으로 판단한다.
#   citation:
#     law: Telecommunications Business Act
#     law_ko: 전기통신사업법
#     article: Art. 33(2)
#     decree: Enforcement Decree Art. 37-21(1)
#     in_force: "2025-03-28"
#     text: TBA Art. 33(2); Decree Art. 37-21(1) (formerly Art. 37-11, 37-12, 37-13)
#     text_ko: 전기통신사업법 제33조제2항; 같은 법 시행령 제37조의21제1항(종전 제37조의11부터 제37조의13까지)
#   remediation:
#     en: As soon as an outage goes past the notice threshold (or at once in a critical facility), tell users the fact, cause, response status and a contact point, and record each notice under incidents[].userNotices with its time, channels and contents.
#     ko: 장애가 고지 기준 시간을 넘기는 즉시(중요통신시설은 인지 즉시) 중단 사실, 원인, 대응조치 현황, 상담 연락처를 이용자에게 알리고, 각 고지를 incidents[].userNotices에 시각·방법·내용과 함께 기록하십시오.
#   frameworks:
#     - KR-TBA
package resilcheck.controls.un_notice

import data.resilcheck.lib.incidents
import data.resilcheck.lib.scope
import data.resilcheck.lib.time

default applies := false

applies if scope.notice

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
	some i, u in incidents.un
	f := incidents.facts[i]
	delay := incidents.param("un_notice_without_delay_minutes", f.start_ns)
	due := u.trigger_ns + (delay.value * time.minute_ns)
}

# evidence(i) is what every finding on noticeable incident i shows. Only findings need it: a
# function is evaluated on demand, so a compliant incident renders no timestamp.
evidence(i) := {
	"incident": n.inc.id,
	"services": n.duty.services,
	"started_at": n.inc.startedAt,
	"outage_minutes": n.facts.minutes,
	"ongoing": n.facts.ongoing,
	"critical_facility": object.get(n.inc, "criticalFacility", false),
	"threshold_minutes": n.duty.threshold.value,
	"threshold_basis": n.duty.threshold.basis,
	"notice_due": incidents.kst_timestamp(n.due),
	"without_delay_minutes": n.delay.value,
	"without_delay_label": n.delay.label,
} if {
	n := noticeable[i]
}

violations contains {
	"msg": sprintf("no user notice for incident %s: the %v-minute outage was over the %v-minute threshold and users had to be told by %s", [inc.id, ev.outage_minutes, ev.threshold_minutes, ev.notice_due]),
	"msg_ko": sprintf("장애 %s에 대한 이용자 고지가 없습니다. %v분 장애로 기준 %v분을 넘었으므로 %s까지 고지해야 했습니다.", [inc.id, ev.outage_minutes, ev.threshold_minutes, ev.notice_due]),
	"pointer": incidents.notices_pointer(i),
	"evidence": object.union(ev, {"as_of": time.as_of}),
} if {
	some i, n in noticeable
	count(n.facts.notices) == 0
	time.as_of_ns > n.due
	inc := n.inc
	ev := evidence(i)
}

violations contains {
	"msg": sprintf("users were first told of incident %s at %s, after the notice was due at %s", [inc.id, incidents.kst_timestamp(first), ev.notice_due]),
	"msg_ko": sprintf("장애 %s의 최초 이용자 고지(%s)가 기한(%s)보다 늦었습니다.", [inc.id, incidents.kst_timestamp(first), ev.notice_due]),
	"pointer": sprintf("/incidents/%d/userNotices/%d/at", [i, idx]),
	"evidence": object.union(ev, {"first_notice_at": incidents.kst_timestamp(first), "late_minutes": (first - n.due) / time.minute_ns}),
} if {
	some i, n in noticeable
	first := n.facts.notice_times[0]
	first > n.due
	idx := min({j | some j, t in n.facts.notice_at; t == first})
	inc := n.inc
	ev := evidence(i)
}

violations contains {
	"msg": sprintf("the notices about incident %s never told users: %s", [inc.id, concat(", ", sort(missing))]),
	"msg_ko": sprintf("장애 %s의 고지에 다음 내용이 빠졌습니다: %s", [inc.id, concat(", ", [contents_ko[c] | some c in sort(missing)])]),
	"pointer": sprintf("/incidents/%d/userNotices", [i]),
	"evidence": object.union(evidence(i), {"missing_contents": sort(missing), "required_contents": sort(required_contents)}),
} if {
	some i, n in noticeable
	count(n.facts.notices) > 0
	missing := (required_contents - incidents.notice_contents(n.facts.notices)) - deferrable(n.facts)
	count(missing) > 0
	inc := n.inc
}

violations contains {
	"msg": sprintf("the notices about incident %s gave %s only after the notice was due at %s", [inc.id, concat(", ", [sprintf("%s at %s", [c, late[c]]) | some c in sort(object.keys(late))]), ev.notice_due]),
	"msg_ko": sprintf("장애 %s의 고지에서 %s이(가) 기한(%s)보다 늦게 안내되었습니다.", [inc.id, concat(", ", [sprintf("%s(%s)", [contents_ko[c], late[c]]) | some c in sort(object.keys(late))]), ev.notice_due]),
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
}

# late_pointer points at the contents of the notice that first gave the late content (the
# first of them alphabetically when several were late).
late_pointer(i, f, late) := sprintf("/incidents/%d/userNotices/%d/contents", [i, j]) if {
	c := sort(object.keys(late))[0]
	t := content_first_ns(f, c)
	j := min({j | some j, n in f.notices; f.notice_at[j] == t; c in object.get(n, "contents", [])})
}
