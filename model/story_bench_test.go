package model

import (
	"fmt"
	"testing"
	"time"
)

// storyState is an incident of n entries, every other one by a bot the
// policy names, a handful of people and their handoffs.
func storyState(b *testing.B, n int) State {
	b.Helper()
	c := DefaultCatalog()
	ids := &SeqIDs{}
	s, _, err := State{}.Apply(c, Declare{Title: "bench", Commander: "alice"}, Env{Now: t0, Actor: "alice", IDs: ids})
	if err != nil {
		b.Fatal(err)
	}
	s, _, _ = s.Apply(c, SetPolicy{Rule: "bots", Value: "pagerbot"}, Env{Now: t0, Actor: "alice", IDs: ids})
	s, _, _ = s.Apply(c, Handoff{Role: RoleRef{Role: "scribe"}, To: "erin"}, Env{Now: t0, Actor: "alice", IDs: ids})
	for i := len(s.Timeline); i < n; i++ {
		who := []string{"pagerbot", "bob", "pagerbot", "carol"}[i%4]
		s.Timeline = append(s.Timeline, Entry{ID: fmt.Sprintf("e%011d", i), At: t0.Add(time.Duration(i) * time.Second), By: who, Kind: KindNote, Text: "note"})
	}
	return s
}

// BenchmarkStoryReads measures, on 100,000 entries, what the story adds
// to a change: the last entry with the bots passed over, next to the
// last entry without bots (the peer); a catch-up of the last hour; and
// what waits on one person, next to reading the communications it reads
// with (State.Comms).
func BenchmarkStoryReads(b *testing.B) {
	s := storyState(b, 100_000)
	noBots := s
	noBots.Incident.Policy.Bots = ""
	end := t0.Add(100_000 * time.Second)
	b.Run("last-entry-peer", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			noBots.LastPersonEntry(nil)
		}
	})
	b.Run("last-entry-bots", func(b *testing.B) {
		bots := s.Bots()
		for i := 0; i < b.N; i++ {
			s.LastPersonEntry(bots)
		}
	})
	b.Run("comms-peer", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			s.Comms(s.Policy().Cadence())
		}
	})
	b.Run("waiting-on", func(b *testing.B) {
		log := s.Comms(s.Policy().Cadence())
		for i := 0; i < b.N; i++ {
			s.WaitingOnWith("erin", end, log)
		}
	})
	b.Run("catch-up-last-hour", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			s.CatchUp(end.Add(-time.Hour), "erin", s.Bots())
		}
	})
}
