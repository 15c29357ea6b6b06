package reports

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/resilcheck/resilcheck/internal/audit"
	"github.com/resilcheck/resilcheck/internal/check"
	"github.com/resilcheck/resilcheck/internal/engine"
)

var bundleEngines sync.Map // as-of date → *engine.Engine

// bundleEngine is the built-in bundle's engine on asOf, built once per date.
func bundleEngine(t *testing.T, asOf string) *engine.Engine {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the policy bundle")
	}
	if e, ok := bundleEngines.Load(asOf); ok {
		return e.(*engine.Engine)
	}
	e, err := check.Engine(context.Background(), check.Options{AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	bundleEngines.Store(asOf, e)
	return e
}

// ruleSample is a law, a guideline, a guidance control and a custom control whose title
// and citation would restyle a Markdown table: the goldens stay small and change only with
// these controls.
func ruleSample(t *testing.T) []audit.Control {
	t.Helper()
	var out []audit.Control
	for _, id := range []string{"KR-TBA-33-NOTICE", "KR-MSIT-2022-OPS-TOOLING", "GUIDE-SITE-LOSS-DRILL"} {
		c, ok := bundleEngine(t, "2026-01-01").Control(id)
		if !ok {
			t.Fatalf("no control %s in the bundle", id)
		}
		out = append(out, c)
	}
	return append(out, audit.Control{
		ID: "ACME-001", Severity: audit.SeverityLow, Kind: audit.KindGuidance, Custom: true,
		Title:    audit.Text{En: "Keep *two* <copies> | always", Ko: "사본 *두* 개 | 항상"},
		Citation: audit.Citation{Law: "House rule", Article: "§1"},
	})
}

// TestRulesGoldens pins every rules format in both languages.
func TestRulesGoldens(t *testing.T) {
	controls := ruleSample(t)
	ext := map[string]string{"text": "txt", "json": "json", "markdown": "md"}
	for _, format := range RulesFormats {
		for _, lang := range []string{"en", "ko"} {
			if format == "json" && lang == "ko" {
				continue // the JSON carries both languages whatever --lang says
			}
			var b bytes.Buffer
			if err := WriteRules(&b, controls, format, lang); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, filepath.Join("rules", "sample."+lang+"."+ext[format]), b.Bytes())
		}
	}
	if err := WriteRules(&bytes.Buffer{}, controls, "csv", "en"); err == nil {
		t.Error("an unknown format is not refused")
	}
}

// TestRulesTextAlignsKorean: the title column starts at the same display column on every
// line, Korean citations and headers included.
func TestRulesTextAlignsKorean(t *testing.T) {
	var b bytes.Buffer
	if err := WriteRules(&b, ruleSample(t), "text", "ko"); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	col := -1
	for _, line := range lines[:len(lines)-2] {
		i := strings.LastIndex(line, "  ")
		at := DisplayWidth(line[:i+2])
		if col >= 0 && at != col {
			t.Errorf("title at column %d, want %d: %q", at, col, line)
		}
		col = at
	}
	if !strings.Contains(lines[0], "심각도") || !strings.HasSuffix(b.String(), "점검 항목 4개\n") {
		t.Errorf("the Korean table is not headed and counted in Korean:\n%s", b.String())
	}
}

// TestRulesInForceThroughout: a duty whose first period has no start prints "throughout"
// (in each language), never an empty cell; an unverifiable stretch before a dated period is
// skipped as before.
func TestRulesInForceThroughout(t *testing.T) {
	no := false
	cases := []struct {
		periods []audit.Period
		lang    string
		want    string
	}{
		{[]audit.Period{{Until: "2023-07-04", Label: "law"}, {From: "2023-07-04", Label: "law"}}, "en", "throughout"},
		{[]audit.Period{{Label: "law", Parties: []string{"colo"}}}, "ko", "상시"},
		{[]audit.Period{{Until: "2009-01-28", Label: "law", Verifiable: &no}, {From: "2009-01-28", Label: "law"}}, "en", "2009-01-28"},
	}
	for _, c := range cases {
		if got := inForceFrom(audit.Control{InForce: c.periods}, c.lang); got != c.want {
			t.Errorf("inForceFrom(%+v, %s) = %q, want %q", c.periods, c.lang, got, c.want)
		}
	}
}

// TestExplainInForceSpans: explain words a period with no start or end as rules does, and one
// that ends without a start as running from earlier.
func TestExplainInForceSpans(t *testing.T) {
	for _, c := range []struct {
		periods []audit.Period
		lang    string
		want    string
	}{
		{[]audit.Period{{Label: "law", Parties: []string{"colo"}, Citation: "X"}}, "en", "  throughout "},
		{[]audit.Period{{Label: "law", Parties: []string{"colo"}, Citation: "X"}}, "ko", "  상시 "},
		{[]audit.Period{{Until: "2023-07-04", Label: "law", Citation: "X"}, {From: "2023-07-04", Label: "law", Citation: "Y"}}, "en", " .. 2023-07-04"},
	} {
		var b strings.Builder
		x := Explanation{AsOf: "2026-01-01", Control: audit.Control{ID: "C-1", InForce: c.periods}}
		if err := explainText(&b, x, c.lang); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), c.want) {
			t.Errorf("explain (%s) of %+v lacks %q:\n%s", c.lang, c.periods, c.want, b.String())
		}
	}
}
