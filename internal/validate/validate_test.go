package validate

import (
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
