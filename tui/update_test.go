package tui

import (
	"errors"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/store"
)

func focused(m *Model) string { return m.c.label(m.focusedRole().Ref) }

func TestTabAndNumbersMoveBetweenRolePanes(t *testing.T) {
	m, _ := newTestModel(t, sampleState(t), 120, 40)
	n := len(m.c.snap.holdings)
	var seen []string
	for i := 0; i < n; i++ {
		seen = append(seen, focused(m))
		m = keys(m, "tab")
	}
	if focused(m) != "Incident manager" {
		t.Errorf("tab did not wrap around: %q", focused(m))
	}
	if want := "Incident manager|Tech lead · database|Tech lead · network"; !strings.HasPrefix(strings.Join(seen, "|"), want) {
		t.Errorf("tab order %q", seen)
	}
	m = keys(m, "shift+tab")
	if focused(m) != "Problem manager" {
		t.Errorf("shift+tab from the first pane: %q", focused(m))
	}
	m = keys(m, "2")
	if focused(m) != "Tech lead · database" {
		t.Errorf("2: %q", focused(m))
	}
	m = keys(m, "2")
	if focused(m) != "Tech lead · network" {
		t.Errorf("2 again goes to the next tech lead: %q", focused(m))
	}
	m = keys(m, "5")
	if focused(m) != "Subject matter expert" || !m.focusedRole().Default {
		t.Errorf("5: %q", focused(m))
	}
}

func TestHandoffPrompt(t *testing.T) {
	m, saver := newTestModel(t, sampleState(t), 120, 40)
	m = keys(m, "7", "h")
	if m.prompt == nil || !strings.Contains(m.View(), "Hand off Scribe to:") {
		t.Fatalf("h did not open the handoff prompt:\n%s", m.View())
	}
	m = typeText(m, "zoe: take over the timeline, q down")
	m = keys(m, "enter")
	if m.prompt != nil {
		t.Fatal("enter did not close the prompt")
	}
	h := m.focusedRole()
	if h.Holder != "zoe" || h.Note != "take over the timeline, q down" {
		t.Errorf("scribe after handoff: %q %q", h.Holder, h.Note)
	}
	got := saver.submitted()
	if len(got) != 1 {
		t.Fatalf("%d changes saved, want 1", len(got))
	}
	op, ok := got[0].Op.(model.Handoff)
	if !ok || op.To != "zoe" || op.Role.Role != "scribe" || got[0].Env.Actor != "alice" {
		t.Errorf("saved %#v", got[0])
	}
}

func TestIncidentManagerHandoffPromptSaysDefaultRolesGoAlong(t *testing.T) {
	m, _ := newTestModel(t, sampleState(t), 120, 40)
	m = keys(m, "1", "h")
	if v := m.View(); !strings.Contains(v, "Hand off Incident manager to:") || !strings.Contains(v, "role not handed to anyone stays with the incident manager") {
		t.Errorf("IM handoff prompt:\n%s", v)
	}
}

// Words that are key names, typed or pasted into a prompt, are text.
func TestPromptTakesKeyNamesAsText(t *testing.T) {
	for _, text := range []string{"q", "down", "h", "tab", "esc", "?", "1", "enter"} {
		m, saver := newTestModel(t, sampleState(t), 120, 40)
		m = keys(m, "n")
		for _, r := range text { // one key at a time
			m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
		}
		m = typeText(m, " "+text+" ") // and all at once
		m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(text), Paste: true})
		if m.quitting || m.prompt == nil {
			t.Fatalf("%q: the prompt closed or the screen quit", text)
		}
		m = keys(m, "enter")
		got := saver.submitted()
		if len(got) != 1 {
			t.Fatalf("%q: %d changes", text, len(got))
		}
		if log := got[0].Op.(model.Log); log.Text != text+" "+text+" "+text {
			t.Errorf("note text %q, want %q", log.Text, text+" "+text+" "+text)
		}
	}
}

func TestFastKeysOutsideAPromptAreKeys(t *testing.T) {
	m, _ := newTestModel(t, sampleState(t), 120, 40)
	m = typeText(m, "2hbob: down")
	if m.prompt == nil || !strings.HasPrefix(promptLabel(m), "Hand off") || m.prompt.value() != "bob: down" {
		t.Fatalf("2h typed fast then text: prompt %+v", m.prompt)
	}
	m, _ = newTestModel(t, sampleState(t), 120, 40)
	m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("qh"), Paste: true})
	if m.quitting || m.prompt != nil {
		t.Error("pasted text outside a prompt acted as keys")
	}
}

func TestEscCancelsAndQQuits(t *testing.T) {
	m, saver := newTestModel(t, sampleState(t), 120, 40)
	m = keys(m, "t")
	m = typeText(m, "half typed")
	m = keys(m, "esc")
	if m.prompt != nil || len(saver.submitted()) != 0 {
		t.Error("esc did not cancel the prompt")
	}
	_, cmd := m.Update(keyMsg("q"))
	if cmd == nil {
		t.Fatal("q returned no command")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("q did not quit")
	}
}

func TestQuitWaitsForPendingSaves(t *testing.T) {
	m, _ := newTestModel(t, sampleState(t), 120, 40)
	m.opts.Results = make(chan store.WriteResult)
	m = keys(m, "n")
	m = typeText(m, "last words")
	m = keys(m, "enter")
	next, cmd := m.Update(keyMsg("q"))
	m = next.(*Model)
	if cmd != nil {
		if _, ok := cmd().(tea.QuitMsg); ok {
			t.Fatal("quit before the last change was saved")
		}
	}
	next, cmd = m.Update(savedMsg(store.WriteResult{State: m.c.state(), Committed: []uint64{1}}))
	if cmd == nil {
		t.Fatal("no quit after the last save")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("no quit after the last save")
	}
	_ = next
}

func TestTaskKeys(t *testing.T) {
	m, saver := newTestModel(t, sampleState(t), 120, 40)
	m = keys(m, "right", "right")
	if m.focus != areaTasks {
		t.Fatalf("focus %d, want the task list", m.focus)
	}
	first, _ := m.tasks.view.selected()
	if first.State != model.TaskInProgress {
		t.Fatalf("first task in the list is %s, want the one in progress", first.State)
	}
	m = keys(m, "d")
	if got, _ := m.c.state().Task(first.ID); got.State != model.TaskDone {
		t.Errorf("d: task is %s", got.State)
	}
	// The done task moves down to the done ones, and the selection with
	// it: a second d never finishes the next task by mistake.
	if sel, _ := m.tasks.view.selected(); sel.ID != first.ID {
		t.Fatalf("after d the cursor is on %s, want %s", sel.ID, first.ID)
	}
	m = keys(m, "g")
	second, _ := m.tasks.view.selected()
	if second.ID == first.ID || second.State != model.TaskOpen {
		t.Fatalf("the list's first task after d is %+v, want an open one", second)
	}
	m = keys(m, "s")
	if got, _ := m.c.state().Task(second.ID); got.State != model.TaskInProgress {
		t.Errorf("s: task %s is %s", second.ID, got.State)
	}
	m = keys(m, "a")
	m = typeText(m, "tl/network dave")
	m = keys(m, "enter")
	if got, _ := m.c.state().Task(second.ID); got.Workstream != "network" || got.Owner != "dave" {
		t.Errorf("a: task %+v", got)
	}
	if n := len(saver.submitted()); n != 3 {
		t.Errorf("%d changes saved, want 3", n)
	}
	// A key that does not apply to the selected task is off, and so not
	// in the help.
	m = keys(m, "s")
	if len(saver.submitted()) != 3 || strings.Contains(m.View(), "s start") {
		t.Errorf("s on a started task did something, or is still offered")
	}
	// A change the model refuses is shown and saved nowhere.
	m = keys(m, "a")
	m = typeText(m, "tl/network dave")
	m = keys(m, "enter")
	if !strings.Contains(m.View(), "already has that owner") || len(saver.submitted()) != 3 {
		t.Errorf("a refused reassignment:\n%s", m.View())
	}
}

func TestStatusSeverityAndQuickKinds(t *testing.T) {
	m, saver := newTestModel(t, sampleState(t), 120, 40)
	m = keys(m, "S")
	m = typeText(m, "resolved")
	m = keys(m, "enter")
	// Work is left: the screen says what and asks why resolve anyway.
	if promptLabel(m) != "Not resolved yet. Why set it anyway?" || !strings.Contains(m.View(), "3 tasks still open") {
		t.Fatalf("resolving with work left opened %q:\n%s", promptLabel(m), m.View())
	}
	m = keys(m, "enter")
	if m.prompt == nil || m.c.state().Incident.Status == model.Resolved {
		t.Fatalf("an empty reason resolved the incident")
	}
	m = typeText(m, "customers are fine")
	m = keys(m, "enter", "V")
	m = typeText(m, "3")
	m = keys(m, "enter", "n")
	m = typeText(m, "d: keep the rollback")
	m = keys(m, "enter")
	if m.c.state().Incident.Status != model.Resolved || m.c.state().Incident.Severity != model.Sev3 {
		t.Errorf("status %s severity %s", m.c.state().Incident.Status, m.c.state().Incident.Severity)
	}
	last, _ := m.c.state().LastEntry()
	if last.Kind != model.KindDecision || last.Text != "keep the rollback" {
		t.Errorf("quick kind: %+v", last)
	}
	if len(saver.submitted()) != 3 {
		t.Errorf("%d changes", len(saver.submitted()))
	}
}

func TestTimelineFilter(t *testing.T) {
	m, _ := newTestModel(t, sampleState(t), 120, 40)
	m = keys(m, "right", "/")
	m = typeText(m, "handoff")
	m = keys(m, "enter")
	if m.timeline.view.len() == 0 || m.timeline.view.len() == len(m.c.state().Timeline) {
		t.Fatalf("filter kept %d of %d", m.timeline.view.len(), len(m.c.state().Timeline))
	}
	for i := 0; i < m.timeline.view.len(); i++ {
		if m.timeline.view.at(i).Kind != model.KindHandoff {
			t.Fatalf("filter kept a %s entry", m.timeline.view.at(i).Kind)
		}
	}
	m = keys(m, "esc")
	if m.timeline.view.len() != len(m.c.state().Timeline) {
		t.Error("esc did not clear the filter")
	}
	m = keys(m, "/")
	m = typeText(m, "tl")
	m = keys(m, "enter")
	for i := 0; i < m.timeline.view.len(); i++ {
		if m.timeline.view.at(i).Role != "tech_lead" {
			t.Fatalf("role filter kept %+v", m.timeline.view.at(i))
		}
	}
}

func TestSavesAndReloads(t *testing.T) {
	s := sampleState(t)
	m, _ := newTestModel(t, s, 120, 40)
	m = keys(m, "n")
	m = typeText(m, "not saved yet")
	m = keys(m, "enter")

	// Another process adds an entry; the pending note stays on screen.
	other, _, err := s.Apply(model.DefaultCatalog(), model.Log{Text: "from a script"}, model.Env{Now: testNow, Actor: "bot", IDs: &model.SeqIDs{}})
	if err != nil {
		t.Fatal(err)
	}
	m = send(m, loadedMsg{state: other})
	texts := map[string]bool{}
	for _, e := range m.c.state().Timeline {
		texts[e.Text] = true
	}
	if !texts["from a script"] || !texts["not saved yet"] {
		t.Fatal("a reload lost the other process's entry or the pending note")
	}

	// A failed save is shown and the change stays pending.
	m = send(m, savedMsg(store.WriteResult{Err: errors.New("disk full"), Pending: 1}))
	if v := m.View(); !strings.Contains(v, "NOT SAVED") || !strings.Contains(v, "disk full") {
		t.Errorf("failed save not shown:\n%s", lines(v)[1])
	}
	if len(m.pending) != 1 {
		t.Fatalf("%d pending after a failed save", len(m.pending))
	}
	// The retry succeeds.
	saved, _, _ := other.Apply(model.DefaultCatalog(), m.pending[0].change.Op, m.pending[0].change.Env)
	m = send(m, savedMsg(store.WriteResult{State: saved, Committed: []uint64{1}}))
	if len(m.pending) != 0 || strings.Contains(m.View(), "NOT SAVED") {
		t.Error("a successful retry did not clear the error")
	}
}

func TestDeclareForm(t *testing.T) {
	m, _ := newTestModel(t, model.State{}, 120, 40)
	if m.declare == nil || !strings.Contains(m.View(), "Declare an incident") {
		t.Fatalf("no declare form:\n%s", m.View())
	}
	m = typeText(m, "Checkout down q")
	m = keys(m, "tab")
	m = typeText(m, "9")
	m = keys(m, "tab", "enter")
	if m.declare == nil || !strings.Contains(m.View(), "unknown severity") {
		t.Errorf("a bad severity was not reported:\n%s", m.View())
	}
	if m.declare.fields[0].Value() != "Checkout down q" {
		t.Errorf("title %q", m.declare.fields[0].Value())
	}
}

// Words typed fast into the declare form are text, even "enter" and "esc".
func TestDeclareFormTakesKeyNamesAsText(t *testing.T) {
	m, _ := newTestModel(t, model.State{}, 120, 40)
	for _, w := range []string{"Pager ", "esc", " policy ", "enter", " broken ", "tab", " ", "down"} {
		m = typeText(m, w)
	}
	if m.quitting || m.declare == nil || m.declare.focus != 0 {
		t.Fatalf("typed words acted as keys: quitting %v, focus %v", m.quitting, m.declare != nil && m.declare.focus != 0)
	}
	if got := m.declare.fields[0].Value(); got != "Pager esc policy enter broken tab down" {
		t.Errorf("title %q", got)
	}
}

func TestUndo(t *testing.T) {
	m, saver := newTestModel(t, sampleState(t), 120, 40)
	before := m.c.state()
	m = keys(m, "7", "h")
	m = typeText(m, "zoe")
	m = keys(m, "enter", "n")
	m = typeText(m, "wrong window")
	m = keys(m, "enter", "V")
	m = typeText(m, "2")
	m = keys(m, "enter")

	m = keys(m, "u")
	if m.c.state().Incident.Severity != before.Incident.Severity || !strings.Contains(m.View(), "undone: severity") {
		t.Errorf("undo of the severity: %s", m.c.state().Incident.Severity)
	}
	m = keys(m, "u")
	last, _ := m.c.state().LastEntry()
	if last.Kind != model.KindRetracted || last.Text != "wrong window" || !strings.Contains(m.View(), "(taken back)") {
		t.Errorf("undo of the note: %+v", last)
	}
	m = keys(m, "u")
	if h, _ := m.c.state().Holder(model.RoleRef{Role: "scribe"}); h != "frank" {
		t.Errorf("undo of the handoff: scribe is %q, want frank back", h)
	}
	if n := len(saver.submitted()); n != 6 {
		t.Errorf("%d changes saved, want 3 and their 3 undos", n)
	}
	// Taking back a role that was with the incident manager by default
	// gives it back to them by default.
	m = keys(m, "5", "h")
	m = typeText(m, "sam")
	m = keys(m, "enter", "u")
	if h := m.focusedRole(); !h.Default || h.Holder != "alice" {
		t.Errorf("undo of a first handoff: %+v", h)
	}
}

func TestUndoNeverOverwritesSomeoneElse(t *testing.T) {
	m, _ := newTestModel(t, sampleState(t), 120, 40)
	m = keys(m, "S")
	m = typeText(m, "resolved")
	m = keys(m, "enter")
	m = keys(typeText(m, "customers are fine"), "enter")
	// Meanwhile another responder moves the status on.
	other, _, err := m.c.state().Apply(model.DefaultCatalog(), model.SetStatus{Status: model.Closed},
		model.Env{Now: testNow, Actor: "bob", IDs: &model.SeqIDs{}})
	if err != nil {
		t.Fatal(err)
	}
	m.pending = nil
	m = send(m, loadedMsg{state: other})
	m = keys(m, "u")
	if m.c.state().Incident.Status != model.Closed || !strings.Contains(m.View(), "cannot undo") {
		t.Errorf("undo overwrote bob's change: %s", m.c.state().Incident.Status)
	}
}

// A screen showing the declare form turns into the war room by itself
// when another screen or the command line declares the incident.
func TestDeclareFormGivesWayToAnIncidentDeclaredElsewhere(t *testing.T) {
	m, _ := newTestModel(t, model.State{}, 120, 40)
	m = typeText(m, "half a title")
	if m.declare == nil {
		t.Fatal("no declare form on an empty file")
	}
	m = send(m, loadedMsg{state: sampleState(t)})
	if m.declare != nil || !strings.Contains(m.View(), "NOBODY OWNS THIS") {
		t.Fatalf("the form stayed after the incident was declared elsewhere:\n%s", m.View())
	}
	if !strings.Contains(m.View(), "alice declared the incident first: Checkout API returning 500s") {
		t.Errorf("the screen does not say who declared it:\n%s", m.View())
	}
}
