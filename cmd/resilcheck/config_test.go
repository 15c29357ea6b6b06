package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"

	"github.com/resilcheck/resilcheck/internal/engine"
)

// runInProcess runs the CLI in this process, as runCLI does, but with the given environment
// and no other, and in the current working directory: the settings tests choose both.
func runInProcess(t *testing.T, env map[string]string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	inProcess.Lock()
	defer inProcess.Unlock()
	var out, errOut bytes.Buffer
	app := newApp(appIO{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Getenv: func(k string) string { return env[k] }})
	code = finish(app.Run(append([]string{"resilcheck"}, args...)), &errOut)
	return out.String(), errOut.String(), code
}

// shownSetting is the value and source --show-config prints for one setting.
func shownSetting(t *testing.T, out, name string) (value, source string) {
	t.Helper()
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		if len(f) >= 3 && f[0] == name {
			return f[1], strings.Join(f[2:], " ")
		}
	}
	t.Fatalf("--show-config does not list %s:\n%s", name, out)
	return "", ""
}

func writeConfig(t *testing.T, text string) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "settings.yaml")
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// TestSettingsPrecedence: a flag wins over the environment, which wins over the file, which
// wins over the default; each source is named.
func TestSettingsPrecedence(t *testing.T) {
	file := writeConfig(t, "# team defaults\nfail-on: low\nformat: json\nlang: ko\ntimeout: 30s\nreport:\n  - junit=a.xml\n  - sarif=a.sarif\nquiet: true\n")
	env := map[string]string{"RESILCHECK_FORMAT": "sarif", "RESILCHECK_LANG": "en", "RESILCHECK_DATA": "a.yaml, b.yaml"}
	out, stderr, code := runInProcess(t, env, "check", "--config", file, "--lang", "ko", "--show-config")
	if code != ExitOK || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	tests := []struct{ name, value, source string }{
		{"lang", "ko", "flag"},                                 // flag over env over file
		{"format", "sarif", "env RESILCHECK_FORMAT"},           // env over file
		{"data", "a.yaml,b.yaml", "env RESILCHECK_DATA"},       // a list from one variable
		{"fail-on", "low", file + ":2:10"},                     // file over default
		{"timeout", "30s", file + ":5:10"},                     // typed values through the flag's parser
		{"report", "junit=a.xml,sarif=a.sarif", file + ":7:3"}, // a YAML list for a repeatable flag
		{"quiet", "true", file + ":9:8"},                       // global flags too
		{"max-file-size", "16MiB", "default"},
		{"as-of", "-", "default"},
	}
	for _, tt := range tests {
		v, src := shownSetting(t, out, tt.name)
		if v != tt.value || src != tt.source {
			t.Errorf("%s = %s from %s, want %s from %s", tt.name, v, src, tt.value, tt.source)
		}
	}
	if !strings.HasPrefix(out, "config file: "+file+" (sha256:") {
		t.Errorf("--show-config does not name the file and its digest:\n%s", out)
	}

	// Without the file and the environment, everything is the default, and no file is read.
	out, _, code = runInProcess(t, nil, "check", "--show-config")
	if code != ExitOK || !strings.HasPrefix(out, "config file: none") {
		t.Fatalf("exit %d:\n%s", code, out)
	}
	if v, src := shownSetting(t, out, "format"); v != "text" || src != "default" {
		t.Errorf("format = %s from %s, want the default text", v, src)
	}

	// RESILCHECK_CONFIG names the file as --config does; --config wins over it.
	out, _, _ = runInProcess(t, map[string]string{"RESILCHECK_CONFIG": file}, "check", "--show-config")
	if v, _ := shownSetting(t, out, "fail-on"); v != "low" {
		t.Errorf("RESILCHECK_CONFIG was not read: fail-on = %s", v)
	}
	// --no-config reads neither: a recorded command replays with flags and defaults only.
	out, _, code = runInProcess(t, map[string]string{"RESILCHECK_CONFIG": file, "RESILCHECK_FORMAT": "sarif"}, "check", "--no-config", "--show-config")
	if v, src := shownSetting(t, out, "format"); code != ExitOK || v != "text" || src != "default" || !strings.Contains(out, "--no-config") {
		t.Errorf("--no-config: exit %d, format = %s from %s:\n%s", code, v, src, out)
	}
	if _, stderr, code := runInProcess(t, nil, "check", "--no-config", "--config", file, "--show-config"); code != ExitInputError || !strings.Contains(stderr, "one or the other") {
		t.Errorf("--no-config with --config: exit %d, stderr %q", code, stderr)
	}
	other := writeConfig(t, "fail-on: critical\n")
	out, _, _ = runInProcess(t, map[string]string{"RESILCHECK_CONFIG": file}, "check", "--config", other, "--show-config")
	if v, _ := shownSetting(t, out, "fail-on"); v != "critical" {
		t.Errorf("--config did not win over RESILCHECK_CONFIG: fail-on = %s", v)
	}
}

// TestSettingsChangeTheRun: settings from the environment and the file reach the run itself,
// not only --show-config: the gate and the format follow them.
func TestSettingsChangeTheRun(t *testing.T) {
	manifest := filepath.Join(repoRoot, "testdata", "manifests", "kakao-2022-10-15.yaml")
	// Kakao 2022 fails controls; --fail-on none from the file lets the run pass.
	file := writeConfig(t, "fail-on: none\nas-of: 2022-10-15\nformat: json\n")
	out, stderr, code := runInProcess(t, nil, "check", "--config", file, manifest)
	if code != ExitOK || !strings.HasPrefix(out, "{") {
		t.Fatalf("with fail-on: none from the file: exit %d, stderr %q, stdout starts %.40q", code, stderr, out)
	}
	_, _, code = runInProcess(t, map[string]string{"RESILCHECK_FAIL_ON": "high"}, "check", "--config", file, manifest)
	if code != ExitFailed {
		t.Errorf("RESILCHECK_FAIL_ON=high over the file's none: exit %d, want %d", code, ExitFailed)
	}
	_, _, code = runInProcess(t, map[string]string{"RESILCHECK_FAIL_ON": "high"}, "check", "--config", file, "--fail-on", "none", manifest)
	if code != ExitOK {
		t.Errorf("--fail-on none over the environment: exit %d, want 0", code)
	}
}

// TestSettingsErrors: a settings file or variable that cannot be used is a usage error (exit
// 2) that says where, and the run judges nothing.
func TestSettingsErrors(t *testing.T) {
	tests := []struct {
		name   string
		file   string
		env    map[string]string
		stderr []string
	}{
		{"unknown key with suggestion", "format: json\nfail_on: high\n", nil,
			[]string{":2:1: unknown setting \"fail_on\"; did you mean \"fail-on\"?", "settings (check's flags): format, output,"}},
		{"unknown key, nothing close", "colour: never\n", nil, []string{":1:1: unknown setting \"colour\"\n"}},
		{"list for a single value", "timeout:\n  - 1s\n  - 2s\n", nil, []string{":2:3: timeout takes one value, not a list"}},
		{"value the flag refuses", "lang: ko\ntimeout: soon\n", nil, []string{`:2:10: invalid value "soon" for timeout`}},
		{"bad boolean", "quiet: maybe\n", nil, []string{`:1:8: invalid value "maybe" for quiet`}},
		{"no value", "fail-on:\n", nil, []string{":1:9: fail-on has no value"}},
		{"mapping value", "fail-on: {level: high}\n", nil, []string{":1:10: fail-on: want a value or a list of values"}},
		{"twice", "lang: ko\nlang: en\n", nil, []string{":2:1: lang is set twice"}},
		{"not a mapping", "- fail-on\n", nil, []string{":1:1: want a mapping of settings"}},
		{"two documents", "lang: ko\n---\nlang: en\n", nil, []string{"one YAML document expected"}},
		{"the file names itself", "config: other.yaml\n", nil, []string{":1:1: config is not a setting a file can hold"}},
		{"YAML syntax", "lang: [ko\n", nil, []string{"yaml: line"}},
		{"bad environment value", "", map[string]string{"RESILCHECK_TIMEOUT": "soon"}, []string{`RESILCHECK_TIMEOUT="soon": invalid value for --timeout`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := writeConfig(t, tt.file)
			stdout, stderr, code := runInProcess(t, tt.env, "check", "--config", file, "--show-config")
			if code != ExitInputError || stdout != "" {
				t.Errorf("exit %d, stdout %q; want 2 and nothing on stdout", code, stdout)
			}
			for _, want := range tt.stderr {
				if !strings.Contains(stderr, want) {
					t.Errorf("stderr %q\nlacks %q", stderr, want)
				}
			}
			if tt.env == nil && !strings.Contains(stderr, file) {
				t.Errorf("stderr %q does not name the file", stderr)
			}
		})
	}

	// The settings file is an input of the run: no report is written over it.
	settingsFile := writeConfig(t, "as-of: 2026-11-22\n")
	_, stderr, code := runInProcess(t, nil, "check", "--config", settingsFile, "-o", settingsFile, filepath.Join(repoRoot, "testdata", "valid", "minimal.yaml"))
	if b, _ := os.ReadFile(settingsFile); code != ExitInputError || string(b) != "as-of: 2026-11-22\n" || !strings.Contains(stderr, "is an input of this run") {
		t.Errorf("-o over the settings file: exit %d, stderr %q, file now %.60q", code, stderr, b)
	}

	_, stderr, code = runInProcess(t, nil, "check", "--config", filepath.Join(t.TempDir(), "missing.yaml"), "x.yaml")
	if code != ExitInputError || !strings.Contains(stderr, "missing.yaml: no such file") {
		t.Errorf("a missing --config: exit %d, stderr %q", code, stderr)
	}
	// An empty file, or one of comments only, sets nothing.
	for _, text := range []string{"", "# nothing yet\n"} {
		_, stderr, code := runInProcess(t, nil, "check", "--config", writeConfig(t, text), "--show-config")
		if code != ExitOK || stderr != "" {
			t.Errorf("settings file %q: exit %d, stderr %q", text, code, stderr)
		}
	}
}

// TestSettingsFileFoundAndRecorded: .resilcheck.yaml in the working directory is read, and
// the same settings given by the file, by the environment or by flags make byte-identical
// reports, whose recorded command names them.
func TestSettingsFileFoundAndRecorded(t *testing.T) {
	minimal, err := os.ReadFile(filepath.Join(repoRoot, "testdata", "valid", "minimal.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	run := func(config string, env []string, args ...string) []byte {
		t.Helper()
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "m.yaml"), minimal, 0o644); err != nil {
			t.Fatal(err)
		}
		if config != "" {
			if err := os.WriteFile(filepath.Join(dir, configFileName), []byte(config), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		cmd := exec.Command(binPath, append([]string{"check"}, args...)...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), env...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil && cmd.ProcessState.ExitCode() != ExitFailed {
			t.Fatalf("%v: %s", err, stderr.String())
		}
		return out
	}
	config := "format: json\nas-of: 2026-11-22\nfail-on: high\nreport: [sarif=out.sarif]\n"
	fromFile := run(config, nil, "m.yaml")
	fromEnv := run("", []string{"RESILCHECK_FORMAT=json", "RESILCHECK_AS_OF=2026-11-22", "RESILCHECK_FAIL_ON=high", "RESILCHECK_REPORT=sarif=out.sarif"}, "m.yaml")
	fromFlags := run("", nil, "--format", "json", "--report", "sarif=out.sarif", "--as-of", "2026-11-22", "--fail-on", "high", "m.yaml")

	// The file's report also names the file and its digest; apart from that the three agree.
	sum := sha256.Sum256([]byte(config))
	wantSettings := `  "settings": {
    "file": ".resilcheck.yaml",
    "sha256": "sha256:` + hex.EncodeToString(sum[:]) + `"
  }
`
	if !bytes.Contains(fromFile, []byte(wantSettings)) || bytes.Contains(fromEnv, []byte(`"settings"`)) {
		t.Errorf("the settings file is not recorded (or recorded without one):\n%s", fromFile)
	}
	withoutSettings := bytes.Replace(fromFile, []byte(",\n"+wantSettings), []byte("\n"), 1)
	if !bytes.Equal(withoutSettings, fromEnv) || !bytes.Equal(fromEnv, fromFlags) {
		t.Errorf("the same settings from the file, the environment and flags give different reports:\n%.600s\n---\n%.600s\n---\n%.600s", withoutSettings, fromEnv, fromFlags)
	}
	want := `"command": [
    "resilcheck",
    "check",
    "--format",
    "json",
    "--report",
    "sarif=out.sarif",
    "--as-of",
    "2026-11-22",
    "--fail-on",
    "high",
    "m.yaml"
  ]`
	if !bytes.Contains(fromFile, []byte(want)) {
		t.Errorf("the recorded command does not name the file's settings:\n%.800s", fromFile)
	}
}

func TestWithSettings(t *testing.T) {
	s := &settings{list: []setting{
		{name: "format", values: []string{"json"}, inherited: true},
		{name: "lang", values: []string{"ko"}},
		{name: "data", values: []string{"a.yaml", "b.yaml"}, inherited: true},
		{name: "quiet", bool: true, values: []string{"true"}, inherited: true},
	}}
	got := strings.Join(withSettings([]string{"--no-color", "check", "-o", "r.json", "m.yaml"}, s), " ")
	want := "--no-color check --format json --data a.yaml --data b.yaml --quiet=true -o r.json m.yaml"
	if got != want {
		t.Errorf("withSettings = %q, want %q", got, want)
	}
	if got := withSettings([]string{"check", "m.yaml"}, nil); strings.Join(got, " ") != "check m.yaml" {
		t.Errorf("without settings: %q", got)
	}
}

// TestTimeoutFlagIsOneForEveryEvaluation: check, simulate and deadlines share the engine's
// limit, which grows with each document, so they describe it with the same words and the
// number the engine scales by.
func TestTimeoutFlagIsOneForEveryEvaluation(t *testing.T) {
	app := newApp(appIO{})
	want := ""
	for _, name := range []string{"check", "simulate", "deadlines"} {
		cmd := app.Command(name)
		if cmd == nil {
			t.Fatalf("no %s command", name)
		}
		usage := ""
		for _, f := range cmd.Flags {
			if df, ok := f.(*cli.DurationFlag); ok && df.Name == "timeout" {
				usage = df.Usage
			}
		}
		if !strings.Contains(usage, fmt.Sprintf("%d,%03d services", engine.ItemsPerTimeout/1000, engine.ItemsPerTimeout%1000)) {
			t.Errorf("%s --timeout: %q does not name the %d items each limit covers", name, usage, engine.ItemsPerTimeout)
		}
		if want == "" {
			want = usage
		} else if usage != want {
			t.Errorf("%s --timeout says %q, check says %q", name, usage, want)
		}
	}
}
