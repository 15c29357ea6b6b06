// Package suggest finds the word a user most likely meant ("did you mean"), for misspelt
// manifest fields, parameter names and control ids alike, so every message suggests the
// same way.
package suggest

import "strings"

// Closest returns the candidate nearest to s by case-insensitive edit distance, when it is
// at most maxDistance edits away; ties go to the alphabetically first candidate, so the
// suggestion never depends on the candidates' order. It returns "" when nothing is close.
func Closest(s string, candidates []string, maxDistance int) string {
	best, bestD := "", -1
	ls := strings.ToLower(s)
	for _, c := range candidates {
		d := Distance(ls, strings.ToLower(c))
		if bestD < 0 || d < bestD || (d == bestD && c < best) {
			best, bestD = c, d
		}
	}
	if bestD < 0 || bestD > maxDistance {
		return ""
	}
	return best
}

// Distance is the Levenshtein edit distance between a and b, counted in runes.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
