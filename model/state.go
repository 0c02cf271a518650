package model

import (
	"strings"
	"time"
	"unicode"
)

// Schema is the version of the file layout this build reads and writes.
// A file with a higher schema is refused, never rewritten; one with a
// lower schema is read, and written back in this one.
//
// Schema 2: a follow-up's clock is a table with a stamp per field
// ([followups.clock] done, owner, due, ticket) instead of one stamp; the
// file is a checkpoint closed by a sum line, with the changes since
// appended after it, each closed by its own (see model/store).
//
// Schema 3: the incident keeps its policy ([incident.policy]: update
// rhythms, approval, the limit for a handoff's answer) and its clock.
// A file of schema 2 has none and follows the default policy.
const Schema = 3

// State is one incident: everything the file holds. A State handed out by
// Apply or by the store is a snapshot: never modify it, apply an Op instead.
//
// The field order is the file's section order; the timeline, by far the
// largest part, is last so that adding an entry can become an append.
type State struct {
	Schema      int          `toml:"schema" json:"schema"`
	Incident    Incident     `toml:"incident" json:"incident"`
	People      []Person     `toml:"people" json:"people"`
	Assignments []Assignment `toml:"assignments" json:"assignments"`
	Tasks       []Task       `toml:"tasks" json:"tasks"`
	Theories    []Theory     `toml:"theories" json:"theories"`
	FollowUps   []FollowUp   `toml:"followups" json:"followups"`
	Timeline    []Entry      `toml:"timeline" json:"timeline"`
}

// Incident holds the incident's own fields.
type Incident struct {
	ID       string   `toml:"id" json:"id"`
	Title    string   `toml:"title" json:"title"`
	Severity Severity `toml:"severity" json:"severity"`
	Status   Status   `toml:"status" json:"status"`
	Summary  string   `toml:"summary" json:"summary"`
	// Service, when set, is the service the incident is about, as the
	// team names it ("checkout"): what runbooks match on.
	Service    string        `toml:"service,omitempty" json:"service,omitzero"`
	Declared   time.Time     `toml:"declared" json:"declared"`
	DeclaredBy string        `toml:"declared_by" json:"declared_by"`
	Policy     Policy        `toml:"policy,omitempty" json:"policy,omitzero"`
	Clock      IncidentClock `toml:"clock" json:"clock"`
}

// IncidentClock holds, for each field several writers can change, the
// stamp of its last change; a merge keeps the value with the later stamp.
type IncidentClock struct {
	Title    Stamp `toml:"title,omitempty" json:"title,omitzero"`
	Severity Stamp `toml:"severity,omitempty" json:"severity,omitzero"`
	Status   Stamp `toml:"status,omitempty" json:"status,omitzero"`
	Summary  Stamp `toml:"summary,omitempty" json:"summary,omitzero"`
	Policy   Stamp `toml:"policy,omitempty" json:"policy,omitzero"`
	Service  Stamp `toml:"service,omitempty" json:"service,omitzero"`
}

// Person is someone who has taken part: held a role, owned a task or
// written an entry. Names are unique within an incident, without regard
// to case: "Bob" and "bob" are one person, shown as first written.
type Person struct {
	Name   string    `toml:"name" json:"name"`
	Joined time.Time `toml:"joined" json:"joined"`
}

// Declared reports whether the state holds an incident.
func (s State) Declared() bool { return s.Incident.ID != "" }

// Person returns the person with the given name, matched without regard
// to case.
func (s State) Person(name string) (Person, bool) {
	for _, p := range s.People {
		if SameName(p.Name, name) {
			return p, true
		}
	}
	return Person{}, false
}

// DisplayName is name as the incident first knew that person ("Bob" for
// "bob" once Bob has taken part), or name itself for someone new.
func (s State) DisplayName(name string) string {
	if p, ok := s.Person(name); ok {
		return p.Name
	}
	return name
}

// SameName reports whether two names are one person's: names are matched
// without regard to case.
func SameName(a, b string) bool { return strings.EqualFold(a, b) }

// nameKey is what a name is matched by: each letter as the smallest of
// its case forms, so that two names have one key exactly when SameName
// holds.
func nameKey(name string) string {
	var b strings.Builder
	for _, r := range name {
		m := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			m = min(m, f)
		}
		b.WriteRune(m)
	}
	return b.String()
}

// LastEntry returns the entry that happened last: the one with the
// latest time (At), the last one of the timeline as every output shows
// it. A backdated entry ("-2h first alert") takes its place in time: it
// is not the last for having been written last. Of several entries of
// one moment, the one recorded last. Entries of the incident's bots
// (State.Bots) do not count: a bot logging every second does not make
// the room look busy.
func (s State) LastEntry() (Entry, bool) { return s.LastPersonEntry(s.Bots()) }

// clock returns the latest stamp the state has seen.
func (s State) clock() Stamp {
	var m Stamp
	c := s.Incident.Clock
	for _, st := range []Stamp{c.Title, c.Severity, c.Status, c.Summary, c.Policy, c.Service} {
		m = m.Max(st)
	}
	for _, a := range s.Assignments {
		m = m.Max(a.Clock)
	}
	for _, t := range s.Tasks {
		m = m.Max(t.Clock.Title).Max(t.Clock.State).Max(t.Clock.Owner)
	}
	for _, t := range s.Theories {
		m = m.Max(t.Clock)
	}
	for _, f := range s.FollowUps {
		m = m.Max(f.Clock.Latest())
	}
	return m
}
