package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestContainerBuildCommand: where no Docker daemon runs, .ci/run builds the image's binary
// itself and runs it in a stand-in for the image; that proves something about the image only
// while the two builds are one command. The output path may differ; the environment, flags
// and package may not.
func TestContainerBuildCommand(t *testing.T) {
	dockerfile := buildCommand(t, "Dockerfile")
	ci := buildCommand(t, filepath.Join(".ci", "run"))
	if !slices.Equal(dockerfile, ci) {
		t.Errorf("the build commands differ:\n Dockerfile: %q\n .ci/run:    %q", dockerfile, ci)
	}
	for _, want := range []string{"CGO_ENABLED=0", "-trimpath"} {
		if !slices.Contains(dockerfile, want) {
			t.Errorf("the Dockerfile's build command %q lacks %s", dockerfile, want)
		}
	}
}

func TestBuildCommandWords(t *testing.T) {
	for _, c := range []struct{ line, want string }{
		{`RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.toolVersion=${VERSION}" -o /out/x ./cmd/resilcheck && /out/x version`,
			`CGO_ENABLED=0|go|build|-trimpath|-ldflags|-s -w -X main.toolVersion=${VERSION}|./cmd/resilcheck`},
		{`  CGO_ENABLED=0 go build -trimpath -ldflags '-s' -o "$ctr/rootfs/bin" ./cmd/resilcheck`,
			`CGO_ENABLED=0|go|build|-trimpath|-ldflags|-s|./cmd/resilcheck`},
		{`go build -o=out ./cmd/resilcheck; echo done`, `go|build|./cmd/resilcheck`},
	} {
		if got := strings.Join(buildWords(c.line), "|"); got != c.want {
			t.Errorf("buildWords(%q) = %q, want %q", c.line, got, c.want)
		}
	}
}

var goBuildLine = regexp.MustCompile(`(^|\s)go build\s`)

// buildCommand is the one `go build` command in a repository file, as words, with its
// output path left out.
func buildCommand(t *testing.T, name string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot, name))
	if err != nil {
		t.Fatal(err)
	}
	// Continuation lines, as a shell or the Dockerfile parser joins them.
	text := regexp.MustCompile(`\\\n\s*`).ReplaceAllString(string(b), " ")
	var found []string
	for line := range strings.Lines(text) {
		if strings.HasPrefix(strings.TrimSpace(line), "#") || !goBuildLine.MatchString(line) {
			continue
		}
		found = append(found, line)
	}
	if len(found) != 1 {
		t.Fatalf("%s has %d go build commands, want 1: %q", name, len(found), found)
	}
	return buildWords(found[0])
}

// buildWords splits a shell command line into words (quotes removed, variables left as
// written), from the first environment assignment or `go` to the first command separator,
// without a Dockerfile's RUN and without -o and its argument.
func buildWords(line string) []string {
	var words []string
	var word strings.Builder
	inWord := false
	var quote rune
	for _, r := range line {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			word.WriteRune(r)
		case r == '"' || r == '\'':
			quote, inWord = r, true
		case r == ' ' || r == '\t' || r == '\n':
			if inWord {
				words = append(words, word.String())
				word.Reset()
				inWord = false
			}
		default:
			word.WriteRune(r)
			inWord = true
		}
	}
	if inWord {
		words = append(words, word.String())
	}
	var out []string
	for i := 0; i < len(words); i++ {
		w := words[i]
		switch {
		case w == "&&" || w == ";" || w == "|" || strings.HasSuffix(w, ";"):
			if w != ";" && strings.HasSuffix(w, ";") {
				out = append(out, strings.TrimSuffix(w, ";"))
			}
			return out
		case len(out) == 0 && w == "RUN":
		case w == "-o":
			i++
		case strings.HasPrefix(w, "-o="):
		default:
			out = append(out, w)
		}
	}
	return out
}
