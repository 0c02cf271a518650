package model

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/warroom/warroom/model/i18n"
)

// TestTimesFarAheadAreRefused: a time far in the future, in any record or
// clock of the incident, is refused with its field named; times within a
// clock's skew are fine.
func TestTimesFarAheadAreRefused(t *testing.T) {
	f := newFixture(t)
	f.do("bob", TaskAdd{Title: "roll back", Within: time.Hour})
	f.do("bob", Log{Kind: KindFollowup, Text: "alert"})
	base := f.s
	now := f.now
	if err := base.CheckTimes(now); err != nil {
		t.Fatalf("a sound incident: %v", err)
	}
	far := time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		field string
		edit  func(*State)
	}{
		{"[incident] declared", func(s *State) { s.Incident.Declared = far }},
		{"[incident.clock] status", func(s *State) { s.Incident.Clock.Status.Wall = far.UnixMilli() }},
		{"[[timeline]] " + base.Timeline[1].ID + " at", func(s *State) { s.Timeline[1].At = far }},
		{"[[tasks]] " + base.Tasks[0].ID + " due", func(s *State) { s.Tasks[0].Due = now.Add(60 * 24 * time.Hour) }},
		{"[[followups]] " + base.FollowUps[0].ID + " clock.done", func(s *State) { s.FollowUps[0].Clock.Done.Wall = far.UnixMilli() }},
		{"[[people]] alice joined", func(s *State) { s.People[0].Joined = now.Add(25 * time.Hour) }},
	} {
		s := cloneState(base)
		c.edit(&s)
		err := s.CheckTimes(now)
		var fe *FutureError
		if !errors.As(err, &fe) || fe.Field != c.field || !strings.Contains(err.Error(), c.field) {
			t.Errorf("%s far ahead: %v", c.field, err)
			continue
		}
		if es := fe.In(i18n.Spanish); strings.Contains(es, "ahead of") {
			t.Errorf("no Spanish: %s", es)
		}
	}
	s := cloneState(base)
	s.Timeline[1].At = now.Add(23 * time.Hour) // a clock a day fast is not refused
	if err := s.CheckTimes(now); err != nil {
		t.Errorf("within the skew: %v", err)
	}
}

func TestTimeBoxHasALimit(t *testing.T) {
	f := newFixture(t)
	if _, err := f.try("bob", TaskAdd{Title: "x", Within: 100000 * time.Hour}); err == nil {
		t.Fatal("a time box of 100000h was accepted")
	}
}
