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
		name string
		in   inputs
		sys  hugeheap.System
		want uint64
	}{
		{"one ordinary manifest", inputs{26 << 10, 26 << 10}, roomy, 0},
		{"a few ordinary manifests", inputs{largeTotal - 1, 30 << 10}, roomy, 0},
		{"many ordinary manifests", inputs{largeTotal, 30 << 10}, roomy, hugeheap.LargeReservation},
		{"one manifest just under the large size", inputs{largeFile - 1, largeFile - 1}, roomy, 0},
		{"one large manifest", inputs{largeFile, largeFile}, roomy, hugeheap.LargeReservation},
		{"standard input", inputs{total: math.MaxInt64}, roomy, hugeheap.LargeReservation},
		{"a quarter of a small machine", inputs{largeTotal, largeFile}, hugeheap.System{THPMode: madvise, RAM: 2 * gb}, gb / 2},
		{"huge pages always on", inputs{largeTotal, largeFile}, hugeheap.System{THPMode: "[always] madvise never", RAM: 16 * gb}, 0},
	}
	for _, tt := range tests {
		if got := planHeap(tt.in, tt.sys); got != tt.want {
			t.Errorf("%s: %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestMeasureInputs(t *testing.T) {
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
	small := filepath.Join(dir, "small")
	a, b := write("small/a.yaml", 1000), write("small/b.yaml", 234)
	write("small/sub/c.json", 66)
	// What the loader's walk leaves out counts nothing: other extensions, dot-names.
	write("small/notes.txt", largeTotal)
	write("small/.hidden.yaml", largeTotal)
	write("small/.git/x.yaml", largeTotal)
	many := filepath.Join(dir, "many")
	for i := range 40 {
		write(filepath.Join("many", fmt.Sprintf("m%02d.yaml", i)), 32<<10)
	}
	big := write("big.yaml", largeFile)
	linked := filepath.Join(dir, "linked")
	if err := os.Symlink(small, linked); err != nil {
		t.Logf("no symbolic link here (%v): the linked case is left out", err)
		linked = small
	}
	for _, tt := range []struct {
		paths []string
		want  inputs
	}{
		{[]string{a}, inputs{1000, 1000}},
		{[]string{a, b, filepath.Join(dir, "missing.yaml")}, inputs{1234, 1000}},
		{[]string{small}, inputs{1300, 1000}},
		{[]string{a, small}, inputs{2300, 1000}},
		{[]string{linked}, inputs{1300, 1000}},
		// The walk stops once the inputs are large: at the 32nd file of 40.
		{[]string{many}, inputs{largeTotal, 32 << 10}},
		{[]string{big, many}, inputs{largeFile, largeFile}},
		{[]string{"-"}, inputs{total: math.MaxInt64}},
		{nil, inputs{}},
	} {
		if got := measureInputs(tt.paths); got != tt.want {
			t.Errorf("measureInputs(%v) = %+v, want %+v", tt.paths, got, tt.want)
		}
	}
}
