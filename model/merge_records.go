package model

import (
	"cmp"
	"strings"
	"time"
)

func mergeTask(a, b Task) (Task, int) {
	out := a
	n := 0
	var ch bool
	out.Title, out.Clock.Title, ch = lww(a.Title, a.Clock.Title, b.Title, b.Clock.Title)
	if ch {
		n++
	}
	// The state and who closed it as which role change together.
	as := string(a.State) + "\x00" + a.ClosedBy + "\x00" + a.ClosedAs
	bs := string(b.State) + "\x00" + b.ClosedBy + "\x00" + b.ClosedAs
	var state string
	state, out.Clock.State, ch = lww(as, a.Clock.State, bs, b.Clock.State)
	if ch {
		n++
	}
	sp := strings.SplitN(state, "\x00", 3)
	out.State, out.ClosedBy, out.ClosedAs = TaskState(sp[0]), sp[1], sp[2]
	// Role, workstream and owner change together.
	ao := a.Role + "\x00" + a.Workstream + "\x00" + a.Owner
	bo := b.Role + "\x00" + b.Workstream + "\x00" + b.Owner
	var owner string
	owner, out.Clock.Owner, ch = lww(ao, a.Clock.Owner, bo, b.Clock.Owner)
	if ch {
		n++
	}
	parts := strings.SplitN(owner, "\x00", 3)
	out.Role, out.Workstream, out.Owner = parts[0], parts[1], parts[2]
	if b.Created.Before(a.Created) || (b.Created.Equal(a.Created) && b.CreatedBy > a.CreatedBy) {
		out.Created, out.CreatedBy = b.Created, b.CreatedBy
	}
	out.Updated = laterTime(a.Updated, b.Updated)
	if out.Due.IsZero() || (!b.Due.IsZero() && b.Due.Before(out.Due)) {
		out.Due = b.Due // set once, at creation: copies agree unless edited by hand
	}
	if out.Due.IsZero() {
		out.Due = a.Due
	}
	// Which runbook step added it is set once, at creation: copies agree
	// unless edited by hand, and then the same one wins everywhere.
	if b.Runbook > a.Runbook || (b.Runbook == a.Runbook && b.Step > a.Step) {
		out.Runbook, out.Step = b.Runbook, b.Step
	}
	return out, n
}

// mergeTheory keeps the later state change; a theory's text, role and
// creation never change, so copies agree unless edited by hand, and then
// the same one wins everywhere.
func mergeTheory(a, b Theory) (Theory, bool) {
	out := a
	var ch bool
	out.State, out.Clock, ch = lww(a.State, a.Clock, b.State, b.Clock)
	out.Text = max(a.Text, b.Text)
	if ar, br := a.Role+"\x00"+a.Workstream, b.Role+"\x00"+b.Workstream; br > ar {
		out.Role, out.Workstream = b.Role, b.Workstream
	}
	out.Updated = laterTime(a.Updated, b.Updated)
	if b.Created.Before(a.Created) || (b.Created.Equal(a.Created) && b.CreatedBy > a.CreatedBy) {
		out.Created, out.CreatedBy = b.Created, b.CreatedBy
	}
	return out, ch
}

// mergeFollowUp merges field by field: done, owner, due date and ticket
// each keep the value with the later stamp, so copies that changed
// different fields apart keep both changes. The title and creation never
// change; copies agree unless edited by hand, and then the same one wins
// everywhere.
func mergeFollowUp(a, b FollowUp) (FollowUp, int) {
	out := a
	n := 0
	count := func(ch bool) {
		if ch {
			n++
		}
	}
	var ch bool
	out.Done, out.Clock.Done, ch = lwwBool(a.Done, a.Clock.Done, b.Done, b.Clock.Done)
	count(ch)
	out.Owner, out.Clock.Owner, ch = lww(a.Owner, a.Clock.Owner, b.Owner, b.Clock.Owner)
	count(ch)
	out.Due, out.Clock.Due, ch = lww(a.Due, a.Clock.Due, b.Due, b.Clock.Due)
	count(ch)
	out.Ticket, out.Clock.Ticket, ch = lww(a.Ticket, a.Clock.Ticket, b.Ticket, b.Clock.Ticket)
	count(ch)
	out.Title = max(a.Title, b.Title)
	if b.Created.Before(a.Created) || (b.Created.Equal(a.Created) && b.CreatedBy > a.CreatedBy) {
		out.Created, out.CreatedBy = b.Created, b.CreatedBy
	}
	out.Updated = laterTime(a.Updated, b.Updated)
	return out, n
}

// handoffAnswer is an assignment's answer: where it stands with its
// holder, when they answered, who recorded it and why they declined.
type handoffAnswer struct {
	Acceptance Acceptance
	Answered   time.Time
	AnsweredBy string
	Reason     string
}

func answerOf(a Assignment) handoffAnswer {
	return handoffAnswer{a.Acceptance, a.Answered, a.AnsweredBy, a.Reason}
}

func withAnswer(a Assignment, h handoffAnswer) Assignment {
	a.Acceptance, a.Answered, a.AnsweredBy, a.Reason = h.Acceptance, h.Answered, h.AnsweredBy, h.Reason
	return a
}

// mergeAnswer picks between two answers to one handoff, given on two
// copies apart. A decline wins over an acceptance, whatever their clocks:
// the decline gave the role back in an assignment of its own, which the
// merge keeps like every record, so the role is no longer the decliner's
// and the handoff must say why; and a holder who said they cannot take a
// role must never be shown as having it accepted. Either answer beats
// none. Of two answers of one kind, the earlier stands (when the role was
// first accepted), then the one recorded by the smaller name, then the
// smaller reason: a total order, so that every copy picks the same. The
// answer that lost stays in the timeline, where it was recorded.
func mergeAnswer(x, y handoffAnswer) handoffAnswer {
	c := cmp.Or(
		cmp.Compare(x.Acceptance.rank(), y.Acceptance.rank()),
		y.Answered.Compare(x.Answered), // earlier is better
		strings.Compare(y.AnsweredBy, x.AnsweredBy),
		strings.Compare(y.Reason, x.Reason),
		strings.Compare(string(x.Acceptance), string(y.Acceptance)), // unknown kinds, edited by hand
	)
	if c < 0 {
		return y
	}
	return x
}
