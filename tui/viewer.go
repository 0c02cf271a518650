package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/warroom/warroom/model/i18n"
)

// A viewer (Options.Viewer) is a member of a served war room who may only
// watch: the screen is read-only, as the wall is, its header says "view
// only", and a key that would change something says why it does nothing.

// onlyWatching tells a viewer who pressed a key that would change the
// incident why nothing happens, and reports whether k was such a key: one
// of a binding turned off (the editing keys, the focused pane's tools)
// and of none that works.
func (m *Model) onlyWatching(k tea.KeyMsg) bool {
	var would, does bool
	check := func(b key.Binding) {
		for _, name := range b.Keys() {
			if name == k.String() {
				does = does || b.Enabled()
				would = would || !b.Enabled()
			}
		}
	}
	for _, b := range m.keys.editing() {
		check(*b)
	}
	for _, group := range m.panes()[m.focus].FullHelp() {
		for _, b := range group {
			check(b)
		}
	}
	if !would || does {
		return false
	}
	m.notice = m.c.t("you may only watch this war room: ask its host for edit access")
	return true
}

var _ = i18n.Register("tui viewer", i18n.Spanish, map[string]string{
	"view only": "solo mirar",
	"you may only watch this war room: ask its host for edit access": "solo puedes mirar esta sala de crisis: pide a quien la sirve acceso para editar",
})
