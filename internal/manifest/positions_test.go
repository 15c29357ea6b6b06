package manifest

import (
	"fmt"
	"os"
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

// The position table of a document without aliases is sized once, from its nodes: the
// estimate is exact, so decoding never copies the table as it grows.
func TestPositionTableSizedFromNodes(t *testing.T) {
	for _, path := range []string{"../../testdata/manifests/kakao-2022-10-15.yaml", "../../testdata/valid/minimal.yaml"} {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		src := &Source{Path: "m.yaml"}
		decode(src, data, false, Options{}.withDefaults())
		if len(src.Documents) != 1 {
			t.Fatal(src.Problems)
		}
		pos := src.Documents[0].pos
		if len(pos) < 50 || cap(pos) != len(pos) {
			t.Errorf("%s: %d position entries in a table sized for %d", path, len(pos), cap(pos))
		}
	}
}
