package resilcheck.controls.guide_backup_offsite_test

import data.resilcheck.controls.guide_backup_offsite

run := {"as_of": "2026-11-22"}

datacenters := [
	{"id": "pangyo", "name": "Pangyo", "operator": "SK C&C", "ownership": "colocation", "building": "pangyo-b"},
	{"id": "pangyo-annex", "name": "Pangyo annex", "operator": "SK C&C", "ownership": "colocation", "building": "pangyo-b"},
	{"id": "ansan", "name": "Ansan", "operator": "Example", "ownership": "own"},
]

svc(backups) := {
	"id": "talk",
	"name": "Talk",
	"critical": true,
	"deployments": [{"datacenter": "pangyo", "mode": "active"}, {"datacenter": "ansan", "mode": "standby"}],
	"data": {"backups": backups},
}

manifest(services) := {
	"provider": {"name": "Example", "categories": ["value-added"], "origin": "domestic", "metrics": {"window": {"from": "2025-10-01", "to": "2025-12-31"}}},
	"datacenters": datacenters,
	"services": services,
}

violations_of(m) := vs if {
	vs := guide_backup_offsite.violations with input as m with data.resilcheck.run as run
}

test_passes_with_backup_where_service_is_not_active if {
	m := manifest([svc([{"datacenter": "pangyo"}, {"datacenter": "ansan", "frequency": "daily"}])])
	guide_backup_offsite.applies with input as m with data.resilcheck.run as run
	count(violations_of(m)) == 0
}

test_fails_when_backups_only_in_active_datacenter if {
	vs := violations_of(manifest([svc([{"datacenter": "pangyo"}])]))
	count(vs) == 1
	some v in vs
	v.pointer == "/services/0/data/backups"
	v.evidence.backup_datacenters == ["pangyo"]
	v.evidence.active_datacenters == ["pangyo"]
}

test_same_building_is_not_offsite if {
	vs := violations_of(manifest([svc([{"datacenter": "pangyo-annex"}])]))
	count(vs) == 1
	some v in vs
	v.evidence.shared_buildings == ["pangyo-b"]
}

test_no_backups_declared_fails if {
	vs := violations_of(manifest([svc([])]))
	count(vs) == 1
	some v in vs
	v.pointer == "/services/0/data/backups"
	v.evidence.missing == "data.backups"
}

test_no_data_block_points_at_service if {
	some v in violations_of(manifest([object.remove(svc([]), ["data"])]))
	v.pointer == "/services/0"
}

test_non_critical_services_are_not_judged if {
	other := object.union(object.remove(svc([]), ["data"]), {"id": "blog", "critical": false})
	count(violations_of(manifest([other, svc([{"datacenter": "ansan"}])]))) == 0
}

test_not_applicable_without_critical_services if {
	not guide_backup_offsite.applies with input as manifest([object.union(svc([]), {"critical": false})]) with data.resilcheck.run as run
}

test_reason_when_no_service_is_critical if {
	m := manifest([object.union(svc([]), {"critical": false})])
	not guide_backup_offsite.applies with input as m with data.resilcheck.run as run
	count(guide_backup_offsite.violations) == 0 with input as m with data.resilcheck.run as run
	r := guide_backup_offsite.reason with input as m with data.resilcheck.run as run
	r.en == "no service declared critical (services[].critical)"
	contains(r.ko, "services[].critical")
}

test_guidance_period_and_the_day_before if {
	m := manifest([svc([])])
	guide_backup_offsite.applies with input as m with data.resilcheck.run as {"as_of": "2000-01-01"}
	not guide_backup_offsite.applies with input as m with data.resilcheck.run as {"as_of": "1999-12-31"}
	r := guide_backup_offsite.reason with input as m with data.resilcheck.run as {"as_of": "1999-12-31"}
	r.en == "not in force on 1999-12-31 (in force from 2000-01-01)"
	guide_backup_offsite.in_force == [{"from": "2000-01-01", "label": "guidance", "citation": "resilience practice (not law)"}]
}
