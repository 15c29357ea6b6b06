package check

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/resilcheck/resilcheck/internal/audit"
)

// minimalWith is minimal.yaml with its name and one text replaced.
func minimalWith(t *testing.T, name, old, new string) string {
	t.Helper()
	b, err := os.ReadFile(minimal)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(b), "name: example-minimal", "name: "+name, 1)
	if old != "" {
		if !strings.Contains(s, old) {
			t.Fatalf("minimal.yaml lacks %q", old)
		}
		s = strings.Replace(s, old, new, 1)
	}
	return s
}

// statuses maps control -> status for one manifest.
func statuses(r *audit.Report, manifest string) map[string]audit.Status {
	out := map[string]audit.Status{}
	for _, res := range r.Results {
		if res.Manifest == manifest {
			out[res.Control] = res.Status
		}
	}
	return out
}

const incidentStart = "startedAt: 2025-03-02T09:10:00+09:00"

// A timestamp is judged as the instant it names whatever RFC 3339 spelling it uses (the
// policies read it with Go's time.Parse, which takes neither lower-case t and z nor second
// 60), and one the policies cannot compute with is refused instead of silently skipped.
func TestTimestampsReachThePolicies(t *testing.T) {
	dir := t.TempDir()
	const asOf = "2025-12-31"
	ref := run(t, Options{Paths: []string{writeFile(t, dir, "ref.yaml", minimalWith(t, "ref", "", ""))}, AsOf: asOf})
	want := statuses(ref, "ref")
	if want["KR-BCDA-38-REPORT"] != audit.StatusFail {
		t.Fatalf("reference: KR-BCDA-38-REPORT = %s, want fail (the test relies on it)", want["KR-BCDA-38-REPORT"])
	}

	t.Run("lower-case t and z", func(t *testing.T) {
		p := writeFile(t, dir, "lower.yaml", minimalWith(t, "lower", incidentStart, `startedAt: "2025-03-02t00:10:00z"`))
		r := run(t, Options{Paths: []string{p}, AsOf: asOf})
		if got := statuses(r, "lower"); !reflect.DeepEqual(got, want) {
			t.Errorf("statuses differ from the same instant written 2025-03-02T09:10:00+09:00:\n got %v\nwant %v\nproblems %v", got, want, r.Manifests[0].Problems)
		}
	})

	t.Run("leap second", func(t *testing.T) {
		// The incident starts at the leap second and is restored a second later: judged as
		// the last instant before 2017-01-01T00:00:00Z, exactly as if written so.
		leap := minimalWith(t, "leap", incidentStart, `startedAt: "2016-12-31T23:59:60Z"`)
		leap = strings.Replace(leap, "restoredAt: 2025-03-02T11:40:00+09:00", `restoredAt: "2017-01-01T09:00:00+09:00"`, 1)
		leap = strings.Replace(leap, `{at: "2025-03-02T10:00:00+09:00", kind: initial}`, `{at: "2017-01-01T08:59:60+09:00", kind: initial}`, 1)
		same := strings.NewReplacer("name: leap", "name: same", "23:59:60Z", "23:59:59.999999999Z", "08:59:60+09:00", "08:59:59.999999999+09:00").Replace(leap)
		r := run(t, Options{Paths: []string{writeFile(t, dir, "leap.yaml", leap), writeFile(t, dir, "same.yaml", same)}, AsOf: asOf})
		for _, m := range r.Manifests {
			if len(m.Problems) > 0 {
				t.Fatalf("%s: %v", m.Name, m.Problems)
			}
		}
		got, ref := statuses(r, "leap"), statuses(r, "same")
		if len(got) == 0 || !reflect.DeepEqual(got, ref) {
			t.Errorf("leap second judged differently from its last nanosecond:\n got %v\nwant %v", got, ref)
		}
		for c, s := range got {
			if s == audit.StatusError {
				t.Errorf("%s is an error", c)
			}
		}
	})

	t.Run("a year the policies cannot compute with is refused", func(t *testing.T) {
		// Before, 1500-03-02 passed validation, time.parse_rfc3339_ns failed inside the
		// policies and the incident-report control passed: it failed open.
		p := writeFile(t, dir, "old.yaml", minimalWith(t, "old", incidentStart, `startedAt: "1500-03-02T09:10:00+09:00"`))
		r := run(t, Options{Paths: []string{p}, AsOf: asOf})
		res := find(t, r, "old", "KR-BCDA-38-REPORT")
		if res.Status != audit.StatusError || len(r.Manifests) != 1 || len(r.Manifests[0].Problems) == 0 ||
			!strings.Contains(r.Manifests[0].Problems[0].Message, "outside the years") || r.Manifests[0].Problems[0].Line == 0 {
			t.Fatalf("result %+v, manifest %+v", res, r.Manifests)
		}
	})
}

// A syntax error in a YAML stream: the documents before it are judged, the file's problem
// says the documents after it were not read, and the run has problems (exit 2).
func TestStreamWithASyntaxError(t *testing.T) {
	dir := t.TempDir()
	stream := minimalWith(t, "one", "", "") + "---\napiVersion: [\n---\n" + minimalWith(t, "three", "", "")
	p := writeFile(t, dir, "stream.yaml", stream)
	r := run(t, Options{Paths: []string{p}, AsOf: "2025-12-31"})
	if !HasProblems(r) {
		t.Fatal("HasProblems = false")
	}
	one := statuses(r, "one")
	if len(one) != len(r.Controls) || one["KR-BCDA-38-REPORT"] != audit.StatusFail {
		t.Errorf("the document before the error is not judged: %v", one)
	}
	if three := statuses(r, "three"); len(three) != 0 {
		t.Errorf("a document after the error was judged: %v", three)
	}
	var msgs []string
	for _, m := range r.Manifests {
		for _, pr := range m.Problems {
			msgs = append(msgs, pr.Message)
		}
	}
	if len(msgs) != 1 || !strings.HasSuffix(msgs[0], "; the document after it in this file (from line 70) was not read") {
		t.Errorf("problems = %q", msgs)
	}
}
