package validate

import (
	"fmt"
	"strings"
	"time"

	"github.com/resilcheck/resilcheck/internal/manifest"
)

// checkTimestamp reports what is wrong with s (the value the walk is looking at) and
// returns the form to hand on ("" if none).
func (v *validator) checkTimestamp(s string) string {
	canon, problem, malformed := parseTimestamp(s)
	if !malformed {
		if problem != "" {
			v.add(v.pointer(), problem)
		}
		return canon
	}
	// Tell a missing offset apart from a malformed or impossible instant: the fix differs.
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02T15:04:05.999999999"} {
		if _, err := time.Parse(layout, s); err == nil {
			v.add(v.pointer(), fmt.Sprintf("%s has no UTC offset: write it with one, e.g. %q", quote(s), offsetHint(s)))
			return ""
		}
	}
	v.add(v.pointer(), fmt.Sprintf("%s is not a valid RFC 3339 timestamp with a UTC offset", quote(s)))
	return ""
}

// reason adds time.Parse's explanation when it says something a person can act on.
func reason(err error) string {
	msg := err.Error()
	if i := strings.LastIndex(msg, ": "); i >= 0 && strings.Contains(msg, "out of range") {
		return ": " + msg[i+2:]
	}
	return ""
}

// kst is Korean Standard Time: every date in a manifest is a Korean calendar date.
var kst = time.FixedZone("KST", 9*60*60)

// references checks what JSON Schema cannot: ids that must be unique, references that
// must resolve, and timestamps that must be in order. Values of the wrong type are skipped
// here; the schema has already reported them.
//
// Order rules reject only what cannot have happened (an end before its start, an answer
// before the request arrived, a report of an incident before it started). Anything that
// is merely late or early, such as an inspection after first use or a notice after a
// deadline, is a finding for the policies and must stay declarable.
func (v *validator) references() {
	root, _ := v.doc.Value.(map[string]any)
	v.provider(root)
	v.governance(root)
	v.datacenters(root)
	v.cloud(root)
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
		v.dateWindow(svc["dailyUsersWindow"], sp+"/dailyUsersWindow", "dailyUsersWindow")
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
		if w, ok := inc["announcedWindow"].(map[string]any); ok {
			from, okF := instant(w["from"])
			to, okT := instant(w["to"])
			if okF && okT && to.Before(from) {
				v.add(ip+"/announcedWindow/to", fmt.Sprintf("announced window ends (%s) before it starts (%s)", w["to"], w["from"]))
			}
		}
		for j, x := range list(inc["tenantSuspensions"]) {
			ts, _ := x.(map[string]any)
			at, ok := instant(ts["at"])
			if !ok {
				continue
			}
			for _, f := range []string{"reasonEndedAt", "resumedAt"} {
				if t, ok := instant(ts[f]); ok && t.Before(at) {
					v.add(manifest.Join(ip, "tenantSuspensions", j, f), fmt.Sprintf("%s %s is before the suspension began (at %s)", f, ts[f], ts["at"]))
				}
			}
		}
		v.lessorNoticeAlias(inc, ip)
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
		for j, n := range list(inc["ministryNotices"]) {
			mn, _ := n.(map[string]any)
			if at, ok := instant(mn["at"]); ok && at.Before(start) {
				v.add(manifest.Join(ip, "ministryNotices", j, "at"), fmt.Sprintf("ministry notice at %s is before the incident started (%s)", mn["at"], inc["startedAt"]))
			}
		}
		if ptr, raw := lessorNotice(inc, ip); raw != nil {
			if at, ok := instant(raw); ok && at.Before(start) {
				v.add(ptr, fmt.Sprintf("lessorNotifiedAt %s is before the incident started (%s)", raw, inc["startedAt"]))
			}
		}
	}

}

// lessorNotice is the lessor notice incident inc records, with its pointer: the field
// REGULATIONS.md names (datacenterReport.lessorNotifiedAt) if given, else the deprecated
// top-level alias, which is the order the control reads them in.
func lessorNotice(inc map[string]any, ip string) (string, any) {
	if rep, ok := inc["datacenterReport"].(map[string]any); ok {
		if x, ok := rep["lessorNotifiedAt"]; ok {
			return ip + "/datacenterReport/lessorNotifiedAt", x
		}
	}
	if x, ok := inc["lessorNotifiedAt"]; ok {
		return ip + "/lessorNotifiedAt", x
	}
	return "", nil
}

// lessorNoticeAlias rejects a deprecated lessorNotifiedAt that disagrees with
// datacenterReport.lessorNotifiedAt: the control would silently take the latter, so the
// manifest's author has to say which notice happened. The same instant written with another
// offset agrees.
func (v *validator) lessorNoticeAlias(inc map[string]any, ip string) {
	rep, _ := inc["datacenterReport"].(map[string]any)
	cur, okC := instant(rep["lessorNotifiedAt"])
	old, okO := instant(inc["lessorNotifiedAt"])
	if okC && okO && !cur.Equal(old) {
		v.add(ip+"/lessorNotifiedAt", fmt.Sprintf("lessorNotifiedAt %s (deprecated) differs from datacenterReport.lessorNotifiedAt %s: keep only datacenterReport.lessorNotifiedAt", inc["lessorNotifiedAt"], rep["lessorNotifiedAt"]))
	}
}

// provider checks the metrics window, the affiliates' ids and the agent's affiliate.
func (v *validator) provider(root map[string]any) {
	prov, ok := root["provider"].(map[string]any)
	if !ok {
		return
	}
	if m, ok := prov["metrics"].(map[string]any); ok {
		v.dateWindow(m["window"], "/provider/metrics/window", "window")
	}
	affiliates := v.idList(prov["domesticAffiliates"], "/provider/domesticAffiliates", "domestic affiliate")
	if agent, ok := prov["domesticAgent"].(map[string]any); ok {
		if id, ok := agent["affiliateId"].(string); ok && !affiliates[id] {
			v.add("/provider/domesticAgent/affiliateId", fmt.Sprintf("unknown domestic affiliate %q (not in provider.domesticAffiliates)", id))
		}
	}
}

// governance checks submissions (submittedAt against submittedOn), supplement orders,
// graded facilities and data requests.
func (v *validator) governance(root map[string]any) {
	gov, ok := root["governance"].(map[string]any)
	if !ok {
		return
	}
	for _, field := range []string{"disasterPlans", "facilityGrades", "stabilityReports"} {
		for i, x := range list(gov[field]) {
			sub, _ := x.(map[string]any)
			sp := manifest.Join("/governance", field, i)
			at, okAt := instant(sub["submittedAt"])
			on, okOn := day(sub["submittedOn"])
			if okAt && okOn {
				if local := at.In(kst).Format(time.DateOnly); local != on.Format(time.DateOnly) {
					v.add(sp+"/submittedAt", fmt.Sprintf("submittedAt %s is %s in Korea (KST), not submittedOn %s", sub["submittedAt"], local, sub["submittedOn"]))
				}
			}
			if field == "disasterPlans" {
				if so, ok := sub["supplementOrder"].(map[string]any); ok {
					v.notBefore(so, sp+"/supplementOrder", "issuedOn", "dueOn", "completedOn")
				}
			}
			if field == "facilityGrades" {
				v.idList(sub["facilities"], sp+"/facilities", "facility")
			}
		}
	}
	v.idList(gov["dataRequests"], "/governance/dataRequests", "data request")
	for i, x := range list(gov["dataRequests"]) {
		req, _ := x.(map[string]any)
		v.notBefore(req, manifest.Join("/governance/dataRequests", i), "receivedOn", "dueOn", "answeredOn")
	}
}

// datacenters checks that operatedFor is declared only on a site the provider operates.
func (v *validator) datacenters(root map[string]any) {
	for i, x := range list(root["datacenters"]) {
		dc, _ := x.(map[string]any)
		if _, ok := dc["operatedFor"]; !ok {
			continue
		}
		var what string
		switch dc["ownership"] {
		case "colocation":
			what = "rented space in someone else's facility"
		case "leased-exclusive":
			what = "an exclusively leased facility, judged under Network Act Art. 46(7)"
		default:
			continue
		}
		v.add(manifest.Join("/datacenters", i, "operatedFor"), fmt.Sprintf("operatedFor applies only to a site the provider operates (ownership: own); this site is %q, %s: remove operatedFor", dc["ownership"], what))
	}
}

// cloud checks the contract terminations' ids.
func (v *validator) cloud(root map[string]any) {
	if c, ok := root["cloud"].(map[string]any); ok {
		v.idList(c["contractTerminations"], "/cloud/contractTerminations", "contract termination")
	}
}

// dateWindow reports a {from, to} window of dates that ends before it starts.
func (v *validator) dateWindow(x any, ptr, name string) {
	w, ok := x.(map[string]any)
	if !ok {
		return
	}
	from, okF := day(w["from"])
	to, okT := day(w["to"])
	if okF && okT && to.Before(from) {
		v.add(ptr+"/to", fmt.Sprintf("%s ends (%s) before it starts (%s)", name, w["to"], w["from"]))
	}
}

// notBefore reports each of the later date fields of obj that is before its first field.
func (v *validator) notBefore(obj map[string]any, ptr, first string, later ...string) {
	start, ok := day(obj[first])
	if !ok {
		return
	}
	for _, f := range later {
		if d, ok := day(obj[f]); ok && d.Before(start) {
			v.add(ptr+"/"+f, fmt.Sprintf("%s %s is before %s %s", f, obj[f], first, obj[first]))
		}
	}
}

// ids collects the ids of one top-level list and reports repeats at the repeated id.
func (v *validator) ids(root map[string]any, field, what string) map[string]bool {
	return v.idList(root[field], "/"+field, what)
}

// idList collects the ids of the list at ptr and reports repeats at the repeated id.
func (v *validator) idList(items any, ptr, what string) map[string]bool {
	seen := map[string]string{}
	for i, x := range list(items) {
		obj, _ := x.(map[string]any)
		id, ok := obj["id"].(string)
		if !ok {
			continue
		}
		p := manifest.Join(ptr, i, "id")
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
