package model

import "testing"

// TestClosedTaskIsCreditedToWhoClosedIt (issue 20, item 1): bob, tech
// lead, completes a task; the role goes on to frank, who accepts: the
// task stays bob's, as tech lead, while an open task of the role is
// frank's. Reopening it clears the credit; a task someone else owned is
// credited to who closed it, as the role they held.
func TestClosedTaskIsCreditedToWhoClosedIt(t *testing.T) {
	f := newFixture(t)
	tl := ref("tech_lead", "")
	f.do("alice", Handoff{Role: tl, To: "bob"})
	f.do("bob", Accept{Role: tl})
	roll := f.do("alice", TaskAdd{Title: "Roll back deploy 311", Role: tl})[0].Task
	open := f.do("alice", TaskAdd{Title: "Watch the error rate", Role: tl})[0].Task
	page := f.do("alice", TaskAdd{Title: "Page the payments team", Owner: "erin"})[0].Task
	f.do("bob", TaskSet{Task: roll, State: TaskDone})
	f.do("bob", TaskSet{Task: page, State: TaskCancelled})
	f.do("bob", Handoff{Role: tl, To: "frank"})
	f.do("frank", Accept{Role: tl})

	credit := func(id string) (RoleRef, string) {
		t.Helper()
		task, err := f.s.Task(id)
		if err != nil {
			t.Fatal(err)
		}
		return f.s.TaskCredit(task)
	}
	for _, c := range []struct {
		task   string
		ref    RoleRef
		person string
	}{
		{roll, tl, "bob"},
		{page, tl, "bob"},
		{open, tl, "frank"},
	} {
		if ref, who := credit(c.task); ref != c.ref || who != c.person {
			t.Errorf("task %s credited to %v (%s), want %v (%s)", c.task, ref, who, c.ref, c.person)
		}
	}
	if task, _ := f.s.Task(roll); task.ClosedBy != "bob" || task.ClosedAs != "tech_lead" {
		t.Errorf("closed by %q as %q, want bob as tech_lead", task.ClosedBy, task.ClosedAs)
	}

	// The incident manager closes a task nobody owns: as incident manager.
	loose := f.do("alice", TaskAdd{Title: "Tell the bank"})[0].Task
	f.do("alice", TaskSet{Task: loose, State: TaskDone})
	if r, who := credit(loose); r != ref("incident_manager", "") || who != "alice" {
		t.Errorf("a loose task closed by the incident manager is credited to %v (%s)", r, who)
	}

	f.do("frank", TaskSet{Task: roll, State: TaskOpen})
	if task, _ := f.s.Task(roll); task.ClosedBy != "" || task.ClosedAs != "" {
		t.Errorf("reopened, the task still says closed by %q as %q", task.ClosedBy, task.ClosedAs)
	}
	if ref, who := credit(roll); ref != tl || who != "frank" {
		t.Errorf("reopened, the task is credited to %v (%s), want its holder now", ref, who)
	}
}

// TestClosedTaskOfAnOlderFileIsCreditedToTheHolderThen: a task closed by
// a build that did not record who closed it goes to whoever held its
// role when it last changed, not to the holder now.
func TestClosedTaskOfAnOlderFileIsCreditedToTheHolderThen(t *testing.T) {
	f := newFixture(t)
	tl := ref("tech_lead", "")
	f.do("alice", Handoff{Role: tl, To: "bob"})
	roll := f.do("alice", TaskAdd{Title: "Roll back deploy 311", Role: tl})[0].Task
	f.do("bob", TaskSet{Task: roll, State: TaskDone})
	f.do("bob", Handoff{Role: tl, To: "frank"})
	for i := range f.s.Tasks {
		f.s.Tasks[i].ClosedBy, f.s.Tasks[i].ClosedAs = "", "" // as an older build wrote it
	}
	task, _ := f.s.Task(roll)
	if ref, who := f.s.TaskCredit(task); ref != tl || who != "bob" {
		t.Errorf("credited to %v (%s), want the tech lead of then, bob", ref, who)
	}
}

// TestMergeKeepsWhoClosedATaskWithItsState: one copy closes a task,
// another reopens and closes it again later: the later close wins whole,
// its closer with it, the same in either order.
func TestMergeKeepsWhoClosedATaskWithItsState(t *testing.T) {
	f := newFixture(t)
	f.do("alice", Handoff{Role: ref("tech_lead", ""), To: "bob"})
	id := f.do("alice", TaskAdd{Title: "Roll back", Role: ref("tech_lead", "")})[0].Task
	base := f.s
	f.do("bob", TaskSet{Task: id, State: TaskDone})
	a := f.s
	f.s = base
	f.do("alice", TaskSet{Task: id, State: TaskCancelled})
	b := f.s
	for _, m := range []State{mustMerge(t, a, b), mustMerge(t, b, a)} {
		task, _ := m.Task(id)
		if task.State != TaskCancelled || task.ClosedBy != "alice" || task.ClosedAs != "incident_manager" {
			t.Errorf("merged: %s by %q as %q, want cancelled by alice as incident manager (the later change)", task.State, task.ClosedBy, task.ClosedAs)
		}
	}
}
