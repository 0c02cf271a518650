package report

import (
	"fmt"

	"github.com/warroom/warroom/model"
)

// Describe renders what a timeline entry says, as one sanitised line.
func Describe(e model.Entry, o Options) string {
	switch e.Kind {
	case model.KindDeclared:
		s := fmt.Sprintf("declared the incident: %s", line(e.Text))
		if e.From != "" && e.From != model.SevUnset.String() {
			s += " (" + line(e.From) + ")"
		}
		return s + "; incident manager " + line(e.To)
	case model.KindHandoff:
		if e.To == "" {
			return fmt.Sprintf("gave %s back to the incident manager (from %s)", o.role(e.RoleRef()), line(e.From))
		}
		s := fmt.Sprintf("handed %s from %s to %s", o.role(e.RoleRef()), line(e.From), line(e.To))
		if e.Text != "" {
			s += ": " + line(e.Text)
		}
		return s
	case model.KindStatus:
		s := fmt.Sprintf("status %s → %s", line(e.From), line(e.To))
		if model.Status(e.To).Rank() < model.Status(e.From).Rank() {
			s += " (moved back)"
		}
		return s
	case model.KindSeverity:
		return fmt.Sprintf("severity %s → %s", line(e.From), line(e.To))
	case model.KindTaskAdded:
		s := fmt.Sprintf("added task %s %q", line(e.Task), line(e.Text))
		if owner := owner(e.RoleRef(), e.To, o); owner != "" {
			s += " for " + owner
		}
		return s
	case model.KindTaskStarted:
		return fmt.Sprintf("started task %s %q", line(e.Task), line(e.Text))
	case model.KindTaskDone:
		return fmt.Sprintf("completed task %s %q", line(e.Task), line(e.Text))
	case model.KindTaskAssigned:
		s := fmt.Sprintf("gave task %s %q to ", line(e.Task), line(e.Text))
		if owner := owner(e.RoleRef(), e.To, o); owner != "" {
			return s + owner
		}
		return s + "nobody"
	case model.KindTaskCancelled:
		return fmt.Sprintf("cancelled task %s %q", line(e.Task), line(e.Text))
	case model.KindRetracted:
		return fmt.Sprintf("took back entry %s: %s", line(e.Entry), line(e.Text))
	case model.KindTaskReopened:
		return fmt.Sprintf("reopened task %s %q", line(e.Task), line(e.Text))
	}
	if !e.RoleRef().IsZero() {
		return fmt.Sprintf("[%s] %s", o.role(e.RoleRef()), line(e.Text))
	}
	return line(e.Text)
}

// owner renders who owns a task: "Tech lead · database (bob)", "bob", or "".
func owner(ref model.RoleRef, person string, o Options) string {
	switch {
	case !ref.IsZero() && person != "":
		return fmt.Sprintf("%s (%s)", o.role(ref), line(person))
	case !ref.IsZero():
		return o.role(ref)
	}
	return line(person)
}

// TaskOwner renders who owns a task now. A task owned by a role and no
// named person is shown with the role's current holder.
func TaskOwner(s model.State, t model.Task, o Options) string {
	person := t.Owner
	if person == "" && !t.RoleRef().IsZero() {
		person, _ = s.Holder(t.RoleRef())
	}
	if o := owner(t.RoleRef(), person, o); o != "" {
		return o
	}
	return "nobody"
}
