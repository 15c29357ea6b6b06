package main

import (
	"math"
	"os"
	"path/filepath"
	"testing"
)

// hugePageChild marks a test process started to measure huge pages in a fresh process.
const hugePageChild = "RESILCHECK_TEST_HUGEPAGE_CHILD"

func TestPlanHeap(t *testing.T) {
	const madvise, gb = "always [madvise] never\n", uint64(1 << 30)
	tests := []struct {
		name       string
		input      int64
		mode, over string
		limited    bool
		ram        uint64
		want       heapPlan
	}{
		{"one small manifest", 26 << 10, madvise, "0\n", false, 16 * gb, heapPlan{size: smallReservation}},
		{"just under the small size", smallInput - 1, madvise, "0", false, 16 * gb, heapPlan{size: smallReservation}},
		{"at the small size", smallInput, madvise, "0", false, 16 * gb, heapPlan{size: largeReservation, release: true}},
		{"a directory", math.MaxInt64, madvise, "1", false, 16 * gb, heapPlan{size: largeReservation, release: true}},
		{"unknown memory", 1 << 20, madvise, "0", false, 0, heapPlan{size: largeReservation, release: true}},
		{"a quarter of a small machine", 1 << 20, madvise, "0", false, 2 * gb, heapPlan{size: gb / 2, release: true}},
		{"too small a machine", 1 << 20, madvise, "0", false, 200 << 20, heapPlan{}},
		{"huge pages always on", 1 << 20, "[always] madvise never", "0", false, 16 * gb, heapPlan{}},
		{"huge pages off", 1 << 20, "always madvise [never]", "0", false, 16 * gb, heapPlan{}},
		{"no huge pages in the kernel", 1 << 20, "", "0", false, 16 * gb, heapPlan{}},
		{"strict overcommit", 1 << 20, madvise, "2\n", false, 16 * gb, heapPlan{}},
		{"address space limited", 1 << 20, madvise, "0", true, 16 * gb, heapPlan{}},
	}
	for _, tt := range tests {
		if got := planHeap(tt.input, tt.mode, tt.over, tt.limited, tt.ram); got != tt.want {
			t.Errorf("%s: %+v, want %+v", tt.name, got, tt.want)
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
