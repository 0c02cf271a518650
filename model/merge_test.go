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
			next, entries, err := x.s.Apply(c, op, Env{Now: now.Add(x.skew), Actor: x.name, Replica: x.name, IDs: x.ids})
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
