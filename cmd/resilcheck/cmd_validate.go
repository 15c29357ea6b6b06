package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/resilcheck/resilcheck/internal/audit"
	"github.com/resilcheck/resilcheck/internal/manifest"
	"github.com/resilcheck/resilcheck/internal/parallel"
	"github.com/resilcheck/resilcheck/internal/validate"
)

func validateCommand(stdio appIO) *cli.Command {
	return &cli.Command{
		Name:      "validate",
		Usage:     "check that manifests load and match the manifest schema, without judging them",
		ArgsUsage: "PATH...",
		Description: "Reads every PATH (a file, a directory searched recursively for *.yaml, *.yml and\n" +
			"*.json, skipping names that start with a dot, or - for standard input) and prints each\n" +
			"problem as path:line:column: pointer: message on standard error. Exits 0 when every\n" +
			"document is valid and 2 otherwise.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "text or json"},
			maxFileSizeFlag(),
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print problems only, no summary"},
		},
		CustomHelpTemplate: withExamples(
			"resilcheck validate testdata/manifests/",
			"resilcheck validate -f json manifests/",
		),
		Action: func(c *cli.Context) error {
			format := c.String("format")
			if err := oneOf("format", format, "text", "json"); err != nil {
				return err
			}
			if c.NArg() == 0 {
				return withCode(ExitInputError, fmt.Errorf("validate: no PATH given (usage: resilcheck validate PATH...)"))
			}
			maxSize, err := parseSize(c.String("max-file-size"))
			if err != nil {
				return withCode(ExitInputError, err)
			}
			prepareHeap(c.Args().Slice(), stdio.Getenv)
			if err := validate.Ready(); err != nil {
				return withCode(ExitBundleBroken, err)
			}
			ctx := commandContext(c)
			res := validateStream(ctx, manifest.Open(c.Args().Slice(), manifest.Options{
				MaxFileSize: maxSize,
				Stdin:       stdio.Stdin,
			}))
			// Interrupted, the result is partial: nothing of it is printed.
			if ierr := interruption(ctx); ierr != nil {
				return fmt.Errorf("validate: %w: nothing printed", ierr)
			}
			if format == "json" {
				enc := json.NewEncoder(stdio.Stdout)
				enc.SetIndent("", "  ")
				if err := enc.Encode(res); err != nil {
					return err
				}
			} else {
				for _, f := range res.Files {
					for _, p := range f.Problems {
						fmt.Fprintln(stdio.Stderr, validate.Format(p))
					}
				}
				if !flagAnywhere(c, "quiet") {
					fmt.Fprintln(stdio.Stdout, res.Summary.String())
				}
			}
			if res.Summary.Invalid > 0 {
				return reported(ExitInputError)
			}
			return nil
		},
	}
}

// validation is what `validate -f json` prints: stable field names, empty lists not null.
type validation struct {
	Valid   bool              `json:"valid"`
	Summary validationSummary `json:"summary"`
	Files   []validatedFile   `json:"files"`
}

type validationSummary struct {
	Valid   int `json:"valid"`   // documents
	Invalid int `json:"invalid"` // documents, counting an unreadable file as one
	Files   int `json:"files"`
}

func (s validationSummary) String() string {
	return fmt.Sprintf("%d %s valid, %d invalid in %d %s",
		s.Valid, plural(s.Valid, "document", "documents"), s.Invalid, s.Files, plural(s.Files, "file", "files"))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

type validatedFile struct {
	Path      string          `json:"path"`
	SHA256    string          `json:"sha256,omitempty"`
	Documents int             `json:"documents"`
	Invalid   int             `json:"invalid"`
	Problems  []audit.Problem `json:"problems"`
}

// validateWindow is how many files are read, decoded and validated at once: a window's
// documents are dropped once validated, while the next window is read, so a sweep of
// thousands of files holds two windows and the problems, and each window's documents are
// validated on every core. (A variable only so a test can show the window changes nothing.)
var validateWindow = 32

// validateStream validates every document of the stream; the files keep load order and each
// file's problems are in reading order. It stops after the window it is on when ctx is done.
func validateStream(ctx context.Context, st *manifest.Stream) validation {
	out := validation{Files: []validatedFile{}}
	names := validate.NewNames()
	// The next window is read and decoded while this one is validated, so the cores the
	// end of either step leaves idle have work.
	start := 0
	windows, stop := parallel.Ahead(ctx, func() ([]*manifest.Source, bool) {
		if start >= st.Len() {
			return nil, false
		}
		sources := st.Read(start, min(start+validateWindow, st.Len()))
		start += validateWindow
		return sources, true
	})
	defer stop()
	for sources := range windows {
		var docs []*manifest.Document
		for _, src := range sources {
			docs = append(docs, src.Documents...)
		}
		problems := make([][]audit.Problem, len(docs))
		parallel.For(len(docs), 0, func(i int) { problems[i] = validate.Document(docs[i]) })
		k := 0
		for _, src := range sources {
			f := validatedFile{Path: src.Path, SHA256: src.SHA256, Invalid: src.Rejected, Problems: []audit.Problem{}}
			f.Problems = append(f.Problems, src.Problems...)
			for _, d := range src.Documents {
				// Names are checked in load order, so the first use is the same as in one pass.
				ps := append(problems[k], names.Check(d)...)
				k++
				if len(ps) > 0 {
					f.Invalid++
				} else {
					out.Summary.Valid++
				}
				f.Problems = append(f.Problems, ps...)
			}
			f.Documents = len(src.Documents) + src.Rejected
			f.Problems = validate.Sort(f.Problems)
			out.Summary.Invalid += f.Invalid
			out.Files = append(out.Files, f)
		}
	}
	out.Summary.Files = len(out.Files)
	out.Valid = out.Summary.Invalid == 0
	return out
}
