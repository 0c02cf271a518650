package model

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestDeclare(t *testing.T) {
	f := newFixture(t)
	in := f.s.Incident
	if in.Title != "Checkout API returning 500s" || in.Severity != Sev1 || in.Status != Investigating {
		t.Fatalf("incident = %+v", in)
	}
	if !strings.HasPrefix(in.ID, "INC-20261125-") || !in.Declared.Equal(t0) || in.DeclaredBy != "alice" {
		t.Errorf("id/declared = %q %v %q", in.ID, in.Declared, in.DeclaredBy)
	}
	if f.s.Commander() != "alice" {
		t.Errorf("commander = %q", f.s.Commander())
	}
	if len(f.s.Timeline) != 1 || f.s.Timeline[0].Kind != KindDeclared || f.s.Timeline[0].By != "alice" {
		t.Errorf("timeline = %+v", f.s.Timeline)
	}
	if f.s.Schema != Schema {
		t.Errorf("schema = %d", f.s.Schema)
	}
}

func TestDeclareTwiceIsRefused(t *testing.T) {
	f := newFixture(t)
	before := f.s
	_, err := f.try("bob", Declare{Title: "Another"})
	var ce *ConflictError
	if !errors.As(err, &ce) || !strings.Contains(err.Error(), "already declared") {
		t.Fatalf("second declare: %v", err)
	}
	if !reflect.DeepEqual(before, f.s) {
		t.Error("a refused declare changed the state")
	}
}

func TestOpsNeedADeclaredIncident(t *testing.T) {
	_, _, err := State{}.Apply(DefaultCatalog(), Log{Text: "hi"}, Env{Now: t0, Actor: "a", IDs: RandomIDs{}})
	if err == nil || !strings.Contains(err.Error(), "warroom declare") {
		t.Fatalf("log before declare: %v", err)
	}
}

func TestDeclareDefaultsCommanderToActor(t *testing.T) {
	s, _, err := State{}.Apply(DefaultCatalog(), Declare{Title: "x"}, Env{Now: t0, Actor: "zoe", IDs: RandomIDs{}})
	if err != nil || s.Commander() != "zoe" || s.Incident.Severity != SevUnset {
		t.Fatalf("commander %q sev %v err %v", s.Commander(), s.Incident.Severity, err)
	}
}

func TestIncidentManagerHoldsEveryRoleNotHandedOff(t *testing.T) {
	f := newFixture(t)
	hs := f.s.Holdings(f.c)
	if len(hs) != 8 {
		t.Fatalf("%d holdings, want the 8 catalog roles", len(hs))
	}
	for i, h := range hs {
		if h.Holder != "alice" {
			t.Errorf("%s held by %q, want the incident manager", h.Ref, h.Holder)
		}
		if want := i != 0; h.Default != want {
			t.Errorf("%s default = %v, want %v", h.Ref, h.Default, want)
		}
	}

	f.do("alice", Handoff{Role: ref("tech_lead", ""), To: "bob", Note: "db is down"})
	if name, def := f.s.Holder(ref("tech_lead", "")); name != "bob" || def {
		t.Errorf("tech lead = %q default %v", name, def)
	}
	if got := len(f.s.DefaultRoles(f.c)); got != 6 {
		t.Errorf("%d roles still default, want 6", got)
	}

	// Handing off the incident manager hands the default roles too, but
	// not the ones already given to someone.
	f.do("alice", Handoff{Role: ref(IncidentManager, ""), To: "carol", Note: "shift change"})
	for _, h := range f.s.Holdings(f.c) {
		want := "carol"
		if h.Ref.Role == "tech_lead" {
			want = "bob"
		}
		if h.Holder != want {
			t.Errorf("after IM handoff %s held by %q, want %q", h.Ref, h.Holder, want)
		}
	}
}

func TestSeveralInstancesOfARole(t *testing.T) {
	f := newFixture(t)
	f.do("alice", Handoff{Role: ref("tech_lead", "database"), To: "bob"})
	f.do("alice", Handoff{Role: ref("tech_lead", "network"), To: "dave"})
	f.do("alice", Handoff{Role: ref("communications_manager", "internal"), To: "erin"})
	f.do("alice", Handoff{Role: ref("communications_manager", "external"), To: "carol"})

	var labels []string
	for _, h := range f.s.Holdings(f.c) {
		labels = append(labels, h.Ref.Label(f.c, "en")+"="+h.Holder)
	}
	want := []string{
		"Incident manager=alice",
		"Tech lead · database=bob", "Tech lead · network=dave",
		"Communications manager · external=carol", "Communications manager · internal=erin",
		"Customer support lead=alice", "Subject matter expert=alice", "Social media lead=alice",
		"Scribe=alice", "Problem manager=alice",
	}
	if !reflect.DeepEqual(labels, want) {
		t.Errorf("holdings:\n got %q\nwant %q", labels, want)
	}
}

func TestRoleHistory(t *testing.T) {
	f := newFixture(t)
	f.do("alice", Handoff{Role: ref("tech_lead", ""), To: "bob", Note: "first"})
	t1 := f.now.Add(-time.Minute)
	f.do("bob", Handoff{Role: ref("tech_lead", ""), To: "dave", Note: "going off shift"})
	t2 := f.now.Add(-time.Minute)

	h := f.s.History(ref("tech_lead", ""))
	if len(h) != 2 {
		t.Fatalf("history has %d assignments", len(h))
	}
	if h[0].Holder != "bob" || !h[0].Since.Equal(t1) || !h[0].Until.Equal(t2) || h[0].Note != "first" || h[0].By != "alice" {
		t.Errorf("first = %+v", h[0])
	}
	if h[1].Holder != "dave" || !h[1].Since.Equal(t2) || !h[1].Until.IsZero() || h[1].By != "bob" {
		t.Errorf("second = %+v", h[1])
	}
	last, _ := f.s.LastEntry()
	if last.Kind != KindHandoff || last.From != "bob" || last.To != "dave" || last.Text != "going off shift" {
		t.Errorf("handoff entry = %+v", last)
	}
	if _, err := f.try("dave", Handoff{Role: ref("tech_lead", ""), To: "dave"}); err == nil {
		t.Error("handing a role to its holder was accepted")
	}
}

func TestStatusLifecycle(t *testing.T) {
	f := newFixture(t)
	f.do("alice", SetSummary{Summary: "Checkout failed after deploy 142; rolled back."})
	for _, st := range []Status{Identified, Monitoring} {
		f.do("alice", SetStatus{Status: st})
	}
	f.do("carol", CommsUpdate{Audience: AudienceExternal, Text: "A fix is in place."})
	// Back to identified: the fix did not hold, so resolving from there
	// is forced, saying why.
	f.do("alice", SetStatus{Status: Identified})
	f.do("alice", SetStatus{Status: Resolved, Force: true, Reason: "the rollback held after all"})
	f.do("alice", SetStatus{Status: Closed})
	var got []string
	for _, e := range f.s.Timeline {
		if e.Kind == KindStatus {
			got = append(got, e.From+">"+e.To)
		}
	}
	want := []string{"investigating>identified", "identified>monitoring", "monitoring>identified",
		"identified>resolved", "resolved>closed"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("status entries %q, want %q", got, want)
	}
	if _, err := f.try("alice", SetStatus{Status: Closed}); err == nil {
		t.Error("setting the same status again was accepted")
	}
	if _, err := f.try("alice", SetStatus{Status: "paused"}); err == nil {
		t.Error("unknown status accepted")
	}
}

func TestSeverity(t *testing.T) {
	f := newFixture(t)
	e := f.do("alice", SetSeverity{Severity: Sev2})
	if e[0].From != "SEV1" || e[0].To != "SEV2" || f.s.Incident.Severity != Sev2 {
		t.Errorf("entry %+v sev %v", e[0], f.s.Incident.Severity)
	}
	f.do("alice", SetSeverity{Severity: SevUnset})
	if _, err := f.try("alice", SetSeverity{Severity: 4}); err == nil {
		t.Error("SEV4 accepted")
	}
	for in, want := range map[string]Severity{"1": Sev1, "sev2": Sev2, "SEV3": Sev3, "unset": SevUnset} {
		if got, err := ParseSeverity(in); err != nil || got != want {
			t.Errorf("ParseSeverity(%q) = %v, %v", in, got, err)
		}
	}
	for _, in := range []string{"4", "0x1", "high", ""} {
		if _, err := ParseSeverity(in); err == nil {
			t.Errorf("ParseSeverity(%q) accepted", in)
		}
	}
}

func TestTasks(t *testing.T) {
	f := newFixture(t)
	e := f.do("alice", TaskAdd{Title: "Roll back deploy 142", Role: ref("tech_lead", "database")})
	id := e[0].Task
	task, err := f.s.Task(id)
	if err != nil || task.State != TaskOpen || task.Role != "tech_lead" || task.Workstream != "database" {
		t.Fatalf("task %+v, %v", task, err)
	}
	f.do("bob", TaskSet{Task: id, State: TaskInProgress})
	f.do("bob", TaskSet{Task: strings.ToUpper(id[:3]), State: TaskDone}) // prefix, any case
	if _, err := f.try("bob", TaskSet{Task: id, State: TaskDone}); err == nil {
		t.Error("completing a done task again was accepted")
	}
	f.do("carol", TaskSet{Task: id, State: TaskOpen})
	if _, err := f.try("carol", TaskSet{Task: id, State: TaskOpen}); err == nil {
		t.Error("reopening an open task was accepted")
	}
	var kinds []Kind
	for _, e := range f.s.Timeline[1:] {
		kinds = append(kinds, e.Kind)
	}
	want := []Kind{KindTaskAdded, KindTaskStarted, KindTaskDone, KindTaskReopened}
	if !reflect.DeepEqual(kinds, want) {
		t.Errorf("kinds %v, want %v", kinds, want)
	}
	task, _ = f.s.Task(id)
	if !task.Updated.After(task.Created) {
		t.Error("task update time not moved")
	}
}

func TestTaskIDLookupErrors(t *testing.T) {
	f := newFixture(t)
	f.do("alice", TaskAdd{Title: "a"})
	f.do("alice", TaskAdd{Title: "b"})
	_, err := f.s.Task("000")
	var ie *InvalidError
	if !errors.As(err, &ie) || !ie.Ambiguous || !strings.Contains(err.Error(), "ambiguous") {
		t.Errorf("prefix of two tasks: %v", err)
	}
	_, err = f.s.Task("zzzz")
	if !errors.As(err, &ie) || ie.Ambiguous || !strings.Contains(err.Error(), "0004") {
		t.Errorf("unknown task: %v (should list the ids)", err)
	}
}

func TestTextLimits(t *testing.T) {
	f := newFixture(t)
	cases := []struct {
		name string
		op   Op
		ok   bool
	}{
		{"title 200", TaskAdd{Title: strings.Repeat("é", 200)}, true},
		{"title 201", TaskAdd{Title: strings.Repeat("é", 201)}, false},
		{"entry 4000", Log{Text: strings.Repeat("x", 4000)}, true},
		{"entry 4001", Log{Text: strings.Repeat("x", 4001)}, false},
		{"name 64", Handoff{Role: ref("scribe", ""), To: strings.Repeat("n", 64)}, true},
		{"name 65", Handoff{Role: ref("scribe", ""), To: strings.Repeat("m", 65)}, false},
		{"blank entry", Log{Text: "  "}, false},
		{"invalid utf-8", Log{Text: "bad \xff byte"}, false},
		{"invalid utf-8 name", Handoff{Role: ref("scribe", ""), To: "\xc3"}, false},
		{"two-line name", Handoff{Role: ref("scribe", ""), To: "a\nb"}, false},
		{"escape sequences are data", Log{Text: "\x1b]0;pwned\x07 \u009b2J \u202e"}, true},
	}
	for _, c := range cases {
		before := f.s
		_, err := f.try("alice", c.op)
		if (err == nil) != c.ok {
			t.Errorf("%s: err = %v, want ok=%v", c.name, err, c.ok)
		}
		var te *TextError
		if !c.ok && !errors.As(err, &te) {
			t.Errorf("%s: error %T, want *TextError", c.name, err)
		}
		if !c.ok && !reflect.DeepEqual(before, f.s) {
			t.Errorf("%s: a refused op changed the state", c.name)
		}
	}
	if _, err := f.try(strings.Repeat("a", 65), Log{Text: "x"}); err == nil {
		t.Error("an author of 65 characters was accepted")
	}
}

func TestLogKinds(t *testing.T) {
	f := newFixture(t)
	e := f.do("alice", Log{Kind: KindDecision, Role: ref("tech_lead", ""), Text: "fail over"})
	if e[0].Kind != KindDecision || e[0].Role != "tech_lead" {
		t.Errorf("entry %+v", e[0])
	}
	if _, err := ParseLogKind("handoff"); err == nil || !strings.Contains(err.Error(), "written by warroom") {
		t.Errorf("logging a system kind: %v", err)
	}
	if _, err := f.try("alice", Log{Kind: "status", Text: "x"}); err == nil {
		t.Error("a system kind was logged by hand")
	}
}

func TestPeopleAreRecorded(t *testing.T) {
	f := newFixture(t)
	f.do("alice", Handoff{Role: ref("scribe", ""), To: "bob"})
	f.do("carol", Log{Text: "joined"})
	f.do("alice", TaskAdd{Title: "x", Owner: "dave"})
	var names []string
	for _, p := range f.s.People {
		names = append(names, p.Name)
	}
	if want := []string{"alice", "bob", "carol", "dave"}; !reflect.DeepEqual(names, want) {
		t.Errorf("people %v, want %v", names, want)
	}
}

func TestTaskAssign(t *testing.T) {
	f := newFixture(t)
	id := f.do("alice", TaskAdd{Title: "Page the DBA"})[0].Task
	e := f.do("alice", TaskAssign{Task: id, Role: ref("tech_lead", "database"), Owner: "bob"})
	task, _ := f.s.Task(id)
	if task.Role != "tech_lead" || task.Workstream != "database" || task.Owner != "bob" {
		t.Fatalf("task %+v", task)
	}
	if e[0].Kind != KindTaskAssigned || e[0].To != "bob" || e[0].From != "" {
		t.Errorf("entry %+v", e[0])
	}
	e = f.do("carol", TaskAssign{Task: id})
	if task, _ = f.s.Task(id); task.Role != "" || task.Owner != "" || e[0].From != "tech_lead/database bob" {
		t.Errorf("after unassigning: task %+v entry %+v", task, e[0])
	}
	if _, err := f.try("carol", TaskAssign{Task: id}); err == nil {
		t.Error("assigning a task to the owner it has was accepted")
	}
	if _, err := f.try("carol", TaskAssign{Task: id, Role: ref("nope", "")}); err == nil {
		t.Error("assigning to an unknown role was accepted")
	}
}

func TestSeededIDsGiveTheSameIDsOnEveryApply(t *testing.T) {
	f := newFixture(t)
	env := Env{Now: f.now, Actor: "alice", IDs: &SeededIDs{Seed: 42}}
	a, ea, err := f.s.Apply(f.c, TaskAdd{Title: "x"}, env)
	if err != nil {
		t.Fatal(err)
	}
	b, eb, err := f.s.Apply(f.c, TaskAdd{Title: "x"}, env)
	if err != nil {
		t.Fatal(err)
	}
	if ea[0].ID != eb[0].ID || a.Tasks[0].ID != b.Tasks[0].ID {
		t.Errorf("ids differ between two applications: %s/%s vs %s/%s", ea[0].ID, a.Tasks[0].ID, eb[0].ID, b.Tasks[0].ID)
	}
	c, _, _ := f.s.Apply(f.c, TaskAdd{Title: "x"}, Env{Now: f.now, Actor: "alice", IDs: &SeededIDs{Seed: 43}})
	if c.Tasks[0].ID == a.Tasks[0].ID && c.Timeline[len(c.Timeline)-1].ID == ea[0].ID {
		t.Error("different seeds gave the same ids")
	}
}

func TestReleaseGivesTheRoleBackToTheIncidentManager(t *testing.T) {
	f := newFixture(t)
	f.do("alice", Handoff{Role: ref("scribe", ""), To: "bob"})
	e := f.do("alice", Release{Role: ref("scribe", "")})
	if name, def := f.s.Holder(ref("scribe", "")); name != "alice" || !def {
		t.Errorf("scribe after release: %q default %v", name, def)
	}
	if e[0].Kind != KindHandoff || e[0].From != "bob" || e[0].To != "" {
		t.Errorf("entry %+v", e[0])
	}
	if h := f.s.History(ref("scribe", "")); len(h) != 2 || h[1].Holder != "" || !h[0].Until.Equal(h[1].Since) {
		t.Errorf("history %+v", h)
	}
	if _, err := f.try("alice", Release{Role: ref("scribe", "")}); err == nil {
		t.Error("releasing a role the incident manager holds was accepted")
	}
	if _, err := f.try("alice", Release{Role: ref(IncidentManager, "")}); err == nil {
		t.Error("releasing the incident manager role was accepted")
	}
}

func TestRetract(t *testing.T) {
	f := newFixture(t)
	note := f.do("bob", Log{Text: "wrong incident, sorry"})[0]
	e := f.do("bob", Retract{Entry: note.ID})
	if e[0].Kind != KindRetracted || e[0].Entry != note.ID || e[0].Text != note.Text {
		t.Errorf("entry %+v", e[0])
	}
	if len(f.s.Timeline) != 3 {
		t.Errorf("the retracted entry was removed: %d entries", len(f.s.Timeline))
	}
	if _, err := f.try("bob", Retract{Entry: note.ID}); err == nil {
		t.Error("retracting twice was accepted")
	}
	if _, err := f.try("bob", Retract{Entry: f.s.Timeline[0].ID}); err == nil {
		t.Error("retracting the declaration was accepted")
	}
	if _, err := f.try("bob", Retract{Entry: "nope"}); err == nil {
		t.Error("retracting an unknown entry was accepted")
	}
}

func TestCancelAndReopenFromAnyState(t *testing.T) {
	f := newFixture(t)
	id := f.do("alice", TaskAdd{Title: "maybe"})[0].Task
	f.do("alice", TaskSet{Task: id, State: TaskInProgress})
	f.do("alice", TaskSet{Task: id, State: TaskOpen}) // stop working on it
	e := f.do("alice", TaskSet{Task: id, State: TaskCancelled})
	task, _ := f.s.Task(id)
	if task.State != TaskCancelled || task.Open() || e[0].Kind != KindTaskCancelled {
		t.Errorf("cancelled task %+v entry %+v", task, e[0])
	}
	if len(f.s.OpenTasks()) != 0 {
		t.Error("a cancelled task is still listed as open")
	}
	f.do("alice", TaskSet{Task: id, State: TaskOpen})
}

// The model draws no randomness of its own: ids come from the caller.
func TestApplyNeedsAnIDSource(t *testing.T) {
	_, _, err := State{}.Apply(DefaultCatalog(), Declare{Title: "x"}, Env{Now: t0, Actor: "zoe"})
	if err == nil || !strings.Contains(err.Error(), "id source") {
		t.Fatalf("apply without an id source: %v", err)
	}
}
