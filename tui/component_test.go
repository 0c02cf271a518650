package tui

import (
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/warroom/warroom/model/i18n"
)

// commanding is a component whose Update asks for a command, as one that
// holds a spinner or a blinking cursor would.
type commanding struct{ got []tea.Msg }

type commandedMsg struct{ msg tea.Msg }

func (c *commanding) Init() tea.Cmd { return nil }
func (c *commanding) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	c.got = append(c.got, msg)
	return c, func() tea.Msg { return commandedMsg{msg} }
}
func (c *commanding) View() string              { return "" }
func (c *commanding) ShortHelp() []key.Binding  { return nil }
func (c *commanding) FullHelp() [][]key.Binding { return nil }
func (c *commanding) SetSize(width, height int) {}

// TestComponentCommandsReachTheProgram: the command a component returns
// from Update, whatever the message (a snapshot, a change of focus, a
// key), comes back from the screen's Update, with its own: none is
// dropped.
func TestComponentCommandsReachTheProgram(t *testing.T) {
	m, _ := newTestModel(t, sampleState(t), 120, 40)
	c := &commanding{}
	m.hand(c, snapshotMsg{})
	m.hand(c, focusMsg{})
	_, cmd := m.Update(noticeMsg(i18n.M("hello")))
	var got []tea.Msg
	var walk func(tea.Cmd)
	walk = func(cmd tea.Cmd) {
		if cmd == nil {
			return
		}
		switch v := cmd().(type) {
		case tea.BatchMsg:
			for _, c := range v {
				walk(c)
			}
		case commandedMsg:
			got = append(got, v.msg)
		}
	}
	walk(cmd)
	if len(got) != 2 || got[0] != (snapshotMsg{}) || got[1] != (focusMsg{}) {
		t.Errorf("the screen's Update brought %v of the component's commands, want the snapshot's and the focus's", got)
	}
	if _, cmd := m.Update(noticeMsg(i18n.M("again"))); cmd != nil {
		t.Error("the component's commands came back twice")
	}
}
