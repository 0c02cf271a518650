package tui

import (
	"testing"
	"time"

	"github.com/warroom/warroom/model"
)

// A time box is taken at either end of a task's title; a last word that
// is not one is the title's.
func TestTimeBoxAtEitherEnd(t *testing.T) {
	for _, c := range []struct {
		in    string
		title string
		box   time.Duration
	}{
		{"+10m Roll back", "Roll back", 10 * time.Minute},
		{"Roll back +15m", "Roll back", 15 * time.Minute},
		{"Scale to +2", "Scale to +2", 0},
		{"Roll back", "Roll back", 0},
	} {
		d, title, err := timeBox(c.in)
		if err != nil || d != c.box || title != c.title {
			t.Errorf("%q: %v %q %v, want %v %q", c.in, d, title, err, c.box, c.title)
		}
	}
	m, saver := newTestModel(t, sampleState(t), 120, 40)
	m = keys(typeText(keys(m, "t"), "Roll back +15m"), "enter")
	if got := ops(saver); len(got) != 1 || got[0].(model.TaskAdd).Within != 15*time.Minute || got[0].(model.TaskAdd).Title != "Roll back" {
		t.Errorf("the task prompt made %#v", got)
	}
}
