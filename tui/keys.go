package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/warroom/warroom/model/i18n"
)

// GlobalKeys work whenever no prompt is open.
type GlobalKeys struct {
	NextRole, PrevRole, JumpRole key.Binding
	NextArea, PrevArea           key.Binding
	Handoff, Note, Task          key.Binding
	Status, Severity             key.Binding
	Undo, Theme, CAN             key.Binding
	Help, Quit                   key.Binding
}

// ListKeys move within the focused area.
type ListKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
}

// TaskKeys act on the selected task when the task list has focus.
type TaskKeys struct {
	Start, Done, Reopen, Cancel, Assign key.Binding
}

// CustomerKeys count customer reports, one key each, on the customer
// support lead's and social media lead's panes.
type CustomerKeys struct {
	Ticket, Call, Mention key.Binding
}

// TheoryKeys act on a tech lead's theories when the role pane has focus.
type TheoryKeys struct {
	Confirm, RuleOut key.Binding
}

// CommsKeys are the communications tools: writing an update on the
// communications manager's pane, approving or sending back a draft on the
// incident manager's, logging a notable report on the customer support
// lead's and social media lead's.
type CommsKeys struct {
	Write, Approve, Reject, Notable key.Binding
}

// TimelineKeys act on the timeline when it has focus.
type TimelineKeys struct {
	Filter, ClearFilter key.Binding
}

// PromptKeys work while a prompt is open; every other key is text.
type PromptKeys struct {
	Submit, Cancel, Complete key.Binding
}

// KeyMap holds every scope's bindings.
type KeyMap struct {
	Global    GlobalKeys
	List      ListKeys
	Tasks     TaskKeys
	Theories  TheoryKeys
	Customers CustomerKeys
	Comms     CommsKeys
	Timeline  TimelineKeys
	Prompt    PromptKeys
}

// DefaultKeyMap returns the key contract of the war-room screen, its help
// in l. Key names (tab, enter) are the same in every language.
func DefaultKeyMap(l i18n.Lang) KeyMap {
	return KeyMap{
		Global: GlobalKeys{
			NextRole: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", l.T("next role"))),
			PrevRole: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", l.T("previous role"))),
			JumpRole: key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("1-8", l.T("jump to role"))),
			NextArea: key.NewBinding(key.WithKeys("right", "f"), key.WithHelp("→/f", l.T("next pane"))),
			PrevArea: key.NewBinding(key.WithKeys("left", "F"), key.WithHelp("←/F", l.T("previous pane"))),
			Handoff:  key.NewBinding(key.WithKeys("h"), key.WithHelp("h", l.T("hand off role"))),
			Note:     key.NewBinding(key.WithKeys("n"), key.WithHelp("n", l.T("add note"))),
			Task:     key.NewBinding(key.WithKeys("t"), key.WithHelp("t", l.T("add task"))),
			Status:   key.NewBinding(key.WithKeys("S"), key.WithHelp("S", l.T("set status"))),
			Severity: key.NewBinding(key.WithKeys("V"), key.WithHelp("V", l.T("set severity"))),
			Undo:     key.NewBinding(key.WithKeys("u"), key.WithHelp("u", l.T("undo your last change"))),
			Theme:    key.NewBinding(key.WithKeys("T"), key.WithHelp("T", l.T("next theme"))),
			CAN:      key.NewBinding(key.WithKeys("C"), key.WithHelp("C", l.T("CAN report"))),
			Help:     key.NewBinding(key.WithKeys("?"), key.WithHelp("?", l.T("help"))),
			Quit:     key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", l.T("quit"))),
		},
		List: ListKeys{
			Up:       key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", l.T("up"))),
			Down:     key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", l.T("down"))),
			PageUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+u"), key.WithHelp("pgup", l.T("page up"))),
			PageDown: key.NewBinding(key.WithKeys("pgdown", "ctrl+d"), key.WithHelp("pgdn", l.T("page down"))),
			Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", l.T("top"))),
			Bottom:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", l.T("bottom"))),
		},
		Tasks: TaskKeys{
			Start:  key.NewBinding(key.WithKeys("s"), key.WithHelp("s", l.T("start task"))),
			Done:   key.NewBinding(key.WithKeys("d"), key.WithHelp("d", l.T("task done"))),
			Reopen: key.NewBinding(key.WithKeys("o"), key.WithHelp("o", l.T("reopen task"))),
			Cancel: key.NewBinding(key.WithKeys("x"), key.WithHelp("x", l.T("cancel task"))),
			Assign: key.NewBinding(key.WithKeys("a"), key.WithHelp("a", l.T("reassign task"))),
		},
		Customers: CustomerKeys{
			Ticket:  key.NewBinding(key.WithKeys("+"), key.WithHelp("+", l.T("+1 ticket"))),
			Call:    key.NewBinding(key.WithKeys("p"), key.WithHelp("p", l.T("+1 phone call"))),
			Mention: key.NewBinding(key.WithKeys("m"), key.WithHelp("m", l.T("+1 social mention"))),
		},
		Comms: CommsKeys{
			Write:   key.NewBinding(key.WithKeys("w"), key.WithHelp("w", l.T("write an update"))),
			Approve: key.NewBinding(key.WithKeys("A"), key.WithHelp("A", l.T("approve a draft update"))),
			Reject:  key.NewBinding(key.WithKeys("X"), key.WithHelp("X", l.T("send a draft back"))),
			Notable: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", l.T("log a notable report"))),
		},
		Theories: TheoryKeys{
			Confirm: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", l.T("confirm a theory"))),
			RuleOut: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", l.T("rule out a theory"))),
		},
		Timeline: TimelineKeys{
			Filter:      key.NewBinding(key.WithKeys("/"), key.WithHelp("/", l.T("filter by role or kind"))),
			ClearFilter: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", l.T("clear filter"))),
		},
		Prompt: PromptKeys{
			Submit:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", l.T("save"))),
			Cancel:   key.NewBinding(key.WithKeys("esc", "ctrl+c"), key.WithHelp("esc", l.T("cancel"))),
			Complete: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", l.T("complete"))),
		},
	}
}

// isText reports whether a key event is text rather than a key: several
// characters that arrived in one read (fast typing, a paste, SSH), which
// Bubble Tea v1 hands over as one event. "down" typed quickly must not act
// as the down key.
func isText(msg tea.KeyMsg) bool {
	return msg.Paste || (msg.Type == tea.KeyRunes && len(msg.Runes) > 1)
}

// matches is key.Matches for keys only: text never matches a binding.
func matches(msg tea.KeyMsg, b ...key.Binding) bool {
	return !isText(msg) && key.Matches(msg, b...)
}
