package manifest

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// maxNumberLength bounds how long a written number may be. A 64-bit floating-point value
// holds about 17 significant digits, so longer text carries nothing the pipeline keeps, yet
// the schema validator (big.Rat) and OPA's decimal comparisons work on every digit written.
const maxNumberLength = 100

// Integers are kept exactly as int64 or uint64, the range OPA compares and computes with
// exactly (its arithmetic rounds to a 64-bit mantissa) and the YAML decoder resolves.
func integerRangeProblem(written string) string {
	return fmt.Sprintf("integer %s is out of range: integers are read exactly only from %d to %d (64 bits); write a larger amount with an exponent, e.g. 1.5e20",
		abbreviate(written), int64(math.MinInt64), uint64(math.MaxUint64))
}

// Beyond float64, OPA cannot convert the input at all: every control would end in an
// evaluation error with no position.
func floatRangeProblem(written string) string {
	return fmt.Sprintf("number %s is out of range: a number must fit a 64-bit floating-point value (at most about 1.8e308 either side of zero)", abbreviate(written))
}

func tooLongProblem(written string) string {
	return fmt.Sprintf("number %s is too long: a number is read from at most %d characters (a 64-bit floating-point value holds about 17 significant digits)", abbreviate(written), maxNumberLength)
}

// abbreviate keeps a message about a huge number readable.
func abbreviate(s string) string {
	if len(s) <= 24 {
		return s
	}
	return fmt.Sprintf("%s… (%d characters)", s[:20], len(s))
}

// integerProblem says why the integer text (underscores removed, base 0 or 10) cannot be
// read, or "" when it can. Only a range error is reported: anything else is not an integer.
func integerProblem(written, plain string, base int) string {
	_, err := strconv.ParseInt(plain, base, 64)
	if err == nil || !errors.Is(err, strconv.ErrRange) {
		return ""
	}
	if !strings.HasPrefix(plain, "-") {
		if _, err := strconv.ParseUint(strings.TrimPrefix(plain, "+"), base, 64); err == nil {
			return ""
		}
	}
	return integerRangeProblem(written)
}

// jsonNumberProblem checks a number as JSON writes it.
func jsonNumberProblem(s string) string {
	if !strings.ContainsAny(s, ".eE") {
		return integerProblem(s, s, 10)
	}
	if f, err := strconv.ParseFloat(s, 64); err != nil && math.IsInf(f, 0) {
		return floatRangeProblem(s)
	}
	if len(s) > maxNumberLength {
		return tooLongProblem(s)
	}
	return ""
}

// The YAML 1.2 core schema's integers and floats as go.yaml.in/yaml reads them (with
// underscores, which are removed before matching).
var (
	yamlIntRE   = regexp.MustCompile(`^[-+]?([0-9]+|0x[0-9a-fA-F]+|0o[0-7]+|0b[01]+)$`)
	yamlFloatRE = regexp.MustCompile(`^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`)
	decimalRE   = regexp.MustCompile(`^[-+]?[0-9]+$`)
)

// plainNumberProblem looks at a plain scalar go.yaml.in/yaml resolved to a string. It does
// so when a number is out of range, which would silently turn a number into text; the
// schema then reported "expected number, got string", far from the cause.
func plainNumberProblem(s string) string {
	if !mayBeNumber(s) {
		return ""
	}
	plain := strings.ReplaceAll(s, "_", "")
	if yamlIntRE.MatchString(plain) {
		return integerProblem(s, plain, 0)
	}
	if yamlFloatRE.MatchString(plain) {
		if f, err := strconv.ParseFloat(plain, 64); err != nil && math.IsInf(f, 0) {
			return floatRangeProblem(s)
		}
	}
	return ""
}

// mayBeNumber is a quick look at what yamlIntRE and yamlFloatRE can match (underscores
// aside, a sign, a digit or a point first), so the text of most strings is not matched
// against both.
func mayBeNumber(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '_':
		case c >= '0' && c <= '9', c == '+', c == '-', c == '.':
			return true
		default:
			return false
		}
	}
	return false
}
