package main

import "testing"

func TestOneOf(t *testing.T) {
	tests := []struct {
		name    string
		value   string
		allowed []string
		wantErr string // "" when accepted
	}{
		{"accepted", "json", []string{"text", "json"}, ""},
		{"two choices", "xml", []string{"text", "json"}, `unknown format "xml": want text or json`},
		{"three choices", "yaml", []string{"text", "json", "markdown"}, `unknown format "yaml": want text, json or markdown`},
		{"case matters", "JSON", []string{"text", "json"}, `unknown format "JSON": want text or json`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := oneOf("format", tt.value, tt.allowed...)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("oneOf(%q) = %v, want nil", tt.value, err)
			case tt.wantErr != "" && (err == nil || err.Error() != tt.wantErr):
				t.Fatalf("oneOf(%q) = %v, want %q", tt.value, err, tt.wantErr)
			case tt.wantErr != "" && exitCode(err) != ExitInputError:
				t.Fatalf("oneOf(%q) exit code %d, want %d", tt.value, exitCode(err), ExitInputError)
			}
		})
	}
}
