package audit

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Param is one regulatory parameter a control relies on, as it stands on the audit date.
type Param struct {
	Name  string `json:"name"`
	Value any    `json:"value"`
	// Label is law, guideline, guidance or audit-default; "override" when a --data file
	// replaced the value.
	Label string `json:"label"`
	Basis string `json:"basis,omitempty"`
	From  string `json:"from,omitempty"`
	// Direct is true when the control names the parameter itself rather than through a
	// shared helper such as a scope test.
	Direct bool `json:"direct"`
}

// ScopeTest is one party test as `explain` shows it: the test as the law words it, with the
// thresholds in force on the audit date filled in, and the parameters it read.
type ScopeTest struct {
	Party string `json:"party"`
	Test  Text   `json:"test"`
	// From is when the party's branch came into force; a test not yet in force on the audit
	// date is shown with the numbers of its first entry.
	From   string  `json:"from"`
	Params []Param `json:"parameters,omitempty"`
}

// GroupDigits prints a parameter value with thousands separators for whole numbers, as the
// reasons in the bundle do (10,000,000); anything else as it is.
func GroupDigits(v any) string {
	s := fmt.Sprint(v)
	if n, ok := v.(json.Number); ok {
		s = n.String()
	}
	if v == nil {
		return "(not in force)"
	}
	if strings.ContainsAny(s, ".eE") || len(strings.TrimPrefix(s, "-")) < 4 {
		return s
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}
