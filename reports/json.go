package reports

import (
	"errors"
	"io"

	"github.com/resilcheck/resilcheck/internal/audit"
)

// jsonStream writes the report model as indented JSON (schemas/report.v1.schema.json),
// byte for byte what encoding/json writes for audit.Report with SetIndent("", "  "). Go's
// encoder sorts map keys, and the run emits manifests and results in report order, so the
// output is byte-stable. Manifests and results wait in spools: the summary and inputs come
// before them in the document and are known only at the end.
type jsonStream struct {
	head      *audit.Report
	manifests spool
	results   spool
}

func newJSONStream(Options) Stream { return &jsonStream{} }

func (s *jsonStream) Begin(head *audit.Report) error {
	s.head = head
	return nil
}

func (s *jsonStream) Add(m audit.Manifest, results []audit.Result) error {
	if err := s.manifests.item(m); err != nil {
		return err
	}
	for i := range results {
		if err := s.results.result(&results[i]); err != nil {
			return err
		}
	}
	return nil
}

// jsonReport is audit.Report with its two long arrays spliced in from the spools; a test
// holds its fields to the model's.
type jsonReport struct {
	Tool      audit.Tool         `json:"tool"`
	AsOf      string             `json:"as_of"`
	Command   []string           `json:"command,omitempty"`
	Bundle    audit.Bundle       `json:"bundle"`
	Inputs    []audit.Input      `json:"inputs"`
	Summary   audit.Summary      `json:"summary"`
	Manifests *splicedArray      `json:"manifests"`
	Results   *splicedArray      `json:"results"`
	Controls  any                `json:"controls"` // []audit.Control, or a splicedArray of them
	ExitCode  int                `json:"exit_code"`
	Baseline  *audit.BaselineUse `json:"baseline,omitempty"`
	Settings  *audit.SettingsUse `json:"settings,omitempty"`
}

func (s *jsonStream) Finish(w io.Writer) error {
	h := s.head
	doc := jsonReport{
		Tool: h.Tool, AsOf: h.AsOf, Command: h.Command, Bundle: h.Bundle, Inputs: h.Inputs,
		Summary: h.Summary, Controls: splicedSlice(h.Controls), ExitCode: h.ExitCode, Baseline: h.Baseline, Settings: h.Settings,
		Manifests: &splicedArray{s: &s.manifests}, Results: &splicedArray{s: &s.results},
	}
	spliced := []*splicedArray{doc.Manifests, doc.Results}
	if c, ok := doc.Controls.(*splicedArray); ok {
		spliced = append(spliced, c)
	}
	return writeSpliced(w, doc, spliced...)
}

func (s *jsonStream) Close() error {
	return errors.Join(s.manifests.Close(), s.results.Close())
}
