package main

import "testing"

func TestParseSize(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    int64
		wantErr bool
	}{
		{"bytes", "1048576", 1 << 20, false},
		{"binary suffix", "16MiB", 16 << 20, false},
		{"decimal suffix with space", "2 KB", 2000, false},
		{"explicit bytes", "256B", 256, false},
		{"zero", "0", 0, true},
		{"negative", "-1MiB", 0, true},
		{"not a number", "lots", 0, true},
		{"unknown unit", "16TiB", 0, true},
		{"overflows int64", "9999999999GiB", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseSize(tt.in)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("parseSize(%q) = %d, %v; want %d, error %v", tt.in, got, err, tt.want, tt.wantErr)
			}
		})
	}
}
