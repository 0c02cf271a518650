package model

import (
	"math"
	"testing"
	"time"
)

func TestStampNextIsMonotonic(t *testing.T) {
	var s Stamp
	now := t0
	prev := s
	for i, step := range []time.Duration{0, time.Second, 0, -time.Hour, -time.Hour, 2 * time.Hour, 0} {
		now = now.Add(step)
		next := prev.Next(now, "r1")
		if next.Compare(prev) <= 0 {
			t.Fatalf("step %d: %v is not after %v", i, next, prev)
		}
		prev = next
	}
}

func TestStampOrderAndRoundTrip(t *testing.T) {
	a := Stamp{Wall: 1000, Seq: 1, Replica: "a"}
	b := Stamp{Wall: 1000, Seq: 1, Replica: "b"}
	c := Stamp{Wall: 1000, Seq: 2, Replica: "a"}
	d := Stamp{Wall: 1001, Replica: "a"}
	order := []Stamp{{}, a, b, c, d}
	for i := range order {
		for j := range order {
			want := 0
			if i < j {
				want = -1
			} else if i > j {
				want = 1
			}
			if got := order[i].Compare(order[j]); got != want {
				t.Errorf("Compare(%v, %v) = %d, want %d", order[i], order[j], got, want)
			}
		}
	}
	for _, s := range []Stamp{a, d, {Wall: t0.UnixMilli(), Seq: 42, Replica: "9f3a@x"}} {
		got, err := ParseStamp(s.String())
		if err != nil || got != s {
			t.Errorf("round trip of %v: %v, %v", s, got, err)
		}
	}
	for _, bad := range []string{"x", "2026-11-25T14:00:00Z@r", "2026-11-25T14:00:00Z.x@r", "2026-11-25T14:00:00Z.1@"} {
		if _, err := ParseStamp(bad); err == nil {
			t.Errorf("ParseStamp(%q) accepted", bad)
		}
	}
}

// TestStampNextNeverWraps: a counter at its largest (a hand-edited or
// hostile peer's clock) carries into the wall time instead of wrapping to
// zero, so the newer change still wins.
func TestStampNextNeverWraps(t *testing.T) {
	top := Stamp{Wall: t0.UnixMilli(), Seq: math.MaxUint32, Replica: "zz"}
	next := top.Next(t0, "a")
	if next.Compare(top) <= 0 {
		t.Fatalf("%v after %v: the counter wrapped", next, top)
	}
	if again := next.Next(t0, "a"); again.Compare(next) <= 0 {
		t.Fatalf("%v after %v", again, next)
	}
}

// TestChangeAfterATopClockWins: a change made on top of a state whose
// clock counter is at its largest beats the value it replaced when the
// two copies merge.
func TestChangeAfterATopClockWins(t *testing.T) {
	f := newFixture(t)
	s := f.s
	s.Incident.Clock.Status = Stamp{Wall: t0.Add(time.Hour).UnixMilli(), Seq: math.MaxUint32, Replica: "zz"}
	next, _, err := s.Apply(f.c, SetStatus{Status: Monitoring}, f.env("bob"))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range [][2]State{{s, next}, {next, s}} {
		got, _, err := Merge(m[0], m[1])
		if err != nil {
			t.Fatal(err)
		}
		if got.Incident.Status != Monitoring {
			t.Fatalf("the later change lost: status %s", got.Incident.Status)
		}
	}
}
