package model

import (
	"testing"
	"time"
)

// TestNextUpdateDue checks the cadence clock with an injected clock: the
// first SEV1 update is due 5 minutes after the declaration, then every 20
// minutes externally; a change of severity recomputes it; once resolved,
// nothing is due.
func TestNextUpdateDue(t *testing.T) {
	f := newFixture(t) // SEV1, declared at t0
	c := DefaultCadence()
	next, ok := f.s.SoonestUpdate(c)
	if !ok || !next.Due.Equal(t0.Add(5*time.Minute)) {
		t.Fatalf("first update due %+v", next)
	}
	f.now = t0.Add(12 * time.Minute)
	f.do("carol", CommsUpdate{Audience: "external", Text: "We are investigating."})
	f.do("carol", CommsUpdate{Audience: "internal", Text: "SEV1 declared."})
	next, _ = f.s.SoonestUpdate(c)
	if next.Audience != "external" || !next.Due.Equal(t0.Add(32*time.Minute)) {
		t.Errorf("after the updates: %+v", next)
	}
	f.do("alice", SetSeverity{Severity: Sev3}) // SEV3: external every hour, internal none
	ups := f.s.NextUpdates(c)
	if len(ups) != 1 || ups[0].Audience != "external" || !ups[0].Due.Equal(t0.Add(72*time.Minute)) {
		t.Errorf("after SEV3: %+v", ups)
	}
	f.do("alice", SetStatus{Status: Resolved})
	if _, ok := f.s.SoonestUpdate(c); ok {
		t.Error("an update is due on a resolved incident")
	}
	if _, err := f.try("carol", CommsUpdate{Audience: "press", Text: "x"}); err == nil {
		t.Error("an unknown audience was accepted")
	}
	if _, err := f.try("carol", CommsUpdate{Audience: "external", Text: "  "}); err == nil {
		t.Error("an empty update was accepted")
	}
}
