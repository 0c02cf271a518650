package model

import (
	"fmt"
	"math/rand"
	"reflect"
	"testing"
	"time"
)

// clone copies a state deeply enough to detect changes to its slices.
func clone(s State) State {
	c := s
	c.People = append([]Person(nil), s.People...)
	c.Assignments = append([]Assignment(nil), s.Assignments...)
	c.Tasks = append([]Task(nil), s.Tasks...)
	c.Timeline = append([]Entry(nil), s.Timeline...)
	return c
}

// randomOp draws an operation, valid or not, from a small vocabulary so that
// collisions (same status, same holder, unknown ids) happen often.
func randomOp(r *rand.Rand, s State) Op {
	people := []string{"alice", "bob", "carol", "dave", "", "x\x1b[2J"}
	roles := []RoleRef{ref("tech_lead", ""), ref("tech_lead", "db"), ref("communications_manager", "external"),
		ref(IncidentManager, ""), ref("scribe", ""), ref("nope", ""), ref(IncidentManager, "x")}
	taskRef := func() string {
		if len(s.Tasks) == 0 || r.Intn(5) == 0 {
			return fmt.Sprintf("t%04d", r.Intn(50))
		}
		return s.Tasks[r.Intn(len(s.Tasks))].ID
	}
	if len(s.Theories) > 0 && r.Intn(10) == 0 {
		states := []TheoryState{TheoryOpen, TheoryConfirmed, TheoryRuledOut}
		return TheorySet{Theory: s.Theories[r.Intn(len(s.Theories))].ID, State: states[r.Intn(3)], Note: "evidence"}
	}
	if r.Intn(5) == 0 {
		// Answers to handoffs: mostly to one waiting, by its holder, for
		// them, or by someone it was not handed to.
		waiting := s.PendingHandoffs(t0)
		if len(waiting) == 0 || r.Intn(6) == 0 {
			return Accept{Role: roles[r.Intn(len(roles))], For: people[r.Intn(len(people))]}
		}
		h := waiting[r.Intn(len(waiting))]
		who := []string{"", "", h.Holder, "carol"}[r.Intn(4)]
		if r.Intn(2) == 0 {
			return Accept{Role: h.Ref, For: who}
		}
		return Decline{Role: h.Ref, For: who, Reason: []string{"off shift", "", "busy"}[r.Intn(3)]}
	}
	if r.Intn(8) == 0 {
		pending := s.PendingUpdates()
		switch {
		case len(pending) > 0 && r.Intn(2) == 0:
			return ApproveUpdate{Draft: pending[r.Intn(len(pending))].ID}
		case len(pending) > 0 && r.Intn(2) == 0:
			return RejectUpdate{Draft: pending[r.Intn(len(pending))].ID, Reason: "not yet"}
		}
		return CommsUpdate{Audience: []Audience{"external", "internal", "press"}[r.Intn(3)], Text: "update", NeedsApproval: r.Intn(2) == 0}
	}
	switch r.Intn(15) {
	case 0:
		return Log{Kind: LogKinds[r.Intn(len(LogKinds))], Text: fmt.Sprintf("note %d", r.Int())}
	case 1:
		return TaskAdd{Title: fmt.Sprintf("task %d", r.Intn(100)), Role: roles[r.Intn(len(roles))], Owner: people[r.Intn(len(people))]}
	case 2:
		states := []TaskState{TaskOpen, TaskInProgress, TaskDone, "bogus"}
		return TaskSet{Task: taskRef(), State: states[r.Intn(len(states))]}
	case 3, 4:
		return Handoff{Role: roles[r.Intn(len(roles))], To: people[r.Intn(len(people))], Note: "brief"}
	case 5:
		return SetStatus{Status: Statuses[r.Intn(len(Statuses))]}
	case 6:
		return SetSeverity{Severity: Severity(r.Intn(5))}
	case 7:
		if r.Intn(3) > 0 {
			return Declare{Title: "again"}
		}
		rules := []string{"sev1.external", "sev2.internal", "approval.external", "accept_within", "sev1.first", "sev9.external"}
		values := []string{"15m", "none", "on", "off", "5m", "1ns"}
		return SetPolicy{Rule: rules[r.Intn(len(rules))], Value: values[r.Intn(len(values))]}
	case 8:
		return SetTitle{Title: []string{"prop", "renamed", " ", "again"}[r.Intn(4)]}
	case 9:
		return SetSummary{Summary: []string{"", "known so far", "line one\nline two"}[r.Intn(3)]}
	case 10:
		return CloseWorkstream{Role: roles[r.Intn(len(roles))], Note: "done"}
	case 11:
		return Release{Role: roles[r.Intn(len(roles))]}
	case 13:
		if len(s.Timeline) > 0 {
			return Pin{Entry: s.Timeline[r.Intn(len(s.Timeline))].ID, Unpin: r.Intn(3) == 0}
		}
		return Pin{Entry: "nope"}
	case 12:
		return Mark{Milestone: append(Milestones, "started")[r.Intn(len(Milestones)+1)]}
	case 14:
		// Undo the actor's latest change, or any entry, theirs or not.
		if len(s.Timeline) > 0 && r.Intn(3) == 0 {
			return Undo{Entry: s.Timeline[r.Intn(len(s.Timeline))].ID}
		}
		return Undo{}
	default:
		return Declare{Title: "again"}
	}
}

// TestApplyProperties runs random operation sequences and checks what every
// change must keep true: failures change nothing, successes append signed
// entries, earlier snapshots never change, clocks only move forward, ids
// stay unique, and every catalog role always has a holder.
func TestApplyProperties(t *testing.T) {
	c := DefaultCatalog()
	answered := map[string]int{}
	for seed := int64(1); seed <= 200; seed++ {
		r := rand.New(rand.NewSource(seed))
		ids := &SeqIDs{}
		now := t0
		s, _, err := State{}.Apply(c, Declare{Title: "prop", Commander: "alice"}, Env{Now: now, Actor: "alice", IDs: ids})
		if err != nil {
			t.Fatal(err)
		}
		var snaps []State
		var copies []State
		for step := 0; step < 60; step++ {
			// The wall clock sometimes goes backwards; stamps must not.
			now = now.Add(time.Duration(r.Intn(90)-20) * time.Second)
			op := randomOp(r, s)
			// Mostly bob, so that handoffs to him wait for his answer.
			actor := []string{"bob", "bob", "alice", "carol"}[r.Intn(4)]
			before := clone(s)
			next, entries, err := s.Apply(c, op, Env{Now: now, Actor: actor, Replica: "r", IDs: ids})
			if !reflect.DeepEqual(before, s) {
				t.Fatalf("seed %d step %d: Apply(%T) modified its receiver", seed, step, op)
			}
			if err != nil {
				if !reflect.DeepEqual(next, s) {
					t.Fatalf("seed %d step %d: failed %T returned a changed state", seed, step, op)
				}
				continue
			}
			if len(entries) == 0 || len(next.Timeline) != len(s.Timeline)+len(entries) {
				t.Fatalf("seed %d step %d: %T wrote %d entries", seed, step, op, len(entries))
			}
			for _, e := range entries {
				if e.By != actor || !e.At.Equal(now.UTC()) || e.ID == "" {
					t.Fatalf("seed %d step %d: entry %+v not signed", seed, step, e)
				}
			}
			// Every change of a shared field moves the clock forward; a plain
			// entry changes no field and leaves it where it was, and an
			// acceptance changes only an answer, which merges by what it
			// is, not by its clock.
			isLog := false
			switch op.(type) {
			case Log, CommsUpdate, ApproveUpdate, RejectUpdate, Accept, Mark, Pin:
				isLog = true
			case Undo:
				// Taking an entry back, or a pin, is an entry too.
				k := entries[0].Kind
				isLog = k == KindRetracted || k == KindPin || k == KindUnpin
			}
			answers(t, seed, step, op, s, next, entries)
			answered[fmt.Sprintf("%T", op)]++
			if cmp := next.clock().Compare(s.clock()); cmp < 0 || (cmp == 0 && !isLog) {
				t.Fatalf("seed %d step %d: %T moved the clock %v → %v", seed, step, op, s.clock(), next.clock())
			}
			snaps, copies = append(snaps, s), append(copies, before)
			s = next
		}
		for i := range snaps {
			if !reflect.DeepEqual(snaps[i], copies[i]) {
				t.Fatalf("seed %d: snapshot %d changed after later operations", seed, i)
			}
		}
		if err := s.Check(); err != nil {
			t.Fatalf("seed %d: final state fails Check: %v", seed, err)
		}
		checkAnswers(t, seed, s)
		covered := map[string]bool{}
		for _, h := range s.Holdings(c) {
			if h.Holder == "" {
				t.Fatalf("seed %d: %s has no holder", seed, h.Ref)
			}
			covered[h.Ref.Role] = true
		}
		for _, k := range c.Keys() {
			if !covered[k] {
				t.Fatalf("seed %d: role %s missing from holdings", seed, k)
			}
		}
	}
	if answered["model.Undo"] < 50 {
		t.Errorf("too few undos succeeded: %d", answered["model.Undo"])
	}
	if answered["model.Accept"] < 50 || answered["model.Decline"] < 50 {
		t.Errorf("too few answers to handoffs were tried: %v", answered)
	}
}

// answers checks what an answer to a handoff must do: an acceptance marks
// the handoff accepted and keeps the holder; a decline marks it declined
// with its reason and gives the role to someone else (or to the incident
// manager by default, who may be the one who declined); neither leaves the
// handoff waiting.
func answers(t *testing.T, seed int64, step int, op Op, before, after State, entries []Entry) {
	t.Helper()
	var role RoleRef
	switch op := op.(type) {
	case Accept:
		role = op.Role
	case Decline:
		role = op.Role
	default:
		return
	}
	cur, _ := before.current(role)
	was, _ := after.current(role)
	for _, a := range after.History(role) {
		if a.ID == cur.ID {
			was = a
		}
	}
	h0, _ := before.Holder(role)
	h1, def1 := after.Holder(role)
	switch op.(type) {
	case Accept:
		if was.Acceptance != AcceptanceAccepted || h0 != h1 || entries[0].Kind != KindHandoffAccepted {
			t.Fatalf("seed %d step %d: accept left %+v, holder %q → %q", seed, step, was, h0, h1)
		}
	case Decline:
		if was.Acceptance != AcceptanceDeclined || was.Reason == "" || (SameName(h1, h0) && !def1) || entries[0].Kind != KindHandoffDeclined {
			t.Fatalf("seed %d step %d: decline left %+v, holder %q → %q", seed, step, was, h0, h1)
		}
	}
	for _, p := range after.PendingHandoffs(t0) {
		if p.Ref == role {
			t.Fatalf("seed %d step %d: %T left %s waiting", seed, step, op, role)
		}
	}
}

// checkAnswers checks what every state must keep true of answers: only a
// handoff to someone awaits an answer, and every declined handoff gave its
// role back.
func checkAnswers(t *testing.T, seed int64, s State) {
	t.Helper()
	ids := map[string]bool{}
	for _, a := range s.Assignments {
		ids[a.ID] = true
	}
	for _, a := range s.Assignments {
		switch {
		case a.Acceptance == AcceptanceAwaited && (a.Holder == "" || SameName(a.Holder, a.By)):
			t.Fatalf("seed %d: %+v awaits an answer nobody was asked for", seed, a)
		case a.Acceptance == AcceptanceDeclined && (a.Reason == "" || !ids[a.ID+"-back"]):
			t.Fatalf("seed %d: declined %+v without a reason or without giving the role back", seed, a)
		case a.Acceptance != "" && a.Acceptance != AcceptanceAwaited && a.Answered.IsZero():
			t.Fatalf("seed %d: answered %+v has no time", seed, a)
		}
	}
}
