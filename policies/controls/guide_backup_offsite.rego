# METADATA
# title: Critical services keep backups in another datacenter
# description: |
#   Every critical service keeps a backup in a datacenter where it has no active deployment
#   and which is not in the same building as one (datacenters sharing a building id share a
#   fire and a power cut-off, as Pangyo showed). A critical service that declares no backups
#   fails. Resilience practice, not law; applies to any manifest that declares a critical
#   service.
#   The linked statute is context only: BCDA Art. 35(2)3 asks major providers for
#   distribution and multiplexing of servers, storage, network and power.
# related_resources:
#   - https://www.law.go.kr/법령/방송통신발전기본법
# scope: package
# custom:
#   id: GUIDE-BACKUP-OFFSITE
#   severity: low
#   kind: guidance
#   regulation: Guidance
#   title_ko: 핵심 서비스 백업의 다른 데이터센터 보관
#   description_ko: 모든 핵심 서비스는 운영(active) 배치가 없고 운영 데이터센터와 같은 건물에 있지 않은 데이터센터에 백업을 보관해야 한다. 같은 건물 id를 쓰는 데이터센터는 판교 화재처럼 화재와 전원 차단을 함께 겪는다. 백업을 신고하지 않은 핵심 서비스는 불합격이다. 법령이 아닌 복원력 모범 관행이며, 핵심 서비스를 신고한 모든 매니페스트에 적용된다.
#   citation:
#     law: Resilience practice (not law)
#     article: "-"
#     text: "guidance: backups in a different datacenter"
#     text_ko: "권고(법령 아님): 다른 데이터센터에 백업 보관"
#     source: MSIT joint investigation of the 2022-10-15 Pangyo datacenter fire (2022-12-06); resilience practice
#     guidance: true
#   remediation:
#     en: Copy each critical service's backups to a datacenter in another building where the service does not run actively, and declare them under services[].data.backups.
#     ko: 핵심 서비스의 백업을 해당 서비스가 운영되지 않는 다른 건물의 데이터센터에 복제하고 services[].data.backups에 신고하십시오.
#   frameworks:
#     - resilience-practice
#   in_force:
#     - from: "2000-01-01"
#       label: guidance
#       citation: resilience practice (not law)
package resilcheck.controls.guide_backup_offsite

import data.resilcheck.lib.governance
import data.resilcheck.lib.inforce
import data.resilcheck.lib.siteloss
import data.resilcheck.lib.time

# in_force is this package's METADATA custom.in_force (a Go test holds them equal). Resilience
# practice has no statutory date: the period only says so.
in_force := [{"from": "2000-01-01", "label": "guidance", "citation": "resilience practice (not law)"}]

# Violations are only judged where the control applies, so a direct query of violations
# agrees with the engine's verdict.
default applies := false

applies if {
	inforce.binds(in_force, time.as_of)
	governance.has_critical_service
}

reason := r if {
	r := inforce.why_not(in_force, time.as_of)
} else := {
	"en": "no service declared critical (services[].critical)",
	"ko": "핵심 서비스로 신고된 서비스가 없습니다(services[].critical).",
} if {
	inforce.binds(in_force, time.as_of)
	not governance.has_critical_service
}

datacenters := {d.id: d | some d in object.get(input, "datacenters", [])}

# building(id) is the fire and power domain of a datacenter: its declared building, or the
# datacenter alone when none is declared (or the id is unknown).
building(id) := sprintf("building:%s", [b]) if {
	b := datacenters[id].building
} else := sprintf("datacenter:%s", [id])

offsite(s, dc) if {
	not dc in siteloss.active_datacenters(s)
	not building(dc) in {building(a) | some a in siteloss.active_datacenters(s)}
}

violations contains {
	"msg": sprintf("critical service %s declares no backups", [s.id]),
	"msg_ko": sprintf("핵심 서비스 %s의 백업이 신고되지 않았습니다.", [s.id]),
	"pointer": governance.service_pointer(i, s, ["data", "backups"]),
	"evidence": {"service": s.id, "missing": "data.backups"},
} if {
	applies
	some i, s in governance.critical_services
	count(object.get(s, ["data", "backups"], [])) == 0
}

violations contains {
	"msg": sprintf("critical service %s keeps backups only where it runs actively or in the same building (backups in %s; active in %s)", [s.id, concat(", ", backup_dcs), concat(", ", active)]),
	"msg_ko": sprintf("핵심 서비스 %s의 백업이 운영 중인 데이터센터 또는 같은 건물에만 있습니다(백업: %s, 운영: %s).", [s.id, concat(", ", backup_dcs), concat(", ", active)]),
	"pointer": governance.pointer(["services", i, "data", "backups"]),
	"evidence": {
		"service": s.id,
		"backup_datacenters": backup_dcs,
		"active_datacenters": active,
		"shared_buildings": sort({datacenters[dc].building | some dc in backup_dcs; building(dc) in {building(a) | some a in active}}),
	},
} if {
	applies
	some i, s in governance.critical_services
	backups := object.get(s, ["data", "backups"], [])
	count(backups) > 0
	not any_offsite(s, backups)
	backup_dcs := sort({b.datacenter | some b in backups})
	active := sort(siteloss.active_datacenters(s))
}

any_offsite(s, backups) if {
	some b in backups
	offsite(s, b.datacenter)
}
