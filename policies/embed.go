// Package policies embeds the built-in Rego bundle: the controls, their shared library and
// the effective-dated regulatory parameters. The files are plain Rego v1 so the same tree
// runs unchanged under `opa eval`, `opa test` and conftest.
package policies

import "embed"

// FS holds every built-in policy, helper and parameter file, and their unit tests.
//
//go:embed lib data controls
var FS embed.FS
