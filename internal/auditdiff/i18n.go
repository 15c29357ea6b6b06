package auditdiff

// texts holds every fixed string the diff prints, in English and Korean, in one place
// so a test can prove no key lacks a translation. Status and severity words match the
// audit reports' own.
var texts = map[string][2]string{
	"title":           {"Changes since the last audit", "직전 점검 이후 변경 사항"},
	"label.old":       {"earlier:", "이전:"},
	"label.new":       {"later:", "이후:"},
	"label.unnamed":   {"(report)", "(보고서)"},
	"label.asof":      {"as of", "점검 기준일"},
	"label.bundle":    {"bundle", "정책 번들"},
	"label.change":    {"Change", "변경"},
	"label.count":     {"Count", "건수"},
	"label.noresults": {"no results", "점검 결과 없음"},

	"bundle.same":    {"The policy bundle is the same in both audits.", "두 점검의 정책 번들이 같습니다."},
	"bundle.changed": {"The policy bundle changed between the audits.", "두 점검 사이에 정책 번들이 바뀌었습니다."},

	"heading.controls":  {"Controls changed by the bundle", "정책 번들 변경으로 달라진 점검 항목"},
	"heading.manifest":  {"Manifest", "매니페스트"},
	"heading.manifests": {"Manifests", "매니페스트"},
	"heading.summary":   {"Changes", "변경"},

	"control.added":            {"added", "추가"},
	"control.removed":          {"removed", "삭제"},
	"control.severity_changed": {"severity changed", "심각도 변경"},

	"manifest.added":   {"new in the later audit", "이후 점검에 새로 포함"},
	"manifest.removed": {"not in the later audit", "이후 점검에 없음"},
	"paired.pair":      {"paired by --pair", "--pair로 대응"},
	"paired.name":      {"same name", "같은 이름"},
	"paired.provider":  {"paired by provider %s", "사업자 %s 기준 대응"},

	"kind.new":             {"new findings", "신규 미준수"},
	"kind.waiver_expired":  {"waiver expired", "예외 승인 만료"},
	"kind.status_changed":  {"status changed", "판정 변경"},
	"kind.control_added":   {"control added", "점검 항목 추가"},
	"kind.control_removed": {"control removed", "점검 항목 삭제"},
	"kind.newly_waived":    {"newly waived", "신규 예외 승인"},
	"kind.fixed":           {"fixed", "해소"},
	"kind.still_failing":   {"still failing", "계속 미준수"},

	"summary.manifests": {"%d added, %d removed, %d unchanged", "추가 %d, 삭제 %d, 변경 없음 %d"},
	"mark.regression":   {"[regressed]", "[악화]"},
	"result.ok":         {"No regressions.", "악화된 항목이 없습니다."},
	"result.regressed":  {"Regressed: something is worse than in the earlier audit.", "악화: 이전 점검보다 나빠진 항목이 있습니다."},

	"status.absent":         {"absent", "없음"},
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
}

// tr is the string for key in lang ("ko", else English). A missing key prints
// as itself, which TestTexts keeps from happening.
func tr(lang, key string) string {
	s, ok := texts[key]
	if !ok {
		return key
	}
	if lang == "ko" {
		return s[1]
	}
	return s[0]
}
