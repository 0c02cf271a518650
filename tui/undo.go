package tui

import (
	"errors"
	"strings"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
)

// undoLimit is how many of your changes u can take back, newest first.
const undoLimit = 50

// undoStep is how to take back one change made on this screen: the change
// that reverses it, and a check that what it changed is still as it left
// it — undo never overwrites a later change by someone else.
type undoStep struct {
	what    string // in the screen's language
	inverse model.Op
	still   func(model.State) error
}

// undoFor works out how to take back op, applied to before and giving
// entries, and says so in l. Declaring an incident cannot be undone.
func undoFor(c *model.Catalog, l i18n.Lang, before model.State, op model.Op, entries []model.Entry) (undoStep, bool) {
	if len(entries) == 0 {
		return undoStep{}, false
	}
	e := entries[0]
	changed := func(what string) error { return errors.New(l.T("%s has changed since", what)) }
	switch op := op.(type) {
	case model.Log:
		return undoStep{what: l.T("note %s", e.ID), inverse: model.Retract{Entry: e.ID},
			still: func(model.State) error { return nil }}, true
	case model.Mark:
		return undoStep{what: l.T("mark of %s", op.Milestone.In(l)), inverse: model.Retract{Entry: e.ID},
			still: func(model.State) error { return nil }}, true
	case model.Pin:
		what := l.T("pin of entry %s", e.Entry)
		if op.Unpin {
			what = l.T("unpin of entry %s", e.Entry)
		}
		return undoStep{what: what, inverse: model.Pin{Entry: e.Entry, Unpin: !op.Unpin},
			still: func(s model.State) error {
				if s.Pinned(e.Entry) == op.Unpin {
					return changed(l.T("entry %s", e.Entry))
				}
				return nil
			}}, true
	case model.TaskAdd:
		return undoStep{what: l.T("new task %s", e.Task), inverse: model.TaskSet{Task: e.Task, State: model.TaskCancelled},
			still: func(s model.State) error {
				if t, err := s.Task(e.Task); err != nil || t.State != model.TaskOpen {
					return changed(l.T("task %s", e.Task))
				}
				return nil
			}}, true
	case model.TaskSet:
		prev, err := before.Task(op.Task)
		if err != nil {
			return undoStep{}, false
		}
		return undoStep{what: l.T("task %s %s", prev.ID, op.State.In(l)), inverse: model.TaskSet{Task: prev.ID, State: prev.State},
			still: func(s model.State) error {
				if t, err := s.Task(prev.ID); err != nil || t.State != op.State {
					return changed(l.T("task %s", prev.ID))
				}
				return nil
			}}, true
	case model.TaskAssign:
		prev, err := before.Task(op.Task)
		if err != nil {
			return undoStep{}, false
		}
		return undoStep{what: l.T("reassignment of task %s", prev.ID),
			inverse: model.TaskAssign{Task: prev.ID, Role: prev.RoleRef(), Owner: prev.Owner},
			still: func(s model.State) error {
				if t, err := s.Task(prev.ID); err != nil || t.Owner != e.To || t.RoleRef() != e.RoleRef() {
					return changed(l.T("task %s", prev.ID))
				}
				return nil
			}}, true
	case model.Handoff:
		from, byDefault := before.Holder(op.Role)
		label := op.Role.Label(c, l)
		// The note is written by the person at this screen, in their
		// language, like any note they type.
		var inverse model.Op = model.Handoff{Role: op.Role, To: from, Note: l.T("undo of the handoff to %s", e.To)}
		if byDefault {
			inverse = model.Release{Role: op.Role}
		}
		return undoStep{what: l.T("handoff of %s to %s", label, e.To), inverse: inverse,
			still: func(s model.State) error {
				if h, def := s.Holder(op.Role); def || h != e.To {
					return changed(label)
				}
				return nil
			}}, true
	case model.SetStatus:
		prev := before.Incident.Status
		return undoStep{what: l.T("status %s", op.Status.In(l)), inverse: model.SetStatus{Status: prev},
			still: func(s model.State) error {
				if s.Incident.Status != op.Status {
					return changed(l.T("the status"))
				}
				return nil
			}}, true
	case model.SetTitle:
		prev := before.Incident.Title
		return undoStep{what: l.T("new title"), inverse: model.SetTitle{Title: prev},
			still: func(s model.State) error {
				if s.Incident.Title != after(op.Title) {
					return changed(l.T("the title"))
				}
				return nil
			}}, true
	case model.SetSummary:
		prev := before.Incident.Summary
		return undoStep{what: l.T("new summary"), inverse: model.SetSummary{Summary: prev},
			still: func(s model.State) error {
				if s.Incident.Summary != after(op.Summary) {
					return changed(l.T("the summary"))
				}
				return nil
			}}, true
	case model.Release:
		from, _ := before.Holder(op.Role)
		label := op.Role.Label(c, l)
		return undoStep{what: l.T("%s given back", label), inverse: model.Handoff{Role: op.Role, To: from},
			still: func(s model.State) error {
				if _, def := s.Holder(op.Role); !def {
					return changed(label)
				}
				return nil
			}}, true
	case model.SetSeverity:
		prev := before.Incident.Severity
		return undoStep{what: l.T("severity %s", op.Severity.In(l)), inverse: model.SetSeverity{Severity: prev},
			still: func(s model.State) error {
				if s.Incident.Severity != op.Severity {
					return changed(l.T("the severity"))
				}
				return nil
			}}, true
	}
	return undoStep{}, false
}

// after is a title or summary as the model keeps it.
func after(v string) string { return strings.TrimSpace(v) }
