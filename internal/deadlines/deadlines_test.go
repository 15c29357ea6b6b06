package deadlines

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/resilcheck/resilcheck/internal/audit"
)

func controls(pkg string) (audit.Control, bool) {
	if pkg == "un_notice" {
		return audit.Control{ID: "KR-TBA-33-NOTICE", Title: audit.Text{En: "Users told", Ko: "이용자 고지"}}, true
	}
	return audit.Control{}, false
}

const one = `{"now": "2026-03-01T13:00:01+09:00", "as_of": "2026-03-01", "incidents": [{"id": "sw", "index": 2,
  "started_at": "2026-03-01T10:00:00+09:00", "detected_at": "2026-03-01T10:00:00+09:00", "ongoing": true,
  "outage_minutes": 180, "disaster": false, "duties": [{"duty": "user-notice", "package": "un_notice",
  "after_restoration": false, "status": "overdue", "triggered_at": "2026-03-01T12:00:00+09:00",
  "due_at": "2026-03-01T13:00:00+09:00",
  "limit": {"value": 60, "label": "audit-default", "basis": "b"}}]}]}`

// TestDecode: each duty is named by its control, limits get their unit, the incident its
// pointer and position, and the Rego-only package name does not reach the output.
func TestDecode(t *testing.T) {
	var m Manifest
	pos := func(p string) audit.Position { return audit.Position{File: "m.yaml", Line: 7, Column: 5} }
	now, asOf, err := Decode([]byte(one), controls, pos, &m)
	if err != nil {
		t.Fatal(err)
	}
	if now != "2026-03-01T13:00:01+09:00" || asOf != "2026-03-01" {
		t.Errorf("now %q as_of %q", now, asOf)
	}
	inc := m.Incidents[0]
	if inc.Pointer != "/incidents/2" || inc.Position != "m.yaml:7:5" {
		t.Errorf("pointer %q position %q", inc.Pointer, inc.Position)
	}
	d := inc.Duties[0]
	if d.Control != "KR-TBA-33-NOTICE" || d.Title.Ko != "이용자 고지" || d.Limit.Unit != "minutes" {
		t.Errorf("duty %+v", d)
	}
	r := &Report{Now: now, AsOf: asOf, Manifests: []Manifest{m}}
	r.Count()
	if !r.Overdue() || r.Summary[StatusOverdue] != 1 || len(r.Summary) != len(Statuses) {
		t.Errorf("summary %v", r.Summary)
	}
	var out bytes.Buffer
	if err := Render(&out, r, "json", "en"); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), `"package"`) {
		t.Errorf("Rego-only fields in the output:\n%s", out.String())
	}
	var back Report
	if err := json.Unmarshal(out.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if len(back.Manifests) != 1 || len(back.Manifests[0].Incidents) != 1 || len(back.Manifests[0].Incidents[0].Duties) != len(inc.Duties) {
		t.Fatalf("the JSON does not hold the duties: %s", out.String())
	}
	if got := back.Manifests[0].Incidents[0].Duties[0]; got.Control != d.Control || got.Status != d.Status || got.DueAt != d.DueAt {
		t.Errorf("first duty read back as %+v, want %+v", got, d)
	}
	out.Reset()
	if err := Render(&out, r, "text", "en"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "OVERDUE   user notice (KR-TBA-33-NOTICE)  due 2026-03-01T13:00:00+09:00 (1 min ago)") {
		t.Errorf("text:\n%s", out.String())
	}
}

// TestDecodeRefusesAnUnknownPackage: a duty must name a control of the bundle.
func TestDecodeRefusesAnUnknownPackage(t *testing.T) {
	var m Manifest
	b := strings.Replace(one, `"package": "un_notice"`, `"package": "nope"`, 1)
	if _, _, err := Decode([]byte(b), controls, nil, &m); err == nil || !strings.Contains(err.Error(), `"nope"`) {
		t.Errorf("err = %v, want a refusal naming the package", err)
	}
}

func TestPadCountsHangulTwice(t *testing.T) {
	if got := pad("기한 경과", 10); got != "기한 경과 " {
		t.Errorf("pad = %q", got)
	}
	if got := pad("DUE", 10); got != "DUE       " {
		t.Errorf("pad = %q", got)
	}
}

// TestEveryDutyHasWords: each duty the schema allows is named in both languages, the Korean
// name in Korean (a missing word would print an empty name, an English one would leak into
// the Korean text).
func TestEveryDutyHasWords(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "schemas", "outage-deadlines.v1.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	var schema struct {
		Properties struct {
			Manifests struct {
				Items struct {
					Properties struct {
						Incidents struct {
							Items struct {
								Properties struct {
									Duties struct {
										Items struct {
											Properties struct {
												Duty struct {
													Enum []string `json:"enum"`
												} `json:"duty"`
											} `json:"properties"`
										} `json:"items"`
									} `json:"duties"`
								} `json:"properties"`
							} `json:"items"`
						} `json:"incidents"`
					} `json:"properties"`
				} `json:"items"`
			} `json:"manifests"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(b, &schema); err != nil {
		t.Fatal(err)
	}
	duties := schema.Properties.Manifests.Items.Properties.Incidents.Items.Properties.Duties.Items.Properties.Duty.Enum
	if len(duties) < 13 {
		t.Fatalf("schema lists %d duties: %v", len(duties), duties)
	}
	for _, d := range duties {
		if words["en"]["d:"+d] == "" {
			t.Errorf("no English name for duty %s", d)
		}
		ko := words["ko"]["d:"+d]
		if ko == "" || strings.IndexFunc(ko, func(r rune) bool { return r < 0x80 && unicode.IsLetter(r) }) >= 0 {
			t.Errorf("Korean name for duty %s is %q", d, ko)
		}
	}
}
