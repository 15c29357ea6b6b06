package audit

import "slices"

// LostService is one service a failure takes down, with the chain a reader would follow
// through the site-loss report to the service broken in place and its cause.
type LostService struct {
	Service string
	// Reason is the broken service's own reason, or dependency-lost.
	Reason string
	// Chain runs from Service to a service broken in place and ends with its cause, e.g.
	// ["kakaotalk", "kakao-login", "only active in pangyo"].
	Chain []string
	// Broken is set when the service is broken in place; Detail is then its detail.
	Broken bool
	Detail string
	// DetailPhrase is Detail as data; CausePhrase is the last link of Chain as data, when
	// the chain ends with a cause.
	DetailPhrase *Phrase
	CausePhrase  *Phrase
}

// LossIndex is a site-loss report indexed for Explain: its dependency links by the service
// they are lost through.
type LossIndex struct {
	users map[string][]DependencyLink
}

// Index indexes sl once for any number of Explain calls.
func (sl *SiteLoss) Index() *LossIndex {
	x := &LossIndex{users: map[string][]DependencyLink{}}
	if sl != nil {
		for _, l := range sl.Dependents {
			x.users[l.Via] = append(x.users[l.Via], l)
		}
	}
	return x
}

// Explain lists the services failure f takes down, each with its chain: all of them in
// service order, or when there are more than max > 0, the first max of the services broken
// in place (in the report's order) and then the others in the order they are reached from
// them through the dependency links. It walks the
// links from every lost service once, so its cost grows with what f takes down: renderers
// list a small loss whole and only count a large one. Chains follow the first link that
// reaches a service, so they are among the shortest; the controls' evidence may name another
// chain of the same loss.
func (x *LossIndex) Explain(f FailureOutcome, max int) []LostService {
	users := x.users
	broken := map[string]ServiceImpact{}
	next := map[string]DependencyLink{}
	var order []string
	for _, u := range f.Broken {
		if _, dup := broken[u.Service]; !dup {
			broken[u.Service] = u
			order = append(order, u.Service)
		}
	}
	for i := 0; i < len(order); i++ {
		for _, l := range users[order[i]] {
			if _, seen := broken[l.Service]; seen {
				continue
			}
			if _, seen := next[l.Service]; seen {
				continue
			}
			next[l.Service] = l
			order = append(order, l.Service)
		}
	}
	chain := func(sid string) ([]string, *Phrase) {
		var c []string
		on := map[string]bool{}
		for !on[sid] {
			on[sid] = true
			c = append(c, sid)
			if l, ok := next[sid]; ok {
				sid = l.Via
				continue
			}
			u, ok := broken[sid]
			switch {
			case !ok:
				return append(c, "?"), nil
			case u.Via != "":
				sid = u.Via
				continue
			default:
				return append(c, u.Cause), u.CausePhrase
			}
		}
		// A failover whose tooling is lost through the service itself: the detail says so.
		return c, nil
	}
	if max > 0 && len(order) > max {
		order = order[:max]
	} else {
		// The whole loss reads best in service order, as a table of what is down.
		slices.Sort(order)
	}
	out := make([]LostService, 0, len(order))
	for _, sid := range order {
		c, cause := chain(sid)
		if u, ok := broken[sid]; ok {
			out = append(out, LostService{Service: sid, Reason: u.Reason, Chain: c, Broken: true, Detail: u.Detail, DetailPhrase: u.DetailPhrase, CausePhrase: cause})
			continue
		}
		out = append(out, LostService{Service: sid, Reason: "dependency-lost", Chain: c, CausePhrase: cause})
	}
	return out
}
