package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/resilcheck/resilcheck/internal/audit"
	"github.com/resilcheck/resilcheck/internal/check"
	"github.com/resilcheck/resilcheck/internal/deadlines"
	"github.com/resilcheck/resilcheck/internal/engine"
	"github.com/resilcheck/resilcheck/internal/manifest"
	"github.com/resilcheck/resilcheck/internal/validate"
)

func deadlinesCommand(stdio appIO) *cli.Command {
	return &cli.Command{
		Name:      "deadlines",
		Usage:     "list what the incidents in progress owe and by when: notices and reports, due, overdue or done",
		ArgsUsage: "MANIFEST... (files, directories, or - for standard input)",
		Description: "For each open incident (one without restoredAt), every duty it triggers: the user\n" +
			"notice, the first report to the ministry and its progress and final reports, the\n" +
			"datacenter report, the cloud notice and the damages notice; for an incident restored\n" +
			"already, the duties after restoration that are still due. Each has its due instant in\n" +
			"Korean time, its status (done with the recorded instant, due, overdue, or pending with\n" +
			"the instant it arises if the outage goes on), the label of the numbers it rests on\n" +
			"(law, reported, audit-default) and the article in force when the incident started.\n" +
			"The instants come from the same rules `check` judges with, evaluated at --now (default:\n" +
			"the current instant, recorded in the output). -f json is described by\n" +
			"`resilcheck schema outage-deadlines`.\n" +
			"Exits 1 when a duty is overdue, 0 otherwise, 2 on bad input.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "now", Usage: "judge at `INSTANT` (RFC 3339, e.g. 2022-10-15T17:00:00+09:00); default: the current instant"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "text or json"},
			langFlag("language of text output: en or ko"),
			&cli.StringSliceFlag{Name: "data", Aliases: []string{"d"}, Usage: "parameter overrides from `FILE` (YAML/JSON {resilcheck: {overrides: {...}}}; repeatable)"},
			timeoutFlag(),
			maxFileSizeFlag(),
		},
		CustomHelpTemplate: withExamples(
			"resilcheck deadlines manifest.yaml",
			"resilcheck deadlines --now 2022-10-15T17:00:00+09:00 --lang ko testdata/manifests/kakao-2022-10-15.yaml",
			"resilcheck deadlines -f json --now 2022-10-15T17:00:00+09:00 testdata/manifests/kakao-2022-10-15.yaml",
		),
		Action: func(c *cli.Context) error {
			return runDeadlines(c, stdio)
		},
	}
}

func runDeadlines(c *cli.Context, stdio appIO) error {
	if err := argsOnly(c); err != nil {
		return err
	}
	if c.NArg() == 0 {
		return withCode(ExitInputError, errors.New("deadlines: no input: give a manifest, a directory, or - for standard input"))
	}
	format := c.String("format")
	if err := oneOf("format", format, deadlines.Formats...); err != nil {
		return err
	}
	lang, err := checkLang(c)
	if err != nil {
		return err
	}
	now, err := parseNow(c.String("now"))
	if err != nil {
		return withCode(ExitInputError, err)
	}
	if c.Duration("timeout") <= 0 {
		return withCode(ExitInputError, errors.New("--timeout must be positive"))
	}
	maxSize, err := parseSize(c.String("max-file-size"))
	if err != nil {
		return withCode(ExitInputError, err)
	}
	if err := validate.Ready(); err != nil {
		return withCode(ExitBundleBroken, fmt.Errorf("manifest schema: %w", err))
	}

	// The same loading and validation as check: a manifest with problems is not judged, and
	// every problem is printed as file:line:column.
	sources := manifest.Load(c.Args().Slice(), manifest.Options{Stdin: stdio.Stdin, MaxFileSize: maxSize})
	var problems []audit.Problem
	var docs []*manifest.Document
	for _, src := range sources {
		problems = append(problems, src.Problems...)
		docs = append(docs, src.Documents...)
	}
	dupes := validate.UniqueNames(docs)
	for _, d := range docs {
		problems = append(problems, validate.Document(d)...)
		problems = append(problems, dupes[d]...)
	}
	if len(problems) > 0 {
		printProblems(stdio.Stderr, problems)
		return reported(ExitInputError)
	}
	if len(docs) == 0 {
		return withCode(ExitInputError, errors.New("deadlines: no manifest found in the inputs"))
	}

	// Topdown over the compiled bundle: the prebuilt plan holds the controls' query only.
	eng, err := check.Engine(commandContext(c), check.Options{
		DataFiles:   c.StringSlice("data"),
		AsOf:        now.Format("2006-01-02"),
		Timeout:     c.Duration("timeout"),
		MaxFileSize: maxSize,
		Evaluator:   engine.EvaluatorTopdown,
	})
	if err != nil {
		return engineError(err)
	}
	r := &deadlines.Report{Tool: toolInfo(), Bundle: eng.Digest(), Manifests: []deadlines.Manifest{}}
	for _, d := range docs {
		m := deadlines.Manifest{Name: manifestName(d), File: d.File}
		b, err := eng.Deadlines(commandContext(c), engine.Document{Name: m.Name, Value: d.Value, Pos: d.Pos}, now)
		if ierr := interruption(commandContext(c)); ierr != nil {
			return fmt.Errorf("deadlines: %w: nothing written", ierr)
		}
		if err != nil {
			return withCode(ExitFailed, fmt.Errorf("deadlines: %s (%s): %w", m.Name, d.File, err))
		}
		if r.Now, r.AsOf, err = deadlines.Decode(b, eng.ControlOfPackage, d.Pos, &m); err != nil {
			return withCode(ExitBundleBroken, err)
		}
		r.Manifests = append(r.Manifests, m)
	}
	r.Count()
	if err := deadlines.Render(stdio.Stdout, r, format, lang); err != nil {
		return withCode(ExitInputError, fmt.Errorf("write output: %w", err))
	}
	if r.Overdue() {
		return reported(ExitFailed)
	}
	return nil
}

// parseNow reads --now, an RFC 3339 instant; without it, the current instant, the only
// place the command reads a clock.
func parseNow(s string) (time.Time, error) {
	if s == "" {
		return clock().In(kst).Truncate(time.Second), nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("--now %q: want an RFC 3339 instant such as 2022-10-15T17:00:00+09:00", s)
	}
	return t.In(kst), nil
}

// manifestName is the document's metadata.name, or its file and index without one.
func manifestName(d *manifest.Document) string {
	root, _ := d.Value.(map[string]any)
	meta, _ := root["metadata"].(map[string]any)
	if name, ok := meta["name"].(string); ok && name != "" {
		return name
	}
	return fmt.Sprintf("%s#%d", d.File, d.Index)
}
