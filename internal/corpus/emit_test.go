package corpus

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/resilcheck/resilcheck/internal/manifest"
)

// TestEmitRoundTrip: whatever the emitter writes plain or quoted, in block or flow style,
// the loader reads back as the same value, from YAML and from JSON.
func TestEmitRoundTrip(t *testing.T) {
	tricky := []any{
		"plain words", "2022-10-15", "2022-10-15T15:27:00+09:00", "123", "1e5", "0x1F", "true", "No",
		"null", "~", "a: b", "a #b", "- dash", "[x]", "{x}", "x, y", "*alias", "&anchor", "!tag",
		"%pct", "@at", "`tick`", "'single'", `"double"`, "trailing ", " leading", "tab\there",
		"line\nbreak", "주식회사 카카오", "Kakao Map, Bus and Subway", "p00001-login", "",
		"<b>&amp;</b>", "\u2028", "back\\slash", "colon:", "?question",
	}
	v := M(
		"scalars", tricky,
		"numbers", []any{0, -1, 40594095, int64(6136700000000), 1.2, 0.01, 2.0},
		"flags", []any{true, false},
		"nested", []any{M("a", "x", "b", []any{}, "c", M()), M("d", []any{M("e", 1)})},
		"empty", M(),
	)
	var want any
	if err := json.Unmarshal(JSON(v), &want); err != nil {
		t.Fatalf("JSON output does not parse: %v\n%s", err, JSON(v))
	}
	for name, b := range map[string][]byte{"x.yaml": YAML("a header\non two lines", v), "x.json": JSON(v)} {
		src := manifest.Decode(name, b, manifest.Options{})
		if len(src.Problems) > 0 || len(src.Documents) != 1 {
			t.Fatalf("%s: %v\n%s", name, src.Problems, b)
		}
		got := normalise(src.Documents[0].Value)
		if !reflect.DeepEqual(got, normalise(want)) {
			t.Errorf("%s reads back as\n%v\nwant\n%v\n%s", name, got, normalise(want), b)
		}
	}
}

// normalise turns numbers into their text so json.Number and float64 compare.
func normalise(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, e := range x {
			out[k] = normalise(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = normalise(e)
		}
		return out
	case json.Number:
		f, _ := x.Float64()
		return f
	}
	return v
}
