package model

import (
	"testing"
	"time"
)

var t0 = time.Date(2026, 11, 25, 14, 0, 0, 0, time.UTC)

// fixture applies ops in order, one minute apart, as actor, failing the
// test on any error.
type fixture struct {
	t   *testing.T
	c   *Catalog
	s   State
	ids *SeqIDs
	now time.Time
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	f := &fixture{t: t, c: DefaultCatalog(), ids: &SeqIDs{}, now: t0}
	f.do("alice", Declare{Title: "Checkout API returning 500s", Severity: Sev1, Commander: "alice"})
	return f
}

func (f *fixture) env(actor string) Env {
	return Env{Now: f.now, Actor: actor, Replica: "r1", IDs: f.ids}
}

func (f *fixture) try(actor string, op Op) ([]Entry, error) {
	f.t.Helper()
	next, entries, err := f.s.Apply(f.c, op, f.env(actor))
	f.now = f.now.Add(time.Minute)
	if err == nil {
		f.s = next
	}
	return entries, err
}

func (f *fixture) do(actor string, op Op) []Entry {
	f.t.Helper()
	entries, err := f.try(actor, op)
	if err != nil {
		f.t.Fatalf("%T: %v", op, err)
	}
	return entries
}

func ref(role, ws string) RoleRef { return RoleRef{Role: role, Workstream: ws} }
