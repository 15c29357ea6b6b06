package engine

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
)

// forbidden are the builtins a resilcheck policy may not call, and why. An audit must be
// replayable from its inputs, so nothing may reach the network, read the clock or draw
// random numbers. In net.*, only the net.cidr_* family is kept: it is pure arithmetic on
// addresses, while net.lookup_ip_addr does DNS, and a net.* builtin a later OPA adds stays
// out until someone has read what it does.
var forbidden = map[string]string{
	"http.send":              "reaches the network",
	"opa.runtime":            "reads the host environment",
	"time.now_ns":            "reads the clock (use data.resilcheck.run.as_of)",
	"rand.intn":              "is random",
	"uuid.rfc4122":           "is random",
	"io.jwt.decode_verify":   "reads the clock",
	"io.jwt.encode_sign":     "signs with random nonces",
	"io.jwt.encode_sign_raw": "signs with random nonces",
	"providers.aws.sign_req": "reads the clock",
	"crypto.x509.parse_and_verify_certificates":              "reads the clock",
	"crypto.x509.parse_and_verify_certificates_with_options": "reads the clock",
}

// isForbidden reports whether a builtin is outside the sandbox and why.
func isForbidden(name string) (string, bool) {
	if why, ok := forbidden[name]; ok {
		return why, true
	}
	if strings.HasPrefix(name, "net.") && !strings.HasPrefix(name, "net.cidr_") {
		return "may reach the network", true
	}
	return "", false
}

// sandboxCapabilities is this OPA version's capabilities minus the forbidden builtins.
func sandboxCapabilities() *ast.Capabilities {
	caps := ast.CapabilitiesForThisVersion()
	kept := caps.Builtins[:0]
	for _, b := range caps.Builtins {
		if _, bad := isForbidden(b.Name); !bad {
			kept = append(kept, b)
		}
	}
	caps.Builtins = kept
	// Remote JSON Schema references in annotations would be fetched over the network.
	caps.AllowNet = []string{}
	return caps
}

// ForbiddenBuiltins lists the builtins the sandbox removes, sorted, for documentation.
func ForbiddenBuiltins() []string {
	var out []string
	for _, b := range ast.CapabilitiesForThisVersion().Builtins {
		if _, bad := isForbidden(b.Name); bad {
			out = append(out, b.Name)
		}
	}
	sort.Strings(out)
	return out
}

// undefinedFunction is compiled on first use: it is only needed when a bundle is broken,
// and every command would otherwise pay for it at start-up.
var undefinedFunction = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`undefined function ([A-Za-z0-9_.]+)`)
})

// explainSandbox rewrites OPA's "undefined function http.send" into a message that says
// the builtin exists but is not allowed here, so the author does not hunt for a typo.
func explainSandbox(msg string) string {
	m := undefinedFunction().FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	if why, bad := isForbidden(m[1]); bad {
		return fmt.Sprintf("builtin %s is not allowed in resilcheck policies: it %s; policies must be deterministic", m[1], why)
	}
	return msg
}
