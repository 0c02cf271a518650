package model

import "fmt"

// tx is one Apply in progress: a shallow copy of the state whose slices are
// copied before their first change, so the snapshot it came from stays
// untouched.
type tx struct {
	s       State
	c       *Catalog
	env     Env
	clock   Stamp
	entries []Entry
	copied  part // the slices copied so far
	// undoes, while an Undo makes the change that reverses another, is
	// the first entry of that other change, which every entry written
	// names (Entry.Undoes); undoing is its index in the timeline.
	undoes  string
	undoing int
}

// part names a slice of the state that a tx copies before its first
// change: one bit each, so that a set of them is a part too.
type part uint8

// The slices of the state a change may grow or edit.
const (
	partTimeline part = 1 << iota
	partTasks
	partAssignments
	partPeople
	partFollowUps
	partTheories
)

// stamp returns a new clock reading for a change made in this tx.
func (t *tx) stamp() Stamp {
	t.clock = t.clock.Next(t.env.Now, t.env.Replica)
	return t.clock
}

// own copies the slices of the state p names before their first change;
// a slice already copied is left as it is.
func (t *tx) own(p part) {
	p &^= t.copied
	t.copied |= p
	if p&partTimeline != 0 {
		t.s.Timeline = append(make([]Entry, 0, len(t.s.Timeline)+4), t.s.Timeline...)
	}
	if p&partTasks != 0 {
		t.s.Tasks = append(make([]Task, 0, len(t.s.Tasks)+1), t.s.Tasks...)
	}
	if p&partAssignments != 0 {
		t.s.Assignments = append(make([]Assignment, 0, len(t.s.Assignments)+1), t.s.Assignments...)
	}
	if p&partPeople != 0 {
		t.s.People = append(make([]Person, 0, len(t.s.People)+1), t.s.People...)
	}
	if p&partFollowUps != 0 {
		t.s.FollowUps = append(make([]FollowUp, 0, len(t.s.FollowUps)+1), t.s.FollowUps...)
	}
	if p&partTheories != 0 {
		t.s.Theories = append(make([]Theory, 0, len(t.s.Theories)+1), t.s.Theories...)
	}
}

// record appends a timeline entry written by this change.
func (t *tx) record(e Entry) {
	t.own(partTimeline)
	e.ID = t.env.IDs.NewID("e", 12)
	if e.At.IsZero() {
		e.At = t.env.Now
	}
	e.By = t.env.Actor
	e.Undoes = t.undoes
	t.s.Timeline = append(t.s.Timeline, e)
	t.entries = append(t.entries, e)
	t.join(t.env.Actor)
}

// join adds a person the incident has not seen before; a name that
// differs only in case from someone's is that person.
func (t *tx) join(name string) {
	if name == "" {
		return
	}
	if _, ok := t.s.Person(name); ok {
		return
	}
	t.own(partPeople)
	t.s.People = append(t.s.People, Person{Name: name, Joined: t.env.Now})
}

// shortIDLen is the length of the ids people type: tasks, theories,
// follow-ups. They have no fixed first letter, so that the first one
// typed already tells most of them apart and tab completion helps.
const shortIDLen = 4

// uniqueID draws ids until one is not taken.
// shortIDTaken reports whether a task, a theory or a follow-up holds id:
// their ids are one space, as the file's check wants.
func (t *tx) shortIDTaken(id string) bool {
	for _, x := range t.s.Tasks {
		if x.ID == id {
			return true
		}
	}
	for _, x := range t.s.Theories {
		if x.ID == id {
			return true
		}
	}
	for _, x := range t.s.FollowUps {
		if x.ID == id {
			return true
		}
	}
	return false
}

func (t *tx) uniqueID(prefix string, n int, taken func(string) bool) (string, error) {
	for i := 0; i < 64; i++ {
		if id := t.env.IDs.NewID(prefix, n); !taken(id) {
			return id, nil
		}
	}
	return "", fmt.Errorf("could not find a free %q id", prefix)
}

// assignmentID draws an assignment id not yet used.
func (t *tx) assignmentID() (string, error) {
	return t.uniqueID("a", 8, func(id string) bool {
		for _, a := range t.s.Assignments {
			if a.ID == id {
				return true
			}
		}
		return false
	})
}

// checkOwner validates who a task is given to: an optional role instance
// and an optional person.
func (t *tx) checkOwner(r RoleRef, person string) (RoleRef, string, error) {
	ref, err := t.checkRole(r)
	if err != nil {
		return ref, "", err
	}
	if err := t.checkOpen(ref); err != nil {
		return ref, "", err
	}
	owner, err := optionalName("owner", person)
	return ref, t.s.DisplayName(owner), err
}

// checkRole validates an optional role instance against the catalog.
func (t *tx) checkRole(r RoleRef) (RoleRef, error) {
	if r.IsZero() {
		return r, nil
	}
	return t.c.check(r)
}
