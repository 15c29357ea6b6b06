package audit

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Printable makes text from manifests and policies inert on a terminal: C0 and C1 control
// characters (except newline and tab) and the Unicode bidirectional overrides, which can
// make text read in another order than it is stored, become escapes such as \x1b and
// \u202e. Manifests and custom policies are untrusted input, and what reaches a terminal
// must not retitle it, move the cursor or hide the lines below. Everything printed for a
// person to read (problems on standard error, the text report) goes through it.
func Printable(s string) string {
	if utf8.ValidString(s) && !strings.ContainsFunc(s, unprintable) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case !unprintable(r):
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.String()
}

func unprintable(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}
