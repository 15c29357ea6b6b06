package check

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/resilcheck/resilcheck/internal/audit"
	"github.com/resilcheck/resilcheck/internal/engine"
	"github.com/resilcheck/resilcheck/internal/manifest"
)

// The benchmarks measure the parts of one run separately, so a regression points at its
// stage: compiling the bundle (paid once per process), judging one realistic manifest, and
// judging a batch of generated realistic manifests on every core.
//
//	go test -run '^$' -bench . -benchtime 3x ./internal/check/

const kakao = "../../testdata/manifests/kakao-2022-10-15.yaml"

func benchOptions() Options {
	return Options{AsOf: "2026-11-22", Tool: audit.Tool{Name: "resilcheck", Version: "bench"}}
}

func BenchmarkEngineNew(b *testing.B) {
	ctx := context.Background()
	for b.Loop() {
		if _, err := Engine(ctx, benchOptions()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCheckOne(b *testing.B) {
	ctx := context.Background()
	eng, err := Engine(ctx, benchOptions())
	if err != nil {
		b.Fatal(err)
	}
	opts := benchOptions()
	opts.Paths = []string{kakao}
	for b.Loop() {
		RunWith(ctx, eng, opts)
	}
}

// batches are the two populations the batch benchmarks judge, 500 documents each, no two
// identical (renamed, user counts shifted): "kakao" is the richest bundled scenario every
// time (30 controls applicable, ten services, a year of incidents: the worst realistic
// case); "mixed" takes the five bundled scenarios in turn (major providers, a datacenter
// operator, a small provider), closer to a ministry's population of declared manifests.
var batches = []struct {
	name  string
	bases []string
}{
	{"kakao", []string{kakao}},
	{"mixed", []string{
		"../../testdata/manifests/kakao-2022-10-15.yaml",
		"../../testdata/manifests/naver-2022-10-15.yaml",
		"../../testdata/manifests/skcc-pangyo-2022-10-15.yaml",
		"../../testdata/manifests/small-provider.yaml",
		"../../testdata/manifests/kakao-remediated.yaml",
	}},
}

const batchSize = 500

// BenchmarkCheckBatch runs the pipeline (load, validate, judge; no rendering) over each
// batch with the engine's default evaluator.
func BenchmarkCheckBatch(b *testing.B) {
	ctx := context.Background()
	eng := batchEngine(b, engine.EvaluatorAuto)
	for _, batch := range batches {
		opts := benchOptions()
		opts.Paths = []string{writeBatch(b, batch.bases)}
		b.Run(batch.name, func(b *testing.B) {
			for b.Loop() {
				r := RunWith(ctx, eng, opts)
				if len(r.Manifests) != batchSize || HasProblems(r) {
					b.Fatalf("batch: %d manifests, problems %v", len(r.Manifests), HasProblems(r))
				}
			}
			b.ReportMetric(float64(batchSize*b.N)/b.Elapsed().Seconds(), "manifests/s")
		})
	}
}

// BenchmarkEvaluateBatch isolates evaluation (no file reading or schema validation), on
// each evaluator and batch.
func BenchmarkEvaluateBatch(b *testing.B) {
	ctx := context.Background()
	for _, ev := range []engine.Evaluator{engine.EvaluatorTopdown, engine.EvaluatorIRVM} {
		eng := batchEngine(b, ev)
		for _, batch := range batches {
			var docs []engine.Document
			for _, src := range manifest.Load([]string{writeBatch(b, batch.bases)}, manifest.Options{}) {
				for _, d := range src.Documents {
					docs = append(docs, engine.Document{Name: d.File, Value: d.Value, Pos: d.Pos})
				}
			}
			eng.Evaluate(ctx, docs[:1]) // irvm plans on first use: not part of the figure
			b.Run(string(ev)+"/"+batch.name, func(b *testing.B) {
				for b.Loop() {
					eng.Evaluate(ctx, docs)
				}
				b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "manifests/s")
			})
		}
	}
}

// batchEngine builds the run's engine with the given evaluator.
func batchEngine(b *testing.B, ev engine.Evaluator) *engine.Engine {
	b.Helper()
	opts := benchOptions()
	opts.Evaluator = ev
	eng, err := Engine(context.Background(), opts)
	if err != nil {
		b.Fatal(err)
	}
	return eng
}

// writeBatch generates a batch of batchSize manifests into a fresh temporary directory.
func writeBatch(b *testing.B, bases []string) string {
	b.Helper()
	dir := b.TempDir()
	if err := generateBatch(dir, batchSize, bases); err != nil {
		b.Fatal(err)
	}
	return dir
}

var metadataName = regexp.MustCompile(`(?m)^  name: .*$`)

// generateBatch writes n manifests made from the bases in turn, each renamed (the first
// "  name:" line is metadata.name in every bundled scenario) and with its user count
// shifted, so no two documents are identical and none collide by name.
func generateBatch(dir string, n int, bases []string) error {
	var srcs []string
	for _, p := range bases {
		raw, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		srcs = append(srcs, string(raw))
	}
	for i := range n {
		src := srcs[i%len(srcs)]
		loc := metadataName.FindStringIndex(src)
		if loc == nil {
			return fmt.Errorf("%s: no metadata.name line", bases[i%len(bases)])
		}
		doc := src[:loc[0]] + fmt.Sprintf("  name: gen-%04d", i) + src[loc[1]:]
		doc = strings.ReplaceAll(doc, "dailyAverageUsers: ", fmt.Sprintf("dailyAverageUsers: %d", i%7+1))
		if err := os.WriteFile(fmt.Sprintf("%s/m%04d.yaml", dir, i), []byte(doc), 0o644); err != nil {
			return err
		}
	}
	return nil
}
