package model

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// holdingRefs lists the role instances of holdings, as ROLE/WORKSTREAM.
func holdingRefs(hs []Holding) string {
	var out []string
	for _, h := range hs {
		out = append(out, h.Ref.String())
	}
	return strings.Join(out, " ")
}

// TestCloseWorkstream (issue 11, item 19): closing a workstream ends it —
// nobody holds it, it leaves the roles, its history stays — and its open
// tasks go back to the role itself with their person, each recorded;
// handing it to someone opens it again.
func TestCloseWorkstream(t *testing.T) {
	f := newFixture(t)
	db, net := ref("tech_lead", "database"), ref("tech_lead", "network")
	f.do("alice", Handoff{Role: db, To: "bob"})
	f.do("alice", Handoff{Role: net, To: "dave"})
	f.do("alice", TaskAdd{Title: "roll back", Role: db})
	f.do("alice", TaskAdd{Title: "check replicas", Role: db, Owner: "bob"})
	f.do("alice", TaskAdd{Title: "done already", Role: db})
	f.do("alice", TaskSet{Task: f.s.Tasks[2].ID, State: TaskDone})
	f.do("alice", TaskSet{Task: f.s.Tasks[1].ID, State: TaskInProgress})
	if got := holdingRefs(f.s.Holdings(f.c)); !strings.Contains(got, "tech_lead/database tech_lead/network communications_manager") {
		t.Fatalf("holdings before %s", got)
	}

	closedAt := f.now
	e := f.do("alice", CloseWorkstream{Role: db, Note: " database is fine again "})
	if len(e) != 3 || e[0].Kind != KindWorkstreamClosed || e[0].RoleRef() != db || e[0].From != "bob" || e[0].Text != "database is fine again" {
		t.Fatalf("entries %+v", e)
	}
	for i, want := range []struct{ task, to, from string }{{f.s.Tasks[0].ID, "", "tech_lead/database"}, {f.s.Tasks[1].ID, "bob", "tech_lead/database bob"}} {
		if x := e[1+i]; x.Kind != KindTaskAssigned || x.Task != want.task || x.RoleRef() != ref("tech_lead", "") || x.To != want.to || x.From != want.from {
			t.Errorf("task entry %d: %+v", i, x)
		}
	}
	for i, want := range []struct {
		ref   RoleRef
		owner string
		state TaskState
	}{{ref("tech_lead", ""), "", TaskOpen}, {ref("tech_lead", ""), "bob", TaskInProgress}, {db, "", TaskDone}} {
		if tk := f.s.Tasks[i]; tk.RoleRef() != want.ref || tk.Owner != want.owner || tk.State != want.state {
			t.Errorf("task %d after the close: %s %q %s", i, tk.RoleRef(), tk.Owner, tk.State)
		}
	}
	if !f.s.WorkstreamClosed(db) || f.s.WorkstreamClosed(net) {
		t.Error("WorkstreamClosed")
	}
	// The role itself now owns open tasks: it is on the list, held by the
	// incident manager; the closed workstream is not, but is in the record.
	got := holdingRefs(f.s.Holdings(f.c))
	if !strings.Contains(got, "tech_lead tech_lead/network communications_manager") || strings.Contains(got, "database") {
		t.Errorf("holdings after the close: %s", got)
	}
	if name, def := f.s.Holder(ref("tech_lead", "")); name != "alice" || !def {
		t.Errorf("the role's holder %q (default %v)", name, def)
	}
	ever := f.s.HoldingsEver(f.c)
	found := false
	for _, h := range ever {
		if h.Ref == db {
			found = true
			if !h.Closed || len(h.History) != 2 || h.History[0].Holder != "bob" || !h.History[0].Until.Equal(closedAt) || !h.History[1].Closed {
				t.Errorf("closed workstream in the record: %+v", h)
			}
		}
	}
	if !found {
		t.Error("HoldingsEver leaves out the closed workstream")
	}
	if ws := f.s.Workstreams("tech_lead"); len(ws) != 1 || ws[0] != net {
		t.Errorf("open workstreams %v", ws)
	}

	// Closed: no tasks for it, no giving it back; closing again changes nothing.
	var conflict *ConflictError
	for _, op := range []Op{TaskAdd{Title: "x", Role: db}, TaskAssign{Task: f.s.Tasks[0].ID, Role: db}, Release{Role: db}} {
		if _, err := f.try("alice", op); !errors.As(err, &conflict) || !strings.Contains(err.Error(), "was closed") {
			t.Errorf("%T on a closed workstream: %v", op, err)
		}
	}
	var u *UnchangedError
	if _, err := f.try("alice", CloseWorkstream{Role: db}); !errors.As(err, &u) {
		t.Errorf("closing twice: %v, want nothing changed", err)
	}

	// Handing it to someone opens it again.
	f.do("alice", Handoff{Role: db, To: "carol"})
	if f.s.WorkstreamClosed(db) || !strings.Contains(holdingRefs(f.s.Holdings(f.c)), "tech_lead/database") {
		t.Error("a handoff did not open the workstream again")
	}
	if name, def := f.s.Holder(db); name != "carol" || def {
		t.Errorf("holder after reopening %q", name)
	}

	// Once every workstream is closed, the role itself is on the list.
	f.do("alice", CloseWorkstream{Role: db})
	f.do("alice", CloseWorkstream{Role: net})
	f.do("alice", TaskSet{Task: f.s.Tasks[0].ID, State: TaskDone})
	f.do("alice", TaskSet{Task: f.s.Tasks[1].ID, State: TaskDone})
	if got := holdingRefs(f.s.Holdings(f.c)); !strings.Contains(got, "incident_manager tech_lead communications_manager") {
		t.Errorf("holdings with every workstream closed: %s", got)
	}
}

// TestCloseWorkstreamRefusals: what is not an open workstream is refused
// with what would be, and changes nothing.
func TestCloseWorkstreamRefusals(t *testing.T) {
	f := newFixture(t)
	f.do("alice", Handoff{Role: ref("tech_lead", "database"), To: "bob"})
	before := len(f.s.Timeline)
	for _, c := range []struct {
		op   CloseWorkstream
		says string
	}{
		{CloseWorkstream{}, "no role given"},
		{CloseWorkstream{Role: ref("tech_lead", "")}, "no workstream given; valid: tech_lead/database; only a workstream closes"},
		{CloseWorkstream{Role: ref("scribe", "")}, "no workstream given; valid: (Scribe has no open workstreams)"},
		{CloseWorkstream{Role: ref("tech_lead", "network")}, `unknown workstream "tech_lead/network"; valid: tech_lead/database`},
		{CloseWorkstream{Role: ref("nope", "x")}, `unknown role "nope"`},
		{CloseWorkstream{Role: ref(IncidentManager, "x")}, "there is one incident manager"},
		{CloseWorkstream{Role: ref("tech_lead", "database"), Note: strings.Repeat("x", MaxEntry+1)}, "at most 4000"},
	} {
		_, err := f.try("alice", c.op)
		if err == nil || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%+v: %v, want %q", c.op, err, c.says)
		}
	}
	if len(f.s.Timeline) != before {
		t.Error("a refused close wrote to the timeline")
	}
}

// TestMergeCloseWorkstreamWithATaskAddedApart: one copy closes a
// workstream while another gives it a task; merged, the task is not lost
// from sight: the closed workstream stays on the list while it has open
// tasks. Copies that closed and handed it apart agree on the later.
func TestMergeCloseWorkstreamWithATaskAddedApart(t *testing.T) {
	f := newFixture(t)
	db := ref("tech_lead", "database")
	f.do("alice", Handoff{Role: db, To: "bob"})
	base := f.s
	a := apart(t, base, CloseWorkstream{Role: db}, "alice", "a", 10*time.Minute)
	b := apart(t, base, TaskAdd{Title: "check replicas", Role: db}, "bob", "b", 11*time.Minute)
	for _, m := range []State{mustMerge(t, a, b), mustMerge(t, b, a)} {
		var h *Holding
		for _, x := range m.Holdings(f.c) {
			if x.Ref == db {
				h = &x
			}
		}
		if h == nil || !h.Closed || !h.Default {
			t.Errorf("merged: the closed workstream with an open task is not listed: %+v", h)
		}
	}
	c := apart(t, base, Handoff{Role: db, To: "carol"}, "carol", "c", 12*time.Minute)
	for _, m := range []State{mustMerge(t, a, c), mustMerge(t, c, a)} {
		if m.WorkstreamClosed(db) {
			t.Error("merged: the later handoff did not win over the earlier close")
		}
	}
}
