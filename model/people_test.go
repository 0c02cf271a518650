package model

import (
	"errors"
	"math/rand"
	"reflect"
	"testing"
	"time"
)

// Item 26: "Bob" and "bob" are one person, shown as first written.
func TestNamesMatchWithoutRegardToCase(t *testing.T) {
	f := newFixture(t)
	f.do("alice", Handoff{Role: ref(TechLead, ""), To: "Bob"})
	if e := f.do("bob", Log{Text: "replica lag 40s"})[0]; e.By != "Bob" {
		t.Errorf("bob's note is signed %q, want Bob as first written", e.By)
	}
	if e := f.do("ALICE", TaskAdd{Title: "roll back", Owner: "bob"})[0]; e.By != "alice" || e.To != "Bob" {
		t.Errorf("task added by %q for %q, want alice for Bob", e.By, e.To)
	}
	if len(f.s.People) != 2 {
		t.Errorf("people = %+v, want alice and Bob", f.s.People)
	}
	_, err := f.try("alice", Handoff{Role: ref(TechLead, ""), To: "BOB"})
	var ue *UnchangedError
	if !errors.As(err, &ue) {
		t.Errorf("handing the tech lead role to BOB, who holds it: %v", err)
	}
	// The incident manager's own updates need no approval, in any case.
	if e := f.do("Alice", CommsUpdate{Audience: AudienceExternal, Text: "x", NeedsApproval: true})[0]; e.Kind != KindComms {
		t.Errorf("Alice's update is a %s, want it sent", e.Kind)
	}
	d := f.do("carol", CommsUpdate{Audience: AudienceExternal, Text: "y", NeedsApproval: true})[0]
	f.do("ALICE", ApproveUpdate{Draft: d.ID})
}

func TestDeclaringForYourselfInAnotherCaseIsOnePerson(t *testing.T) {
	s, _, err := State{}.Apply(DefaultCatalog(), Declare{Title: "x", Commander: "Zoe"}, Env{Now: t0, Actor: "zoe", IDs: &SeqIDs{}})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.People) != 1 || s.Incident.DeclaredBy != "Zoe" || s.Timeline[0].By != "Zoe" {
		t.Errorf("people %+v, declared by %q, entry by %q", s.People, s.Incident.DeclaredBy, s.Timeline[0].By)
	}
}

// Two replicas that met the same person under two spellings merge into
// one person, the one written first, in either order.
func TestMergeKeepsOnePersonWhateverTheCase(t *testing.T) {
	c := DefaultCatalog()
	base, _, err := State{}.Apply(c, Declare{Title: "sync", Commander: "alice"}, Env{Now: t0, Actor: "alice", Replica: "a", IDs: &SeqIDs{}})
	if err != nil {
		t.Fatal(err)
	}
	a, _, err := base.Apply(c, Handoff{Role: ref(TechLead, ""), To: "Bob"}, Env{Now: t0.Add(time.Minute), Actor: "alice", Replica: "a", IDs: RandomIDs{Rand: rand.New(rand.NewSource(1))}})
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := base.Apply(c, Log{Text: "on it"}, Env{Now: t0.Add(2 * time.Minute), Actor: "bob", Replica: "b", IDs: RandomIDs{Rand: rand.New(rand.NewSource(2))}})
	if err != nil {
		t.Fatal(err)
	}
	ab, _, err := Merge(a, b)
	if err != nil {
		t.Fatal(err)
	}
	ba, _, err := Merge(b, a)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ab, ba) {
		t.Errorf("merge is not commutative:\n%+v\n%+v", ab.People, ba.People)
	}
	if len(ab.People) != 2 || ab.People[1].Name != "Bob" {
		t.Errorf("people after the merge: %+v, want alice and Bob", ab.People)
	}
	if h, _ := ab.Holder(ref(TechLead, "")); h != "Bob" {
		t.Errorf("tech lead is %q", h)
	}
	if _, _, err := ab.Apply(c, Handoff{Role: ref(TechLead, ""), To: "bob"}, Env{Now: t0.Add(3 * time.Minute), Actor: "bob", IDs: &SeqIDs{}}); !errors.As(err, new(*UnchangedError)) {
		t.Errorf("after the merge, handing the role to bob: %v", err)
	}

	// Met at the same moment under two spellings: still one person, the
	// same one whichever side merges first.
	x := State{People: []Person{{Name: "dave", Joined: t0}}}
	y := State{People: []Person{{Name: "Dave", Joined: t0}}}
	x.Incident, y.Incident = base.Incident, base.Incident
	xy, _, _ := Merge(x, y)
	yx, _, _ := Merge(y, x)
	if len(xy.People) != 1 || !reflect.DeepEqual(xy.People, yx.People) {
		t.Errorf("same moment: %+v and %+v", xy.People, yx.People)
	}
}
