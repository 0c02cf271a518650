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
	for _, t := range s.Tasks {
		if t.Open() && t.RoleRef() == ref {
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
	WaitApprove  WaitKind = "approve"   // a draft they may approve: the incident manager any, the communications manager those written for them
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
	return s.WaitingOnWith(who, now, s.Comms(s.Policy().Cadence()))
}

// WaitingOnWith is WaitingOn with the incident's communications already
// read (State.Comms, by its policy's rhythms): it reads no more of the
// timeline.
func (s State) WaitingOnWith(who string, now time.Time, comms CommsLog) []Waiting {
	var out []Waiting
	for _, p := range s.PendingHandoffs(now) {
		if SameName(p.Holder, who) {
			out = append(out, Waiting{Kind: WaitAnswer, Since: p.Since, Ref: p.Ref, By: p.By})
		}
	}
	mine := map[RoleRef]bool{}
	for ref, hist := range histories(s.Assignments) {
		if cur := hist[len(hist)-1]; cur.Holder != "" && !cur.Closed && SameName(cur.Holder, who) {
			mine[ref] = true
		}
		if d, ok := openDecline(hist); ok && SameName(d.By, who) {
			out = append(out, Waiting{Kind: WaitDeclined, Since: d.Answered, Ref: ref, By: s.DisplayName(d.Holder),
				Entry: Entry{Text: d.Reason}})
		}
	}
	for _, r := range comms.Rejected {
		if !SameName(r.From, who) || comms.wroteSince(who, r.Audience(), r.At) {
			continue
		}
		out = append(out, Waiting{Kind: WaitSentBack, Since: r.At, Entry: r, By: s.DisplayName(r.By)})
	}
	for _, t := range s.Tasks {
		if t.Expired(now) && (SameName(t.Owner, who) || (t.Owner == "" && mine[t.RoleRef()])) {
			out = append(out, Waiting{Kind: WaitTimeBox, Since: t.Due, Task: t, Ref: t.RoleRef()})
		}
	}
	for _, d := range comms.Pending {
		if s.MayApprove(who, d) {
			out = append(out, Waiting{Kind: WaitApprove, Since: d.At, Entry: d, By: s.DisplayName(d.By)})
		}
	}
	slices.SortStableFunc(out, func(a, b Waiting) int {
		return cmp.Or(a.Since.Compare(b.Since), cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Ref.String(), b.Ref.String()),
			cmp.Compare(a.Task.ID, b.Task.ID), cmp.Compare(a.Entry.ID, b.Entry.ID))
	})
	return out
}

// openDecline is the latest declined handoff of a role instance's
// history (oldest first), while the role has only gone back since (no
// handoff, no closing after it): someone still has to hand it to
// someone else.
func openDecline(hist []Assignment) (Assignment, bool) {
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

// histories groups assignments by role instance, each history in clock
// order (as State.History has it), in one pass.
func histories(as []Assignment) map[RoleRef][]Assignment {
	out := map[RoleRef][]Assignment{}
	for _, a := range as {
		out[a.Ref()] = append(out[a.Ref()], a)
	}
	for _, h := range out {
		slices.SortStableFunc(h, func(x, y Assignment) int { return x.Clock.Compare(y.Clock) })
	}
	return out
}

// wroteSince reports whether who wrote to aud after at: an update sent,
// a draft approved or waiting, or one sent back again.
func (l CommsLog) wroteSince(who string, aud Audience, at time.Time) bool {
	for _, e := range l.Sent[aud] {
		if e.At.After(at) && (SameName(e.By, who) || SameName(e.From, who)) {
			return true
		}
	}
	for _, e := range l.Pending {
		if e.Audience() == aud && e.At.After(at) && SameName(e.By, who) {
			return true
		}
	}
	for _, e := range l.Rejected {
		if e.Audience() == aud && e.At.After(at) && SameName(e.From, who) {
			return true
		}
	}
	return false
}
