package reports

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
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
	byName := map[string][]audit.Result{}
	for _, res := range r.Results {
		byName[res.Manifest] = append(byName[res.Manifest], res)
	}
	for _, m := range r.Manifests {
		sm := NewSimulatedManifest(m, byName[m.Name], services[DocKey{m.File, m.Document}])
		s.Summary.add(sm)
		s.Manifests = append(s.Manifests, sm)
	}
	return s
}

// NewSimulatedManifest is one manifest's analysis, from the manifest and its verdicts as a
// run hands them over; services are its declared service ids, sorted (nil will do for a
// manifest of more than SimulateListed services: their text never names survivors).
func NewSimulatedManifest(m audit.Manifest, results []audit.Result, services []string) SimulatedManifest {
	sm := SimulatedManifest{
		Name: m.Name, File: m.File, Document: m.Document, Provider: m.Provider,
		Problems: m.Problems, SiteLoss: m.SiteLoss, services: services,
	}
	// An evaluation that did not finish leaves no analysis and an error result per control
	// it could not judge: that is what the manifest's text must say, not that the bundle
	// has no analysis (and the run must not pass).
	if m.SiteLoss == nil && len(m.Problems) == 0 {
		for _, res := range results {
			if res.Status == audit.StatusError {
				sm.Error = res.Reason
				break
			}
		}
	}
	return sm
}

// add counts one manifest.
func (c *SimulationSummary) add(m SimulatedManifest) {
	c.Manifests++
	c.Problems += len(m.Problems)
	if m.Error != "" {
		c.Unfinished++
	}
	if m.SiteLoss == nil {
		return
	}
	for _, f := range m.SiteLoss.Failures {
		c.Failures++
		if f.Lost > 0 {
			c.FailuresWithLoss++
		}
	}
}

// SimulationFormats are the formats WriteSimulation writes.
var SimulationFormats = append([]string{"text", "json"}, GraphFormats...)

// WriteSimulation writes s in format (text, json or a picture format) and lang; color
// paints the text's DOWN and OK marks for a terminal. It is a SimulationStream fed s.
func WriteSimulation(w io.Writer, s Simulation, format, lang string, color bool) error {
	st, err := NewSimulationStream(format, lang, color, s.AsOf, s.Fail)
	if err != nil {
		return err
	}
	defer st.Close()
	for _, m := range s.Manifests {
		if err := st.Add(m); err != nil {
			return err
		}
	}
	return st.finish(w, s.Summary)
}

// SimulationStream renders a simulation as its manifests arrive, keeping only what the
// output needs once they are gone: the text and the JSON manifests wait in a spool (memory,
// then an unlinked temporary file) behind the summary they come after or before, and a
// picture keeps each failure's graph, which is bounded whatever the manifest's size. Nothing
// reaches the destination before Finish, so a run that fails writes nothing.
type SimulationStream struct {
	format, lang string
	color        bool
	asOf         string
	fail         []string
	summary      SimulationSummary
	body         spool
	graphs       []lossGraph
}

// NewSimulationStream starts a simulation of the run at asOf that takes fail down.
func NewSimulationStream(format, lang string, color bool, asOf string, fail []string) (*SimulationStream, error) {
	if !slices.Contains(SimulationFormats, format) {
		return nil, fmt.Errorf("unknown simulation format %q", format)
	}
	if fail == nil {
		fail = []string{}
	}
	return &SimulationStream{format: format, lang: lang, color: color, asOf: asOf, fail: fail}, nil
}

// Add renders one manifest; they come in report order.
func (s *SimulationStream) Add(m SimulatedManifest) error {
	first := s.summary.Manifests == 0
	s.summary.add(m)
	switch s.format {
	case "json":
		// As encoding/json indents an element of the top object's "manifests" array.
		b, err := json.Marshal(m)
		if err != nil {
			return err
		}
		var ind bytes.Buffer
		if !first {
			ind.WriteString(",")
		}
		ind.WriteString("\n    ")
		if err := json.Indent(&ind, b, "    ", "  "); err != nil {
			return err
		}
		_, err = s.body.Write(ind.Bytes())
		return err
	case "text":
		bw := &errWriter{w: &s.body}
		if !first {
			bw.printf("\n")
		}
		s.writeTextManifest(bw, m)
		return bw.err
	}
	if m.SiteLoss != nil {
		s.graphs = append(s.graphs, graphs(s.lang, []GraphManifest{{Name: m.Name, SiteLoss: m.SiteLoss}})...)
	}
	return nil
}

// Summary counts what has been added so far.
func (s *SimulationStream) Summary() SimulationSummary { return s.summary }

// Finish writes the whole simulation to w.
func (s *SimulationStream) Finish(w io.Writer) error { return s.finish(w, s.summary) }

func (s *SimulationStream) finish(w io.Writer, sum SimulationSummary) error {
	switch s.format {
	case "json":
		head, err := json.Marshal(Simulation{AsOf: s.asOf, Fail: s.fail, Summary: sum, Manifests: []SimulatedManifest{}})
		if err != nil {
			return err
		}
		var ind bytes.Buffer
		if err := json.Indent(&ind, head, "", "  "); err != nil {
			return err
		}
		// The manifests are the last field: the head ends in their empty array.
		const empty = "[]\n}"
		doc := ind.Bytes()
		if s.summary.Manifests == 0 || !bytes.HasSuffix(doc, []byte(empty)) {
			_, err := w.Write(append(doc, '\n'))
			return err
		}
		bw := bufio.NewWriterSize(w, 1<<20)
		bw.Write(doc[:len(doc)-len(empty)])
		bw.WriteByte('[')
		if err := s.body.copyTo(bw); err != nil {
			return err
		}
		bw.WriteString("\n  ]\n}\n")
		return bw.Flush()
	case "text":
		bw := &errWriter{w: bufio.NewWriterSize(w, 1<<20)}
		if err := s.body.copyTo(bw); err != nil {
			return err
		}
		s.writeTextSummary(bw, sum)
		if bw.err != nil {
			return bw.err
		}
		return bw.w.(*bufio.Writer).Flush()
	}
	return writeLossGraphs(w, s.format, s.lang, s.graphs)
}

// Close releases the spool; it is safe to call at any time, more than once.
func (s *SimulationStream) Close() error { return s.body.Close() }

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
func (s *SimulationStream) writeTextManifest(bw *errWriter, m SimulatedManifest) {
	L := s.lang
	paint := func(code, text string) string {
		if !s.color {
			return text
		}
		return "\x1b[" + code + "m" + text + "\x1b[0m"
	}
	down, ok := paint("1;31", tr(L, "sim.down")), paint("32", tr(L, "sim.ok"))
	// Names and paths of unanalysed inputs are not validated ids: keep them inert.
	bw.printf("%s (%s)\n", audit.Printable(m.Name), audit.Printable(m.File))
	switch {
	case len(m.Problems) > 0:
		bw.str(simLine(L, "sim.problems", len(m.Problems), plural(len(m.Problems), "problem", "problems")))
		return
	case m.Error != "":
		bw.str(simLine(L, "sim.unfinished", m.Error))
		return
	case m.SiteLoss == nil:
		bw.str(tr(L, "sim.noanalysis"))
		return
	case len(m.SiteLoss.Failures) == 0:
		bw.str(tr(L, "sim.nodatacenters"))
		return
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

// writeTextSummary ends the text with the run's counts.
func (s *SimulationStream) writeTextSummary(bw *errWriter, sum SimulationSummary) {
	L := s.lang
	bw.printf("\n")
	if n := sum.Unfinished; n > 0 {
		bw.str(simLine(L, "sim.sum.unfinished", n, plural(n, "manifest", "manifests")))
	}
	switch {
	case sum.FailuresWithLoss > 0:
		bw.str(simLine(L, "sim.sum.loss", sum.FailuresWithLoss, sum.Failures,
			plural(sum.Failures, "failure", "failures"), plural(sum.FailuresWithLoss, "takes", "take")))
	case sum.Failures > 0:
		bw.str(simLine(L, "sim.sum.survive", sum.Failures, plural(sum.Failures, "failure", "failures")))
	case sum.Unfinished == 0:
		bw.str(tr(L, "sim.sum.none"))
	}
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

// writeLossGraphs is WriteLossGraph for graphs already built.
func writeLossGraphs(w io.Writer, format, lang string, gs []lossGraph) error {
	bw := &errWriter{w: w}
	switch format {
	case "dot":
		writeDOT(bw, lang, gs)
	case "mermaid":
		writeMermaid(bw, lang, gs)
	case "svg":
		writeSVGDocument(bw, lang, gs)
	default:
		return fmt.Errorf("unknown picture format %q (want %s)", format, strings.Join(GraphFormats, ", "))
	}
	return bw.err
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
