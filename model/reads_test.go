package model

import (
	"fmt"
	"math/rand"
	"reflect"
	"testing"
	"time"
)

// TestNeedsIsEnough applies random operations twice, once to the whole
// state and once to the state with its timeline cut down to what Needs
// says the operation reads, and wants the same outcome from both: the
// same error, or the same entries and the same incident apart from the
// timeline. A store relies on it to read no more of a long file than a
// change needs.
func TestNeedsIsEnough(t *testing.T) {
	c := DefaultCatalog()
	kinds := map[string]int{}
	for seed := int64(1); seed <= 150; seed++ {
		r := rand.New(rand.NewSource(seed))
		now := t0
		s, _, err := State{}.Apply(c, Declare{Title: "needs", Commander: "alice"}, Env{Now: now, Actor: "alice", IDs: &SeqIDs{}})
		if err != nil {
			t.Fatal(err)
		}
		for step := 0; step < 80; step++ {
			now = now.Add(time.Duration(r.Intn(90)) * time.Second)
			op := needsOp(r, s)
			need := Needs(op)
			part := s
			part.Timeline = need.Filter(s.Timeline)
			seed := r.Uint64()
			actor := []string{"alice", "bob"}[r.Intn(2)]
			env := func() Env { return Env{Now: now, Actor: actor, Replica: "r", IDs: &SeededIDs{Seed: seed}} }
			full, fe, ferr := s.Apply(c, op, env())
			cut, ce, cerr := part.Apply(c, op, env())
			if fmt.Sprint(ferr) != fmt.Sprint(cerr) {
				t.Fatalf("seed %d step %d: %T %+v: error %v on the whole state, %v on the part Needs reads", seed, step, op, op, ferr, cerr)
			}
			if ferr != nil {
				continue
			}
			kinds[fmt.Sprintf("%T", op)]++
			if !reflect.DeepEqual(fe, ce) {
				t.Fatalf("seed %d step %d: %T wrote %+v on the whole state, %+v on the part", seed, step, op, fe, ce)
			}
			full.Timeline, cut.Timeline = nil, nil
			if !reflect.DeepEqual(full, cut) {
				t.Fatalf("seed %d step %d: %T left a different incident on the part Needs reads", seed, step, op)
			}
			next, _, _ := s.Apply(c, op, env())
			s = next
		}
		// The summaries read only the kinds they say they read.
		part := s
		part.Timeline = CustomerKinds.Filter(s.Timeline)
		if !reflect.DeepEqual(part.Customers(), s.Customers()) || !reflect.DeepEqual(part.CustomerTrend(now, time.Hour, 6), s.CustomerTrend(now, time.Hour, 6)) {
			t.Fatalf("seed %d: customer counts differ on the entries CustomerKinds names", seed)
		}
		part.Timeline = MilestoneKinds.Filter(s.Timeline)
		if !reflect.DeepEqual(part.Milestones(), s.Milestones()) {
			t.Fatalf("seed %d: milestones differ on the entries MilestoneKinds names", seed)
		}
		part.Timeline = CommsKinds.Filter(s.Timeline)
		if !reflect.DeepEqual(part.Comms(DefaultCadence()), s.Comms(DefaultCadence())) {
			t.Fatalf("seed %d: comms differ on the entries CommsKinds names", seed)
		}
	}
	for _, name := range []string{"model.Log", "model.TaskSet", "model.Handoff", "model.ApproveUpdate", "model.Notable", "model.Customers",
		"model.Retract", "model.SetTitle", "model.SetSummary", "model.CloseWorkstream", "model.Accept", "model.Decline",
		"model.TimeBoxExpired", "model.HookRan", "model.Mark", "model.Pin"} {
		if kinds[name] == 0 {
			t.Errorf("no %s succeeded; the test does not cover it", name)
		}
	}
}

// needsOp draws from randomOp's vocabulary and the operations it lacks.
func needsOp(r *rand.Rand, s State) Op {
	switch r.Intn(13) {
	case 0:
		return Customers{Channel: Channels[r.Intn(len(Channels))], Count: 1 + r.Intn(3)}
	case 1:
		answers := []string{"", "none", "e", "zzz"}[r.Intn(4)]
		if sent := s.Comms(Cadence{}).Sent["external"]; len(sent) > 0 && r.Intn(2) == 0 {
			answers = sent[r.Intn(len(sent))].ID
		}
		return Notable{Channel: Channels[r.Intn(len(Channels))], Text: "customer says", Answers: answers}
	case 2:
		if len(s.Timeline) > 0 {
			return Retract{Entry: s.Timeline[r.Intn(len(s.Timeline))].ID}
		}
	case 3:
		return CommsUpdate{Audience: "external", Text: "we are on it", NeedsApproval: r.Intn(2) == 0}
	case 4:
		return SetTitle{Title: []string{"needs", "a new title"}[r.Intn(2)]}
	case 5:
		return SetSummary{Summary: []string{"", "what we know"}[r.Intn(2)]}
	case 6:
		return CloseWorkstream{Role: ref("tech_lead", []string{"db", "net", ""}[r.Intn(3)])}
	case 7:
		return TaskAdd{Title: "boxed", Within: time.Duration(1+r.Intn(3)) * time.Minute}
	case 8:
		if len(s.Tasks) > 0 {
			return TimeBoxExpired{Task: s.Tasks[r.Intn(len(s.Tasks))].ID}
		}
	case 9:
		return HookRan{Event: HookEvents[r.Intn(len(HookEvents))], Command: "./page.sh --urgent",
			Outcome: []HookOutcome{HookOK, HookFailed, HookTimeout}[r.Intn(3)], Exit: 3, Took: time.Second}
	}
	return randomOp(r, s)
}

func TestNeedsPlus(t *testing.T) {
	a := TimelineNeed{Kinds: []Kind{KindComms}}
	if got := a.Plus(CommsKinds); !got.Has(KindSeverity) || !got.Has(KindComms) || got.Has(KindNote) || len(got.Kinds) != len(CommsKinds.Kinds) {
		t.Errorf("Plus = %+v", got)
	}
	if got := a.Plus(TimelineNeed{All: true}); !got.All {
		t.Errorf("Plus with All = %+v", got)
	}
	if (TimelineNeed{}).Has(KindNote) || len((TimelineNeed{}).Filter([]Entry{{Kind: KindNote}})) != 0 {
		t.Error("an empty need reads entries")
	}
	if !Needs(Retract{}).All || Needs(Log{}).All || len(Needs(Log{}).Kinds) != 0 {
		t.Error("Needs: Retract reads all, Log none")
	}
}
