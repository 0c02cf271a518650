package model

import "testing"

// TestOwnCopiesEachPartOnce: own copies every slice a set of parts names
// before the first change, leaving the state it came from untouched, and
// never copies one twice in a transaction (a second copy would lose the
// changes made to the first).
func TestOwnCopiesEachPartOnce(t *testing.T) {
	f := newFixture(t)
	f.do("alice", TaskAdd{Title: "roll back"})
	before := clone(f.s)
	tx := &tx{s: f.s}
	tx.own(partTasks | partPeople)
	tx.s.Tasks[0].Title = "changed"
	tx.s.People[0].Name = "changed"
	tx.own(partTasks)
	tx.own(partTimeline | partTasks)
	if tx.s.Tasks[0].Title != "changed" {
		t.Error("owning the tasks again copied them again, losing a change")
	}
	tx.s.Timeline[0].Text = "changed"
	if f.s.Tasks[0].Title != before.Tasks[0].Title || f.s.People[0].Name != before.People[0].Name ||
		f.s.Timeline[0].Text != before.Timeline[0].Text {
		t.Error("a change in the transaction reached the state it came from")
	}
	if tx.copied != partTimeline|partTasks|partPeople {
		t.Errorf("copied %b, want the timeline, the tasks and the people", tx.copied)
	}
}
