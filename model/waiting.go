package model

import (
	"cmp"
	"slices"
	"time"
)

// What waits on one person, and what a handoff hands over: the reads the
// screen's "waiting on you" and a handoff's read-back are made of.

// DeclinedHandoff returns the handoff a handoff_declined entry answered:
// of the role's handoffs to the holder who declined, the one declined at
// that moment (else the latest declined).
func (s State) DeclinedHandoff(e Entry) (Assignment, bool) {
	var found Assignment
	ok := false
	for _, a := range s.History(e.RoleRef()) {
		if a.Acceptance != AcceptanceDeclined || !SameName(a.Holder, e.From) {
			continue
		}
		if a.Answered.Equal(e.At) {
			return a, true
		}
		found, ok = a, true
	}
	return found, ok
}

// ReadBack is what a role's holder takes over: the incident's status
// and severity, the role's open tasks, the next update due when the
// role sends updates, and the briefing they were given.
type ReadBack struct {
	Ref      RoleRef
	By       string // who handed it
	Briefing string
	Status   Status
	Severity Severity
	Tasks    []Task
	// Next is the role's next update due, when it sends updates (its
	// tools include comms): for a workstream named after an audience,
	// that audience's; else the soonest.
	Next    NextUpdate
	HasNext bool
}

// ReadBackOf is what the holder of ref takes over now; c names the
// roles' tools.
func (s State) ReadBackOf(c *Catalog, ref RoleRef) ReadBack {
	rb := ReadBack{Ref: ref, Status: s.Incident.Status, Severity: s.Incident.Severity}
	if a, ok := s.current(ref); ok {
		rb.By, rb.Briefing = s.DisplayName(a.By), a.Note
	}
	for _, t := range s.OpenTasks() {
		if t.RoleRef() == ref {
			rb.Tasks = append(rb.Tasks, t)
		}
	}
	if role, ok := c.Role(ref.Role); ok && slices.Contains(role.Tools, "comms") {
		log := s.Comms(s.Policy().Cadence())
		for _, n := range log.Next {
			if string(n.Audience) == ref.Workstream {
				rb.Next, rb.HasNext = n, true
			}
		}
		if !rb.HasNext {
			rb.Next, rb.HasNext = log.Soonest()
		}
	}
	return rb
}

// WaitKind says what waits on someone.
type WaitKind string

// What can wait on someone.
const (
	WaitAnswer   WaitKind = "answer"    // a role handed to them, to accept or decline
	WaitDeclined WaitKind = "declined"  // a role they handed, declined, and not handed again since
	WaitSentBack WaitKind = "sent_back" // a draft of theirs sent back, not written again since
	WaitTimeBox  WaitKind = "time_box"  // a task of theirs whose time box ran out
	WaitApprove  WaitKind = "approve"   // a draft awaiting the incident manager's approval
)

// Waiting is one thing waiting on someone: its kind, since when, and
// what it is (the role, the task, the entry).
type Waiting struct {
	Kind  WaitKind
	Since time.Time
	Ref   RoleRef
	Task  Task
	Entry Entry
	By    string // who it came from: who handed, declined, sent back, drafted
}

// WaitingOn lists what waits on who at now, the oldest first: roles
// handed to them to answer; their handoffs declined, while the role has
// not been handed on since; their drafts sent back, while they have not
// written to that audience since; their tasks (theirs, or their roles'
// with no one named) whose time box ran out; and, for the incident
// manager, the drafts awaiting approval.
func (s State) WaitingOn(who string, now time.Time) []Waiting {
	var out []Waiting
	for _, p := range s.PendingHandoffs(now) {
		if SameName(p.Holder, who) {
			out = append(out, Waiting{Kind: WaitAnswer, Since: p.Since, Ref: p.Ref, By: p.By})
		}
	}
	mine := map[RoleRef]bool{}
	for _, a := range s.Assignments {
		if h, def := s.Holder(a.Ref()); !def && SameName(h, who) {
			mine[a.Ref()] = true
		}
	}
	for ref := range refsOf(s.Assignments) {
		if d, ok := s.openDecline(ref); ok && SameName(d.By, who) {
			out = append(out, Waiting{Kind: WaitDeclined, Since: d.Answered, Ref: ref, By: s.DisplayName(d.Holder),
				Entry: Entry{Text: d.Reason}})
		}
	}
	comms := s.Comms(s.Policy().Cadence())
	for _, r := range comms.Rejected {
		if !SameName(r.From, who) || wroteSince(s, who, Audience(r.Channel), r.At) {
			continue
		}
		out = append(out, Waiting{Kind: WaitSentBack, Since: r.At, Entry: r, By: s.DisplayName(r.By)})
	}
	for _, t := range s.OpenTasks() {
		if t.Expired(now) && (SameName(t.Owner, who) || (t.Owner == "" && mine[t.RoleRef()])) {
			out = append(out, Waiting{Kind: WaitTimeBox, Since: t.Due, Task: t, Ref: t.RoleRef()})
		}
	}
	if SameName(s.Commander(), who) {
		for _, d := range comms.Pending {
			out = append(out, Waiting{Kind: WaitApprove, Since: d.At, Entry: d, By: s.DisplayName(d.By)})
		}
	}
	slices.SortStableFunc(out, func(a, b Waiting) int {
		return cmp.Or(a.Since.Compare(b.Since), cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Ref.String(), b.Ref.String()),
			cmp.Compare(a.Task.ID, b.Task.ID), cmp.Compare(a.Entry.ID, b.Entry.ID))
	})
	return out
}

// openDecline is ref's latest declined handoff, while the role has only
// gone back since (no handoff, no closing after it): someone still has
// to hand it to someone else.
func (s State) openDecline(ref RoleRef) (Assignment, bool) {
	hist := s.History(ref)
	for i := len(hist) - 1; i >= 0; i-- {
		a := hist[i]
		switch {
		case a.Acceptance == AcceptanceDeclined:
			return a, true
		case a.Acceptance != "" || a.Closed:
			return Assignment{}, false // handed on, taken, or closed since
		}
	}
	return Assignment{}, false
}

// refsOf is the set of role instances assignments are of.
func refsOf(as []Assignment) map[RoleRef]bool {
	out := map[RoleRef]bool{}
	for _, a := range as {
		out[a.Ref()] = true
	}
	return out
}

// wroteSince reports whether who wrote an update or a draft to aud after
// at.
func wroteSince(s State, who string, aud Audience, at time.Time) bool {
	for _, e := range s.Timeline {
		if (e.Kind == KindComms || e.Kind == KindCommsDraft) && e.Audience() == aud && e.At.After(at) &&
			(SameName(e.By, who) || (e.Kind == KindComms && SameName(e.From, who))) {
			return true
		}
	}
	return false
}
