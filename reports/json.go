package reports

import (
	"io"

	"github.com/resilcheck/resilcheck/internal/audit"
)

// renderJSON writes the report model as indented JSON (schemas/report.v1.schema.json).
// Go's encoder sorts map keys, and the model's slices are sorted by the engine, so the
// output is byte-stable.
func renderJSON(w io.Writer, r *audit.Report, _ Options) error {
	return writeIndentedJSON(w, r)
}
