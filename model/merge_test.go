package model

import (
	"fmt"
	"math/rand"
	"reflect"
	"testing"
	"time"
)

// replica is one copy of an incident, with its own clock and id source.
type replica struct {
	name string
	s    State
	skew time.Duration
	ids  IDSource
}

// mustMerge merges or fails the test.
func mustMerge(t *testing.T, a, b State) State {
	t.Helper()
	m, _, err := Merge(a, b)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestMergeConvergesAndLosesNothing plays random histories on three
// replicas that change the incident apart and sync in random pairs and
// orders, and checks that once every pair has synced they are identical
// and hold every entry and task any of them ever wrote — and, along the
// way, that Merge is commutative, associative and idempotent.
func TestMergeConvergesAndLosesNothing(t *testing.T) {
	c := DefaultCatalog()
	cases := 1000
	if testing.Short() {
		cases = 100
	}
	for seed := int64(1); seed <= int64(cases); seed++ {
		r := rand.New(rand.NewSource(seed))
		now := t0
		start, _, err := State{}.Apply(c, Declare{Title: "sync", Commander: "alice"},
			Env{Now: now, Actor: "alice", Replica: "a", IDs: RandomIDs{Rand: rand.New(rand.NewSource(seed * 7))}})
		if err != nil {
			t.Fatal(err)
		}
		reps := []*replica{
			{name: "a", s: start, ids: RandomIDs{Rand: rand.New(rand.NewSource(seed*7 + 1))}},
			{name: "b", s: State{}, skew: -90 * time.Second, ids: RandomIDs{Rand: rand.New(rand.NewSource(seed*7 + 2))}},
			{name: "c", s: State{}, skew: 40 * time.Second, ids: RandomIDs{Rand: rand.New(rand.NewSource(seed*7 + 3))}},
		}
		written := map[string]bool{}
		tasks := map[string]bool{}
		var snaps []State
		for step := 0; step < 40; step++ {
			now = now.Add(time.Duration(r.Intn(30)) * time.Second)
			x := reps[r.Intn(3)]
			if r.Intn(3) == 0 || !x.s.Declared() {
				y := reps[r.Intn(3)]
				m := mustMerge(t, x.s, y.s)
				x.s, y.s = m, m
				continue
			}
			op := randomOp(r, x.s)
			// People, not replicas, act: bob on one copy may answer a
			// handoff that alice answered for him on another.
			actor := []string{"alice", "bob", "bob", "carol"}[r.Intn(4)]
			next, entries, err := x.s.Apply(c, op, Env{Now: now.Add(x.skew), Actor: actor, Replica: x.name, IDs: x.ids})
			if err != nil {
				continue
			}
			x.s = next
			for _, e := range entries {
				written[e.ID] = true
			}
			for _, tk := range next.Tasks {
				tasks[taskIdentity(tk)] = true
			}
			snaps = append(snaps, x.s)
		}
		// Algebra on three states seen along the way.
		if len(snaps) >= 3 {
			p, q, s := snaps[r.Intn(len(snaps))], snaps[r.Intn(len(snaps))], snaps[r.Intn(len(snaps))]
			pq, qp := mustMerge(t, p, q), mustMerge(t, q, p)
			if !reflect.DeepEqual(pq, qp) {
				t.Fatalf("seed %d: merge is not commutative", seed)
			}
			if !reflect.DeepEqual(mustMerge(t, pq, s), mustMerge(t, p, mustMerge(t, q, s))) {
				t.Fatalf("seed %d: merge is not associative", seed)
			}
			if !reflect.DeepEqual(mustMerge(t, pq, pq), pq) {
				t.Fatalf("seed %d: merge is not idempotent", seed)
			}
		}
		// Every pair syncs: a↔b, b↔c, a↔b again.
		for _, pair := range [][2]int{{0, 1}, {1, 2}, {0, 1}} {
			m := mustMerge(t, reps[pair[0]].s, reps[pair[1]].s)
			reps[pair[0]].s, reps[pair[1]].s = m, m
		}
		final := reps[0].s
		for _, x := range reps[1:] {
			if !reflect.DeepEqual(x.s, final) {
				t.Fatalf("seed %d: replicas %s and a differ after syncing", seed, x.name)
			}
		}
		have := map[string]bool{}
		for _, e := range final.Timeline {
			have[e.ID] = true
		}
		for id := range written {
			if !have[id] {
				t.Fatalf("seed %d: entry %s was lost", seed, id)
			}
		}
		haveTasks := map[string]bool{}
		for _, tk := range final.Tasks {
			haveTasks[taskIdentity(tk)] = true
		}
		for id := range tasks {
			if !haveTasks[id] {
				t.Fatalf("seed %d: a task was lost (%q)", seed, id)
			}
		}
		if err := final.Check(); err != nil {
			t.Fatalf("seed %d: merged state fails Check: %v", seed, err)
		}
		checkAnswers(t, seed, final)
	}
}

func TestMergeLaterChangeWinsAndTheLoserStaysInTheTimeline(t *testing.T) {
	c := DefaultCatalog()
	base, _, _ := State{}.Apply(c, Declare{Title: "x", Commander: "alice"}, Env{Now: t0, Actor: "alice", Replica: "a", IDs: &SeqIDs{}})
	a, _, _ := base.Apply(c, SetStatus{Status: Identified}, Env{Now: t0.Add(time.Minute), Actor: "alice", Replica: "a", IDs: RandomIDs{}})
	b, _, _ := base.Apply(c, SetStatus{Status: Monitoring}, Env{Now: t0.Add(2 * time.Minute), Actor: "bob", Replica: "b", IDs: RandomIDs{}})
	m, rep, err := Merge(a, b)
	if err != nil {
		t.Fatal(err)
	}
	if m.Incident.Status != Monitoring {
		t.Errorf("status %s, want the later change (monitoring)", m.Incident.Status)
	}
	var seen []string
	for _, e := range m.Timeline {
		if e.Kind == KindStatus {
			seen = append(seen, e.To)
		}
	}
	if fmt.Sprint(seen) != "[identified monitoring]" {
		t.Errorf("status entries %v: the losing change must stay in the timeline", seen)
	}
	if rep.Entries != 1 || rep.Fields != 1 || rep.String() != "+1 entry, +1 person, 1 field updated" {
		t.Errorf("report %+v %q", rep, rep)
	}
	if _, _, err := Merge(a, mustDeclare(t, "other")); err == nil {
		t.Error("two different incidents were merged")
	}
}

func mustDeclare(t *testing.T, title string) State {
	t.Helper()
	s, _, err := State{}.Apply(DefaultCatalog(), Declare{Title: title}, Env{Now: t0, Actor: "zoe", IDs: RandomIDs{}})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Two replicas that drew the same short task id for different tasks keep
// both tasks.
func TestMergeKeepsTasksThatDrewTheSameID(t *testing.T) {
	c := DefaultCatalog()
	base, _, _ := State{}.Apply(c, Declare{Title: "x", Commander: "alice"}, Env{Now: t0, Actor: "alice", IDs: &SeqIDs{}})
	a, _, _ := base.Apply(c, TaskAdd{Title: "from a"}, Env{Now: t0.Add(time.Minute), Actor: "alice", Replica: "a", IDs: &SeededIDs{Seed: 1}})
	b, _, _ := base.Apply(c, TaskAdd{Title: "from b"}, Env{Now: t0.Add(2 * time.Minute), Actor: "bob", Replica: "b", IDs: &SeededIDs{Seed: 1}})
	if a.Tasks[0].ID != b.Tasks[0].ID {
		t.Fatal("the test needs both tasks to draw one id")
	}
	ab, ba := mustMerge(t, a, b), mustMerge(t, b, a)
	if len(ab.Tasks) != 2 || !reflect.DeepEqual(ab, ba) {
		t.Fatalf("tasks after merging: %+v", ab.Tasks)
	}
	if ab.Tasks[0].ID == ab.Tasks[1].ID {
		t.Error("the two tasks still share an id")
	}
}

// answerCopies starts an incident where alice handed the tech lead role
// to bob, and gives two copies of it, on replicas a and b.
func answerCopies(t *testing.T) (base State, at func(State, Op, string, time.Duration, string) State) {
	t.Helper()
	c := DefaultCatalog()
	ids := &SeededIDs{Seed: 7}
	base, _, err := State{}.Apply(c, Declare{Title: "x", Commander: "alice"}, Env{Now: t0, Actor: "alice", Replica: "a", IDs: ids})
	if err != nil {
		t.Fatal(err)
	}
	base, _, err = base.Apply(c, Handoff{Role: ref("tech_lead", ""), To: "bob"}, Env{Now: t0.Add(time.Minute), Actor: "alice", Replica: "a", IDs: ids})
	if err != nil {
		t.Fatal(err)
	}
	return base, func(s State, op Op, actor string, after time.Duration, replica string) State {
		t.Helper()
		next, _, err := s.Apply(c, op, Env{Now: t0.Add(time.Minute + after), Actor: actor, Replica: replica, IDs: &SeededIDs{Seed: uint64(replica[0]) + uint64(after)}})
		if err != nil {
			t.Fatalf("%s %T: %v", actor, op, err)
		}
		return next
	}
}

// bothWays merges a and b in both orders, checks they agree, and returns
// the merge and what b brought into a.
func bothWays(t *testing.T, a, b State) (State, MergeReport) {
	t.Helper()
	ab, rep, err := Merge(a, b)
	if err != nil {
		t.Fatal(err)
	}
	if ba := mustMerge(t, b, a); !reflect.DeepEqual(ab, ba) {
		t.Fatalf("merge is not commutative:\n%+v\n%+v", ab.Assignments, ba.Assignments)
	}
	if !reflect.DeepEqual(mustMerge(t, ab, ab), ab) || !reflect.DeepEqual(mustMerge(t, ab, a), ab) {
		t.Fatal("merge is not idempotent")
	}
	return ab, rep
}

func kinds(s State) []Kind {
	var out []Kind
	for _, e := range s.Timeline {
		out = append(out, e.Kind)
	}
	return out
}

// An acceptance made on one copy reaches a copy that only saw the handoff.
func TestMergeAnAcceptanceMadeOnAnotherCopy(t *testing.T) {
	base, at := answerCopies(t)
	tl := ref("tech_lead", "")
	a := at(base, Accept{Role: tl}, "bob", 45*time.Second, "a")
	m, rep := bothWays(t, base, a)
	h := m.History(tl)
	if len(h) != 1 || h[0].Acceptance != AcceptanceAccepted || h[0].AnsweredBy != "bob" {
		t.Errorf("merged handoff %+v, want accepted by bob", h)
	}
	if p := m.PendingHandoffs(t0.Add(time.Hour)); len(p) != 0 {
		t.Errorf("still waiting after the merge: %+v", p)
	}
	if rep.String() != "+1 entry, 1 field updated" {
		t.Errorf("what the acceptance brought: %q", rep)
	}
}

// An accept and a decline made apart: the decline wins, whichever came
// later, and both stay in the timeline.
func TestMergeAcceptAndDeclineMadeApart(t *testing.T) {
	tl := ref("tech_lead", "")
	for _, c := range []struct {
		name           string
		accept, reject time.Duration
	}{{"accepted first", 30 * time.Second, time.Minute}, {"declined first", time.Minute, 30 * time.Second}} {
		t.Run(c.name, func(t *testing.T) {
			base, at := answerCopies(t)
			a := at(base, Accept{Role: tl}, "bob", c.accept, "a")
			b := at(base, Decline{Role: tl, For: "bob", Reason: "bob called: on a plane"}, "alice", c.reject, "b")
			m, _ := bothWays(t, a, b)
			if name, def := m.Holder(tl); name != "alice" || !def {
				t.Errorf("holder %q default %v, want back with the incident manager", name, def)
			}
			h := m.History(tl)
			if len(h) != 2 || h[0].Acceptance != AcceptanceDeclined || h[0].Reason != "bob called: on a plane" || h[0].AnsweredBy != "alice" {
				t.Errorf("history %+v", h)
			}
			if got := fmt.Sprint(kinds(m)); got != "[declared handoff handoff_accepted handoff_declined]" &&
				got != "[declared handoff handoff_declined handoff_accepted]" {
				t.Errorf("timeline %s: both answers must stay", got)
			}
			checkAnswers(t, 0, m)
		})
	}
}

// Two declines made apart give the role back once; two acceptances made
// apart keep the earlier; every answer stays in the timeline.
func TestMergeTwoAnswersOfOneKindMadeApart(t *testing.T) {
	tl := ref("tech_lead", "")
	base, at := answerCopies(t)
	a := at(base, Decline{Role: tl, Reason: "busy"}, "bob", 20*time.Second, "a")
	b := at(base, Decline{Role: tl, For: "bob", Reason: "on leave"}, "alice", 10*time.Second, "b")
	m, _ := bothWays(t, a, b)
	h := m.History(tl)
	if len(h) != 2 || h[0].Reason != "on leave" || h[1].ID != h[0].ID+"-back" {
		t.Errorf("history %+v, want the earlier decline and one giving back", h)
	}
	if n := len(m.Timeline); n != 4 {
		t.Errorf("%d entries, want both declines kept", n)
	}

	a = at(base, Accept{Role: tl}, "bob", 20*time.Second, "a")
	b = at(base, Accept{Role: tl, For: "bob"}, "alice", 10*time.Second, "b")
	m, _ = bothWays(t, a, b)
	if h := m.History(tl); h[0].AnsweredBy != "alice" || !h[0].Answered.Equal(t0.Add(70*time.Second)) {
		t.Errorf("accepted %+v, want the earlier acceptance (confirmed by alice)", h[0])
	}
	if n := len(m.Timeline); n != 4 {
		t.Errorf("%d entries, want both acceptances kept", n)
	}
}

// A copy that handed the role on after bob accepted, merged with one where
// bob declined: the later change of holder wins, as for any two handoffs,
// and the handoff says it was declined.
func TestMergeADeclineAndALaterHandoff(t *testing.T) {
	tl := ref("tech_lead", "")
	base, at := answerCopies(t)
	a := at(base, Accept{Role: tl}, "bob", 10*time.Second, "a")
	a = at(a, Handoff{Role: tl, To: "carol"}, "bob", 3*time.Minute, "a")
	b := at(base, Decline{Role: tl, Reason: "busy"}, "bob", time.Minute, "b")
	m, _ := bothWays(t, a, b)
	if name, _ := m.Holder(tl); name != "carol" {
		t.Errorf("holder %q, want carol (the later handoff)", name)
	}
	if p := m.PendingHandoffs(t0.Add(time.Hour)); len(p) != 1 || p[0].Holder != "carol" {
		t.Errorf("pending %+v", p)
	}
	if h := m.History(tl); h[0].Acceptance != AcceptanceDeclined {
		t.Errorf("bob's handoff %+v", h[0])
	}
}

// Two replicas that drew the same short id for different records — two
// theories, two follow-ups, or records of different kinds (their ids are
// one space) — keep both, apart, whichever order they merge in; the merge
// holds together and merging again changes nothing.
func TestMergeKeepsRecordsThatDrewTheSameID(t *testing.T) {
	c := DefaultCatalog()
	base, _, _ := State{}.Apply(c, Declare{Title: "x", Commander: "alice"}, Env{Now: t0, Actor: "alice", IDs: &SeqIDs{}})
	theory := Log{Kind: KindTheory, Text: "the cache stampedes"}
	followUp := Log{Kind: KindFollowup, Text: "alert on pool saturation"}
	task := TaskAdd{Title: "roll back"}
	for name, ops := range map[string][2]Op{
		"two theories":           {theory, Log{Kind: KindTheory, Text: "replica lag"}},
		"two follow-ups":         {followUp, Log{Kind: KindFollowup, Text: "a runbook for failover"}},
		"a task and a theory":    {task, theory},
		"a follow-up and a task": {followUp, task},
	} {
		a, _, err := base.Apply(c, ops[0], Env{Now: t0.Add(time.Minute), Actor: "alice", Replica: "a", IDs: &SeededIDs{Seed: 1}})
		if err != nil {
			t.Fatal(err)
		}
		b, _, err := base.Apply(c, ops[1], Env{Now: t0.Add(2 * time.Minute), Actor: "bob", Replica: "b", IDs: &SeededIDs{Seed: 1}})
		if err != nil {
			t.Fatal(err)
		}
		ids := func(s State) []string {
			var out []string
			for _, x := range s.Tasks {
				out = append(out, x.ID)
			}
			for _, x := range s.Theories {
				out = append(out, x.ID)
			}
			for _, x := range s.FollowUps {
				out = append(out, x.ID)
			}
			return out
		}
		if ia, ib := ids(a), ids(b); len(ia) != 1 || len(ib) != 1 || ia[0] != ib[0] {
			t.Fatalf("%s: the test needs both records to draw one id: %v %v", name, ia, ib)
		}
		ab, ba := mustMerge(t, a, b), mustMerge(t, b, a)
		if got := ids(ab); len(got) != 2 || got[0] == got[1] || !reflect.DeepEqual(ab, ba) {
			t.Errorf("%s: records after merging: %v (the other way: %v)", name, got, ids(ba))
		}
		if err := ab.Check(); err != nil {
			t.Errorf("%s: the merge does not hold together: %v", name, err)
		}
		if again := mustMerge(t, ab, a); !reflect.DeepEqual(again, ab) {
			t.Errorf("%s: merging again changed the incident: %v", name, ids(again))
		}
	}
}

// On one replica, a task, a theory and a follow-up never draw one id:
// their ids are one space.
func TestRecordsOfEveryKindDrawTheirOwnIDs(t *testing.T) {
	c := DefaultCatalog()
	s, _, _ := State{}.Apply(c, Declare{Title: "x", Commander: "alice"}, Env{Now: t0, Actor: "alice", IDs: &SeqIDs{}})
	for i, op := range []Op{TaskAdd{Title: "roll back"}, Log{Kind: KindTheory, Text: "the cache"}, Log{Kind: KindFollowup, Text: "a runbook"}} {
		next, _, err := s.Apply(c, op, Env{Now: t0.Add(time.Duration(i+1) * time.Minute), Actor: "alice", IDs: &SeededIDs{Seed: 1}})
		if err != nil {
			t.Fatalf("%T: %v", op, err)
		}
		s = next
	}
	if err := s.Check(); err != nil || len(s.Tasks) != 1 || len(s.Theories) != 1 || len(s.FollowUps) != 1 {
		t.Fatalf("three records drawn from one seed: %v", err)
	}
}
