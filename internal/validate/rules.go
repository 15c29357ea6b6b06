package validate

import (
	"fmt"
	"strings"
	"time"

	"github.com/resilcheck/resilcheck/internal/manifest"
)

// formats checks every string the schema declares as a date or date-time, walking the
// document and the schema together. time.Parse rejects dates that do not exist
// (2023-02-30), which a regular expression would let through.
func (v *validator) formats(value any, schema map[string]any, ptr string) {
	schema = v.schema.resolve(schema)
	if schema == nil {
		return
	}
	switch x := value.(type) {
	case string:
		switch schema["format"] {
		case "date":
			if _, err := time.Parse(time.DateOnly, x); err != nil {
				v.add(ptr, fmt.Sprintf("%s is not a valid date (YYYY-MM-DD)%s", quote(x), reason(err)))
			}
		case "date-time":
			v.checkTimestamp(ptr, x)
		}
	case map[string]any:
		for k, child := range x {
			if s := v.schema.child(schema, k); s != nil && schema["items"] == nil {
				v.formats(child, s, manifest.Join(ptr, k))
			}
		}
	case []any:
		items, _ := schema["items"].(map[string]any)
		for i, child := range x {
			v.formats(child, items, manifest.Join(ptr, i))
		}
	}
}

func (v *validator) checkTimestamp(ptr, s string) {
	if _, err := time.Parse(time.RFC3339, s); err == nil {
		return
	}
	// Tell a missing offset apart from a malformed or impossible instant: the fix differs.
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02T15:04:05.999999999"} {
		if _, err := time.Parse(layout, s); err == nil {
			v.add(ptr, fmt.Sprintf("%s has no UTC offset: write it with one, e.g. %q", quote(s), strings.Replace(s, " ", "T", 1)+"+09:00"))
			return
		}
	}
	v.add(ptr, fmt.Sprintf("%s is not a valid RFC 3339 timestamp with a UTC offset", quote(s)))
}

// reason adds time.Parse's explanation when it says something a person can act on.
func reason(err error) string {
	msg := err.Error()
	if i := strings.LastIndex(msg, ": "); i >= 0 && strings.Contains(msg, "out of range") {
		return ": " + msg[i+2:]
	}
	return ""
}

// references checks what JSON Schema cannot: ids that must be unique, references that
// must resolve, and timestamps that must be in order. Values of the wrong type are skipped
// here; the schema has already reported them.
func (v *validator) references() {
	root, _ := v.doc.Value.(map[string]any)
	dcs := v.ids(root, "datacenters", "datacenter")
	svcs := v.ids(root, "services", "service")
	v.ids(root, "incidents", "incident")

	for i, s := range list(root["services"]) {
		svc, _ := s.(map[string]any)
		sp := manifest.Join("/services", i)
		self, _ := svc["id"].(string)
		for j, d := range list(svc["deployments"]) {
			dep, _ := d.(map[string]any)
			v.ref(dcs, dep["datacenter"], manifest.Join(sp, "deployments", j, "datacenter"), "datacenter")
		}
		for j, d := range list(svc["dependsOn"]) {
			p := manifest.Join(sp, "dependsOn", j)
			if id, ok := d.(string); ok && id == self {
				v.add(p, fmt.Sprintf("service %q depends on itself", self))
				continue
			}
			v.ref(svcs, d, p, "service")
		}
		if rec, ok := svc["recovery"].(map[string]any); ok {
			v.ref(svcs, rec["performedBy"], sp+"/recovery/performedBy", "service")
		}
		if data, ok := svc["data"].(map[string]any); ok {
			for j, d := range list(data["replicaDatacenters"]) {
				v.ref(dcs, d, manifest.Join(sp, "data", "replicaDatacenters", j), "datacenter")
			}
			for j, b := range list(data["backups"]) {
				bk, _ := b.(map[string]any)
				v.ref(dcs, bk["datacenter"], manifest.Join(sp, "data", "backups", j, "datacenter"), "datacenter")
			}
		}
	}

	for i, x := range list(root["incidents"]) {
		inc, _ := x.(map[string]any)
		ip := manifest.Join("/incidents", i)
		for j, s := range list(inc["services"]) {
			v.ref(svcs, s, manifest.Join(ip, "services", j), "service")
		}
		for j, d := range list(inc["datacenters"]) {
			v.ref(dcs, d, manifest.Join(ip, "datacenters", j), "datacenter")
		}
		start, startOK := instant(inc["startedAt"])
		if !startOK {
			continue
		}
		if end, ok := instant(inc["restoredAt"]); ok && end.Before(start) {
			v.add(ip+"/restoredAt", fmt.Sprintf("restoredAt %s is before startedAt %s", inc["restoredAt"], inc["startedAt"]))
		}
		for j, r := range list(inc["ministryReports"]) {
			rep, _ := r.(map[string]any)
			if at, ok := instant(rep["at"]); ok && at.Before(start) {
				v.add(manifest.Join(ip, "ministryReports", j, "at"), fmt.Sprintf("ministry report at %s is before the incident started (%s)", rep["at"], inc["startedAt"]))
			}
		}
	}

	if prov, ok := root["provider"].(map[string]any); ok {
		if m, ok := prov["metrics"].(map[string]any); ok {
			if w, ok := m["window"].(map[string]any); ok {
				from, okF := day(w["from"])
				to, okT := day(w["to"])
				if okF && okT && to.Before(from) {
					v.add("/provider/metrics/window/to", fmt.Sprintf("window ends (%s) before it starts (%s)", w["to"], w["from"]))
				}
			}
		}
	}
}

// ids collects the ids of one list and reports repeats at the repeated id.
func (v *validator) ids(root map[string]any, field, what string) map[string]bool {
	seen := map[string]string{}
	for i, x := range list(root[field]) {
		obj, _ := x.(map[string]any)
		id, ok := obj["id"].(string)
		if !ok {
			continue
		}
		p := manifest.Join("/"+field, i, "id")
		if first, dup := seen[id]; dup {
			v.add(p, fmt.Sprintf("duplicate %s id %q (first used at %s, line %d)", what, id, first, v.doc.Pos(first).Line))
			continue
		}
		seen[id] = p
	}
	out := make(map[string]bool, len(seen))
	for id := range seen {
		out[id] = true
	}
	return out
}

func (v *validator) ref(known map[string]bool, x any, ptr, what string) {
	id, ok := x.(string)
	if !ok || known[id] {
		return
	}
	v.add(ptr, fmt.Sprintf("unknown %s %q", what, id))
}

func list(x any) []any {
	l, _ := x.([]any)
	return l
}

func instant(x any) (time.Time, bool) {
	s, ok := x.(string)
	if !ok {
		return time.Time{}, false
	}
	t, err := time.Parse(time.RFC3339, s)
	return t, err == nil
}

func day(x any) (time.Time, bool) {
	s, ok := x.(string)
	if !ok {
		return time.Time{}, false
	}
	t, err := time.Parse(time.DateOnly, s)
	return t, err == nil
}
