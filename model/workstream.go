package model

import (
	"strings"

	"github.com/warroom/warroom/model/i18n"
)

// CloseWorkstream ends one workstream of a split role (tech_lead/database,
// once the database is fine again): nobody holds it any more and it leaves
// the roles, while its history stays. Its open tasks go back to the role
// itself (tech_lead), each with the person who owns it, if any, so that
// every one still has an owner: the role's holder, else the incident
// manager. Handing the workstream to someone later opens it again.
type CloseWorkstream struct {
	Role RoleRef // a role and one of its workstreams
	Note string  // why, optional
}

func (op CloseWorkstream) apply(t *tx) error {
	if op.Role.IsZero() {
		return &InvalidError{What: "role", Valid: t.c.Names()}
	}
	ref, err := t.checkRole(op.Role)
	if err != nil {
		return err
	}
	open := t.s.Workstreams(ref.Role)
	valid := make([]string, len(open))
	for i, r := range open {
		valid[i] = r.String()
	}
	none := i18n.M("(%s has no open workstreams)", RoleLabel{RoleRef{Role: ref.Role}, t.c})
	if ref.Workstream == "" {
		return &InvalidError{What: "workstream", Valid: valid, None: none,
			Hint: i18n.M("only a workstream closes, not a whole role; the incident closes with `warroom status closed`")}
	}
	cur, ok := t.s.current(ref)
	if !ok {
		return &InvalidError{What: "workstream", Value: ref.String(), Valid: valid, None: none}
	}
	if cur.Closed {
		return &UnchangedError{Reason: i18n.M("%s is already closed", RoleLabel{ref, t.c})}
	}
	note, err := checkText("note", strings.TrimSpace(op.Note), MaxEntry, false)
	if err != nil {
		return err
	}
	id, err := t.assignmentID()
	if err != nil {
		return err
	}
	t.own(partAssignments)
	t.s.Assignments = append(t.s.Assignments, Assignment{
		ID: id, Role: ref.Role, Workstream: ref.Workstream, Closed: true,
		Since: t.env.Now, By: t.env.Actor, Note: note, Clock: t.stamp(),
	})
	setUntil(t.s.Assignments, ref)
	t.record(Entry{Kind: KindWorkstreamClosed, Role: ref.Role, Workstream: ref.Workstream, From: cur.Holder, Text: note})

	// Its open tasks go back to the role.
	role := RoleRef{Role: ref.Role}
	for i, task := range t.s.Tasks {
		if !task.Open() || task.RoleRef() != ref {
			continue
		}
		t.own(partTasks)
		t.s.Tasks[i].Role, t.s.Tasks[i].Workstream = role.Role, ""
		t.s.Tasks[i].Updated = t.env.Now
		t.s.Tasks[i].Clock.Owner = t.stamp()
		t.record(Entry{Kind: KindTaskAssigned, Task: task.ID, Text: task.Title, Role: role.Role, To: task.Owner,
			From: strings.TrimSpace(ref.String() + " " + task.Owner)})
	}
	return nil
}

// checkOpen refuses a closed workstream as a task's owner: it has nobody
// to do the task until it is handed to someone again.
func (t *tx) checkOpen(ref RoleRef) error {
	if !t.s.WorkstreamClosed(ref) {
		return nil
	}
	return &ConflictError{Reason: i18n.M("%s was closed; give the task to %s, or hand the workstream to someone to open it again",
		RoleLabel{ref, t.c}, RoleLabel{RoleRef{Role: ref.Role}, t.c})}
}
