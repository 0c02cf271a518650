package report

import (
	"time"

	"github.com/warroom/warroom/model"
)

// Timing holds the moments a review measures from: when the impact
// started, when it was detected, acknowledged and first mitigated, when
// it was declared, resolved (moved to resolved, or closed without it)
// and closed. A moment not reached yet is zero.
//
// The first four come from the milestones people marked (model.Mark);
// those not marked are inferred, and Marked says which were marked: the
// impact from the earliest of detected, acknowledged and the
// declaration; detected and acknowledged from the declaration;
// mitigated from the first move to monitoring. An entry backdated for
// another reason (a note of the first alert) moves none of them.
//
// An incident that was reopened (resolved, then investigating again) had
// not been resolved after all: Resolved and Closed are the last time the
// incident reached them, and zero while it is back below them.
type Timing struct {
	Start, Detected, Acknowledged, Mitigated time.Time
	Declared, Resolved, Closed               time.Time
	Marked                                   map[model.Milestone]bool
}

// Timings computes the review's moments from the milestones and the
// timeline.
func Timings(s model.State) Timing {
	tm := Timing{Declared: s.Incident.Declared, Marked: map[model.Milestone]bool{}}
	last := []struct {
		status model.Status
		at     *time.Time
	}{{model.Resolved, &tm.Resolved}, {model.Closed, &tm.Closed}}
	rank := model.Investigating.Rank()
	var monitoring time.Time
	for _, e := range Chronological(s.Timeline) {
		to := model.Status(e.To).Rank()
		if e.Kind != model.KindStatus || to < 0 {
			continue
		}
		if e.To == string(model.Monitoring) && monitoring.IsZero() {
			monitoring = e.At
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
	marks := s.Milestones()
	at := func(m model.Milestone, inferred time.Time) time.Time {
		if e, ok := marks[m]; ok {
			tm.Marked[m] = true
			return e.At
		}
		return inferred
	}
	tm.Detected = at(model.MilestoneDetected, tm.Declared)
	tm.Acknowledged = at(model.MilestoneAcknowledged, tm.Declared)
	tm.Mitigated = at(model.MilestoneMitigated, monitoring)
	earliest := tm.Declared
	for _, t := range []time.Time{tm.Detected, tm.Acknowledged} {
		if t.Before(earliest) {
			earliest = t
		}
	}
	tm.Start = at(model.MilestoneImpact, earliest)
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
