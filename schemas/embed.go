// Package schemas embeds resilcheck's JSON Schemas (the manifest format, and the other
// documents resilcheck reads or writes) so the binary validates and prints them without
// the source tree. A schema file is named <name>.v<N>.schema.json.
package schemas

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

// FS holds every schema file.
//
//go:embed *.json
var FS embed.FS

const suffix = ".schema.json"

// Schema names one embedded schema file.
type Schema struct {
	Name    string // e.g. "manifest"
	Version int    // e.g. 1; 0 when the file name has no version
	File    string // e.g. "manifest.v1.schema.json"
}

// List returns every embedded schema, sorted by name then version.
func List() []Schema {
	entries, _ := fs.ReadDir(FS, ".") // cannot fail on an embed.FS root
	var out []Schema
	for _, e := range entries {
		if s, ok := parseName(e.Name()); ok {
			out = append(out, s)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].Version < out[j].Version
	})
	return out
}

func parseName(file string) (Schema, bool) {
	base, ok := strings.CutSuffix(file, suffix)
	if !ok || base == "" {
		return Schema{}, false
	}
	s := Schema{Name: base, File: file}
	if i := strings.LastIndex(base, ".v"); i > 0 {
		if v, err := strconv.Atoi(base[i+2:]); err == nil && v > 0 {
			s.Name, s.Version = base[:i], v
		}
	}
	return s, true
}

// Find resolves what a user typed: "manifest" (the newest version), "manifest.v1" or the
// file name "manifest.v1.schema.json".
func Find(name string) (Schema, error) {
	name = strings.TrimSuffix(name, suffix)
	var best Schema
	found := false
	for _, s := range List() {
		full := strings.TrimSuffix(s.File, suffix)
		switch {
		case full == name:
			return s, nil
		case s.Name == name && (!found || s.Version > best.Version):
			best, found = s, true
		}
	}
	if !found {
		var names []string
		for _, s := range List() {
			if len(names) == 0 || names[len(names)-1] != s.Name {
				names = append(names, s.Name)
			}
		}
		return Schema{}, fmt.Errorf("unknown schema %q (known: %s)", name, strings.Join(names, ", "))
	}
	return best, nil
}

// Read returns the bytes of the schema a user named (see Find).
func Read(name string) ([]byte, error) {
	s, err := Find(name)
	if err != nil {
		return nil, err
	}
	return FS.ReadFile(s.File)
}
