package tui

import (
	"strings"

	"github.com/warroom/warroom/model"
	"github.com/warroom/warroom/model/safetext"
)

// A role handed to someone is theirs at once, but not yet accepted: they
// accept it (Y) or decline it with a reason (N), which gives it back. The
// incident manager, or whoever handed it, can record an answer given by
// phone on the role's pane.

// answerable is the handoff Y and N answer now: the person at the
// keyboard's own, longest waiting first; else, for the incident manager
// or whoever handed it, the focused role's.
func (m *Model) answerable() (model.PendingHandoff, bool) {
	if m.c.wall || !m.loaded {
		return model.PendingHandoff{}, false
	}
	st := m.c.state()
	pending := st.PendingHandoffs(m.c.now)
	for _, p := range pending {
		if model.SameName(p.Holder, m.c.actor) {
			return p, true
		}
	}
	focused := m.focusedRole().Ref
	for _, p := range pending {
		if p.Ref == focused && (model.SameName(m.c.actor, st.Commander()) || model.SameName(m.c.actor, p.By)) {
			return p, true
		}
	}
	return model.PendingHandoff{}, false
}

// answerKeys offers Y and N when there is a handoff to answer, and says
// whose answer they record.
func (m *Model) answerKeys() {
	p, ok := m.answerable()
	m.keys.Accept.SetEnabled(ok)
	m.keys.Decline.SetEnabled(ok)
	if who := m.answerFor(p); ok && who != "" {
		m.keys.Accept.SetHelp("Y", m.c.t("%s accepts", safetext.Line(who)))
		m.keys.Decline.SetHelp("N", m.c.t("%s declines", safetext.Line(who)))
		return
	}
	m.keys.Accept.SetHelp("Y", m.c.t("accept the role handed"))
	m.keys.Decline.SetHelp("N", m.c.t("decline the role handed"))
}

// answerFor is whom an answer is for: "" for your own, the holder's name
// when you record theirs.
func (m *Model) answerFor(p model.PendingHandoff) string {
	if model.SameName(p.Holder, m.c.actor) {
		return ""
	}
	return p.Holder
}

// declinePrompt declines p's role, with the reason typed; it goes back to
// whoever held it before.
func declinePrompt(c *common, p model.PendingHandoff, forWhom string) *prompt {
	label := c.t("Decline %s? Why:", c.label(p.Ref))
	if forWhom != "" {
		label = c.t("Decline %s for %s? Why:", c.label(p.Ref), safetext.Line(forWhom))
	}
	return multi(newPrompt(c, label, c.t("the role goes back to whoever held it before · enter declines"), model.MaxEntry, nil,
		func(v string) (model.Op, *prompt, error) {
			return model.Decline{Role: p.Ref, Reason: strings.TrimSpace(v), For: forWhom}, nil, nil
		}))
}

// acceptanceLine says where a holding's handoff stands, or "".
func (c *common) acceptanceLine(h model.Holding) string {
	if h.Acceptance != model.AcceptanceAwaited || h.Default {
		return ""
	}
	waiting := c.now.Sub(h.Since)
	text := c.t("handed %s ago by %s, not yet accepted", clock(waiting), safetext.Line(h.By))
	if waiting >= c.state().AcceptLimit() {
		return c.styles.Warning.Render(strings.ToUpper(text))
	}
	return c.styles.Warning.Render(text)
}
