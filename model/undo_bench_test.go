package model

import (
	"fmt"
	"testing"
	"time"
)

// benchApply applies op as alice, b.N times, to an incident of 100,000
// notes, every tenth alice's and the rest bob's; check, when set, checks
// what each wrote.
func benchApply(b *testing.B, op Op, check func([]Entry) error) {
	c := DefaultCatalog()
	s, _, err := State{}.Apply(c, Declare{Title: "bench", Commander: "alice"}, Env{Now: t0, Actor: "alice", IDs: &SeqIDs{}})
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < 100_000; i++ {
		by := "bob"
		if i%10 == 0 {
			by = "alice"
		}
		s.Timeline = append(s.Timeline, Entry{ID: fmt.Sprintf("e%011d", i), At: t0.Add(time.Duration(i) * time.Second), By: by, Kind: KindNote, Text: "note"})
	}
	env := Env{Now: t0.Add(200_000 * time.Second), Actor: "alice", IDs: &SeqIDs{}}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_, entries, err := s.Apply(c, op, env)
		if err == nil && check != nil {
			err = check(entries)
		}
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkUndoLatest undoes alice's latest change: the whole Apply,
// finding the change (LatestChange), checking it and taking it back.
// BenchmarkApplyLog, logging a note on the same incident, is its peer:
// what any change costs there.
func BenchmarkUndoLatest(b *testing.B) {
	benchApply(b, Undo{}, func(es []Entry) error {
		if es[0].Undoes != "e00000099990" {
			return fmt.Errorf("undid %s", es[0].Undoes)
		}
		return nil
	})
}

// BenchmarkApplyLog logs a note: the peer of BenchmarkUndoLatest.
func BenchmarkApplyLog(b *testing.B) { benchApply(b, Log{Text: "note"}, nil) }
