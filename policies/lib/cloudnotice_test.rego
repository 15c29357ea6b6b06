package resilcheck.lib.cloudnotice_test

import data.resilcheck.lib.cloudnotice

run := {"as_of": "2026-11-22"}

m := {
	"provider": {"name": "C", "categories": ["cloud"]},
	"services": [{"id": "vm", "cloud": true}, {"id": "site"}],
}

test_on_cloud_by_service_or_by_category if {
	cloudnotice.on_cloud({"services": ["site", "vm"]}) with input as m
	not cloudnotice.on_cloud({"services": ["site"]}) with input as m
	cloudnotice.on_cloud({}) with input as m
	not cloudnotice.on_cloud({}) with input as {"provider": {"categories": ["value-added"]}, "services": m.services}
	cloudnotice.affected({"services": ["vm", "site"]}) == "vm" with input as m
}

test_breach_and_leak_kinds if {
	cloudnotice.breach({"kind": "breach"})
	cloudnotice.breach({"cause": "cyberattack"})
	not cloudnotice.breach({"kind": "outage", "cause": "power"})
	cloudnotice.leak({"kind": "leak"})
	cloudnotice.leak({"dataLeak": {"detectedAt": "2026-01-01T00:00:00+09:00"}})
	not cloudnotice.leak({"kind": "breach"})
}

test_newspaper_accepted_only_where_notice_was_impossible if {
	not "newspaper" in cloudnotice.accepted({})
	"newspaper" in cloudnotice.accepted({"ministryNotices": [{"at": "2026-01-01T00:00:00+09:00", "kind": "notice-impossible"}]})
	not "press" in cloudnotice.accepted({"ministryNotices": [{"at": "2026-01-01T00:00:00+09:00", "kind": "notice-impossible"}]})
}

test_valid_notices_by_the_audit_date if {
	inc := {"id": "x", "startedAt": "2026-03-01T10:00:00+09:00", "userNotices": [
		{"at": "2026-03-01T10:30:00+09:00", "channels": ["press"]},
		{"at": "2026-03-01T10:40:00+09:00", "channels": ["press", "email"]},
		{"at": "2026-11-23T00:00:00+09:00", "channels": ["email"]},
	]}
	v := cloudnotice.valid(0) with input as object.union(m, {"incidents": [inc]}) with data.resilcheck.run as run
	object.keys(v) == {1}
}
