package main

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/resilcheck/resilcheck/internal/hugeheap"
)

func TestPlanHeap(t *testing.T) {
	const madvise, gb = "always [madvise] never\n", uint64(1 << 30)
	roomy := hugeheap.System{THPMode: madvise, Overcommit: "0\n", RAM: 16 * gb}
	tests := []struct {
		name  string
		input int64
		sys   hugeheap.System
		want  uint64
	}{
		{"one small manifest", 26 << 10, roomy, 0},
		{"just under the small size", smallInput - 1, roomy, 0},
		{"at the small size", smallInput, roomy, hugeheap.LargeReservation},
		{"standard input", math.MaxInt64, roomy, hugeheap.LargeReservation},
		{"a quarter of a small machine", 1 << 20, hugeheap.System{THPMode: madvise, RAM: 2 * gb}, gb / 2},
		{"huge pages always on", 1 << 20, hugeheap.System{THPMode: "[always] madvise never", RAM: 16 * gb}, 0},
	}
	for _, tt := range tests {
		if got := planHeap(tt.input, tt.sys); got != tt.want {
			t.Errorf("%s: %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestInputSize(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, size int) string {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, make([]byte, size), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a, b := write("a.yaml", 1000), write("b.yaml", 234)
	write("sub/c.json", 66)
	// What the loader's walk leaves out counts nothing: other extensions, dot-names.
	write("notes.txt", 5000)
	write(".hidden.yaml", 7000)
	write(".git/x.yaml", 9000)
	many := filepath.Join(dir, "many")
	for i := range 10 {
		write(filepath.Join("many", fmt.Sprintf("m%02d.yaml", i)), 1000)
	}
	for _, tt := range []struct {
		paths  []string
		enough int64
		want   int64
	}{
		{[]string{a}, 1 << 20, 1000},
		{[]string{a, b, filepath.Join(dir, "missing.yaml")}, 1 << 20, 1234},
		{[]string{filepath.Join(dir, "sub")}, 1 << 20, 66},
		{[]string{dir}, 1 << 20, 1300 + 10000},
		{[]string{a, many}, 1 << 20, 11000},
		// The walk stops once the total is enough: three of the ten files.
		{[]string{many}, 2500, 3000},
		{[]string{a, many}, 1000, 1000},
		{[]string{"-"}, 1 << 20, math.MaxInt64},
		{nil, 1 << 20, 0},
	} {
		if got := inputSize(tt.paths, tt.enough); got != tt.want {
			t.Errorf("inputSize(%v, %d) = %d, want %d", tt.paths, tt.enough, got, tt.want)
		}
	}
}
