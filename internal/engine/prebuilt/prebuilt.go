// Package prebuilt holds the built-in bundle's prebuilt metadata as a Go value, generated
// by `go generate ./internal/engine` beside the stored plans of this directory. The
// compiler lays the value out in the binary: a run reads it without decoding anything.
package prebuilt

import "github.com/resilcheck/resilcheck/internal/audit"

// Meta is what the engine needs of the bundle besides the plans.
type Meta struct {
	// OPA is the OPA version that compiled and planned the bundle: another version's
	// planner, or another set of builtins, could plan it otherwise.
	OPA string
	// Policies is the digest of the bundle's evaluated files (test files left out), as
	// the engine computes it without data files.
	Policies   string
	Controls   []Control
	ParamTypes map[string][]string
}

// Control is one control of the catalogue and the modules of its package.
type Control struct {
	audit.Control
	Files []string
}
