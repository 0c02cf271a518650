package model

import (
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/warroom/warroom/model/i18n"
)

// Undo takes back a change of the actor's: the one whose first entry is
// Entry (its id or a unique start of it), or, when Entry is empty, the
// actor's latest change (State.LatestChange). It makes the change that
// reverses it, through the ops that make such changes, and marks every
// entry that writes with Undoes.
//
// Undo refuses, with a ConflictError that says why and what to do
// instead, a change that cannot be undone (an update that went out, the
// declaration, an answer to a handoff: Undoable), someone else's change,
// and a change that others built on: what it changed is no longer as it
// left it (a task moved on, a role handed again). A change already
// undone, and, with Entry empty, having no change left to undo, change
// nothing (an UnchangedError).
type Undo struct{ Entry string }

// undoer says how to take back a change by the kind of its first entry.
type undoer struct {
	// undo makes the change that reverses the one e starts, on t as it
	// is now; it refuses one that others built on.
	undo func(t *tx, e Entry) error
	// never, when undo is nil, says why such a change cannot be undone
	// and what to do instead.
	never i18n.Message
}

// undoers covers every kind of entry a change can start with; a kind
// missing here cannot be undone (a test asks for every kind).
var undoers = func() map[Kind]undoer {
	m := map[Kind]undoer{
		KindMilestone:    {undo: undoRetract},
		KindPin:          {undo: undoPin},
		KindUnpin:        {undo: undoPin},
		KindTaskAdded:    {undo: undoTaskAdd},
		KindTaskAssigned: {undo: undoTaskAssign},
		KindHandoff:      {undo: undoHandoff},
		KindStatus:       {undo: undoStatus},
		KindSeverity:     {undo: undoSeverity},
		KindTitle:        {undo: undoTitle},
		KindSummary:      {undo: undoSummary},
		KindPolicy:       {undo: undoPolicy},

		KindDeclared:         {never: i18n.M("declaring the incident cannot be undone; close it with `warroom status closed`")},
		KindRetracted:        {never: i18n.M("taking an entry back cannot be undone; log it again")},
		KindComms:            {never: i18n.M("an update that went out cannot be taken back; send a correction")},
		KindCommsDraft:       {never: i18n.M("a draft cannot be taken back; the incident manager sends it back with `warroom update reject`")},
		KindCommsRejected:    {never: i18n.M("sending a draft back cannot be undone; its author drafts it again")},
		KindCustomers:        {never: i18n.M("a count of customer reports cannot be undone; say what was miscounted in a note")},
		KindCustomerReport:   {never: i18n.M("a customer report cannot be undone; say what was wrong in a note")},
		KindSocialPost:       {never: i18n.M("a customer report cannot be undone; say what was wrong in a note")},
		KindCAN:              {never: i18n.M("a CAN report cannot be undone; send a new one")},
		KindWorkstreamClosed: {never: i18n.M("closing a workstream cannot be undone; hand it to someone to open it again")},
		KindHandoffAccepted:  {never: i18n.M("answering a handoff cannot be undone; hand the role on, or give it back")},
		KindHandoffDeclined:  {never: i18n.M("answering a handoff cannot be undone; hand the role on, or give it back")},
		KindFollowUpChanged:  {never: i18n.M("a follow-up's owner, due date and ticket cannot be undone; set them again with `warroom followup set`")},
		KindConflict:         {never: i18n.M("warroom wrote it: it is nobody's change")},
		KindHook:             {never: i18n.M("warroom wrote it: it is nobody's change")},
		KindTimeBoxExpired:   {never: i18n.M("warroom wrote it: it is nobody's change")},
		KindRunbook:          {never: i18n.M("a runbook applied cannot be undone; cancel the tasks it added that are not needed")},
	}
	for _, k := range LogKinds {
		m[k] = undoer{undo: undoLog}
	}
	for _, k := range []Kind{KindTaskStarted, KindTaskDone, KindTaskReopened, KindTaskCancelled} {
		m[k] = undoer{undo: undoTaskSet}
	}
	for _, k := range []Kind{KindTheoryConfirmed, KindTheoryRuledOut, KindTheoryReopened} {
		m[k] = undoer{undo: undoTheorySet}
	}
	for _, k := range []Kind{KindFollowUpDone, KindFollowUpReopened} {
		m[k] = undoer{undo: undoFollowUpSet}
	}
	return m
}()

// writtenByWarroom are the kinds warroom writes for someone, not a change
// they made: the runs of their hooks, a time box running out, a merge's
// conflicts. LatestChange passes over them.
var writtenByWarroom = []Kind{KindHook, KindTimeBoxExpired, KindConflict}

// Undoable reports whether the change whose first entry is e can ever be
// undone, and, when it cannot, says why and what to do instead. Whether
// it still can be, as the incident is now, only Undo says.
func Undoable(e Entry) (bool, i18n.Message) {
	u, ok := undoers[e.Kind]
	switch {
	case !ok:
		return false, i18n.M("warroom cannot undo entries of this kind")
	case u.undo == nil:
		return false, u.never
	}
	return true, i18n.Message{}
}

// LatestChange returns the first entry of actor's latest change, the one
// Undo with no entry takes back: of the entries actor wrote, the one
// written last that neither undoes a change (an undo is not undone in its
// turn) nor was undone already, nor was written by warroom for them (a
// hook's run, a time box running out). It may be a change that cannot be
// undone: an earlier one never takes its place. An entry that is part of
// a larger change (the tasks a closed workstream gave back) stands for
// that change. It is false when actor has no change left.
func (s State) LatestChange(actor string) (Entry, bool) {
	changes := s.Changes(actor)
	if len(changes) == 0 {
		return Entry{}, false
	}
	return changes[0], true
}

// Changes returns the first entries of actor's changes not undone, as
// LatestChange counts them, newest first.
func (s State) Changes(actor string) []Entry {
	undone := s.undone()
	var out []int
	seen := map[int]bool{}
	for i, e := range s.Timeline {
		if !SameName(e.By, actor) || e.Undoes != "" || e.Kind == KindRetracted || isWrittenByWarroom(e.Kind) {
			continue
		}
		if start := s.changeStart(i); !undone[s.Timeline[start].ID] && !seen[start] {
			seen[start] = true
			out = append(out, start)
		}
	}
	slices.SortStableFunc(out, func(i, j int) int {
		if c := written(s.Timeline[j]).Compare(written(s.Timeline[i])); c != 0 {
			return c
		}
		return j - i
	})
	es := make([]Entry, len(out))
	for k, i := range out {
		es[k] = s.Timeline[i]
	}
	return es
}

// isWrittenByWarroom reports whether k is a kind warroom writes for
// someone (writtenByWarroom).
func isWrittenByWarroom(k Kind) bool {
	for _, w := range writtenByWarroom {
		if w == k {
			return true
		}
	}
	return false
}

// undone is the set of entries whose change was undone: those an entry
// names as it Undoes, and those taken back (which only an undo does, and
// did before entries said what they undo).
func (s State) undone() map[string]bool {
	out := map[string]bool{}
	for _, e := range s.Timeline {
		if e.Undoes != "" {
			out[e.Undoes] = true
		}
		if e.Kind == KindRetracted {
			out[e.Entry] = true
		}
	}
	return out
}

// changeStart returns the index of the first entry of the change the
// entry at i belongs to. Only closing a workstream writes more than one
// entry: the closing, then a task_assigned entry for each of its open
// tasks, all by one author at one time.
func (s State) changeStart(i int) int {
	if j, ok := s.runbookChangeStart(i); ok {
		return j
	}
	e := s.Timeline[i]
	if e.Kind != KindTaskAssigned {
		return i
	}
	for j := i - 1; j >= 0; j-- {
		x := s.Timeline[j]
		if !SameName(x.By, e.By) || !written(x).Equal(written(e)) {
			return i
		}
		switch x.Kind {
		case KindWorkstreamClosed:
			if x.Role == e.Role && strings.HasPrefix(e.From, x.RoleRef().String()) {
				return j
			}
			return i
		case KindTaskAssigned:
		default:
			return i
		}
	}
	return i
}

func (op Undo) apply(t *tx) error {
	e, i, err := t.undoTarget(op.Entry)
	if err != nil {
		return err
	}
	what := e.ChangeName(t.c)
	u, ok := undoers[e.Kind]
	if !ok || u.undo == nil {
		_, why := Undoable(e)
		return &ConflictError{Reason: i18n.M("cannot undo the %s: %s", what, why)}
	}
	t.undoes, t.undoing = e.ID, i
	defer func() { t.undoes = "" }()
	if err := u.undo(t, e); err != nil {
		return refusedUndo(what, err)
	}
	return nil
}

// undoTarget finds the change Undo takes back: the one whose first entry
// ref names, or the actor's latest. It returns that entry and its index.
func (t *tx) undoTarget(ref string) (Entry, int, error) {
	if strings.TrimSpace(ref) == "" {
		e, ok := t.s.LatestChange(t.env.Actor)
		if !ok {
			return Entry{}, 0, &UnchangedError{Reason: i18n.M("nothing to undo: %s has no change here left to undo", t.env.Actor)}
		}
		return e, t.s.indexOf(e.ID), nil
	}
	e, ierr := entryByID(t.s.Timeline, strings.TrimSpace(ref), "entry id")
	if ierr != nil {
		if !ierr.Ambiguous {
			ierr.Valid = nil // every entry's id would be no help
		}
		ierr.Hint = i18n.M("`warroom export --format json` lists every entry's id")
		return Entry{}, 0, ierr
	}
	i := t.s.indexOf(e.ID)
	switch start := t.s.changeStart(i); {
	case e.Undoes != "":
		return Entry{}, 0, &ConflictError{Reason: i18n.M("entry %s undoes a change; to have that change again, make it again", e.ID)}
	case !SameName(e.By, t.env.Actor):
		return Entry{}, 0, &ConflictError{Reason: i18n.M("entry %s is a change of %s's; only they can undo it", e.ID, e.By)}
	case start != i:
		return Entry{}, 0, &ConflictError{Reason: i18n.M("entry %s is part of the change entry %s starts; undo that one", e.ID, t.s.Timeline[start].ID)}
	case t.s.undone()[e.ID]:
		return Entry{}, 0, &UnchangedError{Reason: i18n.M("the %s was undone already", e.ChangeName(t.c))}
	}
	return e, i, nil
}

// indexOf returns the index of the entry with id, or -1. It looks from
// the newest entry back: undo looks for recent ones.
func (s State) indexOf(id string) int {
	for i := len(s.Timeline) - 1; i >= 0; i-- {
		if s.Timeline[i].ID == id {
			return i
		}
	}
	return -1
}

// Entry returns the entry whose id is id, and whether there is one.
func (s State) Entry(id string) (Entry, bool) {
	if i := s.indexOf(id); i >= 0 {
		return s.Timeline[i], true
	}
	return Entry{}, false
}

// refusedUndo says that the change named what cannot be undone because
// of err, the refusal of the change that would have reversed it.
func refusedUndo(what i18n.Message, err error) error {
	var ue *UnchangedError
	var be *BlockedError
	var ce *ConflictError
	switch {
	case errors.As(err, &ue):
		return &UnchangedError{Reason: i18n.M("the %s is undone already: %s", what, ue.Reason)}
	case errors.As(err, &be):
		return err // it names what is missing, and how to resolve anyway
	case errors.As(err, &ce):
		return &ConflictError{Reason: i18n.M("cannot undo the %s: %s", what, ce.Reason)}
	}
	return err
}

// changed refuses to undo the change e starts because thing (an i18n
// argument: a Message or a RoleLabel), which it changed, has changed
// since: it names who changed it last, and when — the latest later entry
// about it, when there is one.
func (t *tx) changed(e Entry, thing any, about func(Entry) bool) error {
	var last *Entry
	for j := len(t.s.Timeline) - 1; j > t.undoing; j-- {
		if x := &t.s.Timeline[j]; about(*x) && (last == nil || written(*x).After(written(*last))) {
			last = x
		}
	}
	if last == nil {
		return &ConflictError{Reason: i18n.M("%s has changed since; make the change you want by hand", thing)}
	}
	return &ConflictError{Reason: i18n.M("%s has changed since, by %s at %s; make the change you want by hand",
		thing, last.By, written(*last).UTC().Format("15:04 MST"))}
}

// The undoers, one for each kind of change that can be undone.

// undoLog takes back a logged entry. A theory or a follow-up it started
// that someone has taken further (a theory confirmed, a follow-up done
// or given an owner) is built on: it stays.
func undoLog(t *tx, e Entry) error {
	if e.Kind == KindTheory && e.Theory != "" {
		if th, err := t.s.Theory(e.Theory); err == nil && th.Created.Equal(written(e)) && th.State != TheoryOpen {
			return t.changed(e, i18n.M("theory %s", th.ID), func(x Entry) bool { return x.Theory == th.ID })
		}
	}
	if e.FollowUp != "" {
		if f, err := t.s.FollowUp(e.FollowUp); err == nil && (f.Done || f.Owner != "" || f.Due != "" || f.Ticket != "") {
			return t.changed(e, i18n.M("follow-up %s", f.ID), func(x Entry) bool { return x.FollowUp == f.ID })
		}
	}
	return undoRetract(t, e)
}

// undoRetract takes back an entry: a note, or a milestone's mark.
func undoRetract(t *tx, e Entry) error { return Retract{Entry: e.ID}.apply(t) }

func undoPin(t *tx, e Entry) error {
	pinned := e.Kind == KindPin
	if t.s.Pinned(e.Entry) != pinned {
		return t.changed(e, i18n.M("entry %s", e.Entry), func(x Entry) bool {
			return (x.Kind == KindPin || x.Kind == KindUnpin) && x.Entry == e.Entry
		})
	}
	return Pin{Entry: e.Entry, Unpin: pinned}.apply(t)
}

// taskAsLeft refuses to undo e, a change of task id, when the task is
// no longer as e left it (still says whether it is).
func (t *tx) taskAsLeft(e Entry, still func(Task) bool) error {
	if task, err := t.s.Task(e.Task); err != nil || task.ID != e.Task || !still(task) {
		return t.changed(e, i18n.M("task %s", e.Task), func(x Entry) bool { return x.Task == e.Task })
	}
	return nil
}

// undoTaskAdd cancels a task added, unless someone took it further.
func undoTaskAdd(t *tx, e Entry) error {
	if err := t.taskAsLeft(e, func(task Task) bool {
		return task.State == TaskOpen && task.RoleRef() == e.RoleRef() && SameName(task.Owner, e.To)
	}); err != nil {
		return err
	}
	return TaskSet{Task: e.Task, State: TaskCancelled}.apply(t)
}

// undoTaskSet moves a task back to the state it was in. A task that was
// done or cancelled is credited again to who closed it, as the role they
// held then.
func undoTaskSet(t *tx, e Entry) error {
	if err := t.taskAsLeft(e, func(task Task) bool { return task.State == TaskState(e.To) }); err != nil {
		return err
	}
	back := TaskState(e.From)
	if err := (TaskSet{Task: e.Task, State: back}).apply(t); err != nil {
		return err
	}
	if back != TaskDone && back != TaskCancelled {
		return nil
	}
	by, as, ok := t.closedBefore(e)
	for i := range t.s.Tasks {
		if t.s.Tasks[i].ID == e.Task && ok {
			t.s.Tasks[i].ClosedBy, t.s.Tasks[i].ClosedAs = by, as.String()
		}
	}
	return nil
}

// closedBefore finds who closed the task of e before e reopened it, and
// the role instance they closed it as (State.actingAs, as roles were
// then): the author of the latest earlier entry that closed it, not
// counting closings an undo wrote. It is false when there is none.
func (t *tx) closedBefore(e Entry) (string, RoleRef, bool) {
	var closing *Entry
	for j := t.undoing - 1; j >= 0; j-- {
		x := &t.s.Timeline[j]
		if x.Task == e.Task && (x.Kind == KindTaskDone || x.Kind == KindTaskCancelled) && x.Undoes == "" {
			closing = x
			break
		}
	}
	if closing == nil {
		return "", RoleRef{}, false
	}
	task, _ := t.s.Task(e.Task)
	return t.s.DisplayName(closing.By), t.s.actingAsAt(t.c, closing.By, task.RoleRef(), closing.At), true
}

// undoTaskAssign gives a task back to whom it was given before: the
// owner the entry before it about the task's owner names.
func undoTaskAssign(t *tx, e Entry) error {
	if err := t.taskAsLeft(e, func(task Task) bool {
		return task.RoleRef() == e.RoleRef() && SameName(task.Owner, e.To)
	}); err != nil {
		return err
	}
	for j := t.undoing - 1; j >= 0; j-- {
		x := t.s.Timeline[j]
		if x.Task == e.Task && (x.Kind == KindTaskAdded || x.Kind == KindTaskAssigned) {
			return TaskAssign{Task: e.Task, Role: x.RoleRef(), Owner: x.To}.apply(t)
		}
	}
	return &ConflictError{Reason: i18n.M("the timeline does not say whom task %s was given to before; give it with `warroom task assign`", e.Task)}
}

// undoHandoff hands a role back to whoever held it before the handoff:
// the holder of the assignment before the one it made, or the incident
// manager by default (a role given back, or never handed), or nobody (a
// workstream it opened or opened again, which closes). A handoff that
// gave the role back to the incident manager (Release) is undone by
// handing it to its holder before.
func undoHandoff(t *tx, e Entry) error {
	ref := e.RoleRef()
	hist := t.s.History(ref)
	made := -1
	for k, a := range hist {
		if a.Since.Equal(e.At) && SameName(a.By, e.By) && SameName(a.Holder, e.To) {
			made = k
		}
	}
	if made < 0 || made != len(hist)-1 {
		return t.changed(e, RoleLabel{ref, t.c}, func(x Entry) bool {
			return x.RoleRef() == ref && (x.Kind == KindHandoff || x.Kind == KindHandoffDeclined || x.Kind == KindWorkstreamClosed)
		})
	}
	var before Assignment
	if made > 0 {
		before = hist[made-1]
	}
	switch {
	case made == 0 && ref.Workstream != "", before.Closed:
		return CloseWorkstream{Role: ref}.apply(t)
	case before.Holder == "":
		return Release{Role: ref}.apply(t)
	}
	return Handoff{Role: ref, To: before.Holder}.apply(t)
}

func undoStatus(t *tx, e Entry) error {
	if string(t.s.Incident.Status) != e.To {
		return t.changed(e, i18n.M("the status"), func(x Entry) bool { return x.Kind == KindStatus })
	}
	return SetStatus{Status: Status(e.From)}.apply(t)
}

func undoSeverity(t *tx, e Entry) error {
	if t.s.Incident.Severity.String() != e.To {
		return t.changed(e, i18n.M("the severity"), func(x Entry) bool { return x.Kind == KindSeverity })
	}
	before, err := ParseSeverity(e.From)
	if err != nil {
		return err
	}
	return SetSeverity{Severity: before}.apply(t)
}

func undoTitle(t *tx, e Entry) error {
	if t.s.Incident.Title != e.Text {
		return t.changed(e, i18n.M("the title"), func(x Entry) bool {
			return x.Kind == KindTitle || (x.Kind == KindConflict && x.Text == string(FieldTitle))
		})
	}
	return SetTitle{Title: e.From}.apply(t)
}

// undoSummary writes the summary back as it was: as the entry recorded
// it (From), or, in an entry written before entries recorded it, as the
// summary entry before it set it.
func undoSummary(t *tx, e Entry) error {
	if strings.TrimSpace(t.s.Incident.Summary) != e.Text {
		return t.changed(e, i18n.M("the summary"), func(x Entry) bool {
			return x.Kind == KindSummary || (x.Kind == KindConflict && x.Text == string(FieldSummary))
		})
	}
	before := e.From
	if before == "" {
		for j := t.undoing - 1; j >= 0; j-- {
			if x := t.s.Timeline[j]; x.Kind == KindSummary {
				before = x.Text
				break
			}
		}
	}
	return SetSummary{Summary: before}.apply(t)
}

func undoPolicy(t *tx, e Entry) error {
	if now, err := t.s.Policy().Rule(e.Text); err != nil || now != e.To {
		return t.changed(e, i18n.M("the policy's %s", e.Text), func(x Entry) bool { return x.Kind == KindPolicy && x.Text == e.Text })
	}
	return SetPolicy{Rule: e.Text, Value: e.From}.apply(t)
}

func undoTheorySet(t *tx, e Entry) error {
	if th, err := t.s.Theory(e.Theory); err != nil || th.ID != e.Theory || string(th.State) != e.To {
		return t.changed(e, i18n.M("theory %s", e.Theory), func(x Entry) bool { return x.Theory == e.Theory })
	}
	return TheorySet{Theory: e.Theory, State: TheoryState(e.From)}.apply(t)
}

func undoFollowUpSet(t *tx, e Entry) error {
	done := e.Kind == KindFollowUpDone
	if f, err := t.s.FollowUp(e.FollowUp); err != nil || f.ID != e.FollowUp || f.Done != done {
		return t.changed(e, i18n.M("follow-up %s", e.FollowUp), func(x Entry) bool { return x.FollowUp == e.FollowUp })
	}
	return FollowUpSet{FollowUp: e.FollowUp, Done: !done}.apply(t)
}

// ChangeName names the change whose first entry is e, as an undo reports
// it: "note e1x2", "task k3v7 done", "handoff of Scribe to zoe".
func (e Entry) ChangeName(c *Catalog) i18n.Message {
	switch e.Kind {
	case KindNote:
		return i18n.M("note %s", e.ID)
	case KindMilestone:
		return i18n.M("mark of %s", Milestone(e.To))
	case KindPin:
		return i18n.M("pin of entry %s", e.Entry)
	case KindUnpin:
		return i18n.M("unpin of entry %s", e.Entry)
	case KindTaskAdded:
		return i18n.M("new task %s", e.Task)
	case KindTaskStarted, KindTaskDone, KindTaskReopened, KindTaskCancelled:
		return i18n.M("task %s %s", e.Task, TaskState(e.To))
	case KindTaskAssigned:
		return i18n.M("reassignment of task %s", e.Task)
	case KindHandoff:
		if e.To == "" {
			return i18n.M("%s given back", RoleLabel{e.RoleRef(), c})
		}
		return i18n.M("handoff of %s to %s", RoleLabel{e.RoleRef(), c}, e.To)
	case KindStatus:
		return i18n.M("status %s", Status(e.To))
	case KindSeverity:
		if sev, err := ParseSeverity(e.To); err == nil {
			return i18n.M("severity %s", sev)
		}
	case KindTitle:
		return i18n.M("new title")
	case KindSummary:
		return i18n.M("new summary")
	case KindPolicy:
		return i18n.M("policy rule %s", e.Text)
	case KindTheoryConfirmed, KindTheoryRuledOut, KindTheoryReopened:
		return i18n.M("theory %s %s", e.Theory, TheoryState(e.To))
	case KindFollowUpDone:
		return i18n.M("follow-up %s done", e.FollowUp)
	case KindFollowUpReopened:
		return i18n.M("follow-up %s reopened", e.FollowUp)
	}
	return i18n.M("entry %s (%s)", e.ID, e.Kind)
}

// actingAsAt is actingAs as the roles were at a moment: the role instance
// someone acted as then when they closed a task owned by task.
func (s State) actingAsAt(c *Catalog, actor string, task RoleRef, at time.Time) RoleRef {
	if !task.IsZero() && SameName(s.HolderAt(task, at), actor) {
		return task
	}
	for _, h := range s.HoldingsEver(c) {
		held := ""
		for _, a := range h.History {
			if a.Since.After(at) {
				break
			}
			held = a.Holder
		}
		if held != "" && SameName(held, actor) {
			return h.Ref
		}
	}
	return RoleRef{}
}
