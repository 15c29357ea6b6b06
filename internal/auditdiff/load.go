package auditdiff

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"

	"github.com/resilcheck/resilcheck/internal/audit"
	"github.com/resilcheck/resilcheck/internal/manifest"
	"github.com/resilcheck/resilcheck/internal/validate"
)

// ReportSchema is the embedded schema a report is validated against before it is compared.
const ReportSchema = "report"

// ProblemsError is a file that is not a usable report.
type ProblemsError = validate.FileError

func problems(ps []audit.Problem) error { return &ProblemsError{What: "report", Problems: ps} }

func problem(file, msg string) error {
	return problems([]audit.Problem{{Position: audit.Position{File: file}, Message: msg}})
}

// Load reads one JSON report of `resilcheck check -f json` ("-" for standard input),
// validates it against the report schema and checks what the schema cannot: that manifest
// names are unique and every result names a listed manifest, since the comparison keys on
// them. Anything wrong is a *ProblemsError.
func Load(file string, opts manifest.Options) (*audit.Report, error) {
	r, _, err := LoadDigest(file, opts)
	return r, err
}

// LoadDigest is Load that also gives the SHA-256 of the bytes the report was read from
// (check --baseline records it).
func LoadDigest(file string, opts manifest.Options) (*audit.Report, string, error) {
	if file != "-" && isDir(file, opts.FS) {
		// manifest.Load would read every file below it before this could object.
		return nil, "", problem(file, "is a directory: give a JSON report of resilcheck check -f json")
	}
	if opts.Subject == "" {
		opts.Subject = "a report"
	}
	srcs := manifest.Load([]string{file}, opts)
	if len(srcs) != 1 {
		return nil, "", problem(file, fmt.Sprintf("expected one report file, found %d", len(srcs)))
	}
	src := srcs[0]
	if len(src.Problems) > 0 {
		return nil, "", problems(src.Problems)
	}
	if len(src.Documents) != 1 {
		return nil, "", problem(src.Path, fmt.Sprintf("a report is exactly one JSON document, found %d", len(src.Documents)))
	}
	doc := src.Documents[0]
	if root, ok := doc.Value.(map[string]any); ok && root["apiVersion"] != nil && root["tool"] == nil {
		// The likeliest mistake: the manifest given instead of its audit.
		return nil, "", problems([]audit.Problem{{Position: doc.Pos(""),
			Message: "this is a manifest, not a report: compare the output of resilcheck check -f json"}})
	}
	if ps := validate.Against(ReportSchema, doc); len(ps) > 0 {
		return nil, "", problems(ps)
	}
	// The document is schema-valid, so this decode cannot meet a type it does not expect.
	raw, err := json.Marshal(doc.Value)
	if err != nil {
		return nil, "", fmt.Errorf("report %s: %w", src.Path, err)
	}
	var r audit.Report
	if err := json.Unmarshal(raw, &r); err != nil {
		return nil, "", fmt.Errorf("report %s: %w", src.Path, err)
	}
	var bad []audit.Problem
	at := func(ptr, msg string) {
		bad = append(bad, audit.Problem{Position: doc.Pos(ptr), Pointer: ptr, Message: msg})
	}
	names := map[string]bool{}
	for i, m := range r.Manifests {
		if names[m.Name] {
			at(manifest.Join("/manifests", i, "name"), fmt.Sprintf("manifest name %q is listed twice: results could not be told apart", m.Name))
		}
		names[m.Name] = true
	}
	type key struct{ manifest, control string }
	seen := map[key]bool{}
	for i, res := range r.Results {
		switch k := (key{res.Manifest, res.Control}); {
		case !names[res.Manifest]:
			at(manifest.Join("/results", i, "manifest"), fmt.Sprintf("result for manifest %q, which the report does not list", res.Manifest))
		case seen[k]:
			at(manifest.Join("/results", i), fmt.Sprintf("second result of control %s on manifest %q", res.Control, res.Manifest))
		default:
			seen[k] = true
		}
	}
	if len(bad) > 0 {
		return nil, "", problems(validate.Sort(bad))
	}
	return &r, src.SHA256, nil
}

func isDir(file string, fsys manifest.FileSystem) bool {
	var fi fs.FileInfo
	var err error
	if fsys != nil {
		fi, err = fsys.Stat(file)
	} else {
		fi, err = os.Stat(file)
	}
	return err == nil && fi.IsDir()
}
