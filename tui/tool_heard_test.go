package tui

import (
	"strings"
	"testing"
)

// The scribe's pane says who has gone quiet: the one silent longest
// first, a silence over ten minutes marked, with the roles each holds.
func TestScribeSeesWhoWentQuiet(t *testing.T) {
	m, _ := newTestModel(t, sampleState(t), 120, 40)
	m = keys(m, "7")
	w, _ := m.roles.content()
	pane := strings.Join(roleLines(m, w), "\n")
	ivan := strings.Index(pane, "ivan       nothing written · TL·database")
	judy := strings.Index(pane, "judy       silent for 37m · SOCIAL")
	bob := strings.Index(pane, "bob        6m ago")
	if ivan < 0 || judy < 0 || bob < 0 || !(ivan < judy && judy < bob) {
		t.Errorf("the scribe's pane does not list people silent longest first:\n%s", pane)
	}
	m = keys(m, "n")
	m = keys(typeText(m, "bob and ivan on the bridge"), "enter")
	people := m.roles.tools[0].(*heard).people
	if last := people[len(people)-1]; last.name != "alice" || !last.last.Equal(testNow) {
		t.Errorf("a new entry does not move its author to the end: %+v", last)
	}
}
