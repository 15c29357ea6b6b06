# METADATA
# title: Cloud users told without delay of an intrusion incident
# description: |
#   A cloud computing service provider tells the users concerned without delay when an
#   intrusion incident (침해사고: hacking, computer viruses, logic or mail bombs, denial of
#   service, high-power electromagnetic waves and the like, Network Act Art. 2(1)7) hits a
#   cloud service: whatever its duration and whether or not service stopped. An incident is
#   an intrusion when declared kind breach or cause cyberattack; it hits a cloud service
#   when it names a service declared cloud, or names none and the provider declares the
#   cloud category. "Without delay" is judged against the audit default
#   cl_notice_without_delay_minutes (not law), counted from detection (detectedAt, else
#   startedAt). The notice tells what happened, the cause (which may follow once known), the
#   containment actions, how users can prevent or limit damage, and the department and
#   contact, by phone, mobile phone, post, email, text message, a posting on the access
#   screen kept up 15 days, or a similar method; a newspaper notice replaces it only where
#   notice was impossible and MSIT was told. Each incident is judged by the law in force, and
#   only if the provider was bound, when it started.
# related_resources:
#   - https://www.law.go.kr/법령/클라우드컴퓨팅발전및이용자보호에관한법률
# scope: package
# custom:
#   id: KR-CLOUD-25-BREACH-NOTICE
#   severity: high
#   kind: law
#   regulation: Cloud Act
#   title_ko: 클라우드 침해사고 발생 시 이용자 지체 없는 통지
#   description_ko: 클라우드컴퓨팅서비스 제공자는 침해사고(정보통신망법 제2조제1항제7호)가 발생한 때에는 그 지속 시간이나 서비스 중단 여부와 관계없이 지체 없이 해당 이용자에게 발생 내용, 발생 원인(확인되면 지체 없이), 피해 확산 방지 조치 현황, 이용자의 피해 예방 또는 확산 방지 방법, 담당부서 및 연락처를 전화, 휴대전화, 우편, 전자우편, 문자메시지, 접속화면 게시(15일 이상) 또는 이와 유사한 방법으로 알려야 한다. 통지가 곤란하여 과학기술정보통신부장관에게 통보한 경우에만 신문 공고로 갈음할 수 있다. '지체 없이'는 탐지 시각부터 감사 기본값(법정 기준 아님)으로 판단하며, 각 사고는 발생 당시의 법령과 적용 대상 여부로 판단한다.
#   citation:
#     law: Act on the Development of Cloud Computing and Protection of its Users
#     law_ko: 클라우드컴퓨팅 발전 및 이용자 보호에 관한 법률
#     article: Art. 25(1)1
#     decree: Enforcement Decree Art. 17(1)-(4)
#     in_force: "2015-09-28"
#     text: Cloud Computing Act Art. 25(1)1; Decree Art. 17(1)-(4)
#     text_ko: 클라우드컴퓨팅 발전 및 이용자 보호에 관한 법률 제25조제1항제1호; 같은 법 시행령 제17조제1항부터 제4항까지
#   remediation:
#     en: As soon as an intrusion incident on a cloud service is detected, tell the users concerned what happened, the containment actions, how they can protect themselves and the department and contact (the cause once known) by phone, mail, email, SMS or a screen posting kept up 15 days, and record each notice under incidents[].userNotices with its channels and contents.
#     ko: 클라우드 서비스의 침해사고를 탐지하면 즉시 해당 이용자에게 발생 내용, 피해 확산 방지 조치, 피해 예방 방법, 담당부서 및 연락처(원인은 확인되는 대로)를 전화·우편·전자우편·문자메시지 또는 15일 이상의 접속화면 게시로 알리고, 각 통지를 incidents[].userNotices에 방법(channels)과 내용(contents)과 함께 기록하십시오.
#   frameworks:
#     - KR-CLOUD
#   in_force:
#     - from: "2015-09-28"
#       parties: [cloud]
#       label: law
#       citation: Cloud Act Art. 25(1)1; Decree Art. 17(1)-(4)
#       citation_ko: 클라우드컴퓨팅 발전 및 이용자 보호에 관한 법률 제25조제1항제1호; 같은 법 시행령 제17조제1항부터 제4항까지
#       basis: Act No. 13234 (2015-03-27), in force six months after promulgation (2015-09-28); Decree No. 26550, in force 2015-09-28; Art. 25(1) and Decree 17(1)-(3) carry no amendment marker
package resilcheck.controls.cl_breach_notice

import data.resilcheck.lib.cloudnotice
import data.resilcheck.lib.incidents
import data.resilcheck.lib.inforce
import data.resilcheck.lib.time

# in_force is this package's METADATA custom.in_force (a Go test holds them equal).
in_force := [{"from": "2015-09-28", "parties": ["cloud"], "label": "law", "citation": "Cloud Act Art. 25(1)1; Decree Art. 17(1)-(4)", "citation_ko": "클라우드컴퓨팅 발전 및 이용자 보호에 관한 법률 제25조제1항제1호; 같은 법 시행령 제17조제1항부터 제4항까지", "basis": "Act No. 13234 (2015-03-27), in force six months after promulgation (2015-09-28); Decree No. 26550, in force 2015-09-28; Art. 25(1) and Decree 17(1)-(3) carry no amendment marker"}]

# Violations are only judged where the control applies, so a direct query of violations
# agrees with the engine's verdict. A bound provider with no intrusion incident passes.
default applies := false

applies if inforce.binds(in_force, time.as_of)

reason := inforce.why_not(in_force, time.as_of)

# breaches[i] is each judged intrusion incident on a cloud service that started while the
# duty bound the provider (time model rule 2), with its notice deadline: detection (detectedAt,
# else startedAt) plus the "without delay" default in force when it started. No minimum
# duration: an intrusion counts whether or not service stopped (25(1)1).
breaches[i] := {"due_ns": due, "delay": delay} if {
	some i, f in incidents.facts
	inc := input.incidents[i]
	cloudnotice.breach(inc)
	cloudnotice.on_cloud(inc)
	inforce.binds(in_force, f.start_date)
	delay := incidents.param("cl_notice_without_delay_minutes", f.start_ns)
	due := f.detected_ns + (delay.value * time.minute_ns)
}

clock_source(inc) := "detectedAt" if inc.detectedAt

else := "startedAt"

# clocks[i] names the field breach i's clock is read from (for lib/deadlines, which can reach
# a control's rules but not its functions).
clocks[i] := clock_source(input.incidents[i]) if some i, _ in breaches

ctx(i) := {
	"due_ns": b.due_ns,
	"what": {"en": "intrusion incident", "ko": "침해사고"},
	"due_text": {
		"en": sprintf("detected at %s (%s), users had to be told without delay, by %s (%v minutes after detection: %s, not a number in law; no minimum duration, whether or not service stopped)", [detected, clock_source(inc), due, b.delay.value, b.delay.label]),
		"ko": sprintf("%s(%s)에 탐지되어 지체 없이, 즉 %s까지 알려야 했습니다(탐지 후 %v분: %s, 법정 기준 아님; 지속 시간·서비스 중단 여부와 무관).", [detected, clock_source(inc), due, b.delay.value, b.delay.label]),
	},
	"evidence": {
		"incident": inc.id,
		"services": cloudnotice.affected(inc),
		"kind": object.get(inc, "kind", "outage"),
		"cause": object.get(inc, "cause", ""),
		"started_at": inc.startedAt,
		"detected_at": detected,
		"clock_source": clock_source(inc),
		"due": due,
		"without_delay_minutes": b.delay.value,
		"without_delay_label": b.delay.label,
		"without_delay_basis": b.delay.basis,
		"law_on": f.start_date,
		"citation": inforce.citation_on(in_force, f.start_date).en,
	},
} if {
	b := breaches[i]
	inc := input.incidents[i]
	f := incidents.facts[i]
	detected := incidents.kst_timestamp(f.detected_ns)
	due := incidents.kst_timestamp(b.due_ns)
}

violations contains v if {
	applies
	some i, _ in breaches
	some v in cloudnotice.user_violations(i, ctx(i))
}

# Incidents that started before the duty bound the provider are noted beside the verdict.
notes contains n if {
	applies
	some n in incidents.unbound_notes(in_force)
}
