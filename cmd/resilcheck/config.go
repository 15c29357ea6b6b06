package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"
	"go.yaml.in/yaml/v3"

	"github.com/resilcheck/resilcheck/internal/engine"
)

// configFileName is the settings file check reads from the working directory.
const configFileName = ".resilcheck.yaml"

// configMaxSize bounds a settings file: a few lines in practice, and it is read before any
// --max-file-size could apply.
const configMaxSize = 1 << 20

// envPrefix starts the environment variable of every check flag: --fail-on is
// RESILCHECK_FAIL_ON.
const envPrefix = "RESILCHECK_"

// envName is the environment variable that sets the flag name.
func envName(flag string) string {
	return envPrefix + strings.ToUpper(strings.ReplaceAll(flag, "-", "_"))
}

// notSettings are check flags that choose how settings are read or ask for help: they are
// not settings themselves, so the file cannot hold them.
var notSettings = []string{"help", "config", "no-config", "show-config"}

// configFlags are the flags that find and show the settings.
func configFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "config", Usage: "read settings from `FILE` (default: " + configFileName + " in the working directory, when there is one)"},
		&cli.BoolFlag{Name: "no-config", Usage: "read no settings file and no RESILCHECK_* variable: flags and defaults only, as when replaying a report's recorded command"},
		&cli.BoolFlag{Name: "show-config", Usage: "print each setting, its value and where it came from (flag, environment, file, default), and judge nothing"},
	}
}

// setting is one flag's effective value and where it came from.
type setting struct {
	name   string
	bool   bool
	values []string // as given, for env and file; the effective value otherwise
	source string   // "flag", "env RESILCHECK_X", "FILE:LINE:COL" or "default"
	// inherited is true when the value came from the environment or the file rather than
	// the command line: the recorded command names it so the report can be reproduced.
	inherited bool
}

// settings are a run's effective flags and the file they were partly read from.
type settings struct {
	file    string // "" when no file was read
	digest  string // sha256:… of the file
	ignored bool   // --no-config: neither a file nor the environment was read
	list    []setting
}

// configEntry is one key of a settings file.
type configEntry struct {
	values    []string
	line, col int // of the value
}

// applySettings completes the check flags that were not given on the command line from
// the environment (RESILCHECK_*), then from the settings file: a flag wins over the
// environment, which wins over the file, which wins over the default. A bad file, an
// unknown key or a value a flag refuses is a usage error (exit 2) naming where it is.
func applySettings(c *cli.Context, stdio appIO) (*settings, error) {
	getenv := stdio.Getenv
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	s := &settings{}
	if c.Bool("no-config") {
		if c.IsSet("config") {
			return nil, withCode(ExitInputError, errors.New("--config and --no-config: give one or the other"))
		}
		getenv = func(string) string { return "" }
		s.ignored = true
	}
	file, explicit := c.String("config"), c.IsSet("config")
	if !explicit {
		if v := getenv(envName("config")); v != "" {
			file, explicit = v, true
		}
	}
	if !explicit && !s.ignored {
		if fi, err := os.Stat(configFileName); err == nil && fi.Mode().IsRegular() {
			file = configFileName
		}
	}
	var entries map[string]configEntry
	if file != "" {
		b, err := readConfig(file)
		if err != nil {
			return nil, withCode(ExitInputError, err)
		}
		sum := sha256.Sum256(b)
		s.file, s.digest = file, "sha256:"+hex.EncodeToString(sum[:])
		if entries, err = parseConfig(file, b, settingNames(c)); err != nil {
			return nil, withCode(ExitInputError, err)
		}
	}
	for _, f := range settingFlags(c.Command.Flags) {
		name := f.Names()[0]
		st := setting{name: name}
		_, st.bool = f.(*cli.BoolFlag)
		_, slice := f.(*cli.StringSliceFlag)
		env := envName(name)
		switch {
		case givenAnywhere(c, name):
			st.source = "flag"
		case getenv(env) != "":
			v := getenv(env)
			st.values = []string{v}
			if slice {
				st.values = splitList(v)
			}
			st.source, st.inherited = "env "+env, true
			for _, v := range st.values {
				if err := c.Set(name, v); err != nil {
					return nil, withCode(ExitInputError, fmt.Errorf("%s=%q: invalid value for --%s: %v", env, getenv(env), name, err))
				}
			}
		case entries != nil && len(entries[name].values) > 0:
			e := entries[name]
			if len(e.values) > 1 && !slice {
				return nil, withCode(ExitInputError, fmt.Errorf("%s:%d:%d: %s takes one value, not a list", file, e.line, e.col, name))
			}
			st.values = e.values
			st.source, st.inherited = fmt.Sprintf("%s:%d:%d", file, e.line, e.col), true
			for _, v := range e.values {
				if err := c.Set(name, v); err != nil {
					return nil, withCode(ExitInputError, fmt.Errorf("%s:%d:%d: invalid value %q for %s: %v", file, e.line, e.col, v, name, err))
				}
			}
		default:
			st.source = "default"
		}
		if !st.inherited {
			st.values = effective(c, f)
		}
		s.list = append(s.list, st)
	}
	return s, nil
}

// givenAnywhere reports a flag typed on the command line, before or after the command name
// (the global flags are accepted at both places).
func givenAnywhere(c *cli.Context, name string) bool {
	for _, ctx := range c.Lineage() {
		if ctx.IsSet(name) {
			return true
		}
	}
	return false
}

// splitList reads a list from one environment variable: comma-separated, as urfave/cli
// reads its own slice flags from the environment.
func splitList(v string) []string {
	var out []string
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// effective is a flag's value in this run, as text.
func effective(c *cli.Context, f cli.Flag) []string {
	name := f.Names()[0]
	switch f.(type) {
	case *cli.StringSliceFlag:
		return c.StringSlice(name)
	case *cli.BoolFlag:
		return []string{strconv.FormatBool(flagAnywhere(c, name))}
	case *cli.DurationFlag:
		return []string{c.Duration(name).String()}
	}
	if v := c.String(name); v != "" {
		return []string{v}
	}
	return nil
}

// settingFlags are the check flags a setting may give: all but notSettings.
func settingFlags(flags []cli.Flag) []cli.Flag {
	var out []cli.Flag
	for _, f := range flags {
		if !slices.Contains(notSettings, f.Names()[0]) {
			out = append(out, f)
		}
	}
	return out
}

// settingNames are the keys a settings file may hold: the check flags' long names.
func settingNames(c *cli.Context) []string {
	var names []string
	for _, f := range settingFlags(c.Command.Flags) {
		names = append(names, f.Names()[0])
	}
	return names
}

func readConfig(file string) ([]byte, error) {
	f, err := os.Open(file)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("--config %s: no such file", file)
		}
		return nil, fmt.Errorf("--config %s: %w", file, err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, configMaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("--config %s: %w", file, err)
	}
	if len(b) > configMaxSize {
		return nil, fmt.Errorf("--config %s: larger than %d bytes", file, configMaxSize)
	}
	return b, nil
}

// parseConfig reads a settings file: one YAML mapping from flag names to a value, or to a
// list of values for the repeatable flags (an empty list sets nothing, as the default).
// Every problem names its line and column.
func parseConfig(file string, b []byte, names []string) (map[string]configEntry, error) {
	at := func(n *yaml.Node, format string, args ...any) error {
		return fmt.Errorf("%s:%d:%d: %s", file, n.Line, n.Column, fmt.Sprintf(format, args...))
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return map[string]configEntry{}, nil // an empty file sets nothing
		}
		return nil, fmt.Errorf("%s: %v", file, err)
	}
	var more yaml.Node
	if err := dec.Decode(&more); !errors.Is(err, io.EOF) {
		if err != nil {
			return nil, fmt.Errorf("%s: %v", file, err)
		}
		return nil, at(&more, "one YAML document expected, found another")
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return map[string]configEntry{}, nil // only comments
	}
	if root.Kind != yaml.MappingNode {
		return nil, at(root, "want a mapping of settings (fail-on: high), one per line")
	}
	out := map[string]configEntry{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			return nil, at(k, "a setting's name must be a plain word")
		}
		name := k.Value
		if slices.Contains(notSettings, name) {
			return nil, at(k, "%s is not a setting a file can hold", name)
		}
		if !slices.Contains(names, name) {
			msg := fmt.Sprintf("unknown setting %q", name)
			if s := engine.Suggest(name, names); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
			return nil, at(k, "%s\nsettings (check's flags): %s", msg, strings.Join(names, ", "))
		}
		if _, dup := out[name]; dup {
			return nil, at(k, "%s is set twice", name)
		}
		e := configEntry{line: v.Line, col: v.Column}
		switch v.Kind {
		case yaml.ScalarNode:
			if v.Tag == "!!null" {
				return nil, at(v, "%s has no value", name)
			}
			e.values = []string{v.Value}
		case yaml.SequenceNode:
			for _, item := range v.Content {
				if item.Kind != yaml.ScalarNode || item.Tag == "!!null" {
					return nil, at(item, "%s: want a list of plain values", name)
				}
				e.values = append(e.values, item.Value)
			}
		default:
			return nil, at(v, "%s: want a value or a list of values", name)
		}
		out[name] = e
	}
	return out, nil
}

// showSettings prints what --show-config shows: every setting, its value and its source.
func showSettings(w io.Writer, s *settings) error {
	switch {
	case s.ignored:
		fmt.Fprintln(w, "config file: none (--no-config: no settings file, no RESILCHECK_* variables)")
	case s.file != "":
		fmt.Fprintf(w, "config file: %s (%s)\n", s.file, s.digest)
	default:
		fmt.Fprintf(w, "config file: none (no %s in the working directory, no --config)\n", configFileName)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SETTING\tVALUE\tSOURCE")
	for _, st := range s.list {
		v := strings.Join(st.values, ",")
		if v == "" {
			v = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", st.name, v, st.source)
	}
	return tw.Flush()
}

// withSettings puts the settings a run took from the environment or the file into its
// recorded command, as the flags that would set them, after the command name: the report
// then reads the same whichever way the same settings were given, and re-running the
// recorded command anywhere reproduces it.
func withSettings(args []string, s *settings) []string {
	if s == nil {
		return args
	}
	var flags []string
	for _, st := range s.list {
		if !st.inherited {
			continue
		}
		if st.bool {
			flags = append(flags, "--"+st.name+"="+st.values[0])
			continue
		}
		for _, v := range st.values {
			flags = append(flags, "--"+st.name, v)
		}
	}
	if len(flags) == 0 {
		return args
	}
	// Only boolean global flags may come before the command name, so the command is the
	// first argument that is not a flag.
	at := slices.IndexFunc(args, func(a string) bool { return !strings.HasPrefix(a, "-") })
	if at < 0 {
		return args
	}
	out := slices.Clone(args[:at+1])
	out = append(out, flags...)
	return append(out, args[at+1:]...)
}
