package tui

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/store"
)

// declaredState is what the declare form writes for title, by alice.
func declaredState(t *testing.T, title string) model.State {
	t.Helper()
	s, _, err := (model.State{}).Apply(model.DefaultCatalog(), model.Declare{Title: title},
		model.Env{Now: testNow, Actor: "alice", IDs: &model.SeqIDs{}})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Enter pressed again on the declare form while its declaration is on
// its way declares nothing more; an answer that comes after the form gave
// way (the file's watch brought the incident first, or a second
// declaration was refused) is taken without a crash.
func TestDeclareFormEnterTwice(t *testing.T) {
	m, _ := newTestModel(t, model.State{}, 80, 24)
	m = typeText(m, "Checkout down")
	var cmds []tea.Cmd
	for range 4 {
		next, cmd := m.Update(keyMsg("enter"))
		m = settle(next.(*Model))
		cmds = append(cmds, cmd)
	}
	if m.declare == nil || !m.declare.declaring {
		t.Fatalf("the form is not declaring after enter on its last field")
	}
	st := declaredState(t, "Checkout down")
	m = send(m, declaredMsg{state: st})
	m = send(m, declaredMsg{err: errors.New("an incident is already declared")})
	if m.declare != nil || !m.loaded || m.c.state().Incident.Title != "Checkout down" {
		t.Fatalf("after the declaration: form %v, loaded %v", m.declare != nil, m.loaded)
	}
	// The watch first, then the answer: no notice that someone else
	// declared it, and the answer changes nothing.
	m, _ = newTestModel(t, model.State{}, 80, 24)
	m = keys(typeText(m, "Checkout down"), "enter", "enter", "enter", "enter")
	m = send(m, loadedMsg{state: st})
	m = send(m, declaredMsg{state: st})
	if m.declare != nil || strings.Contains(m.View(), "declared the incident first") {
		t.Errorf("the form's own declaration read back first:\n%s", m.View())
	}
}

// The declare form in a real program: a title and enter four times, the
// declaration written to a file, and the war room on screen.
func TestDeclareFormEnterFourTimesInAProgram(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.toml")
	m := build(Options{Path: path, Actor: "alice", Lang: "en", Styles: asciiStyles(), Now: func() time.Time { return testNow }}, model.State{})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	tm.Type("Checkout down")
	for range 4 {
		tm.Send(keyMsg("enter"))
	}
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return strings.Contains(string(b), "NOBODY OWNS THIS")
	}, teatest.WithDuration(5*time.Second))
	time.Sleep(2 * burstGap)
	tm.Send(keyMsg("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*Model)
	if final.declare != nil {
		t.Error("the form stayed")
	}
	st, err := store.Load(path)
	if err != nil || st.Incident.Title != "Checkout down" {
		t.Errorf("the file: %v %q", err, st.Incident.Title)
	}
}

// The form's hint says what enter does on the field focused: the next
// field, and only on the last, the declaration.
func TestDeclareFormSaysWhatEnterDoes(t *testing.T) {
	m, _ := newTestModel(t, model.State{}, 80, 24)
	m = typeText(m, "Checkout down")
	for i, want := range []string{"enter or tab: next field", "enter or tab: next field", "enter declares the incident"} {
		if v := m.View(); !strings.Contains(v, want) || (i < 2 && strings.Contains(v, "declares")) {
			t.Errorf("field %d: the hint does not say %q:\n%s", i, want, v)
		}
		m = keys(m, "tab")
	}
}
