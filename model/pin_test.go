package model

import (
	"errors"
	"testing"
)

// TestPinMarksKeyMoments (issue 20, item 7): a pinned entry is a key
// moment until it is unpinned; pinning twice, or unpinning what is not
// pinned, changes nothing; a pin is not itself pinned; merged copies
// agree.
func TestPinMarksKeyMoments(t *testing.T) {
	f := newFixture(t)
	note := f.do("bob", Log{Kind: KindDecision, Text: "roll back deploy 142"})[0]
	other := f.do("bob", Log{Text: "error rate 4%"})[0]
	pin := f.do("alice", Pin{Entry: note.ID[1:]})[0]
	if pin.Kind != KindPin || pin.Entry != note.ID || pin.Text != note.Text {
		t.Fatalf("pin wrote %+v", pin)
	}
	var ue *UnchangedError
	if _, err := f.try("carol", Pin{Entry: note.ID}); !errors.As(err, &ue) {
		t.Errorf("pinning twice: %v", err)
	}
	if _, err := f.try("carol", Pin{Entry: other.ID, Unpin: true}); !errors.As(err, &ue) {
		t.Errorf("unpinning what is not pinned: %v", err)
	}
	var ce *ConflictError
	if _, err := f.try("carol", Pin{Entry: pin.ID}); !errors.As(err, &ce) {
		t.Errorf("pinning a pin: %v", err)
	}
	var ie *InvalidError
	if _, err := f.try("carol", Pin{Entry: "zzzz"}); !errors.As(err, &ie) {
		t.Errorf("pinning no entry: %v", err)
	}
	f.do("bob", Pin{Entry: other.ID})
	if km := f.s.KeyMoments(); len(km) != 2 || km[0].ID != note.ID || km[1].ID != other.ID {
		t.Errorf("key moments %+v, want the two entries in order", km)
	}
	base := f.s
	f.do("alice", Pin{Entry: note.ID, Unpin: true})
	a := f.s
	if f.s.Pinned(note.ID) || len(f.s.KeyMoments()) != 1 {
		t.Errorf("unpinned, the entry is still a key moment")
	}
	f.s = base
	b := f.s
	for _, m := range []State{mustMerge(t, a, b), mustMerge(t, b, a)} {
		if m.Pinned(note.ID) || !m.Pinned(other.ID) {
			t.Errorf("merged, the later unpin does not hold")
		}
	}
}
