package reports

import (
	"strconv"

	"github.com/resilcheck/resilcheck/internal/audit"
)

// catalogue holds every fixed string the human-readable formats print, in English and
// Korean. Keeping it in one place lets a test prove that no key lacks a translation and
// lets a reviewer who reads Korean check the wording in one sitting.
var catalogue = map[string][2]string{
	// Statuses and severities.
	"status.error":          {"error", "오류"},
	"status.fail":           {"fail", "미준수"},
	"status.waived":         {"waived", "예외 승인"},
	"status.pass":           {"pass", "준수"},
	"status.not_applicable": {"n/a", "해당 없음"},
	"severity.critical":     {"critical", "치명"},
	"severity.high":         {"high", "높음"},
	"severity.medium":       {"medium", "보통"},
	"severity.low":          {"low", "낮음"},
	"severity.info":         {"info", "정보"},
	"kind.law":              {"law", "법령"},
	"kind.guideline":        {"guideline", "지침(보도)"},
	"kind.guidance":         {"guidance", "권고"},

	// What a period of a duty rests on (audit.Period.Label); law prints nothing.
	"basis.law-older-wording-reported": {"statute, older wording reported", "법령(당시 조문은 보도 기준)"},
	"basis.guideline":                  {"guideline, reported", "지침(보도 기준)"},
	"basis.reported":                   {"reported, not in statute text", "보도 기준(법령 원문 외)"},
	"basis.interpretation":             {"interpretation", "해석"},
	"basis.guidance":                   {"guidance, not law", "권고(법령 아님)"},

	// Site-loss reasons and failure-domain kinds (codes from audit.ServiceImpact and
	// audit.FailureDomain; unknown codes print as they are).
	"term.no-surviving-deployment": {"no surviving deployment", "잔존 배포 없음"},
	"term.insufficient-capacity":   {"insufficient capacity", "잔존 용량 부족"},
	"term.standby-unreachable":     {"standby unreachable", "대기 시스템 전환 불가"},
	"term.cold-standby-too-slow":   {"cold standby too slow", "콜드 스탠바이 전환 지연"},
	"term.standby-too-slow":        {"standby too slow", "대기 시스템 전환 지연"},
	"term.dependency-lost":         {"dependency lost", "의존 서비스 손실"},
	"term.dependency-cycle":        {"dependency cycle", "의존성 순환"},
	"term.datacenter":              {"datacenter", "데이터센터"},
	"term.power-feed":              {"power feed", "전력 인입"},
	"term.building":                {"building", "건물"},
	"term.combination":             {"combination", "복합 장애"},

	// Headings.
	"title":                  {"Resilience compliance audit", "재난·장애 대응 규제 준수 점검 보고서"},
	"heading.summary":        {"Summary", "요약"},
	"heading.failures":       {"Failures", "미준수 항목"},
	"heading.findings":       {"Findings", "미준수·예외·오류 항목"},
	"heading.waived":         {"Waived", "예외 승인 항목"},
	"heading.errors":         {"Errors", "오류"},
	"heading.problems":       {"Input problems", "입력 문제"},
	"heading.byreg":          {"Controls by regulation", "법령별 점검 항목"},
	"heading.passes":         {"Passed and not applicable", "준수 및 해당 없음"},
	"heading.notapplicable":  {"Not applicable, and why", "해당 없음과 그 사유"},
	"heading.passnotes":      {"Notes on passing controls", "준수 항목의 참고 사항"},
	"heading.scopes":         {"Scope decisions", "적용 대상 판정"},
	"heading.matrix":         {"Control matrix", "점검 항목 매트릭스"},
	"heading.siteloss":       {"Site-loss analysis", "사이트 손실 분석"},
	"heading.metadata":       {"Audit metadata", "점검 메타데이터"},
	"heading.providers":      {"Providers", "사업자"},
	"heading.manifest":       {"Manifest", "매니페스트"},
	"heading.cycles":         {"Dependency cycles", "의존성 순환"},
	"heading.portfolio":      {"Portfolio", "전체 현황"},
	"heading.worstproviders": {"Providers, worst first", "사업자별 결과 (미준수 많은 순)"},
	"heading.failingmost":    {"Controls failing most", "미준수가 많은 점검 항목"},

	// Labels.
	"label.control":       {"Control", "점검 항목"},
	"label.inforce":       {"In force on the audit date", "점검일 기준 시행 조문"},
	"label.note":          {"Note", "참고"},
	"label.title":         {"Title", "제목"},
	"label.severity":      {"Severity", "심각도"},
	"label.kind":          {"Kind", "구분"},
	"label.status":        {"Status", "결과"},
	"label.citation":      {"Legal basis", "근거 법령"},
	"label.law":           {"Law", "법령"},
	"label.article":       {"Article", "조문"},
	"label.location":      {"Location", "위치"},
	"label.finding":       {"Finding", "지적 사항"},
	"label.evidence":      {"Evidence", "근거 자료"},
	"label.remediation":   {"Remediation", "조치 방법"},
	"label.reason":        {"Reason", "사유"},
	"label.waiver":        {"Waiver", "예외 승인"},
	"label.inbaseline":    {"in the baseline", "기준 보고서에 있던 항목"},
	"label.approvedby":    {"approved by", "승인자"},
	"label.expires":       {"expires", "만료일"},
	"label.provider":      {"Provider", "사업자"},
	"label.file":          {"File", "파일"},
	"label.manifest":      {"Manifest", "매니페스트"},
	"label.manifests":     {"manifests", "개 매니페스트"},
	"label.manifests.one": {"manifest", "개 매니페스트"},
	"label.controls.one":  {"control", "개 점검 항목"},
	"label.controls":      {"controls", "개 점검 항목"},
	"label.results":       {"Results", "결과"},
	"label.scope":         {"Scope", "적용 대상"},
	"label.applies":       {"applies", "적용"},
	"label.notapplies":    {"does not apply", "비적용"},
	"label.basis":         {"Basis", "근거"},
	"label.domain":        {"Lost", "손실 범위"},
	"label.datacenters":   {"Datacenters", "데이터센터"},
	"label.unavailable":   {"Unavailable services", "중단되는 서비스"},
	"label.surviving":     {"Surviving", "유지되는 서비스"},
	"label.morelost":      {"… and %d more lost with them (the JSON report's site_loss.dependents links each to what it is lost through)", "… 외 %d개 서비스도 함께 중단됩니다(JSON 보고서의 site_loss.dependents에 각 서비스가 어떤 의존 서비스로 인해 중단되는지 있습니다)"},
	"label.why":           {"Why", "원인"},
	"label.none":          {"none", "없음"},
	"label.tool":          {"Tool", "도구"},
	"label.opa":           {"OPA", "OPA"},
	"label.go":            {"Go", "Go"},
	"label.bundle":        {"Policy bundle", "정책 번들"},
	"label.custom":        {"Custom policies", "사용자 정책"},
	"label.asof":          {"As of", "기준일"},
	"label.command":       {"Command", "명령"},
	"label.settings":      {"Settings file", "설정 파일"},
	"label.inputs":        {"Inputs", "입력 파일"},
	"label.exitcode":      {"Exit code", "종료 코드"},
	"label.total":         {"Total", "합계"},
	"label.regulation":    {"Regulation", "법령"},
	"label.pointer":       {"Pointer", "포인터"},
	"label.nofailures":    {"No failures.", "미준수 항목이 없습니다."},
	"label.notevaluated":  {"not evaluated", "평가되지 않음"},
	"label.details":       {"details", "상세"},
	"label.skipped.na":    {"not applicable", "해당 없음"},
	"label.noreason":      {"no reason given", "사유 없음"},
	"label.andmore":       {"(and %d more)", "(외 %d건)"},

	// A sweep's portfolio and what its markdown report leaves out (the numbers are counts).
	"label.manifestcount":    {"Manifests", "매니페스트 수"},
	"label.failingmanifests": {"Failing manifests", "미준수 매니페스트 수"},
	"label.portfolio": {"%d manifests from %d providers. Providers are listed worst first: by failures, then errors, then name.",
		"%d개 매니페스트, %d개 사업자. 사업자는 미준수가 많은 순, 다음으로 오류가 많은 순, 그다음 이름순으로 보입니다."},
	"label.moreproviders": {"…and %d more providers (%d manifests): see the JSON or SARIF report.",
		"외 %d개 사업자(%d개 매니페스트)는 JSON 또는 SARIF 보고서를 참고하십시오."},
	"label.sweepleftout": {"This is a sweep: the details below cover the %d worst manifests (by failures, then errors) and leave out those of the other %d, the notes on passing controls, why controls do not apply and the input digests, so that the report stays readable. The JSON report has every verdict, the SARIF report every finding.",
		"대량 점검 보고서입니다. 아래 상세 내용은 미준수·오류가 가장 많은 %d개 매니페스트만 다루며, 읽기 쉽도록 나머지 %d개 매니페스트의 상세, 준수 항목의 참고 사항, 해당 없음 사유와 입력 파일 해시는 생략했습니다. 모든 판정은 JSON 보고서에, 모든 지적 사항은 SARIF 보고서에 있습니다."},
	"label.sweepnodetail": {"The failures are counted above; their details did not fit this report: see the JSON or SARIF report.",
		"미준수 항목은 위 표에 집계되어 있으며, 상세 내용은 이 보고서에 담지 못했습니다. JSON 또는 SARIF 보고서를 참고하십시오."},
	"label.moreproblems": {"…and %d more input problems: see the JSON or SARIF report.",
		"외 입력 문제 %d건은 JSON 또는 SARIF 보고서를 참고하십시오."},
	"label.sweepinputs": {"%d files; their SHA-256 digests are in the JSON report", "%d개 파일 (SHA-256 해시는 JSON 보고서에 있음)"},

	// Regulation groups of the control matrix (audit.Control.Regulation); a custom
	// policy's group prints as it is.
	"reg.BCDA":        {"BCDA", "방송통신발전 기본법"},
	"reg.TBA":         {"TBA", "전기통신사업법"},
	"reg.Network Act": {"Network Act", "정보통신망법"},
	"reg.Cloud Act":   {"Cloud Act", "클라우드컴퓨팅법"},
	"reg.Guidance":    {"Guidance", "권고(법령 아님)"},

	// Site-loss phrases (audit.Phrase codes from policies/lib/siteloss.rego): {name} is an
	// argument, {name/이} the argument with the particle that fits its last sound. The
	// Korean of the causes is also in siteloss.rego's korean(), for the controls' Korean
	// messages; TestPhrasesMatchThePolicies holds the two equal.
	"phrase.only-active-in":              {"only active in {where}", "{where}에서만 활성"},
	"phrase.only-deployed-in":            {"only deployed in {where}", "{where}에만 배치"},
	"phrase.all-deployments-lost":        {"every deployment is in the lost datacenter(s) {where}", "모든 배포가 손실된 데이터센터 {where}에 있음"},
	"phrase.capacity-left":               {"{left}% capacity left outside {where}, {required}% required", "{where} 밖의 잔존 용량 {left}%, 필요 용량 {required}%"},
	"phrase.capacity-short":              {"the deployments outside {where} carry {left}% of the load even after failover; {required}% is required", "장애 전환 후에도 {where} 밖의 배포는 부하의 {left}%만 감당하며 {required}%가 필요함"},
	"phrase.standby-too-slow":            {"the surviving {where} cannot take over within the RTO", "남은 {where}의 대기 시스템이 RTO 안에 전환할 수 없음"},
	"phrase.standby-needs":               {"{mode} standby in {datacenter} needs {minutes} min, RTO {rto} min", "{mode}({datacenter})의 전환에 {minutes}분 필요, RTO {rto}분"},
	"phrase.cold-no-recovery-time":       {"cold standby in {datacenter} has no declared recovery time", "{datacenter}의 콜드 스탠바이에 복구 시간 미신고"},
	"phrase.cold-no-rto":                 {"cold standby in {datacenter} but no RTO is declared", "{datacenter}에 콜드 스탠바이가 있으나 RTO 미신고"},
	"phrase.failover-no-rto":             {"survives by failover to {where}; no RTO is declared, so the failover time is not judged", "{where/로} 장애 전환하여 유지됨(RTO가 신고되지 않아 전환 시간은 판단하지 않음)"},
	"phrase.failover-within-rto":         {"survives by failover to {where} within the RTO of {rto} min", "RTO {rto}분 안에 {where/로} 장애 전환하여 유지됨"},
	"phrase.failover-depends-on-service": {"its failover is performed by {tooling}, which itself depends on {service}", "장애 전환을 수행하는 {tooling} 서비스가 {service} 서비스에 의존함"},
	"phrase.failover-tooling-lost":       {"the standby in {takeover} could take over, but its failover is performed by {tooling}, which is lost", "{takeover}의 대기 시스템이 넘겨받을 수 있으나 장애 전환을 수행하는 {tooling} 서비스가 손실됨"},
	"phrase.dependency-lost":             {"depends on {via}, which is lost", "의존하는 {via} 서비스가 손실됨"},
	"phrase.dependency-cycle-with":       {"is in a dependency cycle with {via}, which is lost", "손실된 {via} 서비스와 의존성 순환 관계임"},
	"phrase.failover-needs-dependent":    {"failover needs {tooling}, which depends on {service}", "장애 전환에 필요한 {tooling} 서비스가 {service}에 의존"},
	"phrase.failover-loop":               {"lost in a failover loop", "장애 전환 순환으로 손실"},
	"phrase.failover-needs-lost":         {"its failover needs {tooling}, which is lost", "장애 전환에 필요한 {tooling} 서비스도 손실"},
	"phrase.lost-through-dependencies":   {"lost through its own dependencies", "자체 의존 서비스를 통해 손실"},
	"mode.active":                        {"active", "활성"},
	"mode.standby":                       {"standby", "대기 시스템"},
	"mode.cold":                          {"cold", "콜드 대기 시스템"},

	// Core functions (services[].coreFunction), as evidence names them.
	"fn.messaging":            {"messaging", "메시지 수발신"},
	"fn.authentication":       {"authentication", "인증"},
	"fn.payment":              {"payment", "결제"},
	"fn.mobility":             {"mobility", "모빌리티"},
	"fn.maps":                 {"maps", "지도"},
	"fn.mail":                 {"mail", "메일"},
	"fn.search":               {"search", "검색"},
	"fn.content":              {"content", "콘텐츠"},
	"fn.commerce":             {"commerce", "커머스"},
	"fn.cloud-infrastructure": {"cloud infrastructure", "클라우드 인프라"},
	"fn.operations-tooling":   {"operations tooling", "운영 도구"},
	"fn.other":                {"other", "기타"},

	// Units of evidence values.
	"unit.d":       {"d", "일"},
	"unit.h":       {"h", "시간"},
	"unit.min":     {"min", "분"},
	"unit.days":    {"days", "일"},
	"unit.seconds": {"s", "초"},

	// Coded evidence values (labels, reasons, modes) worded for the reader.
	"value.yes":                        {"yes", "예"},
	"value.no":                         {"no", "아니요"},
	"value.none":                       {"none", "없음"},
	"value.law":                        {"law", "법령"},
	"value.interpretation":             {"interpretation", "해석"},
	"value.reported":                   {"reported", "보도 기준"},
	"value.guideline":                  {"guideline", "지침"},
	"value.guidance":                   {"guidance", "권고"},
	"value.audit-default":              {"audit default", "점검 기본값"},
	"value.async":                      {"asynchronous", "비동기"},
	"value.sync":                       {"synchronous", "동기"},
	"value.no-surviving-deployment":    {"no surviving deployment", "잔존 배포 없음"},
	"value.insufficient-capacity":      {"insufficient capacity", "잔존 용량 부족"},
	"value.standby-unreachable":        {"standby unreachable", "대기 시스템 전환 불가"},
	"value.cold-standby-too-slow":      {"cold standby too slow", "콜드 스탠바이 전환 지연"},
	"value.standby-too-slow":           {"standby too slow", "대기 시스템 전환 지연"},
	"value.dependency-lost":            {"dependency lost", "의존 서비스 손실"},
	"value.dependency-cycle":           {"dependency cycle", "의존성 순환"},
	"value.law-older-wording-reported": {"statute, older wording reported", "법령(당시 조문은 보도 기준)"},

	// Fixed sentences some controls give as evidence values, worded for the Korean reader.
	"value.no data block declared: data survival not judged": {"no data block declared: data survival not judged", "data 블록 미신고: 데이터 유지 여부는 판단하지 않음"},
	"value.from detection (audit default)":                   {"from detection (audit default)", "탐지 시각부터(점검 기본값)"},

	// Evidence keys (the controls' evidence objects), as an auditor reads them.
	"ev.achieved_rto_minutes":               {"Achieved RTO", "달성 RTO"},
	"ev.active_datacenters":                 {"Active datacenters", "활성 데이터센터"},
	"ev.age_days":                           {"Age", "경과 일수"},
	"ev.allowed":                            {"Allowed", "허용 값"},
	"ev.appointed":                          {"Appointed", "지정 여부"},
	"ev.as_of":                              {"Audit date", "점검 기준일"},
	"ev.backup_datacenters":                 {"Backup datacenters", "백업 데이터센터"},
	"ev.basis":                              {"Basis", "근거"},
	"ev.capacity_kwh":                       {"Battery capacity", "배터리 용량"},
	"ev.cause":                              {"Cause", "원인"},
	"ev.cause_mapping_label":                {"Cause reading source", "원인 대응 구분"},
	"ev.cause_mapping_note":                 {"Cause reading", "원인 대응 해석"},
	"ev.chain":                              {"Chain to the cause", "원인까지의 연쇄"},
	"ev.channels":                           {"Channels", "고지 방법"},
	"ev.chemistry":                          {"Battery chemistry", "배터리 종류"},
	"ev.citation":                           {"Citation", "근거 조문"},
	"ev.clock":                              {"Clock starts", "기한 기산점"},
	"ev.colocation":                         {"Colocation", "임대형 시설"},
	"ev.commissioned_basis":                 {"Commissioning basis", "사용 개시 판단 근거"},
	"ev.commissioned_on":                    {"Commissioned on", "사용 개시일"},
	"ev.contents":                           {"Contents", "내용"},
	"ev.core_function":                      {"Core function", "핵심 기능"},
	"ev.coverage_krw":                       {"Coverage", "보상 한도"},
	"ev.critical_facility":                  {"Critical facility", "중요 시설"},
	"ev.cutover_label":                      {"Cut-over source", "개정 적용 구분"},
	"ev.cutover_note":                       {"Cut-over", "개정 전후 적용"},
	"ev.daily_users":                        {"Daily users", "일 이용자 수"},
	"ev.data":                               {"Data", "데이터"},
	"ev.datacenter":                         {"Datacenter", "데이터센터"},
	"ev.datacenters":                        {"Datacenters", "데이터센터"},
	"ev.days_late":                          {"Days late", "지연 일수"},
	"ev.deadline":                           {"Deadline", "기한"},
	"ev.dedicated_department":               {"Dedicated department", "전담부서"},
	"ev.dedicated_staff":                    {"Dedicated staff", "전담인력"},
	"ev.department_min_telecom_revenue_krw": {"Revenue above which a department is required", "전담부서가 필요한 매출 기준"},
	"ev.detail":                             {"Detail", "상세"},
	"ev.detected_at":                        {"Detected at", "탐지 시각"},
	"ev.distinct_feeds":                     {"Distinct feeds", "서로 다른 인입 수"},
	"ev.due":                                {"Due", "기한"},
	"ev.duty_arose_at":                      {"Duty arose at", "의무 발생 시각"},
	"ev.energy_mwh":                         {"Battery energy", "배터리 에너지"},
	"ev.example":                            {"Example", "예시"},
	"ev.exempt_services":                    {"Exempt services", "면제 서비스"},
	"ev.failure":                            {"Failure", "손실 범위"},
	"ev.failure_domain":                     {"Failure", "손실 범위"},
	"ev.field":                              {"Field", "항목"},
	"ev.first_notice_at":                    {"First notice", "최초 고지"},
	"ev.first_plan_label":                   {"First plan source", "최초 계획 구분"},
	"ev.first_plan_note":                    {"First plan owed", "최초 제출 계획"},
	"ev.gap_minutes":                        {"Gap", "간격"},
	"ev.generators":                         {"Generators", "비상발전기"},
	"ev.grading_year":                       {"Grading year", "등급 분류 연도"},
	"ev.immediately_minutes":                {"Immediately", "즉시 기준"},
	"ev.in_force_from":                      {"In force from", "시행일"},
	"ev.incident":                           {"Incident", "장애"},
	"ev.insured_since":                      {"Insured since", "보험 가입일"},
	"ev.issued_on":                          {"Issued on", "발령일"},
	"ev.item":                               {"Item", "호"},
	"ev.label":                              {"Source", "근거 구분"},
	"ev.last_drill":                         {"Last drill", "마지막 훈련"},
	"ev.last_inspection_on":                 {"Last inspection", "마지막 검사일"},
	"ev.last_site_loss_drill":               {"Last site-loss drill", "마지막 사이트 손실 훈련"},
	"ev.late_contents":                      {"Contents given late", "늦게 안내된 내용"},
	"ev.late_minutes":                       {"Late by", "지연 시간"},
	"ev.lessor":                             {"Lessor", "임대 사업자"},
	"ev.limit_basis":                        {"Limit basis", "기준 근거"},
	"ev.limit_label":                        {"Limit source", "기준 구분"},
	"ev.limit_minutes":                      {"Limit", "기준 시간"},
	"ev.limit_mwh":                          {"Limit", "기준"},
	"ev.limit_seconds":                      {"Limit", "기준"},
	"ev.lost_datacenter":                    {"Lost datacenter", "손실 데이터센터"},
	"ev.lost_with":                          {"Lost with", "함께 손실되는 범위"},
	"ev.maintenance":                        {"Maintenance", "점검 작업"},
	"ev.max_age_days":                       {"Maximum age", "최대 경과 일수"},
	"ev.max_days":                           {"Maximum", "최대 일수"},
	"ev.measure":                            {"Measure", "조치"},
	"ev.min_active_datacenters":             {"Minimum active datacenters", "최소 활성 데이터센터 수"},
	"ev.min_datacenters":                    {"Minimum datacenters", "최소 데이터센터 수"},
	"ev.min_feeds":                          {"Minimum feeds", "최소 인입 수"},
	"ev.min_generators":                     {"Minimum generators", "최소 비상발전기 수"},
	"ev.min_kwh":                            {"Capacity above which inspected", "검사 대상 용량 기준"},
	"ev.min_sites":                          {"Minimum sites", "최소 사이트 수"},
	"ev.min_staff":                          {"Minimum staff", "최소 인원"},
	"ev.min_telecom_revenue_krw":            {"Revenue threshold", "매출 기준"},
	"ev.missing":                            {"Missing", "누락 항목"},
	"ev.missing_contents":                   {"Missing contents", "누락 내용"},
	"ev.not_exempt_because":                 {"Not exempt because", "면제되지 않는 이유"},
	"ev.notice_due":                         {"Notice due", "고지 기한"},
	"ev.notice_minutes":                     {"Notice within", "통지 기한"},
	"ev.notified_at":                        {"Notified at", "통지 시각"},
	"ev.officer":                            {"Officer", "책임자"},
	"ev.ongoing":                            {"Ongoing", "진행 중"},
	"ev.operates_datacenter":                {"Operates a datacenter", "데이터센터 운영"},
	"ev.operating_since":                    {"Operating since", "운영 개시일"},
	"ev.order":                              {"Order", "명령"},
	"ev.other_deployments":                  {"Other deployments", "다른 배포"},
	"ev.outage_minutes":                     {"Outage", "중단 시간"},
	"ev.performed_by":                       {"Performed by", "수행 서비스"},
	"ev.plan_year":                          {"Plan year", "계획 연도"},
	"ev.power_mw":                           {"Power", "전력 용량"},
	"ev.reason":                             {"Reason", "사유"},
	"ev.regime_start":                       {"Regime start", "제도 시행일"},
	"ev.relied_on_by":                       {"Relied on by", "의존하는 서비스"},
	"ev.replica_datacenters":                {"Replica datacenters", "복제본 데이터센터"},
	"ev.replication":                        {"Replication", "복제 방식"},
	"ev.report_at":                          {"Reported at", "보고 시각"},
	"ev.report_year":                        {"Report year", "보고 연도"},
	"ev.reported_at":                        {"Reported at", "보고 시각"},
	"ev.request":                            {"Request", "요청"},
	"ev.restored_at":                        {"Restored at", "복구 시각"},
	"ev.result":                             {"Result", "결과"},
	"ev.revenue_krw":                        {"Revenue", "매출액"},
	"ev.room":                               {"Room", "실"},
	"ev.rto_minutes":                        {"RTO", "RTO"},
	"ev.rule":                               {"Rule applied", "적용 규정"},
	"ev.same_loss":                          {"Same loss", "같은 손실"},
	"ev.sampling_seconds":                   {"Sampling interval", "측정 주기"},
	"ev.scenario":                           {"Scenario", "시나리오"},
	"ev.separated_from_ups":                 {"Separated from the UPS", "UPS와 분리"},
	"ev.server_room_m2":                     {"Server room area", "전산실 면적"},
	"ev.service":                            {"Service", "서비스"},
	"ev.services":                           {"Services", "서비스"},
	"ev.shared_buildings":                   {"Shared buildings", "공유 건물"},
	"ev.standby":                            {"Standby", "대기 시스템"},
	"ev.started_at":                         {"Started at", "발생 시각"},
	"ev.started_on":                         {"Started on", "시작일"},
	"ev.submitted":                          {"Submitted", "제출"},
	"ev.substations":                        {"Substations", "변전소"},
	"ev.telecom_revenue_krw":                {"Telecom revenue", "전기통신 매출액"},
	"ev.tenant":                             {"Tenant", "시설이용자"},
	"ev.threshold_basis":                    {"Threshold basis", "기준 시간 근거"},
	"ev.threshold_label":                    {"Threshold source", "기준 시간 구분"},
	"ev.threshold_minutes":                  {"Threshold", "기준 시간"},
	"ev.tool":                               {"Tool", "도구"},
	"ev.tool_chain":                         {"Tool's chain to the cause", "도구가 손실되는 연쇄"},
	"ev.traffic_share_pct":                  {"Traffic share", "트래픽 비중"},
	"ev.traffic_threshold_pct":              {"Traffic threshold", "트래픽 기준"},
	"ev.uninsured_days":                     {"Uninsured", "무보험 기간"},
	"ev.ups_bypass":                         {"UPS bypass", "UPS 우회 경로"},
	"ev.users_threshold":                    {"Users threshold", "이용자 수 기준"},
	"ev.value":                              {"Value", "값"},
	"ev.via":                                {"Via", "경유"},
	"ev.via_lost_through":                   {"Dependency lost through", "의존 서비스 손실 경로"},
	"ev.via_lost_through_count":             {"Dependencies lost through", "의존 서비스 손실 경로 수"},
	"ev.window_anchor_label":                {"Window anchor source", "24시간 기준 구분"},
	"ev.window_anchor_note":                 {"Window anchor", "24시간 기준 시점"},
	"ev.window_note":                        {"Measurement window", "측정 기간"},
	"ev.without_delay_label":                {"Without-delay source", "지체 없이 기준 구분"},
	"ev.without_delay_minutes":              {"Without delay", "지체 없이 기준"},
	"ev.year":                               {"Year", "연도"},
	"ev.zone_cutoff":                        {"Zone cut-off", "구역별 차단"},
	"ev.zone_power_isolation":               {"Zone power isolation", "구역별 전원 차단"},
}

// tr returns the catalogue entry for key in lang. An unknown key comes back as itself so a
// missing entry is visible in the output instead of blank (the catalogue test catches it).
func tr(lang, key string) string {
	e, ok := catalogue[key]
	if !ok {
		return key
	}
	if lang == "ko" {
		return e[1]
	}
	return e[0]
}

func statusWord(lang string, s audit.Status) string { return tr(lang, "status."+string(s)) }

func severityWord(lang string, s audit.Severity) string {
	if !s.Valid() {
		return string(s)
	}
	return tr(lang, "severity."+string(s))
}

func kindWord(lang string, k audit.Kind) string {
	if k != audit.KindLaw && k != audit.KindGuideline && k != audit.KindGuidance {
		return string(k)
	}
	return tr(lang, "kind."+string(k))
}

// count is "3 manifests" in English and "3개 매니페스트" in Korean, where the counter
// attaches to the number.
func count(lang string, n int, key string) string {
	if lang == "ko" {
		return strconv.Itoa(n) + tr(lang, key)
	}
	if _, ok := catalogue[key+".one"]; ok && n == 1 {
		key += ".one"
	}
	return strconv.Itoa(n) + " " + tr(lang, key)
}

// term translates a code from the model (a site-loss reason, a failure-domain kind),
// leaving codes the catalogue does not know as they are.
func term(lang, code string) string {
	if _, ok := catalogue["term."+code]; !ok {
		return code
	}
	return tr(lang, "term."+code)
}

// paramBasisKo words the bases of the regulatory parameters (policies/data/params.rego,
// "basis") in Korean, for `resilcheck explain --lang ko`, and the bases and citations the
// controls give as evidence, for Korean reports. The table has one entry per basis the bundle
// uses; TestEveryParameterBasisIsTranslated fails on a new parameter basis without its
// Korean, TestKoreanReportsHaveNoEnglishProse on a new evidence basis, rather than let
// English into a Korean page. A bare "Decree Art." names the decree of the law the control
// applies (each number is used by one law in the bundle). A --data override's basis is the
// user's own words and stays as written.
var paramBasisKo = map[string]string{
	"BCDA Art. 35(1)1; Decree Art. 23(1) (wording before 2023-07-04 not in the statute texts: current number used)": "방송통신발전 기본법 제35조제1항제1호; 같은 법 시행령 제23조제1항(2023-07-04 전 조문은 법령 원문에 없어 현행 조문 번호 사용)",
	"BCDA Art. 35(1)1; Decree Art. 23(1)":                     "방송통신발전 기본법 제35조제1항제1호; 같은 법 시행령 제23조제1항",
	"BCDA Art. 35(1)4; Decree Art. 23(2)":                     "방송통신발전 기본법 제35조제1항제4호; 같은 법 시행령 제23조제2항",
	"BCDA Art. 35(1)5; Decree Art. 23(3)":                     "방송통신발전 기본법 제35조제1항제5호; 같은 법 시행령 제23조제3항",
	"BCDA Art. 35-3":                                          "방송통신발전 기본법 제35조의3",
	"BCDA Art. 36(2); Decree Art. 24":                         "방송통신발전 기본법 제36조제2항; 같은 법 시행령 제24조",
	"BCDA Art. 38(1) 'without delay': audit default, not law": "방송통신발전 기본법 제38조제1항 '지체 없이': 점검 기본값(법령 아님)",
	"BCDA Art. 39(4); Decree Art. 27 'from time to time until it ends': audit default, not law": "방송통신발전 기본법 제39조제4항; 같은 법 시행령 제27조 '종료 시까지 수시로': 점검 기본값(법령 아님)",
	"BCDA Art. 39(4); Decree Art. 27 report until the disaster ends: audit default, not law":    "방송통신발전 기본법 제39조제4항; 같은 법 시행령 제27조 재난 종료 시까지 보고: 점검 기본값(법령 아님)",
	"BCDA Art. 39-2(1); Decree Art. 27-2(1)-(2)":                                                "방송통신발전 기본법 제39조의2제1항; 같은 법 시행령 제27조의2제1항 및 제2항",
	"Cloud Act Art. 25(1)3 'without delay': audit default, not law":                             "클라우드컴퓨팅법 제25조제1항제3호 '지체 없이': 점검 기본값(법령 아님)",
	"Cloud Act Art. 25(1)3; Decree Art. 16":                                                     "클라우드컴퓨팅법 제25조제1항제3호; 같은 법 시행령 제16조",
	"Cloud Act Art. 25(2) 'immediately': audit default, not law":                                "클라우드컴퓨팅법 제25조제2항 '즉시': 점검 기본값(법령 아님)",
	"Cloud Act Art. 27(4); Decree Art. 19(2)":                                                   "클라우드컴퓨팅법 제27조제4항; 같은 법 시행령 제19조제2항",
	"Cloud Act Art. 27; Decree Art. 19(1)":                                                      "클라우드컴퓨팅법 제27조; 같은 법 시행령 제19조제1항",
	"Cloud Act Decree Art. 17":                                                                  "클라우드컴퓨팅법 시행령 제17조",
	"Decree Art. 27-2(3)":                                                                       "방송통신발전 기본법 시행령 제27조의2제3항",
	"Decree Art. 27-2(1) names who is designated: the head of the department in charge of disaster-related work, or, without one, an officer or employee; an undeclared role shows neither": "방송통신발전 기본법 시행령 제27조의2제1항이 정하는 지정 대상: 재난 관련 업무를 담당하는 부서의 장, 그런 부서가 없으면 임원 또는 직원(직위가 신고되지 않으면 어느 쪽인지 알 수 없음)",
	"Decree Art. 37(2)4": "정보통신망법 시행령 제37조제2항제4호",
	"Decree Art. 37(2)5": "정보통신망법 시행령 제37조제2항제5호",
	"reported Electrical Safety Management Act rule, not in the statute texts and not a Network Act duty": "전기안전관리법 시행규칙(보도 기준이며 법령 원문에 없고 정보통신망법상 의무 아님)",
	"Network Act Art. 46(1), (7); Decree Art. 37(1)-(2), 41 1":                                            "정보통신망법 제46조제1항 및 제7항; 같은 법 시행령 제37조제1항·제2항, 제41조제1호",
	"Electrical Safety Management Act / Electric Utility Act enforcement rules as amended 2023-12-06 (reported, not verified in statute text): UPS installed before 2024-07-01 inspected by 2025-06-30": "전기안전관리법·전기사업법 시행규칙 2023-12-06 개정(보도 내용이며 법령 원문으로 확인되지 않음): 2024-07-01 전에 설치된 UPS는 2025-06-30까지 검사",
	"Electrical Safety Management Act / Electric Utility Act enforcement rules as amended 2023-12-06, from 2024-07-01 (reported, not verified in statute text)":                                         "전기안전관리법·전기사업법 시행규칙 2023-12-06 개정, 2024-07-01부터(보도 내용이며 법령 원문으로 확인되지 않음)",
	"MSIT datacenter protection guideline 2024 (reported)":                           "과학기술정보통신부 집적정보통신시설 보호조치 기준 2024년 개정(보도 기준)",
	"Network Act Art. 46(1)2; Decree Art. 37(1)2나":                                   "정보통신망법 제46조제1항제2호; 같은 법 시행령 제37조제1항제2호나목",
	"Network Act Art. 46(1)2; Decree Art. 37(1)2다":                                   "정보통신망법 제46조제1항제2호; 같은 법 시행령 제37조제1항제2호다목",
	"Network Act Art. 46(1); Decree Art. 37(1)1, 2가":                                 "정보통신망법 제46조제1항; 같은 법 시행령 제37조제1항제1호, 제2호가목",
	"Network Act Art. 46(6) 'without delay': audit default, not law":                 "정보통신망법 제46조제6항 '지체 없이': 점검 기본값(법령 아님)",
	"Network Act Art. 46(6) (added 2023-01-03, in force 2023-07-04); Decree Art. 40": "정보통신망법 제46조제6항(2023-01-03 신설, 2023-07-04 시행); 같은 법 시행령 제40조",
	"Network Act Art. 46(6) (added 2023-01-03, in force 2023-07-04); Decree Art. 40(1) 'within 24 hours' (law); where the 24 hours start is not fixed: any 24-hour span (audit default)": "정보통신망법 제46조제6항(2023-01-03 신설, 2023-07-04 시행); 같은 법 시행령 제40조제1항 '24시간 이내'(법령); 24시간의 기산점은 정해져 있지 않음: 임의의 24시간(점검 기본값)",
	"Network Act Art. 46-2 'immediately': audit default, not law":                  "정보통신망법 제46조의2 '즉시': 점검 기본값(법령 아님)",
	"Network Decree Art. 41 2: no period in law; audit default as 'without delay'": "정보통신망법 시행령 제41조제2호: 법정 기한 없음, '지체 없이'로 보는 점검 기본값",
	"TBA Art. 22-7(3)":                                                                                            "전기통신사업법 제22조의7제3항",
	"TBA Art. 22-7; Decree Art. 30-8(1)":                                                                          "전기통신사업법 제22조의7; 같은 법 시행령 제30조의8제1항",
	"TBA Art. 32-10(2); Decree Art. 37-12(1)":                                                                     "전기통신사업법 제32조의10제2항; 같은 법 시행령 제37조의12제1항",
	"TBA Art. 32-10(4); Decree Art. 37-12(3)":                                                                     "전기통신사업법 제32조의10제4항; 같은 법 시행령 제37조의12제3항",
	"TBA Art. 33(2) 'without delay': audit default, not law":                                                      "전기통신사업법 제33조제2항 '지체 없이': 점검 기본값(법령 아님)",
	"TBA Art. 33(2); Decree Art. 37-21(1)3가":                                                                      "전기통신사업법 제33조제2항; 같은 법 시행령 제37조의21제1항제3호가목",
	"TBA Art. 33(2); Decree Art. 37-21(1)3나":                                                                      "전기통신사업법 제33조제2항; 같은 법 시행령 제37조의21제1항제3호나목",
	"TBA Art. 33(2); Decree Art. 37-21(2)":                                                                        "전기통신사업법 제33조제2항; 같은 법 시행령 제37조의21제2항",
	"TBA Decree Art. 37-11 to 37-13 (as then numbered; reported, not in the statute texts)":                       "전기통신사업법 시행령 제37조의11~제37조의13(당시 조문 번호, 보도 기준이며 법령 원문에 없음)",
	"TBA Decree Art. 37-11 to 37-13 (as then numbered; reported, not in the statute texts): 4 hours":              "전기통신사업법 시행령 제37조의11~제37조의13(당시 조문 번호, 보도 기준이며 법령 원문에 없음): 4시간",
	"TBA Decree Art. 37-11 to 37-13 (as then numbered; reported, not in the statute texts): free services exempt": "전기통신사업법 시행령 제37조의11~제37조의13(당시 조문 번호, 보도 기준이며 법령 원문에 없음): 무료 서비스 제외",
	"TBA Decree Art. 37-12(3), in force 2024-06-30: first public report taken as due 2025-06-30 (audit default)":  "전기통신사업법 시행령 제37조의12제3항(2024-06-30 시행): 첫 공개 보고서 기한을 2025-06-30으로 봄(점검 기본값)",
	"TBA Decree Art. 37-21 (as amended): free services covered":                                                   "전기통신사업법 시행령 제37조의21(개정 후): 무료 서비스 포함",
	"TBA Decree Art. 37-21(1) (as amended): 2 hours":                                                              "전기통신사업법 시행령 제37조의21제1항(개정 후): 2시간",
	"UPS lithium battery inspection duty, from 2024-07-01":                                                        "리튬 배터리 UPS 검사 의무, 2024-07-01부터",
	"resilience practice: a site-loss drill within 12 months":                                                     "복원력 실무(법령 아님): 최근 12개월 안의 사이트 손실 훈련",
}

// ParamBasisIn is a parameter's basis in lang: the Korean wording for "ko" where the table
// has one, else as written.
func ParamBasisIn(basis, lang string) string {
	if lang == "ko" {
		if ko, ok := paramBasisKo[basis]; ok {
			return ko
		}
	}
	return basis
}

// CodeIn words a code of the model in lang for pages outside the reports (explain): group is
// "severity", "kind", "reg" (a regulation group) or "value" (a period's or parameter's
// label). A code the catalogue does not know prints as it is.
func CodeIn(lang, group, code string) string {
	if _, ok := catalogue[group+"."+code]; !ok {
		return code
	}
	return tr(lang, group+"."+code)
}

// pageCatalogue holds the words of the pages other commands print (simulate, rules,
// explain), merged into the catalogue so tr and its tests see one table. The English
// templates take a number and its plural word; the Korean ones pick their arguments by index
// (%[n]) and leave the plural words out.
var pageCatalogue = map[string][2]string{
	"sim.takesdown":       {"takes down %s", "%s 손실"},
	"sim.down":            {"DOWN", "중단"},
	"sim.ok":              {"OK  ", "정상"},
	"sim.problems":        {"  not analysed: %d input %s (listed on standard error)\n", "  분석하지 않음: 입력 문제 %[1]d건(표준 오류에 표시)\n"},
	"sim.unfinished":      {"  not analysed: the evaluation did not finish: %s\n", "  분석하지 않음: 평가가 끝나지 않음: %s\n"},
	"sim.noanalysis":      {"  no site-loss analysis: the policy bundle has none\n", "  사이트 손실 분석 없음: 정책 번들에 분석이 없음\n"},
	"sim.nodatacenters":   {"  no datacenters declared: nothing to take down\n", "  신고된 데이터센터 없음: 손실시킬 대상이 없음\n"},
	"sim.manifest":        {"  %d %s; %d %s analysed, %d %s services down\n", "  서비스 %[1]d개, 분석한 장애 %[3]d건 중 %[5]d건에서 서비스 중단\n"},
	"sim.same":            {"  %s  %s: same as %s\n", "  %[1]s  %[2]s: %[3]s의 경우와 같음\n"},
	"sim.lost":            {"  %s  %s: %d of %d services unavailable\n", "  %[1]s  %[2]s: 서비스 %[4]d개 중 %[3]d개 중단\n"},
	"sim.col.service":     {"SERVICE", "서비스"},
	"sim.col.reason":      {"REASON", "원인"},
	"sim.col.chain":       {"CHAIN", "연쇄"},
	"sim.more":            {"        and %d more %s lost through dependencies on these\n", "        외 %[1]d개 서비스가 이들에 의존하여 함께 중단\n"},
	"sim.surviving":       {"        surviving: %s\n", "        유지: %s\n"},
	"sim.surviving.count": {"        surviving: %d %s\n", "        유지: 서비스 %[1]d개\n"},
	"sim.feedspared":      {"  %s  %s: no datacenter lost (every site on it has another feed)\n", "  %[1]s  %[2]s: 손실되는 데이터센터 없음(연결된 모든 사이트에 다른 전력 인입이 있음)\n"},
	"sim.notours":         {"  %s  %s: none of this manifest's datacenters is lost\n", "  %[1]s  %[2]s: 이 매니페스트의 데이터센터는 손실되지 않음\n"},
	"sim.allsurvive":      {"  %s  %s: all %d services survive\n", "  %[1]s  %[2]s: 서비스 %[3]d개 모두 유지\n"},
	"sim.note":            {"        note: %s %s\n", "        참고: %s: %s\n"},
	"sim.cycle":           {"  dependency cycle: %s → %s\n", "  의존성 순환: %s → %s\n"},
	"sim.sum.unfinished":  {"simulate: the evaluation of %d %s did not finish\n", "simulate: 매니페스트 %[1]d개의 평가가 끝나지 않음\n"},
	"sim.sum.loss":        {"simulate: %d of %d %s %s services down\n", "simulate: 장애 %[2]d건 중 %[1]d건에서 서비스 중단\n"},
	"sim.sum.survive":     {"simulate: every service survives every one of %d %s\n", "simulate: 장애 %[1]d건 모두에서 모든 서비스 유지\n"},
	"sim.sum.none":        {"simulate: no failure analysed\n", "simulate: 분석한 장애 없음\n"},
	"rules.col.severity":  {"SEVERITY", "심각도"},
	"rules.col.kind":      {"KIND", "구분"},
	"rules.col.inforce":   {"IN FORCE", "시행"},
	"rules.col.basis":     {"BASIS", "근거"},
	"rules.col.title":     {"TITLE", "제목"},
	"rules.custom":        {" (custom)", " (사용자 정의)"},
	"rules.throughout":    {"throughout", "상시"},
	"rules.count":         {"\n%d controls\n", "\n점검 항목 %d개\n"},
	"rules.md.head": {"| ID | Severity | Kind | In force | Legal basis | Title |\n|---|---|---|---|---|---|\n",
		"| ID | 심각도 | 구분 | 시행 | 근거 | 제목 |\n|---|---|---|---|---|---|\n"},
	"explain.severity":     {"Severity", "심각도"},
	"explain.kind":         {"Kind", "구분"},
	"explain.regulation":   {"Regulation", "규제"},
	"explain.custom":       {"Custom control (loaded with --policy)", "사용자 정의 통제(--policy)"},
	"explain.basis":        {"Legal basis", "법적 근거"},
	"explain.inforcefrom":  {"In force from", "시행일"},
	"explain.source":       {"Source", "출처"},
	"explain.citedas":      {"Cited as", "인용"},
	"explain.inforce":      {"In force", "시행 기간"},
	"explain.earlier":      {"(earlier)", "(이전)"},
	"explain.whoever":      {"(whoever the control selects)", "(통제 항목이 정하는 대상)"},
	"explain.unverifiable": {"not verifiable: wording not in the statute texts", "판단 불가: 조문이 법령 원문에 없음"},
	"explain.citedon":      {"Cited on", "기준일"},
	"explain.notinforce":   {"Not in force on", "시행되지 않는 날짜:"},
	"explain.scopetests":   {"Scope tests, numbers in force on", "적용 대상 기준, 기준일"},
	"explain.notuntil":     {"not in force until", "시행일"},
	"explain.related":      {"Related resources", "관련 자료"},
	"explain.remediation":  {"Remediation", "조치 방법"},
	"explain.params":       {"Parameters in force on", "적용 기준값, 기준일"},
	"explain.noparams":     {"(none: the control uses no regulatory parameter)", "(없음)"},
	"explain.via":          {" (via a shared helper)", " (공통 규칙 경유)"},
	"explain.from":         {"from ", "시행 "},
}

func init() {
	for k, v := range pageCatalogue {
		catalogue[k] = v
	}
}
