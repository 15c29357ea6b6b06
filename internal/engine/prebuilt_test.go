package engine

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	prebuiltmeta "github.com/resilcheck/resilcheck/internal/engine/prebuilt"
	"github.com/resilcheck/resilcheck/internal/irvm"
	"github.com/resilcheck/resilcheck/policies"
)

const regenerate = "the prebuilt files are stale: run go generate ./internal/engine"

// TestPrebuiltIsCurrent: the prebuilt files are what the generator makes of the embedded
// bundle today. A stale copy is never used (its digests no longer match), so the cost of
// forgetting to regenerate is start-up time; this test is what notices.
func TestPrebuiltIsCurrent(t *testing.T) {
	files, err := GeneratePrebuilt(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{PrebuiltMetaFile, PrebuiltPlanFile, PrebuiltSiteLossPlanFile} {
		old, err := os.ReadFile(filepath.Join(PrebuiltDir, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(files[name], old) {
			t.Fatalf("%s: %s", name, regenerate)
		}
	}
	if !bytes.Equal(files[PrebuiltPlanFile], prebuiltPlan) || !bytes.Equal(files[PrebuiltSiteLossPlanFile], prebuiltSiteLossPlan) {
		t.Fatal(regenerate)
	}
}

// TestPrebuiltPlanCompiles: every function of both stored plans (the main one and
// simulate's site-loss one) compiles. A run compiles a function only when a document first
// calls it, so one no bundled manifest reaches would otherwise fail only on the first
// manifest that does.
func TestPrebuiltPlanCompiles(t *testing.T) {
	for name, plan := range map[string]func() (*irvm.StoredPlan, error){"main": decodedPrebuiltPlan, "site loss": decodedSiteLossPlan} {
		pol, err := plan()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		q, err := irvm.NewStoredQuery(pol, ast.NewObject(), irvm.QueryOptions{StrictBuiltinErrors: true, Capabilities: sandboxCapabilities()})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := q.CompileAll(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
}

// prebuiltEngine is an engine of the built-in bundle on the prebuilt path.
func prebuiltEngine(t *testing.T, opts Options) *Engine {
	t.Helper()
	opts.Policies = []PolicySource{Builtin()}
	e := newEngine(t, opts)
	if e.prebuilt == nil {
		t.Fatal(regenerate)
	}
	return e
}

// TestPrebuiltMatchesCompiled: an engine on the prebuilt files has the catalogue, digest
// and parameter types of one that compiles the bundle, judges every bundled manifest as
// topdown does (byte for byte), in one batch and one at a time, with and without overrides and simulated
// failures, and compiles nothing to do it; explain's look-ups, which need the compiled
// bundle, compile it then and answer the same.
func TestPrebuiltMatchesCompiled(t *testing.T) {
	ctx := context.Background()
	docs := bundledManifests(t)
	runs := []struct {
		name string
		opts Options
	}{
		{"check", Options{}},
		{"simulate a datacenter fire", Options{Fail: []string{"skcc-pangyo"}}},
		{"override", Options{Data: []DataFile{{Name: "d.json", Content: []byte(`{"resilcheck":{"overrides":{"major_vas_min_users":1}}}`)}}}},
		{"another date", Options{AsOf: "2023-01-15"}},
	}
	for _, run := range runs {
		t.Run(run.name, func(t *testing.T) {
			pre := prebuiltEngine(t, run.opts)
			comp := run.opts
			comp.Policies, comp.Evaluator = []PolicySource{Builtin()}, EvaluatorTopdown
			ref := newEngine(t, comp)
			if ref.prebuilt != nil {
				t.Fatal("the topdown engine did not compile")
			}
			if len(pre.controls) != len(ref.controls) {
				t.Fatalf("%d controls prebuilt, %d compiled", len(pre.controls), len(ref.controls))
			}
			for i, c := range pre.controls {
				r := ref.controls[i]
				// Refs compare as OPA compares them: the parser's locations are not kept.
				if !reflect.DeepEqual(c.Control, r.Control) || !c.ref.Equal(r.ref) || !reflect.DeepEqual(c.files, r.files) {
					t.Fatalf("control %d differs:\n prebuilt: %+v %v %v\n compiled: %+v %v %v", i, c.Control, c.ref, c.files, r.Control, r.ref, r.files)
				}
			}
			if pre.digest != ref.digest || pre.queryText() != ref.queryText() {
				t.Fatalf("digest or query differ: %s / %s", pre.digest, ref.digest)
			}
			pt, err := pre.paramTypes(ctx)
			if err != nil {
				t.Fatal(err)
			}
			rt, err := ref.paramTypes(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(pt, rt) {
				t.Fatal("parameter types differ")
			}

			one := pre.EvaluateOne(ctx, docs[0])
			batch := pre.Evaluate(ctx, docs)
			want := ref.Evaluate(ctx, docs)
			if pre.vm == nil || pre.vmFallbacks.Load() != 0 {
				t.Fatalf("the prebuilt engine did not judge on irvm: %s (%d handed back)", pre.vmReason, pre.vmFallbacks.Load())
			}
			if pre.compiler != nil {
				t.Fatal("judging compiled the bundle")
			}
			for i := range docs {
				a, _ := json.Marshal(batch[i])
				b, _ := json.Marshal(want[i])
				if string(a) != string(b) {
					t.Errorf("%s:\n prebuilt: %s\n compiled: %s", docs[i].Name, a, b)
				}
			}
			if a, b := mustJSON(one), mustJSON(want[0]); a != b {
				t.Errorf("EvaluateOne differs:\n prebuilt: %s\n compiled: %s", a, b)
			}

			for _, c := range []*controlInfo{pre.controls[0], pre.controls[len(pre.controls)-1]} {
				a, err := pre.Params(ctx, c.ID)
				if err != nil {
					t.Fatal(err)
				}
				b, err := ref.Params(ctx, c.ID)
				if err != nil {
					t.Fatal(err)
				}
				if mustJSON(a) != mustJSON(b) {
					t.Errorf("%s: parameters differ:\n prebuilt: %s\n compiled: %s", c.ID, mustJSON(a), mustJSON(b))
				}
				st, err := pre.ScopeTests(ctx, c.Parties())
				if err != nil {
					t.Fatal(err)
				}
				rt, err := ref.ScopeTests(ctx, c.Parties())
				if err != nil {
					t.Fatal(err)
				}
				if mustJSON(st) != mustJSON(rt) {
					t.Errorf("%s: scope tests differ", c.ID)
				}
			}
		})
	}
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// TestPrebuiltRefusesOverridesAsCompiled: a bad --data file is refused with the same
// problems on the prebuilt path, whose parameter types are stored.
func TestPrebuiltRefusesOverridesAsCompiled(t *testing.T) {
	data := []DataFile{{Name: "d.yaml", Content: []byte("resilcheck:\n  overrides:\n    major_vas_min_user: 1\n    major_vas_min_users: \"many\"\n")}}
	var msgs []string
	for _, compileBuiltin := range []bool{false, true} {
		_, err := New(context.Background(), Options{Policies: []PolicySource{Builtin()}, AsOf: "2026-11-22", Data: data, compileBuiltin: compileBuiltin})
		var de *DataError
		if !errors.As(err, &de) {
			t.Fatalf("err = %v", err)
		}
		msgs = append(msgs, err.Error())
	}
	if msgs[0] != msgs[1] || !strings.Contains(msgs[0], `did you mean "major_vas_min_users"`) || !strings.Contains(msgs[0], "takes a number") {
		t.Fatalf("prebuilt: %s\ncompiled: %s", msgs[0], msgs[1])
	}
}

// TestPrebuiltOnlyForTheUnchangedBundle: a slice of the bundle, a bundle with one file
// changed, custom policies, the topdown evaluator and a bundle checked in full all compile.
func TestPrebuiltOnlyForTheUnchangedBundle(t *testing.T) {
	changed := fstest.MapFS{}
	err := fs.WalkDir(policies.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(policies.FS, p)
		if p == "data/params.rego" {
			b = append(bytes.Clone(b), "\n# changed\n"...)
		}
		changed[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	custom := customSource(map[string]string{"c.rego": customControl})
	for name, opts := range map[string]Options{
		"slice":      {Policies: []PolicySource{core(t)}},
		"changed":    {Policies: []PolicySource{{Name: "policies", FS: changed}}},
		"custom":     {Policies: []PolicySource{Builtin(), custom}},
		"topdown":    {Policies: []PolicySource{Builtin()}, Evaluator: EvaluatorTopdown},
		"verify all": {Policies: []PolicySource{Builtin()}, verifyAll: true},
	} {
		if e := newEngine(t, opts); e.prebuilt != nil || e.compiler == nil {
			t.Errorf("%s: used the prebuilt files", name)
		}
	}
	prebuiltEngine(t, Options{})
}

// customControl is a complete custom control.
const customControl = `# METADATA
# title: Custom
# description: A custom control.
# custom:
#   id: CUSTOM-1
#   severity: low
#   kind: guidance
#   regulation: Custom
#   title_ko: 사용자
#   citation: {law: Custom, article: Art. 1, text: Custom Art. 1}
#   remediation: {en: Fix it., ko: 고치세요.}
package resilcheck.controls.custom_one

default applies := true

violations contains {"msg": "x"} if false
`

// TestPrebuiltFallsBackToTopdown: a document irvm does not judge cleanly is judged by
// topdown on the bundle compiled then, with the verdicts topdown gives, and a main query
// that runs out of time is judged control by control as on the compile path.
func TestPrebuiltFallsBackToTopdown(t *testing.T) {
	ctx := context.Background()
	docs := bundledManifests(t)
	pre := prebuiltEngine(t, Options{})
	pre.vmTried, pre.vm = true, func(context.Context, ast.Value) (rego.ResultSet, error) {
		return nil, errors.New("irvm cannot")
	}
	ref := newEngine(t, Options{Policies: []PolicySource{Builtin()}, Evaluator: EvaluatorTopdown})
	got, want := pre.Evaluate(ctx, docs[:2]), ref.Evaluate(ctx, docs[:2])
	if mustJSON(got) != mustJSON(want) {
		t.Fatalf("fallback:\n prebuilt: %s\n topdown:  %s", mustJSON(got), mustJSON(want))
	}
	if n := pre.vmFallbacks.Load(); n != 2 || pre.compiler == nil {
		t.Fatalf("%d fallbacks, compiled %v", n, pre.compiler != nil)
	}

	slow := prebuiltEngine(t, Options{})
	slow.vmTried, slow.vm = true, func(ctx context.Context, _ ast.Value) (rego.ResultSet, error) {
		<-ctx.Done()
		return nil, ctx.Err()
	}
	slow.timeout = 2 * time.Second
	out := slow.EvaluateOne(ctx, docs[0])
	if mustJSON(out) != mustJSON(want[0]) {
		t.Fatalf("after a timeout:\n prebuilt: %s\n topdown:  %s", mustJSON(out), mustJSON(want[0]))
	}
}

// TestStalePlanRefused: a plan made from other policies, by another OPA version, or with
// no header is not decoded, so the engine judges on topdown rather than on it.
func TestStalePlanRefused(t *testing.T) {
	pb := &prebuiltmeta.Bundle
	otherPolicies, otherOPA := *pb, *pb
	otherPolicies.Policies = "sha256:" + strings.Repeat("0", 64)
	otherOPA.OPA = "0.0.1"
	for name, file := range map[string][]byte{PrebuiltPlanFile: prebuiltPlan, PrebuiltSiteLossPlanFile: prebuiltSiteLossPlan} {
		if _, err := readStoredPlan(file, pb); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		plan := file[len(planHeader(pb)):]
		for what, f := range map[string][]byte{
			"other policies": append([]byte(planHeader(&otherPolicies)), plan...),
			"other OPA":      append([]byte(planHeader(&otherOPA)), plan...),
			"no header":      plan,
			"empty":          nil,
		} {
			if _, err := readStoredPlan(f, pb); !errors.Is(err, errStalePlan) {
				t.Errorf("%s, %s: err = %v", name, what, err)
			}
		}
	}

	// What vmQuery leaves when the plan is refused: topdown judges, on the bundle compiled.
	ctx := context.Background()
	docs := bundledManifests(t)[:2]
	pre := prebuiltEngine(t, Options{})
	pre.vmTried, pre.vm, pre.vmReason = true, nil, errStalePlan.Error()
	ref := newEngine(t, Options{Policies: []PolicySource{Builtin()}, Evaluator: EvaluatorTopdown})
	if got, want := mustJSON(pre.Evaluate(ctx, docs)), mustJSON(ref.Evaluate(ctx, docs)); got != want {
		t.Fatalf("with the plan refused:\n prebuilt: %s\n topdown:  %s", got, want)
	}
	if pre.compiler == nil {
		t.Fatal("judged without compiling the bundle")
	}
}

// TestSourceDigestIsDigest: hashing the files where they are gives the digest of the files
// read, with and without data files, for the built-in bundle and a custom source.
func TestSourceDigestIsDigest(t *testing.T) {
	data := []DataFile{{Name: "dir/d.yaml", Content: []byte("resilcheck: {overrides: {}}\n")}}
	for name, srcs := range map[string][]PolicySource{
		"builtin": {Builtin()},
		"custom":  {Builtin(), customSource(map[string]string{"c.rego": customControl, "lib/x.rego": "package x\n"})},
	} {
		files, err := readSources(srcs, false)
		if err != nil {
			t.Fatal(err)
		}
		list, err := listSources(srcs, false)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != len(files) {
			t.Fatalf("%s: %d listed, %d read", name, len(list), len(files))
		}
		for _, d := range [][]DataFile{nil, data} {
			got, err := sourceDigest(list, d)
			if err != nil {
				t.Fatal(err)
			}
			if want := digest(files, d); got != want {
				t.Errorf("%s, %d data files: %s, want %s", name, len(d), got, want)
			}
		}
	}
	if d, _ := BuiltinDigest(); d != prebuiltmeta.Bundle.Policies {
		t.Fatal(regenerate)
	}
}
