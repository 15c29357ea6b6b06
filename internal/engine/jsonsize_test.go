package engine

import (
	"encoding/json"
	"math/rand"
	"strings"
	"testing"
)

// jsonSize must be exactly what json.Marshal writes, or the findings limits would cut in
// other places than they did.
func TestJSONSizeIsMarshalsLength(t *testing.T) {
	var values []any
	for b := range 256 {
		values = append(values, string([]byte{byte(b)}), "a"+string([]byte{byte(b)})+"z")
	}
	values = append(values,
		nil, true, false, "", "plain", "<script>&amp;</script>", "quote \" and \\ slash",
		"\u2028\u2029 separators", "한국어 증빙", "\xff\xfe broken \xc3", "emoji 😀", "\x7f del",
		json.Number("0"), json.Number("-12.5e+3"), json.Number(""), json.Number("1E9"),
		0, -42, 1234567,
		map[string]any(nil), []any(nil), map[string]any{}, []any{},
		map[string]any{"<k>": []any{"a", json.Number("1"), nil, true, map[string]any{"x\n": "y"}}, "b": ""},
	)
	rng := rand.New(rand.NewSource(1))
	alphabet := []string{"a", "<", ">", "&", "\"", "\\", "\n", "\t", "\b", "\f", "\x01", "\x1f", "\u2028", "é", "한", "😀", "\xff", "\xe2\x80", " "}
	randString := func() string {
		var sb strings.Builder
		for range rng.Intn(12) {
			sb.WriteString(alphabet[rng.Intn(len(alphabet))])
		}
		return sb.String()
	}
	var randValue func(depth int) any
	randValue = func(depth int) any {
		switch k := rng.Intn(7); {
		case k == 0 && depth < 4:
			m := map[string]any{}
			for range rng.Intn(5) {
				m[randString()] = randValue(depth + 1)
			}
			return m
		case k == 1 && depth < 4:
			var s []any
			for range rng.Intn(5) {
				s = append(s, randValue(depth+1))
			}
			return s
		case k == 2:
			return json.Number([]string{"0", "-1", "3.25", "1e-7", "120000000000"}[rng.Intn(5)])
		case k == 3:
			return rng.Intn(2) == 0
		case k == 4:
			return nil
		}
		return randString()
	}
	for range 2000 {
		values = append(values, randValue(0))
	}
	for _, v := range values {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatalf("%#v: %v", v, err)
		}
		n, ok := jsonSize(v)
		if !ok || n != len(b) {
			t.Fatalf("jsonSize(%#v) = %d, %v; json.Marshal writes %d bytes: %s", v, n, ok, len(b), b)
		}
	}
}

// What it does not size exactly it leaves to json.Marshal.
func TestJSONSizeDeclines(t *testing.T) {
	for _, v := range []any{
		json.Number("01"), json.Number("1."), json.Number(" 1"), json.Number("1 "), json.Number("--1"), json.Number("1e"),
		1.5, map[string]string{"a": "b"}, []string{"a"}, map[string]any{"a": 1.5}, []any{struct{}{}},
	} {
		if n, ok := jsonSize(v); ok {
			t.Errorf("jsonSize(%#v) = %d: sized a value it cannot", v, n)
		}
	}
}

// limitEvidence measures as before: evidence at the limit is kept with its size, one byte
// more is replaced by the statement of its size.
func TestLimitEvidenceAtTheLimit(t *testing.T) {
	overhead := len(`{"k":""}`)
	at := map[string]any{"k": strings.Repeat("<", (MaxEvidenceBytes-overhead)/6) + strings.Repeat("a", (MaxEvidenceBytes-overhead)%6)}
	got, n := limitEvidence(at)
	if b, _ := json.Marshal(at); len(b) != MaxEvidenceBytes || n != MaxEvidenceBytes || got["k"] != at["k"] {
		t.Fatalf("evidence of %d bytes: kept %v, size %d", len(b), got["k"] == at["k"], n)
	}
	over := map[string]any{"k": at["k"].(string) + "a"}
	got, n = limitEvidence(over)
	b, _ := json.Marshal(got)
	if got["truncated"] == nil || n != len(b) || !strings.Contains(got["truncated"].(string), "65537 bytes") {
		t.Fatalf("over the limit: %v (size %d)", got, n)
	}
}
