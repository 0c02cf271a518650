package tui

import (
	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/safetext"
)

// What waits on the person at the keyboard (model.WaitingOn): handoffs
// to answer, their handoffs declined, their drafts sent back, their
// tasks whose time box ran out, and, for the incident manager, drafts to
// approve. The header counts them; I lists them.

// waitingNow is what waits on the person at the keyboard now; nothing on
// the wall, which is nobody's.
func (m *Model) waitingNow() []model.Waiting {
	if m.opts.Wall || !m.loaded {
		return nil
	}
	return m.c.state().WaitingOnWith(m.c.actor, m.c.now, m.c.snap.comms)
}

// refreshWaiting counts again what waits on the person at the keyboard,
// for the header: all but the drafts to approve, which the header counts
// beside it for everyone.
func (m *Model) refreshWaiting() {
	n := 0
	for _, w := range m.waitingNow() {
		if w.Kind != model.WaitApprove {
			n++
		}
	}
	m.c.waiting = n
}

// waitingSheet lists what waits on the person at the keyboard, the
// oldest first, each with what to do about it.
func (m *Model) waitingSheet() *sheet {
	c := m.c
	ws := m.waitingNow()
	var lines []string
	for _, w := range ws {
		ago := clock(c.now.Sub(w.Since))
		var l string
		switch w.Kind {
		case model.WaitAnswer:
			l = c.t("%s: handed to you by %s %s ago; Y accepts, N declines", c.label(w.Ref), safetext.Line(w.By), ago)
		case model.WaitDeclined:
			l = c.t("%s: %s declined it %s ago (%s); hand it to someone else", c.label(w.Ref), safetext.Line(w.By), ago, safetext.Line(w.Entry.Text))
		case model.WaitSentBack:
			l = c.t("your %s draft: sent back by %s %s ago (%s); write it again", w.Entry.Audience().In(c.lang), safetext.Line(w.By), ago, safetext.Line(w.Entry.Text))
		case model.WaitTimeBox:
			l = c.t("task %s %q: its time box ran out %s ago", safetext.Line(w.Task.ID), safetext.Line(w.Task.Title), ago)
		case model.WaitApprove:
			l = c.t("a %s draft by %s, %s ago, awaits your approval; A approves, X sends back", w.Entry.Audience().In(c.lang), safetext.Line(w.By), ago)
		}
		lines = append(lines, "• "+l)
	}
	if len(lines) == 0 {
		lines = []string{c.t("Nothing waits on you.")}
	}
	return &sheet{title: c.n(len(ws), "Waiting on you (%d)|Waiting on you (%d)", len(ws)), lines: lines}
}
