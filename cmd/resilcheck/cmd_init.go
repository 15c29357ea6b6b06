package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/resilcheck/resilcheck/schemas"
)

// manifestCategories are the provider categories of the manifest schema, in its order; a
// test holds them to the schema's enum.
var manifestCategories = []string{"value-added", "datacenter-operator", "cloud", "facilities-based"}

func initCommand(stdio appIO) *cli.Command {
	return &cli.Command{
		Name:      "init",
		Usage:     "write a commented starter manifest, with the JSON Schema beside it for editors",
		ArgsUsage: "[FILE] (default manifest.yaml)",
		Description: "Writes FILE, a starter manifest that validates and checks cleanly, whose first line\n" +
			"(# yaml-language-server: $schema=...) points editors with yaml-language-server (VS Code's\n" +
			"YAML extension, Neovim, Helix...) at the manifest schema, written beside it, for\n" +
			"completion, hover help and errors as you type. With --config, also " + configFileName + "\n" +
			"in the working directory, every setting of check listed and commented out. A file\n" +
			"that exists is never overwritten (an identical schema file is kept as it is).",
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "category", Aliases: []string{"c"}, Usage: "provider `CATEGORY` (repeatable): " + strings.Join(manifestCategories, ", ") + " (default: value-added)"},
			&cli.BoolFlag{Name: "config", Usage: "also write " + configFileName + " with check's settings, commented out"},
		},
		CustomHelpTemplate: withExamples(
			"resilcheck init",
			"resilcheck init --category datacenter-operator --category cloud --config manifests/acme.yaml",
		),
		Action: func(c *cli.Context) error {
			return runInit(c, stdio)
		},
	}
}

func runInit(c *cli.Context, stdio appIO) error {
	if err := argsOnly(c); err != nil {
		return err
	}
	if c.NArg() > 1 {
		return withCode(ExitInputError, fmt.Errorf("init: expected at most one FILE, got %d", c.NArg()))
	}
	file := "manifest.yaml"
	if c.NArg() == 1 {
		file = c.Args().First()
	}
	categories := c.StringSlice("category")
	if len(categories) == 0 {
		categories = []string{"value-added"}
	}
	for _, cat := range categories {
		if err := oneOf("category", cat, manifestCategories...); err != nil {
			return err
		}
	}
	slices.SortFunc(categories, func(a, b string) int {
		return slices.Index(manifestCategories, a) - slices.Index(manifestCategories, b)
	})
	categories = slices.Compact(categories)

	schemaFile, schema, err := manifestSchema()
	if err != nil {
		return withCode(ExitBundleBroken, err)
	}
	type out struct {
		path string
		data []byte
	}
	outs := []out{
		{file, []byte(starterManifest(categories, schemaFile, clock().In(kst)))},
		{filepath.Join(filepath.Dir(file), schemaFile), schema},
	}
	if c.Bool("config") {
		cfg, err := starterConfig(c)
		if err != nil {
			return err
		}
		outs = append(outs, out{configFileName, cfg})
	}
	// Every refusal comes before the first write, so a refused init leaves nothing behind.
	var todo []out
	for i, o := range outs {
		old, err := os.ReadFile(o.path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			todo = append(todo, o)
		case err != nil:
			return withCode(ExitInputError, fmt.Errorf("init: %w", err))
		case i == 1 && bytes.Equal(old, o.data):
			// The schema of this version, written by an earlier init: nothing to do.
		default:
			return withCode(ExitInputError, fmt.Errorf("init: %s exists: init never overwrites a file (move it away, or give another FILE)", o.path))
		}
	}
	if dir := filepath.Dir(file); dir != "." {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return withCode(ExitInputError, fmt.Errorf("init: %w", err))
		}
	}
	for _, o := range todo {
		if err := writeNew(o.path, o.data, 0o644); err != nil {
			return withCode(ExitInputError, fmt.Errorf("init: %w", err))
		}
		if !flagAnywhere(c, "quiet") {
			fmt.Fprintf(stdio.Stdout, "wrote %s\n", o.path)
		}
	}
	if !flagAnywhere(c, "quiet") {
		fmt.Fprintf(stdio.Stdout, "next: edit %s, then resilcheck check %s\n", file, file)
	}
	return nil
}

// manifestSchema is the newest embedded manifest schema and its file name.
func manifestSchema() (string, []byte, error) {
	s, err := schemas.Find("manifest")
	if err != nil {
		return "", nil, fmt.Errorf("manifest schema not embedded: %v", err)
	}
	b, err := schemas.FS.ReadFile(s.File)
	if err != nil {
		return "", nil, fmt.Errorf("manifest schema not embedded: %v", err)
	}
	return s.File, b, nil
}

// starterManifest is the manifest init writes: the fields every provider declares, with
// placeholder values small enough that no duty binds until real numbers replace them, and
// comments on what each category adds.
func starterManifest(categories []string, schemaFile string, now time.Time) string {
	has := func(c string) bool { return slices.Contains(categories, c) }
	prev := now.Year() - 1
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	w("# yaml-language-server: $schema=%s", schemaFile)
	w("# A starter resilcheck manifest: replace the example values with your own. Every field is")
	w("# described in %s (also printed by `resilcheck schema`); an editor with", schemaFile)
	w("# yaml-language-server completes and checks this file as you type.")
	w("#   resilcheck validate FILE   # the schema and the cross-references only")
	w("#   resilcheck check FILE      # judge every control")
	w("apiVersion: resilcheck/v1")
	w("kind: ProviderManifest")
	w("metadata:")
	w("  name: example-provider            # a short name for this manifest")
	w("  asOf: %s                  # the date the facts below describe", now.Format("2006-01-02"))
	w("provider:")
	w("  name: Example Provider Inc.")
	w("  categories: [%s]", strings.Join(categories, ", "))
	w("  origin: domestic                  # foreign: no address or place of business in Korea")
	w("  metrics:")
	w("    # Which duties bind the provider is computed from these numbers, daily averages over")
	w("    # October to December of the previous year; a number not declared binds nothing.")
	w("    window: {from: %d-10-01, to: %d-12-31}", prev, prev)
	w("    dailyAverageUsers: 0")
	w("    trafficSharePercent: 0")
	w("    revenueKRW: 0")
	if has("facilities-based") {
		w("    subscribers: 0                  # at the end of the previous year")
		w("    lines: 0")
	}
	if has("datacenter-operator") {
		w("    # The largest datacenter the provider operates: floor area and incoming power")
		w("    # decide the datacenter protection and major-datacenter duties.")
		w("    # datacenterFloorAreaM2: 0")
		w("    # datacenterIncomingPowerMW: 0")
	}
	w("datacenters:")
	w("  # Every datacenter a service runs in, owned, rented (colocation) or leased whole.")
	for _, dc := range []string{"a", "b"} {
		w("  - id: dc-%s", dc)
		w("    name: Datacenter %s", strings.ToUpper(dc))
		if has("datacenter-operator") {
			w("    operator: Example Provider Inc.")
			w("    ownership: own                 # own, colocation or leased-exclusive")
			w("    operatedFor: [others]          # a colocation business; [own] for your own services")
			w("    operatingSince: %d-01-01", prev)
			w("    # A colocation business is insured against liability from its first day (Network Act 46(2)).")
			w("    liabilityInsurance: {insured: true, since: %d-01-01}", prev)
		} else {
			w("    operator: Example Colo Co.")
			w("    ownership: colocation          # own, colocation or leased-exclusive")
		}
		w("    powerFeeds: [substation-%s]", dc)
	}
	w("services:")
	w("  # Every service, shared internal ones (login, failover tooling) included, so that what")
	w("  # depends on what can be traced when a datacenter, building or power feed is lost.")
	w("  - id: web")
	w("    name: Web service")
	if has("cloud") {
		w("    cloud: true                     # a cloud computing service (Cloud Computing Act notices)")
	}
	w("    deployments:")
	w("      - {datacenter: dc-a, mode: active}")
	w("      - {datacenter: dc-b, mode: active}")
	w("# incidents: outages and disasters, with their timeline, reports and notices")
	w("# (see the schema's incident definition); none declared yet.")
	return b.String()
}

// starterConfig is the settings file init --config writes: every setting of check with its
// help, commented out, so uncommenting a line is all it takes to use one.
func starterConfig(c *cli.Context) ([]byte, error) {
	check := c.App.Command("check")
	if check == nil {
		return nil, errors.New("init: no check command")
	}
	var b strings.Builder
	b.WriteString("# Settings for `resilcheck check` in this directory. A flag on the command line wins over\n")
	b.WriteString("# RESILCHECK_* environment variables, which win over this file; paths are relative to the\n")
	b.WriteString("# working directory. `resilcheck check --show-config` shows what is in effect.\n")
	for _, f := range settingFlags(check.Flags) {
		name := f.Names()[0]
		usage := ""
		if d, ok := f.(cli.DocGenerationFlag); ok {
			usage = d.GetUsage()
		}
		b.WriteString("\n# " + strings.ReplaceAll(usage, "`", "") + "\n")
		value := "\"\""
		switch f := f.(type) {
		case *cli.StringSliceFlag:
			fmt.Fprintf(&b, "# %s: []\n", name)
			continue
		case *cli.BoolFlag:
			value = "false"
		case *cli.DurationFlag:
			value = f.Value.String()
		case *cli.StringFlag:
			if f.Value != "" {
				value = f.Value
			}
		}
		fmt.Fprintf(&b, "# %s: %s\n", name, value)
	}
	return []byte(b.String()), nil
}
