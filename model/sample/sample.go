// Package sample builds a realistic incident for `warroom demo`, for tests
// and for golden files: several roles handed off, two tech leads, split
// communications, a few dozen timeline entries of every kind, and tasks in
// every state, one of them owned by nobody.
//
// It is pure: it is handed the time the incident should end at and an id
// source, and goes through State.Apply like every other change.
package sample

import (
	"fmt"
	"time"

	"github.com/warroom/warroom/model"
)

// step is one change in the sample, made by who, at an offset from the
// declaration.
type step struct {
	at  time.Duration
	who string
	op  model.Op
	// late, instead of op: a change that needs what is known only while
	// the sample is built — when it starts, and the ids of the tasks
	// added so far.
	late func(start time.Time, s model.State, ids []string) (model.Op, error)
}

// taskRef stands for the id of the n-th task added, resolved as the sample
// is built (ids are random outside tests).
type taskRef int

func tl(ws string) model.RoleRef { return model.RoleRef{Role: model.TechLead, Workstream: ws} }
func role(key string) model.RoleRef {
	return model.RoleRef{Role: key}
}

// comms is the communications manager of one audience: the workstream
// named after it, to which its updates go.
func comms(aud model.Audience) model.RoleRef {
	return model.RoleRef{Role: model.CommunicationsManager, Workstream: string(aud)}
}

// scriptLength is how long the sample's script runs, from the declaration
// to a little after its last entry.
const scriptLength = 47 * time.Minute

// Incident builds the sample so that its last entry is a little before end.
func Incident(c *model.Catalog, end time.Time, ids model.IDSource) (model.State, error) {
	s, _, err := opening(c, end.Add(-scriptLength), ids)
	return s, err
}

// opening runs the sample's script from start; it returns the incident and
// the ids of the tasks it added.
func opening(c *model.Catalog, start time.Time, ids model.IDSource) (model.State, []string, error) {
	var s model.State
	var tasks []string
	apply := func(st step) error {
		op := st.op
		if st.late != nil {
			var err error
			if op, err = st.late(start, s, tasks); err != nil {
				return err
			}
		}
		next, entries, err := s.Apply(c, op, model.Env{Now: start.Add(st.at), Actor: st.who, Replica: "demo", IDs: ids})
		if err != nil {
			return fmt.Errorf("sample: %T at +%v: %w", op, st.at, err)
		}
		for _, e := range entries {
			if e.Kind == model.KindTaskAdded {
				tasks = append(tasks, e.Task)
			}
		}
		s = next
		return nil
	}
	for _, st := range script() {
		if err := apply(st); err != nil {
			return model.State{}, nil, err
		}
	}
	return s, tasks, nil
}

func do(at time.Duration, who string, op model.Op) step { return step{at: at, who: who, op: op} }

// backdated records, at offset at, a note about something that happened
// ago before the declaration (ago < 0), as responders log the first alert.
func backdated(at time.Duration, who string, ago time.Duration, text string) step {
	return step{at: at, who: who, late: func(start time.Time, _ model.State, _ []string) (model.Op, error) {
		return model.Log{Text: text, At: start.Add(ago)}, nil
	}}
}

// theory confirms, rules out or reopens the n-th theory stated.
func theory(at time.Duration, who string, n int, state model.TheoryState, note string) step {
	return step{at: at, who: who, late: func(_ time.Time, s model.State, _ []string) (model.Op, error) {
		if n >= len(s.Theories) {
			return nil, fmt.Errorf("sample: theory %d not stated yet", n)
		}
		return model.TheorySet{Theory: s.Theories[n].ID, State: state, Note: note}, nil
	}}
}

// followUp gives the n-th follow-up an owner, a due date days after the
// incident started, and a ticket.
func followUp(at time.Duration, who string, n int, owner string, days int, ticket string) step {
	return step{at: at, who: who, late: func(start time.Time, s model.State, _ []string) (model.Op, error) {
		if n >= len(s.FollowUps) {
			return nil, fmt.Errorf("sample: follow-up %d not noted yet", n)
		}
		due := start.AddDate(0, 0, days).Format("2006-01-02")
		return model.FollowUpDetails{FollowUp: s.FollowUps[n].ID, Owner: owner, Due: due, Ticket: ticket}, nil
	}}
}

// task returns the id of the n-th task added.
func task(ids []string, n taskRef) (string, error) {
	if int(n) >= len(ids) {
		return "", fmt.Errorf("sample: task %d not added yet", n)
	}
	return ids[n], nil
}

// set changes the state of the n-th task added.
func set(at time.Duration, who string, n taskRef, state model.TaskState) step {
	return step{at: at, who: who, late: func(_ time.Time, _ model.State, ids []string) (model.Op, error) {
		id, err := task(ids, n)
		return model.TaskSet{Task: id, State: state}, err
	}}
}

// assign gives the n-th task added to a role and a person.
func assign(at time.Duration, who string, n taskRef, ref model.RoleRef, owner string) step {
	return step{at: at, who: who, late: func(_ time.Time, _ model.State, ids []string) (model.Op, error) {
		id, err := task(ids, n)
		return model.TaskAssign{Task: id, Role: ref, Owner: owner}, err
	}}
}

// review approves (with no reason) or sends back the oldest draft update
// awaiting the incident manager's approval.
func review(at time.Duration, who, reason string) step {
	return step{at: at, who: who, late: func(_ time.Time, s model.State, _ []string) (model.Op, error) {
		p := s.PendingUpdates()
		if len(p) == 0 {
			return nil, fmt.Errorf("sample: no draft to review")
		}
		if reason != "" {
			return model.RejectUpdate{Draft: p[0].ID, Reason: reason}, nil
		}
		return model.ApproveUpdate{Draft: p[0].ID}, nil
	}}
}

func script() []step {
	m := func(min, sec int) time.Duration {
		return time.Duration(min)*time.Minute + time.Duration(sec)*time.Second
	}
	return []step{
		do(m(0, 0), "alice", model.Declare{Title: "Checkout API returning 500s", Severity: model.Sev2, Commander: "alice",
			Summary: "Card payments fail at checkout for most customers since deploy 142 went out."}),
		do(m(0, 40), "alice", model.Log{Kind: model.KindNote, Text: "Paged by the checkout error-rate alert: 38% of POST /orders return 500."}),
		backdated(m(0, 50), "alice", -4*time.Minute, "First alert: checkout error rate over 5% (impact start)."),
		do(m(1, 30), "alice", model.SetSeverity{Severity: model.Sev1}),
		do(m(2, 0), "alice", model.Handoff{Role: tl("database"), To: "bob", Note: "Orders DB primary shows connection spikes; you own the DB side."}),
		do(m(2, 20), "bob", model.Accept{Role: tl("database")}),
		do(m(2, 30), "alice", model.Handoff{Role: tl("network"), To: "dave", Note: "Check the new load balancer rules from this morning."}),
		do(m(2, 50), "dave", model.Accept{Role: tl("network")}),
		do(m(3, 10), "alice", model.Handoff{Role: role(model.Scribe), To: "frank"}),
		do(m(3, 20), "frank", model.Accept{Role: role(model.Scribe)}),
		do(m(3, 40), "dave", model.Log{Kind: model.KindTheory, Role: tl("network"), Text: "This morning's load balancer rules drop long checkout requests."}),
		do(m(4, 0), "alice", model.Handoff{Role: comms(model.AudienceExternal), To: "carol", Note: "Status page first, then social. Every 20 minutes."}),
		do(m(4, 15), "carol", model.Accept{Role: comms(model.AudienceExternal)}),
		do(m(4, 20), "alice", model.SetPolicy{Rule: "approval.external", Value: "on"}),
		do(m(4, 30), "alice", model.Handoff{Role: comms(model.AudienceInternal), To: "erin"}),
		do(m(4, 50), "erin", model.Accept{Role: comms(model.AudienceInternal)}),
		do(m(5, 0), "alice", model.TaskAdd{Title: "Post the first status page update", Role: comms(model.AudienceExternal)}),
		do(m(5, 20), "alice", model.TaskAdd{Title: "Find the deploy that matches the first errors", Role: tl("database")}),
		do(m(5, 45), "alice", model.TaskAdd{Title: "Check load balancer error logs", Role: tl("network"), Owner: "dave"}),
		set(m(6, 30), "carol", 0, model.TaskInProgress),
		do(m(7, 0), "bob", model.Log{Kind: model.KindTheory, Role: tl("database"), Text: "Connection pool exhausted after deploy 142 doubled the workers."}),
		theory(m(8, 5), "dave", 0, model.TheoryRuledOut, "Edge logs show the 500s come from the app tier."),
		do(m(8, 10), "dave", model.Log{Kind: model.KindNote, Role: tl("network"), Text: "LB rules look fine; 5xx come from the app tier, not the edge."}),
		set(m(9, 0), "carol", 0, model.TaskDone),
		do(m(9, 2), "carol", model.CommsUpdate{Audience: model.AudienceExternal, NeedsApproval: true,
			Text: "Status page: \"We are investigating failed card payments at checkout. Next update in 20 minutes.\""}),
		review(m(9, 5), "alice", ""),
		set(m(10, 0), "bob", 1, model.TaskInProgress),
		do(m(10, 20), "alice", model.Handoff{Role: role(model.SocialMediaLead), To: "judy", Note: "Point people at the status page; flag anyone big."}),
		do(m(10, 40), "judy", model.Accept{Role: role(model.SocialMediaLead)}),
		do(m(11, 0), "judy", model.Customers{Role: role(model.SocialMediaLead), Channel: model.ChannelSocial, Count: 35}),
		do(m(11, 10), "judy", model.Notable{Role: role(model.SocialMediaLead), Channel: model.ChannelSocial,
			Text: "@shopwatch (80k followers): \"Checkout has been broken for 15 minutes and not a word from them.\""}),
		set(m(11, 30), "dave", 2, model.TaskDone),
		do(m(12, 0), "alice", model.TaskAdd{Title: "Ask the payment provider whether they see failures too"}),
		do(m(13, 20), "bob", model.Log{Kind: model.KindNote, Role: tl("database"), Text: "Deploy 142 went out three minutes before the first errors; it cut the pool size from 50 to 20 per worker."}),
		set(m(14, 0), "bob", 1, model.TaskDone),
		theory(m(14, 20), "bob", 1, model.TheoryConfirmed, "Deploy 142 cut the pool from 50 to 20 per worker; saturation matches the first errors."),
		do(m(14, 30), "alice", model.Log{Kind: model.KindDecision, Text: "Roll back deploy 142 rather than raise the pool size live."}),
		do(m(14, 50), "alice", model.SetStatus{Status: model.Identified}),
		do(m(15, 0), "alice", model.TaskAdd{Title: "Roll back deploy 142", Role: tl("database"), Owner: "bob"}),
		set(m(15, 30), "bob", 4, model.TaskInProgress),
		do(m(16, 0), "alice", model.Handoff{Role: role(model.CustomerSupportLead), To: "grace", Note: "Ticket volume tripled; macro for 'payment failed' is ready."}),
		do(m(16, 30), "grace", model.Accept{Role: role(model.CustomerSupportLead)}),
		do(m(16, 50), "grace", model.Customers{Role: role(model.CustomerSupportLead), Channel: model.ChannelTickets, Count: 212}),
		do(m(16, 55), "grace", model.Customers{Role: role(model.CustomerSupportLead), Channel: model.ChannelCalls, Count: 40}),
		do(m(16, 58), "grace", model.Notable{Role: role(model.CustomerSupportLead), Channel: model.ChannelCalls,
			Text: "Northwind (top-10 account) cannot take card payments in any store; asks for an ETA."}),
		do(m(17, 0), "grace", model.Log{Kind: model.KindNote, Role: role(model.CustomerSupportLead), Text: "212 tickets and 40 calls about failed payments so far."}),
		do(m(18, 30), "erin", model.CommsUpdate{Audience: model.AudienceInternal, Text: "Posted in #incident-checkout: SEV1, cause identified, rollback under way."}),
		do(m(19, 0), "alice", model.TaskAdd{Title: "Draft the customer email for affected orders", Role: comms(model.AudienceExternal)}),
		set(m(20, 0), "carol", 5, model.TaskInProgress),
		do(m(21, 40), "bob", model.Log{Kind: model.KindAction, Role: tl("database"), Text: "Rollback of 142 started on 12 of 12 hosts."}),
		set(m(24, 0), "bob", 4, model.TaskDone),
		do(m(24, 10), "bob", model.Log{Kind: model.KindNote, Role: tl("database"), Text: "Error rate 38% → 4% within two minutes of the rollback."}),
		do(m(24, 40), "bob", model.CAN{Role: tl("database"), Conditions: "Error rate 4% and falling after the rollback.",
			Actions: "Watching pool saturation per host.", Needs: "Someone from payments to confirm card retries are idempotent."}),
		do(m(25, 0), "alice", model.SetStatus{Status: model.Monitoring}),
		do(m(25, 20), "carol", model.CommsUpdate{Audience: model.AudienceExternal, NeedsApproval: true, Text: "Status page: \"The issue is resolved.\""}),
		review(m(25, 40), "alice", "Not resolved yet: we are monitoring. Say a fix is in place."),
		do(m(25, 50), "carol", model.CommsUpdate{Audience: model.AudienceExternal, NeedsApproval: true,
			Text: "Status page: \"A fix is in place and we are monitoring the results.\""}),
		review(m(26, 0), "alice", ""),
		do(m(28, 30), "dave", model.Log{Kind: model.KindNote, Role: tl("network"), Text: "A second spike of 500s on eu-west only; rollback did not reach one canary."}),
		do(m(29, 0), "alice", model.SetStatus{Status: model.Identified}),
		do(m(29, 20), "alice", model.TaskAdd{Title: "Roll back the eu-west canary", Role: tl("network")}),
		set(m(30, 0), "dave", 6, model.TaskInProgress),
		do(m(33, 0), "alice", model.Handoff{Role: role(model.ProblemManager), To: "henry", Note: "Start the review doc; pool config change went in without a load test."}),
		do(m(33, 30), "henry", model.Accept{Role: role(model.ProblemManager)}),
		do(m(34, 0), "henry", model.Log{Kind: model.KindFollowup, Role: role(model.ProblemManager), Text: "Add a load test gate for connection pool changes."}),
		set(m(35, 30), "dave", 6, model.TaskDone),
		do(m(36, 0), "frank", model.Log{Kind: model.KindNote, Role: role(model.Scribe), Text: "All regions under 0.5% errors for ten minutes now."}),
		do(m(38, 0), "alice", model.SetStatus{Status: model.Monitoring}),
		do(m(39, 0), "alice", model.TaskAdd{Title: "Reconcile the orders that failed during the outage", Owner: "grace"}),
		assign(m(40, 0), "alice", 7, role(model.CustomerSupportLead), "grace"),
		do(m(41, 0), "henry", model.Log{Kind: model.KindFollowup, Role: role(model.ProblemManager), Text: "Alert on pool saturation, not only on 5xx."}),
		followUp(m(42, 0), "henry", 0, "henry", 7, "OPS-1432"),
		do(m(43, 0), "bob", model.Handoff{Role: tl("database"), To: "ivan", Note: "Going off shift. Rollback done, DB healthy; watch pool usage for an hour."}),
		do(m(44, 0), "alice", model.TaskAdd{Title: "Check whether the CDN is involved", Role: tl("network")}),
		set(m(44, 30), "dave", 8, model.TaskCancelled),
		do(m(44, 50), "grace", model.Customers{Role: role(model.CustomerSupportLead), Channel: model.ChannelTickets, Count: 3}),
		do(m(45, 0), "grace", model.Log{Kind: model.KindNote, Role: role(model.CustomerSupportLead), Text: "New tickets down to the usual 3 an hour."}),
		do(m(45, 30), "carol", model.CommsUpdate{Audience: model.AudienceExternal, NeedsApproval: true,
			Text: "Status page: \"Payments have worked normally for ten minutes. We keep monitoring and will post again by the hour.\""}),
	}
}
