// Package audit is the report model every other part of resilcheck shares: controls,
// per-manifest results, problems found in the input, site-loss findings and the run's
// metadata. It sits at the bottom of the dependency graph and imports nothing internal,
// so engines produce it and renderers consume it without knowing about each other.
package audit

import "slices"

// Status is the verdict of one control on one manifest.
type Status string

// The verdicts, in the order reports list them (most urgent first).
const (
	StatusError         Status = "error"
	StatusFail          Status = "fail"
	StatusWaived        Status = "waived"
	StatusPass          Status = "pass"
	StatusNotApplicable Status = "not_applicable"
)

// Statuses lists every status in report order.
var Statuses = []Status{StatusError, StatusFail, StatusWaived, StatusPass, StatusNotApplicable}

// Severity ranks how much a failed control matters.
type Severity string

// The severities, most severe first.
const (
	SeverityCritical Severity = "critical"
	SeverityHigh     Severity = "high"
	SeverityMedium   Severity = "medium"
	SeverityLow      Severity = "low"
	SeverityInfo     Severity = "info"
)

// Severities lists every severity, most severe first.
var Severities = []Severity{SeverityCritical, SeverityHigh, SeverityMedium, SeverityLow, SeverityInfo}

// Rank orders severities: critical is 4, info is 0, anything unknown is -1.
func (s Severity) Rank() int {
	for i, v := range Severities {
		if v == s {
			return len(Severities) - 1 - i
		}
	}
	return -1
}

// Valid reports whether s is one of the known severities.
func (s Severity) Valid() bool { return s.Rank() >= 0 }

// Kind says whether a control enforces law or recommends practice.
type Kind string

// The kinds of control: statute text, a reported ministry guideline (not in statute text),
// or resilience practice. Only the first is ever presented as a breach of law.
const (
	KindLaw       Kind = "law"
	KindGuideline Kind = "guideline"
	KindGuidance  Kind = "guidance"
)

// Text is a string in English with its Korean rendering.
type Text struct {
	En string `json:"en"`
	Ko string `json:"ko,omitempty"`
}

// In returns the text in lang ("ko" or anything else for English), falling back to English.
func (t Text) In(lang string) string {
	if lang == "ko" && t.Ko != "" {
		return t.Ko
	}
	return t.En
}

// Citation is the legal basis of a control.
type Citation struct {
	Law      string `json:"law"`                // e.g. "Framework Act on Broadcasting and Communications Development"
	LawKo    string `json:"law_ko,omitempty"`   // e.g. "방송통신발전 기본법"
	Article  string `json:"article"`            // e.g. "Art. 38(1)"
	Decree   string `json:"decree,omitempty"`   // e.g. "Enforcement Decree Art. 27"
	InForce  string `json:"in_force,omitempty"` // date the cited wording took effect, YYYY-MM-DD
	Source   string `json:"source,omitempty"`   // for guidance: the order or guideline it comes from
	Text     string `json:"text"`               // one line for reports, e.g. "BCDA Art. 38(1); Decree Art. 27"
	TextKo   string `json:"text_ko,omitempty"`  // the same line as Korean statutes are cited, e.g. "방송통신발전 기본법 제38조제1항; 같은 법 시행령 제27조"
	URL      string `json:"url,omitempty"`      // the law.go.kr page
	Guidance bool   `json:"guidance,omitempty"` // true when the basis is not statute
}

// In is the one-line citation in lang: the Korean line for "ko" when the control has one,
// else the English line, so a custom policy without text_ko still renders a basis.
func (c Citation) In(lang string) string {
	if lang == "ko" && c.TextKo != "" {
		return c.TextKo
	}
	return c.Text
}

// Control describes one check: what it is, why it exists and how to fix a failure.
type Control struct {
	ID               string   `json:"id"`
	Package          string   `json:"package"`
	Title            Text     `json:"title"`
	Description      Text     `json:"description"`
	Severity         Severity `json:"severity"`
	Kind             Kind     `json:"kind"`
	Citation         Citation `json:"citation"`
	Remediation      Text     `json:"remediation"`
	RelatedResources []string `json:"related_resources,omitempty"`
	Frameworks       []string `json:"frameworks,omitempty"`
	// Regulation groups controls in reports, e.g. "BCDA" or "Network Act".
	Regulation string `json:"regulation"`
	// Custom is true for controls loaded with --policy rather than built in.
	Custom bool `json:"custom,omitempty"`
	// InForce lists when the duty binds whom, and what to cite on each date.
	InForce []Period `json:"in_force,omitempty"`
}

// Period is a stretch of time a control's duty is in force (REGULATIONS.md "Time model").
type Period struct {
	From  string `json:"from,omitempty"`  // first Korean date, YYYY-MM-DD; empty = since before the texts show
	Until string `json:"until,omitempty"` // first date no longer in force; empty = still in force
	// Parties are the scope tests (lib.scope party ids) the period binds; empty = whoever
	// the control selects.
	Parties []string `json:"parties,omitempty"`
	// Label is the weakest source the period rests on: law, law-older-wording-reported,
	// guideline, reported, interpretation or guidance.
	Label      string `json:"label"`
	Citation   string `json:"citation"`
	CitationKo string `json:"citation_ko,omitempty"`
	Basis      string `json:"basis,omitempty"`
	// Verifiable is false for a stretch where the duty existed but its wording is not in the
	// statute texts: nothing is judged then.
	Verifiable *bool `json:"verifiable,omitempty"`
}

// PeriodLabels are the labels a Period may carry.
var PeriodLabels = []string{"law", "law-older-wording-reported", "guideline", "reported", "interpretation", "guidance"}

// Parties lists the parties the control's periods name, in order of first mention.
func (c Control) Parties() []string {
	var out []string
	for _, p := range c.InForce {
		for _, x := range p.Parties {
			if !slices.Contains(out, x) {
				out = append(out, x)
			}
		}
	}
	return out
}

// PeriodOn is the period in force on the Korean date d (the latest-starting verifiable one
// covering d), or nil.
func (c Control) PeriodOn(d string) *Period {
	var best *Period
	for i := range c.InForce {
		p := &c.InForce[i]
		if p.Verifiable != nil && !*p.Verifiable {
			continue
		}
		if p.From > d || (p.Until != "" && d >= p.Until) {
			continue
		}
		if best == nil || p.From >= best.From {
			best = p
		}
	}
	return best
}

// Position is a place in an input file. Line and Column are 1-based; 0 means unknown.
type Position struct {
	File   string `json:"file"`
	Line   int    `json:"line,omitempty"`
	Column int    `json:"column,omitempty"`
}

// Violation is one reason a control failed.
type Violation struct {
	Message   string `json:"message"`
	MessageKo string `json:"message_ko,omitempty"`
	Pointer   string `json:"pointer"`
	// Key tells apart violations of one control at one pointer (the year of a missing plan,
	// the field a service lacks, the failure domain that takes a service down): with the
	// control, the manifest and the pointer it is the finding's identity, which SARIF
	// fingerprints and baselines match on. Never a line, a date of the audit or a count.
	Key string `json:"key,omitempty"`
	// Baseline marks a finding the --baseline report already had: it stays in the report
	// but does not fail the gate.
	Baseline bool           `json:"baseline,omitempty"`
	Position                // where Pointer lands in the manifest
	Evidence map[string]any `json:"evidence,omitempty"`
}

// Waiver records why a failed control was accepted and until when.
type Waiver struct {
	Control    string `json:"control"`
	Manifest   string `json:"manifest,omitempty"`
	Reason     string `json:"reason"`
	ApprovedBy string `json:"approved_by,omitempty"`
	Expires    string `json:"expires,omitempty"`
}

// Result is the verdict of one control on one manifest.
type Result struct {
	Manifest   string      `json:"manifest"`
	Control    string      `json:"control"`
	Status     Status      `json:"status"`
	Reason     string      `json:"reason,omitempty"` // why not applicable, or the error
	ReasonKo   string      `json:"reason_ko,omitempty"`
	Violations []Violation `json:"violations,omitempty"`
	// Notes qualify a verdict without failing it: a record not judged and why, a reading
	// by interpretation. Same shape as a violation.
	Notes  []Violation `json:"notes,omitempty"`
	Waiver *Waiver     `json:"waiver,omitempty"`
	// Baseline marks a failed verdict every finding of which the --baseline report already
	// had. Its violations are marked one by one; a verdict that lists none has one finding
	// (see Findings), and this is the only place its mark can go.
	Baseline bool `json:"baseline,omitempty"`
}

// Findings are what a failed or waived verdict is counted and matched as: its violations,
// or, when it lists none, one finding at the manifest's root carrying the verdict's reason.
// Other verdicts have none.
func (r Result) Findings() []Violation {
	if r.Status != StatusFail && r.Status != StatusWaived {
		return nil
	}
	if len(r.Violations) == 0 {
		return []Violation{{Message: r.Reason, MessageKo: r.ReasonKo, Baseline: r.Baseline}}
	}
	return r.Violations
}

// FindingID tells a finding apart from the others of its control and manifest: its pointer,
// and its key where one pointer holds several. With the control and the manifest it is the
// finding's identity, which SARIF fingerprints, --baseline and diff all match on. A finding
// without a key is its pointer alone, the fingerprint it had before keys existed, so a code
// scanning alert keeps its history.
func (v Violation) FindingID() string {
	if v.Key == "" {
		return v.Pointer
	}
	return v.Pointer + "\x00" + v.Key
}

// Problem is an input defect: the document could not be loaded or is not a valid manifest.
type Problem struct {
	Position
	Pointer string `json:"pointer,omitempty"`
	Message string `json:"message"`
}

// Scope is one scope decision (who is bound) with the metrics behind it.
type Scope struct {
	ID       string         `json:"id"`
	Applies  bool           `json:"applies"`
	Title    Text           `json:"title"`
	Basis    string         `json:"basis"`
	Evidence map[string]any `json:"evidence,omitempty"`
}

// Manifest is one input document as the report sees it.
type Manifest struct {
	// Name is the manifest's metadata.name, or the file path when it could not be read.
	Name     string `json:"name"`
	File     string `json:"file"`
	Document int    `json:"document"` // 0-based index within a multi-document file
	Provider string `json:"provider,omitempty"`
	// ProviderKo is the provider's Korean name (provider.nameKo), which Korean reports show.
	ProviderKo string    `json:"provider_ko,omitempty"`
	Source     string    `json:"source,omitempty"`
	Scopes     []Scope   `json:"scopes,omitempty"`
	Problems   []Problem `json:"problems,omitempty"`
	SiteLoss   *SiteLoss `json:"site_loss,omitempty"`
}

// SiteLoss is what the site-loss analysis found for one manifest. Its size grows with the
// services, their dependencies and the failure domains, not with their product: each failure
// lists only the services it breaks in place, and the services that go down with them through
// a dependency are explained once, in Dependents, for every failure alike.
type SiteLoss struct {
	Failures []FailureOutcome `json:"failures"`
	// Dependents are the links a chain follows from a service lost through a dependency down
	// to a service broken in place: one per dependency edge that some failure takes down.
	Dependents []DependencyLink `json:"dependents"`
	Cycles     [][]string       `json:"cycles,omitempty"`
}

// FailureOutcome is what is left after one failure domain (datacenter, power feed,
// building, or a combination) is lost.
type FailureOutcome struct {
	Domain FailureDomain `json:"domain"`
	// Broken are the services broken in place: their own deployments, capacity or failover
	// fail. Every other lost service depends, directly or not, on one of them.
	Broken []ServiceImpact `json:"broken"`
	// Lost counts every service the failure takes down, Broken included; Surviving the rest.
	Lost      int `json:"lost"`
	Surviving int `json:"surviving"`
	// Notes qualify surviving services, e.g. one that survives only by failover, or whose
	// failover time could not be judged because no RTO is declared.
	Notes []ServiceNote `json:"notes,omitempty"`
}

// ServiceNote is a remark about how one service survives a failure.
type ServiceNote struct {
	Service string `json:"service"`
	Note    string `json:"note"`
	// NotePhrase is Note as data, for reports in other languages than English.
	NotePhrase *Phrase `json:"note_phrase,omitempty"`
}

// Phrase is an explanation as data: a code (e.g. "only-active-in") and its arguments, all
// strings, that each report words in its own language. The English words stay beside it in
// the fields that have always carried them, for the readers of earlier reports.
type Phrase struct {
	Code string            `json:"code"`
	Args map[string]string `json:"args,omitempty"`
}

// FailureDomain names what is lost.
type FailureDomain struct {
	Kind        string   `json:"kind"` // datacenter, power-feed, building, combination
	ID          string   `json:"id"`
	Datacenters []string `json:"datacenters"` // the datacenters lost with it
}

// Label is how the dependency links name a failure: "kind id".
func (d FailureDomain) Label() string { return d.Kind + " " + d.ID }

// ServiceImpact explains why one service is broken in place by a failure.
type ServiceImpact struct {
	Service string `json:"service"`
	// Reason is one of: no-surviving-deployment, insufficient-capacity, cold-standby-too-slow,
	// standby-too-slow, standby-unreachable, dependency-cycle (a failover whose tooling
	// depends on the service it must bring back).
	Reason string `json:"reason"`
	Detail string `json:"detail,omitempty"`
	// Cause ends a chain in words, e.g. "only active in pangyo". A standby-unreachable
	// service has none: its chain goes on Via the lost service performing its failover.
	Cause string `json:"cause,omitempty"`
	Via   string `json:"via,omitempty"`
	// DetailPhrase and CausePhrase are Detail and Cause as data.
	DetailPhrase *Phrase `json:"detail_phrase,omitempty"`
	CausePhrase  *Phrase `json:"cause_phrase,omitempty"`
}

// DependencyLink says Service is lost whenever Via, one of its dependencies, is lost.
type DependencyLink struct {
	Service string `json:"service"`
	Via     string `json:"via"`
	// LostWith names the failures ("kind id") that break Via in place. Where Via goes down
	// through its own dependencies, its own links go on.
	LostWith []string `json:"lost_with"`
}

// Summary counts results by status.
type Summary struct {
	Pass          int `json:"pass"`
	Fail          int `json:"fail"`
	NotApplicable int `json:"not_applicable"`
	Waived        int `json:"waived"`
	Error         int `json:"error"`
}

// Add counts one result.
func (s *Summary) Add(st Status) {
	switch st {
	case StatusPass:
		s.Pass++
	case StatusFail:
		s.Fail++
	case StatusNotApplicable:
		s.NotApplicable++
	case StatusWaived:
		s.Waived++
	case StatusError:
		s.Error++
	}
}

// Tool identifies the program that produced a report.
type Tool struct {
	Name       string `json:"name"`
	Version    string `json:"version"`
	OPAVersion string `json:"opa_version"`
	GoVersion  string `json:"go_version,omitempty"`
}

// Bundle identifies the policy bundle that judged the inputs.
type Bundle struct {
	Digest string   `json:"digest"` // sha256 over the policy and data files, in path order
	Custom []string `json:"custom,omitempty"`
}

// Input is one input file and its content hash, so an audit can be reproduced.
type Input struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
}

// Report is everything one run found: the model every renderer reads.
type Report struct {
	Tool      Tool       `json:"tool"`
	AsOf      string     `json:"as_of"` // YYYY-MM-DD, Korean calendar date of the audit
	Command   []string   `json:"command,omitempty"`
	Bundle    Bundle     `json:"bundle"`
	Inputs    []Input    `json:"inputs"`
	Summary   Summary    `json:"summary"`
	Manifests []Manifest `json:"manifests"`
	Results   []Result   `json:"results"`
	Controls  []Control  `json:"controls"`
	// ExitCode is what the run exits with, for formats that record the invocation (SARIF).
	ExitCode int `json:"exit_code"`
	// Baseline is the earlier report a CI gate measured this one against (check --baseline).
	Baseline *BaselineUse `json:"baseline,omitempty"`
	// Settings is the settings file the run read (.resilcheck.yaml or --config). Its effect
	// is in Command already, written in as flags, so the command replays the run by itself;
	// the file and its digest say where those flags came from.
	Settings *SettingsUse `json:"settings,omitempty"`
}

// SettingsUse records the settings file a run read, as given, with its content hash.
type SettingsUse struct {
	File   string `json:"file"`
	SHA256 string `json:"sha256"`
}

// BaselineUse records the report a run took as its baseline: only findings not in it fail
// the gate.
type BaselineUse struct {
	File     string `json:"file"`
	SHA256   string `json:"sha256"`
	Findings int    `json:"findings"` // failed and waived findings it holds
	Held     int    `json:"held"`     // of those, found again in this run (marked "baseline")
}

// ControlByID returns the catalogue entry for id.
func (r *Report) ControlByID(id string) (Control, bool) {
	for _, c := range r.Controls {
		if c.ID == id {
			return c, true
		}
	}
	return Control{}, false
}
