// Package parallel runs independent, indexed pieces of work on every core. The pipeline
// has several such steps (decoding input files, validating documents, parsing policy
// files, judging documents) and each writes its result into its own slot, so order and
// output stay deterministic whatever the scheduling.
package parallel

import (
	"context"
	"runtime"
	"sync"
)

// For calls f(i) for every i in [0, n) on at most workers goroutines (GOMAXPROCS when
// workers <= 0) and returns when all calls have returned. With one worker, or one item,
// it runs on the caller's goroutine: a one-file run pays nothing for the machinery.
func For(n, workers int, f func(i int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, n)
	if workers <= 1 {
		for i := range n {
			f(i)
		}
		return
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// Ahead calls next on a goroutine of its own, one result ahead of the caller, who takes the
// results from the channel in order: the next piece of a stream is made while the caller
// works on the one before. next reports false when there is nothing more, and is not called
// again once ctx is done. stop ends it early and waits for the goroutine (a result made
// meanwhile is dropped); call it once the caller is done, however it ends.
func Ahead[T any](ctx context.Context, next func() (T, bool)) (results <-chan T, stop func()) {
	out := make(chan T)
	quit := make(chan struct{})
	go func() {
		defer close(out)
		for ctx.Err() == nil {
			v, ok := next()
			if !ok {
				return
			}
			select {
			case out <- v:
			case <-quit:
				return
			}
		}
	}()
	var once sync.Once
	return out, func() {
		once.Do(func() {
			close(quit)
			for range out {
			}
		})
	}
}
