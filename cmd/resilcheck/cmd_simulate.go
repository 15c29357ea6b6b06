package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"

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
			"and those reached from them first, and counts the rest.\n" +
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
	if err := oneOf("format", format, append([]string{"text", "json"}, reports.GraphFormats...)...); err != nil {
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

	sim := newSimulation(r, fail, services)
	switch format {
	case "json":
		enc := json.NewEncoder(stdio.Stdout)
		enc.SetIndent("", "  ")
		err = enc.Encode(sim)
	case "text":
		err = sim.writeText(stdio.Stdout, !noColor(c, stdio) && isTerminal(stdio.Stdout))
	default:
		err = reports.WriteLossGraph(stdio.Stdout, format, "en", sim.pictured())
	}
	if err != nil {
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

// simulation is what `simulate -f json` prints: the site-loss analysis of every manifest,
// with stable field names and empty lists rather than null.
type simulation struct {
	AsOf      string              `json:"as_of"`
	Fail      []string            `json:"fail"`
	Summary   simulationSummary   `json:"summary"`
	Manifests []simulatedManifest `json:"manifests"`
}

type simulationSummary struct {
	Manifests        int `json:"manifests"`
	Failures         int `json:"failures"`           // failures analysed, over all manifests
	FailuresWithLoss int `json:"failures_with_loss"` // of which take at least one service down
	Problems         int `json:"problems"`           // input problems (manifests not analysed)
	Unfinished       int `json:"unfinished"`         // manifests whose evaluation did not finish
}

type simulatedManifest struct {
	Name     string          `json:"name"`
	File     string          `json:"file"`
	Document int             `json:"document"`
	Provider string          `json:"provider,omitempty"`
	Problems []audit.Problem `json:"problems,omitempty"`
	SiteLoss *audit.SiteLoss `json:"site_loss"`
	// Error says why a valid manifest has no analysis: its evaluation did not finish (the
	// --timeout bound, say).
	Error string `json:"error,omitempty"`

	services []string // the declared service ids, sorted, for naming survivors
}

// declaredServices maps each document (file and index) to its declared service ids, sorted.
func declaredServices(sources []*manifest.Source) map[docKey][]string {
	out := map[docKey][]string{}
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
			out[docKey{d.File, d.Index}] = slices.Compact(ids)
		}
	}
	return out
}

type docKey struct {
	file  string
	index int
}

func newSimulation(r *audit.Report, fail []string, services map[docKey][]string) simulation {
	s := simulation{AsOf: r.AsOf, Fail: fail, Manifests: []simulatedManifest{}}
	if s.Fail == nil {
		s.Fail = []string{}
	}
	// An evaluation that did not finish leaves no analysis and an error result per control
	// it could not judge: that is what the manifest's text must say, not that the bundle
	// has no analysis (and the run must not pass).
	errored := map[string]string{}
	for _, res := range r.Results {
		if _, seen := errored[res.Manifest]; !seen && res.Status == audit.StatusError {
			errored[res.Manifest] = res.Reason
		}
	}
	for _, m := range r.Manifests {
		sm := simulatedManifest{
			Name: m.Name, File: m.File, Document: m.Document, Provider: m.Provider,
			Problems: m.Problems, SiteLoss: m.SiteLoss, services: services[docKey{m.File, m.Document}],
		}
		if reason, ok := errored[m.Name]; ok && m.SiteLoss == nil && len(m.Problems) == 0 {
			sm.Error = reason
			s.Summary.Unfinished++
		}
		s.Manifests = append(s.Manifests, sm)
		s.Summary.Manifests++
		s.Summary.Problems += len(m.Problems)
		if m.SiteLoss == nil {
			continue
		}
		for _, f := range m.SiteLoss.Failures {
			s.Summary.Failures++
			if f.Lost > 0 {
				s.Summary.FailuresWithLoss++
			}
		}
	}
	return s
}

var domainWords = map[string]string{
	"datacenter":  "datacenter",
	"power-feed":  "power feed",
	"building":    "building",
	"combination": "combination",
}

func describeDomain(d audit.FailureDomain) string {
	word := domainWords[d.Kind]
	if word == "" {
		word = d.Kind
	}
	s := word + " " + d.ID
	if d.Kind != "datacenter" && len(d.Datacenters) > 0 {
		s += " (takes down " + strings.Join(d.Datacenters, ", ") + ")"
	}
	return s
}

// writeText prints one block per manifest: a line per failure, and under each failure that
// takes something down a table of the lost services with their chains, then how many
// survive. A failure that takes more than simulateListed services down lists only the ones
// broken in place (the roots of the loss) and counts the others: the JSON output links each
// of them to what it is lost through.
func (s simulation) writeText(w io.Writer, color bool) error {
	paint := func(code, text string) string {
		if !color {
			return text
		}
		return "\x1b[" + code + "m" + text + "\x1b[0m"
	}
	down, ok := paint("1;31", "DOWN"), paint("32", "OK  ")
	bw := &errWriter{w: w}
	for i, m := range s.Manifests {
		if i > 0 {
			bw.printf("\n")
		}
		// Names and paths of unanalysed inputs are not validated ids: keep them inert.
		bw.printf("%s (%s)\n", audit.Printable(m.Name), audit.Printable(m.File))
		switch {
		case len(m.Problems) > 0:
			bw.printf("  not analysed: %d input %s (listed on standard error)\n", len(m.Problems), plural(len(m.Problems), "problem", "problems"))
			continue
		case m.Error != "":
			bw.printf("  not analysed: the evaluation did not finish: %s\n", m.Error)
			continue
		case m.SiteLoss == nil:
			bw.printf("  no site-loss analysis: the policy bundle has none\n")
			continue
		case len(m.SiteLoss.Failures) == 0:
			bw.printf("  no datacenters declared: nothing to take down\n")
			continue
		}
		f0 := m.SiteLoss.Failures[0]
		total := f0.Lost + f0.Surviving
		lossy := 0
		for _, f := range m.SiteLoss.Failures {
			if f.Lost > 0 {
				lossy++
			}
		}
		bw.printf("  %d %s; %d %s analysed, %d %s services down\n", total, plural(total, "service", "services"),
			len(m.SiteLoss.Failures), plural(len(m.SiteLoss.Failures), "failure", "failures"), lossy, plural(lossy, "takes", "take"))
		ix := m.SiteLoss.Index()
		// A failure that loses exactly the datacenters of one listed before it (a site alone on
		// its substation) has the same outcome: say so instead of repeating the table.
		seen := map[string]audit.FailureDomain{}
		for _, f := range m.SiteLoss.Failures {
			key := strings.Join(f.Domain.Datacenters, "\x00")
			first, repeated := seen[key]
			if !repeated {
				seen[key] = f.Domain
			}
			mark := ok
			if f.Lost > 0 {
				mark = down
			}
			switch {
			case repeated && len(f.Domain.Datacenters) > 0:
				bw.printf("  %s  %s: same as %s\n", mark, describeDomain(f.Domain), describeDomain(first))
				continue
			case f.Lost > 0:
				bw.printf("  %s  %s: %d of %d services unavailable\n", down, describeDomain(f.Domain), f.Lost, total)
				listed := f.Lost
				if listed > simulateListed {
					listed = len(f.Broken)
				}
				lost := ix.Explain(f, listed)
				tw := tabwriter.NewWriter(bw, 0, 0, 2, ' ', 0)
				fmt.Fprintf(tw, "        SERVICE\tREASON\tCHAIN\n")
				for _, u := range lost {
					fmt.Fprintf(tw, "        %s\t%s\t%s\n", u.Service, u.Reason, strings.Join(u.Chain, " → "))
				}
				_ = tw.Flush()
				if more := f.Lost - len(lost); more > 0 {
					bw.printf("        and %d more %s lost through dependencies on these\n", more, plural(more, "service", "services"))
				}
				switch survivors := m.survivors(lost, total); {
				case f.Surviving == 0:
					bw.printf("        surviving: none\n")
				case survivors != nil:
					bw.printf("        surviving: %s\n", strings.Join(survivors, ", "))
				default:
					bw.printf("        surviving: %d %s\n", f.Surviving, plural(f.Surviving, "service", "services"))
				}
			case len(f.Domain.Datacenters) == 0 && f.Domain.Kind == "power-feed":
				bw.printf("  %s  %s: no datacenter lost (every site on it has another feed)\n", ok, describeDomain(f.Domain))
			case len(f.Domain.Datacenters) == 0:
				bw.printf("  %s  %s: none of this manifest's datacenters is lost\n", ok, describeDomain(f.Domain))
			default:
				bw.printf("  %s  %s: all %d services survive\n", ok, describeDomain(f.Domain), total)
			}
			for _, n := range f.Notes {
				bw.printf("        note: %s %s\n", n.Service, n.Note)
			}
		}
		for _, c := range m.SiteLoss.Cycles {
			bw.printf("  dependency cycle: %s → %s\n", strings.Join(c, " → "), c[0])
		}
	}
	bw.printf("\n")
	if n := s.Summary.Unfinished; n > 0 {
		bw.printf("simulate: the evaluation of %d %s did not finish\n", n, plural(n, "manifest", "manifests"))
	}
	switch {
	case s.Summary.FailuresWithLoss > 0:
		bw.printf("simulate: %d of %d %s %s services down\n", s.Summary.FailuresWithLoss, s.Summary.Failures,
			plural(s.Summary.Failures, "failure", "failures"), plural(s.Summary.FailuresWithLoss, "takes", "take"))
	case s.Summary.Failures > 0:
		bw.printf("simulate: every service survives every one of %d %s\n", s.Summary.Failures, plural(s.Summary.Failures, "failure", "failures"))
	case s.Summary.Unfinished == 0:
		bw.printf("simulate: no failure analysed\n")
	}
	return bw.err
}

// pictured are the manifests with a site-loss analysis to draw.
func (s simulation) pictured() []reports.GraphManifest {
	var out []reports.GraphManifest
	for _, m := range s.Manifests {
		if m.SiteLoss != nil {
			out = append(out, reports.GraphManifest{Name: m.Name, SiteLoss: m.SiteLoss})
		}
	}
	return out
}

// survivors names the services not in lost, when lost is the whole loss of a manifest of
// total services as declared; otherwise nil.
func (m simulatedManifest) survivors(lost []audit.LostService, total int) []string {
	if len(m.services) != total || total > simulateListed {
		return nil
	}
	down := map[string]bool{}
	for _, u := range lost {
		down[u.Service] = true
	}
	var out []string
	for _, id := range m.services {
		if !down[id] {
			out = append(out, id)
		}
	}
	if len(out)+len(lost) != total {
		return nil
	}
	return out
}

// simulateListed is the largest loss simulate lists service by service.
const simulateListed = 50

// errWriter keeps the first write error so the text renderer can print without checking
// every line and still report a broken pipe.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

func (e *errWriter) printf(format string, args ...any) { fmt.Fprintf(e, format, args...) }
