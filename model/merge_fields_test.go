package model

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

// apart applies op to base as actor on replica, at base's time plus d.
func apart(t *testing.T, base State, op Op, actor, replica string, d time.Duration) State {
	t.Helper()
	s, _, err := base.Apply(DefaultCatalog(), op, Env{Now: t0.Add(d), Actor: actor, Replica: replica, IDs: RandomIDs{}})
	if err != nil {
		t.Fatalf("%T: %v", op, err)
	}
	return s
}

// withFollowUp is an incident with one follow-up, f0.
func withFollowUp(t *testing.T) State {
	t.Helper()
	f := newFixture(t)
	f.do("alice", Log{Kind: KindFollowup, Text: "add an alert on pool size"})
	return f.s
}

// TestMergeFollowUpFieldByField: one copy sets a follow-up's owner and
// ticket while the other marks it done; the merge keeps all three, in
// either order and whichever change came later.
func TestMergeFollowUpFieldByField(t *testing.T) {
	base := withFollowUp(t)
	id := base.FollowUps[0].ID
	for _, later := range []string{"details", "done"} {
		dd, dn := time.Hour, 2*time.Hour
		if later == "details" {
			dd, dn = dn, dd
		}
		details := apart(t, base, FollowUpDetails{FollowUp: id, Owner: "bob", Ticket: "OPS-1"}, "bob", "b", dd)
		done := apart(t, base, FollowUpSet{FollowUp: id, Done: true}, "carol", "c", dn)
		for _, m := range []State{mustMerge(t, details, done), mustMerge(t, done, details)} {
			got := m.FollowUps[0]
			if !got.Done || got.Owner != "bob" || got.Ticket != "OPS-1" {
				t.Errorf("%s later: merged follow-up lost a side: done %v, owner %q, ticket %q", later, got.Done, got.Owner, got.Ticket)
			}
		}
		if ab, ba := mustMerge(t, details, done), mustMerge(t, done, details); !reflect.DeepEqual(ab, ba) {
			t.Errorf("%s later: the merge depends on its order", later)
		}
	}
}

// TestMergeFollowUpSameFieldLaterWins: both copies set the owner; the
// later change wins, and the other copy's ticket is kept.
func TestMergeFollowUpSameFieldLaterWins(t *testing.T) {
	base := withFollowUp(t)
	id := base.FollowUps[0].ID
	a := apart(t, base, FollowUpDetails{FollowUp: id, Owner: "bob", Ticket: "OPS-1"}, "bob", "b", time.Hour)
	b := apart(t, base, FollowUpDetails{FollowUp: id, Owner: "dave"}, "dave", "d", 2*time.Hour)
	got := mustMerge(t, a, b).FollowUps[0]
	if got.Owner != "dave" || got.Ticket != "OPS-1" {
		t.Errorf("owner %q ticket %q, want dave (the later) and OPS-1", got.Owner, got.Ticket)
	}
}

// TestMergeEveryFieldCommutes changes one field of one record at a time,
// as a hand edit or an older build could, and checks that merging the two
// copies gives the same state in either order: no record type keeps
// whole whichever copy happens to come first.
func TestMergeEveryFieldCommutes(t *testing.T) {
	f := newFixture(t)
	f.do("alice", Handoff{Role: ref("tech_lead", ""), To: "bob", Note: "db"})
	f.do("bob", TaskAdd{Title: "roll back", Owner: "bob", Within: time.Hour})
	f.do("bob", Log{Kind: KindTheory, Text: "pool exhausted", Role: ref("tech_lead", "")})
	f.do("bob", Log{Kind: KindFollowup, Text: "alert on pool"})
	f.do("alice", FollowUpDetails{FollowUp: f.s.FollowUps[0].ID, Owner: "carol", Due: "2026-12-01", Ticket: "OPS-2"})
	base := f.s
	records := map[string]func(*State) reflect.Value{
		"incident":    func(s *State) reflect.Value { return reflect.ValueOf(&s.Incident).Elem() },
		"person":      func(s *State) reflect.Value { return reflect.ValueOf(&s.People[0]).Elem() },
		"assignment":  func(s *State) reflect.Value { return reflect.ValueOf(&s.Assignments[1]).Elem() },
		"task":        func(s *State) reflect.Value { return reflect.ValueOf(&s.Tasks[0]).Elem() },
		"theory":      func(s *State) reflect.Value { return reflect.ValueOf(&s.Theories[0]).Elem() },
		"follow-up":   func(s *State) reflect.Value { return reflect.ValueOf(&s.FollowUps[0]).Elem() },
		"timeline[1]": func(s *State) reflect.Value { return reflect.ValueOf(&s.Timeline[1]).Elem() },
	}
	for name, get := range records {
		typ := get(&base).Type()
		for i := 0; i < typ.NumField(); i++ {
			field := typ.Field(i)
			if field.Name == "ID" || field.Name == "Name" {
				continue // another id is another record
			}
			a, b := cloneState(base), cloneState(base)
			if !perturb(get(&b).Field(i)) {
				continue
			}
			ab, _, err1 := Merge(a, b)
			ba, _, err2 := Merge(b, a)
			if err1 != nil || err2 != nil {
				t.Errorf("%s.%s: %v %v", name, field.Name, err1, err2)
				continue
			}
			if !reflect.DeepEqual(ab, ba) {
				t.Errorf("%s.%s: merging a copy whose %s differs depends on the order", name, field.Name, field.Name)
			}
		}
	}
}

// cloneState copies every slice of s, so that changing one record of the
// copy leaves s as it was.
func cloneState(s State) State {
	s.People = append([]Person(nil), s.People...)
	s.Assignments = append([]Assignment(nil), s.Assignments...)
	s.Tasks = append([]Task(nil), s.Tasks...)
	s.Theories = append([]Theory(nil), s.Theories...)
	s.FollowUps = append([]FollowUp(nil), s.FollowUps...)
	s.Timeline = append([]Entry(nil), s.Timeline...)
	return s
}

// perturb changes v to another value of its type, as a hand edit would;
// it reports false for a kind it does not know how to change.
func perturb(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.String:
		v.SetString(v.String() + "~edited")
	case reflect.Bool:
		v.SetBool(!v.Bool())
	case reflect.Int, reflect.Int64:
		v.SetInt(v.Int() + 1)
	case reflect.Struct:
		switch x := v.Addr().Interface().(type) {
		case *time.Time:
			*x = x.Add(time.Second)
		case *Stamp:
			// An equal stamp with another value is the case to check:
			// a later stamp simply wins.
			x.Replica += "~"
		default:
			changed := false
			for i := 0; i < v.NumField(); i++ {
				changed = perturb(v.Field(i)) || changed
			}
			return changed
		}
	default:
		return false
	}
	return true
}

// TestMergeReportCountsEveryRecord: the summary of a sync names the
// follow-ups and theories it brought, also on the first pull into an
// empty copy.
func TestMergeReportCountsEveryRecord(t *testing.T) {
	f := newFixture(t)
	f.do("bob", Log{Kind: KindTheory, Text: "pool exhausted"})
	f.do("bob", Log{Kind: KindFollowup, Text: "alert on pool"})
	_, first, err := Merge(State{}, f.s)
	if err != nil {
		t.Fatal(err)
	}
	base := f.s
	f.do("bob", Log{Kind: KindFollowup, Text: "another"})
	_, later, err := Merge(base, f.s)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		rep  MergeReport
		want []string
	}{{first, []string{"+1 theory", "+1 follow-up"}}, {later, []string{"+1 follow-up"}}} {
		for _, w := range c.want {
			if !strings.Contains(c.rep.String(), w) {
				t.Errorf("report %q does not say %q", c.rep, w)
			}
		}
	}
	if s := fmt.Sprint(later); strings.Contains(s, "theor") {
		t.Errorf("report %q counts a theory it did not bring", s)
	}
}
