package validate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/xeipuuv/gojsonschema"

	"github.com/resilcheck/resilcheck/internal/audit"
	"github.com/resilcheck/resilcheck/internal/corpus"
	"github.com/resilcheck/resilcheck/internal/manifest"
	"github.com/resilcheck/resilcheck/schemas"
)

// referenceValidator validates as resilcheck did before the walk took enum, uniqueItems and
// the id pattern over from gojsonschema: gojsonschema on the schema as written, its errors
// turned into the same messages, then the former walk for dates and timestamps. The walk
// must give exactly its problems, and rewrite timestamps exactly as it did. What this holds
// independently is the keywords and where the formats are looked for: the format check
// itself (checkFormat), the cross-references and the messages are the production code's
// on both sides, and are pinned by their own cases in validate_test.go (impossible dates and
// timestamps, word for word) and in the waiver load tests.
type referenceValidator struct {
	full *gojsonschema.Schema
	tree map[string]any
	c    *compiledSchema
}

func newReference(t testing.TB, name string) *referenceValidator {
	t.Helper()
	raw, err := schemas.Read(name)
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var doc map[string]any
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	full, err := gojsonschema.NewSchemaLoader().Compile(gojsonschema.NewRawLoader(doc))
	if err != nil {
		t.Fatal(err)
	}
	return &referenceValidator{full: full, tree: doc, c: &compiledSchema{tree: doc}}
}

func (r *referenceValidator) problems(d *manifest.Document, evaluated bool) []audit.Problem {
	v := &validator{doc: d, schema: r.c, evaluated: evaluated}
	res, err := r.full.Validate(gojsonschema.NewRawLoader(d.Value))
	if err != nil {
		panic(err)
	}
	for _, e := range res.Errors() {
		ptr := contextPointer(e)
		switch e.Type() {
		case "enum":
			v.add(ptr, fmt.Sprintf("%s is not an allowed value (allowed: %s)", quote(e.Value()), v.enumValues(ptr)))
		case "format":
		case "pattern":
			switch pat := fmt.Sprint(e.Details()["pattern"]); {
			case pat == timestampPattern:
			case strings.HasPrefix(pat, "^[a-z0-9]"):
				v.add(ptr, fmt.Sprintf("%s is not a valid id: use lowercase letters, digits, '.', '_' and '-', starting with a letter or digit, at most 100 characters", quote(e.Value())))
			default:
				v.add(ptr, fmt.Sprintf("%s does not match the pattern %s", quote(e.Value()), pat))
			}
		case "unique":
			j, _ := e.Details()["j"].(int)
			item := any(nil)
			if arr, ok := e.Value().([]any); ok && j < len(arr) {
				item = arr[j]
			}
			v.add(manifest.Join(ptr, j), fmt.Sprintf("%s is listed more than once (items must be unique)", quote(item)))
		default:
			v.schemaError(e)
		}
	}
	r.formats(v, d.Value, r.tree)
	if evaluated {
		v.references()
	}
	return sortProblems(v.problems)
}

// formats is the former walk: dates and timestamps only, the schema resolved at every value.
func (r *referenceValidator) formats(v *validator, value any, schema map[string]any) (string, bool) {
	schema = r.c.resolve(schema)
	if schema == nil {
		return "", false
	}
	switch x := value.(type) {
	case string:
		format, _ := schema["format"].(string)
		return v.checkFormat(format, x)
	case map[string]any:
		for k, child := range x {
			if s := r.c.child(schema, k); s != nil && schema["items"] == nil {
				v.at = append(v.at, pathToken{name: k, index: -1})
				c, ok := r.formats(v, child, s)
				v.at = v.at[:len(v.at)-1]
				if ok {
					x[k] = c
				}
			}
		}
	case []any:
		items, _ := schema["items"].(map[string]any)
		for i, child := range x {
			v.at = append(v.at, pathToken{index: i})
			c, ok := r.formats(v, child, items)
			v.at = v.at[:len(v.at)-1]
			if ok {
				x[i] = c
			}
		}
	}
	return "", false
}

func deepCopy(x any) any {
	switch v := x.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			out[k] = deepCopy(e)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = deepCopy(e)
		}
		return out
	}
	return x
}

// sameAsReference validates value (as if it were d's) both ways and fails on any difference
// in the problems or in the rewritten document. d's value is restored afterwards.
func sameAsReference(t *testing.T, ref *referenceValidator, d *manifest.Document, value any, what string) bool {
	t.Helper()
	defer func(orig any) { d.Value = orig }(d.Value)
	d.Value = deepCopy(value)
	want := ref.problems(d, true)
	wantValue := d.Value
	d.Value = deepCopy(value)
	got := Document(d)
	if !reflect.DeepEqual(render(got), render(want)) {
		t.Errorf("%s: problems differ\n got: %q\nwant: %q", what, render(got), render(want))
		return false
	}
	if !reflect.DeepEqual(d.Value, wantValue) {
		t.Errorf("%s: the rewritten documents differ", what)
		return false
	}
	return true
}

// corpusDocuments loads every manifest under testdata and a slice of a generated population.
func corpusDocuments(t *testing.T) []*manifest.Document {
	t.Helper()
	var paths []string
	for _, dir := range []string{"valid", "invalid", "manifests", "siteloss"} {
		matches, _ := filepath.Glob(filepath.Join("..", "..", "testdata", dir, "*.y*ml"))
		paths = append(paths, matches...)
		matches, _ = filepath.Glob(filepath.Join("..", "..", "testdata", dir, "*.json"))
		paths = append(paths, matches...)
	}
	dir := t.TempDir()
	if _, err := corpus.WritePopulation(dir, 40, 7, corpus.YAMLFormat); err != nil {
		t.Fatal(err)
	}
	paths = append(paths, dir)
	var docs []*manifest.Document
	for _, src := range manifest.Load(paths, manifest.Options{}) {
		docs = append(docs, src.Documents...)
	}
	if len(docs) < 60 {
		t.Fatalf("only %d documents loaded", len(docs))
	}
	return docs
}

func TestWalkMatchesReferenceOnCorpus(t *testing.T) {
	ref := newReference(t, ManifestSchema)
	withProblems := 0
	for _, d := range corpusDocuments(t) {
		if !sameAsReference(t, ref, d, d.Value, fmt.Sprintf("%s#%d", d.File, d.Index)) {
			continue
		}
		orig := d.Value
		d.Value = deepCopy(orig)
		if len(Document(d)) > 0 {
			withProblems++
		}
		d.Value = orig
	}
	if withProblems < 20 {
		t.Errorf("only %d documents with problems: the comparison saw too few failures", withProblems)
	}
}

// mutations are what a random edit puts in place of a value: enum members and near misses,
// ids good and bad, dates and timestamps valid, impossible and oddly written, numbers that
// compare equal as JSON but are written differently, and values of every type.
var mutations = []any{
	"active", "standby", "sync", "async", "none", "own", "colocation", "value-added", "cloud",
	"email", "sms", "web", "initial", "final", "status", "cause", "Active", "", "bogus", "dc-a",
	"s1", "Bad Id", "-x", "a.b_c-d", strings.Repeat("a", 100), strings.Repeat("a", 101), "서비스",
	"2024-02-29", "2023-02-29", "2023-13-01", "0001-01-01", "2022-10-15T15:19:00+09:00",
	"2022-10-15t15:19:00z", "2022-10-15T15:19:00", "2016-12-31T23:59:60Z", "15:04:05Z",
	json.Number("1"), json.Number("1.0"), json.Number("-3"), json.Number("2.5"), json.Number("1e2"),
	true, false, nil, map[string]any{}, []any{}, []any{"a", "a"},
	[]any{json.Number("1"), json.Number("1.0")}, map[string]any{"id": "x"},
}

// mutate edits n random places in a copy of x: a value replaced by one of mutations, or an
// item of a list repeated at its end.
func mutate(rng *rand.Rand, x any, n int) any {
	x = deepCopy(x)
	for range n {
		var edits []func()
		var collect func(v any, set func(any))
		collect = func(v any, set func(any)) {
			if set != nil {
				edits = append(edits, func() { set(deepCopy(mutations[rng.Intn(len(mutations))])) })
			}
			switch c := v.(type) {
			case map[string]any:
				for k, e := range c {
					collect(e, func(nv any) { c[k] = nv })
				}
			case []any:
				if len(c) > 0 && set != nil {
					edits = append(edits, func() { set(append(c[:len(c):len(c)], deepCopy(c[rng.Intn(len(c))]))) })
				}
				for i, e := range c {
					collect(e, func(nv any) { c[i] = nv })
				}
			}
		}
		collect(x, nil)
		if len(edits) == 0 {
			return x
		}
		edits[rng.Intn(len(edits))]()
	}
	return x
}

func TestWalkMatchesReferenceOnMutations(t *testing.T) {
	ref := newReference(t, ManifestSchema)
	docs := corpusDocuments(t)
	rng := rand.New(rand.NewSource(1))
	rounds := 800
	if testing.Short() {
		rounds = 300
	}
	failures := 0
	for i := range rounds {
		d := docs[rng.Intn(len(docs))]
		if !sameAsReference(t, ref, d, mutate(rng, d.Value, 1+rng.Intn(4)), fmt.Sprintf("mutation %d of %s#%d", i, d.File, d.Index)) {
			failures++
			if failures > 5 {
				t.Fatal("too many differences")
			}
		}
	}
}

// Waiver files and recorded reports go through the same walk with their own schemas.
func TestWalkMatchesReferenceOnOtherSchemas(t *testing.T) {
	for name, glob := range map[string]string{
		"waivers": "../waiver/testdata/waivers.*",
		"report":  "../../reports/testdata/scenarios/*.json",
	} {
		paths, _ := filepath.Glob(glob)
		var docs []*manifest.Document
		for _, src := range manifest.Load(paths, manifest.Options{}) {
			docs = append(docs, src.Documents...)
		}
		if len(docs) == 0 {
			t.Fatalf("no %s documents at %s", name, glob)
		}
		ref := newReference(t, name)
		rng := rand.New(rand.NewSource(2))
		for i := range 150 {
			d := docs[rng.Intn(len(docs))]
			orig := d.Value
			value := orig
			if i >= len(docs) {
				value = mutate(rng, orig, 1+rng.Intn(3))
			}
			d.Value = deepCopy(value)
			want := ref.problems(d, false)
			d.Value = deepCopy(value)
			got := Against(name, d)
			d.Value = orig
			if !reflect.DeepEqual(render(got), render(want)) {
				t.Fatalf("%s, round %d: problems differ\n got: %q\nwant: %q", name, i, render(got), render(want))
			}
		}
	}
}

var idRegexp = regexp.MustCompile(idPattern)

func TestIsIDMatchesPattern(t *testing.T) {
	for _, s := range []string{"", "a", "0", "a-b", "-a", ".a", "_a", "A", "a b", "ab\n", "서", "a\xff",
		strings.Repeat("a", 100), strings.Repeat("a", 101), "a.b_c-d9", "a/b"} {
		want := idRegexp.MatchString(s)
		if got := isID(s); got != want {
			t.Errorf("isID(%q) = %v, the pattern says %v", s, got, want)
		}
	}
}

// BenchmarkDocumentPopulation validates generated manifests of the sweep's population, one
// per op: what a sweep pays per file for validation.
func BenchmarkDocumentPopulation(b *testing.B) {
	dir := b.TempDir()
	if _, err := corpus.WritePopulation(dir, 20, 1, corpus.YAMLFormat); err != nil {
		b.Fatal(err)
	}
	var docs []*manifest.Document
	for _, src := range manifest.Load([]string{dir}, manifest.Options{}) {
		docs = append(docs, src.Documents...)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		Document(docs[i%len(docs)])
		i++
	}
}

// Long lists take the set instead of the pairwise comparison: the same problems, in
// strings and in lists of other values.
func TestUniqueItemsLongLists(t *testing.T) {
	ref := newReference(t, ManifestSchema)
	var ids []string
	for i := range 40 {
		ids = append(ids, fmt.Sprintf("s%d", i%23))
	}
	doc := base + "  - id: s2\n    name: S2\n    deployments: [{datacenter: dc-a, mode: active}]\n    dependsOn: [" + strings.Join(ids, ", ") + "]\n"
	d := load(t, "m.yaml", doc)
	problems := Document(d)
	dups := 0
	for _, p := range problems {
		if strings.Contains(p.Message, "listed more than once") {
			dups++
		}
	}
	if dups != 17 {
		t.Errorf("%d duplicates reported, want 17: %q", dups, render(problems))
	}
	sameAsReference(t, ref, d, d.Value, "strings")
	mixed := deepCopy(d.Value)
	deps := mixed.(map[string]any)["services"].([]any)[1].(map[string]any)["dependsOn"].([]any)
	deps[3], deps[30] = json.Number("1"), json.Number("1.0")
	sameAsReference(t, ref, d, mixed, "mixed")
}
