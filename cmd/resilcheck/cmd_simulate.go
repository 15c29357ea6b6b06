package main

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

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
		&cli.DurationFlag{Name: "timeout", Value: engine.DefaultTimeout, Usage: "evaluation time limit per document"},
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
	paths := c.Args().Slice()

	// An unknown --fail id must be caught before the evaluation, so the inputs are loaded
	// here once and handed to the pipeline.
	sources := manifest.Load(paths, manifest.Options{Stdin: stdio.Stdin, MaxFileSize: maxSize})
	if len(fail) > 0 {
		if err := checkFailIDs(commandContext(c), fail, sources); err != nil {
			return err
		}
	}

	// The report counts survivors; a small manifest's text names them, from its declaration.
	services := declaredServices(sources)

	opts := check.Options{
		Paths:      paths,
		PolicyDirs: policies,
		DataFiles:  c.StringSlice("data"),
		AsOf:       asOf,
		Fail:       fail,
		Timeout:    c.Duration("timeout"),
		Evaluator:  evaluator,
		Sources:    sources,
		Tool:       toolInfo(),
		Command:    commandLine(),
	}
	r, err := check.Run(commandContext(c), opts)
	if err != nil {
		return engineError(err)
	}
	if ierr := interruption(commandContext(c)); ierr != nil {
		return fmt.Errorf("simulate: %w: nothing written", ierr)
	}
	var problems []audit.Problem
	for _, m := range r.Manifests {
		problems = append(problems, m.Problems...)
	}
	printProblems(stdio.Stderr, problems)

	sim := reports.NewSimulation(r, fail, services)
	color := format == "text" && !noColor(c, stdio) && isTerminal(stdio.Stdout)
	if err := reports.WriteSimulation(stdio.Stdout, sim, format, lang, color); err != nil {
		return withCode(ExitInputError, fmt.Errorf("write output: %w", err))
	}
	switch {
	case check.HasProblems(r):
		return reported(ExitInputError)
	case sim.Summary.FailuresWithLoss > 0, sim.Summary.Unfinished > 0:
		return reported(ExitFailed)
	}
	return nil
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

// checkFailIDs rejects an id no input declares: a typo would otherwise simulate losing
// nothing and report that everything survives. An id known to only some of several
// manifests is fine; the others simply lose nothing to it.
func checkFailIDs(ctx context.Context, fail []string, sources []*manifest.Source) error {
	known := map[string]map[string]bool{"dc": {}, "feed": {}, "building": {}}
	for _, src := range sources {
		for _, d := range src.Documents {
			// Not an object: the schema reports it; it declares nothing to take down.
			if _, ok := d.Value.(map[string]any); !ok {
				continue
			}
			k, err := engine.KnownFailureDomains(ctx, d.Value)
			if err != nil {
				return withCode(ExitBundleBroken, err)
			}
			for kind, ids := range map[string][]string{"dc": k.Datacenters, "feed": k.PowerFeeds, "building": k.Buildings} {
				for _, id := range ids {
					known[kind][id] = true
				}
			}
		}
	}
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

func quoteAll(ids []string) string {
	q := make([]string, len(ids))
	for i, id := range ids {
		q[i] = fmt.Sprintf("%q", id)
	}
	return strings.Join(q, ", ")
}

// declaredServices maps each document (file and index) to its declared service ids, sorted.
func declaredServices(sources []*manifest.Source) map[reports.DocKey][]string {
	out := map[reports.DocKey][]string{}
	for _, src := range sources {
		for _, d := range src.Documents {
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
			out[reports.DocKey{File: d.File, Index: d.Index}] = slices.Compact(ids)
		}
	}
	return out
}
