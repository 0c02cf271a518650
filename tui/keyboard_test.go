package tui

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/store"
)

// recorder is a program that keeps every message its input produces.
type recorder struct {
	msgs []tea.Msg
	want int
}

func (r *recorder) Init() tea.Cmd { return nil }
func (r *recorder) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok {
		r.msgs = append(r.msgs, k)
	}
	return r, nil
}
func (r *recorder) View() string { return "" }

// teaKeys turns bytes, as a terminal sends them in one read, into the key
// messages Bubble Tea's own input reader makes of them: a burst. A paste
// without bracketed paste is such a burst, with "\r" for each line's end.
func teaKeys(t testing.TB, input string) []tea.Msg {
	t.Helper()
	rec := &recorder{}
	p := tea.NewProgram(rec, tea.WithInput(bytes.NewReader([]byte(input))), tea.WithOutput(io.Discard),
		tea.WithoutSignalHandler(), tea.WithoutRenderer())
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, _ = p.Run()
	}()
	// The reader stops at the end of the input; give the event loop a
	// moment to take the last message, then stop it.
	time.Sleep(50 * time.Millisecond)
	p.Quit()
	<-done
	return rec.msgs
}

// burst sends input as the messages one read of it makes.
func burst(t testing.TB, m *Model, input string) *Model {
	t.Helper()
	for _, msg := range teaKeys(t, input) {
		m = send(m, msg)
	}
	return m
}

// ops lists the operations a screen handed to its saver.
func ops(s *fakeSaver) []model.Op {
	var out []model.Op
	for _, c := range s.submitted() {
		out = append(out, c.Op)
	}
	return out
}

func promptLabel(m *Model) string {
	if m.prompt == nil {
		return ""
	}
	return m.prompt.label
}

// Keys that arrive together act exactly as if pressed one by one, each
// with the bindings that hold after the key before it.
func TestBurstsActAsKeysPressedOneByOne(t *testing.T) {
	cases := []struct {
		name, keys string
		check      func(t *testing.T, m *Model, got []model.Op)
	}{
		{"3w opens the update prompt on the communications manager's pane", "3w", func(t *testing.T, m *Model, got []model.Op) {
			if !strings.HasPrefix(promptLabel(m), "Update to") {
				t.Errorf("prompt %q, want the update prompt", promptLabel(m))
			}
		}},
		{"4r on the tech lead's pane logs a notable report, not a ruled-out theory", "24r", func(t *testing.T, m *Model, got []model.Op) {
			if !strings.HasPrefix(promptLabel(m), "Notable customer report") {
				t.Errorf("prompt %q, want the notable report prompt", promptLabel(m))
			}
		}},
		{"4+ counts a ticket", "4+\r", func(t *testing.T, m *Model, got []model.Op) {
			if len(got) != 1 {
				t.Fatalf("%d changes, want 1: %#v", len(got), got)
			}
			if c, ok := got[0].(model.Customers); !ok || c.Count != 1 || c.Channel != "tickets" {
				t.Errorf("change %#v, want one ticket", got[0])
			}
		}},
		{"ffd finishes the selected task", "ffd", func(t *testing.T, m *Model, got []model.Op) {
			if len(got) != 1 {
				t.Fatalf("%d changes, want 1: %#v", len(got), got)
			}
			if c, ok := got[0].(model.TaskSet); !ok || c.State != model.TaskDone {
				t.Errorf("change %#v, want a task done", got[0])
			}
		}},
		{"S iden tab enter sets the completed status", "Siden\t\r", func(t *testing.T, m *Model, got []model.Op) {
			if len(got) != 1 {
				t.Fatalf("%d changes, want 1: %#v", len(got), got)
			}
			if c, ok := got[0].(model.SetStatus); !ok || c.Status != model.Identified {
				t.Errorf("change %#v, want status identified", got[0])
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			// One by one: a key, then a pause.
			one, oneSaver := newTestModel(t, sampleState(t), 120, 40)
			for _, msg := range teaKeys(t, c.keys) {
				for _, k := range splitForTest(msg) {
					one = settle(send(one, k))
				}
			}
			c.check(t, one, ops(oneSaver))
			// The same keys in one read.
			all, allSaver := newTestModel(t, sampleState(t), 120, 40)
			all = burst(t, all, c.keys)
			c.check(t, all, ops(allSaver))
			if promptLabel(one) != promptLabel(all) {
				t.Errorf("one by one the prompt is %q; in a burst %q", promptLabel(one), promptLabel(all))
			}
		})
	}
}

// splitForTest makes one key message per rune of a multi-rune message, as
// a person pressing the keys one by one would send them.
func splitForTest(msg tea.Msg) []tea.Msg {
	k, ok := msg.(tea.KeyMsg)
	if !ok || k.Type != tea.KeyRunes || len(k.Runes) < 2 || k.Paste {
		return []tea.Msg{msg}
	}
	var out []tea.Msg
	for _, r := range k.Runes {
		out = append(out, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	return out
}

// A paste without bracketed paste ends each line with enter: the lines
// after the first are text, one note each, never commands.
func TestPastedLinesAreNotesNotCommands(t *testing.T) {
	m, saver := newTestModel(t, sampleState(t), 120, 40)
	m = settle(keys(m, "n"))
	m = burst(t, m, "first line\rquit the screen\rundo that\rtask three\r")
	if m.quitting || m.closing {
		t.Fatal("a pasted line quit the screen")
	}
	var texts []string
	for _, op := range ops(saver) {
		log, ok := op.(model.Log)
		if !ok {
			t.Fatalf("the paste made a %T, want notes only", op)
		}
		texts = append(texts, log.Text)
	}
	want := []string{"first line", "quit the screen", "undo that", "task three"}
	if strings.Join(texts, "|") != strings.Join(want, "|") {
		t.Errorf("notes %q, want %q", texts, want)
	}
	for _, e := range m.c.state().Timeline {
		if e.Kind == model.KindRetracted {
			t.Error("a pasted u took a note back")
		}
	}
	// Once the paste is over, keys are keys again.
	m = settle(m)
	m = settle(keys(m, "t"))
	if !strings.HasPrefix(promptLabel(m), "New task") {
		t.Errorf("t after the paste: prompt %q", promptLabel(m))
	}
}

// After q, while the last save runs, no key acts.
func TestNoKeyActsWhileTheLastSaveRuns(t *testing.T) {
	m, saver := newTestModel(t, sampleState(t), 120, 40)
	m.opts.Results = make(chan store.WriteResult)
	m = settle(keys(m, "n"))
	m = typeText(m, "last words")
	m = settle(keys(m, "enter"))
	m = settle(keys(m, "q"))
	before := focused(m)
	m = settle(keys(m, "t"))
	m = settle(keys(m, "2", "tab", "u"))
	if m.prompt != nil || focused(m) != before || len(ops(saver)) != 1 {
		t.Errorf("keys acted while leaving: prompt %q, focus %q (was %q), %d changes", promptLabel(m), focused(m), before, len(ops(saver)))
	}
}

// The selection follows the task, not the row: d twice finishes one task.
func TestSelectionFollowsTheTask(t *testing.T) {
	m, saver := newTestModel(t, sampleState(t), 120, 40)
	m = settle(keys(m, "right", "right"))
	m = settle(keys(m, "j"))
	first, _ := m.tasks.view.selected()
	m = settle(keys(m, "d"))
	m = settle(keys(m, "d"))
	got := ops(saver)
	if len(got) != 1 {
		t.Fatalf("d twice made %d changes, want 1: %#v", len(got), got)
	}
	if sel, _ := m.tasks.view.selected(); sel.ID != first.ID {
		t.Errorf("the selection moved from %s to %s", first.ID, sel.ID)
	}
}

// In a prompt, esc quickly followed by a letter (alt+letter) closes the
// prompt, and the letter acts as a key.
func TestEscThenALetterInAPromptClosesIt(t *testing.T) {
	m, saver := newTestModel(t, sampleState(t), 120, 40)
	m = settle(keys(m, "n"))
	m = typeText(m, "half")
	m = settle(send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'t'}, Alt: true}))
	if !strings.HasPrefix(promptLabel(m), "New task") || m.prompt.value() != "" {
		t.Errorf("alt+t in a note: prompt %q, want the task prompt, empty", promptLabel(m))
	}
	if len(ops(saver)) != 0 {
		t.Error("alt+t saved something")
	}
}

// An arrow key whose escape sequence is split across two reads (common
// over SSH) arrives as esc and then text: it is the arrow, never esc and
// two keys.
func TestSplitEscapeSequenceIsOneKey(t *testing.T) {
	m, saver := newTestModel(t, sampleState(t), 120, 40)
	m = settle(keys(m, "n"))
	m = typeText(m, "draft")
	m = send(m, tea.KeyMsg{Type: tea.KeyEsc})
	m = settle(send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("[D")}))
	if !strings.HasPrefix(promptLabel(m), "Note for") || m.prompt.value() != "draft" {
		t.Errorf("esc [D in a note: prompt %q, want the note still open with its text", promptLabel(m))
	}
	if len(ops(saver)) != 0 {
		t.Error("a split arrow key saved something")
	}
}

// A paste longer than a note may be is kept whole, and the prompt says at
// once by how much it is over; enter refuses it, the text still there.
func TestPasteOverTheLimitIsKeptAndSaid(t *testing.T) {
	m, saver := newTestModel(t, sampleState(t), 120, 40)
	m = keys(m, "n")
	text := strings.Repeat("x", model.MaxEntry+50)
	m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(text), Paste: true})
	if got := len(m.prompt.value()); got != len(text) {
		t.Fatalf("the prompt kept %d of %d characters", got, len(text))
	}
	if v := m.View(); !strings.Contains(v, "over the limit of") {
		t.Errorf("the prompt does not say the text is too long:\n%s", v)
	}
	m = keys(m, "enter")
	if m.prompt == nil || len(m.prompt.value()) != len(text) || len(ops(saver)) != 0 {
		t.Errorf("enter on a text over the limit: prompt open %v, %d changes", m.prompt != nil, len(ops(saver)))
	}
	// A paste of megabytes, arriving in many reads as over SSH, is kept
	// up to what a prompt holds, each read costing what that costs.
	m = keys(m, "esc", "n")
	for range 40 {
		m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(strings.Repeat("y", 4096))})
	}
	if got := len(m.prompt.value()); got != maxPromptText {
		t.Errorf("a paste of %d characters kept %d, want %d", 40*4096, got, maxPromptText)
	}
}

// Task keys work on the tasks a role pane lists: the cursor goes down the
// pane, and on a task s, d, o, x and a act on it, as in the task list.
// On a theory, c and r act on that theory.
func TestTaskKeysOnARolePane(t *testing.T) {
	m, saver := newTestModel(t, sampleState(t), 120, 40)
	unowned := taskTitled(t, m, "Ask the payment provider")
	for i := 0; i < 40 && underCursor(m).task != unowned; i++ {
		m = keys(m, "j")
	}
	if !offered(m, "d") {
		t.Fatalf("on the board's unowned task, d is not offered:\n%s", m.View())
	}
	m = keys(m, "d")
	got := ops(saver)
	if len(got) != 1 || got[0] != (model.TaskSet{Task: unowned, State: model.TaskDone}) {
		t.Fatalf("d on the board's task made %#v", got)
	}
	// The tech lead's pane: a theory stated, the cursor on it, r rules it out.
	m = keys(m, "2", "n", "tab")
	m = keys(typeText(m, "th: a second theory"), "enter")
	m = keys(typeText(keys(m, "n", "tab"), "th: a third theory"), "enter")
	second := m.c.state().Theories[len(m.c.state().Theories)-2].ID
	m = keys(m, "g")
	for i := 0; i < 20 && underCursor(m).theory != second; i++ {
		m = keys(m, "j")
	}
	m = keys(m, "r")
	if m.prompt == nil || !strings.HasPrefix(m.prompt.value(), second+": ") {
		t.Fatalf("r on theory %s offered %q", second, promptLabel(m))
	}
}

// underCursor is the row under the role pane's cursor.
func underCursor(m *Model) row {
	w, _ := m.roles.content()
	return m.roles.under(m.roles.rows(w)[1:])
}

// taskTitled is the id of the task whose title begins with prefix.
func taskTitled(t *testing.T, m *Model, prefix string) string {
	t.Helper()
	for _, k := range m.c.state().Tasks {
		if strings.HasPrefix(k.Title, prefix) {
			return k.ID
		}
	}
	t.Fatalf("no task titled %q", prefix)
	return ""
}
