# METADATA
# title: Critical data is replicated with bounded lag
# description: |
#   The data of every critical service is replicated to another datacenter, synchronously
#   or asynchronously with a bounded lag (a declared RPO), never `none`. Critical services
#   that declare no `data` block keep no data of their own and are not judged here; the
#   RTO/RPO guidance still asks them to declare an RPO. Resilience practice, not law;
#   applies to any manifest that declares a critical service.
#   The linked statute is context only: BCDA Art. 35(2)3 asks major providers for
#   distribution and multiplexing of servers, storage, network and power.
# related_resources:
#   - https://www.law.go.kr/법령/방송통신발전기본법
# scope: package
# custom:
#   id: GUIDE-REPLICATION
#   severity: low
#   kind: guidance
#   regulation: Guidance
#   title_ko: 핵심 데이터의 동기 또는 지연 상한이 있는 비동기 복제
#   description_ko: 모든 핵심 서비스의 데이터는 다른 데이터센터로 동기 복제하거나, 지연 상한(RPO)을 정한 비동기 방식으로 복제해야 하며 복제 없음(none)이어서는 안 된다. data 블록이 없는 핵심 서비스는 자체 데이터가 없는 것으로 보아 여기서는 판단하지 않으며, RTO/RPO 권고가 RPO 신고를 요구한다. 법령이 아닌 복원력 모범 관행이며, 핵심 서비스를 신고한 모든 매니페스트에 적용된다.
#   citation:
#     law: Resilience practice (not law)
#     article: "-"
#     text: "guidance: synchronous or bounded-lag replication for critical data"
#     text_ko: "권고(법령 아님): 핵심 데이터의 동기식 복제 또는 지연 상한이 있는 복제"
#     source: MSIT joint investigation of the 2022-10-15 Pangyo datacenter fire (2022-12-06); resilience practice
#     guidance: true
#   remediation:
#     en: Replicate each critical service's data to another datacenter synchronously, or asynchronously with a monitored lag bound declared as data.rpoMinutes.
#     ko: 핵심 서비스의 데이터를 다른 데이터센터로 동기 복제하거나, 지연을 감시하는 비동기 복제로 구성하고 그 상한을 data.rpoMinutes로 신고하십시오.
#   frameworks:
#     - resilience-practice
#   in_force:
#     - from: "2000-01-01"
#       label: guidance
#       citation: resilience practice (not law)
package resilcheck.controls.guide_replication

import data.resilcheck.lib.governance
import data.resilcheck.lib.inforce
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

# stateful maps the index of each critical service with a data block to that block.
stateful := {i: {"id": s.id, "data": s.data} |
	some i, s in governance.critical_services
	s.data
}

violations contains {
	"msg": sprintf("critical service %s does not declare how its data is replicated (data.replication)", [svc.id]),
	"msg_ko": sprintf("핵심 서비스 %s의 데이터 복제 방식(data.replication)이 신고되지 않았습니다.", [svc.id]),
	"pointer": governance.pointer(["services", i, "data"]),
	"evidence": {"service": svc.id, "missing": "data.replication"},
} if {
	applies
	some i, svc in stateful
	not svc.data.replication
}

violations contains {
	"msg": sprintf("critical service %s does not replicate its data (replication: none)", [svc.id]),
	"msg_ko": sprintf("핵심 서비스 %s의 데이터가 복제되지 않습니다(replication: none).", [svc.id]),
	"pointer": governance.pointer(["services", i, "data", "replication"]),
	"evidence": {"service": svc.id, "replication": "none"},
} if {
	applies
	some i, svc in stateful
	svc.data.replication == "none"
}

# Asynchronous replication without a declared RPO has no known bound on the data lost with
# a site.
violations contains {
	"msg": sprintf("critical service %s replicates asynchronously with no declared lag bound (data.rpoMinutes)", [svc.id]),
	"msg_ko": sprintf("핵심 서비스 %s의 데이터는 비동기로 복제되지만 지연 상한(data.rpoMinutes)이 신고되지 않았습니다.", [svc.id]),
	"pointer": governance.pointer(["services", i, "data"]),
	"evidence": {"service": svc.id, "replication": "async", "missing": "data.rpoMinutes"},
} if {
	applies
	some i, svc in stateful
	svc.data.replication == "async"
	not "rpoMinutes" in object.keys(svc.data)
}
