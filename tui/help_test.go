package tui

import (
	"strings"
	"testing"
)

// The full help lists every key once, under a heading for what it is for:
// reading an entry, adding a theory or a follow-up included. Its first
// screen says what the tabs' marks mean, and when more follows below, the
// help says so.
func TestFullHelpHasHeadingsAndEveryKeyOnce(t *testing.T) {
	m, _ := newTestModel(t, sampleState(t), 120, 40)
	seen := map[string]string{}
	for _, sec := range m.helpSections() {
		for _, b := range sec.keys {
			if !b.Enabled() {
				continue
			}
			k := b.Help().Key + " " + b.Help().Desc
			if where, ok := seen[k]; ok {
				t.Errorf("%q is listed twice: under %q and %q", k, where, sec.title)
			}
			seen[k] = sec.title
		}
	}
	for _, want := range []string{"enter read the entry in full", "n th: adds a theory", "n todo: adds a follow-up", "ctrl+u clear", "d done"} {
		if _, ok := seen[want]; !ok {
			t.Errorf("the help does not list %q", want)
		}
	}
	v := flat(keys(m, "?").View())
	for _, want := range []string{"* still with the incident manager", "? handed", "Move", "Write", "Timeline", "On the pane of: Tech lead"} {
		if !strings.Contains(v, want) {
			t.Errorf("the help's first screen does not say %q:\n%s", want, m.View())
		}
	}
	small, _ := newTestModel(t, sampleState(t), 80, 24)
	if v := keys(small, "?").View(); !strings.Contains(v, "more lines below (j)") {
		t.Errorf("at 80×24 the help does not say more follows:\n%s", v)
	}
}
