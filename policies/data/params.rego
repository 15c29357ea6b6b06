# METADATA
# title: Regulatory parameters
# description: |
#   Every number the controls use, effective-dated: each entry holds from its `from` date
#   (Korean calendar) until the next entry's. An amendment is a new entry, so an old incident
#   is still judged by the rule in force when it started. `label` says whether the number is
#   written in law (`law`), reported but not verified in statute text (`guideline`), or an
#   audit default where the law says only "without delay" (`audit-default`): a run may
#   override any of them with data.resilcheck.overrides.
package resilcheck.params

table := {
	# --- scope (who is bound) ---
	"major_vas_min_users": [{"from": "2023-07-04", "value": 10000000, "label": "law", "basis": "BCDA Art. 35(1)4; Decree Art. 23(2)"}],
	"major_vas_min_traffic_percent": [{"from": "2023-07-04", "value": 2, "label": "law", "basis": "BCDA Art. 35(1)4; Decree Art. 23(2)"}],
	"major_idc_min_floor_m2": [{"from": "2023-07-04", "value": 22500, "label": "law", "basis": "BCDA Art. 35(1)5; Decree Art. 23(3)"}],
	"major_idc_min_power_mw": [{"from": "2023-07-04", "value": 40, "label": "law", "basis": "BCDA Art. 35(1)5; Decree Art. 23(3)"}],
	"major_idc_min_revenue_krw": [{"from": "2023-07-04", "value": 10000000000, "label": "law", "basis": "BCDA Art. 35(1)5; Decree Art. 23(3)"}],
	"stability_min_users": [{"from": "2020-12-10", "value": 1000000, "label": "law", "basis": "TBA Art. 22-7; Decree Art. 30-8(1)"}],
	"stability_min_traffic_percent": [{"from": "2020-12-10", "value": 1, "label": "law", "basis": "TBA Art. 22-7; Decree Art. 30-8(1)"}],
	# Decree 37(1) "<신설 2023.7.3>": before 2023-07-04 colocation operators were bound with no
	# size test (older 46(1), reported), and own-use operators not at all.
	"idc_protect_min_floor_m2": [{"from": "2023-07-04", "value": 500, "label": "law", "basis": "Network Act Art. 46(1); Decree Art. 37(1)1, 2가"}],
	"idc_protect_min_ict_revenue_krw": [{"from": "2023-07-04", "value": 10000000000, "label": "law", "basis": "Network Act Art. 46(1)2; Decree Art. 37(1)2나"}],
	"idc_protect_min_users": [{"from": "2023-07-04", "value": 1000000, "label": "law", "basis": "Network Act Art. 46(1)2; Decree Art. 37(1)2다"}],
	# Carriers (회선설비 보유사업자): the numbers are confirmed from 2023-07-04; the branch is older
	# (Decree 29886 of 2019-06-25), and the same numbers are used before then as reported.
	"carrier_min_subscribers": [
		{"from": "2019-06-25", "value": 100000, "label": "law-older-wording-reported", "basis": "BCDA Art. 35(1)1; Decree Art. 23(1) (wording before 2023-07-04 not in the statute texts: current number used)"},
		{"from": "2023-07-04", "value": 100000, "label": "law", "basis": "BCDA Art. 35(1)1; Decree Art. 23(1)"},
	],
	"carrier_min_lines": [
		{"from": "2019-06-25", "value": 500000, "label": "law-older-wording-reported", "basis": "BCDA Art. 35(1)1; Decree Art. 23(1) (wording before 2023-07-04 not in the statute texts: current number used)"},
		{"from": "2023-07-04", "value": 500000, "label": "law", "basis": "BCDA Art. 35(1)1; Decree Art. 23(1)"},
	],
	"carrier_stability_min_telecom_revenue_krw": [{"from": "2024-06-30", "value": 1000000000000, "label": "law", "basis": "TBA Art. 32-10(2); Decree Art. 37-12(1)"}],
	"notice_min_telecom_revenue_krw": [
		{"from": "2019-06-25", "value": 10000000000, "label": "reported", "basis": "TBA Decree Art. 37-11 to 37-13 (as then numbered; reported, not in the statute texts)"},
		{"from": "2025-03-28", "value": 10000000000, "label": "law", "basis": "TBA Art. 33(2); Decree Art. 37-21(1)3가"},
	],
	"notice_min_users": [
		{"from": "2019-06-25", "value": 1000000, "label": "reported", "basis": "TBA Decree Art. 37-11 to 37-13 (as then numbered; reported, not in the statute texts)"},
		{"from": "2025-03-28", "value": 1000000, "label": "law", "basis": "TBA Art. 33(2); Decree Art. 37-21(1)3나"},
	],
	# --- disaster management (BCDA) ---
	"dm_plan_due_month_day": [{"from": "2021-12-09", "value": "09-30", "label": "law", "basis": "BCDA Art. 36(2); Decree Art. 24"}],
	"dm_grading_due_month_day": [{"from": "2023-07-04", "value": "09-30", "label": "law", "basis": "BCDA Art. 35-3"}],
	"dm_officer_notify_days": [{"from": "2017-07-26", "value": 30, "label": "law", "basis": "BCDA Art. 39-2(1); Decree Art. 27-2(1)-(2)"}],
	"dm_staff_department_min_telecom_revenue_krw": [{"from": "2021-12-09", "value": 1000000000000, "label": "law", "basis": "Decree Art. 27-2(3)"}],
	"dm_staff_min_telecom_revenue_krw": [{"from": "2021-12-09", "value": 10000000000, "label": "law", "basis": "Decree Art. 27-2(3)"}],
	"dm_staff_min_count": [{"from": "2021-12-09", "value": 2, "label": "law", "basis": "Decree Art. 27-2(3)"}],
	# "Without delay" (지체 없이) has no number in law. One hour is an audit default, not law.
	"report_without_delay_minutes": [{"from": "2000-01-01", "value": 60, "label": "audit-default", "basis": "BCDA Art. 38(1) 'without delay': audit default, not law"}],
	# --- service stability (TBA Art. 22-7) ---
	"ss_report_due_month_day": [{"from": "2023-07-04", "value": "01-31", "label": "law", "basis": "TBA Art. 22-7(3)"}],
	# --- outage notice to users (TBA Art. 33(2); Decree Art. 37-21) ---
	"un_notice_min_outage_minutes": [
		{"from": "2019-06-25", "value": 240, "label": "reported", "basis": "TBA Decree Art. 37-11 to 37-13 (as then numbered; reported, not in the statute texts): 4 hours"},
		{"from": "2025-03-28", "value": 120, "label": "law", "basis": "TBA Decree Art. 37-21(1) (as amended): 2 hours"},
	],
	"un_notice_free_services_exempt": [
		{"from": "2019-06-25", "value": true, "label": "reported", "basis": "TBA Decree Art. 37-11 to 37-13 (as then numbered; reported, not in the statute texts): free services exempt"},
		{"from": "2025-03-28", "value": false, "label": "law", "basis": "TBA Decree Art. 37-21 (as amended): free services covered"},
	],
	"un_notice_without_delay_minutes": [{"from": "2000-01-01", "value": 60, "label": "audit-default", "basis": "TBA Art. 33(2) 'without delay': audit default, not law"}],
	"un_damages_notice_days": [
		{"from": "2019-06-25", "value": 30, "label": "reported", "basis": "TBA Decree Art. 37-11 to 37-13 (as then numbered; reported, not in the statute texts)"},
		{"from": "2025-03-28", "value": 30, "label": "law", "basis": "TBA Art. 33(2); Decree Art. 37-21(2)"},
	],
	# --- datacenters (Network Act Art. 46) ---
	"dc_report_min_continuous_minutes": [{"from": "2023-07-04", "value": 30, "label": "law", "basis": "Network Act Art. 46(6) (added 2023-01-03, in force 2023-07-04); Decree Art. 40"}],
	"dc_report_repeat_count": [{"from": "2023-07-04", "value": 2, "label": "law", "basis": "Network Act Art. 46(6) (added 2023-01-03, in force 2023-07-04); Decree Art. 40"}],
	"dc_report_repeat_window_hours": [{"from": "2023-07-04", "value": 24, "label": "law", "basis": "Network Act Art. 46(6) (added 2023-01-03, in force 2023-07-04); Decree Art. 40(1) 'within 24 hours' (law); where the 24 hours start is not fixed: any 24-hour span (audit default)"}],
	"dc_report_repeat_total_minutes": [{"from": "2023-07-04", "value": 45, "label": "law", "basis": "Network Act Art. 46(6) (added 2023-01-03, in force 2023-07-04); Decree Art. 40"}],
	"dc_report_without_delay_minutes": [{"from": "2000-01-01", "value": 60, "label": "audit-default", "basis": "Network Act Art. 46(6) 'without delay': audit default, not law"}],
	"dc_bms_max_sampling_seconds": [{"from": "2024-01-01", "value": 10, "label": "guideline", "basis": "MSIT datacenter protection guideline 2024 (reported)"}],
	"dc_max_mwh_per_compartment": [{"from": "2024-01-01", "value": 5, "label": "guideline", "basis": "MSIT datacenter protection guideline 2024 (reported)"}],
	"dc_min_power_feeds": [{"from": "2024-01-01", "value": 2, "label": "guideline", "basis": "MSIT datacenter protection guideline 2024 (reported)"}],
	"dc_min_generators": [{"from": "2024-01-01", "value": 1, "label": "guideline", "basis": "MSIT datacenter protection guideline 2024 (reported)"}],
	"ups_inspection_min_kwh": [{"from": "2024-07-01", "value": 20, "label": "reported", "basis": "UPS lithium battery inspection duty, from 2024-07-01"}],
	"ups_inspection_yearly_min_kwh": [{"from": "2024-07-01", "value": 1000, "label": "reported", "basis": "UPS lithium battery inspection duty, from 2024-07-01"}],
	# --- cloud (Cloud Computing Act Art. 25(1)3; Decree Art. 16-17) ---
	"cl_notice_min_minutes": [{"from": "2015-09-28", "value": 10, "label": "law", "basis": "Cloud Act Art. 25(1)3; Decree Art. 16"}],
	"cl_notice_repeat_total_minutes": [{"from": "2015-09-28", "value": 15, "label": "law", "basis": "Cloud Act Art. 25(1)3; Decree Art. 16"}],
	"cl_notice_repeat_count": [{"from": "2015-09-28", "value": 2, "label": "law", "basis": "Cloud Act Art. 25(1)3; Decree Art. 16"}],
	"cl_notice_repeat_window_hours": [{"from": "2015-09-28", "value": 24, "label": "law", "basis": "Cloud Act Art. 25(1)3; Decree Art. 16"}],
	"cl_notice_display_days": [{"from": "2015-09-28", "value": 15, "label": "law", "basis": "Cloud Act Decree Art. 17"}],
	"cl_notice_without_delay_minutes": [{"from": "2000-01-01", "value": 60, "label": "audit-default", "basis": "Cloud Act Art. 25(1)3 'without delay': audit default, not law"}],
	# --- resilience practice (guidance, not law) ---
	"guide_drill_max_age_days": [{"from": "2000-01-01", "value": 365, "label": "guidance", "basis": "resilience practice: a site-loss drill within 12 months"}],
	# --- incident reporting, notices, datacenter protection (controls dm_report, un_*, dc_*, cl_notice) ---
	# Decree Art. 27 asks for progress reports "from time to time" (수시로) until a disaster ends, and
	# gives no hour for the final report: both numbers are audit defaults, not law.
	"dm_report_update_interval_minutes": [{"from": "2000-01-01", "value": 1440, "label": "audit-default", "basis": "BCDA Art. 39(4); Decree Art. 27 'from time to time until it ends': audit default, not law"}],
	"dm_report_final_minutes": [{"from": "2000-01-01", "value": 1440, "label": "audit-default", "basis": "BCDA Art. 39(4); Decree Art. 27 report until the disaster ends: audit default, not law"}],
	"ups_inspection_yearly_interval_years": [{"from": "2024-07-01", "value": 1, "label": "reported", "basis": "Electrical Safety Management Act / Electric Utility Act enforcement rules as amended 2023-12-06, from 2024-07-01 (reported, not verified in statute text)"}],
	"ups_inspection_interval_years": [{"from": "2024-07-01", "value": 2, "label": "reported", "basis": "Electrical Safety Management Act / Electric Utility Act enforcement rules as amended 2023-12-06, from 2024-07-01 (reported, not verified in statute text)"}],
	"ups_inspection_existing_due": [{"from": "2024-07-01", "value": "2025-06-30", "label": "reported", "basis": "Electrical Safety Management Act / Electric Utility Act enforcement rules as amended 2023-12-06 (reported, not verified in statute text): UPS installed before 2024-07-01 inspected by 2025-06-30"}],
	# --- governance controls (plans, grading, stability reports): first year each duty binds ---
	# The 2023-01-03 amendments (in force 2023-07-04) made major value-added providers and
	# datacenter operators major providers, so their first plan and grading submissions were
	# due 2023-09-30 (for 2024) and their first stability report 2024-01-31. Years before
	# these are not demanded.
	# --- duties added with the legal-model rewrite (REGULATIONS.md "Obligations") ---
	# "즉시" (immediately) and "지체 없이" (without delay) have no number in law: audit defaults.
	"dc_lessor_notice_minutes": [{"from": "2023-07-04", "value": 60, "label": "audit-default", "basis": "Network Decree Art. 41 2: no period in law; audit default as 'without delay'"}],
	# 46-2 binds throughout (REGULATIONS.md, the in-force table): the first day of the default
	# stands for "always".
	"dc_tenant_notice_minutes": [{"from": "1900-01-01", "value": 60, "label": "audit-default", "basis": "Network Act Art. 46-2 'immediately': audit default, not law"}],
	"cl_leak_ministry_minutes": [{"from": "2015-09-28", "value": 60, "label": "audit-default", "basis": "Cloud Act Art. 25(2) 'immediately': audit default, not law"}],
	"cl_contract_end_notice_days": [{"from": "2015-09-28", "value": 30, "label": "law", "basis": "Cloud Act Art. 27; Decree Art. 19(1)"}],
	"cl_shutdown_notice_days": [{"from": "2015-09-28", "value": 30, "label": "law", "basis": "Cloud Act Art. 27(4); Decree Art. 19(2)"}],
	"cr_report_due_month_day": [{"from": "2024-06-30", "value": "06-30", "label": "law", "basis": "TBA Art. 32-10(4); Decree Art. 37-12(3)"}],
	"cr_report_first_year": [{"from": "2024-06-30", "value": 2025, "label": "audit-default", "basis": "TBA Decree Art. 37-12(3), in force 2024-06-30: first public report taken as due 2025-06-30 (audit default)"}],
}
