package auditdiff

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/resilcheck/resilcheck/internal/audit"
)

// v is a violation; line and message vary freely in tests to show they do not matter.
func v(ptr, key string) audit.Violation {
	return audit.Violation{Pointer: ptr, Key: key, Message: "finding at " + ptr + " " + key}
}

func res(manifest, control string, st audit.Status, vs ...audit.Violation) audit.Result {
	return audit.Result{Manifest: manifest, Control: control, Status: st, Violations: vs}
}

// report builds a report with the catalogue ctl (id -> severity) and results; manifests are
// named by the results, all of provider "P" unless listed in providers.
func report(ctl map[string]audit.Severity, providers map[string]string, rs ...audit.Result) *audit.Report {
	r := &audit.Report{AsOf: "2026-11-22", Tool: audit.Tool{Name: "resilcheck", Version: "v1"}, Bundle: audit.Bundle{Digest: "sha256:a"}}
	for id, sev := range ctl {
		r.Controls = append(r.Controls, audit.Control{ID: id, Severity: sev, Title: audit.Text{En: id + " title"}})
	}
	seen := map[string]bool{}
	for _, x := range rs {
		r.Results = append(r.Results, x)
		r.Summary.Add(x.Status)
		if !seen[x.Manifest] {
			seen[x.Manifest] = true
			prov, ok := providers[x.Manifest]
			if !ok {
				prov = "P"
			}
			r.Manifests = append(r.Manifests, audit.Manifest{Name: x.Manifest, File: x.Manifest + ".yaml", Provider: prov})
		}
	}
	return r
}

var cat = map[string]audit.Severity{"C1": audit.SeverityHigh, "C2": audit.SeverityLow}

// brief renders a diff's entries as "manifest kind control from>to [pointer#key ...]" so a
// table can state the whole expected outcome in a few strings.
func brief(d *Diff) []string {
	var out []string
	for _, m := range d.Manifests {
		name := ""
		switch {
		case m.New != nil && m.Old != nil && m.Old.Name != m.New.Name:
			name = m.Old.Name + "=" + m.New.Name
		case m.New != nil:
			name = m.New.Name
		default:
			name = m.Old.Name
		}
		if m.Old == nil {
			out = append(out, name+" added")
		}
		if m.New == nil {
			out = append(out, name+" removed")
		}
		for _, e := range m.Entries {
			var fs []string
			for _, f := range e.Findings {
				fs = append(fs, f.Pointer+"#"+f.Key)
			}
			s := fmt.Sprintf("%s %s %s %s>%s %v", name, e.Kind, e.Control, e.From, e.To, fs)
			if e.Regression {
				s += " !"
			}
			out = append(out, s)
		}
	}
	return out
}

func TestCompareKinds(t *testing.T) {
	const (
		F = audit.StatusFail
		P = audit.StatusPass
		N = audit.StatusNotApplicable
		W = audit.StatusWaived
		E = audit.StatusError
	)
	for _, tc := range []struct {
		name      string
		old, new  []audit.Result
		want      []string
		regressed bool
	}{
		{
			name: "new finding where the control passed",
			old:  []audit.Result{res("m", "C1", P)},
			new:  []audit.Result{res("m", "C1", F, v("/a", ""))},
			want: []string{"m new C1 pass>fail [/a#] !"}, regressed: true,
		},
		{
			name: "fixed",
			old:  []audit.Result{res("m", "C1", F, v("/a", ""), v("/b", "k"))},
			new:  []audit.Result{res("m", "C1", P)},
			want: []string{"m fixed C1 fail>pass [/a# /b#k]"},
		},
		{
			name: "fixed because the control no longer applies",
			old:  []audit.Result{res("m", "C1", F, v("/a", ""))},
			new:  []audit.Result{{Manifest: "m", Control: "C1", Status: N, Reason: "below threshold"}},
			want: []string{"m fixed C1 fail>not_applicable [/a#]"},
		},
		{
			name: "still failing despite a new line and message",
			old:  []audit.Result{res("m", "C1", F, audit.Violation{Pointer: "/a", Key: "k", Message: "old words", Position: audit.Position{Line: 3}})},
			new:  []audit.Result{res("m", "C1", F, audit.Violation{Pointer: "/a", Key: "k", Message: "new words", Position: audit.Position{Line: 9}})},
			want: []string{"m still_failing C1 fail>fail [/a#k]"},
		},
		{
			name:      "same pointer, another key: one fixed, one new",
			old:       []audit.Result{res("m", "C1", F, v("/a", "2025"), v("/b", ""))},
			new:       []audit.Result{res("m", "C1", F, v("/a", "2026"), v("/b", ""))},
			want:      []string{"m new C1 fail>fail [/a#2026] !", "m fixed C1 fail>fail [/a#2025]", "m still_failing C1 fail>fail [/b#]"},
			regressed: true,
		},
		{
			name: "repeated identity counts each occurrence",
			old:  []audit.Result{res("m", "C1", F, v("/a", ""))},
			new:  []audit.Result{res("m", "C1", F, v("/a", ""), v("/a", ""))},
			want: []string{"m new C1 fail>fail [/a#] !", "m still_failing C1 fail>fail [/a#]"}, regressed: true,
		},
		{
			name: "newly waived",
			old:  []audit.Result{res("m", "C1", F, v("/a", ""))},
			new:  []audit.Result{res("m", "C1", W, v("/a", ""))},
			want: []string{"m newly_waived C1 fail>waived [/a#]"},
		},
		{
			name: "waived from the start is newly waived, not new",
			old:  []audit.Result{res("m", "C1", P)},
			new:  []audit.Result{res("m", "C1", W, v("/a", ""))},
			want: []string{"m newly_waived C1 pass>waived [/a#]"},
		},
		{
			name: "waiver expired",
			old:  []audit.Result{res("m", "C1", W, v("/a", ""))},
			new:  []audit.Result{res("m", "C1", F, v("/a", ""), v("/b", ""))},
			want: []string{"m new C1 waived>fail [/b#] !", "m waiver_expired C1 waived>fail [/a#] !"}, regressed: true,
		},
		{
			name: "still waived is not news",
			old:  []audit.Result{res("m", "C1", W, v("/a", ""))},
			new:  []audit.Result{res("m", "C1", W, v("/a", ""))},
		},
		{
			name: "waived finding fixed",
			old:  []audit.Result{res("m", "C1", W, v("/a", ""))},
			new:  []audit.Result{res("m", "C1", P)},
			want: []string{"m fixed C1 waived>pass [/a#]"},
		},
		{
			name: "pass to not applicable and back is a status change, not a regression",
			old:  []audit.Result{res("m", "C1", P), res("m", "C2", N)},
			new:  []audit.Result{res("m", "C1", N), res("m", "C2", P)},
			want: []string{"m status_changed C1 pass>not_applicable []", "m status_changed C2 not_applicable>pass []"},
		},
		{
			name: "newly in error regresses",
			old:  []audit.Result{res("m", "C1", P)},
			new:  []audit.Result{{Manifest: "m", Control: "C1", Status: E, Reason: "invalid manifest"}},
			want: []string{"m status_changed C1 pass>error [] !"}, regressed: true,
		},
		{
			name: "an error hides findings: they are not fixed",
			old:  []audit.Result{res("m", "C1", F, v("/a", ""))},
			new:  []audit.Result{res("m", "C1", E)},
			want: []string{"m status_changed C1 fail>error [] !"}, regressed: true,
		},
		{
			name: "failing after an error is a regression",
			old:  []audit.Result{res("m", "C1", E)},
			new:  []audit.Result{res("m", "C1", F, v("/a", ""))},
			want: []string{"m status_changed C1 error>fail [/a#] !"}, regressed: true,
		},
		{
			name: "out of error is not",
			old:  []audit.Result{res("m", "C1", E)},
			new:  []audit.Result{res("m", "C1", P)},
			want: []string{"m status_changed C1 error>pass []"},
		},
		{
			name: "a failure without violations can be fixed",
			old:  []audit.Result{{Manifest: "m", Control: "C1", Status: F, Reason: "no plan"}},
			new:  []audit.Result{res("m", "C1", P)},
			want: []string{"m fixed C1 fail>pass [#]"},
		},
		{
			name: "unchanged",
			old:  []audit.Result{res("m", "C1", F, v("/a", "")), res("m", "C2", P)},
			new:  []audit.Result{res("m", "C1", F, v("/a", "")), res("m", "C2", P)},
			want: []string{"m still_failing C1 fail>fail [/a#]"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Compare(report(cat, nil, tc.old...), report(cat, nil, tc.new...), Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := brief(d)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("entries:\n got %q\nwant %q", got, tc.want)
			}
			if d.Regressed != tc.regressed {
				t.Errorf("regressed = %v, want %v", d.Regressed, tc.regressed)
			}
		})
	}
}

func TestCompareBundleChanges(t *testing.T) {
	oldCat := map[string]audit.Severity{"KEEP": audit.SeverityLow, "GONE": audit.SeverityHigh, "GONEPASS": audit.SeverityHigh}
	newCat := map[string]audit.Severity{"KEEP": audit.SeverityCritical, "ADDED": audit.SeverityMedium, "ADDEDPASS": audit.SeverityMedium}
	old := report(oldCat, nil, res("m", "GONE", audit.StatusFail, v("/g", "")), res("m", "GONEPASS", audit.StatusPass), res("m", "KEEP", audit.StatusPass))
	new := report(newCat, nil, res("m", "ADDED", audit.StatusFail, v("/n", "")), res("m", "ADDEDPASS", audit.StatusPass), res("m", "KEEP", audit.StatusPass))
	new.Bundle.Digest = "sha256:b"
	d, err := Compare(old, new, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !d.BundleChanged {
		t.Error("BundleChanged is false for two digests")
	}
	var cc []string
	for _, c := range d.Controls {
		cc = append(cc, fmt.Sprintf("%s %s %s>%s", c.Kind, c.Control, c.OldSeverity, c.NewSeverity))
	}
	wantCC := []string{"added ADDED >medium", "added ADDEDPASS >medium", "removed GONE high>", "removed GONEPASS high>", "severity_changed KEEP low>critical"}
	if strings.Join(cc, "\n") != strings.Join(wantCC, "\n") {
		t.Errorf("controls:\n got %q\nwant %q", cc, wantCC)
	}
	// The removed control's finding is gone with the control, not fixed; the added
	// control's failure regresses; passes of either are left to the catalogue list.
	want := []string{"m control_added ADDED >fail [/n#] !", "m control_removed GONE fail> [/g#]"}
	if got := brief(d); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("entries:\n got %q\nwant %q", got, want)
	}
	if !d.Regressed {
		t.Error("a failing added control must regress")
	}
}

func TestPairing(t *testing.T) {
	pass := func(m string) audit.Result { return res(m, "C1", audit.StatusPass) }
	fail := func(m string) audit.Result { return res(m, "C1", audit.StatusFail, v("/x", "")) }
	for _, tc := range []struct {
		name           string
		old, new       []audit.Result
		oldProv, newPr map[string]string
		pairs          map[string]string
		want           []string
		err            string
	}{
		{
			name: "by name first",
			old:  []audit.Result{fail("a"), fail("b")},
			new:  []audit.Result{pass("a"), fail("b")},
			want: []string{"a fixed C1 fail>pass [/x#]", "b still_failing C1 fail>fail [/x#]"},
		},
		{
			name:    "by provider when one is left on each side",
			old:     []audit.Result{fail("before")},
			new:     []audit.Result{pass("after")},
			oldProv: map[string]string{"before": "Kakao"}, newPr: map[string]string{"after": "Kakao"},
			want: []string{"before=after fixed C1 fail>pass [/x#]"},
		},
		{
			name:    "not by provider when it is ambiguous",
			old:     []audit.Result{fail("x1"), fail("x2")},
			new:     []audit.Result{pass("y")},
			oldProv: map[string]string{"x1": "K", "x2": "K"}, newPr: map[string]string{"y": "K"},
			want: []string{"x1 removed", "x2 removed", "y added"},
		},
		{
			name:    "not by an empty provider",
			old:     []audit.Result{fail("x")},
			new:     []audit.Result{pass("y")},
			oldProv: map[string]string{"x": ""}, newPr: map[string]string{"y": ""},
			want: []string{"x removed", "y added"},
		},
		{
			name:  "--pair before names",
			old:   []audit.Result{fail("a"), fail("b")},
			new:   []audit.Result{pass("a"), pass("b")},
			pairs: map[string]string{"a": "b"},
			// b's old manifest then pairs with nothing named b and no one left of its
			// provider but a's new manifest: the one left on each side.
			want: []string{"b=a fixed C1 fail>pass [/x#]", "a=b fixed C1 fail>pass [/x#]"},
		},
		{
			name:  "added manifest that fails regresses",
			old:   []audit.Result{pass("a")},
			new:   []audit.Result{pass("a"), fail("z")},
			newPr: map[string]string{"z": "other"},
			want:  []string{"z added", "z new C1 >fail [/x#] !"},
		},
		{
			name:  "--pair with an unknown name",
			old:   []audit.Result{pass("a")},
			new:   []audit.Result{pass("a")},
			pairs: map[string]string{"a": "nope"},
			err:   `pair a=nope: the later report has no manifest named "nope"`,
		},
		{
			name:  "--pair onto one manifest twice",
			old:   []audit.Result{pass("a"), pass("b")},
			new:   []audit.Result{pass("c")},
			pairs: map[string]string{"a": "c", "b": "c"},
			err:   `pair b=c: "c" is already paired`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Compare(report(cat, tc.oldProv, tc.old...), report(cat, tc.newPr, tc.new...), Options{Pairs: tc.pairs})
			if tc.err != "" {
				if err == nil || err.Error() != tc.err {
					t.Fatalf("err = %v, want %s", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := brief(d); strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("entries:\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestCountsAndUnchanged(t *testing.T) {
	old := report(cat, map[string]string{"gone": "G"}, res("same", "C1", audit.StatusPass), res("gone", "C1", audit.StatusFail, v("/x", "")), res("m", "C1", audit.StatusFail, v("/x", "")))
	new := report(cat, nil, res("same", "C1", audit.StatusPass), res("m", "C1", audit.StatusPass))
	d, err := Compare(old, new, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := Counts{Fixed: 1, ManifestsRemoved: 1, ManifestsUnchanged: 1}
	if d.Counts != want {
		t.Errorf("counts = %+v, want %+v", d.Counts, want)
	}
	if d.Regressed {
		t.Error("a removed manifest is not a regression")
	}
}

// TestDeterministic: the order of a report's arrays and of map iteration must not show in
// the output.
func TestDeterministic(t *testing.T) {
	mk := func(seed int64) ([]byte, []byte) {
		old := report(cat, nil,
			res("a", "C1", audit.StatusFail, v("/1", ""), v("/2", "k"), v("/3", "")), res("a", "C2", audit.StatusPass),
			res("b", "C1", audit.StatusWaived, v("/1", "")), res("b", "C2", audit.StatusFail, v("/9", "")),
			res("c", "C1", audit.StatusPass))
		new := report(cat, map[string]string{"d": "Q"},
			res("a", "C1", audit.StatusFail, v("/3", ""), v("/4", ""), v("/2", "j")), res("a", "C2", audit.StatusNotApplicable),
			res("b", "C1", audit.StatusFail, v("/1", "")), res("b", "C2", audit.StatusWaived, v("/9", "")),
			res("d", "C1", audit.StatusFail, v("/0", "")))
		rng := rand.New(rand.NewSource(seed))
		for _, r := range []*audit.Report{old, new} {
			rng.Shuffle(len(r.Results), func(i, j int) { r.Results[i], r.Results[j] = r.Results[j], r.Results[i] })
			rng.Shuffle(len(r.Manifests), func(i, j int) { r.Manifests[i], r.Manifests[j] = r.Manifests[j], r.Manifests[i] })
			rng.Shuffle(len(r.Controls), func(i, j int) { r.Controls[i], r.Controls[j] = r.Controls[j], r.Controls[i] })
			for i := range r.Results {
				vs := r.Results[i].Violations
				rng.Shuffle(len(vs), func(i, j int) { vs[i], vs[j] = vs[j], vs[i] })
			}
		}
		d, err := Compare(old, new, Options{})
		if err != nil {
			t.Fatal(err)
		}
		js, _ := json.Marshal(d)
		var txt bytes.Buffer
		if err := Render(&txt, d, "text", "en"); err != nil {
			t.Fatal(err)
		}
		return js, txt.Bytes()
	}
	js0, txt0 := mk(0)
	for seed := int64(1); seed < 20; seed++ {
		js, txt := mk(seed)
		if !bytes.Equal(js, js0) || !bytes.Equal(txt, txt0) {
			t.Fatalf("seed %d changed the output:\n%s\nvs\n%s", seed, txt, txt0)
		}
	}
}

func TestTexts(t *testing.T) {
	for k, s := range texts {
		if strings.TrimSpace(s[0]) == "" || strings.TrimSpace(s[1]) == "" {
			t.Errorf("%s lacks a translation: %q", k, s)
		}
		if strings.Count(s[0], "%") != strings.Count(s[1], "%") {
			t.Errorf("%s: English and Korean take different arguments: %q", k, s)
		}
	}
	var need []string
	for _, k := range Kinds {
		need = append(need, "kind."+string(k))
	}
	for _, s := range audit.Statuses {
		need = append(need, "status."+string(s))
	}
	for _, s := range audit.Severities {
		need = append(need, "severity."+string(s))
	}
	for _, p := range []string{PairedByFlag, PairedByName, PairedByProvider} {
		need = append(need, "paired."+p)
	}
	for _, c := range []string{ControlAdded, ControlRemoved, ControlSeverityChanged} {
		need = append(need, "control."+c)
	}
	for _, k := range need {
		if _, ok := texts[k]; !ok {
			t.Errorf("no text for %s", k)
		}
	}
}

func TestRenderUnknownFormat(t *testing.T) {
	d, err := Compare(report(cat, nil), report(cat, nil), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := Render(&bytes.Buffer{}, d, "xml", "en"); err == nil {
		t.Error("an unknown format must be an error")
	}
}

// TestRenderEscapes: names and messages come from the inputs; a terminal escape or
// Markdown link in them must come out inert.
func TestRenderEscapes(t *testing.T) {
	old := report(cat, nil, res("m", "C1", audit.StatusPass))
	new := report(cat, nil, res("m", "C1", audit.StatusFail, audit.Violation{Pointer: "/a", Message: "\x1b[31mred [x](http://e)"}))
	d, err := Compare(old, new, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"text", "markdown"} {
		var b bytes.Buffer
		if err := Render(&b, d, f, "en"); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(b.String(), "\x1b") {
			t.Errorf("%s: raw ESC in output", f)
		}
		if f == "markdown" && strings.Contains(b.String(), "[x](") {
			t.Errorf("markdown: link not escaped:\n%s", b.String())
		}
	}
}
