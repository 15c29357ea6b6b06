package corpus

import (
	"math"
	"math/bits"
)

// rng is SplitMix64 with the few draws the generator needs. It is written out here rather
// than taken from math/rand so that a seed means the same corpus on every Go release.
type rng struct{ s uint64 }

// newRNG seeds a stream from a corpus seed and a stream number (the file index), so file i
// of a population is the same whatever the population's size.
func newRNG(seed int64, stream uint64) *rng {
	r := &rng{s: uint64(seed)*0x9e3779b97f4a7c15 ^ (stream+1)*0xbf58476d1ce4e5b9}
	r.next()
	return r
}

func (r *rng) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	z := r.s
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// intn is uniform in [0, n); n <= 0 gives 0.
func (r *rng) intn(n int) int {
	if n <= 0 {
		return 0
	}
	hi, _ := bits.Mul64(r.next(), uint64(n))
	return int(hi)
}

// between is uniform in [lo, hi].
func (r *rng) between(lo, hi int) int { return lo + r.intn(hi-lo+1) }

func (r *rng) float() float64 { return float64(r.next()>>11) / (1 << 53) }

// chance is true with probability p.
func (r *rng) chance(p float64) bool { return r.float() < p }

// logUniform is log-uniform in [lo, hi]: durations, user counts and revenues span orders of
// magnitude.
func (r *rng) logUniform(lo, hi float64) float64 {
	return math.Exp(math.Log(lo) + r.float()*(math.Log(hi)-math.Log(lo)))
}

// weighted picks an index with probability proportional to its weight.
func (r *rng) weighted(w []int) int {
	total := 0
	for _, x := range w {
		total += x
	}
	n := r.intn(total)
	for i, x := range w {
		if n < x {
			return i
		}
		n -= x
	}
	return len(w) - 1
}

// pick returns one element of l.
func pick[T any](r *rng, l []T) T { return l[r.intn(len(l))] }

// subset returns k distinct elements of l (k clamped to len(l)), in l's order.
func subset[T any](r *rng, l []T, k int) []T {
	if k >= len(l) {
		return append([]T(nil), l...)
	}
	chosen := make([]bool, len(l))
	for n := 0; n < k; {
		i := r.intn(len(l))
		if !chosen[i] {
			chosen[i] = true
			n++
		}
	}
	out := make([]T, 0, k)
	for i, x := range l {
		if chosen[i] {
			out = append(out, x)
		}
	}
	return out
}
