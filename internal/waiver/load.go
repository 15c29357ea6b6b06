package waiver

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path"
	"unicode"

	"github.com/resilcheck/resilcheck/internal/audit"
	"github.com/resilcheck/resilcheck/internal/manifest"
	"github.com/resilcheck/resilcheck/internal/validate"
)

// Schema is the embedded schema a waiver file is validated against.
const Schema = "waivers"

// ProblemsError is a waiver file that cannot be used. A broken waiver file stops the run
// (exit 2) rather than being ignored, because ignoring it would turn accepted risks back into
// failures, or worse, the reverse.
type ProblemsError = validate.FileError

func problems(ps []audit.Problem) error { return &ProblemsError{What: "waiver file", Problems: ps} }

// Load reads and validates one waiver file (YAML or JSON, one document).
func Load(file string, opts manifest.Options) (*Set, error) {
	if file != "-" && isDir(file, opts.FS) {
		// manifest.Load would read every file below it before this could object.
		return nil, problems([]audit.Problem{{Position: audit.Position{File: file}, Message: "is a directory: give the one waiver file"}})
	}
	if opts.Subject == "" {
		opts.Subject = "a waiver file"
	}
	srcs := manifest.Load([]string{file}, opts)
	if len(srcs) != 1 {
		return nil, fmt.Errorf("waivers %s: expected one file, found %d", file, len(srcs))
	}
	src := srcs[0]
	if len(src.Problems) > 0 {
		return nil, problems(src.Problems)
	}
	if len(src.Documents) != 1 {
		return nil, problems([]audit.Problem{{Position: audit.Position{File: src.Path}, Message: fmt.Sprintf("a waiver file holds exactly one WaiverSet document, found %d", len(src.Documents))}})
	}
	doc := src.Documents[0]
	if ps := validate.Against(Schema, doc); len(ps) > 0 {
		return nil, problems(ps)
	}
	// The document is schema-valid, so this decode cannot meet a type it does not expect.
	raw, err := json.Marshal(doc.Value)
	if err != nil {
		return nil, fmt.Errorf("waivers %s: %w", src.Path, err)
	}
	var body struct {
		Waivers []Waiver `json:"waivers"`
	}
	if err := json.Unmarshal(raw, &body); err != nil {
		return nil, fmt.Errorf("waivers %s: %w", src.Path, err)
	}
	var bad []audit.Problem
	for i := range body.Waivers {
		w := &body.Waivers[i]
		at := manifest.Join("/waivers", i)
		w.At = doc.Pos(at)
		// The schema's minLength counts spaces: a waiver must still say why and who.
		for _, f := range []struct{ name, value, want string }{
			{"reason", w.Reason, "say why the failure is accepted and what compensates for it"},
			{"approvedBy", w.ApprovedBy, "name who accepted the risk"},
		} {
			if blank(f.value) {
				ptr := manifest.Join(at, f.name)
				bad = append(bad, audit.Problem{Position: doc.Pos(ptr), Pointer: ptr,
					Message: fmt.Sprintf("%s is blank: %s", f.name, f.want)})
			}
		}
		// A malformed glob would match nothing, and the waiver would only be reported as
		// unused: say what is wrong with it instead.
		if m := w.Manifest; m != "" {
			if _, err := path.Match(m, ""); err != nil {
				ptr := manifest.Join(at, "manifest")
				bad = append(bad, audit.Problem{Position: doc.Pos(ptr), Pointer: ptr,
					Message: fmt.Sprintf("manifest %q is not a valid glob pattern (%v)", m, err)})
			}
		}
	}
	if len(bad) > 0 {
		return nil, problems(bad)
	}
	return &Set{File: src.Path, Waivers: body.Waivers}, nil
}

// blank reports whether s shows nothing when printed: only white space (the ideographic
// space too), format characters such as the zero-width space and the byte order mark, and
// default-ignorable letters such as the Hangul fillers, which Unicode counts as letters.
func blank(s string) bool {
	for _, r := range s {
		if unicode.IsGraphic(r) && !unicode.IsSpace(r) &&
			!unicode.In(r, unicode.Other_Default_Ignorable_Code_Point, unicode.Variation_Selector) {
			return false
		}
	}
	return true
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
