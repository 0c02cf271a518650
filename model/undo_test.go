package model

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/warroom/warroom/model/i18n"
)

// undoView is what an undo must bring back as it was: the incident's
// fields and policy, who holds what, the tasks and their credit, the
// theories, the follow-ups, the key moments, the milestones and the
// logged entries not taken back.
func undoView(c *Catalog, s State) string {
	var b strings.Builder
	in := s.Incident
	fmt.Fprintf(&b, "incident %q %s %s %q\npolicy %+v\n", in.Title, in.Severity, in.Status, strings.TrimSpace(in.Summary), s.Policy())
	for _, h := range s.Holdings(c) {
		fmt.Fprintf(&b, "role %s: %s default=%v\n", h.Ref, h.Holder, h.Default)
	}
	for _, t := range s.Tasks {
		fmt.Fprintf(&b, "task %s %s %s %q closed by %q as %q\n", t.ID, t.State, t.RoleRef(), t.Owner, t.ClosedBy, t.ClosedAs)
	}
	for _, th := range s.Theories {
		fmt.Fprintf(&b, "theory %s %s\n", th.ID, th.State)
	}
	for _, f := range s.FollowUps {
		fmt.Fprintf(&b, "follow-up %s done=%v %q %q %q\n", f.ID, f.Done, f.Owner, f.Due, f.Ticket)
	}
	pinned := s.PinnedIDs()
	for _, id := range slices.Sorted(func(yield func(string) bool) {
		for id := range pinned {
			if !yield(id) {
				return
			}
		}
	}) {
		fmt.Fprintf(&b, "pinned %s\n", id)
	}
	for _, m := range Milestones {
		if e, ok := s.Milestones()[m]; ok {
			fmt.Fprintf(&b, "milestone %s at %s\n", m, e.At.Format(time.RFC3339))
		}
	}
	undone := s.undone()
	for _, e := range s.Timeline {
		if slices.Contains(LogKinds, e.Kind) && !undone[e.ID] {
			fmt.Fprintf(&b, "logged %s %s %q\n", e.ID, e.Kind, e.Text)
		}
	}
	return b.String()
}

// undoCase is one kind of change and what undoing it does.
type undoCase struct {
	name  string // the op's type, as the source names it
	actor string // who makes the change and undoes it: alice when empty
	// prepare brings the incident to where the change is made, as others.
	prepare func(f *fixture)
	// op is the change; nil for the declaration the fixture made.
	op func(f *fixture) Op
	// byID undoes the change by its entry's id rather than as the
	// actor's latest change.
	byID bool
	// never, when set, is part of the reason the change cannot be undone.
	never string
	// check, when set, says what the undo left, in place of comparing it
	// with the incident before the change.
	check func(f *fixture, e Entry) error
}

func op(o Op) func(*fixture) Op { return func(*fixture) Op { return o } }

// lastOf is the newest entry of kind.
func lastOf(f *fixture, k Kind) Entry {
	for i := len(f.s.Timeline) - 1; i >= 0; i-- {
		if f.s.Timeline[i].Kind == k {
			return f.s.Timeline[i]
		}
	}
	f.t.Fatalf("no %s entry", k)
	return Entry{}
}

var (
	scribe = ref("scribe", "")
	tl     = ref("tech_lead", "")
)

// addTask adds a task as bob and returns its id.
func addTask(f *fixture, role RoleRef) string {
	return f.do("bob", TaskAdd{Title: "roll back", Role: role})[0].Task
}

var undoCases = []undoCase{
	{name: "Declare", never: "declaring the incident cannot be undone"},
	{name: "Log", op: op(Log{Text: "checked the dashboards"})},
	{name: "Log", op: op(Log{Kind: KindDecision, Text: "roll back", At: t0.Add(-time.Minute)})},
	{name: "Log", op: op(Log{Kind: KindTheory, Text: "the pool is exhausted"}), check: takenBack},
	{name: "Log", op: op(Log{Kind: KindFollowup, Text: "alert on the pool"}), check: takenBack},
	{name: "Mark", op: op(Mark{Milestone: MilestoneImpact, At: t0.Add(-5 * time.Minute)})},
	{name: "Mark", prepare: func(f *fixture) { f.do("bob", Mark{Milestone: MilestoneDetected, At: t0}) },
		op: op(Mark{Milestone: MilestoneDetected, At: t0.Add(time.Minute)})},
	{name: "Pin", prepare: func(f *fixture) { f.do("bob", Log{Text: "rolled back"}) },
		op: func(f *fixture) Op { return Pin{Entry: lastOf(f, KindNote).ID} }},
	{name: "Pin", prepare: func(f *fixture) {
		f.do("bob", Log{Text: "rolled back"})
		f.do("bob", Pin{Entry: lastOf(f, KindNote).ID})
	},
		op: func(f *fixture) Op { return Pin{Entry: lastOf(f, KindNote).ID, Unpin: true} }},
	{name: "TaskAdd", op: op(TaskAdd{Title: "page the db team", Role: tl, Owner: "zoe"}),
		check: func(f *fixture, e Entry) error {
			if task, _ := f.s.Task(e.Task); task.State != TaskCancelled {
				return fmt.Errorf("task %s is %s, want cancelled", task.ID, task.State)
			}
			return nil
		}},
	{name: "TaskSet", prepare: func(f *fixture) { addTask(f, tl) },
		op: func(f *fixture) Op { return TaskSet{Task: f.s.Tasks[0].ID, State: TaskInProgress} }},
	{name: "TaskSet", prepare: func(f *fixture) { addTask(f, tl) },
		op: func(f *fixture) Op { return TaskSet{Task: f.s.Tasks[0].ID, State: TaskDone} }},
	// Reopening a task bob closed as tech lead, undone: the task is
	// credited to bob again, as tech lead, though he holds it no more.
	{name: "TaskSet", prepare: func(f *fixture) {
		f.do("alice", Handoff{Role: tl, To: "bob"})
		f.do("bob", TaskSet{Task: addTask(f, tl), State: TaskDone})
		f.do("alice", Handoff{Role: tl, To: "carol"})
	}, op: func(f *fixture) Op { return TaskSet{Task: f.s.Tasks[0].ID, State: TaskOpen} }},
	{name: "TaskSet", prepare: func(f *fixture) { f.do("bob", TaskSet{Task: addTask(f, scribe), State: TaskCancelled}) },
		op: func(f *fixture) Op { return TaskSet{Task: f.s.Tasks[0].ID, State: TaskInProgress} }},
	{name: "TaskAssign", prepare: func(f *fixture) { addTask(f, tl) },
		op: func(f *fixture) Op { return TaskAssign{Task: f.s.Tasks[0].ID, Role: scribe, Owner: "carol"} }},
	{name: "TaskAssign", prepare: func(f *fixture) {
		f.do("bob", TaskAssign{Task: addTask(f, tl), Owner: "dave"})
	}, op: func(f *fixture) Op { return TaskAssign{Task: f.s.Tasks[0].ID} }},
	{name: "Handoff", op: op(Handoff{Role: scribe, To: "zoe", Note: "take notes"})},
	{name: "Handoff", prepare: func(f *fixture) { f.do("bob", Handoff{Role: scribe, To: "frank"}) },
		op: op(Handoff{Role: scribe, To: "zoe"})},
	{name: "Handoff", op: op(Handoff{Role: ref("tech_lead", "cache"), To: "zoe"})},
	{name: "Handoff", prepare: func(f *fixture) {
		f.do("bob", Handoff{Role: ref("tech_lead", "db"), To: "dave"})
		f.do("bob", CloseWorkstream{Role: ref("tech_lead", "db")})
	}, op: op(Handoff{Role: ref("tech_lead", "db"), To: "zoe"})},
	{name: "Handoff", op: op(Handoff{Role: ref(IncidentManager, ""), To: "bob"})},
	{name: "Release", prepare: func(f *fixture) { f.do("bob", Handoff{Role: scribe, To: "frank"}) },
		op: op(Release{Role: scribe})},
	{name: "Retract", prepare: func(f *fixture) { f.do("bob", Log{Text: "wrong window"}) },
		op: func(f *fixture) Op { return Retract{Entry: lastOf(f, KindNote).ID} }, byID: true,
		never: "taking an entry back cannot be undone"},
	{name: "SetStatus", op: op(SetStatus{Status: Identified})},
	{name: "SetStatus", prepare: func(f *fixture) { f.do("bob", SetStatus{Status: Monitoring}) },
		op: op(SetStatus{Status: Investigating})},
	{name: "SetSeverity", op: op(SetSeverity{Severity: Sev2})},
	{name: "SetSeverity", op: op(SetSeverity{Severity: SevUnset})},
	// A rise of the severity that applied a runbook takes the severity
	// back; the runbook stays applied, its tasks the team's.
	{name: "WithRunbooks", prepare: func(f *fixture) { f.do("alice", SetSeverity{Severity: Sev3}) },
		op: op(WithRunbooks{Op: SetSeverity{Severity: Sev1}, Runbooks: []Runbook{{Name: "Major", Steps: []RunbookStep{{Note: "bridge open"}}}}}),
		check: func(f *fixture, _ Entry) error {
			if f.s.Incident.Severity != Sev3 || len(f.s.RunbooksApplied()) != 1 {
				return fmt.Errorf("severity %v, runbooks applied %d; want SEV3 and the runbook still applied", f.s.Incident.Severity, len(f.s.RunbooksApplied()))
			}
			return nil
		}},
	{name: "ApplyRunbook", op: op(ApplyRunbook{Runbook: Runbook{Name: "Major", Steps: []RunbookStep{{Note: "bridge open"}}}}),
		never: "a runbook applied cannot be undone"},
	{name: "SetTitle", op: op(SetTitle{Title: "Card payments failing"})},
	{name: "SetSummary", op: op(SetSummary{Summary: "Card payments only."})},
	{name: "SetSummary", prepare: func(f *fixture) { f.do("bob", SetSummary{Summary: "Card payments only."}) },
		op: op(SetSummary{Summary: ""})},
	{name: "SetPolicy", op: op(SetPolicy{Rule: "sev1.external", Value: "15m"})},
	{name: "SetPolicy", op: op(SetPolicy{Rule: "approval.external", Value: "on"})},
	{name: "SetPolicy", op: op(SetPolicy{Rule: "bots", Value: "pagerbot, deploybot"})},
	{name: "SetPolicy", op: op(SetPolicy{Rule: "external_by", Value: "anyone"})},
	{name: "SetPolicy", prepare: func(f *fixture) { f.do("alice", SetPolicy{Rule: "external_by", Value: "anyone"}) },
		op: op(SetPolicy{Rule: "external_by", Value: "comms"})},
	{name: "CAN", op: op(CAN{Conditions: "errors at 40%", Actions: "rolling back", Needs: "db team"}),
		never: "a CAN report cannot be undone"},
	{name: "CommsUpdate", op: op(CommsUpdate{Audience: AudienceExternal, Text: "We are looking into it."}),
		never: "an update that went out cannot be taken back; send a correction"},
	{name: "CommsUpdate", actor: "carol", op: op(CommsUpdate{Audience: AudienceExternal, Text: "Fixed?", NeedsApproval: true}),
		never: "a draft cannot be taken back"},
	{name: "ApproveUpdate", prepare: func(f *fixture) {
		f.do("carol", CommsUpdate{Audience: AudienceExternal, Text: "Investigating.", NeedsApproval: true})
	}, op: func(f *fixture) Op { return ApproveUpdate{Draft: lastOf(f, KindCommsDraft).ID} },
		never: "an update that went out cannot be taken back"},
	{name: "RejectUpdate", prepare: func(f *fixture) {
		f.do("carol", CommsUpdate{Audience: AudienceExternal, Text: "Fixed!", NeedsApproval: true})
	}, op: func(f *fixture) Op { return RejectUpdate{Draft: lastOf(f, KindCommsDraft).ID, Reason: "not yet"} },
		never: "sending a draft back cannot be undone"},
	{name: "Customers", op: op(Customers{Channel: ChannelTickets, Count: 25}), never: "a count of customer reports cannot be undone"},
	{name: "Notable", op: op(Notable{Channel: ChannelSocial, Text: "a journalist asks"}), never: "a customer report cannot be undone"},
	{name: "Notable", op: op(Notable{Channel: ChannelCalls, Text: "Northwind called"}), never: "a customer report cannot be undone"},
	{name: "TheorySet", prepare: func(f *fixture) { f.do("bob", Log{Kind: KindTheory, Text: "the pool"}) },
		op: func(f *fixture) Op {
			return TheorySet{Theory: f.s.Theories[0].ID, State: TheoryConfirmed, Note: "graphs"}
		}},
	{name: "TheorySet", prepare: func(f *fixture) {
		f.do("bob", Log{Kind: KindTheory, Text: "the pool"})
		f.do("bob", TheorySet{Theory: f.s.Theories[0].ID, State: TheoryRuledOut})
	}, op: func(f *fixture) Op { return TheorySet{Theory: f.s.Theories[0].ID, State: TheoryOpen} }},
	{name: "FollowUpSet", prepare: func(f *fixture) { f.do("bob", Log{Kind: KindFollowup, Text: "alert on the pool"}) },
		op: func(f *fixture) Op { return FollowUpSet{FollowUp: f.s.FollowUps[0].ID, Done: true} }},
	{name: "FollowUpDetails", prepare: func(f *fixture) { f.do("bob", Log{Kind: KindFollowup, Text: "alert on the pool"}) },
		op:    func(f *fixture) Op { return FollowUpDetails{FollowUp: f.s.FollowUps[0].ID, Owner: "dave"} },
		never: "a follow-up's owner, due date and ticket cannot be undone"},
	{name: "CloseWorkstream", prepare: func(f *fixture) { f.do("bob", Handoff{Role: ref("tech_lead", "db"), To: "dave"}) },
		op: op(CloseWorkstream{Role: ref("tech_lead", "db")}), never: "closing a workstream cannot be undone"},
	{name: "Accept", actor: "bob", prepare: func(f *fixture) { f.do("alice", Handoff{Role: scribe, To: "bob"}) },
		op: op(Accept{Role: scribe}), never: "answering a handoff cannot be undone"},
	{name: "Decline", actor: "bob", prepare: func(f *fixture) { f.do("alice", Handoff{Role: scribe, To: "bob"}) },
		op: op(Decline{Role: scribe, Reason: "off shift"}), never: "answering a handoff cannot be undone"},
	{name: "HookRan", op: op(HookRan{Event: HookEvent("severity"), Command: "./page.sh", Outcome: HookOK}), byID: true,
		never: "warroom wrote it"},
	{name: "TimeBoxExpired", prepare: func(f *fixture) {
		f.do("bob", TaskAdd{Title: "check the provider", Within: time.Minute})
		f.now = f.now.Add(2 * time.Minute)
	}, op: func(f *fixture) Op { return TimeBoxExpired{Task: f.s.Tasks[0].ID} }, byID: true, never: "warroom wrote it"},
	{name: "Undo", prepare: func(f *fixture) { f.do("alice", Log{Text: "wrong window"}) },
		op: op(Undo{}), byID: true, never: "undoes a change; to have that change again, make it again"},
}

// takenBack checks that the change's entry is taken back.
func takenBack(f *fixture, e Entry) error {
	if !f.s.undone()[e.ID] {
		return fmt.Errorf("entry %s is not taken back", e.ID)
	}
	return nil
}

// TestUndoEveryOp makes each kind of change and undoes it: the incident
// is as it was before (the tasks, roles, credit, policy and marks), every
// entry the undo wrote names the change it undoes, and a change that
// cannot be undone is refused, saying why, and changes nothing.
func TestUndoEveryOp(t *testing.T) {
	for i, c := range undoCases {
		t.Run(fmt.Sprintf("%d_%s", i, c.name), func(t *testing.T) {
			f := newFixture(t)
			actor := c.actor
			if actor == "" {
				actor = "alice"
			}
			if c.prepare != nil {
				c.prepare(f)
			}
			before := undoView(f.c, f.s)
			first := f.s.Timeline[0] // the declaration
			if c.op != nil {
				o := c.op(f)
				if got := fmt.Sprintf("%T", o); got != "model."+c.name {
					t.Fatalf("the case for %s makes a %s", c.name, got)
				}
				if _, ok := o.(Undo); !ok {
					before = undoView(f.c, f.s)
				}
				first = f.do(actor, o)[0]
			}
			done := clone(f.s)
			undo := Undo{}
			if c.byID {
				undo.Entry = first.ID
			}
			entries, err := f.try(actor, undo)
			if c.never != "" {
				var ce *ConflictError
				if !errors.As(err, &ce) || !strings.Contains(err.Error(), c.never) {
					t.Fatalf("undo of %s: %v, want it refused: %s", first.Kind, err, c.never)
				}
				if len(f.s.Timeline) != len(done.Timeline) {
					t.Error("a refused undo wrote entries")
				}
				return
			}
			if err != nil {
				t.Fatalf("undo of %s: %v", first.Kind, err)
			}
			for _, e := range entries {
				if e.Undoes != first.ID {
					t.Errorf("entry %s (%s) undoes %q, want %s", e.ID, e.Kind, e.Undoes, first.ID)
				}
			}
			if c.check != nil {
				if err := c.check(f, first); err != nil {
					t.Error(err)
				}
			} else if after := undoView(f.c, f.s); after != before {
				t.Errorf("undo of %s left\n%s\nwant\n%s", first.Kind, after, before)
			}
			// Undone, the change is not the actor's latest any more, and
			// neither is the undo.
			if e, ok := f.s.LatestChange(actor); ok && (e.ID == first.ID || e.Undoes != "") {
				t.Errorf("the latest change after the undo is %s (%s)", e.ID, e.Kind)
			}
		})
	}
}

// TestUndoCoversEveryOp: every kind of change the model knows — every
// type with an apply method — has a case in undoCases, so that a new op
// cannot go without deciding how it is undone, or why it cannot be.
func TestUndoCoversEveryOp(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var ops []string
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range file.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Name.Name != "apply" || fn.Recv == nil || len(fn.Recv.List) != 1 {
				continue
			}
			if id, ok := fn.Recv.List[0].Type.(*ast.Ident); ok {
				ops = append(ops, id.Name)
			}
		}
	}
	if len(ops) < 29 {
		t.Fatalf("found %d ops in the source: %v", len(ops), ops)
	}
	for _, name := range ops {
		if !slices.ContainsFunc(undoCases, func(c undoCase) bool { return c.name == name }) {
			t.Errorf("%s has no case in undoCases: say how undo takes it back, or why it cannot (undoers)", name)
		}
	}
}

// TestUndoCoversEveryKind: every kind of entry has an undoer or a reason
// it cannot be undone.
func TestUndoCoversEveryKind(t *testing.T) {
	for _, k := range append(slices.Clone(LogKinds), SystemKinds...) {
		u, ok := undoers[k]
		if !ok || (u.undo == nil) == (u.never.Format == "") {
			t.Errorf("kind %s: give undoers an undo or the reason it cannot be undone, one of the two", k)
		}
	}
}

// TestUndoRefusesWhatOthersBuiltOn: a change that someone changed
// further since is not undone; the refusal names who changed it, and
// when, and says what to do.
func TestUndoRefusesWhatOthersBuiltOn(t *testing.T) {
	for _, c := range []struct {
		name   string
		mine   func(f *fixture) Op
		theirs func(f *fixture, mine Entry)
		want   string
	}{
		{"a task started, then done", func(f *fixture) Op { return TaskSet{Task: addTask(f, tl), State: TaskInProgress} },
			func(f *fixture, e Entry) { f.do("bob", TaskSet{Task: e.Task, State: TaskDone}) }, "task %s has changed since, by bob"},
		{"a task added, then given", func(f *fixture) Op { return TaskAdd{Title: "page"} },
			func(f *fixture, e Entry) { f.do("bob", TaskAssign{Task: e.Task, Owner: "dave"}) }, "task %s has changed since, by bob"},
		{"a task given, then given again", func(f *fixture) Op { return TaskAssign{Task: addTask(f, tl), Owner: "carol"} },
			func(f *fixture, e Entry) { f.do("bob", TaskAssign{Task: e.Task, Owner: "dave"}) }, "task %s has changed since, by bob"},
		{"a role handed, then declined", func(*fixture) Op { return Handoff{Role: scribe, To: "zoe"} },
			func(f *fixture, _ Entry) { f.do("zoe", Decline{Role: scribe, Reason: "off shift"}) }, "Scribe has changed since, by zoe"},
		{"a role given back, then handed", func(f *fixture) Op { f.do("bob", Handoff{Role: scribe, To: "frank"}); return Release{Role: scribe} },
			func(f *fixture, _ Entry) { f.do("bob", Handoff{Role: scribe, To: "zoe"}) }, "Scribe has changed since, by bob"},
		{"the status", func(*fixture) Op { return SetStatus{Status: Identified} },
			func(f *fixture, _ Entry) { f.do("bob", SetStatus{Status: Monitoring}) }, "the status has changed since, by bob"},
		{"the severity", func(*fixture) Op { return SetSeverity{Severity: Sev2} },
			func(f *fixture, _ Entry) { f.do("bob", SetSeverity{Severity: Sev3}) }, "the severity has changed since, by bob"},
		{"the title", func(*fixture) Op { return SetTitle{Title: "Payments"} },
			func(f *fixture, _ Entry) { f.do("bob", SetTitle{Title: "Card payments"}) }, "the title has changed since, by bob"},
		{"the summary", func(*fixture) Op { return SetSummary{Summary: "Cards."} },
			func(f *fixture, _ Entry) { f.do("bob", SetSummary{Summary: "Cards only."}) }, "the summary has changed since, by bob"},
		{"a pin", func(f *fixture) Op { return Pin{Entry: f.do("bob", Log{Text: "rolled back"})[0].ID} },
			func(f *fixture, e Entry) { f.do("bob", Pin{Entry: e.Entry, Unpin: true}) }, "entry %s has changed since, by bob"},
		{"a theory confirmed", func(f *fixture) Op {
			f.do("bob", Log{Kind: KindTheory, Text: "the pool"})
			return TheorySet{Theory: f.s.Theories[0].ID, State: TheoryConfirmed}
		}, func(f *fixture, e Entry) { f.do("bob", TheorySet{Theory: e.Theory, State: TheoryRuledOut}) }, "theory %s has changed since, by bob"},
		{"a theory stated", func(*fixture) Op { return Log{Kind: KindTheory, Text: "the pool"} },
			func(f *fixture, e Entry) { f.do("bob", TheorySet{Theory: e.Theory, State: TheoryConfirmed}) }, "theory %s has changed since, by bob"},
		{"a follow-up done", func(f *fixture) Op {
			f.do("bob", Log{Kind: KindFollowup, Text: "alert"})
			return FollowUpSet{FollowUp: f.s.FollowUps[0].ID, Done: true}
		}, func(f *fixture, e Entry) { f.do("bob", FollowUpSet{FollowUp: e.FollowUp}) }, "follow-up %s has changed since, by bob"},
		{"a follow-up noted", func(*fixture) Op { return Log{Kind: KindFollowup, Text: "alert"} },
			func(f *fixture, e Entry) { f.do("bob", FollowUpDetails{FollowUp: e.FollowUp, Owner: "dave"}) }, "follow-up %s has changed since, by bob"},
		{"a rule of the policy", func(*fixture) Op { return SetPolicy{Rule: "sev1.external", Value: "15m"} },
			func(f *fixture, _ Entry) {
				f.do("alice", Handoff{Role: ref(IncidentManager, ""), To: "bob"})
				f.do("bob", SetPolicy{Rule: "sev1.external", Value: "20m"})
			}, "the policy's sev1.external has changed since, by bob"},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := newFixture(t)
			mine := f.do("alice", c.mine(f))[0]
			c.theirs(f, mine)
			at := f.now
			before := len(f.s.Timeline)
			_, err := f.try("alice", Undo{Entry: mine.ID})
			want := c.want
			if strings.Contains(want, "%s") {
				id := mine.Task
				for _, v := range []string{mine.Entry, mine.Theory, mine.FollowUp} {
					if v != "" {
						id = v
					}
				}
				want = fmt.Sprintf(want, id)
			}
			var ce *ConflictError
			if !errors.As(err, &ce) || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "make the change you want by hand") {
				t.Fatalf("undo: %v, want it refused: %s …", err, want)
			}
			if !strings.Contains(err.Error(), at.Add(-time.Minute).UTC().Format("15:04 MST")) {
				t.Errorf("the refusal does not say when it changed: %v", err)
			}
			if len(f.s.Timeline) != before {
				t.Error("a refused undo wrote entries")
			}
		})
	}
}

// TestUndoRefusesWhatTheInverseRefuses: a change whose reverse its author
// may no longer make — the policy, once the incident manager is someone
// else — is refused with the reason, named as the change undone.
func TestUndoRefusesWhatTheInverseRefuses(t *testing.T) {
	f := newFixture(t)
	policy := f.do("alice", SetPolicy{Rule: "sev1.external", Value: "15m"})[0]
	f.do("alice", Handoff{Role: ref(IncidentManager, ""), To: "bob"})
	_, err := f.try("alice", Undo{Entry: policy.ID})
	if err == nil || !strings.Contains(err.Error(), "cannot undo the policy rule sev1.external: only the incident manager, bob") {
		t.Errorf("undo of the policy by a former incident manager: %v", err)
	}
	if es := Explain(err, i18n.Spanish); !strings.Contains(es, "no se puede deshacer la regla sev1.external de la política") {
		t.Errorf("in Spanish: %s", es)
	}
}

// TestUndoIsYourOwn: only a change's author undoes it; a change undone
// once, undone again, changes nothing; with nothing left, undo changes
// nothing; an entry id no entry has is bad input.
func TestUndoIsYourOwn(t *testing.T) {
	f := newFixture(t)
	note := f.do("bob", Log{Text: "rolled back"})[0]
	var ce *ConflictError
	if _, err := f.try("alice", Undo{Entry: note.ID}); !errors.As(err, &ce) || !strings.Contains(err.Error(), "is a change of bob's; only they can undo it") {
		t.Errorf("alice undoing bob's note: %v", err)
	}
	f.do("Bob", Undo{Entry: note.ID}) // the author in any case
	var ue *UnchangedError
	if _, err := f.try("bob", Undo{Entry: note.ID}); !errors.As(err, &ue) || !strings.Contains(err.Error(), "was undone already") {
		t.Errorf("undoing twice: %v", err)
	}
	if _, err := f.try("carol", Undo{}); !errors.As(err, &ue) || !strings.Contains(err.Error(), "nothing to undo: carol has no change here left to undo") {
		t.Errorf("carol, who changed nothing: %v", err)
	}
	var ie *InvalidError
	if _, err := f.try("alice", Undo{Entry: "e-nope"}); !errors.As(err, &ie) {
		t.Errorf("an unknown entry: %v", err)
	}
}

// TestLatestChange: undo with no entry takes back the actor's latest
// change — passing over hook runs warroom recorded for them, undos and
// what was undone, so that undo again goes further back — but never an
// earlier change in place of one that cannot be undone.
func TestLatestChange(t *testing.T) {
	f := newFixture(t)
	first := f.do("alice", Log{Text: "first"})[0]
	second := f.do("alice", Log{Text: "second"})[0]
	f.do("bob", Log{Text: "bob's"})
	f.do("alice", HookRan{Event: HookEvent("severity"), Command: "./page.sh", Outcome: HookOK})
	if e, _ := f.s.LatestChange("alice"); e.ID != second.ID {
		t.Fatalf("latest change %s (%s), want the second note", e.ID, e.Kind)
	}
	f.do("alice", Undo{})
	if e, _ := f.s.LatestChange("ALICE"); e.ID != first.ID {
		t.Fatalf("after one undo, the latest change is %s (%s), want the first note", e.ID, e.Kind)
	}
	f.do("alice", CommsUpdate{Audience: AudienceExternal, Text: "Investigating."})
	if _, err := f.try("alice", Undo{}); err == nil || !strings.Contains(err.Error(), "went out") {
		t.Errorf("undo after an update went out: %v", err)
	}
	if f.s.undone()[first.ID] {
		t.Error("undo took back an earlier note in place of the update")
	}
	if _, err := f.try("alice", Undo{Entry: first.ID}); err != nil {
		t.Errorf("the earlier note, named: %v", err)
	}
}

// TestUndoPartOfAChange: the tasks a closed workstream gave back are part
// of its closing, which is the change.
func TestUndoPartOfAChange(t *testing.T) {
	f := newFixture(t)
	db := ref("tech_lead", "db")
	f.do("alice", Handoff{Role: db, To: "dave"})
	addTask(f, db)
	entries := f.do("alice", CloseWorkstream{Role: db})
	if len(entries) != 2 || entries[1].Kind != KindTaskAssigned {
		t.Fatalf("closing wrote %+v", entries)
	}
	if e, _ := f.s.LatestChange("alice"); e.ID != entries[0].ID {
		t.Errorf("the latest change is %s (%s), want the closing", e.ID, e.Kind)
	}
	_, err := f.try("alice", Undo{Entry: entries[1].ID})
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("is part of the change entry %s starts", entries[0].ID)) {
		t.Errorf("undo of a task the closing gave back: %v", err)
	}
}

// TestUndoSummaryOfAnOlderFile: a summary entry written before entries
// recorded the summary before them is undone to the summary the entry
// before it set.
func TestUndoSummaryOfAnOlderFile(t *testing.T) {
	f := newFixture(t)
	f.do("bob", SetSummary{Summary: "Cards."})
	e := f.do("alice", SetSummary{Summary: "Cards only."})[0]
	for i := range f.s.Timeline {
		if f.s.Timeline[i].ID == e.ID {
			f.s.Timeline[i].From = "" // as an older build wrote it
		}
	}
	f.do("alice", Undo{})
	if got := f.s.Incident.Summary; got != "Cards." {
		t.Errorf("summary %q, want the one before", got)
	}
}
