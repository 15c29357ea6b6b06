package resilcheck.lib.scope_test

import data.resilcheck.lib.scope

window := {"from": "2025-10-01", "to": "2025-12-31"}

vas(metrics) := {"provider": {"name": "P", "categories": ["value-added"], "metrics": object.union({"window": window}, metrics)}}

carrier(metrics) := {"provider": {"name": "T", "categories": ["facilities-based"], "metrics": object.union({"window": window}, metrics)}}

bound(m, party, d) if scope.bound(party, d) with input as m

why(m, party, d) := r if {
	r := scope.why_not(party, d) with input as m
}

# --- SCOPE-MAJOR-VAS: users >= 10,000,000 OR traffic >= 2 %, from 2023-07-04 ---

test_major_vas_users_threshold_inclusive if {
	bound(vas({"dailyAverageUsers": 10000000}), "major-vas", "2026-01-01")
	not bound(vas({"dailyAverageUsers": 9999999}), "major-vas", "2026-01-01")
}

test_major_vas_traffic_alone_suffices if {
	bound(vas({"dailyAverageUsers": 1, "trafficSharePercent": 2}), "major-vas", "2026-01-01")
	not bound(vas({"dailyAverageUsers": 1, "trafficSharePercent": 1.99}), "major-vas", "2026-01-01")
}

test_major_vas_reason_gives_both_numbers if {
	r := why(vas({"dailyAverageUsers": 9999999, "trafficSharePercent": 1.99}), "major-vas", "2026-01-01")
	contains(r.en, "dailyAverageUsers 9,999,999 < 10,000,000 and trafficSharePercent 1.99% < 2%")
	contains(r.ko, "9,999,999명 < 10,000,000명")
}

test_major_vas_not_in_force_the_day_before if {
	m := vas({"dailyAverageUsers": 40000000})
	not bound(m, "major-vas", "2023-07-03")
	bound(m, "major-vas", "2023-07-04")
	contains(why(m, "major-vas", "2023-07-03").en, "not in force on 2023-07-03 (from 2023-07-04)")
}

test_undeclared_metric_never_brings_into_scope if {
	r := why(vas({}), "major-vas", "2026-01-01")
	contains(r.en, "dailyAverageUsers not declared and trafficSharePercent not declared")
}

test_carriers_are_not_value_added_majors if {
	not bound(carrier({"dailyAverageUsers": 40000000}), "major-vas", "2026-01-01")
}

# --- SCOPE-STABILITY: users >= 1,000,000 AND traffic >= 1 %, from 2020-12-10 ---

test_stability_needs_both if {
	bound(vas({"dailyAverageUsers": 1000000, "trafficSharePercent": 1}), "stability", "2026-01-01")
	not bound(vas({"dailyAverageUsers": 999999, "trafficSharePercent": 5}), "stability", "2026-01-01")
	not bound(vas({"dailyAverageUsers": 5000000, "trafficSharePercent": 0.99}), "stability", "2026-01-01")
	contains(why(vas({"dailyAverageUsers": 5000000, "trafficSharePercent": 0.99}), "stability", "2026-01-01").en, "trafficSharePercent 0.99% < 1%")
}

test_stability_from_2020_12_10 if {
	m := vas({"dailyAverageUsers": 5000000, "trafficSharePercent": 2})
	not bound(m, "stability", "2020-12-09")
	bound(m, "stability", "2020-12-10")
}

# The window rule: a verdict on metrics from another window says so.
test_window_stand_in_is_named if {
	m := {"provider": {"name": "P", "categories": ["value-added"], "metrics": {"window": {"from": "2021-10-01", "to": "2021-12-31"}, "dailyAverageUsers": 10}}}
	r := why(m, "stability", "2026-01-01")
	contains(r.en, "scope from window 2021-10-01..2021-12-31; statutory window is 2025-10-01..2025-12-31")
	r2 := why(vas({"dailyAverageUsers": 10}), "stability", "2026-01-01")
	not contains(r2.en, "statutory window")
}

# --- SCOPE-AGENT: the stability test AND no address or place of business in Korea ---

test_agent_is_the_establishment_test_not_origin if {
	base := vas({"dailyAverageUsers": 5000000, "trafficSharePercent": 2})
	foreign := {"provider": object.union(base.provider, {"origin": "foreign"})}
	not bound(foreign, "agent", "2026-01-01")
	contains(why(foreign, "agent", "2026-01-01").en, "provider.koreanEstablishment not declared")
	none := {"provider": object.union(base.provider, {"origin": "foreign", "koreanEstablishment": false})}
	bound(none, "agent", "2026-01-01")
	office := {"provider": object.union(base.provider, {"origin": "foreign", "koreanEstablishment": true})}
	not bound(office, "agent", "2026-01-01")
}

# --- SCOPE-CARRIER: subscribers >= 100,000 OR lines >= 500,000 ---

test_carrier_thresholds if {
	bound(carrier({"subscribers": 100000}), "carrier", "2026-01-01")
	bound(carrier({"lines": 500000}), "carrier", "2026-01-01")
	not bound(carrier({"subscribers": 99999, "lines": 499999}), "carrier", "2026-01-01")
}

# --- SCOPE-CARRIER-STABILITY: telecom revenue >= KRW 1 tn AND size, from 2024-06-30 ---

test_carrier_stability if {
	m := carrier({"subscribers": 100000, "telecomRevenueKRW": 1000000000000})
	bound(m, "carrier-stability", "2024-06-30")
	not bound(m, "carrier-stability", "2024-06-29")
	low := carrier({"subscribers": 100000, "telecomRevenueKRW": 999999999999})
	not bound(low, "carrier-stability", "2026-01-01")
	contains(why(low, "carrier-stability", "2026-01-01").en, "telecomRevenueKRW 999,999,999,999 < 1,000,000,000,000")
}

# --- Network Act 46: sites classified per site ---

colo(area) := {
	"provider": {"name": "IDC", "categories": ["datacenter-operator"], "metrics": {"window": window}},
	"datacenters": [{"id": "dc1", "ownership": "own", "serverRoomAreaM2": area}],
}

own(area, metrics) := {
	"provider": {"name": "P", "categories": ["value-added"], "metrics": object.union({"window": window}, metrics)},
	"datacenters": [{"id": "dc1", "ownership": "own", "serverRoomAreaM2": area}],
	"services": [{"id": "s", "deployments": [{"datacenter": "dc1", "mode": "active"}]}],
}

big := {"ictRevenueKRW": 10000000000, "dailyAverageUsers": 1000000}

test_colocation_floor_from_2023_07_04 if {
	bound(colo(500), "idc-colo", "2026-01-01")
	not bound(colo(499.99), "idc-colo", "2026-01-01")
	contains(why(colo(499.99), "idc-colo", "2026-01-01").en, "server-room floor (m2) 499.99 < 500")

	# Before 2023-07-04 the older 46(1) bound colocation operators with no size test.
	bound(colo(10), "idc-colo", "2023-07-03")
}

test_colocation_operator_needs_a_site_not_a_category if {
	m := {"provider": {"name": "IDC", "categories": ["datacenter-operator"], "metrics": {"window": window, "datacenterFloorAreaM2": 30000}}}
	not bound(m, "idc-colo", "2026-01-01")
	contains(why(m, "idc-colo", "2026-01-01").en, "no site run for others")
}

test_operated_for_declared_wins if {
	m := {
		"provider": {"name": "P", "categories": ["value-added"], "metrics": {"window": window}},
		"datacenters": [{"id": "dc1", "ownership": "own", "serverRoomAreaM2": 600, "operatedFor": ["others"]}],
	}
	bound(m, "idc-colo", "2026-01-01")
	bound(m, "colo", "2026-01-01")
}

test_own_use_operator_all_three_tests if {
	bound(own(500, big), "idc-own", "2026-01-01")
	not bound(own(499, big), "idc-own", "2026-01-01")
	not bound(own(500, {"ictRevenueKRW": 9999999999, "dailyAverageUsers": 1000000}), "idc-own", "2026-01-01")
	not bound(own(500, {"ictRevenueKRW": 10000000000, "dailyAverageUsers": 999999}), "idc-own", "2026-01-01")
	not bound(own(500, big), "idc-own", "2023-07-03")
}

test_public_institutions_excluded_from_46_1_but_not_from_insurance if {
	m := {
		"provider": {"name": "Gov", "categories": ["datacenter-operator"], "publicInstitution": true, "metrics": {"window": window}},
		"datacenters": [{"id": "dc1", "ownership": "own", "serverRoomAreaM2": 5000}],
	}
	not bound(m, "idc-colo", "2026-01-01")
	contains(why(m, "idc-colo", "2026-01-01").en, "public institution")
	bound(m, "colo", "2026-01-01")
}

# SCOPE-COLO (REGULATIONS.md "Who is bound"): every colocation operator, no size test, no
# public-body exclusion, throughout: no branch date, so never "not in force" or "not
# verifiable" however early the date.
test_colocation_operator_bound_throughout_with_no_size_test if {
	bound(colo(1), "colo", "2001-01-01")
	bound(colo(1), "colo", "2009-01-27")
	bound(colo(1), "colo", "2026-01-01")
	public := object.union(colo(1), {"provider": object.union(colo(1).provider, {"publicInstitution": true})})
	bound(public, "colo", "2001-01-01")
	not "colo" in object.keys(scope.branch_from)
	"colo" in scope.party_ids
}

test_colocation_party_needs_a_site_run_for_others_on_any_date if {
	m := own(500, big)
	not bound(m, "colo", "2001-01-01")
	r := why(m, "colo", "2001-01-01")
	contains(r.en, "no site run for others")
	not contains(r.en, "not verifiable")
	not contains(r.en, "not in force")
}

test_colocation_decision_prints_no_in_force_date if {
	d := scope.decisions.colo with input as colo(1) with data.resilcheck.run as {"as_of": "2001-01-01"}
	d.applies
	d.evidence == {}
	n := scope.decisions.colo with input as own(500, big) with data.resilcheck.run as {"as_of": "2001-01-01"}
	not n.applies
	not n.evidence.in_force_from
	contains(n.evidence.reason, "no site run for others")
	i := scope.decisions.idc_colo with input as colo(1) with data.resilcheck.run as {"as_of": "2001-01-01"}
	i.evidence.in_force_from == "2009-01-28"
}

test_exclusive_lessee_has_no_size_floor if {
	m := {"provider": {"name": "P", "categories": ["value-added"], "metrics": {"window": window}}, "datacenters": [{"id": "cage", "ownership": "leased-exclusive", "serverRoomAreaM2": 20}]}
	bound(m, "idc-lessee", "2023-07-04")
	not bound(m, "idc-lessee", "2023-07-03")
	not bound(m, "colo", "2026-01-01")
}

# --- SCOPE-MAJOR-IDC: a 46(1) operator AND (floor >= 22,500 OR power >= 40 MW) AND revenue >= 10bn ---

test_major_idc_counts_own_use_operators_without_the_category if {
	m := own(22500, object.union(big, {"revenueKRW": 10000000000}))
	bound(m, "major-idc", "2026-01-01")
	not bound(own(22499, object.union(big, {"revenueKRW": 10000000000})), "major-idc", "2026-01-01")
	not bound(own(22500, object.union(big, {"revenueKRW": 9999999999})), "major-idc", "2026-01-01")
}

test_major_idc_by_power if {
	m := {
		"provider": {"name": "IDC", "categories": ["datacenter-operator"], "metrics": {"window": window, "revenueKRW": 10000000000}},
		"datacenters": [{"id": "dc1", "ownership": "own", "serverRoomAreaM2": 600, "incomingPowerMW": 40}],
	}
	bound(m, "major-idc", "2026-01-01")
	not bound(m, "major-idc", "2023-07-03")
}

test_leased_space_does_not_make_a_major_idc if {
	m := {
		"provider": {"name": "P", "categories": ["value-added"], "metrics": {"window": window, "revenueKRW": 10000000000}},
		"datacenters": [{"id": "cage", "ownership": "leased-exclusive", "serverRoomAreaM2": 30000}],
	}
	not bound(m, "major-idc", "2026-01-01")
}

# --- SCOPE-NOTICE, per service ---

notice_m(users, revenue) := {
	"provider": {"name": "P", "categories": ["value-added"], "metrics": {"window": window, "telecomRevenueKRW": revenue}},
	"services": [{"id": "s", "dailyUsers": users}, {"id": "c", "cloud": true, "dailyUsers": 5000000}],
}

test_notice_scope_is_per_service if {
	scope.notice_services("2026-01-01") == {"s"} with input as notice_m(1000000, 10000000000)
	scope.notice_services("2026-01-01") == set() with input as notice_m(999999, 10000000000)
	scope.notice_services("2026-01-01") == set() with input as notice_m(1000000, 9999999999)
	contains(why(notice_m(999999, 10000000000), "notice", "2026-01-01").en, "service s: daily users 999,999 < 1,000,000")
}

test_carrier_services_have_no_size_exemption if {
	m := {"provider": {"name": "T", "categories": ["facilities-based"], "metrics": {"window": window}}, "services": [{"id": "voice", "dailyUsers": 1}]}
	scope.notice_services("2026-01-01") == {"voice"} with input as m
}

test_service_without_daily_users_is_not_brought_into_scope if {
	m := {"provider": {"name": "P", "categories": ["value-added"], "metrics": {"window": window, "telecomRevenueKRW": 10000000000}}, "services": [{"id": "s"}]}
	not bound(m, "notice", "2026-01-01")
	contains(why(m, "notice", "2026-01-01").en, "service s: dailyUsers not declared")
}

# --- SCOPE-CLOUD ---

test_cloud_from_2015_09_28 if {
	m := {"provider": {"name": "C", "categories": ["cloud"], "metrics": {"window": window}}}
	bound(m, "cloud", "2015-09-28")
	not bound(m, "cloud", "2015-09-27")
}

# Before a branch's first confirmed date, a party whose older test is unknown is "not
# verifiable", and only for providers of that kind.
test_older_carrier_test_not_verifiable_only_for_carriers if {
	contains(why(carrier({"subscribers": 200000}), "carrier", "2019-06-24").en, "not verifiable on 2019-06-24")
	contains(why(vas({"dailyAverageUsers": 1}), "carrier", "2019-06-24").en, "category facilities-based not declared")
	contains(why(colo(600), "idc-colo", "2009-01-27").en, "not verifiable on 2009-01-27")
	contains(why(vas({}), "major-vas", "2023-07-03").en, "not in force on 2023-07-03 (from 2023-07-04)")
}

# An incident that names no service stands for the provider's service as a whole: the
# notice duty binds through it on the provider's own size, whatever services are declared.
test_unnamed_incident_sizes_the_provider if {
	m := {
		"provider": {"name": "P", "categories": ["value-added"], "metrics": {"window": window, "dailyAverageUsers": 5000000, "telecomRevenueKRW": 50000000000}},
		"services": [{"id": "tiny", "dailyUsers": 999}],
		"incidents": [{"id": "i", "startedAt": "2025-04-01T10:00:00+09:00"}],
	}
	bound(m, "notice", "2026-01-01")
	small := object.union(m, {"provider": object.union(m.provider, {"metrics": {"window": window, "dailyAverageUsers": 999999, "telecomRevenueKRW": 50000000000}})})
	not bound(small, "notice", "2026-01-01")
}

# Decree No. 31223 (addendum Art. 3): for 2020-12-10..12-31 the stability test used Sep-Nov
# 2020, so metrics declared for that window are not a stand-in.
test_first_stability_weeks_use_sep_to_nov_2020 if {
	m := {"provider": {"name": "P", "categories": ["value-added"], "metrics": {"window": {"from": "2020-09-01", "to": "2020-11-30"}, "dailyAverageUsers": 10}}}
	not contains(why(m, "stability", "2020-12-15").en, "statutory window")
	contains(why(m, "stability", "2021-01-01").en, "statutory window is 2020-10-01..2020-12-31")
	contains(why(m, "stability", "2020-12-15").ko, "일 평균 이용자 수(dailyAverageUsers) 10명")
}

# A service's daily users measured over another window stand in for the statutory one, and
# the exemption reason and the notes say so.
test_service_users_window_stand_in_is_named if {
	m := {
		"provider": {"name": "P", "categories": ["value-added"], "metrics": {"window": window, "telecomRevenueKRW": 50000000000}},
		"services": [
			{"id": "app", "dailyUsers": 2000000, "dailyUsersWindow": {"from": "2021-01-01", "to": "2021-03-31"}},
			{"id": "tiny", "dailyUsers": 10, "dailyUsersWindow": {"from": "2025-10-01", "to": "2025-12-31"}},
		],
	}
	ns := scope.service_window_notes("2026-01-01") with input as m
	count(ns) == 1
	some n in ns
	n.pointer == "/services/0/dailyUsersWindow"
	contains(n.msg, "statutory window is 2025-10-01..2025-12-31")
	r := scope.service_notice_reason(m.services[1], "2026-01-01") with input as m
	not contains(r.en, "statutory window")
}

test_scope_decision_reason_has_its_korean_twin if {
	d := scope.decisions.major_vas with input as vas({"dailyAverageUsers": 9999999}) with data.resilcheck.run as {"as_of": "2026-01-01"}
	not d.applies
	contains(d.evidence.reason, "dailyAverageUsers 9,999,999 < 10,000,000")
	contains(d.evidence.reason_ko, "9,999,999명 < 10,000,000명")
}

# --- the per-document caches give what the tests give ---

# Providers of every kind, sized near the floors, so that some tests change their answer at
# branch dates.
stretch_inputs := [
	{
		"provider": {"name": "B", "categories": ["facilities-based", "value-added", "datacenter-operator", "cloud"], "koreanEstablishment": false, "metrics": {
			"window": window, "dailyAverageUsers": 20000000, "trafficSharePercent": 5, "subscribers": 2000000, "lines": 2000000,
			"revenueKRW": 200000000000, "telecomRevenueKRW": 200000000000, "datacenterFloorAreaM2": 30000, "datacenterIncomingPowerMW": 100,
		}},
		"datacenters": [
			{"id": "a", "ownership": "own", "serverRoomAreaM2": 30000},
			{"id": "b", "ownership": "own", "operatedFor": ["own"], "serverRoomAreaM2": 600},
			{"id": "c", "ownership": "leased-exclusive"},
		],
		"services": [{"id": "s", "dailyUsers": 2000000, "deployments": [{"datacenter": "b"}]}, {"id": "k", "cloud": true}],
		"incidents": [{"id": "i", "startedAt": "2024-01-01T00:00:00+09:00"}],
	},
	vas({"dailyAverageUsers": 1000000, "trafficSharePercent": 1, "telecomRevenueKRW": 10000000000}),
	carrier({"subscribers": 1000, "lines": 500000, "telecomRevenueKRW": 10000000000}),
]

# Every date on either side of a date some test compares with (the dates of today's tests
# named too, so that a date missing from change_dates is seen).
stretch_probes := {d |
	some c in (scope.change_dates | {"2009-01-28", "2015-09-28", "2019-06-25", "2020-12-10", "2023-07-04", "2024-06-30", "2025-03-28"})
	some days in [-1, 0, 1]
	d := time.format([time.add_date(time.parse_ns("2006-01-02", c), 0, 0, days), "UTC", "2006-01-02"])
} | {"2022-05-05", "2026-11-22"}

test_parties_are_the_same_over_a_stretch if {
	every m in stretch_inputs {
		every d in stretch_probes {
			scope.parties_on(scope.stretch_start(d)) == {x | some x in scope.party_ids; scope.bound_on(x, d)} with input as m
			scope.notice_services(d) == scope.notice_services_from(d) with input as m
		}
	}
}

test_stretches_tell_apart_a_branch_date if {
	m := vas({"dailyAverageUsers": 20000000})
	not "major-vas" in scope.parties_on(scope.stretch_start("2023-07-03")) with input as m
	"major-vas" in scope.parties_on(scope.stretch_start("2023-07-04")) with input as m
}

test_notice_services_are_the_noticeable_services if {
	every m in array.concat(stretch_inputs, [notice_m(1000000, 10000000000), notice_m(999999, 10000000000), notice_m(1000000, 9999999999)]) {
		every d in ["2019-06-24", "2020-01-01", "2026-01-01"] {
			scope.notice_services(d) == {s.id | some s in m.services; not s.cloud == true; scope.service_noticeable(s, d)} with input as m
		}
	}
}
