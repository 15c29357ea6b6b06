// Command genplan writes the built-in bundle's prebuilt files (internal/engine/prebuilt):
// the controls' metadata as Go source (meta.go) and the main query and the site-loss
// analysis planned for irvm, so a run of the unchanged bundle neither parses nor compiles
// it. Run it after changing anything under policies/ or upgrading OPA:
//
//	go generate ./internal/engine          # or: go run ./internal/tools/genplan
//	go run ./internal/tools/genplan -check # exit 1 if the files are stale
//
// The engine's TestPrebuiltIsCurrent fails while they are stale; a stale copy is never
// used (the policies' digest or a plan's header no longer matches), it only costs start-up
// time. genplan is built with the engine, so a change to package prebuilt's types that
// leaves meta.go not compiling needs meta.go reduced to "package prebuilt; var Bundle Meta"
// before it runs.
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/resilcheck/resilcheck/internal/engine"
)

func main() {
	dir := flag.String("dir", "", "where to write the files (default: the engine's prebuilt directory, found from the working directory)")
	check := flag.Bool("check", false, "report whether the files are current instead of writing them")
	flag.Parse()
	if err := run(*dir, *check); err != nil {
		fmt.Fprintln(os.Stderr, "genplan:", err)
		os.Exit(1)
	}
}

func run(dir string, check bool) error {
	if dir == "" {
		var err error
		if dir, err = prebuiltDir(); err != nil {
			return err
		}
	}
	files, err := engine.GeneratePrebuilt(context.Background())
	if err != nil {
		return err
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	var stale []string
	for _, n := range names {
		path := filepath.Join(dir, n)
		old, err := os.ReadFile(path)
		if err == nil && bytes.Equal(old, files[n]) {
			continue
		}
		if check {
			stale = append(stale, path)
			continue
		}
		if err := os.WriteFile(path, files[n], 0o644); err != nil {
			return err
		}
		fmt.Printf("wrote %s (%d bytes)\n", path, len(files[n]))
	}
	if len(stale) > 0 {
		return fmt.Errorf("stale: %v; run go generate ./internal/engine", stale)
	}
	return nil
}

// prebuiltDir finds internal/engine/prebuilt from the working directory: go generate runs
// in internal/engine, go run usually at the repository root.
func prebuiltDir() (string, error) {
	for _, d := range []string{engine.PrebuiltDir, filepath.Join("internal", "engine", engine.PrebuiltDir)} {
		if fi, err := os.Stat(d); err == nil && fi.IsDir() {
			return d, nil
		}
	}
	return "", fmt.Errorf("no %s directory here or under internal/engine: run from the repository root or give -dir", engine.PrebuiltDir)
}
