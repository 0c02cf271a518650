package tui

import (
	"strings"
	"testing"
)

// A prompt showing a completion draws no "…" at its end: only padding is
// cut there, and only cut text is marked.
func TestPromptWithASuggestionHasNoStrayEllipsis(t *testing.T) {
	cases := []struct {
		keys  []string
		typed string
		label string
	}{
		{[]string{"S"}, "i", "Status:"},
		{[]string{"V"}, "u", "Severity:"},
		{[]string{"7", "h"}, "zo", "Hand off Scribe to:"},
		{[]string{"right", "right", "a"}, "tl", "Give task"},
		{[]string{"right", "/"}, "ha", "Filter timeline by:"},
	}
	for w := 60; w <= 130; w += 7 {
		for _, c := range cases {
			m, _ := newTestModel(t, sampleState(t), w, 30)
			m = typeText(keys(m, c.keys...), c.typed)
			found := false
			for _, l := range lines(m.View()) {
				if !strings.HasPrefix(l, c.label) {
					continue
				}
				found = true
				if strings.HasSuffix(strings.TrimRight(l, " "), "…") {
					t.Errorf("at %d columns the prompt ends in …: %q", w, l)
				}
			}
			if !found {
				t.Errorf("at %d columns no %q prompt:\n%s", w, c.label, m.View())
			}
		}
	}
}
