package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"github.com/resilcheck/resilcheck/internal/audit"
	"github.com/resilcheck/resilcheck/internal/auditdiff"
	"github.com/resilcheck/resilcheck/internal/check"
	"github.com/resilcheck/resilcheck/internal/engine"
	"github.com/resilcheck/resilcheck/internal/manifest"
	"github.com/resilcheck/resilcheck/internal/validate"
	"github.com/resilcheck/resilcheck/reports"
)

// clock is the only source of "today"; tests replace it.
var clock = time.Now

// kst is Korea's time zone: UTC+09:00 without daylight saving since 1988, so a fixed zone
// is exact and needs no tzdata on the host.
var kst = time.FixedZone("KST", 9*60*60)

// today is the Korean calendar date, the default audit date.
func today() string { return clock().In(kst).Format("2006-01-02") }

// parseAsOf accepts a YYYY-MM-DD date, defaulting to today in Korea.
func parseAsOf(s string) (string, error) {
	if s == "" {
		return today(), nil
	}
	if _, err := time.Parse("2006-01-02", s); err != nil {
		return "", fmt.Errorf("--as-of %q: want a date as YYYY-MM-DD", s)
	}
	return s, nil
}

// defaultFormat is text when that renderer exists, else the always-present json.
func defaultFormat() string {
	if _, err := reports.Lookup("text"); err == nil {
		return "text"
	}
	return "json"
}

// bundleFlags select the policies and parameters; check, rules and explain share them.
func bundleFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringSliceFlag{Name: "policy", Aliases: []string{"p"}, Usage: "add the controls in `DIR` to the built-in ones (repeatable)"},
		&cli.StringSliceFlag{Name: "data", Aliases: []string{"d"}, Usage: "parameter overrides from `FILE` (YAML/JSON {resilcheck: {overrides: {...}}}; repeatable)"},
	}
}

// policyDirs returns the -p directories, refusing one that does not exist or is not a
// directory: that is a mistyped path (exit 2, as for `resilcheck test`), not a broken
// policy bundle (exit 3), which a CI gate reads as "the rules are wrong".
func policyDirs(c *cli.Context) ([]string, error) {
	dirs := c.StringSlice("policy")
	for _, d := range dirs {
		fi, err := os.Stat(d)
		switch {
		case err != nil && errors.Is(err, fs.ErrNotExist):
			return nil, withCode(ExitInputError, fmt.Errorf("--policy %s: no such directory", d))
		case err != nil:
			return nil, withCode(ExitInputError, fmt.Errorf("--policy %s: %w", d, err))
		case !fi.IsDir():
			return nil, withCode(ExitInputError, fmt.Errorf("--policy %s: not a directory", d))
		}
	}
	return dirs, nil
}

// engineError maps an engine construction error to its exit status.
func engineError(err error) error {
	var be *engine.BundleError
	if errors.As(err, &be) {
		return withCode(ExitBundleBroken, err)
	}
	return withCode(ExitInputError, err)
}

// reportTarget is one report to write: a format and a file ("" for stdout).
type reportTarget struct {
	format string
	file   string
}

func parseReportFlags(values []string) ([]reportTarget, error) {
	var out []reportTarget
	for _, v := range values {
		format, file, ok := strings.Cut(v, "=")
		if !ok || format == "" || file == "" {
			return nil, fmt.Errorf("--report %q: want FORMAT=FILE, e.g. sarif=results.sarif", v)
		}
		if _, err := reports.Lookup(format); err != nil {
			return nil, fmt.Errorf("--report %q: %w", v, err)
		}
		out = append(out, reportTarget{format, file})
	}
	return out, nil
}

// distinctTargets refuses two reports aimed at one file: the later would silently replace
// the earlier, and which format survived would depend on the order of the writes.
func distinctTargets(output string, extra []reportTarget) error {
	seen := map[string]string{}
	key := func(file string) string {
		if abs, err := filepath.Abs(file); err == nil {
			return abs
		}
		return filepath.Clean(file)
	}
	if output != "" {
		seen[key(output)] = "-o " + output
	}
	for _, t := range extra {
		k := key(t.file)
		if prev, ok := seen[k]; ok {
			return fmt.Errorf("--report %s=%s: %s already writes that file", t.format, t.file, prev)
		}
		seen[k] = "--report " + t.format + "=" + t.file
	}
	return nil
}

// maxFileSizeFlag is the input size limit; check and validate share it so the same
// value works for both.
// timeoutFlag is --timeout for every command that evaluates documents: the engine scales it
// with each document's size the same way for all of them.
func timeoutFlag() cli.Flag {
	return &cli.DurationFlag{Name: "timeout", Value: engine.DefaultTimeout,
		Usage: "wall-time limit for judging one document, for each started 1,000 services, datacenters and incidents in it"}
}

func maxFileSizeFlag() cli.Flag {
	return &cli.StringFlag{Name: "max-file-size", Value: "16MiB", Usage: "refuse input files larger than `SIZE` (bytes, or with KiB, MiB, GiB, KB, MB, GB)"}
}

// notAnInput refuses to write a report over a file the run read (a manifest, a --data or
// --waivers file): the atomic rename would replace the input with the report (a mistyped
// -o manifest.yaml, or -o reports/out.json inside an input directory on the second run).
func notAnInput(output string, extra []reportTarget, inputs []audit.Input, others []string) error {
	for _, o := range others {
		if o != "" {
			inputs = append(inputs, audit.Input{Path: filepath.ToSlash(o)})
		}
	}
	files := []string{output}
	for _, t := range extra {
		files = append(files, t.file)
	}
	for _, f := range files {
		fi, err := os.Stat(f)
		if f == "" || err != nil || !fi.Mode().IsRegular() {
			continue
		}
		for _, in := range inputs {
			if ii, err := os.Stat(filepath.FromSlash(in.Path)); err == nil && os.SameFile(fi, ii) {
				return fmt.Errorf("%s is an input of this run (%s): refusing to overwrite it with a report", f, in.Path)
			}
		}
	}
	return nil
}

// parseSize reads a byte count with an optional KiB/MiB/GiB (or KB/MB/GB) suffix.
func parseSize(s string) (int64, error) {
	orig := s
	s = strings.TrimSpace(s)
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		n      int64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"KB", 1000}, {"MB", 1000 * 1000}, {"GB", 1000 * 1000 * 1000}, {"B", 1}} {
		if strings.HasSuffix(s, u.suffix) {
			s, mult = strings.TrimSpace(strings.TrimSuffix(s, u.suffix)), u.n
			break
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 || n > math.MaxInt64/mult {
		return 0, fmt.Errorf("--max-file-size %q: must be positive, such as 16MiB or 1048576", orig)
	}
	return n * mult, nil
}

func checkCommand(stdio appIO) *cli.Command {
	flags := []cli.Flag{
		&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: defaultFormat(), Usage: "report format: " + strings.Join(reports.Formats(), ", ")},
		&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the report to `FILE` (atomically) instead of standard output"},
		&cli.StringSliceFlag{Name: "report", Usage: "also write a report as `FORMAT=FILE` (repeatable), from the same evaluation"},
		&cli.StringFlag{Name: "as-of", Usage: "audit `DATE` (YYYY-MM-DD); default today in Korea"},
		&cli.StringFlag{Name: "fail-on", Usage: "lowest `SEVERITY` that fails the run: critical, high, medium, low, info, or none (default: any failed control)"},
		langFlag("language of human-readable reports: en or ko"),
		timeoutFlag(),
		&cli.StringFlag{Name: "waivers", Usage: "accept the failures listed in `FILE` (schemas/waivers.v1.schema.json) until they expire"},
		&cli.StringFlag{Name: "baseline", Usage: "fail the gate only on findings not in `REPORT`, an earlier JSON report (its findings stay in the reports, marked)"},
		maxFileSizeFlag(),
		evaluatorFlag(),
	}
	flags = append(flags, bundleFlags()...)
	flags = append(flags, attestFlags()...)
	flags = append(flags, configFlags()...)
	return &cli.Command{
		Name:      "check",
		Usage:     "judge manifests against the controls and write reports",
		ArgsUsage: "PATH... (files, directories, or - for standard input)",
		Description: "Every flag can also be set in the environment, as RESILCHECK_ and its name in\n" +
			"capitals (RESILCHECK_FAIL_ON=high; lists comma-separated), or in a settings file:\n" +
			configFileName + " in the working directory, or the file given with --config\n" +
			"(fail-on: high; lists as YAML lists; paths relative to the working directory).\n" +
			"A flag on the command line wins over the environment, which wins over the file.\n" +
			"The report's recorded command names every setting taken from either; --no-config\n" +
			"reads neither, to replay it.",
		Flags: flags,
		CustomHelpTemplate: withExamples(
			"resilcheck check --fail-on high -f sarif -o audit.sarif --report junit=audit.xml manifests/",
			"resilcheck check --as-of 2026-11-22 --lang ko --waivers waivers.yaml --baseline last.json manifests/",
			"resilcheck check --show-config",
		),
		Action: func(c *cli.Context) error {
			return runCheck(c, stdio)
		},
	}
}

func runCheck(c *cli.Context, stdio appIO) error {
	if err := argsOnly(c); err != nil {
		return err
	}
	settings, err := applySettings(c, stdio)
	if err != nil {
		return err
	}
	if c.Bool("show-config") {
		return showSettings(stdio.Stdout, settings)
	}
	prepareHeap(c.Args().Slice(), stdio.Getenv)
	defer tuneGC(stdio)()
	// The first document's validation waited for the schema to compile, after reading it,
	// while a core sat idle: compile it now, beside loading the engine.
	go func() { _ = validate.Ready() }()
	if c.NArg() == 0 {
		return withCode(ExitInputError, errors.New("check: no input: give one or more files or directories, or - for standard input"))
	}
	format := c.String("format")
	if _, err := reports.Lookup(format); err != nil {
		return withCode(ExitInputError, fmt.Errorf("--format: %w", err))
	}
	extra, err := parseReportFlags(c.StringSlice("report"))
	if err != nil {
		return withCode(ExitInputError, err)
	}
	if err := distinctTargets(c.String("output"), extra); err != nil {
		return withCode(ExitInputError, err)
	}
	asOf, err := parseAsOf(c.String("as-of"))
	if err != nil {
		return withCode(ExitInputError, err)
	}
	failOn := strings.ToLower(c.String("fail-on"))
	if failOn != "" && failOn != "none" && !audit.Severity(failOn).Valid() {
		return withCode(ExitInputError, fmt.Errorf("--fail-on %q: want critical, high, medium, low, info or none", failOn))
	}
	lang, err := checkLang(c)
	if err != nil {
		return err
	}
	if c.Duration("timeout") <= 0 {
		return withCode(ExitInputError, errors.New("--timeout must be positive"))
	}
	maxSize, err := parseSize(c.String("max-file-size"))
	if err != nil {
		return withCode(ExitInputError, err)
	}
	policies, err := policyDirs(c)
	if err != nil {
		return err
	}
	evaluator, err := parseEvaluator(c)
	if err != nil {
		return withCode(ExitInputError, err)
	}
	att, err := newAttester(c, c.String("output"), extra)
	if err != nil {
		return err
	}

	opts := check.Options{
		Evaluator:   evaluator,
		Paths:       c.Args().Slice(),
		PolicyDirs:  policies,
		DataFiles:   c.StringSlice("data"),
		AsOf:        asOf,
		Timeout:     c.Duration("timeout"),
		MaxFileSize: maxSize,
		Stdin:       stdio.Stdin,
		Tool:        toolInfo(),
		Command:     checkCommandLine(settings),
		Waivers:     c.String("waivers"),
	}
	if settings.file != "" {
		opts.Settings = &audit.SettingsUse{File: filepath.ToSlash(settings.file), SHA256: settings.digest}
	}
	if f := c.String("baseline"); f != "" {
		b, err := loadBaseline(f)
		if err != nil {
			return withCode(ExitInputError, err)
		}
		opts.Baseline = b
	}
	var progress *progressLine
	if !flagAnywhere(c, "quiet") {
		opts.Warn = func(msg string) { fmt.Fprintln(stdio.Stderr, "warning:", msg) }
		if isTerminal(stdio.Stderr) {
			progress = newProgressLine(stdio.Stderr, time.Now)
			opts.Progress = progress.update
		}
	}
	ctx := commandContext(c)
	// Every report renders as the manifests are judged, into a spool of its own; its
	// destination is written only once the run is over.
	ropts := reports.Options{Lang: lang}
	type target struct {
		name   string // the file, or "" for standard output
		stream reports.Stream
	}
	var targets []target
	addTarget := func(format, file string, o reports.Options) {
		s, _ := reports.NewStream(format, o) // every format was looked up above
		targets = append(targets, target{file, s})
	}
	stdoutOpts := ropts
	if c.String("output") == "" {
		stdoutOpts.Color = !noColor(c, stdio) && isTerminal(stdio.Stdout)
		stdoutOpts.Width = terminalWidth(stdio.Stdout)
	}
	addTarget(format, c.String("output"), stdoutOpts)
	for _, t := range extra {
		addTarget(t.format, t.file, ropts)
	}
	defer func() {
		for _, t := range targets {
			t.stream.Close()
		}
	}()
	sinks := make(sinkList, len(targets))
	for i, t := range targets {
		sinks[i] = t.stream
	}
	out, err := check.Stream(ctx, opts, sinks)
	if progress != nil {
		progress.clear()
	}
	// A cancelled evaluation reports every control it cut short as an error: that is no
	// verdict, so nothing of it may reach a report (and a bundle error met on the way out is
	// the interruption's doing too).
	if ierr := interruption(ctx); ierr != nil {
		return fmt.Errorf("check: %w: no report written", ierr)
	}
	var sinkErr *check.SinkError
	if errors.As(err, &sinkErr) {
		return withCode(ExitInputError, fmt.Errorf("check: %w: no report written", err))
	}
	if err != nil {
		return engineError(err)
	}
	// Asked after the run, which compiled the schema on the way, so this costs nothing: a
	// schema that does not compile is a broken build, not bad input.
	if err := validate.Ready(); err != nil {
		return withCode(ExitBundleBroken, fmt.Errorf("manifest schema: %w", err))
	}
	r := out.Report

	if err := notAnInput(c.String("output"), extra, r.Inputs, append(c.StringSlice("data"), c.String("waivers"), c.String("baseline"), settings.file)); err != nil {
		return withCode(ExitInputError, err)
	}

	code := ExitOK
	switch {
	case len(out.Problems) > 0:
		code = ExitInputError
	case out.Gate.Failed(failOn):
		code = ExitFailed
	}
	r.ExitCode = code

	printProblems(stdio.Stderr, out.Problems)
	if r.Baseline != nil && !flagAnywhere(c, "quiet") {
		fmt.Fprintf(stdio.Stderr, "baseline %s: %d of its %d findings found again; %d failed %s held only those and did not fail the gate\n",
			r.Baseline.File, r.Baseline.Held, r.Baseline.Findings, out.BaselinedResults, plural(out.BaselinedResults, "control", "controls"))
	}
	var outErr error
	var written []string // for the message if a signal stops the writing part-way
	for _, t := range targets {
		if interruption(ctx) != nil {
			break
		}
		var err error
		if t.name == "" {
			// Standard output is written as it is copied, not staged: a reader on a pipe gets
			// the whole report unless the signal came before it started.
			if err = t.stream.Finish(stdio.Stdout); err == nil {
				written = append(written, "standard output")
			}
		} else if err = reports.WriteFileContext(ctx, t.name, att.hashing(t.name, t.stream.Finish)); err == nil {
			written = append(written, t.name)
		}
		if err != nil && outErr == nil {
			outErr = err
		}
		t.stream.Close()
	}
	if ierr := interruption(ctx); ierr != nil {
		switch {
		case len(written) == 0:
			return fmt.Errorf("check: %w: no report written", ierr)
		case len(written) < len(targets):
			return fmt.Errorf("check: %w: only %s written", ierr, strings.Join(written, ", "))
		}
		return fmt.Errorf("check: %w after every report was written", ierr)
	}
	if outErr != nil {
		return withCode(ExitInputError, outErr)
	}
	if err := att.write(ctx, c, r); err != nil {
		if ierr := interruption(ctx); ierr != nil {
			return fmt.Errorf("check: %w after every report was written: no attestation written", ierr)
		}
		return withCode(ExitInputError, fmt.Errorf("check: reports written, no attestation: %w", err))
	}
	if progress != nil {
		progress.done()
	}
	if code != ExitOK {
		return reported(code)
	}
	return nil
}

// sinkList hands a run to every report it writes.
type sinkList []reports.Stream

func (l sinkList) Begin(head *audit.Report) error {
	for _, s := range l {
		if err := s.Begin(head); err != nil {
			return err
		}
	}
	return nil
}

func (l sinkList) Add(m audit.Manifest, results []audit.Result) error {
	for _, s := range l {
		if err := s.Add(m, results); err != nil {
			return err
		}
	}
	return nil
}

// printProblems lists every input problem on standard error, compiler-style, so a person
// (or an editor) finds them even when the report goes to a file.
func printProblems(w io.Writer, problems []audit.Problem) {
	for _, p := range validate.Sort(problems) {
		fmt.Fprintln(w, validate.Format(p))
	}
}

// commandLine is the invocation recorded in the report, with the program name normalised
// and absolute report and baseline paths made relative to the working directory, so the report does not
// depend on where the binary was installed or in which directory the audit was written.
func commandLine() []string {
	return checkCommandLine(nil)
}

// checkCommandLine is commandLine with the settings check took from the environment or
// its settings file written in as flags (see withSettings).
func checkCommandLine(s *settings) []string {
	if len(os.Args) == 0 {
		return nil
	}
	wd, _ := os.Getwd()
	return recordedCommand(withSettings(os.Args[1:], s), wd)
}

// relativeTo writes an absolute path relative to the working directory wd (or as its base
// name when it cannot be), so what a report records does not depend on the machine.
func relativeTo(wd, p string) string {
	if !filepath.IsAbs(p) || wd == "" {
		return p
	}
	if r, err := filepath.Rel(wd, p); err == nil {
		return filepath.ToSlash(r)
	}
	return filepath.Base(p)
}

// recordedCommand is commandLine on given arguments and working directory.
func recordedCommand(args []string, wd string) []string {
	rel := func(p string) string { return relativeTo(wd, p) }
	relReport := func(v string) string { // FORMAT=FILE
		if format, file, ok := strings.Cut(v, "="); ok {
			return format + "=" + rel(file)
		}
		return v
	}
	out := []string{"resilcheck"}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return append(out, args[i:]...)
		}
		name, value, inline := strings.Cut(a, "=")
		var fix func(string) string
		switch name {
		case "-o", "--output", "-output", "--baseline", "-baseline":
			fix = rel
		case "--report", "-report":
			fix = relReport
		}
		switch {
		case fix == nil:
		case inline:
			a = name + "=" + fix(value)
		case i+1 < len(args):
			out = append(out, a)
			i++
			a = fix(args[i])
		}
		out = append(out, a)
	}
	return out
}

// terminalWidth is the width of the terminal w writes to, or 0 (the text report's default
// width) when w is not a terminal or its size is unknown.
func terminalWidth(w io.Writer) int {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return 0
	}
	width, _, err := term.GetSize(int(f.Fd()))
	if err != nil || width < 40 {
		return 0
	}
	return width
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// argsOnly refuses a flag written after the positional arguments. urfave/cli stops parsing
// flags at the first argument, so `check dir --format json` would otherwise treat
// "--format" as a path and the user would get a confusing "file not found".
//
// After "--" every argument is a path, even "-odd-name.yaml", as usual for command-line
// tools. The flag parser consumes the "--" itself, so the arguments it protects are
// found as the tail of the parent context's arguments.
func argsOnly(c *cli.Context) error {
	args := c.Args().Slice()
	protected := 0
	if lineage := c.Lineage(); len(lineage) > 1 {
		parent := lineage[1].Args().Slice()
		if i := slices.Index(parent, "--"); i >= 0 {
			protected = min(len(parent)-i-1, len(args))
		}
	}
	for _, a := range args[:len(args)-protected] {
		if len(a) > 1 && a[0] == '-' {
			return withCode(ExitInputError, fmt.Errorf("%s: flag %s must come before the arguments (resilcheck %s [flags] ARGS...)", c.Command.Name, a, c.Command.Name))
		}
	}
	return nil
}

// evaluatorFlag chooses what evaluates the policies. The verdicts are the same whichever
// runs (the engine's differential tests hold irvm to topdown on every bundled manifest);
// forcing one is for reproducing a result with OPA's own evaluator, and for measuring.
func evaluatorFlag() cli.Flag {
	return &cli.StringFlag{Name: "evaluator", Value: string(engine.EvaluatorAuto), Usage: "what evaluates the policies: " +
		"auto (irvm; with -p policies OPA's topdown for a run of a few files and irvm from " + strconv.Itoa(engine.VMBatchMin) + " on), " +
		"topdown (OPA's own evaluator, as opa eval runs it) or irvm (the bundle planned to OPA's IR, faster per manifest)"}
}

func parseEvaluator(c *cli.Context) (engine.Evaluator, error) {
	v := engine.Evaluator(strings.ToLower(c.String("evaluator")))
	if slices.Contains(engine.Evaluators(), v) {
		return v, nil
	}
	var names []string
	for _, e := range engine.Evaluators() {
		names = append(names, string(e))
	}
	return "", fmt.Errorf("--evaluator %q: want %s", c.String("evaluator"), strings.Join(names, ", "))
}

// loadBaseline reads an earlier JSON report for --baseline, checked against the report schema
// as diff reads it; a file that is not a report is an input error naming its position.
func loadBaseline(file string) (*check.Baseline, error) {
	r, sha, err := auditdiff.LoadDigest(file, manifest.Options{MaxFileSize: baselineMaxSize})
	if err != nil {
		return nil, fmt.Errorf("--baseline: %w", err)
	}
	wd, _ := os.Getwd()
	return check.NewBaseline(r, filepath.ToSlash(relativeTo(wd, file)), sha), nil
}

// baselineMaxSize bounds a baseline report as diff bounds the reports it reads: a report
// is much larger than the manifests it judged.
const baselineMaxSize = 64 << 20
