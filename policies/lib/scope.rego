# METADATA
# title: Scope decisions
# description: |
#   Who is bound by which duty, computed from the declared metrics (never asserted by the
#   user). Thresholds come from the effective-dated parameters in force on the audit date.
#   Note the OR of the major value-added test and the AND of the service-stability test:
#   the law words them differently and they must not be merged.
package resilcheck.lib.scope

import data.resilcheck.lib.params

metrics := object.get(input, ["provider", "metrics"], {})

categories := {c | some c in object.get(input, ["provider", "categories"], [])}

users := object.get(metrics, "dailyAverageUsers", 0)

traffic := object.get(metrics, "trafficSharePercent", 0)

revenue := object.get(metrics, "revenueKRW", 0)

telecom_revenue := object.get(metrics, "telecomRevenueKRW", 0)

ict_revenue := object.get(metrics, "ictRevenueKRW", telecom_revenue)

floor_area := object.get(metrics, "datacenterFloorAreaM2", 0)

incoming_power := object.get(metrics, "datacenterIncomingPowerMW", 0)

default value_added := false

value_added if "value-added" in categories

default datacenter_operator := false

datacenter_operator if "datacenter-operator" in categories

default cloud_provider := false

cloud_provider if "cloud" in categories

default foreign := false

foreign if input.provider.origin == "foreign"

# SCOPE-MAJOR-VAS: users >= 10M OR traffic >= 2% (BCDA Art. 35(1)4; Decree Art. 23(2)).
default major_vas := false

major_vas if {
	value_added
	users >= params.now("major_vas_min_users")
}

major_vas if {
	value_added
	traffic >= params.now("major_vas_min_traffic_percent")
}

# SCOPE-MAJOR-IDC: (floor >= 22,500 m2 OR power >= 40 MW) AND revenue >= KRW 10bn.
default major_idc := false

major_idc if {
	datacenter_operator
	idc_size_met
	revenue >= params.now("major_idc_min_revenue_krw")
}

idc_size_met if floor_area >= params.now("major_idc_min_floor_m2")

idc_size_met if incoming_power >= params.now("major_idc_min_power_mw")

# Disaster-management duties bind either kind of major provider.
default disaster_management := false

disaster_management if major_vas

disaster_management if major_idc

# SCOPE-STABILITY: users >= 1M AND traffic >= 1% (TBA Art. 22-7; Decree Art. 30-8(1)).
default stability := false

stability if {
	value_added
	users >= params.now("stability_min_users")
	traffic >= params.now("stability_min_traffic_percent")
}

# SCOPE-IDC-PROTECT (Network Act Art. 46(1); Decree Art. 37(1)): a colocation operator with a
# server room of 500 m2 or more, or a provider running its own datacenter of 500 m2 or more
# with ICT revenue >= KRW 10bn and >= 1M users.
default idc_protect := false

idc_protect if {
	datacenter_operator
	largest_operated_area >= params.now("idc_protect_min_floor_m2")
}

idc_protect if {
	not datacenter_operator
	some d in operated_datacenters
	object.get(d, "serverRoomAreaM2", 0) >= params.now("idc_protect_min_floor_m2")
	ict_revenue >= params.now("idc_protect_min_ict_revenue_krw")
	users >= params.now("idc_protect_min_users")
}

# operated_datacenters are the sites the provider itself runs (not space it rents).
operated_datacenters := [d | some d in object.get(input, "datacenters", []); d.ownership in {"own", "leased-exclusive"}]

# operated_datacenter_indexes are the indexes into input.datacenters of operated_datacenters,
# for JSON pointers.
operated_datacenter_indexes := [i | some i, d in object.get(input, "datacenters", []); d.ownership in {"own", "leased-exclusive"}]

# operated_sites maps the index into input.datacenters of each operated site to its
# declaration.
operated_sites[i] := d if {
	some i in operated_datacenter_indexes
	d := input.datacenters[i]
}

# lithium_datacenters maps the index into input.datacenters of each operated site whose UPS
# runs on a lithium-ion battery plant to its declaration.
lithium_datacenters[i] := d if {
	some i in operated_datacenter_indexes
	d := input.datacenters[i]
	d.ups.battery.chemistry == "lithium-ion"
}

largest_operated_area := max(array.concat([floor_area], [object.get(d, "serverRoomAreaM2", 0) | some d in operated_datacenters]))

# SCOPE-NOTICE (TBA Art. 33(2); Decree Art. 37-21(1)3): every telecom provider, except a
# value-added service with telecom revenue < KRW 10bn or fewer than 1M users.
default notice := false

notice if {
	not value_added
	"facilities-based" in categories
}

notice if {
	value_added
	telecom_revenue >= params.now("notice_min_telecom_revenue_krw")
	users >= params.now("notice_min_users")
}

# Cloud services have their own notice rule (Cloud Computing Act Art. 25(1)3).
default cloud_notice := false

cloud_notice if cloud_provider

cloud_notice if {
	some s in object.get(input, "services", [])
	s.cloud == true
}

# decisions lists every scope with the numbers behind it, for reports.
decisions := {
	"major_vas": {
		"applies": major_vas,
		"basis": "BCDA Art. 35(1)4; Decree Art. 23(2)",
		"title": {"en": "Major value-added provider", "ko": "주요방송통신사업자(부가통신)"},
		"evidence": {
			"value_added": "value-added" in categories,
			"daily_average_users": users,
			"min_users": params.now("major_vas_min_users"),
			"traffic_share_percent": traffic,
			"min_traffic_percent": params.now("major_vas_min_traffic_percent"),
			"test": "users >= min_users OR traffic >= min_traffic_percent",
		},
	},
	"major_idc": {
		"applies": major_idc,
		"basis": "BCDA Art. 35(1)5; Decree Art. 23(3)",
		"title": {"en": "Major datacenter operator", "ko": "주요방송통신사업자(집적정보통신시설)"},
		"evidence": {
			"datacenter_operator": datacenter_operator,
			"floor_area_m2": floor_area,
			"min_floor_m2": params.now("major_idc_min_floor_m2"),
			"incoming_power_mw": incoming_power,
			"min_power_mw": params.now("major_idc_min_power_mw"),
			"revenue_krw": revenue,
			"min_revenue_krw": params.now("major_idc_min_revenue_krw"),
			"test": "(floor >= min_floor OR power >= min_power) AND revenue >= min_revenue",
		},
	},
	"stability": {
		"applies": stability,
		"basis": "TBA Art. 22-7; Decree Art. 30-8(1)",
		"title": {"en": "Service-stability duty", "ko": "서비스 안정성 확보 의무"},
		"evidence": {
			"daily_average_users": users,
			"min_users": params.now("stability_min_users"),
			"traffic_share_percent": traffic,
			"min_traffic_percent": params.now("stability_min_traffic_percent"),
			"test": "users >= min_users AND traffic >= min_traffic_percent",
		},
	},
	"idc_protect": {
		"applies": idc_protect,
		"basis": "Network Act Art. 46(1); Decree Art. 37(1)",
		"title": {"en": "Datacenter protective measures", "ko": "집적정보통신시설 보호조치"},
		"evidence": {
			"datacenter_operator": datacenter_operator,
			"largest_operated_area_m2": largest_operated_area,
			"min_floor_m2": params.now("idc_protect_min_floor_m2"),
			"ict_revenue_krw": ict_revenue,
			"daily_average_users": users,
		},
	},
	"notice": {
		"applies": notice,
		"basis": "TBA Art. 33(2); Decree Art. 37-21(1)3",
		"title": {"en": "Outage notice to users", "ko": "이용자 고지 의무"},
		"evidence": {
			"telecom_revenue_krw": telecom_revenue,
			"min_telecom_revenue_krw": params.now("notice_min_telecom_revenue_krw"),
			"daily_average_users": users,
			"min_users": params.now("notice_min_users"),
		},
	},
	"cloud_notice": {
		"applies": cloud_notice,
		"basis": "Cloud Computing Act Art. 25(1)3; Decree Art. 16",
		"title": {"en": "Cloud outage notice", "ko": "클라우드 서비스 중단 통지"},
		"evidence": {"cloud_provider": cloud_provider},
	},
}
