package model

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/warroom/warroom/model/i18n"
)

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
	if !declares(op) && !s.Declared() {
		return s, nil, &ConflictError{Reason: i18n.M("no incident has been declared yet; start one with `warroom declare TITLE`")}
	}
	t := &tx{s: s, c: c, env: env, clock: s.clock()}
	if err := op.apply(t); err != nil {
		return s, nil, err
	}
	t.s.Schema = Schema // a file of an older schema is written back in this one
	return t.s, t.entries, nil
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
	service, err := checkService(op.Service)
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
		Service:    service,
		Declared:   t.env.Now,
		DeclaredBy: t.env.Actor,
		Policy:     policy,
		Clock:      IncidentClock{Title: st, Severity: st, Status: st, Summary: st, Policy: st, Service: serviceStamp(service, st)},
	}
	t.own(partAssignments)
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
	t.own(partAssignments)
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
	t.own(partAssignments)
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
	if _, err := ParseLogKind(string(target.Kind)); err != nil && target.Kind != KindMilestone {
		return &ConflictError{Reason: i18n.M("entry %s records a %s, which only another change can undo", target.ID, target.Kind)}
	}
	e := Entry{Kind: KindRetracted, Entry: target.ID, Text: target.Text, Role: target.Role, Workstream: target.Workstream}
	if target.Kind == KindMilestone {
		e.To = target.To // which milestone's mark was taken back
	}
	t.record(e)
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
