package tui

import (
	"time"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/safetext"
)

// What happens to the person at the keyboard — a role handed to them, a
// draft of theirs sent back, a time box of theirs run out — is said on
// their screen as it happens, and stays there until they press esc or a
// minute has passed: typing on does not wipe it.

// newsFor is how long a notice about you stays without esc.
const newsFor = time.Minute

// news looks at what a change brought for the person at the keyboard.
// Only entries by others count: what you did yourself is no news.
func (m *Model) news(before, after model.State) {
	if !m.loaded || m.opts.Wall {
		return // the first read of the file is history, not news; the wall is nobody's
	}
	tl := after.Timeline
	var seen map[string]bool // the entries shown before: read only when one may be news
	for i := max(0, len(tl)-200); i < len(tl); i++ {
		e := tl[i]
		// A decline is news to whoever handed the role: declined says.
		forYou := (e.Kind == model.KindHandoff && model.SameName(e.To, m.c.actor)) ||
			(e.Kind == model.KindCommsRejected && model.SameName(e.From, m.c.actor)) ||
			e.Kind == model.KindHandoffDeclined
		if !forYou || model.SameName(e.By, m.c.actor) {
			continue
		}
		if seen == nil {
			seen = recentEntryIDs(before, 1000)
		}
		if seen[e.ID] {
			continue
		}
		switch {
		case e.Kind == model.KindHandoff && model.SameName(e.To, m.c.actor):
			text := m.c.t("%s handed you %s", safetext.Line(e.By), m.c.label(e.RoleRef()))
			if e.Text != "" {
				text += ": " + safetext.Line(e.Text)
			}
			m.tell(text)
			if p, ok := m.answerable(); ok && p.Ref == e.RoleRef() && m.answerFor(p) == "" {
				m.sheet = m.readBack(e.RoleRef())
			}
		case e.Kind == model.KindHandoffDeclined:
			m.declined(after, e)
		case e.Kind == model.KindCommsRejected && model.SameName(e.From, m.c.actor):
			m.tell(m.c.t("%s sent your %s draft back: %s", safetext.Line(e.By), e.Audience().In(m.c.lang), safetext.Line(e.Text)))
		}
	}
}

// expired says which time boxes of yours ran out between two ticks: a
// task you own, or one your role owns.
func (m *Model) expired(prev, now time.Time) {
	if m.opts.Wall || prev.IsZero() || !now.After(prev) {
		return
	}
	mine := map[model.RoleRef]bool{}
	for _, h := range m.c.snap.holdings {
		if yours(m.c, h) {
			mine[h.Ref] = true
		}
	}
	for _, t := range m.c.state().Tasks {
		if !t.Open() || t.Due.IsZero() || !t.Due.After(prev) || t.Due.After(now) {
			continue
		}
		if model.SameName(t.Owner, m.c.actor) || (t.Owner == "" && mine[t.RoleRef()]) {
			m.tell(m.c.t("the time box of task %s has run out: %s", safetext.Line(t.ID), safetext.Line(t.Title)))
		}
	}
}

// tell shows news about you, above the prompt or notice.
func (m *Model) tell(text string) { m.newsText, m.newsAt = text, m.c.now }

// newsLine renders the news about you, or "".
func (m *Model) newsLine(w int) string {
	if m.newsText == "" {
		return ""
	}
	tail := m.c.t("esc: seen")
	if h := hints(m.keys.Accept, m.keys.Decline); h != "" {
		tail = h + " · " + tail
	}
	return fit(m.c.styles.Warning.Render("● "+m.newsText+" · ")+m.c.styles.Muted.Render(tail), w)
}
