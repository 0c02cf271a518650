package model

import (
	"slices"
	"strings"
	"time"
)

// CatchUp is what changed in an incident since a time, for one person:
// what someone who was away reads first. It is a read of the timeline
// since then, never a stored summary; nothing of it is written back.
type CatchUp struct {
	Since time.Time
	For   string // the person it is for, as the incident knows them; "" for nobody in particular
	// Changes are the status and severity entries since, oldest first.
	Changes []Entry
	// Roles are the role changes since (handoffs, answers, workstreams
	// closed): those that concern For first, then the others, each part
	// oldest first.
	Roles []Entry
	// Tasks added (to others than For), given to For (added for or
	// assigned to them, or to a role they hold now), and done.
	TasksAdded, TasksForYou, TasksDone []Entry
	// Updates are the updates sent since.
	Updates []Entry
	// Theories are the theories confirmed or ruled out since.
	Theories []Entry
	// Decisions are the decisions since; KeyMoments, the entries pinned
	// and the milestones marked that happened since.
	Decisions, KeyMoments []Entry
	// Others counts every other entry since, by kind and by person; Bots,
	// the bots' entries by bot (they are in neither count).
	OthersByKind   map[Kind]int
	OthersByPerson map[string]int
	Bots           map[string]int
}

// Empty reports whether nothing happened since.
func (c CatchUp) Empty() bool {
	return len(c.Changes)+len(c.Roles)+len(c.TasksAdded)+len(c.TasksForYou)+len(c.TasksDone)+len(c.Updates)+
		len(c.Theories)+len(c.Decisions)+len(c.KeyMoments)+len(c.OthersByKind)+len(c.Bots) == 0
}

// LastTookPart is when name last wrote an entry (by when it was
// written: a note backdated today to an hour ago is taking part today),
// and whether they ever did.
func (s State) LastTookPart(name string) (time.Time, bool) {
	var last time.Time
	found := false
	for _, e := range s.Timeline {
		if SameName(e.By, name) && (!found || written(e).After(last)) {
			last, found = written(e), true
		}
	}
	return last, found
}

// CatchUp reads what happened after since, for who (may be empty), with
// bots the incident's automated actors. Entries are taken by when they
// happened; one written after since about an earlier moment counts too
// (a note backdated while they were away is news to them).
func (s State) CatchUp(since time.Time, who string, bots Bots) CatchUp {
	c := CatchUp{Since: since, For: s.DisplayName(who),
		OthersByKind: map[Kind]int{}, OthersByPerson: map[string]int{}, Bots: map[string]int{}}
	mine := map[RoleRef]bool{}
	for ref, hist := range histories(s.Assignments) {
		if cur := hist[len(hist)-1]; who != "" && cur.Holder != "" && !cur.Closed && SameName(cur.Holder, who) {
			mine[ref] = true
		}
	}
	pinned := s.PinnedIDs()
	concerns := func(e Entry) bool {
		return who != "" && (SameName(e.To, who) || SameName(e.From, who) || mine[e.RoleRef()])
	}
	// One pass: the bots' entries and the others are only counted; what
	// is listed is put in the order things happened after.
	var listed []Entry
	botBy, otherBy := map[string]int{}, map[string]int{} // by name as written: named once, after
	for _, e := range s.Timeline {
		if !e.At.After(since) && !written(e).After(since) {
			continue
		}
		switch {
		case bots.Is(e.By):
			botBy[e.By]++
		case listedInCatchUp[e.Kind] || pinned[e.ID]:
			listed = append(listed, e)
		default:
			c.OthersByKind[e.Kind]++
			otherBy[e.By]++
		}
	}
	for by, n := range botBy {
		c.Bots[s.DisplayName(by)] += n
	}
	for by, n := range otherBy {
		c.OthersByPerson[s.DisplayName(by)] += n
	}
	slices.SortStableFunc(listed, func(a, b Entry) int { return a.At.Compare(b.At) })
	var yours, others []Entry
	for _, e := range listed {
		switch {
		case e.Kind == KindStatus || e.Kind == KindSeverity:
			c.Changes = append(c.Changes, e)
		case e.Kind == KindHandoff || e.Kind == KindHandoffAccepted || e.Kind == KindHandoffDeclined || e.Kind == KindWorkstreamClosed:
			if concerns(e) {
				yours = append(yours, e)
			} else {
				others = append(others, e)
			}
		case (e.Kind == KindTaskAdded || e.Kind == KindTaskAssigned) && who != "" &&
			(SameName(e.To, who) || (e.To == "" && mine[e.RoleRef()])):
			c.TasksForYou = append(c.TasksForYou, e)
		case e.Kind == KindTaskAdded:
			c.TasksAdded = append(c.TasksAdded, e)
		case e.Kind == KindTaskDone:
			c.TasksDone = append(c.TasksDone, e)
		case e.Kind == KindComms:
			c.Updates = append(c.Updates, e)
		case e.Kind == KindTheoryConfirmed || e.Kind == KindTheoryRuledOut:
			c.Theories = append(c.Theories, e)
		case e.Kind == KindDecision && !pinned[e.ID]:
			c.Decisions = append(c.Decisions, e)
		case pinned[e.ID] || e.Kind == KindMilestone:
			c.KeyMoments = append(c.KeyMoments, e)
		default: // a task given to a role, not to who
			c.OthersByKind[e.Kind]++
			c.OthersByPerson[s.DisplayName(e.By)]++
		}
	}
	c.Roles = append(yours, others...)
	return c
}

// listedInCatchUp are the kinds a catch-up lists entry by entry; the
// others it counts.
var listedInCatchUp = map[Kind]bool{KindStatus: true, KindSeverity: true, KindHandoff: true, KindHandoffAccepted: true,
	KindHandoffDeclined: true, KindWorkstreamClosed: true, KindTaskAdded: true, KindTaskAssigned: true, KindTaskDone: true,
	KindComms: true, KindTheoryConfirmed: true, KindTheoryRuledOut: true, KindDecision: true, KindMilestone: true}

// CatchUpSince is when who last took part, for a catch-up: their last
// entry or lastScreen (when they last had a screen on this incident,
// zero when not known), whichever is later; zero when neither is known:
// they never saw this incident.
func (s State) CatchUpSince(who string, lastScreen time.Time) time.Time {
	since := lastScreen
	if last, ok := s.LastTookPart(who); ok && last.After(since) {
		since = last
	}
	return since
}

// sortedCounts lists counts by name, the largest first, then by name.
func sortedCounts[K ~string](m map[K]int) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b K) int {
		if m[a] != m[b] {
			return m[b] - m[a]
		}
		return strings.Compare(string(a), string(b))
	})
	return keys
}

// KindsByCount are the kinds of OthersByKind, the most frequent first.
func (c CatchUp) KindsByCount() []Kind { return sortedCounts(c.OthersByKind) }

// PeopleByCount are the people of OthersByPerson, the most prolific
// first.
func (c CatchUp) PeopleByCount() []string { return sortedCounts(c.OthersByPerson) }

// BotsByCount are the bots of Bots, the busiest first.
func (c CatchUp) BotsByCount() []string { return sortedCounts(c.Bots) }
