package reports

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/resilcheck/resilcheck/internal/audit"
)

// The same cases as policies/lib/text_test.rego, so the controls' messages and the reports
// choose particles alike.
func TestParticlesFollowTheLastSound(t *testing.T) {
	for _, c := range []struct{ word, p, want string }{
		{"계정", "이", "계정이"},
		{"서비스", "이", "서비스가"},
		{"연락처", "을", "연락처를"},
		{"사유", "을", "사유를"},
		{"원인", "는", "원인은"},
		{"시설", "으로", "시설로"},
		{"판교", "으로", "판교로"},
		{"안양", "로", "안양으로"},
		{"방법", "와", "방법과"},
		{"문자", "과", "문자와"},
		{"ops-tooling", "가", "ops-tooling이"},
		{"kakaotalk", "가", "kakaotalk이"},
		{"skcc-pangyo", "은", "skcc-pangyo는"},
		{"anyang", "로", "anyang으로"},
		{"kakao-t", "이", "kakao-t가"},
		{"metro-3", "는", "metro-3은"},
		{"dc-1", "으로", "dc-1로"},
		{"mail", "으로", "mail로"},
		{"kakao-account-login(인증)", "가", "kakao-account-login(인증)이"},
		{"상담 연락처(2022-10-15T20:55:00+09:00)", "가", "상담 연락처(2022-10-15T20:55:00+09:00)가"},
	} {
		if got := withParticle(c.word, c.p); got != c.want {
			t.Errorf("withParticle(%q, %q) = %q, want %q", c.word, c.p, got, c.want)
		}
	}
}

func TestPhrasesInBothLanguages(t *testing.T) {
	p := &audit.Phrase{Code: "failover-within-rto", Args: map[string]string{"where": "anyang", "rto": "60"}}
	if got, want := phrase("ko", p, "x"), "RTO 60분 안에 anyang으로 장애 전환하여 유지됨"; got != want {
		t.Errorf("ko: %q, want %q", got, want)
	}
	if got, want := phrase("en", p, "x"), "survives by failover to anyang within the RTO of 60 min"; got != want {
		t.Errorf("en: %q, want %q", got, want)
	}
	p.Args["where"] = "서울"
	if got, want := phrase("ko", p, "x"), "RTO 60분 안에 서울로 장애 전환하여 유지됨"; got != want {
		t.Errorf("ko after ㄹ: %q, want %q", got, want)
	}
	if got := phrase("ko", &audit.Phrase{Code: "unknown-code"}, "as the model words it"); got != "as the model words it" {
		t.Errorf("an unknown code should fall back to the model's words, got %q", got)
	}
	if got, want := phrase("ko", &audit.Phrase{Code: "standby-needs", Args: map[string]string{"mode": "cold", "datacenter": "a", "minutes": "90", "rto": "60"}}, ""), "콜드 대기 시스템(a)의 전환에 90분 필요, RTO 60분"; got != want {
		t.Errorf("mode: %q, want %q", got, want)
	}
}

func TestEvidenceValuesAsAnAuditorReadsThem(t *testing.T) {
	for _, c := range []struct {
		lang, key string
		v         any
		want      string
	}{
		{"en", "started_at", "2022-10-15T06:27:00Z", "2022-10-15 15:27 KST (UTC+09:00)"},
		{"ko", "notice_due", "2022-10-15T16:27:00+09:00", "2022-10-15 16:27 KST (UTC+09:00)"},
		{"en", "outage_minutes", 512.99999999998333, "8 h 33 min"},
		{"ko", "outage_minutes", 150.0, "2시간 30분"},
		{"en", "outage_minutes", 1500.0, "1 d 1 h"},
		{"en", "revenue_krw", 1800000000000.0, "KRW 1,800,000,000,000"},
		{"ko", "revenue_krw", 1800000000000.0, "1조 8,000억 원"},
		{"ko", "min_telecom_revenue_krw", 10000000000.0, "100억 원"},
		{"ko", "coverage_krw", 1234567.0, "123만 4,567 원"},
		{"en", "daily_users", 10000000.0, "10,000,000"},
		{"en", "services", []any{"a", "b"}, "a, b"},
		{"ko", "same_loss", []any{}, "없음"},
		{"en", "failure_domain", map[string]any{"kind": "datacenter", "id": "skcc-pangyo", "datacenters": []any{"skcc-pangyo"}}, "datacenter skcc-pangyo"},
		{"ko", "failure_domain", map[string]any{"kind": "power-feed", "id": "sub-a", "datacenters": []any{"dc-1", "dc-2"}}, "전력 인입 sub-a (dc-1, dc-2)"},
		{"ko", "critical_facility", false, "아니요"},
		{"ko", "rule", map[string]any{"en": "TBA Art. 33(2)", "ko": "전기통신사업법 제33조제2항", "label": "reported"}, "전기통신사업법 제33조제2항"},
		{"ko", "label", "interpretation", "해석"},
		{"ko", "max_age_days", 365.0, "365일"},
		{"en", "traffic_share_pct", 1.456, "1.46%"},
	} {
		if got := formatValue(c.lang, c.key, c.v); got != c.want {
			t.Errorf("%s %s=%v: %q, want %q", c.lang, c.key, c.v, got, c.want)
		}
	}
}

func TestWrapAlignsContinuationLines(t *testing.T) {
	s := "            근거 자료: 원인까지의 연쇄: kakaotalk → ops-tooling → skcc-pangyo에서만 활성 · 상세: anyang의 대기 시스템이 넘겨받을 수 있으나"
	lines := wrap(s, 60, 23)
	if len(lines) < 2 {
		t.Fatalf("not wrapped: %q", lines)
	}
	for i, l := range lines {
		if DisplayWidth(l) > 60 {
			t.Errorf("line %d is %d cells wide: %q", i, DisplayWidth(l), l)
		}
		if i > 0 && (l[:23] != "                       " || l[23] == ' ') {
			t.Errorf("line %d does not start at column 23: %q", i, l)
		}
	}
	if got := wrap("  "+strings.Repeat("word ", 40), 0, 4); len(got) != 1 {
		t.Errorf("width 0 must not wrap: %q", got)
	}
	long := "  sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
	for _, l := range wrap(long, 40, 4) {
		if DisplayWidth(l) > 40 {
			t.Errorf("a word longer than the line is not cut: %q", l)
		}
	}
	colored := "  \x1b[2m" + "aaaa bbbb cccc dddd" + "\x1b[0m"
	if got := wrap(colored, 22, 4); len(got) != 1 { // 21 cells shown, 30 bytes
		t.Errorf("ANSI codes counted as cells: %q", got)
	}
}

// TestEveryParameterBasisIsTranslated reads every basis in the bundled parameter table and
// asks for its Korean wording, so a new parameter cannot bring English into explain --lang ko.
func TestEveryParameterBasisIsTranslated(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "policies", "data", "params.rego"))
	if err != nil {
		t.Fatal(err)
	}
	found := regexp.MustCompile(`"basis": "((?:[^"\\]|\\.)*)"`).FindAllStringSubmatch(string(src), -1)
	if len(found) == 0 {
		t.Fatal("no basis found in params.rego")
	}
	for _, m := range found {
		if ParamBasisIn(m[1], "ko") == m[1] {
			t.Errorf("parameter basis %q has no Korean wording in paramBasisKo", m[1])
		}
	}
	if got := ParamBasisIn("a --data override", "ko"); got != "a --data override" {
		t.Errorf("an unknown basis should stay as written, got %q", got)
	}
}

// TestTextWidthOption: the text report wraps at Options.Width (the terminal's width when
// the CLI writes to one), and at 100 cells by default.
func TestTextWidthOption(t *testing.T) {
	for _, c := range []struct{ width, max int }{{0, 100}, {60, 60}, {140, 140}} {
		for _, lang := range []string{"en", "ko"} {
			out := string(render(t, "text", Options{Lang: lang, Width: c.width}, fixtureReport()))
			widest := 0
			for _, l := range strings.Split(out, "\n") {
				widest = max(widest, DisplayWidth(l))
			}
			if widest > c.max {
				t.Errorf("width %d, %s: a line is %d cells wide", c.width, lang, widest)
			}
			if c.width == 60 && widest < 50 {
				t.Errorf("width 60, %s: nothing reaches the width (widest %d): not wrapped at it", lang, widest)
			}
		}
	}
}

func TestEvidenceCodesAndYears(t *testing.T) {
	for _, c := range []struct {
		lang, key string
		v         any
		want      string
	}{
		{"ko", "grading_year", 2026.0, "2026"},
		{"en", "plan_year", 2027.0, "2027"},
		{"ko", "core_function", "authentication", "인증"},
		{"en", "core_function", "operations-tooling", "operations tooling"},
		{"ko", "basis", "BCDA Art. 35-3", "방송통신발전 기본법 제35조의3"},
		{"ko", "basis", "a basis the table does not know", "a basis the table does not know"},
		{"ko", "other_deployments", "anyang (standby)", "anyang (대기 시스템)"},
		{"ko", "data", "no data block declared: data survival not judged", "data 블록 미신고: 데이터 유지 여부는 판단하지 않음"},
		{"ko", "service", "none", "none"}, // a name, even one that spells a coded value
	} {
		if got := formatValue(c.lang, c.key, c.v); got != c.want {
			t.Errorf("%s %s=%v: %q, want %q", c.lang, c.key, c.v, got, c.want)
		}
	}
}

func TestGrouped(t *testing.T) {
	for f, want := range map[float64]string{
		0: "0", 999: "999", 1234: "1,234", -1234: "-1,234", 1234567.5: "1,234,567.5",
		-1234.25: "-1,234.25", -0.5: "-0.5", 0.25: "0.25", -0.004: "0", 12.001: "12",
	} {
		if got := grouped(f); got != want {
			t.Errorf("grouped(%v) = %q, want %q", f, got, want)
		}
	}
}
