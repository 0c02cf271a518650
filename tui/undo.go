package tui

import (
	"fmt"

	"github.com/warroom/warroom/model"
)

// undoLimit is how many of your changes u can take back, newest first.
const undoLimit = 50

// undoStep is how to take back one change made on this screen: the change
// that reverses it, and a check that what it changed is still as it left
// it — undo never overwrites a later change by someone else.
type undoStep struct {
	what    string
	inverse model.Op
	still   func(model.State) error
}

// undoFor works out how to take back op, applied to before and giving
// entries. Declaring an incident cannot be undone.
func undoFor(c *model.Catalog, before model.State, op model.Op, entries []model.Entry) (undoStep, bool) {
	if len(entries) == 0 {
		return undoStep{}, false
	}
	e := entries[0]
	changed := func(what string) error { return fmt.Errorf("%s has changed since", what) }
	switch op := op.(type) {
	case model.Log:
		return undoStep{what: "note " + e.ID, inverse: model.Retract{Entry: e.ID},
			still: func(model.State) error { return nil }}, true
	case model.TaskAdd:
		return undoStep{what: "new task " + e.Task, inverse: model.TaskSet{Task: e.Task, State: model.TaskCancelled},
			still: func(s model.State) error {
				if t, err := s.Task(e.Task); err != nil || t.State != model.TaskOpen {
					return changed("task " + e.Task)
				}
				return nil
			}}, true
	case model.TaskSet:
		prev, err := before.Task(op.Task)
		if err != nil {
			return undoStep{}, false
		}
		return undoStep{what: "task " + prev.ID + " " + op.State.Label(), inverse: model.TaskSet{Task: prev.ID, State: prev.State},
			still: func(s model.State) error {
				if t, err := s.Task(prev.ID); err != nil || t.State != op.State {
					return changed("task " + prev.ID)
				}
				return nil
			}}, true
	case model.TaskAssign:
		prev, err := before.Task(op.Task)
		if err != nil {
			return undoStep{}, false
		}
		return undoStep{what: "reassignment of task " + prev.ID,
			inverse: model.TaskAssign{Task: prev.ID, Role: prev.RoleRef(), Owner: prev.Owner},
			still: func(s model.State) error {
				if t, err := s.Task(prev.ID); err != nil || t.Owner != e.To || t.RoleRef() != e.RoleRef() {
					return changed("task " + prev.ID)
				}
				return nil
			}}, true
	case model.Handoff:
		from, byDefault := before.Holder(op.Role)
		label := op.Role.Label(c, "en")
		var inverse model.Op = model.Handoff{Role: op.Role, To: from, Note: "undo of the handoff to " + e.To}
		if byDefault {
			inverse = model.Release{Role: op.Role}
		}
		return undoStep{what: "handoff of " + label + " to " + e.To, inverse: inverse,
			still: func(s model.State) error {
				if h, def := s.Holder(op.Role); def || h != e.To {
					return changed(label)
				}
				return nil
			}}, true
	case model.SetStatus:
		prev := before.Incident.Status
		return undoStep{what: "status " + string(op.Status), inverse: model.SetStatus{Status: prev},
			still: func(s model.State) error {
				if s.Incident.Status != op.Status {
					return changed("the status")
				}
				return nil
			}}, true
	case model.SetSeverity:
		prev := before.Incident.Severity
		return undoStep{what: "severity " + op.Severity.String(), inverse: model.SetSeverity{Severity: prev},
			still: func(s model.State) error {
				if s.Incident.Severity != op.Severity {
					return changed("the severity")
				}
				return nil
			}}, true
	}
	return undoStep{}, false
}
