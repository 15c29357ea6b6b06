package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/resilcheck/resilcheck/internal/attest"
)

func verifyCommand(stdio appIO) *cli.Command {
	return &cli.Command{
		Name:      "verify",
		Usage:     "check a signed attestation of check --attest (or cosign attest-blob): its signature, the report's bytes and, when given, the inputs'",
		ArgsUsage: "REPORT [INPUT...]",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "key", Usage: "PEM public key (PKIX: resilcheck keygen's NAME.pub or cosign's cosign.pub)"},
			&cli.StringFlag{Name: "attestation", Usage: "the DSSE envelope `FILE` check --attest wrote"},
		},
		CustomHelpTemplate: withExamples(
			"resilcheck verify --key resilcheck.pub --attestation audit.att.json audit.json manifests/kakao.yaml",
		),
		Action: func(c *cli.Context) error {
			return runVerify(c, stdio)
		},
	}
}

// runVerify exits 1 when the evidence does not hold (a signature, report or input that does
// not match) and 2 when it cannot be read (no such file, not a key, a malformed envelope), so
// a gate tells "tampered" from "misconfigured".
func runVerify(c *cli.Context, stdio appIO) error {
	if err := argsOnly(c); err != nil {
		return err
	}
	keyFile, envFile := c.String("key"), c.String("attestation")
	switch {
	case keyFile == "":
		return withCode(ExitInputError, errors.New("verify: give --key PUB, the public key of the signer"))
	case envFile == "":
		return withCode(ExitInputError, errors.New("verify: give --attestation FILE"))
	case c.NArg() == 0:
		return withCode(ExitInputError, errors.New("verify: give the REPORT the attestation covers"))
	}
	pemBytes, err := os.ReadFile(keyFile)
	if err != nil {
		return withCode(ExitInputError, fmt.Errorf("--key: %w", err))
	}
	v, err := attest.ParsePublicKey(pemBytes)
	if err != nil {
		return withCode(ExitInputError, fmt.Errorf("--key %s: %w", keyFile, err))
	}
	env, err := os.ReadFile(envFile)
	if err != nil {
		return withCode(ExitInputError, fmt.Errorf("--attestation: %w", err))
	}
	st, err := attest.Verify(commandContext(c), v, env)
	if err != nil {
		return verifyError(envFile, err)
	}
	report := c.Args().First()
	sum, err := attest.FileDigest(report)
	if err != nil {
		return withCode(ExitInputError, fmt.Errorf("verify: %w", err))
	}
	sub, err := st.CheckReport(report, sum)
	if err != nil {
		return verifyError(envFile, err)
	}
	p := st.Predicate
	// Said only once everything held: a run that fails on an input prints no "Verified OK".
	ok := []string{fmt.Sprintf("Verified OK: %s is the report %s of the audit of %s (resilcheck %s, OPA %s, bundle %s)",
		report, sub.Name, p.AsOf, p.Tool.Version, p.Tool.OPAVersion, p.Bundle.Digest)}
	for _, in := range c.Args().Tail() {
		sum, err := attest.FileDigest(in)
		if err != nil {
			return withCode(ExitInputError, fmt.Errorf("verify: %w", err))
		}
		got, err := st.CheckInput(filepath.ToSlash(in), sum)
		if err != nil {
			return verifyError(envFile, err)
		}
		ok = append(ok, fmt.Sprintf("Verified OK: %s is the %s input the audit read", in, got.Kind))
	}
	if !flagAnywhere(c, "quiet") {
		for _, line := range ok {
			fmt.Fprintln(stdio.Stdout, line)
		}
	}
	return nil
}

func verifyError(envFile string, err error) error {
	var me *attest.MalformedError
	if errors.As(err, &me) {
		return withCode(ExitInputError, fmt.Errorf("verify: %s: %w", envFile, err))
	}
	return withCode(ExitFailed, fmt.Errorf("verify FAILED: %w", err))
}
