package model

import (
	"strings"
	"time"

	"github.com/warroom/warroom/model/i18n"
)

// Milestone is a moment of the incident's story that its review measures
// from: when the impact started, when it was detected, acknowledged and
// mitigated. People mark them (Mark), as timeline entries: the latest
// mark of each milestone holds, and one taken back (Retract) gives way to
// the one before it. An entry backdated for another reason never moves
// one.
type Milestone string

// The milestones, in the order an incident usually reaches them.
const (
	MilestoneImpact       Milestone = "impact"
	MilestoneDetected     Milestone = "detected"
	MilestoneAcknowledged Milestone = "acknowledged"
	MilestoneMitigated    Milestone = "mitigated"
)

// Milestones lists the milestones, in the order an incident reaches them.
var Milestones = []Milestone{MilestoneImpact, MilestoneDetected, MilestoneAcknowledged, MilestoneMitigated}

// ParseMilestone reads a milestone's name, in any case.
func ParseMilestone(v string) (Milestone, error) { return ParseWord("milestone", v, Milestones) }

// In names the milestone as people read it in l: "impact started",
// "detected".
func (m Milestone) In(l i18n.Lang) string {
	if m == MilestoneImpact {
		return l.T("impact started")
	}
	return l.T(string(m))
}

// KindMilestone: a milestone marked; To is the milestone, At when it
// happened (Recorded, when that was not when it was marked).
const KindMilestone Kind = "milestone"

// Mark records when a milestone happened: At, or now when zero. A time in
// the future is refused; before the declaration is fine (the impact
// usually starts before anyone declares). Marking a milestone again at
// another time corrects it: the latest mark holds.
type Mark struct {
	Milestone Milestone
	At        time.Time
}

func (op Mark) apply(t *tx) error {
	m, err := ParseMilestone(string(op.Milestone))
	if err != nil {
		return err
	}
	e := Entry{Kind: KindMilestone, To: string(m)}
	if !op.At.IsZero() {
		at := op.At.UTC().Truncate(time.Millisecond)
		if at.After(t.env.Now) {
			return &TextError{Field: "time", Reason: i18n.M("%s is in the future; mark a time that has passed", at.Format(time.RFC3339))}
		}
		if !at.Equal(t.env.Now) {
			e.At, e.Recorded = at, t.env.Now
		}
	}
	if cur, ok := t.s.Milestones()[m]; ok && (cur.At.Equal(e.At) || (e.At.IsZero() && cur.At.Equal(t.env.Now))) {
		return &UnchangedError{Reason: i18n.M("%s is already marked at %s", m, cur.At.Format(time.RFC3339))}
	}
	t.record(e)
	return nil
}

// Milestones returns the mark that holds for each milestone marked: of
// its marks not taken back, the one written last (of marks written in
// one millisecond, the later in the timeline: the order a copy wrote
// them in, and after a merge the same on every copy).
func (s State) Milestones() map[Milestone]Entry {
	out := map[Milestone]Entry{}
	retracted := map[string]bool{}
	for _, e := range s.Timeline {
		if e.Kind == KindRetracted {
			retracted[e.Entry] = true
		}
	}
	for _, e := range s.Timeline {
		if e.Kind != KindMilestone || retracted[e.ID] {
			continue
		}
		m := Milestone(e.To)
		if cur, ok := out[m]; !ok || !written(e).Before(written(cur)) {
			out[m] = e
		}
	}
	return out
}

// MilestoneKinds are the entries Milestones reads.
var MilestoneKinds = TimelineNeed{Kinds: []Kind{KindMilestone, KindRetracted}}

// written is when an entry was written: when it was recorded, for one
// backdated.
func written(e Entry) time.Time {
	if !e.Recorded.IsZero() {
		return e.Recorded
	}
	return e.At
}

// ParseWhen reads when something happened as people type it: "@14:02"
// (today, in loc), "-5m" (before now) or an RFC 3339 time. The future is
// refused.
func ParseWhen(word string, now time.Time, loc *time.Location) (time.Time, error) {
	word = strings.TrimSpace(word)
	if strings.HasPrefix(word, "@") || isRelative(word) {
		return parseWhen(word, now, loc)
	}
	at, err := time.Parse(time.RFC3339, word)
	if err != nil {
		return time.Time{}, &TextError{Field: "time", Reason: i18n.M("%s is not a time; write @14:02, -5m or 2026-11-25T14:02:00Z", word)}
	}
	if at.After(now) {
		return time.Time{}, &TextError{Field: "time", Reason: i18n.M("%s is in the future; backdate to a time that has passed", word)}
	}
	return at.UTC(), nil
}
