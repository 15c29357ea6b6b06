package attest

import (
	"bytes"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/resilcheck/resilcheck/internal/audit"
)

func testPredicate() Predicate {
	return Predicate{
		AsOf:    "2026-11-22",
		Tool:    audit.Tool{Name: "resilcheck", Version: "v1.2.3", OPAVersion: "1.22.2", GoVersion: "go1.26.8"},
		Bundle:  audit.Bundle{Digest: "sha256:" + strings.Repeat("ab", 32)},
		Command: []string{"resilcheck", "check", "--attest", "a.json", "m.yaml"},
		Inputs: []Input{
			{Kind: KindManifest, Name: "m.yaml", Digest: map[string]string{"sha256": strings.Repeat("01", 32)}},
			{Kind: KindWaivers, Name: "w.yaml", Digest: map[string]string{"sha256": strings.Repeat("02", 32)}},
			{Kind: KindData, Name: "d.json", Digest: map[string]string{"sha256": strings.Repeat("03", 32)}},
		},
		ExitCode: 1,
	}
}

func keyPair(t *testing.T, alg Algorithm) (*Signer, *Verifier) {
	t.Helper()
	privPEM, pubPEM, err := GenerateKey(alg, rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := ParsePrivateKey(privPEM)
	if err != nil {
		t.Fatal(err)
	}
	v, err := ParsePublicKey(pubPEM)
	if err != nil {
		t.Fatal(err)
	}
	return s, v
}

var reportSHA = strings.Repeat("cd", 32)

func signed(t *testing.T, s *Signer) []byte {
	t.Helper()
	env, err := Sign(t.Context(), s, []Subject{{Name: "out.json", SHA256: reportSHA}, {Name: "out.sarif", SHA256: strings.Repeat("ef", 32)}}, testPredicate())
	if err != nil {
		t.Fatal(err)
	}
	return env
}

func TestRoundTrip(t *testing.T) {
	for _, alg := range Algorithms() {
		t.Run(string(alg), func(t *testing.T) {
			s, v := keyPair(t, alg)
			env := signed(t, s)
			if again := signed(t, s); !bytes.Equal(env, again) {
				t.Errorf("signing the same audit twice gave different bytes:\n%s\n%s", env, again)
			}
			st, err := Verify(t.Context(), v, env)
			if err != nil {
				t.Fatal(err)
			}
			got, _ := json.Marshal(st.Predicate)
			want, _ := json.Marshal(testPredicate())
			if !bytes.Equal(got, want) {
				t.Errorf("predicate after the round trip:\n%s\nwant\n%s", got, want)
			}
			if sub, err := st.CheckReport("r.json", reportSHA); err != nil || sub.Name != "out.json" {
				t.Errorf("CheckReport = %v, %v", sub, err)
			}
			if _, err := st.CheckInput("w.yaml", strings.Repeat("02", 32)); err != nil {
				t.Errorf("CheckInput(waivers) = %v", err)
			}
			if _, err := st.CheckInput("d.json", strings.Repeat("03", 32)); err != nil {
				t.Errorf("CheckInput(data) = %v", err)
			}
		})
	}
}

// The statement is the in-toto v1 one cosign reads: these are the fields it looks at.
func TestStatementShape(t *testing.T) {
	s, _ := keyPair(t, ECDSAP256)
	var env struct {
		PayloadType string `json:"payloadType"`
		Payload     string `json:"payload"`
		Signatures  []struct {
			KeyID string `json:"keyid"`
			Sig   string `json:"sig"`
		} `json:"signatures"`
	}
	if err := json.Unmarshal(signed(t, s), &env); err != nil {
		t.Fatal(err)
	}
	if env.PayloadType != "application/vnd.in-toto+json" || len(env.Signatures) != 1 || env.Signatures[0].KeyID != "" {
		t.Fatalf("envelope = %+v", env)
	}
	payload, err := base64.StdEncoding.DecodeString(env.Payload)
	if err != nil {
		t.Fatal(err)
	}
	var st struct {
		Type    string `json:"_type"`
		Subject []struct {
			Name   string            `json:"name"`
			Digest map[string]string `json:"digest"`
		} `json:"subject"`
		PredicateType string         `json:"predicateType"`
		Predicate     map[string]any `json:"predicate"`
	}
	if err := json.Unmarshal(payload, &st); err != nil {
		t.Fatal(err)
	}
	if st.Type != "https://in-toto.io/Statement/v1" || st.PredicateType != PredicateType ||
		len(st.Subject) != 2 || st.Subject[0].Name != "out.json" || st.Subject[0].Digest["sha256"] != reportSHA ||
		st.Predicate["as_of"] != "2026-11-22" {
		t.Errorf("statement = %s", payload)
	}
}

func TestTampering(t *testing.T) {
	for _, alg := range Algorithms() {
		t.Run(string(alg), func(t *testing.T) {
			s, v := keyPair(t, alg)
			env := signed(t, s)

			// Every byte of the envelope, changed in its lowest bit, fails: as malformed or as
			// a signature that does not verify, never as a pass.
			for i := range env {
				b := bytes.Clone(env)
				b[i] ^= 1
				_, err := Verify(t.Context(), v, b)
				var me *MalformedError
				var ve *VerifyError
				if !errors.As(err, &me) && !errors.As(err, &ve) {
					t.Fatalf("byte %d (%q→%q) changed: Verify = %v", i, env[i], b[i], err)
				}
			}

			var e map[string]any
			if err := json.Unmarshal(env, &e); err != nil {
				t.Fatal(err)
			}
			reencode := func(mut func(map[string]any)) []byte {
				var c map[string]any
				_ = json.Unmarshal(env, &c)
				mut(c)
				b, _ := json.Marshal(c)
				return b
			}
			payload, _ := base64.StdEncoding.DecodeString(e["payload"].(string))
			otherKey, _ := keyPair(t, alg)
			otherEnv := signed(t, otherKey)
			var oe map[string]any
			_ = json.Unmarshal(otherEnv, &oe)

			verifyFails := map[string][]byte{
				"payload type": reencode(func(c map[string]any) { c["payloadType"] = "application/json" }),
				"payload": reencode(func(c map[string]any) {
					c["payload"] = base64.StdEncoding.EncodeToString(bytes.Replace(payload, []byte("2026-11-22"), []byte("2026-11-23"), 1))
				}),
				"signature of another key": reencode(func(c map[string]any) { c["signatures"] = oe["signatures"] }),
				"another key's envelope":   otherEnv,
				"key id of another key": reencode(func(c map[string]any) {
					c["signatures"].([]any)[0].(map[string]any)["keyid"] = "SHA256:not-this-key"
				}),
			}
			for name, b := range verifyFails {
				var ve *VerifyError
				if _, err := Verify(t.Context(), v, b); !errors.As(err, &ve) {
					t.Errorf("%s: Verify = %v, want a *VerifyError", name, err)
				}
			}

			malformed := map[string][]byte{
				"empty":           nil,
				"not JSON":        []byte("{"),
				"array":           []byte("[]"),
				"trailing data":   append(bytes.TrimSpace(bytes.Clone(env)), []byte(" {}")...),
				"no signatures":   reencode(func(c map[string]any) { c["signatures"] = []any{} }),
				"unknown field":   reencode(func(c map[string]any) { c["extra"] = 1 }),
				"case of a field": bytes.Replace(env, []byte(`"payloadType"`), []byte(`"PayloadType"`), 1),
				"payload base64":  reencode(func(c map[string]any) { c["payload"] = "!!!" }),
				"payload not a statement": reencode(func(c map[string]any) {
					c["payload"] = base64.StdEncoding.EncodeToString([]byte("not json"))
				}),
			}
			for name, b := range malformed {
				var me *MalformedError
				_, err := Verify(t.Context(), v, b)
				if name == "payload not a statement" {
					// Its signature no longer matches: that is found first.
					var ve *VerifyError
					if !errors.As(err, &ve) {
						t.Errorf("%s: Verify = %v, want a *VerifyError", name, err)
					}
					continue
				}
				if !errors.As(err, &me) {
					t.Errorf("%s: Verify = %v, want a *MalformedError", name, err)
				}
			}
		})
	}
}

// A statement that is signed but is not in-toto, or is of another predicate, is refused
// after its signature verified.
func TestSignedButNotOurs(t *testing.T) {
	s, v := keyPair(t, Ed25519)
	sign := func(payloadType string, payload []byte) []byte {
		pae := []byte("DSSEv1 " + itoa(len(payloadType)) + " " + payloadType + " " + itoa(len(payload)) + " ")
		pae = append(pae, payload...)
		sig, err := s.Sign(t.Context(), pae)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(map[string]any{"payloadType": payloadType, "payload": base64.StdEncoding.EncodeToString(payload),
			"signatures": []any{map[string]string{"keyid": "", "sig": base64.StdEncoding.EncodeToString(sig)}}})
		return b
	}
	stmt := `{"_type":"https://in-toto.io/Statement/v1","subject":[{"name":"r","digest":{"sha256":"` + reportSHA + `"}}],"predicateType":"%s","predicate":{}}`
	cases := map[string]struct {
		env       []byte
		malformed bool
	}{
		"other payload type":   {sign("application/json", []byte(strings.Replace(stmt, "%s", PredicateType, 1))), false},
		"other predicate type": {sign(PayloadType, []byte(strings.Replace(stmt, "%s", "https://slsa.dev/provenance/v1", 1))), false},
		"not a statement":      {sign(PayloadType, []byte(`{"hello":1}`)), true},
		"no subject":           {sign(PayloadType, []byte(`{"_type":"https://in-toto.io/Statement/v1","subject":[],"predicateType":"x","predicate":{}}`)), true},
	}
	cases["unknown statement type"] = struct {
		env       []byte
		malformed bool
	}{sign(PayloadType, []byte(strings.Replace(strings.Replace(stmt, "%s", PredicateType, 1), "Statement/v1", "Statement/v9", 1))), true}
	// cosign attest-blob writes Statement v0.1: same fields, accepted.
	if st, err := Verify(t.Context(), v, sign(PayloadType, []byte(strings.Replace(strings.Replace(stmt, "%s", PredicateType, 1), "Statement/v1", "Statement/v0.1", 1)))); err != nil || len(st.Subjects) != 1 {
		t.Errorf("Statement v0.1: %v", err)
	}
	for name, c := range cases {
		_, err := Verify(t.Context(), v, c.env)
		var me *MalformedError
		var ve *VerifyError
		if c.malformed && !errors.As(err, &me) || !c.malformed && !errors.As(err, &ve) {
			t.Errorf("%s: Verify = %T %v", name, err, err)
		}
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestCheckReportAndInputs(t *testing.T) {
	s, v := keyPair(t, ECDSAP256)
	st, err := Verify(t.Context(), v, signed(t, s))
	if err != nil {
		t.Fatal(err)
	}
	var ve *VerifyError
	if _, err := st.CheckReport("r.json", strings.Repeat("00", 32)); !errors.As(err, &ve) || !strings.Contains(err.Error(), "out.json, out.sarif") {
		t.Errorf("changed report: %v", err)
	}
	if _, err := st.CheckInput("m.yaml", strings.Repeat("00", 32)); !errors.As(err, &ve) || !strings.Contains(err.Error(), "bytes changed") {
		t.Errorf("changed input: %v", err)
	}
	if _, err := st.CheckInput("other.yaml", strings.Repeat("01", 32)); !errors.As(err, &ve) || !strings.Contains(err.Error(), "not an input") {
		t.Errorf("unknown input: %v", err)
	}
}

func TestKeys(t *testing.T) {
	_, pubEd, _ := GenerateKey(Ed25519, rand.Reader)
	privEC, pubEC, _ := GenerateKey(ECDSAP256, rand.Reader)
	if !bytes.HasPrefix(privEC, []byte("-----BEGIN PRIVATE KEY-----\n")) || !bytes.HasPrefix(pubEC, []byte("-----BEGIN PUBLIC KEY-----\n")) {
		t.Errorf("keygen PEM:\n%s\n%s", privEC, pubEC)
	}
	// An ECDSA public key does not verify an ed25519 signature, and vice versa.
	sEd, _ := keyPair(t, Ed25519)
	vEC, _ := ParsePublicKey(pubEC)
	var ve *VerifyError
	if _, err := Verify(t.Context(), vEC, signed(t, sEd)); !errors.As(err, &ve) {
		t.Errorf("ed25519 envelope, ECDSA key: %v", err)
	}
	bad := map[string][]byte{
		"not PEM":            []byte("hello"),
		"public as private":  pubEd,
		"encrypted (cosign)": []byte("-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED SIGSTORE PRIVATE KEY-----\n"),
		"garbage DER":        []byte("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"),
	}
	for name, b := range bad {
		var ke *KeyError
		if _, err := ParsePrivateKey(b); !errors.As(err, &ke) {
			t.Errorf("private %s: %v", name, err)
		}
	}
	for name, b := range map[string][]byte{"not PEM": []byte("x"), "private as public": privEC} {
		var ke *KeyError
		if _, err := ParsePublicKey(b); !errors.As(err, &ke) {
			t.Errorf("public %s: %v", name, err)
		}
	}
	if _, _, err := GenerateKey("rsa", rand.Reader); err == nil {
		t.Error("GenerateKey(rsa) succeeded")
	}
}
