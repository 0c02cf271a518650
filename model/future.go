package model

import (
	"time"

	"github.com/warroom/warroom/model/i18n"
)

// MaxClockSkew is how far ahead of the reading machine's clock a recorded
// time may be: the time something happened, or a clock stamp. Further
// ahead is a typo (9999-12-31) or a clock set wrong, and would make every
// duration measured from it nonsense ("time to acknowledge 106751d") and
// every later change lose to it.
const MaxClockSkew = 24 * time.Hour

// MaxTimeBox is the longest time box a task may have.
const MaxTimeBox = 30 * 24 * time.Hour

// FutureError names a time in the incident that lies too far ahead of
// this machine's clock.
type FutureError struct {
	Field string // where it is, as the file names it: "[[timeline]] e8c2hv7pq3mzd at"
	At    time.Time
	Now   time.Time
	Limit time.Duration // how far ahead was allowed
}

func (e *FutureError) Error() string { return e.In(i18n.English) }

// In says it in language l.
func (e *FutureError) In(l i18n.Lang) string {
	ahead := e.At.Sub(e.Now)
	var far string
	switch {
	case ahead >= 48*time.Hour:
		far = l.T("%d days", int(ahead/(24*time.Hour)))
	default:
		far = l.T("%d hours", int(ahead/time.Hour))
	}
	return l.T("%s = %s is %s ahead of this machine's clock (at most %s is accepted); "+
		"correct the time in the file (times are UTC), or this machine's clock if it is the one that is wrong",
		e.Field, e.At.UTC().Format(time.RFC3339), far, l.T("%d hours", int(e.Limit/time.Hour)))
}

// CheckTimes reports the first time in s that lies more than MaxClockSkew
// ahead of now (a task's time box: MaxTimeBox more), naming its field.
// It is the check for a copy read from a file or from another machine;
// now is the reader's clock.
func (s State) CheckTimes(now time.Time) error {
	var err error
	check := func(field string, t time.Time, limit time.Duration) {
		if err == nil && t.Sub(now) > limit {
			err = &FutureError{Field: field, At: t, Now: now, Limit: limit}
		}
	}
	at := func(field string, t time.Time) { check(field, t, MaxClockSkew) }
	stamp := func(field string, st Stamp) {
		if !st.IsZero() {
			at(field, time.UnixMilli(st.Wall))
		}
	}
	in := s.Incident
	at("[incident] declared", in.Declared)
	stamp("[incident.clock] title", in.Clock.Title)
	stamp("[incident.clock] severity", in.Clock.Severity)
	stamp("[incident.clock] status", in.Clock.Status)
	stamp("[incident.clock] summary", in.Clock.Summary)
	stamp("[incident.clock] policy", in.Clock.Policy)
	stamp("[incident.clock] service", in.Clock.Service)
	for _, p := range s.People {
		at("[[people]] "+p.Name+" joined", p.Joined)
	}
	for _, a := range s.Assignments {
		at("[[assignments]] "+a.ID+" since", a.Since)
		at("[[assignments]] "+a.ID+" until", a.Until)
		at("[[assignments]] "+a.ID+" answered", a.Answered)
		stamp("[[assignments]] "+a.ID+" clock", a.Clock)
	}
	for _, t := range s.Tasks {
		at("[[tasks]] "+t.ID+" created", t.Created)
		at("[[tasks]] "+t.ID+" updated", t.Updated)
		check("[[tasks]] "+t.ID+" due", t.Due, MaxTimeBox+MaxClockSkew)
		stamp("[[tasks]] "+t.ID+" clock.title", t.Clock.Title)
		stamp("[[tasks]] "+t.ID+" clock.state", t.Clock.State)
		stamp("[[tasks]] "+t.ID+" clock.owner", t.Clock.Owner)
	}
	for _, th := range s.Theories {
		at("[[theories]] "+th.ID+" created", th.Created)
		at("[[theories]] "+th.ID+" updated", th.Updated)
		stamp("[[theories]] "+th.ID+" clock", th.Clock)
	}
	for _, f := range s.FollowUps {
		at("[[followups]] "+f.ID+" created", f.Created)
		at("[[followups]] "+f.ID+" updated", f.Updated)
		stamp("[[followups]] "+f.ID+" clock.done", f.Clock.Done)
		stamp("[[followups]] "+f.ID+" clock.owner", f.Clock.Owner)
		stamp("[[followups]] "+f.ID+" clock.due", f.Clock.Due)
		stamp("[[followups]] "+f.ID+" clock.ticket", f.Clock.Ticket)
	}
	for _, e := range s.Timeline {
		if err != nil {
			break
		}
		at("[[timeline]] "+e.ID+" at", e.At)
		at("[[timeline]] "+e.ID+" recorded", e.Recorded)
	}
	return err
}
