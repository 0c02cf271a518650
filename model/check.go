package model

import (
	"fmt"
	"unicode/utf8"
)

// Check reports the first structural problem of a state read from a file:
// a missing incident id or incident manager, missing or duplicate ids,
// entries without a time or author. Text limits apply to new input only; a
// hand-edited file may hold longer text.
func (s State) Check() error {
	if s.Incident.ID == "" {
		return fmt.Errorf("[incident] has no id; a declared incident always has one")
	}
	if s.Incident.Declared.IsZero() {
		return fmt.Errorf("[incident] has no declared time")
	}
	if s.Incident.Status == "" {
		return fmt.Errorf("[incident] has no status; use one of investigating, identified, monitoring, resolved, closed")
	}
	if s.Commander() == "" {
		return fmt.Errorf("no [[assignments]] entry gives the incident_manager role to anyone")
	}
	ids := map[string]string{}
	claim := func(id, what string, n int) error {
		where := fmt.Sprintf("%s number %d", what, n+1)
		if id == "" {
			return fmt.Errorf("%s has no id", where)
		}
		if !utf8.ValidString(id) {
			return fmt.Errorf("%s has an id that is not valid UTF-8", where)
		}
		if prev, dup := ids[id]; dup {
			return fmt.Errorf("%s has id %q, already used by %s", where, id, prev)
		}
		ids[id] = where
		return nil
	}
	for i, a := range s.Assignments {
		if err := claim(a.ID, "[[assignments]]", i); err != nil {
			return err
		}
		if a.Role == "" {
			return fmt.Errorf("[[assignments]] %s has no role", a.ID)
		}
	}
	for i, t := range s.Tasks {
		if err := claim(t.ID, "[[tasks]]", i); err != nil {
			return err
		}
		if t.State == "" {
			return fmt.Errorf("[[tasks]] %s has no state; use open, in_progress or done", t.ID)
		}
	}
	for i, f := range s.FollowUps {
		if err := claim(f.ID, "[[followups]]", i); err != nil {
			return err
		}
	}
	for i, th := range s.Theories {
		if err := claim(th.ID, "[[theories]]", i); err != nil {
			return err
		}
	}
	for i, e := range s.Timeline {
		if err := claim(e.ID, "[[timeline]]", i); err != nil {
			return err
		}
		if e.At.IsZero() {
			return fmt.Errorf("[[timeline]] %s has no time (at)", e.ID)
		}
		if e.Kind == "" {
			return fmt.Errorf("[[timeline]] %s has no kind", e.ID)
		}
	}
	return nil
}
