package main

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"

	"github.com/urfave/cli/v2"

	"github.com/resilcheck/resilcheck/internal/attest"
)

func keygenCommand(stdio appIO) *cli.Command {
	var algs []string
	for _, a := range attest.Algorithms() {
		algs = append(algs, string(a))
	}
	return &cli.Command{
		Name:      "keygen",
		Usage:     "make a key pair for check --attest: NAME.key (private, PKCS#8 PEM, mode 0600) and NAME.pub (PKIX PEM)",
		ArgsUsage: " ",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "prefix", Value: "resilcheck", Usage: "write `NAME`.key and NAME.pub"},
			&cli.StringFlag{Name: "algorithm", Value: algs[0], Usage: "key type: " + orList(algs) + " (ecdsa-p256 is what cosign makes)"},
		},
		CustomHelpTemplate: withExamples(
			"resilcheck keygen",
			"resilcheck keygen --prefix audit-2026 --algorithm ed25519",
		),
		Action: func(c *cli.Context) error {
			if err := argsOnly(c); err != nil {
				return err
			}
			if c.NArg() > 0 {
				return withCode(ExitInputError, fmt.Errorf("keygen: unexpected argument %q (use --prefix NAME)", c.Args().First()))
			}
			alg := c.String("algorithm")
			if !slices.Contains(algs, alg) {
				return oneOf("key algorithm", alg, algs...)
			}
			prefix := c.String("prefix")
			if prefix == "" {
				return withCode(ExitInputError, errors.New("--prefix: must not be empty"))
			}
			private, public, err := attest.GenerateKey(attest.Algorithm(alg), rand.Reader)
			if err != nil {
				return err
			}
			keyFile, pubFile := prefix+".key", prefix+".pub"
			// Checked before either is written, so a refusal leaves no half pair behind.
			for _, f := range []string{keyFile, pubFile} {
				if _, err := os.Lstat(f); err == nil || !errors.Is(err, fs.ErrNotExist) {
					return withCode(ExitInputError, fmt.Errorf("keygen: %s exists: refusing to overwrite a key (choose another --prefix)", f))
				}
			}
			if err := writeNew(keyFile, private, 0o600); err != nil {
				return withCode(ExitInputError, fmt.Errorf("keygen: %w", err))
			}
			if err := writeNew(pubFile, public, 0o644); err != nil {
				os.Remove(keyFile)
				return withCode(ExitInputError, fmt.Errorf("keygen: %w", err))
			}
			if !flagAnywhere(c, "quiet") {
				fmt.Fprintf(stdio.Stdout, "wrote %s (private %s key: keep it secret) and %s (give it to whoever verifies)\n", keyFile, alg, pubFile)
			}
			return nil
		},
	}
}

// writeNew creates path with the given mode, failing if anything exists there: a private key
// is never replaced (the attestations it signed would no longer verify with the new public
// key), and O_EXCL closes the gap between the check above and the write.
func writeNew(path string, b []byte, mode os.FileMode) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode)
	if err != nil {
		return err
	}
	// The umask only narrows the mode; Chmod makes it exactly what was asked, so the key's
	// 0600 does not depend on the caller's umask.
	if err := f.Chmod(mode); err != nil {
		f.Close()
		os.Remove(path)
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		os.Remove(path)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return err
	}
	return nil
}
