package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/resilcheck/resilcheck/reports"
)

func TestRules(t *testing.T) {
	custom := policyDir(t, map[string]string{"owner.rego": customMeta + "package resilcheck.controls.acme_owner\n" + customBody})
	markup := policyDir(t, map[string]string{"owner.rego": strings.Replace(customMeta, "# title: Services declare an owner team", "# title: Services declare an <b>owner</b> | *team*", 1) +
		"package resilcheck.controls.acme_owner\n" + customBody})
	tests := []struct {
		name  string
		args  []string
		code  int
		wants []string
	}{
		{"text", []string{"rules"}, ExitOK, []string{"ID", "SEVERITY", officerControl, "BCDA Art. 39-2(1)", "Disaster-management officer appointed and notified"}},
		{"korean", []string{"rules", "--lang", "ko"}, ExitOK, []string{officerControl, "재난관리책임자 지정 및 서면 통보", "방송통신발전 기본법 제39조의2제1항; 같은 법 시행령 제27조의2제1항 및 제2항"}},
		{"korean markdown", []string{"rules", "-f", "markdown", "--lang", "ko"}, ExitOK, []string{"| 근거 |", "[방송통신발전 기본법 제39조의2제1항; 같은 법 시행령 제27조의2제1항 및 제2항]("}},
		{"korean falls back to the english basis of a custom control", []string{"rules", "--lang", "ko", "-p", custom}, ExitOK, []string{"ACME-OWNER", "ACME Std. Sec. 4", "(사용자 정의)"}},
		{"markdown", []string{"rules", "-f", "markdown"}, ExitOK, []string{"| ID | Severity |", "| `" + officerControl + "` | medium | law |"}},
		{"custom policy", []string{"rules", "-p", custom}, ExitOK, []string{"ACME-OWNER", "(custom)"}},
		{"markdown escapes a custom title", []string{"rules", "-f", "markdown", "-p", markup}, ExitOK, []string{`Services declare an &lt;b&gt;owner&lt;/b&gt; \| \*team\* |`}},
		{"unknown format", []string{"rules", "-f", "yaml"}, ExitInputError, nil},
		{"policy path that is a file", []string{"rules", "-p", "README.md"}, ExitInputError, nil},
		{"broken custom policy", []string{"rules", "-p", policyDir(t, map[string]string{"x.rego": "package resilcheck.controls.x\n\nviolations contains 1 if true\n"})}, ExitBundleBroken, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, stderr, code := runCLI(t, "", tc.args...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, tc.code, stderr)
			}
			for _, w := range tc.wants {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
		})
	}
}

// TestRulesTextColumnsAlign checks that every title starts in the same terminal column:
// Korean citations are two cells per syllable, which a rune-counting layout gets wrong.
func TestRulesTextColumnsAlign(t *testing.T) {
	for _, lang := range []string{"en", "ko"} {
		t.Run(lang, func(t *testing.T) {
			out, stderr, code := runCLI(t, "", "rules", "--lang", lang)
			if code != ExitOK {
				t.Fatalf("exit %d; stderr:\n%s", code, stderr)
			}
			lines := strings.Split(strings.TrimSpace(out), "\n")
			lines = lines[:len(lines)-2] // the blank line and "N controls"
			if len(lines) < 2 {
				t.Fatalf("no rows:\n%s", out)
			}
			col := -1
			for _, line := range lines {
				// The basis is followed by at least two spaces, then the title.
				i := strings.LastIndex(line, "  ")
				if i < 0 {
					t.Fatalf("no column gap in %q", line)
				}
				at := reports.DisplayWidth(line[:i+2])
				if col == -1 {
					col = at
				} else if at != col {
					t.Errorf("title starts at column %d, want %d: %q", at, col, line)
				}
			}
		})
	}
}

func TestRulesJSON(t *testing.T) {
	out, _, code := runCLI(t, "", "rules", "-f", "json")
	var doc struct {
		Controls []struct {
			ID       string `json:"id"`
			Severity string `json:"severity"`
			Citation struct {
				Text string `json:"text"`
			} `json:"citation"`
		} `json:"controls"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || code != ExitOK {
		t.Fatalf("exit %d, err %v", code, err)
	}
	seen := map[string]bool{}
	for i, c := range doc.Controls {
		if c.ID == "" || c.Severity == "" || c.Citation.Text == "" || seen[c.ID] {
			t.Fatalf("control %d incomplete or duplicated: %+v", i, c)
		}
		if i > 0 && doc.Controls[i-1].ID > c.ID {
			t.Fatalf("controls not sorted: %s before %s", doc.Controls[i-1].ID, c.ID)
		}
		seen[c.ID] = true
	}
	if !seen[officerControl] {
		t.Fatalf("%s missing", officerControl)
	}
}

func TestExplain(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		wants  []string
		stderr string
	}{
		{"by id", []string{"explain", "--as-of", "2026-11-22", officerControl}, ExitOK, []string{
			"Framework Act on Broadcasting and Communications Development, Art. 39-2(1)",
			"Remediation", "https://www.law.go.kr/법령/방송통신발전기본법",
			"Parameters in force on 2026-11-22", "dm_officer_notify_days = 30  [law]",
			"In force", "2023-07-04 ..            carrier, major-vas, major-idc  [law]", "Cited on 2026-11-22: BCDA Art. 39-2(1)",
			"Scope tests, numbers in force on 2026-11-22",
			"major-vas: value-added provider with daily average domestic users >= 10,000,000 OR traffic share >= 2%"}, ""},
		{"before the duty reached value-added providers", []string{"explain", "--as-of", "2022-10-15", officerControl}, ExitOK, []string{
			"major-vas (not in force until 2023-07-04)", "Cited on 2022-10-15"}, ""},
		{"not in force at all", []string{"explain", "--as-of", "2015-01-01", "KR-TBA-22-7-REPORT"}, ExitOK, []string{"Not in force on 2015-01-01"}, ""},
		{"by package name, in Korean", []string{"explain", "--lang", "ko", "dm_officer"}, ExitOK, []string{"재난관리책임자 지정 및 서면 통보", "방송통신발전 기본법"}, ""},
		{"effective-dated parameter", []string{"explain", "--as-of", "2025-01-01", "KR-TBA-33-NOTICE"}, ExitOK, []string{"un_notice_min_outage_minutes = 240"}, ""},
		{"amended parameter", []string{"explain", "--as-of", "2025-03-28", "KR-TBA-33-NOTICE"}, ExitOK, []string{"un_notice_min_outage_minutes = 120"}, ""},
		{"parameter bases in Korean", []string{"explain", "--lang", "ko", "--as-of", "2026-11-22", "KR-TBA-33-NOTICE"}, ExitOK, []string{
			"un_notice_min_outage_minutes = 120  [법령]", "전기통신사업법 시행령 제37조의21제1항(개정 후): 2시간",
			"[점검 기본값]", "심각도: 높음", "규제: 전기통신사업법"}, ""},
		{"typo", []string{"explain", "KR-BCDA-39-2-OFICER"}, ExitInputError, nil, "did you mean " + officerControl},
		{"unknown", []string{"explain", "NOTHING-LIKE-IT-AT-ALL"}, ExitInputError, nil, "resilcheck rules"},
		{"no id", []string{"explain"}, ExitInputError, nil, "exactly one control id"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, stderr, code := runCLI(t, "", tc.args...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, tc.code, stderr)
			}
			for _, w := range tc.wants {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			switch {
			case tc.stderr == "" && stderr != "":
				t.Errorf("stderr = %q, want it empty", stderr)
			case !strings.Contains(stderr, tc.stderr):
				t.Errorf("stderr lacks %q:\n%s", tc.stderr, stderr)
			}
		})
	}
}

func TestExplainJSONWithOverride(t *testing.T) {
	data := policyDir(t, map[string]string{"data.json": `{"resilcheck": {"overrides": {"dm_officer_notify_days": 45}}}`})
	out, stderr, code := runCLI(t, "", "explain", "-f", "json", "-d", data+"/data.json", officerControl)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc struct {
		Control struct {
			ID string `json:"id"`
		} `json:"control"`
		Parameters []struct {
			Name   string `json:"name"`
			Value  any    `json:"value"`
			Label  string `json:"label"`
			Direct bool   `json:"direct"`
		} `json:"parameters"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	for _, p := range doc.Parameters {
		if p.Name == "dm_officer_notify_days" {
			if p.Label != "override" || p.Value != float64(45) || !p.Direct {
				t.Fatalf("overridden parameter = %+v", p)
			}
			return
		}
	}
	t.Fatalf("dm_officer_notify_days not listed: %+v", doc.Parameters)
}

// TestExplainKoreanCitation: in Korean, the legal basis is the Korean citation line, once,
// with no English article mixed in.
func TestExplainKoreanCitation(t *testing.T) {
	out, errOut, code := runCLI(t, "", "explain", "--lang", "ko", "KR-TBA-33-NOTICE")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	const ko = "전기통신사업법 제33조제2항"
	// The legal-basis section runs from its heading to the next blank line. (Parameter
	// bases further down are English: the parameter table has no Korean basis yet; the
	// in-force periods below it cite each period in Korean too.)
	_, section, ok := strings.Cut(out, "법적 근거\n")
	if !ok {
		t.Fatalf("no legal-basis section:\n%s", out)
	}
	section, _, _ = strings.Cut(section, "\n\n")
	if strings.Count(section, ko) != 1 {
		t.Errorf("want the Korean citation exactly once in the legal basis, got %d times:\n%s", strings.Count(section, ko), section)
	}
	if strings.Contains(section, "Art.") {
		t.Errorf("English article in the Korean legal basis:\n%s", section)
	}
}
