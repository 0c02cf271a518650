package model

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/warroom/warroom/model/i18n"
)

// tx is one Apply in progress: a shallow copy of the state whose slices are
// copied before their first change, so the snapshot it came from stays
// untouched.
type tx struct {
	s       State
	c       *Catalog
	env     Env
	clock   Stamp
	entries []Entry
	copied  map[string]bool
}

// Apply validates op against the state and returns the new state and the
// timeline entries the change wrote. The receiver is not modified. On error
// nothing changes.
func (s State) Apply(c *Catalog, op Op, env Env) (State, []Entry, error) {
	if env.IDs == nil {
		return s, nil, fmt.Errorf("apply: no id source given")
	}
	if f, ok := env.IDs.(forker); ok {
		env.IDs = f.Fork()
	}
	if env.Now.IsZero() {
		return s, nil, fmt.Errorf("apply: no time given")
	}
	env.Now = env.Now.UTC()
	actor, err := checkName("author", env.Actor)
	if err != nil {
		return s, nil, err
	}
	// Someone the incident knows signs as first written: "bob" is Bob.
	env.Actor = s.DisplayName(actor)
	if env.Replica == "" {
		env.Replica = "local"
	}
	if _, declaring := op.(Declare); !declaring && !s.Declared() {
		return s, nil, &ConflictError{Reason: i18n.M("no incident has been declared yet; start one with `warroom declare TITLE`")}
	}
	t := &tx{s: s, c: c, env: env, clock: s.clock(), copied: map[string]bool{}}
	if err := op.apply(t); err != nil {
		return s, nil, err
	}
	t.s.Schema = Schema // a file of an older schema is written back in this one
	return t.s, t.entries, nil
}

// stamp returns a new clock reading for a change made in this tx.
func (t *tx) stamp() Stamp {
	t.clock = t.clock.Next(t.env.Now, t.env.Replica)
	return t.clock
}

// own copies the named slice of the state before its first change.
func (t *tx) own(name string) {
	if t.copied[name] {
		return
	}
	t.copied[name] = true
	switch name {
	case "timeline":
		t.s.Timeline = append(make([]Entry, 0, len(t.s.Timeline)+4), t.s.Timeline...)
	case "tasks":
		t.s.Tasks = append(make([]Task, 0, len(t.s.Tasks)+1), t.s.Tasks...)
	case "assignments":
		t.s.Assignments = append(make([]Assignment, 0, len(t.s.Assignments)+1), t.s.Assignments...)
	case "people":
		t.s.People = append(make([]Person, 0, len(t.s.People)+1), t.s.People...)
	case "followups":
		t.s.FollowUps = append(make([]FollowUp, 0, len(t.s.FollowUps)+1), t.s.FollowUps...)
	case "theories":
		t.s.Theories = append(make([]Theory, 0, len(t.s.Theories)+1), t.s.Theories...)
	}
}

// record appends a timeline entry written by this change.
func (t *tx) record(e Entry) {
	t.own("timeline")
	e.ID = t.env.IDs.NewID("e", 12)
	if e.At.IsZero() {
		e.At = t.env.Now
	}
	e.By = t.env.Actor
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
	t.own("people")
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

func (op Declare) apply(t *tx) error {
	if t.s.Declared() {
		return &ConflictError{Reason: i18n.M("an incident is already declared here: %s %q; use another --file for a new incident",
			t.s.Incident.ID, t.s.Incident.Title)}
	}
	title, err := checkTitle(op.Title)
	if err != nil {
		return err
	}
	summary, err := checkSummary(op.Summary)
	if err != nil {
		return err
	}
	if !op.Severity.Valid() {
		return &InvalidError{What: "severity", Value: strconv.Itoa(int(op.Severity)), Valid: severityValues()}
	}
	commander := op.Commander
	if strings.TrimSpace(commander) == "" {
		commander = t.env.Actor
	}
	if commander, err = checkName("incident manager", commander); err != nil {
		return err
	}
	if SameName(commander, t.env.Actor) {
		// One person, written as the incident manager's name was.
		t.env.Actor = commander
	}
	policy := op.Policy
	if !policy.Set() {
		policy = DefaultPolicy()
	}
	st := t.stamp()
	t.s.Schema = Schema
	t.s.Incident = Incident{
		ID:         "INC-" + t.env.Now.Format("20060102") + "-" + t.env.IDs.NewID("", 4),
		Title:      title,
		Severity:   op.Severity,
		Status:     Investigating,
		Summary:    summary,
		Declared:   t.env.Now,
		DeclaredBy: t.env.Actor,
		Policy:     policy,
		Clock:      IncidentClock{Title: st, Severity: st, Status: st, Summary: st, Policy: st},
	}
	t.own("assignments")
	t.s.Assignments = append(t.s.Assignments, Assignment{
		ID: t.env.IDs.NewID("a", 8), Role: IncidentManager, Holder: commander,
		Since: t.env.Now, By: t.env.Actor, Clock: st,
	})
	t.join(commander)
	t.record(Entry{Kind: KindDeclared, Text: title, To: commander, From: op.Severity.String()})
	return nil
}

func (op Log) apply(t *tx) error {
	kind := op.Kind
	if kind == "" {
		kind = KindNote
	}
	if _, err := ParseLogKind(string(kind)); err != nil {
		return err
	}
	text, err := checkText("entry", strings.TrimSpace(op.Text), MaxEntry, true)
	if err != nil {
		return err
	}
	ref, err := t.checkRole(op.Role)
	if err != nil {
		return err
	}
	e := Entry{Kind: kind, Role: ref.Role, Workstream: ref.Workstream, Text: text}
	if op.Theory != "" {
		th, err := t.s.Theory(op.Theory)
		if err != nil {
			return err
		}
		e.Theory = th.ID
	}
	if kind == KindFollowup {
		// A follow-up noted during the incident is tracked after it.
		if e.FollowUp, err = t.addFollowUp(text); err != nil {
			return err
		}
	}
	if kind == KindTheory && e.Theory == "" {
		// Stating a theory records it, so it can be confirmed or ruled out.
		if e.Theory, err = t.addTheory(text, ref); err != nil {
			return err
		}
	}
	if !op.At.IsZero() {
		at := op.At.UTC().Truncate(time.Millisecond)
		if at.After(t.env.Now) {
			return &TextError{Field: "time", Reason: i18n.M("%s is in the future; backdate to a time that has passed", at.Format(time.RFC3339))}
		}
		e.At, e.Recorded = at, t.env.Now
	}
	t.record(e)
	return nil
}

func (op TaskAdd) apply(t *tx) error {
	title, err := checkText("task title", strings.TrimSpace(op.Title), MaxTitle, true)
	if err != nil {
		return err
	}
	ref, owner, err := t.checkOwner(op.Role, op.Owner)
	if err != nil {
		return err
	}
	id, err := t.uniqueID("", shortIDLen, t.shortIDTaken)
	if err != nil {
		return err
	}
	var due time.Time
	switch {
	case op.Within < 0:
		return &TextError{Field: "time box", Reason: i18n.M("%s is not a time box; give a duration such as 10m or 1h", op.Within.String())}
	case op.Within > MaxTimeBox:
		return &TextError{Field: "time box", Reason: i18n.M("%s is longer than a time box can be (%s); give a shorter one, such as 1h", op.Within.String(), MaxTimeBox.String())}
	case op.Within > 0:
		due = t.env.Now.Add(op.Within)
	}
	st := t.stamp()
	t.own("tasks")
	t.s.Tasks = append(t.s.Tasks, Task{
		ID: id, Title: title, State: TaskOpen, Role: ref.Role, Workstream: ref.Workstream, Owner: owner,
		Created: t.env.Now, CreatedBy: t.env.Actor, Updated: t.env.Now, Due: due,
		Clock: TaskClock{Title: st, State: st, Owner: st},
	})
	t.join(owner)
	t.record(Entry{Kind: KindTaskAdded, Task: id, Text: title, Role: ref.Role, Workstream: ref.Workstream, To: owner})
	return nil
}

func (op TaskSet) apply(t *tx) error {
	task, err := t.s.Task(op.Task)
	if err != nil {
		return err
	}
	var kind Kind
	switch op.State {
	case TaskInProgress:
		kind = KindTaskStarted
	case TaskDone:
		kind = KindTaskDone
	case TaskOpen:
		kind = KindTaskReopened
	case TaskCancelled:
		kind = KindTaskCancelled
	default:
		return invalidWord("task state", string(op.State), TaskStates)
	}
	if task.State == op.State {
		return &UnchangedError{Reason: i18n.M("task %s is already %s", task.ID, task.State)}
	}
	t.own("tasks")
	for i := range t.s.Tasks {
		if t.s.Tasks[i].ID == task.ID {
			t.s.Tasks[i].State = op.State
			t.s.Tasks[i].Updated = t.env.Now
			t.s.Tasks[i].Clock.State = t.stamp()
		}
	}
	t.record(Entry{Kind: kind, Task: task.ID, Text: task.Title, Role: task.Role, Workstream: task.Workstream,
		From: string(task.State), To: string(op.State)})
	return nil
}

func (op TaskAssign) apply(t *tx) error {
	task, err := t.s.Task(op.Task)
	if err != nil {
		return err
	}
	ref, owner, err := t.checkOwner(op.Role, op.Owner)
	if err != nil {
		return err
	}
	if task.RoleRef() == ref && SameName(task.Owner, owner) {
		return &UnchangedError{Reason: i18n.M("task %s already has that owner", task.ID)}
	}
	t.own("tasks")
	for i := range t.s.Tasks {
		if t.s.Tasks[i].ID == task.ID {
			t.s.Tasks[i].Role, t.s.Tasks[i].Workstream, t.s.Tasks[i].Owner = ref.Role, ref.Workstream, owner
			t.s.Tasks[i].Updated = t.env.Now
			t.s.Tasks[i].Clock.Owner = t.stamp()
		}
	}
	t.join(owner)
	t.record(Entry{Kind: KindTaskAssigned, Task: task.ID, Text: task.Title, Role: ref.Role, Workstream: ref.Workstream,
		To: owner, From: strings.TrimSpace(task.RoleRef().String() + " " + task.Owner)})
	return nil
}

func (op Handoff) apply(t *tx) error {
	if op.Role.IsZero() {
		return &InvalidError{What: "role", Valid: t.c.Names()}
	}
	ref, err := t.checkRole(op.Role)
	if err != nil {
		return err
	}
	to, err := checkName("new holder", op.To)
	if err != nil {
		return err
	}
	to = t.s.DisplayName(to)
	note, err := checkText("handoff note", strings.TrimSpace(op.Note), MaxEntry, false)
	if err != nil {
		return err
	}
	from, byDefault := t.s.Holder(ref)
	if SameName(from, to) && !byDefault {
		return &UnchangedError{Reason: i18n.M("%s already holds %s", from, RoleLabel{ref, t.c})}
	}
	st := t.stamp()
	id, err := t.assignmentID()
	if err != nil {
		return err
	}
	a := Assignment{
		ID: id, Role: ref.Role, Workstream: ref.Workstream, Holder: to,
		Since: t.env.Now, By: t.env.Actor, Note: note, Clock: st,
		Acceptance: AcceptanceAwaited,
	}
	if SameName(to, t.env.Actor) {
		// Taking a role yourself is accepting it.
		a.Acceptance, a.Answered, a.AnsweredBy = AcceptanceAccepted, t.env.Now, t.env.Actor
	}
	t.own("assignments")
	t.s.Assignments = append(t.s.Assignments, a)
	setUntil(t.s.Assignments, ref)
	t.join(to)
	t.record(Entry{Kind: KindHandoff, Role: ref.Role, Workstream: ref.Workstream, From: from, To: to, Text: note})
	return nil
}

func (op Release) apply(t *tx) error {
	ref, err := t.checkRole(op.Role)
	if err != nil || ref.IsZero() {
		return &InvalidError{What: "role", Value: op.Role.String(), Valid: t.c.Names()}
	}
	if ref.Role == IncidentManager {
		return &ConflictError{Reason: i18n.M("the incident manager role cannot go back to itself; hand it to someone instead")}
	}
	if t.s.WorkstreamClosed(ref) {
		return &ConflictError{Reason: i18n.M("%s was closed; hand it to someone to open it again", RoleLabel{ref, t.c})}
	}
	from, byDefault := t.s.Holder(ref)
	if byDefault {
		return &UnchangedError{Reason: i18n.M("%s is already with the incident manager", RoleLabel{ref, t.c})}
	}
	id, err := t.assignmentID()
	if err != nil {
		return err
	}
	st := t.stamp()
	t.own("assignments")
	t.s.Assignments = append(t.s.Assignments, Assignment{
		ID: id, Role: ref.Role, Workstream: ref.Workstream, Since: t.env.Now, By: t.env.Actor, Clock: st,
	})
	setUntil(t.s.Assignments, ref)
	t.record(Entry{Kind: KindHandoff, Role: ref.Role, Workstream: ref.Workstream, From: from})
	return nil
}

func (op Retract) apply(t *tx) error {
	var target *Entry
	for i := range t.s.Timeline {
		e := &t.s.Timeline[i]
		if e.Kind == KindRetracted && e.Entry == op.Entry {
			return &UnchangedError{Reason: i18n.M("entry %s was already taken back", op.Entry)}
		}
		if e.ID == op.Entry {
			target = e
		}
	}
	if target == nil {
		return &InvalidError{What: "entry id", Value: op.Entry}
	}
	if _, err := ParseLogKind(string(target.Kind)); err != nil {
		return &ConflictError{Reason: i18n.M("entry %s records a %s, which only another change can undo", target.ID, target.Kind)}
	}
	t.record(Entry{Kind: KindRetracted, Entry: target.ID, Text: target.Text, Role: target.Role, Workstream: target.Workstream})
	return nil
}

func (op SetStatus) apply(t *tx) error {
	if op.Status.Rank() < 0 {
		_, err := ParseStatus(string(op.Status))
		return err
	}
	from := t.s.Incident.Status
	if from == op.Status {
		return &UnchangedError{Reason: i18n.M("the incident is already %s", from)}
	}
	e := Entry{Kind: KindStatus, From: string(from), To: string(op.Status)}
	// Resolving — or closing what was never resolved — must meet the exit
	// criteria, or say why not.
	if done := op.Status == Resolved || op.Status == Closed; done && from != Resolved && from != Closed {
		if blockers := append(t.s.ResolveBlockers(), op.Checks...); len(blockers) > 0 {
			if !op.Force {
				return &BlockedError{Status: op.Status, Blockers: blockers}
			}
			reason, err := checkText("reason", strings.TrimSpace(op.Reason), MaxEntry, false)
			if err != nil {
				return err
			}
			if reason == "" {
				return &TextError{Field: "reason", Reason: i18n.M("a forced resolution needs a reason: say why the rest can wait")}
			}
			var rules []string
			for _, b := range blockers {
				if !slices.Contains(rules, b.Rule) {
					rules = append(rules, b.Rule)
				}
			}
			e.Text, e.Needs = reason, strings.Join(rules, " ")
		}
	}
	t.s.Incident.Status = op.Status
	t.s.Incident.Clock.Status = t.stamp()
	t.record(e)
	return nil
}

func (op SetSeverity) apply(t *tx) error {
	if !op.Severity.Valid() {
		return &InvalidError{What: "severity", Value: strconv.Itoa(int(op.Severity)), Valid: severityValues()}
	}
	from := t.s.Incident.Severity
	if from == op.Severity {
		if from == SevUnset {
			return &UnchangedError{Reason: i18n.M("the severity is already unset")}
		}
		return &UnchangedError{Reason: i18n.M("the severity is already %s", from)}
	}
	t.s.Incident.Severity = op.Severity
	t.s.Incident.Clock.Severity = t.stamp()
	t.record(Entry{Kind: KindSeverity, From: from.String(), To: op.Severity.String()})
	return nil
}

func (op SetPolicy) apply(t *tx) error {
	if im := t.s.Commander(); !SameName(im, t.env.Actor) {
		return &ConflictError{Reason: i18n.M("only the incident manager, %s, changes the incident's policy; %s is not", im, t.env.Actor)}
	}
	cur := t.s.Policy()
	from, err := cur.Rule(op.Rule)
	if err != nil {
		return err
	}
	next, err := cur.WithRule(op.Rule, op.Value)
	if err != nil {
		return err
	}
	rule := strings.ToLower(strings.TrimSpace(op.Rule))
	to, _ := next.Rule(rule)
	if next == cur {
		return &UnchangedError{Reason: i18n.M("the policy's %s is already %s", rule, from)}
	}
	t.s.Incident.Policy = next
	t.s.Incident.Clock.Policy = t.stamp()
	t.record(Entry{Kind: KindPolicy, Text: rule, From: from, To: to})
	return nil
}

func (op CAN) apply(t *tx) error {
	ref, err := t.checkRole(op.Role)
	if err != nil {
		return err
	}
	e := Entry{Kind: KindCAN, Role: ref.Role, Workstream: ref.Workstream}
	for _, f := range []struct {
		name i18n.Word
		v    string
		dst  *string
	}{{"conditions", op.Conditions, &e.Conditions}, {"actions", op.Actions, &e.Actions}, {"needs", op.Needs, &e.Needs}} {
		if *f.dst, err = checkText(f.name, strings.TrimSpace(f.v), MaxEntry, true); err != nil {
			return err
		}
	}
	t.record(e)
	return nil
}
