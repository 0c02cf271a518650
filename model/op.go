package model

import "time"

// Op is one change to an incident. Every way of changing an incident — a
// key press, a CLI verb, an SSH user, a sync peer — builds an Op and hands
// it to State.Apply, which validates it.
type Op interface {
	apply(t *tx) error
}

// Declare starts an incident. It fails if the state already holds one.
type Declare struct {
	Title     string
	Severity  Severity
	Commander string // the incident manager; the actor when empty
	Summary   string
	// Service, when set, is the service the incident is about.
	Service string
	// Policy is the incident's policy, from the declarer's config; the
	// default when not set.
	Policy Policy
}

// SetPolicy changes one rule of the incident's policy (PolicyRules):
// "sev1.external" to "15m", "approval.external" to "on". Only the
// incident manager changes it; the timeline records the old value and
// the new.
type SetPolicy struct {
	Rule  string
	Value string
}

// Log adds a plain timeline entry.
type Log struct {
	Kind Kind    // KindNote when empty
	Role RoleRef // optional: the role instance the entry is about
	Text string
	// Theory, when set, makes the entry evidence about that theory (id or
	// unique prefix).
	Theory string
	// At, when set, backdates the entry: it happened then, and is written
	// now. The future is refused; before the declaration is allowed (the
	// impact's start, the first alert).
	At time.Time
}

// TaskAdd adds an open task.
type TaskAdd struct {
	Title string
	Role  RoleRef // optional owning role instance
	Owner string  // optional owning person
	// Within, when set, time-boxes the task: it is due that long after it
	// is added.
	Within time.Duration
}

// TaskSet moves a task to another state: start, done, cancel or reopen
// (back to open from any other state).
type TaskSet struct {
	Task  string // id or unique prefix
	State TaskState
}

// TaskAssign gives a task to another role instance and/or person. Both
// empty leaves the task owned by nobody.
type TaskAssign struct {
	Task  string // id or unique prefix
	Role  RoleRef
	Owner string
}

// Handoff hands a role instance to a person, with an optional briefing.
// Handing the incident manager role also hands every role the incident
// manager still holds by default.
type Handoff struct {
	Role RoleRef
	To   string
	Note string
}

// Release gives a role instance back to the incident manager, who holds it
// by default again, as if it had never been handed off.
type Release struct{ Role RoleRef }

// Retract takes back an entry a person logged (a note, decision, action,
// theory or follow-up) or a milestone they marked. The entry stays in the
// timeline, marked as taken back; nothing is ever deleted.
type Retract struct{ Entry string }

// SetStatus moves the incident in its lifecycle, forwards or backwards.
type SetStatus struct {
	Status Status
	// Force resolves or closes the incident though exit criteria of its
	// policy are not met (State.ResolveBlockers); Reason says why, and
	// the timeline records it with what was missing.
	Force  bool
	Reason string
	// Checks are the criteria of the team's own that refused the
	// resolve: check hooks, run by the caller before the change (the
	// model runs no commands). They block it as ResolveBlockers do, and
	// are recorded as the rule "check" when it is forced.
	Checks []Blocker
}

// SetSeverity sets or changes the severity.
type SetSeverity struct{ Severity Severity }

// CAN records a CAN report: the Conditions as they are, the Actions under
// way, and what is Needed. All three are required.
type CAN struct {
	Role                       RoleRef
	Conditions, Actions, Needs string
}
