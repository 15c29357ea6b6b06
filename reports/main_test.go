package reports

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
)

// goldensSeen holds every golden file checkGolden compared or wrote in this run.
var goldensSeen sync.Map

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if code == 0 && completeRun() {
		if orphans := orphanGoldens(); len(orphans) > 0 {
			fmt.Fprintf(os.Stderr, "golden files no test compares (delete them, or run the test that should):\n  %s\n", strings.Join(orphans, "\n  "))
			code = 1
		}
	}
	os.Exit(code)
}

// completeRun reports whether every golden test ran: no -run or -skip filter and not -short
// (which skips the tests that evaluate the bundle).
func completeRun() bool {
	for _, name := range []string{"test.run", "test.skip"} {
		if f := flag.Lookup(name); f != nil && f.Value.String() != "" {
			return false
		}
	}
	return !testing.Short()
}

// orphanGoldens lists the files under the golden directories of testdata that no test of
// this run compared: a golden whose test was renamed or removed would otherwise stay,
// looking checked.
func orphanGoldens() []string {
	dirs := map[string]bool{}
	goldensSeen.Range(func(k, _ any) bool {
		parts := strings.SplitN(k.(string), "/", 3)
		if len(parts) == 3 {
			dirs[parts[1]] = true
		}
		return true
	})
	var orphans []string
	for dir := range dirs {
		_ = filepath.WalkDir(filepath.Join("testdata", dir), func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				if _, ok := goldensSeen.Load(filepath.ToSlash(p)); !ok {
					orphans = append(orphans, filepath.ToSlash(p))
				}
			}
			return nil
		})
	}
	sort.Strings(orphans)
	return orphans
}
