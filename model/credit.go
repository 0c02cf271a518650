package model

import "time"

// Who a task is credited to: while it is open, whoever owns it now; once
// done or cancelled, whoever closed it, as the role they held then. A
// role handed on after the task was closed does not take the credit
// with it.

// TaskCredit returns the role instance and the person a task is credited
// to. An open task: its role and its named owner, else the role's holder
// now. A closed task: the role it was closed as and who closed it. A
// task closed by a build that did not record its closer: its role and
// its named owner, else whoever held the role when the task last
// changed. Either part may be empty.
func (s State) TaskCredit(t Task) (RoleRef, string) {
	switch {
	case t.Open():
		return t.RoleRef(), s.ownerNow(t)
	case t.ClosedBy != "":
		return t.ClosedRole(), s.DisplayName(t.ClosedBy)
	case t.Owner != "" || t.RoleRef().IsZero():
		return t.RoleRef(), s.DisplayName(t.Owner)
	}
	return t.RoleRef(), s.HolderAt(t.RoleRef(), t.Updated)
}

// ownerNow is the person who owns a task now: its named owner, else its
// role's holder, else nobody.
func (s State) ownerNow(t Task) string {
	if t.Owner != "" || t.RoleRef().IsZero() {
		return s.DisplayName(t.Owner)
	}
	h, _ := s.Holder(t.RoleRef())
	return h
}

// HolderAt returns who held a role instance at a moment: the holder of
// its latest assignment since then, or the incident manager of that
// moment when the role was with them (never handed, given back).
func (s State) HolderAt(ref RoleRef, at time.Time) string {
	holder, found := "", false
	for _, a := range s.History(ref) {
		if a.Since.After(at) {
			break
		}
		holder, found = a.Holder, true
	}
	if found && holder != "" {
		return s.DisplayName(holder)
	}
	if ref.Role == IncidentManager {
		return s.Commander()
	}
	return s.HolderAt(RoleRef{Role: IncidentManager}, at)
}

// actingAs is the role instance someone acts as when they close a task
// owned by task: that role, if they hold it (the incident manager holds
// every role not handed); else the first role they hold, in catalog
// order (the incident manager's, for the incident manager); else none.
func (s State) actingAs(c *Catalog, actor string, task RoleRef) RoleRef {
	if !task.IsZero() {
		if h, _ := s.Holder(task); SameName(h, actor) {
			return task
		}
	}
	for _, h := range s.Holdings(c) {
		if !h.Default && SameName(h.Holder, actor) {
			return h.Ref
		}
	}
	return RoleRef{}
}
