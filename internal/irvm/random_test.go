package irvm

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/resilcheck/resilcheck/internal/manifest"
)

// mutator derives variants of a real manifest: dropped and duplicated list entries
// (services, deployments, incidents...), shifted dates and timestamps, other deployment
// modes, flipped flags and scaled numbers. The variants are mostly still plausible, so
// they reach deep into the controls, and sometimes not, so they also reach error paths.
type mutator struct {
	r    *rand.Rand
	rate float64
}

var (
	dateRE      = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	timestampRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2})$`)
	modes       = []string{"active", "standby", "cold"}
)

func (m *mutator) hit() bool { return m.r.Float64() < m.rate }

func (m *mutator) value(key string, v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = m.value(k, e)
		}
		return out
	case []any:
		var out []any
		for _, e := range x {
			switch {
			case m.hit(): // drop
			case m.hit(): // duplicate
				out = append(out, m.value(key, e), m.value(key, e))
			default:
				out = append(out, m.value(key, e))
			}
		}
		if out == nil {
			out = []any{}
		}
		return out
	case string:
		return m.str(key, x)
	case bool:
		if m.hit() {
			return !x
		}
		return x
	case json.Number:
		if !m.hit() {
			return x
		}
		if i, err := x.Int64(); err == nil {
			return json.Number(strconv.FormatInt(i*int64(m.r.IntN(4))/2, 10))
		}
		return x
	default:
		return v
	}
}

func (m *mutator) str(key, s string) string {
	switch {
	case key == "mode" && m.hit():
		return modes[m.r.IntN(len(modes))]
	case timestampRE.MatchString(s) && m.hit():
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			return s
		}
		return t.Add(time.Duration(m.r.IntN(145)-72) * time.Hour).Format(time.RFC3339)
	case dateRE.MatchString(s) && m.hit():
		t, err := time.Parse("2006-01-02", s)
		if err != nil {
			return s
		}
		return t.AddDate(0, 0, m.r.IntN(801)-400).Format("2006-01-02")
	}
	return s
}

// TestRandomVariants compares topdown and irvm on seeded variants of the real-world
// scenarios: the same seed gives the same variants, so a failure is reproducible.
func TestRandomVariants(t *testing.T) {
	c := compiledBundle(t)
	bases := map[string]any{}
	var paths []string
	for _, f := range []string{"kakao-2022-10-15.yaml", "skcc-pangyo-2022-10-15.yaml", "naver-2022-10-15.yaml"} {
		paths = append(paths, filepath.Join("..", "..", "testdata", "manifests", f))
	}
	for _, src := range manifest.Load(paths, manifest.Options{}) {
		if len(src.Documents) == 0 {
			t.Fatalf("%s: %v", src.Path, src.Problems)
		}
		bases[filepath.Base(src.Path)] = src.Documents[0].Value
	}
	runs := []pair{
		preparePair(t, c, mainQuery(c), runData("2026-11-22", nil, nil)),
		preparePair(t, c, mainQuery(c), runData("2026-11-22", []string{"skcc-pangyo"}, nil)),
	}
	const variants = 36
	names := sortedKeys(bases)
	changed, failed := 0, 0
	for i := range variants {
		name := names[i%len(names)]
		seed := uint64(20221015 + i)
		m := &mutator{r: rand.New(rand.NewPCG(seed, 1)), rate: 0.02 + 0.01*float64(i%4)}
		doc := m.value("", bases[name])
		input, err := ast.InterfaceToValue(doc)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(fmt.Sprintf("%s/seed=%d", name, seed), func(t *testing.T) {
			out := requireSame(t, runs[i%len(runs)], input)
			baseInput, err := ast.InterfaceToValue(bases[name])
			if err != nil {
				t.Fatal(err)
			}
			base := evalOne(t, runs[i%len(runs)].topdown, baseInput)
			switch {
			case out.err != nil:
				failed++
			case ast.Compare(out.value, base.value) != 0:
				changed++
			}
		})
	}
	// The mutations must matter: most variants are judged differently from their base.
	t.Logf("%d of %d variants judged differently from their base, %d failed to evaluate", changed, variants, failed)
	if changed+failed < variants/2 {
		t.Fatalf("only %d of %d variants changed the outcome: the mutator is too timid", changed+failed, variants)
	}
	// Variants that fail on both evaluators compare only their error kinds: most must judge.
	if failed > variants/4 {
		t.Fatalf("%d of %d variants failed to evaluate: too few verdicts compared", failed, variants)
	}
}
