package tui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/i18n"
	"github.com/warroom/warroom/model/store"
)

// A screen served over SSH does not read or watch the file itself: the
// server's hub does, once for every session, and hands each screen the
// incident as it now is, the outcome of its own saves, and who else is
// connected, as these messages.

// IncidentMsg is the incident as the file now holds it, or why it could
// not be read.
func IncidentMsg(s model.State, err error) tea.Msg { return loadedMsg{state: s, err: err} }

// SavedMsg is the outcome of saves this screen asked for.
func SavedMsg(r store.WriteResult) tea.Msg { return savedMsg(r) }

// Present is one person connected to a served war room.
type Present struct {
	Name    string
	Since   time.Time // when they connected
	Pane    string    // what they are looking at, in English ("Tech lead · database", "timeline")
	LastKey time.Time // zero: no key yet
	Viewer  bool      // may only watch
}

// PresenceMsg says who is connected now, the person at this screen too.
func PresenceMsg(p []Present) tea.Msg { return presenceMsg(p) }

type presenceMsg []Present

// activity tells the server what the person at the keyboard is looking
// at, after every key.
func (m *Model) activity() {
	if m.opts.Activity == nil {
		return
	}
	pane := m.focusedRole().Ref.Label(m.c.catalog, "en")
	switch m.focus {
	case areaTimeline:
		pane = "timeline"
	case areaTasks:
		pane = "tasks"
	}
	m.opts.Activity(pane)
}

// IncidentState reads an IncidentMsg back: for the server's tests.
func IncidentState(msg tea.Msg) (model.State, bool) {
	m, ok := msg.(loadedMsg)
	return m.state, ok
}

// SavedResult reads a SavedMsg back: for the server's tests.
func SavedResult(msg tea.Msg) (store.WriteResult, bool) {
	m, ok := msg.(savedMsg)
	return store.WriteResult(m), ok
}

// NoticeMsg shows a one-off notice, in the screen's language: the server
// stopping.
func NoticeMsg(m i18n.Message) tea.Msg { return noticeMsg(m) }

type noticeMsg i18n.Message
