package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/warroom/warroom/model"
)

// flat is a view's text with its lines joined and its runs of spaces made
// one: what can be read on it, wherever it wraps.
func flat(v string) string { return strings.Join(strings.Fields(ansi.Strip(v)), " ") }

// A prefilled prompt opens with the cursor at the end of its text, shows
// the text whole however long, and offers ctrl+u, which clears it: what
// is typed then is what is sent, nothing of the draft glued to it.
func TestPrefilledPromptTypesAtTheEndAndClears(t *testing.T) {
	m, saver := newTestModel(t, sampleState(t), 80, 24)
	m = keys(m, "3", "w")
	draft := m.prompt.value()
	if n := len([]rune(m.prompt.input.Value())); m.prompt.input.Position() != n {
		t.Errorf("the cursor is at %d of %d", m.prompt.input.Position(), n)
	}
	v := m.View()
	if !strings.Contains(flat(v), draft) {
		t.Errorf("the draft %q is not shown whole at 80 columns:\n%s", draft, v)
	}
	if !strings.Contains(v, "ctrl+u clear") {
		t.Errorf("the prompt does not say how to clear it:\n%s", v)
	}
	if n := len(lines(v)); n != 24 {
		t.Errorf("%d lines at 24", n)
	}
	m = typeText(m, " Thanks.")
	if got := m.prompt.value(); got != draft+" Thanks." {
		t.Errorf("typed after the draft: %q", got)
	}
	m = keys(m, "ctrl+u")
	if got := m.prompt.value(); got != "" || strings.Contains(m.View(), "ctrl+u clear") {
		t.Errorf("ctrl+u left %q", got)
	}
	m = keys(typeText(m, "Payments are back."), "enter")
	got := ops(saver)
	if len(got) != 1 || got[0].(model.CommsUpdate).Text != "Payments are back." {
		t.Errorf("sent %#v", got)
	}
}

// A text longer than the screen is wide wraps at spaces, every word of
// it on screen; longer than the room the prompt has, it shows the lines
// around the cursor and says how many more there are. The screen keeps
// its height.
func TestLongPromptWraps(t *testing.T) {
	m, _ := newTestModel(t, sampleState(t), 80, 24)
	m = keys(m, "n")
	words := strings.Repeat("checkout pods restarted in eu-west ", 5)
	m = typeText(m, words)
	v := m.View()
	if !strings.Contains(flat(v), strings.TrimSpace(words)) || strings.Contains(v[strings.Index(v, "Note for"):], "…") {
		t.Errorf("a note of %d characters is not shown whole:\n%s", len(words), v)
	}
	for _, l := range lines(v) {
		if strings.Contains(l, "eu-we") && !strings.Contains(l, "eu-west") {
			t.Errorf("a word cut at the line's end: %q", l)
		}
	}
	m = typeText(m, strings.Repeat(words, 6))
	v = m.View()
	if n := len(lines(v)); n != 24 {
		t.Errorf("%d lines at 24:\n%s", n, v)
	}
	if !strings.Contains(v, "more lines") || !strings.Contains(v, "Note for") {
		t.Errorf("a long note does not say there is more, or lost its label:\n%s", v)
	}
}

// Every exit criterion a resolve misses is said in full, whatever the
// screen's width.
func TestForcePromptSaysEveryCriterionInFull(t *testing.T) {
	m, _ := newTestModel(t, sampleState(t), 80, 24)
	m = keys(typeText(keys(m, "S"), "resolved"), "enter")
	if promptLabel(m) != "Not resolved yet. Why set it anyway?" {
		t.Fatalf("prompt %q", promptLabel(m))
	}
	blockers := m.c.state().ResolveBlockers()
	if len(blockers) < 2 {
		t.Fatalf("the sample misses %d criteria, want several", len(blockers))
	}
	v := m.View()
	for _, b := range blockers {
		if !strings.Contains(flat(v), flat(b.Reason.In("en"))) {
			t.Errorf("%q is not shown in full:\n%s", b.Reason.In("en"), v)
		}
	}
	if n := len(lines(v)); n != 24 {
		t.Errorf("%d lines at 24", n)
	}
}
