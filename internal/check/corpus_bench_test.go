package check

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/resilcheck/resilcheck/internal/audit"
	"github.com/resilcheck/resilcheck/internal/corpus"
	"github.com/resilcheck/resilcheck/internal/engine"
)

// The corpus benchmarks run the pipeline (load, validate, judge; no rendering) on the
// generated corpora of internal/corpus, the same files `go run ./internal/tools/gencorpus`
// writes and internal/tools/gencorpus/sidebyside.sh times against conftest and opa:
//
//	go test -run '^$' -bench Corpus -benchtime 3x ./internal/check/
//	go test -run '^$' -bench CorpusLarge -benchtime 1x ./internal/check/ \
//	    -corpus.services 10000 -corpus.datacenters 1000 -corpus.evaluators topdown,irvm
//
// The flags scale them up to the targets; the defaults keep one run to about a
// minute on the 2-core machine. Large manifests are judged on irvm unless asked otherwise:
// topdown on the deeper shapes runs into the --timeout bound, which stops the benchmark.
var (
	corpusFiles       = flag.Int("corpus.files", 100, "BenchmarkCorpusPopulation: manifests in the population")
	corpusServices    = flag.Int("corpus.services", 0, "BenchmarkCorpusLarge: services of one manifest (0: the default sizes)")
	corpusDatacenters = flag.Int("corpus.datacenters", 0, "BenchmarkCorpusLarge: datacenters (0: services/10)")
	corpusEvaluators  = flag.String("corpus.evaluators", "irvm", "BenchmarkCorpusLarge: comma-separated evaluators (topdown, irvm, auto)")
)

// BenchmarkCorpusPopulation judges a population of realistic manifests (seed 1, the
// generator's default population) with the evaluator `check` picks for it.
func BenchmarkCorpusPopulation(b *testing.B) {
	if testing.Short() {
		b.Skip("generates and judges a population: not in -short")
	}
	ctx := context.Background()
	eng := batchEngine(b, engine.EvaluatorAuto)
	dir := b.TempDir()
	if _, err := corpus.WritePopulation(dir, *corpusFiles, 1, corpus.YAMLFormat); err != nil {
		b.Fatal(err)
	}
	opts := benchOptions()
	opts.Paths = []string{dir}
	b.Run(fmt.Sprintf("files-%d", *corpusFiles), func(b *testing.B) {
		for b.Loop() {
			r := RunWith(ctx, eng, opts)
			if len(r.Manifests) != *corpusFiles || HasProblems(r) {
				b.Fatalf("%d manifests, want %d; input problems: %v", len(r.Manifests), *corpusFiles, HasProblems(r))
			}
			mustNotError(b, r)
		}
		b.ReportMetric(float64(*corpusFiles*b.N)/b.Elapsed().Seconds(), "manifests/s")
	})
}

// BenchmarkCorpusLarge judges single large manifests of each dependency shape on each
// evaluator. The site-loss analysis dominates; compare the shapes and sizes for growth.
func BenchmarkCorpusLarge(b *testing.B) {
	if testing.Short() {
		b.Skip("generates and judges large manifests: not in -short")
	}
	type size struct{ services, datacenters int }
	sizes := []size{{250, 25}, {1000, 100}}
	if *corpusServices > 0 {
		ndc := *corpusDatacenters
		if ndc == 0 {
			ndc = max(1, *corpusServices/10)
		}
		sizes = []size{{*corpusServices, ndc}}
	}
	ctx := context.Background()
	engines := map[engine.Evaluator]*engine.Engine{}
	var evaluators []engine.Evaluator
	for _, name := range strings.Split(*corpusEvaluators, ",") {
		ev := engine.Evaluator(strings.TrimSpace(name))
		evaluators = append(evaluators, ev)
		engines[ev] = batchEngine(b, ev)
	}
	dir := b.TempDir()
	for _, sz := range sizes {
		for _, shape := range corpus.Shapes() {
			doc, err := corpus.Large(corpus.Spec{Seed: 1, Services: sz.services, Datacenters: sz.datacenters, Incidents: 12, Shape: shape})
			if err != nil {
				b.Fatal(err)
			}
			path := filepath.Join(dir, doc.Name+".yaml")
			if err := os.WriteFile(path, doc.Encode(corpus.YAMLFormat), 0o644); err != nil {
				b.Fatal(err)
			}
			for _, ev := range evaluators {
				b.Run(fmt.Sprintf("%s/%ds-%ddc/%s", shape, sz.services, sz.datacenters, ev), func(b *testing.B) {
					opts := benchOptions()
					opts.Paths = []string{path}
					for b.Loop() {
						r := RunWith(ctx, engines[ev], opts)
						if len(r.Manifests) != 1 || HasProblems(r) {
							b.Fatalf("%d manifests; input problems: %v", len(r.Manifests), r.Manifests)
						}
						mustNotError(b, r)
					}
				})
			}
		}
	}
}

// mustNotError stops a benchmark whose run hit a bound (a control ended in error, as on a
// timeout): its figure would measure the bound, not the work.
func mustNotError(b *testing.B, r *audit.Report) {
	b.Helper()
	for _, res := range r.Results {
		if res.Status == audit.StatusError {
			b.Fatalf("%s on %s ended in error: %s", res.Control, res.Manifest, res.Reason)
		}
	}
}
