package tui

import (
	"testing"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/store"
)

// A read of the followed file applied ahead, off the screen's goroutine,
// to the incident on disk when the screen asked for it, is taken as it
// was applied only while the disk is still that: when the disk changed in
// between, the read is applied to the disk as it is now, and neither
// change is lost.
func TestAReadAppliedAheadKeepsWhatChangedMeanwhile(t *testing.T) {
	s := sampleState(t)
	reads := make(chan store.Followed, 1)
	m := New(Options{Path: "warroom.toml", Actor: "alice", Lang: "en", Catalog: model.DefaultCatalog(), Styles: asciiStyles(),
		Now: func() time.Time { return testNow }, Follow: reads}, s)
	m.Update(windowSize(120, 40))
	wait := m.nextFollow() // applies the next read to the disk as it is now

	if !m.change(model.Log{Text: "ours, made meanwhile"}) {
		t.Fatal("the change was refused")
	}
	theirs := apply(t, s, "bob", model.Log{Text: "theirs, read from the file"})
	head := theirs
	head.Timeline = nil
	reads <- store.Followed{Snapshot: store.Snapshot{Head: head, Entries: theirs.Timeline[len(s.Timeline):]}}
	m.Update(wait())

	found := map[string]bool{}
	for _, e := range m.disk.Timeline {
		found[e.Text] = true
	}
	for _, text := range []string{"ours, made meanwhile", "theirs, read from the file"} {
		if !found[text] {
			t.Errorf("the incident lost %q", text)
		}
	}
	// Taken as applied ahead when nothing changed meanwhile.
	wait = m.nextFollow()
	again := apply(t, m.disk, "carol", model.Log{Text: "another read"})
	head = again
	head.Timeline = nil
	reads <- store.Followed{Snapshot: store.Snapshot{Head: head, Entries: again.Timeline[len(m.disk.Timeline):]}}
	msg := wait()
	if _, ok := msg.(preparedMsg); !ok {
		t.Fatalf("the read came as %T, not applied ahead", msg)
	}
	m.Update(msg)
	if last := m.disk.Timeline[len(m.disk.Timeline)-1]; last.Text != "another read" {
		t.Errorf("the last entry is %q", last.Text)
	}
}
