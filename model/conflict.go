package model

import (
	"crypto/sha256"
	"time"
)

// Merge conflicts a person decides. Merge itself never asks anyone: of two
// changes to one field, the later wins and the other stays in the
// timeline. A three-way merge in strict mode (git's merge driver with
// --strict) asks instead when both sides rewrote the incident's text —
// its title or its summary — since the copy they started from: it keeps
// the later, as Merge does, and records the conflict as a timeline entry
// (kind conflict), open until someone sets the field again.

// Fields a strict merge asks a person to decide, as conflict entries name
// them in their text.
const (
	FieldTitle   = "title"
	FieldSummary = "summary"
)

// conflictAuthor signs conflict entries: the merge wrote them, not a person.
const conflictAuthor = "warroom"

// Conflict is a field both sides of a merge changed apart, to different
// values.
type Conflict struct {
	Field string    // FieldTitle or FieldSummary
	Kept  string    // the value the merge kept: the later change
	Other string    // the other side's value
	At    time.Time // when the later of the two changes was made
	Entry string    // the id of the timeline entry that records it
}

// textField is one of the incident's text fields and its clock.
type textField struct {
	name  string
	value func(Incident) string
	stamp func(Incident) Stamp
}

// textFields are the fields a strict merge asks about.
func textFields() []textField {
	return []textField{
		{FieldTitle, func(i Incident) string { return i.Title }, func(i Incident) Stamp { return i.Clock.Title }},
		{FieldSummary, func(i Incident) string { return i.Summary }, func(i Incident) Stamp { return i.Clock.Summary }},
	}
}

// MergeFromBase merges a and b as Merge does, and also finds the
// incident's text fields — title and summary — that both changed since
// base, the copy they started from, to different values. Each is recorded
// as a timeline entry (kind conflict: Text the field, To the value kept,
// From the other side's) and stays open (OpenConflicts) until someone
// sets the field again. A base that is not declared, or is of another
// incident, is no common copy: then every field the two sides hold at
// different values, changed apart, is a conflict.
//
// The conflict entries are the same whichever side is a: their ids, times
// and texts come from the two changes, not from when the merge ran.
func MergeFromBase(base, a, b State) (State, []Conflict, MergeReport, error) {
	m, rep, err := Merge(a, b)
	if err != nil || !a.Declared() || !b.Declared() {
		return m, nil, rep, err
	}
	var from Incident
	if base.Declared() && base.Incident.ID == a.Incident.ID {
		from = base.Incident
	}
	var found []Conflict
	var entries []Entry
	for _, f := range textFields() {
		sa, sb := f.stamp(a.Incident), f.stamp(b.Incident)
		va, vb := f.value(a.Incident), f.value(b.Incident)
		if sa == f.stamp(from) || sb == f.stamp(from) || va == vb {
			continue
		}
		kept := f.value(m.Incident)
		other := va
		if other == kept {
			other = vb
		}
		c := Conflict{Field: f.name, Kept: kept, Other: other,
			At:    time.UnixMilli(max(sa.Wall, sb.Wall)).UTC(),
			Entry: conflictEntryID(f.name, f.stamp(m.Incident))}
		found = append(found, c)
		entries = append(entries, Entry{ID: c.Entry, At: c.At, By: conflictAuthor, Kind: KindConflict,
			Text: c.Field, From: c.Other, To: c.Kept})
	}
	if len(entries) == 0 {
		return m, nil, rep, nil
	}
	m.Timeline, _ = unite(m.Timeline, entries, func(e Entry) string { return e.ID }, pickEntry)
	return normalize(m), found, rep, nil
}

// conflictEntryID is the id of the conflict entry about field whose
// merge kept the change stamped kept. It is derived, not drawn, so that
// the entry is the same on every copy that merged the same changes, and
// so that OpenConflicts can tell whether the kept change is still the
// field's last.
func conflictEntryID(field string, kept Stamp) string {
	sum := sha256.Sum256([]byte(field + "\x00" + kept.String()))
	out := make([]byte, 12)
	for i := range out {
		out[i] = idAlphabet[int(sum[i])%len(idAlphabet)]
	}
	return "m" + string(out)
}

// OpenConflicts are the conflicts a strict merge recorded that nobody has
// decided yet: a conflict on a field is open while the change the merge
// kept is still the field's last. Setting the field again — to either
// value, or a new one — decides it.
func (s State) OpenConflicts() []Conflict {
	want := map[string]string{}
	for _, f := range textFields() {
		if st := f.stamp(s.Incident); !st.IsZero() {
			want[conflictEntryID(f.name, st)] = f.name
		}
	}
	var out []Conflict
	for _, e := range s.Timeline {
		if e.Kind != KindConflict || want[e.ID] != e.Text {
			continue
		}
		out = append(out, Conflict{Field: e.Text, Kept: e.To, Other: e.From, At: e.At, Entry: e.ID})
	}
	return out
}

// conflictOpen reports whether a conflict on field is open.
func (s State) conflictOpen(field string) bool {
	for _, c := range s.OpenConflicts() {
		if c.Field == field {
			return true
		}
	}
	return false
}
