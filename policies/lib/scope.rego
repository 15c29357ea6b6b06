# METADATA
# title: Scope decisions
# description: |
#   Who is bound by which duty, on which date, computed from the declared metrics and
#   facilities (never from a designation list; REGULATIONS.md "Who is bound"). Each party
#   test has the date its branch came into force and reads the thresholds in force on the
#   date judged, so a standing duty is sized on the audit date and an incident duty on the
#   day the incident started. Note the OR of the major value-added test and the AND of the
#   service-stability test: the law words them differently and they must not be merged.
#   An undeclared metric never brings a party into scope, and the reason says so.
package resilcheck.lib.scope

import data.resilcheck.lib.params
import data.resilcheck.lib.text
import data.resilcheck.lib.time

metrics := object.get(input, ["provider", "metrics"], {})

categories := {c | some c in object.get(input, ["provider", "categories"], [])}

# Declared metrics only: a metric that is absent is "not declared", never zero, so the
# reasons can tell the two apart.
declared(name) if _ := metrics[name]

users := object.get(metrics, "dailyAverageUsers", 0)

traffic := object.get(metrics, "trafficSharePercent", 0)

revenue := object.get(metrics, "revenueKRW", 0)

telecom_revenue := object.get(metrics, "telecomRevenueKRW", 0)

# ICT-sector revenue (Network Decree 37(1)2나) is not telecom-service revenue, but a provider
# that declares only the latter has declared a lower bound of the former (telecom services
# are ICT services).
ict_revenue := object.get(metrics, "ictRevenueKRW", telecom_revenue)

ict_revenue_declared if declared("ictRevenueKRW")

ict_revenue_declared if declared("telecomRevenueKRW")

subscribers := object.get(metrics, "subscribers", 0)

lines := object.get(metrics, "lines", 0)

floor_area := object.get(metrics, "datacenterFloorAreaM2", 0)

incoming_power := object.get(metrics, "datacenterIncomingPowerMW", 0)

default value_added := false

value_added if "value-added" in categories

default facilities_based := false

facilities_based if "facilities-based" in categories

default datacenter_operator := false

datacenter_operator if "datacenter-operator" in categories

default cloud_provider := false

cloud_provider if "cloud" in categories

default public_institution := false

public_institution if input.provider.publicInstitution == true

# --- the statutory window (REGULATIONS.md time model, rule 4) ---
# Users and traffic are daily averages over Oct 1 - Dec 31 of the year before the judged date.
# Metrics declared for another window stand in for it, and the scope decision says so.
statutory_window(d) := {"from": "2020-09-01", "to": "2020-11-30"} if {
	# The stability duty's first weeks (Decree No. 31223, addendum Art. 3): Sep-Nov 2020.
	"2020-12-10" <= d
	d <= "2020-12-31"
} else := {"from": sprintf("%d-10-01", [y]), "to": sprintf("%d-12-31", [y])} if {
	y := to_number(substring(d, 0, 4)) - 1
}

declared_window := object.get(metrics, "window", {})

window_note(d) := "" if {
	w := statutory_window(d)
	declared_window.from == w.from
	declared_window.to == w.to
} else := sprintf("scope from window %s..%s; statutory window is %s..%s", [
	object.get(declared_window, "from", "?"), object.get(declared_window, "to", "?"),
	statutory_window(d).from, statutory_window(d).to,
])

window_note_ko(d) := "" if {
	window_note(d) == ""
} else := sprintf("측정 기간 %s~%s의 수치로 판단(법정 기간은 %s~%s)", [
	object.get(declared_window, "from", "?"), object.get(declared_window, "to", "?"),
	statutory_window(d).from, statutory_window(d).to,
])

# --- facilities, classified per site (Network Act 46(1)1, 46(1)2, 46(7)) ---

all_datacenters := object.get(input, "datacenters", [])

deployed_sites := {dep.datacenter |
	some s in object.get(input, "services", [])
	some dep in object.get(s, "deployments", [])
}

# uses(d) is whom the provider runs site d for: declared by operatedFor, else derived: a
# provider in the datacenter business runs its own sites for others, and any own site that
# hosts one of its services also for itself.
uses(d) := {u | some u in d.operatedFor} if {
	_ := d.operatedFor
} else := {u |
	some u in ["others", "own"]
	derived_use(d, u)
}

derived_use(d, "others") if {
	d.ownership == "own"
	datacenter_operator
}

derived_use(d, "own") if {
	d.ownership == "own"
	d.id in deployed_sites
}

derived_use(d, "own") if {
	d.ownership == "own"
	not datacenter_operator
}

# colo_sites, own_use_sites and lessee_sites map indexes into input.datacenters to sites run
# for others, run for the provider's own services, and leased and run exclusively.
colo_sites[i] := d if {
	some i, d in all_datacenters
	d.ownership == "own"
	"others" in uses(d)
}

own_use_sites[i] := d if {
	some i, d in all_datacenters
	d.ownership == "own"
	"own" in uses(d)
}

lessee_sites[i] := d if {
	some i, d in all_datacenters
	d.ownership == "leased-exclusive"
}

# area(sites): floor area of a branch, the declared provider total or the largest site if larger
# (the law does not say whether sites are summed: audit default).
area(sites) := max(array.concat([floor_area], [object.get(d, "serverRoomAreaM2", 0) | some d in sites]))

colo_area := area(colo_sites)

own_use_area := area(own_use_sites)

# operated_sites maps the index into input.datacenters of each site under Network Act 46
# protective measures on the audit date (46(1) sites of a bound operator, and 46(7) leased
# sites from 2023-07-04) to its declaration.
operated_sites[i] := d if {
	bound("idc-colo", time.as_of)
	some i, d in colo_sites
}

operated_sites[i] := d if {
	bound("idc-own", time.as_of)
	some i, d in own_use_sites
}

operated_sites[i] := d if {
	bound("idc-lessee", time.as_of)
	some i, d in lessee_sites
}

# lithium_datacenters maps the index of each protected site whose UPS runs on a lithium-ion
# battery plant to its declaration.
lithium_datacenters[i] := d if {
	some i, d in operated_sites
	d.ups.battery.chemistry == "lithium-ion"
}

# --- the party tests, on a Korean date d (YYYY-MM-DD) ---
# branch_from is when each test's branch came into force (REGULATIONS.md "In-force dates").
# The parties in throughout have no branch date: the rulebook binds them on every date.
branch_from := {
	"carrier": "2019-06-25",
	"major-vas": "2023-07-04",
	"major-idc": "2023-07-04",
	"stability": "2020-12-10",
	"agent": "2020-12-10",
	"carrier-stability": "2024-06-30",
	"idc-colo": "2009-01-28",
	"idc-own": "2023-07-04",
	"idc-lessee": "2023-07-04",
	"own-site": "2023-07-04",
	"notice": "2019-06-25",
	"cloud": "2015-09-28",
}

# SCOPE-COLO: every colocation operator, throughout (46(2) carries no amendment marker; its
# duties keep their own dates and older-wording labels).
throughout := {"colo"}

party_ids := object.keys(branch_from) | throughout

p(name, d) := params.in_force_on(name, d).value

# test(party, d) holds when the party passes its test on date d, branch date aside.
test("carrier", d) if {
	facilities_based
	subscribers >= p("carrier_min_subscribers", d)
}

test("carrier", d) if {
	facilities_based
	lines >= p("carrier_min_lines", d)
}

test("major-vas", d) if {
	value_added
	users >= p("major_vas_min_users", d)
}

test("major-vas", d) if {
	value_added
	traffic >= p("major_vas_min_traffic_percent", d)
}

test("major-idc", d) if {
	idc_protect_on(d)
	idc_size_met(d)
	revenue >= p("major_idc_min_revenue_krw", d)
}

test("stability", d) if bound_stability(d)

# bound_stability is the stability test with its branch date: the agent test builds on it
# (Rego has no recursion, so it cannot go through bound).
bound_stability(d) if {
	branch_from.stability <= d
	value_added
	users >= p("stability_min_users", d)
	traffic >= p("stability_min_traffic_percent", d)
}

test("agent", d) if {
	bound_stability(d)
	input.provider.koreanEstablishment == false
}

test("carrier-stability", d) if {
	facilities_based
	telecom_revenue >= p("carrier_stability_min_telecom_revenue_krw", d)
	carrier_size_met(d)
}

# Before 2023-07-04 the older 46(1) bound colocation operators with no size test (older
# wording reported); from then Decree 37(1) sets the floor and excludes public institutions.
test("idc-colo", d) if bound_idc_colo(d)

test("idc-own", d) if bound_idc_own(d)

bound_idc_colo(d) if {
	branch_from["idc-colo"] <= d
	count(colo_sites) > 0
	d < "2023-07-04"
}

bound_idc_colo(d) if {
	count(colo_sites) > 0
	d >= "2023-07-04"
	not public_institution
	colo_area >= p("idc_protect_min_floor_m2", d)
}

bound_idc_own(d) if {
	branch_from["idc-own"] <= d
	count(own_use_sites) > 0
	not public_institution
	own_use_area >= p("idc_protect_min_floor_m2", d)
	ict_revenue >= p("idc_protect_min_ict_revenue_krw", d)
	users >= p("idc_protect_min_users", d)
}

test("idc-lessee", _) if count(lessee_sites) > 0

# own-site: any provider that runs a site for its own services, whatever its size (Network
# Act 46(4) addresses every person of 46(1)2, sized or not: its data requests exist to check
# the size).
test("own-site", _) if count(own_use_sites) > 0

test("colo", _) if count(colo_sites) > 0

test("notice", d) if count(notice_services(d)) > 0

# An incident that names no service stands for the provider's service as a whole
# (lib/incidents), sized by the provider's own daily users: the duty can bind through it
# whatever services are declared.
test("notice", d) if {
	some inc in object.get(input, "incidents", [])
	count(object.get(inc, "services", [])) == 0
	service_noticeable({"id": "(unspecified)", "dailyUsers": users}, d)
	declared("dailyAverageUsers")
}

test("notice", _) if {
	facilities_based
	some inc in object.get(input, "incidents", [])
	count(object.get(inc, "services", [])) == 0
}

test("cloud", _) if cloud_provider

test("cloud", _) if {
	some s in object.get(input, "services", [])
	s.cloud == true
}

carrier_size_met(d) if subscribers >= p("carrier_min_subscribers", d)

carrier_size_met(d) if lines >= p("carrier_min_lines", d)

idc_size_met(d) if idc_area >= p("major_idc_min_floor_m2", d)

# idc_area is the floor of the 46(1) sites (run for others or for the provider's own services).
idc_area := area(array.concat([d | some d in colo_sites], [d | some d in own_use_sites]))

idc_size_met(d) if incoming_power >= p("major_idc_min_power_mw", d)

idc_size_met(d) if {
	some sites in [colo_sites, own_use_sites]
	some s in sites
	object.get(s, "incomingPowerMW", 0) >= p("major_idc_min_power_mw", d)
}

# SCOPE-MAJOR-IDC needs a 46(1) operator (either branch); leased space does not count.
idc_protect_on(d) if bound_idc_colo(d)

idc_protect_on(d) if bound_idc_own(d)

# bound(party, d): the party's branch is in force on d and it passes its test (bound_on).
# Every party is tested once per stretch of dates (stretch_start): the controls ask about
# many dates (incidents, deadlines, orders), and most fall in a stretch already tested.
bound(party, d) if party in parties_on(stretch_start(d))

bound_on(party, d) if {
	branch_from[party] <= d
	test(party, d)
}

bound_on(party, d) if {
	party in throughout
	test(party, d)
}

# parties are the parties bound on the audit date; parties_on(d) those bound on date d.
parties := parties_on(stretch_start(time.as_of))

parties_on(d) := {x | some x in party_ids; bound_on(x, d)}

# parties_at[d] are the parties bound on each date the controls ask about most: the audit
# date and the Korean start date of each incident. A rule is evaluated once per document,
# where a function call with arguments is evaluated at every call; other dates (deadlines,
# orders) go through bound. The incidents of a document fall in a few stretches
# (stretch_start), and each stretch is tested once.
parties_at[d] := parties if d := time.as_of

parties_at[d] := parties_on(stretch_start(d)) if {
	some d in incident_dates
	d != time.as_of
}

# stretch_start(d) is the first day of the stretch of dates that d is in, over which no party
# test can change its answer: the latest date not after d on which a branch came into force,
# a parameter entry took effect, or a test changes its wording (change_dates); d itself when
# there is none. The tests read a date only by comparing it with those dates and by looking
# up the parameters in force on it, so parties_on(stretch_start(d)) is parties_on(d).
stretch_start(d) := max(earlier) if {
	earlier := {c | some c in change_dates; c <= d}
	count(earlier) > 0
} else := d

# change_dates are the dates a party test compares a date with, whichever way: a date named in
# a test below must be added here.
change_dates := ({d | some _, d in branch_from} | {"2023-07-04"}) | {e.from |
	some entries in data.resilcheck.params.table
	some e in entries
}

# reasons[x] is why party x is not bound on the audit date, computed once per document: most
# controls of a small provider do not apply, and each names the same few failed tests.
reasons[x] := why_not(x, time.as_of) if {
	some x in party_ids
	not x in parties
}

# why_not_on(x, d) is why_not, through the per-document cache on the audit date.
why_not_on(x, d) := reasons[x] if {
	d == time.as_of
} else := why_not(x, d)

incident_dates := {time.kst_date_string(time.ns(inc.startedAt)) | some inc in object.get(input, "incidents", [])}

# --- per-service notice scope (TBA 33(2); Decree 37-21(1)3) ---
# A carrier's basic services have no size exemption. A value-added service is exempt when its
# provider's telecom-service revenue is below the floor (per provider) or its own daily users
# are (per service); a service that declares no dailyUsers can be exempt only by the
# provider's own total being below the floor.
services_by_id := {s.id: s | some s in object.get(input, "services", [])}

# notice_services(d) are the services outside the cloud rule that service_noticeable admits
# on date d. It reads d only through the parameters in force, so it is the same over a
# stretch of dates (stretch_start), and it is asked for on every incident date of every
# document. The provider-level conditions are the same for every service, so they are
# tested once, and only a value-added provider over the revenue floor compares each
# service's users.
notice_services(d) := notice_services_from(stretch_start(d))

notice_services_from(d) := {s.id | some s in non_cloud_services} if {
	facilities_based
} else := {s.id | some s in non_cloud_services; s.dailyUsers >= min_users} if {
	value_added
	declared("telecomRevenueKRW")
	telecom_revenue >= p("notice_min_telecom_revenue_krw", d)
	min_users := p("notice_min_users", d)
} else := set()

non_cloud_services := [s | some s in object.get(input, "services", []); not s.cloud == true]

service_noticeable(_, _) if facilities_based

service_noticeable(s, d) if {
	value_added
	declared("telecomRevenueKRW")
	telecom_revenue >= p("notice_min_telecom_revenue_krw", d)
	s.dailyUsers >= p("notice_min_users", d)
}

# service_notice_reason(s, d) is why value-added service s is exempt on date d (undefined when
# it is not exempt), with the stand-in note when its daily users were measured over another
# window than the statutory one.
service_notice_reason(s, d) := service_window_text(s, d, r) if {
	not service_noticeable(s, d)
	r := service_exempt_reason(s, d)
}

# service_window_note(s, d) says that service s's dailyUsers were measured over a window other
# than the statutory one on date d (time model rule 4); undefined when they were not, or when
# no window is declared for the service (the provider's window applies then, and its own
# note says so).
service_window_note(s, d) := {
	"en": sprintf("service %s: daily users from window %s..%s; statutory window is %s..%s", [s.id, s.dailyUsersWindow.from, s.dailyUsersWindow.to, statutory_window(d).from, statutory_window(d).to]),
	"ko": sprintf("서비스 %s: 측정 기간 %s~%s의 이용자 수로 판단(법정 기간은 %s~%s)", [s.id, s.dailyUsersWindow.from, s.dailyUsersWindow.to, statutory_window(d).from, statutory_window(d).to]),
} if {
	w := s.dailyUsersWindow
	w != statutory_window(d)
}

service_window_text(s, d, r) := {"en": sprintf("%s (%s)", [r.en, n.en]), "ko": sprintf("%s(%s)", [r.ko, n.ko])} if {
	n := service_window_note(s, d)
	s.dailyUsers
} else := r

# service_window_notes(d) are notes for the services whose users were measured over a stand-in
# window, for the user-notice controls.
service_window_notes(d) := {{"msg": n.en, "msg_ko": n.ko, "pointer": sprintf("/services/%d/dailyUsersWindow", [i]), "evidence": {"service": s.id}} |
	some i, s in object.get(input, "services", [])
	s.id in notice_services(d)
	n := service_window_note(s, d)
}

service_exempt_reason(s, d) := {"en": "the provider is not a telecom provider (no value-added or facilities-based category)", "ko": "전기통신사업자가 아닙니다(부가통신·기간통신 분류 없음)"} if {
	not value_added
	not facilities_based
} else := {"en": "telecomRevenueKRW not declared", "ko": "전기통신역무 매출액(telecomRevenueKRW)이 신고되지 않았습니다"} if {
	not declared("telecomRevenueKRW")
} else := {
	"en": sprintf("telecom revenue KRW %s < KRW %s", [text.group(telecom_revenue), text.group(p("notice_min_telecom_revenue_krw", d))]),
	"ko": sprintf("전기통신역무 매출액 %s원 < %s원", [text.group(telecom_revenue), text.group(p("notice_min_telecom_revenue_krw", d))]),
} if {
	telecom_revenue < p("notice_min_telecom_revenue_krw", d)
} else := {
	"en": sprintf("service %s: dailyUsers not declared", [s.id]),
	"ko": sprintf("서비스 %s의 일 평균 이용자 수(dailyUsers)가 신고되지 않았습니다", [s.id]),
} if {
	not s.dailyUsers
} else := {
	"en": sprintf("service %s: daily users %s < %s", [s.id, text.group(object.get(s, "dailyUsers", 0)), text.group(p("notice_min_users", d))]),
	"ko": sprintf("서비스 %s의 일 평균 이용자 %s명 < %s명", [s.id, text.group(object.get(s, "dailyUsers", 0)), text.group(p("notice_min_users", d))]),
}

# --- why a party is not bound, with the numbers (for not_applicable reasons) ---
# why_not(party, d) is {"en", "ko"}; defined only when the party is not bound on d.
why_not(party, d) := titled(party, not_of_kind(party)) if {
	d < branch_from[party]
	not of_kind(party)
} else := {
	"en": sprintf("%s: not verifiable on %s: the test's wording before %s is not in the statute texts", [party_titles[party].en, d, branch_from[party]]),
	"ko": sprintf("%s: %s 기준 판단 불가(%s 이전 기준은 법령 원문에 없음)", [party_titles[party].ko, d, branch_from[party]]),
} if {
	d < branch_from[party]
	party in older_test_unknown
} else := {
	"en": sprintf("%s: not in force on %s (from %s)", [party_titles[party].en, d, branch_from[party]]),
	"ko": sprintf("%s: %s에는 시행 전(%s 시행)", [party_titles[party].ko, d, branch_from[party]]),
} if {
	d < branch_from[party]
} else := titled(party, with_window(party, d, failed(party, d))) if {
	not bound(party, d)
}

titled(party, r) := {"en": sprintf("%s: %s", [party_titles[party].en, r.en]), "ko": sprintf("%s: %s", [party_titles[party].ko, r.ko])}

with_window(party, d, r) := r if {
	not party in window_parties
} else := r if {
	not contains(r.en, "dailyAverageUsers")
	not contains(r.en, "trafficSharePercent")
} else := r if {
	window_note(d) == ""
} else := {"en": sprintf("%s (%s)", [r.en, window_note(d)]), "ko": sprintf("%s(%s)", [r.ko, window_note_ko(d)])}

# older_test_unknown are the parties whose test existed before its branch date in a wording
# not in the statute texts (REGULATIONS.md "In-force dates"): before that date they are "not
# verifiable", not "not in force".
older_test_unknown := {"carrier", "idc-colo"}

# of_kind(party) holds when the provider is the kind of party the test sizes (its category or
# facilities), numbers aside: a duty whose wording is unknown on a date is "not verifiable"
# only for the kind of party it names.
of_kind("carrier") if facilities_based

of_kind("carrier-stability") if facilities_based

of_kind("major-vas") if value_added

of_kind("stability") if value_added

of_kind("agent") if {
	value_added
	not input.provider.koreanEstablishment == true
}

of_kind("major-idc") if count(colo_sites) + count(own_use_sites) > 0

of_kind("idc-colo") if count(colo_sites) > 0

of_kind("colo") if count(colo_sites) > 0

of_kind("idc-own") if count(own_use_sites) > 0

of_kind("idc-lessee") if count(lessee_sites) > 0

of_kind("own-site") if count(own_use_sites) > 0

of_kind("notice") if value_added

of_kind("notice") if facilities_based

of_kind("cloud") if test("cloud", "")

not_of_kind(party) := category_missing("facilities-based") if {
	party in {"carrier", "carrier-stability"}
} else := category_missing("value-added") if {
	party in {"major-vas", "stability", "agent"}
} else := {"en": "no site of that kind declared", "ko": "해당하는 시설 없음"} if {
	party in {"major-idc", "idc-colo", "colo", "idc-own", "idc-lessee", "own-site"}
} else := {"en": "not a telecom provider (no value-added or facilities-based category)", "ko": "전기통신사업자 아님"} if {
	party == "notice"
} else := failed(party, "")

# The tests that read users or traffic, whose window the law fixes.
window_parties := {"major-vas", "stability", "agent", "idc-own", "major-idc"}

party_titles := {
	"carrier": {"en": "major carrier (BCDA 35(1)1)", "ko": "주요방송통신사업자(기간통신, 방송통신발전 기본법 제35조제1항제1호)"},
	"major-vas": {"en": "major value-added provider (BCDA 35(1)4)", "ko": "주요방송통신사업자(부가통신, 제35조제1항제4호)"},
	"major-idc": {"en": "major datacenter operator (BCDA 35(1)5)", "ko": "주요방송통신사업자(집적정보통신시설, 제35조제1항제5호)"},
	"stability": {"en": "service-stability duty holder (TBA 22-7)", "ko": "서비스 안정성 확보 의무자(전기통신사업법 제22조의7)"},
	"agent": {"en": "provider without a Korean address or office (TBA 22-8)", "ko": "국내 주소·영업소가 없는 사업자(전기통신사업법 제22조의8)"},
	"carrier-stability": {"en": "carrier under the stability duty (TBA 32-10)", "ko": "서비스 안정성 확보 의무 기간통신사업자(전기통신사업법 제32조의10)"},
	"idc-colo": {"en": "colocation operator under Network Act 46(1)1", "ko": "집적정보통신시설 사업자(정보통신망법 제46조제1항제1호)"},
	"idc-own": {"en": "own-datacenter operator under Network Act 46(1)2", "ko": "자체 집적정보통신시설 운영자(정보통신망법 제46조제1항제2호)"},
	"idc-lessee": {"en": "exclusive lessee under Network Act 46(7)", "ko": "임차시설 배타적 운영자(정보통신망법 제46조제7항)"},
	"own-site": {"en": "runs a site for its own services (Network Act 46(1)2, any size)", "ko": "자신의 서비스를 위한 시설 운영자(정보통신망법 제46조제1항제2호, 규모 무관)"},
	"colo": {"en": "colocation operator (Network Act 46(2))", "ko": "집적정보통신시설 사업자(정보통신망법 제46조제2항)"},
	"notice": {"en": "telecom provider with a service under the notice duty (TBA 33(2))", "ko": "이용자 고지 대상 서비스가 있는 전기통신사업자(전기통신사업법 제33조제2항)"},
	"cloud": {"en": "cloud service provider (Cloud Act 2(3))", "ko": "클라우드컴퓨팅서비스 제공자(클라우드컴퓨팅법 제2조제3호)"},
}

not_declared(m) := {"en": sprintf("%s not declared", [m]), "ko": sprintf("%s 미신고", [m])}

cmp(v, m, unit, ko_unit) := {"en": sprintf("%s %s%s < %s%s", [m, text.group(v[0]), unit, text.group(v[1]), unit]), "ko": sprintf("%s %s%s < %s%s", [object.get(labels_ko, m, m), text.group(v[0]), ko_unit, text.group(v[1]), ko_unit])}

# labels_ko name the compared figures in Korean reasons.
labels_ko := {
	"server-room floor (m2)": "전산실 바닥 면적",
	"ICT revenue KRW": "정보통신서비스 부문 매출액",
	"dailyAverageUsers": "일 평균 이용자 수(dailyAverageUsers)",
	"trafficSharePercent": "트래픽 비중(trafficSharePercent)",
	"subscribers": "가입자 수(subscribers)",
	"lines": "회선 수(lines)",
	"revenueKRW": "매출액(revenueKRW)",
	"telecomRevenueKRW": "전기통신역무 매출액(telecomRevenueKRW)",
}

both(a, b, conj, conj_ko) := {"en": sprintf("%s %s %s", [a.en, conj, b.en]), "ko": sprintf("%s %s %s", [a.ko, conj_ko, b.ko])}

# metric_gap(m, d, param, unit, ko_unit): the failed comparison of metric m with its floor.
metric_gap(m, d, param, unit, ko_unit) := not_declared(m) if {
	not declared(m)
} else := cmp([object.get(metrics, m, 0), p(param, d)], m, unit, ko_unit)

category_missing(c) := {"en": sprintf("category %s not declared", [c]), "ko": sprintf("사업 분류 %s 미신고", [c])}

failed("carrier", d) := category_missing("facilities-based") if {
	not facilities_based
} else := both(metric_gap("subscribers", d, "carrier_min_subscribers", "", "명"), metric_gap("lines", d, "carrier_min_lines", "", "회선"), "and", "및")

failed("major-vas", d) := category_missing("value-added") if {
	not value_added
} else := both(metric_gap("dailyAverageUsers", d, "major_vas_min_users", "", "명"), metric_gap("trafficSharePercent", d, "major_vas_min_traffic_percent", "%", "%"), "and", "및")

failed("stability", d) := why_not_stability(d)

why_not_stability(d) := {
	"en": sprintf("%s: not in force on %s (from %s)", [party_titles.stability.en, d, branch_from.stability]),
	"ko": sprintf("%s: %s에는 시행 전(%s 시행)", [party_titles.stability.ko, d, branch_from.stability]),
} if {
	d < branch_from.stability
} else := category_missing("value-added") if {
	not value_added
} else := metric_gap("dailyAverageUsers", d, "stability_min_users", "", "명") if {
	not users >= p("stability_min_users", d)
} else := metric_gap("trafficSharePercent", d, "stability_min_traffic_percent", "%", "%")

failed("agent", d) := why_not_stability(d) if {
	not bound_stability(d)
} else := {"en": "provider.koreanEstablishment not declared", "ko": "국내 주소·영업소 여부(provider.koreanEstablishment) 미신고"} if {
	not input.provider.koreanEstablishment == false
	not input.provider.koreanEstablishment == true
} else := {"en": "the provider has an address or place of business in Korea", "ko": "국내에 주소 또는 영업소가 있습니다"}

failed("carrier-stability", d) := category_missing("facilities-based") if {
	not facilities_based
} else := metric_gap("telecomRevenueKRW", d, "carrier_stability_min_telecom_revenue_krw", "", "원") if {
	not telecom_revenue >= p("carrier_stability_min_telecom_revenue_krw", d)
} else := both(metric_gap("subscribers", d, "carrier_min_subscribers", "", "명"), metric_gap("lines", d, "carrier_min_lines", "", "회선"), "and", "및")

failed("idc-colo", d) := failed_idc_colo(d)

failed("idc-own", d) := failed_idc_own(d)

failed_idc_colo(d) := {"en": "no site run for others (datacenters[].operatedFor)", "ko": "타인을 위해 운영하는 시설 없음(datacenters[].operatedFor)"} if {
	count(colo_sites) == 0
} else := {"en": "public institution (Network Decree 37(1) proviso)", "ko": "공공기관(정보통신망법 시행령 제37조제1항 단서)"} if {
	public_institution
} else := cmp([colo_area, p("idc_protect_min_floor_m2", d)], "server-room floor (m2)", "", "㎡")

failed_idc_own(d) := {"en": "no own-use site (datacenters[].operatedFor)", "ko": "자신의 서비스를 위해 운영하는 시설 없음(datacenters[].operatedFor)"} if {
	count(own_use_sites) == 0
} else := {"en": "public institution (Network Decree 37(1) proviso)", "ko": "공공기관(정보통신망법 시행령 제37조제1항 단서)"} if {
	public_institution
} else := cmp([own_use_area, p("idc_protect_min_floor_m2", d)], "server-room floor (m2)", "", "㎡") if {
	own_use_area < p("idc_protect_min_floor_m2", d)
} else := not_declared("ictRevenueKRW") if {
	not ict_revenue_declared
} else := cmp([ict_revenue, p("idc_protect_min_ict_revenue_krw", d)], "ICT revenue KRW", "", "원") if {
	ict_revenue < p("idc_protect_min_ict_revenue_krw", d)
} else := metric_gap("dailyAverageUsers", d, "idc_protect_min_users", "", "명")

failed("major-idc", d) := {"en": sprintf("not a Network Act 46(1) operator: %s; %s", [why_not_idc(d, "idc-colo").en, why_not_idc(d, "idc-own").en]), "ko": sprintf("정보통신망법 제46조제1항 사업자 아님: %s; %s", [why_not_idc(d, "idc-colo").ko, why_not_idc(d, "idc-own").ko])} if {
	not idc_protect_on(d)
} else := {
	"en": sprintf("floor %s m2 < %s m2 and incoming power %v MW < %v MW", [text.group(idc_area), text.group(p("major_idc_min_floor_m2", d)), incoming_power, p("major_idc_min_power_mw", d)]),
	"ko": sprintf("전산실 바닥 면적 %s㎡ < %s㎡ 및 수전설비 용량 %vMW < %vMW", [text.group(idc_area), text.group(p("major_idc_min_floor_m2", d)), incoming_power, p("major_idc_min_power_mw", d)]),
} if {
	not idc_size_met(d)
} else := metric_gap("revenueKRW", d, "major_idc_min_revenue_krw", "", "원")

why_not_idc(d, x) := {
	"en": sprintf("%s: not in force on %s (from %s)", [party_titles[x].en, d, branch_from[x]]),
	"ko": sprintf("%s: %s에는 시행 전(%s 시행)", [party_titles[x].ko, d, branch_from[x]]),
} if {
	d < branch_from[x]
} else := failed_idc_colo(d) if {
	x == "idc-colo"
} else := failed_idc_own(d)

failed("own-site", _) := {"en": "no own-use site (datacenters[].operatedFor)", "ko": "자신의 서비스를 위해 운영하는 시설 없음(datacenters[].operatedFor)"}

failed("idc-lessee", _) := {"en": "no exclusively leased site (ownership leased-exclusive)", "ko": "배타적으로 운영하는 임차시설 없음(ownership leased-exclusive)"}

failed("colo", _) := {"en": "no site run for others (datacenters[].operatedFor)", "ko": "타인을 위해 운영하는 시설 없음(datacenters[].operatedFor)"}

failed("notice", d) := {"en": concat("; ", [r.en | some r in rs]), "ko": concat("; ", [r.ko | some r in rs])} if {
	rs := notice_reasons(d)
	count(rs) > 0
} else := {"en": "no service declared outside the cloud rule", "ko": "클라우드 규정 외 서비스 없음"}

notice_reasons(d) := {r |
	some s in object.get(input, "services", [])
	not s.cloud == true
	r := service_notice_reason(s, d)
}

failed("cloud", _) := {"en": "no cloud category or cloud service declared", "ko": "클라우드 분류·서비스 없음"}

# decisions lists every scope with the numbers behind it, for reports.
decisions[id] := {
	"applies": x in parties,
	"basis": scope_basis[x],
	"title": party_titles[x],
	"evidence": object.union(scope_evidence(x), window_evidence(x)),
} if {
	some x in party_ids
	id := replace(x, "-", "_")
}

window_evidence(x) := {"window_note": window_note(time.as_of), "window_note_ko": window_note_ko(time.as_of)} if {
	x in window_parties
	window_note(time.as_of) != ""
} else := {}

scope_evidence(x) := object.union(in_force_evidence(x), {"reason": r.en, "reason_ko": r.ko}) if {
	r := why_not(x, time.as_of)
	not x in parties
} else := in_force_evidence(x)

# A party bound throughout has no date to print.
in_force_evidence(x) := {"in_force_from": branch_from[x]} if {
	branch_from[x]
} else := {}

scope_basis := {
	"carrier": "BCDA Art. 35(1)1; Decree Art. 23(1)",
	"major-vas": "BCDA Art. 35(1)4; Decree Art. 23(2)",
	"major-idc": "BCDA Art. 35(1)5; Decree Art. 23(3)",
	"stability": "TBA Art. 22-7(1); Decree Art. 30-8(1)",
	"agent": "TBA Art. 22-8(1)",
	"carrier-stability": "TBA Art. 32-10(2); Decree Art. 37-12(1)",
	"idc-colo": "Network Act Art. 46(1)1; Decree Art. 37(1)1",
	"idc-own": "Network Act Art. 46(1)2; Decree Art. 37(1)2",
	"idc-lessee": "Network Act Art. 46(7); Decree Art. 41",
	"own-site": "Network Act Art. 46(1)2, 46(4)",
	"colo": "Network Act Art. 46(2); Decree Art. 38(1)",
	"notice": "TBA Art. 33(2); Decree Art. 37-21(1)3",
	"cloud": "Cloud Act Art. 2(3), 25; Decree Art. 3",
}

# party_tests describes each party test for `explain`: the test as the law words it, with
# the parameters whose values (in force on the date shown) fill the {name} slots.
party_tests := {
	"carrier": {"en": "facilities-based carrier with subscribers >= {carrier_min_subscribers} OR lines >= {carrier_min_lines}", "ko": "기간통신사업자(회선설비 보유) 중 가입자 수 {carrier_min_subscribers}명 이상 또는 회선 수 {carrier_min_lines} 이상"},
	"major-vas": {"en": "value-added provider with daily average domestic users >= {major_vas_min_users} OR traffic share >= {major_vas_min_traffic_percent}% (Oct-Dec of the previous year)", "ko": "부가통신사업자 중 전년도 말 기준 직전 3개월 일 평균 국내 이용자 수 {major_vas_min_users}명 이상 또는 트래픽 비중 {major_vas_min_traffic_percent}% 이상"},
	"major-idc": {"en": "Network Act 46(1) operator with (server-room floor >= {major_idc_min_floor_m2} m2 OR incoming power >= {major_idc_min_power_mw} MW) AND previous-year revenue >= KRW {major_idc_min_revenue_krw}", "ko": "정보통신망법 제46조제1항 사업자 중 (전산실 바닥 면적 {major_idc_min_floor_m2}㎡ 이상 또는 수전설비 용량 {major_idc_min_power_mw}MW 이상) 그리고 전년도 매출액 {major_idc_min_revenue_krw}원 이상"},
	"stability": {"en": "value-added provider with daily average domestic users >= {stability_min_users} AND traffic share >= {stability_min_traffic_percent}%", "ko": "부가통신사업자 중 일 평균 국내 이용자 수 {stability_min_users}명 이상 그리고 트래픽 비중 {stability_min_traffic_percent}% 이상"},
	"agent": {"en": "service-stability duty holder with no address or place of business in Korea (provider.koreanEstablishment: false)", "ko": "서비스 안정성 확보 의무자 중 국내에 주소 또는 영업소가 없는 자"},
	"carrier-stability": {"en": "facilities-based carrier with telecom revenue >= KRW {carrier_stability_min_telecom_revenue_krw} AND (subscribers >= {carrier_min_subscribers} OR lines >= {carrier_min_lines})", "ko": "회선설비 보유사업자 중 전기통신역무 매출액 {carrier_stability_min_telecom_revenue_krw}원 이상 그리고 (가입자 수 {carrier_min_subscribers}명 이상 또는 회선 수 {carrier_min_lines} 이상)"},
	"idc-colo": {"en": "runs a site for others' services with server-room floor >= {idc_protect_min_floor_m2} m2 (no size test before 2023-07-04; public institutions excluded from then)", "ko": "타인의 정보통신서비스를 위한 시설 운영자 중 전산실 바닥 면적 {idc_protect_min_floor_m2}㎡ 이상(2023-07-04 전에는 면적 기준 없음, 이후 공공기관 제외)"},
	"idc-own": {"en": "runs a site for its own services with floor >= {idc_protect_min_floor_m2} m2 AND ICT revenue >= KRW {idc_protect_min_ict_revenue_krw} AND daily users >= {idc_protect_min_users} (public institutions excluded)", "ko": "자신의 서비스를 위한 시설 운영자 중 전산실 바닥 면적 {idc_protect_min_floor_m2}㎡ 이상, 정보통신서비스 부문 매출액 {idc_protect_min_ict_revenue_krw}원 이상, 일 평균 이용자 수 {idc_protect_min_users}명 이상(공공기관 제외)"},
	"idc-lessee": {"en": "leases space in a colocation facility and runs it exclusively (no size test)", "ko": "집적정보통신시설을 임차하여 배타적으로 운영·관리하는 자(규모 기준 없음)"},
	"own-site": {"en": "runs a site for its own services (no size test)", "ko": "자신의 서비스를 위한 시설을 운영하는 자(규모 기준 없음)"},
	"colo": {"en": "every colocation operator (no size test)", "ko": "모든 집적정보통신시설 사업자(규모 기준 없음)"},
	"notice": {"en": "telecom provider; a value-added service is exempt when its provider's telecom revenue < KRW {notice_min_telecom_revenue_krw} or the service's daily users < {notice_min_users}", "ko": "전기통신사업자; 부가통신서비스는 사업자의 전기통신역무 매출액 {notice_min_telecom_revenue_krw}원 미만 또는 해당 서비스의 일 평균 이용자 수 {notice_min_users}명 미만이면 제외"},
	"cloud": {"en": "provides cloud computing services commercially to others (no size test)", "ko": "상용으로 타인에게 클라우드컴퓨팅서비스를 제공하는 자(규모 기준 없음)"},
}
