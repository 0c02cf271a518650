package model

import (
	"errors"
	"testing"
	"time"
)

// TestMilestonesLatestMarkHolds (issue 20, item 4): marks are timeline
// entries; the latest mark of a milestone holds, even when it is earlier
// in time; one taken back gives way to the one before; a backdated note
// moves none.
func TestMilestonesLatestMarkHolds(t *testing.T) {
	f := newFixture(t)
	first := f.do("alice", Mark{Milestone: MilestoneImpact, At: t0.Add(-10 * time.Minute)})[0]
	if first.Kind != KindMilestone || first.To != "impact" || !first.At.Equal(t0.Add(-10*time.Minute)) || first.Recorded.IsZero() {
		t.Fatalf("mark wrote %+v", first)
	}
	second := f.do("bob", Mark{Milestone: "IMPACT", At: t0.Add(-20 * time.Minute)})[0]
	f.do("bob", Log{Text: "first alert, two hours ago", At: t0.Add(-2 * time.Hour)})
	detected := f.do("carol", Mark{Milestone: MilestoneDetected})[0]
	ms := f.s.Milestones()
	if ms[MilestoneImpact].ID != second.ID {
		t.Errorf("impact is %v, want the latest mark, at -20m", ms[MilestoneImpact].At)
	}
	if e := ms[MilestoneDetected]; e.ID != detected.ID || !e.Recorded.IsZero() || !e.At.Equal(detected.At) {
		t.Errorf("detected now is %+v", e)
	}
	if _, ok := ms[MilestoneMitigated]; ok {
		t.Error("a milestone never marked is there")
	}
	f.do("bob", Retract{Entry: second.ID})
	if got := f.s.Milestones()[MilestoneImpact]; got.ID != first.ID {
		t.Errorf("taken back, the impact mark is %v, want the one before, %v", got.At, first.At)
	}
}

// TestMarkRefusals: an unknown milestone, the future, and the time a
// milestone already holds.
func TestMarkRefusals(t *testing.T) {
	f := newFixture(t)
	var ie *InvalidError
	if _, err := f.try("alice", Mark{Milestone: "started"}); !errors.As(err, &ie) {
		t.Errorf("unknown milestone: %v", err)
	}
	if _, err := f.try("alice", Mark{Milestone: MilestoneImpact, At: f.now.Add(time.Hour)}); err == nil {
		t.Error("a mark in the future was taken")
	}
	at := t0.Add(-5 * time.Minute)
	f.do("alice", Mark{Milestone: MilestoneImpact, At: at})
	var ue *UnchangedError
	if _, err := f.try("bob", Mark{Milestone: MilestoneImpact, At: at}); !errors.As(err, &ue) {
		t.Errorf("marking the time that holds again: %v, want nothing changed", err)
	}
}

// TestMilestonesMergeTheSameEitherWay: two copies mark the impact apart;
// merged in either order, the mark written later holds.
func TestMilestonesMergeTheSameEitherWay(t *testing.T) {
	f := newFixture(t)
	base := f.s
	f.do("alice", Mark{Milestone: MilestoneImpact, At: t0.Add(-5 * time.Minute)})
	a := f.s
	f.s = base
	later := f.do("bob", Mark{Milestone: MilestoneImpact, At: t0.Add(-3 * time.Minute)})[0]
	b := f.s
	for _, m := range []State{mustMerge(t, a, b), mustMerge(t, b, a)} {
		if got := m.Milestones()[MilestoneImpact]; got.ID != later.ID {
			t.Errorf("merged, impact is %v, want the mark written later", got.At)
		}
	}
}

// TestParseWhen takes the forms log takes, and RFC 3339.
func TestParseWhen(t *testing.T) {
	now := t0.Add(time.Hour)
	for in, want := range map[string]time.Time{
		"@14:02":               time.Date(2026, 11, 25, 14, 2, 0, 0, time.UTC),
		"-5m":                  now.Add(-5 * time.Minute),
		"2026-11-25T13:50:00Z": time.Date(2026, 11, 25, 13, 50, 0, 0, time.UTC),
	} {
		if got, err := ParseWhen(in, now, time.UTC); err != nil || !got.Equal(want) {
			t.Errorf("ParseWhen(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"soon", "@25:00", "2027-01-01T00:00:00Z", "-x"} {
		if _, err := ParseWhen(bad, now, time.UTC); err == nil {
			t.Errorf("ParseWhen(%q) took it", bad)
		}
	}
}
