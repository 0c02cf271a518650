package tui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/warroom/warroom/model"
)

// othersDo applies ops as another person would, on another screen or the
// command line, and returns the state the file then holds.
func othersDo(t *testing.T, s model.State, who string, at time.Time, ops ...model.Op) model.State {
	t.Helper()
	for _, op := range ops {
		next, _, err := s.Apply(model.DefaultCatalog(), op, model.Env{Now: at, Actor: who, Replica: who, IDs: &model.SeqIDs{}})
		if err != nil {
			t.Fatalf("%T: %v", op, err)
		}
		s = next
	}
	return s
}

// A screen opens on the pane of a role its person holds, with their tabs
// marked; someone who holds none starts on the incident manager's.
func TestScreenOpensOnYourOwnRole(t *testing.T) {
	carol := build(Options{Path: "warroom.toml", Actor: "carol", Styles: asciiStyles(), Now: func() time.Time { return testNow }}, sampleState(t))
	carol = send(carol, windowSize(120, 40))
	if got := carol.c.label(carol.focusedRole().Ref); got != "Communications manager · external" {
		t.Errorf("carol's screen opens on %q", got)
	}
	if v := carol.View(); !strings.Contains(v, "[●3 COMMS·external: carol]") || strings.Contains(v, "●1") {
		t.Errorf("carol's tab is not marked as hers, or the incident manager's is:\n%s", lines(v)[2])
	}
	zoe := build(Options{Path: "warroom.toml", Actor: "zoe", Styles: asciiStyles(), Now: func() time.Time { return testNow }}, sampleState(t))
	if got := zoe.focusedRole().Ref.Role; got != model.IncidentManager {
		t.Errorf("a screen of someone holding no role opens on %q", got)
	}
}

// A role handed to you, a draft of yours sent back, a time box of yours
// run out: each is said on your screen as it happens, and stays while you
// type until you press esc.
func TestNewsAboutYou(t *testing.T) {
	s := sampleState(t)
	m := build(Options{Path: "warroom.toml", Actor: "carol", Styles: asciiStyles(), Now: func() time.Time { return testNow },
		Saver: &fakeSaver{}}, s)
	m = send(m, windowSize(120, 40))

	s = othersDo(t, s, "alice", testNow, model.Handoff{Role: model.RoleRef{Role: model.Scribe}, To: "carol", Note: "keep the record"})
	m = send(m, loadedMsg{state: s})
	if v := m.View(); !strings.Contains(v, "● alice handed you Scribe: keep the record") {
		t.Fatalf("no news of the handoff:\n%s", v)
	}
	m = keys(m, "j", "k")
	if !strings.Contains(m.View(), "alice handed you Scribe") {
		t.Error("typing wiped the news")
	}
	m = keys(m, "esc")
	if strings.Contains(m.View(), "alice handed you Scribe") {
		t.Error("esc did not clear the news")
	}

	pending := s.PendingUpdates()
	if len(pending) == 0 || pending[0].By != "carol" {
		t.Fatalf("the sample has no draft of carol's: %+v", pending)
	}
	s = othersDo(t, s, "alice", testNow, model.RejectUpdate{Draft: pending[0].ID, Reason: "say which regions"})
	m = send(m, loadedMsg{state: s})
	if v := m.View(); !strings.Contains(v, "alice sent your external draft back: say which regions") {
		t.Errorf("no news of the draft sent back:\n%s", v)
	}

	s = othersDo(t, s, "alice", testNow, model.TaskAdd{Title: "Check the CDN", Owner: "carol", Within: time.Minute})
	m = send(m, loadedMsg{state: s})
	m = send(m, tickMsg(testNow))
	m = withClock(m, func() time.Time { return testNow.Add(2 * time.Minute) })
	m = send(m, tickMsg(testNow.Add(2*time.Minute)))
	if v := m.View(); !strings.Contains(v, "has run out: Check the CDN") {
		t.Errorf("no news of the time box:\n%s", v)
	}
	m = withClock(m, func() time.Time { return testNow.Add(5 * time.Minute) })
	if m = send(m, tickMsg(testNow.Add(5*time.Minute))); strings.Contains(m.View(), "has run out") {
		t.Error("the news stayed past its minute")
	}
	// What you do yourself is no news.
	m = send(m, tea.KeyMsg{Type: tea.KeyEsc})
	s = othersDo(t, s, "carol", testNow, model.Handoff{Role: model.RoleRef{Role: model.ProblemManager}, To: "carol"})
	if m = send(m, loadedMsg{state: s}); strings.Contains(m.View(), "handed you") {
		t.Error("a handoff you made yourself is news to you")
	}
}

// The incident manager's board warns when one person is both incident
// manager and tech lead.
func TestBoardWarnsWhenTheIncidentManagerLeadsTheTechSide(t *testing.T) {
	s := othersDo(t, sampleState(t), "alice", testNow, model.Handoff{Role: model.RoleRef{Role: model.TechLead, Workstream: "network"}, To: "alice"})
	m, _ := newTestModel(t, s, 120, 40)
	if v := m.View(); !strings.Contains(v, "alice is both the incident manager and a tech lead") {
		t.Errorf("no warning on the board:\n%s", v)
	}
	m, _ = newTestModel(t, sampleState(t), 120, 40)
	if strings.Contains(m.View(), "is both the incident manager") {
		t.Error("a warning with nobody holding both")
	}
}

// A note is filed under the role its author chose: by default their own
// (ivan leads the database work, and his note made while looking at the
// customer support lead's pane is his), said in the prompt; tab files it
// under the pane's role, or none.
func TestNotesAreFiledUnderTheAuthorsRole(t *testing.T) {
	saver := &fakeSaver{}
	m := build(Options{Path: "warroom.toml", Actor: "ivan", Styles: asciiStyles(), Now: func() time.Time { return testNow }, Saver: saver}, sampleState(t))
	m = send(m, windowSize(120, 40))
	m = keys(m, "4", "n")
	if promptLabel(m) != "Note for Tech lead · database:" {
		t.Fatalf("ivan's note on the support pane is filed under %q", promptLabel(m))
	}
	m = keys(typeText(m, "replica lag under a second"), "enter")
	m = keys(m, "n", "tab")
	if promptLabel(m) != "Note for Customer support lead:" {
		t.Fatalf("tab: %q", promptLabel(m))
	}
	m = keys(m, "tab")
	if promptLabel(m) != "Note about no role in particular:" {
		t.Fatalf("tab again: %q", promptLabel(m))
	}
	m = keys(typeText(m, "bridge call moved"), "enter")
	got := ops(saver)
	if len(got) != 2 || got[0].(model.Log).Role != (model.RoleRef{Role: model.TechLead, Workstream: "database"}) || !got[1].(model.Log).Role.IsZero() {
		t.Errorf("notes filed under %#v", got)
	}
}
