package reports

import "strconv"

// sarifResult writes one SARIF result as an item of the results spool, by appendSARIFResult
// when it can and otherwise with encoding/json: a sweep writes hundreds of thousands of
// them, and encoding/json's reflection was the larger part of a SARIF report's cost.
func (s *spool) sarifResult(r *sarifResult) error {
	b, ok := appendSARIFResult(s.line[:0], r)
	if !ok {
		return s.item(*r)
	}
	return s.itemLine(b)
}

// appendSARIFResult appends r as encoding/json writes it with HTML left unescaped. ok is
// false when a property holds a value appendAnyJSON does not write; a test holds the bytes
// to encoding/json's on random results.
func appendSARIFResult(b []byte, r *sarifResult) (_ []byte, ok bool) {
	b = append(b, `{"ruleId":`...)
	b = appendJSONString(b, r.RuleID)
	b = append(b, `,"ruleIndex":`...)
	b = strconv.AppendInt(b, int64(r.RuleIndex), 10)
	b = append(b, `,"kind":`...)
	b = appendJSONString(b, r.Kind)
	b = append(b, `,"level":`...)
	b = appendJSONString(b, r.Level)
	b = append(b, `,"message":`...)
	b = appendSARIFMessage(b, &r.Message)
	if len(r.Locations) > 0 {
		b = append(b, `,"locations":[`...)
		for i := range r.Locations {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendSARIFLocation(b, &r.Locations[i])
		}
		b = append(b, ']')
	}
	b = append(b, `,"partialFingerprints":`...)
	b = appendStringMap(b, r.PartialFingerprints)
	if r.BaselineState != "" {
		b = append(b, `,"baselineState":`...)
		b = appendJSONString(b, r.BaselineState)
	}
	if len(r.Suppressions) > 0 {
		b = append(b, `,"suppressions":[`...)
		for i, sp := range r.Suppressions {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"kind":`...)
			b = appendJSONString(b, sp.Kind)
			b = append(b, `,"status":`...)
			b = appendJSONString(b, sp.Status)
			b = append(b, `,"justification":`...)
			b = appendJSONString(b, sp.Justification)
			if len(sp.Properties) > 0 {
				b = append(b, `,"properties":`...)
				if b, ok = appendAnyJSON(b, sp.Properties); !ok {
					return b, false
				}
			}
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	if len(r.Properties) > 0 {
		b = append(b, `,"properties":`...)
		if b, ok = appendAnyJSON(b, r.Properties); !ok {
			return b, false
		}
	}
	return append(b, '}'), true
}

func appendSARIFMessage(b []byte, m *sarifMessage) []byte {
	b = append(b, `{"text":`...)
	b = appendJSONString(b, m.Text)
	if m.Markdown != "" {
		b = append(b, `,"markdown":`...)
		b = appendJSONString(b, m.Markdown)
	}
	return append(b, '}')
}

func appendSARIFLocation(b []byte, l *sarifLocation) []byte {
	b = append(b, `{"physicalLocation":{"artifactLocation":`...)
	al := &l.PhysicalLocation.ArtifactLocation
	b = append(b, '{')
	sep := func() {
		if b[len(b)-1] != '{' {
			b = append(b, ',')
		}
	}
	if al.URI != "" {
		b = append(b, `"uri":`...)
		b = appendJSONString(b, al.URI)
	}
	if al.URIBaseID != "" {
		sep()
		b = append(b, `"uriBaseId":`...)
		b = appendJSONString(b, al.URIBaseID)
	}
	if al.Index != nil {
		sep()
		b = append(b, `"index":`...)
		b = strconv.AppendInt(b, int64(*al.Index), 10)
	}
	if al.Description != nil {
		sep()
		b = append(b, `"description":`...)
		b = appendSARIFMessage(b, al.Description)
	}
	b = append(b, '}')
	if rg := l.PhysicalLocation.Region; rg != nil {
		b = append(b, `,"region":{"startLine":`...)
		b = strconv.AppendInt(b, int64(rg.StartLine), 10)
		if rg.StartColumn != 0 {
			b = append(b, `,"startColumn":`...)
			b = strconv.AppendInt(b, int64(rg.StartColumn), 10)
		}
		b = append(b, '}')
	}
	b = append(b, '}')
	if len(l.LogicalLocations) > 0 {
		b = append(b, `,"logicalLocations":[`...)
		for i, ll := range l.LogicalLocations {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"fullyQualifiedName":`...)
			b = appendJSONString(b, ll.FullyQualifiedName)
			b = append(b, `,"kind":`...)
			b = appendJSONString(b, ll.Kind)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

// appendStringMap writes a map of strings as encoding/json does: keys sorted, nil as null.
func appendStringMap(b []byte, m map[string]string) []byte {
	b, _ = appendSortedMap(b, m, func(b []byte, v string) ([]byte, bool) { return appendJSONString(b, v), true })
	return b
}

// stringMapItem writes m as an item of the spool, as item would.
func (s *spool) stringMapItem(m map[string]string) error {
	return s.itemLine(appendStringMap(s.line[:0], m))
}
