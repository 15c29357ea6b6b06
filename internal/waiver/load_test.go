package waiver

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/resilcheck/resilcheck/internal/manifest"
)

func write(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "waivers.yaml")
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// validWaivers is TestLoad's file; FuzzWaiverLoad starts from it too.
const validWaivers = `apiVersion: resilcheck/v1
kind: WaiverSet
waivers:
  - control: KR-NETACT-46-ZONE-ISOLATION
    manifest: skcc-*
    reason: zone switchgear is on order, interim fire watch in the B3 room
    approvedBy: CISO
    expires: "2027-03-31"
`

func TestLoad(t *testing.T) {
	p := write(t, validWaivers)
	set, err := Load(p, manifest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Waivers) != 1 {
		t.Fatalf("got %d waivers, want 1", len(set.Waivers))
	}
	w := set.Waivers[0]
	if w.Control != "KR-NETACT-46-ZONE-ISOLATION" || w.Manifest != "skcc-*" || w.Expires != "2027-03-31" || w.ApprovedBy != "CISO" {
		t.Errorf("decoded %+v", w)
	}
	if w.At.Line != 4 || w.At.Column != 5 {
		t.Errorf("position %d:%d, want 4:5 (the waiver's first key)", w.At.Line, w.At.Column)
	}
}

// rejected are waiver files Load must refuse, with what the error must say. FuzzWaiverLoad
// starts from them too.
var rejected = []struct {
	name string
	body string
	want []string
}{
	{
		name: "missing expiry and approver",
		body: "apiVersion: resilcheck/v1\nkind: WaiverSet\nwaivers:\n  - control: KR-X\n    reason: because we said so\n",
		want: []string{`:4:5: /waivers/0: missing required field "approvedBy"`, `missing required field "expires"`},
	},
	{
		name: "impossible expiry date",
		body: "apiVersion: resilcheck/v1\nkind: WaiverSet\nwaivers:\n  - control: KR-X\n    reason: because we said so\n    approvedBy: CISO\n    expires: \"2027-02-30\"\n",
		want: []string{`:7:14: /waivers/0/expires: "2027-02-30" is not a valid date (YYYY-MM-DD): day out of range`},
	},
	{
		name: "not a mapping, said of a waiver file",
		body: "- control: KR-X\n",
		want: []string{":1:1: a waiver file must be a mapping of fields at the top level, not a list"},
	},
	{
		name: "unknown field",
		body: "apiVersion: resilcheck/v1\nkind: WaiverSet\nwaivers:\n  - control: KR-X\n    reason: because we said so\n    approvedBy: CISO\n    expires: \"2027-01-01\"\n    expiry: soon\n",
		want: []string{`unknown field "expiry"`},
	},
	{
		name: "malformed manifest glob",
		body: "apiVersion: resilcheck/v1\nkind: WaiverSet\nwaivers:\n  - control: KR-X\n    manifest: \"kakao-[\"\n    reason: because we said so\n    approvedBy: CISO\n    expires: \"2027-01-01\"\n",
		want: []string{`:5:15: /waivers/0/manifest: manifest "kakao-[" is not a valid glob pattern`},
	},
	{
		name: "whitespace-only reason",
		body: "apiVersion: resilcheck/v1\nkind: WaiverSet\nwaivers:\n  - control: KR-X\n    reason: \"            \"\n    approvedBy: CISO\n    expires: \"2027-01-01\"\n",
		want: []string{`:5:13: /waivers/0/reason: reason is blank`},
	},
	{
		// Ideographic spaces are what a Korean keyboard types for a space in full-width mode.
		name: "approver of ideographic spaces, tabs and a line break",
		body: "apiVersion: resilcheck/v1\nkind: WaiverSet\nwaivers:\n  - control: KR-X\n    reason: because we said so\n    approvedBy: \"\u3000\\t\\n\u3000\"\n    expires: \"2027-01-01\"\n",
		want: []string{`:6:17: /waivers/0/approvedBy: approvedBy is blank`},
	},
	{
		// The Hangul filler is a letter to Unicode, but shows nothing.
		name: "approver of invisible characters",
		body: "apiVersion: resilcheck/v1\nkind: WaiverSet\nwaivers:\n  - control: KR-X\n    reason: because we said so\n    approvedBy: \"\u3164\u200b\ufeff\"\n    expires: \"2027-01-01\"\n",
		want: []string{`:6:17: /waivers/0/approvedBy: approvedBy is blank`},
	},
	{
		name: "every blank field of every waiver is reported",
		body: "apiVersion: resilcheck/v1\nkind: WaiverSet\nwaivers:\n  - control: KR-X\n    reason: because we said so\n    approvedBy: \" \"\n    expires: \"2027-01-01\"\n  - {control: KR-Y, reason: \"\\t\\t\\t\\t\\t\\t\\t\\t\\t\\t\", approvedBy: CISO, expires: \"2027-01-01\"}\n",
		want: []string{`:6:17: /waivers/0/approvedBy: approvedBy is blank`, `:8:29: /waivers/1/reason: reason is blank`},
	},
	{
		name: "syntax error",
		body: "waivers: [\n",
		want: []string{"waivers.yaml:1:1: invalid YAML: did not find expected node content"},
	},
}

func TestLoadRejects(t *testing.T) {
	for _, tt := range rejected {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(write(t, tt.body), manifest.Options{})
			var pe *ProblemsError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want a ProblemsError", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

func TestLoadDirectory(t *testing.T) {
	dir := filepath.Dir(write(t, "apiVersion: resilcheck/v1\nkind: WaiverSet\nwaivers: []\n"))
	_, err := Load(dir, manifest.Options{})
	var pe *ProblemsError
	if !errors.As(err, &pe) || !strings.Contains(err.Error(), "is a directory") {
		t.Fatalf("err = %v, want a ProblemsError saying it is a directory", err)
	}
}

// TestLoadTestdata: the example files the fuzz target starts from stay valid.
func TestLoadTestdata(t *testing.T) {
	for _, f := range []string{"testdata/waivers.yaml", "testdata/waivers.json"} {
		set, err := Load(f, manifest.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(set.Waivers) == 0 {
			t.Fatalf("%s: no waivers", f)
		}
	}
}
