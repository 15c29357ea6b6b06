package audit

import "testing"

func TestPrintable(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain text unchanged", "Kakao Corp. 카카오", "Kakao Corp. 카카오"},
		{"newline and tab kept", "a\n\tb", "a\n\tb"},
		{"terminal title sequence", "x\x1b]0;pwned\a", `x\x1b]0;pwned\x07`},
		{"cursor movement", "\x1b[2J\x1b[1A", `\x1b[2J\x1b[1A`},
		{"C1 control and DEL", "a\u009bb\x7f", `a\x9bb\x7f`},
		{"bidi override and isolate", "abc\u202eevil\u2066", `abc\u202eevil\u2066`},
		{"bytes that are not UTF-8", "a\x9bb\xff", "a\ufffdb\ufffd"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Printable(tt.in); got != tt.want {
				t.Errorf("Printable(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if again := Printable(Printable(tt.in)); again != tt.want {
				t.Errorf("Printable is not idempotent: %q", again)
			}
		})
	}
}
