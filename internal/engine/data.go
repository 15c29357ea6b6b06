package engine

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// DataFile is a --data file: YAML or JSON shaped {"resilcheck": {"overrides": {...}}}, the
// same file `opa eval -d FILE` accepts.
type DataFile struct {
	Name    string
	Content []byte
}

// DataError is a --data file that cannot be used. The CLI maps it to exit status 2.
type DataError struct {
	File string
	Msg  string
}

func (e *DataError) Error() string { return "data file " + e.File + ": " + e.Msg }

// parseData merges the overrides of every data file, later files winning per parameter.
// Anything other than resilcheck.overrides is refused: the run context and the parameter
// table belong to the tool, and silently accepting other keys would let a data file change
// verdicts in ways a reviewer of the report cannot see.
func parseData(files []DataFile) (map[string]any, error) {
	merged := map[string]any{}
	for _, f := range files {
		var raw any
		if err := yaml.Unmarshal(f.Content, &raw); err != nil {
			return nil, &DataError{File: f.Name, Msg: "not valid YAML or JSON: " + err.Error()}
		}
		// A JSON round trip turns YAML's int/float/map types into what OPA expects and
		// keeps big integers exact.
		b, err := json.Marshal(raw)
		if err != nil {
			return nil, &DataError{File: f.Name, Msg: err.Error()}
		}
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.UseNumber()
		var doc any
		if err := dec.Decode(&doc); err != nil {
			return nil, &DataError{File: f.Name, Msg: err.Error()}
		}
		if doc == nil {
			continue
		}
		top, ok := doc.(map[string]any)
		if !ok {
			return nil, &DataError{File: f.Name, Msg: `must be an object {"resilcheck": {"overrides": {...}}}`}
		}
		for k := range top {
			if k != "resilcheck" {
				return nil, &DataError{File: f.Name, Msg: fmt.Sprintf("top-level key %q is not allowed: only resilcheck.overrides may be set", k)}
			}
		}
		rc, ok := top["resilcheck"].(map[string]any)
		if !ok {
			return nil, &DataError{File: f.Name, Msg: `"resilcheck" must be an object holding "overrides"`}
		}
		var others []string
		for k := range rc {
			if k != "overrides" {
				others = append(others, "resilcheck."+k)
			}
		}
		if len(others) > 0 {
			sort.Strings(others)
			return nil, &DataError{File: f.Name, Msg: fmt.Sprintf("%s may not be overwritten: only resilcheck.overrides may be set", strings.Join(others, ", "))}
		}
		ov, ok := rc["overrides"].(map[string]any)
		if !ok {
			return nil, &DataError{File: f.Name, Msg: `"resilcheck.overrides" must be an object of parameter name to value`}
		}
		for k, v := range ov {
			merged[k] = v
		}
	}
	return merged, nil
}
