package tui

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/warroom/warroom/model"
)

// A time-boxed task with a long title: one past its box, one within it.
func timeBoxedTasks(t *testing.T) model.State {
	t.Helper()
	var s model.State
	ids := &model.SeqIDs{}
	at := testNow.Add(-30 * time.Minute)
	for _, op := range []model.Op{
		model.Declare{Title: "Checkout API returning 500s", Severity: model.Sev1, Commander: "alice"},
		model.TaskAdd{Title: "Roll back deploy 142 on every region and confirm the error rate falls", Role: model.RoleRef{Role: model.TechLead}, Within: 10 * time.Minute},
		model.TaskAdd{Title: "Ask the payment provider whether they see card failures too", Within: time.Hour},
	} {
		next, _, err := s.Apply(model.DefaultCatalog(), op, model.Env{Now: at, Actor: "alice", Replica: "t", IDs: ids})
		if err != nil {
			t.Fatalf("%T: %v", op, err)
		}
		s = next
	}
	return s
}

// lineWith is the first screen line that holds start.
func lineWith(view, start string) string {
	for _, l := range strings.Split(ansi.Strip(view), "\n") {
		if strings.Contains(l, start) {
			return l
		}
	}
	return ""
}

// Item 11: the row under the cursor keeps its clocks — the age and the
// time box's countdown — at every width; the title is what gets cut.
func TestSelectedTaskRowKeepsItsClock(t *testing.T) {
	for _, width := range []int{120, 80, 60} {
		m, _ := newTestModel(t, timeBoxedTasks(t), width, 30)
		m = keys(m, "f", "f") // the task list
		over := lineWith(m.View(), "› ")
		if !strings.Contains(over, "⏱ OVER 20:00") {
			t.Errorf("at %d columns the selected task row lost its overdue clock: %q", width, over)
		}
		m = keys(m, "j")
		within := lineWith(m.View(), "› ")
		if !strings.Contains(within, "⏱ 30:00") {
			t.Errorf("at %d columns the selected task row lost its countdown: %q", width, within)
		}
		if width >= 80 && !strings.Contains(within, "30m") {
			t.Errorf("at %d columns the selected task row lost its age: %q", width, within)
		}
		// The row not selected keeps its clock too.
		if l := lineWith(m.View(), "[ ] "+m.c.state().Tasks[0].ID+" Roll"); !strings.Contains(l, "⏱ OVER 20:00") {
			t.Errorf("at %d columns a task row lost its overdue clock: %q", width, l)
		}
	}
}

// On a role pane too: the board's expired time box under the cursor
// keeps its clock; a theory under the cursor keeps its state.
func TestSelectedRolePaneRowsKeepTheirEnd(t *testing.T) {
	m, _ := newTestModel(t, timeBoxedTasks(t), 80, 30)
	for i := 0; i < 10 && underCursor(m).task == ""; i++ {
		m = keys(m, "j")
	}
	if l := lineWith(m.View(), "› "); !strings.Contains(l, "⏱ OVER 20:00") {
		t.Errorf("the board's task under the cursor lost its clock: %q", l)
	}
	m = keys(m, "2", "n", "tab") // filed under the tech lead, whose pane lists theories
	m = keys(typeText(m, "th: the connection pool is exhausted after deploy 142 doubled the workers on every host"), "enter", "g")
	for i := 0; i < 10 && underCursor(m).theory == ""; i++ {
		m = keys(m, "j")
	}
	if l := lineWith(m.View(), "› "); !strings.Contains(l, "· open") {
		t.Errorf("the theory under the cursor lost its state: %q", l)
	}
}
