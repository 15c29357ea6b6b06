package manifest

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkPos looks up positions in a provider with 10,000 services: a lookup walks the
// members before the one it wants at each level, so the last service is the worst case.
func BenchmarkPos(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("metadata: {name: big}\nservices:\n")
	for i := 0; i < 10_000; i++ {
		fmt.Fprintf(&sb, "  - id: s%d\n    tier: 1\n    deployments: [{datacenter: dc%d, mode: active}]\n", i, i%10)
	}
	src := Decode("big.yaml", []byte(sb.String()), Options{})
	if len(src.Documents) != 1 {
		b.Fatal(src.Problems)
	}
	d := src.Documents[0]
	for _, ptr := range []string{"/metadata/name", "/services/0/deployments/0/mode", "/services/9999/deployments/0/mode"} {
		b.Run(ptr, func(b *testing.B) {
			for b.Loop() {
				if d.Pos(ptr).Line == 0 {
					b.Fatal("no position")
				}
			}
		})
	}
}
