package reports

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/resilcheck/resilcheck/internal/audit"
)

// Simulation is what `simulate -f json` prints: the site-loss analysis of every manifest,
// with stable field names and empty lists rather than null.
type Simulation struct {
	AsOf      string              `json:"as_of"`
	Fail      []string            `json:"fail"`
	Summary   SimulationSummary   `json:"summary"`
	Manifests []SimulatedManifest `json:"manifests"`
}

// SimulationSummary counts what a simulation analysed.
type SimulationSummary struct {
	Manifests        int `json:"manifests"`
	Failures         int `json:"failures"`           // failures analysed, over all manifests
	FailuresWithLoss int `json:"failures_with_loss"` // of which take at least one service down
	Problems         int `json:"problems"`           // input problems (manifests not analysed)
	Unfinished       int `json:"unfinished"`         // manifests whose evaluation did not finish
}

// SimulatedManifest is one manifest's analysis.
type SimulatedManifest struct {
	Name     string          `json:"name"`
	File     string          `json:"file"`
	Document int             `json:"document"`
	Provider string          `json:"provider,omitempty"`
	Problems []audit.Problem `json:"problems,omitempty"`
	SiteLoss *audit.SiteLoss `json:"site_loss"`
	// Error says why a valid manifest has no analysis: its evaluation did not finish (the
	// --timeout bound, say).
	Error string `json:"error,omitempty"`

	services []string // the declared service ids, sorted, for naming survivors
}

// DocKey names one document of an input: its file and its index in the file.
type DocKey struct {
	File  string
	Index int
}

// NewSimulation gathers the site-loss analyses of r. services holds each document's declared
// service ids, sorted: the analysis counts survivors, and a small manifest's text names them.
func NewSimulation(r *audit.Report, fail []string, services map[DocKey][]string) Simulation {
	s := Simulation{AsOf: r.AsOf, Fail: fail, Manifests: []SimulatedManifest{}}
	if s.Fail == nil {
		s.Fail = []string{}
	}
	// An evaluation that did not finish leaves no analysis and an error result per control
	// it could not judge: that is what the manifest's text must say, not that the bundle
	// has no analysis (and the run must not pass).
	errored := map[string]string{}
	for _, res := range r.Results {
		if _, seen := errored[res.Manifest]; !seen && res.Status == audit.StatusError {
			errored[res.Manifest] = res.Reason
		}
	}
	for _, m := range r.Manifests {
		sm := SimulatedManifest{
			Name: m.Name, File: m.File, Document: m.Document, Provider: m.Provider,
			Problems: m.Problems, SiteLoss: m.SiteLoss, services: services[DocKey{m.File, m.Document}],
		}
		if reason, ok := errored[m.Name]; ok && m.SiteLoss == nil && len(m.Problems) == 0 {
			sm.Error = reason
			s.Summary.Unfinished++
		}
		s.Manifests = append(s.Manifests, sm)
		s.Summary.Manifests++
		s.Summary.Problems += len(m.Problems)
		if m.SiteLoss == nil {
			continue
		}
		for _, f := range m.SiteLoss.Failures {
			s.Summary.Failures++
			if f.Lost > 0 {
				s.Summary.FailuresWithLoss++
			}
		}
	}
	return s
}

// SimulationFormats are the formats WriteSimulation writes.
var SimulationFormats = append([]string{"text", "json"}, GraphFormats...)

// WriteSimulation writes s in format (text, json or a picture format) and lang; color
// paints the text's DOWN and OK marks for a terminal.
func WriteSimulation(w io.Writer, s Simulation, format, lang string, color bool) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(s)
	case "text":
		return s.writeText(w, lang, color)
	}
	for _, f := range GraphFormats {
		if f == format {
			return WriteLossGraph(w, format, lang, s.pictured())
		}
	}
	return fmt.Errorf("unknown simulation format %q", format)
}

// SimulateListed is the largest loss the simulation's text lists service by service.
const SimulateListed = 50

// simLine is a catalogue line filled with args. The Korean templates pick their arguments by
// index and leave out the English plural words passed beside the numbers.
func simLine(lang, key string, args ...any) string { return fmt.Sprintf(tr(lang, key), args...) }

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// simDomain names a failure domain with the datacenters it takes down.
func simDomain(lang string, d audit.FailureDomain) string {
	return domainLabel(lang, d, plainText, func(s string) string { return simLine(lang, "sim.takesdown", s) })
}

// writeText prints one block per manifest: a line per failure, and under each failure that
// takes something down a table of the lost services with their chains, then how many
// survive. A failure that takes more than SimulateListed services down lists only the ones
// broken in place (the roots of the loss) and counts the others: the JSON output links each
// of them to what it is lost through.
func (s Simulation) writeText(w io.Writer, lang string, color bool) error {
	L := lang
	paint := func(code, text string) string {
		if !color {
			return text
		}
		return "\x1b[" + code + "m" + text + "\x1b[0m"
	}
	down, ok := paint("1;31", tr(L, "sim.down")), paint("32", tr(L, "sim.ok"))
	bw := &errWriter{w: w}
	for i, m := range s.Manifests {
		if i > 0 {
			bw.printf("\n")
		}
		// Names and paths of unanalysed inputs are not validated ids: keep them inert.
		bw.printf("%s (%s)\n", audit.Printable(m.Name), audit.Printable(m.File))
		switch {
		case len(m.Problems) > 0:
			bw.str(simLine(L, "sim.problems", len(m.Problems), plural(len(m.Problems), "problem", "problems")))
			continue
		case m.Error != "":
			bw.str(simLine(L, "sim.unfinished", m.Error))
			continue
		case m.SiteLoss == nil:
			bw.str(tr(L, "sim.noanalysis"))
			continue
		case len(m.SiteLoss.Failures) == 0:
			bw.str(tr(L, "sim.nodatacenters"))
			continue
		}
		f0 := m.SiteLoss.Failures[0]
		total := f0.Lost + f0.Surviving
		lossy := 0
		for _, f := range m.SiteLoss.Failures {
			if f.Lost > 0 {
				lossy++
			}
		}
		bw.str(simLine(L, "sim.manifest", total, plural(total, "service", "services"),
			len(m.SiteLoss.Failures), plural(len(m.SiteLoss.Failures), "failure", "failures"), lossy, plural(lossy, "takes", "take")))
		ix := m.SiteLoss.Index()
		// A failure that loses exactly the datacenters of one listed before it (a site alone on
		// its substation) has the same outcome: say so instead of repeating the table.
		seen := map[string]audit.FailureDomain{}
		for _, f := range m.SiteLoss.Failures {
			key := strings.Join(f.Domain.Datacenters, "\x00")
			first, repeated := seen[key]
			if !repeated {
				seen[key] = f.Domain
			}
			mark := ok
			if f.Lost > 0 {
				mark = down
			}
			dom := simDomain(L, f.Domain)
			switch {
			case repeated && len(f.Domain.Datacenters) > 0:
				bw.str(simLine(L, "sim.same", mark, dom, simDomain(L, first)))
				continue
			case f.Lost > 0:
				bw.str(simLine(L, "sim.lost", down, dom, f.Lost, total))
				listed := f.Lost
				if listed > SimulateListed {
					listed = len(f.Broken)
				}
				lost := ix.Explain(f, listed)
				rows := [][]string{{"        " + tr(L, "sim.col.service"), tr(L, "sim.col.reason"), tr(L, "sim.col.chain")}}
				for _, u := range lost {
					reason, chain := u.Reason, strings.Join(u.Chain, " → ")
					if L == "ko" {
						// The English chain ends with the analysis' own words; Korean words
						// the cause from its phrase.
						reason, chain = term(L, u.Reason), chainText(L, u.Chain, u.CausePhrase)
					}
					rows = append(rows, []string{"        " + u.Service, reason, chain})
				}
				bw.str(padColumns(rows))
				if more := f.Lost - len(lost); more > 0 {
					bw.str(simLine(L, "sim.more", more, plural(more, "service", "services")))
				}
				switch survivors := m.survivors(lost, total); {
				case f.Surviving == 0:
					bw.str(simLine(L, "sim.surviving", tr(L, "label.none")))
				case survivors != nil:
					bw.str(simLine(L, "sim.surviving", strings.Join(survivors, ", ")))
				default:
					bw.str(simLine(L, "sim.surviving.count", f.Surviving, plural(f.Surviving, "service", "services")))
				}
			case len(f.Domain.Datacenters) == 0 && f.Domain.Kind == "power-feed":
				bw.str(simLine(L, "sim.feedspared", ok, dom))
			case len(f.Domain.Datacenters) == 0:
				bw.str(simLine(L, "sim.notours", ok, dom))
			default:
				bw.str(simLine(L, "sim.allsurvive", ok, dom, total))
			}
			for _, n := range f.Notes {
				note := n.Note
				if L == "ko" {
					note = phrase(L, n.NotePhrase, n.Note)
				}
				bw.str(simLine(L, "sim.note", n.Service, note))
			}
		}
		for _, c := range m.SiteLoss.Cycles {
			bw.str(simLine(L, "sim.cycle", strings.Join(c, " → "), c[0]))
		}
	}
	bw.printf("\n")
	if n := s.Summary.Unfinished; n > 0 {
		bw.str(simLine(L, "sim.sum.unfinished", n, plural(n, "manifest", "manifests")))
	}
	switch {
	case s.Summary.FailuresWithLoss > 0:
		bw.str(simLine(L, "sim.sum.loss", s.Summary.FailuresWithLoss, s.Summary.Failures,
			plural(s.Summary.Failures, "failure", "failures"), plural(s.Summary.FailuresWithLoss, "takes", "take")))
	case s.Summary.Failures > 0:
		bw.str(simLine(L, "sim.sum.survive", s.Summary.Failures, plural(s.Summary.Failures, "failure", "failures")))
	case s.Summary.Unfinished == 0:
		bw.str(tr(L, "sim.sum.none"))
	}
	return bw.err
}

// padColumns lines up rows by display width, two spaces apart, the last column unpadded:
// text/tabwriter counts runes, and a Korean cell is twice as wide as its runes.
func padColumns(rows [][]string) string {
	if len(rows) == 0 {
		return ""
	}
	widths := make([]int, len(rows[0])-1)
	for _, row := range rows {
		for i := range widths {
			widths[i] = max(widths[i], DisplayWidth(row[i]))
		}
	}
	var b strings.Builder
	for _, row := range rows {
		for i, cell := range row[:len(widths)] {
			b.WriteString(cell)
			b.WriteString(strings.Repeat(" ", widths[i]-DisplayWidth(cell)+2))
		}
		b.WriteString(row[len(widths)])
		b.WriteString("\n")
	}
	return b.String()
}

// pictured are the manifests with a site-loss analysis to draw.
func (s Simulation) pictured() []GraphManifest {
	var out []GraphManifest
	for _, m := range s.Manifests {
		if m.SiteLoss != nil {
			out = append(out, GraphManifest{Name: m.Name, SiteLoss: m.SiteLoss})
		}
	}
	return out
}

// survivors names the services not in lost, when lost is the whole loss of a manifest of
// total services as declared; otherwise nil.
func (m SimulatedManifest) survivors(lost []audit.LostService, total int) []string {
	if len(m.services) != total || total > SimulateListed {
		return nil
	}
	down := map[string]bool{}
	for _, u := range lost {
		down[u.Service] = true
	}
	var out []string
	for _, id := range m.services {
		if !down[id] {
			out = append(out, id)
		}
	}
	if len(out)+len(lost) != total {
		return nil
	}
	return out
}

// errWriter keeps the first write error so a renderer can print without checking every
// line and still report a broken pipe.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

func (e *errWriter) printf(format string, args ...any) { fmt.Fprintf(e, format, args...) }

func (e *errWriter) str(s string) { _, _ = io.WriteString(e, s) }
