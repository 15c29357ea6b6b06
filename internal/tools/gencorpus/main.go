// Command gencorpus writes generated provider manifests for benchmarks and side-by-side
// runs (internal/corpus does the generating; see its package comment).
//
// A population of N realistic manifests, one file each, into DIR:
//
//	go run ./internal/tools/gencorpus --files 1000 --out /tmp/pop1000
//
// One manifest of any size, to a file or to standard output:
//
//	go run ./internal/tools/gencorpus --services 10000 --datacenters 1000 --shape layered \
//	    --incidents 20 --out /tmp/hyperscale.yaml
//
// The same --seed (default 1) gives the same bytes. --format json writes JSON instead of
// YAML. --stats prints what was written (counts, sizes, medians) on standard error.
// sidebyside.sh beside this file times resilcheck, conftest and `opa eval` on populations.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/resilcheck/resilcheck/internal/corpus"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "gencorpus:", err)
		}
		os.Exit(2)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("gencorpus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		files       = fs.Int("files", 0, "write a population of `N` manifests, one a file, into --out (a directory)")
		out         = fs.String("out", "", "output directory (population) or file (single manifest; empty or - for standard output)")
		seed        = fs.Int64("seed", 1, "random seed: the same seed gives the same bytes")
		format      = fs.String("format", "yaml", "yaml or json")
		services    = fs.Int("services", 0, "write one manifest with `N` services (at least 2)")
		datacenters = fs.Int("datacenters", 0, "datacenters of the single manifest (default: services/10, at least 1)")
		shape       = fs.String("shape", "random", "dependency shape of the single manifest: "+shapeList())
		depth       = fs.Int("depth", 0, fmt.Sprintf("chain length (chain) or layer count (layered) (default %d)", corpus.DefaultDepth))
		incidents   = fs.Int("incidents", 12, "incidents of the single manifest")
		name        = fs.String("name", "", "metadata.name of the single manifest (default from the sizes)")
		stats       = fs.Bool("stats", false, "print counts, sizes and medians on standard error")
	)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: gencorpus --files N --out DIR [--seed S] [--format yaml|json] [--stats]")
		fmt.Fprintln(stderr, "       gencorpus --services N [--datacenters M] [--shape S] [--depth D] [--incidents K] [--out FILE] [--seed S]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q (flags only; see -h)", fs.Arg(0))
	}
	f := corpus.Format(*format)
	if f != corpus.YAMLFormat && f != corpus.JSONFormat {
		return fmt.Errorf("--format %q: want yaml or json", *format)
	}
	switch {
	case *files > 0 && *services > 0:
		return errors.New("give --files (a population) or --services (one manifest), not both")
	case *files > 0:
		if *out == "" || *out == "-" {
			return errors.New("--files needs --out DIR")
		}
		docs, err := corpus.WritePopulation(*out, *files, *seed, f)
		if err != nil {
			return err
		}
		if *stats {
			printStats(stderr, *out, docs, f)
		}
		return nil
	case *services > 0:
		ndc := *datacenters
		if ndc == 0 {
			ndc = max(1, *services/10)
		}
		doc, err := corpus.Large(corpus.Spec{
			Name: *name, Seed: *seed, Services: *services, Datacenters: ndc,
			Incidents: *incidents, Shape: corpus.Shape(*shape), Depth: *depth,
		})
		if err != nil {
			return err
		}
		b := doc.Encode(f)
		if *stats {
			fmt.Fprintf(stderr, "%s: %d services, %d datacenters, %d incidents, %d bytes\n", doc.Name, doc.Services, doc.Datacenters, doc.Incidents, len(b))
		}
		if *out == "" || *out == "-" {
			_, err = stdout.Write(b)
			return err
		}
		if dir := filepath.Dir(*out); dir != "." {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
		}
		return os.WriteFile(*out, b, 0o644)
	}
	fs.Usage()
	return errors.New("give --files N --out DIR, or --services N")
}

func shapeList() string {
	var s []string
	for _, x := range corpus.Shapes() {
		s = append(s, string(x))
	}
	return strings.Join(s, ", ")
}

// printStats summarises a written population: archetype counts and the median and range of
// services, datacenters, incidents and file size.
func printStats(w io.Writer, dir string, docs []corpus.Doc, f corpus.Format) {
	var svc, dc, inc, size []int
	kinds := map[string]int{}
	for i, d := range docs {
		svc = append(svc, d.Services)
		dc = append(dc, d.Datacenters)
		inc = append(inc, d.Incidents)
		if fi, err := os.Stat(filepath.Join(dir, corpus.FileName(i, f))); err == nil {
			size = append(size, int(fi.Size()))
		}
		kinds[d.Archetype]++
	}
	total := 0
	for _, s := range size {
		total += s
	}
	fmt.Fprintf(w, "%d files, %d bytes in %s\n", len(docs), total, dir)
	line := func(what string, v []int) {
		slices.Sort(v)
		if len(v) == 0 {
			return
		}
		fmt.Fprintf(w, "  %-12s median %d, min %d, max %d\n", what, v[len(v)/2], v[0], v[len(v)-1])
	}
	line("services", svc)
	line("datacenters", dc)
	line("incidents", inc)
	line("bytes", size)
	for _, a := range corpus.Archetypes() {
		fmt.Fprintf(w, "  %-22s %d\n", a, kinds[a])
	}
}
