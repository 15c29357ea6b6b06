// Package deadlines is the model and output of `resilcheck deadlines`: what the incidents in
// progress owe and by when, as judged by the Rego entry point data.resilcheck.deadlines (see
// policies/lib/deadlines.rego), which reads every instant from the rules the controls judge
// with.
package deadlines

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/resilcheck/resilcheck/internal/audit"
)

// Statuses a duty can have at the instant judged.
const (
	StatusOverdue  = "overdue"   // due and not done
	StatusDue      = "due"       // arisen, not done, its due instant not passed
	StatusPending  = "pending"   // not arisen yet (a threshold not crossed, or after restoration)
	StatusDone     = "done"      // a record answers it (on time or late: see Late)
	StatusExempt   = "exempt"    // an exemption of the decree covers it
	StatusNotBound = "not_bound" // the duty did not bind the provider when the incident started
)

// Statuses lists every status in the order summaries count them.
var Statuses = []string{StatusOverdue, StatusDue, StatusPending, StatusDone, StatusExempt, StatusNotBound}

// Report is the deadlines of every manifest judged at one instant.
type Report struct {
	Now       string         `json:"now"`   // the instant judged, RFC 3339 in Korean time
	AsOf      string         `json:"as_of"` // its Korean date: the law in force is read on it
	Tool      audit.Tool     `json:"tool"`
	Bundle    string         `json:"bundle_digest"`
	Manifests []Manifest     `json:"manifests"`
	Summary   map[string]int `json:"summary"` // duties by status, every status present
}

// Manifest is one judged document.
type Manifest struct {
	Name      string     `json:"name"`
	File      string     `json:"file"`
	Incidents []Incident `json:"incidents"`
}

// Incident is an open incident, or a restored one with duties after restoration still due.
type Incident struct {
	ID            string `json:"id"`
	Index         int    `json:"index"` // in the manifest's incidents
	Pointer       string `json:"pointer"`
	Position      string `json:"position,omitempty"` // file:line:column of the incident
	StartedAt     string `json:"started_at"`
	DetectedAt    string `json:"detected_at"`
	RestoredAt    string `json:"restored_at,omitempty"`
	Ongoing       bool   `json:"ongoing"`
	OutageMinutes int64  `json:"outage_minutes"` // up to now, or to restoration
	Disaster      bool   `json:"disaster"`
	Duties        []Duty `json:"duties"`
}

// Duty is one duty an incident triggers.
type Duty struct {
	Duty             string     `json:"duty"` // user-notice, ministry-report, ministry-update, ...
	Control          string     `json:"control"`
	Title            audit.Text `json:"title"`
	Status           string     `json:"status"`
	AfterRestoration bool       `json:"after_restoration"`
	TriggeredAt      string     `json:"triggered_at,omitempty"`
	DueAt            string     `json:"due_at,omitempty"`
	DoneAt           string     `json:"done_at,omitempty"`
	Late             *bool      `json:"late,omitempty"`
	// FirstNoticeAt and MissingContents: a user notice is done once it gave the fact, the
	// response and a contact; until then, what the notices lack.
	FirstNoticeAt   string      `json:"first_notice_at,omitempty"`
	MissingContents []string    `json:"missing_contents,omitempty"`
	Services        []string    `json:"services,omitempty"`
	Tenant          string      `json:"tenant,omitempty"` // whose service was suspended (tenant duties)
	Datacenter      string      `json:"datacenter,omitempty"`
	Rule            string      `json:"rule,omitempty"`  // continuous or repeated (datacenter, cloud)
	Clock           string      `json:"clock,omitempty"` // where a notice clock starts
	Basis           string      `json:"basis,omitempty"` // why the incident is a disaster
	Threshold       *Limit      `json:"threshold,omitempty"`
	Limit           *Limit      `json:"limit,omitempty"`
	Citation        *Citation   `json:"citation,omitempty"`
	Reason          *audit.Text `json:"reason,omitempty"`
}

// Limit is a number the rules apply, with its label (law, reported, audit-default,
// override, contract) and basis.
type Limit struct {
	Value json.Number `json:"value"`
	Unit  string      `json:"unit"` // minutes or days
	Label string      `json:"label,omitempty"`
	Basis string      `json:"basis,omitempty"`
}

// Citation is the rule in force when the incident started.
type Citation struct {
	En          string `json:"en"`
	Ko          string `json:"ko"`
	Label       string `json:"label"`
	InForceFrom string `json:"in_force_from,omitempty"`
}

// raw is the shape the Rego entry point gives.
type raw struct {
	Now       string `json:"now"`
	AsOf      string `json:"as_of"`
	Incidents []struct {
		Incident
		Duties []struct {
			Duty
			Package string `json:"package"`
		} `json:"duties"`
	} `json:"incidents"`
}

// Controls looks a control up by its Rego package name.
type Controls func(pkg string) (audit.Control, bool)

// Decode reads one manifest's evaluation (the JSON of data.resilcheck.deadlines.report) into
// m, naming each duty's control; pos gives a pointer's file:line:column. It returns the
// instant judged and its Korean date.
func Decode(b []byte, controls Controls, pos func(pointer string) audit.Position, m *Manifest) (now, asOf string, err error) {
	var r raw
	if err := json.Unmarshal(b, &r); err != nil {
		return "", "", fmt.Errorf("deadlines: unexpected result: %w", err)
	}
	m.Incidents = []Incident{}
	for _, ri := range r.Incidents {
		inc := ri.Incident
		inc.Pointer = fmt.Sprintf("/incidents/%d", inc.Index)
		if pos != nil {
			if p := pos(inc.Pointer); p.Line > 0 {
				inc.Position = fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Column)
			}
		}
		inc.Duties = []Duty{}
		for _, rd := range ri.Duties {
			d := rd.Duty
			c, ok := controls(rd.Package)
			if !ok {
				return "", "", fmt.Errorf("deadlines: duty %s names package %q, which is no control", d.Duty, rd.Package)
			}
			d.Control, d.Title = c.ID, c.Title
			for _, l := range []*Limit{d.Threshold, d.Limit} {
				if l != nil && l.Unit == "" {
					l.Unit = "minutes"
				}
			}
			inc.Duties = append(inc.Duties, d)
		}
		m.Incidents = append(m.Incidents, inc)
	}
	return r.Now, r.AsOf, nil
}

// Count fills the summary: duties by status.
func (r *Report) Count() {
	r.Summary = map[string]int{}
	for _, s := range Statuses {
		r.Summary[s] = 0
	}
	for _, m := range r.Manifests {
		for _, inc := range m.Incidents {
			for _, d := range inc.Duties {
				r.Summary[d.Status]++
			}
		}
	}
}

// Overdue reports whether any duty is overdue.
func (r *Report) Overdue() bool { return r.Summary[StatusOverdue] > 0 }

// Formats are the output formats.
var Formats = []string{"text", "json"}

// Render writes the report as text (in lang, "en" or "ko") or JSON (both languages).
func Render(w io.Writer, r *Report, format, lang string) error {
	bw := bufio.NewWriter(w)
	switch format {
	case "json":
		enc := json.NewEncoder(bw)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(r); err != nil {
			return err
		}
	case "text":
		renderText(bw, r, lang)
	default:
		return fmt.Errorf("unknown deadlines format %q", format)
	}
	return bw.Flush()
}

func renderText(w *bufio.Writer, r *Report, lang string) {
	t := words[lang]
	if t == nil {
		t = words["en"]
	}
	now, _ := time.Parse(time.RFC3339, r.Now)
	fmt.Fprintf(w, t["header"]+"\n", r.Now, r.AsOf)
	for _, m := range r.Manifests {
		fmt.Fprintf(w, "\n%s (%s)\n", safe(m.Name), safe(m.File))
		if len(m.Incidents) == 0 {
			fmt.Fprintf(w, "  %s\n", t["none"])
			continue
		}
		for _, inc := range m.Incidents {
			state := t["ongoing"]
			if !inc.Ongoing {
				state = fmt.Sprintf(t["restored"], inc.RestoredAt)
			}
			fmt.Fprintf(w, "  %s %s: %s, %s %s (%s)", t["incident"], safe(inc.ID), state, t["started"], inc.StartedAt, minutes(inc.OutageMinutes, lang))
			if inc.Disaster {
				fmt.Fprintf(w, ", %s", t["disaster"])
			}
			if inc.Position != "" {
				fmt.Fprintf(w, "  [%s]", safe(inc.Position))
			}
			fmt.Fprintln(w)
			for _, d := range inc.Duties {
				writeDuty(w, d, now, lang, t)
			}
		}
	}
	fmt.Fprintln(w)
	var parts []string
	for _, s := range Statuses {
		parts = append(parts, fmt.Sprintf("%d %s", r.Summary[s], t["n:"+s]))
	}
	fmt.Fprintf(w, "%s: %s\n", t["summary"], strings.Join(parts, ", "))
}

const indent = "              "

// pad fills s to n terminal columns; Hangul takes two.
func pad(s string, n int) string {
	w := 0
	for _, r := range s {
		w++
		if r >= 0x1100 {
			w++
		}
	}
	if w >= n {
		return s + " "
	}
	return s + strings.Repeat(" ", n-w)
}

func writeDuty(w *bufio.Writer, d Duty, now time.Time, lang string, t map[string]string) {
	fmt.Fprintf(w, "    %s%s (%s)", pad(t["s:"+d.Status], 10), t["d:"+d.Duty], d.Control)
	switch {
	case d.DoneAt != "":
		fmt.Fprintf(w, "  %s %s", t["done at"], d.DoneAt)
		if d.Late != nil && *d.Late {
			fmt.Fprintf(w, ", %s %s", t["late"], d.DueAt)
		}
	case d.DueAt != "":
		fmt.Fprintf(w, "  %s %s (%s)", t["due"], d.DueAt, relative(d.DueAt, now, lang))
	}
	fmt.Fprintln(w)
	if d.Reason != nil {
		fmt.Fprintf(w, "%s%s\n", indent, safe(d.Reason.In(lang)))
	}
	if d.Status == StatusPending && d.TriggeredAt != "" {
		fmt.Fprintf(w, "%s%s %s\n", indent, t["arises at"], d.TriggeredAt)
	} else if d.TriggeredAt != "" {
		fmt.Fprintf(w, "%s%s %s", indent, t["arose at"], d.TriggeredAt)
		if d.Clock != "" && lang != "ko" {
			fmt.Fprintf(w, ", %s", d.Clock)
		}
		fmt.Fprintln(w)
	}
	if d.Status == StatusPending && d.TriggeredAt == "" && d.AfterRestoration {
		fmt.Fprintf(w, "%s%s\n", indent, fmt.Sprintf(t["after restoration"], limit(d.Limit, lang)))
	}
	// A suspended tenant's service is due back once the reason for the suspension ends, an
	// instant no record gives until it has happened.
	if d.Status == StatusPending && d.TriggeredAt == "" && d.Duty == "tenant-resume" {
		fmt.Fprintf(w, "%s%s\n", indent, fmt.Sprintf(t["after reason ends"], limit(d.Limit, lang)))
	}
	if d.Threshold != nil {
		fmt.Fprintf(w, "%s%s %s\n", indent, t["threshold"], limit(d.Threshold, lang))
	}
	if d.Limit != nil && d.DueAt != "" {
		fmt.Fprintf(w, "%s%s %s\n", indent, t["limit"], limit(d.Limit, lang))
	}
	if d.FirstNoticeAt != "" && len(d.MissingContents) > 0 {
		fmt.Fprintf(w, "%s%s %s; %s %s\n", indent, t["first notice"], d.FirstNoticeAt, t["missing"], strings.Join(d.MissingContents, ", "))
	}
	if d.Datacenter != "" {
		fmt.Fprintf(w, "%s%s %s (%s)\n", indent, t["datacenter"], safe(d.Datacenter), d.Rule)
	}
	if d.Tenant != "" {
		fmt.Fprintf(w, "%s%s %s\n", indent, t["tenant"], safe(d.Tenant))
	}
	if len(d.Services) > 0 {
		fmt.Fprintf(w, "%s%s %s\n", indent, t["services"], safe(strings.Join(d.Services, ", ")))
	}
	if d.Citation != nil {
		c := d.Citation.En
		if lang == "ko" {
			c = d.Citation.Ko
		}
		fmt.Fprintf(w, "%s%s [%s]", indent, c, d.Citation.Label)
		if d.Citation.InForceFrom != "" {
			fmt.Fprintf(w, ", %s", fmt.Sprintf(t["in force from"], d.Citation.InForceFrom))
		}
		fmt.Fprintln(w)
	}
}

func limit(l *Limit, lang string) string {
	if l == nil {
		return ""
	}
	var n string
	switch {
	case l.Unit == "minutes" && lang == "ko":
		n = l.Value.String() + "분"
	case l.Unit == "minutes":
		n = l.Value.String() + " min"
	case lang == "ko":
		n = l.Value.String() + "일"
	default:
		n = l.Value.String() + " days"
	}
	if l.Label == "" {
		return n
	}
	return fmt.Sprintf("%s [%s]", n, l.Label)
}

func minutes(n int64, lang string) string {
	switch {
	case lang == "ko" && n < 60:
		return fmt.Sprintf("%d분", n)
	case lang == "ko":
		return fmt.Sprintf("%d시간 %d분", n/60, n%60)
	case n < 60:
		return fmt.Sprintf("%d min", n)
	}
	return fmt.Sprintf("%d h %02d min", n/60, n%60)
}

// relative says how far the due instant is from now, in minutes.
func relative(due string, now time.Time, lang string) string {
	t, err := time.Parse(time.RFC3339, due)
	if err != nil || now.IsZero() {
		return ""
	}
	d := t.Sub(now)
	past := d < 0
	if past {
		d = -d
	}
	// Rounded up: a duty a second overdue reads "1 min ago", not "0 min ago".
	n := int64((d + time.Minute - 1) / time.Minute)
	switch {
	case lang == "ko" && past:
		return minutes(n, lang) + " 지남"
	case lang == "ko":
		return minutes(n, lang) + " 남음"
	case past:
		return minutes(n, lang) + " ago"
	}
	return "in " + minutes(n, lang)
}

// safe shows control characters as escapes: ids and names come from the inputs.
func safe(s string) string { return audit.Printable(s) }

var words = map[string]map[string]string{
	"en": {
		"header":                       "Deadlines at %s (Korean time; law in force read on %s)",
		"none":                         "no open incident, and nothing after restoration still due",
		"incident":                     "incident",
		"ongoing":                      "ongoing",
		"restored":                     "restored %s",
		"started":                      "started",
		"disaster":                     "a disaster",
		"done at":                      "done at",
		"late":                         "after it was due at",
		"due":                          "due",
		"arises at":                    "arises at",
		"arose at":                     "arose at",
		"after restoration":            "due %s after restoration",
		"after reason ends":            "due %s after the reason for the suspension ends",
		"tenant":                       "tenant:",
		"threshold":                    "threshold",
		"limit":                        "allowed",
		"first notice":                 "first notice at",
		"missing":                      "still to tell:",
		"datacenter":                   "datacenter",
		"services":                     "services:",
		"in force from":                "in force from %s",
		"summary":                      "Duties",
		"s:overdue":                    "OVERDUE",
		"s:due":                        "DUE",
		"s:pending":                    "PENDING",
		"s:done":                       "DONE",
		"s:exempt":                     "EXEMPT",
		"s:not_bound":                  "NOT BOUND",
		"n:overdue":                    "overdue",
		"n:due":                        "due",
		"n:pending":                    "pending",
		"n:done":                       "done",
		"n:exempt":                     "exempt",
		"n:not_bound":                  "not bound",
		"d:user-notice":                "user notice",
		"d:ministry-report":            "first report to the ministry",
		"d:ministry-update":            "next progress report",
		"d:ministry-final-report":      "final report to the ministry",
		"d:datacenter-report":          "datacenter interruption report",
		"d:cloud-notice":               "cloud user notice",
		"d:lessor-notice":              "notice to the lessor of the leased site",
		"d:tenant-notice":              "notice to the suspended tenant",
		"d:tenant-resume":              "resumption of the tenant's service",
		"d:cloud-breach-notice":        "cloud intrusion notice to users",
		"d:cloud-leak-notice":          "cloud leak notice to users",
		"d:cloud-leak-ministry-notice": "leak notice to the ministry",
		"d:damages-notice":             "damages notice",
	},
	"ko": {
		"header":                       "%s 기준 기한(한국 시간, 적용 법령 기준일 %s)",
		"none":                         "진행 중인 장애 및 복구 후 남은 기한 없음",
		"incident":                     "장애",
		"ongoing":                      "진행 중",
		"restored":                     "%s 복구",
		"started":                      "발생",
		"disaster":                     "재난",
		"done at":                      "이행",
		"late":                         "기한 경과 후, 기한",
		"due":                          "기한",
		"arises at":                    "의무 발생 예정",
		"arose at":                     "의무 발생",
		"after restoration":            "복구 후 %s 이내",
		"after reason ends":            "중단사유 해소 후 %s 이내",
		"tenant":                       "시설이용자:",
		"threshold":                    "기준",
		"limit":                        "허용",
		"first notice":                 "최초 고지",
		"missing":                      "미고지 내용:",
		"datacenter":                   "집적정보통신시설",
		"services":                     "서비스:",
		"in force from":                "%s 시행",
		"summary":                      "의무",
		"s:overdue":                    "기한 경과",
		"s:due":                        "기한 전",
		"s:pending":                    "발생 전",
		"s:done":                       "이행",
		"s:exempt":                     "제외",
		"s:not_bound":                  "적용 안 됨",
		"n:overdue":                    "기한 경과",
		"n:due":                        "기한 전",
		"n:pending":                    "발생 전",
		"n:done":                       "이행",
		"n:exempt":                     "제외",
		"n:not_bound":                  "적용 안 됨",
		"d:user-notice":                "이용자 고지",
		"d:ministry-report":            "과학기술정보통신부 최초 보고",
		"d:ministry-update":            "다음 경과 보고",
		"d:ministry-final-report":      "최종 보고",
		"d:datacenter-report":          "집적정보통신시설 중단 보고",
		"d:cloud-notice":               "클라우드 이용자 통지",
		"d:lessor-notice":              "임대 사업자 통지",
		"d:tenant-notice":              "시설이용자 중단 통지",
		"d:tenant-resume":              "시설이용자 서비스 재개",
		"d:cloud-breach-notice":        "클라우드 침해사고 이용자 통지",
		"d:cloud-leak-notice":          "클라우드 정보 유출 이용자 통지",
		"d:cloud-leak-ministry-notice": "정보 유출 과학기술정보통신부 통지",
		"d:damages-notice":             "손해배상 안내",
	},
}
