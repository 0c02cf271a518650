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

// SharedIncident is IncidentMsg with what a screen derives from the
// incident (who holds what, the communications, what was taken back)
// derived once, with catalog and the bots besides the policy's: a
// server hands the same message to every screen, which then derives
// nothing itself unless it has changes of its own not yet saved. A
// screen whose catalog or bots are others derives it.
func SharedIncident(s model.State, err error, catalog *model.Catalog, bots []string) tea.Msg {
	m := loadedMsg{state: s, err: err}
	if err == nil && s.Declared() {
		m.derived = newSnapshot(s, catalog, bots)
	}
	return m
}

// SavedMsg is the outcome of saves this screen asked for.
func SavedMsg(r store.WriteResult) tea.Msg { return savedMsg(r) }

// Present is one person connected to a served war room.
type Present struct {
	Name    string
	Since   time.Time // when they connected
	Looking Looking   // what they are looking at
	LastKey time.Time // zero: no key yet
	Viewer  bool      // may only watch
}

// PresenceMsg says who is connected now, the person at this screen too.
func PresenceMsg(p []Present) tea.Msg { return presenceMsg(p) }

type presenceMsg []Present

// Looking is what a served screen shows its person: a role's pane, the
// timeline, the task list or the wall. Each screen says it in its own
// language (Label).
type Looking struct {
	Area string        // AreaRole, AreaTimeline, AreaTasks, AreaWall; "" before the first key
	Role model.RoleRef // the role on screen, for AreaRole
}

// What a served screen can be looking at.
const (
	AreaRole     = "role"
	AreaTimeline = "timeline"
	AreaTasks    = "tasks"
	AreaWall     = "wall"
)

// Label says what l is, in lang: "-" when not known yet.
func (l Looking) Label(cat *model.Catalog, lang i18n.Lang) string {
	switch l.Area {
	case AreaRole:
		return l.Role.Label(cat, lang)
	case AreaTimeline:
		return lang.T("the timeline")
	case AreaTasks:
		return lang.T("the task list")
	case AreaWall:
		return lang.T("the wall")
	}
	return "-"
}

// activity tells the server what the person at the keyboard is looking
// at, after every key.
func (m *Model) activity() {
	if m.opts.Activity == nil {
		return
	}
	l := Looking{Area: AreaRole, Role: m.focusedRole().Ref}
	switch {
	case m.c.wall:
		l = Looking{Area: AreaWall} // it rotates by itself: what counts is that it is the wall
	case m.focus == areaTimeline:
		l = Looking{Area: AreaTimeline}
	case m.focus == areaTasks:
		l = Looking{Area: AreaTasks}
	}
	m.opts.Activity(l)
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
