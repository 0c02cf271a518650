package model

import (
	"fmt"
	"testing"
	"time"
)

// BenchmarkComms reads where the communications stand — every update sent
// by audience, the drafts awaiting approval, the next due — from a
// timeline of 10,000 entries, 1,000 of them updates and drafts. The
// screen does this once per change of the incident, never per frame.
func BenchmarkComms(b *testing.B) {
	s := State{Schema: Schema, Incident: Incident{ID: "INC-1", Title: "x", Status: Investigating, Severity: Sev1, Declared: t0, DeclaredBy: "alice"}}
	for i := 0; i < 10_000; i++ {
		e := Entry{ID: fmt.Sprintf("e%011d", i), At: t0.Add(time.Duration(i) * time.Second), By: "bob", Kind: KindNote, Text: "note"}
		switch {
		case i%10 == 0:
			e.Kind, e.Channel = KindComms, string(Audiences[i/10%len(Audiences)])
		case i%100 == 5:
			e.Kind, e.Channel = KindCommsDraft, "external"
		}
		s.Timeline = append(s.Timeline, e)
	}
	c := DefaultCadence()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if l := s.Comms(c); len(l.Pending) != 100 {
			b.Fatalf("%d pending", len(l.Pending))
		}
	}
}
