package resilcheck.controls.dc_ups_inspection_test

import data.resilcheck.controls.dc_ups_inspection

run := {"as_of": "2026-11-22"}

operator := {
	"name": "Example DC",
	"categories": ["datacenter-operator"],
	"origin": "domestic",
	"metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}},
}

# An existing UPS by default: in service before 2024-07-01.
site(ups, extra) := object.union({"id": "dc1", "name": "DC 1", "operator": "Example DC", "ownership": "own", "serverRoomAreaM2": 500, "operatingSince": "2020-01-01", "ups": object.union({"commissionedOn": "2020-01-01"}, ups)}, extra)

li(kwh) := {"chemistry": "lithium-ion", "capacityKWh": kwh}

doc(s) := {"provider": operator, "datacenters": [s]}

violations_on(s, as_of) := vs if {
	vs := dc_ups_inspection.violations with input as doc(s) with data.resilcheck.run as {"as_of": as_of}
}

violations(s) := violations_on(s, run.as_of)

applies_on(s, as_of) if dc_ups_inspection.applies with input as doc(s) with data.resilcheck.run as {"as_of": as_of}

reason_on(s, as_of) := r if {
	r := dc_ups_inspection.reason with input as doc(s) with data.resilcheck.run as {"as_of": as_of}
}

# --- size threshold: over 20 kWh ---

test_exactly_20_kwh_is_not_covered_with_reason if {
	s := site({"battery": li(20)}, {})
	not applies_on(s, run.as_of)
	reason_on(s, run.as_of).en == "no lithium-ion UPS battery over 20 kWh at a site the provider runs (largest 20 kWh)"
}

test_20_01_kwh_without_inspection_fails if {
	vs := violations(site({"battery": li(20.01)}, {}))
	count(vs) == 1
	some v in vs
	v.pointer == "/datacenters/0/ups"
	v.evidence.due == "2025-06-30"
	v.evidence.regime_start == "2024-07-01"
	v.evidence.label == "reported"
	contains(v.msg, "not a Network Act duty")
}

# --- existing UPS: first inspection by 2025-06-30 ---

test_existing_ups_first_inspection_due_2025_06_30 if {
	s := site({"battery": li(500)}, {})
	count(violations_on(s, "2025-06-30")) == 0
	some v in violations_on(s, "2025-07-01")
	v.evidence.due == "2025-06-30"
}

test_existing_ups_needs_no_pre_use_inspection if {
	s := site({"battery": li(500), "commissionedOn": "2024-06-30", "lastInspectionOn": "2025-06-30"}, {})
	count(violations_on(s, "2025-07-01")) == 0
}

test_inspection_before_the_regime_does_not_count if {
	some v in violations(site({"battery": li(100), "lastInspectionOn": "2024-06-30"}, {}))
	v.evidence.last_inspection_on == "2024-06-30"
	v.evidence.due == "2025-06-30"
}

# --- new UPS: inspection before first use ---

test_new_ups_inspected_on_the_day_it_starts_passes if {
	s := site({"battery": li(500), "commissionedOn": "2024-07-01", "preUseInspectionOn": "2024-07-01"}, {})
	count(violations_on(s, "2025-11-22")) == 0
}

test_new_ups_inspected_a_day_after_it_starts_fails if {
	s := site({"battery": li(500), "commissionedOn": "2024-07-01", "preUseInspectionOn": "2024-07-02"}, {})
	vs := violations_on(s, "2025-11-22")
	count(vs) == 1
	some v in vs
	v.pointer == "/datacenters/0/ups/preUseInspectionOn"
	v.evidence.days_after_commissioning == 1
	contains(v.msg, "not before first use")
}

test_new_ups_without_pre_use_inspection_fails if {
	s := site({"battery": li(500), "commissionedOn": "2025-03-01"}, {})
	vs := violations_on(s, "2025-03-01")
	count(vs) == 1
	some v in vs
	v.evidence.missing == "ups.preUseInspectionOn"
	v.evidence.commissioned_on == "2025-03-01"
}

test_ups_not_yet_in_service_is_not_judged if {
	s := site({"battery": li(500), "commissionedOn": "2025-03-02"}, {})
	applies_on(s, "2025-03-01")
	count(violations_on(s, "2025-03-01")) == 0
}

test_new_ups_cycle_runs_from_the_pre_use_inspection if {
	s := site({"battery": li(500), "commissionedOn": "2024-08-01", "preUseInspectionOn": "2024-07-20"}, {})
	count(violations_on(s, "2026-07-20")) == 0
	some v in violations_on(s, "2026-07-21")
	v.evidence.due == "2026-07-20"
	v.evidence.interval_years == 2
}

# --- missing commissionedOn ---

# undated(ups, since) is a site operating since `since` whose UPS declares no commissionedOn.
undated(ups, since) := object.union(object.remove(site({}, {}), ["ups"]), {"operatingSince": since, "ups": ups})

test_no_commissioning_date_at_a_site_operating_before_the_regime_is_existing if {
	s := undated({"battery": li(500)}, "2024-06-30")
	some v in violations(s)
	v.evidence.due == "2025-06-30"
	startswith(v.evidence.commissioned_basis, "ups.commissionedOn not declared; taken as in use before 2024-07-01")
	v.evidence.commissioned_basis_ko == "ups.commissionedOn 미신고: 시설이 2024-06-30부터 운영되어 2024-07-01 전부터 사용한 것으로 봄"
}

test_no_commissioning_date_at_a_newer_site_fails_naming_it if {
	s := undated({"battery": li(500), "preUseInspectionOn": "2024-06-20"}, "2024-07-01")
	vs := violations(s)
	count(vs) == 1
	some v in vs
	v.evidence.missing == "ups.commissionedOn"
	v.pointer == "/datacenters/0/ups"
	no_date := object.remove(s, ["operatingSince"])
	some w in violations(no_date)
	w.evidence.missing == "ups.commissionedOn"
	w.evidence.operating_since == null
}

# --- regular cycle ---

test_two_year_cycle_passes_on_the_due_date if {
	# Inspected 2024-11-22: the next inspection is due on 2026-11-22, the audit date itself.
	count(violations(site({"battery": li(500), "lastInspectionOn": "2024-11-22"}, {}))) == 0
}

test_two_year_cycle_overdue_the_day_after if {
	vs := violations(site({"battery": li(500), "lastInspectionOn": "2024-11-21"}, {}))
	count(vs) == 1
	some v in vs
	v.pointer == "/datacenters/0/ups/lastInspectionOn"
	v.evidence.due == "2026-11-21"
	v.evidence.interval_years == 2
}

test_1000_kwh_is_yearly_and_999_99_is_not if {
	some v in violations(site({"battery": li(1000), "lastInspectionOn": "2025-11-21"}, {}))
	v.evidence.interval_years == 1
	v.evidence.due == "2026-11-21"
	count(violations(site({"battery": li(999.99), "lastInspectionOn": "2025-11-21"}, {}))) == 0
}

test_multi_use_building_is_yearly if {
	some v in violations(site({"battery": li(100), "lastInspectionOn": "2025-11-21"}, {"multiUseBuilding": true}))
	v.evidence.cycle == "yearly: in a multi-use building"
}

test_feb_29_period_ends_on_feb_28 if {
	vs := violations_on(site({"battery": li(1000), "lastInspectionOn": "2028-02-29"}, {}), "2029-03-01")
	some v in vs
	v.evidence.due == "2029-02-28"
}

test_inspection_dated_after_the_audit_date_is_ignored if {
	some v in violations_on(site({"battery": li(500), "lastInspectionOn": "2025-08-01"}, {}), "2025-07-15")
	v.evidence.due == "2025-06-30"
}

test_undeclared_capacity_fails if {
	vs := violations(site({"battery": {"chemistry": "lithium-ion"}}, {}))
	count(vs) == 1
	some v in vs
	v.evidence.missing == "ups.battery.capacityKWh"
}

# --- scope ---

test_lead_acid_is_not_applicable_with_reason if {
	s := site({"battery": {"chemistry": "lead-acid", "capacityKWh": 5000}}, {})
	not applies_on(s, run.as_of)
	reason_on(s, run.as_of).en == "no site the provider runs has a lithium-ion UPS battery"
}

test_rented_colocation_space_is_not_applicable_with_reason if {
	s := site({"battery": li(500)}, {"ownership": "colocation"})
	not applies_on(s, run.as_of)
	startswith(reason_on(s, run.as_of).en, "the provider runs no site of its own")
}

test_not_a_network_act_duty_so_small_sites_are_judged if {
	# Below the 46(1) floor and a public institution: the electrical-safety rule still binds
	# the operator of the site.
	s := site({"battery": li(500)}, {"serverRoomAreaM2": 40})
	d := {"provider": object.union(operator, {"publicInstitution": true}), "datacenters": [s]}
	vs := dc_ups_inspection.violations with input as d with data.resilcheck.run as run
	count(vs) == 1
}

test_day_before_2024_07_01_is_not_in_force_with_reason if {
	s := site({"battery": li(500)}, {})
	not applies_on(s, "2024-06-30")
	reason_on(s, "2024-06-30").en == "not in force on 2024-06-30 (in force from 2024-07-01)"
	applies_on(s, "2024-07-01")
}
