package model

import (
	"cmp"
	"slices"
	"time"
)

// PendingHandoff is a role instance handed to someone who has not
// answered yet: the role is theirs meanwhile, marked not yet accepted.
type PendingHandoff struct {
	Ref        RoleRef
	Holder     string        // who was handed it, as the incident first knew them
	By         string        // who handed it
	Since      time.Time     // when
	Waiting    time.Duration // how long it has waited, at the time asked
	Assignment string        // the handoff's assignment id
}

// PendingHandoffs lists the role instances whose holder has not yet
// accepted or declined them, the one waiting longest first. A handoff
// superseded by a later one (handed on before an answer) waits no more.
// The screen shows a holder theirs (Holder, matched with SameName) with
// the keys to answer.
func (s State) PendingHandoffs(now time.Time) []PendingHandoff {
	cur := map[RoleRef]Assignment{}
	for _, a := range s.Assignments {
		if c, ok := cur[a.Ref()]; !ok || a.Clock.Compare(c.Clock) > 0 {
			cur[a.Ref()] = a
		}
	}
	var out []PendingHandoff
	for ref, a := range cur {
		if a.Acceptance != AcceptanceAwaited || a.Holder == "" || a.Closed {
			continue
		}
		out = append(out, PendingHandoff{Ref: ref, Holder: s.DisplayName(a.Holder), By: s.DisplayName(a.By),
			Since: a.Since, Waiting: max(now.Sub(a.Since), 0), Assignment: a.ID})
	}
	slices.SortFunc(out, func(x, y PendingHandoff) int {
		return cmp.Or(x.Since.Compare(y.Since), cmp.Compare(x.Ref.String(), y.Ref.String()))
	})
	return out
}

// Unaccepted lists the handoffs that have waited longer than the
// incident's limit (AcceptLimit) for their holder's answer at now, the
// one waiting longest first: what the incident manager's board and
// `warroom show` call out.
func (s State) Unaccepted(now time.Time) []PendingHandoff {
	limit := s.AcceptLimit()
	var out []PendingHandoff
	for _, p := range s.PendingHandoffs(now) {
		if p.Waiting > limit {
			out = append(out, p)
		}
	}
	return out
}
