package resilcheck.lib.inforce_test

import data.resilcheck.lib.inforce

window := {"from": "2025-10-01", "to": "2025-12-31"}

vas := {"provider": {"name": "P", "categories": ["value-added"], "metrics": {"window": window, "dailyAverageUsers": 20000000}}}

telco := {"provider": {"name": "T", "categories": ["facilities-based"], "metrics": {"window": window, "subscribers": 200000}}}

periods := [
	{"until": "2021-12-09", "parties": ["carrier"], "verifiable": false, "label": "law", "citation": "X (wording unknown)"},
	{"from": "2021-12-09", "until": "2023-07-04", "parties": ["carrier"], "label": "law-older-wording-reported", "citation": "X old"},
	{"from": "2023-07-04", "parties": ["carrier", "major-vas"], "label": "law", "citation": "X new"},
]

test_binds_on_the_first_day_not_the_day_before if {
	not inforce.binds(periods, "2023-07-03") with input as vas
	inforce.binds(periods, "2023-07-04") with input as vas
	inforce.binds(periods, "2021-12-09") with input as telco
	not inforce.binds(periods, "2021-12-08") with input as telco
}

test_reason_for_a_party_not_yet_bound if {
	r := inforce.why_not(periods, "2023-07-03") with input as vas
	contains(r.en, "major value-added provider (BCDA 35(1)4): not in force until 2023-07-04")
	contains(r.en, "major carrier (BCDA 35(1)1): category facilities-based not declared")
}

test_unverifiable_only_for_the_party_it_names if {
	r := inforce.why_not(periods, "2021-01-01") with input as telco
	startswith(r.en, "not verifiable on 2021-01-01: the wording before 2021-12-09")

	# A value-added provider is told when the duty reaches it, not that it is unverifiable,
	# and not the carriers' date.
	r2 := inforce.why_not(periods, "2021-01-01") with input as vas
	contains(r2.en, "major value-added provider (BCDA 35(1)4): not in force on 2021-01-01 (from 2023-07-04)")
	contains(r2.en, "major carrier (BCDA 35(1)1): category facilities-based not declared")
	not contains(r2.en, "not verifiable")

	# A carrier, the day before its first period, is told the plain date.
	r3 := inforce.why_not([periods[1]], "2021-12-08") with input as telco
	r3.en == "not in force on 2021-12-08 (in force from 2021-12-09)"
}

test_until_ends_a_period if {
	old := [{"from": "2019-06-25", "until": "2025-03-28", "label": "reported", "citation": "old"}]
	inforce.binds(old, "2025-03-27") with input as vas
	not inforce.binds(old, "2025-03-28") with input as vas
	r := inforce.why_not(old, "2025-03-28") with input as vas
	r.en == "not in force on 2025-03-28 (in force 2019-06-25 until 2025-03-28)"
}

test_citation_on_a_date_is_the_latest_period if {
	c := inforce.citation_on(periods, "2024-01-01") with input as telco
	c.en == "X new"
	c.label == "law"
	c2 := inforce.citation_on(periods, "2022-01-01") with input as telco
	c2.en == "X old"
	c2.label == "law-older-wording-reported"
}

test_no_reason_when_it_binds if {
	not inforce.why_not(periods, "2024-01-01") with input as vas
}
