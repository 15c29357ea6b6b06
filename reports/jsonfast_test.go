package reports

import (
	"bytes"
	"encoding/json"
	"math/rand"
	"strings"
	"testing"

	"github.com/resilcheck/resilcheck/internal/audit"
)

// encodingJSON is what the JSON report writes for v: encoding/json, HTML unescaped,
// compact (the reference for indenting is encoderIndented).
func encodingJSON(t *testing.T, v any) string {
	t.Helper()
	return strings.TrimSuffix(encodeReference(t, v, ""), "\n")
}

// randomJSON makes strings and evidence-like values from rng: every character class
// encoding/json treats apart, numbers in every form, nils of each kind.
func randomJSON(rng *rand.Rand) (str func() string, value func(depth int) any) {
	alphabet := []string{"a", "Z", " ", "<", ">", "&", "\"", "\\", "/", "\n", "\r", "\t", "\b", "\f", "\x00", "\x1f", "\x7f",
		"\u2028", "\u2029", "é", "한", "😀", "\xff", "\xe2\x80", "\xed\xa0\x80"}
	str = func() string {
		var sb strings.Builder
		for range rng.Intn(10) {
			sb.WriteString(alphabet[rng.Intn(len(alphabet))])
		}
		return sb.String()
	}
	value = func(depth int) any {
		switch k := rng.Intn(8); {
		case k == 0 && depth < 3:
			m := map[string]any{}
			for range rng.Intn(5) {
				m[str()] = value(depth + 1)
			}
			return m
		case k == 1 && depth < 3:
			s := []any{}
			for range rng.Intn(4) {
				s = append(s, value(depth+1))
			}
			return s
		case k == 2:
			return json.Number([]string{"0", "-1", "2.50", "1e-7", "120000000000", "", "-0.0E+1"}[rng.Intn(7)])
		case k == 3:
			return rng.Intn(2) == 0
		case k == 4:
			return nil
		case k == 5:
			return rng.Intn(2000) - 1000
		case k == 6:
			return []any(nil)
		}
		return str()
	}
	return str, value
}

// appendResultJSON must write exactly what encoding/json writes for every result it takes.
func TestResultJSONIsEncodingJSON(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	str, value := randomJSON(rng)
	violations := func() []audit.Violation {
		if rng.Intn(3) == 0 {
			return nil
		}
		vs := make([]audit.Violation, rng.Intn(4))
		for i := range vs {
			vs[i] = audit.Violation{Message: str(), MessageKo: str(), Pointer: str(), Key: str(), Baseline: rng.Intn(2) == 0,
				Position: audit.Position{File: str(), Line: rng.Intn(3), Column: rng.Intn(3)}}
			if rng.Intn(4) > 0 {
				ev, _ := value(1).(map[string]any)
				vs[i].Evidence = ev
			}
		}
		return vs
	}
	for range 3000 {
		r := audit.Result{Manifest: str(), Control: str(), Status: audit.Status(str()), Reason: str(), ReasonKo: str(),
			Violations: violations(), Notes: violations(), Baseline: rng.Intn(2) == 0}
		got, ok := appendResultJSON(nil, &r)
		if !ok {
			t.Fatalf("declined %#v", r)
		}
		if want := encodingJSON(t, r); string(got) != want {
			t.Fatalf("appendResultJSON wrote\n%s\nencoding/json writes\n%s", got, want)
		}
	}
}

// What it does not write itself is left to encoding/json, through the spool's result.
func TestResultJSONDeclines(t *testing.T) {
	ev := func(v any) []audit.Violation { return []audit.Violation{{Evidence: map[string]any{"v": v}}} }
	for name, r := range map[string]audit.Result{
		"waiver":         {Waiver: &audit.Waiver{Control: "X", Reason: "r"}},
		"float evidence": {Violations: ev(1.5)},
		"other map":      {Notes: ev(map[string]string{"a": "b"})},
		"bad number":     {Violations: ev(json.Number("01"))},
	} {
		if _, ok := appendResultJSON(nil, &r); ok {
			t.Errorf("%s: written, not left to encoding/json", name)
		}
	}
	var s spool
	defer s.Close()
	waived := audit.Result{Control: "X", Status: audit.StatusWaived, Waiver: &audit.Waiver{Control: "X", Reason: "<ok>"}}
	if err := s.result(&waived); err != nil {
		t.Fatal(err)
	}
	if err := s.result(&audit.Result{Violations: ev(json.Number("01"))}); err == nil {
		t.Error("an invalid number was written")
	}
	var got bytes.Buffer
	if err := s.copyTo(&got); err != nil {
		t.Fatal(err)
	}
	if want := encodingJSON(t, waived) + "\n"; got.String() != want || s.items != 1 {
		t.Fatalf("spooled %d items:\n%q\nwant\n%q", s.items, got.String(), want)
	}
}
