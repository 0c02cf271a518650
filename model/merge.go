package model

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/warroom/warroom/model/i18n"
)

// MergeReport says what a merge brought into one side from the other.
type MergeReport struct {
	Entries, Tasks, Assignments, People, Theories, FollowUps int
	// Fields counts incident and task fields whose value came from the
	// other side because its change was the later one.
	Fields int
}

// String renders "+12 entries, +2 tasks, 1 field updated".
func (r MergeReport) String() string { return r.In(i18n.English) }

// In renders the report in language l.
func (r MergeReport) In(l i18n.Lang) string {
	var parts []string
	add := func(n int, one, many string) {
		if n == 1 {
			parts = append(parts, l.T(one))
		} else if n > 1 {
			parts = append(parts, l.T(many, n))
		}
	}
	add(r.Entries, "+1 entry", "+%d entries")
	add(r.Tasks, "+1 task", "+%d tasks")
	add(r.Assignments, "+1 handoff", "+%d handoffs")
	add(r.People, "+1 person", "+%d people")
	add(r.Theories, "+1 theory", "+%d theories")
	add(r.FollowUps, "+1 follow-up", "+%d follow-ups")
	add(r.Fields, "1 field updated", "%d fields updated")
	if len(parts) == 0 {
		return l.T("nothing new")
	}
	return strings.Join(parts, ", ")
}

// IncidentMismatchError refuses to merge two different incidents.
type IncidentMismatchError struct{ A, B string }

func (e *IncidentMismatchError) Error() string { return e.In(i18n.English) }

// In says it in language l.
func (e *IncidentMismatchError) In(l i18n.Lang) string {
	return l.T("these are two different incidents (%s and %s); only copies of the same incident can be merged", e.A, e.B)
}

// Merge combines two copies of one incident, as two replicas that changed
// it apart would. Timeline entries, handoffs and people are united by id
// (name for people); a field several writers can change keeps the value
// with the later clock stamp, the same on every replica; the value that
// lost stays in the timeline, where its change was recorded. Nothing one
// side wrote is dropped.
//
// Merge is commutative, associative and idempotent: replicas that merge
// the same changes in any order end up identical. The report says what b
// brought into a.
func Merge(a, b State) (State, MergeReport, error) {
	var rep MergeReport
	switch {
	case !b.Declared():
		return normalize(a), rep, nil
	case !a.Declared():
		n := normalize(b)
		rep.Entries, rep.Tasks, rep.Assignments, rep.People = len(n.Timeline), len(n.Tasks), len(n.Assignments), len(n.People)
		rep.Theories, rep.FollowUps = len(n.Theories), len(n.FollowUps)
		return n, rep, nil
	case a.Incident.ID != b.Incident.ID:
		return State{}, rep, &IncidentMismatchError{A: a.Incident.ID, B: b.Incident.ID}
	}
	a, b = separateRecords(a, b)
	// Both copies were read by this build, so their schema is at most
	// this one: the merge is written in it.
	out := State{Schema: Schema}
	out.Incident, rep.Fields = mergeIncident(a.Incident, b.Incident)

	// One person whatever the case of their name, as first written.
	out.People, rep.People = unite(a.People, b.People, func(p Person) string { return nameKey(p.Name) },
		func(x, y Person) Person {
			if y.Joined.Before(x.Joined) || (y.Joined.Equal(x.Joined) && y.Name < x.Name) {
				return y
			}
			return x
		})
	var fields int
	out.Assignments, rep.Assignments = unite(a.Assignments, b.Assignments, func(x Assignment) string { return x.ID }, func(x, y Assignment) Assignment {
		m, changed := mergeAssignment(x, y)
		if changed {
			fields++
		}
		return m
	})
	out.Tasks, rep.Tasks = unite(a.Tasks, b.Tasks, func(t Task) string { return t.ID }, func(x, y Task) Task {
		t, n := mergeTask(x, y)
		fields += n
		return t
	})
	out.Theories, rep.Theories = unite(a.Theories, b.Theories, func(t Theory) string { return t.ID }, func(x, y Theory) Theory {
		t, changed := mergeTheory(x, y)
		if changed {
			fields++
		}
		return t
	})
	out.FollowUps, rep.FollowUps = unite(a.FollowUps, b.FollowUps, func(f FollowUp) string { return f.ID }, func(x, y FollowUp) FollowUp {
		f, n := mergeFollowUp(x, y)
		fields += n
		return f
	})
	rep.Fields += fields
	out.Timeline, rep.Entries = unite(a.Timeline, b.Timeline, func(e Entry) string { return e.ID }, pickEntry)
	return normalize(out), rep, nil
}

// unite returns the union of as and bs by key, combining items present on
// both sides with both (which must give the same result whichever side is
// first), and how many items only bs had.
func unite[T any](as, bs []T, key func(T) string, both func(x, y T) T) ([]T, int) {
	idx := make(map[string]int, len(as)+len(bs))
	out := make([]T, 0, len(as)+len(bs))
	added := 0
	for side, items := range [][]T{as, bs} {
		for _, x := range items {
			if i, dup := idx[key(x)]; dup {
				out[i] = both(out[i], x)
				continue
			}
			idx[key(x)] = len(out)
			out = append(out, x)
			if side == 1 {
				added++
			}
		}
	}
	return out, added
}

// taskIdentity is what makes a task itself: who created it, when, and its
// first clock reading. Two tasks with one id and different identities
// were created apart on two replicas that drew the same short id. A
// runbook's task is its runbook's step, whoever applied it when: two
// replicas that applied the runbook apart made one task.
func taskIdentity(t Task) string {
	if t.Runbook != "" {
		return runbookStepIdentity(t.Runbook, t.Step)
	}
	return createdIdentity(t.Created, t.CreatedBy)
}

// separateRecords keeps apart two different records that drew the same
// short id on two replicas. Ids are unique across tasks, theories and
// follow-ups, so a task and a theory may collide as well as two tasks.
// Of the two, the one whose kind and identity (when it was created, by
// whom) is the greater takes an id derived from its identity — the same
// whichever order replicas merge in — so neither is lost.
func separateRecords(a, b State) (State, State) {
	ha, hb := shortIDHolders(a), shortIDHolders(b)
	var moves map[idHolder]string // the record to move → its new id
	for id, x := range ha {
		y, ok := hb[id]
		if !ok || x == y {
			continue
		}
		if moves == nil {
			moves = map[idHolder]string{}
		}
		loser := x
		if y.kind+"\x00"+y.identity > x.kind+"\x00"+x.identity {
			loser = y
		}
		moves[loser] = derivedFrom(id, loser.identity)
	}
	if moves == nil {
		return a, b
	}
	return moved(a, moves), moved(b, moves)
}

// idHolder is a record that holds a short id: its kind, its id, and who
// created it when.
type idHolder struct{ kind, id, identity string }

// The holder of each kind of record with a short id.
func taskHolder(t Task) idHolder { return idHolder{"task", t.ID, taskIdentity(t)} }
func theoryHolder(t Theory) idHolder {
	return idHolder{"theory", t.ID, createdIdentity(t.Created, t.CreatedBy)}
}
func followUpHolder(f FollowUp) idHolder {
	return idHolder{"followup", f.ID, createdIdentity(f.Created, f.CreatedBy)}
}

// shortIDHolders maps each short id of s to the record that holds it.
func shortIDHolders(s State) map[string]idHolder {
	m := make(map[string]idHolder, len(s.Tasks)+len(s.Theories)+len(s.FollowUps))
	for _, t := range s.Tasks {
		m[t.ID] = taskHolder(t)
	}
	for _, t := range s.Theories {
		m[t.ID] = theoryHolder(t)
	}
	for _, f := range s.FollowUps {
		m[f.ID] = followUpHolder(f)
	}
	return m
}

// moved gives the records of s named in moves their new ids, in copies.
func moved(s State, moves map[idHolder]string) State {
	s.Tasks = movedIDs(s.Tasks, moves, taskHolder, func(t *Task, id string) { t.ID = id })
	s.Theories = movedIDs(s.Theories, moves, theoryHolder, func(t *Theory, id string) { t.ID = id })
	s.FollowUps = movedIDs(s.FollowUps, moves, followUpHolder, func(f *FollowUp, id string) { f.ID = id })
	return s
}

// movedIDs is xs, copied, with the records moves names given their new ids.
func movedIDs[T any](xs []T, moves map[idHolder]string, holder func(T) idHolder, setID func(*T, string)) []T {
	xs = slices.Clone(xs)
	for i := range xs {
		if id, ok := moves[holder(xs[i])]; ok {
			setID(&xs[i], id)
		}
	}
	return xs
}

// createdIdentity is who created a record, and when: what tells two
// records that drew the same id apart.
func createdIdentity(at time.Time, by string) string {
	return at.UTC().Format(time.RFC3339Nano) + "\x00" + by
}

// derivedFrom is an id made unique by the identity of its record.
func derivedFrom(id, identity string) string {
	h := uint64(14695981039346656037)
	for _, c := range []byte(identity) {
		h = (h ^ uint64(c)) * 1099511628211
	}
	return fmt.Sprintf("%s-%s", id, string([]byte{idAlphabet[h%31], idAlphabet[h/31%31], idAlphabet[h/961%31]}))
}

// lww picks the value with the later stamp; equal stamps (the same write,
// or a hand edit) pick the greater value, so every replica picks the same.
func lww[T cmp.Ordered](x T, xs Stamp, y T, ys Stamp) (T, Stamp, bool) {
	switch c := xs.Compare(ys); {
	case c > 0:
		return x, xs, false
	case c < 0:
		return y, ys, x != y
	}
	if y > x {
		return y, ys, true
	}
	return x, xs, false
}

// lwwBool is lww for a flag (true is the greater value).
func lwwBool(x bool, xs Stamp, y bool, ys Stamp) (bool, Stamp, bool) {
	v, st, ch := lww(boolInt(x), xs, boolInt(y), ys)
	return v == 1, st, ch
}

// lwwPolicy is lww for a whole policy; at equal stamps, the greater as
// written wins, the same on every replica.
func lwwPolicy(x Policy, xs Stamp, y Policy, ys Stamp) (Policy, Stamp, bool) {
	switch c := xs.Compare(ys); {
	case c > 0:
		return x, xs, false
	case c < 0:
		return y, ys, x != y
	}
	if fmt.Sprint(y) > fmt.Sprint(x) {
		return y, ys, true
	}
	return x, xs, false
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func mergeIncident(a, b Incident) (Incident, int) {
	out := a
	n := 0
	count := func(changed bool) {
		if changed {
			n++
		}
	}
	var ch bool
	out.Title, out.Clock.Title, ch = lww(a.Title, a.Clock.Title, b.Title, b.Clock.Title)
	count(ch)
	out.Summary, out.Clock.Summary, ch = lww(a.Summary, a.Clock.Summary, b.Summary, b.Clock.Summary)
	count(ch)
	out.Status, out.Clock.Status, ch = lww(a.Status, a.Clock.Status, b.Status, b.Clock.Status)
	count(ch)
	out.Severity, out.Clock.Severity, ch = lww(a.Severity, a.Clock.Severity, b.Severity, b.Clock.Severity)
	count(ch)
	out.Service, out.Clock.Service, ch = lww(a.Service, a.Clock.Service, b.Service, b.Clock.Service)
	count(ch)
	// The policy changes one rule at a time, rarely, by the incident
	// manager: the later policy wins whole; the other change stays in the
	// timeline.
	out.Policy, out.Clock.Policy, ch = lwwPolicy(a.Policy, a.Clock.Policy, b.Policy, b.Clock.Policy)
	count(ch)
	// The declaration happened once; copies agree unless edited by hand,
	// and then the earlier one wins everywhere.
	if b.Declared.Before(a.Declared) || (b.Declared.Equal(a.Declared) && b.DeclaredBy > a.DeclaredBy) {
		out.Declared, out.DeclaredBy = b.Declared, b.DeclaredBy
	}
	return out, n
}

func laterTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// mergeAssignment and pickEntry choose between two records with one id.
// Records are never changed once written, so copies agree unless one was
// edited by hand; then the same one wins everywhere. An assignment's
// answer is the exception: it merges by mergeAnswer, and changed says
// that y's answer won over x's.
func mergeAssignment(x, y Assignment) (Assignment, bool) {
	ans := mergeAnswer(answerOf(x), answerOf(y))
	x.Until, y.Until = time.Time{}, time.Time{} // derived; recomputed
	out := x
	if xs, ys := fmt.Sprint(withAnswer(x, handoffAnswer{})), fmt.Sprint(withAnswer(y, handoffAnswer{})); ys > xs {
		out = y
	}
	return withAnswer(out, ans), ans != answerOf(x)
}

func pickEntry(x, y Entry) Entry {
	if x == y {
		return x
	}
	if fmt.Sprint(y) > fmt.Sprint(x) {
		return y
	}
	return x
}

// normalize puts a merged state in its one canonical order: the timeline
// by time, tasks, theories and follow-ups by creation, handoffs by clock,
// people by when they joined (each then by id or name); and recomputes
// what is derived.
func normalize(s State) State {
	s.Timeline = sortedBy(s.Timeline, func(e Entry) (time.Time, string) { return e.At, e.ID })
	s.Tasks = sortedBy(s.Tasks, func(t Task) (time.Time, string) { return t.Created, t.ID })
	s.Theories = sortedBy(s.Theories, func(t Theory) (time.Time, string) { return t.Created, t.ID })
	s.FollowUps = sortedBy(s.FollowUps, func(f FollowUp) (time.Time, string) { return f.Created, f.ID })
	s.People = sortedBy(s.People, func(p Person) (time.Time, string) { return p.Joined, p.Name })
	s.Assignments = slices.Clone(s.Assignments)
	slices.SortStableFunc(s.Assignments, func(x, y Assignment) int {
		return cmp.Or(x.Clock.Compare(y.Clock), strings.Compare(x.ID, y.ID))
	})
	seen := map[RoleRef]bool{}
	for _, a := range s.Assignments {
		if r := a.Ref(); !seen[r] {
			seen[r] = true
			setUntil(s.Assignments, r)
		}
	}
	return s
}

// sortedBy returns a copy of items ordered by a time, then a name.
func sortedBy[T any](items []T, key func(T) (time.Time, string)) []T {
	out := slices.Clone(items)
	slices.SortStableFunc(out, func(x, y T) int {
		tx, nx := key(x)
		ty, ny := key(y)
		return cmp.Or(tx.Compare(ty), strings.Compare(nx, ny))
	})
	return out
}
