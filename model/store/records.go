package store

import (
	"bytes"

	"github.com/warroom/warroom/model"
)

// changed holds records a commit wrote, each as it is after the change.
// In the file, a commit writes the records it added as the incident's own
// tables ([[tasks]]...), which any TOML reader appends to those of the
// checkpoint, and the records it changed in place as [[changed.*]]
// tables, which warroom replays over them in file order: a record
// replaces the one with its id (its name, for people).
type changed struct {
	Incident    []model.Incident   `toml:"incident,omitempty"`
	People      []model.Person     `toml:"people,omitempty"`
	Assignments []model.Assignment `toml:"assignments,omitempty"`
	Tasks       []model.Task       `toml:"tasks,omitempty"`
	Theories    []model.Theory     `toml:"theories,omitempty"`
	FollowUps   []model.FollowUp   `toml:"followups,omitempty"`
}

func (c changed) empty() bool {
	return len(c.Incident)+len(c.People)+len(c.Assignments)+len(c.Tasks)+len(c.Theories)+len(c.FollowUps) == 0
}

// add appends the records of o after those of c.
func (c *changed) add(o changed) {
	c.Incident = append(c.Incident, o.Incident...)
	c.People = append(c.People, o.People...)
	c.Assignments = append(c.Assignments, o.Assignments...)
	c.Tasks = append(c.Tasks, o.Tasks...)
	c.Theories = append(c.Theories, o.Theories...)
	c.FollowUps = append(c.FollowUps, o.FollowUps...)
}

func personKey(p model.Person) string         { return p.Name }
func assignmentKey(a model.Assignment) string { return a.ID }
func taskKey(t model.Task) string             { return t.ID }
func theoryKey(t model.Theory) string         { return t.ID }
func followUpKey(f model.FollowUp) string     { return f.ID }

// replay returns s with the records of c in place. s is not modified.
func replay(s model.State, c changed) model.State {
	if c.empty() {
		return s
	}
	for _, in := range c.Incident {
		s.Incident = in
	}
	s.People = upsert(s.People, c.People, personKey)
	s.Assignments = upsert(s.Assignments, c.Assignments, assignmentKey)
	s.Tasks = upsert(s.Tasks, c.Tasks, taskKey)
	s.Theories = upsert(s.Theories, c.Theories, theoryKey)
	s.FollowUps = upsert(s.FollowUps, c.FollowUps, followUpKey)
	return s
}

// upsert returns a copy of have in which each record of news replaces the
// one with its key, or is appended, in order.
func upsert[T any](have, news []T, key func(T) string) []T {
	if len(news) == 0 {
		return have
	}
	out := append(make([]T, 0, len(have)+len(news)), have...)
	at := make(map[string]int, len(out))
	for i, x := range out {
		at[key(x)] = i
	}
	for _, x := range news {
		if i, ok := at[key(x)]; ok {
			out[i] = x
			continue
		}
		at[key(x)] = len(out)
		out = append(out, x)
	}
	return out
}

// diff says which records next adds to cur and which it changes, as a
// commit writes them. ok is false when the change cannot be written so: a
// record taken out, records reordered, another schema.
func diff(cur, next model.State) (added, modified changed, ok bool) {
	if cur.Schema != next.Schema && cur.Schema != 0 {
		return added, modified, false
	}
	if cur.Incident != next.Incident {
		modified.Incident = []model.Incident{next.Incident}
	}
	var oks [5]bool
	added.People, modified.People, oks[0] = diffRecords(cur.People, next.People, personKey)
	added.Assignments, modified.Assignments, oks[1] = diffRecords(cur.Assignments, next.Assignments, assignmentKey)
	added.Tasks, modified.Tasks, oks[2] = diffRecords(cur.Tasks, next.Tasks, taskKey)
	added.Theories, modified.Theories, oks[3] = diffRecords(cur.Theories, next.Theories, theoryKey)
	added.FollowUps, modified.FollowUps, oks[4] = diffRecords(cur.FollowUps, next.FollowUps, followUpKey)
	for _, ok := range oks {
		if !ok {
			return changed{}, changed{}, false
		}
	}
	return added, modified, true
}

// diffRecords returns the records next adds after cur's and those of
// cur's it changes, if next keeps cur's records in their order.
func diffRecords[T comparable](cur, next []T, key func(T) string) (added, modified []T, ok bool) {
	if len(next) < len(cur) {
		return nil, nil, false
	}
	for i := range cur {
		if key(cur[i]) != key(next[i]) {
			return nil, nil, false
		}
		if cur[i] != next[i] {
			modified = append(modified, next[i])
		}
	}
	if len(next) == len(cur) {
		return nil, modified, true
	}
	seen := make(map[string]bool, len(next))
	for _, x := range cur {
		seen[key(x)] = true
	}
	for _, x := range next[len(cur):] {
		if seen[key(x)] {
			return nil, nil, false
		}
		seen[key(x)] = true
	}
	return next[len(cur):], modified, true
}

// appended returns the entries next adds after cur's timeline, if next's
// timeline starts with cur's.
func appended(cur, next []model.Entry) ([]model.Entry, bool) {
	if len(next) < len(cur) {
		return nil, false
	}
	for i := range cur {
		if cur[i] != next[i] {
			return nil, false
		}
	}
	return next[len(cur):], true
}

// addsToInline reports whether added has records for a section that the
// head writes as an empty inline array ("tasks = []", as for an empty
// section of a merged incident): tables appended to it would not be TOML.
func addsToInline(head []byte, added changed) bool {
	for _, sec := range []struct {
		name string
		n    int
	}{{"people", len(added.People)}, {"assignments", len(added.Assignments)}, {"tasks", len(added.Tasks)},
		{"theories", len(added.Theories)}, {"followups", len(added.FollowUps)}} {
		if sec.n > 0 && bytes.Contains(head, []byte("\n"+sec.name+" = []\n")) {
			return true
		}
	}
	return false
}
