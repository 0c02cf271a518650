package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/warroom/warroom/model/i18n"
)

// Every scope of the screen has one KeyMap: its bindings, with their help
// in the screen's language. The footer, the full help (?), the wall's
// read-only set and the hints drawn on panes are all made from them.
// Key names (tab, enter) are the same in every language.

// bind makes a binding for keys, shown as name with desc (English, to be
// translated into l).
func bind(l i18n.Lang, name, desc string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(name, l.T(desc)))
}

// globalKeys work whenever no prompt is open.
type globalKeys struct {
	NextRole, PrevRole, JumpRole, NextArea, PrevArea key.Binding
	Handoff, Note, Task, CAN, Status, Severity, Undo key.Binding
	Edit, Split, Release, CloseWS                    key.Binding
	Accept, Decline                                  key.Binding
	Mark, Waiting, CatchUp                           key.Binding
	Theme, Help, Quit                                key.Binding
}

func newGlobalKeys(l i18n.Lang) globalKeys {
	return globalKeys{
		NextRole: bind(l, "tab", "next role", "tab"),
		PrevRole: bind(l, "shift+tab", "previous role", "shift+tab"),
		JumpRole: bind(l, "1-8", "jump to role", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
		NextArea: bind(l, "→/f", "next pane", "right", "f"),
		PrevArea: bind(l, "←/F", "previous pane", "left", "F"),
		Handoff:  bind(l, "h", "hand off role", "h"),
		Note:     bind(l, "n", "add note", "n"),
		Task:     bind(l, "t", "add task", "t"),
		CAN:      bind(l, "C", "CAN report", "C"),
		Status:   bind(l, "S", "set status", "S"),
		Severity: bind(l, "V", "set severity", "V"),
		Undo:     bind(l, "u", "undo your last change", "u"),
		Edit:     bind(l, "E", "edit the title and summary", "E"),
		Split:    bind(l, "W", "add a workstream of this role", "W"),
		Release:  bind(l, "R", "give this role back to the incident manager", "R"),
		CloseWS:  bind(l, "K", "close this workstream", "K"),
		Accept:   bind(l, "Y", "accept the role handed", "Y"),
		Decline:  bind(l, "N", "decline the role handed", "N"),
		Mark:     bind(l, "M", "mark a milestone (impact, detected…)", "M"),
		Waiting:  bind(l, "I", "what waits on you", "I"),
		CatchUp:  bind(l, "B", "what happened while you were away", "B"),
		Theme:    bind(l, "T", "next theme", "T"),
		Help:     bind(l, "?", "help", "?"),
		Quit:     bind(l, "q", "quit", "q", "ctrl+c"),
	}
}

// ShortHelp is the footer's start: the keys used most.
func (k globalKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Accept, k.Decline, k.Handoff, k.Note, k.Task, k.NextRole, k.NextArea}
}

// FullHelp lists every global key, by what it is for.
func (k globalKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.NextRole, k.PrevRole, k.JumpRole, k.NextArea, k.PrevArea},
		{k.Handoff, k.Note, k.Task, k.CAN, k.Status, k.Severity, k.Undo},
		{k.Edit, k.Split, k.Release, k.CloseWS, k.Accept, k.Decline, k.Mark, k.Waiting, k.CatchUp},
		{k.Theme, k.Help, k.Quit},
	}
}

// editing lists the keys that change the incident: off on the wall.
func (k *globalKeys) editing() []*key.Binding {
	return []*key.Binding{&k.Handoff, &k.Note, &k.Task, &k.CAN, &k.Status, &k.Severity, &k.Undo,
		&k.Edit, &k.Split, &k.Release, &k.CloseWS, &k.Accept, &k.Decline, &k.Mark}
}

// listKeys move within the focused pane.
type listKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
}

func newListKeys(l i18n.Lang) listKeys {
	return listKeys{
		Up:       bind(l, "↑/k", "up", "k", "up"),
		Down:     bind(l, "↓/j", "down", "j", "down"),
		PageUp:   bind(l, "pgup", "page up", "pgup", "ctrl+u"),
		PageDown: bind(l, "pgdn", "page down", "pgdown", "ctrl+d"),
		Top:      bind(l, "g", "top", "g", "home"),
		Bottom:   bind(l, "G", "bottom", "G", "end"),
	}
}

// ShortHelp is empty: moving is known; the footer keeps its room for
// what the pane does.
func (k listKeys) ShortHelp() []key.Binding { return nil }

// FullHelp lists the moves.
func (k listKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}}
}

// step is how far a move key moves, page rows a page; 0 for other keys.
func (k listKeys) step(msg tea.KeyMsg, page int) int {
	switch {
	case key.Matches(msg, k.Up):
		return -1
	case key.Matches(msg, k.Down):
		return 1
	case key.Matches(msg, k.PageUp):
		return -max(1, page)
	case key.Matches(msg, k.PageDown):
		return max(1, page)
	case key.Matches(msg, k.Top):
		return -1 << 30
	case key.Matches(msg, k.Bottom):
		return 1 << 30
	}
	return 0
}

// promptKeys work while a prompt is open; every other key is text.
// Clear is the text input's own (ctrl+u clears to the start, as in a
// shell), named here so that the footer offers it while there is text.
type promptKeys struct {
	Submit, Cancel, Complete, Clear key.Binding
}

func newPromptKeys(l i18n.Lang) promptKeys {
	return promptKeys{
		Submit:   bind(l, "enter", "save", "enter"),
		Cancel:   bind(l, "esc", "cancel", "esc", "ctrl+c"),
		Complete: bind(l, "tab", "complete", "tab"),
		Clear:    bind(l, "ctrl+u", "clear", "ctrl+u"),
	}
}

// ShortHelp lists the prompt's keys: while it is open, these are all the
// keys there are.
func (k promptKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Submit, k.Cancel, k.Clear, k.Complete}
}

// FullHelp is ShortHelp in one column.
func (k promptKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// hints renders enabled bindings as the panes show them: "c confirm · r
// rule out".
func hints(bs ...key.Binding) string {
	var parts []string
	for _, b := range bs {
		if b.Enabled() {
			parts = append(parts, b.Help().Key+" "+b.Help().Desc)
		}
	}
	return strings.Join(parts, " · ")
}

// withHint appends the hints of bs to a pane's heading, when any is on.
func withHint(heading string, bs ...key.Binding) string {
	if h := hints(bs...); h != "" {
		return heading + " · " + h
	}
	return heading
}

// disable turns bindings off.
func disable(bs []*key.Binding) {
	for _, b := range bs {
		b.SetEnabled(false)
	}
}
