package model

import (
	"fmt"
	"testing"
	"time"
)

// BenchmarkLastEntry finds the entry that happened last in a timeline of
// 100,000 entries whose last one was backdated: a pass over the times of
// the timeline. The screen's header and the wall ask for it.
func BenchmarkLastEntry(b *testing.B) {
	s := State{}
	for i := 0; i < 100_000; i++ {
		s.Timeline = append(s.Timeline, Entry{ID: fmt.Sprintf("e%011d", i), At: t0.Add(time.Duration(i) * time.Second), By: "bob", Kind: KindNote, Text: "note"})
	}
	s.Timeline[len(s.Timeline)-1].At = t0
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if e, _ := s.LastEntry(); e.ID != "e00000099998" {
			b.Fatalf("last entry %s", e.ID)
		}
	}
}
