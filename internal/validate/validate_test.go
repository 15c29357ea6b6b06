package validate

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/resilcheck/resilcheck/internal/audit"
	"github.com/resilcheck/resilcheck/internal/manifest"
)

// base is a valid manifest; cases append to it or replace one line.
const base = `apiVersion: resilcheck/v1
kind: ProviderManifest
metadata:
  name: t
provider:
  name: P
  categories: [value-added]
  origin: domestic
  metrics:
    window: {from: 2024-10-01, to: 2024-12-31}
datacenters:
  - {id: dc-a, name: A, operator: O, ownership: own}
services:
  - id: s1
    name: S1
    deployments: [{datacenter: dc-a, mode: active}]
`

func load(t *testing.T, name, content string) *manifest.Document {
	t.Helper()
	dir := t.TempDir()
	path := dir + "/" + name
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	srcs := manifest.Load([]string{path}, manifest.Options{})
	if len(srcs) != 1 || len(srcs[0].Problems) != 0 || len(srcs[0].Documents) != 1 {
		t.Fatalf("load: %+v", srcs[0].Problems)
	}
	return srcs[0].Documents[0]
}

// render shows problems without the temporary path.
func render(ps []audit.Problem) []string {
	out := []string{}
	for _, p := range ps {
		p.File = "m"
		out = append(out, Format(p))
	}
	return out
}

func TestDocument(t *testing.T) {
	tests := []struct {
		name string
		old  string // replaced by new in base; empty means append new
		new  string
		want []string
	}{
		{name: "valid", want: []string{}},
		{
			name: "missing required nested",
			old:  "  origin: domestic\n",
			want: []string{`m:6:3: /provider: missing required field "origin"`},
		},
		{
			name: "unknown field points at the key, with a suggestion",
			new:  "goverance: {}\n",
			want: []string{`m:17:1: /goverance: unknown field "goverance" (not allowed here; did you mean "governance"?)`},
		},
		{
			name: "unknown field with nothing close",
			new:  "zzz: 1\n",
			want: []string{`m:17:1: /zzz: unknown field "zzz" (not allowed here)`},
		},
		{
			name: "wrong type",
			old:  "    window:",
			new:  "    dailyAverageUsers: \"12\"\n    window:",
			want: []string{`m:10:24: /provider/metrics/dailyAverageUsers: expected integer, got string`},
		},
		{
			name: "null where a value is required",
			old:  "  name: P\n",
			new:  "  name:\n",
			want: []string{`m:6:8: /provider/name: expected string, got null`},
		},
		{
			name: "enum lists the allowed values",
			old:  "mode: active",
			new:  "mode: hot",
			want: []string{`m:16:44: /services/0/deployments/0/mode: "hot" is not an allowed value (allowed: "active", "standby", "cold")`},
		},
		{
			name: "const",
			old:  "kind: ProviderManifest",
			new:  "kind: Manifest",
			want: []string{`m:2:7: /kind: must be "ProviderManifest", not "Manifest"`},
		},
		{
			name: "id pattern",
			old:  "id: dc-a,",
			new:  "id: DC A,",
			want: []string{
				`m:12:10: /datacenters/0/id: "DC A" is not a valid id: use lowercase letters, digits, '.', '_' and '-', starting with a letter or digit, at most 100 characters`,
				`m:16:32: /services/0/deployments/0/datacenter: unknown datacenter "dc-a"`,
			},
		},
		{
			name: "empty string and empty list",
			old:  "  categories: [value-added]\n",
			new:  "  categories: []\n  nameKo: \"\"\n",
			want: []string{`m:7:15: /provider/categories: must list at least one item`},
		},
		{
			name: "minimum and maximum",
			old:  "    window:",
			new:  "    dailyAverageUsers: -1\n    trafficSharePercent: 100.5\n    window:",
			want: []string{
				`m:10:24: /provider/metrics/dailyAverageUsers: must be at least 0, got -1`,
				`m:11:26: /provider/metrics/trafficSharePercent: must be at most 100, got 100.5`,
			},
		},
		{
			name: "exclusive minimum",
			new:  "    requiredCapacityPercent: 0\n",
			want: []string{`m:17:30: /services/0/requiredCapacityPercent: must be greater than 0, got 0`},
		},
		{
			name: "keys with dots and slashes keep their pointer",
			old:  "  name: t\n",
			new:  "  name: t\n  labels: {a.b/c: 1}\n",
			want: []string{`m:5:19: /metadata/labels/a.b~1c: expected string, got integer`},
		},
		{
			name: "timestamp with impossible day",
			new:  "incidents:\n  - {id: i, cause: fire, startedAt: \"2023-02-29T10:00:00+09:00\"}\n",
			want: []string{`m:18:37: /incidents/0/startedAt: "2023-02-29T10:00:00+09:00" is not a valid RFC 3339 timestamp with a UTC offset`},
		},
		{
			name: "time of day alone is not a timestamp",
			new:  "incidents:\n  - {id: i, cause: fire, startedAt: \"15:04:05Z\"}\n",
			want: []string{`m:18:37: /incidents/0/startedAt: "15:04:05Z" is not a valid RFC 3339 timestamp with a UTC offset`},
		},
		{
			name: "date only where a timestamp is needed",
			new:  "incidents:\n  - {id: i, cause: fire, startedAt: 2022-10-15}\n",
			want: []string{`m:18:37: /incidents/0/startedAt: "2022-10-15" is not a valid RFC 3339 timestamp with a UTC offset`},
		},
		{
			name: "leap day exists in 2024",
			old:  "from: 2024-10-01",
			new:  "from: 2024-02-29",
			want: []string{},
		},
		{
			name: "restored equal to start is fine",
			new:  "incidents:\n  - {id: i, cause: fire, startedAt: \"2022-10-15T15:19:00+09:00\", restoredAt: \"2022-10-15T06:19:00Z\"}\n",
			want: []string{},
		},
		{
			name: "offsets are compared as instants",
			new:  "incidents:\n  - {id: i, cause: fire, startedAt: \"2022-10-15T15:19:00+09:00\", restoredAt: \"2022-10-15T06:00:00Z\"}\n",
			want: []string{`m:18:78: /incidents/0/restoredAt: restoredAt 2022-10-15T06:00:00Z is before startedAt 2022-10-15T15:19:00+09:00`},
		},
		{
			name: "dependency cycles are not a validation error",
			new:  "  - id: s2\n    name: S2\n    dependsOn: [s3]\n    deployments: [{datacenter: dc-a, mode: active}]\n  - id: s3\n    name: S3\n    dependsOn: [s2]\n    deployments: [{datacenter: dc-a, mode: active}]\n",
			want: []string{},
		},
		{
			name: "domestic agent names a declared affiliate; affiliate ids are unique",
			old:  "  origin: domestic\n",
			new:  "  origin: domestic\n  domesticAffiliates: [{id: sub-a, relation: founded}, {id: sub-a}]\n  domesticAgent: {name: A, affiliateId: sub-b}\n",
			want: []string{
				`m:9:61: /provider/domesticAffiliates/1/id: duplicate domestic affiliate id "sub-a" (first used at /provider/domesticAffiliates/0/id, line 9)`,
				`m:10:41: /provider/domesticAgent/affiliateId: unknown domestic affiliate "sub-b" (not in provider.domesticAffiliates)`,
			},
		},
		{
			name: "domestic agent is a declared affiliate",
			old:  "  origin: domestic\n",
			new:  "  origin: domestic\n  domesticAffiliates: [{id: sub-a, relation: controlled}]\n  domesticAgent: {name: A, affiliateId: sub-a}\n",
			want: []string{},
		},
		{
			name: "submittedAt must fall on submittedOn in Korea",
			new:  "governance:\n  disasterPlans:\n    - {year: 2026, submittedOn: 2025-09-30, submittedAt: \"2025-09-29T15:00:00Z\"}\n    - {year: 2027, submittedOn: 2026-09-30, submittedAt: \"2026-09-30T15:00:00Z\"}\n  stabilityReports:\n    - {year: 2026, submittedAt: \"2026-01-30T10:00:00+09:00\"}\n  facilityGrades:\n    - {year: 2026, submittedOn: 2025-09-30, submittedAt: \"2025-09-30T23:59:00+09:00\"}\n    - {year: 2027, submittedOn: 2026-09-30, submittedAt: \"2026-10-01T00:00:00+09:00\"}\n",
			want: []string{
				`m:20:58: /governance/disasterPlans/1/submittedAt: submittedAt 2026-09-30T15:00:00Z is 2026-10-01 in Korea (KST), not submittedOn 2026-09-30`,
				`m:25:58: /governance/facilityGrades/1/submittedAt: submittedAt 2026-10-01T00:00:00+09:00 is 2026-10-01 in Korea (KST), not submittedOn 2026-09-30`,
			},
		},
		{
			name: "supplement order dates in order",
			new:  "governance:\n  disasterPlans:\n    - year: 2026\n      supplementOrder: {issuedOn: 2025-11-15, dueOn: 2025-11-14, completedOn: 2025-11-01}\n    - year: 2027\n      supplementOrder: {issuedOn: 2026-11-15, dueOn: 2026-11-15, completedOn: 2026-12-31}\n",
			want: []string{
				`m:20:54: /governance/disasterPlans/0/supplementOrder/dueOn: dueOn 2025-11-14 is before issuedOn 2025-11-15`,
				`m:20:79: /governance/disasterPlans/0/supplementOrder/completedOn: completedOn 2025-11-01 is before issuedOn 2025-11-15`,
			},
		},
		{
			name: "data requests: unique ids, answered and due not before receipt, basis required",
			new:  "governance:\n  dataRequests:\n    - {id: r1, basis: tba-22-7-4, receivedOn: 2025-03-20, dueOn: 2025-03-19, answeredOn: 2025-03-01}\n    - {id: r1, basis: network-46-4, receivedOn: 2025-03-20, answeredOn: 2025-03-20}\n    - {id: r2, receivedOn: 2025-03-20}\n",
			want: []string{
				`m:19:66: /governance/dataRequests/0/dueOn: dueOn 2025-03-19 is before receivedOn 2025-03-20`,
				`m:19:90: /governance/dataRequests/0/answeredOn: answeredOn 2025-03-01 is before receivedOn 2025-03-20`,
				`m:20:12: /governance/dataRequests/1/id: duplicate data request id "r1" (first used at /governance/dataRequests/0/id, line 19)`,
				`m:21:7: /governance/dataRequests/2: missing required field "basis"`,
			},
		},
		{
			name: "graded facility ids are unique within one submission",
			new:  "governance:\n  facilityGrades:\n    - {year: 2026, facilities: [{id: f1, grade: A, designated: true}, {id: f1}]}\n    - {year: 2027, facilities: [{id: f1, grade: E}]}\n",
			want: []string{
				`m:19:76: /governance/facilityGrades/0/facilities/1/id: duplicate facility id "f1" (first used at /governance/facilityGrades/0/facilities/0/id, line 19)`,
				`m:20:49: /governance/facilityGrades/1/facilities/0/grade: "E" is not an allowed value (allowed: "A", "B", "C", "D")`,
			},
		},
		{
			name: "operatedFor only on a site the provider operates",
			old:  "  - {id: dc-a, name: A, operator: O, ownership: own}\n",
			new:  "  - {id: dc-a, name: A, operator: O, ownership: own, operatedFor: [others, own]}\n  - {id: dc-b, name: B, operator: O, ownership: colocation, operatedFor: [own]}\n  - {id: dc-c, name: C, operator: O, ownership: leased-exclusive, operatedFor: [others]}\n  - {id: dc-d, name: D, operator: O, ownership: own, operatedFor: []}\n",
			want: []string{
				`m:13:74: /datacenters/1/operatedFor: operatedFor applies only to a site the provider operates (ownership: own); this site is "colocation", rented space in someone else's facility: remove operatedFor`,
				`m:14:80: /datacenters/2/operatedFor: operatedFor applies only to a site the provider operates (ownership: own); this site is "leased-exclusive", an exclusively leased facility, judged under Network Act Art. 46(7): remove operatedFor`,
				`m:15:67: /datacenters/3/operatedFor: must list at least one item`,
			},
		},
		{
			name: "dailyUsersWindow ends before it starts",
			new:  "    dailyUsersWindow: {from: 2024-12-31, to: 2024-10-01}\n",
			want: []string{`m:17:46: /services/0/dailyUsersWindow/to: dailyUsersWindow ends (2024-10-01) before it starts (2024-12-31)`},
		},
		{
			name: "incident windows, lessor and ministry notices in order",
			new: "incidents:\n  - id: i\n    cause: maintenance\n    startedAt: \"2025-09-07T02:00:00+09:00\"\n" +
				"    announcedWindow: {from: \"2025-09-07T05:00:00+09:00\", to: \"2025-09-07T02:00:00+09:00\"}\n" +
				"    lessorNotifiedAt: \"2025-09-07T01:59:00+09:00\"\n" +
				"    ministryNotices:\n      - {at: \"2025-09-06T16:59:00Z\", kind: leak}\n      - {at: \"2025-09-06T17:00:00Z\", kind: notice-impossible}\n",
			want: []string{
				`m:21:62: /incidents/0/announcedWindow/to: announced window ends (2025-09-07T02:00:00+09:00) before it starts (2025-09-07T05:00:00+09:00)`,
				`m:22:23: /incidents/0/lessorNotifiedAt: lessorNotifiedAt 2025-09-07T01:59:00+09:00 is before the incident started (2025-09-07T02:00:00+09:00)`,
				`m:24:14: /incidents/0/ministryNotices/0/at: ministry notice at 2025-09-06T16:59:00Z is before the incident started (2025-09-07T02:00:00+09:00)`,
			},
		},
		{
			name: "lessor notice in the report, before the start",
			new: "incidents:\n  - id: i\n    cause: power\n    startedAt: \"2025-09-07T02:00:00+09:00\"\n" +
				"    datacenterReport: {lessorNotifiedAt: \"2025-09-07T01:59:00+09:00\"}\n",
			want: []string{
				`m:21:42: /incidents/0/datacenterReport/lessorNotifiedAt: lessorNotifiedAt 2025-09-07T01:59:00+09:00 is before the incident started (2025-09-07T02:00:00+09:00)`,
			},
		},
		{
			name: "lessor notice and its deprecated alias disagree",
			new: "incidents:\n  - id: i\n    cause: power\n    startedAt: \"2025-09-07T02:00:00+09:00\"\n" +
				"    datacenterReport: {at: \"2025-09-07T03:00:00+09:00\", lessorNotifiedAt: \"2025-09-07T03:10:00+09:00\"}\n" +
				"    lessorNotifiedAt: \"2025-09-07T03:20:00+09:00\"\n" +
				"  - id: j\n    cause: power\n    startedAt: \"2025-09-08T02:00:00+09:00\"\n" +
				"    datacenterReport: {lessorNotifiedAt: \"2025-09-08T03:10:00+09:00\"}\n" +
				"    lessorNotifiedAt: \"2025-09-07T18:10:00Z\"\n",
			want: []string{
				`m:22:23: /incidents/0/lessorNotifiedAt: lessorNotifiedAt 2025-09-07T03:20:00+09:00 (deprecated) differs from datacenterReport.lessorNotifiedAt 2025-09-07T03:10:00+09:00: keep only datacenterReport.lessorNotifiedAt`,
			},
		},
		{
			name: "tenant suspension ends not before it began; an advance notice is fine",
			new: "incidents:\n  - id: i\n    cause: cyberattack\n    startedAt: \"2025-05-12T02:10:00+09:00\"\n    tenantSuspensions:\n" +
				"      - {tenant: T, at: \"2025-05-12T02:50:00+09:00\", notifiedAt: \"2025-05-12T02:00:00+09:00\", reasonEndedAt: \"2025-05-12T02:49:00+09:00\", resumedAt: \"2025-05-11T17:49:59Z\"}\n" +
				"      - {tenant: U, at: \"2025-05-12T02:50:00+09:00\", resumedAt: \"2025-05-12T02:50:00+09:00\"}\n",
			want: []string{
				`m:22:110: /incidents/0/tenantSuspensions/0/reasonEndedAt: reasonEndedAt 2025-05-12T02:49:00+09:00 is before the suspension began (at 2025-05-12T02:50:00+09:00)`,
				`m:22:150: /incidents/0/tenantSuspensions/0/resumedAt: resumedAt 2025-05-11T17:49:59Z is before the suspension began (at 2025-05-12T02:50:00+09:00)`,
			},
		},
		{
			name: "notice channels list the shared channel enum",
			new:  "incidents:\n  - id: i\n    cause: power\n    startedAt: \"2025-05-12T02:10:00+09:00\"\n    damagesNotice: {at: \"2025-05-20T10:00:00+09:00\", channels: [newspaper, fax]}\n",
			want: []string{`m:21:76: /incidents/0/damagesNotice/channels/1: "fax" is not an allowed value (allowed: "email", "sms", "web", "app", "sns", "press", "phone", "mobile", "post", "newspaper")`},
		},
		{
			name: "contract termination ids are unique",
			new:  "cloud:\n  contractTerminations:\n    - {id: c1, endsOn: 2025-08-31}\n    - {id: c1, endsOn: 2025-09-30, noticeAt: \"2025-10-01T09:00:00+09:00\"}\n",
			want: []string{`m:20:12: /cloud/contractTerminations/1/id: duplicate contract termination id "c1" (first used at /cloud/contractTerminations/0/id, line 19)`},
		},
		{
			name: "duplicate dependsOn item",
			new:  "    dependsOn: [s1, s1]\n",
			want: []string{
				`m:17:17: /services/0/dependsOn/0: service "s1" depends on itself`,
				`m:17:21: /services/0/dependsOn/1: "s1" is listed more than once (items must be unique)`,
				`m:17:21: /services/0/dependsOn/1: service "s1" depends on itself`,
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			content := base + tc.new
			if tc.old != "" {
				if !strings.Contains(base, tc.old) {
					t.Fatalf("base lacks %q", tc.old)
				}
				content = strings.Replace(base, tc.old, tc.new, 1)
			}
			got := render(Document(load(t, "m.yaml", content)))
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("problems\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestUniqueNames(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := dir + "/" + name
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := write("a.yaml", "metadata:\n  name: same\n---\nmetadata: {name: other}\n")
	b := write("b.yaml", "# again\nmetadata:\n  name: same\n---\nmetadata: {}\n")
	var docs []*manifest.Document
	for _, s := range manifest.Load([]string{a, b}, manifest.Options{}) {
		docs = append(docs, s.Documents...)
	}
	got := UniqueNames(docs)
	if len(got) != 1 || len(got[docs[2]]) != 1 {
		t.Fatalf("got %v", got)
	}
	p := got[docs[2]][0]
	want := "metadata.name \"same\" is already used by the manifest at " + a + ":2:9; names must be unique across one run"
	if p.Line != 3 || p.Column != 9 || p.Pointer != "/metadata/name" || p.Message != want {
		t.Errorf("problem = %+v", p)
	}
}

func TestAgainst(t *testing.T) {
	tests := []struct {
		name    string
		schema  string
		content string
		want    []string
	}{
		{
			name:    "valid waiver set",
			schema:  "waivers",
			content: "apiVersion: resilcheck/v1\nkind: WaiverSet\nwaivers:\n  - {control: KR-X, reason: accepted for now, approvedBy: CISO, expires: 2026-12-31}\n",
			want:    []string{},
		},
		{
			name:    "strict dates and schema messages apply to other schemas",
			schema:  "waivers",
			content: "apiVersion: resilcheck/v1\nkind: WaiverSet\nwaivers:\n  - {control: KR-X, reason: accepted for now, approvedBy: CISO, expires: 2026-02-30, extra: 1}\n",
			want: []string{
				`m:4:74: /waivers/0/expires: "2026-02-30" is not a valid date (YYYY-MM-DD): day out of range`,
				`m:4:86: /waivers/0/extra: unknown field "extra" (not allowed here)`,
			},
		},
		{
			name:    "manifest rules beyond the schema are not applied",
			schema:  "manifest",
			content: base + "    dependsOn: [nope]\n",
			want:    []string{},
		},
		{
			name:    "unknown schema",
			schema:  "nope",
			content: "a: 1\n",
			want:    nil, // checked by prefix below: the list of known schemas grows
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := render(Against(tc.schema, load(t, "m.yaml", tc.content)))
			if tc.want == nil {
				if len(got) != 1 || !strings.HasPrefix(got[0], `m:1:1: cannot validate: unknown schema "nope" (known: manifest, `) {
					t.Errorf("problems = %q", got)
				}
				return
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("problems\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestFormat(t *testing.T) {
	tests := []struct {
		name string
		p    audit.Problem
		want string
	}{
		{"full", audit.Problem{Position: audit.Position{File: "k.yaml", Line: 42, Column: 7}, Pointer: "/a/0", Message: "bad"}, "k.yaml:42:7: /a/0: bad"},
		{"no pointer", audit.Problem{Position: audit.Position{File: "k.yaml", Line: 1, Column: 1}, Message: "bad"}, "k.yaml:1:1: bad"},
		{"line only", audit.Problem{Position: audit.Position{File: "k.yaml", Line: 3}, Message: "bad"}, "k.yaml:3: bad"},
		{"no position", audit.Problem{Position: audit.Position{File: "k.yaml"}, Message: "empty"}, "k.yaml: empty"},
		{"escape sequence in a key", audit.Problem{Position: audit.Position{File: "k.yaml", Line: 5, Column: 3}, Pointer: "/metadata/ev\x1b]0;x\ail", Message: "unknown field"},
			`k.yaml:5:3: /metadata/ev\x1b]0;x\x07il: unknown field`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Format(tc.p); got != tc.want {
				t.Errorf("Format = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestSuggest(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"british spelling", "datacentres", "datacenters"},
		{"case", "APIVERSION", "apiVersion"},
		{"too far", "servers", ""},
	}
	allowed := []string{"apiVersion", "datacenters", "services", "incidents"}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := suggestField(tc.in, allowed); got != tc.want {
				t.Errorf("suggestField(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestSchemaWalk guards the schema walker the messages rely on: if the schema's shape
// changes (a $ref renamed, an enum moved) these lookups must still find their targets.
func TestSchemaWalk(t *testing.T) {
	c, err := compiled()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, pointer, key string
	}{
		{"deployment mode enum", "/services/3/deployments/0/mode", "enum"},
		{"timestamp format", "/incidents/0/ministryReports/1/at", "format"},
		{"date format", "/provider/metrics/window/from", "format"},
		{"label values", "/metadata/labels/anything", "type"},
		{"ups battery", "/datacenters/0/ups/battery", "properties"},
		{"shared notice channel enum", "/incidents/0/damagesNotice/channels/0", "enum"},
		{"disaster plan item", "/governance/disasterPlans/0/supplementOrder/dueOn", "format"},
		{"graded facility", "/governance/facilityGrades/2/facilities/0/grade", "enum"},
		{"top-level cloud", "/cloud/contractTerminations/0/noticeAt", "format"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := c.at(tc.pointer)
			if s == nil || s[tc.key] == nil {
				t.Errorf("at(%q)[%q] missing: %v", tc.pointer, tc.key, s)
			}
		})
	}
	if c.at("/nope/deeper") != nil {
		t.Errorf("a pointer outside the schema must resolve to nil")
	}
}

// legalModelFields are the fields added for the legal model (REGULATIONS.md, "Obligations",
// the new evidence): the example in testdata must keep declaring each, so a valid use of
// every one stays tested. Paths use [] for list items.
var legalModelFields = []string{
	"provider.publicInstitution",
	"provider.koreanEstablishment",
	"provider.mobileNetwork",
	"provider.domesticAffiliates[].id",
	"provider.domesticAffiliates[].name",
	"provider.domesticAffiliates[].relation",
	"provider.domesticAgent.affiliateId",
	"provider.metrics.subscribers",
	"provider.metrics.lines",
	"governance.disasterPlans[].submittedAt",
	"governance.disasterPlans[].supplementOrder.issuedOn",
	"governance.disasterPlans[].supplementOrder.dueOn",
	"governance.disasterPlans[].supplementOrder.completedOn",
	"governance.facilityGrades[].submittedAt",
	"governance.facilityGrades[].facilities[].id",
	"governance.facilityGrades[].facilities[].name",
	"governance.facilityGrades[].facilities[].grade",
	"governance.facilityGrades[].facilities[].designated",
	"governance.facilityGrades[].facilities[].bypassRoute",
	"governance.facilityGrades[].facilities[].accessRestricted",
	"governance.facilityGrades[].facilities[].stablePower",
	"governance.facilityGrades[].facilities[].responseStaff",
	"governance.officer.role",
	"governance.officer.notifiedInWriting",
	"governance.disasterRoaming.agreementsWith",
	"governance.disasterRoaming.system",
	"governance.disasterRoaming.since",
	"governance.correctiveOrders[].basis",
	"governance.dataRequests[].id",
	"governance.dataRequests[].basis",
	"governance.dataRequests[].receivedOn",
	"governance.dataRequests[].dueOn",
	"governance.dataRequests[].answeredOn",
	"governance.dataRequests[].justification",
	"governance.stabilityMeasures.nonDiscrimination",
	"governance.stabilityMeasures.carrierPriorNotice",
	"governance.stabilityMeasures.paymentMeans",
	"governance.stabilityMeasures.internalGuideline",
	"governance.carrierMeasures.vulnerabilityAssessment",
	"governance.carrierMeasures.coreEquipmentMonitoring",
	"governance.carrierMeasures.trafficDistribution",
	"governance.carrierStabilityReports[].year",
	"governance.carrierStabilityReports[].publishedOn",
	"governance.carrierStabilityReports[].url",
	"datacenters[].operatedFor",
	"datacenters[].ups.commissionedOn",
	"datacenters[].ups.preUseInspectionOn",
	"datacenters[].physicalProtection.intrusionContainment",
	"services[].dailyUsersWindow.from",
	"services[].dailyUsersWindow.to",
	"services[].cloudNoticeMinutes",
	"incidents[].kind",
	"incidents[].dataLeak.detectedAt",
	"incidents[].dataLeak.description",
	"incidents[].announcedWindow.from",
	"incidents[].announcedWindow.to",
	"incidents[].datacenterReport.lessorNotifiedAt",
	"incidents[].ministryReports[].contents",
	"incidents[].ministryReports[].recipient",
	"incidents[].datacenterReport.written",
	"incidents[].datacenterReport.contents",
	"incidents[].tenantSuspensions[].tenant",
	"incidents[].tenantSuspensions[].ground",
	"incidents[].tenantSuspensions[].at",
	"incidents[].tenantSuspensions[].notifiedAt",
	"incidents[].tenantSuspensions[].contents",
	"incidents[].tenantSuspensions[].reasonEndedAt",
	"incidents[].tenantSuspensions[].resumedAt",
	"incidents[].ministryNotices[].at",
	"incidents[].ministryNotices[].kind",
	"incidents[].ministryNotices[].written",
	"incidents[].ministryNotices[].contents",
	"incidents[].damagesNotice.contents",
	"incidents[].damagesNotice.channels",
	"incidents[].userNotices[].contractAgreedMethod",
	"cloud.contractTerminations[].id",
	"cloud.contractTerminations[].endsOn",
	"cloud.contractTerminations[].noticeAt",
	"cloud.contractTerminations[].contents",
	"cloud.contractTerminations[].channels",
	"cloud.contractTerminations[].returnedOn",
	"cloud.contractTerminations[].destroyedOn",
	"cloud.contractTerminations[].contractOverride",
	"cloud.businessTermination.scope",
	"cloud.businessTermination.endsOn",
	"cloud.businessTermination.noticeAt",
	"cloud.businessTermination.postedUntil",
	"cloud.businessTermination.contents",
	"cloud.businessTermination.returnedOn",
	"cloud.businessTermination.destroyedOn",
}

// TestLegalModelExample: the example declaring every legal-model field is valid, and
// still declares each of them (and each new enum value of the notices).
func TestLegalModelExample(t *testing.T) {
	srcs := manifest.Load([]string{"../../testdata/valid/legal-model-fields.yaml"}, manifest.Options{})
	if len(srcs) != 1 || len(srcs[0].Problems) != 0 || len(srcs[0].Documents) != 1 {
		t.Fatalf("load: %+v", srcs)
	}
	d := srcs[0].Documents[0]
	if ps := render(Document(d)); len(ps) != 0 {
		t.Fatalf("the example is not valid:\n%s", strings.Join(ps, "\n"))
	}
	used := map[string]bool{}
	var walk func(path string, x any)
	walk = func(path string, x any) {
		switch x := x.(type) {
		case map[string]any:
			for k, child := range x {
				p := strings.TrimPrefix(path+"."+k, ".")
				used[p] = true
				walk(p, child)
			}
		case []any:
			for _, child := range x {
				walk(path+"[]", child)
			}
		case string:
			used[path+"="+x] = true
		}
	}
	walk("", d.Value)
	for _, f := range legalModelFields {
		if !used[f] {
			t.Errorf("the example does not declare %s", f)
		}
	}
	for _, v := range []string{
		"incidents[].userNotices[].channels[]=phone", "incidents[].userNotices[].channels[]=mobile",
		"incidents[].userNotices[].channels[]=post", "incidents[].userNotices[].channels[]=newspaper",
		"incidents[].userNotices[].contents[]=prevention-advice", "incidents[].userNotices[].contents[]=department",
	} {
		if !used[v] {
			t.Errorf("the example does not use %s", v)
		}
	}
}

// TestSchemaConventions keeps the manifest schema's house rules: every property says what
// it is (itself or through the definition it refers to), every object with properties
// rejects unknown ones, and the item types that repeat `submission` repeat it exactly.
func TestSchemaConventions(t *testing.T) {
	c, err := compiled()
	if err != nil {
		t.Fatal(err)
	}
	var walk func(loc string, n any)
	walk = func(loc string, n any) {
		switch n := n.(type) {
		case map[string]any:
			if props, ok := n["properties"].(map[string]any); ok {
				if n["additionalProperties"] != false {
					t.Errorf("%s: an object with properties must set additionalProperties: false", loc)
				}
				for name, p := range props {
					p, _ := p.(map[string]any)
					if _, ok := p["description"]; !ok {
						if _, ok := c.resolve(p)["description"]; !ok {
							t.Errorf("%s/properties/%s: no description", loc, name)
						}
					}
				}
			}
			for k, v := range n {
				walk(loc+"/"+k, v)
			}
		case []any:
			for i, v := range n {
				walk(fmt.Sprintf("%s/%d", loc, i), v)
			}
		}
	}
	walk("#", c.tree)

	defs, _ := c.tree["definitions"].(map[string]any)
	sub, _ := defs["submission"].(map[string]any)
	for _, name := range []string{"disasterPlan", "facilityGrade"} {
		def, _ := defs[name].(map[string]any)
		props, _ := def["properties"].(map[string]any)
		for field, want := range sub["properties"].(map[string]any) {
			if !reflect.DeepEqual(props[field], want) {
				t.Errorf("definitions/%s/properties/%s differs from definitions/submission", name, field)
			}
		}
		if !reflect.DeepEqual(def["required"], sub["required"]) {
			t.Errorf("definitions/%s requires %v, submission %v", name, def["required"], sub["required"])
		}
	}
}

func BenchmarkDocument(b *testing.B) {
	dir := b.TempDir()
	path := dir + "/m.yaml"
	if err := os.WriteFile(path, []byte(base), 0o644); err != nil {
		b.Fatal(err)
	}
	d := manifest.Load([]string{path}, manifest.Options{})[0].Documents[0]
	b.ReportAllocs()
	for b.Loop() {
		if ps := Document(d); len(ps) != 0 {
			b.Fatal(ps)
		}
	}
}
