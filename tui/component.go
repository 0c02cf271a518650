package tui

import (
	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
)

// component is one part of the screen: the header, the role tabs, the
// role pane, the timeline, the task list, the wall's board. It is a
// tea.Model that takes its size from the layout and reports its keys, so
// that the footer and the help are made from the bindings themselves.
//
// The root model routes window sizes and new snapshots (snapshotMsg) to
// every component, and keys to the focused one, each through hand: the
// command a component's Update returns reaches the program with the
// root's own. A component that changes the incident or opens a prompt
// asks the screen through common.act.
type component interface {
	tea.Model
	help.KeyMap
	SetSize(width, height int)
}

// pane is a component of the body: it shows whether it has the keyboard,
// and draws a box or a title rule as the layout says (frame).
type pane interface {
	component
	SetFocused(bool)
	setWide(bool)
}

// holder is a part of the screen that may hold something half keyed in,
// such as a count of customer reports ("+25"): the keys that go on with it
// come to it before the global keys, and it is settled — saved — before
// any other key acts, and before the screen leaves.
type holder interface {
	holds(k tea.KeyMsg) bool
	settle()
}

// hand hands msg to c and keeps the command c returns, which Update
// returns with its own (takeLater). Components are pointers: the model
// c returns is c itself.
func (m *Model) hand(c component, msg tea.Msg) {
	if _, cmd := c.Update(msg); cmd != nil {
		m.later = append(m.later, cmd)
	}
}
