package audit

import (
	"reflect"
	"testing"
)

// campusLoss: login runs only in hall-a; chat's standby could take over but its failover is
// performed by ops, which depends on login; web and app depend on login, api on web, and
// mail on nothing lost.
func campusLoss() (*SiteLoss, FailureOutcome) {
	f := FailureOutcome{
		Domain: FailureDomain{Kind: "datacenter", ID: "hall-a", Datacenters: []string{"hall-a"}},
		Broken: []ServiceImpact{
			{Service: "chat", Reason: "standby-unreachable", Via: "ops"},
			{Service: "login", Reason: "no-surviving-deployment", Detail: "every deployment is in the lost datacenter(s) hall-a", Cause: "only active in hall-a"},
		},
		Lost: 6, Surviving: 1,
	}
	sl := &SiteLoss{
		Failures: []FailureOutcome{f},
		Dependents: []DependencyLink{
			{Service: "api", Via: "web"},
			{Service: "app", Via: "login", LostWith: []string{"datacenter hall-a"}},
			{Service: "ops", Via: "login", LostWith: []string{"datacenter hall-a"}},
			{Service: "web", Via: "login", LostWith: []string{"datacenter hall-a"}},
			// A link through a service this failure does not take down is not followed.
			{Service: "mail", Via: "search"},
		},
	}
	return sl, f
}

func TestExplainFollowsTheLinksToTheBrokenServices(t *testing.T) {
	sl, f := campusLoss()
	got := sl.Index().Explain(f, 0)
	want := []LostService{
		{Service: "api", Reason: "dependency-lost", Chain: []string{"api", "web", "login", "only active in hall-a"}},
		{Service: "app", Reason: "dependency-lost", Chain: []string{"app", "login", "only active in hall-a"}},
		{Service: "chat", Reason: "standby-unreachable", Chain: []string{"chat", "ops", "login", "only active in hall-a"}, Broken: true},
		{Service: "login", Reason: "no-surviving-deployment", Chain: []string{"login", "only active in hall-a"}, Broken: true, Detail: "every deployment is in the lost datacenter(s) hall-a"},
		{Service: "ops", Reason: "dependency-lost", Chain: []string{"ops", "login", "only active in hall-a"}},
		{Service: "web", Reason: "dependency-lost", Chain: []string{"web", "login", "only active in hall-a"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Explain =\n%+v\nwant\n%+v", got, want)
	}
	if len(got) != f.Lost {
		t.Errorf("the links reach %d services, the failure counts %d", len(got), f.Lost)
	}
}

// With a limit, the broken services come first, in the report's order, then the others as
// the links reach them.
func TestExplainWithALimitListsTheRootsFirst(t *testing.T) {
	sl, f := campusLoss()
	var names []string
	for _, u := range sl.Index().Explain(f, 4) {
		names = append(names, u.Service)
	}
	if want := []string{"chat", "login", "app", "ops"}; !reflect.DeepEqual(names, want) {
		t.Errorf("Explain(4) = %v, want %v", names, want)
	}
}

// A report without links (or none at all) explains only the broken services.
func TestExplainWithoutLinks(t *testing.T) {
	var sl *SiteLoss
	_, f := campusLoss()
	got := sl.Index().Explain(f, 0)
	if len(got) != 2 || got[0].Service != "chat" || !reflect.DeepEqual(got[1].Chain, []string{"login", "only active in hall-a"}) {
		t.Errorf("Explain = %+v", got)
	}
}

// A limited list is a prefix of a longer one, chains included: the walk may stop early
// without changing what it lists.
func TestExplainWithALimitIsAPrefix(t *testing.T) {
	sl, f := campusLoss()
	x := sl.Index()
	total := len(x.Explain(f, 0))
	if total < 4 {
		t.Fatalf("the campus loss takes down %d services; the test needs more", total)
	}
	for k := 1; k < total-1; k++ {
		short, long := x.Explain(f, k), x.Explain(f, k+1)
		if len(short) != k || !reflect.DeepEqual(short, long[:k]) {
			t.Errorf("Explain(%d) = %v, not the first %d of Explain(%d) = %v", k, short, k, k+1, long)
		}
	}
}
