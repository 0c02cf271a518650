package model

import (
	"errors"
	"fmt"
	"math/rand"
	"reflect"
	"testing"
	"time"
)

// condition is a RunbookCondition of the tests.
type condition func(Incident) bool

func (c condition) Holds(in Incident) bool { return c(in) }

// atMost matches incidents of severity sev or worse, once assessed.
func atMost(sev Severity) RunbookCondition {
	return condition(func(in Incident) bool { return in.Severity != SevUnset && in.Severity <= sev })
}

func checkoutRunbook() Runbook {
	return Runbook{Name: "Checkout outage", Owner: "alice", Review: "2027-03-01", When: atMost(Sev2), Steps: []RunbookStep{
		{Task: "Check the payment provider's status page", Role: ref("communications_manager", ""), Within: 10 * time.Minute},
		{Note: "Deploys are frozen until the incident is resolved"},
		{Task: "Page the payments on-call", Role: ref("tech_lead", "")},
	}}
}

func TestApplyRunbookAddsItsStepsOnce(t *testing.T) {
	f := newFixture(t)
	es := f.do("alice", ApplyRunbook{Runbook: checkoutRunbook()})
	if len(es) != 4 || es[0].Kind != KindRunbook || es[0].Text != "Checkout outage" || es[0].To != "alice" || es[0].From != "2027-03-01" {
		t.Fatalf("entries: %+v", es)
	}
	if es[1].Kind != KindTaskAdded || es[2].Kind != KindNote || es[2].Text != "Deploys are frozen until the incident is resolved" || es[3].Kind != KindTaskAdded {
		t.Fatalf("steps' entries: %+v", es[1:])
	}
	var from []string
	for _, task := range f.s.Tasks {
		from = append(from, fmt.Sprintf("%s#%d %s", task.Runbook, task.Step, task.Role))
	}
	if want := []string{"Checkout outage#1 communications_manager", "Checkout outage#3 tech_lead"}; !reflect.DeepEqual(from, want) {
		t.Errorf("tasks: %v, want %v", from, want)
	}
	if due := f.s.Tasks[0].Due.Sub(f.s.Tasks[0].Created); due != 10*time.Minute {
		t.Errorf("time box: %v", due)
	}
	before := f.s
	_, err := f.try("bob", ApplyRunbook{Runbook: Runbook{Name: "checkout OUTAGE", Steps: []RunbookStep{{Note: "again"}}}})
	var ue *UnchangedError
	if !errors.As(err, &ue) || !reflect.DeepEqual(f.s, before) {
		t.Errorf("applied again by another spelling of its name: %v", err)
	}
}

func TestApplyRunbookRefusesMistakesWhole(t *testing.T) {
	for name, rb := range map[string]Runbook{
		"no name":       {Steps: []RunbookStep{{Note: "x"}}},
		"no steps":      {Name: "x"},
		"empty step":    {Name: "x", Steps: []RunbookStep{{Note: "ok"}, {}}},
		"task and note": {Name: "x", Steps: []RunbookStep{{Task: "a", Note: "b"}}},
		"unknown role":  {Name: "x", Steps: []RunbookStep{{Note: "ok"}, {Task: "a", Role: ref("nope", "")}}},
		"bad review":    {Name: "x", Review: "soon", Steps: []RunbookStep{{Note: "ok"}}},
		"long box":      {Name: "x", Steps: []RunbookStep{{Task: "a", Within: MaxTimeBox + time.Minute}}},
	} {
		f := newFixture(t)
		before := f.s
		if _, err := f.try("alice", ApplyRunbook{Runbook: rb}); err == nil || !reflect.DeepEqual(f.s, before) {
			t.Errorf("%s: applied, or changed the incident: %v", name, err)
		}
	}
}

func TestRunbooksApplyAtDeclarationAndWhenSeverityRises(t *testing.T) {
	sev1 := Runbook{Name: "Major", When: atMost(Sev1), Steps: []RunbookStep{{Task: "Open a bridge", Role: ref(IncidentManager, "")}}}
	books := []Runbook{checkoutRunbook(), sev1, {Name: "Any", Steps: []RunbookStep{{Note: "Read the incident guide"}}}}
	f := &fixture{t: t, c: DefaultCatalog(), ids: &SeqIDs{}, now: t0}
	f.do("alice", WithRunbooks{Op: Declare{Title: "Checkout slow", Severity: Sev3}, Runbooks: books})
	applied := func() []string {
		var out []string
		for _, e := range f.s.RunbooksApplied() {
			out = append(out, e.Text)
		}
		return out
	}
	if got := applied(); !reflect.DeepEqual(got, []string{"Any"}) {
		t.Fatalf("at the declaration of a SEV3: %v", got)
	}
	f.do("alice", WithRunbooks{Op: SetSeverity{Severity: Sev2}, Runbooks: books})
	if got := applied(); !reflect.DeepEqual(got, []string{"Any", "Checkout outage"}) {
		t.Fatalf("raised to SEV2: %v", got)
	}
	f.do("alice", WithRunbooks{Op: SetSeverity{Severity: Sev3}, Runbooks: books})
	f.do("alice", WithRunbooks{Op: SetSeverity{Severity: Sev2}, Runbooks: books})
	if got := applied(); len(got) != 2 {
		t.Fatalf("lowered and raised again: %v", got)
	}
	f.do("alice", WithRunbooks{Op: SetSeverity{Severity: Sev1}, Runbooks: books})
	if got := applied(); !reflect.DeepEqual(got, []string{"Any", "Checkout outage", "Major"}) {
		t.Fatalf("raised to SEV1: %v", got)
	}
	// A change that is not a declaration or a rise applies none.
	g := &fixture{t: t, c: DefaultCatalog(), ids: &SeqIDs{}, now: t0}
	g.do("alice", Declare{Title: "Checkout slow", Severity: Sev1})
	g.do("alice", WithRunbooks{Op: Log{Text: "hello"}, Runbooks: books})
	if n := len(g.s.RunbooksApplied()); n != 0 {
		t.Errorf("a note applied %d runbooks", n)
	}
}

func TestARunbookThatCannotApplyDoesNotStopTheChange(t *testing.T) {
	bad := Runbook{Name: "Broken", Steps: []RunbookStep{{Task: "x", Role: ref("nope", "")}}}
	f := &fixture{t: t, c: DefaultCatalog(), ids: &SeqIDs{}, now: t0}
	f.do("alice", WithRunbooks{Op: Declare{Title: "Checkout slow", Severity: Sev1}, Runbooks: []Runbook{bad, checkoutRunbook()}})
	if got := f.s.RunbooksApplied(); len(got) != 1 || got[0].Text != "Checkout outage" || len(f.s.Tasks) != 2 {
		t.Errorf("applied %+v, tasks %d", got, len(f.s.Tasks))
	}
}

// TestApplyingARunbookTwiceChangesNothing: for random runbooks on random
// incidents, the second application changes nothing, whether asked for
// by name or brought by a rise of the severity; and two copies that each
// applied it hold its tasks once when merged.
func TestApplyingARunbookTwiceChangesNothing(t *testing.T) {
	r := rand.New(rand.NewSource(24))
	roles := []RoleRef{{}, ref("tech_lead", ""), ref("communications_manager", ""), ref("scribe", ""), ref(IncidentManager, "")}
	for i := 0; i < 300; i++ {
		rb := Runbook{Name: fmt.Sprintf("Runbook %d", r.Intn(5)), Owner: []string{"", "alice", "bob"}[r.Intn(3)]}
		if r.Intn(2) == 0 {
			rb.When = atMost(Severity(1 + r.Intn(3)))
		}
		for n := 1 + r.Intn(6); n > 0; n-- {
			st := RunbookStep{Role: roles[r.Intn(len(roles))]}
			if r.Intn(3) == 0 {
				st.Note = fmt.Sprintf("note %d", r.Intn(100))
			} else {
				st.Task = fmt.Sprintf("task %d", r.Intn(100))
				st.Within = time.Duration(r.Intn(3)) * 5 * time.Minute
			}
			rb.Steps = append(rb.Steps, st)
		}
		f := newFixture(t)
		for k := r.Intn(10); k > 0; k-- {
			_, _ = f.try("bob", randomOp(r, f.s))
		}
		var first Op = ApplyRunbook{Runbook: rb}
		if r.Intn(2) == 0 {
			_, _ = f.try("alice", SetSeverity{Severity: Sev3})
			first = WithRunbooks{Op: SetSeverity{Severity: Sev1}, Runbooks: []Runbook{rb}}
		}
		base := f.s
		if _, err := f.try("alice", first); err != nil {
			continue // the incident was resolved, the role closed…: nothing to repeat
		}
		once := f.s
		// Asked for again by name: nothing changes, and it says so.
		next, _, err := once.Apply(f.c, ApplyRunbook{Runbook: rb}, f.env("carol"))
		var ue *UnchangedError
		if !errors.As(err, &ue) || !reflect.DeepEqual(next, once) {
			t.Fatalf("case %d: %s applied twice by name: %v", i, rb.Name, err)
		}
		// Brought again by a rise of the severity: the severity changes,
		// the runbook does not come again.
		_, _ = f.try("alice", SetSeverity{Severity: Sev2})
		risen, _, err := f.s.Apply(f.c, WithRunbooks{Op: SetSeverity{Severity: Sev1}, Runbooks: []Runbook{rb}}, f.env("carol"))
		if err != nil || len(risen.RunbooksApplied()) != len(once.RunbooksApplied()) || len(risen.Tasks) != len(once.Tasks) {
			t.Fatalf("case %d: %s came again with the severity: %v", i, rb.Name, err)
		}
		// Another copy, from the same incident, applies it apart: the
		// merge holds each of its tasks once.
		other, _, err := base.Apply(f.c, first, Env{Now: f.now.Add(time.Second), Actor: "dave", Replica: "r2", IDs: &SeqIDs{}})
		if err != nil {
			t.Fatalf("case %d: the other copy: %v", i, err)
		}
		merged, _, err := Merge(once, other)
		if err != nil {
			t.Fatalf("case %d: merge: %v", i, err)
		}
		if got, want := runbookTasks(merged, rb.Name), runbookTasks(once, rb.Name); got != want {
			t.Fatalf("case %d: merged copies hold %d tasks of %s, each copy %d", i, got, rb.Name, want)
		}
	}
}

// runbookTasks counts the tasks of the runbook named name.
func runbookTasks(s State, name string) int {
	n := 0
	for _, t := range s.Tasks {
		if t.Runbook == name {
			n++
		}
	}
	return n
}

func TestIsDrill(t *testing.T) {
	for title, want := range map[string]bool{
		"Drill: primary database failover": true, "[DRILL] region down": true, "Simulacro de caída": true,
		"Checkout API returning 500s": false, "Drilling rig telemetry lost": false,
	} {
		if got := (Incident{Title: title}).IsDrill(); got != want {
			t.Errorf("%q: %v", title, got)
		}
	}
}
