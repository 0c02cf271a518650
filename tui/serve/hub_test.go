package serve

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/store"
	"github.com/warroom/warroom/tui"
)

// A mailbox never makes the hub wait and never grows: a thousand
// incidents put while nobody takes leave one, the newest; the outcomes
// of saves are merged, none lost.
func TestMailboxKeepsTheNewest(t *testing.T) {
	b := newMailbox()
	var last model.State
	for i := range 1000 {
		last = model.State{Incident: model.Incident{ID: "INC", Title: string(rune('a' + i%26))}}
		b.putIncident(tui.SharedIncident(last, nil, model.DefaultCatalog(), nil))
	}
	b.putSaved(store.WriteResult{Committed: []uint64{1, 2}})
	b.putSaved(store.WriteResult{Committed: []uint64{3}, Rejected: []store.Rejection{{Seq: 4}}})
	b.putPresence([]tui.Present{{Name: "alice"}})
	msgs := b.take()
	if len(msgs) != 3 {
		t.Fatalf("%d messages, want the newest incident, the merged saves and who is connected", len(msgs))
	}
	if got, ok := tui.IncidentState(msgs[0]); !ok || got.Incident.Title != last.Incident.Title {
		t.Errorf("the incident kept is not the newest: %+v", got.Incident)
	}
	saved := msgs[1]
	if want := tui.SavedMsg(store.WriteResult{Committed: []uint64{1, 2, 3}, Rejected: []store.Rejection{{Seq: 4}}}); !sameSaved(saved, want) {
		t.Errorf("saves merged as %#v", saved)
	}
	if len(b.take()) != 0 {
		t.Error("take did not empty the mailbox")
	}
}

func sameSaved(a, b any) bool {
	return fmt.Sprintf("%#v", a) == fmt.Sprintf("%#v", b)
}

// The hub saves a session's changes through its one writer and tells that
// session, and gives every session the incident the save left — a session
// whose screen takes nothing (its client stopped reading) holds up no one.
func TestHubNeverWaitsOnASession(t *testing.T) {
	path := filepath.Join(t.TempDir(), "incident.toml")
	c := model.DefaultCatalog()
	st, err := store.Update(context.Background(), path, true, func(s model.State) (model.State, error) {
		next, _, err := s.Apply(c, model.Declare{Title: "Payments down"}, model.Env{Now: time.Now().UTC(), Actor: "alice", IDs: model.RandomIDs{}})
		return next, err
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	h, err := NewHub(ctx, path, c, slog.New(slog.NewTextHandler(io.Discard, nil)), time.Now)
	if err != nil {
		t.Fatal(err)
	}
	stalled := &session{member: Member{Name: "bob", Access: Edit}, box: newMailbox()}
	working := &session{member: Member{Name: "alice", Access: Edit}, box: newMailbox()}
	h.join(stalled)
	h.join(working)
	var seqs []uint64
	for i := range 50 {
		seqs = append(seqs, h.submit(working, store.Change{Op: model.Log{Text: "entry"},
			Env: model.Env{Now: st.Incident.Declared.Add(time.Duration(i+1) * time.Second), Actor: "alice", IDs: &model.SeededIDs{Seed: uint64(i + 1)}}}))
	}
	committed := map[uint64]bool{}
	deadline := time.After(30 * time.Second)
	for len(committed) < len(seqs) {
		select {
		case <-working.box.wake:
			for _, msg := range working.box.take() {
				if r, ok := tui.SavedResult(msg); ok {
					for _, s := range r.Committed {
						committed[s] = true
					}
				}
			}
		case <-deadline:
			t.Fatalf("the hub stopped: %d of %d changes acknowledged", len(committed), len(seqs))
		}
	}
	msgs := stalled.box.take()
	incidents := 0
	for _, m := range msgs {
		if _, ok := tui.IncidentState(m); ok {
			incidents++
		}
	}
	if incidents != 1 {
		t.Errorf("the stalled session holds %d incidents, want the newest only", incidents)
	}
	if err := h.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	// A viewer's change is refused in the server.
	viewer := &session{member: Member{Name: "dana", Access: View}, box: newMailbox()}
	h.submit(viewer, store.Change{Op: model.Log{Text: "x"}})
	for _, m := range viewer.box.take() {
		if r, ok := tui.SavedResult(m); !ok || len(r.Rejected) != 1 {
			t.Errorf("a viewer's change: %#v", m)
		}
	}
}
