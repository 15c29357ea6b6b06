// Package corpus generates provider manifests for benchmarks and for side-by-side runs
// against conftest and `opa eval`: populations of realistic manifests (the bundled scenarios'
// kinds of provider, varied) and single manifests of any size and dependency shape. Output
// depends only on the seed and the parameters: the same seed gives the same bytes on every
// machine and Go release, and file i of a population is the same whatever its size, so a
// population of 100 is the first 100 files of one of 1,000.
//
// Every generated document is valid: it passes the loader and the validator exactly as
// `resilcheck validate` runs them (internal/tools/gencorpus's tests hold it to that). What
// varies is what the law asks of it: provider categories and metrics on both sides of the
// scope thresholds, compliant and careless governance, redundant and single-site designs,
// incidents with and without timely notices and reports.
//
// The command is internal/tools/gencorpus; this package is its core, importable by the
// benchmarks.
package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
)

// Format is an output encoding.
type Format string

// The encodings: YAML as people write manifests, JSON as machines export them.
const (
	YAMLFormat Format = "yaml"
	JSONFormat Format = "json"
)

// Doc is one generated manifest and what it holds.
type Doc struct {
	Name        string // metadata.name
	Archetype   string // which kind of provider it models (see archetypes)
	Services    int
	Datacenters int
	Incidents   int
	Header      string // the comment written at the top of a YAML file
	Value       *Map
}

// Encode renders the document in the format.
func (d *Doc) Encode(f Format) []byte {
	if f == JSONFormat {
		return JSON(d.Value)
	}
	return YAML(d.Header, d.Value)
}

// FileName is the name WritePopulation gives file i.
func FileName(i int, f Format) string {
	ext := ".yaml"
	if f == JSONFormat {
		ext = ".json"
	}
	return fmt.Sprintf("gen-%05d%s", i, ext)
}

// WritePopulation writes files 0..n-1 of the population for seed into dir (created if
// needed), on every core, and returns the documents without their values (for counts).
func WritePopulation(dir string, n int, seed int64, f Format) ([]Doc, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	docs := make([]Doc, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				d := Population(seed, i)
				errs[i] = os.WriteFile(filepath.Join(dir, FileName(i, f)), d.Encode(f), 0o644)
				d.Value = nil
				docs[i] = d
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return docs, nil
}
