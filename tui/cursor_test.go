package tui

import (
	"strings"
	"testing"

	"github.com/warroom/warroom/model"
)

// oneTask is a new incident of alice's with one open task, the
// incident manager's.
func oneTask(t *testing.T) model.State {
	t.Helper()
	c := model.DefaultCatalog()
	env := model.Env{Now: testNow, Actor: "alice", IDs: &model.SeqIDs{}}
	s, _, err := (model.State{}).Apply(c, model.Declare{Title: "Checkout down", Severity: model.Sev2}, env)
	if err == nil {
		s, _, err = s.Apply(c, model.TaskAdd{Title: "Page the DBA", Role: model.RoleRef{Role: model.IncidentManager}}, env)
	}
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// A role pane's cursor starts on the first thing the keys act on: d on
// the incident manager's pane listing one open task completes it, at
// every size.
func TestRolePaneCursorStartsOnTheFirstTask(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		m, saver := newTestModel(t, oneTask(t), size[0], size[1])
		task := m.c.state().Tasks[0].ID
		if !offered(m, "d") {
			t.Errorf("%v: d is not offered:\n%s", size, m.View())
		}
		m = keys(m, "d")
		if got := ops(saver); len(got) != 1 || got[0] != (model.TaskSet{Task: task, State: model.TaskDone}) {
			t.Errorf("%v: d made %#v", size, got)
		}
		if v := m.View(); !strings.Contains(v, "Open tasks (0)") {
			t.Errorf("%v: the task is still listed:\n%s", size, v)
		}
	}
}

// j and k move the cursor from one task or theory to the next, over the
// prose between them; past the last, j scrolls the rest of the pane into
// view, and k comes back.
func TestRolePaneCursorMovesBetweenThingsToActOn(t *testing.T) {
	m, _ := newTestModel(t, sampleState(t), 80, 30)
	w, _ := m.roles.content()
	acts := actionable(m.roles.rows(w)[1:])
	if len(acts) < 3 {
		t.Fatalf("the incident manager's pane lists %d things to act on", len(acts))
	}
	for i, want := range acts {
		if m.roles.cursor != want || !isActionable(underCursor(m)) {
			t.Fatalf("after %d j: cursor on line %d, want %d", i, m.roles.cursor, want)
		}
		if i < len(acts)-1 {
			m = keys(m, "j")
		}
	}
	top := m.roles.top
	m = keys(m, "j", "j")
	if m.roles.top != top+2 {
		t.Errorf("j past the last task did not scroll: top %d, was %d", m.roles.top, top)
	}
	for i := 0; i < 40 && m.roles.cursor != acts[len(acts)-2]; i++ {
		m = keys(m, "k")
	}
	if m.roles.cursor != acts[len(acts)-2] {
		t.Errorf("k came back to line %d, want %d", m.roles.cursor, acts[len(acts)-2])
	}
}
