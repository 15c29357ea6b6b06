package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/resilcheck/resilcheck/internal/attest"
	"github.com/resilcheck/resilcheck/internal/audit"
	"github.com/resilcheck/resilcheck/reports"
)

// attestFlags are check's --attest and --key.
func attestFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "attest", Usage: "beside the reports, write a signed in-toto attestation of them to `FILE` (needs --key and -o or --report)"},
		&cli.StringFlag{Name: "key", Usage: "PEM private key (ECDSA P-256 or ed25519, from resilcheck keygen) that signs --attest"},
	}
}

// attester collects what a check run attests: the digests of the reports as they are
// written, and those of the waiver and data files as the run started.
type attester struct {
	file     string
	signer   *attest.Signer
	extra    []attest.Input // waivers and data files, hashed before the run
	subjects []attest.Subject
	wd       string
}

// newAttester reads the key and hashes the waiver and data files before anything is judged,
// so a typo in --key costs no evaluation. It is nil when --attest is not given.
func newAttester(c *cli.Context, output string, extra []reportTarget) (*attester, error) {
	file, keyFile := c.String("attest"), c.String("key")
	switch {
	case file == "" && keyFile == "":
		return nil, nil
	case file == "":
		return nil, withCode(ExitInputError, errors.New("--key: give --attest FILE too, to say where the attestation goes"))
	case keyFile == "":
		return nil, withCode(ExitInputError, errors.New("--attest: give --key KEY, the private key that signs it (resilcheck keygen makes one)"))
	case output == "" && len(extra) == 0:
		return nil, withCode(ExitInputError, errors.New("--attest: no report file to attest: write the report with -o FILE or --report FORMAT=FILE"))
	}
	if err := distinctTargets(file, extra); err != nil {
		return nil, withCode(ExitInputError, fmt.Errorf("--attest %s: a report is written there", file))
	}
	if output != "" && sameFile(output, file) {
		return nil, withCode(ExitInputError, fmt.Errorf("--attest %s: -o writes the report there", file))
	}
	pemBytes, err := os.ReadFile(keyFile)
	if err != nil {
		return nil, withCode(ExitInputError, fmt.Errorf("--key: %w", err))
	}
	signer, err := attest.ParsePrivateKey(pemBytes)
	if err != nil {
		return nil, withCode(ExitInputError, fmt.Errorf("--key %s: %w", keyFile, err))
	}
	a := &attester{file: file, signer: signer}
	a.wd, _ = os.Getwd()
	a.extra, err = hashInputs(c)
	if err != nil {
		return nil, err
	}
	return a, nil
}

func sameFile(a, b string) bool {
	absA, errA := filepath.Abs(a)
	absB, errB := filepath.Abs(b)
	return errA == nil && errB == nil && absA == absB
}

// hashInputs digests the --waivers and --data files, which the report does not list.
func hashInputs(c *cli.Context) ([]attest.Input, error) {
	var out []attest.Input
	add := func(kind, file string) error {
		sum, err := attest.FileDigest(file)
		if err != nil {
			return withCode(ExitInputError, fmt.Errorf("--attest: hash %s: %w", file, err))
		}
		out = append(out, attest.Input{Kind: kind, Name: filepath.ToSlash(file), Digest: map[string]string{"sha256": sum}})
		return nil
	}
	if w := c.String("waivers"); w != "" {
		if err := add(attest.KindWaivers, w); err != nil {
			return nil, err
		}
	}
	for _, d := range c.StringSlice("data") {
		if err := add(attest.KindData, d); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// hashing wraps a report's writer so the bytes that reach the file are the ones digested.
func (a *attester) hashing(name string, finish func(io.Writer) error) func(io.Writer) error {
	if a == nil {
		return finish
	}
	return func(w io.Writer) error {
		h := sha256.New()
		if err := finish(io.MultiWriter(w, h)); err != nil {
			return err
		}
		a.subjects = append(a.subjects, attest.Subject{Name: filepath.ToSlash(relativeTo(a.wd, name)), SHA256: hex.EncodeToString(h.Sum(nil))})
		return nil
	}
}

// write signs and writes the attestation, atomically like a report, once every report is
// in place. A waiver or data file that changed while the run read it is refused: the
// attestation would name bytes the audit may not have used.
func (a *attester) write(ctx context.Context, c *cli.Context, r *audit.Report) error {
	if a == nil {
		return nil
	}
	if err := notAnInput(a.file, nil, r.Inputs, append(c.StringSlice("data"), c.String("waivers"), c.String("baseline"))); err != nil {
		return withCode(ExitInputError, fmt.Errorf("--attest: %w", err))
	}
	now, err := hashInputs(c)
	if err != nil {
		return err
	}
	for i := range now {
		if now[i].Digest["sha256"] != a.extra[i].Digest["sha256"] {
			return withCode(ExitInputError, fmt.Errorf("--attest: %s changed during the run: no attestation written", now[i].Name))
		}
	}
	p := attest.Predicate{AsOf: r.AsOf, Tool: r.Tool, Bundle: r.Bundle, Command: r.Command, ExitCode: r.ExitCode}
	for _, in := range r.Inputs {
		digest := map[string]string{}
		if in.SHA256 != "" {
			digest["sha256"] = in.SHA256
		}
		p.Inputs = append(p.Inputs, attest.Input{Kind: attest.KindManifest, Name: in.Path, Digest: digest})
	}
	p.Inputs = append(p.Inputs, a.extra...)
	env, err := attest.Sign(ctx, a.signer, a.subjects, p)
	if err != nil {
		return err
	}
	return reports.WriteFileContext(ctx, a.file, func(w io.Writer) error {
		_, err := w.Write(env)
		return err
	})
}
