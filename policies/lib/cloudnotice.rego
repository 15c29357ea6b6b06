# METADATA
# title: Cloud notices to users (Cloud Act 25(1); Decree 17(1)-(3))
# description: |
#   What the breach and leak notices of a cloud provider share: which incidents hit a cloud
#   service, which notices reached users by a method of Cloud Decree 17(2) (phone, mobile
#   phone, post, email, text message, a posting on the service's access screen, or a similar
#   method; a newspaper notice replaces them only where notice was impossible and MSIT was
#   told, 17(3)-(4)), and the findings on one incident's user notices: none by the deadline,
#   the first one late, a notice by no accepted method, an item of 17(1) never told or told
#   late, and a screen notice taken down before 15 days. The controls pass the deadline
#   (the audit default for "without delay", counted from the clock each duty runs from) and
#   the words naming the incident.
package resilcheck.lib.cloudnotice

import data.resilcheck.lib.incidents
import data.resilcheck.lib.scope
import data.resilcheck.lib.text
import data.resilcheck.lib.time

cloud_service_ids := {s.id | some s in object.get(input, "services", []); s.cloud == true}

# named_cloud(inc) are the cloud services (declared cloud: true) the incident names, sorted.
named_cloud(inc) := sort([id | some id in object.get(inc, "services", []); id in cloud_service_ids])

# on_cloud(inc): the incident hit a cloud service. It names a service declared cloud: true,
# or it names no service at all and the provider declares the cloud category: the incident
# then stands for the provider's cloud service as a whole (interpretation). An incident that
# names only services not declared cloud is under the TBA notice rule, not this one.
on_cloud(inc) if count(named_cloud(inc)) > 0

on_cloud(inc) if {
	count(object.get(inc, "services", [])) == 0
	scope.cloud_provider
}

# affected(inc) names the cloud services for messages and evidence.
affected(inc) := concat(", ", named_cloud(inc)) if {
	count(named_cloud(inc)) > 0
} else := "(the provider's cloud service as a whole)"

# breach(inc): an intrusion incident (침해사고, Network Act 2(1)7), by declared kind or cause.
breach(inc) if inc.kind == "breach"

breach(inc) if inc.cause == "cyberattack"

# leak(inc): user information leaked (Cloud Act 25(1)2).
leak(inc) if inc.kind == "leak"

leak(inc) if inc.dataLeak

# Decree 17(2): 전화, 휴대전화, 우편, 전자우편, 문자메시지, 접속화면 게시 (web, app) "또는 이와 유사한
# 방법". `sns` (an electronic notice reaching users individually) is taken as a similar method
# (interpretation); `press` (telling the press) is not a notice to the users at all.
channels := {"phone", "mobile", "post", "email", "sms", "web", "app", "sns"}

screen_channels := {"web", "app"}

# notice_impossible(inc): MSIT was told that notice was impossible (Decree 17(3)-(4)), so a
# newspaper notice replaces the notice to users.
notice_impossible(inc) if {
	some m in object.get(inc, "ministryNotices", [])
	m.kind == "notice-impossible"
}

accepted(inc) := channels | {"newspaper"} if {
	notice_impossible(inc)
} else := channels

# notices(i) maps the index of each user notice about incident i that went out by the audit
# date (later records are a future the audit must not see) to its instant.
notices(i) := {j: t |
	some j, n in object.get(input.incidents[i], "userNotices", [])
	t := time.ns(n.at)
	t <= time.as_of_ns
}

# valid(i) maps the index of each of those notices sent by an accepted method to its instant.
valid(i) := {j: t |
	ok := accepted(input.incidents[i])
	some j, t in notices(i)
	some c in input.incidents[i].userNotices[j].channels
	c in ok
}

# Decree 17(1) items. Item 5 is "담당부서 및 연락처": the department and the contact, both.
required := ["fact", "cause", "response", "prevention-advice", "department", "contact"]

# Item 2 may follow: "발생 원인을 바로 알기 어려운 경우에는 나머지 사항을 먼저 알리고, 발생 원인이 확인되면 지체
# 없이" (17(1) proviso). When the cause became known is not declared: it is owed once the
# incident is over (restoredAt by the audit date), never by the first deadline.
prompt := [c | some c in required; c != "cause"]

item := {
	"fact": {"en": "what happened", "ko": "발생 내용", "no": "1"},
	"cause": {"en": "the cause", "ko": "발생 원인", "no": "2"},
	"response": {"en": "the provider's containment actions", "ko": "피해 확산 방지 조치 현황", "no": "3"},
	"prevention-advice": {"en": "how users can prevent or limit damage", "ko": "이용자의 피해 예방 또는 확산 방지 방법", "no": "4"},
	"department": {"en": "the department in charge", "ko": "담당부서", "no": "5"},
	"contact": {"en": "the contact", "ko": "연락처", "no": "5"},
}

# told(i, by) is what the accepted notices about incident i told users up to instant by.
told(i, by) := {c |
	some j, t in valid(i)
	t <= by
	some c in object.get(input.incidents[i].userNotices[j], "contents", [])
}

first_told(i, c) := min({t |
	some j, t in valid(i)
	c in object.get(input.incidents[i].userNotices[j], "contents", [])
})

first_index(i, t) := min({k | some k, u in valid(i); u == t})

contents_pointer(i, j) := sprintf("/incidents/%d/userNotices/%d/contents", [i, j]) if {
	input.incidents[i].userNotices[j].contents
} else := sprintf("/incidents/%d/userNotices/%d", [i, j])

# user_violations(i, ctx) are the findings on the user notices about incident i. ctx holds
# due_ns (the deadline), what ({"en", "ko"}: the incident named in messages), due_text (the
# deadline and how it was counted, {"en", "ko"}) and evidence (merged into every finding).
user_violations(i, ctx) := ((((missing(i, ctx) | late(i, ctx)) | bad_channels(i, ctx)) | missing_contents(i, ctx)) | late_contents(i, ctx)) | short_display(i, ctx)

missing(i, ctx) := {v |
	count(valid(i)) == 0
	time.as_of_ns > ctx.due_ns
	inc := input.incidents[i]
	v := {
		"msg": sprintf("no notice to users of the %s %s on %s: %s", [ctx.what.en, inc.id, affected(inc), ctx.due_text.en]),
		"msg_ko": sprintf("%s %s(%s)에 대한 이용자 통지가 없습니다. %s", [ctx.what.ko, inc.id, affected(inc), ctx.due_text.ko]),
		"pointer": incidents.notices_pointer(i),
		"key": "user-notice",
		"evidence": object.union(ctx.evidence, {"as_of": time.as_of}),
	}
}

late(i, ctx) := {v |
	first := min({t | some t in valid(i)})
	first > ctx.due_ns
	j := first_index(i, first)
	inc := input.incidents[i]
	at := incidents.kst_timestamp(first)
	v := {
		"msg": sprintf("users were first told of the %s %s at %s, after the notice was due (%s)", [ctx.what.en, inc.id, at, ctx.due_text.en]),
		"msg_ko": sprintf("%s %s의 최초 이용자 통지(%s)가 기한보다 늦었습니다. %s", [ctx.what.ko, inc.id, at, ctx.due_text.ko]),
		"pointer": sprintf("/incidents/%d/userNotices/%d/at", [i, j]),
		"key": "user-notice:late",
		"evidence": object.union(ctx.evidence, {"first_notice_at": at, "late_minutes": (first - ctx.due_ns) / time.minute_ns}),
	}
}

bad_channels(i, ctx) := {v |
	ok := accepted(input.incidents[i])
	some j, _ in notices(i)
	n := input.incidents[i].userNotices[j]
	count({c | some c in n.channels; c in ok}) == 0
	inc := input.incidents[i]
	v := {
		"msg": sprintf("notice %d about the %s %s went out only by %s, not a method of Cloud Decree 17(2) (%s)%s", [j, ctx.what.en, inc.id, concat(", ", n.channels), concat(", ", sort(channels)), newspaper_note(inc, n).en]),
		"msg_ko": sprintf("%s %s에 대한 통지 %d는 %s로만 이루어져 클라우드컴퓨팅법 시행령 제17조제2항의 방법(전화, 휴대전화, 우편, 전자우편, 문자메시지, 접속화면 게시 등)이 아닙니다%s", [ctx.what.ko, inc.id, j, concat(", ", n.channels), newspaper_note(inc, n).ko]),
		"pointer": sprintf("/incidents/%d/userNotices/%d/channels", [i, j]),
		"key": "channels",
		"evidence": object.union(ctx.evidence, {"notice_at": n.at, "channels": n.channels, "accepted_channels": sort(ok)}),
	}
}

newspaper_note(inc, n) := {
	"en": "; a newspaper notice replaces the notice only where notice was impossible and MSIT was told (17(3)-(4)): no ministryNotices entry of kind notice-impossible",
	"ko": ". 신문 공고는 통지가 곤란하여 과학기술정보통신부장관에게 통보한 경우에만 통지를 갈음합니다(제17조제3항·제4항; ministryNotices의 notice-impossible 없음)",
} if {
	"newspaper" in n.channels
	not notice_impossible(inc)
} else := {"en": "", "ko": ""}

# owed_items(i, ctx) are the 17(1) items owed on the audit date: the prompt ones once the
# deadline has passed, the cause once the incident is over.
owed_items(i, ctx) := {c |
	some c in prompt
	time.as_of_ns > ctx.due_ns
} | {"cause" | incidents.facts[i].restored}

missing_contents(i, ctx) := {v |
	count(valid(i)) > 0
	said := told(i, time.as_of_ns)
	some c in owed_items(i, ctx)
	not c in said
	inc := input.incidents[i]
	j := first_index(i, min({t | some t in valid(i)}))
	v := {
		"msg": sprintf("the notices to users about the %s %s never told %s (Cloud Decree 17(1)%s)", [ctx.what.en, inc.id, item[c].en, item[c].no]),
		"msg_ko": sprintf("%s %s에 대한 이용자 통지에 %s 빠졌습니다(클라우드컴퓨팅법 시행령 제17조제1항제%s호).", [ctx.what.ko, inc.id, text.josa(item[c].ko, "가"), item[c].no]),
		"pointer": contents_pointer(i, j),
		"key": sprintf("contents:%s", [c]),
		"evidence": object.union(ctx.evidence, {"missing_content": c, "required_contents": required, "cause_may_follow": true}),
	}
}

# late_contents: a prompt item first told after the deadline, where the first notice itself
# was on time (a late first notice is its own finding).
late_contents(i, ctx) := {v |
	min({t | some t in valid(i)}) <= ctx.due_ns
	said := told(i, ctx.due_ns)
	some c in prompt
	not c in said
	t := first_told(i, c)
	j := first_index_with(i, t, c)
	inc := input.incidents[i]
	at := incidents.kst_timestamp(t)
	v := {
		"msg": sprintf("the notices to users about the %s %s told %s (Cloud Decree 17(1)%s) only at %s, after the notice was due (%s)", [ctx.what.en, inc.id, item[c].en, item[c].no, at, ctx.due_text.en]),
		"msg_ko": sprintf("%s %s에 대한 이용자 통지에서 %s 기한 후인 %s에 알렸습니다. %s", [ctx.what.ko, inc.id, text.josa(sprintf("%s(시행령 제17조제1항제%s호)", [item[c].ko, item[c].no]), "을"), at, ctx.due_text.ko]),
		"pointer": contents_pointer(i, j),
		"key": sprintf("contents:%s:late", [c]),
		"evidence": object.union(ctx.evidence, {"late_content": c, "told_at": at}),
	}
}

first_index_with(i, t, c) := min({j |
	some j, u in valid(i)
	u == t
	c in object.get(input.incidents[i].userNotices[j], "contents", [])
})

# Decree 17(2) proviso: a notice on the access screen stays up for at least 15 days. One whose
# minimum has not run out on the audit date may still be up, so it is not judged yet.
short_display(i, ctx) := {v |
	some j, t in valid(i)
	n := input.incidents[i].userNotices[j]
	some c in n.channels
	c in screen_channels
	days := incidents.param("cl_notice_display_days", t)
	time.as_of_ns > t + (days.value * time.day_ns)
	not object.get(n, "displayedDays", -1) >= days.value
	inc := input.incidents[i]
	v := display_finding(i, j, n, inc, days, ctx)
}

display_finding(i, j, n, inc, days, ctx) := {
	"msg": sprintf("the screen notice about the %s %s was displayed for %v days (at least %v required, Cloud Decree 17(2))", [ctx.what.en, inc.id, n.displayedDays, days.value]),
	"msg_ko": sprintf("%s %s에 대한 접속화면 게시가 %v일 동안만 유지되었습니다(%v일 이상 필요, 시행령 제17조제2항).", [ctx.what.ko, inc.id, n.displayedDays, days.value]),
	"pointer": sprintf("/incidents/%d/userNotices/%d/displayedDays", [i, j]),
	"key": "display-days",
	"evidence": object.union(ctx.evidence, {"notice_at": n.at, "displayed_days": n.displayedDays, "min_days": days.value, "min_basis": days.basis}),
} if {
	_ := n.displayedDays
} else := {
	"msg": sprintf("the screen notice about the %s %s does not declare how long it was displayed (declare displayedDays; at least %v days required, Cloud Decree 17(2))", [ctx.what.en, inc.id, days.value]),
	"msg_ko": sprintf("%s %s에 대한 접속화면 게시 기간이 신고되지 않았습니다(displayedDays, %v일 이상 필요).", [ctx.what.ko, inc.id, days.value]),
	"pointer": sprintf("/incidents/%d/userNotices/%d", [i, j]),
	"key": "display-days",
	"evidence": object.union(ctx.evidence, {"notice_at": n.at, "missing": "displayedDays", "min_days": days.value, "min_basis": days.basis}),
}
