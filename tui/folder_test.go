package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/store"
)

// twoOpen are other open incidents of the folder, as the screen hears of
// them.
var twoOpen = othersMsg{ok: true, open: []openIncident{
	{id: "INC-20261125-aaaa", title: "Checkout API returning 500s", manager: "bob", path: "incidents/checkout.toml"},
	{id: "INC-20261125-bbbb", title: "Login slow", manager: "carol", path: "incidents/login.toml"},
}}

func TestHeaderCountsTheFolderOtherOpenIncidents(t *testing.T) {
	m, _ := newTestModel(t, sampleState(t), 160, 40)
	if strings.Contains(m.View(), "other incident") {
		t.Fatal("a count before the folder was read")
	}
	m = send(m, twoOpen)
	if !strings.Contains(lines(m.View())[1], "2 other incidents open") {
		t.Errorf("the header:\n%s", strings.Join(lines(m.View())[:2], "\n"))
	}
	m = send(m, othersMsg{}) // the folder could not be read: the count stays
	if !strings.Contains(m.View(), "2 other incidents open") {
		t.Error("the count went with a failed read")
	}
	m = send(m, othersMsg{ok: true})
	if strings.Contains(m.View(), "other incident") {
		t.Error("the count stayed with none open")
	}
}

// TestReadOthersReadsTheFolderButItself: the screen's read of the folder
// lists its open incidents, the screen's own file left out.
func TestReadOthersReadsTheFolderButItself(t *testing.T) {
	dir := t.TempDir()
	write := func(name, title string, status model.Status) string {
		t.Helper()
		s := declaredState(t, title)
		if status != model.Investigating {
			next, _, err := s.Apply(model.DefaultCatalog(), model.SetStatus{Status: status, Force: true, Reason: "test"},
				model.Env{Now: testNow, Actor: "alice", IDs: &model.SeqIDs{}})
			if err != nil {
				t.Fatal(err)
			}
			s = next
		}
		data, err := store.Encode(s)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	self := write("self.toml", "This one", model.Investigating)
	write("open.toml", "Checkout down", model.Investigating)
	write("done.toml", "Login slow", model.Resolved)
	if err := os.WriteFile(filepath.Join(dir, "broken.toml"), []byte("schema = 3\n[incident\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	msg := readOthers(dir, self, 0)()
	got, ok := msg.(othersMsg)
	if !ok || !got.ok || len(got.open) != 1 || got.open[0].title != "Checkout down" || got.open[0].manager != "alice" {
		t.Errorf("%+v", msg)
	}
	if readOthers("", self, 0) != nil {
		t.Error("a screen with no folder reads one")
	}
}

// TestDeclareFormAsksAboutAnOpenIncidentLikeIt: a title like an open
// incident's is not declared at the first enter; the form says which
// incident and how to join it, and enter again declares it.
func TestDeclareFormAsksAboutAnOpenIncidentLikeIt(t *testing.T) {
	m, _ := newTestModel(t, model.State{}, 100, 24)
	m = send(m, twoOpen)
	m = keys(typeText(m, "Checkout API 500s"), "enter", "enter", "enter")
	if m.declare == nil || m.declare.declaring {
		t.Fatal("declared without asking")
	}
	v := m.View()
	if !strings.Contains(v, `INC-20261125-aaaa "Checkout API returning 500s" is open, led by bob.`) ||
		!strings.Contains(v, "join it with warroom --file incidents/checkout.toml") {
		t.Fatalf("the form does not ask:\n%s", v)
	}
	m = keys(m, "enter")
	if !m.declare.declaring {
		t.Error("enter again did not declare")
	}
	// Another title is declared at once.
	m, _ = newTestModel(t, model.State{}, 100, 24)
	m = send(m, twoOpen)
	m = keys(typeText(m, "Search empty"), "enter", "enter", "enter")
	if !m.declare.declaring {
		t.Error("a title like no open incident's waited")
	}
}

// TestRunbooksApplyWhenTheSeverityRisesOnTheScreen, and u still takes
// the severity back.
func TestRunbooksApplyWhenTheSeverityRisesOnTheScreen(t *testing.T) {
	s := declaredState(t, "Checkout down")
	m, saver := newTestModel(t, s, 120, 40)
	m.c.runbooks = []model.Runbook{{Name: "Major", Owner: "dave", Review: "2020-01-01",
		Steps: []model.RunbookStep{{Task: "Open a bridge", Role: model.RoleRef{Role: model.IncidentManager}}}}}
	m = keys(m, "V")
	m = keys(typeText(m, "1"), "enter")
	st := m.c.state()
	if st.Incident.Severity != model.Sev1 || len(st.Tasks) != 1 || st.Tasks[0].Runbook != "Major" || len(st.RunbooksApplied()) != 1 {
		t.Fatalf("severity %v, tasks %+v", st.Incident.Severity, st.Tasks)
	}
	if subs := saver.submitted(); len(subs) != 1 {
		t.Errorf("%d changes saved", len(subs))
	} else if _, ok := subs[0].Op.(model.WithRunbooks); !ok {
		t.Errorf("saved %T", subs[0].Op)
	}
	// The incident manager's board says the runbook is out of date.
	if v := strings.Join(roleLines(m, 120), "\n"); !strings.Contains(v, "RUNBOOKS OUT OF DATE (1)") || !strings.Contains(v, `"Major": review was due 2020-01-01 (owner dave)`) {
		t.Errorf("the board:\n%s", v)
	}
	m = keys(m, "u")
	if got := m.c.state().Incident.Severity; got != model.SevUnset {
		t.Errorf("u left the severity at %v", got)
	}
}
