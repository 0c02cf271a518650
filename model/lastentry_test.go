package model

import (
	"testing"
	"time"
)

// TestLastEntryIsTheLatestInTime (issue 11, item 1): a backdated entry
// ("-2h first alert") takes its place in time; the last entry is the one
// that happened last, as every timeline shows it, not the one written
// last. Of entries of one moment, the one recorded last.
func TestLastEntryIsTheLatestInTime(t *testing.T) {
	f := newFixture(t)
	f.do("bob", Log{Text: "error rate 38%"})
	latest := f.now.Add(-time.Minute)
	f.do("bob", Log{Text: "first alert", At: t0.Add(-2 * time.Hour)})
	last, ok := f.s.LastEntry()
	if !ok || last.Text != "error rate 38%" || !last.At.Equal(latest) {
		t.Fatalf("last entry %q at %v, want the note at %v, not the entry backdated to two hours before", last.Text, last.At, latest)
	}
	// Written later and backdated to after it: that one happened last.
	f.do("bob", Log{Text: "rolled back", At: f.now.Add(-10 * time.Second)})
	if last, _ := f.s.LastEntry(); last.Text != "rolled back" {
		t.Errorf("last entry %q, want the one backdated to the latest time", last.Text)
	}
	// The same after a merge, which orders the timeline by time.
	m, _, err := Merge(f.s, f.s)
	if err != nil {
		t.Fatal(err)
	}
	if last, _ := m.LastEntry(); last.Text != "rolled back" {
		t.Errorf("after a merge, last entry %q", last.Text)
	}
	// One moment: the one recorded last.
	s := State{Timeline: []Entry{{ID: "e1", At: t0, Text: "a"}, {ID: "e2", At: t0, Text: "b"}}}
	if last, _ := s.LastEntry(); last.ID != "e2" {
		t.Errorf("of two entries of one moment, %s, want the later recorded", last.ID)
	}
	if _, ok := (State{}).LastEntry(); ok {
		t.Error("an empty timeline has a last entry")
	}
}
