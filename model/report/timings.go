package report

import (
	"time"

	"github.com/warroom/warroom/model"
)

// Timing holds the moments a review measures from: when the impact
// started (the earliest entry, which may be backdated to before the
// declaration), when it was acknowledged (declared), first mitigated
// (first moved to monitoring), resolved (moved to resolved, or closed
// without it) and closed. A moment not reached yet is zero.
//
// An incident that was reopened (resolved, then investigating again) had
// not been resolved after all: Resolved and Closed are the last time the
// incident reached them, and zero while it is back below them.
type Timing struct {
	Start, Declared, Mitigated, Resolved, Closed time.Time
}

// Timings computes the review's moments from the timeline.
func Timings(s model.State) Timing {
	tm := Timing{Start: s.Incident.Declared, Declared: s.Incident.Declared}
	last := []struct {
		status model.Status
		at     *time.Time
	}{{model.Resolved, &tm.Resolved}, {model.Closed, &tm.Closed}}
	rank := model.Investigating.Rank()
	for _, e := range Chronological(s.Timeline) {
		if e.At.Before(tm.Start) {
			tm.Start = e.At
		}
		to := model.Status(e.To).Rank()
		if e.Kind != model.KindStatus || to < 0 {
			continue
		}
		if e.To == string(model.Monitoring) && tm.Mitigated.IsZero() {
			tm.Mitigated = e.At
		}
		for _, m := range last {
			switch r := m.status.Rank(); {
			case to < r:
				*m.at = time.Time{} // reopened: not so after all
			case rank < r:
				*m.at = e.At // reached it now, from below
			}
		}
		rank = to
	}
	return tm
}

// End is when the incident ended, for what lasts until then (a role
// still held): when it was closed, else resolved; zero while it is
// neither.
func (tm Timing) End() time.Time {
	if !tm.Closed.IsZero() {
		return tm.Closed
	}
	return tm.Resolved
}
