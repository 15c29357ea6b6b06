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
	"label.inputs":        {"Inputs", "입력 파일"},
	"label.exitcode":      {"Exit code", "종료 코드"},
	"label.total":         {"Total", "합계"},
	"label.regulation":    {"Regulation", "법령"},
	"label.pointer":       {"Pointer", "포인터"},
	"label.nofailures":    {"No failures.", "미준수 항목이 없습니다."},
	"label.notevaluated":  {"not evaluated", "평가되지 않음"},
	"label.details":       {"details", "상세"},

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
