package reports

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// explanation gathers what `explain` shows of id on asOf, as the command does.
func explanation(t *testing.T, id, asOf string) Explanation {
	t.Helper()
	e := bundleEngine(t, asOf)
	c, ok := e.Control(id)
	if !ok {
		t.Fatalf("no control %s", id)
	}
	ctx := context.Background()
	params, err := e.Params(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	tests, err := e.ScopeTests(ctx, c.Parties())
	if err != nil {
		t.Fatal(err)
	}
	inTests, err := e.ScopeParamNames(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return NewExplanation(asOf, c, params, tests, inTests)
}

// TestExplainGoldens pins a statute duty on the day of the Kakao fire (scope tests, periods,
// parameters) and a guidance control, in both languages, and the JSON.
func TestExplainGoldens(t *testing.T) {
	for _, tc := range []struct{ id, asOf string }{
		{"KR-TBA-33-NOTICE", "2022-10-15"},
		{"GUIDE-SITE-LOSS-DRILL", "2026-01-01"},
	} {
		x := explanation(t, tc.id, tc.asOf)
		for _, v := range []struct{ format, lang, ext string }{{"text", "en", "txt"}, {"text", "ko", "txt"}, {"json", "en", "json"}} {
			var b bytes.Buffer
			if err := WriteExplanation(&b, x, v.format, v.lang); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, filepath.Join("explain", tc.id+"."+tc.asOf+"."+v.lang+"."+v.ext), b.Bytes())
		}
	}
}

// TestExplainLeavesScopeParamsToTheTests: a threshold read only by the shared scope helper
// shows beside its test, not as one of the control's own parameters.
func TestExplainLeavesScopeParamsToTheTests(t *testing.T) {
	x := explanation(t, "KR-TBA-33-NOTICE", "2022-10-15")
	inTests, err := bundleEngine(t, "2022-10-15").ScopeParamNames(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !inTests["stability_min_users"] {
		t.Fatal("stability_min_users is no scope test's parameter any more: pick another")
	}
	for _, p := range x.Params {
		if !p.Direct && inTests[p.Name] {
			t.Errorf("%s is read through the scope helper but listed as the control's own", p.Name)
		}
	}
	if len(x.ScopeTests) == 0 {
		t.Error("no scope tests")
	}
}

// TestExplainKoreanLabels: every heading of the Korean page comes from the catalogue's
// Korean column.
func TestExplainKoreanLabels(t *testing.T) {
	var b bytes.Buffer
	if err := WriteExplanation(&b, explanation(t, "KR-TBA-33-NOTICE", "2022-10-15"), "text", "ko"); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"severity", "kind", "basis", "inforce", "citedon", "scopetests", "remediation", "params"} {
		en, ko := tr("en", "explain."+key), tr("ko", "explain."+key)
		if !strings.Contains(b.String(), ko) || strings.Contains(b.String(), en+":") || strings.Contains(b.String(), "\n"+en+"\n") {
			t.Errorf("explain.%s: want %q, not %q:\n%s", key, ko, en, b.String())
		}
	}
}
