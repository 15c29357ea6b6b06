package resilcheck.lib.governance_test

import data.resilcheck.lib.governance

test_pointer if {
	cases := [
		{"name": "empty path is the whole document", "path": [], "want": ""},
		{"name": "keys and indexes", "path": ["services", 3, "recovery"], "want": "/services/3/recovery"},
		{"name": "slash and tilde are escaped, tilde first", "path": ["a/b", "c~d", "~1"], "want": "/a~1b/c~0d/~01"},
		{"name": "an empty key is kept", "path": ["x", ""], "want": "/x/"},
		{"name": "a slash alone is escaped", "path": ["services", 0, "a/b"], "want": "/services/0/a~1b"},
		{"name": "longer than the format table", "path": ["a", 1, "b", 2, "c", 3, "d", 4, "e", 5], "want": "/a/1/b/2/c/3/d/4/e/5"},
		{"name": "eight segments", "path": ["a", 1, "b", 2, "c", 3, "d", 4], "want": "/a/1/b/2/c/3/d/4"},
		{"name": "non-integer numbers, booleans and null as text", "path": [1.5, true, null], "want": "/1.5/true/null"},
	]
	bad := [c.name | some c in cases; not pointer_is(c.path, c.want)]
	bad == []
}

# A case whose function is undefined is bad too: a bare != would be undefined and let it pass.
pointer_is(path, want) if governance.pointer(path) == want

doc := {"services": [{"id": "a", "data": {"backups": []}, "recovery": null}]}

test_nearest_pointer if {
	cases := [
		{"name": "present field", "path": ["services", 0, "data", "backups"], "want": "/services/0/data/backups"},
		{"name": "missing field points at its parent", "path": ["services", 0, "data", "rpoMinutes"], "want": "/services/0/data"},
		{"name": "missing parent points at the grandparent", "path": ["services", 0, "drills", 2], "want": "/services/0"},
		{"name": "a null parent is missing", "path": ["services", 0, "recovery", "rtoMinutes"], "want": "/services/0"},
		{"name": "nothing present is the root", "path": ["governance", "disasterTeam"], "want": ""},
	]
	bad := [c.name | some c in cases; not nearest_pointer_is(c.path, c.want) with input as doc]
	bad == []
}

nearest_pointer_is(path, want) if governance.nearest_pointer(path) == want

svc_doc := {"services": [
	{"id": "a", "data": {"backups": []}, "recovery": null},
	{"id": "b", "data": {"rpoMinutes": 5}, "drills": [{"date": "2024-01-01"}]},
	{"id": "c", "data": "not an object"},
]}

# service_pointer must agree with nearest_pointer wherever it is defined.
test_service_pointer_matches_nearest_pointer if {
	rels := [
		["data"], ["drills"], ["recovery"], ["data", "backups"], ["data", "rpoMinutes"],
		["data", "replication"], ["recovery", "rtoMinutes"], ["drills", "x"],
	]
	bad := [[i, rel] |
		some i, s in svc_doc.services
		some rel in rels
		not same_pointer(i, s, rel)
	]
	bad == []
}

same_pointer(i, s, rel) if {
	governance.service_pointer(i, s, rel) == governance.nearest_pointer(array.concat(["services", i], rel)) with input as svc_doc
}

test_service_pointer_is_undefined_for_deep_paths if {
	not governance.service_pointer(0, svc_doc.services[0], ["data", "backups", 0])
}
