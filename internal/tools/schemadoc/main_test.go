package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/resilcheck/resilcheck/schemas"
)

// TestReadmeIsCurrent fails when README.md's manifest reference no longer matches the
// schema; the fix is `go run ./internal/tools/schemadoc`.
func TestReadmeIsCurrent(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := Section(readme)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := schemas.Read("manifest")
	if err != nil {
		t.Fatal(err)
	}
	want, err := Generate(raw)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("README manifest-reference section is stale: run go run ./internal/tools/schemadoc")
	}
}

func TestGenerate(t *testing.T) {
	raw, err := schemas.Read("manifest")
	if err != nil {
		t.Fatal(err)
	}
	out, err := Generate(raw)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(out)
	tests := []struct {
		name, want string
	}{
		{"nested object table", "### `provider.metrics.window`"},
		{"list item table", "### `services[].deployments[]`"},
		{"required field", "| `datacenter` | id | yes | Id of a datacenter in `datacenters`. |"},
		{"enum values", "| `mode` | one of `active`, `standby`, `cold` | yes |"},
		{"timestamp type", "| `startedAt` | timestamp (RFC 3339 with offset) | yes |"},
		{"bounds", "| `trafficSharePercent` | number ≥ 0, ≤ 100 |"},
		{"const", "| `apiVersion` | `resilcheck/v1` | yes |"},
		{"map", "| `labels` | map of string |"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(doc, tc.want) {
				t.Errorf("reference lacks %q", tc.want)
			}
		})
	}
	// Order follows the schema file: apiVersion first, incidents last at the top level.
	if strings.Index(doc, "| `apiVersion`") > strings.Index(doc, "| `incidents`") {
		t.Errorf("top-level fields are not in schema order")
	}
	again, _ := Generate(raw)
	if !bytes.Equal(out, again) {
		t.Errorf("output is not deterministic")
	}
}

func TestSplice(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    string
		wantErr bool
	}{
		{
			name: "replaces only the section body",
			in:   "a\n" + openMarker + "\nold\n" + closeMarker + "\nb\n",
			want: "a\n" + openMarker + "\nNEW\n" + closeMarker + "\nb\n",
		},
		{
			name: "empty section",
			in:   openMarker + "\n" + closeMarker + "\n",
			want: openMarker + "\nNEW\n" + closeMarker + "\n",
		},
		{name: "missing markers", in: "no markers\n", wantErr: true},
		{name: "markers reversed", in: closeMarker + "\n" + openMarker + "\n", wantErr: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Splice([]byte(tc.in), []byte("NEW\n"))
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tc.wantErr)
			}
			if string(got) != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			if err == nil {
				sec, _ := Section(got)
				if string(sec) != "NEW\n" {
					t.Errorf("Section after Splice = %q", sec)
				}
			}
		})
	}
}
