package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xeipuuv/gojsonschema"
)

type deadlinesOut struct {
	Now       string         `json:"now"`
	AsOf      string         `json:"as_of"`
	Summary   map[string]int `json:"summary"`
	Manifests []struct {
		Name      string `json:"name"`
		Incidents []struct {
			ID            string `json:"id"`
			Position      string `json:"position"`
			Ongoing       bool   `json:"ongoing"`
			OutageMinutes int    `json:"outage_minutes"`
			Duties        []struct {
				Duty            string   `json:"duty"`
				Control         string   `json:"control"`
				Status          string   `json:"status"`
				TriggeredAt     string   `json:"triggered_at"`
				DueAt           string   `json:"due_at"`
				DoneAt          string   `json:"done_at"`
				FirstNoticeAt   string   `json:"first_notice_at"`
				MissingContents []string `json:"missing_contents"`
				Limit           *struct {
					Value json.Number `json:"value"`
					Label string      `json:"label"`
				} `json:"limit"`
				Citation *struct {
					Label       string `json:"label"`
					InForceFrom string `json:"in_force_from"`
				} `json:"citation"`
				Reason *struct {
					En string `json:"en"`
				} `json:"reason"`
			} `json:"duties"`
		} `json:"incidents"`
	} `json:"manifests"`
}

// kakaoOngoing is the Kakao 2022 scenario with its restoration removed: the fire is still
// burning.
func kakaoOngoing(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot, "testdata/manifests/kakao-2022-10-15.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	const restored = "    restoredAt: \"2022-10-20T23:00:00+09:00\"\n"
	if strings.Count(string(b), restored) != 1 {
		t.Fatalf("the Kakao manifest no longer has one %q", restored)
	}
	path := filepath.Join(t.TempDir(), "kakao-ongoing.yaml")
	if err := os.WriteFile(path, []byte(strings.Replace(string(b), restored, "", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func deadlinesJSON(t *testing.T, args ...string) (deadlinesOut, int) {
	t.Helper()
	stdout, stderr, code := runCLI(t, "", append([]string{"deadlines", "-f", "json"}, args...)...)
	if stderr != "" || code > 1 {
		t.Fatalf("deadlines %v: exit %d, stderr %q", args, code, stderr)
	}
	var out deadlinesOut
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, stdout)
	}
	res, err := gojsonschema.Validate(
		gojsonschema.NewReferenceLoader("file://"+filepath.ToSlash(filepath.Join(repoRoot, "schemas", "outage-deadlines.v1.schema.json"))),
		gojsonschema.NewStringLoader(stdout))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res.Errors() {
		t.Errorf("output does not match schemas/outage-deadlines.v1.schema.json: %s", e)
	}
	return out, code
}

// TestDeadlinesKakaoOngoing: at 17:00 on the day of the fire, the user notice was due at
// 16:27 (detected at 15:27; a fire never has the short-outage exemption, so the clock runs
// from detection, plus the 60-minute audit default) and is overdue: the notices of 15:50 and
// 16:10 gave no contact. The ministry report did not bind a value-added provider in 2022
// (BCDA 38 reached it on 2023-07-04), and the damages notice waits for restoration.
func TestDeadlinesKakaoOngoing(t *testing.T) {
	path := kakaoOngoing(t)
	out, code := deadlinesJSON(t, "--now", "2022-10-15T17:00:00+09:00", path)
	if code != ExitFailed {
		t.Errorf("exit %d, want 1 (a duty is overdue)", code)
	}
	if out.Now != "2022-10-15T17:00:00+09:00" || out.AsOf != "2022-10-15" {
		t.Errorf("now %q as_of %q", out.Now, out.AsOf)
	}
	if len(out.Manifests) != 1 || len(out.Manifests[0].Incidents) != 1 {
		t.Fatalf("want one manifest with one incident: %+v", out.Manifests)
	}
	inc := out.Manifests[0].Incidents[0]
	if inc.ID != "2022-10-15-pangyo-fire" || !inc.Ongoing || inc.OutageMinutes != 93 {
		t.Errorf("incident %s ongoing=%v minutes=%d, want the fire, ongoing, 93", inc.ID, inc.Ongoing, inc.OutageMinutes)
	}
	if !strings.HasSuffix(inc.Position, "kakao-ongoing.yaml:430:5") {
		t.Errorf("position %q, want the incident's line", inc.Position)
	}
	byDuty := map[string]int{}
	for i, d := range inc.Duties {
		byDuty[d.Duty] = i
	}
	notice := inc.Duties[byDuty["user-notice"]]
	if notice.Control != "KR-TBA-33-NOTICE" || notice.Status != "overdue" ||
		notice.TriggeredAt != "2022-10-15T15:27:00+09:00" || notice.DueAt != "2022-10-15T16:27:00+09:00" ||
		notice.FirstNoticeAt != "2022-10-15T15:50:00+09:00" || strings.Join(notice.MissingContents, ",") != "contact" ||
		notice.DoneAt != "" {
		t.Errorf("user notice = %+v", notice)
	}
	if notice.Limit == nil || notice.Limit.Value != "60" || notice.Limit.Label != "audit-default" {
		t.Errorf("user notice limit = %+v, want 60 audit-default", notice.Limit)
	}
	if notice.Citation == nil || notice.Citation.Label != "reported" || notice.Citation.InForceFrom != "2019-06-25" {
		t.Errorf("user notice citation = %+v, want the reported rule in force from 2019-06-25", notice.Citation)
	}
	report := inc.Duties[byDuty["ministry-report"]]
	if report.Control != "KR-BCDA-38-REPORT" || report.Status != "not_bound" || report.Reason == nil ||
		!strings.Contains(report.Reason.En, "major value-added provider (BCDA 35(1)4): not in force until 2023-07-04") {
		t.Errorf("ministry report = %+v", report)
	}
	damages := inc.Duties[byDuty["damages-notice"]]
	if damages.Control != "KR-TBA-33-DAMAGES" || damages.Status != "pending" || damages.DueAt != "" {
		t.Errorf("damages notice = %+v", damages)
	}
	if out.Summary["overdue"] != 1 || out.Summary["pending"] != 1 {
		t.Errorf("summary %v", out.Summary)
	}

	// Earlier the same afternoon the notice was due, not overdue: exit 0.
	early, code := deadlinesJSON(t, "--now", "2022-10-15T16:20:00+09:00", path)
	if code != ExitOK {
		t.Errorf("at 16:20: exit %d, want 0", code)
	}
	if d := early.Manifests[0].Incidents[0].Duties[0]; d.Duty != "user-notice" || d.Status != "due" {
		t.Errorf("at 16:20: %s is %s, want user-notice due", d.Duty, d.Status)
	}
	// Before the first notice the outage is 8 minutes old and nothing was told.
	first, _ := deadlinesJSON(t, "--now", "2022-10-15T15:35:00+09:00", path)
	if d := first.Manifests[0].Incidents[0].Duties[0]; d.Status != "due" || d.FirstNoticeAt != "" {
		t.Errorf("at 15:35: %+v", d)
	}
}

// TestDeadlinesAgreeWithCheck: the instant deadlines gives during the outage is the one check
// judges by after it, for the same facts (the bundled manifest, restored on 10-20).
func TestDeadlinesAgreeWithCheck(t *testing.T) {
	out, _ := deadlinesJSON(t, "--now", "2022-10-15T17:00:00+09:00", kakaoOngoing(t))
	stdout, stderr, code := runCLI(t, "", "check", "--as-of", "2022-10-25", "-f", "json", "testdata/manifests/kakao-2022-10-15.yaml")
	if code > 1 {
		t.Fatalf("check: exit %d: %s", code, stderr)
	}
	var rep struct {
		Results []struct {
			Control    string `json:"control"`
			Violations []struct {
				Evidence map[string]any `json:"evidence"`
			} `json:"violations"`
		} `json:"results"`
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatal(err)
	}
	var judged []string
	for _, r := range rep.Results {
		if r.Control == "KR-TBA-33-NOTICE" {
			for _, v := range r.Violations {
				due, _ := v.Evidence["notice_due"].(string)
				judged = append(judged, due)
			}
		}
	}
	due := out.Manifests[0].Incidents[0].Duties[0].DueAt
	if len(judged) == 0 || judged[0] != due {
		t.Errorf("check judged the notice due at %q, deadlines said %q", judged, due)
	}
}

// TestDeadlinesText: text in English and Korean, byte-identical for a fixed --now, and the
// bundled manifest (restored on 10-20) is still open at 17:00 on 10-15.
func TestDeadlinesText(t *testing.T) {
	args := []string{"deadlines", "--now", "2022-10-15T17:00:00+09:00", "testdata/manifests/kakao-2022-10-15.yaml"}
	en, stderr, code := runCLI(t, "", args...)
	if code != ExitFailed || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	containsAll(t, "text", en,
		"Deadlines at 2022-10-15T17:00:00+09:00",
		"incident 2022-10-15-pangyo-fire: ongoing, started 2022-10-15T15:27:00+09:00 (1 h 33 min), a disaster",
		"OVERDUE   user notice (KR-TBA-33-NOTICE)  due 2022-10-15T16:27:00+09:00 (33 min ago)",
		"first notice at 2022-10-15T15:50:00+09:00; still to tell: contact",
		"allowed 60 min [audit-default]",
		"NOT BOUND first report to the ministry (KR-BCDA-38-REPORT)",
		"PENDING   damages notice (KR-TBA-33-DAMAGES)",
		"Duties: 1 overdue, 0 due, 1 pending, 0 done, 0 exempt, 2 not bound",
	)
	again, _, _ := runCLI(t, "", args...)
	if again != en {
		t.Error("two runs at the same --now differ")
	}
	ko, _, _ := runCLI(t, "", append([]string{"deadlines", "--lang", "ko"}, args[1:]...)...)
	containsAll(t, "Korean text", ko, "기한 경과", "이용자 고지 (KR-TBA-33-NOTICE)", "33분 지남", "미고지 내용: contact", "전기통신사업법 제33조제2항")
	// After restoration and past every duty after it, nothing is listed: exit 0.
	later, _, code := runCLI(t, "", "deadlines", "--now", "2023-01-01T00:00:00+09:00", "testdata/manifests/kakao-2022-10-15.yaml")
	if code != ExitOK || !strings.Contains(later, "no open incident") {
		t.Errorf("after restoration: exit %d\n%s", code, later)
	}
}

// TestDeadlinesDefaultNow: without --now the current instant is judged and recorded.
func TestDeadlinesDefaultNow(t *testing.T) {
	before := time.Now().Truncate(time.Second)
	out, _ := deadlinesJSON(t, "testdata/manifests/kakao-2022-10-15.yaml")
	after := time.Now()
	now, err := time.Parse(time.RFC3339, out.Now)
	if err != nil {
		t.Fatalf("now %q: %v", out.Now, err)
	}
	if now.Before(before) || now.After(after) || !strings.HasSuffix(out.Now, "+09:00") {
		t.Errorf("now %s, want a Korean instant between %s and %s", out.Now, before, after)
	}
}

// TestDeadlinesBadInput: a manifest the schema refuses is reported as check reports it
// (file:line:column) with exit 2 and nothing on standard output; so is a bad --now.
func TestDeadlinesBadInput(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	if err := os.WriteFile(bad, []byte("apiVersion: resilcheck/v1\nkind: ProviderManifest\nmetadata:\n  name: bad\nincidents:\n  - id: x\n    startedAt: yesterday\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := runCLI(t, "", "deadlines", "--now", "2022-10-15T17:00:00+09:00", bad)
	if code != ExitInputError || stdout != "" || !strings.Contains(stderr, "bad.yaml:7:16: /incidents/0/startedAt") {
		t.Errorf("bad manifest: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	for _, now := range []string{"2022-10-15", "2022-10-15T17:00:00", "soon"} {
		stdout, stderr, code := runCLI(t, "", "deadlines", "--now", now, "testdata/manifests/kakao-2022-10-15.yaml")
		if code != ExitInputError || stdout != "" || !strings.Contains(stderr, "--now") {
			t.Errorf("--now %s: exit %d, stdout %q, stderr %q", now, code, stdout, stderr)
		}
	}
	if _, stderr, code := runCLI(t, "", "deadlines"); code != ExitInputError || !strings.Contains(stderr, "no input") {
		t.Errorf("no input: exit %d, stderr %q", code, stderr)
	}
}

// TestDeadlinesDatacenterAndMinistry: the maintenance at the leased Busan site (window 02:00
// to 05:00, restored 05:30), judged at 04:00. Computed by hand from REGULATIONS.md: the first
// ministry report is due 60 minutes (audit default) after detection, here the start: 03:00;
// the datacenter report arises after 30 minutes in a row (Decree 40(1)1), 02:30, and is due
// 60 minutes later, 03:30; the user notice arises only when the outage overruns the announced
// window (item 1), 05:00, and is due at 06:00. After restoration only what is still due is
// listed: the final report (24 hours, audit default) and the damages notice (30 days).
func TestDeadlinesDatacenterAndMinistry(t *testing.T) {
	const file = "testdata/valid/legal-model-fields.yaml"
	out, code := deadlinesJSON(t, "--now", "2025-09-07T04:00:00+09:00", file)
	if code != ExitFailed {
		t.Errorf("exit %d, want 1", code)
	}
	incs := out.Manifests[0].Incidents
	if len(incs) != 1 || incs[0].ID != "busan-maintenance-2025-09" || !incs[0].Ongoing {
		t.Fatalf("incidents %+v, want the Busan maintenance, ongoing", incs)
	}
	type want struct{ status, triggered, due string }
	wants := map[string]want{
		"user-notice":           {"pending", "2025-09-07T05:00:00+09:00", "2025-09-07T06:00:00+09:00"},
		"ministry-report":       {"overdue", "2025-09-07T02:00:00+09:00", "2025-09-07T03:00:00+09:00"},
		"ministry-final-report": {"pending", "", ""},
		"datacenter-report":     {"overdue", "2025-09-07T02:30:00+09:00", "2025-09-07T03:30:00+09:00"},
		// The lessee of dc-leased also tells the lessor, on the datacenter report's trigger and
		// the lessor-notice audit default (no period in law): told at 03:00, on time.
		"lessor-notice":  {"done", "2025-09-07T02:30:00+09:00", "2025-09-07T03:30:00+09:00"},
		"damages-notice": {"pending", "", ""},
	}
	for _, d := range incs[0].Duties {
		w, ok := wants[d.Duty]
		if !ok {
			t.Errorf("unexpected duty %s", d.Duty)
			continue
		}
		delete(wants, d.Duty)
		if d.Duty == "lessor-notice" && (d.DoneAt != "2025-09-07T03:00:00+09:00" || d.Limit == nil || d.Limit.Label != "audit-default" || d.Citation == nil || d.Citation.InForceFrom != "2023-07-04") {
			t.Errorf("lessor notice = %+v, want done at 03:00 on a 60-minute audit default, Art. 46(7) from 2023-07-04", d)
		}
		if d.Status != w.status || d.TriggeredAt != w.triggered || d.DueAt != w.due {
			t.Errorf("%s: %s arose %q due %q, want %s %q %q", d.Duty, d.Status, d.TriggeredAt, d.DueAt, w.status, w.triggered, w.due)
		}
	}
	for d := range wants {
		t.Errorf("duty %s not listed", d)
	}

	// "Without delay" is an audit default: --data moves it, and the output says so.
	data := filepath.Join(t.TempDir(), "data.json")
	if err := os.WriteFile(data, []byte(`{"resilcheck": {"overrides": {"report_without_delay_minutes": 30}}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	over, _ := deadlinesJSON(t, "--now", "2025-09-07T04:00:00+09:00", "-d", data, file)
	overridden := false
	for _, d := range over.Manifests[0].Incidents[0].Duties {
		if d.Duty != "ministry-report" {
			continue
		}
		overridden = true
		if d.DueAt != "2025-09-07T02:30:00+09:00" || d.Limit == nil || d.Limit.Label != "override" {
			t.Errorf("with a 30-minute override the first report is due %q (%+v), want 02:30, labelled override", d.DueAt, d.Limit)
		}
	}
	if !overridden {
		t.Error("with a 30-minute override the ministry report is no longer listed")
	}

	after, code := deadlinesJSON(t, "--now", "2025-09-07T05:45:00+09:00", file)
	if code != ExitOK {
		t.Errorf("after restoration: exit %d, want 0 (only what is still due is listed)", code)
	}
	var got []string
	for _, d := range after.Manifests[0].Incidents[0].Duties {
		got = append(got, d.Duty+" "+d.Status+" "+d.DueAt)
	}
	// Restored at 05:30: the user notice is still within its time, and owed.
	if strings.Join(got, "; ") != "user-notice due 2025-09-07T06:00:00+09:00; ministry-final-report due 2025-09-08T05:30:00+09:00; damages-notice due 2025-10-07T23:59:59+09:00" {
		t.Errorf("after restoration: %q", got)
	}
}

// TestDeadlinesTenantAndCloudLeak: the intrusion at the own site of the legal-model manifest
// (started 02:10, detected 02:40, the leak known at 03:15), judged at 03:00 and at 04:47.
// By hand from REGULATIONS.md and the audit defaults (60 minutes for every "without delay" and
// "immediately"): the tenant suspended at 02:50 was told at 02:55, on time; its service is due
// back 60 minutes after the reason ends (04:45 -> 05:45) and is pending until then; the users
// are owed the intrusion notice from detection (02:40 -> 03:40) and, with the ministry, the
// leak notice from when the leak was known (03:15 -> 04:15).
func TestDeadlinesTenantAndCloudLeak(t *testing.T) {
	const file = "testdata/valid/legal-model-fields.yaml"
	type want struct{ status, triggered, due, done string }
	check := func(now string, wants map[string]want) {
		t.Helper()
		out, _ := deadlinesJSON(t, "--now", now, file)
		incs := out.Manifests[0].Incidents
		if len(incs) != 1 || incs[0].ID != "storage-breach-2025-05" {
			t.Fatalf("at %s: incidents %+v, want the storage breach", now, incs)
		}
		for _, d := range incs[0].Duties {
			w, ok := wants[d.Duty]
			if !ok {
				continue
			}
			delete(wants, d.Duty)
			if d.Status != w.status || d.TriggeredAt != w.triggered || d.DueAt != w.due || d.DoneAt != w.done {
				t.Errorf("at %s: %s is %s arose %q due %q done %q, want %+v", now, d.Duty, d.Status, d.TriggeredAt, d.DueAt, d.DoneAt, w)
			}
			if d.Limit == nil || d.Limit.Label != "audit-default" || d.Citation == nil || d.Citation.Label != "law" {
				t.Errorf("at %s: %s limit %+v citation %+v, want an audit default under the law", now, d.Duty, d.Limit, d.Citation)
			}
		}
		for d := range wants {
			t.Errorf("at %s: duty %s not listed", now, d)
		}
	}
	check("2025-05-12T03:00:00+09:00", map[string]want{
		"tenant-notice":              {"done", "2025-05-12T02:50:00+09:00", "2025-05-12T03:50:00+09:00", "2025-05-12T02:55:00+09:00"},
		"tenant-resume":              {"pending", "", "", ""},
		"cloud-breach-notice":        {"due", "2025-05-12T02:40:00+09:00", "2025-05-12T03:40:00+09:00", ""},
		"cloud-leak-notice":          {"pending", "2025-05-12T03:15:00+09:00", "2025-05-12T04:15:00+09:00", ""},
		"cloud-leak-ministry-notice": {"pending", "2025-05-12T03:15:00+09:00", "2025-05-12T04:15:00+09:00", ""},
	})
	check("2025-05-12T04:47:00+09:00", map[string]want{
		"tenant-resume":              {"due", "2025-05-12T04:45:00+09:00", "2025-05-12T05:45:00+09:00", ""},
		"cloud-leak-ministry-notice": {"done", "2025-05-12T03:15:00+09:00", "2025-05-12T04:15:00+09:00", "2025-05-12T03:30:00+09:00"},
	})

	ko, stderr, code := runCLI(t, "", "deadlines", "--lang", "ko", "--now", "2025-05-12T03:00:00+09:00", file)
	if code != ExitOK || stderr != "" {
		t.Fatalf("Korean text: exit %d, stderr %q", code, stderr)
	}
	containsAll(t, "Korean text", ko,
		"이행      시설이용자 중단 통지 (KR-NETACT-46-2-TENANT-NOTICE)  이행 2025-05-12T02:55:00+09:00",
		"발생 전   시설이용자 서비스 재개 (KR-NETACT-46-2-TENANT-NOTICE)",
		"중단사유 해소 후 60분 [audit-default] 이내",
		"시설이용자: Tenant Games Co.",
		"기한 전   클라우드 침해사고 이용자 통지 (KR-CLOUD-25-BREACH-NOTICE)",
		"발생 전   정보 유출 과학기술정보통신부 통지 (KR-CLOUD-25-LEAK-NOTICE)",
	)
}

// containsAll fails the test for each of wants that text (named what) does not contain.
func containsAll(t *testing.T, what, text string, wants ...string) {
	t.Helper()
	for _, want := range wants {
		if !strings.Contains(text, want) {
			t.Errorf("%s lacks %q:\n%s", what, want, text)
		}
	}
}
