package resilcheck.controls.dm_roaming_test

import data.resilcheck.controls.dm_roaming

as_of := "2026-11-22"

carrier := {
	"name": "Mobile Co.",
	"categories": ["facilities-based"],
	"origin": "domestic",
	"mobileNetwork": true,
	"metrics": {"subscribers": 100000},
}

manifest(p, roaming) := {"provider": p, "governance": {"disasterRoaming": roaming}}

violations_of(m, d) := vs if {
	vs := dm_roaming.violations with input as m with data.resilcheck.run as {"as_of": d}
}

applies_on(m, d) if dm_roaming.applies with input as m with data.resilcheck.run as {"as_of": d}

reason_on(m, d) := r if {
	r := dm_roaming.reason with input as m with data.resilcheck.run as {"as_of": d}
}

test_agreement_and_system_pass if {
	m := manifest(carrier, {"agreementsWith": ["Other Mobile Co.", "Third Mobile Co."], "system": true, "since": "2022-03-01"})
	applies_on(m, as_of)
	count(violations_of(m, as_of)) == 0
}

test_either_an_agreement_or_the_system_suffices if {
	count(violations_of(manifest(carrier, {"agreementsWith": ["Other Mobile Co."]}), as_of)) == 0
	count(violations_of(manifest(carrier, {"system": true}), as_of)) == 0
}

test_neither_measure_fails if {
	vs := violations_of(manifest(carrier, {"agreementsWith": [], "system": false}), as_of)
	count(vs) == 1
	some v in vs
	v.pointer == "/governance/disasterRoaming"
	v.evidence.agreements == 0
	v.evidence.system == false
	v.evidence.label == "interpretation"
	contains(v.msg, "neither an agreement with another mobile operator (agreementsWith) nor a built roaming system")
}

test_no_declaration_fails_at_the_nearest_pointer if {
	vs := violations_of({"provider": carrier, "governance": {}}, as_of)
	count(vs) == 1
	some v in vs
	v.pointer == "/governance"
	v.evidence.system == null
	contains(v.msg_ko, "재난 시 무선통신시설 공동이용 조치(governance.disasterRoaming)를 신고하지 않았습니다")
}

test_measures_in_place_on_the_audit_date_pass_and_from_the_day_after_fail if {
	count(violations_of(manifest(carrier, {"system": true, "since": "2026-11-22"}), as_of)) == 0
	vs := violations_of(manifest(carrier, {"system": true, "since": "2026-11-23"}), as_of)
	count(vs) == 1
	some v in vs
	v.pointer == "/governance/disasterRoaming/since"
	v.msg == "the disaster-roaming measures are in place only from 2026-11-23, after the audit date 2026-11-22"
}

test_not_applicable_without_mobile_service_with_reason if {
	m := manifest(object.remove(carrier, ["mobileNetwork"]), {})
	not applies_on(m, as_of)
	reason_on(m, as_of).en == "does not provide mobile communications service (provider.mobileNetwork)"
	reason_on(manifest(object.union(carrier, {"mobileNetwork": false}), {}), as_of).ko == "이동통신서비스를 제공하지 않습니다(provider.mobileNetwork)"
}

test_carrier_day_before_2021_12_09_is_not_verifiable if {
	m := manifest(carrier, {})
	not applies_on(m, "2021-12-08")
	startswith(reason_on(m, "2021-12-08").en, "not verifiable on 2021-12-08: the wording before 2021-12-09")
	some v in violations_of(m, "2021-12-09")
	v.evidence.citation == "BCDA Art. 37-2(1)"
}

test_value_added_major_bound_from_2023_07_04 if {
	vas := {
		"name": "MVNO-like",
		"categories": ["value-added"],
		"mobileNetwork": true,
		"metrics": {"window": {"from": "2022-10-01", "to": "2022-12-31"}, "dailyAverageUsers": 10000000},
	}
	m := manifest(vas, {})
	not applies_on(m, "2023-07-03")
	contains(reason_on(m, "2023-07-03").en, "major value-added provider (BCDA 35(1)4): not in force until 2023-07-04")
	applies_on(m, "2023-07-04")
}

test_not_a_major_is_not_applicable_with_numbers if {
	small := object.union(carrier, {"metrics": {"subscribers": 99999, "lines": 499999}})
	not applies_on(manifest(small, {}), as_of)
	contains(reason_on(manifest(small, {}), as_of).en, "subscribers 99,999 < 100,000 and lines 499,999 < 500,000")
}
