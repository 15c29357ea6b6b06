// Command resilcheck checks whether an online service provider or datacenter operator meets
// Korea's resilience rules and writes audit reports. main is the only place that exits:
// every command returns an error, and exitCode maps it to the documented exit status.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/pprof"
	"sync/atomic"
	"syscall"
	"time"
)

func main() {
	stop := startCPUProfile(os.Getenv("RESILCHECK_CPU_PROFILE"))
	exit := func(code int) {
		stop()
		os.Exit(code)
	}
	ctx, received, release := interruptible(context.Background(), exit)
	app := newApp(appIO{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv})
	err := app.RunContext(ctx, os.Args)
	release()
	if sig := received(); sig != nil {
		var ie *interruptError
		if !errors.As(err, &ie) {
			// A command that does not watch its context ran to its end; the exit status
			// still tells the caller the run was interrupted.
			if err != nil && !isReported(err) {
				fmt.Fprintln(os.Stderr, "resilcheck:", err)
			}
			err = sig
		}
	}
	exit(finish(err, os.Stderr))
}

// finish prints what a command's error says unless the command already reported it, and
// returns the exit status the process ends with.
func finish(err error, stderr io.Writer) int {
	code := exitCode(err)
	if err != nil && !isReported(err) {
		fmt.Fprintln(stderr, "resilcheck:", err)
	}
	return code
}

// windDown is how long a run may take to stop after the first SIGINT or SIGTERM. Most
// steps watch the context and stop at once; a few cannot (reading standard input that
// never ends, compiling the bundle), and a CI runner or `docker stop` that sends SIGTERM
// and then SIGKILL after ten seconds must still see the documented status.
const windDown = 5 * time.Second

// interruptible returns a context that the first SIGINT or SIGTERM cancels, with an
// *interruptError as its cause; a function that returns that error once a signal has
// arrived (nil before); and one that releases the context when the command is done.
//
// On the signal the command winds down: evaluation stops, a report being written is
// discarded, and main exits with ExitInterrupted plus the signal number. If the command
// is still running after windDown, exit is called with that status regardless. A second
// signal ends the process at once, by the signal's default action, as a user pressing
// Ctrl-C twice expects.
//
// A signal that was ignored when the process started stays ignored: that is how a shell
// starts a background job (`resilcheck check ... &`) that Ctrl-C must not stop, and how
// nohup works.
func interruptible(parent context.Context, exit func(code int)) (ctx context.Context, received func() *interruptError, release func()) {
	var sigs []os.Signal
	for _, s := range []os.Signal{syscall.SIGINT, syscall.SIGTERM} {
		if !signal.Ignored(s) {
			sigs = append(sigs, s)
		}
	}
	ctx, cancel := context.WithCancelCause(parent)
	release = func() { cancel(nil) }
	var got atomic.Pointer[interruptError]
	if len(sigs) > 0 {
		ch := make(chan os.Signal, 2) // room for both: os/signal drops what does not fit
		signal.Notify(ch, sigs...)
		go func() {
			ie := &interruptError{sig: (<-ch).(syscall.Signal)}
			got.Store(ie)
			cancel(ie)
			time.AfterFunc(windDown, func() {
				fmt.Fprintf(os.Stderr, "resilcheck: %v: the run did not stop within %s; exiting now\n", ie, windDown)
				exit(exitCode(ie))
			})
			// The second signal is taken from the channel too, rather than left to a default
			// action restored after the first: two signals in quick succession (Ctrl-C twice)
			// could otherwise both arrive before the restore and the second be lost.
			s := (<-ch).(syscall.Signal)
			signal.Reset(sigs...)
			if p, err := os.FindProcess(os.Getpid()); err == nil && p.Signal(s) == nil {
				time.Sleep(time.Second) // the default action ends the process meanwhile
			}
			// Where a process cannot signal itself (Windows), the same status as a shell
			// reports for a process killed by the signal.
			exit(exitCode(&interruptError{sig: s}))
		}()
	}
	return ctx, got.Load, release
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
