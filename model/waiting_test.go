package model

import (
	"testing"
	"time"
)

// TestWaitingOn (issue 20, item 9): what waits on each person: a role to
// answer; a handoff of theirs declined, until the role is handed again;
// a draft of theirs sent back, until they write again; a task of theirs
// whose time box ran out; and, for the incident manager, drafts to
// approve.
func TestWaitingOn(t *testing.T) {
	f := newFixture(t)
	f.do("alice", SetPolicy{Rule: "approval.external", Value: "on"})
	scribe, tl := ref("scribe", ""), ref("tech_lead", "")
	f.do("alice", Handoff{Role: tl, To: "bob"})
	f.do("bob", Handoff{Role: scribe, To: "erin"})
	f.do("erin", Decline{Role: scribe, Reason: "on the payments bridge"})
	f.do("carol", CommsUpdate{Audience: AudienceExternal, Text: "draft one"})
	draft := f.s.PendingUpdates()[0]
	f.do("alice", RejectUpdate{Draft: draft.ID, Reason: "too vague"})
	f.do("carol", CommsUpdate{Audience: AudienceExternal, Text: "draft two"})
	f.do("alice", TaskAdd{Title: "Page payments", Role: tl, Within: time.Minute})
	f.now = f.now.Add(5 * time.Minute)

	kinds := func(who string) []WaitKind {
		var out []WaitKind
		for _, w := range f.s.WaitingOn(who, f.now) {
			out = append(out, w.Kind)
		}
		return out
	}
	if got := kinds("bob"); len(got) != 3 || got[0] != WaitAnswer || got[1] != WaitDeclined || got[2] != WaitTimeBox {
		t.Errorf("waiting on bob: %v, want his handoff to answer, his declined one, his expired task", got)
	}
	if w := f.s.WaitingOn("bob", f.now)[1]; w.By != "erin" || w.Entry.Text != "on the payments bridge" || w.Ref != scribe {
		t.Errorf("the decline waiting on bob: %+v", w)
	}
	if got := kinds("alice"); len(got) != 1 || got[0] != WaitApprove {
		t.Errorf("waiting on alice: %v, want the draft to approve", got)
	}
	if got := kinds("carol"); len(got) != 0 {
		t.Errorf("waiting on carol, who wrote again since her draft was sent back: %v", got)
	}
	f.do("alice", Handoff{Role: scribe, To: "frank"})
	f.do("bob", Accept{Role: tl})
	if got := kinds("bob"); len(got) != 1 || got[0] != WaitTimeBox {
		t.Errorf("once the scribe was handed again and bob answered: %v", got)
	}

	// The decline entry names the handoff it answered; its By is who handed it.
	for _, e := range f.s.Timeline {
		if e.Kind == KindHandoffDeclined {
			if a, ok := f.s.DeclinedHandoff(e); !ok || a.By != "bob" || a.Holder != "erin" {
				t.Errorf("the declined handoff is %+v (%v)", a, ok)
			}
		}
	}
}

// TestWaitingOnTheCommunicationsManager: a draft written for the
// communications manager (an external update from someone who holds
// neither their role nor the incident manager's) waits on them, and on
// the incident manager, who may approve any draft.
func TestWaitingOnTheCommunicationsManager(t *testing.T) {
	f := newFixture(t)
	f.do("alice", Handoff{Role: ref("communications_manager", ""), To: "carol"})
	f.do("carol", Accept{Role: ref("communications_manager", "")})
	f.do("dave", CommsUpdate{Audience: AudienceExternal, Text: "We are investigating."})
	if len(f.s.PendingUpdates()) != 1 {
		t.Fatalf("dave's update is not a draft: %+v", f.s.PendingUpdates())
	}
	for _, who := range []string{"carol", "alice"} {
		ws := f.s.WaitingOn(who, f.now)
		if len(ws) != 1 || ws[0].Kind != WaitApprove || ws[0].By != "dave" {
			t.Errorf("waiting on %s: %+v, want dave's draft to approve", who, ws)
		}
	}
	if ws := f.s.WaitingOn("dave", f.now); len(ws) != 0 {
		t.Errorf("waiting on dave, who wrote the draft: %+v", ws)
	}
}

// TestReadBackOf (item 8): what the holder of a role takes over: the
// status, the role's open tasks, the briefing, and for a role that sends
// updates, the next one due for its audience.
func TestReadBackOf(t *testing.T) {
	f := newFixture(t)
	ext := ref("communications_manager", "external")
	f.do("alice", TaskAdd{Title: "Post the status page", Role: ext})
	f.do("alice", TaskAdd{Title: "Something else"})
	f.do("alice", Handoff{Role: ext, To: "carol", Note: "status page first"})
	rb := f.s.ReadBackOf(f.c, ext)
	if rb.By != "alice" || rb.Briefing != "status page first" || rb.Status != Investigating || len(rb.Tasks) != 1 ||
		!rb.HasNext || rb.Next.Audience != AudienceExternal {
		t.Errorf("read-back %+v", rb)
	}
	if tl := f.s.ReadBackOf(f.c, ref("tech_lead", "")); tl.HasNext {
		t.Errorf("a tech lead's read-back has an update due: %+v", tl)
	}
}
