package reports

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/resilcheck/resilcheck/internal/audit"
	"github.com/resilcheck/resilcheck/internal/check"
)

var (
	campusOnce   sync.Once
	campusReport *audit.Report
	campusErr    error
)

// campus runs the real pipeline once over the synthetic campus, which loses a service for
// every reason, has a cycle, a shared building, a shared substation and a working failover;
// from the repository root, so the report names the file as a user there would see it.
func campus(t *testing.T) *audit.Report {
	t.Helper()
	if testing.Short() {
		t.Skip("evaluates the whole policy bundle")
	}
	campusOnce.Do(func() {
		wd, _ := os.Getwd()
		if campusErr = os.Chdir(".."); campusErr != nil {
			return
		}
		defer os.Chdir(wd)
		campusReport, campusErr = check.Run(context.Background(), check.Options{
			Paths: []string{"testdata/siteloss/campus.yaml"}, AsOf: "2026-01-01",
		})
	})
	if campusErr != nil {
		t.Fatalf("run the campus: %v", campusErr)
	}
	return campusReport
}

// campusServices are the services campus.yaml declares, sorted, as simulate reads them.
var campusServices = map[DocKey][]string{
	{File: "testdata/siteloss/campus.yaml", Index: 0}: {"billing", "chat", "ledger", "login", "mail", "ops", "reports", "search"},
}

func simulate(t *testing.T, s Simulation, format, lang string, color bool) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteSimulation(&b, s, format, lang, color); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestSimulationGoldens pins the simulation in both languages and as JSON. The English text
// is byte for byte what `simulate` printed before it moved here (the CLI test compares the
// same output with testdata/siteloss/campus.golden.txt).
func TestSimulationGoldens(t *testing.T) {
	s := NewSimulation(campus(t), nil, campusServices)
	checkGolden(t, "simulate/campus.en.txt", simulate(t, s, "text", "en", false))
	checkGolden(t, "simulate/campus.ko.txt", simulate(t, s, "text", "ko", false))
	checkGolden(t, "simulate/campus.en.json", simulate(t, s, "json", "en", false))
	want, err := os.ReadFile(filepath.Join("..", "testdata", "siteloss", "campus.golden.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if got := simulate(t, s, "text", "en", false); !bytes.Equal(got, want) {
		t.Errorf("the English text differs from the CLI's golden\n%s", firstDiff(want, got))
	}
}

// TestSimulationKoreanHasNoEnglishProse: every line of the Korean text is Korean but for ids,
// the file name and the command's name.
func TestSimulationKoreanHasNoEnglishProse(t *testing.T) {
	s := NewSimulation(campus(t), nil, campusServices)
	out := string(simulate(t, s, "text", "ko", false))
	for _, english := range []string{"DOWN", "OK ", "services", "survive", "takes down", "only active", "capacity left",
		"standby", "dependency", "note:", "SERVICE", "REASON", "CHAIN", "power feed", "datacenter ", "building "} {
		if strings.Contains(out, english) {
			t.Errorf("the Korean text says %q:\n%s", english, out)
		}
	}
	// The reasons and causes come from the same catalogue as the check report's.
	for _, ko := range []string{term("ko", "standby-unreachable"), term("ko", "power-feed"), "hall-a에서만 활성"} {
		if !strings.Contains(out, ko) {
			t.Errorf("the Korean text lacks %q:\n%s", ko, out)
		}
	}
}

// TestSimulationTextAlignsKorean: the chain column starts at the same display column on every
// row of a table, Korean reasons included.
func TestSimulationTextAlignsKorean(t *testing.T) {
	s := NewSimulation(campus(t), nil, campusServices)
	col := -1
	for _, line := range strings.Split(string(simulate(t, s, "text", "ko", false)), "\n") {
		i := strings.Index(line, " → ")
		if !strings.HasPrefix(line, "        ") || i < 0 || strings.HasPrefix(strings.TrimSpace(line), "유지") {
			col = -1
			continue
		}
		// The chain starts with the service, which is the row's first word.
		svc := strings.Fields(line)[0]
		start := DisplayWidth(line[:strings.LastIndex(line[:i], svc)])
		if col >= 0 && start != col {
			t.Errorf("chain at column %d, want %d: %q", start, col, line)
		}
		col = start
	}
}

// TestSimulationColor paints only the marks, and only when asked.
func TestSimulationColor(t *testing.T) {
	s := NewSimulation(campus(t), nil, campusServices)
	plain := string(simulate(t, s, "text", "ko", false))
	painted := string(simulate(t, s, "text", "ko", true))
	if strings.Contains(plain, "\x1b[") || !strings.Contains(painted, "\x1b[1;31m중단\x1b[0m") {
		t.Errorf("color: plain has escapes or painted lacks the red mark")
	}
}

// TestSimulationPicturesInKorean: the pictures take the language.
func TestSimulationPicturesInKorean(t *testing.T) {
	s := NewSimulation(campus(t), nil, campusServices)
	out := string(simulate(t, s, "mermaid", "ko", false))
	if !strings.Contains(out, "건물 campus-1") || strings.Contains(out, "building campus-1") {
		t.Errorf("the Korean picture does not name the building in Korean:\n%s", out)
	}
	if err := WriteSimulation(&bytes.Buffer{}, s, "sarif", "en", false); err == nil {
		t.Error("an unknown format is not refused")
	}
}

// TestSimulationStreamSpills: a simulation streamed manifest by manifest writes what
// encoding/json writes for the whole Simulation (JSON), and the same bytes whether its spool
// stays in memory or spills to a temporary file, in every format and with no manifest at
// all.
func TestSimulationStreamSpills(t *testing.T) {
	one := NewSimulation(campus(t), []string{"hall-a"}, campusServices)
	// The campus many times over, under other names: a spool of several spills.
	many := Simulation{AsOf: one.AsOf, Fail: one.Fail, Manifests: []SimulatedManifest{}}
	for i := 0; i < 40; i++ {
		m := one.Manifests[0]
		m.Name = fmt.Sprintf("campus-%02d <&>", i) // HTML characters, which encoding/json escapes
		many.Manifests = append(many.Manifests, m)
		many.Summary.add(m)
	}
	empty := Simulation{AsOf: "2026-01-01", Fail: []string{}, Manifests: []SimulatedManifest{}}
	for name, s := range map[string]Simulation{"one": one, "many": many, "none": empty} {
		var enc bytes.Buffer
		e := json.NewEncoder(&enc)
		e.SetIndent("", "  ")
		if err := e.Encode(s); err != nil {
			t.Fatal(err)
		}
		if got := simulate(t, s, "json", "en", false); !bytes.Equal(got, enc.Bytes()) {
			t.Errorf("%s: the streamed JSON differs from encoding/json's\n%s", name, firstDiff(enc.Bytes(), got))
		}
		for _, format := range SimulationFormats {
			inMemory := simulate(t, s, format, "en", false)
			saved := spoolInMemory
			spoolInMemory = 64
			st, err := NewSimulationStream(format, "en", false, s.AsOf, s.Fail)
			if err != nil {
				t.Fatal(err)
			}
			var dest bytes.Buffer
			for _, m := range s.Manifests {
				if err := st.Add(m); err != nil {
					t.Fatal(err)
				}
			}
			if st.Summary() != s.Summary {
				t.Errorf("%s/%s: summary %+v, want %+v", name, format, st.Summary(), s.Summary)
			}
			if err := st.Finish(&dest); err != nil {
				t.Fatal(err)
			}
			spilled := st.body.file != nil
			st.Close()
			spoolInMemory = saved
			if !bytes.Equal(dest.Bytes(), inMemory) {
				t.Errorf("%s/%s: spilled output differs\n%s", name, format, firstDiff(inMemory, dest.Bytes()))
			}
			if name == "many" && (format == "json" || format == "text") && !spilled {
				t.Errorf("%s/%s: the spool did not spill", name, format)
			}
		}
	}
}
