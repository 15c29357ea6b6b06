// Command resilcheck checks whether an online service provider or datacenter operator meets
// Korea's resilience rules and writes audit reports. main is the only place that exits:
// every command returns an error, and exitCode maps it to the documented exit status.
package main

import (
	"fmt"
	"os"
	"runtime/pprof"
)

func main() {
	stop := startCPUProfile(os.Getenv("RESILCHECK_CPU_PROFILE"))
	app := newApp(appIO{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv})
	err := app.Run(os.Args)
	code := exitCode(err)
	if err != nil && !isReported(err) {
		fmt.Fprintln(os.Stderr, "resilcheck:", err)
	}
	stop()
	os.Exit(code)
}

// startCPUProfile writes a CPU profile of the whole run to path (for `go tool pprof`) when
// path is set: the README's performance figures are taken from whole processes, and a
// profile of one is what shows where a run's time goes. It is an environment variable, not
// a flag, so it covers flag parsing too and cannot change what a command reports. The
// returned function stops the profile; problems only warn, they never fail the run.
func startCPUProfile(path string) (stop func()) {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "resilcheck: warning: RESILCHECK_CPU_PROFILE:", err)
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintln(os.Stderr, "resilcheck: warning: RESILCHECK_CPU_PROFILE:", err)
		f.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		if err := f.Close(); err != nil {
			fmt.Fprintln(os.Stderr, "resilcheck: warning: RESILCHECK_CPU_PROFILE:", err)
		}
	}
}
