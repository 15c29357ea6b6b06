package reports

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/resilcheck/resilcheck/internal/audit"
)

// SARIF 2.1.0 (OASIS). The types below cover the subset resilcheck emits; fields are in
// struct order so the output is stable, and maps only appear where encoding/json sorts them.
const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	// sarifInfoURI is the tool's home page, shown by SARIF viewers next to the tool name.
	sarifInfoURI = "https://github.com/resilcheck/resilcheck"
	// sarifInputRule is the synthetic rule input problems are reported under.
	sarifInputRule = "RESILCHECK-INPUT"
	// sarifSrcRoot is the base the artifact URIs are relative to: the directory resilcheck
	// ran in, which GitHub code scanning maps to the repository checkout.
	sarifSrcRoot = "%SRCROOT%"
	// sarifFingerprint names the partial fingerprint; the /v1 lets the recipe change later
	// without colliding with alerts tracked under the old one.
	sarifFingerprint = "resilcheck/v1"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                   `json:"tool"`
	Invocations        []sarifInvocation           `json:"invocations"`
	OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds"`
	Artifacts          []sarifArtifact             `json:"artifacts,omitempty"`
	Results            any                         `json:"results"` // a splicedArray of sarifResult
	ColumnKind         string                      `json:"columnKind"`
	Properties         map[string]any              `json:"properties,omitempty"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name            string      `json:"name"`
	Version         string      `json:"version,omitempty"`
	SemanticVersion string      `json:"semanticVersion,omitempty"`
	InformationURI  string      `json:"informationUri"`
	Rules           []sarifRule `json:"rules"`
}

type sarifMessage struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string         `json:"id"`
	Name                 string         `json:"name"`
	ShortDescription     sarifMessage   `json:"shortDescription"`
	FullDescription      sarifMessage   `json:"fullDescription"`
	Help                 sarifMessage   `json:"help"`
	HelpURI              string         `json:"helpUri,omitempty"`
	DefaultConfiguration sarifConfig    `json:"defaultConfiguration"`
	Properties           map[string]any `json:"properties"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool           `json:"executionSuccessful"`
	ExitCode                   int            `json:"exitCode"`
	CommandLine                string         `json:"commandLine,omitempty"`
	Arguments                  []string       `json:"arguments,omitempty"`
	ToolExecutionNotifications any            `json:"toolExecutionNotifications,omitempty"` // a splicedArray of sarifNotification
	Properties                 map[string]any `json:"properties"`
}

type sarifNotification struct {
	Level          string          `json:"level"`
	Message        sarifMessage    `json:"message"`
	Locations      []sarifLocation `json:"locations,omitempty"`
	AssociatedRule *sarifRuleRef   `json:"associatedRule,omitempty"`
}

type sarifRuleRef struct {
	ID    string `json:"id"`
	Index int    `json:"index"`
}

type sarifArtifact struct {
	Location sarifArtifactLoc  `json:"location"`
	Hashes   map[string]string `json:"hashes,omitempty"`
}

type sarifArtifactLoc struct {
	URI         string        `json:"uri,omitempty"`
	URIBaseID   string        `json:"uriBaseId,omitempty"`
	Index       *int          `json:"index,omitempty"`
	Description *sarifMessage `json:"description,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical     `json:"physicalLocation"`
	LogicalLocations []sarifLogicalLoc `json:"logicalLocations,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
	Region           *sarifRegion     `json:"region,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

type sarifLogicalLoc struct {
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind"`
}

type sarifResult struct {
	RuleID              string             `json:"ruleId"`
	RuleIndex           int                `json:"ruleIndex"`
	Kind                string             `json:"kind"`
	Level               string             `json:"level"`
	Message             sarifMessage       `json:"message"`
	Locations           []sarifLocation    `json:"locations,omitempty"`
	PartialFingerprints map[string]string  `json:"partialFingerprints"`
	BaselineState       string             `json:"baselineState,omitempty"`
	Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
	Properties          map[string]any     `json:"properties,omitempty"`
}

type sarifSuppression struct {
	Kind          string         `json:"kind"`
	Status        string         `json:"status"`
	Justification string         `json:"justification"`
	Properties    map[string]any `json:"properties,omitempty"`
}

// sarifLevel maps severity to SARIF level: critical/high block a merge (error), medium is a
// warning, low/info are notes.
func sarifLevel(s audit.Severity) string {
	switch s {
	case audit.SeverityCritical, audit.SeverityHigh:
		return "error"
	case audit.SeverityMedium:
		return "warning"
	}
	return "note"
}

// securitySeverity is GitHub code scanning's 0-10 score, which it buckets as critical
// (≥ 9.0), high (≥ 7.0), medium (≥ 4.0) and low; the values sit inside those buckets.
func securitySeverity(s audit.Severity) string {
	switch s {
	case audit.SeverityCritical:
		return "9.5"
	case audit.SeverityHigh:
		return "8.0"
	case audit.SeverityMedium:
		return "5.5"
	case audit.SeverityLow:
		return "3.0"
	}
	return "0.0"
}

var semverRE = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$`)

// renderSARIF writes SARIF 2.1.0 for code-scanning dashboards.
//
// Choices, and why:
//   - Only fail and waived verdicts become results. Code scanning opens an alert for every
//     result whatever its kind, so emitting pass/notApplicable would flood it; the complete
//     verdict list is what the json and junit formats are for.
//   - Waived results carry an external, accepted suppression with the waiver's reason, so
//     the alert is visible as dismissed rather than gone.
//   - Input problems (a manifest that does not parse or validate) are results of the
//     synthetic rule RESILCHECK-INPUT, not toolExecutionNotifications: they are defects at
//     a line of the user's file, and code scanning shows results but ignores notifications,
//     so a broken manifest would otherwise vanish from the dashboard.
//   - A control that could not be evaluated (status error) on a valid manifest is a
//     toolExecutionNotification tied to its rule, and makes executionSuccessful false: the
//     tool, not the input, failed, and no verdict exists to report as a result. The error
//     verdicts of a manifest with input problems are left out: the RESILCHECK-INPUT results
//     already say why nothing was judged.
//   - partialFingerprints hash the control, manifest file, document, JSON pointer and the
//     violation's key, never the line, so an alert keeps its identity when lines above it
//     move, and two findings at one pointer stay two alerts.
type sarifStream struct {
	head *audit.Report
	v    *view
	run  sarifRun

	ruleIndex map[string]int
	inputRule int

	artifactIndex map[string]int
	artifacts     int // head.Inputs indexed so far

	results, notes, notApplicable spool
	// lang is the language of each result's message; its properties carry both.
	lang string
}

func newSARIFStream(opts Options) Stream { return &sarifStream{lang: opts.lang()} }

func (s *sarifStream) Begin(r *audit.Report) error {
	s.head, s.v = r, newView(r)
	s.run = sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name: r.Tool.Name,
			// SARIF viewers compare versions numerically; "v1.2.3" reads as text to them.
			Version:        strings.TrimPrefix(r.Tool.Version, "v"),
			InformationURI: sarifInfoURI,
			Rules:          []sarifRule{},
		}},
		OriginalURIBaseIDs: map[string]sarifArtifactLoc{
			sarifSrcRoot: {Description: &sarifMessage{Text: "The directory resilcheck ran in; input paths are relative to it."}},
		},
		ColumnKind: "unicodeCodePoints",
	}
	if s.run.Tool.Driver.Name == "" {
		s.run.Tool.Driver.Name = "resilcheck"
	}
	if sv := strings.TrimPrefix(r.Tool.Version, "v"); semverRE.MatchString(sv) {
		s.run.Tool.Driver.SemanticVersion = sv
	}
	s.ruleIndex = map[string]int{}
	for _, c := range s.v.controls {
		s.ruleIndex[c.ID] = len(s.run.Tool.Driver.Rules)
		s.run.Tool.Driver.Rules = append(s.run.Tool.Driver.Rules, sarifRuleFor(c))
	}
	s.inputRule = -1
	s.artifactIndex = map[string]int{}
	return nil
}

func (s *sarifStream) addInputRule() int {
	if s.inputRule < 0 {
		s.inputRule = len(s.run.Tool.Driver.Rules)
		s.run.Tool.Driver.Rules = append(s.run.Tool.Driver.Rules, sarifRule{
			ID:               sarifInputRule,
			Name:             "InvalidManifest",
			ShortDescription: sarifMessage{Text: "Manifest could not be loaded or is not a valid resilcheck manifest"},
			FullDescription:  sarifMessage{Text: "The document does not parse as YAML/JSON or does not match the manifest schema (schemas/manifest.v1.schema.json), so no control could judge it."},
			Help: sarifMessage{
				Text:     "Fix the syntax or schema error at the reported position; run resilcheck again to have the controls evaluate the manifest.",
				Markdown: "Fix the syntax or schema error at the reported position; run `resilcheck` again to have the controls evaluate the manifest.",
			},
			DefaultConfiguration: sarifConfig{Level: "error"},
			Properties: map[string]any{
				"tags": []string{"resilcheck", "input"}, "severity": "high", "security-severity": securitySeverity(audit.SeverityHigh),
			},
		})
	}
	return s.inputRule
}

// ruleFor is the index of a control's rule; one must exist even for a result whose control
// is missing from the catalogue.
func (s *sarifStream) ruleFor(id string) int {
	if i, ok := s.ruleIndex[id]; ok {
		return i
	}
	s.ruleIndex[id] = len(s.run.Tool.Driver.Rules)
	s.run.Tool.Driver.Rules = append(s.run.Tool.Driver.Rules, sarifRuleFor(s.v.control(id)))
	return s.ruleIndex[id]
}

func (s *sarifStream) loc(p audit.Position, fallback, pointer string) []sarifLocation {
	file := p.File
	if file == "" {
		file = fallback
	}
	if file == "" {
		return nil
	}
	al := sarifArtifactAt(file)
	if i, ok := s.artifactIndex[file]; ok {
		al.Index = &i
	}
	l := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: al}}
	if p.Line > 0 {
		l.PhysicalLocation.Region = &sarifRegion{StartLine: p.Line, StartColumn: p.Column}
	}
	if pointer != "" {
		l.LogicalLocations = []sarifLogicalLoc{{FullyQualifiedName: pointer, Kind: "object"}}
	}
	return []sarifLocation{l}
}

func (s *sarifStream) Add(man audit.Manifest, results []audit.Result) error {
	m := s.v.add(man, results)
	for inputs := s.head.Inputs; s.artifacts < len(inputs); s.artifacts++ {
		if _, dup := s.artifactIndex[inputs[s.artifacts].Path]; !dup {
			s.artifactIndex[inputs[s.artifacts].Path] = s.artifacts
		}
	}
	for _, p := range m.Problems {
		key := p.Pointer
		if key == "" {
			key = p.Message
		}
		sr := sarifResult{
			RuleID:              sarifInputRule,
			RuleIndex:           s.addInputRule(),
			Kind:                "fail",
			Level:               "error",
			Message:             sarifMessage{Text: p.Message},
			Locations:           s.loc(p.Position, m.File, p.Pointer),
			PartialFingerprints: map[string]string{sarifFingerprint: fingerprint(sarifInputRule, m.Manifest, key)},
			Properties:          map[string]any{"manifest": m.Name},
		}
		if s.head.Baseline != nil {
			sr.BaselineState = "new" // a baseline holds findings of controls, never input problems
		}
		if err := s.results.sarifResult(&sr); err != nil {
			return err
		}
	}
	for _, res := range m.Results {
		c := res.Control
		switch res.Status {
		case audit.StatusError:
			idx := s.ruleFor(c.ID)
			if err := s.notes.item(sarifNotification{
				Level:          "error",
				Message:        sarifMessage{Text: c.ID + " could not be evaluated on " + m.Name + ": " + res.Reason},
				Locations:      s.loc(audit.Position{}, m.File, ""),
				AssociatedRule: &sarifRuleRef{ID: c.ID, Index: idx},
			}); err != nil {
				return err
			}
			continue
		case audit.StatusNotApplicable:
			// SARIF results are for findings; a duty that does not apply is not one (code
			// scanning would list it as an alert), so the verdicts and their reasons ride in
			// the run's property bag instead.
			e := map[string]string{"manifest": m.Name, "control": c.ID, "reason": res.Reason}
			if res.ReasonKo != "" {
				e["reason_ko"] = res.ReasonKo
			}
			if err := s.notApplicable.stringMapItem(e); err != nil {
				return err
			}
			continue
		case audit.StatusFail, audit.StatusWaived:
		default:
			continue
		}
		idx := s.ruleFor(c.ID)
		vs := res.Findings()
		if len(res.Violations) == 0 {
			// A failure without violations is one finding; SARIF words it with the control's
			// title. (Findings made it afresh, so it is ours to change.)
			vs[0].Message, vs[0].MessageKo = c.Title.En, c.Title.Ko
		}
		for _, vi := range vs {
			props := map[string]any{"manifest": m.Name, "message_en": vi.Message}
			if vi.MessageKo != "" {
				props["message_ko"] = vi.MessageKo
			}
			if vi.Pointer != "" {
				props["pointer"] = vi.Pointer
			}
			if len(vi.Evidence) > 0 {
				props["evidence"] = vi.Evidence
			}
			sr := sarifResult{
				RuleID:              c.ID,
				RuleIndex:           idx,
				Kind:                "fail",
				Level:               sarifLevel(c.Severity),
				Message:             sarifMessage{Text: message(vi, s.lang)},
				Locations:           s.loc(vi.Position, m.File, vi.Pointer),
				PartialFingerprints: map[string]string{sarifFingerprint: fingerprint(c.ID, m.Manifest, vi.FindingID())},
				Properties:          props,
			}
			if s.head.Baseline != nil {
				// SARIF's own comparison with a previous run: a viewer can show only new ones.
				sr.BaselineState = "new"
				if vi.Baseline {
					sr.BaselineState = "unchanged"
				}
			}
			if res.Waiver != nil {
				sp := map[string]any{}
				if res.Waiver.ApprovedBy != "" {
					sp["approved_by"] = res.Waiver.ApprovedBy
				}
				if res.Waiver.Expires != "" {
					sp["expires"] = res.Waiver.Expires
				}
				if len(sp) == 0 {
					sp = nil
				}
				sr.Suppressions = []sarifSuppression{{Kind: "external", Status: "accepted", Justification: res.Waiver.Reason, Properties: sp}}
			}
			if err := s.results.sarifResult(&sr); err != nil {
				return err
			}
		}
	}
	return nil
}

func (s *sarifStream) Finish(w io.Writer) error {
	r, run := s.head, s.run
	for _, in := range r.Inputs {
		run.Artifacts = append(run.Artifacts, sarifArtifact{
			Location: sarifArtifactAt(in.Path),
			Hashes:   map[string]string{"sha-256": in.SHA256},
		})
	}
	results := &splicedArray{s: &s.results}
	run.Results = results
	spliced := []*splicedArray{results}
	inv := sarifInvocation{
		ExecutionSuccessful: s.notes.items == 0,
		ExitCode:            r.ExitCode,
		Properties:          map[string]any{"as_of": r.AsOf},
	}
	if s.notes.items > 0 {
		notes := &splicedArray{s: &s.notes}
		inv.ToolExecutionNotifications = notes
		spliced = append(spliced, notes)
	}
	if len(r.Command) > 0 {
		inv.CommandLine = shellJoin(r.Command)
		inv.Arguments = r.Command[1:]
	}
	run.Invocations = []sarifInvocation{inv}

	props := map[string]any{
		"as_of":         r.AsOf,
		"bundle_digest": r.Bundle.Digest,
		"opa_version":   r.Tool.OPAVersion,
		"summary":       r.Summary,
	}
	if r.Tool.GoVersion != "" {
		props["go_version"] = r.Tool.GoVersion
	}
	if len(r.Bundle.Custom) > 0 {
		props["custom_policies"] = r.Bundle.Custom
	}
	if r.Settings != nil {
		props["settings"] = r.Settings
	}
	if s.notApplicable.items > 0 {
		na := &splicedArray{s: &s.notApplicable}
		props["not_applicable"] = na
		spliced = append(spliced, na)
	}
	run.Properties = props
	return writeSpliced(w, sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}}, spliced...)
}

func (s *sarifStream) Close() error {
	return errors.Join(s.results.Close(), s.notes.Close(), s.notApplicable.Close())
}

// sarifRuleFor describes a control as a reportingDescriptor, with both languages.
func sarifRuleFor(c audit.Control) sarifRule {
	cit := citationLine(c.Citation, "en")
	full := c.Description.En
	if full == "" {
		full = c.Title.En
	}
	helpText := c.Remediation.En + "\n\nLegal basis: " + cit
	helpMD := "**Remediation:** " + md(c.Remediation.En) + "\n\n**Legal basis:** " + MarkdownCitation(c.Citation, "en")
	if c.Citation.Law != "" {
		helpText += " (" + c.Citation.Law + ")"
		helpMD += " (" + md(c.Citation.Law) + ")"
	}
	if c.Citation.InForce != "" {
		helpText += ", in force since " + c.Citation.InForce
		helpMD += ", in force since " + c.Citation.InForce
	}
	if c.Remediation.Ko != "" {
		helpText += "\n\n조치 방법: " + c.Remediation.Ko
		helpMD += "\n\n**조치 방법:** " + md(c.Remediation.Ko)
	}
	if c.Citation.TextKo != "" {
		helpText += "\n\n근거 법령: " + c.Citation.TextKo
		helpMD += "\n\n**근거 법령:** " + MarkdownCitation(c.Citation, "ko")
	}
	helpURI := ""
	for _, u := range append(slices.Clone(c.RelatedResources), c.Citation.URL) {
		if helpURI = linkTarget(u); helpURI != "" {
			break
		}
	}
	tags := []string{"resilcheck", "security", "compliance"}
	if c.Regulation != "" {
		tags = append(tags, c.Regulation)
	}
	if c.Kind != "" {
		tags = append(tags, string(c.Kind))
	}
	tags = append(tags, c.Frameworks...)
	props := map[string]any{
		"severity":          string(c.Severity),
		"kind":              string(c.Kind),
		"regulation":        c.Regulation,
		"citation":          c.Citation,
		"security-severity": securitySeverity(c.Severity),
		"tags":              tags,
		"remediation":       c.Remediation,
		"title":             c.Title,
	}
	if c.Citation.TextKo != "" {
		// Flat next to description_ko, so a viewer that shows string properties only still
		// has the Korean basis (the citation object carries it as text_ko too).
		props["citation_ko"] = c.Citation.TextKo
	}
	if c.Description.Ko != "" {
		props["description_ko"] = c.Description.Ko
	}
	if c.Custom {
		props["custom"] = true
	}
	short := c.Title.En
	if short == "" {
		short = c.ID
	}
	return sarifRule{
		ID:                   c.ID,
		Name:                 ruleName(c),
		ShortDescription:     sarifMessage{Text: short},
		FullDescription:      sarifMessage{Text: full},
		Help:                 sarifMessage{Text: helpText, Markdown: helpMD},
		HelpURI:              helpURI,
		DefaultConfiguration: sarifConfig{Level: sarifLevel(c.Severity)},
		Properties:           props,
	}
}

// ruleName is a PascalCase name from the control's package (dm_officer → DmOfficer), the
// identifier form SARIF viewers expect next to the opaque id.
func ruleName(c audit.Control) string {
	base := c.Package
	if i := strings.LastIndexByte(base, '.'); i >= 0 {
		base = base[i+1:]
	}
	if base == "" {
		base = c.ID
	}
	var b strings.Builder
	up := true
	for _, r := range base {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			up = true
			continue
		}
		if up {
			r = unicode.ToUpper(r)
			up = false
		} else {
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// fingerprint identifies a finding across runs independently of its line number: its
// control (or the input rule), its manifest's place and its audit.Violation.FindingID.
func fingerprint(rule string, m audit.Manifest, key string) string {
	h := sha256.Sum256([]byte(rule + "\x00" + m.File + "\x00" + strconv.Itoa(m.Document) + "\x00" + key))
	return hex.EncodeToString(h[:])
}

// shellJoin renders argv as a POSIX shell command line, quoting only what needs it.
func shellJoin(args []string) string {
	out := make([]string, len(args))
	for i, a := range args {
		if a != "" && strings.IndexFunc(a, func(r rune) bool {
			return !(unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("-_./=:,@%+", r))
		}) < 0 {
			out[i] = a
			continue
		}
		out[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
	}
	return strings.Join(out, " ")
}

// sarifArtifactAt locates an input file. Paths are relative to the directory resilcheck ran
// in, hence %SRCROOT%; a path outside it stays absolute, and SARIF (3.4.4) forbids a base
// for an absolute URI, so it becomes a file: URI of its own.
func sarifArtifactAt(file string) sarifArtifactLoc {
	switch {
	case strings.HasPrefix(file, "/"):
		return sarifArtifactLoc{URI: (&url.URL{Scheme: "file", Path: file}).String()}
	case len(file) > 2 && file[1] == ':' && file[2] == '/': // a Windows drive: file:///C:/...
		return sarifArtifactLoc{URI: (&url.URL{Scheme: "file", Path: "/" + file}).String()}
	}
	return sarifArtifactLoc{URI: relURI(file), URIBaseID: sarifSrcRoot}
}
