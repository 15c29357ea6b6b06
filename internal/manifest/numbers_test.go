package manifest

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// A number too large for the pipeline used to fall back to a string in YAML (the schema then
// said "expected number, got string") and was echoed whole in messages. It is refused where
// it is written, saying why, and a long one is shortened in the message.
func TestNumbersOutOfRange(t *testing.T) {
	long := "1" + strings.Repeat("0", 100_000)
	intRange := " is out of range: integers are read exactly only from -9223372036854775808 to 18446744073709551615 (64 bits); write a larger amount with an exponent, e.g. 1.5e20"
	floatRange := " is out of range: a number must fit a 64-bit floating-point value (at most about 1.8e308 either side of zero)"
	tests := []struct {
		name, file, in string
		want           []string
	}{
		{"yaml float", "m.yaml", "a: 1e400\n", []string{"1:4 /a: number 1e400" + floatRange}},
		{"yaml negative float", "m.yaml", "a: [-1.5e400]\n", []string{"1:5 /a/0: number -1.5e400" + floatRange}},
		{"yaml float with a fraction only", "m.yaml", "a: .5e400\n", []string{"1:4 /a: number .5e400" + floatRange}},
		{"yaml long integer", "m.yaml", "a: " + long + "\n", []string{"1:4 /a: integer 10000000000000000000… (100001 characters)" + intRange}},
		{"yaml 2^64", "m.yaml", "a: 18446744073709551616\n", []string{"1:4 /a: integer 18446744073709551616" + intRange}},
		{"yaml below int64", "m.yaml", "a: -9223372036854775809\n", []string{"1:4 /a: integer -9223372036854775809" + intRange}},
		{"yaml hex beyond 64 bits", "m.yaml", "a: 0x1_0000_0000_0000_0000\n", []string{"1:4 /a: integer 0x1_0000_0000_0000_0000" + intRange}},
		{"yaml explicit int tag", "m.yaml", "a: !!int 18446744073709551616\n", []string{"1:4 /a: integer 18446744073709551616" + intRange}},
		{"yaml long fraction", "m.yaml", "a: 0." + strings.Repeat("3", 200) + "\n", []string{"1:4 /a: number 0.333333333333333333… (202 characters) is too long: a number is read from at most 100 characters (a 64-bit floating-point value holds about 17 significant digits)"}},
		{"json float", "m.json", `{"a": 1e400}`, []string{"1:7 /a: number 1e400" + floatRange}},
		{"json long integer", "m.json", `{"a": ` + long + `}`, []string{"1:7 /a: integer 10000000000000000000… (100001 characters)" + intRange}},
		{"json 2^64", "m.json", `{"a": -9223372036854775809}`, []string{"1:7 /a: integer -9223372036854775809" + intRange}},
		{"json long fraction", "m.json", `{"a": 0.` + strings.Repeat("3", 200) + `}`, []string{"1:7 /a: number 0.333333333333333333… (202 characters) is too long: a number is read from at most 100 characters (a 64-bit floating-point value holds about 17 significant digits)"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := loadString(t, tc.file, tc.in, Options{})
			var got []string
			for _, p := range src.Problems {
				got = append(got, itoa(p.Line)+":"+itoa(p.Column)+" "+p.Pointer+": "+p.Message)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("problems\n got %.400q\nwant %.400q", got, tc.want)
			}
			if len(src.Documents) != 0 || src.Rejected != 1 {
				t.Errorf("documents = %d, rejected = %d; want 0, 1", len(src.Documents), src.Rejected)
			}
		})
	}
}

func TestNumbersAtTheLimits(t *testing.T) {
	tests := []struct {
		name, file, in string
		want           any
	}{
		{"yaml largest unsigned", "m.yaml", "a: 18446744073709551615\n", json.Number("18446744073709551615")},
		{"yaml smallest signed", "m.yaml", "a: -9223372036854775808\n", json.Number("-9223372036854775808")},
		{"yaml largest float", "m.yaml", "a: 1.7976931348623157e308\n", json.Number("1.7976931348623157e308")},
		{"yaml underflow is a number", "m.yaml", "a: 1e-400\n", json.Number("1e-400")},
		{"yaml quoted stays a string", "m.yaml", "a: \"1e400\"\n", "1e400"},
		{"yaml tagged stays a string", "m.yaml", "a: !!str 1e400\n", "1e400"},
		{"yaml text that is not a number", "m.yaml", "a: 1e400x\n", "1e400x"},
		{"json largest unsigned", "m.json", `{"a": 18446744073709551615}`, json.Number("18446744073709551615")},
		{"json largest float", "m.json", `{"a": -1.7976931348623157e308}`, json.Number("-1.7976931348623157e308")},
		{"json 100 characters", "m.json", `{"a": 0.` + strings.Repeat("5", 98) + `}`, json.Number("0." + strings.Repeat("5", 98))},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := loadString(t, tc.file, tc.in, Options{})
			if len(src.Problems) != 0 || len(src.Documents) != 1 {
				t.Fatalf("problems %v", src.Problems)
			}
			if got := src.Documents[0].Value.(map[string]any)["a"]; got != tc.want {
				t.Errorf("a = %#v, want %#v", got, tc.want)
			}
		})
	}
}

// mayBeNumber must not skip any text the patterns match: it only saves matching them.
func TestMayBeNumberKeepsEveryMatch(t *testing.T) {
	for _, s := range []string{"1", "_1", "__-1", "+.5", ".5e3", "0x_FF", "-0o7", "0b1", "1_000", "_", "", "a1", "x", "_x1", "e5", "한1"} {
		plain := strings.ReplaceAll(s, "_", "")
		if matches := yamlIntRE.MatchString(plain) || yamlFloatRE.MatchString(plain); matches && !mayBeNumber(s) {
			t.Errorf("mayBeNumber(%q) = false, but it is written as a number", s)
		}
		if first := strings.TrimLeft(s, "_"); first != "" && strings.IndexByte("0123456789+-.", first[0]) < 0 && mayBeNumber(s) {
			t.Errorf("mayBeNumber(%q) = true for text that starts with a letter", s)
		}
	}
}
