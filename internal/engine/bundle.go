package engine

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"maps"
	"net/url"
	"path"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/resilcheck/resilcheck/internal/audit"
	"github.com/resilcheck/resilcheck/internal/parallel"
	"github.com/resilcheck/resilcheck/policies"
)

// ControlsPrefix is the package path every control lives under.
const ControlsPrefix = "data.resilcheck.controls."

// PolicySource is one tree of Rego files: the embedded built-ins or a --policy directory.
type PolicySource struct {
	// Name is the prefix file names are reported with (e.g. "policies" or the directory as
	// the user typed it), so errors point at a path the user recognises.
	Name string
	FS   fs.FS
	// Custom marks controls from this source as user-supplied in reports.
	Custom bool
}

// Builtin is the embedded policy bundle.
func Builtin() PolicySource { return PolicySource{Name: "policies", FS: policies.FS} }

// BuiltinDigest is the digest a report records for the built-in bundle run without --data
// files or custom policies: what `resilcheck version` prints, so an auditor can tell which
// rules a binary carries before running it.
func BuiltinDigest() (string, error) {
	files, err := listSources([]PolicySource{Builtin()}, false)
	if err != nil {
		return "", err
	}
	return sourceDigest(files, nil)
}

// File is one source file of the bundle, kept for the digest, the test runner and explain.
type File struct {
	Name    string // display path, slash-separated
	Key     string // path within its source, prefixed "policies/" or "custom/": what the digest hashes
	Content []byte
	Test    bool // a _test.rego file: run by `resilcheck test`, never evaluated
	Custom  bool
}

// Problem is one defect in the policy bundle, located as precisely as the parser allows.
type Problem struct {
	File    string
	Line    int
	Message string
}

func (p Problem) String() string {
	switch {
	case p.File == "":
		return p.Message
	case p.Line > 0:
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Message)
	default:
		return p.File + ": " + p.Message
	}
}

// BundleError means the policy bundle cannot be used: a parse or compile error, a control
// without complete metadata, a duplicate id, or a call to a builtin the sandbox forbids.
// The CLI maps it to exit status 3.
type BundleError struct{ Problems []Problem }

func (e *BundleError) Error() string {
	var b strings.Builder
	b.WriteString("broken policy bundle")
	if len(e.Problems) == 1 {
		b.WriteString(": ")
		b.WriteString(e.Problems[0].String())
		return b.String()
	}
	fmt.Fprintf(&b, " (%d problems):", len(e.Problems))
	for _, p := range e.Problems {
		b.WriteString("\n  ")
		b.WriteString(p.String())
	}
	return b.String()
}

// readSources reads every .rego file of every source, in a stable order; the _test.rego
// files only when withTests is set. Judging never reads them, and they are half the
// bundle's bytes: a one-manifest run copied them out of the binary for nothing.
func readSources(srcs []PolicySource, withTests bool) ([]File, error) {
	list, err := listSources(srcs, withTests)
	if err != nil {
		return nil, err
	}
	files := make([]File, len(list))
	for i, sf := range list {
		b, err := fs.ReadFile(sf.fsys, sf.path)
		if err != nil {
			return nil, &BundleError{Problems: []Problem{{File: sf.src, Message: "read policies: " + err.Error()}}}
		}
		files[i] = sf.File
		files[i].Content = b
	}
	return files, nil
}

// sourceFile is a file of a policy source, found but not read: a run of the prebuilt
// bundle hashes the files and needs their contents only if it compiles them.
type sourceFile struct {
	File        // without Content
	fsys fs.FS  // where it is
	path string // its path in fsys
	src  string // the source's name
}

// listSources finds the files readSources reads, in the same order.
func listSources(srcs []PolicySource, withTests bool) ([]sourceFile, error) {
	var files []sourceFile
	for _, src := range srcs {
		err := fs.WalkDir(src.FS, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || !strings.HasSuffix(p, ".rego") || (!withTests && strings.HasSuffix(p, "_test.rego")) {
				return nil
			}
			root := "policies"
			if src.Custom {
				root = "custom"
			}
			files = append(files, sourceFile{
				File: File{
					Name:   path.Join(src.Name, p),
					Key:    path.Join(root, p),
					Test:   strings.HasSuffix(p, "_test.rego"),
					Custom: src.Custom,
				},
				fsys: src.FS,
				path: p,
				src:  src.Name,
			})
			return nil
		})
		if err != nil {
			return nil, &BundleError{Problems: []Problem{{File: src.Name, Message: "read policies: " + err.Error()}}}
		}
	}
	sort.SliceStable(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	return files, nil
}

// sourceDigest is digest of the files listed, read straight into the hash.
func sourceDigest(files []sourceFile, data []DataFile) (string, error) {
	type entry struct {
		name string
		file *sourceFile
		data []byte
	}
	all := make([]entry, 0, len(files)+len(data))
	for i := range files {
		if !files[i].Test {
			all = append(all, entry{name: files[i].Key, file: &files[i]})
		}
	}
	for _, d := range data {
		all = append(all, entry{name: "data/" + path.Base(d.Name), data: d.Content})
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].name < all[j].name })
	h := sha256.New()
	buf := make([]byte, 32<<10)
	for _, e := range all {
		if e.file == nil {
			fmt.Fprintf(h, "%s\x00%d\x00", e.name, len(e.data))
			h.Write(e.data)
			continue
		}
		if err := hashFile(h, buf, e.name, e.file.fsys, e.file.path); err != nil {
			return "", err
		}
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil)), nil
}

// hashFile writes a file to h as digest does: its name, its length, its bytes.
func hashFile(h hash.Hash, buf []byte, name string, fsys fs.FS, p string) error {
	f, err := fsys.Open(p)
	if err != nil {
		return err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	fmt.Fprintf(h, "%s\x00%d\x00", name, fi.Size())
	n, err := io.CopyBuffer(h, onlyReader{f}, buf)
	if err == nil && n != fi.Size() {
		err = fmt.Errorf("%s: read %d bytes of %d", p, n, fi.Size())
	}
	return err
}

// onlyReader hides everything but Read, so io.CopyBuffer uses the buffer it is given.
type onlyReader struct{ r io.Reader }

func (o onlyReader) Read(p []byte) (int, error) { return o.r.Read(p) }

// parserOptions: without ProcessAnnotation the METADATA blocks silently disappear.
var parserOptions = ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1}

// parseFiles parses the given files, collecting every syntax error rather than the first.
// Files are parsed on every core: parsing is a fifth of start-up, which a one-manifest CLI
// run pays in full.
func parseFiles(files []File) (map[string]*ast.Module, []Problem) {
	type parsed struct {
		mod   *ast.Module
		probs []Problem
	}
	out := make([]parsed, len(files))
	parallel.For(len(files), 0, func(i int) {
		m, err := ast.ParseModuleWithOpts(files[i].Name, string(files[i].Content), parserOptions)
		if err != nil {
			out[i].probs = astProblems(files[i].Name, err)
			return
		}
		out[i].mod = m
	})
	mods := make(map[string]*ast.Module, len(files))
	var probs []Problem
	for i, p := range out {
		probs = append(probs, p.probs...)
		if p.mod != nil {
			mods[files[i].Name] = p.mod
		}
	}
	return mods, probs
}

// astProblems flattens OPA's error lists into located problems.
func astProblems(file string, err error) []Problem {
	var out []Problem
	if errs, ok := err.(ast.Errors); ok {
		for _, e := range errs {
			p := Problem{File: file, Message: e.Message}
			if e.Location != nil {
				if e.Location.File != "" {
					p.File = e.Location.File
				}
				p.Line = e.Location.Row
			}
			out = append(out, p)
		}
		return out
	}
	return []Problem{{File: file, Message: err.Error()}}
}

// digest hashes every policy and data file, names included, in path order, so a report can
// say exactly which rules judged it. Files are named by their path inside their source and
// data files by their base name, so the same policies give the same digest whatever the
// directory the audit is re-run from.
func digest(files []File, data []DataFile) string {
	type entry struct {
		name    string
		content []byte
	}
	all := make([]entry, 0, len(files)+len(data))
	for _, f := range files {
		if !f.Test {
			all = append(all, entry{f.Key, f.Content})
		}
	}
	for _, d := range data {
		all = append(all, entry{"data/" + path.Base(d.Name), d.Content})
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].name < all[j].name })
	h := sha256.New()
	for _, e := range all {
		fmt.Fprintf(h, "%s\x00%d\x00", e.name, len(e.content))
		h.Write(e.content)
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// controlInfo is what the engine knows about one control package.
type controlInfo struct {
	audit.Control
	ref   ast.Ref  // data.resilcheck.controls.<name>
	files []string // the modules of the package
}

// collectControls finds every package under resilcheck.controls and checks its metadata.
func collectControls(mods map[string]*ast.Module, custom map[string]bool) ([]*controlInfo, []Problem) {
	names := make([]string, 0, len(mods))
	for n := range mods {
		names = append(names, n)
	}
	sort.Strings(names)

	byPkg := map[string]*controlInfo{}
	var order []string
	var probs []Problem
	type annotated struct {
		a    *ast.Annotations
		file string
	}
	meta := map[string][]annotated{}
	rules := map[string]map[string]bool{}
	for _, n := range names {
		m := mods[n]
		ref := m.Package.Path
		s := ref.String()
		if !strings.HasPrefix(s, ControlsPrefix) {
			continue
		}
		ci, ok := byPkg[s]
		if !ok {
			ci = &controlInfo{ref: ref.Copy()}
			ci.Package = strings.TrimPrefix(s, "data.")
			byPkg[s] = ci
			order = append(order, s)
			rules[s] = map[string]bool{}
		}
		ci.files = append(ci.files, n)
		if custom[n] {
			ci.Custom = true
		}
		for _, a := range m.Annotations {
			if a.Scope == "package" {
				meta[s] = append(meta[s], annotated{a, n})
			}
		}
		for _, r := range m.Rules {
			rules[s][r.Head.Name.String()] = true
			if len(r.Head.Reference) > 0 {
				rules[s][r.Head.Reference[0].Value.String()] = true
			}
		}
	}

	seen := map[string]string{}
	var out []*controlInfo
	for _, s := range order {
		ci := byPkg[s]
		pkgFile := ci.files[0]
		pkgLine := mods[pkgFile].Package.Location.Row
		ms := meta[s]
		switch {
		case len(ms) == 0:
			probs = append(probs, Problem{File: pkgFile, Line: pkgLine,
				Message: fmt.Sprintf("control package %s has no package-scope METADATA (title, description, custom.id, severity, kind, citation, remediation...)", ci.Package)})
			continue
		case len(ms) > 1:
			probs = append(probs, Problem{File: ms[1].file, Line: ms[1].a.Location.Row,
				Message: fmt.Sprintf("control package %s declares package METADATA more than once", ci.Package)})
			continue
		}
		a, file := ms[0].a, ms[0].file
		line := 0
		if a.Location != nil {
			line = a.Location.Row
		}
		fieldProbs := fillControl(&ci.Control, a)
		for _, fp := range fieldProbs {
			probs = append(probs, Problem{File: file, Line: line, Message: fmt.Sprintf("control %s: %s", ci.Package, fp)})
		}
		for _, want := range []string{"applies", "violations"} {
			if !rules[s][want] {
				probs = append(probs, Problem{File: pkgFile, Line: pkgLine,
					Message: fmt.Sprintf("control %s defines no %q rule (a control decides `applies` and produces `violations`)", ci.Package, want)})
			}
		}
		if len(fieldProbs) > 0 {
			continue
		}
		if prev, dup := seen[ci.ID]; dup {
			probs = append(probs, Problem{File: file, Line: line,
				Message: fmt.Sprintf("duplicate control id %s (already used by %s)", ci.ID, prev)})
			continue
		}
		seen[ci.ID] = ci.Package
		out = append(out, ci)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, probs
}

// fillControl maps package METADATA onto the report's control model and returns the
// fields that are missing or invalid.
func fillControl(c *audit.Control, a *ast.Annotations) []string {
	var bad []string
	str := func(m map[string]any, key, field string, required bool) string {
		v, ok := m[key]
		if !ok || v == nil {
			if required {
				bad = append(bad, "missing "+field)
			}
			return ""
		}
		s, ok := v.(string)
		if !ok {
			bad = append(bad, fmt.Sprintf("%s must be a string, not %T", field, v))
			return ""
		}
		s = strings.TrimSpace(s)
		if s == "" && required {
			bad = append(bad, "empty "+field)
		}
		return s
	}
	obj := func(m map[string]any, key, field string) map[string]any {
		v, ok := m[key]
		if !ok || v == nil {
			bad = append(bad, "missing "+field)
			return map[string]any{}
		}
		o, ok := v.(map[string]any)
		if !ok {
			bad = append(bad, field+" must be an object")
			return map[string]any{}
		}
		return o
	}

	c.Title.En = strings.TrimSpace(a.Title)
	if c.Title.En == "" {
		bad = append(bad, "missing title")
	}
	c.Description.En = strings.TrimSpace(a.Description)
	if c.Description.En == "" {
		bad = append(bad, "missing description")
	}
	for _, r := range a.RelatedResources {
		if r != nil {
			// Keep law.go.kr's Hangul paths readable rather than percent-encoded.
			u := r.Ref.String()
			if un, err := url.PathUnescape(u); err == nil {
				u = un
			}
			c.RelatedResources = append(c.RelatedResources, u)
		}
	}
	custom := a.Custom
	if custom == nil {
		custom = map[string]any{}
	}
	c.ID = str(custom, "id", "custom.id", true)
	c.Severity = audit.Severity(str(custom, "severity", "custom.severity", true))
	if c.Severity != "" && !c.Severity.Valid() {
		bad = append(bad, fmt.Sprintf("custom.severity %q is not one of critical, high, medium, low, info", c.Severity))
	}
	c.Kind = audit.Kind(str(custom, "kind", "custom.kind", true))
	if c.Kind != "" && c.Kind != audit.KindLaw && c.Kind != audit.KindGuideline && c.Kind != audit.KindGuidance {
		bad = append(bad, fmt.Sprintf("custom.kind %q is not one of law, guideline, guidance", c.Kind))
	}
	c.Regulation = str(custom, "regulation", "custom.regulation", true)
	c.Title.Ko = str(custom, "title_ko", "custom.title_ko", true)
	c.Description.Ko = str(custom, "description_ko", "custom.description_ko", false)

	cit := obj(custom, "citation", "custom.citation")
	c.Citation = audit.Citation{
		Law:      str(cit, "law", "custom.citation.law", true),
		LawKo:    str(cit, "law_ko", "custom.citation.law_ko", false),
		Article:  str(cit, "article", "custom.citation.article", true),
		Decree:   str(cit, "decree", "custom.citation.decree", false),
		InForce:  str(cit, "in_force", "custom.citation.in_force", false),
		Source:   str(cit, "source", "custom.citation.source", false),
		Text:     str(cit, "text", "custom.citation.text", true),
		TextKo:   str(cit, "text_ko", "custom.citation.text_ko", false),
		URL:      str(cit, "url", "custom.citation.url", false),
		Guidance: c.Kind != audit.KindLaw,
	}
	if c.Citation.URL == "" {
		for _, r := range c.RelatedResources {
			if strings.Contains(r, "law.go.kr") {
				c.Citation.URL = r
				break
			}
		}
	}
	if v, ok := custom["in_force"]; ok && v != nil {
		periods, problems := readPeriods(v)
		c.InForce = periods
		bad = append(bad, problems...)
	}
	rem := obj(custom, "remediation", "custom.remediation")
	c.Remediation = audit.Text{
		En: str(rem, "en", "custom.remediation.en", true),
		Ko: str(rem, "ko", "custom.remediation.ko", true),
	}
	if fw, ok := custom["frameworks"]; ok && fw != nil {
		list, ok := fw.([]any)
		if !ok {
			bad = append(bad, "custom.frameworks must be a list of strings")
		}
		for _, x := range list {
			s, ok := x.(string)
			if !ok {
				bad = append(bad, "custom.frameworks must be a list of strings")
				break
			}
			c.Frameworks = append(c.Frameworks, s)
		}
	}
	return bad
}

// readPeriods reads custom.in_force: a list of {from, until, parties, label, citation,
// citation_ko, basis, verifiable}, every date a real YYYY-MM-DD and from before until.
// periodKeys are the keys a custom.in_force period may have.
var periodKeys = []string{"basis", "citation", "citation_ko", "from", "label", "parties", "until", "verifiable"}

func readPeriods(v any) ([]audit.Period, []string) {
	list, ok := v.([]any)
	if !ok || len(list) == 0 {
		return nil, []string{"custom.in_force must be a non-empty list of periods"}
	}
	var out []audit.Period
	var bad []string
	for i, x := range list {
		field := fmt.Sprintf("custom.in_force[%d]", i)
		m, ok := x.(map[string]any)
		if !ok {
			bad = append(bad, field+" must be an object")
			continue
		}
		for _, k := range slices.Sorted(maps.Keys(m)) {
			if !slices.Contains(periodKeys, k) {
				// A misspelt "from" would otherwise read as no start: in force on every date.
				bad = append(bad, fmt.Sprintf("%s has an unknown key %q (want %s)", field, k, strings.Join(periodKeys, ", ")))
			}
		}
		get := func(k string) string {
			s, ok := m[k].(string)
			if _, present := m[k]; present && !ok {
				bad = append(bad, fmt.Sprintf("%s.%s must be a string", field, k))
			}
			return strings.TrimSpace(s)
		}
		p := audit.Period{From: get("from"), Until: get("until"), Label: get("label"),
			Citation: get("citation"), CitationKo: get("citation_ko"), Basis: get("basis")}
		if vv, present := m["verifiable"]; present {
			b, ok := vv.(bool)
			if !ok {
				bad = append(bad, field+".verifiable must be a boolean")
			}
			p.Verifiable = &b
		}
		unverifiable := p.Verifiable != nil && !*p.Verifiable
		for _, d := range []struct{ name, val string }{{"from", p.From}, {"until", p.Until}} {
			if d.val == "" {
				continue
			}
			if _, err := time.Parse("2006-01-02", d.val); err != nil {
				bad = append(bad, fmt.Sprintf("%s.%s %q is not a date (YYYY-MM-DD)", field, d.name, d.val))
			}
		}
		if p.From == "" && i > 0 && !unverifiable {
			// Only the first period may reach back without a start (a duty in force
			// throughout); a later one without from would overlap the ones before it.
			bad = append(bad, "missing "+field+".from (only the first period may have none)")
		}
		if p.Until != "" && p.From >= p.Until {
			bad = append(bad, fmt.Sprintf("%s: from %s is not before until %s", field, p.From, p.Until))
		}
		if !slices.Contains(audit.PeriodLabels, p.Label) {
			bad = append(bad, fmt.Sprintf("%s.label %q is not one of %s", field, p.Label, strings.Join(audit.PeriodLabels, ", ")))
		}
		if p.Citation == "" && !unverifiable {
			bad = append(bad, "missing "+field+".citation")
		}
		if ps, present := m["parties"]; present {
			pl, ok := ps.([]any)
			for _, q := range pl {
				s, isStr := q.(string)
				if !isStr {
					ok = false
					break
				}
				p.Parties = append(p.Parties, s)
			}
			if !ok {
				bad = append(bad, field+".parties must be a list of strings")
			}
		}
		out = append(out, p)
	}
	return out, bad
}

// builtinNamespace is where the built-in bundle lives. A custom policy may add control
// packages under resilcheck.controls and helper packages of its own anywhere outside this
// namespace, and nothing else: a -p module that defined resilcheck.run, .overrides or .lib,
// or extended a built-in control, would rewrite the verdicts of the built-in law while the
// report still claimed them (the -d file refuses the same overrides).
var builtinNamespace = ast.MustParseRef("data.resilcheck")

// lockBuiltins refuses every custom module whose package is not a new control package (or
// its test package) under resilcheck.controls, or a package of its own outside resilcheck;
// a new control's package may not share a name with, or nest inside, a built-in package.
func lockBuiltins(mods map[string]*ast.Module, custom map[string]bool) []Problem {
	builtin := map[string]bool{}
	for n, m := range mods {
		if !custom[n] {
			builtin[m.Package.Path.String()] = true
		}
	}
	controls := ast.MustParseRef(strings.TrimSuffix(ControlsPrefix, "."))
	names := make([]string, 0, len(mods))
	for n := range mods {
		if custom[n] {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	var probs []Problem
	for _, n := range names {
		path := mods[n].Package.Path
		line := mods[n].Package.Location.Row
		p := path.String()
		var why string
		switch {
		case !path.HasPrefix(builtinNamespace):
			continue // a helper namespace of the policy's own
		case !path.HasPrefix(controls) || len(path) == len(controls):
			why = "only packages under resilcheck.controls.<new name> (or outside resilcheck) may be added; resilcheck.run, resilcheck.overrides, resilcheck.lib and the rest of resilcheck belong to the built-in bundle"
		default:
			own := path[:len(controls)+1].String()
			if builtin[own] || builtin[strings.TrimSuffix(own, "_test")] {
				why = fmt.Sprintf("%s is a built-in control package: a custom policy may add controls, never define or extend a built-in one", strings.TrimPrefix(own, "data."))
			}
			for b := range builtin {
				if why == "" && strings.HasPrefix(b, p+".") {
					why = fmt.Sprintf("package %s would contain the built-in %s", strings.TrimPrefix(p, "data."), strings.TrimPrefix(b, "data."))
				}
			}
		}
		if why != "" {
			probs = append(probs, Problem{File: n, Line: line, Message: fmt.Sprintf("package %s: %s", strings.TrimPrefix(p, "data."), why)})
		}
	}
	return probs
}
