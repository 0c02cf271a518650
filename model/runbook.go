package model

import (
	"hash/fnv"
	"strconv"
	"strings"
	"time"

	"github.com/warroom/warroom/model/i18n"
)

// Runbook is a team's plan for a kind of incident: the tasks to hand out
// and the notes to post when such an incident starts, or grows worse. It
// is data: applying it adds tasks and notes as any person could, which
// sync and git merge like any other change; it never runs a command.
//
// Runbooks are read from files (model/runbook); the model applies one
// (ApplyRunbook) once per incident, and at the declaration and when the
// severity rises applies those that match (WithRunbooks).
type Runbook struct {
	Name  string
	Owner string // who keeps it up to date; may be empty
	// Review is when it is next to be reviewed (YYYY-MM-DD); "" when it
	// has no such date. Past it, the runbook is out of date.
	Review string
	// When says which incidents it is for; nil: every incident.
	When RunbookCondition
	// Steps are applied in order, each a task or a note.
	Steps []RunbookStep
}

// RunbookStep is one step of a runbook: a task for a role, optionally
// time-boxed, or a note; one of Task and Note is set.
type RunbookStep struct {
	Task   string
	Role   RoleRef // the task's role, or the role the note is about; optional
	Within time.Duration
	Note   string
}

// RunbookCondition says whether a runbook is for an incident: a `when`
// as model/hooks reads it.
type RunbookCondition interface {
	Holds(in Incident) bool
}

// Matches reports whether r is for the incident in.
func (r Runbook) Matches(in Incident) bool { return r.When == nil || r.When.Holds(in) }

// OutOfDate reports whether a review date has passed on day today:
// the day after it, or later.
func OutOfDate(review string, today time.Time) bool {
	d, err := time.Parse("2006-01-02", review)
	if err != nil {
		return false
	}
	y, m, dd := today.Date()
	return d.Before(time.Date(y, m, dd, 0, 0, 0, 0, time.UTC))
}

// KindRunbook: a runbook was applied. Text = its name, To = its owner,
// From = its review date (YYYY-MM-DD) when it has one. The tasks and
// notes of its steps follow it.
const KindRunbook Kind = "runbook"

// RunbookKinds are the entries that say which runbooks were applied.
var RunbookKinds = TimelineNeed{Kinds: []Kind{KindRunbook}}

// MaxRunbookSteps bounds the steps of one runbook.
const MaxRunbookSteps = 100

// ApplyRunbook applies a runbook to the incident: an entry that says so,
// then, in order, each step's task (saying which runbook and step it
// came from: Task.Runbook, Task.Step) or note. A runbook is applied once:
// again, by name in any case, is a *UnchangedError. Its tasks take ids
// derived from the incident, the runbook and the step where they are
// free, so that two copies that applied it apart hold the same tasks once
// merged, not two of each.
type ApplyRunbook struct{ Runbook Runbook }

// WithRunbooks is Op, then, when Op declares the incident or raises its
// severity (to a severity from none, or to a more severe one), each of
// Runbooks that matches the incident as it is after Op and was not
// applied to it yet, in their order. A runbook that cannot be applied
// (a step's role is closed) is left out; Op is not refused for it.
type WithRunbooks struct {
	Op       Op
	Runbooks []Runbook
}

// RunbooksApplied returns the entries that say which runbooks were
// applied, in their order.
func (s State) RunbooksApplied() []Entry {
	var out []Entry
	for _, e := range s.Timeline {
		if e.Kind == KindRunbook {
			out = append(out, e)
		}
	}
	return out
}

// runbookApplied returns the entry of the runbook named name, if it was
// applied.
func (s State) runbookApplied(name string) (Entry, bool) {
	for _, e := range s.Timeline {
		if e.Kind == KindRunbook && SameName(e.Text, name) {
			return e, true
		}
	}
	return Entry{}, false
}

func (op ApplyRunbook) apply(t *tx) error {
	r := op.Runbook
	name, err := checkText("runbook name", strings.TrimSpace(r.Name), MaxTitle, true)
	if err != nil {
		return err
	}
	if strings.ContainsAny(name, "\n\r") {
		return &TextError{Field: "runbook name", Reason: i18n.M("must be one line")}
	}
	if e, ok := t.s.runbookApplied(name); ok {
		return &UnchangedError{Reason: i18n.M("runbook %q was applied already, at %s by %s", e.Text, e.At.Format(time.RFC3339), e.By)}
	}
	switch n := len(r.Steps); {
	case n == 0:
		return &TextError{Field: "runbook steps", Reason: i18n.M("%q has no steps", name)}
	case n > MaxRunbookSteps:
		return &TextError{Field: "runbook steps", Reason: i18n.M("%q has %d steps, at most %d allowed", name, n, MaxRunbookSteps)}
	}
	owner, err := optionalName("owner", r.Owner)
	if err != nil {
		return err
	}
	review := strings.TrimSpace(r.Review)
	if review != "" {
		if _, err := time.Parse("2006-01-02", review); err != nil {
			return &TextError{Field: "review date", Reason: i18n.M("%s is not a date; write YYYY-MM-DD, such as 2026-12-01", review)}
		}
	}
	t.record(Entry{Kind: KindRunbook, Text: name, To: owner, From: review})
	for i, st := range r.Steps {
		if err := t.runbookStep(name, i+1, st); err != nil {
			return err
		}
	}
	return nil
}

// runbookStep applies step n (from 1) of the runbook named name.
func (t *tx) runbookStep(name string, n int, st RunbookStep) error {
	switch {
	case st.Task != "" && st.Note != "":
		return &TextError{Field: "runbook step", Reason: i18n.M("step %d of %q is both a task and a note; make it two steps", n, name)}
	case st.Note != "":
		return Log{Kind: KindNote, Role: st.Role, Text: st.Note}.apply(t)
	case st.Task == "":
		return &TextError{Field: "runbook step", Reason: i18n.M("step %d of %q has neither a task nor a note", n, name)}
	}
	ids := t.env.IDs
	t.env.IDs = &firstID{id: stepID(t.s.Incident.ID, name, n), rest: ids}
	err := TaskAdd{Title: st.Task, Role: st.Role, Within: st.Within}.apply(t)
	t.env.IDs = ids
	if err != nil {
		return err
	}
	last := &t.s.Tasks[len(t.s.Tasks)-1] // TaskAdd owned the tasks and added it last
	last.Runbook, last.Step = name, n
	return nil
}

// stepID is the id the task of step n of a runbook takes on an incident
// where it is free: the same on every copy.
func stepID(incident, runbook string, n int) string {
	h := fnv.New64a()
	h.Write([]byte(incident + "\x00" + strings.ToLower(runbook) + "\x00"))
	h.Write([]byte{byte(n), byte(n >> 8)})
	ids := SeededIDs{Seed: h.Sum64()}
	return ids.NewID("", shortIDLen)
}

// runbookStepIdentity is the identity of the task of step n of a
// runbook, for the merge (taskIdentity).
func runbookStepIdentity(runbook string, n int) string {
	return "runbook\x00" + strings.ToLower(runbook) + "\x00" + strconv.Itoa(n)
}

// firstID hands out id for the first short id asked of it, then draws
// from rest: so that a task takes its derived id where it is free, and a
// random one where it is taken.
type firstID struct {
	id   string
	used bool
	rest IDSource
}

// NewID implements IDSource.
func (f *firstID) NewID(prefix string, n int) string {
	if !f.used && prefix == "" && n == shortIDLen {
		f.used = true
		return f.id
	}
	return f.rest.NewID(prefix, n)
}

func (op WithRunbooks) apply(t *tx) error {
	before := t.s.Incident.Severity
	_, declaring := op.Op.(Declare)
	if err := op.Op.apply(t); err != nil {
		return err
	}
	after := t.s.Incident.Severity
	rose := after != SevUnset && (before == SevUnset || after < before)
	if !declaring && !rose {
		return nil
	}
	for _, r := range op.Runbooks {
		if !r.Matches(t.s.Incident) {
			continue
		}
		if _, ok := t.s.runbookApplied(r.Name); ok {
			continue
		}
		t.adopt(ApplyRunbook{Runbook: r})
	}
	return nil
}

// adopt applies op on top of what t has done so far, and keeps what it
// did unless it fails: then t is as it was before.
func (t *tx) adopt(op Op) {
	env := t.env
	env.IDs = plainIDs{t.env.IDs} // go on drawing, not from the seed again
	next, entries, err := t.s.Apply(t.c, op, env)
	if err != nil {
		return
	}
	t.s = next
	t.entries = append(t.entries, entries...)
	t.clock = t.clock.Max(next.clock())
}

// plainIDs hides an IDSource's Fork, so that an Apply inside another goes
// on drawing where the outer one is.
type plainIDs struct{ IDSource }

// declares reports whether op declares an incident, alone or with
// runbooks.
func declares(op Op) bool {
	switch op := op.(type) {
	case Declare:
		return true
	case WithRunbooks:
		return declares(op.Op)
	}
	return false
}

// runbookChangeStart finds the change entry i is part of when a runbook
// wrote it: the runbook's own entry and its steps' (tasks and notes)
// belong to the change that applied it, by the same person at the same
// moment — the declaration or the rise of the severity before them, or
// the runbook entry itself when it was applied alone. false when entry i
// is no runbook's.
func (s State) runbookChangeStart(i int) (int, bool) {
	e := s.Timeline[i]
	start, found := -1, false
	for j := i; j >= 0; j-- {
		x := s.Timeline[j]
		if j < i && (!SameName(x.By, e.By) || !written(x).Equal(written(e))) {
			break
		}
		switch x.Kind {
		case KindRunbook:
			start, found = j, true
			continue
		case KindTaskAdded, KindNote:
			if j == i || !found {
				continue
			}
			// A step of an earlier runbook of the same change.
			continue
		case KindDeclared, KindSeverity:
			if found {
				return j, true
			}
		}
		break
	}
	return start, found
}
