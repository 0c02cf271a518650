package sample

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/warroom/warroom/model"
)

// Large builds a long incident of about entries timeline entries and tasks
// tasks whose last entry is a little before end, for people who want to
// see warroom on a big incident and for benchmarks. It starts as the
// sample does (Incident), then goes on as a long incident does: a
// monitoring bot posting alerts and recoveries, responders' notes,
// decisions and actions, tasks added, started, finished, cancelled and
// given to others, customer reports counted, updates to each audience on
// their rhythm (the external ones approved), CAN reports, theories, shift
// handoffs (each accepted a minute later) and moves between identified
// and monitoring. Entries are spread
// evenly over the incident, a few seconds apart.
//
// Like Incident it is pure: the choices follow a fixed pseudo-random
// sequence, so the same ids give the same incident. Every change goes
// through State.Apply, handed only the part of the timeline it reads
// (model.Needs), so that building a hundred thousand entries takes
// seconds. An incident smaller than the sample's opening is the sample.
func Large(c *model.Catalog, end time.Time, ids model.IDSource, entries, tasks int) (model.State, error) {
	span := max(scriptLength+time.Hour, time.Duration(entries)*3*time.Second)
	start := end.Add(-span)
	s, taskIDs, err := opening(c, start, ids)
	if err != nil {
		return model.State{}, err
	}
	g := &grower{c: c, ids: ids, s: s, full: s.Timeline, tasks: taskIDs, r: rand.New(rand.NewPCG(42, uint64(entries)))}
	g.keep = keptKinds.Filter(s.Timeline)
	g.s.Timeline = nil
	from := start.Add(scriptLength)
	left := entries - len(g.full)
	if left <= 0 {
		return s, nil
	}
	step := end.Add(-time.Minute).Sub(from) / time.Duration(left)
	now := from
	// What happens on a rhythm rather than at random.
	nextExternal, nextInternal := from, from.Add(10*time.Minute)
	nextCAN, nextTheory, nextShift, nextStatus := from.Add(30*time.Minute), from.Add(time.Hour), from.Add(8*time.Hour), from.Add(3*time.Hour)
	for i := 0; len(g.full) < entries; i++ {
		now = now.Add(step)
		switch {
		case len(g.accepts) > 0 && !now.Before(g.acceptAt):
			err = g.accept(now)
		case !now.Before(nextExternal):
			nextExternal = now.Add(20 * time.Minute)
			err = g.externalUpdate(now)
		case !now.Before(nextInternal):
			nextInternal = now.Add(30 * time.Minute)
			err = g.do(now, "erin", model.CommsUpdate{Audience: "internal", Text: g.pick(internalUpdates)})
		case !now.Before(nextCAN):
			nextCAN = now.Add(30 * time.Minute)
			err = g.can(now)
		case !now.Before(nextTheory):
			nextTheory = now.Add(2 * time.Hour)
			err = g.theory(now)
		case !now.Before(nextShift):
			nextShift = now.Add(8 * time.Hour)
			err = g.shift(now)
		case !now.Before(nextStatus):
			nextStatus = now.Add(4 * time.Hour)
			status := model.Identified
			if g.s.Incident.Status == model.Identified {
				status = model.Monitoring
			}
			err = g.do(now, g.s.Commander(), model.SetStatus{Status: status})
		case len(g.tasks) < tasks && float64(len(g.tasks))/float64(tasks) < float64(len(g.full))/float64(entries):
			err = g.addTask(now)
		default:
			err = g.event(now)
		}
		if err != nil {
			return model.State{}, err
		}
	}
	out := g.s
	out.Timeline = g.full
	if err := out.Check(); err != nil {
		return model.State{}, fmt.Errorf("sample: %w", err)
	}
	return out, nil
}

// keptKinds are the entries the changes Large makes may read: the grower
// keeps them apart so that a change that reads them gets them alone.
var keptKinds = model.CommsKinds.Plus(model.CustomerKinds)

// grower adds to an incident without copying its timeline at each change.
type grower struct {
	c     *model.Catalog
	ids   model.IDSource
	r     *rand.Rand
	s     model.State   // the incident but its timeline
	full  []model.Entry // the timeline
	keep  []model.Entry // the entries of keptKinds
	tasks []string
	seq   int
	// accepts are the handoffs of the last shift change, each accepted by
	// its new holder from acceptAt on.
	accepts  []model.RoleRef
	acceptAt time.Time
	// roles is who holds which role instance, as of held assignments.
	roles map[string]model.RoleRef
	held  int
}

// do applies op as who at now.
func (g *grower) do(now time.Time, who string, op model.Op) error {
	need := model.Needs(op)
	if need.All {
		return fmt.Errorf("sample: %T reads the whole timeline", op)
	}
	for _, k := range need.Kinds {
		if !keptKinds.Has(k) {
			return fmt.Errorf("sample: %T reads %s entries", op, k)
		}
	}
	base := g.s
	base.Timeline = need.Filter(g.keep)
	next, es, err := base.Apply(g.c, op, model.Env{Now: now, Actor: who, Replica: "demo", IDs: g.ids})
	if err != nil {
		return fmt.Errorf("sample: %T at %s: %w", op, now.Format(time.RFC3339), err)
	}
	next.Timeline = nil
	g.s = next
	g.full = append(g.full, es...)
	g.keep = append(g.keep, keptKinds.Filter(es)...)
	for _, e := range es {
		if e.Kind == model.KindTaskAdded {
			g.tasks = append(g.tasks, e.Task)
		}
	}
	return nil
}

func (g *grower) pick(from []string) string { return from[g.r.IntN(len(from))] }

// externalUpdate is a draft by the external communications manager and
// the incident manager's approval.
func (g *grower) externalUpdate(now time.Time) error {
	if err := g.do(now, "carol", model.CommsUpdate{Audience: "external", NeedsApproval: true, Text: g.pick(externalUpdates)}); err != nil {
		return err
	}
	p := g.keepState().PendingUpdates()
	if len(p) == 0 {
		return nil
	}
	return g.do(now.Add(20*time.Second), g.s.Commander(), model.ApproveUpdate{Draft: p[0].ID})
}

// keepState is the incident with the kept entries as its timeline.
func (g *grower) keepState() model.State {
	s := g.s
	s.Timeline = g.keep
	return s
}

func (g *grower) addTask(now time.Time) error {
	g.seq++
	owners := []model.RoleRef{tl("database"), tl("network"), comms("external"), role("customer_support_lead"), {}}
	op := model.TaskAdd{Title: fmt.Sprintf(g.pick(taskTitles), g.pick(services), g.pick(regions)), Role: owners[g.r.IntN(len(owners))]}
	if g.r.IntN(4) == 0 {
		op.Owner = g.pick(responders)
	}
	if g.r.IntN(10) == 0 {
		op.Within = 30 * time.Minute
	}
	return g.do(now, g.s.Commander(), op)
}

// event is one of the many things that happen in a long incident.
func (g *grower) event(now time.Time) error {
	who := g.pick(responders)
	switch n := g.r.IntN(100); {
	case n < 45:
		return g.do(now, "alertbot", model.Log{Text: fmt.Sprintf(g.pick(alerts), g.pick(services), g.pick(regions), 1+g.r.IntN(40), g.r.IntN(10))})
	case n < 60:
		return g.do(now, who, model.Log{Role: g.roleOf(who), Text: fmt.Sprintf(g.pick(notes), g.pick(services), g.pick(regions), g.r.IntN(100))})
	case n < 64:
		return g.do(now, g.s.Commander(), model.Log{Kind: model.KindDecision, Text: fmt.Sprintf(g.pick(decisions), g.pick(services), g.pick(regions))})
	case n < 69:
		return g.do(now, who, model.Log{Kind: model.KindAction, Role: g.roleOf(who), Text: fmt.Sprintf(g.pick(actions), g.pick(services), g.pick(regions))})
	case n < 84 && len(g.tasks) > 0:
		return g.taskEvent(now, who)
	case n < 90:
		ch := model.Channels[g.r.IntN(len(model.Channels))]
		counter := "grace"
		if ch == model.ChannelSocial {
			counter = "judy"
		}
		return g.do(now, counter, model.Customers{Channel: ch, Count: 1 + g.r.IntN(12)})
	}
	return g.do(now, who, model.Log{Text: g.pick(notesShort)})
}

// can is a CAN report by a tech lead.
func (g *grower) can(now time.Time) error {
	ws := []string{"database", "network"}[g.r.IntN(2)]
	who, _ := g.s.Holder(tl(ws))
	return g.do(now, who, model.CAN{Role: tl(ws), Conditions: fmt.Sprintf("Error rate %d.%d%% on %s.", g.r.IntN(9), g.r.IntN(10), g.pick(services)),
		Actions: fmt.Sprintf(g.pick(actions), g.pick(services), g.pick(regions)), Needs: g.pick(needs)})
}

// theory settles the oldest open theory, or states a new one.
func (g *grower) theory(now time.Time) error {
	who, _ := g.s.Holder(tl("database"))
	for _, th := range g.s.Theories {
		if th.State == model.TheoryOpen {
			state := []model.TheoryState{model.TheoryConfirmed, model.TheoryRuledOut}[g.r.IntN(2)]
			return g.do(now, who, model.TheorySet{Theory: th.ID, State: state, Note: "From the dashboards."})
		}
	}
	return g.do(now, who, model.Log{Kind: model.KindTheory, Role: tl("database"), Text: fmt.Sprintf(g.pick(theories), g.pick(services))})
}

// shift hands each tech lead's role to the next person on call.
func (g *grower) shift(now time.Time) error {
	for _, ws := range []string{"database", "network"} {
		holder, _ := g.s.Holder(tl(ws))
		next := g.pick(responders)
		for next == holder {
			next = g.pick(responders)
		}
		if err := g.do(now, g.s.Commander(), model.Handoff{Role: tl(ws), To: next, Note: "Shift change: " + g.pick(notesShort)}); err != nil {
			return err
		}
		g.accepts = append(g.accepts, tl(ws))
	}
	g.acceptAt = now.Add(time.Minute)
	return nil
}

// accept has the new holder of the oldest handoff of the last shift change
// accept it.
func (g *grower) accept(now time.Time) error {
	ref := g.accepts[0]
	g.accepts = g.accepts[1:]
	who, _ := g.s.Holder(ref)
	return g.do(now, who, model.Accept{Role: ref})
}

// taskEvent moves a task on: started, done, cancelled or given to others.
func (g *grower) taskEvent(now time.Time, who string) error {
	id := g.tasks[g.r.IntN(len(g.tasks))]
	t, err := g.s.Task(id)
	if err != nil {
		return err
	}
	var op model.Op
	switch {
	case t.State == model.TaskOpen && g.r.IntN(8) == 0 && (t.Owner != who || t.RoleRef() != tl("network")):
		op = model.TaskAssign{Task: id, Role: tl("network"), Owner: who}
	case t.State == model.TaskOpen:
		op = model.TaskSet{Task: id, State: model.TaskInProgress}
	case t.State == model.TaskInProgress && g.r.IntN(10) == 0:
		op = model.TaskSet{Task: id, State: model.TaskCancelled}
	case t.State == model.TaskInProgress:
		op = model.TaskSet{Task: id, State: model.TaskDone}
	default:
		return g.do(now, "alertbot", model.Log{Text: fmt.Sprintf(g.pick(alerts), g.pick(services), g.pick(regions), 1+g.r.IntN(40), g.r.IntN(10))})
	}
	return g.do(now, who, op)
}

// roleOf is a role instance who holds, if any.
func (g *grower) roleOf(who string) model.RoleRef {
	if g.roles == nil || g.held != len(g.s.Assignments) {
		g.roles, g.held = map[string]model.RoleRef{}, len(g.s.Assignments)
		for _, h := range g.s.Holdings(g.c) {
			if !h.Default {
				g.roles[h.Holder] = h.Ref
			}
		}
	}
	return g.roles[who]
}

var (
	responders = []string{"bob", "dave", "ivan", "frank", "grace", "henry", "kim", "lee"}
	services   = []string{"checkout-api", "orders-db", "payments-gw", "cart", "search", "edge-lb", "auth", "inventory"}
	regions    = []string{"eu-west-1", "eu-central-1", "us-east-1", "us-west-2", "ap-south-1"}
	alerts     = []string{
		"ALERT %s p99 latency over 1s in %s (%d.%ds)",
		"ALERT %s 5xx rate above 2%% in %s: %d.%d%%",
		"RESOLVED %s latency back under threshold in %s after %dm%ds",
		"ALERT %s connection pool at 9%d%% in %s (%d spikes)",
		"WARN %s disk 8%d%% full on a replica in %s (%d)",
	}
	notes = []string{
		"Looked at %s in %s: error rate %d per minute, steady.",
		"Dashboards for %s in %s show the queue draining; %d jobs left.",
		"Asked the %s owners in %s for their recent changes; %d deploys today.",
		"Customers in %s report slow pages on %s; about %d reports.",
	}
	notesShort = []string{"Handing over with notes in the doc.", "Nothing new on my side.", "Back from the call with the vendor.", "Watching the graphs."}
	decisions  = []string{"Freeze deploys of %s until the review; %s stays pinned.", "Fail %s over to the standby in %s.", "Keep %s read-only in %s for the night."}
	actions    = []string{"Restarted %s pods in %s one by one.", "Raised the %s pool limit in %s by a quarter.", "Drained traffic from %s in %s."}
	theories   = []string{"A bad config push to %s exhausts connections.", "Retries from %s amplify the load.", "A noisy neighbour slows %s."}
	needs      = []string{"A DBA on call for the next hour.", "Approval to fail over.", "Someone from the payments vendor."}
	taskTitles = []string{"Check %s logs in %s", "Roll back the last %s deploy in %s", "Add capacity to %s in %s", "Write up what %s did in %s"}

	externalUpdates = []string{
		"Status page: \"We are still working on failed payments at checkout. Next update in 20 minutes.\"",
		"Status page: \"Most payments succeed again; we are monitoring. Next update in 20 minutes.\"",
	}
	internalUpdates = []string{"Posted in #incident-checkout: still SEV1, mitigation in progress.", "Posted in #incident-checkout: stable for now, keep deploys frozen."}
)
