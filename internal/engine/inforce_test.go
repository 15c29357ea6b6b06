package engine

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/resilcheck/resilcheck/internal/audit"
	"github.com/resilcheck/resilcheck/policies"
)

// builtin is the whole embedded bundle.
func builtin(t *testing.T, asOf string) *Engine {
	t.Helper()
	return newEngine(t, Options{AsOf: asOf, Policies: []PolicySource{{Name: "policies", FS: policies.FS}}})
}

// TestInForceMetadataMatchesRego holds each built-in control's METADATA custom.in_force (what
// `rules` and every report show) equal to the `in_force` rule its verdicts are computed from,
// so the catalogue can never claim a date the judgement does not use.
func TestInForceMetadataMatchesRego(t *testing.T) {
	e := builtin(t, "2026-11-22")
	ctx := context.Background()
	for _, c := range e.controls {
		t.Run(c.ID, func(t *testing.T) {
			if len(c.InForce) == 0 {
				t.Fatalf("%s declares no custom.in_force", c.ID)
			}
			q, err := e.lazyQuery(ctx, "x := "+c.ref.String()+".in_force")
			if err != nil {
				t.Fatal(err)
			}
			rs, err := q.Eval(ctx)
			if err != nil || len(rs) != 1 {
				t.Fatalf("%s: the in_force rule is missing or undefined (%v)", c.ID, err)
			}
			b, _ := json.Marshal(rs[0].Bindings["x"])
			var fromRego []audit.Period
			if err := json.Unmarshal(b, &fromRego); err != nil {
				t.Fatalf("%s: in_force rule: %v", c.ID, err)
			}
			if !reflect.DeepEqual(fromRego, c.InForce) {
				mb, _ := json.MarshalIndent(c.InForce, "", " ")
				rb, _ := json.MarshalIndent(fromRego, "", " ")
				t.Errorf("%s: METADATA custom.in_force and the in_force rule differ\nMETADATA: %s\nrule:     %s", c.ID, mb, rb)
			}
		})
	}
}

// TestKindsAreHonest: a control resting on a guideline or another reported source is never
// presented as law, and a law control's periods rest on statute (possibly in an older wording
// or read through an interpretation).
func TestKindsAreHonest(t *testing.T) {
	e := builtin(t, "2026-11-22")
	for _, c := range e.Controls() {
		for _, p := range c.InForce {
			if p.Verifiable != nil && !*p.Verifiable {
				continue
			}
			switch c.Kind {
			case audit.KindLaw:
				if p.Label == "guideline" || p.Label == "guidance" {
					t.Errorf("%s is kind law but a period rests on %s", c.ID, p.Label)
				}
			case audit.KindGuideline:
				if p.Label != "guideline" && p.Label != "reported" {
					t.Errorf("%s is kind guideline but a period is labelled %s", c.ID, p.Label)
				}
				if c.Severity == audit.SeverityCritical || c.Severity == audit.SeverityHigh {
					t.Errorf("%s rests on a reported guideline but has severity %s", c.ID, c.Severity)
				}
			case audit.KindGuidance:
				if p.Label != "guidance" {
					t.Errorf("%s is kind guidance but a period is labelled %s", c.ID, p.Label)
				}
			}
		}
		if c.Kind != audit.KindLaw && strings.Contains(strings.ToLower(c.Title.En), "breach of") {
			t.Errorf("%s (kind %s) is titled as a breach of law", c.ID, c.Kind)
		}
	}
}
