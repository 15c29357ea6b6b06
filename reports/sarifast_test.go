package reports

import (
	"math/rand"
	"testing"
)

// appendSARIFResult must write exactly what encoding/json writes for every result it takes,
// and take every result made of the values findings hold.
func TestSARIFResultIsEncodingJSON(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	str, value := randomJSON(rng)
	maybe := func(s string) string {
		if rng.Intn(3) == 0 {
			return ""
		}
		return s
	}
	msg := func() sarifMessage { return sarifMessage{Text: str(), Markdown: maybe(str())} }
	props := func() map[string]any {
		switch rng.Intn(4) {
		case 0:
			return nil
		case 1:
			return map[string]any{}
		}
		m := map[string]any{"manifest": str(), "message_en": str()}
		if ev, ok := value(1).(map[string]any); ok {
			m["evidence"] = ev
		}
		return m
	}
	declined := 0
	for range 3000 {
		r := sarifResult{RuleID: str(), RuleIndex: rng.Intn(300) - 1, Kind: str(), Level: str(), Message: msg(),
			BaselineState: maybe(str()), Properties: props()}
		switch rng.Intn(4) {
		case 0:
		case 1:
			r.PartialFingerprints = map[string]string{}
		case 2:
			r.PartialFingerprints = map[string]string{str(): str()}
		default:
			r.PartialFingerprints = map[string]string{str(): str(), str(): str(), "a": str()}
		}
		for range rng.Intn(3) {
			l := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifactLoc{URI: maybe(str()), URIBaseID: maybe(str())}}}
			if rng.Intn(2) == 0 {
				i := rng.Intn(5)
				l.PhysicalLocation.ArtifactLocation.Index = &i
			}
			if rng.Intn(4) == 0 {
				d := msg()
				l.PhysicalLocation.ArtifactLocation.Description = &d
			}
			if rng.Intn(3) > 0 {
				l.PhysicalLocation.Region = &sarifRegion{StartLine: rng.Intn(100), StartColumn: rng.Intn(3)}
			}
			for range rng.Intn(3) {
				l.LogicalLocations = append(l.LogicalLocations, sarifLogicalLoc{FullyQualifiedName: str(), Kind: str()})
			}
			r.Locations = append(r.Locations, l)
		}
		for range rng.Intn(3) {
			r.Suppressions = append(r.Suppressions, sarifSuppression{Kind: str(), Status: str(), Justification: str(), Properties: props()})
		}
		got, ok := appendSARIFResult(nil, &r)
		if !ok {
			declined++
			continue
		}
		if want := encodingJSON(t, r); string(got) != want {
			t.Fatalf("got  %s\nwant %s", got, want)
		}
	}
	if declined > 0 {
		t.Errorf("%d results declined", declined)
	}
}

// A map of strings is written as encoding/json writes it, keys sorted, nil as null.
func TestStringMapIsEncodingJSON(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	str, _ := randomJSON(rng)
	for i := range 2000 {
		var m map[string]string
		if i%7 > 0 {
			m = map[string]string{}
			for range rng.Intn(6) {
				m[str()] = str()
			}
		}
		if got, want := string(appendStringMap(nil, m)), encodingJSON(t, m); got != want {
			t.Fatalf("got  %s\nwant %s", got, want)
		}
	}
}
