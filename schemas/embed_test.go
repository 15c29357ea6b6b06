package schemas

import (
	"testing"

	"github.com/xeipuuv/gojsonschema"
)

// TestEverySchemaCompiles keeps a broken schema from being embedded: each must be JSON
// that gojsonschema compiles.
func TestEverySchemaCompiles(t *testing.T) {
	list := List()
	if len(list) == 0 {
		t.Fatal("no schemas embedded")
	}
	for _, s := range list {
		t.Run(s.File, func(t *testing.T) {
			raw, err := FS.ReadFile(s.File)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := gojsonschema.NewSchemaLoader().Compile(gojsonschema.NewBytesLoader(raw)); err != nil {
				t.Errorf("compile: %v", err)
			}
		})
	}
}

func TestParseName(t *testing.T) {
	tests := []struct {
		name string
		file string
		want Schema
		ok   bool
	}{
		{"versioned", "manifest.v1.schema.json", Schema{Name: "manifest", Version: 1, File: "manifest.v1.schema.json"}, true},
		{"two-digit version", "report.v12.schema.json", Schema{Name: "report", Version: 12, File: "report.v12.schema.json"}, true},
		{"unversioned", "waivers.schema.json", Schema{Name: "waivers", File: "waivers.schema.json"}, true},
		{"not a schema", "notes.json", Schema{}, false},
		{"bad version", "x.vbeta.schema.json", Schema{Name: "x.vbeta", File: "x.vbeta.schema.json"}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := parseName(tc.file)
			if got != tc.want || ok != tc.ok {
				t.Errorf("parseName(%q) = %+v, %v; want %+v, %v", tc.file, got, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestFind(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    string
		wantErr bool
	}{
		{"name", "manifest", "manifest.v1.schema.json", false},
		{"name and version", "manifest.v1", "manifest.v1.schema.json", false},
		{"file name", "manifest.v1.schema.json", "manifest.v1.schema.json", false},
		{"unknown", "nope", "", true},
		{"unknown version", "manifest.v9", "", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Find(tc.in)
			if (err != nil) != tc.wantErr || s.File != tc.want {
				t.Errorf("Find(%q) = %+v, %v", tc.in, s, err)
			}
		})
	}
	if _, err := Read("manifest"); err != nil {
		t.Errorf("Read(manifest): %v", err)
	}
}
