package manifest

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzLoad feeds arbitrary bytes to both decoders. Without -fuzz it runs the seed corpus
// only (the malformed-input corpus and the valid examples), so it is cheap in go test.
// A panic recovered into a Problem counts as a failure: that net is for production.
func FuzzLoad(f *testing.F) {
	seeds := 0
	for _, dir := range []string{"../../testdata/invalid", "../../testdata/valid"} {
		entries, err := os.ReadDir(dir)
		if err != nil {
			f.Fatal(err) // the seed corpus moved: the fuzz target would run on two literals
		}
		for _, e := range entries {
			if e.IsDir() || strings.HasSuffix(e.Name(), ".expected") {
				continue
			}
			b, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b, strings.HasSuffix(e.Name(), ".json"))
			seeds++
		}
	}
	if seeds < 20 {
		f.Fatalf("%d seed files in testdata/invalid and testdata/valid, want the corpus", seeds)
	}
	f.Add([]byte("a: &a [*a]"), false)
	f.Add([]byte(`{"a": {"b": [1, 2, {"c": null}]}}`), true)
	f.Fuzz(func(t *testing.T, data []byte, isJSON bool) {
		src := &Source{Path: "fuzz"}
		decode(src, data, isJSON, Options{MaxDepth: 32, MaxNodes: 10_000}.withDefaults())
		for _, p := range src.Problems {
			if strings.HasPrefix(p.Message, "internal error") {
				t.Fatalf("decoder panicked: %s", p.Message)
			}
			if p.File != "fuzz" {
				t.Fatalf("problem without its file: %+v", p)
			}
		}
		if len(src.Problems) > 0 && src.Rejected == 0 {
			t.Fatalf("problems %v but nothing rejected", src.Problems)
		}
		for _, d := range src.Documents {
			if _, ok := d.Value.(map[string]any); !ok {
				t.Fatalf("document %d is %T, not a mapping", d.Index, d.Value)
			}
			if d.Pos("").File != "fuzz" || d.Pos("/no/such/pointer").File != "fuzz" {
				t.Fatalf("Pos lost the file")
			}
			// Validation hands the value to gojsonschema's raw loader and the engine to
			// ast.InterfaceToValue: both rely on exactly the types encoding/json decodes to.
			if err := jsonShaped(d.Value, ""); err != nil {
				t.Fatal(err)
			}
		}
	})
}

func jsonShaped(v any, at string) error {
	switch x := v.(type) {
	case nil, bool, string, json.Number:
		return nil
	case []any:
		for i, e := range x {
			if err := jsonShaped(e, fmt.Sprintf("%s/%d", at, i)); err != nil {
				return err
			}
		}
		return nil
	case map[string]any:
		for k, e := range x {
			if err := jsonShaped(e, at+"/"+k); err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("value at %q is a %T, not a decoded JSON type", at, v)
}
