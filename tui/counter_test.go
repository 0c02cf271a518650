package tui

import (
	"strings"
	"testing"
)

// The customer counter's hint says that it saves itself once the keys
// pause.
func TestCounterSaysItSavesItself(t *testing.T) {
	m, _ := newTestModel(t, sampleState(t), 120, 40)
	m = keys(m, "4", "+")
	if v := m.View(); !strings.Contains(v, "saved 2s") || !strings.Contains(v, "after the last key") {
		t.Errorf("the counter does not say it saves itself:\n%s", v)
	}
}
