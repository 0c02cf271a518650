package tui

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/warroom/warroom/model"
)

func newWall(t *testing.T, s model.State, rotate time.Duration) (*Model, *fakeSaver) {
	t.Helper()
	saver := &fakeSaver{}
	m := build(Options{
		Path: "warroom.toml", Actor: "alice", Styles: asciiStyles(), Saver: saver,
		Now: func() time.Time { return testNow }, Wall: true, Rotate: rotate,
	}, s)
	return keys(send(m, windowSize(120, 40))), saver
}

// TestWallIgnoresEditKeys presses every key that edits: nothing opens,
// nothing is saved, and the help does not offer them.
func TestWallIgnoresEditKeys(t *testing.T) {
	m, saver := newWall(t, sampleState(t), 0)
	before := m.c.state()
	for _, k := range []string{"h", "n", "t", "S", "V", "u", "right", "right", "s", "d", "o", "x", "a"} {
		m = keys(m, k)
		if m.prompt != nil {
			t.Fatalf("%q opened a prompt on the wall", k)
		}
	}
	m = typeText(m, "2hbob")
	if m.prompt != nil || len(saver.submitted()) != 0 || len(m.c.state().Timeline) != len(before.Timeline) {
		t.Fatal("the wall changed the incident")
	}
	v := m.View()
	for _, off := range []string{"hand off role", "add note", "add task", "s start"} {
		if strings.Contains(v, off) {
			t.Errorf("the wall offers %q", off)
		}
	}
	if !strings.Contains(v, "read-only") {
		t.Error("the wall does not say it is read-only")
	}
}

func TestWallShowsEveryRoleAndRotates(t *testing.T) {
	m, _ := newWall(t, sampleState(t), 15*time.Second)
	v := m.View()
	for _, want := range []string{"SEV1 CRITICAL", "MONITORING", "since declared", `Tech lead · database +ivan`,
		`Subject matter expert +alice\*`, `Social media lead +judy`, `Problem manager +henry`} {
		if !regexp.MustCompile(want).MatchString(v) {
			t.Errorf("the wall lacks %q", want)
		}
	}
	first := m.focusedRole().Ref
	m = send(m, rotateMsg{})
	if m.focusedRole().Ref == first {
		t.Error("the wall did not rotate to the next role")
	}
	golden(t, v)
}

func TestWallWaitsForAnIncident(t *testing.T) {
	m, _ := newWall(t, model.State{}, 0)
	if m.declare != nil || !strings.Contains(m.View(), "waiting for an incident") {
		t.Fatalf("wall without a file:\n%s", m.View())
	}
	m = send(m, loadedMsg{state: sampleState(t)})
	if !strings.Contains(m.View(), "SEV1 CRITICAL") {
		t.Error("the wall did not show the incident once declared")
	}
}
