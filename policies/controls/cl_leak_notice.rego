# METADATA
# title: Cloud user-information leak told to users without delay and to MSIT immediately
# description: |
#   When user information of a cloud service leaks, the cloud computing service provider
#   tells the users concerned without delay (what happened, the cause, which may follow once
#   known, the containment actions, how users can prevent or limit damage, the department and
#   contact, by phone, mobile phone, post, email, text message, a posting on the access
#   screen kept up 15 days or a similar method) and tells the Minister of Science and ICT
#   immediately, with an outline of the leaked information (where known), when and how it
#   leaked, and the containment actions. An incident is a leak when declared kind leak or
#   when it declares dataLeak. Both clocks run from when the provider learned of the leak
#   (dataLeak.detectedAt, else detectedAt, else startedAt); "without delay" and "immediately"
#   are judged against the audit defaults cl_notice_without_delay_minutes and
#   cl_leak_ministry_minutes (not law). The leaked-information outline is owed where the
#   manifest shows it was known (dataLeak.description declared: interpretation). Each
#   incident is judged by the law in force, and only if the provider was bound, when it
#   started.
# related_resources:
#   - https://www.law.go.kr/법령/클라우드컴퓨팅발전및이용자보호에관한법률
# scope: package
# custom:
#   id: KR-CLOUD-25-LEAK-NOTICE
#   severity: high
#   kind: law
#   regulation: Cloud Act
#   title_ko: 클라우드 이용자 정보 유출 시 이용자 지체 없는 통지 및 과학기술정보통신부장관 즉시 통지
#   description_ko: 클라우드컴퓨팅서비스 제공자는 이용자 정보가 유출된 때에는 지체 없이 해당 이용자에게 알리고(발생 내용, 발생 원인, 피해 확산 방지 조치 현황, 피해 예방 방법, 담당부서 및 연락처), 즉시 과학기술정보통신부장관에게 유출된 이용자 정보의 개요(파악된 경우), 유출 시점과 경위, 피해 확산 방지 조치 현황을 알려야 한다. 두 기한 모두 유출을 안 때부터 감사 기본값(법정 기준 아님)으로 판단하며, 각 사고는 발생 당시의 법령과 적용 대상 여부로 판단한다.
#   citation:
#     law: Act on the Development of Cloud Computing and Protection of its Users
#     law_ko: 클라우드컴퓨팅 발전 및 이용자 보호에 관한 법률
#     article: Art. 25(1)2, 25(2)
#     decree: Enforcement Decree Art. 17(1)-(5)
#     in_force: "2015-09-28"
#     text: Cloud Computing Act Art. 25(1)2, 25(2); Decree Art. 17(1)-(5)
#     text_ko: 클라우드컴퓨팅 발전 및 이용자 보호에 관한 법률 제25조제1항제2호 및 제2항; 같은 법 시행령 제17조제1항부터 제5항까지
#   remediation:
#     en: As soon as a leak of user information is known, tell the users concerned (what happened, containment, how to protect themselves, department and contact; the cause once known) and tell MSIT at once what leaked, when and how, and the containment actions; record them under incidents[].userNotices and incidents[].ministryNotices (kind leak) with their contents.
#     ko: 이용자 정보 유출을 알게 되면 즉시 해당 이용자에게(발생 내용, 피해 확산 방지 조치, 피해 예방 방법, 담당부서 및 연락처, 원인은 확인되는 대로) 알리고 과학기술정보통신부장관에게 유출 정보의 개요, 유출 시점과 경위, 피해 확산 방지 조치를 즉시 알린 뒤 incidents[].userNotices와 incidents[].ministryNotices(kind leak)에 내용과 함께 기록하십시오.
#   frameworks:
#     - KR-CLOUD
#   in_force:
#     - from: "2015-09-28"
#       parties: [cloud]
#       label: law
#       citation: Cloud Act Art. 25(1)2, 25(2); Decree Art. 17(1)-(5)
#       citation_ko: 클라우드컴퓨팅 발전 및 이용자 보호에 관한 법률 제25조제1항제2호 및 제2항; 같은 법 시행령 제17조제1항부터 제5항까지
#       basis: Act No. 13234 (2015-03-27), in force six months after promulgation (2015-09-28); Decree No. 26550, in force 2015-09-28; 25(2) and Decree 17(5) amended 2017-07-26 for the ministry's name only
package resilcheck.controls.cl_leak_notice

import data.resilcheck.lib.cloudnotice
import data.resilcheck.lib.incidents
import data.resilcheck.lib.inforce
import data.resilcheck.lib.time

# in_force is this package's METADATA custom.in_force (a Go test holds them equal).
in_force := [{"from": "2015-09-28", "parties": ["cloud"], "label": "law", "citation": "Cloud Act Art. 25(1)2, 25(2); Decree Art. 17(1)-(5)", "citation_ko": "클라우드컴퓨팅 발전 및 이용자 보호에 관한 법률 제25조제1항제2호 및 제2항; 같은 법 시행령 제17조제1항부터 제5항까지", "basis": "Act No. 13234 (2015-03-27), in force six months after promulgation (2015-09-28); Decree No. 26550, in force 2015-09-28; 25(2) and Decree 17(5) amended 2017-07-26 for the ministry's name only"}]

# Violations are only judged where the control applies, so a direct query of violations
# agrees with the engine's verdict. A bound provider with no leak passes.
default applies := false

applies if inforce.binds(in_force, time.as_of)

reason := inforce.why_not(in_force, time.as_of)

# leaks[i] is each judged leak of a cloud service's user information that started while the
# duty bound the provider (time model rule 2), with its two deadlines from when the provider
# learned of the leak.
leaks[i] := {"clock_ns": clock, "source": source, "user_due_ns": clock + (user.value * time.minute_ns), "user": user, "ministry_due_ns": clock + (ministry.value * time.minute_ns), "ministry": ministry} if {
	some i, f in incidents.facts
	inc := input.incidents[i]
	cloudnotice.leak(inc)
	cloudnotice.on_cloud(inc)
	inforce.binds(in_force, f.start_date)
	[clock, source] := learned(inc, f)
	user := incidents.param("cl_notice_without_delay_minutes", f.start_ns)
	ministry := incidents.param("cl_leak_ministry_minutes", f.start_ns)
}

# learned(inc, f) is [instant, field]: when the provider learned of the leak.
learned(inc, f) := [time.ns(inc.dataLeak.detectedAt), "dataLeak.detectedAt"] if {
	inc.dataLeak.detectedAt
} else := [f.detected_ns, "detectedAt"] if {
	inc.detectedAt
} else := [f.start_ns, "startedAt"]

base_evidence(i) := {
	"incident": inc.id,
	"services": cloudnotice.affected(inc),
	"kind": object.get(inc, "kind", "outage"),
	"started_at": inc.startedAt,
	"leak_known_at": incidents.kst_timestamp(l.clock_ns),
	"clock_source": l.source,
	"law_on": f.start_date,
	"citation": inforce.citation_on(in_force, f.start_date).en,
} if {
	l := leaks[i]
	inc := input.incidents[i]
	f := incidents.facts[i]
}

# --- users, without delay (25(1)2; Decree 17(1)-(3)) ---

user_ctx(i) := {
	"due_ns": l.user_due_ns,
	"what": {"en": "leak of user information", "ko": "이용자 정보 유출"},
	"due_text": {
		"en": sprintf("known at %s (%s), users had to be told without delay, by %s (%v minutes: %s, not a number in law)", [known, l.source, due, l.user.value, l.user.label]),
		"ko": sprintf("%s(%s)에 유출을 알았으므로 지체 없이, 즉 %s까지 알려야 했습니다(%v분: %s, 법정 기준 아님).", [known, l.source, due, l.user.value, l.user.label]),
	},
	"evidence": object.union(base_evidence(i), {
		"due": due,
		"without_delay_minutes": l.user.value,
		"without_delay_label": l.user.label,
		"without_delay_basis": l.user.basis,
	}),
} if {
	l := leaks[i]
	known := incidents.kst_timestamp(l.clock_ns)
	due := incidents.kst_timestamp(l.user_due_ns)
}

violations contains v if {
	applies
	some i, _ in leaks
	some v in cloudnotice.user_violations(i, user_ctx(i))
}

# --- MSIT, immediately (25(2); Decree 17(5)) ---

# ministry_notices(i) maps the index of each leak notice to MSIT about incident i made by the
# audit date to its instant.
ministry_notices(i) := {j: t |
	some j, m in object.get(input.incidents[i], "ministryNotices", [])
	m.kind == "leak"
	t := time.ns(m.at)
	t <= time.as_of_ns
}

# ministry_notice_times[i] are the instants of those notices (for lib/deadlines, which can
# reach a control's rules but not its functions).
ministry_notice_times[i] := {t | some t in ministry_notices(i)} if some i, _ in leaks

ministry_evidence(i) := object.union(base_evidence(i), {
	"ministry_due": incidents.kst_timestamp(l.ministry_due_ns),
	"immediately_minutes": l.ministry.value,
	"immediately_label": l.ministry.label,
	"immediately_basis": l.ministry.basis,
}) if {
	l := leaks[i]
}

ministry_due_text(i) := {
	"en": sprintf("known at %s (%s), MSIT had to be told immediately, by %s (%v minutes: %s, not a number in law)", [incidents.kst_timestamp(l.clock_ns), l.source, incidents.kst_timestamp(l.ministry_due_ns), l.ministry.value, l.ministry.label]),
	"ko": sprintf("%s(%s)에 유출을 알았으므로 즉시, 즉 %s까지 과학기술정보통신부장관에게 알려야 했습니다(%v분: %s, 법정 기준 아님).", [incidents.kst_timestamp(l.clock_ns), l.source, incidents.kst_timestamp(l.ministry_due_ns), l.ministry.value, l.ministry.label]),
} if {
	l := leaks[i]
}

ministry_pointer(i) := sprintf("/incidents/%d/ministryNotices", [i]) if {
	input.incidents[i].ministryNotices
} else := sprintf("/incidents/%d", [i])

violations contains {
	"msg": sprintf("MSIT was not told of the leak of user information %s on %s: %s", [inc.id, cloudnotice.affected(inc), t.en]),
	"msg_ko": sprintf("이용자 정보 유출 %s(%s)을 과학기술정보통신부장관에게 알리지 않았습니다. %s", [inc.id, cloudnotice.affected(inc), t.ko]),
	"pointer": ministry_pointer(i),
	"key": "ministry-notice",
	"evidence": object.union(ministry_evidence(i), {"as_of": time.as_of}),
} if {
	applies
	some i, l in leaks
	count(ministry_notices(i)) == 0
	time.as_of_ns > l.ministry_due_ns
	inc := input.incidents[i]
	t := ministry_due_text(i)
}

violations contains {
	"msg": sprintf("MSIT was first told of the leak of user information %s at %s, after it was due (%s)", [inc.id, at, txt.en]),
	"msg_ko": sprintf("이용자 정보 유출 %s의 과학기술정보통신부장관 통지(%s)가 기한보다 늦었습니다. %s", [inc.id, at, txt.ko]),
	"pointer": sprintf("/incidents/%d/ministryNotices/%d/at", [i, j]),
	"key": "ministry-notice:late",
	"evidence": object.union(ministry_evidence(i), {"first_ministry_notice_at": at, "late_minutes": (first - l.ministry_due_ns) / time.minute_ns}),
} if {
	applies
	some i, l in leaks
	first := min({t | some t in ministry_notices(i)})
	first > l.ministry_due_ns
	j := min({k | some k, u in ministry_notices(i); u == first})
	inc := input.incidents[i]
	at := incidents.kst_timestamp(first)
	txt := ministry_due_text(i)
}

# Decree 17(5): 1 the outline of the leaked information "파악된 경우에 한정한다" (owed where the
# manifest shows it was known: dataLeak.description declared, interpretation), 2 when and how
# it leaked, 3 the containment actions.
ministry_item := {
	"leaked-information": {"en": "an outline of the leaked information", "ko": "유출된 이용자 정보의 개요", "no": "1"},
	"when-how": {"en": "when and how it leaked", "ko": "유출된 시점과 그 경위", "no": "2"},
	"containment": {"en": "the containment actions", "ko": "피해 확산 방지 조치 현황", "no": "3"},
}

ministry_required(inc) := {"leaked-information", "when-how", "containment"} if {
	inc.dataLeak.description
} else := {"when-how", "containment"}

violations contains {
	"msg": sprintf("the notice to MSIT of the leak of user information %s did not give %s (Cloud Decree 17(5)%s)", [inc.id, ministry_item[c].en, ministry_item[c].no]),
	"msg_ko": sprintf("이용자 정보 유출 %s의 과학기술정보통신부장관 통지에 %s 빠졌습니다(클라우드컴퓨팅법 시행령 제17조제5항제%s호).", [inc.id, data.resilcheck.lib.text.josa(ministry_item[c].ko, "가"), ministry_item[c].no]),
	"pointer": pointer,
	"key": sprintf("contents:%s", [c]),
	"evidence": object.union(ministry_evidence(i), {"missing_content": c, "required_contents": sort(required), "leaked_information_known": "leaked-information" in required}),
} if {
	applies
	some i, _ in leaks
	ns := ministry_notices(i)
	count(ns) > 0
	inc := input.incidents[i]
	said := {x | some k, _ in ns; some x in object.get(inc.ministryNotices[k], "contents", [])}
	required := ministry_required(inc)
	some c in required
	not c in said
	j := min({k | some k, t in ns; t == min({u | some u in ns})})
	pointer := ministry_contents_pointer(i, j)
}

ministry_contents_pointer(i, j) := sprintf("/incidents/%d/ministryNotices/%d/contents", [i, j]) if {
	input.incidents[i].ministryNotices[j].contents
} else := sprintf("/incidents/%d/ministryNotices/%d", [i, j])

# Incidents that started before the duty bound the provider are noted beside the verdict.
notes contains n if {
	applies
	some n in incidents.unbound_notes(in_force)
}
