package attest

import (
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/sha256"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
)

// Algorithm names a signing key type keygen can make.
type Algorithm string

const (
	// ECDSAP256 is ECDSA over NIST P-256 with SHA-256: what cosign generates and expects.
	ECDSAP256 Algorithm = "ecdsa-p256"
	// Ed25519 signs the DSSE pre-authentication encoding itself (no pre-hash).
	Ed25519 Algorithm = "ed25519"
)

// Algorithms are the key types keygen accepts, default first.
func Algorithms() []Algorithm { return []Algorithm{ECDSAP256, Ed25519} }

// KeyError is a key file that cannot be used: not PEM, encrypted, or of a key type we do not
// sign with. It is bad input (a wrong file given), not a failed verification.
type KeyError struct{ Msg string }

func (e *KeyError) Error() string { return e.Msg }

// GenerateKey makes a key pair: the private key as PKCS#8 PEM, the public key as PKIX PEM,
// the two encodings cosign reads (its own private keys are encrypted, ours are not: the
// file's mode is what protects it).
func GenerateKey(alg Algorithm, random io.Reader) (private, public []byte, err error) {
	var priv crypto.Signer
	switch alg {
	case ECDSAP256:
		priv, err = ecdsa.GenerateKey(elliptic.P256(), random)
	case Ed25519:
		_, priv, err = ed25519.GenerateKey(random)
	default:
		return nil, nil, fmt.Errorf("unknown key algorithm %q (known: %s, %s)", alg, ECDSAP256, Ed25519)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("generate %s key: %w", alg, err)
	}
	der, err := x509.MarshalPKCS8PrivateKey(priv)
	if err != nil {
		return nil, nil, fmt.Errorf("encode private key: %w", err)
	}
	pubDER, err := x509.MarshalPKIXPublicKey(priv.Public())
	if err != nil {
		return nil, nil, fmt.Errorf("encode public key: %w", err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}),
		pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: pubDER}), nil
}

// Signer signs DSSE envelopes with an ECDSA P-256 or ed25519 private key.
type Signer struct {
	key crypto.Signer
}

// ParsePrivateKey reads a PEM private key: PKCS#8 ("PRIVATE KEY", what keygen writes) or
// SEC 1 ("EC PRIVATE KEY", what openssl ecparam writes).
func ParsePrivateKey(pemBytes []byte) (*Signer, error) {
	block, _ := pem.Decode(pemBytes)
	if block == nil {
		return nil, &KeyError{"not a PEM private key"}
	}
	var key any
	var err error
	switch block.Type {
	case "PRIVATE KEY":
		key, err = x509.ParsePKCS8PrivateKey(block.Bytes)
	case "EC PRIVATE KEY":
		key, err = x509.ParseECPrivateKey(block.Bytes)
	case "ENCRYPTED SIGSTORE PRIVATE KEY", "ENCRYPTED COSIGN PRIVATE KEY", "ENCRYPTED PRIVATE KEY":
		return nil, &KeyError{fmt.Sprintf("%s: encrypted keys are not read; sign with a key from resilcheck keygen (cosign verifies its public key)", block.Type)}
	default:
		return nil, &KeyError{fmt.Sprintf("PEM block %q: want PRIVATE KEY (PKCS#8)", block.Type)}
	}
	if err != nil {
		return nil, &KeyError{"private key: " + err.Error()}
	}
	switch k := key.(type) {
	case *ecdsa.PrivateKey:
		if k.Curve != elliptic.P256() {
			return nil, &KeyError{fmt.Sprintf("ECDSA key on %s: want P-256", k.Curve.Params().Name)}
		}
		return &Signer{key: k}, nil
	case ed25519.PrivateKey:
		return &Signer{key: k}, nil
	}
	return nil, &KeyError{fmt.Sprintf("private key of type %T: want ECDSA P-256 or ed25519", key)}
}

// Sign implements dsse.Signer. ECDSA signatures are deterministic (RFC 6979, asked for with
// a nil random source) and so are ed25519's: the same audit signed twice with one key gives
// the same attestation bytes, like its reports.
func (s *Signer) Sign(_ context.Context, data []byte) ([]byte, error) {
	switch k := s.key.(type) {
	case *ecdsa.PrivateKey:
		sum := sha256.Sum256(data)
		return k.Sign(nil, sum[:], crypto.SHA256)
	case ed25519.PrivateKey:
		return ed25519.Sign(k, data), nil
	}
	return nil, errors.New("unsupported key")
}

// KeyID implements dsse.Signer. It is empty, as in cosign's envelopes: a verifier given a
// key id that differs from the one it computes skips the signature, and verifiers do not
// agree on how to compute one.
func (s *Signer) KeyID() (string, error) { return "", nil }

// Verifier checks DSSE signatures with an ECDSA P-256 or ed25519 public key.
type Verifier struct {
	key crypto.PublicKey
}

// ParsePublicKey reads a PKIX PEM public key ("PUBLIC KEY"), as keygen and cosign's
// generate-key-pair write it.
func ParsePublicKey(pemBytes []byte) (*Verifier, error) {
	block, _ := pem.Decode(pemBytes)
	if block == nil {
		return nil, &KeyError{"not a PEM public key"}
	}
	if block.Type != "PUBLIC KEY" {
		return nil, &KeyError{fmt.Sprintf("PEM block %q: want PUBLIC KEY (PKIX)", block.Type)}
	}
	key, err := x509.ParsePKIXPublicKey(block.Bytes)
	if err != nil {
		return nil, &KeyError{"public key: " + err.Error()}
	}
	switch k := key.(type) {
	case *ecdsa.PublicKey:
		if k.Curve != elliptic.P256() {
			return nil, &KeyError{fmt.Sprintf("ECDSA key on %s: want P-256", k.Curve.Params().Name)}
		}
		return &Verifier{key: k}, nil
	case ed25519.PublicKey:
		return &Verifier{key: k}, nil
	}
	return nil, &KeyError{fmt.Sprintf("public key of type %T: want ECDSA P-256 or ed25519", key)}
}

var errBadSignature = errors.New("signature does not verify")

// Verify implements dsse.Verifier.
func (v *Verifier) Verify(_ context.Context, data, sig []byte) error {
	switch k := v.key.(type) {
	case *ecdsa.PublicKey:
		sum := sha256.Sum256(data)
		if ecdsa.VerifyASN1(k, sum[:], sig) {
			return nil
		}
	case ed25519.PublicKey:
		if ed25519.Verify(k, data, sig) {
			return nil
		}
	}
	return errBadSignature
}

// KeyID implements dsse.Verifier: empty, so the envelope's key id (if any) is matched
// against the key's SSH fingerprint only when the envelope names one.
func (v *Verifier) KeyID() (string, error) { return "", nil }

// Public implements dsse.Verifier.
func (v *Verifier) Public() crypto.PublicKey { return v.key }
