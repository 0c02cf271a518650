package model

import (
	"errors"
	"reflect"
	"testing"
	"time"
)

// apart applies op to s as replica rep, at now, with its own ids.
func onCopy(t *testing.T, s State, rep string, now time.Time, ops ...Op) State {
	t.Helper()
	for _, op := range ops {
		next, _, err := s.Apply(DefaultCatalog(), op, Env{Now: now, Actor: "alice", Replica: rep, IDs: &SeededIDs{Seed: uint64(len(rep)) + uint64(now.UnixNano())}})
		if err != nil {
			t.Fatalf("%s: %T: %v", rep, op, err)
		}
		s, now = next, now.Add(time.Second)
	}
	return s
}

// TestMergeFromBaseAsksWhenBothRewroteTheText: a title (or summary)
// changed on both sides since the base, to different values, is a
// conflict: the merge keeps the later, as Merge does, records both in one
// entry the same whichever side comes first, and the conflict stays open
// until someone sets the field — to the same text, too.
func TestMergeFromBaseAsksWhenBothRewroteTheText(t *testing.T) {
	f := newFixture(t)
	base := f.s
	ours := onCopy(t, base, "ours", t0.Add(time.Hour), SetTitle{Title: "Ours"}, SetSummary{Summary: "our summary"})
	theirs := onCopy(t, base, "theirs", t0.Add(time.Hour+time.Minute), SetTitle{Title: "Theirs"}, SetSummary{Summary: "their summary"})

	m, found, _, err := MergeFromBase(base, ours, theirs)
	if err != nil {
		t.Fatal(err)
	}
	if len(found) != 2 || found[0].Field != FieldTitle || found[0].Kept != "Theirs" || found[0].Other != "Ours" ||
		found[1].Field != FieldSummary || found[1].Kept != "their summary" || found[1].Other != "our summary" {
		t.Fatalf("conflicts: %+v", found)
	}
	if m.Incident.Title != "Theirs" {
		t.Errorf("title %q, want the later change kept", m.Incident.Title)
	}
	back, found2, _, err := MergeFromBase(base, theirs, ours)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(m, back) || !reflect.DeepEqual(found, found2) {
		t.Error("merging theirs into ours and ours into theirs differ")
	}
	if again, _, _, _ := MergeFromBase(base, m, theirs); !reflect.DeepEqual(again, m) {
		t.Error("merging the result again with one side changed it")
	}
	if open := m.OpenConflicts(); len(open) != 2 {
		t.Fatalf("open conflicts %+v, want 2", open)
	}
	// The same title decides the title's conflict; the summary's stays.
	decided := onCopy(t, m, "ours", t0.Add(2*time.Hour), SetTitle{Title: "Theirs"})
	if open := decided.OpenConflicts(); len(open) != 1 || open[0].Field != FieldSummary {
		t.Fatalf("after keeping the title: open %+v", open)
	}
	// Once decided, the same title changes nothing again.
	_, _, err = decided.Apply(DefaultCatalog(), SetTitle{Title: "Theirs"}, Env{Now: t0.Add(3 * time.Hour), Actor: "alice", IDs: &SeqIDs{}})
	var ue *UnchangedError
	if !errors.As(err, &ue) {
		t.Errorf("the same title once decided: %v, want unchanged", err)
	}
	// A copy that decided and one that did not: decided.
	if open := mustMerge(t, m, decided).OpenConflicts(); len(open) != 1 {
		t.Errorf("merged with the decided copy: open %+v", open)
	}
	decided = onCopy(t, decided, "theirs", t0.Add(4*time.Hour), SetSummary{Summary: "a third summary"})
	if open := decided.OpenConflicts(); len(open) != 0 {
		t.Errorf("after a new summary: open %+v", open)
	}
}

// TestMergeFromBaseWithoutConflict: one side changed, both made the same
// change, or the fields that changed are not the text: no conflict, and
// the result is Merge's.
func TestMergeFromBaseWithoutConflict(t *testing.T) {
	f := newFixture(t)
	base := f.s
	for name, c := range map[string]struct{ ours, theirs []Op }{
		"title on one side":   {[]Op{SetTitle{Title: "Ours"}}, []Op{Log{Kind: KindNote, Text: "x"}}},
		"the same title":      {[]Op{SetTitle{Title: "Same"}}, []Op{SetTitle{Title: "Same"}}},
		"status on both":      {[]Op{SetStatus{Status: Identified}}, []Op{SetStatus{Status: Monitoring}}},
		"title and a summary": {[]Op{SetTitle{Title: "Ours"}}, []Op{SetSummary{Summary: "theirs"}}},
	} {
		ours := onCopy(t, base, "ours", t0.Add(time.Hour), c.ours...)
		theirs := onCopy(t, base, "theirs", t0.Add(time.Hour+time.Minute), c.theirs...)
		m, found, _, err := MergeFromBase(base, ours, theirs)
		if err != nil {
			t.Fatal(err)
		}
		if len(found) != 0 || len(m.OpenConflicts()) != 0 {
			t.Errorf("%s: conflicts %+v", name, found)
		}
		if want := mustMerge(t, ours, theirs); !reflect.DeepEqual(m, want) {
			t.Errorf("%s: not Merge's result", name)
		}
	}
}

// TestMergeFromBaseWithNoCommonCopy: a file added on both branches has no
// base; the same incident with titles changed apart is a conflict, an
// identical one is not.
func TestMergeFromBaseWithNoCommonCopy(t *testing.T) {
	f := newFixture(t)
	ours := onCopy(t, f.s, "ours", t0.Add(time.Hour), SetTitle{Title: "Ours"})
	theirs := onCopy(t, f.s, "theirs", t0.Add(time.Hour+time.Minute), SetTitle{Title: "Theirs"})
	for name, base := range map[string]State{"no base": {}, "another incident": {Incident: Incident{ID: "INC-other"}}} {
		if _, found, _, _ := MergeFromBase(base, ours, theirs); len(found) != 1 {
			t.Errorf("%s: conflicts %+v, want the title's", name, found)
		}
		if _, found, _, _ := MergeFromBase(base, f.s, f.s); len(found) != 0 {
			t.Errorf("%s, two identical copies: conflicts %+v", name, found)
		}
	}
	var mismatch *IncidentMismatchError
	other := f.s
	other.Incident.ID = "INC-other"
	if _, _, _, err := MergeFromBase(State{}, f.s, other); !errors.As(err, &mismatch) {
		t.Errorf("two incidents: %v", err)
	}
}

// TestSettingTheTitleReadsOnlyConflicts: Needs says SetTitle reads the
// conflict entries; applied to a state holding only those, it does what
// it does on the whole state.
func TestSettingTheTitleReadsOnlyConflicts(t *testing.T) {
	f := newFixture(t)
	f.do("alice", Log{Kind: KindNote, Text: "a note"})
	base := f.s
	m, _, _, err := MergeFromBase(base,
		onCopy(t, base, "ours", t0.Add(time.Hour), SetTitle{Title: "Ours"}),
		onCopy(t, base, "theirs", t0.Add(time.Hour+time.Minute), SetTitle{Title: "Theirs"}))
	if err != nil {
		t.Fatal(err)
	}
	part := m
	part.Timeline = Needs(SetTitle{}).Filter(m.Timeline)
	env := Env{Now: t0.Add(2 * time.Hour), Actor: "alice", Replica: "r", IDs: &SeqIDs{}}
	_, whole, err1 := m.Apply(DefaultCatalog(), SetTitle{Title: m.Incident.Title}, env)
	env.IDs = &SeqIDs{}
	_, some, err2 := part.Apply(DefaultCatalog(), SetTitle{Title: m.Incident.Title}, env)
	if err1 != nil || err2 != nil || !reflect.DeepEqual(whole, some) {
		t.Errorf("whole: %v %v; part: %v %v", whole, err1, some, err2)
	}
}
