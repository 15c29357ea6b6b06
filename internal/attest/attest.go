// Package attest signs and verifies the evidence of an audit: an in-toto Statement (v1) whose
// subjects are the reports a run wrote and whose predicate records what produced them (audit
// date, tool and OPA versions, bundle digest, the digest of every input, waiver and data
// files included), in a DSSE envelope signed with ECDSA P-256 or ed25519.
//
// The envelope and statement are the ones cosign writes and reads (`cosign attest-blob`,
// `cosign verify-blob-attestation --type PredicateType`), so either tool verifies what the
// other signed; the envelope code is go-securesystemslib's, the statement is the in-toto
// project's own Go binding.
package attest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"slices"
	"strings"

	intoto "github.com/in-toto/attestation/go/v1"
	"github.com/secure-systems-lab/go-securesystemslib/dsse"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/types/known/structpb"

	"github.com/resilcheck/resilcheck/internal/audit"
)

const (
	// PayloadType is the DSSE payload type of an in-toto statement; cosign refuses any other.
	PayloadType = "application/vnd.in-toto+json"
	// PredicateType names the predicate below; `cosign verify-blob-attestation --type` takes
	// it as is. It lives under the project's home so it cannot collide with anyone else's.
	PredicateType = "https://github.com/resilcheck/resilcheck/attestation/audit/v1"
)

// Input kinds in the predicate.
const (
	KindManifest = "manifest" // a file (or standard input) judged
	KindWaivers  = "waivers"  // the --waivers file
	KindData     = "data"     // a --data file
)

// Predicate is what an audit attestation asserts about its subjects.
type Predicate struct {
	AsOf     string       `json:"as_of"`
	Tool     audit.Tool   `json:"tool"`
	Bundle   audit.Bundle `json:"bundle"`
	Command  []string     `json:"command,omitempty"`
	Inputs   []Input      `json:"inputs"`
	ExitCode int          `json:"exit_code"`
}

// Input is one file the audit read, named as the run was given it.
type Input struct {
	Kind   string            `json:"kind"`
	Name   string            `json:"name"`
	Digest map[string]string `json:"digest"` // "sha256": hex; empty when the file could not be read
}

// Subject is one report the run wrote: its path as given and its SHA-256 (hex).
type Subject struct {
	Name   string
	SHA256 string
}

// Digest is the hex SHA-256 of everything r yields.
func Digest(r io.Reader) (string, error) {
	h := sha256.New()
	if _, err := io.Copy(h, r); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// FileDigest is the hex SHA-256 of a file's bytes.
func FileDigest(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	return Digest(f)
}

// Sign builds the statement and returns its signed envelope as JSON, one line ending in a
// newline. Subjects and inputs are written in the order given.
func Sign(ctx context.Context, s *Signer, subjects []Subject, p Predicate) ([]byte, error) {
	if len(subjects) == 0 {
		return nil, errors.New("attest: no report to attest")
	}
	predJSON, err := json.Marshal(p)
	if err != nil {
		return nil, fmt.Errorf("attest: predicate: %w", err)
	}
	pred := &structpb.Struct{}
	if err := protojson.Unmarshal(predJSON, pred); err != nil {
		return nil, fmt.Errorf("attest: predicate: %w", err)
	}
	st := &intoto.Statement{
		Type:          intoto.StatementTypeUri,
		PredicateType: PredicateType,
		Predicate:     pred,
	}
	for _, sub := range subjects {
		st.Subject = append(st.Subject, &intoto.ResourceDescriptor{Name: sub.Name, Digest: map[string]string{"sha256": sub.SHA256}})
	}
	if err := st.Validate(); err != nil {
		return nil, fmt.Errorf("attest: statement: %w", err)
	}
	raw, err := protojson.Marshal(st)
	if err != nil {
		return nil, fmt.Errorf("attest: statement: %w", err)
	}
	// protojson varies its whitespace on purpose, from build to build; compacting makes the
	// payload (and so the signature) depend on the audit only.
	var payload bytes.Buffer
	if err := json.Compact(&payload, raw); err != nil {
		return nil, fmt.Errorf("attest: statement: %w", err)
	}
	es, err := dsse.NewEnvelopeSigner(s)
	if err != nil {
		return nil, err
	}
	env, err := es.SignPayload(ctx, PayloadType, payload.Bytes())
	if err != nil {
		return nil, fmt.Errorf("attest: sign: %w", err)
	}
	out, err := json.Marshal(env)
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}

// MalformedError is an attestation that cannot be read as a DSSE envelope holding an in-toto
// statement: broken JSON, unknown fields, bad base64. It is bad input, where a
// *VerifyError is evidence that does not hold.
type MalformedError struct{ Msg string }

func (e *MalformedError) Error() string { return "malformed attestation: " + e.Msg }

// VerifyError is an attestation that was read but does not prove what was asked: a signature
// that does not verify with the key, a statement of another kind, a report or input whose
// bytes are not the ones attested.
type VerifyError struct{ Msg string }

func (e *VerifyError) Error() string { return e.Msg }

// Statement is a verified attestation: what its signer asserted.
type Statement struct {
	Subjects  []Subject
	Predicate Predicate
}

// Verify checks envelope's signature with v and returns the statement it carries. The
// envelope is read strictly (exact field names, canonical base64), so no change to its bytes
// passes unnoticed, even one the signature does not cover.
func Verify(ctx context.Context, v *Verifier, envelope []byte) (*Statement, error) {
	env, err := parseEnvelope(envelope)
	if err != nil {
		return nil, err
	}
	ev, err := dsse.NewEnvelopeVerifier(v)
	if err != nil {
		return nil, err
	}
	_, payload, err := ev.VerifyAndDecode(ctx, env)
	if err != nil {
		return nil, &VerifyError{"signature does not verify with the given key (the attestation was changed, or signed with another key)"}
	}
	if env.PayloadType != PayloadType {
		return nil, &VerifyError{fmt.Sprintf("payload type %q: not an in-toto statement (want %s)", env.PayloadType, PayloadType)}
	}
	st := &intoto.Statement{}
	if err := protojson.Unmarshal(payload, st); err != nil {
		return nil, &MalformedError{"statement: " + err.Error()}
	}
	// Validate accepts Statement v1 and v0.1, whose subject and predicate fields are the same:
	// cosign attest-blob (v2) still writes v0.1.
	if err := st.Validate(); err != nil {
		return nil, &MalformedError{"statement: " + err.Error()}
	}
	if st.GetPredicateType() != PredicateType {
		return nil, &VerifyError{fmt.Sprintf("predicate type %q: not a resilcheck audit (want %s)", st.GetPredicateType(), PredicateType)}
	}
	predJSON, err := protojson.Marshal(st.GetPredicate())
	if err != nil {
		return nil, &MalformedError{"predicate: " + err.Error()}
	}
	out := &Statement{}
	if err := json.Unmarshal(predJSON, &out.Predicate); err != nil {
		return nil, &MalformedError{"predicate: " + err.Error()}
	}
	for _, rd := range st.GetSubject() {
		out.Subjects = append(out.Subjects, Subject{Name: rd.GetName(), SHA256: rd.GetDigest()["sha256"]})
	}
	return out, nil
}

// parseEnvelope decodes a DSSE envelope, refusing anything but its exact fields and
// canonical base64: encoding/json matches field names regardless of case and ignores unknown
// ones, and lenient base64 ignores the padding bits, so without this a changed byte could
// still verify.
func parseEnvelope(b []byte) (*dsse.Envelope, error) {
	var top map[string]json.RawMessage
	if err := strictUnmarshal(b, &top); err != nil {
		return nil, &MalformedError{"not a JSON object: " + err.Error()}
	}
	if err := exactKeys(top, []string{"payload", "payloadType", "signatures"}, nil); err != nil {
		return nil, &MalformedError{err.Error()}
	}
	env := &dsse.Envelope{}
	if err := strictUnmarshal(top["payloadType"], &env.PayloadType); err != nil {
		return nil, &MalformedError{"payloadType: " + err.Error()}
	}
	if err := strictUnmarshal(top["payload"], &env.Payload); err != nil {
		return nil, &MalformedError{"payload: " + err.Error()}
	}
	if !canonicalBase64(env.Payload) {
		return nil, &MalformedError{"payload is not base64"}
	}
	var sigs []map[string]json.RawMessage
	if err := strictUnmarshal(top["signatures"], &sigs); err != nil {
		return nil, &MalformedError{"signatures: " + err.Error()}
	}
	if len(sigs) == 0 {
		return nil, &MalformedError{"no signature"}
	}
	for i, s := range sigs {
		if err := exactKeys(s, []string{"sig"}, []string{"keyid"}); err != nil {
			return nil, &MalformedError{fmt.Sprintf("signature %d: %v", i, err)}
		}
		var sig dsse.Signature
		if err := strictUnmarshal(s["sig"], &sig.Sig); err != nil {
			return nil, &MalformedError{fmt.Sprintf("signature %d: sig: %v", i, err)}
		}
		if raw, ok := s["keyid"]; ok {
			if err := strictUnmarshal(raw, &sig.KeyID); err != nil {
				return nil, &MalformedError{fmt.Sprintf("signature %d: keyid: %v", i, err)}
			}
		}
		if !canonicalBase64(sig.Sig) {
			return nil, &MalformedError{fmt.Sprintf("signature %d is not base64", i)}
		}
		env.Signatures = append(env.Signatures, sig)
	}
	return env, nil
}

func strictUnmarshal(b []byte, v any) error {
	if len(b) == 0 {
		return errors.New("missing")
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("data after the JSON value")
	}
	return nil
}

// exactKeys requires every name in required, allows those in optional, and nothing else,
// spelled exactly.
func exactKeys(m map[string]json.RawMessage, required, optional []string) error {
	for _, k := range required {
		if _, ok := m[k]; !ok {
			return fmt.Errorf("no %q field", k)
		}
	}
	for k := range m {
		if !slices.Contains(required, k) && !slices.Contains(optional, k) {
			return fmt.Errorf("unknown field %q", k)
		}
	}
	return nil
}

// canonicalBase64 accepts the two alphabets DSSE allows, padded, with zero padding bits.
func canonicalBase64(s string) bool {
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding} {
		if _, err := enc.Strict().DecodeString(s); err == nil {
			return true
		}
	}
	return false
}

// CheckReport verifies that a report's digest is one of the statement's subjects.
func (s *Statement) CheckReport(name, sha string) (Subject, error) {
	for _, sub := range s.Subjects {
		if sub.SHA256 == sha {
			return sub, nil
		}
	}
	var names []string
	for _, sub := range s.Subjects {
		names = append(names, sub.Name)
	}
	return Subject{}, &VerifyError{fmt.Sprintf("%s (sha256 %s) is not a report this attestation covers (%s): it was changed, or belongs to another audit", name, sha, strings.Join(names, ", "))}
}

// CheckInput verifies that the file named name (slash-separated, as the audit was given it:
// "./m.yaml" and "m.yaml" are one name), with the given digest, is an input the audit
// recorded under that name with those bytes.
func (s *Statement) CheckInput(name, sha string) (Input, error) {
	var known bool
	for _, in := range s.Predicate.Inputs {
		if path.Clean(in.Name) != path.Clean(name) {
			continue
		}
		known = true
		if in.Digest["sha256"] == sha {
			return in, nil
		}
	}
	if known {
		return Input{}, &VerifyError{fmt.Sprintf("input %s (sha256 %s) is not the file the audit read: its bytes changed", name, sha)}
	}
	return Input{}, &VerifyError{fmt.Sprintf("%s is not an input of the attested audit", name)}
}
