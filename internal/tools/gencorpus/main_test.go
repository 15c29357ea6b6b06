package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/resilcheck/resilcheck/internal/corpus"
	"github.com/resilcheck/resilcheck/internal/manifest"
	"github.com/resilcheck/resilcheck/internal/validate"
)

// gen runs the command as a user would and fails the test on an error.
func gen(t *testing.T, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	if err := run(args, &out, &errb); err != nil {
		t.Fatalf("gencorpus %s: %v\n%s", strings.Join(args, " "), err, errb.String())
	}
	return out.String()
}

func readDir(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = b
	}
	return out
}

// TestDeterministic: the same seed writes the same bytes (a population written on every
// core, and a single manifest); another seed writes other bytes; file i of a population
// does not depend on the population's size.
func TestDeterministic(t *testing.T) {
	tmp := t.TempDir()
	a, b, c, small := filepath.Join(tmp, "a"), filepath.Join(tmp, "b"), filepath.Join(tmp, "c"), filepath.Join(tmp, "small")
	gen(t, "--files", "40", "--out", a, "--seed", "7")
	gen(t, "--files", "40", "--out", b, "--seed", "7")
	gen(t, "--files", "40", "--out", c, "--seed", "8")
	gen(t, "--files", "10", "--out", small, "--seed", "7")
	fa, fb, fc, fs := readDir(t, a), readDir(t, b), readDir(t, c), readDir(t, small)
	if len(fa) != 40 || len(fs) != 10 {
		t.Fatalf("wrote %d and %d files, want 40 and 10", len(fa), len(fs))
	}
	same := 0
	for name, x := range fa {
		if !bytes.Equal(x, fb[name]) {
			t.Errorf("%s differs between two runs with seed 7", name)
		}
		if bytes.Equal(x, fc[name]) {
			same++
		}
	}
	if same > 0 {
		t.Errorf("%d files are the same with seeds 7 and 8", same)
	}
	for name, x := range fs {
		if !bytes.Equal(x, fa[name]) {
			t.Errorf("%s of a population of 10 differs from the same file of a population of 40", name)
		}
	}

	args := []string{"--services", "300", "--datacenters", "20", "--shape", "layered", "--incidents", "5", "--seed", "3"}
	one, two := gen(t, args...), gen(t, args...)
	if one != two || one == "" {
		t.Error("a single manifest differs between two runs with the same seed")
	}
	other := append(slices.Clone(args[:len(args)-1]), "4")
	if three := gen(t, other...); three == one {
		t.Error("seeds 3 and 4 give the same single manifest")
	}
}

// loadValid loads paths exactly as `resilcheck validate` does (manifest.Load, then
// validate.Document on every document and validate.UniqueNames across them) and fails the
// test on any problem. It returns the decoded documents.
func loadValid(t *testing.T, opts manifest.Options, paths ...string) []*manifest.Document {
	t.Helper()
	if err := validate.Ready(); err != nil {
		t.Fatal(err)
	}
	var docs []*manifest.Document
	bad := 0
	for _, src := range manifest.Load(paths, opts) {
		for _, p := range src.Problems {
			t.Errorf("%s", validate.Format(p))
			bad++
		}
		for _, d := range src.Documents {
			for _, p := range validate.Document(d) {
				if bad++; bad <= 20 {
					t.Errorf("%s", validate.Format(p))
				}
			}
			docs = append(docs, d)
		}
	}
	for _, ps := range validate.UniqueNames(docs) {
		for _, p := range ps {
			t.Errorf("%s", validate.Format(p))
		}
	}
	if bad > 20 {
		t.Errorf("... %d problems in all", bad)
	}
	return docs
}

// TestPopulationValid: a sample of populations of two seeds, in YAML and in JSON, passes
// the loader and the validator, and holds every archetype and the figures the population is
// tuned to (medians of about 25 services, 4 datacenters and 9 incidents).
func TestPopulationValid(t *testing.T) {
	tmp := t.TempDir()
	n := 90
	if testing.Short() {
		n = 40
	}
	yml, yml2, jsn := filepath.Join(tmp, "yaml"), filepath.Join(tmp, "yaml2"), filepath.Join(tmp, "json")
	gen(t, "--files", fmt.Sprint(n), "--out", yml)
	gen(t, "--files", fmt.Sprint(n/2), "--out", yml2, "--seed", "99")
	gen(t, "--files", fmt.Sprint(n/4), "--out", jsn, "--format", "json")
	if docs := loadValid(t, manifest.Options{}, yml2); len(docs) != n/2 {
		t.Errorf("seed 99: %d valid documents, want %d", len(docs), n/2)
	}
	if docs := loadValid(t, manifest.Options{}, jsn); len(docs) != n/4 {
		t.Errorf("json: %d valid documents, want %d", len(docs), n/4)
	}
	docs := loadValid(t, manifest.Options{}, yml)
	if len(docs) != n {
		t.Fatalf("%d valid documents, want %d", len(docs), n)
	}

	kinds := map[string]int{}
	var svcs, dcs, incs []int
	for _, d := range docs {
		m := d.Value.(map[string]any)
		labels := m["metadata"].(map[string]any)["labels"].(map[string]any)
		kinds[labels["archetype"].(string)]++
		svcs = append(svcs, count(m["services"]))
		dcs = append(dcs, count(m["datacenters"]))
		incs = append(incs, count(m["incidents"]))
	}
	if testing.Short() {
		return
	}
	for _, a := range corpus.Archetypes() {
		if kinds[a] == 0 {
			t.Errorf("no %s among %d files", a, n)
		}
	}
	median := func(v []int) int { slices.Sort(v); return v[len(v)/2] }
	for _, c := range []struct {
		what     string
		got      int
		from, to int
	}{
		{"services", median(svcs), 20, 30},
		{"datacenters", median(dcs), 3, 5},
		{"incidents", median(incs), 7, 11},
	} {
		if c.got < c.from || c.got > c.to {
			t.Errorf("median %s = %d, want %d..%d", c.what, c.got, c.from, c.to)
		}
	}
}

func count(x any) int {
	l, _ := x.([]any)
	return len(l)
}

// TestSingleManifest: --services, --datacenters, --incidents, --shape and --depth are
// honoured, every shape is valid and acyclic, and the graph has the shape's form.
func TestSingleManifest(t *testing.T) {
	tmp := t.TempDir()
	const services, datacenters, incidents, depth = 400, 30, 6, 8
	for _, shape := range corpus.Shapes() {
		t.Run(string(shape), func(t *testing.T) {
			out := filepath.Join(tmp, string(shape)+".yaml")
			gen(t, "--services", fmt.Sprint(services), "--datacenters", fmt.Sprint(datacenters),
				"--incidents", fmt.Sprint(incidents), "--shape", string(shape), "--depth", fmt.Sprint(depth), "--out", out)
			docs := loadValid(t, manifest.Options{}, out)
			if len(docs) != 1 {
				t.Fatalf("%d documents", len(docs))
			}
			m := docs[0].Value.(map[string]any)
			if got := []int{count(m["services"]), count(m["datacenters"]), count(m["incidents"])}; !slices.Equal(got, []int{services, datacenters, incidents}) {
				t.Fatalf("services, datacenters, incidents = %v, want %d, %d, %d", got, services, datacenters, incidents)
			}
			g := graphOf(m)
			longest := g.longestPath(t) // in services, ending at a service with no dependency
			switch shape {
			case corpus.Chain:
				// Each chain of depth product services ends on login: depth + 1.
				if longest != depth+1 {
					t.Errorf("longest dependency path %d, want %d", longest, depth+1)
				}
				for id, on := range g.deps {
					if strings.HasPrefix(id, "svc-") && len(on) != 1 {
						t.Errorf("%s depends on %v, want exactly one service", id, on)
					}
				}
			case corpus.Layered:
				if longest != depth+1 {
					t.Errorf("longest dependency path %d, want %d (layers plus login)", longest, depth+1)
				}
			case corpus.FanIn:
				hubs := (services - 2) / 100
				in := g.indegree()
				var top []int
				for _, n := range in {
					top = append(top, n)
				}
				slices.Sort(top)
				slices.Reverse(top)
				// hubs shared services hold almost every edge: each one is needed by about
				// (products - hubs) * 2.5 / hubs services.
				if top[hubs-1] < (services-2-hubs)/hubs {
					t.Errorf("in-degrees %v: want %d hubs needed by most services", top[:hubs+1], hubs)
				}
				if longest > 3 {
					t.Errorf("longest dependency path %d, want at most 3 (service, hub, login)", longest)
				}
			case corpus.Random:
				if longest < 4 {
					t.Errorf("longest dependency path %d: a random graph of %d services should be deeper", longest, services)
				}
			}
		})
	}
}

type depGraph struct{ deps map[string][]string }

func graphOf(m map[string]any) depGraph {
	g := depGraph{deps: map[string][]string{}}
	for _, s := range m["services"].([]any) {
		svc := s.(map[string]any)
		id := svc["id"].(string)
		g.deps[id] = nil
		on, _ := svc["dependsOn"].([]any)
		for _, x := range on {
			g.deps[id] = append(g.deps[id], x.(string))
		}
	}
	return g
}

func (g depGraph) indegree() map[string]int {
	in := map[string]int{}
	for _, on := range g.deps {
		for _, x := range on {
			in[x]++
		}
	}
	return in
}

// longestPath is the number of services on the longest dependency path; it fails the test
// on a cycle.
func (g depGraph) longestPath(t *testing.T) int {
	memo := map[string]int{}
	onStack := map[string]bool{}
	var walk func(id string) int
	walk = func(id string) int {
		if n, ok := memo[id]; ok {
			return n
		}
		if onStack[id] {
			t.Fatalf("dependency cycle through %s", id)
		}
		onStack[id] = true
		best := 0
		for _, x := range g.deps[id] {
			best = max(best, walk(x))
		}
		onStack[id] = false
		memo[id] = best + 1
		return best + 1
	}
	longest := 0
	for id := range g.deps {
		longest = max(longest, walk(id))
	}
	return longest
}

// TestHyperscale: the scale issue's single-manifest target (10,000 services, 1,000
// datacenters, about 300,000 values) generates with the sizes asked for and loads and
// validates with the default options, as `resilcheck validate` reads it.
func TestHyperscale(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	d, err := corpus.Large(corpus.Spec{Services: 10000, Datacenters: 1000, Incidents: 20, Shape: corpus.Layered})
	if err != nil {
		t.Fatal(err)
	}
	if d.Services != 10000 || d.Datacenters != 1000 || d.Incidents != 20 {
		t.Errorf("got %d services, %d datacenters, %d incidents", d.Services, d.Datacenters, d.Incidents)
	}
	src := manifest.Decode("hyperscale.yaml", d.Encode(corpus.YAMLFormat), manifest.Options{})
	if len(src.Problems) > 0 || len(src.Documents) != 1 {
		t.Fatalf("decode: %v", src.Problems)
	}
	if ps := validate.Document(src.Documents[0]); len(ps) > 0 {
		t.Errorf("%d problems, first %s", len(ps), validate.Format(ps[0]))
	}
}

// TestFlags: misuse is refused with a message, not a panic or an empty output.
func TestFlags(t *testing.T) {
	tmp := t.TempDir()
	for _, c := range []struct {
		args []string
		want string
	}{
		{nil, "give --files N --out DIR, or --services N"},
		{[]string{"--files", "3"}, "--files needs --out DIR"},
		{[]string{"--files", "3", "--services", "5", "--out", tmp}, "not both"},
		{[]string{"--services", "1"}, "at least 2"},
		{[]string{"--services", "10", "--shape", "star"}, `shape "star"`},
		{[]string{"--services", "10", "--depth", "-1"}, "depth"},
		{[]string{"--services", "10", "--incidents", "-1"}, "incidents"},
		{[]string{"--files", "2", "--out", tmp, "--format", "toml"}, "--format"},
		{[]string{"--files", "2", "--out", tmp, "extra"}, "unexpected argument"},
	} {
		var out, errb bytes.Buffer
		err := run(c.args, &out, &errb)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("gencorpus %v: error %v, want one containing %q", c.args, err, c.want)
		}
	}
	// --datacenters defaults to a tenth of the services; --stats reports the sizes.
	var out, errb bytes.Buffer
	if err := run([]string{"--services", "50", "--stats"}, &out, &errb); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errb.String(), "50 services, 5 datacenters, 12 incidents") {
		t.Errorf("--stats printed %q", errb.String())
	}
	if err := run([]string{"--files", "5", "--out", filepath.Join(tmp, "p"), "--stats"}, &out, &errb); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errb.String(), "5 files,") || !strings.Contains(errb.String(), "median") {
		t.Errorf("--stats printed %q", errb.String())
	}
}
