package model

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/warroom/warroom/model/i18n"
)

// TaskState is where a task is.
type TaskState string

// Task states.
const (
	TaskOpen       TaskState = "open"
	TaskInProgress TaskState = "in_progress"
	TaskDone       TaskState = "done"
	TaskCancelled  TaskState = "cancelled" // no longer needed; kept for the record
)

// TaskStates lists the task states.
var TaskStates = []TaskState{TaskOpen, TaskInProgress, TaskDone, TaskCancelled}

// UnmarshalText checks a task state read from a file, as it was written.
func (t *TaskState) UnmarshalText(b []byte) error {
	if v := TaskState(b); slices.Contains(TaskStates, v) {
		*t = v
		return nil
	}
	return fmt.Errorf("task state must be open, in_progress, done or cancelled, not %q", b)
}

// Label is the state as people read it, in English: "in progress".
func (t TaskState) Label() string { return strings.ReplaceAll(string(t), "_", " ") }

// In is the state as people read it in l: "in progress", "en curso".
func (t TaskState) In(l i18n.Lang) string { return l.T(t.Label()) }

// Task is a piece of work someone should be doing. It is owned by a role
// instance, a person, both, or (until someone takes it) nobody.
type Task struct {
	ID         string    `toml:"id" json:"id"`
	Title      string    `toml:"title" json:"title"`
	State      TaskState `toml:"state" json:"state"`
	Role       string    `toml:"role,omitempty" json:"role,omitzero"`
	Workstream string    `toml:"workstream,omitempty" json:"workstream,omitzero"`
	Owner      string    `toml:"owner,omitempty" json:"owner,omitzero"`
	Created    time.Time `toml:"created" json:"created"`
	CreatedBy  string    `toml:"created_by" json:"created_by"`
	Updated    time.Time `toml:"updated" json:"updated"`
	// Due, on a time-boxed task, is when its box ends.
	Due time.Time `toml:"due,omitempty" json:"due,omitzero"`
	// ClosedBy, on a task done or cancelled, is who closed it, and
	// ClosedAs the role instance they closed it as ("tech_lead/database";
	// empty when they held none). They change with the state, under its
	// clock, and are cleared when the task is reopened.
	ClosedBy string `toml:"closed_by,omitempty" json:"closed_by,omitzero"`
	ClosedAs string `toml:"closed_as,omitempty" json:"closed_as,omitzero"`
	// Runbook, on a task a runbook added, names the runbook, and Step
	// which of its steps (from 1) the task is. Set once, when it is added.
	Runbook string    `toml:"runbook,omitempty" json:"runbook,omitzero"`
	Step    int       `toml:"step,omitzero" json:"step,omitzero"`
	Clock   TaskClock `toml:"clock" json:"clock"`
}

// TaskClock holds the stamp of the last change of each task field group;
// Owner covers role, workstream and owner together.
type TaskClock struct {
	Title Stamp `toml:"title,omitempty" json:"title,omitzero"`
	State Stamp `toml:"state,omitempty" json:"state,omitzero"`
	Owner Stamp `toml:"owner,omitempty" json:"owner,omitzero"`
}

// RoleRef returns the owning role instance, if any.
func (t Task) RoleRef() RoleRef { return RoleRef{Role: t.Role, Workstream: t.Workstream} }

// ClosedRole is the role instance the task was closed as; zero when it
// is open or its closer held no role.
func (t Task) ClosedRole() RoleRef {
	role, ws, _ := strings.Cut(t.ClosedAs, "/")
	return RoleRef{Role: role, Workstream: ws}
}

// Expired reports whether an open task's time box has run out at now.
func (t Task) Expired(now time.Time) bool { return t.Open() && !t.Due.IsZero() && now.After(t.Due) }

// Open reports whether the task still needs doing.
func (t Task) Open() bool { return t.State == TaskOpen || t.State == TaskInProgress }

// Task finds a task by id: the exact id, or a unique prefix of it, with or
// without the leading "t", case-insensitively.
func (s State) Task(ref string) (Task, error) {
	t, matches := findByID(s.Tasks, func(t Task) string { return t.ID }, ref, "t")
	switch len(matches) {
	case 1:
		return t, nil
	case 0:
		if strings.TrimSpace(ref) == "" {
			return Task{}, s.taskIDError(ref, InvalidError{})
		}
		return Task{}, s.taskIDError(ref, InvalidError{Hint: i18n.M("`warroom task list` shows every task")})
	}
	return Task{}, &InvalidError{What: "task id", Value: ref, Valid: matches, Ambiguous: true,
		Hint: i18n.M("type more of it")}
}

// findByID looks ref up among items: the exact id, else the only id that
// starts with it (with or without prefix), case-insensitively. It returns
// the item found and the ids that matched: one when found, none or
// several when not.
func findByID[T any](items []T, id func(T) string, ref, prefix string) (T, []string) {
	var zero T
	q := strings.ToLower(strings.TrimSpace(ref))
	if q == "" {
		return zero, nil
	}
	var found T
	var matches []string
	for _, it := range items {
		switch i := id(it); {
		case i == q:
			return it, []string{i}
		case strings.HasPrefix(i, q) || strings.HasPrefix(i, prefix+q):
			found, matches = it, append(matches, i)
		}
	}
	if len(matches) != 1 {
		return zero, matches
	}
	return found, matches
}

// taskIDError reports a task id that names no task, listing up to 20 task
// ids, open tasks first.
func (s State) taskIDError(ref string, e InvalidError) *InvalidError {
	ts := append([]Task(nil), s.Tasks...)
	sort.SliceStable(ts, func(i, j int) bool { return ts[i].Open() && !ts[j].Open() })
	e.What, e.Value = "task id", ref
	for i, t := range ts {
		if i == 20 {
			e.More = len(ts) - 20
			break
		}
		e.Valid = append(e.Valid, t.ID)
	}
	if len(ts) == 0 {
		e.None = i18n.M("(no tasks yet)")
	}
	return &e
}

// OpenTasks returns the tasks not yet done, in the order they were added.
func (s State) OpenTasks() []Task {
	var out []Task
	for _, t := range s.Tasks {
		if t.Open() {
			out = append(out, t)
		}
	}
	return out
}
