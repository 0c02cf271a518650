package tui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/warroom/warroom/model/report"
)

// The catch-up on the screen: someone who opens a screen after being
// away ten minutes or more, or who never saw this incident, is shown
// what changed since they last took part (report.CatchUp) before
// anything else; one key puts it away, and B shows it again. It is read
// from the timeline; when they were last here is remembered outside it
// (Options.LastSeen).

// awayFor is how long someone must have been away to be caught up when
// their screen opens.
const awayFor = 10 * time.Minute

// catchUpMsg asks the screen to show the catch-up since a time.
type catchUpMsg struct{ since time.Time }

// CatchUpMsg is a message that shows the person at the keyboard what
// changed since their last visit, seen (zero when unknown): what a
// served war room sends a member whose screen opens again. Nothing is
// shown to someone back within ten minutes.
func CatchUpMsg(seen time.Time) tea.Msg { return catchUpMsg{since: seen} }

// catchUpState is when the screen counts the catch-up from, once known.
type catchUpState struct {
	due   bool      // to be shown once the whole timeline is read
	since time.Time // when the person was last here: their last entry or visit
	known bool
}

// offerCatchUp shows the catch-up to someone away awayFor or more, once
// the whole timeline is read; seen is their last visit (zero: unknown).
func (m *Model) offerCatchUp(seen time.Time) {
	if m.opts.Wall || !m.loaded {
		return // the wall is nobody's
	}
	if m.c.loading {
		m.catchUp.due, m.catchUp.since = true, seen
		return
	}
	m.catchUp.due = false
	since := m.c.state().CatchUpSince(m.c.actor, seen)
	m.catchUp.since, m.catchUp.known = since, true
	if !since.IsZero() && m.c.now.Sub(since) < awayFor {
		return
	}
	m.showCatchUp()
}

// showCatchUp shows what changed since the person was last here (since
// the screen opened, when it was not known then).
func (m *Model) showCatchUp() {
	if !m.catchUp.known {
		m.catchUp.since, m.catchUp.known = m.c.state().CatchUpSince(m.c.actor, m.opts.LastSeen), true
	}
	st := m.c.state()
	o := report.Options{Catalog: m.c.catalog, Lang: m.c.lang, Loc: m.c.now.Location(), Now: m.c.now, Bots: m.opts.Bots}
	c := st.CatchUp(m.catchUp.since, m.c.actor, st.Bots(m.opts.Bots...))
	m.sheet = &sheet{title: m.c.t("What happened while you were away"), lines: report.CatchUpLines(st, c, o)}
}

// catchUpLoaded shows a catch-up that waited for the whole timeline.
func (m *Model) catchUpLoaded() {
	if m.catchUp.due && !m.c.loading {
		m.offerCatchUp(m.catchUp.since)
	}
}
