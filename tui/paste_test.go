package tui

import (
	"strings"
	"testing"

	"github.com/warroom/warroom/model"
)

// bracketed is text as a terminal with bracketed paste sends it: between
// the paste's marks, each line ending with "\r".
func bracketed(text string) string {
	return "\x1b[200~" + strings.ReplaceAll(text, "\n", "\r") + "\x1b[201~"
}

// A bracketed paste of several lines into a note is one note, its lines
// kept; the timeline shows it on one line, its line breaks marked, and
// the entry read in full shows its lines.
func TestBracketedPasteIsOneNote(t *testing.T) {
	m, saver := newTestModel(t, sampleState(t), 120, 40)
	m = keys(m, "n")
	m = burst(t, m, bracketed("error rate 38%\nq\nu\nt"))
	if m.prompt == nil || m.prompt.value() != "error rate 38%\nq\nu\nt" {
		t.Fatalf("the paste made the prompt %q", promptLabel(m))
	}
	if v := m.View(); !strings.Contains(v, "error rate 38%↵") {
		t.Errorf("the prompt does not show the paste's line breaks:\n%s", v)
	}
	m = keys(m, "enter")
	got := ops(saver)
	if len(got) != 1 || got[0].(model.Log).Text != "error rate 38%\nq\nu\nt" {
		t.Fatalf("the paste made %#v, want one note of four lines", got)
	}
	if m.prompt != nil || m.quitting {
		t.Fatalf("after the note: prompt %q, quitting %v", promptLabel(m), m.quitting)
	}
	if v := m.View(); !strings.Contains(v, "error rate 38%↵q↵u↵t") {
		t.Errorf("the timeline does not show the note on one line:\n%s", v)
	}
	m = keys(m, "right", "down", "enter")
	if m.reading == nil {
		t.Fatal("enter on the timeline did not open the note")
	}
	read := strings.Join(m.reading.lines(80), "\n")
	if !strings.Contains(read, "error rate 38%\nq\nu\nt") {
		t.Errorf("the note read in full:\n%s", read)
	}
}

// A bracketed paste after the name in the handoff prompt is one
// briefing, its lines kept.
func TestBracketedPasteIsOneBriefing(t *testing.T) {
	m, saver := newTestModel(t, sampleState(t), 120, 40)
	m = keys(m, "7", "h")
	m = typeText(m, "zoe: ")
	m = burst(t, m, bracketed("db primary is flapping\nfailover at 14:50\n"))
	m = keys(m, "enter")
	got := ops(saver)
	if len(got) != 1 {
		t.Fatalf("%d changes, want one handoff: %#v", len(got), got)
	}
	if h := got[0].(model.Handoff); h.To != "zoe" || h.Note != "db primary is flapping\nfailover at 14:50" {
		t.Errorf("handoff %#v", h)
	}
}

// A prompt that takes one line takes a bracketed paste line by line: a
// task per line, the last waiting for its enter — and none of its lines
// is a key.
func TestBracketedPasteIntoATaskIsATaskPerLine(t *testing.T) {
	m, saver := newTestModel(t, sampleState(t), 120, 40)
	m = keys(m, "t")
	m = burst(t, m, bracketed("Roll back deploy 142\nq\nPage the DBA"))
	var titles []string
	for _, op := range ops(saver) {
		titles = append(titles, op.(model.TaskAdd).Title)
	}
	if strings.Join(titles, "|") != "Roll back deploy 142|q" || m.quitting {
		t.Errorf("tasks %q (quitting %v)", titles, m.quitting)
	}
	if m.prompt == nil || m.prompt.value() != "Page the DBA" {
		t.Errorf("the last line: prompt %q", promptLabel(m))
	}
}

// With no prompt open, a bracketed paste is refused whole: neither its
// letters nor its enters act.
func TestBracketedPasteWithNoPromptDoesNothing(t *testing.T) {
	m, saver := newTestModel(t, sampleState(t), 120, 40)
	m = keys(m, "right", "up")
	m = burst(t, m, bracketed("q\n\nn\n"))
	if m.quitting || m.reading != nil || m.prompt != nil || len(ops(saver)) != 0 {
		t.Errorf("a paste acted: quitting %v, reading %v, prompt %q", m.quitting, m.reading != nil, promptLabel(m))
	}
	if !strings.Contains(m.View(), "pasted text is not a command") {
		t.Errorf("the refusal is not said:\n%s", m.View())
	}
}

// Once the terminal has sent a bracketed paste, keys that arrive
// together are keys: "nnote⏎jjd" saves the note, moves down twice and
// marks the task there done. Before it has, the same burst is a paste
// without bracketed paste: what follows the enter is the next note.
func TestBurstAfterABracketedPasteIsKeys(t *testing.T) {
	m, saver := newTestModel(t, sampleState(t), 120, 40)
	m = keys(m, "right", "right") // the task list
	m = keys(burst(t, keys(m, "n"), bracketed("pasted")), "esc")
	third := m.tasks.view.order[2]
	m = settle(burst(t, m, "nnote\rjjd"))
	got := ops(saver)
	if len(got) != 2 || got[0].(model.Log).Text != "note" || got[1] != (model.TaskSet{Task: third.ID, State: model.TaskDone}) {
		t.Fatalf("the burst made %#v, want the note and task %s done", got, third.ID)
	}
	if m.prompt != nil {
		t.Errorf("a prompt is open: %q", promptLabel(m))
	}

	m, saver = newTestModel(t, sampleState(t), 120, 40)
	m = keys(m, "right", "right")
	m = burst(t, m, "nnote\rjjd")
	if got := ops(saver); len(got) != 1 || m.prompt == nil || m.prompt.value() != "jjd" {
		t.Errorf("with no bracketed paste seen, the burst made %#v and left %q", got, promptLabel(m))
	}
}

// The noncharacter that stands for a line break in a prompt, pasted, is
// not taken for one: it is left out, as control characters are.
func TestPastedNoncharacterIsNotALineBreak(t *testing.T) {
	m, _ := newTestModel(t, sampleState(t), 120, 40)
	m = keys(m, "n")
	m = burst(t, m, bracketed("a\uFDD0b\nc"))
	if got := m.prompt.value(); got != "ab\nc" {
		t.Errorf("value %q", got)
	}
}
