package main

import (
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
		{"a directory", math.MaxInt64, roomy, hugeheap.LargeReservation},
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
	a, b := filepath.Join(dir, "a.yaml"), filepath.Join(dir, "b.yaml")
	if err := os.WriteFile(a, make([]byte, 1000), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(b, make([]byte, 234), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		paths []string
		want  int64
	}{
		{[]string{a}, 1000},
		{[]string{a, b, filepath.Join(dir, "missing.yaml")}, 1234},
		{[]string{a, dir}, math.MaxInt64},
		{[]string{"-"}, math.MaxInt64},
		{nil, 0},
	} {
		if got := inputSize(tt.paths); got != tt.want {
			t.Errorf("inputSize(%v) = %d, want %d", tt.paths, got, tt.want)
		}
	}
}
