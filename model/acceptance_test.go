package model

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

// holding returns the holding of one role instance.
func holding(t *testing.T, f *fixture, r RoleRef) Holding {
	t.Helper()
	for _, h := range f.s.Holdings(f.c) {
		if h.Ref == r {
			return h
		}
	}
	t.Fatalf("no holding for %s", r)
	return Holding{}
}

// refusedAs applies op, which must fail with an error of the type of
// want and a message containing says, and leave the state as it was.
func refusedAs[E error](t *testing.T, f *fixture, actor string, op Op, says string) {
	t.Helper()
	before := f.s
	_, err := f.try(actor, op)
	var want E
	if !errors.As(err, &want) || !strings.Contains(err.Error(), says) {
		t.Errorf("%s %T%+v: got %v (%T), want %T saying %q", actor, op, op, err, err, want, says)
	}
	if !reflect.DeepEqual(before, f.s) {
		t.Errorf("%s %T: a refused answer changed the state", actor, op)
	}
}

func TestHandoffIsTheirsAtOnceButNotYetAccepted(t *testing.T) {
	f := newFixture(t)
	tl := ref("tech_lead", "")
	handed := f.now
	f.do("alice", Handoff{Role: tl, To: "bob", Note: "db is down"})

	if name, def := f.s.Holder(tl); name != "bob" || def {
		t.Errorf("holder %q default %v: the role is bob's at once", name, def)
	}
	h := holding(t, f, tl)
	if h.Acceptance != AcceptanceAwaited || h.By != "alice" {
		t.Errorf("holding acceptance %q by %q, want awaited, by alice", h.Acceptance, h.By)
	}
	// A task for the role goes to bob, as before.
	f.do("alice", TaskAdd{Title: "roll back", Role: tl})
	if p := f.s.PendingHandoffs(handed.Add(45 * time.Second)); len(p) != 1 ||
		p[0] != (PendingHandoff{Ref: tl, Holder: "bob", By: "alice", Since: handed, Waiting: 45 * time.Second, Assignment: h.History[0].ID}) {
		t.Errorf("pending handoffs %+v", p)
	}

	entries := f.do("bob", Accept{Role: tl})
	e := entries[0]
	if e.Kind != KindHandoffAccepted || e.By != "bob" || e.To != "bob" || e.From != "alice" || e.Role != "tech_lead" {
		t.Errorf("acceptance entry %+v", e)
	}
	a := f.s.History(tl)[0]
	if a.Acceptance != AcceptanceAccepted || !a.Answered.Equal(e.At) || a.AnsweredBy != "bob" {
		t.Errorf("assignment after acceptance %+v", a)
	}
	if p := f.s.PendingHandoffs(f.now); len(p) != 0 {
		t.Errorf("still pending after acceptance: %+v", p)
	}
	// Accepting twice changes nothing, and says so.
	refusedAs[*UnchangedError](t, f, "Bob", Accept{Role: tl}, "bob already accepted Tech lead")
}

func TestTakingARoleYourselfNeedsNoAcceptance(t *testing.T) {
	f := newFixture(t)
	f.do("bob", Handoff{Role: ref("scribe", ""), To: "Bob"})
	a := f.s.History(ref("scribe", ""))[0]
	if a.Acceptance != AcceptanceAccepted || !a.Answered.Equal(a.Since) || a.AnsweredBy != "bob" {
		t.Errorf("a role taken by oneself: %+v, want accepted at once", a)
	}
	if p := f.s.PendingHandoffs(f.now.Add(time.Hour)); len(p) != 0 {
		t.Errorf("pending: %+v", p)
	}
	refusedAs[*UnchangedError](t, f, "bob", Accept{Role: ref("scribe", "")}, "Bob already accepted Scribe")
	refusedAs[*ConflictError](t, f, "bob", Decline{Role: ref("scribe", ""), Reason: "no"},
		"Bob already accepted Scribe; to give it up, hand it to someone else or give it back to the incident manager")
}

func TestIncidentManagerConfirmsAnAcceptanceGivenByPhone(t *testing.T) {
	f := newFixture(t)
	db := ref("tech_lead", "database")
	f.do("alice", Handoff{Role: db, To: "Bob"})
	entries := f.do("alice", Accept{Role: db, For: "BOB"})
	e := entries[0]
	if e.Kind != KindHandoffAccepted || e.By != "alice" || e.To != "Bob" {
		t.Errorf("confirmed acceptance %+v: want by alice, for Bob", e)
	}
	if a := f.s.History(db)[0]; a.Acceptance != AcceptanceAccepted || a.AnsweredBy != "alice" {
		t.Errorf("assignment %+v", a)
	}
}

func TestOnlyTheHolderOrTheIncidentManagerAnswers(t *testing.T) {
	f := newFixture(t)
	tl := ref("tech_lead", "")
	f.do("alice", Handoff{Role: tl, To: "bob"})
	f.do("bob", Handoff{Role: ref("scribe", ""), To: "frank"})

	refusedAs[*ConflictError](t, f, "carol", Accept{Role: tl}, "Tech lead was handed to bob, not carol: bob answers it")
	refusedAs[*ConflictError](t, f, "alice", Accept{Role: tl}, "Tech lead was handed to bob, not alice: bob answers it, or you record the answer for them (--for bob)")
	refusedAs[*ConflictError](t, f, "alice", Accept{Role: tl, For: "carol"}, "Tech lead was handed to bob, not carol")
	refusedAs[*ConflictError](t, f, "carol", Accept{Role: tl, For: "bob"},
		"only the incident manager, alice, who handed it, can record bob's answer; carol cannot")
	refusedAs[*ConflictError](t, f, "carol", Decline{Role: tl, For: "bob", Reason: "x"}, "can record bob's answer")
	refusedAs[*ConflictError](t, f, "carol", Accept{Role: ref("scribe", ""), For: "frank"},
		"only the incident manager, alice, or bob, who handed it, can record frank's answer; carol cannot")
	// Whoever made the handoff may confirm it too.
	f.do("bob", Accept{Role: ref("scribe", ""), For: "frank"})
	// Roles nobody was handed have nothing to answer.
	refusedAs[*UnchangedError](t, f, "alice", Accept{Role: ref("problem_manager", "")},
		"alice holds Problem manager as the incident manager; there is no handoff to answer")
	refusedAs[*ConflictError](t, f, "alice", Decline{Role: ref("problem_manager", ""), Reason: "busy"}, "there is no handoff to answer")
	refusedAs[*ConflictError](t, f, "bob", Accept{Role: ref("problem_manager", "")},
		"Problem manager was not handed to bob; it is with the incident manager, alice")
}

func TestBadAnswersAreRefused(t *testing.T) {
	f := newFixture(t)
	tl := ref("tech_lead", "")
	f.do("alice", Handoff{Role: tl, To: "bob"})
	refusedAs[*InvalidError](t, f, "bob", Accept{}, "no role given")
	refusedAs[*InvalidError](t, f, "bob", Accept{Role: ref("nope", "")}, `unknown role "nope"`)
	refusedAs[*TextError](t, f, "bob", Accept{Role: ref(IncidentManager, "x")}, "there is one incident manager")
	refusedAs[*TextError](t, f, "bob", Decline{Role: tl}, "reason: must not be empty")
	refusedAs[*TextError](t, f, "bob", Decline{Role: tl, Reason: "   \n "}, "reason: must not be empty")
	refusedAs[*TextError](t, f, "bob", Decline{Role: tl, Reason: strings.Repeat("x", MaxEntry+1)}, "at most 4000")
	refusedAs[*TextError](t, f, "alice", Accept{Role: tl, For: "bob\nmallory"}, "holder: must be one line")
	refusedAs[*TextError](t, f, "bob", Decline{Role: tl, Reason: "\xff"}, "not valid UTF-8")
	// A name of spaces is no name: the actor answers for themselves.
	f.do("bob", Accept{Role: tl, For: "   "})
}

func TestDeclineGivesTheRoleBackToWhoeverHeldItBefore(t *testing.T) {
	f := newFixture(t)
	tl := ref("tech_lead", "")

	// Never handed before: back to the incident manager, by default.
	f.do("alice", Handoff{Role: tl, To: "bob"})
	entries := f.do("bob", Decline{Role: tl, Reason: "  off shift in ten minutes "})
	e := entries[0]
	if e.Kind != KindHandoffDeclined || e.From != "bob" || e.To != "" || e.Text != "off shift in ten minutes" || e.By != "bob" {
		t.Errorf("decline entry %+v", e)
	}
	if name, def := f.s.Holder(tl); name != "alice" || !def {
		t.Errorf("after the decline %q default %v, want the incident manager by default", name, def)
	}
	hist := f.s.History(tl)
	if len(hist) != 2 || hist[0].Acceptance != AcceptanceDeclined || hist[0].Reason != "off shift in ten minutes" ||
		hist[0].AnsweredBy != "bob" || hist[1].Holder != "" || hist[1].ID != hist[0].ID+"-back" || !hist[0].Until.Equal(hist[1].Since) {
		t.Errorf("history %+v", hist)
	}

	// Held by a person before: back to them, whoever records it.
	f.do("alice", Handoff{Role: tl, To: "carol"})
	f.do("carol", Accept{Role: tl})
	f.do("carol", Handoff{Role: tl, To: "dave"})
	entries = f.do("alice", Decline{Role: tl, For: "dave", Reason: "on leave"})
	if e := entries[0]; e.From != "dave" || e.To != "carol" || e.By != "alice" {
		t.Errorf("decline recorded for dave %+v", e)
	}
	if name, _ := f.s.Holder(tl); name != "carol" {
		t.Errorf("holder %q, want carol back", name)
	}
	if h := holding(t, f, tl); h.Acceptance != "" {
		t.Errorf("a role given back after a decline awaits no answer: %q", h.Acceptance)
	}
	refusedAs[*ConflictError](t, f, "dave", Decline{Role: tl, Reason: "again"}, "Tech lead was handed to carol, not dave")

	// Two handoffs to one person in a row (copies merged): back to the
	// one before them.
	f.do("carol", Handoff{Role: tl, To: "erin"})
	f.s.Assignments = append(f.s.Assignments, Assignment{ID: "a-dup", Role: "tech_lead", Holder: "erin", Since: f.now,
		By: "carol", Acceptance: AcceptanceAwaited, Clock: f.s.clock().Next(f.now, "r2")})
	f.do("erin", Decline{Role: tl, Reason: "no"})
	if name, _ := f.s.Holder(tl); name != "carol" {
		t.Errorf("holder %q, want carol, who held it before erin", name)
	}
}

func TestDeclineTheIncidentManagerRole(t *testing.T) {
	f := newFixture(t)
	im := ref(IncidentManager, "")
	f.do("alice", Handoff{Role: im, To: "dave", Note: "going off shift"})
	if f.s.Commander() != "dave" || holding(t, f, ref("scribe", "")).Holder != "dave" {
		t.Fatalf("the incident manager role and its roles are dave's at once")
	}
	if p := f.s.PendingHandoffs(f.now); len(p) != 1 || p[0].Ref != im {
		t.Errorf("pending %+v", p)
	}
	// dave is the incident manager now, but only the holder or alice, who
	// handed it, answers for him.
	f.do("dave", Decline{Role: im, Reason: "in a meeting until 15:00"})
	if f.s.Commander() != "alice" || holding(t, f, ref("scribe", "")).Holder != "alice" {
		t.Errorf("commander %q: a declined incident manager role goes back, with the roles it holds", f.s.Commander())
	}
	if err := f.s.Check(); err != nil {
		t.Error(err)
	}
	f.do("alice", Handoff{Role: im, To: "erin"})
	f.do("alice", Accept{Role: im, For: "erin"})
	if h := holding(t, f, im); h.Holder != "erin" || h.Acceptance != AcceptanceAccepted {
		t.Errorf("holding %+v", h)
	}
}

func TestDeclineAReopenedWorkstreamGoesToTheIncidentManager(t *testing.T) {
	f := newFixture(t)
	net := ref("tech_lead", "network")
	f.do("alice", Handoff{Role: net, To: "dave"})
	f.do("dave", Accept{Role: net})
	f.do("alice", CloseWorkstream{Role: net})
	refusedAs[*ConflictError](t, f, "dave", Accept{Role: net}, "was closed")
	f.do("alice", Handoff{Role: net, To: "gil"})
	f.do("gil", Decline{Role: net, Reason: "not my area"})
	if name, def := f.s.Holder(net); name != "alice" || !def || f.s.WorkstreamClosed(net) {
		t.Errorf("holder %q default %v closed %v", name, def, f.s.WorkstreamClosed(net))
	}
}

func TestUnacceptedListsHandoffsWaitingLongerThanTheLimit(t *testing.T) {
	f := newFixture(t)
	db, net := ref("tech_lead", "database"), ref("tech_lead", "network")
	first := f.now
	f.do("alice", Handoff{Role: db, To: "bob"})
	second := f.now
	f.do("alice", Handoff{Role: net, To: "dave"})
	f.do("alice", Handoff{Role: ref("scribe", ""), To: "alice"}) // taken: never listed

	limit := f.s.AcceptLimit()
	if limit != 2*time.Minute {
		t.Fatalf("limit %v", limit)
	}
	if u := f.s.Unaccepted(first.Add(limit)); len(u) != 0 {
		t.Errorf("at exactly the limit: %+v, want none", u)
	}
	u := f.s.Unaccepted(second.Add(limit + time.Second))
	if len(u) != 2 || u[0].Ref != db || u[1].Ref != net || u[0].Waiting != limit+time.Minute+time.Second {
		t.Errorf("unaccepted %+v, want database (waiting longest) then network", u)
	}
	// Handed on before an answer: the later handoff waits, from its time.
	f.do("alice", Handoff{Role: db, To: "ivan"})
	later := f.s.PendingHandoffs(f.now)
	if len(later) != 2 || later[1].Holder != "ivan" || !later[1].Since.Equal(f.now.Add(-time.Minute)) {
		t.Errorf("pending after handing on %+v", later)
	}
	f.do("dave", Accept{Role: net})
	f.do("ivan", Decline{Role: db, Reason: "no"})
	if u := f.s.Unaccepted(f.now.Add(time.Hour)); len(u) != 0 {
		t.Errorf("answered handoffs still listed: %+v", u)
	}
	// The earlier, never answered handoff stays awaited in the history.
	if a := f.s.History(db)[0]; a.Acceptance != AcceptanceAwaited || a.Holder != "bob" {
		t.Errorf("first handoff %+v", a)
	}
}

func TestAcceptanceInTheFileIsChecked(t *testing.T) {
	var a Acceptance
	for _, v := range []string{"awaited", "accepted", "declined", ""} {
		if err := a.UnmarshalText([]byte(v)); err != nil || string(a) != v {
			t.Errorf("%q: %v", v, err)
		}
	}
	if err := a.UnmarshalText([]byte("maybe")); err == nil || !strings.Contains(err.Error(), "valid: awaited, accepted, declined") {
		t.Errorf("unknown acceptance: %v", err)
	}
	f := newFixture(t)
	f.do("alice", Handoff{Role: ref("scribe", ""), To: "bob"})
	s := f.s
	s.Assignments = append([]Assignment(nil), s.Assignments...)
	s.Assignments[1].Answered = t0.Add(30 * 24 * time.Hour)
	if err := s.CheckTimes(t0); err == nil || !strings.Contains(err.Error(), "answered") {
		t.Errorf("an answer far in the future: %v", err)
	}
}
