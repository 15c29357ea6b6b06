package main

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/urfave/cli/v2"

	"github.com/resilcheck/resilcheck/internal/audit"
	"github.com/resilcheck/resilcheck/internal/check"
	"github.com/resilcheck/resilcheck/internal/engine"
	"github.com/resilcheck/resilcheck/internal/manifest"
	"github.com/resilcheck/resilcheck/internal/validate"
	"github.com/resilcheck/resilcheck/reports"
)

func simulateCommand(stdio appIO) *cli.Command {
	flags := []cli.Flag{
		&cli.StringSliceFlag{Name: "fail", Usage: "take down `ID` (a datacenter, power feed or building; repeat to lose several at once)"},
		&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "text, json, or a picture of each failure that takes services down: dot (Graphviz), mermaid or svg"},
		&cli.StringFlag{Name: "as-of", Usage: "audit `DATE` (YYYY-MM-DD); default today in Korea"},
		timeoutFlag(),
		langFlag("en or ko: the text and the pictures"),
		maxFileSizeFlag(),
		evaluatorFlag(),
	}
	flags = append(flags, bundleFlags()...)
	return &cli.Command{
		Name:      "simulate",
		Usage:     "show what each datacenter, power feed or building failure takes down",
		ArgsUsage: "PATH... (files, directories, or - for standard input)",
		Description: "Without --fail, loses every datacenter, every power feed (substation) and every\n" +
			"building holding two or more datacenters in turn; with --fail, loses exactly that\n" +
			"combination. For each failure it lists the services that go down, why (the chain of\n" +
			"lost dependencies down to the root cause) and what survives; a failure that takes\n" +
			"more than 50 services down lists the ones broken in place and counts the rest\n" +
			"(-f json links every lost service to what it is lost through).\n" +
			"-f dot, mermaid and svg draw each failure that takes services down: the lost domain,\n" +
			"the services down (red) and those surviving only by failover (green), dependency and\n" +
			"failover-tooling edges; past 20 lost services a failure draws the ones broken in place\n" +
			"and those reached from them first, and counts the rest. --lang ko words the text and\n" +
			"the pictures in Korean (-f json keeps its codes).\n" +
			"Exits 0 when every service survives every analysed failure, 1 when some failure\n" +
			"takes a service down or an evaluation does not finish (--timeout), 2 on bad input\n" +
			"or an unknown --fail id.",
		Flags: flags,
		CustomHelpTemplate: withExamples(
			"resilcheck simulate testdata/manifests/kakao-2022-10-15.yaml",
			"resilcheck simulate --fail skcc-pangyo -f json testdata/manifests/kakao-2022-10-15.yaml",
			"resilcheck simulate -f svg testdata/manifests/kakao-2022-10-15.yaml > kakao-site-loss.svg",
		),
		Action: func(c *cli.Context) error {
			return runSimulate(c, stdio)
		},
	}
}

func runSimulate(c *cli.Context, stdio appIO) error {
	if err := argsOnly(c); err != nil {
		return err
	}
	if c.NArg() == 0 {
		return withCode(ExitInputError, errors.New("simulate: no input: give one or more files or directories, or - for standard input"))
	}
	prepareHeap(c.Args().Slice(), stdio.Getenv)
	format := c.String("format")
	if err := oneOf("format", format, reports.SimulationFormats...); err != nil {
		return err
	}
	lang, err := checkLang(c)
	if err != nil {
		return err
	}
	asOf, err := parseAsOf(c.String("as-of"))
	if err != nil {
		return withCode(ExitInputError, err)
	}
	if c.Duration("timeout") <= 0 {
		return withCode(ExitInputError, errors.New("--timeout must be positive"))
	}
	evaluator, err := parseEvaluator(c)
	if err != nil {
		return withCode(ExitInputError, err)
	}
	maxSize, err := parseSize(c.String("max-file-size"))
	if err != nil {
		return withCode(ExitInputError, err)
	}
	if err := validate.Ready(); err != nil {
		return withCode(ExitBundleBroken, fmt.Errorf("manifest schema: %w", err))
	}
	policies, err := policyDirs(c)
	if err != nil {
		return err
	}
	fail := cleanIDs(c.StringSlice("fail"))
	color := format == "text" && !noColor(c, stdio) && isTerminal(stdio.Stdout)
	stream, err := reports.NewSimulationStream(format, lang, color, asOf, fail)
	if err != nil {
		return withCode(ExitInputError, err)
	}
	defer stream.Close()

	// The inputs stream through the pipeline a window at a time; what simulate needs of a
	// document beyond its analysis (the ids --fail may name, the services a small manifest's
	// text names as survivors) is read from it on the way, and only that is kept.
	ids := newDeclaredIDs(len(fail) > 0)
	sink := &simulationSink{stream: stream, ids: ids}
	ctx := commandContext(c)
	opts := check.Options{
		Paths:        c.Args().Slice(),
		PolicyDirs:   policies,
		DataFiles:    c.StringSlice("data"),
		AsOf:         asOf,
		Fail:         fail,
		SiteLossOnly: true,
		Timeout:      c.Duration("timeout"),
		MaxFileSize:  maxSize,
		Stdin:        stdio.Stdin,
		Evaluator:    evaluator,
		Inspect:      func(d *manifest.Document) { ids.inspect(ctx, d) },
		InputsRead:   func() error { return ids.check(fail) },
		Tool:         toolInfo(),
		Command:      commandLine(),
	}
	out, err := check.Stream(ctx, opts, sink)
	if ierr := interruption(ctx); ierr != nil {
		return fmt.Errorf("simulate: %w: nothing written", ierr)
	}
	var sinkErr *check.SinkError
	if errors.As(err, &sinkErr) {
		return withCode(ExitInputError, fmt.Errorf("simulate: %w: nothing written", err))
	}
	if err != nil {
		if errors.As(err, new(*exitError)) {
			return err // an unknown --fail id (InputsRead)
		}
		return engineError(err)
	}
	// An unknown --fail id is known only once every input has been read: the run stops
	// before judging its last window (for most runs, before judging anything), and nothing
	// is written. A run that read no document gets here.
	if err := ids.check(fail); err != nil {
		return err
	}
	printProblems(stdio.Stderr, out.Problems)

	if err := stream.Finish(stdio.Stdout); err != nil {
		return withCode(ExitInputError, fmt.Errorf("write output: %w", err))
	}
	sum := stream.Summary()
	switch {
	case len(out.Problems) > 0:
		return reported(ExitInputError)
	case sum.FailuresWithLoss > 0, sum.Unfinished > 0:
		return reported(ExitFailed)
	}
	return nil
}

// simulationSink renders each manifest's analysis as the run hands it over.
type simulationSink struct {
	stream *reports.SimulationStream
	ids    *declaredIDs
}

func (s *simulationSink) Begin(*audit.Report) error { return nil }

func (s *simulationSink) Add(m audit.Manifest, results []audit.Result) error {
	return s.stream.Add(reports.NewSimulatedManifest(m, results, s.ids.take(reports.DocKey{File: m.File, Index: m.Document})))
}

// declaredIDs gathers, as documents stream past, every failure domain they declare (for an
// unknown --fail id) and, until its manifest is rendered, each small document's service ids.
type declaredIDs struct {
	withDomains bool
	mu          sync.Mutex
	known       map[string]map[string]bool // kind -> id
	err         error                      // the first failure to read the domains
	services    map[reports.DocKey][]string
}

func newDeclaredIDs(withDomains bool) *declaredIDs {
	return &declaredIDs{
		withDomains: withDomains,
		known:       map[string]map[string]bool{"dc": {}, "feed": {}, "building": {}},
		services:    map[reports.DocKey][]string{},
	}
}

// inspect reads one document; it is called on several documents at once.
func (d *declaredIDs) inspect(ctx context.Context, doc *manifest.Document) {
	services := declaredServices(doc)
	var k engine.FailureDomains
	var err error
	// Not an object: the schema reports it; it declares nothing to take down.
	if _, ok := doc.Value.(map[string]any); ok && d.withDomains {
		k, err = engine.KnownFailureDomains(ctx, doc.Value)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if err != nil && d.err == nil {
		d.err = err
	}
	for kind, ids := range map[string][]string{"dc": k.Datacenters, "feed": k.PowerFeeds, "building": k.Buildings} {
		for _, id := range ids {
			d.known[kind][id] = true
		}
	}
	// A manifest of more services than the text lists never has its survivors named.
	if len(services) <= reports.SimulateListed {
		d.services[reports.DocKey{File: doc.File, Index: doc.Index}] = services
	}
}

// take returns a document's service ids and forgets them.
func (d *declaredIDs) take(k reports.DocKey) []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	ids := d.services[k]
	delete(d.services, k)
	return ids
}

// check rejects an id no input declares: a typo would otherwise simulate losing nothing and
// report that everything survives. An id known to only some of several manifests is fine;
// the others simply lose nothing to it.
func (d *declaredIDs) check(fail []string) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.err != nil {
		return withCode(ExitBundleBroken, d.err)
	}
	known := d.known
	var unknown []string
	for _, id := range fail {
		if !known["dc"][id] && !known["feed"][id] && !known["building"][id] {
			unknown = append(unknown, id)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	list := func(m map[string]bool) string {
		if len(m) == 0 {
			return "(none)"
		}
		ids := make([]string, 0, len(m))
		for id := range m {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		return strings.Join(ids, ", ")
	}
	return withCode(ExitInputError, fmt.Errorf("--fail: unknown failure domain %s; known ids:\n  datacenters: %s\n  power feeds: %s\n  buildings:   %s",
		quoteAll(unknown), list(known["dc"]), list(known["feed"]), list(known["building"])))
}

// cleanIDs drops blanks and repeats and sorts, so "--fail a --fail a" is the failure "a".
func cleanIDs(ids []string) []string {
	var out []string
	for _, id := range ids {
		if id = strings.TrimSpace(id); id != "" && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	sort.Strings(out)
	return out
}

func quoteAll(ids []string) string {
	q := make([]string, len(ids))
	for i, id := range ids {
		q[i] = fmt.Sprintf("%q", id)
	}
	return strings.Join(q, ", ")
}

// declaredServices are a document's declared service ids, sorted.
func declaredServices(d *manifest.Document) []string {
	root, _ := d.Value.(map[string]any)
	list, _ := root["services"].([]any)
	var ids []string
	for _, v := range list {
		s, _ := v.(map[string]any)
		if id, ok := s["id"].(string); ok {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}
