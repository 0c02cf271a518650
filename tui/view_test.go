package tui

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/warroom/warroom/model"
)

// hostileState is the sample plus names, notes and titles with wide
// characters, emoji and terminal escape sequences.
func hostileState(t testing.TB) model.State {
	t.Helper()
	s := sampleState(t)
	c := model.DefaultCatalog()
	env := model.Env{Now: testNow.Add(-time.Minute), Actor: "mallory\x1b]0;pwned\x07", IDs: &model.SeqIDs{}}
	for _, op := range []model.Op{
		model.Handoff{Role: model.RoleRef{Role: "social_media_lead"}, To: "日本語の名前🔥", Note: "wide 日本 and emoji 🔥🔥"},
		model.Log{Text: "title \x1b]0;pwned\x07 clear \x1b[2J \r bell \a c1 \u009b31m bidi \u202eevil " + strings.Repeat("long ", 200)},
		model.TaskAdd{Title: "emoji 🚒 task with 全角 text \x1b[31m"},
	} {
		var err error
		if s, _, err = s.Apply(c, op, env); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// TestEverySizeDrawsCleanly draws the screen at many sizes, in every pane
// focus and with a prompt open: always exactly the terminal's height in
// lines, none wider than the terminal, and no control character from the
// incident's text.
func TestEverySizeDrawsCleanly(t *testing.T) {
	s := hostileState(t)
	sizes := [][2]int{{120, 40}, {80, 24}, {100, 30}, {99, 30}, {60, 20}, {41, 11}, {40, 10}, {20, 5}, {200, 60}, {1, 1}}
	for _, sz := range sizes {
		w, h := sz[0], sz[1]
		m, _ := newTestModel(t, s, w, h)
		for step, k := range []string{"", "6", "right", "right", "?", "?", "h", "esc", "left", "left", "3", "w", "tab", "esc", "1", "A", "esc", "X", "esc", "4", "r"} {
			if k != "" {
				m = keys(m, k)
			}
			v := m.View()
			ls := lines(v)
			if len(ls) != h {
				t.Errorf("%d×%d step %d: %d lines", w, h, step, len(ls))
			}
			for i, l := range ls {
				if lw := lipgloss.Width(l); lw > w {
					t.Errorf("%d×%d step %d: line %d is %d wide: %q", w, h, step, i, lw, l)
				}
			}
			if strings.ContainsAny(v, "\x1b\x07\r\u009b\u202e") {
				t.Errorf("%d×%d step %d: a control character reached the screen", w, h, step)
			}
		}
	}
}

func TestTooSmall(t *testing.T) {
	for _, sz := range [][2]int{{40, 10}, {40, 30}, {120, 10}, {10, 3}} {
		m, _ := newTestModel(t, sampleState(t), sz[0], sz[1])
		if v := m.View(); !strings.Contains(strings.Join(strings.Fields(v), " "), "terminal too small") {
			t.Errorf("%d×%d:\n%s", sz[0], sz[1], v)
		}
	}
	m, _ := newTestModel(t, sampleState(t), 41, 11)
	if strings.Contains(m.View(), "terminal too small") {
		t.Error("41×11 is big enough to draw")
	}
}

// golden compares a view with testdata/NAME.golden (go test ./tui -update
// rewrites it).
func golden(t *testing.T, view string) {
	t.Helper()
	teatest.RequireEqualOutput(t, []byte(view))
}

func TestGoldenMain120x40(t *testing.T) {
	m, _ := newTestModel(t, sampleState(t), 120, 40)
	golden(t, m.View())
}

func TestGoldenMain80x24(t *testing.T) {
	m, _ := newTestModel(t, sampleState(t), 80, 24)
	golden(t, m.View())
}

func TestGoldenTechLeadPane(t *testing.T) {
	m, _ := newTestModel(t, sampleState(t), 120, 40)
	golden(t, keys(m, "2").View())
}

func TestGoldenHelp(t *testing.T) {
	m, _ := newTestModel(t, sampleState(t), 120, 40)
	golden(t, keys(m, "?").View())
}

func TestGoldenHandoffPrompt(t *testing.T) {
	m, _ := newTestModel(t, sampleState(t), 120, 40)
	m = keys(m, "3", "h")
	golden(t, typeText(m, "zo").View())
}

func TestGoldenDeclareForm(t *testing.T) {
	m, _ := newTestModel(t, model.State{}, 80, 24)
	golden(t, m.View())
}

// TestProgramRuns drives the screen through a real Bubble Tea program: the
// IM pane's board is on screen, a handoff made with keys shows at once,
// and q quits.
func TestProgramRuns(t *testing.T) {
	m, saver := newTestModel(t, sampleState(t), 120, 40)
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 40))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return strings.Contains(string(b), "NOBODY OWNS THIS")
	}, teatest.WithDuration(5*time.Second))
	tm.Send(keyMsg("6"))
	tm.Send(keyMsg("h"))
	tm.Type("yuki: watch the mentions")
	tm.Send(keyMsg("enter"))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return strings.Contains(string(b), "Held by yuki")
	}, teatest.WithDuration(5*time.Second))
	// A person's pause: a q that came hard on the enter would be the next
	// line of a paste.
	time.Sleep(2 * burstGap)
	tm.Send(keyMsg("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*Model)
	if h := final.focusedRole(); h.Holder != "yuki" || h.Note != "watch the mentions" {
		t.Errorf("social media lead after the handoff: %q %q", h.Holder, h.Note)
	}
	if n := len(saver.submitted()); n != 1 {
		t.Errorf("%d changes saved, want 1", n)
	}
}

// ExampleModel_View shows the smallest use: a screen on an incident.
func ExampleModel_View() {
	m := build(Options{Actor: "alice", Styles: asciiStyles(), Now: func() time.Time { return testNow }}, model.State{})
	next, _ := m.Update(tea.WindowSizeMsg{Width: 60, Height: 12})
	fmt.Println(strings.Contains(next.(*Model).View(), "Declare an incident"))
	// Output: true
}

// A file that cannot be read is said on every screen, the wall too, with
// where it is broken whole, wrapped at the window's width, until it reads
// again.
func TestBrokenFileIsShownWhole(t *testing.T) {
	problem := errors.New("/srv/incidents/checkout-payments-2026-11-25.toml:212:17: expected a value after the equals sign, found a newline")
	screens := map[string]*Model{}
	screens["screen"], _ = newTestModel(t, sampleState(t), 80, 24)
	screens["wall"], _ = newWall(t, sampleState(t), 0)
	screens["wall"] = send(screens["wall"], windowSize(80, 30))
	for name, m := range screens {
		m = send(m, loadedMsg{err: problem})
		v := m.View()
		flat := strings.Join(strings.Fields(strings.ReplaceAll(v, "\n", " ")), " ")
		if !strings.Contains(flat, "checkout-payments-2026-11-25.toml:212:17: expected a value after the equals sign, found a newline") {
			t.Errorf("%s: the problem is not shown whole:\n%s", name, v)
		}
		if n := len(lines(v)); n != m.height {
			t.Errorf("%s: %d lines for a window of %d", name, n, m.height)
		}
		m = send(m, loadedMsg{state: sampleState(t)})
		if strings.Contains(m.View(), "212:17") {
			t.Errorf("%s: the problem stays after the file reads again", name)
		}
	}
}
