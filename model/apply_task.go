package model

import (
	"strings"
	"time"

	"github.com/warroom/warroom/model/i18n"
)

// The task operations: a task added, its state set, given to someone.

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
	t.own(partTasks)
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
	// Who closes a task, and as which role, is credited with it.
	var closedBy, closedAs string
	if op.State == TaskDone || op.State == TaskCancelled {
		closedBy, closedAs = t.env.Actor, t.s.actingAs(t.c, t.env.Actor, task.RoleRef()).String()
	}
	t.own(partTasks)
	for i := range t.s.Tasks {
		if t.s.Tasks[i].ID == task.ID {
			t.s.Tasks[i].State = op.State
			t.s.Tasks[i].ClosedBy, t.s.Tasks[i].ClosedAs = closedBy, closedAs
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
	t.own(partTasks)
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
