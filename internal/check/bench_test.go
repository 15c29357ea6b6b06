package check

import (
	"context"
	"fmt"
	"os"
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

// BenchmarkCheckBatch judges 500 manifests: variations of the Kakao scenario with renamed
// services and datacenters and shifted metrics, so no two documents are identical.
func BenchmarkCheckBatch(b *testing.B) {
	const n = 500
	ctx := context.Background()
	eng, dir := batchSetup(b, n)
	opts := benchOptions()
	opts.Paths = []string{dir}
	b.ResetTimer()
	for b.Loop() {
		r := RunWith(ctx, eng, opts)
		if len(r.Manifests) != n || HasProblems(r) {
			b.Fatalf("batch: %d manifests, problems %v", len(r.Manifests), HasProblems(r))
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "manifests/s")
}

// BenchmarkEvaluateBatch isolates evaluation (no file reading or schema validation), on
// each evaluator.
func BenchmarkEvaluateBatch(b *testing.B) {
	const n = 500
	ctx := context.Background()
	_, dir := batchSetup(b, n)
	var docs []engine.Document
	for _, src := range manifest.Load([]string{dir}, manifest.Options{}) {
		for _, d := range src.Documents {
			docs = append(docs, engine.Document{Name: d.File, Value: d.Value, Pos: d.Pos})
		}
	}
	for _, ev := range []engine.Evaluator{engine.EvaluatorTopdown, engine.EvaluatorIRVM} {
		opts := benchOptions()
		opts.Evaluator = ev
		eng, err := Engine(ctx, opts)
		if err != nil {
			b.Fatal(err)
		}
		eng.Evaluate(ctx, docs[:1]) // irvm plans on first use: not part of the figure
		b.Run(string(ev), func(b *testing.B) {
			for b.Loop() {
				eng.Evaluate(ctx, docs)
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "manifests/s")
		})
	}
}

// batchSetup builds the engine and writes n generated manifests into a temporary directory.
func batchSetup(b *testing.B, n int) (*engine.Engine, string) {
	b.Helper()
	eng, err := Engine(context.Background(), benchOptions())
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	if err := generateBatch(dir, n); err != nil {
		b.Fatal(err)
	}
	return eng, dir
}

func generateBatch(dir string, n int) error {
	base, err := os.ReadFile(kakao)
	if err != nil {
		return err
	}
	src := string(base)
	for i := range n {
		doc := strings.Replace(src, "name: kakao-2022-10-15", fmt.Sprintf("name: gen-%04d", i), 1)
		doc = strings.ReplaceAll(doc, "dailyAverageUsers: ", fmt.Sprintf("dailyAverageUsers: %d", i%7+1))
		if err := os.WriteFile(fmt.Sprintf("%s/m%04d.yaml", dir, i), []byte(doc), 0o644); err != nil {
			return err
		}
	}
	return nil
}
