package engine

import (
	"context"
	"encoding/json"
	"errors"
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

// TestCustomReasonAndPeriods: a custom control's reason reaches the result whether it is an
// object or a bare string, a control that gives none is still not applicable (and says it
// gave none), and custom.in_force is read and checked like the built-ins'.
func TestCustomReasonAndPeriods(t *testing.T) {
	const na = "\ndefault applies := false\n\nviolations contains \"x\" if false\n"
	tests := []struct {
		name, body     string
		wantEn, wantKo string
	}{
		{"object", na + "\nreason := {\"en\": \"no site\", \"ko\": \"시설 없음\"}\n", "no site", "시설 없음"},
		{"string", na + "\nreason := \"no site\"\n", "no site", ""},
		{"none", na, NoReason, "통제 항목이 사유를 밝히지 않았습니다"},
		{"reason ignored when it applies", "\ndefault applies := true\n\nviolations contains \"x\" if false\n\nreason := \"never shown\"\n", "", ""},
		{"applies that is not a boolean is an error", "\napplies := \"yes\"\n\nviolations contains \"x\" if false\n", "applies must be true or false, not \"yes\"", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := customSource(map[string]string{"c.rego": goodMeta + "package resilcheck.controls.c\n" + tc.body})
			e := newEngine(t, Options{Policies: []PolicySource{core(t), src}})
			r := resultFor(t, e.EvaluateOne(context.Background(), Document{Name: "x", Value: major(nil)}), "CUSTOM-1")
			if r.Reason != tc.wantEn || r.ReasonKo != tc.wantKo {
				t.Fatalf("reason = %q / %q, want %q / %q (status %s)", r.Reason, r.ReasonKo, tc.wantEn, tc.wantKo, r.Status)
			}
		})
	}

	periods := "#   in_force:\n#     - from: \"2023-07-04\"\n#       label: law\n#       citation: Internal Sec. 1\n"
	src := customSource(map[string]string{"c.rego": strings.Replace(goodMeta, "#   remediation:", periods+"#   remediation:", 1) + "package resilcheck.controls.c\n" + na})
	e := newEngine(t, Options{Policies: []PolicySource{core(t), src}})
	c, _ := e.Control("CUSTOM-1")
	if len(c.InForce) != 1 || c.InForce[0].From != "2023-07-04" || c.PeriodOn("2023-07-03") != nil || c.PeriodOn("2023-07-04") == nil {
		t.Fatalf("in_force = %+v", c.InForce)
	}

	// A period without from binds since before the texts show (a duty in force throughout).
	throughout := "#   in_force:\n#     - until: \"2023-07-04\"\n#       label: law-older-wording-reported\n#       citation: Internal Sec. 1 (older)\n#     - from: \"2023-07-04\"\n#       label: law\n#       citation: Internal Sec. 1\n"
	src = customSource(map[string]string{"c.rego": strings.Replace(goodMeta, "#   remediation:", throughout+"#   remediation:", 1) + "package resilcheck.controls.c\n" + na})
	e = newEngine(t, Options{Policies: []PolicySource{core(t), src}})
	c, _ = e.Control("CUSTOM-1")
	if p := c.PeriodOn("2001-01-01"); p == nil || p.Label != "law-older-wording-reported" || c.PeriodOn("2023-07-04").Label != "law" {
		t.Fatalf("in_force without from = %+v", c.InForce)
	}

	for name, bad := range map[string]string{
		"not a date":                "#   in_force:\n#     - from: \"2023-02-30\"\n#       label: law\n#       citation: X\n",
		"bad label":                 "#   in_force:\n#     - from: \"2023-07-04\"\n#       label: rumour\n#       citation: X\n",
		"until <= from":             "#   in_force:\n#     - from: \"2023-07-04\"\n#       until: \"2023-07-04\"\n#       label: law\n#       citation: X\n",
		"no citation":               "#   in_force:\n#     - from: \"2023-07-04\"\n#       label: law\n",
		"empty list":                "#   in_force: []\n",
		"misspelt from":             "#   in_force:\n#     - form: \"2023-07-04\"\n#       label: law\n#       citation: X\n",
		"later period without from": "#   in_force:\n#     - from: \"2020-01-01\"\n#       until: \"2023-07-04\"\n#       label: law\n#       citation: X\n#     - label: law\n#       citation: Y\n",
	} {
		t.Run(name, func(t *testing.T) {
			src := customSource(map[string]string{"c.rego": strings.Replace(goodMeta, "#   remediation:", bad+"#   remediation:", 1) + "package resilcheck.controls.c\n" + na})
			_, err := New(context.Background(), Options{Policies: []PolicySource{core(t), src}, AsOf: "2026-01-01"})
			var be *BundleError
			if !errors.As(err, &be) || !strings.Contains(err.Error(), "custom.in_force") {
				t.Fatalf("err = %v, want a bundle error about custom.in_force", err)
			}
		})
	}
}

// TestCustomPoliciesLockedOutOfBuiltins: a -p module may add controls and helpers of its
// own, and nothing else; each attempt to redefine or extend the built-in bundle (the run's
// audit date, the parameters, the shared library, a built-in control) is a bundle error
// naming the file and line, so no custom policy can bend the built-in verdicts silently.
func TestCustomPoliciesLockedOutOfBuiltins(t *testing.T) {
	const na = "\ndefault applies := false\n\nviolations contains \"x\" if false\n"
	refused := map[string]string{
		"the audit date":     "package resilcheck.run\n\nas_of := \"2000-01-01\"\n",
		"the overrides":      "package resilcheck.overrides\n\ndm_officer_notify_days := 999\n",
		"the shared library": "package resilcheck.lib.scope\n\nx := 1\n",
		"a new lib package":  "package resilcheck.lib.mine\n\nx := 1\n",
		"the parameters":     "package resilcheck.params\n\ny := 1\n",
		"the root":           "package resilcheck\n\nrun := {\"as_of\": \"2000-01-01\"}\n",
		"the controls root":  "package resilcheck.controls\n\ndm_officer.applies := false\n",
		"a built-in control": goodMeta + "package resilcheck.controls.dm_officer\n" + na,
		"inside a built-in":  "package resilcheck.controls.dm_officer.extra\n\nx := 1\n",
		"a built-in test":    "package resilcheck.controls.dm_officer_test\n\ntest_x if true\n",
		"the portable entry": "package resilcheck.main\n\nx := 1\n",
	}
	for name, src := range refused {
		t.Run(name, func(t *testing.T) {
			_, err := New(context.Background(), Options{Policies: []PolicySource{core(t), customSource(map[string]string{"evil.rego": src})}, AsOf: "2026-01-01"})
			var be *BundleError
			if !errors.As(err, &be) || !strings.Contains(err.Error(), "custom/evil.rego:") {
				t.Fatalf("err = %v, want a bundle error naming custom/evil.rego", err)
			}
		})
	}
	allowed := map[string]string{
		"a new control":              goodMeta + "package resilcheck.controls.acme_owner\n\nimport data.acme.helpers\n" + na + "\nx := helpers.y\n",
		"a helper of its own":        "package acme.helpers\n\ny := 1\n",
		"a control named like a lib": goodMeta + "package resilcheck.controls.dm_officer2\n" + na,
	}
	files := map[string]string{}
	for name, src := range allowed {
		files[strings.ReplaceAll(name, " ", "_")+".rego"] = src
	}
	files["a_control_named_like_a_lib.rego"] = strings.Replace(files["a_control_named_like_a_lib.rego"], "CUSTOM-1", "CUSTOM-2", 1)
	if _, err := New(context.Background(), Options{Policies: []PolicySource{core(t), customSource(files)}, AsOf: "2026-01-01"}); err != nil {
		t.Fatalf("allowed custom policies refused: %v", err)
	}
}
